//! The resolved [`Api`] as an OpenAPI 3.1 document, for tools that speak OpenAPI and to
//! compare what docs2rs recovered with a published spec.
//!
//! Total: any `Api` (also one deserialized from `docs2rs schema` output and edited by
//! hand) yields a valid document. What OpenAPI cannot hold is kept in `x-docs2rs-*`
//! extensions; what it requires but the docs did not say gets a neutral stand-in.

use crate::schema::*;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

pub const OPENAPI_VERSION: &str = "3.1.0";

/// The OpenAPI 3.1 document for `api`. Keys come out sorted (serde_json's default map).
pub fn to_openapi(api: &Api) -> Value {
    let names = ComponentNames::new(api);
    let mut doc = Map::new();
    doc.insert("openapi".into(), OPENAPI_VERSION.into());
    doc.insert("info".into(), info(api));
    if let Some(servers) = servers(api) {
        doc.insert("servers".into(), servers);
    }
    doc.insert("paths".into(), paths(api, &names));
    // Operations the docs give no method or path for: their parameters, for an overlay.
    if !api.incomplete.is_empty() {
        let list: Vec<Value> = api
            .incomplete
            .iter()
            .map(|op| {
                let params: Vec<Value> = op.params.iter().map(|p| json!({"name": p.name, "in": p.location.as_str(), "required": p.required, "schema": Value::Object(type_schema(&p.ty, &names))})).collect();
                json!({"operationId": op.name, "method": op.method.map(|m| m.as_str().to_ascii_lowercase()), "path": op.path, "parameters": params, "x-docs2rs-source": op.source.to_string()})
            })
            .collect();
        doc.insert("x-docs2rs-incomplete".into(), Value::Array(list));
    }
    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas(api, &names)));
    if let Some((scheme_name, scheme)) = security_scheme(api.auth) {
        components.insert("securitySchemes".into(), json!({ scheme_name: scheme }));
        doc.insert("security".into(), json!([{ scheme_name: [] }]));
    }
    doc.insert("components".into(), Value::Object(components));
    Value::Object(doc)
}

fn info(api: &Api) -> Value {
    json!({
        "title": api.title.clone().unwrap_or_else(|| api.name.clone()),
        // The docs do not state an API version.
        "version": "unknown",
        "x-docs2rs-api": api.name,
    })
}

/// `{var}` placeholders need a `variables` entry with a default; the name stands in.
fn servers(api: &Api) -> Option<Value> {
    let url = api.base_url.as_ref()?;
    let mut server = Map::new();
    server.insert("url".into(), url.clone().into());
    let mut variables = Map::new();
    for name in path_placeholders(url) {
        let declared = api.server_variables.iter().find(|v| v.name == name);
        let mut var = Map::new();
        var.insert("default".into(), declared.and_then(|v| v.default.clone()).unwrap_or_else(|| name.clone()).into());
        if let Some(d) = declared.and_then(|v| v.description.clone()) {
            var.insert("description".into(), d.into());
        }
        variables.insert(name, Value::Object(var));
    }
    if !variables.is_empty() {
        server.insert("variables".into(), Value::Object(variables));
    }
    Some(json!([server]))
}

fn security_scheme(auth: AuthScheme) -> Option<(&'static str, Value)> {
    match auth {
        AuthScheme::None => None,
        AuthScheme::Bearer => Some(("bearerAuth", json!({"type": "http", "scheme": "bearer"}))),
        AuthScheme::Basic => Some(("basicAuth", json!({"type": "http", "scheme": "basic"}))),
    }
}

/// Schema names → component keys. Keys must match `^[a-zA-Z0-9._-]+$`; references to
/// names that are neither model nor enum are collected so they can get stand-ins.
struct ComponentNames {
    keys: BTreeMap<String, String>,
    dangling: BTreeSet<String>,
}

impl ComponentNames {
    fn new(api: &Api) -> Self {
        let mut names = ComponentNames { keys: BTreeMap::new(), dangling: BTreeSet::new() };
        let mut taken = BTreeSet::new();
        let declared = api.models.iter().map(|m| &m.name).chain(api.enums.iter().map(|e| &e.name));
        for name in declared {
            names.add(name, &mut taken);
        }
        let mut referenced = Vec::new();
        for m in &api.models {
            referenced.extend(m.fields.iter().filter_map(|f| f.ty.ref_name()));
        }
        for op in &api.operations {
            referenced.extend(op.types().filter_map(Type::ref_name));
        }
        for name in referenced {
            if !names.keys.contains_key(name) {
                names.add(name, &mut taken);
                names.dangling.insert(name.to_string());
            }
        }
        names
    }

    fn add(&mut self, name: &str, taken: &mut BTreeSet<String>) {
        if self.keys.contains_key(name) {
            return;
        }
        let mut base: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || "._-".contains(c) { c } else { '_' }).collect();
        if base.is_empty() {
            base = "Schema".into();
        }
        let key = std::iter::once(base.clone()).chain((2..).map(|n| format!("{base}{n}"))).find(|k| !taken.contains(k)).expect("a free key exists");
        taken.insert(key.clone());
        self.keys.insert(name.to_string(), key);
    }

    fn reference(&self, name: &str) -> String {
        format!("#/components/schemas/{}", self.keys.get(name).map(String::as_str).unwrap_or(name))
    }
}

fn schemas(api: &Api, names: &ComponentNames) -> Map<String, Value> {
    let mut out = Map::new();
    for m in &api.models {
        out.insert(names.keys[&m.name].clone(), model_schema(m, names));
    }
    for e in &api.enums {
        let mut s = Map::new();
        s.insert("type".into(), "string".into());
        s.insert("enum".into(), e.values.iter().map(|v| Value::from(v.value.clone())).collect());
        insert_opt(&mut s, "description", &e.description);
        if e.values.iter().any(|v| v.description.is_some()) {
            let descriptions: Map<String, Value> = e.values.iter().map(|v| (v.value.clone(), v.description.clone().unwrap_or_default().into())).collect();
            s.insert("x-enum-descriptions".into(), Value::Object(descriptions));
        }
        s.insert("x-docs2rs-source".into(), e.source.to_string().into());
        out.insert(names.keys[&e.name].clone(), Value::Object(s));
    }
    for name in &names.dangling {
        out.insert(names.keys[name].clone(), json!({"description": "Referenced by the docs but not documented there: any JSON value."}));
    }
    out
}

fn model_schema(m: &Model, names: &ComponentNames) -> Value {
    let mut s = Map::new();
    let description = match (&m.description, m.undocumented) {
        (Some(d), _) => Some(d.clone()),
        (None, true) => Some("Referenced by the docs but not documented there: any JSON value.".to_string()),
        (None, false) => None,
    };
    insert_opt(&mut s, "description", &description);
    s.insert("x-docs2rs-source".into(), m.source.to_string().into());
    if m.undocumented {
        return Value::Object(s);
    }
    s.insert("type".into(), "object".into());
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in &m.fields {
        let wire = if f.wire_name.is_empty() { &f.name } else { &f.wire_name };
        if properties.contains_key(wire) {
            continue;
        }
        let desc = ValueFacts { description: &f.description, default: &f.default, enum_values: &f.enum_values, constraints: &f.constraints };
        let mut schema = value_schema(&f.ty, f.nullable, desc, names);
        // Read from an example value, not from a description.
        if f.inferred {
            if let Value::Object(o) = &mut schema {
                o.insert("x-docs2rs-inferred".into(), true.into());
            }
        }
        properties.insert(wire.clone(), schema);
        if f.required {
            required.push(Value::from(wire.clone()));
        }
    }
    s.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        s.insert("required".into(), Value::Array(required));
    }
    Value::Object(s)
}

/// What fields and parameters document beyond their type.
struct ValueFacts<'a> {
    description: &'a Option<String>,
    default: &'a Option<String>,
    enum_values: &'a [EnumValue],
    constraints: &'a [String],
}

fn value_schema(ty: &Type, nullable: bool, facts: ValueFacts<'_>, names: &ComponentNames) -> Value {
    let mut s = type_schema(ty, names);
    if !facts.enum_values.is_empty() {
        add_inline_enum(&mut s, ty, facts.enum_values);
    }
    if nullable {
        s = make_nullable(s);
    }
    insert_opt(&mut s, "description", facts.description);
    if let Some(d) = facts.default {
        s.insert("default".into(), typed_value(ty, d));
    }
    if !facts.constraints.is_empty() {
        s.insert("x-docs2rs-constraints".into(), facts.constraints.into());
    }
    Value::Object(s)
}

/// The type algebra as a JSON Schema.
fn type_schema(ty: &Type, names: &ComponentNames) -> Map<String, Value> {
    let v = match ty {
        Type::String { format: None } => json!({"type": "string"}),
        Type::String { format: Some(f) } => json!({"type": "string", "format": f}),
        Type::Integer { bits: Some(32) } => json!({"type": "integer", "format": "int32"}),
        Type::Integer { bits: Some(64) } => json!({"type": "integer", "format": "int64"}),
        Type::Integer { .. } => json!({"type": "integer"}),
        Type::Number => json!({"type": "number"}),
        Type::Boolean => json!({"type": "boolean"}),
        Type::Date => json!({"type": "string", "format": "date"}),
        Type::DateTime => json!({"type": "string", "format": "date-time"}),
        Type::Any => json!({}),
        Type::Array { items } => json!({"type": "array", "items": type_schema(items, names)}),
        Type::Map { values } => json!({"type": "object", "additionalProperties": type_schema(values, names)}),
        Type::Ref { name } => json!({"$ref": names.reference(name)}),
    };
    match v {
        Value::Object(m) => m,
        _ => unreachable!("every arm builds an object"),
    }
}

/// Values still listed on a non-enum type (resolve names string enums; integer enums and
/// hand-built schemas keep theirs) go onto the innermost schema.
fn add_inline_enum(s: &mut Map<String, Value>, ty: &Type, values: &[EnumValue]) {
    match ty {
        Type::Array { items } => {
            if let Some(Value::Object(inner)) = s.get_mut("items") {
                add_inline_enum(inner, items, values);
            }
        }
        Type::Ref { .. } | Type::Map { .. } | Type::Any => {}
        scalar => {
            s.insert("enum".into(), values.iter().map(|v| typed_value(scalar, &v.value)).collect());
        }
    }
}

fn make_nullable(mut s: Map<String, Value>) -> Map<String, Value> {
    match s.get("type").cloned() {
        Some(Value::String(t)) => {
            s.insert("type".into(), json!([t, "null"]));
            s
        }
        _ if s.contains_key("$ref") => {
            let mut wrapped = Map::new();
            wrapped.insert("anyOf".into(), json!([Value::Object(s), {"type": "null"}]));
            wrapped
        }
        _ => s,
    }
}

/// A documented literal as JSON of the value's type; text when it does not parse.
fn typed_value(ty: &Type, raw: &str) -> Value {
    let raw = raw.trim();
    let parsed = match ty {
        Type::Integer { .. } => raw.parse::<i64>().ok().map(Value::from),
        Type::Number => raw.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number),
        Type::Boolean => raw.parse::<bool>().ok().map(Value::from),
        Type::Array { items } => match serde_json::from_str::<Value>(raw) {
            Ok(Value::Array(a)) => Some(Value::Array(a)),
            _ => Some(json!([typed_value(items, raw)])),
        },
        Type::Map { .. } | Type::Any => serde_json::from_str(raw).ok(),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(raw.trim_matches('"').to_string()))
}

fn insert_opt(s: &mut Map<String, Value>, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        s.insert(key.into(), v.clone().into());
    }
}

fn paths(api: &Api, names: &ComponentNames) -> Value {
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    let mut operation_ids = BTreeSet::new();
    for op in &api.operations {
        // `resolve` already dropped (with a warning) what cannot be routed.
        let (Some(method), Some(path)) = (op.method, &op.path) else { continue };
        let path = if path.starts_with('/') { path.clone() } else { format!("/{path}") };
        let method = method.as_str().to_ascii_lowercase();
        let item = paths.entry(path.clone()).or_default();
        if let Some(Value::Object(kept)) = item.get_mut(&method) {
            // One operation per method and path: note the ones that lost.
            let dups = kept.entry("x-docs2rs-duplicates").or_insert_with(|| json!([]));
            if let Value::Array(a) = dups {
                a.push(op.name.clone().into());
            }
            continue;
        }
        let id =
            std::iter::once(op.name.clone()).chain((2..).map(|n| format!("{}_{n}", op.name))).find(|id| !operation_ids.contains(id)).expect("a free id exists");
        operation_ids.insert(id.clone());
        item.insert(method, operation(op, &id, &path, names));
    }
    Value::Object(paths.into_iter().map(|(k, v)| (k, Value::Object(v))).collect())
}

fn operation(op: &Operation, id: &str, path: &str, names: &ComponentNames) -> Value {
    let mut o = Map::new();
    o.insert("operationId".into(), id.into());
    insert_opt(&mut o, "summary", &op.summary);
    insert_opt(&mut o, "description", &op.description);
    if op.deprecated {
        o.insert("deprecated".into(), true.into());
    }
    let parameters = parameters(op, path, names);
    if !parameters.is_empty() {
        o.insert("parameters".into(), Value::Array(parameters));
    }
    if let Some(body) = op.body() {
        let facts = ValueFacts { description: &None, default: &body.default, enum_values: &body.enum_values, constraints: &body.constraints };
        let mut rb = Map::new();
        insert_opt(&mut rb, "description", &body.description);
        rb.insert("required".into(), body.required.into());
        let media = op.content_type.as_deref().unwrap_or(op.body_kind.map_or("application/json", crate::schema::BodyKind::media_type));
        rb.insert("content".into(), json!({ media: {"schema": value_schema(&body.ty, false, facts, names)}}));
        o.insert("requestBody".into(), Value::Object(rb));
    }
    o.insert("responses".into(), responses(op, names));
    o.insert("x-docs2rs-source".into(), op.source.to_string().into());
    if let Some(p) = &op.permissions {
        o.insert("x-docs2rs-permissions".into(), serde_json::to_value(p).unwrap_or_default());
    }
    if !op.overlaid.is_empty() {
        o.insert("x-docs2rs-overlaid".into(), op.overlaid.clone().into());
    }
    Value::Object(o)
}

/// Every placeholder gets a path parameter (a string stand-in when undocumented); a path
/// parameter without a placeholder is sent as a query parameter, as the client does.
fn parameters(op: &Operation, path: &str, names: &ComponentNames) -> Vec<Value> {
    let holes = path_placeholders(path);
    let mut seen: BTreeSet<(String, &str)> = BTreeSet::new();
    let mut out = Vec::new();
    for p in op.params.iter().filter(|p| p.location != Location::Body) {
        let wire = if p.wire_name.is_empty() { &p.name } else { &p.wire_name };
        let location = match p.location {
            Location::Path if holes.contains(wire) => "path",
            Location::Path | Location::Query => "query",
            Location::Header => "header",
            Location::Cookie => "cookie",
            Location::Body => unreachable!("filtered above"),
        };
        if !seen.insert((wire.clone(), location)) {
            continue;
        }
        let facts = ValueFacts { description: &None, default: &p.default, enum_values: &p.enum_values, constraints: &p.constraints };
        let mut v = Map::new();
        v.insert("name".into(), wire.clone().into());
        v.insert("in".into(), location.into());
        v.insert("required".into(), (p.required || location == "path").into());
        insert_opt(&mut v, "description", &p.description);
        v.insert("schema".into(), value_schema(&p.ty, false, facts, names));
        out.push(Value::Object(v));
    }
    for hole in holes {
        if seen.insert((hole.clone(), "path")) {
            out.push(json!({"name": hole, "in": "path", "required": true, "schema": {"type": "string"}, "x-docs2rs-undocumented": true}));
        }
    }
    out
}

fn responses(op: &Operation, names: &ComponentNames) -> Value {
    let mut out = success_response(&op.returns, op.accept.as_deref(), names);
    if let Value::Object(map) = &mut out {
        for e in &op.errors {
            let mut r = Map::new();
            r.insert("description".into(), e.description.clone().unwrap_or_else(|| format!("Error {}.", e.status)).into());
            if let Some(ty) = &e.ty {
                r.insert("content".into(), json!({"application/json": {"schema": type_schema(ty, names)}}));
            }
            // The first entry for a status wins, as in the client.
            map.entry(e.status.clone()).or_insert(Value::Object(r));
        }
    }
    out
}

fn success_response(returns: &Returns, accept: Option<&str>, names: &ComponentNames) -> Value {
    match returns {
        Returns::Body { ty } => json!({"200": {
            "description": "Success.",
            "content": {accept.unwrap_or("application/json"): {"schema": type_schema(ty, names)}},
        }}),
        Returns::Empty => json!({"204": {"description": "Success; the docs state an empty response body."}}),
        Returns::Unknown => json!({"default": {"description": "The docs do not state the response."}}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src() -> Source {
        Source::new("a.md", 1)
    }

    fn api_with(models: Vec<Model>, operations: Vec<Operation>) -> Api {
        Api { name: "t".into(), models, operations, ..Api::default() }
    }

    fn get(path: &str, params: Vec<Param>, returns: Returns) -> Operation {
        Operation { params, returns, ..Operation::new("get_thing", Some(Method::Get), Some(path.into()), src()) }
    }

    #[test]
    fn scalar_types_map_to_json_schema() {
        let names = ComponentNames::new(&Api::default());
        let cases = [
            (Type::String { format: Some("uuid".into()) }, json!({"type": "string", "format": "uuid"})),
            (Type::Integer { bits: Some(32) }, json!({"type": "integer", "format": "int32"})),
            (Type::Integer { bits: Some(64) }, json!({"type": "integer", "format": "int64"})),
            (Type::integer(), json!({"type": "integer"})),
            (Type::Number, json!({"type": "number"})),
            (Type::Date, json!({"type": "string", "format": "date"})),
            (Type::DateTime, json!({"type": "string", "format": "date-time"})),
            (Type::Any, json!({})),
            (Type::map(Type::array(Type::Boolean)), json!({"type": "object", "additionalProperties": {"type": "array", "items": {"type": "boolean"}}})),
        ];
        for (ty, want) in cases {
            assert_eq!(Value::Object(type_schema(&ty, &names)), want, "{}", ty.describe());
        }
    }

    #[test]
    fn models_use_wire_names_and_required_lists() {
        let mut id = Field::new("user_id", Type::string(), true, src());
        id.wire_name = "userId".into();
        let mut n = Field::new("count", Type::Integer { bits: Some(32) }, false, src());
        n.default = Some("25".into());
        n.nullable = true;
        let model = Model { name: "User".into(), description: None, fields: vec![id, n], source: src(), undocumented: false };
        let doc = to_openapi(&api_with(vec![model], vec![]));
        let user = &doc["components"]["schemas"]["User"];
        assert_eq!(user["required"], json!(["userId"]));
        assert_eq!(user["properties"]["count"], json!({"type": ["integer", "null"], "format": "int32", "default": 25}));
    }

    #[test]
    fn dangling_refs_and_odd_names_get_valid_components() {
        let f = Field::new("x", Type::array(Type::reference("Nope<T>")), false, src());
        let model = Model { name: "A".into(), description: None, fields: vec![f], source: src(), undocumented: false };
        let doc = to_openapi(&api_with(vec![model], vec![]));
        assert_eq!(doc["components"]["schemas"]["A"]["properties"]["x"]["items"]["$ref"], "#/components/schemas/Nope_T_");
        assert!(doc["components"]["schemas"]["Nope_T_"].is_object());
    }

    #[test]
    fn path_placeholders_always_have_required_path_parameters() {
        let mut misplaced = Param::new("q", Location::Path, Type::string(), true, src());
        misplaced.wire_name = "q".into();
        let doc = to_openapi(&api_with(vec![], vec![get("users/{id}", vec![misplaced], Returns::Unknown)]));
        let params = &doc["paths"]["/users/{id}"]["get"]["parameters"];
        assert_eq!(params[0]["in"], "query");
        assert_eq!((params[1]["name"].as_str(), params[1]["in"].as_str(), params[1]["required"].as_bool()), (Some("id"), Some("path"), Some(true)));
        assert!(doc["paths"]["/users/{id}"]["get"]["responses"]["default"].is_object());
    }

    #[test]
    fn bodies_responses_servers_and_auth() {
        let body = Param::new("body", Location::Body, Type::reference("User"), true, src());
        let mut api = api_with(vec![], vec![get("/u", vec![body], Returns::Body { ty: Type::array(Type::reference("User")) })]);
        api.base_url = Some("https://{tenant}.example.com/{v}".into());
        api.server_variables = vec![ServerVariable { name: "tenant".into(), default: Some("acme".into()), description: None }];
        api.auth = AuthScheme::Basic;
        let doc = to_openapi(&api);
        let op = &doc["paths"]["/u"]["get"];
        assert_eq!(op["requestBody"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/User");
        assert_eq!(op["responses"]["200"]["content"]["application/json"]["schema"]["items"]["$ref"], "#/components/schemas/User");
        assert_eq!(doc["servers"][0]["variables"], json!({"tenant": {"default": "acme"}, "v": {"default": "v"}}));
        assert_eq!(doc["security"], json!([{"basicAuth": []}]));
        assert_eq!(doc["components"]["securitySchemes"]["basicAuth"], json!({"type": "http", "scheme": "basic"}));
    }

    #[test]
    fn documented_errors_become_responses_by_status() {
        let mut op = get("/u", vec![], Returns::Body { ty: Type::reference("User") });
        op.errors = vec![
            ErrorDoc::new("404", Some(Type::reference("NotFound")), Some("No such user.".into())),
            ErrorDoc::new("404", None, Some("Shadowed.".into())),
            ErrorDoc::new("5XX", None, None),
        ];
        let doc = to_openapi(&api_with(vec![], vec![op]));
        let responses = &doc["paths"]["/u"]["get"]["responses"];
        assert_eq!(responses["404"]["description"], "No such user.");
        assert_eq!(responses["404"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/NotFound");
        assert_eq!(responses["5XX"], json!({"description": "Error 5XX."}));
        assert!(responses["200"].is_object());
        assert!(doc["components"]["schemas"]["NotFound"].is_object(), "an error model is a component too");
    }

    #[test]
    fn same_method_and_path_keeps_the_first_and_notes_the_rest() {
        let mut second = get("/u", vec![], Returns::Empty);
        second.name = "get_thing_again".into();
        let doc = to_openapi(&api_with(vec![], vec![get("/u", vec![], Returns::Empty), second]));
        assert_eq!(doc["paths"]["/u"]["get"]["x-docs2rs-duplicates"], json!(["get_thing_again"]));
    }

    #[test]
    fn defaults_and_enums_take_the_value_type() {
        assert_eq!(typed_value(&Type::Boolean, "false"), json!(false));
        assert_eq!(typed_value(&Type::Number, "1.5"), json!(1.5));
        assert_eq!(typed_value(&Type::integer(), "many"), json!("many"));
        assert_eq!(typed_value(&Type::array(Type::integer()), "3"), json!([3]));
        let mut s = type_schema(&Type::array(Type::integer()), &ComponentNames::new(&Api::default()));
        add_inline_enum(&mut s, &Type::array(Type::integer()), &[EnumValue::new("1"), EnumValue::new("2")]);
        assert_eq!(Value::Object(s), json!({"type": "array", "items": {"type": "integer", "enum": [1, 2]}}));
    }
}
