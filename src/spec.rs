//! The vocabulary of machine-readable API definitions (Swagger 2.0, OpenAPI 3.x) that
//! more than one module speaks: which version a document is, how `$ref`s name schemas,
//! which schemas are enums. The definition reader
//! (`parse::definition`) and the fidelity comparer (`fidelity`) both use it.

use serde_json::Value;

/// The operation keys of a path item, as the specs spell them.
pub const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

/// Which definition language a document speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Swagger2,
    OpenApi30,
    /// 3.1 (and later 3.x): JSON Schema types (`type: [string, "null"]`).
    OpenApi31,
}

impl Version {
    /// From the document's `swagger` / `openapi` key; `None` for anything else.
    pub fn of(doc: &Value) -> Option<Version> {
        if let Some(v) = doc.get("swagger").and_then(Value::as_str) {
            return v.starts_with('2').then_some(Version::Swagger2);
        }
        let v = doc.get("openapi").and_then(Value::as_str)?;
        match v.strip_prefix("3.")? {
            minor if minor.starts_with("0") => Some(Version::OpenApi30),
            _ => Some(Version::OpenApi31),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Version::Swagger2 => "Swagger 2.0",
            Version::OpenApi30 => "OpenAPI 3.0",
            Version::OpenApi31 => "OpenAPI 3.1",
        }
    }
}

/// Whether `doc` is a definition: a version key and a `paths` object (possibly empty).
pub fn is_definition(doc: &Value) -> bool {
    Version::of(doc).is_some() && (doc.get("paths").is_some_and(Value::is_object) || doc.get("components").is_some() || doc.get("definitions").is_some())
}

/// The schema name a `$ref` points at: the last segment of the pointer.
pub fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref").and_then(Value::as_str).map(|r| r.rsplit('/').next().unwrap_or(r))
}

/// A named schema that is only an enumeration of scalar values.
pub fn is_enum(schema: &Value) -> bool {
    schema.get("enum").is_some() && schema.get("properties").is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn versions_come_from_the_version_key() {
        assert_eq!(Version::of(&json!({"swagger": "2.0"})), Some(Version::Swagger2));
        assert_eq!(Version::of(&json!({"openapi": "3.0.3"})), Some(Version::OpenApi30));
        assert_eq!(Version::of(&json!({"openapi": "3.1.0"})), Some(Version::OpenApi31));
        assert_eq!(Version::of(&json!({"openapi": "4.0"})), None);
        assert_eq!(Version::of(&json!({"swagger": 2})), None);
        assert!(!is_definition(&json!({"openapi": "3.0.0"})));
        assert!(is_definition(&json!({"openapi": "3.0.0", "paths": {}})));
    }
}
