//! XML samples (`<status><id>26668724</id>…</status>`) read as the JSON shape they stand
//! for: the root element's children are the fields, an element with children is an
//! object, a repeated element an array, text a typed value. Attributes are left out.

use super::example::{Json, text_value_type};
use crate::schema::Type;

/// Deeper nesting is not a sample.
const MAX_DEPTH: usize = 32;

/// The sample's root element as an object, or `None` when the text is not one XML element
/// (a sample cut off by the end of the page keeps what came before the cut).
pub fn parse(text: &str) -> Option<Json> {
    let t = text.trim_start();
    if !t.starts_with('<') {
        return None;
    }
    let mut tokens = Tokens { rest: t };
    // The root element.
    let (name, closed) = loop {
        match tokens.next()? {
            Token::Open(name, closed) => break (name, closed),
            Token::Text(s) if s.trim().is_empty() => {}
            _ => return None,
        }
    };
    if closed {
        return Some(Json::Object(Vec::new()));
    }
    let value = element(&mut tokens, name, 0)?;
    Some(match value {
        Json::Object(m) => Json::Object(m),
        other => Json::Object(vec![(name.to_string(), other)]),
    })
}

enum Token<'a> {
    /// `<name …>`; `true` when it closes itself (`<name/>`).
    Open(&'a str, bool),
    Close(&'a str),
    Text(&'a str),
}

struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if !self.rest.starts_with('<') {
                let end = self.rest.find('<').unwrap_or(self.rest.len());
                let (text, rest) = self.rest.split_at(end);
                self.rest = rest;
                return Some(Token::Text(text));
            }
            // Declarations, comments and processing instructions carry no fields.
            for (open, close) in [("<?", "?>"), ("<!--", "-->"), ("<!", ">")] {
                if self.rest.starts_with(open) {
                    let Some(end) = self.rest.find(close) else {
                        self.rest = "";
                        return None;
                    };
                    self.rest = &self.rest[end + close.len()..];
                }
            }
            if !self.rest.starts_with('<') || self.rest.starts_with("<?") || self.rest.starts_with("<!") {
                continue;
            }
            let Some(end) = self.rest.find('>') else {
                self.rest = "";
                return None;
            };
            let tag = &self.rest[1..end];
            self.rest = &self.rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                return Some(Token::Close(name.trim()));
            }
            let closed = tag.ends_with('/');
            let name = tag.trim_end_matches('/').split_whitespace().next()?;
            return Some(Token::Open(name, closed));
        }
    }
}

/// The content of `<name>` up to its closing tag.
fn element<'a>(tokens: &mut Tokens<'a>, name: &str, depth: usize) -> Option<Json> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut members: Vec<(String, Json)> = Vec::new();
    let mut text = String::new();
    loop {
        // A sample cut off by the end of the page: what came before the cut.
        let Some(token) = tokens.next() else {
            return (!members.is_empty()).then_some(Json::Object(members));
        };
        match token {
            Token::Text(s) => text.push_str(s),
            Token::Close(closing) if closing == name => break,
            Token::Close(_) => return None,
            Token::Open(child, closed) => {
                let value = if closed {
                    Json::Null
                } else {
                    match element(tokens, child, depth + 1) {
                        Some(v) => v,
                        // Cut inside this child: keep the members before it.
                        None if tokens.rest.is_empty() && !members.is_empty() => return Some(Json::Object(members)),
                        None => return None,
                    }
                };
                // The name without its namespace (`georss:point` → `point`).
                let key = child.rsplit(':').next().unwrap_or(child).to_string();
                match members.iter_mut().find(|(k, _)| *k == key) {
                    // A repeated element: an array of them.
                    Some((_, Json::Array(items))) => items.push(value),
                    Some((_, existing)) => *existing = Json::Array(vec![std::mem::replace(existing, Json::Null), value]),
                    None => members.push((key, value)),
                }
            }
        }
    }
    if !members.is_empty() {
        return Some(Json::Object(members));
    }
    let text = text.trim();
    Some(match text_value_type(text) {
        _ if text.is_empty() => Json::Null,
        Type::Integer { .. } => Json::Int,
        Type::Number => Json::Float,
        Type::Boolean => Json::Bool(text == "true"),
        _ => Json::Str(text.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_children_are_fields() {
        let sample = "<?xml version=\"1.0\"?>\n<status>\n  <text>Howdy!</text>\n  <id>26668724</id>\n  <in_reply_to/>\n  <geo xmlns:g=\"x\"><g:point>30.4 -94.7</g:point></geo>\n  <tag>a</tag><tag>b</tag>\n  <user><id>1</id></user>\n</status>";
        let Some(Json::Object(members)) = parse(sample) else { panic!() };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["text", "id", "in_reply_to", "geo", "tag", "user"]);
        assert_eq!(members[1].1, Json::Int);
        assert!(matches!(&members[4].1, Json::Array(items) if items.len() == 2));
        assert!(matches!(&members[5].1, Json::Object(_)));
    }

    #[test]
    fn not_xml_or_truncated() {
        assert!(parse("{\"a\": 1}").is_none());
        assert!(matches!(parse("<status><id>1</id><user><name>x</name><followers_"), Some(Json::Object(m)) if m.len() == 2));
        assert!(parse("<a></b>").is_none());
    }
}
