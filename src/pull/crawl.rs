//! The breadth-first crawl: start URLs, then sitemap URLs, then links in the order
//! pages were read. Nothing is written here: the result is a [`Pull`] that
//! [`Pull::apply`] writes or `--check` compares.

use super::fetch::{Failure, Hop, Http, Outcome, Politeness, Validators};
use super::files::{Content, file_name, sha256_hex};
use super::links;
use super::manifest::{Entry, FORMAT, Kind, MANIFEST, Manifest};
use super::robots::Robots;
use super::scope::Scope;
use super::url::Url;
use super::{Pull, clock, safe_path, sitemap};
use crate::diag::{Diagnostic, Severity};
use crate::schema::Source;
use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// What to pull and how politely.
#[derive(Debug, Clone)]
pub struct Options {
    pub start: Vec<String>,
    /// robots.txt-style patterns (`*`, final `$`) on `/path?query`; when given, pages
    /// must match one instead of being under a start URL's prefix.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Pages requested at most (definitions not counted).
    pub max_pages: usize,
    pub politeness: Politeness,
    /// Replace files in the folder that no previous pull wrote.
    pub force: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { start: Vec::new(), include: Vec::new(), exclude: Vec::new(), max_pages: 1000, politeness: Politeness::default(), force: false }
    }
}

/// Longest `Crawl-delay` honoured; a site asking for more is crawled at this pace.
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);
/// Nested sitemaps read at most (a sitemap index can list thousands).
const MAX_SITEMAPS: usize = 20;
/// Definitions downloaded at most.
const MAX_DEFINITIONS: usize = 100;

/// Crawl from `options.start` and compare with what `dir` holds; `progress` hears one
/// line per URL fetched.
pub fn crawl(dir: &Path, options: &Options, progress: &mut dyn FnMut(&str)) -> Result<Pull, String> {
    let previous = Manifest::load(dir)?;
    let starts: Vec<Url> = options.start.iter().map(|s| Url::parse(s)).collect::<Result<_, _>>()?;
    if starts.is_empty() {
        return Err("nothing to pull: give a start URL".into());
    }
    let mut c = Crawler {
        dir,
        scope: Scope::new(&starts, &options.include, &options.exclude),
        http: Http::new(options.politeness.clone()),
        base_delay: options.politeness.delay,
        robots: BTreeMap::new(),
        previous: previous.by_url().into_iter().map(|(u, e)| (u.to_string(), e.clone())).collect(),
        queue: VecDeque::new(),
        queued: HashSet::new(),
        entries: BTreeMap::new(),
        finals: BTreeMap::new(),
        files: BTreeMap::new(),
        owned: previous.entries.iter().map(|e| e.file.clone()).collect(),
        force: options.force,
        writes: BTreeMap::new(),
        diagnostics: Vec::new(),
        notes: Vec::new(),
        transient_failures: false,
        gone: BTreeSet::new(),
        hashes: BTreeMap::new(),
        downloads: 0,
        progress,
    };
    for s in &starts {
        c.enqueue(s.clone(), Kind::Page);
    }
    c.read_sitemaps(&starts);
    let mut pages = 0;
    let mut definitions = 0;
    let mut left_out = 0;
    while let Some((url, kind)) = c.queue.pop_front() {
        let budget = match kind {
            Kind::Page => (pages < options.max_pages).then(|| pages += 1),
            Kind::Definition => (definitions < MAX_DEFINITIONS).then(|| definitions += 1),
        };
        if budget.is_none() {
            left_out += 1;
            continue;
        }
        c.visit(&url, kind);
    }
    if left_out > 0 {
        c.notes.push(format!("{left_out} URL(s) left out: --max-pages {} reached", options.max_pages));
    }
    Ok(c.finish(previous, options))
}

struct Crawler<'a> {
    dir: &'a Path,
    scope: Scope,
    http: Http,
    base_delay: Duration,
    robots: BTreeMap<String, Robots>,
    previous: BTreeMap<String, Entry>,
    queue: VecDeque<(Url, Kind)>,
    queued: HashSet<Url>,
    /// URL as requested → its entry.
    entries: BTreeMap<String, Entry>,
    /// Final URL → the entry that saved it (a redirect target is saved once).
    finals: BTreeMap<String, Entry>,
    /// File (lower-cased) → the final URL saved there.
    files: BTreeMap<String, String>,
    /// Files the previous pull wrote: the only ones a pull may replace (unless `force`).
    owned: BTreeSet<String>,
    force: bool,
    writes: BTreeMap<String, Vec<u8>>,
    diagnostics: Vec<Diagnostic>,
    notes: Vec<String>,
    /// A 5xx, 429 or network failure: pages not reached this time may still exist.
    transient_failures: bool,
    /// URLs answered 4xx or now disallowed: gone even when other requests failed.
    gone: BTreeSet<String>,
    /// `sha256:…` → the file holding those bytes (identical pages are saved once).
    hashes: BTreeMap<String, String>,
    downloads: usize,
    progress: &'a mut dyn FnMut(&str),
}

impl Crawler<'_> {
    fn enqueue(&mut self, url: Url, kind: Kind) {
        if self.queued.insert(url.clone()) {
            self.queue.push_back((url, kind));
        }
    }

    fn warn(&mut self, url: &Url, message: String, hint: String) {
        self.diagnostics.push(Diagnostic { source: Source::new(url.to_string(), 0), severity: Severity::Warning, message, hint: Some(hint) });
    }

    /// The robots.txt rules of `url`'s origin, fetched once.
    fn robots(&mut self, url: &Url) -> &Robots {
        let origin = url.origin();
        if !self.robots.contains_key(&origin) {
            let robots_url = url.with_path("/robots.txt");
            let same = origin.clone();
            let rules = match self.http.get(&robots_url, None, &mut |next| same_origin_hop(next, &same)) {
                Outcome::Fetched(f) => Robots::parse(&String::from_utf8_lossy(&f.body), super::fetch::AGENT_TOKEN),
                Outcome::Failed(Failure { status: Some(s), .. }) if (400..500).contains(&s) && s != 429 => Robots::allow_all(),
                Outcome::Failed(f) => {
                    self.transient_failures = true;
                    self.warn(
                        &robots_url,
                        format!("robots.txt could not be read ({}): nothing is fetched from {origin}", f.message),
                        "robots.txt rules say a crawler must then assume everything is disallowed; run the pull again later".into(),
                    );
                    Robots::disallow_all()
                }
                Outcome::NotModified { .. } | Outcome::Redirected { .. } => Robots::allow_all(),
            };
            if let Some(d) = rules.crawl_delay {
                self.http.politeness.delay = self.http.politeness.delay.max(self.base_delay.max(d.min(MAX_CRAWL_DELAY)));
            }
            self.robots.insert(origin.clone(), rules);
        }
        &self.robots[&origin]
    }

    /// Pages listed in `/sitemap.xml` and robots.txt `Sitemap:` lines, in scope.
    fn read_sitemaps(&mut self, starts: &[Url]) {
        let mut pending: VecDeque<Url> = VecDeque::new();
        for s in starts {
            let listed: Vec<String> = self.robots(s).sitemaps.clone();
            pending.extend(listed.iter().filter_map(|l| s.join(l)).chain([s.with_path("/sitemap.xml")]).filter(|u| u.origin() == s.origin()));
        }
        let mut read = BTreeSet::new();
        while let Some(url) = pending.pop_front() {
            if read.len() >= MAX_SITEMAPS || !read.insert(url.clone()) || !self.robots(&url).allows(&url.path_and_query()) {
                continue;
            }
            let origin = url.origin();
            match self.http.get(&url, None, &mut |next| same_origin_hop(next, &origin)) {
                Outcome::Fetched(f) => {
                    let map = sitemap::parse(&String::from_utf8_lossy(&f.body));
                    pending.extend(map.sitemaps.iter().filter_map(|s| f.url.join(s)).filter(|u| u.origin() == origin));
                    for page in map.pages.iter().filter_map(|p| f.url.join(p)) {
                        if self.scope.page(&page) {
                            self.enqueue(page, Kind::Page);
                        }
                    }
                }
                Outcome::Failed(Failure { status: Some(404 | 410), .. }) | Outcome::NotModified { .. } | Outcome::Redirected { .. } => {}
                Outcome::Failed(f) => self.notes.push(format!("sitemap {url} not read: {}", f.message)),
            }
        }
    }

    fn visit(&mut self, url: &Url, kind: Kind) {
        let path = url.path_and_query();
        if !self.robots(url).allows(&path) {
            self.gone.insert(url.to_string());
            self.notes.push(format!("{url}: not fetched, robots.txt disallows it"));
            return;
        }
        let key = url.to_string();
        let previous = self.previous.get(&key).cloned();
        // Validators only while the saved copy is intact: a file edited or deleted by hand
        // is downloaded again.
        let intact =
            |p: &&Entry| safe_path(self.dir, &p.file).and_then(|f| std::fs::read(f).ok()).is_some_and(|b| format!("sha256:{}", sha256_hex(&b)) == p.hash);
        let validators =
            previous.as_ref().filter(|p| p.kind == kind).filter(intact).map(|p| Validators { etag: p.etag.clone(), last_modified: p.last_modified.clone() });
        let (scope, robots, finals) = (&self.scope, &self.robots, &self.finals);
        let mut allow = |next: &Url| {
            let in_scope = match kind {
                Kind::Page => scope.page(next),
                Kind::Definition => scope.same_origin(next),
            };
            match robots.get(&next.origin()) {
                _ if !in_scope => Hop::Refuse(scope.describe(next)),
                Some(r) if !r.allows(&next.path_and_query()) => Hop::Refuse("which robots.txt disallows".into()),
                _ if finals.contains_key(&next.to_string()) => Hop::Known,
                _ => Hop::Follow,
            }
        };
        match self.http.get(url, validators.as_ref(), &mut allow) {
            Outcome::Fetched(f) => {
                self.downloads += 1;
                let Some(content) = classify(kind, &f.content_type, &f.url, &f.body) else {
                    if kind == Kind::Definition && self.scope.page(&f.url) && f.content_type.contains("html") {
                        // A viewer page (`/swagger`) linked like a definition: read it as a page.
                        return self.save(&key, Kind::Page, Content::Html, f.url, f.status, f.body, f.validators, previous);
                    }
                    let what = if f.content_type.is_empty() { "no content type".to_string() } else { f.content_type };
                    self.notes.push(format!("{url}: not saved, {what} is not a {}", if kind == Kind::Page { "page" } else { "definition" }));
                    return;
                };
                self.save(&key, kind, content, f.url, f.status, f.body, f.validators, previous);
            }
            Outcome::Redirected { to } => {
                (self.progress)(&format!("redirect {url} → {to} (saved already)"));
                if let Some(saved) = self.finals.get(&to.to_string()).cloned() {
                    self.entries.insert(key.clone(), Entry { url: key, ..saved });
                }
            }
            Outcome::NotModified { url: final_url } => {
                let Some(p) = previous else { return };
                let body = safe_path(self.dir, &p.file).and_then(|f| std::fs::read(f).ok()).unwrap_or_default();
                (self.progress)(&format!("304 {url} (unchanged)"));
                self.keep(&key, Entry { final_url: final_url.to_string(), ..p }, &final_url, &body);
            }
            Outcome::Failed(f) => {
                let transient = f.status.is_none_or(|s| s == 429 || s >= 500);
                self.transient_failures |= transient;
                if !transient {
                    self.gone.insert(key.clone());
                }
                (self.progress)(&format!("{} {url} (failed: {})", f.status.map_or("---".to_string(), |s| s.to_string()), f.message));
                let kept = previous.filter(|_| transient);
                let hint = failure_hint(&f, kept.is_some());
                self.warn(url, format!("not pulled: {}", f.message), hint);
                if let Some(p) = kept {
                    let body = safe_path(self.dir, &p.file).and_then(|f| std::fs::read(f).ok()).unwrap_or_default();
                    let final_url = Url::parse(&p.final_url).unwrap_or_else(|_| url.clone());
                    self.keep(&key, p, &final_url, &body);
                }
            }
        }
    }

    /// A downloaded body: name it, compare it with the saved copy, read its links.
    #[allow(clippy::too_many_arguments)]
    fn save(&mut self, key: &str, kind: Kind, content: Content, final_url: Url, status: u16, body: Vec<u8>, validators: Validators, previous: Option<Entry>) {
        let final_key = final_url.to_string();
        if let Some(saved) = self.finals.get(&final_key).cloned() {
            // Another URL redirected here first: one copy, two entries.
            self.entries.insert(key.to_string(), Entry { url: key.to_string(), ..saved });
            return;
        }
        self.queued.insert(final_url.clone());
        let hash = format!("sha256:{}", sha256_hex(&body));
        // The same bytes under another URL (`/docs/` and `/docs/index.html`): one copy.
        let file = match self.hashes.get(&hash) {
            Some(file) => file.clone(),
            None => self.file_for(&final_url, content, previous.as_ref()),
        };
        let same = previous.as_ref().is_some_and(|p| p.hash == hash && p.file == file);
        let existing = safe_path(self.dir, &file).and_then(|f| std::fs::read(f).ok());
        let on_disk = existing.as_ref().is_some_and(|b| *b == body);
        if existing.is_some() && !on_disk && !self.owned.contains(&file) && !self.force {
            let path = self.dir.join(&file);
            self.warn(
                &final_url,
                format!("not saved: {} exists and was not written by docs2rs pull", path.display()),
                "move or delete that file, or pull with --force to replace it (a pull only replaces the files listed in its docs2rs-pull.json)".into(),
            );
            return;
        }
        if !on_disk {
            self.writes.insert(file.clone(), body.clone());
        }
        let fetched = previous.as_ref().filter(|_| same).map_or_else(|| clock::rfc3339(SystemTime::now()), |p| p.fetched.clone());
        let state = match (&previous, same) {
            (None, _) => "new",
            (Some(_), false) => "changed",
            (Some(_), true) => "unchanged",
        };
        (self.progress)(&format!("{status} {key} ({state}) → {file}"));
        let entry = Entry {
            url: key.to_string(),
            final_url: final_key,
            file,
            status,
            hash,
            fetched,
            etag: validators.etag,
            last_modified: validators.last_modified,
            kind,
        };
        self.keep(key, entry, &final_url, &body);
    }

    /// Record `entry` and follow the links of its (HTML) body.
    fn keep(&mut self, key: &str, entry: Entry, final_url: &Url, body: &[u8]) {
        self.queued.insert(final_url.clone());
        self.hashes.entry(entry.hash.clone()).or_insert_with(|| entry.file.clone());
        self.files.insert(entry.file.to_ascii_lowercase(), entry.final_url.clone());
        self.finals.insert(entry.final_url.clone(), entry.clone());
        let html = entry.kind == Kind::Page && (entry.file.ends_with(".html") || entry.file.ends_with(".htm"));
        self.entries.insert(key.to_string(), entry);
        if !html {
            return;
        }
        let found = links::scan(&String::from_utf8_lossy(body), final_url);
        for page in found.pages {
            if self.scope.page(&page) {
                self.enqueue(page, Kind::Page);
            }
        }
        let mut definitions = found.definitions;
        for script in found.viewer_scripts {
            definitions.extend(self.read_viewer_script(&script));
        }
        for definition in definitions {
            if self.scope.same_origin(&definition) {
                self.enqueue(definition, Kind::Definition);
            } else if !self.queued.contains(&definition) {
                self.queued.insert(definition.clone());
                self.notes.push(format!("{definition}: linked definition on another origin not downloaded (pull it with its own `docs2rs pull`)"));
            }
        }
    }

    /// The definitions an external viewer script configures (read once, not saved).
    fn read_viewer_script(&mut self, script: &Url) -> Vec<Url> {
        if !self.scope.same_origin(script) || !self.queued.insert(script.clone()) || !self.robots(script).allows(&script.path_and_query()) {
            return Vec::new();
        }
        let origin = script.origin();
        match self.http.get(script, None, &mut |next| same_origin_hop(next, &origin)) {
            Outcome::Fetched(f) => links::scan_script(&String::from_utf8_lossy(&f.body), &f.url),
            _ => Vec::new(),
        }
    }

    /// The previous name when the URL ended at the same place, else a fresh one; a hash
    /// suffix when the name is taken by another URL (or is the manifest's).
    fn file_for(&self, final_url: &Url, content: Content, previous: Option<&Entry>) -> String {
        let target = final_url.to_string();
        if let Some(p) = previous.filter(|p| p.final_url == target && !self.taken(&p.file, &target) && safe_path(self.dir, &p.file).is_some()) {
            let fresh = file_name(final_url, content, false);
            let fresh_hashed = file_name(final_url, content, true);
            if p.file == fresh || p.file == fresh_hashed {
                return p.file.clone();
            }
        }
        let plain = file_name(final_url, content, false);
        if plain == MANIFEST || self.taken(&plain, &target) { file_name(final_url, content, true) } else { plain }
    }

    /// Is `name` used by another URL, also on a case-insensitive file system, or as a
    /// directory of a saved file (or the other way round)?
    fn taken(&self, name: &str, final_url: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        let under = |a: &str, b: &str| a.strip_prefix(b).is_some_and(|rest| rest.starts_with('/'));
        self.files.iter().any(|(f, u)| u != final_url && (*f == lower || under(f, &lower) || under(&lower, f)))
    }

    fn finish(self, previous: Manifest, options: &Options) -> Pull {
        let mut entries = self.entries;
        let mut notes = self.notes;
        let old = previous.by_url();
        let mut removed = Vec::new();
        let mut kept = 0;
        for (url, entry) in &old {
            if entries.contains_key(*url) {
                continue;
            }
            if self.transient_failures && !self.gone.contains(*url) {
                entries.insert(url.to_string(), (*entry).clone());
                kept += 1;
            } else {
                removed.push(url.to_string());
            }
        }
        if kept > 0 {
            notes.push(format!("{kept} URL(s) saved before and not reached this time are kept: some requests failed"));
        }
        let used: BTreeSet<&str> = entries.values().map(|e| e.file.as_str()).collect();
        // Files of pages that are gone, or that moved to another name.
        let deletes: BTreeSet<String> = old.values().map(|e| e.file.clone()).filter(|f| !used.contains(f.as_str())).collect();
        let added = entries.keys().filter(|u| !old.contains_key(u.as_str())).cloned().collect();
        let changed =
            entries.iter().filter(|(u, e)| old.get(u.as_str()).is_some_and(|o| o.hash != e.hash || o.file != e.file)).map(|(u, _)| u.clone()).collect();
        let manifest = Manifest { docs2rs_pull: FORMAT, start: options.start.clone(), entries: entries.into_values().collect() };
        Pull {
            dir: self.dir.to_path_buf(),
            manifest,
            writes: self.writes,
            deletes,
            added,
            changed,
            removed,
            diagnostics: self.diagnostics,
            notes,
            requests: self.http.requests,
            downloads: self.downloads,
        }
    }
}

/// What a downloaded body is, by its content type and then by a look at it; `None`
/// when it is not what was looked for (an image linked from a page).
fn classify(kind: Kind, content_type: &str, url: &Url, body: &[u8]) -> Option<Content> {
    let ext = url.path().rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let start = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let html = content_type.contains("html") || (content_type.is_empty() && start == Some(b'<'));
    match kind {
        Kind::Page if html => Some(Content::Html),
        Kind::Page if content_type.contains("markdown") || (content_type == "text/plain" && matches!(ext.as_str(), "md" | "markdown")) => {
            Some(Content::Markdown)
        }
        Kind::Page if content_type == "text/plain" => Some(Content::Text),
        Kind::Page => None,
        Kind::Definition if html => None,
        Kind::Definition if content_type.contains("json") || start == Some(b'{') => Some(Content::Json),
        Kind::Definition if content_type.contains("yaml") || matches!(ext.as_str(), "yaml" | "yml") => Some(Content::Yaml),
        Kind::Definition => {
            let text = String::from_utf8_lossy(&body[..body.len().min(4096)]).into_owned();
            text.lines().any(|l| l.starts_with("openapi:") || l.starts_with("swagger:")).then_some(Content::Yaml)
        }
    }
}

fn failure_hint(f: &Failure, kept: bool) -> String {
    let keep = if kept { "; the saved copy is kept" } else { "" };
    match f.status {
        Some(401 | 403) => "the site refuses docs2rs (a login or a crawler block): save the page from a browser into the folder instead, or exclude it".into(),
        Some(404 | 410) => "the page is linked but missing on the site: exclude it with an `exclude` pattern to silence this".into(),
        Some(s) if (300..400).contains(&s) => "start the pull from the redirect's target, or add an `include` pattern that covers it".into(),
        Some(_) => format!("the site failed or is rate limiting: run `docs2rs pull` again later{keep}"),
        None => format!("check the URL and the network, then run `docs2rs pull` again{keep}"),
    }
}

/// Redirects of robots.txt and sitemaps stay on their origin.
fn same_origin_hop(next: &Url, origin: &str) -> Hop {
    if next.origin() == origin { Hop::Follow } else { Hop::Refuse("on another origin".into()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_classified_by_type_then_by_look() {
        let url = |s: &str| Url::parse(s).unwrap();
        let page = |ct: &str, u: &str, body: &str| classify(Kind::Page, ct, &url(u), body.as_bytes());
        let def = |ct: &str, u: &str, body: &str| classify(Kind::Definition, ct, &url(u), body.as_bytes());
        assert_eq!(page("text/html", "http://h/a", ""), Some(Content::Html));
        assert_eq!(page("application/xhtml+xml", "http://h/a", ""), Some(Content::Html));
        assert_eq!(page("", "http://h/a", "  <!doctype html>"), Some(Content::Html));
        assert_eq!(page("text/markdown", "http://h/a", "# A"), Some(Content::Markdown));
        assert_eq!(page("text/plain", "http://h/a.md", "# A"), Some(Content::Markdown));
        assert_eq!(page("text/plain", "http://h/a.txt", "A"), Some(Content::Text));
        assert_eq!(page("image/png", "http://h/a.png", ""), None);
        assert_eq!(def("application/json", "http://h/spec", "{}"), Some(Content::Json));
        assert_eq!(def("application/vnd.oai.openapi+json", "http://h/spec", "{}"), Some(Content::Json));
        assert_eq!(def("text/plain", "http://h/openapi.yaml", "openapi: 3.1.0"), Some(Content::Yaml));
        assert_eq!(def("application/octet-stream", "http://h/spec", "swagger: '2.0'\n"), Some(Content::Yaml));
        assert_eq!(def("", "http://h/v3/api-docs", " {\"openapi\":\"3.0.1\"}"), Some(Content::Json));
        assert_eq!(def("text/html", "http://h/swagger", "<html>"), None);
        assert_eq!(def("application/octet-stream", "http://h/spec", "PK\u{3}\u{4}"), None);
    }
}
