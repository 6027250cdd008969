//! Types documented on pages of their own that are not plain models: enum pages and
//! oneOf pages (whose variants are other pages).

use crate::diag::Diagnostics;
use crate::schema::{Api, EnumDef, EnumValue, Field, Model, OneOf, Returns, Type};
use std::collections::{BTreeMap, BTreeSet};

/// A oneOf model becomes one struct with every variant's fields: a field is required
/// only when every variant requires it, so any variant deserializes into it.
pub(super) fn one_of_models(api: &mut Api, one_of: Vec<OneOf>, diags: &mut Diagnostics) {
    for o in one_of {
        if api.models.iter().any(|m| m.name == o.name && !m.undocumented) {
            diags.warn(o.source.clone(), format!("`{}` is documented both as a model and as a oneOf; keeping the model", o.name), None);
            continue;
        }
        let variants: Vec<&Model> = o.variants.iter().filter_map(|v| api.models.iter().find(|m| &m.name == v && !m.undocumented)).collect();
        let missing: Vec<&str> = o.variants.iter().filter(|v| !variants.iter().any(|m| &&m.name == v)).map(String::as_str).collect();
        if variants.is_empty() {
            diags.warn(
                o.source.clone(),
                format!("oneOf `{}`: none of its variants ({}) is documented; typed as raw JSON", o.name, o.variants.join(", ")),
                Some("add the variants' model docs to the inputs".to_string()),
            );
            continue;
        }
        if !missing.is_empty() {
            diags.warn(
                o.source.clone(),
                format!("oneOf `{}`: variant(s) {} are not documented; their fields are missing and every field is optional", o.name, missing.join(", ")),
                Some("add the variants' model docs to the inputs".to_string()),
            );
        }
        let mut fields: Vec<Field> = Vec::new();
        for v in &variants {
            for f in &v.fields {
                if !fields.iter().any(|have| have.name == f.name) {
                    let mut union_field = f.clone();
                    union_field.required = missing.is_empty() && variants.iter().all(|w| w.fields.iter().any(|g| g.name == f.name && g.required));
                    fields.push(union_field);
                }
            }
        }
        let names: Vec<String> = o.variants.iter().map(|v| format!("`{v}`")).collect();
        let by = o.discriminator.as_ref().map(|d| format!(", told apart by `{d}`")).unwrap_or_default();
        let description = Some(format!("One of {}{by}: the fields of all of them, required where every variant requires them.", names.join(", ")));
        api.models.retain(|m| m.name != o.name);
        api.models.push(Model { name: o.name, description, fields, source: o.source, undocumented: false });
    }
    api.models.sort_by(|a, b| a.name.cmp(&b.name));
}

/// Most generators print a oneOf model as the union of its variants' properties, marking
/// a property required when any variant requires it. A model whose fields are exactly
/// the union of two or more other models' fields (each a proper subset, all sharing a
/// field) is read as such a union: a field stays required only when every variant
/// requires it, so that each variant deserializes.
pub(super) fn implied_unions(api: &mut Api) {
    use crate::parse::text::loose_key;
    let keys: Vec<BTreeSet<String>> =
        api.models.iter().map(|m| if m.undocumented { BTreeSet::new() } else { m.fields.iter().map(|f| loose_key(&f.name)).collect() }).collect();
    // Models with the same keys have the same variants: each distinct key set is
    // compared once (a corpus repeats key sets, and every copy would multiply the pairs).
    let mut members: BTreeMap<&BTreeSet<String>, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        members.entry(k).or_default().push(i);
    }
    let distinct: Vec<(&BTreeSet<String>, Vec<usize>)> = members.into_iter().collect();
    let sets: Vec<BTreeSet<String>> = distinct.iter().map(|(k, _)| (*k).clone()).collect();
    let subsets = SubsetIndex::new(&sets);
    let required_keys = |j: usize| -> BTreeSet<String> { api.models[j].fields.iter().filter(|f| f.required).map(|f| loose_key(&f.name)).collect() };
    let mut relaxed: Vec<(usize, BTreeSet<String>)> = Vec::new();
    for (s, (all, models)) in distinct.iter().enumerate().filter(|(_, (k, _))| k.len() >= 2) {
        let groups = subsets.proper_subsets_of(s);
        let variants: Vec<usize> = groups.iter().flat_map(|&g| distinct[g].1.iter().copied()).collect();
        if variants.len() < 2 {
            continue;
        }
        let union: BTreeSet<&String> = groups.iter().flat_map(|&g| &sets[g]).collect();
        let shared = sets[groups[0]].iter().any(|k| groups.iter().all(|&g| sets[g].contains(k)));
        if union.len() != all.len() || !shared {
            continue;
        }
        // Keys every variant requires.
        let mut everywhere = required_keys(variants[0]);
        for &j in &variants[1..] {
            let here = required_keys(j);
            everywhere.retain(|k| here.contains(k));
        }
        relaxed.extend(models.iter().map(|&i| (i, everywhere.clone())));
    }
    for (i, everywhere) in relaxed {
        for f in api.models[i].fields.iter_mut().filter(|f| f.required) {
            if !everywhere.contains(&loose_key(&f.name)) {
                f.required = false;
            }
        }
    }
}

/// Finds the sets that are proper, non-empty subsets of another without comparing every
/// pair (5,600 models made that quadratic search most of resolve's time): a subset holds
/// its rarest key, so only the sets filed under one of the superset's keys are checked.
struct SubsetIndex<'a> {
    sets: &'a [BTreeSet<String>],
    /// Key → the sets whose rarest key it is.
    by_rarest: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> SubsetIndex<'a> {
    fn new(sets: &'a [BTreeSet<String>]) -> Self {
        let mut holders: BTreeMap<&str, usize> = BTreeMap::new();
        for key in sets.iter().flatten() {
            *holders.entry(key.as_str()).or_default() += 1;
        }
        let mut by_rarest: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (j, set) in sets.iter().enumerate() {
            if let Some(rarest) = set.iter().map(String::as_str).min_by_key(|k| holders[k]) {
                by_rarest.entry(rarest).or_default().push(j);
            }
        }
        SubsetIndex { sets, by_rarest }
    }

    /// Indices of the non-empty sets that are proper subsets of set `i`, ascending.
    fn proper_subsets_of(&self, i: usize) -> Vec<usize> {
        let all = &self.sets[i];
        let mut found: Vec<usize> = all
            .iter()
            .filter_map(|k| self.by_rarest.get(k.as_str()))
            .flatten()
            .copied()
            .filter(|&j| j != i && self.sets[j].len() < all.len() && self.sets[j].is_subset(all))
            .collect();
        found.sort_unstable();
        found
    }
}

/// Enum pages: string enums join the API's enums under their documented name; integer
/// enums become integers with the values noted where they are used.
pub(super) fn enum_pages(api: &mut Api, enums: Vec<EnumDef>, diags: &mut Diagnostics) {
    let mut seen = BTreeSet::new();
    let mut integers: BTreeMap<String, Vec<EnumValue>> = BTreeMap::new();
    for e in enums {
        if !seen.insert(e.name.clone()) {
            continue;
        }
        if api.models.iter().any(|m| m.name == e.name && !m.undocumented) {
            diags.warn(e.source.clone(), format!("`{}` is documented both as a model and as an enum; keeping the model", e.name), None);
            continue;
        }
        api.models.retain(|m| m.name != e.name);
        if e.values.iter().all(|v| v.value.parse::<i64>().is_ok()) {
            integers.insert(e.name, e.values);
        } else {
            api.enums.push(e);
        }
    }
    if integers.is_empty() {
        return;
    }
    let retype = |ty: &mut Type, values: &mut Vec<EnumValue>| {
        if let Some(found) = ty.ref_name().and_then(|n| integers.get(n)) {
            if values.is_empty() {
                *values = found.clone();
            }
            *ty = ty.map_inner(&mut |_| Type::integer());
        }
    };
    for f in api.models.iter_mut().flat_map(|m| m.fields.iter_mut()) {
        retype(&mut f.ty, &mut f.enum_values);
    }
    for op in &mut api.operations {
        for p in &mut op.params {
            retype(&mut p.ty, &mut p.enum_values);
        }
        if let Returns::Body { ty } = &mut op.returns {
            retype(ty, &mut Vec::new());
        }
        for ty in op.errors.iter_mut().filter_map(|e| e.ty.as_mut()) {
            retype(ty, &mut Vec::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Source;

    fn model(name: &str, fields: &[(&str, bool)]) -> Model {
        let src = Source::new("m.md", 1);
        let fields = fields.iter().map(|(n, r)| Field::new(*n, Type::string(), *r, src.clone())).collect();
        Model { name: name.into(), description: None, fields, source: src, undocumented: false }
    }

    #[test]
    fn one_of_is_the_union_of_its_variants() {
        let mut api =
            Api { models: vec![model("Cat", &[("kind", true), ("lives", true)]), model("Dog", &[("kind", true), ("bark", false)])], ..Api::default() };
        let one =
            OneOf { name: "Pet".into(), variants: vec!["Cat".into(), "Dog".into()], discriminator: Some("kind".into()), source: Source::new("Pet.md", 1) };
        let mut d = Diagnostics::new();
        one_of_models(&mut api, vec![one], &mut d);
        let pet = api.models.iter().find(|m| m.name == "Pet").unwrap();
        let fields: Vec<(&str, bool)> = pet.fields.iter().map(|f| (f.name.as_str(), f.required)).collect();
        assert_eq!(fields, [("kind", true), ("lives", false), ("bark", false)]);
        assert!(d.items().is_empty(), "{:?}", d.items());
    }

    #[test]
    fn a_model_that_is_the_union_of_others_is_relaxed_like_a_one_of() {
        let mut api = Api {
            models: vec![
                model("Cat", &[("kind", true), ("lives", true)]),
                model("Dog", &[("kind", true), ("bark", false)]),
                model("Pet", &[("kind", true), ("lives", true), ("bark", false)]),
                model("Owner", &[("kind", true), ("name", true), ("lives", true)]),
            ],
            ..Api::default()
        };
        implied_unions(&mut api);
        let required = |m: &str| -> Vec<bool> { api.models.iter().find(|x| x.name == m).unwrap().fields.iter().map(|f| f.required).collect() };
        assert_eq!(required("Pet"), [true, false, false]);
        assert_eq!(required("Owner"), [true, true, true], "not the union of other models");
    }

    /// `implied_unions` as first written: every model against every other.
    fn implied_unions_every_pair(api: &mut Api) {
        use crate::parse::text::loose_key;
        let keys: Vec<BTreeSet<String>> =
            api.models.iter().map(|m| if m.undocumented { BTreeSet::new() } else { m.fields.iter().map(|f| loose_key(&f.name)).collect() }).collect();
        let mut relaxed: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, all) in keys.iter().enumerate().filter(|(_, k)| k.len() >= 2) {
            let variants: Vec<usize> =
                (0..keys.len()).filter(|&j| j != i && !keys[j].is_empty() && keys[j].len() < all.len() && keys[j].is_subset(all)).collect();
            if variants.len() < 2 {
                continue;
            }
            let union: BTreeSet<&String> = variants.iter().flat_map(|&j| &keys[j]).collect();
            let shared = keys[variants[0]].iter().any(|k| variants.iter().all(|&v| keys[v].contains(k)));
            if union.len() != all.len() || !shared {
                continue;
            }
            let required_everywhere = |key: &str| variants.iter().all(|&j| api.models[j].fields.iter().any(|f| loose_key(&f.name) == key && f.required));
            let optional: Vec<usize> =
                api.models[i].fields.iter().enumerate().filter(|(_, f)| f.required && !required_everywhere(&loose_key(&f.name))).map(|(fi, _)| fi).collect();
            relaxed.push((i, optional));
        }
        for (i, fields) in relaxed {
            for fi in fields {
                api.models[i].fields[fi].required = false;
            }
        }
    }

    #[test]
    fn implied_unions_relax_what_comparing_every_pair_relaxes() {
        // Models with `id` and more of 5 field names chosen by the bits of n, required by
        // the bits of n * 7, some spelled differently (`selfUri`), some repeated, one undocumented.
        let names = ["id", "name", "kind", "self_uri", "state"];
        let mut models: Vec<Model> = (1..32u32)
            .chain([3, 7, 12, 31, 28])
            .enumerate()
            .map(|(at, bits)| {
                let bits = bits | 1;
                let fields: Vec<(&str, bool)> = names
                    .iter()
                    .enumerate()
                    .filter(|(b, _)| bits & (1 << b) != 0)
                    .map(|(b, n)| (if at % 3 == 0 && *n == "self_uri" { "selfUri" } else { *n }, (bits * 7) & (1 << b) != 0))
                    .collect();
                model(&format!("M{at}"), &fields)
            })
            .collect();
        models[5].undocumented = true;
        let mut fast = Api { models, ..Api::default() };
        let required = |api: &Api| -> Vec<Vec<bool>> { api.models.iter().map(|m| m.fields.iter().map(|f| f.required).collect()).collect() };
        let before = required(&fast);
        let mut every_pair = fast.clone();
        implied_unions(&mut fast);
        implied_unions_every_pair(&mut every_pair);
        assert_eq!(required(&fast), required(&every_pair));
        assert_ne!(required(&fast), before, "some models are unions of others");
    }

    #[test]
    fn the_subset_index_finds_what_comparing_every_pair_finds() {
        // Sets of keys drawn from 6 names by the bits of 0..64, some twice, plus the empty set.
        let names = ["id", "name", "kind", "self_uri", "state", "version"];
        let sets: Vec<BTreeSet<String>> = (0..64u32)
            .chain([3, 7, 12, 63])
            .map(|bits| names.iter().enumerate().filter(|(b, _)| bits & (1 << b) != 0).map(|(_, n)| n.to_string()).collect())
            .collect();
        let index = SubsetIndex::new(&sets);
        for (i, all) in sets.iter().enumerate() {
            let every_pair: Vec<usize> =
                (0..sets.len()).filter(|&j| j != i && !sets[j].is_empty() && sets[j].len() < all.len() && sets[j].is_subset(all)).collect();
            assert_eq!(index.proper_subsets_of(i), every_pair, "subsets of {all:?}");
        }
    }

    #[test]
    fn integer_enum_pages_type_their_users_as_integers() {
        let mut holder = model("Plan", &[]);
        holder.fields.push(Field::new("tier", Type::reference("Tier"), true, Source::default()));
        let mut api = Api { models: vec![holder], ..Api::default() };
        let tier = EnumDef { name: "Tier".into(), description: None, values: vec![EnumValue::new("1"), EnumValue::new("2")], source: Source::default() };
        let stage = EnumDef { name: "Stage".into(), description: None, values: vec![EnumValue::new("a")], source: Source::default() };
        enum_pages(&mut api, vec![tier, stage], &mut Diagnostics::new());
        assert_eq!(api.models[0].fields[0].ty, Type::integer());
        assert_eq!(api.models[0].fields[0].enum_values.len(), 2);
        assert_eq!(api.enums.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Stage"]);
    }
}
