//! Split output: a module tree per API with one module per group of operations, Cargo
//! features per group kept in the crate's `[features]` table, and runs that change nothing
//! writing nothing. generated/ (Podcast, Bookshelf) and tests/corpus-crate compile it.

use docs2rs::config::{ApiConfig, Split};
use docs2rs::{Error, Generator};
use std::fs;
use std::path::{Path, PathBuf};

const MANIFEST: &str = "[package]\nname = \"client\"  # mine\nversion = \"0.1.0\"\n\n[features]\n# TLS for https.\ntls = [\"reqwest/default-tls\"]\n\n[dependencies]\nserde = \"1\"\n";

/// A fresh directory with the user's `Cargo.toml` and an `src/` to generate into.
fn crate_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docs2rs-split-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("Cargo.toml"), MANIFEST).unwrap();
    dir
}

/// The Podcast seed (EpisodesApi, RpcApi and ShowsApi docs) split, features in `dir`'s manifest.
fn podcast(dir: &Path, split: Split) -> Generator {
    let mut g = Generator::new()
        .with_root(env!("CARGO_MANIFEST_DIR"))
        .with_api(ApiConfig::new("podcast").with_input("seeds/podcast").with_split(split))
        .with_out_dir(dir.join("src"));
    g.config_mut().output.features = Some(dir.join("Cargo.toml"));
    g
}

fn flat(code: &str) -> String {
    code.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_api_becomes_one_module_per_api_doc_with_its_own_types_and_features() {
    let dir = crate_dir("tree");
    let done = podcast(&dir, Split::Always).render().unwrap();
    let files: Vec<&str> = done.files.keys().map(String::as_str).collect();
    assert_eq!(files, ["lib.rs", "podcast/episodes.rs", "podcast/mod.rs", "podcast/rpc.rs", "podcast/shows.rs", "podcast/types.rs"]);
    let root = flat(&done.files["podcast/mod.rs"]);
    for part in [
        "pub mod types;",
        "#[cfg(feature = \"podcast-episodes\")] pub mod episodes;",
        "#[cfg(feature = \"podcast-episodes\")] pub use super::episodes::params::*;",
        "pub struct Client {",
    ] {
        assert!(root.contains(part), "mod.rs lacks `{part}`:\n{root}");
    }
    assert!(!root.contains("async fn list_shows"), "operations live in their group's module");
    let shows = flat(&done.files["podcast/shows.rs"]);
    assert!(shows.contains("use super::*;") && shows.contains("impl Client {") && shows.contains("pub async fn list_shows("), "{shows}");
    assert!(shows.contains("pub mod models {") && shows.contains("pub struct ShowStats {"), "a model one group uses lives with it:\n{shows}");
    let types = flat(&done.files["podcast/types.rs"]);
    assert!(types.contains("#[cfg(feature = \"podcast-shows\")] pub use super::shows::models::{"), "{types}");
    assert!(
        types.contains("#[cfg(any(feature = \"podcast-episodes\", feature = \"podcast-rpc\"))] #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)] pub struct Episode {"),
        "a model two groups use is shared, built with either:\n{types}"
    );
    assert!(
        types.contains("#[cfg(feature = \"podcast\")] #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)] pub struct Problem {"),
        "a model no operation uses is built with the whole API"
    );
    for (name, code) in &done.files {
        assert!(!code.contains("#!["), "{name} has an inner attribute (files are include!d)");
    }

    let manifest = done.features.expect("a manifest is configured");
    assert_eq!(manifest.before, MANIFEST);
    assert!(
        manifest.after.contains(
            "tls = [\"reqwest/default-tls\"]\n# docs2rs: one feature per API group (`docs2rs generate` rewrites the lines up to the end marker).\ndefault = [\"podcast\"]\npodcast = [\"podcast-episodes\", \"podcast-rpc\", \"podcast-shows\"]\npodcast-episodes = []\npodcast-rpc = []\npodcast-shows = []\n# docs2rs: end of the API groups.\n\n[dependencies]\nserde = \"1\"\n"
        ),
        "{}",
        manifest.after
    );
    assert!(manifest.after.starts_with("[package]\nname = \"client\"  # mine\n"), "the rest of the manifest stays as written");
}

#[test]
fn without_a_manifest_a_split_api_has_no_feature_gates() {
    let dir = crate_dir("no-features");
    let mut g = podcast(&dir, Split::Always);
    g.config_mut().output.features = None;
    let done = g.render().unwrap();
    assert!(done.features.is_none());
    assert!(done.files.values().all(|code| !code.contains("#[cfg(")), "cfg gates need the features in a manifest");
    assert!(done.files.contains_key("podcast/shows.rs"));
}

#[test]
fn a_manifest_that_does_not_exist_is_not_created_but_its_table_is_printed() {
    let dir = crate_dir("no-manifest");
    fs::remove_file(dir.join("Cargo.toml")).unwrap();
    let done = podcast(&dir, Split::Always).generate().unwrap();
    assert!(done.features.is_none() && !dir.join("Cargo.toml").exists());
    let note = done.notes.iter().find(|n| n.starts_with("features: ")).expect("a note with the table");
    assert!(note.ends_with("does not exist; the crate building this output needs:\n[features]\n# docs2rs: one feature per API group (`docs2rs generate` rewrites the lines up to the end marker).\ndefault = [\"podcast\"]\npodcast = [\"podcast-episodes\", \"podcast-rpc\", \"podcast-shows\"]\npodcast-episodes = []\npodcast-rpc = []\npodcast-shows = []\n# docs2rs: end of the API groups."), "{note}");
}

#[test]
fn rerunning_generate_with_no_change_writes_nothing() {
    let dir = crate_dir("rerun");
    let first = podcast(&dir, Split::Always).generate().unwrap().report.unwrap();
    assert!(first.written.iter().any(|f| f.ends_with("Cargo.toml")), "{first:?}");
    let mtimes = |d: &Path| -> Vec<(PathBuf, std::time::SystemTime)> {
        let mut all = vec![d.join("Cargo.toml")];
        all.extend(fs::read_dir(d.join("src/podcast")).unwrap().map(|e| e.unwrap().path()));
        all.sort();
        all.into_iter().map(|p| (p.clone(), fs::metadata(&p).unwrap().modified().unwrap())).collect()
    };
    let before = mtimes(&dir);
    let again = podcast(&dir, Split::Always).generate().unwrap().report.unwrap();
    assert!(again.written.is_empty() && again.removed.is_empty(), "{again:?}");
    assert_eq!(again.unchanged.len(), 7, "six files and the manifest: {again:?}");
    assert_eq!(mtimes(&dir), before);
    assert!(podcast(&dir, Split::Always).check().unwrap().1.is_empty());
}

#[test]
fn a_stale_features_table_is_drift_and_generate_restores_it() {
    let dir = crate_dir("stale");
    podcast(&dir, Split::Always).generate().unwrap();
    let good = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    fs::write(dir.join("Cargo.toml"), good.replace("podcast-rpc = []\n", "")).unwrap();
    let (_, drift) = podcast(&dir, Split::Always).check().unwrap();
    assert_eq!(drift.len(), 1, "{drift:?}");
    assert!(drift[0].file.ends_with("Cargo.toml") && drift[0].diff.contains("+podcast-rpc = []"), "{}", drift[0].diff);

    // A build script cannot change its own crate's features: it names the fix instead.
    let Err(Error::Config(message)) = podcast(&dir, Split::Always).with_cargo_rerun_if_changed(true).with_cargo_warnings(false).generate() else {
        panic!("a stale table in a build script is an error")
    };
    assert!(message.contains("is not up to date with the API groups") && message.contains("run `docs2rs generate`"), "{message}");

    podcast(&dir, Split::Always).generate().unwrap();
    assert_eq!(fs::read_to_string(dir.join("Cargo.toml")).unwrap(), good);
}

#[test]
fn splitting_off_again_removes_the_tree_and_the_features() {
    let dir = crate_dir("off");
    podcast(&dir, Split::Always).generate().unwrap();
    let report = podcast(&dir, Split::Never).generate().unwrap().report.unwrap();
    assert!(report.removed.contains(&"podcast/mod.rs".to_string()) && report.removed.contains(&"podcast/shows.rs".to_string()), "{report:?}");
    assert!(dir.join("src/podcast.rs").is_file() && !dir.join("src/podcast/mod.rs").exists());
    assert_eq!(fs::read_to_string(dir.join("Cargo.toml")).unwrap(), MANIFEST, "no split API, no features block");
}

#[test]
fn regenerating_another_api_keeps_a_split_tree_and_its_features() {
    let dir = crate_dir("keep");
    let two = |apis: Vec<String>| {
        let mut g = podcast(&dir, Split::Always).with_api(ApiConfig::new("profiles").with_input("seeds/profiles")).with_only_apis(apis);
        g.config_mut().apis[1].base_url = Some("https://api.profiles.example/v2".into());
        g
    };
    two(Vec::new()).generate().unwrap();
    let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let report = two(vec!["profiles".into()]).generate().unwrap().report.unwrap();
    assert!(report.removed.is_empty(), "{report:?}");
    assert!(dir.join("src/podcast/shows.rs").is_file());
    assert_eq!(fs::read_to_string(dir.join("Cargo.toml")).unwrap(), manifest, "podcast's features stay");
    assert!(two(vec!["profiles".into()]).check().unwrap().1.is_empty());
    assert!(two(Vec::new()).check().unwrap().1.is_empty());
}

#[test]
fn only_some_operations_split_into_their_groups() {
    let dir = crate_dir("only");
    let done = podcast(&dir, Split::Always).with_only_operations(vec!["list_shows".into()]).render().unwrap();
    let files: Vec<&str> = done.files.keys().map(String::as_str).collect();
    assert_eq!(files, ["lib.rs", "podcast/mod.rs", "podcast/shows.rs", "podcast/types.rs"]);
    assert!(done.features.unwrap().after.contains("podcast = [\"podcast-shows\"]\npodcast-shows = []\n"));
}

/// `check`'s summary reads any layout: the split API has the surface of the single file.
#[test]
fn split_and_single_file_output_have_the_same_surface() {
    use docs2rs::surface::{changes, of_module};
    let dir = crate_dir("surface");
    let split = podcast(&dir, Split::Always).render().unwrap();
    let single = podcast(&dir, Split::Never).render().unwrap();
    assert!(single.files.contains_key("podcast.rs") && split.files.contains_key("podcast/shows.rs"));
    let (a, b) = (of_module(&single.files, "podcast"), of_module(&split.files, "podcast"));
    assert_eq!(changes(&a, &b), Vec::<String>::new());
    assert_ne!(a, Default::default(), "the surface is read");
}
