//! Stable, safe file names for pulled URLs, and the content hash.
//!
//! A name mirrors the URL path (`/docs/api/users` → `docs/api/users.html`) so a pulled
//! folder reads like the site. Each segment keeps only `A-Z a-z 0-9 . _ - ~` (percent
//! escapes decoded first, so an encoded `/` becomes `_`), never starts with a dot (no
//! `..`, no hidden files), is at most [`MAX_SEGMENT`] bytes, and the depth is capped;
//! Windows device names get a `_` prefix. Whenever the name is not the URL path verbatim
//! (a query, a replaced character, a cut), a hash of the whole URL goes before the
//! extension, so two URLs never share a name by accident. Names contain no `..` and
//! no root, so joined to the output folder they stay inside it.

use super::url::Url;

/// Longest file or directory name written (bytes, before the hash suffix).
pub const MAX_SEGMENT: usize = 80;
/// Deepest directory nesting; deeper paths are joined with `_`.
const MAX_DEPTH: usize = 12;

/// What a saved file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Html,
    Markdown,
    Text,
    Json,
    Yaml,
}

impl Content {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Content::Html => &["html", "htm"],
            Content::Markdown => &["md", "markdown"],
            Content::Text => &["txt"],
            Content::Json => &["json"],
            Content::Yaml => &["yaml", "yml"],
        }
    }
}

/// The output-relative file name (with `/` separators) for `url`; `disambiguate` forces
/// the hash suffix (used when the plain name is taken by another URL).
pub fn file_name(url: &Url, content: Content, disambiguate: bool) -> String {
    let raw: Vec<&str> = url.path().split('/').skip(1).collect();
    let mut lossy = disambiguate || url.query().is_some();
    let mut segments: Vec<String> = Vec::new();
    for (i, seg) in raw.iter().enumerate() {
        let last = i + 1 == raw.len();
        if last && seg.is_empty() {
            segments.push("index".into());
            continue;
        }
        let (clean, changed) = sanitize(seg);
        lossy |= changed;
        segments.push(clean);
    }
    if segments.len() > MAX_DEPTH {
        let tail = segments.split_off(MAX_DEPTH - 1).join("_");
        segments.push(tail);
        lossy = true;
    }
    let last = segments.pop().unwrap_or_else(|| "index".into());
    let (mut stem, ext) = match last.rsplit_once('.') {
        Some((stem, ext)) if content.extensions().contains(&ext.to_ascii_lowercase().as_str()) => (stem.to_string(), ext.to_string()),
        _ => (last.clone(), content.extensions()[0].to_string()),
    };
    if stem.len() > MAX_SEGMENT {
        stem = cut(&stem, MAX_SEGMENT);
        lossy = true;
    }
    for dir in &mut segments {
        if dir.len() > MAX_SEGMENT {
            *dir = format!("{}-{}", cut(dir, MAX_SEGMENT), &sha256_hex(dir.as_bytes())[..8]);
            lossy = true;
        }
    }
    if lossy {
        stem = format!("{stem}-{}", &sha256_hex(url.to_string().as_bytes())[..8]);
    }
    segments.push(format!("{stem}.{ext}"));
    segments.join("/")
}

/// One path segment as a portable name; `true` when it differs from the segment.
fn sanitize(segment: &str) -> (String, bool) {
    let decoded = percent_decode(segment);
    let mut out: String = decoded.chars().map(|c| if c.is_ascii_alphanumeric() || "._-~".contains(c) { c } else { '_' }).collect();
    if out.is_empty() || out.starts_with('.') {
        out.insert(0, '_');
    }
    let stem = out.split('.').next().unwrap_or("").to_ascii_lowercase();
    let device = matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4 && (stem.starts_with("com") || stem.starts_with("lpt")) && stem.as_bytes()[3].is_ascii_digit());
    if device {
        out.insert(0, '_');
    }
    let changed = out != segment;
    (out, changed)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|b| hex(*b)), bytes.get(i + 2).and_then(|b| hex(*b))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// At most `max` bytes of an ASCII name.
fn cut(name: &str, max: usize) -> String {
    name.chars().take(max).collect()
}

/// Hex SHA-256 of a body: the manifest's change detector.
pub fn sha256_hex(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes).as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(url: &str, content: Content) -> String {
        file_name(&Url::parse(url).unwrap(), content, false)
    }

    #[test]
    fn names_mirror_the_path() {
        assert_eq!(name("http://h/docs/api/users.html", Content::Html), "docs/api/users.html");
        assert_eq!(name("http://h/docs/api/users", Content::Html), "docs/api/users.html");
        assert_eq!(name("http://h/docs/api/", Content::Html), "docs/api/index.html");
        assert_eq!(name("http://h/", Content::Html), "index.html");
        assert_eq!(name("http://h/openapi.yaml", Content::Yaml), "openapi.yaml");
        assert_eq!(name("http://h/v3/api-docs", Content::Json), "v3/api-docs.json");
        assert_eq!(name("http://h/guide/intro.md", Content::Markdown), "guide/intro.md");
    }

    #[test]
    fn hostile_paths_stay_inside_and_get_a_hash() {
        let cases = [
            "http://h/docs/%2e%2e/%2e%2e/etc/passwd",
            "http://h/docs/..%2F..%2Fetc%2Fpasswd",
            "http://h/docs/a%00b",
            "http://h/.git/config",
            "http://h/docs/CON",
            "http://h/docs//x",
            "http://h/a%5C..%5Cb",
        ];
        for url in cases {
            let n = name(url, Content::Html);
            assert!(
                n.split('/').all(|s| !s.is_empty() && !s.starts_with('.') && s.chars().all(|c| c.is_ascii_alphanumeric() || "._-~".contains(c))),
                "{url} → {n}"
            );
            assert!(n.contains('-') && n.ends_with(".html"), "{url} → {n} carries a hash");
        }
        assert_eq!(
            name("http://h/docs/..%2F..%2Fetc%2Fpasswd", Content::Html),
            format!("docs/_.._.._etc_passwd-{}.html", &sha256_hex(b"http://h/docs/..%2F..%2Fetc%2Fpasswd")[..8])
        );
        assert_ne!(name("http://h/a?x=1", Content::Html), name("http://h/a?x=2", Content::Html));
        assert_ne!(name("http://h/a%20b", Content::Html), name("http://h/a_b", Content::Html));
    }

    #[test]
    fn long_and_deep_names_are_cut() {
        let long = format!("http://h/{}/{}", "d".repeat(300), "p".repeat(300));
        let n = name(&long, Content::Html);
        assert!(n.split('/').all(|s| s.len() <= MAX_SEGMENT + 14), "{n}");
        let deep = format!("http://h/{}", "x/".repeat(40));
        assert_eq!(name(&deep, Content::Html).split('/').count(), MAX_DEPTH);
    }
}
