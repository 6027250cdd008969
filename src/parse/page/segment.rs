//! Where the operations of a page are, and where each one's part of the page starts.
//!
//! Every stated endpoint (method and path) is an anchor. A page with one anchor is one
//! operation; a page with several (Slate, Redoc, API Blueprint, Postman documenter, sphinx)
//! is split between consecutive anchors: at the outermost heading between them when the
//! page has headings, otherwise where the layout's rhythm says the next operation starts
//! (its title line). Requests in code samples are anchors only where nothing states one,
//! and a concrete URL that instantiates a stated template (`/users/42` for `/users/{id}`)
//! is an example of it, never an operation of its own.

use super::units::Unit;
use crate::parse::blocks::ListItem;
use crate::parse::recognise::endpoint::{Endpoint, Evidence, blueprint, blueprint_query, endpoint_in_line, looks_like_url, path_shape, split_url};
use crate::parse::recognise::field::{detail_line, field_line, is_name_line};
use crate::parse::recognise::request::request_in_code;
use crate::parse::recognise::table::endpoint_rows;
use crate::parse::text::normalize_ws;
use crate::parse::vocab::chrome::is_chrome;
use crate::parse::vocab::sections::{Section, section_of};
use crate::parse::vocab::type_words::type_words;
use crate::schema::Method;
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct Anchor {
    pub unit: usize,
    /// Units the endpoint is spread over (a method line, then the path on later lines).
    pub span: usize,
    pub endpoint: Endpoint,
}

/// An endpoint listed in an index (table or list of endpoints), with its summary.
#[derive(Debug, Clone)]
pub struct Listed {
    pub endpoint: Endpoint,
    pub summary: Option<String>,
    pub line: u32,
}

#[derive(Debug, Default)]
pub struct Found {
    pub anchors: Vec<Anchor>,
    pub examples: Vec<Anchor>,
    pub listed: Vec<Listed>,
}

/// One operation's part of the page: units `start..end`.
#[derive(Debug, Clone)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub anchor: Option<Anchor>,
    pub title: Option<(String, u32)>,
}

pub fn find(units: &[Unit<'_>]) -> Found {
    let mut found = Found::default();
    // API Blueprint resource headings give the path of the action headings below them.
    let mut resource: Option<(u8, String, Vec<String>)> = None;
    let mut i = 0;
    while i < units.len() {
        match units[i] {
            Unit::Heading { level, text, .. } => {
                if resource.as_ref().is_some_and(|(l, _, _)| level <= *l) {
                    resource = None;
                }
                match blueprint(text).or_else(|| path_or_method_heading(text)) {
                    Some((None, Some(path))) => resource = Some((level, path, blueprint_query(text))),
                    Some((Some(m), None)) => {
                        if let Some((_, path, query)) = &resource {
                            if let Some(mut e) = endpoint_in_line(&format!("{} {path}", m.as_str())) {
                                // The resource's `{?q,page}` are the reading actions' query; a
                                // POST to the collection does not take them.
                                e.query = if matches!(m, Method::Get | Method::Head | Method::Delete) { query.clone() } else { Vec::new() };
                                found.anchors.push(Anchor { unit: i, span: 1, endpoint: e });
                            }
                        }
                    }
                    _ => match method_line(units, i).filter(|_| endpoint_in_line(text).is_none()) {
                        Some(a) => {
                            i += a.span;
                            found.anchors.push(a);
                            continue;
                        }
                        None => line_anchor(units, i, text, &mut found),
                    },
                }
            }
            Unit::Line { text, .. } => {
                if let Some(e) = tag_endpoint(text) {
                    found.anchors.push(Anchor { unit: i, span: 1, endpoint: e });
                    i += 1;
                    continue;
                }
                if let Some(a) = method_line(units, i).or_else(|| labelled_route(units, i)) {
                    i += a.span;
                    found.anchors.push(a);
                    continue;
                }
                line_anchor(units, i, text, &mut found);
            }
            Unit::Table { header, rows, .. } => {
                let listed = endpoint_rows(header, rows);
                if listed.len() == 1 && rows.len() <= 1 {
                    found.anchors.push(Anchor { unit: i, span: 1, endpoint: listed[0].0.clone() });
                } else {
                    found.listed.extend(listed.into_iter().map(|(endpoint, summary, line)| Listed { endpoint, summary, line }));
                }
            }
            Unit::List { items, .. } => list_anchors(items, i, &mut found),
            Unit::Definitions { items, .. } => {
                if let Some(e) = items.iter().find_map(|d| endpoint_in_line(&d.term.text).filter(|e| e.evidence == Evidence::Stated)) {
                    found.anchors.push(Anchor { unit: i, span: 1, endpoint: e });
                }
            }
            Unit::Code { text, .. } => {
                let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                match lines.as_slice() {
                    [one] if endpoint_in_line(one).is_some_and(|e| e.evidence == Evidence::Stated) => {
                        found.anchors.extend(endpoint_in_line(one).map(|endpoint| Anchor { unit: i, span: 1, endpoint }));
                    }
                    _ => {
                        // `curl -H "Authorization: …" https://api.example.com` shows how to
                        // authenticate, not an operation on the root.
                        if let Some(e) = request_in_code(text).and_then(|r| r.endpoint).filter(|e| !e.path.trim_matches('/').is_empty()) {
                            found.examples.push(Anchor { unit: i, span: 1, endpoint: e });
                        }
                    }
                }
            }
        }
        i += 1;
    }
    index_runs(units, &mut found);
    found.anchors = distinct(std::mem::take(&mut found.anchors));
    let stated: Vec<Endpoint> = found.anchors.iter().map(|a| a.endpoint.clone()).collect();
    found.examples.retain(|a| !stated.iter().any(|s| same_or_instance(s, &a.endpoint)));
    found.examples = distinct(std::mem::take(&mut found.examples));
    found
}

/// A heading that is only a path (`### /kilns/{kilnId}`) or only a method (`#### GET`,
/// `##### ***POST***`): swagger-markdown's resource and operation headings.
fn path_or_method_heading(text: &str) -> Option<(Option<Method>, Option<String>)> {
    let t = crate::parse::text::strip_emphasis_marks(text);
    let t = t.trim();
    if t.starts_with('/') && !t.contains(' ') {
        return Some((None, Some(split_url(t).1)));
    }
    let upper = t.chars().all(|c| c.is_ascii_uppercase());
    (upper || is_capitalised(t)).then(|| Method::parse(t)).flatten().map(|m| (Some(m), None))
}

/// An endpoint stated on one line; a following line with the full URL gives the base URL.
fn line_anchor(units: &[Unit<'_>], i: usize, text: &str, found: &mut Found) {
    let Some(mut e) = endpoint_in_line(text) else { return };
    if e.evidence == Evidence::Example {
        found.examples.push(Anchor { unit: i, span: 1, endpoint: e });
        return;
    }
    // Redoc: `get/zones` then `https://api.example.com/v2/zones` (maybe after a server name).
    let mut span = 1;
    for k in i + 1..=i + 2 {
        let Some(Unit::Line { text: next, .. }) = units.get(k) else { break };
        let next = next.replace(" /", "/");
        if let (Some(base), path) = split_url(&next) {
            if e.base_url.is_none() && path_shape(&path).ends_with(&path_shape(&e.path)) && looks_like_url(&next) {
                // The URL's segments before the endpoint's (placeholders may be spelled
                // differently, so count segments, not bytes).
                let (segments, own) = (path.trim_matches('/').split('/').count(), e.path.trim_matches('/').split('/').count());
                let prefix: Vec<&str> = path.trim_matches('/').split('/').take(segments.saturating_sub(own)).collect();
                let prefix = if prefix.is_empty() { String::new() } else { format!("/{}", prefix.join("/")) };
                e.base_url = Some(format!("{base}{prefix}"));
                span = k - i + 1;
                break;
            }
        }
    }
    found.anchors.push(Anchor { unit: i, span, endpoint: e });
}

/// A method alone on its line, the path on the next lines: `PUT` + `https://…/users/:id`,
/// Mintlify's `POST` + `/` + `v1` + `/` + `boxes`, Postman's `GET` + name + URL,
/// Document360's `Post` + `/v1/transfers`.
fn method_line(units: &[Unit<'_>], i: usize) -> Option<Anchor> {
    let (Unit::Line { text, .. } | Unit::Heading { text, .. }) = units[i] else { return None };
    let t = text.trim();
    // `POST Creating Employee` (a README heading): the method, then the request's name.
    let titled = t
        .split_once(' ')
        .filter(|(m, rest)| m.chars().all(|c| c.is_ascii_uppercase()) && rest.starts_with(|c: char| c.is_uppercase()) && endpoint_in_line(t).is_none())
        .and_then(|(m, _)| Method::parse(m));
    let method = match t {
        "DEL" | "del" | "Del" => Method::Delete,
        _ if t.len() <= 7 && (t.chars().all(|c| c.is_ascii_uppercase()) || t.chars().all(|c| c.is_ascii_lowercase()) || is_capitalised(t)) => Method::parse(t)?,
        _ if titled.is_some() => titled?,
        // Postman's single column: `GETSearch books`, the method glued to the request name.
        _ => glued_method(t)?.0,
    };
    // `URL : http://localhost:8000/register`: the address under a label.
    let line_text = |k: usize| match units.get(k) {
        Some(Unit::Line { text, .. }) => {
            // A curl sample's prompt glued to the path (`/api-calls/{id}$ curl "…"`).
            let t = text.split_once("$ curl").map_or(*text, |(path, _)| path).trim();
            Some(unglued_path(units, labelled(t, ADDRESS_LABELS).unwrap_or(t)))
        }
        _ => None,
    };
    // A path printed one segment per line.
    if line_text(i + 1).is_some_and(|n| n == "/" || n.starts_with('/') && !n.contains(' ')) {
        let mut path = String::new();
        let mut k = i + 1;
        while let Some(part) = line_text(k) {
            let fragment =
                part == "/" || part.starts_with('/') || !path.is_empty() && path.ends_with('/') && !part.contains(char::is_whitespace) && part.len() < 80;
            if !fragment || is_chrome(part) {
                break;
            }
            path.push_str(part);
            k += 1;
        }
        let e = endpoint_in_line(&format!("{} {path}", method.as_str()))?;
        return Some(Anchor { unit: i, span: k - i, endpoint: e });
    }
    // The URL just before, under its own label (openapi-generator dynamic-html: `URL`, the
    // URL, `HTTP Method`, the method).
    for k in (i.saturating_sub(3)..i).rev() {
        match units[k] {
            Unit::Line { text, .. } if looks_like_url(text) => {
                let e = endpoint_in_line(&format!("{} {}", method.as_str(), text.trim()))?;
                return Some(Anchor { unit: i, span: 1, endpoint: e });
            }
            Unit::Heading { text, .. } | Unit::Line { text, .. } if section_of(text) == Some(Section::Endpoint) => {}
            _ => break,
        }
    }
    // StatusNet-style cards: `URL pattern` / the path / `Formats (:format)` / `xml, json` /
    // `HTTP Method(s)` / the method: under a method label, the nearest path above.
    let method_label = i.checked_sub(1).and_then(|p| units[p].text()).is_some_and(|l| {
        let l = l.trim().to_ascii_lowercase();
        l.starts_with("http method") || l == "method" || l == "method:" || l == "methods"
    });
    if method_label {
        for k in (i.saturating_sub(7)..i.saturating_sub(1)).rev() {
            if let Unit::Line { text, .. } = units[k] {
                let t = text.trim();
                if t.starts_with('/') && !t.contains(' ') {
                    let e = endpoint_in_line(&format!("{} {t}", method.as_str()))?;
                    return Some(Anchor { unit: i, span: 1, endpoint: e });
                }
            }
        }
    }
    // The URL within the next two lines (Postman puts the request name between); a server
    // URL and the path may sit on lines of their own (Stoplight).
    for k in i + 1..=i + 2 {
        let Some(next) = line_text(k) else { break };
        if looks_like_url(next) || next.starts_with("{{") {
            let mut path = String::new();
            let mut last = k;
            while let Some(more) = line_text(last + 1).filter(|m| m.starts_with('/') && !m.contains(' ') && !next.ends_with(*m)) {
                path.push_str(more);
                last += 1;
            }
            // A server URL with the path on the next line: the URL is the base.
            let e = if path.is_empty() || !looks_like_url(next) {
                endpoint_in_line(&format!("{} {next}{path}", method.as_str()))?
            } else {
                let mut e = endpoint_in_line(&format!("{} {path}", method.as_str()))?;
                e.base_url = Some(next.trim_end_matches('/').to_string());
                e
            };
            return Some(Anchor { unit: i, span: last - i + 1, endpoint: e });
        }
        if Method::parse(next).is_some() {
            break;
        }
    }
    None
}

const ADDRESS_LABELS: &[&str] = &[
    "url",
    "endpoint",
    "request url",
    "resource url",
    "uri",
    "path",
    "route",
    "end point",
    "请求地址",
    "接口地址",
    "请求url",
    "请求路径",
    "接口路径",
    "地址",
    "リクエストurl",
    "エンドポイント",
    "요청 url",
    "엔드포인트",
];
const METHOD_LABELS: &[&str] =
    &["method", "http method", "request method", "verb", "http verb", "请求方法", "请求方式", "方法", "メソッド", "httpメソッド", "메서드", "요청 방식"];

/// The value of a `Label : value` line whose label is one of `labels` (any case; a
/// full-width colon too).
fn labelled<'t>(t: &'t str, labels: &[&str]) -> Option<&'t str> {
    let (label, value) = t.split_once(':').or_else(|| t.split_once('：'))?;
    let label = label.trim().to_lowercase();
    (labels.contains(&label.as_str()) && !value.trim().is_empty()).then(|| value.trim())
}

/// A README's request card: `URL : /api/login/` and `Method : POST` on lines of their own,
/// a few lines apart, in either order.
fn labelled_route(units: &[Unit<'_>], i: usize) -> Option<Anchor> {
    // `URL : /x` on one line, or the label alone and its value on the next line or in a
    // one-item list (ShowDoc: `请求URL:` then `• /api/v2/token`).
    let value = |k: usize, labels: &[&str]| -> Option<(usize, String)> {
        let Some(Unit::Line { text, .. }) = units.get(k) else { return None };
        let t = text.trim();
        if let Some(v) = labelled(t, labels) {
            return Some((k, v.to_string()));
        }
        let label = t.strip_suffix(':').or_else(|| t.strip_suffix('：'))?.trim().to_lowercase();
        if !labels.contains(&label.as_str()) {
            return None;
        }
        match units.get(k + 1)? {
            Unit::Line { text, .. } => Some((k + 1, text.trim().to_string())),
            Unit::List { items: [only], .. } => Some((k + 1, only.inline.text.trim().to_string())),
            _ => None,
        }
    };
    let (address, method, last) = if let Some((end, address)) = value(i, ADDRESS_LABELS) {
        let (k, m) = (end + 1..=end + 3).find_map(|k| value(k, METHOD_LABELS))?;
        (address, m, k)
    } else {
        let (end, method) = value(i, METHOD_LABELS)?;
        let (k, a) = (end + 1..=end + 3).find_map(|k| value(k, ADDRESS_LABELS))?;
        (a, method, k)
    };
    let (address, method) = (address.as_str(), method.as_str());
    let method = Method::parse(method.split_whitespace().next()?)?;
    if !(address.starts_with('/') || looks_like_url(address)) {
        return None;
    }
    let endpoint = endpoint_in_line(&format!("{} {}", method.as_str(), address.split_whitespace().next()?))?;
    Some(Anchor { unit: i, span: last - i + 1, endpoint })
}

/// A path line with the next text glued on (GitBook: `/api/v1/rolesLast updated`, Apidog:
/// `/pet/{petid}Request`, a stripe-like `/v1/customers/:idReturns the customer…`, or the
/// first response tab, `/oauth/token200`, when that status heads a response on the page).
fn unglued_path<'t>(units: &[Unit<'_>], t: &'t str) -> &'t str {
    if !t.starts_with('/') {
        return t;
    }
    let chrome_tail = t
        .char_indices()
        .zip(t.chars().skip(1))
        .find(|((_, c), next)| (c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '}') && next.is_ascii_uppercase())
        .map(|((i, c), _)| i + c.len_utf8())
        .filter(|&i| is_chrome(&t[i..]) || section_of(&t[i..]).is_some() || !t[..i].contains(' ') && t[i..].contains(' '));
    if let Some(i) = chrome_tail {
        return &t[..i];
    }
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, code) = t.split_at(t.len() - digits);
    let status_line = || units.iter().any(|u| matches!(u, Unit::Line { text, .. } if text.trim() == code));
    if digits == 3 && code.starts_with('2') && head.ends_with(|c: char| c.is_ascii_alphabetic()) && status_line() {
        return head;
    }
    t
}

/// `POSTPlace order` → POST.
fn glued_method(t: &str) -> Option<(Method, &str)> {
    let caps = t.chars().take_while(char::is_ascii_uppercase).count();
    let verb = &t[..if caps > 3 { caps - 1 } else { caps }];
    let m = Method::parse(verb).or_else(|| (verb == "DEL").then_some(Method::Delete))?;
    let rest = &t[verb.len()..];
    (rest.starts_with(|c: char| c.is_ascii_uppercase()) && rest.chars().nth(1).is_some_and(|c| c.is_ascii_lowercase())).then_some((m, rest))
}

fn is_capitalised(t: &str) -> bool {
    let mut c = t.chars();
    c.next().is_some_and(|f| f.is_ascii_uppercase()) && c.all(|x| x.is_ascii_lowercase())
}

/// A list of endpoints is an index; a list with one endpoint item states it.
fn list_anchors(items: &[ListItem], i: usize, found: &mut Found) {
    // Items linking into the page (`#createPlant`) are a table of contents.
    let toc = items.iter().any(|item| item.inline.link.as_deref().is_some_and(|l| l.starts_with('#')));
    let endpoints: Vec<(Endpoint, Option<String>, u32)> = items
        .iter()
        .filter_map(|item| {
            let first = item.inline.text.lines().next().unwrap_or("");
            let e = endpoint_in_line(first).filter(|e| e.evidence == Evidence::Stated)?;
            let rest = first.split_once(&e.path).map(|(_, r)| r.trim().trim_start_matches(['-', '–', ':', '—']).trim().to_string()).filter(|r| !r.is_empty());
            Some((e, rest, item.line))
        })
        .collect();
    // A request card as list items (`• 请求方法:POST`, `• 请求地址:/oauth/token`).
    if endpoints.is_empty() {
        let texts: Vec<&str> = items.iter().map(|item| item.inline.text.lines().next().unwrap_or("").trim()).collect();
        let method = texts.iter().find_map(|t| labelled(t, METHOD_LABELS)).and_then(|m| Method::parse(m.split_whitespace().next()?));
        let address = texts.iter().find_map(|t| labelled(t, ADDRESS_LABELS)).filter(|a| a.starts_with('/') || looks_like_url(a));
        if let (Some(m), Some(a)) = (method, address) {
            if let Some(endpoint) = a.split_whitespace().next().and_then(|a| endpoint_in_line(&format!("{} {a}", m.as_str()))) {
                found.anchors.push(Anchor { unit: i, span: 1, endpoint });
            }
        }
        return;
    }
    match endpoints.len() {
        1 if items.len() == 1 && !toc => found.anchors.push(Anchor { unit: i, span: 1, endpoint: endpoints[0].0.clone() }),
        _ => found.listed.extend(endpoints.into_iter().map(|(endpoint, summary, line)| Listed { endpoint, summary, line })),
    }
}

/// GitBook's `{% swagger method="get" path="/x" baseUrl="…" %}` / `{% api-method method="get"
/// host="…" path="…" %}`.
fn tag_endpoint(text: &str) -> Option<Endpoint> {
    let t = crate::parse::recognise::tag::tag(text)?;
    let method = Method::parse(t.attr("method")?)?;
    let path = t.attr("path")?;
    let base = t.attr("baseUrl").or_else(|| t.attr("host")).unwrap_or("");
    let url = if path.starts_with("http") { path.to_string() } else { format!("{}{path}", base.trim_end_matches('/')) };
    let mut e = endpoint_in_line(&format!("{} {url}", method.as_str())).or_else(|| endpoint_in_line(&format!("{} {path}", method.as_str())))?;
    if e.base_url.is_some() && !base.is_empty() {
        e.base_url = Some(base.trim_end_matches('/').to_string());
        e.path = split_url(path).1;
    }
    Some(e)
}

/// Endpoints printed one right after the other are an index
/// (Scalar's `Orders Operations`, a sidebar), not the operations' own sections: they are
/// listed, and the operations are anchored where they are documented.
fn index_runs(units: &[Unit<'_>], found: &mut Found) {
    let anchors = std::mem::take(&mut found.anchors);
    // Nothing but chrome between them: a title in between is an operation's summary
    // (Swagger UI's collapsed operations), not an index.
    let adjacent = |a: &Anchor, b: &Anchor| {
        !is_card(units, a) && !is_card(units, b) && (a.unit + a.span..b.unit).all(|k| matches!(units[k], Unit::Line { text, .. } if is_chrome(text)))
    };
    let mut in_run = vec![false; anchors.len()];
    for i in 1..anchors.len() {
        if adjacent(&anchors[i - 1], &anchors[i]) {
            in_run[i - 1] = true;
            in_run[i] = true;
        }
    }
    // A run that repeats one endpoint with other query strings (Microsoft Learn prints the
    // optional parameters as a second `GET` line) is that endpoint.
    let mut anchors = anchors;
    let mut k = 0;
    while k < anchors.len() {
        let mut end = k + 1;
        while end < anchors.len() && in_run[end] && in_run[k] && adjacent(&anchors[end - 1], &anchors[end]) {
            end += 1;
        }
        let same = |a: &Anchor| a.endpoint.method == anchors[k].endpoint.method && path_shape(&a.endpoint.path) == path_shape(&anchors[k].endpoint.path);
        if end - k > 1 && anchors[k..end].iter().all(same) {
            let queries: Vec<String> = anchors[k + 1..end].iter().flat_map(|a| a.endpoint.query.clone()).collect();
            for q in queries {
                if !anchors[k].endpoint.query.contains(&q) {
                    anchors[k].endpoint.query.push(q);
                }
            }
            in_run[k] = false;
            anchors.drain(k + 1..end);
            in_run.drain(k + 1..end);
        }
        k += 1;
    }
    for (a, run) in anchors.into_iter().zip(in_run) {
        if run {
            found.listed.push(Listed { endpoint: a.endpoint, summary: None, line: units[a.unit].line() });
        } else {
            found.anchors.push(a);
        }
    }
}

/// A request card: a titled method line (`POST Register Boat`) with its URL on the next
/// lines stands for one operation, even with nothing under it.
fn is_card(units: &[Unit<'_>], a: &Anchor) -> bool {
    let titled = |t: &str| match t.trim().split_once(' ') {
        Some((m, rest)) => m.chars().all(|c| c.is_ascii_uppercase()) && Method::parse(m).is_some() && !rest.contains('/'),
        None => false,
    };
    a.span > 1 && units[a.unit].text().is_some_and(|t| titled(t) || glued_method(t.trim()).is_some())
}

/// `/users/42` instantiates `/users/{id}` (same method); equal shapes are the same endpoint.
pub fn same_or_instance(template: &Endpoint, other: &Endpoint) -> bool {
    if template.method != other.method {
        return false;
    }
    if path_shape(&template.path) == path_shape(&other.path) {
        return true;
    }
    let t: Vec<&str> = template.path.trim_matches('/').split('/').collect();
    let o: Vec<&str> = other.path.trim_matches('/').split('/').collect();
    // The example may carry the base path (`/api/v2/users/42` for `/users/{id}`).
    if o.len() < t.len() || t.iter().all(|s| !s.contains('{')) {
        return false;
    }
    let o = &o[o.len() - t.len()..];
    t.iter().zip(o).all(|(a, b)| a.contains('{') || a.eq_ignore_ascii_case(b))
}

/// Whether the segments of `instance` that stand where `template` has placeholders hold
/// values (`42`, `a1b2c3`) rather than words of the API (`search`, `me`).
fn fills_with_values(template: &Endpoint, instance: &Endpoint) -> bool {
    let t: Vec<&str> = template.path.trim_matches('/').split('/').collect();
    let o: Vec<&str> = instance.path.trim_matches('/').split('/').collect();
    let o = &o[o.len().saturating_sub(t.len())..];
    t.iter()
        .zip(o)
        .filter(|(a, _)| a.contains('{'))
        .any(|(_, b)| b.chars().any(|c| c.is_ascii_digit()) || b.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
}

/// The first anchor of each endpoint; later repeats and concrete instances dropped.
fn distinct(anchors: Vec<Anchor>) -> Vec<Anchor> {
    let mut seen: HashSet<(Method, String)> = HashSet::new();
    let templates: Vec<(usize, Endpoint)> = anchors.iter().filter(|a| a.endpoint.path.contains('{')).map(|a| (a.unit, a.endpoint.clone())).collect();
    let unique: Vec<Anchor> = anchors
        .into_iter()
        .filter(|a| {
            let e = &a.endpoint;
            // `/datasets/search` beside `/datasets/{id}` is a route of its own; `/datasets/42`
            // is the template filled in, and so is a full URL printed after it (a sample call).
            let filled = |unit: usize, t: &Endpoint| fills_with_values(t, e) || unit < a.unit && e.base_url.is_some();
            let instance = !e.path.contains('{') && templates.iter().any(|(unit, t)| t.path != e.path && same_or_instance(t, e) && filled(*unit, t));
            !instance && seen.insert((e.method, path_shape(&e.path)))
        })
        .collect();
    // One endpoint printed as a full URL and again as a path (`POST https://host/api/v2/x`,
    // later `POST /x`): the first place, the path without the base path.
    let mut out: Vec<Anchor> = Vec::new();
    // Candidates share the method and the last path segment.
    let mut by_tail: std::collections::HashMap<(Method, String), Vec<usize>> = std::collections::HashMap::new();
    let tail = |e: &Endpoint| (e.method, e.path.rsplit('/').next().unwrap_or("").to_string());
    for a in unique {
        let key = tail(&a.endpoint);
        let same = by_tail.get(&key).and_then(|ids| {
            ids.iter().copied().find(|&i| base_path_of(&out[i].endpoint, &a.endpoint).is_some() || base_path_of(&a.endpoint, &out[i].endpoint).is_some())
        });
        match same.map(|i| &mut out[i]) {
            Some(first) => {
                if let Some(prefix) = base_path_of(&first.endpoint, &a.endpoint) {
                    let base = first.endpoint.base_url.clone().unwrap_or_default();
                    first.endpoint.base_url = Some(format!("{base}{prefix}"));
                    first.endpoint.path = a.endpoint.path.clone();
                }
            }
            None => {
                by_tail.entry(key).or_default().push(out.len());
                out.push(a);
            }
        }
    }
    out
}

/// The literal base path `full` (stated with its host) has in front of `short`'s path.
fn base_path_of(full: &Endpoint, short: &Endpoint) -> Option<String> {
    full.base_url.as_ref()?;
    let prefix = full.path.strip_suffix(short.path.as_str())?;
    (!prefix.is_empty() && prefix.starts_with('/') && !prefix.contains('{') && !short.path.is_empty()).then(|| prefix.to_string())
}

/// Split the page into operations.
pub fn segments(units: &[Unit<'_>], found: &Found) -> Vec<Segment> {
    // Without a stated endpoint, each distinct example call stands for its operation
    // (GitBook's `GET /v1/search HTTP/1.1` blocks).
    let mut anchors: Vec<Anchor> = if found.anchors.is_empty() { found.examples.clone() } else { found.anchors.clone() };
    // A sample call of an endpoint the page's index lists (`curl …/api/v1/channels/<ID>` for
    // `GET /channels/:channel_id`): the listed template is the operation's path.
    if found.anchors.is_empty() {
        for a in &mut anchors {
            if let Some(listed) = found.listed.iter().find(|l| l.endpoint.path.contains('{') && same_or_instance(&l.endpoint, &a.endpoint)) {
                let (own, full) = (listed.endpoint.path.trim_matches('/').split('/').count(), a.endpoint.path.trim_matches('/').split('/').count());
                let prefix: Vec<&str> = a.endpoint.path.trim_matches('/').split('/').take(full.saturating_sub(own)).collect();
                if !prefix.is_empty() {
                    let base = a.endpoint.base_url.clone().unwrap_or_default();
                    a.endpoint.base_url = Some(format!("{base}/{}", prefix.join("/")));
                }
                a.endpoint.path = listed.endpoint.path.clone();
            }
        }
    }
    // A request structure with placeholders and, under a `Request example` label, the same
    // call filled in (a concrete path the template does not quite match): the template.
    if found.anchors.is_empty() && anchors.iter().any(|a| a.endpoint.path.contains('{')) {
        let sample =
            |a: &Anchor| (a.unit.saturating_sub(2)..a.unit).any(|k| units[k].text().is_some_and(|t| section_of(t) == Some(Section::Ignored) && !is_chrome(t)));
        // (A template is among them, so one anchor always stays.)
        anchors.retain(|a| a.endpoint.path.contains('{') || !sample(a));
    }
    if anchors.len() <= 1 {
        let anchor = anchors.into_iter().next();
        let title = page_title(units, anchor.as_ref());
        return vec![Segment { start: 0, end: units.len(), anchor, title }];
    }
    // Parameters before the first anchor, or — when the first operation has none — parameter
    // sections that sit nearer the next anchor than the previous one: each operation's
    // endpoint comes after its sections.
    // Samples right after most anchors (a request block, its response) also mean the
    // endpoint closes its operation.
    let samples_follow = anchors
        .iter()
        .filter(|a| {
            matches!(units.get(a.unit + a.span), Some(Unit::Code { .. })) || matches!(units[a.unit], Unit::Code { text, .. } if text.trim().lines().count() > 1)
        })
        .count();
    let anchor_last = params_before(units, 0, anchors[0].unit)
        || samples_follow * 2 > anchors.len() && anchors.windows(2).any(|p| params_before(units, p[0].unit + p[0].span, p[1].unit));
    // Swagger UI and accordion layouts print the summary right after `METHOD /path`.
    // The same line after every anchor is a tab (`cURL`, `Lingua CLI`), not a summary.
    let after: Vec<String> = anchors.iter().filter_map(|a| title_after_anchor(units, a)).map(|t| t.0).collect();
    let distinct: HashSet<&String> = after.iter().collect();
    let title_after = after.len() * 2 > anchors.len() && distinct.len() * 2 > after.len() && !params_before(units, 0, anchors[0].unit);
    // A line right after more than one anchor is a sample tab (`cURL`, `Lingua CLI`), and
    // names no operation.
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for a in &anchors {
        let tail: HashSet<&str> = units[(a.unit + a.span).min(units.len())..]
            .iter()
            .take(6)
            .filter_map(|u| match u {
                Unit::Line { text, .. } => Some(text.trim()),
                _ => None,
            })
            .collect();
        for t in tail {
            *counts.entry(t).or_default() += 1;
        }
    }
    let repeated: HashSet<&str> = counts.into_iter().filter(|(_, n)| *n > 1).map(|(t, _)| t).collect();
    let mut starts = vec![0];
    for pair in anchors.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let start = heading_boundary(units, a, b, anchor_last).unwrap_or_else(|| {
            if title_after {
                b.unit
            } else if anchor_last {
                rhythm_after(units, a, b, &repeated)
            } else {
                rhythm_before(units, a, b)
            }
        });
        starts.push(start.max(starts.last().copied().unwrap_or(0)));
    }
    // Routes listed together (ServiceStack's `GET /a`, `POST /b` rows for one request type,
    // nothing between them): each is documented by what follows the last of them.
    let mut ends: Vec<usize> = (0..anchors.len()).map(|k| starts.get(k + 1).copied().unwrap_or(units.len())).collect();
    for k in (0..anchors.len().saturating_sub(1)).rev() {
        let (a, b) = (&anchors[k], &anchors[k + 1]);
        let between = &units[a.unit + a.span..b.unit];
        let listed_together = between
            .iter()
            .all(|u| matches!(u, Unit::Line { text, .. } if section_of(text).is_none() && !title_like(text) || text.split_whitespace().count() > 12));
        let same_table = a.unit == b.unit;
        if listed_together && !is_card(units, a) && !is_card(units, b) || same_table {
            ends[k] = ends[k + 1];
        }
    }
    let mut out = Vec::new();
    for (k, anchor) in anchors.into_iter().enumerate() {
        let start = starts[k];
        let end = ends[k];
        let title = if title_after {
            title_after_anchor(units, &anchor).or_else(|| segment_title(units, start, &anchor, &repeated))
        } else {
            segment_title(units, start, &anchor, &repeated)
        };
        out.push(Segment { start, end, anchor: Some(anchor), title });
    }
    out
}

/// The title-like line right after an anchor (chrome skipped).
fn title_after_anchor(units: &[Unit<'_>], a: &Anchor) -> Option<(String, u32)> {
    let next = units[a.unit + a.span..].iter().take(3).find(|u| !matches!(u, Unit::Line { text, .. } if is_chrome(text)))?;
    match next {
        Unit::Line { text, line, .. } if title_like(text) => Some((normalize_ws(text), *line)),
        _ => None,
    }
}

/// The outermost heading between two anchors that is not a section heading; the second
/// anchor's own heading counts (`### Delete a Note [DELETE]`). Where anchors come before
/// their sections, a heading followed by parameter or response sections before the next
/// anchor is a sub-heading of the previous operation (`Consumes`, `Produces`), not a start.
fn heading_boundary(units: &[Unit<'_>], a: &Anchor, b: &Anchor, anchor_last: bool) -> Option<usize> {
    let content_section = |k: usize| {
        units[k].text().and_then(section_of).is_some_and(|s| matches!(s, Section::Params(_) | Section::Body(_) | Section::Response(_) | Section::Errors))
    };
    (a.unit + a.span..=b.unit)
        .filter_map(|k| match units[k] {
            Unit::Heading { level, text, .. } if section_of(text).is_none() => Some((level, k)),
            _ => None,
        })
        .filter(|&(_, k)| anchor_last || !(k + 1..b.unit).any(content_section))
        .min_by_key(|&(level, k)| (level, k))
        .map(|(_, k)| k)
}

/// Whether parameter or body sections come before the first anchor (Redoc's text: the
/// endpoint box follows the parameters).
fn params_before(units: &[Unit<'_>], from: usize, to: usize) -> bool {
    units[from..to].iter().any(|u| u.text().and_then(section_of).is_some_and(|s| matches!(s, Section::Params(_) | Section::Body(_))))
}

/// Anchor-last layouts: after an anchor come samples and status tabs; the next title-like
/// line starts the next operation.
fn rhythm_after(units: &[Unit<'_>], a: &Anchor, b: &Anchor, repeated: &HashSet<&str>) -> usize {
    let title = (a.unit + a.span..b.unit)
        .find(|&k| matches!(units[k], Unit::Line { text, .. } if title_like(text) && !sample_label(text) && !repeated.contains(text.trim())));
    // Without titles: the samples after the anchor, then the next operation's sections.
    let after_samples = || {
        let mut k = a.unit + a.span;
        while k < b.unit
            && (matches!(units[k], Unit::Code { .. })
                || matches!(units[k], Unit::Line { text, .. } if sample_label(text) || is_chrome(text) || text.trim().parse::<u16>().is_ok() || section_of(text).is_some_and(|s| matches!(s, Section::Ignored | Section::Response(_)))))
        {
            k += 1;
        }
        (k < b.unit && k > a.unit + a.span).then_some(k)
    };
    title.or_else(after_samples).unwrap_or(b.unit)
}

/// Anchor-first layouts: walk back from the next anchor over its title, description and
/// samples; stop at the previous operation's parameters.
fn rhythm_before(units: &[Unit<'_>], a: &Anchor, b: &Anchor) -> usize {
    // An endpoint that is its own heading, definition term or template tag starts its operation.
    if matches!(units[b.unit], Unit::Heading { .. } | Unit::Definitions { .. }) || is_tag(units, b.unit) {
        return b.unit;
    }
    let floor = a.unit + a.span;
    let mut start = b.unit;
    let mut k = b.unit;
    while k > floor {
        k -= 1;
        let belongs_to_previous = match units[k] {
            Unit::Table { .. } | Unit::List { .. } | Unit::Definitions { .. } => true,
            Unit::Code { .. } => false,
            Unit::Heading { text, .. } | Unit::Line { text, .. } => match section_of(text) {
                Some(Section::Endpoint | Section::Ignored) => false,
                Some(_) => true,
                None => field_line(text).is_some() || detail_line(text).is_some() || is_name_line(text).is_some() && !title_like(text),
            },
        };
        if belongs_to_previous {
            break;
        }
        start = k;
    }
    // The next operation starts at its title; without one before the anchor (Postman's
    // method line carries the title), at the anchor.
    (start..b.unit).find(|&k| matches!(units[k], Unit::Line { text, .. } if title_like(text))).unwrap_or(b.unit)
}

/// A short line that can name an operation: words, not a sentence, a field or a label.
pub fn title_like(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    (2..=12).contains(&words)
        && t.len() <= 100
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with(['.', ':', ',', ';'])
        && !t.starts_with(['{', '[', '"', '(', '-', '•', '*', '/', '<', '|'])
        && !is_chrome(t)
        && section_of(t).is_none()
        && crate::media::body_kind_in_text(t).is_none()
        && endpoint_in_line(t).is_none()
        && field_line(t).is_none()
        && detail_line(t).is_none()
        && type_words(t, true).is_none()
        && !t.contains("://")
        && !t.contains(['<', '>', '[', ']', '{', '}', '=', '"', '\\'])
        && !is_key_value(t)
        // `The Inverter object` heads a model's attributes, not an operation.
        && !(t.starts_with("The ") && t.ends_with(" object"))
}

/// `x-ratelimit-remaining: 57`, `Content-Type: application/json`: a header or label line.
/// `Auth required : YES`: a README card's label.
fn is_key_value(t: &str) -> bool {
    t.split_once(": ").is_some_and(|(k, _)| !k.contains(' ') || k.ends_with(' ') && k.split_whitespace().count() <= 3)
}

/// Labels of sample panes that look like titles (`Response samples`, `Request Example for post/x`).
fn sample_label(text: &str) -> bool {
    let l = text.to_lowercase();
    ["sample", "example", "expand all", "collapse all", "status:", "show schema"].iter().any(|w| l.contains(w))
}

/// A single-operation page's title: its first heading, else its first title-like line.
fn page_title(units: &[Unit<'_>], anchor: Option<&Anchor>) -> Option<(String, u32)> {
    let limit = anchor.map_or(units.len(), |a| a.unit);
    let heading = units[..limit].iter().find_map(|u| match u {
        Unit::Heading { text, line, .. } if section_of(text).is_none() => Some((clean_title(text), *line)),
        _ => None,
    });
    heading.or_else(|| {
        let first_section = (0..limit)
            .find(|&k| units[k].text().and_then(section_of).is_some_and(|s| matches!(s, Section::Params(_) | Section::Body(_) | Section::Response(_))));
        nearest_title(units, 0, first_section.unwrap_or(limit), &HashSet::new())
    })
}

/// The title of one operation of a multi-operation page.
fn is_tag(units: &[Unit<'_>], k: usize) -> bool {
    matches!(units[k], Unit::Line { text, .. } if crate::parse::recognise::tag::tag(text).is_some())
}

fn segment_title(units: &[Unit<'_>], start: usize, anchor: &Anchor, repeated: &HashSet<&str>) -> Option<(String, u32)> {
    // A template tag: its `summary`, or the first title after it (`{% api-method-summary %}`).
    if let Unit::Line { text, line, .. } = units[anchor.unit] {
        if let Some(tag) = crate::parse::recognise::tag::tag(text) {
            if let Some(summary) = tag.attr("summary") {
                return Some((summary.to_string(), line));
            }
            return units[anchor.unit + 1..].iter().take(6).find_map(|u| match u {
                Unit::Line { text, line, .. } if title_like(text) => Some((normalize_ws(text), *line)),
                _ => None,
            });
        }
    }
    // Postman: `GET`, the request's name, its URL.
    let inside = (anchor.unit + 1..anchor.unit + anchor.span).find_map(|k| match units[k] {
        Unit::Line { text, line, .. } if title_like(text) => Some((normalize_ws(text), line)),
        _ => None,
    });
    if inside.is_some() {
        return inside;
    }
    // swagger-markdown: `**Summary:** Create a new account` right after the method heading.
    let labelled = (anchor.unit + anchor.span..units.len()).take(4).find_map(|k| match units[k] {
        Unit::Line { text, line, .. } => {
            let (label, rest) = text.split_once(':')?;
            (label.trim().eq_ignore_ascii_case("summary") && title_like(rest.trim())).then(|| (normalize_ws(rest), line))
        }
        _ => None,
    });
    if labelled.is_some() {
        return labelled;
    }
    // The anchor's own heading (`### Delete a Note [DELETE]`) or titled method line.
    let own = match units[anchor.unit] {
        Unit::Heading { text, line, .. } => Some((text, line)),
        Unit::Line { text, line, .. } if is_card(units, anchor) => Some((text, line)),
        _ => None,
    };
    if let Some((text, line)) = own {
        let t = strip_endpoint(text);
        if !t.is_empty() && crate::schema::Method::parse(&t).is_none() {
            return Some((t, line));
        }
    }
    let heading = units[start..anchor.unit].iter().rev().find_map(|u| match u {
        Unit::Heading { text, line, .. } if section_of(text).is_none() => Some((clean_title(text), *line)),
        _ => None,
    });
    // GitHub's sections quote the operation's title (`Parameters for "Create a segment"`,
    // `"Create a segment" のパラメーター`).
    let quoted = (start..anchor.unit).find_map(|k| {
        let text = units[k].text()?;
        let inner = text.split('"').nth(1).filter(|q| text.matches('"').count() == 2 && title_like(q))?;
        (start..k).find_map(|j| match units[j] {
            Unit::Line { text: t, line, .. } | Unit::Heading { text: t, line, .. } if t.trim() == inner => Some((inner.to_string(), line)),
            _ => None,
        })
    });
    heading.or(quoted).or_else(|| {
        // Before the first request-side section or the anchor, whichever comes first.
        let first_section =
            (start..anchor.unit).find(|&k| units[k].text().and_then(section_of).is_some_and(|s| matches!(s, Section::Params(_) | Section::Body(_))));
        nearest_title(units, start, first_section.unwrap_or(anchor.unit), repeated)
    })
}

/// The title-like line nearest before `end`, skipping descriptions, samples and labels.
fn nearest_title(units: &[Unit<'_>], start: usize, end: usize, repeated: &HashSet<&str>) -> Option<(String, u32)> {
    units[start..end].iter().rev().take(40).find_map(|u| match u {
        Unit::Line { text, line, .. } if title_like(text) && !sample_label(text) && !repeated.contains(text.trim()) => Some((normalize_ws(text), *line)),
        _ => None,
    })
}

/// `Retrieve a Note [GET]` → `Retrieve a Note`; `GET /pets` → ``.
fn strip_endpoint(text: &str) -> String {
    let t = match text.rfind('[') {
        Some(i) if text.trim_end().ends_with(']') => &text[..i],
        _ => text,
    };
    if endpoint_in_line(t).is_some() {
        return String::new();
    }
    // `POST Register Boat`: the method, then the request's name.
    let t = t.trim();
    let t = match t.split_once(' ') {
        Some((m, rest)) if m.chars().all(|c| c.is_ascii_uppercase()) && Method::parse(m).is_some() => rest,
        // `POSTLogin`, glued.
        _ => glued_method(t).map_or(t, |(_, rest)| rest),
    };
    clean_title(t)
}

/// Headings carry anchors and markers: `Create a pet¶`, `List loans #`, `​Get user`.
pub fn clean_title(text: &str) -> String {
    let t = normalize_ws(text);
    let t = t.trim_end_matches(['¶', '#', '\u{200b}', ' ']).trim_start_matches(['\u{200b}', '#', ' ']);
    crate::parse::vocab::sections::strip_numbering(t).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lower::text::blocks;
    use crate::parse::page::units::units;

    fn split(page: &str) -> Vec<(Option<String>, Option<String>)> {
        let blocks = blocks(page);
        let u = units(&blocks);
        let found = find(&u);
        segments(&u, &found)
            .into_iter()
            .map(|s| (s.anchor.map(|a| format!("{} {}", a.endpoint.method.as_str(), a.endpoint.path)), s.title.map(|t| t.0)))
            .collect()
    }

    #[test]
    fn readme_request_cards() {
        // Labelled lines in either order; titled method lines with nothing under them are
        // operations of their own, not an index.
        let page = "Start a session\nURL : /api/login/\nMethod : POST\nAuth required : NO\nList kilns\nMethod: GET\nURL: /api/kilns/\nGET All Moorings\nURL: http://localhost:7070/moorings\nPATCHRename Boat\nURl:http://localhost:7070/boats/:boatId\n";
        assert_eq!(
            split(page),
            [
                (Some("POST /api/login/".into()), Some("Start a session".into())),
                (Some("GET /api/kilns/".into()), Some("List kilns".into())),
                (Some("GET /moorings".into()), Some("All Moorings".into())),
                (Some("PATCH /boats/{boatId}".into()), Some("Rename Boat".into()))
            ]
        );
    }

    #[test]
    fn anchor_first_pages() {
        let page = "Kittens\nGet All Kittens\ncurl \"http://example.com/api/kittens\"\nThis endpoint retrieves all kittens.\nHTTP Request\nGET http://example.com/api/kittens\nQuery Parameters\nParameter | Default | Description\n---|---|---\ninclude_cats | false | If set\nGet a Specific Kitten\ncurl \"http://example.com/api/kittens/2\"\nThis endpoint retrieves a specific kitten.\nHTTP Request\nGET http://example.com/kittens/<ID>\nURL Parameters\nParameter | Description\n---|---\nID | The ID\n";
        assert_eq!(
            split(page),
            [(Some("GET /api/kittens".into()), Some("Get All Kittens".into())), (Some("GET /kittens/{ID}".into()), Some("Get a Specific Kitten".into()))]
        );
    }

    #[test]
    fn anchor_last_pages() {
        let page = "List greenhouse zones\nReturns the zones.\nquery Parameters\nsite\nstring\nResponses\n200 A page\nget/zones\nhttps://api.example.com/v2/zones\nResponse samples\n200401\nCopy\n{\n\"a\": 1\n}\nGet sensor readings\nReturns readings.\npath Parameters\nzone_id\nrequired\nstring\nget/zones/{zone_id}/readings\nhttps://api.example.com/v2/zones/{zone_id}/readings\n";
        let blocks = blocks(page);
        let u = units(&blocks);
        let found = find(&u);
        assert_eq!(found.anchors[0].endpoint.base_url.as_deref(), Some("https://api.example.com/v2"));
        assert_eq!(
            split(page),
            [
                (Some("GET /zones".into()), Some("List greenhouse zones".into())),
                (Some("GET /zones/{zone_id}/readings".into()), Some("Get sensor readings".into()))
            ]
        );
    }

    #[test]
    fn headings_split_and_blueprint() {
        let page = "# Notes API\n## Note [/notes/{id}]\n### Retrieve a Note [GET]\n+ Parameters\n    + id (number)\n### Delete a Note [DELETE]\n## Notes [/notes{?page}]\n### List Notes [GET]\n";
        let blocks = crate::parse::lower::markdown::blocks(page);
        let u = units(&blocks);
        let found = find(&u);
        let segs = segments(&u, &found);
        let got: Vec<(String, String)> = segs.iter().map(|s| (s.anchor.as_ref().unwrap().endpoint.path.clone(), s.title.clone().unwrap().0)).collect();
        assert_eq!(
            got,
            [("/notes/{id}".into(), "Retrieve a Note".into()), ("/notes/{id}".into(), "Delete a Note".into()), ("/notes".into(), "List Notes".into())]
        );
        assert_eq!(segs[2].anchor.as_ref().unwrap().endpoint.query, ["page"]);
    }

    #[test]
    fn split_paths_and_examples() {
        let page =
            "GET\nList subscriptions\nAdd a box\nPOST\n/\nv1\n/\nsubscriptions\n/\n{subscription_id}\nTry it\nPath Parameters\nsubscription_id\nstring\n";
        assert_eq!(split(page), [(Some("POST /v1/subscriptions/{subscription_id}".into()), Some("Add a box".into()))]);
        let page = "Get a user\nGET /users/{id}\nExample\nGET https://api.example.com/users/42\n";
        assert_eq!(split(page).len(), 1);
        assert!(same_or_instance(&endpoint_in_line("GET /users/{id}").unwrap(), &endpoint_in_line("GET /api/v2/users/42").unwrap()));
    }
}
