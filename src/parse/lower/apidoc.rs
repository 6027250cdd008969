//! apiDoc annotations in source comments (`@api {get} /user/:id Read a user`,
//! `@apiParam (Query Parameters) {String} [sort=name] Sort order.`, `@apiSuccess {Number}
//! id`): each block lowered to a heading, its endpoint line and one list of fields per
//! group, so the page reader reads them like a rendered apiDoc page. Code around the
//! comments is not part of the docs.

use crate::parse::blocks::{Block, Inline, ListItem};

/// Whether the text carries apiDoc blocks.
pub fn has_blocks(text: &str) -> bool {
    text.lines().any(|l| strip_comment(l).starts_with("@api {"))
}

/// The apiDoc blocks of a source file.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    // The open list: its section heading and items.
    let mut list: Option<(String, Vec<ListItem>, u32)> = None;
    let flush = |list: &mut Option<(String, Vec<ListItem>, u32)>, out: &mut Vec<Block>| {
        if let Some((heading, items, line)) = list.take() {
            out.push(Block::Heading { level: 3, inline: Inline::plain(&heading), line });
            out.push(Block::List { items, line });
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let t = strip_comment(raw);
        let Some(rest) = t.strip_prefix('@') else { continue };
        let (tag, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let rest = rest.trim();
        match tag {
            "api" => {
                flush(&mut list, &mut out);
                let Some((method, rest)) = rest.strip_prefix('{').and_then(|r| r.split_once('}')) else { continue };
                let (path, title) = rest.trim().split_once(char::is_whitespace).unwrap_or((rest.trim(), ""));
                let title = if title.trim().is_empty() { path } else { title.trim() };
                out.push(Block::Heading { level: 2, inline: Inline::plain(title), line });
                out.push(Block::Paragraph { inline: Inline::plain(&format!("{} {path}", method.trim().to_uppercase())), line });
            }
            "apiDescription" => out.push(Block::Paragraph { inline: Inline::plain(rest), line }),
            "apiParam" | "apiQuery" | "apiBody" | "apiHeader" | "apiSuccess" | "apiError" => {
                let (group, rest) = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
                    Some((g, r)) => (Some(g.trim()), r.trim()),
                    None => (None, rest),
                };
                let heading = section(tag, group);
                // Response fields carry no required flag in apiDoc, only parameters do.
                let Some(item) = field(rest, line, !matches!(tag, "apiSuccess" | "apiError")) else { continue };
                match list.as_mut() {
                    Some((open, items, _)) if *open == heading => items.push(item),
                    _ => {
                        flush(&mut list, &mut out);
                        list = Some((heading, vec![item], line));
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut list, &mut out);
    out
}

/// ` * @api …`, `// @apiParam …`, `# @apiSuccess …` → the annotation.
fn strip_comment(line: &str) -> &str {
    line.trim().trim_start_matches("/**").trim_start_matches("/*").trim_start_matches(['*', '/', '#']).trim()
}

/// The section a field annotation belongs to: its group when it names one, else the
/// tag's.
fn section(tag: &str, group: Option<&str>) -> String {
    let named = group.filter(|g| {
        let g = g.to_lowercase();
        ["path", "query", "header", "body", "request", "url"].iter().any(|w| g.contains(w))
    });
    if let Some(g) = named {
        return g.to_string();
    }
    match tag {
        "apiQuery" => "Query Parameters",
        "apiBody" => "Request Body",
        "apiHeader" => "Headers",
        "apiSuccess" => "Response",
        "apiError" => "Errors",
        _ => "Parameters",
    }
    .to_string()
}

/// `{String} [sort=name] Sort order.` → `sort (String, optional): Sort order. Default: name`.
fn field(rest: &str, line: u32, badges: bool) -> Option<ListItem> {
    let (ty, rest) = match rest.strip_prefix('{').and_then(|r| crate::parse::text::split_balanced(r, '{', '}')) {
        Some((ty, r)) => (Some(ty.trim()), r.trim()),
        None => (None, rest),
    };
    let (name, description) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let optional = name.starts_with('[') && name.ends_with(']');
    let name = name.trim_start_matches('[').trim_end_matches(']');
    let (name, default) = name.split_once('=').map_or((name, None), |(n, d)| (n, Some(d)));
    if name.is_empty() {
        return None;
    }
    // `{String{1..50}}`, `{Number=1,2,3}`: the type before its size or values.
    let ty = ty.map(|t| t.split(['{', '=']).next().unwrap_or(t).trim());
    let badge = match (badges, optional) {
        (false, _) => "",
        (true, true) => ", optional",
        (true, false) => ", required",
    };
    let mut text = match ty {
        Some(ty) => format!("{name} ({ty}{badge}): {}", description.trim()),
        None if badges => format!("{name} ({}): {}", &badge[2..], description.trim()),
        None => format!("{name}: {}", description.trim()),
    };
    if let Some(d) = default.filter(|d| !d.is_empty() && *d != "null") {
        text.push_str(&format!(" Default: {d}"));
    }
    Some(ListItem::new(Inline::plain(text.trim_end()), line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_become_blocks() {
        let src = "public class X {\n  /**\n   * @api {get} /:unit/series List series\n   * @apiParam (Path Parameters) {String} unit The unit.\n   * @apiParam (Query Parameters) {String} [filter] A filter.\n   * @apiParam (Query Parameters) {Number{1..50}} [limit=10] Page size.\n   * @apiSuccess (Success 200) {Serie[]} series The series.\n   */\n  void f() {}\n}\n";
        assert!(has_blocks(src));
        let b = blocks(src);
        let texts: Vec<String> = b
            .iter()
            .map(|b| match b {
                Block::Heading { inline, .. } | Block::Paragraph { inline, .. } => inline.text.clone(),
                Block::List { items, .. } => items.iter().map(|i| i.inline.text.clone()).collect::<Vec<_>>().join(" | "),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "List series",
                "GET /:unit/series",
                "Path Parameters",
                "unit (String, required): The unit.",
                "Query Parameters",
                "filter (String, optional): A filter. | limit (Number, optional): Page size. Default: 10",
                "Response",
                "series (Serie[]): The series.",
            ]
        );
    }
}
