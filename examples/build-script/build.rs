//! Generates the PureCloud client from the seed docs into OUT_DIR on every build
//! where the docs changed (docs2rs prints `cargo:rerun-if-changed` for each input).

use docs2rs::Generator;
use docs2rs::config::{ApiConfig, WireCase};
use docs2rs::schema::AuthScheme;

fn main() {
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let api = ApiConfig::new("purecloud").with_input("../../seeds/purecloud").with_wire_case(WireCase::Camel).with_auth(AuthScheme::Bearer);
    let result = Generator::new().with_api(api).with_out_dir(out_dir).with_lib(false).with_cargo_rerun_if_changed(true).generate();
    match result {
        Ok(done) => {
            for d in &done.diagnostics {
                // Cargo shows these lines as build warnings.
                println!("cargo:warning={}", d.to_string().replace('\n', " "));
            }
        }
        Err(e) => panic!("docs2rs failed:\n{e}"),
    }
}
