//! Arbitrary bytes with format detection, through resolve and render.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    docs2rs::fuzzing::check_document(data, None);
});
