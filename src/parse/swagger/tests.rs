//! The interpreter on hand-built blocks: no front end involved.

use super::*;
use crate::parse::blocks::{Inline, ListItem};
use crate::schema::{Location, Method, Type};

fn h(level: u8, text: &str, line: u32) -> Block {
    Block::Heading { level, inline: Inline::plain(text), line }
}
fn p(text: &str, line: u32) -> Block {
    Block::Paragraph { inline: Inline::plain(text), line }
}
fn cells(texts: &[&str]) -> Vec<Cell> {
    texts.iter().map(|t| Inline::plain(t)).collect()
}
fn table(rows: &[(u32, &[&str])], line: u32) -> Block {
    Block::Table { header: cells(&["Name", "Type", "Description", "Notes"]), rows: rows.iter().map(|(l, c)| Row { line: *l, cells: cells(c) }).collect(), line }
}

#[test]
fn model_table() {
    let blocks = [
        Block::FrontMatter { title: Some("Ignored".into()), line: 1 },
        h(2, "Module::Widget", 4),
        p("A widget.", 5),
        h(2, "Properties", 7),
        table(
            &[
                (10, &["id", "String", "Id", "[optional]"]),
                (11, &["size", "Integer", "", ""]),
                (12, &["tags", "Hash<String, Array<Tag>>", "", "[optional] [readonly]"]),
                (13, &["{: class=\"x\"}", "", "", ""]),
            ],
            9,
        ),
    ];
    let mut d = Diagnostics::new();
    let doc = interpret("w.md", &blocks, &mut d);
    assert!(d.items().is_empty(), "{:?}", d.items());
    assert_eq!(doc.title.as_deref(), Some("Widget"));
    let m = &doc.models[0];
    assert_eq!((m.name.as_str(), m.description.as_deref(), m.source.line), ("Widget", Some("A widget."), 4));
    let summary: Vec<(&str, bool, u32)> = m.fields.iter().map(|f| (f.name.as_str(), f.required, f.source.line)).collect();
    assert_eq!(summary, [("id", false, 10), ("size", true, 11), ("tags", false, 12)]);
    assert_eq!(m.fields[2].ty, Type::map(Type::array(Type::reference("Tag"))));
    assert_eq!(m.fields[2].constraints, ["readonly"]);
}

#[test]
fn method_section_and_locations() {
    let blocks = [
        h(2, "Things", 1),
        p("All URIs are relative to https://x.example.com", 2),
        h(2, "-Thing put_thing(thing_id, body, opts)", 4),
        p("Replace a thing", 5),
        p("Wraps PUT /things/{thingId}", 6),
        p("Requires ANY permissions:", 7),
        Block::List { items: vec![ListItem::new(Inline::plain("things:edit"), 8), ListItem::new(Inline::plain("admin"), 9)], line: 8 },
        h(3, "Example", 10),
        Block::Code { lang: Some("ruby".into()), text: "Wraps GET /wrong".into(), line: 11 },
        h(3, "Parameters", 13),
        table(
            &[
                (15, &["thing_id", "String", "Id", ""]),
                (16, &["body", "Thing", "The thing", ""]),
                (17, &["dry_run", "BOOLEAN", "", "[optional] [default to false]"]),
                (18, &["filter", "Thing", "", "[optional]"]),
            ],
            14,
        ),
        h(3, "Return type", 20),
        p("nil (empty response body)", 21),
    ];
    let mut d = Diagnostics::new();
    let doc = interpret("t.md", &blocks, &mut d);
    assert!(d.items().is_empty(), "{:?}", d.items());
    assert_eq!(doc.base_url.as_deref(), Some("https://x.example.com"));
    let op = &doc.operations[0];
    assert_eq!((op.name.as_str(), op.method, op.path.as_deref(), op.source.line), ("put_thing", Some(Method::Put), Some("/things/{thingId}"), 4));
    assert_eq!(op.summary.as_deref(), Some("Replace a thing"));
    assert_eq!(op.permissions.as_ref().map(|p| p.list.len()), Some(2));
    assert_eq!(op.returns, Returns::Empty);
    let locs: Vec<(&str, Location, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.location, p.wire_name.as_str())).collect();
    assert_eq!(locs, [("thing_id", Location::Path, "thingId"), ("body", Location::Body, ""), ("dry_run", Location::Query, ""), ("filter", Location::Body, "")]);
    assert_eq!(op.params[2].default.as_deref(), Some("false"));
}

#[test]
fn return_types() {
    let cases = [
        ("nil (empty response body)", Returns::Empty),
        ("null (empty response body)", Returns::Empty),
        ("void (empty response body)", Returns::Empty),
        (" (empty response body)", Returns::Empty),
        ("Empty", Returns::Body { ty: Type::reference("Empty") }),
        ("**Array<String>**", Returns::Body { ty: Type::array(Type::string()) }),
        ("Array<String>**", Returns::Body { ty: Type::array(Type::string()) }),
        ("Pointer to **bool**", Returns::Body { ty: Type::Boolean }),
        ("what is this", Returns::Body { ty: Type::Any }),
    ];
    for (text, want) in cases {
        let blocks = [h(2, "-X do_it()", 1), p("Wraps GET /x", 2), h(3, "Return type", 3), p(text, 4)];
        let mut d = Diagnostics::new();
        let doc = interpret("r.md", &blocks, &mut d);
        assert_eq!(doc.operations[0].returns, want, "{text:?}");
        assert_eq!(d.items().len(), usize::from(want == Returns::Body { ty: Type::Any }), "{text:?}");
    }
    // No `Return type` section and no return type in the heading: unknown.
    let mut d = Diagnostics::new();
    let doc = interpret("r.md", &[h(2, "- do_it()", 1), p("Wraps GET /x", 2)], &mut d);
    assert_eq!(doc.operations[0].returns, Returns::Unknown);
}

#[test]
fn missing_path_and_placeholders_warn() {
    let blocks = [h(2, "-X get_it(a_id)", 1), h(3, "Parameters", 2), table(&[(4, &["b_id", "String", "", ""])], 3)];
    let mut d = Diagnostics::new();
    let doc = interpret("m.md", &blocks, &mut d);
    assert_eq!(doc.operations.len(), 1);
    let msgs: Vec<&str> = d.items().iter().map(|x| x.message.as_str()).collect();
    assert!(msgs.iter().any(|m| m.contains("no HTTP method and path")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("argument `a_id`")), "{msgs:?}");
    let blocks = [h(2, "-X get_it(id)", 1), p("Wraps GET /a/{id}/b/{other}", 2), h(3, "Parameters", 3), table(&[(5, &["id", "String", "", ""])], 4)];
    let mut d = Diagnostics::new();
    interpret("m.md", &blocks, &mut d);
    assert!(d.items().iter().any(|x| x.message.contains("`{other}`") && x.source.line == 1), "{:?}", d.items());
}

#[test]
fn http_response_details_give_the_error_statuses() {
    let blocks = [
        h(2, "-Show get_show(show_id)", 1),
        p("Get a show", 2),
        p("Wraps GET /shows/{showId}", 3),
        h(3, "HTTP response details", 4),
        Block::Table {
            header: cells(&["Status code", "Description", "Response headers"]),
            rows: vec![Row { line: 6, cells: cells(&["**200**", "The show.", "-"]) }, Row { line: 7, cells: cells(&["**404**", "No such show.", "-"]) }],
            line: 5,
        },
        // A blank line after the delimiter row: the other rows as a paragraph.
        p("**409** | The slug is taken. |  -  |\n**5XX** |  |  -  |", 9),
    ];
    let mut d = Diagnostics::new();
    let doc = interpret("a.md", &blocks, &mut d);
    let got: Vec<(&str, Option<&str>)> = doc.operations[0].errors.iter().map(|e| (e.status.as_str(), e.description.as_deref())).collect();
    assert_eq!(got, [("404", Some("No such show.")), ("409", Some("The slug is taken.")), ("5XX", None)]);
    assert!(doc.operations[0].errors.iter().all(|e| e.ty.is_none()), "these docs name no error model");
}

#[test]
fn operations_of_an_api_doc_are_grouped_by_it() {
    assert_eq!(api_group("docs/UsersApi.md", None).as_deref(), Some("users"));
    assert_eq!(api_group("docs/ConversationsCallsApi.md", None).as_deref(), Some("conversations_calls"));
    assert_eq!(api_group("docs/users_api.md", None).as_deref(), Some("users"));
    assert_eq!(api_group("docs/Page.html", Some("PureCloud::RoutingApi")).as_deref(), Some("routing"));
    assert_eq!(api_group("README.md", Some("PureCloud")), None);
    assert_eq!(api_group("docs/Api.md", None), None);
}
