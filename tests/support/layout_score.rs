//! Scores what docs2rs reads from one page against the page's expected JSON
//! (`tests/fixtures/layouts/README.md`): operations by method and path, then every
//! parameter, body field and response field by name, location, coarse type and
//! required flag.

use docs2rs::diag::Diagnostics;
use docs2rs::parse::parse_document;
use docs2rs::parse::recognise::endpoint::path_shape;
use docs2rs::schema::{BodyKind, Location, Model, Operation, ParsedDoc, Returns, Type};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One page's figures.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub ops_expected: usize,
    pub ops_found: usize,
    pub ops_extra: usize,
    /// Items (params, body fields, response fields) expected / read / matched by name.
    pub expected: usize,
    pub read: usize,
    pub matched: usize,
    /// Matched items whose location, type and required flag are all right.
    pub exact: usize,
    pub types: (usize, usize),
    pub required: (usize, usize),
    pub places: (usize, usize),
    pub body_kinds: (usize, usize),
    pub warnings: usize,
    pub misses: Vec<String>,
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 { 1.0 } else { num as f64 / den as f64 }
}

impl Score {
    /// Field-level F1 by name (operation, part and name must match).
    pub fn name_f1(&self) -> f64 {
        f1(self.matched, self.read, self.expected)
    }
    /// Field-level F1 where an item counts only if its location, type and required flag are right too.
    pub fn f1(&self) -> f64 {
        f1(self.exact, self.read, self.expected)
    }
    pub fn add(&mut self, o: &Score) {
        self.ops_expected += o.ops_expected;
        self.ops_found += o.ops_found;
        self.ops_extra += o.ops_extra;
        self.expected += o.expected;
        self.read += o.read;
        self.matched += o.matched;
        self.exact += o.exact;
        for (a, b) in [(&mut self.types, o.types), (&mut self.required, o.required), (&mut self.places, o.places), (&mut self.body_kinds, o.body_kinds)] {
            a.0 += b.0;
            a.1 += b.1;
        }
        self.warnings += o.warnings;
    }
    pub fn row(&self, label: &str) -> String {
        format!(
            "{label:<58} {:>5} {:>6.1} {:>6.1} {:>6.1} {:>6.1} {:>6.1} {:>6.1} {:>4}",
            format!("{}/{}", self.ops_found, self.ops_expected),
            100.0 * self.f1(),
            100.0 * self.name_f1(),
            100.0 * ratio(self.types.0, self.types.1),
            100.0 * ratio(self.required.0, self.required.1),
            100.0 * ratio(self.places.0, self.places.1),
            100.0 * ratio(self.body_kinds.0, self.body_kinds.1),
            self.warnings
        )
    }
}

pub fn header() -> String {
    format!("{:<58} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>4}", "page", "ops", "F1", "names", "type", "req", "in", "body", "warn")
}

fn f1(hit: usize, read: usize, expected: usize) -> f64 {
    if read == 0 && expected == 0 {
        return 1.0;
    }
    let p = ratio(hit, read);
    let r = ratio(hit, expected);
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// An item of a page: (operation key, part, name) → (place, type, required).
type Items = BTreeMap<(String, String, String), (String, Option<String>, Option<bool>)>;

/// Read `page` and score it against `expected`.
pub fn score(page: &Path, expected: &Value) -> Score {
    let label = page.to_string_lossy().to_string();
    let bytes = std::fs::read(page).unwrap_or_default();
    let mut diags = Diagnostics::new();
    let doc = parse_document(&label, &bytes, None, &mut diags);
    let mut s = Score { warnings: diags.warnings(), ..Score::default() };
    let want_ops = expected["operations"].as_array().cloned().unwrap_or_default();
    s.ops_expected = want_ops.len();
    let mut want: Items = BTreeMap::new();
    let mut got: Items = BTreeMap::new();
    let mut used = vec![false; doc.operations.len()];
    for w in &want_ops {
        let method = w["method"].as_str().unwrap_or("").to_ascii_uppercase();
        let path = w["path"].as_str().unwrap_or("");
        let key = format!("{method} {}", path_shape(path));
        expected_items(&key, w, &mut want);
        let found = doc
            .operations
            .iter()
            .enumerate()
            .position(|(i, o)| !used[i] && o.method.map(|m| m.as_str()) == Some(method.as_str()) && o.path.as_deref().is_some_and(|p| same_path(path, p)));
        match found {
            Some(i) => {
                used[i] = true;
                s.ops_found += 1;
                let op = &doc.operations[i];
                read_items(&key, op, &doc, &mut got);
                if let Some(kind) = w["body"]["kind"].as_str() {
                    s.body_kinds.1 += 1;
                    let read = match op.body_kind {
                        Some(BodyKind::Form) => "form",
                        Some(BodyKind::Multipart) => "multipart",
                        _ if op.body().is_some() => "json",
                        _ => "none",
                    };
                    if read == kind {
                        s.body_kinds.0 += 1;
                    } else {
                        s.misses.push(format!("{key}: body kind {read}, expected {kind}"));
                    }
                }
            }
            None => s.misses.push(format!("{key}: operation not found")),
        }
    }
    for (i, op) in doc.operations.iter().enumerate().filter(|(i, _)| !used[*i]) {
        s.ops_extra += 1;
        let key = format!("extra#{i} {} {}", op.method.map_or("?", |m| m.as_str()), op.path.as_deref().unwrap_or("?"));
        read_items(&key, op, &doc, &mut got);
        s.misses.push(format!("{key}: not on the page"));
    }
    s.expected = want.len();
    s.read = got.len();
    for (k, (place, ty, req)) in &want {
        let Some((gplace, gty, greq)) = got.get(k) else {
            s.misses.push(format!("{} {} `{}`: missing", k.0, k.1, k.2));
            continue;
        };
        s.matched += 1;
        let mut exact = true;
        if k.1 == "param" {
            s.places.1 += 1;
            if place == gplace {
                s.places.0 += 1;
            } else {
                exact = false;
                s.misses.push(format!("{} `{}`: in {gplace}, expected {place}", k.0, k.2));
            }
        }
        if let Some(t) = ty {
            s.types.1 += 1;
            if types_agree(t, gty.as_deref().unwrap_or("any")) {
                s.types.0 += 1;
            } else {
                exact = false;
                s.misses.push(format!("{} {} `{}`: type {}, expected {t}", k.0, k.1, k.2, gty.as_deref().unwrap_or("?")));
            }
        }
        if let Some(r) = req {
            s.required.1 += 1;
            if greq == &Some(*r) {
                s.required.0 += 1;
            } else {
                exact = false;
                s.misses.push(format!("{} {} `{}`: required {greq:?}, expected {r}", k.0, k.1, k.2));
            }
        }
        if exact {
            s.exact += 1;
        }
    }
    for k in got.keys().filter(|k| !want.contains_key(*k)) {
        s.misses.push(format!("{} {} `{}`: not on the page", k.0, k.1, k.2));
    }
    s
}

/// The same endpoint: equal templates, or one with a base path the other keeps in the base
/// URL (`/v1/races/{id}` read from a full URL, `/races/{id}` with base `…/v1`) — where a
/// page prints only full URLs, the split is not on the page, and the client is the same.
fn same_path(want: &str, got: &str) -> bool {
    let (w, g) = (path_shape(want), path_shape(got));
    let literal_prefix = |long: &str, short: &str| {
        long.strip_suffix(short).is_some_and(|pre| !pre.contains('{') && pre.matches('/').count() <= 3 && (pre.is_empty() || pre.starts_with('/')))
    };
    w == g || literal_prefix(&g, &w) || literal_prefix(&w, &g)
}

fn expected_items(key: &str, op: &Value, out: &mut Items) {
    for p in op["params"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap_or("").to_string();
        let place = p["in"].as_str().unwrap_or("").to_string();
        let part = "param".to_string();
        out.insert((key.to_string(), part, name), (place, p["type"].as_str().map(str::to_string), p["required"].as_bool()));
    }
    for (part, fields) in [("body", &op["body"]["fields"]), ("response", &op["response"]["fields"])] {
        for f in fields.as_array().into_iter().flatten() {
            let name = f["name"].as_str().unwrap_or("").to_string();
            out.insert((key.to_string(), part.to_string(), name), (part.to_string(), f["type"].as_str().map(str::to_string), f["required"].as_bool()));
        }
    }
}

fn read_items(key: &str, op: &Operation, doc: &ParsedDoc, out: &mut Items) {
    for p in &op.params {
        let place = match p.location {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
            Location::Cookie => "cookie",
            Location::Body => {
                // Read-only properties are not part of a request (OpenAPI `readOnly`).
                for f in model_fields(&p.ty, doc).into_iter().filter(|f| !f.3) {
                    out.insert((key.to_string(), "body".into(), f.0), ("body".into(), Some(f.1), Some(f.2)));
                }
                continue;
            }
        };
        out.insert((key.to_string(), "param".into(), p.name.clone()), (place.into(), Some(coarse(&p.ty)), Some(p.required)));
    }
    if let Returns::Body { ty } = &op.returns {
        for f in model_fields(ty, doc) {
            out.insert((key.to_string(), "response".into(), f.0), ("response".into(), Some(f.1), Some(f.2)));
        }
    }
}

/// (name, coarse type, required, read-only) of the model a body or response type names.
fn model_fields(ty: &Type, doc: &ParsedDoc) -> Vec<(String, String, bool, bool)> {
    let name = match ty {
        Type::Ref { name } => name,
        Type::Array { items } => match items.as_ref() {
            Type::Ref { name } => name,
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let model: Option<&Model> = doc.models.iter().find(|m| &m.name == name);
    model
        .map(|m| m.fields.iter().map(|f| (f.name.clone(), coarse(&f.ty), f.required, f.constraints.iter().any(|c| c == "readonly"))).collect())
        .unwrap_or_default()
}

fn coarse(ty: &Type) -> String {
    match ty {
        Type::String { format: Some(f) } if f == "binary" => "file".into(),
        Type::String { .. } => "string".into(),
        Type::Integer { .. } => "integer".into(),
        Type::Number => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::Date => "date".into(),
        Type::DateTime => "date-time".into(),
        Type::Any => "any".into(),
        Type::Array { items } => format!("array<{}>", coarse(items)),
        Type::Map { .. } | Type::Ref { .. } => "object".into(),
    }
}

/// Coarse types agree: dates are strings on the wire; `any` expected accepts anything;
/// arrays agree when their items do (or one side does not say).
pub fn types_agree(want: &str, got: &str) -> bool {
    let norm = |t: &str| match t {
        "date" | "date-time" => "string".to_string(),
        t => t.to_string(),
    };
    // A field the page types `object` without its fields is a JSON value to us.
    if want == "any" || norm(want) == norm(got) || want == "object" && got == "any" {
        return true;
    }
    match (want.strip_prefix("array"), got.strip_prefix("array")) {
        (Some(w), Some(g)) => {
            let inner = |s: &str| s.trim_start_matches('<').trim_end_matches('>').to_string();
            let (w, g) = (inner(w), inner(g));
            w.is_empty() || g.is_empty() || g == "any" || types_agree(&w, &g)
        }
        _ => false,
    }
}

/// Every page with an expected JSON under `dir`, grouped by layout folder.
pub fn pages(dir: &Path) -> Vec<(String, std::path::PathBuf, Value)> {
    let mut out = Vec::new();
    let mut layouts: Vec<_> = std::fs::read_dir(dir).map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect()).unwrap_or_default();
    layouts.sort();
    for layout in layouts {
        let mut files: Vec<_> = std::fs::read_dir(&layout).map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
        files.sort();
        for f in &files {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let Some(stem) = name.strip_suffix(".expected.json") else { continue };
            let page = files.iter().find(|p| {
                let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                n.starts_with(&format!("{stem}.")) && !n.ends_with(".expected.json")
            });
            let Some(page) = page else { continue };
            let expected: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap_or_default()).unwrap_or(Value::Null);
            out.push((layout.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string(), page.clone(), expected));
        }
    }
    out
}
