//! `--font-dir`: an office's own fonts are found by their family names,
//! Chinese or English, and preferred over the bundled ones. The official
//! fonts cannot ship with the project, so a bundled font renamed with
//! fontTools stands in for one.

mod common;

use std::process::Command;

use common::tools::{Tool, need};
use common::{SEED, path_str, root, run_gen};
use gongwen::fonts::{FontSet, Role};

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
    if !need(&[Tool::PythonLibs]) {
        return;
    }
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
    if !need(&[Tool::PythonLibs]) {
        return;
    }
    // Its English name is none gongwen knows; its Chinese name is 仿宋_GB2312.
    let dir = renamed("Office Fang");
    let fonts = FontSet::with_dir(dir.path()).unwrap();
    assert_eq!(fonts.chain(Role::Body)[0], "Office Fang");
}

#[test]
fn gen_pdf_embeds_the_office_font() {
    if !need(&[Tool::PythonLibs, Tool::Poppler]) {
        return;
    }
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
    if !need(&[Tool::PythonLibs, Tool::Poppler]) {
        return;
    }
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

// ---- Coverage (every role prints every character Noto Serif CJK SC maps) ----

/// 《通用规范汉字表》's 8,105 characters (from Unihan's kTGH field).
fn tongyong_guifan() -> Vec<char> {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/tongyong-guifan-hanzi.txt")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .collect()
}

const ROLES: [Role; 5] = [Role::Body, Role::Hei, Role::Kai, Role::Title, Role::Song];

/// The weight a role's fallback must have: Bold for the 标题 (小标宋 is a
/// heavy face), Regular for the others.
fn fallback_weight(role: Role) -> u16 {
    if role == Role::Title { 700 } else { 400 }
}

/// Asserts that `role` sets `c`, in its own face or in a fallback of the
/// matching weight.
fn assert_prints(fonts: &FontSet, role: Role, c: char) {
    let Some(i) = fonts.resolve(role, c) else {
        panic!("{role:?} cannot print {c} (U+{:04X})", c as u32);
    };
    let family = fonts.family(i);
    let own = fonts.chain(role)[0].as_str();
    if family != own && family != "Liberation Serif" {
        let weight = fonts.fonts()[i].info().variant.weight.to_number();
        assert_eq!(
            weight,
            fallback_weight(role),
            "{role:?} sets {c} (U+{:04X}) in {family} of weight {weight}",
            c as u32
        );
    }
}

#[test]
fn every_role_prints_the_tongyong_guifan_table() {
    let fonts = FontSet::bundled();
    let table = tongyong_guifan();
    assert_eq!(table.len(), 8105);
    // 196 of them lie outside the BMP (Extension B and later).
    assert_eq!(table.iter().filter(|&&c| c as u32 > 0xFFFF).count(), 196);
    for role in ROLES {
        for &c in &table {
            assert_prints(&fonts, role, c);
        }
    }
}

#[test]
fn every_role_prints_the_unified_ideographs_noto_maps() {
    // Noto Serif CJK SC 2.001 (Debian fonts-noto-cjk 1:20220127) maps 20,971
    // of U+4E00–U+9FFF and 6,582 of Extension A (U+3400–U+4DBF), counted
    // with fontTools from the source collection's face 2.
    let fonts = FontSet::bundled();
    for role in ROLES {
        let count = |range: std::ops::RangeInclusive<u32>| {
            range
                .filter_map(char::from_u32)
                .filter(|&c| fonts.covers(role, c))
                .count()
        };
        assert_eq!(count(0x4E00..=0x9FFF), 20971, "{role:?} URO");
        assert_eq!(count(0x3400..=0x4DBF), 6582, "{role:?} Extension A");
    }
}

#[test]
fn every_role_prints_units_and_numbered_symbols() {
    let fonts = FontSet::bundled();
    let ranges = [
        0x2460..=0x2473, // ①–⑳
        0x2474..=0x2487, // ⑴–⒇
        0x2488..=0x249B, // ⒈–⒛
        0x3251..=0x325F, // ㉑–㉟
        0x32B1..=0x32BF, // ㊱–㊿
        0x3371..=0x33DF, // CJK Compatibility: ㎡ ㎏ ㎞ ㏄ …
    ];
    for role in ROLES {
        for c in ranges.clone().into_iter().flatten() {
            assert_prints(&fonts, role, char::from_u32(c).unwrap());
        }
    }
}

#[test]
fn a_character_no_bundled_font_has_is_still_none() {
    let fonts = FontSet::bundled();
    // U+20000 (Extension B) is not in Noto Serif CJK SC; U+30000 is
    // Extension G, in no bundled font.
    for c in ['\u{20000}', '\u{30000}'] {
        for role in ROLES {
            assert!(!fonts.covers(role, c), "{role:?} {c}");
        }
    }
}

/// A document with every class of character in its title, body and 版记.
const RARE_YAML: &str = "\
kind: 决定
title: 关于表彰张喆王堃李赟同志和國昇𠮷家的决定
issuer: 滨江市人民政府
date: 2027-03-05
body:
  - 新建住房120㎡，用钢15㎏，道路3㎞；名单见㉑至㊿，⑴⑵⒇；㐀鿏𠮷。
  - heading: 表彰张喆
  - heading: 表彰㐀鿏
    body:
      - heading: 表彰王堃𠮷
cc: [张喆工作室, 王堃𠮷事务所]
printing: {organ: 滨江市人民政府办公室, date: 2027-03-06}
";

#[test]
fn rare_characters_print_in_every_element() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let dir = common::tempdir();
    let src = dir.path().join("rare.yaml");
    let out = dir.path().join("rare.pdf");
    std::fs::write(&src, RARE_YAML).unwrap();
    let o = run_gen(&["pdf", path_str(&src), "-o", path_str(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = Command::new("pdftotext")
        .args([path_str(&out), "-"])
        .output()
        .unwrap();
    let text = common::pdftotext_body(&String::from_utf8_lossy(&text.stdout));
    for want in [
        "关于表彰张喆王堃李赟同志和國昇𠮷家的决定",
        "新建住房120㎡，用钢15㎏，道路3㎞；名单见㉑至㊿，⑴⑵⒇；㐀鿏𠮷。",
        "一、表彰张喆",
        "二、表彰㐀鿏",
        "（一）表彰王堃𠮷",
        "抄送：张喆工作室，王堃𠮷事务所。",
    ] {
        assert!(text.contains(want), "missing {want:?} in {text}");
    }
    // The title's rare characters are set in the bold fallback.
    let fonts = Command::new("pdffonts").arg(&out).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("NotoSerifCJKscExt-Bold"), "{fonts}");
    assert!(fonts.contains("NotoSerifCJKscExt-Regular"), "{fonts}");
}

#[test]
fn a_record_character_no_font_has_is_an_error() {
    // Each error names the field the character is written in, and the
    // element as the standard names it.
    for (field, element, yaml) in [
        ("cc[0]", "抄送机关", "cc: [𠀀机关]\n"),
        (
            "printing.organ",
            "印发机关和印发日期",
            "printing: {organ: 𠀀办公室, date: 2027-03-06}\n",
        ),
    ] {
        let dir = common::tempdir();
        let src = dir.path().join("bad.yaml");
        let out = dir.path().join("bad.pdf");
        std::fs::write(
            &src,
            format!(
                "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2027-01-02\nbody:\n  - 正文。\n{yaml}"
            ),
        )
        .unwrap();
        for format in ["pdf", "docx"] {
            let o = run_gen(&[format, path_str(&src), "-o", path_str(&out)]);
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{format} {field}: exit 0");
            assert!(
                err.contains(&format!("{field}:"))
                    && err.contains("U+20000")
                    && err.contains(&format!("仿宋 ({element})")),
                "{format}: {err}"
            );
            assert!(!out.exists(), "{format} wrote output");
        }
    }
}
