//! Page chrome: what doc sites print around the content (buttons, tabs, navigation,
//! feedback widgets). Never a field, a title or a description.

/// Exact lines (compared in lower case, trailing punctuation removed).
const LINES: &[&str] = &[
    "copy",
    "copied",
    "copied!",
    "copy to clipboard",
    "copy code",
    "try it",
    "try it!",
    "try it out",
    "send",
    "send request",
    "send api request",
    "run",
    "run in postman",
    "run in insomnia",
    "was this page helpful?",
    "was this page helpful",
    "did this page help you?",
    "yes",
    "no",
    "expand all",
    "show source",
    "plain text",
    "collapse all",
    "show child attributes",
    "hide child attributes",
    "show child parameters",
    "hide child parameters",
    "show properties",
    "hide properties",
    "show attributes",
    "hide attributes",
    "show all",
    "hide all",
    "on this page",
    "in this article",
    "table of contents",
    "edit this page",
    "edit on github",
    "ask ai",
    "previous",
    "next",
    "loading",
    "loading...",
    "language",
    "curl",
    "shell",
    "bash",
    "node",
    "node.js",
    "nodejs",
    "python",
    "ruby",
    "php",
    "go",
    "java",
    "c#",
    "csharp",
    ".net",
    "javascript",
    "typescript",
    "kotlin",
    "swift",
    "rust",
    "http",
    "json",
    "xml",
    "yaml",
    "text",
    "powershell",
    "wget",
    "httpie",
    "javascript (fetch)",
    "python (requests)",
    "example value",
    "schema",
    "model",
    "content type",
    "content-type",
    "media type",
    "response content type",
    "parameter content type",
    "application/json",
    "text/plain",
    "*/*",
    "credentials",
    "base url",
    "server",
    "servers",
    "click try it! to start a request and see the response here!",
    "or choose an example:",
    "choose an example:",
    "select",
    "required scopes",
    "scopes",
    "payload",
    "expand",
    "collapse",
    "more",
    "less",
    "view more",
    "see more",
    "show more",
    "show less",
    "feedback",
    "share feedback",
    "report an issue",
    "thumbs up",
    "thumbs down",
    "helpful",
    "not helpful",
    "explorer",
    "api explorer",
    "playground",
    "open in playground",
    "open playground",
    "test request",
    "authorize",
    "log in",
    "sign in",
    "sign up",
    "public",
    "documentation settings",
    "environment",
    "no environment",
    "layout",
    "double column",
    "single column",
    "view more",
    "server-side language",
    "client-side language",
    "select language",
];

/// Prefixes of chrome lines (`Built with Mintlify`, `Last updated 3 days ago`).
const PREFIXES: &[&str] = &[
    "built with ",
    "powered by ",
    "last updated",
    "updated ",
    "© ",
    "copyright ",
    "show ",
    "hide ",
    "click try it",
    "log in to see",
    "was this ",
    "did this page",
    "how helpful",
    "rate this page",
    "jump to",
    "skip to",
    "loading",
];

pub fn is_chrome(line: &str) -> bool {
    let l = line.trim().trim_end_matches(['.', ':', '!', ' ', '⚡', '→']).to_lowercase();
    if l.is_empty() {
        return true;
    }
    LINES.contains(&l.as_str())
        || PREFIXES.iter().any(|p| l.starts_with(p) && (!p.starts_with("show") && !p.starts_with("hide") || l.split_whitespace().count() <= 4))
        || glued_chrome(line.trim())
}

/// Buttons a copy glued together (`Expand allCollapse all`, `CopyAsk AI`).
fn glued_chrome(line: &str) -> bool {
    let mut pieces = Vec::new();
    let (mut start, mut prev) = (0, ' ');
    for (i, c) in line.char_indices() {
        if c.is_uppercase() && prev.is_lowercase() {
            pieces.push(&line[start..i]);
            start = i;
        }
        prev = c;
    }
    pieces.push(&line[start..]);
    pieces.len() > 1 && pieces.iter().all(|p| LINES.contains(&p.trim().to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines() {
        for l in ["Copy", "Try it", "Was this page helpful?", "Show 3 properties", "Built with Mintlify", "cURL", "Expand all", "Expand allCollapse all"] {
            assert!(is_chrome(l), "{l}");
        }
        for l in ["Create a pet", "limit", "Show the pets of a user that match the filter given in the query"] {
            assert!(!is_chrome(l), "{l}");
        }
    }
}
