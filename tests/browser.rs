//! Browser tests: components mounted into a real DOM in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown`). They check what a reader's browser ends up with, not internals.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use broadsheet::components::blocks::BodyBlock;
use broadsheet::components::SectionNav;
use broadsheet::pages::{ArticlePage, SectionPage};
use broadsheet::Config;
use broadsheet_model::{Article, Block, Image, Listing, Route, Section, Site, Teaser};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const XSS: &str = "<img src=x onerror=\"document.body.dataset.pwned='1'\">";

fn site() -> Arc<Site> {
    let section = |slug: &str, title: &str, aggregate: bool| Section {
        slug: slug.into(),
        title: title.into(),
        description: String::new(),
        aggregate,
    };
    Arc::new(Site {
        format_version: 1,
        name: "Test Daily".into(),
        language: "en".into(),
        description: String::new(),
        page_size: 2,
        sections: vec![section("latest", "Latest News", true), section("local", "Local News", false)],
        comment_endpoint: None,
        url: None,
    })
}

fn teaser(slug: &str) -> Teaser {
    Teaser {
        slug: slug.into(),
        section: "local".into(),
        headline: format!("Headline {slug}"),
        standfirst: "Standfirst".into(),
        published: "2026-11-24T07:15:00+00:00".into(),
        image: None,
    }
}

/// Mounts `view` into a fresh element under `/news/` and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(Config::new("/news/", None));
        view()
    })
    .forget();
    host
}

fn all(host: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

#[wasm_bindgen_test]
fn article_text_is_rendered_as_text_never_as_markup() {
    let article = Arc::new(Article {
        format_version: 1,
        slug: "a".into(),
        section: "local".into(),
        headline: XSS.into(),
        standfirst: "<b>bold?</b>".into(),
        byline: XSS.into(),
        published: "2026-11-24T07:15:00+00:00".into(),
        updated: None,
        image: Some(Image { src: "javascript:alert(1)".into(), alt: XSS.into(), caption: XSS.into(), width: 4, height: 3 }),
        body: vec![Block::Paragraph { text: format!("<script>document.body.dataset.pwned='2'</script>{XSS}") }],
        related: vec![],
        reading_minutes: Some(1),
    });
    let host = mount(move || view! { <ArticlePage site=site() article=article/> });
    assert_eq!(all(&host, "h1")[0].text_content().unwrap(), XSS);
    assert!(all(&host, "img, script, b").is_empty(), "no element came from content text");
    assert!(host.text_content().unwrap().contains("<b>bold?</b>"));
    let body = web_sys::window().unwrap().document().unwrap().body().unwrap();
    assert_eq!(body.get_attribute("data-pwned"), None);
}

#[wasm_bindgen_test]
fn unknown_block_kinds_are_skipped_and_known_ones_rendered() {
    let blocks = vec![
        Block::Paragraph { text: "one".into() },
        Block::Unknown,
        Block::Subheading { text: "sub".into() },
        Block::PullQuote { text: "quote".into(), attribution: "Someone".into() },
        Block::ReadMore { slug: "b".into(), section: "local".into(), headline: "Other story".into() },
        Block::Image(Image { src: "images/a.svg".into(), alt: "A picture".into(), caption: "Cap".into(), width: 1200, height: 675 }),
    ];
    let host = mount(move || blocks.into_iter().map(|block| view! { <BodyBlock block=block/> }).collect_view());
    assert_eq!(host.child_element_count(), 5);
    assert_eq!(all(&host, "h2")[0].text_content().unwrap(), "sub");
    assert_eq!(all(&host, "blockquote p")[0].text_content().unwrap(), "quote");
    assert_eq!(all(&host, "figcaption")[0].text_content().unwrap(), "Someone");
    let link = &all(&host, ".bs-readmore a")[0];
    assert_eq!(link.get_attribute("href").unwrap(), "/news/local/b/");
    assert_eq!(link.text_content().unwrap(), "Other story");
    let img = &all(&host, "img")[0];
    assert_eq!(img.get_attribute("src").unwrap(), "/news/content/images/a.svg");
    assert_eq!((img.get_attribute("width").unwrap(), img.get_attribute("height").unwrap()), ("1200".into(), "675".into()));
    assert_eq!(img.get_attribute("loading").unwrap(), "lazy");
}

#[wasm_bindgen_test]
fn the_nav_marks_the_current_section_only() {
    let host = mount(|| view! { <SectionNav site=Some(site()) current=Some(Route::article("local", "x"))/> });
    let links = all(&host, "a");
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].get_attribute("aria-current"), None);
    assert_eq!(links[1].get_attribute("aria-current").unwrap(), "true");
    assert_eq!(links[1].get_attribute("href").unwrap(), "/news/local/");

    let host = mount(|| view! { <SectionNav site=Some(site()) current=Some(Route::section("latest"))/> });
    assert_eq!(all(&host, "a")[0].get_attribute("aria-current").unwrap(), "page");

    // A page not found marks nothing.
    let host = mount(|| view! { <SectionNav site=Some(site()) current=None/> });
    assert!(all(&host, "a").iter().all(|a| a.get_attribute("aria-current").is_none()));
}

#[wasm_bindgen_test]
fn a_data_base_is_read_as_the_address_bar_spells_it() {
    assert_eq!(broadsheet::platform::attribute_base("/actualités/"), "/actualit%C3%A9s/");
    assert_eq!(broadsheet::platform::attribute_base("my news"), "/my%20news");
    assert_eq!(broadsheet::platform::attribute_base(" /news/ "), "/news/");
}

#[wasm_bindgen_test]
fn a_middle_listing_page_links_to_newer_and_older_pages() {
    let listing = Arc::new(Listing {
        format_version: 1,
        section: "local".into(),
        title: "Local News".into(),
        description: String::new(),
        page: 2,
        page_size: 2,
        total: 5,
        pages: 3,
        items: vec![teaser("c"), teaser("d")],
    });
    let host = mount(move || view! { <SectionPage site=site() listing=listing/> });
    let pager: Vec<(String, String)> = all(&host, ".bs-pager a")
        .iter()
        .map(|a| (a.text_content().unwrap(), a.get_attribute("href").unwrap()))
        .collect();
    assert_eq!(pager, [("← Newer".into(), "/news/local/".into()), ("Older →".into(), "/news/local/page/3/".into())]);
    let cards: Vec<String> = all(&host, ".bs-card__link").iter().map(|a| a.get_attribute("href").unwrap()).collect();
    assert_eq!(cards, ["/news/local/c/", "/news/local/d/"]);
    let time = &all(&host, "time")[0];
    assert_eq!(time.get_attribute("datetime").unwrap(), "2026-11-24T07:15:00+00:00");
    // At the test browser's own offset, in the page's house style.
    let label = time.text_content().unwrap();
    let zone = label.rsplit(' ').next().unwrap();
    assert!(label.starts_with("Nov 2") && label.contains(", 2026, ") && zone.starts_with("UTC"), "{label}");
}

#[wasm_bindgen_test]
fn the_panic_view_replaces_only_the_app_root_and_offers_a_reload() {
    let document = web_sys::window().unwrap().document().unwrap();
    let neighbour = document.create_element("p").unwrap();
    neighbour.set_text_content(Some("host content"));
    document.body().unwrap().append_child(&neighbour).unwrap();
    let root = mount(|| view! { <p class="bs-story">"a story"</p> });
    broadsheet::platform::show_panic_view_in(&root);
    let text = root.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(!text.contains("a story"));
    assert_eq!(root.query_selector("[role=alert] button").unwrap().unwrap().text_content().unwrap(), "Reload");
    assert_eq!(neighbour.text_content().unwrap(), "host content");
}

/// In the browser, content is parsed by `JSON.parse` and typed by serde-wasm-bindgen, not serde_json: the same
/// files must decode, and the same bad files must fail, as natively.
#[wasm_bindgen_test]
fn content_decodes_in_the_browser_as_it_does_natively() {
    use broadsheet::data::json::{decode_content, from_str, to_string};
    use broadsheet_model::decode::DecodeError;

    const ARTICLE: &str = r#"{"format_version":1,"slug":"a","section":"local","headline":"H <b>","standfirst":"S","byline":"B","published":"2026-11-01T10:00:00Z","body":[{"type":"paragraph","text":"p"},{"type":"video","src":"x.mp4"},{"type":"pull_quote","text":"q"}]}"#;
    let article: Article = decode_content(ARTICLE.as_bytes()).unwrap();
    assert_eq!(article.headline, "H <b>");
    assert_eq!(article.body, vec![
        Block::Paragraph { text: "p".into() },
        Block::Unknown,
        Block::PullQuote { text: "q".into(), attribution: String::new() },
    ]);
    assert_eq!(decode_content::<Article>(br#"{"format_version":2,"x":1}"#), Err(DecodeError::TooNew { found: 2 }));
    let bad = [
        "".to_string(), "not json".into(), ARTICLE[..40].into(), r#"{"format_version":"1"}"#.into(), r#"{"format_version":1}"#.into(),
        ARTICLE.replace(r#""headline":"H <b>""#, r#""headline":7"#), "[]".into(), r#"{"format_version":1.5}"#.into(),
        ARTICLE.replace(r#""text":"p""#, r#""text":null"#), ARTICLE.replace("2026", "\u{0}"),
        // Deep nesting inside a block of an unknown kind: refused, not a stack overflow.
        ARTICLE.replace(r#""src":"x.mp4""#, &format!(r#""src":{}{}"#, "[".repeat(5000), "]".repeat(5000))),
    ];
    for text in bad {
        assert!(matches!(decode_content::<Article>(text.as_bytes()), Err(DecodeError::Malformed(_))), "{text}");
    }
    // Maps go out as objects, as any JSON reader expects, and come back the same.
    let map = std::collections::BTreeMap::from([("k".to_string(), vec![Some(1u32), None])]);
    let text = to_string(&map).unwrap();
    assert_eq!(text, r#"{"k":[1,null]}"#);
    assert_eq!(from_str::<std::collections::BTreeMap<String, Vec<Option<u32>>>>(&text).unwrap(), map);
}
