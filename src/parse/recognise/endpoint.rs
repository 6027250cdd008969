//! Endpoint lines in any arrangement: `GET /users/{id}`, `**GET** /x`, glued `GET/v1/x` or
//! `GEThttps://…`, `Endpoint: POST /x`, `Wraps PUT /x`, `.. http:get:: /users/(int:id)`,
//! API Blueprint `[GET /x]`, full URLs (the host becomes a base-URL candidate) and every
//! placeholder spelling (`:id`, `{id}`, `<id>`, `{id:int}`, `(int:id)`) normalised to `{id}`.
//! Requests in code blocks (`curl …`, `POST /x HTTP/1.1`) are examples: they count only
//! where nothing states the endpoint.

use crate::parse::text::{normalize_ws, strip_emphasis_marks};
use crate::schema::{Method, Type};

/// How much a sighting of an endpoint is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// A request in a code sample: concrete values, maybe another operation's URL.
    Example,
    /// The page states the operation's method and path template.
    Stated,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub method: Method,
    /// The path template relative to the host, `{name}` placeholders.
    pub path: String,
    /// Scheme and host when the page printed a full URL.
    pub base_url: Option<String>,
    /// Names in the URL's query string (`?api-version=2024-01-01`).
    pub query: Vec<String>,
    /// Values the URL's query string shows for them (`page=1`), for their types.
    pub query_values: Vec<(String, String)>,
    /// Placeholder types the template states (`(int:id)`, `{id:int}`, `<int:id>`).
    pub typed: Vec<(String, Type)>,
    pub evidence: Evidence,
}

/// Labels that may precede an endpoint on its line.
const LABELS: &[&str] =
    &["wraps", "endpoint", "http request", "request", "url", "route", "path", "method", "request url", "resource url", "api endpoint", "definition", "http"];

/// One line of text (a heading, paragraph line, cell or list item).
pub fn endpoint_in_line(line: &str) -> Option<Endpoint> {
    let plain = strip_emphasis_marks(line);
    let mut l = plain.trim();
    if l.len() > 2000 {
        return None;
    }
    if let Some(rest) = l.strip_prefix(".. http:") {
        // sphinxcontrib-httpdomain: `.. http:get:: /users/(int:user_id)`.
        let (verb, target) = rest.split_once("::")?;
        return endpoint(Method::parse(verb)?, target.trim(), Evidence::Stated);
    }
    if let Some((method, path)) = blueprint(l) {
        return endpoint(method?, &path?, Evidence::Stated);
    }
    for label in LABELS {
        let Some(head) = l.get(..label.len()) else { continue };
        if head.eq_ignore_ascii_case(label) {
            let rest = l[label.len()..].trim_start();
            if let Some(r) = rest.strip_prefix(':').or_else(|| (*label == "wraps").then_some(rest)) {
                l = r.trim_start();
                break;
            }
        }
    }
    // openapi-generator's `html` output: the `Up` link before each method's line.
    if let Some(rest) = l.strip_prefix("Up ").filter(|r| leading_method(r).is_some()) {
        l = rest;
    }
    // swagger-markdown 2.x: `[GET] /path`.
    let unbracketed;
    if let Some(inner) = l.strip_prefix('[') {
        if let Some((verb, rest)) = inner.split_once(']') {
            unbracketed = format!("{verb}{rest}");
            l = &unbracketed;
        }
    }
    // ServiceStack's `All Verbs/pets/{PetId}` route: any method; POST is the one its samples use.
    let all_verbs;
    if let Some(rest) = l.strip_prefix("All Verbs").filter(|r| r.starts_with('/')) {
        all_verbs = format!("POST{rest}");
        l = &all_verbs;
    }
    let (method, rest) = leading_method(l)?;
    let glued_method = rest.starts_with('/');
    let joined = join_path_tokens(rest.trim_start());
    let rest = joined.as_str();
    // A path ends at a space, or where text in another script is glued to it
    // (`/usersすべてのユーザー…`): URLs carry such characters percent-encoded.
    let mut target_end = rest.find(|c: char| c.is_whitespace() || (c as u32) >= 0x2e80).unwrap_or(rest.len());
    // `/users/{id}IDで…`: the word before the other script belongs to the text too.
    if rest[target_end..].starts_with(|c: char| (c as u32) >= 0x2e80) {
        if let Some(close) = rest[..target_end].rfind('}').filter(|&c| rest[c + 1..target_end].chars().all(|x| x.is_ascii_alphabetic())) {
            target_end = close + 1;
        }
    }
    // A crawler copy glues the summary to the path too (`POST/pets/{id}/vaccinationsRecord a
    // vaccination`): the path ends where the capitalised summary starts.
    if glued_method && target_end < rest.len() {
        let last = rest[..target_end].rfind('/').map_or(0, |i| i + 1);
        let segment = &rest[last..target_end];
        if let Some(cap) =
            segment.char_indices().skip(1).find(|(i, c)| c.is_ascii_uppercase() && segment[..*i].chars().all(|x| x.is_ascii_lowercase())).map(|(i, _)| i)
        {
            if rest[target_end..].trim_start().starts_with(|c: char| c.is_ascii_lowercase()) {
                target_end = last + cap;
            }
        }
    }
    let (target, after) = (&rest[..target_end], rest[target_end..].trim());
    let evidence = if after.starts_with("HTTP/") { Evidence::Example } else { Evidence::Stated };
    // Laravel Scribe and ASP.NET print paths without the leading slash (`GET api/users/{id}`):
    // read as a path only when nothing else is on the line.
    if after.is_empty() && relative_path(target) {
        return endpoint(method, &format!("/{target}"), evidence);
    }
    endpoint(method, target, evidence)
}

/// A method at the start of `l`, printed all upper or all lower case (`Delete the user` is
/// prose), and what follows it; glued `GET/x` and `GEThttps://x` included.
fn leading_method(l: &str) -> Option<(Method, &str)> {
    for verb in ["OPTIONS", "DELETE", "PATCH", "POST", "HEAD", "GET", "PUT"] {
        let printed = l.get(..verb.len()).filter(|p| *p == verb || *p == verb.to_ascii_lowercase());
        let Some(printed) = printed else { continue };
        let rest = &l[printed.len()..];
        // `GET: <BaseURL>/api/v2/documents/{documentId}` (hand-written pages).
        let rest = rest.strip_prefix(": ").unwrap_or(rest);
        let separated =
            rest.starts_with(char::is_whitespace) || rest.starts_with('/') || rest.starts_with("http") || rest.starts_with('{') || rest.starts_with('<');
        if separated {
            return Some((Method::parse(verb)?, rest));
        }
    }
    None
}

/// Rendered paths split by markup: `/objects/ ( accession_no ) /images/ ( int: n ) ¶` →
/// `/objects/(accession_no)/images/(int:n)`; the rest of the line is kept.
fn join_path_tokens(rest: &str) -> String {
    let rest = rest.trim_end_matches(['¶', ' ', '#']);
    let mut tokens = rest.split_whitespace().peekable();
    let Some(first) = tokens.next() else { return String::new() };
    // A shell prompt glued to the path (`/api-calls/{id}$ curl "…"`).
    let first = first.strip_suffix('$').filter(|_| tokens.peek().is_some_and(|n| matches!(*n, "curl" | "http" | "wget"))).unwrap_or(first);
    let mut target = first.to_string();
    while let Some(next) = tokens.peek() {
        let open = target.matches('(').count() > target.matches(')').count() || target.matches('{').count() > target.matches('}').count();
        let continues =
            open || target.ends_with('/') && next.starts_with(['(', '{', '<', ':']) || next.starts_with(['/', ')', '}']) && !target.starts_with("HTTP");
        if !continues {
            break;
        }
        target.push_str(next);
        tokens.next();
    }
    let tail: Vec<&str> = tokens.collect();
    if tail.is_empty() { target } else { format!("{target} {}", tail.join(" ")) }
}

/// API Blueprint: `Note [GET /notes/{id}]`, `Retrieve [GET]`, `Notes [/notes{?page}]`.
pub fn blueprint(text: &str) -> Option<(Option<Method>, Option<String>)> {
    let t = text.trim();
    let inner = t.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let inner = inner[open + 1..].trim();
    let (first, rest) = inner.split_once(' ').unwrap_or((inner, ""));
    match Method::parse(first).filter(|_| first.chars().all(|c| c.is_ascii_uppercase())) {
        Some(m) if rest.trim().is_empty() => Some((Some(m), None)),
        Some(m) if rest.trim().starts_with('/') => Some((Some(m), Some(blueprint_path(rest.trim())))),
        Some(_) => None,
        None if inner.starts_with('/') && !inner.contains(' ') => Some((None, Some(blueprint_path(inner)))),
        None => None,
    }
}

/// `/notes/{id}{?page,limit}` → `/notes/{id}`: the query part is a URI-template expansion.
fn blueprint_path(path: &str) -> String {
    match path.find("{?").or_else(|| path.find("{&")) {
        Some(i) => path[..i].to_string(),
        None => path.to_string(),
    }
}

/// The query names of a blueprint URI template (`{?page,limit}`).
pub fn blueprint_query(path: &str) -> Vec<String> {
    let Some(i) = path.find("{?") else { return Vec::new() };
    let inner = path[i + 2..].split('}').next().unwrap_or("");
    inner.split(',').map(|n| n.trim().trim_end_matches('*').to_string()).filter(|n| !n.is_empty()).collect()
}

/// `/v2/{name=projects/*/locations/*/keys/*}` → `/v2/{name}`.
fn grpc_placeholders(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    let mut rest = target;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        match inner.split_once('=') {
            Some((name, _)) if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
            _ => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `/toolsResponse:` → `/tools`: a page word glued after the path's last segment, where
/// the case turns (`s` → `R`) or after a placeholder's brace.
fn strip_glued_label(target: &str) -> &str {
    const LABELS: &[&str] = &["Response", "Responses", "Request", "Parameters", "Params", "Body", "Example", "Examples", "Headers", "Returns", "Copy"];
    let t = target.trim_end_matches(':');
    // Any capitalised word glued after a closing placeholder (`<CHANNEL_ID>Typical`).
    if let Some(at) = t.rfind(['}', '>']).filter(|&at| t[at + 1..].starts_with(|c: char| c.is_ascii_uppercase()) && !t[at + 1..].contains('/')) {
        return &t[..=at];
    }
    for label in LABELS {
        if let Some(head) = t.strip_suffix(label) {
            // Only after a lower-case segment (`/tools`) or a placeholder: a PascalCase
            // segment (`/api/TokenRequest`) is the path's own.
            let segment = head.rsplit('/').next().unwrap_or("");
            let lower_segment = !segment.is_empty() && !segment.contains(|c: char| c.is_ascii_uppercase()) || segment.ends_with('}');
            if lower_segment && head.contains('/') {
                return head;
            }
        }
    }
    target
}

fn endpoint(method: Method, target: &str, evidence: Evidence) -> Option<Endpoint> {
    let target = target.trim().trim_matches(['`', '"', '\'']);
    // `<https://…>` autolinks, but not `/users/<ID>` placeholders.
    let target = match target.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        Some(inner) => inner,
        None => target,
    };
    let mut target = target.trim_end_matches(['.', ',', ';']);
    // A closing parenthesis of the prose around it, not of a `(int:id)` placeholder.
    while target.ends_with(')') && target.matches(')').count() > target.matches('(').count() {
        target = &target[..target.len() - 1];
    }
    let target = strip_base_variable(target);
    // A section label a copy glued to the path (`/toolsResponse:`, `/pet/{petId}Request`).
    let target = strip_glued_label(target);
    // gRPC transcoding (Google Cloud): `{name=projects/*/keys/*}` is the placeholder `{name}`.
    let transcoded = grpc_placeholders(target);
    let target = transcoded.as_str();
    // RFC 6570 query expressions (`/routes{?region,limit}`, `{&page}`) name query parameters.
    let template_query: Vec<String> = [blueprint_query(target), blueprint_query(&target.replace("{&", "{?"))].concat();
    let stripped;
    let target = match target.find("{?").or_else(|| target.find("{&")) {
        Some(i) => {
            let end = target[i..].find('}').map_or(target.len(), |e| i + e + 1);
            stripped = format!("{}{}", &target[..i], &target[end..]);
            stripped.as_str()
        }
        None => target,
    };
    if !looks_like_url(target) {
        return None;
    }
    let mut query: Vec<String> = target
        .split_once('?')
        .map(|(_, q)| q.split('&').filter_map(|kv| kv.split('=').next()).map(|k| k.trim().to_string()).filter(|k| !k.is_empty()).collect())
        .unwrap_or_default();
    for q in template_query {
        if !query.contains(&q) {
            query.push(q);
        }
    }
    let (base_url, path) = split_url(target);
    if path.chars().any(char::is_whitespace) {
        return None;
    }
    let query_values = target
        .split_once('?')
        .map(|(_, q)| {
            q.split('&')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .filter(|(k, v)| !k.is_empty() && !v.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Some(Endpoint { method, path, base_url, query, query_values, typed: placeholder_types(target), evidence })
}

/// `api/users/{id}`, `v1/items`: a path without its leading slash.
fn relative_path(t: &str) -> bool {
    let first = t.split('/').next().unwrap_or("");
    t.contains('/')
        && !t.contains("://")
        && !first.is_empty()
        && first.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && t.chars().all(|c| !c.is_whitespace())
}

/// Converters in placeholders: sphinx `(int:id)`, `{id:int}` (ASP.NET, Starlette),
/// Flask `<int:id>`.
fn placeholder_types(target: &str) -> Vec<(String, Type)> {
    let mut out = Vec::new();
    for (open, close) in [('(', ')'), ('{', '}'), ('<', '>')] {
        let mut rest = target;
        while let Some(o) = rest.find(open) {
            let Some(c) = rest[o..].find(close).map(|c| o + c) else { break };
            let inner = &rest[o + 1..c];
            if let Some((a, b)) = inner.split_once(':') {
                // `(int:id)` and `<int:id>` put the converter first, `{id:int}` last.
                let (conv, name) = if open == '{' { (b, a) } else { (a, b) };
                let ty = match conv.trim().to_ascii_lowercase().as_str() {
                    "int" | "integer" | "long" | "int32" | "int64" => Some(Type::integer()),
                    "float" | "double" | "decimal" | "number" => Some(Type::Number),
                    "bool" | "boolean" => Some(Type::Boolean),
                    "uuid" | "guid" => Some(Type::String { format: Some("uuid".into()) }),
                    "datetime" => Some(Type::DateTime),
                    _ => None,
                };
                if let Some(ty) = ty {
                    out.push((name.trim().to_string(), ty));
                }
            }
            rest = &rest[c + 1..];
        }
    }
    out
}

/// Postman's `{{baseUrl}}/x`, `{base_url}/x`, `$API/x`, `:baseUrl/x` → `/x`.
fn strip_base_variable(target: &str) -> &str {
    for (open, close) in [("{{", "}}"), ("{", "}"), ("$", "/"), ("<", ">")] {
        if let Some(rest) = target.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let after = &rest[end + close.len()..];
                let after = if close == "/" { &rest[end..] } else { after };
                if after.starts_with('/') {
                    return after;
                }
            }
        }
    }
    target
}

/// A method line: `PUT`, `PUT /users/{id}`, glued `PUThttps://…`, `put https://…`.
pub(crate) fn split_method_line(line: &str) -> Option<(Method, Option<String>)> {
    let line = line.trim();
    for verb in ["OPTIONS", "DELETE", "PATCH", "POST", "HEAD", "GET", "PUT"] {
        // Prose starting with a verb (`Delete the user`) is not a method line: the verb is
        // printed all upper or all lower case.
        let printed = line.get(..verb.len()).filter(|p| *p == verb || *p == verb.to_ascii_lowercase());
        let Some(printed) = printed else { continue };
        let rest = line[printed.len()..].trim();
        if rest.is_empty() || looks_like_url(rest) {
            return Some((Method::parse(verb)?, (!rest.is_empty()).then(|| rest.to_string())));
        }
    }
    None
}

pub(crate) fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && !s.contains(char::is_whitespace) && (s.starts_with('/') || s.starts_with("http://") || s.starts_with("https://"))
}

/// `https://api.x.com/v1/users/:id?x=1` → (`https://api.x.com`, `/v1/users/{id}`).
pub(crate) fn split_url(url: &str) -> (Option<String>, String) {
    let url = url.trim();
    let url = url.split(['?', '#']).next().unwrap_or(url);
    let (base, path) = match url.split_once("://") {
        Some((scheme, rest)) => match rest.find('/') {
            Some(i) => (Some(format!("{scheme}://{}", &rest[..i])), &rest[i..]),
            None => (Some(url.to_string()), "/"),
        },
        None => (None, url),
    };
    let path = path.split('/').map(segment).collect::<Vec<_>>().join("/");
    (base, path)
}

/// One path segment with its placeholder spelling normalised.
fn segment(seg: &str) -> String {
    // Rails-style format suffixes: `update.:format` → `update.{format}`.
    if let Some((head, name)) = seg.split_once(".:").filter(|(h, n)| !h.is_empty() && !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '_')) {
        return format!("{}.{{{name}}}", segment(head));
    }
    if let Some(rest) = seg.strip_prefix(':') {
        // `:fileId.json`: the name ends at the first non-identifier character; `-` joins
        // words (`:file-id`) when a word character follows.
        let chars: Vec<(usize, char)> = rest.char_indices().collect();
        let end = chars
            .iter()
            .enumerate()
            .find(|(k, (_, c))| !(c.is_alphanumeric() || *c == '_' || (*c == '-' && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric()))))
            .map_or(rest.len(), |(_, (i, _))| *i);
        return if end == 0 { seg.to_string() } else { format!("{{{}}}{}", &rest[..end], &rest[end..]) };
    }
    let seg = seg.replace("%7B", "{").replace("%7D", "}").replace("%7b", "{").replace("%7d", "}");
    let mut out = String::new();
    let mut rest = seg.as_str();
    while let Some(open) = rest.find(['{', '<', '(', '$']) {
        let (opener, closer) = match rest[open..].chars().next() {
            Some('<') => ('<', '>'),
            Some('(') => ('(', ')'),
            Some('$') if rest[open + 1..].starts_with('{') => ('$', '}'),
            Some('{') => ('{', '}'),
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
                continue;
            }
        };
        let Some(close) = rest[open..].find(closer).map(|c| open + c) else { break };
        let inner = rest[open + opener.len_utf8()..close].trim_start_matches('{');
        // `{id:int}`, `(int:id)`, `{+path}`, `{path*}`, `<ID>`.
        let name = match opener {
            '(' => inner.rsplit(':').next().unwrap_or(inner),
            _ => inner.split(':').next().unwrap_or(inner),
        };
        let name = name.trim().trim_start_matches(['+', '#', '.', '/', ';', '?', '&']).trim_end_matches('*').trim();
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            out.push_str(&rest[..=close]);
        } else {
            out.push_str(&rest[..open]);
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The path template with placeholder names dropped, for comparing templates (`/a/{}/b`).
pub fn path_shape(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.trim_end_matches('/').chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    out.push_str("{}");
                }
            }
            '}' => depth -= 1,
            _ if depth > 0 => {}
            c => out.push(c),
        }
    }
    out
}

/// A request line inside prose, for messages: `GET /x` normalised.
pub fn describe(e: &Endpoint) -> String {
    normalize_ws(&format!("{} {}", e.method.as_str(), e.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep(line: &str) -> Option<(Method, String, Option<String>, Evidence)> {
        endpoint_in_line(line).map(|e| (e.method, e.path, e.base_url, e.evidence))
    }

    #[test]
    fn endpoint_lines() {
        let stated = |m, p: &str| Some((m, p.to_string(), None, Evidence::Stated));
        assert_eq!(ep("GET /v2/accounts/{account_id}/invoices/{invoice_id}"), stated(Method::Get, "/v2/accounts/{account_id}/invoices/{invoice_id}"));
        assert_eq!(ep("**POST** /pets"), stated(Method::Post, "/pets"));
        assert_eq!(ep("`DELETE /x/:id`"), stated(Method::Delete, "/x/{id}"));
        assert_eq!(ep("Endpoint: PATCH /users/<ID>"), stated(Method::Patch, "/users/{ID}"));
        assert_eq!(ep("Wraps PUT /things/{thingId}"), stated(Method::Put, "/things/{thingId}"));
        assert_eq!(ep("get/v1/users/{id:int}"), stated(Method::Get, "/v1/users/{id}"));
        assert_eq!(ep("GET /toolsResponse:"), stated(Method::Get, "/tools"));
        assert_eq!(ep("POST /api/statuses/update.:format"), stated(Method::Post, "/api/statuses/update.{format}"));
        assert_eq!(ep("GET /v2/{name=projects/*/locations/*/keys/*}"), stated(Method::Get, "/v2/{name}"));
        assert_eq!(ep("POST /v1/{parent=projects/*}/topics:publish"), stated(Method::Post, "/v1/{parent}/topics:publish"));
        assert_eq!(ep("GET /pet/{petId}Request"), stated(Method::Get, "/pet/{petId}"));
        assert_eq!(ep("GET /channels/<CHANNEL_ID>Typical"), stated(Method::Get, "/channels/{CHANNEL_ID}"));
        assert_eq!(ep("POST /api/TokenRequest"), stated(Method::Post, "/api/TokenRequest"));
        assert_eq!(ep(".. http:get:: /users/(int:user_id)/posts/(tag)"), stated(Method::Get, "/users/{user_id}/posts/{tag}"));
        assert_eq!(ep("Retrieve a Note [GET /notes/{id}{?verbose}]"), stated(Method::Get, "/notes/{id}"));
        assert_eq!(ep("GET {{baseUrl}}/orders/:orderId"), stated(Method::Get, "/orders/{orderId}"));
        let full = endpoint_in_line("GEThttps://api.example.com/v1/teams/{teamId}?api-version=2024-01-01").unwrap();
        assert_eq!(
            (full.base_url.as_deref(), full.path.as_str(), full.query.as_slice()),
            (Some("https://api.example.com"), "/v1/teams/{teamId}", &["api-version".to_string()][..])
        );
        assert_eq!(ep("POST /v1/tokens HTTP/1.1").map(|e| e.3), Some(Evidence::Example));
        for prose in ["Get the list of users", "GET requests should not have a body", "Delete /x", "POST", "GETTING /x", "get a user by id"] {
            assert_eq!(ep(prose), None, "{prose}");
        }
    }

    #[test]
    fn blueprint_headings() {
        assert_eq!(blueprint("Retrieve a Note [GET]"), Some((Some(Method::Get), None)));
        assert_eq!(blueprint("# Notes [/notes{?page,limit}]"), Some((None, Some("/notes".into()))));
        assert_eq!(blueprint_query("/notes{?page,limit}"), ["page", "limit"]);
        assert_eq!(blueprint("See [the guide]"), None);
    }

    #[test]
    fn urls() {
        assert_eq!(split_url("https://api.x.com/v1/users/:userId?x=1"), (Some("https://api.x.com".into()), "/v1/users/{userId}".into()));
        assert_eq!(split_url("/users/{id}"), (None, "/users/{id}".into()));
        assert_eq!(split_url("https://api.x.com"), (Some("https://api.x.com".into()), "/".into()));
        assert_eq!(split_url("/v1/files/:fileId.json"), (None, "/v1/files/{fileId}.json".into()));
        assert_eq!(split_url("/a/:/b"), (None, "/a/:/b".into()));
        assert_eq!(split_url("/files/:file-id/raw"), (None, "/files/{file-id}/raw".into()));
        assert_eq!(split_url("/a/{+path}/b/{rest*}/c/%7Bx%7D/${y}"), (None, "/a/{path}/b/{rest}/c/{x}/{y}".into()));
        assert_eq!(split_url("/a/(b c)/{}"), (None, "/a/(b c)/{}".into()));
        assert_eq!(path_shape("/a/{b}/c/{d}/"), "/a/{}/c/{}");
    }

    #[test]
    fn method_lines() {
        assert_eq!(split_method_line("PUT"), Some((Method::Put, None)));
        assert_eq!(split_method_line("PUT/users/{userId}"), Some((Method::Put, Some("/users/{userId}".into()))));
        assert_eq!(split_method_line("GEThttps://api.x.com/v1/a"), Some((Method::Get, Some("https://api.x.com/v1/a".into()))));
        assert_eq!(split_method_line("put https://x.io/api/users/{id}").map(|m| m.0), Some(Method::Put));
        assert_eq!(split_method_line("Delete the user"), None);
        assert_eq!(split_method_line("Patch"), None);
    }
}
