//! The client runtime every generated API shares, exercised through the PureCloud client
//! against a real HTTP server on 127.0.0.1: response metadata, request hygiene, retries
//! and timeouts.

mod support;

use docs2rs_generated::purecloud::{Client, Error, ResponseValue, RetryPolicy, params};
use docs2rs_generated::{awork, commpeak, podcast};
use serde_json::json;
use std::time::Duration;
use support::{Reply, Server};

fn client(server: &Server) -> Client {
    Client::new(&server.url).with_bearer_token("tok")
}

#[tokio::test(flavor = "current_thread")]
async fn with_response_keeps_the_status_and_headers_of_a_success() {
    let server = Server::start(vec![
        Reply::json(201, json!({ "id": "new" })).header("Location", "/api/v2/users/new"),
        Reply::json(200, json!({ "id": "u1" })).header("ETag", "\"v7\""),
    ]);
    let c = client(&server);
    let created = c.post_users_with_response(&json!({ "name": "Ada" })).await.unwrap();
    assert_eq!(created.status.as_u16(), 201);
    assert_eq!(created.headers.get("location").unwrap(), "/api/v2/users/new");
    assert_eq!(created.body["id"], "new");

    let user: ResponseValue<serde_json::Value> = c.get_user_with_response("u1", &Default::default()).await.unwrap();
    assert_eq!(user.headers.get("etag").unwrap(), "\"v7\"");
    assert_eq!(user.into_inner()["id"], "u1");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn with_response_of_an_empty_result_has_the_headers_too() {
    let server = Server::start(vec![Reply::empty(204).header("X-RateLimit-Remaining", "41")]);
    let done = client(&server).delete_user_roles_with_response("u1").await.unwrap();
    assert_eq!(done.status.as_u16(), 204);
    assert_eq!(done.headers.get("x-ratelimit-remaining").unwrap(), "41");
    let () = done.into_inner();
}

#[tokio::test(flavor = "current_thread")]
async fn a_post_without_a_body_sends_content_length_zero() {
    // RFC 9110 §8.6; front ends answer 411 Length Required otherwise.
    let server = Server::start(vec![Reply::empty(204)]);
    client(&server).post_user_invite("u1", &Default::default()).await.unwrap();
    let req = server.request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.header("content-length"), Some("0"));
}

#[test]
fn debug_redacts_tokens_passwords_and_extra_headers() {
    let bearer = Client::new("http://127.0.0.1:9").with_bearer_token("s3cret-token").with_header("X-Api-Key", "k3y-value").unwrap();
    let shown = format!("{bearer:?}");
    assert!(!shown.contains("s3cret") && !shown.contains("k3y"), "{shown}");
    assert!(shown.contains("Sensitive") && shown.contains("127.0.0.1"), "{shown}");

    let basic = commpeak::Client::new("http://127.0.0.1:9").with_basic_auth("api", "pw-s3cret");
    let shown = format!("{basic:?}");
    // Neither the password nor its base64 form (`api:pw-s3cret`).
    assert!(!shown.contains("pw-s3cret") && !shown.contains("YXBpOnB3LXMzY3JldA"), "{shown}");

    // reqwest sends a base URL's user info as Basic credentials.
    let in_url = format!("{:?}", Client::new("http://user:hunter2@127.0.0.1:9/api"));
    assert!(!in_url.contains("hunter2") && in_url.contains("user:"), "{in_url}");
}

#[test]
fn server_variables_cannot_move_the_host() {
    assert_eq!(commpeak::Client::server_url("acme-2").unwrap(), "https://acme-2.td.commpeak.com");
    for bad in ["attacker.example/#", "a@b", "x:1", "a b", "", "..", "a%2F"] {
        let err = commpeak::Client::server_url(bad).unwrap_err();
        assert!(matches!(err, commpeak::Error::InvalidRequest(_)), "{bad:?}: {err}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn decode_errors_name_the_field() {
    let server = Server::start(vec![Reply::json(200, json!({ "id": "u1", "createdOn": "last tuesday" }))]);
    let c = awork::Client::new(&server.url);
    let err = c.update_user("u1", &Default::default()).await.unwrap_err();
    let awork::Error::Decode(d) = err else { panic!("expected a decode error, got {err}") };
    assert!(d.message.contains("createdOn"), "{}", d.message);
}

#[tokio::test(flavor = "current_thread")]
async fn an_empty_body_where_one_is_documented_says_so() {
    let server = Server::start(vec![Reply::empty(200)]);
    let err = awork::Client::new(&server.url).update_user("u1", &Default::default()).await.unwrap_err();
    let awork::Error::Decode(d) = err else { panic!("expected a decode error, got {err}") };
    assert!(d.message.contains("empty"), "{}", d.message);
    assert!(!d.message.contains("null"), "{}", d.message);
}

#[tokio::test(flavor = "current_thread")]
async fn a_bearer_token_with_a_line_break_is_an_invalid_request() {
    // Nothing listens on port 9: a request that went out would be a transport error.
    let c = Client::new("http://127.0.0.1:9").with_bearer_token("s3cr3t\r\nX-Evil: 1");
    let err = c.get_user_profileskills("u1").await.unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err}");
    assert!(!err.to_string().contains("s3cr3t"), "the token is not echoed: {err}");
}

#[tokio::test(flavor = "current_thread")]
async fn an_unfilled_server_variable_is_an_invalid_request() {
    let c = commpeak::Client::new(commpeak::DEFAULT_BASE_URL).with_basic_auth("api", "pw");
    let err = c.update_user("42", &Default::default()).await.unwrap_err();
    assert!(matches!(err, commpeak::Error::InvalidRequest(_)), "{err}");
    assert!(err.to_string().contains("{tenant}"), "{err}");
}

#[tokio::test(flavor = "current_thread")]
async fn the_path_goes_after_the_base_path_and_the_base_query_stays() {
    let server = Server::start(vec![Reply::json(200, json!({})), Reply::json(200, json!({}))]);
    let c = Client::new(format!("{}/base/?tenant=acme#top", server.url));
    c.get_user("u1", &Default::default()).await.unwrap();
    c.get_users(&params::GetUsersParams::default().with_page_size(2)).await.unwrap();
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/base/api/v2/users/u1?tenant=acme", "/base/api/v2/users?tenant=acme&pageSize=2"]);
}

#[tokio::test(flavor = "current_thread")]
async fn comma_arrays_leave_out_empty_lists() {
    let server = Server::start(vec![Reply::json(200, json!([])), Reply::json(200, json!([]))]);
    let c = podcast::Client::new(&server.url);
    c.list_shows(&podcast::params::ListShowsParams::default().with_tags(Vec::new()).with_explicit(true)).await.unwrap();
    c.list_shows(&podcast::params::ListShowsParams::default().with_tags(vec!["a".to_string(), "b c".into()])).await.unwrap();
    let queries: Vec<String> = server.requests().iter().map(|r| r.query().to_string()).collect();
    assert_eq!(queries, ["explicit=true", "tags=a%2Cb+c"]);
}

#[tokio::test(flavor = "current_thread")]
async fn one_authorization_header_the_last_setter_wins() {
    let server = Server::start(vec![Reply::json(200, json!([])), Reply::json(200, json!([]))]);
    let header_then_token = Client::new(&server.url).with_header("Authorization", "Token abc").unwrap().with_bearer_token("tok");
    header_then_token.get_user_profileskills("u1").await.unwrap();
    let token_then_header = Client::new(&server.url).with_bearer_token("tok").with_header("authorization", "Token abc").unwrap();
    token_then_header.get_user_profileskills("u1").await.unwrap();
    let sent: Vec<Vec<String>> =
        server.requests().iter().map(|r| r.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("authorization")).map(|(_, v)| v.clone()).collect()).collect();
    assert_eq!(sent, [vec!["Bearer tok".to_string()], vec!["Token abc".to_string()]]);
}

/// The default policy with millisecond waits.
fn quick_retries() -> RetryPolicy {
    RetryPolicy::default().with_delays(Duration::from_millis(1), Duration::from_millis(20))
}

fn statuses(requests: &[support::Recorded]) -> Vec<(&str, &str)> {
    requests.iter().map(|r| (r.method.as_str(), r.path())).collect()
}

#[tokio::test(flavor = "current_thread")]
async fn a_get_is_retried_after_429_and_503_until_it_succeeds() {
    let server = Server::start(vec![
        Reply::json(429, json!({ "message": "slow down" })).header("Retry-After", "0"),
        Reply::empty(503),
        Reply::json(200, json!(["rust"])),
    ]);
    let c = client(&server).with_retry_policy(quick_retries());
    let skills = c.get_user_profileskills("u1").await.expect("the third attempt succeeds");
    assert_eq!(skills, ["rust"]);
    let requests = server.requests();
    assert_eq!(statuses(&requests), [("GET", "/api/v2/users/u1/profileskills"); 3]);
    assert!(requests.iter().all(|r| r.header("authorization") == Some("Bearer tok")));
}

#[tokio::test(flavor = "current_thread")]
async fn a_put_is_retried_with_the_same_body() {
    let server = Server::start(vec![Reply::empty(500), Reply::json(200, json!({ "id": "s1" }))]);
    let c = client(&server).with_retry_policy(quick_retries());
    c.put_user_routingskill("u1", "s1", &json!({ "proficiency": 4.5 })).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.json() == json!({ "proficiency": 4.5 })));
}

#[tokio::test(flavor = "current_thread")]
async fn a_post_is_not_retried_unless_the_caller_opts_in() {
    let server = Server::start(vec![Reply::empty(503)]);
    let err = client(&server).with_retry_policy(quick_retries()).post_users(&json!({ "name": "Ada" })).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.requests().len(), 1);

    let server = Server::start(vec![Reply::empty(503), Reply::json(201, json!({ "id": "new" }))]);
    let c = client(&server).with_retry_policy(quick_retries().retry_non_idempotent());
    assert_eq!(c.post_users(&json!({ "name": "Ada" })).await.unwrap()["id"], "new");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn attempts_are_capped_and_the_last_answer_is_returned() {
    let server = Server::start(vec![Reply::empty(503), Reply::json(503, json!({ "message": "down" }))]);
    let c = client(&server).with_retry_policy(quick_retries().with_max_attempts(2));
    let err = c.get_user_profileskills("u1").await.unwrap_err();
    let Error::Status(response) = err else { panic!("expected the last 503, got {err}") };
    assert_eq!(response.json.unwrap()["message"], "down");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn retry_after_dates_and_long_waits_are_capped() {
    let server = Server::start(vec![
        Reply::empty(503).header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
        Reply::empty(429).header("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"),
        Reply::empty(429).header("Retry-After", "86400"),
        Reply::json(200, json!([])),
    ]);
    let c = client(&server).with_retry_policy(quick_retries().with_max_attempts(4));
    c.get_user_profileskills("u1").await.expect("waits are capped at 20 ms");
    assert_eq!(server.requests().len(), 4);
}

#[tokio::test(flavor = "current_thread")]
async fn a_streamed_multipart_body_is_sent_once() {
    let server = Server::start(vec![Reply::empty(503)]);
    // Each API module has its own `RetryPolicy`.
    let policy = podcast::RetryPolicy::default().with_delays(Duration::from_millis(1), Duration::from_millis(20)).retry_non_idempotent();
    let c = podcast::Client::new(&server.url).with_retry_policy(policy);
    let form = podcast::types::UploadEpisodeForm {
        audio: podcast::FilePart::new("a.mp3", vec![1, 2, 3]),
        title: "Pilot".into(),
        description: None,
        chapters: None,
        explicit: None,
    };
    let err = c.upload_episode("show", &form).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn a_stalled_server_times_out_and_each_attempt_has_the_deadline() {
    let server = Server::start(vec![Reply::stall(), Reply::stall()]);
    // A per-call setting: clones share the connection pool.
    let base = client(&server);
    let c = base.clone().with_timeout(Duration::from_millis(50)).with_retry_policy(quick_retries().with_max_attempts(2));
    let err = c.get_user_profileskills("u1").await.unwrap_err();
    let Error::Transport(e) = &err else { panic!("expected a timeout, got {err}") };
    assert!(e.is_timeout(), "{err}");
    // The server sees the client hang up once the runtime runs the connection tasks.
    drop((c, base));
    let requests = tokio::task::spawn_blocking(move || server.requests()).await.unwrap();
    assert_eq!(requests.len(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn invalid_requests_are_not_retried() {
    let c = Client::new("http://127.0.0.1:9").with_bearer_token("a\nb").with_retry_policy(quick_retries());
    let err = c.get_user_profileskills("u1").await.unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err}");
}

#[tokio::test(flavor = "current_thread")]
async fn a_read_timeout_like_the_default_one_catches_a_server_that_never_answers() {
    // `Client::new` sets `READ_TIMEOUT` (30 s); the same setting at 50 ms shows it also
    // covers the wait for the response head, not only the body.
    let server = Server::start(vec![Reply::stall()]);
    let http = reqwest::Client::builder().read_timeout(Duration::from_millis(50)).build().unwrap();
    let c = Client::with_client(&server.url, http).with_retry_policy(RetryPolicy::none());
    let err = c.get_user_profileskills("u1").await.unwrap_err();
    assert!(matches!(&err, Error::Transport(e) if e.is_timeout()), "{err}");
    drop(c);
    tokio::task::spawn_blocking(move || server.requests()).await.unwrap();
}
