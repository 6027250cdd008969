//! The OpenAPI 3.1 export is valid for the seeds and for a hand-built API that uses every
//! feature of the schema; the checker itself catches broken documents.

#[path = "support/openapi_check.rs"]
mod openapi_check;

use docs2rs::Generator;
use docs2rs::openapi::to_openapi;
use docs2rs::schema::*;
use serde_json::{Value, json};
use std::path::Path;

fn src(line: u32) -> Source {
    Source::new("docs/Rich.md", line)
}

fn param(name: &str, wire: &str, location: Location, ty: Type, required: bool) -> Param {
    let mut p = Param::new(name, location, ty, required, src(10));
    p.wire_name = wire.into();
    p
}

fn field(name: &str, wire: &str, ty: Type, required: bool) -> Field {
    let mut f = Field::new(name, ty, required, src(20));
    f.wire_name = wire.into();
    f
}

/// Every type, location, enum form, default, nullable field, server variable and auth.
fn rich_api() -> Api {
    let mut state = field("state", "state", Type::reference("UserState"), true);
    state.enum_values = vec![EnumValue::new("active"), EnumValue::new("inactive")];
    state.default = Some("active".into());
    state.description = Some("Lifecycle state.".into());
    let mut nullable_manager = field("manager", "manager", Type::reference("User"), false);
    nullable_manager.nullable = true;
    let mut level = field("level", "level", Type::Integer { bits: Some(32) }, false);
    level.enum_values = vec![EnumValue::new("1"), EnumValue::new("2")];
    level.constraints = vec![">= 1".into()];
    let user = Model {
        name: "User".into(),
        description: Some("A user.".into()),
        fields: vec![
            field("id", "id", Type::String { format: Some("uuid".into()) }, true),
            field("accepts_sms", "acceptsSMS", Type::Boolean, false),
            field("self_uri", "selfUri", Type::String { format: Some("uri".into()) }, false),
            field("version", "version", Type::Integer { bits: Some(64) }, false),
            field("score", "score", Type::Number, false),
            field("birthday", "birthday", Type::Date, false),
            field("date_modified", "dateModified", Type::DateTime, false),
            field("raw", "raw", Type::Any, false),
            field("tags", "tags", Type::array(Type::string()), false),
            field("labels", "labels", Type::map(Type::string()), false),
            field("groups", "groups", Type::array(Type::map(Type::reference("Group"))), false),
            field("schema", "$schema", Type::string(), false),
            state,
            nullable_manager,
            level,
        ],
        source: src(3),
        undocumented: false,
    };
    let group = Model { name: "Group".into(), description: None, fields: vec![], source: src(30), undocumented: true };
    let user_state = EnumDef {
        name: "UserState".into(),
        description: Some("Allowed values of `User.state`.".into()),
        values: vec![EnumValue { value: "active".into(), description: Some("In use.".into()) }, EnumValue::new("inactive")],
        source: src(21),
    };
    let mut expand = param("expand", "expand", Location::Query, Type::array(Type::reference("GetUserExpand")), false);
    expand.enum_values = vec![EnumValue::new("groups")];
    let mut page_size = param("page_size", "pageSize", Location::Query, Type::Integer { bits: Some(32) }, false);
    page_size.default = Some("25".into());
    let mut body = param("body", "body", Location::Body, Type::reference("User"), true);
    body.description = Some("The new user.".into());
    let get_user = Operation {
        name: "get_user".into(),
        method: Some(Method::Get),
        path: Some("/api/v2/users/{userId}".into()),
        summary: Some("Get a user".into()),
        description: Some("Long text.".into()),
        permissions: Some(Permissions { rule: PermissionRule::Any, list: vec!["directory:user:view".into()], text: None }),
        deprecated: true,
        params: vec![
            param("user_id", "userId", Location::Path, Type::string(), true),
            expand,
            page_size,
            param("if_match", "If-Match", Location::Header, Type::string(), false),
            param("at", "at", Location::Query, Type::DateTime, false),
        ],
        body_kind: None,
        content_type: None,
        accept: None,
        returns: Returns::Body { ty: Type::reference("User") },
        errors: Vec::new(),
        source: src(40),
        overlaid: vec![],
        paging: None,
        group: None,
    };
    let put_user = Operation {
        name: "put_user".into(),
        method: Some(Method::Put),
        path: Some("/api/v2/users/{userId}".into()),
        params: vec![param("user_id", "userId", Location::Path, Type::string(), true), body],
        body_kind: None,
        content_type: None,
        accept: None,
        returns: Returns::Empty,
        errors: Vec::new(),
        overlaid: vec!["method".into(), "path".into()],
        paging: None,
        group: None,
        summary: None,
        description: None,
        permissions: None,
        deprecated: false,
        source: src(60),
    };
    let search = Operation {
        name: "search".into(),
        method: Some(Method::Post),
        path: Some("/api/v2/search".into()),
        params: vec![param("body", "body", Location::Body, Type::map(Type::Any), false)],
        body_kind: None,
        content_type: None,
        accept: None,
        returns: Returns::Unknown,
        errors: Vec::new(),
        summary: None,
        description: None,
        permissions: None,
        deprecated: false,
        overlaid: vec![],
        paging: None,
        group: None,
        source: src(80),
    };
    let get_user_expand = EnumDef { name: "GetUserExpand".into(), description: None, values: vec![EnumValue::new("groups")], source: src(10) };
    Api {
        name: "rich".into(),
        title: Some("Rich API".into()),
        base_url: Some("https://{tenant}.example.com/{region}".into()),
        server_variables: vec![ServerVariable { name: "tenant".into(), default: Some("acme".into()), description: Some("Your tenant.".into()) }],
        auth: AuthScheme::Bearer,
        models: vec![group, user],
        enums: vec![get_user_expand, user_state],
        operations: vec![get_user, put_user, search],
        sources: vec!["docs/Rich.md".into()],
        ..Api::default()
    }
}

fn assert_valid(doc: &Value, what: &str) {
    let problems = openapi_check::problems(doc);
    assert!(problems.is_empty(), "{what}: {} problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// Written for manual checks with other validators (`openapi-spec-validator FILE`).
fn keep(doc: &Value, name: &str) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.json")), serde_json::to_string_pretty(doc).unwrap()).unwrap();
}

#[test]
fn the_rich_api_exports_valid_openapi() {
    let doc = to_openapi(&rich_api());
    keep(&doc, "rich");
    assert_valid(&doc, "rich");

    let spec: oas3::Spec = serde_json::from_value(doc.clone()).unwrap();
    let get = spec.operation_by_id("get_user").expect("get_user");
    let locations: Vec<(String, String)> = get
        .parameters
        .iter()
        .map(|p| match p {
            oas3::spec::ObjectOrReference::Object(p) => (p.name.clone(), format!("{:?}", p.location)),
            oas3::spec::ObjectOrReference::Ref { ref_path, .. } => (ref_path.clone(), "ref".into()),
        })
        .collect();
    let want = [("userId", "Path"), ("expand", "Query"), ("pageSize", "Query"), ("If-Match", "Header"), ("at", "Query")];
    assert_eq!(locations, want.map(|(n, l)| (n.to_string(), l.to_string())));
    assert!(spec.operation_by_id("put_user").unwrap().request_body.is_some());

    let user = &doc["components"]["schemas"]["User"];
    assert_eq!(user["required"], json!(["id", "state"]));
    assert_eq!(user["properties"]["acceptsSMS"], json!({"type": "boolean"}));
    assert_eq!(user["properties"]["state"], json!({"$ref": "#/components/schemas/UserState", "default": "active", "description": "Lifecycle state."}));
    assert_eq!(user["properties"]["manager"]["anyOf"][1], json!({"type": "null"}));
    assert_eq!(user["properties"]["level"]["enum"], json!([1, 2]));
    assert_eq!(doc["components"]["schemas"]["UserState"]["enum"], json!(["active", "inactive"]));
    assert_eq!(doc["paths"]["/api/v2/users/{userId}"]["get"]["parameters"][2]["schema"], json!({"type": "integer", "format": "int32", "default": 25}));
    assert_eq!(doc["servers"][0]["variables"]["region"]["default"], "region");
    assert_eq!(doc["components"]["securitySchemes"]["bearerAuth"], json!({"type": "http", "scheme": "bearer"}));
    assert_eq!(doc["paths"]["/api/v2/users/{userId}"]["get"]["x-docs2rs-permissions"]["list"], json!(["directory:user:view"]));
}

#[test]
fn the_seed_apis_export_valid_openapi() {
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs2rs.toml");
    let (apis, _) = Generator::from_config_file(config).unwrap().schema().unwrap();
    assert!(!apis.is_empty());
    for api in &apis {
        let doc = to_openapi(api);
        keep(&doc, &api.name);
        assert_valid(&doc, &api.name);
        assert_eq!(doc["paths"].as_object().unwrap().values().map(|i| i.as_object().unwrap().len()).sum::<usize>(), api.operations.len(), "{}", api.name);
    }
}

#[test]
fn the_checker_rejects_broken_documents() {
    let good = to_openapi(&rich_api());
    type Breakage = fn(&mut Value);
    let breakages: [(&str, Breakage); 6] = [
        ("does not resolve", |d| d["components"]["schemas"].as_object_mut().unwrap().remove("Group").map(drop).unwrap()),
        ("has no path parameter", |d| d["paths"]["/api/v2/users/{userId}"]["put"]["parameters"] = json!([])),
        ("not part of the OpenAPI 3.1 object", |d| d["paths"]["/api/v2/search"]["post"]["operationID"] = json!("x")),
        ("is not unique", |d| d["paths"]["/api/v2/search"]["post"]["operationId"] = json!("get_user")),
        ("has no default", |d| d["servers"][0]["variables"] = json!({})),
        ("does not deserialize", |d| d["paths"]["/api/v2/search"]["post"]["parameters"] = json!([{"name": "x", "in": "body"}])),
    ];
    for (want, breakage) in breakages {
        let mut doc = good.clone();
        breakage(&mut doc);
        let problems = openapi_check::problems(&doc);
        assert!(problems.iter().any(|p| p.contains(want)), "expected `{want}` in {problems:?}");
    }
}
