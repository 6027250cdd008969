// build.rs
use docs2rs::{Generator, config::ApiConfig, schema::AuthScheme};

fn main() {
    let out = std::env::var_os("OUT_DIR").unwrap();
    Generator::new()
        // wire names: learned from the docs (`.with_wire_case(WireCase::Camel)` to set them)
        .with_api(ApiConfig::new("purecloud").with_input("docs/purecloud").with_auth(AuthScheme::Bearer))
        .with_out_dir(out)
        .with_lib(false)
        .with_cargo_rerun_if_changed(true) // one line per input, template and config
        .with_cargo_warnings(true) // skipped pages and other diagnostics as build warnings
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
}
