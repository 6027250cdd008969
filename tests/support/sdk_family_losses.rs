//! Facts an SDK flavour's docs cannot carry (see the table in tests/sdk-family/README.md).
//! A mismatch one of these explains is not counted against the flavour; everything else is.

use docs2rs::fidelity::{self, Mismatch};
use std::collections::BTreeSet;

/// What the spec says that the comparison needs to recognise a loss.
pub struct SpecFacts {
    /// Schemas that are `oneOf`s.
    pub one_of: BTreeSet<String>,
}

pub struct Loss {
    pub what: &'static str,
    pub flavours: &'static [&'static str],
    explains: fn(&Mismatch, &SpecFacts) -> bool,
}

impl Loss {
    pub fn explains(&self, flavour: &str, m: &Mismatch, spec: &SpecFacts) -> bool {
        self.flavours.contains(&flavour) && (self.explains)(m, spec)
    }
}

const ALL: &[&str] =
    &["ruby", "python", "java", "kotlin", "go", "typescript-axios", "typescript-fetch", "javascript", "php", "csharp", "dart", "swift5", "rust"];

fn is_type(m: &Mismatch) -> bool {
    [fidelity::PROPERTY_TYPE, fidelity::PARAMETER_TYPE, fidelity::RETURN_TYPE, fidelity::BODY_TYPE].contains(&m.metric)
}

/// `Model.property` → `Model`.
fn model_of(m: &Mismatch) -> &str {
    m.at.split('.').next().unwrap_or("")
}

/// A class spelling with every date-ish class (and `string`, how go and
/// typescript-axios spell dates) as one.
fn dates_as_one(class: &str) -> String {
    class.replace("date-time", "D").replace("datetime", "D").replace("date", "D").replace("string", "D")
}

pub const LOSSES: &[Loss] = &[
    Loss {
        what: "cookie parameters: no flavour shows a parameter's location, and cookie names follow no convention (read as query parameters)",
        flavours: ALL,
        explains: |m, _| m.metric == fidelity::PARAMETER_LOCATION && m.spec == "cookie",
    },
    Loss {
        what: "enum models print an empty `Properties` table: values and base type unknown (read as raw JSON)",
        flavours: &["ruby", "php", "csharp", "dart", "swift5", "typescript-fetch"],
        explains: |m, _| {
            let inner = |s: &str| s.trim_start_matches("array<").trim_end_matches('>').to_string();
            is_type(m) && ["string", "integer"].contains(&inner(&m.spec).as_str()) && inner(&m.ours).starts_with(char::is_uppercase)
        },
    },
    Loss {
        what: "integers are spelled `number` / `Number`",
        flavours: &["typescript-axios", "typescript-fetch", "javascript"],
        explains: |m, _| is_type(m) && m.spec.replace("integer", "number") == m.ours,
    },
    Loss {
        what: "`date` and `date-time` share one spelling (`string`, `Date`, `DateTime`, `\\DateTime`)",
        flavours: &["go", "typescript-axios", "typescript-fetch", "javascript", "php", "dart", "swift5"],
        explains: |m, _| is_type(m) && m.spec.contains("date") && dates_as_one(&m.spec) == dates_as_one(&m.ours),
    },
    Loss {
        what: "oneOf models: csharp prints only the discriminator or an empty table; rust an empty variants table when there is a discriminator",
        flavours: &["csharp", "rust"],
        explains: |m, spec| spec.one_of.contains(model_of(m)) && (m.ours.contains("not documented") || is_type(m)),
    },
    Loss {
        what: "models named like a type of the language are renamed (`Error` → `ModelError`, dart `Show` → `ModelShow`)",
        flavours: &["typescript-axios", "typescript-fetch", "swift5", "dart"],
        explains: |m, _| {
            let renamed = |spec: &str, ours: &str| ours.replace("Model", "") == spec && ours != spec;
            (["Error", "Show"].contains(&model_of(m)) && m.ours == "model not documented") || (is_type(m) && renamed(&m.spec, &m.ours))
        },
    },
    Loss {
        what: "model `Name | Type` tables show no required-ness (read as optional)",
        flavours: &["typescript-fetch"],
        explains: |m, _| m.metric == fidelity::PROPERTY_REQUIRED,
    },
];
