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
    // Properties come in name order (the JSON reader keeps no key order).
    assert_eq!(
        fields,
        [
            ("care", "PlantCare".to_string(), false),
            ("height_cm", "number".into(), false),
            ("id", "string(uuid)".into(), true),
            ("labels", "map<string>".into(), false),
            ("name", "string".into(), true),
            ("planted", "date".into(), false),
            ("stage", "Stage".into(), false),
            ("tags", "array<string>".into(), false)
        ]
    );
    assert!(plant.fields[1].nullable);
    let care = api.models.iter().find(|m| m.name == "PlantCare").expect("inline PlantCare");
    assert_eq!(care.fields[0].enum_values.len() + api.enums.iter().filter(|e| e.name.contains("Water")).map(|e| e.values.len()).sum::<usize>(), 2);
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
