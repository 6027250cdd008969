//! The page reader on large pages: the time per MiB must stay flat as pages grow (the
//! recognisers are linear), whatever the syntax.
//!
//!     cargo bench --bench pages
//!
//! Prints, per shape, the time for a page and for one twice its size; a ratio far above 2
//! means something went quadratic.

use docs2rs::diag::Diagnostics;
use docs2rs::parse::{Format, parse_document};
use std::time::{Duration, Instant};

/// A parameter table of `rows` rows under one endpoint (markdown).
fn table_page(rows: usize) -> String {
    let mut s = String::from("# List things\n\n`GET /things`\n\n### Query parameters\n\n| Name | Type | Required | Description |\n|---|---|---|---|\n");
    for i in 0..rows {
        s.push_str(&format!("| field_{i} | string | no | Filter number {i}. |\n"));
    }
    s
}

/// `ops` operations as a text copy (title, endpoint, parameters, a sample).
fn text_page(ops: usize) -> String {
    let mut s = String::new();
    for i in 0..ops {
        s.push_str(&format!(
            "Update widget {i}\nPATCH /widgets/{{widget_id}}/parts/{i}\nPath Parameters\nwidget_id\nstring\nRequired\nBody\nname\nstring\nThe part's name.\ncount\ninteger\nResponse\n{{\n  \"id\": \"w_{i}\",\n  \"count\": 3\n}}\n\n"
        ));
    }
    s
}

/// `items` HTML definition rows and tables (built doc sites).
fn html_page(items: usize) -> String {
    let mut s = String::from("<html><body><h1>Pets</h1>");
    for i in 0..items {
        s.push_str(&format!("<h2>Get pet {i}</h2><pre>GET /pets/{i}/{{id}}</pre><table><tr><th>Name</th><th>In</th><th>Type</th></tr><tr><td>id</td><td>path</td><td>string</td></tr></table>"));
    }
    s.push_str("</body></html>");
    s
}

/// A named page shape: how to make a page of `n` items.
type Shape = (&'static str, fn(usize) -> String, usize);

fn time(page: &str) -> Duration {
    let start = Instant::now();
    let mut d = Diagnostics::new();
    let doc = parse_document("bench.txt", page.as_bytes(), Some(Format::Page), &mut d);
    std::hint::black_box(doc);
    start.elapsed()
}

fn main() {
    let shapes: [Shape; 3] = [("10k-row table", table_page, 10_000), ("text copy", text_page, 20_000), ("html", html_page, 20_000)];
    for (name, make, n) in shapes {
        let (small, large) = (make(n / 2), make(n));
        let (a, b) = (time(&small), time(&large));
        let mib = large.len() as f64 / (1024.0 * 1024.0);
        println!(
            "{name:>14}: {:>6.2} MiB in {:>8.1?} ({:>6.1?}/MiB); half the size in {:>8.1?}: ratio {:.2}",
            mib,
            b,
            b.div_f64(mib),
            a,
            b.as_secs_f64() / a.as_secs_f64().max(1e-9)
        );
    }
}
