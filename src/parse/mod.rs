//! Reading documents: bytes → text → blocks → a reader → [`ParsedDoc`].
//!
//! Every input is lowered to the one block model ([`blocks`], [`lower`]): markdown,
//! HTML and plain text alike. The page reader ([`page`]) reads any API reference page
//! from blocks with the shared recognisers ([`recognise`]) and vocabulary ([`vocab`]).
//! Flavours refine it: SDK docs (swagger-codegen / openapi-generator) have their own
//! interpreter ([`swagger`]) because they are a documentation *format*, not a page layout;
//! Fern and ReadMe pages keep their tuned readers ([`fern`], [`readme`]). Detection only
//! picks a refinement; a document no flavour claims goes to the page reader, and a
//! flavour that reads nothing hands the document to the page reader too. Readers never
//! panic and never abort: what they cannot read becomes a diagnostic.

pub mod blocks;
pub mod definition;
pub mod fern;
#[cfg(feature = "html")]
pub mod html;
pub mod lower;
pub mod page;
pub mod readme;
pub mod recognise;
pub mod swagger;
pub mod swagger_md;
pub mod text;
pub mod types;
pub mod vocab;

use crate::diag::Diagnostics;
use crate::schema::{ParsedDoc, Source};
use crate::timings::{self, Stage};
use definition::embedded::Found;
use definition::prefer::{Origin, Reading};
use lower::Syntax;
use serde::{Deserialize, Serialize};
use std::path::Path;

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
    /// Saved HTML of any page; the HTML reader tells flavours apart from the DOM.
    Html,
    /// Any API reference page (markdown or text), read by the page reader alone.
    Page,
    /// A Swagger 2.0 / OpenAPI 3.x definition (JSON, or YAML with the `yaml` feature).
    Openapi,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::SwaggerMarkdown => "swagger-markdown",
            Format::Fern => "fern",
            Format::Readme => "readme",
            Format::Html => "html",
            Format::Page => "page",
            Format::Openapi => "openapi",
        }
    }
}

/// The flavour a document looks like, from content (never from the file name); `None`
/// means no flavour claims it and the page reader reads it.
pub fn detect(text: &str) -> Option<Format> {
    if definition::looks_like(text) {
        return Some(Format::Openapi);
    }
    if lower::syntax(text) == Syntax::Html {
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

/// Parse one document. `file` is the label used in diagnostics and sources. A page's
/// definition is read when inline (a linked one needs [`read_input`]'s folder).
pub fn parse_document(file: &str, bytes: &[u8], format: Option<Format>, diags: &mut Diagnostics) -> ParsedDoc {
    let readings = read_input(None, file, bytes, format, diags);
    definition::prefer::prefer(readings, diags).pop().map(|(_, doc)| doc).unwrap_or_default()
}

/// Read one input file at `path` (`None`: not on disk): a definition file, or a page
/// with the definition it carries or links to (first) and its text.
pub fn read_input(path: Option<&Path>, file: &str, bytes: &[u8], format: Option<Format>, diags: &mut Diagnostics) -> Vec<Reading> {
    let Some(text) = decode(file, bytes, diags) else { return vec![Reading::page(file, ParsedDoc::default())] };
    if format == Some(Format::Openapi) || (format.is_none() && definition::looks_like(&text)) {
        let doc = timings::time(Stage::Parse(Format::Openapi.name()), || definition::read(file, &text, 1, diags).map(|(d, _)| d).unwrap_or_default());
        return vec![Reading { label: file.to_string(), doc, origin: Origin::File }];
    }
    let mut out = Vec::new();
    if matches!(format, None | Some(Format::Html)) && lower::syntax(&text) == Syntax::Html {
        out.extend(carried(path.and_then(Path::parent), file, &text, diags));
    }
    let mut own = Diagnostics::new();
    let page = parse_text(file, lower::unflatten(text), format, &mut own);
    // A page read from its definition needs no word on its text yielding nothing.
    if out.is_empty() || !is_empty(&page) {
        diags.extend(own);
    }
    out.push(Reading::page(file, page));
    out
}

/// The definition a page carries inline, else the first linked one that is saved.
fn carried(dir: Option<&Path>, file: &str, html: &str, diags: &mut Diagnostics) -> Option<Reading> {
    let found = definition::embedded::find(html);
    let mut unresolved = None;
    for f in &found {
        if let Found::Inline { how, line, value, text } = f {
            let version = crate::spec::Version::of(value)?;
            let (doc, _) = definition::read_value(file, text, *line, value, version, diags);
            let what = format!("the {} definition embedded in the page ({})", version.name(), how.describe());
            return Some(Reading { label: file.to_string(), doc, origin: Origin::Carried { what, line: *line, file: None } });
        }
    }
    for f in found {
        match f {
            Found::Inline { .. } => {}
            Found::Broken { how, line, error } => diags.warn(
                Source::new(file, line),
                format!("the page's {} holds a definition that is not valid JSON ({error}); read the page text only", how.describe()),
                Some("save the page again (it may be cut off), or save the definition itself next to the page".to_string()),
            ),
            Found::Url { how, line, url } => {
                let Some(saved) = dir.and_then(|d| definition::linked::resolve(d, file.rsplit('/').next().unwrap_or(file), &url)) else {
                    unresolved.get_or_insert((how, line, url));
                    continue;
                };
                let label = definition::linked::label(file, dir.unwrap_or(Path::new("")), &saved);
                let Some(text) = std::fs::read(&saved).ok().and_then(|b| decode(&label, &b, diags)) else { continue };
                let Some((doc, version)) = definition::read(&label, &text, 1, diags) else { continue };
                let what = format!("the {} definition `{label}` the page links to ({})", version.name(), how.describe());
                return Some(Reading { label: file.to_string(), doc, origin: Origin::Carried { what, line, file: Some(label) } });
            }
        }
    }
    if let Some((how, line, url)) = unresolved {
        let name = url.split(['?', '#']).next().unwrap_or("").trim_end_matches('/').rsplit('/').next().unwrap_or("openapi.json").to_string();
        diags.warn(
            Source::new(file, line),
            format!("the page points at its API definition `{url}` ({}), which is not saved next to it; read the page text only", how.describe()),
            Some(format!("download it into the page's folder as `{name}`, or run `docs2rs pull`, which saves linked definitions")),
        );
    }
    None
}

fn parse_text(file: &str, text: String, format: Option<Format>, diags: &mut Diagnostics) -> ParsedDoc {
    let start = std::time::Instant::now();
    let forced = format.is_some();
    let format = format.or_else(|| detect(&text));
    let doc = match format {
        Some(Format::Html) => html_page(file, &text, diags),
        Some(Format::SwaggerMarkdown) => refined(file, &text, diags, swagger_md::parse),
        Some(Format::Fern) if forced => refined(file, &text, diags, fern::parse),
        Some(Format::Readme) if forced => refined(file, &text, diags, readme::parse),
        // Detected, not forced: the flavour's reading unless the page reader finds more
        // (a `Path Params` line claims ReadMe for Apidog's pages too).
        Some(Format::Fern) => richer(file, &text, diags, fern::parse),
        Some(Format::Readme) => richer(file, &text, diags, readme::parse),
        Some(Format::Page | Format::Openapi) | None => {
            let syntax = match lower::syntax(&text) {
                Syntax::Html => Syntax::Text,
                s => s,
            };
            page::read(file, &lower::blocks(&text, syntax), diags)
        }
    };
    timings::record(Stage::Parse(format.unwrap_or(Format::Page).name()), start.elapsed());
    doc
}

#[cfg(feature = "html")]
fn html_page(file: &str, text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    html::parse(file, text, diags)
}

/// Built without the HTML reader (scraper): the page is reported, not read as text.
#[cfg(not(feature = "html"))]
fn html_page(file: &str, _text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    diags.error(
        Source::new(file, 1),
        "HTML page not read: this docs2rs was built without its `html` feature".to_string(),
        Some("add `features = [\"html\"]` to the docs2rs dependency, or give docs2rs the page's text or markdown".to_string()),
    );
    ParsedDoc::default()
}

/// A flavour's reading, or the page reader's when the flavour finds nothing.
fn refined(file: &str, text: &str, diags: &mut Diagnostics, flavour: fn(&str, &str, &mut Diagnostics) -> ParsedDoc) -> ParsedDoc {
    let mut own = Diagnostics::new();
    let doc = flavour(file, text, &mut own);
    if is_empty(&doc) {
        let syntax = match lower::syntax(text) {
            Syntax::Html => Syntax::Text,
            s => s,
        };
        let mut page_diags = Diagnostics::new();
        let page = page::read(file, &lower::blocks(text, syntax), &mut page_diags);
        if !is_empty(&page) || own.items().is_empty() {
            diags.extend(page_diags);
            return page;
        }
    }
    diags.extend(own);
    doc
}

/// Blocks of an HTML page: the SDK-doc interpreter when they look like SDK docs and it
/// reads something, else the page reader.
#[cfg(feature = "html")]
pub(crate) fn read_blocks(file: &str, blocks: &[blocks::Block], sdk_docs: bool, diags: &mut Diagnostics) -> ParsedDoc {
    if sdk_docs {
        let mut own = Diagnostics::new();
        let doc = swagger::interpret(file, blocks, &mut own);
        if !is_empty(&doc) {
            diags.extend(own);
            return doc;
        }
    }
    page::read(file, blocks, diags)
}

/// The flavour's reading, or the page reader's when that one finds more endpoints.
fn richer(file: &str, text: &str, diags: &mut Diagnostics, flavour: fn(&str, &str, &mut Diagnostics) -> ParsedDoc) -> ParsedDoc {
    let mut own = Diagnostics::new();
    let doc = refined(file, text, &mut own, flavour);
    let syntax = match lower::syntax(text) {
        Syntax::Html => Syntax::Text,
        s => s,
    };
    let mut page_diags = Diagnostics::new();
    let page = page::read(file, &lower::blocks(text, syntax), &mut page_diags);
    if richness(&page) > richness(&doc) {
        diags.extend(page_diags);
        return page;
    }
    diags.extend(own);
    doc
}

/// How much a reading recovered: operations with a method and a clean path (no text
/// glued after a placeholder, `/pet/{petId}Request`).
fn richness(doc: &ParsedDoc) -> usize {
    let clean = |p: &str| !p.split('}').skip(1).any(|after| after.starts_with(|c: char| c.is_ascii_uppercase()));
    doc.operations.iter().filter(|o| o.method.is_some() && o.path.as_deref().is_some_and(clean)).count()
}

fn is_empty(doc: &ParsedDoc) -> bool {
    doc.operations.is_empty() && doc.models.is_empty() && doc.enums.is_empty() && doc.one_of.is_empty()
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
    // CRLF, stray NULs and zero-width characters (Mintlify prints one before every field)
    // would otherwise leak into names and descriptions.
    const INVISIBLE: [char; 5] = ['\0', '\u{200b}', '\u{200c}', '\u{2060}', '\u{feff}'];
    let text = if text.contains('\r') { text.replace("\r\n", "\n") } else { text };
    let text = if text.contains(INVISIBLE) { text.replace(INVISIBLE, "") } else { text };
    Some(repair_mojibake(file, text, diags))
}

/// UTF-8 that went through a single-byte code page on its way into a copy: the middle dot
/// of `string · uuid` comes out as `Â·` (Windows-1252) or `ยท` (Windows-874).
fn repair_mojibake(file: &str, text: String, diags: &mut Diagnostics) -> String {
    const PAIRS: &[(&str, &str)] = &[("Â·", "·"), ("ยท", "·"), ("â€™", "’"), ("â€œ", "“"), ("â€\u{9d}", "”"), ("â€“", "–"), ("â€”", "—"), ("Â ", " ")];
    if !PAIRS.iter().any(|(bad, _)| text.contains(bad)) {
        return text;
    }
    diags.warn(
        Source::new(file, 1),
        "the text was re-encoded on the way (`Â·` for `·`); repaired the usual sequences",
        Some("save the page as UTF-8 straight from the browser".to_string()),
    );
    PAIRS.iter().fold(text, |t, (bad, good)| t.replace(bad, good))
}

#[cfg(all(test, not(feature = "html")))]
mod tests {
    use super::*;

    #[test]
    fn html_page_without_the_html_feature_is_an_error_not_an_empty_read() {
        let mut d = Diagnostics::new();
        let doc = parse_document("docs/users.html", b"<!DOCTYPE html><html><body><h1>Users</h1></body></html>", None, &mut d);
        assert_eq!(doc, ParsedDoc::default());
        let texts: Vec<String> = d.items().iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            [
                "docs/users.html:1: error: HTML page not read: this docs2rs was built without its `html` feature\n  = help: add `features = [\"html\"]` to the docs2rs dependency, or give docs2rs the page's text or markdown"
            ]
        );
    }
}
