//! Hostile and broken docs (tests/fixtures/adversarial/<theme>/): never panic, report
//! exactly the expected diagnostics, and emit code that parses (the
//! `tests/adversarial-crate` workspace member compiles it).
//! Re-bless the expected diagnostics with `DOCS2RS_BLESS=1 cargo test --test adversarial`.

use docs2rs::config::ApiConfig;
use docs2rs::{Error, Generator};
use std::path::{Path, PathBuf};

const BLESS: &str = "DOCS2RS_BLESS";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adversarial")
}

fn themes() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn run_theme(theme: &str) -> (String, docs2rs::Generated) {
    let g = Generator::new().with_root(fixtures()).with_api(ApiConfig::new(theme).with_input(theme));
    match g.render() {
        Ok(done) => {
            let text: Vec<String> = done.diagnostics.iter().map(|d| d.to_string()).collect();
            (text.join("\n") + "\n", done)
        }
        Err(Error::Diagnostics(ds)) => panic!("{theme}: errors: {ds:#?}"),
        Err(e) => panic!("{theme}: {e}"),
    }
}

#[test]
fn every_theme_gives_exactly_the_expected_diagnostics() {
    let bless = std::env::var_os(BLESS).is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for theme in themes() {
        let (diags, done) = run_theme(&theme);
        for (name, code) in &done.files {
            syn::parse_file(code).unwrap_or_else(|e| panic!("{theme}/{name} does not parse: {e}"));
        }
        let expected_path = fixtures().join(format!("{theme}.diagnostics"));
        if bless {
            std::fs::write(&expected_path, &diags).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != diags {
            failures.push(format!("--- {theme}: expected\n{expected}+++ {theme}: got\n{diags}"));
        }
    }
    assert!(failures.is_empty(), "{}\nRe-bless with {BLESS}=1 cargo test --test adversarial", failures.join("\n"));
}

#[test]
fn a_ten_thousand_row_table_is_read_in_full() {
    let dir = std::env::temp_dir().join(format!("docs2rs-bigtable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut doc = String::from("# Big\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n");
    for i in 0..10_000 {
        doc.push_str(&format!("**field_{i}** | **Integer** | Field number {i}. | [optional]\n"));
    }
    std::fs::write(dir.join("Big.md"), doc).unwrap();
    let g = Generator::new().with_root(&dir).with_api(ApiConfig::new("big").with_input("Big.md"));
    let (apis, _) = g.schema().unwrap();
    assert_eq!(apis[0].models[0].fields.len(), 10_000);
}

#[test]
fn output_paths_never_leave_the_output_directory() {
    for (api, module) in [("../x", "x"), ("/etc/x", "etc_x"), ("con", "con_api"), ("a\\b", "a_b"), ("", "api"), ("lib", "lib_api")] {
        assert_eq!(docs2rs::module_name(api), module, "{api:?}");
    }
    let out = std::env::temp_dir().join(format!("docs2rs-escape-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let g = Generator::new()
        .with_root(fixtures())
        .with_out_dir(&out)
        .with_api(ApiConfig::new("../../escape").with_input("recursive"))
        .with_api(ApiConfig::new("/etc/passwd").with_input("recursive"));
    let done = g.generate().unwrap();
    for name in done.files.keys() {
        assert!(!name.contains('/') && !name.contains('\\') && !name.contains(".."), "{name}");
        assert!(out.join(name).is_file());
    }
}

#[test]
fn input_order_does_not_change_the_output() {
    let forward = Generator::new()
        .with_root(fixtures())
        .with_api(ApiConfig::new("r").with_input("recursive/Node.md").with_input("recursive/Partner.md"))
        .render()
        .unwrap();
    let backward = Generator::new()
        .with_root(fixtures())
        .with_api(ApiConfig::new("r").with_input("recursive/Partner.md").with_input("recursive/Node.md"))
        .render()
        .unwrap();
    assert_eq!(forward.files, backward.files);
}
