//! Reading time.

use crate::format::Article;

/// Words per minute of an average adult reading news on a screen.
pub const WORDS_PER_MINUTE: usize = 230;

pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Words a reader reads in the article: headline, standfirst and every text block (image captions included).
pub fn article_words(article: &Article) -> usize {
    word_count(&article.headline)
        + word_count(&article.standfirst)
        + article.body.iter().map(|b| word_count(b.text())).sum::<usize>()
}

/// Whole minutes, rounded to nearest, at least 1.
pub fn reading_minutes(words: usize) -> u32 {
    ((words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE).max(1) as u32
}

pub fn reading_time_label(article: &Article) -> String {
    format!("{} min read", reading_minutes(article_words(article)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_across_whitespace() {
        assert_eq!(word_count("  one two\nthree\t four "), 4);
        assert_eq!(word_count(""), 0);
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
