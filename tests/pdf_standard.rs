//! `--pdf-standard`: PDF/A-2b (and PDF/A-2a, PDF/UA-1) as the PDF says of
//! itself (XMP), with every font embedded and the red in sRGB under PDF/A.

mod common;

use std::path::Path;
use std::process::Command;

use common::tools::{Tool, need};
use common::{path_str, run_gen};

/// A document with a red 发文机关标志 and separator (版头) and a 版记.
const DOC: &str = "\
issuer_mark: 北京市测试局文件
doc_number: 京测发〔2024〕7号
kind: 通知
title: 关于开展档案数字化试点工作的通知
addressees: [各区测试分局]
body:
  - 为推进档案数字化，现就试点工作通知如下。
  - heading: 工作要求
    text: 各单位要按期完成。
issuer: 北京市测试局
date: 2024-03-05
cc: [市档案局]
printing: {organ: 北京市测试局办公室, date: 2024-03-06}
";

fn pdf(dir: &Path, standard: Option<&str>) -> std::path::PathBuf {
    let input = dir.join("doc.yaml");
    std::fs::write(&input, DOC).unwrap();
    let out = dir.join(format!("doc-{}.pdf", standard.unwrap_or("plain")));
    let mut args = vec!["pdf", path_str(&input), "-o", path_str(&out)];
    if let Some(s) = standard {
        args.extend(["--pdf-standard", s]);
    }
    let o = run_gen(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// The value of XMP property `name` (e.g. `pdfaid:part`).
fn xmp(pdf: &Path, name: &str) -> Option<String> {
    let o = Command::new("pdfinfo")
        .arg("-meta")
        .arg(pdf)
        .output()
        .unwrap();
    let meta = String::from_utf8_lossy(&o.stdout).into_owned();
    let open = format!("<{name}>");
    let start = meta.find(&open)? + open.len();
    let end = start + meta[start..].find('<')?;
    Some(meta[start..end].to_string())
}

/// `pdffonts`: one row per font, (name, embedded).
fn fonts(pdf: &Path) -> Vec<(String, bool)> {
    let o = Command::new("pdffonts").arg(pdf).output().unwrap();
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            // name … emb sub uni object-id generation
            let n = cols.len();
            (cols[0].to_string(), cols[n - 5] == "yes")
        })
        .collect()
}

/// The fill colours (as pdfminer reads them) of the characters of `text`.
fn fill_colours(pdf: &Path, text: &str) -> Vec<String> {
    let script = r#"
import sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar
want = set(sys.argv[2])
def walk(o):
    if isinstance(o, LTChar):
        if o.get_text() in want:
            c = o.graphicstate.ncolor
            c = c if isinstance(c, (tuple, list)) else (c,)
            print(repr(tuple(round(v, 3) for v in c)))
    elif hasattr(o, '__iter__'):
        for c in o:
            walk(c)
for page in extract_pages(sys.argv[1], maxpages=1):
    walk(page)
"#;
    let o = Command::new(common::python())
        .args(["-c", script, path_str(pdf), text])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut colours: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    colours.sort();
    colours.dedup();
    colours
}

#[test]
fn pdf_a_2b_identifies_itself_embeds_every_font_and_prints_red_in_srgb() {
    if !need(&[Tool::Poppler, Tool::PythonLibs]) {
        return;
    }
    let dir = common::tempdir();
    let a = pdf(dir.path(), Some("a-2b"));
    assert_eq!(xmp(&a, "pdfaid:part").as_deref(), Some("2"));
    assert_eq!(xmp(&a, "pdfaid:conformance").as_deref(), Some("B"));
    let f = fonts(&a);
    assert!(f.len() >= 3, "{f:?}");
    assert!(f.iter().all(|(_, embedded)| *embedded), "{f:?}");
    // 件 is in the red mark only (文件): Y80 M80 as sRGB is (1, 0.2, 0.2)
    // (R = 1 − C, G = 1 − M, B = 1 − Y, with K = 0).
    assert_eq!(fill_colours(&a, "件"), ["(1.0, 0.2, 0.2)"]);

    // Without a standard the same mark is CMYK Y80 M80, and there is no
    // PDF/A claim.
    let plain = pdf(dir.path(), None);
    assert_eq!(xmp(&plain, "pdfaid:part"), None);
    assert_eq!(fill_colours(&plain, "件"), ["(0.0, 0.8, 0.8, 0.0)"]);

    // The text survives the conversion, by code point.
    let text = |p: &Path| {
        let o = Command::new("pdftotext").arg(p).arg("-").output().unwrap();
        common::strip_ws(&String::from_utf8(o.stdout).unwrap())
    };
    assert_eq!(text(&a), text(&plain));
}

#[test]
fn pdf_a_2a_and_pdf_ua_1_identify_themselves() {
    if !need(&[Tool::Poppler, Tool::PythonLibs]) {
        return;
    }
    let dir = common::tempdir();
    let a = pdf(dir.path(), Some("a-2a"));
    assert_eq!(xmp(&a, "pdfaid:part").as_deref(), Some("2"));
    assert_eq!(xmp(&a, "pdfaid:conformance").as_deref(), Some("A"));
    assert!(fonts(&a).iter().all(|(_, embedded)| *embedded));
    let ua = pdf(dir.path(), Some("ua-1"));
    assert_eq!(xmp(&ua, "pdfuaid:part").as_deref(), Some("1"));
    // PDF/UA does not forbid CMYK: the red stays as the standard gives it.
    assert_eq!(fill_colours(&ua, "件"), ["(0.0, 0.8, 0.8, 0.0)"]);
}

#[test]
fn gen_build_writes_pdf_a_and_says_so_in_the_manifest() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let dir = common::tempdir();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("doc.yaml"), DOC).unwrap();
    let out = dir.path().join("out");
    let o = run_gen(&[
        "build",
        path_str(&src),
        "-o",
        path_str(&out),
        "--formats",
        "pdf",
        "--pdf-standard",
        "a-2b",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["pdf_standard"], "a-2b");
    let built = out.join("doc.pdf");
    assert_eq!(xmp(&built, "pdfaid:conformance").as_deref(), Some("B"));
    // The same bytes as `gen pdf --pdf-standard a-2b`.
    assert!(
        std::fs::read(&built).unwrap() == std::fs::read(pdf(dir.path(), Some("a-2b"))).unwrap()
    );
}
