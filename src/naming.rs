//! Rust names for documented names: safe identifiers, keyword handling, de-duplication.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;

/// Strict and reserved keywords of every edition, plus `self`/`Self`/`crate`/`super`,
/// which cannot even be raw identifiers. All get a trailing `_`.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
    "where", "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield", "union",
];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Reduce to ASCII word characters; everything else separates words. `ñame` → `ame`
/// would lose meaning, so common Latin letters are folded first.
fn ascii_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'È' | 'É' | 'Ê' | 'Ë' => 'E',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ç' => 'c',
            'Ç' => 'C',
            'ß' => 's',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        };
        out.push(folded);
    }
    out
}

fn finish(mut ident: String, fallback: &str) -> String {
    if ident.is_empty() {
        ident = fallback.to_string();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    if is_keyword(&ident) || ident == "_" {
        ident.push('_');
    }
    ident
}

/// `primaryContactInfo` / `primary_contact_info` / `@odata.type` → a snake_case identifier.
pub fn snake(s: &str, fallback: &str) -> String {
    finish(ascii_words(s).to_snake_case(), fallback)
}

/// `update_user` / `Update User` → an UpperCamelCase identifier.
pub fn pascal(s: &str, fallback: &str) -> String {
    finish(ascii_words(s).to_upper_camel_case(), fallback)
}

/// Hands out unique names within one scope: the second `foo_bar` becomes `foo_bar_2`.
#[derive(Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope { taken: reserved.iter().map(|s| s.to_string()).collect() }
    }

    /// A unique name whose derived names (`name` + each suffix) are free too, all taken:
    /// `get_user` also claims `get_user_with_response`.
    pub fn unique_family(&mut self, base: String, suffixes: &[&str]) -> String {
        let sep = if base.ends_with('_') { "" } else { "_" };
        let candidates = std::iter::once(base.clone()).chain((2..).map(|n| format!("{base}{sep}{n}")));
        let free = |s: &Self, c: &String| !s.taken.contains(c) && suffixes.iter().all(|x| !s.taken.contains(&format!("{c}{x}")));
        let name = candidates.into_iter().find(|c| free(self, c)).expect("an unused suffix always exists");
        for x in suffixes {
            self.taken.insert(format!("{name}{x}"));
        }
        self.taken.insert(name.clone());
        name
    }

    pub fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let sep = if base.ends_with('_') { "" } else { "_" };
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .map(|c| if base.starts_with(|c: char| c.is_ascii_uppercase()) { c.replace('_', "") } else { c })
            .find(|c| self.taken.insert(c.clone()))
            .expect("an unused suffix always exists")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_cases() {
        let cases = [
            ("primaryContactInfo", "primary_contact_info"),
            ("primary_contact_info", "primary_contact_info"),
            ("type", "type_"),
            ("self", "self_"),
            ("Self", "self_"),
            ("r#try", "r_try"),
            ("@odata.type", "odata_type"),
            ("$schema", "schema"),
            ("first-name", "first_name"),
            ("123abc", "_123abc"),
            ("ñame", "name"),
            ("", "field"),
            ("URL", "url"),
            ("acceptsSMS", "accepts_sms"),
        ];
        for (input, want) in cases {
            assert_eq!(snake(input, "field"), want, "{input}");
        }
    }

    #[test]
    fn pascal_cases() {
        let cases = [("update_user", "UpdateUser"), ("Self", "Self_"), ("123", "_123"), ("", "Model"), ("a\\b", "AB")];
        for (input, want) in cases {
            assert_eq!(pascal(input, "Model"), want, "{input}");
        }
    }

    #[test]
    fn scope_dedupes() {
        let mut s = Scope::with_reserved(&["new"]);
        assert_eq!(s.unique("new".into()), "new_2");
        assert_eq!(s.unique("foo_bar".into()), "foo_bar");
        assert_eq!(s.unique("foo_bar".into()), "foo_bar_2");
        assert_eq!(s.unique("Url".into()), "Url");
        assert_eq!(s.unique("Url".into()), "Url2");
        assert_eq!(s.unique("self_".into()), "self_");
        assert_eq!(s.unique("self_".into()), "self_2");
    }

    #[test]
    fn a_family_claims_its_derived_names() {
        let mut s = Scope::with_reserved(&[]);
        assert_eq!(s.unique("get_a_with_response".into()), "get_a_with_response");
        // `get_a` would make a second `get_a_with_response`.
        assert_eq!(s.unique_family("get_a".into(), &["_with_response"]), "get_a_2");
        assert_eq!(s.unique("get_a_2_with_response".into()), "get_a_2_with_response_2");
        assert_eq!(s.unique_family("get_b".into(), &["_with_response"]), "get_b");
    }
}
