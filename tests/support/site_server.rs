//! A real HTTP/1.1 server on 127.0.0.1 serving a fixture site from a folder, for the
//! `docs2rs pull` tests. It answers like a static host: `ETag`/`Last-Modified` with
//! `304 Not Modified` on a match, `dir/` → `dir/index.html`. `_routes.txt` in the site
//! scripts the awkward cases, one per line:
//!
//! ```text
//! /docs/old.html   redirect /docs/new.html   # 301 to the target
//! /docs/busy.html  busy 1                    # 429 (Retry-After: 0) for the first request(s)
//! /docs/down.html  status 500                # always this status
//! /odd/            echo                      # any path under it: a small page naming it
//! ```
//!
//! `{{origin}}` in a served file becomes the server's `http://127.0.0.1:PORT` (sitemaps
//! need absolute URLs). Every request is logged (path, status, whether it was conditional, User-Agent).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    pub path: String,
    pub status: u16,
    pub conditional: bool,
    pub user_agent: String,
}

pub struct SiteServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    log: Arc<Mutex<Vec<Logged>>>,
}

#[derive(Default)]
struct State {
    /// Requests seen per path (for `busy N`).
    seen: BTreeMap<String, usize>,
}

impl SiteServer {
    /// Serve `root` until the test process ends.
    pub fn start(root: &Path) -> SiteServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log = Arc::new(Mutex::new(Vec::new()));
        let state = Arc::new(Mutex::new(State::default()));
        let (root, log2) = (root.to_path_buf(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, log, state) = (root.clone(), log2.clone(), state.clone());
                std::thread::spawn(move || serve(stream, &root, &log, &state));
            }
        });
        SiteServer { base, log }
    }

    pub fn log(&self) -> Vec<Logged> {
        self.log.lock().unwrap().clone()
    }

    pub fn clear_log(&self) {
        self.log.lock().unwrap().clear();
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn serve(stream: TcpStream, root: &Path, log: &Mutex<Vec<Logged>>, state: &Mutex<State>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut headers = BTreeMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let path = target.split('?').next().unwrap_or("/").to_string();
    let (status, extra, body) = respond(root, &path, &headers, state);
    let body = match String::from_utf8(body) {
        Ok(text) => text.replace("{{origin}}", &format!("http://{}", stream.local_addr().unwrap())).into_bytes(),
        Err(e) => e.into_bytes(),
    };
    log.lock().unwrap().push(Logged {
        path: target,
        status,
        conditional: headers.contains_key("if-none-match") || headers.contains_key("if-modified-since"),
        user_agent: headers.get("user-agent").cloned().unwrap_or_default(),
    });
    let mut out = stream;
    let mut head = format!("HTTP/1.1 {status} {}\r\nContent-Length: {}\r\nConnection: close\r\n", reason(status), body.len());
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = out.write_all(head.as_bytes());
    let _ = out.write_all(&body);
}

type Response = (u16, Vec<(String, String)>, Vec<u8>);

fn respond(root: &Path, path: &str, headers: &BTreeMap<String, String>, state: &Mutex<State>) -> Response {
    let count = {
        let mut s = state.lock().unwrap();
        let n = s.seen.entry(path.to_string()).or_default();
        *n += 1;
        *n
    };
    let routes = std::fs::read_to_string(root.join("_routes.txt")).unwrap_or_default();
    for line in routes.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.get(1) == Some(&"echo") && path.starts_with(words[0]) {
            let page = format!("<!DOCTYPE html><html><head><title>echo</title></head><body><p>This page is {path}</p></body></html>");
            return (200, vec![("Content-Type".into(), "text/html".into())], page.into_bytes());
        }
        if words.first() != Some(&path) {
            continue;
        }
        match words[1..] {
            ["redirect", to] => return (301, vec![("Location".into(), to.into())], Vec::new()),
            ["status", code] => return (code.parse().unwrap(), Vec::new(), b"failing on purpose".to_vec()),
            ["busy", n] if count <= n.parse().unwrap() => return (429, vec![("Retry-After".into(), "0".into())], b"slow down".to_vec()),
            _ => {}
        }
    }
    let Some(file) = file_for(root, path) else { return (404, Vec::new(), b"not found".to_vec()) };
    let body = std::fs::read(&file).unwrap();
    let etag = format!("\"{:016x}\"", fnv(&body));
    let last_modified = "Tue, 01 Dec 2026 10:00:00 GMT".to_string();
    let validators = vec![("ETag".to_string(), etag.clone()), ("Last-Modified".to_string(), last_modified)];
    if headers.get("if-none-match") == Some(&etag) {
        return (304, validators, Vec::new());
    }
    let mut extra = validators;
    extra.push(("Content-Type".into(), content_type(&file).into()));
    (200, extra, body)
}

fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    if path.split('/').any(|s| s == ".." || s.starts_with('_')) {
        return None;
    }
    let rel = path.trim_start_matches('/');
    let file = if rel.is_empty() || rel.ends_with('/') { root.join(rel).join("index.html") } else { root.join(rel) };
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("yaml") => "application/yaml",
        Some("xml") => "application/xml",
        _ => "text/plain; charset=utf-8",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status",
    }
}

/// FNV-1a: a stable ETag for the bytes served.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
}
