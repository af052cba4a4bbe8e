//! Which URLs from content may reach the page. Content is data: a URL that could run script or load from an
//! unexpected place is dropped, never rendered.

/// An image `src` from content, resolved against the content root: https URLs and relative paths only.
pub fn image_url(src: &str, content_base: &str) -> Option<String> {
    let src = src.trim();
    if src.starts_with("https://") && !src.contains(char::is_whitespace) {
        return Some(src.to_string());
    }
    is_plain_relative(src).then(|| format!("{content_base}{src}"))
}

/// A link or endpoint URL from content or configuration: http(s) URLs and same-origin absolute paths only (no
/// `javascript:`, `data:` or protocol-relative `//host` URLs).
pub fn link_url(href: &str) -> Option<&str> {
    let href = href.trim();
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    let absolute = (lower.starts_with("https://") && href.len() > 8) || (lower.starts_with("http://") && href.len() > 7);
    let path = href.starts_with('/') && !href.starts_with("//") && !href.contains('\\');
    let clean = !href.chars().any(|c| c.is_whitespace() || c.is_control());
    ((absolute || path) && clean).then_some(href)
}

/// A relative path without a scheme, authority, parent steps, backslashes or percent escapes (a browser reads
/// `%2e%2e` as `..`), or a query or fragment (a file named `chart#2.svg` would be asked for as `chart`).
fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.bytes().any(|b| matches!(b, b':' | b'\\' | b'%' | b'?' | b'#'))
        && !path.split('/').any(|seg| seg == "..")
        && !path.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        for good in ["https://news.example/comments", "http://127.0.0.1:9/c", "/api/comments", "HTTPS://A.EXAMPLE/x"] {
            assert_eq!(link_url(good), Some(good), "{good}");
        }
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example/x", "https://",
            "vbscript:x", "relative/path", "/a b", "/a\\b", "", "http://a\nb"]
        {
            assert_eq!(link_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn images() {
        assert_eq!(image_url("images/a.svg", "/content/").unwrap(), "/content/images/a.svg");
        assert_eq!(image_url("https://cdn.example/a.jpg", "/c/").unwrap(), "https://cdn.example/a.jpg");
        for bad in ["javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "http://x/a.jpg", "//evil/a.jpg",
            "/abs.svg", "../up.svg", "a/../../b.svg", "", "JaVaScRiPt:alert(1)", "a b.svg", "%2e%2e/%2e%2e/admin/x",
            "a/%2E%2E/b.svg", "images/chart#2.svg", "images/a.svg?v=2"]
        {
            assert_eq!(image_url(bad, "/c/"), None, "{bad}");
        }
    }
}
