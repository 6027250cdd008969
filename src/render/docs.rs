//! Documentation text → safe rustdoc lines.
//!
//! Descriptions come from people and scrapers. They end up in `#[doc = "..."]`
//! attributes built from escaped string literals, so they can never end a comment or
//! inject code; what remains is keeping rustdoc quiet: no broken intra-doc links, no
//! unclosed HTML, no doctests from fences or indented blocks, no bare URLs.

/// Bidi controls are denied in comments by rustc's `text_direction_codepoint_in_comment`.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Turn a description into markdown-inert lines (no leading spaces, escaped specials).
pub fn doc_lines(text: &str) -> Vec<String> {
    let cleaned: String = text
        .replace("<br />", "\n")
        .replace("<br/>", "\n")
        .replace("<br>", "\n")
        .chars()
        .filter(|&c| !is_bidi_control(c) && (c == '\n' || !c.is_control()))
        .collect();
    let mut out: Vec<String> = cleaned.lines().map(|l| escape_line(l.trim())).collect();
    // Collapse blank runs and trim blank edges.
    out.dedup_by(|a, b| a.is_empty() && b.is_empty());
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for word in split_keep_spaces(line) {
        if word.starts_with("http://") || word.starts_with("https://") {
            // An autolink keeps the URL clickable and satisfies `rustdoc::bare_urls`.
            let trimmed = word.trim_end_matches(['.', ',', ';', ':', ')', '\'', '"']);
            let url: String = trimmed.chars().filter(|c| !matches!(c, '<' | '>' | '`' | '\\')).collect();
            out.push('<');
            out.push_str(&url);
            out.push('>');
            out.push_str(&escape_text(&word[trimmed.len()..]));
        } else {
            out.push_str(&escape_text(word));
        }
    }
    // `=`/`-` runs make a setext heading of the previous line; `~~~` opens a fence.
    if (out.starts_with(['=', '-']) && out.chars().all(|c| c == '=' || c == '-' || c == ' ')) || out.starts_with("~~~") {
        out.insert(0, '\\');
    }
    out
}

/// Escapes only what makes rustdoc misbehave: link brackets, HTML, entities, and runs
/// of three backticks (a fence would become a doctest). Inline `code` spans survive.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '`' if run_len(&chars, i, '`') >= 3 => out.push_str("\\`"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Length of the run of `c` that position `i` is part of.
fn run_len(chars: &[char], i: usize, c: char) -> usize {
    let before = chars[..i].iter().rev().take_while(|&&x| x == c).count();
    let after = chars[i..].iter().take_while(|&&x| x == c).count();
    before + after
}

fn split_keep_spaces(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in line.char_indices() {
        let space = c == ' ';
        if in_space.is_some_and(|s| s != space) {
            parts.push(&line[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < line.len() {
        parts.push(&line[start..]);
    }
    parts
}

/// One line of user text, escaped for inline use in a sentence we write.
pub fn inline(text: &str) -> String {
    doc_lines(&text.replace('\n', " ")).join(" ")
}

/// A user value as inline code: code spans are not interpreted, so only backticks,
/// newlines and invisible characters need handling.
pub fn code(text: &str) -> String {
    let body: String = text
        .chars()
        .map(|c| {
            if c == '`' {
                '\''
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| !is_bidi_control(c))
        .collect();
    let body = body.trim();
    if body.is_empty() { "``".into() } else { format!("`{body}`") }
}

/// A Rust string literal for any text: escapes quotes, backslashes and every
/// non-printable character, so the literal cannot end early or smuggle bidi controls.
pub fn str_lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_bidi_control(c) || (!c.is_ascii() && is_invisible(c)) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2065}' | '\u{FEFF}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_inert() {
        let lines = doc_lines("a */ b /* c\n    ```rust\nfn main(){}\n```\n#[cfg(x)] [link] <script>x</script> `tick`\u{202E}");
        assert_eq!(lines, ["a */ b /* c", "\\`\\`\\`rust", "fn main(){}", "\\`\\`\\`", "#\\[cfg(x)\\] \\[link\\] &lt;script&gt;x&lt;/script&gt; `tick`"]);
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(doc_lines("see https://x.io/a_b."), ["see <https://x.io/a_b>."]);
    }

    #[test]
    fn literals_escape_everything_dangerous() {
        assert_eq!(str_lit("a\"b\\c\n\u{0}\u{202e}"), "\"a\\\"b\\\\c\\n\\u{0}\\u{202e}\"");
    }
}
