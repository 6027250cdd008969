//! Saved HTML of a Fern endpoint page. The DOM keeps what the text copy loses: each field
//! is a `…property` element with separate key, type and badge elements. Badges go through
//! the same vocabulary as the text parser ([`field_line`]), so both read a page alike.

pub(crate) mod dom;

use crate::diag::Diagnostics;
use crate::parse::fern::{Buckets, Section, assemble, bucket_index, read_section_statement, section_of};
use crate::parse::page::build::{self, EndpointParts};
use crate::parse::recognise::endpoint as url;
use crate::parse::vocab::field_line::{self, FieldLine};
use crate::schema::{EnumValue, Field, Model, ParsedDoc, PermissionRule, Permissions, Source, Type};
use dom::{class_has, elements, is_heading, nearest_ancestor, owned_descendants, text_of};
use heck::ToUpperCamelCase;
use scraper::{ElementRef, Html};

/// `None` when the page is not of this family.
pub fn parse_dom(file: &str, doc: &Html, diags: &mut Diagnostics) -> Option<ParsedDoc> {
    let all = elements(doc);
    let is_fern = all.iter().any(|e| e.value().classes().any(|c| c.starts_with("fern-")) || class_has(e, "property-key"));
    if !is_fern {
        return None;
    }
    let source = Source::new(file, 1);
    let mut parts = EndpointParts { title: title(&all), ..Default::default() };
    (parts.method, parts.url) = method_and_url(&all);
    let op_pascal = build::operation_name(file, parts.title.as_deref(), &mut Diagnostics::new()).to_upper_camel_case();
    let mut buckets: Buckets = Default::default();
    let mut nested_models = Vec::new();
    let mut description = Vec::new();
    let mut section = Section::Preamble;
    for el in &all {
        if is_heading(el) {
            if let Some(s) = section_of(&text_of(el)) {
                section = s;
                if let Some(b) = bucket_index(s) {
                    buckets[b].seen = true;
                }
            }
            continue;
        }
        if nearest_ancestor(el, is_property).is_some() {
            continue;
        }
        if is_property(el) {
            if let Some(b) = bucket_index(section) {
                let scope = format!("{op_pascal}{}", if section == Section::Response { "Response" } else { "" });
                let field = property_field(el, &scope, &source, &mut nested_models, diags);
                buckets[b].fields.extend(field);
            }
            continue;
        }
        if el.value().name() != "p" {
            continue;
        }
        let text = text_of(el);
        match bucket_index(section) {
            _ if text.is_empty() => {}
            None if section == Section::Preamble => read_preamble_paragraph(&text, &mut parts, &mut description),
            Some(b) if buckets[b].fields.is_empty() => read_section_statement(&text, 1, &mut buckets[b]),
            _ => {}
        }
    }
    parts.description = (!description.is_empty()).then(|| description.join("\n\n"));
    let mut doc = assemble(file, parts, buckets, diags);
    doc.models.extend(nested_models);
    Some(doc)
}

fn read_preamble_paragraph(text: &str, parts: &mut EndpointParts, description: &mut Vec<String>) {
    match text.split_once(':') {
        Some((label, rest)) if label.trim().eq_ignore_ascii_case("required permissions") => {
            let rest = rest.trim();
            parts.permissions = Some(Permissions { rule: PermissionRule::Any, list: Vec::new(), text: (!rest.is_empty()).then(|| rest.to_string()) });
        }
        _ => description.push(text.to_string()),
    }
}

fn title(all: &[ElementRef<'_>]) -> Option<String> {
    let h1 = all.iter().find(|e| e.value().name() == "h1").map(text_of);
    let page_title = || all.iter().find(|e| e.value().name() == "title").map(|t| text_of(t).split(" | ").next().unwrap_or("").trim().to_string());
    h1.or_else(page_title).filter(|t| !t.is_empty())
}

/// The method badge (`…method…` class) and the URL printed next to it.
fn method_and_url(all: &[ElementRef<'_>]) -> (Option<crate::schema::Method>, Option<String>) {
    for el in all.iter().filter(|e| class_has(e, "method")) {
        let Some((method, _)) = url::split_method_line(&text_of(el)) else { continue };
        // Fern prints the path in pieces next to the badge; the parent's text glues them.
        let url = el.parent().and_then(ElementRef::wrap).and_then(|p| url::split_method_line(&text_of(&p).replace(' ', ""))).and_then(|(_, url)| url);
        return (Some(method), url);
    }
    (None, None)
}

/// A field container: a class name ending in `property` (`fern-api-property`), not a part of one.
fn is_property(el: &ElementRef<'_>) -> bool {
    el.value().classes().any(|c| c.to_ascii_lowercase().ends_with("property"))
}

/// One property element → a field. Nested properties become a model named `{scope}{Field}`.
fn property_field(el: &ElementRef<'_>, scope: &str, source: &Source, models: &mut Vec<Model>, diags: &mut Diagnostics) -> Option<Field> {
    let own = owned_descendants(el, is_property);
    let name = own.iter().find(|d| class_has(d, "property-key") || class_has(d, "property-name")).map(text_of)?;
    let badges: Vec<String> = match own.iter().find(|d| class_has(d, "property-meta")) {
        Some(meta) => {
            let children: Vec<String> = meta.children().filter_map(ElementRef::wrap).map(|c| text_of(&c)).filter(|t| !t.is_empty()).collect();
            if children.is_empty() { vec![text_of(meta)] } else { children }
        }
        None => Vec::new(),
    };
    let Some((mut ty, suffixes)) = field_line::parse_type_and_suffixes(&badges.join(" ")) else {
        diags.warn(
            source.clone(),
            format!("could not read the type of field `{name}` from `{}`; typed as JSON value", badges.join(" ")),
            Some("set its type under [api.types] in docs2rs.toml".to_string()),
        );
        let mut f = Field::new(name.clone(), Type::Any, false, source.clone());
        f.wire_name = name;
        return Some(f);
    };
    let nested: Vec<Field> = el
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .filter(|d| is_property(d) && nearest_ancestor(d, is_property).is_some_and(|a| a.id() == el.id()))
        .filter_map(|d| property_field(&d, &format!("{scope}{}", name.to_upper_camel_case()), source, models, diags))
        .collect();
    if !nested.is_empty() && ty.loose {
        let model_name = format!("{scope}{}", name.to_upper_camel_case());
        ty.ty = ty.ty.map_inner(&mut |_| Type::reference(model_name.clone()));
        ty.loose = false;
        models.push(Model { name: model_name, description: None, fields: nested, source: source.clone(), undocumented: false });
    }
    let description = own
        .iter()
        .find(|d| class_has(d, "description") || class_has(d, "prose"))
        .or_else(|| own.iter().find(|d| d.value().name() == "p"))
        .map(text_of)
        .filter(|t| !t.is_empty());
    let allowed: Vec<EnumValue> = own
        .iter()
        .find(|d| text_of(d).starts_with("Allowed values"))
        .map(|d| {
            let codes: Vec<String> = d.descendants().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "code").map(|c| text_of(&c)).collect();
            if codes.is_empty() { text_of(d).trim_start_matches("Allowed values:").split_whitespace().map(str::to_string).collect() } else { codes }
        })
        .unwrap_or_default()
        .into_iter()
        .map(|v| EnumValue::new(v.trim_matches('"')))
        .collect();
    let is_enum = ty.is_enum;
    let line = FieldLine { name, ty, suffixes, alternatives: Vec::new() };
    let mut field = build::field_from_line(line, description, source.clone(), diags);
    if field.enum_values.is_empty() {
        field.enum_values = allowed;
    }
    build::warn_enum_without_values(&field, is_enum, diags);
    Some(field)
}
