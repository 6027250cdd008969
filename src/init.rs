//! `docs2rs init`: a commented `docs2rs.toml` for the inputs given, saying what docs2rs
//! found in them (formats, base URL, auth, wire names) and holding an overlay to fill in
//! for every page that states no method or path.

use crate::adhoc::Missing;
use crate::config::OperationOverlay;
use crate::schema::{Api, AuthScheme};
use std::collections::BTreeMap;
use std::path::Path;

/// What goes into the file besides the API read from the docs.
pub struct Setup<'a> {
    /// The inputs as the config must spell them (relative to its directory).
    pub inputs: Vec<String>,
    /// `[output] dir`, as the config must spell it.
    pub out_dir: String,
    /// Overlays already given (`--operation`): written as they are.
    pub overlays: &'a [OperationOverlay],
    /// Where the API's source labels are relative to (the working directory).
    pub root: &'a Path,
}

/// The text of the config file.
pub fn config_text(api: &Api, setup: &Setup) -> String {
    let q = crate::adhoc::quoted;
    let mut out = vec![
        format!("# docs2rs.toml for these docs, by {}. Paths are relative to this file.", crate::GENERATOR),
        "# `docs2rs generate` writes the client; `docs2rs check` says whether it is up to date.".into(),
        String::new(),
        "[output]".into(),
        format!("dir = {}   # where <api>.rs and lib.rs are written", q(&setup.out_dir)),
        String::new(),
        "[[api]]".into(),
        format!("name = {}   # the module name", q(&api.name)),
    ];
    out.extend(formats(api, setup.root));
    let inputs: Vec<String> = setup.inputs.iter().map(|i| q(i)).collect();
    out.push(format!("inputs = [{}]   # files or folders: SDK docs/, saved pages (.html, .txt, .md)", inputs.join(", ")));
    out.push(match &api.base_url {
        Some(url) => format!("base_url = {}   # as the docs state it", q(url)),
        None => "# base_url = \"https://api.example.com\"   # the docs state none: set it".into(),
    });
    out.push(match auth(api, setup.root) {
        (AuthScheme::None, _) => "# auth = \"bearer\"   # none | bearer | basic: the docs do not say".into(),
        (scheme, why) => format!("auth = \"{}\"   # {why}", auth_name(scheme)),
    });
    out.push(match &api.wire_naming {
        Some(why) => format!("wire_case = \"auto\"   # here: {why}; name a rule to pin it"),
        None => "wire_case = \"auto\"   # auto | as_documented | camel | snake | pascal | kebab".into(),
    });
    // An unfilled path is not applied; the suggestion below replaces it.
    for ov in setup.overlays.iter().filter(|ov| !ov.path.as_deref().is_some_and(|p| p.contains(crate::adhoc::TO_FILL))) {
        out.push(String::new());
        out.push("[[api.operation]]".into());
        out.push(format!("match = {}", q(&ov.matches)));
        out.extend(ov.method.map(|m| format!("method = \"{}\"", m.as_str())));
        out.extend(ov.path.as_deref().map(|p| format!("path = {}", q(p))));
    }
    for op in &api.incomplete {
        let same_page = api.operations.iter().chain(&api.incomplete).filter(|o| o.source.file == op.source.file).count();
        let missing = Missing::of(op, &api.sources, same_page);
        out.push(String::new());
        out.push(format!("# {}: `{}` is not generated until this overlay is complete.", op.source, op.name));
        out.push(missing.toml_table());
    }
    out.join("\n") + "\n"
}

/// One comment line per detected format, naming up to three files each.
fn formats(api: &Api, root: &Path) -> Vec<String> {
    let mut by_format: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for source in &api.sources {
        let text = std::fs::read(root.join(source)).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        let format = crate::parse::detect(&crate::parse::lower::unflatten(text)).map_or("page", |f| f.name());
        by_format.entry(format).or_default().push(source);
    }
    by_format
        .into_iter()
        .map(|(format, files)| {
            let names = if files.len() <= 3 { files.join(", ") } else { format!("{} files", files.len()) };
            format!("# format {format} (detected from content): {names}")
        })
        .collect()
}

/// The configured scheme, or the one the pages mention, with the reason.
fn auth(api: &Api, root: &Path) -> (AuthScheme, String) {
    if api.auth != AuthScheme::None {
        return (api.auth, "as given".into());
    }
    for source in &api.sources {
        let text = std::fs::read(root.join(source)).map(|b| String::from_utf8_lossy(&b).to_ascii_lowercase()).unwrap_or_default();
        if text.contains("bearer") {
            return (AuthScheme::Bearer, format!("{source} mentions Bearer tokens"));
        }
        if text.contains("basic auth") || text.contains("authorization: basic") || text.contains("credentials\nbasic") {
            return (AuthScheme::Basic, format!("{source} mentions Basic auth"));
        }
    }
    (AuthScheme::None, String::new())
}

fn auth_name(scheme: AuthScheme) -> &'static str {
    match scheme {
        AuthScheme::None => "none",
        AuthScheme::Bearer => "bearer",
        AuthScheme::Basic => "basic",
    }
}

/// Writes `file` for `inputs` (paths relative to the working directory); refuses to
/// replace an existing file unless `force`. Returns the line saying what was written.
pub fn write(inputs: &[std::path::PathBuf], name: &str, file: &Path, force: bool) -> Result<String, crate::Error> {
    use crate::Error;
    if file.exists() && !force {
        return Err(Error::Config(format!("{} already exists; pass --force to overwrite it", file.display())));
    }
    let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut api = Api { name: name.to_string(), ..Api::default() };
    if !inputs.is_empty() {
        let cfg = inputs.iter().fold(crate::config::ApiConfig::new(name), |c, i| c.with_input(i));
        let (mut apis, _) = crate::Generator::new().with_api(cfg).schema()?;
        api = apis.remove(0);
    }
    let setup = Setup {
        inputs: inputs.iter().map(|i| crate::adhoc::relative_to(i, dir).to_string_lossy().replace('\\', "/")).collect(),
        out_dir: "generated/src".into(),
        overlays: &[],
        root: Path::new("."),
    };
    crate::output::write_atomic(file, config_text(&api, &setup).as_bytes()).map_err(|e| Error::Io(format!("{}: {e}", file.display())))?;
    if inputs.is_empty() {
        return Ok(format!(
            "docs2rs: wrote {}; list your docs under `inputs` (or run `docs2rs init --input PATH...`), then run `docs2rs generate`",
            file.display()
        ));
    }
    let fill = match api.incomplete.len() {
        0 => String::new(),
        n => format!("; fill in the {n} overlay(s) for pages without a method or path"),
    };
    Ok(format!(
        "docs2rs: wrote {} for {} page(s): {} operation(s), {} model(s){fill}; then run `docs2rs generate`",
        file.display(),
        api.sources.len(),
        api.operations.len(),
        api.models.len()
    ))
}

/// After an ad-hoc run (`--input`, no config) that left operations out: the config that
/// keeps every setting and overlay in a file, to paste.
pub fn ad_hoc_config(api: &Api, inputs: &[std::path::PathBuf], overlays: &[OperationOverlay], out_dir: &Path) -> Option<String> {
    if api.incomplete.is_empty() {
        return None;
    }
    let inputs = inputs.iter().map(|i| i.to_string_lossy().replace('\\', "/")).collect();
    let setup = Setup { inputs, out_dir: out_dir.to_string_lossy().replace('\\', "/"), overlays, root: Path::new(".") };
    Some(config_text(api, &setup))
}
