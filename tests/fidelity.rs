//! Fidelity on the corpus: what docs2rs recovers from 1168 Ruby SDK doc pages, compared
//! with the Swagger 2.0 spec they were generated from. Run with `--nocapture` to see the
//! table; it and every mismatch are also written to `$CARGO_TARGET_TMPDIR/fidelity*.txt`.

#[path = "support/openapi_check.rs"]
mod openapi_check;

use docs2rs::Generator;
use docs2rs::config::{ApiConfig, WireCase};
use docs2rs::fidelity::{self, Report, compare};
use docs2rs::openapi::to_openapi;
use docs2rs::schema::Api;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const CORPUS: &str = "tests/corpus/purecloud-ruby-v29";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn swagger() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let text = std::fs::read_to_string(repo().join(CORPUS).join("swagger.json")).expect("corpus spec");
        serde_json::from_str(&text).expect("spec is JSON")
    })
}

fn corpus_api(config: ApiConfig) -> Api {
    let g = Generator::new().with_root(repo()).with_api(config);
    match g.schema() {
        Ok((mut apis, _warnings)) => apis.remove(0),
        Err(e) => panic!("the corpus does not generate: {e}"),
    }
}

/// No `wire_case`: the rule is learned from the docs (`auto`).
fn base_config() -> ApiConfig {
    ApiConfig::new("purecloud").with_input(format!("{CORPUS}/docs"))
}

/// The plain run, shared by the tests below (parsing the corpus takes a while in debug).
fn first_run() -> &'static (Api, Report) {
    static RUN: OnceLock<(Api, Report)> = OnceLock::new();
    RUN.get_or_init(|| {
        let api = corpus_api(base_config());
        let report = compare(&api, swagger(), api.wire_case);
        (api, report)
    })
}

fn write_report(name: &str, report: &Report) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(dir.join(format!("{name}.txt")), report.table()).unwrap();
    std::fs::write(dir.join(format!("{name}-mismatches.txt")), report.mismatch_list()).unwrap();
    dir.join(format!("{name}.txt"))
}

fn percent(report: &Report, metric: &str) -> f64 {
    report.metric(metric).unwrap_or_else(|| panic!("metric `{metric}` was not counted")).percent()
}

fn assert_floors(report: &Report, floors: &[(&str, f64)]) {
    let failed: Vec<String> =
        floors.iter().filter(|(m, floor)| percent(report, m) < *floor).map(|(m, floor)| format!("{m}: {:.2} % < {floor} %", percent(report, m))).collect();
    assert!(failed.is_empty(), "below the floor:\n{}\n\n{}", failed.join("\n"), report.mismatch_list());
}

#[test]
fn corpus_fidelity_meets_the_floors() {
    let (_, report) = first_run();
    let file = write_report("fidelity", report);
    println!("{}\n(written to {})", report.table(), file.display());
    assert_floors(
        report,
        &[
            (fidelity::MODELS, 100.0),
            (fidelity::PROPERTIES, 99.9),
            (fidelity::PROPERTY_TYPE, 99.9),
            (fidelity::PROPERTY_REQUIRED, 99.9),
            (fidelity::OPERATIONS, 100.0),
            (fidelity::PARAMETERS, 99.5),
            (fidelity::PARAMETER_WIRE, 99.5),
            (fidelity::PARAMETER_LOCATION, 99.5),
            (fidelity::PARAMETER_TYPE, 99.5),
            (fidelity::PARAMETER_REQUIRED, 99.5),
            (fidelity::BODY_KIND, 99.5),
        ],
    );
}

/// All wire names of one kind (derivable by a case rule or not) that are right, in %.
fn wire_percent(report: &Report, metrics: [&str; 2]) -> f64 {
    let (ok, total) = metrics.iter().filter_map(|m| report.metric(m)).fold((0, 0), |(o, t), m| (o + m.ok, t + m.total));
    ok as f64 * 100.0 / total.max(1) as f64
}

/// With no `wire_case` the rule is learned from the path placeholders (`{userId}` for a
/// documented `user_id`), and wire names come out right without any setting.
#[test]
fn wire_names_are_learned_from_the_docs() {
    let (api, report) = first_run();
    assert_eq!(api.wire_case, WireCase::Camel);
    let note = api.wire_naming.as_deref().unwrap_or_default();
    println!("purecloud: {note}");
    assert!(note.starts_with("wire names camelCase (from ") && note.ends_with(" path placeholders)"), "{note}");
    let properties = wire_percent(report, [fidelity::PROPERTY_WIRE, fidelity::PROPERTY_WIRE_UNDERIVABLE]);
    let parameters = wire_percent(report, [fidelity::PARAMETER_WIRE, fidelity::PARAMETER_WIRE_UNDERIVABLE]);
    println!("property wire names {properties:.2} %, parameter wire names {parameters:.2} %");
    assert!(properties >= 98.0 && parameters >= 98.0, "property {properties:.2} %, parameter {parameters:.2} %");
}

/// The wire names the docs cannot show are exactly what the `wire_names` overlay fixes.
#[test]
fn spec_derived_wire_name_overrides_make_wire_names_exact() {
    let (_, plain) = first_run();
    let overrides = &plain.wire_name_overrides;
    let config = overrides.iter().fold(base_config(), |c, (key, wire)| c.with_wire_name(key, wire));
    let api = corpus_api(config);
    let report = compare(&api, swagger(), api.wire_case);
    write_report("fidelity-with-overrides", &report);
    println!("with {} wire-name overrides:\n{}", overrides.len(), report.table());
    let wire = [fidelity::PROPERTY_WIRE, fidelity::PROPERTY_WIRE_UNDERIVABLE, fidelity::PARAMETER_WIRE, fidelity::PARAMETER_WIRE_UNDERIVABLE];
    assert_floors(&report, &wire.map(|m| (m, 100.0)));
    assert!(report.wire_name_overrides.is_empty(), "{:?}", report.wire_name_overrides);
}

#[test]
fn the_corpus_exports_valid_openapi() {
    let (api, _) = first_run();
    let doc = to_openapi(api);
    // Kept for manual checks with other validators (`openapi-spec-validator FILE`).
    std::fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join("purecloud-corpus.openapi.json"), serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let problems = openapi_check::problems(&doc);
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
    let ops: usize = doc["paths"].as_object().unwrap().values().map(|item| item.as_object().unwrap().len()).sum();
    assert_eq!(ops, api.operations.len(), "one OpenAPI operation per documented operation");
}
