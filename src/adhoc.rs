//! Finishing pages that state no method or path: the `--operation` flag, and the overlay
//! such a page needs, with only the keys it lacks, filled from what it does state.

use crate::config::{ApiConfig, Config, Input, OperationOverlay, WireCase};
use crate::schema::{AuthScheme, Location, Method, Operation};
use std::path::{Path, PathBuf};

/// Marks the parts of a suggested path the user must fill in; an overlay path still
/// holding it is not applied (a pasted suggestion never becomes a real request).
pub const TO_FILL: char = '…';

const FLAG_USAGE: &str = "expected MATCH=METHOD /path, e.g. 'page.txt=POST /workspaces/{workspaceId}/tasks'";

/// What the command line says about the API: `--input`, `--name`, `--base-url`,
/// `--wire-case`, `--auth`, `--operation`.
#[derive(Debug, Clone, Default)]
pub struct CommandLine {
    pub inputs: Vec<PathBuf>,
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub wire_case: Option<WireCase>,
    pub auth: Option<AuthScheme>,
    pub operations: Vec<OperationOverlay>,
}

impl CommandLine {
    /// Applies the flags to the API they are about: the one `--api` names, the only one
    /// configured, or a new one when the config has none. `--input` replaces its inputs
    /// (relative to the working directory, while `root` is the config's directory).
    /// Returns that API's name.
    pub fn apply(&self, config: &mut Config, picked: &[String], root: &Path) -> Result<String, String> {
        let names = || config.apis.iter().map(|a| format!("`{}`", a.name)).collect::<Vec<_>>().join(", ");
        let index = match picked {
            [] if config.apis.len() <= 1 => 0,
            [] => return Err(format!("the flags apply to one API and the config has {}: {}; choose one with --api NAME", config.apis.len(), names())),
            [one] => match config.apis.iter().position(|a| &a.name == one) {
                Some(i) => i,
                None if config.apis.is_empty() => 0,
                None => return Err(format!("no API named `{one}` in the configuration; configured: {}", names())),
            },
            _ => return Err("the flags apply to one API; give --api once".into()),
        };
        if config.apis.is_empty() {
            config.apis.push(ApiConfig::new(picked.first().or(self.name.as_ref()).map_or("api", String::as_str)));
        }
        let api = &mut config.apis[index];
        if !self.inputs.is_empty() {
            api.inputs = self.inputs.iter().map(|i| Input::Path(relative_to(i, root))).collect();
            api.command_line = true;
        }
        if let Some(n) = &self.name {
            api.name = n.clone();
        }
        if let Some(b) = &self.base_url {
            api.base_url = Some(b.clone());
        }
        api.wire_case = self.wire_case.unwrap_or(api.wire_case);
        api.auth = self.auth.unwrap_or(api.auth);
        api.operations.extend(self.operations.iter().cloned());
        Ok(api.name.clone())
    }
}

/// A path given relative to the working directory, as the config's `root` sees it.
pub(crate) fn relative_to(path: &Path, root: &Path) -> PathBuf {
    if path.is_absolute() || root == Path::new(".") || root.as_os_str().is_empty() {
        return path.to_path_buf();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let (abs, root) = (cwd.join(path), cwd.join(root));
    abs.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(abs)
}

/// `page.txt=POST /workspaces/{workspaceId}/tasks`; either half of the route may be left
/// out (`page.txt=/path`, `create_task=POST`).
pub fn parse_operation_flag(flag: &str) -> Result<OperationOverlay, String> {
    let (matches, route) = flag.split_once('=').ok_or_else(|| format!("`{flag}`: {FLAG_USAGE}"))?;
    let mut ov = OperationOverlay { matches: matches.trim().to_string(), from_flag: true, ..Default::default() };
    for word in route.split_whitespace() {
        if word.starts_with('/') && ov.path.is_none() {
            ov.path = Some(word.to_string());
        } else if let Some(m) = Method::parse(word).filter(|_| ov.method.is_none()) {
            ov.method = Some(m);
        } else {
            return Err(format!("`{word}` in `{flag}` is not an HTTP method or a path starting with `/`; {FLAG_USAGE}"));
        }
    }
    if ov.matches.is_empty() || (ov.method.is_none() && ov.path.is_none()) {
        return Err(format!("`{flag}`: {FLAG_USAGE}"));
    }
    Ok(ov)
}

/// What an overlay must add to make an operation callable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The overlay's `match`: the page's file name (a longer path suffix when file names
    /// repeat), or the operation's name when its page documents other operations too.
    pub matches: String,
    /// The method the page states, or a guess from the operation's name.
    pub method: Method,
    pub method_stated: bool,
    /// The path the page states, or `/…/{param}` from the path parameters it documents.
    pub path: String,
    pub path_stated: bool,
    /// The operation's name, for the comment on a guessed method.
    pub name: String,
}

impl Missing {
    /// `sources` are every input label of the API; `same_page` counts the operations
    /// (routable or not) read from this operation's page.
    pub fn of(op: &Operation, sources: &[String], same_page: usize) -> Missing {
        let holes: String = op.params.iter().filter(|p| p.location == Location::Path).map(|p| format!("/{{{}}}", p.name)).collect();
        Missing {
            matches: if same_page > 1 { op.name.clone() } else { unique_suffix(&op.source.file, sources) },
            method: op.method.unwrap_or_else(|| guess_method(&op.name)),
            method_stated: op.method.is_some(),
            path: op.path.clone().unwrap_or_else(|| format!("/{TO_FILL}{holes}")),
            path_stated: op.path.is_some(),
            name: op.name.clone(),
        }
    }

    /// The overlay's keys after `match`, one per line: only the ones the page lacks.
    pub fn toml_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        if !self.method_stated {
            keys.push(format!("method = \"{}\"   # a guess from the name `{}`: the page states no method", self.method.as_str(), self.name));
        }
        if !self.path_stated {
            keys.push(format!("path = {}   # replace {TO_FILL} with the real path segments", quoted(&self.path)));
        }
        keys
    }

    /// A whole `[[api.operation]]` table.
    pub fn toml_table(&self) -> String {
        let mut lines = vec!["[[api.operation]]".to_string(), format!("match = {}", quoted(&self.matches))];
        lines.extend(self.toml_keys());
        lines.join("\n")
    }

    /// The same overlay as a command-line flag.
    pub fn flag(&self) -> String {
        format!("--operation '{}={} {}'", self.matches, self.method.as_str(), self.path)
    }
}

/// The hint for an operation that is not generated: where its overlay goes and what it says.
pub fn unroutable_hint(missing: &Missing, cfg: &ApiConfig, existing: Option<&OperationOverlay>) -> String {
    let indent = |lines: Vec<String>| lines.iter().map(|l| format!("\n    {l}")).collect::<String>();
    let in_file = match existing.filter(|ov| !ov.from_flag) {
        Some(ov) => format!("add to the [[api.operation]] at {}:{}:{}", cfg.config_label(), ov.line, indent(missing.toml_keys())),
        None => {
            format!("add to {} under [[api]] name = \"{}\":{}", cfg.config_label(), cfg.name, indent(missing.toml_table().lines().map(String::from).collect()))
        }
    };
    match (cfg.command_line, &cfg.config_file) {
        (false, _) => in_file,
        (true, None) => format!("run again with{} (replace {TO_FILL} with the real path segments)", indent(vec![missing.flag()])),
        (true, Some(_)) => format!("run again with{}\n  or {in_file}", indent(vec![missing.flag()])),
    }
}

/// Hints written for config files, in a run that has none (`--input` alone): say how to
/// get one for these inputs, and that an overlay can also be a `--operation` flag.
pub fn point_hints_at_a_config<'a>(hints: impl Iterator<Item = &'a mut Option<String>>, cfg: &ApiConfig) {
    let inputs: Vec<String> = cfg.inputs.iter().map(|i| i.path().display().to_string()).collect();
    for hint in hints.flatten() {
        let overlay = hint.contains("[[api.operation]]");
        if !overlay && !hint.contains("docs2rs.toml") && !hint.contains("[api.") {
            continue;
        }
        let init = format!("`docs2rs init --input {}`", inputs.join(" "));
        hint.push_str(&if overlay {
            format!("; without a config file, pass `--operation 'FILE=METHOD /path'`, or run {init} to write one for these inputs")
        } else {
            format!("; without a config file, {init} writes one for these inputs")
        });
    }
}

/// A TOML basic string (a JSON string uses the same escapes).
pub(crate) fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// The shortest `/`-separated suffix of `file` that no other source ends with.
fn unique_suffix(file: &str, sources: &[String]) -> String {
    let parts: Vec<&str> = file.split(['/', '\\']).collect();
    for start in (0..parts.len()).rev() {
        let suffix = parts[start..].join("/");
        let hits = sources.iter().filter(|s| s.as_str() == suffix || s.ends_with(&format!("/{suffix}"))).count();
        if hits <= 1 {
            return suffix;
        }
    }
    file.to_string()
}

/// REST habit by the name's first word; `GET` when the name says nothing.
fn guess_method(name: &str) -> Method {
    match name.split('_').next().unwrap_or_default() {
        "create" | "add" | "post" | "new" | "send" | "upload" | "start" | "run" => Method::Post,
        "delete" | "remove" | "destroy" | "cancel" => Method::Delete,
        "update" | "replace" | "put" | "set" => Method::Put,
        "patch" | "modify" | "edit" => Method::Patch,
        _ => Method::Get,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_hints_in_a_run_without_config_say_how_to_get_one() {
        let cfg = ApiConfig::new("api").with_input("docs").with_input("more.md");
        let mut hints =
            [Some("set the types under [api.types] in docs2rs.toml (`\"op.param\" = \"integer\"`)".to_string()), Some("remove the page".to_string()), None];
        point_hints_at_a_config(hints.iter_mut(), &cfg);
        assert_eq!(
            hints[0].as_deref(),
            Some(
                "set the types under [api.types] in docs2rs.toml (`\"op.param\" = \"integer\"`); without a config file, `docs2rs init --input docs more.md` writes one for these inputs"
            )
        );
        assert_eq!((hints[1].as_deref(), hints[2].as_deref()), (Some("remove the page"), None));
    }

    #[test]
    fn the_flag_takes_a_method_and_a_path_in_either_order_or_one_of_them() {
        let ov = parse_operation_flag("page.txt=POST /workspaces/{workspaceId}/tasks").unwrap();
        assert_eq!((ov.matches.as_str(), ov.method, ov.path.as_deref()), ("page.txt", Some(Method::Post), Some("/workspaces/{workspaceId}/tasks")));
        assert_eq!(parse_operation_flag("p=/x get").unwrap().method, Some(Method::Get));
        assert_eq!(parse_operation_flag("p=/x").unwrap().method, None);
        assert_eq!(
            parse_operation_flag("page.txt=POSTED /x").unwrap_err(),
            "`POSTED` in `page.txt=POSTED /x` is not an HTTP method or a path starting with `/`; expected MATCH=METHOD /path, e.g. 'page.txt=POST /workspaces/{workspaceId}/tasks'"
        );
        assert!(parse_operation_flag("page.txt").is_err());
        assert!(parse_operation_flag("=POST /x").is_err());
        assert!(parse_operation_flag("p=").is_err());
    }

    #[test]
    fn the_match_is_the_shortest_unique_file_suffix() {
        let sources = ["a/index.txt".to_string(), "b/index.txt".to_string(), "b/other.txt".to_string()];
        assert_eq!(unique_suffix("b/index.txt", &sources), "b/index.txt");
        assert_eq!(unique_suffix("b/other.txt", &sources), "other.txt");
    }

    #[test]
    fn a_method_is_guessed_from_the_first_word_of_the_name() {
        assert_eq!(guess_method("create_task"), Method::Post);
        assert_eq!(guess_method("delete_widget"), Method::Delete);
        assert_eq!(guess_method("chrome_only"), Method::Get);
    }
}
