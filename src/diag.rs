//! Diagnostics: `file:line: warning: message` plus a hint saying what to do.
//!
//! Parsers and the resolver push into a [`Diagnostics`] sink and carry on; nothing in
//! the pipeline panics or stops on bad input.

use crate::schema::Source;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// What docs2rs did that the user should know of (not counted as a warning).
    Note,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    pub source: Source,
    pub severity: Severity,
    pub message: String,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        // A diagnostic about the run as a whole (`--only`) has no file to point at.
        if !self.source.file.is_empty() {
            write!(f, "{}: ", self.source)?;
        }
        write!(f, "{sev}: {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  = help: {h}")?;
        }
        Ok(())
    }
}

/// An append-only sink of diagnostics.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn warn(&mut self, source: Source, message: impl Into<String>, hint: impl Into<Option<String>>) {
        self.push(Severity::Warning, source, message.into(), hint.into());
    }

    pub fn note(&mut self, source: Source, message: impl Into<String>, hint: impl Into<Option<String>>) {
        self.push(Severity::Note, source, message.into(), hint.into());
    }

    /// Take over another sink's diagnostics.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn error(&mut self, source: Source, message: impl Into<String>, hint: impl Into<Option<String>>) {
        self.push(Severity::Error, source, message.into(), hint.into());
    }

    fn push(&mut self, severity: Severity, source: Source, message: String, hint: Option<String>) {
        self.items.push(Diagnostic { source, severity, message, hint });
    }

    /// The hints of the diagnostics pushed since `start` (`items().len()` earlier).
    pub fn hints_since(&mut self, start: usize) -> impl Iterator<Item = &mut Option<String>> {
        self.items.iter_mut().skip(start).map(|d| &mut d.hint)
    }

    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Sorted by file, line and message, so output does not depend on parse order.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut v = self.items.clone();
        v.sort();
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(file: &str, line: u32) -> String {
        Diagnostic { source: Source::new(file, line), severity: Severity::Warning, message: "m".into(), hint: None }.to_string()
    }

    #[test]
    fn a_location_is_real_or_absent() {
        assert_eq!(shown("a.md", 3), "a.md:3: warning: m");
        assert_eq!(shown("docs2rs.toml", 0), "docs2rs.toml: warning: m");
        assert_eq!(shown("", 0), "warning: m");
    }
}
