//! Where generated code stops parsing. Outside a proc macro, syn's spans carry positions
//! only with `proc-macro2/span-locations`, which a build-dependency would switch on for
//! every proc macro of the user's build; so the broken item is found by parsing item by item.

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Boundaries (`;` or `{…}`) tried before the rest is reported as one broken item: keeps
/// a template bug in a 1,000-page client from costing quadratic time.
const MAX_TRIES: usize = 64;

/// The first top-level item of `code` that is not a Rust item: its number (1-based) and
/// its first tokens. `None` when every item parses.
pub fn first_broken_item(code: &str) -> Option<String> {
    let tokens: TokenStream = match code.parse() {
        Ok(t) => t,
        Err(e) => return Some(format!("the text does not tokenize ({e})")),
    };
    let (mut item, mut good, mut tries) = (TokenStream::new(), 0usize, 0usize);
    for tt in tokens {
        let ends = matches!(&tt, TokenTree::Punct(p) if p.as_char() == ';') || matches!(&tt, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace);
        item.extend([tt]);
        if ends && tries < MAX_TRIES {
            if syn::parse2::<syn::Item>(item.clone()).is_ok() {
                (item, good, tries) = (TokenStream::new(), good + 1, 0);
            } else {
                tries += 1;
            }
        }
    }
    if item.is_empty() {
        return None;
    }
    let text = item.to_string();
    let head: String = text.chars().take(300).collect();
    let more = if head.len() < text.len() { " …" } else { "" };
    Some(format!("item {} does not parse: `{head}{more}`", good + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_broken_item() {
        let code = "/// A.\npub struct A;\nconst X: A = A {};\nimpl A { fn f() -> u8 { 1 } }\nfn g() { let }\nstruct B;\n";
        assert_eq!(first_broken_item(code).as_deref(), Some("item 4 does not parse: `fn g () { let } struct B ;`"));
        assert_eq!(first_broken_item("struct A; struct B { x: u8 }"), None);
        assert!(first_broken_item("fn f() { \"open").unwrap().starts_with("the text does not tokenize"));
    }
}
