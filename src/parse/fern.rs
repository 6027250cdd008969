//! Text of a Fern-built endpoint page (browser copy or crawler output).
//!
//! The copy keeps the page's line structure but loses the separators inside a field
//! header, so `firstNamestringOptional=0 characters` is split with the type vocabulary in
//! [`field_line`]. Sections: title, method (+ URL), description, `Required Permissions:`,
//! `Path parameters`, `Query parameters`, `Headers`, `Request`, `Response`, `Errors`.

use crate::diag::Diagnostics;
use crate::parse::page::build::{self, BodyDoc, EndpointParts};
use crate::parse::recognise::endpoint as url;
use crate::parse::vocab::field_line::{parse_whole_type, split_field_line};
use crate::schema::{EnumValue, Field, ParsedDoc, PermissionRule, Permissions, Source};

/// True when `text` looks like this family (content sniffing, not file names).
pub fn looks_like(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(400).collect();
    // ReadMe's structured blocks are the other family, even if a verb line shows up.
    if lines.iter().any(|l| matches!(*l, "Body Params" | "Path Params" | "Query Params")) {
        return false;
    }
    // Fern states the shape of every body: `This endpoint expects an object.`, `This
    // endpoint returns a list of objects.` — and its copies glue badges to field names.
    let statement = lines.iter().any(|l| l.starts_with("This endpoint expects") || l.starts_with("This endpoint returns"));
    let badged_fields = lines.iter().filter(|l| l.len() < 300).filter_map(|l| split_field_line(l)).filter(|f| f.suffixes.required.is_some()).count();
    statement && badged_fields >= 1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Preamble,
    Path,
    Query,
    Headers,
    Request,
    Response,
    /// `Errors`: one line per error (`404 Not Found Error`), status and error name.
    Errors,
    /// `Authentication`, code samples: read past, never turned into fields.
    Ignored,
}

pub(crate) fn section_of(line: &str) -> Option<Section> {
    Some(match line.trim().trim_end_matches(':').to_ascii_lowercase().as_str() {
        "path parameters" => Section::Path,
        "query parameters" => Section::Query,
        "headers" | "header parameters" => Section::Headers,
        "request" | "request body" | "body" => Section::Request,
        "response" | "response body" => Section::Response,
        "errors" => Section::Errors,
        "authentication" | "auth" | "cookie parameters" | "webhook payload" => Section::Ignored,
        _ => return None,
    })
}

/// Lines Fern (or the browser) adds around the content.
fn is_chrome(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    matches!(lower.as_str(), "copy" | "copied" | "try it" | "play" | "was this page helpful?" | "yes" | "no" | "on this page")
        || lower.starts_with("show ") && (lower.ends_with(" properties") || lower.ends_with(" variants"))
        || lower.starts_with("hide ") && (lower.ends_with(" properties") || lower.ends_with(" variants"))
        || lower.starts_with("built with")
}

/// One field being read: its header line, then description and `Allowed values:` lines.
struct PendingField {
    field: Field,
    is_enum: bool,
    awaiting_values: bool,
}

/// What one section (path, query, headers, request, response) collected.
#[derive(Default)]
pub(crate) struct SectionFields {
    pub fields: Vec<Field>,
    /// `This endpoint expects/returns …`, before the fields.
    pub statement: Option<(String, u32)>,
    /// `No Content`, `204`, `returns nothing`.
    pub empty: bool,
    pub seen: bool,
    pub line: u32,
}

pub(crate) type Buckets = [SectionFields; 5];

pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    let mut parts = EndpointParts::default();
    let mut section = Section::Preamble;
    let mut description: Vec<String> = Vec::new();
    let mut buckets: Buckets = Default::default();
    let mut pending: Option<PendingField> = None;
    let mut expecting_url = false;

    for (index, raw) in text.lines().enumerate() {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line = raw.trim();
        if line.is_empty() || is_chrome(line) {
            continue;
        }
        if let Some(next) = section_of(line) {
            flush(&mut pending, section, &mut buckets, diags);
            section = next;
            if let Some(b) = bucket_index(section) {
                buckets[b].seen = true;
                buckets[b].line = line_no;
            }
            continue;
        }
        if section == Section::Preamble {
            read_preamble_line(line, &mut parts, &mut description, &mut expecting_url);
            continue;
        }
        if section == Section::Errors {
            parts.errors.extend(build::error_line(line));
            continue;
        }
        let Some(b) = bucket_index(section) else { continue };
        let source = Source::new(file, line_no);
        if let Some(field_line) = split_field_line(line) {
            flush(&mut pending, section, &mut buckets, diags);
            let awaiting_values = field_line.suffixes.allowed.as_ref().is_some_and(Vec::is_empty);
            let is_enum = field_line.ty.is_enum;
            let field = build::field_from_line(field_line, None, source, diags);
            pending = Some(PendingField { field, is_enum, awaiting_values });
            continue;
        }
        match pending.as_mut() {
            Some(p) if line.starts_with("Allowed values:") => {
                let values = line["Allowed values:".len()..].split_whitespace();
                p.field.enum_values.extend(values.map(|v| EnumValue::new(v.trim_matches('"'))));
                p.awaiting_values = p.field.enum_values.is_empty();
            }
            Some(p) if p.awaiting_values && is_value_list(line) => {
                p.field.enum_values.extend(line.split_whitespace().map(|v| EnumValue::new(v.trim_matches('"'))));
            }
            Some(p) if p.field.description.is_none() => {
                p.awaiting_values = false;
                p.field.description = Some(line.to_string());
            }
            Some(_) => {}
            None => read_section_statement(line, line_no, &mut buckets[b]),
        }
    }
    flush(&mut pending, section, &mut buckets, diags);

    parts.description = (!description.is_empty()).then(|| description.join("\n\n"));
    if parts.title.is_none() {
        diags.warn(Source::new(file, 1), "empty page: no title, no sections", Some("check that the file is the text of a Fern endpoint page".to_string()));
    }
    assemble(file, parts, buckets, diags)
}

/// Sections → operation; shared with the HTML parser.
pub(crate) fn assemble(file: &str, mut parts: EndpointParts, buckets: Buckets, diags: &mut Diagnostics) -> ParsedDoc {
    let [path, query, headers, request, response] = buckets;
    parts.path_params = path.fields;
    parts.query_params = query.fields;
    // The auth header is configured once per API, not per call.
    parts.header_params = headers.fields.into_iter().filter(|f| !f.name.eq_ignore_ascii_case("authorization")).collect();
    parts.request = body_doc(file, request, "request", diags);
    parts.response = body_doc(file, response, "response", diags);
    build::build(file, parts, diags)
}

pub(crate) fn bucket_index(section: Section) -> Option<usize> {
    match section {
        Section::Path => Some(0),
        Section::Query => Some(1),
        Section::Headers => Some(2),
        Section::Request => Some(3),
        Section::Response => Some(4),
        Section::Preamble | Section::Errors | Section::Ignored => None,
    }
}

fn flush(pending: &mut Option<PendingField>, section: Section, buckets: &mut Buckets, diags: &mut Diagnostics) {
    if let (Some(p), Some(b)) = (pending.take(), bucket_index(section)) {
        build::warn_enum_without_values(&p.field, p.is_enum, diags);
        buckets[b].fields.push(p.field);
    }
}

fn read_preamble_line(line: &str, parts: &mut EndpointParts, description: &mut Vec<String>, expecting_url: &mut bool) {
    if parts.title.is_none() {
        parts.title = Some(line.to_string());
        return;
    }
    if parts.method.is_none() {
        if let Some((method, url)) = url::split_method_line(line) {
            parts.method = Some(method);
            *expecting_url = url.is_none();
            parts.url = url;
            return;
        }
    }
    if std::mem::take(expecting_url) && url::looks_like_url(line) {
        parts.url = Some(line.to_string());
        return;
    }
    let lower = line.to_ascii_lowercase();
    if lower.starts_with("required permissions") {
        let text = line.split_once(':').map(|(_, t)| t.trim()).unwrap_or("");
        parts.permissions = Some(Permissions { rule: PermissionRule::Any, list: Vec::new(), text: (!text.is_empty()).then(|| text.to_string()) });
        return;
    }
    description.push(line.to_string());
}

/// `asc desc` or one value per line after `Allowed values:`; prose ends the list.
fn is_value_list(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    !line.ends_with('.')
        && tokens.len() <= 12
        && tokens.iter().all(|t| t.trim_matches('"').chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/')))
}

pub(crate) fn read_section_statement(line: &str, line_no: u32, bucket: &mut SectionFields) {
    let lower = line.to_ascii_lowercase();
    if lower.contains("no content") || lower.starts_with("204") || lower.contains("returns nothing") || lower.contains("no response body") {
        bucket.empty = true;
    }
    for prefix in ["this endpoint expects ", "this endpoint returns "] {
        if lower.starts_with(prefix) && bucket.statement.is_none() {
            bucket.statement = Some((line[prefix.len()..].to_string(), line_no));
        }
    }
}

fn body_doc(file: &str, bucket: SectionFields, what: &str, diags: &mut Diagnostics) -> BodyDoc {
    if !bucket.seen {
        return BodyDoc::Absent;
    }
    let section_source = Source::new(file, bucket.line);
    let stated = bucket.statement.as_ref().map(|(text, line)| (parse_whole_type(text), text.clone(), *line));
    if let Some((None, text, line)) = &stated {
        if !text.to_ascii_lowercase().contains("nothing") {
            diags.warn(
                Source::new(file, *line),
                format!("the {what} is described as `{}`, which is not a type docs2rs knows; left untyped", text.trim_end_matches('.')),
                Some(format!("describe the {what} body in docs2rs.toml")),
            );
        }
    }
    let stated_type = stated.and_then(|(t, _, line)| t.map(|t| (t, line)));
    if !bucket.fields.is_empty() {
        let list = matches!(&stated_type, Some((t, _)) if matches!(t.ty, crate::schema::Type::Array { .. }));
        if let Some((t, line)) = &stated_type {
            let object_like = t.spelled.contains("object") || t.ty.ref_name().is_some();
            if !object_like {
                diags.warn(
                    Source::new(file, *line),
                    format!("the {what} is `{}` but the page also lists fields; used the fields", t.spelled),
                    Some("check the page; the fields may belong to a different variant".to_string()),
                );
            }
        }
        return BodyDoc::Fields { fields: bucket.fields, list, source: section_source };
    }
    if bucket.empty {
        return BodyDoc::Empty;
    }
    match stated_type {
        Some((t, line)) => {
            if t.loose {
                diags.warn(
                    Source::new(file, line),
                    format!("the {what} is documented only as `{}` with no fields; typed as JSON value", t.spelled),
                    Some(format!("add a model for the {what} in docs2rs.toml")),
                );
            }
            BodyDoc::Type { ty: t.ty, source: Source::new(file, line) }
        }
        None if what == "response" => BodyDoc::Absent,
        None => {
            diags.warn(section_source, format!("the {what} section lists no fields and no type; no body sent"), Some("check the page".to_string()));
            BodyDoc::Absent
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Location, Method, Returns, Type};

    const PAGE: &str = "List projects\n\nGET\nhttps://api.example.com/v2/teams/:teamId/projects\n\nLists projects.\n\n\
Path parameters\n\nteamIdstringRequiredformat: \"uuid\"\n\nThe team.\n\n\
Query parameters\n\nlimitintegerOptional>=1<=100Defaults to 20\n\nPage size.\n\n\
sortenumOptionalAllowed values:\nname\ncreated\n\nSort order.\n\n\
Response\n\nThis endpoint returns a list of objects.\n\nidstringOptional\n\nnamestring or nullOptional\n\n\
Errors\n\n404 Not Found Error\n";

    #[test]
    fn reads_a_list_endpoint() {
        let mut d = Diagnostics::new();
        assert!(looks_like(PAGE));
        let doc = parse("docs/list-projects.fern.txt", PAGE, &mut d);
        let op = &doc.operations[0];
        assert_eq!(op.name, "list_projects");
        assert_eq!(op.method, Some(Method::Get));
        assert_eq!(op.path.as_deref(), Some("/v2/teams/{teamId}/projects"));
        assert_eq!(doc.base_url.as_deref(), Some("https://api.example.com"));
        let sort = op.params.iter().find(|p| p.name == "sort").unwrap();
        assert_eq!(sort.location, Location::Query);
        let values: Vec<&str> = sort.enum_values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["name", "created"]);
        assert_eq!(sort.description.as_deref(), Some("Sort order."));
        assert_eq!(op.returns, Returns::Body { ty: Type::array(Type::reference("ListProjectsResponse")) });
        assert!(doc.models[0].fields[1].nullable);
        assert!(d.items().is_empty(), "{:?}", d.items());
        let errors: Vec<(&str, Option<&str>)> = op.errors.iter().map(|e| (e.status.as_str(), e.description.as_deref())).collect();
        assert_eq!(errors, [("404", Some("Not Found Error"))]);
    }

    #[test]
    fn never_panics_on_garbage() {
        let mut d = Diagnostics::new();
        for text in [
            "",
            "\n\n",
            "PUT",
            "Request\nThis endpoint expects",
            "Response\n\u{0}\u{ffff}é:::",
            &"x".repeat(100_000),
            "Path parameters\nidstringRequired\nAllowed values:",
        ] {
            let doc = parse("f.txt", text, &mut d);
            assert!(doc.operations.len() <= 1);
        }
    }
}
