//! Definitions win over page text: a page operation with the method and path of one a
//! definition gives is set aside, as is a page model the definition also defines. Each
//! page read from a definition it carries or links to gets a note saying so.

use crate::diag::Diagnostics;
use crate::schema::{Method, Operation, ParsedDoc, Source};
use std::collections::BTreeSet;

/// Where a reading came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// The page's text (or any non-definition document).
    Page,
    /// A definition file given as an input.
    File,
    /// A definition the page carries or links to: `what` for the note, `line` where the
    /// page has it, `file` the linked file's label (`None` when inline).
    Carried { what: String, line: u32, file: Option<String> },
}

/// One document's reading; a page with a definition has two (the definition first).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub label: String,
    pub doc: ParsedDoc,
    pub origin: Origin,
}

impl Reading {
    pub fn page(label: &str, doc: ParsedDoc) -> Self {
        Reading { label: label.to_string(), doc, origin: Origin::Page }
    }
}

/// `/pets/{petId}/` → `/pets/{}`: placeholders by position, not by name.
fn route(method: Option<Method>, path: Option<&str>) -> Option<(Method, String)> {
    let mut out = String::new();
    let mut inside = false;
    for c in path?.trim_end_matches('/').chars() {
        match c {
            '{' => {
                inside = true;
                out.push_str("{}");
            }
            '}' => inside = false,
            c if !inside => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    Some((method?, out))
}

/// A page operation the definition covers: same method, and the same path or one that
/// ends with it (the page printed the base path too: `/v2/pets` for `/pets`).
fn covered(defined: &BTreeSet<(Method, String)>, o: &Operation) -> bool {
    let Some((m, p)) = route(o.method, o.path.as_deref()) else { return false };
    defined.iter().any(|(dm, dp)| *dm == m && (*dp == p || (p.ends_with(dp.as_str()) && p[..p.len() - dp.len()].starts_with('/') && dp.starts_with('/'))))
}

/// The documents for `resolve`, one per input label, definitions preferred.
pub fn prefer(readings: Vec<Reading>, diags: &mut Diagnostics) -> Vec<(String, ParsedDoc)> {
    let definitions = || readings.iter().filter(|r| r.origin != Origin::Page);
    let defined: BTreeSet<(Method, String)> = definitions().flat_map(|r| &r.doc.operations).filter_map(|o| route(o.method, o.path.as_deref())).collect();
    let defined_models: BTreeSet<String> =
        definitions().flat_map(|r| r.doc.models.iter().map(|m| m.name.clone()).chain(r.doc.enums.iter().map(|e| e.name.clone()))).collect();
    let mut out: Vec<(String, ParsedDoc)> = Vec::new();
    // Every page of a Redoc or Swagger UI site carries the same definition: its items
    // are kept once, from the first page (or the definition file itself).
    let mut seen_files: BTreeSet<String> = BTreeSet::new();
    let (mut seen_ops, mut seen_types) = (BTreeSet::new(), BTreeSet::new());
    let mut notes = Vec::new();
    for r in readings {
        let Reading { label, mut doc, origin } = r;
        match &origin {
            Origin::Page => {
                let before = doc.operations.len();
                doc.operations.retain(|o| !covered(&defined, o));
                let set_aside = before - doc.operations.len();
                if !defined.is_empty() {
                    doc.models.retain(|m| !defined_models.contains(&m.name));
                    doc.enums.retain(|e| !defined_models.contains(&e.name));
                }
                if set_aside > 0 {
                    if let Some((_, _, aside)) = notes.iter_mut().rev().find(|(at, _, _): &&mut (Source, String, usize)| at.file == label) {
                        *aside += set_aside;
                    }
                }
            }
            Origin::File | Origin::Carried { .. } => {
                if let Origin::Carried { what, line, file } = &origin {
                    let what = format!("{what}: {} operation(s), {} model(s), {} enum(s)", doc.operations.len(), doc.models.len(), doc.enums.len());
                    notes.push((Source::new(label.clone(), *line), what, 0));
                    if let Some(f) = file {
                        if !seen_files.insert(f.clone()) {
                            doc = ParsedDoc::default();
                        }
                    }
                } else {
                    seen_files.insert(label.clone());
                }
                doc.operations.retain(|o| seen_ops.insert((o.name.clone(), route(o.method, o.path.as_deref()))));
                doc.models.retain(|m| seen_types.insert(m.name.clone()));
                doc.enums.retain(|e| seen_types.insert(e.name.clone()));
                doc.one_of.retain(|o| seen_types.insert(o.name.clone()));
            }
        }
        match out.last_mut() {
            Some((l, have)) if *l == label => merge(have, doc),
            _ => out.push((label, doc)),
        }
    }
    for (at, what, aside) in notes {
        let aside = match aside {
            0 => String::new(),
            n => format!("; {n} operation(s) read from the page text gave way to it"),
        };
        diags.note(at, format!("read from {what}{aside}"), None);
    }
    out
}

/// `more` (the page text) added to `doc` (the definition). Page paths that spell the
/// definition's base path (`/v1/plants` under `https://x.io/v1`) lose it.
fn merge(doc: &mut ParsedDoc, mut more: ParsedDoc) {
    if let (Some(base), Some(page_base)) = (&doc.base_url, &more.base_url) {
        let extra = base.strip_prefix(page_base.trim_end_matches('/')).unwrap_or("");
        if extra.starts_with('/') {
            for o in &mut more.operations {
                if let Some(rest) = o.path.as_deref().and_then(|p| p.strip_prefix(extra)).filter(|r| r.starts_with('/')) {
                    o.path = Some(rest.to_string());
                }
            }
        }
    }
    doc.base_url = doc.base_url.take().or(more.base_url);
    doc.title = doc.title.take().or(more.title);
    doc.auth = doc.auth.or(more.auth);
    doc.operations.extend(more.operations);
    doc.models.extend(more.models);
    doc.enums.extend(more.enums);
    doc.one_of.extend(more.one_of);
}
