//! What the generated code looks like per output mode and field shape: types-only output,
//! three-state nullable fields, lenient date-times, constructors and parameter setters.
//! The crates that compile this output (tests/types-only-crate, tests/adversarial-crate,
//! generated/) test its behaviour.

use docs2rs::Generator;
use docs2rs::config::{ApiConfig, Config};
use std::path::Path;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// The `profiles` API (tests/fixtures/fern/update-profile.fern.txt) rendered in memory.
fn profiles(generator: Generator) -> (String, String) {
    let done = render_profiles(generator);
    (done.files["profiles.rs"].clone(), done.files["lib.rs"].clone())
}

fn render_profiles(generator: Generator) -> docs2rs::Generated {
    generator.with_root(fixtures()).with_api(ApiConfig::new("profiles").with_input("fern/update-profile.fern.txt")).render().expect("renders")
}

/// The source without whitespace and trailing commas, so assertions do not depend on
/// where prettyplease breaks lines.
fn flat(code: &str) -> String {
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    compact.replace(",>", ">").replace(",)", ")").replace(",}", "}")
}

/// `code` (flattened) contains `part`.
fn has(code: &str, part: &str) -> bool {
    code.contains(&flat(part))
}

#[test]
fn types_only_writes_models_and_enums_without_the_client() {
    let (code, lib) = profiles(Generator::new().with_client(false));
    assert!(code.contains("pub mod types {"), "{code}");
    assert!(code.contains("pub struct UpdateProfileRequest"));
    assert!(code.contains("pub enum UpdateProfileExpand"), "parameter enums are types too");
    for absent in ["reqwest", "pub struct Client", "pub mod params", "pub enum Error", "ToParam", "async fn"] {
        assert!(!code.contains(absent), "types-only output mentions `{absent}`:\n{code}");
    }
    assert!(lib.contains("/// Types for the profiles API."), "{lib}");

    let (client, lib) = profiles(Generator::new());
    assert!(client.contains("pub struct Client") && client.contains("pub mod params"));
    assert!(lib.contains("/// Client and types for the profiles API."), "{lib}");
}

#[test]
fn types_only_notes_the_dependencies_the_output_needs() {
    let done = render_profiles(Generator::new().with_client(false));
    assert!(
        done.notes.contains(&"profiles: types only; dependencies: serde (features \"derive\"), chrono (features \"serde\")".to_string()),
        "{:?}",
        done.notes
    );
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/docs2rs.toml");
    let done = Generator::from_config_file(root).unwrap().with_only_apis(vec!["purecloud".into()]).with_client(false).render().unwrap();
    assert!(done.notes.iter().any(|n| n == "purecloud: types only; dependencies: serde (features \"derive\"), serde_json"), "{:?}", done.notes);
    let done = render_profiles(Generator::new());
    assert!(!done.notes.iter().any(|n| n.contains("types only")));
}

#[test]
fn output_client_false_in_the_config_is_types_only() {
    let config = Config::from_toml("[output]\nclient = false\n").expect("`client` is an [output] key");
    assert!(!config.output.client);
    assert!(Config::from_toml("").unwrap().output.client, "the client is written by default");
    let (code, _) = profiles(Generator::new().with_config(config.clone()));
    assert!(!code.contains("pub struct Client"));
    // The builder overrides the config, both ways.
    let (code, _) = profiles(Generator::new().with_config(config).with_client(true));
    assert!(code.contains("pub struct Client"));
}

#[test]
fn an_optional_nullable_field_has_three_states() {
    let (code, _) = profiles(Generator::new());
    let code = flat(&code);
    assert!(
        has(
            &code,
            "#[serde( rename = \"archivedAt\", default, skip_serializing_if = \"Option::is_none\", deserialize_with = \"decode::nullable_date_time\" )] pub archived_at: Option<Option<::chrono::DateTime<::chrono::Utc>>>,"
        ),
        "{code}"
    );
    assert!(has(&code, "deserialize_with = \"decode::nullable\" )] pub nickname: Option<Option<String>>,"), "{code}");
}

#[test]
fn date_times_decode_leniently_through_helpers_in_the_types_module() {
    let (code, _) = profiles(Generator::new().with_client(false));
    let code = flat(&code);
    assert!(
        has(&code, "#[serde(rename = \"createdAt\", deserialize_with = \"decode::date_time\")] pub created_at: ::chrono::DateTime<::chrono::Utc>,"),
        "{code}"
    );
    assert!(has(&code, "deserialize_with = \"decode::date_time\" )] pub logins: Option<Vec<::chrono::DateTime<::chrono::Utc>>>,"), "{code}");
    assert!(has(&code, "mod decode {"), "{code}");
}

#[test]
fn no_decode_helpers_without_dates_or_nullable_fields() {
    let done =
        Generator::from_config_file(concat!(env!("CARGO_MANIFEST_DIR"), "/docs2rs.toml")).unwrap().with_only_apis(vec!["commpeak".into()]).render().unwrap();
    assert!(!done.files["commpeak.rs"].contains("mod decode"));
}

#[test]
fn models_with_required_fields_get_one_constructor() {
    let (code, _) = profiles(Generator::new().with_client(false));
    let code = flat(&code);
    assert!(
        has(
            &code,
            "impl UpdateProfileRequest { /// A value with the required fields; the optional ones are `None`. pub fn new(display_name: impl ::std::convert::Into<String>) -> Self { Self { display_name: display_name.into(), archived_at: ::std::option::Option::None,"
        ),
        "{code}"
    );
    assert!(!has(&code, "pub fn with_"), "no setters on models: {code}");
}

#[test]
fn params_are_non_exhaustive_with_chaining_setters() {
    let (code, _) = profiles(Generator::new());
    let code = flat(&code);
    assert!(has(&code, "#[non_exhaustive] pub struct UpdateProfileParams"), "{code}");
    assert!(
        has(
            &code,
            "pub fn with_expand(mut self, value: impl ::std::convert::Into<types::UpdateProfileExpand>) -> Self { self.expand = ::std::option::Option::Some(value.into()); self }"
        ),
        "{code}"
    );
}
