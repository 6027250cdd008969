//! Lowering: every input syntax to the one block model ([`crate::parse::blocks`]).
//!
//! The syntax is told from content: HTML by its tags, markdown by its structure (ATX
//! headings, fences, front matter, links), and everything else (browser copies, crawler
//! text, reST) is plain text.

pub mod apidoc;
pub mod asciidoc;
#[cfg(feature = "html")]
pub mod html;
pub mod markdown;
pub mod script;
pub mod text;

use crate::parse::blocks::Block;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Html,
    Markdown,
    Text,
}

/// The syntax of a document, from its first lines.
pub fn syntax(text: &str) -> Syntax {
    let head: String = text.chars().take(4096).collect();
    let lower = head.to_ascii_lowercase();
    if looks_like_html(lower.trim_start(), &lower) {
        return Syntax::Html;
    }
    // AsciiDoc's `**bold**` and `[[anchor]]` look like markdown; its tables do not lower there.
    if looks_like_markdown(text) && !asciidoc::looks_like_asciidoc(text) { Syntax::Markdown } else { Syntax::Text }
}

/// Whole pages and fragments (pulldown-cmark renders no `<body>`): the text starts with
/// a tag, or block-level elements appear in the head of the document.
pub fn looks_like_html(trimmed: &str, lower: &str) -> bool {
    const BLOCK_TAGS: &[&str] =
        &["<!doctype html", "<html", "<body", "<table", "<h1", "<h2", "<h3", "<p>", "<p ", "<ul>", "<div", "<section", "<main", "<article", "<dl"];
    let starts_with_tag = trimmed.starts_with('<') && BLOCK_TAGS.iter().any(|t| trimmed.starts_with(t));
    let closing = ["</p>", "</div>", "</table>", "</h2>", "</h1>", "</body>", "</li>", "</dd>"].iter().filter(|t| lower.contains(*t)).count();
    starts_with_tag || closing >= 2
}

/// Markdown structure, as opposed to a copied page's plain lines: fenced code, two ATX
/// headings, front matter, links or emphasis — and no copy-style bullets (`•`) or reST.
fn looks_like_markdown(text: &str) -> bool {
    let (mut fences, mut atx, mut links, mut strong, mut dots, mut directives, mut underlines) = (0, 0, 0, 0, 0, 0, 0);
    let front_matter = text.trim_start().starts_with("---\n") && text.lines().skip(1).take(30).any(|l| l.trim() == "---");
    let mut in_fence = false;
    for line in text.lines().take(3000) {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fences += 1;
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            atx += 1;
        }
        links += t.matches("](").count();
        strong += t.matches("**").count() / 2;
        if t.starts_with('•') {
            dots += 1;
        }
        if t.starts_with(".. ") && t.contains("::") {
            directives += 1;
        }
        if is_rst_underline(t) {
            underlines += 1;
        }
    }
    let markdown = fences >= 2 || atx >= 2 || front_matter || links >= 2 || strong >= 3 || atx >= 1 && (links + strong) >= 1;
    // Setext titles (`Title\n=====`) are markdown too: underlines mean reST only in a
    // document with no ATX heading and no fence.
    let rst = directives > 0 || underlines > 0 && atx == 0 && fences == 0;
    markdown && dots <= atx && !rst
}

fn is_rst_underline(t: &str) -> bool {
    let t = t.trim_end();
    t.len() >= 4 && t.chars().all(|c| c == '=') || t.len() >= 4 && t.chars().all(|c| c == '~')
}

/// A page whose markdown a converter wrote on one line (`# Title … Endpoint: POST /x …
/// ## Header parameters: - `X` (string, required) …`): line breaks put back before its
/// headings, bullets and labels. Other documents are returned as they are.
pub fn unflatten(text: String) -> String {
    let flattened = |l: &str| l.len() > 400 && l.matches(" ## ").count() + l.matches(" - `").count() >= 3;
    if !text.lines().any(flattened) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 1024);
    for line in text.lines() {
        if flattened(line) {
            let mut s = line.to_string();
            for (from, to) in [
                (" #### ", "\n\n#### "),
                (" ### ", "\n\n### "),
                (" ## ", "\n\n## "),
                (" - `", "\n- `"),
                (" Endpoint: ", "\n\nEndpoint: "),
                (" Version: ", "\nVersion: "),
                (" Security: ", "\nSecurity: "),
            ] {
                s = s.replace(from, to);
            }
            out.push_str(&s);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Lower a document of the given syntax.
pub fn blocks(text: &str, syntax: Syntax) -> Vec<Block> {
    // Source files with apiDoc comments: the comments are the docs.
    if syntax != Syntax::Html && apidoc::has_blocks(text) {
        return apidoc::blocks(text);
    }
    match syntax {
        #[cfg(feature = "html")]
        Syntax::Html => html::blocks(&scraper::Html::parse_document(text)),
        #[cfg(not(feature = "html"))]
        Syntax::Html => text::blocks(&strip_tags(text)),
        Syntax::Markdown => markdown::blocks(text),
        Syntax::Text => text::blocks(text),
    }
}

/// An HTML block inside markdown starting at `first_line`, as blocks.
#[cfg(feature = "html")]
pub fn fragment_blocks(html: &str, first_line: u32) -> Vec<Block> {
    html::fragment_blocks(html, first_line)
}

/// Without the HTML reader an HTML block inside markdown is read as its text, one
/// paragraph per line; a line that is one `<h1>`…`<h6>` element stays a heading
/// (Widdershins writes `<h3 id="x">Parameters</h3>`).
#[cfg(not(feature = "html"))]
pub fn fragment_blocks(html: &str, first_line: u32) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, raw) in without_comments(html).lines().enumerate() {
        let text = strip_tags(raw);
        let (text, line) = (text.trim(), first_line + i as u32);
        if text.is_empty() {
            continue;
        }
        let inline = crate::parse::blocks::Inline::plain(text);
        let level = raw.trim_start().strip_prefix("<h").and_then(|r| r.chars().next()).and_then(|c| c.to_digit(10)).filter(|l| (1..=6).contains(l));
        out.push(match level {
            Some(level) => Block::Heading { level: level as u8, inline, line },
            None => Block::Paragraph { inline, line },
        });
    }
    out
}

/// `<!-- … -->` removed, its line breaks kept (so lines keep their numbers).
#[cfg(not(feature = "html"))]
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("-->").map_or(rest.len(), |e| start + e + 3);
        out.extend(rest[start..end].chars().filter(|&c| c == '\n'));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Text without its tags (line breaks kept); the common entities decoded.
#[cfg(not(feature = "html"))]
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            '\n' => out.push('\n'),
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")].iter().fold(out, |s, (from, to)| s.replace(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_markdown_gets_its_lines_back() {
        let bullets = " - `a` (string) x.".repeat(30);
        let page = format!("# Create an order Creates one. Endpoint: POST /orders Version: 1 ## Header parameters:{bullets} ## Request fields:{bullets}");
        let fixed = unflatten(page);
        assert!(fixed.contains("\n\nEndpoint: POST /orders\nVersion: 1\n\n## Header parameters:\n- `a` (string) x."), "{fixed}");
        assert_eq!(unflatten("# Short\n\n## Page\n".into()), "# Short\n\n## Page\n");
    }

    #[test]
    fn syntaxes() {
        assert_eq!(syntax("<!DOCTYPE html><html><body><p>x</p></body></html>"), Syntax::Html);
        assert_eq!(syntax("# Pets\n\n## List pets\n\n```json\n{}\n```\n"), Syntax::Markdown);
        assert_eq!(syntax("Fetch an invoice\nGET /v2/invoices/{id}\nPath Parameters\n"), Syntax::Text);
        assert_eq!(syntax("Users\n=====\n\n.. http:get:: /users\n"), Syntax::Text);
        assert_eq!(syntax("Users\n=====\n\nList them.\n\n**Version:** 1\n\n### /users\n##### ***GET***\n"), Syntax::Markdown);
        assert_eq!(syntax("Users\n=====\n\nSee `Pets <pets.html>`_ and **x** **y** **z**\n"), Syntax::Text);
        assert_eq!(syntax("Pets\n# With shell, you can pass the header\ncurl x\n"), Syntax::Text);
        assert_eq!(syntax("  • name (string): x\n  • id (integer)\n# Title\n"), Syntax::Text);
    }

    #[test]
    #[cfg(not(feature = "html"))]
    fn html_blocks_in_markdown_without_the_html_reader() {
        use crate::parse::blocks::Inline;
        let blocks = fragment_blocks("<!-- a\nb -->\n<h2 id=\"x\">Book</h2>\n<p>A &amp; <b>B</b></p>\n", 10);
        assert_eq!(
            blocks,
            [Block::Heading { level: 2, inline: Inline::plain("Book"), line: 12 }, Block::Paragraph { inline: Inline::plain("A & B"), line: 13 }]
        );
    }
}
