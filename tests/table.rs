//! Tables (公文中的横排表格, GB/T 9704-2012 §8), measured: in the PDF from
//! Typst's frames (rotation included) and the PDF's text; in the DOCX from
//! its XML and from LibreOffice's PDF of it. The expected numbers are the
//! standard's (A4, the 版心 at 37/28 mm, 156 × 225 mm, 22 lines, the page
//! number 7 mm below the 版心) and gongwen's stated choices (0.5 pt rules),
//! written out here in millimetres.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::frames::{Glyph, Rule};
use common::office::{self, BatchCell, Plan};
use common::pdfminer::Page;
use common::standard::{
    BOTTOM, CELL, DOCX_PITCH, EM, LEFT, PAGE_NUMBER_DASH_TOP, PAPER_H, PAPER_W, PITCH, RIGHT, TOP,
};
use common::tools::{Tool, need};
use common::{mm, path_str, root, run_gen};
use serde_json::Value;
use typst_layout::PagedDocument;

/// 0.5 pt, gongwen's rule weight (README), in mm.
const RULE: f64 = mm(0.5);
const REPORT: &str = "data/table-report.yaml";

// ------------------------------------------------------------------
// Typst's frames (common::frames: every transform applied)
// ------------------------------------------------------------------

/// A page as Typst draws it.
struct PdfPage {
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
    /// Its width and height, mm.
    size: (f64, f64),
}

fn pdf_pages(doc: &PagedDocument) -> Vec<PdfPage> {
    common::frames::drawn(doc)
        .into_iter()
        .map(|d| PdfPage {
            glyphs: d.glyphs,
            rules: d.rules,
            size: (mm(d.size.0), mm(d.size.1)),
        })
        .collect()
}

/// A point in mm.
fn at(p: (f64, f64)) -> (f64, f64) {
    (mm(p.0), mm(p.1))
}

impl PdfPage {
    /// Upright glyphs grouped into lines (same baseline and size), left to
    /// right: (baseline mm, size, text, left mm).
    fn lines(&self) -> Vec<(f64, f64, String, f64)> {
        let mut out: Vec<(f64, f64, Vec<&Glyph>)> = Vec::new();
        for g in self.glyphs.iter().filter(|g| g.dir.0 > 0.99) {
            let y = mm(g.baseline);
            match out
                .iter_mut()
                .find(|(ly, s, _)| (ly - y).abs() < 0.01 && (s - g.size).abs() < 0.01)
            {
                Some(l) => l.2.push(g),
                None => out.push((y, g.size, vec![g])),
            }
        }
        let mut lines: Vec<(f64, f64, String, f64)> = out
            .into_iter()
            .map(|(y, s, mut gs)| {
                gs.sort_by(|a, b| a.x.total_cmp(&b.x));
                let left = mm(gs[0].x);
                (y, s, gs.iter().map(|g| g.text.as_str()).collect(), left)
            })
            .collect();
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        lines
    }

    fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    /// Horizontal rules (upright pages): (y, x0, x1) mm, thickness pt.
    fn hrules(&self) -> Vec<(f64, f64, f64, f64)> {
        self.rules
            .iter()
            .map(|r| (at(r.a), at(r.b), r.thickness))
            .filter(|(a, b, _)| (a.1 - b.1).abs() < 0.01 && (a.0 - b.0).abs() > 0.5)
            .map(|(a, b, t)| (a.1, a.0.min(b.0), a.0.max(b.0), t))
            .collect()
    }
}

fn report() -> &'static PagedDocument {
    static DOC: OnceLock<PagedDocument> = OnceLock::new();
    DOC.get_or_init(|| common::typeset_file(&root().join(REPORT)).expect("the report typesets"))
}

fn em_top(baseline: f64, size: f64) -> f64 {
    baseline - mm(0.88 * size)
}

/// Whether `y` (mm) is the em-box top of a line of the body grid.
fn on_grid(y: f64) -> bool {
    let k = (y - TOP) / PITCH;
    (k - k.round()).abs() * PITCH < 0.1
}

/// The cells of the report's portrait table, from the YAML (the test's own
/// reading of the file, not gongwen's).
fn yaml_tables() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join(REPORT)).unwrap();
    let v: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    let v: Value = serde_json::to_value(v).unwrap();
    let mut out = Vec::new();
    fn find(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::Object(m) => {
                if let Some(t) = m.get("table") {
                    out.push(t.clone());
                }
                m.values().for_each(|x| find(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| find(x, out)),
            _ => {}
        }
    }
    find(&v, &mut out);
    out
}

fn cell_text(c: &Value) -> String {
    match c {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Object(m) => m.get("text").map(cell_text).unwrap_or_default(),
        _ => String::new(),
    }
}

// ------------------------------------------------------------------
// PDF
// ------------------------------------------------------------------

#[test]
fn pdf_portrait_table_runs_over_a_page_with_its_header_repeated() {
    let pages = pdf_pages(report());
    let tables = yaml_tables();
    let rows = tables[0]["rows"].as_array().unwrap();
    let first = cell_text(&rows[0][0]);
    let last = cell_text(&rows[rows.len() - 1][0]);
    let p1 = pages
        .iter()
        .position(|p| p.lines().iter().any(|l| l.2.starts_with(&first)))
        .expect("first row");
    let p2 = pages
        .iter()
        .position(|p| p.lines().iter().any(|l| l.2.starts_with(&last)))
        .expect("last row");
    assert_eq!(p2, p1 + 1, "the table runs over one page break");
    // Both pages carry the header rows in 黑体: 乡镇 … 完成情况, then 已完成（亩）.
    for p in [p1, p2] {
        let lines = pages[p].lines();
        let head = lines
            .iter()
            .position(|l| l.2 == "完成情况")
            .unwrap_or_else(|| panic!("page {}: no header", p + 1));
        let glyphs: Vec<&Glyph> = pages[p]
            .glyphs
            .iter()
            .filter(|g| (mm(g.baseline) - lines[head].0).abs() < 0.01)
            .collect();
        assert!(
            glyphs.iter().all(|g| g.family.contains("Sans")),
            "page {}: header not in 黑体: {:?}",
            p + 1,
            glyphs
                .iter()
                .map(|g| (&g.text, &g.family))
                .collect::<Vec<_>>()
        );
        assert!(
            lines[head + 1..head + 3]
                .iter()
                .any(|l| l.2.contains("面积（亩）完成率")),
            "{:?}",
            &lines[head..head + 3]
        );
    }
    // On the continuation page the header is the first thing, its top rule
    // on the 版心's top edge.
    let top_rule = pages[p2]
        .hrules()
        .iter()
        .map(|r| r.0)
        .fold(f64::MAX, f64::min);
    assert!(
        (top_rule - TOP).abs() < 0.05,
        "top rule at {top_rule:.2} mm"
    );
}

#[test]
fn pdf_rules_are_half_a_point_and_span_the_block() {
    let pages = pdf_pages(report());
    let mut seen = 0;
    for p in &pages {
        for r in &p.rules {
            if (r.thickness - 0.5).abs() < 1e-6 {
                seen += 1;
            }
        }
        // The table's horizontal rules run from the 版心's left edge to its
        // right edge (a portrait table is as wide as the 版心).
        for (y, x0, x1, t) in p.hrules() {
            if (t - 0.5).abs() < 1e-6 && y < BOTTOM + 1.0 {
                assert!(
                    x0 >= LEFT - 0.3 && x1 <= RIGHT + 0.3,
                    "rule {x0:.2}–{x1:.2} at {y:.2}"
                );
            }
        }
    }
    assert!(seen > 50, "only {seen} rules of 0.5 pt");
    let other: Vec<f64> = pages
        .iter()
        .flat_map(|p| &p.rules)
        .map(|r| r.thickness)
        .filter(|t| (t - 0.5).abs() > 1e-6)
        .collect();
    // The other rules are the 版头's separator and the 版记's rules.
    assert!(other.len() <= 6, "{other:?}");
}

#[test]
fn pdf_table_sits_on_the_grid_and_the_text_after_it_too() {
    let pages = pdf_pages(report());
    let after = "从完成情况看";
    let (p, line) = pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| {
            p.lines()
                .into_iter()
                .find(|l| l.2.starts_with(after))
                .map(|l| (i, l))
        })
        .expect("the paragraph after the table");
    let top = em_top(line.0, line.1);
    assert!(
        on_grid(top),
        "the text after the table starts at {top:.2} mm"
    );
    // The table's bottom rule is one line pitch above that text's em box.
    let bottom_rule = pages[p]
        .hrules()
        .iter()
        .map(|r| r.0)
        .filter(|&y| y < top)
        .fold(f64::MIN, f64::max);
    assert!(
        (top - bottom_rule - PITCH).abs() < 0.1,
        "rule at {bottom_rule:.2}, text at {top:.2}"
    );
    // Every horizontal rule of the table lies on a grid line's em-box top.
    for r in pages[p].hrules() {
        if (r.3 - 0.5).abs() < 1e-6 {
            assert!(on_grid(r.0), "rule at {:.2} mm off the grid", r.0);
        }
    }
    // Every body row's text is centred in its row: a one-line cell's em box
    // is (pitch − 16 pt) / 2 below the rule above it.
    let rows: Vec<f64> = pages[p].hrules().iter().map(|r| r.0).collect();
    let cell = pages[p]
        .lines()
        .into_iter()
        .find(|l| l.2.starts_with("合计"))
        .unwrap();
    let above = rows
        .iter()
        .copied()
        .filter(|&y| y < cell.0)
        .fold(f64::MIN, f64::max);
    let gap = (PITCH - EM) / 2.0;
    assert!(
        (em_top(cell.0, cell.1) - above - gap).abs() < 0.05,
        "合计 em top {:.2}, rule {above:.2}",
        em_top(cell.0, cell.1)
    );
}

#[test]
fn pdf_cells_hold_their_text_exactly() {
    let pages = pdf_pages(report());
    let all: String = pages.iter().map(PdfPage::text).collect();
    let compact: String = all.chars().filter(|c| !c.is_whitespace()).collect();
    for t in yaml_tables() {
        for key in ["header", "rows"] {
            for row in t[key].as_array().unwrap() {
                // A row's cells follow each other in reading order.
                let cells: Vec<String> = row.as_array().unwrap().iter().map(cell_text).collect();
                for c in &cells {
                    assert!(compact.contains(c.as_str()), "cell {c:?} missing");
                }
            }
        }
        let caption = t["caption"].as_str().unwrap();
        assert!(compact.contains(caption), "caption {caption:?}");
    }
    // The portrait table's one-line rows read as their cells joined, each
    // cell in its column (right-aligned numbers end at their column's edge
    // less the inset).
    let rows = yaml_tables()[0]["rows"].as_array().unwrap().clone();
    let lines: Vec<String> = pages.iter().flat_map(|p| p.lines()).map(|l| l.2).collect();
    for row in rows.iter().filter(|r| cell_text(&r[4]).is_empty()) {
        let joined: String = row.as_array().unwrap().iter().map(cell_text).collect();
        assert!(lines.contains(&joined), "row {joined:?} not one line");
    }
    // And pdftotext finds every character (the text survives).
    if !need(&[Tool::Poppler]) {
        return;
    }
    let dir = common::tempdir();
    let pdf = dir.path().join("r.pdf");
    let o = run_gen(&["pdf", REPORT, "-o", path_str(&pdf)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = common::strip_ws(&common::pdftotext_raw(&pdf));
    for t in yaml_tables() {
        for row in t["rows"].as_array().unwrap() {
            for c in row.as_array().unwrap() {
                assert!(text.contains(&cell_text(c)), "pdftotext lost {c}");
            }
        }
    }
}

/// The landscape table's page: its index, and its turned glyphs.
fn landscape_page(pages: &[PdfPage]) -> usize {
    pages
        .iter()
        .position(|p| p.glyphs.iter().any(|g| g.text == "序" && g.dir.1 < -0.99))
        .expect("a page with turned text")
}

#[test]
fn pdf_landscape_table_is_turned_counter_clockwise_with_the_portrait_page_number() {
    let pages = pdf_pages(report());
    let n = landscape_page(&pages);
    let page = &pages[n];
    // The sheet stays A4 portrait: the table is turned on it.
    assert!((page.size.0 - PAPER_W).abs() < 0.01 && (page.size.1 - PAPER_H).abs() < 0.01);
    // Every table glyph runs upwards (turned 90° counter-clockwise).
    let turned: Vec<&Glyph> = page.glyphs.iter().filter(|g| g.dir.1 < -0.99).collect();
    assert!(turned.len() > 100);
    assert!(
        page.glyphs
            .iter()
            .all(|g| g.dir.1 < -0.99 || g.dir.0 > 0.99)
    );
    // The head (the caption, then the header row) is at the sheet's left
    // edge: the caption's glyphs lie left of everything else, the header's
    // next; the table stays inside the 版心.
    let x_of = |s: &str| {
        turned
            .iter()
            .find(|g| g.text == s)
            .map(|g| mm(g.x))
            .unwrap_or_else(|| panic!("no {s}"))
    };
    let caption_x = x_of("推");
    let header_x = x_of("序");
    let body_x = x_of("镇");
    assert!(
        caption_x < header_x && header_x < body_x,
        "{caption_x} {header_x} {body_x}"
    );
    for g in &turned {
        let (x, y) = (mm(g.x), mm(g.baseline));
        assert!(
            (LEFT - 0.1..=RIGHT + 0.1).contains(&x),
            "{} at x {x:.2}",
            g.text,
        );
        assert!(
            (TOP - 0.1..=BOTTOM + 0.1).contains(&y),
            "{} at y {y:.2}",
            g.text,
        );
    }
    // Its rules: 0.5 pt, the table's length 225 mm running down the page.
    type Ends<'a> = ((f64, f64), (f64, f64), &'a Rule);
    let long: Vec<Ends> = page
        .rules
        .iter()
        .map(|r| (at(r.a), at(r.b), r))
        .filter(|(a, b, _)| (a.0 - b.0).abs() < 0.01 && (a.1 - b.1).abs() > 200.0)
        .collect();
    assert!(!long.is_empty());
    for (a, b, r) in &long {
        assert_eq!(r.thickness, 0.5);
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        assert!(
            (y0 - TOP).abs() < 0.1 && (y1 - BOTTOM).abs() < 0.1,
            "{y0:.2}–{y1:.2}"
        );
    }
    // The page number is upright, 4号, where it is on portrait pages: 7 mm
    // below the 版心 (the dash's top), odd pages 右空一字, even 左空一字.
    let number = page
        .lines()
        .into_iter()
        .find(|l| (l.1 - 14.0).abs() < 0.01)
        .expect("a page number");
    let k = n + 1;
    assert_eq!(number.2.replace(' ', ""), format!("—{k}—"));
    let glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| (mm(g.baseline) - number.0).abs() < 0.01)
        .collect();
    if k % 2 == 1 {
        let right = mm(glyphs.last().unwrap().x) + mm(14.0);
        assert!(
            (right - (RIGHT - CELL)).abs() < 0.3,
            "odd page number ends at {right:.2}"
        );
    } else {
        assert!(
            (number.3 - (LEFT + CELL)).abs() < 0.3,
            "even page number at {:.2}",
            number.3
        );
    }
    // The baseline of every page number is the same on every page.
    let baseline = |p: &PdfPage| {
        p.lines()
            .into_iter()
            .find(|l| (l.1 - 14.0).abs() < 0.01)
            .map(|l| l.0)
    };
    let portrait = baseline(&pages[0]).unwrap();
    assert!((number.0 - portrait).abs() < 0.01);
    // The text after the table starts a new upright page.
    let last = (n..pages.len())
        .take_while(|&i| pages[i].glyphs.iter().any(|g| g.dir.1 < -0.99))
        .last()
        .unwrap();
    let next = &pages[last + 1];
    assert!(next.glyphs.iter().all(|g| g.dir.0 > 0.99));
}

#[test]
fn landscape_tables_split_between_pages_repeat_their_header() {
    // 30 rows of a wide table: more than one turned page holds (14 lines).
    let mut yaml = String::from(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 正文。\n  - table:\n      caption: 宽表\n      header:\n        - [甲列, 乙列, 丙列, 丁列, 戊列, 己列, 庚列, 辛列]\n      rows:\n",
    );
    for k in 0..30 {
        yaml.push_str(&format!(
            "        - [第{k}行, 四个汉字, 四个汉字, 四个汉字, 四个汉字, 四个汉字, 四个汉字, 尾{k}止]\n"
        ));
    }
    let doc = common::typeset_yaml(&yaml);
    let pages = pdf_pages(&doc);
    let turned: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].glyphs.iter().any(|g| g.dir.1 < -0.99))
        .collect();
    // One line a row: the first page holds the caption, the header and 12
    // rows, the others the header and 13 (14 line pitches fit 156 mm).
    assert_eq!(turned.len(), 3, "30 rows + header on 14-line pages");
    for &i in &turned {
        let text = pages[i].text();
        assert!(
            text.contains("甲列乙列") || text.contains("甲列"),
            "page {}",
            i + 1
        );
        assert_eq!(text.matches("甲列").count(), 1);
    }
    assert_eq!(pages[turned[0]].text().matches("宽表").count(), 1);
    assert!(!pages[turned[1]].text().contains("宽表"));
    // Every row once, in order.
    let all: String = turned.iter().map(|&i| pages[i].text()).collect();
    for k in 0..30 {
        assert_eq!(all.matches(&format!("尾{k}止")).count(), 1, "row {k}");
    }
}

#[test]
fn a_table_in_an_attachment_and_a_smaller_size() {
    let yaml = "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\ntable_size: 小四\nbody:\n  - 正文。\nattachments:\n  - title: 名单\n    body:\n      - 名单如下。\n      - table:\n          header: [[姓名, 单位]]\n          rows:\n            - [张三, 甲局]\n            - [李四, 乙局]\n";
    let doc = common::typeset_yaml(yaml);
    let pages = pdf_pages(&doc);
    let last = pages.last().unwrap();
    let lines = last.lines();
    let row = lines.iter().find(|l| l.2 == "张三甲局").expect("a row");
    assert!((row.1 - 12.0).abs() < 0.01, "小四 is 12 pt, got {}", row.1);
    let head = lines
        .iter()
        .find(|l| l.2 == "姓名单位")
        .expect("the header");
    assert!((head.1 - 12.0).abs() < 0.01);
}

/// A portrait table at `size` (四号 or 小四) of `rows` one-line rows and one
/// row whose 说明 wraps, between two paragraphs.
fn dense_yaml(size: &str, rows: usize) -> String {
    let mut y = format!(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\ntable_size: {size}\nbody:\n  - 表前文字。\n  - table:\n      orientation: portrait\n      header: [[序号, 项目, 说明]]\n      rows:\n"
    );
    for k in 1..=rows {
        let note = if k == 2 {
            "长".repeat(60)
        } else {
            "短".to_string()
        };
        y.push_str(&format!("        - [{k}, 项目{k}, {note}]\n"));
    }
    y.push_str("  - 表后文字。\n");
    y
}

#[test]
fn pdf_dense_portrait_rows_take_their_pitch_and_the_text_after_returns_to_the_grid() {
    // At 四号 and 小四 a row is its cells' own line pitch (the body's 29.6
    // pt / 16 pt per point of size: 25.9 and 22.2 pt), so a table ends
    // between grid lines; the text after it starts on the first grid line
    // a whole line pitch below its bottom rule (as after a 3号 table, whose
    // rows are grid lines), wherever the table's pages broke.
    for (size, pt) in [("四号", 14.0), ("小四", 12.0)] {
        let pitch = PITCH / EM * mm(pt);
        for rows in [1, 2, 3, 4, 6, 9, 17, 30, 44] {
            let doc = common::typeset_yaml(&dense_yaml(size, rows));
            let pages = pdf_pages(&doc);
            let case = format!("{size}, {rows} rows");
            let mut seen = 0;
            for (n, page) in pages.iter().enumerate() {
                let mut ys: Vec<f64> = page
                    .hrules()
                    .iter()
                    .filter(|r| (r.3 - 0.5).abs() < 1e-6)
                    .map(|r| r.0)
                    .collect();
                ys.sort_by(f64::total_cmp);
                ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
                // Rows are whole pitches; nothing under the 版心.
                for w in ys.windows(2) {
                    let k = (w[1] - w[0]) / pitch;
                    assert!(
                        (k - k.round()).abs() * pitch < 0.05 && k.round() >= 1.0,
                        "{case}, page {}: rules {:.2} and {:.2} mm",
                        n + 1,
                        w[0],
                        w[1]
                    );
                }
                if let (Some(first), Some(last)) = (ys.first(), ys.last()) {
                    assert!(on_grid(*first), "{case}: table top at {first:.2} mm");
                    assert!(*last <= BOTTOM + 0.05, "{case}: rule at {last:.2} mm");
                }
                let lines = page.lines();
                seen += page.glyphs.iter().filter(|g| g.text == "短").count();
                // The wrapping cell's lines are a pitch apart.
                let long: Vec<f64> = lines
                    .iter()
                    .filter(|l| l.2.contains("长长"))
                    .map(|l| l.0)
                    .collect();
                for w in long.windows(2) {
                    assert!((w[1] - w[0] - pitch).abs() < 0.05, "{case}: {long:?}");
                }
                if let Some(after) = lines.iter().find(|l| l.2 == "表后文字。") {
                    let top = em_top(after.0, after.1);
                    assert!(on_grid(top), "{case}: the text after at {top:.2} mm");
                    // (Unless the table ended the page before.)
                    let rule = ys
                        .iter()
                        .copied()
                        .filter(|&y| y < top)
                        .fold(f64::MIN, f64::max);
                    let below = top - rule;
                    assert!(
                        rule == f64::MIN || below > PITCH - 0.05 && below < 2.0 * PITCH - 0.05,
                        "{case}: the text after is {below:.2} mm under the table"
                    );
                }
            }
            // Every row drawn once.
            assert_eq!(seen, if rows >= 2 { rows - 1 } else { 1 }, "{case}");
        }
    }
}

/// What a page draws below the 版心's bottom edge (mm) other than its
/// page number ("— N —", 7 mm below the 版心): glyphs whose em box
/// reaches under it and rules under it (half a rule's weight allowed).
fn below_the_block(doc: &PagedDocument) -> Vec<String> {
    let mut out = Vec::new();
    for (p, page) in pdf_pages(doc).iter().enumerate() {
        for g in &page.glyphs {
            let bottom = mm(g.baseline) + mm(0.12 * g.size);
            let number = mm(g.baseline) > PAGE_NUMBER_DASH_TOP
                && (g.text == "\u{2014}" || g.text.chars().all(|c| c.is_ascii_digit() || c == ' '));
            if bottom > BOTTOM + 0.01 && !number {
                out.push(format!(
                    "page {}: {:?} down to {bottom:.2} mm",
                    p + 1,
                    g.text
                ));
            }
        }
        for r in &page.rules {
            let y = mm(r.a.1.max(r.b.1));
            if y > BOTTOM + RULE / 2.0 + 0.01 {
                out.push(format!("page {}: a rule at {y:.2} mm", p + 1));
            }
        }
    }
    out
}

/// A 通知 with one sentence, then a table: a header row and `rows` rows,
/// the first column one cell (甲组) spanning them all; each row's second
/// cell reads 第k行止 (k from 1).
fn group_yaml(rows: usize) -> String {
    let mut yaml = String::from(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 一句话。\n  - table:\n      caption: 分组表\n      header: [[组别, 项目, 数据]]\n      rows:\n",
    );
    for k in 1..=rows {
        let group = if k == 1 {
            format!("{{text: 甲组, rowspan: {rows}}}, ")
        } else {
            String::new()
        };
        yaml.push_str(&format!("        - [{group}第{k}行止, {k}]\n"));
    }
    yaml
}

/// The PDF's text (pdftotext) of `yaml`, written by `gen pdf`.
fn pdf_text(yaml: &str) -> Vec<String> {
    let dir = common::tempdir();
    let src = write(dir.path(), yaml);
    let pdf = dir.path().join("doc.pdf");
    let o = run_gen(&["pdf", path_str(&src), "-o", path_str(&pdf)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = std::process::Command::new("pdftotext")
        .args([path_str(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8(o.stdout)
        .unwrap()
        .split('\u{c}')
        .map(common::strip_ws)
        .collect()
}

#[test]
fn a_row_group_longer_than_a_page_breaks_and_loses_no_row() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    // GB/T 9704 §8 asks a table that runs over a page to repeat its header;
    // a group of 30 or 60 rows joined by one spanning cell is broken where
    // the page ends (never moved whole, never drawn past the 版心), with
    // its label on every page it reaches.
    for rows in [30, 60] {
        let yaml = group_yaml(rows);
        let doc = common::typeset_yaml(&yaml);
        let below = below_the_block(&doc);
        assert!(below.is_empty(), "{rows} rows: {below:?}");
        let pages = pdf_text(&yaml);
        for k in 1..=rows {
            let row = format!("第{k}行止");
            let on: Vec<usize> = (0..pages.len())
                .filter(|&p| pages[p].contains(&row))
                .collect();
            assert_eq!(on.len(), 1, "{rows} rows: row {k} on pages {on:?}");
        }
        // The table starts under the sentence on page 1, which it fills.
        assert!(pages[0].contains("一句话。") && pages[0].contains("第1行止"));
        for p in pages.iter().filter(|p| p.contains("行止")) {
            for head in ["组别", "项目", "数据"] {
                assert_eq!(p.matches(head).count(), 1, "the header on every page: {p}");
            }
            assert_eq!(p.matches("甲组").count(), 1, "the label on every page: {p}");
        }
    }
}

#[test]
fn a_row_taller_than_a_page_breaks_inside_its_cells() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    // 1,500 characters in one cell of a 1:3 table: some 50 lines, more
    // than two pages hold.
    let long = "国".repeat(1500);
    let yaml = format!(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 一句话。\n  - table:\n      columns: [{{width: 1}}, {{width: 3}}]\n      header: [[项目, 内容]]\n      rows:\n        - [首行, 一]\n        - [长行, {long}]\n        - [末行, 二]\n"
    );
    let doc = common::typeset_yaml(&yaml);
    let below = below_the_block(&doc);
    assert!(below.is_empty(), "{below:?}");
    let drawn: usize = pdf_pages(&doc)
        .iter()
        .map(|p| p.glyphs.iter().filter(|g| g.text == "国").count())
        .sum();
    assert_eq!(drawn, 1500);
    let pages = pdf_text(&yaml);
    assert_eq!(pages.concat().matches('国').count(), 1500);
    assert!(pages[0].contains("长行"), "the row starts on page 1");
    let with = pages.iter().filter(|p| p.contains('国')).count();
    assert!(with >= 3, "the row runs over {with} pages");
    for p in pages.iter().filter(|p| p.contains('国')) {
        assert!(p.contains("项目") && p.contains("内容"), "the header: {p}");
    }
    // The last row follows the tall one, on its last page or, with the
    // closing that keeps it (§7.3.5.5), on the next under the header.
    let last = pages.iter().rposition(|p| p.contains('国')).unwrap();
    let end = pages.iter().position(|p| p.contains("末行")).unwrap();
    assert!(end == last || end == last + 1, "{}", pages[end]);
    assert!(pages[end].contains("项目"), "{}", pages[end]);
}

/// Cells written as YAML numbers and truth values, and the text each must
/// print (the file's characters, not the parsed value's).
const AS_WRITTEN: [(&str, &str); 9] = [
    ("0.50", "0.50"),
    ("1e3", "1e3"),
    ("007", "007"),
    ("true", "true"),
    ("-3.10", "-3.10"),
    ("+12", "+12"),
    ("0x1F", "0x1F"),
    ("{text: 2.00, colspan: 1}", "2.00"),
    ("'08.0'", "08.0"),
];

fn as_written_yaml() -> String {
    let row: Vec<&str> = AS_WRITTEN.iter().map(|(w, _)| *w).collect();
    format!(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 正文。\n  - table:\n      orientation: landscape\n      rows:\n        - [{}]\n        - [{}]\n",
        row.join(", "),
        ["~"; 9].join(", ")
    )
}

#[test]
fn cells_print_as_written_in_both_writers() {
    let yaml = as_written_yaml();
    let source = gongwen::load::Source {
        path: "t.yaml".into(),
        text: yaml.clone(),
    };
    let doc = gongwen::load::parse(&source).expect("numbers in cells load");
    let tables = doc.tables();
    let texts: Vec<&str> = tables[0].1.rows[0]
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    let want: Vec<&str> = AS_WRITTEN.iter().map(|(_, t)| *t).collect();
    assert_eq!(texts, want);
    assert!(tables[0].1.rows[1].iter().all(|c| c.text.is_empty()));
    // The DOCX's cells.
    let dir = common::tempdir();
    let src = write(dir.path(), &yaml);
    let docx = dir.path().join("doc.docx");
    let o = run_gen(&["docx", path_str(&src), "-o", path_str(&docx)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let xml = docx_xml(&docx);
    for t in &want {
        assert!(xml.contains(&format!(">{t}</w:t>")), "DOCX lacks {t}");
    }
    // The PDF's text.
    if need(&[Tool::Poppler]) {
        let text = pdf_text(&yaml).concat();
        let mut from = 0;
        for t in &want {
            let at = text[from..]
                .find(t)
                .unwrap_or_else(|| panic!("PDF lacks {t} after {from}: {text}"));
            from += at + t.len();
        }
    }
}

#[test]
fn a_token_too_wide_for_its_column_is_a_warning_and_stays_whole() {
    // Eight equal columns (19.5 mm each, kept portrait: `auto` would turn
    // the table, the shares being too narrow upright): a project code and
    // a percentage do not fit the first two.
    let shares = ["{width: 1}"; 8].join(", ");
    let yaml = format!(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 正文。\n  - table:\n      orientation: portrait\n      columns: [{shares}]\n      header: [[编号, 依据, 甲, 乙, 丙, 丁, 戊, 己]]\n      rows:\n        - [QY2027-31, 12.345%, 一, 二, 三, 四, 五, 六]\n"
    );
    let dir = common::tempdir();
    let src = write(dir.path(), &yaml);
    let o = run_gen(&["check", path_str(&src)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("warning: body[1].table.columns[0]: column 1 is 19.5 mm wide, too narrow for \"QY2027-31\"")
            && out.contains("[table-column-width, GB/T 9704-2012 §8]"),
        "{out}"
    );
    assert!(
        out.contains("body[1].table.columns[1]") && out.contains("\"12.345%\""),
        "{out}"
    );
    assert!(!out.contains("columns[2]"), "{out}");
    if need(&[Tool::Poppler]) {
        let text = pdf_text(&yaml).concat();
        assert!(
            text.contains("QY2027-31") && text.contains("12.345%"),
            "{text}"
        );
    }
}

// ------------------------------------------------------------------
// Loading, gen check, gen html
// ------------------------------------------------------------------

fn write(dir: &Path, yaml: &str) -> PathBuf {
    let p = dir.join("doc.yaml");
    std::fs::write(&p, yaml).unwrap();
    p
}

const SHORT_ROW: &str = "kind: 报告\ntitle: 关于测试的报告\nissuer: 测试机关\nsigners: [张三]\ndate: 2020-01-02\nbody:\n  - 正文。\n  - heading: 情况\n    body:\n      - table:\n          header:\n            - [{text: 地区, rowspan: 2}, {text: 数量, colspan: 2}]\n            - [计划, 完成]\n          rows:\n            - [东区, 1, 2]\n            - [西区, 3]\n";

#[test]
fn a_short_row_is_an_error_naming_it() {
    let dir = common::tempdir();
    let p = write(dir.path(), SHORT_ROW);
    for cmd in ["pdf", "docx"] {
        let out = dir.path().join(format!("o.{cmd}"));
        let o = run_gen(&[cmd, path_str(&p), "-o", path_str(&out)]);
        assert!(!o.status.success());
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(
            e.contains("doc.yaml:16:15: body[1].body[0].table.rows[1]: this row has 2 cells, but the table has 3 columns"),
            "{cmd}: {e}"
        );
        assert!(!e.contains("panicked"));
    }
    let o = run_gen(&["check", path_str(&p)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!o.status.success());
    assert!(
        out.contains("doc.yaml:16:15: error: body[1].body[0].table.rows[1]: this row has 2 cells")
            && out.contains("[table-cells, GB/T 9704-2012 §8]"),
        "{out}"
    );
    // One finding for it, not a second `schema` one.
    assert_eq!(out.matches("rows[1]").count(), 1, "{out}");
    // Fixed, the document is clean of table findings.
    let fixed = write(dir.path(), &SHORT_ROW.replace("[西区, 3]", "[西区, 3, 4]"));
    let o = run_gen(&["check", path_str(&fixed)]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("table"));
}

#[test]
fn gen_html_shows_a_real_table() {
    let dir = common::tempdir();
    let p = write(dir.path(), &SHORT_ROW.replace("[西区, 3]", "[西区, 3, 4]"));
    let out = dir.path().join("o.html");
    let o = run_gen(&["html", path_str(&p), "-o", path_str(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(out).unwrap();
    assert!(html.contains(
        "<table><thead><tr><th scope=\"col\" rowspan=\"2\">地区</th><th scope=\"colgroup\" colspan=\"2\">数量</th></tr><tr><th scope=\"col\">计划</th><th scope=\"col\">完成</th></tr></thead><tbody><tr><td>东区</td><td>1</td><td>2</td></tr><tr><td>西区</td><td>3</td><td>4</td></tr></tbody></table>"
    ), "{html}");
}

// ------------------------------------------------------------------
// DOCX and LibreOffice
// ------------------------------------------------------------------

fn docx_xml(docx: &Path) -> String {
    let f = std::fs::File::open(docx).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut s).unwrap();
    s
}

/// The documents LibreOffice renders here, converted in one run.
fn plan(p: &mut Plan) {
    p.input("report", &root().join(REPORT), &[]);
    p.yaml("long-table", &long_table_yaml());
}

/// This binary's LibreOffice batch; `None` (skip) without LibreOffice.
fn office() -> Option<&'static office::Batch> {
    static BATCH: BatchCell = BatchCell::new();
    office::batch(&BATCH, plan)
}

#[test]
fn the_docx_files_libreoffice_renders_are_valid_ooxml() {
    if let Some(b) = office() {
        common::ooxml::assert_valid(&b.files());
    }
}

/// LibreOffice's lines on `page`: (baseline mm, size, text, left mm).
fn lo_lines(page: &Page) -> Vec<(f64, f64, String, f64)> {
    page.lines
        .iter()
        .map(|l| (mm(l.baseline), l.size, l.text(), l.left()))
        .collect()
}

#[test]
fn docx_tables_are_word_tables() {
    let dir = common::tempdir();
    let docx = dir.path().join("report.docx");
    let o = run_gen(&["docx", REPORT, "-o", path_str(&docx)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    common::ooxml::assert_valid(&[&docx]);
    let xml = docx_xml(&docx);
    // Two tables besides the 版记's floating one.
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    let real: Vec<&&str> = tables.iter().filter(|t| !t.contains("w:tblpPr")).collect();
    assert_eq!(real.len(), 2);
    for t in &real {
        let t = t.split("</w:tbl>").next().unwrap();
        // Fixed layout, 0.5 pt (4 eighths) single borders.
        assert!(t.contains("<w:tblLayout w:type=\"fixed\"/>"));
        assert!(t.contains("<w:insideH w:val=\"single\" w:sz=\"4\""));
        // The grid adds up to the table's width: 156 mm (8844 twips)
        // portrait, 225 mm (12756 twips) landscape.
        let cols: i64 = t
            .split("<w:gridCol w:w=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse::<i64>().unwrap())
            .sum();
        assert!(cols == 8844 || cols == 12756, "grid {cols}");
        assert!(t.contains(&format!("<w:tblW w:w=\"{cols}\" w:type=\"dxa\"/>")));
        // Header rows repeat.
        assert!(t.contains("<w:tblHeader/>"));
    }
    // The portrait table's header: 乡镇 spans two rows, 完成情况 two columns.
    assert!(real[0].contains("<w:gridSpan w:val=\"2\"/>"));
    assert!(real[0].contains("<w:vMerge w:val=\"restart\"/>"));
    assert_eq!(real[0].matches("<w:tblHeader/>").count(), 2);
    // A landscape section: A4 turned, the portrait margins turned with it.
    let sects: Vec<&str> = xml.split("<w:sectPr>").skip(1).collect();
    let landscape: Vec<&&str> = sects
        .iter()
        .filter(|s| s.contains("w:orient=\"landscape\""))
        .collect();
    assert_eq!(landscape.len(), 1);
    assert!(landscape[0].contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
    assert!(
        landscape[0].contains("w:footerReference w:type=\"default\" r:id=\"rIdFooterLandOdd\"")
    );
}

/// A portrait table of 40 one-line rows under a two-row header, after a
/// paragraph, with a paragraph after it: it runs over a page.
fn long_table_yaml() -> String {
    let mut yaml = String::from(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 表前文字。\n  - table:\n      caption: 长表\n      header:\n        - [{text: 序号, rowspan: 2}, {text: 数量, colspan: 2}]\n        - [计划, 完成]\n      rows:\n",
    );
    for k in 1..=40 {
        yaml.push_str(&format!("        - [第{k}行, {}, {}]\n", 100 + k, 90 + k));
    }
    yaml.push_str("  - 表后文字。\n");
    yaml
}

/// Horizontal rules across the 版心 on page `n` (1-based) of `pdf`, from a
/// 600 dpi raster: (top, bottom) in mm.
fn raster_rules(pdf: &Path, n: usize) -> Vec<(f64, f64)> {
    let (w, h, px) = common::raster(pdf, n, 600);
    let to_px = |v: f64| (v / 25.4 * 600.0) as usize;
    let to_mm = |p: usize| p as f64 / 600.0 * 25.4;
    let dark = |y: usize| (to_px(LEFT + 1.0)..to_px(RIGHT - 1.0)).all(|x| px[y * w + x] < 160);
    let mut rules = Vec::new();
    let mut y = 0;
    while y < h {
        if dark(y) {
            let s = y;
            while y < h && dark(y) {
                y += 1;
            }
            rules.push((to_mm(s), to_mm(y)));
        }
        y += 1;
    }
    rules
}

#[test]
fn libreoffice_repeats_the_header_keeps_the_rules_thin_and_the_grid() {
    if !need(&[Tool::Poppler]) {
        return;
    }
    let Some(b) = office() else { return };
    let r = b.get("long-table");
    let (pdf, pages) = (&r.pdf, &r.pages);
    let has = |p: &Page, s: &str| lo_lines(p).iter().any(|l| l.2.contains(s));
    let p1 = pages.iter().position(|p| has(p, "第1行")).expect("row 1");
    let p2 = pages.iter().position(|p| has(p, "第40行")).expect("row 40");
    assert!(p2 > p1, "40 rows run over a page");
    for (p, page) in pages.iter().enumerate().take(p2 + 1).skip(p1 + 1) {
        // Each continuation page starts with the header rows.
        let lines: Vec<_> = lo_lines(page).into_iter().filter(|l| l.1 > 15.0).collect();
        assert_eq!(lines[0].2, "数量", "page {}: {:?}", p + 1, &lines[..3]);
        assert!(
            lines[1].2.contains("序号") && lines[2].2.contains("计划完成"),
            "{:?}",
            &lines[..3]
        );
        // Its rules are 0.5 pt (0.18 mm) thick.
        let rules = raster_rules(pdf, p + 1);
        assert!(rules.len() >= 3, "{rules:?}");
        for (a, b) in &rules {
            assert!((b - a - RULE).abs() < 0.1, "rule {a:.2}–{b:.2}");
        }
        // The rows are one line of the DOCX grid (29.6 pt) apart.
        for w in rules.windows(2).skip(1) {
            let d = w[1].0 - w[0].0;
            assert!((d - DOCX_PITCH).abs() < 0.15, "rows {:.2} apart", d);
        }
    }
    // The paragraph after the table is on LibreOffice's grid: its em box
    // a whole number of 29.6 pt lines below line 1's at 37 mm.
    let after = lo_lines(&pages[p2])
        .into_iter()
        .find(|l| l.2 == "表后文字。")
        .expect("the paragraph after the table");
    let top = em_top(after.0, after.1);
    let k = (top - TOP) / DOCX_PITCH;
    assert!(
        (k - k.round()).abs() * DOCX_PITCH < 0.5,
        "text after the table at {top:.2} mm (line {k:.2})"
    );
}

#[test]
fn libreoffice_turns_the_landscape_page_and_numbers_run_on() {
    let Some(b) = office() else { return };
    let pages = &b.get("report").pages;
    let has = |p: &Page, s: &str| lo_lines(p).iter().any(|l| l.2.contains(s));
    // The landscape page: A4 turned (842 × 595 pt).
    let land = pages
        .iter()
        .position(|p| p.width > p.height)
        .expect("a landscape page");
    let w = mm(pages[land].width);
    let h = mm(pages[land].height);
    assert!(
        (w - PAPER_H).abs() < 0.5 && (h - PAPER_W).abs() < 0.5,
        "{w} × {h}"
    );
    assert!(has(&pages[land], "序号"));
    // Its text area is the 版心 turned: the caption (the table's head)
    // below the top margin of 28 mm (the 订口), the table's text between
    // 35 mm (the portrait bottom margin) and 297 − 37 mm.
    let lines = lo_lines(&pages[land]);
    let caption = lines
        .iter()
        .find(|l| l.2.contains("重点项目推进情况"))
        .unwrap();
    let top = em_top(caption.0, caption.1);
    assert!((27.0..40.0).contains(&top), "caption at {top:.2} mm");
    for l in lines.iter().filter(|l| l.1 > 15.0) {
        assert!(
            l.3 >= (PAPER_H - BOTTOM) - 1.0 && l.3 < PAPER_H - TOP,
            "{l:?}"
        );
    }
    // On each landscape page the number stands where it stands on portrait
    // pages (§8): turned with the sheet, along the landscape page's left
    // edge, read top to bottom; its 一字线's upper edge (now facing right)
    // 297 − 269 = 28 mm from the left edge; it ends 一字 inside the 版心 on
    // odd pages (184 − 5.57 mm down), starts 一字 inside on even ones
    // (28 + 5.57 mm down).
    for (i, p) in pages.iter().enumerate() {
        if p.width < p.height {
            continue;
        }
        let n = i + 1;
        let chars: Vec<&common::pdfminer::Char> =
            p.chars.iter().filter(|c| mm(c.x1) < 35.0).collect();
        let text: String = chars.iter().map(|c| c.c.as_str()).collect();
        assert_eq!(text.replace(' ', ""), format!("—{n}—"), "page {n}");
        let dash = chars[0];
        let (x0, x1) = (mm(dash.x), mm(dash.x1));
        // The glyph's box is its 4号 em (0.12 em below the baseline); the
        // dash's ink top is 0.296 em above the baseline (Noto Serif CJK).
        assert!((x1 - x0 - mm(14.0)).abs() < 0.1, "{x0:.2}–{x1:.2}");
        let ink_top = x0 + mm(0.12 * 14.0) + mm(0.296 * 14.0);
        assert!(
            (ink_top - (PAPER_H - PAGE_NUMBER_DASH_TOP)).abs() < 1.0,
            "page {n}: dash top {ink_top:.2} mm from the left edge"
        );
        let along = |c: &common::pdfminer::Char| mm(c.baseline);
        if n % 2 == 1 {
            let end = along(chars.last().unwrap()) + mm(14.0);
            assert!(
                (end - (RIGHT - CELL)).abs() < 1.0,
                "page {n}: ends {end:.2} mm down"
            );
        } else {
            let start = along(chars[0]);
            assert!(
                (start - (LEFT + CELL)).abs() < 1.0,
                "page {n}: starts {start:.2} mm down"
            );
        }
    }
    // The page numbers run on through the landscape pages.
    let number = |p: &Page| {
        lo_lines(p)
            .into_iter()
            .find(|l| (l.1 - 14.0).abs() < 0.01 && l.2.contains('—'))
            .map(|l| l.2.replace(' ', ""))
    };
    for (i, p) in pages.iter().enumerate() {
        if p.width < p.height {
            assert_eq!(number(p), Some(format!("—{}—", i + 1)), "page {}", i + 1);
        }
    }
    // After the landscape section the pages are portrait again.
    let last = pages.last().unwrap();
    assert!(last.width < last.height);
}

#[test]
fn libreoffice_keeps_every_cell() {
    let Some(b) = office() else { return };
    let text: String = b
        .get("report")
        .pages
        .iter()
        .flat_map(|p| &p.chars)
        .map(|c| c.c.clone())
        .filter(|c| !c.trim().is_empty())
        .collect();
    for t in yaml_tables() {
        for key in ["header", "rows"] {
            for row in t[key].as_array().unwrap() {
                for c in row.as_array().unwrap() {
                    // A cell may wrap in LibreOffice: its characters stay in
                    // order within the page's text.
                    let ct = cell_text(c);
                    let mut rest = text.as_str();
                    for ch in ct.chars() {
                        let i = rest
                            .find(ch)
                            .unwrap_or_else(|| panic!("{ct:?} lost {ch:?}"));
                        rest = &rest[i + ch.len_utf8()..];
                    }
                }
            }
        }
    }
}

#[test]
fn a_character_no_font_has_in_a_cell_is_an_error_naming_the_table() {
    let dir = common::tempdir();
    let p = write(
        dir.path(),
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - table:\n      rows:\n        - [甲, \"乙\u{20000}\"]\n",
    );
    for cmd in ["pdf", "docx"] {
        let out = dir.path().join(format!("o.{cmd}"));
        let o = run_gen(&[cmd, path_str(&p), "-o", path_str(&out)]);
        assert!(!o.status.success());
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(
            e.contains("doc.yaml:8:17: body[0].table.rows[0][1]: no bundled or chosen font has the character"),
            "{cmd}: {e}"
        );
    }
}

/// A body row taller than a page under its header is not `cantSplit` in
/// the DOCX (Word and LibreOffice cut such a row off at the page's foot:
/// its text was lost), while rows that fit a page stay whole, in portrait
/// and landscape alike.
#[test]
fn a_docx_row_taller_than_a_page_may_split() {
    for orientation in ["portrait", "landscape"] {
        let dir = common::tempdir();
        let yaml = dir.path().join("t.yaml");
        std::fs::write(
            &yaml,
            format!(
                "kind: 通知\ntitle: 关于测试的通知\nbody:\n  - 正文。\n  - table:\n      orientation: {orientation}\n\
                 \x20     header: [[甲, 乙]]\n      rows:\n        - [短, 短]\n        - [长, {}]\n        - [短, 短]\n\
                 issuer: [测试机关]\ndate: 2026-06-18\n",
                "长".repeat(3000)
            ),
        )
        .unwrap();
        let docx = dir.path().join("t.docx");
        let o = run_gen(&["docx", path_str(&yaml), "-o", path_str(&docx)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let xml = docx_xml(&docx);
        let table = xml
            .split("<w:tbl>")
            .skip(1)
            .find(|t| !t.contains("w:tblpPr"))
            .unwrap();
        let rows: Vec<bool> = table
            .split("<w:tr>")
            .skip(1)
            .map(|r| r.contains("<w:cantSplit/>"))
            .collect();
        assert_eq!(rows, [true, true, false, true], "{orientation}");
    }
}
