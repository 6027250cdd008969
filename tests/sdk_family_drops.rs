//! No silent drops: in the docs of every SDK flavour (tests/sdk-family), break an
//! operation section and a model page the way real doc sets are broken, and check that
//! each becomes a warning pointing at the file and line, not a quiet omission.

use docs2rs::diag::Diagnostics;
use docs2rs::parse::parse_document;
use std::path::Path;

const FLAVOURS: [&str; 13] =
    ["ruby", "python", "java", "kotlin", "go", "typescript-axios", "typescript-fetch", "javascript", "php", "csharp", "dart", "swift5", "rust"];

/// The courier docs of one flavour: the page documenting `cancelShipment` and the
/// `Shipment` model page.
fn pages(flavour: &str) -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sdk-family/docs/courier").join(flavour);
    let find = |names: &[&str]| -> String {
        let dirs = ["docs", "doc", "docs/Api", "docs/apis", "docs/Model", "docs/models"];
        let candidates: Vec<_> = dirs.iter().flat_map(|d| names.iter().map(|n| root.join(d).join(n)).collect::<Vec<_>>()).collect();
        let found = candidates.into_iter().find(|p| p.is_file());
        let path = found.unwrap_or_else(|| panic!("{flavour}: none of {names:?}"));
        std::fs::read_to_string(path).unwrap()
    };
    (find(&["DispatchApi.md", "DispatchAPI.md"]), find(&["Shipment.md"]))
}

fn warnings(file: &str, text: &str) -> Vec<(u32, String)> {
    let mut d = Diagnostics::new();
    let doc = parse_document(file, text.as_bytes(), None, &mut d);
    let mut out: Vec<(u32, String)> = d.items().iter().map(|x| (x.source.line, x.message.clone())).collect();
    // Whatever was read is reported too, so a test failure shows what happened.
    out.extend(doc.operations.iter().map(|o| (o.source.line, format!("(read operation `{}`)", o.name))));
    out
}

fn names_cancel_shipment(line: &str) -> bool {
    line.to_ascii_lowercase().replace('_', "").contains("cancelshipment")
}

/// Which lines are markdown headings (not `#` comments inside fenced code).
fn headings(lines: &[&str]) -> Vec<bool> {
    let mut fenced = false;
    lines
        .iter()
        .map(|l| {
            if l.trim_start().starts_with("```") {
                fenced = !fenced;
            }
            !fenced && l.starts_with('#')
        })
        .collect()
}

/// Lines (0-based) of the `cancelShipment` section: its heading and everything up to the
/// next heading of the same or a higher level.
fn section(lines: &[&str]) -> (usize, usize) {
    let heading = headings(lines);
    let level = |l: &str| l.chars().take_while(|c| *c == '#').count();
    let start = (0..lines.len()).find(|&i| heading[i] && names_cancel_shipment(lines[i])).expect("a cancelShipment section");
    let end = (start + 1..lines.len()).find(|&i| heading[i] && level(lines[i]) <= level(lines[start])).unwrap_or(lines.len());
    (start, end)
}

/// The section keeps its heading, signature and description; its parameters, return type,
/// HTTP line and index row are gone (a page cut off, or a doc set from a layout docs2rs
/// does not know).
fn strip_evidence(page: &str) -> (String, usize) {
    let lines: Vec<&str> = page.lines().collect();
    let (start, end) = section(&lines);
    let heading = headings(&lines);
    let intro_end = (start + 1..end).find(|&i| heading[i]).unwrap_or(end);
    let mut out: Vec<&str> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let index_row = l.contains('|') && names_cancel_shipment(l) && i < start;
        if index_row || (i >= intro_end && i < end) {
            continue;
        }
        out.push(l);
    }
    (out.join("\n") + "\n", start + 1)
}

#[test]
fn an_operation_section_without_evidence_is_reported_with_its_line() {
    let mut failures = Vec::new();
    for flavour in FLAVOURS {
        let (api_page, _) = pages(flavour);
        let (broken, heading_line) = strip_evidence(&api_page);
        let file = format!("{flavour}/DispatchApi.md");
        let found = warnings(&file, &broken);
        // The heading or the signature line right under it.
        let reported = found.iter().any(|(line, msg)| (heading_line as u32..heading_line as u32 + 4).contains(line) && msg.contains("not read"));
        let read = found.iter().any(|(_, msg)| msg.to_ascii_lowercase().contains("cancelshipment") && msg.starts_with("(read"));
        if !reported || read {
            failures.push(format!("{flavour}: heading at line {heading_line}: {found:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A model page that lost its title (the generator's header, or front matter a site
/// generator consumed): the model is named after the file, and the warning says so.
#[test]
fn a_properties_table_without_a_model_name_is_reported_with_its_line() {
    let mut failures = Vec::new();
    for flavour in FLAVOURS {
        let (_, model_page) = pages(flavour);
        let lines: Vec<&str> = model_page.lines().collect();
        let heading = headings(&lines);
        let title = (0..lines.len()).find(|&i| heading[i]).expect("a title");
        let properties = lines.iter().position(|l| l.trim_start_matches('#').trim() == "Properties").expect("a Properties heading");
        let broken: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != title).map(|(_, l)| *l).collect();
        let found = warnings(&format!("{flavour}/Shipment.md"), &(broken.join("\n") + "\n"));
        // One line fewer above the heading now (1-based: `properties` is that line).
        if !found.iter().any(|(line, msg)| *line == properties as u32 && msg.contains("without a model name") && msg.contains("after the file")) {
            failures.push(format!("{flavour}: Properties at line {properties}: {found:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_row_with_an_unreadable_type_is_reported_and_the_rest_is_read() {
    for flavour in FLAVOURS {
        let (_, model_page) = pages(flavour);
        // Break the type of the row naming `status` (every flavour documents it).
        let lines: Vec<String> = model_page.lines().map(String::from).collect();
        let at = lines.iter().position(|l| l.contains('|') && l.to_ascii_lowercase().contains("status")).expect("a status row");
        let mut cells: Vec<String> = lines[at].split('|').map(String::from).collect();
        let ty = cells.iter().position(|c| c.trim().to_ascii_lowercase().contains("status")).expect("name cell") + 1;
        cells[ty] = " Frob<<Status ".into();
        let mut broken = lines.clone();
        broken[at] = cells.join("|");
        let mut d = Diagnostics::new();
        let doc = parse_document("Shipment.md", (broken.join("\n") + "\n").as_bytes(), None, &mut d);
        let msgs: Vec<(u32, &str)> = d.items().iter().map(|x| (x.source.line, x.message.as_str())).collect();
        assert!(msgs.iter().any(|(line, m)| *line == at as u32 + 1 && m.contains("unknown type spelling")), "{flavour}: {msgs:?}");
        let fields = doc.models.iter().find(|m| m.name == "Shipment").map(|m| m.fields.len()).unwrap_or(0);
        assert!(fields >= 8, "{flavour}: the other rows are still read ({fields} fields)");
    }
}
