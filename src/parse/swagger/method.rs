//! One method section: signature heading, description, HTTP line, parameter tables,
//! return type, request Content-Type and the example's notes on each argument.

use super::Interp;
use super::examples::{ExampleArg, example_arguments};
use super::lines::{Signature, accept, content_type, http_line, is_deprecation, is_kramdown_ial, is_no_body, parse_signature, permission_line};
use super::rows::{Columns, clean_type_text, linked_type};
use crate::parse::blocks::{Block, Cell, Inline, Row, flatten};
use crate::parse::text::{loose_key, normalize_ws, strip_emphasis_marks};
use crate::parse::types::parse_type;
use crate::schema::{EnumValue, Location, Operation, Param, Returns, Type};
use std::collections::{HashMap, HashSet};

/// What a parameters heading says about where its parameters go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Hint {
    In(Location),
    /// Go's "Other Parameters": anything but the path.
    NotPath,
    /// Plain "Parameters".
    Unknown,
}

/// Where the reader is inside one method section.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Sub {
    /// Between the signature and the first sub-heading: description, wraps, permissions.
    Intro,
    Params(Hint),
    Returns,
    HttpRequest,
    /// `HTTP request headers`: the request Content-Type.
    Headers,
    /// Code examples: what each argument is and whether it is optional.
    Example,
    /// `HTTP response details`: a status table (status, description, headers).
    Responses,
    /// Authorization, response details: nothing to read.
    Other,
}

impl Sub {
    pub fn of(heading: &str) -> Sub {
        let t = strip_emphasis_marks(heading).to_ascii_lowercase();
        let t = t.trim_end_matches(':');
        if t.contains("parameter") {
            let hint = match t.split_whitespace().next().unwrap_or("") {
                "path" => Hint::In(Location::Path),
                "query" => Hint::In(Location::Query),
                "header" => Hint::In(Location::Header),
                "cookie" => Hint::In(Location::Cookie),
                "body" | "form" => Hint::In(Location::Body),
                "other" => Hint::NotPath,
                _ => Hint::Unknown,
            };
            Sub::Params(hint)
        } else if matches!(t, "return type" | "return value" | "returns" | "response type") {
            Sub::Returns
        } else if t == "http request" {
            Sub::HttpRequest
        } else if t == "http request headers" {
            Sub::Headers
        } else if t == "http response details" || t == "responses" {
            Sub::Responses
        } else if t == "example" || t == "examples" || t.starts_with("using the ") {
            Sub::Example
        } else {
            Sub::Other
        }
    }
}

/// The error rows of an `HTTP response details` table (`**404** | Pet not found | - |`):
/// status and description; these docs do not name the error's model.
fn error_rows(op: &mut Operation, rows: &[Row]) {
    for row in rows {
        let Some(status) = row.cells.first().and_then(|c| crate::schema::error_status(&c.text)) else { continue };
        if op.errors.iter().any(|e| e.status == status) {
            continue;
        }
        let description = row.cells.get(1).map(|c| c.text.trim().to_string()).filter(|d| !d.is_empty() && d != "-");
        op.errors.push(crate::schema::ErrorDoc::new(status, None, description));
    }
}

/// Every line of the paragraph is a table row (`**file** | ***os.File** | … |`).
fn is_table_rows(text: &str) -> bool {
    text.lines().all(|l| l.matches('|').count() >= 2)
}

/// A paragraph of table-row lines as rows (cells trimmed, outer pipes dropped).
/// Missing trailing cells are empty, as in a markdown table.
fn paragraph_rows(text: &str, first_line: u32, width: usize) -> Vec<Row> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let l = l.trim();
            let l = l.strip_prefix('|').unwrap_or(l);
            let l = l.strip_suffix('|').unwrap_or(l);
            let mut cells: Vec<Cell> = l.split('|').map(|c| Cell::plain(c.trim())).collect();
            while cells.len() < width {
                cells.push(Cell::default());
            }
            Row { line: first_line + i as u32, cells }
        })
        .collect()
}

/// An operation read from its section, before locations are settled (that needs the
/// whole page: the index may supply the path).
pub(super) struct PendingOp {
    pub op: Operation,
    pub hints: Vec<Hint>,
    pub args: Vec<String>,
    /// The request Content-Type, when the section states one (`""`: `Not defined`).
    pub content: Option<String>,
    /// What the example's comments say about each argument, by loose name.
    pub examples: HashMap<String, ExampleArg>,
}

impl Interp<'_> {
    /// Read one method section (`section[0]` is its heading). False when the section
    /// shows no sign of being an API method (no HTTP line, parameters or return type).
    pub(super) fn method(&mut self, sig: Signature, section: &[Block]) -> bool {
        let Block::Heading { inline: heading, line, .. } = &section[0] else { return false };
        let line = *line;
        if sig.unbalanced {
            self.warn(line, format!("signature of `{}` has unbalanced parentheses", sig.name), "the argument list is read up to the end of the heading");
        }
        let mut op = Operation::new(sig.name.clone(), None, None, self.src(line));
        op.deprecated = heading.struck;
        let mut hints = Vec::new();
        let mut paragraphs: Vec<String> = Vec::new();
        let mut sub = Sub::Intro;
        let mut evidence = false;
        let mut returns_seen = false;
        let mut after_permissions = false;
        let mut content = None;
        let mut examples = HashMap::new();
        // Parameters headings: (line, anything under it); empty tables: their lines.
        let mut params_sections: Vec<(u32, bool)> = Vec::new();
        let mut empty_tables: Vec<u32> = Vec::new();
        let mut seen = HashSet::new();
        // The columns of a parameters table that came without rows.
        let mut last_empty: Option<Columns> = None;
        for block in &section[1..] {
            let permission_list_due = std::mem::take(&mut after_permissions);
            if matches!(block, Block::Heading { .. }) {
                last_empty = None;
            }
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
                                && parse_signature(&normalize_ws(inline.text.lines().next().unwrap_or("")))
                                    .is_some_and(|s| loose_key(&s.name) == loose_key(&op.name))
                            {
                                // The `> Pet addPet(pet)` line repeats the heading; rust runs
                                // the summary on into it.
                                let rest = inline.text.split_once('\n').map_or("", |(_, r)| r).trim();
                                if !rest.is_empty() {
                                    paragraphs.push(rest.to_string());
                                }
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
                        // go: a blank line after the delimiter row ends the table, so
                        // its rows come as a paragraph of `a | b | c` lines.
                        Sub::Params(hint) if last_empty.is_some() && is_table_rows(&inline.text) => {
                            if let Some(cols) = last_empty.take() {
                                evidence = true;
                                empty_tables.pop();
                                for row in paragraph_rows(&inline.text, *line, cols.width()) {
                                    self.table_row(&mut op, cols, &row, hint, &mut hints, &mut seen);
                                }
                            }
                        }
                        Sub::Params(_) => {
                            if let Some(p) = params_sections.last_mut() {
                                p.1 = true;
                            }
                        }
                        Sub::Responses if is_table_rows(&inline.text) => error_rows(&mut op, &paragraph_rows(&inline.text, *line, 2)),
                        _ => {}
                    }
                }
                Block::Code { text, .. } if sub == Sub::HttpRequest => {
                    if let Some((m, p)) = http_line(text) {
                        (op.method, op.path, evidence) = (Some(m), Some(p), true);
                    }
                }
                Block::Code { text, .. } if sub == Sub::Example => {
                    for arg in example_arguments(text) {
                        examples.entry(loose_key(&arg.name)).or_insert(arg);
                    }
                }
                Block::List { items, .. } if permission_list_due && sub == Sub::Intro => {
                    let items = flatten(items);
                    if let Some(p) = op.permissions.as_mut() {
                        p.list.extend(items.iter().map(|i| i.line()).filter(|s| !s.is_empty()));
                    }
                }
                // `- **Content-Type**: multipart/form-data`
                Block::List { items, .. } => {
                    let items = flatten(items);
                    if let Some(media) = items.iter().find_map(|i| content_type(&i.line())) {
                        content = Some(media);
                    }
                    if let Some(media) = items.iter().find_map(|i| accept(&i.line())) {
                        op.accept = crate::media::raw_media_type(&media);
                    }
                }
                Block::Table { rows, .. } if sub == Sub::Responses => error_rows(&mut op, rows),
                Block::Table { header, rows, line } => {
                    let Sub::Params(hint) = sub else { continue };
                    let Some(cols) = Columns::of(header) else { continue };
                    evidence = true;
                    if let Some(p) = params_sections.last_mut() {
                        p.1 = true;
                    }
                    if rows.is_empty() {
                        empty_tables.push(*line);
                        last_empty = Some(cols);
                    }
                    for row in rows {
                        self.table_row(&mut op, cols, row, hint, &mut hints, &mut seen);
                    }
                }
                _ => {}
            }
        }
        // Go docs routinely print an empty `Path Parameters` section or table next to a
        // full `Other Parameters` one: only a method left with no parameters is suspect.
        if op.params.is_empty() {
            for (pline, _) in params_sections.into_iter().filter(|(_, filled)| !filled) {
                self.warn(pline, format!("`{}`: parameters heading without a table", op.name), "check the page; no parameters were read there");
            }
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
        self.ops.push(PendingOp { op, hints, args: sig.args, content, examples });
        true
    }

    /// One parameter row: read, checked against the rows before it, added.
    fn table_row(&mut self, op: &mut Operation, cols: Columns, row: &Row, hint: Hint, hints: &mut Vec<Hint>, seen: &mut HashSet<String>) {
        let Some(r) = self.read_row(cols, row, &op.name) else { return };
        // Go's `ctx context.Context` is a client argument, not a request parameter.
        if r.type_text.eq_ignore_ascii_case("context.Context") {
            return;
        }
        if !seen.insert(loose_key(&r.name)) {
            self.warn(r.line, format!("`{}`: parameter `{}` is listed twice; the later row is ignored", op.name, r.name), "remove the duplicate row");
            return;
        }
        // Location is settled once the path is known (see `settle`).
        let mut p = Param::new(r.name, Location::Query, r.ty, r.required, self.src(r.line));
        p.description = r.description;
        p.default = r.notes.default;
        p.enum_values = r.notes.values.into_iter().map(EnumValue::new).collect();
        op.params.push(p);
        hints.push(hint);
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_sections() {
        assert_eq!(Sub::of("Path Parameters"), Sub::Params(Hint::In(Location::Path)));
        assert_eq!(Sub::of("Other Parameters"), Sub::Params(Hint::NotPath));
        assert_eq!(Sub::of("Parameters"), Sub::Params(Hint::Unknown));
        assert_eq!(Sub::of("Return type"), Sub::Returns);
        assert_eq!(Sub::of("HTTP request"), Sub::HttpRequest);
        assert_eq!(Sub::of("HTTP request headers"), Sub::Headers);
        assert_eq!(Sub::of("Example"), Sub::Example);
        assert_eq!(Sub::of("Authorization"), Sub::Other);
    }
}
