//! swagger-codegen / openapi-generator SDK markdown → [`Block`]s (the markdown lowering) →
//! the SDK-doc interpreter in [`super::swagger`].

use crate::diag::Diagnostics;
use crate::parse::blocks::Block;
use crate::parse::lower::markdown;
use crate::parse::swagger::{http_line, interpret};
use crate::schema::ParsedDoc;

/// True when `text` looks like this family (content sniffing, not file names): a
/// `Properties` heading or a `Return type` section with a generator's `Name | Type | … |
/// Notes` table, `Wraps GET /path`, `All URIs are relative to`, an enum page (`## Enum`
/// with `(value: …)` items or a `Name | Value` table) or a ruby oneOf page.
pub fn looks_like(text: &str) -> bool {
    // Rendered HTML mentions the same phrases but is not markdown.
    let head = text.trim_start();
    if head.starts_with('<') && (head.contains("</h") || head.contains("</p>") || head.contains("</td>")) {
        return false;
    }
    let (mut properties, mut name_type_table, mut method_heading, mut api_line) = (false, false, false, false);
    let (mut enum_heading, mut enum_values) = (false, false);
    for line in text.lines() {
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        if lower.starts_with('#') {
            match lower.trim_start_matches('#').trim().trim_end_matches(['#', ':', ' ']) {
                "properties" => properties = true,
                "parameters" | "path parameters" | "other parameters" | "return type" | "http request" | "http request headers" => method_heading = true,
                "enum" | "enum variants" => enum_heading = true,
                _ => {}
            }
        }
        let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
        // Generators' tables end in a `Notes` column (`Name | Type | Description | Notes`).
        // typescript-fetch model tables have only `Name | Type`.
        name_type_table |= compact.trim_start_matches('|').starts_with("name|type|") && compact.trim_end_matches('|').ends_with("notes");
        name_type_table |= compact.trim_matches('|') == "name|type";
        api_line |= lower.contains("all uris are relative to") || (lower.starts_with("wraps ") && http_line(t).is_some());
        api_line |= lower.contains(".openapi_one_of");
        enum_values |= lower.contains("(value: ") || ["name|value", "name|description"].contains(&compact.trim_matches('|'));
        if api_line || (name_type_table && (properties || method_heading)) || (enum_heading && enum_values) {
            return true;
        }
    }
    false
}

pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> ParsedDoc {
    interpret(file, &blocks(text), diags)
}

/// The markdown dialect the generators write (see [`markdown::options`]).
pub fn options() -> pulldown_cmark::Options {
    markdown::options()
}

/// The document as blocks with 1-based source lines.
pub fn blocks(text: &str) -> Vec<Block> {
    markdown::blocks(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        let yes = [
            "## Properties\n\n|Name | Type | Description | Notes|\n|---|---|---|---|\n",
            "# Pet\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n",
            "All URIs are relative to *http://petstore.swagger.io/v2*\n",
            "## getPet\n\nWraps GET /pets/{id}\n",
            "### Parameters\n\n| Name | Type | Description  | Notes |\n|---|---|---|---|\n",
            "# Address\n\n## Properties\n\nName | Type\n------------ | -------------\n`line1` | string\n",
            "# PlantStatus\n\n## Enum\n\n* `SEEDLING` (value: `\"seedling\"`)\n",
            "# Status\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| Active | active |\n",
            "# X::Pet\n\n```ruby\nX::Pet.openapi_one_of\n# =>\n# [\n#   :'Cat'\n# ]\n```\n",
        ];
        for t in yes {
            assert!(looks_like(t), "{t:?}");
        }
        let no = [
            "<h2>X</h2>\n<p>All URIs are relative to <em>https://x</em></p>",
            "# Hello\n\nSome prose about properties.\n",
            "Name | Type\n--|--\n",
            "",
            "wraps things up nicely\n",
            "## Enum\n\nThe word enum, no values.\n",
        ];
        for t in no {
            assert!(!looks_like(t), "{t:?}");
        }
    }
}
