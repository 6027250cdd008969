//! Markdown → [`Block`]s (pulldown-cmark). HTML blocks inside the markdown (widdershins'
//! `<h3 id=…>`, tables written as HTML) go through the HTML lowering, so they become the
//! same blocks.

use crate::parse::blocks::{Block, Cell, Definition, Inline, InlineBuilder, ListItem, Row};
use crate::parse::text::LineIndex;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The markdown dialect doc generators write: GFM tables, strikethrough, YAML front
/// matter, definition lists.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_DEFINITION_LIST
}

/// The document as blocks with 1-based source lines.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines = LineIndex::new(text);
    let mut b = Builder::default();
    // pulldown-cmark reads `---` … `---` anywhere as front matter; only the start of a
    // document is (a later `---` is a rule).
    let mut opts = options();
    if !text.trim_start_matches('\u{feff}').starts_with("---") {
        opts.remove(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    }
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        if matches!(event, Event::Start(Tag::TableRow)) {
            b.row_source = text[range.clone()].to_string();
            b.row_at_end = text[range.end..].trim().is_empty();
        }
        b.event(event, lines.line(range.start));
    }
    b.blocks
}

/// Cells of a raw table row split on unescaped `|`, outer pipes removed.
pub(crate) fn raw_cells(row: &str) -> Vec<&str> {
    let row = row.trim();
    let mut cells = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in row.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => {
                cells.push(&row[start..i]);
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    cells.push(&row[start..]);
    if row.starts_with('|') {
        cells.remove(0);
    }
    if row.ends_with('|') && !row.ends_with("\\|") && !cells.is_empty() {
        cells.pop();
    }
    cells
}

/// One cell's markdown as an inline run.
pub(crate) fn inline_markdown(cell: &str) -> Inline {
    blocks(cell.trim())
        .into_iter()
        .find_map(|b| match b {
            Block::Paragraph { inline, .. } | Block::Heading { inline, .. } => Some(inline),
            _ => None,
        })
        .unwrap_or_default()
}

/// Inline HTML that is layout, not text. Anything else in angle brackets (`<ID>`,
/// `<user_id>` in a path) is text the author meant to show.
fn is_markup_tag(html: &str) -> bool {
    let name: String = html.trim_start_matches('<').trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    const TAGS: &[&str] = &[
        "a", "b", "i", "em", "strong", "span", "code", "sup", "sub", "small", "kbd", "mark", "u", "s", "del", "ins", "abbr", "img", "br", "wbr", "font", "div",
        "p", "tt", "var", "samp", "cite", "q", "label", "svg", "path", "details", "summary", "hr",
    ];
    html.starts_with("<!--") || TAGS.contains(&name.to_ascii_lowercase().as_str())
}

#[derive(Default)]
struct TableBuilder {
    line: u32,
    header: Vec<Cell>,
    rows: Vec<Row>,
    in_head: bool,
}

/// An open list item: its text so far and the items of lists nested in it.
struct OpenItem {
    inline: InlineBuilder,
    line: u32,
    children: Vec<ListItem>,
    blocks: Vec<Block>,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// The inline run being collected (heading, paragraph, cell, definition part).
    inline: Option<InlineBuilder>,
    heading: Option<(u8, u32)>,
    paragraph_line: Option<u32>,
    table: Option<TableBuilder>,
    /// Open lists (their finished items), and the open items, innermost last.
    lists: Vec<(u32, Vec<ListItem>)>,
    items: Vec<OpenItem>,
    definitions: Option<(u32, Vec<Definition>)>,
    code: Option<(Option<String>, u32, String)>,
    front_matter: Option<(u32, String)>,
    html: Option<(u32, String)>,
    /// Source of the table row being read: GFM drops cells beyond the header's count
    /// (an unescaped `|` in a description), and the interpreter wants to see them.
    row_source: String,
    /// Nothing but whitespace follows the row being read.
    row_at_end: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, line: u32) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if let Some((_, _, code)) = self.code.as_mut() {
                    code.push_str(&t);
                } else if let Some((_, fm)) = self.front_matter.as_mut() {
                    fm.push_str(&t);
                } else {
                    self.with_inline(|i| i.text(&t));
                }
            }
            Event::Code(t) => self.with_inline(|i| i.text(&t)),
            Event::SoftBreak | Event::HardBreak => self.with_inline(InlineBuilder::line_break),
            Event::Html(h) => {
                if let Some((_, buf)) = self.html.as_mut() {
                    buf.push_str(&h);
                }
            }
            // `<br />` separates notes from `**Values**` lists; other tags are layout.
            Event::InlineHtml(h) if h.trim().to_ascii_lowercase().starts_with("<br") => self.with_inline(InlineBuilder::line_break),
            Event::InlineHtml(h) if !is_markup_tag(&h) => self.with_inline(|i| i.text(&h)),
            _ => {}
        }
    }

    /// A code block or table goes into the list item it sits in, else the document.
    fn push_block(&mut self, block: Block) {
        match self.items.last_mut() {
            Some(item) => item.blocks.push(block),
            None => self.blocks.push(block),
        }
    }

    /// Where inline text goes now: the innermost open run, else the innermost list item.
    fn current(&mut self) -> Option<&mut InlineBuilder> {
        if self.inline.is_some() {
            return self.inline.as_mut();
        }
        self.items.last_mut().map(|i| &mut i.inline)
    }

    fn with_inline(&mut self, f: impl FnOnce(&mut InlineBuilder)) {
        if let Some(i) = self.current() {
            f(i);
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: u32) {
        match tag {
            Tag::Heading { level, .. } => {
                self.heading = Some((level as u8, line));
                self.inline = Some(InlineBuilder::default());
            }
            // Inside a list item or definition the paragraph's text joins it.
            Tag::Paragraph if self.inline.is_none() && self.items.is_empty() => {
                self.paragraph_line = Some(line);
                self.inline = Some(InlineBuilder::default());
            }
            Tag::List(_) => self.lists.push((line, Vec::new())),
            Tag::Item => self.items.push(OpenItem { inline: InlineBuilder::default(), line, children: Vec::new(), blocks: Vec::new() }),
            Tag::Table(_) => self.table = Some(TableBuilder { line, ..TableBuilder::default() }),
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = true;
                }
            }
            Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.rows.push(Row { line, cells: Vec::new() });
                }
            }
            Tag::TableCell => self.inline = Some(InlineBuilder::default()),
            Tag::DefinitionList => self.definitions = Some((line, Vec::new())),
            Tag::DefinitionListTitle => {
                if let Some((_, items)) = self.definitions.as_mut() {
                    items.push(Definition { term: Inline::default(), details: Vec::new(), line });
                }
                self.inline = Some(InlineBuilder::default());
            }
            Tag::DefinitionListDefinition => self.inline = Some(InlineBuilder::default()),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((lang, line, String::new()));
            }
            Tag::HtmlBlock => self.html = Some((line, String::new())),
            Tag::MetadataBlock(_) => self.front_matter = Some((line, String::new())),
            Tag::Strong => self.with_inline(|i| i.strong(true)),
            Tag::Strikethrough => self.with_inline(|i| i.strike(true)),
            Tag::Link { dest_url, .. } => self.with_inline(|i| i.link(&dest_url)),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if let (Some((level, line)), Some(i)) = (self.heading.take(), self.inline.take()) {
                    let block = Block::Heading { level, inline: i.finish(), line };
                    // A heading inside a list item is part of the item.
                    match self.items.last_mut() {
                        Some(item) => {
                            if let Block::Heading { inline, .. } = block {
                                item.inline.text(&inline.text);
                                item.inline.line_break();
                            }
                        }
                        None => self.blocks.push(block),
                    }
                }
            }
            TagEnd::Paragraph => match self.paragraph_line.take() {
                Some(line) => {
                    let inline = self.inline.take().map(InlineBuilder::finish).unwrap_or_default();
                    // A JSON sample written as a plain paragraph (READMEs): the text front end
                    // knows where it ends.
                    let json_like = inline.text.lines().count() > 2 && inline.text.lines().any(|l| matches!(l.trim(), "{" | "["));
                    if inline.text.lines().any(super::text::is_delimiter_row) || json_like {
                        // A pipe table glued to the line before it (scraped pages): GFM
                        // reads one paragraph, a browser showed a table.
                        self.blocks.extend(super::text::blocks(&inline.text).into_iter().map(|b| shift(b, line - 1)));
                    } else if !inline.text.is_empty() {
                        self.blocks.push(Block::Paragraph { inline, line });
                    }
                }
                // A paragraph inside a list item or definition: keep paragraphs apart.
                None => self.with_inline(InlineBuilder::line_break),
            },
            TagEnd::Item => {
                if let Some(open) = self.items.pop() {
                    let item = ListItem { inline: open.inline.finish(), line: open.line, children: open.children, blocks: open.blocks };
                    if let Some((_, items)) = self.lists.last_mut() {
                        if !item.inline.text.is_empty() || !item.children.is_empty() || !item.blocks.is_empty() {
                            items.push(item);
                        }
                    }
                }
            }
            TagEnd::List(_) => {
                let Some((line, items)) = self.lists.pop() else { return };
                match self.items.last_mut() {
                    Some(parent) => parent.children.extend(items),
                    None if self.table.is_none() && self.heading.is_none() => self.blocks.push(Block::List { items, line }),
                    None => {}
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let width = t.header.len();
                    // A page cut off mid-row (`| dec` as the last line) leaves a fragment,
                    // not a row with empty cells.
                    // (Not a kramdown attribute line, `{: class="table"}`, that GFM folds in.)
                    let source = self.row_source.trim();
                    // A row cut after its first cell keeps what it has (`| motivo | query | str`).
                    let cut = self.row_at_end && source.starts_with('|') && !source.ends_with('|') && raw_cells(source).len() < 2.min(width);
                    let extra: Vec<Inline> = raw_cells(&self.row_source).iter().skip(width).map(|c| inline_markdown(c)).collect();
                    if cut {
                        t.rows.pop();
                    } else if let (Some(row), false) = (t.rows.last_mut(), extra.is_empty()) {
                        row.cells.extend(extra);
                    }
                }
            }
            TagEnd::TableCell => {
                let cell = self.inline.take().map(InlineBuilder::finish).unwrap_or_default();
                if let Some(t) = self.table.as_mut() {
                    match (t.in_head, t.rows.last_mut()) {
                        (false, Some(row)) => row.cells.push(cell),
                        _ => t.header.push(cell),
                    }
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push_block(Block::Table { header: t.header, rows: t.rows, line: t.line });
                }
            }
            TagEnd::DefinitionListTitle => {
                let term = self.inline.take().map(InlineBuilder::finish).unwrap_or_default();
                if let Some(last) = self.definitions.as_mut().and_then(|(_, items)| items.last_mut()) {
                    last.term = term;
                }
            }
            TagEnd::DefinitionListDefinition => {
                let detail = self.inline.take().map(InlineBuilder::finish).unwrap_or_default();
                if let Some(last) = self.definitions.as_mut().and_then(|(_, items)| items.last_mut()) {
                    last.details.push(detail);
                }
            }
            TagEnd::DefinitionList => {
                if let Some((line, items)) = self.definitions.take() {
                    self.blocks.push(Block::Definitions { items, line });
                }
            }
            TagEnd::CodeBlock => {
                if let Some((lang, line, text)) = self.code.take() {
                    self.push_block(Block::Code { lang, text, line });
                }
            }
            TagEnd::HtmlBlock => {
                if let Some((line, html)) = self.html.take() {
                    self.blocks.extend(super::html::fragment_blocks(&html, line));
                }
            }
            TagEnd::MetadataBlock(_) => {
                if let Some((line, text)) = self.front_matter.take() {
                    let title = text
                        .lines()
                        .find_map(|l| l.trim().strip_prefix("title:"))
                        .map(|t| t.trim().trim_matches(['"', '\'']).to_string())
                        .filter(|t| !t.is_empty());
                    self.blocks.push(Block::FrontMatter { title, line });
                }
            }
            TagEnd::Strong => self.with_inline(|i| i.strong(false)),
            TagEnd::Strikethrough => self.with_inline(|i| i.strike(false)),
            _ => {}
        }
    }
}

/// A block lowered from a part of the document that starts at line `offset + 1`.
fn shift(mut b: Block, offset: u32) -> Block {
    match &mut b {
        Block::FrontMatter { line, .. }
        | Block::Heading { line, .. }
        | Block::Paragraph { line, .. }
        | Block::List { line, .. }
        | Block::Definitions { line, .. }
        | Block::Code { line, .. } => *line += offset,
        Block::Table { line, rows, .. } => {
            *line += offset;
            for r in rows {
                r.line += offset;
            }
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::blocks::flatten;

    #[test]
    fn blocks_with_lines() {
        let md = "---\ntitle: Pet\n---\n# Pet\n\nA **pet** ~~old~~.\n\n|Name | Type|\n|--|--|\n| **id** | [**List&lt;Tag&gt;**](Tag.md) |\n{: class=\"x\"}\n\n* a\n* b<br />c\n\n~~~ruby\nx = 1\n~~~\n";
        let blocks = blocks(md);
        assert_eq!(blocks[0], Block::FrontMatter { title: Some("Pet".into()), line: 1 });
        assert!(matches!(&blocks[1], Block::Heading { level: 1, inline, line: 4 } if inline.text == "Pet"));
        let Block::Paragraph { inline, line: 6 } = &blocks[2] else { panic!("{:?}", blocks[2]) };
        assert_eq!(inline.text, "A pet old.");
        assert!(inline.bold && inline.struck);
        let Block::Table { header, rows, line: 8 } = &blocks[3] else { panic!("{:?}", blocks[3]) };
        assert_eq!(header.len(), 2);
        assert_eq!(rows[0].line, 10);
        assert_eq!(rows[0].cells[1], Inline { text: "List<Tag>".into(), link: Some("Tag.md".into()), bold: true, struck: false, indent: 0 });
        // GFM keeps a following line without a blank line in the table; the interpreter drops it.
        assert!(rows.iter().skip(1).all(|r| r.cells[0].text.starts_with("{:")));
        let Block::List { items, line: 13 } = &blocks[4] else { panic!("{:?}", blocks[4]) };
        assert_eq!(flatten(items).iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["a", "b\nc"]);
        assert!(matches!(&blocks[5], Block::Code { lang: Some(l), line: 16, .. } if l == "ruby"));
    }

    #[test]
    fn unescaped_pipes_keep_their_cells() {
        let trimmed = |row: &str| raw_cells(row).iter().map(|c| c.trim().to_string()).collect::<Vec<_>>();
        assert_eq!(trimmed("| a | b \\| c | d |"), ["a", "b \\| c", "d"]);
        assert_eq!(trimmed("a | b"), ["a", "b"]);
        let blocks = blocks("|Name|Type|Description|Notes|\n|-|-|-|-|\n| **q** | **String** | a pipe '|' here | [optional] |\n");
        let Block::Table { rows, .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(rows[0].cells.len(), 5);
        assert_eq!((rows[0].cells[3].text.as_str(), rows[0].cells[4].text.as_str()), ("' here", "[optional]"));
    }

    #[test]
    fn a_row_cut_off_by_the_end_of_the_page_is_dropped() {
        let table = "| Name | In | Type |\n|-|-|-|\n| q | query | string |\n";
        let rows = |md: &str| match &blocks(md)[0] {
            Block::Table { rows, .. } => rows.len(),
            b => panic!("{b:?}"),
        };
        assert_eq!(rows(&format!("{table}| dec")), 1);
        assert_eq!(rows(&format!("{table}| dec | que")), 2);
        assert_eq!(rows(&format!("{table}| dec | query | string |\n")), 2);
        assert_eq!(rows(&format!("{table}{{: class=\"table\"}}\n")), 2);
        // Mid-page, a short row is a row.
        assert_eq!(rows(&format!("{table}| dec\n\nMore text.\n")), 2);
    }

    #[test]
    fn nested_lists_keep_their_shape() {
        let blocks = blocks("- one\n  - inner\n- two\n\n  more\n");
        let Block::List { items, .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(items.len(), 2);
        assert_eq!((items[0].inline.text.as_str(), items[0].children[0].inline.text.as_str()), ("one", "inner"));
        assert_eq!(items[1].inline.text, "two\nmore");
        assert_eq!(flatten(items).iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["one", "inner", "two\nmore"]);
    }

    #[test]
    fn angle_placeholders_html_blocks_and_definitions() {
        let blocks = blocks("GET /kittens/<ID>\n\n<h3 id=\"x\">Parameters</h3>\n\nlimit\n: How many.\n");
        assert!(matches!(&blocks[0], Block::Paragraph { inline, .. } if inline.text == "GET /kittens/<ID>"), "{blocks:?}");
        assert!(matches!(&blocks[1], Block::Heading { level: 3, inline, line: 3 } if inline.text == "Parameters"), "{blocks:?}");
        let Block::Definitions { items, .. } = &blocks[2] else { panic!("{blocks:?}") };
        assert_eq!((items[0].term.text.as_str(), items[0].details[0].text.as_str()), ("limit", "How many."));
    }
}
