//! Plain text → [`Block`]s: browser copies and crawler output of rendered pages, and reST.
//!
//! A copied page keeps its line structure and little else, so every line is its own
//! paragraph, except what the text itself marks as a structure: bullet lists (`•`, `-`,
//! `1.`, nested by indentation), pipe tables and tab-separated tables (browsers copy table
//! cells with tabs), fenced or reST code blocks, JSON bodies (balanced braces), `curl`
//! commands with their continuation lines, raw HTTP requests, ATX headings and reST
//! section underlines, and AsciiDoc's headings, tables and literal blocks in an AsciiDoc
//! document. Everything is one pass over the lines.

use crate::parse::blocks::{Block, Inline, ListItem, Row};
use crate::parse::lower::asciidoc;
use crate::parse::lower::markdown::{inline_markdown, raw_cells};

/// JSON examples longer than this are not examples.
const MAX_CODE_LINES: usize = 5000;
/// Lines all JSON attempts of one document may scan together.
const JSON_BUDGET: usize = 200_000;

pub fn blocks(text: &str) -> Vec<Block> {
    let mut lines: Vec<&str> = text.lines().map(strip_anchor_label).flat_map(split_glued_endpoints).collect();
    strip_line_numbers(&mut lines);
    let mut out = Vec::new();
    // Lines JSON detection may still scan: unbalanced braces everywhere stay linear.
    let mut json_budget = JSON_BUDGET;
    let mut underline_chars: Vec<char> = Vec::new();
    let asciidoc = asciidoc::looks_like_asciidoc(text);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        let no = line_no(i);
        if t.is_empty() {
            i += 1;
            continue;
        }
        if asciidoc {
            if asciidoc::is_attribute_line(t) {
                i += 1;
                continue;
            }
            if let Some((level, text)) = asciidoc::heading(t) {
                out.push(Block::Heading { level, inline: Inline::plain(text), line: no });
                i += 1;
                continue;
            }
            if let Some((end, text)) = asciidoc::literal(&lines, i) {
                out.push(Block::Code { lang: None, text, line: no });
                i = end;
                continue;
            }
            if let Some((block, end)) = asciidoc::table(&lines, i) {
                out.push(block);
                i = end;
                continue;
            }
        }
        if let Some(fence) = fence(t) {
            let lang = t[fence.len()..].split_whitespace().next().map(str::to_string);
            let end = (i + 1..lines.len()).find(|&j| lines[j].trim().starts_with(fence)).unwrap_or(lines.len());
            out.push(Block::Code { lang, text: join(&lines[i + 1..end]), line: no });
            i = end + 1;
            continue;
        }
        if let Some((level, text)) = atx_heading(t) {
            out.push(Block::Heading { level, inline: Inline::plain(text), line: no });
            i += 1;
            continue;
        }
        if let Some(c) = lines.get(i + 1).and_then(|next| underline(next.trim(), t)) {
            if !underline_chars.contains(&c) {
                underline_chars.push(c);
            }
            let level = underline_chars.iter().position(|&u| u == c).unwrap_or(0) as u8 + 1;
            out.push(Block::Heading { level: level.min(6), inline: Inline::plain(t), line: no });
            i += 2;
            continue;
        }
        if let Some(end) = rst_literal(&lines, i) {
            let lang = t.strip_prefix(".. code-block::").or_else(|| t.strip_prefix(".. sourcecode::")).or_else(|| t.strip_prefix(".. code::"));
            let lang = lang.map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
            if lang.is_none() && t != "::" {
                // `Example::` — the text before the marker is a paragraph of its own.
                out.push(Block::Paragraph { inline: Inline::plain(t.trim_end_matches(':')), line: no });
            }
            out.push(Block::Code { lang, text: dedent(&lines[i + 1..end]), line: line_no(i + 1) });
            i = end;
            continue;
        }
        // A label a copy glued to the sample's opening brace (`Response{`).
        if let Some((label, opener)) = glued_json_label(t).filter(|_| json_follows(&lines, i)) {
            let mut rest = lines.clone();
            rest[i] = opener;
            if let Some(end) = json_block(&rest, i, &mut json_budget) {
                out.push(Block::Paragraph { inline: Inline::plain(label), line: no });
                let mut json = vec![opener];
                json.extend(&lines[i + 1..end]);
                out.push(Block::Code { lang: Some("json".into()), text: join(&json), line: no });
                i = end;
                continue;
            }
        }
        if let Some(end) = json_block(&lines, i, &mut json_budget) {
            // The next heading glued to the closing brace (`}Update a route`): the sample
            // ends at the brace, the heading is a line of its own.
            let last = lines[end - 1].trim_start();
            let brackets = last.len() - last.trim_start_matches(['}', ']', ',']).len();
            if end - 1 > i && brackets > 0 && last[brackets..].starts_with(|c: char| c.is_alphabetic()) {
                let mut sample: Vec<&str> = lines[i..end - 1].to_vec();
                sample.push(&last[..brackets]);
                out.push(Block::Code { lang: Some("json".into()), text: join(&sample), line: no });
                lines[end - 1] = &last[brackets..];
                i = end - 1;
                continue;
            }
            out.push(Block::Code { lang: Some("json".into()), text: join(&lines[i..end]), line: no });
            i = end;
            continue;
        }
        if let Some(end) = xml_block(&lines, i) {
            out.push(Block::Code { lang: Some("xml".into()), text: join(&lines[i..end]), line: no });
            i = end;
            continue;
        }
        if let Some(end) = command_block(&lines, i) {
            // The sample response glued to the command's closing quote (`}'{`): the command
            // ends at the quote, the response starts on that line.
            let last = lines[end - 1];
            // The quote before the brace must close the command's last open quote.
            let quotes_before = |at: usize| lines[i..end - 1].iter().map(|l| l.matches('\'').count()).sum::<usize>() + last[..=at].matches('\'').count();
            match last.rfind("'{").or_else(|| last.rfind("'[")).filter(|&at| end - 1 > i && quotes_before(at) % 2 == 0) {
                Some(at) => {
                    let mut command: Vec<&str> = lines[i..end - 1].to_vec();
                    command.push(&last[..=at]);
                    out.push(Block::Code { lang: Some("shell".into()), text: join(&command), line: no });
                    lines[end - 1] = &last[at + 1..];
                    i = end - 1;
                }
                None => {
                    out.push(Block::Code { lang: Some("shell".into()), text: join(&lines[i..end]), line: no });
                    i = end;
                }
            }
            continue;
        }
        if let Some(end) = http_block(&lines, i) {
            out.push(Block::Code { lang: Some("http".into()), text: join(&lines[i..end]), line: no });
            i = end;
            continue;
        }
        if let Some((block, end)) = pipe_table(&lines, i).or_else(|| tab_table(&lines, i)) {
            out.push(block);
            i = end;
            continue;
        }
        if bullet(line).is_some() {
            let (items, end) = list(&lines, i);
            out.push(Block::List { items, line: no });
            i = end;
            continue;
        }
        out.push(Block::Paragraph { inline: Inline::plain(t), line: no });
        i += 1;
    }
    out
}

/// Starlight's heading anchors copy as `Section titled “Path Parameters”` before the
/// next element's text (` widgetId`): that text alone.
fn strip_anchor_label(line: &str) -> &str {
    match line.trim_start().strip_prefix("Section titled “").and_then(|r| r.split_once('”')) {
        Some((_, rest)) => rest,
        None => line,
    }
}

/// Endpoint lines a copy glued together (`GET /guilds/:id/channelsPOST /guilds/:id/channels`):
/// one line each.
fn split_glued_endpoints(line: &str) -> Vec<&str> {
    const METHODS: &[&str] = &["GET /", "POST /", "PUT /", "PATCH /", "DELETE /"];
    if !line.trim_start().starts_with(|c: char| c.is_ascii_uppercase()) || !METHODS.iter().any(|m| line.trim_start().starts_with(m)) {
        return vec![line];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices().skip(1) {
        let prev = line[..i].chars().next_back().unwrap_or(' ');
        let glued = c.is_ascii_uppercase() && (prev.is_ascii_lowercase() || prev.is_ascii_digit() || prev == '}');
        if glued && METHODS.iter().any(|m| line[i..].starts_with(m)) {
            out.push(&line[start..i]);
            start = i;
        }
    }
    out.push(&line[start..]);
    out
}

/// Code copied with its line numbers glued on (`1GET /pods HTTP/1.1`, `2Host: x`,
/// `3{`): runs of three or more lines numbered 1, 2, 3, … lose the numbers.
fn strip_line_numbers(lines: &mut [&str]) {
    let number = |l: &str| -> Option<(usize, usize)> {
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        // `1. First` / `2) Then` number a list.
        let list = l[digits..].starts_with(". ") || l[digits..].starts_with(") ");
        (digits > 0 && digits < 6 && !list).then(|| l[..digits].parse().ok().map(|n| (n, digits))).flatten()
    };
    let mut i = 0;
    while i < lines.len() {
        if number(lines[i]).is_some_and(|(n, _)| n == 1) {
            let run = (i..lines.len()).take_while(|&j| number(lines[j]).is_some_and(|(n, _)| n == j - i + 1)).count();
            if run >= 3 {
                for line in &mut lines[i..i + run] {
                    let digits = number(line).map_or(0, |(_, d)| d);
                    *line = &line[digits..];
                }
                i += run;
                continue;
            }
        }
        i += 1;
    }
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn join(lines: &[&str]) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

fn fence(t: &str) -> Option<&'static str> {
    ["```", "~~~"].into_iter().find(|f| t.starts_with(f))
}

/// `## Title` (markdown headings survive many crawlers).
fn atx_heading(t: &str) -> Option<(u8, &str)> {
    let hashes = t.chars().take_while(|&c| c == '#').count();
    let rest = t[hashes..].strip_prefix(' ')?.trim().trim_end_matches('#').trim();
    ((1..=6).contains(&hashes) && !rest.is_empty()).then_some((hashes as u8, rest))
}

/// A reST/setext underline (`=====`, `-----`, `~~~~`, `^^^^`) under `title`.
fn underline(next: &str, title: &str) -> Option<char> {
    let c = next.chars().next()?;
    let ok = matches!(c, '=' | '-' | '~' | '^' | '*' | '+' | '#' | '"')
        && next.chars().all(|x| x == c)
        && next.chars().count() >= 3
        && next.chars().count() + 2 >= title.chars().count()
        && !title.starts_with(['-', '*', '+', '|', '•'])
        && title.chars().count() <= 120;
    ok.then_some(c)
}

/// reST literal blocks: a line ending in `::` (or a `code-block` directive) followed by an
/// indented block. Returns the end of the indented block.
fn rst_literal(lines: &[&str], i: usize) -> Option<usize> {
    let t = lines[i].trim();
    let directive = t.starts_with(".. code-block::") || t.starts_with(".. sourcecode::") || t.starts_with(".. code::");
    if !(directive || t.ends_with("::") && !t.starts_with(".. ")) {
        return None;
    }
    let base = indent(lines[i]);
    let mut j = i + 1;
    // Directive options (`:linenos:`) and blank lines before the body.
    while j < lines.len() && (lines[j].trim().is_empty() || (directive && lines[j].trim().starts_with(':'))) {
        j += 1;
    }
    let start = j;
    while j < lines.len() && (lines[j].trim().is_empty() || indent(lines[j]) > base) && j - start < MAX_CODE_LINES {
        j += 1;
    }
    (j > start && indent(lines[start]) > base).then_some(j)
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

fn dedent(lines: &[&str]) -> String {
    let lines: Vec<&str> = lines.iter().copied().skip_while(|l| l.trim().is_empty()).collect();
    let lines = lines.as_slice();
    let min = lines.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let body: Vec<&str> = lines.iter().map(|l| l.get(min..).unwrap_or("").trim_end()).collect();
    join(&body).trim_end_matches('\n').to_string() + "\n"
}

/// A JSON value starting on line `i` (`{` or `[` first), balanced within a few thousand
/// lines. Returns the line after it.
/// An XML sample: `<?xml …?>`, or an element line followed by more; the run of lines
/// that start with a tag (a page cut off inside it ends it too).
fn xml_block(lines: &[&str], i: usize) -> Option<usize> {
    let t = lines[i].trim();
    let element = |l: &str| l.starts_with('<') && l[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '?');
    let starts = t.starts_with("<?xml") || element(t) && lines.get(i + 1).is_some_and(|n| element(n.trim()));
    if !starts || t.starts_with("<http") {
        return None;
    }
    let end = (i + 1..lines.len()).find(|&j| !lines[j].trim().starts_with('<')).unwrap_or(lines.len());
    (end > i + 1).then_some(end)
}

/// `Response{` / `Example[`: a short label glued to a sample's opening bracket.
/// Whether the lines after an opening bracket read as JSON (a quoted key or value, a
/// number, a bracket), not as a field list between `Array [` and `]`.
pub(crate) fn json_follows(lines: &[&str], i: usize) -> bool {
    lines
        .iter()
        .skip(i + 1)
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with(['"', '{', '[', ']', '}', '-']) || l.starts_with(|c: char| c.is_ascii_digit()))
}

pub(crate) fn glued_json_label(t: &str) -> Option<(&str, &str)> {
    let label = t.strip_suffix(['{', '['])?;
    let opener = &t[label.len()..];
    let label = label.trim();
    let words = label.split_whitespace().count();
    ((1..=3).contains(&words) && label.chars().all(|c| c.is_alphabetic() || c == ' ')).then_some((label, opener))
}

pub(crate) fn json_block(lines: &[&str], i: usize, budget: &mut usize) -> Option<usize> {
    let first = lines[i].trim();
    let opener = first.chars().next()?;
    if !matches!(opener, '{' | '[') {
        return None;
    }
    // `[GET]`, `[Pet](Pet.md)`, `[optional]` are not JSON.
    if opener == '[' && !(first == "[" || first.starts_with("[{") || first.starts_with("[\"") || first.starts_with("[ ") || first.starts_with("[[")) {
        return None;
    }
    let mut scan = crate::parse::text::JsonScan::default();
    for (j, line) in lines.iter().enumerate().skip(i).take(MAX_CODE_LINES) {
        *budget = budget.checked_sub(1)?;
        for c in line.chars() {
            let before = scan.depth();
            if matches!(scan.step(c), Some('}' | ']')) && before == 0 {
                return None;
            }
        }
        scan.end_line();
        if scan.depth() == 0 {
            let single = j == i;
            // One-line `{x}` prose is not a code block; one-line JSON with a key is.
            return (!single || first.contains("\":")).then_some(j + 1);
        }
    }
    // A page cut off inside its example: what is there is still the example.
    let rest = &lines[i..];
    let truncated = rest.len() <= MAX_CODE_LINES && rest.len() >= 2 && rest.iter().any(|l| l.contains("\":"));
    truncated.then_some(lines.len())
}

/// `curl …` (or `$ curl`, `http POST …`) with its `\` continuation lines and option lines.
fn command_block(lines: &[&str], i: usize) -> Option<usize> {
    let t = lines[i].trim().trim_start_matches("$ ");
    if !(t.starts_with("curl ") || t == "curl" || t.starts_with("http ") && t.contains("://") || t.starts_with("wget ")) {
        return None;
    }
    let quotes = |l: &str| l.chars().filter(|&c| c == '\'').count();
    let mut j = i + 1;
    let mut continued = lines[i].trim_end().ends_with('\\');
    // A single quote still open: inside a `-d '{ … }'` body — when the odd quote opens one
    // (`-d '{`, `-d '` at the end), not when it closes nothing (`… }'`, a copy's slip).
    let opens = |l: &str| {
        let Some(at) = l.rfind('\'') else { return false };
        let after = l[at + 1..].trim();
        after.starts_with(['{', '[']) || after.is_empty() && l[..at].ends_with(' ')
    };
    let mut open_quote = quotes(lines[i]) % 2 == 1 && opens(lines[i]);
    while j < lines.len() && j - i < MAX_CODE_LINES {
        let t = lines[j].trim();
        let option_line = t.starts_with('-') && !t.starts_with("- ");
        if t.is_empty() || !(continued || option_line || open_quote) {
            break;
        }
        continued = lines[j].trim_end().ends_with('\\');
        open_quote ^= quotes(lines[j]) % 2 == 1;
        j += 1;
    }
    Some(j)
}

/// `POST /v1/x HTTP/1.1` with header lines and an optional body after a blank line.
fn http_block(lines: &[&str], i: usize) -> Option<usize> {
    let t = lines[i].trim();
    let mut words = t.split_whitespace();
    let first = words.next()?;
    // A request line (`POST /x HTTP/1.1`) or a status line (`HTTP/1.1 200 OK`).
    let mut carries_body = true;
    let status_line = first.starts_with("HTTP/");
    if status_line {
        words.next().filter(|code| code.len() == 3 && code.chars().all(|c| c.is_ascii_digit()))?;
    } else {
        let (method, _target, version) = (crate::schema::Method::parse(first)?, words.next()?, words.next()?);
        if !version.starts_with("HTTP/") || words.next().is_some() {
            return None;
        }
        // A sample right after a GET is its response, not its body.
        carries_body = !matches!(method, crate::schema::Method::Get | crate::schema::Method::Delete | crate::schema::Method::Head);
    }
    let mut j = i + 1;
    while j < lines.len() && lines[j].trim().split_once(':').is_some_and(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')) {
        j += 1;
    }
    // The body after a blank line, or straight after the headers in a copy that lost it.
    let body = if j + 1 < lines.len() && lines[j].trim().is_empty() { j + 1 } else { j };
    if body < lines.len() && (carries_body || body > j) {
        if let Some(end) = json_block(lines, body, &mut MAX_CODE_LINES.clone()) {
            return Some(end);
        }
    }
    // A status line alone is prose (`HTTP/1.1 200 OK` in a sentence's place).
    (!status_line || j > i + 1).then_some(j)
}

/// A pipe table: a row, then a delimiter row (`---|:---`), then rows with pipes. Rows
/// without a delimiter count when three or more lines have the same number of cells.
fn pipe_table(lines: &[&str], i: usize) -> Option<(Block, usize)> {
    let t = lines[i].trim();
    if !t.contains('|') {
        return None;
    }
    let cells = |l: &str| raw_cells(l).iter().map(|c| inline_markdown(c)).collect::<Vec<_>>();
    let mut header = cells(t);
    let delimiter = lines.get(i + 1).map(|l| l.trim()).filter(|l| is_delimiter_row(l));
    let delimited = delimiter.is_some();
    // A caption glued before the header's first pipe (`CollectionData| Name | Type |`): the
    // delimiter row counts the columns.
    let columns = delimiter.map(|d| raw_cells(d).len()).filter(|&n| n >= 2 && n < header.len() && !t.starts_with('|'));
    if let Some(n) = columns {
        header.drain(..header.len() - n);
    }
    let width = header.len();
    if width < 2 {
        return None;
    }
    let mut j = if delimited { i + 2 } else { i + 1 };
    let start = j;
    let mut rows = Vec::new();
    while j < lines.len() && (delimited || raw_cells(lines[j].trim()).len() == width) {
        let row = lines[j].trim();
        // The next table's header (a delimiter row under it) ends this one.
        if lines.get(j + 1).is_some_and(|n| is_delimiter_row(n.trim())) || is_delimiter_row(row) {
            break;
        }
        let pipe_next = row.contains('|') || lines.get(j + 1).is_some_and(|n| n.contains('|'));
        let broken = (delimited && pipe_next).then(|| broken_row(lines, j, width, t.ends_with('|'))).flatten();
        // A row whose first cell lost its pipe (`x-api-token`, then `|`, then the rest).
        if !row.contains('|') && broken.is_none() {
            break;
        }
        match broken {
            Some((joined, next)) => {
                rows.push(Row { line: line_no(j), cells: joined.iter().map(|c| inline_markdown(c)).collect() });
                j = next;
            }
            None => {
                rows.push(Row { line: line_no(j), cells: cells(row) });
                j += 1;
            }
        }
    }
    if !delimited && j - start < 2 {
        return None;
    }
    Some((Block::Table { header, rows, line: line_no(i) }, j))
}

/// A row a crawler broke over lines (`name (Optional) |`, then `query | string |`, then the
/// description; or a description cell whose text wraps): the lines joined until the row has
/// its cells and, when the header closes with a pipe, its closing pipe — within a few lines.
/// A row that ends short (no pipe on the next lines) lost empty cells: like a browser copy,
/// it keeps its first cell and aligns the rest to the right.
fn broken_row(lines: &[&str], j: usize, width: usize, closed: bool) -> Option<(Vec<String>, usize)> {
    let complete = |t: &str| raw_cells(t).len() >= width && (!closed || t.ends_with('|'));
    let first = lines[j].trim();
    if complete(first) {
        return None;
    }
    let aligned = |joined: &str| {
        let mut cells: Vec<String> = raw_cells(joined).iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        while cells.len() < width && !cells.is_empty() {
            cells.insert(1, String::new());
        }
        cells
    };
    let no_pipe_soon = |k: usize| lines.len() > k + 3 && lines.iter().skip(k + 1).take(3).all(|l| !l.contains('|'));
    let mut joined = first.to_string();
    for (k, line) in lines.iter().enumerate().skip(j + 1).take(12) {
        if joined.ends_with('|') && raw_cells(&joined).len() > 1 && no_pipe_soon(k - 1) {
            return Some((aligned(&joined), k));
        }
        let t = line.trim();
        // A blank line, a delimiter, the next table's header or the next row's opening
        // pipe ends the attempt.
        let header_next = lines.get(k + 1).is_some_and(|n| is_delimiter_row(n.trim()));
        // (A bare `|` closes this row's last cell.)
        if t.is_empty() || is_delimiter_row(t) || header_next || t.starts_with('|') && t != "|" && raw_cells(&joined).len() >= width {
            return None;
        }
        joined.push(' ');
        joined.push_str(t);
        if complete(&joined) {
            let cells = raw_cells(&joined);
            // A bare closing `|` line ends a row whose empty cells were dropped.
            // (`path | |` spells its empty cell; only a bare `|` stands for dropped ones.)
            return Some(if t == "|" && cells.last().is_some_and(|c| c.trim().is_empty()) {
                (aligned(&joined), k + 1)
            } else {
                (cells.iter().map(|c| c.to_string()).collect(), k + 1)
            });
        }
    }
    // A page cut off inside the row: what it has.
    (lines.len() <= j + 12 && raw_cells(&joined).len() > 1).then(|| (aligned(&joined), lines.len()))
}

pub(crate) fn is_delimiter_row(t: &str) -> bool {
    let t = t.trim();
    t.contains('-')
        && t.contains(['|', '-'])
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        && t.matches('-').count() >= 2
        && (t.contains('|') || t.starts_with("--"))
}

/// Tab-separated cells: how browsers copy tables. A header line with ≥ 2 cells, then rows;
/// a cell holding several lines (an input and a `(required)` note, a `<br>`) spreads a row
/// over several lines, and a line that ends in a tab continues its row. A row that lost
/// empty cells keeps its first cell and aligns the rest to the right.
fn tab_table(lines: &[&str], i: usize) -> Option<(Block, usize)> {
    let cells_of = |l: &str| l.trim_end_matches(['\n', '\r']).split('\t').map(str::trim).map(str::to_string).collect::<Vec<String>>();
    let header: Vec<String> = cells_of(lines[i]).into_iter().filter(|c| !c.is_empty()).collect();
    let width = header.len();
    if width < 2 || !lines[i].contains('\t') {
        return None;
    }
    let mut rows = Vec::new();
    let mut j = i + 1;
    while j < lines.len() && !lines[j].trim().is_empty() && rows.len() < MAX_CODE_LINES {
        // One row: lines until the row has (nearly) every cell and its last line is complete.
        let start = j;
        let mut cells: Vec<String> = Vec::new();
        while j < lines.len() && !lines[j].trim().is_empty() {
            let pieces = cells_of(lines[j]);
            let continues = lines[j].trim_end_matches(['\n', '\r']).ends_with('\t');
            if !lines[j].contains('\t') && cells.is_empty() {
                break;
            }
            for (n, piece) in pieces.into_iter().enumerate() {
                match cells.last_mut() {
                    Some(last) if n == 0 => {
                        if !piece.is_empty() {
                            if !last.is_empty() {
                                last.push('\n');
                            }
                            last.push_str(&piece);
                        }
                    }
                    _ => cells.push(piece),
                }
            }
            j += 1;
            if cells.len() >= width || !continues && cells.len() + 1 >= width {
                break;
            }
        }
        if cells.len() < 2 || cells.len() > width {
            j = start;
            break;
        }
        while cells.len() < width {
            cells.insert(1, String::new());
        }
        rows.push(Row { line: line_no(start), cells: cells.iter().map(|c| Inline::plain(c)).collect() });
    }
    let spread = spread_rows(lines, i, &header);
    // The layout whose reading finds more rows is the page's; on a tie, the one that
    // reads further (a row's description below its cells).
    if let Some((Block::Table { rows: spread_rows, .. }, end)) = &spread {
        if spread_rows.len() > rows.len() || spread_rows.len() == rows.len() && *end > j {
            return spread;
        }
    }
    if rows.is_empty() {
        return None;
    }
    Some((Block::Table { header: header.iter().map(|c| Inline::plain(c)).collect(), rows, line: line_no(i) }, j))
}

/// Rows copied one cell block per line (Microsoft Learn): the name on a line of its own,
/// the short cells tab-separated on the next, the type and a description over several
/// lines with blank lines between. A row starts where a tab-less line is followed by a
/// line with a tab (or a line with a tab follows a blank line); it ends where the next
/// starts. Cells the copy separated with line breaks instead of tabs are split back.
fn spread_rows(lines: &[&str], i: usize, header: &[String]) -> Option<(Block, usize)> {
    let width = header.len();
    let has_tab = |k: usize| lines.get(k).is_some_and(|l| l.contains('\t'));
    let blank = |k: usize| lines.get(k).is_none_or(|l| l.trim().is_empty());
    // The header of the next table (`Name	Type	Description`) starts no row of this one.
    let header_like = |k: usize| {
        let cells: Vec<&str> = lines[k].split('\t').map(str::trim).collect();
        cells.len() >= 2 && cells.iter().all(|c| c.starts_with(|ch: char| ch.is_uppercase()) && c.split_whitespace().count() <= 3)
    };
    let starts_row = |k: usize| !blank(k) && (k == i + 1 || !has_tab(k) && has_tab(k + 1) || has_tab(k) && blank(k.wrapping_sub(1)) && !header_like(k));
    let mut rows = Vec::new();
    let mut j = i + 1;
    while j < lines.len() && starts_row(j) && crate::parse::vocab::sections::section_of(lines[j].trim()).is_none() && rows.len() < MAX_CODE_LINES {
        let start = j;
        j += 1;
        // The row runs until the next row start, a heading-like gap (two blank lines), or a
        // stretch without tabs longer than a description.
        // A section heading (`Request Body`, `Responses`) ends the table.
        let heading = |k: usize| crate::parse::vocab::sections::section_of(lines[k].trim()).is_some() && !lines[k].contains('\t');
        // A row is its first line and at most two blank-separated groups (the type, the
        // description); a further group ends the table unless another row follows it (a
        // description of two paragraphs).
        let (mut groups, mut in_group) = (0, false);
        while !(j >= lines.len() || starts_row(j) || heading(j) || blank(j) && blank(j + 1) || j - start >= 40) {
            if blank(j) {
                in_group = false;
            } else if !in_group {
                in_group = true;
                groups += 1;
                if groups > 2 {
                    let mut end = j;
                    while end < lines.len() && !blank(end) {
                        end += 1;
                    }
                    while end < lines.len() && blank(end) {
                        end += 1;
                    }
                    if end >= lines.len() || !starts_row(end) {
                        break;
                    }
                }
            }
            j += 1;
        }
        let text = lines[start..j].join("\n");
        let mut cells: Vec<String> = text.split('\t').map(|c| c.trim_matches(['\n', ' ']).to_string()).collect();
        while cells.len() < width {
            if let Some((first, rest)) = cells[0].split_once('\n') {
                let (first, rest) = (first.trim().to_string(), rest.trim().to_string());
                cells[0] = rest;
                cells.insert(0, first);
            } else if let Some((first, rest)) = cells.last().and_then(|c| c.trim().split_once('\n')).map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
            {
                let n = cells.len() - 1;
                cells[n] = first;
                cells.push(rest);
            } else {
                break;
            }
        }
        // A copy leaves out empty optional cells (`Default value`, `Required`): put them back.
        for (k, h) in header.iter().enumerate() {
            let optional = matches!(h.trim().to_ascii_lowercase().as_str(), "default value" | "default" | "required");
            if cells.len() < width && optional && k < cells.len() {
                cells.insert(k, String::new());
            }
        }
        if cells.len() != width {
            j = start;
            break;
        }
        rows.push(Row { line: line_no(start), cells: cells.iter().map(|c| Inline::plain(c)).collect() });
        while blank(j) && j < lines.len() && starts_row(j + 1) {
            j += 1;
        }
    }
    (!rows.is_empty()).then(|| (Block::Table { header: header.iter().map(|c| Inline::plain(c)).collect(), rows, line: line_no(i) }, j))
}

/// A bullet line: (indent, text after the marker).
fn bullet(line: &str) -> Option<(usize, &str)> {
    let rest = line.trim_start();
    let ind = indent(line);
    let mut chars = rest.chars();
    let marker = chars.next()?;
    let after = if matches!(marker, '•' | '◦' | '▪' | '‣' | '·' | '○' | '●' | '■' | '□' | '–') {
        chars.as_str()
    } else if matches!(marker, '-' | '*' | '+') {
        chars.as_str().strip_prefix([' ', '\t'])?
    } else {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let after = rest.get(digits..)?;
        if digits == 0 || digits > 3 {
            return None;
        }
        after.strip_prefix(". ").or_else(|| after.strip_prefix(") "))?
    };
    let text = after.trim();
    (!text.is_empty()).then_some((ind, text))
}

/// A run of bullet lines (blank lines and indented continuation lines allowed) as nested items.
fn list(lines: &[&str], i: usize) -> (Vec<ListItem>, usize) {
    // (indent, item) of the open items, outermost first.
    let mut stack: Vec<(usize, ListItem)> = Vec::new();
    let mut roots: Vec<ListItem> = Vec::new();
    let close = |stack: &mut Vec<(usize, ListItem)>, roots: &mut Vec<ListItem>, to: usize| {
        while stack.len() > to {
            let (_, item) = stack.pop().unwrap_or((0, ListItem::new(Inline::default(), 0)));
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => roots.push(item),
            }
        }
    };
    let mut j = i;
    while j < lines.len() {
        let line = lines[j];
        if line.trim().is_empty() {
            // A blank line ends the list unless another bullet follows.
            let next = (j + 1..lines.len()).find(|&k| !lines[k].trim().is_empty());
            match next {
                Some(k) if bullet(lines[k]).is_some() => {
                    j = k;
                    continue;
                }
                _ => break,
            }
        }
        match bullet(line) {
            Some((ind, text)) => {
                let keep = stack.iter().take_while(|(open, _)| *open < ind).count();
                close(&mut stack, &mut roots, keep);
                stack.push((ind, ListItem::new(Inline::plain(text), line_no(j))));
            }
            None => {
                // A continuation: indented under the open item, not a structure of its own.
                let under = stack.last().is_some_and(|(ind, _)| indent(line) > *ind);
                let structure = line.trim().starts_with(['{', '[']) || fence(line.trim()).is_some();
                if !under || structure {
                    break;
                }
                if let Some((_, item)) = stack.last_mut() {
                    item.inline.text.push('\n');
                    item.inline.text.push_str(line.trim());
                }
            }
        }
        j += 1;
    }
    close(&mut stack, &mut roots, 0);
    (roots, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[ListItem]) -> Vec<String> {
        items.iter().map(|i| format!("{}{:?}", i.inline.text, texts(&i.children))).collect()
    }

    #[test]
    fn a_browser_copy() {
        let page = "Fetch an invoice\nGET /v2/accounts/{account_id}/invoices/{invoice_id}\nPath Parameters\naccount_id (string)\nREQUIRED\n\n  • limit (integer): Page size.\n    • min 1\n  • cursor (string)\n\nName\tType\tRequired\nid\tstring\tyes\nname\tstring\tno\n\n{\n  \"id\": \"inv_1\",\n  \"lines\": [ { \"a\": 1 } ]\n}\ncurl -X POST https://api.example.com/v2/x \\\n  -H 'Authorization: Bearer x' \\\n  -d '{\"a\": 1}'\nAfter\n";
        let b = blocks(page);
        assert!(matches!(&b[0], Block::Paragraph { inline, line: 1 } if inline.text == "Fetch an invoice"));
        assert!(matches!(&b[4], Block::Paragraph { inline, line: 5 } if inline.text == "REQUIRED"));
        let Block::List { items, line: 7 } = &b[5] else { panic!("{b:?}") };
        assert_eq!(texts(items), ["limit (integer): Page size.[\"min 1[]\"]", "cursor (string)[]"]);
        let Block::Table { header, rows, line: 11 } = &b[6] else { panic!("{b:?}") };
        assert_eq!((header.len(), rows.len(), rows[1].cells[2].text.as_str()), (3, 2, "no"));
        assert!(matches!(&b[7], Block::Code { lang: Some(l), line: 15, text } if l == "json" && text.ends_with("}\n")), "{b:?}");
        assert!(matches!(&b[8], Block::Code { lang: Some(l), line: 19, text } if l == "shell" && text.contains("-d '")), "{b:?}");
        assert!(matches!(&b[9], Block::Paragraph { inline, .. } if inline.text == "After"), "{b:?}");
    }

    #[test]
    fn pipe_rows_broken_over_lines() {
        let page = "Name | In | Type | Description |\n---|---|---|---|\nname (Optional) |\nquery | string | The name. |\n| zone | query | string | Wraps\nonto a second line. |\nlimit (Optional) |\nquery | integer |\nAt most this";
        let b = blocks(page);
        let Block::Table { rows, .. } = &b[0] else { panic!("{b:?}") };
        let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(
            cells,
            [
                vec!["name (Optional)", "query", "string", "The name."],
                vec!["zone", "query", "string", "Wraps onto a second line."],
                vec!["limit (Optional)", "query", "integer", "At most this"]
            ]
        );
    }

    #[test]
    fn starlight_anchor_labels() {
        assert_eq!(strip_anchor_label("Section titled “Path Parameters ” widgetId"), " widgetId");
        assert_eq!(strip_anchor_label("Section titled “Authorizations ”Parameters"), "Parameters");
        assert_eq!(strip_anchor_label("widgetId"), "widgetId");
    }

    #[test]
    fn glued_endpoint_lines() {
        assert_eq!(split_glued_endpoints("GET /guilds/:id/channelsPOST /guilds/:id/channels"), ["GET /guilds/:id/channels", "POST /guilds/:id/channels"]);
        assert_eq!(split_glued_endpoints("Use GET /a and POST /b"), ["Use GET /a and POST /b"]);
    }

    #[test]
    fn numbered_code_lines() {
        let b = blocks(
            "请求结构\nPlain Text\n1GET /api/v1/{ns}/pods/{name} HTTP/1.1\n2Host: bec.example\n3Content-Type: application/json\n请求头域\n1. First step\n2. Then\n3. Last\n",
        );
        assert!(matches!(&b[2], Block::Code { lang: Some(l), text, .. } if l == "http" && text.starts_with("GET /api/v1/")), "{b:?}");
        assert!(b.iter().any(|b| matches!(b, Block::List { .. })), "{b:?}");
    }

    #[test]
    fn pipe_rows_closed_by_a_bare_pipe() {
        // GitHub's 2021 tables copied by a crawler: the description wraps to its own line
        // and the row's closing pipe stands alone.
        let page = "| Name | Type | In | Description |\n|---|---|---|---|\naccept |\nstring | header |\nSetting to\n|\norg |\nstring | path | |\nsort |\nstring | query |\nCan be one of |\nCode samples\n";
        let b = blocks(page);
        let Block::Table { rows, .. } = &b[0] else { panic!("{b:?}") };
        let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(
            cells,
            [vec!["accept", "string", "header", "Setting to"], vec!["org", "string", "path", ""], vec!["sort", "string", "query", "Can be one of"]]
        );
    }

    #[test]
    fn pipe_rows_that_lost_empty_cells() {
        // ASP.NET help pages copied by a crawler: the empty Description cell is gone, the
        // row ends early or with a bare `|`; a caption is glued to the header.
        let page = "Sighting| Name | Description | Type | Additional information |\n|---|---|---|---|\n| Id | globally unique identifier |\nNone. |\n|\n| Count | integer |\nRequired |\nResponse Formats\napplication/json\nSample:\n{}\n";
        let b = blocks(page);
        let Block::Table { header, rows, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!(header[0].text, "Name");
        let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(cells, [vec!["Id", "", "globally unique identifier", "None."], vec!["Count", "", "integer", "Required"]]);
    }

    #[test]
    fn pipe_tables_headings_and_rst() {
        let b = blocks(
            "## Query Parameters\nParameter | Default | Description |\n---|---|---|\ninclude_cats | false | If set |\n\nUsers\n=====\n\n.. http:get:: /users/(int:user_id)\n\n   Example::\n\n      GET /users/1 HTTP/1.1\n",
        );
        assert!(matches!(&b[0], Block::Heading { level: 2, inline, .. } if inline.text == "Query Parameters"));
        let Block::Table { header, rows, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!((header[0].text.as_str(), rows[0].cells[1].text.as_str()), ("Parameter", "false"));
        assert!(matches!(&b[2], Block::Heading { level: 1, inline, .. } if inline.text == "Users"), "{b:?}");
        assert!(matches!(&b[3], Block::Paragraph { inline, .. } if inline.text.starts_with(".. http:get::")), "{b:?}");
        assert!(matches!(&b[5], Block::Code { text, .. } if text == "GET /users/1 HTTP/1.1\n"), "{b:?}");
    }

    #[test]
    fn not_structures() {
        let b = blocks("[GET] and [optional]\n{ not json\n- \n1999. A year\nHTTP/1.1 200 OK\n");
        assert!(b.iter().all(|b| matches!(b, Block::Paragraph { .. })), "{b:?}");
    }

    #[test]
    fn raw_http_requests() {
        let b = blocks("POST /v1/tokens HTTP/1.1\nHost: api.example.com\nContent-Type: application/json\n\n{\"a\": 1}\nnext\n");
        assert!(matches!(&b[0], Block::Code { lang: Some(l), text, .. } if l == "http" && text.contains("{\"a\": 1}")), "{b:?}");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn linear_on_hostile_input() {
        let long = "{".repeat(100_000) + "\n" + &"- a\n".repeat(10_000) + &"x\ty\n".repeat(10_000);
        let b = blocks(&long);
        assert!(!b.is_empty());
    }
}
