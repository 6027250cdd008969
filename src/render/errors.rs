//! Documented error responses → one enum per operation in the generated `errors` module.
//!
//! The client methods keep returning `Result<T, Error>`; an operation's enum is read from
//! an `Error` (`error.typed::<errors::GetUserError>()`), so unknown statuses and bodies
//! that do not decode stay the raw `ErrorResponse` they are today. Operations whose
//! documented errors are the same (statuses and models) share one enum through aliases.

use super::docs::{code, inline};
use crate::naming::{self, Scope};
use crate::schema::{ErrorDoc, Operation, Type, status_name};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ErrorEnumView {
    pub ident: String,
    /// The client method it documents.
    pub method: String,
    pub docs: Vec<String>,
    pub variants: Vec<ErrorVariantView>,
    /// The last arm matches every status (`default` was documented).
    pub catch_all: bool,
    /// Operations with the same documented errors: `pub type {ident} = {enum};`.
    pub aliases: Vec<ErrorAliasView>,
    /// Split output with features: built with the groups of its operations.
    pub cfg: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorVariantView {
    pub ident: String,
    /// The payload type, qualified from inside the `errors` module.
    pub ty: String,
    /// The match arm's pattern (`404`, `status if status / 100 == 4`); `None` for `default`.
    pub pattern: Option<String>,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorAliasView {
    pub ident: String,
    pub method: String,
    pub docs: Vec<String>,
    pub cfg: Option<String>,
}

/// One enum per operation (by its method ident) with at least one documented error model.
/// `rust_type` spells a payload type (`None`: it cannot be decoded from JSON).
pub fn error_enums<'a>(ops: impl Iterator<Item = (&'a Operation, &'a str)>, rust_type: &dyn Fn(&Type) -> Option<String>) -> Vec<ErrorEnumView> {
    let mut scope = Scope::with_reserved(&["DocumentedError"]);
    let mut enums: Vec<ErrorEnumView> = Vec::new();
    for (op, method) in ops {
        let variants = variants(&op.errors, rust_type);
        if variants.is_empty() {
            continue;
        }
        let ident = scope.unique(format!("{}Error", naming::pascal(&op.name, "Operation")));
        let link = format!("[`Client::{method}`](super::Client::{method})");
        let same = |e: &&mut ErrorEnumView| {
            e.variants.len() == variants.len() && e.variants.iter().zip(&variants).all(|(a, b)| (&a.ident, &a.ty, &a.pattern) == (&b.ident, &b.ty, &b.pattern))
        };
        if let Some(shared) = enums.iter_mut().find(same) {
            let docs = vec![format!("The documented errors of {link}: the same statuses and models as [`{}`].", shared.ident)];
            shared.aliases.push(ErrorAliasView { ident, method: method.to_string(), docs, cfg: None });
            continue;
        }
        let docs = vec![
            format!("The documented error responses of {link}, by status."),
            String::new(),
            "Read one from a failed call with `error.typed::<Self>()`: `None` when the status is not documented or the body does not decode as its model (the raw response stays in `Error::Status`).".to_string(),
        ];
        let catch_all = variants.last().is_some_and(|v| v.pattern.is_none());
        enums.push(ErrorEnumView { ident, method: method.to_string(), docs, variants, catch_all, aliases: Vec::new(), cfg: None });
    }
    enums
}

/// The method's doc lines on its documented errors: each status with what the docs say,
/// and the enum to read typed bodies with (`enum_ident`), if any.
pub fn error_docs(op: &Operation, enum_ident: Option<&str>) -> Vec<String> {
    if op.errors.is_empty() {
        return Vec::new();
    }
    let mut docs = vec!["Documented errors:".to_string()];
    for e in &op.errors {
        let mut line = format!("- {}", code(&e.status));
        if let Some(d) = &e.description {
            line.push_str(&format!(": {}", inline(d)));
        }
        docs.push(line);
    }
    if let Some(e) = enum_ident {
        docs.push(String::new());
        docs.push(format!("Typed bodies: [`errors::{e}`] (`error.typed::<errors::{e}>()`)."));
    }
    docs
}

/// Client method → the name of its error enum (or alias), for the method's docs.
pub fn enum_of_method(enums: &[ErrorEnumView]) -> std::collections::BTreeMap<&str, &str> {
    let own = enums.iter().map(|e| (e.method.as_str(), e.ident.as_str()));
    own.chain(enums.iter().flat_map(|e| e.aliases.iter().map(|a| (a.method.as_str(), a.ident.as_str())))).collect()
}

/// The variants of the documented errors that name a model: exact statuses first, then
/// classes (`4XX`), then `default`; the first entry for a status wins.
fn variants(errors: &[ErrorDoc], rust_type: &dyn Fn(&Type) -> Option<String>) -> Vec<ErrorVariantView> {
    let rank = |e: &ErrorDoc| match (e.code(), e.status.as_str()) {
        (Some(_), _) => 0,
        (None, "default") => 2,
        _ => 1,
    };
    let mut sorted: Vec<&ErrorDoc> = errors.iter().collect();
    sorted.sort_by_key(|e| rank(e));
    let mut scope = Scope::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for e in sorted {
        let Some(ty) = e.ty.as_ref().and_then(rust_type) else { continue };
        if !seen.insert(e.status.clone()) {
            continue;
        }
        let pattern = match (e.code(), e.status.as_bytes()) {
            (Some(code), _) => Some(code.to_string()),
            (None, [class, b'X', b'X']) => Some(format!("status if status / 100 == {}", *class as char)),
            _ => None,
        };
        let ident = scope.unique(variant_name(&e.status));
        let mut docs = vec![code(&e.status)];
        if let Some(d) = &e.description {
            docs[0] = format!("{}: {}", code(&e.status), inline(d));
        }
        out.push(ErrorVariantView { ident, ty, pattern, docs });
    }
    out
}

/// `404` → `NotFound` (the reason phrase); see [`status_name`].
fn variant_name(status: &str) -> String {
    naming::pascal(&status_name(status), "Error")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Method, Source};

    fn op(name: &str, errors: Vec<ErrorDoc>) -> Operation {
        Operation { errors, ..Operation::new(name, Some(Method::Get), Some("/x".into()), Source::default()) }
    }

    fn err(status: &str, model: Option<&str>) -> ErrorDoc {
        ErrorDoc::new(status, model.map(Type::reference), Some(format!("{status} happened")))
    }

    fn spell(t: &Type) -> Option<String> {
        t.ref_name().filter(|n| *n != "FormOnly").map(|n| format!("types::{n}"))
    }

    #[test]
    fn variants_are_named_by_reason_phrase_and_ordered_exact_class_default() {
        let o = op("get_user", vec![err("default", Some("Problem")), err("5XX", Some("Problem")), err("404", Some("NotFound")), err("499", Some("X"))]);
        let enums = error_enums([(&o, "get_user")].into_iter(), &spell);
        let [e] = enums.as_slice() else { panic!("one enum") };
        assert_eq!(e.ident, "GetUserError");
        let got: Vec<(&str, Option<&str>)> = e.variants.iter().map(|v| (v.ident.as_str(), v.pattern.as_deref())).collect();
        assert_eq!(got, [("NotFound", Some("404")), ("Status499", Some("499")), ("ServerError", Some("status if status / 100 == 5")), ("Other", None)]);
        assert!(e.catch_all);
        assert_eq!(e.variants[0].docs, ["`404`: 404 happened"]);
    }

    #[test]
    fn errors_without_a_decodable_model_make_no_variant_and_no_enum() {
        let o = op("ping", vec![err("500", None), err("400", Some("FormOnly"))]);
        assert!(error_enums([(&o, "ping")].into_iter(), &spell).is_empty());
    }

    #[test]
    fn the_first_entry_for_a_status_wins() {
        let o = op("a", vec![err("404", Some("NotFound")), err("404", Some("Other"))]);
        let enums = error_enums([(&o, "a")].into_iter(), &spell);
        assert_eq!(enums[0].variants.len(), 1);
        assert_eq!(enums[0].variants[0].ty, "types::NotFound");
    }

    #[test]
    fn method_docs_list_every_documented_status() {
        let o = op("get_user", vec![err("404", Some("NotFound")), ErrorDoc::new("401", None, None)]);
        assert_eq!(
            error_docs(&o, Some("GetUserError")),
            ["Documented errors:", "- `404`: 404 happened", "- `401`", "", "Typed bodies: [`errors::GetUserError`] (`error.typed::<errors::GetUserError>()`)."]
        );
        assert!(error_docs(&op("ping", vec![]), None).is_empty());
    }

    #[test]
    fn identical_error_sets_share_one_enum() {
        let a = op("get_user", vec![err("404", Some("NotFound"))]);
        let b = op("delete_user", vec![err("404", Some("NotFound"))]);
        let c = op("list_users", vec![err("400", Some("BadRequest"))]);
        let enums = error_enums([(&a, "get_user"), (&b, "delete_user"), (&c, "list_users")].into_iter(), &spell);
        assert_eq!(enums.len(), 2);
        assert_eq!(enums[0].aliases.iter().map(|a| a.ident.as_str()).collect::<Vec<_>>(), ["DeleteUserError"]);
        assert!(!enums[1].catch_all);
    }
}
