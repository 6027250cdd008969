//! The blocks of a page as the units the page reader walks: headings, single lines of
//! paragraphs (a browser copy puts every element on a line of its own, so a line is the
//! unit of meaning), tables, lists, definition lists and code blocks.

use crate::parse::blocks::{Block, Cell, Definition, ListItem, Row};

#[derive(Debug, Clone, Copy)]
pub enum Unit<'a> {
    Heading {
        level: u8,
        text: &'a str,
        line: u32,
        struck: bool,
    },
    /// `link`: where the paragraph's first link points (`#Pet` names a model type).
    Line {
        text: &'a str,
        line: u32,
        link: Option<&'a str>,
    },
    Table {
        header: &'a [Cell],
        rows: &'a [Row],
        line: u32,
    },
    List {
        items: &'a [ListItem],
        line: u32,
    },
    Definitions {
        items: &'a [Definition],
        line: u32,
    },
    Code {
        lang: Option<&'a str>,
        text: &'a str,
        line: u32,
    },
}

impl<'a> Unit<'a> {
    pub fn line(&self) -> u32 {
        match self {
            Unit::Heading { line, .. }
            | Unit::Line { line, .. }
            | Unit::Table { line, .. }
            | Unit::List { line, .. }
            | Unit::Definitions { line, .. }
            | Unit::Code { line, .. } => *line,
        }
    }

    /// The text of a heading or line.
    pub fn text(&self) -> Option<&'a str> {
        match self {
            Unit::Heading { text, .. } | Unit::Line { text, .. } => Some(text),
            _ => None,
        }
    }
}

pub fn units(blocks: &[Block]) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::FrontMatter { title: Some(t), line } => out.push(Unit::Heading { level: 1, text: t, line: *line, struck: false }),
            Block::FrontMatter { .. } => {}
            Block::Heading { level, inline, line } => out.push(Unit::Heading { level: *level, text: inline.text.trim(), line: *line, struck: inline.struck }),
            Block::Paragraph { inline, line } => {
                for (i, text) in inline.text.lines().enumerate() {
                    // A one-column table a crawler kept its pipe on (`org string |`).
                    let text = text.trim().trim_end_matches('|').trim_end();
                    if text.chars().all(|c| matches!(c, '-' | ':' | '|')) {
                        continue;
                    }
                    if !text.is_empty() {
                        out.push(Unit::Line { text, line: line + i as u32, link: inline.link.as_deref() });
                    }
                }
            }
            Block::Table { header, rows, line } => out.push(Unit::Table { header, rows, line: *line }),
            Block::List { items, line } => out.push(Unit::List { items, line: *line }),
            Block::Definitions { items, line } => out.push(Unit::Definitions { items, line: *line }),
            // A `text` fence holding a field list one part per line (Apidog's markdown
            // export: `x-api-key` / `string` / `Optional`): lines, like a copy's.
            Block::Code { lang: Some(l), text, line } if matches!(l.as_str(), "text" | "plain" | "plaintext") && is_prose_lines(text) => {
                for (i, t) in text.lines().enumerate() {
                    let t = t.trim();
                    if !t.is_empty() {
                        out.push(Unit::Line { text: t, line: line + 1 + i as u32, link: None });
                    }
                }
            }
            Block::Code { lang, text, line } => out.push(Unit::Code { lang: lang.as_deref(), text, line: *line }),
        }
    }
    out
}

/// Lines that are not a sample: no JSON or XML body, no request line, no command.
fn is_prose_lines(text: &str) -> bool {
    let t = text.trim_start();
    !t.starts_with(['{', '[', '<']) && !t.starts_with("curl") && crate::parse::recognise::request::request_in_code(text).is_none()
}
