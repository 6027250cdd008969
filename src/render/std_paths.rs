//! How generated code names the prelude's `Option`, `String`, `Vec` and `Box`.

/// Generated type names that would shadow the prelude's in the API's modules.
const PRELUDE_TYPES: &[&str] = &["Option", "String", "Vec", "Box"];

/// The prelude's names (`Option<String>`), or fully qualified (`::std::option::Option`)
/// for an API that has a type of one of those names (a model called `String` shadows the
/// prelude's in every module of the API). In a big API the qualified paths were a quarter
/// of all tokens, to check, format and compile for nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StdPaths {
    short: bool,
}

impl StdPaths {
    /// Short unless one of `idents` (every type the API generates) takes a prelude name.
    pub fn for_types<'a>(mut idents: impl Iterator<Item = &'a str>) -> StdPaths {
        StdPaths { short: !idents.any(|i| PRELUDE_TYPES.contains(&i)) }
    }

    pub fn option(self, inner: &str) -> String {
        if self.short { format!("Option<{inner}>") } else { format!("::std::option::Option<{inner}>") }
    }

    pub fn vec(self, inner: &str) -> String {
        if self.short { format!("Vec<{inner}>") } else { format!("::std::vec::Vec<{inner}>") }
    }

    pub fn boxed(self, inner: &str) -> String {
        if self.short { format!("Box<{inner}>") } else { format!("::std::boxed::Box<{inner}>") }
    }

    pub fn string(self) -> &'static str {
        if self.short { "String" } else { "::std::string::String" }
    }

    /// The `skip_serializing_if` function of an optional field.
    pub fn is_none(self) -> &'static str {
        if self.short { "Option::is_none" } else { "::std::option::Option::is_none" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_named_like_a_prelude_type_qualifies_every_path() {
        let short = StdPaths::for_types(["User", "Optional", "Strings"].into_iter());
        assert_eq!(short.option(&short.vec(short.string())), "Option<Vec<String>>");
        let long = StdPaths::for_types(["User", "String"].into_iter());
        assert_eq!(long.option(&long.boxed(long.string())), "::std::option::Option<::std::boxed::Box<::std::string::String>>");
        assert_eq!(long.is_none(), "::std::option::Option::is_none");
    }
}
