//! `docs2rs-pull.json`: what a pull saved, and the validators the next pull sends.
//! The format is described in the [module docs](super).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The manifest's file name inside the pulled folder.
pub const MANIFEST: &str = "docs2rs-pull.json";
/// Bumped when the format changes incompatibly.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`].
    pub docs2rs_pull: u32,
    /// The start URLs of the pull that wrote it.
    pub start: Vec<String>,
    /// One per URL requested and saved, sorted by `url`.
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The URL as linked (or listed in a sitemap).
    pub url: String,
    /// Where it ended after redirects (equal to `url` when there were none).
    pub final_url: String,
    /// Path of the saved copy relative to the manifest's folder, `/`-separated.
    pub file: String,
    /// HTTP status of the response the copy came from.
    pub status: u16,
    /// `sha256:<hex>` of the saved bytes.
    pub hash: String,
    /// When these bytes were downloaded (RFC 3339, UTC); kept while they do not change.
    pub fetched: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A documentation page (HTML, or markdown/text served as such).
    Page,
    /// A machine-readable API definition (OpenAPI/Swagger JSON or YAML) a page links to.
    Definition,
}

impl Manifest {
    /// The manifest in `dir`, or an empty one when there is none yet.
    pub fn load(dir: &Path) -> Result<Manifest, String> {
        let path = dir.join(MANIFEST);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let m: Manifest = serde_json::from_str(&text).map_err(|e| {
                    crate::with_help(
                        format!("{}: not a docs2rs pull manifest: {e}", path.display()),
                        "delete it and pull again with --force (which replaces the files it listed)",
                    )
                })?;
                if m.docs2rs_pull != FORMAT {
                    return Err(crate::with_help(
                        format!("{}: manifest format {} (this docs2rs reads {FORMAT})", path.display(), m.docs2rs_pull),
                        "delete it and pull again with --force (which replaces the files it listed)",
                    ));
                }
                Ok(m)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest { docs2rs_pull: FORMAT, ..Manifest::default() }),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Pretty JSON with a final newline; entries sorted, so equal pulls give equal bytes.
    pub fn to_json(&self) -> String {
        let mut m = self.clone();
        m.entries.sort_by(|a, b| a.url.cmp(&b.url));
        serde_json::to_string_pretty(&m).unwrap_or_default() + "\n"
    }

    pub fn by_url(&self) -> BTreeMap<&str, &Entry> {
        self.entries.iter().map(|e| (e.url.as_str(), e)).collect()
    }

    /// The saved file of a definition (or page) URL, as linked or after redirects: how
    /// readers of the pulled folder map a URL found in a page to the file to read.
    pub fn file_for(&self, url: &str) -> Option<&str> {
        self.entries.iter().find(|e| e.url == url).or_else(|| self.entries.iter().find(|e| e.final_url == url)).map(|e| e.file.as_str())
    }
}
