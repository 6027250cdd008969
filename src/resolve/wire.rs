//! `wire_case = "auto"`: how an API's documented names become wire names, learned from
//! its own docs. Path templates are the evidence every flavour keeps: a parameter
//! documented as `user_id` with the placeholder `{userId}` shows that the docs rename
//! names and that the API speaks camelCase.

use crate::config::WireCase;
use crate::parse::text::loose_key;
use crate::schema::{Api, Location, path_placeholders};
use heck::{ToKebabCase, ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

/// How documented names become wire names in one API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// `wire_case` set in the config: every name through the case rule.
    Explicit(WireCase),
    /// Learned: the docs rename names; the API speaks `style`. Names already in that
    /// style stay as documented (`acceptsSMS`), others are converted.
    Style(WireCase),
    /// Learned: the docs show wire names. `pascal_fields`: model fields are the SDK's
    /// exported field names (go, C#: `ShipmentID`) of a camelCase API.
    Documented { pascal_fields: bool },
}

impl Rule {
    /// The case the rule amounts to, for reports and fidelity counts.
    pub fn case(self) -> WireCase {
        match self {
            Rule::Explicit(c) | Rule::Style(c) => c,
            Rule::Documented { .. } => WireCase::AsDocumented,
        }
    }

    pub fn apply(self, name: &str, is_field: bool) -> String {
        match self {
            Rule::Explicit(case) => convert(name, case),
            Rule::Style(style) if shaped(name, style) => name.to_string(),
            Rule::Style(style) => match (style, pascal_shaped(name)) {
                // `ShipmentID` → `shipmentID`: only the first letter, acronyms kept.
                (WireCase::Camel, true) => lower_first(name),
                _ => convert(name, style),
            },
            Rule::Documented { pascal_fields: true } if is_field && pascal_shaped(name) => lower_first(name),
            Rule::Documented { .. } => name.to_string(),
        }
    }
}

fn convert(name: &str, case: WireCase) -> String {
    match case {
        WireCase::AsDocumented | WireCase::Auto => name.to_string(),
        WireCase::Camel => name.to_lower_camel_case(),
        WireCase::Snake => name.to_snake_case(),
        WireCase::Pascal => name.to_upper_camel_case(),
        WireCase::Kebab => name.to_kebab_case(),
    }
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|c| c.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// `ShipmentId`, `ShipmentID`: an upper-case first letter followed by some lower case
/// (`ETA`, `URL` are acronyms, not PascalCase).
fn pascal_shaped(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) && name.chars().any(|c| c.is_ascii_lowercase()) && !name.contains(['_', '-'])
}

/// Whether a name already reads as written in `style`.
fn shaped(name: &str, style: WireCase) -> bool {
    let has = |c: char| name.contains(c);
    let upper = name.chars().any(|c| c.is_ascii_uppercase());
    match style {
        WireCase::Camel => !has('_') && !has('-') && !name.starts_with(|c: char| c.is_ascii_uppercase()),
        WireCase::Snake => !upper && !has('-'),
        WireCase::Kebab => !upper && !has('_'),
        WireCase::Pascal => !has('_') && !has('-') && !name.starts_with(|c: char| c.is_ascii_lowercase()),
        WireCase::AsDocumented | WireCase::Auto => true,
    }
}

/// The style a wire name is written in; `None` for one lower-case word (`id`, `isbn`).
fn style_of(wire: &str) -> Option<WireCase> {
    if wire.contains('_') {
        Some(WireCase::Snake)
    } else if wire.contains('-') {
        Some(WireCase::Kebab)
    } else if wire.starts_with(|c: char| c.is_ascii_uppercase()) {
        Some(WireCase::Pascal)
    } else if wire.chars().any(|c| c.is_ascii_uppercase()) {
        Some(WireCase::Camel)
    } else {
        None
    }
}

fn case_name(case: WireCase) -> &'static str {
    match case {
        WireCase::Camel => "camelCase",
        WireCase::Snake => "snake_case",
        WireCase::Pascal => "PascalCase",
        WireCase::Kebab => "kebab-case",
        WireCase::AsDocumented | WireCase::Auto => "as documented",
    }
}

/// The rule the docs show, and the one-line report of why.
pub fn infer(api: &Api) -> (Rule, String) {
    let (mut renamed, mut same) = (Vec::new(), 0usize);
    for op in &api.operations {
        let holes = op.path.as_deref().map(path_placeholders).unwrap_or_default();
        for p in op.params.iter().filter(|p| p.location == Location::Path) {
            let Some(hole) = holes.iter().find(|h| loose_key(h) == loose_key(&p.name)) else { continue };
            if *hole == p.name {
                same += 1;
            } else {
                renamed.push(style_of(hole));
            }
        }
    }
    let styles: Vec<WireCase> = renamed.iter().flatten().copied().collect();
    let count = |c: WireCase| styles.iter().filter(|s| **s == c).count();
    let dominant = [WireCase::Camel, WireCase::Snake, WireCase::Pascal, WireCase::Kebab].into_iter().max_by_key(|c| count(*c)).filter(|c| count(*c) > 0);
    let placeholders = |n: usize| format!("{} path placeholder{}", thousands(n), if n == 1 { "" } else { "s" });
    match dominant {
        Some(style) if renamed.len() >= same => (Rule::Style(style), format!("wire names {} (from {})", case_name(style), placeholders(count(style)))),
        _ if same > 0 => {
            let fields: Vec<&str> = api.models.iter().filter(|m| !m.undocumented).flat_map(|m| &m.fields).map(|f| f.name.as_str()).collect();
            let pascal = fields.iter().filter(|n| pascal_shaped(n)).count();
            let pascal_fields = pascal * 2 > fields.len() && styles_of_params(api) != Some(WireCase::Pascal);
            let note = if pascal_fields { "; PascalCase model fields as camelCase" } else { "" };
            (Rule::Documented { pascal_fields }, format!("wire names as documented{note} (from {})", placeholders(same)))
        }
        _ => (Rule::Documented { pascal_fields: false }, "wire names as documented (no path placeholders to learn from)".to_string()),
    }
}

/// The style most documented parameter names share.
fn styles_of_params(api: &Api) -> Option<WireCase> {
    let styles: Vec<WireCase> = api.operations.iter().flat_map(|o| &o.params).filter_map(|p| style_of(&p.name)).collect();
    [WireCase::Camel, WireCase::Snake, WireCase::Pascal, WireCase::Kebab].into_iter().max_by_key(|c| styles.iter().filter(|s| *s == c).count())
}

/// `1213` → `1,213`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Method, Operation, Param, Source, Type};

    fn api(pairs: &[(&str, &str)]) -> Api {
        let ops = pairs
            .iter()
            .enumerate()
            .map(|(i, (doc, hole))| {
                let mut op = Operation::new(format!("op{i}"), Some(Method::Get), Some(format!("/x/{{{hole}}}")), Source::default());
                op.params.push(Param::new(*doc, Location::Path, Type::string(), true, Source::default()));
                op
            })
            .collect();
        Api { operations: ops, ..Api::default() }
    }

    #[test]
    fn renamed_placeholders_teach_the_style() {
        let (rule, note) = infer(&api(&[("user_id", "userId"), ("queue_id", "queueId"), ("id", "id")]));
        assert_eq!(rule, Rule::Style(WireCase::Camel));
        assert_eq!(note, "wire names camelCase (from 2 path placeholders)");
        assert_eq!(rule.apply("accepts_sms", true), "acceptsSms");
        assert_eq!(rule.apply("acceptsSMS", true), "acceptsSMS");
        assert_eq!(rule.apply("ShipmentID", true), "shipmentID");
        let (rule, _) = infer(&api(&[("episodeId", "episode_id")]));
        assert_eq!(rule, Rule::Style(WireCase::Snake));
        assert_eq!(rule.apply("publishedAt", true), "published_at");
        assert_eq!(rule.apply("PublishedAt", true), "published_at");
    }

    #[test]
    fn placeholders_as_documented_keep_names() {
        let (rule, note) = infer(&api(&[("plantId", "plantId")]));
        assert_eq!(rule, Rule::Documented { pascal_fields: false });
        assert_eq!(note, "wire names as documented (from 1 path placeholder)");
        assert_eq!(rule.apply("member_id", true), "member_id");
        let (rule, note) = infer(&Api::default());
        assert_eq!((rule, note.as_str()), (Rule::Documented { pascal_fields: false }, "wire names as documented (no path placeholders to learn from)"));
        assert_eq!(Rule::Documented { pascal_fields: true }.apply("ShipmentID", true), "shipmentID");
        assert_eq!(Rule::Documented { pascal_fields: true }.apply("ETA", true), "ETA");
        assert_eq!(thousands(1213), "1,213");
    }
}
