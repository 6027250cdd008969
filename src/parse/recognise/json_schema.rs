//! JSON Schema objects a page embeds (model definitions and body schemas that a script
//! renders in the browser) → fields: names, types and formats, required lists,
//! `nullable`, `readOnly`, enumerations, nested objects and `$ref`s to models.

use crate::parse::recognise::example::Json;
use crate::parse::recognise::field::FieldDoc;
use crate::parse::vocab::type_words::TypeWords;
use crate::schema::{EnumValue, Type};

fn get<'a>(schema: &'a Json, key: &str) -> Option<&'a Json> {
    match schema {
        Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn text<'a>(schema: &'a Json, key: &str) -> Option<&'a str> {
    match get(schema, key)? {
        Json::Str(s) => Some(s),
        _ => None,
    }
}

fn flag(schema: &Json, key: &str) -> bool {
    matches!(get(schema, key), Some(Json::Bool(true)))
}

/// The models a `oneOf` / `anyOf` / `allOf` schema is made of (`$ref`s).
pub fn union_members(schema: &Json) -> Vec<String> {
    ["oneOf", "anyOf", "allOf"]
        .iter()
        .filter_map(|k| match get(schema, k) {
            Some(Json::Array(members)) => Some(members),
            _ => None,
        })
        .flatten()
        .filter_map(|m| text(m, "$ref"))
        .map(|r| r.rsplit('/').next().unwrap_or(r).to_string())
        .collect()
}

/// The values of a string enumeration schema.
pub fn enum_values(schema: &Json) -> Option<Vec<String>> {
    let Some(Json::Array(values)) = get(schema, "enum") else { return None };
    Some(values.iter().filter_map(|v| if let Json::Str(s) = v { Some(s.clone()) } else { None }).collect())
}

/// The fields of an object schema, and whether the schema is an array of such objects.
pub fn schema_fields(schema: &Json, line: u32) -> (Vec<FieldDoc>, bool) {
    if let (Some("array"), Some(items)) = (text(schema, "type"), get(schema, "items")) {
        return (schema_fields(items, line).0, true);
    }
    let required: Vec<&str> = match get(schema, "required") {
        Some(Json::Array(names)) => names.iter().filter_map(|n| if let Json::Str(s) = n { Some(s.as_str()) } else { None }).collect(),
        _ => Vec::new(),
    };
    let Some(Json::Object(properties)) = get(schema, "properties") else { return (Vec::new(), false) };
    let fields = properties.iter().map(|(name, property)| field(name, property, required.contains(&name.as_str()), line)).collect();
    (fields, false)
}

fn field(name: &str, schema: &Json, required: bool, line: u32) -> FieldDoc {
    let mut f = FieldDoc::named(name, line);
    f.required = Some(required);
    f.nullable = flag(schema, "nullable");
    f.read_only = flag(schema, "readOnly");
    f.description = text(schema, "description").map(str::to_string);
    if let Some(Json::Array(values)) = get(schema, "enum") {
        f.values = values.iter().filter_map(|v| if let Json::Str(s) = v { Some(EnumValue::new(s.as_str())) } else { None }).collect();
    }
    let (ty, children) = schema_type(schema, line);
    f.children = children;
    f.ty = Some(TypeWords::new(ty, "schema"));
    f
}

/// A property's type; an inline object's fields come back as children.
fn schema_type(schema: &Json, line: u32) -> (Type, Vec<FieldDoc>) {
    if let Some(target) = text(schema, "$ref") {
        let name = target.rsplit('/').next().unwrap_or(target);
        return (Type::reference(name), Vec::new());
    }
    let format = text(schema, "format");
    let ty = match text(schema, "type") {
        Some("string") => match format {
            Some("date") => Type::Date,
            Some("date-time") => Type::DateTime,
            Some(f) => Type::String { format: Some(f.to_string()) },
            None => Type::string(),
        },
        Some("integer") => Type::Integer { bits: format.and_then(|f| f.strip_prefix("int")).and_then(|b| b.parse().ok()) },
        Some("number") => Type::Number,
        Some("boolean") => Type::Boolean,
        Some("array") => {
            let (items, children) = get(schema, "items").map_or((Type::Any, Vec::new()), |i| schema_type(i, line));
            return (Type::array(items), children);
        }
        _ => {
            if get(schema, "properties").is_some() {
                return (Type::Any, schema_fields(schema, line).0);
            }
            match get(schema, "additionalProperties") {
                Some(values @ Json::Object(_)) => Type::map(schema_type(values, line).0),
                _ => Type::Any,
            }
        }
    };
    (ty, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::recognise::example::parse;

    #[test]
    fn fields_of_a_definition() {
        let s = parse(r##"{ "required": ["id"], "type": "object", "properties": { "id": { "type": "string", "format": "uuid", "readOnly": true }, "kind": { "type": "string", "enum": ["a", "b"] }, "tags": { "type": "array", "items": { "$ref": "#/components/schemas/Tag" } }, "at": { "type": "string", "format": "date-time", "nullable": true }, "size": { "type": "integer", "format": "int64" }, "box": { "type": "object", "properties": { "w": { "type": "number" } } } } }"##).unwrap();
        let (fields, array) = schema_fields(&s, 1);
        assert!(!array);
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["id", "kind", "tags", "at", "size", "box"]);
        assert_eq!((fields[0].required, fields[0].read_only), (Some(true), true));
        assert_eq!(fields[1].values.len(), 2);
        assert_eq!(fields[2].ty.as_ref().unwrap().ty, Type::array(Type::reference("Tag")));
        assert!(fields[3].nullable && fields[3].ty.as_ref().unwrap().ty == Type::DateTime);
        assert_eq!(fields[4].ty.as_ref().unwrap().ty, Type::Integer { bits: Some(64) });
        assert_eq!(fields[5].children[0].name, "w");
    }
}
