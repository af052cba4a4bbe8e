//! The build's islands (docs/architecture.md): app parts that Trunk builds as WASM modules of their own, which the
//! app loads only when needed. Trunk writes them under fixed names (`broadsheet-comments.js`,
//! `broadsheet-comments_bg.wasm`); this gives them content-hashed names, so a CDN can cache them for good like the
//! rest of the build, and lists them with their integrity digests in the shell (`#broadsheet-islands`), from where
//! every page and `embed.js` hand them to `loader.js`.

use std::path::Path;

use base64::Engine;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha384};

use crate::json_block;

/// Each island: its name (as the app asks for it) and the Cargo binary Trunk builds it from.
pub const ISLANDS: [(&str, &str); 1] = [("comments", "broadsheet-comments")];

/// The id of the JSON block that lists the islands in the shell and in every page.
pub const ELEMENT_ID: &str = "broadsheet-islands";

/// Gives the islands Trunk just wrote in `site_dir` content-hashed names, and returns the list for the shell. On a
/// finished build (the compiler run again, say with `--base`) it lists the hashed files already there. `None` when
/// `site_dir` has no islands.
pub fn hash_islands(site_dir: &Path) -> std::io::Result<Option<Value>> {
    let mut listed = Map::new();
    for (name, bin) in ISLANDS {
        let (js, wasm) = (site_dir.join(format!("{bin}.js")), site_dir.join(format!("{bin}_bg.wasm")));
        let (js_name, wasm_name) = if js.exists() && wasm.exists() {
            let hash = hex(&Sha384::new().chain_update(std::fs::read(&js)?).chain_update(std::fs::read(&wasm)?).finalize()[..8]);
            let names = (format!("{bin}-{hash}.js"), format!("{bin}-{hash}_bg.wasm"));
            std::fs::rename(&js, site_dir.join(&names.0))?;
            std::fs::rename(&wasm, site_dir.join(&names.1))?;
            names
        } else {
            let prefix = format!("{bin}-");
            let mut hashed: Vec<String> = std::fs::read_dir(site_dir)?
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .filter(|f| f.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".js")).is_some_and(|hash| hash.bytes().all(|b| b.is_ascii_hexdigit())))
                .collect();
            match hashed.len() {
                0 => continue,
                1 => {
                    let js_name = hashed.remove(0);
                    let wasm_name = js_name.replace(".js", "_bg.wasm");
                    (js_name, wasm_name)
                }
                n => return Err(std::io::Error::other(format!("{n} builds of the {name} island in {}: build into an empty folder", site_dir.display()))),
            }
        };
        let (js_bytes, wasm_bytes) = (std::fs::read(site_dir.join(&js_name))?, std::fs::read(site_dir.join(&wasm_name))?);
        listed.insert(
            name.to_string(),
            json!({ "js": js_name, "wasm": wasm_name, "integrity": { "js": integrity(&js_bytes), "wasm": integrity(&wasm_bytes) } }),
        );
    }
    Ok((!listed.is_empty()).then_some(Value::Object(listed)))
}

/// The `<script type="application/json">` block that lists `islands`.
pub fn block(islands: &Value) -> String {
    json_block::block(ELEMENT_ID, islands)
}

/// The islands the shell lists (an empty object when it lists none).
pub fn listed_in(shell: &str) -> Value {
    json_block::read(shell, ELEMENT_ID).unwrap_or_else(|| json!({}))
}

/// `shell` with its island list replaced by (or given) `islands`, at the end of `<head>`.
pub fn with_islands(shell: &str, islands: &Value) -> String {
    let mut html = shell.to_string();
    if let Some(range) = json_block::range(&html, ELEMENT_ID) {
        html.replace_range(range, "");
    }
    if let Some(head_end) = html.find("</head>") {
        html.insert_str(head_end, &block(islands));
    }
    html
}

fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunks_island_files_get_content_hashed_names_and_digests() {
        let dir = std::env::temp_dir().join(format!("broadsheet-islands-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("broadsheet-comments.js"), "export default 1;").unwrap();
        std::fs::write(dir.join("broadsheet-comments_bg.wasm"), b"\0asm").unwrap();
        let listed = hash_islands(&dir).unwrap().expect("one island");
        let comments = &listed["comments"];
        let js = comments["js"].as_str().unwrap();
        assert!(js.starts_with("broadsheet-comments-") && js.ends_with(".js"), "{js}");
        assert_eq!(comments["wasm"].as_str().unwrap(), js.replace(".js", "_bg.wasm"));
        assert!(dir.join(js).exists() && !dir.join("broadsheet-comments.js").exists());
        // The digest browsers check: SHA-384 of the file, base64.
        assert_eq!(comments["integrity"]["js"], "sha384-6suxL03OA+o34JTHN80IuUKolVKUO6SuwSAcWwv+/cyKZUhgJdmnEZ0gCqufE0lU");
        // Run again on the finished build: the same list, from the hashed files.
        assert_eq!(hash_islands(&dir).unwrap(), Some(listed));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_without_islands_lists_none_and_two_builds_of_one_are_an_error() {
        let dir = std::env::temp_dir().join(format!("broadsheet-islands-none-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(hash_islands(&dir).unwrap(), None);
        for hash in ["0123456789abcdef", "fedcba9876543210"] {
            std::fs::write(dir.join(format!("broadsheet-comments-{hash}.js")), "").unwrap();
            std::fs::write(dir.join(format!("broadsheet-comments-{hash}_bg.wasm")), "").unwrap();
        }
        assert!(hash_islands(&dir).unwrap_err().to_string().contains("2 builds of the comments island"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_shell_lists_the_islands_once_whatever_it_listed_before() {
        let shell = "<html><head><title>t</title></head><body></body></html>";
        let first = with_islands(shell, &json!({ "comments": { "js": "a.js" } }));
        let second = with_islands(&first, &json!({ "comments": { "js": "b.js" } }));
        assert_eq!(second.matches(ELEMENT_ID).count(), 1);
        assert_eq!(listed_in(&second), json!({ "comments": { "js": "b.js" } }));
        assert!(second.contains("</script></head>"));
        assert_eq!(listed_in(shell), json!({}));
    }
}
