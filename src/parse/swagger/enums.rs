//! Allowed values: `## Enum: StatusEnum` sections of model pages (java and kotlin
//! tables, javascript lists) and enum pages of their own (`## Enum` with a bullet list,
//! rust's `## Enum Variants` table, which for a oneOf lists the variant models).

use super::Interp;
use super::lines::{is_ident, unquote};
use super::rows::scalar_of;
use crate::parse::blocks::{Block, flatten};
use crate::parse::text::{loose_key, strip_emphasis_marks};
use crate::schema::{EnumDef, EnumValue, OneOf};

/// One value as a line prints it: `` `SEEDLING` (value: `"seedling"`) ``, `"BOOKED"`, `10`.
fn value_of(item: &str) -> Option<String> {
    let t = strip_emphasis_marks(item.trim().trim_start_matches(['*', '-']).trim());
    let v = match t.split_once("(value:") {
        Some((_, rest)) => rest.trim_end().trim_end_matches(')').trim(),
        None => t.as_str(),
    };
    let v = unquote(v.trim()).to_string();
    (!v.is_empty()).then_some(v)
}

impl Interp<'_> {
    /// The values listed after block `at` up to the next heading: a table's `Value`
    /// column (a cell may list several, comma-separated: kotlin), list items, or the lines
    /// of an indented code block of list items (kotlin enum pages).
    fn listed_values(&mut self, at: usize, column: &str) -> Vec<String> {
        let blocks = self.blocks;
        let mut values = Vec::new();
        for (i, b) in blocks.iter().enumerate().skip(at + 1).take_while(|(_, b)| !matches!(b, Block::Heading { .. })) {
            match b {
                Block::Table { header, rows, .. } => {
                    let col = header.iter().position(|c| c.line().eq_ignore_ascii_case(column)).unwrap_or(header.len().saturating_sub(1));
                    for cell in rows.iter().filter_map(|r| r.cells.get(col)) {
                        values.extend(cell.line().split(',').filter_map(value_of));
                    }
                }
                Block::List { items, .. } => values.extend(flatten(items).iter().filter_map(|i| value_of(&i.line()))),
                Block::Code { text, .. } if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with(['*', '-'])) => {
                    values.extend(text.lines().filter(|l| !l.trim().is_empty()).filter_map(value_of));
                }
                _ => continue,
            }
            self.used.insert(i);
        }
        values
    }

    /// `## Enum: StatusEnum` inside a model page.
    pub(super) fn enum_section(&mut self, name: String, at: usize) {
        self.used.insert(at);
        let values = self.listed_values(at, "value");
        if values.is_empty() {
            self.warn(self.blocks[at].line(), format!("enum `{name}` lists no values"), "check the page; the field that uses it keeps its documented type");
            return;
        }
        self.enums.insert(loose_key(&name), values.into_iter().map(EnumValue::new).collect());
    }

    /// `## Enum` / `## Enum Variants` under the page title: an enum of its own, or (rust,
    /// `Name | Description` of model names) the variants of a oneOf.
    pub(super) fn enum_page(&mut self, title: Option<(String, u32)>, desc: Vec<String>, at: usize) {
        let line = self.blocks[at].line();
        self.used.insert(at);
        let Some((name, name_line)) = title else {
            self.warn(line, "enum values without a name heading; skipped", "give the page a `# EnumName` heading");
            return;
        };
        let variant_table = self.blocks[at + 1..]
            .iter()
            .take_while(|b| !matches!(b, Block::Heading { .. }))
            .any(|b| matches!(b, Block::Table { header, .. } if header.iter().any(|c| c.line().eq_ignore_ascii_case("description"))));
        let values = self.listed_values(at, if variant_table { "name" } else { "value" });
        if variant_table {
            let variants: Vec<String> = values.into_iter().filter(|v| is_ident(v)).collect();
            if variants.is_empty() {
                self.warn(line, format!("oneOf model `{name}` lists no variants"), "check the page; the model is read as raw JSON");
                return;
            }
            self.doc.one_of.push(OneOf { name, variants, discriminator: None, source: self.src(name_line) });
            return;
        }
        if values.is_empty() {
            self.warn(
                line,
                format!("enum `{name}` lists no values: an enum or a oneOf whose values the docs do not show; typed as raw JSON"),
                "add its values to the docs, or type the fields that use it under [api.types]",
            );
            return;
        }
        let description = (!desc.is_empty()).then(|| desc.join("\n\n"));
        let values = values.into_iter().map(EnumValue::new).collect();
        self.doc.enums.push(EnumDef { name, description, values, source: self.src(name_line) });
    }

    /// Fields typed by a `## Enum:` section take its values and base type: by link
    /// (`[**StatusEnum**](#StatusEnum)`, kotlin `[**inline**](#Status)`) or by name
    /// (javascript: field `status`, section `StatusEnum`).
    pub(super) fn link_enum_sections(&mut self) {
        let mut links = std::mem::take(&mut self.enum_links);
        let linked: Vec<String> = links.iter().map(|(_, _, n)| n.clone()).collect();
        for key in self.enums.keys().filter(|k| !linked.contains(k)) {
            for (mi, m) in self.doc.models.iter().enumerate() {
                for (fi, f) in m.fields.iter().enumerate() {
                    let field = loose_key(&f.name);
                    if *key == field || *key == format!("{field}enum") {
                        links.push((mi, fi, key.clone()));
                    }
                }
            }
        }
        for (mi, fi, name) in links {
            let Some(values) = self.enums.get(&name) else { continue };
            let field = &mut self.doc.models[mi].fields[fi];
            let raw: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
            let scalar = scalar_of(&raw);
            field.ty = field.ty.map_inner(&mut |_| scalar.clone());
            field.enum_values = values.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_as_the_generators_print_them() {
        assert_eq!(value_of("SEEDLING (value: \"seedling\")").as_deref(), Some("seedling"));
        assert_eq!(value_of("* `seedling` (value: `\"seedling\"`)").as_deref(), Some("seedling"));
        assert_eq!(value_of("SEEDLING (value: 'seedling')").as_deref(), Some("seedling"));
        assert_eq!(value_of(" \"BOOKED\" ").as_deref(), Some("BOOKED"));
        assert_eq!(value_of("10").as_deref(), Some("10"));
        assert_eq!(value_of("  "), None);
    }
}
