//! The page reader: any API reference page, lowered to blocks, → operations and models.
//!
//! [`segment`] finds the endpoints a page states and splits the page into one part per
//! operation; [`op`] reads each part with the shared recognisers; [`assemble`] turns what
//! was read into the schema. [`build`] is the older endpoint-page assembly the Fern and
//! ReadMe flavours still use.

pub(crate) mod assemble;
pub(crate) mod build;
pub(crate) mod op;
pub(crate) mod segment;
pub(crate) mod units;

use crate::diag::Diagnostics;
use crate::parse::blocks::Block;
use crate::parse::recognise::endpoint::describe;
use crate::schema::{ParsedDoc, Source};
use heck::ToSnakeCase;
use std::collections::HashSet;

/// `DOCS2RS_TRACE=1`: the reader's steps on stderr (line, target, pending field), for
/// working on recognisers; read once, free when unset.
macro_rules! trace {
    ($($arg:tt)*) => {
        if $crate::parse::page::tracing() {
            eprintln!("TRACE {}", format_args!($($arg)*));
        }
    };
}
pub(crate) use trace;

pub(crate) fn tracing() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DOCS2RS_TRACE").is_some())
}

/// Read one page. Never empty without a warning that says what the page held.
pub fn read(file: &str, blocks: &[Block], diags: &mut Diagnostics) -> ParsedDoc {
    let units = units::units(blocks);
    let found = segment::find(&units);
    let segments = segment::segments(&units, &found);
    let mut doc = ParsedDoc::default();
    let single = segments.len() == 1;
    let mut names: HashSet<String> = HashSet::new();
    let mut reads: Vec<(&segment::Segment, op::OpDoc)> = segments.iter().map(|seg| (seg, op::read(&units, seg))).collect();
    // A page with no endpoint and no sections, titled by a type name (ASP.NET's
    // `ResourceModel?modelName=RinkBooking`): its fields are that model's.
    if found.anchors.is_empty() && found.examples.is_empty() && found.listed.is_empty() {
        for (seg, read) in reads.iter_mut() {
            // Stripe's object pages: `Attributes`, the fields, `The Fee Refund object`, a sample.
            let object = units[seg.start..seg.end]
                .iter()
                .filter_map(units::Unit::text)
                .find_map(|t| t.trim().strip_prefix("The ").and_then(|r| r.strip_suffix(" object")).map(|n| n.to_string()));
            let title = seg
                .title
                .as_ref()
                .map(|t| (t.0.trim().to_string(), t.1))
                .filter(|(t, _)| read.sections_seen == 0 && crate::parse::vocab::type_words::is_model_name(t));
            let named = object.map(|n| (heck::ToUpperCamelCase::to_upper_camel_case(n.as_str()), seg.title.as_ref().map_or(1, |t| t.1))).or(title);
            if let Some((name, line)) = named {
                let mut fields: Vec<_> = std::mem::take(&mut read.unsectioned);
                fields.extend(read.params.drain(..).map(|(_, f)| f));
                fields.append(&mut read.body);
                if !fields.is_empty() {
                    read.models.push(op::ModelDoc { name, line, fields, ..op::ModelDoc::default() });
                }
            }
        }
    }
    let (facts, model_docs) = assemble::PageFacts::gather(&mut reads.iter_mut().map(|(_, r)| r).collect::<Vec<_>>());
    let mut ops = Vec::new();
    for (seg, read) in reads {
        let says_something =
            seg.anchor.is_some() || !read.params.is_empty() || !read.body.is_empty() || !read.response.is_empty() || !read.unsectioned.is_empty();
        // A part with only models (or nothing): its models are the page's.
        if !says_something {
            continue;
        }
        let name = unique(operation_name(file, seg, single, diags), &mut names);
        if let Some(base) = seg.anchor.as_ref().and_then(|a| a.endpoint.base_url.clone()) {
            doc.base_url.get_or_insert(base);
        }
        ops.push((name, seg, read));
    }
    if doc.base_url.is_none() {
        doc.base_url = found.examples.iter().find_map(|a| a.endpoint.base_url.clone());
    }
    let mut likes: Vec<(usize, String)> = Vec::new();
    for (name, seg, read) in ops {
        if let Some(like) = read.response_like.clone() {
            likes.push((doc.operations.len(), like));
        }
        let (op, models) = assemble::operation(file, name, seg, read, &facts, diags);
        doc.models.extend(models);
        doc.operations.push(op);
    }
    doc.models.extend(assemble::models(file, model_docs, &facts, diags));
    same_response_as(&mut doc.operations, &likes);
    // Endpoints an index lists that no part of the page documents. A page that documents one
    // request type under several listed routes (ServiceStack) documents each of them.
    let same = |o: &crate::schema::Operation, e: &crate::parse::recognise::endpoint::Endpoint| {
        o.method == Some(e.method)
            && o.path.as_deref().is_some_and(|p| crate::parse::recognise::endpoint::path_shape(p) == crate::parse::recognise::endpoint::path_shape(&e.path))
    };
    let shared = (found.anchors.is_empty() && doc.operations.len() == 1 && found.listed.iter().any(|l| same(&doc.operations[0], &l.endpoint)))
        .then(|| doc.operations[0].clone());
    for listed in &found.listed {
        let documented = doc.operations.iter().any(|o| same(o, &listed.endpoint));
        if documented {
            continue;
        }
        if let Some(base) = &shared {
            let mut op = base.clone();
            op.name = unique(format!("{}_{}", base.name, describe(&listed.endpoint).to_snake_case()), &mut names);
            op.method = Some(listed.endpoint.method);
            op.path = Some(listed.endpoint.path.clone());
            let template = crate::schema::path_placeholders(&listed.endpoint.path);
            op.params.retain(|p| p.location != crate::schema::Location::Path);
            for placeholder in template {
                let documented = base.params.iter().find(|p| p.name == placeholder).cloned();
                let mut p = documented.unwrap_or_else(|| {
                    crate::schema::Param::new(
                        placeholder.clone(),
                        crate::schema::Location::Path,
                        crate::schema::Type::string(),
                        true,
                        Source::new(file, listed.line),
                    )
                });
                p.location = crate::schema::Location::Path;
                p.required = true;
                op.params.insert(0, p);
            }
            doc.operations.push(op);
            continue;
        }
        let title = listed.summary.clone().filter(|s| s.split_whitespace().count() <= 12);
        let base = title.clone().unwrap_or_else(|| describe(&listed.endpoint));
        let name = unique(base.to_snake_case(), &mut names);
        let mut op = crate::schema::Operation::new(name, Some(listed.endpoint.method), Some(listed.endpoint.path.clone()), Source::new(file, listed.line));
        op.summary = listed.summary.clone();
        for placeholder in crate::schema::path_placeholders(&listed.endpoint.path) {
            let mut p = crate::schema::Param::new(
                placeholder.clone(),
                crate::schema::Location::Path,
                crate::schema::Type::string(),
                true,
                Source::new(file, listed.line),
            );
            p.wire_name = placeholder;
            op.params.push(p);
        }
        doc.operations.push(op);
    }
    doc.title = segments.first().and_then(|s| s.title.as_ref()).map(|t| t.0.clone()).filter(|_| single);
    if doc.operations.is_empty() && doc.models.is_empty() {
        nothing_found(file, &units, &found, diags);
    }
    doc
}

/// Single-operation pages are named after the file (`update-user.txt` → `update_user`),
/// as users name saved pages; operations of a multi-operation page after their titles.
fn operation_name(file: &str, seg: &segment::Segment, single: bool, diags: &mut Diagnostics) -> String {
    let title = seg.title.as_ref().map(|t| t.0.as_str());
    if single {
        return build::operation_name(file, title, diags);
    }
    let from_title = title.map(|t| t.to_snake_case()).filter(|s| s.starts_with(|c: char| c.is_ascii_alphabetic()) && s.len() <= 60);
    from_title.unwrap_or_else(|| match &seg.anchor {
        Some(a) => describe(&a.endpoint).to_snake_case(),
        None => "unnamed_operation".to_string(),
    })
}

fn unique(name: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{name}_{n}");
        n += 1;
    }
    candidate
}

/// Responses given as another operation's (`same shape as Get one route`, `Same as GET
/// /routes/:id`): that operation's, when the page has it and this one has none of its own.
fn same_response_as(ops: &mut [crate::schema::Operation], likes: &[(usize, String)]) {
    for (i, like) in likes {
        if !matches!(ops.get(*i).map(|o| &o.returns), Some(crate::schema::Returns::Unknown)) {
            continue;
        }
        let wanted = like.to_lowercase();
        let by_endpoint = crate::parse::recognise::endpoint::endpoint_in_line(like);
        let found = ops.iter().enumerate().find(|(j, o)| {
            j != i
                && (o.summary.as_deref().is_some_and(|s| s.to_lowercase() == wanted)
                    || by_endpoint.as_ref().is_some_and(|e| {
                        o.method == Some(e.method)
                            && o.path
                                .as_deref()
                                .is_some_and(|p| crate::parse::recognise::endpoint::path_shape(p) == crate::parse::recognise::endpoint::path_shape(&e.path))
                    }))
        });
        if let Some(returns) = found.map(|(_, o)| o.returns.clone()) {
            ops[*i].returns = returns;
        }
    }
}

/// A page that yielded nothing: say what it held and why nothing became an operation.
fn nothing_found(file: &str, units: &[units::Unit<'_>], found: &segment::Found, diags: &mut Diagnostics) {
    let count = |f: fn(&units::Unit<'_>) -> bool| units.iter().filter(|u| f(u)).count();
    let headings = count(|u| matches!(u, units::Unit::Heading { .. }));
    let tables = count(|u| matches!(u, units::Unit::Table { .. }));
    let lists = count(|u| matches!(u, units::Unit::List { .. }));
    let code = count(|u| matches!(u, units::Unit::Code { .. }));
    let lines = count(|u| matches!(u, units::Unit::Line { .. }));
    let endpoints = found.anchors.len() + found.examples.len();
    let first = units.iter().find_map(|u| u.text()).map(|t| t.chars().take(60).collect::<String>()).unwrap_or_default();
    diags.warn(
        Source::new(file, 1),
        format!(
            "no operation or model found: the page has {headings} heading(s), {lines} line(s) of text, {tables} table(s), {lists} list(s), {code} code block(s) and {endpoints} endpoint line(s); none names an endpoint with parameters or fields (first line: {first:?})"
        ),
        Some("if this is an API reference page, save it as HTML (the markup helps), or add an [[api.operation]] overlay with method and path; pages that are not API references can be removed from the inputs".to_string()),
    );
}

/// The anchors and segments the reader finds on a page, one line each (for working on
/// recognisers: `cargo test --test layouts anchors`).
#[doc(hidden)]
pub fn explain(blocks: &[Block]) -> Vec<String> {
    let units = units::units(blocks);
    let found = segment::find(&units);
    let mut out: Vec<String> =
        found.anchors.iter().map(|a| format!("anchor unit {} line {}: {}", a.unit, units[a.unit].line(), describe(&a.endpoint))).collect();
    out.extend(found.examples.iter().map(|a| format!("example unit {} line {}: {}", a.unit, units[a.unit].line(), describe(&a.endpoint))));
    for (k, u) in units.iter().enumerate() {
        if let Some(s) = u.text().and_then(crate::parse::vocab::sections::section_of) {
            out.push(format!("section unit {k} line {}: {s:?} {:?}", u.line(), u.text().unwrap_or("")));
        }
    }
    for s in segment::segments(&units, &found) {
        out.push(format!("segment units {}..{} lines {}..: title {:?}", s.start, s.end, units.get(s.start).map_or(0, |u| u.line()), s.title.map(|t| t.0)));
    }
    out
}
