//! The content files a pre-rendered entry page carries in `<script type="application/json" id="broadsheet-data">`,
//! so the app shows that page without fetching anything. Keyed by content path, as in the content tree.

use std::collections::BTreeMap;
use std::sync::Arc;

use broadsheet_model::{Article, FrontPage, Listing, Site};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::json::Json;
use crate::Config;

/// The element id of the embedded data block.
pub const ELEMENT_ID: &str = "broadsheet-data";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Embedded {
    /// Content path (`site.json`, `local/page-2.json`, …) to the file's JSON.
    pub files: BTreeMap<String, serde_json::Value>,
    /// The page is the not-found page (`404.html`, served for any address with no page of its own): the app shows
    /// not found for the address it opens at without asking for a file the build does not have.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_found: bool,
}

impl Embedded {
    /// The block's text: JSON with every `<` escaped, so no `</script>` can end the block early.
    pub fn to_script_text(&self) -> String {
        serde_json::to_string(self).expect("JSON values always serialize").replace('<', "\\u003c")
    }
}

/// Puts every embedded file into the data cache under its URL, decoded as the content file its path names.
/// Files that do not decode are skipped (the app then fetches them). Returns how many were taken.
pub fn seed_cache(config: &Config, text: &str) -> usize {
    let Some(files) = Json::parse(text).ok().and_then(|block| block.field("files")) else { return 0 };
    let mut taken = 0;
    for (path, value) in files.entries() {
        let url = config.content_url(&path);
        let ok = if path == broadsheet_model::route::SITE_PATH {
            take::<Site>(url, value, &path)
        } else if path == "front.json" {
            take::<FrontPage>(url, value, &path)
        } else if path.ends_with("/article.json") {
            take::<Article>(url, value, &path)
        } else if path.contains("/page-") {
            take::<Listing>(url, value, &path)
        } else {
            false
        };
        taken += usize::from(ok);
    }
    taken
}

/// Whether the block is the not-found page's (see [`Embedded::not_found`]).
pub fn shows_not_found(text: &str) -> bool {
    // Only the compiler writes the block, and a quote inside a JSON string is always escaped: the member can only be
    // the flag itself.
    text.contains(r#""not_found":true"#)
}

/// Decodes one embedded file as `T` and caches it; false when it does not decode.
fn take<T: DeserializeOwned + Send + Sync + 'static>(url: String, file: Json, path: &str) -> bool {
    // Its size as a file, for the cache's byte budget.
    let bytes = file.to_text().map_or(0, |text| text.len());
    match file.decode_content::<T>() {
        Ok(value) => {
            super::remember(url, Arc::new(value), bytes, path);
            true
        }
        Err(_) => false,
    }
}
