//! Documented error responses read from pages: status, description and body model.

use docs2rs::diag::Diagnostics;
use docs2rs::parse::parse_document;
use docs2rs::schema::{ErrorDoc, ParsedDoc, Type};

fn read(file: &str, text: &str) -> ParsedDoc {
    let mut diags = Diagnostics::new();
    parse_document(file, text.as_bytes(), None, &mut diags)
}

fn errors(doc: &ParsedDoc) -> Vec<(String, Option<String>, Option<String>)> {
    doc.operations[0].errors.iter().map(|e: &ErrorDoc| (e.status.clone(), e.ty.as_ref().map(Type::describe), e.description.clone())).collect()
}

fn owned(rows: &[(&str, Option<&str>, Option<&str>)]) -> Vec<(String, Option<String>, Option<String>)> {
    rows.iter().map(|(s, t, d)| (s.to_string(), t.map(str::to_string), d.map(str::to_string))).collect()
}

#[test]
fn a_status_table_names_the_error_models() {
    let doc = read(
        "get-book.md",
        "# Get a book\n\n`GET /books/{id}`\n\n## Responses\n\n\
|Status|Meaning|Description|Schema|\n|---|---|---|---|\n\
|200|OK|The book|[Book](#book)|\n|400|Bad Request|Not a catalogue id|[BadRequestError](#e)|\n\
|401|Unauthorized|No token|None|\n|5XX|Server Error|Try again|Problem|\n\n\
### Response Headers\n\n|Status|Header|Type|Format|Description|\n|---|---|---|---|---|\n|404|X-Trace|string|none|Trace id|\n",
    );
    assert_eq!(
        errors(&doc),
        owned(&[("400", Some("BadRequestError"), Some("Not a catalogue id")), ("401", None, Some("No token")), ("5XX", Some("Problem"), Some("Try again")),])
    );
}

#[test]
fn fields_under_an_error_heading_become_the_operations_error_model() {
    let doc = read(
        "borrow-book.md",
        "# Borrow a book\n\nEndpoint: POST /books/{bookId}/loans\n\n## Request fields (application/json):\n\n  - `memberId` (string, required)\n\n\
## Response 201 fields (application/json):\n\n  - `loanId` (string, required)\n\n\
## Response 409 fields (application/json):\n\n  - `code` (string, required)\n\n  - `availableFrom` (string)\n    When a copy is due back.\n",
    );
    assert_eq!(errors(&doc), owned(&[("409", Some("BorrowBookConflictError"), None)]));
    let model = doc.models.iter().find(|m| m.name == "BorrowBookConflictError").expect("the inline error model");
    let fields: Vec<(&str, bool)> = model.fields.iter().map(|f| (f.name.as_str(), f.required)).collect();
    assert_eq!(fields, [("code", true), ("availableFrom", false)]);
    let response = doc.models.iter().find(|m| m.name == "BorrowBookResponse").expect("the success model");
    assert_eq!(response.fields.len(), 1, "error fields stay out of the success body");
}

#[test]
fn a_sample_or_a_model_name_under_an_error_heading_is_its_body() {
    let doc = read(
        "delete-tag.md",
        "# Delete a tag\n\n`DELETE /tags/{id}`\n\n## Responses\n\n### 204 No Content\n\nThe tag is gone.\n\n### 404 Not Found\n\nThe tag does not exist.\n\n\
```json\n{\"code\": \"tag_not_found\", \"message\": \"No tag 7\"}\n```\n\n### 409 Conflict\n\nTagInUse\n",
    );
    assert_eq!(errors(&doc), owned(&[("404", Some("DeleteTagNotFoundError"), Some("The tag does not exist.")), ("409", Some("TagInUse"), None)]));
    let model = doc.models.iter().find(|m| m.name == "DeleteTagNotFoundError").expect("model from the sample");
    assert_eq!(model.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["code", "message"]);
}

#[test]
fn a_raw_http_error_response_is_that_statuss_sample() {
    let doc = read(
        "get-pet.md",
        "# Get a pet\n\n`GET /pets/{id}`\n\n## Example\n\n```\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": 1}\n```\n\n\
```\nHTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{\"error\": \"no pet\"}\n```\n",
    );
    assert_eq!(errors(&doc), owned(&[("404", Some("GetPetNotFoundError"), None)]));
}

#[test]
fn untyped_names_under_an_error_heading_are_error_codes_not_fields() {
    let doc = read(
        "read-appointment.md",
        "# Read an appointment\n\n`GET /appointments/{id}`\n\n## Error 4xx\n\n|Name|Description|\n|---|---|\n|AppointmentNotFound|No appointment with that ID.|\n",
    );
    assert_eq!(errors(&doc), owned(&[("4XX", None, Some("`AppointmentNotFound`: No appointment with that ID."))]));
    assert!(doc.models.iter().all(|m| !m.name.contains("Error")), "{:?}", doc.models);
}

#[test]
fn a_reason_phrase_under_its_status_names_no_model() {
    let doc = read("reserve.md", "# Reserve\n\n`POST /reservations`\n\nResponses\n\n201\n\nCreated\n\n409\n\nConflict\n\nThe tool is already out.\n");
    assert_eq!(errors(&doc), owned(&[("409", None, Some("The tool is already out."))]));
}
