//! What changed in an API, in the terms a reviewer reads: operations, parameters, model
//! fields and enum values added, removed or retyped — read back from generated code.
//!
//! `check` compares committed output with a fresh generation; the committed side exists
//! only as code, so both sides are read the same way: with syn, from any layout of
//! modules and files. What counts: `Client` methods (not their `_with_response` /
//! `_stream` twins) with their documented route and arguments (a `params` struct's
//! fields are the operation's parameters), structs deriving serde (models, by wire name),
//! and enums of unit variants (their documented wire values).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use syn::{Attribute, Fields, FnArg, ImplItem, Item, Pat, Type};

/// Field or parameter name → its Rust type, as a reviewer would write it.
type Typed = BTreeMap<String, String>;

#[derive(Debug, Default, PartialEq)]
pub struct Surface {
    operations: BTreeMap<String, Operation>,
    models: BTreeMap<String, Typed>,
    enums: BTreeMap<String, BTreeSet<String>>,
}

#[derive(Debug, Default, PartialEq)]
struct Operation {
    /// `GET /users/{id}` as the method docs state it.
    route: String,
    params: Typed,
}

impl Surface {
    /// The surface of an API's generated files. A file that does not parse adds nothing
    /// (the code diff still shows it).
    pub fn read<'a>(files: impl IntoIterator<Item = &'a str>) -> Surface {
        let mut reader = Reader::default();
        for code in files {
            if let Ok(file) = syn::parse_file(code) {
                reader.items(&file.items);
            }
        }
        reader.finish()
    }
}

type Arg = (String, String);

#[derive(Default)]
struct Reader {
    structs: BTreeMap<String, (bool, Typed)>,
    /// Name, route and arguments (name, type) of each `Client` method.
    methods: Vec<(String, String, Vec<Arg>)>,
    enums: BTreeMap<String, BTreeSet<String>>,
}

impl Reader {
    fn items(&mut self, items: &[Item]) {
        for item in items {
            match item {
                Item::Mod(m) => self.items(m.content.as_ref().map_or(&[][..], |(_, items)| items)),
                Item::Struct(s) => {
                    if let Fields::Named(named) = &s.fields {
                        let fields =
                            named.named.iter().filter_map(|f| Some((wire_name(&f.attrs).unwrap_or(f.ident.as_ref()?.to_string()), shown(&f.ty)))).collect();
                        self.structs.insert(s.ident.to_string(), (derives_serde(&s.attrs), fields));
                    }
                }
                Item::Enum(e) => {
                    let values: BTreeSet<String> =
                        e.variants.iter().filter(|v| v.fields.is_empty()).map(|v| backticked(&v.attrs).unwrap_or(v.ident.to_string())).collect();
                    if !values.is_empty() {
                        self.enums.insert(e.ident.to_string(), values);
                    }
                }
                Item::Impl(i) if matches!(&*i.self_ty, Type::Path(p) if p.path.is_ident("Client")) => {
                    for f in i.items.iter().filter_map(|it| if let ImplItem::Fn(f) = it { Some(f) } else { None }) {
                        let name = f.sig.ident.to_string();
                        let Some(route) = f.sig.asyncness.as_ref().and(route(&f.attrs)) else { continue };
                        if name.ends_with("_with_response") || name.ends_with("_stream") {
                            continue;
                        }
                        let args = f.sig.inputs.iter().filter_map(typed_arg).collect();
                        self.methods.push((name, route, args));
                    }
                }
                _ => {}
            }
        }
    }

    fn finish(self) -> Surface {
        let mut operations = BTreeMap::new();
        let mut params_structs = BTreeSet::new();
        for (name, route, args) in self.methods {
            let mut params = Typed::new();
            for (arg, ty) in args {
                // `&params::ListShowsParams`: its fields are the operation's parameters.
                match self.structs.get(&ty).filter(|(serde, _)| !serde) {
                    Some((_, fields)) => {
                        params_structs.insert(ty);
                        params.extend(fields.clone());
                    }
                    None => {
                        params.insert(arg, ty);
                    }
                }
            }
            operations.insert(name, Operation { route, params });
        }
        let models = self.structs.into_iter().filter(|(name, (serde, _))| *serde && !params_structs.contains(name)).map(|(n, (_, f))| (n, f)).collect();
        Surface { operations, models, enums: self.enums }
    }
}

/// Per API (module name) whose surface changed: the committed files in `dir` (`<m>.rs`
/// and anything under `<m>/`) against the fresh `files`. For `check`'s summary.
pub fn api_changes(dir: &Path, files: &crate::output::Files, modules: &[String]) -> Vec<(String, Vec<String>)> {
    // The committed files are the ones the output's manifest lists.
    let generated = crate::output::generated_files(dir);
    let mut out = Vec::new();
    for m in modules {
        let committed: Vec<String> = generated.iter().filter(|f| in_module(f, m)).filter_map(|f| std::fs::read_to_string(dir.join(f)).ok()).collect();
        if committed.is_empty() {
            continue; // never generated: `check` says each file is missing
        }
        let lines = changes(&Surface::read(committed.iter().map(String::as_str)), &of_module(files, m));
        if !lines.is_empty() {
            out.push((m.clone(), lines));
        }
    }
    out
}

/// The surface of one API's files among `files`: `<module>.rs` and anything under `<module>/`.
pub fn of_module(files: &crate::output::Files, module: &str) -> Surface {
    Surface::read(files.iter().filter(|(name, _)| in_module(name, module)).map(|(_, code)| code.as_str()))
}

fn in_module(file: &str, module: &str) -> bool {
    file.strip_suffix(".rs") == Some(module) || file.strip_prefix(module).is_some_and(|rest| rest.starts_with('/'))
}

/// The lines a reviewer wants: `+` added, `-` removed, `~` changed; empty when the
/// surfaces agree (the code may still differ, in docs or layout).
pub fn changes(old: &Surface, new: &Surface) -> Vec<String> {
    let mut out = Vec::new();
    for (name, op) in &new.operations {
        match old.operations.get(name) {
            None => out.push(format!("+ operation {name} ({})", op.route)),
            Some(was) => {
                if was.route != op.route {
                    out.push(format!("~ operation {name}: {} → {}", was.route, op.route));
                }
                typed_changes(&mut out, &format!("parameter {name}"), &was.params, &op.params);
            }
        }
    }
    for (name, op) in old.operations.iter().filter(|(n, _)| !new.operations.contains_key(*n)) {
        out.push(format!("- operation {name} ({})", op.route));
    }
    for (name, fields) in &new.models {
        match old.models.get(name) {
            None => out.push(format!("+ model {name} ({} field(s))", fields.len())),
            Some(was) => typed_changes(&mut out, &format!("field {name}"), was, fields),
        }
    }
    for name in old.models.keys().filter(|n| !new.models.contains_key(*n)) {
        out.push(format!("- model {name}"));
    }
    for (name, values) in &new.enums {
        let was = old.enums.get(name);
        if was.is_none() && !old.models.contains_key(name) {
            out.push(format!("+ enum {name} ({})", values.iter().map(String::as_str).collect::<Vec<_>>().join(", ")));
            continue;
        }
        let was = was.cloned().unwrap_or_default();
        for v in values.difference(&was) {
            out.push(format!("+ enum value {name}: {v}"));
        }
        for v in was.difference(values) {
            out.push(format!("- enum value {name}: {v}"));
        }
    }
    for name in old.enums.keys().filter(|n| !new.enums.contains_key(*n)) {
        out.push(format!("- enum {name}"));
    }
    out
}

fn typed_changes(out: &mut Vec<String>, what: &str, old: &Typed, new: &Typed) {
    for (name, ty) in new {
        match old.get(name) {
            None => out.push(format!("+ {what}.{name}: {ty}")),
            Some(was) if was != ty => out.push(format!("~ {what}.{name}: {was} → {ty}")),
            Some(_) => {}
        }
    }
    for (name, ty) in old.iter().filter(|(n, _)| !new.contains_key(*n)) {
        out.push(format!("- {what}.{name}: {ty}"));
    }
}

fn typed_arg(arg: &FnArg) -> Option<Arg> {
    let FnArg::Typed(t) = arg else { return None };
    let Pat::Ident(name) = &*t.pat else { return None };
    let ty = match &*t.ty {
        Type::Reference(r) => &*r.elem,
        ty => ty,
    };
    Some((name.ident.to_string(), shown(ty)))
}

/// `::std::option::Option<::std::string::String>` → `Option<String>`: the last segment
/// of every path, as a reviewer writes types.
fn shown(ty: &Type) -> String {
    let full = quote::ToTokens::to_token_stream(ty).to_string().replace(' ', "");
    let mut out = String::with_capacity(full.len());
    for (i, part) in full.split("::").enumerate() {
        // Drop what precedes each `::` back to the last delimiter: the path prefix.
        if i > 0 {
            let keep = out.rfind(['<', '>', ',', '(', ')', '[', ']', '&', ';']).map_or(0, |p| p + 1);
            out.truncate(keep);
        }
        out.push_str(part);
    }
    out.replace(',', ", ")
}

fn doc_lines(attrs: &[Attribute]) -> impl Iterator<Item = String> + '_ {
    attrs.iter().filter(|a| a.path().is_ident("doc")).filter_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().to_string()),
            _ => None,
        },
        _ => None,
    })
}

/// The method docs' route line: `` `GET /users/{id}` ``.
fn route(attrs: &[Attribute]) -> Option<String> {
    doc_lines(attrs).find_map(|l| {
        let inner = l.strip_prefix('`')?.strip_suffix('`')?;
        let (method, path) = inner.split_once(' ')?;
        (method.chars().all(|c| c.is_ascii_uppercase()) && path.starts_with('/')).then(|| inner.to_string())
    })
}

/// An enum variant's wire value: its first doc line when that is one backticked literal.
fn backticked(attrs: &[Attribute]) -> Option<String> {
    let first = doc_lines(attrs).next()?;
    let inner = first.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.contains('`')).then(|| inner.to_string())
}

fn derives_serde(attrs: &[Attribute]) -> bool {
    attrs.iter().filter(|a| a.path().is_ident("derive")).any(|a| {
        let tokens = quote::ToTokens::to_token_stream(&a.meta).to_string();
        tokens.contains("Serialize") || tokens.contains("Deserialize")
    })
}

/// `#[serde(rename = "bookId")]`.
fn wire_name(attrs: &[Attribute]) -> Option<String> {
    attrs.iter().filter(|a| a.path().is_ident("serde")).find_map(|a| {
        let mut found = None;
        let _ = a.parse_nested_meta(|m| {
            if m.path.is_ident("rename") {
                found = Some(m.value()?.parse::<syn::LitStr>()?.value());
            } else if m.input.peek(syn::Token![=]) {
                m.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        });
        found
    })
}

#[cfg(test)]
mod tests;
