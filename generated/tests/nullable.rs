//! Optional nullable fields and lenient dates end to end: the Profiles client (a Fern text
//! copy, seeds/profiles) against a real HTTP server on 127.0.0.1.

mod support;

use chrono::{TimeZone, Utc};
use docs2rs_generated::profiles::{Client, Error, types};
use serde_json::json;
use support::{Reply, Server};

fn client(server: &Server) -> Client {
    Client::new(&server.url).with_bearer_token("tok")
}

fn profile() -> serde_json::Value {
    json!({ "id": "p1", "createdAt": "2024-03-01T10:00:00", "archivedAt": null, "birthDate": "1990-05-23", "displayName": "Ada" })
}

#[tokio::test(flavor = "current_thread")]
async fn patch_sends_null_to_clear_and_leaves_unset_fields_out() {
    let server = Server::start(vec![Reply::json(200, profile())]);
    let body = types::UpdateProfileRequest { archived_at: Some(None), ..types::UpdateProfileRequest::new("Ada") };
    client(&server).update_profile("p1", &body, &Default::default()).await.expect("200");

    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("PATCH", "/profiles/p1"));
    // `archivedAt: null` clears it; `nickname` (None) is left as the server has it.
    assert_eq!(req.json(), json!({ "displayName": "Ada", "archivedAt": null }));
}

#[tokio::test(flavor = "current_thread")]
async fn a_null_and_dates_without_offset_decode_and_encode_back() {
    let server = Server::start(vec![Reply::json(200, profile())]);
    let body = types::UpdateProfileRequest::new("Ada");
    let got = client(&server).update_profile("p1", &body, &Default::default()).await.expect("200");

    assert_eq!(got.archived_at, Some(None), "a present null is kept apart from a missing key");
    assert_eq!(got.created_at, Utc.with_ymd_and_hms(2024, 3, 1, 10, 0, 0).unwrap(), "no offset: UTC");
    assert_eq!(got.birth_date, Some(Utc.with_ymd_and_hms(1990, 5, 23, 0, 0, 0).unwrap()), "a date alone: midnight UTC");
    let again = serde_json::to_value(&got).unwrap();
    assert_eq!(again["archivedAt"], json!(null));
    assert_eq!(again["createdAt"], json!("2024-03-01T10:00:00Z"));
}

#[tokio::test(flavor = "current_thread")]
async fn a_bad_date_names_the_field() {
    let mut bad = profile();
    bad["createdAt"] = json!("yesterday");
    let server = Server::start(vec![Reply::json(200, bad)]);
    let err = client(&server).update_profile("p1", &types::UpdateProfileRequest::new("Ada"), &Default::default()).await.unwrap_err();
    let Error::Decode(d) = &err else { panic!("{err:?}") };
    assert!(d.message.starts_with("createdAt"), "{}", d.message);
    assert_eq!(d.status, 200);
}
