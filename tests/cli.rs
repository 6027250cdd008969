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

/// An empty scratch directory with `files` (path → content) written into it.
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docs2rs-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, content) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

const TWO_APIS: &str = "[[api]]\nname = \"alpha\"\ninputs = [\"docs\"]\n\n[[api]]\nname = \"beta\"\ninputs = [\"docs\"]\n";

#[test]
fn no_config_says_how_to_make_one_or_go_without() {
    let dir = tree("no-config", &[]);
    let (code, _, err) = run(docs2rs().current_dir(&dir).arg("generate"));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: no config file docs2rs.toml\n  = help: create one with an [[api]] table (`name`, `inputs`), pass --config FILE, or read docs without a config: docs2rs generate --input DOCS --out DIR\n"
        )
    );
}

#[test]
fn an_unknown_api_lists_the_configured_ones() {
    let dir = tree("unknown-api", &[("docs2rs.toml", TWO_APIS)]);
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--api", "gamma"]));
    assert_eq!((code, err.as_str()), (2, "error: no API named `gamma` in docs2rs.toml\n  = help: configured APIs: alpha, beta\n"));
}

#[test]
fn a_missing_input_points_at_the_config_and_says_what_the_path_is_relative_to() {
    let absolute = "[[api]]\nname = \"alpha\"\ninputs = [\"/nonexistent/docs2rs/docs\"]\n";
    let dir = tree("missing-input", &[("docs2rs.toml", TWO_APIS), ("abs/docs2rs.toml", absolute)]);
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--api", "alpha"]));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "docs2rs.toml:3: error: input `docs` of API `alpha` does not exist\n  = help: fix the path; it is relative to the current directory\ngeneration failed: 1 error(s), 0 warning(s)\n"
        )
    );
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--config", "abs/docs2rs.toml"]));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "abs/docs2rs.toml:3: error: input `/nonexistent/docs2rs/docs` of API `alpha` does not exist\n  = help: fix the path\ngeneration failed: 1 error(s), 0 warning(s)\n"
        )
    );
    let (code, _, err) = run(docs2rs().current_dir(dir.join("abs")).args(["generate", "--config", "../docs2rs.toml", "--api", "beta"]));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "../docs2rs.toml:7: error: input `docs` of API `beta` does not exist\n  = help: fix the path; it is relative to ..\ngeneration failed: 1 error(s), 0 warning(s)\n"
        )
    );
    assert!(!dir.join("generated").exists(), "nothing written");
}

#[test]
fn a_missing_ad_hoc_input_has_no_location() {
    let dir = tree("missing-adhoc", &[]);
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--input", "/nonexistent/docs2rs/page.md", "--out", "out"]));
    assert_eq!(
        (code, err.as_str()),
        (2, "error: input `/nonexistent/docs2rs/page.md` of API `api` does not exist\n  = help: fix the path\ngeneration failed: 1 error(s), 0 warning(s)\n")
    );
    assert!(!dir.join("out").exists());
}

#[test]
fn a_folder_without_doc_files_is_an_error_and_writes_nothing() {
    let dir = tree("empty-folder", &[("docs/openapi.json", "{}"), ("docs/.hidden.md", "# x")]);
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--input", "docs", "--out", "out"]));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: input folder `docs` of API `api` holds no doc files\n  = help: docs2rs reads files ending in .md, .markdown, .txt, .html, .htm, .rst, .adoc, .asciidoc (hidden files skipped); point the input at the folder holding the docs\ngeneration failed: 1 error(s), 0 warning(s)\n"
        )
    );
    assert!(!dir.join("out").exists());
}

#[test]
fn an_api_with_no_operations_and_no_models_is_an_error_and_writes_nothing() {
    let dir = tree("nothing-found", &[("docs/about.md", "# About us\n\nWe make things.\n")]);
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--input", "docs", "--out", "out"]));
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "error: API `api` has no operations and no models (from 1 page(s)); nothing written for it
  = help: the warnings say why each page yielded nothing; check that the inputs are the API's reference docs
docs/about.md:1: warning: no operation or model found: the page has 1 heading(s), 1 line(s) of text, 0 table(s), 0 list(s), 0 code block(s) and 0 endpoint line(s); none names an endpoint with parameters or fields (first line: \"About us\")
  = help: if this is an API reference page, save it as HTML (the markup helps), or add an [[api.operation]] overlay with method and path; pages that are not API references can be removed from the inputs; without a config file, pass `--operation 'FILE=METHOD /path'`, or run `docs2rs init --input docs` to write one for these inputs
generation failed: 1 error(s), 1 warning(s)
"
    );
    assert!(!dir.join("out").exists());
    // From a config file, the error points at the API's table.
    std::fs::write(dir.join("docs2rs.toml"), "# Our API\n\n[[api]]\nname = \"alpha\"\ninputs = [\"docs\"]\n").unwrap();
    let (code, _, err) = run(docs2rs().current_dir(&dir).arg("generate"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\ndocs2rs.toml:3: error: API `alpha` has no operations and no models"), "{err}");
    assert!(
        err.contains("or add an [[api.operation]] overlay with method and path; pages that are not API references can be removed from the inputs\n"),
        "{err}"
    );
}

#[test]
fn only_leaves_the_apis_it_does_not_match_alone() {
    let dir = scratch("only-others");
    let (code, _, err) = run(docs2rs().current_dir(&dir).arg("generate"));
    assert_eq!(code, 0, "{err}");
    let read = |f: &str| std::fs::read_to_string(dir.join("generated/src").join(f)).unwrap();
    let (awork, lib, purecloud) = (read("awork.rs"), read("lib.rs"), read("purecloud.rs"));
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--quiet", "--only", "get_user"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(" 0 removed;"), "{err}");
    assert_eq!((awork, lib), (read("awork.rs"), read("lib.rs")), "APIs without a match are not rewritten");
    assert_ne!(purecloud, read("purecloud.rs"), "the matching API is narrowed");
    assert!(read("purecloud.rs").contains("pub async fn get_user("));
}

#[test]
fn only_matching_nothing_anywhere_is_an_error_and_writes_nothing() {
    let dir = scratch("only-nothing");
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--quiet", "--only", "get_usr", "delete_user_role"]));
    assert_eq!(
        (code, err.as_str()),
        (2, "error: --only get_usr delete_user_role matches no operation\n  = help: operations with similar names: delete_user_roles\n")
    );
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--quiet", "--only", "frobnicate"]));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: --only frobnicate matches no operation\n  = help: patterns match operation names (snake_case, `*` for any text), e.g. `get_*`; `docs2rs schema` lists them\n"
        )
    );
    assert!(!dir.join("generated").exists());
}

#[test]
fn out_errors_name_the_out_path() {
    let dir = tree("out-file", &[("docs2rs.toml", "[[api]]\nname = \"x\"\ninputs = [\"page.md\"]\n"), ("a-file", "x")]);
    std::fs::copy(repo().join("seeds/purecloud/UpdateUser.ruby.md"), dir.join("page.md")).unwrap();
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--quiet", "--out", "a-file"]));
    assert_eq!((code, err.as_str()), (2, "error: output directory a-file is a file\n  = help: pass --out with a directory (it is created if missing)\n"));
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["check", "--quiet", "--out", "a-file"]));
    assert_eq!((code, err.as_str()), (2, "error: output directory a-file is a file\n  = help: pass --out with a directory (it is created if missing)\n"));
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--quiet", "--out", "/proc/docs2rs-out"]));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: cannot create output directory /proc/docs2rs-out: No such file or directory (os error 2)\n  = help: pass --out with a writable directory\n"
        )
    );
}

#[test]
fn check_summarises_missing_files_and_repeats_the_users_command() {
    let dir = scratch("check-missing");
    let (code, out, err) = run(docs2rs().current_dir(&dir).args(["check", "--quiet", "--api", "awork", "--out", "client src"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "client src/awork.rs is missing, would be created\nclient src/lib.rs is missing, would be created\nclient src/.docs2rs-manifest is missing, would be created\n"
    );
    assert_eq!(
        err,
        "docs2rs: client src differs from the docs: 0 changed, 3 missing, 0 extra file(s)\n  = help: run `docs2rs generate --quiet --api awork --out 'client src'` and commit the result\n"
    );
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--quiet", "--api", "awork", "--out", "client src"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["check", "--quiet", "--api", "awork", "--out", "client src"]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn ad_hoc_flags_without_input_are_rejected() {
    for (flag, value, key) in [
        ("--base-url", "https://api.example.com", "`base_url` in its [[api]] table"),
        ("--wire-case", "camel", "`wire_case` in its [[api]] table"),
        ("--auth", "bearer", "`auth` in its [[api]] table"),
        ("--name", "pc", "the [[api]] table's `name`"),
    ] {
        let (code, _, err) = run(docs2rs().current_dir(repo()).args(["check", flag, value]));
        let expected = format!(
            "error: {flag} applies only with --input (ad-hoc mode)\n  = help: add --input DOCS to read docs without a config, or set {key} in docs2rs.toml\n"
        );
        assert_eq!((code, err), (2, expected));
    }
}

/// Before the code diff, `check` says what changed in the API's terms.
#[test]
fn check_summarises_what_changed_in_the_api_before_the_diff() {
    let dir = scratch("surface");
    let (code, _, err) = run(docs2rs().current_dir(&dir).args(["generate", "--quiet"]));
    assert_eq!(code, 0, "{err}");
    let page = dir.join("seeds/lending/lending.widdershins.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let text = text
        .replace(
            "|copies|integer(int32)|true|none|Copies the library owns|",
            "|copies|integer(int64)|true|none|Copies the library owns|\n|isbn|string|false|none|ISBN-13|",
        )
        .replacen(
            "|bookId|path|string|true|The book's catalogue id, e.g. `bk_1021`|",
            "|bookId|path|string|true|The book's catalogue id, e.g. `bk_1021`|\n|format|query|string|false|Edition format|",
            1,
        );
    std::fs::write(&page, text).unwrap();
    let (code, out, err) = run(docs2rs().current_dir(&dir).args(["check", "--quiet", "--api", "lending"]));
    assert_eq!(code, 1, "{err}");
    let summary = "API `lending` changed:
  + parameter get_one_book.format: Option<String>
  ~ field Book.copies: i32 → i64
  + field Book.isbn: Option<String>

--- ./generated/src/lending.rs
";
    assert!(out.starts_with(summary), "{out}");
}
