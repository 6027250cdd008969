//! The swagger-codegen / openapi-generator doc interpreter.
//!
//! Front ends (`swagger_md` for markdown, `html::swagger` for rendered HTML) turn a page
//! into a flat list of [`Block`]s; [`interpret`] turns those into a [`ParsedDoc`]. The
//! generators' conventions (Properties tables, `Wraps VERB /path`, `[optional]` notes,
//! signature headings and their glitches) are understood here once.

use crate::diag::Diagnostics;
use crate::parse::blocks::{Block, Cell, Inline, Row, flatten};
use crate::parse::text::{loose_key, normalize_ws, percent_decode, split_list, strip_emphasis_marks};
use crate::parse::types::parse_type;
use crate::schema::{
    EnumValue, Field, Location, Method, Model, Operation, Param, ParsedDoc, PermissionRule, Permissions, Returns, Source, Type, path_placeholders,
};
use std::collections::{HashMap, HashSet};

/// Whether blocks look like SDK docs (an HTML rendering of them): a `Properties` heading
/// with a `Name | Type` table, method sections (`Parameters` / `Return type` headings with
/// such tables), `All URIs are relative to`, or `Wraps VERB /path`.
pub fn looks_like_blocks(blocks: &[Block]) -> bool {
    let (mut properties, mut method_heading, mut name_type_table) = (false, false, false);
    for b in blocks {
        match b {
            Block::Heading { inline, .. } => match inline.line().to_ascii_lowercase().trim_end_matches([':', ' ']) {
                "properties" => properties = true,
                "parameters" | "path parameters" | "other parameters" | "return type" | "http request" => method_heading = true,
                _ => {}
            },
            Block::Paragraph { inline, .. } => {
                let lower = inline.text.to_ascii_lowercase();
                if lower.contains("all uris are relative to") || lower.starts_with("wraps ") && http_line(&inline.text).is_some() {
                    return true;
                }
            }
            Block::Table { header, .. } => {
                let words: Vec<String> = header.iter().map(|c| c.line().to_ascii_lowercase()).collect();
                name_type_table |= words.len() >= 2 && words[0] == "name" && words[1] == "type";
            }
            _ => {}
        }
        if name_type_table && (properties || method_heading) {
            return true;
        }
    }
    false
}

/// Interpret the blocks of one swagger-style document.
pub fn interpret(file: &str, blocks: &[Block], diags: &mut Diagnostics) -> ParsedDoc {
    let mut it =
        Interp { file, blocks, diags, doc: ParsedDoc::default(), index: HashMap::new(), enums: HashMap::new(), enum_links: Vec::new(), ops: Vec::new() };
    it.run();
    it.finish()
}

// ---------------------------------------------------------------------------------------
// Small recognisers over one line of text.

/// Headings that name a part of a page rather than a model, API or method.
fn is_doc_section(text: &str) -> bool {
    let t = strip_emphasis_marks(text).to_ascii_lowercase();
    let t = t.trim_end_matches(':');
    const SECTIONS: &[&str] = &[
        "properties",
        "parameters",
        "path parameters",
        "other parameters",
        "query parameters",
        "header parameters",
        "form parameters",
        "body parameter",
        "body parameters",
        "example",
        "examples",
        "return type",
        "http request",
        "http request headers",
        "http response details",
        "authorization",
        "methods",
        "enum",
        "usage",
        "request body",
        "response",
        "responses",
    ];
    SECTIONS.contains(&t) || t.starts_with("enum:") || t.starts_with("using the ") || t.starts_with("title:")
}

fn is_ident(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// `PureCloud::UsersApi`, `Org.OpenAPITools.Model.Pet`, `Swagger\Client\PetApi` → last part.
fn clean_title(text: &str) -> String {
    let t = strip_emphasis_marks(text);
    let t = t.trim_start_matches('\\');
    if t.contains(char::is_whitespace) {
        return t.to_string();
    }
    let t = t.rsplit("::").next().unwrap_or(t);
    let t = t.rsplit('\\').next().unwrap_or(t);
    t.rsplit('.').next().unwrap_or(t).to_string()
}

/// A method signature as printed in a heading or a `> ...` line.
#[derive(Debug, Clone, PartialEq)]
struct Signature {
    name: String,
    /// The return type spelling before the name, if any (`Array<User>`).
    ret: Option<String>,
    args: Vec<String>,
    /// The argument list's `)` is missing.
    unbalanced: bool,
}

/// `-[**Empty**](Empty.html) delete_user(user_id)` (flattened), `Pet addPet(pet)`,
/// `AddPet(ctx).Body(body).Execute()`, `Pet AddPet (Pet pet)`, `dict(str, int) count()`.
fn parse_signature(text: &str) -> Option<Signature> {
    let t = strip_emphasis_marks(text);
    let ruby_heading = t.starts_with('-');
    let t = t.trim_start_matches(['-', '>', ' ']);
    // The return type may contain parentheses itself, so try each `(` in turn.
    let found = t.match_indices('(').find_map(|(open, _)| signature_at(t, open));
    // Ruby headings of methods without arguments have no parentheses at all.
    found.or_else(|| ruby_heading.then(|| bare_signature(t)).flatten())
}

/// `Empty delete_identityproviders_adfs`: return type, then the name.
fn bare_signature(t: &str) -> Option<Signature> {
    let (ret, name) = t.trim().rsplit_once(' ').unwrap_or(("", t.trim()));
    let ret = ret.trim();
    let ret_ok = ret.is_empty() || is_no_body(ret) || parse_type(ret).is_ok();
    (is_ident(name) && ret_ok).then(|| Signature {
        name: name.to_string(),
        ret: (!ret.is_empty()).then(|| ret.to_string()),
        args: Vec::new(),
        unbalanced: false,
    })
}

fn signature_at(t: &str, open: usize) -> Option<Signature> {
    let before = t[..open].trim_end();
    // Step over the whole separator character: it may be multi-byte (fuzzer-found).
    let name_start = before.char_indices().rfind(|&(_, c)| !(c.is_alphanumeric() || c == '_')).map_or(0, |(i, c)| i + c.len_utf8());
    let name = &before[name_start..];
    if !is_ident(name) {
        return None;
    }
    let ret = before[..name_start].trim();
    let mut depth = 0usize;
    let close = t[open..].char_indices().find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(open + i)
    });
    let (inner, rest) = match close {
        Some(close) => (&t[open + 1..close], t[close + 1..].trim()),
        None => (&t[open + 1..], ""),
    };
    // Prose such as `A pet (dog or cat) for sale` is not a signature: the return type must
    // read as a type and nothing but chained calls (Go builders) may follow.
    let chained = rest.strip_prefix('.').is_some_and(|r| r.starts_with(|c: char| c.is_alphabetic()));
    if !(rest.is_empty() || chained) {
        return None;
    }
    if !ret.is_empty() && !is_no_body(ret) && parse_type(ret).is_err() {
        return None;
    }
    let args = inner.split(',').map(|a| a.split('=').next().unwrap_or("").trim().to_string()).filter(|a| !a.is_empty()).collect();
    Some(Signature { name: name.to_string(), ret: (!ret.is_empty()).then(|| ret.to_string()), args, unbalanced: close.is_none() })
}

fn is_no_body(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    matches!(l.as_str(), "nil" | "null" | "void" | "none" | "unit" | "()") || l.contains("empty response body")
}

/// `Wraps GET /api/v2/users`, `**GET** /pet/{petId}`, `` `DELETE /x` ``, `Post /pet`.
pub(crate) fn http_line(text: &str) -> Option<(Method, String)> {
    text.lines().find_map(|line| {
        let l = strip_emphasis_marks(line);
        let l = l.strip_prefix("Wraps ").or_else(|| l.strip_prefix("wraps ")).unwrap_or(&l);
        let mut words = l.split_whitespace();
        let method = Method::parse(words.next()?)?;
        let target = words.next()?;
        if words.next().is_some() {
            return None;
        }
        let path = if let Some(rest) = target.strip_prefix("https://").or_else(|| target.strip_prefix("http://")) {
            rest.find('/').map_or("/".to_string(), |i| rest[i..].to_string())
        } else if target.starts_with('/') {
            target.to_string()
        } else {
            return None;
        };
        Some((method, path))
    })
}

/// `Requires ANY permissions:` and friends; permissions listed after the colon are kept.
fn permission_line(text: &str) -> Option<Permissions> {
    let l = normalize_ws(text);
    let lower = l.to_ascii_lowercase();
    let rest = lower.strip_prefix("requires ")?;
    let rule = if rest.starts_with("any permission") {
        PermissionRule::Any
    } else if rest.starts_with("all permission") {
        PermissionRule::All
    } else if rest.starts_with("no permission") {
        PermissionRule::None
    } else {
        return None;
    };
    let list = l.split_once(':').map(|(_, after)| split_list(after)).unwrap_or_default();
    Some(Permissions { rule, list, text: None })
}

fn is_deprecation(inline: &Inline) -> bool {
    let lower = inline.text.to_ascii_lowercase();
    inline.struck
        || inline.text.contains("DEPRECATED")
        || lower.contains("has been deprecated")
        || lower.contains("is deprecated")
        || lower.starts_with("deprecated")
}

/// kramdown's inline attribute lists (`{: class="table table-striped"}`) are layout only.
fn is_kramdown_ial(text: &str) -> bool {
    text.trim_start().starts_with("{:")
}

fn base_url(text: &str) -> Option<String> {
    let l = normalize_ws(text);
    let at = l.to_ascii_lowercase().find("all uris are relative to")?;
    let url = l[at + "all uris are relative to".len()..].trim().trim_matches(['*', '`', ' ']).trim_end_matches('.');
    (!url.is_empty()).then(|| url.to_string())
}

/// What a Notes (or Required) cell says.
#[derive(Debug, Default, PartialEq)]
struct Notes {
    optional: bool,
    required: bool,
    readonly: bool,
    default: Option<String>,
    values: Vec<String>,
}

fn parse_notes(text: &str) -> Notes {
    let lower = text.to_ascii_lowercase();
    let mut notes = Notes {
        optional: lower.contains("[optional]"),
        required: lower.contains("[required]"),
        readonly: lower.contains("[readonly]") || lower.contains("[read-only]") || lower.contains("[read only]"),
        ..Notes::default()
    };
    if let Some(at) = lower.find("[default to ") {
        let start = at + "[default to ".len();
        // The value may itself contain brackets (`[default to []]`).
        let mut depth = 0usize;
        let end = text[start..].char_indices().find(|&(_, c)| {
            match c {
                '[' => depth += 1,
                ']' if depth == 0 => return true,
                ']' => depth -= 1,
                _ => {}
            }
            false
        });
        let value = end.map_or(&text[start..], |(i, _)| &text[start..start + i]);
        let value = unquote(value.trim());
        if !matches!(value, "" | "undefined" | "null" | "nil" | "None") {
            notes.default = Some(value.to_string());
        }
    }
    if let Some(at) = lower.find("values:") {
        let rest = &text[at + "values:".len()..];
        let first_line = rest.lines().next().unwrap_or("");
        notes.values = split_list(first_line).into_iter().map(|v| unquote(&v).to_string()).collect();
    }
    notes
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

/// A Required column cell: `[required]`, `true`, `Yes` mean required.
fn required_cell(text: &str) -> bool {
    let l = strip_emphasis_marks(text).to_ascii_lowercase();
    !matches!(l.as_str(), "" | "false" | "no" | "optional" | "[optional]" | "-")
}

/// Column positions of a `Name | Type | Description | Notes` table.
#[derive(Debug, Clone, Copy)]
struct Columns {
    name: usize,
    ty: usize,
    desc: Option<usize>,
    notes: Option<usize>,
    required: Option<usize>,
    width: usize,
}

impl Columns {
    fn of(header: &[Cell]) -> Option<Columns> {
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
struct RowData {
    name: String,
    type_text: String,
    link: Option<String>,
    ty: Type,
    description: Option<String>,
    required: bool,
    notes: Notes,
    line: u32,
}

/// Index tables (`Method | HTTP request | Description`) map method names to method/path.
struct IndexEntry {
    http: Option<(Method, String)>,
    summary: Option<String>,
}

/// Where the parser is inside one method section.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sub {
    /// Between the signature and the first sub-heading: description, wraps, permissions.
    Intro,
    Params(Option<Location>),
    Returns,
    HttpRequest,
    /// Examples, headers, authorization: nothing to read.
    Other,
}

impl Sub {
    fn of(heading: &str) -> Sub {
        let t = strip_emphasis_marks(heading).to_ascii_lowercase();
        let t = t.trim_end_matches(':');
        if t.contains("parameter") {
            let hint = if t.starts_with("path") {
                Some(Location::Path)
            } else if t.starts_with("query") {
                Some(Location::Query)
            } else if t.starts_with("header") {
                Some(Location::Header)
            } else if t.starts_with("body") {
                Some(Location::Body)
            } else {
                None
            };
            Sub::Params(hint)
        } else if matches!(t, "return type" | "return value" | "returns" | "response type") {
            Sub::Returns
        } else if t == "http request" {
            Sub::HttpRequest
        } else {
            Sub::Other
        }
    }
}

struct PendingOp {
    op: Operation,
    hints: Vec<Option<Location>>,
    args: Vec<String>,
}

// ---------------------------------------------------------------------------------------

struct Interp<'a> {
    file: &'a str,
    blocks: &'a [Block],
    diags: &'a mut Diagnostics,
    doc: ParsedDoc,
    index: HashMap<String, IndexEntry>,
    /// `## Enum: StatusEnum` tables (openapi-generator Java) by loose enum name.
    enums: HashMap<String, Vec<EnumValue>>,
    /// Fields typed `[**StatusEnum**](#StatusEnum)`: (model, field, loose enum name).
    enum_links: Vec<(usize, usize, String)>,
    ops: Vec<PendingOp>,
}

impl<'a> Interp<'a> {
    fn src(&self, line: u32) -> Source {
        Source::new(self.file, line)
    }

    fn warn(&mut self, line: u32, message: impl Into<String>, hint: &str) {
        let src = self.src(line);
        self.diags.warn(src, message, Some(hint.to_string()));
    }

    fn run(&mut self) {
        let blocks = self.blocks;
        // The heading that names what follows (model or API), and paragraphs right after it.
        let mut title: Option<(String, u32)> = None;
        let mut front_title: Option<(String, u32)> = None;
        let mut desc: Vec<String> = Vec::new();
        let mut i = 0;
        while i < blocks.len() {
            match &blocks[i] {
                Block::FrontMatter { title: Some(t), line } => front_title = Some((t.clone(), *line)),
                Block::Heading { level, inline, line } => {
                    if let Some(sig) = self.method_heading(i) {
                        let end = self.section_end(i, *level);
                        if self.method(sig, &blocks[i..end]) {
                            i = end;
                            continue;
                        }
                    }
                    let text = inline.line();
                    let lower = text.to_ascii_lowercase();
                    if lower.starts_with("title:") {
                        // Front matter a renderer did not recognise (`---` + setext heading).
                        let t = text["title:".len()..].trim();
                        if !t.is_empty() {
                            front_title = Some((t.to_string(), *line));
                        }
                    } else if lower.trim_end_matches(':') == "properties" {
                        let name = title.clone().or_else(|| front_title.clone());
                        self.model(name, std::mem::take(&mut desc), i);
                    } else if let Some(name) = lower.starts_with("enum:").then(|| text["enum:".len()..].trim().to_string()) {
                        self.enum_section(name, i);
                    } else if !is_doc_section(&text) && !text.is_empty() {
                        let t = clean_title(&text);
                        if self.doc.title.is_none() {
                            self.doc.title = Some(t.clone());
                        }
                        title = Some((t, *line));
                    }
                    desc.clear();
                }
                Block::Paragraph { inline, .. } => {
                    if let Some(url) = base_url(&inline.text) {
                        self.doc.base_url.get_or_insert(url);
                    } else if title.is_some() && !is_kramdown_ial(&inline.text) {
                        desc.push(inline.text.clone());
                    }
                }
                Block::Table { header, rows, .. } => self.index_table(header, rows),
                _ => {}
            }
            i += 1;
        }
        if self.doc.title.is_none() {
            self.doc.title = front_title.map(|(t, _)| clean_title(&t));
        }
    }

    /// A heading that starts a method section, with its signature.
    fn method_heading(&self, i: usize) -> Option<Signature> {
        let Block::Heading { inline, .. } = &self.blocks[i] else { return None };
        let text = inline.line();
        if is_doc_section(&text) {
            return None;
        }
        if text.contains('(') || text.starts_with('-') {
            return parse_signature(&text);
        }
        // openapi-generator: `# **getUser**` then `> User getUser(userId)`, or a name
        // listed in the index table.
        let name = strip_emphasis_marks(&text);
        if !is_ident(&name) {
            return None;
        }
        let next_sig = match self.blocks.get(i + 1) {
            Some(Block::Paragraph { inline, .. }) if !inline.text.trim_start().starts_with("func ") => {
                parse_signature(&inline.line()).filter(|s| loose_key(&s.name) == loose_key(&name) && !s.unbalanced)
            }
            _ => None,
        };
        if next_sig.is_some() || self.index.contains_key(&loose_key(&name)) {
            let sig = next_sig.unwrap_or(Signature { name: String::new(), ret: None, args: Vec::new(), unbalanced: false });
            return Some(Signature { name, ..sig });
        }
        None
    }

    fn section_end(&self, start: usize, level: u8) -> usize {
        (start + 1..self.blocks.len())
            .find(|&j| matches!(&self.blocks[j], Block::Heading { level: l, .. } if *l <= level) || self.method_heading(j).is_some())
            .unwrap_or(self.blocks.len())
    }

    fn index_table(&mut self, header: &[Cell], rows: &[Row]) {
        let names: Vec<String> = header.iter().map(|c| c.line().to_ascii_lowercase()).collect();
        let (Some(mcol), Some(hcol)) = (names.iter().position(|n| n == "method"), names.iter().position(|n| n.contains("http request"))) else {
            return;
        };
        let dcol = names.iter().position(|n| n == "description");
        for row in rows {
            let Some(name) = row.cells.get(mcol).map(|c| strip_emphasis_marks(&c.text)).filter(|n| !n.is_empty()) else { continue };
            let http = row.cells.get(hcol).and_then(|c| http_line(&c.text));
            let summary = dcol.and_then(|d| row.cells.get(d)).map(|c| c.line()).filter(|s| !s.is_empty());
            self.index.insert(loose_key(&name), IndexEntry { http, summary });
        }
    }

    /// The first `Name | Type` table after block `at`, before the next heading.
    fn table_after(&self, at: usize) -> Option<(&'a [Cell], &'a [Row], Columns, u32)> {
        let blocks = self.blocks;
        blocks[at + 1..].iter().take_while(|b| !matches!(b, Block::Heading { .. })).find_map(|b| match b {
            Block::Table { header, rows, line } => Columns::of(header).map(|c| (header.as_slice(), rows.as_slice(), c, *line)),
            _ => None,
        })
    }

    fn model(&mut self, name: Option<(String, u32)>, desc: Vec<String>, at: usize) {
        let line = self.blocks[at].line();
        let Some((name, name_line)) = name else {
            self.warn(line, "`Properties` table without a model name heading; skipped", "give the page a `# ModelName` heading or front matter `title:`");
            return;
        };
        let Some((_, rows, cols, table_line)) = self.table_after(at) else {
            self.warn(
                line,
                format!("model `{name}`: `Properties` heading without a `Name | Type | Description | Notes` table"),
                "check the page; the model is read with no fields",
            );
            self.push_model(name, desc, Vec::new(), name_line);
            return;
        };
        if rows.is_empty() {
            self.warn(table_line, format!("model `{name}`: properties table has no rows"), "check the page; the model is read with no fields");
        }
        let model_idx = self.doc.models.len();
        let mut fields = Vec::new();
        let mut seen = HashSet::new();
        for row in rows {
            let Some(r) = self.read_row(cols, row, &name) else { continue };
            if !seen.insert(r.name.clone()) {
                self.warn(r.line, format!("model `{name}`: property `{}` is listed twice; the later row is ignored", r.name), "remove the duplicate row");
                continue;
            }
            if let Some(anchor) = r.link.as_deref().and_then(|l| l.strip_prefix('#')) {
                self.enum_links.push((model_idx, fields.len(), loose_key(&percent_decode(anchor))));
            }
            let mut f = Field::new(r.name, r.ty, r.required, self.src(r.line));
            f.description = r.description;
            f.default = r.notes.default;
            f.enum_values = r.notes.values.into_iter().map(EnumValue::new).collect();
            if r.notes.readonly {
                f.constraints.push("readonly".into());
            }
            fields.push(f);
        }
        self.push_model(name, desc, fields, name_line);
    }

    fn push_model(&mut self, name: String, desc: Vec<String>, fields: Vec<Field>, line: u32) {
        let description = (!desc.is_empty()).then(|| desc.join("\n\n"));
        self.doc.models.push(Model { name, description, fields, source: self.src(line), undocumented: false });
    }

    /// openapi-generator Java: `## Enum: StatusEnum` with a `Name | Value` table.
    fn enum_section(&mut self, name: String, at: usize) {
        let blocks = self.blocks;
        let table = blocks[at + 1..].iter().take_while(|b| !matches!(b, Block::Heading { .. })).find_map(|b| match b {
            Block::Table { header, rows, .. } => Some((header, rows)),
            _ => None,
        });
        let Some((header, rows)) = table else { return };
        let col = header.iter().position(|c| c.line().eq_ignore_ascii_case("value")).unwrap_or(header.len().saturating_sub(1));
        let values =
            rows.iter().filter_map(|r| r.cells.get(col)).map(|c| unquote(c.line().trim()).to_string()).filter(|v| !v.is_empty()).map(EnumValue::new).collect();
        self.enums.insert(loose_key(&name), values);
    }

    /// Read one table row; `None` (with a warning where useful) when it cannot be used.
    fn read_row(&mut self, cols: Columns, row: &Row, owner: &str) -> Option<RowData> {
        // Cells beyond the header come from an unescaped `|` in the description: the
        // columns after the description shift right by that many.
        let extra = row.cells.len().saturating_sub(cols.width);
        let shift = |i: usize| if cols.desc.is_some_and(|d| i > d) { i + extra } else { i };
        let cell = |i: usize| row.cells.get(shift(i));
        if row.cells.iter().all(|c| c.text.trim().is_empty()) || row.cells.first().is_some_and(|c| is_kramdown_ial(&c.text)) {
            return None;
        }
        let name = cell(cols.name).map(|c| strip_emphasis_marks(&c.text)).unwrap_or_default();
        if name.is_empty() {
            self.warn(row.line, format!("`{owner}`: table row without a name; skipped"), "every row needs a Name cell");
            return None;
        }
        if row.cells.len() != cols.width {
            let how = if extra > 0 && cols.desc.is_some() { "; the extra cells are read as part of the description" } else { "" };
            self.warn(
                row.line,
                format!("`{owner}`: row `{name}` has {} cells, the header has {}{how}", row.cells.len(), cols.width),
                "escape `|` inside cells as `\\|`",
            );
        }
        let type_cell = cell(cols.ty).cloned().unwrap_or_default();
        let type_text = clean_type_text(&type_cell.text);
        let ty = if type_text.is_empty() {
            self.warn(row.line, format!("`{owner}`: `{name}` has no type; read as any JSON value"), "add the type to the Type column or an override");
            Type::Any
        } else {
            match parse_type(&type_text) {
                Ok(t) => linked_type(t, &type_text, type_cell.link.as_deref()),
                Err(e) => {
                    self.warn(
                        row.line,
                        format!("`{owner}`: unknown type spelling `{}` for `{name}` ({e}); read as any JSON value", abbreviate(&type_text, 60)),
                        "set the type under [api.types] in docs2rs.toml (`\"Model.field\" = \"Array<Tag>\"`)",
                    );
                    Type::Any
                }
            }
        };
        let description = cols
            .desc
            .and_then(|d| row.cells.get(d..=d + extra))
            .map(|cs| cs.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("|").trim().to_string())
            .filter(|d| !d.is_empty());
        let notes = parse_notes(&cols.notes.and_then(cell).map(|c| c.text.clone()).unwrap_or_default());
        let required = match cols.required {
            Some(i) => cell(i).is_some_and(|c| required_cell(&c.text)),
            None => notes.required || !notes.optional,
        };
        Some(RowData { name, type_text, link: type_cell.link, ty, description, required, notes, line: row.line })
    }

    /// Read one method section (`section[0]` is its heading). False when the section
    /// shows no sign of being an API method (no HTTP line, parameters or return type).
    fn method(&mut self, sig: Signature, section: &[Block]) -> bool {
        let Block::Heading { inline: heading, line, .. } = &section[0] else { return false };
        let line = *line;
        if sig.unbalanced {
            self.warn(line, format!("signature of `{}` has unbalanced parentheses", sig.name), "the argument list is read up to the end of the heading");
        }
        let mut op = Operation {
            name: sig.name.clone(),
            method: None,
            path: None,
            summary: None,
            description: None,
            permissions: None,
            deprecated: heading.struck,
            params: Vec::new(),
            body_kind: None,
            returns: Returns::Unknown,
            source: self.src(line),
            overlaid: Vec::new(),
        };
        let mut hints = Vec::new();
        let mut paragraphs: Vec<String> = Vec::new();
        let mut sub = Sub::Intro;
        let mut evidence = false;
        let mut returns_seen = false;
        let mut after_permissions = false;
        // Parameters headings: (line, anything under it); empty tables: their lines.
        let mut params_sections: Vec<(u32, bool)> = Vec::new();
        let mut empty_tables: Vec<u32> = Vec::new();
        let mut seen = HashSet::new();
        for block in &section[1..] {
            let permission_list_due = std::mem::take(&mut after_permissions);
            match block {
                Block::Heading { inline, line, .. } => {
                    sub = Sub::of(&inline.text);
                    if matches!(sub, Sub::Params(_)) {
                        params_sections.push((*line, false));
                    }
                }
                Block::Paragraph { inline, line } => {
                    if is_kramdown_ial(&inline.text) {
                        continue;
                    }
                    match sub {
                        Sub::Intro => {
                            if let Some((m, p)) = http_line(&inline.text) {
                                (op.method, op.path, evidence) = (Some(m), Some(p), true);
                            } else if let Some(p) = permission_line(&inline.text) {
                                op.permissions = Some(p);
                                after_permissions = true;
                            } else if paragraphs.is_empty()
                                && op.summary.is_none()
                                && parse_signature(&inline.line()).is_some_and(|s| loose_key(&s.name) == loose_key(&op.name))
                            {
                                // The `> Pet addPet(pet)` line repeats the heading.
                            } else {
                                op.deprecated |= is_deprecation(inline);
                                paragraphs.push(inline.text.clone());
                            }
                        }
                        Sub::HttpRequest => {
                            if let Some((m, p)) = http_line(&inline.text) {
                                (op.method, op.path, evidence) = (Some(m), Some(p), true);
                            }
                        }
                        Sub::Returns if !returns_seen => {
                            returns_seen = true;
                            evidence = true;
                            op.returns = self.returns(inline, *line, &op.name);
                        }
                        Sub::Params(_) => {
                            if let Some(p) = params_sections.last_mut() {
                                p.1 = true;
                            }
                        }
                        _ => {}
                    }
                }
                Block::Code { text, .. } if sub == Sub::HttpRequest => {
                    if let Some((m, p)) = http_line(text) {
                        (op.method, op.path, evidence) = (Some(m), Some(p), true);
                    }
                }
                Block::List { items, .. } if permission_list_due && sub == Sub::Intro => {
                    let items = flatten(items);
                    if let Some(p) = op.permissions.as_mut() {
                        p.list.extend(items.iter().map(|i| i.line()).filter(|s| !s.is_empty()));
                    }
                }
                // `- **Content-Type**: multipart/form-data`: the client sends JSON bodies
                // and query strings only, so say so rather than send the wrong thing quietly.
                Block::List { items, line } => {
                    let items = flatten(items);
                    let form = items.iter().map(|i| i.line()).find(|i| {
                        let l = i.to_ascii_lowercase();
                        l.contains("content-type") && (l.contains("multipart/form-data") || l.contains("x-www-form-urlencoded")) && !l.contains("json")
                    });
                    if let Some(form) = form {
                        self.warn(
                            *line,
                            format!("`{}` takes a form body ({}); docs2rs sends its parameters as JSON or query parameters", op.name, form.trim()),
                            "check this operation against the API; form bodies are not generated yet",
                        );
                    }
                }
                Block::Table { header, rows, line } => {
                    let Sub::Params(hint) = sub else { continue };
                    let Some(cols) = Columns::of(header) else { continue };
                    evidence = true;
                    if let Some(p) = params_sections.last_mut() {
                        p.1 = true;
                    }
                    if rows.is_empty() {
                        empty_tables.push(*line);
                    }
                    for row in rows {
                        let Some(r) = self.read_row(cols, row, &op.name) else { continue };
                        // Go's `ctx context.Context` is a client argument, not a request parameter.
                        if r.type_text.eq_ignore_ascii_case("context.Context") {
                            continue;
                        }
                        if !seen.insert(loose_key(&r.name)) {
                            self.warn(
                                r.line,
                                format!("`{}`: parameter `{}` is listed twice; the later row is ignored", op.name, r.name),
                                "remove the duplicate row",
                            );
                            continue;
                        }
                        // Location is settled once the path is known (see `finish`).
                        let mut p = Param::new(r.name, Location::Query, r.ty, r.required, self.src(r.line));
                        p.description = r.description;
                        p.default = r.notes.default;
                        p.enum_values = r.notes.values.into_iter().map(EnumValue::new).collect();
                        op.params.push(p);
                        hints.push(hint);
                    }
                }
                _ => {}
            }
        }
        for (pline, _) in params_sections.into_iter().filter(|(_, filled)| !filled) {
            self.warn(pline, format!("`{}`: parameters heading without a table", op.name), "check the page; no parameters were read there");
        }
        // Go docs routinely print an empty `Other Parameters` table next to a full one.
        if op.params.is_empty() {
            for tline in empty_tables {
                self.warn(tline, format!("`{}`: parameters table has no rows", op.name), "check the page; no parameters were read from it");
            }
        }
        if !evidence && !self.index.contains_key(&loose_key(&op.name)) {
            return false;
        }
        if let (false, Some(ret)) = (returns_seen, &sig.ret) {
            op.returns = self.returns(&Inline::plain(ret), line, &op.name);
        }
        let mut paragraphs = paragraphs.into_iter();
        op.summary = paragraphs.next();
        let rest: Vec<String> = paragraphs.collect();
        op.description = (!rest.is_empty()).then(|| rest.join("\n\n"));
        self.ops.push(PendingOp { op, hints, args: sig.args });
        true
    }

    fn returns(&mut self, inline: &Inline, line: u32, op: &str) -> Returns {
        let text = clean_type_text(&inline.text);
        if is_no_body(&text) {
            return Returns::Empty;
        }
        match parse_type(&text) {
            Ok(ty) => Returns::Body { ty: linked_type(ty, &text, inline.link.as_deref()) },
            Err(e) => {
                self.warn(
                    line,
                    format!("`{op}`: unknown return type spelling `{text}` ({e}); read as any JSON value"),
                    "set it under [api.types] in docs2rs.toml (`\"operation.returns\" = \"User\"`)",
                );
                Returns::Body { ty: Type::Any }
            }
        }
    }

    fn finish(mut self) -> ParsedDoc {
        for (mi, fi, name) in std::mem::take(&mut self.enum_links) {
            let Some(values) = self.enums.get(&name) else { continue };
            let field = &mut self.doc.models[mi].fields[fi];
            let all_ints = !values.is_empty() && values.iter().all(|v| v.value.parse::<i64>().is_ok());
            let scalar = if all_ints { Type::integer() } else { Type::string() };
            field.ty = field.ty.map_inner(&mut |_| scalar.clone());
            field.enum_values = values.clone();
        }
        for pending in std::mem::take(&mut self.ops) {
            let op = self.settle(pending);
            self.doc.operations.push(op);
        }
        self.doc
    }

    /// Fill method/path from the index, decide parameter locations, cross-check.
    fn settle(&mut self, pending: PendingOp) -> Operation {
        let PendingOp { mut op, hints, args } = pending;
        let line = op.source.line;
        if let Some(entry) = self.index.get(&loose_key(&op.name)) {
            if let (None, Some((m, p))) = (op.method, &entry.http) {
                (op.method, op.path) = (Some(*m), Some(p.clone()));
            }
            if op.summary.is_none() {
                op.summary = entry.summary.clone();
            }
        }
        let path = op.path.clone().unwrap_or_default();
        if op.path.is_none() {
            self.warn(
                line,
                format!("`{}`: no HTTP method and path found", op.name),
                "add `method` and `path` for it in an [[api.operation]] overlay in docs2rs.toml",
            );
        }
        let placeholders = path_placeholders(&path);
        for (param, hint) in op.params.iter_mut().zip(hints) {
            let in_path = placeholders.iter().find(|p| loose_key(p) == loose_key(&param.name));
            param.location = match (hint, in_path) {
                (Some(Location::Path), _) | (None, Some(_)) => Location::Path,
                (Some(h), _) => h,
                // Models and free-form objects cannot travel in a query string.
                (None, None) if loose_key(&param.name) == "body" || names_a_model(&param.ty) || matches!(param.ty, Type::Any | Type::Map { .. }) => {
                    Location::Body
                }
                (None, None) => Location::Query,
            };
            // The path template shows the path parameter's real wire name.
            if let (Location::Path, Some(wire)) = (param.location, in_path) {
                param.wire_name = wire.clone();
            }
        }
        for ph in &placeholders {
            if !op.params.iter().any(|p| loose_key(p.name.as_str()) == loose_key(ph)) && !op.params.is_empty() {
                let msg = format!("`{}`: path placeholder `{{{ph}}}` has no documented parameter", op.name);
                self.warn(line, msg, "document the parameter or add it in an overlay");
            }
        }
        let documented: HashSet<String> = op.params.iter().map(|p| loose_key(&p.name)).collect();
        for arg in args {
            let arg = arg.rsplit(' ').next().unwrap_or("").trim_start_matches(['$', '*', '&']);
            if matches!(arg, "opts" | "options" | "ctx" | "context" | "kwargs" | "callback" | "") || op.params.is_empty() {
                continue;
            }
            if !documented.contains(&loose_key(arg)) {
                let msg = format!("`{}`: signature argument `{arg}` is not in the parameters table", op.name);
                self.warn(line, msg, "check the page; the argument is not generated");
            }
        }
        op
    }
}

/// Type cell text without Go's `Pointer to ` and stray markup.
fn clean_type_text(text: &str) -> String {
    let t = strip_emphasis_marks(text);
    let t = t.strip_prefix("Pointer to ").or_else(|| t.strip_prefix("pointer to ")).unwrap_or(&t);
    t.trim().to_string()
}

/// A type cell linking to the page of the name it spells (`[**Array<Number>**](Number.html)`)
/// refers to that page even where the name is also a primitive in some SDK flavour
/// (`Number`, `JsonNode`, `String`). It stays a reference; `resolve` turns references to
/// names no document defines back into the primitive.
fn linked_type(ty: Type, text: &str, link: Option<&str>) -> Type {
    let Some(stem) = link.and_then(|l| l.rsplit('/').next()).and_then(|f| f.split(['.', '#']).next()).filter(|s| is_ident(s)) else {
        return ty;
    };
    let spelled = text.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|w| w == stem);
    if !spelled {
        return ty;
    }
    ty.map_inner(&mut |inner| match inner {
        Type::Ref { .. } => inner.clone(),
        _ => Type::reference(stem),
    })
}

/// A reference to a model page, not to a page about a primitive (`String.html`).
fn names_a_model(ty: &Type) -> bool {
    ty.ref_name().is_some_and(|name| matches!(parse_type(name), Ok(Type::Ref { .. }) | Err(_)))
}

/// Long spellings (200-deep generics) would drown the message.
fn abbreviate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::blocks::ListItem;

    fn sig(name: &str, ret: Option<&str>, args: &[&str], unbalanced: bool) -> Option<Signature> {
        Some(Signature { name: name.into(), ret: ret.map(str::to_string), args: args.iter().map(|a| a.to_string()).collect(), unbalanced })
    }

    #[test]
    fn signatures() {
        let cases = [
            // Ruby headings, flattened, with the generator's glitches.
            ("-Empty delete_user(user_id)", sig("delete_user", Some("Empty"), &["user_id"], false)),
            ("- delete_user_roles(user_id)", sig("delete_user_roles", None, &["user_id"], false)),
            ("-Array<String>** put_user_profileskills(user_id, opts)", sig("put_user_profileskills", Some("Array<String>"), &["user_id", "opts"], false)),
            ("-Array<User> get_user_directreports(user_id, opts)", sig("get_user_directreports", Some("Array<User>"), &["user_id", "opts"], false)),
            ("-User get_user(user_id, opts", sig("get_user", Some("User"), &["user_id", "opts"], true)),
            // openapi-generator `>` lines.
            ("> Pet addPet(pet)", sig("addPet", Some("Pet"), &["pet"], false)),
            ("AddPet(ctx).Body(body).Execute()", sig("AddPet", None, &["ctx"], false)),
            ("Pet AddPet (Pet pet)", sig("AddPet", Some("Pet"), &["Pet pet"], false)),
            ("dict(str, int) count_reports()", sig("count_reports", Some("dict(str, int)"), &[], false)),
            ("list[Report] list_reports(owner, tags=tags)", sig("list_reports", Some("list[Report]"), &["owner", "tags"], false)),
            ("void deletePet(petId, apiKey)", sig("deletePet", Some("void"), &["petId", "apiKey"], false)),
            ("createUser($body)", sig("createUser", None, &["$body"], false)),
            // Ruby methods without arguments print no parentheses.
            ("-Empty delete_identityproviders_adfs", sig("delete_identityproviders_adfs", Some("Empty"), &[], false)),
            ("-FaxSummary get_fax_summary", sig("get_fax_summary", Some("FaxSummary"), &[], false)),
            ("- get_thing", sig("get_thing", None, &[], false)),
            ("- some words here", None),
            // Prose is not a signature.
            ("A pet (dog or cat) for sale", None),
            ("See also (below).", None),
            ("no parentheses here", None),
            ("(leading) paren", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_signature(text), want, "{text:?}");
        }
    }

    #[test]
    fn wraps_and_http_lines() {
        let cases = [
            ("Wraps DELETE /api/v2/users/{userId} ", Some((Method::Delete, "/api/v2/users/{userId}"))),
            ("GET /pet/{petId}", Some((Method::Get, "/pet/{petId}"))),
            ("**Post** /pet", Some((Method::Post, "/pet"))),
            ("`PATCH /x`", Some((Method::Patch, "/x"))),
            ("Intro\nWraps PUT https://api.example.com/v1/items", Some((Method::Put, "/v1/items"))),
            ("Get the list of available users.", None),
            ("GET the thing now", None),
            ("FETCH /x", None),
        ];
        for (text, want) in cases {
            assert_eq!(http_line(text), want.map(|(m, p)| (m, p.to_string())), "{text:?}");
        }
    }

    #[test]
    fn permissions() {
        let any = permission_line("Requires ANY permissions: ").unwrap();
        assert_eq!((any.rule, any.list.len()), (PermissionRule::Any, 0));
        assert_eq!(permission_line("Requires NO permissions:").unwrap().rule, PermissionRule::None);
        let all = permission_line("Requires ALL permissions: a:b:c, d").unwrap();
        assert_eq!((all.rule, all.list), (PermissionRule::All, vec!["a:b:c".to_string(), "d".to_string()]));
        assert_eq!(permission_line("Requires a valid token"), None);
    }

    #[test]
    fn notes() {
        let n = |s: &str| parse_notes(s);
        assert_eq!(n(""), Notes::default());
        assert!(n("[optional]").optional);
        assert!(n("[required]").required);
        assert!(n("[optional] [readonly]").readonly);
        let d = n("[optional] [default to 25]");
        assert_eq!((d.optional, d.default.as_deref()), (true, Some("25")));
        let v = n("[optional] [default to ASC]\nValues: ascending, descending");
        assert_eq!((v.default.as_deref(), v.values.clone()), (Some("ASC"), vec!["ascending".to_string(), "descending".to_string()]));
        assert_eq!(n("\nValues: person, group").values, ["person", "group"]);
        assert_eq!(n("[default to \"available\"]").default.as_deref(), Some("available"));
        assert_eq!(n("[default to ['a']]").default.as_deref(), Some("['a']"));
        assert_eq!(n("[optional] [default to undefined]").default, None);
        assert_eq!(n("[default to null]").default, None);
        assert_eq!(n("[default to 5").default.as_deref(), Some("5"));
        assert!(required_cell("[required]") && required_cell("true") && !required_cell("") && !required_cell("false"));
    }

    #[test]
    fn titles_and_sections() {
        assert_eq!(clean_title("PureCloud::UsersApi"), "UsersApi");
        assert_eq!(clean_title("Org.OpenAPITools.Api.StoreApi"), "StoreApi");
        assert_eq!(clean_title("\\Swagger\\Client\\PetApi"), "PetApi");
        assert_eq!(clean_title("Pet Store API"), "Pet Store API");
        for s in ["Properties", "Parameters", "Return type", "HTTP request headers", "Enum: StatusEnum", "Using the X variant", "title: X"] {
            assert!(is_doc_section(s), "{s}");
        }
        assert!(!is_doc_section("UsersApi"));
        assert_eq!(Sub::of("Path Parameters"), Sub::Params(Some(Location::Path)));
        assert_eq!(Sub::of("Other Parameters"), Sub::Params(None));
        assert_eq!(Sub::of("Return type"), Sub::Returns);
        assert_eq!(Sub::of("HTTP request"), Sub::HttpRequest);
        assert_eq!(Sub::of("HTTP request headers"), Sub::Other);
        assert_eq!(base_url("All URIs are relative to https://a.example.com/v2."), Some("https://a.example.com/v2".into()));
        assert!(is_deprecation(&Inline::plain("DEPRECATED: use x")) && is_deprecation(&Inline::plain("This resource has been deprecated")));
        assert!(!is_deprecation(&Inline::plain("Replaces an old endpoint")));
    }

    // Interpreter on hand-built blocks: no front end involved.

    fn h(level: u8, text: &str, line: u32) -> Block {
        Block::Heading { level, inline: Inline::plain(text), line }
    }
    fn p(text: &str, line: u32) -> Block {
        Block::Paragraph { inline: Inline::plain(text), line }
    }
    fn cells(texts: &[&str]) -> Vec<Cell> {
        texts.iter().map(|t| Inline::plain(t)).collect()
    }
    fn table(rows: &[(u32, &[&str])], line: u32) -> Block {
        Block::Table {
            header: cells(&["Name", "Type", "Description", "Notes"]),
            rows: rows.iter().map(|(l, c)| Row { line: *l, cells: cells(c) }).collect(),
            line,
        }
    }

    #[test]
    fn model_table() {
        let blocks = [
            Block::FrontMatter { title: Some("Ignored".into()), line: 1 },
            h(2, "Module::Widget", 4),
            p("A widget.", 5),
            h(2, "Properties", 7),
            table(
                &[
                    (10, &["id", "String", "Id", "[optional]"]),
                    (11, &["size", "Integer", "", ""]),
                    (12, &["tags", "Hash<String, Array<Tag>>", "", "[optional] [readonly]"]),
                    (13, &["{: class=\"x\"}", "", "", ""]),
                ],
                9,
            ),
        ];
        let mut d = Diagnostics::new();
        let doc = interpret("w.md", &blocks, &mut d);
        assert!(d.items().is_empty(), "{:?}", d.items());
        assert_eq!(doc.title.as_deref(), Some("Widget"));
        let m = &doc.models[0];
        assert_eq!((m.name.as_str(), m.description.as_deref(), m.source.line), ("Widget", Some("A widget."), 4));
        let summary: Vec<(&str, bool, u32)> = m.fields.iter().map(|f| (f.name.as_str(), f.required, f.source.line)).collect();
        assert_eq!(summary, [("id", false, 10), ("size", true, 11), ("tags", false, 12)]);
        assert_eq!(m.fields[2].ty, Type::map(Type::array(Type::reference("Tag"))));
        assert_eq!(m.fields[2].constraints, ["readonly"]);
    }

    #[test]
    fn method_section_and_locations() {
        let blocks = [
            h(2, "Things", 1),
            p("All URIs are relative to https://x.example.com", 2),
            h(2, "-Thing put_thing(thing_id, body, opts)", 4),
            p("Replace a thing", 5),
            p("Wraps PUT /things/{thingId}", 6),
            p("Requires ANY permissions:", 7),
            Block::List { items: vec![ListItem::new(Inline::plain("things:edit"), 8), ListItem::new(Inline::plain("admin"), 9)], line: 8 },
            h(3, "Example", 10),
            Block::Code { lang: Some("ruby".into()), text: "Wraps GET /wrong".into(), line: 11 },
            h(3, "Parameters", 13),
            table(
                &[
                    (15, &["thing_id", "String", "Id", ""]),
                    (16, &["body", "Thing", "The thing", ""]),
                    (17, &["dry_run", "BOOLEAN", "", "[optional] [default to false]"]),
                    (18, &["filter", "Thing", "", "[optional]"]),
                ],
                14,
            ),
            h(3, "Return type", 20),
            p("nil (empty response body)", 21),
        ];
        let mut d = Diagnostics::new();
        let doc = interpret("t.md", &blocks, &mut d);
        assert!(d.items().is_empty(), "{:?}", d.items());
        assert_eq!(doc.base_url.as_deref(), Some("https://x.example.com"));
        let op = &doc.operations[0];
        assert_eq!((op.name.as_str(), op.method, op.path.as_deref(), op.source.line), ("put_thing", Some(Method::Put), Some("/things/{thingId}"), 4));
        assert_eq!(op.summary.as_deref(), Some("Replace a thing"));
        assert_eq!(op.permissions.as_ref().map(|p| p.list.len()), Some(2));
        assert_eq!(op.returns, Returns::Empty);
        let locs: Vec<(&str, Location, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.location, p.wire_name.as_str())).collect();
        assert_eq!(
            locs,
            [("thing_id", Location::Path, "thingId"), ("body", Location::Body, ""), ("dry_run", Location::Query, ""), ("filter", Location::Body, "")]
        );
        assert_eq!(op.params[2].default.as_deref(), Some("false"));
    }

    #[test]
    fn return_types() {
        let cases = [
            ("nil (empty response body)", Returns::Empty),
            ("null (empty response body)", Returns::Empty),
            ("void (empty response body)", Returns::Empty),
            (" (empty response body)", Returns::Empty),
            ("Empty", Returns::Body { ty: Type::reference("Empty") }),
            ("**Array<String>**", Returns::Body { ty: Type::array(Type::string()) }),
            ("Array<String>**", Returns::Body { ty: Type::array(Type::string()) }),
            ("Pointer to **bool**", Returns::Body { ty: Type::Boolean }),
            ("what is this", Returns::Body { ty: Type::Any }),
        ];
        for (text, want) in cases {
            let blocks = [h(2, "-X do_it()", 1), p("Wraps GET /x", 2), h(3, "Return type", 3), p(text, 4)];
            let mut d = Diagnostics::new();
            let doc = interpret("r.md", &blocks, &mut d);
            assert_eq!(doc.operations[0].returns, want, "{text:?}");
            assert_eq!(d.items().len(), usize::from(want == Returns::Body { ty: Type::Any }), "{text:?}");
        }
        // No `Return type` section and no return type in the heading: unknown.
        let mut d = Diagnostics::new();
        let doc = interpret("r.md", &[h(2, "- do_it()", 1), p("Wraps GET /x", 2)], &mut d);
        assert_eq!(doc.operations[0].returns, Returns::Unknown);
    }

    #[test]
    fn missing_path_and_placeholders_warn() {
        let blocks = [h(2, "-X get_it(a_id)", 1), h(3, "Parameters", 2), table(&[(4, &["b_id", "String", "", ""])], 3)];
        let mut d = Diagnostics::new();
        let doc = interpret("m.md", &blocks, &mut d);
        assert_eq!(doc.operations.len(), 1);
        let msgs: Vec<&str> = d.items().iter().map(|x| x.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("no HTTP method and path")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("argument `a_id`")), "{msgs:?}");
        let blocks = [h(2, "-X get_it(id)", 1), p("Wraps GET /a/{id}/b/{other}", 2), h(3, "Parameters", 3), table(&[(5, &["id", "String", "", ""])], 4)];
        let mut d = Diagnostics::new();
        interpret("m.md", &blocks, &mut d);
        assert!(d.items().iter().any(|x| x.message.contains("`{other}`") && x.source.line == 1), "{:?}", d.items());
    }
}
