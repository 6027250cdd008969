//! A definition (Swagger 2.0 or OpenAPI 3.x, as JSON values) lowered to a [`ParsedDoc`]:
//! named object schemas become models, named enums enums, `oneOf`s oneOfs; inline
//! objects become models named the way OpenAPI Generator names them (`CreatePetRequest`,
//! `GetPet200Response`, `PetOwner`), so a client reads like one generated from the spec.
//!
//! Hostile input is bounded: `$ref` chains and nesting deeper than [`MAX_DEPTH`] become
//! raw JSON with a warning, `allOf` cycles are cut, missing fields are defaults.

use super::types::Types;
use crate::diag::Diagnostics;
use crate::schema::{AuthScheme, BodyKind, EnumDef, ErrorDoc, Location, Method, Model, OneOf, Operation, Param, ParsedDoc, Returns, Source, Type};
use crate::spec::{METHODS, Version};
use heck::{ToSnakeCase, ToUpperCamelCase};
use serde_json::Value;

/// How deep `$ref` chains and nested schemas are followed.
pub(crate) const MAX_DEPTH: u32 = 48;

/// `doc` (already known to be a definition of `version`) as a parsed document. `text`
/// is the document's text, for line numbers; `line` offsets them (an embedded definition
/// starts on the page's line `line`).
pub fn lower(file: &str, text: &str, line: u32, doc: &Value, version: Version, diags: &mut Diagnostics) -> ParsedDoc {
    let mut t = Types::new(file, text, line, doc, version);
    let mut out = ParsedDoc {
        title: doc["info"]["title"].as_str().map(str::to_string),
        base_url: base_url(doc, version),
        auth: auth(doc, version),
        ..ParsedDoc::default()
    };
    t.components(diags);
    let global_consumes = strings(&doc["consumes"]);
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        let item = t.deref(item, 0).unwrap_or(item);
        let shared: Vec<&Value> = item["parameters"].as_array().into_iter().flatten().collect();
        for method in METHODS {
            let Some(op) = item.get(method).filter(|o| o.is_object()) else { continue };
            let source = Source::new(file, t.line_of(&format!("\"{path}\"")));
            let cx = OpCx { path, method, op, shared: &shared, source, global_consumes: &global_consumes };
            out.operations.push(operation(&mut t, &cx, diags));
        }
    }
    let (models, enums, one_of) = t.finish();
    out.models = models;
    out.enums = enums;
    out.one_of = one_of;
    out
}

struct OpCx<'a, 's> {
    path: &'a str,
    method: &'static str,
    op: &'a Value,
    shared: &'s [&'a Value],
    source: Source,
    global_consumes: &'s [String],
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect()
}

/// `servers[0].url` (3.x) or `scheme://host/basePath` (2.0); relative servers are kept
/// only as a path (`/v2`), which a configured base URL completes.
fn base_url(doc: &Value, version: Version) -> Option<String> {
    let url = match version {
        Version::Swagger2 => {
            let host = doc["host"].as_str()?;
            let scheme = strings(&doc["schemes"]).into_iter().find(|s| s == "https").or_else(|| strings(&doc["schemes"]).into_iter().next());
            format!("{}://{host}{}", scheme.as_deref().unwrap_or("https"), doc["basePath"].as_str().unwrap_or(""))
        }
        _ => doc["servers"][0]["url"].as_str()?.to_string(),
    };
    let url = url.trim_end_matches('/').to_string();
    (url.starts_with("http://") || url.starts_with("https://")).then_some(url)
}

/// The scheme the definition asks for (its top-level `security`, else every scheme it
/// declares), when that is one docs2rs sends: HTTP bearer (OAuth 2 and OpenID Connect
/// send bearer tokens too) or basic. API keys and mixed schemes are left to the config.
fn auth(doc: &Value, version: Version) -> Option<AuthScheme> {
    let schemes = match version {
        Version::Swagger2 => &doc["securityDefinitions"],
        _ => &doc["components"]["securitySchemes"],
    };
    let schemes = schemes.as_object()?;
    let used: Vec<&String> = doc["security"].as_array().into_iter().flatten().filter_map(Value::as_object).flat_map(|r| r.keys()).collect();
    let names: Vec<&String> = if used.is_empty() { schemes.keys().collect() } else { used };
    let kinds: Vec<Option<AuthScheme>> = names
        .iter()
        .filter_map(|n| schemes.get(n.as_str()))
        .map(|s| match (s["type"].as_str().unwrap_or(""), s["scheme"].as_str().unwrap_or("").to_ascii_lowercase().as_str()) {
            ("http", "bearer") | ("oauth2" | "openIdConnect", _) => Some(AuthScheme::Bearer),
            ("http", "basic") | ("basic", _) => Some(AuthScheme::Basic),
            _ => None,
        })
        .collect();
    let first = *kinds.first()?;
    if kinds.iter().all(|k| *k == first) { first } else { None }
}

fn operation<'a>(t: &mut Types<'a>, cx: &OpCx<'a, '_>, diags: &mut Diagnostics) -> Operation {
    let op = cx.op;
    let name = match op["operationId"].as_str().filter(|s| !s.trim().is_empty()) {
        Some(id) => id.to_string(),
        None => format!("{} {}", cx.method, cx.path.replace(['{', '}'], "")).to_snake_case(),
    };
    let stem = name.to_upper_camel_case();
    let mut o = Operation::new(name, Method::parse(cx.method), Some(cx.path.to_string()), cx.source.clone());
    o.summary = text(&op["summary"]);
    o.description = text(&op["description"]);
    o.deprecated = op["deprecated"].as_bool().unwrap_or(false);
    // Operation parameters override path-level ones of the same name and location.
    let own: Vec<&Value> = op["parameters"].as_array().into_iter().flatten().map(|p| t.deref(p, 0).unwrap_or(p)).collect();
    let shared = cx.shared.iter().map(|p| t.deref(p, 0).unwrap_or(p)).filter(|s| !own.iter().any(|o| o["name"] == s["name"] && o["in"] == s["in"]));
    let params: Vec<&Value> = shared.chain(own.iter().copied()).collect();
    let mut form = false;
    for p in params {
        if let Some(r) = p.get("$ref").and_then(Value::as_str) {
            diags.warn(
                cx.source.clone(),
                format!("a parameter of `{} {}` is `$ref: {r}`, which leads nowhere or loops; skipped", cx.method.to_uppercase(), cx.path),
                Some("point the reference at a parameter under `components/parameters`".to_string()),
            );
            continue;
        }
        let Some(name) = p["name"].as_str() else {
            diags.warn(
                cx.source.clone(),
                format!("a parameter of `{} {}` has no name; skipped", cx.method.to_uppercase(), cx.path),
                Some("give it a `name`".to_string()),
            );
            continue;
        };
        let location = match p["in"].as_str().unwrap_or("") {
            "path" => Location::Path,
            "query" => Location::Query,
            "header" => Location::Header,
            "cookie" => Location::Cookie,
            "body" => {
                let ty = t.ty(&p["schema"], &format!("{stem}Request"), 0, diags);
                let mut param = Param::new(name, Location::Body, ty, p["required"].as_bool().unwrap_or(false), cx.source.clone());
                param.description = text(&p["description"]);
                o.params.push(param);
                continue;
            }
            "formData" => {
                form = true;
                Location::Body
            }
            other => {
                diags.warn(
                    cx.source.clone(),
                    format!("parameter `{name}` of `{}` is `in: {other}`; skipped", o.name),
                    Some("use path, query, header, cookie, body or formData".to_string()),
                );
                continue;
            }
        };
        // 2.0 puts the schema on the parameter itself; 3.x under `schema` (or `content`).
        let schema = match (p.get("schema"), p["content"].as_object().and_then(|c| c.values().next())) {
            (Some(s), _) => s,
            (None, Some(media)) => &media["schema"],
            (None, None) => p,
        };
        let hint = format!("{stem}{}", name.to_upper_camel_case());
        let mut param =
            Param::new(name, location, t.ty(schema, &hint, 0, diags), p["required"].as_bool().unwrap_or(location == Location::Path), cx.source.clone());
        param.wire_name = name.to_string();
        param.description = text(&p["description"]);
        let resolved = t.deref(schema, 0).unwrap_or(schema);
        param.default = resolved.get("default").and_then(scalar);
        param.enum_values = t.enum_values(resolved);
        o.params.push(param);
    }
    let consumes = match op.get("consumes") {
        Some(c) => strings(c),
        None => cx.global_consumes.to_vec(),
    };
    if form {
        let multipart = consumes.iter().any(|c| c.starts_with("multipart/")) || o.params.iter().any(|p| p.location == Location::Body && is_file(&p.ty));
        o.body_kind = Some(if multipart { BodyKind::Multipart } else { BodyKind::Form });
    } else if o.body().is_some() && !consumes.is_empty() && !consumes.iter().any(|c| crate::media::body_kind(c) == BodyKind::Json) {
        raw_body(&mut o, &consumes.join(", "));
    }
    if let Some(body) = t.deref(&op["requestBody"], 0).filter(|b| b.is_object()) {
        request_body(t, &mut o, body, &stem, diags);
    }
    responses(t, &mut o, &op["responses"], &stem, diags);
    o
}

fn is_file(t: &Type) -> bool {
    matches!(t, Type::String { format: Some(f) } if f == "binary")
}

/// A body sent as it is: bytes, or text.
fn raw_body(o: &mut Operation, media: &str) {
    let kind = crate::media::body_kind(media.split(',').next().unwrap_or(""));
    let kind = if kind == BodyKind::Text { BodyKind::Text } else { BodyKind::Binary };
    o.body_kind = Some(kind);
    o.content_type = crate::media::raw_media_type(media);
    if let Some(p) = o.params.iter_mut().find(|p| p.location == Location::Body) {
        p.ty = Type::String { format: (kind == BodyKind::Binary).then(|| "binary".to_string()) };
    }
}

/// The media type a client sends or reads: JSON when offered, else the first.
fn preferred(content: &Value) -> Option<(&String, &Value)> {
    let content = content.as_object()?;
    content.iter().find(|(m, _)| crate::media::body_kind(m) == BodyKind::Json).or_else(|| content.iter().next())
}

fn request_body<'a>(t: &mut Types<'a>, o: &mut Operation, body: &'a Value, stem: &str, diags: &mut Diagnostics) {
    let Some((media, content)) = preferred(&body["content"]) else { return };
    let required = body["required"].as_bool().unwrap_or(false);
    let schema = &content["schema"];
    match crate::media::body_kind(media) {
        BodyKind::Json => {
            let ty = t.ty(schema, &format!("{stem}Request"), 0, diags);
            let mut p = Param::new("body", Location::Body, ty, required, o.source.clone());
            p.description = text(&body["description"]);
            o.params.push(p);
        }
        kind @ (BodyKind::Form | BodyKind::Multipart) => {
            o.body_kind = Some(kind);
            for f in t.object_fields(schema, &format!("{stem}Request"), diags) {
                let mut p = Param::new(f.name, Location::Body, f.ty, f.required, f.source);
                p.wire_name = f.wire_name;
                p.description = f.description;
                p.default = f.default;
                p.enum_values = f.enum_values;
                o.params.push(p);
            }
        }
        _ => {
            o.params.push(Param::new("body", Location::Body, Type::string(), required, o.source.clone()));
            raw_body(o, media);
        }
    }
}

fn responses<'a>(t: &mut Types<'a>, o: &mut Operation, responses: &'a Value, stem: &str, diags: &mut Diagnostics) {
    let Some(all) = responses.as_object() else { return };
    let mut codes: Vec<&String> = all.keys().collect();
    codes.sort_by_key(|c| (c.as_str() == "default", c.to_ascii_uppercase()));
    for code in codes {
        let resp = t.deref(&all[code], 0).unwrap_or(&all[code]);
        let (schema, media) = match (resp.get("schema"), preferred(&resp["content"])) {
            (Some(s), _) => (Some(s), None),
            (None, Some((media, content))) => (content.get("schema"), Some(media.as_str())),
            (None, None) => (None, None),
        };
        let json = media.is_none_or(|m| crate::media::body_kind(m) == BodyKind::Json);
        let ty = |t: &mut Types<'a>, diags: &mut Diagnostics| match (schema, json) {
            (Some(s), true) => Some(t.ty(s, &format!("{stem}{code}Response"), 0, diags)),
            (Some(_), false) => {
                Some(if media.is_some_and(|m| m.starts_with("text/")) { Type::string() } else { Type::String { format: Some("binary".into()) } })
            }
            (None, _) => None,
        };
        if code.starts_with('2') {
            if o.returns != Returns::Unknown {
                continue;
            }
            o.returns = match ty(t, diags) {
                Some(ty) => Returns::Body { ty },
                None => Returns::Empty,
            };
            if !json {
                o.accept = media.and_then(crate::media::raw_media_type);
            }
        } else if let Some(status) = crate::schema::error_status(code) {
            let ty = if json { ty(t, diags) } else { None };
            o.errors.push(ErrorDoc::new(status, ty, text(&resp["description"])));
        }
    }
    // Responses listed, none a success (only `default`): no body to expect.
    if o.returns == Returns::Unknown && !all.is_empty() {
        o.returns = Returns::Empty;
    }
}

/// A non-empty string.
pub(super) fn text(v: &Value) -> Option<String> {
    v.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// A default or enum value as the docs would print it.
pub(super) fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The models, enums and oneOfs gathered while lowering.
pub(super) type Gathered = (Vec<Model>, Vec<EnumDef>, Vec<OneOf>);
