//! A crate whose API client is generated at build time from the docs in `seeds/`.

/// The generated client: `Client`, `types::*`, `params::*`, `Error`.
pub mod purecloud {
    include!(concat!(env!("OUT_DIR"), "/purecloud.rs"));
}

/// Code using the generated types, so the build proves they exist with the right shape.
pub fn new_update(version: i64, name: &str) -> purecloud::types::UpdateUser {
    // `new` takes the required fields; the optional ones start as `None`.
    purecloud::types::UpdateUser { name: Some(name.to_string()), ..purecloud::types::UpdateUser::new(version) }
}

/// A client for the documented base URL.
pub fn client(token: &str) -> purecloud::Client {
    purecloud::Client::new(purecloud::DEFAULT_BASE_URL).with_bearer_token(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_types_serialize_with_wire_names() {
        let body = new_update(3, "Ada");
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json, serde_json::json!({ "version": 3, "name": "Ada" }));
        assert_eq!(client("t").base_url(), "https://api.mypurecloud.com");
    }
}
