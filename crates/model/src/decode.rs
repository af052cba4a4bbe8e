//! Decoding content files: the version is checked before anything else, so a file from a newer format gives
//! "update needed" rather than a confusing field error.

use serde::de::DeserializeOwned;

use crate::format::{Envelope, FORMAT_VERSION};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file says it is of a newer format than this code understands.
    TooNew { found: u32 },
    /// Not JSON, truncated, wrong types or missing fields.
    Malformed(String),
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let envelope: Envelope = serde_json::from_slice(bytes).map_err(|e| DecodeError::Malformed(e.to_string()))?;
    check_version(&envelope)?;
    serde_json::from_slice(bytes).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// The version rule on its own, for readers that parse JSON some other way (the app in a browser).
pub fn check_version(envelope: &Envelope) -> Result<(), DecodeError> {
    match envelope.format_version {
        found if found > FORMAT_VERSION => Err(DecodeError::TooNew { found }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Teaser;
    use crate::Article;

    const ARTICLE: &str = r#"{"format_version":1,"slug":"a","section":"local","headline":"H","standfirst":"S","byline":"B","published":"2026-11-01T10:00:00Z","body":[{"type":"paragraph","text":"p"}]}"#;

    #[test]
    fn decodes_a_minimal_article() {
        let a: Article = decode(ARTICLE.as_bytes()).unwrap();
        assert_eq!(a.related, Vec::<Teaser>::new());
        assert_eq!(a.updated, None);
    }

    #[test]
    fn newer_versions_are_reported_before_field_errors() {
        let newer = r#"{"format_version":2,"something":"else"}"#;
        assert_eq!(decode::<Article>(newer.as_bytes()), Err(DecodeError::TooNew { found: 2 }));
    }

    #[test]
    fn malformed_truncated_and_wrong_typed_files_are_malformed() {
        for bad in ["", "not json", &ARTICLE[..40], r#"{"format_version":"1"}"#, r#"{"format_version":1}"#,
            &ARTICLE.replace(r#""headline":"H""#, r#""headline":7"#), "[]"]
        {
            assert!(matches!(decode::<Article>(bad.as_bytes()), Err(DecodeError::Malformed(_))), "{bad}");
        }
    }
}
