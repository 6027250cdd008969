//! OpenAPI 3.0 specs in the shape the comparer reads (Swagger 2.0's), so both share one
//! comparison and one set of metric names.
//!
//! What changes on the way: parameter schemas are flattened into the parameter; request
//! bodies become a `body` parameter (JSON, raw) or `formData` parameters (form,
//! multipart) and the operation records `x-body-kind`; named enum schemas are inlined
//! where they are used (docs show them as their base type); `oneOf`/`anyOf` schemas
//! become the union of their variants' properties, required only when every variant
//! requires them (what a client must accept); inline request and response objects become
//! definitions under the names OpenAPI Generator gives them (`UpdatePlantRequest`,
//! `ListShipments200Response`), which is how SDK docs name them.

use crate::schema::BodyKind;
use crate::spec::{self, is_enum, ref_name};
use heck::ToUpperCamelCase;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

/// `spec` (OpenAPI 3.0) as a Swagger 2.0-shaped document for [`super::compare`].
pub fn to_swagger2(spec: &Value) -> Value {
    let schemas = spec["components"]["schemas"].as_object().cloned().unwrap_or_default();
    let cx = Cx { spec, schemas: &schemas };
    let mut definitions = Map::new();
    for (name, schema) in &schemas {
        if !is_enum(schema) {
            definitions.insert(name.clone(), cx.model(schema));
        }
    }
    let mut paths = Map::new();
    for (path, item) in spec["paths"].as_object().into_iter().flatten() {
        let shared: Vec<Value> = item["parameters"].as_array().into_iter().flatten().map(|p| cx.param(p)).collect();
        let mut out_item = Map::new();
        for (method, op) in item.as_object().into_iter().flatten() {
            if !spec::METHODS.contains(&method.as_str()) {
                continue;
            }
            out_item.insert(method.clone(), cx.operation(op, &shared, &mut definitions));
        }
        paths.insert(path.clone(), Value::Object(out_item));
    }
    json!({ "definitions": definitions, "paths": paths })
}

struct Cx<'a> {
    spec: &'a Value,
    schemas: &'a Map<String, Value>,
}

/// The media type's body kind, as [`super::body_kind_name`] spells ours.
fn body_kind(media: &str) -> &'static str {
    match crate::media::body_kind(media) {
        BodyKind::Json => "json",
        BodyKind::Form => "form",
        BodyKind::Multipart => "multipart",
        BodyKind::Text => "text",
        BodyKind::Binary => "binary",
    }
}

impl Cx<'_> {
    fn named(&self, name: &str) -> Option<&Value> {
        self.schemas.get(name)
    }

    /// Enum references inlined, single-`allOf` wrappers (nullable refs) unwrapped, down
    /// through arrays and maps.
    fn schema(&self, s: &Value) -> Value {
        if let Some(target) = ref_name(s).and_then(|n| self.named(n)).filter(|t| is_enum(t)) {
            return target.clone();
        }
        if let Some([only]) = s["allOf"].as_array().map(Vec::as_slice) {
            return self.schema(only);
        }
        let mut out = s.clone();
        if let Some(items) = s.get("items") {
            out["items"] = self.schema(items);
        }
        if s["additionalProperties"].is_object() {
            out["additionalProperties"] = self.schema(&s["additionalProperties"]);
        }
        out
    }

    /// A model definition: properties with enums inlined; `oneOf`/`anyOf` as the union.
    fn model(&self, schema: &Value) -> Value {
        let variants = schema["oneOf"].as_array().or_else(|| schema["anyOf"].as_array());
        let Some(variants) = variants else {
            let mut out = schema.clone();
            if let Some(props) = schema["properties"].as_object() {
                out["properties"] = props.iter().map(|(k, v)| (k.clone(), self.schema(v))).collect::<Map<_, _>>().into();
            }
            return out;
        };
        let resolved: Vec<&Value> = variants.iter().map(|v| ref_name(v).and_then(|n| self.named(n)).unwrap_or(v)).collect();
        let mut properties = Map::new();
        for v in &resolved {
            for (k, p) in v["properties"].as_object().into_iter().flatten() {
                properties.entry(k.clone()).or_insert_with(|| self.schema(p));
            }
        }
        let required_by =
            |v: &Value| -> BTreeSet<String> { v["required"].as_array().into_iter().flatten().filter_map(|r| r.as_str().map(String::from)).collect() };
        let mut required = resolved.first().map(|v| required_by(v)).unwrap_or_default();
        for v in resolved.iter().skip(1) {
            required = required.intersection(&required_by(v)).cloned().collect();
        }
        json!({ "type": "object", "properties": properties, "required": required.into_iter().collect::<Vec<_>>() })
    }

    /// A parameter with its schema flattened in (Swagger 2.0 style).
    fn param(&self, p: &Value) -> Value {
        let p = match p["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
            Some(pointer) => self.spec.pointer(pointer).cloned().unwrap_or(Value::Null),
            None => p.clone(),
        };
        let mut out = json!({ "name": p["name"], "in": p["in"], "required": p["required"].as_bool().unwrap_or(false) });
        let schema = self.schema(&p["schema"]);
        for key in ["type", "format", "items", "enum", "default", "$ref", "additionalProperties"] {
            if let Some(v) = schema.get(key) {
                out[key] = v.clone();
            }
        }
        out
    }

    /// A body or response schema: inline objects become definitions named `name`.
    fn named_inline(&self, schema: &Value, name: String, definitions: &mut Map<String, Value>) -> Value {
        let inline_object = schema.get("$ref").is_none() && (schema.get("properties").is_some() || schema.get("oneOf").is_some());
        if inline_object {
            definitions.insert(name.clone(), self.model(schema));
            return json!({ "$ref": format!("#/definitions/{name}") });
        }
        self.schema(schema)
    }

    fn operation(&self, op: &Value, shared: &[Value], definitions: &mut Map<String, Value>) -> Value {
        let stem = op["operationId"].as_str().unwrap_or("").to_upper_camel_case();
        let own: Vec<Value> = op["parameters"].as_array().into_iter().flatten().map(|p| self.param(p)).collect();
        // Operation parameters override path-level ones of the same name and location.
        let mut params: Vec<Value> = shared.iter().filter(|s| !own.iter().any(|o| o["name"] == s["name"] && o["in"] == s["in"])).cloned().collect();
        params.extend(own);
        let mut kind = "none";
        if let Some((media, content)) = op["requestBody"]["content"].as_object().and_then(|c| c.iter().next()) {
            kind = body_kind(media);
            let required = op["requestBody"]["required"].as_bool().unwrap_or(false);
            match kind {
                "form" | "multipart" => {
                    let schema = &content["schema"];
                    let schema = ref_name(schema).and_then(|n| self.named(n)).unwrap_or(schema);
                    let needed: BTreeSet<&str> = schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                    for (name, prop) in schema["properties"].as_object().into_iter().flatten() {
                        let field = json!({ "name": name, "in": "formData", "required": needed.contains(name.as_str()), "schema": prop });
                        let mut p = self.param(&field);
                        p["in"] = json!("formData");
                        params.push(p);
                    }
                }
                "json" => {
                    let schema = self.named_inline(&content["schema"], format!("{stem}Request"), definitions);
                    params.push(json!({ "name": "body", "in": "body", "required": required, "schema": schema }));
                }
                raw => {
                    let schema = if raw == "text" { json!({ "type": "string" }) } else { json!({ "type": "string", "format": "binary" }) };
                    params.push(json!({ "name": "body", "in": "body", "required": required, "schema": schema }));
                }
            }
        }
        let mut responses = Map::new();
        for (code, resp) in op["responses"].as_object().into_iter().flatten() {
            let mut out = json!({ "description": resp["description"] });
            if let Some((media, content)) = resp["content"].as_object().and_then(|c| c.iter().next()) {
                out["schema"] = match body_kind(media) {
                    "json" => self.named_inline(&content["schema"], format!("{stem}{code}Response"), definitions),
                    "text" => json!({ "type": "string" }),
                    _ => json!({ "type": "string", "format": "binary" }),
                };
            }
            responses.insert(code.clone(), out);
        }
        json!({ "operationId": op["operationId"], "parameters": params, "responses": responses, "x-body-kind": kind, "deprecated": op["deprecated"] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Value {
        json!({
            "components": {"schemas": {
                "Stage": {"type": "string", "enum": ["a", "b"]},
                "Cat": {"type": "object", "required": ["kind", "lives"], "properties": {"kind": {"type": "string"}, "lives": {"type": "integer"}}},
                "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}, "stage": {"$ref": "#/components/schemas/Stage"}}},
                "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]}
            }},
            "paths": {"/pets/{petId}": {
                "parameters": [{"name": "petId", "in": "path", "required": true, "schema": {"type": "string"}}],
                "post": {
                    "operationId": "uploadPhoto",
                    "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file"],
                        "properties": {"file": {"type": "string", "format": "binary"}, "tags": {"type": "array", "items": {"type": "string"}}}}}}},
                    "responses": {"201": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}
                },
                "get": {
                    "operationId": "getPet",
                    "parameters": [{"name": "stage", "in": "query", "schema": {"$ref": "#/components/schemas/Stage"}}, {"name": "sid", "in": "cookie", "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "ok", "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}}
                }
            }}
        })
    }

    #[test]
    fn one_of_is_the_union_required_where_every_variant_requires() {
        let s = to_swagger2(&spec());
        let pet = &s["definitions"]["Pet"];
        assert_eq!(pet["required"], json!(["kind"]));
        let props: Vec<&String> = pet["properties"].as_object().unwrap().keys().collect();
        assert_eq!(props, ["kind", "lives", "stage"]);
        assert_eq!(pet["properties"]["stage"]["enum"], json!(["a", "b"]), "enum refs are inlined");
        assert!(s["definitions"].get("Stage").is_none(), "enums are not models");
    }

    #[test]
    fn bodies_parameters_and_responses_take_the_swagger2_shape() {
        let s = to_swagger2(&spec());
        let post = &s["paths"]["/pets/{petId}"]["post"];
        assert_eq!(post["x-body-kind"], "multipart");
        let params: Vec<(&str, &str, bool)> =
            post["parameters"].as_array().unwrap().iter().map(|p| (p["name"].as_str().unwrap(), p["in"].as_str().unwrap(), p["required"] == true)).collect();
        assert_eq!(params, [("petId", "path", true), ("file", "formData", true), ("tags", "formData", false)]);
        assert_eq!(post["parameters"][1]["format"], "binary");
        assert_eq!(post["responses"]["201"]["schema"]["$ref"], "#/definitions/UploadPhoto201Response");
        assert!(s["definitions"]["UploadPhoto201Response"]["properties"]["id"].is_object());
        let get = &s["paths"]["/pets/{petId}"]["get"];
        assert_eq!(get["x-body-kind"], "none");
        assert_eq!(get["parameters"][1]["enum"], json!(["a", "b"]));
        assert_eq!(get["parameters"][2]["in"], "cookie");
        assert_eq!(get["responses"]["200"]["schema"], json!({"type": "string", "format": "binary"}));
    }
}
