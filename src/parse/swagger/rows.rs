//! One row of a `Name | Type | Description | Notes` table (properties or parameters),
//! with every flavour's way of spelling types, optionality and allowed values.

use super::Interp;
use super::lines::{Notes, is_ident, is_kramdown_ial, parse_notes, required_cell, unquote};
use crate::parse::blocks::{Cell, Row};
use crate::parse::text::strip_emphasis_marks;
use crate::parse::types::parse_type;
use crate::schema::Type;

/// Column positions of a `Name | Type | Description | Notes` table.
#[derive(Debug, Clone, Copy)]
pub(super) struct Columns {
    name: usize,
    ty: usize,
    desc: Option<usize>,
    notes: Option<usize>,
    required: Option<usize>,
    width: usize,
}

impl Columns {
    pub fn width(&self) -> usize {
        self.width
    }

    pub fn of(header: &[Cell]) -> Option<Columns> {
        let names: Vec<String> = header.iter().map(|c| strip_emphasis_marks(&c.text).to_ascii_lowercase()).collect();
        let find = |want: &[&str]| names.iter().position(|n| want.contains(&n.as_str()));
        Some(Columns {
            name: find(&["name", "parameter", "property", "field"])?,
            ty: find(&["type", "data type"])?,
            desc: find(&["description"]),
            notes: find(&["notes"]),
            required: find(&["required"]),
            width: header.len(),
        })
    }
}

/// One property or parameter row, read.
pub(super) struct RowData {
    pub name: String,
    pub type_text: String,
    pub link: Option<String>,
    pub ty: Type,
    pub description: Option<String>,
    pub required: bool,
    /// `NullableString`, `Option<…>` with a `nullable` note, …
    pub nullable: bool,
    pub notes: Notes,
    pub line: u32,
}

/// Cells split by an unescaped `|` inside brackets (typescript-axios prints
/// `[**1 | 5 | 15**]`) joined back.
fn rejoin_bracketed(cells: &[Cell]) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::new();
    let mut open = 0i32;
    for c in cells {
        if open > 0 {
            if let Some(last) = out.last_mut() {
                last.text = format!("{}|{}", last.text, c.text);
            }
        } else {
            out.push(c.clone());
        }
        open += c.text.matches('[').count() as i32 - c.text.matches(']').count() as i32;
        open = open.max(0);
    }
    out
}

impl Interp<'_> {
    /// Read one table row; `None` (with a warning where useful) when it cannot be used.
    pub(super) fn read_row(&mut self, cols: Columns, row: &Row, owner: &str) -> Option<RowData> {
        let cells = rejoin_bracketed(&row.cells);
        // Cells beyond the header come from an unescaped `|` in the description: the
        // columns after the description shift right by that many.
        let extra = cells.len().saturating_sub(cols.width);
        let shift = |i: usize| if cols.desc.is_some_and(|d| i > d) { i + extra } else { i };
        let cell = |i: usize| cells.get(shift(i));
        if cells.iter().all(|c| c.text.trim().is_empty()) || cells.first().is_some_and(|c| is_kramdown_ial(&c.text)) {
            return None;
        }
        let name = unescape_keyword(&cell(cols.name).map(|c| strip_emphasis_marks(&c.text)).unwrap_or_default());
        if name.is_empty() {
            self.warn(row.line, format!("`{owner}`: table row without a name; skipped"), "every row needs a Name cell");
            return None;
        }
        if cells.len() != cols.width {
            let how = if extra > 0 && cols.desc.is_some() { "; the extra cells are read as part of the description" } else { "" };
            self.warn(
                row.line,
                format!("`{owner}`: row `{name}` has {} cells, the header has {}{how}", cells.len(), cols.width),
                "escape `|` inside cells as `\\|`",
            );
        }
        let description = cols
            .desc
            .and_then(|d| cells.get(d..=d + extra))
            .map(|cs| cs.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("|").trim().to_string())
            .filter(|d| !d.is_empty());
        let mut notes = parse_notes(&cols.notes.and_then(cell).map(|c| c.text.clone()).unwrap_or_default());
        // rust: the description starts with `(enum: a, b)`.
        if notes.values.is_empty() {
            notes.values = description.as_deref().filter(|d| d.trim_start().starts_with("(enum:")).map(|d| parse_notes(d).values).unwrap_or_default();
        }
        let type_cell = cell(cols.ty).cloned().unwrap_or_default();
        let raw_type = strip_emphasis_marks(&type_cell.text);
        let optional_type = raw_type.starts_with("Pointer to ") || raw_type.starts_with("Option<");
        let type_text = clean_type_text(&type_cell.text);
        let nullable = type_text.starts_with("Nullable") && type_text.len() > "Nullable".len();
        let ty = match self.cell_type(&type_text, type_cell.link.as_deref(), &mut notes.values) {
            Ok(t) => t,
            Err(_) if type_text.is_empty() => {
                self.warn(row.line, format!("`{owner}`: `{name}` has no type; read as any JSON value"), "add the type to the Type column or an override");
                Type::Any
            }
            Err(e) => {
                self.warn(
                    row.line,
                    format!("`{owner}`: unknown type spelling `{}` for `{name}` ({e}); read as any JSON value", abbreviate(&type_text, 60)),
                    "set the type under [api.types] in docs2rs.toml (`\"Model.field\" = \"Array<Tag>\"`)",
                );
                Type::Any
            }
        };
        // Without a Notes or Required column (typescript-fetch models) required-ness is
        // unknown: optional is what a client can always accept.
        let required = match (cols.required, cols.notes) {
            (Some(i), _) => cell(i).is_some_and(|c| required_cell(&c.text)),
            (None, Some(_)) => notes.required || !(notes.optional || optional_type),
            (None, None) => false,
        };
        Some(RowData { name, type_text, link: type_cell.link, ty, description, required, nullable, notes, line: row.line })
    }

    /// The type a Type cell spells; allowed values it lists go to `values`.
    fn cell_type(&mut self, text: &str, link: Option<&str>, values: &mut Vec<String>) -> Result<Type, String> {
        if text.is_empty() {
            return Err("empty cell".into());
        }
        // typescript-axios: `[string]`, `[1 | 5 | 15]Array<1 | 5 | 15>` (a scalar enum).
        if let Some((inner, rest)) =
            text.strip_prefix('[').and_then(|t| t.split_once(']')).filter(|(inner, _)| is_ts_scalar(inner) || literal_union(inner).is_some())
        {
            let listed = rest.trim().strip_prefix("Array<").and_then(|r| r.strip_suffix('>')).and_then(literal_union);
            if let Some((ty, lits)) = literal_union(inner).or(listed.filter(|_| inner.trim() == "string")) {
                *values = lits;
                return Ok(ty);
            }
            return parse_type(inner);
        }
        // typescript-axios: `Array<'a' | 'b'>`; typescript-fetch: `a, b` (with `[Enum: a, b]`).
        if let Some(inner) = text.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')) {
            if let Some((ty, lits)) = literal_union(inner) {
                *values = lits;
                return Ok(Type::array(ty));
            }
        }
        if let Some((ty, lits)) = literal_union(text) {
            *values = lits;
            return Ok(ty);
        }
        if !values.is_empty() && values.join(", ") == text {
            return Ok(scalar_of(values));
        }
        // php and csharp print file types twice (`\SplFileObject\SplFileObject`).
        let text = undouble(text);
        // kotlin: `[**inline**](#Status)`, fixed up from the `## Enum: status` section.
        if text == "inline" && link.is_some_and(|l| l.starts_with('#')) {
            return Ok(Type::string());
        }
        let ty = parse_type(text).map(|t| linked_type(t, text, link))?;
        // rust: an enum named in the Type cell (`Status`) with its values in the
        // description is its base type, not a model.
        if !values.is_empty() && link.is_none() && matches!(ty, Type::Ref { .. }) {
            return Ok(scalar_of(values));
        }
        Ok(ty)
    }
}

/// Generators rename parameters that are keywords of their language: python `var_from`,
/// csharp `varExplicit`. The wire name is the keyword.
pub(super) fn unescape_keyword(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "and",
        "as",
        "assert",
        "async",
        "await",
        "base",
        "break",
        "case",
        "catch",
        "checked",
        "class",
        "const",
        "continue",
        "def",
        "default",
        "del",
        "delegate",
        "do",
        "elif",
        "else",
        "enum",
        "event",
        "except",
        "explicit",
        "extern",
        "file",
        "finally",
        "fixed",
        "for",
        "foreach",
        "from",
        "global",
        "goto",
        "if",
        "implicit",
        "import",
        "in",
        "interface",
        "internal",
        "is",
        "lambda",
        "lock",
        "namespace",
        "new",
        "nonlocal",
        "not",
        "object",
        "operator",
        "or",
        "out",
        "override",
        "params",
        "pass",
        "private",
        "protected",
        "public",
        "raise",
        "readonly",
        "ref",
        "return",
        "sealed",
        "static",
        "struct",
        "switch",
        "this",
        "throw",
        "try",
        "typeof",
        "using",
        "virtual",
        "void",
        "volatile",
        "while",
        "with",
        "yield",
    ];
    // java: `_file`
    let word = name.strip_prefix("var_").or_else(|| name.strip_prefix('_')).map(str::to_string).or_else(|| {
        let rest = name.strip_prefix("var")?;
        let mut chars = rest.chars();
        let first = chars.next().filter(char::is_ascii_uppercase)?;
        Some(first.to_ascii_lowercase().to_string() + chars.as_str())
    });
    match word {
        Some(w) if KEYWORDS.contains(&w.as_str()) => w,
        // rust raw identifiers: `r#type`
        _ => name.strip_prefix("r#").unwrap_or(name).to_string(),
    }
}

/// typescript scalars inside `[…]` (swift's `[String]` is an array; these are not).
fn is_ts_scalar(s: &str) -> bool {
    matches!(s.trim(), "string" | "number" | "boolean" | "File" | "any" | "object")
}

/// `'a' | 'b'` → string values; `1 | 5 | 15` → integer values.
fn literal_union(s: &str) -> Option<(Type, Vec<String>)> {
    if !s.contains('|') && !s.trim().starts_with('\'') {
        return None;
    }
    let parts: Vec<&str> = s.split('|').map(str::trim).collect();
    let quoted = parts.iter().all(|p| p.len() >= 2 && p.starts_with('\'') && p.ends_with('\''));
    let numbers = parts.iter().all(|p| !p.is_empty() && p.parse::<f64>().is_ok());
    if !(quoted || numbers) {
        return None;
    }
    let values: Vec<String> = parts.iter().map(|p| unquote(p).to_string()).collect();
    Some((scalar_of(&values), values))
}

/// The base type of allowed values: integer when every value is one, else string.
pub(super) fn scalar_of(values: &[String]) -> Type {
    if !values.is_empty() && values.iter().all(|v| v.parse::<i64>().is_ok()) { Type::integer() } else { Type::string() }
}

/// `X X` → `X` (a type printed twice).
fn undouble(text: &str) -> &str {
    let half = text.len() / 2;
    if text.len() % 2 == 0 && half > 0 && text.is_char_boundary(half) && text[..half] == text[half..] {
        return &text[..half];
    }
    match text.split_once(' ') {
        Some((a, b)) if a == b => a,
        _ => text,
    }
}

/// Type cell text without Go's `Pointer to ` and stray markup.
pub(super) fn clean_type_text(text: &str) -> String {
    let t = strip_emphasis_marks(text);
    let t = t.strip_prefix("Pointer to ").or_else(|| t.strip_prefix("pointer to ")).unwrap_or(&t);
    unglue_rust_paths(t.trim())
}

/// Markdown reads rust's `Vec<models::Pet>` as `Vec` + an autolink `<models::Pet>`
/// (a URI with scheme `models:`), which loses the brackets: `Vecmodels::Pet` and
/// `chrono::DateTimechrono::FixedOffset` get them back.
fn unglue_rust_paths(t: &str) -> String {
    const CRATES: [&str; 5] = ["models::", "chrono::", "std::", "uuid::", "serde_json::"];
    let mut glued: Vec<usize> =
        CRATES.iter().flat_map(|c| t.match_indices(c).map(|(i, _)| i)).filter(|&i| t[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric())).collect();
    glued.sort_unstable();
    let mut out = t.to_string();
    // Right to left, so earlier positions stay valid.
    for &at in glued.iter().rev() {
        let end = out[at..].find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).map_or(out.len(), |n| at + n);
        out.insert(end, '>');
        out.insert(at, '<');
    }
    out
}

/// A type cell linking to the page of the name it spells (`[**Array<Number>**](Number.html)`)
/// refers to that page even where the name is also a primitive in some SDK flavour
/// (`Number`, `JsonNode`, `String`). It stays a reference; `resolve` turns references to
/// names no document defines back into the primitive.
pub(super) fn linked_type(ty: Type, text: &str, link: Option<&str>) -> Type {
    // `Pet.md`, `Pet.html#x`, `#PetEnum`; kotlin's `java.time.OffsetDateTime.md` names no model.
    let file = link.and_then(|l| l.rsplit('/').next()).and_then(|f| f.split('#').next()).unwrap_or("");
    let stem = [".md", ".html", ".htm"].iter().find_map(|ext| file.strip_suffix(ext)).unwrap_or(file);
    if !is_ident(stem) {
        return ty;
    }
    // The innermost name must be the page's (`Array<Number>` → `Number.md`); a link to
    // the container (`[**List<List<int>>**](List.md)`, dart) is a generator glitch.
    let innermost = text.split(|c: char| !(c.is_alphanumeric() || c == '_')).rfind(|w| !w.is_empty());
    if innermost != Some(stem) {
        return ty;
    }
    ty.map_inner(&mut |inner| match inner {
        Type::Ref { .. } => inner.clone(),
        _ => Type::reference(stem),
    })
}

/// A reference to a model page, not to a page about a primitive (`String.html`).
pub(super) fn names_a_model(ty: &Type) -> bool {
    ty.ref_name().is_some_and(|name| matches!(parse_type(name), Ok(Type::Ref { .. }) | Err(_)))
}

/// Long spellings (200-deep generics) would drown the message.
pub(super) fn abbreviate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_unions_and_doubled_types() {
        assert_eq!(literal_union("'a' | 'b'"), Some((Type::string(), vec!["a".to_string(), "b".to_string()])));
        assert_eq!(literal_union("1 | 5 | 15"), Some((Type::integer(), vec!["1".to_string(), "5".to_string(), "15".to_string()])));
        assert_eq!(literal_union("string | null"), None);
        assert_eq!(literal_union("Pet"), None);
        assert_eq!(undouble("\\SplFileObject\\SplFileObject"), "\\SplFileObject");
        assert_eq!(undouble("System.IO.Stream System.IO.Stream"), "System.IO.Stream");
        assert_eq!(undouble("Array<String>"), "Array<String>");
        assert_eq!(undouble("éa"), "éa");
        assert_eq!(unglue_rust_paths("Vecmodels::Shipment"), "Vec<models::Shipment>");
        assert_eq!(unglue_rust_paths("std::collections::HashMap<String, models::X>"), "std::collections::HashMap<String, models::X>");
        assert_eq!(unglue_rust_paths("chrono::DateTimechrono::FixedOffset"), "chrono::DateTime<chrono::FixedOffset>");
        assert_eq!(linked_type(Type::array(Type::array(Type::integer())), "List<List<int>>", Some("List.md")), Type::array(Type::array(Type::integer())));
        assert_eq!(linked_type(Type::array(Type::Number), "Array<Number>", Some("Number.md")), Type::array(Type::reference("Number")));
        assert_eq!(linked_type(Type::DateTime, "java.time.OffsetDateTime", Some("java.time.OffsetDateTime.md")), Type::DateTime);
    }

    #[test]
    fn keyword_escapes_are_undone() {
        assert_eq!(unescape_keyword("var_from"), "from");
        assert_eq!(unescape_keyword("varExplicit"), "explicit");
        assert_eq!(unescape_keyword("variance"), "variance");
        assert_eq!(unescape_keyword("var_name"), "var_name");
        assert_eq!(unescape_keyword("r#type"), "type");
        assert_eq!(unescape_keyword("_file"), "file");
        assert_eq!(unescape_keyword("_id"), "_id");
    }

    #[test]
    fn cells_split_inside_brackets_are_joined() {
        let cells: Vec<Cell> =
            ["**resolution**", "[**1 ", " 5 ", " 60**]**Array<1 | 5 | 60>**", "Bucket size.", "(optional)"].iter().map(|t| Cell::plain(t)).collect();
        let joined = rejoin_bracketed(&cells);
        assert_eq!(joined.len(), 4);
        assert_eq!(joined[1].text, "[**1 | 5 | 60**]**Array<1 | 5 | 60>**");
    }
}
