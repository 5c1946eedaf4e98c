//! The layout checks itself (issue: pages that hold on any document): a
//! field that would be drawn off the paper, outside the 版心 or over its
//! neighbour, or text that lands on no page, is an error naming the
//! document, the page and the field — never a silent PDF. And a property
//! test over generated documents: every one lays out, with all its text on
//! its pages and nothing outside the paper or the 版心, read back from the
//! frames independently of the layout's own check.
//!
//! Run more generated documents locally with `PROPTEST_CASES=3000`.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::standard::{BOTTOM, LEFT, PAPER_H, PAPER_W, RIGHT, TOP};
use common::{fonts, frames, mm, path_str, run_gen, tempdir};
use proptest::prelude::*;

/// A document folder with the sample seals beside `doc.yaml`.
fn folder(yaml: &str) -> tempfile::TempDir {
    let dir = tempdir();
    let seals = common::root().join("data/seals");
    std::fs::create_dir(dir.path().join("seals")).unwrap();
    for e in std::fs::read_dir(&seals).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("seals").join(e.file_name())).unwrap();
    }
    std::fs::write(dir.path().join("doc.yaml"), yaml).unwrap();
    dir
}

const HEAD: &str =
    "kind: 通知\ntitle: 关于测试的通知\ndate: 2026-06-18\nbody: [现将有关事项通知如下。]\n";

/// `gen pdf` on `yaml`: it must fail, writing no PDF, with a message that
/// names the page and each of `names`.
fn refused(yaml: &str, names: &[&str]) {
    let dir = folder(yaml);
    let out = dir.path().join("doc.pdf");
    let o = run_gen(&[
        "pdf",
        path_str(&dir.path().join("doc.yaml")),
        "-o",
        path_str(&out),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "must fail:\n{yaml}");
    assert!(!out.exists(), "no PDF is written");
    assert!(err.contains("doc.yaml"), "names the document: {err}");
    assert!(err.contains("page "), "names the page: {err}");
    for n in names {
        assert!(err.contains(n), "names {n}: {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

/// An unsealed 署名 of 34 characters would run off the paper's left edge.
#[test]
fn a_signature_too_long_for_its_line_is_an_error() {
    refused(
        &format!("{HEAD}issuer: {}\n", "测".repeat(34)),
        &["issuer", "runs off the paper"],
    );
}

/// A 印发机关 of 26 characters would be set over the 印发日期 (§7.4.3).
#[test]
fn a_printing_organ_over_its_date_is_an_error() {
    refused(
        &format!(
            "{HEAD}issuer: 测试机关\nprinting: {{organ: {}, date: 2026-06-19}}\n",
            "印".repeat(26)
        ),
        &["printing", "is set over"],
    );
}

/// A 签发人 list too long for the 发文字号's line would be set over it
/// (§7.2.6).
#[test]
fn signers_over_the_document_number_is_an_error() {
    refused(
        &format!(
            "{HEAD}issuer: 测试机关\ndoc_number: 测发〔2026〕1号\nsigners: [{}]\n",
            "签".repeat(20)
        ),
        &["header", "is set over"],
    );
}

/// A 信函's 发文字号 too long for its line (§10.1).
#[test]
fn a_long_letter_number_is_an_error() {
    refused(
        &format!(
            "format: letter\nissuer_mark: 滨江市人民政府办公室\nkind: 函\ntitle: 关于商请支持的函\n\
             issuer: 滨江市人民政府办公室\ndate: 2024-05-06\nbody: [正文。]\ndoc_number: {}〔2024〕1号\n",
            "滨".repeat(30)
        ),
        &["header"],
    );
}

/// Joint documents of 15 and 18 sealed organs: their seals and 署名 no
/// longer fit a page; an error names the seals, never a date over the
/// 15th organ or organs on no page.
#[test]
fn too_many_joint_seals_are_an_error() {
    for n in [15, 18] {
        let organs: Vec<String> = (1..=n).map(|i| format!("第{i}测试局")).collect();
        refused(
            &format!(
                "{HEAD}issuer: [{}]\nseal: [{}]\n",
                organs.join(", "),
                vec!["seals/culture.png"; n].join(", ")
            ),
            &["seal"],
        );
    }
}

// ---- the property test ----

/// Characters the generated text is made of: common 汉字 and the body's
/// punctuation.
const CHARS: &[char] = &[
    '测', '试', '文', '字', '公', '通', '知', '关', '于', '工', '作', '组', '织', '落', '实', '，',
    '。', '、', '；',
];

/// The characters of the organs' names: none is in [`CHARS`].
const ORGAN_CHARS: [char; 4] = ['甲', '乙', '丙', '丁'];

/// Whether `c` may stand under a seal: a character of a 署名 or of the
/// 成文日期 (§7.3.5.1: the seal presses those two only).
fn pressed(c: char) -> bool {
    ORGAN_CHARS.contains(&c) || c == '厅' || c.is_ascii_digit() || "年月日".contains(c)
}

fn text(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(CHARS), min..=max)
        .prop_map(|v| v.into_iter().collect::<String>())
        // Punctuation cannot open a YAML plain scalar's meaning, but a
        // leading mark is unusual; start every text with a 汉字.
        .prop_map(|s| format!("测{s}"))
}

#[derive(Debug, Clone)]
struct Generated {
    title: String,
    body: Vec<String>,
    attachments: Vec<String>,
    organs: Vec<String>,
    sealed: bool,
    note: Option<String>,
    cc: Vec<String>,
    single_sided: bool,
}

impl Generated {
    fn yaml(&self) -> String {
        let list = |v: &[String]| format!("[{}]", v.join(", "));
        let mut y = format!(
            "kind: 通知\ntitle: 关于{}的通知\ndate: 2026-06-18\nbody: {}\nissuer: {}\n",
            self.title,
            list(&self.body),
            list(&self.organs)
        );
        if self.sealed {
            let seals = ["culture", "education", "sports", "culture"];
            let seals: Vec<String> = (0..self.organs.len())
                .map(|k| format!("seals/{}.png", seals[k % seals.len()]))
                .collect();
            y += &format!("seal: {}\n", list(&seals));
        }
        if !self.attachments.is_empty() {
            y += &format!("attachments: {}\n", list(&self.attachments));
        }
        if let Some(n) = &self.note {
            y += &format!("note: {n}\n");
        }
        if !self.cc.is_empty() {
            y += &format!(
                "cc: {}\nprinting: {{organ: 测试办公室, date: 2026-06-19}}\n",
                list(&self.cc)
            );
        }
        if self.single_sided {
            y += "single_sided: true\n";
        }
        y
    }

    /// Every character the document's fields give, counted.
    fn chars(&self) -> HashMap<char, usize> {
        let mut n = HashMap::new();
        let fields = std::iter::once(&self.title)
            .chain(&self.body)
            .chain(&self.attachments)
            .chain(&self.organs)
            .chain(&self.note)
            .chain(&self.cc);
        for f in fields {
            for c in f.chars() {
                *n.entry(c).or_default() += 1;
            }
        }
        n
    }
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        text(2, 40),
        proptest::collection::vec(text(0, 400), 1..=5),
        proptest::collection::vec(text(1, 40), 0..=4),
        1usize..=4,
        any::<bool>(),
        proptest::option::of(text(0, 80)),
        proptest::collection::vec(text(1, 10), 0..=3),
        any::<bool>(),
    )
        .prop_map(
            |(title, body, attachments, n, sealed, note, cc, single_sided)| Generated {
                title,
                body,
                attachments,
                // Organ names of characters no other field uses (see
                // `seals_press_only_the_closing`).
                organs: (0..n)
                    .map(|k| format!("{c}{c}厅", c = ORGAN_CHARS[k]))
                    .collect(),
                sealed,
                note,
                cc,
                single_sided,
            },
        )
}

/// No glyph but the 署名's and the date's under a seal's box (§7.3.5.1).
fn seals_press_only_the_closing(doc: &typst_layout::PagedDocument) -> Result<(), String> {
    for (k, page) in frames::drawn(doc).into_iter().enumerate() {
        for im in &page.images {
            for g in &page.glyphs {
                let (x0, x1) = (g.x, g.x + g.advance);
                let (y0, y1) = (g.baseline - 0.88 * g.size, g.baseline + 0.12 * g.size);
                let inside =
                    x0 < im.x + im.width && x1 > im.x && y0 < im.y + im.height && y1 > im.y;
                if inside && !g.text.chars().all(pressed) {
                    return Err(format!("page {}: {:?} under a seal", k + 1, g.text));
                }
            }
        }
    }
    Ok(())
}

/// The 版记 (§7.4) stands apart from the text above it: no glyph above the
/// 版记's first rule comes within half a 3号 character (8 pt) of it. (A
/// 附注 moved below a seal once stood on the rule.) The 版记's rules are
/// the thick black ones across the 版心 (0.35 mm, §7.4.1; a table's rules
/// are 0.5 pt).
fn the_record_stands_apart(doc: &typst_layout::PagedDocument) -> Result<(), String> {
    for (k, page) in frames::drawn(doc).into_iter().enumerate() {
        let Some(top) = page
            .rules
            .iter()
            .filter(|r| r.thickness > 0.8 && r.length > 400.0 && r.a.1 == r.b.1)
            .map(|r| r.y - r.thickness / 2.0)
            .reduce(f64::min)
        else {
            continue;
        };
        for g in page.glyphs.iter().filter(|g| g.baseline < top) {
            let bottom = g.baseline + 0.12 * g.size;
            if top - bottom < 8.0 {
                return Err(format!(
                    "page {}: {:?} ends {:.1} pt above the 版记's rule",
                    k + 1,
                    g.text,
                    top - bottom
                ));
            }
        }
    }
    Ok(())
}

/// A 附注 that moves below the seal at a page's foot sends the 版记 on,
/// rather than standing on its rule.
#[test]
fn a_note_below_the_seal_keeps_clear_of_the_record() {
    let dir = folder(NOTE_AT_THE_FOOT);
    let paged = lay_out(dir.path()).unwrap();
    the_record_stands_apart(&paged).unwrap();
}

/// A 通知 whose 附注, moved below the seal, ends at page 2's foot, where
/// the 版记 would stand.
const NOTE_AT_THE_FOOT: &str = r#"copy_number: "000231"
urgency: 特急
issuer_mark: 岭南省生态环境厅文件
doc_number: 岭环发〔2027〕18号
kind: 通知
title: 岭南省生态环境厅关于开展2027年度重点排污单位自动监测数据质量专项核查暨第三方运维机构能力评估工作的通知
addressees: [各地级以上市生态环境局, 厅机关各处室, 厅属各单位]
body:
  - 为进一步提升重点排污单位自动监测数据质量，根据有关规定，决定开展专项核查。现将有关事项通知如下。
  - heading: 核查范围
    body:
      - 全省纳入重点排污单位名录的企业，以及为其提供运维服务的第三方机构。涉及㐀字号企业的，单独列出。
  - heading: 核查安排
    body:
      - table:
          caption: 各市核查任务分配表
          header: [[片区, 地市, 企业数（家）, 完成时限]]
          rows:
            - [{text: 珠三角, rowspan: 3}, 广州, 126, 2027-06-30]
            - [深圳, 0.50, 2027-06-30]
            - [佛山, 87, 2027-07-15]
            - [{text: 粤东, rowspan: 2}, 汕头, 41, 2027-07-31]
            - [潮州, 19, 2027-07-31]
      - 各地要于核查结束后十个工作日内报送总结，编号格式为QY2027-31。
attachments: [核查工作方案, 核查记录表]
issuer: 岭南省生态环境厅
seal: seals/sports.png
date: 2027-05-20
note: 联系人：陈晓岚，电话：020-87654321，传真：020-87654322，邮箱：hj@example.gov.cn
cc: [生态环境部华南督察局]
printing: {organ: 岭南省生态环境厅办公室, date: 2027-05-21}
"#;

/// A 附注 longer than the room left of the seal moves below the seal
/// (§7.3.5.1: the seal presses the 署名 and 成文日期 only); before, one of
/// 18 characters ran under the ring.
#[test]
fn a_long_note_stands_below_the_seal() {
    for note in [
        "联系人：张三，联系电话：0571-12345678",
        "此件公开发布",
        &"测".repeat(80),
    ] {
        let dir = folder(&format!(
            "{HEAD}issuer: 甲甲厅\nseal: seals/culture.png\nnote: {note}\n"
        ));
        let paged = lay_out(dir.path()).unwrap();
        seals_press_only_the_closing(&paged).unwrap();
    }
}

/// What the frames show, checked against the standard's page: every glyph
/// on the paper, and inside the 版心 except the page numbers below it
/// (§7.5); returns the characters drawn, page numbers aside.
fn drawn_chars(doc: &typst_layout::PagedDocument) -> HashMap<char, usize> {
    let mut n = HashMap::new();
    for (k, page) in frames::drawn(doc).into_iter().enumerate() {
        for g in &page.glyphs {
            let (x0, x1) = (mm(g.x), mm(g.x + g.natural));
            let (y0, y1) = (
                mm(g.baseline - 0.88 * g.size),
                mm(g.baseline + 0.12 * g.size),
            );
            let tol = 0.3;
            assert!(
                x0 > -tol && x1 < PAPER_W + tol && y0 > -tol && y1 < PAPER_H + tol,
                "page {}: {:?} off the paper",
                k + 1,
                g.text
            );
            let page_number = (g.size - 14.0).abs() < 0.01 && y0 > BOTTOM;
            if page_number {
                continue;
            }
            assert!(
                x0 > LEFT - tol && x1 < RIGHT + tol && y0 > TOP - tol && y1 < BOTTOM + tol,
                "page {}: {:?} outside the 版心 ({x0:.1}, {y0:.1})–({x1:.1}, {y1:.1})",
                k + 1,
                g.text
            );
            for c in g.text.chars() {
                *n.entry(c).or_default() += 1;
            }
        }
    }
    n
}

fn lay_out(dir: &Path) -> Result<typst_layout::PagedDocument, gongwen::Error> {
    let (doc, source) = gongwen::load::load(&dir.join("doc.yaml"))?;
    gongwen::layout::typeset_audited(&doc, &source, fonts())
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    /// Generated notices (bodies of 1–5 paragraphs up to 400 characters,
    /// 0–4 attachments, 1–4 organs sealed or not, 附注 of 0–80 characters,
    /// 版记 or not, one or two sides) lay out without an error, and their
    /// pages hold every character given, inside the paper and the 版心.
    #[test]
    fn generated_documents_keep_their_text_inside_the_page(g in generated()) {
        let dir = folder(&g.yaml());
        let paged = lay_out(dir.path());
        let paged = match paged {
            Ok(p) => p,
            Err(e) => panic!("{e}\n{}", g.yaml()),
        };
        let drawn = drawn_chars(&paged);
        for (c, want) in g.chars() {
            let got = drawn.get(&c).copied().unwrap_or(0);
            prop_assert!(got >= want, "{c:?}: {got} drawn of {want}\n{}", g.yaml());
        }
        if let Err(e) = seals_press_only_the_closing(&paged) {
            panic!("{e}\n{}", g.yaml());
        }
        if let Err(e) = the_record_stands_apart(&paged) {
            panic!("{e}\n{}", g.yaml());
        }
    }
}

// ---- keep rules (the pagination model) ----

/// The lines of body text (page numbers aside) below the line holding
/// `needle`, on its page; `None` if no page holds it.
fn lines_after(paged: &typst_layout::PagedDocument, needle: &str) -> Option<Vec<String>> {
    frames::pages(paged).into_iter().find_map(|lines| {
        let texts: Vec<String> = lines
            .iter()
            // A page number: 4号 (14 pt) below the 版心.
            .filter(|l| (l.size - 14.0).abs() > 0.01 || mm(l.baseline) < BOTTOM)
            .map(|l| l.text())
            .collect();
        let at = texts.iter().position(|t| t.contains(needle))?;
        Some(texts[at + 1..].to_vec())
    })
}

/// A heading followed by a table that does not fit under it goes to the
/// next page with the table's header and first row (it stood alone at the
/// page's foot, the page below it empty). Each body length puts the
/// heading on another of page 1's last lines.
#[test]
fn a_heading_goes_with_the_table_it_heads() {
    let rows: String = (0..12)
        .map(|i| format!("            - [{i}号, 项目{i}, 内容{i}]\n"))
        .collect();
    for n in 14..=18 {
        let yaml = format!(
            "kind: 通知\ntitle: 关于开展专项核查的通知\nissuer: 测试审计局\ndate: 2026-06-18\nbody:\n\
             \x20 - heading: 核查范围\n    body:\n      - {}\n\
             \x20 - heading: 核查安排\n    body:\n      - table:\n          header: [[序号, 项目, 内容]]\n          rows:\n{rows}\
             \x20 - 请各单位按时报送。\n",
            "国".repeat(28 * n)
        );
        let paged = common::typeset_yaml(&yaml);
        let below = lines_after(&paged, "核查安排").unwrap();
        assert!(
            below.iter().any(|l| l.contains("序号")) && below.iter().any(|l| l.contains("0号")),
            "n = {n}: the heading's page has below it only {below:?}"
        );
    }
}

/// A heading followed by text keeps at least two of its lines on its page;
/// a heading over a subheading keeps both with the text.
#[test]
fn a_heading_keeps_two_lines_of_its_text() {
    for n in 14..=19 {
        let yaml = format!(
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2026-06-18\nbody:\n\
             \x20 - {}\n  - heading: 工作要求\n    body:\n      - heading: 加强组织领导\n        body:\n\
             \x20         - {}\n",
            "国".repeat(28 * n - 2),
            "落".repeat(28 * 4)
        );
        let paged = common::typeset_yaml(&yaml);
        let below = lines_after(&paged, "工作要求").unwrap();
        assert!(
            below.len() >= 3
                && below[0].contains("加强组织领导")
                && below[1].contains('落')
                && below[2].contains('落'),
            "n = {n}: below the heading {below:?}"
        );
    }
}

/// Printed on both sides, the 版记 after a table that ends at any line of
/// page 1 or 2 stands on an even side (§7.4, §7.5), and no page holds only
/// the closing: the audit every test document passes (issue 18 item 4
/// (c), (e)).
#[test]
fn the_record_after_a_table_stands_on_an_even_side() {
    for n in 14..=22 {
        let rows: String = (0..n)
            .map(|i| format!("        - [{i}号, 项目{i}, 内容{i}]\n"))
            .collect();
        common::typeset_yaml(&format!(
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2026-06-18\nbody:\n\
             \x20 - 现将有关事项通知如下。\n  - table:\n      header: [[序号, 项目, 内容]]\n      rows:\n{rows}\
             \x20 - 请遵照执行。\ncc: [甲单位]\nprinting: {{organ: 测试机关办公室, date: 2026-06-19}}\n"
        ));
    }
}

/// A 纪要 without 署名 keeps its 成文日期 with the attendance lists, at
/// every length that moves the lists across page 1's foot.
#[test]
fn a_minutes_date_never_stands_alone() {
    for n in 10..=20 {
        common::typeset_yaml(&format!(
            "format: minutes\nkind: 纪要\nissuer_mark: 测试会议纪要\ntitle: 关于测试的纪要\n\
             date: 2026-06-18\nbody:\n  - {}\nattendance:\n  present: [张三, 李四]\n",
            "国".repeat(28 * n)
        ));
    }
}

/// A 正文 ending in a table whose closing does not fit under it: the
/// table's last rows go to the next page with the closing, under the
/// repeated header (§7.3.5.5; the 署名 and date stood alone there).
#[test]
fn a_closing_after_a_table_takes_its_last_rows() {
    for n in 14..=18 {
        let rows: String = (0..n)
            .map(|i| format!("        - [{i}号, 项目{i}, 内容{i}]\n"))
            .collect();
        let paged = common::typeset_yaml(&format!(
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2026-06-18\nbody:\n\
             \x20 - 现将有关事项通知如下。\n  - table:\n      header: [[序号, 项目, 内容]]\n      rows:\n{rows}"
        ));
        let below = lines_after(&paged, "测试机关").unwrap();
        assert!(below[0].contains("2026"), "n = {n}: {below:?}");
        let pages = frames::pages(&paged);
        let page = pages
            .iter()
            .find(|p| p.iter().any(|l| l.text().contains("测试机关")))
            .unwrap();
        let last = format!("{}号", n - 1);
        assert!(
            page.iter().any(|l| l.text().contains(&last)),
            "n = {n}: the closing's page has no row of the table"
        );
    }
}

/// A 正文 ending in a table too short to give the closing rows and keep
/// some (one or two rows at the page's foot): the table starts the next
/// page whole and the closing follows it; the 署名 never stands alone
/// (§7.3.5.5). Found on a new document: two rows after two paragraphs.
#[test]
fn a_short_closing_table_moves_whole_with_the_closing() {
    for rows in 1..=3 {
        for n in 0..=14 {
            let body: String = (0..n)
                .map(|i| format!("  - 第{i}段{}。\n", "国".repeat(20)))
                .collect();
            let table_rows: String = (0..rows)
                .map(|i| format!("        - [项目{i}, \"{i}\"]\n"))
                .collect();
            let paged = common::typeset_yaml(&format!(
                "kind: 通知\nissuer_mark: 测试机关文件\ndoc_number: 测发〔2026〕1号\ntitle: 关于测试的通知\n\
                 addressees: [各单位]\nissuer: 测试机关\ndate: 2026-06-18\nbody:\n{body}\
                 \x20 - table:\n      header: [[项目, 数量]]\n      rows:\n{table_rows}"
            ));
            let pages = frames::pages(&paged);
            let page = pages
                .iter()
                .rfind(|p| p.iter().any(|l| l.text() == "测试机关"))
                .unwrap();
            assert!(
                page.iter().any(|l| l.text().contains("项目")),
                "rows = {rows}, n = {n}: the closing's page has no row of the table"
            );
        }
    }
}

/// Printed on both sides, a 版记 after a 正文 that ends in a table stands
/// on an even side (it went to the next odd page: the end of the text was
/// not measured after a table).
#[test]
fn the_record_after_a_closing_table_is_on_an_even_side() {
    for n in 8..=26 {
        let rows: String = (0..n)
            .map(|i| format!("        - [{i}号, 项目{i}, 内容{i}]\n"))
            .collect();
        common::typeset_yaml(&format!(
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2026-06-18\nbody:\n\
             \x20 - 现将有关事项通知如下。\n  - table:\n      header: [[序号, 项目, 内容]]\n      rows:\n{rows}\
             cc: [甲单位]\nprinting: {{organ: 测试机关办公室, date: 2026-06-19}}\n"
        ));
    }
}

/// Five documents unlike the other inputs (a 决定 with 密级 and an
/// attachment table, a 请示 ending in a table, a 纪要 without 署名, a 信函
/// with nested headings, a joint 公告 with row groups and two seals), each
/// laid out and checked by the layout audit (no page of a closing, a
/// heading or a caption alone; the 版记 on an even side).
#[test]
fn the_pagination_documents_pass_the_audit() {
    let dir = common::root().join("tests/fixtures/pagination");
    for name in [
        "d1-decision",
        "d2-request",
        "d3-minutes",
        "d4-letter",
        "d5-announcement",
    ] {
        let path = dir.join(format!("{name}.yaml"));
        if let Err(e) = common::typeset_file(&path) {
            panic!("{name}: {e}");
        }
    }
}

/// A generated 正文 of paragraphs (`国`) and headings (`甲`, subheadings
/// `乙`) of every length, for the keep rules held by the flow.
fn headed_body() -> impl Strategy<Value = String> {
    let para = (1usize..=120).prop_map(|n| "国".repeat(n));
    let heading = |c: &'static str| (2usize..=60).prop_map(move |n| c.repeat(n));
    let section = (
        heading("甲"),
        prop::collection::vec(para.clone(), 0..=3),
        prop::option::of((heading("乙"), prop::collection::vec(para.clone(), 1..=2))),
    );
    (para, prop::collection::vec(section, 1..=8)).prop_map(|(first, sections)| {
        let mut y = format!("  - {first}\n");
        for (h, paras, sub) in sections {
            y.push_str(&format!("  - heading: {h}\n    body:\n"));
            for p in &paras {
                y.push_str(&format!("      - {p}\n"));
            }
            match sub {
                Some((s, ps)) => {
                    y.push_str(&format!("      - heading: {s}\n        body:\n"));
                    for p in ps {
                        y.push_str(&format!("          - {p}\n"));
                    }
                }
                None if paras.is_empty() => y.push_str("      - 国国国\n"),
                None => {}
            }
        }
        y
    })
}

proptest! {
    #![proptest_config(common::proptest_config(48))]

    /// The leads are held by the flow in the run that places them: on
    /// generated bodies, (a) every heading (with the subheading right under
    /// it) has two more lines of text below it on its page; (b) a page
    /// ends early only where what starts the next page could not stand
    /// there: a heading run and its two lines (through a subheading that
    /// starts within them), or the closing with its lines (no break left
    /// behind by an earlier run); (c) at most two runs
    /// of the layout (one more only for §7.3.5.5), however many headings
    /// moved. Read back from the frames, 22 lines a page (§5.2.2).
    #[test]
    fn headings_are_held_in_one_run_and_move_only_when_they_must(body in headed_body()) {
        use common::standard::LINES_PER_PAGE;
        let yaml = format!(
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2026-06-18\nbody:\n{body}"
        );
        let source = gongwen::load::Source { path: "t.yaml".into(), text: yaml.clone() };
        let doc = gongwen::load::parse(&source).unwrap();
        let laid = gongwen::layout::Typesetter::new(fonts(), gongwen::layout::Red::default())
            .lay_out(&doc, &source, &gongwen::assets::Assets::default())
            .unwrap();
        laid.audit().unwrap();
        prop_assert!(laid.runs <= 2, "{} runs\n{yaml}", laid.runs);
        let pages: Vec<Vec<String>> = frames::pages(&laid.paged)
            .into_iter()
            .map(|lines| {
                lines
                    .iter()
                    .filter(|l| (l.size - 16.0).abs() < 0.01)
                    .map(|l| l.text())
                    .collect()
            })
            .collect();
        let heading = |t: &str| t.contains('甲') || t.contains('乙');
        for (p, lines) in pages.iter().enumerate() {
            // (a) after each run of heading lines, two more lines.
            for (i, t) in lines.iter().enumerate() {
                let ends_run = heading(t) && !lines.get(i + 1).is_some_and(|n| heading(n));
                let last = p + 1 == pages.len() && i + 1 == lines.len();
                prop_assert!(
                    !ends_run || last || lines.len() >= i + 3,
                    "page {}: heading {t} with {} lines below it\n{yaml}",
                    p + 1,
                    lines.len() - i - 1
                );
            }
            // (b) a page after page 1 that is not full.
            if p == 0 || p + 1 == pages.len() || lines.len() >= LINES_PER_PAGE {
                continue;
            }
            let next = &pages[p + 1];
            // What starts the next page and must stand together: a run of
            // heading lines and the two lines after it, extended when a
            // heading starts within those two lines (a heading whose text
            // is one short line before a subheading).
            let mut unit = 0;
            let mut i = 0;
            while next.get(i).is_some_and(|t| heading(t)) {
                let j = i + next[i..].iter().take_while(|t| heading(t)).count();
                unit = j + 2;
                i = (j..unit.min(next.len()))
                    .find(|&k| heading(&next[k]))
                    .unwrap_or(unit);
            }
            let closing = next.iter().any(|t| t.contains("测试机关"));
            prop_assert!(
                closing || (unit > 0 && lines.len() + unit > LINES_PER_PAGE),
                "page {} ends after {} lines; page {} starts {:?}\n{yaml}",
                p + 1,
                lines.len(),
                p + 2,
                &next[..next.len().min(3)]
            );
        }
    }
}
