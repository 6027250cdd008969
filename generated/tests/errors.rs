//! Typed errors of the Lending Library client (docs that name an error model per status)
//! against a real server on 127.0.0.1.

mod support;

use docs2rs_generated::lending::{self, Error, errors};
use serde_json::json;
use support::{Reply, Server};

/// One reply per call: these tests are about decoding, not retries (a 5xx is retried by default).
fn client(server: &Server) -> lending::Client {
    lending::Client::new(&server.url).with_bearer_token("t").with_retry_policy(lending::RetryPolicy::none())
}

#[tokio::test(flavor = "current_thread")]
async fn a_documented_404_decodes_to_its_model() {
    let server = Server::start(vec![Reply::json(404, json!({ "code": "book_not_found", "message": "No book bk_9", "resourceId": "bk_9" }))]);
    let error = client(&server).get_one_book("bk_9").await.expect_err("404");
    match error.typed::<errors::GetOneBookError>() {
        Some(errors::GetOneBookError::NotFound(body)) => {
            assert_eq!(body.code, "book_not_found");
            assert_eq!(body.resource_id.as_deref(), Some("bk_9"));
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    // The raw response is still there.
    let Error::Status(raw) = &error else { panic!("{error:?}") };
    assert_eq!(raw.status.as_u16(), 404);
    assert_eq!(raw.json.as_ref().unwrap()["code"], "book_not_found");
}

#[tokio::test(flavor = "current_thread")]
async fn each_documented_status_has_its_own_variant() {
    let server = Server::start(vec![Reply::json(400, json!({ "code": "invalid_id", "message": "ids start with bk_", "field": "bookId" }))]);
    let error = client(&server).get_one_book("x").await.expect_err("400");
    let Some(errors::GetOneBookError::BadRequest(body)) = error.typed::<errors::GetOneBookError>() else { panic!("{error:?}") };
    assert_eq!(body.field.as_deref(), Some("bookId"));
}

#[tokio::test(flavor = "current_thread")]
async fn inline_error_fields_are_a_model_too() {
    let server = Server::start(vec![Reply::json(409, json!({ "code": "no_copy_available", "availableFrom": "2025-05-20" }))]);
    let body = lending::types::BorrowBookRequest { member_id: "m_311".into(), days: None };
    let error = client(&server).borrow_book("bk_1021", &body).await.expect_err("409");
    let Some(errors::BorrowBookError::Conflict(conflict)) = error.typed() else { panic!("{error:?}") };
    assert_eq!(conflict.available_from.as_deref(), Some("2025-05-20"));
}

#[tokio::test(flavor = "current_thread")]
async fn a_documented_status_whose_body_does_not_decode_stays_raw() {
    let server = Server::start(vec![
        Reply::raw(404, "text/html", "<h1>Not Found</h1>"),
        // JSON, but not the documented model (`code` and `message` are required).
        Reply::json(404, json!({ "error": "gone" })),
    ]);
    let c = client(&server);
    for _ in 0..2 {
        let error = c.get_one_book("bk_1").await.expect_err("404");
        assert!(error.typed::<errors::GetOneBookError>().is_none());
        let Error::Status(raw) = &error else { panic!("{error:?}") };
        assert_eq!(raw.status.as_u16(), 404);
        assert!(!raw.body.is_empty());
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_status_class_matches_every_status_in_it() {
    let server = Server::start(vec![Reply::json(503, json!({ "title": "Catalogue offline", "status": 503, "retryAfterSeconds": 30 }))]);
    let error = client(&server).get_one_book("bk_1").await.expect_err("503");
    let Some(errors::GetOneBookError::ServerError(problem)) = error.typed() else { panic!("{error:?}") };
    assert_eq!((problem.status, problem.retry_after_seconds), (503, Some(30)));
}

#[tokio::test(flavor = "current_thread")]
async fn an_undocumented_status_stays_untyped() {
    // 409 is not documented for getOneBook; the body even looks like the 404 model.
    let server = Server::start(vec![Reply::json(409, json!({ "code": "busy", "message": "try later" }))]);
    let error = client(&server).get_one_book("bk_1").await.expect_err("409");
    assert!(error.typed::<errors::GetOneBookError>().is_none());
    assert_eq!(error.status().map(|s| s.as_u16()), Some(409));
    let Error::Status(raw) = &error else { panic!("{error:?}") };
    assert_eq!(raw.json.as_ref().unwrap()["code"], "busy");
}

#[tokio::test(flavor = "current_thread")]
async fn operations_with_the_same_errors_share_one_enum() {
    let server = Server::start(vec![Reply::json(404, json!({ "code": "member_not_found", "message": "No member m_1" }))]);
    let error = client(&server).get_a_member("m_1").await.expect_err("404");
    // `return_a_borrowed_book` documents the same errors (404 NotFound): one enum, two names.
    let typed: Option<errors::ReturnABorrowedBookError> = error.typed::<errors::GetAMemberError>();
    assert!(matches!(typed, Some(errors::ReturnABorrowedBookError::NotFound(ref b)) if b.code == "member_not_found"), "{typed:?}");
}
