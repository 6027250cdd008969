//! Definitions a saved page carries or points at, found in its HTML text (no DOM needed,
//! so this works without the `html` feature):
//! - inline: Redoc's bundled state (`__redoc_state = {…}`), JSON script data (ReadMe's
//!   `<script id="ssr-props">`, Next.js' `<script id="__NEXT_DATA__">` of Fern and
//!   Mintlify sites, Scalar's `<script id="api-reference" type="application/json">`),
//!   searched for an object with a `swagger`/`openapi` key and `paths`;
//! - pointers: Swagger UI (`SwaggerUIBundle({ url: … })`), Redoc (`<redoc spec-url>`,
//!   `Redoc.init('…')`), Scalar (`data-url`, `url:` in its configuration), Stoplight
//!   Elements (`apiDescriptionUrl`), RapiDoc (`spec-url`), and `<link>`s to a spec.

use crate::spec;
use serde_json::Value;

/// Where on the page the definition was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embedding {
    RedocState,
    ReadmeProps,
    NextData,
    ScriptJson,
    SwaggerUi,
    Redoc,
    Scalar,
    Stoplight,
    RapiDoc,
    Link,
}

impl Embedding {
    pub fn describe(self) -> &'static str {
        match self {
            Embedding::RedocState => "Redoc state `__redoc_state`",
            Embedding::ReadmeProps => "ReadMe `ssr-props`",
            Embedding::NextData => "Next.js `__NEXT_DATA__`",
            Embedding::ScriptJson => "JSON `<script>` data",
            Embedding::SwaggerUi => "Swagger UI `url`",
            Embedding::Redoc => "Redoc `spec-url`",
            Embedding::Scalar => "Scalar `data-url`",
            Embedding::Stoplight => "Stoplight Elements `apiDescriptionUrl`",
            Embedding::RapiDoc => "RapiDoc `spec-url`",
            Embedding::Link => "`<link>`",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// The definition itself; `text` is the JSON it was read from, starting on `line`.
    Inline { how: Embedding, line: u32, value: Value, text: String },
    /// Page data that should hold a definition but is not valid JSON.
    Broken { how: Embedding, line: u32, error: String },
    /// A URL (as written on the page) of the definition.
    Url { how: Embedding, line: u32, url: String },
}

/// Every definition the page carries or points at, in page order, each URL once.
pub fn find(html: &str) -> Vec<Found> {
    let mut out = Vec::new();
    if let Some(at) = html.find("__redoc_state") {
        if let Some(eq) = html[at..].find('=') {
            let start = at + eq + 1;
            push_json(&mut out, html, start, Embedding::RedocState);
        }
    }
    let lower = html.to_ascii_lowercase();
    for (at, tag) in tags(html, &lower, "script") {
        let id = attr(tag, "id").unwrap_or_default();
        let ty = attr(tag, "type").unwrap_or_default().to_ascii_lowercase();
        let body_start = at + tag.len();
        let body_end = lower[body_start..].find("</script").map_or(html.len(), |e| body_start + e);
        if let Some(url) = attr(tag, "data-url") {
            push_url(&mut out, html, at, Embedding::Scalar, url);
        }
        let how = match id.as_str() {
            "__NEXT_DATA__" => Some(Embedding::NextData),
            "ssr-props" => Some(Embedding::ReadmeProps),
            _ if ty.contains("json") => Some(Embedding::ScriptJson),
            _ => None,
        };
        match how {
            Some(how) => push_json(&mut out, &html[..body_end], body_start, how),
            None => script_urls(&mut out, html, body_start, &html[body_start..body_end]),
        }
    }
    for (name, key, how) in
        [("redoc", "spec-url", Embedding::Redoc), ("elements-api", "apidescriptionurl", Embedding::Stoplight), ("rapi-doc", "spec-url", Embedding::RapiDoc)]
    {
        for (at, tag) in tags(html, &lower, name) {
            if let Some(url) = attr(tag, key) {
                push_url(&mut out, html, at, how, url);
            }
        }
    }
    for (at, tag) in tags(html, &lower, "link") {
        let (rel, ty, href) =
            (attr(tag, "rel").unwrap_or_default().to_ascii_lowercase(), attr(tag, "type").unwrap_or_default().to_ascii_lowercase(), attr(tag, "href"));
        let Some(href) = href else { continue };
        let file = href.split(['?', '#']).next().unwrap_or("").rsplit('/').next().unwrap_or("").to_ascii_lowercase();
        let spec_file = (file.contains("openapi") || file.contains("swagger")) && [".json", ".yaml", ".yml"].iter().any(|e| file.ends_with(e));
        if ty.contains("openapi") || ty.contains("swagger") || rel.split_whitespace().any(|r| r == "service-desc") || spec_file {
            push_url(&mut out, html, at, Embedding::Link, href);
        }
    }
    out
}

fn line_at(html: &str, at: usize) -> u32 {
    1 + html.as_bytes()[..at.min(html.len())].iter().filter(|&&b| b == b'\n').count() as u32
}

/// The JSON value starting at `start` (trailing `;</script>` ignored), searched for a
/// definition.
fn push_json(out: &mut Vec<Found>, html: &str, start: usize, how: Embedding) {
    let rest = &html[start..];
    let skipped = rest.len() - rest.trim_start().len();
    let text = rest.trim_start();
    let line = line_at(html, start + skipped);
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    match stream.next() {
        Some(Ok(value)) => {
            let used = stream.byte_offset();
            if let Some(def) = definition_in(value) {
                // Line numbers come from the definition's own text when it is the value.
                out.push(Found::Inline { how, line, value: def, text: text[..used].to_string() });
            }
        }
        Some(Err(e)) if text.contains("\"openapi\"") || text.contains("\"swagger\"") => {
            out.push(Found::Broken { how, line: line + e.line() as u32 - 1, error: e.to_string() })
        }
        _ => {}
    }
}

/// The first definition in page data, breadth first (bounded); a definition stored as a
/// JSON string (ReadMe does that) is parsed too.
fn definition_in(value: Value) -> Option<Value> {
    let mut queue = std::collections::VecDeque::from([(value, 0u32)]);
    let mut budget = 200_000usize;
    while let Some((v, depth)) = queue.pop_front() {
        budget = budget.checked_sub(1)?;
        if spec::is_definition(&v) {
            return Some(v);
        }
        if depth >= 64 {
            continue;
        }
        match v {
            Value::Object(map) => queue.extend(map.into_iter().map(|(_, v)| (v, depth + 1))),
            Value::Array(items) => queue.extend(items.into_iter().map(|v| (v, depth + 1))),
            Value::String(s) if s.trim_start().starts_with('{') && (s.contains("\"openapi\"") || s.contains("\"swagger\"")) => {
                if let Ok(inner) = serde_json::from_str::<Value>(&s) {
                    queue.push_back((inner, depth + 1));
                }
            }
            _ => {}
        }
    }
    None
}

fn push_url(out: &mut Vec<Found>, html: &str, at: usize, how: Embedding, url: String) {
    let url = url.trim().to_string();
    if url.is_empty() || url.starts_with("data:") || out.iter().any(|f| matches!(f, Found::Url { url: u, .. } if *u == url)) {
        return;
    }
    out.push(Found::Url { how, line: line_at(html, at), url });
}

/// URLs in a configuration script: `SwaggerUIBundle({ url: "…" })`, `Redoc.init("…")`,
/// Scalar's `createApiReference(…, { url: "…" })`.
fn script_urls(out: &mut Vec<Found>, html: &str, at: usize, js: &str) {
    let calls: [(&str, Embedding, bool); 5] = [
        ("SwaggerUIBundle(", Embedding::SwaggerUi, false),
        ("SwaggerUI(", Embedding::SwaggerUi, false),
        ("Redoc.init(", Embedding::Redoc, true),
        ("createApiReference(", Embedding::Scalar, false),
        ("apiDescriptionUrl", Embedding::Stoplight, true),
    ];
    for (call, how, first_literal) in calls {
        let Some(pos) = js.find(call) else { continue };
        let args = &js[pos + call.len()..];
        let url = if first_literal { first_string(args.trim_start_matches([' ', ':', '=', '('])) } else { keyed_string(args, "url") };
        if let Some(url) = url {
            push_url(out, html, at + pos, how, url);
        }
    }
}

/// A string literal at the start of `s`.
fn first_string(s: &str) -> Option<String> {
    let quote = s.chars().next().filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let body = &s[1..];
    let end = body.find(quote)?;
    Some(body[..end].to_string()).filter(|u| !u.contains("${"))
}

/// The string literal after `key:` within the call's first 2000 bytes.
fn keyed_string(s: &str, key: &str) -> Option<String> {
    let mut end = s.len().min(2000);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let window = &s[..end];
    let mut from = 0;
    while let Some(i) = window[from..].find(key) {
        let at = from + i;
        let before = window[..at].chars().next_back();
        let after = window[at + key.len()..].trim_start();
        if before.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_') {
            let after = after.strip_prefix(['"', '\'']).map(|a| a.trim_start_matches(['"', '\''])).unwrap_or(after);
            if let Some(value) = after.strip_prefix(':') {
                if let Some(url) = first_string(value.trim_start()) {
                    return Some(url);
                }
            }
        }
        from = at + key.len();
    }
    None
}

/// Opening tags named `name`: (byte offset, the tag's text up to and including `>`).
fn tags<'h>(html: &'h str, lower: &str, name: &str) -> Vec<(usize, &'h str)> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open) {
        let at = from + i;
        from = at + open.len();
        if lower[from..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-') {
            continue;
        }
        let Some(end) = tag_end(&html[at..]) else { break };
        out.push((at, &html[at..at + end + 1]));
    }
    out
}

/// The `>` closing a tag, outside quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// An attribute's value (case-insensitive name), entities `&amp;` `&quot;` decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before = lower[..at].chars().next_back();
        if !before.is_some_and(|c| c.is_whitespace()) {
            continue;
        }
        let rest = tag[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else { continue };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        return Some(value.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(html: &str) -> Vec<(Embedding, String)> {
        find(html)
            .into_iter()
            .filter_map(|f| match f {
                Found::Url { how, url, .. } => Some((how, url)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn pointers_of_each_viewer() {
        let html = r#"<html><head><link rel="alternate" type="application/vnd.oai.openapi+json" href="/spec/v1.json"></head><body>
<redoc spec-url='/a/openapi.yaml'></redoc>
<elements-api apiDescriptionUrl="https://x.io/b.json" router="hash"></elements-api>
<script id="api-reference" data-url="c.json"></script>
<script>window.ui = SwaggerUIBundle({ dom_id: '#ui', url: "d.json?x=1&amp;y=2" })</script>
<script>Redoc.init('../e.json', {}, el)</script>
<script>Scalar.createApiReference('#app', { "url": 'f.json' })</script>
<rapi-doc spec-url="g.json"></rapi-doc></body></html>"#;
        assert_eq!(
            urls(html),
            [
                (Embedding::Scalar, "c.json".to_string()),
                (Embedding::SwaggerUi, "d.json?x=1&amp;y=2".to_string()),
                (Embedding::Redoc, "../e.json".to_string()),
                (Embedding::Scalar, "f.json".to_string()),
                (Embedding::Redoc, "/a/openapi.yaml".to_string()),
                (Embedding::Stoplight, "https://x.io/b.json".to_string()),
                (Embedding::RapiDoc, "g.json".to_string()),
                (Embedding::Link, "/spec/v1.json".to_string()),
            ]
        );
    }

    #[test]
    fn inline_definitions_are_found_inside_page_data() {
        let html =
            "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"spec\":{\"openapi\":\"3.1.0\",\"paths\":{}}}}}</script>";
        assert!(matches!(find(html).as_slice(), [Found::Inline { how: Embedding::NextData, line: 1, .. }]));
        let stringified = r#"<script id="ssr-props" type="application/json">{"oas":"{\"swagger\":\"2.0\",\"paths\":{}}"}</script>"#;
        assert!(matches!(find(stringified).as_slice(), [Found::Inline { how: Embedding::ReadmeProps, .. }]));
        let nothing = r#"<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>"#;
        assert!(find(nothing).is_empty());
    }
}
