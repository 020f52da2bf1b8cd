//! HTML: the article text without navigation, scripts, styles and boilerplate, and the
//! metadata pages carry in `<meta>`, `<link>`, `<time>`, `<h1>` and `<title>`.
//!
//! The text comes from the page's `<article>` (the one with most paragraph text), else its
//! `<main>`, else the element holding the most paragraph text directly, else `<body>`.
//! Block elements become paragraphs joined by a blank line; whitespace inside a paragraph is
//! collapsed to single spaces.

mod charset;
mod meta;

pub(crate) use charset::decode_html;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use meta::read_metadata;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;
use tessera_doc::Metadata;

/// What a page yields: its metadata (fields it does not give left `None`) and article text
/// (empty when none was found).
#[derive(Debug, Default)]
pub(crate) struct HtmlArticle {
    pub meta: Metadata,
    pub text: String,
}

/// Extracts the article text and metadata of a whole page.
pub(crate) fn extract_article(html: &str) -> HtmlArticle {
    let document = Html::parse_document(html);
    let meta = read_metadata(&document);
    let text = article_roots(&document)
        .into_iter()
        .map(block_text)
        .find(|text| !text.is_empty())
        .unwrap_or_default();
    HtmlArticle { meta, text }
}

/// The text of an HTML fragment (a feed item's content), boilerplate left out.
pub(crate) fn html_to_text(fragment: &str) -> String {
    block_text(Html::parse_fragment(fragment).root_element())
}

/// Candidate containers of the article text, best first.
fn article_roots(document: &Html) -> Vec<ElementRef<'_>> {
    let mut roots = Vec::new();
    let mut best_article: Option<(usize, ElementRef)> = None;
    let mut main = None;
    let mut body = None;
    // Paragraph text held directly by each parent, in the order the parents were first met.
    let mut paragraph_parents: Vec<(NodeId, usize)> = Vec::new();
    let mut parent_index: HashMap<NodeId, usize> = HashMap::new();
    for element in document.root_element().descendent_elements() {
        match element.value().name() {
            "article" => {
                let score = paragraph_text_length(element);
                if best_article.is_none_or(|(best, _)| score > best) {
                    best_article = Some((score, element));
                }
            }
            "main" => {
                main.get_or_insert(element);
            }
            "body" => {
                body.get_or_insert(element);
            }
            "p" if !inside_boilerplate(element) => {
                if let Some(parent) = element.parent() {
                    let index = *parent_index.entry(parent.id()).or_insert_with(|| {
                        paragraph_parents.push((parent.id(), 0));
                        paragraph_parents.len() - 1
                    });
                    paragraph_parents[index].1 += text_length(element);
                }
            }
            _ => {}
        }
        if element.value().attr("role") == Some("main") {
            main.get_or_insert(element);
        }
    }
    roots.extend(best_article.map(|(_, article)| article));
    roots.extend(main);
    // The densest block; on a tie, the first one met.
    let densest = paragraph_parents
        .iter()
        .enumerate()
        .filter(|(_, (_, length))| *length > 0)
        .max_by_key(|(index, (_, length))| (*length, std::cmp::Reverse(*index)))
        .and_then(|(_, (id, _))| document.tree.get(*id))
        .and_then(ElementRef::wrap);
    roots.extend(densest);
    roots.extend(body);
    roots
}

fn paragraph_text_length(container: ElementRef) -> usize {
    container
        .descendent_elements()
        .filter(|element| element.value().name() == "p" && !inside_boilerplate(*element))
        .map(text_length)
        .sum()
}

fn text_length(element: ElementRef) -> usize {
    element.text().map(|text| text.trim().len()).sum()
}

fn inside_boilerplate(element: ElementRef) -> bool {
    element
        .ancestors()
        .filter_map(|node| node.value().as_element())
        .any(is_boilerplate)
}

/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "button", "select", "option", "textarea", "input", "label", "iframe", "svg", "canvas",
    "object", "embed", "video", "audio", "map", "menu", "dialog",
];

/// Words in a class or id that mark page furniture rather than article text.
const BOILERPLATE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "promo",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "paywall",
    "popup",
    "modal",
    "signup",
];

/// ARIA landmark roles of page furniture.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
];

fn is_boilerplate(element: &Element) -> bool {
    if SKIPPED_ELEMENTS.contains(&element.name())
        || element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element
            .attr("role")
            .is_some_and(|role| BOILERPLATE_ROLES.contains(&role.trim()))
    {
        return true;
    }
    let mut words = element
        .classes()
        .chain(element.id())
        .flat_map(|name| name.split(['-', '_']));
    words.any(|word| {
        BOILERPLATE_WORDS
            .iter()
            .any(|boilerplate| word.eq_ignore_ascii_case(boilerplate))
    })
}

/// Elements that start and end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
    "details",
    "summary",
];

/// The text under `root`, boilerplate subtrees left out, one paragraph per block.
fn block_text(root: ElementRef) -> String {
    let mut collector = ParagraphCollector::default();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => collector.push_text(text),
                Node::Element(element) => {
                    if node.id() != root.id() && is_boilerplate(element) {
                        skipping = Some(node.id());
                    } else if BLOCK_ELEMENTS.contains(&element.name()) {
                        collector.end_paragraph();
                    } else if element.name() == "br" {
                        collector.push_text(" ");
                    }
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node)
                if skipping.is_none()
                    && node
                        .value()
                        .as_element()
                        .is_some_and(|element| BLOCK_ELEMENTS.contains(&element.name())) =>
            {
                collector.end_paragraph();
            }
            _ => {}
        }
    }
    collector.text
}

/// Builds paragraphs joined by "\n\n", collapsing runs of whitespace to one space.
#[derive(Default)]
struct ParagraphCollector {
    text: String,
    paragraph_open: bool,
    pending_space: bool,
}

impl ParagraphCollector {
    fn push_text(&mut self, text: &str) {
        for character in text.chars() {
            if character.is_whitespace() {
                self.pending_space = self.paragraph_open;
                continue;
            }
            if !self.paragraph_open {
                if !self.text.is_empty() {
                    self.text.push_str("\n\n");
                }
                self.paragraph_open = true;
            } else if self.pending_space {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(character);
        }
    }

    fn end_paragraph(&mut self) {
        self.paragraph_open = false;
        self.pending_space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_article_and_drops_boilerplate() {
        let page = r#"<html><head><title>T | Site</title><script>var x = 1;</script></head>
            <body><nav><p>Home News Sport</p></nav>
            <article><header><h1>Heading</h1></header>
              <p>First   paragraph
                 of the story.</p>
              <div class="share-buttons"><p>Share this</p></div>
              <h2>Sub heading</h2>
              <p>Second <b>bold</b> paragraph.</p>
              <aside><p>Related link</p></aside>
            </article>
            <footer><p>Copyright</p></footer></body></html>"#;
        let article = extract_article(page);
        assert_eq!(
            article.text,
            "First paragraph of the story.\n\nSub heading\n\nSecond bold paragraph."
        );
        assert_eq!(article.meta.title.as_deref(), Some("Heading"));
    }

    #[test]
    fn without_article_or_main_takes_the_densest_block() {
        let page = r#"<body><div id="menu"><p>a</p><p>b</p></div>
            <div class="x"><p>short</p></div>
            <div class="story"><p>A long paragraph about the floods.</p><p>Another one.</p></div>
            </body>"#;
        let article = extract_article(page);
        assert_eq!(
            article.text,
            "A long paragraph about the floods.\n\nAnother one."
        );
    }

    #[test]
    fn main_is_used_when_there_is_no_article() {
        let page = "<body><div><p>Outside text that is long enough to win.</p></div><main><p>Inside.</p></main></body>";
        assert_eq!(extract_article(page).text, "Inside.");
    }

    #[test]
    fn fragments_become_paragraphs() {
        assert_eq!(
            html_to_text("<p>One &amp; two</p><script>x()</script><p>Three<br>four</p>"),
            "One & two\n\nThree four"
        );
        assert_eq!(html_to_text("plain words"), "plain words");
    }
}
