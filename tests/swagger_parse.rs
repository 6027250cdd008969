//! swagger-codegen / openapi-generator docs: seeds, flavour fixtures, HTML parity, robustness.

use docs2rs::diag::Diagnostics;
use docs2rs::parse::{self, Format, swagger_md};
use docs2rs::schema::{EnumValue, Location, Method, Operation, Param, ParsedDoc, PermissionRule, Returns, Source, Type};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn md(path: &str) -> (ParsedDoc, Diagnostics) {
    let mut d = Diagnostics::new();
    let doc = swagger_md::parse(path, &read(path), &mut d);
    (doc, d)
}

/// Parse and insist on a clean run.
fn md_clean(path: &str) -> ParsedDoc {
    let (doc, d) = md(path);
    assert!(d.items().is_empty(), "{path}: unexpected diagnostics:\n{}", d.sorted().iter().map(|x| x.to_string()).collect::<Vec<_>>().join("\n"));
    doc
}

fn to_html(markdown: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new_ext(markdown, swagger_md::options()));
    out
}

/// The same document with every `source` blanked, for comparing front ends.
fn without_sources(doc: &ParsedDoc) -> ParsedDoc {
    let mut doc = doc.clone();
    for m in &mut doc.models {
        m.source = Source::default();
        m.fields.iter_mut().for_each(|f| f.source = Source::default());
    }
    for o in &mut doc.operations {
        o.source = Source::default();
        o.params.iter_mut().for_each(|p| p.source = Source::default());
    }
    doc
}

fn op<'a>(doc: &'a ParsedDoc, name: &str) -> &'a Operation {
    doc.operations.iter().find(|o| o.name == name).unwrap_or_else(|| panic!("no operation {name}"))
}

fn param<'a>(op: &'a Operation, name: &str) -> &'a Param {
    op.params.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{}: no param {name}", op.name))
}

fn values(v: &[EnumValue]) -> Vec<&str> {
    v.iter().map(|e| e.value.as_str()).collect()
}

fn arr(t: Type) -> Type {
    Type::array(t)
}

// ---------------------------------------------------------------------------------------
// Seeds

#[test]
fn users_api_seed_operations() {
    let doc = md_clean("seeds/purecloud/UsersApi.ruby.md");
    assert_eq!(doc.operations.len(), 53);
    assert_eq!(doc.base_url.as_deref(), Some("https://api.mypurecloud.com"));
    assert_eq!(doc.title.as_deref(), Some("UsersApi"));
    assert!(doc.models.is_empty());
    let sample = [
        ("delete_user", Method::Delete, "/api/v2/users/{userId}"),
        ("get_fieldconfig", Method::Get, "/api/v2/fieldconfig"),
        ("get_user_profileskills", Method::Get, "/api/v2/users/{userId}/profileskills"),
        ("get_users", Method::Get, "/api/v2/users"),
        ("patch_user_queue", Method::Patch, "/api/v2/users/{userId}/queues/{queueId}"),
        ("post_analytics_users_details_query", Method::Post, "/api/v2/analytics/users/details/query"),
        ("put_user_station_defaultstation_station_id", Method::Put, "/api/v2/users/{userId}/station/defaultstation/{stationId}"),
    ];
    for (name, method, path) in sample {
        let o = op(&doc, name);
        assert_eq!((o.method, o.path.as_deref()), (Some(method), Some(path)), "{name}");
    }
    for o in &doc.operations {
        assert!(o.method.is_some() && o.path.is_some(), "{}", o.name);
        assert!(o.source.line > 0 && o.source.file.ends_with("UsersApi.ruby.md"));
        assert!(!o.deprecated, "{}", o.name);
    }
    let first = op(&doc, "delete_user");
    assert_eq!(first.source.line, 68);
    assert_eq!(first.summary.as_deref(), Some("Delete user"));
    assert_eq!(first.permissions.as_ref().map(|p| p.rule), Some(PermissionRule::None));
    let roles = op(&doc, "delete_user_roles");
    let perms = roles.permissions.as_ref().expect("permissions");
    assert_eq!((perms.rule, perms.list.clone()), (PermissionRule::Any, vec!["admin".into(), "role_manager".into(), "authorization:grant:delete".into()]));
    assert_eq!(op(&doc, "get_users_me").description.as_deref(), Some("This request is not valid when using the Client Credentials OAuth grant."));
    assert_eq!(op(&doc, "get_user_callforwarding").summary.as_deref(), Some("Get a user's CallForwarding"));
}

#[test]
fn users_api_seed_params() {
    let doc = md_clean("seeds/purecloud/UsersApi.ruby.md");
    let get_users = op(&doc, "get_users");
    let names: Vec<&str> = get_users.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["page_size", "page_number", "id", "sort_order", "expand", "state"]);
    assert!(get_users.params.iter().all(|p| p.location == Location::Query && !p.required && p.wire_name.is_empty()));
    let page_size = param(get_users, "page_size");
    assert_eq!((&page_size.ty, page_size.default.as_deref(), page_size.source.line), (&Type::integer(), Some("25"), 1815));
    assert_eq!(param(get_users, "page_number").default.as_deref(), Some("1"));
    // `[**Array<String>**](String.html)`: a link to the `String` page; resolve makes it a string.
    assert_eq!(param(get_users, "id").ty, arr(Type::reference("String")));
    let sort = param(get_users, "sort_order");
    assert_eq!((sort.default.as_deref(), values(&sort.enum_values)), (Some("ASC"), vec!["ascending", "descending"]));
    let expand = param(get_users, "expand");
    assert_eq!(expand.ty, arr(Type::reference("String")));
    assert_eq!(expand.default, None);
    assert_eq!(values(&expand.enum_values).len(), 10);
    assert_eq!(values(&expand.enum_values)[0], "routingStatus");
    let state = param(get_users, "state");
    assert_eq!((state.default.as_deref(), values(&state.enum_values)), (Some("active"), vec!["active", "inactive", "deleted"]));
    assert_eq!(state.description.as_deref(), Some("Only list users of this state"));

    let get_user = op(&doc, "get_user");
    let user_id = param(get_user, "user_id");
    assert_eq!((user_id.location, user_id.wire_name.as_str(), &user_id.ty, user_id.required), (Location::Path, "userId", &Type::string(), true));
    assert_eq!(param(get_user, "expand").location, Location::Query);
    let state = param(get_user, "state");
    assert_eq!((state.required, state.default.as_deref(), values(&state.enum_values)), (false, Some("active"), vec!["active", "deleted"]));

    // Required query parameter with values and no `[optional]`.
    let kind = param(op(&doc, "get_fieldconfig"), "type");
    assert_eq!((kind.location, kind.required, values(&kind.enum_values)), (Location::Query, true, vec!["person", "group", "org", "externalContact"]));
    // Bodies: models, arrays of models, `body` arrays of strings; optional body.
    assert_eq!(param(op(&doc, "patch_user"), "body").location, Location::Body);
    assert_eq!(param(op(&doc, "patch_user"), "body").ty, Type::reference("UpdateUser"));
    assert_eq!(param(op(&doc, "patch_users_bulk"), "body").ty, arr(Type::reference("PatchUser")));
    let skills = param(op(&doc, "put_user_profileskills"), "body");
    assert_eq!((skills.location, &skills.ty, skills.required), (Location::Body, &arr(Type::string()), false));
    let joined = param(op(&doc, "get_user_queues"), "joined");
    assert_eq!((&joined.ty, joined.default.as_deref()), (&Type::Boolean, Some("true")));
    // Path parameters keep the template's wire names, whatever order they are listed in.
    let queue = op(&doc, "patch_user_queue");
    assert_eq!(param(queue, "queue_id").wire_name, "queueId");
    assert_eq!(param(queue, "user_id").location, Location::Path);
    assert_eq!(param(op(&doc, "get_users_search"), "q64").location, Location::Query);
}

#[test]
fn users_api_seed_return_types() {
    let doc = md_clean("seeds/purecloud/UsersApi.ruby.md");
    let body = |name: &str| op(&doc, name).returns.clone();
    assert_eq!(body("delete_user"), Returns::Body { ty: Type::reference("Empty") });
    assert_eq!(body("delete_user_roles"), Returns::Empty);
    assert_eq!(body("post_user_invite"), Returns::Empty);
    assert_eq!(body("get_user_profileskills"), Returns::Body { ty: arr(Type::string()) });
    assert_eq!(body("put_user_profileskills"), Returns::Body { ty: arr(Type::string()) });
    assert_eq!(body("get_user_directreports"), Returns::Body { ty: arr(Type::reference("User")) });
    assert_eq!(body("get_user"), Returns::Body { ty: Type::reference("User") });
    let empties = doc.operations.iter().filter(|o| o.returns == Returns::Empty).count();
    assert_eq!(empties, 10);
}

#[test]
fn update_user_seed() {
    let doc = md_clean("seeds/purecloud/UpdateUser.ruby.md");
    assert_eq!(doc.title.as_deref(), Some("UpdateUser"));
    assert_eq!(doc.models.len(), 1);
    let m = &doc.models[0];
    assert_eq!((m.name.as_str(), m.source.line), ("UpdateUser", 4));
    assert_eq!(m.fields.len(), 21);
    for f in &m.fields {
        assert_eq!(f.required, f.name == "version", "{}", f.name);
        assert!(f.wire_name.is_empty());
    }
    let field = |n: &str| m.fields.iter().find(|f| f.name == n).unwrap_or_else(|| panic!("no field {n}"));
    assert_eq!(field("version").ty, Type::integer());
    assert_eq!(field("chat").ty, Type::reference("Chat"));
    assert_eq!(field("primary_contact_info").ty, arr(Type::reference("Contact")));
    assert_eq!(field("profile_skills").ty, arr(Type::string()));
    assert_eq!(field("acd_auto_answer").ty, Type::Boolean);
    assert_eq!(field("id").description.as_deref(), Some("The globally unique identifier for the object."));
    assert_eq!(field("name").description, None);
    assert_eq!((field("id").source.line, field("self_uri").source.line), (10, 30));
}

#[test]
fn org_user_seed() {
    let doc = md_clean("seeds/purecloud/OrgUser.python.md");
    let m = &doc.models[0];
    assert_eq!(m.name, "OrgUser");
    // The page has 34 property rows (lines 10-43); line 44 is kramdown's `{: class=...}`.
    assert_eq!(m.fields.len(), 34);
    let field = |n: &str| m.fields.iter().find(|f| f.name == n).unwrap_or_else(|| panic!("no field {n}"));
    assert_eq!(field("addresses").ty, arr(Type::reference("Contact")));
    assert_eq!(field("certifications").ty, arr(Type::string()));
    assert_eq!(field("version").ty, Type::integer());
    assert!(field("version").required);
    assert_eq!(field("manager").ty, Type::reference("User"));
    assert_eq!(m.fields.iter().filter(|f| f.required).count(), 1);
}

#[test]
fn seeds_are_detected_as_swagger_markdown() {
    for f in ["seeds/purecloud/UsersApi.ruby.md", "seeds/purecloud/UpdateUser.ruby.md", "seeds/purecloud/OrgUser.python.md"] {
        assert_eq!(parse::detect(&read(f)), Some(Format::SwaggerMarkdown), "{f}");
    }
    for f in ["seeds/awork/update-user.fern.txt", "seeds/commpeak/update-user.readme.txt"] {
        assert!(!swagger_md::looks_like(&read(f)), "{f}");
    }
}

// ---------------------------------------------------------------------------------------
// HTML front end

const MD_FILES: &[&str] = &[
    "seeds/purecloud/UsersApi.ruby.md",
    "seeds/purecloud/UpdateUser.ruby.md",
    "seeds/purecloud/OrgUser.python.md",
    "tests/fixtures/swagger/java-model.md",
    "tests/fixtures/swagger/java-api.md",
    "tests/fixtures/swagger/go-model.md",
    "tests/fixtures/swagger/go-api.md",
    "tests/fixtures/swagger/typescript-model.md",
    "tests/fixtures/swagger/csharp-api.md",
    "tests/fixtures/swagger/php-api.md",
    "tests/fixtures/swagger/python-api.md",
    "tests/fixtures/swagger/rust-api.md",
];

#[test]
fn html_rendering_parses_to_the_same_schema() {
    for path in MD_FILES {
        let (from_md, md_diags) = md(path);
        let html = to_html(&read(path));
        let mut html_diags = Diagnostics::new();
        // Rendered fragments have no `<body>`/`<table>` for `detect` to see in every case.
        let from_html = parse::parse_document(path, html.as_bytes(), Some(Format::Html), &mut html_diags);
        assert_eq!(without_sources(&from_html), without_sources(&from_md), "{path}");
        assert_eq!(html_diags.items().len(), md_diags.items().len(), "{path}: diagnostics differ");
        assert!(!from_md.models.is_empty() || !from_md.operations.is_empty(), "{path}: nothing parsed");
    }
}

#[test]
fn html_lines_are_best_effort_but_ordered() {
    let html = to_html(&read("seeds/purecloud/UsersApi.ruby.md"));
    let mut d = Diagnostics::new();
    let doc = parse::html::parse("UsersApi.html", &html, &mut d);
    let lines: Vec<u32> = doc.operations.iter().map(|o| o.source.line).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
    // Line of the heading in the rendered HTML.
    let want = 1 + html.lines().position(|l| l.contains("delete_user_roles(user_id)</h2>")).unwrap() as u32;
    assert_eq!(op(&doc, "delete_user_roles").source.line, want);
}

#[test]
fn hand_written_html_table_without_thead() {
    let path = "tests/fixtures/swagger/kramdown-model.html";
    let mut d = Diagnostics::new();
    let doc = parse::parse_document(path, read(path).as_bytes(), None, &mut d);
    assert_eq!(doc.title.as_deref(), Some("UserImage"));
    let m = &doc.models[0];
    let names: Vec<&str> = m.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["resolution", "image_uri", "sizes", "taken_at"]);
    assert!(m.fields[0].required && !m.fields[1].required);
    assert_eq!(m.fields[1].description.as_deref(), Some("The URI of the image\n(absolute)"));
    assert_eq!(m.fields[2].ty, arr(Type::reference("Size")));
    assert_eq!(values(&m.fields[2].enum_values), ["small", "large"]);
    assert_eq!(m.fields[2].description.as_deref(), Some("Sizes, separated by '|' characters"));
    assert!(!m.fields[2].required);
    assert_eq!(m.fields[3].ty, Type::Any);
    let msgs: Vec<String> = d.items().iter().map(|x| x.message.clone()).collect();
    assert!(msgs.iter().any(|m| m.contains("`sizes` has 5 cells")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("`taken_at` has no type")), "{msgs:?}");
    assert!(d.items().iter().all(|x| x.source.line > 1), "{:?}", d.items());
}

// ---------------------------------------------------------------------------------------
// Other generator flavours

#[test]
fn java_model() {
    let doc = md_clean("tests/fixtures/swagger/java-model.md");
    let m = &doc.models[0];
    assert_eq!((m.name.as_str(), m.description.as_deref()), ("Pet", Some("A pet for sale in the pet store")));
    let field = |n: &str| m.fields.iter().find(|f| f.name == n).unwrap_or_else(|| panic!("no field {n}"));
    assert_eq!(field("id").ty, Type::Integer { bits: Some(64) });
    assert_eq!(field("id").constraints, ["readonly"]);
    assert!(!field("id").required && field("name").required && field("photoUrls").required);
    assert_eq!(field("name").description.as_deref(), Some("The pet's call name"));
    assert_eq!(field("tagsByGroup").ty, Type::map(arr(Type::reference("Tag"))));
    assert_eq!(field("chipId").ty, Type::String { format: Some("uuid".into()) });
    assert_eq!(field("homepage").ty, Type::String { format: Some("uri".into()) });
    assert_eq!((&field("weight").ty, field("weight").default.as_deref()), (&Type::Number, Some("1.5")));
    assert_eq!(field("born").ty, Type::Date);
    assert_eq!(field("updatedAt").ty, Type::DateTime);
    // Inline enums: `[**StatusEnum**](#StatusEnum)` + `## Enum: StatusEnum`.
    assert_eq!((&field("status").ty, values(&field("status").enum_values)), (&Type::string(), vec!["available", "pending", "sold"]));
    assert_eq!((&field("sizes").ty, values(&field("sizes").enum_values)), (&arr(Type::integer()), vec!["1", "2"]));
}

#[test]
fn java_api() {
    let doc = md_clean("tests/fixtures/swagger/java-api.md");
    assert_eq!((doc.title.as_deref(), doc.base_url.as_deref()), (Some("PetApi"), Some("http://petstore.swagger.io/v2")));
    let names: Vec<&str> = doc.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["addPet", "deletePet", "findPetsByTags", "getPetById"]);
    let add = op(&doc, "addPet");
    assert_eq!((add.method, add.path.as_deref()), (Some(Method::Post), Some("/pet")));
    assert_eq!(add.summary.as_deref(), Some("Add a new pet to the store"));
    let pet = param(add, "pet");
    assert_eq!((pet.location, pet.required), (Location::Body, true));
    assert_eq!(add.returns, Returns::Body { ty: Type::reference("Pet") });
    let delete = op(&doc, "deletePet");
    assert_eq!(delete.returns, Returns::Empty);
    let pet_id = param(delete, "petId");
    assert_eq!((pet_id.location, pet_id.wire_name.as_str(), &pet_id.ty), (Location::Path, "petId", &Type::Integer { bits: Some(64) }));
    assert_eq!((param(delete, "apiKey").location, param(delete, "apiKey").required), (Location::Query, false));
    let find = op(&doc, "findPetsByTags");
    assert!(find.deprecated);
    assert_eq!(find.description.as_deref().map(|d| d.starts_with("Multiple tags")), Some(true));
    assert_eq!(param(find, "tags").ty, arr(Type::reference("String")), "linked to String.md");
    assert_eq!(param(find, "maxResults").default.as_deref(), Some("20"));
    assert_eq!(find.returns, Returns::Body { ty: arr(Type::reference("Pet")) });
    assert!(!op(&doc, "getPetById").deprecated);
}

#[test]
fn go_model_methods_are_not_operations() {
    let doc = md_clean("tests/fixtures/swagger/go-model.md");
    assert!(doc.operations.is_empty());
    let m = &doc.models[0];
    assert_eq!(m.name, "Order");
    let types: Vec<(&str, &Type, bool)> = m.fields.iter().map(|f| (f.name.as_str(), &f.ty, f.required)).collect();
    assert_eq!(
        types,
        [
            ("Id", &Type::Integer { bits: Some(64) }, false),
            ("PetIds", &arr(Type::Integer { bits: Some(32) }), true),
            ("Lines", &arr(Type::reference("OrderLine")), false),
            ("Metadata", &Type::map(Type::Any), false),
            ("ShipDate", &Type::DateTime, false),
            ("Complete", &Type::Boolean, false),
            ("Price", &Type::Number, true),
        ]
    );
    assert_eq!(m.fields[5].default.as_deref(), Some("false"));
}

#[test]
fn go_api_uses_the_index_table() {
    let doc = md_clean("tests/fixtures/swagger/go-api.md");
    assert_eq!((doc.title.as_deref(), doc.base_url.as_deref()), (Some("StoreAPI"), Some("https://petstore.example.com/v3")));
    assert_eq!(doc.operations.len(), 3);
    let delete = op(&doc, "DeleteOrder");
    assert_eq!((delete.method, delete.path.as_deref()), (Some(Method::Delete), Some("/store/order/{orderId}")));
    // `ctx` is the Go client's context, not a request parameter.
    let names: Vec<&str> = delete.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["orderId"]);
    assert_eq!(delete.params[0].location, Location::Path);
    assert_eq!(delete.returns, Returns::Empty);
    let inventory = op(&doc, "GetInventory");
    assert_eq!(inventory.returns, Returns::Body { ty: Type::map(Type::Integer { bits: Some(32) }) });
    assert!(inventory.params.is_empty());
    let place = op(&doc, "PlaceOrder");
    assert_eq!((place.method, param(place, "order").location), (Some(Method::Post), Location::Body));
    let status = param(place, "status");
    assert_eq!((status.location, &status.ty, status.required, status.default.as_deref()), (Location::Query, &arr(Type::string()), true, Some("[\"placed\"]")));
}

#[test]
fn typescript_model() {
    let doc = md_clean("tests/fixtures/swagger/typescript-model.md");
    let m = &doc.models[0];
    assert_eq!((m.name.as_str(), m.description.as_deref()), ("Customer", Some("A customer of the store.")));
    let field = |n: &str| m.fields.iter().find(|f| f.name == n).unwrap_or_else(|| panic!("no field {n}"));
    assert_eq!(field("id").ty, Type::Number);
    assert_eq!(field("id").default, None, "`[default to undefined]` is no default");
    assert!(field("username").required && field("createdAt").required && !field("id").required);
    assert_eq!(field("aliases").ty, arr(Type::string()));
    assert_eq!(field("nicknames").ty, arr(Type::string()));
    assert_eq!(field("scores").ty, Type::map(Type::Number));
    assert_eq!(field("addresses").ty, arr(Type::reference("Address")));
    assert_eq!(field("extra").ty, Type::Any);
    assert_eq!(field("tier").default.as_deref(), Some("bronze"));
    assert_eq!(m.fields.len(), 10);
}

#[test]
fn csharp_api() {
    let doc = md_clean("tests/fixtures/swagger/csharp-api.md");
    assert_eq!(doc.title.as_deref(), Some("StoreApi"));
    let inventory = op(&doc, "GetInventory");
    assert_eq!((inventory.method, inventory.path.as_deref()), (Some(Method::Get), Some("/store/inventory")));
    assert_eq!(inventory.summary.as_deref(), Some("Returns pet inventories by status"));
    assert_eq!(inventory.description.as_deref(), Some("Returns a map of status codes to quantities"));
    assert_eq!(inventory.returns, Returns::Body { ty: Type::map(Type::integer()) });
    let by_id = op(&doc, "GetOrderById");
    let order_id = param(by_id, "orderId");
    assert_eq!((order_id.location, &order_id.ty, order_id.wire_name.as_str()), (Location::Path, &Type::Integer { bits: Some(64) }, "orderId"));
    let list = op(&doc, "ListOrders");
    let ty = |n: &str| param(list, n).ty.clone();
    assert_eq!(ty("storeId"), Type::String { format: Some("uuid".into()) });
    assert_eq!(ty("since"), Type::DateTime);
    assert_eq!((ty("limit"), param(list, "limit").default.as_deref()), (Type::integer(), Some("10")));
    assert_eq!(ty("minTotal"), Type::Number);
    assert!(list.params.iter().all(|p| p.location == Location::Query && !p.required));
    assert_eq!(list.returns, Returns::Body { ty: arr(Type::reference("Order")) });
}

#[test]
fn php_api() {
    let doc = md_clean("tests/fixtures/swagger/php-api.md");
    assert_eq!((doc.title.as_deref(), doc.base_url.as_deref()), (Some("UserApi"), Some("https://petstore.swagger.io/v2")));
    let create = op(&doc, "createUser");
    assert_eq!((create.method, create.path.as_deref(), &create.returns), (Some(Method::Post), Some("/user"), &Returns::Empty));
    assert_eq!(create.description.as_deref(), Some("This can only be done by the logged in user."));
    let body = param(create, "body");
    assert_eq!((body.location, &body.ty), (Location::Body, &Type::reference("User")));
    let stats = op(&doc, "getUserStats");
    assert_eq!(stats.returns, Returns::Body { ty: Type::map(Type::integer()) });
    let username = param(stats, "username");
    assert_eq!((username.location, username.wire_name.as_str(), username.required), (Location::Path, "username", true));
    assert_eq!(param(stats, "since").ty, Type::DateTime);
    assert_eq!(param(stats, "fields").ty, arr(Type::reference("string")), "linked to string.md");
}

#[test]
fn python_api_with_http_request_sections() {
    let doc = md_clean("tests/fixtures/swagger/python-api.md");
    assert_eq!((doc.title.as_deref(), doc.base_url.as_deref()), (Some("ReportsApi"), Some("https://reports.example.com/api/v1")));
    let legacy = op(&doc, "get_legacy_report");
    assert!(legacy.deprecated, "struck-through heading");
    assert_eq!((legacy.method, legacy.path.as_deref()), (Some(Method::Get), Some("/reports/legacy/{reportId}")));
    assert_eq!(param(legacy, "report_id").wire_name, "reportId");
    let list = op(&doc, "list_reports");
    assert!(list.deprecated);
    assert_eq!((list.method, list.path.as_deref()), (Some(Method::Get), Some("/reports")));
    let perms = list.permissions.as_ref().expect("permissions");
    assert_eq!((perms.rule, perms.list.clone()), (PermissionRule::All, vec!["reports:view".to_string(), "reports:list".to_string()]));
    let kind = param(list, "kind");
    assert_eq!((kind.default.as_deref(), values(&kind.enum_values)), (Some("daily"), vec!["daily", "weekly", "monthly"]));
    assert_eq!(param(list, "tags").ty, arr(Type::reference("str")), "linked to str.md");
    assert!(param(list, "owner").required);
    assert_eq!(list.returns, Returns::Body { ty: arr(Type::reference("Report")) });
    assert_eq!(op(&doc, "count_reports").returns, Returns::Body { ty: Type::map(Type::integer()) });
}

#[test]
fn rust_api_with_required_column() {
    let doc = md_clean("tests/fixtures/swagger/rust-api.md");
    let upload = op(&doc, "upload_file");
    assert_eq!((upload.method, upload.path.as_deref()), (Some(Method::Post), Some("/files/{file_id}")));
    let file_id = param(upload, "file_id");
    assert_eq!((file_id.location, file_id.required, &file_id.ty), (Location::Path, true, &Type::String { format: Some("uuid".into()) }));
    let x = param(upload, "x_request_id");
    assert_eq!((x.required, &x.ty), (false, &Type::string()));
    assert_eq!(param(upload, "overwrite").default.as_deref(), Some("false"));
    let body = param(upload, "body");
    assert_eq!((body.location, &body.ty), (Location::Body, &Type::String { format: Some("binary".into()) }));
    assert_eq!(upload.returns, Returns::Body { ty: Type::reference("FileInfo") });
}

#[test]
fn fixtures_are_detected() {
    for path in MD_FILES {
        assert_eq!(parse::detect(&read(path)), Some(Format::SwaggerMarkdown), "{path}");
    }
}

// ---------------------------------------------------------------------------------------
// Robustness: bad input gives diagnostics, never a panic.

fn parse_str(markdown: &str) -> (ParsedDoc, Vec<(u32, String)>) {
    let mut d = Diagnostics::new();
    let doc = swagger_md::parse("t.md", markdown, &mut d);
    let msgs = d.sorted().into_iter().map(|x| (x.source.line, x.message)).collect();
    (doc, msgs)
}

#[test]
fn ten_thousand_rows() {
    let mut md = String::from("# Big\n\n## Properties\n\nName | Type | Description | Notes\n---|---|---|---\n");
    for i in 0..10_000 {
        md.push_str(&format!("**f{i}** | **Array&lt;Thing{i}&gt;** | field {i} | [optional]\n"));
    }
    let (doc, msgs) = parse_str(&md);
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(doc.models[0].fields.len(), 10_000);
    assert_eq!(doc.models[0].fields[9_999].source.line, 7 + 9_999);
}

#[test]
fn deep_generics_and_unknown_types_become_any_with_a_warning() {
    let deep = format!("{}String{}", "Array&lt;".repeat(200), "&gt;".repeat(200));
    let md = format!(
        "# M\n\n## Properties\n\nName | Type | Description | Notes\n---|---|---|---\n**a** | **{deep}** | | \n**b** | **Frob&lt;X** | | [optional]\n**c** | **string** | ok | \n"
    );
    let (doc, msgs) = parse_str(&md);
    let f = &doc.models[0].fields;
    assert_eq!((&f[0].ty, &f[1].ty, &f[2].ty), (&Type::Any, &Type::Any, &Type::string()));
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert_eq!(msgs[0].0, 7);
    assert!(msgs[1].1.contains("`Frob<X`"), "{msgs:?}");
}

#[test]
fn broken_tables_and_headings() {
    let md = "\
# Thing

## Properties

Nothing here.

# Other

## Properties

|Name | Type | Description | Notes|
|---|---|---|---|

# Third

## Properties

|Name | Type | Description | Notes|
|---|---|---|---|
| | **String** | no name | |
| **ok** | **String** | fine | |
| **ok** | **Integer** | again | |
";
    let (doc, msgs) = parse_str(md);
    let names: Vec<(&str, usize)> = doc.models.iter().map(|m| (m.name.as_str(), m.fields.len())).collect();
    assert_eq!(names, [("Thing", 0), ("Other", 0), ("Third", 1)]);
    let lines: Vec<u32> = msgs.iter().map(|m| m.0).collect();
    assert_eq!(lines, [3, 11, 20, 22], "{msgs:?}");
    assert!(msgs[0].1.contains("without a `Name | Type"));
    assert!(msgs[1].1.contains("the properties table is empty"), "{msgs:?}");
    assert!(doc.models[1].undocumented, "an empty table says nothing: raw JSON");
    assert!(msgs[2].1.contains("without a name"));
    assert!(msgs[3].1.contains("listed twice"));
}

#[test]
fn signature_glitches() {
    let md = "\
# Api

## -[**User**](User.html) get_thing(thing_id, opts

Get a thing

Wraps GET /things/{thingId}

### Parameters

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
 **thing_id** | **String**| id |  |

## -Array&lt;String&gt;** list_things(missing_arg)

Wraps GET /things

### Parameters

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------

## - orphan(x)

Just prose, no wraps line (and no table).
";
    let (doc, msgs) = parse_str(md);
    let names: Vec<&str> = doc.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["get_thing", "list_things"]);
    // No `Return type` section: the heading's return type is used.
    assert_eq!(doc.operations[0].returns, Returns::Body { ty: Type::reference("User") });
    assert_eq!(doc.operations[1].returns, Returns::Body { ty: arr(Type::string()) });
    assert_eq!(param(&doc.operations[0], "thing_id").location, Location::Path);
    let text = format!("{msgs:?}");
    assert!(text.contains("unbalanced parentheses"), "{text}");
    assert!(text.contains("parameters table has no rows"), "{text}");
    assert_eq!(msgs.iter().filter(|m| m.1.contains("unbalanced")).count(), 1);
}

#[test]
fn truncated_and_garbled_documents_never_panic() {
    let text = read("seeds/purecloud/UsersApi.ruby.md");
    let cuts = (0..text.len()).step_by(2903).filter(|&i| text.is_char_boundary(i));
    for cut in cuts {
        let mut d = Diagnostics::new();
        let _ = swagger_md::parse("cut.md", &text[..cut], &mut d);
        let _ = parse::html::parse("cut.html", &to_html(&text[..cut]), &mut d);
    }
    let garbage = [
        "",
        "|",
        "| | |\n|-|-|\n| | |",
        "## Properties\n|Name|Type|\n|-|-|\n|**x**|",
        "# **a**\n> a(\n",
        "#\n##\n###",
        "<table><tr><td><table>",
        "## (((\n\nWraps GET",
    ];
    for g in garbage {
        let mut d = Diagnostics::new();
        let _ = swagger_md::parse("g.md", g, &mut d);
        let _ = parse::html::parse("g.html", g, &mut d);
    }
    let deep_html = format!("{}<p>x</p>{}", "<div>".repeat(5000), "</div>".repeat(5000));
    let _ = parse::html::parse("deep.html", &deep_html, &mut Diagnostics::new());
}

// ---------------------------------------------------------------------------------------
// The full Ruby SDK docs (copied into tests/corpus) against the Swagger spec they were generated from.

#[test]
fn purecloud_corpus_matches_its_spec() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/purecloud-ruby-v29");
    let spec_text = std::fs::read_to_string(root.join("swagger.json")).expect("the corpus is part of the repo");
    let spec: serde_json::Value = serde_json::from_str(&spec_text).expect("swagger.json");
    let mut files: Vec<_> = std::fs::read_dir(root.join("docs")).expect("docs").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let mut d = Diagnostics::new();
    let (mut ops, mut models) = (0, 0);
    for path in &files {
        let label = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        let doc = swagger_md::parse(&label, &read(&path.to_string_lossy()), &mut d);
        for o in &doc.operations {
            ops += 1;
            let (method, p) = (o.method.expect("method").as_str().to_ascii_lowercase(), o.path.clone().expect("path"));
            let spec_op = &spec["paths"][&p][&method];
            assert!(spec_op.is_object(), "{label}: {} {method} {p} not in the spec", o.name);
            let spec_params = spec_op["parameters"].as_array().map(Vec::as_slice).unwrap_or_default();
            assert_eq!(o.params.len(), spec_params.len(), "{label}: {}", o.name);
            for ours in &o.params {
                let loose = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
                let key = loose(&ours.name);
                let theirs = spec_params.iter().find(|t| t["name"].as_str().map(loose) == Some(key.clone()) || (key == "body" && t["in"] == "body"));
                let Some(theirs) = theirs else { panic!("{label}: {} param {} not in the spec", o.name, ours.name) };
                assert_eq!(ours.required, theirs["required"].as_bool().unwrap_or(false), "{label}: {} {}", o.name, ours.name);
                // One spec bug: `scriptId` declared `in: path` on a path without `{scriptId}`.
                if o.name != "get_scripts_published" {
                    let loc = serde_json::to_value(ours.location).expect("location");
                    assert_eq!(loc, theirs["in"], "{label}: {} {}", o.name, ours.name);
                }
            }
        }
        for m in &doc.models {
            models += 1;
            let def = &spec["definitions"][&m.name];
            if let Some(props) = def["properties"].as_object() {
                assert_eq!(m.fields.len(), props.len(), "{label}");
                let required = def["required"].as_array().map_or(0, Vec::len);
                assert_eq!(m.fields.iter().filter(|f| f.required).count(), required, "{label}");
            }
        }
    }
    assert_eq!((ops, models), (966, 1125));
    // The one real glitch: an unescaped `|` inside a description (EdgeLogsJobRequest).
    assert_eq!(d.items().len(), 1, "{:?}", d.items());
}
