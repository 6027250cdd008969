//! Schema → formatted Rust source, through the minijinja templates in `templates/`.

mod docs;
mod errors;
mod forms;
mod locate;
mod paging;
pub mod split;
mod view;

pub use docs::{doc_lines, str_lit};
pub use view::Settings;

/// How an API is split into modules (see [`split`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitOptions {
    /// Gate each group (and the types only it uses) behind a Cargo feature.
    pub features: bool,
}

use crate::schema::Api;
use crate::timings::{self, Stage};
use minijinja::Environment;
use std::path::Path;

/// The templates compiled into the binary; a config directory may replace any of them.
const EMBEDDED: &[(&str, &str)] = &[
    ("api.rs.jinja", include_str!("../../templates/api.rs.jinja")),
    ("model.rs.jinja", include_str!("../../templates/model.rs.jinja")),
    ("enum.rs.jinja", include_str!("../../templates/enum.rs.jinja")),
    ("client.rs.jinja", include_str!("../../templates/client.rs.jinja")),
    ("errors.rs.jinja", include_str!("../../templates/errors.rs.jinja")),
    ("runtime.rs.jinja", include_str!("../../templates/runtime.rs.jinja")),
    ("decode.rs.jinja", include_str!("../../templates/decode.rs.jinja")),
    ("file_part.rs.jinja", include_str!("../../templates/file_part.rs.jinja")),
    ("paging.rs.jinja", include_str!("../../templates/paging.rs.jinja")),
    ("lib.rs.jinja", include_str!("../../templates/lib.rs.jinja")),
    ("operation.rs.jinja", include_str!("../../templates/operation.rs.jinja")),
    ("stream.rs.jinja", include_str!("../../templates/stream.rs.jinja")),
    ("params.rs.jinja", include_str!("../../templates/params.rs.jinja")),
    ("alias.rs.jinja", include_str!("../../templates/alias.rs.jinja")),
    ("types.rs.jinja", include_str!("../../templates/types.rs.jinja")),
    ("group.rs.jinja", include_str!("../../templates/group.rs.jinja")),
];

pub fn template_names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(n, _)| *n)
}

pub struct Renderer {
    env: Environment<'static>,
}

impl Renderer {
    /// Embedded templates, each replaced by `<dir>/<name>` when that file exists.
    pub fn new(override_dir: Option<&Path>) -> Result<Renderer, String> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.add_filter("doc", |s: String| str_lit(&format!(" {s}").trim_end().replace("  ", " ")));
        env.add_filter("lit", |s: String| str_lit(&s));
        for (name, embedded) in EMBEDDED {
            let source = match override_dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(p) => std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?,
                None => embedded.to_string(),
            };
            env.add_template_owned(*name, source).map_err(|e| format!("template {name}: {e:#}"))?;
        }
        Ok(Renderer { env })
    }

    /// The module file for one API: rendered, checked by syn, formatted by prettyplease.
    pub fn render_api(&self, api: &Api, settings: &Settings) -> Result<String, String> {
        let mut files = self.render_api_files(api, settings, &api.name, None)?;
        Ok(files.pop().map(|(_, code)| code).unwrap_or_default())
    }

    /// The files of one API, relative to the output directory: `<module>.rs`, or with
    /// `split` a module tree `<module>/mod.rs`, `<module>/types.rs` and one file per group
    /// (see [`split`]). Files are formatted in parallel; the result is in file order.
    pub fn render_api_files(&self, api: &Api, settings: &Settings, module: &str, split: Option<&SplitOptions>) -> Result<Vec<(String, String)>, String> {
        let view = timings::time(Stage::Render, || view::build(api, settings));
        let header = view.header.join("\n");
        // A syntax error names the API (one file) or the file of a split API.
        let render = |template: &str, view: &view::ApiView| timings::time(Stage::Render, || self.render(template, view));
        let sources: Vec<(String, String, String)> = match split {
            None => vec![(format!("{module}.rs"), api.name.clone(), render("api.rs.jinja", &view)?)],
            Some(s) => {
                let plan = split::plan(api);
                let mut out = Vec::new();
                for (file, part) in split::partition(view, &plan, s.features) {
                    let template = match file.as_str() {
                        "mod.rs" => "api.rs.jinja",
                        "types.rs" => "types.rs.jinja",
                        _ => "group.rs.jinja",
                    };
                    let path = format!("{module}/{file}");
                    out.push((path.clone(), path, render(template, &part)?));
                }
                out
            }
        };
        use rayon::prelude::*;
        sources
            .into_par_iter()
            .map(|(path, what, code)| {
                let formatted = format_rust(&code, &what)?;
                Ok((path, format!("{header}\n\n{formatted}")))
            })
            .collect()
    }

    /// `lib.rs` declaring one module per API (`client`: the modules hold clients, not only types).
    pub fn render_lib(&self, modules: &[(String, String)], generator: &str, client: bool) -> Result<String, String> {
        #[derive(serde::Serialize)]
        struct Lib<'a> {
            modules: Vec<Module<'a>>,
        }
        #[derive(serde::Serialize)]
        struct Module<'a> {
            ident: &'a str,
            docs: Vec<String>,
        }
        let what = if client { "Client and types" } else { "Types" };
        let lib = Lib { modules: modules.iter().map(|(ident, title)| Module { ident, docs: doc_lines(&format!("{what} for {title}.")) }).collect() };
        let code = self.render("lib.rs.jinja", &lib)?;
        Ok(format!("// @generated by {generator}. Do not edit by hand.\n\n{}", format_rust(&code, "lib.rs")?))
    }

    fn render<S: serde::Serialize>(&self, name: &str, ctx: &S) -> Result<String, String> {
        let tmpl = self.env.get_template(name).map_err(|e| format!("{e:#}"))?;
        tmpl.render(minijinja::Value::from(minijinja::value::Serde(ctx))).map_err(|e| format!("rendering {name}: {e:#}"))
    }
}

/// syn validates (a template bug must not produce broken code), prettyplease formats.
pub fn format_rust(code: &str, what: &str) -> Result<String, String> {
    let file = timings::time(Stage::SynCheck, || syn::parse_file(code)).map_err(|e| {
        let place = locate::first_broken_item(code).unwrap_or_else(|| "the file as a whole does not parse".into());
        format!("generated code for `{what}` does not parse ({e}); {place}")
    })?;
    let out = timings::time(Stage::Format, || space_items(&prettyplease::unparse(&file)));
    if code.len() > 4 << 20 {
        // Dropping a huge syn tree costs as much as formatting it, and generation runs in
        // short-lived processes (CLI, build scripts): let the OS reclaim it.
        std::mem::forget(file);
    }
    Ok(out)
}

/// prettyplease puts items back to back; a blank line after each closing brace or
/// `;`-terminated item before the next documented/attributed item reads like rustfmt.
fn space_items(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = String::with_capacity(code.len() + code.len() / 16);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        let Some(next) = lines.get(i + 1) else { break };
        let indent = |l: &str| l.len() - l.trim_start().len();
        let (t, n) = (line.trim(), next.trim_start());
        let ends_item = t == "}" || t == "};" || (t.ends_with(';') && !t.starts_with("//"));
        let starts_item = ["///", "#[", "pub ", "impl", "fn ", "const ", "async ", "trait ", "macro_rules!", "type ", "enum ", "struct ", "mod "]
            .iter()
            .any(|p| n.starts_with(p));
        if ends_item && starts_item && indent(line) == indent(next) {
            out.push('\n');
        }
    }
    out
}
