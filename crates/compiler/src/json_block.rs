//! `<script type="application/json" id="…">` blocks in the HTML the compiler writes: the islands' list and the
//! app's file digests (the content block is the app's own, `broadsheet::data::embedded`).

use serde_json::Value;

fn open(id: &str) -> String {
    format!("<script type=\"application/json\" id=\"{id}\">")
}

/// The block `id` holding `value` (`<` escaped, so no text in it can close the script element).
pub fn block(id: &str, value: &Value) -> String {
    format!("{}{}</script>", open(id), value.to_string().replace('<', "\\u003c"))
}

/// Where the block `id` is in `html`, `</script>` included.
pub fn range(html: &str, id: &str) -> Option<std::ops::Range<usize>> {
    let start = html.find(&open(id))?;
    let len = html[start..].find("</script>")?;
    Some(start..start + len + "</script>".len())
}

/// What the block `id` holds; `None` without the block or with text that is not JSON.
pub fn read(html: &str, id: &str) -> Option<Value> {
    let range = range(html, id)?;
    serde_json::from_str(&html[range.start + open(id).len()..range.end - "</script>".len()]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_block_is_found_read_and_cannot_be_closed_by_its_text() {
        let html = format!("<head>{}</head>", block("b", &json!({ "a": "</script>" })));
        assert!(!html.contains("\"</script>"), "{html}");
        assert_eq!(read(&html, "b"), Some(json!({ "a": "</script>" })));
        assert_eq!(&html[range(&html, "b").unwrap()], block("b", &json!({ "a": "</script>" })));
        assert_eq!(read(&html, "c"), None);
    }
}
