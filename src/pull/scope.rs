//! Which URLs a pull fetches: pages on a start URL's origin under its path prefix (or
//! matching an `include` pattern), minus `exclude` patterns; definitions anywhere on a
//! start URL's origin.

use super::robots::matches;
use super::url::Url;

#[derive(Debug, Clone)]
pub struct Scope {
    /// `(origin, prefix)` per start URL; the prefix ends with `/`.
    starts: Vec<(String, String)>,
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Scope {
    pub fn new(starts: &[Url], include: &[String], exclude: &[String]) -> Scope {
        let starts = starts.iter().map(|u| (u.origin(), prefix(u.path()))).collect();
        Scope { starts, include: include.to_vec(), exclude: exclude.to_vec() }
    }

    /// Is `url` a page this pull fetches?
    pub fn page(&self, url: &Url) -> bool {
        let target = url.path_and_query();
        if self.exclude.iter().any(|p| matches(p, &target)) {
            return false;
        }
        let origin = url.origin();
        self.starts.iter().filter(|(o, _)| *o == origin).any(|(_, prefix)| {
            if self.include.is_empty() {
                url.path().starts_with(prefix.as_str()) || url.path() == prefix.trim_end_matches('/')
            } else {
                self.include.iter().any(|p| matches(p, &target))
            }
        })
    }

    /// Is `url` on the origin of a start URL (where linked definitions are fetched)?
    pub fn same_origin(&self, url: &Url) -> bool {
        let origin = url.origin();
        self.starts.iter().any(|(o, _)| *o == origin)
    }

    /// The prefix pages must be under, for messages.
    pub fn describe(&self, url: &Url) -> String {
        let origin = url.origin();
        let prefixes: Vec<&str> = self.starts.iter().filter(|(o, _)| *o == origin).map(|(_, p)| p.as_str()).collect();
        match (prefixes.as_slice(), self.include.is_empty()) {
            ([], _) => "on another origin".into(),
            (_, false) => format!("outside the include patterns ({})", self.include.join(", ")),
            (ps, true) => format!("outside the pulled prefix {}", ps.join(", ")),
        }
    }
}

/// `/docs/api/index.html` → `/docs/api/`; `/docs` → `/docs/`; `/` → `/`.
fn prefix(path: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        path[..path.len() - last.len()].to_string()
    } else if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn prefix_include_exclude() {
        let scope = Scope::new(&[url("http://h/docs/index.html")], &[], &["*/changelog".into()]);
        assert!(scope.page(&url("http://h/docs/api/users.html")));
        assert!(scope.page(&url("http://h/docs")));
        assert!(!scope.page(&url("http://h/docsearch")));
        assert!(!scope.page(&url("http://h/blog/")));
        assert!(!scope.page(&url("http://other/docs/a")));
        assert!(!scope.page(&url("https://h/docs/a")), "another scheme is another origin");
        assert!(!scope.page(&url("http://h/docs/v1/changelog")));
        assert!(scope.same_origin(&url("http://h/openapi.json")));
        let scope = Scope::new(&[url("http://h/docs/")], &["/reference/".into(), "/docs/api/*.html$".into()], &[]);
        assert!(scope.page(&url("http://h/reference/x")));
        assert!(scope.page(&url("http://h/docs/api/a.html")));
        assert!(!scope.page(&url("http://h/docs/guide/a.html")));
        assert_eq!(prefix("/api"), "/api/");
        assert_eq!(prefix("/"), "/");
    }
}
