//! Arbitrary bytes through the page reader (every syntax lowered to blocks, the generic
//! recognisers) and on to generated code: never panics, and whatever is produced renders
//! to Rust that syn accepts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    docs2rs::fuzzing::check_document(data, Some(docs2rs::parse::Format::Page));
});
