//! Fields and parameters written as lines or list items, in the ways pages write them:
//!
//! - `name (type): desc`, `name (type, required) - desc`, `` `name` (type) ``;
//! - `name: type`, `name?: type;` (TypeScript), MSON `name: `value` (type, required) - desc`;
//! - `name type [badges] [desc]` on one line (`limit integer Optional Defaults to 10`);
//! - reST field lists: `:param int id: desc`, `:query q:`, `:reqheader X-Key:`,
//!   `:<json string name:`, `:>json int id:`, `:form file:`;
//! - glued browser copies: `limitintegerOptional` ([`crate::parse::vocab::field_line`]);
//! - one line per part (`name` / `string` / `required` / description), read by the page
//!   reader with [`is_name_line`] and [`detail_line`].
//!
//! Prose must not become fields: names are identifiers that are not common English words,
//! and the part after the name must read as a type or a badge.

use crate::parse::vocab::field_line::split_field_line;
use crate::parse::vocab::sections::Place;
use crate::parse::vocab::type_words::{TypeWords, type_words};
use crate::schema::{BodyKind, EnumValue, Type};

/// One documented field or parameter, before it is placed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldDoc {
    pub name: String,
    pub ty: Option<TypeWords>,
    /// `None` when the page does not say.
    pub required: Option<bool>,
    /// Where the page says it goes (`In` column, `:query`, `(path)`).
    pub place: Option<Place>,
    /// The page says it is part of the request body, maybe with the encoding.
    pub in_body: Option<Option<BodyKind>>,
    /// The page says it is part of the response (`:>json`).
    pub in_response: bool,
    pub description: Option<String>,
    pub default: Option<String>,
    pub values: Vec<EnumValue>,
    /// Values that did not read as single values (`a or b`), for a warning.
    pub odd_values: Vec<String>,
    pub constraints: Vec<String>,
    pub deprecated: bool,
    pub nullable: bool,
    pub read_only: bool,
    /// Fields of an object-typed field, as the page nests them.
    pub children: Vec<FieldDoc>,
    /// Read from an example value, not from a description.
    pub inferred: bool,
    /// Nesting the page marks on the name (`» id`, `»» name`, `└─ city`): 0 at the top.
    pub depth: usize,
    /// A dotted name that is a key of its own (`"secret.name"` in the sample), not a path.
    pub literal_name: bool,
    pub line: u32,
}

impl FieldDoc {
    pub fn named(name: &str, line: u32) -> Self {
        FieldDoc { name: name.to_string(), line, ..FieldDoc::default() }
    }

    /// Apply one detail line (`required`, `Default: 5`, `Allowed values: a, b`, a type).
    pub fn apply(&mut self, detail: Detail) {
        match detail {
            Detail::Required(r) => self.required = Some(r),
            Detail::Deprecated => self.deprecated = true,
            Detail::Nullable => self.nullable = true,
            Detail::ReadOnly => self.read_only = true,
            Detail::Default(d) => self.default = Some(d),
            Detail::Values(v, odd) => {
                self.values.extend(v);
                self.odd_values.extend(odd);
            }
            Detail::Constraint(c) => self.constraints.push(c),
            Detail::Type(t) => {
                self.nullable |= t.nullable;
                // A later `Format: binary` / `date-time` / `int64` refines a plain type.
                let refines = matches!(
                    (self.ty.as_ref().map(|x| &x.ty), &t.ty),
                    (Some(Type::String { format: None }), Type::String { format: Some(_) } | Type::Date | Type::DateTime)
                        | (Some(Type::Integer { bits: None }), Type::Integer { bits: Some(_) })
                );
                if self.ty.is_none() || refines {
                    self.ty = Some(t);
                }
            }
            Detail::Place(p) => self.place = Some(p),
            Detail::InBody(kind) => self.in_body = Some(kind),
            Detail::Ignored => {}
        }
    }

    /// Add a line of description.
    pub fn describe(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        for detail in inline_details(text) {
            self.apply(detail);
        }
        match &mut self.description {
            Some(d) => {
                d.push('\n');
                d.push_str(text);
            }
            None => self.description = Some(text.to_string()),
        }
    }
}

/// What one short line says about the field before it.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Required(bool),
    Deprecated,
    Nullable,
    ReadOnly,
    Default(String),
    Values(Vec<EnumValue>, Vec<String>),
    Constraint(String),
    Type(TypeWords),
    Place(Place),
    /// Part of the request body (`in: body`, `inbody`), maybe with the encoding.
    InBody(Option<BodyKind>),
    /// Understood and not needed (`Example: 42`, `Copy`).
    Ignored,
}

/// Words that start sentences, never a field name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "if",
    "when",
    "returns",
    "return",
    "use",
    "used",
    "each",
    "all",
    "for",
    "to",
    "in",
    "on",
    "of",
    "with",
    "by",
    "and",
    "or",
    "is",
    "are",
    "be",
    "can",
    "will",
    "may",
    "must",
    "should",
    "see",
    "note",
    "example",
    "examples",
    "possible",
    "allowed",
    "you",
    "your",
    "we",
    "our",
    "it",
    "its",
    "there",
    "here",
    "only",
    "also",
    "not",
    "no",
    "yes",
    "one",
    "two",
    "some",
    "from",
    "as",
    "at",
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "required",
    "optional",
    "copy",
    "show",
    "hide",
    "try",
    "send",
    "true",
    "false",
    "null",
    "none",
    "string",
    "integer",
    "number",
    "boolean",
    "object",
    "array",
    "enum",
    "json",
    "returns",
    "contains",
    "specifies",
    "indicates",
];

/// A field name as pages print it: `user_id`, `userId`, `X-Request-Id`, `items[].id`,
/// `address.city`, `$filter`, `@type`.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return false };
    s.len() <= 80
        && (first.is_ascii_alphabetic() || matches!(first, '_' | '$' | '@'))
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']' | '$' | '@'))
        && !s.ends_with([':', '.', '-'])
}

/// A name in a one-line field form, where prose could look like one: not a common word.
fn is_prose_safe_name(s: &str) -> bool {
    is_name(s) && !NOT_NAMES.contains(&s.to_ascii_lowercase().as_str())
}

/// Strip the decoration pages put around a name: `` `id` ``, `**id**`, `"id"`, `id*`, `id:`.
/// Returns the name and whether a `*` marked it required.
/// Nesting marks before a name in a table cell: Widdershins' `»` per level, tree
/// drawings (`│ └─ city`, `├── id`), `↳`. Returns the depth and the rest.
pub fn depth_marker(s: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = s.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix(['»', '↳', '›']) {
            depth += 1;
            rest = r.trim_start();
        } else if let Some(r) = rest.strip_prefix(['└', '├']) {
            depth += 1;
            rest = r.trim_start_matches(['─', '-', ' ']);
        } else if let Some(r) = rest.strip_prefix('│') {
            depth += 1;
            rest = r.trim_start();
        } else {
            return (depth, rest);
        }
    }
}

/// Fields read in order with their depth marks → the top-level ones with the deeper ones
/// nested under the field before them. Depths are compared, not counted, so any
/// indentation step works.
pub fn nest_by_depth(fields: Vec<FieldDoc>) -> Vec<FieldDoc> {
    let mut stack: Vec<FieldDoc> = Vec::new();
    let mut top = Vec::new();
    fn close_one(stack: &mut Vec<FieldDoc>, top: &mut Vec<FieldDoc>) {
        if let Some(f) = stack.pop() {
            match stack.last_mut() {
                Some(parent) => parent.children.push(f),
                None => top.push(f),
            }
        }
    }
    for f in fields {
        while stack.last().is_some_and(|open| open.depth >= f.depth) {
            close_one(&mut stack, &mut top);
        }
        stack.push(f);
    }
    while !stack.is_empty() {
        close_one(&mut stack, &mut top);
    }
    top
}

pub fn clean_name(s: &str) -> (String, bool) {
    let t = s.trim().trim_matches(['`', '"', '\'', '“', '”']);
    let t = t.trim_start_matches('*').trim_end_matches(['*', '`']);
    let starred = s.trim().trim_end_matches('`').ends_with('*') && !s.trim().starts_with("**");
    let t = t.trim_matches(['`', '"', '\'']).trim_end_matches(':');
    // Scraped pages glue the badge to the name: `show_idrequired`.
    if let Some(name) = t.strip_suffix("required").filter(|n| n.len() >= 2 && n.ends_with(|c: char| c.is_ascii_alphanumeric())) {
        return (name.to_string(), true);
    }
    (t.to_string(), starred)
}

/// The longest run of leading words (up to six) that reads as a type, and the rest:
/// `integer <int64> Example: 8812 Numeric id` → `integer <int64>`, `Example: …`.
pub fn leading_type(text: &str) -> Option<(TypeWords, String)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    (1..=tokens.len().min(8)).rev().find_map(|end| {
        let head = tokens[..end].join(" ");
        type_words(&head, true).map(|t| (t, tokens[end..].join(" ")))
    })
}

/// A type glued to the description after it, as crawlers copy Redoc's cells
/// (`stringInclude the header…`, `string <= 255 charactersSpecify a key…`): the type (with
/// its constraint) and the description, split where the case turns.
pub fn unglue_type(text: &str) -> Option<(&str, &str)> {
    let mut prev = ' ';
    for (i, c) in text.char_indices().take(120) {
        // `)` ends `(Item)`, `$` a pattern (`^[A-Z]{3}$Branch code`).
        let turn = c.is_uppercase() && (prev.is_lowercase() || matches!(prev, ')' | '$'));
        prev = c;
        if !turn {
            continue;
        }
        let (head, rest) = text.split_at(i);
        let Some((_, tail)) = leading_type(head) else { continue };
        // What follows the type in the head may only be its constraint (`<= 255 characters`,
        // `(sequenceSets)`, `[ 1 .. 100 ]`), not words of a sentence.
        let tail = tail.trim();
        if tail.is_empty() || tail.starts_with(['<', '>', '(', '[', '^']) || is_constraint(&tail.to_lowercase()) {
            return Some((head, rest));
        }
        return None;
    }
    None
}

/// One line or list item as a whole field, if it is one.
pub fn field_line(text: &str) -> Option<FieldDoc> {
    let text = text.trim().trim_start_matches(['•', '·', '◦', '▪']).trim();
    if text.is_empty() || text.len() > 2000 {
        return None;
    }
    rest_field(text)
        .or_else(|| mson_field(text))
        .or_else(|| paren_field(text))
        .or_else(|| colon_field(text))
        .or_else(|| spaced_field(text))
        .or_else(|| marked_field(text))
        .or_else(|| glued_field(text))
}

/// reST field lists of sphinxcontrib-httpdomain and Sphinx autodoc.
fn rest_field(text: &str) -> Option<FieldDoc> {
    let rest = text.strip_prefix(':')?;
    let close = rest.find(':')?;
    let (head, desc) = (&rest[..close], rest[close + 1..].trim());
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let role = words.first().copied()?;
    let (place, in_body, in_response) = match role {
        "param" | "parameter" | "arg" | "argument" | "path" => (Some(Place::Path), None, false),
        "query" | "queryparam" | "queryparameter" => (Some(Place::Query), None, false),
        "reqheader" | "requestheader" => (Some(Place::Header), None, false),
        "form" | "formparam" | "formparameter" => (None, Some(Some(BodyKind::Form)), false),
        "<json" | "jsonparam" | "jsonparameter" | "<jsonarr" | "reqjson" | "reqjsonobj" | "reqjsonarr" => (None, Some(Some(BodyKind::Json)), false),
        ">json" | ">jsonarr" | "resjson" | "resjsonobj" | "resjsonarr" => (None, None, true),
        "type" | "statuscode" | "status" | "code" | "resheader" | "responseheader" | "returns" | "rtype" | "raises" => return None,
        // `:string name: the collection's name`: the type as the role, place unstated.
        ty if words.len() == 2
            && matches!(ty, "string" | "str" | "int" | "integer" | "bool" | "boolean" | "number" | "float" | "list" | "array" | "object" | "dict") =>
        {
            (None, None, false)
        }
        _ => return None,
    };
    let role_type = (place.is_none() && in_body.is_none() && !in_response).then(|| type_words(role, false)).flatten();
    words.remove(0);
    let name = words.pop()?;
    if !is_name(name) && !name.contains('-') {
        return None;
    }
    let mut f = FieldDoc::named(name, 0);
    if !words.is_empty() {
        f.ty = type_words(&words.join(" "), true);
    }
    f.ty = f.ty.or(role_type);
    (f.place, f.in_body, f.in_response) = (place, in_body, in_response);
    if place == Some(Place::Path) {
        f.required = Some(true);
    }
    f.describe(desc);
    Some(f)
}

/// API Blueprint MSON: `name: `value` (type, required) - desc`, `name (type) - desc`.
fn mson_field(text: &str) -> Option<FieldDoc> {
    let (head, desc) = match text.find(" - ") {
        Some(i) => (&text[..i], Some(text[i + 3..].trim())),
        None => (text, None),
    };
    let open = head.rfind('(')?;
    let inner = head[open + 1..].trim_end().strip_suffix(')')?;
    let before = head[..open].trim();
    let (name_part, _value) = match before.split_once(':') {
        Some((n, v)) => (n.trim(), Some(v.trim())),
        None => (before, None),
    };
    // Without a sample value it is the paren form below; MSON needs the colon.
    before.contains(':').then_some(())?;
    let (name, starred) = clean_name(name_part);
    if !is_name(&name) {
        return None;
    }
    let mut f = FieldDoc::named(&name, 0);
    apply_paren_words(&mut f, inner)?;
    if starred {
        f.required = Some(true);
    }
    if let Some(d) = desc {
        f.describe(d);
    }
    Some(f)
}

/// `name (type): desc`, `name (type, required) - desc`, `name (required, string)`, `name (path)`.
fn paren_field(text: &str) -> Option<FieldDoc> {
    let open = text.find('(')?;
    let (name, starred) = clean_name(&text[..open]);
    // The parentheses must hold a type or badge (checked below), so `from (optional)` is safe;
    // `object (Pet)` is a type, not a field named `object`.
    let container = matches!(
        name.to_ascii_lowercase().as_str(),
        "object" | "array" | "list" | "map" | "dict" | "dictionary" | "set" | "enum" | "union" | "oneof" | "anyof"
    );
    if !is_name(&name) || container {
        return None;
    }
    // The matching parenthesis: `environment (array(string))`.
    let (inside, after) = crate::parse::text::split_balanced(&text[open + 1..], '(', ')')?;
    let mut f = FieldDoc::named(&name, 0);
    apply_paren_words(&mut f, inside)?;
    if starred {
        f.required = Some(true);
    }
    let after = after.trim().trim_start_matches([':', '-', '–', '—', '|']).trim();
    // A second group of badges: `id (string) (required): …`.
    let after = match after.strip_prefix('(').and_then(|a| a.split_once(')')) {
        Some((inner, rest)) if apply_paren_words(&mut f, inner).is_some() => rest.trim().trim_start_matches([':', '-', '–', '—']).trim(),
        _ => after,
    };
    // Oracle: `code(required): string` — badges in the parentheses, the type after them.
    if f.ty.is_none() {
        if let Some(ty) = type_words(after, false).filter(|_| !after.contains(' ')) {
            f.ty = Some(ty);
            return Some(f);
        }
    }
    f.describe(after);
    Some(f)
}

/// The words inside `( … )`: a type and badges, comma-separated. `None` when the
/// parentheses hold prose (`Note (see below)`).
fn apply_paren_words(f: &mut FieldDoc, inner: &str) -> Option<()> {
    let mut understood = false;
    for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(d) = badge(part) {
            f.apply(d);
            understood = true;
        } else if let Some(t) = type_words(part, true) {
            if f.ty.is_none() {
                f.nullable |= t.nullable;
                f.ty = Some(t);
            }
            understood = true;
        } else if part.contains(' ') || f.ty.is_some() {
            // `optional, defaults to 10` and the like: the remaining words are notes.
            f.describe(part);
        } else {
            return None;
        }
    }
    understood.then_some(())
}

/// `name: type`, `name?: type;`, `name: type - desc`, `name: type // desc`.
fn colon_field(text: &str) -> Option<FieldDoc> {
    let (head, rest) = text.split_once(':')?;
    let optional = head.trim_end().ends_with('?');
    let (name, starred) = clean_name(head.trim_end().trim_end_matches('?'));
    if !is_prose_safe_name(&name) {
        return None;
    }
    let rest = rest.trim();
    let (ty_text, desc) = match rest.find(" - ").or_else(|| rest.find(" // ")).or_else(|| rest.find(" — ")) {
        Some(i) => (&rest[..i], Some(rest[i..].trim_start_matches([' ', '-', '/', '—']).trim())),
        None => (rest, None),
    };
    // `License: ODbL` is a label; a model name after the colon needs TypeScript's `?:` or `;`.
    let typescript = optional || rest.ends_with(';');
    let ty = type_words(ty_text.trim().trim_end_matches([';', ',']), typescript)?;
    let mut f = FieldDoc::named(&name, 0);
    f.nullable = ty.nullable;
    f.ty = Some(ty);
    if optional {
        f.required = Some(false);
    }
    if starred {
        f.required = Some(true);
    }
    if let Some(d) = desc {
        f.describe(d);
    }
    Some(f)
}

/// `name type [badges] [description]` on one line.
/// `stringОбязательноThe` → `string`, `Обязательно`, `The`; `integerThe` → `integer`, `The`:
/// a scalar type word, maybe a required badge in another language, then a capitalised word.
fn glued_type_token(tok: &str) -> Option<Vec<&str>> {
    const SCALARS: &[&str] = &["string", "integer", "boolean", "number", "object", "array"];
    const REQUIRED: &[&str] = &["Обязательно", "Required", "Obrigatório", "Obligatoire", "Erforderlich", "Obligatorio", "必須", "必需"];
    let ty = SCALARS.iter().find(|t| tok.starts_with(**t))?;
    let rest = &tok[ty.len()..];
    let (badge, rest) = match REQUIRED.iter().find(|b| rest.starts_with(**b)) {
        Some(b) => (Some(&rest[..b.len()]), &rest[b.len()..]),
        // `必` then replacement characters: `必須` with its bytes broken by a bad decode.
        None if rest.starts_with('必') && rest.trim_start_matches('必').chars().all(|c| c == '\u{fffd}') => (Some("必須"), ""),
        None => (None, rest),
    };
    if !(rest.is_empty() && badge.is_some() || rest.starts_with(|c: char| c.is_uppercase())) {
        return None;
    }
    let mut out = vec![&tok[..ty.len()]];
    out.extend(badge);
    if !rest.is_empty() {
        out.push(rest);
    }
    Some(out)
}

fn spaced_field(text: &str) -> Option<FieldDoc> {
    spaced(text, true)
}

/// `to date` under a parameters heading: a field whose name is a common word, taken only
/// where a field list is being read and the line is nothing but the name and the type.
pub fn listed_field(text: &str) -> Option<FieldDoc> {
    let mut words = text.split_whitespace();
    // `A boolean` / `An array` describing a response is a sentence, not a field named `A`.
    let article = words.next().is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"));
    (!article && words.count() == 1).then(|| spaced(text, false)).flatten()
}

fn spaced(text: &str, prose_possible: bool) -> Option<FieldDoc> {
    // Docusaurus glues the badge to the type (`from daterequired`, `vetId stringnullable`);
    // GitHub's copies glue type, badge and description (`org stringОбязательноThe name…`).
    let mut tokens: Vec<&str> = Vec::new();
    for (i, tok) in text.split_whitespace().enumerate() {
        let glued = ["required", "nullable", "deprecated", "optional"]
            .iter()
            .find_map(|b| tok.strip_suffix(b).filter(|ty| i > 0 && !ty.is_empty() && type_words(ty, true).is_some()).map(|ty| (ty, &tok[ty.len()..])));
        if let Some((ty, badge)) = glued {
            tokens.extend([ty, badge]);
            continue;
        }
        if i == 1 {
            if let Some(parts) = glued_type_token(tok) {
                tokens.extend(parts);
                continue;
            }
        }
        tokens.push(tok);
    }
    if tokens.len() < 2 {
        return None;
    }
    let (name, starred) = clean_name(tokens[0]);
    // `from string optional` is a field; `from the list` is prose: common words need a badge.
    let common_word = prose_possible && !is_prose_safe_name(&name);
    if !is_name(&name) {
        return None;
    }
    let mut f = FieldDoc::named(&name, 0);
    let mut at = 1;
    // Badges may come before the type (`id required string`).
    while let Some(d) = tokens.get(at).and_then(|t| badge(t)) {
        f.apply(d);
        at += 1;
    }
    // The longest run of tokens (up to six) that reads as a type.
    let ty = (at + 1..=(at + 6).min(tokens.len())).rev().find_map(|end| type_words(&tokens[at..end].join(" "), true).map(|t| (t, end)));
    let (ty, end) = ty?;
    // `date,` / `string.` ending a sentence word: prose.
    if tokens[end - 1].ends_with([',', '.', ';']) && end < tokens.len() {
        return None;
    }
    let named_only = ty.named > 0 && !matches!(ty.ty, crate::schema::Type::Array { .. });
    at = end;
    let mut badges = 0;
    while let Some(d) = tokens.get(at).and_then(|t| badge(t)) {
        f.apply(d);
        at += 1;
        badges += 1;
    }
    let rest = tokens[at..].join(" ");
    // Prose such as `Returns Pet objects` must not read as a field: a bare model name
    // needs a badge, and a long tail after a plain type needs one too.
    if named_only && badges == 0
        || badges == 0 && f.required.is_none() && tokens.len() > 3 && !looks_like_code_name(&name)
        || common_word && f.required.is_none()
    {
        return None;
    }
    f.nullable |= ty.nullable;
    f.ty = Some(ty);
    if starred {
        f.required = Some(true);
    }
    f.describe(&rest);
    Some(f)
}

/// `user_id`, `pageSize`, `X-Api-Key`: clearly an identifier, not an English word.
fn looks_like_code_name(name: &str) -> bool {
    // Hyphens make a header name (`X-Request-Id`), not prose (`Free-text`).
    let header = name.contains('-') && name.split('-').all(|p| p.starts_with(|c: char| c.is_ascii_uppercase()));
    // camelCase (`pageSize`), not an acronym starting a sentence (`IANA time zone …`).
    let camel = name.chars().skip(1).any(|c| c.is_ascii_uppercase()) && name.chars().any(|c| c.is_ascii_lowercase());
    header || name.contains(['_', '.', '[', '$']) || camel || name.chars().any(|c| c.is_ascii_digit())
}

/// Fumadocs' copied field lines: the name, `*` (required) or `?` (optional), the type:
/// `name*string`, `nextCursor?string | null`, `items*array<Sensor>`.
fn marked_field(text: &str) -> Option<FieldDoc> {
    let t = text.trim();
    let at = t.find(['*', '?'])?;
    let (name, rest) = (&t[..at], &t[at + 1..]);
    if name.is_empty() || !is_name(name) || rest.starts_with([' ', '*']) || rest.is_empty() {
        return None;
    }
    let ty = type_words(rest.trim(), true)?;
    let mut f = FieldDoc::named(name, 0);
    f.required = Some(&t[at..=at] == "*");
    f.nullable = ty.nullable;
    f.ty = Some(ty);
    Some(f)
}

/// Zudoku's copied field lines: name, an optional `required`, and a lowercase type glued
/// together, details after ` · ` (`chargerIdrequiredstring`, `maxEnergyKwhnumber · min: 1`).
/// Without the glued badge or a ` · ` list the split is a guess (`substring`), taken only
/// when `lenient` (the page already glued its fields this way). Returns the field and the
/// rest of the line.
pub fn glued_name_type(text: &str, lenient: bool) -> Option<(FieldDoc, &str)> {
    const TYPES: &[&str] = &[
        "string[]",
        "integer[]",
        "number[]",
        "object[]",
        "boolean[]",
        "string",
        "integer",
        "number",
        "boolean",
        "object",
        "array",
        "file",
        "timestamp",
        "enum",
        "dictionary",
        "float",
        "decimal",
        "datetime",
        "date",
    ];
    let t = text.trim();
    // GitBook glues the badges to the end of the line: `draftbooleanoptional`,
    // `titlestring · min: 5 · max: 120required`, `rawFileUrlstring · uriOptionalDeprecated`.
    let mut t = t;
    let (mut badge_end, mut deprecated) = (None, false);
    loop {
        let glued = |b: &str| t.strip_suffix(b).filter(|r| r.ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, ']' | ')')));
        if let Some(r) = glued("Deprecated").or_else(|| glued("deprecated")) {
            (t, deprecated) = (r, true);
        } else if let Some(r) = glued("Required").or_else(|| glued("required")) {
            (t, badge_end) = (r, Some(true));
        } else if let Some(r) = glued("Optional").or_else(|| glued("optional")) {
            (t, badge_end) = (r, Some(false));
        } else if let Some(r) = glued("Expandable") {
            t = r;
        } else {
            break;
        }
    }
    let (head, rest) = match t.find(' ') {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    // Stripe: `classoptional enum`, `ending_beforeoptional object ID`, `limitoptional, default is 10`:
    // the badge glued to the name, the type after a space.
    for (badge, req) in [("optional", Some(false)), ("required", Some(true)), ("nullable", None)] {
        if let Some(name) = head.trim_end_matches(',').strip_suffix(badge).filter(|n| n.len() >= 2 && is_name(n)) {
            if req.is_none() && rest.trim().is_empty() {
                continue;
            }
            let mut f = FieldDoc::named(name, 0);
            f.required = req.or(badge_end);
            f.nullable = req.is_none();
            f.deprecated = deprecated;
            let rest = rest.trim();
            let ty = match rest {
                "object ID" | "enum" | "string ID" => type_words("string", false),
                "dictionary" | "hash" => type_words("map", false),
                _ => type_words(rest, true).or_else(|| leading_type(rest).map(|(t, _)| t)),
            };
            f.ty = ty;
            return Some((f, ""));
        }
    }
    // `tagsarray of strings`: the item type follows.
    let (head, rest) = match head.strip_suffix("array").filter(|_| rest.trim_start().starts_with("of ")) {
        Some(_) => (head, ""),
        None => (head, rest),
    };
    let dotted = rest.trim_start().starts_with('·');
    if !(rest.is_empty() || dotted) {
        return None;
    }
    let ty = TYPES.iter().find(|ty| head.ends_with(*ty))?;
    let before = &head[..head.len() - ty.len()];
    let (name, required) = match before.strip_suffix("required") {
        Some(n) => (n, Some(true)),
        None => (before, None),
    };
    if name.len() < 2 || !is_name(name) || !(required.is_some() || badge_end.is_some() || dotted || lenient) {
        return None;
    }
    let mut f = FieldDoc::named(name, 0);
    f.required = required.or(badge_end);
    f.deprecated = deprecated;
    f.ty = match *ty {
        "enum" => type_words("string", false),
        "dictionary" => type_words("map", false),
        "array" if t.contains(" of ") => type_words(&format!("array{}", &t[head.len()..]), false).or_else(|| type_words("array", false)),
        other => type_words(other, false),
    };
    Some((f, rest))
}

/// Browser copies that glued name, type and badges: `limitintegerOptionalDefaults to 10`.
fn glued_field(text: &str) -> Option<FieldDoc> {
    let line = split_field_line(text)?;
    // Without a badge, `dryRun` would read as `dry` of a type `Run`.
    (line.alternatives.is_empty() && line.suffixes.required.is_some()).then_some(())?;
    let mut f = FieldDoc::named(&line.name, 0);
    f.required = line.suffixes.required;
    f.deprecated = line.suffixes.deprecated;
    f.default = line.suffixes.default;
    f.constraints = line.suffixes.constraints;
    f.values = line.suffixes.allowed.unwrap_or_default().into_iter().map(EnumValue::new).collect();
    f.nullable = line.ty.nullable;
    f.ty = Some(line.ty);
    Some(f)
}

/// A badge word: `required`, `Optional`, `REQUIRED`, `read-only`, `deprecated`, `nullable`,
/// `(required)`, `*required*`, and the place words `path`/`query`/`header`/`cookie`.
pub fn badge(word: &str) -> Option<Detail> {
    // A lone `*` after a name marks it required (Swagger UI, many tables).
    if word.trim() == "*" {
        return Some(Detail::Required(true));
    }
    // Fumadocs prints `?` on its own line for an optional one.
    if word.trim() == "?" {
        return Some(Detail::Required(false));
    }
    let w = word.trim().trim_matches(['(', ')', '[', ']', '*', '`', ',', '.', ':']).to_lowercase();
    Some(match w.as_str() {
        "required"
        | "mandatory"
        | "req"
        | "必須"
        | "必填"
        | "erforderlich"
        | "obligatoire"
        | "obligatorio"
        | "obrigatório"
        | "requerido"
        | "обязательно"
        | "обязательный" => Detail::Required(true),
        "optional" | "opt" | "任意" | "可选" | "optionnel" | "opcional" => Detail::Required(false),
        "deprecated" => Detail::Deprecated,
        "nullable" => Detail::Nullable,
        "read-only" | "readonly" | "read only" => Detail::ReadOnly,
        "in path" => Detail::Place(Place::Path),
        "in query" => Detail::Place(Place::Query),
        "in header" => Detail::Place(Place::Header),
        _ => return None,
    })
}

/// A short line that adds to the field before it.
pub fn detail_line(text: &str) -> Option<Detail> {
    let t = text.trim();
    if t.is_empty() || t.len() > 300 {
        return None;
    }
    if let Some(d) = badge(t) {
        return Some(d);
    }
    let lower = t.to_lowercase();
    // `required · string`, `Required, read-only`.
    let parts: Vec<&str> = t.split([',', '·', '|', '•']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 && parts.iter().all(|p| badge(p).is_some()) {
        return badge(parts[0]);
    }
    if let Some(d) = labelled(t, &lower) {
        return Some(d);
    }
    if let Some((label, value)) = glued_label(t) {
        return match label {
            // `typeReason { NumberInvalid, AlreadyExists }`: an enumeration spelled inline.
            "Type" if value.ends_with('}') && value.contains('{') => {
                let inner = value.split_once('{').map_or("", |(_, r)| r.trim_end_matches('}'));
                let values = inner.split(',').map(str::trim).filter(|v| !v.is_empty()).map(EnumValue::new).collect();
                Some(Detail::Values(values, Vec::new()))
            }
            "Type" => type_words(value, true).map(Detail::Type),
            "In" => match value {
                "body" => Some(Detail::InBody(None)),
                "formData" => Some(Detail::InBody(Some(BodyKind::Form))),
                "path" => Some(Detail::Place(Place::Path)),
                "query" => Some(Detail::Place(Place::Query)),
                "header" => Some(Detail::Place(Place::Header)),
                _ => None,
            },
            "Required" => Some(Detail::Required(value.eq_ignore_ascii_case("true"))),
            "ReadOnly" => value.eq_ignore_ascii_case("true").then_some(Detail::ReadOnly).or(Some(Detail::Ignored)),
            "Format" => format_type(value).map(Detail::Type),
            "Default" => Some(Detail::Default(unquote(value).to_string())),
            "Example" => Some(Detail::Ignored),
            _ => Some(Detail::Constraint(format!("{} {value}", label.to_lowercase()))),
        };
    }
    if is_constraint(&lower) {
        return Some(Detail::Constraint(t.to_string()));
    }
    if lower.starts_with("example") && (lower.starts_with("example:") || lower.starts_with("examples:") || lower.starts_with("example value")) {
        return Some(Detail::Ignored);
    }
    None
}

/// A label glued to its value, as browser copies of doc sites print them: `Typestring`,
/// `Default"false"`, `Minimum0`, `Example"dk_0481"`, `Type:string`. The value must look like
/// one (`Examples` and `Defaults to` are words, not labels).
pub fn glued_label(t: &str) -> Option<(&'static str, &str)> {
    const LABELS: &[&str] =
        &["Type", "Format", "Default", "Example", "Minimum", "Maximum", "Min length", "Max length", "Min items", "Max items", "Pattern", "Multiple of"];
    // The older Azure reference glues lowercase labels: `inbody`, `requiredTrue`,
    // `read onlyTrue`, `typestring`, `typeReason { A, B }`.
    const LOWER: &[(&str, &str)] = &[("read only", "ReadOnly"), ("required", "Required"), ("type", "Type"), ("in", "In")];
    for (prefix, label) in LOWER {
        if let Some(value) = t.strip_prefix(prefix) {
            let ok = match *label {
                "In" => matches!(value, "body" | "query" | "path" | "header" | "formData"),
                "Required" | "ReadOnly" => matches!(value, "True" | "False"),
                _ => {
                    value.starts_with(|c: char| c.is_ascii_alphabetic()) && (type_words(value, true).is_some() || value.ends_with('}') && value.contains(" {"))
                }
            };
            if ok {
                return Some((label, value));
            }
        }
    }
    LABELS.iter().find_map(|&label| {
        let rest = t.strip_prefix(label)?;
        let (colon, value) = match rest.strip_prefix(':') {
            Some(v) => (true, v.trim()),
            None => (false, rest),
        };
        let first = value.chars().next()?;
        let ok = colon
            || match label {
                "Type" => first.is_ascii_lowercase() && type_words(value, true).is_some(),
                "Format" => first.is_ascii_lowercase() && !value.contains(' '),
                // `Defaulten-GB`: a value glued to the label, not the word `Defaults`.
                "Default" | "Example" => {
                    first.is_ascii_digit()
                        || matches!(first, '"' | '\'' | '-' | '[' | '{' | '^')
                        || !value.contains(' ') && value.len() >= 2 && !matches!(value, "s" | "ed" | "ing" | "d")
                }
                _ => first.is_ascii_digit() || matches!(first, '"' | '\'' | '-' | '[' | '{' | '^'),
            };
        ok.then_some((label, value))
    })
}

/// `Default: 10`, `Defaults to 10`, `Allowed values: a, b`, `Enum: "a" "b"`, `Format: uuid`.
fn labelled(t: &str, lower: &str) -> Option<Detail> {
    const DEFAULTS: &[&str] = &["default:", "defaults to:", "defaults to", "default value:", "default value is", "default is", "default"];
    const VALUES: &[&str] = &[
        "allowed values:",
        "allowed values are",
        "allowed value:",
        "allowed:",
        "possible values:",
        "possible values are",
        "possible enum values:",
        "available options:",
        "available values:",
        "valid values:",
        "valid values are",
        "accepted values:",
        "enum values:",
        "enum:",
        "one of:",
        "values:",
        "must be one of:",
        "can be one of:",
        "can be one of",
        "must be one of",
        "options:",
        "one of `",
        "one of \"",
    ];
    for label in DEFAULTS {
        if let Some(rest) = lower.strip_prefix(label) {
            // `Default` alone is a word, `Defaults to 10` is a value.
            if *label == "default" && !rest.starts_with([' ', ':']) || rest.trim().is_empty() {
                continue;
            }
            let value = t[t.len() - rest.len()..].trim().trim_start_matches(':').trim();
            // `default: 20 format: int32`: the value ends where the next label starts.
            let lower_value = value.to_lowercase();
            let end = [" format:", " example:", " enum:", " pattern:", " allowed values", " possible values", " minimum", " maximum", " min:", " max:"]
                .iter()
                .filter_map(|l| lower_value.find(l))
                .min()
                .unwrap_or(value.len());
            return Some(Detail::Default(unquote(value[..end].trim().trim_end_matches('.')).to_string()));
        }
    }
    for label in VALUES {
        if let Some(rest) = lower.strip_prefix(label) {
            let from = t.len() - rest.len() - usize::from(label.ends_with(['`', '"']));
            let (values, odd) = split_values(&t[from..]);
            if !values.is_empty() {
                return Some(Detail::Values(values.into_iter().map(EnumValue::new).collect(), odd));
            }
        }
    }
    if let Some(rest) = lower.strip_prefix("format:") {
        return format_type(rest).map(Detail::Type);
    }
    // Scalar's screen-reader label glued to the value: `Type:string`, `Type: array object[]`.
    if let Some(rest) = lower.strip_prefix("type:") {
        return type_words(t[t.len() - rest.len()..].trim(), true).map(Detail::Type);
    }
    None
}

/// The type a `format:` value implies: `int32` an integer, `double` a number, `date-time`
/// a date-time, `uuid` a string with that format.
pub fn format_type(value: &str) -> Option<TypeWords> {
    let f = value.trim().trim_matches(['"', '`', '.']).to_lowercase();
    if f.is_empty() || f.contains(' ') {
        return None;
    }
    match f.as_str() {
        "int32" | "int64" | "integer" | "long" => type_words(&format!("integer <{f}>"), false),
        "float" | "double" | "decimal" | "number" => type_words("number", false),
        "string" => None,
        _ => type_words(&format!("string <{f}>"), false),
    }
}

/// Constraints on their own line: `>= 1`, `<= 100`, `[ 1 .. 100 ]`, `non-empty`,
/// `Max length: 50`, `Pattern: ^x$`, `Min 1`, `1 to 100 characters`.
pub(crate) fn is_constraint(lower: &str) -> bool {
    let prefixes = [
        ">=",
        "<=",
        "≥",
        "≤",
        "> ",
        "< ",
        "[ ",
        "non-empty",
        "required range",
        "range:",
        "min items",
        "max items",
        "min value",
        "max value",
        "multiple of",
        "min length",
        "max length",
        "minlength",
        "maxlength",
        "minimum",
        "maximum",
        "min:",
        "max:",
        "pattern:",
        "match pattern",
        "length",
        "range:",
        "value must be",
        "must match",
    ];
    prefixes.iter().any(|p| lower.starts_with(p))
}

/// Details inside a description: `Required.`, `(optional)`, `Defaults to 20.`,
/// `Allowed values: a, b.`, `One of `a`, `b``.
fn inline_details(text: &str) -> Vec<Detail> {
    let mut out = Vec::new();
    let lower = text.lines().next().unwrap_or("").to_lowercase();
    // `Required.`, `(optional)`, `Required, …` — not `Required range: …`.
    let first = lower.split_inclusive(['.', ',', ' ', ';']).next().unwrap_or("");
    let badge_word = first.trim_end_matches([' ']);
    if matches!(badge_word, "required." | "required," | "required;" | "(required)" | "(required)." | "required")
        && (badge_word != "required" || lower == "required")
    {
        out.push(Detail::Required(true));
    } else if matches!(badge_word, "optional." | "optional," | "optional;" | "(optional)" | "(optional)." | "optional")
        && (badge_word != "optional" || lower == "optional")
    {
        out.push(Detail::Required(false));
    }
    if lower.starts_with("deprecated") {
        out.push(Detail::Deprecated);
    }
    // `… (required)`, `… (**optional**)` at the end.
    let tail: String = text.to_lowercase().chars().filter(|c| *c != '*').collect();
    let tail = tail.trim_end().trim_end_matches('.');
    if tail.ends_with("(required)") || tail.ends_with(", required") || tail.ends_with("; required") {
        out.push(Detail::Required(true));
    } else if tail.ends_with("(optional)") || tail.ends_with(", optional") || tail.ends_with("; optional") {
        out.push(Detail::Required(false));
    }
    let lower = text.to_lowercase();
    if let Some(at) = lower.find("format: ") {
        if let Some(t) = format_type(lower[at + "format: ".len()..].split_whitespace().next().unwrap_or("")) {
            out.push(Detail::Type(t));
        }
    }
    // A sentence that states a default or the allowed values.
    for sentence in split_sentences(text) {
        let sl = sentence.to_lowercase();
        for (at, _) in sl.match_indices("default") {
            if let Some(Detail::Default(d)) = labelled(&sentence[at..], &sl[at..]) {
                if d.split_whitespace().count() <= 3 {
                    out.push(Detail::Default(d));
                }
                break;
            }
        }
        for key in
            ["allowed values", "possible values", "one of", "valid values", "available options", "enum:", "must be one of", "can be one of", "accepted values"]
        {
            if let Some(at) = sl.find(key) {
                if let Some(d @ Detail::Values(..)) = labelled(&sentence[at..], &sl[at..]) {
                    out.push(d);
                    break;
                }
            }
        }
    }
    out
}

fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_of_sentence = c == '\n' || (c == '.' && bytes.get(i + 1).is_none_or(|b| *b == b' '));
        if end_of_sentence {
            out.push(&text[start..i]);
            start = i + 1;
        }
    }
    out.push(&text[start..]);
    out.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// A list of allowed values: `a, b, c`, `"a" "b"`, `` `a` | `b` ``, `[a, b]`, `a, b, or c`.
/// Returns the values and the pieces that did not read as one value each.
pub fn split_values(text: &str) -> (Vec<String>, Vec<String>) {
    let t = text.trim().trim_start_matches(':').trim().trim_end_matches('.').trim();
    let t = t.strip_prefix('[').and_then(|x| x.strip_suffix(']')).unwrap_or(t);
    let pieces: Vec<&str> = if t.contains(',') {
        t.split(',').collect()
    } else if t.contains('|') {
        t.split('|').collect()
    } else if t.contains(" or ") {
        t.split(" or ").collect()
    } else {
        t.split_whitespace().collect()
    };
    let (mut values, mut odd) = (Vec::new(), Vec::new());
    for piece in pieces {
        let p = piece.trim();
        let p = p.strip_prefix("or ").or_else(|| p.strip_prefix("and ")).unwrap_or(p).trim();
        let v = unquote(p.trim_matches(['`', '.', ';', ' ']));
        if v.is_empty() {
            continue;
        }
        if v.contains(char::is_whitespace) && !(p.starts_with(['"', '`', '\''])) {
            odd.push(v.to_string());
        } else if !values.iter().any(|x: &String| x == v) {
            values.push(v.to_string());
        }
    }
    (values, odd)
}

fn unquote(s: &str) -> &str {
    for (open, close) in [('"', '"'), ('\'', '\''), ('`', '`'), ('“', '”')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner;
        }
    }
    s
}

/// Text without a leading `Example: value` (samples are not descriptions).
pub fn strip_example(text: &str) -> String {
    let t = text.trim();
    match t.strip_prefix("Example:").or_else(|| t.strip_prefix("Examples:")) {
        Some(rest) => {
            let rest = rest.trim_start();
            // The value is one token (maybe quoted); the description follows.
            let end = match rest.strip_prefix('"') {
                Some(quoted) => quoted.find('"').map_or(rest.len(), |i| i + 2),
                None => rest.find(' ').unwrap_or(rest.len()),
            };
            rest[end.min(rest.len())..].trim().to_string()
        }
        None => t.to_string(),
    }
}

/// A line holding just a field name (the one-line-per-part layouts): an identifier,
/// maybe with a required marker (`id*`, `id required`).
pub fn is_name_line(text: &str) -> Option<(String, Option<bool>)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let (first, rest) = tokens.split_first()?;
    let (name, starred) = clean_name(first);
    // A capitalised sentence word (`The`, `Returns`) is not a name; lower case `from` may be.
    let sentence_word = name.starts_with(|c: char| c.is_ascii_uppercase()) && NOT_NAMES.contains(&name.to_ascii_lowercase().as_str());
    if !is_name(&name) || rest.len() > 2 || sentence_word {
        return None;
    }
    let mut required = starred.then_some(true);
    for r in rest {
        if let Detail::Required(b) = badge(r)? {
            required = Some(b)
        }
    }
    Some((name, required))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Type;

    /// Name, type, required, description.
    type Read = (String, Option<Type>, Option<bool>, Option<String>);

    fn f(text: &str) -> Option<Read> {
        field_line(text).map(|f| (f.name, f.ty.map(|t| t.ty), f.required, f.description))
    }

    #[test]
    fn one_line_fields() {
        let s = Some(Type::string());
        assert_eq!(f("account_id (string): The account."), Some(("account_id".into(), s.clone(), None, Some("The account.".into()))));
        assert_eq!(f("`status` (string, required) - Current state"), Some(("status".into(), s.clone(), Some(true), Some("Current state".into()))));
        assert_eq!(f("limit integer Optional Defaults to 10"), Some(("limit".into(), Some(Type::integer()), Some(false), Some("Defaults to 10".into()))));
        assert_eq!(f("name?: string;"), Some(("name".into(), s.clone(), Some(false), None)));
        assert_eq!(f("id: `42` (number, required) - The id"), Some(("id".into(), Some(Type::Number), Some(true), Some("The id".into()))));
        assert_eq!(f("+ tags (array[string])").map(|x| x.1), None, "list markers are the lowering's business");
        assert_eq!(f("tags (array[string])").map(|x| x.1), Some(Some(Type::array(Type::string()))));
        assert_eq!(f(":query string sort: Sort order").map(|x| (x.0, x.1)), Some(("sort".into(), s.clone())));
        let q = field_line(":query sort: one of `asc`, `desc`").unwrap();
        assert_eq!((q.place, q.values.len()), (Some(Place::Query), 2));
        let j = field_line(":<json string name: The name").unwrap();
        assert_eq!(j.in_body, Some(Some(BodyKind::Json)));
        assert_eq!(f("teamIdstringRequired").map(|x| (x.0, x.2)), Some(("teamId".into(), Some(true))));
        for prose in [
            "Note (see the guide below): something",
            "Returns Pet objects for the store",
            "The user name is unique",
            "This endpoint returns a list of objects.",
            "Fetch an invoice",
            "Use this to list things: all of them",
            "Authorization: Bearer token",
        ] {
            assert_eq!(f(prose), None, "{prose}");
        }
    }

    #[test]
    fn details() {
        assert_eq!(detail_line("REQUIRED"), Some(Detail::Required(true)));
        assert_eq!(detail_line("Default: 25"), Some(Detail::Default("25".into())));
        assert_eq!(detail_line("Defaults to \"asc\""), Some(Detail::Default("asc".into())));
        let Some(Detail::Values(v, odd)) = detail_line("Allowed values: red, green, blue") else { panic!() };
        assert_eq!((v.iter().map(|v| v.value.as_str()).collect::<Vec<_>>(), odd.len()), (vec!["red", "green", "blue"], 0));
        let Some(Detail::Values(v, _)) = detail_line("Enum: \"active\" \"paused\"") else { panic!() };
        assert_eq!(v.len(), 2);
        assert_eq!(detail_line(">= 1"), Some(Detail::Constraint(">= 1".into())));
        assert_eq!(detail_line("The name of the pet."), None);
        assert_eq!(split_values("`a`, `b`, or `c`.").0, ["a", "b", "c"]);
        assert_eq!(split_values("one, two words").1, ["two words"]);
        let mut field = FieldDoc::named("x", 1);
        field.describe("Required. Sort order. Allowed values: asc, desc. Defaults to asc.");
        assert_eq!((field.required, field.values.len(), field.default.as_deref()), (Some(true), 2, Some("asc")));
    }

    #[test]
    fn name_lines() {
        assert_eq!(is_name_line("petId"), Some(("petId".into(), None)));
        assert_eq!(is_name_line("name*"), Some(("name".into(), Some(true))));
        assert_eq!(is_name_line("user_id required"), Some(("user_id".into(), Some(true))));
        assert_eq!(is_name_line("Create a pet"), None);
        assert_eq!(is_name_line("The"), None);
    }

    #[test]
    fn badges_in_parentheses_then_the_type() {
        let f = field_line("code(required): string").unwrap();
        assert_eq!((f.name.as_str(), f.required, f.ty.map(|t| t.ty)), ("code", Some(true), Some(Type::string())));
    }

    #[test]
    fn nested_parentheses_hold_the_type() {
        let f = field_line("environment (array(string))").unwrap();
        assert_eq!((f.name.as_str(), f.ty.map(|t| t.ty)), ("environment", Some(Type::array(Type::string()))));
    }

    #[test]
    fn types_glued_to_descriptions() {
        assert_eq!(unglue_type("stringInclude the header."), Some(("string", "Include the header.")));
        assert_eq!(unglue_type("string <= 255 charactersSpecify a key."), Some(("string <= 255 characters", "Specify a key.")));
        assert_eq!(unglue_type("Array of objects (sets)Array of sets."), Some(("Array of objects (sets)", "Array of sets.")));
        assert_eq!(unglue_type("string ^[A-Z]{3}$Branch code."), Some(("string ^[A-Z]{3}$", "Branch code.")));
        assert_eq!(unglue_type("The user's name in HTML"), None);
        assert_eq!(unglue_type("string Name of the Pet"), None);
    }

    #[test]
    fn listed_fields_are_not_sentences() {
        assert_eq!(listed_field("to date").map(|f| f.name), Some("to".into()));
        assert!(listed_field("A boolean").is_none());
        assert!(listed_field("an object").is_none());
    }
}
