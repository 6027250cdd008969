//! swagger-codegen / openapi-generator docs rendered to HTML → [`Block`]s from the DOM →
//! the shared interpreter in [`crate::parse::swagger`].
//!
//! Source lines are approximate: html5ever keeps no positions, so a block's line is one
//! plus the newlines in all text and comments before it in document order.

use crate::diag::Diagnostics;
use crate::parse::swagger::{Block, Inline, InlineBuilder, Row, interpret};
use crate::schema::ParsedDoc;
use scraper::{ElementRef, Node};

pub fn parse_dom(file: &str, doc: &scraper::Html, diags: &mut Diagnostics) -> ParsedDoc {
    interpret(file, &blocks(doc), diags)
}

/// The page as blocks, in document order.
pub fn blocks(doc: &scraper::Html) -> Vec<Block> {
    let mut w = Walker { blocks: Vec::new(), newlines: 0, depth: 0 };
    w.element(doc.root_element());
    w.blocks
}

/// Elements that start a block of their own; anything else is inline content.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "h1" | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "p"
            | "table"
            | "ul"
            | "ol"
            | "pre"
            | "blockquote"
            | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "body"
            | "html"
            | "hr"
            | "dl"
            | "dd"
            | "dt"
            | "figure"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "address"
            | "li"
            | "head"
            | "script"
            | "style"
            | "template"
            | "noscript"
    )
}

/// Deeper DOM nesting than this is read as plain text, so hostile pages cannot exhaust the stack.
const MAX_DEPTH: usize = 200;

struct Walker {
    blocks: Vec<Block>,
    newlines: usize,
    depth: usize,
}

impl Walker {
    fn line(&self) -> u32 {
        (self.newlines + 1).min(u32::MAX as usize) as u32
    }

    fn count(&mut self, s: &str) {
        self.newlines += s.matches('\n').count();
    }

    /// Skip a subtree, keeping the line count right.
    fn skip(&mut self, el: ElementRef<'_>) {
        let text: String = el.text().collect();
        self.count(&text);
    }

    fn element(&mut self, el: ElementRef<'_>) {
        if self.depth >= MAX_DEPTH {
            return self.skip(el);
        }
        self.depth += 1;
        let line = self.line();
        match el.value().name() {
            h @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                let level = h.as_bytes()[1] - b'0';
                let inline = self.inline(el);
                self.blocks.push(Block::Heading { level, inline, line });
            }
            "p" | "dt" | "dd" | "summary" | "address" => {
                let inline = self.inline(el);
                if !inline.text.is_empty() {
                    self.blocks.push(Block::Paragraph { inline, line });
                }
            }
            "table" => self.table(el, line),
            "ul" | "ol" => {
                let mut items = Vec::new();
                self.list(el, &mut items);
                self.blocks.push(Block::List { items, line });
            }
            "pre" => {
                let lang = el
                    .child_elements()
                    .find(|c| c.value().name() == "code")
                    .and_then(|c| c.value().classes().find_map(|cls| cls.strip_prefix("language-").map(str::to_string)));
                let text: String = el.text().collect();
                self.count(&text);
                self.blocks.push(Block::Code { lang, text, line });
            }
            "head" | "script" | "style" | "template" | "noscript" => self.skip(el),
            _ => self.children(el),
        }
        self.depth -= 1;
    }

    /// Block-level children; runs of loose inline content become paragraphs.
    fn children(&mut self, el: ElementRef<'_>) {
        let mut pending: Option<(InlineBuilder, u32)> = None;
        for child in el.children() {
            match child.value() {
                Node::Element(e) if is_block(e.name()) => {
                    self.flush(pending.take());
                    if let Some(c) = ElementRef::wrap(child) {
                        self.element(c);
                    }
                }
                Node::Element(_) | Node::Text(_) => {
                    let line = self.line();
                    let (b, _) = pending.get_or_insert_with(|| (InlineBuilder::default(), line));
                    self.inline_node(b, child);
                }
                Node::Comment(c) => self.count(c),
                _ => {}
            }
        }
        self.flush(pending);
    }

    fn flush(&mut self, pending: Option<(InlineBuilder, u32)>) {
        if let Some((b, line)) = pending {
            let inline = b.finish();
            if !inline.text.is_empty() {
                self.blocks.push(Block::Paragraph { inline, line });
            }
        }
    }

    fn inline(&mut self, el: ElementRef<'_>) -> Inline {
        let mut b = InlineBuilder::default();
        for child in el.children() {
            self.inline_node(&mut b, child);
        }
        b.finish()
    }

    fn inline_node(&mut self, b: &mut InlineBuilder, node: ego_node::NodeRef<'_>) {
        match node.value() {
            Node::Text(t) => {
                self.count(t);
                b.text(t);
            }
            Node::Comment(c) => self.count(c),
            Node::Element(e) => {
                let Some(el) = ElementRef::wrap(node) else { return };
                if self.depth >= MAX_DEPTH {
                    let text: String = el.text().collect();
                    self.count(&text);
                    b.text(&text);
                    return;
                }
                let name = e.name();
                match name {
                    "br" => return b.line_break(),
                    "img" => return b.text(e.attr("alt").unwrap_or("")),
                    "script" | "style" | "template" => return self.skip(el),
                    "strong" | "b" => b.strong(true),
                    "del" | "s" | "strike" => b.strike(true),
                    "a" => {
                        if let Some(href) = e.attr("href") {
                            b.link(href);
                        }
                    }
                    _ => {}
                }
                // Paragraphs inside list items or cells stay apart, as in the markdown front end.
                let separate = is_block(name);
                self.depth += 1;
                for child in el.children() {
                    self.inline_node(b, child);
                }
                self.depth -= 1;
                if separate {
                    b.line_break();
                }
                match name {
                    "strong" | "b" => b.strong(false),
                    "del" | "s" | "strike" => b.strike(false),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// List items in order; nested lists are flattened after their parent item.
    fn list(&mut self, el: ElementRef<'_>, items: &mut Vec<Inline>) {
        for child in el.children() {
            let li = match child.value() {
                Node::Element(e) if e.name() == "li" => ElementRef::wrap(child),
                Node::Text(t) => {
                    self.count(t);
                    None
                }
                _ => None,
            };
            let Some(li) = li else { continue };
            let mut b = InlineBuilder::default();
            for part in li.children() {
                let nested = ElementRef::wrap(part).filter(|e| matches!(e.value().name(), "ul" | "ol") && self.depth < MAX_DEPTH);
                match nested {
                    Some(sub) => {
                        push_item(items, std::mem::take(&mut b));
                        self.depth += 1;
                        self.list(sub, items);
                        self.depth -= 1;
                    }
                    None => self.inline_node(&mut b, part),
                }
            }
            push_item(items, b);
        }
    }

    fn table(&mut self, el: ElementRef<'_>, line: u32) {
        let mut header = None;
        let mut rows = Vec::new();
        self.rows(el, &mut header, &mut rows);
        self.blocks.push(Block::Table { header: header.unwrap_or_default(), rows, line });
    }

    /// `tr`s of this table (inside `thead`/`tbody`/`tfoot` or direct), not of nested tables.
    fn rows(&mut self, el: ElementRef<'_>, header: &mut Option<Vec<Inline>>, rows: &mut Vec<Row>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.count(t),
                Node::Comment(c) => self.count(c),
                Node::Element(e) => {
                    let Some(c) = ElementRef::wrap(child) else { continue };
                    match e.name() {
                        "thead" | "tbody" | "tfoot" => self.rows(c, header, rows),
                        "tr" => {
                            let line = self.line();
                            let in_head = el.value().name() == "thead";
                            let cells = self.cells(c);
                            // The first row is the header when there is no `thead`.
                            if header.is_none() && (in_head || rows.is_empty()) {
                                *header = Some(cells);
                            } else {
                                rows.push(Row { line, cells });
                            }
                        }
                        _ => self.skip(c),
                    }
                }
                _ => {}
            }
        }
    }

    fn cells(&mut self, tr: ElementRef<'_>) -> Vec<Inline> {
        let mut cells = Vec::new();
        for child in tr.children() {
            match child.value() {
                Node::Element(e) if matches!(e.name(), "td" | "th") => {
                    if let Some(c) = ElementRef::wrap(child) {
                        cells.push(self.inline(c));
                    }
                }
                Node::Text(t) => self.count(t),
                _ => {}
            }
        }
        cells
    }
}

fn push_item(items: &mut Vec<Inline>, b: InlineBuilder) {
    let item = b.finish();
    if !item.text.is_empty() {
        items.push(item);
    }
}

/// The node type scraper's tree uses, named through `ElementRef`'s deref target.
mod ego_node {
    pub type NodeRef<'a> = <scraper::ElementRef<'a> as std::ops::Deref>::Target;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(html: &str) -> Vec<Block> {
        blocks(&scraper::Html::parse_document(html))
    }

    #[test]
    fn headings_paragraphs_and_lines() {
        let b = blocks_of("<h2>PureCloud::X</h2>\n<p>Wraps <strong>GET</strong> /x</p>\n\n<p><a name=\"y\"></a></p>\n<h3><del>old</del></h3>");
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(matches!(&b[0], Block::Heading { level: 2, inline, line: 1 } if inline.text == "PureCloud::X"));
        assert!(matches!(&b[1], Block::Paragraph { inline, line: 2 } if inline.text == "Wraps GET /x" && inline.bold));
        assert!(matches!(&b[2], Block::Heading { level: 3, inline, line: 5 } if inline.struck));
    }

    #[test]
    fn tables_with_and_without_thead() {
        let b = blocks_of(
            "<table><thead><tr><th>Name</th><th>Type</th></tr></thead>\n<tbody>\n<tr><td><strong>id</strong></td><td><a href=\"T.html\"><strong>Array&lt;T&gt;</strong></a></td></tr>\n</tbody></table>",
        );
        let Block::Table { header, rows, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!(header.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Name", "Type"]);
        assert_eq!((rows.len(), rows[0].line), (1, 3));
        assert_eq!(rows[0].cells[1], Inline { text: "Array<T>".into(), link: Some("T.html".into()), bold: true, struck: false });
        let b = blocks_of("<table><tr><td>Name</td><td>Type</td></tr><tr><td>a<br>b</td></tr></table>");
        let Block::Table { header, rows, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!((header.len(), rows[0].cells[0].text.as_str()), (2, "a\nb"));
    }

    #[test]
    fn lists_code_and_loose_text() {
        let b = blocks_of(
            "<div>loose <b>text</b><ul><li>a<ul><li>inner</li></ul></li><li><p>b</p><p>c</p></li></ul></div><pre><code class=\"language-ruby\">x = 1\ny\n</code></pre><script>var x;</script>",
        );
        assert!(matches!(&b[0], Block::Paragraph { inline, .. } if inline.text == "loose text"), "{b:?}");
        let Block::List { items, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["a", "inner", "b\nc"]);
        assert!(matches!(&b[2], Block::Code { lang: Some(l), text, .. } if l == "ruby" && text == "x = 1\ny\n"));
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}<p>x</p>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        let b = blocks_of(&html);
        assert!(b.len() <= 1);
        let inline = format!("<p>{}x{}</p>", "<b>".repeat(3000), "</b>".repeat(3000));
        assert!(matches!(&blocks_of(&inline)[..], [Block::Paragraph { inline, .. }] if inline.text == "x"));
    }
}
