//! Facts the generators only print in code examples: which arguments are optional
//! (`maxResults := int32(56) // int32 |  (optional)`), and the variants of a oneOf
//! model (ruby's `openapi_one_of`).

use super::Interp;
use super::lines::is_ident;
use crate::schema::OneOf;

/// The arguments an example declares with a `// Type | description` comment, and
/// whether the comment marks them `(optional)`. The comment may also sit on the line
/// before (typescript-fetch).
pub(super) fn example_arguments(code: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut pending: Option<bool> = None;
    for line in code.lines() {
        let (code_part, comment) = split_comment(line);
        let described = comment.is_some_and(|c| c.contains('|'));
        let optional = comment.is_some_and(|c| c.contains("(optional)"));
        if code_part.trim().is_empty() {
            if described {
                pending = Some(optional);
            }
            continue;
        }
        let marked = if described { Some(optional) } else { pending.take() };
        if let (Some(optional), Some(name)) = (marked, assigned_name(code_part)) {
            out.push((name, optional));
        }
    }
    out
}

/// `code // comment` or `code # comment` (the last such marker; URLs have no space before
/// their `//`).
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let at = line.rfind(" // ").map(|i| (i, 4)).or_else(|| line.rfind(" # ").map(|i| (i, 3)));
    let at = at.or_else(|| line.trim_start().starts_with("//").then(|| (line.find("//").unwrap_or(0), 2)));
    match at {
        Some((i, len)) => (&line[..i], Some(&line[i + len..])),
        None => (line, None),
    }
}

/// The name a line assigns: `x := …`, `String x = …;`, `$x = …`, `let x = …`, `x: …,`.
fn assigned_name(code: &str) -> Option<String> {
    let end = [":=", "=", ":"].iter().filter_map(|op| code.find(op)).min()?;
    let target = code[..end].split_whitespace().last()?;
    let name = target.trim_matches(|c: char| matches!(c, '$' | '\'' | '"' | ',' | '&'));
    is_ident(name).then(|| name.to_string())
}

impl Interp<'_> {
    /// ruby oneOf pages: `Model.openapi_one_of # => [:'A', :'B']` and
    /// `openapi_discriminator_name # => :'kind'`.
    pub(super) fn one_of_example(&mut self, model: &str, code: &str, line: u32) {
        let symbols = |text: &str| -> Vec<String> {
            let after = text.split_once("# =>").map_or("", |(_, rest)| rest);
            after.split(":'").skip(1).filter_map(|s| s.split('\'').next()).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        if code.contains(".openapi_one_of") {
            let variants = symbols(code);
            if variants.is_empty() {
                self.warn(line, format!("oneOf model `{model}`: no variants listed"), "check the page; the model is read as raw JSON");
                return;
            }
            self.doc.one_of.push(OneOf { name: model.to_string(), variants, discriminator: None, source: self.src(line) });
        } else if code.contains(".openapi_discriminator_name") {
            let found = symbols(code).into_iter().next();
            if let Some(one) = self.doc.one_of.iter_mut().rfind(|o| o.name == model) {
                one.discriminator = found;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_comments_mark_optional_arguments() {
        let go = "\txTenant := \"xTenant_example\" // string | \n\tmaxResults := int32(56) // int32 |  (optional) (default to 50)\n\tconfiguration := openapiclient.NewConfiguration()";
        assert_eq!(example_arguments(go), [("xTenant".to_string(), false), ("maxResults".to_string(), true)]);
        let java = "    String url = \"https://x.example.com/a\"; // String | The URL (optional)\n    client.call(url);";
        assert_eq!(example_arguments(java), [("url".to_string(), true)]);
        let fetch = "  const body = {\n    // Date | Day (optional)\n    plantedAfter: 2013-10-20,\n    // string\n    zoneId: zoneId_example,\n  };";
        assert_eq!(example_arguments(fetch), [("plantedAfter".to_string(), true)]);
        let python = "    x_tenant = 'x_tenant_example' # str | \n    page = 56 # int |  (optional)";
        assert_eq!(example_arguments(python), [("x_tenant".to_string(), false), ("page".to_string(), true)]);
        assert!(example_arguments("fmt.Println(\"a // b | c\")").is_empty());
    }
}
