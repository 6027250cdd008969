//! `generated/` is the golden output for `seeds/`: a fresh generation must match it.
//! Re-bless with `DOCS2RS_BLESS=1 cargo test --test golden`.

use docs2rs::Generator;
use std::path::Path;

const BLESS: &str = "DOCS2RS_BLESS";

#[test]
fn generated_matches_the_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generator = Generator::from_config_file(root.join("docs2rs.toml")).expect("docs2rs.toml loads");
    if std::env::var_os(BLESS).is_some_and(|v| v == "1") {
        generator.generate().expect("generation succeeds");
        return;
    }
    let (_, drift) = generator.check().expect("generation succeeds");
    if !drift.is_empty() {
        let diffs: Vec<String> = drift.iter().map(|d| d.diff.clone()).collect();
        panic!(
            "generated/ differs from a fresh generation of seeds/ ({} file(s)):\n{}\nIf the change is intended, re-bless with: {BLESS}=1 cargo test --test golden",
            drift.len(),
            diffs.join("\n")
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let a = Generator::from_config_file(root.join("docs2rs.toml")).unwrap().render().unwrap();
    let b = Generator::from_config_file(root.join("docs2rs.toml")).unwrap().render().unwrap();
    assert_eq!(a.files, b.files);
}
