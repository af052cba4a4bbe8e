//! The compiler's output for a small fixture, byte for byte, and one test per kind of bad input.
//! Set BLESS=1 to rewrite the expected tree after an intended change (then review the diff).

use std::fs;
use std::path::{Path, PathBuf};

use broadsheet_compiler::{compile_dir, output, SourceError};

mod common;
use common::{copy_dir, fixture, tree};

fn expected() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/newsroom.expected")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("broadsheet-golden-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_fixture_compiles_to_the_expected_tree_byte_for_byte() {
    let newsroom = compile_dir(&fixture()).unwrap_or_else(|e| panic!("{e:?}"));
    let out = scratch("tree");
    output::write_tree(&out, &output::files(&newsroom).unwrap()).unwrap();
    if std::env::var_os("BLESS").is_some() {
        let _ = fs::remove_dir_all(expected());
        output::write_tree(&expected(), &output::files(&newsroom).unwrap()).unwrap();
    }
    let (got, want) = (tree(&out), tree(&expected()));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want));
    for ((name, a), (_, b)) in got.iter().zip(&want) {
        assert!(a == b, "{name} differs from the expected tree:\n{}", String::from_utf8_lossy(a));
    }
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn the_same_sources_give_identical_files() {
    let a = output::files(&compile_dir(&fixture()).unwrap()).unwrap();
    let b = output::files(&compile_dir(&fixture()).unwrap()).unwrap();
    assert_eq!(a, b);
}

/// Copies the fixture, lets `change` break it, and returns the compiler's errors as text.
fn errors_after(name: &str, change: impl FnOnce(&Path)) -> Vec<String> {
    match compile_after(name, change) {
        Ok(_) => panic!("{name}: expected the build to fail"),
        Err(errors) => errors,
    }
}

/// Copies the fixture, lets `change` edit it, and compiles it: the files written, or the errors as text.
fn compile_after(name: &str, change: impl FnOnce(&Path)) -> Result<Vec<(PathBuf, Vec<u8>)>, Vec<String>> {
    let dir = scratch(name);
    copy_dir(&fixture(), &dir);
    change(&dir);
    let result = compile_dir(&dir).map(|newsroom| output::files(&newsroom).unwrap());
    fs::remove_dir_all(&dir).unwrap();
    result.map_err(|errors| errors.iter().map(SourceError::to_string).map(|e| e.replace(&dir.display().to_string(), "SRC")).collect())
}

/// The text of the written file at `path`.
fn written(files: &[(PathBuf, Vec<u8>)], path: &str) -> String {
    let (_, bytes) = files.iter().find(|(p, _)| p == Path::new(path)).unwrap_or_else(|| panic!("no {path}"));
    String::from_utf8(bytes.clone()).unwrap()
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_broken_read_more_names_the_file_and_line() {
    let errors = errors_after("read-more", |d| edit(d, "articles/volcano-erupts.md", "Read more: ash-cloud-flights", "Read more: no-such-story"));
    assert_eq!(errors, ["SRC/articles/volcano-erupts.md:19: `Read more`: no article with slug \"no-such-story\" (expected the file articles/no-such-story.md)"]);
}

#[test]
fn a_duplicate_slug_names_both_files() {
    let errors = errors_after("duplicate", |d| {
        edit(d, "articles/ash-cloud-flights.md", "slug: ash-cloud-flights", "slug: bakery-prices");
    });
    assert!(errors.iter().any(|e| e.contains("duplicate slug bakery-prices") && e.contains("ash-cloud-flights.md") && e.contains("bakery-prices.md")), "{errors:?}");
}

#[test]
fn each_kind_of_bad_front_matter_is_named() {
    let cases: [(&str, &str, &str, &str); 8] = [
        ("no-front-matter", "---\nslug", "slug", "articles/bakery-prices.md:1: expected front matter starting with a `---` line"),
        ("bad-time", "published: 2026-01-09T07:00:00-08:00", "published: last Tuesday", "articles/bakery-prices.md:7: `published`: expected ISO 8601 with offset"),
        ("unknown-section", "section: town", "section: sport", "articles/bakery-prices.md:3: `section`: no section sport in site.json"),
        ("aggregate-section", "section: town", "section: latest", "articles/bakery-prices.md:3: `section`: latest lists every article; pick a section"),
        ("missing-field", "byline: C. Writer\n", "", "articles/bakery-prices.md:1: `byline`: required field is missing or empty"),
        ("unknown-field", "byline: C. Writer", "byline: C. Writer\nauthor: C", "articles/bakery-prices.md:7: `author`: unknown field"),
        ("bad-slug", "slug: bakery-prices", "slug: Bakery Prices", "articles/bakery-prices.md:2: `slug`: expected lowercase letters"),
        ("bad-lead", "byline: C. Writer", "byline: C. Writer\nlead: yes", "articles/bakery-prices.md:7: `lead`: expected true or false"),
    ];
    for (name, from, to, want) in cases {
        let errors = errors_after(name, |d| edit(d, "articles/bakery-prices.md", from, to));
        assert!(errors.iter().any(|e| e.starts_with(&format!("SRC/{want}"))), "{name}: {errors:?}");
    }
}

#[test]
fn bad_images_and_comments_are_named() {
    let errors = errors_after("missing-image", |d| fs::remove_file(d.join("images/dot.svg")).unwrap());
    assert!(errors.iter().any(|e| e.contains("volcano-erupts.md") && e.contains("no image file images/dot.svg")), "{errors:?}");
    let errors = errors_after("image-escape", |d| edit(d, "articles/volcano-erupts.md", "images/dot.svg 40x20 \"", "images/50%25-dot.svg 40x20 \""));
    assert!(errors.iter().any(|e| e.starts_with("SRC/articles/volcano-erupts.md:17: `image`: image path must be relative")), "{errors:?}");
    let errors = errors_after("image-size", |d| edit(d, "articles/volcano-erupts.md", "dot.svg 40x20 \"", "dot.svg wide \""));
    assert!(errors.iter().any(|e| e.starts_with("SRC/articles/volcano-erupts.md:17: `image`: expected WIDTHxHEIGHT")), "{errors:?}");
    let errors = errors_after("comment-parent", |d| edit(d, "comments/volcano-erupts.json", "\"parent\": \"1\"", "\"parent\": \"9\""));
    assert!(errors.iter().any(|e| e.contains("comments/volcano-erupts.json") && e.contains("parent 9 does not exist")), "{errors:?}");
    let errors = errors_after("comment-article", |d| fs::rename(d.join("comments/volcano-erupts.json"), d.join("comments/nope.json")).unwrap());
    assert!(errors.iter().any(|e| e.contains("no article with slug \"nope\"")), "{errors:?}");
    let errors = errors_after("comment-json", |d| fs::write(d.join("comments/volcano-erupts.json"), "[{\"id\": 1}]").unwrap());
    assert!(errors.iter().any(|e| e.contains("expected a JSON array of comments")), "{errors:?}");
}

#[test]
fn a_site_url_or_comment_endpoint_the_app_would_ignore_is_named() {
    let errors = errors_after("site-url", |d| edit(d, "site.json", "\"page_size\": 2,", "\"page_size\": 2, \"url\": \"gazette.example\","));
    assert!(errors.iter().any(|e| e.starts_with("SRC/site.json: `url`: expected the site's address starting with https://")), "{errors:?}");
    let errors = errors_after("endpoint", |d| edit(d, "site.json", "\"page_size\": 2,", "\"page_size\": 2, \"comment_endpoint\": \"api/comments\","));
    assert!(errors.iter().any(|e| e.starts_with("SRC/site.json: `comment_endpoint`: expected a URL")), "{errors:?}");
}

#[test]
fn read_more_is_read_in_any_case() {
    let files = compile_after("read-more-case", |d| edit(d, "articles/volcano-erupts.md", "Read more: ash-cloud-flights", "READ MORE: ash-cloud-flights"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let article = written(&files, "world/volcano-erupts/article.json");
    assert!(article.contains("\"type\":\"read_more\"") && !article.contains("READ MORE"), "{article}");
}

#[test]
fn image_paths_outside_the_images_folder_or_with_a_query_or_fragment_are_named() {
    let errors = errors_after("image-elsewhere", |d| {
        fs::create_dir_all(d.join("photos")).unwrap();
        fs::copy(d.join("images/dot.svg"), d.join("photos/dot.svg")).unwrap();
        edit(d, "articles/volcano-erupts.md", "images/dot.svg 40x20 \"", "photos/dot.svg 40x20 \"");
    });
    assert!(errors.iter().any(|e| e.starts_with("SRC/articles/volcano-erupts.md:17: `image`: image files go in the images folder")), "{errors:?}");
    for (name, path) in [("image-fragment", "images/dot#2.svg"), ("image-query", "images/dot.svg?v=2")] {
        let errors = errors_after(name, |d| edit(d, "articles/volcano-erupts.md", "images/dot.svg 40x20 \"", &format!("{path} 40x20 \"")));
        assert!(errors.iter().any(|e| e.starts_with("SRC/articles/volcano-erupts.md:17: `image`: image path must be relative")), "{name}: {errors:?}");
    }
}

#[test]
fn a_site_url_with_a_file_query_or_fragment_is_named() {
    for url in ["https://gazette.example/news/index.html", "https://gazette.example/?ref=x", "https://gazette.example/#top"] {
        let errors = errors_after("site-url-root", |d| edit(d, "site.json", "\"page_size\": 2,", &format!("\"page_size\": 2, \"url\": \"{url}\",")));
        assert!(errors.iter().any(|e| e.starts_with("SRC/site.json: `url`: expected the address of the site's root folder")), "{url}: {errors:?}");
    }
    for url in ["https://gazette.example", "https://gazette.example/news/", "https://gazette.example/news"] {
        compile_after("site-url-good", |d| edit(d, "site.json", "\"page_size\": 2,", &format!("\"page_size\": 2, \"url\": \"{url}\","))).unwrap_or_else(|e| panic!("{url}: {e:?}"));
    }
}

#[test]
fn a_story_file_the_compiler_would_not_read_is_named() {
    for (name, path) in [("upper-md", "articles/Story.MD"), ("markdown", "articles/story.markdown"), ("subfolder", "articles/2026/story.md")] {
        let errors = errors_after(name, |d| {
            fs::create_dir_all(d.join(path).parent().unwrap()).unwrap();
            fs::copy(d.join("articles/bakery-prices.md"), d.join(path)).unwrap();
        });
        let named = if name == "subfolder" { "SRC/articles/2026" } else { &format!("SRC/{path}") };
        assert!(errors.iter().any(|e| e.starts_with(&format!("{named}: only .md files are read in this folder"))), "{name}: {errors:?}");
    }
    // Hidden files (a desktop's .DS_Store) are passed over.
    compile_after("hidden", |d| fs::write(d.join("articles/.DS_Store"), "x").unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
}

#[test]
fn images_in_subfolders_are_found_and_written() {
    let dir = scratch("image-folders");
    copy_dir(&fixture(), &dir);
    fs::create_dir_all(dir.join("images/2026/01")).unwrap();
    fs::rename(dir.join("images/dot.svg"), dir.join("images/2026/01/dot.svg")).unwrap();
    let article = dir.join("articles/volcano-erupts.md");
    fs::write(&article, fs::read_to_string(&article).unwrap().replace("images/dot.svg", "images/2026/01/dot.svg")).unwrap();
    let files = output::files(&compile_dir(&dir).unwrap()).unwrap();
    fs::remove_dir_all(&dir).unwrap();
    assert!(files.iter().any(|(path, _)| path == Path::new("images/2026/01/dot.svg")));
}

#[test]
fn a_content_file_larger_than_the_app_reads_fails_the_build_naming_it() {
    let dir = scratch("too-large");
    copy_dir(&fixture(), &dir);
    let comment = |i: usize| format!(r#"{{ "id": "c{i}", "author": "Reader", "published": "2026-01-10T09:00:00Z", "text": "{}" }}"#, "word ".repeat(200));
    let many: Vec<String> = (0..2200).map(comment).collect();
    fs::write(dir.join("comments/volcano-erupts.json"), format!("[{}]", many.join(","))).unwrap();
    let result = output::files(&compile_dir(&dir).unwrap());
    fs::remove_dir_all(&dir).unwrap();
    let error = result.expect_err("a 2 MiB comments file must fail the build").to_string();
    assert!(error.contains("comments.json") && error.contains("over the 2048 KiB the app reads"), "{error}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let out = scratch("untouched");
    let good = compile_dir(&fixture()).unwrap();
    output::write_tree(&out, &output::files(&good).unwrap()).unwrap();
    let before = tree(&out);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_broadsheet-compile"))
        .arg("--out")
        .arg(&out)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/does-not-exist"))
        .status()
        .unwrap();
    assert!(!status.success());
    assert_eq!(tree(&out), before);
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_broadsheet-compile"))
        .args(["--check", "--out"])
        .arg(out.join("never"))
        .arg(fixture())
        .output()
        .unwrap();
    assert!(check.status.success());
    assert!(!out.join("never").exists(), "--check writes nothing");
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn updated_must_be_later_than_published() {
    // bakery-prices.md: published 2026-01-09T07:00:00-08:00 on line 7; `updated` goes on line 8.
    for (name, updated) in [("updated-same", "2026-01-09T15:00:00Z"), ("updated-earlier", "2026-01-08T07:00:00-08:00")] {
        let errors = errors_after(name, |d| {
            edit(d, "articles/bakery-prices.md", "07:00:00-08:00\n", &format!("07:00:00-08:00\nupdated: {updated}\n"))
        });
        assert_eq!(
            errors,
            ["SRC/articles/bakery-prices.md:8: `updated`: must be later than `published` (2026-01-09T07:00:00-08:00); write the time of the update, or leave `updated` out"],
            "{name}"
        );
    }
    let later = compile_after("updated-later", |d| {
        edit(d, "articles/bakery-prices.md", "07:00:00-08:00\n", "07:00:00-08:00\nupdated: 2026-01-09T15:00:01Z\n")
    });
    assert!(later.is_ok(), "{later:?}");
}

#[test]
fn a_blank_updated_line_means_never_updated() {
    let files = compile_after("updated-blank", |d| edit(d, "articles/bakery-prices.md", "07:00:00-08:00\n", "07:00:00-08:00\nupdated:\n"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let expected = fs::read_to_string(expected().join("town/bakery-prices/article.json")).unwrap();
    assert_eq!(written(&files, "town/bakery-prices/article.json"), expected);
}

fn with_endpoint(url: &str, endpoint: &str) -> impl FnOnce(&Path) {
    let (url, endpoint) = (url.to_string(), endpoint.to_string());
    move |d: &Path| {
        let fields = format!("\"page_size\": 2, \"url\": \"{url}\", \"comment_endpoint\": \"{endpoint}\",");
        edit(d, "site.json", "\"page_size\": 2,", &fields)
    }
}

#[test]
fn an_http_comment_endpoint_on_an_https_site_is_refused_unless_it_is_this_machine() {
    let errors = errors_after("mixed-content", with_endpoint("https://gazette.example/", "http://comments.gazette.example/api"));
    assert_eq!(errors, ["SRC/site.json: `comment_endpoint`: browsers block an http:// endpoint on an https:// site (mixed content); write https://comments.gazette.example/api or a path on the site starting with /"]);
    let errors = errors_after("mixed-content-case", with_endpoint("HTTPS://gazette.example/", "HTTP://user@Comments.example:80/api"));
    assert!(errors.iter().any(|e| e.contains("mixed content")), "{errors:?}");
    for (url, endpoint) in [
        ("https://gazette.example/", "http://localhost:8080/api"),
        ("https://gazette.example/", "http://127.0.0.1/api"),
        ("https://gazette.example/", "http://[::1]:9000/api"),
        ("https://gazette.example/", "https://comments.example/api"),
        ("https://gazette.example/", "/api/comments"),
        ("http://gazette.example/", "http://comments.example/api"),
    ] {
        let result = compile_after("endpoint-ok", with_endpoint(url, endpoint));
        assert!(result.is_ok(), "{url} with {endpoint}: {result:?}");
    }
}

#[test]
fn unknown_keys_in_site_and_comments_files_are_named_with_the_known_ones() {
    let errors = errors_after("site-key", |d| {
        edit(d, "site.json", "\"page_size\": 2,", "\"page_size\": 2, \"comments_endpoint\": \"/api\",");
        edit(d, "site.json", "{ \"slug\": \"world\", \"title\": \"World\" }", "{ \"slug\": \"world\", \"title\": \"World\", \"hidden\": true }");
    });
    assert_eq!(
        errors,
        [
            "SRC/site.json:6: `comments_endpoint`: unknown field in site.json; expected one of format_version, name, language, description, page_size, sections, url, comment_endpoint",
            "SRC/site.json:10: `hidden`: unknown field in a section; expected one of slug, title, description, aggregate",
        ]
    );
    let errors = errors_after("comment-key", |d| edit(d, "comments/volcano-erupts.json", "\"website\":", "\"webiste\":"));
    assert_eq!(errors, ["SRC/comments/volcano-erupts.json:3: `webiste`: unknown field in a comment; expected one of id, parent, author, website, published, text"]);
}

#[test]
fn a_slug_over_100_characters_says_so() {
    let long = |n: usize| "a".repeat(n);
    let errors = errors_after("long-slug", |d| edit(d, "articles/bakery-prices.md", "slug: bakery-prices", &format!("slug: {}", long(101))));
    assert_eq!(errors, ["SRC/articles/bakery-prices.md:2: `slug`: expected at most 100 characters (found 101); shorten it"]);
    let errors = errors_after("long-section", |d| edit(d, "site.json", "\"slug\": \"latest\"", &format!("\"slug\": \"{}\"", long(120))));
    assert_eq!(errors, [format!("SRC/site.json: `sections`: section slug \"{}\": expected at most 100 characters (found 120); shorten it", long(120))]);
    let result = compile_after("slug-at-limit", |d| edit(d, "articles/bakery-prices.md", "slug: bakery-prices", &format!("slug: {}", long(100))));
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_byte_order_mark_before_any_source_is_ignored() {
    let files = compile_after("bom", |d| {
        for file in ["site.json", "articles/bakery-prices.md", "comments/volcano-erupts.json"] {
            let text = fs::read_to_string(d.join(file)).unwrap();
            fs::write(d.join(file), format!("\u{feff}{text}")).unwrap();
        }
    });
    assert_eq!(files, Ok(output::files(&compile_dir(&fixture()).unwrap()).unwrap()));
}

#[test]
fn an_image_path_starting_with_dot_slash_is_the_file_and_written_without_it() {
    let files = compile_after("dot-slash", |d| {
        edit(d, "articles/volcano-erupts.md", "image: images/dot.svg", "image: ./images/dot.svg");
        edit(d, "articles/volcano-erupts.md", "(images/dot.svg", "(./images//dot.svg");
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let expected = fs::read_to_string(expected().join("world/volcano-erupts/article.json")).unwrap();
    assert_eq!(written(&files, "world/volcano-erupts/article.json"), expected);
}

#[test]
fn a_missing_image_is_named_with_the_article_line_that_shows_it() {
    let errors = errors_after("missing-image-line", |d| fs::remove_file(d.join("images/dot.svg")).unwrap());
    assert_eq!(
        errors,
        [
            "SRC/articles/volcano-erupts.md:8: `image`: no image file images/dot.svg (looked for SRC/images/dot.svg)",
            "SRC/articles/volcano-erupts.md:17: `image`: no image file images/dot.svg (looked for SRC/images/dot.svg)",
        ]
    );
}
