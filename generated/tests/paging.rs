//! The Bookshelf client's `…_stream` methods against a real HTTP server on 127.0.0.1: one
//! test per paging pattern, each over three pages, checking what each request asked for
//! and that no request follows the last page (the server answers exactly three; a fourth
//! request would fail and end the stream with an error).

mod support;

use docs2rs_generated::bookshelf::{Client, Error, params, types};
use futures_util::StreamExt;
use serde_json::json;
use support::{Reply, Server};

fn client(server: &Server) -> Client {
    Client::new(&server.url).with_bearer_token("tok")
}

/// Every item of the stream; panics on an error item.
async fn all<T>(stream: impl futures_util::Stream<Item = Result<T, Error>> + Unpin) -> Vec<T> {
    stream.map(|item| item.expect("every page answered")).collect().await
}

#[tokio::test(flavor = "current_thread")]
async fn page_number_stops_at_the_page_count() {
    let page = |n: i32, ids: &[&str]| {
        let entities: Vec<_> = ids.iter().map(|id| json!({ "id": id, "name": id.to_uppercase() })).collect();
        Reply::json(200, json!({ "entities": entities, "pageNumber": n, "pageSize": 2, "pageCount": 3 }))
    };
    let server = Server::start(vec![page(1, &["a", "b"]), page(2, &["c", "d"]), page(3, &["e"])]);
    let options = params::ListAuthorsParams::default().with_page_size(2);
    let authors: Vec<types::Author> = all(client(&server).list_authors_stream(&options)).await;
    let ids: Vec<&str> = authors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);

    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/authors?pageNumber=1&pageSize=2", "/authors?pageNumber=2&pageSize=2", "/authors?pageNumber=3&pageSize=2"]);
}

#[tokio::test(flavor = "current_thread")]
async fn page_and_per_page_stop_when_the_total_is_reached_and_keep_other_parameters() {
    let page = |ids: &[&str]| {
        let data: Vec<_> = ids.iter().map(|id| json!({ "id": id, "title": "T" })).collect();
        Reply::json(200, json!({ "data": data, "total": 5 }))
    };
    let server = Server::start(vec![page(&["b3", "b4"]), page(&["b5", "b6"]), page(&["b7"])]);
    // Starts at the caller's page; the other parameters go with every request.
    let options = params::ListBooksParams::default().with_page(3).with_per_page(2).with_genre("poetry");
    let books = all(client(&server).list_books_stream(&options)).await;
    assert_eq!(books.len(), 5);

    let requests = server.requests();
    let queries: Vec<&str> = requests.iter().map(|r| r.query()).collect();
    assert_eq!(queries, ["page=3&per_page=2&genre=poetry", "page=4&per_page=2&genre=poetry", "page=5&per_page=2&genre=poetry"]);
    assert!(requests.iter().all(|r| r.header("authorization") == Some("Bearer tok")));
}

#[tokio::test(flavor = "current_thread")]
async fn page_numbers_without_a_total_stop_at_an_empty_page() {
    let page = |ids: &[&str]| Reply::json(200, json!({ "data": ids.iter().map(|id| json!({ "id": id, "title": "T" })).collect::<Vec<_>>() }));
    let server = Server::start(vec![page(&["a"]), page(&["b"]), page(&[])]);
    let books = all(client(&server).list_books_stream(&Default::default())).await;
    assert_eq!(books.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    let queries: Vec<String> = server.requests().iter().map(|r| r.query().to_string()).collect();
    assert_eq!(queries, ["page=1", "page=2", "page=3"]);
}

#[tokio::test(flavor = "current_thread")]
async fn offset_moves_past_the_items_received_until_the_total() {
    let page = |ids: &[&str]| {
        let items: Vec<_> = ids.iter().map(|id| json!({ "id": id, "book_id": "b1" })).collect();
        Reply::json(200, json!({ "items": items, "total": 5 }))
    };
    let server = Server::start(vec![page(&["l1", "l2"]), page(&["l3", "l4"]), page(&["l5"])]);
    let options = params::ListLoansParams::default().with_limit(2);
    let loans = all(client(&server).list_loans_stream(&options)).await;
    assert_eq!(loans.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["l1", "l2", "l3", "l4", "l5"]);

    let queries: Vec<String> = server.requests().iter().map(|r| r.query().to_string()).collect();
    assert_eq!(queries, ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"]);
}

#[tokio::test(flavor = "current_thread")]
async fn cursor_sends_each_next_cursor_and_stops_without_one() {
    let server = Server::start(vec![
        Reply::json(200, json!({ "results": [{ "id": "e1", "kind": "loan" }], "next_cursor": "c2" })),
        Reply::json(200, json!({ "results": [{ "id": "e2", "kind": "return" }], "next_cursor": "c/3" })),
        Reply::json(200, json!({ "results": [{ "id": "e3", "kind": "loan" }], "next_cursor": null })),
    ]);
    let events = all(client(&server).list_events_stream(&Default::default())).await;
    assert_eq!(events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e1", "e2", "e3"]);

    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/events", "/events?cursor=c2", "/events?cursor=c%2F3"]);
}

#[tokio::test(flavor = "current_thread")]
async fn starting_after_sends_the_last_id_until_has_more_is_false() {
    let page = |ids: &[&str], more: bool| {
        let data: Vec<_> = ids.iter().map(|id| json!({ "id": id, "name": "N" })).collect();
        Reply::json(200, json!({ "data": data, "has_more": more }))
    };
    let server = Server::start(vec![page(&["m1", "m2"], true), page(&["m3", "m4"], true), page(&["m5"], false)]);
    let options = params::ListMembersParams::default().with_limit(2);
    let members = all(client(&server).list_members_stream(&options)).await;
    assert_eq!(members.len(), 5);

    let queries: Vec<String> = server.requests().iter().map(|r| r.query().to_string()).collect();
    assert_eq!(queries, ["limit=2", "starting_after=m2&limit=2", "starting_after=m4&limit=2"]);
}

#[tokio::test(flavor = "current_thread")]
async fn next_uri_is_followed_relative_to_the_base_url_with_the_clients_auth() {
    let server = Server::start(vec![
        Reply::json(200, json!({ "entities": [{ "id": "r1", "stars": 5 }], "nextUri": "/api/books/b1/reviews?pageSize=1&after=r1" })),
        Reply::json(200, json!({ "entities": [{ "id": "r2", "stars": 4 }], "nextUri": "reviews?pageSize=1&after=r2" })),
        Reply::json(200, json!({ "entities": [{ "id": "r3", "stars": 3 }] })),
    ]);
    let client = Client::new(format!("{}/api", server.url)).with_bearer_token("tok");
    let options = params::ListReviewsParams::default().with_page_size(1);
    let reviews = all(client.list_reviews_stream("b1", &options)).await;
    assert_eq!(reviews.iter().map(|r| r.stars).collect::<Vec<_>>(), [5, 4, 3]);

    let requests = server.requests();
    let targets: Vec<&str> = requests.iter().map(|r| r.target.as_str()).collect();
    // A path is resolved against the base URL's origin, a relative reference against the base URL.
    assert_eq!(targets, ["/api/books/b1/reviews?pageSize=1", "/api/books/b1/reviews?pageSize=1&after=r1", "/api/reviews?pageSize=1&after=r2"]);
    assert!(requests.iter().all(|r| r.header("authorization") == Some("Bearer tok")));
}

#[tokio::test(flavor = "current_thread")]
async fn a_next_uri_on_another_origin_is_refused_and_ends_the_stream() {
    let server =
        Server::start(vec![Reply::json(200, json!({ "entities": [{ "id": "r1", "stars": 5 }], "nextUri": "https://elsewhere.example/reviews?page=2" }))]);
    let items: Vec<_> = client(&server).list_reviews_stream("b1", &Default::default()).collect().await;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].as_ref().expect("first page").id, "r1");
    assert!(matches!(&items[1], Err(Error::InvalidRequest(m)) if m.contains("elsewhere.example")), "{:?}", items[1]);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn an_error_is_the_last_item() {
    let server = Server::start(vec![
        Reply::json(200, json!({ "results": [{ "id": "e1", "kind": "loan" }], "next_cursor": "c2" })),
        Reply::json(404, json!({ "message": "gone" })),
    ]);
    let items: Vec<_> = client(&server).list_events_stream(&Default::default()).collect().await;
    assert_eq!(items.len(), 2);
    assert!(matches!(&items[1], Err(e) if e.status().map(|s| s.as_u16()) == Some(404)));
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn a_repeated_cursor_ends_the_stream() {
    let page = Reply::json(200, json!({ "results": [{ "id": "e1", "kind": "loan" }], "next_cursor": "same" }));
    let server = Server::start(vec![page, Reply::json(200, json!({ "results": [{ "id": "e2", "kind": "loan" }], "next_cursor": "same" }))]);
    let events = all(client(&server).list_events_stream(&Default::default())).await;
    assert_eq!(events.len(), 2);
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn link_header_next_is_followed_until_a_page_has_none() {
    let tags = |names: &[&str]| Reply::json(200, json!(names.iter().map(|n| json!({ "name": n })).collect::<Vec<_>>()));
    let server = Server::start(vec![
        tags(&["sf", "poetry"]).header("Link", r#"</tags?page=2&per_page=2>; rel="next", </tags?page=9&per_page=2>; rel="last""#),
        // Another link first, a quoted multi-valued rel, a comma inside the URL.
        tags(&["crime", "drama"]).header("Link", r#"</tags?page=1&per_page=2>; rel="prev first", </tags?page=3&per_page=2&sort=a,b>; rel="last next""#),
        tags(&["maps"]).header("Link", r#"</tags?page=2&per_page=2>; rel="prev""#),
    ]);
    let options = params::ListTagsParams::default().with_per_page(2);
    let names: Vec<String> = all(client(&server).list_tags_stream(&options)).await.into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["sf", "poetry", "crime", "drama", "maps"]);

    let requests = server.requests();
    let targets: Vec<&str> = requests.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(targets, ["/tags?per_page=2", "/tags?page=2&per_page=2", "/tags?page=3&per_page=2&sort=a,b"]);
    assert!(requests.iter().all(|r| r.header("authorization") == Some("Bearer tok")));
}

#[test]
fn streams_are_send_so_they_can_be_spawned() {
    fn send<T: Send>(_: &T) {}
    let client = Client::new("http://127.0.0.1:9");
    let options = params::ListBooksParams::default();
    send(&client.list_books_stream(&options));
    send(&client.list_tags_stream(&Default::default()));
    send(&client.list_reviews_stream("b1", &Default::default()));
}
