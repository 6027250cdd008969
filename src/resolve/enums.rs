//! Allowed-values lists on string fields and parameters become named enums.
//!
//! A field's enum is named after its owner (`UserState`). A parameter's is named after its
//! operation (`GetUsersExpand`), unless several operations take a same-named parameter
//! with the same values: they share one enum whose name does not depend on any of them:
//! - `{Param}` (`SortOrder`) when no other set of values for that parameter name is
//!   repeated (sets used once keep their operation's name);
//! - else `{Resource}{Param}` (`UsersExpand`), the resource being the first path segment
//!   after `api` and versions (`/api/v2/users/{id}` → `users`), when it is the only set of
//!   values several operations under that resource repeat;
//! - else each operation keeps its own.

use crate::diag::Diagnostics;
use crate::naming;
use crate::schema::*;
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn extract_enums(api: &mut Api, diags: &mut Diagnostics) {
    for op in &mut api.operations {
        for p in &mut op.params {
            dedup_values(&mut p.enum_values, &p.name, &p.source, diags);
        }
    }
    let shared = shared_names(&api.operations, &names_in_use(api));
    let mut taken: BTreeSet<String> = api.models.iter().map(|m| m.name.clone()).collect();
    // Enums documented on pages of their own keep their names and are shared.
    let mut enums: BTreeMap<String, EnumDef> = std::mem::take(&mut api.enums).into_iter().map(|e| (e.name.clone(), e)).collect();
    let mut make = |base: String, values: &[EnumValue], source: &Source, description: Option<String>| -> String {
        let mut name = base.clone();
        let mut n = 2;
        loop {
            match enums.get(&name) {
                Some(e) if e.values == values => return name,
                None if !taken.contains(&name) => break,
                _ => {
                    name = format!("{base}{n}");
                    n += 1;
                }
            }
        }
        taken.insert(name.clone());
        enums.insert(name.clone(), EnumDef { name: name.clone(), description, values: values.to_vec(), source: source.clone() });
        name
    };
    for m in &mut api.models {
        for f in &mut m.fields {
            dedup_values(&mut f.enum_values, &f.name, &f.source, diags);
            if f.enum_values.is_empty() || !is_stringish(&f.ty) {
                continue;
            }
            let name = make(field_enum_name(&m.name, &f.name), &f.enum_values, &f.source, Some(format!("Allowed values of `{}.{}`.", m.name, f.name)));
            f.ty = f.ty.map_inner(&mut |_| Type::reference(name.clone()));
        }
    }
    for (i, op) in api.operations.iter_mut().enumerate() {
        for (j, p) in op.params.iter_mut().enumerate() {
            if p.enum_values.is_empty() || !is_stringish(&p.ty) {
                continue;
            }
            let (base, description) = match shared.get(&(i, j)) {
                Some(s) => (s.name.clone(), s.description.clone()),
                None => (
                    format!("{}{}", naming::pascal(&op.name, "Operation"), naming::pascal(&p.name, "Param")),
                    format!("Allowed values of `{}` in `{}`.", p.name, op.name),
                ),
            };
            let name = make(base, &p.enum_values, &p.source, Some(description));
            p.ty = p.ty.map_inner(&mut |_| Type::reference(name.clone()));
        }
    }
    api.enums = enums.into_values().collect();
}

fn field_enum_name(model: &str, field: &str) -> String {
    format!("{}{}", naming::pascal(model, "Model"), naming::pascal(field, "Field"))
}

/// Models, documented enums, and the enums of model fields: names a shared enum avoids.
fn names_in_use(api: &Api) -> BTreeSet<String> {
    let fields = api.models.iter().flat_map(|m| m.fields.iter().filter(|f| !f.enum_values.is_empty()).map(|f| field_enum_name(&m.name, &f.name)));
    api.models.iter().map(|m| m.name.clone()).chain(api.enums.iter().map(|e| e.name.clone())).chain(fields).collect()
}

/// The name and description of an enum several operations share.
struct Shared {
    name: String,
    description: String,
}

/// One parameter with allowed values: where it is (operation and parameter index), its
/// operation, and the resource of its path.
struct Use<'a> {
    at: (usize, usize),
    op: &'a str,
    param: &'a str,
    resource: Option<String>,
}

/// (operation index, parameter index) → the shared enum of that parameter, for parameters
/// whose values other operations repeat under an operation-independent name not in `taken`.
fn shared_names(ops: &[Operation], taken: &BTreeSet<String>) -> BTreeMap<(usize, usize), Shared> {
    // Parameter name (as a type name) → its distinct value lists → where each is used.
    let mut by_param: BTreeMap<String, BTreeMap<&[EnumValue], Vec<Use>>> = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        for (j, p) in op.params.iter().enumerate().filter(|(_, p)| !p.enum_values.is_empty() && is_stringish(&p.ty)) {
            let resource = op.path.as_deref().and_then(resource);
            let use_ = Use { at: (i, j), op: &op.name, param: &p.name, resource };
            by_param.entry(naming::pascal(&p.name, "Param")).or_default().entry(p.enum_values.as_slice()).or_default().push(use_);
        }
    }
    let mut out = BTreeMap::new();
    for (param, lists) in &by_param {
        let repeated: Vec<Vec<&Use>> = lists.values().map(|uses| uses.iter().collect::<Vec<_>>()).filter(|uses| operations(uses).len() > 1).collect();
        if let [uses] = repeated.as_slice() {
            if !taken.contains(param) {
                share(&mut out, param, uses);
                continue;
            }
        }
        // Several repeated lists for one name: per resource, the one list its operations repeat.
        let mut by_resource: BTreeMap<&str, BTreeMap<&[EnumValue], Vec<&Use>>> = BTreeMap::new();
        for (values, uses) in lists {
            for u in uses {
                if let Some(r) = &u.resource {
                    by_resource.entry(r.as_str()).or_default().entry(values).or_default().push(u);
                }
            }
        }
        for (resource, lists) in by_resource {
            let repeated: Vec<&Vec<&Use>> = lists.values().filter(|uses| operations(uses).len() > 1).collect();
            let name = format!("{}{param}", naming::pascal(resource, "Resource"));
            if let [uses] = repeated.as_slice() {
                if !taken.contains(&name) {
                    share(&mut out, &name, uses);
                }
            }
        }
    }
    out
}

/// The distinct operations of some uses, sorted.
fn operations<'a>(uses: &[&Use<'a>]) -> Vec<&'a str> {
    let mut ops: Vec<&str> = uses.iter().map(|u| u.op).collect();
    ops.sort_unstable();
    ops.dedup();
    ops
}

/// Name the enum of `uses` `name`, when they span several operations.
fn share(out: &mut BTreeMap<(usize, usize), Shared>, name: &str, uses: &[&Use]) {
    let ops = operations(uses);
    if ops.len() < 2 {
        return;
    }
    let shown = if ops.len() > 8 { 6 } else { ops.len() };
    let listed: Vec<String> = ops.iter().take(shown).map(|o| format!("`{o}`")).collect();
    let more = if shown < ops.len() { format!(" and {} more", ops.len() - shown) } else { String::new() };
    let description = format!("Allowed values of `{}` in {}{more} (one type for {} operations).", uses[0].param, listed.join(", "), ops.len());
    for u in uses {
        out.insert(u.at, Shared { name: name.to_string(), description: description.clone() });
    }
}

/// The first path segment naming a resource: not a placeholder, `api` or a version.
fn resource(path: &str) -> Option<String> {
    let is_version = |s: &str| s.strip_prefix(['v', 'V']).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'));
    path.split('/').find(|s| !s.is_empty() && !s.contains('{') && !s.eq_ignore_ascii_case("api") && !is_version(s)).map(str::to_string)
}

/// A value listed twice would make two variants for one wire value.
fn dedup_values(values: &mut Vec<EnumValue>, owner: &str, at: &Source, diags: &mut Diagnostics) {
    let mut seen = BTreeSet::new();
    let before = values.len();
    values.retain(|v| seen.insert(v.value.clone()));
    if values.len() < before {
        diags.warn(at.clone(), format!("`{owner}` lists {} allowed value(s) more than once; kept the first of each", before - values.len()), None);
    }
}

fn is_stringish(t: &Type) -> bool {
    match t {
        Type::String { .. } => true,
        Type::Array { items } => is_stringish(items),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ApiConfig;

    fn param(name: &str, values: &[&str]) -> Param {
        let mut p = Param::new(name, Location::Query, Type::array(Type::string()), false, Source::new("a.md", 2));
        p.enum_values = values.iter().map(|v| EnumValue::new(*v)).collect();
        p
    }

    fn api(ops: Vec<(&str, &str, Vec<Param>)>) -> Api {
        let operations = ops
            .into_iter()
            .map(|(name, path, params)| Operation {
                params,
                returns: Returns::Empty,
                ..Operation::new(name, Some(Method::Get), Some(path.into()), Source::new("a.md", 1))
            })
            .collect();
        let doc = ParsedDoc { operations, ..Default::default() };
        super::super::resolve(&ApiConfig::new("x"), vec![("a.md".into(), doc)], &mut Diagnostics::new())
    }

    fn enum_of<'a>(api: &'a Api, op: &str) -> &'a str {
        let o = api.operations.iter().find(|o| o.name == op).unwrap();
        o.params.iter().find_map(|p| p.ty.ref_name()).unwrap_or_else(|| panic!("{op}: {:?}", o.params))
    }

    #[test]
    fn equal_values_of_a_parameter_share_one_enum_named_after_the_parameter() {
        let api = api(vec![
            ("get_users", "/api/v2/users", vec![param("sort_order", &["ascending", "descending"])]),
            ("get_groups", "/api/v2/groups", vec![param("sort_order", &["ascending", "descending"])]),
            ("get_user", "/api/v2/users/{id}", vec![param("state", &["active"])]),
            ("get_scripts", "/api/v2/scripts", vec![param("sort_order", &["asc", "desc"])]),
        ]);
        assert_eq!((enum_of(&api, "get_users"), enum_of(&api, "get_groups")), ("SortOrder", "SortOrder"));
        assert_eq!(enum_of(&api, "get_user"), "GetUserState", "used once: named after its operation");
        assert_eq!(enum_of(&api, "get_scripts"), "GetScriptsSortOrder", "other values used once keep their own");
        let names: Vec<&str> = api.enums.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["GetScriptsSortOrder", "GetUserState", "SortOrder"]);
        let shared = api.enums.iter().find(|e| e.name == "SortOrder").unwrap();
        assert_eq!(shared.description.as_deref(), Some("Allowed values of `sort_order` in `get_groups`, `get_users` (one type for 2 operations)."));
    }

    #[test]
    fn different_values_for_one_parameter_name_share_per_resource() {
        let user = ["presence", "routingStatus"];
        let api = api(vec![
            ("get_user", "/api/v2/users/{id}", vec![param("expand", &user)]),
            ("get_users", "/api/v2/users", vec![param("expand", &user)]),
            ("get_group", "/api/v2/groups/{id}", vec![param("expand", &["members"])]),
            ("get_groups", "/api/v2/groups", vec![param("expand", &["members"])]),
            ("get_users_me", "/api/v2/users/me", vec![param("expand", &["presence", "token"])]),
            // Two repeated value lists under one resource: neither can be named by the resource.
            ("get_flow", "/api/v2/flows/{id}", vec![param("expand", &["a"])]),
            ("get_flows", "/api/v2/flows", vec![param("expand", &["a"])]),
            ("get_flow_draft", "/api/v2/flows/{id}/draft", vec![param("expand", &["b"])]),
            ("get_flow_drafts", "/api/v2/flows/drafts", vec![param("expand", &["b"])]),
        ]);
        assert_eq!((enum_of(&api, "get_user"), enum_of(&api, "get_users")), ("UsersExpand", "UsersExpand"));
        assert_eq!((enum_of(&api, "get_group"), enum_of(&api, "get_groups")), ("GroupsExpand", "GroupsExpand"));
        assert_eq!(enum_of(&api, "get_users_me"), "GetUsersMeExpand", "used once: named after its operation");
        assert_eq!((enum_of(&api, "get_flow"), enum_of(&api, "get_flow_draft")), ("GetFlowExpand", "GetFlowDraftExpand"));
    }

    #[test]
    fn a_shared_name_never_takes_a_model_name() {
        let mut a = api(vec![]);
        a.models.push(Model { name: "SortOrder".into(), description: None, fields: vec![], source: Source::new("m.md", 1), undocumented: false });
        let get = |name: &str, path: &str| Operation {
            params: vec![param("sort_order", &["asc"])],
            ..Operation::new(name, Some(Method::Get), Some(path.into()), Source::new("a.md", 1))
        };
        a.operations = vec![get("get_a", "/things/a"), get("get_b", "/things/b"), get("get_c", "/c")];
        extract_enums(&mut a, &mut Diagnostics::new());
        let names: Vec<Option<&str>> = a.operations.iter().map(|o| o.params[0].ty.ref_name()).collect();
        assert_eq!(names, [Some("ThingsSortOrder"), Some("ThingsSortOrder"), Some("GetCSortOrder")], "the resource names it instead");
    }

    #[test]
    fn resources_skip_api_versions_and_placeholders() {
        assert_eq!(resource("/api/v2/users/{id}").as_deref(), Some("users"));
        assert_eq!(resource("/{tenant}/v1.1/files").as_deref(), Some("files"));
        assert_eq!(resource("/v2/{id}"), None);
        assert_eq!(resource("/vault").as_deref(), Some("vault"));
    }
}
