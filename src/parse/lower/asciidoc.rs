//! AsciiDoc structures in a text document (swagger2markup's default output, Asciidoctor
//! sources): `== Title` headings, `|===` tables whose cells start with `|` and may run over
//! lines, `....` / `----` literal blocks, and the `[[anchor]]` / `[options=…]` lines that
//! only style what follows.

use crate::parse::blocks::{Block, Inline, Row};
use crate::parse::lower::markdown::inline_markdown;

/// Whether the document is AsciiDoc: a table delimiter at the start of a line.
pub fn looks_like_asciidoc(text: &str) -> bool {
    text.lines().any(|l| l.trim_end() == "|===")
}

/// `== Paths` → (2, `Paths`).
pub fn heading(t: &str) -> Option<(u8, &str)> {
    let marks = t.chars().take_while(|&c| c == '=').count();
    let rest = t[marks..].strip_prefix(' ')?.trim();
    ((1..=6).contains(&marks) && !rest.is_empty()).then_some((marks as u8, rest))
}

/// `[[_paths]]`, `[options="header", cols="…"]`, `[%hardbreaks]`, `[source,json]`: block
/// attributes and anchors, not text.
pub fn is_attribute_line(t: &str) -> bool {
    t.starts_with("[[") && t.ends_with("]]")
        || t.starts_with('[') && t.ends_with(']') && !t.contains(' ')
        || t.starts_with("[options=")
        || t.starts_with("[cols=")
}

/// A literal or listing block (`....` or `----` on their own lines): its end (exclusive)
/// and its text.
pub fn literal(lines: &[&str], i: usize) -> Option<(usize, String)> {
    let delimiter = lines[i].trim_end();
    if !matches!(delimiter, "...." | "----") {
        return None;
    }
    let end = (i + 1..lines.len()).find(|&j| lines[j].trim_end() == delimiter)?;
    let mut text = lines[i + 1..end].join("\n");
    text.push('\n');
    Some((end + 1, text))
}

/// A `|===` table: the header (the first row) and the rows; the index after its closing
/// delimiter.
pub fn table(lines: &[&str], i: usize) -> Option<(Block, usize)> {
    if lines[i].trim_end() != "|===" {
        return None;
    }
    let end = (i + 1..lines.len()).find(|&j| lines[j].trim_end() == "|===").unwrap_or(lines.len());
    let attributes = i.checked_sub(1).map(|p| lines[p].trim()).unwrap_or("");
    let mut cells: Vec<(String, usize)> = Vec::new();
    let mut first_row_width = 0;
    for (j, line) in lines.iter().enumerate().take(end).skip(i + 1) {
        let t = line.trim();
        // A cell running over lines: the text before the line's first `|` is its end.
        let (continued, rest) = match t.find('|') {
            Some(at) => (&t[..at], &t[at..]),
            None => (t, ""),
        };
        if let Some(last) = cells.last_mut().filter(|_| !continued.is_empty()) {
            last.0.push('\n');
            last.0.push_str(continued.trim());
        }
        let parts = split_cells(rest);
        if j == i + 1 {
            first_row_width = parts.len();
        }
        cells.extend(parts.into_iter().map(|p| (p, j)));
    }
    let width = column_count(attributes).unwrap_or(first_row_width);
    if width < 2 || cells.len() < width {
        return None;
    }
    let mut chunks = cells.chunks(width);
    let header: Vec<Inline> = chunks.next()?.iter().map(|(c, _)| cell(c)).collect();
    let rows = chunks.map(|r| Row { line: line_no(r[0].1), cells: r.iter().map(|(c, _)| cell(c)).collect() }).collect();
    Some((Block::Table { header, rows, line: line_no(i) }, (end + 1).min(lines.len())))
}

/// `cols=".^2a,.^3a,.^9a,.^4a"` → 4.
fn column_count(attributes: &str) -> Option<usize> {
    let cols = attributes.split("cols=\"").nth(1)?.split('"').next()?;
    let n = cols.split(',').count();
    // `cols="3*"`: a repeat count.
    let repeated = cols.strip_suffix('*').and_then(|r| r.parse().ok());
    repeated.or(Some(n))
}

/// `|a|b +` → [`a`, `b +`]: a cell starts at each `|`.
fn split_cells(t: &str) -> Vec<String> {
    t.split('|').skip(1).map(str::to_string).collect()
}

/// A cell's AsciiDoc inline markup as markdown: `__required__` → `required`, `+` line
/// breaks, `<<_pet,Pet>>` cross references → `Pet`, `` `code` ``.
fn cell(text: &str) -> Inline {
    let mut s = text.trim().to_string();
    while let Some(start) = s.find("<<") {
        let Some(len) = s[start..].find(">>") else { break };
        let inner = &s[start + 2..start + len];
        let label = inner.split_once(',').map_or(inner, |(_, l)| l).trim().to_string();
        s.replace_range(start..start + len + 2, &label);
    }
    let s = s.replace(" +\n", "\n").replace("__", "");
    let lines: Vec<Inline> = s.lines().map(inline_markdown).collect();
    let mut inline = lines.first().cloned().unwrap_or_default();
    inline.text = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
    inline
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_with_cells_over_lines() {
        let lines = [
            "[options=\"header\", cols=\".^2a,.^3a,.^9a,.^4a\"]",
            "|===",
            "|Type|Name|Description|Schema",
            "|**Path**|**id** +",
            "__required__|id|integer (int64)",
            "|**Body**|**dto** +",
            "__required__|dto|<<_bookingdto,BookingDto>>",
            "|===",
            "after",
        ];
        let (block, end) = table(&lines, 1).unwrap();
        assert_eq!(end, 8);
        let Block::Table { header, rows, line: 2 } = block else { panic!("{block:?}") };
        assert_eq!(header.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), ["Type", "Name", "Description", "Schema"]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[1].text, "id\nrequired");
        assert!(rows[0].cells[1].bold);
        assert_eq!(rows[1].cells[3].text, "BookingDto");
    }

    #[test]
    fn headings_literals_and_attributes() {
        assert_eq!(heading("== Paths"), Some((2, "Paths")));
        assert_eq!(heading("==="), None);
        assert!(is_attribute_line("[[_paths]]") && is_attribute_line("[%hardbreaks]") && is_attribute_line("[options=\"header\", cols=\"1,2\"]"));
        assert!(!is_attribute_line("[GET] /pets"));
        let lines = ["....", "POST /campdemo/booking/", "....", "x"];
        assert_eq!(literal(&lines, 0), Some((3, "POST /campdemo/booking/\n".to_string())));
    }
}
