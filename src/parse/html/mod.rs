//! Saved HTML pages. The DOM is lowered to blocks like every other input; the Fern and
//! ReadMe flavours first look at their own class names, which keep separators a text copy
//! loses.
mod fern;
mod readme;

use crate::diag::Diagnostics;
use crate::parse::lower::html::{MAX_DEPTH, blocks, too_deep};
use crate::parse::swagger;
use crate::schema::ParsedDoc;

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
    let blocks = blocks(&doc);
    crate::parse::read_blocks(file, &blocks, swagger::looks_like_blocks(&blocks), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "<div>".repeat(20_000);
        let mut d = Diagnostics::new();
        assert_eq!(parse("deep.html", &deep, &mut d), ParsedDoc::default());
        assert!(d.items()[0].message.contains("nests elements"));
    }
}
