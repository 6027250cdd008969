//! Small DOM helpers for the page parsers: class-name substring matching (so the parsers
//! follow a naming pattern rather than one exact page), text collapsing, ownership.

use scraper::{ElementRef, Html};

/// All elements in document order.
pub(crate) fn elements(doc: &Html) -> Vec<ElementRef<'_>> {
    doc.root_element().descendants().filter_map(ElementRef::wrap).collect()
}

/// True when one of the element's class names contains `needle` (ASCII case-insensitive).
pub(crate) fn class_has(el: &ElementRef<'_>, needle: &str) -> bool {
    el.value().classes().any(|c| c.to_ascii_lowercase().contains(needle))
}

/// The element's text with whitespace runs collapsed to one space.
pub(crate) fn text_of(el: &ElementRef<'_>) -> String {
    el.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn is_heading(el: &ElementRef<'_>) -> bool {
    matches!(el.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The nearest ancestor (not the element itself) matching `pred`.
pub(crate) fn nearest_ancestor<'a>(el: &ElementRef<'a>, pred: impl Fn(&ElementRef<'a>) -> bool) -> Option<ElementRef<'a>> {
    el.ancestors().filter_map(ElementRef::wrap).find(|a| pred(a))
}

/// Descendants of `el` whose nearest `is_container` ancestor is `el` itself: its own parts,
/// not those of nested containers.
pub(crate) fn owned_descendants<'a>(el: &ElementRef<'a>, is_container: impl Fn(&ElementRef<'a>) -> bool + Copy) -> Vec<ElementRef<'a>> {
    el.descendants().skip(1).filter_map(ElementRef::wrap).filter(|d| nearest_ancestor(d, is_container).is_some_and(|a| a.id() == el.id())).collect()
}
