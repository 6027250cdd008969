//! swagger-codegen / openapi-generator SDK markdown → [`Block`]s (pulldown-cmark) → the
//! shared interpreter in [`super::swagger`].

use crate::diag::Diagnostics;
use crate::parse::swagger::{Block, Cell, Inline, InlineBuilder, Row, http_line, interpret};
use crate::parse::text::LineIndex;
use crate::schema::ParsedDoc;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// True when `text` looks like this family (content sniffing, not file names): a
/// `Properties` heading with a `Name | Type | ...` table, or method sections (`Wraps GET
/// /path`, `All URIs are relative to`, `Parameters`/`Return type` headings with such tables).
pub fn looks_like(text: &str) -> bool {
    // Rendered HTML mentions the same phrases but is not markdown.
    let head = text.trim_start();
    if head.starts_with('<') && (head.contains("</h") || head.contains("</p>") || head.contains("</td>")) {
        return false;
    }
    let (mut properties, mut name_type_table, mut method_heading, mut api_line) = (false, false, false, false);
    for line in text.lines() {
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        if lower.starts_with('#') {
            match lower.trim_start_matches('#').trim().trim_end_matches(['#', ':', ' ']) {
                "properties" => properties = true,
                "parameters" | "path parameters" | "other parameters" | "return type" | "http request" => method_heading = true,
                _ => {}
            }
        }
        let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
        name_type_table |= compact.trim_start_matches('|').starts_with("name|type|");
        api_line |= lower.contains("all uris are relative to") || (lower.starts_with("wraps ") && http_line(t).is_some());
        if api_line || (name_type_table && (properties || method_heading)) {
            return true;
        }
    }
    false
}

pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    interpret(file, &blocks(text), diags)
}

/// The markdown dialect the generators write: GFM tables, strikethrough, YAML front matter.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// The document as blocks with 1-based source lines.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines = LineIndex::new(text);
    let mut b = Builder::default();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        if matches!(event, Event::Start(Tag::TableRow)) {
            b.row_source = text[range.clone()].to_string();
        }
        b.event(event, lines.line(range.start));
    }
    b.blocks
}

/// Cells of a raw table row split on unescaped `|`, outer pipes removed.
fn raw_cells(row: &str) -> Vec<&str> {
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
fn inline_markdown(cell: &str) -> Inline {
    blocks(cell.trim())
        .into_iter()
        .find_map(|b| match b {
            Block::Paragraph { inline, .. } | Block::Heading { inline, .. } => Some(inline),
            _ => None,
        })
        .unwrap_or_default()
}

#[derive(Default)]
struct TableBuilder {
    line: u32,
    header: Vec<Cell>,
    rows: Vec<Row>,
    in_head: bool,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// The inline run being collected (heading, paragraph, cell or list item).
    inline: Option<InlineBuilder>,
    heading: Option<(u8, u32)>,
    paragraph_line: Option<u32>,
    table: Option<TableBuilder>,
    /// Open lists: depth, the outermost list's line and its items so far.
    list_depth: usize,
    list: Option<(u32, Vec<Inline>)>,
    code: Option<(Option<String>, u32, String)>,
    front_matter: Option<(u32, String)>,
    /// Source of the table row being read: GFM drops cells beyond the header's count
    /// (an unescaped `|` in a description), and the interpreter wants to see them.
    row_source: String,
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
                } else if let Some(i) = self.inline.as_mut() {
                    i.text(&t);
                }
            }
            Event::Code(t) => {
                if let Some(i) = self.inline.as_mut() {
                    i.text(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(i) = self.inline.as_mut() {
                    i.line_break();
                }
            }
            // `<br />` separates notes from `**Values**` lists; other inline HTML is layout.
            Event::InlineHtml(h) if h.trim().to_ascii_lowercase().starts_with("<br") => self.with_inline(InlineBuilder::line_break),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: u32) {
        match tag {
            Tag::Heading { level, .. } => {
                self.heading = Some((level as u8, line));
                self.inline = Some(InlineBuilder::default());
            }
            // Inside a list item the paragraph's text joins the item.
            Tag::Paragraph if self.inline.is_none() => {
                self.paragraph_line = Some(line);
                self.inline = Some(InlineBuilder::default());
            }
            Tag::List(_) => {
                self.list_depth += 1;
                if self.list_depth == 1 {
                    self.list = Some((line, Vec::new()));
                }
            }
            Tag::Item => {
                // A nested list starts inside an item: the outer item's text so far is complete.
                self.flush_item();
                self.inline = Some(InlineBuilder::default());
            }
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
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((lang, line, String::new()));
            }
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
                    self.blocks.push(Block::Heading { level, inline: i.finish(), line });
                }
            }
            TagEnd::Paragraph => match self.paragraph_line.take() {
                Some(line) => {
                    let inline = self.inline.take().map(InlineBuilder::finish).unwrap_or_default();
                    if !inline.text.is_empty() {
                        self.blocks.push(Block::Paragraph { inline, line });
                    }
                }
                // A paragraph inside a list item: keep paragraphs apart.
                None => self.with_inline(InlineBuilder::line_break),
            },
            TagEnd::Item => self.flush_item(),
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth > 0 {
                    // Text after a nested list still belongs to the outer item.
                    self.inline = Some(InlineBuilder::default());
                }
                let outermost = self.list.take_if(|_| self.list_depth == 0);
                if let Some((line, items)) = outermost {
                    self.blocks.push(Block::List { items, line });
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
                    let extra: Vec<Inline> = raw_cells(&self.row_source).iter().skip(width).map(|c| inline_markdown(c)).collect();
                    if let (Some(row), false) = (t.rows.last_mut(), extra.is_empty()) {
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
                    self.blocks.push(Block::Table { header: t.header, rows: t.rows, line: t.line });
                }
            }
            TagEnd::CodeBlock => {
                if let Some((lang, line, text)) = self.code.take() {
                    self.blocks.push(Block::Code { lang, text, line });
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

    fn with_inline(&mut self, f: impl FnOnce(&mut InlineBuilder)) {
        if let Some(i) = self.inline.as_mut() {
            f(i);
        }
    }

    fn flush_item(&mut self) {
        if self.list_depth == 0 || self.heading.is_some() || self.table.is_some() {
            return;
        }
        if let (Some(i), Some((_, items))) = (self.inline.take(), self.list.as_mut()) {
            let item = i.finish();
            if !item.text.is_empty() {
                items.push(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        let yes = [
            "## Properties\n\n|Name | Type | Description | Notes|\n|---|---|---|---|\n",
            "# Pet\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n",
            "All URIs are relative to *http://petstore.swagger.io/v2*\n",
            "## getPet\n\nWraps GET /pets/{id}\n",
            "### Parameters\n\n| Name | Type | Description  | Notes |\n|---|---|---|---|\n",
        ];
        for t in yes {
            assert!(looks_like(t), "{t:?}");
        }
        let no = [
            "<h2>X</h2>\n<p>All URIs are relative to <em>https://x</em></p>",
            "# Hello\n\nSome prose about properties.\n",
            "Name | Type\n--|--\n",
            "",
            "wraps things up nicely\n",
        ];
        for t in no {
            assert!(!looks_like(t), "{t:?}");
        }
    }

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
        assert_eq!(rows[0].cells[1], Inline { text: "List<Tag>".into(), link: Some("Tag.md".into()), bold: true, struck: false });
        // GFM keeps a following line without a blank line in the table; the interpreter drops it.
        assert!(rows.iter().skip(1).all(|r| r.cells[0].text.starts_with("{:")));
        let Block::List { items, line: 13 } = &blocks[4] else { panic!("{:?}", blocks[4]) };
        assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["a", "b\nc"]);
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
    fn nested_and_loose_lists_flatten() {
        let blocks = blocks("- one\n  - inner\n- two\n\n  more\n");
        let Block::List { items, .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["one", "inner", "two\nmore"]);
    }
}
