//! The property every fuzz target and the proptest suite check: any bytes, read as a
//! document, go through parse → resolve → render without panicking, and rendering
//! succeeds (it syn-parses the output, so a failure here is generated code that does
//! not parse).

use crate::config::ApiConfig;
use crate::diag::Diagnostics;
use crate::parse::{self, Format};
use crate::render::{Renderer, Settings, SplitOptions};

/// Panics (for the fuzzer to catch) if rendering fails.
pub fn check_document(data: &[u8], format: Option<Format>) {
    let mut diags = Diagnostics::new();
    let doc = parse::parse_document("fuzz.md", data, format, &mut diags);
    let api = crate::resolve::resolve(&ApiConfig::new("fuzz"), vec![("fuzz.md".into(), doc)], &mut diags);
    let renderer = Renderer::new(None).expect("embedded templates load");
    let settings = Settings { query_arrays: Default::default(), generator: crate::GENERATOR.into(), client: true };
    if let Err(e) = renderer.render_api(&api, &settings) {
        panic!("rendering failed: {e}");
    }
    if let Err(e) = renderer.render_api_files(&api, &settings, "fuzz", Some(&SplitOptions { features: true })) {
        panic!("rendering split output failed: {e}");
    }
}
