//! The 命令（令） format (GB/T 9704-2012 §10.2) and the 纪要 format
//! (§10.3), in both writers: `gen pdf` measured on Typst's frames, `gen
//! docx` measured on LibreOffice's PDF of it (as `tests/docx.rs` does),
//! against the standard's numbers written out here; and the rules `gen
//! check` and the loader apply to each format.
//!
//! The DOCX half needs `soffice`, poppler-utils and a Python with
//! pdfminer.six (`GONGWEN_PYTHON`; `.ci/run` installs them).

mod common;

use std::path::{Path, PathBuf};

use common::office::{self, BatchCell, Plan};
use common::pdfminer::{Line as LoLine, Page as LoPage};
use common::standard::{
    CELL, CENTRE, DOCX_PITCH as LO_PITCH, EM, GAP, LEFT, MINUTES_MARK_TOP, OFFICE_TOL as LO_TOL,
    ORDER_MARK_TOP, PITCH, RIGHT, TOP, TYPST_TOL as TOL,
};
use common::{Line, PlacedImage, mm, path_str, png_ring, root, run_gen};
use gongwen::check::{Finding, Severity};
use serde_json::Value;

fn em_top(l: &Line) -> f64 {
    mm(l.baseline - 0.88 * l.size)
}

fn em_bottom(l: &Line) -> f64 {
    mm(l.baseline + 0.12 * l.size)
}

fn centre(l: &Line) -> f64 {
    (mm(l.left()) + mm(l.right())) / 2.0
}

fn line_with<'a>(lines: &'a [Line], text: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.text() == text)
        .unwrap_or_else(|| panic!("no line {text:?} in {:?}", texts(lines)))
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::text).collect()
}

/// Whether a glyph is in the red of §6.2 (the PDF's CMYK).
fn red(l: &Line) -> bool {
    l.glyphs.iter().all(|g| g.fill.contains("Cmyk"))
}

/// How many line pitches below the 版心's top an em box starts (a whole
/// number for a line on the body grid).
fn grid_index(top: f64) -> f64 {
    (top - TOP) / PITCH
}

fn assert_on_grid(what: &str, top: f64) {
    let k = grid_index(top);
    assert!(
        (k - k.round()).abs() < 0.01,
        "{what} at {top:.2} mm is off the grid ({k:.3})"
    );
}

/// A folder with `doc.yaml` and its files.
struct Doc {
    dir: tempfile::TempDir,
}

impl Doc {
    fn new(yaml: &str, files: &[(&str, Vec<u8>)]) -> Self {
        let dir = common::tempdir();
        for (name, bytes) in files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        std::fs::write(dir.path().join("doc.yaml"), yaml).unwrap();
        Doc { dir }
    }
    fn yaml(&self) -> PathBuf {
        self.dir.path().join("doc.yaml")
    }
}

fn typeset(path: &Path) -> typst_layout::PagedDocument {
    common::typeset_file(path).unwrap_or_else(|e| panic!("{e}"))
}

fn data(name: &str) -> PathBuf {
    root().join("data").join(name)
}

// ---- 命令（令）, §10.2 ----

/// What an order's layout must satisfy, measured: the mark at `mark_top`
/// (mm), red, centred; the 令号 centred, on the grid, two blank lines (and
/// less than three) below the mark; the first line after it (title or
/// 正文) exactly two blank lines below the 令号; the 签名章 and its title
/// and the date per §7.3.5.3.
fn check_order(doc: &typst_layout::PagedDocument, mark_text: &str, number: &str, mark_top: f64) {
    let pages = common::pages(doc);
    let p = &pages[0];
    let marks: Vec<&Line> = p.iter().filter(|l| red(l)).collect();
    assert_eq!(marks.len(), 1, "{:?}", texts(p));
    let mark = marks[0];
    assert_eq!(mark.text(), mark_text);
    assert!(
        (em_top(mark) - mark_top).abs() < TOL,
        "mark top {:.2} mm, want {mark_top:.2}",
        em_top(mark)
    );
    assert!(
        (centre(mark) - CENTRE).abs() < TOL,
        "mark centre {:.2}",
        centre(mark)
    );
    assert!(
        mark.size <= 42.0 && mark.size > 22.0,
        "mark size {}",
        mark.size
    );

    let n = line_with(p, number);
    assert!(
        (centre(n) - CENTRE).abs() < TOL,
        "令号 centre {:.2}",
        centre(n)
    );
    assert!(
        n.glyphs.iter().all(|g| !g.fill.contains("Cmyk")),
        "令号 is black"
    );
    assert_on_grid("令号", em_top(n));
    let gap = em_top(n) - em_bottom(mark);
    assert!(
        (2.0 * PITCH + GAP - TOL..3.0 * PITCH + GAP).contains(&gap),
        "mark to 令号 {gap:.2} mm: two blank lines are {:.2}",
        2.0 * PITCH + GAP
    );
    // The next line: two blank lines below the 令号.
    let next = p
        .iter()
        .find(|l| l.baseline > n.baseline)
        .expect("a line after the 令号");
    let below = em_top(next) - em_top(n);
    assert!(
        (below - 3.0 * PITCH).abs() < TOL,
        "令号 to {:?}: {below:.2} mm, want {:.2}",
        next.text(),
        3.0 * PITCH
    );

    // The closing on the last page (§7.3.5.3).
    let last = pages.len() - 1;
    let lines = &pages[last];
    let images = &common::images(doc)[last];
    assert_eq!(images.len(), 1, "one 签名章");
    let stamp: &PlacedImage = &images[0];
    let (x0, y0) = (mm(stamp.x), mm(stamp.y));
    let (x1, y1) = (mm(stamp.x + stamp.width), mm(stamp.y + stamp.height));
    assert!(
        (x1 - (RIGHT - 4.0 * CELL)).abs() < TOL,
        "签名章 ends at {x1:.2}: 右空四字"
    );
    let title = lines
        .iter()
        .find(|l| l.baseline > mm_to_pt(y0) && l.baseline < mm_to_pt(y1) + 20.0)
        .expect("the title beside the 签名章");
    assert!(
        (x0 - mm(title.right()) - 2.0 * CELL).abs() < 0.2,
        "title to 签名章 {:.2} mm: two characters",
        x0 - mm(title.right())
    );
    let title_centre = (em_top(title) + em_bottom(title)) / 2.0;
    assert!(
        (title_centre - (y0 + y1) / 2.0).abs() < TOL,
        "title centred on the 签名章"
    );
    let text_above = lines
        .iter()
        .rfind(|l| em_bottom(l) < y0 && l.size < 20.0)
        .expect("text above the 签名章");
    assert!(
        y0 >= em_top(text_above) + 3.0 * PITCH - TOL,
        "签名章 top {y0:.2}: two blank lines below {:.2}",
        em_top(text_above)
    );
    let date = lines
        .iter()
        .rfind(|l| l.text().ends_with('日'))
        .expect("date");
    assert!(
        (mm(date.right()) - (RIGHT - 4.0 * CELL)).abs() < 0.2,
        "date 右空四字"
    );
    let under = em_top(date) - y1;
    assert!(
        (PITCH - TOL..2.0 * PITCH).contains(&under),
        "date {under:.2} mm below the 签名章: one blank line"
    );
}

fn mm_to_pt(v: f64) -> f64 {
    v * 72.0 / 25.4
}

#[test]
fn a_government_order_without_title() {
    let doc = typeset(&data("order-decree.yaml"));
    check_order(&doc, "清河市人民政府令", "第3号", ORDER_MARK_TOP);
    let p = &common::pages(&doc)[0];
    // No title: the 正文 itself starts two blank lines below the 令号,
    // 左空二字.
    let number = line_with(p, "第3号");
    let body = p.iter().find(|l| l.baseline > number.baseline).unwrap();
    assert!(
        body.text().starts_with("《清河市城市供水用水管理办法》"),
        "{}",
        body.text()
    );
    assert!((mm(body.left()) - (LEFT + 2.0 * CELL)).abs() < TOL);
    assert!(p.iter().all(|l| l.size <= 16.0 || red(l)), "no 2号 title");
    assert_eq!(common::images(&doc).concat().len(), 1);
}

/// An order with another organ, a mark too long for 初号, a title, a
/// multi-page body, another 令号 and stamp, and 份号/密级/紧急程度 in lines
/// 1–3.
fn cornered_order() -> Doc {
    let body: String = (0..6)
        .map(|k| {
            format!(
                "  - 第{k}段。{}\n",
                "各级人民政府要认真组织实施，确保各项措施落到实处。".repeat(4)
            )
        })
        .collect();
    let yaml = format!(
        "format: order\nkind: 命令\ncopy_number: \"000041\"\nclassification: {{level: 秘密, period: 1年}}\n\
         urgency: 特急\nissuer_mark: 中华人民共和国江淮省人民政府令\norder_number: 第713号\n\
         title: 江淮省人民政府关于实施防汛抗旱应急响应的命令\nbody:\n{body}\
         signature_seal: {{title: 省长, image: stamp.png, width: 25}}\ndate: 2027-06-30\n"
    );
    Doc::new(&yaml, &[("stamp.png", png_ring(240, None))])
}

#[test]
fn an_order_with_title_a_long_mark_and_its_header_corner() {
    // Another organ, a mark too long for 初号, a title, a multi-page body,
    // another 令号 and stamp, and 份号/密级/紧急程度 in lines 1–3: the mark
    // moves below them.
    let d = cornered_order();
    let doc = typeset(&d.yaml());
    let pages = common::pages(&doc);
    assert!(pages.len() >= 2);
    // The corner's third line (紧急程度) ends at 2 pitches + an em; the mark
    // starts a line gap below it, lower than 20 mm.
    let corner = line_with(&pages[0], "特急");
    let mark_top = em_bottom(corner) + GAP;
    assert!(mark_top > ORDER_MARK_TOP);
    check_order(&doc, "中华人民共和国江淮省人民政府令", "第713号", mark_top);
    let p = &pages[0];
    let title = p
        .iter()
        .find(|l| l.size > 20.0 && !red(l))
        .expect("the 2号 title");
    assert!(title.text().starts_with("江淮省人民政府"));
    // The title on the line two blank lines below the 令号 (its 2号 em box
    // starting at the grid line's top), the 正文 one blank line below it.
    let n = line_with(p, "第713号");
    assert!((em_top(title) - em_top(n) - 3.0 * PITCH).abs() < TOL);
    let body = p.iter().find(|l| l.text().starts_with("第0段")).unwrap();
    assert_on_grid("正文", em_top(body));
}

#[test]
fn an_order_without_title_is_refused_in_other_formats_and_without_its_fields() {
    // A title may be absent in a 命令 only; a 命令 needs its 令号 and mark; a
    // 令号 belongs to a 命令; each refusal names the file, line and column.
    let cases = [
        (
            "kind: 通知\nissuer: 甲局\ndate: 2020-01-02\nbody: [正文。]\n",
            "doc.yaml:1:1: title: missing field `title`",
        ),
        (
            "format: order\nkind: 令\nissuer_mark: 甲市人民政府令\nbody: [正文。]\ndate: 2020-01-02\n",
            "doc.yaml:1:9: format: a 命令（令） carries its 令号",
        ),
        (
            "format: order\nkind: 令\norder_number: 第1号\nbody: [正文。]\ndate: 2020-01-02\n",
            "doc.yaml:1:9: format: a 命令（令） is headed by its mark",
        ),
        (
            "kind: 通知\ntitle: 关于某事的通知\norder_number: 第1号\nbody: [正文。]\ndate: 2020-01-02\n",
            "doc.yaml:3:15: order_number: a 令号 belongs to the 命令（令） format",
        ),
        (
            "format: order\nkind: 令\nissuer_mark: 甲市人民政府令\norder_number: 第1号\n\
             doc_number: 甲政令〔2020〕1号\nbody: [正文。]\ndate: 2020-01-02\n",
            "doc.yaml:5:13: doc_number: a 命令（令） is numbered by its 令号",
        ),
    ];
    for (yaml, want) in cases {
        let d = Doc::new(yaml, &[]);
        for writer in ["pdf", "docx"] {
            let out = d.dir.path().join(format!("out.{writer}"));
            let o = run_gen(&[writer, path_str(&d.yaml()), "-o", path_str(&out)]);
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{writer} accepted {yaml}");
            assert!(err.contains(want), "{writer}: {want:?} not in {err}");
            assert!(!out.exists());
        }
    }
    // A 命令 without its 签名章 is refused by the writers (§10.2).
    let d = Doc::new(
        "format: order\nkind: 令\nissuer_mark: 甲市人民政府令\norder_number: 第1号\nbody: [正文。]\nissuer: 甲市人民政府\ndate: 2020-01-02\n",
        &[],
    );
    for writer in ["pdf", "docx"] {
        let out = d.dir.path().join(format!("out.{writer}"));
        let o = run_gen(&[writer, path_str(&d.yaml()), "-o", path_str(&out)]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success());
        assert!(
            err.contains("signature_seal: a 命令（令） is signed by its 签发人"),
            "{err}"
        );
        assert!(err.contains("§10.2"), "{err}");
    }
}

// ---- 纪要, §10.3 ----

/// The attendance lists: (label, lines) for each list, in order, from the
/// line that starts with its label through its wrapped lines; each line
/// with the line above it on its page, if any.
type Listed<'a> = (&'a Line, Option<&'a Line>);

fn attendance(pages: &[Vec<Line>]) -> Vec<(String, Vec<Listed<'_>>)> {
    let mut out: Vec<(String, Vec<Listed>)> = Vec::new();
    // Where the open list's names start (its wrapped lines start there).
    let mut names_x: Option<f64> = None;
    for page in pages {
        // The text lines (not the page number, 4号).
        let page: Vec<&Line> = page.iter().filter(|l| l.size > 15.0).collect();
        for (i, &l) in page.iter().enumerate() {
            let above = i.checked_sub(1).map(|k| page[k]);
            let t = l.text();
            if let Some(label) = ["出席：", "请假：", "列席："]
                .iter()
                .find(|lb| t.starts_with(**lb))
            {
                out.push((label.to_string(), vec![(l, above)]));
                names_x = l.glyphs.get(3).map(|g| mm(g.x));
            } else if names_x.is_some_and(|x| (mm(l.left()) - x).abs() < 0.5) {
                out.last_mut().unwrap().1.push((l, above));
            } else {
                names_x = None;
            }
        }
    }
    out
}

/// Measures a 纪要: the mark 35 mm down, red, centred; the 期号 (when
/// `issue`) centred on the grid two blank lines below it; the title two
/// blank lines lower; the attendance lists' labels, faces, indents,
/// spacing and wrapping; no seal. Returns each list's label and its lines'
/// texts (the label stripped).
fn check_minutes(
    doc: &typst_layout::PagedDocument,
    mark_text: &str,
    issue: Option<&str>,
) -> Vec<(String, Vec<String>)> {
    let pages = common::pages(doc);
    let p = &pages[0];
    let marks: Vec<&Line> = p.iter().filter(|l| red(l)).collect();
    assert_eq!(marks.len(), 1, "{:?}", texts(p));
    let mark = marks[0];
    assert_eq!(mark.text(), mark_text);
    assert!(
        (em_top(mark) - MINUTES_MARK_TOP).abs() < TOL,
        "mark top {:.2}",
        em_top(mark)
    );
    assert!((centre(mark) - CENTRE).abs() < TOL);
    let title = p.iter().find(|l| l.size > 20.0 && !red(l)).expect("title");
    let two_blank = |gap: f64| (2.0 * PITCH + GAP - TOL..3.0 * PITCH + GAP).contains(&gap);
    let above_title = match issue {
        Some(issue) => {
            let n = line_with(p, issue);
            assert!((centre(n) - CENTRE).abs() < TOL, "期号 centred");
            assert_on_grid("期号", em_top(n));
            let gap = em_top(n) - em_bottom(mark);
            assert!(two_blank(gap), "mark to 期号 {gap:.2}");
            em_top(n)
        }
        None => {
            let gap = em_top(title) - em_bottom(mark);
            assert!(two_blank(gap), "mark to title {gap:.2}");
            em_top(title) - 3.0 * PITCH
        }
    };
    assert!(
        (em_top(title) - above_title - 3.0 * PITCH).abs() < TOL,
        "title two blank lines down"
    );
    assert!(
        common::images(doc).concat().is_empty(),
        "a 纪要 carries no seal"
    );

    let lists = attendance(&pages);
    assert!(!lists.is_empty(), "no attendance lists");
    let mut out = Vec::new();
    for (k, (label, lines)) in lists.iter().enumerate() {
        let (first, above) = lines[0];
        // The label: 3号黑体, 左空二字, a full-width colon (U+FF1A).
        for g in &first.glyphs[..3] {
            assert_eq!(g.family, "Noto Sans CJK SC", "{label} in 黑体");
            assert!((g.size - 16.0).abs() < 1e-6);
        }
        assert_eq!(first.glyphs[2].text, "\u{FF1A}");
        assert!(
            (mm(first.left()) - (LEFT + 2.0 * CELL)).abs() < TOL,
            "{label} 左空二字"
        );
        // The names in 3号仿宋.
        let names = || lines.iter().flat_map(|(l, _)| &l.glyphs).skip(3);
        for g in names().filter(|g| !g.text.trim().is_empty()) {
            assert_eq!(g.family, "FandolFang R", "{label}: {:?} in 仿宋", g.text);
            assert!((g.size - 16.0).abs() < 1e-6);
        }
        // One blank line before 出席; 请假 and 列席 on the next line (when
        // the list does not start a page).
        if let Some(above) = above {
            let want = if k == 0 { 2.0 } else { 1.0 } * PITCH;
            let got = em_top(first) - em_top(above);
            assert!(
                (got - want).abs() < TOL,
                "{label}: {got:.2} mm below the line above"
            );
        }
        // The label never stands alone at the foot of a page: a list that
        // wraps has its second line on the label's page.
        if lines.len() > 1 {
            assert!(lines[1].1.is_some(), "{label} alone at the foot of a page");
        }
        // Wrapped lines start under the first character after the colon,
        // one pitch below the line above; lines break between entries, and
        // only where the next entry does not fit.
        let names_x = mm(first.glyphs[3].x);
        for (j, (l, above)) in lines.iter().enumerate().skip(1) {
            assert!(
                (mm(l.left()) - names_x).abs() < TOL,
                "{label} line {j} at {:.2}, names at {names_x:.2}",
                mm(l.left())
            );
            if let Some(above) = above {
                assert!((em_top(l) - em_top(above) - PITCH).abs() < TOL);
            }
        }
        // A line ends after an entry's 、, or is full (an entry longer than
        // the rest of the line is broken inside).
        for (l, _) in &lines[..lines.len() - 1] {
            assert!(
                l.text().ends_with('、') || mm(l.right()) > RIGHT - CELL,
                "{label}: a line breaks inside an entry: {}",
                l.text()
            );
        }
        out.push((
            label.clone(),
            lines
                .iter()
                .enumerate()
                .map(|(j, (l, _))| {
                    let t = l.text();
                    if j == 0 {
                        t[label.len()..].to_string()
                    } else {
                        t
                    }
                })
                .collect(),
        ));
    }
    out
}

/// The entries of a list as the lines must hold them: the YAML's entries,
/// `、` between them, a unit and a name one ideographic space apart.
fn entries_text(entries: &[&str]) -> String {
    entries
        .iter()
        .map(|e| e.replace(' ', "\u{3000}"))
        .collect::<Vec<_>>()
        .join("、")
}

/// Each line holds whole entries, and no line could have taken the next
/// entry: its entries and the next one's would pass the right edge of the
/// 版心 (the names area is 23 cells on every line).
fn assert_greedy(lines: &[String]) {
    for w in lines.windows(2) {
        let next_entry: String = w[1].split('、').next().unwrap().to_string();
        let cells =
            w[0].chars().count() + next_entry.chars().count() + usize::from(w[1].contains('、'));
        assert!(cells > 23, "{:?} had room for {next_entry:?}", w[0]);
    }
}

#[test]
fn the_meeting_minutes_sample() {
    let doc = typeset(&data("minutes-meeting.yaml"));
    let lists = check_minutes(&doc, "清河市人民政府专题会议纪要", Some("第23期"));
    let labels: Vec<&str> = lists.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["出席：", "请假：", "列席："]);
    let yaml: Value =
        serde_yaml_ng::from_str(&std::fs::read_to_string(data("minutes-meeting.yaml")).unwrap())
            .unwrap();
    for ((_, lines), field) in lists.iter().zip(["present", "on_leave", "attending"]) {
        let entries: Vec<&str> = yaml["attendance"][field]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(lines.concat(), entries_text(&entries), "{field}");
        assert_greedy(lines);
    }
    // 出席 wraps (the sample's list is long).
    assert!(lists[0].1.len() >= 2, "{:?}", lists[0].1);
}

#[test]
fn minutes_without_issue_number_and_other_lists() {
    // No 期号, names without units, a 请假 list that wraps, an entry longer
    // than a line, no 列席, no 署名.
    let present: Vec<String> = (0..9)
        .map(|k| format!("委员{}", "甲乙丙丁戊己庚辛壬".chars().nth(k).unwrap()))
        .collect();
    let leave: Vec<String> = vec![
        "市发展和改革委员会副主任兼市能源局局长 钱多多".into(),
        "市统计局 孙一".into(),
        "市教育局 李二".into(),
        "市科技局 周三".into(),
        "市工业和信息化局 吴四".into(),
        "市民政局 郑五".into(),
        "青溪县人民政府驻省会城市联络处及经济技术协作办公室 王六".into(),
    ];
    let list = |v: &[String]| {
        v.iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let yaml = format!(
        "format: minutes\nkind: 纪要\nissuer_mark: 青溪县人民政府常务会议纪要\n\
         title: 县人民政府第十二次常务会议纪要\nbody:\n  - 会议研究了有关事项。\n\
         attendance:\n  present: [{}]\n  on_leave: [{}]\ndate: 2027-03-05\n",
        list(&present),
        list(&leave)
    );
    let d = Doc::new(&yaml, &[]);
    let doc = typeset(&d.yaml());
    let lists = check_minutes(&doc, "青溪县人民政府常务会议纪要", None);
    let labels: Vec<&str> = lists.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["出席：", "请假："]);
    let p: Vec<&str> = present.iter().map(String::as_str).collect();
    let l: Vec<&str> = leave.iter().map(String::as_str).collect();
    assert_eq!(lists[0].1.concat(), entries_text(&p));
    assert_eq!(lists[1].1.concat(), entries_text(&l));
    assert!(lists[1].1.len() >= 3, "{:?}", lists[1].1);
}

/// The attendance lists of the page-break tests.
const PRESENT: [&str; 6] = [
    "市发展和改革委员会 张志远",
    "市财政局 刘德胜",
    "市自然资源和规划局 陈丽娟",
    "市城市管理局 杨光明",
    "市住房和城乡建设局 赵晓东",
    "市交通运输局 黄春生",
];
const ATTENDING: [&str; 2] = ["市政府办公室 何文静", "市信访局 马立新"];

/// A 纪要 with `n` one-line paragraphs before its lists.
fn meeting_with_body(n: usize) -> String {
    let quoted = |v: &[&str]| {
        v.iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let body: String = (0..n)
        .map(|k| format!("  - 第{k}项议定事项已经会议研究同意，由有关部门抓紧落实。\n"))
        .collect();
    format!(
        "format: minutes\nkind: 纪要\nissuer_mark: 清河市人民政府常务会议纪要\n\
         issue_number: 第5期\ntitle: 市人民政府常务会议纪要\nbody:\n{body}\
         attendance:\n  present: [{}]\n  attending: [{}]\ndate: 2026-04-01\n",
        quoted(&PRESENT),
        quoted(&ATTENDING)
    )
}

#[test]
fn lists_across_a_page_break() {
    // The lists move down a line at a time across the foot of page 1: at
    // each position the spacing, the alignment and the keeps hold, and
    // every entry is printed once, in order.
    let (present, attending) = (PRESENT, ATTENDING);
    for n in 4..12 {
        let yaml = meeting_with_body(n);
        let d = Doc::new(&yaml, &[]);
        let doc = typeset(&d.yaml());
        let lists = check_minutes(&doc, "清河市人民政府常务会议纪要", Some("第5期"));
        assert_eq!(lists.len(), 2, "n = {n}");
        assert_eq!(lists[0].1.concat(), entries_text(&present), "n = {n}");
        assert_eq!(lists[1].1.concat(), entries_text(&attending), "n = {n}");
        assert!(lists[0].1.len() >= 3, "n = {n}: {:?}", lists[0].1);
    }
}

#[test]
fn minutes_refuse_seals_and_signers() {
    for (extra, line_col, field) in [
        ("seal: seals/a.png\n", "doc.yaml:7:7", "seal"),
        (
            "signature_seal: {title: 主任, image: a.png}\n",
            "doc.yaml:7:17",
            "signature_seal",
        ),
        ("signers: [张三]\n", "doc.yaml:7:10", "signers"),
        (
            "doc_number: 清政纪〔2026〕5号\n",
            "doc.yaml:7:13",
            "doc_number",
        ),
    ] {
        let yaml = format!(
            "format: minutes\nkind: 纪要\nissuer_mark: 清河市人民政府常务会议纪要\ntitle: 常务会议纪要\n\
             body: [会议研究了有关事项。]\ndate: 2026-01-02\n{extra}"
        );
        let d = Doc::new(&yaml, &[]);
        for writer in ["pdf", "docx"] {
            let out = d.dir.path().join(format!("out.{writer}"));
            let o = run_gen(&[writer, path_str(&d.yaml()), "-o", path_str(&out)]);
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{writer} accepted {field}");
            let want = format!("{line_col}: {field}: a 纪要");
            assert!(err.contains(&want), "{writer}: {want:?} not in {err}");
            assert!(err.contains("§10.3"), "{err}");
            assert!(!out.exists());
        }
        // gen check: an error of the format rule, citing §10.3, at the field.
        let findings = lint(&yaml);
        let f = findings
            .iter()
            .find(|f| f.rule == "minutes-format")
            .unwrap_or_else(|| panic!("{field}: {findings:#?}"));
        assert_eq!(f.clause, "GB/T 9704-2012 §10.3");
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.path, field);
        assert_eq!(format!("doc.yaml:{}:{}", f.line, f.column), line_col);
        assert!(
            !findings.iter().any(|f| f.rule == "doc-number"),
            "{findings:#?}"
        );
    }
}

/// Every needle occurs in `text`, each after the one before.
fn assert_in_order(text: &str, needles: &[String]) {
    let mut from = 0;
    for n in needles {
        let n = common::strip_ws(n);
        match text[from..].find(&n) {
            Some(i) => from += i + n.len(),
            None => panic!("{n:?} not found (in order) in {text:?}"),
        }
    }
}

#[test]
fn the_text_survives_in_pdf_and_html() {
    // pdftotext of our PDF and the HTML page's text hold every text field
    // of the samples, in order (white space aside).
    let dir = common::tempdir();
    for (name, needles) in [
        (
            "order-decree.yaml",
            vec![
                "清河市人民政府令",
                "第3号",
                "《清河市城市供水用水管理办法》已经2026年10月12日市人民政府第31次常务会议审议通过，现予公布，自2027年1月1日起施行。",
                "市长",
                "2026年10月20日",
            ],
        ),
        (
            "minutes-meeting.yaml",
            vec![
                "清河市人民政府专题会议纪要",
                "第23期",
                "关于加快推进城镇老旧小区改造工作的专题会议纪要",
                "一、关于改造进度",
                "二、关于资金保障",
                "出席：王建军、市政府副秘书长李明华、市住房城乡建设局张志远、市发展改革委赵晓东、市财政局刘德胜、市自然资源和规划局陈丽娟、市城市管理局杨光明、东城区政府黄春生、西城区政府周海峰、南湖区政府吴玉兰",
                "请假：市应急管理局孙建平、北岸区政府郑国庆",
                "列席：市政府办公室何文静、国网清河供电公司马立新、清河燃气集团林志强、清河水务集团高秀英",
                "清河市人民政府办公室",
                "2026年9月20日",
                "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
            ],
        ),
    ] {
        let needles: Vec<String> = needles.into_iter().map(String::from).collect();
        let pdf = dir.path().join(name.replace(".yaml", ".pdf"));
        let o = run_gen(&["pdf", path_str(&data(name)), "-o", path_str(&pdf)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_in_order(&common::pdftotext_raw(&pdf), &needles);
        let html = dir.path().join(name.replace(".yaml", ".html"));
        let o = run_gen(&["html", path_str(&data(name)), "-o", path_str(&html)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let page = std::fs::read_to_string(&html).unwrap();
        let body = &page[page.find("<article>").unwrap()..];
        let mut text = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        assert_in_order(&common::strip_ws(&text), &needles);
    }
}

// ---- gen check ----

/// The findings on `yaml`, but for `seal-image`: these documents name a
/// 签名章 image that is not there (that rule has its own test in
/// tests/check.rs).
fn lint(yaml: &str) -> Vec<Finding> {
    gongwen::check::check_bytes(Path::new("doc.yaml"), yaml.as_bytes(), common::fonts())
        .expect("lintable")
        .findings
        .into_iter()
        .filter(|f| f.rule != "seal-image")
        .collect()
}

#[test]
fn check_knows_the_order_format() {
    // The samples are clean.
    for name in [
        "order-decree.yaml",
        "order-commendation.yaml",
        "minutes-meeting.yaml",
    ] {
        // Read from its place: the 签名章 image is found next to it.
        let findings = gongwen::check::check_file(&data(name), common::fonts())
            .unwrap()
            .findings;
        assert_eq!(findings, [], "{name}");
    }
    let base =
        "format: order\nkind: 令\nissuer_mark: 甲市人民政府令\nbody: [正文。]\ndate: 2020-01-02\n";
    let sig = "signature_seal: {title: 市长, image: s.png}\n";
    // The 令号 `第3号` is no malformed 发文字号.
    let ok = lint(&format!("{base}order_number: 第3号\n{sig}"));
    assert_eq!(ok, [], "{ok:#?}");
    // Written as a 发文字号: the format rule says where it belongs, and the
    // 发文字号 rule keeps quiet.
    let f = lint(&format!("{base}doc_number: 第3号\n{sig}"));
    assert!(!f.iter().any(|f| f.rule == "doc-number"), "{f:#?}");
    let number = f
        .iter()
        .find(|f| f.path == "doc_number")
        .expect("doc_number finding");
    assert_eq!(
        (number.rule, number.clause, number.severity),
        ("order-format", "GB/T 9704-2012 §10.2", Severity::Error)
    );
    assert_eq!(number.suggestion.as_deref(), Some("order_number: 第3号"));
    // No 签发人 title and 签名章: an error citing §10.2.
    let f = lint(&format!(
        "{base}order_number: 第3号\nissuer: 甲市人民政府\n"
    ));
    let sign = f
        .iter()
        .find(|f| f.path == "signature_seal")
        .expect("signature finding");
    assert_eq!(
        (sign.rule, sign.clause, sign.severity),
        ("order-format", "GB/T 9704-2012 §10.2", Severity::Error)
    );
    assert_eq!((sign.line, sign.column), (1, 9), "at `format`");
    // A mark that is not the organ + 命令/令.
    let f = lint(&format!(
        "{}order_number: 第3号\n{sig}",
        base.replace("甲市人民政府令", "甲市人民政府文件")
    ));
    assert!(
        f.iter()
            .any(|f| f.path == "issuer_mark" && f.clause.ends_with("§10.2")),
        "{f:#?}"
    );
    // A general document with the same 第3号 as 发文字号 is still flagged.
    let f = lint(
        "kind: 通知\ntitle: 关于某事的通知\ndoc_number: 第3号\nissuer: 甲局\nbody: [正文。]\ndate: 2020-01-02\n",
    );
    assert!(f.iter().any(|f| f.rule == "doc-number"), "{f:#?}");
}

// ---- gen docx, in LibreOffice ----

/// The documents LibreOffice renders here, converted in one run.
fn plan(p: &mut Plan) {
    p.input("order-decree", &data("order-decree.yaml"), &[]);
    p.input("cornered-order", &cornered_order().yaml(), &[]);
    p.input(
        "label-with-list",
        &Doc::new(&meeting_with_body(8), &[]).yaml(),
        &[],
    );
    p.input("list-break", &Doc::new(&list_break_yaml(), &[]).yaml(), &[]);
    p.input("minutes-meeting", &data("minutes-meeting.yaml"), &[]);
}

/// This binary's LibreOffice batch; `None` (skip) without LibreOffice.
fn office() -> Option<&'static office::Batch> {
    static BATCH: BatchCell = BatchCell::new();
    office::batch(&BATCH, plan)
}

/// LibreOffice's pages of the document planned as `name`.
fn docx_in_libreoffice(name: &str) -> Option<&'static [LoPage]> {
    office().map(|b| b.get(name).pages.as_slice())
}

#[test]
fn the_docx_files_libreoffice_renders_are_valid_ooxml() {
    if let Some(b) = office() {
        common::ooxml::assert_valid(&b.files());
    }
}

fn lo_line<'a>(lines: &'a [LoLine], text: &str) -> &'a LoLine {
    lines.iter().find(|l| l.text() == text).unwrap_or_else(|| {
        panic!(
            "no line {text:?} in {:?}",
            lines.iter().map(LoLine::text).collect::<Vec<_>>()
        )
    })
}

#[test]
fn libreoffice_sets_the_order() {
    let Some(pages) = docx_in_libreoffice("order-decree") else {
        return;
    };
    let p = &pages[0];
    let mark = lo_line(&p.lines, "清河市人民政府令");
    assert!(mark.red(), "mark red");
    assert!(
        (mark.em_top() - ORDER_MARK_TOP).abs() <= LO_TOL,
        "mark top {:.2}",
        mark.em_top()
    );
    assert!(((mark.left() + mark.right()) / 2.0 - CENTRE).abs() <= LO_TOL);
    let n = lo_line(&p.lines, "第3号");
    assert!(!n.red());
    assert!(
        ((n.left() + n.right()) / 2.0 - CENTRE).abs() <= LO_TOL,
        "令号 centred"
    );
    // Where gongwen's PDF puts it (one composition), and the 正文 two blank
    // lines below it.
    let ours = common::pages(&typeset(&data("order-decree.yaml")));
    let pdf_n = line_with(&ours[0], "第3号");
    assert!(
        (n.em_top() - em_top(pdf_n)).abs() <= 0.5,
        "{:.2} vs PDF {:.2}",
        n.em_top(),
        em_top(pdf_n)
    );
    let body = p
        .lines
        .iter()
        .find(|l| l.chars[0].baseline > n.chars[0].baseline)
        .unwrap();
    assert!(body.text().starts_with("《清河市"), "{}", body.text());
    assert!(
        (body.em_top() - n.em_top() - 3.0 * LO_PITCH).abs() <= 0.5,
        "{:.2}",
        body.em_top() - n.em_top()
    );
    // The 签名章 右空四字, the title two characters to its left, the date
    // 右空四字 one blank line below.
    let last = pages.last().unwrap();
    assert_eq!(last.images.len(), 1);
    let (x0, y0, x1, y1) = last.images[0];
    assert!(
        (x1 - (RIGHT - 4.0 * CELL)).abs() <= LO_TOL,
        "签名章 right {x1:.2}"
    );
    let title = lo_line(&last.lines, "市长");
    assert!(
        (x0 - title.right() - 2.0 * CELL).abs() <= LO_TOL,
        "title gap {:.2}",
        x0 - title.right()
    );
    let title_centre = title.em_top() + EM / 2.0;
    assert!((title_centre - (y0 + y1) / 2.0).abs() <= LO_TOL);
    let date = lo_line(&last.lines, "2026年10月20日");
    assert!(
        (date.right() - (RIGHT - 4.0 * CELL)).abs() <= LO_TOL,
        "date right {:.2}",
        date.right()
    );
    let under = date.em_top() - y1;
    assert!(
        (LO_PITCH - LO_TOL..2.0 * LO_PITCH).contains(&under),
        "{under:.2}"
    );
}

#[test]
fn libreoffice_sets_an_order_with_title_and_header_corner() {
    let Some(pages) = docx_in_libreoffice("cornered-order") else {
        return;
    };
    let d = cornered_order();
    let p = &pages[0];
    let ours = common::pages(&typeset(&d.yaml()));
    // Each of the 版头's lines, the title and the first line of the 正文
    // where gongwen's PDF puts it.
    for text in [
        "000041",
        "秘密★1年",
        "特急",
        "中华人民共和国江淮省人民政府令",
        "第713号",
        "江淮省人民政府关于",
    ] {
        let lo = p
            .lines
            .iter()
            .find(|l| l.text().starts_with(text))
            .unwrap_or_else(|| panic!("no {text}"));
        let pdf = ours[0].iter().find(|l| l.text().starts_with(text)).unwrap();
        assert!(
            (lo.em_top() - em_top(pdf)).abs() <= 0.5,
            "{text}: {:.2} vs PDF {:.2}",
            lo.em_top(),
            em_top(pdf)
        );
    }
    let mark = lo_line(&p.lines, "中华人民共和国江淮省人民政府令");
    assert!(mark.red());
    assert!(((mark.left() + mark.right()) / 2.0 - CENTRE).abs() <= LO_TOL);
    let n = lo_line(&p.lines, "第713号");
    assert!(((n.left() + n.right()) / 2.0 - CENTRE).abs() <= LO_TOL);
    assert!(n.em_top() - (mark.em_top() + mm(mark.chars[0].size)) >= 2.0 * LO_PITCH);
}

#[test]
fn libreoffice_keeps_the_label_with_its_list() {
    // With eight paragraphs the 出席 label falls on page 1's last line;
    // it goes to page 2 with its list, in LibreOffice as in the PDF.
    let Some(pages) = docx_in_libreoffice("label-with-list") else {
        return;
    };
    let d = Doc::new(&meeting_with_body(8), &[]);
    let ours = common::pages(&typeset(&d.yaml()));
    let page_of = |texts: Vec<Vec<String>>, prefix: &str| {
        texts
            .iter()
            .position(|p| p.iter().any(|t| t.starts_with(prefix)))
            .unwrap_or_else(|| panic!("no {prefix}"))
    };
    let lo: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.lines.iter().map(LoLine::text).collect())
        .collect();
    let pdf: Vec<Vec<String>> = ours.iter().map(|p| texts(p)).collect();
    assert_eq!(page_of(pdf.clone(), "出席："), 1, "{pdf:?}");
    assert_eq!(page_of(lo.clone(), "出席："), 1, "{lo:?}");
    // Its second line is on the same page.
    let k = lo[1].iter().position(|t| t.starts_with("出席：")).unwrap();
    assert!(lo[1].len() > k + 1 && !lo[1][k + 1].starts_with("列席"));
}

/// The 纪要 sample with one more section.
fn list_break_yaml() -> String {
    std::fs::read_to_string(data("minutes-meeting.yaml"))
        .unwrap()
        .replace(
            "attendance:\n",
            "  - heading: 关于质量安全\n    body:\n      - 会议强调，各区和市住房城乡建设局要加强施工现场巡查，重点检查外墙保温、燃气管道和加装电梯等环节，发现问题立即整改。改造完成后要及时组织居民代表参与验收，验收结果向社会公示。\nattendance:\n",
        )
}

#[test]
fn libreoffice_breaks_a_list_where_the_pdf_does() {
    // The sample with one more section: the closing no longer fits under
    // the lists, and gongwen's layout takes the 列席 list's last two lines
    // to the 署名's page (§7.3.5.5: two lines of what precedes it). The
    // DOCX starts that page at the same line, and the line stays under the
    // first entry.
    let Some(pages) = docx_in_libreoffice("list-break") else {
        return;
    };
    let d = Doc::new(&list_break_yaml(), &[]);
    let ours = common::pages(&typeset(&d.yaml()));
    let first_kept = "国网清河供电公司\u{3000}马立新、";
    let last_line = "清河燃气集团\u{3000}林志强、清河水务集团\u{3000}高秀英";
    let closing_page = |texts: Vec<Vec<String>>| {
        texts
            .iter()
            .position(|p| p.iter().any(|t| t == "清河市人民政府办公室"))
            .expect("the 署名")
    };
    let pdf: Vec<Vec<String>> = ours
        .iter()
        .map(|p| p.iter().filter(|l| l.size > 15.0).map(Line::text).collect())
        .collect();
    let k = closing_page(pdf.clone());
    assert_eq!(pdf[k][0], first_kept, "{pdf:?}");
    assert_eq!(pdf[k][1], last_line, "{pdf:?}");
    let lo: Vec<Vec<String>> = pages
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .filter(|l| l.chars[0].size > 15.0)
                .map(LoLine::text)
                .collect()
        })
        .collect();
    assert_eq!(closing_page(lo.clone()), k, "{lo:?}");
    assert_eq!(lo[k][0], common::strip_ws(first_kept), "{lo:?}");
    assert_eq!(lo[k][1], common::strip_ws(last_line), "{lo:?}");
    let first = &pages[k].lines[0];
    assert!(
        (first.left() - (LEFT + 5.0 * CELL)).abs() <= 0.5,
        "{:.2}",
        first.left()
    );
    // The list's lines before the break stay on the page before.
    assert!(lo[k - 1].iter().any(|t| t.starts_with("列席：")), "{lo:?}");
}

#[test]
fn libreoffice_sets_the_minutes() {
    let Some(pages) = docx_in_libreoffice("minutes-meeting") else {
        return;
    };
    let path = data("minutes-meeting.yaml");
    let p = &pages[0];
    let mark = lo_line(&p.lines, "清河市人民政府专题会议纪要");
    assert!(mark.red());
    assert!(
        (mark.em_top() - MINUTES_MARK_TOP).abs() <= LO_TOL,
        "mark top {:.2}",
        mark.em_top()
    );
    let n = lo_line(&p.lines, "第23期");
    assert!(((n.left() + n.right()) / 2.0 - CENTRE).abs() <= LO_TOL);
    assert!(pages.iter().all(|p| p.images.is_empty()), "no seal");
    // The attendance lists: the same lines as gongwen's PDF, labels in 黑体
    // 左空二字, names in 仿宋, wrapped lines under the first name.
    let ours = check_minutes(
        &typeset(&path),
        "清河市人民政府专题会议纪要",
        Some("第23期"),
    );
    let all: Vec<&LoLine> = pages.iter().flat_map(|p| &p.lines).collect();
    for (label, pdf_lines) in &ours {
        let k = all
            .iter()
            .position(|l| l.text().starts_with(label.as_str()))
            .unwrap_or_else(|| panic!("no {label}"));
        let first = all[k];
        let label_chars = &first.chars[..3];
        for c in label_chars {
            assert!(c.font.contains("NotoSansCJK"), "{label}: {}", c.font);
        }
        assert!(
            (first.left() - (LEFT + 2.0 * CELL)).abs() <= 0.5,
            "{label} at {:.2}",
            first.left()
        );
        let names_x = mm(first.chars[3].x);
        for c in all[k..k + pdf_lines.len()]
            .iter()
            .flat_map(|l| &l.chars)
            .skip(3)
        {
            assert!(
                c.font.contains("FandolFang"),
                "{label}: {:?} in {}",
                c.c,
                c.font
            );
        }
        for (j, want) in pdf_lines.iter().enumerate() {
            let l = all[k + j];
            let got = if j == 0 {
                l.text()[label.len()..].to_string()
            } else {
                l.text()
            };
            assert_eq!(
                common::strip_ws(&got),
                common::strip_ws(want),
                "{label} line {j}"
            );
            if j > 0 {
                assert!(
                    (l.left() - names_x).abs() <= 0.5,
                    "{label} line {j} at {:.2} vs {names_x:.2}",
                    l.left()
                );
                assert!((l.em_top() - all[k + j - 1].em_top() - LO_PITCH).abs() <= 0.5);
            }
        }
        if label == "出席：" {
            let above = all[k - 1];
            assert!(
                (first.em_top() - above.em_top() - 2.0 * LO_PITCH).abs() <= 0.5,
                "one blank line before 出席"
            );
        }
    }
}
