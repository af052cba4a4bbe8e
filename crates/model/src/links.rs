//! Link checks over a whole newsroom: every teaser, "Read more" and related link must reach an article that
//! exists, under the section it names.

use std::collections::HashMap;

use crate::format::{Article, Block, FrontPage, Listing, Site, Teaser};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// Where the link is, e.g. `article local/harbour-bridge` or `listing latest page 2`.
    pub from: String,
    /// The `section/slug` it points at.
    pub to: String,
    pub problem: String,
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: link to {}: {}", self.from, self.to, self.problem)
    }
}

/// Every broken link in the newsroom. An empty list means every link resolves.
pub fn check_links(site: &Site, front: &FrontPage, listings: &[Listing], articles: &[Article]) -> Vec<LinkProblem> {
    let by_slug: HashMap<&str, &Article> = articles.iter().map(|a| (a.slug.as_str(), a)).collect();
    let mut problems = vec![];
    let teasers = |from: &str, list: &[Teaser], problems: &mut Vec<LinkProblem>| {
        problems.extend(list.iter().filter_map(|t| check_link(&by_slug, from, &t.section, &t.slug, &t.headline)));
    };
    teasers("front page lead", &front.lead, &mut problems);
    for rail in &front.rails {
        teasers(&format!("front page rail {}", rail.section), &rail.teasers, &mut problems);
    }
    for listing in listings {
        teasers(&format!("listing {} page {}", listing.section, listing.page), &listing.items, &mut problems);
    }
    for article in articles {
        let from = format!("article {}/{}", article.section, article.slug);
        if site.section(&article.section).is_none_or(|s| s.aggregate) {
            problems.push(LinkProblem {
                from: from.clone(),
                to: article.section.clone(),
                problem: "not a section an article can belong to".into(),
            });
        }
        for block in &article.body {
            if let Block::ReadMore { slug, section, headline } = block {
                problems.extend(check_link(&by_slug, &from, section, slug, headline));
            }
        }
        teasers(&from, &article.related, &mut problems);
    }
    problems
}

fn check_link(
    by_slug: &HashMap<&str, &Article>,
    from: &str,
    section: &str,
    slug: &str,
    headline: &str,
) -> Option<LinkProblem> {
    let problem = match by_slug.get(slug) {
        None => "no such article".to_string(),
        Some(a) if a.section != section => format!("the article is in section {}", a.section),
        Some(a) if a.headline != headline => "headline differs from the article's".to_string(),
        Some(_) => return None,
    };
    Some(LinkProblem { from: from.to_string(), to: format!("{section}/{slug}"), problem })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Section, FORMAT_VERSION};

    fn article(slug: &str, section: &str, body: Vec<Block>) -> Article {
        Article {
            format_version: FORMAT_VERSION,
            slug: slug.into(),
            section: section.into(),
            headline: format!("H {slug}"),
            standfirst: String::new(),
            byline: String::new(),
            published: "2026-11-01T00:00:00Z".into(),
            updated: None,
            image: None,
            body,
            related: vec![],
            reading_minutes: Some(1),
        }
    }

    fn site() -> Site {
        let section = |slug: &str, aggregate| Section { slug: slug.into(), title: slug.into(), description: String::new(), aggregate };
        Site { format_version: 1, name: "n".into(), language: "en".into(), description: String::new(), page_size: 2,
            sections: vec![section("latest", true), section("local", false)], comment_endpoint: None, url: None }
    }

    #[test]
    fn finds_missing_misfiled_and_stale_links() {
        let read_more = |slug: &str, section: &str, headline: &str| Block::ReadMore { slug: slug.into(), section: section.into(), headline: headline.into() };
        let a = article("a", "local", vec![read_more("b", "local", "H b"), read_more("zzz", "local", "H zzz"), read_more("b", "other", "H b"), read_more("b", "local", "Old headline")]);
        let b = article("b", "local", vec![]);
        let c = article("c", "latest", vec![]);
        let front = FrontPage { format_version: 1, lead: vec![a.teaser()], rails: vec![] };
        let problems = check_links(&site(), &front, &[], &[a, b, c]);
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(text, [
            "article local/a: link to local/zzz: no such article",
            "article local/a: link to other/b: the article is in section local",
            "article local/a: link to local/b: headline differs from the article's",
            "article latest/c: link to latest: not a section an article can belong to",
        ]);
    }
}
