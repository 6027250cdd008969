//! The CLI contract: generate, check (drift → exit 1 with a diff), schema, ad-hoc mode.

use std::path::{Path, PathBuf};
use std::process::Command;

fn docs2rs() -> Command {
    Command::new(env!("CARGO_BIN_EXE_docs2rs"))
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch copy of the seeds and config, so tests can edit them.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docs2rs-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&repo().join("seeds"), &dir.join("seeds"));
    std::fs::copy(repo().join("docs2rs.toml"), dir.join("docs2rs.toml")).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("docs2rs runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn check_passes_on_the_committed_output() {
    let (code, _, err) = run(docs2rs().current_dir(repo()).arg("check"));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn editing_a_seed_row_makes_check_fail_with_a_diff_and_generate_fixes_it() {
    let dir = scratch("drift");
    let (code, _, err) = run(docs2rs().current_dir(&dir).arg("generate"));
    assert_eq!(code, 0, "{err}");
    let model = dir.join("seeds/purecloud/UpdateUser.ruby.md");
    let text = std::fs::read_to_string(&model).unwrap();
    let edited = text.replace("| **department** | **String** |  | [optional] |", "| **department** | **String** | The department name. | [optional] |");
    assert_ne!(text, edited, "the seed row exists");
    std::fs::write(&model, edited).unwrap();
    let before = std::fs::read_to_string(dir.join("generated/src/purecloud.rs")).unwrap();
    let (code, out, err) = run(docs2rs().current_dir(&dir).arg("check"));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("+        /// The department name."), "diff shows the change:\n{out}");
    assert!(err.contains("generate"), "says how to fix: {err}");
    assert_eq!(before, std::fs::read_to_string(dir.join("generated/src/purecloud.rs")).unwrap(), "check never writes");
    let (code, _, _) = run(docs2rs().current_dir(&dir).arg("generate"));
    assert_eq!(code, 0);
    let (code, _, err) = run(docs2rs().current_dir(&dir).arg("check"));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let dir = scratch("mtime");
    run(docs2rs().current_dir(&dir).arg("generate"));
    let file = dir.join("generated/src/purecloud.rs");
    let t1 = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (code, _, err) = run(docs2rs().current_dir(&dir).arg("generate"));
    assert_eq!(code, 0);
    assert!(err.contains("0 written"), "{err}");
    assert_eq!(t1, std::fs::metadata(&file).unwrap().modified().unwrap());
}

#[test]
fn schema_prints_the_intermediate_schema() {
    let (code, out, err) = run(docs2rs().current_dir(repo()).args(["schema", "--api", "purecloud", "--quiet"]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v[0]["name"], "purecloud");
    assert_eq!(v[0]["operations"].as_array().unwrap().len(), 53);
}

#[test]
fn ad_hoc_mode_needs_no_config() {
    let out_dir = std::env::temp_dir().join(format!("docs2rs-cli-adhoc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    let input = repo().join("seeds/purecloud/UpdateUser.ruby.md");
    let (code, _, err) = run(docs2rs().args(["generate", "--name", "pc", "--wire-case", "camel", "--input"]).arg(&input).arg("--out").arg(&out_dir));
    assert_eq!(code, 0, "{err}");
    let code_rs = std::fs::read_to_string(out_dir.join("pc.rs")).unwrap();
    assert!(code_rs.contains("pub struct UpdateUser"));
    assert!(std::fs::read_to_string(out_dir.join("lib.rs")).unwrap().contains("pub mod pc;"));
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let (code, _, err) = run(docs2rs().current_dir(repo()).args(["check", "--deny-warnings"]));
    assert_eq!(code, 2, "the seeds produce warnings: {err}");
    assert!(err.contains("warning:"), "{err}");
}

#[test]
fn a_missing_config_is_a_clear_error() {
    let (code, _, err) = run(docs2rs().current_dir(std::env::temp_dir()).args(["generate", "--config", "nope.toml"]));
    assert_eq!(code, 2);
    assert!(err.contains("nope.toml"), "{err}");
}

#[test]
fn only_generates_the_matching_operations_and_what_they_reach() {
    let dir = scratch("only");
    let out = dir.join("only-out");
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--api", "purecloud", "--only", "get_users", "patch_user", "--out"]).arg(&out));
    assert_eq!(code, 0, "{err}");
    let code_rs = std::fs::read_to_string(out.join("purecloud.rs")).unwrap();
    let methods: Vec<&str> = code_rs.lines().filter_map(|l| l.trim().strip_prefix("pub async fn ")).collect();
    // Each with its `_with_response` twin.
    assert_eq!(methods.len(), 4, "{methods:?}");
    assert!(code_rs.contains("pub struct UpdateUser"), "reached through patch_user's body");
    assert!(code_rs.contains("pub enum Expand"), "get_users shares `expand` with other operations");
    assert!(!code_rs.contains("pub struct OrgUser"), "reached by no selected operation");
}

#[test]
fn openapi_exports_one_api() {
    let (code, out, err) = run(docs2rs().current_dir(repo()).args(["openapi", "--api", "awork", "--quiet"]));
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/users/{userId}"]["put"].is_object());
    let (code, _, err) = run(docs2rs().current_dir(repo()).arg("openapi"));
    assert_eq!(code, 2);
    assert!(err.contains("--api"), "{err}");
}

#[test]
fn generating_one_api_keeps_the_others() {
    let dir = scratch("one-api");
    let (code, _, err) = run(docs2rs().current_dir(&dir).arg("generate"));
    assert_eq!(code, 0, "{err}");
    let lib = std::fs::read_to_string(dir.join("generated/src/lib.rs")).unwrap();
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--api", "awork"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 removed"), "{err}");
    assert!(dir.join("generated/src/purecloud.rs").exists() && dir.join("generated/src/commpeak.rs").exists());
    assert_eq!(lib, std::fs::read_to_string(dir.join("generated/src/lib.rs")).unwrap(), "lib.rs lists every configured API");
    let (code, out, err) = run(docs2rs().current_dir(&dir).args(["check", "--api", "awork"]));
    assert_eq!(code, 0, "no drift for the selected API alone: {out}{err}");
}

#[test]
fn a_first_run_for_one_api_writes_a_lib_rs_that_compiles() {
    let dir = scratch("first-one-api");
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--api", "awork"]));
    assert_eq!(code, 0, "{err}");
    let lib = std::fs::read_to_string(dir.join("generated/src/lib.rs")).unwrap();
    assert!(lib.contains("pub mod awork;") && !lib.contains("pub mod purecloud;"), "only modules whose files exist:\n{lib}");
}

#[test]
fn types_only_generates_and_checks_models_without_the_client() {
    let dir = scratch("types-only");
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--types-only"]));
    assert_eq!(code, 0, "{err}");
    let code_rs = std::fs::read_to_string(dir.join("generated/src/purecloud.rs")).unwrap();
    assert!(code_rs.contains("pub struct UpdateUser"));
    assert!(!code_rs.contains("reqwest") && !code_rs.contains("pub struct Client"), "no client in types-only output");
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["check", "--types-only"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = run(docs2rs().current_dir(&dir).arg("check"));
    assert_eq!(code, 1, "the client output differs from types-only output");
}
