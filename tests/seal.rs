//! Seals (印章, GB/T 9704-2012 §7.3.5.1) and the 签名章 (§7.3.5.3) in the
//! PDF: measured on Typst's frames. Image path rules and SVG references
//! through the `gen` binary, in both writers.

mod common;

use std::path::{Path, PathBuf};

use common::standard::{BOTTOM, CELL, LEFT, PITCH, RIGHT, TOP, TYPST_TOL as TOL};
use common::{Line, PlacedImage, mm, path_str, png_ring, run_gen};

/// "居印章中心偏下": the 署名 and date this far below the seal's centre
/// (gongwen's choice, README).
const BELOW_CENTRE: f64 = 3.0;
/// …raised up to 6 mm when the seal would otherwise start more than a line
/// below the text.
const BELOW_CENTRE_MAX: f64 = 6.0;

fn mm_box(i: &PlacedImage) -> (f64, f64, f64, f64) {
    (mm(i.x), mm(i.y), mm(i.x + i.width), mm(i.y + i.height))
}

fn em_top(l: &Line) -> f64 {
    mm(l.baseline - 0.88 * l.size)
}

fn em_bottom(l: &Line) -> f64 {
    mm(l.baseline + 0.12 * l.size)
}

/// A folder with `doc.yaml` and its files.
struct Doc {
    dir: tempfile::TempDir,
}

impl Doc {
    fn new(yaml: &str, files: &[(&str, Vec<u8>)]) -> Self {
        let dir = common::tempdir();
        for (name, bytes) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
        std::fs::write(dir.path().join("doc.yaml"), yaml).unwrap();
        Doc { dir }
    }
    fn yaml(&self) -> PathBuf {
        self.dir.path().join("doc.yaml")
    }
    fn typeset(&self) -> typst_layout::PagedDocument {
        common::typeset_file(&self.yaml()).unwrap_or_else(|e| panic!("{e}"))
    }
}

/// A 42 mm ring: 496 px at 300 dpi (11 811 px/m).
fn ring42() -> Vec<u8> {
    png_ring(496, Some(11_811))
}

fn body(paragraphs: &[&str]) -> String {
    paragraphs.iter().map(|p| format!("  - {p}\n")).collect()
}

const PARAGRAPHS: [&str; 2] = [
    "为进一步规范全市档案数字化外包服务，保障档案实体和信息安全，现将有关事项通知如下。",
    "各单位开展档案数字化外包服务前，应当制定工作方案，明确服务范围、技术要求和安全保密措施，并报同级档案主管部门备案。",
];

fn single_yaml(issuer: &str, seal: &str) -> String {
    format!(
        "kind: 通知\ntitle: 关于规范档案数字化外包服务的通知\nbody:\n{}issuer: {issuer}\nseal: {seal}\ndate: 2026-11-03\n",
        body(&PARAGRAPHS)
    )
}

fn find<'a>(lines: &'a [Line], text: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.text() == text)
        .unwrap_or_else(|| panic!("no line {text:?}"))
}

/// The last page's lines and images, and the line right above the 署名.
fn last_page(doc: &typst_layout::PagedDocument) -> (Vec<Line>, Vec<PlacedImage>) {
    let pages = common::pages(doc);
    let images = common::images(doc);
    let n = pages.len() - 1;
    (pages[n].clone(), images[n].clone())
}

/// Checks one seal against its 署名 and the date below it, and the text
/// above: returns how far (mm) the 署名 and date sit below its centre.
fn assert_single_seal(lines: &[Line], seal: &PlacedImage, issuer: &str, date: &str) -> f64 {
    let sig = find(lines, issuer);
    let date = find(lines, date);
    let (x0, y0, x1, y1) = mm_box(seal);
    let centre_x = (x0 + x1) / 2.0;
    let centre_y = (y0 + y1) / 2.0;
    // 成文日期 右空四字; the seal and the 署名 centred on the date.
    let date_right = mm(date.right());
    assert!(
        (date_right - (RIGHT - 4.0 * CELL)).abs() < 0.2,
        "date ends at {date_right:.2} mm"
    );
    let date_centre = (mm(date.left()) + date_right) / 2.0;
    let sig_centre = (mm(sig.left()) + mm(sig.right())) / 2.0;
    assert!(
        (centre_x - date_centre).abs() < 0.2,
        "seal centre x {centre_x:.2} vs date {date_centre:.2}"
    );
    assert!(
        (sig_centre - date_centre).abs() < 0.2,
        "署名 centre {sig_centre:.2} vs date {date_centre:.2}"
    );
    // The 署名 and date just below the seal's centre, both inside it.
    let block_centre = (em_top(sig) + em_bottom(date)) / 2.0;
    let below = block_centre - centre_y;
    assert!(
        below > BELOW_CENTRE - TOL && below < BELOW_CENTRE_MAX + TOL,
        "署名+date centre {block_centre:.2} mm, seal centre {centre_y:.2} mm"
    );
    assert!(em_top(sig) > centre_y - (y1 - y0) / 2.0 && em_bottom(date) < y1);
    // The seal's top within one line of the text above, not touching it.
    let above = lines
        .iter()
        .rfind(|l| l.baseline < sig.baseline && l.size > 15.0)
        .expect("text above the 署名");
    let gap = y0 - em_bottom(above);
    assert!(
        gap > 0.0 && gap <= PITCH + 0.01,
        "seal top {gap:.2} mm below the text"
    );
    below
}

#[test]
fn a_single_seal_presses_the_signature_and_date() {
    let d = Doc::new(
        &single_yaml("清河市档案局", "seals/office.png"),
        &[("seals/office.png", ring42())],
    );
    let (lines, images) = last_page(&d.typeset());
    assert_eq!(images.len(), 1);
    let below = assert_single_seal(&lines, &images[0], "清河市档案局", "2026年11月3日");
    assert!((below - BELOW_CENTRE).abs() < TOL, "{below}");
    // Size from pHYs: 496 px at 11 811 px/m.
    let w = mm(images[0].width);
    assert!((w - 496.0 / 11_811.0 * 1000.0).abs() < 0.01, "{w}");
}

#[test]
fn the_rule_holds_for_other_names_dates_and_sizes() {
    // A long 署名 (wider than the date), a short one, two seal sizes.
    for (issuer, date, seal, px, ppm) in [
        ("清河市人民政府办公室", "2026-12-31", "s.png", 591, 11_811), // 50 mm
        ("清河市档案局", "2026-01-01", "s.png", 354, 9_449),          // ≈ 37.5 mm
    ] {
        let yaml = single_yaml(issuer, seal).replace("2026-11-03", date);
        let d = Doc::new(&yaml, &[(seal, png_ring(px, Some(ppm)))]);
        let (lines, images) = last_page(&d.typeset());
        let (y, m, dd) = (
            &date[..4],
            date[5..7].trim_start_matches('0'),
            date[8..].trim_start_matches('0'),
        );
        assert_single_seal(&lines, &images[0], issuer, &format!("{y}年{m}月{dd}日"));
        let want = px as f64 / ppm as f64 * 1000.0;
        assert!((mm(images[0].width) - want).abs() < 0.01);
    }
}

#[test]
fn sizes_from_diameter_default_and_svg() {
    let yaml = |seal: &str| single_yaml("清河市档案局", seal);
    // The diameter overrides the image's own size.
    let d = Doc::new(
        &yaml("{image: seals/office.png, diameter: 45}"),
        &[("seals/office.png", ring42())],
    );
    let (_, images) = last_page(&d.typeset());
    assert!((mm(images[0].width) - 45.0).abs() < 0.01);
    // No pHYs: 42 mm.
    let d = Doc::new(&yaml("plain.png"), &[("plain.png", png_ring(300, None))]);
    let (_, images) = last_page(&d.typeset());
    assert!((mm(images[0].width) - 42.0).abs() < 0.01);
    // An SVG 4 cm wide.
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="4cm" height="4cm" viewBox="0 0 100 100"><circle cx="50" cy="50" r="47" fill="none" stroke="#e60012" stroke-width="4"/></svg>"##;
    let d = Doc::new(&yaml("seal.svg"), &[("seal.svg", svg.as_bytes().to_vec())]);
    let (lines, images) = last_page(&d.typeset());
    assert!((mm(images[0].width) - 40.0).abs() < 0.01);
    assert_single_seal(&lines, &images[0], "清河市档案局", "2026年11月3日");
}

#[test]
fn three_joint_seals_neither_touch_nor_leave_the_block() {
    let issuers = ["清河市文化和旅游局", "清河市教育局", "清河市体育局"];
    let yaml = format!(
        "kind: 通知\ntitle: 关于联合开展文体活动的通知\nbody:\n{}issuer: [{}]\nseal: [a.png, b.png, c.png]\ndate: 2026-06-18\n",
        body(&PARAGRAPHS),
        issuers.join(", ")
    );
    let d = Doc::new(
        &yaml,
        &[
            ("a.png", ring42()),
            ("b.png", ring42()),
            ("c.png", ring42()),
        ],
    );
    let (lines, images) = last_page(&d.typeset());
    assert_eq!(images.len(), 3);
    let mut boxes: Vec<_> = images.iter().map(mm_box).collect();
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (x0, y0, x1, y1) in &boxes {
        assert!(*x0 >= LEFT - 0.01 && *x1 <= RIGHT + 0.01, "{x0}..{x1}");
        assert!(*y0 >= TOP && *y1 <= BOTTOM, "{y0}..{y1}");
    }
    for a in 0..3 {
        for b in a + 1..3 {
            let (ca, cb) = (boxes[a], boxes[b]);
            let d = (((ca.0 + ca.2) - (cb.0 + cb.2)).powi(2)
                + ((ca.1 + ca.3) - (cb.1 + cb.3)).powi(2))
            .sqrt()
                / 2.0;
            let radii = (ca.2 - ca.0) / 2.0 + (cb.2 - cb.0) / 2.0;
            assert!(
                d > radii + 0.5,
                "seals {a} and {b}: centres {d:.2} mm apart, radii {radii:.2}"
            );
        }
    }
    // Each seal centred on its own 署名; the last also on the date.
    let row = lines
        .iter()
        .find(|l| l.text().contains("清河市教育局"))
        .expect("the row of 署名");
    for (k, name) in issuers.iter().enumerate() {
        let glyphs: Vec<_> = row.glyphs.iter().collect();
        let text: Vec<String> = glyphs.iter().map(|g| g.text.clone()).collect();
        let start = (0..text.len())
            .find(|&i| {
                text[i..].concat().starts_with(name)
                    && (i == 0 || glyphs[i].x - glyphs[i - 1].x > 20.0)
            })
            .unwrap_or_else(|| panic!("{name} in the row"));
        let n = name.chars().count();
        let left = mm(glyphs[start].x);
        let right = mm(glyphs[start + n - 1].x + glyphs[start + n - 1].natural);
        let seal_centre = (boxes[k].0 + boxes[k].2) / 2.0;
        assert!(((left + right) / 2.0 - seal_centre).abs() < 0.2, "{name}");
    }
    let date = find(&lines, "2026年6月18日");
    let date_centre = (mm(date.left()) + mm(date.right())) / 2.0;
    assert!((date_centre - (boxes[2].0 + boxes[2].2) / 2.0).abs() < 0.2);
}

/// 署名 where the page is nearly full: the seal stays inside the 版心, on
/// the page of its 署名 and date and of body text (§7.3.5.5: the 正文's
/// last lines go with the closing).
#[test]
fn the_seal_never_leaves_the_block_or_its_text() {
    for lines_of_body in 14..=21 {
        let text = "国".repeat(26 + (lines_of_body - 1) * 28);
        let yaml = format!(
            "kind: 通知\ntitle: 关于测试的通知\nbody:\n  - {text}\nissuer: 测试机关\nseal: s.png\ndate: 2020-01-02\n"
        );
        let d = Doc::new(&yaml, &[("s.png", ring42())]);
        let doc = d.typeset();
        let pages = common::pages(&doc);
        let images = common::images(&doc);
        let k = images.iter().position(|i| !i.is_empty()).expect("a seal");
        let (_, y0, _, y1) = mm_box(&images[k][0]);
        assert!(
            y0 >= TOP && y1 <= BOTTOM + 0.01,
            "{lines_of_body} lines: seal {y0:.1}..{y1:.1}"
        );
        let texts: Vec<String> = pages[k].iter().map(Line::text).collect();
        assert!(
            texts.iter().any(|t| t == "测试机关"),
            "{lines_of_body}: {texts:?}"
        );
        assert!(
            texts.iter().any(|t| t == "2020年1月2日"),
            "{lines_of_body}: {texts:?}"
        );
    }
}

#[test]
fn the_signature_seal_with_the_signers_title() {
    let yaml = format!(
        "kind: 通知\ntitle: 关于规范档案数字化外包服务的通知\nbody:\n{}issuer: 清河市人民政府\nseal: signature\nsignature_seal: {{title: 市长, image: sign.png, width: 30}}\ndate: 2026-11-03\n",
        body(&PARAGRAPHS)
    );
    // A square stamp without pHYs, 30 mm wide by `width`.
    let d = Doc::new(&yaml, &[("sign.png", png_ring(200, None))]);
    let (lines, images) = last_page(&d.typeset());
    let (x0, y0, x1, y1) = mm_box(&images[0]);
    assert!((x1 - x0 - 30.0).abs() < 0.01);
    // 签名章 右空四字; the title two characters to its left, centred on it.
    assert!((x1 - (RIGHT - 4.0 * CELL)).abs() < 0.05, "{x1}");
    let title = find(&lines, "市长");
    assert!(
        (x0 - mm(title.right()) - 2.0 * CELL).abs() < 0.2,
        "{}",
        x0 - mm(title.right())
    );
    let title_centre = (em_top(title) + em_bottom(title)) / 2.0;
    assert!((title_centre - (y0 + y1) / 2.0).abs() < TOL);
    // Two blank lines (at least) between the text and the stamp.
    let body_last = lines
        .iter()
        .rfind(|l| l.baseline < title.baseline && l.size > 15.0)
        .unwrap();
    assert!(
        y0 >= em_top(body_last) + 3.0 * PITCH - TOL,
        "{y0} vs {}",
        em_top(body_last)
    );
    // The date one blank line below the stamp, 右空四字.
    let date = find(&lines, "2026年11月3日");
    assert!((mm(date.right()) - (RIGHT - 4.0 * CELL)).abs() < 0.2);
    let below = em_top(date) - y1;
    assert!((PITCH - TOL..2.0 * PITCH).contains(&below), "{below}");
    // No 署名: the 签名章 stands for it.
    assert!(!lines.iter().any(|l| l.text() == "清河市人民政府"));
}

// ---- Errors and path rules, through the binary, in both writers. ----

/// Runs `gen WRITER doc.yaml -o out` and returns (success, stderr, out path).
fn run_writer(d: &Doc, writer: &str, extra: &[&str]) -> (bool, String, PathBuf) {
    let out = d.dir.path().join(format!("out.{writer}"));
    let yaml = d.yaml();
    let mut args = vec![writer, path_str(&yaml), "-o", path_str(&out)];
    args.extend(extra);
    let o = run_gen(&args);
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        out,
    )
}

fn refused(d: &Doc, expect: &[&str]) {
    for writer in ["pdf", "docx"] {
        let (ok, err, out) = run_writer(d, writer, &[]);
        assert!(!ok, "{writer}: accepted");
        for e in expect {
            assert!(err.contains(e), "{writer}: {e:?} not in {err}");
        }
        assert!(!out.exists(), "{writer}: output written");
    }
}

#[test]
fn a_missing_or_broken_image_is_an_error_naming_field_and_path() {
    let d = Doc::new(&single_yaml("甲局", "seals/none.png"), &[]);
    refused(&d, &["doc.yaml:", "seal", "seals/none.png", "cannot read"]);
    let d = Doc::new(
        &single_yaml("甲局", "bad.png"),
        &[("bad.png", b"\x89PNG\r\n\x1a\nnot really".to_vec())],
    );
    refused(&d, &["seal", "bad.png", "PNG"]);
    let d = Doc::new(
        &single_yaml("甲局", "x.jpg"),
        &[("x.jpg", vec![0xFF, 0xD8, 0xFF, 0xE0])],
    );
    refused(&d, &["seal", "x.jpg", "neither a PNG nor an SVG"]);
    // Joint: one seal per issuer.
    let yaml = single_yaml("[甲局, 乙局]", "[a.png]");
    let d = Doc::new(&yaml, &[("a.png", ring42())]);
    refused(&d, &["seal", "1 seal image(s) for 2 issuer(s)"]);
    // The old `seal: seal` still loads, and asks for the image.
    let d = Doc::new(&single_yaml("甲局", "seal"), &[]);
    refused(&d, &["seal", "印章", "§7.3.5.1"]);
}

#[test]
fn paths_may_not_leave_the_documents_folder() {
    let outer = common::tempdir();
    std::fs::write(outer.path().join("outside.png"), ring42()).unwrap();
    let inner = outer.path().join("docs");
    std::fs::create_dir_all(&inner).unwrap();
    let write = |seal: &str| {
        std::fs::write(inner.join("doc.yaml"), single_yaml("甲局", seal)).unwrap();
        inner.join("doc.yaml")
    };
    let try_gen = |yaml: &Path, writer: &str, extra: &[&str]| {
        let out = inner.join(format!("out.{writer}"));
        let _ = std::fs::remove_file(&out);
        let mut args = vec![writer, path_str(yaml), "-o", path_str(&out)];
        args.extend(extra);
        let o = run_gen(&args);
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
            out.exists(),
        )
    };
    let abs = outer.path().join("outside.png");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&abs, inner.join("link.png")).unwrap();
    for (seal, why) in [
        ("../outside.png", "leads out of the document's folder"),
        (path_str(&abs), "an absolute path"),
        ("link.png", "leads out of the document's folder"),
    ] {
        let yaml = write(seal);
        for writer in ["pdf", "docx"] {
            let (ok, err, written) = try_gen(&yaml, writer, &[]);
            assert!(!ok && !written, "{seal} accepted by {writer}");
            assert!(
                err.contains("seal") && err.contains(seal) && err.contains(why),
                "{err}"
            );
        }
    }
    // --asset-root widens the tree to the folder above.
    for seal in ["../outside.png", "link.png", path_str(&abs)] {
        let yaml = write(seal);
        for writer in ["pdf", "docx"] {
            let (ok, err, written) =
                try_gen(&yaml, writer, &["--asset-root", path_str(outer.path())]);
            assert!(ok && written, "{seal} with --asset-root, {writer}: {err}");
            if writer == "docx" {
                common::ooxml::assert_valid(&[&inner.join("out.docx")]);
            }
        }
    }
}

#[test]
fn an_svgs_references_are_never_followed() {
    let marker = "GONGWEN-SECRET-MARKER";
    for href in [
        "file:///etc/passwd",
        "secret.png",
        "http://127.0.0.1:9/seal.png",
    ] {
        let svg = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="42mm" height="42mm" viewBox="0 0 100 100"><circle cx="50" cy="50" r="47" fill="none" stroke="#e60012" stroke-width="4"/><image xlink:href="{href}" width="100" height="100"/></svg>"##
        );
        let d = Doc::new(
            &single_yaml("甲局", "seal.svg"),
            &[
                ("seal.svg", svg.into_bytes()),
                ("secret.png", marker.as_bytes().to_vec()),
            ],
        );
        refused(&d, &["seal", "seal.svg", href, "self-contained"]);
    }
}
