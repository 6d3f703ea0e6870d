//! Members' Markdown to HTML that is safe to show to others.
//!
//! Two layers, so a mistake in one is caught by the other. pulldown-cmark parses the text
//! with raw HTML turned into plain text (a post can *show* `<script>` but never contain one)
//! and images turned into their alt text (no remote images: they would tell a third party who
//! read the post). ammonia then cleans the HTML with an allow-list: a few text tags, links
//! only to http, https and mailto, each with `rel="nofollow ugc noopener"`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::LazyLock;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "br",
        "em",
        "strong",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
    ])
    .add_tag_attributes("a", ["href"])
    .add_tag_attributes("ol", ["start"])
    .url_schemes(HashSet::from(["http", "https", "mailto"]))
    .link_rel(Some("nofollow ugc noopener"));
    b
});

/// The HTML of a member's post.
pub fn render(text: &str) -> String {
    let events = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        // A post sits under the page's own headings, so its headings start at level 3.
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Some(Event::Start(Tag::Heading { level: level.max(HeadingLevel::H3), id, classes, attrs }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(level.max(HeadingLevel::H3)))),
        // Titles add nothing a reader needs; dropping them keeps the output to the allow-list.
        Event::Start(Tag::Link { link_type, dest_url, id, .. }) => {
            Some(Event::Start(Tag::Link { link_type, dest_url, title: CowStr::Borrowed(""), id }))
        }
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    CLEANER.clean(&html).to_string()
}

/// Rendered members' Markdown, kept in memory by what it is and when it was last edited: a
/// thread page shows 50 posts, and cleaning each one's HTML again on every view was most of
/// the page's cost. Small texts only, so the memory stays bounded (`CAPACITY` × `KEEP_BELOW`
/// bytes at most).
pub struct Rendered(crate::kept::Kept<(Source, i64), String>);

const CAPACITY: usize = 8_192;
const KEEP_BELOW: usize = 4_096;

impl Default for Rendered {
    fn default() -> Self {
        Self(crate::kept::Kept::new(CAPACITY))
    }
}

/// Which text of which row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    Post,
    GroupAbout,
    GroupRules,
}

impl Rendered {
    /// The HTML of `text`, the `source` of row `id`, last edited at `edited` (Unix seconds, 0
    /// if never).
    pub fn get(&self, source: Source, id: i64, edited: i64, text: &str) -> std::sync::Arc<String> {
        if let Some(html) = self.0.get(&(source, id), edited) {
            return html;
        }
        let html = std::sync::Arc::new(render(text));
        if html.len() < KEEP_BELOW {
            self.0.put((source, id), edited, std::sync::Arc::clone(&html));
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn ordinary_markdown_stays_readable() {
        assert_eq!(render("ok"), "<p>ok</p>\n");
        let html = render("**Heat** helps, _sometimes_.\n\n> me too\n\n- walk\n- rest\n\n# Big");
        for part in
            ["<strong>Heat</strong>", "<em>sometimes</em>", "<blockquote>", "<li>walk</li>", "<h3>Big</h3>"]
        {
            assert!(html.contains(part), "{part} in {html}");
        }
    }

    #[test]
    fn links_are_marked_as_members_links() {
        let html = render("[pacing](https://example.org/pacing)");
        assert!(html.contains(r#"href="https://example.org/pacing""#), "{html}");
        assert!(html.contains(r#"rel="nofollow ugc noopener""#), "{html}");
    }
}
