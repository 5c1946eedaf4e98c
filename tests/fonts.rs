//! `--font-dir`: an office's own fonts are found by their family names,
//! Chinese or English, and preferred over the bundled ones. The official
//! fonts cannot ship with the project, so a bundled font renamed with
//! fontTools stands in for one.

mod common;

use std::process::Command;

use common::{SEED, path_str, root, run_gen};
use gongwen::fonts::FontSet;
use gongwen::model::Role;

/// A font directory holding `GongwenKai` renamed as 仿宋_GB2312 (its
/// Chinese name only under zh-CN; English FangSong_GB2312 otherwise).
fn office_fonts() -> tempfile::TempDir {
    renamed("FangSong_GB2312")
}

/// A font directory with the Kai font renamed: 仿宋_GB2312 in Chinese,
/// `english` in English.
fn renamed(english: &str) -> tempfile::TempDir {
    let dir = common::tempdir();
    let out = dir.path().join("fangsong.ttf");
    let o = Command::new(common::python())
        .args([
            path_str(&root().join("tests/support/rename_font.py")),
            path_str(&root().join("fonts/GongwenKai-Regular.ttf")),
            path_str(&out),
            "仿宋_GB2312",
            english,
        ])
        .output()
        .expect("python with fontTools (run .ci/run)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

#[test]
fn an_office_font_is_found_by_name_and_preferred() {
    let dir = office_fonts();
    let fonts = FontSet::with_dir(dir.path()).unwrap();
    assert_eq!(fonts.chain(Role::Body)[0], "FangSong_GB2312");
    let i = fonts.resolve(Role::Body, '国').unwrap();
    assert_eq!(fonts.family(i), "FangSong_GB2312");
    // Roles the folder has nothing for keep the bundled fonts.
    assert_eq!(fonts.chain(Role::Hei)[0], "Noto Sans CJK SC");
    // What the office font lacks still comes from the bundled fallback.
    assert_eq!(
        fonts.family(fonts.resolve(Role::Body, '啰').unwrap()),
        "Noto Serif CJK SC"
    );
}

#[test]
fn the_chinese_name_alone_is_enough() {
    // Its English name is none gongwen knows; its Chinese name is 仿宋_GB2312.
    let dir = renamed("Office Fang");
    let fonts = FontSet::with_dir(dir.path()).unwrap();
    assert_eq!(fonts.chain(Role::Body)[0], "Office Fang");
}

#[test]
fn gen_pdf_embeds_the_office_font() {
    let dir = office_fonts();
    let out = dir.path().join("seed.pdf");
    let o = run_gen(&[
        "pdf",
        SEED,
        "-o",
        path_str(&out),
        "--font-dir",
        path_str(dir.path()),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fonts = Command::new("pdffonts").arg(&out).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("FangSong_GB2312"), "{fonts}");
    assert!(
        !fonts.contains("FandolFang"),
        "the bundled 仿宋 is still used:\n{fonts}"
    );
}

#[test]
fn the_environment_variable_works_too() {
    let dir = office_fonts();
    let out = dir.path().join("seed.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_gen"))
        .args(["pdf", SEED, "-o", path_str(&out)])
        .current_dir(root())
        .env("GONGWEN_FONT_DIR", dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fonts = Command::new("pdffonts").arg(&out).output().unwrap();
    assert!(String::from_utf8_lossy(&fonts.stdout).contains("FangSong_GB2312"));
}
