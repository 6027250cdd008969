//! The generated crate's `[features]` table: one feature per group of each split API and a
//! `default` enabling them all, kept between two marker comments. Everything else in the
//! manifest stays byte for byte as the user wrote it.

use std::path::PathBuf;

const BEGIN: &str = "# docs2rs: one feature per API group (`docs2rs generate` rewrites the lines up to the end marker).";
const END: &str = "# docs2rs: end of the API groups.";

/// A manifest before and after its `[features]` table was brought up to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub path: PathBuf,
    pub before: String,
    pub after: String,
}

/// API name → its features, each with the features it enables.
pub type ApiFeatures = (String, Vec<(String, Vec<String>)>);

/// `text` with the docs2rs block of its `[features]` table holding `apis`' features; the
/// `default` feature enables the features that enable others (one per API). Lines of APIs
/// not in `rendered` (not selected in this run) stay.
pub fn update(text: &str, apis: &[ApiFeatures], rendered: &[String]) -> Result<String, String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let header = lines.iter().position(|l| l.trim() == "[features]");
    let table_end = |from: usize| lines[from..].iter().position(|l| l.trim_start().starts_with('[')).map_or(lines.len(), |i| from + i);
    let (begin, end) = match header {
        Some(h) => {
            let stop = table_end(h + 1);
            let begin = lines[h + 1..stop].iter().position(|l| l.trim() == BEGIN).map(|i| h + 1 + i);
            let end = begin.and_then(|b| lines[b..stop].iter().position(|l| l.trim() == END).map(|i| b + i));
            match (begin, end) {
                (Some(b), Some(e)) => (b, e + 1),
                (Some(_), None) => return Err(format!("the [features] table has the line `{BEGIN}` but not `{END}`; restore the end marker")),
                _ => {
                    // At the end of the table, before the blank lines that separate the next one.
                    let mut at = stop;
                    while at > h + 1 && lines[at - 1].trim().is_empty() {
                        at -= 1;
                    }
                    (at, at)
                }
            }
        }
        None => (lines.len(), lines.len()),
    };
    let user_default = lines.iter().enumerate().filter(|(i, _)| header.is_some_and(|h| *i > h && *i < table_end(h + 1)) && (*i < begin || *i >= end));
    if let Some((i, _)) = user_default.clone().find(|(_, l)| key(l) == Some("default")) {
        return Err(format!("line {}: docs2rs writes the `default` feature (every API group); move your `default` entries into other features", i + 1));
    }

    // Features of APIs this run did not render: kept as they were.
    let mut entries: Vec<(String, String)> = lines[begin..end]
        .iter()
        .filter_map(|l| key(l).map(|k| (k.to_string(), l.trim_end().to_string())))
        .filter(|(k, _)| k != "default" && !rendered.iter().any(|api| belongs(k, api)))
        .collect();
    for (_, features) in apis {
        entries.extend(features.iter().map(|(f, enables)| (f.clone(), format!("{f} = {}", list(enables)))));
    }
    entries.sort();
    let mut block = String::new();
    if !entries.is_empty() {
        let names: Vec<String> = entries.iter().filter(|(_, line)| !line.ends_with("= []")).map(|(k, _)| format!("{k:?}")).collect();
        block = format!("{BEGIN}\ndefault = [{}]\n", names.join(", "));
        for (_, line) in &entries {
            block.push_str(line);
            block.push('\n');
        }
        block.push_str(END);
        block.push('\n');
    }
    let mut out: String = lines[..begin].concat();
    if header.is_none() && !block.is_empty() {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        out.push_str("[features]\n");
    }
    out.push_str(&block);
    out.push_str(&lines[end..].concat());
    Ok(out)
}

/// `["a", "b"]`.
fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The key of a `key = value` line.
fn key(line: &str) -> Option<&str> {
    let (k, _) = line.split_once('=')?;
    let k = k.trim().trim_matches('"');
    (!k.is_empty() && !k.starts_with('#')).then_some(k)
}

/// Whether a feature is API `api`'s own or one of its groups' (`<api>-<group>`).
fn belongs(feature: &str, api: &str) -> bool {
    feature.strip_prefix(&heck::ToKebabCase::to_kebab_case(api)).is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(api: &str, names: &[&str]) -> ApiFeatures {
        let groups: Vec<String> = names.iter().map(|n| format!("{api}-{n}")).collect();
        let mut features = vec![(api.to_string(), groups.clone())];
        features.extend(groups.into_iter().map(|g| (g, Vec::new())));
        (api.to_string(), features)
    }

    const MANIFEST: &str = "[package]\nname = \"x\"   # mine\n\n[features]\n# TLS\ntls = [\"reqwest/default-tls\"]\n\n[dependencies]\nserde = \"1\"\n";

    #[test]
    fn only_the_block_in_the_features_table_changes() {
        let out = update(MANIFEST, &[groups("pc", &["users", "alerting"])], &["pc".into()]).unwrap();
        let want = format!(
            "[package]\nname = \"x\"   # mine\n\n[features]\n# TLS\ntls = [\"reqwest/default-tls\"]\n{BEGIN}\ndefault = [\"pc\"]\npc = [\"pc-users\", \"pc-alerting\"]\npc-alerting = []\npc-users = []\n{END}\n\n[dependencies]\nserde = \"1\"\n"
        );
        assert_eq!(out, want);
        assert_eq!(update(&out, &[groups("pc", &["users", "alerting"])], &["pc".into()]).unwrap(), out, "idempotent");
        let fewer = update(&out, &[groups("pc", &["users"])], &["pc".into()]).unwrap();
        assert!(fewer.contains("default = [\"pc\"]\npc = [\"pc-users\"]\npc-users = []\n") && !fewer.contains("alerting"), "{fewer}");
        assert_eq!(update(&out, &[], &["pc".into()]).unwrap(), MANIFEST, "no split API: the block goes");
    }

    #[test]
    fn other_apis_features_stay_when_one_api_is_regenerated() {
        let both = update(MANIFEST, &[groups("a", &["x"]), groups("b", &["y"])], &["a".into(), "b".into()]).unwrap();
        let again = update(&both, &[groups("a", &["z"])], &["a".into()]).unwrap();
        assert!(again.contains("default = [\"a\", \"b\"]\na = [\"a-z\"]\na-z = []\nb = [\"b-y\"]\nb-y = []\n"), "{again}");
    }

    #[test]
    fn a_manifest_without_features_gets_the_table_and_a_user_default_is_refused() {
        let out = update("[package]\nname = \"x\"\n", &[groups("a", &["x"])], &["a".into()]).unwrap();
        assert_eq!(out, format!("[package]\nname = \"x\"\n\n[features]\n{BEGIN}\ndefault = [\"a\"]\na = [\"a-x\"]\na-x = []\n{END}\n"));
        let err = update("[features]\ndefault = [\"tls\"]\n", &[groups("a", &["x"])], &["a".into()]).unwrap_err();
        assert!(err.starts_with("line 2: docs2rs writes the `default` feature"), "{err}");
    }
}
