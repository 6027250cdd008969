//! TODO(skeleton)
use crate::diag::Diagnostics;
use crate::schema::ParsedDoc;

/// `None` when the page is not of this family.
pub fn parse_dom(_file: &str, _doc: &scraper::Html, _diags: &mut Diagnostics) -> Option<ParsedDoc> {
    None
}
