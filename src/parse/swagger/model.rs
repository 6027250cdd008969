//! Model pages: a title heading, a description, a `Properties` table.

use super::Interp;
use super::lines::is_ident;
use super::rows::Columns;
use crate::parse::blocks::{Block, Row};
use crate::parse::text::{loose_key, percent_decode};
use crate::schema::{EnumValue, Field, Model};
use std::collections::HashSet;

/// A `Name | Type` table: its block index, rows, columns and line.
pub(super) struct FoundTable<'a> {
    pub index: usize,
    pub rows: &'a [Row],
    pub cols: Columns,
    pub line: u32,
}

impl<'a> Interp<'a> {
    /// The first `Name | Type` table after block `at`, before the next heading.
    pub(super) fn table_after(&self, at: usize) -> Option<FoundTable<'a>> {
        let blocks = self.blocks;
        blocks.iter().enumerate().skip(at + 1).take_while(|(_, b)| !matches!(b, Block::Heading { .. })).find_map(|(i, b)| match b {
            Block::Table { header, rows, line } => Columns::of(header).map(|cols| FoundTable { index: i, rows: rows.as_slice(), cols, line: *line }),
            _ => None,
        })
    }

    /// A `Properties` heading at block `at`, for the model titled `name`.
    pub(super) fn model(&mut self, name: Option<(String, u32)>, desc: Vec<String>, at: usize) {
        let line = self.blocks[at].line();
        self.used.insert(at);
        // SDK docs name each model page after its model (`docs/Shipment.md`).
        let stem = self.file.rsplit(['/', '\\']).next().and_then(|f| f.split('.').next()).filter(|s| is_ident(s)).map(str::to_string);
        let name = match (name, stem) {
            (Some(n), _) => n,
            (None, Some(stem)) => {
                let msg = format!("`Properties` table without a model name heading; the model is named `{stem}` after the file");
                self.warn(line, msg, "give the page a `# ModelName` heading or front matter `title:`");
                (stem, line)
            }
            (None, None) => {
                self.warn(line, "`Properties` table without a model name heading; skipped", "give the page a `# ModelName` heading or front matter `title:`");
                if let Some(table) = self.table_after(at) {
                    self.used.insert(table.index);
                }
                return;
            }
        };
        let (name, name_line) = name;
        let Some(FoundTable { index: table, rows, cols, line: table_line }) = self.table_after(at) else {
            self.warn(
                line,
                format!("model `{name}`: `Properties` heading without a `Name | Type | Description | Notes` table"),
                "check the page; the model is read with no fields",
            );
            self.push_model(name, desc, Vec::new(), name_line);
            return;
        };
        self.used.insert(table);
        // Several generators print enum and oneOf models as an empty table: nothing says
        // what the values are, so the model stays raw JSON rather than a wrong struct.
        if rows.is_empty() {
            self.warn(
                table_line,
                format!("model `{name}`: the properties table is empty: an enum or oneOf whose values or variants the docs do not list, or an empty object; typed as raw JSON"),
                "add a doc with its values or properties, or type the fields that use it under [api.types]",
            );
            let description = (!desc.is_empty()).then(|| desc.join("\n\n"));
            self.doc.models.push(Model { name, description, fields: Vec::new(), source: self.src(name_line), undocumented: true });
            return;
        }
        let model_idx = self.doc.models.len();
        let mut fields = Vec::new();
        let mut seen = HashSet::new();
        for row in rows {
            let Some(r) = self.read_row(cols, row, &name) else { continue };
            if !seen.insert(r.name.clone()) {
                self.warn(r.line, format!("model `{name}`: property `{}` is listed twice; the later row is ignored", r.name), "remove the duplicate row");
                continue;
            }
            if let Some(anchor) = r.link.as_deref().and_then(|l| l.strip_prefix('#')) {
                self.enum_links.push((model_idx, fields.len(), loose_key(&percent_decode(anchor))));
            }
            let mut f = Field::new(r.name, r.ty, r.required, self.src(r.line));
            f.description = r.description;
            f.default = r.notes.default;
            f.nullable = r.nullable;
            f.enum_values = r.notes.values.into_iter().map(EnumValue::new).collect();
            if r.notes.readonly {
                f.constraints.push("readonly".into());
            }
            fields.push(f);
        }
        self.push_model(name, desc, fields, name_line);
    }

    fn push_model(&mut self, name: String, desc: Vec<String>, fields: Vec<Field>, line: u32) {
        let description = (!desc.is_empty()).then(|| desc.join("\n\n"));
        self.doc.models.push(Model { name, description, fields, source: self.src(line), undocumented: false });
    }
}
