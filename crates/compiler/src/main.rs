//! `broadsheet-compile [--check] [--out DIR] [--site SITE_DIR [--base PATH]] [SOURCE_DIR]`
//!
//! Compiles the article sources in SOURCE_DIR (default `content`) into the JSON content tree in DIR (default
//! `dist/content`, or `SITE_DIR/content` with `--site`: where the pages' app reads it). With `--site`, also writes a pre-rendered entry page (`index.html`) for every URL, and
//! `404.html`, into SITE_DIR, using the app shell Trunk built there (`SITE_DIR/index.html`, kept as
//! `SITE_DIR/shell.html`), and `embed.js` for host pages from the build's loader (`SITE_DIR/loader-HASH.js`, the one the shell names). `--base /news/` writes them for a site served under that path instead: only HTML
//! changes, the WASM, JS, CSS and JSON stay as they are. Pages an earlier run wrote into SITE_DIR that this run no
//! longer produces (a deleted story, a removed section) are removed. With `--check` it only validates and writes
//! nothing. DIR and SITE_DIR must be outside SOURCE_DIR and not contain it, and DIR must not contain SITE_DIR.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::{IsTerminal, Write};

use broadsheet_compiler::{compile_dir_with_progress, entry, output};

fn main() -> ExitCode {
    let mut check = false;
    let mut out: Option<PathBuf> = None;
    let mut source = PathBuf::from("content");
    let mut site_dir: Option<PathBuf> = None;
    let mut base: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--out" => match args.next() {
                Some(dir) => out = Some(dir.into()),
                None => return usage("--out needs a folder"),
            },
            "--base" => match args.next() {
                Some(path) => base = Some(path),
                None => return usage("--base needs a path such as /news/"),
            },
            "--site" => match args.next() {
                Some(dir) => site_dir = Some(dir.into()),
                None => return usage("--site needs a folder"),
            },
            "-h" | "--help" => {
                println!("usage: broadsheet-compile [--check] [--out DIR] [--site SITE_DIR [--base PATH]] [SOURCE_DIR]");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => return usage(&format!("unknown option {flag}")),
            dir => source = dir.into(),
        }
    }
    // The pages' app reads the content from `content/` beside them (under the base path): written anywhere else,
    // every in-app link would find nothing.
    let out = out.unwrap_or_else(|| site_dir.as_ref().map_or_else(|| PathBuf::from("dist/content"), |site| site.join("content")));
    if let (false, Err(problem)) = (check, check_folders(&source, &out, site_dir.as_deref())) {
        return usage(&problem);
    }
    let mut bar = ProgressBar::new("reading articles");
    let newsroom = compile_dir_with_progress(&source, &mut |done, total| bar.show(done, total));
    bar.finish();
    let newsroom = match newsroom {
        Ok(newsroom) => newsroom,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("broadsheet-compile: {} problem(s); nothing was written", errors.len());
            return ExitCode::FAILURE;
        }
    };
    let shell = match &site_dir {
        Some(dir) => match read_shell(dir) {
            Ok(shell) => Some(match &base {
                Some(base) => shell.rebased(base),
                None => shell,
            }),
            Err(e) => {
                eprintln!("broadsheet-compile: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    // Trunk's fresh island files get hashed names, and the shell (so every page) lists them.
    let shell = match (&site_dir, shell) {
        (Some(dir), Some(shell)) if !check => match broadsheet_compiler::islands::hash_islands(dir) {
            Ok(Some(islands)) => Some(shell.with_islands(&islands)),
            Ok(None) => Some(shell),
            Err(e) => {
                eprintln!("broadsheet-compile: cannot name the islands in {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        },
        (_, shell) => shell,
    };
    let result = (|| -> std::io::Result<(usize, usize)> {
        let mut files = 0;
        if check {
            files = output::each_file(&newsroom, &mut |_, _| Ok(()))?;
        } else {
            output::write_tree_with(&out, &mut |emit| {
                files = output::each_file(&newsroom, emit)?;
                Ok(files)
            })?;
        }
        let (mut pages, mut removed) = (0, 0);
        if let Some(shell) = &shell {
            let mut written = HashSet::new();
            let mut bar = ProgressBar::new("writing pages");
            let total = newsroom.articles.len() + newsroom.listings.len() + 2;
            let mut done = 0;
            pages = entry::each_page(&newsroom, shell, &mut |path, html| {
                done += 1;
                bar.show(done, total);
                written.insert(path.clone());
                match &site_dir {
                    Some(dir) if !check => output::write_page(dir, &path, &html),
                    _ => Ok(()),
                }
            })?;
            bar.finish();
            if let (Some(dir), false) = (&site_dir, check) {
                // In the newsroom's language too: where a host serves it, the app draws every page into it.
                let served = entry::with_language(&broadsheet_compiler::preloads::served_shell(shell.html()), &newsroom.site.language);
                output::write_page(dir, entry::SHELL_FILE, &served)?;
                let loader_file = broadsheet_compiler::embed::loader_file(shell.html()).map_err(std::io::Error::other)?;
                let loader_path = dir.join(loader_file);
                let loader = std::fs::read_to_string(&loader_path).map_err(|e| {
                    std::io::Error::new(e.kind(), format!("cannot read {} (embed.js is written from it): {e}", loader_path.display()))
                })?;
                let embed = broadsheet_compiler::embed::embed_script(shell.html(), &loader).map_err(std::io::Error::other)?;
                output::write_page(dir, broadsheet_compiler::embed::EMBED_FILE, &embed)?;
                removed = output::remove_stale_pages(dir, &written)?;
            }
        }
        Ok((files + pages, removed))
    })();
    match result {
        Ok((n, _)) if check => {
            println!("broadsheet-compile: {} articles OK ({n} files would be written)", newsroom.articles.len());
            ExitCode::SUCCESS
        }
        Ok((n, removed)) => {
            let removed = if removed > 0 { format!("; removed {removed} page(s) an earlier run wrote that this one no longer produces") } else { String::new() };
            println!("broadsheet-compile: {} articles, {n} files written (content in {}){removed}", newsroom.articles.len(), out.display());
            ExitCode::SUCCESS
        }
        // The newsroom's files, not the output: named as they are (a check writes nothing anyway).
        Err(e) if check || e.get_ref().is_some_and(|inner| inner.is::<output::Refused>()) => {
            eprintln!("broadsheet-compile: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("broadsheet-compile: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// Refuses output folders where writing would delete or mix with the newsroom's sources, or where the content tree
/// would replace the built site.
fn check_folders(source: &Path, out: &Path, site_dir: Option<&Path>) -> Result<(), String> {
    let apart = |flag: &str, folder: &Path, does: &str, example: &str| match output::overlap(folder, source) {
        Some(how) => Err(format!(
            "{flag} {} {how} the source folder {}; the compiler {does}, which could delete the newsroom's sources: \
             give a folder outside it, e.g. {flag} {example}",
            folder.display(),
            source.display()
        )),
        None => Ok(()),
    };
    apart("--out", out, "replaces that folder whole", "dist/content")?;
    let Some(site) = site_dir else { return Ok(()) };
    apart("--site", site, "writes and removes pages there", "dist")?;
    match output::overlap(out, site) {
        Some(how @ ("is" | "contains")) => Err(format!(
            "--out {} {how} the --site folder {}; the content tree replaces its folder whole, which would delete the \
             built site: give a folder inside it, e.g. --out {}",
            out.display(),
            site.display(),
            site.join("content").display()
        )),
        _ => Ok(()),
    }
}

/// Trunk's shell: `shell.html` once the compiler has run, else the `index.html` Trunk just wrote.
fn read_shell(dir: &std::path::Path) -> Result<entry::Shell, String> {
    let kept = dir.join(entry::SHELL_FILE);
    let file = if kept.exists() { kept } else { dir.join("index.html") };
    std::fs::read_to_string(&file)
        .map_err(|e| e.to_string())
        .map(|html| broadsheet_compiler::preloads::trunk_shell(&html))
        .and_then(entry::Shell::parse)
        .map_err(|e| format!("cannot use {} as the app shell: {e}", file.display()))
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("broadsheet-compile: {problem}\nusage: broadsheet-compile [--check] [--out DIR] [--site SITE_DIR [--base PATH]] [SOURCE_DIR]");
    ExitCode::from(2)
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and the job is long enough to matter.
struct ProgressBar {
    label: &'static str,
    on_terminal: bool,
    drawn: usize,
}

impl ProgressBar {
    fn new(label: &'static str) -> Self {
        ProgressBar { label, on_terminal: std::io::stderr().is_terminal(), drawn: usize::MAX }
    }

    fn show(&mut self, done: usize, total: usize) {
        if !self.on_terminal || total < 500 {
            return;
        }
        let percent = done * 100 / total.max(1);
        if percent == self.drawn {
            return;
        }
        self.drawn = percent;
        let filled = percent * 30 / 100;
        eprint!("\r{} [{}{}] {percent:>3}% {done}/{total}", self.label, "#".repeat(filled), " ".repeat(30 - filled));
        let _ = std::io::stderr().flush();
    }

    fn finish(&self) {
        if self.drawn != usize::MAX {
            eprintln!();
        }
    }
}
