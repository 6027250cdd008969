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

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
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

/// A documented media type that a raw body or response keeps: the first of a list, lower
/// case, without parameters; `None` for JSON, wildcards, forms and `Not defined`.
pub fn raw_media_type(list: &str) -> Option<String> {
    let media: Vec<String> = list.split(',').map(|m| m.split(';').next().unwrap_or("").trim().to_ascii_lowercase()).collect();
    let json_or_any = |m: &String| m == "application/json" || m.ends_with("+json") || m.contains('*');
    if media.iter().any(json_or_any) {
        return None;
    }
    let first = media.into_iter().next()?;
    let (kind, sub) = first.split_once('/')?;
    let token = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c));
    (token(kind) && token(sub) && !first.starts_with("multipart/") && first != "application/x-www-form-urlencoded").then_some(first)
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
            accept: None,
            source,
            overlaid: Vec::new(),
            paging: None,
        }
    }

    pub fn body(&self) -> Option<&Param> {
        self.params.iter().find(|p| p.location == Location::Body)
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
}

#[cfg(test)]
mod tests {
    use super::raw_media_type;

    #[test]
    fn raw_media_types_keep_what_json_does_not_say() {
        assert_eq!(raw_media_type("image/png").as_deref(), Some("image/png"));
        assert_eq!(raw_media_type("Text/CSV; charset=utf-8, text/plain").as_deref(), Some("text/csv"));
        for plain in [
            "application/json",
            "application/problem+json",
            "*/*",
            "text/plain, application/json",
            "",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "not defined",
            "image/png\r\nx: y",
        ] {
            assert_eq!(raw_media_type(plain), None, "{plain:?}");
        }
    }
}
