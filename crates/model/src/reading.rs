//! Reading time.

use crate::format::Article;

/// Words per minute of an average adult reading news on a screen.
pub const WORDS_PER_MINUTE: usize = 230;

/// Characters per minute of Chinese or Japanese, written without spaces between words (Brysbaert, 2019: about 255
/// for Chinese and 357 for Japanese, both near 230 words).
pub const CHARACTERS_PER_MINUTE: usize = 300;

/// Whether `c` is read a character at a time: Han ideographs and Japanese kana. Korean puts spaces between words.
fn read_by_character(c: char) -> bool {
    matches!(c, '\u{3005}'..='\u{3007}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}' | '\u{20000}'..='\u{3134F}')
}

/// The words of `text`, and apart from them the characters of Chinese or Japanese text (a run of those, which has
/// no spaces, is not a word).
pub fn word_count(text: &str) -> (usize, usize) {
    text.split_whitespace().fold((0, 0), |(words, characters), token| match token.chars().filter(|&c| read_by_character(c)).count() {
        0 => (words + 1, characters),
        n => (words, characters + n),
    })
}

/// What a reader reads in the article (headline, standfirst and every text block, image captions included), in
/// words: Chinese or Japanese characters counted as the words read in the same time.
pub fn article_words(article: &Article) -> usize {
    let texts = [article.headline.as_str(), article.standfirst.as_str()].into_iter().chain(article.body.iter().map(|b| b.text()));
    let (words, characters) = texts.map(word_count).fold((0, 0), |(w, c), (tw, tc)| (w + tw, c + tc));
    words + (characters * WORDS_PER_MINUTE + CHARACTERS_PER_MINUTE / 2) / CHARACTERS_PER_MINUTE
}

/// Whole minutes, rounded to nearest, at least 1.
pub fn reading_minutes(words: usize) -> u32 {
    ((words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE).max(1) as u32
}

/// The article's reading time in whole minutes, at least 1.
pub fn article_minutes(article: &Article) -> u32 {
    reading_minutes(article_words(article))
}

/// What the article page shows; none for a file without a reading time.
pub fn reading_time_label(article: &Article) -> Option<String> {
    article.reading_minutes.filter(|m| *m > 0).map(|m| format!("{m} min read"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Block;

    #[test]
    fn counts_words_across_whitespace() {
        assert_eq!(word_count("  one two\nthree\t four "), (4, 0));
        assert_eq!(word_count(""), (0, 0));
    }

    #[test]
    fn chinese_and_japanese_are_counted_by_characters_and_korean_by_words() {
        assert_eq!(word_count("北京时间 今天上午"), (0, 8));
        assert_eq!(word_count("東京で会見した。 Reuters 2026年"), (1, 8));
        assert_eq!(word_count("서울 시민들이 모였다"), (3, 0));
    }

    #[test]
    fn a_story_in_chinese_reads_at_characters_per_minute() {
        let paragraph = |text: String| Block::Paragraph { text };
        let story = Article {
            format_version: 1,
            slug: "s".into(),
            section: "world".into(),
            headline: String::new(),
            standfirst: String::new(),
            byline: String::new(),
            published: "2026-11-24T07:15:00Z".into(),
            updated: None,
            image: None,
            body: vec![paragraph("这是一个测试。".repeat(300)), paragraph("这是一个测试。".repeat(200))],
            related: vec![],
            reading_minutes: None,
        };
        // 3,000 characters (punctuation is not counted), 10 minutes at 300 a minute; before, two "words", 1 minute.
        assert_eq!(article_words(&story), 2300);
        assert_eq!(article_minutes(&story), 10);
        assert_eq!(reading_time_label(&story), None, "a file without a reading time shows none");
        assert_eq!(reading_time_label(&Article { reading_minutes: Some(10), ..story }).as_deref(), Some("10 min read"));
    }

    #[test]
    fn a_file_without_a_reading_time_or_with_null_still_decodes() {
        let file = |minutes: &str| {
            format!(r#"{{"format_version":1,"slug":"s","section":"world","headline":"H","standfirst":"","byline":"","published":"2026-11-24T07:15:00Z","body":[]{minutes}}}"#)
        };
        for (minutes, label) in [("", None), (r#","reading_minutes":null"#, None), (r#","reading_minutes":3"#, Some("3 min read"))] {
            let article: Article = crate::decode::decode(file(minutes).as_bytes()).unwrap();
            assert_eq!(reading_time_label(&article).as_deref(), label, "{minutes}");
        }
    }

    #[test]
    fn minutes_round_and_never_zero() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(114), 1);
        assert_eq!(reading_minutes(345), 2);
        assert_eq!(reading_minutes(460), 2);
        assert_eq!(reading_minutes(2300), 10);
    }
}
