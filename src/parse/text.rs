//! Text-level helpers shared by the parsers: entity decoding, whitespace clean-up,
//! `<br />` handling, loose name comparison, byte-offset → line mapping, and a scanner
//! for the brackets of JSON-like text.

/// `a(b)) rest` with `(` already opened → (`a(b)`, ` rest`): up to the `close` that
/// balances the bracket before `t`.
pub fn split_balanced(t: &str, open: char, close: char) -> Option<(&str, &str)> {
    let mut depth = 1usize;
    for (i, c) in t.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some((&t[..i], &t[i + c.len_utf8()..]));
            }
        }
    }
    None
}

/// Decode HTML entities: the common named ones and any numeric `&#NNN;` / `&#xHH;`.
/// Unknown or malformed entities are left exactly as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Entities are short; a `;` far away belongs to something else.
        let semi = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| decode_one(&rest[1..i]).map(|c| (c, i)));
        match decoded {
            Some((c, i)) => {
                out.push(c);
                rest = &rest[i + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "reg" => '®',
        _ => return None,
    })
}

/// Collapse runs of whitespace (including non-breaking spaces) to one space and trim.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s.split_whitespace());
    out
}

/// Appends `words` separated by single spaces (one pass, no intermediate `Vec`: these
/// run on every cell and line of every document).
fn push_words<'a>(out: &mut String, words: impl Iterator<Item = &'a str>) {
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// Like [`normalize_ws`] but keeps line structure: each line is normalised, blank
/// lines are dropped, lines are joined with `\n`.
pub fn normalize_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines().filter(|l| !l.trim().is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        push_words(&mut out, line.split_whitespace());
    }
    out
}

/// Replace `<br>`, `<br/>`, `<br />` (any case) with a newline.
pub fn strip_br(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    if !lower.contains("<br") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if lower[i..].starts_with("<br") {
            let after = &lower[i + 3..];
            let close = after.find('>');
            // Only `<br` followed by optional spaces and `/` is a break tag (not `<bread>`).
            if let Some(c) = close.filter(|&c| after[..c].chars().all(|ch| ch == ' ' || ch == '/')) {
                out.push('\n');
                i += 3 + c + 1;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Remove leftover emphasis markers (`**`, `__`, stray `*`) that broken generator markup
/// leaves in flattened text, then normalise whitespace.
pub fn strip_emphasis_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s.split(|c: char| c.is_whitespace() || c == '*' || c == '`').flat_map(|w| w.split("__")).filter(|w| !w.is_empty()));
    out
}

/// A key for comparing names across spellings: `user_id`, `userId`, `UserID` all match.
pub fn loose_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Decode `%XX` escapes (as in rendered `href`s); invalid escapes and non-UTF-8 results stay as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Split a comma-separated list, trimming items and dropping empty ones.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_string).collect()
}

/// Maps byte offsets of a text to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    pub fn line(&self, offset: usize) -> u32 {
        let idx = self.starts.partition_point(|&s| s <= offset);
        idx.max(1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_emphasis_as_first_written() {
        let samples = [
            "",
            " ",
            "a",
            "  a  b\t\tc \n",
            "**bold** `code` __under__ ___x___ _y_ *",
            "a\n\n  b  c \r\n\u{a0}d\u{a0}\n \n",
            "x__y",
            "x_*_y",
            "__",
            "*`*",
            "line one\n   \nline  two",
        ];
        for s in samples {
            assert_eq!(normalize_ws(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
            let lines: Vec<String> = s.lines().map(normalize_ws).filter(|l| !l.is_empty()).collect();
            assert_eq!(normalize_lines(s), lines.join("\n"), "{s:?}");
            assert_eq!(strip_emphasis_marks(s), normalize_ws(&s.replace(['*', '`'], " ").replace("__", " ")), "{s:?}");
        }
    }

    #[test]
    fn balanced_splits() {
        assert_eq!(split_balanced("array(string)) desc", '(', ')'), Some(("array(string)", " desc")));
        assert_eq!(split_balanced("Number{1..5}} [x]", '{', '}'), Some(("Number{1..5}", " [x]")));
        assert_eq!(split_balanced("open(", '(', ')'), None);
    }

    #[test]
    fn entities() {
        let cases = [
            ("Array&lt;Contact&gt;", "Array<Contact>"),
            ("a &amp; b", "a & b"),
            ("&quot;x&quot; &#39;y&#39; &#x60;z&#x60;", "\"x\" 'y' `z`"),
            ("a&nbsp;b", "a\u{a0}b"),
            ("&#65;&#x42;&#X43;", "ABC"),
            ("&unknown; &amp", "&unknown; &amp"),
            ("&#xZZ; &#0; &#99999999;", "&#xZZ; &#0; &#99999999;"),
            ("AT&T; fine", "AT&T; fine"),
            ("&&lt;", "&<"),
            ("no entities", "no entities"),
            ("trailing &", "trailing &"),
            ("ünïcode &lt;ok&gt;", "ünïcode <ok>"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_entities(input), want, "input {input:?}");
        }
    }

    #[test]
    fn whitespace() {
        assert_eq!(normalize_ws("  a \t b\n c\u{a0}d  "), "a b c d");
        assert_eq!(normalize_lines(" a  b \n\n  c \n"), "a b\nc");
        assert_eq!(normalize_ws(""), "");
    }

    #[test]
    fn br_tags() {
        let cases = [("a<br />b", "a\nb"), ("a<br>b<BR/>c", "a\nb\nc"), ("a<bread>b", "a<bread>b"), ("x <br", "x <br"), ("ü<br />ö", "ü\nö")];
        for (input, want) in cases {
            assert_eq!(strip_br(input), want, "input {input:?}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(strip_emphasis_marks("Array<String>** x"), "Array<String> x");
        assert_eq!(loose_key("user_id"), loose_key("userId"));
        assert_eq!(loose_key("User-ID"), "userid");
        assert_eq!(split_list(" a, b ,, c "), vec!["a", "b", "c"]);
        assert_eq!(percent_decode("#List%3CSizesEnum%3E"), "#List<SizesEnum>");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%e2%82%ac"), "%zz€");
        assert_eq!(percent_decode("%ff"), "%ff");
    }

    #[test]
    fn lines() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 1);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(6), 3);
        assert_eq!(idx.line(7), 4);
        assert_eq!(idx.line(100), 4);
    }
}

/// Walks JSON-like text a character at a time, knowing when it is inside a string, and
/// keeps the bracket depth: what finds where a sample ends, where a script's object ends,
/// and where a cut-off sample could be closed.
#[derive(Debug, Default, Clone)]
pub struct JsonScan {
    in_string: bool,
    escaped: bool,
    /// `{` and `[` open and not yet closed, innermost last.
    pub open: Vec<char>,
}

impl JsonScan {
    /// Take one character; returns it when it is structure (outside any string).
    pub fn step(&mut self, c: char) -> Option<char> {
        if self.in_string {
            match c {
                _ if self.escaped => self.escaped = false,
                '\\' => self.escaped = true,
                '"' => self.in_string = false,
                _ => {}
            }
            return None;
        }
        match c {
            '"' => self.in_string = true,
            '{' | '[' => self.open.push(c),
            '}' | ']' => {
                self.open.pop();
            }
            _ => {}
        }
        Some(c)
    }

    /// A string never spans lines in JSON: a line break ends one left open.
    pub fn end_line(&mut self) {
        self.in_string = false;
    }

    pub fn depth(&self) -> usize {
        self.open.len()
    }
}
