//! Definitions as inputs: Swagger 2.0 / OpenAPI 3.x files, and definitions saved pages
//! carry (Redoc state, ReadMe and Next.js page data) or point at (Swagger UI, Scalar,
//! Stoplight, `<link>`), preferred over the page text for the operations they cover.

use docs2rs::Generator;
use docs2rs::config::ApiConfig;
use docs2rs::fidelity::{self, compare};
use docs2rs::schema::{Api, BodyKind, Location, Returns, Type};
use std::path::Path;

const FIXTURES: &str = "tests/fixtures/definitions";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The API read from `inputs` (relative to the repository) and its diagnostics as printed.
fn read(inputs: &[&str]) -> (Api, Vec<String>) {
    let mut cfg = ApiConfig::new("t");
    for i in inputs {
        cfg = cfg.with_input(*i);
    }
    let (mut apis, diags) = Generator::new().with_root(repo()).with_api(cfg).schema().unwrap_or_else(|e| panic!("{e}"));
    (apis.remove(0), diags.iter().map(ToString::to_string).collect())
}

fn op<'a>(api: &'a Api, name: &str) -> &'a docs2rs::schema::Operation {
    api.operations
        .iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("no operation `{name}` in {:?}", api.operations.iter().map(|o| &o.name).collect::<Vec<_>>()))
}

fn routes(api: &Api) -> Vec<String> {
    let mut r: Vec<String> =
        api.operations.iter().map(|o| format!("{} {} {}", o.method.map_or("?", |m| m.as_str()), o.path.as_deref().unwrap_or("?"), o.name)).collect();
    r.sort();
    r
}

#[test]
fn an_openapi_30_file_lowers_to_operations_models_and_enums() {
    let (api, diags) = read(&[&format!("{FIXTURES}/nursery.openapi.json")]);
    assert_eq!(diags, Vec::<String>::new());
    assert_eq!(api.base_url.as_deref(), Some("https://api.nursery.test/v1"));
    assert_eq!(api.title.as_deref(), Some("Nursery API"));
    assert_eq!(api.auth, docs2rs::schema::AuthScheme::Bearer, "from `security` and `securitySchemes`");
    assert_eq!(
        routes(&api),
        [
            "DELETE /plants/{plantId} deletePlant",
            "GET /plants listPlants",
            "GET /plants/{plantId} getPlant",
            "POST /plants createPlant",
            "POST /plants/{plantId}/photo uploadPhoto",
            "PUT /plants/{plantId}/note setNote"
        ]
    );
    let list = op(&api, "listPlants");
    let params: Vec<(&str, Location, String)> = list.params.iter().map(|p| (p.name.as_str(), p.location, p.ty.describe())).collect();
    assert_eq!(
        params,
        [("stage", Location::Query, "Stage".to_string()), ("limit", Location::Query, "integer(i32)".into()), ("X-Trace", Location::Header, "string".into())]
    );
    assert_eq!(list.params[1].default.as_deref(), Some("20"));
    assert_eq!(list.returns, Returns::Body { ty: Type::array(Type::reference("Plant")) });
    let stage = api.enums.iter().find(|e| e.name == "Stage").expect("Stage enum");
    assert_eq!(stage.values.iter().map(|v| v.value.as_str()).collect::<Vec<_>>(), ["seedling", "juvenile", "mature"]);
    let get = op(&api, "getPlant");
    assert_eq!(get.params[0].ty, Type::String { format: Some("uuid".into()) });
    assert!(get.params[0].required);
    assert_eq!(get.errors.iter().map(|e| (e.status.as_str(), e.ty.clone())).collect::<Vec<_>>(), [("404", Some(Type::reference("Problem")))]);
    assert!(op(&api, "deletePlant").deprecated);
    assert_eq!(op(&api, "deletePlant").returns, Returns::Empty);
    // Inline objects are models named as OpenAPI Generator names them.
    let create = op(&api, "createPlant");
    assert_eq!(create.body().map(|b| b.ty.clone()), Some(Type::reference("CreatePlantRequest")));
    let upload = op(&api, "uploadPhoto");
    assert_eq!(upload.body_kind, Some(BodyKind::Multipart));
    assert_eq!(upload.accept.as_deref(), Some("image/png"));
    let note = op(&api, "setNote");
    assert_eq!((note.body_kind, note.body().map(|b| b.ty.clone())), (Some(BodyKind::Text), Some(Type::string())));
    let plant = api.models.iter().find(|m| m.name == "Plant").expect("Plant");
    let fields: Vec<(&str, String, bool)> = plant.fields.iter().map(|f| (f.wire_name.as_str(), f.ty.describe(), f.required)).collect();
    // Properties come in the definition's order.
    assert_eq!(
        fields,
        [
            ("id", "string(uuid)".to_string(), true),
            ("name", "string".into(), true),
            ("stage", "Stage".into(), false),
            ("height_cm", "number".into(), false),
            ("tags", "array<string>".into(), false),
            ("planted", "date".into(), false),
            ("care", "PlantCare".into(), false),
            ("labels", "map<string>".into(), false)
        ]
    );
    assert!(plant.fields[3].nullable);
    let care = api.models.iter().find(|m| m.name == "PlantCare").expect("inline PlantCare");
    assert_eq!(care.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["water", "light"]);
    assert_eq!(care.fields[0].enum_values.iter().map(|v| v.value.as_str()).collect::<Vec<_>>(), ["daily", "weekly"]);
}

/// The corpus' own Swagger 2.0 spec read as an input reproduces it. Run with
/// `--nocapture` for the table.
#[test]
fn the_corpus_spec_read_directly_reproduces_itself() {
    let (api, _) = read(&["tests/corpus/purecloud-ruby-v29/swagger.json"]);
    let text = std::fs::read_to_string(repo().join("tests/corpus/purecloud-ruby-v29/swagger.json")).unwrap();
    let spec: serde_json::Value = serde_json::from_str(&text).unwrap();
    let report = compare(&api, &spec, api.wire_case);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(dir.join("definition-fidelity.txt"), report.table()).unwrap();
    std::fs::write(dir.join("definition-fidelity-mismatches.txt"), report.mismatch_list()).unwrap();
    println!("{}", report.table());
    for (metric, floor) in [(fidelity::OPERATIONS, 100.0), (fidelity::MODELS, 100.0), (fidelity::PARAMETERS, 99.9), (fidelity::PROPERTIES, 99.9)] {
        let got = report.metric(metric).unwrap().percent();
        assert!(got >= floor, "{metric}: {got:.2} % < {floor} %\n{}", report.mismatch_list());
    }
}

fn model_fields(api: &Api, name: &str) -> Vec<String> {
    let m = api.models.iter().find(|m| m.name == name).unwrap_or_else(|| panic!("no model `{name}`"));
    m.fields.iter().map(|f| format!("{}: {}{}", f.wire_name, f.ty.describe(), if f.required { "" } else { "?" })).collect()
}

const EMPTY_PAGE_HELP: &str = "  = help: if this is an API reference page, save it as HTML (the markup helps), or add an [[api.operation]] overlay with method and path; pages that are not API references can be removed from the inputs; in code, `ApiConfig::with_operation` takes this setting";

#[test]
fn redoc_state_wins_over_the_page_text_for_the_operations_it_covers() {
    let (api, diags) = read(&[&format!("{FIXTURES}/redoc")]);
    assert_eq!(
        diags,
        [
            "tests/fixtures/definitions/redoc/plants.html:23: note: read from the OpenAPI 3.0 definition embedded in the page (Redoc state `__redoc_state`): 6 operation(s), 4 model(s), 1 enum(s); 1 operation(s) read from the page text gave way to it"
        ]
    );
    assert_eq!(
        routes(&api),
        [
            "DELETE /plants/{plantId} deletePlant",
            "GET /plants listPlants",
            "GET /plants/{plantId} getPlant",
            "POST /plants createPlant",
            "POST /plants/{plantId}/photo uploadPhoto",
            // Only on the page; its `/v1` prefix is the definition's base path.
            "POST /plants/{plantId}/water water_a_plant",
            "PUT /plants/{plantId}/note setNote"
        ]
    );
    assert_eq!(api.base_url.as_deref(), Some("https://api.nursery.test/v1"));
    // The definition's reading of `getPlant`, not the page's.
    assert_eq!(op(&api, "getPlant").params[0].ty, Type::String { format: Some("uuid".into()) });
}

#[test]
fn readme_ssr_props_carry_a_swagger_2_definition() {
    let (api, diags) = read(&[&format!("{FIXTURES}/readme")]);
    assert_eq!(
        diags,
        [
            "tests/fixtures/definitions/readme/set-vent.html:6: note: read from the Swagger 2.0 definition embedded in the page (ReadMe `ssr-props`): 2 operation(s), 3 model(s), 0 enum(s)"
        ]
    );
    assert_eq!(api.base_url.as_deref(), Some("https://greenhouse.example.test/api"));
    assert_eq!(routes(&api), ["PATCH /vents/{ventId} setVent", "POST /sessions login"]);
    let set = op(&api, "setVent");
    assert_eq!(set.params[0].ty, Type::Integer { bits: Some(64) });
    assert_eq!(set.body().map(|b| b.ty.clone()), Some(Type::reference("VentUpdate")));
    assert_eq!(set.errors.iter().map(|e| (e.status.as_str(), e.description.as_deref())).collect::<Vec<_>>(), [("409", Some("busy"))]);
    // allOf: the referenced model's fields, then its own.
    assert_eq!(model_fields(&api, "VentUpdate"), ["id: integer(i64)", "open: boolean?", "mode: VentUpdateMode?", "reason: string?"]);
    let login = op(&api, "login");
    assert_eq!(login.body_kind, Some(BodyKind::Form));
    assert_eq!(model_fields(&api, "LoginForm"), ["user: string", "password: string(password)"]);
    assert_eq!(login.returns, Returns::Body { ty: Type::reference("Login200Response") });
}

#[test]
fn next_data_carries_an_openapi_31_definition() {
    let (api, diags) = read(&[&format!("{FIXTURES}/next")]);
    assert_eq!(
        diags,
        [
            "tests/fixtures/definitions/next/get-tree.html:3: note: read from the OpenAPI 3.1 definition embedded in the page (Next.js `__NEXT_DATA__`): 1 operation(s), 3 model(s), 0 enum(s)"
        ]
    );
    assert_eq!(routes(&api), ["GET /trees/{treeId} getTree"]);
    // `type: [string, "null"]` is a nullable string; a oneOf of models their union.
    let tree = api.models.iter().find(|m| m.name == "Tree").unwrap();
    assert!(tree.fields.iter().any(|f| f.name == "variety" && f.nullable && f.ty == Type::string()));
    assert_eq!(model_fields(&api, "TreeFruit"), ["crisp: boolean?", "ripe: boolean?"]);
}

#[test]
fn swagger_ui_points_at_a_sibling_file_read_once() {
    let (api, diags) = read(&[&format!("{FIXTURES}/swagger-ui")]);
    assert_eq!(
        diags,
        [
            "tests/fixtures/definitions/swagger-ui/index.html:9: note: read from the OpenAPI 3.0 definition `tests/fixtures/definitions/swagger-ui/openapi.json` the page links to (Swagger UI `url`): 1 operation(s), 1 model(s), 0 enum(s)"
        ]
    );
    assert_eq!(routes(&api), ["GET /tools listTools"]);
    assert_eq!(api.models.len(), 1);
}

#[test]
fn scalar_points_at_a_url_the_pull_manifest_maps_to_a_saved_file() {
    let (api, diags) = read(&[&format!("{FIXTURES}/scalar")]);
    assert_eq!(
        diags,
        [
            "tests/fixtures/definitions/scalar/reference.html:5: note: read from the OpenAPI 3.0 definition `tests/fixtures/definitions/scalar/saved/spec-3f9a.json` the page links to (Scalar `data-url`): 1 operation(s), 1 model(s), 0 enum(s)"
        ]
    );
    assert_eq!(routes(&api), ["GET /tools listTools"]);
    assert_eq!(api.title.as_deref(), Some("Shed (saved by pull)"));
}

#[test]
fn a_definition_url_with_no_saved_copy_says_how_to_get_it() {
    let dir = format!("{FIXTURES}/stoplight");
    let cfg = ApiConfig::new("t").with_input(&dir);
    let Err(docs2rs::Error::Diagnostics(diags)) = Generator::new().with_root(repo()).with_api(cfg).render() else { panic!("an empty API is an error") };
    let texts: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts[1..],
        [
            "tests/fixtures/definitions/stoplight/index.html:1: warning: no operation or model found: the page has 0 heading(s), 0 line(s) of text, 0 table(s), 0 list(s), 0 code block(s) and 0 endpoint line(s); none names an endpoint with parameters or fields (first line: \"\")\n".to_string() + EMPTY_PAGE_HELP,
            "tests/fixtures/definitions/stoplight/index.html:5: warning: the page points at its API definition `https://barn.example.test/specs/barn.yaml` (Stoplight Elements `apiDescriptionUrl`), which is not saved next to it; read the page text only\n  = help: download it into the page's folder as `barn.yaml`, or run `docs2rs pull`, which saves linked definitions".to_string()
        ]
    );
}

#[cfg(feature = "yaml")]
#[test]
fn a_yaml_openapi_31_file_is_read() {
    let (api, diags) = read(&[&format!("{FIXTURES}/yaml")]);
    assert_eq!(diags, Vec::<String>::new());
    let list = op(&api, "listTrees");
    assert_eq!(list.params[0].enum_values.iter().map(|v| v.value.as_str()).collect::<Vec<_>>(), ["gala", "bosc"]);
    assert_eq!(list.errors.iter().map(|e| (e.status.as_str(), e.ty.clone())).collect::<Vec<_>>(), [("default", Some(Type::reference("Problem")))]);
    assert_eq!(model_fields(&api, "Tree"), ["id: integer(i64)", "planted: date-time?"]);
}

#[test]
fn hostile_definitions_are_reported_not_fatal() {
    let (api, diags) = read(&[&format!("{FIXTURES}/garbage")]);
    let at = "tests/fixtures/definitions/garbage";
    assert_eq!(
        diags,
        [
            format!(
                "{at}/cut-off.html:1: warning: no operation or model found: the page has 1 heading(s), 0 line(s) of text, 0 table(s), 0 list(s), 0 code block(s) and 0 endpoint line(s); none names an endpoint with parameters or fields (first line: \"Cut\")\n{EMPTY_PAGE_HELP}"
            ),
            format!(
                "{at}/cut-off.html:5: warning: the page's Redoc state `__redoc_state` holds a definition that is not valid JSON (expected value at line 2 column 1); read the page text only\n  = help: save the page again (it may be cut off), or save the definition itself next to the page"
            ),
            format!(
                "{at}/cycles.json:1: warning: `$ref: #/components/schemas/Nowhere` names no schema of the definition; typed as raw JSON\n  = help: add the schema or fix the reference"
            ),
            format!(
                "{at}/cycles.json:1: warning: schema `AliasA` contains itself through arrays or maps; typed as raw JSON there\n  = help: make one of the schemas an object, or accept raw JSON"
            ),
            format!(
                "{at}/cycles.json:8: warning: a parameter of `GET /loops` is `$ref: #/components/parameters/Self`, which leads nowhere or loops; skipped\n  = help: point the reference at a parameter under `components/parameters`"
            ),
            format!(
                "{at}/deep.json:1: warning: definition not read: not valid JSON (recursion limit exceeded at line 1 column 163)\n  = help: fix the file (`jq . FILE` shows where it breaks), or save the definition again"
            ),
            format!(
                "{at}/huge.json:1: warning: definition not read: not valid JSON (number out of range at line 1 column 89)\n  = help: fix the file (`jq . FILE` shows where it breaks), or save the definition again"
            ),
            format!(
                "{at}/not-a-spec.json:1: warning: definition not read: no `swagger: \"2.0\"` or `openapi: \"3.x\"` key at its top level\n  = help: docs2rs reads Swagger 2.0 and OpenAPI 3.0/3.1 definitions"
            ),
        ]
    );
    // allOf cycles are cut; models referencing each other stay references.
    let ping = model_fields(&api, "Ping");
    assert_eq!(ping.iter().map(|f| f.split(':').next().unwrap()).collect::<Vec<_>>(), ["pong", "back", "ping", "alias"]);
    assert_eq!(ping[1], "back: Ping?");
    assert_eq!(ping[3], "alias: array<array<any>>?");
    assert_eq!(routes(&api), ["GET /holes get_holes", "GET /loops getLoop", "POST /missing post_missing"]);
}

#[test]
fn a_page_definition_is_read_by_parse_document_too() {
    let bytes = std::fs::read(repo().join(FIXTURES).join("next/get-tree.html")).unwrap();
    let mut diags = docs2rs::diag::Diagnostics::new();
    let doc = docs2rs::parse::parse_document("get-tree.html", &bytes, None, &mut diags);
    assert_eq!(doc.operations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(), ["getTree"]);
    assert_eq!(doc.operations[0].params[0].location, Location::Path);
}

/// From the command line: the note is printed, and not counted as a warning.
#[test]
fn generate_from_a_saved_redoc_page_prints_the_note() {
    let dir = std::env::temp_dir().join(format!("docs2rs-definitions-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("redoc")).unwrap();
    std::fs::copy(repo().join(FIXTURES).join("redoc/plants.html"), dir.join("redoc/plants.html")).unwrap();
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_docs2rs")).current_dir(&dir).args(["generate", "--input", "redoc", "--out", "out"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "redoc/plants.html:23: note: read from the OpenAPI 3.0 definition embedded in the page (Redoc state `__redoc_state`): 6 operation(s), 4 model(s), 1 enum(s); 1 operation(s) read from the page text gave way to it",
            "api: wire names as documented (from 5 path placeholders)",
            "api: 1 page(s) read; 7 operation(s), 5 model(s), 2 enum(s), 27 field(s) and parameter(s)",
            "docs2rs: 2 file(s) in out: 2 written, 0 unchanged, 0 removed; 0 warning(s)"
        ]
    );
    assert!(std::fs::read_to_string(dir.join("out/api.rs")).unwrap().contains("pub async fn upload_photo("));
    let _ = std::fs::remove_dir_all(&dir);
}

mod hostile {
    use proptest::prelude::*;
    use serde_json::{Map, Value, json};

    /// Schema-shaped JSON: the keys the reader follows, with values of any shape.
    fn schema() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<f64>().prop_map(|f| json!(f)),
            prop_oneof![
                Just("object"),
                Just("array"),
                Just("string"),
                Just("null"),
                Just("#/components/schemas/A"),
                Just("#/definitions/A"),
                Just("#/paths"),
                Just("#/"),
                Just("x")
            ]
            .prop_map(|s| json!(s)),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            let key = prop_oneof![
                Just("$ref"),
                Just("type"),
                Just("items"),
                Just("properties"),
                Just("allOf"),
                Just("oneOf"),
                Just("enum"),
                Just("required"),
                Just("additionalProperties"),
                Just("nullable"),
                Just("A"),
                Just("B"),
                Just("schema"),
                Just("in"),
                Just("name"),
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::vec((key, inner), 0..5)
                    .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

        /// Any schemas, parameters and bodies: the reader reports, never panics.
        #[test]
        fn any_schema_shapes_never_panic(a in schema(), b in schema(), p in schema(), swagger in any::<bool>()) {
            let doc = if swagger {
                json!({"swagger": "2.0", "definitions": {"A": a, "B": b}, "paths": {"/x/{id}": {"post": {"parameters": [p.clone(), {"in": "body", "name": "body", "schema": b}], "responses": {"200": {"schema": a}}}}}})
            } else {
                json!({"openapi": "3.1.0", "components": {"schemas": {"A": a, "B": b}}, "paths": {"/x": {"parameters": [p.clone()], "get": {"parameters": p, "requestBody": {"content": {"multipart/form-data": {"schema": a}}}, "responses": {"default": {"content": {"application/json": {"schema": b}}}}}}}})
            };
            let text = doc.to_string();
            let mut diags = docs2rs::diag::Diagnostics::new();
            let _ = docs2rs::parse::parse_document("spec.json", text.as_bytes(), None, &mut diags);
        }
    }
}

/// `docs2rs pull` mirrors URL paths into folders: the manifest is at the top, the page
/// deeper; the page's own entry gives the URL its root-relative link resolves against.
#[test]
fn a_pulled_site_resolves_links_through_the_manifest_above_the_page() {
    let (api, diags) = read(&[&format!("{FIXTURES}/pulled/reference")]);
    assert_eq!(
        diags,
        [
            "tests/fixtures/definitions/pulled/reference/kennels/index.html:7: note: read from the Swagger 2.0 definition `tests/fixtures/definitions/pulled/specs/kennel-v1.json` the page links to (Swagger UI `url`): 1 operation(s), 1 model(s), 0 enum(s)"
        ]
    );
    assert_eq!(routes(&api), ["GET /kennels listKennels"]);
    assert_eq!(model_fields(&api, "Kennel"), ["id: string?", "capacity: integer(i32)?"]);
}
