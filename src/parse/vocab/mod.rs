//! The shared page vocabulary: words and spellings every reader understands the same way.
//! No reader module imports another reader's internals; what two of them need lives here.

pub mod bullets;
pub mod chrome;
pub mod field_line;
pub mod sections;
pub mod type_words;
