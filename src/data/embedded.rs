//! The content files a pre-rendered entry page carries in `<script type="application/json" id="broadsheet-data">`,
//! so the app shows that page without fetching anything. Keyed by content path, as in the content tree.

use std::collections::BTreeMap;
use std::sync::Arc;

use broadsheet_model::comments::CommentsFile;
use broadsheet_model::decode::decode;
use broadsheet_model::{Article, FrontPage, Listing, Site};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::Config;

/// The element id of the embedded data block.
pub const ELEMENT_ID: &str = "broadsheet-data";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Embedded {
    /// Content path (`site.json`, `local/page-2.json`, …) to the file's JSON.
    pub files: BTreeMap<String, serde_json::Value>,
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
    let Ok(embedded) = serde_json::from_str::<Embedded>(text) else { return 0 };
    let mut taken = 0;
    for (path, value) in embedded.files {
        let Ok(bytes) = serde_json::to_vec(&value) else { continue };
        let url = config.content_url(&path);
        let ok = if path == broadsheet_model::route::SITE_PATH {
            take::<Site>(url, &bytes, &path)
        } else if path == "front.json" {
            take::<FrontPage>(url, &bytes, &path)
        } else if path.ends_with("/article.json") {
            take::<Article>(url, &bytes, &path)
        } else if path.ends_with("/comments.json") {
            take::<CommentsFile>(url, &bytes, &path)
        } else if path.contains("/page-") {
            take::<Listing>(url, &bytes, &path)
        } else {
            false
        };
        taken += usize::from(ok);
    }
    taken
}

/// Decodes one embedded file as `T` and caches it; false when it does not decode.
fn take<T: DeserializeOwned + Send + Sync + 'static>(url: String, bytes: &[u8], path: &str) -> bool {
    match decode::<T>(bytes) {
        Ok(value) => {
            super::remember(url, Arc::new(value), bytes.len(), path);
            true
        }
        Err(_) => false,
    }
}
