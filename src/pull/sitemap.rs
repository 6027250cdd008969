//! `sitemap.xml`: the `<loc>` URLs of a `<urlset>`, or the nested sitemaps of a
//! `<sitemapindex>`. A text scan is enough for this fixed, flat format.

#[derive(Debug, Default, PartialEq)]
pub struct Sitemap {
    /// Page URLs, in document order.
    pub pages: Vec<String>,
    /// Further sitemaps (a sitemap index).
    pub sitemaps: Vec<String>,
}

pub fn parse(xml: &str) -> Sitemap {
    let locs = locs(xml);
    if xml.contains("<sitemapindex") { Sitemap { pages: Vec::new(), sitemaps: locs } } else { Sitemap { pages: locs, sitemaps: Vec::new() } }
}

fn locs(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<loc>") {
        rest = &rest[start + 5..];
        let Some(end) = rest.find("</loc>") else { break };
        let text = rest[..end].trim();
        let text = text.strip_prefix("<![CDATA[").and_then(|t| t.strip_suffix("]]>")).unwrap_or(text);
        out.push(unescape(text.trim()));
        rest = &rest[end..];
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_urlsets_and_indexes() {
        let set = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url><loc> https://h/docs/a.html </loc></url><url><loc>https://h/docs/b?x=1&amp;y=2</loc><lastmod>2026-01-01</lastmod></url></urlset>";
        assert_eq!(parse(set), Sitemap { pages: vec!["https://h/docs/a.html".into(), "https://h/docs/b?x=1&y=2".into()], sitemaps: vec![] });
        let index = "<sitemapindex><sitemap><loc><![CDATA[https://h/s1.xml]]></loc></sitemap></sitemapindex>";
        assert_eq!(parse(index).sitemaps, ["https://h/s1.xml"]);
        assert_eq!(parse("<urlset><loc>unterminated"), Sitemap::default());
    }
}
