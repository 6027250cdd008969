//! Text of a ReadMe.io endpoint page.
//!
//! Two descriptions of the same parameters: prose bullets (`• name (type): description`,
//! with nested enum bullets) under headings such as `Request Body Parameters`, and the
//! structured `Path Params` / `Body Params` blocks of the API explorer, whose names a text
//! copy may have lost. Both are read and merged ([`merge`]); page chrome is skipped.

pub(crate) mod merge;

use crate::diag::Diagnostics;
use crate::parse::page::build::{self, BodyDoc, EndpointParts};
use crate::parse::recognise::endpoint as url;
use crate::parse::vocab::bullets::{self, bullet, enum_bullet, field_bullet, readme_type};
use crate::parse::vocab::type_words::TypeWords;
use crate::schema::{Field, Method, ParsedDoc, Source, Type};
use merge::Entry;

/// True when `text` looks like this family (content sniffing, not file names).
pub fn looks_like(text: &str) -> bool {
    // The API explorer's blocks and its prompts are ReadMe's own; prose bullets and
    // section headings are every generator's and claim nothing.
    text.lines().take(2000).any(|l| {
        let t = l.trim().to_ascii_lowercase();
        matches!(structured_block(l), Some(Block::Params(Target::Path | Target::Query | Target::Body)))
            || t.starts_with("click try it!")
            || t.starts_with("log in to see")
    })
}

/// Where the prose puts its bullets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Path,
    Query,
    Header,
    Body,
    Response,
}

/// Which structured block of the API explorer a line opens (`None` inside `Responses`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Block {
    Params(Target),
    /// `Responses`: the documented statuses (`200`, `400 Bad Request`).
    Responses,
    Skipped,
}

pub(crate) fn structured_block(line: &str) -> Option<Block> {
    Some(match line.trim().to_ascii_lowercase().as_str() {
        "path params" => Block::Params(Target::Path),
        "query params" => Block::Params(Target::Query),
        "body params" | "form data" => Block::Params(Target::Body),
        "headers" => Block::Params(Target::Header),
        "responses" => Block::Responses,
        "cookie params" => Block::Skipped,
        _ => return None,
    })
}

pub(crate) fn prose_heading(line: &str) -> Option<Target> {
    if bullet(line).is_some() {
        return None;
    }
    let heading = line.trim().trim_start_matches('#').trim().trim_end_matches(':').to_ascii_lowercase();
    Some(match heading.as_str() {
        "request body parameters" | "body parameters" | "request body" | "request parameters" | "body" => Target::Body,
        "path parameters" | "url parameters" => Target::Path,
        "query parameters" | "query string parameters" => Target::Query,
        "header parameters" | "request headers" => Target::Header,
        "response" | "response body" | "response parameters" | "response fields" | "returns" => Target::Response,
        // The shared section vocabulary (`Request Path Parameters`, `Request Query Parameters`).
        _ => {
            use crate::parse::vocab::sections::{Place, Section, section_of};
            match section_of(&heading)? {
                Section::Params(Some(Place::Path)) => Target::Path,
                Section::Params(Some(Place::Query)) => Target::Query,
                Section::Params(Some(Place::Header)) => Target::Header,
                Section::Body(_) => Target::Body,
                Section::Response(_) => Target::Response,
                _ => return None,
            }
        }
    })
}

/// Explorer and site chrome: never fields, never descriptions.
fn is_chrome(line: &str) -> bool {
    let l = line.trim().to_ascii_lowercase();
    const EXACT: &[&str] = &[
        "language",
        "credentials",
        "basic",
        "bearer",
        "base64",
        ":",
        "url",
        "response",
        "request",
        "header",
        "try it!",
        "application/json",
        "text/plain",
        "shell",
        "node",
        "ruby",
        "php",
        "python",
        "curl",
        "examples",
        "choose an example:",
        "query",
        "oauth2",
        "json",
        "xml",
        "copy",
        "200",
        "201",
        "204",
        "400",
        "401",
        "403",
        "404",
        "500",
        "ok",
        "default",
    ];
    EXACT.contains(&l.as_str())
        || l.starts_with("click try it!")
        || l.starts_with("log in to see")
        || l.starts_with("updated ")
        || l.starts_with(['{', '}', '[', ']', '"'])
}

/// Fields from prose bullets and entries of the structured blocks, per [`slot`].
pub(crate) type PerTarget<T> = [Vec<T>; 5];

pub(crate) fn slot(target: Target) -> usize {
    match target {
        Target::Path => 0,
        Target::Query => 1,
        Target::Header => 2,
        Target::Body => 3,
        Target::Response => 4,
    }
}

pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    let mut parts = EndpointParts::default();
    let mut intro: Vec<String> = Vec::new();
    let mut prose: PerTarget<Field> = Default::default();
    let mut entries: PerTarget<Entry> = Default::default();
    let mut target: Option<Target> = None;
    let mut block: Option<Block> = None;
    // The field the nested (enum) bullets belong to: (target slot, indent).
    let mut current: Option<(usize, usize)> = None;
    let mut warned_untargeted = false;
    let lines: Vec<&str> = text.lines().collect();

    for (index, raw) in lines.iter().enumerate() {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let source = Source::new(file, line_no);
        if parts.method.is_none() {
            if let Some((method, url)) = url::split_method_line(line) {
                parts.method = Some(method);
                parts.url = url.or_else(|| next_line(&lines, index).filter(|l| url::looks_like_url(l)).map(str::to_string));
                continue;
            }
        }
        if parts.url.as_deref() == Some(line) {
            continue;
        }
        if let Some(b) = structured_block(line) {
            block = Some(b);
            current = None;
            continue;
        }
        if let Some(b) = block {
            match b {
                Block::Params(t) => read_structured_line(line, &lines, index, source, &mut entries[slot(t)]),
                Block::Responses => parts.errors.extend(build::error_line(line).filter(|e| !parts.errors.iter().any(|x| x.status == e.status))),
                Block::Skipped => {}
            }
            continue;
        }
        // Before the explorer, `Response` is a heading; after it, chrome.
        if let Some(t) = prose_heading(line).filter(|_| parts.title.is_some()) {
            target = Some(t);
            current = None;
            continue;
        }
        if is_chrome(line) {
            continue;
        }
        if parts.title.is_none() {
            parts.title = Some(line.to_string());
            continue;
        }
        let Some(b) = bullet(raw) else {
            if target.is_none() && prose.iter().all(Vec::is_empty) {
                intro.push(line.to_string());
            }
            continue;
        };
        if let Some((s, _)) = current.filter(|(_, indent)| b.indent > *indent) {
            if let Some(field) = prose[s].last_mut() {
                match enum_bullet(b.content) {
                    Some(value) => field.enum_values.push(value),
                    None => diags.warn(
                        source,
                        format!("nested item under `{}` is neither an allowed value nor understood; ignored", field.name),
                        Some(
                            "nested objects are not modelled from prose; set its type under [api.types] in docs2rs.toml and document the model in an input"
                                .to_string(),
                        ),
                    ),
                }
            }
            continue;
        }
        let Some(fb) = field_bullet(b.content) else {
            current = None;
            continue;
        };
        // Bullets under no heading: body fields, except on a method without a body, where
        // they can only be query parameters.
        let bodiless = matches!(parts.method, Some(Method::Get | Method::Delete | Method::Head | Method::Options));
        let t = target.unwrap_or_else(|| {
            if !warned_untargeted {
                warned_untargeted = true;
                let (what, fix) = if bodiless { ("query parameters", "a `Query Parameters`") } else { ("request body fields", "a `Response`") };
                diags.warn(
                    source.clone(),
                    format!("field bullets before any section heading; read them as {what}"),
                    Some(format!("if they are something else, add {fix} heading (or the right one) above them")),
                );
            }
            if bodiless { Target::Query } else { Target::Body }
        });
        prose[slot(t)].push(prose_field(fb, source, diags));
        current = Some((slot(t), b.indent));
    }

    parts.description = (!intro.is_empty()).then(|| intro.join("\n\n"));
    if parts.title.is_none() {
        diags.warn(Source::new(file, 1), "empty page: no title, no parameters", Some("check that the file is the text of a ReadMe endpoint page".to_string()));
    }
    assemble(file, parts, prose, entries, diags)
}

/// Prose and structured entries → operation; shared with the HTML parser.
pub(crate) fn assemble(file: &str, mut parts: EndpointParts, prose: PerTarget<Field>, entries: PerTarget<Entry>, diags: &mut Diagnostics) -> ParsedDoc {
    let template = parts.url.as_deref().map(|u| build::path_placeholders(&url::split_url(u).1)).unwrap_or_default();
    let [p_path, p_query, p_header, mut p_body, p_response] = prose;
    let [e_path, e_query, e_header, e_body, e_response] = entries;
    // A body bullet whose name a structured block or another section already placed is that
    // parameter described again, not a new field.
    let placed: Vec<&str> = e_path
        .iter()
        .chain(&e_query)
        .chain(&e_header)
        .filter_map(|e| e.name.as_deref())
        .chain(p_path.iter().chain(&p_query).chain(&p_header).map(|f| f.name.as_str()))
        .collect();
    p_body.retain(|f| !placed.contains(&f.name.as_str()));
    parts.path_params = merge::merge("Path Params", p_path, e_path, &template, diags);
    parts.query_params = merge::merge("Query Params", p_query, e_query, &[], diags);
    parts.header_params = merge::merge("Headers", p_header, e_header, &[], diags);
    let body = merge::merge("Body Params", p_body, e_body, &[], diags);
    let response = merge::merge("Responses", p_response, e_response, &[], diags);
    if !body.is_empty() {
        parts.request = BodyDoc::Fields { source: body[0].source.clone(), fields: body, list: false };
    }
    if !response.is_empty() {
        parts.response = BodyDoc::Fields { source: response[0].source.clone(), fields: response, list: false };
    }
    build::build(file, parts, diags)
}

fn next_line<'a>(lines: &[&'a str], index: usize) -> Option<&'a str> {
    lines.iter().skip(index + 1).map(|l| l.trim()).find(|l| !l.is_empty())
}

/// A field from a prose bullet; `required` only when the bullet says so.
pub(crate) fn prose_field(fb: bullets::FieldBullet, source: Source, diags: &mut Diagnostics) -> Field {
    let ty = match fb.type_text.as_deref().map(|t| (t, readme_type(t, true))) {
        Some((_, Some(t))) => t,
        Some((text, None)) => {
            diags.warn(
                source.clone(),
                format!("field `{}` has type `{text}`, which docs2rs does not know; typed as JSON value", fb.name),
                Some("set its type under [api.types] in docs2rs.toml".to_string()),
            );
            TypeWords::new(Type::Any, text)
        }
        None => {
            diags.warn(
                source.clone(),
                format!("field `{}` states no type; typed as JSON value", fb.name),
                Some("set its type under [api.types] in docs2rs.toml".to_string()),
            );
            TypeWords::new(Type::Any, "")
        }
    };
    build::warn_loose(&fb.name, &ty, &source, diags);
    let mut field = Field::new(fb.name.clone(), ty.ty, fb.required.unwrap_or(false), source);
    field.wire_name = fb.name;
    field.nullable = ty.nullable;
    field.description = fb.description;
    field
}

/// One line of a structured block: a type line opens an entry (named when the line before
/// was a name), the lines after it add badges and a description.
fn read_structured_line(line: &str, lines: &[&str], index: usize, source: Source, entries: &mut Vec<Entry>) {
    let is_type_line = |l: &str| readme_type(l, false).is_some();
    if is_type_line(line) {
        let previous = lines[..index].iter().rev().map(|l| l.trim()).find(|l| !l.is_empty()).unwrap_or("");
        let named = bullets::is_identifier(previous) && !is_type_line(previous) && structured_block(previous).is_none() && !is_badge(previous);
        entries.push(Entry::new(named.then(|| previous.to_string()), line, source));
        return;
    }
    // A name: the next line is its type, handled above.
    if bullets::is_identifier(line) && next_line(lines, index).is_some_and(is_type_line) && !is_badge(line) {
        return;
    }
    let Some(entry) = entries.last_mut() else { return };
    let lower = line.to_ascii_lowercase();
    if lower == "required" {
        entry.required = true;
    } else if let Some(v) = line.strip_prefix("Defaults to") {
        entry.default = Some(v.trim().to_string());
    } else if let Some(v) = line.strip_prefix("Allowed:").or_else(|| line.strip_prefix("Allowed values:")) {
        entry.enum_values.extend(v.split_whitespace().map(crate::schema::EnumValue::new));
    } else if lower.starts_with("length") || line.starts_with(['≥', '≤', '>', '<']) {
        entry.constraints.push(line.to_string());
    } else if !is_chrome(line) && entry.description.is_none() {
        entry.description = Some(line.to_string());
    }
}

fn is_badge(line: &str) -> bool {
    matches!(line.to_ascii_lowercase().as_str(), "required" | "optional" | "deprecated")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Location, Method};

    const PAGE: &str = "Delete Tag\n\nRemoves one tag.\n\ndelete\nhttps://acme.example.com/api/tags/{tag_id}\n\n\
Path Params\ntag_id\nstring\nrequired\nThe tag to remove.\nQuery Params\nforce\nboolean\nDefaults to false\nResponses\n\n204\n404 Not Found\nLanguage\nCredentials\n";

    #[test]
    fn named_structured_block() {
        let mut d = Diagnostics::new();
        assert!(looks_like(PAGE));
        let doc = parse("x/delete-tag.readme.txt", PAGE, &mut d);
        let op = &doc.operations[0];
        assert_eq!((op.name.as_str(), op.method, op.path.as_deref()), ("delete_tag", Some(Method::Delete), Some("/api/tags/{tag_id}")));
        assert_eq!(op.description.as_deref(), Some("Removes one tag."));
        let tag = &op.params[0];
        assert_eq!((tag.name.as_str(), tag.location, tag.required), ("tag_id", Location::Path, true));
        assert_eq!(tag.description.as_deref(), Some("The tag to remove."));
        let force = &op.params[1];
        assert_eq!((force.location, force.default.as_deref()), (Location::Query, Some("false")));
        let errors: Vec<(&str, Option<&str>)> = op.errors.iter().map(|e| (e.status.as_str(), e.description.as_deref())).collect();
        assert_eq!(errors, [("404", Some("Not Found"))], "the error statuses under Responses");
        assert!(d.items().is_empty(), "{:?}", d.items());
    }

    /// Hand-written ReadMe-style pages: `Request Path Parameters` headings are sections, and
    /// bullets on a GET never become a request body.
    #[test]
    fn request_headings_and_no_body_on_get() {
        let page = "List Orders\n\nLists the orders of a store.\n\nget\nhttps://shop.example.com/v2/stores/{store_id}/orders\n\n\
## Request Path Parameters\n\n- store_id (string, required): The store.\n\n## Request Query Parameters\n\n- status (string): Only orders in this state.\n\n\
Path Params\nstore_id\nstring\nrequired\n";
        let mut d = Diagnostics::new();
        let doc = parse("x/list-orders.readme.txt", page, &mut d);
        let op = &doc.operations[0];
        let params: Vec<(&str, Location)> = op.params.iter().map(|p| (p.name.as_str(), p.location)).collect();
        assert_eq!(params, [("store_id", Location::Path), ("status", Location::Query)], "{d:?}");
        assert!(doc.models.is_empty(), "no body model on a GET: {:?}", doc.models);

        // Unheaded bullets on a GET are query parameters, with a warning.
        let page = "Find Pets\n\nget\nhttps://pets.example.com/pets\n\n- species (string): Only this species.\n";
        let mut d = Diagnostics::new();
        let doc = parse("x/find-pets.readme.txt", page, &mut d);
        let op = &doc.operations[0];
        assert_eq!((op.params[0].name.as_str(), op.params[0].location), ("species", Location::Query));
        assert!(d.items().iter().any(|i| i.message.contains("query parameters")), "{:?}", d.items());
    }

    #[test]
    fn never_panics_on_garbage() {
        let mut d = Diagnostics::new();
        for text in ["", "•", "  • x (", "Body Params\nstring\nrequired", "Path Params", "\u{0}é•• (\": ", &"• a (string): b\n".repeat(5000)] {
            let _ = parse("g.txt", text, &mut d);
        }
    }
}
