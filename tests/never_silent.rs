//! Every document under `tests/fixtures` (and the seeds and the SDK-doc family) ends in an
//! operation, a model or an enum, or in a warning that says why not. Nothing is dropped
//! without a word.

use std::path::{Path, PathBuf};

const DOC_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm", "rst"];

fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            documents(&p, out);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| DOC_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())) {
            out.push(p);
        }
    }
}

#[test]
fn every_fixture_document_yields_something_or_a_warning() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    for dir in ["tests/fixtures", "tests/sdk-family", "seeds"] {
        documents(&root.join(dir), &mut docs);
    }
    assert!(docs.len() > 300, "the fixture tree moved: only {} documents found", docs.len());
    let mut silent = Vec::new();
    for path in &docs {
        let bytes = std::fs::read(path).unwrap();
        let label = path.strip_prefix(&root).unwrap_or(path).to_string_lossy().to_string();
        let mut diags = docs2rs::diag::Diagnostics::new();
        let doc = docs2rs::parse::parse_document(&label, &bytes, None, &mut diags);
        let yielded = !doc.operations.is_empty() || !doc.models.is_empty() || !doc.enums.is_empty() || !doc.one_of.is_empty();
        if !yielded && diags.items().is_empty() {
            silent.push(label);
        }
    }
    assert!(silent.is_empty(), "{} document(s) gave nothing and said nothing:\n{}", silent.len(), silent.join("\n"));
}
