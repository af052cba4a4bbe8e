//! Related articles by TF-IDF cosine similarity over headline and body, with the same section and closeness in
//! time as tie-breaking preferences. Not quadratic: every article keeps only its strongest terms, and candidates
//! come from an inverted index of those terms whose posting lists are capped, so the work per article is bounded
//! whatever the size of the archive.

use std::collections::HashMap;

/// Terms kept per article.
const TERMS_PER_ARTICLE: usize = 24;
/// Articles kept per term in the inverted index (the strongest ones).
const POSTINGS_PER_TERM: usize = 64;
/// Bonus for sharing a section, on the cosine scale (0..1).
const SAME_SECTION_BONUS: f64 = 0.08;
/// Bonus for being published close in time: this much at 0 days, halving every `TIME_HALF_LIFE_DAYS`.
const RECENCY_BONUS: f64 = 0.04;
const TIME_HALF_LIFE_DAYS: f64 = 14.0;

/// What the scorer needs of an article.
pub struct Doc<'a> {
    pub headline: &'a str,
    pub body: Vec<&'a str>,
    pub section: &'a str,
    /// Seconds since the epoch.
    pub published: i64,
}

/// For each article, the indices of its `n` most related articles, best first.
pub fn related(docs: &[Doc], n: usize) -> Vec<Vec<usize>> {
    let vectors = weighted_terms(docs);
    // term -> [(doc, weight)], strongest first, capped.
    let mut index: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
    for (d, terms) in vectors.iter().enumerate() {
        for &(term, w) in terms {
            index.entry(term).or_default().push((d as u32, w));
        }
    }
    for postings in index.values_mut() {
        postings.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        postings.truncate(POSTINGS_PER_TERM);
    }
    (0..docs.len())
        .map(|d| {
            let mut scores: HashMap<usize, f64> = HashMap::new();
            for (term, w) in &vectors[d] {
                for &(other, w2) in index.get(term).map(Vec::as_slice).unwrap_or(&[]) {
                    if other as usize != d {
                        *scores.entry(other as usize).or_default() += f64::from(*w) * f64::from(w2);
                    }
                }
            }
            let mut ranked: Vec<(f64, usize)> = scores
                .into_iter()
                .map(|(other, cosine)| {
                    let days = (docs[d].published - docs[other].published).abs() as f64 / 86_400.0;
                    let bonus = if docs[d].section == docs[other].section { SAME_SECTION_BONUS } else { 0.0 }
                        + RECENCY_BONUS * 0.5f64.powf(days / TIME_HALF_LIFE_DAYS);
                    (cosine + bonus, other)
                })
                .collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            // From a borrowed iterator: collecting `ranked.into_iter()` would reuse its whole buffer for 3 numbers,
            // and keep it for every article.
            let mut picked: Vec<usize> = ranked.iter().take(n).map(|&(_, i)| i).collect();
            // Too few shared words (tiny or unusual articles): fill up with the nearest in time, same section first.
            if picked.len() < n {
                let mut rest: Vec<usize> = (0..docs.len()).filter(|&o| o != d && !picked.contains(&o)).collect();
                rest.sort_by_key(|&o| (docs[o].section != docs[d].section, (docs[o].published - docs[d].published).abs(), o));
                picked.extend(rest.into_iter().take(n - picked.len()));
            }
            picked
        })
        .collect()
}

/// Each article's strongest terms with their L2-normalised TF-IDF weights. The headline counts three times.
/// Two passes, so only one article's term counts are in memory at a time: document frequencies first, then each
/// article's weights, cut to its strongest terms at once.
fn weighted_terms(docs: &[Doc]) -> Vec<Vec<(u32, f32)>> {
    let counts = |doc: &Doc| -> HashMap<String, f64> {
        let mut tf: HashMap<String, f64> = HashMap::new();
        for token in tokens(doc.headline) {
            *tf.entry(token).or_default() += 3.0;
        }
        for text in &doc.body {
            for token in tokens(text) {
                *tf.entry(token).or_default() += 1.0;
            }
        }
        tf
    };
    // Terms become small ids: an archive's vectors then hold numbers, not copies of words.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<usize> = vec![];
    for doc in docs {
        for term in counts(doc).into_keys() {
            let next = ids.len() as u32;
            let id = *ids.entry(term).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
    }
    let n = docs.len() as f64;
    docs.iter()
        .map(|doc| {
            let mut weights: Vec<(&str, f64)> = Vec::new();
            let tf = counts(doc);
            for (term, count) in &tf {
                let df = df[ids[term] as usize];
                let w = (1.0 + count.ln()) * (n / df as f64).ln();
                // A word no other article has links nothing.
                if df > 1 && w > 0.0 {
                    weights.push((term.as_str(), w));
                }
            }
            // Ties are broken by the word itself, so the result never depends on hash order.
            weights.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            weights.truncate(TERMS_PER_ARTICLE);
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
            weights.iter().map(|(term, w)| (ids[*term], (w / norm) as f32)).collect()
        })
        .collect()
}

const STOP_WORDS: &[&str] = &[
    "about", "after", "again", "also", "amid", "and", "any", "are", "back", "been", "before", "being", "but", "can",
    "could", "did", "does", "each", "for", "from", "had", "has", "have", "her", "his", "how", "into", "its", "just",
    "last", "like", "made", "many", "more", "most", "much", "new", "not", "now", "one", "only", "other", "our", "out",
    "over", "said", "says", "she", "should", "since", "some", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "two", "under", "was", "week", "were", "what", "when", "where",
    "which", "while", "who", "will", "with", "would", "year", "years", "you", "your",
];

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(headline: &'a str, body: &'a str, section: &'a str, day: i64) -> Doc<'a> {
        Doc { headline, body: vec![body], section, published: day * 86_400 }
    }

    #[test]
    fn obvious_twins_are_each_others_first_neighbour() {
        let docs = vec![
            doc("Volcano erupts on Kesra island", "Lava and ash from the volcano forced the island to evacuate villages near the crater.", "world", 1),
            doc("Senate passes the water compact", "Senators voted on the river water compact after a long debate in the senate chamber.", "politics", 2),
            doc("Bakery bread prices rise", "The bakery says flour and yeast costs pushed bread prices up for the third time.", "economy", 3),
            doc("Ash cloud from Kesra volcano grounds flights", "The volcano on Kesra island sent an ash cloud over the strait; lava still flows from the crater.", "world", 40),
            doc("Water compact heads to the governor after senate vote", "The senate vote sends the river water compact to the governor; senators expect a signature.", "politics", 41),
            doc("Flour shortage squeezes the town bakery", "Bread from the bakery costs more as flour and yeast run short.", "economy", 42),
        ];
        let related = related(&docs, 2);
        assert_eq!(related[0][0], 3);
        assert_eq!(related[3][0], 0);
        assert_eq!(related[1][0], 4);
        assert_eq!(related[4][0], 1);
        assert_eq!(related[2][0], 5);
        assert_eq!(related[5][0], 2);
        assert!(related.iter().all(|r| r.len() == 2));
    }

    #[test]
    fn articles_sharing_no_words_still_get_neighbours_nearest_in_time() {
        let docs = vec![doc("Alpha", "zeta", "a", 1), doc("Beta", "eta", "a", 5), doc("Gamma", "theta", "b", 2)];
        assert_eq!(related(&docs, 2)[0], vec![1, 2]);
    }
}
