//! Output of docs2rs for the adversarial fixtures and every parser fixture. Compiling is the test; the unit tests
//! below check behaviour the hostile names must keep.

macro_rules! theme {
    ($name:ident, $file:literal) => {
        pub mod $name {
            include!(concat!(env!("OUT_DIR"), "/", $file));
        }
    };
}

theme!(identifiers, "identifiers.rs");
theme!(std_names, "std_names.rs");
theme!(recursive, "recursive.rs");
theme!(hostile_text, "hostile_text.rs");
theme!(broken, "broken.rs");
theme!(client_internals, "client_internals.rs");
theme!(pages, "pages.rs");
theme!(http_shapes, "http_shapes.rs");

/// The parser fixtures of every SDK flavour and page family (tests/fixtures/*/).
pub mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn keyword_and_invalid_names_keep_their_wire_names() {
        let wire = json!({ "type": "t", "self": "s", "Self": "S", "@odata.type": "o", "$schema": "x", "fooBar": "1", "foo_bar": "2", "URL": "U", "url": "u", "123abc": "d" });
        let w: super::identifiers::types::Weird = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(w.type_.as_deref(), Some("t"));
        assert_eq!(serde_json::to_value(&w).unwrap(), wire);
    }

    #[test]
    fn recursive_models_round_trip() {
        let v = json!({ "parent": { "children": [{}] }, "partner": { "node": {} } });
        let n: super::recursive::types::Node = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(&n).unwrap(), v);
    }

    #[test]
    fn std_named_models_do_not_shadow_std() {
        let o: super::std_names::types::Option = serde_json::from_value(json!({ "value": "x", "result": { "value": "r" } })).unwrap();
        assert_eq!(o.value.as_deref(), Some("x"));
    }
}
