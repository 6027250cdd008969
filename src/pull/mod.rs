//! `docs2rs pull`: save a live documentation site into a folder docs2rs reads, and keep
//! it in sync (feature `pull`; the library built without it has no HTTP client).
//!
//! The crawl ([`crawl::crawl`]) starts at the given URLs, reads the site's `sitemap.xml`,
//! and follows links breadth-first to pages on the same origin under the start URL's path
//! prefix (`/docs/api/` for `https://example.com/docs/api/index.html`), or matching the
//! `include` patterns when there are any, and not matching an `exclude` pattern. It honours
//! robots.txt, sends one request at a time with a delay, retries 429 and 5xx with backoff
//! and names itself `docs2rs/<version>`. Definitions a page links or configures (an
//! `openapi.json` link, Swagger UI's `url`, Redoc's `spec-url`, Scalar's `data-url`,
//! Stoplight's `apiDescriptionUrl`) are downloaded too, from anywhere on the origin.
//!
//! Each page is saved as it came, under a name derived from its URL ([`files`]), and
//! listed in the manifest. Nothing is written until [`Pull::apply`]; `pull --check` never
//! calls it and compares instead.
//!
//! # The manifest: `DIR/docs2rs-pull.json`
//!
//! ```json
//! {
//!   "docs2rs_pull": 1,
//!   "start": ["https://example.com/docs/"],
//!   "entries": [
//!     {
//!       "url": "https://example.com/docs/api/users",
//!       "final_url": "https://example.com/docs/api/users/",
//!       "file": "docs/api/users/index.html",
//!       "status": 200,
//!       "hash": "sha256:9f86d0…",
//!       "fetched": "2026-12-01T19:20:00Z",
//!       "etag": "\"5f2b-1a\"",
//!       "last_modified": "Tue, 01 Dec 2026 10:00:00 GMT",
//!       "kind": "page"
//!     },
//!     { "url": "https://example.com/openapi.json", "final_url": "https://example.com/openapi.json",
//!       "file": "openapi.json", "status": 200, "hash": "sha256:…", "fetched": "…", "kind": "definition" }
//!   ]
//! }
//! ```
//!
//! - one entry per URL requested and saved, sorted by `url`; URLs that redirect to the
//!   same place, or serve identical bytes (`/docs/` and `/docs/index.html`), share one
//!   `file`;
//! - `file` is relative to the manifest's folder, `/`-separated, never absolute and never
//!   containing `..`; `kind` is `page` (HTML, or markdown/text) or `definition` (OpenAPI
//!   or Swagger JSON/YAML);
//! - `fetched` is when these bytes were downloaded: a 304 or an identical body keeps it,
//!   so an unchanged site gives a byte-identical manifest;
//! - `etag` and `last_modified` are sent back as `If-None-Match` / `If-Modified-Since`.
//!
//! A reader that finds a definition URL in a saved page maps it to the saved file with
//! [`manifest::Manifest::file_for`] (by `url`, then `final_url`).

mod clock;
pub mod crawl;
pub mod fetch;
pub mod files;
pub mod links;
pub mod manifest;
pub mod preview;
pub mod robots;
pub mod scope;
pub mod sitemap;
pub mod url;

pub use crawl::{Options, crawl};
pub use manifest::{Entry, Kind, MANIFEST, Manifest};

use crate::diag::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// The result of a crawl, compared with the folder's saved copy; nothing written yet.
#[derive(Debug)]
pub struct Pull {
    pub dir: PathBuf,
    /// The manifest as [`Pull::apply`] writes it.
    pub manifest: Manifest,
    /// Output-relative file → bytes downloaded that differ from the file on disk.
    pub writes: BTreeMap<String, Vec<u8>>,
    /// Files of the previous pull no entry uses any more.
    pub deletes: BTreeSet<String>,
    /// URLs not in the previous manifest, sorted.
    pub added: Vec<String>,
    /// URLs whose content (or file) differs from the previous pull, sorted.
    pub changed: Vec<String>,
    /// URLs of the previous manifest that are gone from the site, sorted.
    pub removed: Vec<String>,
    /// Pages that could not be pulled (warnings naming the URL and what to do).
    pub diagnostics: Vec<Diagnostic>,
    /// URLs skipped on purpose (robots.txt, another origin, not a page), one line each.
    pub notes: Vec<String>,
    /// Requests sent, retries and robots.txt/sitemaps included.
    pub requests: usize,
    /// Bodies received (a 304 is not a download).
    pub downloads: usize,
}

/// What [`Pull::apply`] did.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    pub written: Vec<String>,
    pub deleted: Vec<String>,
    pub manifest_written: bool,
}

impl Pull {
    /// Did the site change since the saved copy (pages added, removed or changed)?
    pub fn changed_site(&self) -> bool {
        !(self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty())
    }

    /// Nothing could be fetched at all (the caller exits with an error).
    pub fn nothing_pulled(&self) -> bool {
        self.manifest.entries.is_empty() && !self.diagnostics.is_empty()
    }

    /// Write the changed files, remove the ones gone, and write the manifest; files and
    /// manifest that are already current are not touched.
    pub fn apply(&self) -> Result<Applied, String> {
        let mut done = Applied::default();
        for (file, bytes) in &self.writes {
            let path = safe_path(&self.dir, file).ok_or_else(|| format!("refusing to write `{file}` outside {}", self.dir.display()))?;
            if crate::output::write_atomic(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))? {
                done.written.push(file.clone());
            }
        }
        for file in &self.deletes {
            // A manifest edited by hand could name anything: only plain names inside DIR.
            let Some(path) = safe_path(&self.dir, file) else { continue };
            match std::fs::remove_file(&path) {
                Ok(()) => done.deleted.push(file.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("{}: {e}", path.display())),
            }
        }
        let path = self.dir.join(MANIFEST);
        done.manifest_written = crate::output::write_atomic(&path, self.manifest.to_json().as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(done)
    }

    /// Every file the folder would hold after [`Pull::apply`] (output-relative name →
    /// bytes): downloaded ones from memory, unchanged ones read from the folder. What
    /// `--check` generates from without writing anything.
    pub fn files(&self) -> Result<BTreeMap<String, Vec<u8>>, String> {
        let mut out = BTreeMap::new();
        for e in &self.manifest.entries {
            let bytes = match self.writes.get(&e.file) {
                Some(b) => b.clone(),
                None => {
                    let path = safe_path(&self.dir, &e.file).ok_or_else(|| format!("`{}` is not a file inside {}", e.file, self.dir.display()))?;
                    std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?
                }
            };
            out.insert(e.file.clone(), bytes);
        }
        out.insert(MANIFEST.to_string(), self.manifest.to_json().into_bytes());
        Ok(out)
    }

    /// `added: …` / `changed: …` / `removed: …` lines, one URL each.
    pub fn changes(&self) -> String {
        let mut out = String::new();
        for (label, urls) in [("added", &self.added), ("changed", &self.changed), ("removed", &self.removed)] {
            for u in urls {
                out.push_str(&format!("{label}: {u}\n"));
            }
        }
        out
    }
}

/// `dir/file` when `file` is a plain relative name (no root, no `..`, no `.`) and no
/// existing part of it below `dir` is a symlink; else `None`.
pub fn safe_path(dir: &Path, file: &str) -> Option<PathBuf> {
    if file.is_empty() || file.contains('\\') {
        return None;
    }
    let mut path = dir.to_path_buf();
    for c in Path::new(file).components() {
        match c {
            Component::Normal(part) => path.push(part),
            _ => return None,
        }
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return None;
        }
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths_stay_inside() {
        let dir = Path::new("/tmp/docs2rs-safe-path-test");
        assert_eq!(safe_path(dir, "docs/a.html"), Some(dir.join("docs/a.html")));
        for bad in ["../x", "/etc/passwd", "docs/../../x", "./a", "", "a\\..\\b", "docs//../x"] {
            assert_eq!(safe_path(dir, bad), None, "{bad}");
        }
    }
}
