//! Pre-rendered pages do not preload the app's JS bindings (docs/architecture.md). Their first render is their own
//! HTML, and a `modulepreload` has the browser parse and compile the bindings while that HTML is laid out and
//! painted, which slowed its first paint. So `loader.js` loads them after the page's first frame, and this moves
//! the digest it checks them against out of Trunk's link into a JSON block. The WASM keeps its `preload` link: its
//! download costs the first paint nothing measurable, and on a slow network it is most of the wait for the app.
//! Its digest moves to the block too: Chromium warns on every page that it ignores `integrity` on a preload of
//! this kind, and the loader's checked fetch gets the preloaded file with or without it (one download either way,
//! `tests/e2e/entry-pages.spec.js`). The shell (`shell.html`) and `embed.js` keep both links' digests as they are.

use serde_json::{Map, Value};

use crate::embed::{asset_in, link_range, Asset, JS_LINK, WASM_LINK};

/// The id of the JSON block, `{"<file name>": "<integrity digest>"}`, that replaces the `modulepreload` link.
pub const ELEMENT_ID: &str = "broadsheet-digests";

/// `html` without Trunk's `modulepreload` link for the app's JS and without the `integrity` of its WASM `preload`
/// link, and with a `#broadsheet-digests` block naming both files' digests before `</head>`. Without the links, the
/// block is empty.
pub fn deferred(html: &str) -> String {
    let mut html = html.to_string();
    let mut digests = Map::new();
    take_digest(&mut html, WASM_LINK, &mut digests);
    if let Some(range) = take_digest(&mut html, JS_LINK, &mut digests) {
        let end = if html[range.end..].starts_with('\n') { range.end + 1 } else { range.end };
        html.replace_range(range.start..end, "");
    }
    if let Some(head_end) = html.find("</head>") {
        let block = Value::Object(digests).to_string().replace('<', "\\u003c");
        html.insert_str(head_end, &format!("<script type=\"application/json\" id=\"{ELEMENT_ID}\">{block}</script>\n"));
    }
    html
}

/// Moves the `integrity` of the `<link>` whose attributes include `marker` into `digests`, by file name; where the
/// link now is, if there is one.
fn take_digest(html: &mut String, marker: &str, digests: &mut Map<String, Value>) -> Option<std::ops::Range<usize>> {
    let range = link_range(html, marker)?;
    let Some(Asset { name, integrity: Some(integrity) }) = asset_in(&html[range.clone()]) else {
        return Some(range);
    };
    let link = html[range.clone()].replace(&format!(" integrity=\"{integrity}\""), "");
    html.replace_range(range.clone(), &link);
    digests.insert(name, Value::String(integrity));
    Some(range.start..range.start + link.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<head><link rel="stylesheet" href="/main-1.css" integrity="sha384-c"/>
<script type="module" src="/loader.js?js=app-2.js&amp;wasm=app-2_bg.wasm"></script>
<link rel="modulepreload" href="/app-2.js" crossorigin="anonymous" integrity="sha384-j">
<link rel="preload" href="/app-2_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch" type="application/wasm">
</head>"#;

    #[test]
    fn the_modulepreload_link_becomes_a_block_of_digests() {
        let page = deferred(SHELL);
        assert!(!page.contains("modulepreload"), "{page}");
        assert!(
            page.contains(r#"<script type="application/json" id="broadsheet-digests">{"app-2.js":"sha384-j","app-2_bg.wasm":"sha384-w"}</script>"#),
            "{page}"
        );
        // Everything else stays, the WASM's preload link included (its digest is in the block).
        assert!(page.contains(r#"<link rel="preload" href="/app-2_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">"#));
        assert!(page.contains(r#"<link rel="stylesheet" href="/main-1.css" integrity="sha384-c"/>"#));
        assert!(page.contains(r#"<script type="module" src="/loader.js?js=app-2.js&amp;wasm=app-2_bg.wasm"></script>"#));
    }

    #[test]
    fn a_shell_without_the_link_gets_an_empty_block() {
        let page = deferred("<head><title>x</title></head>");
        assert_eq!(page, r#"<head><title>x</title><script type="application/json" id="broadsheet-digests">{}</script>
</head>"#);
    }
}
