//! Where each parameter of a method goes, from the page's own evidence: the path
//! template, the parameters heading (go's "Path Parameters" / "Other Parameters"), the
//! request Content-Type (form and multipart fields, raw bodies), header-like names,
//! and the example's `(optional)` notes.

use super::Interp;
use super::lines::header_name;
use super::method::{Hint, PendingOp};
use super::rows::{names_a_model, unescape_keyword};
use crate::parse::text::loose_key;
use crate::schema::{BodyKind, Location, Operation, Param, Type, path_placeholders};
use std::collections::HashSet;

/// Models and free-form objects cannot travel in a query string.
fn looks_like_json_body(p: &Param) -> bool {
    loose_key(&p.name) == "body" || names_a_model(&p.ty) || matches!(p.ty, Type::Any | Type::Map { .. })
}

fn is_file(t: &Type) -> bool {
    matches!(t, Type::String { format: Some(f) } if f == "binary")
}

impl Interp<'_> {
    /// Fill method/path from the index, decide parameter locations and the body kind,
    /// cross-check the signature.
    pub(super) fn settle(&mut self, pending: PendingOp) -> Operation {
        let PendingOp { mut op, hints, args, content, examples } = pending;
        let kind = content.as_deref().and_then(crate::media::first_body_kind);
        let line = op.source.line;
        if let Some(entry) = self.index.get(&loose_key(&op.name)) {
            if let (None, Some((m, p))) = (op.method, &entry.http) {
                (op.method, op.path) = (Some(*m), Some(p.clone()));
            }
            if op.summary.is_none() {
                op.summary = entry.summary.clone();
            }
        }
        let path = op.path.clone().unwrap_or_default();
        if op.path.is_none() {
            self.warn(
                line,
                format!("`{}`: no HTTP method and path found", op.name),
                "add `method` and `path` for it in an [[api.operation]] overlay in docs2rs.toml",
            );
        }
        let placeholders = path_placeholders(&path);
        let fields = matches!(kind, Some(BodyKind::Form | BodyKind::Multipart));
        for (param, hint) in op.params.iter_mut().zip(&hints) {
            let in_path = placeholders.iter().find(|p| loose_key(p) == loose_key(&param.name));
            let header = header_name(&param.name);
            param.location = match (*hint, in_path) {
                (Hint::In(Location::Path), _) | (Hint::Unknown, Some(_)) => Location::Path,
                (Hint::In(h), _) => h,
                _ if header.is_some() => Location::Header,
                _ if fields => Location::Body,
                _ if looks_like_json_body(param) => Location::Body,
                _ => Location::Query,
            };
            match (param.location, in_path) {
                // The path template shows the path parameter's real wire name.
                (Location::Path, Some(wire)) => param.wire_name = wire.clone(),
                (Location::Header, _) => param.wire_name = header.unwrap_or_else(|| param.name.clone()),
                _ => {}
            }
            let Some(example) = examples.get(&loose_key(&param.name)) else { continue };
            if param.location != Location::Path && example.optional {
                param.required = false;
            }
            // typescript-fetch lists an array of enum values as the values alone; its
            // example spells the array (`Array<'A' | 'B'>`).
            if !param.enum_values.is_empty() && !matches!(param.ty, Type::Array { .. }) && example.ty.starts_with("Array<") {
                param.ty = Type::array(param.ty.clone());
            }
        }
        // A file parameter with no stated Content-Type (kotlin prints `Not defined`) is
        // the raw body: a file cannot travel in a query string.
        let file_param = op.params.iter().any(|p| matches!(p.location, Location::Query | Location::Body) && is_file(&p.ty));
        op.body_kind = match kind {
            Some(kind @ (BodyKind::Form | BodyKind::Multipart)) if op.params.iter().any(|p| p.location == Location::Body) => Some(kind),
            Some(kind @ (BodyKind::Binary | BodyKind::Text)) => self.raw_body(&mut op, kind),
            None if file_param => self.raw_body(&mut op, BodyKind::Binary),
            _ => None,
        };
        if let Some(raw @ (BodyKind::Binary | BodyKind::Text)) = op.body_kind {
            op.content_type = content.as_deref().and_then(crate::media::raw_media_type).filter(|m| m != raw.media_type());
        }
        for ph in &placeholders {
            if !op.params.iter().any(|p| loose_key(p.name.as_str()) == loose_key(ph)) && !op.params.is_empty() {
                let msg = format!("`{}`: path placeholder `{{{ph}}}` has no documented parameter", op.name);
                self.warn(line, msg, "document the parameter or add it in an overlay");
            }
        }
        let documented: HashSet<String> = op.params.iter().map(|p| loose_key(&p.name)).collect();
        for arg in args {
            let arg = arg.rsplit(' ').next().unwrap_or("").trim_start_matches(['$', '*', '&']);
            if matches!(arg, "opts" | "options" | "ctx" | "context" | "kwargs" | "callback" | "") || op.params.is_empty() {
                continue;
            }
            if !documented.contains(&loose_key(&unescape_keyword(arg))) {
                let msg = format!("`{}`: signature argument `{arg}` is not in the parameters table", op.name);
                self.warn(line, msg, "check the page; the argument is not generated");
            }
        }
        op
    }

    /// A raw (bytes or text) body is the one parameter that can carry it: a file, or the
    /// only parameter left in the query.
    fn raw_body(&mut self, op: &mut Operation, kind: BodyKind) -> Option<BodyKind> {
        let candidates: Vec<usize> =
            op.params.iter().enumerate().filter(|(_, p)| matches!(p.location, Location::Query | Location::Body)).map(|(i, _)| i).collect();
        let chosen = candidates.iter().copied().find(|&i| is_file(&op.params[i].ty)).or(match candidates.as_slice() {
            [only] => Some(*only),
            _ => None,
        });
        match chosen {
            Some(i) => {
                op.params[i].location = Location::Body;
                Some(kind)
            }
            None => {
                let msg =
                    format!("`{}` takes a {} body but no single parameter carries it; its parameters are sent as query parameters", op.name, kind.media_type());
                let hint = format!("set the body parameter's location in docs2rs.toml: [api.locations] \"{}.<param>\" = \"body\"", op.name);
                self.warn(op.source.line, msg, &hint);
                None
            }
        }
    }
}
