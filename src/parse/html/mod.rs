//! Saved HTML pages (scraper). Uses the DOM, not flattened text; tells the families apart.
mod fern;
mod readme;
mod swagger;

use crate::diag::Diagnostics;
use crate::schema::ParsedDoc;

pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    let doc = scraper::Html::parse_document(text);
    if let Some(p) = fern::parse_dom(file, &doc, diags) {
        return p;
    }
    if let Some(p) = readme::parse_dom(file, &doc, diags) {
        return p;
    }
    swagger::parse_dom(file, &doc, diags)
}
