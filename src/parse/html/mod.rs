//! Saved HTML pages (scraper). Uses the DOM, not flattened text; tells the families apart.
mod fern;
mod readme;
mod swagger;

use crate::diag::Diagnostics;
use crate::schema::ParsedDoc;

/// Deeper nesting than any doc page has; html5ever's scope checks are quadratic in it.
const MAX_DEPTH: usize = 512;

pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    if let Some(line) = too_deep(text) {
        diags.warn(
            crate::schema::Source::new(file, line),
            format!("HTML nests elements more than {MAX_DEPTH} deep; not read"),
            Some("save the page again, or copy its text instead".to_string()),
        );
        return ParsedDoc::default();
    }
    let doc = scraper::Html::parse_document(text);
    if let Some(p) = fern::parse_dom(file, &doc, diags) {
        return p;
    }
    if let Some(p) = readme::parse_dom(file, &doc, diags) {
        return p;
    }
    swagger::parse_dom(file, &doc, diags)
}

/// The line where open tags first nest deeper than [`MAX_DEPTH`], by a cheap tag scan
/// (void and self-closing tags do not nest).
fn too_deep(text: &str) -> Option<u32> {
    const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "!doctype", "!--"];
    let mut depth = 0usize;
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let end = tag.find('>').unwrap_or(tag.len());
        let body = &tag[..end];
        let name: String =
            body.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-').collect::<String>().to_ascii_lowercase();
        if body.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if !name.is_empty() && !VOID.contains(&name.as_str()) && !body.ends_with('/') {
            depth += 1;
            if depth > MAX_DEPTH {
                let at = text.len() - rest.len() + open;
                return Some(1 + text[..at].matches('\n').count() as u32);
            }
        }
        rest = &tag[end.min(tag.len())..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let deep = "<div>".repeat(20_000);
        assert!(too_deep(&deep).is_some());
        let mut d = Diagnostics::new();
        assert_eq!(parse("deep.html", &deep, &mut d), ParsedDoc::default());
        assert!(d.items()[0].message.contains("nests elements"));
        let fine = "<div><p>a<br>b<img src=x></p></div>".repeat(1000);
        assert!(too_deep(&fine).is_none());
    }
}
