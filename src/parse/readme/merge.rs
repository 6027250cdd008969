//! Merging ReadMe's two descriptions of the same parameters: the prose bullets and the
//! structured `Path Params` / `Body Params` block. Named structured entries are authoritative
//! for type, required and default; unnamed ones (text copies lose the names) are matched to
//! the prose only when that is unambiguous, and every guess is reported.

use crate::diag::Diagnostics;
use crate::parse::page::build::warn_loose;
use crate::parse::vocab::type_words::TypeWords;
use crate::schema::{EnumValue, Field, Source, Type};

/// One entry of a structured block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub name: Option<String>,
    pub ty: Option<TypeWords>,
    pub type_text: String,
    pub required: bool,
    pub default: Option<String>,
    pub enum_values: Vec<EnumValue>,
    pub constraints: Vec<String>,
    pub description: Option<String>,
    pub source: Source,
}

impl Entry {
    pub(crate) fn new(name: Option<String>, type_text: &str, source: Source) -> Self {
        Entry {
            name,
            ty: crate::parse::vocab::bullets::readme_type(type_text, false),
            type_text: type_text.trim().to_string(),
            required: false,
            default: None,
            enum_values: Vec::new(),
            constraints: Vec::new(),
            description: None,
            source,
        }
    }
}

/// `block` names the structured block in messages (`Body Params`); `template` holds the
/// placeholders of the path template, used to name unnamed path entries.
pub(crate) fn merge(block: &str, prose: Vec<Field>, entries: Vec<Entry>, template: &[String], diags: &mut Diagnostics) -> Vec<Field> {
    let (named, unnamed): (Vec<Entry>, Vec<Entry>) = entries.into_iter().partition(|e| e.name.is_some());
    let mut fields = prose;
    for entry in named {
        let name = entry.name.clone().unwrap_or_default();
        match fields.iter_mut().find(|f| f.name == name) {
            Some(field) => apply(field, entry),
            None => fields.push(field_from_entry(name, entry, diags)),
        }
    }
    if unnamed.is_empty() {
        return fields;
    }
    let unnamed_line = unnamed[0].source.clone();
    let free_placeholders: Vec<&String> = template.iter().filter(|p| !fields.iter().any(|f| &f.name == *p)).collect();
    if !free_placeholders.is_empty() && free_placeholders.len() == unnamed.len() {
        for (name, entry) in free_placeholders.into_iter().zip(unnamed) {
            fields.push(field_from_entry(name.clone(), entry, diags));
        }
        return fields;
    }
    let n = unnamed.len();
    let entries_word = if n == 1 { "entry" } else { "entries" };
    let types: Vec<String> = unnamed.iter().map(|e| if e.required { format!("`{}` required", e.type_text) } else { format!("`{}`", e.type_text) }).collect();
    if fields.is_empty() && block.starts_with("Path") && template.is_empty() {
        // The page states no path; keep them unnamed so the path an overlay supplies can
        // name them from its placeholders (resolve does that, and warns if it cannot).
        return unnamed.into_iter().map(|entry| field_from_entry(String::new(), entry, diags)).collect();
    }
    if fields.is_empty() {
        let hint = if block.starts_with("Path") {
            "give the operation its path in docs2rs.toml (e.g. `path = \"/users/{id}\"`): the placeholders name the path parameters"
        } else {
            "save the page as HTML instead: the DOM keeps the names"
        };
        diags.warn(
            unnamed_line,
            format!("{block} lists {n} unnamed {entries_word} ({}) and nothing on the page names them; dropped", summarize(&types)),
            Some(hint.to_string()),
        );
        return fields;
    }
    let m = fields.len();
    let fields_word = if m == 1 { "field" } else { "fields" };
    let lines_up = n == m && unnamed.iter().zip(&fields).all(|(e, f)| e.ty.as_ref().is_some_and(|t| same_kind(&t.ty, &f.ty)));
    if lines_up {
        diags.warn(
            unnamed_line,
            format!("{block} lists {n} unnamed {entries_word}; matched them to the {m} prose {fields_word} by position (the types agree)"),
            Some("check the required flags against the API; the saved HTML of the page keeps the names".to_string()),
        );
        for (entry, field) in unnamed.into_iter().zip(fields.iter_mut()) {
            apply(field, entry);
        }
        return fields;
    }
    let why = if n == m { format!("the prose lists {m} {fields_word} but the types do not line up") } else { format!("the prose lists {m} {fields_word}") };
    diags.warn(
        unnamed_line,
        format!("{block} lists {n} unnamed {entries_word}; {why}: took names and types from the prose"),
        Some("required flags and defaults from the structured block were not used; the saved HTML of the page keeps the names".to_string()),
    );
    fields
}

fn summarize(types: &[String]) -> String {
    let mut out = types.iter().take(4).cloned().collect::<Vec<_>>().join(", ");
    if types.len() > 4 {
        out.push_str(", ...");
    }
    out
}

fn same_kind(a: &Type, b: &Type) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn apply(field: &mut Field, entry: Entry) {
    if let Some(t) = entry.ty {
        field.ty = t.ty;
        field.nullable |= t.nullable;
    }
    field.required = entry.required;
    field.default = entry.default.or(field.default.take());
    if !entry.enum_values.is_empty() {
        field.enum_values = entry.enum_values;
    }
    field.constraints.extend(entry.constraints);
    if field.description.is_none() {
        field.description = entry.description;
    }
}

fn field_from_entry(name: String, entry: Entry, diags: &mut Diagnostics) -> Field {
    let ty = entry.ty.clone().unwrap_or_else(|| {
        diags.warn(
            entry.source.clone(),
            format!("parameter `{name}` has type `{}`, which docs2rs does not know; typed as JSON value", entry.type_text),
            Some("set its type under [api.types] in docs2rs.toml".to_string()),
        );
        TypeWords::new(Type::Any, &entry.type_text)
    });
    warn_loose(&name, &ty, &entry.source, diags);
    let mut field = Field::new(name.clone(), Type::Any, false, entry.source.clone());
    field.wire_name = name;
    apply(&mut field, entry);
    field
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(name: &str, ty: Type) -> Field {
        let mut f = Field::new(name, ty, false, Source::new("p", 1));
        f.description = Some(format!("{name} from prose"));
        f
    }

    fn entry(name: Option<&str>, ty: &str, required: bool) -> Entry {
        let mut e = Entry::new(name.map(str::to_string), ty, Source::new("p", 9));
        e.required = required;
        e
    }

    #[test]
    fn named_entries_are_authoritative() {
        let mut d = Diagnostics::new();
        let fields = merge(
            "Body Params",
            vec![prose("age", Type::string())],
            vec![entry(Some("age"), "integer", true), entry(Some("nick"), "string", false)],
            &[],
            &mut d,
        );
        assert_eq!(fields.len(), 2);
        assert_eq!((fields[0].ty.clone(), fields[0].required), (Type::integer(), true));
        assert_eq!(fields[0].description.as_deref(), Some("age from prose"));
        assert!(d.items().is_empty());
    }

    #[test]
    fn unnamed_entries_by_position_or_not_at_all() {
        let mut d = Diagnostics::new();
        let p = || vec![prose("a", Type::string()), prose("b", Type::Number)];
        let fields = merge("Body Params", p(), vec![entry(None, "string", true), entry(None, "number", false)], &[], &mut d);
        assert!(fields[0].required);
        assert!(d.items()[0].message.contains("by position"));
        let fields = merge("Body Params", p(), vec![entry(None, "number", true), entry(None, "string", false)], &[], &mut d);
        assert!(!fields[0].required);
        assert!(d.items()[1].message.contains("types do not line up"));
        let fields = merge("Path Params", vec![], vec![entry(None, "string", true)], &["id".to_string()], &mut d);
        assert_eq!((fields[0].name.as_str(), fields[0].required), ("id", true));
        // No path on the page: kept unnamed for the overlay's placeholders to name.
        let fields = merge("Path Params", vec![], vec![entry(None, "string", true)], &[], &mut d);
        assert_eq!((fields[0].name.as_str(), fields[0].required), ("", true));
        let fields = merge("Query Params", vec![], vec![entry(None, "string", true)], &[], &mut d);
        assert!(fields.is_empty());
        assert!(d.items()[2].message.contains("nothing on the page names them"));
    }
}
