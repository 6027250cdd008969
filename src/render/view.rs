//! Schema → view: every name, type and literal the templates print, computed once here
//! so templates stay layout and everything they emit is already safe Rust.

use super::docs::{code, doc_lines, inline, str_lit};
use super::errors::{ErrorEnumView, enum_of_method, error_docs, error_enums};
use super::forms::{FormView, form_models, form_view, is_file};
use super::paging::{PagingView, paging_view};
use super::std_paths::StdPaths;
use crate::config::QueryArrayStyle;
use crate::naming::{self, Scope};
use crate::schema::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Serialize)]
pub struct ApiView {
    pub module: String,
    /// The first line of every file (`// @generated …`); each file adds its `// Sources:`.
    #[serde(skip)]
    pub generated_by: String,
    pub client_docs: Vec<String>,
    pub base_url: Option<String>,
    pub server_vars: Vec<ServerVarView>,
    pub auth: &'static str,
    pub models: Vec<ModelView>,
    pub aliases: Vec<AliasView>,
    pub enums: Vec<EnumView>,
    pub ops: Vec<OpView>,
    pub comma_arrays: bool,
    /// Models sent as form or multipart bodies, with how their fields become parts.
    pub forms: Vec<FormView>,
    /// Some operation sends `multipart/form-data` (the crate needs reqwest's `multipart`).
    pub multipart: bool,
    /// Render the client (`params`, `Client`, runtime); `false`: the types only.
    pub client: bool,
    /// The `decode` helpers the models use (`nullable`, `date_time`, `nullable_date_time`).
    pub decode_helpers: BTreeSet<&'static str>,
    /// Some operation has a `…_stream` method (the crate needs `futures-util`).
    pub paging: bool,
    /// Per-operation enums of the documented error models (the `errors` module).
    pub error_enums: Vec<ErrorEnumView>,
    /// Split output: the API's root module (`mod.rs`) declaring these group modules.
    pub split: bool,
    pub groups: Vec<GroupView>,
}

/// A group module as its parent declares it (and the shared `types` re-exports from it).
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub module: String,
    pub docs: Vec<String>,
    /// `#[cfg(feature = "…")]` when features gate it.
    pub cfg: Option<String>,
    /// It has a `params` module.
    pub params: bool,
    /// The Rust names of the types it holds.
    pub types: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServerVarView {
    pub ident: String,
    pub placeholder: String,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelView {
    pub ident: String,
    /// The schema name (what split output places).
    #[serde(skip)]
    pub name: String,
    /// Split output with features: `#[cfg(...)]` of the groups that use it.
    pub cfg: Option<String>,
    pub docs: Vec<String>,
    pub fields: Vec<FieldView>,
    /// Every field is optional, so `Default` (all `None`) is a valid value.
    pub default: bool,
    /// Serialized as JSON (not a form or multipart body, which may hold files).
    pub serde: bool,
    /// Arguments of its `new` constructor: the fields that are not `Option`s.
    pub required: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    pub ident: String,
    pub wire: String,
    pub renamed: bool,
    pub ty: String,
    /// The Rust type is an `Option`.
    pub optional: bool,
    /// `None` is left out of the JSON (optional fields); a required nullable field
    /// sends `null` instead.
    pub skip_none: bool,
    /// The arguments of its `#[serde(...)]` attribute (none: no attribute).
    pub serde: Vec<String>,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AliasView {
    pub ident: String,
    #[serde(skip)]
    pub name: String,
    pub cfg: Option<String>,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EnumView {
    pub ident: String,
    #[serde(skip)]
    pub name: String,
    pub cfg: Option<String>,
    pub docs: Vec<String>,
    pub variants: Vec<VariantView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VariantView {
    pub ident: String,
    pub value: String,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpView {
    pub ident: String,
    /// Its index in `api.operations`.
    #[serde(skip)]
    pub index: usize,
    pub docs: Vec<String>,
    pub deprecated: Option<String>,
    pub method: &'static str,
    /// Path pieces in order: literals (as string literals) and parameter expressions.
    pub path: Vec<PathPiece>,
    pub args: Vec<ArgView>,
    pub options: Option<OptionsView>,
    pub query: Vec<SendView>,
    pub headers: Vec<SendView>,
    /// Sent together in one `Cookie` header.
    pub cookies: Vec<SendView>,
    pub body: Option<String>,
    pub body_optional: bool,
    /// How the body is sent: `json`, `form`, `multipart`, `binary` or `text`.
    pub body_kind: &'static str,
    /// The `Content-Type` of a binary or text body, as a string literal.
    pub raw_content_type: String,
    /// The documented non-JSON response media type, as a string literal for `Accept`.
    pub accept: Option<String>,
    pub returns: String,
    /// `json`, `text`, `bytes` or `empty`.
    pub decode: &'static str,
    pub paging: Option<PagingView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PathPiece {
    pub literal: Option<String>,
    /// Set instead of `literal` for one-character pieces (`push('/')`, as clippy prefers).
    pub char_literal: Option<String>,
    pub expr: Option<String>,
}

impl PathPiece {
    fn text(s: &str) -> PathPiece {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => PathPiece { literal: None, char_literal: Some(format!("{c:?}")), expr: None },
            _ => PathPiece { literal: Some(str_lit(s)), char_literal: None, expr: None },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ArgView {
    pub ident: String,
    pub ty: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionsView {
    pub ident: String,
    pub docs: Vec<String>,
    pub fields: Vec<FieldView>,
    pub setters: Vec<SetterView>,
}

/// `with_<field>(value)`: sets an optional parameter to `Some(value.into())`.
#[derive(Debug, Clone, Serialize)]
pub struct SetterView {
    pub ident: String,
    pub field: String,
    /// The type inside the field's `Option`.
    pub ty: String,
    pub docs: Vec<String>,
}

/// A query parameter or header: `expr` is a reference to the value (or `Option` of it).
#[derive(Debug, Clone, Serialize)]
pub struct SendView {
    pub wire: String,
    pub expr: String,
    pub optional: bool,
    pub array: bool,
}

pub struct Settings {
    pub query_arrays: QueryArrayStyle,
    pub generator: String,
    /// Render the client; `false` renders the types only.
    pub client: bool,
}

/// Names the client itself uses; operations get another name instead.
const CLIENT_RESERVED: &[&str] = &[
    "new",
    "with_client",
    "with_bearer_token",
    "with_basic_auth",
    "with_header",
    "with_default_headers",
    "base_url",
    "http",
    "request",
    "send",
    "send_json",
    "send_empty",
    "url",
    "clone",
    "fmt",
    "default",
    "eq",
    "to_owned",
    "server_url",
    "setup",
    "with_authorization",
    "with_retry_policy",
    "with_timeout",
];

/// Each operation `x` is also generated as `x` + each suffix (`x_with_response`, and
/// `x_stream` when it pages: claimed either way, so names do not shift with `paginate`).
const OP_METHOD_SUFFIXES: &[&str] = &["_with_response", "_stream"];

pub(super) struct Names {
    /// Schema name → Rust identifier for models, stand-ins and enums.
    types: BTreeMap<String, String>,
    enums: BTreeSet<String>,
    boxed: BTreeSet<(String, String)>,
    pub std: StdPaths,
}

pub fn build(api: &Api, settings: &Settings) -> ApiView {
    let mut scope = Scope::with_reserved(&[]);
    let mut types = BTreeMap::new();
    for name in api.models.iter().map(|m| &m.name).chain(api.enums.iter().map(|e| &e.name)) {
        let ident = scope.unique(naming::pascal(name, "Model"));
        types.insert(name.clone(), ident);
    }
    let std = StdPaths::for_types(types.values().map(String::as_str));
    let names = Names { types, enums: api.enums.iter().map(|e| e.name.clone()).collect(), boxed: recursive_fields(api), std };
    let form_bodies = form_models(api);

    // Each model's view on its own (in parallel: a big API has thousands), then merged in order.
    use rayon::prelude::*;
    let built: Vec<ModelParts> = api.models.par_iter().map(|m| model_view(m, &names, &form_bodies)).collect();
    let (mut models, mut forms, mut aliases, mut decode_helpers) = (Vec::new(), Vec::new(), Vec::new(), BTreeSet::new());
    for parts in built {
        match parts {
            ModelParts::Alias(a) => aliases.push(a),
            ModelParts::Struct { model, form, decode } => {
                models.push(model);
                forms.extend(form);
                decode_helpers.extend(decode);
            }
        }
    }

    let enums = api.enums.iter().map(|e| enum_view(e, &names)).collect();

    // Method and options-struct names are unique across the API, so they are given in
    // operation order; the rest of each operation's view is built in parallel.
    let mut op_scope = Scope::with_reserved(CLIENT_RESERVED);
    let by_name = models_by_name(&api.models);
    let mut opt_scope = Scope::with_reserved(&[]);
    let idents: Vec<Option<(String, Option<String>)>> = api
        .operations
        .iter()
        .map(|op| {
            (op.method.is_some() && op.path.is_some()).then(|| {
                let method = op_scope.unique_family(naming::snake(&op.name, "operation"), OP_METHOD_SUFFIXES);
                let options = op.params.iter().any(in_options).then(|| opt_scope.unique(format!("{}Params", naming::pascal(&op.name, "Operation"))));
                (method, options)
            })
        })
        .collect();
    let generated: Vec<(&Operation, OpView)> = api
        .operations
        .par_iter()
        .zip(idents)
        .enumerate()
        .filter_map(|(i, (op, idents))| {
            let (ident, options) = idents?;
            op_view(op, ident, options, &names, &form_bodies, &by_name).map(|v| (op, OpView { index: i, ..v }))
        })
        .collect();
    // Error bodies decode from JSON: a model sent as form parts has no `Deserialize`.
    let decodable = |t: &Type| t.ref_name().is_none_or(|n| !form_bodies.contains_key(n)).then(|| rust_type(t, &names, "types::"));
    let error_enums = error_enums(generated.iter().map(|(op, v)| (*op, v.ident.as_str())), &decodable);
    let typed = enum_of_method(&error_enums);
    let ops: Vec<OpView> = generated
        .into_iter()
        .map(|(op, mut v)| {
            push_para(&mut v.docs, error_docs(op, typed.get(v.ident.as_str()).copied()));
            v
        })
        .collect();
    let multipart = ops.iter().any(|o| o.body_kind == "multipart");
    let paging = ops.iter().any(|o| o.paging.is_some());

    let mut docs = Vec::new();
    if let Some(t) = &api.title {
        docs.push(format!("Client and types for {}.", inline(t)));
    }
    let sources: Vec<String> = api.sources.iter().map(|s| code(s)).collect();
    push_para(&mut docs, vec![format!("Generated by docs2rs from {} document(s): {}.", api.sources.len(), sources.join(", "))]);

    ApiView {
        module: api.name.clone(),
        generated_by: format!(
            "// @generated by {} from API `{}`. Do not edit by hand: edit the docs or docs2rs.toml and regenerate.",
            settings.generator, api.name
        ),
        client_docs: docs,
        base_url: api.base_url.as_deref().map(str_lit),
        // `server_url` fills the documented base URL; without one there is nothing to fill.
        server_vars: api
            .server_variables
            .iter()
            .filter(|_| api.base_url.is_some())
            .map(|v| ServerVarView {
                ident: naming::snake(&v.name, "var"),
                placeholder: str_lit(&format!("{{{}}}", v.name)),
                docs: v.description.as_deref().map(doc_lines).unwrap_or_default(),
            })
            .collect(),
        auth: match api.auth {
            AuthScheme::None => "none",
            AuthScheme::Bearer => "bearer",
            AuthScheme::Basic => "basic",
        },
        models,
        aliases,
        enums,
        ops,
        comma_arrays: settings.query_arrays == QueryArrayStyle::Comma,
        forms,
        multipart,
        client: settings.client,
        decode_helpers,
        paging,
        error_enums,
        split: false,
        groups: Vec::new(),
    }
}

/// One model's part of the view: a struct (and its form, and the `decode` helpers its
/// fields use), or raw JSON for a model the docs name but never document.
enum ModelParts {
    Alias(AliasView),
    Struct { model: ModelView, form: Option<FormView>, decode: BTreeSet<&'static str> },
}

fn model_view(m: &Model, names: &Names, form_bodies: &BTreeMap<String, BodyKind>) -> ModelParts {
    let ident = names.types[&m.name].clone();
    if m.undocumented {
        return ModelParts::Alias(AliasView {
            ident,
            name: m.name.clone(),
            cfg: None,
            docs: vec![
                format!("{} is referenced by the docs but not documented in the inputs, so it is kept as raw JSON.", code(&m.name)),
                String::new(),
                "Add its model doc to the inputs to get a typed struct.".into(),
            ],
        });
    }
    let form = form_bodies.contains_key(&m.name);
    let form_view = form.then(|| form_view(m, &ident, &names.enums));
    let mut decode_helpers = BTreeSet::new();
    let mut fscope = Scope::with_reserved(&[]);
    let fields: Vec<FieldView> = m
        .fields
        .iter()
        .map(|f| {
            let ident = fscope.unique(naming::snake(&f.name, "field"));
            let mut ty = if form { part_type(&f.ty, names) } else { rust_type(&f.ty, names, "") };
            if names.boxed.contains(&(m.name.clone(), f.name.clone())) {
                ty = names.std.boxed(&ty);
            }
            let mut docs = field_docs(f.description.as_deref(), &f.default, &f.constraints, &f.enum_values, None);
            // Optional and nullable: absent (`None`), `null` (`Some(None)`) or a value. Form
            // bodies cannot send `null`, so theirs stay two-state.
            let three_state = !form && !f.required && f.nullable;
            if three_state {
                ty = names.std.option(&ty);
                push_para(&mut docs, vec!["Nullable: `None` leaves it out, `Some(None)` sends `null` (clears it).".into()]);
            }
            let optional = !f.required || f.nullable;
            let decode = match (three_state, !form && holds_date_time(&f.ty)) {
                (true, true) => Some("nullable_date_time"),
                (true, false) => Some("nullable"),
                (false, true) => Some("date_time"),
                (false, false) => None,
            };
            decode_helpers.extend(decode);
            if decode == Some("nullable_date_time") {
                decode_helpers.insert("date_time");
            }
            let renamed = ident != f.wire_name;
            let wire = str_lit(&f.wire_name);
            let mut serde = Vec::new();
            if renamed {
                serde.push(format!("rename = {wire}"));
            }
            if optional {
                serde.push("default".into());
            }
            if !f.required {
                serde.push(format!("skip_serializing_if = \"{}\"", names.std.is_none()));
            }
            if let Some(helper) = decode {
                serde.push(format!("deserialize_with = \"decode::{helper}\""));
            }
            FieldView { renamed, wire, ty: if optional { names.std.option(&ty) } else { ty }, optional, skip_none: !f.required, serde, docs, ident }
        })
        .collect();
    let mut docs = m.description.as_deref().map(doc_lines).unwrap_or_default();
    push_para(&mut docs, vec![format!("Documented at {}.", code(&m.source.to_string()))]);
    let required = fields.iter().filter(|f: &&FieldView| !f.optional).count();
    let model = ModelView { ident, name: m.name.clone(), cfg: None, docs, fields, default: required == 0, serde: !form, required };
    ModelParts::Struct { model, form: form_view, decode: decode_helpers }
}

impl ApiView {
    /// Roughly how much code the view renders to: operations and fields.
    pub fn weight(&self) -> usize {
        8 * self.ops.len() + self.models.iter().map(|m| 1 + m.fields.len()).sum::<usize>() + self.enums.len()
    }

    /// The same API settings with no items: a file of split output is filled from parts.
    pub fn part(&self) -> ApiView {
        ApiView {
            module: self.module.clone(),
            generated_by: self.generated_by.clone(),
            // Only the root (`mod.rs`) documents the client.
            client_docs: Vec::new(),
            base_url: self.base_url.clone(),
            server_vars: self.server_vars.clone(),
            auth: self.auth,
            models: Vec::new(),
            aliases: Vec::new(),
            enums: Vec::new(),
            ops: Vec::new(),
            comma_arrays: self.comma_arrays,
            forms: Vec::new(),
            multipart: self.multipart,
            client: self.client,
            decode_helpers: self.decode_helpers.clone(),
            paging: self.paging,
            error_enums: Vec::new(),
            split: self.split,
            groups: Vec::new(),
        }
    }
}

fn push_para(docs: &mut Vec<String>, more: Vec<String>) {
    if !docs.is_empty() && !more.is_empty() {
        docs.push(String::new());
    }
    docs.extend(more);
}

fn field_docs(desc: Option<&str>, default: &Option<String>, constraints: &[String], values: &[EnumValue], location: Option<&str>) -> Vec<String> {
    let mut docs = desc.map(doc_lines).unwrap_or_default();
    let mut facts = Vec::new();
    if let Some(l) = location {
        facts.push(l.to_string());
    }
    if let Some(d) = default {
        facts.push(format!("Documented default: {} (not sent unless you set it).", code(d)));
    }
    if !constraints.is_empty() {
        let cs: Vec<String> = constraints.iter().map(|c| code(c)).collect();
        facts.push(format!("Constraints: {}.", cs.join(", ")));
    }
    if !values.is_empty() && values.len() <= 64 {
        let vs: Vec<String> = values.iter().map(|v| code(&v.value)).collect();
        facts.push(format!("Allowed values: {}.", vs.join(", ")));
    }
    for f in facts {
        push_para(&mut docs, vec![f]);
    }
    docs
}

fn enum_view(e: &EnumDef, names: &Names) -> EnumView {
    let mut scope = Scope::with_reserved(&["Unknown"]);
    let variants = e
        .values
        .iter()
        .map(|v| {
            let mut ident = naming::pascal(&v.value, "Empty");
            if ident.starts_with('_') {
                ident.replace_range(..1, "V");
            }
            let ident = scope.unique(ident);
            let docs = match &v.description {
                Some(d) => vec![format!("{}: {}", code(&v.value), inline(d))],
                None => vec![code(&v.value)],
            };
            VariantView { ident, value: str_lit(&v.value), docs }
        })
        .collect();
    let mut docs = e.description.as_deref().map(doc_lines).unwrap_or_default();
    push_para(&mut docs, vec!["Values the docs do not list are kept in `Unknown` and round-trip unchanged.".into()]);
    EnumView { ident: names.types[&e.name].clone(), name: e.name.clone(), cfg: None, docs, variants }
}

/// The Rust type for a schema type. `prefix` qualifies model names (`types::`) outside
/// the types module; std names are always fully qualified so models may be called `Option`.
pub(super) fn rust_type(t: &Type, names: &Names, prefix: &str) -> String {
    match t {
        Type::String { .. } => names.std.string().into(),
        Type::Integer { bits: Some(32) } => "i32".into(),
        Type::Integer { .. } => "i64".into(),
        Type::Number => "f64".into(),
        Type::Boolean => "bool".into(),
        Type::Date => "::chrono::NaiveDate".into(),
        Type::DateTime => "::chrono::DateTime<::chrono::Utc>".into(),
        Type::Any => "::serde_json::Value".into(),
        Type::Array { items } => names.std.vec(&rust_type(items, names, prefix)),
        Type::Map { values } => format!("::std::collections::BTreeMap<{}, {}>", names.std.string(), rust_type(values, names, prefix)),
        Type::Ref { name } => match names.types.get(name) {
            Some(ident) => format!("{prefix}{ident}"),
            None => "::serde_json::Value".into(),
        },
    }
}

/// Date-times anywhere inside (`array<date-time>`): decoded by the lenient `decode` helpers.
fn holds_date_time(t: &Type) -> bool {
    match t {
        Type::DateTime => true,
        Type::Array { items } => holds_date_time(items),
        Type::Map { values } => holds_date_time(values),
        _ => false,
    }
}

/// The type of a field of a form or multipart body: files are `FilePart`s (bytes with a
/// file name), everything else as in a JSON model.
fn part_type(t: &Type, names: &Names) -> String {
    match t {
        _ if is_file(t) => "super::FilePart".into(),
        Type::Array { items } if is_file(items) => names.std.vec("super::FilePart"),
        other => rust_type(other, names, ""),
    }
}

/// Fields that must be boxed: a direct (not via Vec/Map) reference that leads back to
/// its own model.
fn recursive_fields(api: &Api) -> BTreeSet<(String, String)> {
    let direct: BTreeMap<&str, Vec<(&str, &str)>> = api
        .models
        .iter()
        .map(|m| {
            let edges = m
                .fields
                .iter()
                .filter_map(|f| match &f.ty {
                    Type::Ref { name } => Some((f.name.as_str(), name.as_str())),
                    _ => None,
                })
                .collect();
            (m.name.as_str(), edges)
        })
        .collect();
    let reaches = |from: &str, to: &str| -> bool {
        let mut stack = vec![from];
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n) {
                stack.extend(direct.get(n).into_iter().flatten().map(|(_, t)| *t));
            }
        }
        false
    };
    let mut out = BTreeSet::new();
    for (model, edges) in &direct {
        for (field, target) in edges {
            if reaches(target, model) {
                out.insert((model.to_string(), field.to_string()));
            }
        }
    }
    out
}

/// How a parameter is passed and turned into text.
struct ParamTy {
    /// Argument type for a required parameter.
    arg: String,
    /// Owned type for an optional one (in the options struct).
    owned: String,
    array: bool,
}

fn param_ty(t: &Type, names: &Names) -> ParamTy {
    // Non-enum model references cannot be sent as text; treat them as JSON values.
    let t = t.map_inner(&mut |inner| match inner {
        Type::Ref { name } if !names.enums.contains(name) => Type::Any,
        other => other.clone(),
    });
    // Text parameters are scalars or flat lists of scalars; maps and nested lists travel
    // as JSON text.
    let t = match t {
        Type::Map { .. } => Type::Any,
        Type::Array { items } if matches!(*items, Type::Array { .. } | Type::Map { .. }) => Type::array(Type::Any),
        other => other,
    };
    match &t {
        Type::String { .. } => ParamTy { arg: "&str".into(), owned: names.std.string().into(), array: false },
        Type::Array { items } => {
            let item = rust_type(items, names, "types::");
            ParamTy { arg: format!("&[{item}]"), owned: names.std.vec(&item), array: true }
        }
        Type::Ref { .. } | Type::Any | Type::Map { .. } => {
            let owned = rust_type(&t, names, "types::");
            ParamTy { arg: format!("&{owned}"), owned, array: false }
        }
        scalar => {
            let owned = rust_type(scalar, names, "types::");
            ParamTy { arg: owned.clone(), owned, array: false }
        }
    }
}

/// An optional parameter goes in the operation's options struct (a path parameter is
/// always an argument); the struct is named before the views are built, from this rule.
fn in_options(p: &Param) -> bool {
    !p.required && p.location != Location::Path
}

/// An operation's view under its method name `ident`, with `options_ident` naming its
/// options struct (the caller gives both: names are unique across the API).
fn op_view(
    op: &Operation,
    ident: String,
    options_ident: Option<String>,
    names: &Names,
    form_bodies: &BTreeMap<String, BodyKind>,
    models: &BTreeMap<&str, &Model>,
) -> Option<OpView> {
    let (method, path) = (op.method?, op.path.as_ref()?);
    // Locals of the method template: an argument named like one would be shadowed.
    let mut arg_scope = Scope::with_reserved(&[
        "self",
        "options",
        "request",
        "url",
        "path",
        "response",
        "pairs",
        "item",
        "value",
        "header_value",
        "encode_path_segment",
        "send_json",
        "send_bytes",
        "send_empty",
        "send_text",
        "read",
        "comma_list",
        "send_form",
        "multipart_form",
    ]);
    let mut args = Vec::new();
    let mut opt_fields = Vec::new();
    let mut query = Vec::new();
    let mut headers = Vec::new();
    let mut cookies = Vec::new();
    let mut body = None;
    let mut path_exprs: BTreeMap<String, String> = BTreeMap::new();
    let mut param_idents: BTreeMap<&str, String> = BTreeMap::new();
    let body_kind = body_kind(op, form_bodies);

    // Path parameters first, in template order; then required ones; then the body.
    let mut holes = crate::schema::path_placeholders(path);
    let mut seen = std::collections::BTreeSet::new();
    holes.retain(|h| seen.insert(h.clone()));
    let mut ordered: Vec<&Param> = Vec::new();
    for h in &holes {
        ordered.extend(op.params.iter().filter(|p| p.location == Location::Path && &p.wire_name == h));
    }
    ordered.extend(op.params.iter().filter(|p| p.location != Location::Path && p.location != Location::Body && p.required));
    ordered.extend(op.params.iter().filter(|p| p.location == Location::Body));
    ordered.extend(op.params.iter().filter(|p| p.location != Location::Path && p.location != Location::Body && !p.required));

    for p in ordered {
        let pt = param_ty(&p.ty, names);
        let pident = arg_scope.unique(naming::snake(&p.name, "param"));
        param_idents.insert(&p.name, pident.clone());
        match p.location {
            Location::Body => {
                let (arg, ty) = match body_kind {
                    "binary" => ("&[u8]".to_string(), names.std.vec("u8")),
                    "text" => ("&str".to_string(), names.std.string().to_string()),
                    _ => {
                        let ty = rust_type(&p.ty, names, "types::");
                        (format!("&{ty}"), ty)
                    }
                };
                if !in_options(p) {
                    args.push(ArgView { ident: pident.clone(), ty: arg });
                    body = Some(pident);
                } else {
                    opt_fields.push(opt_field(&pident, p, ty, names.std));
                    body = Some(format!("options.{pident}"));
                }
            }
            Location::Path => {
                args.push(ArgView { ident: pident.clone(), ty: pt.arg });
                path_exprs.insert(p.wire_name.clone(), pident);
            }
            Location::Query | Location::Header | Location::Cookie => {
                let (expr, optional) = if !in_options(p) {
                    args.push(ArgView { ident: pident.clone(), ty: pt.arg });
                    (pident.clone(), false)
                } else {
                    opt_fields.push(opt_field(&pident, p, pt.owned, names.std));
                    (format!("options.{pident}"), true)
                };
                let send = SendView { wire: str_lit(&p.wire_name), expr, optional, array: pt.array };
                match p.location {
                    Location::Query => query.push(send),
                    Location::Cookie => cookies.push(send),
                    _ => headers.push(send),
                }
            }
        }
    }

    let mut pieces = Vec::new();
    let mut rest = path.as_str();
    // Every occurrence, in order: a placeholder may appear twice (`/a/{id}/b/{id}`).
    for h in crate::schema::path_placeholders(path) {
        let marker = format!("{{{h}}}");
        let Some(at) = rest.find(&marker) else { continue };
        if at > 0 {
            pieces.push(PathPiece::text(&rest[..at]));
        }
        match path_exprs.get(&h) {
            Some(expr) => pieces.push(PathPiece { literal: None, char_literal: None, expr: Some(expr.clone()) }),
            // resolve gives every placeholder a parameter; keep the text if one slipped by.
            None => pieces.push(PathPiece::text(&marker)),
        }
        rest = &rest[at + marker.len()..];
    }
    if !rest.is_empty() {
        pieces.push(PathPiece::text(rest));
    }

    // A documented `Accept: text/csv` answers text; `audio/mpeg` and other raw types bytes.
    let raw_response = op.accept.as_deref();
    let text_response = raw_response.is_some_and(|m| m.starts_with("text/"));
    let plain_string = |ty: &Type| matches!(ty, Type::String { format: None });
    let (returns, decode) = match &op.returns {
        Returns::Empty => ("()".to_string(), "empty"),
        // Files and byte streams are returned as they arrive, not parsed as JSON.
        Returns::Body { ty: Type::String { format: Some(f) } } if f == "binary" => (names.std.vec("u8"), "bytes"),
        Returns::Body { ty } if text_response && plain_string(ty) => (names.std.string().to_string(), "text"),
        Returns::Unknown if text_response => (names.std.string().to_string(), "text"),
        Returns::Unknown if raw_response.is_some() => (names.std.vec("u8"), "bytes"),
        Returns::Body { ty } if raw_response.is_some() && plain_string(ty) => (names.std.vec("u8"), "bytes"),
        Returns::Unknown => ("::serde_json::Value".to_string(), "json"),
        Returns::Body { ty } => (rust_type(ty, names, "types::"), "json"),
    };
    let raw_content_type = match (&op.content_type, op.body_kind) {
        (Some(media), _) => str_lit(media),
        (None, Some(BodyKind::Text)) => str_lit("text/plain; charset=utf-8"),
        (None, _) => str_lit(BodyKind::Binary.media_type()),
    };

    let options = (!opt_fields.is_empty()).then(|| OptionsView {
        ident: options_ident.unwrap_or_else(|| format!("{}Params", naming::pascal(&op.name, "Operation"))),
        docs: vec![
            format!("Optional parameters of [`Client::{ident}`](super::Client::{ident})."),
            String::new(),
            "Start from `Default::default()` and chain the `with_*` setters.".into(),
        ],
        setters: opt_fields.iter().map(|(_, s)| s).cloned().collect(),
        fields: opt_fields.into_iter().map(|(f, _)| f).collect(),
    });
    if let Some(o) = &options {
        args.push(ArgView { ident: "options".into(), ty: format!("&params::{}", o.ident) });
    }

    let paging = paging_view(op, &ident, &args, &param_idents, names, models);
    Some(OpView {
        index: 0,
        docs: op_docs(op, method, path, &ident, &args),
        deprecated: op.deprecated.then(|| str_lit("deprecated in the API docs")),
        method: method.as_str(),
        path: pieces,
        args,
        options,
        query,
        headers,
        cookies,
        body_optional: body.as_deref().is_some_and(|b| b.starts_with("options.")),
        body,
        body_kind,
        raw_content_type,
        accept: op.accept.as_deref().map(str_lit),
        returns,
        decode,
        paging,
        ident,
    })
}

/// How an operation sends its body. Form and multipart need a body model the view sends
/// as parts ([`form_models`]); anything else goes as JSON.
fn body_kind(op: &Operation, form_bodies: &BTreeMap<String, BodyKind>) -> &'static str {
    let body_model = op.body().and_then(|b| b.ty.ref_name()).filter(|n| form_bodies.contains_key(*n));
    match (op.body_kind, body_model) {
        (Some(BodyKind::Form), Some(_)) => "form",
        (Some(BodyKind::Multipart), Some(_)) => "multipart",
        (Some(BodyKind::Binary), _) => "binary",
        (Some(BodyKind::Text), _) => "text",
        _ => "json",
    }
}

/// An optional parameter: its field in the params struct, and the setter of that field.
fn opt_field(ident: &str, p: &Param, owned: String, std: StdPaths) -> (FieldView, SetterView) {
    let loc = match p.location {
        Location::Query => format!("Query parameter {}.", code(&p.wire_name)),
        Location::Header => format!("Header {}.", code(&p.wire_name)),
        Location::Cookie => format!("Cookie {}.", code(&p.wire_name)),
        _ => "The request body.".to_string(),
    };
    let name = ident.trim_start_matches("r#");
    let setter = SetterView { ident: format!("with_{name}"), field: ident.to_string(), docs: vec![format!("Sets {}.", code(name))], ty: owned.clone() };
    let field = FieldView {
        ident: ident.to_string(),
        wire: str_lit(&p.wire_name),
        renamed: false,
        ty: std.option(&owned),
        optional: true,
        skip_none: true,
        serde: Vec::new(),
        docs: field_docs(p.description.as_deref(), &p.default, &p.constraints, &p.enum_values, Some(&loc)),
    };
    (field, setter)
}

fn op_docs(op: &Operation, method: Method, path: &str, ident: &str, args: &[ArgView]) -> Vec<String> {
    let mut docs = Vec::new();
    if let Some(s) = &op.summary {
        docs.extend(doc_lines(s));
    }
    if let Some(d) = &op.description {
        if op.summary.as_deref().map(str::trim) != Some(d.trim()) {
            push_para(&mut docs, doc_lines(d));
        }
    }
    let mut facts = vec![code(&format!("{} {}", method.as_str(), path))];
    if let Some(p) = &op.permissions {
        let list = || p.list.iter().map(|s| code(s)).collect::<Vec<_>>().join(", ");
        facts.push(match (p.rule, p.list.is_empty(), &p.text) {
            (PermissionRule::None, _, _) => "Requires no permissions.".to_string(),
            (_, _, Some(text)) => format!("Required permissions: {}", inline(text)),
            (PermissionRule::Any, false, None) => format!("Requires any of the permissions: {}.", list()),
            (PermissionRule::All, false, None) => format!("Requires all of the permissions: {}.", list()),
            _ => "Requires permissions (none listed).".to_string(),
        });
    }
    if op.deprecated {
        facts.push("Deprecated in the API docs.".into());
    }
    if !op.overlaid.is_empty() {
        facts.push(format!("From the docs2rs.toml overlay, not the docs: {}.", op.overlaid.join(", ")));
    }
    facts.push(format!("Documented at {}.", code(&op.source.to_string())));
    for f in facts {
        push_para(&mut docs, vec![f]);
    }
    // A usage sketch, not a doctest: arguments depend on the caller's data.
    let call: Vec<String> = args.iter().map(|a| if a.ident == "options" { "&Default::default()".into() } else { a.ident.clone() }).collect();
    docs.push(String::new());
    docs.push("```text".into());
    docs.push(format!("let result = client.{ident}({}).await?;", call.join(", ")));
    docs.push("```".into());
    docs
}
