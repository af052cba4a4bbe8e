//! Unknown keys in the newsroom's JSON sources (`site.json`, `comments/*.json`). The app ignores fields it does not
//! know, so a misspelt one there would be dropped without a word; the compiler names it, with its line.

use std::path::Path;

use crate::error::SourceError;

/// One step from a JSON document's root towards an object in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// An object key and where it is: the steps to the object holding it, and its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyAt {
    pub object: Vec<Step>,
    pub key: String,
    pub line: usize,
}

/// The field names an object may have and how to call it in a message (`"a section"`), by where it is; `None` for
/// objects that are not checked.
pub type Known<'a> = &'a dyn Fn(&[Step]) -> Option<(&'static [&'static str], &'static str)>;

/// An error for each key of `text` that `known` does not list for its object, worded like front matter's. Nothing
/// when `text` is not JSON: decoding it reports that, with its line.
pub fn unknown_keys(file: &Path, text: &str, known: Known) -> Vec<SourceError> {
    if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
        return vec![];
    }
    object_keys(text)
        .into_iter()
        .filter_map(|at| {
            let (fields, what) = known(&at.object)?;
            let message = format!("unknown field in {what}; expected one of {}", fields.join(", "));
            (!fields.contains(&at.key.as_str())).then(|| SourceError::new(file, Some(at.line), Some(&at.key), message))
        })
        .collect()
}

/// Every object key of `text`, which must be valid JSON, in document order.
pub fn object_keys(text: &str) -> Vec<KeyAt> {
    let mut keys = vec![];
    // Per open object or array: the step to its current member, and (objects) whether a key comes next.
    let mut open: Vec<(Step, bool)> = vec![];
    let mut line = 1;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '{' => open.push((Step::Key(String::new()), true)),
            '[' => open.push((Step::Index(0), false)),
            '}' | ']' => {
                open.pop();
            }
            ',' => match open.last_mut() {
                Some((Step::Index(i), _)) => *i += 1,
                Some((Step::Key(_), key_next)) => *key_next = true,
                None => {}
            },
            '"' => {
                let string = read_string(&mut chars);
                if let Some((Step::Key(current), key_next @ true)) = open.last_mut() {
                    *current = string.clone();
                    *key_next = false;
                    let object = open[..open.len() - 1].iter().map(|(step, _)| step.clone()).collect();
                    keys.push(KeyAt { object, key: string, line });
                }
            }
            _ => {}
        }
    }
    keys
}

/// The rest of a JSON string whose opening quote was just read, decoded. Valid JSON strings hold no raw line breaks,
/// so lines are not miscounted.
fn read_string(chars: &mut std::str::Chars) -> String {
    let mut raw = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => {
                raw.push(c);
                raw.extend(chars.next());
            }
            _ => raw.push(c),
        }
    }
    serde_json::from_str(&format!("\"{raw}\"")).unwrap_or(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_carry_their_object_and_line() {
        let text = "{\n \"a\": [ {\"b\": \"x:\", \"c\": {\"d\": 1}},\n {\"b\": 2} ],\n \"e\\u0066\": \"{[\\\"\"\n}";
        let got: Vec<(Vec<Step>, String, usize)> = object_keys(text).into_iter().map(|k| (k.object, k.key, k.line)).collect();
        let a = |i| vec![Step::Key("a".into()), Step::Index(i)];
        let c = [a(0), vec![Step::Key("c".into())]].concat();
        let want = [(vec![], "a", 2), (a(0), "b", 2), (a(0), "c", 2), (c, "d", 2), (a(1), "b", 3), (vec![], "ef", 4)];
        assert_eq!(got, want.map(|(object, key, line)| (object, key.to_string(), line)));
    }

    #[test]
    fn only_listed_objects_are_checked() {
        let known: Known = &|object| matches!(object, [Step::Index(_)]).then_some((&["id", "text"][..], "a comment"));
        let errors = unknown_keys(Path::new("c.json"), "[{\"id\": \"1\",\n \"txet\": \"x\", \"more\": {\"z\": 1}}]", known);
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["c.json:2: `txet`: unknown field in a comment; expected one of id, text", "c.json:2: `more`: unknown field in a comment; expected one of id, text"]);
        assert!(unknown_keys(Path::new("c.json"), "[{\"txet\": ", known).is_empty(), "not JSON: left to the decoder");
    }
}
