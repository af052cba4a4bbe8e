//! `embed.js`: the one stable, unhashed script URL a host page includes (docs/embedding.md). It names this build's
//! hashed JS, WASM and CSS with their integrity digests, taken from the shell Trunk wrote, and the islands the
//! shell lists (`islands.rs`), and hands them to the loader, which it carries: the built loader (`loader-HASH.js`) is copied
//! into it, so a host page waits for one script before the app's files start downloading, not for two in a row.
//! Serve it with a short cache lifetime; the hashed files it names can be cached for good.

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
    tag_range(shell, "<link", marker)
}

/// Where the opening tag of the loader's `<script>` in `shell` is, `>` included.
pub(crate) fn loader_script_range(shell: &str) -> Option<std::ops::Range<usize>> {
    tag_range(shell, "<script", LOADER_ID)
}

/// Where the first `open` tag (`<link`, `<script`) whose attributes include `marker` is, `>` included.
fn tag_range(shell: &str, open: &str, marker: &str) -> Option<std::ops::Range<usize>> {
    shell
        .match_indices(open)
        .map(|(i, _)| i..i + shell[i..].find('>').map_or(0, |end| end + 1))
        .find(|range| shell[range.clone()].contains(marker))
}

pub(crate) fn attribute(tag: &str, name: &str) -> Option<String> {
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
pub(crate) const WASM_LINK: &str = "type=\"application/wasm\"";

/// The id of the shell's `<script>` that loads the loader (Trunk.toml's `pattern_script`).
const LOADER_ID: &str = "id=\"broadsheet-loader\"";

/// The file beside `embed.js` whose text it carries: the loader the shell names, `loader-HASH.js` once
/// `tools/finish-build.mjs` has named it by its hash.
pub fn loader_file(shell: &str) -> Result<String, String> {
    let range = loader_script_range(shell).ok_or_else(|| format!("the app shell has no <script {LOADER_ID}>"))?;
    let tag = &shell[range];
    let src = attribute(tag, "src").ok_or_else(|| format!("<script {LOADER_ID}> has no src"))?;
    let path = src.split('?').next().unwrap_or_default();
    Ok(path.rsplit('/').next().unwrap_or_default().to_string())
}

/// The text of `embed.js` for the build whose shell (Trunk's `index.html`) is `shell`; `loader` is the text of the
/// build's loader (`loader_file`), which exports `boot`.
pub fn embed_script(shell: &str, loader: &str) -> Result<String, String> {
    if !loader.contains("export async function boot") {
        return Err("the loader does not export boot".to_string());
    }
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
         // for one build; it names that build's hashed files, so serve it with a short cache lifetime. The build's\n\
         // loader follows, then the call that starts the app.\n\
         {loader}\n\
         boot({assets}, new URL('./', import.meta.url));\n",
        loader = loader.trim_end()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = "const h=new URL(import.meta.url);export async function boot(e,r=h){}\n";

    const SHELL: &str = r#"<head><link rel="stylesheet" href="/news/main-1.css" integrity="sha384-c"/>
<link rel="modulepreload" href="/news/app-2.js" crossorigin="anonymous" integrity="sha384-j">
<link rel="preload" href="/news/app-2_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch" type="application/wasm"></head>"#;

    #[test]
    fn names_each_hashed_asset_with_its_digest_relative_to_the_site_root() {
        let script = embed_script(SHELL, LOADER).unwrap();
        assert!(script.contains(r#""css":"main-1.css""#), "{script}");
        assert!(script.contains(r#""js":"app-2.js""#));
        assert!(script.contains(r#""wasm":"app-2_bg.wasm""#));
        assert!(script.contains(r#""integrity":{"css":"sha384-c","js":"sha384-j","wasm":"sha384-w"}"#), "{script}");
        assert!(script.contains(r#""islands":{}"#), "{script}");
    }

    #[test]
    fn carries_the_loader_then_starts_the_app_with_it() {
        let script = embed_script(SHELL, LOADER).unwrap();
        let (loader, call) = (script.find(LOADER.trim_end()).unwrap(), script.find("boot({").unwrap());
        assert!(loader < call, "{script}");
        assert!(!script.contains("from './"), "no static import, which would be one more script to wait for: {script}");
        assert!(!script.contains("import {"), "nothing to wait for before the app's files are fetched: {script}");
        assert!(script.ends_with("new URL('./', import.meta.url));\n"), "{script}");
    }

    #[test]
    fn a_loader_without_boot_is_an_error() {
        assert!(embed_script(SHELL, "console.log(1);").unwrap_err().contains("loader"));
    }

    #[test]
    fn the_loader_is_the_file_the_shell_names_without_its_query_or_base() {
        let shell = format!(r#"{SHELL}<script type="module" id="broadsheet-loader" src="/news/loader-0123456789abcdef.js?js=app-2.js&amp;wasm=app-2_bg.wasm" integrity="sha384-l"></script>"#);
        assert_eq!(loader_file(&shell).unwrap(), "loader-0123456789abcdef.js");
        assert!(loader_file(SHELL).unwrap_err().contains("broadsheet-loader"));
    }

    #[test]
    fn names_the_islands_the_shell_lists() {
        let shell = crate::islands::with_islands(SHELL, &json!({ "comments": { "js": "c-1.js", "wasm": "c-1_bg.wasm" } }));
        let script = embed_script(&shell, LOADER).unwrap();
        assert!(script.contains(r#""islands":{"comments":{"js":"c-1.js","wasm":"c-1_bg.wasm"}}"#), "{script}");
    }

    #[test]
    fn a_shell_without_the_app_is_an_error() {
        assert!(embed_script("<head></head>", LOADER).unwrap_err().contains("stylesheet"));
    }
}
