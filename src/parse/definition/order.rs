//! The document order of `properties` keys. `serde_json::Value` keeps keys sorted, but a
//! struct's fields (and a form's parts) should come in the order the definition lists
//! them; a second, streaming pass over the text records it. Objects are told apart by
//! their key set, which is enough in practice (two `properties` objects with the same
//! names in different orders take the first one's).

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;

/// Sorted key list (joined by NUL) → the keys in document order.
pub(super) type Orders = HashMap<String, Vec<String>>;

/// The order of every `properties` object of a JSON (or YAML) text; empty when unreadable.
pub(super) fn properties_orders(text: &str) -> Orders {
    let mut out = Orders::new();
    if text.trim_start().starts_with('{') {
        let mut de = serde_json::Deserializer::from_str(text);
        let _ = Recorder { out: &mut out, record: false }.deserialize(&mut de);
    } else {
        yaml_orders(text, &mut out);
    }
    out
}

#[cfg(feature = "yaml")]
fn yaml_orders(text: &str, out: &mut Orders) {
    let _ = Recorder { out, record: false }.deserialize(serde_norway::Deserializer::from_str(text));
}

#[cfg(not(feature = "yaml"))]
fn yaml_orders(_text: &str, _out: &mut Orders) {}

/// The key of a key list, whatever its order.
pub(super) fn key_of<'k>(keys: impl Iterator<Item = &'k str>) -> String {
    let mut v: Vec<&str> = keys.collect();
    v.sort_unstable();
    v.join("\0")
}

struct Recorder<'o> {
    out: &'o mut Orders,
    /// This value is a `properties` object: record its keys.
    record: bool,
}

impl<'de> DeserializeSeed<'de> for Recorder<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Recorder<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let record = !self.record && key == "properties";
            map.next_value_seed(Recorder { out: &mut *self.out, record })?;
            keys.push(key);
        }
        if self.record {
            self.out.entry(key_of(keys.iter().map(String::as_str))).or_insert(keys);
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Recorder { out: &mut *self.out, record: false })?.is_some() {}
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_keep_their_document_order() {
        let text = r#"{"properties": {"zeta": {"type": "object", "properties": {"b": {}, "a": {}}}, "alpha": {}}}"#;
        let orders = properties_orders(text);
        assert_eq!(orders[&key_of(["alpha", "zeta"].into_iter())], ["zeta", "alpha"]);
        assert_eq!(orders[&key_of(["a", "b"].into_iter())], ["b", "a"]);
        assert!(properties_orders("{ not json").is_empty());
    }
}
