//! The folders the compiler writes to: it refuses ones that overlap the sources, and a re-run with `--site` removes
//! the pages of stories and sections that are gone. Every run works on a scratch copy of the fixture.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{copy_dir, fixture, tree};

/// A fresh scratch folder holding a copy of the fixture as `news/`.
fn scratch(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("broadsheet-folders-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    copy_dir(&fixture(), &root.join("news"));
    root
}

fn compile(args: &[&Path]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_broadsheet-compile"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

/// Compiles the scratch newsroom into `site/content`: what it said when it refused, or the images it published.
fn compile_news(root: &Path) -> Result<Vec<String>, String> {
    let run = compile(&[Path::new("--out"), &root.join("site/content"), &root.join("news")]);
    let said = String::from_utf8_lossy(&run.stderr).into_owned();
    match run.status.success() {
        true => Ok(tree(&root.join("site/content/images")).into_iter().map(|(name, _)| name).collect()),
        false => Err(said),
    }
}

#[test]
fn output_folders_that_overlap_the_sources_are_refused_before_anything_is_written() {
    let root = scratch("overlap");
    let news = root.join("news");
    let before = tree(&news);
    fs::create_dir_all(root.join("site")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&news, root.join("link")).unwrap();
    let out = |p: &str| root.join(p);
    let mut cases: Vec<(Vec<PathBuf>, String)> = vec![
        (vec!["--out".into(), news.clone()], "--out SRC/news is the source folder SRC/news".into()),
        (vec!["--out".into(), out("news/dist/content")], "--out SRC/news/dist/content is inside the source folder".into()),
        (vec!["--out".into(), root.clone()], "--out SRC contains the source folder".into()),
        (vec!["--out".into(), out("nowhere/../news")], "--out SRC/nowhere/../news is the source folder".into()),
        (vec!["--out".into(), out("x/content"), "--site".into(), news.clone()], "--site SRC/news is the source folder".into()),
        (vec!["--out".into(), out("site"), "--site".into(), out("site")], "--out SRC/site is the --site folder SRC/site".into()),
    ];
    #[cfg(unix)]
    cases.push((vec!["--out".into(), out("link/content")], "--out SRC/link/content is inside the source folder".into()));
    for (args, want) in cases {
        let mut all: Vec<&Path> = args.iter().map(PathBuf::as_path).collect();
        all.push(&news);
        let run = compile(&all);
        let stderr = String::from_utf8_lossy(&run.stderr).replace(&root.display().to_string(), "SRC");
        assert!(!run.status.success(), "{args:?} must be refused");
        assert!(stderr.contains(&want) && stderr.contains("give a folder"), "{args:?}: {stderr}");
        assert_eq!(tree(&news), before, "{args:?} changed the sources");
        assert!(!out("x").exists() && tree(&out("site")).is_empty(), "{args:?} wrote something");
    }
    let run = compile(&[Path::new("--out"), &out("site/content"), &news]);
    assert!(run.status.success(), "a folder beside the sources is fine: {}", String::from_utf8_lossy(&run.stderr));
    fs::remove_dir_all(&root).unwrap();
}

const SHELL: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<title>Broadsheet</title>
<link rel="stylesheet" href="/main-1.css" integrity="sha384-c"/>
<link rel="modulepreload" href="/app-2.js" crossorigin="anonymous" integrity="sha384-j">
<link rel="preload" href="/app-2_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch" type="application/wasm">
<script type="module" id="broadsheet-loader" src="/loader-0123456789abcdef.js"></script>
</head>
<body><div id="broadsheet" class="bs-host"></div></body>
</html>
"#;

/// The fixture's `news/` under `root`, and a `site/` holding what Trunk's build leaves there for the compiler.
fn trunk_site(root: &Path) -> (PathBuf, PathBuf) {
    let (news, site) = (root.join("news"), root.join("site"));
    fs::create_dir_all(&site).unwrap();
    fs::write(site.join("index.html"), SHELL).unwrap();
    fs::write(site.join("loader-0123456789abcdef.js"), "export async function boot(e,r){}\n").unwrap();
    (news, site)
}

/// Compiles `news` into `site` (a stand-in for Trunk's build) and returns the compiler's report.
fn build_site(news: &Path, site: &Path) -> String {
    let run = compile(&[Path::new("--out"), &site.join("content"), Path::new("--site"), site, news]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    String::from_utf8_lossy(&run.stdout).into_owned()
}

#[test]
fn a_rebuild_removes_the_pages_of_stories_and_sections_that_are_gone_and_nothing_else() {
    let root = scratch("stale");
    let (news, site) = trunk_site(&root);
    build_site(&news, &site);
    for page in ["world/volcano-erupts/index.html", "latest/page/2/index.html", "town/index.html", "town/bakery-prices/index.html"] {
        assert!(site.join(page).is_file(), "{page} written");
    }
    // Files the compiler did not write, some where its pages go.
    let hand_written = ["town/notes/index.html", "town/bakery-prices/photo.txt", "about/index.html"];
    for file in hand_written {
        fs::create_dir_all(site.join(file).parent().unwrap()).unwrap();
        fs::write(site.join(file), "<p>not the compiler's</p>").unwrap();
    }

    // One story and a whole section (with its only story) go; the newest-first listing loses its second page.
    fs::remove_file(news.join("articles/volcano-erupts.md")).unwrap();
    fs::remove_file(news.join("comments/volcano-erupts.json")).unwrap();
    fs::remove_file(news.join("articles/bakery-prices.md")).unwrap();
    let site_json = fs::read_to_string(news.join("site.json")).unwrap();
    let without_town = site_json.replace("    { \"slug\": \"town\", \"title\": \"Town\", \"description\": \"Town news.\" },\n", "");
    assert_ne!(without_town, site_json);
    fs::write(news.join("site.json"), without_town).unwrap();
    let report = build_site(&news, &site);

    for gone in ["world/volcano-erupts", "latest/page", "town/index.html", "town/bakery-prices/index.html"] {
        assert!(!site.join(gone).exists(), "{gone} is left over");
    }
    for kept in ["index.html", "404.html", "world/index.html", "world/ash-cloud-flights/index.html", "latest/index.html"] {
        assert!(site.join(kept).is_file(), "{kept} missing");
    }
    for file in hand_written {
        assert_eq!(fs::read_to_string(site.join(file)).unwrap(), "<p>not the compiler's</p>", "{file}");
    }
    assert!(report.contains("removed 4 page(s) an earlier run wrote that this one no longer produces"), "{report}");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn with_site_and_no_out_the_content_goes_beside_the_pages_where_their_app_reads_it() {
    let root = scratch("site-content");
    let (news, site) = trunk_site(&root);
    let run = compile(&[Path::new("--site"), &site, &news]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(site.join("content/site.json").is_file() && site.join("content/world/volcano-erupts/article.json").is_file());
    assert!(site.join("world/volcano-erupts/index.html").is_file());
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn the_shell_is_written_in_the_newsrooms_language_and_follows_a_change_of_it() {
    let root = scratch("shell-language");
    let (news, site) = trunk_site(&root);
    for language in ["fr", "de"] {
        let site_json = fs::read_to_string(news.join("site.json")).unwrap();
        let edited = site_json.replacen("\"language\": \"en\"", &format!("\"language\": \"{language}\""), 1).replacen("\"language\": \"fr\"", &format!("\"language\": \"{language}\""), 1);
        fs::write(news.join("site.json"), edited).unwrap();
        build_site(&news, &site);
        for page in ["shell.html", "index.html", "404.html", "world/volcano-erupts/index.html"] {
            let html = fs::read_to_string(site.join(page)).unwrap();
            assert!(html.contains(&format!("<html lang=\"{language}\">")), "{page} in {language}");
        }
    }
    fs::remove_dir_all(&root).unwrap();
}

#[cfg(unix)]
#[test]
fn links_in_the_images_folder_to_folders_are_not_followed_and_links_to_files_are_copied() {
    let root = scratch("links");
    let images = root.join("news/images");
    // Each a loop: followed, the compiler would never finish.
    std::os::unix::fs::symlink(".", images.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", images.join("up")).unwrap();
    std::os::unix::fs::symlink("dot.svg", images.join("same-dot.svg")).unwrap();
    let written = compile_news(&root).unwrap_or_else(|said| panic!("{said}"));
    assert_eq!(written, ["dot.svg", "same-dot.svg"]);
    fs::remove_dir_all(&root).unwrap();
}

#[cfg(unix)]
#[test]
fn an_image_reached_through_a_link_to_a_folder_is_refused_saying_why() {
    let root = scratch("linked-folder");
    let wire = root.join("wire");
    fs::create_dir_all(&wire).unwrap();
    fs::copy(root.join("news/images/dot.svg"), wire.join("dot.svg")).unwrap();
    std::os::unix::fs::symlink(&wire, root.join("news/images/wire")).unwrap();
    let story = root.join("news/articles/volcano-erupts.md");
    let text = fs::read_to_string(&story).unwrap().replace("image: images/dot.svg", "image: images/wire/dot.svg");
    fs::write(&story, text).unwrap();
    let said = compile_news(&root).expect_err("refused");
    assert!(said.contains("images/wire/dot.svg is in a folder reached through a link"), "{said}");
    assert!(said.contains("volcano-erupts.md"), "{said}");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn hidden_files_in_the_images_folder_are_not_published() {
    let root = scratch("hidden");
    let images = root.join("news/images");
    fs::write(images.join(".DS_Store"), "Bud1 unpublished-scoop.svg").unwrap();
    fs::write(images.join("._dot.svg"), "resource fork").unwrap();
    fs::create_dir_all(images.join(".git")).unwrap();
    fs::write(images.join(".git/HEAD"), "ref: refs/heads/main").unwrap();
    let written = compile_news(&root).unwrap_or_else(|said| panic!("{said}"));
    assert_eq!(written, ["dot.svg"]);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn an_image_named_with_other_capitals_than_its_file_is_refused_naming_the_file() {
    let root = scratch("capitals");
    let story = root.join("news/articles/volcano-erupts.md");
    let text = fs::read_to_string(&story).unwrap().replace("image: images/dot.svg", "image: images/Dot.svg");
    fs::write(&story, text).unwrap();
    let said = compile_news(&root).expect_err("refused");
    assert!(said.contains("no image file images/Dot.svg: the file is images/dot.svg"), "{said}");
    fs::remove_dir_all(&root).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn an_image_that_cannot_be_read_is_named() {
    let root = scratch("unreadable");
    // A file that no one can read, root included (these tests run as root, where permissions stop nothing):
    // reading a process's memory from its start fails.
    std::os::unix::fs::symlink("/proc/self/mem", root.join("news/images/broken.svg")).unwrap();
    let said = compile_news(&root).expect_err("refused");
    // The image is to blame, not the output folder.
    assert!(said.contains("images/broken.svg: cannot read") && !said.contains("cannot write"), "{said}");
    // A check writes nothing, and does not say it could not.
    let check = compile(&[Path::new("--check"), &root.join("news")]);
    assert!(!check.status.success());
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(said.contains("images/broken.svg: cannot read") && !said.contains("cannot write"), "{said}");
    fs::remove_dir_all(&root).unwrap();
}
