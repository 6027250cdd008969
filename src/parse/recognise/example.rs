//! JSON examples: a tolerant reader that keeps key order (examples carry `// comments`,
//! trailing commas, `...` and single quotes), and the fields an example shows: types from
//! values, arrays from their first element, nested objects as nested fields. Also JSON that
//! describes parameters (`{"name": "limit", "in": "query", …}`).

use crate::parse::recognise::field::FieldDoc;
use crate::parse::vocab::sections::Place;
use crate::parse::vocab::type_words::TypeWords;
use crate::schema::Type;

/// A JSON value with object keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int,
    Float,
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Deeper nesting is not an example.
const MAX_DEPTH: usize = 64;

/// Parse an example; `None` unless the whole text (after comments) is one JSON value.
pub fn parse(text: &str) -> Option<Json> {
    let chars: Vec<char> = text.chars().collect();
    let mut p = Reader { chars, pos: 0, depth: 0 };
    let v = p.value()?;
    p.skip();
    (p.pos >= p.chars.len()).then_some(v)
}

/// A sample cut off at the end of the page (a truncated copy): the members before the cut,
/// the open objects and arrays closed. `None` when the text is not the start of a JSON value.
pub fn parse_truncated(text: &str) -> Option<Json> {
    if let Some(v) = parse(text) {
        return Some(v);
    }
    let t = text.trim_start();
    if !t.starts_with(['{', '[']) {
        return None;
    }
    // Where each complete member ends (the comma after it), with the brackets open there.
    let mut scan = crate::parse::text::JsonScan::default();
    let mut cut: Option<(usize, Vec<char>)> = None;
    for (i, c) in t.char_indices() {
        if scan.step(c) == Some(',') {
            cut = Some((i, scan.open.clone()));
        }
    }
    let (at, open) = cut?;
    let mut fixed = t[..at].to_string();
    fixed.extend(open.iter().rev().map(|o| if *o == '{' { '}' } else { ']' }));
    parse(&fixed)
}

struct Reader {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// Whitespace, `// …` and `# …` line comments, `/* … */`, and `...` / `…` elisions.
    fn skip(&mut self) {
        loop {
            match self.peek() {
                // Redoc's collapsible samples copied as text bullet every member (`  • "id": 1`).
                Some(c) if c.is_whitespace() || c == '•' => self.pos += 1,
                Some('/') if self.chars.get(self.pos + 1) == Some(&'/') => self.skip_line(),
                Some('#') => self.skip_line(),
                Some('/') if self.chars.get(self.pos + 1) == Some(&'*') => {
                    self.pos += 2;
                    while self.pos < self.chars.len() && !(self.peek() == Some('*') && self.chars.get(self.pos + 1) == Some(&'/')) {
                        self.pos += 1;
                    }
                    self.pos = (self.pos + 2).min(self.chars.len());
                }
                Some('.') if self.chars.get(self.pos + 1) == Some(&'.') => {
                    while self.peek() == Some('.') {
                        self.pos += 1;
                    }
                }
                Some('…') => self.pos += 1,
                // Scraped samples print each member as a bullet: ` * "id": 1,`.
                Some('*') if self.chars.get(self.pos + 1) == Some(&' ') => self.pos += 1,
                _ => return,
            }
        }
    }

    fn skip_line(&mut self) {
        while self.peek().is_some_and(|c| c != '\n') {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Option<Json> {
        self.skip();
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let v = match self.peek()? {
            '{' => self.object(),
            '[' => self.array(),
            '"' | '\'' => self.string().map(Json::Str),
            c if c == '-' || c.is_ascii_digit() => self.number(),
            _ => self.word(),
        };
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Option<Json> {
        self.pos += 1;
        let mut fields = Vec::new();
        loop {
            self.skip();
            // A sample cut off at the end of a page keeps the members it has.
            let Some(c) = self.peek() else { return (!fields.is_empty()).then_some(Json::Object(fields)) };
            match c {
                '}' => {
                    self.pos += 1;
                    return Some(Json::Object(fields));
                }
                ',' => self.pos += 1,
                '"' | '\'' => {
                    let key = self.string()?;
                    self.colon()?;
                    let v = self.value()?;
                    fields.push((key, v));
                }
                c if c.is_alphanumeric() || c == '_' || c == '$' => {
                    // Unquoted keys (JavaScript samples).
                    let start = self.pos;
                    while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                        self.pos += 1;
                    }
                    let key: String = self.chars[start..self.pos].iter().collect();
                    self.colon()?;
                    let v = self.value()?;
                    fields.push((key, v));
                }
                _ => return None,
            }
        }
    }

    fn colon(&mut self) -> Option<()> {
        self.skip();
        (self.peek()? == ':').then(|| self.pos += 1)
    }

    fn array(&mut self) -> Option<Json> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip();
            match self.peek()? {
                ']' => {
                    self.pos += 1;
                    return Some(Json::Array(items));
                }
                ',' => self.pos += 1,
                _ => items.push(self.value()?),
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        let quote = self.peek()?;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let c = self.peek()?;
            self.pos += 1;
            match c {
                '\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    out.push(match e {
                        'n' => '\n',
                        't' => '\t',
                        'u' => {
                            let hex: String = self.chars.get(self.pos..self.pos + 4)?.iter().collect();
                            self.pos += 4;
                            char::from_u32(u32::from_str_radix(&hex, 16).ok()?).unwrap_or('?')
                        }
                        other => other,
                    });
                }
                '\n' => return None,
                c if c == quote => return Some(out),
                c => out.push(c),
            }
        }
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')) {
            self.pos += 1;
        }
        // ServiceStack's JSV samples leave dates unquoted (`0001-01-01T00:00:00`).
        while self.peek().is_some_and(|c| c.is_ascii_digit() || matches!(c, ':' | 'T' | 'Z')) && self.chars[start..self.pos].contains(&'-') {
            self.pos += 1;
        }
        let s: String = self.chars[start..self.pos].iter().collect();
        if s.parse::<i64>().is_ok() || s.parse::<u64>().is_ok() {
            Some(Json::Int)
        } else if s.parse::<f64>().is_ok() {
            Some(Json::Float)
        } else {
            (s.len() >= 8 && s.matches('-').count() == 2).then_some(Json::Str(s))
        }
    }

    fn word(&mut self) -> Option<Json> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.pos += 1;
        }
        let w: String = self.chars[start..self.pos].iter().collect();
        match w.as_str() {
            "true" | "True" => Some(Json::Bool(true)),
            "false" | "False" => Some(Json::Bool(false)),
            "null" | "None" | "nil" | "undefined" => Some(Json::Null),
            // JSV's unquoted placeholders (`Notes: String`) before `,`, `}` or a line end.
            _ if !w.is_empty() && {
                let mut k = self.pos;
                while self.chars.get(k).is_some_and(|c| *c == ' ' || *c == '\t') {
                    k += 1;
                }
                self.chars.get(k).is_none_or(|c| matches!(c, ',' | '}' | ']' | '\n' | '\r'))
            } =>
            {
                Some(Json::Str(w))
            }
            _ => None,
        }
    }
}

/// The member names a sample shows: an object's keys, or those of an array's first item.
pub fn member_names(v: &Json) -> Vec<String> {
    let object = match v {
        Json::Array(items) => items.first(),
        other => Some(other),
    };
    match object {
        Some(Json::Object(m)) => m.iter().map(|(k, _)| k.clone()).collect(),
        _ => Vec::new(),
    }
}

/// The fields an example object shows, nested objects as children. For an array, the
/// fields of its first object element (and `true`).
pub fn example_fields(v: &Json, line: u32) -> Option<(Vec<FieldDoc>, bool)> {
    match v {
        Json::Object(fields) => Some((fields.iter().map(|(k, v)| field(k, v, line)).collect(), false)),
        Json::Array(items) => match items.first() {
            Some(Json::Object(fields)) => Some((fields.iter().map(|(k, v)| field(k, v, line)).collect(), true)),
            _ => None,
        },
        _ => None,
    }
}

fn field(name: &str, v: &Json, line: u32) -> FieldDoc {
    let mut f = FieldDoc::named(name, line);
    f.inferred = true;
    let (ty, children) = value_type(v, line);
    f.nullable = matches!(v, Json::Null);
    f.children = children;
    f.ty = Some(TypeWords::new(ty, "example"));
    f
}

/// The type a sample value shows.
pub fn sample_type(v: &Json) -> Type {
    value_type(v, 0).0
}

/// The type a value shows; object values give their fields as children (typed `Any`
/// here: the reader names the nested model).
fn value_type(v: &Json, line: u32) -> (Type, Vec<FieldDoc>) {
    match v {
        Json::Null => (Type::Any, Vec::new()),
        Json::Bool(_) => (Type::Boolean, Vec::new()),
        Json::Int => (Type::integer(), Vec::new()),
        Json::Float => (Type::Number, Vec::new()),
        Json::Str(s) => (string_type(s), Vec::new()),
        Json::Object(fields) if fields.is_empty() => (Type::Any, Vec::new()),
        // `{"String": "String"}`: a sample dictionary (ServiceStack prints its key type).
        Json::Object(fields) if matches!(fields.as_slice(), [(k, _)] if k == "String") => (Type::map(value_type(&fields[0].1, line).0), Vec::new()),
        Json::Object(fields) => (Type::Any, fields.iter().map(|(k, v)| field(k, v, line)).collect()),
        Json::Array(items) => match items.first() {
            None | Some(Json::Null) => (Type::array(Type::Any), Vec::new()),
            Some(first) => {
                let (item, children) = value_type(first, line);
                (Type::array(item), children)
            }
        },
    }
}

/// The type an example value written as text shows: `25` an integer, `true` a boolean,
/// `2024-01-01` a date, anything else a string.
pub fn text_value_type(v: &str) -> Type {
    let v = v.trim();
    if v.parse::<i64>().is_ok() {
        Type::integer()
    } else if v.contains('.') && v.parse::<f64>().is_ok() {
        Type::Number
    } else if v == "true" || v == "false" {
        Type::Boolean
    } else {
        string_type(v)
    }
}

/// ISO dates and date-times are dates; a placeholder naming a type (`"[integer]"`,
/// `"<boolean>"`, a README request card's notation) is that type; other strings are strings.
fn string_type(s: &str) -> Type {
    let placeholder = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')).or_else(|| s.strip_prefix('<').and_then(|r| r.strip_suffix('>')));
    let named = placeholder.and_then(|p| p.split([',', ' ', '(']).next()).map(str::to_ascii_lowercase);
    match named.as_deref() {
        Some("integer" | "int" | "int32" | "int64" | "long") => return Type::integer(),
        Some("number" | "float" | "double" | "decimal") => return Type::Number,
        Some("boolean" | "bool") => return Type::Boolean,
        _ => {}
    }
    let b = s.as_bytes();
    let date = b.len() >= 10 && b[..10].iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if date && b.len() == 10 {
        Type::Date
    } else if date && matches!(b[10], b'T' | b't' | b' ') && b.len() >= 16 {
        Type::DateTime
    } else {
        Type::string()
    }
}

/// JSON that describes parameters, as some references print them:
/// `[{"name": "limit", "in": "query", "required": false, "schema": {"type": "integer"}}]`.
pub fn described_params(v: &Json, line: u32) -> Vec<FieldDoc> {
    let items: Vec<&Json> = match v {
        Json::Array(items) => items.iter().collect(),
        Json::Object(fields) => match fields.iter().find(|(k, _)| k == "parameters") {
            Some((_, Json::Array(items))) => items.iter().collect(),
            _ => vec![v],
        },
        _ => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|item| {
            let Json::Object(fields) = item else { return None };
            let get = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v);
            let Some(Json::Str(name)) = get("name") else { return None };
            let Some(Json::Str(place)) = get("in") else { return None };
            let place = match place.as_str() {
                "path" => Place::Path,
                "query" => Place::Query,
                "header" => Place::Header,
                "cookie" => Place::Cookie,
                _ => return None,
            };
            let mut f = FieldDoc::named(name, line);
            f.place = Some(place);
            f.required = match get("required") {
                Some(Json::Bool(b)) => Some(*b),
                _ => None,
            };
            let type_name = match get("schema") {
                Some(Json::Object(s)) => s.iter().find(|(k, _)| k == "type").map(|(_, v)| v),
                _ => get("type"),
            };
            if let Some(Json::Str(t)) = type_name {
                f.ty = crate::parse::vocab::type_words::type_words(t, false);
            }
            if let Some(Json::Str(d)) = get("description") {
                f.describe(d);
            }
            Some(f)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redoc_bullets_before_members() {
        let v = parse("{\n  • \"id\": \"u1\",\n  • \"role\": {\n    },\n  • \"note\": \"a • b\"\n}").unwrap();
        let Json::Object(members) = v else { panic!() };
        assert_eq!(members.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["id", "role", "note"]);
        assert_eq!(members[2].1, Json::Str("a • b".into()));
    }

    #[test]
    fn typed_placeholders_and_sample_dictionaries() {
        let v = parse(
            r#"{"cone": "[integer, 04 to 10]", "glazed": "<boolean>", "kiln": "[unicode 64 chars max]", "weight": "[number]", "meta": {"String": "String"}}"#,
        )
        .unwrap();
        let types: Vec<Type> = example_fields(&v, 1).unwrap().0.into_iter().map(|f| f.ty.unwrap().ty).collect();
        assert_eq!(types, [Type::integer(), Type::Boolean, Type::string(), Type::Number, Type::map(Type::string())]);
    }

    #[test]
    fn tolerant_json() {
        let v = parse("{\n  // the id\n  \"id\": \"inv_1\",\n  'total': 12.5,\n  count: 3,\n  \"lines\": [ { \"sku\": \"a\" }, ... ],\n  \"at\": \"2024-01-02T03:04:05Z\",\n  \"meta\": {},\n}").unwrap();
        let (fields, array) = example_fields(&v, 7).unwrap();
        assert!(!array);
        let summary: Vec<(&str, Type)> = fields.iter().map(|f| (f.name.as_str(), f.ty.as_ref().unwrap().ty.clone())).collect();
        assert_eq!(
            summary,
            [
                ("id", Type::string()),
                ("total", Type::Number),
                ("count", Type::integer()),
                ("lines", Type::array(Type::Any)),
                ("at", Type::DateTime),
                ("meta", Type::Any)
            ]
        );
        assert_eq!(fields[3].children[0].name, "sku");
        assert!(fields.iter().all(|f| f.inferred && f.line == 7));
        assert_eq!(example_fields(&parse("[{\"a\": true}]").unwrap(), 1).map(|(f, a)| (f.len(), a)), Some((1, true)));
        assert_eq!(parse("{\"a\": 1} trailing"), None);
        assert_eq!(parse(&"[".repeat(10_000)), None);
    }

    #[test]
    fn parameter_descriptions() {
        let v = parse("[{\"name\": \"limit\", \"in\": \"query\", \"required\": false, \"schema\": {\"type\": \"integer\"}}]").unwrap();
        let p = described_params(&v, 1);
        assert_eq!((p[0].name.as_str(), p[0].place, p[0].required), ("limit", Some(Place::Query), Some(false)));
    }
}
