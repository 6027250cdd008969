//! The intermediate schema: what every parser produces and every renderer consumes.
//!
//! Plain serde data, no behaviour beyond small helpers. Parsers fill in what the docs
//! say (`name`, documented types, `required`); `resolve` fills in what must be derived
//! (wire names, enum types, references to undocumented models).

pub use crate::config::WireCase;
use serde::{Deserialize, Serialize};

/// Where an item was documented, for diagnostics and generated comments.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub line: u32,
}

impl Source {
    pub fn new(file: impl Into<String>, line: u32) -> Self {
        Source { file: file.into(), line }
    }
}

/// `file:line`; line 0 means "the whole file" and prints as `file` alone.
impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.file),
            line => write!(f, "{}:{line}", self.file),
        }
    }
}

/// The type algebra. Deliberately small: everything an SDK doc can spell maps onto it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Type {
    /// `format` carries what the docs said when it is more than "string" (`uuid`, `uri`, ...).
    String {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<String>,
    },
    /// `bits` is `Some(32|64)` when the docs spell the width (`Long`, `int64`), else unknown.
    Integer {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bits: Option<u8>,
    },
    Number,
    Boolean,
    Date,
    DateTime,
    /// Arbitrary JSON (`Object`, `object`, `any`).
    Any,
    Array {
        items: Box<Type>,
    },
    /// Map from string keys to `values`.
    Map {
        values: Box<Type>,
    },
    /// A named model or enum, by its schema name.
    Ref {
        name: String,
    },
}

impl Type {
    pub fn string() -> Type {
        Type::String { format: None }
    }
    pub fn integer() -> Type {
        Type::Integer { bits: None }
    }
    pub fn array(items: Type) -> Type {
        Type::Array { items: Box::new(items) }
    }
    pub fn map(values: Type) -> Type {
        Type::Map { values: Box::new(values) }
    }
    pub fn reference(name: impl Into<String>) -> Type {
        Type::Ref { name: name.into() }
    }

    /// The innermost named reference, if any (`Array<Map<User>>` → `User`).
    pub fn ref_name(&self) -> Option<&str> {
        match self {
            Type::Ref { name } => Some(name),
            Type::Array { items } => items.ref_name(),
            Type::Map { values } => values.ref_name(),
            _ => None,
        }
    }

    /// Replace the innermost scalar/ref with `f(inner)`, keeping the array/map wrappers.
    pub fn map_inner(&self, f: &mut impl FnMut(&Type) -> Type) -> Type {
        match self {
            Type::Array { items } => Type::array(items.map_inner(f)),
            Type::Map { values } => Type::map(values.map_inner(f)),
            other => f(other),
        }
    }

    /// A short human spelling for messages: `array<map<User>>`.
    pub fn describe(&self) -> String {
        match self {
            Type::String { format: Some(f) } => format!("string({f})"),
            Type::String { format: None } => "string".into(),
            Type::Integer { bits: Some(b) } => format!("integer(i{b})"),
            Type::Integer { bits: None } => "integer".into(),
            Type::Number => "number".into(),
            Type::Boolean => "boolean".into(),
            Type::Date => "date".into(),
            Type::DateTime => "date-time".into(),
            Type::Any => "any".into(),
            Type::Array { items } => format!("array<{}>", items.describe()),
            Type::Map { values } => format!("map<{}>", values.describe()),
            Type::Ref { name } => name.clone(),
        }
    }
}

/// One allowed value of an enumerated field or parameter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EnumValue {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl EnumValue {
    pub fn new(value: impl Into<String>) -> Self {
        EnumValue { value: value.into(), description: None }
    }
}

/// A named enum type, created by `resolve` from a field's or parameter's allowed values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumDef {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub values: Vec<EnumValue>,
    pub source: Source,
}

/// A documented object type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub fields: Vec<Field>,
    pub source: Source,
    /// True for stand-ins `resolve` creates for referenced but undocumented models.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undocumented: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The name exactly as documented (`primary_contact_info`).
    pub name: String,
    /// The name on the wire (`primaryContactInfo`); filled in by `resolve` when empty.
    #[serde(default)]
    pub wire_name: String,
    #[serde(rename = "type")]
    pub ty: Type,
    pub required: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<EnumValue>,
    /// Human-readable constraints as documented (`>=0 characters`, `format: "uuid"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<String>,
    /// Read from an example value rather than a description: name and type are a guess.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    pub source: Source,
}

impl Field {
    pub fn new(name: impl Into<String>, ty: Type, required: bool, source: Source) -> Self {
        Field {
            name: name.into(),
            wire_name: String::new(),
            ty,
            required,
            nullable: false,
            description: None,
            default: None,
            enum_values: Vec::new(),
            constraints: Vec::new(),
            inferred: false,
            source,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Put,
    Post,
    Delete,
    Patch,
    Head,
    Options,
}

impl Method {
    pub fn parse(s: &str) -> Option<Method> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "PUT" => Method::Put,
            "POST" => Method::Post,
            "DELETE" => Method::Delete,
            "PATCH" => Method::Patch,
            "HEAD" => Method::Head,
            "OPTIONS" => Method::Options,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Patch => "PATCH",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    Path,
    Query,
    Header,
    Cookie,
    Body,
}

impl Location {
    /// As OpenAPI spells it (`in: query`).
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
            Location::Cookie => "cookie",
            Location::Body => "body",
        }
    }
}

/// How a request body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    Json,
    /// `application/x-www-form-urlencoded`
    Form,
    /// `multipart/form-data`
    Multipart,
    /// Raw bytes (`application/octet-stream`).
    Binary,
    /// `text/plain`
    Text,
}

impl BodyKind {
    pub fn media_type(self) -> &'static str {
        match self {
            BodyKind::Json => "application/json",
            BodyKind::Form => "application/x-www-form-urlencoded",
            BodyKind::Multipart => "multipart/form-data",
            BodyKind::Binary => "application/octet-stream",
            BodyKind::Text => "text/plain",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param {
    /// The name as documented (`user_id`, `body`).
    pub name: String,
    /// The wire name (`userId`); filled in by `resolve` when empty. Unused for `Body`.
    #[serde(default)]
    pub wire_name: String,
    pub location: Location,
    #[serde(rename = "type")]
    pub ty: Type,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<EnumValue>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<String>,
    pub source: Source,
}

impl Param {
    pub fn new(name: impl Into<String>, location: Location, ty: Type, required: bool, source: Source) -> Self {
        Param {
            name: name.into(),
            wire_name: String::new(),
            location,
            ty,
            required,
            description: None,
            default: None,
            enum_values: Vec::new(),
            constraints: Vec::new(),
            source,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermissionRule {
    /// Any one of the listed permissions suffices.
    Any,
    /// All listed permissions are needed.
    All,
    /// The docs say no permission is needed.
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Permissions {
    pub rule: PermissionRule,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub list: Vec<String>,
    /// Free text when the docs state permissions in prose (Fern's `Required Permissions:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Placeholders in a path template, in order: `/users/{userId}/x/{id}` → `userId`, `id`.
/// Empty `{}` and an unclosed `{` are not placeholders.
pub fn path_placeholders(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        let name = &rest[open + 1..open + close];
        if !name.is_empty() {
            out.push(name.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    out
}

/// What a successful call returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Returns {
    /// The docs did not say.
    Unknown,
    /// Explicitly no body (`nil (empty response body)`, 204).
    Empty,
    Body {
        #[serde(rename = "type")]
        ty: Type,
    },
}

/// A documented non-success response: its status, the model its body decodes to when the
/// docs name or define one, and what the docs say it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorDoc {
    /// `404`, a class (`4XX`), or `default` (any other non-success status).
    pub status: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub ty: Option<Type>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl ErrorDoc {
    pub fn new(status: impl Into<String>, ty: Option<Type>, description: Option<String>) -> Self {
        ErrorDoc { status: status.into(), ty, description }
    }

    /// The exact status code (`404`), if the docs give one rather than a class or `default`.
    pub fn code(&self) -> Option<u16> {
        self.status.parse().ok()
    }
}

/// A status as words for names: `404` → `NotFound` (its reason phrase), `499` →
/// `Status499`, `4XX` → `ClientError`, `default` → `Other`.
pub fn status_name(status: &str) -> String {
    let reason = match status {
        "default" => "Other",
        "3XX" => "Redirection",
        "4XX" => "Client Error",
        "5XX" => "Server Error",
        _ => match status.parse().ok().and_then(reason_phrase) {
            Some(r) => r,
            None => return format!("Status{status}"),
        },
    };
    reason.split_whitespace().collect()
}

/// The reason phrases of RFC 9110 (and common additions) for non-success statuses.
fn reason_phrase(code: u16) -> Option<&'static str> {
    Some(match code {
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

/// The error status a docs cell or heading spells: `404`, `404 Not Found`, `**404**`, a
/// class (`4XX`, `4xx`) or `default`; `None` for success statuses and anything else.
pub fn error_status(text: &str) -> Option<String> {
    let t = text.trim().trim_matches(['*', '`', '_', ' ']);
    if t.eq_ignore_ascii_case("default") {
        return Some("default".into());
    }
    let head: String = t.chars().take(3).collect();
    let bytes = head.as_bytes();
    let next = t[head.len()..].chars().next();
    if bytes.len() != 3 || next.is_some_and(|c| c.is_ascii_alphanumeric()) || !matches!(bytes[0], b'3'..=b'5') {
        return None;
    }
    if bytes[1..].eq_ignore_ascii_case(b"xx") {
        return Some(format!("{}XX", bytes[0] as char));
    }
    bytes.iter().all(u8::is_ascii_digit).then_some(head)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// The documented name: SDK method name (`get_user`) or the page title.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// Path template relative to the base URL, with `{wireName}` placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
    pub params: Vec<Param>,
    /// How the body is sent, when the docs say (`None`: JSON, or no body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_kind: Option<BodyKind>,
    /// The documented media type of a raw (binary or text) body when it says more than
    /// the body kind does (`image/png`, `text/csv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    pub returns: Returns,
    /// Documented error responses, in the docs' order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorDoc>,
    /// The documented response media type when it is not JSON (`text/plain`, `audio/mpeg`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<String>,
    pub source: Source,
    /// Which facts came from a config overlay rather than the docs (`method`, `path`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlaid: Vec<String>,
    /// How the operation pages through a list, when it matches a known pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
    /// The API group it belongs to (the SDK's `UsersApi` doc → `users`, or an overlay's
    /// `group`): split output puts each group in its own module behind its own feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

impl Operation {
    pub fn new(name: impl Into<String>, method: Option<Method>, path: Option<String>, source: Source) -> Self {
        Operation {
            name: name.into(),
            method,
            path,
            summary: None,
            description: None,
            permissions: None,
            deprecated: false,
            params: Vec::new(),
            body_kind: None,
            content_type: None,
            returns: Returns::Unknown,
            errors: Vec::new(),
            accept: None,
            source,
            overlaid: Vec::new(),
            paging: None,
            group: None,
        }
    }

    pub fn body(&self) -> Option<&Param> {
        self.params.iter().find(|p| p.location == Location::Body)
    }

    /// Every type the operation names: parameters, the success body, error bodies.
    pub fn types(&self) -> impl Iterator<Item = &Type> {
        let returns = match &self.returns {
            Returns::Body { ty } => Some(ty),
            _ => None,
        };
        self.params.iter().map(|p| &p.ty).chain(returns).chain(self.errors.iter().filter_map(|e| e.ty.as_ref()))
    }

    /// The same, to rewrite them.
    pub fn types_mut(&mut self) -> impl Iterator<Item = &mut Type> {
        let returns = match &mut self.returns {
            Returns::Body { ty } => Some(ty),
            _ => None,
        };
        self.params.iter_mut().map(|p| &mut p.ty).chain(returns).chain(self.errors.iter_mut().filter_map(|e| e.ty.as_mut()))
    }
}

/// A list operation's paging, found by `resolve::paging` from its parameters and response
/// model. Names are the documented ones (parameters of the operation, fields of the
/// response model, of its items for `item_cursor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paging {
    pub style: PagingStyle,
    /// The optional query parameter that selects the page: number, offset or cursor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// The documented default of `param` (where numbering starts: `0` or `1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// The field holding the items; `None` when the response is the array itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    /// The number of items of all pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_count: Option<String>,
    /// The next cursor or next page's URI; absent or empty on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// `has_more`: false on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_more: Option<String>,
    /// The item field whose value on a page's last item is the next cursor (`id` for
    /// `starting_after`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_cursor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PagingStyle {
    /// `page`/`pageNumber`: the next page is the next number.
    PageNumber,
    /// `offset`/`skip`: the next page starts after the items seen.
    Offset,
    /// `cursor`/`after`/`page_token`: the next page is named by the previous one.
    Cursor,
    /// A response field holds the next page's URL or path.
    NextUri,
    /// The `Link: <…>; rel="next"` response header holds the next page's URL.
    LinkHeader,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthScheme {
    #[default]
    None,
    Bearer,
    Basic,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerVariable {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One API: everything generated into one Rust module.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Api {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// May contain `{variable}` placeholders listed in `server_variables`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub server_variables: Vec<ServerVariable>,
    #[serde(default)]
    pub auth: AuthScheme,
    pub models: Vec<Model>,
    pub enums: Vec<EnumDef>,
    pub operations: Vec<Operation>,
    /// The input files this API was read from, relative as given.
    pub sources: Vec<String>,
    /// The wire-name rule in effect (the configured one, or what `auto` learned).
    #[serde(default)]
    pub wire_case: WireCase,
    /// Why, in one line, when `auto` chose it: `wire names camelCase (from 1,213 path placeholders)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire_naming: Option<String>,
    /// Documents that yielded no operation, model or enum (the run's summary counts them).
    #[serde(skip)]
    pub empty_sources: Vec<String>,
    /// Operations whose page states no method or path: kept with their parameters so an
    /// `[[api.operation]]` overlay can complete them; not generated until then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<Operation>,
}

/// Models by name, for lookups in a loop over operations; the first model of a name wins,
/// as a search from the front would find it.
pub fn models_by_name(models: &[Model]) -> std::collections::BTreeMap<&str, &Model> {
    models.iter().rev().map(|m| (m.name.as_str(), m)).collect()
}

/// A model documented as one of several other models (`oneOf`); `resolve` makes it a
/// model with the union of their fields, required where every variant requires them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOf {
    pub name: String,
    pub variants: Vec<String>,
    /// The property that names the variant, when the docs say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<String>,
    pub source: Source,
}

/// What one parser returns for one input document, before resolution.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParsedDoc {
    /// A base URL the document states (`All URIs are relative to *https://...*`).
    pub base_url: Option<String>,
    pub title: Option<String>,
    pub models: Vec<Model>,
    pub operations: Vec<Operation>,
    /// Enums documented on their own page (`## Enum` with a list of values).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enums: Vec<EnumDef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<OneOf>,
    /// The authentication a definition declares; used when the config names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth: Option<AuthScheme>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_statuses_as_docs_spell_them() {
        for (text, want) in [
            ("404", Some("404")),
            ("**404**", Some("404")),
            ("404 Not Found", Some("404")),
            ("422: Unprocessable", Some("422")),
            ("4XX", Some("4XX")),
            ("5xx", Some("5XX")),
            ("Default", Some("default")),
            ("301", Some("301")),
            ("200", None),
            ("201 Created", None),
            ("4040", None),
            ("40", None),
            ("404abc", None),
            ("Errors", None),
            ("", None),
        ] {
            assert_eq!(error_status(text).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn status_names_are_reason_phrases() {
        let names: Vec<String> = ["404", "500", "422", "499", "4XX", "default"].iter().map(|s| status_name(s)).collect();
        assert_eq!(names, ["NotFound", "InternalServerError", "UnprocessableContent", "Status499", "ClientError", "Other"]);
    }

    #[test]
    fn operation_types_include_error_bodies() {
        let mut op = Operation::new("get", Some(Method::Get), Some("/x".into()), Source::default());
        op.returns = Returns::Body { ty: Type::reference("User") };
        op.errors.push(ErrorDoc::new("404", Some(Type::reference("NotFound")), None));
        op.errors.push(ErrorDoc::new("500", None, Some("Oops".into())));
        let names: Vec<_> = op.types().filter_map(Type::ref_name).collect();
        assert_eq!(names, ["User", "NotFound"]);
    }
}
