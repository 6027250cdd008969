//! Saved HTML of a ReadMe endpoint page. The API explorer's parameter list keeps each
//! entry's name, type and `required` badge in separate elements (`…param-name`,
//! `…param-type`, `…required`); the prose bullets are `<li>` items. Both go through the
//! same merge as the text parser.

use super::fern::dom::{class_has, elements, is_heading, nearest_ancestor, text_of};
use crate::diag::Diagnostics;
use crate::parse::page::build::EndpointParts;
use crate::parse::readme::merge::Entry;
use crate::parse::readme::{Block, PerTarget, Target, assemble, prose_field, prose_heading, slot, structured_block};
use crate::parse::recognise::endpoint as url;
use crate::parse::vocab::bullets::{enum_bullet, field_bullet, readme_type};
use crate::schema::{EnumValue, Field, ParsedDoc, Source};
use scraper::{ElementRef, Html};

/// `None` when the page is not of this family.
pub fn parse_dom(file: &str, doc: &Html, diags: &mut Diagnostics) -> Option<ParsedDoc> {
    let all = elements(doc);
    let has_names = all.iter().any(is_name);
    let readme_marks =
        all.iter().any(|e| e.value().classes().any(|c| c.starts_with("rm-")) || structured_block(&text_of(e)).is_some_and(|b| b != Block::Skipped));
    if !(has_names && readme_marks) {
        return None;
    }
    let source = Source::new(file, 1);
    let mut parts = EndpointParts { title: all.iter().find(|e| e.value().name() == "h1").map(text_of), ..Default::default() };
    if let Some(method_el) = all.iter().find(|e| class_has(e, "method") && url::split_method_line(&text_of(e)).is_some()) {
        parts.method = url::split_method_line(&text_of(method_el)).map(|(m, _)| m);
        parts.url = all.iter().filter(|e| class_has(e, "url")).map(text_of).find(|t| url::looks_like_url(t));
    }
    let mut prose: PerTarget<Field> = Default::default();
    let mut entries: PerTarget<Entry> = Default::default();
    let mut prose_target: Option<Target> = None;
    let mut block: Option<Block> = None;
    let mut intro = Vec::new();
    for el in &all {
        let text = text_of(el);
        if let Some(b) = structured_block(&text) {
            block = Some(b);
            continue;
        }
        if is_heading(el) {
            if let Some(t) = prose_heading(&text) {
                prose_target = Some(t);
            }
            continue;
        }
        if is_name(el) {
            if let (Some(Block::Params(t)), Some(entry)) = (block, entry_of(el, &source)) {
                entries[slot(t)].push(entry);
            }
            continue;
        }
        match el.value().name() {
            "li" if nearest_ancestor(el, |a| a.value().name() == "li").is_none() && block.is_none() => {
                if let Some(field) = bullet_field(el, &source, diags) {
                    prose[slot(prose_target.unwrap_or(Target::Body))].push(field);
                }
            }
            "p" if class_has(el, "excerpt") || nearest_ancestor(el, |a| class_has(a, "excerpt")).is_some() => intro.push(text),
            _ => {}
        }
    }
    parts.description = (!intro.is_empty()).then(|| intro.join("\n\n"));
    Some(assemble(file, parts, prose, entries, diags))
}

fn is_name(el: &ElementRef<'_>) -> bool {
    class_has(el, "param-name") || class_has(el, "field-name") || class_has(el, "paramname")
}

/// The entry around a name element: the nearest ancestor that also holds a type element.
fn entry_of(name_el: &ElementRef<'_>, source: &Source) -> Option<Entry> {
    let name = text_of(name_el);
    let container = nearest_ancestor(name_el, |a| a.descendants().filter_map(ElementRef::wrap).any(|d| is_type(&d)))?;
    let parts: Vec<ElementRef<'_>> = container.descendants().filter_map(ElementRef::wrap).collect();
    let type_text = parts.iter().find(|d| is_type(d)).map(text_of)?;
    let mut entry = Entry::new(Some(name).filter(|n| !n.is_empty()), &type_text, source.clone());
    entry.required = parts.iter().any(|d| class_has(d, "required") && !text_of(d).is_empty() && !text_of(d).eq_ignore_ascii_case("optional"));
    entry.description = parts.iter().find(|d| class_has(d, "desc")).map(text_of).filter(|t| !t.is_empty());
    entry.default = parts.iter().map(text_of).find_map(|t| t.strip_prefix("Defaults to").map(|v| v.trim().to_string())).filter(|v| !v.is_empty());
    entry.enum_values = parts.iter().filter(|d| d.value().name() == "option").map(text_of).filter(|v| !v.is_empty()).map(EnumValue::new).collect();
    Some(entry)
}

fn is_type(el: &ElementRef<'_>) -> bool {
    (class_has(el, "param-type") || class_has(el, "field-type")) && readme_type(&text_of(el), false).is_some()
}

/// A prose `<li>`: its own text is the field bullet, nested items its enum values.
fn bullet_field(li: &ElementRef<'_>, source: &Source, diags: &mut Diagnostics) -> Option<Field> {
    let own_text: String = li
        .children()
        .filter(|c| ElementRef::wrap(*c).is_none_or(|e| !matches!(e.value().name(), "ul" | "ol")))
        .map(|c| match ElementRef::wrap(c) {
            Some(e) => text_of(&e),
            None => c.value().as_text().map(|t| t.to_string()).unwrap_or_default(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    let own_text = own_text.split_whitespace().collect::<Vec<_>>().join(" ");
    let fb = field_bullet(&own_text)?;
    let mut field = prose_field(fb, source.clone(), diags);
    let nested = li.descendants().skip(1).filter_map(ElementRef::wrap).filter(|d| d.value().name() == "li");
    field.enum_values.extend(nested.filter_map(|d| enum_bullet(&text_of(&d))));
    Some(field)
}
