//! The sample newsroom in `content/` as a reader's app will get it: compiled, written to bytes and decoded back
//! through the model, then checked for completeness and for links that go nowhere.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use broadsheet_compiler::{compile_dir, output, Newsroom};
use broadsheet_model::decode::decode;
use broadsheet_model::links::check_links;
use broadsheet_model::reading::word_count;
use broadsheet_model::route::{article_path, listing_path, SITE_PATH};
use broadsheet_model::{Article, Block, FrontPage, Listing, Site};

fn newsroom() -> &'static Newsroom {
    static NEWSROOM: OnceLock<Newsroom> = OnceLock::new();
    NEWSROOM.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        compile_dir(&dir).unwrap_or_else(|errors| {
            panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))
        })
    })
}

/// Every written file decoded back, as the app would decode it.
struct Decoded {
    site: Site,
    front: FrontPage,
    listings: Vec<Listing>,
    articles: Vec<Article>,
}

fn decoded() -> Decoded {
    let files = output::files(newsroom()).unwrap();
    let get = |path: &str| &files.iter().find(|(p, _)| p.to_str() == Some(path)).unwrap_or_else(|| panic!("no {path}")).1;
    let site: Site = decode(get(SITE_PATH)).unwrap();
    let front: FrontPage = decode(get("front.json")).unwrap();
    let mut listings = vec![];
    for section in &site.sections {
        let first: Listing = decode(get(&listing_path(&section.slug, 1))).unwrap();
        for page in 1..=first.pages {
            listings.push(decode(get(&listing_path(&section.slug, page))).unwrap());
        }
    }
    let articles = newsroom()
        .articles
        .iter()
        .map(|a| decode(get(&article_path(&a.section, &a.slug))).unwrap())
        .collect();
    Decoded { site, front, listings, articles }
}

#[test]
fn every_file_decodes_and_every_link_resolves() {
    let d = decoded();
    let problems = check_links(&d.site, &d.front, &d.listings, &d.articles);
    assert!(problems.is_empty(), "{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn the_nav_is_the_reference_page_nav() {
    let titles: Vec<String> = decoded().site.sections.iter().map(|s| s.title.clone()).collect();
    assert_eq!(titles, ["Latest News", "Local News", "International News", "US Politics", "Economy"]);
}

#[test]
fn listing_pages_agree_with_their_counts() {
    let d = decoded();
    for section in &d.site.sections {
        let pages: Vec<&Listing> = d.listings.iter().filter(|l| l.section == section.slug).collect();
        let expected: HashSet<&str> = d
            .articles
            .iter()
            .filter(|a| section.aggregate || a.section == section.slug)
            .map(|a| a.slug.as_str())
            .collect();
        let listed: Vec<&str> = pages.iter().flat_map(|l| l.items.iter().map(|t| t.slug.as_str())).collect();
        assert_eq!(listed.len(), expected.len(), "{}: every article listed once", section.slug);
        assert_eq!(listed.iter().copied().collect::<HashSet<_>>(), expected, "{}", section.slug);
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(page.page as usize, i + 1);
            assert_eq!(page.pages as usize, pages.len());
            assert_eq!(page.total as usize, expected.len());
            assert_eq!(page.page_size, d.site.page_size);
            let full = i + 1 < pages.len();
            assert!(if full { page.items.len() == page.page_size as usize } else { page.items.len() <= page.page_size as usize });
        }
        let times: Vec<i64> = pages
            .iter()
            .flat_map(|l| &l.items)
            .map(|t| broadsheet_model::time::parse_timestamp(&t.published).unwrap())
            .collect();
        assert!(times.windows(2).all(|w| w[0] >= w[1]), "{}: newest first", section.slug);
    }
}

#[test]
fn the_sample_is_big_and_varied_enough() {
    let d = decoded();
    assert!(d.articles.len() >= 40, "{} articles", d.articles.len());
    for a in &d.articles {
        let words: usize = a.body.iter().map(|b| word_count(b.text()).0).sum();
        assert!(words >= 150, "{} has {words} words", a.slug);
    }
    let kinds: HashSet<&str> = d
        .articles
        .iter()
        .flat_map(|a| &a.body)
        .map(|b| match b {
            Block::Paragraph { .. } => "paragraph",
            Block::Subheading { .. } => "subheading",
            Block::PullQuote { .. } => "pull_quote",
            Block::Image(_) => "image",
            Block::ReadMore { .. } => "read_more",
            Block::Unknown => "unknown",
        })
        .collect();
    assert_eq!(kinds, HashSet::from(["paragraph", "subheading", "pull_quote", "image", "read_more"]));
    assert!(d.site.sections.iter().any(|s| !s.aggregate && d.listings.iter().filter(|l| l.section == s.slug).count() >= 3));
    assert!(d.articles.iter().all(|a| !a.related.is_empty()));
}

#[test]
fn every_image_is_a_local_file_with_a_size() {
    let n = newsroom();
    let files: HashSet<String> = n.images.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let mut images = vec![];
    for a in &n.articles {
        images.extend(a.image.iter().cloned());
        images.extend(a.body.iter().filter_map(|b| if let Block::Image(i) = b { Some(i.clone()) } else { None }));
    }
    assert!(images.len() >= 10);
    for image in images {
        assert!(files.contains(&image.src), "{} is not a file in content/images", image.src);
        assert!(image.width > 0 && image.height > 0 && !image.alt.is_empty());
    }
}

#[test]
fn the_reference_article_is_word_for_word() {
    let d = decoded();
    let a = d.articles.iter().find(|a| a.slug == "kim-jong-un-returns-from-russia").unwrap();
    assert_eq!(a.section, "international");
    assert_eq!(a.headline, "Kim Jong Un Returns from Russia with Strengthened Comradely Bonds, North Korean Announcement");
    let subheads: Vec<&str> = a.body.iter().filter_map(|b| if let Block::Subheading { text } = b { Some(text.as_str()) } else { None }).collect();
    assert_eq!(subheads, ["Kim Jong Un’s Talks with Vladimir Putin", "North Korean Media’s Positive Coverage"]);
    let repeated = "North Korean leader Kim Jong Un has returned from his official visit to Russia, marking a significant milestone in diplomatic relations between the two nations.";
    assert!(a.body.iter().any(|b| matches!(b, Block::PullQuote { text, .. } if text == repeated)));
    assert_eq!(a.body[0], Block::Paragraph { text: repeated.to_string() });
    let links: Vec<&str> = a.body.iter().filter_map(|b| if let Block::ReadMore { headline, .. } = b { Some(headline.as_str()) } else { None }).collect();
    assert_eq!(links, ["Higher Wages On The Horizon For California Healthcare Workers", "Sudan’s Ongoing Conflict: Khartoum’s Landmarks Suffer Amid Widespread Battles"]);

    // Every paragraph of the capture is in the article, in order.
    let capture = include_str!("reference_article.txt");
    let paragraphs: Vec<&str> = a.body.iter().filter_map(|b| match b {
        Block::Paragraph { text } | Block::PullQuote { text, .. } | Block::Subheading { text } => Some(text.as_str()),
        _ => None,
    }).collect();
    let expected: Vec<&str> = capture.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    assert_eq!(paragraphs, expected);
}

#[test]
fn sample_comments_are_threaded_sensibly() {
    use broadsheet_model::comments::{check_comments, thread, CommentsFile, MAX_DEPTH};
    let n = newsroom();
    let files = output::files(n).unwrap();
    let comment_files: Vec<CommentsFile> = files
        .iter()
        .filter(|(p, _)| p.ends_with("comments.json"))
        .map(|(_, bytes)| decode(bytes).unwrap())
        .collect();
    // One file for every article, so that no reader's browser logs a 404 for an article without comments.
    assert_eq!(comment_files.len(), n.articles.len());
    let with_comments: Vec<&CommentsFile> = comment_files.iter().filter(|f| !f.comments.is_empty()).collect();
    assert!(with_comments.len() >= 3, "some articles have comments");
    assert!(with_comments.len() < n.articles.len(), "and at least one has none");
    for file in &with_comments {
        assert_eq!(check_comments(file), Vec::<String>::new(), "{}", file.article);
        assert!(thread(&file.comments).iter().all(|t| t.depth <= MAX_DEPTH));
    }
    let reference = with_comments.iter().find(|f| f.article == "kim-jong-un-returns-from-russia").unwrap();
    assert!(reference.comments.len() >= 3);
    assert!(reference.comments.iter().any(|c| c.parent.is_some()), "a thread with replies");
}

#[test]
fn a_featured_story_leads_its_sections_rail() {
    let d = decoded();
    let rail = d.front.rails.iter().find(|r| r.section == "local").unwrap();
    assert_eq!(rail.teasers[0].slug, "marlow-bay-sea-otter-count");
    assert!(d.front.rails.iter().all(|r| !r.teasers.is_empty() && r.teasers.len() <= 4));
    assert!(!d.front.lead.is_empty() && d.front.lead.len() <= 3);
}
