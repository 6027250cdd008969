//! Machine-readable definitions (Swagger 2.0, OpenAPI 3.0 / 3.1; JSON, and YAML with
//! the `yaml` feature) read as inputs: a definition file, or one a saved page carries
//! ([`embedded`]) or points at ([`linked`]). They lower ([`lower`]) to the same
//! [`ParsedDoc`] pages do, and win over page text for the operations they cover
//! ([`prefer`]).

pub mod embedded;
pub mod linked;
mod lower;
mod order;
pub mod prefer;
mod types;

use crate::diag::Diagnostics;
use crate::schema::{ParsedDoc, Source};
use crate::spec::Version;
use serde_json::Value;

/// Whether a document's text is a definition file (content sniffing): a JSON object with
/// a `swagger` or `openapi` key, or YAML with one at the top level.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with('{') {
        return t.contains("\"openapi\"") || t.contains("\"swagger\"");
    }
    // YAML: a mapping from its first line (a markdown page quoting `openapi: 3.0.0` in a
    // code block starts with prose or a heading, not with a key).
    let mut lines = t.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#') && l.trim() != "---");
    let first_is_key = lines.next().is_some_and(|l| {
        let key = l.split(':').next().unwrap_or("").trim_matches(['"', '\'']);
        l.contains(':') && !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "_-.$".contains(c))
    });
    first_is_key && t.lines().take(400).any(|l| ["openapi:", "swagger:", "\"openapi\":", "'openapi':", "\"swagger\":"].iter().any(|k| l.starts_with(k)))
}

/// A definition document's text as a JSON value; what is wrong with it in a warning.
pub fn load(file: &str, text: &str, line: u32, diags: &mut Diagnostics) -> Option<Value> {
    let json = text.trim_start().starts_with('{');
    let parsed = if json { serde_json::from_str::<Value>(text).map_err(|e| (e.line() as u32, e.to_string())) } else { yaml(text) };
    match parsed {
        Ok(v) => Some(v),
        Err((at, e)) => {
            let (what, help) =
                if json { ("JSON", "fix the file (`jq . FILE` shows where it breaks), or save the definition again") } else { ("YAML", YAML_HELP) };
            diags.warn(Source::new(file, line + at.saturating_sub(1)), format!("definition not read: not valid {what} ({e})"), Some(help.to_string()));
            None
        }
    }
}

#[cfg(feature = "yaml")]
const YAML_HELP: &str = "fix the YAML, or convert the definition to JSON";
#[cfg(not(feature = "yaml"))]
const YAML_HELP: &str = "convert the definition to JSON, or build docs2rs with its `yaml` feature";

#[cfg(feature = "yaml")]
fn yaml(text: &str) -> Result<Value, (u32, String)> {
    serde_norway::from_str::<Value>(text).map_err(|e| (e.location().map_or(1, |l| l.line() as u32), e.to_string()))
}

#[cfg(not(feature = "yaml"))]
fn yaml(_text: &str) -> Result<Value, (u32, String)> {
    Err((1, "this docs2rs was built without its `yaml` feature".to_string()))
}

/// Read a definition's text (the whole file, or the part of a page from `line` on).
pub fn read(file: &str, text: &str, line: u32, diags: &mut Diagnostics) -> Option<(ParsedDoc, Version)> {
    let value = load(file, text, line, diags)?;
    let Some(version) = Version::of(&value) else {
        diags.warn(
            Source::new(file, line),
            "definition not read: no `swagger: \"2.0\"` or `openapi: \"3.x\"` key at its top level".to_string(),
            Some("docs2rs reads Swagger 2.0 and OpenAPI 3.0/3.1 definitions".to_string()),
        );
        return None;
    };
    Some(read_value(file, text, line, &value, version, diags))
}

/// Lower an already parsed definition.
pub fn read_value(file: &str, text: &str, line: u32, value: &Value, version: Version, diags: &mut Diagnostics) -> (ParsedDoc, Version) {
    (lower::lower(file, text, line, value, version, diags), version)
}

/// File extensions a definition file has; in an input folder such a file is read only
/// when its content is a definition (other JSON, such as the pull manifest, is not).
pub const EXTENSIONS: &[&str] = &["json", "yaml", "yml"];

/// Whether `path` is a definition file (by extension, then content).
pub fn is_definition_file(path: &std::path::Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if !ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
        return false;
    }
    if path.file_name().is_some_and(|n| n == linked::MANIFEST) {
        return false;
    }
    // A file that only looks like one is read too, so that what is wrong with it is said.
    std::fs::read(path).is_ok_and(|b| looks_like(&String::from_utf8_lossy(&b)))
}

#[cfg(test)]
mod tests {
    use super::looks_like;

    #[test]
    fn definitions_are_told_from_pages_by_content() {
        assert!(looks_like("{\"paths\": {}, \"openapi\": \"3.1.0\"}"));
        assert!(looks_like("# comment\n---\nopenapi: 3.0.0\ninfo:\n  title: x\n"));
        assert!(looks_like("info:\n  title: x\nswagger: \"2.0\"\n"));
        assert!(!looks_like("# Pets API\n\nSave this as YAML:\n\n```yaml\nopenapi: 3.0.0\n```\n"));
        assert!(!looks_like("{\"name\": \"a package\"}"));
        assert!(!looks_like("<html><body>openapi: 3.0.0</body></html>"));
    }
}
