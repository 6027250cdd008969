//! `paginate` in docs2rs.toml: the `…_stream` methods of the Bookshelf seed, switched off
//! per operation or for the whole API. (The streams themselves are tested on a loopback
//! server in generated/tests/paging.rs.)

use docs2rs::Generator;
use docs2rs::config::{ApiConfig, OperationOverlay};
use std::path::Path;

fn bookshelf(cfg: ApiConfig) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let done = Generator::new().with_root(root).with_api(cfg.with_input("seeds/bookshelf/python")).render().expect("renders");
    done.files.iter().find(|(name, _)| name.ends_with("bookshelf.rs")).map(|(_, code)| code.clone()).expect("bookshelf.rs")
}

fn streams(code: &str) -> Vec<&str> {
    code.lines().filter_map(|l| l.trim().strip_prefix("pub fn ")).filter_map(|l| l.split('<').next()).filter(|n| n.ends_with("_stream")).collect()
}

const ALL: [&str; 7] =
    ["list_authors_stream", "list_books_stream", "list_events_stream", "list_loans_stream", "list_members_stream", "list_reviews_stream", "list_tags_stream"];

#[test]
fn paginate_false_on_an_operation_removes_its_stream_method() {
    let on = bookshelf(ApiConfig::new("bookshelf"));
    assert_eq!(streams(&on), ALL);

    let off = OperationOverlay { matches: "list_books".into(), paginate: Some(false), ..Default::default() };
    let code = bookshelf(ApiConfig::new("bookshelf").with_operation(off));
    let expected: Vec<&str> = ALL.into_iter().filter(|s| *s != "list_books_stream").collect();
    assert_eq!(streams(&code), expected);
    assert!(code.contains("pub async fn list_books("), "the plain method stays");
}

#[test]
fn paginate_false_on_the_api_removes_every_stream_and_the_runtime() {
    let code = bookshelf(ApiConfig { paginate: Some(false), ..ApiConfig::new("bookshelf") });
    assert_eq!(streams(&code), Vec::<&str>::new());
    assert!(!code.contains("futures_util"), "no futures-util dependency without a paged operation");

    // An operation switched back on gets its stream.
    let on = OperationOverlay { matches: "list_events".into(), paginate: Some(true), ..Default::default() };
    let code = bookshelf(ApiConfig { paginate: Some(false), ..ApiConfig::new("bookshelf") }.with_operation(on));
    assert_eq!(streams(&code), ["list_events_stream"]);
}
