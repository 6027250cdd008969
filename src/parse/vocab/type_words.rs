//! Type spellings of doc pages: `string`, `string <uuid>`, `integer (int32) [1 .. 100]`,
//! `Array of strings`, `array[object]`, `List<Tag>`, `string or null`, `enum<string>`,
//! `object (Pet)`, `map[string]int64`, `Dictionary of string [key] and integer [value]`,
//! `globally unique identifier` … mapped onto the schema's [`Type`]. SDK spellings go
//! through the SDK grammar ([`crate::parse::types`]).

use crate::parse::types::parse_type;
use crate::schema::Type;

/// A type as a page spells it, mapped onto the schema.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeWords {
    pub ty: Type,
    pub nullable: bool,
    /// The words as printed (`list of objects`), for messages.
    pub spelled: String,
    /// Set when the page gives no shape for a nested value (`object`, `list of objects`, unions).
    pub loose: bool,
    /// `enum` without a value type: the values come from `Allowed values:`.
    pub is_enum: bool,
    /// A literal type (`"asc"`, `true`): the one allowed value.
    pub literal: Option<String>,
    /// How many PascalCase names the parse assumed; vocabulary words are preferred.
    pub named: usize,
}

impl TypeWords {
    /// A plain type as some vocabulary spelled it (ReadMe's `array of strings`).
    pub fn new(ty: Type, spelled: &str) -> Self {
        TypeWords { ty, nullable: false, spelled: spelled.to_string(), loose: false, is_enum: false, literal: None, named: 0 }
    }
}

/// Longer spellings are prose.
const MAX_TYPE: usize = 120;

/// A whole text as a type. `allow_named` accepts a capitalised model name (`Pet`), which
/// in a type column is a model and in free text could be any word.
pub(crate) fn type_words(text: &str, allow_named: bool) -> Option<TypeWords> {
    let spelled: String = text.chars().filter(|c| !matches!(c, '*' | '`')).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
    let spelled = spelled.trim().trim_end_matches(['.', ',', ';']).trim();
    if spelled.is_empty() || spelled.len() > MAX_TYPE {
        return None;
    }
    // Grafana: `string , format: uri`, `integer , format: int64`.
    let formatted = spelled.split_once(", format:").map(|(head, f)| format!("{} <{}>", head.trim(), f.trim()));
    let (core, nullable) = strip_nullable(formatted.as_deref().unwrap_or(spelled));
    let core = strip_constraints(core);
    let mut t = words(core, allow_named, 0)?;
    t.nullable |= nullable;
    t.spelled = spelled.to_string();
    Some(t)
}

/// `string or null`, `string | null`, `null | string`, `nullable string`, `string, nullable`, `string?`.
fn strip_nullable(s: &str) -> (&str, bool) {
    let lower = s.to_ascii_lowercase();
    for suffix in [" or null", " | null", "|null", ", nullable", " (nullable)", " nullable", "?"] {
        if lower.ends_with(suffix) && s.len() > suffix.len() {
            return (s[..s.len() - suffix.len()].trim(), true);
        }
    }
    for prefix in ["null | ", "null|", "nullable ", "null or "] {
        if lower.starts_with(prefix) && s.len() > prefix.len() {
            return (s[prefix.len()..].trim(), true);
        }
    }
    (s, false)
}

/// Redoc's ranges and lengths after the type: `integer [ 1 .. 100 ]`, `string [ 3 .. 50 ] characters`,
/// `string non-empty`, `integer >= 1`.
fn strip_constraints(s: &str) -> &str {
    let mut end = s.len();
    for marker in [" [ ", " >= ", " <= ", " > ", " < ", " non-empty", " ≥", " ≤", " default:", " (default"] {
        if let Some(i) = s.find(marker) {
            // `> 0` is a bound; `< Bin > array` (swagger2markup) is a type.
            let bound = !matches!(marker, " > " | " < ") || s[i + marker.len()..].starts_with(|c: char| c.is_ascii_digit() || c == '-');
            if bound {
                end = end.min(i);
            }
        }
    }
    s[..end].trim()
}

fn words(s: &str, allow_named: bool, depth: usize) -> Option<TypeWords> {
    if depth > 6 || s.is_empty() {
        return None;
    }
    // `s` and `lower` stay the same bytes apart from ASCII case, so offsets found in one
    // are valid in the other.
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let lower = lower.as_str();
    // Unions and polymorphism: no one shape.
    if lower.starts_with("one of") || lower.starts_with("oneof") || lower.starts_with("any of") || lower.starts_with("anyof") {
        return Some(loose(Type::Any, s));
    }
    if let Some(t) = container(s, lower, allow_named, depth) {
        return Some(t);
    }
    if let Some(t) = enum_words(lower) {
        return Some(t);
    }
    if let Some(t) = with_format(s, lower) {
        return Some(t);
    }
    if let Some(t) = scalar_words(lower) {
        return Some(t);
    }
    // `object (Pet)`, `Pet (object)`, `object<Pet>`.
    for (open, close) in [(" (", ")"), ("<", ">")] {
        if let Some(inner) =
            lower.strip_prefix("object").and_then(|r| r.strip_prefix(open.trim_start())).or_else(|| lower.strip_prefix(&format!("object{open}")))
        {
            let inner = inner.strip_suffix(close)?;
            let name = &s[s.len() - close.len() - inner.len()..s.len() - close.len()];
            if is_type_ident(name) {
                return Some(named(name));
            }
        }
    }
    if let Some(name) = s.strip_suffix(" (object)").or_else(|| s.strip_suffix(" object")).filter(|n| is_model_name(n)) {
        return Some(named(name));
    }
    // Two words of which the second is a scalar (`string enum`) or a union (`string or integer`).
    if let Some((a, b)) = lower.split_once(" or ") {
        if words(a, false, depth + 1).is_some() && words(b, false, depth + 1).is_some() {
            return Some(loose(Type::Any, s));
        }
    }
    // SDK spellings: `List<String>`, `map[string]int64`, `Array<Tag>`, `dict(str, int)`.
    let ty = parse_type(s).ok()?;
    let is_named = matches!(ty, Type::Ref { .. });
    if is_named && !(allow_named && is_model_name(s)) {
        return None;
    }
    let mut t = TypeWords::new(ty, s);
    t.named = usize::from(ty_names(&t.ty));
    t.loose = matches!(t.ty, Type::Any) && lower.contains("object");
    Some(t)
}

fn ty_names(ty: &Type) -> bool {
    ty.ref_name().is_some()
}

/// Capitalised words that are badges or prose, never model names.
const NOT_MODELS: &[&str] = &[
    "Required",
    "Optional",
    "Deprecated",
    "Default",
    "Example",
    "Examples",
    "None",
    "Null",
    "Yes",
    "No",
    "True",
    "False",
    "Description",
    "Type",
    "Name",
    "Nullable",
    "Enum",
    "Values",
    "Value",
    "Response",
    "Request",
    "Body",
    "Query",
    "Path",
    "Header",
    "Headers",
    "Returns",
    "Parameters",
    "Copy",
    "Show",
    "Hide",
    "Read",
    "Write",
    "Only",
    "Format",
    "Pattern",
    "Minimum",
    "Maximum",
    "Possible",
    "Allowed",
    "Note",
    "Notes",
    "See",
    "The",
    "This",
    "REQUIRED",
    "OPTIONAL",
    "Object",
    "Array",
    // Status reason phrases printed under a status code.
    "OK",
    "Created",
    "Accepted",
    "Success",
    "Successful",
];

/// Arrays and maps in words.
fn container(s: &str, lower: &str, allow_named: bool, depth: usize) -> Option<TypeWords> {
    // `Array of strings`, `list of objects (Pet)`, `array[string]`, `[Pet]`, `string[]`, `Collection of Pet`.
    // Scalar: `array string[]`, `array object[]`.
    if let Some(rest) = lower.strip_prefix("array ").filter(|r| r.ends_with("[]")) {
        let at = lower.len() - rest.len();
        if let Some(t) = s.get(at..).and_then(|r| words(r, allow_named, depth + 1)).filter(|t| matches!(t.ty, Type::Array { .. })) {
            return Some(TypeWords { spelled: s.to_string(), ..t });
        }
    }
    // swagger2markup: `< Bin > array`, `< string > array`.
    if let Some(inner) = lower.strip_suffix(" array").map(str::trim).and_then(|r| r.strip_prefix('<')).and_then(|r| r.strip_suffix('>')) {
        let at = lower.find(inner.trim()).unwrap_or(0);
        let item = item_words(s.get(at..at + inner.trim().len())?, true, depth)?;
        let mut t = TypeWords::new(Type::array(item.ty.clone()), s);
        t.named = item.named;
        return Some(t);
    }
    let array_item = ["array of ", "list of ", "set of ", "collection of ", "sequence of ", "arrays of ", "lists of "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .or_else(|| lower.strip_prefix("array[").and_then(|r| r.strip_suffix(']')))
        .or_else(|| lower.strip_prefix("array<").and_then(|r| r.strip_suffix('>')))
        .or_else(|| lower.strip_prefix("array(").and_then(|r| r.strip_suffix(')')))
        .or_else(|| lower.strip_prefix("array (").and_then(|r| r.strip_suffix(')')))
        .or_else(|| lower.strip_prefix('[').and_then(|r| r.strip_suffix(']')).filter(|r| !r.contains(':')))
        .or_else(|| lower.strip_suffix("[]"))
        .or_else(|| lower.strip_suffix(" array"));
    if let Some(rest) = array_item {
        // Keep the original case of the item for model names: the same bytes of `s`.
        let rest_orig = lower.find(rest).and_then(|at| s.get(at..at + rest.len())).unwrap_or(rest);
        let item = item_words(rest_orig, allow_named, depth)?;
        let mut t = TypeWords::new(Type::array(item.ty.clone()), s);
        t.loose = item.loose;
        t.named = item.named;
        t.is_enum = item.is_enum;
        return Some(t);
    }
    if lower == "array" || lower == "list" {
        return Some(loose(Type::array(Type::Any), s));
    }
    // `map of strings`, `map[string]`, `Dictionary of string [key] and integer [value]`, `hash`.
    if let Some(rest) =
        lower.strip_prefix("map of ").or_else(|| lower.strip_prefix("map from string to ")).or_else(|| lower.strip_prefix("dictionary of string to "))
    {
        let at = lower.find(rest).unwrap_or(0);
        let value = item_words(s.get(at..at + rest.len())?, allow_named, depth)?;
        return Some(TypeWords::new(Type::map(value.ty), s));
    }
    if let Some(rest) = lower.strip_prefix("dictionary of ") {
        // ASP.NET help pages: `Dictionary of string [key] and integer [value]`.
        let value = rest.split(" and ").nth(1).map(|v| v.trim_end_matches("[value]").trim());
        let ty = value.and_then(|v| item_words(v, allow_named, depth)).map_or(Type::Any, |v| v.ty);
        return Some(TypeWords::new(Type::map(ty), s));
    }
    if matches!(lower, "map" | "dictionary" | "hash" | "hashmap" | "dict" | "object (map)" | "map<string, any>" | "record") {
        return Some(loose(Type::map(Type::Any), s));
    }
    None
}

/// An array item or map value: plurals (`strings`), `objects (Pet)`, model names.
fn item_words(s: &str, allow_named: bool, depth: usize) -> Option<TypeWords> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    // `objects (Pet)`, `object (Pet)`.
    for prefix in ["objects (", "object ("] {
        if let Some(inner) = lower.strip_prefix(prefix).and_then(|r| r.strip_suffix(')')) {
            let at = prefix.len();
            let name = &s[at..at + inner.len()];
            if is_type_ident(name) {
                return Some(named(name));
            }
        }
    }
    if let Some(t) = words(s, true, depth + 1) {
        return Some(t);
    }
    // Inside an explicit container any capitalised identifier is a model (`< Show > array`).
    if s.starts_with(|c: char| c.is_ascii_uppercase()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Some(named(s));
    }
    let singular = s.strip_suffix("es").filter(|x| x.ends_with("ss")).or_else(|| s.strip_suffix('s'))?;
    words(singular, allow_named || singular.chars().next().is_some_and(char::is_uppercase), depth + 1)
}

/// `enum`, `string enum`, `enum<string>`, `enum (string)`, `integer enum`.
fn enum_words(lower: &str) -> Option<TypeWords> {
    // swagger2markup: `enum (Gala, Braeburn)`.
    if lower.starts_with("enum (") && lower.ends_with(')') {
        let mut t = TypeWords::new(Type::string(), lower);
        t.is_enum = true;
        return Some(t);
    }
    let base = match lower {
        "enum" | "string enum" | "enum<string>" | "enum (string)" | "enum string" | "enumeration" | "string (enum)" | "enum[string]" => Type::string(),
        "integer enum" | "enum<integer>" | "enum (integer)" | "int enum" | "enum<int>" => Type::integer(),
        "number enum" | "enum<number>" => Type::Number,
        _ => return None,
    };
    let mut t = TypeWords::new(base, lower);
    t.is_enum = true;
    Some(t)
}

/// `string <uuid>`, `string(date-time)`, `integer <int64>`, `string<binary>`, `number (double)`.
fn with_format(s: &str, lower: &str) -> Option<TypeWords> {
    let open = lower.find(['<', '('])?;
    let close = if lower[open..].starts_with('<') { '>' } else { ')' };
    let inner = lower[open + 1..].strip_suffix(close)?.trim();
    // Java-style `PlantCreate(PlantCreate)`: a model named with itself.
    let head = s[..open].trim();
    if is_model_name(head) && scalar_words(&head.to_ascii_lowercase()).is_none() && inner.eq_ignore_ascii_case(head) {
        return Some(named(head));
    }
    let base = scalar_words(lower[..open].trim())?;
    // `File(file)`, `String(string)`: the format repeats the type.
    if matches!(base.ty, Type::String { format: Some(_) }) || inner == lower[..open].trim() {
        return Some(TypeWords::new(base.ty, s));
    }
    let fmt = |f: &str| Type::String { format: Some(f.to_string()) };
    let ty = match (&base.ty, inner) {
        (Type::String { .. }, "date-time" | "datetime" | "date time" | "iso 8601" | "iso8601" | "rfc3339" | "timestamp") => Type::DateTime,
        (Type::String { .. }, "date") => Type::Date,
        (Type::String { .. }, "uuid" | "guid") => fmt("uuid"),
        (Type::String { .. }, "binary") => fmt("binary"),
        (Type::String { .. }, "byte" | "base64") => fmt("byte"),
        (Type::String { .. }, "enum") => {
            let mut t = TypeWords::new(Type::string(), s);
            t.is_enum = true;
            return Some(t);
        }
        (Type::String { .. }, f) if f.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => fmt(f),
        (Type::Integer { .. }, "int64" | "long") => Type::Integer { bits: Some(64) },
        (Type::Integer { .. }, "int32" | "int") => Type::Integer { bits: Some(32) },
        (Type::Integer { .. } | Type::Number, _) => base.ty.clone(),
        (Type::Any, name) if is_model_name(&s[open + 1..open + 1 + name.len()]) => return Some(named(&s[open + 1..open + 1 + name.len()])),
        _ => return None,
    };
    Some(TypeWords::new(ty, s))
}

/// One scalar word (any case), plus the long spellings of ASP.NET help pages.
fn scalar_words(lower: &str) -> Option<TypeWords> {
    let fmt = |f: &str| Type::String { format: Some(f.to_string()) };
    // `fecha-hora ISO 8601`, `string (ISO 8601)`: the standard named after the type.
    let lower = lower.trim_end_matches(" (iso 8601)").trim_end_matches(" iso 8601").trim();
    if let Some(t) = translated(lower) {
        return Some(TypeWords::new(t, lower));
    }
    let (ty, is_loose) = match lower {
        "string" | "str" | "text" | "password" | "char" | "character" | "strings" => (Type::string(), false),
        "email" | "e-mail" => (fmt("email"), false),
        "uri" | "url" => (fmt("uri"), false),
        "uuid" | "guid" | "globally unique identifier" => (fmt("uuid"), false),
        "integer" | "int" | "int32" | "int16" | "short" | "uint" | "uint32" | "int8" | "smallint" | "whole number" => (Type::integer(), false),
        "long" | "int64" | "uint64" | "bigint" | "long integer" => (Type::Integer { bits: Some(64) }, false),
        "number" | "float" | "double" | "decimal" | "decimal number" | "float64" | "float32" | "numeric" | "real" => (Type::Number, false),
        "boolean" | "bool" | "true/false" => (Type::Boolean, false),
        "date" => (Type::Date, false),
        "date-time" | "datetime" | "date time" | "timestamp" | "iso 8601 timestamp" | "iso8601" | "date-time string" => (Type::DateTime, false),
        "file" | "binary" | "blob" | "bytes" | "file upload" | "stream" => (fmt("binary"), false),
        "byte" | "base64" => (fmt("byte"), false),
        "object" | "dict" | "hash" | "struct" | "objects" => (Type::Any, true),
        "json" | "any" | "mixed" | "anytype" | "unknown" | "json object" | "anyvalue" => (Type::Any, false),
        _ => return None,
    };
    let mut t = TypeWords::new(ty, lower);
    t.loose = is_loose;
    Some(t)
}

/// Scalar type names of docs written in other languages (Spanish, Portuguese, French,
/// German, Chinese, Japanese, Korean).
fn translated(lower: &str) -> Option<Type> {
    Some(match lower {
        "cadena" | "cadena de texto" | "texto" | "chaîne" | "chaîne de caractères" | "texte" | "zeichenkette" | "字符串" | "文字列" | "문자열" => {
            Type::string()
        }
        "entero" | "inteiro" | "entier" | "ganzzahl" | "整数" | "整型" | "정수" => Type::integer(),
        "número" | "numero" | "nombre" | "zahl" | "数字" | "数值" | "数値" | "숫자" => Type::Number,
        "booleano" | "booléen" | "boolesch" | "布尔" | "布尔值" | "真偽値" | "불리언" => Type::Boolean,
        "fecha" | "data" | "datum" | "日期" | "日付" | "날짜" => Type::Date,
        "fecha-hora" | "fecha y hora" | "data e hora" | "data-hora" | "date et heure" | "日期时间" | "日時" => Type::DateTime,
        _ => return None,
    })
}

fn loose(ty: Type, spelled: &str) -> TypeWords {
    let mut t = TypeWords::new(ty, spelled);
    t.loose = true;
    t
}

fn named(name: &str) -> TypeWords {
    let mut t = TypeWords::new(Type::reference(name), name);
    t.named = 1;
    t
}

/// Any identifier named as a model explicitly (`object (updatePlant_request)`).
fn is_type_ident(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= 80
        && !NOT_MODELS.contains(&s)
}

/// A capitalised identifier that can name a model (`Pet`, `OrderLine`, `V2Item`).
pub(crate) fn is_model_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') && s.len() <= 80 && !NOT_MODELS.contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Option<Type> {
        type_words(s, true).map(|t| t.ty)
    }

    #[test]
    fn page_spellings() {
        let fmt = |f: &str| Type::String { format: Some(f.into()) };
        let cases = [
            ("string", Some(Type::string())),
            ("String", Some(Type::string())),
            ("string <uuid>", Some(fmt("uuid"))),
            ("string(date-time)", Some(Type::DateTime)),
            ("string <date-time>", Some(Type::DateTime)),
            ("integer <int64>", Some(Type::Integer { bits: Some(64) })),
            ("integer (int32) [ 1 .. 100 ]", Some(Type::Integer { bits: Some(32) })),
            ("string [ 3 .. 50 ] characters", Some(Type::string())),
            ("Array of strings", Some(Type::array(Type::string()))),
            ("Array of objects (Pet)", Some(Type::array(Type::reference("Pet")))),
            ("array[string]", Some(Type::array(Type::string()))),
            ("array<integer>", Some(Type::array(Type::integer()))),
            ("[Pet]", Some(Type::array(Type::reference("Pet")))),
            ("string[]", Some(Type::array(Type::string()))),
            ("Pet[]", Some(Type::array(Type::reference("Pet")))),
            ("List<String>", Some(Type::array(Type::string()))),
            ("Collection of Order", Some(Type::array(Type::reference("Order")))),
            ("object (Address)", Some(Type::reference("Address"))),
            ("Address", Some(Type::reference("Address"))),
            ("map[string]int64", Some(Type::map(Type::Integer { bits: Some(64) }))),
            ("Dictionary of string [key] and integer [value]", Some(Type::map(Type::integer()))),
            ("globally unique identifier", Some(fmt("uuid"))),
            ("string or null", Some(Type::string())),
            ("boolean", Some(Type::Boolean)),
            ("file", Some(fmt("binary"))),
            ("enum<string>", Some(Type::string())),
            ("string or integer", Some(Type::Any)),
            ("array string[]", Some(Type::array(Type::string()))),
            ("< Bin > array", Some(Type::array(Type::reference("Bin")))),
            ("array object[]", Some(Type::array(Type::Any))),
            ("the user name", None),
            ("Required", None),
            ("The Pet", None),
        ];
        for (text, want) in cases {
            assert_eq!(t(text), want, "{text:?}");
        }
        assert!(type_words("string | null", false).unwrap().nullable);
        assert!(type_words("object", false).unwrap().loose);
        assert!(type_words("enum", false).unwrap().is_enum);
        assert_eq!(type_words("Pet", false), None);
    }
}
#[cfg(test)]
mod multibyte {
    #[test]
    fn no_panic_on_multibyte() {
        let words = [
            "é",
            " é",
            "é ",
            "日本",
            "array",
            "string[]",
            "[]",
            "<",
            ">",
            "(",
            ")",
            "of",
            "list",
            "object",
            "map",
            " ",
            "|",
            "Pet",
            "string",
            "é string[]",
            "Array<",
            "of é",
        ];
        for a in words {
            for b in words {
                for c in words {
                    let t = format!("{a}{b}{c}");
                    let _ = super::type_words(&t, true);
                    let _ = super::type_words(&t, false);
                    let t = format!("{a} {b} {c}");
                    let _ = super::type_words(&t, true);
                }
            }
        }
    }
}
