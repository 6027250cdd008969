//! The `docs2rs` command line: generate, check, init, pull, schema, openapi.

use clap::{Parser, Subcommand};
use docs2rs::config::{OperationOverlay, WireCase};
use docs2rs::output::DriftKind;
use docs2rs::schema::AuthScheme;
use docs2rs::{Error, Generator};
use std::path::PathBuf;
use std::process::ExitCode;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "docs2rs", version, about = "Generate typed Rust API clients from human API documentation")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct Common {
    /// Config file (default docs2rs.toml); relative paths in it are relative to its
    /// directory. With --input, its settings and overlays apply to those inputs.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Only these APIs (repeatable). Default: all configured APIs.
    #[arg(long = "api")]
    apis: Vec<String>,
    /// Ad-hoc mode without a config: read these files or directories as one API.
    #[arg(long = "input", num_args = 1..)]
    inputs: Vec<PathBuf>,
    /// Ad-hoc mode: the API (module) name (default `api`).
    #[arg(long)]
    name: Option<String>,
    /// Ad-hoc mode: the base URL.
    #[arg(long)]
    base_url: Option<String>,
    /// Ad-hoc mode: wire-name rule (auto, as_documented, camel, snake, pascal, kebab; default auto).
    #[arg(long, value_parser = parse_case)]
    wire_case: Option<WireCase>,
    /// Ad-hoc mode: auth scheme (none, bearer, basic).
    #[arg(long, value_parser = parse_auth)]
    auth: Option<AuthScheme>,
    /// An overlay for a page that states no method or path (repeatable):
    /// `page.txt=POST /workspaces/{workspaceId}/tasks`.
    #[arg(long = "operation", value_name = "MATCH=METHOD PATH", value_parser = docs2rs::adhoc::parse_operation_flag)]
    operations: Vec<OperationOverlay>,
    /// Only these operations (`*` wildcards) and the models they reach.
    #[arg(long, num_args = 1..)]
    only: Vec<String>,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Do not print warnings.
    #[arg(long, short)]
    quiet: bool,
    /// Worker threads for parsing and formatting (default: one per core). The output is
    /// the same for any number.
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the client(s) and write them to the output directory.
    Generate {
        #[command(flatten)]
        common: Common,
        /// Output directory (overrides `[output] dir`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overwrite files in the output directory that docs2rs did not create.
        #[arg(long)]
        force: bool,
        /// Models and enums only: no client, no reqwest (overrides `[output] client`).
        #[arg(long)]
        types_only: bool,
        /// Print the time per stage (read, parse per format, resolve, render, syn check,
        /// format, write) to stderr.
        #[arg(long)]
        timings: bool,
    },
    /// Regenerate in memory and compare with the output directory; exit 1 on drift.
    Check {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Compare with types-only output (see `generate --types-only`).
        #[arg(long)]
        types_only: bool,
        /// Print the time per stage to stderr (see `generate --timings`).
        #[arg(long)]
        timings: bool,
    },
    /// Write a commented docs2rs.toml for these docs: what was found in them, and an
    /// overlay to fill in for each page that states no method or path.
    Init {
        /// Files or directories of API docs.
        #[arg(long = "input", num_args = 1..)]
        inputs: Vec<PathBuf>,
        /// The config file to write.
        #[arg(long, default_value = "docs2rs.toml")]
        out: PathBuf,
        /// The API (module) name.
        #[arg(long, default_value = "api")]
        name: String,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Save a live doc site (HTML pages and the API definitions they link) into a folder,
    /// or refresh the sites configured with `pull = { url = "…" }`.
    #[cfg(feature = "pull")]
    Pull(PullArgs),
    /// Print the intermediate schema as JSON.
    Schema {
        #[command(flatten)]
        common: Common,
    },
    /// Export one API as an OpenAPI 3.1 document (JSON).
    Openapi {
        #[command(flatten)]
        common: Common,
        /// Write the document to this file instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[cfg(feature = "pull")]
#[derive(clap::Args)]
struct PullArgs {
    /// Start URLs; pages on their origin under their path prefix are pulled. Without
    /// URLs, every `[[api]]` with a `pull` table in the config is refreshed.
    urls: Vec<String>,
    /// The folder to save into (with URLs).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Config file (default docs2rs.toml), without URLs.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Only these configured APIs (repeatable).
    #[arg(long = "api")]
    apis: Vec<String>,
    /// Pull pages whose `/path?query` matches (robots.txt-style: `*`, final `$`) instead
    /// of those under the start URL's prefix (repeatable).
    #[arg(long)]
    include: Vec<String>,
    /// Do not pull pages whose `/path?query` matches (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
    /// Pages requested at most [default: 1000, or `max_pages` in the config].
    #[arg(long)]
    max_pages: Option<usize>,
    /// Pause between requests (robots.txt `Crawl-delay` can raise it).
    #[arg(long, default_value_t = 500)]
    delay_ms: u64,
    /// Retries of a request answered 429 or 5xx, or failing on the network.
    #[arg(long, default_value_t = 3)]
    retries: u32,
    /// First retry wait when the server sends no Retry-After; doubled per retry.
    #[arg(long, default_value_t = 2000)]
    backoff_ms: u64,
    /// Timeout per request.
    #[arg(long, default_value_t = 30)]
    timeout_secs: u64,
    /// Fetch and compare with the saved copy, write nothing; exit 1 when the site changed.
    #[arg(long)]
    check: bool,
    /// Replace files in the folder that no earlier pull saved.
    #[arg(long)]
    force: bool,
    /// Print only warnings and the summary.
    #[arg(long, short)]
    quiet: bool,
}

/// One site to pull: where from, into which folder, with which patterns.
#[cfg(feature = "pull")]
struct PullJob {
    options: docs2rs::pull::Options,
    dir: PathBuf,
    /// The configured API that reads the folder (`--check` says what would change in it)
    /// and what its paths are relative to; none for `pull URL --out DIR`.
    api: Option<(docs2rs::config::ApiConfig, PathBuf)>,
}

#[cfg(feature = "pull")]
fn pull_jobs(a: &PullArgs) -> Result<Vec<PullJob>, Error> {
    use docs2rs::pull::fetch::Politeness;
    use std::time::Duration;
    let politeness = Politeness {
        delay: Duration::from_millis(a.delay_ms),
        retries: a.retries,
        backoff: Duration::from_millis(a.backoff_ms),
        timeout: Duration::from_secs(a.timeout_secs.max(1)),
        ..Politeness::default()
    };
    let options = |start: Vec<String>, include: &[String], exclude: &[String], max: Option<usize>| docs2rs::pull::Options {
        start,
        include: include.iter().chain(&a.include).cloned().collect(),
        exclude: exclude.iter().chain(&a.exclude).cloned().collect(),
        max_pages: a.max_pages.or(max).unwrap_or(1000),
        politeness: politeness.clone(),
        force: a.force,
    };
    if !a.urls.is_empty() {
        let Some(dir) = a.out.clone() else {
            return Err(Error::Config(docs2rs::with_help("pull URL… needs --out DIR", "name the folder to save the pages in, e.g. `--out docs/site`")));
        };
        if !a.apis.is_empty() || a.config.is_some() {
            return Err(Error::Config("--api and --config select configured sites: give them without URLs".into()));
        }
        return Ok(vec![PullJob { options: options(a.urls.clone(), &[], &[], None), dir, api: None }]);
    }
    let path = a.config.clone().unwrap_or_else(|| PathBuf::from("docs2rs.toml"));
    let config = docs2rs::config::Config::load(&path)
        .map_err(|e| Error::Config(docs2rs::with_help(e, "give the site to pull: `docs2rs pull https://example.com/docs/ --out docs/site`")))?;
    let root = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new(".")).to_path_buf();
    if let Some(unknown) = a.apis.iter().find(|n| !config.apis.iter().any(|api| api.name == **n)) {
        return Err(Error::Config(format!("{}: no API named `{unknown}`", path.display())));
    }
    let mut jobs = Vec::new();
    for api in config.apis.iter().filter(|api| a.apis.is_empty() || a.apis.contains(&api.name)) {
        let Some(site) = &api.pull else {
            if a.apis.contains(&api.name) {
                return Err(Error::Config(docs2rs::with_help(
                    format!("{}: API `{}` has no `pull` table", path.display(), api.name),
                    "add `pull = { url = \"https://…\" }` to its [[api]] table",
                )));
            }
            continue;
        };
        let dir = site.dir.clone().or_else(|| api.inputs.first().map(|i| i.path().to_path_buf())).ok_or_else(|| {
            Error::Config(docs2rs::with_help(
                format!("{}: API `{}` has a `pull` table but no folder to save into", path.display(), api.name),
                "add `dir = \"docs/site\"` to its pull table, or an input folder",
            ))
        })?;
        jobs.push(PullJob {
            options: options(vec![site.url.clone()], &site.include, &site.exclude, site.max_pages),
            dir: root.join(dir),
            api: Some((api.clone(), root.clone())),
        });
    }
    if jobs.is_empty() {
        return Err(Error::Config(docs2rs::with_help(
            format!("{}: no [[api]] has a `pull` table", path.display()),
            "add `pull = { url = \"https://…\" }` to an [[api]] table, or run `docs2rs pull URL --out DIR`",
        )));
    }
    Ok(jobs)
}

/// Pull (or check) each site; exit 1 when `--check` finds a change, 2 when a site gave nothing.
#[cfg(feature = "pull")]
fn pull(a: PullArgs) -> Result<ExitCode, Error> {
    let mut worst = 0u8;
    for job in pull_jobs(&a)? {
        let quiet = a.quiet;
        let mut progress = |line: &str| {
            if !quiet {
                eprintln!("docs2rs: {line}");
            }
        };
        let site = job.options.start.join(" ");
        let p = docs2rs::pull::crawl(&job.dir, &job.options, &mut progress).map_err(Error::Config)?;
        print_diagnostics(&p.diagnostics, false);
        print_notes(&p.notes, a.quiet);
        let saved = |k: docs2rs::pull::Kind| p.manifest.entries.iter().filter(|e| e.kind == k).count();
        let (pages, definitions) = (saved(docs2rs::pull::Kind::Page), saved(docs2rs::pull::Kind::Definition));
        if p.nothing_pulled() {
            eprintln!("error: nothing could be pulled from {site} ({} request(s) failed; see the warnings above)", p.diagnostics.len());
            worst = worst.max(2);
            continue;
        }
        if a.check {
            print!("{}", p.changes());
            if p.changed_site() {
                let (api, root) = job.api.as_ref().map_or((None, std::path::Path::new(".")), |(api, root)| (Some(api), root.as_path()));
                match docs2rs::pull::preview::api_changes(&p, api, root) {
                    Ok(lines) if lines.is_empty() => println!("\nThe client would not change (operations, parameters, fields and enum values are the same)."),
                    Ok(lines) => {
                        println!("\nThe client would change:");
                        for line in lines {
                            println!("  {line}");
                        }
                    }
                    Err(e) => eprintln!("docs2rs: cannot say what the client would gain or lose: {e}"),
                }
                eprintln!(
                    "docs2rs: {site} changed since the copy in {}: {} added, {} changed, {} removed\n  = help: run `docs2rs pull` (without --check) and commit the result",
                    job.dir.display(),
                    p.added.len(),
                    p.changed.len(),
                    p.removed.len()
                );
                worst = worst.max(1);
            } else {
                eprintln!("docs2rs: {} is up to date with {site} ({pages} page(s), {definitions} definition(s))", job.dir.display());
            }
            continue;
        }
        for url in p.removed.iter().filter(|_| !a.quiet) {
            eprintln!("docs2rs: removed {url} (gone from the site)");
        }
        let done = p.apply().map_err(Error::Io)?;
        eprintln!(
            "docs2rs: {pages} page(s) and {definitions} definition(s) from {site} in {}: {} written, {} removed, {} failed; {} request(s), {} download(s)",
            job.dir.display(),
            done.written.len(),
            done.deleted.len(),
            p.diagnostics.len(),
            p.requests,
            p.downloads
        );
    }
    Ok(ExitCode::from(worst))
}

fn parse_case(s: &str) -> Result<WireCase, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|_| format!("unknown wire case `{s}`"))
}

fn parse_auth(s: &str) -> Result<AuthScheme, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|_| format!("unknown auth scheme `{s}`"))
}

fn generator(c: &Common, out: Option<&PathBuf>) -> Result<Generator, Error> {
    generator_for(c, out, false)
}

/// `types_only` switches the client off; unset, `[output] client` decides.
fn generator_for(c: &Common, out: Option<&PathBuf>, types_only: bool) -> Result<Generator, Error> {
    if c.inputs.is_empty() {
        reject_ad_hoc_flags(c)?;
    }
    let flags = docs2rs::adhoc::CommandLine {
        inputs: c.inputs.clone(),
        name: c.name.clone(),
        base_url: c.base_url.clone(),
        wire_case: c.wire_case,
        auth: c.auth,
        operations: c.operations.clone(),
    };
    let mut g = match &c.config {
        None if !c.inputs.is_empty() => {
            if out.is_none() {
                return Err(Error::Config("ad-hoc mode (--input) needs --out DIR (or --config FILE)".into()));
            }
            Generator::new()
        }
        config => Generator::from_config_file(config.clone().unwrap_or_else(|| PathBuf::from("docs2rs.toml")))?,
    };
    let mut apis = c.apis.clone();
    if !c.inputs.is_empty() || !c.operations.is_empty() {
        let root = c.config.as_deref().and_then(|p| p.parent()).filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new(".")).to_path_buf();
        apis = vec![flags.apply(g.config_mut(), &c.apis, &root).map_err(Error::Config)?];
    }
    g = g.with_only_apis(apis).with_only_operations(c.only.clone()).with_deny_warnings(c.deny_warnings).with_jobs(c.jobs.unwrap_or(0));
    if let Some(o) = out {
        g = g.with_out_dir(o);
    }
    if types_only {
        g = g.with_client(false);
    }
    Ok(g)
}

/// Flags that describe an ad-hoc API would be silently ignored with a config.
fn reject_ad_hoc_flags(c: &Common) -> Result<(), Error> {
    let given = [
        ("--name", c.name.is_some(), "the [[api]] table's `name`"),
        ("--base-url", c.base_url.is_some(), "`base_url` in its [[api]] table"),
        ("--wire-case", c.wire_case.is_some(), "`wire_case` in its [[api]] table"),
        ("--auth", c.auth.is_some(), "`auth` in its [[api]] table"),
    ];
    match given.iter().find(|(_, set, _)| *set) {
        Some((flag, _, key)) => Err(Error::Config(docs2rs::with_help(
            format!("{flag} applies only with --input (ad-hoc mode)"),
            format!(
                "add --input DOCS to read docs without a config, or set {key} in {}",
                c.config.as_deref().unwrap_or(std::path::Path::new("docs2rs.toml")).display()
            ),
        ))),
        None => Ok(()),
    }
}

/// The user's own command line with `check` turned into `generate`: the drift fix.
fn generate_command() -> String {
    let mut words = vec!["docs2rs".to_string()];
    let mut replaced = false;
    for a in std::env::args().skip(1) {
        let a = if !replaced && a == "check" {
            replaced = true;
            "generate".to_string()
        } else {
            a
        };
        let plain = !a.is_empty() && a.chars().all(|ch| ch.is_ascii_alphanumeric() || "-_./=:,@%+".contains(ch));
        words.push(if plain { a } else { format!("'{}'", a.replace('\'', "'\\''")) });
    }
    words.join(" ")
}

fn print_diagnostics(ds: &[docs2rs::diag::Diagnostic], quiet: bool) {
    if quiet {
        return;
    }
    for d in ds {
        eprintln!("{d}");
    }
}

fn print_timings(done: &docs2rs::Generated, on: bool) {
    if let Some(report) = done.timings.as_ref().filter(|_| on) {
        eprintln!("{report}");
    }
}

/// What docs2rs chose for each API (wire names), one line each.
fn print_notes(notes: &[String], quiet: bool) {
    if !quiet {
        for n in notes {
            eprintln!("{n}");
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Generate { common, out, force, types_only, timings } => {
            let g = generator_for(&common, out.as_ref(), types_only)?.with_force(force);
            let done = g.generate()?;
            print_timings(&done, timings);
            print_diagnostics(&done.diagnostics, common.quiet);
            print_notes(&done.notes, common.quiet);
            let report = done.report.unwrap_or_default();
            eprintln!(
                "docs2rs: {} file(s) in {}: {} written, {} unchanged, {} removed; {} warning(s)",
                done.files.len(),
                g.out_dir().display(),
                report.written.len(),
                report.unchanged.len(),
                report.removed.len(),
                done.diagnostics.iter().filter(|d| d.severity != docs2rs::diag::Severity::Note).count()
            );
            // Ad-hoc runs that left pages out: the config that keeps the fix in a file.
            let ad_hoc = common.config.is_none() && !common.inputs.is_empty();
            let pasteable =
                done.apis.iter().filter(|_| ad_hoc).find_map(|api| docs2rs::init::ad_hoc_config(api, &common.inputs, &common.operations, &g.out_dir()));
            if let Some(text) = pasteable {
                eprintln!("docs2rs: or keep the settings in a file: save this as docs2rs.toml, replace each …, and run `docs2rs generate`:\n\n{text}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { inputs, out, name, force } => {
            eprintln!("{}", docs2rs::init::write(&inputs, &name, &out, force)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { common, out, types_only, timings } => {
            let g = generator_for(&common, out.as_ref(), types_only)?;
            let (done, drift) = g.check()?;
            print_timings(&done, timings);
            print_diagnostics(&done.diagnostics, common.quiet);
            print_notes(&done.notes, common.quiet);
            if drift.is_empty() {
                eprintln!("docs2rs: {} is up to date ({} file(s))", g.out_dir().display(), done.files.len());
                return Ok(ExitCode::SUCCESS);
            }
            let modules: Vec<String> = done.apis.iter().map(|a| docs2rs::module_name(&a.name)).collect();
            for (module, lines) in docs2rs::surface::api_changes(&g.out_dir(), &done.files, &modules) {
                println!("API `{module}` changed:");
                for line in lines {
                    println!("  {line}");
                }
                println!();
            }
            for d in &drift {
                print!("{}", d.diff);
            }
            let count = |k: DriftKind| drift.iter().filter(|d| d.kind == k).count();
            eprintln!(
                "docs2rs: {} differs from the docs: {} changed, {} missing, {} extra file(s)\n  = help: run `{}` and commit the result",
                g.out_dir().display(),
                count(DriftKind::Changed),
                count(DriftKind::Missing),
                count(DriftKind::Extra),
                generate_command()
            );
            Ok(ExitCode::from(1))
        }
        #[cfg(feature = "pull")]
        Command::Pull(args) => pull(args),
        Command::Schema { common } => {
            let g = generator(&common, Some(&PathBuf::from(".")))?;
            let (apis, diags) = g.schema()?;
            print_diagnostics(&diags, common.quiet);
            print_notes(&docs2rs::notes(&apis), common.quiet);
            println!("{}", serde_json::to_string_pretty(&apis).map_err(|e| Error::Io(e.to_string()))?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Openapi { common, output } => {
            // Ad-hoc mode writes no client, so it needs no output directory.
            let g = generator(&common, Some(&PathBuf::from(".")))?;
            let (apis, diags) = g.schema()?;
            // One document per run: several APIs cannot share one `servers`/`paths` map.
            let [api] = apis.as_slice() else {
                let names: Vec<&str> = apis.iter().map(|a| a.name.as_str()).collect();
                return Err(Error::Config(format!("{} APIs selected ({}); choose one with --api NAME", names.len(), names.join(", "))));
            };
            print_diagnostics(&diags, common.quiet);
            print_notes(&docs2rs::notes(&apis), common.quiet);
            let json = serde_json::to_string_pretty(&docs2rs::openapi::to_openapi(api)).map_err(|e| Error::Io(e.to_string()))?;
            match output {
                Some(path) => {
                    docs2rs::output::write_atomic(&path, (json + "\n").as_bytes()).map(|_| ()).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?
                }
                None => println!("{json}"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
