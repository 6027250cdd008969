//! What a saved page points at: other pages (`<a href>`, `<link rel=next>`, a meta
//! refresh) and machine-readable definitions: a `<link>`/`<a>` to an OpenAPI or Swagger
//! file, Swagger UI's `url:`/`urls:`, Redoc's and RapiDoc's `spec-url`, `Redoc.init(…)`,
//! Scalar's `data-url` and configuration, Stoplight Elements' `apiDescriptionUrl`.

use super::url::Url;
use scraper::{ElementRef, Html};

#[derive(Debug, Default, PartialEq)]
pub struct Links {
    /// Candidate pages, in document order, without duplicates.
    pub pages: Vec<Url>,
    /// Candidate definitions, in document order, without duplicates.
    pub definitions: Vec<Url>,
    /// External scripts that configure a viewer (`swagger-initializer.js`): read, not saved.
    pub viewer_scripts: Vec<Url>,
}

impl Links {
    fn page(&mut self, url: Option<Url>) {
        if let Some(url) = url.filter(|u| !is_asset(u) && !self.pages.contains(u)) {
            self.pages.push(url);
        }
    }
    fn definition(&mut self, url: Option<Url>) {
        if let Some(url) = url.filter(|u| !self.definitions.contains(u)) {
            self.definitions.push(url);
        }
    }
}

/// The links of an HTML page fetched from `page` (relative links resolve against a
/// `<base href>` when the page has one).
pub fn scan(html: &str, page: &Url) -> Links {
    let doc = Html::parse_document(html);
    let elements: Vec<ElementRef> = doc.root_element().descendants().filter_map(ElementRef::wrap).collect();
    let base =
        elements.iter().find(|e| e.value().name() == "base").and_then(|e| e.value().attr("href")).and_then(|h| page.join(h)).unwrap_or_else(|| page.clone());
    let mut links = Links::default();
    for el in elements {
        let v = el.value();
        let href = v.attr("href").and_then(|h| base.join(h));
        match v.name() {
            "a" | "area" => match href {
                Some(u) if looks_like_definition(&u) => links.definition(Some(u)),
                u => links.page(u),
            },
            "link" => {
                let rel = v.attr("rel").unwrap_or("").to_ascii_lowercase();
                let kind = v.attr("type").unwrap_or("").to_ascii_lowercase();
                let described = rel.split_whitespace().any(|r| r == "service-desc") || kind.contains("openapi") || kind.contains("swagger");
                if href.as_ref().is_some_and(|u| described || looks_like_definition(u)) {
                    links.definition(href);
                } else if rel.split_whitespace().any(|r| r == "next" || r == "prev") {
                    links.page(href);
                }
            }
            "meta" if v.attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh")) => {
                links.page(v.attr("content").and_then(refresh_target).and_then(|t| base.join(t)));
            }
            "script" => {
                if let Some(src) = v.attr("src").and_then(|h| base.join(h)).filter(is_viewer_script) {
                    if !links.viewer_scripts.contains(&src) {
                        links.viewer_scripts.push(src);
                    }
                }
                let text: String = el.text().collect();
                for u in config_urls(&text) {
                    links.definition(base.join(&u));
                }
                if let Some(config) = v.attr("data-configuration") {
                    for u in config_urls(config) {
                        links.definition(base.join(&u));
                    }
                }
            }
            _ => {}
        }
        for attr in ["spec-url", "apidescriptionurl", "api-description-url"] {
            links.definition(v.attr(attr).and_then(|h| base.join(h)));
        }
        if let Some(u) = v.attr("data-url").and_then(|h| base.join(h)) {
            // `data-url` is a generic attribute; Scalar puts it on `<script id="api-reference">`.
            if v.id() == Some("api-reference") || looks_like_definition(&u) {
                links.definition(Some(u));
            }
        }
    }
    links
}

/// `0; url='next.html'` → `next.html`.
fn refresh_target(content: &str) -> Option<&str> {
    let (_, rest) = content.split_once(';')?;
    let rest = rest.trim();
    let rest = if rest.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("url")) { rest[3..].trim_start().strip_prefix('=')? } else { rest };
    Some(rest.trim().trim_matches(['\'', '"']))
}

/// `openapi.json`, `swagger.yaml`, `petstore-api.yml`, `/v3/api-docs`: a file name that
/// says it is an API description.
pub fn looks_like_definition(url: &Url) -> bool {
    let name = url.path().rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    if name == "api-docs" || name == "swagger" || name == "openapi" {
        return true;
    }
    let Some((stem, ext)) = name.rsplit_once('.') else { return false };
    matches!(ext, "json" | "yaml" | "yml") && ["api", "swagger", "spec"].iter().any(|w| stem.contains(w))
}

/// `swagger-initializer.js`, `swagger-ui-init.js`, `redoc-config.js`: the small script
/// a viewer page loads its configuration from (not the viewer's bundle).
fn is_viewer_script(url: &Url) -> bool {
    let name = url.path().rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    ["swagger", "redoc", "scalar", "rapidoc", "openapi", "api-reference"].iter().any(|v| name.contains(v)) && (name.contains("init") || name.contains("config"))
}

/// The definitions a viewer script fetched from `script` configures.
pub fn scan_script(text: &str, script: &Url) -> Vec<Url> {
    config_urls(text).iter().filter_map(|u| script.join(u)).collect()
}

/// Stylesheets, scripts, images, archives: never pages.
fn is_asset(url: &Url) -> bool {
    let name = url.path().rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(
        ext,
        "css"
            | "js"
            | "mjs"
            | "map"
            | "png"
            | "jpg"
            | "jpeg"
            | "gif"
            | "svg"
            | "webp"
            | "ico"
            | "woff"
            | "woff2"
            | "ttf"
            | "eot"
            | "pdf"
            | "zip"
            | "gz"
            | "tgz"
            | "mp4"
            | "webm"
            | "mp3"
            | "xml"
            | "rss"
            | "atom"
            | "json"
            | "yaml"
            | "yml"
            | "wasm"
    )
}

/// URLs a viewer is configured with in a script: `url: "…"`, `urls: [{ url: "…" }]`,
/// `"url": "…"`, `spec-url`/`specUrl`/`apiDescriptionUrl` keys and `Redoc.init("…")`.
/// Only scripts that mention a known viewer are read, so other `url:` keys don't count.
fn config_urls(script: &str) -> Vec<String> {
    const VIEWERS: [&str; 8] = ["SwaggerUI", "Redoc", "Scalar", "createApiReference", "apiDescriptionUrl", "RapiDoc", "\"spec\"", "swaggerUrl"];
    if !VIEWERS.iter().any(|v| script.contains(v)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for key in ["url", "specUrl", "spec-url", "apiDescriptionUrl", "swaggerUrl"] {
        let mut from = 0;
        while let Some(at) = script[from..].find(key).map(|i| i + from) {
            from = at + key.len();
            let before = script[..at].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '-') {
                continue;
            }
            let rest = script[from..].trim_start_matches(['"', '\'']).trim_start();
            let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) else { continue };
            if let Some(value) = quoted(rest.trim_start()) {
                out.push(value);
            }
        }
    }
    if let Some(at) = script.find("Redoc.init(") {
        out.extend(quoted(script[at + "Redoc.init(".len()..].trim_start()));
    }
    out.retain(|u| !u.is_empty() && !u.starts_with('#') && !u.starts_with("data:"));
    out
}

/// The string literal at the start of `text` (`"…"`, `'…'` or `` `…` `` without `${}`).
fn quoted(text: &str) -> Option<String> {
    let quote = text.chars().next().filter(|c| "\"'`".contains(*c))?;
    let body = &text[1..];
    let end = body.find(quote)?;
    let value = &body[..end];
    (!value.contains("${") && !value.contains('\n')).then(|| value.replace("\\/", "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(html: &str) -> (Vec<String>, Vec<String>) {
        let links = scan(html, &Url::parse("http://h/docs/api/index.html").unwrap());
        (links.pages.iter().map(Url::to_string).collect(), links.definitions.iter().map(Url::to_string).collect())
    }

    #[test]
    fn pages_from_anchors_and_refresh() {
        let (pages, defs) = scanned(
            r##"<html><head><link rel="stylesheet" href="/s.css"><link rel="next" href="orders.html"><link rel="manifest" href="/manifest.json">
            <meta http-equiv="refresh" content="0; url='moved.html'"></head>
            <body><nav><a href="users.html#top">Users</a><a href="users.html">Users again</a><a href="../guide/">Guide</a>
            <a href="mailto:x@y.z">mail</a><a href="/logo.png">logo</a><a href="https://other.example/">other</a></nav></body></html>"##,
        );
        assert_eq!(
            pages,
            ["http://h/docs/api/orders.html", "http://h/docs/api/moved.html", "http://h/docs/api/users.html", "http://h/docs/guide/", "https://other.example/"]
        );
        assert!(defs.is_empty(), "{defs:?}");
    }

    #[test]
    fn definitions_from_every_viewer() {
        let (pages, defs) = scanned(
            r##"<html><head><base href="/docs/"><link rel="alternate" type="application/vnd.oai.openapi+json" href="/specs/v2"></head><body>
            <a href="openapi.json">Download the spec</a>
            <redoc spec-url="/redoc/openapi.yaml"></redoc>
            <rapi-doc spec-url="rapi.json"></rapi-doc>
            <elements-api apiDescriptionUrl="/stoplight/api.yaml" router="hash"></elements-api>
            <script id="api-reference" data-url="/scalar/spec"></script>
            <script>window.ui = SwaggerUIBundle({ url: "/swagger/v1/swagger.json", dom_id: '#swagger-ui', oauth2RedirectUrl: "/cb",
              urls: [{url: '/swagger/v2/swagger.json', name: 'v2'}] });</script>
            <script>Redoc.init('/redoc-init.json', {}, document.getElementById('r'))</script>
            <script>var config = { url: "/not-a-viewer.json" };</script>
            <script>Scalar.createApiReference('#app', { "url": "https:\/\/h\/scalar\/openapi.json" })</script>
            <script src="./swagger-ui-bundle.js"></script><script src="/ui/swagger-initializer.js"></script>
            </body></html>"##,
        );
        assert!(pages.is_empty(), "{pages:?}");
        assert_eq!(
            defs,
            [
                "http://h/specs/v2",
                "http://h/docs/openapi.json",
                "http://h/redoc/openapi.yaml",
                "http://h/docs/rapi.json",
                "http://h/stoplight/api.yaml",
                "http://h/scalar/spec",
                "http://h/swagger/v1/swagger.json",
                "http://h/swagger/v2/swagger.json",
                "http://h/redoc-init.json",
                "https://h/scalar/openapi.json",
            ]
        );
    }

    #[test]
    fn viewer_scripts_are_read_for_their_configuration() {
        let links =
            scan(r#"<script src="./swagger-ui-bundle.js"></script><script src="/ui/swagger-initializer.js"></script>"#, &Url::parse("http://h/docs/").unwrap());
        assert_eq!(links.viewer_scripts, [Url::parse("http://h/ui/swagger-initializer.js").unwrap()]);
        let script = "window.onload = function() { window.ui = SwaggerUIBundle({ url: \"../specs/petstore.yaml\", dom_id: '#swagger-ui' }); };";
        assert_eq!(scan_script(script, &links.viewer_scripts[0]), [Url::parse("http://h/specs/petstore.yaml").unwrap()]);
    }

    #[test]
    fn definition_names() {
        let yes = ["http://h/openapi.json", "http://h/v3/api-docs", "http://h/a/swagger.yaml", "http://h/petstore-spec.yml", "http://h/api.json"];
        let no = ["http://h/manifest.json", "http://h/search-index.json", "http://h/openapi.html", "http://h/package.json"];
        assert!(yes.iter().all(|u| looks_like_definition(&Url::parse(u).unwrap())));
        assert!(no.iter().all(|u| !looks_like_definition(&Url::parse(u).unwrap())));
    }
}
