//! The build-script flow as users copy it: the README's `build.rs` snippet is the example
//! crate's build script (which the workspace compiles), and diagnostics reach Cargo.

use docs2rs::diag::{Diagnostic, Severity};
use docs2rs::schema::Source;

/// The README's fenced block that starts with `// build.rs`.
fn readme_build_rs() -> Option<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```rust\n// build.rs\n")? + "```rust\n".len();
    let len = readme[start..].find("```")?;
    Some(readme[start..start + len].to_string())
}

#[test]
fn readme_build_rs_snippet_is_the_example_build_script() {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/build-script/build.rs")).unwrap();
    assert_eq!(
        readme_build_rs().as_deref(),
        Some(example.as_str()),
        "README.md's `// build.rs` block must be examples/build-script/build.rs verbatim (that crate compiles it)"
    );
}

#[test]
fn diagnostics_become_one_cargo_warning_per_line() {
    let d = Diagnostic {
        severity: Severity::Warning,
        source: Source::new("docs/a.md", 3),
        message: "no operation or model found".into(),
        hint: Some("check the page".into()),
    };
    assert_eq!(docs2rs::cargo_warnings(&[d]), ["cargo:warning=docs/a.md:3: warning: no operation or model found", "cargo:warning=  = help: check the page"]);
}
