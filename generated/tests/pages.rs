//! The page-derived clients (awork via Fern, CommPeak via ReadMe) against a real server.

mod support;

use docs2rs_generated::{awork, commpeak};
use serde_json::json;
use support::{Reply, Server};

#[tokio::test(flavor = "current_thread")]
async fn awork_update_user_puts_the_body_with_a_bearer_token() {
    let server = Server::start(vec![Reply::json(
        200,
        json!({ "id": "u1", "firstName": "Ada", "createdOn": "2024-05-01T10:00:00Z", "resourceVersion": 9007199254740993_i64, "userContactInfos": [{ "type": "email" }], "isArchived": false }),
    )]);
    let client = awork::Client::new(&server.url).with_bearer_token("secret");
    let body = awork::types::UpdateUserRequest { first_name: Some("Ada".into()), birth_date: None, ..Default::default() };
    let user = client.update_user("u1", &body).await.expect("200 decodes");
    assert_eq!(user.first_name.as_deref(), Some("Ada"));
    assert_eq!(user.resource_version, Some(9007199254740993), "long → i64 keeps full precision");
    assert_eq!(user.created_on.unwrap().to_rfc3339(), "2024-05-01T10:00:00+00:00");
    assert_eq!(user.user_contact_infos.unwrap()[0]["type"], "email");

    let req = server.request();
    assert_eq!(req.method, "PUT");
    assert_eq!(req.target, "/users/u1");
    assert_eq!(req.header("authorization"), Some("Bearer secret"));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.json(), json!({ "firstName": "Ada" }), "unset optional fields are not sent");
}

#[tokio::test(flavor = "current_thread")]
async fn commpeak_update_user_uses_basic_auth_and_snake_case_enums() {
    let server = Server::start(vec![Reply::json(200, json!({ "status": "ok" }))]);
    let client = commpeak::Client::new(&server.url).with_basic_auth("api", "pw");
    let body = commpeak::types::UpdateUserRequest {
        email: Some("ada@example.com".into()),
        default_language: Some(commpeak::types::UpdateUserRequestDefaultLanguage::PtBr),
        twofa_type: Some("passkey".parse().unwrap()),
        is_active: Some(1.0),
        ..Default::default()
    };
    let answer = client.update_user("42", &body).await.expect("200");
    assert_eq!(answer, json!({ "status": "ok" }));

    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("PUT", "/api/users/42"));
    // base64("api:pw")
    assert_eq!(req.header("authorization"), Some("Basic YXBpOnB3"));
    assert_eq!(
        req.json(),
        json!({ "email": "ada@example.com", "default_language": "pt_BR", "twofa_type": "passkey", "is_active": 1.0 }),
        "an enum value the docs never listed is sent verbatim"
    );
}

#[test]
fn commpeak_server_url_fills_the_tenant() {
    assert_eq!(commpeak::Client::server_url("acme").unwrap(), "https://acme.td.commpeak.com");
    assert_eq!(commpeak::DEFAULT_BASE_URL, "https://{tenant}.td.commpeak.com");
}

#[tokio::test(flavor = "current_thread")]
async fn awork_dates_without_offset_or_time_decode_as_utc() {
    // What .NET servers send: no offset, and a date alone where a date-time is documented.
    let server = Server::start(vec![Reply::json(
        200,
        json!({ "id": "u1", "birthDate": "1990-05-23", "createdOn": "2024-05-01T10:00:00.5", "updatedOn": "2024-05-02T08:00:00" }),
    )]);
    let client = awork::Client::new(&server.url).with_bearer_token("secret");
    let user = client.update_user("u1", &Default::default()).await.expect("lenient dates decode");
    assert_eq!(user.birth_date.unwrap().to_rfc3339(), "1990-05-23T00:00:00+00:00");
    assert_eq!(user.created_on.unwrap().to_rfc3339(), "2024-05-01T10:00:00.500+00:00");
    assert_eq!(user.updated_on.unwrap().to_rfc3339(), "2024-05-02T08:00:00+00:00");
    // Sending is unchanged: RFC 3339 with an offset.
    let body = awork::types::UpdateUserRequest { birth_date: user.birth_date, ..Default::default() };
    assert_eq!(serde_json::to_value(&body).unwrap(), json!({ "birthDate": "1990-05-23T00:00:00Z" }));
}
