//! `docs2rs.toml`: which documents make which API, and the facts the documents omit.

use crate::parse::Format;
use crate::schema::{AuthScheme, Method};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub output: Output,
    #[serde(default, rename = "api")]
    pub apis: Vec<ApiConfig>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// Directory the per-API files (and `lib.rs`, when `lib` is true) are written to.
    #[serde(default = "default_out_dir")]
    pub dir: PathBuf,
    /// Also write a `lib.rs` declaring one module per API.
    #[serde(default = "yes")]
    pub lib: bool,
    /// A directory whose `*.jinja` files replace the embedded templates of the same name.
    #[serde(default)]
    pub templates: Option<PathBuf>,
    /// Write the client (`Client`, `params`, `Error`, needing reqwest); `false` writes the
    /// models and enums only, which need serde (plus serde_json and chrono when used).
    #[serde(default = "yes")]
    pub client: bool,
    /// One file per API (`never`), a module tree per API with one module per group of
    /// operations (`always`), or a tree for APIs with more than 200 operations (`auto`).
    #[serde(default)]
    pub split: Split,
    /// The generated crate's `Cargo.toml`: split APIs get one Cargo feature per group, and
    /// docs2rs keeps that manifest's `[features]` table up to date (nothing else in it).
    #[serde(default)]
    pub features: Option<PathBuf>,
}

impl Default for Output {
    fn default() -> Self {
        Output { dir: default_out_dir(), lib: true, templates: None, client: true, split: Split::Auto, features: None }
    }
}

/// Whether an API is written as one file or as a module tree (see `docs2rs::render::split`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// Split APIs with more than 200 operations.
    #[default]
    Auto,
    Always,
    Never,
}

fn default_out_dir() -> PathBuf {
    PathBuf::from("generated/src")
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    /// Module name of the API in the output (`purecloud` → `purecloud.rs`).
    pub name: String,
    /// Files or directories (read recursively, in sorted order).
    pub inputs: Vec<Input>,
    /// Human name of the API for docs (default: the title of its first API page).
    #[serde(default)]
    pub title: Option<String>,
    /// Overrides a base URL stated in the docs. May contain `{variables}`.
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub server_variables: BTreeMap<String, ServerVariable>,
    #[serde(default)]
    pub auth: AuthScheme,
    /// How wire names are derived from documented names (default: learned, `auto`).
    #[serde(default)]
    pub wire_case: WireCase,
    /// How array query parameters are sent.
    #[serde(default)]
    pub query_arrays: QueryArrayStyle,
    /// Single wire-name overrides: `"Model.field" = "wire"`, `"operation.param" = "wire"`,
    /// or a bare `"field" = "wire"` applying everywhere.
    #[serde(default)]
    pub wire_names: BTreeMap<String, String>,
    /// Type overrides where the docs are vague or wrong: `"Model.field"`,
    /// `"operation.param"` or `"operation.returns"` → a type in any SDK spelling
    /// (`"Array<Tag>"`, `"string"`, `"map[string]int64"`, a model name).
    #[serde(default)]
    pub types: BTreeMap<String, String>,
    /// Where a parameter travels, when the docs do not say (SDK docs never show header
    /// parameters): `"operation.param" = "header" | "query" | "path" | "body"`.
    #[serde(default)]
    pub locations: BTreeMap<String, crate::schema::Location>,
    /// Generate `…_stream` methods for list operations that match a paging pattern
    /// (default: on); `paginate` on an operation overlay decides for that operation.
    #[serde(default)]
    pub paginate: Option<bool>,
    /// Overrides `[output] split` for this API.
    #[serde(default)]
    pub split: Option<Split>,
    /// Facts the pages omit, per operation.
    #[serde(default, rename = "operation")]
    pub operations: Vec<OperationOverlay>,
    /// The live site `docs2rs pull` refreshes this API's docs from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull: Option<PullSite>,
    /// The config file this came from, for diagnostics (`docs2rs.toml` when built in code).
    #[serde(skip)]
    pub config_file: Option<String>,
    /// The inputs came from `--input`: hints name `--operation` flags.
    #[serde(skip)]
    pub command_line: bool,
    /// Lines of this API's `[[api]]` header and of its `inputs` key in the config file,
    /// for diagnostics (0 when built in code or given on the command line).
    #[serde(skip)]
    pub line: u32,
    #[serde(skip)]
    pub inputs_line: u32,
}

impl ApiConfig {
    /// Where diagnostics about this API's configuration point.
    pub fn config_label(&self) -> &str {
        self.config_file.as_deref().unwrap_or("docs2rs.toml")
    }

    /// The `[[api]]` table (`inputs`: its `inputs` key) in the config file it came from;
    /// no location when it was built in code.
    pub fn config_source(&self, inputs: bool) -> crate::schema::Source {
        let line = if inputs && self.inputs_line > 0 && !self.command_line { self.inputs_line } else { self.line };
        crate::schema::Source::new(self.config_file.clone().unwrap_or_default(), line)
    }
}

/// `pull = { url = "https://example.com/docs/", include = [...], exclude = [...] }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullSite {
    /// Where the crawl starts; pages under its path prefix are pulled.
    pub url: String,
    /// robots.txt-style patterns (`*`, a final `$`) on the URL path: pull the pages
    /// matching one instead of those under the start URL's prefix.
    #[serde(default)]
    pub include: Vec<String>,
    /// Patterns of pages not to pull.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Folder the pages are saved in (default: the API's first input).
    #[serde(default)]
    pub dir: Option<PathBuf>,
    /// Pages requested at most (default 1000).
    #[serde(default)]
    pub max_pages: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Input {
    Path(PathBuf),
    Detailed {
        path: PathBuf,
        #[serde(default)]
        format: Option<Format>,
    },
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::Path(p) | Input::Detailed { path: p, .. } => p,
        }
    }
    pub fn format(&self) -> Option<Format> {
        match self {
            Input::Path(_) => None,
            Input::Detailed { format, .. } => *format,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerVariable {
    #[serde(default)]
    pub default: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WireCase {
    /// Learned from the docs: path placeholders against documented parameter names
    /// (`{userId}` for `user_id`: camelCase). The choice is reported in one line.
    #[default]
    Auto,
    /// Wire names are exactly as documented.
    AsDocumented,
    /// `primary_contact_info` → `primaryContactInfo`.
    Camel,
    /// `primaryContactInfo` → `primary_contact_info`.
    Snake,
    /// `primary_contact_info` → `PrimaryContactInfo`.
    Pascal,
    /// `primary_contact_info` → `primary-contact-info`.
    Kebab,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueryArrayStyle {
    /// `?expand=a&expand=b`
    #[default]
    Repeat,
    /// `?expand=a,b`
    Comma,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationOverlay {
    /// Matches an operation by its documented name, its title/summary, or the file name
    /// (or a path suffix) of the page it came from.
    #[serde(rename = "match")]
    pub matches: String,
    /// Rename the generated method (snake_case).
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub method: Option<Method>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub deprecated: Option<bool>,
    /// `false`: no `…_stream` method even if the operation pages; `true`: expect one (a
    /// warning when no paging pattern matches).
    #[serde(default)]
    pub paginate: Option<bool>,
    /// The group (module and Cargo feature of split output) the operation goes in.
    #[serde(default)]
    pub group: Option<String>,
    /// Where this overlay is in the config file, for diagnostics (0 when built in code).
    #[serde(skip)]
    pub line: u32,
    /// Given as `--operation` on the command line, not in a config file.
    #[serde(skip)]
    pub from_flag: bool,
}

impl Config {
    pub fn from_toml(text: &str) -> Result<Config, String> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        locate_overlays(&mut cfg, text);
        locate_apis(&mut cfg, text);
        let mut seen = std::collections::BTreeSet::new();
        for api in &cfg.apis {
            if !seen.insert(api.name.as_str()) {
                return Err(format!("API `{}` is configured twice", api.name));
            }
        }
        Ok(cfg)
    }

    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut cfg = Config::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let label = path.to_string_lossy().replace('\\', "/");
        for api in &mut cfg.apis {
            api.config_file = Some(label.clone());
        }
        Ok(cfg)
    }
}

/// Overlays carry their line so diagnostics can point at them; found by scanning for
/// each `[[api.operation]]` header in order, which is how TOML orders them too.
fn locate_overlays(cfg: &mut Config, text: &str) {
    let mut lines = text.lines().enumerate().filter(|(_, l)| l.trim_start().starts_with("[[api.operation]]")).map(|(i, _)| i as u32 + 1);
    for api in &mut cfg.apis {
        for ov in &mut api.operations {
            ov.line = lines.next().unwrap_or(0);
        }
    }
}

/// Each API carries the line of its `[[api]]` header and of the `inputs` key in that
/// table (before the next table header), found the same way.
fn locate_apis(cfg: &mut Config, text: &str) {
    let lines: Vec<&str> = text.lines().map(str::trim_start).collect();
    let mut headers = lines.iter().enumerate().filter(|(_, l)| l.starts_with("[[api]]")).map(|(i, _)| i);
    for api in &mut cfg.apis {
        let Some(at) = headers.next() else { break };
        api.line = at as u32 + 1;
        let table = lines[at + 1..].iter().take_while(|l| !l.starts_with('['));
        let inputs = table.enumerate().find(|(_, l)| l.strip_prefix("inputs").is_some_and(|r| r.trim_start().starts_with('=')));
        api.inputs_line = inputs.map_or(0, |(i, _)| (at + 2 + i) as u32);
    }
}

/// Builder-style construction for build scripts that do not use a config file.
impl ApiConfig {
    pub fn new(name: impl Into<String>) -> Self {
        ApiConfig { name: name.into(), ..Default::default() }
    }
    pub fn with_input(mut self, path: impl Into<PathBuf>) -> Self {
        self.inputs.push(Input::Path(path.into()));
        self
    }
    pub fn with_input_format(mut self, path: impl Into<PathBuf>, format: Format) -> Self {
        self.inputs.push(Input::Detailed { path: path.into(), format: Some(format) });
        self
    }
    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }
    pub fn with_auth(mut self, auth: AuthScheme) -> Self {
        self.auth = auth;
        self
    }
    pub fn with_wire_case(mut self, case: WireCase) -> Self {
        self.wire_case = case;
        self
    }
    pub fn with_query_arrays(mut self, style: QueryArrayStyle) -> Self {
        self.query_arrays = style;
        self
    }
    pub fn with_wire_name(mut self, key: impl Into<String>, wire: impl Into<String>) -> Self {
        self.wire_names.insert(key.into(), wire.into());
        self
    }
    pub fn with_type(mut self, key: impl Into<String>, spelling: impl Into<String>) -> Self {
        self.types.insert(key.into(), spelling.into());
        self
    }
    pub fn with_split(mut self, split: Split) -> Self {
        self.split = Some(split);
        self
    }
    pub fn with_location(mut self, key: impl Into<String>, location: crate::schema::Location) -> Self {
        self.locations.insert(key.into(), location);
        self
    }
    pub fn with_operation(mut self, overlay: OperationOverlay) -> Self {
        self.operations.push(overlay);
        self
    }
}

/// Hints written for config files, for an API built in code (a build script without a
/// config file): name the `ApiConfig` method that takes the same setting.
pub fn point_hints_at_the_builder<'a>(hints: impl Iterator<Item = &'a mut Option<String>>) {
    const METHODS: [(&str, &str); 5] = [
        ("[api.types]", "with_type"),
        ("[api.locations]", "with_location"),
        ("[api.wire_names]", "with_wire_name"),
        ("[[api.operation]]", "with_operation"),
        ("`base_url`", "with_base_url"),
    ];
    for hint in hints.flatten() {
        let methods: Vec<String> = METHODS.iter().filter(|(key, _)| hint.contains(key)).map(|(_, m)| format!("`ApiConfig::{m}`")).collect();
        if !methods.is_empty() {
            hint.push_str(&format!("; in code, {} takes this setting", methods.join(" or ")));
        }
    }
}
