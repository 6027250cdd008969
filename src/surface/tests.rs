use super::*;

const BEFORE: &str = r#"
pub mod types {
    #[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
    pub struct Book {
        pub id: ::std::string::String,
        #[serde(rename = "pageCount")]
        pub page_count: i32,
        pub blurb: ::std::option::Option<::std::string::String>,
    }
    #[derive(Debug, Clone, ::serde::Deserialize)]
    pub struct Shelf {
        pub books: ::std::vec::Vec<Book>,
    }
    pub enum Genre {
        /// `fiction`
        Fiction,
        /// `poetry`
        Poetry,
        Unknown(::std::string::String),
    }
}
pub mod params {
    #[derive(Debug, Clone, Default)]
    pub struct ListBooksParams {
        pub genre: ::std::option::Option<super::types::Genre>,
    }
}
pub enum Error { Status(::std::string::String) }
impl Client {
    /// Lists books.
    ///
    /// `GET /books`
    pub async fn list_books(&self, params: &params::ListBooksParams) -> ::std::result::Result<types::Shelf, Error> { todo!() }
    /// `GET /books`
    pub async fn list_books_with_response(&self, params: &params::ListBooksParams) -> ::std::result::Result<types::Shelf, Error> { todo!() }
    /// `DELETE /books/{bookId}`
    pub async fn delete_book(&self, book_id: &str) -> ::std::result::Result<(), Error> { todo!() }
    pub fn with_timeout(self, t: u64) -> Self { self }
}
"#;

#[test]
fn reads_operations_parameters_models_and_enum_values() {
    let s = Surface::read([BEFORE]);
    assert_eq!(s.operations.keys().collect::<Vec<_>>(), ["delete_book", "list_books"]);
    assert_eq!(s.operations["list_books"].route, "GET /books");
    assert_eq!(s.operations["list_books"].params.get("genre").map(String::as_str), Some("Option<Genre>"));
    assert_eq!(s.operations["delete_book"].params.get("book_id").map(String::as_str), Some("str"));
    assert_eq!(s.models.keys().collect::<Vec<_>>(), ["Book", "Shelf"]);
    assert_eq!(s.models["Book"].get("pageCount").map(String::as_str), Some("i32"));
    assert_eq!(s.models["Shelf"]["books"], "Vec<Book>");
    assert_eq!(s.enums.keys().collect::<Vec<_>>(), ["Genre"]);
    assert_eq!(s.enums["Genre"].iter().collect::<Vec<_>>(), ["fiction", "poetry"]);
}

#[test]
fn names_what_was_added_removed_and_retyped() {
    let after = BEFORE
        .replace("pub page_count: i32", "pub page_count: i64")
        .replace("pub blurb: ::std::option::Option<::std::string::String>,", "pub isbn: ::std::string::String,")
        .replace("/// `poetry`\n        Poetry,", "/// `poetry`\n        Poetry,\n        /// `drama`\n        Drama,")
        .replace("pub genre:", "pub author: ::std::option::Option<::std::string::String>,\n        pub genre:")
        .replace("/// `DELETE /books/{bookId}`\n    pub async fn delete_book", "/// `POST /books/{bookId}/loans`\n    pub async fn borrow_book");
    let lines = changes(&Surface::read([BEFORE]), &Surface::read([after.as_str()]));
    assert_eq!(
        lines,
        [
            "+ operation borrow_book (POST /books/{bookId}/loans)",
            "+ parameter list_books.author: Option<String>",
            "- operation delete_book (DELETE /books/{bookId})",
            "+ field Book.isbn: String",
            "~ field Book.pageCount: i32 → i64",
            "- field Book.blurb: Option<String>",
            "+ enum value Genre: drama",
        ]
    );
}

#[test]
fn the_same_api_in_another_layout_has_no_changes() {
    // One file per group (split output) reads as the same surface as one file.
    let (types, rest) = BEFORE.split_at(BEFORE.find("pub mod params").unwrap());
    assert_eq!(changes(&Surface::read([BEFORE]), &Surface::read([rest, types])), Vec::<String>::new());
    assert_eq!(Surface::read(["this is not rust {"]), Surface::default());
}
