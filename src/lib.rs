//! docs2rs: typed Rust API clients from human API documentation.
//!
//! docs → [`parse`] → [`schema`] → [`resolve`] → [`render`] → files. Use it from a
//! build script through [`Generator`]:
//!
//! ```no_run
//! use docs2rs::{config::{ApiConfig, WireCase}, Generator};
//! let out = std::env::var_os("OUT_DIR").unwrap();
//! Generator::new()
//!     .with_api(ApiConfig::new("purecloud").with_input("docs/").with_wire_case(WireCase::Camel))
//!     .with_out_dir(out)
//!     .with_cargo_rerun_if_changed(true)
//!     .generate()
//!     .unwrap();
//! ```

pub mod adhoc;
pub mod config;
pub mod diag;
pub mod features;
pub mod fidelity;
#[doc(hidden)]
pub mod fuzzing;
pub mod init;
pub mod media;
pub mod naming;
pub mod openapi;
pub mod output;
pub mod parse;
#[cfg(feature = "pull")]
pub mod pull;
pub mod render;
pub mod resolve;
pub mod schema;
pub mod spec;
pub mod surface;
pub mod timings;

use config::{ApiConfig, Config};
use diag::{Diagnostic, Diagnostics, Severity};
use output::{Drift, Files, WriteReport};
use rayon::prelude::*;
use schema::{Api, Source};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use timings::Stage;

/// Identifies the generator in output headers.
pub const GENERATOR: &str = concat!("docs2rs ", env!("CARGO_PKG_VERSION"));

/// File extensions read when an input is a directory.
const DOC_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm", "rst", "adoc", "asciidoc"];

#[derive(Debug)]
pub enum Error {
    /// The configuration cannot be used.
    Config(String),
    /// Reading inputs or writing outputs failed.
    Io(String),
    /// Errors in the docs (or warnings, with `deny_warnings`); all diagnostics included.
    Diagnostics(Vec<Diagnostic>),
    /// A template produced invalid Rust: a bug in docs2rs or in an overriding template.
    Render(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Config(m) | Error::Io(m) => write!(f, "error: {m}"),
            Error::Render(m) => write!(f, "rendering: {m}"),
            Error::Diagnostics(ds) => {
                for d in ds {
                    writeln!(f, "{d}")?;
                }
                let errors = ds.iter().filter(|d| d.severity == Severity::Error).count();
                write!(f, "generation failed: {errors} error(s), {} warning(s)", ds.len() - errors)
            }
        }
    }
}

impl std::error::Error for Error {}

/// An error message plus the help line that names the fix, as diagnostics print them.
pub fn with_help(message: impl std::fmt::Display, help: impl std::fmt::Display) -> String {
    format!("{message}\n  = help: {help}")
}

/// What a run produced.
#[derive(Debug, Default)]
pub struct Generated {
    /// Output-relative path → file content.
    pub files: Files,
    /// Files of configured APIs that were not selected: neither stale nor drift.
    pub keep: std::collections::BTreeSet<String>,
    /// Sorted; warnings only unless the run failed.
    pub diagnostics: Vec<Diagnostic>,
    /// One line per API about choices docs2rs made (`purecloud: wire names camelCase (from 752 path placeholders)`).
    pub notes: Vec<String>,
    /// Set by [`Generator::generate`].
    pub report: Option<WriteReport>,
    /// The APIs as resolved (what `init` and the ad-hoc hints read).
    pub apis: Vec<Api>,
    /// Time per stage, set by [`Generator::render`], [`Generator::generate`] and [`Generator::check`].
    pub timings: Option<timings::Report>,
    /// The generated crate's `Cargo.toml` with its `[features]` table updated (`[output] features`).
    pub features: Option<features::Manifest>,
}

/// The settings builder: a config (from `docs2rs.toml` or built in code) plus run options.
#[derive(Debug, Clone, Default)]
pub struct Generator {
    config: Config,
    root: PathBuf,
    out_dir: Option<PathBuf>,
    lib: Option<bool>,
    client: Option<bool>,
    deny_warnings: bool,
    rerun_if_changed: bool,
    cargo_warnings: Option<bool>,
    force: bool,
    only: Vec<String>,
    apis: Vec<String>,
    config_file: Option<PathBuf>,
    jobs: Option<usize>,
}

impl Generator {
    pub fn new() -> Self {
        Generator { root: PathBuf::from("."), ..Default::default() }
    }

    /// Load `docs2rs.toml`; relative paths in it are relative to its directory.
    pub fn from_config_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(Error::Config(with_help(
                format!("no config file {}", path.display()),
                "create one with an [[api]] table (`name`, `inputs`), pass --config FILE, or read docs without a config: docs2rs generate --input DOCS --out DIR",
            )));
        }
        let config = Config::load(path).map_err(Error::Config)?;
        let root = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
        Ok(Generator { config, root, config_file: Some(path.to_path_buf()), ..Default::default() })
    }

    /// The configuration, for settings given outside it (the command line's flags).
    pub fn config_mut(&mut self) -> &mut Config {
        &mut self.config
    }
    pub fn with_config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }
    pub fn with_api(mut self, api: ApiConfig) -> Self {
        self.config.apis.push(api);
        self
    }
    /// Directory relative input paths are resolved against.
    pub fn with_root(mut self, root: impl Into<PathBuf>) -> Self {
        self.root = root.into();
        self
    }
    /// Overrides `[output] dir`.
    pub fn with_out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }
    /// Whether to write a `lib.rs` with one `pub mod` per API (default from config: yes).
    pub fn with_lib(mut self, lib: bool) -> Self {
        self.lib = Some(lib);
        self
    }
    /// Whether to write the client (default from config: yes). `false` writes the models
    /// and enums only (types-only mode): no `Client`, `params` or `Error`, and no reqwest.
    pub fn with_client(mut self, client: bool) -> Self {
        self.client = Some(client);
        self
    }
    /// A directory of templates overriding the embedded ones by file name.
    pub fn with_templates(mut self, dir: impl Into<PathBuf>) -> Self {
        self.config.output.templates = Some(dir.into());
        self
    }
    /// Treat warnings as errors.
    pub fn with_deny_warnings(mut self, deny: bool) -> Self {
        self.deny_warnings = deny;
        self
    }
    /// Print `cargo:rerun-if-changed` for every input, template and the config (build.rs).
    pub fn with_cargo_rerun_if_changed(mut self, on: bool) -> Self {
        self.rerun_if_changed = on;
        self
    }
    /// Print every diagnostic of a successful run as `cargo:warning=` lines, so a build
    /// script's user sees skipped pages (default: on with [`Self::with_cargo_rerun_if_changed`]).
    /// A failed run's diagnostics are in its [`Error`].
    pub fn with_cargo_warnings(mut self, on: bool) -> Self {
        self.cargo_warnings = Some(on);
        self
    }
    /// Overwrite files in the output directory that docs2rs did not create.
    pub fn with_force(mut self, force: bool) -> Self {
        self.force = force;
        self
    }
    /// Restrict to the named APIs (default: all).
    pub fn with_only_apis(mut self, names: Vec<String>) -> Self {
        self.apis = names;
        self
    }
    /// Restrict each API to operations whose name matches one of these patterns
    /// (`*` wildcards) plus the models they reach.
    pub fn with_only_operations(mut self, patterns: Vec<String>) -> Self {
        self.only = patterns;
        self
    }

    /// Worker threads for parsing and formatting (default, or 0: one per available core).
    /// The output does not depend on it.
    pub fn with_jobs(mut self, jobs: usize) -> Self {
        self.jobs = Some(jobs).filter(|&n| n > 0);
        self
    }

    /// The worker threads a run uses.
    pub fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
    }

    /// Run `work` in a pool of [`Self::jobs`] threads that record their [`timings`].
    fn in_pool<T: Send>(&self, work: impl FnOnce() -> Result<T, Error> + Send) -> Result<(T, timings::Report), Error> {
        let jobs = self.jobs();
        let run = Arc::new(timings::Timings::default());
        let each = run.clone();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("docs2rs-{i}"))
            .start_handler(move |_| timings::enter(each.clone()))
            .exit_handler(|_| timings::leave())
            .build()
            .map_err(|e| Error::Io(format!("cannot start {jobs} worker thread(s): {e}")))?;
        let start = std::time::Instant::now();
        let out = pool.install(work)?;
        Ok((out, run.report(start.elapsed(), jobs)))
    }

    pub fn out_dir(&self) -> PathBuf {
        match &self.out_dir {
            Some(d) => d.clone(),
            None => self.root.join(&self.config.output.dir),
        }
    }

    fn selected(&self) -> Result<Vec<&ApiConfig>, Error> {
        let configured: Vec<&str> = self.config.apis.iter().map(|a| a.name.as_str()).collect();
        for name in &self.apis {
            if !configured.contains(&name.as_str()) {
                let file = self.config_file.as_ref().map_or("the configuration".to_string(), |f| f.display().to_string());
                let help = match configured.as_slice() {
                    [] => "add an [[api]] table with `name` and `inputs`".to_string(),
                    names => format!("configured APIs: {}", names.join(", ")),
                };
                return Err(Error::Config(with_help(format!("no API named `{name}` in {file}"), help)));
            }
        }
        let apis: Vec<&ApiConfig> = self.config.apis.iter().filter(|a| self.apis.is_empty() || self.apis.contains(&a.name)).collect();
        if apis.is_empty() {
            return Err(Error::Config("no APIs configured: add an [[api]] table with `name` and `inputs`".into()));
        }
        Ok(apis)
    }

    /// Parse and resolve every selected API. Diagnostics are returned, not printed.
    pub fn schema(&self) -> Result<(Vec<Api>, Vec<Diagnostic>), Error> {
        self.in_pool(|| self.schema_in_pool()).map(|(schema, _)| schema)
    }

    fn schema_in_pool(&self) -> Result<(Vec<Api>, Vec<Diagnostic>), Error> {
        let mut diags = Diagnostics::new();
        let mut apis = Vec::new();
        let mut unmatched = Vec::new();
        for cfg in self.selected()? {
            let first = diags.items().len();
            let inputs = self.input_files(cfg, &mut diags);
            if self.rerun_if_changed {
                for (path, ..) in &inputs {
                    println!("cargo:rerun-if-changed={}", path.display());
                }
            }
            // In parallel, each file read by the worker that parses it; results and their
            // diagnostics are taken in input order, as a serial run would.
            let parsed: Vec<(Vec<parse::definition::prefer::Reading>, Diagnostics)> =
                inputs.into_par_iter().map(|(path, label, format)| read_and_parse(&path, label, format)).collect();
            let mut readings = Vec::with_capacity(parsed.len());
            for (read, own) in parsed {
                diags.extend(own);
                readings.extend(read);
            }
            let docs = parse::definition::prefer::prefer(readings, &mut diags);
            let mut api = timings::time(Stage::Resolve, || resolve::resolve(cfg, docs, &mut diags));
            match (&cfg.config_file, cfg.command_line) {
                (Some(_), _) => {}
                (None, true) => adhoc::point_hints_at_a_config(diags.hints_since(first), cfg),
                (None, false) => config::point_hints_at_the_builder(diags.hints_since(first)),
            }
            if !self.only.is_empty() {
                let before = api.operations.iter().map(|o| o.name.clone()).collect::<Vec<_>>();
                resolve::retain_operations(&mut api, &self.only);
                // Like an API not selected with --api: its file is left as it is.
                if api.operations.is_empty() {
                    unmatched.extend(before);
                    continue;
                }
            }
            apis.push(api);
        }
        if apis.is_empty() && !self.only.is_empty() && !diags.has_errors() {
            return Err(Error::Config(only_matches_nothing(&self.only, &unmatched)));
        }
        if self.rerun_if_changed {
            if let Some(c) = &self.config_file {
                println!("cargo:rerun-if-changed={}", c.display());
            }
        }
        timings::peak_rss_after("parse, resolve");
        let sorted = diags.sorted();
        if diags.has_errors() || (self.deny_warnings && diags.warnings() > 0) {
            return Err(Error::Diagnostics(sorted));
        }
        if self.cargo_warnings.unwrap_or(self.rerun_if_changed) {
            for line in cargo_warnings(&sorted) {
                println!("{line}");
            }
        }
        Ok((apis, sorted))
    }

    /// Every input file of an API: (path on disk, label for diagnostics, format override).
    fn input_files(&self, cfg: &ApiConfig, diags: &mut Diagnostics) -> Vec<(PathBuf, String, Option<parse::Format>)> {
        let mut out = Vec::new();
        if cfg.inputs.is_empty() {
            diags.error(cfg.config_source(false), format!("API `{}` has no inputs", cfg.name), Some("add `inputs = [\"path/to/docs\"]`".to_string()));
        }
        // Input paths are written in the config file (or on the command line: no location).
        let at = || cfg.config_source(true);
        for input in &cfg.inputs {
            let path = self.root.join(input.path());
            let mut files = Vec::new();
            if path.is_dir() {
                collect_dir(&path, &mut files);
                if files.is_empty() {
                    diags.error(
                        at(),
                        format!("input folder `{}` of API `{}` holds no doc files", input.path().display(), cfg.name),
                        Some(format!(
                            "docs2rs reads files ending in .{} (hidden files skipped); point the input at the folder holding the docs",
                            DOC_EXTENSIONS.join(", .")
                        )),
                    );
                }
                if self.rerun_if_changed {
                    println!("cargo:rerun-if-changed={}", path.display());
                }
            } else if path.is_file() {
                files.push(path.clone());
            } else {
                let help = if input.path().is_absolute() {
                    "fix the path".to_string()
                } else if self.root == Path::new(".") {
                    "fix the path; it is relative to the current directory".to_string()
                } else {
                    format!("fix the path; it is relative to {}", self.root.display())
                };
                diags.error(at(), format!("input `{}` of API `{}` does not exist", input.path().display(), cfg.name), Some(help));
            }
            files.sort();
            for f in files {
                let label = f.strip_prefix(&self.root).unwrap_or(&f).to_string_lossy().replace('\\', "/");
                out.push((f, label, input.format()));
            }
        }
        out
    }

    /// Everything that would be written, in memory.
    pub fn render(&self) -> Result<Generated, Error> {
        let (mut generated, report) = self.in_pool(|| self.render_in_pool())?;
        generated.timings = Some(report);
        Ok(generated)
    }

    fn render_in_pool(&self) -> Result<Generated, Error> {
        let (apis, diagnostics) = self.schema_in_pool()?;
        refuse_empty_apis(&self.config, &apis, &diagnostics)?;
        let template_dir = self.config.output.templates.as_ref().map(|d| self.root.join(d));
        if self.rerun_if_changed {
            if let Some(d) = &template_dir {
                for name in render::template_names() {
                    println!("cargo:rerun-if-changed={}", d.join(name).display());
                }
            }
        }
        let renderer = render::Renderer::new(template_dir.as_deref()).map_err(Error::Render)?;
        let mut files = Files::new();
        let mut notes = notes(&apis);
        let client = self.client.unwrap_or(self.config.output.client);
        let mut features = Vec::new();
        for api in &apis {
            let cfg = self.config.apis.iter().find(|a| a.name == api.name);
            let settings = render::Settings { query_arrays: cfg.map(|c| c.query_arrays).unwrap_or_default(), generator: GENERATOR.to_string(), client };
            let module = module_name(&api.name);
            let split = self.split_of(api, cfg);
            if split.is_some_and(|s| s.features) {
                features.push((api.name.clone(), render::split::plan(api).features()));
            }
            let code = renderer.render_api_files(api, &settings, &module, split.as_ref()).map_err(Error::Render)?;
            if !client {
                let all: String = code.iter().map(|(_, c)| c.as_str()).collect();
                notes.push(format!("{}: types only; dependencies: {}", api.name, types_only_dependencies(&all)));
            }
            files.extend(code);
        }
        // `--api X` regenerates X without touching the other APIs' files: they are kept
        // (neither stale nor drift), and so is an existing lib.rs, which lists them all.
        let out_dir = self.out_dir();
        let mut keep = std::collections::BTreeSet::new();
        let mut modules = Vec::new();
        let before = output::generated_files(&out_dir);
        for cfg in &self.config.apis {
            let module = module_name(&cfg.name);
            match apis.iter().find(|a| a.name == cfg.name) {
                Some(api) => modules.push((module, api.title.clone().unwrap_or_else(|| format!("the {} API", cfg.name)))),
                None => {
                    let file = format!("{module}.rs");
                    let tree = format!("{module}/mod.rs");
                    if out_dir.join(&file).is_file() || out_dir.join(&tree).is_file() {
                        modules.push((module.clone(), cfg.title.clone().unwrap_or_else(|| format!("the {} API", cfg.name))));
                    }
                    keep.insert(file);
                    keep.extend(before.iter().filter(|f| f.starts_with(&format!("{module}/"))).cloned());
                }
            }
        }
        if self.lib.unwrap_or(self.config.output.lib) {
            if !keep.is_empty() && out_dir.join("lib.rs").is_file() {
                keep.insert("lib.rs".into());
            } else {
                files.insert("lib.rs".into(), renderer.render_lib(&modules, GENERATOR, client).map_err(Error::Render)?);
            }
        }
        let features = self.features_table(&apis, features, &mut notes)?;
        timings::peak_rss_after("render");
        Ok(Generated { files, keep, diagnostics, notes, report: None, apis, timings: None, features })
    }

    /// How an API is written: one file (`None`) or split, with features when the config
    /// names the crate's manifest.
    fn split_of(&self, api: &Api, cfg: Option<&ApiConfig>) -> Option<render::SplitOptions> {
        let split = match cfg.and_then(|c| c.split).unwrap_or(self.config.output.split) {
            config::Split::Never => false,
            config::Split::Always => true,
            config::Split::Auto => api.operations.len() > render::split::AUTO_SPLIT_OPERATIONS,
        };
        split.then(|| render::SplitOptions { features: self.config.output.features.is_some() })
    }

    /// The manifest's `[features]` table with the groups of the split APIs (`None` when no
    /// manifest is configured). A configured manifest that does not exist yet (the output
    /// went elsewhere, or the crate is not made yet) is not created: a note prints the table.
    fn features_table(&self, apis: &[Api], features: Vec<features::ApiFeatures>, notes: &mut Vec<String>) -> Result<Option<features::Manifest>, Error> {
        let Some(path) = &self.config.output.features else { return Ok(None) };
        let path = self.root.join(path);
        // The APIs of this run: their old features go (an API written as one file has none).
        let rendered: Vec<String> = apis.iter().map(|a| a.name.clone()).collect();
        let update = |text: &str| features::update(text, &features, &rendered).map_err(|e| Error::Config(format!("{}: {e}", path.display())));
        if !path.exists() {
            if !features.is_empty() {
                notes.push(format!("features: {} does not exist; the crate building this output needs:\n{}", path.display(), update("")?.trim_end()));
            }
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Io(with_help(format!("cannot read {}: {e}", path.display()), "`[output] features` names the generated crate's Cargo.toml")))?;
        let after = update(&text)?;
        Ok(Some(features::Manifest { path, before: text, after }))
    }

    /// Write the `[features]` table when it changed; a build script cannot change the
    /// features of the build it runs in, so there a stale table is an error naming the fix.
    fn write_features(&self, generated: &Generated, report: &mut WriteReport) -> Result<(), Error> {
        let Some(m) = &generated.features else { return Ok(()) };
        let name = m.path.display().to_string();
        if m.before == m.after {
            report.unchanged.push(name);
        } else if self.rerun_if_changed {
            return Err(Error::Config(with_help(
                format!("the [features] table of {name} is not up to date with the API groups"),
                "run `docs2rs generate` (it rewrites that table) and build again",
            )));
        } else {
            output::write_atomic(&m.path, m.after.as_bytes()).map_err(|e| Error::Io(format!("cannot write {name}: {e}")))?;
            report.written.push(name);
        }
        Ok(())
    }

    /// Render and write to the output directory.
    pub fn generate(&self) -> Result<Generated, Error> {
        let (mut generated, report) = self.in_pool(|| {
            let mut generated = self.render_in_pool()?;
            let write = || output::write_all(&self.out_dir(), &generated.files, &generated.keep, self.force);
            let mut report = timings::time(Stage::Write, write).map_err(Error::Io)?;
            self.write_features(&generated, &mut report)?;
            generated.report = Some(report);
            timings::peak_rss_after("write");
            Ok(generated)
        })?;
        generated.timings = Some(report);
        Ok(generated)
    }

    /// Render in memory and compare with the output directory; writes nothing.
    pub fn check(&self) -> Result<(Generated, Vec<Drift>), Error> {
        output::not_a_file(&self.out_dir()).map_err(Error::Io)?;
        let ((mut generated, drift), report) = self.in_pool(|| {
            let generated = self.render_in_pool()?;
            let mut drift = output::check(&self.out_dir(), &generated.files, &generated.keep);
            if let Some(m) = generated.features.as_ref().filter(|m| m.before != m.after) {
                let name = m.path.display().to_string();
                drift.push(Drift { diff: output::diff(&name, &m.before, &m.after), file: name, kind: output::DriftKind::Changed });
            }
            Ok((generated, drift))
        })?;
        generated.timings = Some(report);
        Ok((generated, drift))
    }
}

/// One input file, read and parsed on the calling worker: its bytes live only as long as
/// its parse. Nothing when it cannot be read (the error is in the diagnostics).
fn read_and_parse(path: &Path, label: String, format: Option<parse::Format>) -> (Vec<parse::definition::prefer::Reading>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let read = match timings::time(Stage::Read, || std::fs::read(path)) {
        Ok(bytes) => parse::read_input(Some(path), &label, &bytes, format, &mut diags),
        Err(e) => {
            diags.error(Source::new(label, 0), format!("cannot read input: {e}"), None);
            Vec::new()
        }
    };
    (read, diags)
}

/// `cargo:warning=` lines for diagnostics: one per line of each (Cargo takes one line).
pub fn cargo_warnings(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .flat_map(|d| d.to_string().lines().map(|l| format!("cargo:warning={l}")).collect::<Vec<_>>())
        .collect()
}

/// The one-line reports of the APIs (what `wire_case = "auto"` chose, and why).
pub fn notes(apis: &[Api]) -> Vec<String> {
    let mut out: Vec<String> = apis.iter().filter_map(|a| a.wire_naming.as_ref().map(|n| format!("{}: {n}", a.name))).collect();
    out.extend(apis.iter().map(summary));
    out
}

/// The crates types-only output uses (it spells every path out: `::chrono::`).
fn types_only_dependencies(code: &str) -> String {
    let mut deps = vec!["serde (features \"derive\")"];
    if code.contains("::serde_json::") {
        deps.push("serde_json");
    }
    if code.contains("::chrono::") {
        deps.push("chrono (features \"serde\")");
    }
    deps.join(", ")
}

/// A client without operations or models is no client: fail rather than write (or
/// overwrite a good one with) an empty file. The schema alone may still be inspected.
fn refuse_empty_apis(config: &Config, apis: &[Api], diagnostics: &[Diagnostic]) -> Result<(), Error> {
    let mut all = diagnostics.to_vec();
    for api in apis.iter().filter(|a| a.operations.is_empty() && a.models.is_empty() && a.enums.is_empty()) {
        let source = config.apis.iter().find(|c| c.name == api.name).map(|c| c.config_source(false)).unwrap_or_default();
        all.push(Diagnostic {
            source,
            severity: Severity::Error,
            message: format!("API `{}` has no operations and no models (from {} page(s)); nothing written for it", api.name, api.sources.len()),
            hint: Some("the warnings say why each page yielded nothing; check that the inputs are the API's reference docs".to_string()),
        });
    }
    if all.len() == diagnostics.len() {
        return Ok(());
    }
    all.sort();
    Err(Error::Diagnostics(all))
}

/// `--only` matched no operation of any selected API: say so, with near names.
fn only_matches_nothing(patterns: &[String], names: &[String]) -> String {
    let words: Vec<String> = patterns.iter().map(|p| p.replace('*', "").to_lowercase()).filter(|w| !w.is_empty()).collect();
    let mut near: Vec<&str> = names.iter().filter(|n| words.iter().any(|w| n.contains(w.as_str()))).map(String::as_str).collect();
    near.sort_unstable();
    near.dedup();
    let help = match near.len() {
        0 => "patterns match operation names (snake_case, `*` for any text), e.g. `get_*`; `docs2rs schema` lists them".to_string(),
        n if n <= 8 => format!("operations with similar names: {}", near.join(", ")),
        n => format!("{n} operations contain `{}`, e.g. {}; use `*` to match several", words.join("`, `"), near[..8].join(", ")),
    };
    with_help(format!("--only {} matches no operation", patterns.join(" ")), help)
}

/// One line per API: what was read and what came of it.
pub fn summary(api: &Api) -> String {
    let fields: usize = api.models.iter().map(|m| m.fields.len()).sum::<usize>() + api.operations.iter().map(|o| o.params.len()).sum::<usize>();
    let empty = match api.empty_sources.as_slice() {
        [] => String::new(),
        [one] => format!(" (nothing from {one})"),
        many => format!(" ({} yielded nothing; see the warnings)", many.len()),
    };
    format!(
        "{}: {} page(s) read{empty}; {} operation(s), {} model(s), {} enum(s), {} field(s) and parameter(s)",
        api.name,
        api.sources.len(),
        api.operations.len(),
        api.models.iter().filter(|m| !m.undocumented).count(),
        api.enums.len(),
        fields
    )
}

/// A module (and file) name that is a Rust identifier and a safe, portable file name.
pub fn module_name(api: &str) -> String {
    let m = naming::snake(api, "api");
    const WINDOWS_RESERVED: &[&str] = &[
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
        "lpt7", "lpt8", "lpt9", "lib", "mod", "main",
    ];
    if WINDOWS_RESERVED.contains(&m.as_str()) { format!("{m}_api") } else { m }
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect_dir(&p, out);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| DOC_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            // JSON and YAML files only when they are Swagger/OpenAPI definitions.
            || parse::definition::is_definition_file(&p)
        {
            out.push(p);
        }
    }
}
