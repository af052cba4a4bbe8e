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
    let by_time = ByTime::new(docs);
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
            fill_up(docs, &by_time, d, &mut picked, n);
            picked
        })
        .collect()
}

/// The articles in order of publication (then of index), all of them and by section: where the fill-up looks.
struct ByTime<'a> {
    all: Vec<usize>,
    sections: HashMap<&'a str, Vec<usize>>,
}

impl<'a> ByTime<'a> {
    fn new(docs: &[Doc<'a>]) -> Self {
        let mut all: Vec<usize> = (0..docs.len()).collect();
        all.sort_by_key(|&o| (docs[o].published, o));
        let mut sections: HashMap<&str, Vec<usize>> = HashMap::new();
        for &o in &all {
            sections.entry(docs[o].section).or_default().push(o);
        }
        Self { all, sections }
    }
}

/// Adds to `picked` (the related articles of `d` found by their words) the articles nearest in time to `d`, those of
/// its section first, until there are `n`.
fn fill_up(docs: &[Doc], by_time: &ByTime, d: usize, picked: &mut Vec<usize>, n: usize) {
    if picked.len() < n {
        let same = by_time.sections.get(docs[d].section).map_or(&[][..], Vec::as_slice);
        let more = nearest_in_time(docs, same, d, picked, n - picked.len());
        picked.extend(more);
    }
    if picked.len() < n {
        let more = nearest_in_time(docs, &by_time.all, d, picked, n - picked.len());
        picked.extend(more);
    }
}

/// Up to `wanted` articles of `list` (ordered by `ByTime`) nearest in time to `d`, nearest first and, at the same
/// distance, the lower index first; not `d` nor any of `skip`. It looks outwards from `d`'s time, one publication
/// time at a time, so the work is about `wanted` articles, not the whole list (every article of an archive written
/// in Chinese or Japanese may need this: see `tokens`).
fn nearest_in_time(docs: &[Doc], list: &[usize], d: usize, skip: &[usize], wanted: usize) -> Vec<usize> {
    let t = docs[d].published;
    let distance = |i: usize| docs[list[i]].published.abs_diff(t);
    // list[..before] was published before `t`, list[after..] at `t` or later: what is left to look at.
    let start = list.partition_point(|&o| docs[o].published < t);
    let (mut before, mut after) = (start, start);
    let mut found = vec![];
    while found.len() < wanted {
        let nearer = [(before > 0).then(|| distance(before - 1)), (after < list.len()).then(|| distance(after))];
        let Some(nearest) = nearer.into_iter().flatten().min() else { break };
        // The articles at that distance: at most two runs of one publication time, each in order of index. Fewer than
        // this many of each can be left out.
        let room = wanted - found.len() + skip.len() + 1;
        let mut tier = vec![];
        if nearer[0] == Some(nearest) {
            let from = list[..before].partition_point(|&o| docs[o].published.abs_diff(t) > nearest);
            tier.extend(list[from..before].iter().take(room));
            before = from;
        }
        if nearer[1] == Some(nearest) {
            let to = after + list[after..].partition_point(|&o| docs[o].published.abs_diff(t) <= nearest);
            tier.extend(list[after..to].iter().take(room));
            after = to;
        }
        tier.sort_unstable();
        found.extend(tier.into_iter().filter(|o| *o != d && !skip.contains(o)).take(wanted - found.len()));
    }
    found
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

/// An article's terms: its words, lower-cased, but for stop words, numbers and words of one or two letters. Chinese
/// and Japanese are written without spaces between words, and Korean joins its particles to the word: in those
/// scripts every pair of neighbouring characters is a term (as search engines index them), or a whole sentence would
/// be one word that no other article has.
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).flat_map(|run| {
        let mut terms = vec![];
        let mut rest = run;
        while let Some(c) = rest.chars().next() {
            let cjk = is_cjk(c);
            let end = rest.find(|c: char| is_cjk(c) != cjk).unwrap_or(rest.len());
            let (part, next) = rest.split_at(end);
            if cjk {
                let chars: Vec<char> = part.chars().collect();
                match chars.len() {
                    // A character on its own (a one-syllable Korean word, `年` in `2024年`) is a term by itself.
                    1 => terms.push(part.to_string()),
                    _ => terms.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>())),
                }
            } else if part.chars().count() > 2 {
                let word = part.to_lowercase();
                if !STOP_WORDS.contains(&word.as_str()) && !word.chars().all(|c| c.is_ascii_digit()) {
                    terms.push(word);
                }
            }
            rest = next;
        }
        terms
    })
}

/// Whether `c` is written in Chinese, Japanese or Korean script. (Text in decomposed form, Hangul as separate jamo or
/// kana with a separate voicing mark, is not put together first: editors write the composed form.)
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' // Hangul Jamo
        | '\u{3005}'..='\u{3007}' // 々 〆 〇
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3100}'..='\u{312F}' // Bopomofo
        | '\u{3130}'..='\u{318F}' // Hangul compatibility Jamo
        | '\u{31A0}'..='\u{31BF}' // Bopomofo extended
        | '\u{31F0}'..='\u{31FF}' // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}' // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7FF}' // Hangul syllables, Hangul Jamo extended B
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FFDC}' // Half-width Katakana and Hangul
        | '\u{20000}'..='\u{3134F}') // CJK extensions B to G, compatibility supplement
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

    #[test]
    fn the_fill_up_picks_as_a_sort_of_every_article_would() {
        // The order the fill-up promises, by sorting every article: what it did until it was too slow.
        fn by_sorting(docs: &[Doc], d: usize, picked: &[usize], n: usize) -> Vec<usize> {
            let mut rest: Vec<usize> = (0..docs.len()).filter(|&o| o != d && !picked.contains(&o)).collect();
            rest.sort_by_key(|&o| (docs[o].section != docs[d].section, (docs[o].published - docs[d].published).abs(), o));
            picked.iter().copied().chain(rest).take(n.max(picked.len())).collect()
        }
        let mut seed = 0x2545_f491_u64;
        let mut next = move |below: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % below
        };
        for round in 0..300 {
            let count = 1 + next(40) as usize;
            // Few sections and few distinct times: many ties, on both sides of an article.
            let docs: Vec<Doc> = (0..count)
                .map(|_| Doc { headline: "", body: vec![], section: ["a", "b", "c"][next(3) as usize], published: next(8) as i64 * 86_400 - 4 * 86_400 })
                .collect();
            let by_time = ByTime::new(&docs);
            for d in 0..count {
                let n = next(6) as usize;
                let mut picked: Vec<usize> = (0..next(3)).map(|_| next(count as u64) as usize).filter(|&o| o != d).collect();
                picked.dedup();
                let expected = by_sorting(&docs, d, &picked, n);
                fill_up(&docs, &by_time, d, &mut picked, n);
                assert_eq!(picked, expected, "round {round}, article {d} of {count}, {n} wanted");
            }
        }
    }

    #[test]
    fn a_large_archive_of_articles_sharing_no_words_is_related_by_time() {
        // Every article one word of its own: all of them are filled up. Sorting the whole archive for each of them (the
        // code before) ran for over 9 minutes here without finishing; this takes under a second.
        let words: Vec<String> = (0..60_000).map(|i| format!("word{i:x}")).collect();
        let docs: Vec<Doc> = words.iter().enumerate().map(|(i, w)| doc(w, w, ["a", "b"][i % 2], i as i64 / 3)).collect();
        let related = related(&docs, 3);
        assert_eq!(related[30_000], vec![30_002, 29_998, 30_004]);
        assert_eq!(related[0], vec![2, 4, 6]);
    }

    #[test]
    fn stories_written_in_chinese_or_japanese_are_related_by_their_words() {
        // Each story's twin is in another section and further away in time than a story of its own section.
        let docs = vec![
            doc("火山在克斯拉岛喷发", "火山喷发后，岛上的村庄被迫撤离，火山灰覆盖了港口。", "world", 1),
            doc("参议院通过水资源协议", "参议员在长时间辩论后投票通过了河流水资源协议。", "world", 2),
            doc("面包价格上涨", "面包店说面粉和酵母的成本推高了面包价格。", "city", 3),
            doc("克斯拉岛火山灰导致航班停飞", "克斯拉岛的火山喷发，火山灰飘过海峡，航班停飞。", "science", 40),
            doc("東京で新しい駅が開業", "東京の新しい駅が開業し、多くの乗客が駅を訪れた。", "city", 41),
            doc("大阪の駅も開業へ", "大阪でも新しい駅が開業する予定で、乗客が期待している。", "travel", 90),
        ];
        let related = related(&docs, 1);
        assert_eq!(related[0], vec![3]);
        assert_eq!(related[3], vec![0]);
        assert_eq!(related[4], vec![5]);
        assert_eq!(related[5], vec![4]);
    }

    #[test]
    fn terms_of_chinese_japanese_and_korean_are_pairs_of_characters_and_other_words_stay_whole() {
        let terms: Vec<String> = tokens("The iPhone在中国 発売 한국어 Über 42 of 물 2024年 人々が").collect();
        assert_eq!(terms, ["iphone", "在中", "中国", "発売", "한국", "국어", "über", "물", "年", "人々", "々が"]);
    }
}
