//! The client runtime every generated API shares, exercised through the PureCloud client
//! against a real HTTP server on 127.0.0.1: response metadata, request hygiene, retries
//! and timeouts.

mod support;

use docs2rs_generated::purecloud::{Client, ResponseValue};
use serde_json::json;
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
