//! Schema → formatted Rust source, through the minijinja templates in `templates/`.

mod chunks;
mod docs;
mod errors;
mod forms;
mod locate;
mod paging;
pub mod split;
mod std_paths;
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
    /// (see [`split`]). Each file is rendered and formatted on one of the pool's threads,
    /// so only the files in flight are held unformatted; the result is in file order.
    pub fn render_api_files(&self, api: &Api, settings: &Settings, module: &str, split: Option<&SplitOptions>) -> Result<Vec<(String, String)>, String> {
        let view = timings::time(Stage::Render, || view::build(api, settings));
        let generated_by = view.generated_by.clone();
        // (path, template, view, header); a syntax error names the API (one file) or the file.
        let files: Vec<(String, &str, view::ApiView, String)> = match split {
            None => vec![(format!("{module}.rs"), "api.rs.jinja", view, file_header(&generated_by, api.sources.iter().map(String::as_str)))],
            Some(s) => {
                let plan = split::plan(api);
                let sources = split::sources(api, &plan);
                let parts = timings::time(Stage::Render, || split::partition(view, &plan, s.features));
                parts
                    .into_iter()
                    .zip(sources)
                    .map(|((file, part), sources)| (format!("{module}/{file}"), split_template(&file), part, file_header(&generated_by, sources)))
                    .collect()
            }
        };
        let what = |path: &str| if split.is_some() { path.to_string() } else { api.name.clone() };
        // Biggest files first, each its own task: a big group last in the queue would leave
        // the other cores idle while one formats it. Results go back in file order.
        let mut files: Vec<(usize, _)> = files.into_iter().enumerate().collect();
        files.sort_by_key(|(i, (_, _, view, _))| (std::cmp::Reverse(view.weight()), *i));
        use rayon::prelude::*;
        let mut done: Vec<(usize, (String, String))> = files
            .into_par_iter()
            .with_max_len(1)
            .map(|(i, (path, template, view, header))| {
                let code = timings::time(Stage::Render, || self.render(template, &view))?;
                drop(view);
                let formatted = format_rust(&code, &what(&path))?;
                Ok((i, (path, format!("{header}\n\n{formatted}"))))
            })
            .collect::<Result<_, String>>()?;
        done.sort_by_key(|(i, _)| *i);
        Ok(done.into_iter().map(|(_, file)| file).collect())
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

/// The template of a file of split output ([`split::partition`] names them).
fn split_template(file: &str) -> &'static str {
    match file {
        "mod.rs" => "api.rs.jinja",
        "types.rs" => "types.rs.jinja",
        _ => "group.rs.jinja",
    }
}

/// A file's first lines: who generated it and from which pages (none for a `types.rs` of
/// re-exports only).
fn file_header<'a>(generated_by: &str, sources: impl IntoIterator<Item = &'a str>) -> String {
    let sources: Vec<&str> = sources.into_iter().collect();
    match sources.is_empty() {
        true => generated_by.to_string(),
        false => format!("{generated_by}\n// Sources: {}", sources.join(", ").replace(['\n', '\r'], " ")),
    }
}

/// Pieces of a file that syn and prettyplease take one at a time (see [`chunks`]): big
/// enough that a piece is many items, small enough that a big file spreads over the cores.
const PIECE_BYTES: usize = 16 << 10;

/// syn validates (a template bug must not produce broken code), prettyplease formats.
/// A file is handled in pieces of whole items, in parallel; the result is the same as for
/// the file whole (a test compares), which is what an error falls back to.
pub fn format_rust(code: &str, what: &str) -> Result<String, String> {
    format_in_pieces(code, what, PIECE_BYTES)
}

fn format_in_pieces(code: &str, what: &str, piece_bytes: usize) -> Result<String, String> {
    let pieces = chunks::items(code, piece_bytes);
    if pieces.len() > 1 {
        use rayon::prelude::*;
        let formatted: Option<Vec<String>> = pieces.par_iter().enumerate().map(|(i, piece)| format_piece(piece, i == 0)).collect();
        if let Some(parts) = formatted {
            return Ok(timings::time(Stage::Format, || space_items(&parts.concat())));
        }
    }
    format_whole(code, what)
}

/// One piece, unless it does not parse or holds file-level attributes past the first piece.
fn format_piece(piece: &str, first: bool) -> Option<String> {
    let file = timings::time(Stage::SynCheck, || syn::parse_file(piece)).ok().filter(|f| first || f.attrs.is_empty())?;
    Some(timings::time(Stage::Format, || prettyplease::unparse(&file)))
}

fn format_whole(code: &str, what: &str) -> Result<String, String> {
    let file = timings::time(Stage::SynCheck, || syn::parse_file(code)).map_err(|e| {
        let place = locate::first_broken_item(code).unwrap_or_else(|| "the file as a whole does not parse".into());
        format!("generated code for `{what}` does not parse ({e}); {place}")
    })?;
    Ok(timings::time(Stage::Format, || space_items(&prettyplease::unparse(&file))))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{EnumDef, EnumValue, Field, Location, Method, Model, Param, Returns, Source, Type};

    /// Models, an enum and operations with path, query and body parameters: every template
    /// has something to render.
    fn sample_api() -> Api {
        let src = || Source::new("docs/Sample.md", 3);
        let field = |name: &str, ty: Type, required: bool| Field {
            wire_name: heck::ToLowerCamelCase::to_lower_camel_case(name),
            description: Some(format!("The {name} {{braces}} and \"quotes\".")),
            ..Field::new(name, ty, required, src())
        };
        let models = (0..12)
            .map(|i| Model {
                name: format!("Thing{i}"),
                description: Some(format!("Thing number {i}.")),
                fields: vec![
                    field("id", Type::string(), true),
                    field("display_name", Type::string(), false),
                    field("count", Type::integer(), false),
                    field("kind", Type::reference("Kind"), false),
                    field("next", Type::array(Type::reference(format!("Thing{}", (i + 1) % 12))), false),
                ],
                source: src(),
                undocumented: false,
            })
            .collect();
        let enums = vec![EnumDef { name: "Kind".into(), description: None, values: ["a", "b-c"].into_iter().map(EnumValue::new).collect(), source: src() }];
        let param = |name: &str, location, required| Param { wire_name: name.into(), ..Param::new(name, location, Type::string(), required, src()) };
        let operations = (0..12)
            .map(|i| {
                let mut op = crate::schema::Operation::new(
                    format!("get_thing_{i}"),
                    Some(if i % 2 == 0 { Method::Get } else { Method::Post }),
                    Some(format!("/things{i}/{{id}}")),
                    src(),
                );
                op.params = vec![param("id", Location::Path, true), param("filter", Location::Query, false), param("X-Trace", Location::Header, false)];
                if i % 2 == 1 {
                    op.params.push(Param::new("body", Location::Body, Type::reference(format!("Thing{i}")), true, src()));
                }
                op.returns = Returns::Body { ty: Type::reference(format!("Thing{i}")) };
                op.group = Some(if i < 6 { "Things" } else { "Others" }.into());
                op
            })
            .collect();
        Api { name: "sample".into(), title: Some("Sample".into()), models, enums, operations, sources: vec!["docs/Sample.md".into()], ..Default::default() }
    }

    /// Template output, formatted in pieces as small as one item, is what formatting it
    /// whole gives: for one file and for every file of split output.
    #[test]
    fn formatting_in_pieces_equals_formatting_whole() {
        let renderer = Renderer::new(None).unwrap();
        let api = sample_api();
        let settings = Settings { query_arrays: Default::default(), generator: "docs2rs".into(), client: true };
        let view = view::build(&api, &settings);
        let mut files = vec![renderer.render("api.rs.jinja", &view).unwrap()];
        for (file, part) in split::partition(view, &split::plan(&api), true) {
            files.push(renderer.render(split_template(&file), &part).unwrap());
        }
        let mut pieces = 0;
        for code in &files {
            let whole = format_whole(code, "sample").unwrap();
            for piece_bytes in [1, 300, 5000] {
                let cut = chunks::items(code, piece_bytes);
                // Whole items each (no fallback to the whole file hides a bad cut).
                assert!(cut.iter().all(|p| syn::parse_file(p).is_ok()), "pieces of {piece_bytes} bytes");
                pieces += cut.len();
                assert_eq!(format_in_pieces(code, "sample", piece_bytes).unwrap(), whole, "in pieces of {piece_bytes} bytes:\n{code}");
            }
        }
        assert!(pieces > 20 * files.len(), "{} files, {pieces} pieces", files.len());
    }

    #[test]
    fn a_piece_that_does_not_parse_gives_the_whole_file_error() {
        let code = "struct A;\nfn f() { let }\nstruct B;\n";
        let err = format_in_pieces(code, "x", 1).unwrap_err();
        assert_eq!(err, format_whole(code, "x").unwrap_err());
        assert!(err.contains("item 2 does not parse"), "{err}");
    }
}
