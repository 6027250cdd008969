//! The `…_stream` method of a paged operation (`resolve::paging` found the pattern):
//! the Rust names and expressions `templates/paging.rs.jinja` prints.

use super::docs::code;
use super::view::{ArgView, Names, rust_type};
use crate::naming::{self, Scope};
use crate::schema::{Model, Operation, Paging, PagingStyle, Returns, Type};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct PagingView {
    /// The stream method (`list_users_stream`).
    pub ident: String,
    /// `page_number`, `offset`, `cursor`, `next_uri` or `link_header`.
    pub style: &'static str,
    pub docs: Vec<String>,
    /// The operation's arguments, references bound to the stream's lifetime `'a`.
    pub args: Vec<ArgView>,
    /// The arguments of the plain method's call: `options` is the page's copy where a
    /// parameter changes per page.
    pub call: Vec<String>,
    /// The type of one page (the plain method's result) and of one item.
    pub page: String,
    pub item: String,
    /// The options field that selects the page.
    pub param: Option<String>,
    /// Where page numbers start when the caller does not say (`0` or `1`).
    pub base: i64,
    /// `response.<field>` reads, each optional.
    pub items: String,
    pub total: Option<String>,
    pub page_count: Option<String>,
    pub has_more: Option<String>,
    pub next: Option<String>,
    /// The item field whose value on the last item is the next cursor.
    pub item_cursor: Option<String>,
}

/// `params` maps documented parameter names to their options fields; `names` the
/// schema's types. `{method}_stream` is claimed with the method's name (`OP_METHOD_SUFFIXES`).
pub fn paging_view(
    op: &Operation,
    method: &str,
    args: &[ArgView],
    params: &BTreeMap<&str, String>,
    names: &Names,
    models: &BTreeMap<&str, &Model>,
) -> Option<PagingView> {
    let paging = op.paging.as_ref()?;
    let Returns::Body { ty } = &op.returns else { return None };
    let page_model = ty.ref_name().and_then(|n| models.get(n).copied());
    let field = |name: &Option<String>| -> Option<String> { Some(format!("response.{}", field_ident(page_model?, name.as_deref())?)) };
    let items_ty = match (&paging.items, page_model) {
        (Some(items), Some(m)) => m.fields.iter().find(|f| &f.name == items)?.ty.clone(),
        _ => ty.clone(),
    };
    let Type::Array { items: item_ty } = &items_ty else { return None };
    let item_model = item_ty.ref_name().and_then(|n| models.get(n).copied());
    let param = match &paging.param {
        Some(p) if paging.style != PagingStyle::LinkHeader => Some(params.get(p.as_str())?.clone()),
        _ => None,
    };
    let style = match paging.style {
        PagingStyle::PageNumber => "page_number",
        PagingStyle::Offset => "offset",
        PagingStyle::Cursor => "cursor",
        PagingStyle::NextUri => "next_uri",
        PagingStyle::LinkHeader => "link_header",
    };
    let ident = format!("{method}_stream");
    let item = rust_type(item_ty, names, "types::");
    // The docs speak of wire names (`pageNumber`), as the parameters' docs do.
    let fields = page_model.into_iter().chain(item_model).flat_map(|m| &m.fields);
    let wire = |name: &Option<String>| -> Option<String> {
        let name = name.as_deref()?;
        let param = op.params.iter().find(|p| p.name == name).map(|p| &p.wire_name);
        Some(param.or_else(|| fields.clone().find(|f| f.name == name).map(|f| &f.wire_name)).filter(|w| !w.is_empty()).map_or(name, |w| w).to_string())
    };
    let on_wire = Paging {
        param: wire(&paging.param),
        items: wire(&paging.items),
        total: wire(&paging.total),
        page_count: wire(&paging.page_count),
        next: wire(&paging.next),
        has_more: wire(&paging.has_more),
        item_cursor: wire(&paging.item_cursor),
        ..paging.clone()
    };
    Some(PagingView {
        docs: stream_docs(&on_wire, method, &ident, args),
        args: args.iter().map(|a| ArgView { ident: a.ident.clone(), ty: a.ty.replacen('&', "&'a ", 1) }).collect(),
        call: args.iter().map(|a| if a.ident == "options" && param.is_some() { "&options".into() } else { a.ident.clone() }).collect(),
        page: rust_type(ty, names, "types::"),
        item,
        param,
        base: first_page(paging),
        items: if paging.items.is_some() { field(&paging.items)? } else { "response".into() },
        total: field(&paging.total),
        page_count: field(&paging.page_count),
        has_more: field(&paging.has_more),
        next: field(&paging.next),
        item_cursor: match &paging.item_cursor {
            Some(id) => Some(field_ident(item_model?, Some(id))?),
            None => None,
        },
        style,
        ident,
    })
}

/// Page numbers start at 1 unless the page parameter's documented default is 0.
fn first_page(paging: &Paging) -> i64 {
    if paging.first.as_deref().map(str::trim) == Some("0") { 0 } else { 1 }
}

/// The Rust name of a model's field: the same scope walk as the struct's fields.
fn field_ident(model: &Model, name: Option<&str>) -> Option<String> {
    let mut scope = Scope::with_reserved(&[]);
    let idents: Vec<String> = model.fields.iter().map(|f| scope.unique(naming::snake(&f.name, "field"))).collect();
    model.fields.iter().position(|f| Some(f.name.as_str()) == name).map(|i| idents[i].clone())
}

fn stream_docs(paging: &Paging, method: &str, ident: &str, args: &[ArgView]) -> Vec<String> {
    let names = |fields: &[&Option<String>]| fields.iter().filter_map(|f| f.as_deref()).map(code).collect::<Vec<_>>();
    let param = paging.param.as_deref().map(code).unwrap_or_default();
    let how = match paging.style {
        PagingStyle::PageNumber => {
            let base = first_page(paging);
            format!("Asks for {param} = {base}, {}, … (from the one you set, if any)", base + 1)
        }
        PagingStyle::Offset => format!("Moves {param} past the items received (from the one you set, if any)"),
        PagingStyle::Cursor => match &paging.item_cursor {
            Some(id) => format!("Sends the last item's {} as {param}", code(id)),
            None => format!("Sends each page's {} as {param}", names(&[&paging.next]).join("")),
        },
        PagingStyle::NextUri => format!("Follows each page's {}", names(&[&paging.next]).join("")),
        PagingStyle::LinkHeader => "Follows the `Link: <…>; rel=\"next\"` response header".to_string(),
    };
    let linked = matches!(paging.style, PagingStyle::Cursor | PagingStyle::NextUri | PagingStyle::LinkHeader);
    let mut stops = vec![if linked { "a page without a next one".to_string() } else { "an empty page".to_string() }];
    stops.extend(paging.total.as_deref().map(|t| format!("{} items", code(t))));
    stops.extend(paging.page_count.as_deref().map(|c| format!("{} pages", code(c))));
    stops.extend(paging.has_more.as_deref().map(|m| format!("a page whose {} is false", code(m))));
    if !linked && paging.has_more.is_none() {
        stops.extend(paging.next.as_deref().map(|n| format!("a page without {}", code(n))));
    }
    let last = stops.pop().unwrap_or_default();
    let stops = if stops.is_empty() { last } else { format!("{} or {last}", stops.join(", ")) };
    let call: Vec<String> = args.iter().map(|a| if a.ident == "options" { "&Default::default()".into() } else { a.ident.clone() }).collect();
    vec![
        format!("Every item of [`Client::{method}`], page after page."),
        String::new(),
        format!("{how}, and stops after {stops}. Each page is fetched when the stream reaches it; an error is the last item."),
        String::new(),
        "```text".into(),
        "use futures_util::StreamExt;".into(),
        format!("let mut items = client.{ident}({});", call.join(", ")),
        "while let Some(item) = items.next().await {".into(),
        "    let item = item?;".into(),
        "}".into(),
        "```".into(),
    ]
}
