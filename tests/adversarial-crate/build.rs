//! Generates one module per adversarial theme, and one per parser fixture (every SDK
//! flavour and page family), so the crate compiling — warning-free under clippy and
//! rustdoc `-D warnings` in CI — proves each produces valid Rust.

use docs2rs::Generator;
use docs2rs::config::ApiConfig;
use std::fmt::Write;
use std::path::Path;

const THEMES: &[&str] = &["identifiers", "std-names", "recursive", "hostile-text", "broken", "client-internals", "pages", "http-shapes"];
const FIXTURE_DIRS: &[&str] = &["swagger", "fern", "readme", "html"];
/// Definitions (tests/fixtures/definitions): a file, and folders of pages carrying one.
const DEFINITIONS: &[&str] = &["nursery.openapi.json", "redoc", "readme", "next", "swagger-ui", "scalar", "yaml", "garbage"];

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    // The themes are broken on purpose (tests/adversarial.rs checks their diagnostics):
    // no build warnings for them.
    let mut generator =
        Generator::new().with_root("../fixtures").with_out_dir(&out).with_lib(false).with_cargo_rerun_if_changed(true).with_cargo_warnings(false);
    for theme in THEMES {
        generator = generator.with_api(ApiConfig::new(*theme).with_input(format!("adversarial/{theme}")));
    }
    let mut fixtures = Vec::new();
    for dir in FIXTURE_DIRS {
        let mut files: Vec<_> = std::fs::read_dir(Path::new("../fixtures").join(dir)).expect("fixture dir").map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files {
            let stem = file.file_name().and_then(|n| n.to_str()).and_then(|n| n.split('.').next()).expect("file name");
            let api = format!("{dir}_{stem}");
            generator = generator.with_api(ApiConfig::new(api.clone()).with_input(format!("{dir}/{}", file.file_name().unwrap().to_string_lossy())));
            fixtures.push(docs2rs::module_name(&api));
        }
    }
    for input in DEFINITIONS {
        let api = format!("definition_{}", input.split('.').next().expect("name"));
        generator = generator.with_api(ApiConfig::new(api.clone()).with_input(format!("definitions/{input}")));
        fixtures.push(docs2rs::module_name(&api));
    }
    if let Err(e) = generator.generate() {
        panic!("{e}");
    }
    let mut modules = String::new();
    for m in fixtures {
        writeln!(modules, "pub mod {m} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{m}.rs\")); }}").unwrap();
    }
    std::fs::write(Path::new(&out).join("fixtures.rs"), modules).expect("write fixtures.rs");
}
