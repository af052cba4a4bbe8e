//! JSON in and out of the app. In the browser the browser's own `JSON.parse` and `JSON.stringify` do the text
//! work and serde-wasm-bindgen maps their values to the model's types, so the app ships no JSON parser of its
//! own (docs/architecture.md, "JSON through the browser"). Natively (pre-rendering, tests) serde_json does the
//! same job. Either way the model's serde types and their rules decide what is valid.

use broadsheet_model::decode::{check_version, DecodeError};
use broadsheet_model::format::Envelope;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A parsed JSON value, not yet given a type.
#[derive(Clone)]
pub struct Json(Value);

#[cfg(target_arch = "wasm32")]
type Value = wasm_bindgen::JsValue;
#[cfg(not(target_arch = "wasm32"))]
type Value = serde_json::Value;

impl Json {
    /// Parses JSON text; the error says why it is not JSON.
    pub fn parse(text: &str) -> Result<Json, String> {
        // serde_json refuses deeper nesting; serde-wasm-bindgen would recurse until the WASM stack overflows.
        if nesting_depth(text) > MAX_DEPTH {
            return Err(format!("nested more than {MAX_DEPTH} levels deep"));
        }
        #[cfg(target_arch = "wasm32")]
        let value = js_sys::JSON::parse(text).map_err(|e| {
            e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "not JSON".into())
        })?;
        #[cfg(not(target_arch = "wasm32"))]
        let value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        Ok(Json(value))
    }

    /// The members of an object, in order; nothing when this is not an object.
    pub fn entries(&self) -> Vec<(String, Json)> {
        #[cfg(target_arch = "wasm32")]
        {
            if !self.0.is_object() || js_sys::Array::is_array(&self.0) {
                return vec![];
            }
            js_sys::Object::entries(self.0.unchecked_ref())
                .iter()
                .filter_map(|pair| {
                    let pair: js_sys::Array = pair.unchecked_into();
                    Some((pair.get(0).as_string()?, Json(pair.get(1))))
                })
                .collect()
        }
        #[cfg(not(target_arch = "wasm32"))]
        match &self.0 {
            serde_json::Value::Object(members) => members.iter().map(|(k, v)| (k.clone(), Json(v.clone()))).collect(),
            _ => vec![],
        }
    }

    /// The member `key` of an object.
    pub fn field(&self, key: &str) -> Option<Json> {
        self.entries().into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// This value as a `T`; the error names the first field that does not fit.
    pub fn decode<T: DeserializeOwned>(self) -> Result<T, String> {
        #[cfg(target_arch = "wasm32")]
        return serde_wasm_bindgen::from_value(self.0).map_err(|e| e.to_string());
        #[cfg(not(target_arch = "wasm32"))]
        serde_json::from_value(self.0).map_err(|e| e.to_string())
    }

    /// This value as a content file of type `T`: its `format_version` is checked first, so a file from a newer
    /// format is "update needed" rather than a confusing field error.
    pub fn decode_content<T: DeserializeOwned>(self) -> Result<T, DecodeError> {
        let envelope: Envelope = self.clone().decode().map_err(DecodeError::Malformed)?;
        check_version(&envelope)?;
        self.decode().map_err(DecodeError::Malformed)
    }

    /// The value written back as JSON text; `None` for a value JSON cannot hold.
    pub fn to_text(&self) -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        return js_sys::JSON::stringify(&self.0).ok().and_then(|s| s.as_string());
        #[cfg(not(target_arch = "wasm32"))]
        Some(self.0.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// The deepest nesting of arrays and objects a file may have: what serde_json accepts.
const MAX_DEPTH: usize = 127;

/// How deep arrays and objects nest in `text`, brackets inside strings not counted.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for byte in text.bytes() {
        match (in_string, byte) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A content file's bytes as a `T` (see [`Json::decode_content`]).
pub fn decode_content<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::Malformed("not UTF-8 text".into()))?;
    Json::parse(text).map_err(DecodeError::Malformed)?.decode_content()
}

/// JSON text as a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    Json::parse(text)?.decode()
}

/// A value as JSON text (objects for maps, as any JSON reader expects).
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
        Json(value).to_text().ok_or_else(|| "cannot be written as JSON".into())
    }
    #[cfg(not(target_arch = "wasm32"))]
    serde_json::to_string(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use broadsheet_model::Article;

    const ARTICLE: &str = r#"{"format_version":1,"slug":"a","section":"local","headline":"H","standfirst":"S","byline":"B","published":"2026-11-01T10:00:00Z","body":[{"type":"paragraph","text":"p"},{"type":"video","src":"v.mp4"}]}"#;

    #[test]
    fn content_files_decode_with_the_version_checked_first() {
        let article: Article = decode_content(ARTICLE.as_bytes()).unwrap();
        assert_eq!(article.body.len(), 2);
        assert_eq!(decode_content::<Article>(br#"{"format_version":9}"#), Err(DecodeError::TooNew { found: 9 }));
        assert!(matches!(decode_content::<Article>(b"\xff{}"), Err(DecodeError::Malformed(_))));
        assert!(matches!(decode_content::<Article>(&ARTICLE.as_bytes()[..50]), Err(DecodeError::Malformed(_))));
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused_and_brackets_in_strings_do_not_count() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(nesting_depth(&deep(MAX_DEPTH)), MAX_DEPTH);
        assert!(Json::parse(&deep(MAX_DEPTH)).is_ok());
        assert!(Json::parse(&deep(MAX_DEPTH + 1)).is_err());
        assert_eq!(nesting_depth(r#"{"a":"[[[{\"[","b":[1]}"#), 2);
    }

    #[test]
    fn objects_list_their_members_and_other_values_none() {
        let doc = Json::parse(r#"{"files":{"a.json":{"x":1},"b.json":[]}}"#).unwrap();
        let files = doc.field("files").unwrap().entries();
        assert_eq!(files.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["a.json", "b.json"]);
        assert!(files[1].1.entries().is_empty());
        assert_eq!(files[0].1.to_text().as_deref(), Some(r#"{"x":1}"#));
    }

    #[test]
    fn values_round_trip_through_text() {
        let map = std::collections::BTreeMap::from([("k".to_string(), vec![1u32, 2])]);
        let text = to_string(&map).unwrap();
        assert_eq!(text, r#"{"k":[1,2]}"#);
        assert_eq!(from_str::<std::collections::BTreeMap<String, Vec<u32>>>(&text).unwrap(), map);
    }
}
