//! Saved HTML pages (scraper). Uses the DOM, not flattened text; tells the families apart.
mod fern;
mod readme;
mod swagger;

use crate::diag::Diagnostics;
use crate::schema::ParsedDoc;

/// Deeper nesting than any doc page has; html5ever's scope checks are quadratic in it.
const MAX_DEPTH: usize = 2048;

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

/// The line where open tags first nest deeper than [`MAX_DEPTH`], by a cheap tag scan.
/// Void tags, tags whose end tag is optional (`<p>`, `<li>`, `<td>` …, often left
/// open), comments and the raw text of `<script>`/`<style>` never count as nesting.
fn too_deep(text: &str) -> Option<u32> {
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
        let open_ended = "<ul>".to_string() + &"<li>item <p>para".repeat(5000) + "</ul>";
        assert!(too_deep(&open_ended).is_none(), "optional end tags do not nest");
        let script = "<script>".to_string() + &"if (a<b) {}".repeat(3000) + "</script><!-- <div><div> -->" + &"<![CDATA[x]]><![endif]>".repeat(3000);
        assert!(too_deep(&script).is_none(), "script text and comments are not tags");
    }
}
