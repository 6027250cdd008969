//! One polite HTTP client: one request at a time with a delay between requests, a
//! User-Agent naming docs2rs, a timeout per request, retries with exponential backoff on
//! 429 and 5xx (honouring `Retry-After`), conditional requests, and redirects followed
//! hop by hop so the crawler can refuse a hop that leaves its scope.

use super::clock;
use super::url::Url;
use std::time::{Duration, Instant, SystemTime};

/// Product token robots.txt groups are matched against.
pub const AGENT_TOKEN: &str = "docs2rs";
/// Sent with every request.
pub const USER_AGENT: &str = concat!("docs2rs/", env!("CARGO_PKG_VERSION"), " (+https://docs.rs/docs2rs)");
/// Largest body read (a big OpenAPI document is tens of megabytes).
const MAX_BODY: u64 = 128 << 20;
const MAX_REDIRECTS: usize = 10;

#[derive(Debug, Clone)]
pub struct Politeness {
    /// Pause between the end of one request and the start of the next.
    pub delay: Duration,
    /// Retries after a 429, a 5xx or a network error.
    pub retries: u32,
    /// The first retry waits this long, each further one twice as long.
    pub backoff: Duration,
    /// Longest wait for one retry; a `Retry-After` beyond it gives up on the URL.
    pub max_wait: Duration,
    /// Per request, connection to last byte.
    pub timeout: Duration,
}

impl Default for Politeness {
    fn default() -> Self {
        Politeness {
            delay: Duration::from_millis(500),
            retries: 3,
            backoff: Duration::from_secs(2),
            max_wait: Duration::from_secs(120),
            timeout: Duration::from_secs(30),
        }
    }
}

/// Validators saved from the last download, sent as `If-None-Match` / `If-Modified-Since`.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What the caller decides about a redirect's target.
pub enum Hop {
    Follow,
    /// Already saved: stop and report [`Outcome::Redirected`] instead of fetching it again.
    Known,
    /// Out of scope or disallowed (the reason ends the failure message).
    Refuse(String),
}

#[derive(Debug)]
pub enum Outcome {
    Fetched(Fetched),
    /// A redirect to a URL the caller already has.
    Redirected {
        to: Url,
    },
    /// 304: the saved copy is current.
    NotModified {
        url: Url,
    },
    Failed(Failure),
}

#[derive(Debug)]
pub struct Fetched {
    pub status: u16,
    /// After redirects.
    pub url: Url,
    pub body: Vec<u8>,
    /// Lower-cased media type without parameters (`text/html`).
    pub content_type: String,
    pub validators: Validators,
}

#[derive(Debug)]
pub struct Failure {
    /// The URL that failed (after redirects).
    pub url: Url,
    /// The last HTTP status, if a response came at all.
    pub status: Option<u16>,
    pub message: String,
}

pub struct Http {
    agent: ureq::Agent,
    pub politeness: Politeness,
    last: Option<Instant>,
    /// Requests sent, retries included.
    pub requests: usize,
}

impl Http {
    pub fn new(politeness: Politeness) -> Http {
        let config =
            ureq::Agent::config_builder().user_agent(USER_AGENT).http_status_as_error(false).max_redirects(0).timeout_global(Some(politeness.timeout)).build();
        Http { agent: config.into(), politeness, last: None, requests: 0 }
    }

    /// GET `url`, following the redirects `allow` lets it follow.
    pub fn get(&mut self, url: &Url, validators: Option<&Validators>, allow: &mut dyn FnMut(&Url) -> Hop) -> Outcome {
        let mut url = url.clone();
        for _ in 0..=MAX_REDIRECTS {
            let reply = match self.get_with_retries(&url, validators) {
                Ok(r) => r,
                Err((status, message)) => return Outcome::Failed(Failure { url, status, message }),
            };
            let status = reply.status;
            if (300..400).contains(&status) && status != 304 {
                let Some(next) = reply.header("location").and_then(|l| url.join(&l)) else {
                    return Outcome::Failed(Failure { url, status: Some(status), message: format!("HTTP {status} without a usable Location header") });
                };
                match allow(&next) {
                    Hop::Follow => url = next,
                    Hop::Known => return Outcome::Redirected { to: next },
                    Hop::Refuse(why) => return Outcome::Failed(Failure { url, status: Some(status), message: format!("redirects to {next}, {why}") }),
                }
                continue;
            }
            if status == 304 {
                return Outcome::NotModified { url };
            }
            if !(200..300).contains(&status) {
                return Outcome::Failed(Failure { url, status: Some(status), message: format!("HTTP {status}") });
            }
            let content_type = reply.header("content-type").unwrap_or_default();
            let content_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            let validators = Validators { etag: reply.header("etag"), last_modified: reply.header("last-modified") };
            return Outcome::Fetched(Fetched { status, url, body: reply.body, content_type, validators });
        }
        Outcome::Failed(Failure { url, status: None, message: format!("more than {MAX_REDIRECTS} redirects") })
    }

    fn get_with_retries(&mut self, url: &Url, validators: Option<&Validators>) -> Result<Reply, (Option<u16>, String)> {
        let mut attempt = 0;
        loop {
            let (status, retry_after, problem) = match self.send(url, validators) {
                Ok(reply) if !retryable(reply.status) => return Ok(reply),
                Ok(reply) => (Some(reply.status), reply.header("retry-after"), format!("HTTP {}", reply.status)),
                Err(e) => (None, None, e),
            };
            if attempt >= self.politeness.retries {
                let tries = if attempt == 0 { String::new() } else { format!(" (after {attempt} retries)") };
                return Err((status, format!("{problem}{tries}")));
            }
            let Some(wait) = retry_wait(attempt, retry_after.as_deref(), SystemTime::now(), &self.politeness) else {
                return Err((status, format!("{problem}; the server asks to retry after `{}`, longer than docs2rs waits", retry_after.unwrap_or_default())));
            };
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    /// One request, after the polite delay.
    fn send(&mut self, url: &Url, validators: Option<&Validators>) -> Result<Reply, String> {
        if let Some(last) = self.last {
            let since = last.elapsed();
            if since < self.politeness.delay {
                std::thread::sleep(self.politeness.delay - since);
            }
        }
        self.requests += 1;
        let mut request = self.agent.get(url.to_string());
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(lm) = &v.last_modified {
                request = request.header("If-Modified-Since", lm);
            }
        }
        let result = request.call().map_err(|e| e.to_string()).and_then(|mut response| {
            let status = response.status().as_u16();
            let headers =
                response.headers().iter().map(|(k, v)| (k.as_str().to_ascii_lowercase(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect();
            let body = response.body_mut().with_config().limit(MAX_BODY).read_to_vec().map_err(|e| e.to_string())?;
            Ok(Reply { status, headers, body })
        });
        self.last = Some(Instant::now());
        result
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }
}

fn retryable(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

/// How long to wait before retry number `attempt + 1`: `Retry-After` (seconds or an
/// HTTP date) when the server sent one, else the backoff doubled per attempt; `None`
/// when the server asks for more than `max_wait`.
pub fn retry_wait(attempt: u32, retry_after: Option<&str>, now: SystemTime, p: &Politeness) -> Option<Duration> {
    let asked = retry_after.and_then(|v| {
        let v = v.trim();
        v.parse::<u64>().ok().map(Duration::from_secs).or_else(|| clock::parse_http_date(v).map(|t| t.duration_since(now).unwrap_or_default()))
    });
    match asked {
        Some(wait) if wait > p.max_wait => None,
        Some(wait) => Some(wait),
        None => Some(p.backoff.saturating_mul(1u32 << attempt.min(16)).min(p.max_wait)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn retry_after_wins_over_backoff() {
        let p = Politeness { backoff: Duration::from_secs(1), max_wait: Duration::from_secs(60), ..Politeness::default() };
        let now = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        assert_eq!(retry_wait(0, None, now, &p), Some(Duration::from_secs(1)));
        assert_eq!(retry_wait(2, None, now, &p), Some(Duration::from_secs(4)));
        assert_eq!(retry_wait(30, None, now, &p), Some(Duration::from_secs(60)));
        assert_eq!(retry_wait(0, Some("7"), now, &p), Some(Duration::from_secs(7)));
        assert_eq!(retry_wait(0, Some("Sun, 06 Nov 1994 08:50:07 GMT"), now, &p), Some(Duration::from_secs(30)));
        assert_eq!(retry_wait(0, Some("Sun, 06 Nov 1994 08:00:00 GMT"), now, &p), Some(Duration::ZERO));
        assert_eq!(retry_wait(0, Some("3600"), now, &p), None);
        assert_eq!(retry_wait(1, Some("soon"), now, &p), Some(Duration::from_secs(2)));
    }

    #[test]
    fn the_user_agent_names_docs2rs_and_its_version() {
        assert!(USER_AGENT.starts_with(&format!("{AGENT_TOKEN}/{}", env!("CARGO_PKG_VERSION"))));
    }
}
