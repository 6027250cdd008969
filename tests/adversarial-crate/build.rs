//! Generates one module per adversarial theme; the crate compiling (warning-free under
//! clippy -D warnings in CI) is the assertion.

use docs2rs::Generator;
use docs2rs::config::ApiConfig;

const THEMES: &[&str] = &["identifiers", "std-names", "recursive", "hostile-text", "broken", "client-internals", "pages"];

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut generator = Generator::new().with_root("../fixtures/adversarial").with_out_dir(out).with_lib(false).with_cargo_rerun_if_changed(true);
    for theme in THEMES {
        generator = generator.with_api(ApiConfig::new(*theme).with_input(*theme));
    }
    if let Err(e) = generator.generate() {
        panic!("{e}");
    }
}
