//! The swagger-codegen / openapi-generator doc interpreter, for every language flavour
//! (ruby, python, java, kotlin, go, typescript, javascript, php, csharp, dart, swift,
//! rust) and for README endpoint indexes.
//!
//! Front ends (`swagger_md` for markdown, `html::swagger` for rendered HTML) turn a page
//! into a flat list of [`Block`]s; [`interpret`] turns those into a [`ParsedDoc`]. The
//! generators' conventions (Properties tables, `Wraps VERB /path`, `[optional]` notes,
//! signature headings, `Content-Type` lines, enum and oneOf pages) are understood here
//! once. Every block that looks like an operation or a model and is not read ends up in
//! a warning (see [`Interp::account`]).

mod enums;
mod examples;
mod lines;
mod method;
mod model;
mod rows;
mod settle;

use crate::diag::Diagnostics;
use crate::parse::blocks::{Block, Cell, Row};
use crate::parse::text::{loose_key, normalize_ws, strip_emphasis_marks};
use crate::schema::{EnumValue, Method, Operation, ParsedDoc, Returns, Source};
pub(crate) use lines::http_line;
use lines::{Signature, base_url, clean_title, is_doc_section, is_ident, is_kramdown_ial, parse_signature};
use std::collections::{BTreeSet, HashMap};

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
    let mut it = Interp {
        file,
        blocks,
        diags,
        doc: ParsedDoc::default(),
        index: HashMap::new(),
        index_order: Vec::new(),
        enums: HashMap::new(),
        enum_links: Vec::new(),
        ops: Vec::new(),
        used: BTreeSet::new(),
    };
    it.run();
    it.finish()
}

/// The API group an SDK's per-API doc names: `UsersApi.md` (or a page titled
/// `PureCloud::UsersApi`, `users_api`) → `users`. README indexes have none.
fn api_group(file: &str, title: Option<&str>) -> Option<String> {
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = stem.split('.').next().unwrap_or(stem);
    let title = title.map(|t| t.rsplit([':', '.', ' ']).next().unwrap_or(t).trim());
    [Some(stem), title].into_iter().flatten().find_map(|name| {
        let base = name.strip_suffix("Api").or_else(|| name.strip_suffix("_api")).or_else(|| name.strip_suffix("API"))?;
        let snake = heck::ToSnakeCase::to_snake_case(base);
        (!snake.is_empty()).then_some(snake)
    })
}

/// Index tables (`Method | HTTP request | Description`) map method names to method/path.
struct IndexEntry {
    /// The name as printed (`issueToken`, from `issueToken()` in php).
    name: String,
    http: Option<(Method, String)>,
    summary: Option<String>,
    line: u32,
}

struct Interp<'a> {
    file: &'a str,
    blocks: &'a [Block],
    diags: &'a mut Diagnostics,
    doc: ParsedDoc,
    /// By loose method name.
    index: HashMap<String, IndexEntry>,
    /// Loose names in index order, for operations known only from the index.
    index_order: Vec<String>,
    /// `## Enum: StatusEnum` sections inside model pages, by loose enum name.
    enums: HashMap<String, Vec<EnumValue>>,
    /// Fields whose type refers to such a section: (model, field, loose enum name).
    enum_links: Vec<(usize, usize, String)>,
    ops: Vec<method::PendingOp>,
    /// Blocks that became (part of) an operation, model or enum.
    used: BTreeSet<usize>,
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
        // Index tables first: a heading is a method heading when the index names it.
        for (i, b) in blocks.iter().enumerate() {
            if let Block::Table { header, rows, .. } = b {
                if self.index_table(header, rows) {
                    self.used.insert(i);
                }
            }
        }
        // The heading that names what follows (model or API), and paragraphs right after it.
        let mut title: Option<(String, u32)> = None;
        let mut title_level: Option<u8> = None;
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
                            self.used.extend(i..end);
                            i = end;
                            continue;
                        }
                    }
                    let text = inline.line();
                    let lower = strip_emphasis_marks(&text).to_ascii_lowercase();
                    let section = lower.trim_end_matches(':');
                    let named = || title.clone().or_else(|| front_title.clone());
                    if let Some(t) = lower.strip_prefix("title:").map(str::trim).filter(|t| !t.is_empty()) {
                        // Front matter a renderer did not recognise (`---` + setext heading).
                        front_title = Some((t.to_string(), *line));
                    } else if section == "properties" {
                        self.model(named(), std::mem::take(&mut desc), i);
                    } else if let Some(name) = section.strip_prefix("enum:").map(|_| text.split_once(':').map_or("", |(_, n)| n.trim()).to_string()) {
                        self.enum_section(name, i);
                    } else if section == "enum" || section == "enum variants" {
                        self.enum_page(named(), std::mem::take(&mut desc), i);
                    } else if !is_doc_section(&text) && !text.is_empty() && title_level.is_none_or(|l| *level <= l) {
                        // Deeper headings are parts of the page (ruby's `### build`,
                        // dart's `## Load the model package`), not new titles.
                        let t = clean_title(&text);
                        if self.doc.title.is_none() {
                            self.doc.title = Some(t.clone());
                        }
                        title = Some((t, *line));
                        title_level = Some(*level);
                    }
                    desc.clear();
                }
                Block::Paragraph { inline, .. } => {
                    if let Some(url) = base_url(&inline.text) {
                        self.doc.base_url.get_or_insert(url);
                        self.used.insert(i);
                    } else if title.is_some() && !is_kramdown_ial(&inline.text) {
                        desc.push(inline.text.clone());
                    }
                }
                Block::Code { text, line, .. } => {
                    if let Some((name, _)) = title.clone().or_else(|| front_title.clone()) {
                        self.one_of_example(&name, text, *line);
                    }
                }
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
        let bare = strip_emphasis_marks(&text).trim_matches('`').to_string();
        // php: `` ## `listShipments()` `` names the method without a signature.
        if let Some(name) = bare.strip_suffix("()").filter(|n| is_ident(n) && self.index.contains_key(&loose_key(n))) {
            return Some(Signature { name: name.to_string(), ret: None, args: Vec::new(), unbalanced: false });
        }
        if text.contains('(') || text.starts_with('-') {
            return parse_signature(&text);
        }
        // openapi-generator: `# **getUser**` then `> User getUser(userId)`, or a name
        // listed in the index table.
        if !is_ident(&bare) {
            return None;
        }
        let next_sig = match self.blocks.get(i + 1) {
            Some(Block::Paragraph { inline, .. }) if !inline.text.trim_start().starts_with("func ") => {
                let first = normalize_ws(inline.text.lines().next().unwrap_or(""));
                parse_signature(&first).filter(|s| loose_key(&s.name) == loose_key(&bare) && !s.unbalanced)
            }
            _ => None,
        };
        if next_sig.is_some() || self.index.contains_key(&loose_key(&bare)) {
            let sig = next_sig.unwrap_or(Signature { name: String::new(), ret: None, args: Vec::new(), unbalanced: false });
            return Some(Signature { name: bare, ..sig });
        }
        None
    }

    fn section_end(&self, start: usize, level: u8) -> usize {
        (start + 1..self.blocks.len())
            .find(|&j| matches!(&self.blocks[j], Block::Heading { level: l, .. } if *l <= level) || self.method_heading(j).is_some())
            .unwrap_or(self.blocks.len())
    }

    /// `Method | HTTP request | Description` (also with a leading `Class` column): true
    /// when the table is one.
    fn index_table(&mut self, header: &[Cell], rows: &[Row]) -> bool {
        let names: Vec<String> = header.iter().map(|c| c.line().to_ascii_lowercase()).collect();
        let (Some(mcol), Some(hcol)) = (names.iter().position(|n| n == "method"), names.iter().position(|n| n.contains("http request"))) else {
            return false;
        };
        let dcol = names.iter().position(|n| n == "description");
        for row in rows {
            let Some(cell) = row.cells.get(mcol) else { continue };
            let name = strip_emphasis_marks(&cell.text).trim_matches('`').trim_end_matches("()").to_string();
            if name.is_empty() {
                continue;
            }
            let http = row.cells.get(hcol).and_then(|c| http_line(&c.text));
            let summary = dcol.and_then(|d| row.cells.get(d)).map(|c| c.line()).filter(|s| !s.is_empty());
            let key = loose_key(&name);
            if !self.index.contains_key(&key) {
                self.index_order.push(key.clone());
            }
            self.index.insert(key, IndexEntry { name, http, summary, line: row.line });
        }
        true
    }

    fn finish(mut self) -> ParsedDoc {
        self.link_enum_sections();
        let pending = std::mem::take(&mut self.ops);
        let sectioned: BTreeSet<String> = pending.iter().map(|p| loose_key(&p.op.name)).collect();
        for p in pending {
            let op = self.settle(p);
            self.doc.operations.push(op);
        }
        // Index rows without a section on this page (a README, or a section that could
        // not be read): the operation with what the index says. Another page usually
        // documents it in full, and `resolve` keeps the full one.
        for key in std::mem::take(&mut self.index_order) {
            let Some(entry) = self.index.get(&key).filter(|_| !sectioned.contains(&key)) else { continue };
            let Some((method, path)) = entry.http.clone() else { continue };
            let mut op = Operation::new(entry.name.clone(), Some(method), Some(path), self.src(entry.line));
            op.summary = entry.summary.clone();
            op.returns = Returns::Unknown;
            self.doc.operations.push(op);
        }
        self.account();
        if let Some(group) = api_group(self.file, self.doc.title.as_deref()) {
            for op in &mut self.doc.operations {
                op.group = Some(group.clone());
            }
        }
        self.doc
    }

    /// No silent drops: signature lines, HTTP lines and parameter/property tables that did
    /// not become part of an operation, model or enum are reported.
    fn account(&mut self) {
        let blocks = self.blocks;
        let used = std::mem::take(&mut self.used);
        for (i, b) in blocks.iter().enumerate().filter(|(i, _)| !used.contains(i)) {
            // Right under a heading that is not a part of a page (`Return type`: `nil (…)`).
            let after_heading = i > 0 && matches!(&blocks[i - 1], Block::Heading { inline, .. } if !is_doc_section(&inline.line()));
            match b {
                Block::Heading { inline, line, .. } if heading_signature(&inline.line()) => {
                    let msg = format!("section `{}` looks like an API method but shows no HTTP line, parameters or return type; not read", inline.line());
                    self.warn(*line, msg, "check the section; add the operation with an [[api.operation]] overlay if it is one");
                }
                // swift and php print the signature in a code block under the heading.
                Block::Code { text, line, .. } if after_heading && code_signature(text).is_some() => {
                    let sig = code_signature(text).unwrap_or_default();
                    let msg = format!("method signature `{sig}` is outside any method section the reader recognised; not read as an operation");
                    self.warn(*line, msg, "give the method a heading (`## name`) followed by its signature, or add it with an [[api.operation]] overlay");
                }
                Block::Paragraph { inline, line } => {
                    // rust runs the description on into the `> signature` line.
                    let text = normalize_ws(inline.text.lines().next().unwrap_or(""));
                    let signature = after_heading && parse_signature(&text).is_some_and(|s| !s.args.is_empty() || text.ends_with("()"));
                    let http = http_line(&text).is_some() && text.split_whitespace().count() <= 3;
                    if signature || http {
                        let what = if http { "HTTP line" } else { "method signature" };
                        let msg = format!("{what} `{text}` is outside any method section the reader recognised; not read as an operation");
                        self.warn(*line, msg, "give the method a heading (`## name`) followed by its signature, or add it with an [[api.operation]] overlay");
                    }
                }
                // ruby oneOf pages document their `build(data)` helper with a table.
                Block::Table { header, line, .. } if rows::Columns::of(header).is_some() && self.doc.one_of.is_empty() => {
                    self.warn(
                        *line,
                        "`Name | Type` table outside a `Properties` or `Parameters` section; not read",
                        "put it under a `## Properties` heading (models) or a method's `### Parameters` heading",
                    );
                }
                _ => {}
            }
        }
    }
}

/// The first line of a code block when it is a method signature: swift's
/// `open class func listPets(limit: Int? = nil, …)`, php's `listPets($limit)`.
fn code_signature(code: &str) -> Option<String> {
    let first = code.lines().map(str::trim).find(|l| !l.is_empty())?;
    let sig = first.split_once("func ").map_or(first, |(_, rest)| rest);
    let parsed = parse_signature(sig)?;
    (!parsed.unbalanced && sig.starts_with(parsed.name.as_str())).then(|| first.to_string())
}

/// A heading that reads as a method signature (`-User get_user(id)`, `getUser(id)`).
fn heading_signature(text: &str) -> bool {
    !is_doc_section(text) && (text.contains('(') || text.starts_with('-')) && parse_signature(text).is_some()
}

#[cfg(test)]
mod tests;
