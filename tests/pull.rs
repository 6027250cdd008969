//! `docs2rs pull` against real HTTP servers on 127.0.0.1 serving the fixture sites in
//! `tests/fixtures/sites/`: the pages saved, the manifest, robots.txt, retries,
//! redirects, the incremental second run, `--check`, and generating from the pull.

#[path = "support/site_server.rs"]
mod site_server;

use serde_json::Value;
use site_server::{Logged, SiteServer};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docs2rs-pull-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// A server on an editable copy of a fixture site.
fn serve(site: &str, scratch_dir: &Path) -> (SiteServer, PathBuf) {
    let root = scratch_dir.join("site-served");
    copy_dir(&repo().join("tests/fixtures/sites").join(site), &root);
    (SiteServer::start(&root), root)
}

fn docs2rs(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_docs2rs"));
    c.current_dir(dir);
    c
}

/// `docs2rs pull` without waits: no delay between requests, 1 ms backoff.
fn pull(dir: &Path, args: &[&str]) -> Command {
    let mut c = docs2rs(dir);
    c.arg("pull").args(args).args(["--delay-ms", "0", "--backoff-ms", "1"]);
    c
}

fn run(mut cmd: impl std::borrow::BorrowMut<Command>) -> (i32, String, String) {
    let out = cmd.borrow_mut().output().expect("docs2rs runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Every file below `dir`, relative, `/`-separated, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Every file's bytes: what "writes nothing" compares.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    files(dir).into_iter().map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap(), std::fs::metadata(dir.join(&f)).unwrap().modified().unwrap())).collect()
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("docs2rs-pull.json")).unwrap()).unwrap()
}

/// `url final_url file status kind` per entry, the server's origin written `{o}`.
fn entries(dir: &Path, server: &SiteServer) -> Vec<String> {
    manifest(dir)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {} {}",
                e["url"].as_str().unwrap(),
                e["final_url"].as_str().unwrap(),
                e["file"].as_str().unwrap(),
                e["status"],
                e["kind"].as_str().unwrap()
            )
            .replace(&server.base, "{o}")
        })
        .collect()
}

fn requests(log: &[Logged]) -> Vec<String> {
    log.iter().map(|l| format!("{} {}", l.status, l.path)).collect()
}

const TIDEPOOL_FILES: [&str; 11] = [
    "docs/api/alerts.html",
    "docs/api/explorer.html",
    "docs/api/observations.html",
    "docs/api/reference.html",
    "docs/api/stations.html",
    "docs/api/tides.html",
    "docs/api/webhooks.html",
    "docs/index.html",
    "docs2rs-pull.json",
    "openapi.json",
    "specs/tidepool-v2.yaml",
];

#[test]
fn pull_saves_the_site_then_refreshes_only_what_changed() {
    let tmp = scratch("tidepool");
    let (server, site) = serve("tidepool", &tmp);
    let out = tmp.join("pulled");
    let start = server.url("/docs/");

    // First pull: exactly the in-scope pages, the linked definition, and a manifest.
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(files(&out), TIDEPOOL_FILES, "{err}");
    assert_eq!(
        entries(&out, &server),
        [
            "{o}/docs/ {o}/docs/ docs/index.html 200 page",
            "{o}/docs/api/alerts.html {o}/docs/api/alerts.html docs/api/alerts.html 200 page",
            "{o}/docs/api/explorer.html {o}/docs/api/explorer.html docs/api/explorer.html 200 page",
            "{o}/docs/api/observations.html {o}/docs/api/observations.html docs/api/observations.html 200 page",
            "{o}/docs/api/reference.html {o}/docs/api/reference.html docs/api/reference.html 200 page",
            "{o}/docs/api/stations.html {o}/docs/api/stations.html docs/api/stations.html 200 page",
            "{o}/docs/api/tides.html {o}/docs/api/tides.html docs/api/tides.html 200 page",
            "{o}/docs/index.html {o}/docs/index.html docs/index.html 200 page",
            "{o}/docs/old-stations.html {o}/docs/api/stations.html docs/api/stations.html 200 page",
            "{o}/docs/v1/webhooks.html {o}/docs/api/webhooks.html docs/api/webhooks.html 200 page",
            "{o}/openapi.json {o}/openapi.json openapi.json 200 definition",
            "{o}/specs/tidepool-v2.yaml {o}/specs/tidepool-v2.yaml specs/tidepool-v2.yaml 200 definition",
        ]
    );
    let m = manifest(&out);
    assert_eq!(m["docs2rs_pull"], 1);
    assert_eq!(m["start"][0], start.as_str());
    for e in m["entries"].as_array().unwrap() {
        assert!(e["hash"].as_str().unwrap().starts_with("sha256:") && e["hash"].as_str().unwrap().len() == 71, "{e}");
        assert!(e["fetched"].as_str().unwrap().ends_with('Z'), "{e}");
        assert!(e["etag"].is_string() && e["last_modified"].is_string(), "validators kept: {e}");
    }
    assert_eq!(
        std::fs::read(out.join("docs/api/stations.html")).unwrap(),
        std::fs::read(site.join("docs/api/stations.html")).unwrap(),
        "pages are saved as they came"
    );
    // One request at a time, breadth-first: robots.txt, the sitemap, the start page, the
    // sitemap's pages, then links in page order. robots.txt keeps /docs/internal/ out,
    // /blog/ is outside the prefix, the other origin is never contacted; the 429 is
    // retried, the 500 retried 3 times, the redirect to a saved page not followed again,
    // the one to a new page followed, the one leaving the prefix refused; Swagger UI's
    // initializer script is read for the definition it configures.
    let log = server.log();
    assert_eq!(
        requests(&log),
        [
            "200 /robots.txt",
            "200 /sitemap.xml",
            "200 /docs/",
            "200 /docs/api/stations.html",
            "200 /docs/api/tides.html",
            "200 /docs/index.html",
            "200 /docs/api/observations.html",
            "429 /docs/api/alerts.html",
            "200 /docs/api/alerts.html",
            "500 /docs/api/broken.html",
            "500 /docs/api/broken.html",
            "500 /docs/api/broken.html",
            "500 /docs/api/broken.html",
            "200 /docs/api/reference.html",
            "200 /docs/api/explorer.html",
            "200 /docs/static/swagger-initializer.js",
            "301 /docs/old-stations.html",
            "301 /docs/v1/webhooks.html",
            "200 /docs/api/webhooks.html",
            "301 /docs/legacy.html",
            "200 /openapi.json",
            "200 /specs/tidepool-v2.yaml",
        ]
    );
    assert!(log.iter().all(|l| l.user_agent.starts_with(&format!("docs2rs/{} ", env!("CARGO_PKG_VERSION")))), "{log:?}");
    // The failed page is reported with its URL, status and what to do; the crawl went on.
    let broken = server.url("/docs/api/broken.html");
    assert!(
        err.contains(&format!(
            "{broken}: warning: not pulled: HTTP 500 (after 3 retries)\n  = help: the site failed or is rate limiting: run `docs2rs pull` again later"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("{}: not fetched, robots.txt disallows it", server.url("/docs/internal/admin.html"))), "{err}");
    assert!(err.contains("https://specs.tidepool.invalid/openapi.yaml: linked definition on another origin not downloaded"), "{err}");
    let legacy = server.url("/docs/legacy.html");
    assert!(
        err.contains(&format!(
            "{legacy}: warning: not pulled: redirects to {}, outside the pulled prefix /docs/\n  = help: start the pull from the redirect's target",
            server.url("/blog/")
        )),
        "{err}"
    );

    // Second pull: conditional requests only, nothing downloaded, nothing written.
    let before = snapshot(&out);
    server.clear_log();
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled"]));
    assert_eq!(code, 0, "{err}");
    let log = server.log();
    let saved: Vec<&Logged> =
        log.iter().filter(|l| !["/robots.txt", "/sitemap.xml", "/docs/static/swagger-initializer.js"].contains(&l.path.as_str())).collect();
    assert!(saved.iter().all(|l| l.conditional || l.path.ends_with("broken.html") || l.path.ends_with("legacy.html")), "{log:?}");
    assert!(saved.iter().all(|l| l.status != 200), "unchanged pages are not downloaded again: {log:?}");
    assert_eq!(saved.iter().filter(|l| l.status == 304).count(), 11, "{log:?}");
    assert_eq!(snapshot(&out), before, "an unchanged site writes nothing, the manifest included");

    // The site changes: --check reports it and what it changes in the client, exits 1 and
    // writes nothing.
    let page = site.join("docs/api/stations.html");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("only stations that report", "only stations that report today")).unwrap();
    std::fs::remove_file(site.join("docs/api/tides.html")).unwrap();
    let (code, stdout, err) = run(pull(&tmp, &[&start, "--out", "pulled", "--check"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        stdout.replace(&server.base, "{o}"),
        "changed: {o}/docs/api/stations.html\nchanged: {o}/docs/old-stations.html\nremoved: {o}/docs/api/tides.html\n\n\
         The client would change:\n  - operation tides (GET /tides)\n  - model TidesResponse\n",
        "{err}"
    );
    assert!(err.contains("1 removed") && err.contains("= help: run `docs2rs pull`"), "{err}");
    assert_eq!(snapshot(&out), before, "--check writes nothing");

    // Pulling applies it: the changed page rewritten, the removed one deleted.
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(out.join("docs/api/stations.html")).unwrap(), std::fs::read_to_string(&page).unwrap());
    assert!(!out.join("docs/api/tides.html").exists());
    assert!(!entries(&out, &server).iter().any(|e| e.contains("tides")));
    let (code, stdout, err) = run(pull(&tmp, &[&start, "--out", "pulled", "--check"]));
    assert_eq!((code, stdout.as_str()), (0, ""), "{err}");
    assert!(err.contains("is up to date"), "{err}");
}

#[test]
fn generate_reads_the_pulled_folder() {
    let tmp = scratch("generate");
    let (server, _) = serve("tidepool", &tmp);
    let (code, _, err) = run(pull(&tmp, &[&server.url("/docs/"), "--out", "pulled", "--quiet"]));
    assert_eq!(code, 0, "{err}");
    let (code, json, err) = run(docs2rs(&tmp).args(["schema", "--quiet", "--input", "pulled"]));
    assert_eq!(code, 0, "{err}");
    let apis: Value = serde_json::from_str(&json).unwrap();
    let mut ops: Vec<String> =
        apis[0]["operations"].as_array().unwrap().iter().map(|o| format!("{} {}", o["method"].as_str().unwrap(), o["path"].as_str().unwrap())).collect();
    ops.sort();
    assert_eq!(
        ops,
        [
            "GET /alerts",
            "GET /stations",
            "GET /stations/{station_id}",
            "GET /stations/{station_id}/observations",
            "GET /tides",
            "POST /observations",
            "POST /webhooks"
        ]
    );
    let (code, _, err) = run(docs2rs(&tmp).args(["generate", "--quiet", "--input", "pulled", "--name", "tidepool", "--out", "client"]));
    assert_eq!(code, 0, "{err}");
    let client = std::fs::read_to_string(tmp.join("client/tidepool.rs")).unwrap();
    let mut methods: Vec<&str> = client.match_indices("pub async fn ").map(|(i, m)| &client[i + m.len()..]).map(|r| &r[..r.find('(').unwrap()]).collect();
    methods.retain(|m| !m.ends_with("_with_response"));
    methods.sort();
    // The saved openapi.json covers stations and alerts: its operation ids name them.
    assert_eq!(
        methods,
        ["get_stations_station_id", "get_stations_station_id_observations", "list_alerts", "list_stations", "observations", "tides", "webhooks"]
    );
}

#[test]
fn configured_sites_are_pulled_without_arguments() {
    let tmp = scratch("config");
    let (server, _) = serve("tidepool", &tmp);
    let config = format!(
        "[[api]]\nname = \"tidepool\"\ninputs = [\"docs/tidepool\"]\npull = {{ url = \"{}\", exclude = [\"/docs/api/tides*\", \"*/reference.html\"] }}\n",
        server.url("/docs/")
    );
    std::fs::write(tmp.join("docs2rs.toml"), config).unwrap();
    let (code, _, err) = run(pull(&tmp, &["--quiet"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        files(&tmp.join("docs/tidepool")),
        [
            "docs/api/alerts.html",
            "docs/api/explorer.html",
            "docs/api/observations.html",
            "docs/api/stations.html",
            "docs/api/webhooks.html",
            "docs/index.html",
            "docs2rs-pull.json",
            "specs/tidepool-v2.yaml"
        ],
        "{err}"
    );
    let (code, _, err) = run(pull(&tmp, &["--api", "tidepool", "--check"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(docs2rs(&tmp).args(["generate", "--quiet"]));
    assert_eq!(code, 0, "{err}");
    assert!(tmp.join("generated/src/tidepool.rs").is_file());
    // An API without a pull table, named explicitly, is an error that says what to add.
    std::fs::write(tmp.join("docs2rs.toml"), "[[api]]\nname = \"plain\"\ninputs = [\"docs\"]\n").unwrap();
    let (code, _, err) = run(pull(&tmp, &["--api", "plain"]));
    assert_eq!(code, 2);
    assert!(err.contains("API `plain` has no `pull` table") && err.contains("= help: add `pull = { url ="), "{err}");
}

#[test]
fn hostile_links_never_write_outside_the_folder() {
    let tmp = scratch("hostile");
    let (server, _) = serve("hostile", &tmp);
    let (code, _, err) = run(pull(&tmp, &[&server.url("/docs/"), "--out", "jail/pulled"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(files(&tmp.join("jail")).iter().filter(|f| !f.starts_with("pulled/")).count(), 0, "{:?}", files(&tmp.join("jail")));
    let saved = files(&tmp.join("jail/pulled"));
    assert_eq!(saved.len(), 14, "{saved:#?}\n{err}");
    for f in &saved {
        assert!(
            f.split('/').all(|s| !s.is_empty() && !s.starts_with('.') && s.len() <= 100 && s.chars().all(|c| c.is_ascii_alphanumeric() || "._-~".contains(c))),
            "{f}"
        );
    }
    // The definition named like the manifest got a name of its own.
    let m = manifest(&tmp.join("jail/pulled"));
    let def = m["entries"].as_array().unwrap().iter().find(|e| e["kind"] == "definition").unwrap();
    assert!(def["file"].as_str().unwrap().starts_with("docs2rs-pull-") && def["file"].as_str().unwrap().ends_with(".json"), "{def}");
    // Reproducible: the same site gives the same names and manifest order.
    let (code, _, err) = run(pull(&tmp, &[&server.url("/docs/"), "--out", "again"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(files(&tmp.join("again")), saved);
    let strip = |v: Value| v["entries"].as_array().unwrap().iter().map(|e| (e["url"].clone(), e["file"].clone(), e["hash"].clone())).collect::<Vec<_>>();
    assert_eq!(strip(manifest(&tmp.join("again"))), strip(m));
}

#[test]
fn usage_errors_exit_2_and_name_the_fix() {
    let tmp = scratch("usage");
    let (code, _, err) = run(pull(&tmp, &["http://127.0.0.1:9/docs/"]));
    assert_eq!(code, 2);
    assert!(err.contains("needs --out DIR"), "{err}");
    let (code, _, err) = run(pull(&tmp, &[]));
    assert_eq!(code, 2);
    assert!(err.contains("docs2rs.toml") && err.contains("docs2rs pull https://"), "{err}");
    let (code, _, err) = run(pull(&tmp, &["ftp://example.com/", "--out", "x"]));
    assert_eq!(code, 2);
    assert!(err.contains("only http and https"), "{err}");
    // Nothing answers: every request fails, exit 2, nothing written.
    let (code, _, err) = run(pull(&tmp, &["http://127.0.0.1:9/docs/", "--out", "x", "--retries", "0", "--timeout-secs", "2"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nothing could be pulled"), "{err}");
    assert!(!tmp.join("x/docs2rs-pull.json").exists());
}

#[test]
fn saved_copies_survive_failures_and_foreign_files_are_left_alone() {
    let tmp = scratch("keep");
    let (server, site) = serve("tidepool", &tmp);
    let start = server.url("/docs/");
    // A file the user saved by hand where a pulled page would go: not overwritten.
    std::fs::create_dir_all(tmp.join("pulled/docs/api")).unwrap();
    std::fs::write(tmp.join("pulled/docs/api/stations.html"), "my own notes").unwrap();
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled", "--quiet"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("docs/api/stations.html exists and was not written by docs2rs pull"), "{err}");
    assert!(err.contains("or pull with --force to replace it"), "{err}");
    assert_eq!(std::fs::read_to_string(tmp.join("pulled/docs/api/stations.html")).unwrap(), "my own notes");
    assert!(!entries(&tmp.join("pulled"), &server).iter().any(|e| e.contains("stations.html")));
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled", "--quiet", "--force"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(tmp.join("pulled/docs/api/stations.html")).unwrap(), std::fs::read(site.join("docs/api/stations.html")).unwrap());

    // The site fails on a page saved before: the copy and its entry stay.
    let alerts = std::fs::read(tmp.join("pulled/docs/api/alerts.html")).unwrap();
    std::fs::write(site.join("docs/api/alerts.html"), "changed, but the server fails").unwrap();
    std::fs::write(site.join("_routes.txt"), "/docs/api/alerts.html status 503\n").unwrap();
    // A saved copy edited by hand is downloaded again (no conditional request for it).
    std::fs::write(tmp.join("pulled/docs/api/tides.html"), "edited").unwrap();
    server.clear_log();
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled", "--quiet"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("{}: warning: not pulled: HTTP 503 (after 3 retries)", server.url("/docs/api/alerts.html"))), "{err}");
    assert!(err.contains("; the saved copy is kept"), "{err}");
    assert_eq!(std::fs::read(tmp.join("pulled/docs/api/alerts.html")).unwrap(), alerts);
    assert!(entries(&tmp.join("pulled"), &server).iter().any(|e| e.contains("alerts.html")));
    assert_eq!(std::fs::read(tmp.join("pulled/docs/api/tides.html")).unwrap(), std::fs::read(site.join("docs/api/tides.html")).unwrap());
    let tides: Vec<Logged> = server.log().into_iter().filter(|l| l.path == "/docs/api/tides.html").collect();
    assert_eq!(tides.iter().map(|l| (l.status, l.conditional)).collect::<Vec<_>>(), [(200, false)]);
}

#[test]
fn max_pages_bounds_the_crawl_and_a_later_pull_completes_it() {
    let tmp = scratch("max");
    let (server, _) = serve("tidepool", &tmp);
    let start = server.url("/docs/");
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled", "--max-pages", "2"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(files(&tmp.join("pulled")), ["docs/api/stations.html", "docs/index.html", "docs2rs-pull.json"]);
    assert!(err.contains("URL(s) left out: --max-pages 2 reached"), "{err}");
    let (code, stdout, _) = run(pull(&tmp, &[&start, "--out", "pulled", "--check"]));
    assert_eq!(code, 1);
    assert!(stdout.contains(&format!("added: {}", server.url("/docs/api/tides.html"))), "{stdout}");
    let (code, _, err) = run(pull(&tmp, &[&start, "--out", "pulled"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(files(&tmp.join("pulled")), TIDEPOOL_FILES);
}

/// What `check` builds on: the crawl as a value, the new file set in memory.
#[test]
fn the_library_exposes_the_new_file_set_without_writing() {
    use docs2rs::pull::{Options, crawl, fetch::Politeness};
    let tmp = scratch("library");
    let (server, site) = serve("tidepool", &tmp);
    let out = tmp.join("pulled");
    let options = Options {
        start: vec![server.url("/docs/")],
        politeness: Politeness { delay: std::time::Duration::ZERO, backoff: std::time::Duration::from_millis(1), ..Politeness::default() },
        ..Options::default()
    };
    let first = crawl(&out, &options, &mut |_| {}).unwrap();
    assert!(first.changed_site() && !out.exists(), "nothing written before apply");
    first.apply().unwrap();
    let before = snapshot(&out);
    let page = site.join("docs/api/alerts.html");
    std::fs::write(&page, std::fs::read_to_string(&page).unwrap().replace("List open alerts.", "List open and closed alerts.")).unwrap();
    let second = crawl(&out, &options, &mut |_| {}).unwrap();
    assert_eq!(second.changed, [server.url("/docs/api/alerts.html")]);
    let new = second.files().unwrap();
    assert_eq!(new.keys().map(String::as_str).collect::<Vec<_>>(), TIDEPOOL_FILES);
    assert_eq!(new["docs/api/alerts.html"], std::fs::read(&page).unwrap(), "the changed page from memory");
    assert_eq!(new["docs/index.html"], std::fs::read(out.join("docs/index.html")).unwrap(), "unchanged ones from the folder");
    assert_eq!(snapshot(&out), before, "crawling writes nothing");
}
