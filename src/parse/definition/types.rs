//! Schemas of a definition as docs2rs types: named object schemas are models (referenced
//! by name, so `$ref` cycles between models are just references), named enums are enums,
//! named aliases (`type: array`, a plain string) are inlined where used, inline objects
//! become models named after where they appear.

use super::lower::{Gathered, MAX_DEPTH, scalar, text};
use super::order::{Orders, key_of, properties_orders};
use crate::diag::Diagnostics;
use crate::schema::{EnumDef, EnumValue, Field, Model, OneOf, Source, Type};
use crate::spec::{self, Version};
use heck::ToUpperCamelCase;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a named schema becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Enum,
    Model,
    OneOf,
    /// Inlined where used.
    Alias,
}

pub(super) struct Types<'a> {
    file: &'a str,
    doc: &'a Value,
    version: Version,
    named: BTreeMap<String, &'a Value>,
    /// First line of each object key in the text (JSON or YAML), for sources.
    keys: HashMap<String, u32>,
    /// `properties` keys in document order.
    orders: Orders,
    models: Vec<Model>,
    enums: Vec<EnumDef>,
    one_of: Vec<OneOf>,
    taken: BTreeSet<String>,
    warned: BTreeSet<&'static str>,
    /// Aliases being inlined, innermost last.
    expanding: Vec<String>,
}

impl<'a> Types<'a> {
    pub(super) fn new(file: &'a str, text: &str, line: u32, doc: &'a Value, version: Version) -> Self {
        let schemas = match version {
            Version::Swagger2 => &doc["definitions"],
            _ => &doc["components"]["schemas"],
        };
        let named: BTreeMap<String, &Value> = schemas.as_object().into_iter().flatten().map(|(k, v)| (k.clone(), v)).collect();
        let taken = named.keys().map(|k| k.to_upper_camel_case()).collect();
        Types {
            file,
            doc,
            version,
            named,
            keys: key_lines(text, line),
            orders: properties_orders(text),
            models: Vec::new(),
            enums: Vec::new(),
            one_of: Vec::new(),
            taken,
            warned: BTreeSet::new(),
            expanding: Vec::new(),
        }
    }

    pub(super) fn line_of(&self, quoted_key: &str) -> u32 {
        self.keys.get(quoted_key.trim_matches('"')).copied().unwrap_or(1)
    }

    fn source(&self, key: &str) -> Source {
        Source::new(self.file, self.line_of(key))
    }

    pub(super) fn finish(self) -> Gathered {
        (self.models, self.enums, self.one_of)
    }

    fn warn_once(&mut self, what: &'static str, diags: &mut Diagnostics, message: String, help: &str) {
        if self.warned.insert(what) {
            diags.warn(Source::new(self.file, 1), message, Some(help.to_string()));
        }
    }

    /// The named schemas: models, enums and oneOfs.
    pub(super) fn components(&mut self, diags: &mut Diagnostics) {
        let named: Vec<(String, &'a Value)> = self.named.iter().map(|(k, v)| (k.clone(), *v)).collect();
        for (name, schema) in named {
            let source = self.source(&name);
            let description = text(&schema["description"]);
            match self.kind(schema) {
                Kind::Enum => self.enums.push(EnumDef { name, description, values: self.enum_values(schema), source }),
                Kind::Model => {
                    let mut seen = BTreeSet::from([name.clone()]);
                    let fields = self.fields(schema, &name, 0, &mut seen, diags);
                    self.models.push(Model { name, description, fields, source, undocumented: false });
                }
                Kind::OneOf => {
                    let variants = variants(schema).iter().filter_map(|v| spec::ref_name(v).map(str::to_string)).collect();
                    let discriminator = match self.version {
                        Version::Swagger2 => schema["discriminator"].as_str(),
                        _ => schema["discriminator"]["propertyName"].as_str(),
                    };
                    self.one_of.push(OneOf { name, variants, discriminator: discriminator.map(str::to_string), source });
                }
                Kind::Alias => {}
            }
        }
    }

    fn kind(&self, s: &Value) -> Kind {
        self.kind_at(s, 0)
    }

    /// A oneOf is of models, so kinds look through references: boundedly, as a oneOf
    /// may name itself (`A: oneOf [B]`, `B: oneOf [A]`).
    fn kind_at(&self, s: &Value, depth: u32) -> Kind {
        if spec::is_enum(s) {
            return Kind::Enum;
        }
        let vs = variants(s);
        let model = |v: &&Value| spec::ref_name(v).and_then(|n| self.named.get(n)).is_some_and(|t| self.kind_at(strip(t), depth + 1) == Kind::Model);
        if vs.len() >= 2 && depth < 4 && vs.iter().all(model) {
            return Kind::OneOf;
        }
        let all_of = s["allOf"].as_array().map_or(0, Vec::len);
        let object = s["type"].as_str().is_none_or(|t| t == "object") && !s["additionalProperties"].is_object() && vs.is_empty();
        if s["properties"].is_object() || all_of > 1 || (all_of == 1 && s["properties"].is_object()) || (object && all_of == 0 && s.get("type").is_some()) {
            Kind::Model
        } else {
            Kind::Alias
        }
    }

    /// Follow `$ref`s (any local pointer) to the schema or object they name.
    pub(super) fn deref<'v>(&self, v: &'v Value, depth: u32) -> Option<&'v Value>
    where
        'a: 'v,
    {
        let Some(r) = v.get("$ref").and_then(Value::as_str) else { return Some(v) };
        if depth > MAX_DEPTH {
            return None;
        }
        let target = self.doc.pointer(r.strip_prefix('#')?)?;
        self.deref(target, depth + 1)
    }

    /// Enum values listed on a schema (or its array items); none for references.
    pub(super) fn enum_values(&self, s: &Value) -> Vec<EnumValue> {
        let list = s["enum"].as_array().or_else(|| if s["items"].get("$ref").is_none() { s["items"]["enum"].as_array() } else { None });
        if s["type"] == "boolean" {
            return Vec::new();
        }
        // `enum: [true, false]` says nothing a boolean does not.
        list.into_iter().flatten().filter(|v| !v.is_boolean()).filter_map(scalar).map(EnumValue::new).collect()
    }

    /// The type of a schema; `hint` names an inline object's model.
    pub(super) fn ty(&mut self, s: &'a Value, hint: &str, depth: u32, diags: &mut Diagnostics) -> Type {
        if depth > MAX_DEPTH {
            self.warn_once(
                "depth",
                diags,
                format!("a schema nests deeper than {MAX_DEPTH} levels (at `{hint}`); typed as raw JSON"),
                "check the definition for a `$ref` cycle through arrays or aliases",
            );
            return Type::Any;
        }
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            return self.ref_type(r, hint, depth, diags);
        }
        let parts = s["allOf"].as_array().map(Vec::as_slice).unwrap_or_default();
        if let [only] = parts {
            if !s["properties"].is_object() {
                return self.ty(only, hint, depth + 1, diags);
            }
        }
        let vs = variants(s);
        if !vs.is_empty() {
            let non_null: Vec<&'a Value> = vs.iter().copied().filter(|v| v["type"] != "null").collect();
            if let [only] = non_null.as_slice() {
                return self.ty(only, hint, depth + 1, diags);
            }
            let refs: Vec<String> = non_null.iter().filter_map(|v| spec::ref_name(v).map(str::to_string)).collect();
            if refs.len() == non_null.len() && refs.iter().all(|n| self.named.get(n).is_some_and(|t| self.kind(strip(t)) == Kind::Model)) {
                let name = self.unique(hint);
                self.one_of.push(OneOf { name: name.clone(), variants: refs, discriminator: None, source: Source::new(self.file, 1) });
                return Type::reference(name);
            }
            return Type::Any;
        }
        let ty = match &s["type"] {
            Value::Array(list) => list.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or(""),
            v => v.as_str().unwrap_or(""),
        };
        let format = s["format"].as_str();
        match ty {
            "string" => match format {
                Some("date") => Type::Date,
                Some("date-time") => Type::DateTime,
                Some(f) if !f.is_empty() => Type::String { format: Some(f.to_string()) },
                _ => Type::string(),
            },
            "integer" => Type::Integer {
                bits: match format {
                    Some("int32") => Some(32),
                    Some("int64") => Some(64),
                    _ => None,
                },
            },
            "number" => Type::Number,
            "boolean" => Type::Boolean,
            "file" => Type::String { format: Some("binary".into()) },
            "array" => Type::array(self.ty(&s["items"], &format!("{hint}Inner"), depth + 1, diags)),
            _ if s["properties"].as_object().is_some_and(|p| !p.is_empty()) || parts.len() > 1 => {
                let name = self.unique(hint);
                let mut seen = BTreeSet::new();
                let fields = self.fields(s, &name, depth + 1, &mut seen, diags);
                let source = Source::new(self.file, 1);
                self.models.push(Model { name: name.clone(), description: text(&s["description"]), fields, source, undocumented: false });
                Type::reference(name)
            }
            _ if s["additionalProperties"].is_object() => Type::map(self.ty(&s["additionalProperties"], &format!("{hint}Value"), depth + 1, diags)),
            _ if s.get("enum").is_some() => Type::string(),
            _ => Type::Any,
        }
    }

    fn ref_type(&mut self, r: &str, hint: &str, depth: u32, diags: &mut Diagnostics) -> Type {
        let named = r.strip_prefix("#/definitions/").or_else(|| r.strip_prefix("#/components/schemas/"));
        if let Some(name) = named.map(|n| n.replace("~1", "/").replace("~0", "~")) {
            let Some(target) = self.named.get(&name).copied() else {
                diags.warn(
                    Source::new(self.file, 1),
                    format!("`$ref: {r}` names no schema of the definition; typed as raw JSON"),
                    Some("add the schema or fix the reference".to_string()),
                );
                return Type::Any;
            };
            if self.kind(target) != Kind::Alias {
                return Type::reference(name);
            }
            // An alias is inlined; one that contains itself (`A: array of B`, `B: array
            // of A`) has no finite type.
            if self.expanding.contains(&name) {
                self.warn_once(
                    "alias-cycle",
                    diags,
                    format!("schema `{name}` contains itself through arrays or maps; typed as raw JSON there"),
                    "make one of the schemas an object, or accept raw JSON",
                );
                return Type::Any;
            }
            self.expanding.push(name.clone());
            let ty = self.ty(target, &name, depth + 1, diags);
            self.expanding.pop();
            return ty;
        }
        match r.strip_prefix('#').and_then(|p| self.doc.pointer(p)) {
            Some(target) => self.ty(target, hint, depth + 1, diags),
            None => {
                self.warn_once(
                    "external",
                    diags,
                    format!("`$ref: {r}` points outside the definition (or at nothing); typed as raw JSON"),
                    "bundle the definition into one file (e.g. `redocly bundle`) and read that",
                );
                Type::Any
            }
        }
    }

    /// The fields of an object schema: `allOf` parts first (named parts by their own
    /// fields, each once), then its own properties.
    fn fields(&mut self, s: &'a Value, model: &str, depth: u32, seen: &mut BTreeSet<String>, diags: &mut Diagnostics) -> Vec<Field> {
        let mut out: Vec<Field> = Vec::new();
        if depth > MAX_DEPTH {
            return out;
        }
        let push = |out: &mut Vec<Field>, f: Field| {
            if let Some(have) = out.iter_mut().find(|h| h.name == f.name) {
                *have = Field { required: have.required || f.required, ..f };
            } else {
                out.push(f);
            }
        };
        for part in s["allOf"].as_array().into_iter().flatten() {
            let target = match spec::ref_name(part) {
                Some(name) if self.named.contains_key(name) => {
                    if !seen.insert(name.to_string()) {
                        continue;
                    }
                    self.named[name]
                }
                _ => match self.deref(part, depth) {
                    Some(t) => t,
                    None => continue,
                },
            };
            for f in self.fields(target, model, depth + 1, seen, diags) {
                push(&mut out, f);
            }
        }
        let required: BTreeSet<&str> = s["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let props = s["properties"].as_object();
        let in_order: Vec<(&'a String, &'a Value)> = match props.and_then(|p| self.orders.get(&key_of(p.keys().map(String::as_str)))) {
            Some(order) => order.iter().filter_map(|k| props.and_then(|p| p.get_key_value(k))).collect(),
            None => props.into_iter().flatten().collect(),
        };
        for (name, prop) in in_order {
            let ty = self.ty(prop, &format!("{model}{}", name.to_upper_camel_case()), depth + 1, diags);
            let mut f = Field::new(name, ty, required.contains(name.as_str()), Source::new(self.file, self.line_of(model)));
            f.wire_name = name.clone();
            let resolved = if prop.get("$ref").is_some() { prop } else { self.deref(prop, depth).unwrap_or(prop) };
            f.description = text(&resolved["description"]);
            f.default = resolved.get("default").and_then(scalar);
            f.enum_values = self.enum_values(resolved);
            f.nullable = nullable(prop);
            push(&mut out, f);
        }
        out
    }

    /// The fields of a body schema (form and multipart bodies send them as parts).
    pub(super) fn object_fields(&mut self, s: &'a Value, model: &str, diags: &mut Diagnostics) -> Vec<Field> {
        let target = match spec::ref_name(s).and_then(|n| self.named.get(n).copied()) {
            Some(t) => t,
            None => self.deref(s, 0).unwrap_or(s),
        };
        self.fields(target, model, 0, &mut BTreeSet::new(), diags)
    }

    fn unique(&mut self, hint: &str) -> String {
        let base = hint.to_upper_camel_case();
        let base = if base.is_empty() { "Inline".to_string() } else { base };
        let mut name = base.clone();
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    }
}

/// `oneOf` or `anyOf` variants.
fn variants(s: &Value) -> Vec<&Value> {
    s["oneOf"].as_array().or_else(|| s["anyOf"].as_array()).map(|v| v.iter().collect()).unwrap_or_default()
}

/// A named schema with a lone `allOf` wrapper removed.
fn strip(s: &Value) -> &Value {
    match s["allOf"].as_array().map(Vec::as_slice) {
        Some([only]) if !s["properties"].is_object() => only,
        _ => s,
    }
}

fn nullable(s: &Value) -> bool {
    s["nullable"] == true
        || s["x-nullable"] == true
        || s["type"].as_array().is_some_and(|t| t.iter().any(|x| x == "null"))
        || variants(s).iter().any(|v| v["type"] == "null")
}

/// The first line of each object key: `"key":` in JSON, `key:` at a line start in YAML.
fn key_lines(text: &str, first_line: u32) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    if text.trim_start().starts_with('{') {
        let bytes = text.as_bytes();
        let (mut i, mut line) = (0, first_line);
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line += 1,
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        if bytes[i] == b'\\' {
                            i += 1;
                        } else if bytes[i] == b'\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                    let key = &text[start..i.min(text.len())];
                    let after = text[(i + 1).min(text.len())..].trim_start();
                    if after.starts_with(':') {
                        out.entry(key.to_string()).or_insert(line);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        return out;
    }
    for (n, l) in text.lines().enumerate() {
        if let Some((key, _)) = l.trim_start().split_once(':') {
            out.entry(key.trim().trim_matches(['"', '\'']).to_string()).or_insert(first_line + n as u32);
        }
    }
    out
}
