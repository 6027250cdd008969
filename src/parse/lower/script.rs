//! What a page's inline scripts put on the screen. Some generators ship the schema as
//! data and render it in the browser (OpenAPI Generator's `html2`: `defs["Pet"] = {…}`,
//! `var schemaWrapper = {…}`, status titles set by `.text("Status: 201 - …")`). A copy
//! of the page has none of that text; the scripts still hold it.
//!
//! Scripts are not run: only JSON Schema objects assigned to variables and literal
//! `Status: NNN` titles are read. Library code (minified bundles) holds neither.

use crate::parse::blocks::{Block, Inline};

/// Larger scripts are bundles, not page data.
const MAX_SCRIPT: usize = 2_000_000;

/// Blocks a script stands for: `Code { lang: "schema:Name" }` for each model definition,
/// the type line a schema wrapper renders (`object (Pet)`) or `Code { lang: "schema" }`
/// for an inline schema, and `Status: 201` lines.
pub fn blocks(text: &str, line: u32) -> Vec<Block> {
    let mut out = Vec::new();
    if text.len() > MAX_SCRIPT {
        return out;
    }
    for (name, json) in definitions(text) {
        out.push(Block::Code { lang: Some(format!("schema:{name}")), text: json.to_string(), line });
    }
    if let Some(wrapper) = wrapper(text) {
        out.push(match schema_ref(wrapper) {
            Some(words) => Block::Paragraph { inline: Inline::plain(&words), line },
            None => Block::Code { lang: Some("schema".into()), text: schema_of(wrapper).to_string(), line },
        });
    }
    for status in status_titles(text) {
        out.push(Block::Paragraph { inline: Inline::plain(&format!("Status: {status}")), line });
    }
    out
}

/// The words a schema wrapper inside a table cell renders: the model it refers to.
pub fn inline_words(text: &str) -> Option<String> {
    if text.len() > MAX_SCRIPT {
        return None;
    }
    schema_ref(wrapper(text)?)
}

/// `defs["Pet"] = { … };` assignments: (name, the JSON object's text).
fn definitions(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("defs[\"") {
        let after = &rest[at + 6..];
        let Some(end) = after.find("\"]") else { break };
        let name = &after[..end];
        let tail = &after[end + 2..];
        let Some(body) = tail.trim_start().strip_prefix('=').map(str::trim_start) else {
            rest = tail;
            continue;
        };
        match object_text(body) {
            Some(json) if crate::parse::recognise::field::is_name(name) => {
                out.push((name, json));
                rest = &body[json.len()..];
            }
            _ => rest = tail,
        }
    }
    out
}

/// `var schemaWrapper = { … };`: the object's text.
fn wrapper(text: &str) -> Option<&str> {
    let at = text.find("schemaWrapper = ")?;
    object_text(text[at + "schemaWrapper = ".len()..].trim_start())
}

/// The schema inside a wrapper (`content.<media>.schema`, or `schema`), as text.
fn schema_of(wrapper: &str) -> &str {
    match wrapper.find("\"schema\"").and_then(|at| wrapper[at + 8..].find('{').map(|b| at + 8 + b)) {
        Some(start) => object_text(&wrapper[start..]).unwrap_or(wrapper),
        None => wrapper,
    }
}

/// `object (Pet)` for a schema that is a `$ref`, `array of Pet` for a list of them.
fn schema_ref(wrapper: &str) -> Option<String> {
    let schema = schema_of(wrapper);
    let name = |s: &str| -> Option<String> {
        let at = s.find("\"$ref\"")?;
        let value = s[at + 6..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
        let target = value.split('"').next()?;
        let name = target.rsplit('/').next()?;
        crate::parse::recognise::field::is_name(name).then(|| name.to_string())
    };
    let head = schema.split("\"items\"").next().unwrap_or(schema);
    if let Some(n) = name(head) {
        return Some(format!("object ({n})"));
    }
    let items = schema.split_once("\"items\"").map(|(_, r)| r)?;
    name(items).filter(|_| schema.contains("\"array\"")).map(|n| format!("array of {n}"))
}

/// `"Status: 201 - "` literals: the status titles the script writes.
fn status_titles(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (at, _) in text.match_indices("\"Status: ") {
        let code: String = text[at + 9..].chars().take_while(char::is_ascii_digit).collect();
        if code.len() == 3 && !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// The text of the JSON object that starts `s` (balanced braces, strings respected).
fn object_text(s: &str) -> Option<&str> {
    if !s.starts_with('{') {
        return None;
    }
    let mut scan = crate::parse::text::JsonScan::default();
    for (i, c) in s.char_indices() {
        if matches!(scan.step(c), Some('}' | ']')) && scan.depth() == 0 {
            return Some(&s[..=i]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_wrappers_and_titles() {
        let script = "var defs = {}\n defs[\"Pot\"] = {\n \"type\" : \"object\", \"properties\" : { \"id\" : { \"type\" : \"string\" } } };\n defs[\"Tray\"] = { \"type\": \"object\" };";
        let b = blocks(script, 3);
        assert!(matches!(&b[0], Block::Code { lang: Some(l), .. } if l == "schema:Pot"));
        assert!(matches!(&b[1], Block::Code { lang: Some(l), text, .. } if l == "schema:Tray" && text == "{ \"type\": \"object\" }"));
        let w = "var schemaWrapper = { \"content\" : { \"application/json\" : { \"schema\" : { \"type\" : \"array\", \"items\" : { \"$ref\" : \"#/components/schemas/Pot\" } } } } };";
        assert_eq!(inline_words(w).as_deref(), Some("array of Pot"));
        let w = "var schemaWrapper = { \"schema\" : { \"$ref\" : \"#/definitions/Pot\" } }; $(\"#t\").text(\"Status: 201 - \" + d);";
        let b = blocks(w, 1);
        assert!(matches!(&b[0], Block::Paragraph { inline, .. } if inline.text == "object (Pot)"));
        assert!(matches!(&b[1], Block::Paragraph { inline, .. } if inline.text == "Status: 201"));
        assert!(blocks("{ unbalanced", 1).is_empty());
    }
}
