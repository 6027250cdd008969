//! Requests in code samples: `curl` commands and raw HTTP requests. They show the method and
//! URL of an example call, the body encoding (`-d`, `--data-urlencode`, `-F`,
//! `Content-Type:`), headers, and a body example.

use crate::parse::recognise::endpoint::{Endpoint, Evidence, endpoint_in_line, split_url};
use crate::schema::{BodyKind, Method};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Request {
    pub endpoint: Option<Endpoint>,
    pub kind: Option<BodyKind>,
    /// A JSON body as written.
    pub json_body: Option<String>,
    /// Names of form or multipart fields (`-F file=@x`, `-d a=1`).
    pub form_fields: Vec<String>,
    /// The form fields that carry a file (`-F file=@x`, a part with a `filename`).
    pub files: Vec<String>,
    /// Header names sent, other than the usual ones.
    pub headers: Vec<String>,
}

/// A `curl` command or raw HTTP request, if the code is one.
pub fn request_in_code(text: &str) -> Option<Request> {
    // Comments before the command (`# You can also use wget`) are not the command; a root
    // prompt is (`# curl -ks …`, OpenStack).
    let prompt = |l: &str| l.trim_start().trim_start_matches(['$', '#']).trim_start().starts_with("curl ");
    let mut rest = text;
    while let Some(line) =
        rest.lines().next().filter(|l| !prompt(l) && (l.trim().is_empty() || l.trim_start().starts_with('#') || l.trim_start().starts_with("//")))
    {
        rest = &rest[(line.len() + 1).min(rest.len())..];
    }
    let first = rest.lines().map(str::trim).find(|l| !l.is_empty())?;
    if prompt(first) {
        return Some(curl(rest));
    }
    let e = endpoint_in_line(first)?;
    (e.evidence == Evidence::Example).then(|| http(text, e))
}

/// Shell words of a command with `\` continuations, quotes respected.
fn shell_words(text: &str) -> Vec<String> {
    let joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in joined.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        words.push(cur);
    }
    words
}

fn curl(text: &str) -> Request {
    let words = shell_words(text.trim_start().trim_start_matches(['$', '#']).trim_start());
    let mut r = Request::default();
    let mut method: Option<Method> = None;
    let mut url: Option<String> = None;
    let mut has_data = false;
    let mut i = 1;
    while i < words.len() {
        let w = words[i].as_str();
        let next = words.get(i + 1).map(String::as_str);
        match w {
            "-X" | "--request" => {
                method = next.and_then(Method::parse);
                i += 1;
            }
            "-H" | "--header" => {
                if let Some(h) = next {
                    header(&mut r, h);
                }
                i += 1;
            }
            "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-ascii" | "--json" => {
                has_data = true;
                if let Some(body) = next {
                    let t = body.trim();
                    if t.starts_with(['{', '[']) {
                        r.json_body = Some(t.to_string());
                        r.kind.get_or_insert(BodyKind::Json);
                    } else if let Some((k, _)) = t.split_once('=') {
                        r.form_fields.push(k.to_string());
                        r.kind.get_or_insert(BodyKind::Form);
                    }
                }
                if w == "--json" {
                    r.kind = Some(BodyKind::Json);
                }
                i += 1;
            }
            "--data-urlencode" => {
                has_data = true;
                if let Some((k, _)) = next.and_then(|n| n.split_once('=')) {
                    r.form_fields.push(k.to_string());
                }
                r.kind = Some(BodyKind::Form);
                i += 1;
            }
            "-F" | "--form" => {
                has_data = true;
                if let Some((k, v)) = next.and_then(|n| n.split_once('=')) {
                    r.form_fields.push(k.to_string());
                    if v.starts_with('@') {
                        r.files.push(k.to_string());
                    }
                }
                r.kind = Some(BodyKind::Multipart);
                i += 1;
            }
            "-u" | "--user" | "-o" | "--output" | "-A" | "--user-agent" | "-b" | "--cookie" | "-e" | "--referer" | "--url" => {
                if w == "--url" {
                    url = next.map(str::to_string);
                }
                i += 1;
            }
            // GitHub Enterprise writes `http(s)://HOSTNAME/api/v3/…`.
            w if url.is_none() && w.starts_with("http(s)://") => url = Some(w.replacen("http(s)://", "https://", 1)),
            w if url.is_none() && (w.starts_with("http://") || w.starts_with("https://") || w.starts_with('{') || w.starts_with('$')) => {
                url = Some(w.to_string())
            }
            _ => {}
        }
        i += 1;
    }
    let method = method.unwrap_or(if has_data { Method::Post } else { Method::Get });
    if let Some(u) = url {
        r.endpoint = endpoint_in_line(&format!("{} {u}", method.as_str())).map(|mut e| {
            e.evidence = Evidence::Example;
            e
        });
    }
    r
}

fn header(r: &mut Request, h: &str) {
    let Some((name, value)) = h.split_once(':') else { return };
    let name = name.trim();
    if name.eq_ignore_ascii_case("content-type") {
        r.kind = crate::media::body_kind_in_text(value).or(r.kind);
    } else if !matches!(name.to_ascii_lowercase().as_str(), "authorization" | "accept" | "user-agent" | "host" | "content-length") {
        r.headers.push(name.to_string());
    }
}

fn http(text: &str, mut e: Endpoint) -> Request {
    let mut r = Request::default();
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty()).skip(1).peekable();
    let mut host = None;
    while let Some(line) = lines.next_if(|l| !l.trim_start().starts_with(['{', '['])) {
        let t = line.trim();
        if t.is_empty() {
            break;
        }
        if let Some((k, v)) = t.split_once(':') {
            if k.trim().eq_ignore_ascii_case("host") {
                host = Some(v.trim().to_string());
            } else {
                header(&mut r, t);
            }
        }
    }
    let body: String = lines.collect::<Vec<_>>().join("\n");
    let body = body.trim();
    if body.starts_with(['{', '[']) {
        r.json_body = Some(body.to_string());
        r.kind.get_or_insert(BodyKind::Json);
    } else if body.contains('=') && !body.contains(' ') {
        r.form_fields = body.split('&').filter_map(|kv| kv.split('=').next()).map(str::to_string).collect();
        r.kind.get_or_insert(BodyKind::Form);
    }
    if let (Some(h), None) = (host, &e.base_url) {
        e.base_url = split_url(&format!("https://{h}")).0;
    }
    r.endpoint = Some(e);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_after_a_root_prompt() {
        let r = request_in_code(
            "# curl -ks -X PATCH -H 'X-Auth-Token: t' \\
-d '{\"route\": {\"weekday\": \"thu\"}}' \\
https://<node>:9611/v1/depots/6f1c/routes/12\n",
        )
        .unwrap();
        assert_eq!(r.endpoint.map(|e| e.method), Some(Method::Patch));
        assert!(r.json_body.is_some_and(|b| b.contains("route")));
    }

    #[test]
    fn curl_commands() {
        let r = request_in_code("curl -X POST https://api.example.com/v1/tokens \\\n  -H 'Content-Type: application/x-www-form-urlencoded' \\\n  -H \"X-Trace: 1\" \\\n  -d grant_type=client_credentials\n").unwrap();
        let e = r.endpoint.unwrap();
        assert_eq!((e.method, e.path.as_str(), e.evidence), (Method::Post, "/v1/tokens", Evidence::Example));
        assert_eq!(
            (r.kind, r.form_fields.as_slice(), r.headers.as_slice()),
            (Some(BodyKind::Form), &["grant_type".to_string()][..], &["X-Trace".to_string()][..])
        );
        let r = request_in_code("curl https://api.example.com/files -F file=@a.png -F title=x").unwrap();
        assert_eq!((r.endpoint.unwrap().method, r.kind, r.form_fields.len()), (Method::Post, Some(BodyKind::Multipart), 2));
        let r = request_in_code("curl \"https://x.io/v1/pets/42\"").unwrap();
        assert_eq!(r.endpoint.unwrap().method, Method::Get);
        let r = request_in_code("curl -d '{\"name\": \"a\"}' https://x.io/v1/pets").unwrap();
        assert_eq!((r.kind, r.json_body.as_deref()), (Some(BodyKind::Json), Some("{\"name\": \"a\"}")));
    }

    #[test]
    fn raw_http() {
        let r = request_in_code("POST /v1/pets HTTP/1.1\nHost: api.example.com\nContent-Type: application/json\n\n{\"a\": 1}\n").unwrap();
        let e = r.endpoint.unwrap();
        assert_eq!((e.base_url.as_deref(), r.json_body.as_deref()), (Some("https://api.example.com"), Some("{\"a\": 1}")));
        assert!(request_in_code("print('hello')").is_none());
    }
}
