//! How much of an API docs2rs recovers from docs: compare a resolved [`Api`] with the
//! Swagger 2.0 or OpenAPI 3.0 spec ([`compare_oas3`]) the docs were generated from, fact
//! by fact.
//!
//! Matching is by the keys both sides share: models by name, properties and parameters by
//! wire name (falling back to the documented name, so a wrong wire name is not counted as
//! a missing property), operations by method and path. Facts the docs never show (integer
//! width, most string formats) are counted apart rather than as misses.

pub mod oas3;

use crate::config::WireCase;
use crate::parse::text::loose_key;
use crate::schema::{Api, BodyKind, EnumValue, Location, Model, Operation, Returns, Source, Type};
use heck::{ToKebabCase, ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

pub const MODELS: &str = "models found";
pub const PROPERTIES: &str = "properties present";
pub const PROPERTY_WIRE: &str = "property wire name (derivable)";
pub const PROPERTY_WIRE_UNDERIVABLE: &str = "property wire name (not derivable)";
pub const PROPERTY_TYPE: &str = "property type class";
pub const PROPERTY_REQUIRED: &str = "property required";
pub const PROPERTY_ENUM: &str = "property enum values";
pub const OPERATIONS: &str = "operations found (method+path)";
pub const OPERATION_PATH: &str = "operation path exact";
pub const PARAMETERS: &str = "parameters present";
pub const PARAMETER_WIRE: &str = "parameter wire name (derivable)";
pub const PARAMETER_WIRE_UNDERIVABLE: &str = "parameter wire name (not derivable)";
pub const PARAMETER_LOCATION: &str = "parameter location";
pub const PARAMETER_TYPE: &str = "parameter type class";
pub const PARAMETER_REQUIRED: &str = "parameter required";
pub const PARAMETER_ENUM: &str = "parameter enum values";
pub const PARAMETER_DEFAULT: &str = "parameter default";
pub const BODY_TYPE: &str = "request body type";
pub const BODY_KIND: &str = "request body kind";
pub const RETURN_TYPE: &str = "return type";
pub const FORMAT: &str = "width/format, where the docs show one";

/// Table order.
const ORDER: [&str; 21] = [
    MODELS,
    PROPERTIES,
    PROPERTY_WIRE,
    PROPERTY_WIRE_UNDERIVABLE,
    PROPERTY_TYPE,
    PROPERTY_REQUIRED,
    PROPERTY_ENUM,
    OPERATIONS,
    OPERATION_PATH,
    PARAMETERS,
    PARAMETER_WIRE,
    PARAMETER_WIRE_UNDERIVABLE,
    PARAMETER_LOCATION,
    PARAMETER_TYPE,
    PARAMETER_REQUIRED,
    PARAMETER_ENUM,
    PARAMETER_DEFAULT,
    BODY_TYPE,
    BODY_KIND,
    RETURN_TYPE,
    FORMAT,
];

/// One counted fact: `ok` of `total` agree with the spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub name: &'static str,
    pub total: usize,
    pub ok: usize,
}

impl Metric {
    pub fn percent(&self) -> f64 {
        if self.total == 0 { 100.0 } else { self.ok as f64 * 100.0 / self.total as f64 }
    }
}

/// One disagreement, with where the doc stated it (when we read it at all).
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub metric: &'static str,
    /// `Model.wireName`, or `GET /path wireName`.
    pub at: String,
    pub spec: String,
    pub ours: String,
    pub source: Option<Source>,
}

#[derive(Debug, Default)]
pub struct Report {
    pub metrics: Vec<Metric>,
    pub mismatches: Vec<Mismatch>,
    /// Spec values with an integer width or string format the docs did not show.
    pub formats_not_shown: usize,
    /// Spec enums on properties/parameters of a kind whose docs never list values.
    pub enums_not_shown: usize,
    /// Documented models the spec has no definition for.
    pub extra_models: Vec<String>,
    /// Documented operations whose method and path the spec does not have.
    pub extra_operations: Vec<String>,
    /// Documented properties and parameters the spec does not have.
    pub extra_values: Vec<String>,
    /// `wire_names` overlay entries (`Scope.documented_name` → spec wire name) that fix
    /// every wire name the case rule got wrong.
    pub wire_name_overrides: BTreeMap<String, String>,
}

impl Report {
    pub fn metric(&self, name: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.name == name)
    }

    fn count(&mut self, name: &'static str, ok: bool) {
        let i = match self.metrics.iter().position(|m| m.name == name) {
            Some(i) => i,
            None => {
                self.metrics.push(Metric { name, total: 0, ok: 0 });
                self.metrics.len() - 1
            }
        };
        self.metrics[i].total += 1;
        self.metrics[i].ok += usize::from(ok);
    }

    /// Count a fact; record a mismatch (built only when needed) when it disagrees.
    fn check(&mut self, name: &'static str, ok: bool, at: &str, spec: impl FnOnce() -> String, ours: impl FnOnce() -> String, source: Option<&Source>) {
        self.count(name, ok);
        if !ok {
            self.mismatches.push(Mismatch { metric: name, at: at.to_string(), spec: spec(), ours: ours(), source: source.cloned() });
        }
    }

    /// A fact the docs did not give at all counts against each of `metrics`.
    fn missing(&mut self, metrics: &[&'static str], at: &str, why: &str, source: Option<&Source>) {
        for &metric in metrics {
            self.check(metric, false, at, || "a value".into(), || why.to_string(), source);
        }
    }

    /// The counts as a fixed-width table, then the facts counted apart.
    pub fn table(&self) -> String {
        let mut out = format!("{:<40} {:>7} {:>7} {:>8}\n", "fact", "total", "ok", "%");
        for m in &self.metrics {
            out += &format!("{:<40} {:>7} {:>7} {:>8.2}\n", m.name, m.total, m.ok, m.percent());
        }
        out += &format!("width/format not shown by docs (not errors): {}\n", self.formats_not_shown);
        out += &format!("enum values not shown by docs (not errors): {}\n", self.enums_not_shown);
        let wire: Vec<String> = self.wire_name_overrides.iter().map(|(k, v)| format!("{k} = {v}")).collect();
        out += &format!("wire-name overrides that fix every wrong wire name ({}): {}\n", wire.len(), wire.join(", "));
        out += &format!("extra models (documented, no definition): {}\n", self.extra_models.len());
        out += &format!("extra operations (documented, not in spec): {}\n", self.extra_operations.len());
        out += &format!("extra properties/parameters (documented, not in spec): {}\n", self.extra_values.len());
        out
    }

    /// Every mismatch, grouped by fact.
    pub fn mismatch_list(&self) -> String {
        let mut out = String::new();
        for m in &self.metrics {
            let of_metric: Vec<&Mismatch> = self.mismatches.iter().filter(|x| x.metric == m.name).collect();
            if of_metric.is_empty() {
                continue;
            }
            out += &format!("## {} ({})\n", m.name, of_metric.len());
            for x in of_metric {
                let at = x.source.as_ref().map(|s| format!(" [{s}]")).unwrap_or_default();
                out += &format!("{}: spec {} / ours {}{at}\n", x.at, x.spec, x.ours);
            }
        }
        for (what, list) in
            [("extra models", &self.extra_models), ("extra operations", &self.extra_operations), ("extra properties/parameters", &self.extra_values)]
        {
            if !list.is_empty() {
                out += &format!("## {what} ({})\n{}\n", list.len(), list.join("\n"));
            }
        }
        out
    }
}

/// A type with integer widths and string formats set aside: what docs reliably show.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Class {
    String,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    Any,
    Array(Box<Class>),
    Map(Box<Class>),
    Ref(String),
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Class::Array(c) => write!(f, "array<{c}>"),
            Class::Map(c) => write!(f, "map<{c}>"),
            Class::Ref(n) => write!(f, "{n}"),
            other => write!(f, "{}", format!("{other:?}").to_lowercase()),
        }
    }
}

/// The class of a Swagger 2.0 schema (or non-body parameter) and its innermost format.
fn spec_class(s: &Value) -> (Class, Option<String>) {
    if let Some(r) = s["$ref"].as_str() {
        return (Class::Ref(r.rsplit('/').next().unwrap_or(r).to_string()), None);
    }
    let format = s["format"].as_str().map(String::from);
    match s["type"].as_str() {
        Some("string") => match format.as_deref() {
            Some("date") => (Class::Date, None),
            Some("date-time") => (Class::DateTime, None),
            _ => (Class::String, format),
        },
        Some("integer") => (Class::Integer, format),
        Some("number") => (Class::Number, format),
        Some("boolean") => (Class::Boolean, None),
        Some("array") => {
            let (items, f) = spec_class(&s["items"]);
            (Class::Array(Box::new(items)), f)
        }
        Some("object") if s["additionalProperties"].is_object() => {
            let (values, f) = spec_class(&s["additionalProperties"]);
            (Class::Map(Box::new(values)), f)
        }
        _ => (Class::Any, None),
    }
}

/// Our class; references to extracted enums are the strings they were documented as.
fn our_class(t: &Type, enums: &BTreeSet<&str>) -> (Class, Option<String>) {
    match t {
        Type::String { format } => (Class::String, format.clone()),
        Type::Integer { bits } => (Class::Integer, bits.map(|b| format!("int{b}"))),
        Type::Number => (Class::Number, None),
        Type::Boolean => (Class::Boolean, None),
        Type::Date => (Class::Date, None),
        Type::DateTime => (Class::DateTime, None),
        Type::Any => (Class::Any, None),
        Type::Array { items } => {
            let (c, f) = our_class(items, enums);
            (Class::Array(Box::new(c)), f)
        }
        Type::Map { values } => {
            let (c, f) = our_class(values, enums);
            (Class::Map(Box::new(c)), f)
        }
        Type::Ref { name } if enums.contains(name.as_str()) => (Class::String, None),
        Type::Ref { name } => (Class::Ref(name.clone()), None),
    }
}

/// Enum values of a spec schema or parameter (on the items for arrays). A boolean
/// "enum" of both values constrains nothing and is left out.
fn spec_enum(s: &Value) -> BTreeSet<String> {
    let list = s["enum"].as_array().or_else(|| s["items"]["enum"].as_array());
    let values: BTreeSet<String> = list.into_iter().flatten().map(literal).collect();
    let boolean = s["type"] == "boolean" || s["items"]["type"] == "boolean";
    if boolean && values.iter().map(String::as_str).eq(["false", "true"]) { BTreeSet::new() } else { values }
}

/// Whether the case rule turns the snake_case form docs print (`accepts_sms`) back into
/// this wire name; `acceptsSMS`, `site.id`, `$schema` do not survive that round trip.
fn derivable(wire: &str, case: WireCase) -> bool {
    let snake = wire.to_snake_case();
    let derived = match case {
        WireCase::AsDocumented | WireCase::Auto => return true,
        WireCase::Camel => snake.to_lower_camel_case(),
        WireCase::Snake => snake,
        WireCase::Pascal => snake.to_upper_camel_case(),
        WireCase::Kebab => snake.to_kebab_case(),
    };
    derived == wire
}

/// What the comparison needs to know about the API as a whole.
struct Context<'a> {
    enums: BTreeSet<&'a str>,
    /// Values of named enums, for fields and parameters typed by one.
    enum_values: BTreeMap<&'a str, &'a [EnumValue]>,
    /// Documented models by name: form fields are the fields of the body model.
    models: BTreeMap<&'a str, &'a Model>,
    case: WireCase,
    /// Whether the docs list allowed values anywhere for properties / for parameters;
    /// when they never do, missing values are "not shown", not misses.
    property_enums_shown: bool,
    parameter_enums_shown: bool,
}

struct Wire<'a> {
    metrics: (&'static str, &'static str),
    spec: &'a str,
    ours: &'a str,
    /// The `wire_names` overlay key that would fix it.
    key: String,
}

fn check_wire(r: &mut Report, cx: &Context<'_>, at: &str, w: Wire<'_>, source: Option<&Source>) {
    let metric = if derivable(w.spec, cx.case) { w.metrics.0 } else { w.metrics.1 };
    r.check(metric, w.ours == w.spec, at, || w.spec.to_string(), || w.ours.to_string(), source);
    if w.ours != w.spec {
        r.wire_name_overrides.insert(w.key, w.spec.to_string());
    }
}

fn check_enum(r: &mut Report, metric: &'static str, shown: bool, at: &str, spec: BTreeSet<String>, ours: BTreeSet<String>, source: Option<&Source>) {
    match (spec.is_empty(), ours.is_empty()) {
        (true, true) => {}
        (false, true) if !shown => r.enums_not_shown += 1,
        _ => r.check(metric, spec == ours, at, || list(&spec), || list(&ours), source),
    }
}

fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn list(set: &BTreeSet<String>) -> String {
    format!("[{}]", set.iter().cloned().collect::<Vec<_>>().join(", "))
}

/// `/a/{x}/b` → `/a/{}/b`: paths equal up to placeholder names.
fn path_shape(path: &str) -> String {
    path.split('{').map(|s| s.split_once('}').map_or(s, |(_, rest)| rest)).collect::<Vec<_>>().join("{}")
}

/// Compare `api` with an OpenAPI 3.0 document (see [`oas3`] for how it is read).
pub fn compare_oas3(api: &Api, spec: &Value, case: WireCase) -> Report {
    compare(api, &oas3::to_swagger2(spec), case)
}

/// Compare `api` with a Swagger 2.0 document; `case` is the API's wire-name rule.
pub fn compare(api: &Api, swagger: &Value, case: WireCase) -> Report {
    let mut r = Report { metrics: ORDER.iter().map(|&name| Metric { name, total: 0, ok: 0 }).collect(), ..Report::default() };
    let models: BTreeMap<&str, &Model> = api.models.iter().filter(|m| !m.undocumented).map(|m| (m.name.as_str(), m)).collect();
    let cx = Context {
        enums: api.enums.iter().map(|e| e.name.as_str()).collect(),
        enum_values: api.enums.iter().map(|e| (e.name.as_str(), e.values.as_slice())).collect(),
        models: models.clone(),
        case,
        property_enums_shown: api.models.iter().flat_map(|m| &m.fields).any(|f| !f.enum_values.is_empty()),
        parameter_enums_shown: api.operations.iter().flat_map(|o| &o.params).any(|p| !p.enum_values.is_empty()),
    };
    let definitions = swagger["definitions"].as_object().cloned().unwrap_or_default();
    for (name, def) in &definitions {
        compare_model(&mut r, &cx, name, def, models.get(name.as_str()).copied());
    }
    r.extra_models = models.keys().filter(|n| !definitions.contains_key(**n)).map(|n| n.to_string()).collect();

    let mut ours: BTreeMap<(String, String), Vec<&Operation>> = BTreeMap::new();
    for op in &api.operations {
        if let (Some(m), Some(p)) = (op.method, &op.path) {
            ours.entry((m.as_str().to_string(), path_shape(p))).or_default().push(op);
        }
    }
    let mut matched = BTreeSet::new();
    for (path, item) in swagger["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten().filter(|(k, _)| *k != "parameters" && !k.starts_with("x-")) {
            let key = (method.to_ascii_uppercase(), path_shape(path));
            let at = format!("{} {path}", key.0);
            let found = ours.get(&key).and_then(|v| v.first()).copied();
            r.check(OPERATIONS, found.is_some(), &at, || "operation".into(), || "not found".into(), None);
            let Some(found) = found else { continue };
            matched.insert(key);
            let our_path = found.path.clone().unwrap_or_default();
            r.check(OPERATION_PATH, our_path == *path, &at, || path.clone(), || our_path.clone(), Some(&found.source));
            let shared = item["parameters"].as_array().cloned().unwrap_or_default();
            let params: Vec<Value> = shared.iter().chain(op["parameters"].as_array().into_iter().flatten()).map(|p| resolve_param(p, swagger)).collect();
            compare_params(&mut r, &cx, &at, &params, op, found);
            compare_returns(&mut r, &cx, &at, op, found);
        }
    }
    for (key, ops) in &ours {
        if !matched.contains(key) {
            r.extra_operations.extend(ops.iter().map(|o| format!("{} {} {} [{}]", o.name, key.0, o.path.as_deref().unwrap_or_default(), o.source)));
        }
    }
    r.metrics.retain(|m| m.total > 0);
    r
}

fn compare_model(r: &mut Report, cx: &Context<'_>, name: &str, def: &Value, model: Option<&Model>) {
    r.check(MODELS, model.is_some(), name, || "definition".into(), || "not documented".into(), None);
    let required: BTreeSet<&str> = def["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let mut claimed = BTreeSet::new();
    for (wire, prop) in def["properties"].as_object().into_iter().flatten() {
        let at = format!("{name}.{wire}");
        let Some(model) = model else {
            r.missing(&[PROPERTIES, PROPERTY_WIRE, PROPERTY_TYPE, PROPERTY_REQUIRED], &at, "model not documented", None);
            continue;
        };
        let field = model.fields.iter().position(|f| f.wire_name == *wire && !claimed.contains(&f.name));
        let field = field.or_else(|| model.fields.iter().position(|f| loose_key(&f.name) == loose_key(wire) && !claimed.contains(&f.name)));
        r.check(PROPERTIES, field.is_some(), &at, || "property".into(), || "not documented".into(), Some(&model.source));
        let Some(f) = field.map(|i| &model.fields[i]) else {
            r.missing(&[PROPERTY_WIRE, PROPERTY_TYPE, PROPERTY_REQUIRED], &at, "not documented", Some(&model.source));
            continue;
        };
        claimed.insert(f.name.clone());
        let src = Some(&f.source);
        let w = Wire { metrics: (PROPERTY_WIRE, PROPERTY_WIRE_UNDERIVABLE), spec: wire, ours: &f.wire_name, key: format!("{name}.{}", f.name) };
        check_wire(r, cx, &at, w, src);
        let ((spec_c, spec_f), (our_c, our_f)) = (spec_class(prop), our_class(&f.ty, &cx.enums));
        r.check(PROPERTY_TYPE, spec_c == our_c, &at, || spec_c.to_string(), || f.ty.describe(), src);
        count_format(r, &at, spec_f, our_f, src);
        let req = required.contains(wire.as_str());
        r.check(PROPERTY_REQUIRED, req == f.required, &at, || req.to_string(), || f.required.to_string(), src);
        check_enum(r, PROPERTY_ENUM, cx.property_enums_shown, &at, spec_enum(prop), enum_set(cx, &f.enum_values, &f.ty), src);
    }
    if let Some(model) = model {
        let extra = model.fields.iter().filter(|f| !claimed.contains(&f.name));
        r.extra_values.extend(extra.map(|f| format!("{name}.{} [{}]", f.name, f.source)));
    }
}

fn count_format(r: &mut Report, at: &str, spec: Option<String>, ours: Option<String>, source: Option<&Source>) {
    match (spec, ours) {
        (Some(_), None) => r.formats_not_shown += 1,
        (Some(s), Some(o)) => r.check(FORMAT, s == o, at, || s.clone(), || o.clone(), source),
        (None, Some(o)) => r.check(FORMAT, false, at, || "none".into(), || o.clone(), source),
        (None, None) => {}
    }
}

/// Inline a `#/parameters/X` reference (not a schema reference in a flattened parameter).
fn resolve_param(p: &Value, swagger: &Value) -> Value {
    match p["$ref"].as_str().filter(|r| r.starts_with("#/parameters/")).and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => swagger.pointer(pointer).cloned().unwrap_or(Value::Null),
        None => p.clone(),
    }
}

/// Something of ours a spec parameter can match: a parameter, or a field of the body
/// model (form and multipart fields are documented as parameters).
struct Candidate<'a> {
    name: &'a str,
    wire: &'a str,
    /// As the spec spells it: `path`, `query`, `header`, `cookie`, `body`, `formData`.
    location: &'static str,
    ty: &'a Type,
    required: bool,
    enum_values: &'a [EnumValue],
    default: Option<&'a str>,
    source: &'a Source,
    /// The `wire_names` key that would rename it.
    key: String,
}

fn candidates<'a>(cx: &Context<'a>, op: &'a Operation) -> Vec<Candidate<'a>> {
    let mut out: Vec<Candidate<'a>> = op
        .params
        .iter()
        .map(|q| Candidate {
            name: &q.name,
            wire: &q.wire_name,
            location: Location::as_str(q.location),
            ty: &q.ty,
            required: q.required,
            enum_values: &q.enum_values,
            default: q.default.as_deref(),
            source: &q.source,
            key: format!("{}.{}", op.name, q.name),
        })
        .collect();
    let form = matches!(op.body_kind, Some(BodyKind::Form | BodyKind::Multipart));
    if let Some(model) = op.body().and_then(|b| b.ty.ref_name()).and_then(|n| cx.models.get(n)) {
        out.extend(model.fields.iter().map(|f| Candidate {
            name: &f.name,
            wire: &f.wire_name,
            location: if form { "formData" } else { "body field" },
            ty: &f.ty,
            required: f.required,
            enum_values: &f.enum_values,
            default: f.default.as_deref(),
            source: &f.source,
            key: format!("{}.{}", model.name, f.name),
        }));
    }
    out
}

/// Enum values as documented, or those of the named enum the type refers to.
fn enum_set(cx: &Context<'_>, values: &[EnumValue], ty: &Type) -> BTreeSet<String> {
    let values = match (values.is_empty(), ty.ref_name().and_then(|n| cx.enum_values.get(n))) {
        (true, Some(named)) => named,
        _ => values,
    };
    values.iter().map(|v| v.value.clone()).collect()
}

fn compare_params(r: &mut Report, cx: &Context<'_>, op_at: &str, params: &[Value], spec_op: &Value, op: &Operation) {
    let ours = candidates(cx, op);
    let mut claimed = BTreeSet::new();
    for p in params {
        let (wire, location) = (p["name"].as_str().unwrap_or_default(), p["in"].as_str().unwrap_or_default());
        let at = format!("{op_at} {wire}");
        let free = |i: &usize| !claimed.contains(i);
        let index = if location == "body" {
            ours.iter().position(|q| q.location == "body")
        } else {
            let named = || ours.iter().enumerate().filter(|(_, q)| q.location != "body");
            let exact = named().find(|(i, q)| q.wire == wire && free(i)).map(|(i, _)| i);
            exact.or_else(|| named().find(|(i, q)| loose_key(q.name) == loose_key(wire) && free(i)).map(|(i, _)| i))
        };
        r.check(PARAMETERS, index.is_some(), &at, || location.to_string(), || "not documented".into(), Some(&op.source));
        let Some(i) = index else {
            r.missing(&[PARAMETER_WIRE, PARAMETER_LOCATION, PARAMETER_TYPE, PARAMETER_REQUIRED], &at, "not documented", Some(&op.source));
            continue;
        };
        claimed.insert(i);
        let q = &ours[i];
        let src = Some(q.source);
        if location != "body" {
            // Header names are case-insensitive (RFC 9110).
            let same_header = location == "header" && q.wire.eq_ignore_ascii_case(wire);
            let ours = if same_header { wire } else { q.wire };
            let w = Wire { metrics: (PARAMETER_WIRE, PARAMETER_WIRE_UNDERIVABLE), spec: wire, ours, key: q.key.clone() };
            check_wire(r, cx, &at, w, src);
        } else {
            r.count(PARAMETER_WIRE, true);
        }
        r.check(PARAMETER_LOCATION, q.location == location, &at, || location.to_string(), || q.location.to_string(), src);
        let schema = if location == "body" { &p["schema"] } else { p };
        let ((spec_c, spec_f), (our_c, our_f)) = (spec_class(schema), our_class(q.ty, &cx.enums));
        r.check(PARAMETER_TYPE, spec_c == our_c, &at, || spec_c.to_string(), || q.ty.describe(), src);
        if location == "body" {
            r.check(BODY_TYPE, spec_c == our_c, &at, || spec_c.to_string(), || q.ty.describe(), src);
        }
        count_format(r, &at, spec_f, our_f, src);
        let req = p["required"].as_bool().unwrap_or(false);
        r.check(PARAMETER_REQUIRED, req == q.required, &at, || req.to_string(), || q.required.to_string(), src);
        check_enum(r, PARAMETER_ENUM, cx.parameter_enums_shown, &at, spec_enum(schema), enum_set(cx, q.enum_values, q.ty), src);
        let spec_d = p.get("default").map(literal);
        if spec_d.is_some() || q.default.is_some() {
            let same = spec_d.as_deref().map(str::trim) == q.default.map(str::trim);
            r.check(PARAMETER_DEFAULT, same, &at, || format!("{spec_d:?}"), || format!("{:?}", q.default), src);
        }
    }
    // The body model's own fields are not parameters; unmatched ones are not extras here.
    for (_, q) in ours.iter().enumerate().filter(|(i, q)| !claimed.contains(i) && !matches!(q.location, "formData" | "body field")) {
        r.extra_values.push(format!("{op_at} {} ({}) [{}]", q.name, q.location, q.source));
    }
    compare_body_kind(r, op_at, params, spec_op, op);
}

/// How the spec sends the body: `x-body-kind` (from [`oas3`]), else form fields and
/// `consumes` (Swagger 2.0), else a body parameter.
fn spec_body_kind(params: &[Value], spec_op: &Value) -> String {
    if let Some(kind) = spec_op["x-body-kind"].as_str() {
        return kind.to_string();
    }
    if params.iter().any(|p| p["in"] == "formData") {
        let mut consumes = spec_op["consumes"].as_array().into_iter().flatten().filter_map(Value::as_str);
        return if consumes.any(|c| c.starts_with("multipart/")) { "multipart" } else { "form" }.to_string();
    }
    if params.iter().any(|p| p["in"] == "body") { "json" } else { "none" }.to_string()
}

/// Our body kind as [`spec_body_kind`] spells it.
pub fn body_kind_name(op: &Operation) -> &'static str {
    match (op.body_kind, op.body().is_some()) {
        (Some(BodyKind::Json), _) | (None, true) => "json",
        (Some(BodyKind::Form), _) => "form",
        (Some(BodyKind::Multipart), _) => "multipart",
        (Some(BodyKind::Binary), _) => "binary",
        (Some(BodyKind::Text), _) => "text",
        (None, false) => "none",
    }
}

fn compare_body_kind(r: &mut Report, at: &str, params: &[Value], spec_op: &Value, op: &Operation) {
    let spec = spec_body_kind(params, spec_op);
    let ours = body_kind_name(op);
    r.check(BODY_KIND, spec == ours, at, || spec.clone(), || ours.to_string(), Some(&op.source));
}

/// The first 2xx response with a schema is the return type; none means empty.
fn compare_returns(r: &mut Report, cx: &Context<'_>, at: &str, spec_op: &Value, op: &Operation) {
    let responses = spec_op["responses"].as_object().cloned().unwrap_or_default();
    let spec = responses.iter().filter(|(code, _)| code.starts_with('2')).find_map(|(_, resp)| resp.get("schema")).map(|s| spec_class(s).0.to_string());
    let ours = match &op.returns {
        Returns::Body { ty } => Some(our_class(ty, &cx.enums).0.to_string()),
        Returns::Empty => None,
        Returns::Unknown => Some("unknown".to_string()),
    };
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "empty".into());
    r.check(RETURN_TYPE, spec == ours, at, || show(&spec), || show(&ours), Some(&op.source));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{EnumDef, EnumValue, Field, Method, Param};
    use serde_json::json;

    fn field(name: &str, wire: &str, ty: Type, required: bool) -> Field {
        let mut f = Field::new(name, ty, required, Source::new("M.md", 9));
        f.wire_name = wire.into();
        f
    }

    fn spec() -> Value {
        json!({
            "definitions": {
                "Phone": {"type": "object", "required": ["id"], "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "acceptsSMS": {"type": "boolean"},
                    "count": {"type": "integer", "format": "int64"},
                    "kind": {"type": "string", "enum": ["a", "b"]},
                    "tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}}
                }},
                "Tag": {"type": "object", "properties": {}}
            },
            "paths": {"/phones/{phoneId}": {"get": {
                "parameters": [
                    {"name": "phoneId", "in": "path", "required": true, "type": "string"},
                    {"name": "pageSize", "in": "query", "required": false, "type": "integer", "format": "int32", "default": 25},
                    {"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Tag"}}
                ],
                "responses": {"200": {"schema": {"$ref": "#/definitions/Phone"}}}
            }}}
        })
    }

    fn api() -> Api {
        let mut kind = field("kind", "kind", Type::reference("PhoneKind"), false);
        kind.enum_values = vec![EnumValue::new("a"), EnumValue::new("b")];
        let phone = Model {
            name: "Phone".into(),
            description: None,
            fields: vec![
                field("id", "id", Type::string(), true),
                field("accepts_sms", "acceptsSms", Type::Boolean, false),
                field("count", "count", Type::integer(), true),
                kind,
                field("tags", "tags", Type::array(Type::reference("Tag")), false),
                field("extra", "extra", Type::Any, false),
            ],
            source: Source::new("Phone.md", 1),
            undocumented: false,
        };
        let src = Source::new("PhonesApi.md", 5);
        let mut id = Param::new("phone_id", Location::Path, Type::string(), true, src.clone());
        id.wire_name = "phoneId".into();
        let mut size = Param::new("page_size", Location::Query, Type::integer(), false, src.clone());
        size.wire_name = "pageSize".into();
        size.default = Some("25".into());
        let body = Param::new("body", Location::Body, Type::reference("Tag"), true, src.clone());
        let op = Operation {
            params: vec![id, size, body],
            body_kind: None,
            returns: Returns::Body { ty: Type::reference("Phone") },
            ..Operation::new("get_phone", Some(Method::Get), Some("/phones/{phoneId}".into()), src)
        };
        let kind_enum = EnumDef { name: "PhoneKind".into(), description: None, values: vec![], source: Source::default() };
        Api { name: "t".into(), models: vec![phone], enums: vec![kind_enum], operations: vec![op], ..Api::default() }
    }

    fn pct(r: &Report, name: &str) -> (usize, usize) {
        let m = r.metric(name).unwrap_or_else(|| panic!("no metric {name}"));
        (m.ok, m.total)
    }

    #[test]
    fn counts_each_fact_and_sets_unshowable_formats_apart() {
        let r = compare(&api(), &spec(), WireCase::Camel);
        assert_eq!(pct(&r, MODELS), (1, 2), "Tag is only a stand-in here");
        assert_eq!(pct(&r, PROPERTIES), (5, 5));
        assert_eq!(pct(&r, PROPERTY_WIRE), (4, 4));
        assert_eq!(pct(&r, PROPERTY_WIRE_UNDERIVABLE), (0, 1));
        assert_eq!(pct(&r, PROPERTY_TYPE), (5, 5), "enum refs count as strings");
        assert_eq!(pct(&r, PROPERTY_REQUIRED), (4, 5));
        assert_eq!(pct(&r, PROPERTY_ENUM), (1, 1));
        assert_eq!(r.formats_not_shown, 3, "uuid, int64, int32");
        assert_eq!(r.wire_name_overrides.get("Phone.accepts_sms").map(String::as_str), Some("acceptsSMS"));
        assert_eq!(r.extra_values, ["Phone.extra [M.md:9]"]);
        assert_eq!(pct(&r, OPERATIONS), (1, 1));
        assert_eq!(pct(&r, PARAMETERS), (3, 3));
        assert_eq!(pct(&r, PARAMETER_DEFAULT), (1, 1));
        assert_eq!(pct(&r, BODY_TYPE), (1, 1));
        assert_eq!(pct(&r, RETURN_TYPE), (1, 1));
        assert!(r.table().contains("Phone.accepts_sms = acceptsSMS"));
    }

    #[test]
    fn missing_things_and_wrong_locations_are_mismatches() {
        let mut a = api();
        a.operations[0].params[1].location = Location::Header;
        a.operations[0].returns = Returns::Empty;
        a.operations[0].params.remove(0);
        let r = compare(&a, &spec(), WireCase::Camel);
        assert_eq!(pct(&r, PARAMETERS), (2, 3));
        assert_eq!(pct(&r, PARAMETER_LOCATION), (1, 3), "a missing parameter counts against every fact");
        assert_eq!(pct(&r, RETURN_TYPE), (0, 1));
        let text = r.mismatch_list();
        assert!(text.contains("GET /phones/{phoneId} pageSize: spec query / ours header [PhonesApi.md:5]"), "{text}");
        assert!(text.contains("GET /phones/{phoneId}: spec Phone / ours empty"), "{text}");
    }

    #[test]
    fn classes_follow_swagger_types() {
        assert_eq!(
            spec_class(&json!({"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string", "format": "date-time"}}})).0,
            Class::Map(Box::new(Class::Array(Box::new(Class::DateTime))))
        );
        assert_eq!(spec_class(&json!({"type": "object"})).0, Class::Any);
        assert_eq!(path_shape("/a/{x}/b/{y}"), "/a/{}/b/{}");
        assert!(spec_enum(&json!({"type": "boolean", "enum": [true, false]})).is_empty());
        assert_eq!(spec_enum(&json!({"type": "string", "enum": ["true", "false"]})).len(), 2);
    }

    #[test]
    fn wire_names_that_do_not_survive_the_case_rule_are_not_derivable() {
        for wire in ["acceptsSMS", "site.id", "$schema", "A1", "phone_hardwareId", "pairing-token"] {
            assert!(!derivable(wire, WireCase::Camel), "{wire}");
        }
        for wire in ["name", "selfUri", "q64", "pageSize"] {
            assert!(derivable(wire, WireCase::Camel), "{wire}");
        }
    }
}
