//! Media types, the one vocabulary every reader and the renderer share: how a body with
//! a given type is sent ([`BodyKind`]), which documented types a raw body keeps, and
//! media types named in a heading or line of a page.

use crate::schema::BodyKind;

/// How a body with this media type is sent.
pub fn body_kind(media: &str) -> BodyKind {
    let m = media.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if m == "application/json" || m.ends_with("+json") || m == "*/*" || m.is_empty() {
        BodyKind::Json
    } else if m == "application/x-www-form-urlencoded" {
        BodyKind::Form
    } else if m.starts_with("multipart/") {
        BodyKind::Multipart
    } else if m.starts_with("text/") {
        BodyKind::Text
    } else {
        BodyKind::Binary
    }
}

/// The body kind of a media type list (`Content-Type: application/json, text/plain`):
/// its first entry; `None` when the list is empty.
pub fn first_body_kind(list: &str) -> Option<BodyKind> {
    let first = list.split(',').next().unwrap_or("").trim();
    (!first.is_empty()).then(|| body_kind(first))
}

/// The body encoding a heading or line names.
pub fn body_kind_in_text(text: &str) -> Option<BodyKind> {
    let t = text.to_ascii_lowercase();
    if t.contains("application/x-www-form-urlencoded") || t.contains("x-www-form-urlencoded") {
        Some(BodyKind::Form)
    } else if t.contains("multipart/form-data") || t.contains("multipart/") {
        Some(BodyKind::Multipart)
    } else if t.contains("application/json") || t.contains("+json") {
        Some(BodyKind::Json)
    } else if t.contains("application/octet-stream") {
        Some(BodyKind::Binary)
    } else if t.contains("text/plain") {
        Some(BodyKind::Text)
    } else {
        None
    }
}

/// A documented media type that a raw body or response keeps: the first of a list, lower
/// case, without parameters; `None` for JSON, wildcards, forms and `Not defined`.
pub fn raw_media_type(list: &str) -> Option<String> {
    let media: Vec<String> = list.split(',').map(|m| m.split(';').next().unwrap_or("").trim().to_ascii_lowercase()).collect();
    let json_or_any = |m: &String| m == "application/json" || m.ends_with("+json") || m.contains('*');
    if media.iter().any(json_or_any) {
        return None;
    }
    let first = media.into_iter().next()?;
    let (kind, sub) = first.split_once('/')?;
    let token = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c));
    (token(kind) && token(sub) && !first.starts_with("multipart/") && first != "application/x-www-form-urlencoded").then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_map_to_body_kinds() {
        assert_eq!(body_kind("application/vnd.api+json"), BodyKind::Json);
        assert_eq!(body_kind("multipart/form-data; boundary=x"), BodyKind::Multipart);
        assert_eq!(body_kind("application/x-www-form-urlencoded"), BodyKind::Form);
        assert_eq!(body_kind("text/csv"), BodyKind::Text);
        assert_eq!(body_kind("image/png"), BodyKind::Binary);
        assert_eq!(first_body_kind("application/json, text/plain"), Some(BodyKind::Json));
        assert_eq!(first_body_kind("image/jpeg"), Some(BodyKind::Binary));
        assert_eq!(first_body_kind(""), None);
        assert_eq!(body_kind_in_text("Request body (multipart/form-data)"), Some(BodyKind::Multipart));
        assert_eq!(body_kind_in_text("Response fields"), None);
    }

    #[test]
    fn raw_media_types_keep_what_json_does_not_say() {
        assert_eq!(raw_media_type("image/png").as_deref(), Some("image/png"));
        assert_eq!(raw_media_type("Text/CSV; charset=utf-8, text/plain").as_deref(), Some("text/csv"));
        for plain in [
            "application/json",
            "application/problem+json",
            "*/*",
            "text/plain, application/json",
            "",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "not defined",
            "image/png\r\nx: y",
        ] {
            assert_eq!(raw_media_type(plain), None, "{plain:?}");
        }
    }
}
