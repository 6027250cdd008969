//! Cutting rendered code into runs of whole top-level items, so that syn and prettyplease
//! work on pieces of a file in parallel instead of on one token tree of all of it: a big
//! API's file is several megabytes, and one token vector of that size costs more in fresh
//! pages than in parsing.
//!
//! The cut is made by a small scanner (strings, raw strings, chars, comments, brackets), not by
//! a Rust lexer: a cut it gets wrong only makes a piece fail to parse, and then the caller
//! parses the file whole.

/// `code` in pieces of at least `min_len` bytes (the last may be shorter), each ending right
/// after a `}` or `;` that closes a top-level item at the end of a line. One piece when the
/// file is small or the scanner loses its way (unbalanced brackets, an open string).
pub fn items(code: &str, min_len: usize) -> Vec<&str> {
    cut_points(code.as_bytes(), min_len).map_or_else(
        || vec![code],
        |cuts| {
            let mut out = Vec::with_capacity(cuts.len() + 1);
            let mut start = 0;
            for cut in cuts {
                out.push(&code[start..cut]);
                start = cut;
            }
            if start < code.len() {
                out.push(&code[start..]);
            }
            out
        },
    )
}

/// Byte offsets just after the newline that follows each chosen item end.
fn cut_points(b: &[u8], min_len: usize) -> Option<Vec<usize>> {
    let (mut cuts, mut depth, mut start, mut i) = (Vec::new(), 0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => i = block_comment_end(b, i)?,
            b'"' => i = string_end(b, i + 1)?,
            b'r' if !ident_before(b, i) || (i > 0 && b[i - 1] == b'b' && !ident_before(b, i - 1)) => i = raw_string_end(b, i + 1)?.unwrap_or(i + 1),
            b'\'' => i = char_end(b, i),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            c @ (b')' | b']' | b'}' | b';') => {
                if c != b';' {
                    depth = depth.checked_sub(1)?;
                }
                i += 1;
                if depth == 0 && (c == b'}' || c == b';') && b.get(i) == Some(&b'\n') && i + 1 - start >= min_len {
                    start = i + 1;
                    cuts.push(start);
                }
            }
            _ => i += 1,
        }
    }
    (depth == 0).then_some(cuts)
}

fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] >= 0x80)
}

fn line_end(b: &[u8], i: usize) -> usize {
    b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| i + p)
}

/// After a (nested) `/* … */` starting at `i`.
fn block_comment_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    while i + 1 < b.len() {
        match (b[i], b[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// After the `"` closing a string whose contents start at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// `r` at `i - 1`: after the raw string `r#…"…"#…`, `Some(None)` when it is not one (an
/// identifier starting with `r`), `None` when the raw string never closes.
fn raw_string_end(b: &[u8], i: usize) -> Option<Option<usize>> {
    let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
    if b.get(i + hashes) != Some(&b'"') {
        return Some(None);
    }
    let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
    let body = i + hashes + 1;
    b[body..].windows(close.len()).position(|w| w == close.as_slice()).map(|p| Some(body + p + close.len()))
}

/// After a char literal at `i` (`'a'`, `'\n'`, `'\''`, `'é'`), or just past the `'` of a lifetime.
fn char_end(b: &[u8], i: usize) -> usize {
    if b.get(i + 1) == Some(&b'\\') {
        return b[i + 3..].iter().position(|&c| c == b'\'').map_or(i + 1, |p| i + 3 + p + 1);
    }
    let width = match b.get(i + 1) {
        Some(&c) if c >= 0xf0 => 4,
        Some(&c) if c >= 0xe0 => 3,
        Some(&c) if c >= 0xc0 => 2,
        _ => 1,
    };
    if b.get(i + 1 + width) == Some(&b'\'') { i + 2 + width } else { i + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_after_top_level_items_only() {
        let code = "/// A { not a brace.\nstruct A;\nimpl A {\n    fn f() -> &'static str { \"}\\\"\\n\" }\n}\nconst C: char = '}';\nconst R: &str = r#\"}\"\n\"#;\n/* } */ fn g<'a>(x: &'a u8) {}\n";
        let pieces = items(code, 1);
        assert_eq!(
            pieces,
            [
                "/// A { not a brace.\nstruct A;\n",
                "impl A {\n    fn f() -> &'static str { \"}\\\"\\n\" }\n}\n",
                "const C: char = '}';\n",
                "const R: &str = r#\"}\"\n\"#;\n",
                "/* } */ fn g<'a>(x: &'a u8) {}\n",
            ]
        );
        assert_eq!(pieces.concat(), code);
    }

    #[test]
    fn short_pieces_are_joined_and_lost_scans_give_the_whole_file() {
        let code = "struct A;\nstruct B;\nstruct C;\n";
        assert_eq!(items(code, 15), ["struct A;\nstruct B;\n", "struct C;\n"]);
        assert_eq!(items(code, 1000), [code]);
        for broken in ["fn f() { \"open }\n", "fn f() }\n{\n", "fn f() {\n"] {
            assert_eq!(items(broken, 1), [broken], "{broken:?}");
        }
    }
}
