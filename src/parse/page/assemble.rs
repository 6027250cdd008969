//! What the reader found on a page → schema operations and models.
//!
//! Places parameters the page did not place (a `{placeholder}` of the path is a path
//! parameter; on GET and DELETE anything else is a query parameter, never a body), turns
//! body and response fields into `<Op>Request` / `<Op>Response` models (nested objects into
//! nested models), and falls back to the examples when the page lists no fields.

use super::op::{ModelDoc, OpDoc};
use super::segment::Segment;
use crate::diag::Diagnostics;
use crate::parse::recognise::endpoint::Endpoint;
use crate::parse::recognise::example::{Json, example_fields, text_value_type as value_type};
use crate::parse::recognise::field::FieldDoc;
use crate::parse::text::loose_key;
use crate::parse::vocab::sections::Place;
use crate::parse::vocab::type_words::TypeWords;
use crate::schema::{BodyKind, EnumValue, ErrorDoc, Field, Location, Method, Model, Operation, Param, Returns, Source, Type, path_placeholders};
use heck::ToUpperCamelCase;

/// A path read from an example call (`/orgs/ORG/repos`): segments that spell a documented
/// path parameter (`org`) are its placeholder.
fn template_from_example(e: &Endpoint, doc: &OpDoc) -> String {
    if e.evidence != crate::parse::recognise::endpoint::Evidence::Example {
        return e.path.clone();
    }
    let path_params: Vec<&str> =
        doc.params.iter().filter(|(p, f)| *p == Some(Place::Path) || f.place == Some(Place::Path)).map(|(_, f)| f.name.as_str()).collect();
    let mut segments: Vec<String> = e
        .path
        .split('/')
        .map(|s| match path_params.iter().find(|p| !s.is_empty() && loose_key(p) == loose_key(s)) {
            Some(p) => format!("{{{p}}}"),
            // `GROUP_UUID`, `ORG_ID`: a sample's stand-in for a value.
            None if is_screaming_placeholder(s) => format!("{{{s}}}"),
            None => s.to_string(),
        })
        .collect();
    // Parameters the sample shows by value (`/applications/Iv1.8a61f9/grant` for
    // `client_id`): as many value-like segments as unplaced parameters, in order.
    let unplaced: Vec<&str> = path_params.iter().copied().filter(|p| !segments.iter().any(|s| s == &format!("{{{p}}}"))).collect();
    let values: Vec<usize> = (0..segments.len()).filter(|&i| is_value_segment(&segments[i])).collect();
    if !unplaced.is_empty() && values.len() == unplaced.len() {
        for (i, p) in values.into_iter().zip(unplaced) {
            segments[i] = format!("{{{p}}}");
        }
    }
    segments.join("/")
}

/// `GROUP_UUID`, `ACCOUNT_ID`: upper-case words joined by underscores, as samples spell
/// what the caller fills in.
fn is_screaming_placeholder(s: &str) -> bool {
    s.contains('_') && s.starts_with(|c: char| c.is_ascii_uppercase()) && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A path segment that is a value, not a word of the API (`42`, `Iv1.8a61f9b3`, a UUID);
/// version segments (`v3`, `2.1`) are the API's.
fn is_value_segment(s: &str) -> bool {
    let version = s.strip_prefix(['v', 'V']).unwrap_or(s).split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    !s.is_empty() && !s.contains('{') && s.chars().any(|c| c.is_ascii_digit()) && !version
}

/// What the whole page says, for every operation on it.
#[derive(Debug, Default)]
pub struct PageFacts {
    /// What bare body and response fields mean on the page ([`fields_rule`]), for an
    /// operation whose own fields carry no badge.
    pub rule: Option<bool>,
    /// The same for parameters.
    pub params_rule: Option<bool>,
    /// Enumerations the page lists, by name.
    pub enums: Vec<(String, Vec<String>)>,
    /// Models the page defines, by name.
    pub models: Vec<String>,
}

impl PageFacts {
    /// Facts from every operation's part of the page; the models and enumerations move to
    /// the page (a script at the top may define what every operation uses).
    pub fn gather(docs: &mut [&mut OpDoc]) -> (PageFacts, Vec<ModelDoc>) {
        let rule = fields_rule(docs.iter().map(|d| &**d));
        let params_rules: Vec<bool> = docs.iter().filter_map(|d| bare_rule(d.params.iter().map(|(_, f)| f).chain(&d.unsectioned))).collect();
        let params_rule = params_rules.first().copied().filter(|r| params_rules.iter().all(|x| x == r));
        let mut models: Vec<ModelDoc> = docs.iter_mut().flat_map(|d| std::mem::take(&mut d.models)).collect();
        let enums = docs.iter_mut().flat_map(|d| std::mem::take(&mut d.enums)).collect();
        compose_unions(&mut models);
        let names = models.iter().map(|m| m.name.clone()).collect();
        (PageFacts { rule, params_rule, enums, models: names }, models)
    }
}

/// `oneOf` / `anyOf` models: the fields of every member, none of them required.
fn compose_unions(models: &mut [ModelDoc]) {
    for i in 0..models.len() {
        if !models[i].fields.is_empty() || models[i].union_of.is_empty() {
            continue;
        }
        let mut fields: Vec<FieldDoc> = Vec::new();
        for member in models[i].union_of.clone() {
            for f in models.iter().find(|m| m.name == member).map(|m| m.fields.clone()).unwrap_or_default() {
                if !fields.iter().any(|x| x.name == f.name) {
                    fields.push(FieldDoc { required: Some(false), ..f });
                }
            }
        }
        models[i].fields = fields;
    }
}

/// The models a page defines.
pub fn models(file: &str, docs: Vec<ModelDoc>, facts: &PageFacts, diags: &mut Diagnostics) -> Vec<Model> {
    let mut ctx = Ctx { file, diags, models: Vec::new(), untyped: Vec::new() };
    let mut holder = OpDoc { models: docs, ..OpDoc::default() };
    page_types(&mut holder, facts);
    for mut m in holder.models {
        if m.fields.is_empty() {
            m.fields = std::mem::take(&mut m.sample);
        }
        let rule = bare_rule(m.fields.iter());
        settle_required(m.fields.iter_mut(), rule);
        let fields = ctx.fields(nest_dotted(m.fields), &m.name);
        ctx.models.push(Model { name: m.name, description: None, fields, source: Source::new(file, m.line), undocumented: false });
    }
    ctx.models
}

/// One operation (with the models it defines) from one segment.
pub fn operation(file: &str, name: String, seg: &Segment, mut doc: OpDoc, facts: &PageFacts, diags: &mut Diagnostics) -> (Operation, Vec<Model>) {
    let page_rule = facts.rule;
    let endpoint: Option<&Endpoint> = seg.anchor.as_ref().map(|a| &a.endpoint);
    let method = endpoint.map(|e| e.method);
    let path = endpoint.map(|e| template_from_example(e, &doc));
    let line = seg.anchor.as_ref().map(|a| a.endpoint.clone()).and_then(|_| doc.title.as_ref().map(|t| t.1)).or(doc.title.as_ref().map(|t| t.1)).unwrap_or(1);
    let source = Source::new(file, line);
    let pascal = name.to_upper_camel_case();
    let template: Vec<String> = path.as_deref().map(path_placeholders).unwrap_or_default();
    let has_body = !matches!(method, Some(Method::Get | Method::Delete | Method::Head | Method::Options) | None);
    let mut ctx = Ctx { file, diags, models: Vec::new(), untyped: Vec::new() };
    page_types(&mut doc, facts);
    // Each side on its own (Zudoku marks parameters `required` and body fields
    // `optional`); a side with no marks follows the other (apiDoc marks only `optional`).
    let params_rule = bare_rule(doc.params.iter().map(|(_, f)| f).chain(&doc.unsectioned));
    let body_rule = bare_rule(doc.body.iter());
    settle_required(doc.params.iter_mut().map(|(_, f)| f).chain(doc.unsectioned.iter_mut()), params_rule.or(body_rule).or(facts.params_rule));
    settle_required(doc.body.iter_mut(), body_rule.or(params_rule).or(page_rule));
    let response_rule = bare_rule(doc.response.iter());
    settle_required(doc.response.iter_mut(), response_rule.or(body_rule).or(page_rule));

    nest_under_body(&mut doc.unsectioned);

    // Place every parameter.
    let mut params: Vec<Param> = Vec::new();
    let mut extra_body: Vec<FieldDoc> = Vec::new();
    let placed = doc.params.drain(..).map(|(p, f)| (p, f, false)).chain(doc.unsectioned.drain(..).map(|f| (None, f, true)));
    for (place, f, unsectioned) in placed {
        let in_template = template.iter().any(|t| loose_key(t) == loose_key(&f.name));
        // `URI Parameters` (ASP.NET, Azure) hold the query too: a name the URL shows as a
        // query parameter is one.
        let in_query = endpoint.is_some_and(|e| e.query.iter().any(|q| loose_key(q) == loose_key(&f.name)));
        let place = match place {
            Some(Place::Path) if f.place.is_none() && !in_template && in_query => Some(Place::Query),
            other => other,
        };
        let place = f.place.or(place).or_else(|| {
            if in_template {
                Some(Place::Path)
            } else if is_header_name(&f.name) {
                Some(Place::Header)
            } else if has_body && !(unsectioned && doc.body_kind.is_none() && !doc.body.is_empty()) {
                None
            } else {
                Some(Place::Query)
            }
        });
        match place {
            Some(p) => {
                let location = match p {
                    Place::Path => Location::Path,
                    Place::Query => Location::Query,
                    Place::Header => Location::Header,
                    Place::Cookie => Location::Cookie,
                };
                // A `Cookie` header documented as `session=<id>` is that cookie.
                let (location, f) = match cookie_of_header(location, &f) {
                    Some(cookie) => (Location::Cookie, cookie),
                    None => (location, f),
                };
                // The auth header is configured once per API; the media-type and cookie
                // headers follow from the body and the cookie parameters.
                if location == Location::Header && ["authorization", "accept", "content-type", "cookie"].contains(&f.name.to_ascii_lowercase().as_str()) {
                    continue;
                }
                let mut f = f;
                if location == Location::Path && f.ty.is_none() {
                    // A path parameter is text unless the template's converter says more.
                    let typed = endpoint.and_then(|e| e.typed.iter().find(|(n, _)| loose_key(n) == loose_key(&f.name)).map(|(_, t)| t.clone()));
                    f.ty = Some(TypeWords::new(typed.unwrap_or_else(Type::string), "path"));
                }
                let field = ctx.field(f, &format!("{pascal}Param"));
                params.push(param(field, location));
            }
            None => extra_body.push(f),
        }
    }
    // Placeholders nobody documented, and query names printed in the URL. A request sample
    // that carries the same name (ServiceStack's DTOs) shows its type.
    let sampled = |name: &str| match &doc.request_example {
        Some((Json::Object(members), _)) => members
            .iter()
            .find(|(k, _)| loose_key(k) == loose_key(name))
            .map(|(_, v)| crate::parse::recognise::example::sample_type(v))
            .filter(|t| matches!(t, Type::Integer { .. } | Type::Number | Type::Boolean | Type::String { .. })),
        _ => None,
    };
    for placeholder in &template {
        if !params.iter().any(|p| p.location == Location::Path && (p.name == *placeholder || loose_key(&p.name) == loose_key(placeholder))) {
            let ty = endpoint
                .and_then(|e| e.typed.iter().find(|(n, _)| n == placeholder).map(|(_, t)| t.clone()))
                .or_else(|| sampled(placeholder))
                .unwrap_or_else(Type::string);
            let mut p = Param::new(placeholder.clone(), Location::Path, ty, true, source.clone());
            p.wire_name = placeholder.clone();
            params.push(p);
        }
    }
    for q in endpoint.map(|e| e.query.clone()).unwrap_or_default() {
        let value = endpoint.and_then(|e| e.query_values.iter().find(|(k, _)| *k == q)).map(|(_, v)| v.as_str());
        match params.iter_mut().find(|p| p.name == q) {
            // Postman lists query parameters without types; the URL's example value has one.
            Some(p) if p.ty == Type::Any => p.ty = value.map_or(Type::string(), value_type),
            Some(_) => {}
            None => {
                // A query name in an example URL is optional; in a template it is part of the call.
                let required = value.is_none_or(|v| v.starts_with('{'));
                let mut p = Param::new(q.clone(), Location::Query, value.map_or(Type::string(), value_type), required, source.clone());
                p.wire_name = q;
                params.push(p);
            }
        }
    }
    for (q, value) in std::mem::take(&mut doc.url_query) {
        if !params.iter().any(|p| p.name == q || p.wire_name == q) {
            let mut p = Param::new(q.clone(), Location::Query, value_type(&value), false, source.clone());
            p.wire_name = q;
            params.push(p);
        }
    }
    // A path parameter the path has no placeholder for (a request type shared by several
    // routes) cannot be sent on this one.
    if path.is_some() {
        let (kept, stray): (Vec<Param>, Vec<Param>) =
            params.drain(..).partition(|p| p.location != Location::Path || template.iter().any(|t| loose_key(t) == loose_key(&p.name)));
        params = kept;
        for p in stray {
            ctx.diags.warn(
                p.source.clone(),
                format!("`{name}`: `{}` is documented as a path parameter but the path has no `{{{}}}`; not sent", p.name, p.name),
                Some("if the path is wrong, fix it with an [[api.operation]] overlay in docs2rs.toml".to_string()),
            );
        }
    }
    // A parameter travels as text: without a stated type it is a string, or what its default
    // shows (`false`, `50`).
    let mut untyped_params = Vec::new();
    for p in params.iter_mut().filter(|p| p.ty == Type::Any && p.location != Location::Body) {
        p.ty = p.default.as_deref().map_or_else(Type::string, value_type);
        ctx.untyped.retain(|n| *n != p.name);
        untyped_params.push(p.name.clone());
    }
    dedup_params(&mut params, ctx.diags);

    // The request body.
    let mut body_fields = std::mem::take(&mut doc.body);
    if let Some((sample, line)) = &doc.request_example {
        body_fields = nest_by_sample(body_fields, sample);
        if let Some((sampled, _)) = example_fields(sample, *line) {
            type_from_sample(&mut body_fields, &sampled);
        }
    }
    super::trace!(
        "assemble {name} body={:?} sample={} method={method:?}",
        body_fields.iter().map(|f| &f.name).collect::<Vec<_>>(),
        doc.request_example.is_some()
    );
    body_fields.extend(extra_body);
    wrap_in_sample_array(&mut body_fields, doc.request_example.as_ref());
    // Swagger 2.0's one `body` parameter, its fields nested under it (`» name` rows) — unless
    // the sample shows it as a key of the body (OpenStack's `{"server": {…}}` wrapper).
    let sample_keys: Vec<&str> = match &doc.request_example {
        Some((Json::Object(members), _)) => members.iter().map(|(k, _)| k.as_str()).collect(),
        _ => Vec::new(),
    };
    if let [only] = body_fields.as_mut_slice() {
        if !only.children.is_empty()
            && !sample_keys.contains(&only.name.as_str())
            && only.ty.as_ref().is_none_or(|t| matches!(t.ty, Type::Any | Type::Ref { .. }) || t.loose)
        {
            body_fields = std::mem::take(&mut only.children);
        }
    }
    // A lone `in: body` parameter without a model (`request`, typed by its example): the
    // example shows the body's fields.
    if let ([only], Some((json, line))) = (body_fields.as_slice(), &doc.request_example) {
        if only.children.is_empty() && only.ty.as_ref().is_none_or(|t| matches!(t.ty, Type::Any)) {
            if let Some((fields, _)) = example_fields(json, *line) {
                body_fields = fields;
            }
        }
    }
    if body_fields.is_empty() && has_body {
        if let Some((json, line)) = &doc.request_example {
            if let Some((fields, _)) = example_fields(json, *line) {
                body_fields = fields;
            }
        }
        if body_fields.is_empty() {
            let names: Vec<String> = doc.requests.iter().flat_map(|r| r.form_fields.clone()).collect();
            let files: Vec<String> = doc.requests.iter().flat_map(|r| r.files.clone()).collect();
            for n in names {
                if !body_fields.iter().any(|f| f.name == n) {
                    let mut f = FieldDoc::named(&n, line);
                    if files.contains(&n) {
                        f.ty = crate::parse::vocab::type_words::type_words("string <binary>", false);
                    }
                    f.inferred = true;
                    body_fields.push(f);
                }
            }
        }
    }
    let mut body_kind = doc.body_kind.filter(|k| *k != BodyKind::Json);
    // A form with a file in it can only be sent as multipart.
    let has_file = body_fields.iter().any(|f| {
        f.ty.as_ref().is_some_and(|t| matches!(&t.ty, Type::String { format: Some(f) } if f == "binary"))
            || f.description.as_deref().is_some_and(|d| d.to_lowercase().contains("multipart"))
    });
    if has_file && body_kind == Some(BodyKind::Form) {
        body_kind = Some(BodyKind::Multipart);
    }
    // One body parameter typed by a model (swagger 2.0 renderings, `PlantCreate PlantCreate
    // (required)`): it is the body.
    let whole_body = match body_fields.as_slice() {
        [only]
            if only.ty.as_ref().is_some_and(|t| t.ty.ref_name().is_some() && !matches!(t.ty, Type::Map { .. }))
                && (only.in_body.is_some()
                    || matches!(only.name.as_str(), "body" | "payload" | "request" | "data")
                    || only.ty.as_ref().and_then(|t| t.ty.ref_name()).is_some_and(|r| r.eq_ignore_ascii_case(&only.name))) =>
        {
            only.ty.as_ref().map(|t| t.ty.clone())
        }
        _ => None,
    };
    let body = if let Some(ty) = whole_body {
        Some(ty)
    } else if body_fields.is_empty() {
        doc.body_statement.take().filter(|_| has_body).map(|t| t.ty)
    } else {
        mark_literal_names(&mut body_fields, doc.request_example.as_ref());
        // A form sends `chapter[title]` as one field of that name.
        if matches!(body_kind, Some(BodyKind::Form | BodyKind::Multipart)) {
            for f in body_fields.iter_mut().filter(|f| f.name.contains('[')) {
                f.literal_name = true;
            }
        }
        let fields = ctx.fields(nest_dotted(body_fields), &format!("{pascal}Request"));
        let model = format!("{pascal}Request");
        ctx.models.push(Model { name: model.clone(), description: None, fields, source: source.clone(), undocumented: false });
        Some(Type::reference(model))
    };
    if let Some(ty) = body {
        params.push(Param::new("body", Location::Body, ty, true, source.clone()));
    } else {
        body_kind = None;
    }

    // The response.
    let mut response = std::mem::take(&mut doc.response);
    if let Some((sample, line)) = &doc.response_example {
        wrap_in_sample_envelope(&mut response, sample, *line);
        response = nest_by_sample(response, sample);
        // A list cut short (a truncated page) under a sample that shows every documented
        // field: the sample's other keys are fields too.
        if let Some((sampled, _)) = example_fields(sample, *line).filter(|_| !response.is_empty()) {
            type_from_sample(&mut response, &sampled);
            // (`seatMapInfo.seat` is a member of the sample's `seatMapInfo`.)
            let top = |f: &FieldDoc| f.name.split('.').next().unwrap_or("").to_string();
            let covers = response.iter().all(|f| sampled.iter().any(|s| s.name == top(f)));
            if covers {
                let extra: Vec<FieldDoc> = sampled.into_iter().filter(|s| !response.iter().any(|f| top(f) == s.name)).collect();
                response.extend(extra);
            }
        }
    }
    let mut array = doc.response_array;
    // `Returns the Appointment object` with the model documented on another page (or not at
    // all): the sample stands in for it under that name; a documented one replaces it.
    let named_elsewhere = doc.response_statement.as_ref().and_then(|t| t.ty.ref_name()).filter(|n| !facts.models.iter().any(|m| m == n)).map(str::to_string);
    if let (Some(name), Some((json, line)), true) = (named_elsewhere, &doc.response_example, response.is_empty()) {
        if let Some((fields, _)) = example_fields(json, *line) {
            let fields = ctx.fields(nest_dotted(fields), &name);
            ctx.models.push(Model { name, description: None, fields, source: source.clone(), undocumented: false });
        }
    }
    // A named response type beats fields guessed from an example.
    if response.iter().all(|f| f.inferred) && doc.response_statement.as_ref().is_some_and(|t| t.ty.ref_name().is_some()) {
        response.clear();
    }
    if response.is_empty() && !doc.response_empty && doc.response_statement.is_none() {
        if let Some((json, line)) = &doc.response_example {
            if let Some((fields, is_array)) = example_fields(json, *line) {
                response = fields;
                array = is_array;
            }
        }
    }
    let returns = if !response.is_empty() {
        let model = format!("{pascal}Response");
        mark_literal_names(&mut response, doc.response_example.as_ref());
        let fields = ctx.fields(nest_dotted(response), &model);
        ctx.models.push(Model { name: model.clone(), description: None, fields, source: source.clone(), undocumented: false });
        let ty = Type::reference(model);
        Returns::Body { ty: if array { Type::array(ty) } else { ty } }
    } else if doc.response_empty {
        Returns::Empty
    } else if let Some(t) = doc.response_statement.take() {
        Returns::Body { ty: t.ty }
    } else {
        Returns::Unknown
    };

    let errors = std::mem::take(&mut doc.errors).into_iter().map(|e| error_doc(e, &pascal, &source, &mut ctx)).collect();

    if !ctx.untyped.is_empty() {
        let names = ctx.untyped.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        ctx.diags.warn(
            source.clone(),
            format!("`{name}`: the page states no type for {names}; typed as JSON values"),
            Some(format!("set the types under [api.types] in docs2rs.toml (`\"{pascal}Request.field\" = \"string\"`, `\"{name}.param\" = \"integer\"`)")),
        );
    }
    if !untyped_params.is_empty() {
        let names = untyped_params.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        ctx.diags.warn(
            source.clone(),
            format!("`{name}`: the page states no type for parameter {names}; sent as strings (or as their default value shows)"),
            Some(format!("set the types under [api.types] in docs2rs.toml (`\"{name}.param\" = \"integer\"`)")),
        );
    }
    let description = (!doc.description.is_empty()).then(|| doc.description.join("\n\n"));
    let op = Operation {
        name,
        method,
        path,
        summary: doc.title.map(|t| t.0),
        description,
        permissions: None,
        deprecated: doc.deprecated,
        params,
        body_kind,
        content_type: None,
        returns,
        errors,
        accept: None,
        source,
        overlaid: Vec::new(),
        paging: None,
        group: None,
    };
    (op, ctx.models)
}

/// A documented error: fields (or a sample) listed on the page become the model
/// `<Op><Status>Error` (`GetBookNotFoundError`), as the success body becomes `<Op>Response`.
fn error_doc(e: super::op::ErrorRead, pascal: &str, source: &Source, ctx: &mut Ctx<'_>) -> ErrorDoc {
    let mut fields = e.fields;
    let mut description = e.description;
    // Names without any type (apiDoc's `Error 4xx` table: `UserNotFound | The id …`) are
    // the error's codes, not its body's fields.
    if !fields.is_empty() && fields.iter().all(|f| f.ty.is_none() && f.children.is_empty()) {
        let codes: Vec<String> = fields.iter().map(|f| format!("`{}`: {}", f.name, f.description.as_deref().unwrap_or("").trim())).collect();
        description = Some(description.into_iter().chain(codes).collect::<Vec<_>>().join("\n"));
        fields.clear();
    }
    if fields.is_empty() && e.statement.is_none() {
        if let Some((json, line)) = &e.sample {
            fields = example_fields(json, *line).filter(|(_, array)| !array).map(|(f, _)| f).unwrap_or_default();
        }
    }
    let ty = if fields.is_empty() {
        e.statement.map(|t| t.ty)
    } else {
        let status = crate::schema::status_name(&e.status);
        let name = if status.ends_with("Error") { format!("{pascal}{status}") } else { format!("{pascal}{status}Error") };
        mark_literal_names(&mut fields, e.sample.as_ref());
        let fields = ctx.fields(nest_dotted(fields), &name);
        ctx.models.push(Model { name: name.clone(), description: None, fields, source: Source::new(&source.file, e.line), undocumented: false });
        Some(Type::reference(name))
    };
    ErrorDoc::new(e.status, ty, description)
}

/// Generators mark only one side: Scribe prints `optional` and leaves required fields
/// bare, Stripe prints `Required` and leaves optional ones bare. When the fields of one
/// side of an operation carry only one of the two badges, the bare ones are the other.
/// A schema view copied as text loses its indentation (`items` / `Array of object` / `sku`
/// / … / `page`): the sample shows which of the following fields are members of an object
/// field — keys of its value there and not of the top level.
fn nest_by_sample(fields: Vec<FieldDoc>, sample: &Json) -> Vec<FieldDoc> {
    let members = crate::parse::recognise::example::member_names;
    let top = match sample {
        Json::Array(items) => items.first().map(&members).unwrap_or_default(),
        other => members(other),
    };
    let value_of = |name: &str| -> Option<&Json> {
        let object = match sample {
            Json::Array(items) => items.first()?,
            other => other,
        };
        match object {
            Json::Object(m) => m.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    };
    if fields.iter().any(|f| f.depth > 0 || !f.children.is_empty()) || top.is_empty() {
        return fields;
    }
    let mut out: Vec<FieldDoc> = Vec::new();
    let mut open: Option<(usize, Vec<String>)> = None;
    let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    for (i, f) in fields.into_iter().enumerate() {
        if let Some((at, inner)) = &open {
            let member = |n: &String| inner.contains(n) && !top.contains(n);
            // A member the sample leaves out, between members it shows (`petid` between
            // `name` and `photoUrls`), is one too.
            if member(&f.name) || !top.contains(&f.name) && names[i + 1..].iter().any(member) {
                out[*at].children.push(f);
                continue;
            }
        }
        open = value_of(&f.name).map(&members).filter(|m| !m.is_empty()).map(|m| (out.len(), m));
        out.push(f);
    }
    out
}

/// Fields listed without a type (sphinx's `servers – The list of servers`) take the type
/// the sample shows for them, and its members.
/// Slate pages document the items of the one array their body sample wraps them in
/// (`{"actions": [{…}]}` above an `Action` table): the body is that array, under its key.
fn wrap_in_sample_array(fields: &mut Vec<FieldDoc>, sample: Option<&(Json, u32)>) {
    let Some((Json::Object(members), line)) = sample else { return };
    let [(key, Json::Array(items))] = members.as_slice() else { return };
    let Some(Json::Object(item)) = items.first() else { return };
    let shared = fields.iter().filter(|f| item.iter().any(|(k, _)| *k == f.name)).count();
    if shared < 2 || shared * 2 < fields.len() || fields.iter().any(|f| f.name == *key) {
        return;
    }
    let mut wrapper = FieldDoc::named(key, *line);
    wrapper.ty = Some(TypeWords::new(Type::array(Type::Any), "sample"));
    wrapper.required = Some(true);
    wrapper.inferred = true;
    wrapper.children = std::mem::take(fields);
    fields.push(wrapper);
}

/// A field table that documents what the sample's envelope wraps (`access_token` under
/// `{"code": 200, "data": {"access_token": …}, "msg": …}`): the response is the envelope,
/// its wrapping member typed by the table.
fn wrap_in_sample_envelope(fields: &mut Vec<FieldDoc>, sample: &Json, line: u32) {
    let Json::Object(top) = sample else { return };
    if fields.is_empty() || fields.iter().any(|f| top.iter().any(|(k, _)| *k == f.name)) {
        return;
    }
    let keys_of = crate::parse::recognise::example::member_names;
    let holders: Vec<&(String, Json)> = top.iter().filter(|(_, v)| fields.iter().any(|f| keys_of(v).contains(&f.name))).collect();
    let [(key, value)] = holders.as_slice() else { return };
    let Some((mut envelope, _)) = example_fields(sample, line) else { return };
    if let Some(wrapper) = envelope.iter_mut().find(|f| f.name == *key) {
        wrapper.children = std::mem::take(fields);
        if matches!(value, Json::Array(_)) {
            wrapper.ty = Some(TypeWords::new(Type::array(Type::Any), "sample"));
        }
    }
    *fields = envelope;
}

fn type_from_sample(fields: &mut [FieldDoc], sampled: &[FieldDoc]) {
    for f in fields.iter_mut().filter(|f| f.ty.is_none()) {
        if let Some(s) = sampled.iter().find(|s| s.name == f.name).filter(|s| s.ty.as_ref().is_some_and(|t| t.ty != Type::Any)) {
            f.ty = s.ty.clone();
            if f.children.is_empty() {
                f.children = s.children.clone();
            }
        }
    }
}

/// The older Azure reference lists a body parameter's properties right after it, without
/// an `in` of their own: they are its fields, up to the next parameter that states a place.
fn nest_under_body(fields: &mut Vec<FieldDoc>) {
    let holder = |f: &FieldDoc| f.in_body.is_some() && f.ty.as_ref().is_some_and(|t| t.ty.ref_name().is_some());
    if !fields.iter().any(holder) {
        return;
    }
    let mut out: Vec<FieldDoc> = Vec::new();
    let mut holding: Option<usize> = None;
    for f in std::mem::take(fields) {
        let placed = f.place.is_some() || f.in_body.is_some();
        match holding {
            Some(h) if !placed => out[h].children.push(f),
            _ => {
                holding = holder(&f).then_some(out.len());
                out.push(f);
            }
        }
    }
    *fields = out;
}

/// Types named after what the page itself documents: an enumeration it lists (its values,
/// as strings) or a model it defines, whatever the name's casing (`systemData`).
fn page_types(doc: &mut OpDoc, facts: &PageFacts) {
    let (models, enums) = (&facts.models, &facts.enums);
    let apply = |f: &mut FieldDoc| {
        let spelled =
            f.ty.as_ref()
                .map(|t| t.spelled.trim_end_matches('?').trim().to_string())
                .or_else(|| f.constraints.iter().find_map(|c| c.strip_prefix("type: ")).map(str::to_string));
        let Some(spelled) = spelled else { return };
        let named = |n: &str| f.ty.as_ref().and_then(|t| t.ty.ref_name()) == Some(n) || spelled == n;
        if let Some((_, values)) = enums.iter().find(|(n, _)| named(n)) {
            // `PlantStatus`, `array of PlantStatus`: strings in the same shape.
            let shape = f.ty.as_ref().map(|t| t.ty.map_inner(&mut |_| Type::string())).unwrap_or_else(Type::string);
            f.ty = Some(TypeWords::new(shape, &spelled));
            for v in values {
                if !f.values.iter().any(|x| &x.value == v) {
                    f.values.push(EnumValue::new(v.as_str()));
                }
            }
            f.constraints.retain(|c| !c.starts_with("type: "));
        } else if f.ty.is_none() && models.contains(&spelled) {
            f.ty = Some(TypeWords::new(Type::reference(spelled.clone()), &spelled));
            f.constraints.retain(|c| !c.starts_with("type: "));
        }
    };
    fn walk(fields: &mut [FieldDoc], apply: &impl Fn(&mut FieldDoc)) {
        for f in fields {
            apply(f);
            walk(&mut f.children, apply);
        }
    }
    walk(&mut doc.unsectioned, &apply);
    walk(&mut doc.body, &apply);
    walk(&mut doc.response, &apply);
    for (_, f) in &mut doc.params {
        apply(f);
    }
    for m in &mut doc.models {
        walk(&mut m.fields, &apply);
    }
}

/// The rule the body and response fields of all of a page's operations agree on.
pub fn fields_rule<'a>(docs: impl Iterator<Item = &'a OpDoc>) -> Option<bool> {
    let rules: Vec<bool> = docs.flat_map(|d| [bare_rule(d.body.iter()), bare_rule(d.response.iter())]).flatten().collect();
    let first = *rules.first()?;
    rules.iter().all(|r| *r == first).then_some(first)
}

fn bare_rule<'a>(fields: impl Iterator<Item = &'a FieldDoc>) -> Option<bool> {
    // Nested fields count too (OpenStack marks `(Optional)` on a wrapper's members only).
    fn all<'a>(f: &'a FieldDoc, out: &mut Vec<&'a FieldDoc>) {
        out.push(f);
        for c in &f.children {
            all(c, out);
        }
    }
    let mut every = Vec::new();
    for f in fields {
        all(f, &mut every);
    }
    let fields: Vec<&FieldDoc> = every.into_iter().filter(|f| !f.inferred).collect();
    let marked_required = fields.iter().any(|f| f.required == Some(true) && f.place != Some(Place::Path));
    let marked_optional = fields.iter().any(|f| f.required == Some(false));
    match (marked_required, marked_optional) {
        (true, false) => Some(false),
        (false, true) => Some(true),
        _ => None,
    }
}

/// The bare fields get what [`bare_rule`] says.
fn settle_required<'a>(fields: impl Iterator<Item = &'a mut FieldDoc>, bare: Option<bool>) {
    fn settle(f: &mut FieldDoc, bare: bool) {
        if !f.inferred {
            f.required.get_or_insert(bare);
        }
        for c in &mut f.children {
            settle(c, bare);
        }
    }
    let Some(bare) = bare else { return };
    for f in fields {
        settle(f, bare);
    }
}

/// `Cookie: vinelog_session=<id> …` → the cookie parameter `vinelog_session`.
fn cookie_of_header(location: Location, f: &FieldDoc) -> Option<FieldDoc> {
    if location != Location::Header || !f.name.eq_ignore_ascii_case("cookie") {
        return None;
    }
    let desc = f.description.clone().unwrap_or_default();
    let name = desc
        .split_whitespace()
        .find_map(|w| w.trim_matches(['`', '"', '\'']).split_once('=').map(|(n, _)| n.to_string()))
        .filter(|n| crate::parse::recognise::field::is_name(n));
    name.map(|n| {
        let mut c = FieldDoc::named(&n, f.line);
        c.description = f.description.clone();
        c.required = f.required;
        c.ty = crate::parse::vocab::type_words::type_words("string", false);
        c
    })
}

/// `X-Request-Id`, `Idempotency-Key`, `Accept-Language`: header spellings.
fn is_header_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('-').collect();
    name.starts_with("X-") || name.starts_with("x-") || parts.len() >= 2 && parts.iter().all(|p| p.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
}

fn param(f: Field, location: Location) -> Param {
    Param {
        name: f.name,
        wire_name: f.wire_name,
        location,
        ty: f.ty,
        // Path parameters are always required, whatever the badge says.
        required: f.required || location == Location::Path,
        description: f.description,
        default: f.default,
        enum_values: f.enum_values,
        constraints: f.constraints,
        source: f.source,
    }
}

fn dedup_params(params: &mut Vec<Param>, diags: &mut Diagnostics) {
    let mut kept: Vec<Param> = Vec::with_capacity(params.len());
    let mut at: std::collections::HashMap<(String, Location), usize> = std::collections::HashMap::new();
    for p in params.drain(..) {
        let key = (p.name.clone(), p.location);
        match at.get(&key).map(|&i| &mut kept[i]) {
            // The same parameter listed twice (a summary table and a detailed list): merge.
            Some(k) => {
                if k.ty == Type::Any {
                    k.ty = p.ty;
                }
                k.required |= p.required;
                if k.description.is_none() {
                    k.description = p.description;
                }
                if k.enum_values.is_empty() {
                    k.enum_values = p.enum_values;
                }
            }
            None => {
                at.insert(key, kept.len());
                kept.push(p);
            }
        }
    }
    let _ = diags;
    *params = kept;
}

/// Fields printed flat with dotted names (`address.city`, `items[].id`) become children of
/// the field they name, when it is listed.
/// Dotted names the sample spells as keys of their own (`"secret.name": "…"`).
fn mark_literal_names(fields: &mut [FieldDoc], sample: Option<&(Json, u32)>) {
    let Some((Json::Object(members), _)) = sample else { return };
    for f in fields.iter_mut().filter(|f| f.name.contains('.')) {
        f.literal_name = members.iter().any(|(k, _)| *k == f.name);
    }
}

fn nest_dotted(fields: Vec<FieldDoc>) -> Vec<FieldDoc> {
    let mut out: Vec<FieldDoc> = Vec::with_capacity(fields.len());
    let mut implied: Vec<String> = Vec::new();
    for mut f in fields {
        // Rails-style `chapter[title]` is `chapter.title`.
        if !f.literal_name {
            if let Some(dotted) = brackets_to_dots(&f.name) {
                f.name = dotted;
            }
        }
        let parent_name = f.name.rsplit_once('.').map(|(p, _)| p.trim_end_matches("[]").to_string()).filter(|_| !f.literal_name);
        match parent_name {
            Some(parent) if !parent.is_empty() => {
                let child_name = f.name.rsplit('.').next().unwrap_or("").to_string();
                // `properties.capacity` without `properties` listed (Microsoft Learn, os-api-ref):
                // the parent is an object of the top level.
                if find_field(&mut out, &parent).is_none() && !parent.contains('.') && crate::parse::recognise::field::is_name(&parent) {
                    let mut p = FieldDoc::named(&parent, f.line);
                    p.ty = crate::parse::vocab::type_words::type_words(if f.name.contains("[].") { "array" } else { "object" }, false);
                    p.required = Some(false);
                    out.push(p);
                    implied.push(parent.clone());
                }
                let is_implied = implied.contains(&parent);
                if let Some(p) = find_field(&mut out, &parent) {
                    let mut child = f;
                    child.name = child_name;
                    // A required member makes its unlisted object required (Microsoft Learn
                    // marks members only); a listed one keeps its own mark.
                    if child.required == Some(true) && (is_implied || p.required.is_none()) {
                        p.required = Some(true);
                    }
                    p.children.push(child);
                }
            }
            _ => out.push(f),
        }
    }
    out
}

/// `chapter[title]` → `chapter.title`; `tags[]` and `a[0]` stay as they are.
fn brackets_to_dots(name: &str) -> Option<String> {
    let (head, rest) = name.split_once('[')?;
    let inner = rest.strip_suffix(']')?;
    let word = |w: &str| !w.is_empty() && w.starts_with(|c: char| c.is_alphabetic() || c == '_') && w.chars().all(|c| c.is_alphanumeric() || c == '_');
    (word(head) && inner.split("][").all(word)).then(|| format!("{head}.{}", inner.replace("][", ".")))
}

fn find_field<'a>(fields: &'a mut [FieldDoc], dotted: &str) -> Option<&'a mut FieldDoc> {
    let (head, rest) = match dotted.split_once('.') {
        Some((h, r)) => (h.trim_end_matches("[]"), Some(r)),
        None => (dotted.trim_end_matches("[]"), None),
    };
    let f = fields.iter_mut().find(|f| f.name == head)?;
    match rest {
        Some(r) => find_field(&mut f.children, r),
        None => Some(f),
    }
}

struct Ctx<'a> {
    file: &'a str,
    diags: &'a mut Diagnostics,
    models: Vec<Model>,
    untyped: Vec<String>,
}

impl Ctx<'_> {
    fn fields(&mut self, docs: Vec<FieldDoc>, scope: &str) -> Vec<Field> {
        let mut out: Vec<Field> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for f in docs {
            if !seen.insert(f.name.clone()) {
                continue;
            }
            out.push(self.field(f, scope));
        }
        out
    }

    fn field(&mut self, mut f: FieldDoc, scope: &str) -> Field {
        let source = Source::new(self.file, f.line);
        // `sensors[]` (Google's field lists): an array of what the type names.
        if let Some(name) = f.name.strip_suffix("[]").filter(|n| !n.is_empty()).map(str::to_string) {
            f.name = name;
            if let Some(t) = f.ty.as_mut().filter(|t| !matches!(t.ty, Type::Array { .. })) {
                t.ty = Type::array(t.ty.clone());
            }
        }
        let mut ty = match &f.ty {
            // A type name with the values listed beside it is an enumeration of strings
            // (`ReadingSource` / `Allowable Values: Customer, Technician`).
            Some(t) if matches!(t.ty, Type::Ref { .. }) && !f.values.is_empty() => Type::string(),
            Some(t) => t.ty.clone(),
            None => {
                if !f.inferred && f.children.is_empty() {
                    self.untyped.push(f.name.clone());
                }
                Type::Any
            }
        };
        if !f.children.is_empty() {
            let model = format!("{scope}{}", f.name.to_upper_camel_case());
            let children = nest_dotted(f.children.clone());
            let fields = self.fields(children, &model);
            self.models.push(Model { name: model.clone(), description: None, fields, source: source.clone(), undocumented: false });
            let reference = Type::reference(model);
            ty = match ty {
                Type::Array { .. } => Type::array(reference),
                Type::Map { .. } => Type::map(reference),
                _ => reference,
            };
        } else if let Some(t) = f.ty.as_ref().filter(|t| t.loose) {
            crate::parse::page::build::warn_loose(&f.name, t, &source, self.diags);
        }
        for odd in &f.odd_values {
            self.diags.warn(
                source.clone(),
                format!("field `{}`: allowed value `{odd}` has spaces; not used as a value", f.name),
                Some("check the page's value list; list the values under [api.types] as an enum model if they are real".to_string()),
            );
        }
        if let Some(spelled) = f.constraints.iter().find_map(|c| c.strip_prefix("type: ")) {
            self.diags.warn(
                source.clone(),
                format!("field `{}`: type `{spelled}` is not a type docs2rs knows; typed as JSON value", f.name),
                Some(format!("set its type under [api.types] in docs2rs.toml (`\"{scope}.{}\" = \"string\"`)", f.name)),
            );
        }
        let mut field = Field::new(f.name.clone(), ty, f.required.unwrap_or(false), source);
        field.wire_name = f.name;
        field.nullable = f.nullable || f.ty.as_ref().is_some_and(|t| t.nullable);
        field.description = f.description;
        field.default = f.default;
        field.enum_values = f.values.into_iter().filter(|v: &EnumValue| !v.value.is_empty()).collect();
        field.constraints = f.constraints.into_iter().filter(|c| !c.starts_with("type: ")).collect();
        if f.read_only {
            field.constraints.push("readonly".into());
        }
        if f.deprecated {
            field.constraints.push("deprecated".into());
        }
        field.inferred = f.inferred;
        field
    }
}
