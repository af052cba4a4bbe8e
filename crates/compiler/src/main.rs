//! `broadsheet-compile [--check] [--out DIR] [--site SITE_DIR [--base PATH]] [SOURCE_DIR]`
//!
//! Compiles the article sources in SOURCE_DIR (default `content`) into the JSON content tree in DIR (default
//! `dist/content`). With `--site`, also writes a pre-rendered entry page (`index.html`) for every URL, and
//! `404.html`, into SITE_DIR, using the app shell Trunk built there (`SITE_DIR/index.html`, kept as
//! `SITE_DIR/shell.html`), and `embed.js` for host pages from the build's loader (`SITE_DIR/loader-HASH.js`, the one the shell names). `--base /news/` writes them for a site served under that path instead: only HTML
//! changes, the WASM, JS, CSS and JSON stay as they are. With `--check` it only validates and writes nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use std::io::{IsTerminal, Write};

use broadsheet_compiler::{compile_dir_with_progress, entry, output};

fn main() -> ExitCode {
    let mut check = false;
    let mut out = PathBuf::from("dist/content");
    let mut source = PathBuf::from("content");
    let mut site_dir: Option<PathBuf> = None;
    let mut base: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--out" => match args.next() {
                Some(dir) => out = dir.into(),
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
    let result = (|| -> std::io::Result<usize> {
        let mut files = 0;
        if check {
            files = output::each_file(&newsroom, &mut |_, _| Ok(()))?;
        } else {
            output::write_tree_with(&out, &mut |emit| {
                files = output::each_file(&newsroom, emit)?;
                Ok(files)
            })?;
        }
        let mut pages = 0;
        if let Some(shell) = &shell {
            let mut bar = ProgressBar::new("writing pages");
            let total = newsroom.articles.len() + newsroom.listings.len() + 2;
            let mut done = 0;
            pages = entry::each_page(&newsroom, shell, &mut |path, html| {
                done += 1;
                bar.show(done, total);
                match &site_dir {
                    Some(dir) if !check => output::write_page(dir, &path, &html),
                    _ => Ok(()),
                }
            })?;
            bar.finish();
            if let (Some(dir), false) = (&site_dir, check) {
                output::write_page(dir, entry::SHELL_FILE, shell.html())?;
                let loader_file = broadsheet_compiler::embed::loader_file(shell.html()).map_err(std::io::Error::other)?;
                let loader_path = dir.join(loader_file);
                let loader = std::fs::read_to_string(&loader_path).map_err(|e| {
                    std::io::Error::new(e.kind(), format!("cannot read {} (embed.js is written from it): {e}", loader_path.display()))
                })?;
                let embed = broadsheet_compiler::embed::embed_script(shell.html(), &loader).map_err(std::io::Error::other)?;
                output::write_page(dir, broadsheet_compiler::embed::EMBED_FILE, &embed)?;
            }
        }
        Ok(files + pages)
    })();
    match result {
        Ok(n) if check => {
            println!("broadsheet-compile: {} articles OK ({n} files would be written)", newsroom.articles.len());
            ExitCode::SUCCESS
        }
        Ok(n) => {
            println!("broadsheet-compile: {} articles, {n} files written (content in {})", newsroom.articles.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("broadsheet-compile: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// Trunk's shell: `shell.html` once the compiler has run, else the `index.html` Trunk just wrote.
fn read_shell(dir: &std::path::Path) -> Result<entry::Shell, String> {
    let kept = dir.join(entry::SHELL_FILE);
    let file = if kept.exists() { kept } else { dir.join("index.html") };
    std::fs::read_to_string(&file)
        .map_err(|e| e.to_string())
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
