//! The whole-corpus client. Compiling it (and clippy -D warnings in CI) is the test.
//!
//! docs2rs writes it split (932 operations): `purecloud/mod.rs` declares `pub mod types;`
//! and one module per group, which rustc finds next to it in OUT_DIR. Each group is a
//! feature of this crate (`--no-default-features --features purecloud-users`).

pub mod purecloud {
    include!(concat!(env!("OUT_DIR"), "/purecloud/mod.rs"));
}

#[cfg(test)]
mod tests {
    use super::purecloud::types;
    use serde_json::json;

    #[test]
    fn overridden_wire_names_are_used() {
        let phone: types::PhoneNumber = serde_json::from_value(json!({ "acceptsSMS": true })).unwrap();
        assert_eq!(phone.accepts_sms, Some(true));
        let schema: types::JsonSchemaDocument = serde_json::from_value(json!({ "$schema": "x" })).unwrap();
        assert_eq!(serde_json::to_value(&schema).unwrap(), json!({ "$schema": "x" }));
    }
}
