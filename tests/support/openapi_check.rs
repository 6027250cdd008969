//! Validates an OpenAPI 3.1 document: it must deserialize into `oas3::Spec`, lose no
//! key in that model (oas3 ignores unknown keys, so a round trip is what makes it strict),
//! and pass the structural rules a model cannot express.

use serde_json::Value;
use std::collections::BTreeSet;

/// Every problem found, as `json/pointer: message`; empty when valid.
pub fn problems(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let spec: oas3::Spec = match serde_json::from_value(doc.clone()) {
        Ok(s) => s,
        Err(e) => return vec![format!("does not deserialize as OpenAPI 3.1: {e}")],
    };
    if let Err(e) = spec.validate_version() {
        out.push(format!("/openapi: {e}"));
    }
    let round_trip = serde_json::to_value(&spec).expect("oas3 serializes");
    dropped_keys(doc, &round_trip, "", &mut out);
    structure(doc, &mut out);
    let mut refs = Vec::new();
    collect_refs(doc, "", &mut refs);
    for (at, target) in refs {
        let resolves = target.strip_prefix('#').is_some_and(|pointer| doc.pointer(pointer).is_some());
        if !resolves {
            out.push(format!("{at}: `$ref` {target} does not resolve"));
        }
    }
    out
}

/// Keys present in `original` but missing after the oas3 round trip: misspelled or
/// misplaced keywords. A `$ref` object is compared on `$ref` alone because oas3 keeps
/// only `summary`/`description` beside it, while 3.1 allows any sibling keyword.
fn dropped_keys(original: &Value, kept: &Value, at: &str, out: &mut Vec<String>) {
    match (original, kept) {
        (Value::Object(o), Value::Object(k)) => {
            if o.contains_key("$ref") {
                if o.get("$ref") != k.get("$ref") {
                    out.push(format!("{at}: `$ref` lost in the OpenAPI model"));
                }
                return;
            }
            for (key, v) in o {
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                match k.get(key) {
                    Some(kv) => dropped_keys(v, kv, &here, out),
                    None if is_default_value(v) => {}
                    None => out.push(format!("{here}: not part of the OpenAPI 3.1 object it is in")),
                }
            }
        }
        (Value::Array(o), Value::Array(k)) if o.len() == k.len() => {
            for (i, (ov, kv)) in o.iter().zip(k).enumerate() {
                dropped_keys(ov, kv, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// oas3 skips serializing empty lists and maps.
fn is_default_value(v: &Value) -> bool {
    matches!(v, Value::Array(a) if a.is_empty()) || matches!(v, Value::Object(m) if m.is_empty())
}

fn collect_refs(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push((at.to_string(), r.clone()));
            }
            for (k, v) in m {
                collect_refs(v, &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                collect_refs(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn placeholders(template: &str) -> Vec<String> {
    template.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string())).collect()
}

fn structure(doc: &Value, out: &mut Vec<String>) {
    if doc["openapi"] != "3.1.0" {
        out.push("/openapi: must be 3.1.0".into());
    }
    for key in ["title", "version"] {
        if doc["info"][key].as_str().is_none_or(str::is_empty) {
            out.push(format!("/info/{key}: missing"));
        }
    }
    for (i, server) in doc["servers"].as_array().into_iter().flatten().enumerate() {
        for var in placeholders(server["url"].as_str().unwrap_or_default()) {
            if !server["variables"][&var]["default"].is_string() {
                out.push(format!("/servers/{i}: variable `{var}` has no default"));
            }
        }
    }
    let schemes: BTreeSet<&str> = doc["components"]["securitySchemes"].as_object().into_iter().flatten().map(|(k, _)| k.as_str()).collect();
    for requirement in doc["security"].as_array().into_iter().flatten() {
        for name in requirement.as_object().into_iter().flatten().map(|(k, _)| k) {
            if !schemes.contains(name.as_str()) {
                out.push(format!("/security: scheme `{name}` is not declared"));
            }
        }
    }
    for (name, schema) in doc["components"]["schemas"].as_object().into_iter().flatten() {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)) {
            out.push(format!("/components/schemas: key `{name}` is not ^[a-zA-Z0-9._-]+$"));
        }
        check_schema(schema, &format!("/components/schemas/{name}"), out);
    }
    let mut operation_ids = BTreeSet::new();
    let mut templates = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        if !path.starts_with('/') {
            out.push(format!("/paths: `{path}` does not start with /"));
        }
        // `/a/{x}` and `/a/{y}` are the same path to OpenAPI.
        let shape: String = path.split('{').map(|s| s.split_once('}').map_or(s, |(_, rest)| rest)).collect::<Vec<_>>().join("{}");
        if !templates.insert(shape) {
            out.push(format!("/paths: `{path}` differs from another path only in placeholder names"));
        }
        for (method, op) in item.as_object().into_iter().flatten().filter(|(k, _)| !k.starts_with("x-")) {
            let at = format!("/paths/{path}/{method}");
            if let Some(id) = op["operationId"].as_str() {
                if !operation_ids.insert(id.to_string()) {
                    out.push(format!("{at}: operationId `{id}` is not unique"));
                }
            }
            check_operation(path, op, &at, out);
        }
    }
}

fn check_operation(path: &str, op: &Value, at: &str, out: &mut Vec<String>) {
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    let mut seen = BTreeSet::new();
    for (i, p) in params.iter().enumerate() {
        let (name, location) = (p["name"].as_str().unwrap_or_default(), p["in"].as_str().unwrap_or_default());
        if !seen.insert((name, location)) {
            out.push(format!("{at}/parameters/{i}: duplicate `{name}` in {location}"));
        }
        if location == "path" && (p["required"] != true || !placeholders(path).iter().any(|h| h == name)) {
            out.push(format!("{at}/parameters/{i}: path parameter `{name}` must be required and appear in the path"));
        }
        if p.get("schema").is_some() == p.get("content").is_some() {
            out.push(format!("{at}/parameters/{i}: needs exactly one of schema and content"));
        }
        check_schema(&p["schema"], &format!("{at}/parameters/{i}/schema"), out);
    }
    for hole in placeholders(path) {
        if !seen.contains(&(hole.as_str(), "path")) {
            out.push(format!("{at}: placeholder `{{{hole}}}` has no path parameter"));
        }
    }
    for (media, content) in op["requestBody"]["content"].as_object().into_iter().flatten() {
        check_schema(&content["schema"], &format!("{at}/requestBody/content/{media}/schema"), out);
    }
    let responses = op["responses"].as_object().cloned().unwrap_or_default();
    if responses.is_empty() {
        out.push(format!("{at}/responses: at least one response is required"));
    }
    for (code, response) in &responses {
        let valid_code = code == "default"
            || (code.len() == 3 && code.starts_with(['1', '2', '3', '4', '5']) && (code[1..].chars().all(|c| c.is_ascii_digit()) || &code[1..] == "XX"));
        if !valid_code {
            out.push(format!("{at}/responses: `{code}` is not a status code, range or `default`"));
        }
        if !response["description"].is_string() {
            out.push(format!("{at}/responses/{code}: description is required"));
        }
        for (media, content) in response["content"].as_object().into_iter().flatten() {
            check_schema(&content["schema"], &format!("{at}/responses/{code}/content/{media}/schema"), out);
        }
    }
}

/// The JSON Schema keywords the export uses, with the shapes 2020-12 requires.
fn check_schema(schema: &Value, at: &str, out: &mut Vec<String>) {
    let Some(s) = schema.as_object() else {
        if !schema.is_boolean() && !schema.is_null() {
            out.push(format!("{at}: a schema must be an object or a boolean"));
        }
        return;
    };
    const TYPES: &[&str] = &["string", "integer", "number", "boolean", "array", "object", "null"];
    let types: Vec<&Value> = match &s.get("type") {
        None => vec![],
        Some(Value::Array(a)) => a.iter().collect(),
        Some(t) => vec![t],
    };
    for t in types {
        if !t.as_str().is_some_and(|t| TYPES.contains(&t)) {
            out.push(format!("{at}/type: `{t}` is not a JSON Schema type"));
        }
    }
    if let Some(e) = s.get("enum") {
        if e.as_array().is_none_or(Vec::is_empty) {
            out.push(format!("{at}/enum: must be a non-empty array"));
        }
    }
    if let Some(r) = s.get("required") {
        let props = s.get("properties").and_then(Value::as_object);
        for name in r.as_array().into_iter().flatten() {
            if !name.as_str().is_some_and(|n| props.is_some_and(|p| p.contains_key(n))) {
                out.push(format!("{at}/required: `{name}` is not a property"));
            }
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(sub) = s.get(key) {
            check_schema(sub, &format!("{at}/{key}"), out);
        }
    }
    for (name, sub) in s.get("properties").and_then(Value::as_object).into_iter().flatten() {
        check_schema(sub, &format!("{at}/properties/{name}"), out);
    }
    for (i, sub) in s.get("anyOf").and_then(Value::as_array).into_iter().flatten().enumerate() {
        check_schema(sub, &format!("{at}/anyOf/{i}"), out);
    }
}
