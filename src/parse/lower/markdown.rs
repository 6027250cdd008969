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
    split_json_runs(split_glued_headings(unlazy_last_items(b.blocks, text)))
}

/// An HTML-to-markdown conversion that lost line breaks glues headings into one
/// (`Consumes This call consumes … ### Request body`): each `###` starts a heading.
fn split_glued_headings(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Block::Heading { level, inline, line } = &block else {
            out.push(block);
            continue;
        };
        let mut pieces: Vec<(u8, &str)> = Vec::new();
        let mut rest = inline.text.as_str();
        let mut current = *level;
        while let Some(at) = rest.find(" #").filter(|_| pieces.len() < 20) {
            let marks = rest[at + 1..].chars().take_while(|&c| c == '#').count();
            if !(2..=6).contains(&marks) || !rest[at + 1 + marks..].starts_with(' ') {
                break;
            }
            pieces.push((current, rest[..at].trim()));
            current = marks as u8;
            rest = &rest[at + 1 + marks..];
        }
        if pieces.is_empty() {
            out.push(block);
            continue;
        }
        pieces.push((current, rest.trim()));
        for (level, text) in pieces.into_iter().filter(|(_, t)| !t.is_empty()) {
            out.push(Block::Heading { level, inline: Inline::plain(text), line: *line });
        }
    }
    out
}

/// A crawler's text read as markdown keeps a JSON sample as paragraph lines (markdown
/// needs a fence): a run of lines that balances from `{` / `[` (or `Response{`) is code.
fn split_json_runs(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Block::Paragraph { inline, line } = &block else {
            out.push(block);
            continue;
        };
        let lines: Vec<&str> = inline.text.lines().collect();
        if lines.len() < 3 || !lines.iter().any(|l| l.trim_end().ends_with(['{', '['])) {
            out.push(block);
            continue;
        }
        let (line, link) = (*line, inline.link.clone());
        let mut pending: Vec<&str> = Vec::new();
        let mut budget = 100_000;
        let mut i = 0;
        let flush = |pending: &mut Vec<&str>, at: usize, out: &mut Vec<Block>| {
            if !pending.is_empty() {
                let mut inline = Inline::plain(&pending.join("\n"));
                inline.link.clone_from(&link);
                out.push(Block::Paragraph { inline, line: line + at.saturating_sub(pending.len()) as u32 });
                pending.clear();
            }
        };
        while i < lines.len() {
            let t = lines[i].trim();
            let (label, opener) = super::text::glued_json_label(t).map_or((None, t), |(l, o)| (Some(l), o));
            let mut probe = lines.clone();
            probe[i] = opener;
            let json = super::text::json_follows(&lines, i).then(|| super::text::json_block(&probe, i, &mut budget)).flatten();
            match json.filter(|&end| end > i + 1) {
                Some(end) => {
                    pending.extend(label);
                    flush(&mut pending, i, &mut out);
                    let json = std::iter::once(opener).chain(lines[i + 1..end].iter().copied()).collect::<Vec<_>>().join("\n");
                    out.push(Block::Code { lang: Some("json".into()), text: json + "\n", line: line + i as u32 });
                    i = end;
                }
                None => {
                    pending.push(lines[i]);
                    i += 1;
                }
            }
        }
        flush(&mut pending, lines.len(), &mut out);
    }
    out
}

/// A crawler's text that reads as markdown: the lines after a list's last bullet, not
/// indented, join that item as a lazy continuation (`- 200 OK` then twenty lines of the
/// page). Three or more such lines are the page going on, not the item wrapping.
fn unlazy_last_items(blocks: Vec<Block>, text: &str) -> Vec<Block> {
    let source: Vec<&str> = text.lines().collect();
    let mut out = Vec::with_capacity(blocks.len());
    for mut block in blocks {
        let mut rest = None;
        if let Block::List { items, .. } = &mut block {
            // (Two lines do when the second is a bold label, `**Response example**`.)
            let label_next = |i: &ListItem| {
                i.inline.text.lines().count() == 2 && source.get(i.line as usize).is_some_and(|l| l.starts_with("**") && l.trim_end().ends_with("**"))
            };
            if let Some(last) =
                items.last_mut().filter(|i| i.children.is_empty() && i.blocks.is_empty() && (i.inline.text.lines().count() >= 3 || label_next(i)))
            {
                // `line` is 1-based: the item's second line is `source[line]`.
                let lazy = source.get(last.line as usize).is_some_and(|l| !l.starts_with(char::is_whitespace) && !l.trim().is_empty());
                if let Some((first, tail)) = last.inline.text.split_once('\n').filter(|_| lazy) {
                    rest = Some(Block::Paragraph { inline: Inline::plain(tail), line: last.line + 1 });
                    last.inline.text = first.to_string();
                }
            }
        }
        out.push(block);
        out.extend(rest);
    }
    out
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
                    // Markdown inside an HTML block stays text to a markdown reader; a page
                    // converted from HTML to markdown keeps its links that way
                    // (`<div>[Up](#__Methods) get /pets</div>`).
                    let blocks = super::fragment_blocks(&html, line).into_iter().map(|b| match b {
                        Block::Paragraph { inline, line } if inline.text.contains("](") && inline.link.is_none() => {
                            Block::Paragraph { inline: inline_markdown(&inline.text), line }
                        }
                        b => b,
                    });
                    self.blocks.extend(blocks);
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
    fn crawler_text_read_as_markdown() {
        // A bullet without a blank line after it, a sample as plain lines with its label
        // glued, links that made the text markdown.
        let page = "See [the guide](https://x.example/guide).\n- 200 OK\nsuccessful operation\nget\n/kilns/{id}\nResponse{\n\"id\": \"k1\",\n\"cone\": 6\n}\n";
        let b = blocks(page);
        let Block::List { items, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!(items[0].inline.text, "200 OK");
        assert!(matches!(&b[2], Block::Paragraph { inline, line: 3 } if inline.text == "successful operation\nget\n/kilns/{id}\nResponse"), "{b:?}");
        assert!(matches!(&b[3], Block::Code { lang: Some(l), text, .. } if l == "json" && text.starts_with("{\n\"id\"")), "{b:?}");
        // `Array [` opening a field list is not a sample.
        let b = blocks("Schema\nArray [\nid stringrequired\n]\n");
        assert!(b.iter().all(|b| !matches!(b, Block::Code { .. })), "{b:?}");
    }

    #[test]
    fn headings_glued_by_a_conversion_are_split() {
        let b = blocks("### Consumes This call consumes: * `application/json` ### Request body\n");
        let texts: Vec<(u8, &str)> = b
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, inline, .. } => Some((*level, inline.text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(texts, [(3, "Consumes This call consumes: * application/json"), (3, "Request body")]);
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
