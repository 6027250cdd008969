//! Parameter and field tables, recognised by their header words in any column order:
//! Name / Parameter / Field / Property, Type / Schema / Data type, In / Located in /
//! Location / Param type, Required / Optional / Mandatory, Default, Description — with cell
//! markup such as `**name** <br>*required*`, `name*`, `yes`/`no`/`true`/`✓`. Tables without
//! such a header (Redoc's name | type-and-description rows) are read row by row.

use crate::parse::blocks::{Cell, Row};
use crate::parse::recognise::endpoint::{Endpoint, endpoint_in_line};
use crate::parse::recognise::field::{Detail, FieldDoc, badge, clean_name, depth_marker, detail_line, is_name, leading_type, split_values, strip_example};
use crate::parse::text::strip_emphasis_marks;
use crate::parse::vocab::sections::Place;
use crate::parse::vocab::type_words::type_words;
use crate::schema::{BodyKind, EnumValue, Method};

/// Column positions of a parameter table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Columns {
    pub name: usize,
    pub ty: Option<usize>,
    pub place: Option<usize>,
    pub required: Option<usize>,
    /// An `Optional` column: its yes means not required.
    pub optional: Option<usize>,
    pub default: Option<usize>,
    pub description: Option<usize>,
    /// `Notes`, `Additional information`, `Constraints`: badges and details.
    pub notes: Option<usize>,
    pub values: Option<usize>,
}

fn header_words(cell: &Cell) -> String {
    strip_emphasis_marks(&cell.text).to_lowercase().trim().trim_end_matches([':', '?']).trim().to_string()
}

const NAME: &[&str] = &[
    "name",
    "parameter",
    "parameter name",
    "param",
    "param name",
    "field",
    "field name",
    "property",
    "property name",
    "attribute",
    "key",
    "argument",
    "element",
    "member",
    "option",
    "header",
    "header name",
    "query parameter",
    "path parameter",
    "body parameter",
    "nombre",
    "paramètre",
    "parámetro",
    "parâmetro",
    "nom",
    "feld",
    "eigenschaft",
    "名前",
    "パラメータ",
    "パラメーター",
    "項目",
    "フィールド",
    "参数",
    "参数名",
    "字段",
    "名称",
    "名稱",
    "參數",
    "이름",
    "nome",
    "campo",
    "nama",
    "naam",
    "nazwa",
];
const TYPE: &[&str] = &[
    "type",
    "data type",
    "datatype",
    "schema",
    "value type",
    "type/format",
    "type / format",
    "format",
    "tipo",
    "typ",
    "型",
    "データ型",
    "类型",
    "類型",
    "타입",
    "형식",
    "jenis",
    "tipe",
    "typ danych",
    "유형",
];
const PLACE: &[&str] = &[
    "in",
    "located in",
    "location",
    "param type",
    "parameter type",
    "paramtype",
    "where",
    "source",
    "ort",
    "emplacement",
    "ubicación",
    "場所",
    "位置",
    "位於",
    "位于",
    "안에",
    "위치",
    "dalam",
];
const REQUIRED: &[&str] = &[
    "required",
    "mandatory",
    "req",
    "req'd",
    "required/optional",
    "required / optional",
    "requirement",
    "optionality",
    "mandatory/optional",
    "required?",
    "obligatorio",
    "erforderlich",
    "obligatoire",
    "必須",
    "是否必填",
    "必填",
    "是否必须",
    "必选",
    "必要",
    "필수",
    "diperlukan",
    "wajib",
    "vereist",
    "wymagane",
    "obbligatorio",
    "obrigatório",
    "requerido",
    "pflicht",
];
const OPTIONAL: &[&str] = &["optional", "optional?"];
const DEFAULT: &[&str] = &["default", "default value", "defaults", "standardwert", "valor por defecto", "デフォルト", "默认值"];
const DESCRIPTION: &[&str] = &[
    "description",
    "desc",
    "details",
    "meaning",
    "comment",
    "comments",
    "beschreibung",
    "descripción",
    "descrição",
    "descrizione",
    "deskripsi",
    "beschrijving",
    "opis",
    "açıklama",
    "説明",
    "描述",
    "说明",
    "설명",
    "purpose",
    "summary",
    "explanation",
];
const NOTES: &[&str] =
    &["notes", "note", "scopes", "additional information", "constraints", "validation", "restrictions", "remarks", "attributes", "additional info"];
const VALUES: &[&str] = &["allowed values", "possible values", "values", "enum", "accepted values", "valid values"];

/// A cell that says there is nothing to say (Widdershins prints `none` in empty
/// description and restriction cells).
fn is_placeholder(cell: &str) -> bool {
    matches!(cell.trim().trim_end_matches('.').to_lowercase().as_str(), "none" | "-" | "–" | "n/a")
}

/// A word that heads a column of a parameter table (`Name`, `Type`, `Required`, `In`, `Notes`).
pub fn is_header_word(text: &str) -> bool {
    let w = header_words(&Cell::plain(text));
    [NAME, TYPE, PLACE, REQUIRED, OPTIONAL, DEFAULT, DESCRIPTION, NOTES, VALUES].iter().any(|set| set.contains(&w.as_str()))
}

/// A table copied one cell per line (Confluence, some wikis): the header words, maybe
/// repeated (a sticky header), then each row's cells on lines of their own, empty cells
/// left out. Returns the header, the rows and how many lines were read.
pub fn vertical_table(lines: &[(&str, u32)]) -> Option<(Vec<Cell>, Vec<Row>, usize)> {
    let words = lines.iter().take_while(|(l, _)| is_header_word(l)).count();
    // A header printed twice: its first copy.
    let width = (2..=words / 2).find(|&w| (0..w).all(|i| lines[i].0 == lines[w + i].0)).unwrap_or(words);
    vertical_rows(lines, width)
}

/// The rows of a one-cell-per-line table whose header is the first `width` lines.
pub fn vertical_rows(lines: &[(&str, u32)], width: usize) -> Option<(Vec<Cell>, Vec<Row>, usize)> {
    let header: Vec<Cell> = lines[..width].iter().map(|(l, _)| Cell::plain(l)).collect();
    let cols = (2..=8).contains(&width).then(|| columns(&header)).flatten()?;
    let mut at = width;
    // The sticky header printed twice.
    if lines.len() >= at + width && lines[at..at + width].iter().zip(&header).all(|((l, _), h)| *l == h.text) {
        at += width;
    }
    let role = |i: usize| -> &'static str {
        if i == cols.name {
            "name"
        } else if Some(i) == cols.ty {
            "type"
        } else if Some(i) == cols.required || Some(i) == cols.optional {
            "required"
        } else if Some(i) == cols.place {
            "place"
        } else {
            "text"
        }
    };
    let fits = |i: usize, text: &str| match role(i) {
        "name" => crate::parse::recognise::field::is_name(text.trim_matches('`').trim_end_matches('*')),
        "type" => type_words(text, true).is_some(),
        "required" => required_cell(text).is_some(),
        "place" => place_word(text).is_some(),
        _ => true,
    };
    // A row starts with a name, and a typed cell (type, required, place) right after it or
    // after the description the column order puts first (`Name`, `Description`, `Type`).
    let typed_cell = |k: usize| lines.get(k).is_some_and(|(l, _)| (cols.name + 1..width).any(|i| role(i) != "text" && fits(i, l)));
    let text_first = role(cols.name + 1) == "text";
    // (`Required` in an annotation column is not a field of that name.)
    let starts_row = |k: usize| {
        lines.get(k).is_some_and(|(l, _)| fits(cols.name, l) && required_cell(l).is_none()) && (typed_cell(k + 1) || text_first && typed_cell(k + 2))
    };
    let mut rows = Vec::new();
    while at < lines.len() && starts_row(at) {
        let line = lines[at].1;
        let mut cells = vec![Cell::plain(lines[at].0)];
        at += 1;
        for i in 1..width {
            match lines.get(at) {
                // A cell the copy left out (an empty description): the next row starts
                // here, or the line is a later column's (`integer` under `Type`).
                Some((l, _)) if role(i) == "text" && (starts_row(at) || (i + 1..width).any(|j| role(j) != "text" && fits(j, l))) => {
                    cells.push(Cell::default());
                }
                Some((l, _)) if fits(i, l) => {
                    cells.push(Cell::plain(l));
                    at += 1;
                }
                _ => cells.push(Cell::default()),
            }
        }
        // More lines of the last cell (`Required`, then `String length: …`) when another
        // row follows them.
        if role(width - 1) == "text" {
            let more = |k: &usize| crate::parse::vocab::sections::section_of(lines[*k].0).is_none() && glued_header(lines[*k].0).is_none();
            if let Some(next) = (at..lines.len().min(at + 4)).take_while(more).find(|&k| starts_row(k)) {
                for (l, _) in &lines[at..next] {
                    let last = cells.last_mut().expect("a row has cells");
                    last.text = if last.text.is_empty() { l.to_string() } else { format!("{}\n{l}", last.text) };
                }
                at = next;
            }
        }
        rows.push(Row { line, cells });
    }
    (!rows.is_empty()).then_some((header, rows, at))
}

/// A header whose words a crawler glued together (`NameParameterData TypeRequiredDescription`):
/// the header words.
pub fn glued_header(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if t.contains('\t') || t.contains('|') || t.len() > 120 {
        return None;
    }
    let vocab: Vec<&str> = [NAME, TYPE, PLACE, REQUIRED, OPTIONAL, DEFAULT, DESCRIPTION, NOTES, VALUES].concat();
    let lower = t.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while at < lower.len() {
        // The longest header word here (`data type` before `data`).
        // Words of any language (`参数名类型是否必填说明`); the longest that fits.
        let word = vocab.iter().filter(|w| lower[at..].starts_with(**w)).max_by_key(|w| w.len())?;
        out.push(t[at..at + word.len()].to_string());
        at += word.len();
    }
    (out.len() >= 3).then_some(out)
}

/// A header copied with spaces between its cells (`Name In Required Type Description`):
/// every word a header word, a name column among them.
pub fn spaced_header(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if !t.contains(' ') || t.contains(['\t', '|']) || t.len() > 120 {
        return None;
    }
    let words = glued_header(&t.replace(' ', "")).or_else(|| {
        let w: Vec<String> = t.split(' ').map(str::to_string).collect();
        // Words the glued reading does not know (`이름 안에 필수 형식 Description`).
        (w.len() >= 2 && w.iter().all(|x| is_header_word(x))).then_some(w)
    })?;
    // Spaces between the cells, not only inside a glued header's `Data Type`.
    if words.len() > t.split(' ').count() {
        return None;
    }
    let cells: Vec<Cell> = words.iter().map(|h| Cell::plain(h)).collect();
    let cols = columns(&cells)?;
    (cols.name == 0).then_some(words)
}

/// A row under such a header: the name, then one word for each short column (place,
/// required, type) in header order, then the description (`token path required string`,
/// `ids The IDs of the automations to delete`).
pub fn spaced_row(header: &[String], text: &str, line: u32) -> Option<FieldDoc> {
    let cells: Vec<Cell> = header.iter().map(|h| Cell::plain(h)).collect();
    let cols = columns(&cells)?;
    let mut tokens = text.split_whitespace().peekable();
    let name = tokens.next()?;
    // Under a bare `Name Description` header, a name looks like one (`ids`, `user_id`), not
    // like the first word of a sentence.
    let short = [cols.place, cols.required, cols.optional, cols.ty].iter().any(Option::is_some);
    let name_like = name.starts_with(|c: char| c.is_ascii_lowercase()) || name.contains(['_', '-']) || name.chars().any(|c| c.is_ascii_digit());
    if !crate::parse::recognise::field::is_name(name) || !short && !name_like {
        return None;
    }
    let mut f = FieldDoc::named(name, line);
    for col in 1..header.len() {
        let is_short = [cols.place, cols.required, cols.optional, cols.ty].contains(&Some(col));
        let Some(token) = tokens.peek().copied() else {
            // Every short cell is there; only the description may be missing.
            if is_short {
                return None;
            }
            break;
        };
        if Some(col) == cols.place {
            match place_word(token)? {
                InCell::Place(p) => f.place = Some(p),
                InCell::Body(kind) => f.in_body = Some(kind),
            }
        } else if Some(col) == cols.required || Some(col) == cols.optional {
            let Some(Detail::Required(r)) = badge(token) else { return None };
            f.required = Some(r);
        } else if Some(col) == cols.ty {
            f.ty = Some(type_words(token, true)?);
        } else {
            continue;
        }
        tokens.next();
    }
    let rest: Vec<&str> = tokens.collect();
    if !rest.is_empty() {
        f.describe(&rest.join(" "));
    }
    Some(f)
}

/// The first line of a row under such a header whose type and description follow on lines
/// of their own (Microsoft Learn copied without tabs: `kind True`, `Kind`, `Indicates…`):
/// the name, then only place and required words (an optional row prints none).
pub fn spaced_row_head(header: &[String], text: &str, line: u32) -> Option<FieldDoc> {
    let cells: Vec<Cell> = header.iter().map(|h| Cell::plain(h)).collect();
    let cols = columns(&cells)?;
    cols.ty?;
    let mut tokens = text.split_whitespace();
    let name = tokens.next()?;
    // `integer` then `int32`: a type and its format, not a row.
    let a_type = type_words(name, false).is_some();
    if !crate::parse::recognise::field::is_name(name) || a_type || name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains('-') {
        return None;
    }
    let mut f = FieldDoc::named(name, line);
    for token in tokens {
        let flag = match token {
            "True" | "true" => Some(true),
            "False" | "false" => Some(false),
            _ => match badge(token) {
                Some(Detail::Required(r)) => Some(r),
                _ => None,
            },
        };
        match (place_word(token), flag) {
            (Some(InCell::Place(p)), _) if cols.place.is_some() && f.place.is_none() && f.required.is_none() => f.place = Some(p),
            (_, Some(r)) if cols.required.is_some() && f.required.is_none() => f.required = Some(r),
            _ => return None,
        }
    }
    Some(f)
}

/// One glued row under a glued header (`OwnerIdpathint?NoOnly used by the owner route.`):
/// the cells, split where each column's vocabulary says.
pub fn glued_row(header: &[String], text: &str) -> Option<Vec<String>> {
    let cells: Vec<Cell> = header.iter().map(|h| Cell::plain(h)).collect();
    let cols = columns(&cells)?;
    let t = text.trim();
    if cols.name != 0 || t.contains('\t') {
        return None;
    }
    // Name, then (in header order) place, type, required; what is left is the description.
    let order: Vec<usize> = (1..header.len()).collect();
    if cols.description == Some(1) && header.len() > 2 {
        return described_row(t, &order[1..], &cols);
    }
    fn split(t: &str, rest_cols: &[usize], cols: &Columns, out: &mut Vec<String>) -> bool {
        let Some((&col, more)) = rest_cols.split_first() else { return true };
        if Some(col) == cols.description || Some(col) == cols.notes || Some(col) == cols.default {
            out.push(t.trim().to_string());
            return more.is_empty() || split("", more, cols, out);
        }
        let ends: Vec<usize> = t.char_indices().map(|(i, _)| i).skip(1).chain([t.len()]).collect();
        for end in ends {
            let head = &t[..end];
            let known = [cols.ty, cols.required, cols.optional, cols.description, cols.notes, cols.default, cols.values].contains(&Some(col));
            // A second name-like column (ServiceStack's `Parameter`) holds places.
            let fits = if Some(col) == cols.place || !known {
                place_word(head).is_some()
            } else if Some(col) == cols.required || Some(col) == cols.optional {
                matches!(head, "Yes" | "No" | "yes" | "no" | "true" | "false" | "Required" | "Optional" | "是" | "否" | "必須" | "任意" | "必填" | "选填")
            } else if Some(col) == cols.ty {
                type_words(head, true).is_some()
            } else {
                false
            };
            if fits {
                out.push(head.to_string());
                if split(&t[end..], more, cols, out) {
                    return true;
                }
                out.pop();
            }
        }
        false
    }
    for end in t.char_indices().map(|(i, _)| i).skip(1) {
        let name = &t[..end];
        if !crate::parse::recognise::field::is_name(name) {
            continue;
        }
        let mut out = vec![name.to_string()];
        if split(&t[end..], &order, &cols, &mut out) {
            // A badge glued between name and type (`Authorizationoptionalstring`): the
            // name cell's badge word.
            for badge in ["optional", "required"] {
                if let Some(base) = name.strip_suffix(badge).filter(|b| crate::parse::recognise::field::is_name(b)) {
                    out[0] = format!("{base} {badge}");
                }
            }
            return Some(out);
        }
    }
    None
}

/// A glued row whose description comes second (Grafana: `$countInclude collection length
/// in the response.queryfalseboolean`): the name ends where the description's first word
/// starts (the last case turn before the first space); the short cells after the
/// description are read from the end.
fn described_row(t: &str, tail_cols: &[usize], cols: &Columns) -> Option<Vec<String>> {
    let (name, rest) = name_then_description(t)?;
    // The cells after the description are short: look for them in the last 80 bytes only.
    let starts: Vec<usize> = rest.char_indices().map(|(i, _)| i).filter(|&i| rest.len() - i <= 80).collect();
    for start in starts.into_iter().rev() {
        let mut out = Vec::new();
        if short_cells(&rest[start..], tail_cols, cols, &mut out) {
            let mut row = vec![name.to_string(), rest[..start].trim().to_string()];
            row.extend(out);
            return Some(row);
        }
    }
    None
}

/// `$countInclude collection…` → (`$count`, `Include collection…`): the name ends at the
/// last case turn before the first space.
fn name_then_description(t: &str) -> Option<(&str, &str)> {
    let first_space = t.find(' ').unwrap_or(t.len());
    let b = t.as_bytes();
    let name_end = (1..first_space).rev().find(|&i| b[i].is_ascii_uppercase() && (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit()))?;
    let name = &t[..name_end];
    crate::parse::recognise::field::is_name(name).then(|| (name, &t[name_end..]))
}

/// A glued row spread over lines (Grafana: the name, or the name with the start of its
/// description, then more description, then the short cells glued, `headertrueinteger`):
/// where it starts, the name and the description's first part.
pub fn spread_row_start(header: &[String], text: &str) -> Option<(String, String)> {
    let cells: Vec<Cell> = header.iter().map(|h| Cell::plain(h)).collect();
    let cols = columns(&cells)?;
    let t = text.trim();
    if cols.name != 0 || cols.description != Some(1) || header.len() < 3 {
        return None;
    }
    if crate::parse::recognise::field::is_name(t) {
        return Some((t.to_string(), String::new()));
    }
    name_then_description(t).map(|(n, d)| (n.to_string(), d.to_string()))
}

/// The short cells that end such a row (`headertrueinteger`), if `text` is only those.
pub fn spread_row_end(header: &[String], text: &str) -> Option<Vec<String>> {
    let cells: Vec<Cell> = header.iter().map(|h| Cell::plain(h)).collect();
    let cols = columns(&cells)?;
    let tail: Vec<usize> = (2..header.len()).collect();
    let mut out = Vec::new();
    (text.trim().len() <= 80 && short_cells(text.trim(), &tail, &cols, &mut out)).then_some(out)
}

/// The short cells (place, required, type) that make up all of `t`, in column order.
fn short_cells(t: &str, rest_cols: &[usize], cols: &Columns, out: &mut Vec<String>) -> bool {
    let Some((&col, more)) = rest_cols.split_first() else { return t.trim().is_empty() };
    let fits = |head: &str| {
        if Some(col) == cols.place {
            place_word(head).is_some()
        } else if Some(col) == cols.required || Some(col) == cols.optional {
            matches!(head, "Yes" | "No" | "yes" | "no" | "true" | "false" | "Required" | "Optional")
        } else if Some(col) == cols.ty {
            type_words(head, true).is_some()
        } else {
            false
        }
    };
    // The last cell takes the rest; the others are a word or two.
    let ends: Vec<usize> = if more.is_empty() { vec![t.len()] } else { t.char_indices().map(|(i, _)| i).skip(1).take_while(|&i| i <= 16).collect() };
    for end in ends {
        let head = t[..end].trim();
        if !head.is_empty() && fits(head) {
            out.push(head.to_string());
            if short_cells(&t[end..], more, cols, out) {
                return true;
            }
            out.pop();
        }
    }
    false
}

/// The columns of a parameter or field table, or `None` when the header is something else.
pub fn columns(header: &[Cell]) -> Option<Columns> {
    let words: Vec<String> = header.iter().map(header_words).collect();
    let find = |set: &[&str]| words.iter().position(|w| set.contains(&w.as_str()));
    let name = find(NAME)?;
    let other = |set: &[&str]| words.iter().enumerate().position(|(i, w)| i != name && set.contains(&w.as_str()));
    let cols = Columns {
        name,
        ty: other(TYPE),
        place: other(PLACE),
        required: other(REQUIRED),
        optional: other(OPTIONAL),
        default: other(DEFAULT),
        description: other(DESCRIPTION),
        notes: other(NOTES),
        values: other(VALUES),
    };
    let evidence = [cols.ty, cols.place, cols.required, cols.optional, cols.description, cols.notes].iter().filter(|c| c.is_some()).count();
    (evidence >= 1).then_some(cols)
}

/// swagger2markup's `Type | Name | Description | Schema`: the `Type` column holds places
/// (`**Query**`) and `Schema` the types.
pub fn settle_columns(header: &[Cell], rows: &[Row], mut cols: Columns) -> Columns {
    let words: Vec<String> = header.iter().map(header_words).collect();
    // A column without a header (or an unknown one: Laravel's `Status`) whose cells say
    // `required` / `optional`.
    if cols.required.is_none() {
        let known = [cols.ty, cols.place, cols.optional, cols.default, cols.description, cols.notes, cols.values];
        cols.required = (0..header.len()).find(|&i| {
            let marks = rows.iter().filter(|r| r.cells.get(i).is_some_and(|c| matches!(badge(&c.text), Some(Detail::Required(_))))).count();
            !known.contains(&Some(i)) && i != cols.name && !rows.is_empty() && marks * 2 > rows.len()
        });
    }
    if let Some(t) = cols.ty {
        let places = rows.iter().filter(|r| r.cells.get(t).is_some_and(|c| place_word(&c.text).is_some())).count();
        if !rows.is_empty() && places * 2 > rows.len() {
            cols.place = Some(t);
            cols.ty = words.iter().position(|w| w == "schema" || w == "data type" || w == "datatype");
        }
    }
    cols
}

/// A second name-like column whose cells are places (ServiceStack's `Name | Parameter | …`).
pub fn place_column(header: &[Cell], rows: &[Row], cols: &Columns) -> Option<usize> {
    if cols.place.is_some() {
        return cols.place;
    }
    (0..header.len()).filter(|&i| i != cols.name).find(|&i| {
        let places = rows.iter().filter(|r| r.cells.get(i).is_some_and(|c| place_word(&c.text).is_some())).count();
        !rows.is_empty() && places * 2 > rows.len()
    })
}

/// What an `In` cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InCell {
    Place(Place),
    Body(Option<BodyKind>),
}

pub fn place_word(text: &str) -> Option<InCell> {
    let t = strip_emphasis_marks(text).to_lowercase();
    // Swagger UI prints `(path)`, `(query)`; swagger2markup 0.x `PathParameter`.
    let t = t.trim().trim_start_matches('(').trim_end_matches(')');
    let t = t.strip_suffix("parameter").filter(|p| !p.is_empty() && !p.ends_with(' ')).unwrap_or(t);
    Some(match t {
        "path" | "uri" | "url" | "route" | "template" | "path parameter" => InCell::Place(Place::Path),
        "query" | "querystring" | "query string" | "query parameter" => InCell::Place(Place::Query),
        "header" | "headers" | "header parameter" => InCell::Place(Place::Header),
        "cookie" | "cookies" => InCell::Place(Place::Cookie),
        "body" | "json" | "payload" | "request body" => InCell::Body(None),
        "formdata" | "form" | "form data" | "formdata parameter" | "form-data" | "formdata " => InCell::Body(Some(BodyKind::Form)),
        "multipart" => InCell::Body(Some(BodyKind::Multipart)),
        _ => return None,
    })
}

/// A required cell: `yes`, `true`, `required`, `✓`, `x` mean required; empty means not.
fn required_cell(text: &str) -> Option<bool> {
    let t = strip_emphasis_marks(text).to_lowercase();
    let t = t.trim().trim_end_matches('.');
    Some(match t {
        "yes" | "y" | "true" | "required" | "✓" | "✔" | "✔️" | "✅" | "☑" | "☑️" | "✅ yes" | "x" | "mandatory" | "是" | "はい" | "○" | "◯" | "ja" | "oui"
        | "sí" | "si" | "sim" | "必須" | "必填" | "required*" | "1" => true,
        "" | "no" | "n" | "false" | "optional" | "-" | "–" | "—" | "×" | "❌" | "✗" | "✘" | "❌ no" | "否" | "いいえ" | "nein" | "non" | "não" | "0"
        | "[optional]" | "任意" | "选填" | "可选" => false,
        _ if t.starts_with("required") || t.starts_with("yes") => true,
        _ if t.starts_with("optional") || t.starts_with("no") => false,
        _ => return None,
    })
}

/// One table row as a field.
pub fn row_field(cols: &Columns, place_col: Option<usize>, row: &Row) -> Option<FieldDoc> {
    let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(|c| c.text.trim()).filter(|t| !t.is_empty());
    // A row cut off after its first cell (a truncated page) says nothing reliable.
    if row.cells.len() == 1 && [cols.ty, cols.description, cols.place, cols.required].iter().flatten().count() >= 2 {
        return None;
    }
    let (marks, name_cell) = depth_marker(cell(Some(cols.name))?);
    let depth = marks + row.cells.get(cols.name).map_or(0, |c| usize::from(c.indent));
    let mut lines = name_cell.lines();
    let first = lines.next()?;
    let mut tokens = first.split_whitespace();
    let (name, starred) = clean_name(tokens.next()?);
    if !(is_name(&name) || name.contains('-') && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')) {
        return None;
    }
    let mut f = FieldDoc::named(&name, row.line);
    f.depth = depth;
    if starred {
        f.required = Some(true);
    }
    // `**name** <br>*required*`, `id string required`: the rest of the name cell.
    for word in tokens.chain(lines.flat_map(str::split_whitespace)) {
        if let Some(d) = badge(word) {
            f.apply(d);
        } else if let Some(t) = type_words(word, false) {
            f.apply(Detail::Type(t));
        } else if let Some(p) = place_word(word) {
            apply_in(&mut f, p);
        }
    }
    if let Some(t) = cell(cols.ty) {
        read_type_cell(&mut f, t);
    }
    if let Some(p) = cell(place_col).and_then(place_word) {
        apply_in(&mut f, p);
    }
    if let Some(r) = cell(cols.required).and_then(required_cell) {
        f.required = Some(r);
    } else if cols.required.is_some() && cell(cols.required).is_none() {
        f.required.get_or_insert(false);
    }
    if let Some(o) = cell(cols.optional).and_then(required_cell) {
        f.required = Some(!o);
    }
    if let Some(d) = cell(cols.default) {
        let d = d.trim_matches(['"', '`']);
        if !is_placeholder(d) && d != "null" {
            f.default = Some(d.to_string());
        }
    }
    if let Some(v) = cell(cols.values) {
        let (values, odd) = split_values(v);
        f.values.extend(values.into_iter().map(EnumValue::new));
        f.odd_values.extend(odd);
    }
    if let Some(n) = cell(cols.notes) {
        for line in n.lines() {
            match detail_line(line) {
                Some(d) => f.apply(d),
                None if !is_placeholder(line) => f.describe(line),
                None => {}
            }
        }
    }
    if let Some(d) = cell(cols.description).filter(|d| !is_placeholder(d)) {
        // apidoc-markdown opens the description with the badge (`**optional** An optional param`).
        if let Some(Detail::Required(r)) = d.split_whitespace().next().map(|w| w.trim_matches(['*', '_'])).and_then(badge) {
            f.required.get_or_insert(r);
        }
        // Without a type column the description may start with the type (`Integer (int32)`).
        let first = d.lines().next().unwrap_or("");
        // A cell that is nothing but a type (`object (PlantCreate)`, rendered from a schema).
        let whole = (cols.ty.is_none() && f.ty.is_none() && !d.contains('\n'))
            .then(|| type_words(d.trim(), true))
            .flatten()
            .filter(|t| t.ty.ref_name().is_some() && d.contains(['(', '[', '<']));
        if let Some(t) = whole {
            f.apply(Detail::Type(t));
            return Some(f);
        }
        match leading_type(first).filter(|(t, _)| cols.ty.is_none() && f.ty.is_none() && (t.named == 0 || matches!(t.ty, crate::schema::Type::Array { .. }))) {
            Some((t, rest)) => {
                f.apply(Detail::Type(t));
                f.describe(&rest);
                for l in d.lines().skip(1) {
                    f.describe(l);
                }
            }
            None => f.describe(d),
        }
        if f.values.is_empty() {
            f.values = listed_values(d).into_iter().map(EnumValue::new).collect();
        }
    }
    Some(f)
}

/// Values listed one per line under a label in a description cell (ServiceStack's
/// `<h4>Allowable Values</h4><ul>…`).
fn listed_values(text: &str) -> Vec<String> {
    let mut lines = text.lines().map(str::trim);
    let labelled = lines.by_ref().any(|l| {
        let l = l.trim_end_matches(':').to_ascii_lowercase();
        ["allowable values", "allowed values", "possible values", "valid values", "enum values"].iter().any(|label| l.ends_with(label))
    });
    if !labelled {
        return Vec::new();
    }
    lines.take_while(|l| !l.is_empty() && !l.contains(' ')).map(|l| l.trim_matches(['`', '"', ',']).to_string()).collect()
}

/// A type cell: `string`, `string (required)`, `integer <int32>`, `[Pet]`, `Array of strings`,
/// `string` + `Enum: a, b` on the next line.
fn read_type_cell(f: &mut FieldDoc, text: &str) {
    for (i, line) in text.lines().enumerate() {
        let mut words = line.to_string();
        for marker in ["(required)", "(optional)", "required", "optional", "Required", "Optional", "REQUIRED", "OPTIONAL", "(nullable)", "nullable"] {
            // A word of its own: `PAYMENT_REQUIRED` in an enum's values is not the badge.
            let standalone = |at: usize| {
                let before = words[..at].chars().next_back();
                let after = words[at + marker.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            };
            if let Some(at) = words.match_indices(marker).map(|(at, _)| at).find(|&at| standalone(at)) {
                if let Some(d) = badge(marker) {
                    f.apply(d);
                }
                words.replace_range(at..at + marker.len(), "");
            }
        }
        let words = words.trim();
        if words.is_empty() {
            continue;
        }
        // `date (YYYY-MM-DD)`, `string (ISO 8601)`: a note in parentheses after the type.
        // `string minLength: 1maxLength: 80 pattern: …` (Microsoft Learn): the type, then
        // its constraints.
        let constrained = || leading_type(words).filter(|(_, rest)| crate::parse::recognise::field::is_constraint(&rest.to_lowercase())).map(|(t, _)| t);
        match type_words(words, true).or_else(|| words.split_once(" (").and_then(|(head, _)| type_words(head, true))).or_else(constrained) {
            Some(t) if i == 0 || f.ty.is_none() => f.apply(Detail::Type(t)),
            _ => match detail_line(words) {
                Some(d) => f.apply(d),
                None if i == 0 => {
                    // An unknown spelling: keep it for the warning the reader gives.
                    f.constraints.push(format!("type: {words}"));
                }
                None => {}
            },
        }
    }
}

fn apply_in(f: &mut FieldDoc, p: InCell) {
    match p {
        InCell::Place(place) => f.place = Some(place),
        InCell::Body(kind) => f.in_body = Some(kind),
    }
}

/// A row of a table without a recognised header, read as a field: the first cell holds
/// the name (and maybe badges), later cells the type, badges and description.
pub fn headerless_row(cells: &[Cell], line: u32) -> Option<FieldDoc> {
    let first = cells.first()?.text.trim();
    let mut lines = first.lines();
    let head = lines.next()?;
    let mut tokens = head.split_whitespace();
    let (name, starred) = clean_name(tokens.next()?);
    if !is_name(&name) {
        return None;
    }
    let mut f = FieldDoc::named(&name, line);
    if starred {
        f.required = Some(true);
    }
    let mut typed = false;
    let rest: Vec<&str> = tokens.collect();
    let rest = rest.join(" ");
    let later = cells[1..].iter().flat_map(|c| c.text.lines()).map(str::trim).filter(|l| !l.is_empty());
    for part in std::iter::once(rest.as_str()).chain(lines).chain(later) {
        if part.is_empty() {
            continue;
        }
        if let Some(d) = detail_line(part) {
            f.apply(d);
            continue;
        }
        if !typed {
            // The type may share its line with badges and the description:
            // `string <uuid> required`, `integer <int64> Example: 8812 The show.`
            // Badges sit among the first words; `required` later is prose (`the bandwidth
            // required for a response`).
            let cleaned: String = part
                .split_whitespace()
                .enumerate()
                .filter(|(i, w)| *i >= 4 || badge(w).map(|d| f.apply(d)).is_none())
                .map(|(_, w)| w)
                .collect::<Vec<_>>()
                .join(" ");
            let cleaned = match crate::parse::recognise::field::unglue_type(&cleaned) {
                Some((ty, description)) => format!("{ty} {description}"),
                None => cleaned,
            };
            if let Some((t, rest)) = leading_type(&cleaned).filter(|(t, _)| t.named == 0 || matches!(t.ty, crate::schema::Type::Array { .. })) {
                f.apply(Detail::Type(t));
                typed = true;
                f.describe(&strip_example(&rest));
                continue;
            }
        }
        f.describe(part);
    }
    (typed || f.required.is_some()).then_some(f)
}

/// Endpoints listed in a table: one cell `GET /x`, or a method cell and a path cell.
pub fn endpoint_rows(header: &[Cell], rows: &[Row]) -> Vec<(Endpoint, Option<String>, u32)> {
    let words: Vec<String> = header.iter().map(header_words).collect();
    let desc_col = words.iter().position(|w| DESCRIPTION.contains(&w.as_str()) || w == "summary" || w == "title" || w == "operation");
    let method_col = words.iter().position(|w| matches!(w.as_str(), "method" | "http method" | "verb" | "http verb"));
    let path_col = words.iter().position(|w| matches!(w.as_str(), "path" | "endpoint" | "url" | "uri" | "route" | "resource" | "http request" | "request"));
    let mut out = Vec::new();
    for row in std::iter::once(&Row { line: 0, cells: header.to_vec() }).chain(rows) {
        let found = row.cells.iter().find_map(|c| endpoint_in_line(&c.text)).or_else(|| {
            let (m, p) = (method_col?, path_col?);
            let method = strip_emphasis_marks(&row.cells.get(m)?.text);
            Method::parse(&method)?;
            endpoint_in_line(&format!("{} {}", method.to_ascii_uppercase(), strip_emphasis_marks(&row.cells.get(p)?.text)))
        });
        let summary = desc_col.and_then(|d| row.cells.get(d)).map(|c| c.line()).filter(|s| !s.is_empty());
        if let Some(e) = found {
            out.push((e, summary, row.line));
            continue;
        }
        // Unlabelled columns: a verbs cell (`POST`, `GET,PUT`) and a path cell (ServiceStack's routes).
        let path = row.cells.iter().map(|c| c.text.trim()).find(|t| t.starts_with('/') && !t.contains(' '));
        let verbs = row
            .cells
            .iter()
            .map(|c| c.text.trim())
            .find(|t| !t.is_empty() && t.split(',').all(|v| Method::parse(v.trim()).is_some() && v.trim().chars().all(|c| c.is_ascii_uppercase())));
        if let (Some(path), Some(verbs)) = (path, verbs) {
            let summary = row.cells.iter().map(|c| c.line()).find(|t| !t.is_empty() && t.as_str() != path && t.as_str() != verbs);
            for v in verbs.split(',') {
                if let Some(e) = endpoint_in_line(&format!("{} {path}", v.trim())) {
                    out.push((e, summary.clone(), row.line));
                }
            }
        }
    }
    out
}

/// A table of status codes or error codes (`Status | Meaning`, `Code | Description`).
pub fn is_status_table(header: &[Cell], rows: &[Row]) -> bool {
    let words: Vec<String> = header.iter().map(header_words).collect();
    let status_header = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "status" | "status code" | "code" | "http code" | "http status" | "error code" | "response code" | "error"));
    // `200 OK`, and Microsoft Learn's `Other Status Codes` / `default` rows.
    let status_cell = |t: &str| {
        t.get(..3).is_some_and(|d| d.chars().all(|x| x.is_ascii_digit()))
            || t.eq_ignore_ascii_case("default")
            || t.to_ascii_lowercase().starts_with("other status")
    };
    let numeric = rows.iter().filter(|r| r.cells.first().is_some_and(|c| status_cell(c.text.trim()))).count();
    status_header && !codes_are_names(rows) || !rows.is_empty() && numeric * 2 > rows.len()
}

/// A `Code | Description` table whose codes are all field names (`email`, `api_key`): a
/// spec that listed the response's fields as its codes.
pub fn codes_are_names(rows: &[Row]) -> bool {
    rows.len() >= 2
        && rows.iter().all(|r| {
            r.cells.first().is_some_and(|c| {
                let t = c.text.trim();
                crate::parse::recognise::field::is_name(t)
                    && !t.starts_with(|ch: char| ch.is_ascii_digit())
                    && !t.eq_ignore_ascii_case("default")
                    && !t.contains("XX")
            })
        })
}

/// `Content-Type | application/x-www-form-urlencoded` rows name the body encoding.
pub fn table_media(rows: &[Row]) -> Option<BodyKind> {
    rows.iter().flat_map(|r| &r.cells).find_map(|c| crate::media::body_kind_in_text(&c.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::blocks::Inline;
    use crate::schema::Type;

    fn cells(t: &[&str]) -> Vec<Cell> {
        t.iter().map(|s| Inline::plain(s)).collect()
    }

    #[test]
    fn tables_copied_with_spaces() {
        let h = spaced_header("Name In Required Type Description").unwrap();
        let f = spaced_row(&h, "token path required string", 3).unwrap();
        assert_eq!((f.name.as_str(), f.place, f.required), ("token", Some(Place::Path), Some(true)));
        // A section word alone is not a row; neither is a glued header with `Data Type`.
        assert!(spaced_row(&h, "Responses", 4).is_none());
        assert!(spaced_header("NameParameterData TypeRequiredDescription").is_none());
        let two = spaced_header("Name Description").unwrap();
        assert_eq!(spaced_row(&two, "ids The IDs of the automations to delete", 5).map(|f| f.name), Some("ids".to_string()));
        assert!(spaced_row(&two, "The DELETE request takes one parameter", 6).is_none());
    }

    #[test]
    fn glued_rows_with_the_description_second() {
        let h: Vec<String> = ["Name", "Description", "In", "Required", "Type"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            glued_row(&h, "$countInclude collection length in the response.queryfalseboolean").unwrap(),
            ["$count", "Include collection length in the response.", "query", "false", "boolean"]
        );
        assert_eq!(glued_row(&h, "@nextLinkA reference to the next page.queryfalsestring , format: uri").unwrap()[0], "@nextLink");
        assert_eq!(spread_row_start(&h, "$topNumber of results per page.").unwrap(), ("$top".to_string(), "Number of results per page.".to_string()));
        assert_eq!(spread_row_end(&h, "headertrueinteger").unwrap(), ["header", "true", "integer"]);
        assert!(spread_row_end(&h, "Maximum: 1000").is_none());
    }

    #[test]
    fn tables_copied_one_cell_per_line() {
        // ASP.NET help pages as text: description before type, empty descriptions left out,
        // two annotation lines in the last cell.
        let lines = [
            ("Name", 1),
            ("Description", 1),
            ("Type", 1),
            ("Additional information", 1),
            ("crateId", 2),
            ("integer", 3),
            ("Required", 4),
            ("Label", 5),
            ("Text printed on the crate label.", 6),
            ("string", 7),
            ("Required", 8),
            ("String length: inclusive between 1 and 40", 9),
            ("ColdStore", 10),
            ("Cold store the crate moves to.", 11),
            ("ColdStoreCode", 12),
            ("None.", 13),
            ("Request Formats", 14),
        ];
        let (_, rows, used) = vertical_table(&lines).unwrap();
        let got: Vec<Vec<&str>> = rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(
            got,
            [
                vec!["crateId", "", "integer", "Required"],
                vec!["Label", "Text printed on the crate label.", "string", "Required\nString length: inclusive between 1 and 40"],
                vec!["ColdStore", "Cold store the crate moves to.", "ColdStoreCode", "None."]
            ]
        );
        assert_eq!(used, 16);
    }
    fn row(t: &[&str]) -> Row {
        Row { line: 3, cells: cells(t) }
    }

    #[test]
    fn any_column_order() {
        let header = cells(&["Description", "Required", "Type", "In", "Parameter"]);
        let cols = columns(&header).unwrap();
        let f = row_field(&cols, place_column(&header, &[], &cols), &row(&["Page size. Defaults to 20.", "no", "integer", "query", "limit"])).unwrap();
        assert_eq!((f.name.as_str(), f.required, f.place, f.default.as_deref()), ("limit", Some(false), Some(Place::Query), Some("20")));
        assert_eq!(f.ty.unwrap().ty, Type::integer());
    }

    #[test]
    fn cell_markup() {
        let header = cells(&["Name", "Description"]);
        let cols = columns(&header).unwrap();
        let f = row_field(&cols, None, &row(&["**account_id**\n*required*", "The account"])).unwrap();
        assert_eq!((f.name.as_str(), f.required), ("account_id", Some(true)));
        let f = row_field(&cols, None, &row(&["name*", "x"])).unwrap();
        assert_eq!(f.required, Some(true));
        // ServiceStack: a second name-like column holds the place.
        let header = cells(&["Name", "Parameter", "Data Type", "Required", "Description"]);
        let cols = columns(&header).unwrap();
        let rows = [row(&["Id", "path", "int", "Yes", ""]), row(&["Q", "query", "string", "No", ""])];
        assert_eq!(place_column(&header, &rows, &cols), Some(1));
    }

    #[test]
    fn badges_glued_between_name_and_type() {
        let header = glued_header("NameTypeScopes").unwrap();
        assert_eq!(glued_row(&header, "X-Traceoptionalstring").unwrap()[0], "X-Trace optional");
    }

    #[test]
    fn glued_headers_and_rows_in_chinese() {
        let header = glued_header("参数名类型是否必填说明").unwrap();
        assert_eq!(header, ["参数名", "类型", "是否必填", "说明"]);
        assert_eq!(glued_row(&header, "client_idstring是分配的 client ID").unwrap(), ["client_id", "string", "是", "分配的 client ID"]);
    }

    #[test]
    fn row_heads_whose_type_follows() {
        let header: Vec<String> = ["Name", "Required", "Type", "Description"].map(String::from).to_vec();
        let f = spaced_row_head(&header, "kind True", 3).unwrap();
        assert_eq!((f.name.as_str(), f.required), ("kind", Some(true)));
        assert_eq!(spaced_row_head(&header, "glazing", 3).map(|f| f.required), Some(None));
        assert!(spaced_row_head(&header, "integer", 3).is_none());
        assert!(spaced_row_head(&header, "Indicates the kind", 3).is_none());
        assert!(spaced_row_head(&header, "kind maybe", 3).is_none());
        let korean: Vec<String> = "이름 필수 형식 Description".split(' ').map(String::from).collect();
        assert_eq!(spaced_header("이름 필수 형식 Description"), Some(korean));
    }

    #[test]
    fn headerless_rows() {
        let f = headerless_row(&cells(&["petId\nrequired", "integer <int64>\nID of pet to return"]), 4).unwrap();
        assert_eq!((f.name.as_str(), f.required, f.description.as_deref()), ("petId", Some(true), Some("ID of pet to return")));
        assert_eq!(f.ty.unwrap().ty, Type::Integer { bits: Some(64) });
        assert!(headerless_row(&cells(&["Status", "Meaning"]), 1).is_none());
    }

    #[test]
    fn endpoint_tables() {
        let header = cells(&["Method", "HTTP request", "Description"]);
        let rows = [row(&["add_pet", "POST /pet", "Add a pet"]), row(&["get_pet", "GET /pet/{id}", ""])];
        let found = endpoint_rows(&header, &rows);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1.as_deref(), Some("Add a pet"));
        let header = cells(&["Verb", "Path"]);
        assert_eq!(endpoint_rows(&header, &[row(&["DELETE", "/pets/:id"])])[0].0.path, "/pets/{id}");
    }
}
