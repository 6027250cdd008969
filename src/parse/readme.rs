//! TODO(skeleton)
use crate::diag::Diagnostics;
use crate::schema::ParsedDoc;

/// True when `text` looks like this family (content sniffing, not file names).
pub fn looks_like(_text: &str) -> bool {
    false
}

pub fn parse(_file: &str, _text: &str, _diags: &mut Diagnostics) -> ParsedDoc {
    ParsedDoc::default()
}
