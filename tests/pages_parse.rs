//! Fern and ReadMe endpoint pages (text and saved HTML) → schema.

use docs2rs::diag::Diagnostics;
use docs2rs::parse::{Format, detect, parse_document};
use docs2rs::schema::{Location, Method, Model, Operation, Param, ParsedDoc, Returns, Type};

fn parse(path: &str, format: Option<Format>) -> (ParsedDoc, Vec<String>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut diags = Diagnostics::new();
    let doc = parse_document(path, &bytes, format, &mut diags);
    let messages = diags.sorted().iter().map(ToString::to_string).collect();
    (doc, messages)
}

fn fixture(name: &str) -> (ParsedDoc, Vec<String>) {
    parse(&format!("tests/fixtures/{name}"), None)
}

fn model<'a>(doc: &'a ParsedDoc, name: &str) -> &'a Model {
    doc.models.iter().find(|m| m.name == name).unwrap_or_else(|| panic!("no model {name}: {:?}", doc.models.iter().map(|m| &m.name).collect::<Vec<_>>()))
}

fn op(doc: &ParsedDoc) -> &Operation {
    assert_eq!(doc.operations.len(), 1);
    &doc.operations[0]
}

fn field_types(m: &Model) -> Vec<(String, Type)> {
    m.fields.iter().map(|f| (f.name.clone(), f.ty.clone())).collect()
}

#[test]
fn awork_seed() {
    let path = "seeds/awork/update-user.fern.txt";
    assert_eq!(detect(&std::fs::read_to_string(path).unwrap()), Some(Format::Fern));
    let (doc, warnings) = parse(path, None);
    let op = op(&doc);
    assert_eq!(op.name, "update_user");
    assert_eq!(op.method, Some(Method::Put));
    assert_eq!(op.summary.as_deref(), Some("Updates the user with the specified id."));
    assert!(op.permissions.as_ref().unwrap().text.as_deref().unwrap().contains("user-master-data:write"));
    let user_id = &op.params[0];
    assert_eq!((user_id.name.as_str(), user_id.location, &user_id.ty, user_id.required), ("userId", Location::Path, &Type::string(), true));
    assert_eq!(user_id.wire_name, "userId");
    let body = op.body().unwrap();
    assert_eq!(body.ty, Type::reference("UpdateUserRequest"));

    let request = model(&doc, "UpdateUserRequest");
    let names: Vec<&str> = request.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["firstName", "lastName", "birthDate", "gender", "title", "position", "language"]);
    for f in &request.fields {
        assert!(!f.required, "{}", f.name);
        if f.name == "birthDate" {
            assert_eq!(f.ty, Type::DateTime);
        } else {
            assert_eq!((&f.ty, f.constraints.as_slice()), (&Type::string(), &[">=0 characters".to_string()][..]), "{}", f.name);
        }
    }

    assert_eq!(op.returns, Returns::Body { ty: Type::reference("UpdateUserResponse") });
    let response = model(&doc, "UpdateUserResponse");
    // The page lists 23 response fields: the 7 request fields and 16 more.
    assert_eq!(response.fields.len(), 23);
    let ty = |name: &str| response.fields.iter().find(|f| f.name == name).map(|f| f.ty.clone()).unwrap();
    assert_eq!(ty("createdOn"), Type::DateTime);
    assert_eq!(ty("status"), Type::Any);
    assert_eq!(ty("resourceVersion"), Type::Integer { bits: Some(64) });
    assert_eq!(ty("userContactInfos"), Type::array(Type::Any));
    assert_eq!(ty("isArchived"), Type::Boolean);
    assert_eq!(ty("isExternal"), Type::Boolean);
    assert_eq!(response.fields[22].description.as_deref(), Some("True if this entity is coming from an external workspace (awork Connect)."));

    assert_eq!(warnings.len(), 4, "{warnings:#?}");
    for (warning, name) in warnings.iter().zip(["status", "userContactInfos", "tags", "teams"]) {
        assert!(warning.contains(&format!("field `{name}` is documented only as")), "{warning}");
    }
}

#[test]
fn commpeak_seed() {
    let path = "seeds/commpeak/update-user.readme.txt";
    assert_eq!(detect(&std::fs::read_to_string(path).unwrap()), Some(Format::Readme));
    let (doc, warnings) = parse(path, None);
    let op = op(&doc);
    assert_eq!((op.name.as_str(), op.summary.as_deref()), ("update_user", Some("Update User")));
    assert!(op.description.as_deref().unwrap().starts_with("This Update user endpoint"));
    assert_eq!(op.body().unwrap().ty, Type::reference("UpdateUserRequest"));
    let request = model(&doc, "UpdateUserRequest");
    // The prose lists 23 fields (the structured block 22 unnamed entries).
    assert_eq!(request.fields.len(), 23);
    assert!(request.fields.iter().all(|f| !f.required && f.wire_name == f.name));
    let field = |name: &str| request.fields.iter().find(|f| f.name == name).unwrap();
    assert_eq!(field("id").ty, Type::Number);
    let lang = field("default_language");
    assert_eq!(lang.ty, Type::string());
    let values: Vec<(&str, &str)> = lang.enum_values.iter().map(|v| (v.value.as_str(), v.description.as_deref().unwrap())).collect();
    assert_eq!(values, [("en_US", "English (United States)"), ("es_ES", "Spanish (Spain)"), ("pt_BR", "Portuguese (Brazil)")]);
    let twofa: Vec<&str> = field("twofa_type").enum_values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(twofa, ["default", "disabled", "email", "google"]);
    assert_eq!(field("twofa_type").enum_values[1].description.as_deref(), Some("Disabled - login without 2FA"));
    for chrome in ["Language", "Credentials", "Basic", "base64", "URL", "Response", "application/json", "string", "required"] {
        assert!(request.fields.iter().all(|f| f.name != chrome), "{chrome}");
    }
    assert_eq!(op.returns, Returns::Unknown);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings.iter().any(|w| w.contains("Body Params lists 22 unnamed entries; the prose lists 23 fields: took names and types from the prose")));
    // The unnamed path parameter is kept for the overlay's `{id}` to name.
    let unnamed: Vec<&Param> = op.params.iter().filter(|p| p.location == Location::Path).collect();
    assert_eq!((unnamed.len(), unnamed[0].name.as_str(), unnamed[0].required), (1, "", true));
}

#[test]
fn fern_query_params_headers_and_list_response() {
    let (doc, warnings) = fixture("fern/query-and-headers.fern.txt");
    let op = op(&doc);
    assert_eq!((op.name.as_str(), op.method), ("query_and_headers", Some(Method::Get)));
    assert_eq!(op.path.as_deref(), Some("/v2/workspaces/{workspaceId}/time-entries"));
    assert_eq!(doc.base_url.as_deref(), Some("https://api.tracker.example"));
    let param = |name: &str| op.params.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name}"));
    assert_eq!(param("workspaceId").constraints, ["format: \"uuid\""]);
    let limit = param("limit");
    assert_eq!((limit.location, &limit.ty, limit.default.as_deref()), (Location::Query, &Type::integer(), Some("50")));
    assert_eq!(limit.constraints, [">=1", "<=200"]);
    assert_eq!(param("sort").enum_values.len(), 2);
    assert_eq!(param("include").ty, Type::array(Type::string()));
    let version = param("X-Api-Version");
    assert_eq!((version.location, version.default.as_deref()), (Location::Header, Some("2024-01-01")));
    assert!(op.params.iter().all(|p| p.name != "Authorization" && p.name != "message"));
    assert_eq!(op.returns, Returns::Body { ty: Type::array(Type::reference("QueryAndHeadersResponse")) });
    let response = model(&doc, "QueryAndHeadersResponse");
    assert_eq!(response.fields.len(), 4);
    assert_eq!(response.fields[2].ty, Type::Integer { bits: Some(64) });
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn fern_list_body_and_empty_response() {
    let (doc, warnings) = fixture("fern/list-body.fern.txt");
    let op = op(&doc);
    assert_eq!((op.method, op.path.as_deref()), (Some(Method::Post), Some("/v1/boards/{boardId}/labels/bulk")));
    assert_eq!(op.params[0].ty, Type::integer());
    assert_eq!(op.body().unwrap().ty, Type::array(Type::reference("ListBodyRequest")));
    let request = model(&doc, "ListBodyRequest");
    assert_eq!(request.fields[0].constraints, [">=1 character", "<=64 characters"]);
    let color = &request.fields[1];
    assert_eq!((color.default.as_deref(), color.description.as_deref()), (Some("grey"), Some("Color of the label.")));
    let values: Vec<&str> = color.enum_values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["grey", "red", "green"]);
    assert_eq!(op.returns, Returns::Empty);
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn fern_tricky_splits() {
    let (doc, warnings) = fixture("fern/tricky-splits.fern.txt");
    let op = op(&doc);
    assert_eq!((op.method, op.path.as_deref()), (Some(Method::Patch), Some("/documents/{documentId}")));
    let request = model(&doc, "TrickySplitsRequest");
    assert_eq!(
        field_types(request),
        [
            ("id".to_string(), Type::String { format: Some("uuid".into()) }),
            ("createdOn".into(), Type::DateTime),
            ("status".into(), Type::Any),
            ("isString".into(), Type::Boolean),
            ("dateOfDate".into(), Type::Date),
            ("tags".into(), Type::map(Type::string())),
            ("notes".into(), Type::array(Type::string())),
            ("owner".into(), Type::reference("UserSummary")),
            ("revision".into(), Type::Integer { bits: Some(64) }),
        ]
    );
    assert!(request.fields[5].required);
    assert!(request.fields[6].nullable);
    assert_eq!(request.fields[0].constraints, ["format: \"uuid\""]);
    assert_eq!(request.fields[8].constraints, ["=1"]);
    assert_eq!(op.returns, Returns::Body { ty: Type::string() });
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].contains("field `status` is documented only as `object`"));
    // A PascalCase type glued to a camelCase name is ambiguous; the choice is reported.
    assert!(warnings[1].contains("read it as `owner` + `UserSummary` (also possible: `ownerUser` + `Summary`)"));
}

#[test]
fn fern_primitive_body_and_permissions() {
    let (doc, warnings) = fixture("fern/primitive-body.fern.txt");
    let op = op(&doc);
    assert_eq!((op.method, op.path.as_deref()), (Some(Method::Put), Some("/notes/{noteId}/text")));
    assert_eq!(op.permissions.as_ref().unwrap().text.as_deref(), Some("notes:write"));
    assert_eq!(op.description.as_deref(), Some("Replaces the text of a note."));
    assert_eq!(op.body().unwrap().ty, Type::string());
    let response = model(&doc, "PrimitiveBodyResponse");
    assert_eq!(response.fields[2].ty, Type::map(Type::Any));
    assert_eq!(response.fields[3].ty, Type::array(Type::integer()));
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn readme_named_rows_are_authoritative() {
    let (doc, warnings) = fixture("readme/named-rows.readme.txt");
    let op = op(&doc);
    assert_eq!((op.name.as_str(), op.method), ("named_rows", Some(Method::Post)));
    assert_eq!(op.path.as_deref(), Some("/api/accounts/{account_id}/campaigns"));
    assert_eq!(op.description.as_deref(), Some("Creates an outbound campaign for an account. Campaigns start paused."));
    let account = &op.params[0];
    assert_eq!((account.name.as_str(), account.location, account.required), ("account_id", Location::Path, true));
    assert_eq!(account.description.as_deref(), Some("Account that owns the campaign."));
    let header = op.params.iter().find(|p| p.location == Location::Header).unwrap();
    assert_eq!(header.name, "X-Request-Id");
    let request = model(&doc, "NamedRowsRequest");
    let names: Vec<&str> = request.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["name", "dial_mode", "max_attempts", "caller_ids"]);
    assert!(request.fields[0].required);
    let dial = &request.fields[1];
    assert_eq!(dial.default.as_deref(), Some("preview"));
    assert_eq!(dial.enum_values.len(), 2);
    assert_eq!(request.fields[2].ty, Type::integer());
    assert_eq!(request.fields[3].ty, Type::array(Type::string()));
    assert_eq!(op.returns, Returns::Unknown);
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn readme_unnamed_entries_matched_by_position_and_template() {
    let (doc, warnings) = fixture("readme/unnamed-aligned.readme.txt");
    let op = op(&doc);
    assert_eq!((op.method, op.path.as_deref()), (Some(Method::Patch), Some("/api/queues/{id}")));
    assert_eq!((op.params[0].name.as_str(), op.params[0].location), ("id", Location::Path));
    let request = model(&doc, "UnnamedAlignedRequest");
    assert!(request.fields[0].required);
    assert!(!request.fields[1].required);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].contains("matched them to the 2 prose fields by position"));
}

#[test]
fn readme_prose_only_query_and_response() {
    let (doc, warnings) = fixture("readme/prose-only.readme.txt");
    let op = op(&doc);
    assert_eq!(op.method, None);
    let from = &op.params[0];
    assert_eq!((from.location, &from.ty, from.required), (Location::Query, &Type::Date, true));
    assert_eq!(op.params[1].ty, Type::DateTime);
    assert_eq!(op.params[2].ty, Type::array(Type::integer()));
    let format: Vec<(&str, Option<&str>)> = op.params[3].enum_values.iter().map(|v| (v.value.as_str(), v.description.as_deref())).collect();
    assert_eq!(format, [("mp3", None), ("wav", Some("Uncompressed"))]);
    let response = model(&doc, "ProseOnlyResponse");
    assert!(response.fields[2].nullable);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].contains("field `items` is documented only as `array`"));
}

#[test]
fn fern_html_uses_the_dom() {
    let (doc, warnings) = fixture("html/fern-page.html");
    let op = op(&doc);
    assert_eq!((op.name.as_str(), op.method), ("fern_page", Some(Method::Post)));
    assert_eq!(op.path.as_deref(), Some("/v3/accounts/{accountId}/invoices"));
    assert_eq!(op.summary.as_deref(), Some("Create invoice"));
    assert_eq!(op.description.as_deref(), Some("Creates a draft invoice for an account."));
    assert_eq!(op.permissions.as_ref().unwrap().text.as_deref(), Some("billing:write"));
    assert_eq!(op.params[0].description.as_deref(), Some("The account to bill."));
    assert_eq!(op.params[1].location, Location::Header);
    let request = model(&doc, "FernPageRequest");
    let values: Vec<&str> = request.fields[0].enum_values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["EUR", "USD", "GBP"]);
    assert_eq!(request.fields[1].ty, Type::array(Type::reference("FernPageLines")));
    assert_eq!(field_types(model(&doc, "FernPageLines")), [("label".to_string(), Type::string()), ("amount".into(), Type::Number)]);
    assert_eq!(model(&doc, "FernPageLines").fields[0].constraints, ["<=200 characters"]);
    assert_eq!(request.fields[3].default.as_deref(), Some("{}"));
    let response = model(&doc, "FernPageResponse");
    assert!(response.fields[1].nullable);
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn fern_html_and_text_copy_agree() {
    let (html, _) = fixture("html/fern-page.html");
    let (text, text_warnings) = fixture("fern/create-invoice-copy.fern.txt");
    let (h, t) = (op(&html), op(&text));
    assert_eq!((h.method, &h.path, &h.summary, &h.permissions), (t.method, &t.path, &t.summary, &t.permissions));
    let strip = |ps: &[docs2rs::schema::Param]| ps.iter().map(|p| (p.name.clone(), p.ty.clone(), p.required, p.constraints.clone())).collect::<Vec<_>>();
    assert_eq!(strip(&h.params[..2]), strip(&t.params[..2]));
    for suffix in ["Request", "Response"] {
        let hm = model(&html, &format!("FernPage{suffix}"));
        let tm = model(&text, &format!("CreateInvoiceCopy{suffix}"));
        assert_eq!(hm.fields.len(), tm.fields.len());
        for (a, b) in hm.fields.iter().zip(&tm.fields) {
            // Only the DOM shows the nested properties of `lines`.
            if a.name != "lines" {
                assert_eq!(
                    (&a.name, &a.ty, a.required, a.nullable, &a.default, &a.enum_values),
                    (&b.name, &b.ty, b.required, b.nullable, &b.default, &b.enum_values)
                );
            }
        }
    }
    assert_eq!(text_warnings.len(), 1, "{text_warnings:#?}");
    assert!(text_warnings[0].contains("field `lines` is documented only as `list of objects`"));
}

#[test]
fn readme_html_uses_the_dom() {
    let (doc, warnings) = fixture("html/readme-page.html");
    let op = op(&doc);
    assert_eq!((op.name.as_str(), op.method), ("readme_page", Some(Method::Post)));
    assert_eq!(op.path.as_deref(), Some("/v1/lists/{list_id}/contacts"));
    assert_eq!(op.description.as_deref(), Some("Adds a contact to a mailing list."));
    assert_eq!((op.params[0].name.as_str(), op.params[0].required), ("list_id", true));
    let request = model(&doc, "ReadmePageRequest");
    let names: Vec<&str> = request.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["email", "channel", "score", "tags"]);
    assert!(request.fields[0].required);
    let channel = &request.fields[1];
    assert_eq!(channel.default.as_deref(), Some("mail"));
    assert_eq!(channel.enum_values.len(), 2);
    assert_eq!(request.fields[2].ty, Type::integer(), "the structured type beats the prose `number`");
    assert_eq!(request.fields[3].description.as_deref(), Some("Labels for segmentation."));
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn other_documents_are_not_claimed() {
    let swaggerish = "# UsersApi\n\n| Method | HTTP request |\n|---|---|\n| get_user | GET /users/{id} |\n";
    assert!(!docs2rs::parse::fern::looks_like(swaggerish));
    assert!(!docs2rs::parse::readme::looks_like(swaggerish));
    let readme = std::fs::read_to_string("seeds/commpeak/update-user.readme.txt").unwrap();
    assert!(!docs2rs::parse::fern::looks_like(&readme));
    let fern = std::fs::read_to_string("seeds/awork/update-user.fern.txt").unwrap();
    assert!(!docs2rs::parse::readme::looks_like(&fern));
}

#[test]
fn hostile_inputs_never_panic() {
    let mut inputs: Vec<String> = vec![
        String::new(),
        "\u{feff}".into(),
        "PUT\n".repeat(1000),
        "Request\nThis endpoint expects a list of lists of lists of lists of lists of lists of lists of lists of lists of lists of strings".into(),
        "x".repeat(200_000),
        format!("Request\n{}stringOptional\n", "a".repeat(100_000)),
        format!("Path parameters\nidstring{}\n", " or string".repeat(5_000)),
        "<div class=\"fern-api-property\"><span class=\"fern-api-property-key\"></span></div>".into(),
        "<div class=\"rm-Param\"><span class=\"param-name\">a</span><span class=\"param-type\">string</span></div><p>Body Params</p>".into(),
    ];
    for seed in ["seeds/awork/update-user.fern.txt", "seeds/commpeak/update-user.readme.txt", "tests/fixtures/html/fern-page.html"] {
        let text = std::fs::read_to_string(seed).unwrap();
        // Truncated at every 97th char boundary.
        inputs.extend(text.char_indices().step_by(97).map(|(i, _)| text[..i].to_string()));
    }
    for input in &inputs {
        for format in [Format::Fern, Format::Readme, Format::Html] {
            let mut diags = Diagnostics::new();
            let _ = parse_document("hostile.txt", input.as_bytes(), Some(format), &mut diags);
        }
    }
}

#[test]
fn a_per_input_format_override_beats_detection() {
    use docs2rs::Generator;
    use docs2rs::config::ApiConfig;
    let root = env!("CARGO_MANIFEST_DIR");
    // The awork page read as what it is, and forced through the ReadMe parser instead.
    let auto = Generator::new().with_root(root).with_api(ApiConfig::new("a").with_input("seeds/awork/update-user.fern.txt")).schema().unwrap().0;
    let forced = Generator::new()
        .with_root(root)
        .with_api(ApiConfig::new("a").with_input_format("seeds/awork/update-user.fern.txt", Format::Readme))
        .schema()
        .unwrap()
        .0;
    assert_eq!(auto[0].models.len(), 2, "Fern: request and response models");
    assert!(forced[0].models.iter().all(|m| m.name != "UpdateUserResponse"), "the ReadMe parser does not read Fern's Response section");
}
