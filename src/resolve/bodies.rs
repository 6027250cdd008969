//! Request bodies: form and multipart fields gathered into one body model, and at most
//! one body per operation.

use crate::diag::Diagnostics;
use crate::naming;
use crate::parse::text::loose_key;
use crate::schema::{Api, BodyKind, Field, Location, Method, Model, Param, Type};
use std::collections::BTreeSet;

/// Form and multipart operations document their fields as parameters; they become the
/// fields of one body model (`IssueTokenForm`), which the client encodes by the kind.
pub(super) fn form_bodies(api: &mut Api, diags: &mut Diagnostics) {
    let mut taken: BTreeSet<String> = api.models.iter().map(|m| m.name.clone()).chain(api.enums.iter().map(|e| e.name.clone())).collect();
    for op in &mut api.operations {
        let Some(kind @ (BodyKind::Form | BodyKind::Multipart)) = op.body_kind else { continue };
        // A GET carries no body: `one_body` sends its fields as query parameters.
        if matches!(op.method, Some(Method::Get | Method::Head)) {
            continue;
        }
        let (fields, rest): (Vec<Param>, Vec<Param>) = std::mem::take(&mut op.params).into_iter().partition(|p| p.location == Location::Body);
        op.params = rest;
        if fields.is_empty() {
            op.body_kind = None;
            continue;
        }
        let base = format!("{}Form", naming::pascal(&op.name, "Operation"));
        let mut name = base.clone();
        let mut n = 2;
        while !taken.insert(name.clone()) {
            name = format!("{base}{n}");
            n += 1;
        }
        let source = fields[0].source.clone();
        let required = fields.iter().any(|f| f.required);
        let fields: Vec<Field> = fields
            .into_iter()
            .map(|p| {
                if kind == BodyKind::Form && is_file(&p.ty) {
                    diags.warn(
                        p.source.clone(),
                        format!("`{}` of `{}` is a file in an application/x-www-form-urlencoded body; sent as text", p.name, op.name),
                        Some("if the API takes multipart/form-data, fix the docs' Content-Type".to_string()),
                    );
                }
                let mut f = Field::new(p.name, p.ty, p.required, p.source);
                f.wire_name = p.wire_name;
                f.description = p.description;
                f.default = p.default;
                f.enum_values = p.enum_values;
                f.constraints = p.constraints;
                f
            })
            .collect();
        let what = if kind == BodyKind::Form { "form (application/x-www-form-urlencoded)" } else { "multipart/form-data" };
        let description = Some(format!("The {what} body of `{}`.", op.name));
        api.models.push(Model { name: name.clone(), description, fields, source: source.clone(), undocumented: false });
        op.params.push(Param::new("body", Location::Body, Type::reference(name), required, source));
    }
    api.models.sort_by(|a, b| a.name.cmp(&b.name));
}

fn is_file(t: &Type) -> bool {
    matches!(t, Type::String { format: Some(f) } if f == "binary")
}

/// One body per operation: the one named `body` or typed as a model wins; other
/// body candidates (free-form objects) are sent as query parameters (JSON text).
/// A GET or HEAD carries no body at all.
pub(super) fn one_body(api: &mut Api, diags: &mut Diagnostics) {
    let enums: BTreeSet<String> = api.enums.iter().map(|e| e.name.clone()).collect();
    let stand_ins: BTreeSet<String> = api.models.iter().filter(|m| m.undocumented).map(|m| m.name.clone()).collect();
    for op in &mut api.operations {
        let bodies: Vec<usize> = op.params.iter().enumerate().filter(|(_, p)| p.location == Location::Body).map(|(i, _)| i).collect();
        let strong = |p: &Param| loose_key(&p.name) == "body" || p.ty.ref_name().is_some();
        let no_body = matches!(op.method, Some(Method::Get | Method::Head));
        let keep = if no_body { None } else { bodies.iter().copied().find(|&i| strong(&op.params[i])).or(bodies.first().copied()) };
        let known_text = |p: &Param| p.ty.ref_name().is_some_and(|n| enums.contains(n) || stand_ins.contains(n));
        for i in bodies.into_iter().filter(|&i| Some(i) != keep) {
            let p = &mut op.params[i];
            // An enum (or a model the docs leave as raw JSON) is a plain query value: the
            // reader only took it for a body because its type has a name.
            if no_body && known_text(p) {
                p.location = Location::Query;
                continue;
            }
            let message = match no_body {
                true => format!(
                    "`{}` of `{}` would be a request body, which a {} does not carry; sent as a query parameter",
                    p.name,
                    op.name,
                    op.method.map_or("", Method::as_str)
                ),
                false => format!("`{}` of `{}` would be a second request body; sent as a query parameter", p.name, op.name),
            };
            let hint =
                format!("if it belongs elsewhere, set it in docs2rs.toml: [api.locations] \"{}.{}\" = \"header\" (or \"body\", \"path\")", op.name, p.name);
            diags.warn(p.source.clone(), message, Some(hint));
            p.location = Location::Query;
        }
        if no_body {
            op.body_kind = None;
        }
    }
}
