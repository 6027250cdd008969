//! The small part of URLs a crawler needs: absolute `http(s)` URLs, resolving links
//! against a page (RFC 3986 §5.2), origins. Fragments are dropped: they name a place in a
//! page, not another page.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Url {
    scheme: String,
    /// Lower-cased; IPv6 literals keep their brackets.
    host: String,
    /// `None` for the scheme's default port.
    port: Option<u16>,
    /// Starts with `/`; dot segments removed; percent-encoded where a browser would.
    path: String,
    query: Option<String>,
}

impl Url {
    /// An absolute `http` or `https` URL.
    pub fn parse(text: &str) -> Result<Url, String> {
        let text = text.trim();
        let (scheme, rest) = split_scheme(text).ok_or_else(|| format!("`{text}` is not an absolute URL (expected http://… or https://…)"))?;
        if scheme != "http" && scheme != "https" {
            return Err(format!("`{text}`: only http and https URLs can be pulled"));
        }
        let rest = rest.strip_prefix("//").ok_or_else(|| format!("`{text}` has no host"))?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let (host, port) = parse_authority(authority, &scheme).ok_or_else(|| format!("`{text}` has no valid host"))?;
        let mut url = Url { scheme, host, port, path: "/".into(), query: None };
        url.set_path_and_query(tail, None);
        Ok(url)
    }

    /// Resolve `href` (a link found on this page) against this URL; `None` for links to
    /// other schemes (`mailto:`, `javascript:`, `data:`) and malformed ones.
    pub fn join(&self, href: &str) -> Option<Url> {
        let href = href.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control());
        if split_scheme(href).is_some() {
            return Url::parse(href).ok();
        }
        if href.starts_with("//") {
            return Url::parse(&format!("{}:{href}", self.scheme)).ok();
        }
        let href = href.replace('\\', "/");
        let mut url = self.clone();
        url.set_path_and_query(&href, Some(self));
        Some(url)
    }

    /// `scheme://host[:port]`: what "the same site" means for scope and robots.txt.
    pub fn origin(&self) -> String {
        match self.port {
            Some(p) => format!("{}://{}:{p}", self.scheme, self.host),
            None => format!("{}://{}", self.scheme, self.host),
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// What robots.txt rules and include/exclude patterns match: `/path?query`.
    pub fn path_and_query(&self) -> String {
        match &self.query {
            Some(q) => format!("{}?{q}", self.path),
            None => self.path.clone(),
        }
    }

    /// The same origin with another path (`/robots.txt`, `/sitemap.xml`).
    pub fn with_path(&self, path: &str) -> Url {
        let mut url = self.clone();
        url.set_path_and_query(path, None);
        url
    }

    /// Replace path and query from a reference without scheme and host; relative paths
    /// merge with `base`'s directory.
    fn set_path_and_query(&mut self, reference: &str, base: Option<&Url>) {
        let reference = reference.split('#').next().unwrap_or("");
        let (path, query) = match reference.split_once('?') {
            Some((p, q)) => (p, Some(encode(q))),
            None => (reference, None),
        };
        let path = encode(path);
        match base {
            Some(base) if path.is_empty() => {
                self.path = base.path.clone();
                self.query = query.or_else(|| base.query.clone());
            }
            Some(base) if !path.starts_with('/') => {
                let dir = &base.path[..base.path.rfind('/').map_or(0, |i| i + 1)];
                self.path = remove_dot_segments(&format!("{dir}{path}"));
                self.query = query;
            }
            _ => {
                self.path = remove_dot_segments(if path.is_empty() { "/" } else { &path });
                self.query = query;
            }
        }
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin(), self.path)?;
        if let Some(q) = &self.query {
            write!(f, "?{q}")?;
        }
        Ok(())
    }
}

/// `scheme:` at the start (letters, digits, `+-.`, starting with a letter), lower-cased.
fn split_scheme(text: &str) -> Option<(String, &str)> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| (scheme.to_ascii_lowercase(), &text[colon + 1..]))
}

/// `user@host:port` → host and non-default port. User info is dropped: a crawler never
/// sends credentials found in a link.
fn parse_authority(authority: &str, scheme: &str) -> Option<(String, Option<u16>)> {
    let hostport = authority.rsplit('@').next()?;
    let (host, port) = if let Some(rest) = hostport.strip_prefix('[') {
        let close = rest.find(']')?;
        (format!("[{}]", &rest[..close]), rest[close + 1..].strip_prefix(':'))
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (hostport.to_string(), None),
        }
    };
    let valid = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || "-._[]:".contains(c));
    if !valid {
        return None;
    }
    let port = match port {
        None | Some("") => None,
        Some(p) => Some(p.parse::<u16>().ok()?),
    };
    let default = if scheme == "https" { 443 } else { 80 };
    Some((host.to_ascii_lowercase(), port.filter(|p| *p != default)))
}

/// Percent-encode what may not appear in a request line (spaces, quotes, non-ASCII);
/// existing escapes stay as they are.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let keep = c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c);
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// RFC 3986 §5.2.4: `/a/b/../c/./d` → `/a/c/d`; never climbs above the root.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." | ".." => {
                if *seg == ".." {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(base: &str, href: &str) -> String {
        Url::parse(base).unwrap().join(href).map(|u| u.to_string()).unwrap_or_else(|| "-".into())
    }

    #[test]
    fn parses_and_normalises() {
        assert_eq!(Url::parse("HTTPS://Docs.Example.com:443").unwrap().to_string(), "https://docs.example.com/");
        assert_eq!(Url::parse("http://127.0.0.1:8080/a/./b/../c?x=1#frag").unwrap().to_string(), "http://127.0.0.1:8080/a/c?x=1");
        assert_eq!(Url::parse("http://user:pw@h/x").unwrap().to_string(), "http://h/x");
        assert_eq!(Url::parse("http://[::1]:81/").unwrap().origin(), "http://[::1]:81");
        assert!(Url::parse("ftp://h/").is_err());
        assert!(Url::parse("/docs").is_err());
        assert!(Url::parse("http://h:99999/").is_err());
        assert!(Url::parse("http:///x").is_err());
    }

    #[test]
    fn resolves_links_like_a_browser() {
        let base = "http://h/docs/api/users.html?v=2";
        assert_eq!(join(base, "orders.html"), "http://h/docs/api/orders.html");
        assert_eq!(join(base, "../guide/"), "http://h/docs/guide/");
        assert_eq!(join(base, "/robots.txt"), "http://h/robots.txt");
        assert_eq!(join(base, "?v=3"), "http://h/docs/api/users.html?v=3");
        assert_eq!(join(base, "#section"), "http://h/docs/api/users.html?v=2");
        assert_eq!(join(base, ""), "http://h/docs/api/users.html?v=2");
        assert_eq!(join(base, "//other.example/x"), "http://other.example/x");
        assert_eq!(join(base, "HTTPS://Other.example/y#z"), "https://other.example/y");
        assert_eq!(join(base, "mailto:a@b.c"), "-");
        assert_eq!(join(base, "javascript:void(0)"), "-");
        assert_eq!(join(base, "../../../../etc/passwd"), "http://h/etc/passwd");
        assert_eq!(join(base, "a b/é.html"), "http://h/docs/api/a%20b/%C3%A9.html");
        assert_eq!(join(base, "."), "http://h/docs/api/");
        assert_eq!(join(base, "x\\y.html"), "http://h/docs/api/x/y.html");
    }
}
