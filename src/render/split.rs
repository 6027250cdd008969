//! Split output: which group each operation goes in, and where each model and enum lives.
//!
//! A group is a module of client methods (the SDK's `UsersApi` doc → `users`). A type
//! reached by the operations of one group lives in that group's module; a type reached by
//! several (or by none: a documented model no operation uses) lives in the shared `types`
//! module. With Cargo features, every item is compiled only when a group reaching it is
//! enabled, so one group builds just its own closure of types.

use super::view::{AliasView, ApiView, EnumView, GroupView, ModelView};
use crate::naming;
use crate::schema::{Api, Operation};
use std::collections::{BTreeMap, BTreeSet};

/// In a type's reach: the API as a whole (its feature), not one group.
pub const WHOLE: usize = usize::MAX;

/// Operations with no group (single-operation pages, README indexes) go here.
pub const UNGROUPED: &str = "misc";

/// An API with more operations than this is split when `split = "auto"`.
pub const AUTO_SPLIT_OPERATIONS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The module (and file) name: a Rust identifier.
    pub module: String,
    /// Its Cargo feature: `<api>-<group>` in kebab case.
    pub feature: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The API's feature (`pure-cloud`): every group, and the types no operation reaches.
    pub feature: String,
    /// Sorted by module name.
    pub groups: Vec<Group>,
    /// Operation index (in `api.operations`) → group index.
    pub op_group: Vec<usize>,
    /// Model or enum name → the groups that reach it; [`WHOLE`] for the types no operation
    /// reaches (and what they name): built with the API's feature.
    pub reach: BTreeMap<String, BTreeSet<usize>>,
}

impl Plan {
    /// The group whose module holds the type, or `None` for the shared `types` module.
    pub fn home(&self, name: &str) -> Option<usize> {
        match self.reach.get(name) {
            Some(set) if set.len() == 1 && self.groups.len() > 1 => set.iter().next().copied().filter(|g| *g != WHOLE),
            _ => None,
        }
    }

    /// The groups of these operations (indexes into `api.operations`).
    pub fn groups_of(&self, ops: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
        ops.into_iter().filter_map(|i| self.op_group.get(i).copied()).collect()
    }

    /// `Cargo.toml`'s `[features]` entries for the API, with what each enables: the API's
    /// feature enables every group; a group needs no other (its types are gated by the
    /// groups that reach them, so it never needs another group's module).
    pub fn features(&self) -> Vec<(String, Vec<String>)> {
        let mut out = vec![(self.feature.clone(), self.groups.iter().map(|g| g.feature.clone()).collect())];
        out.extend(self.groups.iter().map(|g| (g.feature.clone(), Vec::new())));
        out
    }
}

/// The group of an operation: its documented (or overlaid) group; else, when its page
/// documents several operations, the page (`admin-api.md` → `admin_api`); else `misc`.
fn group_name(op: &Operation, shared_page: bool) -> String {
    let page = || {
        let file = op.source.file.rsplit(['/', '\\']).next().unwrap_or(&op.source.file);
        file.split('.').next().unwrap_or(file).to_string()
    };
    let name = op.group.clone().or_else(|| shared_page.then(page)).map(|g| naming::snake(&g, UNGROUPED)).unwrap_or_default();
    if name.is_empty() { UNGROUPED.to_string() } else { name }
}

/// Names a group module may not take: the modules and items of the API's root module.
const TAKEN: &[&str] = &["types", "params", "errors", "decode"];

pub fn plan(api: &Api) -> Plan {
    let mut per_page: BTreeMap<&str, usize> = BTreeMap::new();
    for op in &api.operations {
        *per_page.entry(op.source.file.as_str()).or_default() += 1;
    }
    let op_names: Vec<String> = api.operations.iter().map(|op| group_name(op, per_page[op.source.file.as_str()] > 1)).collect();
    let names: BTreeSet<&String> = op_names.iter().collect();
    let api_feature = heck::ToKebabCase::to_kebab_case(api.name.as_str());
    let groups: Vec<Group> = names
        .iter()
        .map(|n| {
            // A portable file name (`con` → `con_api`) that no root item takes.
            let module = crate::module_name(n);
            let module = if TAKEN.contains(&module.as_str()) { format!("{module}_api") } else { module };
            let feature = format!("{api_feature}-{}", heck::ToKebabCase::to_kebab_case(module.as_str()));
            Group { module, feature }
        })
        .collect();
    let index: BTreeMap<&String, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let op_group: Vec<usize> = op_names.iter().map(|n| index[n]).collect();

    // Type → the types its fields name.
    let mut edges: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in &api.models {
        edges.insert(&m.name, m.fields.iter().filter_map(|f| f.ty.ref_name()).collect());
    }
    for e in &api.enums {
        edges.entry(&e.name).or_default();
    }
    let mut reach: BTreeMap<String, BTreeSet<usize>> = edges.keys().map(|n| (n.to_string(), BTreeSet::new())).collect();
    let spread = |start: Vec<&str>, groups: &BTreeSet<usize>, reach: &mut BTreeMap<String, BTreeSet<usize>>| {
        let mut stack = start;
        while let Some(n) = stack.pop() {
            let Some(set) = reach.get_mut(n) else { continue };
            let before = set.len();
            set.extend(groups);
            if set.len() > before {
                stack.extend(edges.get(n).into_iter().flatten().copied());
            }
        }
    };
    for (i, op) in api.operations.iter().enumerate() {
        let one = BTreeSet::from([op_group[i]]);
        spread(op.types().filter_map(|t| t.ref_name()).collect(), &one, &mut reach);
    }
    // Types no operation reaches are built with the whole API, and so is what they name.
    let all = BTreeSet::from([WHOLE]);
    let orphans: Vec<String> = reach.iter().filter(|(_, s)| s.is_empty()).map(|(n, _)| n.clone()).collect();
    spread(orphans.iter().map(String::as_str).collect(), &all, &mut reach);
    Plan { feature: api_feature, groups, op_group, reach }
}

/// `#[cfg(...)]` for an item built with these groups' features.
pub fn cfg(plan: &Plan, groups: &BTreeSet<usize>) -> Option<String> {
    let name = |g: usize| if g == WHOLE { &plan.feature } else { &plan.groups[g].feature };
    let features: Vec<String> = groups.iter().map(|&g| format!("feature = {:?}", name(g))).collect();
    match features.as_slice() {
        [] => None,
        [one] => Some(format!("#[cfg({one})]")),
        many => Some(format!("#[cfg(any({}))]", many.join(", "))),
    }
}

/// The files of a split API, as views: the root (`mod.rs`), the shared `types.rs`, and
/// one per group. Every type, form, error enum and operation goes to exactly one file.
pub(super) fn partition(mut view: ApiView, plan: &Plan, features: bool) -> Vec<(String, ApiView)> {
    let gate = |set: &BTreeSet<usize>| if features { cfg(plan, set) } else { None };
    let reach = |name: &str| plan.reach.get(name).cloned().unwrap_or_default();
    let mut groups: Vec<ApiView> = plan.groups.iter().map(|_| view.part()).collect();
    let mut shared = view.part();

    for m in std::mem::take(&mut view.models) {
        match plan.home(&m.name) {
            Some(g) => groups[g].models.push(m),
            None => shared.models.push(ModelView { cfg: gate(&reach(&m.name)), ..m }),
        }
    }
    for a in std::mem::take(&mut view.aliases) {
        match plan.home(&a.name) {
            Some(g) => groups[g].aliases.push(a),
            None => shared.aliases.push(AliasView { cfg: gate(&reach(&a.name)), ..a }),
        }
    }
    // The root implements `ToParam` for every enum: gated like the enum.
    for e in &mut view.enums {
        e.cfg = gate(&reach(&e.name));
    }
    for e in view.enums.clone() {
        match plan.home(&e.name) {
            Some(g) => groups[g].enums.push(EnumView { cfg: None, ..e }),
            None => shared.enums.push(e),
        }
    }
    for f in &mut view.forms {
        f.cfg = gate(&reach(&f.name));
    }
    let group_of_method: BTreeMap<String, usize> = view.ops.iter().map(|o| (o.ident.clone(), plan.op_group[o.index])).collect();
    let of = |method: &str| group_of_method.get(method).copied().into_iter().collect::<BTreeSet<usize>>();
    for e in &mut view.error_enums {
        let mut set = of(&e.method);
        for a in &mut e.aliases {
            a.cfg = gate(&of(&a.method));
            set.extend(of(&a.method));
        }
        e.cfg = gate(&set);
    }
    for op in std::mem::take(&mut view.ops) {
        groups[plan.op_group[op.index]].ops.push(op);
    }

    view.split = true;
    view.groups = plan
        .groups
        .iter()
        .zip(&groups)
        .map(|(g, part)| GroupView {
            module: g.module.clone(),
            docs: vec![format!("The `{}` operations ({}).", g.module, part.ops.len())],
            cfg: features.then(|| format!("#[cfg(feature = {:?})]", g.feature)),
            params: part.ops.iter().any(|o| o.options.is_some()),
            types: part
                .models
                .iter()
                .map(|m| m.ident.clone())
                .chain(part.aliases.iter().map(|a| a.ident.clone()))
                .chain(part.enums.iter().map(|e| e.ident.clone()))
                .collect(),
        })
        .collect();
    shared.split = true;
    shared.groups = view.groups.clone();
    let mut files = vec![("mod.rs".to_string(), view), ("types.rs".to_string(), shared)];
    for (g, mut part) in plan.groups.iter().zip(groups) {
        part.split = true;
        files.push((format!("{}.rs", g.module), part));
    }
    files
}

/// The documents behind each file of [`partition`], in its order: the root names them all,
/// `types.rs` the pages of the shared types, a group the pages of its operations and types.
/// (Each file's `// Sources:` line: a big API's full list in every file was most of its bytes.)
pub(super) fn sources<'a>(api: &'a Api, plan: &Plan) -> Vec<BTreeSet<&'a str>> {
    let mut files = vec![api.sources.iter().map(String::as_str).collect(), BTreeSet::new()];
    files.extend(plan.groups.iter().map(|_| BTreeSet::new()));
    let mut add = |home: Option<usize>, file: &'a str| {
        files[home.map_or(1, |g| g + 2)].insert(file);
    };
    for m in &api.models {
        add(plan.home(&m.name), &m.source.file);
    }
    for e in &api.enums {
        add(plan.home(&e.name), &e.source.file);
    }
    for (i, op) in api.operations.iter().enumerate() {
        add(Some(plan.op_group[i]), &op.source.file);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Field, Method, Model, Returns, Source, Type};

    fn model(name: &str, refs: &[&str]) -> Model {
        let fields = refs.iter().map(|r| Field::new(r.to_lowercase(), Type::array(Type::reference(*r)), false, Source::default())).collect();
        Model { name: name.into(), description: None, fields, source: Source::default(), undocumented: false }
    }

    fn op(name: &str, group: &str, returns: &str) -> Operation {
        let mut op = Operation::new(name, Some(Method::Get), Some("/x".into()), Source::default());
        op.group = Some(group.into());
        op.returns = Returns::Body { ty: Type::reference(returns) };
        op
    }

    #[test]
    fn types_live_with_the_one_group_that_reaches_them_or_are_shared() {
        let api = Api {
            name: "Pure Cloud".into(),
            models: vec![model("User", &["Division"]), model("Division", &[]), model("Group", &["Division"]), model("Orphan", &["Note"]), model("Note", &[])],
            operations: vec![op("get_user", "Users", "User"), op("get_group", "groups", "Group")],
            ..Default::default()
        };
        let plan = plan(&api);
        assert_eq!(
            plan.groups.iter().map(|g| (g.module.as_str(), g.feature.as_str())).collect::<Vec<_>>(),
            [("groups", "pure-cloud-groups"), ("users", "pure-cloud-users")]
        );
        assert_eq!(plan.home("User"), Some(1));
        assert_eq!(plan.home("Group"), Some(0));
        assert_eq!(plan.home("Division"), None, "reached by both groups: shared");
        assert_eq!(plan.reach["Division"], BTreeSet::from([0, 1]));
        assert_eq!(plan.reach["Orphan"], BTreeSet::from([WHOLE]), "no operation reaches it: built with the whole API");
        assert_eq!(plan.reach["Note"], BTreeSet::from([WHOLE]), "what an orphan names is built with it");
        assert_eq!(plan.home("Orphan"), None);
        assert_eq!(cfg(&plan, &plan.reach["Division"]).unwrap(), r#"#[cfg(any(feature = "pure-cloud-groups", feature = "pure-cloud-users"))]"#);
        assert_eq!(cfg(&plan, &plan.reach["Note"]).unwrap(), r#"#[cfg(feature = "pure-cloud")]"#);
        assert_eq!(plan.features()[0], ("pure-cloud".to_string(), vec!["pure-cloud-groups".to_string(), "pure-cloud-users".to_string()]));
    }

    #[test]
    fn ungrouped_operations_go_by_page_and_reserved_names_are_avoided() {
        let on_page = |name: &str, file: &str| Operation { group: None, source: Source::new(file, 1), ..op(name, "", "M") };
        let ops = vec![on_page("a", "docs/update-user.md"), on_page("b", "docs/Admin Pages.md"), on_page("c", "docs/Admin Pages.md"), op("d", "types", "M")];
        let plan = plan(&Api { name: "a".into(), operations: ops, ..Default::default() });
        let modules: Vec<&str> = plan.groups.iter().map(|g| g.module.as_str()).collect();
        assert_eq!(modules, ["admin_pages", "misc", "types_api"], "a page of several operations is a group; one alone goes to `misc`");
        assert_eq!(plan.op_group, [1, 0, 0, 2]);
    }
}
