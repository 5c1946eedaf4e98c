//! Round trip through gongwen's own writers (issue 21, item 2): `gen docx`
//! of every data/ document, read back by `gen import`, gives the document
//! again — every field, body item, table, attachment with its content,
//! joint mark, 版记 and §10 format. Seal and 签名章 images are pictures,
//! not text: import names the 签发人's title and leaves the image to a
//! person, so both sides are compared without them.

mod common;

use std::path::Path;

use common::{root, run_gen};
use gongwen::model::{Document, Seal};

/// The document as import can give it back: without its seal images.
fn comparable(mut d: Document) -> Document {
    d.seal = Seal::None;
    d.signature_seal = None;
    d
}

fn load(path: &Path) -> Document {
    let (d, _) = gongwen::load::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    comparable(d)
}

/// Imports `bytes`, writes the YAML next to `name` in `dir` and loads it.
fn imported(bytes: &[u8], dir: &Path, name: &str) -> (Document, String) {
    let import = gongwen::import::read(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let yaml = import.yaml(name);
    let path = dir.join(format!("{name}.yaml"));
    std::fs::write(&path, &yaml).unwrap();
    (load(&path), yaml)
}

fn data_documents() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_data_document_comes_back_from_its_docx() {
    let dir = tempfile::tempdir().unwrap();
    let mut failed = Vec::new();
    for path in data_documents() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let docx = dir.path().join(format!("{name}.docx"));
        let out = run_gen(&["docx", path.to_str().unwrap(), "-o", docx.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let original = load(&path);
        let (back, yaml) = imported(&std::fs::read(&docx).unwrap(), dir.path(), &name);
        if back != original {
            failed.push(format!("{name}:\n{yaml}"));
        }
    }
    assert!(
        failed.is_empty(),
        "not given back whole:\n{}",
        failed.join("\n")
    );
}

/// The text a reader copies from each data/ document's web page (`gen
/// html`, opened in Chromium: `document.body.innerText`, what select-all
/// and copy give), imported: the same document should come back. Measured
/// on every run; 6 of 12 do today.
#[test]
fn every_data_document_comes_back_from_the_text_of_its_web_page() {
    if !common::tools::need(&[
        common::tools::Tool::Chromium,
        common::tools::Tool::Playwright,
    ]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for path in data_documents() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let html = dir.path().join(format!("{name}.html"));
        let out = run_gen(&["html", path.to_str().unwrap(), "-o", html.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        pages.push((name, path, html));
    }
    let chromium = String::from_utf8(common::run("sh", &["-c", "command -v chromium"], &[]))
        .unwrap()
        .trim()
        .to_string();
    let o = std::process::Command::new(common::python())
        .arg(root().join("tests/support/html_text.py"))
        .arg(&chromium)
        .args(pages.iter().map(|p| &p.2))
        .output()
        .expect("python runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut failed = Vec::new();
    for (name, path, html) in &pages {
        let text = std::fs::read(html.with_extension("txt")).expect("the page's text");
        let original = load(path);
        let import = gongwen::import::read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let yaml = import.yaml(name);
        let file = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&file, &yaml).unwrap();
        match gongwen::load::load(&file) {
            Ok((back, _)) if comparable(back.clone()) == original => {}
            Ok(_) => failed.push(format!("{name}:\n{yaml}")),
            Err(e) => failed.push(format!("{name}: {e}\n{yaml}")),
        }
    }
    eprintln!(
        "{} of {} exact; not yet:\n{}",
        pages.len() - failed.len(),
        pages.len(),
        failed.join("\n")
    );
    // Issue 21, item 2 is not done for the page's text: these come back
    // whole and must stay so; the others are listed above on every run:
    // run-in headings printed without punctuation (sealed-notice,
    // joint-sealed-notice, letter-reply), whose end the copied text no
    // longer shows, and tables copied as tab-separated cells
    // (table-register, table-report, table-statistics).
    for name in [
        "attachment-plan",
        "joint-notice",
        "minutes-meeting",
        "order-commendation",
        "order-decree",
        "seed-notice",
    ] {
        assert!(
            !failed.iter().any(|f| f.starts_with(&format!("{name}:"))),
            "{name} no longer comes back whole from its page's text:\n{}",
            failed.join("\n")
        );
    }
}
