//! Every input a fuzzer crashed on, replayed through the same property the fuzz targets
//! check (`docs2rs::fuzzing::check_document`), in the format its target used.

use docs2rs::fuzzing::check_document;
use docs2rs::parse::Format;
use std::path::Path;

fn format_of(name: &str) -> Option<Format> {
    match name.split('-').next() {
        Some("swagger_md") => Some(Format::SwaggerMarkdown),
        Some("fern") => Some(Format::Fern),
        Some("readme") => Some(Format::Readme),
        Some("html") => Some(Format::Html),
        Some("page") => Some(Format::Page),
        _ => None,
    }
}

#[test]
fn fuzzer_findings_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        check_document(&bytes, format_of(&name));
        check_document(&bytes, None);
    }
}
