//! Generates the seed APIs and the update-profile fixture in types-only mode into OUT_DIR.

use docs2rs::Generator;
use docs2rs::config::{ApiConfig, WireCase};

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let generator = Generator::new()
        .with_root("../..")
        .with_api(ApiConfig::new("purecloud").with_input("seeds/purecloud").with_wire_case(WireCase::Camel))
        .with_api(ApiConfig::new("podcast").with_input("seeds/podcast"))
        .with_api(ApiConfig::new("profiles").with_input("tests/fixtures/fern/update-profile.fern.txt"))
        .with_client(false)
        .with_out_dir(out)
        .with_lib(false)
        .with_cargo_rerun_if_changed(true);
    if let Err(e) = generator.generate() {
        panic!("{e}");
    }
}
