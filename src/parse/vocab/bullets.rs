//! ReadMe's vocabulary: prose bullets (`• name (type): description`, nested enum bullets)
//! and type words (`string`, `array of strings`, `date-time`). Shared by the text and HTML parsers.

use crate::parse::vocab::type_words::TypeWords;
use crate::schema::{EnumValue, Type};

/// A list item: its indentation (tabs count 4) and the text after the bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bullet<'a> {
    pub indent: usize,
    pub content: &'a str,
}

pub(crate) fn bullet(line: &str) -> Option<Bullet<'_>> {
    let indent: usize = line.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\t' { 4 } else { 1 }).sum();
    let rest = line.trim_start();
    let mut chars = rest.chars();
    let marker = chars.next()?;
    if !matches!(marker, '•' | '*' | '-' | '◦' | '▪' | '‣' | '+' | '·') {
        return None;
    }
    let content = chars.as_str();
    if !content.starts_with(char::is_whitespace) {
        return None;
    }
    Some(Bullet { indent, content: content.trim() })
}

/// `name (type): description`, `name (type, required) - description`, `` `name` (type) ``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldBullet {
    pub name: String,
    pub type_text: Option<String>,
    pub required: Option<bool>,
    pub description: Option<String>,
}

pub(crate) fn field_bullet(content: &str) -> Option<FieldBullet> {
    let content = content.trim();
    let name_end = content.find(|c: char| c.is_whitespace() || c == '(')?;
    let name = content[..name_end].trim_matches(|c| c == '`' || c == '*' || c == '"');
    if !is_identifier(name) {
        return None;
    }
    let rest = content[name_end..].trim_start().trim_start_matches(['`', '*']).trim_start();
    let inner_and_after = rest.strip_prefix('(')?;
    let close = inner_and_after.find(')')?;
    let (inner, after) = (&inner_and_after[..close], &inner_and_after[close + 1..]);
    let mut type_text = None;
    let mut required = None;
    for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.to_ascii_lowercase().as_str() {
            "required" => required = Some(true),
            "optional" => required = Some(false),
            _ if type_text.is_none() => type_text = Some(part.to_string()),
            _ => {}
        }
    }
    // `Note (see below): …` is prose: the parentheses must hold a type word or a badge.
    if type_text.as_deref().is_some_and(|t| readme_type(t, true).is_none() && t.contains(' ')) {
        return None;
    }
    let description = after.trim().trim_start_matches([':', '-', '–', '—']).trim();
    Some(FieldBullet { name: name.to_string(), type_text, required, description: (!description.is_empty()).then(|| description.to_string()) })
}

/// A nested bullet under a field: `en_US - English (United States)`, `asc: ascending`, `asc`.
pub(crate) fn enum_bullet(content: &str) -> Option<EnumValue> {
    let content = content.trim();
    let (value, label) = match content.split_once(" - ").or_else(|| content.split_once(" – ")).or_else(|| content.split_once(": ")) {
        Some((v, l)) => (v.trim(), Some(l.trim())),
        None => (content, None),
    };
    let value = value.trim_matches(|c| c == '`' || c == '"' || c == '*' || c == '\'');
    if value.is_empty() || value.contains(char::is_whitespace) {
        return None;
    }
    Some(EnumValue { value: value.to_string(), description: label.filter(|l| !l.is_empty()).map(str::to_string) })
}

pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']' | '$'))
}

/// A ReadMe type word. `allow_named` accepts a PascalCase model name (prose only: in the
/// structured block a capitalised word is more likely a description).
pub(crate) fn readme_type(text: &str, allow_named: bool) -> Option<TypeWords> {
    let spelled = text.trim();
    let mut lower = spelled.to_ascii_lowercase();
    let mut nullable = false;
    for suffix in [" or null", " | null", ", nullable", " (nullable)"] {
        if let Some(s) = lower.strip_suffix(suffix) {
            lower = s.to_string();
            nullable = true;
        }
    }
    if let Some(s) = lower.strip_prefix("nullable ") {
        lower = s.to_string();
        nullable = true;
    }
    let mut t = readme_base_type(&lower).or_else(|| {
        let named = allow_named && spelled.starts_with(|c: char| c.is_ascii_uppercase()) && is_identifier(spelled);
        named.then(|| TypeWords::new(Type::reference(spelled), spelled))
    })?;
    t.spelled = spelled.to_string();
    t.nullable = nullable;
    Some(t)
}

fn readme_base_type(lower: &str) -> Option<TypeWords> {
    let lower = lower.trim();
    let item_text = lower
        .strip_prefix("array of ")
        .or_else(|| lower.strip_prefix("list of "))
        .or_else(|| lower.strip_prefix("array<").and_then(|s| s.strip_suffix('>')))
        .or_else(|| lower.strip_suffix("[]"))
        .or_else(|| lower.strip_prefix('[').and_then(|s| s.strip_suffix(']')));
    if let Some(item_text) = item_text {
        let singular = item_text.strip_suffix('s').filter(|s| readme_base_type(s).is_some()).unwrap_or(item_text);
        let item = readme_base_type(singular)?;
        let mut t = TypeWords::new(Type::array(item.ty), lower);
        t.loose = item.loose;
        return Some(t);
    }
    let (ty, loose) = match lower {
        "string" | "str" | "text" | "password" => (Type::string(), false),
        "number" | "float" | "double" | "decimal" => (Type::Number, false),
        "integer" | "int" | "int32" => (Type::integer(), false),
        "int64" | "long" => (Type::Integer { bits: Some(64) }, false),
        "boolean" | "bool" => (Type::Boolean, false),
        "date" => (Type::Date, false),
        "date-time" | "datetime" => (Type::DateTime, false),
        "uuid" => (Type::String { format: Some("uuid".into()) }, false),
        "object" | "dict" | "hash" => (Type::Any, true),
        "array" => (Type::array(Type::Any), true),
        "json" | "any" | "mixed" => (Type::Any, false),
        _ => return None,
    };
    let mut t = TypeWords::new(ty, lower);
    t.loose = loose;
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_bullets() {
        let b = field_bullet("id (number): The unique identifier of the user.").unwrap();
        assert_eq!((b.name.as_str(), b.type_text.as_deref(), b.required), ("id", Some("number"), None));
        let b = field_bullet("`status` (string, required) - Current state").unwrap();
        assert_eq!((b.name.as_str(), b.required, b.description.as_deref()), ("status", Some(true), Some("Current state")));
        let b = field_bullet("**tags** (array of strings)").unwrap();
        assert_eq!((b.type_text.as_deref(), b.description), (Some("array of strings"), None));
        assert!(field_bullet("Note (see the guide below): something").is_none());
        assert!(field_bullet("en_US - English (United States)").is_none());
    }

    #[test]
    fn enum_bullets() {
        let v = enum_bullet("disabled - Disabled - login without 2FA").unwrap();
        assert_eq!((v.value.as_str(), v.description.as_deref()), ("disabled", Some("Disabled - login without 2FA")));
        let v = enum_bullet("`asc`: ascending").unwrap();
        assert_eq!((v.value.as_str(), v.description.as_deref()), ("asc", Some("ascending")));
        assert_eq!(enum_bullet("pending").map(|v| v.value), Some("pending".to_string()));
        assert!(enum_bullet("a longer sentence here").is_none());
    }

    #[test]
    fn types() {
        let t = |s| readme_type(s, false).map(|t| t.ty);
        assert_eq!(t("array of strings"), Some(Type::array(Type::string())));
        assert_eq!(t("int64"), Some(Type::Integer { bits: Some(64) }));
        assert_eq!(t("date-time"), Some(Type::DateTime));
        assert_eq!(t("Number"), Some(Type::Number));
        assert!(readme_type("object", false).unwrap().loose);
        assert!(readme_type("string | null", false).unwrap().nullable);
        assert_eq!(t("English"), None);
        assert_eq!(readme_type("Address", true).map(|t| t.ty), Some(Type::reference("Address")));
    }
}
