//! Property tests (bounded case counts, so they run in CI): arbitrary bytes and
//! structure-aware mutations of real documents never panic, and whatever they produce
//! renders to Rust that syn accepts. The fuzz targets in `fuzz/` check the same
//! property (`docs2rs::fuzzing::check_document`) without bounds.

use docs2rs::fuzzing::check_document;
use docs2rs::parse::Format;
use proptest::prelude::*;

const SEEDS: &[(&str, &str)] = &[
    ("swagger-model", include_str!("../seeds/purecloud/UpdateUser.ruby.md")),
    ("swagger-python", include_str!("../seeds/purecloud/OrgUser.python.md")),
    ("fern", include_str!("../seeds/awork/update-user.fern.txt")),
    ("readme", include_str!("../seeds/commpeak/update-user.readme.txt")),
    ("swagger-api-fixture", include_str!("fixtures/swagger/go-api.md")),
    ("html", include_str!("fixtures/html/fern-page.html")),
];

/// Line-level edits a scraper or a careless editor makes.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Truncate(usize, usize),
    Insert(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let noise = prop_oneof![
        Just("|".to_string()),
        Just("| **x** | **Array<** | d | [optional] |".to_string()),
        Just("## - broken(signature".to_string()),
        Just("Wraps GET /a/{b}/{".to_string()),
        Just("listoflistofmap from strings toOptional".to_string()),
        Just("  • (string): ".to_string()),
        Just("<table><tr><td>".to_string()),
        "\\PC{0,40}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Truncate(a, b)),
        (any::<usize>(), noise).prop_map(|(a, s)| Edit::Insert(a, s)),
    ]
}

fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for e in edits {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match e {
            Edit::Delete(i) => {
                lines.remove(i % n);
            }
            Edit::Duplicate(i) => lines.insert(i % n, lines[i % n].clone()),
            Edit::Swap(a, b) => lines.swap(a % n, b % n),
            Edit::Truncate(i, at) => {
                let l = &mut lines[i % n];
                let cut = l.char_indices().map(|(i, _)| i).nth(at % (l.chars().count() + 1)).unwrap_or(l.len());
                l.truncate(cut);
            }
            Edit::Insert(i, s) => lines.insert(i % n, s.clone()),
        }
    }
    lines.join("\n")
}

const FORMATS: &[Option<Format>] = &[None, Some(Format::SwaggerMarkdown), Some(Format::Fern), Some(Format::Readme), Some(Format::Html)];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..2048), f in 0..FORMATS.len()) {
        check_document(&data, FORMATS[f]);
    }

    #[test]
    fn mutated_real_docs_never_panic(seed in 0..SEEDS.len(), edits in proptest::collection::vec(edit(), 1..12), f in 0..FORMATS.len()) {
        let text = mutate(SEEDS[seed].1, &edits);
        check_document(text.as_bytes(), FORMATS[f]);
    }
}
