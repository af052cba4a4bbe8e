//! `embed.js`: the one stable, unhashed script URL a host page includes (docs/embedding.md). It names this build's
//! hashed JS, WASM and CSS with their integrity digests, taken from the shell Trunk wrote, and the islands the
//! shell lists (`islands.rs`), and hands them to `loader.js`. Serve it with a short cache lifetime; the hashed files it names can be cached for good.

use serde_json::json;

/// The file name beside the app's assets.
pub const EMBED_FILE: &str = "embed.js";

/// One asset of the build: its file name (relative to the site root) and integrity digest.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Asset {
    pub name: String,
    pub integrity: Option<String>,
}

/// Where the `<link>` tag in `shell` whose attributes include `marker` (e.g. `rel="stylesheet"`) is, `>` included.
pub(crate) fn link_range(shell: &str, marker: &str) -> Option<std::ops::Range<usize>> {
    shell
        .match_indices("<link")
        .map(|(i, _)| i..i + shell[i..].find('>').map_or(0, |end| end + 1))
        .find(|range| shell[range.clone()].contains(marker))
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..start + tag[start..].find('"')?].to_string())
}

fn asset(shell: &str, marker: &str) -> Result<Asset, String> {
    let range = link_range(shell, marker).ok_or_else(|| format!("the app shell has no <link {marker}>"))?;
    asset_in(&shell[range]).ok_or_else(|| format!("<link {marker}> has no href"))
}

/// The file a `<link>` tag names (relative to the site root) and its digest; `None` without an `href`.
pub(crate) fn asset_in(tag: &str) -> Option<Asset> {
    let href = attribute(tag, "href")?;
    let name = href.rsplit('/').next().unwrap_or_default().to_string();
    Some(Asset { name, integrity: attribute(tag, "integrity") })
}

/// Trunk's link for the app's JS bindings, and for its WASM.
pub(crate) const JS_LINK: &str = "rel=\"modulepreload\"";
const WASM_LINK: &str = "type=\"application/wasm\"";

/// The text of `embed.js` for the build whose shell (Trunk's `index.html`) is `shell`.
pub fn embed_script(shell: &str) -> Result<String, String> {
    let css = asset(shell, "rel=\"stylesheet\"")?;
    let js = asset(shell, JS_LINK)?;
    let wasm = asset(shell, WASM_LINK)?;
    let assets = json!({
        "js": js.name, "wasm": wasm.name, "css": css.name,
        "integrity": { "js": js.integrity, "wasm": wasm.integrity, "css": css.integrity },
        "islands": crate::islands::listed_in(shell),
    });
    Ok(format!(
        "// Broadsheet for host pages: include this file's stable URL (docs/embedding.md). Written by broadsheet-compile\n\
         // for one build; it names that build's hashed files, so serve it with a short cache lifetime.\n\
         import {{ boot }} from './loader.js';\n\
         boot({assets}, new URL('./', import.meta.url));\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<head><link rel="stylesheet" href="/news/main-1.css" integrity="sha384-c"/>
<link rel="modulepreload" href="/news/app-2.js" crossorigin="anonymous" integrity="sha384-j">
<link rel="preload" href="/news/app-2_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch" type="application/wasm"></head>"#;

    #[test]
    fn names_each_hashed_asset_with_its_digest_relative_to_the_site_root() {
        let script = embed_script(SHELL).unwrap();
        assert!(script.contains(r#""css":"main-1.css""#), "{script}");
        assert!(script.contains(r#""js":"app-2.js""#));
        assert!(script.contains(r#""wasm":"app-2_bg.wasm""#));
        assert!(script.contains(r#""integrity":{"css":"sha384-c","js":"sha384-j","wasm":"sha384-w"}"#), "{script}");
        assert!(script.contains(r#""islands":{}"#), "{script}");
        assert!(script.contains("import { boot } from './loader.js';"));
    }

    #[test]
    fn names_the_islands_the_shell_lists() {
        let shell = crate::islands::with_islands(SHELL, &json!({ "comments": { "js": "c-1.js", "wasm": "c-1_bg.wasm" } }));
        let script = embed_script(&shell).unwrap();
        assert!(script.contains(r#""islands":{"comments":{"js":"c-1.js","wasm":"c-1_bg.wasm"}}"#), "{script}");
    }

    #[test]
    fn a_shell_without_the_app_is_an_error() {
        assert!(embed_script("<head></head>").unwrap_err().contains("stylesheet"));
    }
}
