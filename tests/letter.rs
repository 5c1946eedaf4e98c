//! 信函格式 (GB/T 9704-2012 §10.1) in both writers: `gen pdf`'s PDF and
//! LibreOffice's PDF of `gen docx`'s DOCX are measured the same way
//! (pdfminer: every character and every drawn path), against the
//! standard's numbers written out here.
//!
//! Needs `soffice`, poppler-utils and a Python with pdfminer.six
//! (`GONGWEN_PYTHON`; `.ci/run` makes it).

mod common;

use std::path::PathBuf;

use common::office::{self, BatchCell, Plan};
use common::pdfminer::{Char, Line, Page, Shape, is_red, measure};
use common::standard::{
    BOTTOM, CENTRE as AXIS, DOCX_PITCH, LEFT, LETTER_MARK_TOP as MARK_TOP,
    LETTER_RULE_ABOVE_BOTTOM as RULE_ABOVE_BOTTOM, LETTER_RULE_BELOW_MARK as RULE_BELOW_MARK,
    LETTER_RULE_LENGTH as RULE_LENGTH, OFFICE_TOL, PAPER_H, PITCH, RIGHT, SEVEN_EIGHTHS, TOP,
    TYPST_TOL, mm,
};
use common::tools::{Tool, need};
use common::{path_str, root, run_gen};

const DATA: &str = "data/letter-reply.yaml";

/// Another letter: no 份号, a longer organ name, a 发文字号 and 密级 and
/// 紧急程度 on three lines, one page of text.
const OTHER_FIELDS: &str = "format: letter\nkind: 函\nclassification: {level: 秘密, period: 1年}\nurgency: 特急\n\
    issuer_mark: 江淮省发展和改革委员会办公室\ndoc_number: 江发改办函〔2027〕5号\n\
    title: 关于商请提供项目资料的函\naddressees: [江淮省生态环境厅]\nbody:\n  - 请于5月10日前提供有关项目资料。\n\
    issuer: 江淮省发展和改革委员会办公室\ndate: 2027-04-28\n";

/// A 信函 without 发文字号.
const NO_NUMBER: &str = "format: letter\nkind: 函\nissuer_mark: 清河市档案馆\ntitle: 关于借阅档案的函\n\
    addressees: [清河市地方志办公室]\nbody:\n  - 同意借阅。\nissuer: 清河市档案馆\ndate: 2026-03-02\n";

/// The letters LibreOffice renders here, converted in one run.
fn plan(p: &mut Plan) {
    p.input("letter-reply", &root().join(DATA), &[]);
    p.yaml("other-fields", OTHER_FIELDS);
    p.yaml("no-number", NO_NUMBER);
}

/// This binary's LibreOffice batch; `None` (skip) without LibreOffice.
fn office() -> Option<&'static office::Batch> {
    static BATCH: BatchCell = BatchCell::new();
    office::batch(&BATCH, plan)
}

/// LibreOffice's pages of `gen docx`'s file for the letter planned as
/// `name`.
fn libreoffice(name: &str) -> Option<&'static [Page]> {
    office().map(|b| b.get(name).pages.as_slice())
}

#[test]
fn the_docx_files_libreoffice_renders_are_valid_ooxml() {
    if let Some(b) = office() {
        common::ooxml::assert_valid(&b.files());
    }
}

/// `yaml` as `gen pdf` typesets it (the sample's seal image beside it):
/// (folder, gongwen's PDF).
fn gen_pdf(yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = common::tempdir();
    let input = dir.path().join("letter.yaml");
    std::fs::write(&input, yaml).unwrap();
    let seals = dir.path().join("seals");
    std::fs::create_dir_all(&seals).unwrap();
    std::fs::copy(
        root().join("data/seals/emergency.png"),
        seals.join("emergency.png"),
    )
    .unwrap();
    let pdf = dir.path().join("letter.pdf");
    let o = run_gen(&["pdf", path_str(&input), "-o", path_str(&pdf)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, pdf)
}

fn data() -> String {
    std::fs::read_to_string(root().join(DATA)).unwrap()
}

/// The characters of `text` where they stand on one line of `p` (a line
/// of the 版头 holds the 份号 or 密级 and the 发文字号 both).
fn line(p: &Page, text: &str) -> Line {
    let want: Vec<String> = text.chars().map(String::from).collect();
    for l in &p.lines {
        let chars: Vec<&Char> = l.chars.iter().filter(|c| c.c != " ").collect();
        if let Some(k) = chars
            .windows(want.len())
            .position(|w| w.iter().zip(&want).all(|(c, t)| &c.c == t))
        {
            return Line {
                baseline: l.baseline,
                size: l.size,
                chars: chars[k..k + want.len()]
                    .iter()
                    .map(|&c| c.clone())
                    .collect(),
            };
        }
    }
    panic!("no line {text:?}")
}

/// The red bars of page `p` at least 100 mm long, top to bottom.
fn red_bars(p: &Page) -> Vec<&Shape> {
    let mut v: Vec<&Shape> = p
        .shapes
        .iter()
        .filter(|s| is_red(&s.color) && s.x1 - s.x0 > 100.0)
        .collect();
    v.sort_by(|a, b| a.top.total_cmp(&b.top));
    v
}

fn is_page_number(l: &Line) -> bool {
    l.text().contains('\u{2014}')
}

/// Everything §10.1 says of page 1, and what the format keeps of the
/// general one, measured on `pages` (`tol` mm for positions; `pitch` the
/// writer's line pitch in mm).
fn assert_letter(pages: &[Page], tol: f64, pitch: f64, who: &str) {
    assert!(pages.len() >= 2, "{who}: the sample runs to a second page");
    let p = &pages[0];
    assert!((mm(p.height) - PAPER_H).abs() < 0.5);

    // The mark: the name alone, red, centred, its top 30 mm down.
    let mark = p
        .lines
        .iter()
        .find(|l| l.size > 20.0 && l.chars.iter().all(|c| is_red(&c.color)))
        .unwrap_or_else(|| panic!("{who}: no red mark"));
    assert_eq!(mark.text().replace(' ', ""), "清河市应急管理局");
    assert!(
        (mark.em_top() - MARK_TOP).abs() <= tol,
        "{who}: mark top {:.2} mm",
        mark.em_top()
    );
    let centre = (mark.left() + mark.right()) / 2.0;
    assert!(
        (centre - AXIS).abs() <= tol,
        "{who}: mark centre {centre:.2}"
    );

    // Two red double lines, 170 mm, centred: thick over thin 4 mm below
    // the mark, thin over thick ending 20 mm above the paper's bottom.
    let bars = red_bars(p);
    assert_eq!(bars.len(), 4, "{who}: {bars:?}");
    for b in &bars {
        assert!(
            (b.x1 - b.x0 - RULE_LENGTH).abs() <= tol,
            "{who}: length {:.2}",
            b.x1 - b.x0
        );
        assert!(
            ((b.x0 + b.x1) / 2.0 - AXIS).abs() <= tol,
            "{who}: centre {:.2}",
            (b.x0 + b.x1) / 2.0
        );
    }
    let h = |b: &Shape| b.bottom - b.top;
    let (a, b, c, d) = (bars[0], bars[1], bars[2], bars[3]);
    assert!(h(a) > 1.5 * h(b), "{who}: top line thick over thin");
    assert!(h(d) > 1.5 * h(c), "{who}: bottom line thin over thick");
    assert!(
        b.top > a.bottom && d.top > c.bottom,
        "{who}: two lines each"
    );
    assert!(
        (a.top - mark.em_bottom() - RULE_BELOW_MARK).abs() <= tol,
        "{who}: first double line {:.2} mm below the mark",
        a.top - mark.em_bottom()
    );
    assert!(
        (PAPER_H - d.bottom - RULE_ABOVE_BOTTOM).abs() <= tol,
        "{who}: second double line {:.2} mm above the bottom",
        PAPER_H - d.bottom
    );

    // 份号 flush left, 发文字号 flush right, 7/8 of a 3号 character below
    // the first double line.
    let copy = line(p, "000023");
    let number = line(p, "清应急函〔2026〕17号");
    for (what, l) in [("份号", &copy), ("发文字号", &number)] {
        assert!(
            (l.em_top() - b.bottom - SEVEN_EIGHTHS).abs() <= tol,
            "{who}: {what} {:.2} mm below the line",
            l.em_top() - b.bottom
        );
    }
    assert!(
        (copy.left() - LEFT).abs() <= tol,
        "{who}: 份号 at {:.2}",
        copy.left()
    );
    assert!(
        (number.right() - RIGHT).abs() <= tol,
        "{who}: 发文字号 ends at {:.2}",
        number.right()
    );

    // The title two lines below the fields, on the body grid.
    let title = p
        .lines
        .iter()
        .find(|l| (l.size - 22.0).abs() < 0.01)
        .expect("a title line");
    let gap = title.em_top() - copy.em_bottom();
    assert!(
        gap >= 2.0 * pitch - tol && gap < 3.0 * pitch,
        "{who}: title {gap:.2} mm below the fields"
    );
    let body: Vec<&Line> = p
        .lines
        .iter()
        .filter(|l| (l.size - 16.0).abs() < 0.01 && l.em_top() > title.em_top())
        .collect();
    for l in &body {
        let k = (l.em_top() - TOP) / pitch;
        assert!((k - k.round()).abs() < 0.1, "{who}: off the grid ({k:.2})");
    }
    // Page 1's text ends on the grid above the second double line, on the
    // 版心's bottom edge or, where a heading went to page 2 with the two
    // lines of its text it keeps (the keep rules), up to three lines
    // above it; no page number.
    let last = body.last().unwrap();
    let above = (BOTTOM - last.em_bottom()) / pitch;
    assert!(
        above > -tol && above < 3.0 + tol && (above - above.round()).abs() < 0.1,
        "{who}: page 1 ends at {:.2}",
        last.em_bottom()
    );
    assert!(
        p.lines
            .iter()
            .all(|l| l.em_top() < BOTTOM || l.em_top() > PAPER_H - RULE_ABOVE_BOTTOM),
        "{who}: text between the 版心 and the double line"
    );
    assert!(
        !p.lines.iter().any(is_page_number),
        "{who}: page 1 numbered"
    );

    eprintln!(
        "{who}: mark top {:.2}, centre {centre:.2}; double lines {:.2}–{:.2} ({:.2}/{:.2} thick) and \
         {:.2}–{:.2} ({:.2}/{:.2}), {:.2}–{:.2} wide; 份号 top {:.2} at {:.2}, 发文字号 ends {:.2}; \
         title top {:.2}; page 1 ends {:.2}",
        mark.em_top(),
        a.top,
        b.bottom,
        h(a),
        h(b),
        c.top,
        d.bottom,
        h(c),
        h(d),
        a.x0,
        a.x1,
        copy.em_top(),
        copy.left(),
        number.right(),
        title.em_top(),
        last.em_bottom()
    );
    // Pages 2+: the general page. Line 1 at 37 mm, no red lines, numbered.
    for (n, q) in pages.iter().enumerate().skip(1) {
        assert!(
            red_bars(q).is_empty(),
            "{who}: double lines on page {}",
            n + 1
        );
        let first = q
            .lines
            .iter()
            .find(|l| (l.size - 16.0).abs() < 0.01)
            .unwrap();
        assert!(
            (first.em_top() - TOP).abs() <= tol,
            "{who}: page {} starts at {:.2}",
            n + 1,
            first.em_top()
        );
        let pn = q
            .lines
            .iter()
            .find(|l| is_page_number(l))
            .unwrap_or_else(|| panic!("{who}: page {} unnumbered", n + 1));
        assert_eq!(
            pn.text().replace(' ', ""),
            format!("\u{2014}{}\u{2014}", n + 1)
        );
    }

    // The 版记 on the last page: 抄送 only, no 印发 row, no rules, at the
    // foot of the 版心.
    let q = pages.last().unwrap();
    let rows: Vec<&Line> = q
        .lines
        .iter()
        .filter(|l| (l.size - 14.0).abs() < 0.01 && !is_page_number(l))
        .collect();
    let texts: Vec<String> = rows.iter().map(|l| l.text().replace(' ', "")).collect();
    assert_eq!(
        texts,
        ["抄送：清河市人民政府办公室，各区县应急管理局。"],
        "{who}"
    );
    let row = rows[0];
    assert!(
        row.em_bottom() < BOTTOM && row.em_bottom() > BOTTOM - pitch,
        "{who}: 抄送 ends at {:.2}",
        row.em_bottom()
    );
    let rules: Vec<&Shape> = q
        .shapes
        .iter()
        .filter(|s| s.x1 - s.x0 > 100.0 && s.bottom - s.top < 2.0)
        .collect();
    assert!(rules.is_empty(), "{who}: rules in the 版记: {rules:?}");
}

#[test]
fn the_letter_in_both_writers() {
    if !need(&[Tool::PythonLibs]) {
        return;
    }
    let (_dir, pdf) = gen_pdf(&data());
    // gongwen's own PDF: Typst places to the hundredth of a point.
    assert_letter(&measure(&pdf), TYPST_TOL, PITCH, "gen pdf");
    // LibreOffice's PDF of the DOCX: 29.6 pt lines; the tolerance.
    if let Some(lo) = libreoffice("letter-reply") {
        assert_letter(lo, OFFICE_TOL, DOCX_PITCH, "gen docx");
    }
}

/// Another letter: no 份号, a longer organ name, a 发文字号 and 密级 and
/// 紧急程度 on three lines, one page of text: the same rules.
#[test]
fn other_fields_and_a_short_letter() {
    if !need(&[Tool::PythonLibs]) {
        return;
    }
    let (_dir, pdf) = gen_pdf(OTHER_FIELDS);
    let ours = measure(&pdf);
    let mut cases: Vec<(&[Page], f64, &str)> = vec![(&ours, TYPST_TOL, "gen pdf")];
    if let Some(lo) = libreoffice("other-fields") {
        cases.push((lo, OFFICE_TOL, "gen docx"));
    }
    for (pages, tol, who) in cases {
        let p = &pages[0];
        let mark = p.lines.iter().find(|l| l.size > 20.0).unwrap();
        assert!((mark.em_top() - MARK_TOP).abs() <= tol, "{who}");
        let bars = red_bars(p);
        assert_eq!(bars.len(), 4, "{who}");
        let level = line(p, "秘密★1年");
        let urgency = line(p, "特急");
        let number = line(p, "江发改办函〔2027〕5号");
        assert!(
            (level.em_top() - bars[1].bottom - SEVEN_EIGHTHS).abs() <= tol,
            "{who}"
        );
        assert!((number.em_top() - level.em_top()).abs() <= tol, "{who}");
        assert!((number.right() - RIGHT).abs() <= tol, "{who}");
        assert!((urgency.left() - LEFT).abs() <= tol, "{who}");
        assert!(urgency.em_top() > level.em_bottom(), "{who}");
        // One page: unnumbered.
        assert_eq!(pages.len(), 1, "{who}");
        assert!(!p.lines.iter().any(is_page_number), "{who}");
    }
}

/// A 信函 without 发文字号 is complete: typeset, and the title two lines
/// below the double line.
#[test]
fn a_letter_without_a_number() {
    if !need(&[Tool::PythonLibs]) {
        return;
    }
    let (_dir, pdf) = gen_pdf(NO_NUMBER);
    let ours = measure(&pdf);
    let mut cases: Vec<(&[Page], f64, f64, &str)> = vec![(&ours, TYPST_TOL, PITCH, "gen pdf")];
    if let Some(lo) = libreoffice("no-number") {
        cases.push((lo, OFFICE_TOL, DOCX_PITCH, "gen docx"));
    }
    for (pages, tol, pitch, who) in cases {
        let p = &pages[0];
        let bars = red_bars(p);
        let title = p
            .lines
            .iter()
            .find(|l| (l.size - 22.0).abs() < 0.01)
            .unwrap();
        let gap = title.em_top() - bars[1].bottom;
        assert!(
            gap >= 2.0 * pitch - tol && gap < 3.0 * pitch,
            "{who}: {gap:.2}"
        );
    }
}

/// What a 信函 has no place for is refused by both writers, naming the
/// file, line, column and field.
/// Each refusal points at the value of the field it names (where `gen
/// check` reports the same rule), or at `format` for a missing mark.
#[test]
fn what_a_letter_cannot_carry_is_refused() {
    let base = "format: letter\nkind: 函\nissuer_mark: 清河市档案馆\ntitle: 关于借阅档案的函\n\
        body:\n  - 同意借阅。\nissuer: 清河市档案馆\ndate: 2026-03-02\n";
    let cases = [
        (
            format!("{base}printing: {{organ: 清河市档案馆办公室, date: 2026-03-03}}\n"),
            "letter.yaml:9:11: printing: ",
            "印发机关和印发日期",
        ),
        (
            format!("{base}signers: [张三]\n"),
            "letter.yaml:9:10: signers: ",
            "签发人",
        ),
        (
            base.replace("issuer_mark: 清河市档案馆\n", ""),
            "letter.yaml:1:9: issuer_mark: ",
            "发文机关标志",
        ),
        (
            base.replace(
                "issuer_mark: 清河市档案馆\n",
                "issuer_mark:\n  organs: [清河市档案馆, 清河市地方志办公室]\n",
            ),
            "letter.yaml:4:3: issuer_mark: ",
            "lead organ",
        ),
    ];
    let dir = common::tempdir();
    let input = dir.path().join("letter.yaml");
    for (yaml, place, words) in cases {
        std::fs::write(&input, &yaml).unwrap();
        for cmd in ["pdf", "docx"] {
            let out = dir.path().join(format!("out.{cmd}"));
            let o = run_gen(&[cmd, path_str(&input), "-o", path_str(&out)]);
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{cmd} accepted:\n{yaml}");
            assert!(err.contains(place) && err.contains(words), "{cmd}: {err}");
            assert!(err.contains("§10.1"), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
}

/// Every character of the letter survives in the PDF, in reading order:
/// the mark, the 份号 and the 发文字号, the title, the text, the 版记
/// (compared by code point with a hand-written text).
#[test]
fn the_letters_text_survives() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let (_dir, pdf) = gen_pdf(&data());
    common::assert_same_text(
        &common::pdftotext_raw(&pdf),
        &common::fixture_text("letter-reply.txt"),
    );
}
