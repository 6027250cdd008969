//! Form and multipart bodies: which models are sent that way, and how each field
//! becomes named parts (`FormFields` in the generated runtime).

use super::docs::str_lit;
use crate::naming::{self, Scope};
use crate::schema::{Api, BodyKind, Location, Model, Returns, Type};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    /// The model's Rust name.
    pub ident: String,
    pub fields: Vec<FormFieldView>,
    /// Split output with features: the `#[cfg(...)]` of the model it encodes.
    pub cfg: Option<String>,
    /// The model's schema name.
    #[serde(skip)]
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FormFieldView {
    pub ident: String,
    pub wire: String,
    /// `text` (a scalar as text), `file` (a `FilePart`) or `json` (JSON text).
    pub kind: &'static str,
    /// An array: one part per item, all with the same name.
    pub repeated: bool,
    pub optional: bool,
}

/// Models that are the form or multipart body of some operation and nothing else (no
/// field, response or JSON body uses them): they are sent as parts, not as JSON.
pub fn form_models(api: &Api) -> BTreeMap<String, BodyKind> {
    let mut forms = BTreeMap::new();
    let mut elsewhere = BTreeSet::new();
    for op in &api.operations {
        for p in &op.params {
            let Some(name) = p.ty.ref_name() else { continue };
            match (p.location, op.body_kind) {
                (Location::Body, Some(kind @ (BodyKind::Form | BodyKind::Multipart))) if matches!(p.ty, Type::Ref { .. }) => {
                    forms.insert(name.to_string(), kind);
                }
                _ => {
                    elsewhere.insert(name.to_string());
                }
            }
        }
        if let Returns::Body { ty } = &op.returns {
            elsewhere.extend(ty.ref_name().map(String::from));
        }
    }
    elsewhere.extend(api.models.iter().flat_map(|m| &m.fields).filter_map(|f| f.ty.ref_name().map(String::from)));
    forms.retain(|name, _| !elsewhere.contains(name) && api.models.iter().any(|m| &m.name == name && !m.undocumented));
    forms
}

/// A file: `string(binary)`.
pub fn is_file(t: &Type) -> bool {
    matches!(t, Type::String { format: Some(f) } if f == "binary")
}

/// How a field of this type travels as a part.
fn kind(t: &Type, enums: &BTreeSet<String>) -> (&'static str, bool) {
    let scalar = |t: &Type| match t {
        _ if is_file(t) => Some("file"),
        Type::Ref { name } if enums.contains(name) => Some("text"),
        Type::String { .. } | Type::Integer { .. } | Type::Number | Type::Boolean | Type::Date | Type::DateTime | Type::Any => Some("text"),
        _ => None,
    };
    match t {
        Type::Array { items } => match scalar(items) {
            Some(k) => (k, true),
            None => ("json", false),
        },
        other => (scalar(other).unwrap_or("json"), false),
    }
}

pub fn form_view(model: &Model, ident: &str, enums: &BTreeSet<String>) -> FormView {
    // The same identifiers as the struct's fields (same scope, same order).
    let mut scope = Scope::with_reserved(&[]);
    let fields = model
        .fields
        .iter()
        .map(|f| {
            let (kind, repeated) = kind(&f.ty, enums);
            FormFieldView {
                ident: scope.unique(naming::snake(&f.name, "field")),
                wire: str_lit(&f.wire_name),
                kind,
                repeated,
                optional: !f.required || f.nullable,
            }
        })
        .collect();
    FormView { ident: ident.to_string(), fields, cfg: None, name: model.name.clone() }
}
