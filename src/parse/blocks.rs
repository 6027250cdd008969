//! The one document model every reader consumes.
//!
//! Markdown ([`super::lower::markdown`]), HTML ([`super::lower::html`]) and plain text
//! ([`super::lower::text`]) are lowered to the same flat list of [`Block`]s: headings with
//! their level, paragraphs, tables, nested lists, definition lists and code blocks, each
//! with its 1-based source line. Recognisers and interpreters never look at the syntax the
//! document was written in.

use crate::parse::text::{decode_entities, normalize_lines, normalize_ws};

/// A run of inline content, flattened: plain text (entities decoded, markup removed,
/// line breaks kept as `\n`) plus the facts about the markup readers need.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    /// The first link target inside the run.
    pub link: Option<String>,
    /// Some non-blank text was bold.
    pub bold: bool,
    /// Some non-blank text was struck through (`~~old~~`, `<del>`).
    pub struck: bool,
    /// Non-breaking spaces before the text: how far the page indents it (apiDoc nests
    /// fields with `&nbsp;&nbsp;` per level).
    pub indent: u8,
}

impl Inline {
    pub fn plain(text: &str) -> Inline {
        Inline { text: text.to_string(), ..Inline::default() }
    }
    /// The text on one line.
    pub fn line(&self) -> String {
        normalize_ws(&self.text)
    }
}

/// A table cell is an inline run.
pub type Cell = Inline;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u32,
    pub cells: Vec<Cell>,
}

/// One item of a list, with the items of lists nested inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub inline: Inline,
    pub line: u32,
    pub children: Vec<ListItem>,
    /// Code blocks and tables inside the item (API Blueprint's `+ Response 200` with its
    /// indented body), in document order.
    pub blocks: Vec<Block>,
}

impl ListItem {
    pub fn new(inline: Inline, line: u32) -> Self {
        ListItem { inline, line, children: Vec::new(), blocks: Vec::new() }
    }
}

/// One term of a definition list and what defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub term: Inline,
    pub details: Vec<Inline>,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// YAML front matter (`title: UpdateUser`); markdown only.
    FrontMatter {
        title: Option<String>,
        line: u32,
    },
    Heading {
        level: u8,
        inline: Inline,
        line: u32,
    },
    /// A paragraph, also each paragraph of a block quote. Plain text gives one per line.
    Paragraph {
        inline: Inline,
        line: u32,
    },
    List {
        items: Vec<ListItem>,
        line: u32,
    },
    Table {
        header: Vec<Cell>,
        rows: Vec<Row>,
        line: u32,
    },
    Definitions {
        items: Vec<Definition>,
        line: u32,
    },
    Code {
        lang: Option<String>,
        text: String,
        line: u32,
    },
}

impl Block {
    pub fn line(&self) -> u32 {
        match self {
            Block::FrontMatter { line, .. }
            | Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::List { line, .. }
            | Block::Table { line, .. }
            | Block::Definitions { line, .. }
            | Block::Code { line, .. } => *line,
        }
    }
}

/// Every item of a list in document order, nested ones right after their parent.
pub fn flatten(items: &[ListItem]) -> Vec<&Inline> {
    fn walk<'a>(items: &'a [ListItem], out: &mut Vec<&'a Inline>) {
        for item in items {
            out.push(&item.inline);
            walk(&item.children, out);
        }
    }
    let mut out = Vec::new();
    walk(items, &mut out);
    out
}

/// Accumulates inline content while a front end walks its tree.
#[derive(Debug, Default)]
pub struct InlineBuilder {
    text: String,
    link: Option<String>,
    bold: bool,
    struck: bool,
    strong_depth: u32,
    strike_depth: u32,
}

impl InlineBuilder {
    pub fn text(&mut self, s: &str) {
        if !s.trim().is_empty() {
            self.bold |= self.strong_depth > 0;
            self.struck |= self.strike_depth > 0;
        }
        self.text.push_str(s);
    }
    /// Separate the text of two elements that a browser shows apart (`<span>id</span><span>string</span>`)
    /// when nothing separates them in the source.
    pub fn separate(&mut self) {
        if self.text.chars().next_back().is_some_and(|c| !c.is_whitespace()) {
            self.text.push(' ');
        }
    }
    pub fn line_break(&mut self) {
        self.text.push('\n');
    }
    pub fn link(&mut self, href: &str) {
        if self.link.is_none() {
            self.link = Some(href.to_string());
        }
    }
    pub fn strong(&mut self, enter: bool) {
        self.strong_depth = if enter { self.strong_depth + 1 } else { self.strong_depth.saturating_sub(1) };
    }
    pub fn strike(&mut self, enter: bool) {
        self.strike_depth = if enter { self.strike_depth + 1 } else { self.strike_depth.saturating_sub(1) };
    }
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
    /// Decodes entities left over from double escaping and tidies whitespace.
    pub fn finish(self) -> Inline {
        let text = decode_entities(&self.text);
        let lead = text.trim_start_matches(|c: char| c.is_whitespace() && c != '\u{a0}');
        let indent = lead.chars().take_while(|c| *c == '\u{a0}' || *c == ' ').filter(|c| *c == '\u{a0}').count().min(u8::MAX as usize) as u8;
        Inline { text: normalize_lines(&text), link: self.link, bold: self.bold, struck: self.struck, indent }
    }
}
