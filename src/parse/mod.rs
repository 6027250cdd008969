//! Input formats. One module per family; each turns one document into a [`ParsedDoc`].
//!
//! Data flows one way: bytes → (format detection) → parser → `ParsedDoc`. Parsers never
//! panic and never abort: what they cannot read becomes a diagnostic.

pub mod fern;
pub mod html;
pub mod readme;
pub mod swagger;
pub mod swagger_md;
pub mod text;
pub mod types;

use crate::diag::Diagnostics;
use crate::schema::{ParsedDoc, Source};
use serde::{Deserialize, Serialize};

/// The document families docs2rs reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// swagger-codegen / openapi-generator SDK markdown (any language flavour).
    SwaggerMarkdown,
    /// Text of a Fern-built endpoint page (browser copy / crawler output).
    Fern,
    /// Text of a ReadMe.io endpoint page.
    Readme,
    /// Saved HTML of any of the above; the HTML parser tells them apart from the DOM.
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::SwaggerMarkdown => "swagger-markdown",
            Format::Fern => "fern",
            Format::Readme => "readme",
            Format::Html => "html",
        }
    }
}

/// Guess the family from content, never from the file name.
pub fn detect(text: &str) -> Option<Format> {
    let head: String = text.chars().take(4096).collect();
    let lower = head.to_ascii_lowercase();
    let trimmed = lower.trim_start();
    if looks_like_html(trimmed, &lower) {
        return Some(Format::Html);
    }
    if swagger_md::looks_like(text) {
        return Some(Format::SwaggerMarkdown);
    }
    if fern::looks_like(text) {
        return Some(Format::Fern);
    }
    if readme::looks_like(text) {
        return Some(Format::Readme);
    }
    None
}

/// Whole pages and fragments (pulldown-cmark renders no `<body>`): the text starts with
/// a tag, or block-level elements appear in the head of the document.
fn looks_like_html(trimmed: &str, lower: &str) -> bool {
    const BLOCK_TAGS: &[&str] = &["<!doctype html", "<html", "<body", "<table", "<h1", "<h2", "<h3", "<p>", "<p ", "<ul>", "<div"];
    let starts_with_tag = trimmed.starts_with('<') && BLOCK_TAGS.iter().any(|t| trimmed.starts_with(t));
    let closing = ["</p>", "</div>", "</table>", "</h2>", "</h1>", "</body>"].iter().filter(|t| lower.contains(*t)).count();
    starts_with_tag || closing >= 2
}

/// Parse one document. `file` is the label used in diagnostics and sources.
pub fn parse_document(file: &str, bytes: &[u8], format: Option<Format>, diags: &mut Diagnostics) -> ParsedDoc {
    let text = match decode(file, bytes, diags) {
        Some(t) => t,
        None => return ParsedDoc::default(),
    };
    let format = match format.or_else(|| detect(&text)) {
        Some(f) => f,
        None => {
            diags.warn(
                Source::new(file, 1),
                "could not recognise the document format; skipped",
                Some("set `format = \"swagger-markdown\" | \"fern\" | \"readme\" | \"html\"` for this input in docs2rs.toml".to_string()),
            );
            return ParsedDoc::default();
        }
    };
    match format {
        Format::SwaggerMarkdown => swagger_md::parse(file, &text, diags),
        Format::Fern => fern::parse(file, &text, diags),
        Format::Readme => readme::parse(file, &text, diags),
        Format::Html => html::parse(file, &text, diags),
    }
}

/// Bytes → text: strips a BOM, replaces invalid UTF-8 (with a warning), refuses binaries.
fn decode(file: &str, bytes: &[u8], diags: &mut Diagnostics) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() {
        diags.warn(Source::new(file, 1), "empty document; nothing to read", None);
        return None;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    if nul > 0 && nul * 100 / sample.len().max(1) >= 1 {
        diags.warn(Source::new(file, 1), "looks like a binary file (NUL bytes); skipped", Some("remove it from the inputs".to_string()));
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u32;
            diags.warn(Source::new(file, line), "invalid UTF-8; undecodable bytes were replaced with U+FFFD", Some("save the document as UTF-8".to_string()));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    // CRLF and stray NULs would otherwise leak into names and descriptions.
    Some(text.replace("\r\n", "\n").replace('\0', ""))
}
