//! Finishing a page that states no path from the command line: the hint, `--operation`,
//! `--config` with `--input`, and `docs2rs init`. Exact stderr and exit codes.

use std::path::{Path, PathBuf};
use std::process::Command;

const PAGE: &str = "create-task.fern.txt";

fn docs2rs(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_docs2rs"));
    c.current_dir(dir);
    c
}

/// A scratch directory holding the fixture page (POST, a `workspaceId` path parameter, no path).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docs2rs-adhoc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adhoc").join(PAGE), dir.join(PAGE)).unwrap();
    dir
}

fn run(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().expect("docs2rs runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

const CONFIG_TAIL: &str = r#"name = "api"   # the module name
# format fern (detected from content): create-task.fern.txt
inputs = ["create-task.fern.txt"]   # files or folders: SDK docs/, saved pages (.html, .txt, .md)
# base_url = "https://api.example.com"   # the docs state none: set it
auth = "bearer"   # create-task.fern.txt mentions Bearer tokens
wire_case = "auto"   # here: wire names as documented (no path placeholders to learn from); name a rule to pin it

# create-task.fern.txt:1: `create_task` is not generated until this overlay is complete.
[[api.operation]]
match = "create-task.fern.txt"
path = "/…/{workspaceId}"   # replace … with the real path segments
"#;

fn config_head(out_dir: &str) -> String {
    format!(
        "# docs2rs.toml for these docs, by docs2rs {}. Paths are relative to this file.\n\
         # `docs2rs generate` writes the client; `docs2rs check` says whether it is up to date.\n\n\
         [output]\ndir = \"{out_dir}\"   # where <api>.rs and lib.rs are written\n\n[[api]]\n",
        env!("CARGO_PKG_VERSION")
    )
}

#[test]
fn a_page_without_a_path_gets_the_flag_to_finish_it_and_a_pasteable_config() {
    let dir = scratch("hint");
    let (code, err) = run(docs2rs(&dir).args(["generate", "--input", PAGE, "--out", "out"]));
    assert_eq!(code, 0, "{err}");
    let expected = format!(
        "create-task.fern.txt:1: warning: operation `create_task` not generated: the page does not state its HTTP path; its parameters are kept for an overlay
  = help: run again with
    --operation 'create-task.fern.txt=POST /…/{{workspaceId}}' (replace … with the real path segments)
api: wire names as documented (no path placeholders to learn from)
api: 1 page(s) read; 0 operation(s), 2 model(s), 0 enum(s), 4 field(s) and parameter(s)
docs2rs: 2 file(s) in out: 2 written, 0 unchanged, 0 removed; 1 warning(s)
docs2rs: or keep the settings in a file: save this as docs2rs.toml, replace each …, and run `docs2rs generate`:

{}{CONFIG_TAIL}
",
        config_head("out")
    );
    assert_eq!(err, expected);
}

#[test]
fn the_operation_flag_finishes_the_page() {
    let dir = scratch("flag");
    let (code, err) =
        run(docs2rs(&dir).args(["generate", "--input", PAGE, "--out", "out", "--operation", "create-task.fern.txt=POST /workspaces/{workspaceId}/tasks"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "api: wire names as documented (from 1 path placeholder)
api: 1 page(s) read; 1 operation(s), 2 model(s), 0 enum(s), 6 field(s) and parameter(s)
docs2rs: 2 file(s) in out: 2 written, 0 unchanged, 0 removed; 0 warning(s)
"
    );
    let code_rs = std::fs::read_to_string(dir.join("out/api.rs")).unwrap();
    assert!(code_rs.contains("pub async fn create_task(") && code_rs.contains("`POST /workspaces/{workspaceId}/tasks`"));
}

#[test]
fn a_malformed_operation_flag_is_a_usage_error() {
    let dir = scratch("badflag");
    let (code, err) = run(docs2rs(&dir).args(["generate", "--input", PAGE, "--out", "out", "--operation", "create-task.fern.txt=POSTED /x"]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: invalid value 'create-task.fern.txt=POSTED /x' for '--operation <MATCH=METHOD PATH>': `POSTED` in `create-task.fern.txt=POSTED /x` is not an HTTP method or a path starting with `/`; expected MATCH=METHOD /path, e.g. 'page.txt=POST /workspaces/{workspaceId}/tasks'

For more information, try '--help'.
"
    );
    assert!(!dir.join("out").exists(), "nothing written");
}

#[test]
fn an_overlay_path_still_holding_the_placeholder_is_not_applied() {
    let dir = scratch("unfilled");
    let (code, err) =
        run(docs2rs(&dir).args(["generate", "--quiet", "--input", PAGE, "--out", "out", "--operation", "create-task.fern.txt=POST /…/{workspaceId}"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("docs2rs: 2 file(s) in out: 2 written, 0 unchanged, 0 removed; 2 warning(s)\n"), "{err}");
    let (code, err) = run(docs2rs(&dir).args(["generate", "--input", PAGE, "--out", "out", "--operation", "create-task.fern.txt=/…/{workspaceId}"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with(
            "--operation: warning: the path `/…/{workspaceId}` of overlay `create-task.fern.txt` still holds `…`; not applied
  = help: replace `…` with the real path segments from the API's reference
create-task.fern.txt:1: warning: operation `create_task` not generated"
        ),
        "{err}"
    );
}

const TASKS_CONFIG: &str = r#"[output]
dir = "out"

[[api]]
name = "tasks"
inputs = ["docs"]
base_url = "https://api.example.com/v1"
auth = "bearer"
"#;

#[test]
fn config_with_input_applies_the_configs_settings_and_overlays_to_the_inputs() {
    let dir = scratch("config-input");
    let overlay = "\n[[api.operation]]\nmatch = \"create-task.fern.txt\"\npath = \"/workspaces/{workspaceId}/tasks\"\n";
    std::fs::write(dir.join("docs2rs.toml"), format!("{TASKS_CONFIG}{overlay}")).unwrap();
    let (code, err) = run(docs2rs(&dir).args(["generate", "--config", "docs2rs.toml", "--input", PAGE]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "tasks: wire names as documented (from 1 path placeholder)
tasks: 1 page(s) read; 1 operation(s), 2 model(s), 0 enum(s), 6 field(s) and parameter(s)
docs2rs: 2 file(s) in ./out: 2 written, 0 unchanged, 0 removed; 0 warning(s)
"
    );
    let code_rs = std::fs::read_to_string(dir.join("out/tasks.rs")).unwrap();
    assert!(code_rs.contains("\"https://api.example.com/v1\"") && code_rs.contains("pub async fn create_task("));
}

#[test]
fn config_with_input_hints_at_the_flag_and_at_the_config() {
    let dir = scratch("config-hint");
    std::fs::write(dir.join("docs2rs.toml"), TASKS_CONFIG).unwrap();
    let (code, err) = run(docs2rs(&dir).args(["generate", "--config", "docs2rs.toml", "--input", PAGE]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        r#"create-task.fern.txt:1: warning: operation `create_task` not generated: the page does not state its HTTP path; its parameters are kept for an overlay
  = help: run again with
    --operation 'create-task.fern.txt=POST /…/{workspaceId}'
  or add to docs2rs.toml under [[api]] name = "tasks":
    [[api.operation]]
    match = "create-task.fern.txt"
    path = "/…/{workspaceId}"   # replace … with the real path segments
tasks: wire names as documented (no path placeholders to learn from)
tasks: 1 page(s) read; 0 operation(s), 2 model(s), 0 enum(s), 4 field(s) and parameter(s)
docs2rs: 2 file(s) in ./out: 2 written, 0 unchanged, 0 removed; 1 warning(s)
"#
    );
}

#[test]
fn flags_for_one_api_ask_which_when_the_config_has_several() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, err) = run(docs2rs(repo).args(["check", "--operation", "x.txt=GET /x"]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: the flags apply to one API and the config has 7: `purecloud`, `awork`, `commpeak`, `podcast`, `bookshelf`, `lending`, `profiles`; choose one with --api NAME\n"
    );
}

#[test]
fn init_writes_a_config_that_generates_the_page_once_the_overlay_is_filled() {
    let dir = scratch("init");
    let (code, err) = run(docs2rs(&dir).args(["init", "--input", PAGE]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "docs2rs: wrote docs2rs.toml for 1 page(s): 0 operation(s), 2 model(s); fill in the 1 overlay(s) for pages without a method or path; then run `docs2rs generate`\n"
    );
    let config = std::fs::read_to_string(dir.join("docs2rs.toml")).unwrap();
    assert_eq!(config, format!("{}{CONFIG_TAIL}", config_head("generated/src")));
    std::fs::write(dir.join("docs2rs.toml"), config.replace("/…/{workspaceId}", "/workspaces/{workspaceId}/tasks")).unwrap();
    let (code, err) = run(docs2rs(&dir).arg("generate"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "api: wire names as documented (from 1 path placeholder)
api: 1 page(s) read; 1 operation(s), 2 model(s), 0 enum(s), 6 field(s) and parameter(s)
docs2rs: 2 file(s) in ./generated/src: 2 written, 0 unchanged, 0 removed; 0 warning(s)
"
    );
    let code_rs = std::fs::read_to_string(dir.join("generated/src/api.rs")).unwrap();
    assert!(code_rs.contains("pub async fn create_task(") && code_rs.contains("pub fn with_bearer_token("), "bearer auth from the page");
}

#[test]
fn init_does_not_overwrite_a_config_without_force() {
    let dir = scratch("init-force");
    std::fs::write(dir.join("docs2rs.toml"), "# mine\n").unwrap();
    let (code, err) = run(docs2rs(&dir).args(["init", "--input", PAGE]));
    assert_eq!(code, 2);
    assert_eq!(err, "error: docs2rs.toml already exists; pass --force to overwrite it\n");
    assert_eq!(std::fs::read_to_string(dir.join("docs2rs.toml")).unwrap(), "# mine\n");
    let (code, err) = run(docs2rs(&dir).args(["init", "--force", "--input", PAGE]));
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(dir.join("docs2rs.toml")).unwrap().contains("match = \"create-task.fern.txt\""));
}

#[test]
fn init_into_another_directory_writes_inputs_relative_to_the_config() {
    let dir = scratch("init-sub");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let (code, err) = run(docs2rs(&dir).args(["init", "--out", "sub/docs2rs.toml", "--input", PAGE]));
    assert_eq!(code, 0, "{err}");
    let config = std::fs::read_to_string(dir.join("sub/docs2rs.toml")).unwrap();
    let abs = dir.join(PAGE).to_string_lossy().replace('\\', "/");
    assert!(config.contains(&format!("inputs = [\"{abs}\"]")), "{config}");
}

#[test]
fn a_config_overlay_that_lacks_the_path_gets_only_the_path_added() {
    let dir = scratch("overlay-keys");
    let config = "[[api]]\nname = \"tasks\"\ninputs = [\"create-task.fern.txt\"]\n\n[[api.operation]]\nmatch = \"create-task.fern.txt\"\nname = \"add_task\"\n";
    std::fs::write(dir.join("docs2rs.toml"), config).unwrap();
    let (code, err) = run(docs2rs(&dir).args(["generate", "--out", "out"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with(
            "create-task.fern.txt:1: warning: operation `create_task` not generated: the page does not state its HTTP path; its parameters are kept for an overlay
  = help: add to the [[api.operation]] at docs2rs.toml:5:
    path = \"/…/{workspaceId}\"   # replace … with the real path segments
"
        ),
        "{err}"
    );
}

#[test]
fn init_without_inputs_writes_a_skeleton_and_says_what_to_add() {
    let dir = scratch("init-empty");
    let (code, err) = run(docs2rs(&dir).arg("init"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "docs2rs: wrote docs2rs.toml; list your docs under `inputs` (or run `docs2rs init --input PATH...`), then run `docs2rs generate`\n");
    let config = std::fs::read_to_string(dir.join("docs2rs.toml")).unwrap();
    assert!(config.contains("\ninputs = []   # files or folders"), "{config}");
}

/// A build script without a config file: the hint names the `ApiConfig` method.
#[test]
fn a_build_script_hint_names_the_api_config_method() {
    use docs2rs::Generator;
    use docs2rs::config::ApiConfig;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adhoc");
    let (_, diagnostics) = Generator::new().with_root(dir).with_api(ApiConfig::new("api").with_input(PAGE)).schema().expect("reads");
    let hints: Vec<&str> = diagnostics.iter().filter_map(|d| d.hint.as_deref()).collect();
    assert!(hints.iter().any(|h| h.ends_with("; in code, `ApiConfig::with_operation` takes this setting")), "{hints:#?}");
}
