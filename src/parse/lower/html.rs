//! HTML → [`Block`]s from the DOM (scraper). Whole saved pages and fragments (HTML blocks
//! inside markdown) alike.
//!
//! Source lines are approximate: html5ever keeps no positions, so a block's line is one
//! plus the newlines in all text and comments before it in document order.
//!
//! What a browser shows apart stays apart: block elements become blocks (a `div` soup
//! becomes one paragraph per `div`, as a browser copy gives it), and adjacent `span`s get a
//! space between them. Navigation, buttons, forms controls and scripts are not content.

use crate::parse::blocks::{Block, Definition, Inline, InlineBuilder, ListItem, Row};
use scraper::{ElementRef, Html, Node};

/// Deeper nesting than any doc page has; html5ever's scope checks are quadratic in it.
pub const MAX_DEPTH: usize = 2048;

/// The page as blocks, in document order.
pub fn blocks(doc: &Html) -> Vec<Block> {
    let mut w = Walker { blocks: Vec::new(), newlines: 0, depth: 0 };
    w.element(doc.root_element());
    w.blocks
}

/// An HTML fragment (an HTML block in markdown) starting at `first_line`.
pub fn fragment_blocks(html: &str, first_line: u32) -> Vec<Block> {
    if too_deep(html).is_some() {
        return Vec::new();
    }
    let doc = Html::parse_fragment(html);
    let mut w = Walker { blocks: Vec::new(), newlines: first_line.saturating_sub(1) as usize, depth: 0 };
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
            | "figcaption"
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
            | "tr"
            | "caption"
    )
}

/// An inline or unknown element that holds blocks (`<a><div>…</div></a>`, custom elements
/// such as `<elements-api>`): its content is laid out as blocks.
fn holds_blocks(el: ElementRef<'_>) -> bool {
    el.value().name().contains('-') || el.child_elements().any(|c| is_block(c.value().name()))
}

/// Not content: scripts, navigation, form controls, pictures. (Buttons hold content:
/// Redoc puts the endpoint and property names in them.)
fn is_skipped(name: &str) -> bool {
    matches!(name, "head" | "script" | "style" | "template" | "noscript" | "nav" | "svg" | "select" | "iframe" | "input" | "textarea" | "canvas")
}

/// Inline elements a browser shows as separate pieces (badges, type labels, names).
fn separates(name: &str) -> bool {
    matches!(name, "span" | "label" | "time" | "output" | "button" | "sup" | "sub" | "small")
}

/// Deeper DOM nesting than this is read as plain text, so hostile pages cannot exhaust the stack.
const MAX_WALK_DEPTH: usize = 200;

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
        if self.depth >= MAX_WALK_DEPTH {
            return self.skip(el);
        }
        self.depth += 1;
        let line = self.line();
        match el.value().name() {
            h @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                let level = h.as_bytes()[1] - b'0';
                let inline = self.inline(el);
                if !inline.text.is_empty() {
                    self.blocks.push(Block::Heading { level, inline, line });
                }
            }
            "p" | "summary" | "address" | "caption" | "figcaption" | "dt" | "dd" => {
                let inline = self.inline(el);
                if !inline.text.is_empty() {
                    self.blocks.push(Block::Paragraph { inline, line });
                }
            }
            "table" => self.table(el, line),
            "ul" | "ol" => {
                let items = self.list(el);
                if !items.is_empty() {
                    self.blocks.push(Block::List { items, line });
                }
            }
            "dl" => self.definitions(el, line),
            "pre" => {
                let text: String = el.text().collect();
                self.count(&text);
                // `<pre data-type="post">/plants</pre>` (openapi-generator html2, apidoc): the
                // method is an attribute.
                let method = [Some(el), el.child_elements().find(|c| c.value().name() == "code")]
                    .into_iter()
                    .flatten()
                    .find_map(|e| ["data-type", "data-method", "data-http-method"].iter().find_map(|a| e.value().attr(a)))
                    .and_then(crate::schema::Method::parse);
                let text = match method {
                    Some(m) if !text.trim().is_empty() && !text.contains('\n') => format!("{} {}", m.as_str(), text.trim()),
                    _ => text,
                };
                self.blocks.push(Block::Code { lang: code_language(el), text, line });
            }
            "script" => {
                let text: String = el.text().collect();
                self.count(&text);
                self.blocks.extend(super::script::blocks(&text, line));
            }
            name if is_skipped(name) => self.skip(el),
            _ => self.children(el),
        }
        self.depth -= 1;
    }

    /// Block-level children; runs of loose inline content become paragraphs.
    fn children(&mut self, el: ElementRef<'_>) {
        let mut pending: Option<(InlineBuilder, u32)> = None;
        for child in el.children() {
            match child.value() {
                Node::Element(e) if is_block(e.name()) || ElementRef::wrap(child).is_some_and(holds_blocks) => {
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
                if self.depth >= MAX_WALK_DEPTH {
                    let text: String = el.text().collect();
                    self.count(&text);
                    b.text(&text);
                    return;
                }
                let name = e.name();
                match name {
                    "br" => return b.line_break(),
                    "img" => return b.text(e.attr("alt").unwrap_or("")),
                    // A select shows its chosen option (Swagger UI's media type picker).
                    "select" => {
                        let chosen = el
                            .descendants()
                            .filter_map(ElementRef::wrap)
                            .filter(|o| o.value().name() == "option")
                            .find(|o| o.value().attr("selected").is_some());
                        let first = el.descendants().filter_map(ElementRef::wrap).find(|o| o.value().name() == "option");
                        let text: String = chosen.or(first).map(|o| o.text().collect()).unwrap_or_default();
                        self.skip(el);
                        b.separate();
                        b.text(&text);
                        return b.separate();
                    }
                    // A schema rendered by script in a cell: the type it shows.
                    "script" => {
                        let text: String = el.text().collect();
                        self.count(&text);
                        if let Some(words) = super::script::inline_words(&text) {
                            b.separate();
                            b.text(&words);
                        }
                        return;
                    }
                    n if is_skipped(n) => return self.skip(el),
                    // `Copy`, `Try it`: a control, not content.
                    "button" if crate::parse::vocab::chrome::is_chrome(&el.text().collect::<String>()) => return self.skip(el),
                    "strong" | "b" => b.strong(true),
                    "del" | "s" | "strike" => b.strike(true),
                    // Permalink marks after headings (`¶`, `#`, `§`): not part of the text.
                    "a" if matches!(el.text().collect::<String>().trim(), "¶" | "#" | "§" | "🔗" | "∞") => return self.skip(el),
                    "a" => {
                        if let Some(href) = e.attr("href") {
                            b.link(href);
                        }
                    }
                    _ => {}
                }
                let separate = separates(name);
                if separate {
                    b.separate();
                }
                // Paragraphs inside list items or cells stay apart, as in the markdown front end.
                let block = is_block(name);
                self.depth += 1;
                for child in el.children() {
                    self.inline_node(b, child);
                }
                self.depth -= 1;
                if block {
                    b.line_break();
                } else if separate {
                    b.separate();
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

    /// The items of one list; nested lists become the children of their item.
    fn list(&mut self, el: ElementRef<'_>) -> Vec<ListItem> {
        let mut items = Vec::new();
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
            let line = self.line();
            let mut b = InlineBuilder::default();
            let mut children = Vec::new();
            for part in li.children() {
                let nested = ElementRef::wrap(part).filter(|e| matches!(e.value().name(), "ul" | "ol") && self.depth < MAX_WALK_DEPTH);
                match nested {
                    Some(sub) => {
                        self.depth += 1;
                        children.extend(self.list(sub));
                        self.depth -= 1;
                    }
                    None => self.inline_node(&mut b, part),
                }
            }
            let inline = b.finish();
            if !inline.text.is_empty() || !children.is_empty() {
                items.push(ListItem { inline, line, children, blocks: Vec::new() });
            }
        }
        items
    }

    fn definitions(&mut self, el: ElementRef<'_>, line: u32) {
        let mut items: Vec<Definition> = Vec::new();
        for child in el.children() {
            let Some(c) = ElementRef::wrap(child) else {
                if let Node::Text(t) = child.value() {
                    self.count(t);
                }
                continue;
            };
            match c.value().name() {
                "dt" => {
                    let line = self.line();
                    let term = self.inline(c);
                    items.push(Definition { term, details: Vec::new(), line });
                }
                "dd" => {
                    // A definition may hold whole blocks (field lists, nested `dl`s): those
                    // become blocks after the list; its own text is the detail.
                    let before = self.blocks.len();
                    let detail = self.detail(c);
                    match items.last_mut() {
                        Some(last) => last.details.push(detail),
                        None => items.push(Definition { term: Inline::default(), details: vec![detail], line: self.line() }),
                    }
                    if self.blocks.len() > before {
                        let nested: Vec<Block> = self.blocks.drain(before..).collect();
                        self.blocks.push(Block::Definitions { items: std::mem::take(&mut items), line });
                        self.blocks.extend(nested);
                    }
                }
                // `<div>` wrappers around dt/dd pairs (HTML 5.2).
                "div" => {
                    let line = self.line();
                    let term = c.child_elements().find(|e| e.value().name() == "dt").map(|dt| self.inline(dt)).unwrap_or_default();
                    let details = c.child_elements().filter(|e| e.value().name() == "dd").map(|dd| self.inline(dd)).collect();
                    items.push(Definition { term, details, line });
                }
                _ => self.element(c),
            }
        }
        if !items.is_empty() {
            self.blocks.push(Block::Definitions { items, line });
        }
    }

    /// A `dd`: its inline text; block children other than paragraphs are lowered as blocks.
    fn detail(&mut self, dd: ElementRef<'_>) -> Inline {
        let mut b = InlineBuilder::default();
        for child in dd.children() {
            let structural = ElementRef::wrap(child).filter(|e| matches!(e.value().name(), "ul" | "ol" | "dl" | "table" | "pre" | "div" | "section"));
            match structural {
                Some(e) => self.element(e),
                None => self.inline_node(&mut b, child),
            }
        }
        b.finish()
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
                        // The caption names what the table lists (`Pet Parameters:`): a line before it.
                        "caption" => {
                            let line = self.line();
                            let inline = self.inline(c);
                            if !inline.text.trim().is_empty() {
                                self.blocks.push(Block::Paragraph { inline, line });
                            }
                        }
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

/// `<pre><code class="language-json">`, `<pre class="highlight json">`, `data-lang`.
fn code_language(pre: ElementRef<'_>) -> Option<String> {
    let from = |el: ElementRef<'_>| {
        el.value().attr("data-lang").map(str::to_string).or_else(|| {
            el.value().classes().find_map(|c| {
                c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-")).or_else(|| c.strip_prefix("highlight-source-")).map(str::to_string)
            })
        })
    };
    let known = |el: ElementRef<'_>| {
        el.value().classes().find(|c| matches!(*c, "json" | "shell" | "bash" | "http" | "javascript" | "python" | "ruby" | "xml")).map(str::to_string)
    };
    let code = pre.child_elements().find(|c| c.value().name() == "code");
    code.and_then(from).or_else(|| from(pre)).or_else(|| code.and_then(known)).or_else(|| known(pre))
}

/// The line where open tags first nest deeper than [`MAX_DEPTH`], by a cheap tag scan.
/// Void tags, tags whose end tag is optional (`<p>`, `<li>`, `<td>` …, often left
/// open), comments and the raw text of `<script>`/`<style>` never count as nesting.
pub fn too_deep(text: &str) -> Option<u32> {
    const FLAT: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "thead",
        "tbody", "tfoot", "option", "optgroup", "colgroup", "rt", "rp",
    ];
    const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp"];
    let lower = text.to_ascii_lowercase();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(open) = lower[at..].find('<').map(|i| at + i) {
        let tag = &lower[open + 1..];
        if tag.starts_with("!--") {
            at = lower[open..].find("-->").map_or(lower.len(), |i| open + i + 3);
            continue;
        }
        let end = tag.find('>').map_or(lower.len(), |i| open + 1 + i);
        let body = &lower[open + 1..end];
        let name: String = body.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        at = (end + 1).min(lower.len());
        // `<!doctype>`, `<![CDATA[`, `<?xml` and stray `<` have no element name.
        if name.is_empty() || FLAT.contains(&name.as_str()) || body.ends_with('/') {
            continue;
        }
        if body.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if RAW.contains(&name.as_str()) {
            at = lower[at..].find(&format!("</{name}")).map_or(lower.len(), |i| at + i);
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                return Some(1 + text[..open].matches('\n').count() as u32);
            }
        }
    }
    None
}

/// The node type scraper's tree uses, named through `ElementRef`'s deref target.
mod ego_node {
    pub type NodeRef<'a> = <scraper::ElementRef<'a> as std::ops::Deref>::Target;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::blocks::flatten;

    fn blocks_of(html: &str) -> Vec<Block> {
        blocks(&Html::parse_document(html))
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
        assert_eq!(rows[0].cells[1], Inline { text: "Array<T>".into(), link: Some("T.html".into()), bold: true, struck: false, indent: 0 });
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
        assert_eq!(flatten(items).iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["a", "inner", "b\nc"]);
        assert_eq!(items[0].children[0].inline.text, "inner");
        assert!(matches!(&b[2], Block::Code { lang: Some(l), text, .. } if l == "ruby" && text == "x = 1\ny\n"));
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn spans_stay_apart_and_chrome_is_skipped() {
        let b = blocks_of(
            "<nav><a>Home</a></nav><div class=\"p\"><span>limit</span><span>integer</span><span>required</span><button>Copy</button></div><dl><dt>id</dt><dd>The id.</dd></dl>",
        );
        assert!(matches!(&b[0], Block::Paragraph { inline, .. } if inline.text == "limit integer required"), "{b:?}");
        let Block::Definitions { items, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!((items[0].term.text.as_str(), items[0].details[0].text.as_str()), ("id", "The id."));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}<p>x</p>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        let b = blocks_of(&html);
        assert!(b.len() <= 1);
        let inline = format!("<p>{}x{}</p>", "<b>".repeat(3000), "</b>".repeat(3000));
        assert!(matches!(&blocks_of(&inline)[..], [Block::Paragraph { inline, .. }] if inline.text == "x"));
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let deep = "<div>".repeat(20_000);
        assert!(too_deep(&deep).is_some());
        let fine = "<div><p>a<br>b<img src=x></p></div>".repeat(1000);
        assert!(too_deep(&fine).is_none());
        let open_ended = "<ul>".to_string() + &"<li>item <p>para".repeat(5000) + "</ul>";
        assert!(too_deep(&open_ended).is_none(), "optional end tags do not nest");
        let script = "<script>".to_string() + &"if (a<b) {}".repeat(3000) + "</script><!-- <div><div> -->" + &"<![CDATA[x]]><![endif]>".repeat(3000);
        assert!(too_deep(&script).is_none(), "script text and comments are not tags");
    }
}
