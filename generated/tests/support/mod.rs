//! A real HTTP/1.1 server on 127.0.0.1 for exercising the generated clients: it records
//! each request and answers with scripted replies, one connection per request.

#![allow(dead_code)] // each test file uses a different part

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query exactly as sent (`/api/v2/users/a%2Fb?expand=x`).
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }
    pub fn query(&self) -> &str {
        self.target.split_once('?').map(|(_, q)| q).unwrap_or("")
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
    /// The parts of a `multipart/form-data` body, split at the boundary its
    /// `Content-Type` names.
    pub fn parts(&self) -> Vec<Part> {
        let content_type = self.header("content-type").expect("content-type");
        let boundary = content_type.split("boundary=").nth(1).expect("a boundary").trim_matches('"');
        let delimiter = format!("--{boundary}").into_bytes();
        let mut parts = Vec::new();
        let mut chunks = split(&self.body, &delimiter).into_iter().skip(1);
        for chunk in chunks.by_ref() {
            if chunk.starts_with(b"--") {
                break; // the closing delimiter
            }
            let chunk = chunk.strip_prefix(b"\r\n").expect("CRLF after the delimiter");
            let chunk = chunk.strip_suffix(b"\r\n").expect("CRLF before the next delimiter");
            let (head, body) = chunk.split_at(find(chunk, b"\r\n\r\n").expect("part headers end") + 4);
            let headers = String::from_utf8_lossy(&head[..head.len() - 4]).into_owned();
            parts.push(Part { headers: headers.split("\r\n").map(str::to_string).collect(), body: body.to_vec() });
        }
        parts
    }
}

/// One part of a multipart body: its header lines and bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub headers: Vec<String>,
    pub body: Vec<u8>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut hay: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(at) = find(hay, delimiter) {
        out.push(&hay[..at]);
        hay = &hay[at + delimiter.len()..];
    }
    out.push(hay);
    out
}

pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    /// Extra response headers.
    pub headers: Vec<(String, String)>,
    /// Read the request, then answer nothing until the client hangs up.
    pub stall: bool,
}

impl Reply {
    pub fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply::raw(status, "application/json", &body.to_string())
    }
    pub fn raw(status: u16, content_type: &'static str, body: &str) -> Reply {
        Reply { status, content_type, body: body.to_string(), headers: Vec::new(), stall: false }
    }
    pub fn empty(status: u16) -> Reply {
        Reply::raw(status, "text/plain", "")
    }
    /// No answer: the server waits until the client gives up and closes the connection.
    pub fn stall() -> Reply {
        Reply { stall: true, ..Reply::empty(200) }
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

pub struct Server {
    pub url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `replies` in order, one per connection, then stops.
    pub fn start(replies: Vec<Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        let thread = std::thread::spawn(move || {
            for reply in replies {
                let Ok((stream, _)) = listener.accept() else { return };
                if let Some(req) = serve(stream, &reply) {
                    seen.lock().unwrap().push(req);
                }
            }
        });
        Server { url, requests, thread: Some(thread) }
    }

    /// The requests received so far (waits for the server to finish its replies).
    pub fn requests(mut self) -> Vec<Recorded> {
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
        self.requests.lock().unwrap().clone()
    }

    /// The single request of a one-reply server.
    pub fn request(self) -> Recorded {
        let mut all = self.requests();
        assert_eq!(all.len(), 1, "exactly one request");
        all.remove(0)
    }
}

fn serve(stream: TcpStream, reply: &Reply) -> Option<Recorded> {
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (n, v) = h.split_once(':')?;
        headers.push((n.trim().to_string(), v.trim().to_string()));
    }
    let len = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-length")).and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).ok()?;
    let recorded = Recorded { method, target, headers, body };
    if reply.stall {
        // Returns when the client closes the connection (or after the read timeout).
        let _ = reader.read_to_end(&mut Vec::new());
        return Some(recorded);
    }
    let reason = match reply.status {
        200 => "OK",
        204 => "No Content",
        404 => "Not Found",
        _ => "Status",
    };
    let extra: String = reply.headers.iter().map(|(n, v)| format!("{n}: {v}\r\n")).collect();
    let response = format!(
        "HTTP/1.1 {} {reason}\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\nx-request-id: test-1\r\n{extra}\r\n{}",
        reply.status,
        reply.content_type,
        reply.body.len(),
        reply.body
    );
    let mut stream = stream;
    stream.write_all(response.as_bytes()).ok()?;
    stream.flush().ok()?;
    Some(recorded)
}
