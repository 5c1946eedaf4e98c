//! The PDF file `gen pdf` writes for the seed: its text as pdftotext reads
//! it, its page-number ink as a rasteriser draws it, and its bytes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::standard::{BOTTOM, PAGE_NUMBER_DASH_TOP};
use common::tools::{Tool, need};
use common::{SEED, mm, pages, path_str, root, run_gen, seed};

/// The seed rendered once by the binary, into a temp folder kept for the run.
fn seed_pdf() -> &'static Path {
    static PDF: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &PDF.get_or_init(|| {
        let dir = common::tempdir();
        let out = dir.path().join("seed.pdf");
        let o = run_gen(&["pdf", SEED, "-o", path_str(&out)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (dir, out)
    })
    .1
}

fn tool(cmd: &str, args: &[&str]) -> Vec<u8> {
    let o = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (poppler-utils) must be installed: {e}"));
    assert!(
        o.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

#[test]
fn pdftotext_gives_the_notice_text_by_code_point() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let text = String::from_utf8(tool("pdftotext", &[path_str(seed_pdf()), "-"])).unwrap();
    common::assert_same_text(&common::pdftotext_body(&text), &common::seed_notice_text());
}

/// The joint notice and the notice with an attachment: every character,
/// in reading order (the joint mark's names, then 文件; the attachment after
/// the closing).
#[test]
fn pdftotext_gives_the_data_documents_by_code_point() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    for name in ["joint-notice", "attachment-plan"] {
        let dir = common::tempdir();
        let out = dir.path().join(format!("{name}.pdf"));
        let input = format!("data/{name}.yaml");
        let o = run_gen(&["pdf", &input, "-o", path_str(&out)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        common::assert_same_text(
            &common::pdftotext_raw(&out),
            &common::fixture_text(&format!("{name}.txt")),
        );
    }
}

#[test]
fn the_fixture_is_the_reconstructed_notice() {
    // Guards the fixture itself against the scrape's damage (README table).
    let t = std::fs::read_to_string(root().join("tests/fixtures/seed-notice.txt")).unwrap();
    for good in [
        "2018年11月5日至2019年1月10日",
        "（2019—2021年）",
        "巡察人员5人，",
        "一体推进不敢腐",
        "推动工作落实。针对",
        "dlshkqw@sina.com",
    ] {
        assert!(t.contains(good), "{good}");
    }
    for bad in [",", ":", ";", "(", ")", "201934日", "7未按要求"] {
        assert!(!t.contains(bad), "{bad:?}");
    }
}

#[test]
fn page_number_dash_top_is_7mm_below_the_block() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let pages = pages(seed());
    for n in [1usize, 2] {
        let dpi = 600;
        let (w, h, px) = common::raster(seed_pdf(), n, dpi);
        let to_px = |mm_: f64| (mm_ / 25.4 * dpi as f64).round() as usize;
        // The first dash's horizontal extent, from the frames.
        let line = pages[n - 1]
            .iter()
            .find(|l| (l.size - 14.0).abs() < 0.01)
            .unwrap();
        let dash = &line.glyphs[0];
        let (x0, x1) = (to_px(mm(dash.x)) + 2, to_px(mm(dash.x + dash.advance)) - 2);
        // The topmost inked row in those columns below the 版心 (262 mm).
        let top = (to_px(BOTTOM)..h)
            .find(|&y| (x0..x1.min(w)).any(|x| px[y * w + x] < 128))
            .expect("dash ink");
        let top_mm = top as f64 / dpi as f64 * 25.4;
        assert!(
            (top_mm - PAGE_NUMBER_DASH_TOP).abs() <= 0.5,
            "page {n}: dash top at {top_mm:.3} mm"
        );
    }
}

#[test]
fn same_input_same_bytes() {
    let dir = common::tempdir();
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    assert!(run_gen(&["pdf", SEED, "-o", path_str(&a)]).status.success());
    assert!(run_gen(&["pdf", SEED, "-o", path_str(&b)]).status.success());
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(a == b, "two runs differ");
    // The date is the document's 成文日期.
    if !need(&[Tool::Poppler]) {
        return;
    }
    let info = String::from_utf8(tool("pdfinfo", &[path_str(seed_pdf())])).unwrap();
    assert!(info.contains("2019"), "{info}");
    assert!(info.contains("Aug 14"), "{info}");
}

#[test]
fn source_date_epoch_sets_the_date() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let dir = common::tempdir();
    let out = dir.path().join("e.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_gen"))
        .args(["pdf", SEED, "-o", path_str(&out)])
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(o.status.success());
    let info = String::from_utf8(tool("pdfinfo", &[path_str(&out)])).unwrap();
    assert!(info.contains("Nov 14") && info.contains("2023"), "{info}");
}

#[test]
fn fonts_are_embedded_subsets() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let fonts = String::from_utf8(tool("pdffonts", &[path_str(seed_pdf())])).unwrap();
    for family in [
        "FandolFang",
        "NotoSerifCJKsc-Bold",
        "NotoSansCJKsc-Medium",
        "GongwenKai",
        "LiberationSerif",
        "NotoSerifCJKsc-Regular",
    ] {
        let line = fonts
            .lines()
            .find(|l| l.contains(family))
            .unwrap_or_else(|| panic!("{family} not in\n{fonts}"));
        assert!(
            line.contains(" yes yes "),
            "{family} not an embedded subset: {line}"
        );
    }
}

#[test]
fn a_bad_source_date_epoch_is_an_error() {
    let dir = common::tempdir();
    let out = dir.path().join("e.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_gen"))
        .args(["pdf", SEED, "-o", path_str(&out)])
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("SOURCE_DATE_EPOCH=\"yesterday\": expected whole seconds")
    );
    assert!(!out.exists());
}
