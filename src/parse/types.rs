//! The SDK type grammar: type spellings of the swagger-codegen / openapi-generator
//! language flavours (Ruby, Python, Java, Go, TypeScript, C#, PHP, Kotlin, Rust) onto
//! the small [`Type`] algebra.
//!
//! Input is cell text after entity decoding and markup stripping (`Array<Contact>`).

use crate::schema::Type;

/// Deeper nesting than this is rejected instead of recursing further.
const MAX_DEPTH: usize = 64;

/// Parse one type spelling. Capitalised unknown identifiers are model references;
/// anything else unknown or malformed is an `Err` with a message.
pub fn parse_type(s: &str) -> Result<Type, String> {
    let tokens = tokenize(s)?;
    if tokens.is_empty() {
        return Err("empty type".into());
    }
    let mut p = Parser { tokens, pos: 0, depth: 0 };
    let ty = p.union()?;
    match p.peek() {
        None => Ok(ty),
        Some(t) => Err(format!("unexpected `{}` after the type", t.show())),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// An identifier, possibly qualified (`time.Time`, `\Swagger\Client\Model\Pet`, `crate::models::Pet`).
    Ident(String),
    Punct(char),
}

impl Tok {
    fn show(&self) -> String {
        match self {
            Tok::Ident(s) => s.clone(),
            Tok::Punct(c) => c.to_string(),
        }
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if is_ident_char(c) || c == '\\' {
            let start = i;
            while i < chars.len() {
                let c = chars[i];
                let sep_follows = |n: usize| chars.get(i + n).is_some_and(|&c| is_ident_char(c));
                // `date-time`, `time.Time`, `\Swagger\Model`: joiners only between word characters.
                if is_ident_char(c) || (c == '-' && i > start && sep_follows(1)) || ((c == '.' || c == '\\') && sep_follows(1)) {
                    i += 1;
                } else if c == ':' && chars.get(i + 1) == Some(&':') && sep_follows(2) {
                    i += 2;
                } else {
                    break;
                }
            }
            // No progress means a lone joiner (`\\` before a non-word character); looping on
            // would push empty tokens forever (fuzzer-found out-of-memory).
            if i == start {
                return Err(format!("stray `{c}` in type"));
            }
            let word: String = chars[start..i].iter().collect();
            if word == "\\" {
                return Err("stray `\\` in type".into());
            }
            out.push(Tok::Ident(word));
        } else if "<>[](){},:;?*|".contains(c) {
            out.push(Tok::Punct(c));
            i += 1;
        } else {
            return Err(format!("unexpected character `{c}` in type"));
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Tok>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }
    fn peek_at(&self, n: usize) -> Option<&Tok> {
        self.tokens.get(self.pos + n)
    }
    fn is_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }
    fn eat(&mut self, c: char) -> bool {
        let hit = self.is_punct(c);
        if hit {
            self.pos += 1;
        }
        hit
    }
    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.eat(c) {
            return Ok(());
        }
        match self.peek() {
            Some(t) => Err(format!("expected `{c}`, found `{}`", t.show())),
            None => Err(format!("expected `{c}` before the end of the type (unbalanced brackets?)")),
        }
    }
    fn ident(&mut self) -> Result<String, String> {
        match self.peek().cloned() {
            Some(Tok::Ident(s)) => {
                self.pos += 1;
                Ok(s)
            }
            Some(t) => Err(format!("expected a type name, found `{}`", t.show())),
            None => Err("expected a type name before the end of the type".into()),
        }
    }

    /// `A | null` (TypeScript): nullability adds nothing here; other unions are unsupported.
    fn union(&mut self) -> Result<Type, String> {
        let first = self.nullable_member()?;
        let mut ty = first;
        while self.eat('|') {
            let next = self.nullable_member()?;
            ty = match (ty, next) {
                (None, t) | (t, None) => t,
                (Some(a), Some(b)) if a == b => Some(a),
                (Some(a), Some(b)) => return Err(format!("union types are not supported (`{}` | `{}`)", a.describe(), b.describe())),
            };
        }
        ty.ok_or_else(|| "`null` alone is not a type".into())
    }

    /// `None` for `null` / `undefined` inside a union.
    fn nullable_member(&mut self) -> Result<Option<Type>, String> {
        if matches!(self.peek(), Some(Tok::Ident(s)) if matches!(s.as_str(), "null" | "undefined")) {
            self.pos += 1;
            return Ok(None);
        }
        self.ty().map(Some)
    }

    fn ty(&mut self) -> Result<Type, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("type nested deeper than {MAX_DEPTH} levels"));
        }
        let result = self.ty_inner();
        self.depth -= 1;
        result
    }

    fn ty_inner(&mut self) -> Result<Type, String> {
        let mut ty = self.primary()?;
        // Postfix forms: `X[]` arrays, `X?` nullables (C#, Kotlin).
        loop {
            if self.is_punct('[') && self.peek_at(1) == Some(&Tok::Punct(']')) {
                self.pos += 2;
                ty = if ty == byte_marker() { Type::String { format: Some("byte".into()) } } else { Type::array(ty) };
            } else if self.eat('?') {
            } else {
                break;
            }
        }
        if ty == byte_marker() {
            return Ok(Type::integer());
        }
        Ok(ty)
    }

    fn primary(&mut self) -> Result<Type, String> {
        match self.peek().cloned() {
            Some(Tok::Punct('*')) => {
                // Go pointer.
                self.pos += 1;
                self.ty()
            }
            Some(Tok::Punct('[')) => {
                self.pos += 1;
                if self.eat(']') {
                    // Go slice `[]X`; `[]byte` is binary data.
                    let inner = self.ty()?;
                    return Ok(if inner == Type::integer() && self.prev_ident_is_byte() {
                        Type::String { format: Some("byte".into()) }
                    } else {
                        Type::array(inner)
                    });
                }
                // Swift `[X]` / `[String: X]`.
                let first = self.ty()?;
                let ty = if self.eat(':') { Type::map(self.ty()?) } else { Type::array(first) };
                self.expect(']')?;
                Ok(ty)
            }
            Some(Tok::Punct('{')) => self.index_signature(),
            Some(Tok::Ident(name)) => {
                self.pos += 1;
                self.named(&name)
            }
            Some(t) => Err(format!("unexpected `{}` where a type was expected", t.show())),
            None => Err("expected a type before the end of the type".into()),
        }
    }

    fn prev_ident_is_byte(&self) -> bool {
        matches!(self.tokens.get(self.pos.wrapping_sub(1)), Some(Tok::Ident(s)) if matches!(s.as_str(), "byte" | "Byte" | "u8" | "uint8"))
    }

    /// TypeScript `{ [key: string]: X; }`, JavaScript `{String: X}`.
    fn index_signature(&mut self) -> Result<Type, String> {
        self.expect('{')?;
        if self.eat('}') {
            return Ok(Type::Any);
        }
        if matches!(self.peek(), Some(Tok::Ident(_))) && self.peek_at(1) == Some(&Tok::Punct(':')) {
            self.pos += 2;
            let values = self.ty()?;
            self.expect('}')?;
            return Ok(Type::map(values));
        }
        self.expect('[')?;
        self.ident()?;
        self.expect(':')?;
        self.ty()?;
        self.expect(']')?;
        self.expect(':')?;
        let values = self.ty()?;
        self.eat(';');
        self.expect('}')?;
        Ok(Type::map(values))
    }

    /// Type arguments in `<...>`, `[...]` (Python) or `(...)` (Python 2 `dict(str, X)`).
    fn args(&mut self, close: char) -> Result<Vec<Type>, String> {
        let mut args = vec![self.ty()?];
        while self.eat(',') {
            args.push(self.ty()?);
        }
        self.expect(close)?;
        Ok(args)
    }

    fn named(&mut self, name: &str) -> Result<Type, String> {
        let lower = name.to_ascii_lowercase();
        // Go `interface{}` and `map[K]V` / PHP `map[string,V]` need their own syntax.
        if lower == "interface" && self.is_punct('{') {
            self.pos += 1;
            self.expect('}')?;
            return Ok(Type::Any);
        }
        if lower == "map" && self.is_punct('[') && self.peek_at(1) != Some(&Tok::Punct(']')) {
            self.pos += 1;
            self.ty()?;
            if self.eat(',') {
                let values = self.ty()?;
                self.expect(']')?;
                return Ok(Type::map(values));
            }
            self.expect(']')?;
            return Ok(Type::map(self.ty()?));
        }
        let args = if self.eat('<') {
            Some(self.args('>')?)
        } else if self.is_punct('[') && self.peek_at(1) != Some(&Tok::Punct(']')) {
            self.pos += 1;
            Some(self.args(']')?)
        } else if self.is_punct('(') && matches!(lower.as_str(), "dict" | "list") {
            self.pos += 1;
            Some(self.args(')')?)
        } else {
            None
        };
        apply(name, &lower, args)
    }
}

/// Internal stand-in for `byte`, so `byte[]` / `[]byte` become binary strings.
fn byte_marker() -> Type {
    Type::Ref { name: "\u{0}byte".into() }
}

const ARRAYS: &[&str] = &[
    "array",
    "list",
    "vec",
    "set",
    "hashset",
    "btreeset",
    "seq",
    "sequence",
    "iterable",
    "collection",
    "arraylist",
    "linkedlist",
    "ienumerable",
    "icollection",
    "ilist",
    "ireadonlylist",
    "mutablelist",
    "tuple",
    "frozenset",
];
const MAPS: &[&str] = &[
    "hash",
    "map",
    "hashmap",
    "btreemap",
    "dictionary",
    "idictionary",
    "ireadonlydictionary",
    "dict",
    "record",
    "mapping",
    "mutablemap",
    "linkedhashmap",
    "treemap",
];
/// Wrappers that add nothing to the wire type.
const WRAPPERS: &[&str] = &["option", "optional", "nullable", "box", "pointer", "promise", "observable"];

fn apply(name: &str, lower: &str, args: Option<Vec<Type>>) -> Result<Type, String> {
    let last_lower = last_segment(lower);
    let generic = |set: &[&str]| set.contains(&lower) || set.contains(&last_lower);
    if let Some(args) = args {
        // php `array<string,int>` is a map.
        if lower == "array" && args.len() == 2 {
            return Ok(Type::map(args.into_iter().last().unwrap_or(Type::Any)));
        }
        if generic(ARRAYS) {
            return match <[Type; 1]>::try_from(args) {
                Ok([item]) => Ok(Type::array(item)),
                Err(a) => Err(format!("`{name}` takes one type argument, found {}", a.len())),
            };
        }
        if generic(MAPS) {
            // `Hash<String, X>`, `Map<String, X>`; the key is always a string on the wire.
            return match args.len() {
                1 | 2 => Ok(Type::map(args.into_iter().last().unwrap_or(Type::Any))),
                n => Err(format!("`{name}` takes a key and a value type, found {n} arguments")),
            };
        }
        if generic(WRAPPERS) {
            return match <[Type; 1]>::try_from(args) {
                Ok([inner]) => Ok(inner),
                Err(a) => Err(format!("`{name}` takes one type argument, found {}", a.len())),
            };
        }
        // rust `chrono::DateTime<chrono::FixedOffset>`: the time zone adds nothing here.
        if let Some(t @ (Type::DateTime | Type::Date)) = scalar(last_lower) {
            return Ok(t);
        }
        return Err(format!("unknown generic type `{name}`"));
    }
    // swift5 spells files `URL` (a URI is `String` there, `URI` in java).
    if name == "URL" {
        return Ok(Type::String { format: Some("binary".into()) });
    }
    if let Some(t) = scalar(lower).or_else(|| scalar(last_lower)) {
        return Ok(t);
    }
    // go: `NullableString`, `NullableInt32`, `NullableTime`.
    if let Some(t) = lower.strip_prefix("nullable").and_then(scalar) {
        return Ok(t);
    }
    // Bare containers (Ruby `Array`, `Hash`); other collection names may be model names.
    match lower {
        "array" | "list" => return Ok(Type::array(Type::Any)),
        "hash" | "map" | "dict" => return Ok(Type::map(Type::Any)),
        _ => {}
    }
    let model = last_segment(name).trim_start_matches('$');
    if model.chars().next().is_some_and(|c| c.is_uppercase()) && model.chars().all(is_ident_char) {
        return Ok(Type::reference(model));
    }
    Err(format!("unknown type `{name}`"))
}

/// `\Swagger\Client\Model\Pet`, `crate::models::Pet`, `java.util.UUID` → last segment.
fn last_segment(s: &str) -> &str {
    let s = s.rsplit("::").next().unwrap_or(s);
    let s = s.rsplit('\\').next().unwrap_or(s);
    s.rsplit('.').next().unwrap_or(s)
}

fn scalar(lower: &str) -> Option<Type> {
    let string_fmt = |f: &str| Type::String { format: Some(f.to_string()) };
    Some(match lower {
        "string" | "str" | "unicode" | "char" | "character" | "nsstring" => Type::string(),
        "long" | "int64" | "i64" | "uint64" | "u64" | "ulong" | "int64_t" => Type::Integer { bits: Some(64) },
        "int32" | "i32" | "uint32" | "u32" | "int32_t" => Type::Integer { bits: Some(32) },
        "integer" | "int" | "short" | "int16" | "i16" | "int8" | "i8" | "uint" | "biginteger" | "bigint" | "fixnum" => Type::integer(),
        "byte" | "u8" | "uint8" => byte_marker(),
        "float" | "double" | "decimal" | "bigdecimal" | "number" | "numeric" | "num" | "float32" | "float64" | "f32" | "f64" => Type::Number,
        "bool" | "boolean" => Type::Boolean,
        "date" | "localdate" | "dateonly" | "naivedate" => Type::Date,
        // ruby `Time`, go `time.Time`
        "datetime" | "date-time" | "offsetdatetime" | "zoneddatetime" | "datetimeoffset" | "time" | "time.time" | "instant" => Type::DateTime,
        // No offset: a date-time parser would reject it, so it stays a string.
        "localdatetime" | "naivedatetime" => string_fmt("local-date-time"),
        "object" | "any" | "anytype" | "unknown" | "mixed" | "interface{}" | "jsonnode" | "jsonelement" | "jtoken" | "jobject" | "serde_json::value" => {
            Type::Any
        }
        "uuid" | "guid" => string_fmt("uuid"),
        "uri" | "url" => string_fmt("uri"),
        // python `bytes`, dart `MultipartFile`
        "file" | "os.file" | "splfileobject" | "system.io.stream" | "blob" | "filedata" | "fileparameter" | "pathbuf" | "binary" | "multipartfile"
        | "bytes" => string_fmt("binary"),
        "bytearray" => string_fmt("byte"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s() -> Type {
        Type::string()
    }
    fn r(n: &str) -> Type {
        Type::reference(n)
    }
    fn arr(t: Type) -> Type {
        Type::array(t)
    }
    fn map(t: Type) -> Type {
        Type::map(t)
    }
    fn int(bits: Option<u8>) -> Type {
        Type::Integer { bits }
    }
    fn fmt(f: &str) -> Type {
        Type::String { format: Some(f.into()) }
    }

    fn check(table: &[(&str, Type)]) {
        for (input, want) in table {
            assert_eq!(parse_type(input).as_ref(), Ok(want), "input {input:?}");
        }
    }

    #[test]
    fn ruby() {
        check(&[
            ("String", s()),
            ("Integer", int(None)),
            ("Float", Type::Number),
            ("BOOLEAN", Type::Boolean),
            ("DateTime", Type::DateTime),
            ("Date", Type::Date),
            ("Object", Type::Any),
            ("Array<Contact>", arr(r("Contact"))),
            ("Array<String>", arr(s())),
            ("Hash<String, Object>", map(Type::Any)),
            ("Hash<String, Array<UserImage>>", map(arr(r("UserImage")))),
            ("Empty", r("Empty")),
        ]);
    }

    #[test]
    fn python() {
        check(&[
            ("str", s()),
            ("int", int(None)),
            ("float", Type::Number),
            ("bool", Type::Boolean),
            ("datetime", Type::DateTime),
            ("date", Type::Date),
            ("object", Type::Any),
            ("list[Contact]", arr(r("Contact"))),
            ("list[str]", arr(s())),
            ("dict(str, Contact)", map(r("Contact"))),
            ("dict(str, list[int])", map(arr(int(None)))),
            ("dict[str, int]", map(int(None))),
            ("List[Pet]", arr(r("Pet"))),
            ("Dict[str, Any]", map(Type::Any)),
            ("Optional[str]", s()),
        ]);
    }

    #[test]
    fn java() {
        check(&[
            ("List<Pet>", arr(r("Pet"))),
            ("Map<String, Integer>", map(int(None))),
            ("Long", int(Some(64))),
            ("Integer", int(None)),
            ("BigDecimal", Type::Number),
            ("OffsetDateTime", Type::DateTime),
            ("LocalDate", Type::Date),
            ("UUID", fmt("uuid")),
            ("URI", fmt("uri")),
            ("File", fmt("binary")),
            ("byte[]", fmt("byte")),
            ("Set<String>", arr(s())),
            ("java.math.BigDecimal", Type::Number),
            ("java.util.List<org.openapitools.client.model.Tag>", arr(r("Tag"))),
            ("Double", Type::Number),
            ("Boolean", Type::Boolean),
        ]);
    }

    #[test]
    fn go() {
        check(&[
            ("[]Pet", arr(r("Pet"))),
            ("[]string", arr(s())),
            ("map[string]Pet", map(r("Pet"))),
            ("map[string]int32", map(int(Some(32)))),
            ("map[string]interface{}", map(Type::Any)),
            ("int32", int(Some(32))),
            ("int64", int(Some(64))),
            ("float32", Type::Number),
            ("float64", Type::Number),
            ("time.Time", Type::DateTime),
            ("interface{}", Type::Any),
            ("*os.File", fmt("binary")),
            ("NullableString", s()),
            ("NullableInt32", int(Some(32))),
            ("NullableTime", Type::DateTime),
            ("[]byte", fmt("byte")),
            ("*Pet", r("Pet")),
            ("[][]string", arr(arr(s()))),
            ("map[string][]Tag", map(arr(r("Tag")))),
        ]);
    }

    #[test]
    fn typescript() {
        check(&[
            ("Array<string>", arr(s())),
            ("string[]", arr(s())),
            ("{ [key: string]: Pet; }", map(r("Pet"))),
            ("{ [key: string]: number; }", map(Type::Number)),
            ("{ [key: string]: Array<Tag>; }", map(arr(r("Tag")))),
            ("number", Type::Number),
            ("any", Type::Any),
            ("Date", Type::Date),
            ("boolean", Type::Boolean),
            ("string | null", s()),
            ("Pet[]", arr(r("Pet"))),
            ("Record<string, Pet>", map(r("Pet"))),
            ("Set<string>", arr(s())),
            ("Blob", fmt("binary")),
            ("{String: Number}", map(Type::Number)),
            ("{String: SensorReading}", map(r("SensorReading"))),
            ("[[Number]]", arr(arr(Type::Number))),
        ]);
    }

    #[test]
    fn csharp() {
        check(&[
            ("List<Pet>", arr(r("Pet"))),
            ("Dictionary<string, int>", map(int(None))),
            ("int?", int(None)),
            ("long?", int(Some(64))),
            ("decimal?", Type::Number),
            ("DateTime?", Type::DateTime),
            ("Guid", fmt("uuid")),
            ("Guid?", fmt("uuid")),
            ("System.IO.Stream", fmt("binary")),
            ("Object", Type::Any),
            ("List<List<Pet>>", arr(arr(r("Pet")))),
            ("DateTimeOffset", Type::DateTime),
        ]);
    }

    #[test]
    fn php() {
        check(&[
            ("int", int(None)),
            ("string", s()),
            ("\\DateTime", Type::DateTime),
            ("\\Swagger\\Client\\Model\\Pet", r("Pet")),
            ("\\Swagger\\Client\\Model\\Pet[]", arr(r("Pet"))),
            ("Pet[]", arr(r("Pet"))),
            ("map[string,int]", map(int(None))),
            ("map[string,\\Swagger\\Client\\Model\\Tag]", map(r("Tag"))),
            ("\\SplFileObject", fmt("binary")),
            ("float", Type::Number),
            ("mixed", Type::Any),
            ("array<string,int>", map(int(None))),
        ]);
    }

    #[test]
    fn kotlin_rust_swift() {
        check(&[
            ("kotlin.String", s()),
            ("kotlin.collections.List<Pet>", arr(r("Pet"))),
            ("Vec<String>", arr(s())),
            ("Option<i64>", int(Some(64))),
            ("crate::models::Pet", r("Pet")),
            ("std::collections::HashMap<String, i32>", map(int(Some(32)))),
            ("serde_json::Value", Type::Any),
            ("[String]", arr(s())),
            ("[String: Pet]", map(r("Pet"))),
            ("chrono::DateTime<chrono::FixedOffset>", Type::DateTime),
            ("chrono::NaiveDate", Type::Date),
            ("Vec<models::Pet>", arr(r("Pet"))),
            ("num", Type::Number),
            ("URL", fmt("binary")),
            ("MultipartFile", fmt("binary")),
            ("Time", Type::DateTime),
        ]);
    }

    #[test]
    fn nesting_whitespace_and_case() {
        check(&[
            ("Map<String, List<Array<X>>>", map(arr(arr(r("X"))))),
            ("Map<String,List<Array<X>>>", map(arr(arr(r("X"))))),
            ("  Array <  Contact >  ", arr(r("Contact"))),
            ("array<string>", arr(s())),
            ("ARRAY<STRING>", arr(s())),
            ("boolean", Type::Boolean),
            ("Bool", Type::Boolean),
            ("LONG", int(Some(64))),
            ("list [ str ]", arr(s())),
            ("Hash< String ,Integer >", map(int(None))),
            ("date-time", Type::DateTime),
            ("Array", arr(Type::Any)),
            ("Hash", map(Type::Any)),
        ]);
    }

    #[test]
    fn errors() {
        let bad = [
            "",
            "   ",
            "Array<",
            "Array<String",
            "Array<String>>",
            "List<A, B>",
            "Map<A, B, C>",
            "foo",
            "lowercase_thing",
            "Frob<X>",
            "{ [key: string] Pet }",
            "map[string",
            "Array<String> extra",
            "a | b",
            "Strange!Type",
            "null",
            "[]",
        ];
        for input in bad {
            assert!(parse_type(input).is_err(), "expected an error for {input:?}, got {:?}", parse_type(input));
        }
        let msg = parse_type("foo").unwrap_err();
        assert!(msg.contains("foo"), "{msg}");
    }

    #[test]
    fn a_lone_backslash_is_an_error_not_a_hang() {
        for s in ["\\", "Api\\(x", "a \\ b", "\\\\"] {
            assert!(parse_type(s).is_err(), "{s}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}String{}", "Array<".repeat(200), ">".repeat(200));
        assert!(parse_type(&deep).unwrap_err().contains("deeper"));
        let go = format!("{}string", "[]".repeat(200));
        assert!(parse_type(&go).is_err());
        let ok = format!("{}String{}", "Array<".repeat(60), ">".repeat(60));
        assert!(parse_type(&ok).is_ok());
        let unbalanced = "Array<".repeat(10_000);
        assert!(parse_type(&unbalanced).is_err());
    }
}
