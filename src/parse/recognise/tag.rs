//! Template tags in markdown sources: GitBook's legacy API blocks (`{% swagger method="get"
//! path="/x" %}`, `{% swagger-parameter in="query" name="q" type="String" %}`,
//! `{% api-method method="get" host="…" path="…" %}`, `{% api-method-query-parameters %}`,
//! `{% api-method-response-example httpCode=200 %}`) and tags of the same shape.

/// `{% name key="value" key=value %}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
    }
}

/// A line that is one tag (`{% … %}`), if it is.
pub fn tag(line: &str) -> Option<Tag> {
    let inner = line.trim().strip_prefix("{%")?.strip_suffix("%}")?.trim();
    let (name, mut rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(end) => (&after[1..1 + end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if key.is_empty() || key.contains(char::is_whitespace) {
            break;
        }
        // GitBook escapes underscores in names (`recipe\_id`).
        attrs.push((key.to_string(), value.replace("\\_", "_")));
        rest = next;
    }
    Some(Tag { name: name.to_string(), attrs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        let t = tag("{% swagger method=\"get\" path=\"/cinemas/{id}\" baseUrl=\"https://x.example\" summary=\"List it\" %}").unwrap();
        assert_eq!((t.name.as_str(), t.attr("method"), t.attr("PATH"), t.attr("summary")), ("swagger", Some("get"), Some("/cinemas/{id}"), Some("List it")));
        let t = tag("{% api-method-parameter name=\"recipe\\_id\" type=\"integer\" required=true %}").unwrap();
        assert_eq!((t.attr("name"), t.attr("required")), (Some("recipe_id"), Some("true")));
        assert_eq!(tag("{% endswagger %}").map(|t| t.name), Some("endswagger".to_string()));
        assert_eq!(tag("{ not a tag }"), None);
    }
}
