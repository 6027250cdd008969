//! robots.txt (RFC 9309): the groups for our product token (else `*`), `Allow` and
//! `Disallow` with `*` and `$`, the longest match wins and `Allow` wins a tie;
//! `Crawl-delay` and `Sitemap` lines too. The same patterns serve `include`/`exclude`.

use std::time::Duration;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    rules: Vec<(bool, String)>,
    /// Seconds between requests the site asks for (a common extension).
    pub crawl_delay: Option<Duration>,
    /// `Sitemap:` URLs, as written.
    pub sitemaps: Vec<String>,
}

impl Robots {
    /// No robots.txt (404): everything is allowed.
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// robots.txt could not be read (5xx, network): RFC 9309 says assume nothing is allowed.
    pub fn disallow_all() -> Robots {
        Robots { rules: vec![(false, "/".into())], ..Robots::default() }
    }

    /// The rules that apply to `agent` (matched case-insensitively against each
    /// `User-agent` line's product token).
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        let mut ours = Robots::default();
        let mut star = Robots::default();
        let (mut any_ours, mut any_star) = (false, false);
        // The agents of the group being read; a rule line ends the run of agent lines.
        let mut group: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else { continue };
            let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
            match key.as_str() {
                "user-agent" => {
                    if in_rules {
                        group.clear();
                        in_rules = false;
                    }
                    let token = value.split('/').next().unwrap_or("").trim().to_ascii_lowercase();
                    any_ours |= token == agent;
                    any_star |= token == "*";
                    group.push(token);
                }
                "allow" | "disallow" | "crawl-delay" => {
                    in_rules = true;
                    for target in [(&mut ours, agent.as_str()), (&mut star, "*")].into_iter().filter(|(_, a)| group.iter().any(|g| g == a)).map(|(r, _)| r) {
                        match key.as_str() {
                            "crawl-delay" => target.crawl_delay = value.parse::<f64>().ok().filter(|s| s.is_finite() && *s >= 0.0).map(Duration::from_secs_f64),
                            // An empty Disallow allows everything: no rule.
                            _ if value.is_empty() => {}
                            k => target.rules.push((k == "allow", value.to_string())),
                        }
                    }
                }
                "sitemap" => ours.sitemaps.push(value.to_string()),
                _ => {}
            }
        }
        let sitemaps = std::mem::take(&mut ours.sitemaps);
        let mut chosen = if any_ours {
            ours
        } else if any_star {
            star
        } else {
            Robots::default()
        };
        chosen.sitemaps = sitemaps;
        chosen
    }

    /// May `path_and_query` be fetched? `/robots.txt` itself always may.
    pub fn allows(&self, path_and_query: &str) -> bool {
        if path_and_query == "/robots.txt" {
            return true;
        }
        let best = self.rules.iter().filter(|(_, p)| matches(p, path_and_query)).max_by_key(|(allow, p)| (p.len(), *allow));
        best.is_none_or(|(allow, _)| *allow)
    }
}

/// robots.txt pattern matching: a prefix match where `*` matches any run of characters
/// and a final `$` anchors the end.
pub fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some(rest) = path.strip_prefix(parts[0]) else { return false };
    if parts.len() == 1 {
        return !anchored || rest.is_empty();
    }
    // Greedy leftmost matching of the middle parts; the last part (when anchored)
    // must end the path.
    let mut rest = rest;
    for (i, part) in parts.iter().enumerate().skip(1) {
        let last = i + 1 == parts.len();
        if last && anchored {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROBOTS: &str = "# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /docs/internal/
Allow: /docs/internal/public.html
Disallow: /*.pdf$
Crawl-delay: 2

Sitemap: https://h/sitemap.xml
";

    #[test]
    fn the_star_group_applies_when_ours_is_absent() {
        let r = Robots::parse(ROBOTS, "docs2rs");
        assert!(r.allows("/docs/api/users.html"));
        assert!(!r.allows("/docs/internal/secret.html"));
        assert!(r.allows("/docs/internal/public.html"), "longer Allow wins");
        assert!(!r.allows("/docs/guide.pdf"));
        assert!(r.allows("/docs/guide.pdf?x"));
        assert!(r.allows("/robots.txt"));
        assert_eq!(r.crawl_delay, Some(Duration::from_secs(2)));
        assert_eq!(r.sitemaps, ["https://h/sitemap.xml"]);
    }

    #[test]
    fn our_own_group_wins_and_groups_share_rules() {
        let text = "User-agent: other\nUser-agent: DOCS2RS/0.1\nDisallow: /private\nAllow: /private\n\nUser-agent: *\nDisallow: /\n";
        let r = Robots::parse(text, "docs2rs");
        assert!(r.allows("/docs/"), "the * group does not apply to us");
        assert!(r.allows("/private/x"), "Allow wins a tie");
        assert!(!Robots::parse(text, "someone").allows("/docs/"));
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "docs2rs").allows("/x"));
        assert!(!Robots::disallow_all().allows("/x"));
    }

    #[test]
    fn patterns() {
        assert!(matches("/docs/", "/docs/a"));
        assert!(!matches("/docs/", "/doc"));
        assert!(matches("/*/changelog", "/v2/changelog/1"));
        assert!(matches("/a*b*c$", "/a-b-c"));
        assert!(!matches("/a*b*c$", "/a-b-c-d"));
        assert!(matches("*", "/anything"));
        assert!(matches("/x$", "/x"));
        assert!(!matches("/x$", "/xy"));
    }
}
