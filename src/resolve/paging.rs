//! Which list operations page, and how: a GET whose optional query parameters and
//! response model match one of the common paging vocabularies (names compared loosely,
//! so `pageNumber`, `page_number` and `PageNumber` are one name). The client gets a
//! `…_stream` method for each (`render::paging`); `paginate` in docs2rs.toml switches it.

use super::overlay_matches;
use crate::config::ApiConfig;
use crate::diag::Diagnostics;
use crate::parse::text::loose_key;
use crate::schema::*;
use std::collections::BTreeMap;

/// Parameters that select a page by number.
const PAGE_PARAMS: &[&str] = &["page", "pagenumber", "pagenum", "pageno", "pageindex"];
/// Parameters that select a page by the number of items to skip.
const OFFSET_PARAMS: &[&str] = &["offset", "skip", "startindex", "startat"];
/// Parameters that select a page by an opaque token the previous page gave.
const CURSOR_PARAMS: &[&str] =
    &["cursor", "after", "pagetoken", "startingafter", "continuationtoken", "pagecursor", "startcursor", "marker", "nexttoken", "continuation"];
/// Response fields holding the items.
const ITEM_FIELDS: &[&str] = &["entities", "data", "items", "results", "records", "values", "elements", "content", "rows", "list"];
const TOTAL_FIELDS: &[&str] = &["total", "totalcount", "totalitems", "totalresults", "totalsize", "totalelements", "totalrecords"];
const PAGE_COUNT_FIELDS: &[&str] = &["pagecount", "totalpages", "pages", "numpages", "numberofpages"];
const NEXT_CURSOR_FIELDS: &[&str] = &["nextcursor", "nextpagetoken", "nexttoken", "next", "endcursor", "nextmarker", "continuationtoken", "cursor"];
const NEXT_URI_FIELDS: &[&str] = &["nexturi", "nexturl", "nextpage", "nextlink", "nextpageuri", "nextpageurl", "nexthref", "next"];
const HAS_MORE_FIELDS: &[&str] = &["hasmore", "hasnext", "hasnextpage", "more"];

/// Sets `paging` on every operation that matches a pattern and is not switched off.
/// Runs before overlay renames, so overlays match operations as documented.
pub fn detect(api: &mut Api, cfg: &ApiConfig, diags: &mut Diagnostics) {
    let default = cfg.paginate.unwrap_or(true);
    let Api { operations, models, .. } = api;
    let models = models_by_name(models);
    for op in operations {
        let switch = cfg.operations.iter().filter(|ov| overlay_matches(op, &ov.matches)).filter_map(|ov| ov.paginate.map(|on| (on, ov.line))).next_back();
        if switch.is_some() {
            op.overlaid.push("paginate".into());
        }
        if !switch.map_or(default, |(on, _)| on) {
            continue;
        }
        op.paging = paging(op, &models);
        if let (Some((true, line)), None) = (switch, &op.paging) {
            diags.warn(
                Source::new(cfg.config_label(), line),
                format!("`paginate = true` on operation `{}`, but its parameters and response match no paging pattern", op.name),
                Some("see the README's list of paging patterns; a page parameter must be an optional query parameter of a GET".to_string()),
            );
        }
    }
}

/// The paging pattern `op` matches, if any.
pub fn paging(op: &Operation, models: &BTreeMap<&str, &Model>) -> Option<Paging> {
    if op.method != Some(Method::Get) {
        return None;
    }
    let Returns::Body { ty } = &op.returns else { return None };
    let model = match ty {
        Type::Ref { name } => Some(models.get(name.as_str()).copied().filter(|m| !m.undocumented)?),
        Type::Array { .. } => None,
        _ => return None,
    };
    let items = match model {
        Some(m) => Some(items_field(m)?),
        None => None,
    };
    let field = |names: &[&str], want: fn(&Type) -> bool| -> Option<String> {
        let fields = &model?.fields;
        names.iter().find_map(|n| fields.iter().find(|f| loose_key(&f.name) == *n && want(&f.ty))).map(|f| f.name.clone())
    };
    let integer = |t: &Type| matches!(t, Type::Integer { .. });
    let text = |t: &Type| matches!(t, Type::String { .. });
    let boolean = |t: &Type| matches!(t, Type::Boolean);
    let param = |names: &[&str], want: fn(&Type) -> bool| -> Option<&Param> {
        names.iter().find_map(|n| op.params.iter().find(|p| p.location == Location::Query && !p.required && loose_key(&p.name) == *n && want(&p.ty)))
    };
    // The Link-header pattern; the others fill in more.
    let base = Paging {
        style: PagingStyle::LinkHeader,
        param: None,
        first: None,
        items: items.clone(),
        total: None,
        page_count: None,
        next: None,
        has_more: None,
        item_cursor: None,
    };
    let link = base.clone();
    let has_more = field(HAS_MORE_FIELDS, boolean);

    if let Some(cursor) = param(CURSOR_PARAMS, text) {
        let with = |p: Paging| Paging { style: PagingStyle::Cursor, param: Some(cursor.name.clone()), has_more: has_more.clone(), ..p };
        if let Some(next) = field(NEXT_CURSOR_FIELDS, text) {
            return Some(with(Paging { next: Some(next), ..base }));
        }
        if let (Some(_), Some(id)) = (&has_more, model.and_then(|m| item_id(m, models))) {
            return Some(with(Paging { item_cursor: Some(id), ..base }));
        }
    }
    let numbered =
        param(PAGE_PARAMS, integer).map(|p| (p, PagingStyle::PageNumber)).or_else(|| param(OFFSET_PARAMS, integer).map(|p| (p, PagingStyle::Offset)));
    if let Some((p, style)) = numbered {
        // A bare array has nowhere to say where the list ends but the `Link` header.
        if model.is_none() {
            return Some(link);
        }
        return Some(Paging {
            style,
            param: Some(p.name.clone()),
            first: p.default.clone(),
            total: field(TOTAL_FIELDS, integer),
            page_count: if style == PagingStyle::PageNumber { field(PAGE_COUNT_FIELDS, integer) } else { None },
            next: field(NEXT_URI_FIELDS, text),
            has_more,
            ..base
        });
    }
    if let Some(next) = field(NEXT_URI_FIELDS, text) {
        return Some(Paging { style: PagingStyle::NextUri, next: Some(next), ..base });
    }
    mentions_link_header(op).then_some(link)
}

/// The array field with the items: a conventional name, else the only array field.
fn items_field(m: &Model) -> Option<String> {
    let arrays: Vec<&Field> = m.fields.iter().filter(|f| matches!(f.ty, Type::Array { .. })).collect();
    let named = ITEM_FIELDS.iter().find_map(|n| arrays.iter().find(|f| loose_key(&f.name) == *n));
    let only = || (arrays.len() == 1).then(|| arrays[0]);
    named.copied().or_else(only).map(|f| f.name.clone())
}

/// The `id` field of the items (Stripe's `starting_after` names the last item seen).
fn item_id(page: &Model, models: &BTreeMap<&str, &Model>) -> Option<String> {
    let items = page.fields.iter().find(|f| Some(&f.name) == items_field(page).as_ref())?;
    let Type::Array { items: item_ty } = &items.ty else { return None };
    let Type::Ref { name } = item_ty.as_ref() else { return None };
    let item = models.get(name.as_str())?;
    item.fields.iter().find(|f| loose_key(&f.name) == "id" && matches!(f.ty, Type::String { .. })).map(|f| f.name.clone())
}

/// The docs say the next page is in a `Link` header (`rel="next"`, RFC 8288).
fn mentions_link_header(op: &Operation) -> bool {
    [&op.summary, &op.description].into_iter().flatten().any(|text| {
        let t = text.to_ascii_lowercase().replace(['`', '\'', '"'], "");
        t.contains("rel=next") || t.contains("link header") || t.contains("link response header")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::OperationOverlay;

    fn src() -> Source {
        Source::new("a.md", 1)
    }

    fn query(name: &str, ty: Type) -> Param {
        Param::new(name, Location::Query, ty, false, src())
    }

    fn model(name: &str, fields: &[(&str, Type)]) -> Model {
        Model {
            name: name.into(),
            description: None,
            fields: fields.iter().map(|(n, t)| Field::new(*n, t.clone(), false, src())).collect(),
            source: src(),
            undocumented: false,
        }
    }

    fn list(params: Vec<Param>, returns: Type) -> Operation {
        Operation { params, returns: Returns::Body { ty: returns }, ..Operation::new("list_things", Some(Method::Get), Some("/things".into()), src()) }
    }

    fn thing() -> Model {
        model("Thing", &[("id", Type::string()), ("name", Type::string())])
    }

    fn page_of(fields: &[(&str, Type)]) -> Vec<Model> {
        vec![thing(), model("ThingPage", fields)]
    }

    fn things() -> Type {
        Type::array(Type::reference("Thing"))
    }

    fn detect_one(params: Vec<Param>, models: &[Model]) -> Option<Paging> {
        paging_among(&list(params, Type::reference("ThingPage")), models)
    }

    fn paging_among(op: &Operation, models: &[Model]) -> Option<Paging> {
        paging(op, &models_by_name(models))
    }

    #[test]
    fn page_number_and_size_with_page_count_and_total() {
        let models = page_of(&[("entities", things()), ("pageCount", Type::integer()), ("total", Type::integer()), ("nextUri", Type::string())]);
        let mut number = query("pageNumber", Type::integer());
        number.default = Some("1".into());
        let p = detect_one(vec![query("pageSize", Type::integer()), number], &models).expect("pages");
        assert_eq!(p.style, PagingStyle::PageNumber);
        assert_eq!((p.param.as_deref(), p.first.as_deref(), p.items.as_deref()), (Some("pageNumber"), Some("1"), Some("entities")));
        assert_eq!((p.page_count.as_deref(), p.total.as_deref(), p.next.as_deref()), (Some("pageCount"), Some("total"), Some("nextUri")));
    }

    #[test]
    fn page_and_per_page_in_snake_case() {
        let models = page_of(&[("data", things()), ("total_pages", Type::integer())]);
        let p = detect_one(vec![query("page", Type::integer()), query("per_page", Type::integer())], &models).expect("pages");
        assert_eq!((p.style, p.page_count.as_deref(), p.items.as_deref()), (PagingStyle::PageNumber, Some("total_pages"), Some("data")));
    }

    #[test]
    fn offset_and_limit_with_total() {
        let models = page_of(&[("items", things()), ("total", Type::integer())]);
        let p = detect_one(vec![query("offset", Type::integer()), query("limit", Type::integer())], &models).expect("offsets");
        assert_eq!((p.style, p.param.as_deref(), p.total.as_deref()), (PagingStyle::Offset, Some("offset"), Some("total")));
    }

    #[test]
    fn cursor_with_next_cursor() {
        for (param, next) in [("cursor", "next_cursor"), ("page_token", "nextPageToken"), ("after", "next")] {
            let models = page_of(&[("results", things()), (next, Type::string())]);
            let p = detect_one(vec![query(param, Type::string())], &models).expect(param);
            assert_eq!((p.style, p.param.as_deref(), p.next.as_deref()), (PagingStyle::Cursor, Some(param), Some(next)));
        }
    }

    #[test]
    fn starting_after_with_has_more_takes_the_last_items_id() {
        let models = page_of(&[("data", things()), ("has_more", Type::Boolean)]);
        let p = detect_one(vec![query("starting_after", Type::string()), query("limit", Type::integer())], &models).expect("cursor");
        assert_eq!((p.style, p.item_cursor.as_deref(), p.has_more.as_deref()), (PagingStyle::Cursor, Some("id"), Some("has_more")));
    }

    #[test]
    fn next_uri_without_page_parameters() {
        for next in ["nextUri", "nextPage", "next"] {
            let models = page_of(&[("entities", things()), (next, Type::string())]);
            let p = detect_one(vec![query("pageSize", Type::integer())], &models).expect(next);
            assert_eq!((p.style, p.next.as_deref(), p.param), (PagingStyle::NextUri, Some(next), None));
        }
    }

    #[test]
    fn link_header_for_a_bare_array_with_page_parameters_or_when_the_docs_say_so() {
        let bare = list(vec![query("page", Type::integer()), query("per_page", Type::integer())], things());
        let p = paging_among(&bare, &[thing()]).expect("link");
        assert_eq!((p.style, p.items), (PagingStyle::LinkHeader, None));

        let mut documented = list(vec![], things());
        assert_eq!(paging_among(&documented, &[thing()]), None, "a bare array alone does not page");
        documented.description = Some("The next page's URL is in the `Link` header.".into());
        assert_eq!(paging_among(&documented, &[thing()]).map(|p| p.style), Some(PagingStyle::LinkHeader));
    }

    #[test]
    fn no_paging_without_a_pattern() {
        let models = page_of(&[("entities", things()), ("total", Type::integer())]);
        assert_eq!(detect_one(vec![query("pageSize", Type::integer())], &models), None, "a size alone");
        let required = Param::new("page", Location::Query, Type::integer(), true, src());
        assert_eq!(detect_one(vec![required], &models), None, "a required page parameter");
        let mut post = list(vec![query("page", Type::integer())], Type::reference("ThingPage"));
        post.method = Some(Method::Post);
        assert_eq!(paging_among(&post, &models), None, "not a GET");
        let no_items = page_of(&[("total", Type::integer())]);
        assert_eq!(detect_one(vec![query("page", Type::integer())], &no_items), None, "no items");
        assert_eq!(detect_one(vec![query("cursor", Type::integer())], &models), None, "an integer cursor");
    }

    #[test]
    fn paginate_switches_per_operation_and_per_api() {
        let models = page_of(&[("entities", things()), ("total", Type::integer())]);
        let api =
            || Api { operations: vec![list(vec![query("page", Type::integer())], Type::reference("ThingPage"))], models: models.clone(), ..Api::default() };
        let run = |cfg: &ApiConfig| {
            let mut api = api();
            let mut d = Diagnostics::new();
            detect(&mut api, cfg, &mut d);
            (api.operations[0].paging.is_some(), d.items().len())
        };
        let off = |m: &str, on| OperationOverlay { matches: m.into(), paginate: Some(on), ..Default::default() };
        assert_eq!(run(&ApiConfig::new("x")), (true, 0));
        assert_eq!(run(&ApiConfig::new("x").with_operation(off("list_things", false))), (false, 0));
        let api_off = ApiConfig { paginate: Some(false), ..ApiConfig::new("x") };
        assert_eq!(run(&api_off), (false, 0));
        assert_eq!(run(&api_off.clone().with_operation(off("list_things", true))), (true, 0));

        let mut cfg = ApiConfig::new("x").with_operation(off("list_things", true));
        cfg.operations[0].matches = "list_things".into();
        let mut api = api();
        api.operations[0].params.clear();
        let mut d = Diagnostics::new();
        detect(&mut api, &cfg, &mut d);
        assert_eq!(d.items().len(), 1, "forced on without a pattern is reported");
    }
}
