//! From checked sources to the whole content contract: articles with resolved "Read more" links and related
//! teasers, paged section listings and the front page.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use broadsheet_model::comments::{check_comments, CommentsFile};
use broadsheet_model::paging::{page_count, page_range};
use broadsheet_model::reading::article_minutes;
use broadsheet_model::time::parse_timestamp;
use broadsheet_model::{Article, Block, FrontPage, Listing, Rail, Site, Teaser, FORMAT_VERSION};

use crate::error::SourceError;
use crate::related::{related, Doc};
use crate::source::{ArticleSource, BodyItem, Sources};

/// Teasers per front-page rail.
pub const RAIL_SIZE: usize = 4;
/// Lead stories on the front page.
pub const LEAD_SIZE: usize = 3;
/// Related teasers per article.
pub const RELATED_SIZE: usize = 3;

/// The whole content contract, ready to be written.
#[derive(Debug, Clone)]
pub struct Newsroom {
    pub site: Site,
    pub front: FrontPage,
    pub listings: Vec<Listing>,
    /// Newest first.
    pub articles: Vec<Article>,
    pub images: Vec<PathBuf>,
    /// Published comments, one file for every article (an empty list for one without): (article section, file).
    pub comments: Vec<(String, CommentsFile)>,
    pub root: PathBuf,
}

pub fn assemble(sources: Sources) -> Result<Newsroom, Vec<SourceError>> {
    let Sources { site, mut articles, images, comments, root } = sources;
    let mut errors = vec![];
    let mut seen: HashMap<&str, &ArticleSource> = HashMap::new();
    for a in &articles {
        if let Some(first) = seen.insert(&a.slug, a) {
            errors.push(SourceError::new(&a.file, None, Some("slug"), format!("duplicate slug {}: also used by {}", a.slug, first.file.display())));
        }
    }
    let by_slug: HashMap<&str, &ArticleSource> = articles.iter().map(|a| (a.slug.as_str(), a)).collect();
    for a in &articles {
        for item in &a.body {
            if let BodyItem::ReadMore { slug, line } = item {
                if !by_slug.contains_key(slug.as_str()) {
                    errors.push(SourceError::new(&a.file, Some(*line), Some("Read more"), format!("no article with slug {slug:?} (expected the file articles/{slug}.md)")));
                } else if slug == &a.slug {
                    errors.push(SourceError::new(&a.file, Some(*line), Some("Read more"), "an article cannot link to itself"));
                }
            }
        }
    }
    let mut comment_files = vec![];
    for (file, slug, list) in comments {
        let Some(article) = by_slug.get(slug.as_str()) else {
            errors.push(SourceError::new(&file, None, None, format!("no article with slug {slug:?} for these comments")));
            continue;
        };
        let built = CommentsFile { format_version: FORMAT_VERSION, article: slug.clone(), comments: list };
        for problem in check_comments(&built) {
            errors.push(SourceError::new(&file, None, None, problem));
        }
        comment_files.push((article.section.clone(), built));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Every article gets its file, an empty list where it has no comments: a missing file means the same to the
    // app, but the reader's browser logs the 404 as an error, on a host page too (docs/comments.md).
    let with_comments: std::collections::HashSet<String> = comment_files.iter().map(|(_, f)| f.article.clone()).collect();
    for a in articles.iter().filter(|a| !with_comments.contains(&a.slug)) {
        comment_files.push((a.section.clone(), CommentsFile { format_version: FORMAT_VERSION, article: a.slug.clone(), comments: vec![] }));
    }
    // Newest first; the slug breaks ties so the order never depends on file-system order.
    articles.sort_by_key(|a| (std::cmp::Reverse(parse_timestamp(&a.published).unwrap_or(0)), a.slug.clone()));
    let teasers: Vec<Teaser> = articles.iter().map(teaser).collect();
    let related = related_indices(&articles);
    let front = front_page(&site, &articles, &teasers);
    let listings = listings(&site, &teasers);
    // "Read more" needs each target's section and headline; then the sources are consumed, not copied, so an
    // archive's text is in memory once.
    let targets: HashMap<String, (String, String)> =
        articles.iter().map(|a| (a.slug.clone(), (a.section.clone(), a.headline.clone()))).collect();
    let built: Vec<Article> = articles
        .into_iter()
        .zip(related)
        .map(|(a, related)| Article {
            format_version: FORMAT_VERSION,
            body: a.body.into_iter().map(|item| block(item, &targets)).collect(),
            related: related.iter().map(|&i| teasers[i].clone()).collect(),
            slug: a.slug,
            section: a.section,
            headline: a.headline,
            standfirst: a.standfirst,
            byline: a.byline,
            published: a.published,
            updated: a.updated,
            image: a.image,
            reading_minutes: None,
        })
        .map(|mut article| {
            article.reading_minutes = Some(article_minutes(&article));
            article
        })
        .collect();
    Ok(Newsroom { site, front, listings, articles: built, images, comments: comment_files, root })
}

/// Every section's listing pages, newest first.
fn listings(site: &Site, teasers: &[Teaser]) -> Vec<Listing> {
    let mut listings = vec![];
    for section in &site.sections {
        let members: Vec<&Teaser> = teasers.iter().filter(|t| section.aggregate || t.section == section.slug).collect();
        let pages = page_count(members.len(), site.page_size);
        for page in 1..=pages {
            listings.push(Listing {
                format_version: FORMAT_VERSION,
                section: section.slug.clone(),
                title: section.title.clone(),
                description: section.description.clone(),
                page,
                page_size: site.page_size,
                total: members.len() as u32,
                pages,
                items: members[page_range(members.len(), site.page_size, page)].iter().map(|t| (*t).clone()).collect(),
            });
        }
    }
    listings
}

/// The lead stories (newest `lead: true` ones, else the newest story) and a rail per section.
fn front_page(site: &Site, articles: &[ArticleSource], teasers: &[Teaser]) -> FrontPage {
    let mut lead: Vec<Teaser> =
        articles.iter().zip(teasers).filter(|(a, _)| a.lead).map(|(_, t)| t.clone()).take(LEAD_SIZE).collect();
    if lead.is_empty() {
        lead.extend(teasers.first().cloned());
    }
    let in_lead: HashSet<&str> = lead.iter().map(|t| t.slug.as_str()).collect();
    let rails = site
        .sections
        .iter()
        .filter(|s| !s.aggregate)
        .map(|s| Rail { section: s.slug.clone(), title: s.title.clone(), teasers: rail(articles, teasers, &s.slug, &in_lead) })
        .collect();
    FrontPage { format_version: FORMAT_VERSION, lead, rails }
}

/// A section's rail: its featured stories first, then the newest, leaving out the lead stories.
fn rail(articles: &[ArticleSource], teasers: &[Teaser], section: &str, in_lead: &HashSet<&str>) -> Vec<Teaser> {
    let candidates = || {
        articles.iter().zip(teasers).filter(|(a, _)| a.section == section && !in_lead.contains(a.slug.as_str()))
    };
    let featured = candidates().filter(|(a, _)| a.featured);
    let rest = candidates().filter(|(a, _)| !a.featured);
    featured.chain(rest).take(RAIL_SIZE).map(|(_, t)| t.clone()).collect()
}

fn teaser(a: &ArticleSource) -> Teaser {
    Teaser {
        slug: a.slug.clone(),
        section: a.section.clone(),
        headline: a.headline.clone(),
        standfirst: a.standfirst.clone(),
        published: a.published.clone(),
        image: a.image.clone(),
    }
}

fn block(item: BodyItem, targets: &HashMap<String, (String, String)>) -> Block {
    match item {
        BodyItem::Paragraph(text) => Block::Paragraph { text },
        BodyItem::Subheading(text) => Block::Subheading { text },
        BodyItem::PullQuote(text) => Block::PullQuote { text, attribution: String::new() },
        BodyItem::Image { image, .. } => Block::Image(image),
        BodyItem::ReadMore { slug, .. } => {
            let (section, headline) = targets[&slug].clone();
            Block::ReadMore { slug, section, headline }
        }
    }
}

fn related_indices(articles: &[ArticleSource]) -> Vec<Vec<usize>> {
    let docs: Vec<Doc> = articles
        .iter()
        .map(|a| Doc {
            headline: &a.headline,
            body: std::iter::once(a.standfirst.as_str())
                .chain(a.body.iter().filter_map(|b| match b {
                    BodyItem::Paragraph(t) | BodyItem::Subheading(t) | BodyItem::PullQuote(t) => Some(t.as_str()),
                    _ => None,
                }))
                .collect(),
            section: &a.section,
            published: parse_timestamp(&a.published).unwrap_or(0),
        })
        .collect();
    related(&docs, RELATED_SIZE)
}
