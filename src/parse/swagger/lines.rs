//! Small recognisers over one line or cell of SDK-doc text: signatures, HTTP lines,
//! notes, titles, content types, header-like parameter names.

use crate::parse::blocks::Inline;
use crate::parse::text::{loose_key, normalize_ws, split_list, strip_emphasis_marks};
use crate::parse::types::parse_type;
use crate::schema::{Method, PermissionRule, Permissions};

/// Headings that name a part of a page rather than a model, API or method.
pub(super) fn is_doc_section(text: &str) -> bool {
    let t = strip_emphasis_marks(text).to_ascii_lowercase();
    let t = t.trim_end_matches(':');
    const SECTIONS: &[&str] = &[
        "properties",
        "parameters",
        "path parameters",
        "other parameters",
        "query parameters",
        "header parameters",
        "form parameters",
        "body parameter",
        "body parameters",
        "example",
        "examples",
        "return type",
        "http request",
        "http request headers",
        "http response details",
        "authorization",
        "methods",
        "enum",
        "usage",
        "request body",
        "response",
        "responses",
        // dart
        "load the model package",
        "load the api package",
        // ruby oneOf pages, go model pages, rust enums
        "class instance methods",
        "enum variants",
    ];
    SECTIONS.contains(&t) || t.starts_with("enum:") || t.starts_with("using the ") || t.starts_with("title:")
}

pub(super) fn is_ident(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// `PureCloud::UsersApi`, `Org.OpenAPITools.Model.Pet`, `Swagger\Client\PetApi` → last part.
pub(super) fn clean_title(text: &str) -> String {
    let t = strip_emphasis_marks(text);
    let t = t.trim_start_matches('\\');
    if t.contains(char::is_whitespace) {
        return t.to_string();
    }
    let t = t.rsplit("::").next().unwrap_or(t);
    let t = t.rsplit('\\').next().unwrap_or(t);
    t.rsplit('.').next().unwrap_or(t).to_string()
}

/// A method signature as printed in a heading or a `> ...` line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Signature {
    pub name: String,
    /// The return type spelling before the name, if any (`Array<User>`).
    pub ret: Option<String>,
    pub args: Vec<String>,
    /// The argument list's `)` is missing.
    pub unbalanced: bool,
}

/// `-[**Empty**](Empty.html) delete_user(user_id)` (flattened), `Pet addPet(pet)`,
/// `AddPet(ctx).Body(body).Execute()`, `Pet AddPet (Pet pet)`, `dict(str, int) count()`.
pub(super) fn parse_signature(text: &str) -> Option<Signature> {
    let t = strip_emphasis_marks(text);
    let ruby_heading = t.starts_with('-');
    let t = t.trim_start_matches(['-', '>', ' ']);
    // The return type may contain parentheses itself, so try each `(` in turn.
    let found = t.match_indices('(').find_map(|(open, _)| signature_at(t, open));
    // Ruby headings of methods without arguments have no parentheses at all.
    found.or_else(|| ruby_heading.then(|| bare_signature(t)).flatten())
}

/// `Empty delete_identityproviders_adfs`: return type, then the name.
pub(super) fn bare_signature(t: &str) -> Option<Signature> {
    let (ret, name) = t.trim().rsplit_once(' ').unwrap_or(("", t.trim()));
    let ret = ret.trim();
    let ret_ok = ret.is_empty() || is_no_body(ret) || parse_type(ret).is_ok();
    (is_ident(name) && ret_ok).then(|| Signature {
        name: name.to_string(),
        ret: (!ret.is_empty()).then(|| ret.to_string()),
        args: Vec::new(),
        unbalanced: false,
    })
}

pub(super) fn signature_at(t: &str, open: usize) -> Option<Signature> {
    let before = t[..open].trim_end();
    // Step over the whole separator character: it may be multi-byte (fuzzer-found).
    let name_start = before.char_indices().rfind(|&(_, c)| !(c.is_alphanumeric() || c == '_')).map_or(0, |(i, c)| i + c.len_utf8());
    let name = &before[name_start..];
    if !is_ident(name) {
        return None;
    }
    let ret = before[..name_start].trim();
    let mut depth = 0usize;
    let close = t[open..].char_indices().find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(open + i)
    });
    let (inner, rest) = match close {
        Some(close) => (&t[open + 1..close], t[close + 1..].trim()),
        None => (&t[open + 1..], ""),
    };
    // Prose such as `A pet (dog or cat) for sale` is not a signature: the return type must
    // read as a type and nothing but chained calls (Go builders) may follow.
    let chained = rest.strip_prefix('.').is_some_and(|r| r.starts_with(|c: char| c.is_alphabetic()));
    if !(rest.is_empty() || chained) {
        return None;
    }
    if !ret.is_empty() && !is_no_body(ret) && parse_type(ret).is_err() {
        return None;
    }
    let args = inner.split(',').map(|a| a.split('=').next().unwrap_or("").trim().to_string()).filter(|a| !a.is_empty()).collect();
    Some(Signature { name: name.to_string(), ret: (!ret.is_empty()).then(|| ret.to_string()), args, unbalanced: close.is_none() })
}

pub(super) fn is_no_body(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    matches!(l.as_str(), "nil" | "null" | "void" | "none" | "unit" | "()") || l.contains("empty response body")
}

/// `Wraps GET /api/v2/users`, `**GET** /pet/{petId}`, `` `DELETE /x` ``, `Post /pet`.
pub(crate) fn http_line(text: &str) -> Option<(Method, String)> {
    text.lines().find_map(|line| {
        let l = strip_emphasis_marks(line);
        let l = l.strip_prefix("Wraps ").or_else(|| l.strip_prefix("wraps ")).unwrap_or(&l);
        let mut words = l.split_whitespace();
        let method = Method::parse(words.next()?)?;
        let target = words.next()?;
        if words.next().is_some() {
            return None;
        }
        let path = if let Some(rest) = target.strip_prefix("https://").or_else(|| target.strip_prefix("http://")) {
            rest.find('/').map_or("/".to_string(), |i| rest[i..].to_string())
        } else if target.starts_with('/') {
            target.to_string()
        } else {
            return None;
        };
        Some((method, path))
    })
}

/// `Requires ANY permissions:` and friends; permissions listed after the colon are kept.
pub(super) fn permission_line(text: &str) -> Option<Permissions> {
    let l = normalize_ws(text);
    let lower = l.to_ascii_lowercase();
    let rest = lower.strip_prefix("requires ")?;
    let rule = if rest.starts_with("any permission") {
        PermissionRule::Any
    } else if rest.starts_with("all permission") {
        PermissionRule::All
    } else if rest.starts_with("no permission") {
        PermissionRule::None
    } else {
        return None;
    };
    let list = l.split_once(':').map(|(_, after)| split_list(after)).unwrap_or_default();
    Some(Permissions { rule, list, text: None })
}

pub(super) fn is_deprecation(inline: &Inline) -> bool {
    let lower = inline.text.to_ascii_lowercase();
    inline.struck
        || inline.text.contains("DEPRECATED")
        || lower.contains("has been deprecated")
        || lower.contains("is deprecated")
        || lower.starts_with("deprecated")
}

/// kramdown's inline attribute lists (`{: class="table table-striped"}`) are layout only.
pub(super) fn is_kramdown_ial(text: &str) -> bool {
    text.trim_start().starts_with("{:")
}

pub(super) fn base_url(text: &str) -> Option<String> {
    let l = normalize_ws(text);
    let at = l.to_ascii_lowercase().find("all uris are relative to")?;
    // php adds `, except if the operation defines another base path`.
    let rest = l[at + "all uris are relative to".len()..].trim().trim_matches(['*', '`', ' ']);
    let url = rest.split([' ', ',']).next().unwrap_or("").trim_matches(['*', '`']).trim_end_matches('.');
    (!url.is_empty()).then(|| url.to_string())
}

/// What a Notes (or Required) cell says.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Notes {
    pub optional: bool,
    pub required: bool,
    pub readonly: bool,
    pub default: Option<String>,
    pub values: Vec<String>,
}

/// `[optional] [default to 25]`, `(optional) defaults to 50` (typescript-axios),
/// `[Optional] [Defaults to \`50\`] [Enum: a, b]` (typescript-fetch), `[enum: a, b]`
/// (java, kotlin), `Values: a, b` (swagger-codegen).
pub(super) fn parse_notes(text: &str) -> Notes {
    let lower = text.to_ascii_lowercase();
    let mut notes = Notes {
        optional: lower.contains("[optional]") || lower.contains("(optional)"),
        required: lower.contains("[required]"),
        readonly: lower.contains("[readonly]") || lower.contains("[read-only]") || lower.contains("[read only]"),
        ..Notes::default()
    };
    // (key, whether the value ends at a `]`)
    let keys = [("[default to ", true), ("[defaults to ", true), ("defaults to ", false)];
    if let Some((start, bracketed)) = keys.iter().find_map(|(k, b)| lower.find(k).map(|at| (at + k.len(), *b))) {
        let value = if bracketed { bracket_value(&text[start..]) } else { text[start..].split_whitespace().next().unwrap_or("") };
        notes.default = default_value(value);
    }
    if let Some(at) = lower.find("values:") {
        let rest = &text[at + "values:".len()..];
        let first_line = rest.lines().next().unwrap_or("");
        notes.values = split_list(first_line).into_iter().map(|v| unquote(&v).to_string()).collect();
    } else if let Some(at) = lower.find("[enum: ").or_else(|| lower.find("(enum: ")) {
        let rest = &text[at + "[enum: ".len()..];
        let list = rest.split([']', ')']).next().unwrap_or("");
        notes.values = split_list(list).into_iter().map(|v| unquote(v.trim_matches('`')).to_string()).filter(|v| !v.is_empty()).collect();
    }
    notes
}

/// The text up to the `]` closing a `[default to …]`; the value may itself contain
/// brackets (`[default to []]`).
fn bracket_value(text: &str) -> &str {
    let mut depth = 0usize;
    let end = text.char_indices().find(|&(_, c)| {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return true,
            ']' => depth -= 1,
            _ => {}
        }
        false
    });
    end.map_or(text, |(i, _)| &text[..i])
}

/// A documented default as the wire value: quotes and backticks off, `Resolution._5`
/// (kotlin enum constants) → `5`; placeholders for "no default" are none.
fn default_value(raw: &str) -> Option<String> {
    let v = unquote(raw.trim().trim_matches('`'));
    let v = v.rsplit_once("._").map_or(v, |(_, rest)| rest);
    // swift enum cases: `.newest`
    let v = v.strip_prefix('.').filter(|r| r.starts_with(char::is_alphabetic)).unwrap_or(v);
    let none = matches!(v, "" | "undefined" | "null" | "nil" | "None" | "const []" | "const {}");
    (!none).then(|| v.to_string())
}

pub(super) fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

/// A Required column cell: `[required]`, `true`, `Yes` mean required.
pub(super) fn required_cell(text: &str) -> bool {
    let l = strip_emphasis_marks(text).to_ascii_lowercase();
    !matches!(l.as_str(), "" | "false" | "no" | "optional" | "[optional]" | "-")
}

/// `- **Content-Type**: multipart/form-data` (or with the value in backticks): the media
/// type; `None` for other lines. `Not defined` is `Some("")`.
pub(super) fn content_type(text: &str) -> Option<String> {
    media_line(text, "content-type")
}

/// `- **Accept**: text/plain`: the response media type, as [`content_type`] reads it.
pub(super) fn accept(text: &str) -> Option<String> {
    media_line(text, "accept")
}

fn media_line(text: &str, header: &str) -> Option<String> {
    let t = strip_emphasis_marks(text);
    let (key, value) = t.split_once(':')?;
    if !key.trim().eq_ignore_ascii_case(header) {
        return None;
    }
    let value = value.trim().trim_matches('`').trim();
    Some(if value.eq_ignore_ascii_case("not defined") { String::new() } else { value.to_ascii_lowercase() })
}

/// Standard request headers an API may document as a parameter.
const KNOWN_HEADERS: &[&str] = &[
    "Idempotency-Key",
    "If-Match",
    "If-None-Match",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "Accept-Language",
    "Authorization",
    "User-Agent",
    "Prefer",
    "Range",
];

/// The header a parameter name spells, in the usual `Train-Case`: `X-Tenant`, `x_tenant`,
/// `xTenant` (an `x` prefix), or a standard header in any case (`idempotency_key`).
/// SDK docs never show a parameter's location; these names are the evidence they keep.
pub(super) fn header_name(name: &str) -> Option<String> {
    let n = name.trim();
    if let Some(known) = KNOWN_HEADERS.iter().find(|h| loose_key(h) == loose_key(n)) {
        return Some(known.to_string());
    }
    let camel_x = n.strip_prefix('x').is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
    let prefixed = n.len() > 2 && n.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("x-") || p.eq_ignore_ascii_case("x_"));
    if !(camel_x || prefixed) {
        return None;
    }
    let words = heck::ToKebabCase::to_kebab_case(n);
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
    };
    Some(words.split('-').map(capitalised).collect::<Vec<_>>().join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(name: &str, ret: Option<&str>, args: &[&str], unbalanced: bool) -> Option<Signature> {
        Some(Signature { name: name.into(), ret: ret.map(str::to_string), args: args.iter().map(|a| a.to_string()).collect(), unbalanced })
    }

    #[test]
    fn signatures() {
        let cases = [
            // Ruby headings, flattened, with the generator's glitches.
            ("-Empty delete_user(user_id)", sig("delete_user", Some("Empty"), &["user_id"], false)),
            ("- delete_user_roles(user_id)", sig("delete_user_roles", None, &["user_id"], false)),
            ("-Array<String>** put_user_profileskills(user_id, opts)", sig("put_user_profileskills", Some("Array<String>"), &["user_id", "opts"], false)),
            ("-Array<User> get_user_directreports(user_id, opts)", sig("get_user_directreports", Some("Array<User>"), &["user_id", "opts"], false)),
            ("-User get_user(user_id, opts", sig("get_user", Some("User"), &["user_id", "opts"], true)),
            // openapi-generator `>` lines.
            ("> Pet addPet(pet)", sig("addPet", Some("Pet"), &["pet"], false)),
            ("AddPet(ctx).Body(body).Execute()", sig("AddPet", None, &["ctx"], false)),
            ("Pet AddPet (Pet pet)", sig("AddPet", Some("Pet"), &["Pet pet"], false)),
            ("dict(str, int) count_reports()", sig("count_reports", Some("dict(str, int)"), &[], false)),
            ("list[Report] list_reports(owner, tags=tags)", sig("list_reports", Some("list[Report]"), &["owner", "tags"], false)),
            ("void deletePet(petId, apiKey)", sig("deletePet", Some("void"), &["petId", "apiKey"], false)),
            ("createUser($body)", sig("createUser", None, &["$body"], false)),
            // Ruby methods without arguments print no parentheses.
            ("-Empty delete_identityproviders_adfs", sig("delete_identityproviders_adfs", Some("Empty"), &[], false)),
            ("-FaxSummary get_fax_summary", sig("get_fax_summary", Some("FaxSummary"), &[], false)),
            ("- get_thing", sig("get_thing", None, &[], false)),
            ("- some words here", None),
            // Prose is not a signature.
            ("A pet (dog or cat) for sale", None),
            ("See also (below).", None),
            ("no parentheses here", None),
            ("(leading) paren", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_signature(text), want, "{text:?}");
        }
    }

    #[test]
    fn wraps_and_http_lines() {
        let cases = [
            ("Wraps DELETE /api/v2/users/{userId} ", Some((Method::Delete, "/api/v2/users/{userId}"))),
            ("GET /pet/{petId}", Some((Method::Get, "/pet/{petId}"))),
            ("**Post** /pet", Some((Method::Post, "/pet"))),
            ("`PATCH /x`", Some((Method::Patch, "/x"))),
            ("Intro\nWraps PUT https://api.example.com/v1/items", Some((Method::Put, "/v1/items"))),
            ("Get the list of available users.", None),
            ("GET the thing now", None),
            ("FETCH /x", None),
        ];
        for (text, want) in cases {
            assert_eq!(http_line(text), want.map(|(m, p)| (m, p.to_string())), "{text:?}");
        }
    }

    #[test]
    fn permissions() {
        let any = permission_line("Requires ANY permissions: ").unwrap();
        assert_eq!((any.rule, any.list.len()), (PermissionRule::Any, 0));
        assert_eq!(permission_line("Requires NO permissions:").unwrap().rule, PermissionRule::None);
        let all = permission_line("Requires ALL permissions: a:b:c, d").unwrap();
        assert_eq!((all.rule, all.list), (PermissionRule::All, vec!["a:b:c".to_string(), "d".to_string()]));
        assert_eq!(permission_line("Requires a valid token"), None);
    }

    #[test]
    fn notes() {
        let n = |s: &str| parse_notes(s);
        assert_eq!(n(""), Notes::default());
        assert!(n("[optional]").optional);
        assert!(n("[required]").required);
        assert!(n("[optional] [readonly]").readonly);
        let d = n("[optional] [default to 25]");
        assert_eq!((d.optional, d.default.as_deref()), (true, Some("25")));
        let v = n("[optional] [default to ASC]\nValues: ascending, descending");
        assert_eq!((v.default.as_deref(), v.values.clone()), (Some("ASC"), vec!["ascending".to_string(), "descending".to_string()]));
        assert_eq!(n("\nValues: person, group").values, ["person", "group"]);
        assert_eq!(n("[default to \"available\"]").default.as_deref(), Some("available"));
        assert_eq!(n("[default to ['a']]").default.as_deref(), Some("['a']"));
        assert_eq!(n("[optional] [default to undefined]").default, None);
        assert_eq!(n("[default to null]").default, None);
        assert_eq!(n("[default to 5").default.as_deref(), Some("5"));
        assert!(required_cell("[required]") && required_cell("true") && !required_cell("") && !required_cell("false"));
        // openapi-generator 7 flavours.
        let axios = n("(optional) defaults to 50");
        assert_eq!((axios.optional, axios.default.as_deref()), (true, Some("50")));
        assert_eq!(n("defaults to undefined").default, None);
        let fetch = n("[Optional] [Defaults to `50`] [Enum: a, b]");
        assert_eq!((fetch.optional, fetch.default.as_deref(), fetch.values.clone()), (true, Some("50"), vec!["a".to_string(), "b".to_string()]));
        assert_eq!(n("[optional] [enum: BOOKED, PICKED_UP]").values, ["BOOKED", "PICKED_UP"]);
        assert_eq!(n("[optional] [default to Resolution._5]").default.as_deref(), Some("5"));
        assert_eq!(n("[optional] [default to const []]").default, None);
        assert_eq!(n(" (enum: processing, draft)").values, ["processing", "draft"]);
    }

    #[test]
    fn content_types_and_header_names() {
        assert_eq!(content_type("**Content-Type**: `multipart/form-data`").as_deref(), Some("multipart/form-data"));
        assert_eq!(content_type("Content-Type: Not defined").as_deref(), Some(""));
        assert_eq!(content_type("**Accept**: application/json"), None);
        assert_eq!(accept("**Accept**: `text/plain`").as_deref(), Some("text/plain"));
        assert_eq!(accept("**Content-Type**: text/plain"), None);
        for (name, header) in [("x_tenant", "X-Tenant"), ("X-Tenant", "X-Tenant"), ("xRequestId", "X-Request-Id"), ("idempotency_key", "Idempotency-Key")] {
            assert_eq!(header_name(name).as_deref(), Some(header), "{name}");
        }
        for name in ["xml", "x", "extra_id", "max_results", "xylophone", "é_x"] {
            assert_eq!(header_name(name), None, "{name}");
        }
    }

    #[test]
    fn titles_and_sections() {
        assert_eq!(clean_title("PureCloud::UsersApi"), "UsersApi");
        assert_eq!(clean_title("Org.OpenAPITools.Api.StoreApi"), "StoreApi");
        assert_eq!(clean_title("\\Swagger\\Client\\PetApi"), "PetApi");
        assert_eq!(clean_title("Pet Store API"), "Pet Store API");
        for s in ["Properties", "Parameters", "Return type", "HTTP request headers", "Enum: StatusEnum", "Using the X variant", "title: X"] {
            assert!(is_doc_section(s), "{s}");
        }
        assert!(!is_doc_section("UsersApi"));
        assert_eq!(base_url("All URIs are relative to https://a.example.com/v2."), Some("https://a.example.com/v2".into()));
        assert_eq!(
            base_url("All URIs are relative to https://a.example.com/v2, except if the operation defines another base path."),
            Some("https://a.example.com/v2".into())
        );
        assert_eq!(base_url("All URIs are relative to *https://a.example.com*"), Some("https://a.example.com".into()));
        assert!(is_deprecation(&Inline::plain("DEPRECATED: use x")) && is_deprecation(&Inline::plain("This resource has been deprecated")));
        assert!(!is_deprecation(&Inline::plain("Replaces an old endpoint")));
    }
}
