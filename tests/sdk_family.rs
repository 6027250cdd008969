//! Round trip over the sdk-family development set: for each spec × SDK flavour, read the
//! docs OpenAPI Generator wrote, resolve them (no configuration beyond the inputs), and
//! compare with the spec (`tests/sdk-family/specs/<spec>.json`). Facts a flavour's docs
//! cannot carry (`support/sdk_family_losses.rs`) are not counted against it.
//!
//! `cargo test --test sdk_family -- --nocapture` prints the per-flavour table; every
//! mismatch and warning is written to `$CARGO_TARGET_TMPDIR/sdk-family-mismatches.txt`.

#[path = "support/sdk_family_losses.rs"]
mod losses;

use docs2rs::Generator;
use docs2rs::config::ApiConfig;
use docs2rs::fidelity::{self, Report, compare_oas3};
use losses::{LOSSES, SpecFacts};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const SPECS: [&str; 4] = ["courier", "greenhouse", "library", "podcast"];
const FLAVOURS: [&str; 13] =
    ["ruby", "python", "java", "kotlin", "go", "typescript-axios", "typescript-fetch", "javascript", "php", "csharp", "dart", "swift5", "rust"];

/// The figures every flavour must reach, with their column headings.
const HEADLINE: [(&str, &str); 12] = [
    (fidelity::OPERATIONS, "ops"),
    (fidelity::PARAMETERS, "params"),
    (fidelity::PARAMETER_LOCATION, "p.loc"),
    (fidelity::PARAMETER_TYPE, "p.type"),
    (fidelity::PARAMETER_REQUIRED, "p.req"),
    (fidelity::PROPERTIES, "props"),
    (fidelity::PROPERTY_TYPE, "pr.type"),
    (fidelity::PROPERTY_REQUIRED, "pr.req"),
    (fidelity::BODY_KIND, "body"),
    (fidelity::RETURN_TYPE, "returns"),
    (fidelity::PROPERTY_WIRE, "pr.wire"),
    (fidelity::PARAMETER_WIRE, "p.wire"),
];
const FLOOR: f64 = 98.0;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

struct Spec {
    name: &'static str,
    json: Value,
    facts: SpecFacts,
}

fn spec(name: &'static str) -> Spec {
    let path = repo().join(format!("tests/sdk-family/specs/{name}.json"));
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("spec")).expect("spec is JSON");
    let schemas = json["components"]["schemas"].as_object().cloned().unwrap_or_default();
    let one_of = schemas.iter().filter(|(_, s)| s.get("oneOf").is_some()).map(|(n, _)| n.clone()).collect();
    Spec { name, json, facts: SpecFacts { one_of } }
}

/// Read one flavour's docs of one spec as a user would: inputs only, no settings.
fn run(spec: &Spec, flavour: &str) -> (Report, Vec<String>) {
    let input = format!("tests/sdk-family/docs/{}/{flavour}", spec.name);
    let g = Generator::new().with_root(repo()).with_api(ApiConfig::new(spec.name).with_input(input));
    let (mut apis, diags) = g.schema().unwrap_or_else(|e| panic!("{}/{flavour}: {e}", spec.name));
    let api = apis.remove(0);
    let report = compare_oas3(&api, &spec.json, api.wire_case);
    (report, diags.iter().map(|d| d.to_string()).collect())
}

/// Per metric: (agreeing, counted, excused by a loss).
#[derive(Default)]
struct Tally(BTreeMap<&'static str, (usize, usize, usize)>);

impl Tally {
    fn add(&mut self, flavour: &str, report: &Report, spec: &SpecFacts, used: &mut BTreeMap<(usize, String), usize>) {
        for m in &report.metrics {
            let e = self.0.entry(m.name).or_default();
            e.0 += m.ok;
            e.1 += m.total;
        }
        for x in &report.mismatches {
            if let Some(i) = LOSSES.iter().position(|l| l.explains(flavour, x, spec)) {
                self.0.entry(x.metric).or_default().2 += 1;
                *used.entry((i, flavour.to_string())).or_default() += 1;
            }
        }
    }
    fn percent(&self, metric: &str) -> f64 {
        let (ok, total, excused) = self.0.get(metric).copied().unwrap_or_default();
        let counted = total - excused;
        if counted == 0 { 100.0 } else { ok as f64 * 100.0 / counted as f64 }
    }
}

#[test]
fn every_flavour_reads_back_its_spec() {
    let specs: Vec<Spec> = SPECS.iter().map(|s| spec(s)).collect();
    let mut table = format!("{:<17}", "flavour");
    for (_, short) in HEADLINE {
        table += &format!(" {short:>7}");
    }
    table += "\n";
    let mut details = String::new();
    let mut failed = Vec::new();
    let mut used: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for flavour in FLAVOURS {
        let mut tally = Tally::default();
        for spec in &specs {
            let (report, warnings) = run(spec, flavour);
            tally.add(flavour, &report, &spec.facts, &mut used);
            details += &format!("# {}/{flavour}\n{}\n{}\n{}\n", spec.name, report.table(), report.mismatch_list(), warnings.join("\n"));
        }
        table += &format!("{flavour:<17}");
        for (metric, short) in HEADLINE {
            let pct = tally.percent(metric);
            table += &format!(" {pct:>7.1}");
            // Wire names are shown for reference; they are not headline figures.
            if pct < FLOOR && !short.ends_with("wire") {
                failed.push(format!("{flavour}: {metric} {pct:.1} %"));
            }
        }
        table += "\n";
    }
    table += "\nnot counted (the docs cannot carry it), mismatches per flavour:\n";
    for (i, loss) in LOSSES.iter().enumerate() {
        let counts: Vec<String> = loss.flavours.iter().map(|f| format!("{f} {}", used.get(&(i, f.to_string())).unwrap_or(&0))).collect();
        table += &format!("- {}: {}\n", loss.what, counts.join(", "));
        // A loss listed for a flavour must be one it really has.
        for f in loss.flavours.iter().filter(|f| !used.contains_key(&(i, f.to_string()))) {
            failed.push(format!("loss listed for {f} but never seen: {}", loss.what));
        }
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sdk-family-mismatches.txt");
    std::fs::write(&out, &details).unwrap();
    println!("{table}(details: {})", out.display());
    assert!(failed.is_empty(), "{}\n\n{table}", failed.join("\n"));
}
