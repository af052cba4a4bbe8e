//! A pre-rendered page asks for none of the app's code before its first paint has been shown
//! (docs/architecture.md). Its first render is its own HTML; downloading the app's files beside it slowed that
//! paint, both on a fast machine (more requests and work while the first frame is drawn) and on a slow network
//! (the 134 KiB WASM shared the bandwidth with the stylesheet and the lead picture). So every pre-rendered page
//! loses Trunk's `modulepreload` link for the JS bindings, its `preload` link for the WASM and the loader's
//! `<script>`: the loader becomes a `<meta name="broadsheet-loader">` naming it and its digest, which
//! `public/early.js` turns back into the script, with a preload link for the WASM, once the first contentful paint
//! has been recorded. The two links' digests go into a JSON block, where the loader's checked fetches find them. The
//! shell (`shell.html`) and `embed.js` keep every link and script: there the app is the first render. Only the
//! shell's WASM preload link gives its digest to such a block too (Chromium warns about it on the link).

use serde_json::{Map, Value};

use crate::embed::{asset_in, attribute, link_range, loader_script_range, Asset, JS_LINK, WASM_LINK};
use crate::json_block;

/// The id of the JSON block, `{"<file name>": "<integrity digest>"}`, that takes the preload links' digests.
pub const ELEMENT_ID: &str = "broadsheet-digests";

/// The `name` of the `<meta>` that stands for the loader's `<script>` until `early.js` adds it.
pub const LOADER_META: &str = "broadsheet-loader";

/// `html` without Trunk's preload links for the app's JS and WASM, with a `#broadsheet-digests` block naming both
/// files' digests before `</head>` (empty without the links), and with the loader's `<script>` as a `<meta>`.
pub fn deferred(html: &str) -> String {
    let mut html = html.to_string();
    let mut digests = Map::new();
    for marker in [WASM_LINK, JS_LINK] {
        if let Some(range) = take_digest(&mut html, marker, &mut digests) {
            let end = if html[range.end..].starts_with('\n') { range.end + 1 } else { range.end };
            html.replace_range(range.start..end, "");
        }
    }
    loader_as_meta(&mut html);
    insert_block(&mut html, digests);
    html
}

/// The shell as a host serves it (`shell.html`, where the app is the first render): every link and script stays,
/// but the WASM's preload link loses its `integrity`, which Chromium ignores on a preload of this kind and warns
/// about in the console, and the digest goes into a `#broadsheet-digests` block, where the loader finds it.
/// [`trunk_shell`] undoes it when the compiler reads the file back.
pub fn served_shell(html: &str) -> String {
    let mut html = html.to_string();
    let mut digests = Map::new();
    take_digest(&mut html, WASM_LINK, &mut digests);
    if !digests.is_empty() {
        insert_block(&mut html, digests);
    }
    html
}

/// Trunk's shell from a `shell.html` the compiler wrote: the WASM's digest back on its preload link, the block
/// gone. Trunk's own `index.html`, which has no block, comes back as it is.
pub fn trunk_shell(html: &str) -> String {
    let Some(block) = json_block::range(html, ELEMENT_ID) else { return html.to_string() };
    let digests = json_block::read(html, ELEMENT_ID).unwrap_or_default();
    let end = if html[block.end..].starts_with('\n') { block.end + 1 } else { block.end };
    let mut html = format!("{}{}", &html[..block.start], &html[end..]);
    if let Some(range) = link_range(&html, WASM_LINK) {
        let tag = &html[range.clone()];
        if let (Some(Asset { name, integrity: None }), Some(close)) = (asset_in(tag), tag.rfind('>')) {
            if let Some(Value::String(digest)) = digests.get(&name) {
                let close = if tag[..close].ends_with('/') { close - 1 } else { close };
                html.insert_str(range.start + close, &format!(" integrity=\"{digest}\""));
            }
        }
    }
    html
}

/// A `#broadsheet-digests` block naming `digests`, put before `</head>`.
fn insert_block(html: &mut String, digests: Map<String, Value>) {
    if let Some(head_end) = html.find("</head>") {
        html.insert_str(head_end, &format!("{}\n", json_block::block(ELEMENT_ID, &Value::Object(digests))));
    }
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

/// The loader's `<script>` (Trunk.toml's `pattern_script`) replaced by a `<meta>` with its address and digest.
fn loader_as_meta(html: &mut String) {
    let Some(start) = loader_script_range(html).map(|range| range.start) else { return };
    let Some(end) = html[start..].find("</script>").map(|end| start + end + "</script>".len()) else { return };
    let tag = &html[start..end];
    let Some(src) = attribute(tag, "src") else { return };
    let integrity = attribute(tag, "integrity").map(|i| format!(" data-integrity=\"{i}\"")).unwrap_or_default();
    let meta = format!("<meta name=\"{LOADER_META}\" content=\"{src}\"{integrity}>");
    html.replace_range(start..end, &meta);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<head><link rel="stylesheet" href="/main-1.css" integrity="sha384-c"/>
<script type="module" id="broadsheet-loader" src="/loader-0123456789abcdef.js?js=app-2.js&amp;wasm=app-2_bg.wasm" integrity="sha384-l"></script>
<link rel="modulepreload" href="/app-2.js" crossorigin="anonymous" integrity="sha384-j">
<link rel="preload" href="/app-2_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch" type="application/wasm">
</head>"#;

    #[test]
    fn the_app_code_is_named_but_not_asked_for() {
        let page = deferred(SHELL);
        assert!(!page.contains("modulepreload"), "{page}");
        assert!(!page.contains("rel=\"preload\""), "{page}");
        assert!(!page.contains("<script type=\"module\""), "{page}");
        assert!(
            page.contains(r#"<script type="application/json" id="broadsheet-digests">{"app-2.js":"sha384-j","app-2_bg.wasm":"sha384-w"}</script>"#),
            "{page}"
        );
        assert!(
            page.contains(r#"<meta name="broadsheet-loader" content="/loader-0123456789abcdef.js?js=app-2.js&amp;wasm=app-2_bg.wasm" data-integrity="sha384-l">"#),
            "{page}"
        );
        // Everything else stays.
        assert!(page.contains(r#"<link rel="stylesheet" href="/main-1.css" integrity="sha384-c"/>"#));
    }

    const LOADER: &str = "export async function boot(e,r){}\n";

    #[test]
    fn the_served_shell_keeps_every_link_and_script_and_moves_only_the_wasm_digest() {
        let served = served_shell(SHELL);
        assert!(served.contains(r#"<link rel="preload" href="/app-2_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">"#), "{served}");
        assert!(served.contains(r#"<script type="application/json" id="broadsheet-digests">{"app-2_bg.wasm":"sha384-w"}</script>"#), "{served}");
        assert!(served.contains(r#"<link rel="modulepreload" href="/app-2.js" crossorigin="anonymous" integrity="sha384-j">"#), "{served}");
        assert!(served.contains(r#"<script type="module" id="broadsheet-loader""#), "{served}");
    }

    #[test]
    fn a_served_shell_read_back_is_trunks_shell_for_every_later_step() {
        let back = trunk_shell(&served_shell(SHELL));
        assert!(!back.contains(ELEMENT_ID), "{back}");
        assert!(back.contains(r#"type="application/wasm" integrity="sha384-w">"#), "{back}");
        // What the pages, embed.js and a second serving are made from is the same as from Trunk's own shell.
        assert_eq!(deferred(&back), deferred(SHELL));
        assert!(crate::embed::embed_script(SHELL, LOADER).is_ok());
        assert_eq!(crate::embed::embed_script(&back, LOADER), crate::embed::embed_script(SHELL, LOADER));
        assert_eq!(trunk_shell(&served_shell(&back)), back);
        // Trunk's own shell has nothing to undo.
        assert_eq!(trunk_shell(SHELL), SHELL);
    }

    #[test]
    fn a_shell_without_the_links_gets_an_empty_block() {
        let page = deferred("<head><title>x</title></head>");
        assert_eq!(page, r#"<head><title>x</title><script type="application/json" id="broadsheet-digests">{}</script>
</head>"#);
    }
}
