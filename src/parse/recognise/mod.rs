//! Recognisers: small functions that find one kind of thing in blocks or lines, whatever
//! generator made the page. Each is linear in its input and tested on its own.

pub mod endpoint;
pub mod example;
pub mod field;
pub mod json_schema;
pub mod request;
pub mod table;
pub mod tag;
pub mod xml_sample;
