//! TODO(skeleton)
use crate::diag::Diagnostics;
use crate::schema::ParsedDoc;

pub fn parse_dom(_file: &str, _doc: &scraper::Html, _diags: &mut Diagnostics) -> ParsedDoc {
    ParsedDoc::default()
}
