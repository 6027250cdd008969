//! A definition URL on a page, resolved to a saved file: through the `docs2rs pull`
//! manifest (`docs2rs-pull.json`) in the page's folder or one above it when there is
//! one, else a file of the same name next to the page.
//!
//! The manifest is read tolerantly: any objects (in a list, or a map keyed by URL) with
//! a URL (`url`, `final_url`/`finalUrl`) and a file (`file`/`path`), relative to the
//! manifest's folder.

use serde_json::Value;
use std::path::{Path, PathBuf};

pub const MANIFEST: &str = "docs2rs-pull.json";

/// How many folders up from a page its pull manifest may be (pull mirrors URL paths).
const MANIFEST_DEPTH: usize = 12;

/// The saved file for `url`, as written on the page saved as `page` in `dir`. The
/// manifest is looked for in `dir` and the folders above it.
pub fn resolve(dir: &Path, page: &str, url: &str) -> Option<PathBuf> {
    let url = url.split('#').next().unwrap_or(url);
    for root in dir.ancestors().take(MANIFEST_DEPTH) {
        if root.join(MANIFEST).is_file() {
            let rel = dir.strip_prefix(root).unwrap_or(Path::new("")).join(page);
            let rel = rel.to_string_lossy().replace('\\', "/");
            if let Some(found) = from_manifest(root, &rel, url) {
                return Some(found);
            }
            break;
        }
    }
    let name = url.split('?').next().unwrap_or("").trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let sibling = dir.join(name);
    (!name.is_empty() && !name.starts_with('.') && sibling.is_file()).then_some(sibling)
}

struct Entry {
    urls: Vec<String>,
    file: String,
}

fn entries(v: &Value, key: Option<&str>, depth: u32, out: &mut Vec<Entry>) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| entries(i, None, depth + 1, out)),
        Value::Object(map) => {
            let file = ["file", "path", "saved_as", "savedAs"].iter().find_map(|k| map.get(*k).and_then(Value::as_str));
            let mut urls: Vec<String> =
                ["url", "final_url", "finalUrl", "final", "location"].iter().filter_map(|k| map.get(*k).and_then(Value::as_str)).map(str::to_string).collect();
            if let Some(k) = key.filter(|k| k.starts_with("http")) {
                urls.push(k.to_string());
            }
            match file {
                Some(file) if !urls.is_empty() => out.push(Entry { urls, file: file.to_string() }),
                _ => map.iter().for_each(|(k, v)| entries(v, Some(k), depth + 1, out)),
            }
        }
        _ => {}
    }
}

fn from_manifest(dir: &Path, page: &str, url: &str) -> Option<PathBuf> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let manifest: Value = serde_json::from_str(&text).ok()?;
    let mut list = Vec::new();
    entries(&manifest, None, 0, &mut list);
    let same_file = |a: &str, b: &str| a.replace('\\', "/").trim_start_matches("./") == b;
    let page_url = list.iter().find(|e| same_file(&e.file, page)).and_then(|e| e.urls.last().cloned());
    let target = match &page_url {
        Some(base) => join(base, url),
        None => url.to_string(),
    };
    let normal = |u: &str| u.split('#').next().unwrap_or("").trim_end_matches('/').to_string();
    let hit = list.iter().find(|e| e.urls.iter().any(|u| normal(u) == normal(&target))).or_else(|| {
        // No page URL to resolve against: the one entry whose URL ends with the path.
        let tail = url.trim_start_matches("./").trim_start_matches('/');
        let mut ends = list.iter().filter(|e| !tail.is_empty() && e.urls.iter().any(|u| normal(u).ends_with(&format!("/{tail}"))));
        let one = ends.next()?;
        ends.next().is_none().then_some(one)
    })?;
    // Never outside the manifest's folder.
    let rel = Path::new(&hit.file);
    if rel.is_absolute() || rel.components().any(|c| matches!(c, std::path::Component::ParentDir)) {
        return None;
    }
    let file = dir.join(rel);
    file.is_file().then_some(file)
}

/// The label of `saved` for diagnostics: `page_label`'s folder, up and down to it.
pub fn label(page_label: &str, dir: &Path, saved: &Path) -> String {
    let folder: Vec<&str> = page_label.rsplit_once('/').map(|(f, _)| f.split('/').collect()).unwrap_or_default();
    for (up, root) in dir.ancestors().enumerate().take(MANIFEST_DEPTH) {
        if let (Ok(rest), true) = (saved.strip_prefix(root), up <= folder.len()) {
            let mut parts: Vec<String> = folder[..folder.len() - up].iter().map(|s| s.to_string()).collect();
            parts.extend(rest.components().map(|c| c.as_os_str().to_string_lossy().into_owned()));
            return parts.join("/");
        }
    }
    saved.to_string_lossy().replace('\\', "/")
}

/// `reference` resolved against `base` (absolute, root-relative, or relative).
pub fn join(base: &str, reference: &str) -> String {
    if reference.contains("://") {
        return reference.to_string();
    }
    let Some((scheme, rest)) = base.split_once("://") else { return reference.to_string() };
    let origin_end = rest.find('/').unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..origin_end]);
    if let Some(r) = reference.strip_prefix("//") {
        return format!("{scheme}://{r}");
    }
    if reference.starts_with('/') {
        return format!("{origin}{reference}");
    }
    let path = rest[origin_end..].split(['?', '#']).next().unwrap_or("");
    let mut segments: Vec<&str> = path.split('/').collect();
    segments.pop();
    if segments.is_empty() {
        segments.push("");
    }
    for part in reference.split('/') {
        match part {
            "." => {}
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
            }
            p => segments.push(p),
        }
    }
    format!("{origin}{}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn references_join_like_a_browser() {
        assert_eq!(join("https://d.io/api/ref/pets", "openapi.json"), "https://d.io/api/ref/openapi.json");
        assert_eq!(join("https://d.io/api/ref/pets", "../spec/o.yaml"), "https://d.io/api/spec/o.yaml");
        assert_eq!(join("https://d.io/api/ref/", "/o.json"), "https://d.io/o.json");
        assert_eq!(join("https://d.io/a", "https://x.io/o.json"), "https://x.io/o.json");
        assert_eq!(join("https://d.io", "o.json"), "https://d.io/o.json");
    }
}
