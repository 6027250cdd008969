//! The PureCloud client (from the swagger-codegen Ruby/Python seeds) against a real
//! HTTP server on 127.0.0.1: one test per operation shape, plus error paths.

mod support;

use docs2rs_generated::purecloud::{self, Client, Error, RetryPolicy, params, types};
use serde_json::json;
use support::{Reply, Server};

fn client(server: &Server) -> Client {
    Client::new(&server.url).with_bearer_token("tok")
}

#[tokio::test(flavor = "current_thread")]
async fn get_with_optional_query_arrays_and_enums() {
    let server = Server::start(vec![Reply::json(200, json!({ "entities": [], "pageSize": 2 }))]);
    let options = params::GetUsersParams::default()
        .with_page_size(2)
        .with_id(["a b".to_string(), "c&d".to_string()])
        .with_sort_order(types::SortOrder::Descending)
        .with_expand([types::Expand::RoutingStatus, types::Expand::Presence]);
    let listing = client(&server).get_users(&options).await.expect("200");
    assert_eq!(listing["pageSize"], 2);

    let req = server.request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path(), "/api/v2/users");
    // Arrays repeat the key (the API's style); values are form-encoded; unset options are not sent.
    assert_eq!(req.query(), "pageSize=2&id=a+b&id=c%26d&sortOrder=descending&expand=routingStatus&expand=presence");
    assert_eq!(req.header("authorization"), Some("Bearer tok"));
    assert!(req.header("user-agent").unwrap().contains("docs2rs"), "{:?}", req.header("user-agent"));
}

#[tokio::test(flavor = "current_thread")]
async fn get_without_options_sends_no_query_string() {
    let server = Server::start(vec![Reply::json(200, json!({ "id": "u1" }))]);
    let user = client(&server).get_user("u1", &Default::default()).await.unwrap();
    assert_eq!(user["id"], "u1");
    assert_eq!(server.request().target, "/api/v2/users/u1");
}

#[tokio::test(flavor = "current_thread")]
async fn patch_sends_the_json_body_with_camel_case_wire_names() {
    let server = Server::start(vec![Reply::json(200, json!({ "id": "u1", "version": 4 }))]);
    let body = types::UpdateUser { primary_contact_info: Some(vec![json!({ "address": "a@b.c" })]), acd_auto_answer: Some(true), ..types::UpdateUser::new(3) };
    let user = client(&server).patch_user("u1", &body).await.unwrap();
    assert_eq!(user["version"], 4);

    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("PATCH", "/api/v2/users/u1"));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.json(), json!({ "version": 3, "primaryContactInfo": [{ "address": "a@b.c" }], "acdAutoAnswer": true }));
}

#[tokio::test(flavor = "current_thread")]
async fn delete_with_an_empty_response_returns_unit() {
    let server = Server::start(vec![Reply::empty(204)]);
    let () = client(&server).delete_user_roles("u1").await.unwrap();
    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("DELETE", "/api/v2/users/u1/roles"));
    assert!(req.body.is_empty());
}

#[tokio::test(flavor = "current_thread")]
async fn a_model_typed_result_tolerates_an_empty_204() {
    // `delete_user` is documented to return `Empty`, which the seeds do not define (raw JSON).
    let server = Server::start(vec![Reply::empty(204)]);
    let result = client(&server).delete_user("u1").await.unwrap();
    assert_eq!(result, serde_json::Value::Null);
}

#[tokio::test(flavor = "current_thread")]
async fn post_returns_the_decoded_model() {
    let server = Server::start(vec![Reply::json(200, json!({ "id": "new", "name": "Ada" }))]);
    let created = client(&server).post_users(&json!({ "name": "Ada", "email": "ada@example.com" })).await.unwrap();
    assert_eq!(created["id"], "new");
    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("POST", "/api/v2/users"));
    assert_eq!(req.json(), json!({ "name": "Ada", "email": "ada@example.com" }));
}

#[tokio::test(flavor = "current_thread")]
async fn put_with_two_path_params() {
    let server = Server::start(vec![Reply::json(200, json!({ "id": "s1", "proficiency": 4.5 }))]);
    let skill = client(&server).put_user_routingskill("u1", "s1", &json!({ "proficiency": 4.5 })).await.unwrap();
    assert_eq!(skill["proficiency"], 4.5);
    let req = server.request();
    assert_eq!((req.method.as_str(), req.target.as_str()), ("PUT", "/api/v2/users/u1/routingskills/s1"));
}

#[tokio::test(flavor = "current_thread")]
async fn optional_array_body_and_array_result() {
    let server = Server::start(vec![Reply::json(200, json!(["rust", "serde"]))]);
    let options = params::PutUserProfileskillsParams::default().with_body(["rust".to_string(), "serde".to_string()]);
    let skills = client(&server).put_user_profileskills("u1", &options).await.unwrap();
    assert_eq!(skills, ["rust", "serde"]);
    assert_eq!(server.request().json(), json!(["rust", "serde"]));
}

#[tokio::test(flavor = "current_thread")]
async fn path_params_are_encoded_as_one_segment() {
    let server = Server::start(vec![Reply::json(200, json!({}))]);
    client(&server).get_user("a/../b?x#y %", &Default::default()).await.unwrap();
    assert_eq!(server.request().target, "/api/v2/users/a%2F..%2Fb%3Fx%23y%20%25");
}

#[tokio::test(flavor = "current_thread")]
async fn dot_segments_are_refused_before_sending() {
    for bad in ["..", ".", ""] {
        let err = Client::new("http://127.0.0.1:9").get_user(bad, &Default::default()).await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{bad:?}: {err}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_404_keeps_status_headers_and_the_json_body() {
    let server = Server::start(vec![Reply::json(404, json!({ "message": "user not found", "code": "not.found" }))]);
    let err = client(&server).get_user("nobody", &Default::default()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let Error::Status(response) = err else { panic!("expected a status error, got {err}") };
    assert_eq!(response.json.as_ref().unwrap()["code"], "not.found");
    assert!(response.body.contains("user not found"));
    assert_eq!(response.headers.get("x-request-id").unwrap(), "test-1");
}

#[tokio::test(flavor = "current_thread")]
async fn a_malformed_200_body_is_a_decode_error_with_the_raw_bytes() {
    let server = Server::start(vec![Reply::raw(200, "application/json", "[\"rust\", ")]);
    let err = client(&server).get_user_profileskills("u1").await.unwrap_err();
    let Error::Decode(d) = err else { panic!("expected a decode error, got {err}") };
    assert_eq!(d.status.as_u16(), 200);
    assert_eq!(d.body, b"[\"rust\", ");
    assert!(d.message.contains("EOF"), "{}", d.message);
}

#[tokio::test(flavor = "current_thread")]
async fn a_transport_failure_is_reported_as_such() {
    // Port 9 (discard) on loopback: nothing listens in the test environment.
    let client = Client::new("http://127.0.0.1:9").with_retry_policy(RetryPolicy::none());
    let err = client.get_user_profileskills("u1").await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err}");
}

#[test]
fn enums_keep_values_the_docs_never_listed() {
    let known: types::SortOrder = serde_json::from_value(json!("ascending")).unwrap();
    assert_eq!(known, types::SortOrder::Ascending);
    let new: types::Expand = serde_json::from_value(json!("skillsV2")).unwrap();
    assert_eq!(new, types::Expand::Unknown("skillsV2".into()));
    assert_eq!(serde_json::to_value(&new).unwrap(), json!("skillsV2"));
    assert_eq!(new.to_string(), "skillsV2");
    assert_eq!("presence".parse::<types::Expand>().unwrap(), types::Expand::Presence);
    assert_eq!(types::Expand::Presence.as_ref(), "presence");
}

#[test]
fn models_accept_unknown_fields_and_require_required_ones() {
    let u: types::UpdateUser = serde_json::from_value(json!({ "version": 1, "brandNewField": [1, 2] })).unwrap();
    assert_eq!(u.version, 1);
    let missing = serde_json::from_value::<types::UpdateUser>(json!({ "name": "x" })).unwrap_err();
    assert!(missing.to_string().contains("version"), "{missing}");
}

#[test]
fn the_documented_base_url_is_exposed() {
    assert_eq!(purecloud::DEFAULT_BASE_URL, "https://api.mypurecloud.com");
    assert_eq!(Client::new("https://x.example/").base_url(), "https://x.example");
}

#[tokio::test(flavor = "current_thread")]
async fn operations_with_the_same_expand_values_share_one_enum() {
    let server = Server::start(vec![Reply::json(200, json!({ "id": "u1" }))]);
    let options = params::GetUserParams::default().with_expand([types::Expand::Presence, types::Expand::Unknown("skillsV2".into())]);
    client(&server).get_user("u1", &options).await.unwrap();
    assert_eq!(server.request().query(), "expand=presence&expand=skillsV2");
}
