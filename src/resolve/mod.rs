//! Many parsed documents + config → one [`Api`]: merge, overlays, wire names, enums,
//! and stand-ins for referenced but undocumented models.

use crate::config::{ApiConfig, OperationOverlay, WireCase};
use crate::diag::Diagnostics;
use crate::parse::text::loose_key;
use crate::schema::*;
use std::collections::{BTreeMap, BTreeSet};

mod bodies;
mod documents;
mod enums;
pub mod paging;
pub mod wire;

/// Resolve the documents of one API. Documents are merged in file-name order, so the
/// result (including first-wins tie breaks) does not depend on the order of inputs.
pub fn resolve(cfg: &ApiConfig, mut docs: Vec<(String, ParsedDoc)>, diags: &mut Diagnostics) -> Api {
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    docs.dedup_by(|a, b| a.0 == b.0);
    let mut api = Api {
        name: cfg.name.clone(),
        auth: cfg.auth,
        server_variables: cfg
            .server_variables
            .iter()
            .map(|(name, v)| ServerVariable { name: name.clone(), default: v.default.clone(), description: v.description.clone() })
            .collect(),
        ..Api::default()
    };
    merge(&mut api, docs, diags);
    primitive_refs(&mut api);
    let config = Source::new(cfg.config_label(), 0);
    apply_type_overrides(&mut api, &cfg.types, &config, diags);
    apply_location_overrides(&mut api, &cfg.locations, &config, diags);
    if let Some(base) = &cfg.base_url {
        rebase_on_configured(&mut api, base, diags);
        api.base_url = Some(base.clone());
    }
    if cfg.title.is_some() {
        api.title = cfg.title.clone();
    }
    // Overlay names apply last: every other key in the config names operations as documented.
    let renames = apply_overlays(&mut api, &cfg.operations, cfg.config_label(), diags);
    normalize_paths(&mut api, diags);
    drop_unroutable(&mut api, cfg, diags);
    link_path_params(&mut api, diags);
    bodies::form_bodies(&mut api, diags);
    bodies::one_body(&mut api, diags);
    assign_wire_names(&mut api, cfg, diags);
    paging::detect(&mut api, cfg, diags);
    rename_operations(&mut api, renames, diags);
    enums::extract_enums(&mut api, diags);
    add_undocumented(&mut api, diags);
    describe_page_models(&mut api);
    api.models.sort_by(|a, b| a.name.cmp(&b.name));
    api.enums.sort_by(|a, b| a.name.cmp(&b.name));
    api.operations.sort_by(|a, b| a.name.cmp(&b.name));
    api
}

fn merge(api: &mut Api, docs: Vec<(String, ParsedDoc)>, diags: &mut Diagnostics) {
    let mut models: BTreeMap<String, Model> = BTreeMap::new();
    let mut ops: BTreeMap<String, Operation> = BTreeMap::new();
    let (mut enums, mut one_of) = (Vec::new(), Vec::new());
    for (file, mut doc) in docs {
        if doc.operations.is_empty() && doc.models.is_empty() && doc.enums.is_empty() && doc.one_of.is_empty() {
            api.empty_sources.push(file.clone());
        }
        api.sources.push(file);
        if api.auth == AuthScheme::None {
            api.auth = doc.auth.unwrap_or_default();
        }
        if let Some(url) = doc.base_url.take() {
            match api.base_url.clone() {
                None => api.base_url = Some(url),
                // Keep the shallower base and re-express the deeper side's paths: a page
                // prints `https://x.io` + `/v2/users`, an SDK doc `https://x.io/v2`.
                Some(have) => match depth_relation(&have, &url) {
                    Some(Relation::Same) => {}
                    Some(Relation::Deeper(extra)) => prefix_paths(doc.operations.iter_mut(), &extra),
                    Some(Relation::Shallower(extra)) => {
                        prefix_paths(ops.values_mut(), &extra);
                        api.base_url = Some(url);
                    }
                    None => {
                        let at = doc.operations.first().map(|o| o.source.clone()).unwrap_or_default();
                        diags.warn(
                            at,
                            format!("base URL `{url}` differs from `{have}` stated earlier; keeping `{have}`"),
                            Some("set `base_url` for this API in docs2rs.toml".to_string()),
                        );
                    }
                },
            }
        }
        // Model pages carry their model's name as title; only an API page names the API.
        if api.title.is_none() && !doc.operations.is_empty() {
            api.title = doc.title;
        }
        for m in doc.models {
            match models.get(&m.name) {
                None => {
                    models.insert(m.name.clone(), m);
                }
                Some(first) if same_model(first, &m) => {}
                // A stand-in read from a sample gives way to the model documented elsewhere.
                Some(first) if sample_only(first) && !sample_only(&m) => {
                    models.insert(m.name.clone(), m);
                }
                Some(first) if sample_only(&m) && !sample_only(first) => {}
                Some(first) => diags.warn(
                    m.source.clone(),
                    format!("model `{}` is documented again and differs from {}; keeping the first", m.name, first.source),
                    Some("remove one of the documents or make them agree".to_string()),
                ),
            }
        }
        enums.extend(doc.enums);
        one_of.extend(doc.one_of);
        for o in doc.operations {
            match ops.get(&o.name) {
                None => {
                    ops.insert(o.name.clone(), o);
                }
                // A README index names the operation its API page documents in full.
                Some(first) if index_only(&o) && same_route(first, &o) => {}
                Some(first) if index_only(first) && same_route(first, &o) => {
                    ops.insert(o.name.clone(), o);
                }
                // SDK docs repeat an operation under every API class that tags it.
                Some(first) if same_operation(first, &o) => {}
                Some(first) => diags.warn(
                    o.source.clone(),
                    format!("operation `{}` is documented again (first at {}); keeping the first", o.name, first.source),
                    Some("remove the duplicate, or rename one with an [[api.operation]] overlay".to_string()),
                ),
            }
        }
    }
    api.models = models.into_values().collect();
    api.operations = ops.into_values().collect();
    documents::one_of_models(api, one_of, diags);
    documents::implied_unions(api);
    documents::enum_pages(api, enums, diags);
}

/// What an endpoint index row gives: method, path, summary; no parameters, no response.
fn index_only(o: &Operation) -> bool {
    o.params.is_empty() && o.returns == Returns::Unknown && o.description.is_none()
}

fn same_route(a: &Operation, b: &Operation) -> bool {
    a.method == b.method && a.path == b.path
}

/// `[api.types]`: replace documented types, by `Model.field`, `operation.param` or
/// `operation.returns` (operation names as documented).
fn apply_type_overrides(api: &mut Api, types: &BTreeMap<String, String>, config: &Source, diags: &mut Diagnostics) {
    let mut parsed = BTreeMap::new();
    for (key, spelling) in types {
        match crate::parse::types::parse_type(spelling) {
            Ok(t) => {
                parsed.insert(key.as_str(), t);
            }
            Err(e) => diags.error(
                config.clone(),
                format!("[api.types] `{key}` = `{spelling}`: {e}"),
                Some("use an SDK type spelling such as `Array<Tag>` or `string`".to_string()),
            ),
        }
    }
    let mut used = BTreeSet::new();
    let mut take = |key: String| {
        let t = parsed.get(key.as_str()).cloned();
        if t.is_some() {
            used.insert(key);
        }
        t
    };
    for m in &mut api.models {
        for f in &mut m.fields {
            if let Some(t) = take(format!("{}.{}", m.name, f.name)) {
                f.ty = t;
            }
        }
    }
    for op in &mut api.operations {
        for p in &mut op.params {
            if let Some(t) = take(format!("{}.{}", op.name, p.name)) {
                p.ty = t;
            }
        }
        if let Some(t) = take(format!("{}.returns", op.name)) {
            op.returns = Returns::Body { ty: t };
        }
    }
    for key in parsed.keys().filter(|k| !used.contains(**k)) {
        diags.warn(
            config.clone(),
            format!("[api.types] `{key}` matches no field, parameter or operation of API `{}`", api.name),
            Some("keys are `Model.field`, `operation.param` or `operation.returns`, with names as documented".to_string()),
        );
    }
}

/// `[api.locations]`: `operation.param` → where it travels.
fn apply_location_overrides(api: &mut Api, locations: &BTreeMap<String, Location>, config: &Source, diags: &mut Diagnostics) {
    let mut used = BTreeSet::new();
    for op in &mut api.operations {
        for p in &mut op.params {
            let key = format!("{}.{}", op.name, p.name);
            if let Some(l) = locations.get(&key) {
                p.location = *l;
                used.insert(key);
            }
        }
    }
    for key in locations.keys().filter(|k| !used.contains(*k)) {
        diags.warn(
            config.clone(),
            format!("[api.locations] `{key}` matches no parameter of API `{}`", api.name),
            Some("keys are `operation.param`, with names as documented".to_string()),
        );
    }
}

/// A reference to a name no document defines but that spells a primitive
/// (`[**Array<String>**](String.html)`) is that primitive.
fn primitive_refs(api: &mut Api) {
    let models: BTreeSet<String> = api.models.iter().map(|m| m.name.clone()).collect();
    let fix = |t: &Type| {
        t.map_inner(&mut |inner| match inner {
            Type::Ref { name } if !models.contains(name) => match crate::parse::types::parse_type(name) {
                Ok(Type::Ref { .. }) | Err(_) => inner.clone(),
                Ok(primitive) => primitive,
            },
            other => other.clone(),
        })
    };
    for f in api.models.iter_mut().flat_map(|m| m.fields.iter_mut()) {
        f.ty = fix(&f.ty);
    }
    for ty in api.operations.iter_mut().flat_map(Operation::types_mut) {
        *ty = fix(ty);
    }
}

fn same_operation(a: &Operation, b: &Operation) -> bool {
    a.method == b.method
        && a.path == b.path
        && a.params.len() == b.params.len()
        && a.params.iter().zip(&b.params).all(|(x, y)| x.name == y.name && x.location == y.location && x.ty == y.ty && x.required == y.required)
}

enum Relation {
    Same,
    /// The second URL is the first plus this path (`/v2`).
    Deeper(String),
    /// The first URL is the second plus this path.
    Shallower(String),
}

/// How two base URLs of one API relate; `None` when neither extends the other.
fn depth_relation(first: &str, second: &str) -> Option<Relation> {
    let (a, b) = (first.trim_end_matches('/'), second.trim_end_matches('/'));
    if a == b {
        return Some(Relation::Same);
    }
    if let Some(extra) = b.strip_prefix(a).filter(|p| p.starts_with('/')) {
        return Some(Relation::Deeper(extra.to_string()));
    }
    a.strip_prefix(b).filter(|p| p.starts_with('/')).map(|extra| Relation::Shallower(extra.to_string()))
}

fn prefix_paths<'a>(ops: impl Iterator<Item = &'a mut Operation>, extra: &str) {
    for path in ops.filter_map(|o| o.path.as_mut()) {
        if !path.starts_with('/') && !path.starts_with("http") {
            path.insert(0, '/');
        }
        if path.starts_with('/') {
            path.insert_str(0, extra);
        }
    }
}

/// `path` relative to a base URL that goes `extra` deeper, if it lies under it.
fn strip_path_prefix(path: &str, extra: &str) -> Option<String> {
    if path == extra {
        return Some("/".into());
    }
    path.strip_prefix(extra).filter(|rest| rest.starts_with('/')).map(String::from)
}

/// The same model read from two SDK flavours differs only in sources.
fn same_model(a: &Model, b: &Model) -> bool {
    a.fields.len() == b.fields.len() && a.fields.iter().zip(&b.fields).all(|(x, y)| x.name == y.name && x.ty == y.ty && x.required == y.required)
}

pub(crate) fn overlay_matches(o: &Operation, pattern: &str) -> bool {
    let file = o.source.file.replace('\\', "/");
    o.name == pattern || o.summary.as_deref() == Some(pattern) || file == pattern || file.ends_with(&format!("/{pattern}"))
}

/// Applies method, path and deprecation; returns the renames, keyed by each matched
/// operation's (source, documented name), so chained overlays cannot collide.
fn apply_overlays(api: &mut Api, overlays: &[OperationOverlay], config: &str, diags: &mut Diagnostics) -> BTreeMap<(Source, String), String> {
    let mut renames = BTreeMap::new();
    for ov in overlays {
        let at = if ov.from_flag { Source::new("--operation", 0) } else { Source::new(config, ov.line) };
        if let Some(p) = ov.path.as_ref().filter(|p| p.contains(crate::adhoc::TO_FILL)) {
            diags.warn(
                at.clone(),
                format!("the path `{p}` of overlay `{}` still holds `{}`; not applied", ov.matches, crate::adhoc::TO_FILL),
                Some(format!("replace `{}` with the real path segments from the API's reference", crate::adhoc::TO_FILL)),
            );
        }
        let mut hit = false;
        for op in api.operations.iter_mut().filter(|o| overlay_matches(o, &ov.matches)) {
            hit = true;
            if let Some(name) = &ov.name {
                renames.insert((op.source.clone(), op.name.clone()), name.clone());
                op.overlaid.push("name".into());
            }
            if let Some(m) = ov.method {
                op.method = Some(m);
                op.overlaid.push("method".into());
            }
            if let Some(p) = ov.path.as_ref().filter(|p| !p.contains(crate::adhoc::TO_FILL)) {
                op.path = Some(p.clone());
                op.overlaid.push("path".into());
            }
            if let Some(d) = ov.deprecated {
                op.deprecated = d;
                op.overlaid.push("deprecated".into());
            }
            if let Some(g) = &ov.group {
                op.group = Some(g.clone());
            }
        }
        if !hit {
            diags.warn(
                at,
                format!("operation overlay `{}` matches no documented operation of API `{}`", ov.matches, api.name),
                Some("match an operation's documented name, its title, or its file name".to_string()),
            );
        }
    }
    renames
}

/// Overlay names, all at once; two operations ending with one name are reported.
fn rename_operations(api: &mut Api, renames: BTreeMap<(Source, String), String>, diags: &mut Diagnostics) {
    for op in &mut api.operations {
        if let Some(name) = renames.get(&(op.source.clone(), op.name.clone())) {
            op.name = name.clone();
        }
    }
    let mut seen: BTreeMap<&str, &Source> = BTreeMap::new();
    for op in &api.operations {
        if let Some(first) = seen.insert(op.name.as_str(), &op.source) {
            diags.warn(
                op.source.clone(),
                format!("two operations are named `{}` (the other at {first}); the method names get a numeric suffix", op.name),
                Some("give one of them another name with an [[api.operation]] overlay".to_string()),
            );
        }
    }
}

/// Paths are relative to the base URL and start with `/`: a path without one would be
/// glued to the host name (another host, with the credentials), and an absolute URL
/// keeps only its path.
fn normalize_paths(api: &mut Api, diags: &mut Diagnostics) {
    let api_base = api.base_url.clone();
    for op in &mut api.operations {
        let Some(path) = op.path.as_mut() else { continue };
        if let Some(rest) = path.strip_prefix("https://").or_else(|| path.strip_prefix("http://")) {
            // Under the base URL: the rest is the path. Elsewhere: keep the URL's path and say so.
            let under_base = api_base.as_deref().and_then(|b| path.strip_prefix(b.trim_end_matches('/'))).filter(|r| r.is_empty() || r.starts_with('/'));
            let relative = match under_base {
                Some(r) => r.to_string(),
                None => {
                    let host_relative = rest.find('/').map_or("/", |i| &rest[i..]).to_string();
                    diags.warn(
                        op.source.clone(),
                        format!("path of `{}` is a full URL `{path}` outside the base URL; using `{host_relative}` relative to the base URL", op.name),
                        Some("give the path relative to `base_url` in docs2rs.toml".to_string()),
                    );
                    host_relative
                }
            };
            *path = relative;
        }
        if let Some(q) = path.find(['?', '#']) {
            path.truncate(q);
        }
        if !path.starts_with('/') {
            path.insert(0, '/');
        }
    }
}

/// A configured base URL may go deeper or shallower than the one the docs state
/// (`https://x.io/v2` vs `https://x.io` + `/v2/users`): paths follow, so no prefix is
/// sent twice or lost. Paths outside a deeper configured base are reported.
fn rebase_on_configured(api: &mut Api, configured: &str, diags: &mut Diagnostics) {
    let Some(stated) = api.base_url.clone() else { return };
    match depth_relation(&stated, configured) {
        Some(Relation::Deeper(extra)) => {
            for op in &mut api.operations {
                let Some(path) = op.path.as_mut() else { continue };
                match strip_path_prefix(path, &extra) {
                    Some(rest) => *path = rest,
                    None => diags.warn(
                        op.source.clone(),
                        format!("path `{path}` of `{}` is not under the configured base URL `{configured}`; sent relative to it", op.name),
                        Some(format!("the docs state `{stated}`; check `base_url` in docs2rs.toml")),
                    ),
                }
            }
        }
        Some(Relation::Shallower(extra)) => prefix_paths(api.operations.iter_mut(), &extra),
        Some(Relation::Same) | None => {}
    }
}

/// A model known only from an example (every field inferred from a sample value).
fn sample_only(m: &Model) -> bool {
    !m.fields.is_empty() && m.fields.iter().all(|f| f.inferred)
}

/// Operations without a method or path cannot be called; keep their models, say what to add.
fn drop_unroutable(api: &mut Api, cfg: &ApiConfig, diags: &mut Diagnostics) {
    let (routable, incomplete): (Vec<Operation>, Vec<Operation>) =
        std::mem::take(&mut api.operations).into_iter().partition(|op| op.method.is_some() && op.path.is_some());
    api.operations = routable;
    for op in &incomplete {
        let what: Vec<&str> = [(op.method.is_none(), "method"), (op.path.is_none(), "path")].into_iter().filter_map(|(m, what)| m.then_some(what)).collect();
        let same_page = api.operations.iter().chain(&incomplete).filter(|o| o.source.file == op.source.file).count();
        let missing = crate::adhoc::Missing::of(op, &api.sources, same_page);
        let existing = cfg.operations.iter().find(|ov| overlay_matches(op, &ov.matches));
        diags.warn(
            op.source.clone(),
            format!("operation `{}` not generated: the page does not state its HTTP {}; its parameters are kept for an overlay", op.name, what.join(" or ")),
            Some(crate::adhoc::unroutable_hint(&missing, cfg, existing)),
        );
    }
    api.incomplete = incomplete;
}

/// Path parameters take their wire names from the path template; placeholders with
/// no documented parameter get a required string parameter and a warning.
fn link_path_params(api: &mut Api, diags: &mut Diagnostics) {
    for op in &mut api.operations {
        let Some(path) = op.path.clone() else { continue };
        let mut holes = path_placeholders(&path);
        let mut seen = BTreeSet::new();
        holes.retain(|h| seen.insert(h.clone()));
        let mut claimed = BTreeSet::new();
        for hole in &holes {
            let found = op
                .params
                .iter()
                .position(|p| matches!(p.location, Location::Path | Location::Query) && loose_key(&p.name) == loose_key(hole) && !claimed.contains(&p.name));
            // A page that lost a parameter's name still lists it: unnamed path parameters
            // take the placeholders no named parameter claims, in order (each is named
            // when taken, so the first unnamed one left is the next).
            let found = found.or_else(|| op.params.iter().position(|p| p.location == Location::Path && p.name.trim().is_empty()));
            match found {
                Some(i) => {
                    let p = &mut op.params[i];
                    if p.name.trim().is_empty() {
                        p.name = hole.clone();
                    }
                    p.location = Location::Path;
                    p.required = true;
                    p.wire_name = hole.clone();
                    claimed.insert(p.name.clone());
                }
                None => {
                    diags.warn(
                        op.source.clone(),
                        format!(
                            "path `{path}` of operation `{}` has `{{{hole}}}` but the docs list no such parameter; added a required string parameter",
                            op.name
                        ),
                        Some("check the path in the docs or the overlay".to_string()),
                    );
                    let mut p = Param::new(hole.clone(), Location::Path, Type::string(), true, op.source.clone());
                    p.wire_name = hole.clone();
                    claimed.insert(p.name.clone());
                    op.params.insert(0, p);
                }
            }
        }
        let unnamed_left = op.params.iter().filter(|p| p.location == Location::Path && p.name.trim().is_empty()).count();
        if unnamed_left > 0 {
            diags.warn(
                op.source.clone(),
                format!("{unnamed_left} unnamed path parameter(s) of `{}` match no placeholder of `{path}`; dropped", op.name),
                Some("check the path in the docs or the overlay".to_string()),
            );
            op.params.retain(|p| !(p.location == Location::Path && p.name.trim().is_empty()));
        }
        for p in op.params.iter_mut().filter(|p| p.location == Location::Path && !claimed.contains(&p.name)) {
            diags.warn(
                p.source.clone(),
                format!(
                    "parameter `{}` of `{}` is documented as a path parameter but `{path}` has no such placeholder; sent as a query parameter",
                    p.name, op.name
                ),
                None,
            );
            p.location = Location::Query;
        }
    }
}

/// Page-derived bodies have no description of their own: a model that is the body or
/// response of exactly one operation says so.
fn describe_page_models(api: &mut Api) {
    let mut roles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for op in &api.operations {
        let at = format!("{} {}", op.method.map_or("", Method::as_str), op.path.as_deref().unwrap_or(""));
        if let Some(name) = op.body().and_then(|b| b.ty.ref_name()) {
            roles.entry(name.to_string()).or_default().push(format!("The request body of `{}` ({at}).", op.name));
        }
        if let Returns::Body { ty } = &op.returns {
            if let Some(name) = ty.ref_name() {
                roles.entry(name.to_string()).or_default().push(format!("The response of `{}` ({at}).", op.name));
            }
        }
        for e in &op.errors {
            if let Some(name) = e.ty.as_ref().and_then(Type::ref_name) {
                roles.entry(name.to_string()).or_default().push(format!("The {} error response of `{}` ({at}).", e.status, op.name));
            }
        }
    }
    for m in api.models.iter_mut().filter(|m| m.description.is_none()) {
        if let Some([role]) = roles.get(&m.name).map(Vec::as_slice) {
            m.description = Some(role.clone());
        }
    }
}

/// Wire names: an override (`Model.field`, `operation.param`, or a bare name for the
/// whole API) beats what the docs show, which beats the case rule. Path parameters keep
/// the template's names. Unused overrides are reported.
fn assign_wire_names(api: &mut Api, cfg: &ApiConfig, diags: &mut Diagnostics) {
    let rule = match cfg.wire_case {
        WireCase::Auto => {
            let (rule, note) = wire::infer(api);
            api.wire_naming = Some(note);
            rule
        }
        explicit => wire::Rule::Explicit(explicit),
    };
    api.wire_case = rule.case();
    let mut used = BTreeSet::new();
    let mut wire = |scope: &str, name: &str, shown: &str, is_field: bool| -> String {
        let scoped = format!("{scope}.{name}");
        if let Some(w) = cfg.wire_names.get(&scoped) {
            used.insert(scoped);
            return w.clone();
        }
        if let Some(w) = cfg.wire_names.get(name) {
            used.insert(name.to_string());
            return w.clone();
        }
        if shown.is_empty() { rule.apply(name, is_field) } else { shown.to_string() }
    };
    for m in &mut api.models {
        for f in &mut m.fields {
            f.wire_name = wire(&m.name, &f.name, &f.wire_name, true);
        }
    }
    for op in &mut api.operations {
        for p in &mut op.params {
            match p.location {
                Location::Body => p.wire_name = p.name.clone(),
                Location::Path => {}
                _ => p.wire_name = wire(&op.name, &p.name, &p.wire_name, false),
            }
        }
    }
    for key in cfg.wire_names.keys().filter(|k| !used.contains(*k)) {
        diags.warn(
            Source::new(cfg.config_label(), 0),
            format!("[api.wire_names] `{key}` matches no field or non-path parameter of API `{}`", api.name),
            Some("keys are `Model.field`, `operation.param` or a bare name, with names as documented".to_string()),
        );
    }
}

/// Every referenced name that is neither a model nor an enum gets a JSON stand-in, so
/// the output compiles; one warning lists them all.
fn add_undocumented(api: &mut Api, diags: &mut Diagnostics) {
    let known: BTreeSet<String> = api.models.iter().map(|m| m.name.clone()).chain(api.enums.iter().map(|e| e.name.clone())).collect();
    // A path, query, header or cookie value travels as text: a type nobody documents
    // (`CollectionIdEnum`) is sent as the text the caller gives.
    for op in &mut api.operations {
        for p in op.params.iter_mut().filter(|p| p.location != Location::Body) {
            if p.ty.ref_name().is_some_and(|n| !known.contains(n)) {
                let was = p.ty.describe();
                p.ty = p.ty.map_inner(&mut |t| if matches!(t, Type::Ref { .. }) { Type::string() } else { t.clone() });
                diags.warn(
                    p.source.clone(),
                    format!("`{}`: parameter `{}` has the type `{was}`, which no input documents; sent as text", op.name, p.name),
                    Some(format!("if it is a number or a flag, set it under [api.types] in docs2rs.toml (`\"{}.{}\" = \"integer\"`)", op.name, p.name)),
                );
            }
        }
    }
    let mut missing: BTreeMap<String, Source> = BTreeMap::new();
    let mut note = |t: &Type, at: &Source| {
        if let Some(n) = t.ref_name().filter(|n| !known.contains(*n) && !missing.contains_key(*n)) {
            missing.insert(n.to_string(), at.clone());
        }
    };
    for m in &api.models {
        for f in &m.fields {
            note(&f.ty, &f.source);
        }
    }
    for op in &api.operations {
        for p in &op.params {
            note(&p.ty, &p.source);
        }
        if let Returns::Body { ty } = &op.returns {
            note(ty, &op.source);
        }
        for e in op.errors.iter().filter_map(|e| e.ty.as_ref()) {
            note(e, &op.source);
        }
    }
    if missing.is_empty() {
        return;
    }
    let first = missing.values().min().cloned().unwrap_or_default();
    let names: Vec<&str> = missing.keys().map(String::as_str).collect();
    diags.warn(
        first,
        format!("{} referenced model(s) are not documented in the inputs of API `{}` and are typed as raw JSON: {}", names.len(), api.name, names.join(", ")),
        Some("add their model docs to the inputs to get typed structs".to_string()),
    );
    for (name, source) in missing {
        api.models.push(Model { name, description: None, fields: Vec::new(), source, undocumented: true });
    }
}

/// `*` matches any run of characters; everything else literally.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

/// Keep the operations matching any pattern, and the models and enums they reach.
/// An API left without operations is the caller's to skip (it is not rewritten).
pub fn retain_operations(api: &mut Api, patterns: &[String]) {
    api.operations.retain(|op| patterns.iter().any(|p| glob_match(p, &op.name)));
    let by_name = models_by_name(&api.models);
    let mut reached: BTreeSet<String> = BTreeSet::new();
    let mut stack: Vec<String> = Vec::new();
    for op in &api.operations {
        stack.extend(op.types().filter_map(|t| t.ref_name().map(String::from)));
    }
    while let Some(name) = stack.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        if let Some(m) = by_name.get(name.as_str()) {
            stack.extend(m.fields.iter().filter_map(|f| f.ty.ref_name().map(String::from)));
        }
    }
    api.models.retain(|m| reached.contains(&m.name));
    api.enums.retain(|e| reached.contains(&e.name));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("get_user*", "get_user_roles"));
        assert!(glob_match("*user*", "get_user_roles"));
        assert!(glob_match("get_user", "get_user"));
        assert!(!glob_match("get_user", "get_users"));
        assert!(!glob_match("a*b*c", "acb"));
    }

    #[test]
    fn placeholders() {
        assert_eq!(path_placeholders("/api/v2/users/{userId}/queues/{queueId}"), vec!["userId", "queueId"]);
        assert_eq!(path_placeholders("/x/{unclosed"), Vec::<String>::new());
    }

    fn op(name: &str, path: &str, params: Vec<Param>) -> Operation {
        Operation { params, returns: Returns::Empty, ..Operation::new(name, Some(Method::Get), Some(path.into()), Source::new("a.md", 1)) }
    }

    #[test]
    fn path_wire_names_come_from_the_template_and_query_names_from_the_case_rule() {
        let src = Source::new("a.md", 2);
        let params = vec![
            Param::new("user_id", Location::Path, Type::string(), true, src.clone()),
            Param::new("page_size", Location::Query, Type::integer(), false, src.clone()),
        ];
        let cfg = ApiConfig { name: "x".into(), wire_case: WireCase::Camel, ..Default::default() };
        let doc = ParsedDoc { operations: vec![op("get_user", "/users/{userId}", params)], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&cfg, vec![("a.md".into(), doc)], &mut d);
        let ps = &api.operations[0].params;
        assert_eq!((ps[0].wire_name.as_str(), ps[1].wire_name.as_str()), ("userId", "pageSize"));
        assert!(d.items().is_empty(), "{:?}", d.items());
    }

    #[test]
    fn overrides_beat_the_case_rule() {
        let src = Source::new("m.md", 3);
        let model = Model {
            name: "Org".into(),
            description: None,
            fields: vec![Field::new("accepts_sms", Type::Boolean, false, src.clone()), Field::new("self_uri", Type::string(), false, src.clone())],
            source: src,
            undocumented: false,
        };
        let mut cfg = ApiConfig { name: "x".into(), wire_case: WireCase::Camel, ..Default::default() };
        cfg.wire_names.insert("Org.accepts_sms".into(), "acceptsSMS".into());
        let doc = ParsedDoc { models: vec![model], ..Default::default() };
        let api = resolve(&cfg, vec![("m.md".into(), doc)], &mut Diagnostics::new());
        let wires: Vec<&str> = api.models[0].fields.iter().map(|f| f.wire_name.as_str()).collect();
        assert_eq!(wires, ["acceptsSMS", "selfUri"]);
    }

    #[test]
    fn unknown_refs_become_one_warning_and_stand_ins() {
        let src = Source::new("m.md", 3);
        let model = Model {
            name: "A".into(),
            description: None,
            fields: vec![Field::new("b", Type::reference("B"), false, src.clone()), Field::new("cs", Type::array(Type::reference("C")), false, src.clone())],
            source: src,
            undocumented: false,
        };
        let doc = ParsedDoc { models: vec![model], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&ApiConfig { name: "x".into(), ..Default::default() }, vec![("m.md".into(), doc)], &mut d);
        assert_eq!(api.models.iter().filter(|m| m.undocumented).count(), 2);
        assert_eq!(d.items().len(), 1);
        assert!(d.items()[0].message.ends_with(": B, C"), "{}", d.items()[0].message);
    }

    #[test]
    fn unnamed_path_params_take_the_unclaimed_placeholders_in_order() {
        let src = Source::new("p.txt", 4);
        let unnamed = |ty: Type| Param::new("", Location::Path, ty, true, src.clone());
        let named = Param::new("org", Location::Path, Type::string(), true, src.clone());
        let o = op("x", "/orgs/{org}/users/{userId}/items/{itemId}", vec![unnamed(Type::string()), named, unnamed(Type::integer())]);
        let doc = ParsedDoc { operations: vec![o], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&ApiConfig::new("x"), vec![("p.txt".into(), doc)], &mut d);
        let ps: Vec<(&str, &Type)> = api.operations[0].params.iter().map(|p| (p.wire_name.as_str(), &p.ty)).collect();
        assert_eq!(ps, [("userId", &Type::string()), ("org", &Type::string()), ("itemId", &Type::integer())]);
        assert!(d.items().is_empty(), "{:?}", d.items());
    }

    #[test]
    fn linked_primitive_names_are_models_only_when_documented() {
        let src = Source::new("m.md", 3);
        let holder = |fields| Model { name: "Plan".into(), description: None, fields, source: src.clone(), undocumented: false };
        let numbers = || vec![Field::new("numbers", Type::array(Type::reference("Number")), false, src.clone())];
        let number_model = Model { name: "Number".into(), description: None, fields: vec![], source: src.clone(), undocumented: false };
        let with = ParsedDoc { models: vec![holder(numbers()), number_model], ..Default::default() };
        let api = resolve(&ApiConfig::new("x"), vec![("m.md".into(), with)], &mut Diagnostics::new());
        assert_eq!(api.models.iter().find(|m| m.name == "Plan").unwrap().fields[0].ty, Type::array(Type::reference("Number")));
        let without = ParsedDoc { models: vec![holder(numbers())], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&ApiConfig::new("x"), vec![("m.md".into(), without)], &mut d);
        assert_eq!(api.models[0].fields[0].ty, Type::array(Type::Number));
        assert!(d.items().is_empty(), "no undocumented-model warning for a primitive: {:?}", d.items());
    }

    #[test]
    fn type_overrides_replace_documented_types() {
        let src = Source::new("m.md", 3);
        let model = Model {
            name: "Resp".into(),
            description: None,
            fields: vec![Field::new("status", Type::Any, false, src.clone())],
            source: src.clone(),
            undocumented: false,
        };
        let status = Model { name: "Status".into(), description: None, fields: vec![], source: src.clone(), undocumented: false };
        let cfg = ApiConfig::new("x").with_type("Resp.status", "Status").with_type("get.returns", "Array<Status>").with_type("Nope.x", "string");
        let doc = ParsedDoc { models: vec![model, status], operations: vec![op("get", "/x", vec![])], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&cfg, vec![("m.md".into(), doc)], &mut d);
        assert_eq!(api.models[0].fields[0].ty, Type::reference("Status"));
        assert_eq!(api.operations[0].returns, Returns::Body { ty: Type::array(Type::reference("Status")) });
        assert_eq!(d.items().len(), 1);
        assert!(d.items()[0].message.contains("`Nope.x` matches no field"));
    }

    #[test]
    fn paths_are_relative_and_rebased_once() {
        let mut o = op("a", "users/{id}", vec![Param::new("id", Location::Path, Type::string(), true, Source::new("a.md", 1))]);
        o.path = Some("users/{id}".into());
        let page = ParsedDoc { base_url: Some("https://x.io".into()), operations: vec![op("b", "/v2/items", vec![])], ..Default::default() };
        let sdk = ParsedDoc { base_url: Some("https://x.io/v2".into()), operations: vec![o], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&ApiConfig::new("x"), vec![("a.md".into(), sdk), ("b.txt".into(), page)], &mut d);
        let paths: Vec<&str> = api.operations.iter().map(|o| o.path.as_deref().unwrap()).collect();
        // The shallower base wins and the deeper document's paths carry the difference.
        assert_eq!(paths, ["/v2/users/{id}", "/v2/items"]);
        assert_eq!(api.base_url.as_deref(), Some("https://x.io"));
        assert!(d.items().is_empty(), "{:?}", d.items());
        let cfg = ApiConfig::new("x").with_base_url("https://x.io/v2");
        let page = ParsedDoc { base_url: Some("https://x.io".into()), operations: vec![op("b", "/v2/items", vec![])], ..Default::default() };
        let api = resolve(&cfg, vec![("b.txt".into(), page)], &mut Diagnostics::new());
        assert_eq!(api.operations[0].path.as_deref(), Some("/items"), "the configured prefix is not sent twice");
        let page =
            ParsedDoc { base_url: Some("https://x.io".into()), operations: vec![op("c", "/v2", vec![]), op("d", "/health", vec![])], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&cfg, vec![("c.txt".into(), page)], &mut d);
        let paths: Vec<&str> = api.operations.iter().map(|o| o.path.as_deref().unwrap()).collect();
        assert_eq!(paths, ["/", "/health"]);
        assert!(d.items()[0].message.contains("not under the configured base URL"), "{:?}", d.items());
    }

    #[test]
    fn location_overrides_move_parameters() {
        let key = Param::new("api_key", Location::Query, Type::string(), true, Source::new("a.md", 1));
        let mut cfg = ApiConfig::new("x");
        cfg.locations.insert("delete_pet.api_key".into(), Location::Header);
        let doc = ParsedDoc { operations: vec![op("delete_pet", "/pet", vec![key])], ..Default::default() };
        let api = resolve(&cfg, vec![("a.md".into(), doc)], &mut Diagnostics::new());
        assert_eq!(api.operations[0].params[0].location, Location::Header);
    }

    #[test]
    fn chained_overlay_renames_do_not_collide() {
        use crate::config::OperationOverlay;
        let ov = |m: &str, n: &str| OperationOverlay { matches: m.into(), name: Some(n.into()), ..Default::default() };
        let mut a = op("delete_pet_v2", "/a", vec![]);
        a.source = Source::new("a.md", 1);
        let mut b = op("delete_pet", "/b", vec![]);
        b.source = Source::new("a.md", 9);
        let cfg = ApiConfig::new("x").with_operation(ov("delete_pet_v2", "delete_pet")).with_operation(ov("delete_pet", "delete_pet_legacy"));
        let doc = ParsedDoc { operations: vec![a, b], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&cfg, vec![("a.md".into(), doc)], &mut d);
        let names: Vec<(&str, &str)> = api.operations.iter().map(|o| (o.name.as_str(), o.path.as_deref().unwrap())).collect();
        assert_eq!(names, [("delete_pet", "/a"), ("delete_pet_legacy", "/b")]);
        assert!(d.items().is_empty(), "{:?}", d.items());
    }

    #[test]
    fn unroutable_operations_are_skipped_with_a_hint() {
        let mut o = op("update_user", "/x", vec![]);
        o.path = None;
        let doc = ParsedDoc { operations: vec![o], ..Default::default() };
        let mut d = Diagnostics::new();
        let api = resolve(&ApiConfig { name: "x".into(), ..Default::default() }, vec![("p.txt".into(), doc)], &mut d);
        assert!(api.operations.is_empty());
        assert_eq!(api.incomplete.len(), 1, "kept for an overlay");
        assert!(d.items()[0].message.contains("not generated"));
        // The hint asks only for what the page lacks: the path, not the method it states.
        let hint = d.items()[0].hint.as_deref().unwrap();
        assert!(hint.contains("path = \"/…\"") && !hint.contains("method"), "{hint}");
    }

    #[test]
    fn enums_are_named_after_their_owner_and_shared_when_equal() {
        let src = Source::new("a.md", 2);
        let mut p = Param::new("state", Location::Query, Type::string(), false, src.clone());
        p.enum_values = vec![EnumValue::new("active"), EnumValue::new("deleted")];
        let doc = ParsedDoc { operations: vec![op("get_users", "/users", vec![p])], ..Default::default() };
        let api = resolve(&ApiConfig { name: "x".into(), ..Default::default() }, vec![("a.md".into(), doc)], &mut Diagnostics::new());
        assert_eq!(api.enums[0].name, "GetUsersState");
        assert_eq!(api.operations[0].params[0].ty, Type::reference("GetUsersState"));
    }
}
