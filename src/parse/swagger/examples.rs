//! Facts the generators only print in code examples: which arguments are optional
//! (`maxResults := int32(56) // int32 |  (optional)`), and the variants of a oneOf
//! model (ruby's `openapi_one_of`).

use super::Interp;
use super::lines::is_ident;
use crate::schema::OneOf;

/// What an example's comment says about one argument.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ExampleArg {
    pub name: String,
    pub optional: bool,
    /// The type spelling before the first top-level `|` (`Array<'A' | 'B'>`).
    pub ty: String,
}

/// The arguments an example declares with a `// Type | description` comment, and
/// whether the comment marks them `(optional)`. The comment may also sit on the line
/// before (typescript-fetch: `// Array<'A' | 'B'> (optional)`).
pub(super) fn example_arguments(code: &str) -> Vec<ExampleArg> {
    let mut out = Vec::new();
    let mut pending: Option<&str> = None;
    for line in code.lines() {
        let (code_part, comment) = split_comment(line);
        if code_part.trim().is_empty() {
            pending = comment;
            continue;
        }
        let comment = comment.filter(|c| c.contains('|')).or(pending.take());
        if let (Some(comment), Some(name)) = (comment, assigned_name(code_part)) {
            out.push(ExampleArg { name, optional: comment.contains("(optional)"), ty: comment_type(comment) });
        }
    }
    out
}

/// `Array<'A' | 'B'> (optional)` → `Array<'A' | 'B'>`; `string | desc` → `string`.
fn comment_type(comment: &str) -> String {
    let mut depth = 0i32;
    let end = comment.char_indices().find(|&(_, c)| {
        match c {
            '<' | '[' | '{' | '(' => depth += 1,
            '>' | ']' | '}' | ')' => depth -= 1,
            '|' if depth <= 0 => return true,
            _ => {}
        }
        false
    });
    let ty = end.map_or(comment, |(i, _)| &comment[..i]);
    ty.replace("(optional)", "").trim().to_string()
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
        let args = |code: &str| -> Vec<(String, bool, String)> { example_arguments(code).into_iter().map(|a| (a.name, a.optional, a.ty)).collect() };
        let arg = |n: &str, o: bool, t: &str| (n.to_string(), o, t.to_string());
        let go = "\txTenant := \"xTenant_example\" // string | \n\tmaxResults := int32(56) // int32 |  (optional) (default to 50)\n\tconfiguration := openapiclient.NewConfiguration()";
        assert_eq!(args(go), [arg("xTenant", false, "string"), arg("maxResults", true, "int32")]);
        let java = "    String url = \"https://x.example.com/a\"; // String | The URL (optional)\n    client.call(url);";
        assert_eq!(args(java), [arg("url", true, "String")]);
        let fetch = "  const body = {\n    // Array<'A' | 'B'> (optional)\n    status: ...,\n    // string\n    zoneId: zoneId_example,\n  };";
        assert_eq!(args(fetch), [arg("status", true, "Array<'A' | 'B'>"), arg("zoneId", false, "string")]);
        let python = "    x_tenant = 'x_tenant_example' # str | \n    page = 56 # int |  (optional)";
        assert_eq!(args(python), [arg("x_tenant", false, "str"), arg("page", true, "int")]);
        assert!(example_arguments("fmt.Println(\"a // b | c\")").is_empty());
    }
}
