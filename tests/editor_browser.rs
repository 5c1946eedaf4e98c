//! `gen serve` in a real browser: one Chromium (Debian's, driven by
//! Playwright for Python, `tests/support/editor_e2e.py`) does what a clerk
//! does — a new 通知 from the form, a title and two paragraphs typed and
//! seen on the pages, a table row added, a seal uploaded and seen, a
//! finding fixed with one click, the YAML edited and the form following,
//! the server killed mid-edit and the edits recovered, a Word file
//! imported by drop, saved, downloaded. This test judges what it left
//! behind: the saved files, and the downloaded PDF against `gen pdf` and
//! against the preview's pages.
//!
//! `GONGWEN_DOCS_SCREENSHOTS=1` copies its screenshots into `docs/`.

mod common;

use std::process::Command;

use common::tools::{Tool, need};

#[test]
fn a_clerk_writes_imports_and_saves_in_the_browser() {
    if !need(&[
        Tool::Chromium,
        Tool::Playwright,
        Tool::Poppler,
        Tool::PythonLibs,
    ]) {
        return;
    }
    let dir = common::tempdir();
    let folder = dir.path().join("docs");
    let shots = dir.path().join("shots");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&shots).unwrap();
    let chromium = String::from_utf8(common::run("sh", &["-c", "command -v chromium"], &[]))
        .unwrap()
        .trim()
        .to_string();
    let o = Command::new(common::python())
        .arg(common::root().join("tests/support/editor_e2e.py"))
        .args([
            env!("CARGO_BIN_EXE_gen"),
            common::path_str(&folder),
            common::path_str(&shots),
            &chromium,
        ])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "the browser test failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(
        o.stdout
            .split(|&b| b == b'\n')
            .rfind(|l| l.starts_with(b"{"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(summary["errors"], serde_json::json!([]), "{summary}");
    // Ctrl-C (SIGINT) stopped the server with status 0.
    assert_eq!(summary["stopped"], 0, "{summary}");
    assert_eq!(summary["paragraphs"], 2, "{summary}");
    // A refusal at its field, in Chinese: 签发人 too many for the 版头; a
    // 命令 without its 签名章.
    let refusal = summary["refusal"].as_str().unwrap();
    assert!(
        refusal.starts_with("signers|") && refusal.contains("超出"),
        "{summary}"
    );
    assert!(
        summary["order_refusal"]
            .as_str()
            .is_some_and(|p| p.starts_with("signature_seal")),
        "{summary}"
    );
    // The import report's dropped line leads to where it stood.
    assert_eq!(summary["report_goto"], "title", "{summary}");

    // The new 通知 as saved: the typed text, the row, the fix, the seal,
    // and the edit recovered from the journal after the kill.
    let notice = std::fs::read_to_string(folder.join("e2e-notice.yaml")).unwrap();
    for want in [
        "kind: 通知",
        "消防设施",
        "heading: 工作要求",
        "seal: seals/education.png",
        "（未保存的修改）",
        "关于开展安全生产专项检查的通知",
        "title: 检查记录表",
        "各单位填写后报送。",
    ] {
        assert!(notice.contains(want), "{want} not saved:\n{notice}");
    }
    assert!(folder.join("seals/education.png").is_file());
    assert!(!folder.join(".e2e-notice.yaml.journal").exists());
    let gen_pdf = |name: &str, out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_gen"))
            .args(["pdf", name, "-o", out])
            .current_dir(&folder)
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("GONGWEN_FONT_DIR")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    gen_pdf("e2e-notice.yaml", "e2e-notice.pdf");

    // The imported Word file, saved, gives through `gen pdf` the bytes the
    // editor downloaded; and those pages are the preview's.
    gen_pdf("imported.yaml", "imported-cli.pdf");
    let cli = std::fs::read(folder.join("imported-cli.pdf")).unwrap();
    let downloaded = std::fs::read(folder.join("imported-download.pdf")).unwrap();
    assert!(
        cli == downloaded,
        "gen pdf of the saved YAML differs from the download"
    );
    let preview = summary["imported_preview_text"].as_array().unwrap();
    assert_eq!(summary["imported_pages"], preview.len());
    for (k, text) in preview.iter().enumerate() {
        let n = (k + 1).to_string();
        let pdf = common::run(
            "pdftotext",
            &[
                "-f",
                &n,
                "-l",
                &n,
                common::path_str(&folder.join("imported-download.pdf")),
                "-",
            ],
            &[],
        );
        assert_eq!(
            common::strip_ws(&String::from_utf8_lossy(&pdf)),
            common::strip_ws(text.as_str().unwrap()),
            "page {n}"
        );
    }
    let info = String::from_utf8(common::run(
        "pdfinfo",
        &[common::path_str(&folder.join("imported-download.pdf"))],
        &[],
    ))
    .unwrap();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse::<usize>().unwrap());
    assert_eq!(pages, Some(preview.len()), "{info}");

    if std::env::var("GONGWEN_DOCS_SCREENSHOTS").is_ok_and(|v| v == "1") {
        for name in ["serve-editor.png", "serve-finding.png", "serve-import.png"] {
            std::fs::copy(shots.join(name), common::root().join("docs").join(name)).unwrap();
        }
    }
}
