//! Fern's type vocabulary and the splitting of field lines whose separators were lost
//! (`firstNamestringOptional=0 characters` → `firstName` · `string` · `Optional` · `>=0 characters`).
//!
//! The split is driven by the vocabulary, not by per-field rules: every split point whose
//! remainder parses completely as `type suffix*` is a candidate; the best one wins. The HTML
//! parser feeds its (already separated) badges through the same code, so both agree.

use super::type_words::TypeWords;
use crate::schema::Type;

/// Everything after the type: badges, constraints, defaults, allowed values.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Suffixes {
    pub required: Option<bool>,
    pub deprecated: bool,
    pub default: Option<String>,
    pub constraints: Vec<String>,
    /// `Some(empty)` when the line ends in `Allowed values:` and the values follow on later lines.
    pub allowed: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldLine {
    pub name: String,
    pub ty: TypeWords,
    pub suffixes: Suffixes,
    /// Other splits that parsed equally well (`user`+`IdUserId`), for an ambiguity warning.
    pub alternatives: Vec<String>,
}

/// (singular, plural, type). `Base64 string` and `big integer` are Fern's own spellings.
const PRIMITIVES: &[(&str, &str, Prim)] = &[
    ("string", "strings", Prim::String),
    ("integer", "integers", Prim::Integer),
    ("uint64", "uint64s", Prim::Long),
    ("uint", "uints", Prim::Integer),
    ("long", "longs", Prim::Long),
    ("double", "doubles", Prim::Number),
    ("float", "floats", Prim::Number),
    ("number", "numbers", Prim::Number),
    ("boolean", "booleans", Prim::Boolean),
    ("datetime", "datetimes", Prim::DateTime),
    ("date", "dates", Prim::Date),
    ("uuid", "uuids", Prim::Uuid),
    ("UUID", "UUIDs", Prim::Uuid),
    ("Base64 string", "Base64 strings", Prim::Base64),
    ("big integer", "big integers", Prim::BigInteger),
    ("object", "objects", Prim::Object),
    ("any", "any", Prim::Any),
    ("unknown", "unknown", Prim::Any),
    ("enum", "enums", Prim::Enum),
];

#[derive(Debug, Clone, Copy)]
enum Prim {
    String,
    Integer,
    Long,
    Number,
    Boolean,
    DateTime,
    Date,
    Uuid,
    Base64,
    BigInteger,
    Object,
    Any,
    Enum,
}

/// Words that end a type and start the suffixes; a PascalCase name never ends in one.
const MARKERS: &[&str] = &["Required", "Optional", "Deprecated"];

impl TypeWords {
    fn primitive(prim: Prim, spelled: &str) -> Self {
        let fmt = |f: &str| Type::String { format: Some(f.to_string()) };
        let mut t = TypeWords::new(
            match prim {
                Prim::String | Prim::Enum => Type::string(),
                Prim::Integer => Type::integer(),
                Prim::Long => Type::Integer { bits: Some(64) },
                Prim::Number => Type::Number,
                Prim::Boolean => Type::Boolean,
                Prim::DateTime => Type::DateTime,
                Prim::Date => Type::Date,
                Prim::Uuid => fmt("uuid"),
                Prim::Base64 => fmt("byte"),
                // Fern sends big integers as strings.
                Prim::BigInteger => fmt("big-integer"),
                Prim::Object | Prim::Any => Type::Any,
            },
            spelled,
        );
        t.loose = matches!(prim, Prim::Object);
        t.is_enum = matches!(prim, Prim::Enum);
        t
    }
}

/// Split a field line. `None` when no split leaves a remainder that parses completely.
pub(crate) fn split_field_line(line: &str) -> Option<FieldLine> {
    let line = line.trim();
    // Field headers are short; refusing long lines keeps the search linear in the input.
    if line.len() > MAX_FIELD_LINE || !line.get(..1).is_some_and(is_plausible_name) {
        return None;
    }
    let mut candidates: Vec<(usize, bool, FieldLine)> = Vec::new();
    for (i, c) in line.char_indices().skip(1) {
        let name = &line[..i];
        let last = name.chars().next_back().unwrap_or(' ');
        if !is_name_char(last) {
            break;
        }
        let rest = &line[i..];
        let spaced = c.is_whitespace();
        for (ty, end) in parse_type(rest.trim_start()) {
            let Some(suffixes) = parse_suffixes(&rest.trim_start()[end..]) else { continue };
            // With spaces kept, prose like `Updated date` would parse: demand a badge then.
            if spaced && suffixes.required.is_none() {
                continue;
            }
            // Without a badge, `UserId` alone would read as field `User` of type `Id`.
            if suffixes.required.is_none() && ty.named > 0 && name.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            candidates.push((ty.named, spaced, FieldLine { name: name.to_string(), ty, suffixes, alternatives: Vec::new() }));
        }
        if spaced {
            // A name never contains whitespace; later split points would.
            break;
        }
    }
    // Vocabulary words beat PascalCase guesses; glued beats spaced; then the leftmost split.
    candidates.sort_by_key(|(named, spaced, _)| (*named, *spaced));
    let mut iter = candidates.into_iter();
    let (named, spaced, mut best) = iter.next()?;
    best.alternatives =
        iter.filter(|(n, s, f)| *n == named && *s == spaced && f.name != best.name).map(|(_, _, f)| format!("`{}` + `{}`", f.name, f.ty.spelled)).collect();
    best.alternatives.dedup();
    Some(best)
}

/// Parse `type suffix*` when the name is known (HTML badges, joined by spaces).
#[cfg(feature = "html")]
pub(crate) fn parse_type_and_suffixes(text: &str) -> Option<(TypeWords, Suffixes)> {
    let text = text.trim();
    if text.len() > MAX_FIELD_LINE {
        return None;
    }
    let mut options: Vec<(TypeWords, Suffixes)> = parse_type(text).into_iter().filter_map(|(t, end)| parse_suffixes(&text[end..]).map(|s| (t, s))).collect();
    options.sort_by_key(|(t, _)| t.named);
    options.into_iter().next()
}

/// Parse a whole string as a type (`a list of objects` → list), articles allowed.
pub(crate) fn parse_whole_type(text: &str) -> Option<TypeWords> {
    let text = text.trim().trim_end_matches('.').trim();
    if text.len() > MAX_FIELD_LINE {
        return None;
    }
    let text = text.strip_prefix("an ").or_else(|| text.strip_prefix("a ")).unwrap_or(text);
    let mut options: Vec<TypeWords> = parse_type(text).into_iter().filter(|(_, end)| *end == text.len()).map(|(t, _)| t).collect();
    options.sort_by_key(|t| t.named);
    options.into_iter().next()
}

const MAX_FIELD_LINE: usize = 600;

fn is_plausible_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else { return false };
    (first.is_ascii_alphabetic() || matches!(first, '_' | '$' | '@')) && chars.all(is_name_char)
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '$' | '[' | ']' | '@')
}

/// Every way a type can start `s`, with the byte offset where it ends.
fn parse_type(s: &str) -> Vec<(TypeWords, usize)> {
    parse_type_depth(s, 0)
}

fn parse_type_depth(s: &str, depth: usize) -> Vec<(TypeWords, usize)> {
    // Deep nesting only comes from garbage; stop before the stack does.
    if depth > 8 || s.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (prefix, nullable) in [("nullable or optional ", true), ("nullable ", true), ("optional ", true)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            for (mut t, end) in parse_type_depth(rest, depth + 1) {
                t.nullable |= nullable;
                t.spelled = format!("{prefix}{}", t.spelled);
                out.push((t, prefix.len() + end));
            }
        }
    }
    for prefix in ["list of ", "lists of ", "set of ", "sets of "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            for (item, end) in parse_type_depth(rest, depth + 1) {
                let mut t = TypeWords::new(Type::array(item.ty.clone()), &format!("{prefix}{}", item.spelled));
                t.loose = item.loose;
                t.named = item.named;
                // Items are never nullable in Fern's shorthand: `list of strings or null` is a nullable list.
                t.nullable = item.nullable;
                out.push((t, prefix.len() + end));
            }
        }
    }
    for prefix in ["map from ", "maps from "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            for (key, kend) in parse_type_depth(rest, depth + 1) {
                let Some(after_key) = rest[kend..].strip_prefix(" to ") else { continue };
                for (value, vend) in parse_type_depth(after_key, depth + 1) {
                    let consumed = prefix.len() + kend + 4 + vend;
                    let mut t = TypeWords::new(Type::map(value.ty.clone()), &s[..consumed]);
                    t.loose = value.loose;
                    t.named = key.named + value.named;
                    out.push((t, consumed));
                }
            }
        }
    }
    for (singular, plural, prim) in PRIMITIVES {
        for word in [plural, singular] {
            if s.starts_with(word) {
                out.push((TypeWords::primitive(*prim, word), word.len()));
            }
        }
    }
    out.extend(literal_type(s));
    out.extend(named_types(s));
    // Postfix unions: `X or null` marks nullability, `X or Y` is an untyped union.
    let mut with_unions = Vec::new();
    for (t, end) in &out {
        let rest = &s[*end..];
        if let Some(after) = rest.strip_prefix(" or null") {
            let mut n = t.clone();
            n.nullable = true;
            n.spelled.push_str(" or null");
            with_unions.push((n, s.len() - after.len()));
        } else if let Some(after) = rest.strip_prefix(" or ") {
            for (other, oend) in parse_type_depth(after, depth + 1) {
                let consumed = s.len() - after.len() + oend;
                let mut u = TypeWords::new(Type::Any, &s[..consumed]);
                u.loose = true;
                u.nullable = other.nullable;
                u.named = t.named + other.named;
                with_unions.push((u, consumed));
            }
        }
    }
    out.extend(with_unions);
    out
}

/// `"asc"` (string literal) or `true`/`false` (boolean literal).
fn literal_type(s: &str) -> Option<(TypeWords, usize)> {
    if let Some(inner) = s.strip_prefix('"') {
        let close = inner.find('"')?;
        let mut t = TypeWords::new(Type::string(), &s[..close + 2]);
        t.literal = Some(inner[..close].to_string());
        return Some((t, close + 2));
    }
    for word in ["true", "false"] {
        if s.starts_with(word) {
            let mut t = TypeWords::new(Type::Boolean, word);
            t.literal = Some(word.to_string());
            return Some((t, word.len()));
        }
    }
    None
}

/// A PascalCase model name ending at any camel-case boundary (`UserStatus` in `UserStatusOptional`).
fn named_types(s: &str) -> Vec<(TypeWords, usize)> {
    let mut out = Vec::new();
    if !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return out;
    }
    let end_of_word = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    let word = &s[..end_of_word];
    for (i, c) in word.char_indices().skip(1).chain(std::iter::once((end_of_word, ' '))) {
        if !(c.is_ascii_uppercase() || i == end_of_word) {
            continue;
        }
        let name = &word[..i];
        let too_short = name.len() < 2 || !name.chars().any(|c| c.is_ascii_lowercase());
        if too_short || MARKERS.iter().any(|m| name.ends_with(m)) || ["UUID", "UUIDs", "Base64"].contains(&name) {
            continue;
        }
        let mut t = TypeWords::new(Type::reference(name), name);
        t.named = 1;
        out.push((t, i));
    }
    out
}

/// Parse the badges after the type; `None` unless all of `s` is understood.
pub(crate) fn parse_suffixes(s: &str) -> Option<Suffixes> {
    let mut out = Suffixes::default();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("Required") {
            out.required = Some(true);
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Optional") {
            out.required = Some(false);
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Deprecated") {
            out.deprecated = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Allowed values:") {
            out.allowed = Some(r.split_whitespace().map(|v| v.trim_matches('"').to_string()).collect());
            rest = "";
        } else if let Some(r) = rest.strip_prefix("Defaults to") {
            let r = r.trim_start();
            let end = next_suffix_start(r);
            let value = r[..end].trim().trim_matches('"');
            if value.is_empty() {
                return None;
            }
            out.default = Some(value.to_string());
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix("format:") {
            let r = r.trim_start();
            let (value, after) = match r.strip_prefix('"') {
                Some(q) => {
                    let close = q.find('"')?;
                    (&q[..close], &q[close + 1..])
                }
                None => {
                    let end = r.find(char::is_whitespace).unwrap_or(r.len()).min(next_suffix_start(r));
                    (&r[..end], &r[end..])
                }
            };
            if value.is_empty() {
                return None;
            }
            out.constraints.push(format!("format: \"{value}\""));
            rest = after;
        } else {
            let (constraint, after) = parse_constraint(rest)?;
            out.constraints.push(constraint);
            rest = after;
        }
        rest = rest.trim_start();
    }
    Some(out)
}

/// Where the next badge starts inside a `Defaults to` value.
fn next_suffix_start(s: &str) -> usize {
    ["Required", "Optional", "Deprecated", "Allowed values:", "format:", ">=", "<="]
        .iter()
        .filter_map(|k| s.get(1..).and_then(|tail| tail.find(k)).map(|i| i + 1))
        .min()
        .unwrap_or(s.len())
}

/// `>=1 character`, `<=1000 characters`, `=0 characters`, `1-100`, `>0`.
fn parse_constraint(s: &str) -> Option<(String, &str)> {
    let ops = [">=", "<=", ">", "<", "="];
    let (op, body) = ops.iter().find_map(|op| s.strip_prefix(op).map(|b| (*op, b))).unwrap_or(("", s));
    let num_len = number_len(body);
    if num_len == 0 {
        return None;
    }
    let mut end = num_len;
    // A bare number is only a constraint as a range (`1-100`).
    if op.is_empty() {
        let range = body[end..].strip_prefix('-').map(number_len).unwrap_or(0);
        if range == 0 {
            return None;
        }
        end += 1 + range;
    }
    let number = &body[..end];
    let mut after = &body[end..];
    let mut unit = "";
    let trimmed = after.trim_start();
    for word in ["characters", "character", "items", "item"] {
        if let Some(r) = trimmed.strip_prefix(word) {
            unit = word;
            after = r;
            break;
        }
    }
    // Fern prints `>=0 characters`; copies lose the `>` (`=0 characters`). An exact
    // length of zero is meaningless, so read it as the minimum it was.
    let op = if op == "=" && number.trim_start_matches('0').is_empty() { ">=" } else { op };
    let text = if unit.is_empty() { format!("{op}{number}") } else { format!("{op}{number} {unit}") };
    Some((text, after))
}

fn number_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || (bytes[i] == b'.' && i > digits_start)) {
        i += 1;
    }
    if i == digits_start { 0 } else { i }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> FieldLine {
        split_field_line(line).unwrap_or_else(|| panic!("no split for {line}"))
    }

    #[test]
    fn names_ending_in_type_words() {
        let f = split("createdOndatetimeOptional");
        assert_eq!((f.name.as_str(), &f.ty.ty, f.suffixes.required), ("createdOn", &Type::DateTime, Some(false)));
        let f = split("statusobjectOptional");
        assert_eq!((f.name.as_str(), &f.ty.ty, f.ty.loose), ("status", &Type::Any, true));
        let f = split("isStringbooleanOptional");
        assert_eq!((f.name.as_str(), &f.ty.ty), ("isString", &Type::Boolean));
        let f = split("dateOfDatedateOptional");
        assert_eq!((f.name.as_str(), &f.ty.ty), ("dateOfDate", &Type::Date));
        let f = split("updatedatetimeRequired");
        assert_eq!((f.name.as_str(), &f.ty.ty), ("update", &Type::DateTime));
    }

    #[test]
    fn compound_types() {
        let f = split("userContactInfoslist of objectsOptional");
        assert_eq!(f.name, "userContactInfos");
        assert_eq!(f.ty.ty, Type::array(Type::Any));
        assert!(f.ty.loose);
        let f = split("tagsmap from strings to stringsRequired");
        assert_eq!((f.name.as_str(), &f.ty.ty, f.suffixes.required), ("tags", &Type::map(Type::string()), Some(true)));
        let f = split("noteslist of strings or nullOptional");
        assert_eq!((f.name.as_str(), &f.ty.ty, f.ty.nullable), ("notes", &Type::array(Type::string()), true));
        let f = split("metadatamap from strings to anyOptional");
        assert_eq!((f.ty.ty.clone(), f.ty.loose), (Type::map(Type::Any), false));
        let f = split("resourceVersionlongOptional");
        assert_eq!(f.ty.ty, Type::Integer { bits: Some(64) });
        let f = split("ownerUserSummaryOptional");
        assert_eq!((f.name.as_str(), &f.ty.ty), ("owner", &Type::reference("UserSummary")));
        let f = split("valuestring or integerOptional");
        assert_eq!((f.ty.ty.clone(), f.ty.loose), (Type::Any, true));
        let f = split("archivedAtoptional datetimeOptional");
        assert_eq!((f.name.as_str(), f.ty.nullable), ("archivedAt", true));
    }

    #[test]
    fn suffixes() {
        let f = split("limitintegerOptionalDefaults to 50");
        assert_eq!((f.name.as_str(), f.suffixes.default.as_deref()), ("limit", Some("50")));
        let f = split("idstringRequiredformat: \"uuid\"");
        assert_eq!((f.name.as_str(), f.suffixes.required), ("id", Some(true)));
        assert_eq!(f.suffixes.constraints, ["format: \"uuid\""]);
        let f = split("sortenumOptionalAllowed values: asc desc");
        assert!(f.ty.is_enum);
        assert_eq!(f.suffixes.allowed, Some(vec!["asc".to_string(), "desc".to_string()]));
        let f = split("firstNamestringOptional=0 characters");
        assert_eq!(f.suffixes.constraints, [">=0 characters"]);
        let f = split("codestringRequired>=1 character<=1000 characters");
        assert_eq!(f.suffixes.constraints, [">=1 character", "<=1000 characters"]);
        let f = split("pageintegerOptional>=1Defaults to 1");
        assert_eq!((f.suffixes.constraints.clone(), f.suffixes.default), (vec![">=1".to_string()], Some("1".to_string())));
        let f = split("countrystringRequired=2 characters");
        assert_eq!(f.suffixes.constraints, ["=2 characters"]);
    }

    #[test]
    fn ambiguous_pascal_names_are_reported() {
        let f = split("userIdUserIdOptional");
        assert_eq!(f.name, "user");
        assert!(!f.alternatives.is_empty());
    }

    #[test]
    fn prose_is_not_a_field_line() {
        for line in ["The id of the user.", "Updated date", "OK", "This endpoint expects an object.", "", "Required", "string"] {
            assert!(split_field_line(line).is_none(), "{line}");
        }
        assert!(split_field_line("X-Request-Id string Required").is_some());
    }

    #[test]
    fn whole_types() {
        assert_eq!(parse_whole_type("an object.").map(|t| t.ty), Some(Type::Any));
        assert_eq!(parse_whole_type("a list of objects").map(|t| t.ty), Some(Type::array(Type::Any)));
        assert_eq!(parse_whole_type("a string").map(|t| t.ty), Some(Type::string()));
        assert!(parse_whole_type("a file upload").is_none());
    }
}
