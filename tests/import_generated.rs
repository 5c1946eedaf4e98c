//! Import proven on generated sources (issue 21, items 1 and 3): documents
//! drawn from a seeded generator are rendered as the text people paste —
//! plain drafts in several indent and alignment styles, hard-wrapped
//! drafts, portal pages with their chrome, GBK and UTF-16 files — and
//! imported. Each import is compared with the document it came from: the
//! fields exactly, the 正文 as the sequence of (depth, heading or paragraph,
//! text). The recovery rate per style is printed and held to a floor.
//!
//! The run is repeatable: a fixed seed (`PROPTEST_RNG_SEED` to explore
//! others) and `PROPTEST_CASES` documents (default 400, each in five
//! styles: 2,000 sources).

mod common;

use gongwen::date::Date;
use gongwen::import::{Action, Imported};
use gongwen::model::Block;

/// A small deterministic generator (xorshift64*): the same seed gives
/// the same sources on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const ORGANS: &[&str] = &[
    "清河市人民政府",
    "青溪县农业农村局",
    "江淮省生态环境厅",
    "东湖区人民政府办公室",
    "南湖县教育局",
    "清河市应急管理局",
    "江淮省发展和改革委员会",
    "北岸区市场监督管理局",
];
const KINDS: &[&str] = &["通知", "报告", "意见", "通报", "请示", "函"];
const TOPICS: &[&str] = &[
    "做好2027年春耕生产工作",
    "开展安全生产大检查",
    "加快推进城镇老旧小区改造",
    "进一步加强农村生活污水治理",
    "印发《青溪县防汛应急预案》",
    "开展第三次全国土壤普查",
    "做好汛期地质灾害防治",
];
const GROUPS: &[&str] = &[
    "各区县人民政府",
    "市政府各部门、各直属机构",
    "各乡镇（街道）",
    "县直有关单位",
    "各市（州）发展改革委、生态环境局",
    "各有关企业",
];
const HEADINGS: &[&str] = &[
    "总体要求",
    "主要任务",
    "保障措施",
    "工作安排",
    "加强组织领导",
    "严格落实责任",
    "强化督促检查",
    "做好宣传引导",
    "明确工作目标",
];
const RUN_IN: &[&str] = &[
    "压实工作责任。",
    "加强隐患排查。",
    "做好应急准备。",
    "强化资金保障。",
    "严格考核问责。",
];
const CLAUSES: &[&str] = &[
    "各地要高度重视",
    "截至2027年6月30日已完成2.47万亩",
    "完成率达到98.6%以上",
    "按照“统一规划、集中连片”的原则统筹推进",
    "建立周调度、月通报、季考核制度",
    "对进度滞后的单位实行约谈提醒",
    "全年安排专项资金1200万元",
    "一、二期建设任务已全部完成",
    "确保10月底前全部开工",
    "2026年共排查隐患3100余处",
    "并于每月5日前报送市政府办公室",
    "切实维护人民群众生命财产安全",
];
const ATTACHMENTS: &[&str] = &[
    "工作任务分解表",
    "联系人名单",
    "2027年度重点项目清单",
    "检查情况统计表",
];

/// One generated document: the fields import must find.
#[derive(Debug, Clone)]
struct Doc {
    title: String,
    addressees: Vec<String>,
    body: Vec<Item>,
    attachments: Vec<String>,
    issuer: String,
    date: Date,
    note: Option<String>,
}

/// One item of the 正文, flattened: (depth, heading?, text); a heading's
/// run-in text follows it as a paragraph one level down.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    depth: usize,
    heading: bool,
    text: String,
}

fn sentence(rng: &mut Rng, first: bool) -> String {
    let n = rng.range(2, 4);
    let mut s = String::new();
    for k in 0..n {
        if k > 0 {
            s.push('，');
        }
        // `一、二期…` opening a paragraph would be a heading as written;
        // inside one it starts a line only where a wrap puts it.
        let mut c = *rng.pick(CLAUSES);
        while first && k == 0 && c.starts_with("一、") {
            c = *rng.pick(CLAUSES);
        }
        s.push_str(c);
    }
    s.push('。');
    s
}

fn paragraph(rng: &mut Rng) -> String {
    (0..rng.range(1, 3))
        .map(|k| sentence(rng, k == 0))
        .collect()
}

fn document(rng: &mut Rng) -> Doc {
    let organ = rng.pick(ORGANS).to_string();
    let kind = rng.pick(KINDS);
    let title = format!("{organ}关于{}的{kind}", rng.pick(TOPICS));
    let mut addressees = Vec::new();
    for _ in 0..rng.range(1, 3) {
        let g = rng.pick(GROUPS).to_string();
        if !addressees.contains(&g) {
            addressees.push(g);
        }
    }
    let mut body = Vec::new();
    for _ in 0..rng.range(1, 2) {
        body.push(Item {
            depth: 0,
            heading: false,
            text: paragraph(rng),
        });
    }
    let mut used = Vec::new();
    for _ in 0..rng.range(2, 4) {
        let mut h = rng.pick(HEADINGS).to_string();
        while used.contains(&h) {
            h = rng.pick(HEADINGS).to_string();
        }
        used.push(h.clone());
        body.push(Item {
            depth: 0,
            heading: true,
            text: h,
        });
        match rng.below(3) {
            0 => {
                for _ in 0..rng.range(1, 2) {
                    body.push(Item {
                        depth: 1,
                        heading: false,
                        text: paragraph(rng),
                    });
                }
            }
            1 => {
                for _ in 0..rng.range(2, 3) {
                    body.push(Item {
                        depth: 1,
                        heading: true,
                        text: rng.pick(RUN_IN).to_string(),
                    });
                    body.push(Item {
                        depth: 2,
                        heading: false,
                        text: paragraph(rng),
                    });
                }
            }
            _ => {
                for _ in 0..rng.range(2, 3) {
                    body.push(Item {
                        depth: 1,
                        heading: true,
                        text: rng.pick(HEADINGS).to_string(),
                    });
                    body.push(Item {
                        depth: 2,
                        heading: false,
                        text: paragraph(rng),
                    });
                }
            }
        }
    }
    if rng.chance(50) {
        body.push(Item {
            depth: 0,
            heading: false,
            text: format!("特此{}。", if *kind == "函" { "函告" } else { kind }),
        });
    }
    let attachments = (0..rng.below(3))
        .map(|k| ATTACHMENTS[k].to_string())
        .collect();
    let date = Date::new(
        rng.range(2019, 2030) as u16,
        rng.range(1, 12) as u8,
        rng.range(1, 28) as u8,
    )
    .expect("a day of the calendar");
    Doc {
        title,
        addressees,
        body,
        attachments,
        issuer: organ,
        date,
        note: rng.chance(40).then(|| "此件公开发布".to_string()),
    }
}

/// How a draft is typed.
struct Look {
    /// A paragraph's first-line indent.
    indent: String,
    /// What pushes the closing's lines to the right.
    pad: String,
    /// Blank lines between paragraphs.
    blank: bool,
}

fn look(rng: &mut Rng) -> Look {
    let indent = match rng.below(5) {
        0 => "\u{3000}\u{3000}".to_string(),
        1 => "    ".to_string(),
        2 => "\t".to_string(),
        3 => "\u{2003}\u{2003}".to_string(),
        _ => String::new(),
    };
    let unit = *rng.pick(&[" ", "\u{2002}", "\u{2003}", "\u{3000}", "\t"]);
    let pad = unit.repeat(if unit == "\t" {
        rng.range(4, 7)
    } else {
        rng.range(12, 30)
    });
    Look {
        indent,
        pad,
        blank: rng.chance(50),
    }
}

fn chinese_date(d: Date) -> String {
    d.to_string()
}

/// The text of a document as a draft: logical lines (a paragraph is one
/// line) with the look's indents and closing alignment.
fn draft(doc: &Doc, look: &Look) -> Vec<String> {
    let mut out = vec![
        doc.title.clone(),
        String::new(),
        format!("{}：", doc.addressees.join("，")),
    ];
    let mut counters = [0usize; 5];
    for item in &doc.body {
        if look.blank {
            out.push(String::new());
        }
        if item.heading {
            counters[item.depth] += 1;
            for c in counters.iter_mut().skip(item.depth + 1) {
                *c = 0;
            }
            let marker = gongwen::numbering::marker(item.depth + 1, counters[item.depth]);
            out.push(format!("{}{marker}{}", look.indent, item.text));
        } else {
            out.push(format!("{}{}", look.indent, item.text));
        }
    }
    if !doc.attachments.is_empty() {
        out.push(String::new());
        if doc.attachments.len() == 1 {
            out.push(format!("{}附件：{}", look.indent, doc.attachments[0]));
        } else {
            for (k, a) in doc.attachments.iter().enumerate() {
                let head = if k == 0 {
                    "附件："
                } else {
                    "\u{3000}\u{3000}\u{3000}"
                };
                out.push(format!("{}{head}{}.{a}", look.indent, k + 1));
            }
        }
    }
    out.push(String::new());
    out.push(format!("{}{}", look.pad, doc.issuer));
    out.push(format!("{}{}", look.pad, chinese_date(doc.date)));
    if let Some(n) = &doc.note {
        out.push(format!("{}（{n}）", look.indent));
    }
    out
}

/// A draft hard-wrapped at `width` characters: every line longer than that
/// broken, wherever the width falls (inside numbers, before `一、`).
///
/// `columns`: the width counts columns (a CJK character two, an ASCII one,
/// as an editor or a PDF wraps) instead of characters.
fn wrapped(lines: &[String], width: usize, columns: bool) -> Vec<String> {
    let cols = |c: char| if columns && !c.is_ascii() { 2 } else { 1 };
    let limit = if columns { 2 * width } else { width };
    let mut out = Vec::new();
    for l in lines {
        let total: usize = l.chars().map(cols).sum();
        if total <= limit || l.trim().chars().count() <= 20 {
            out.push(l.clone());
            continue;
        }
        let mut cur = String::new();
        let mut used = 0;
        for c in l.chars() {
            if used + cols(c) > limit {
                out.push(std::mem::take(&mut cur));
                used = 0;
            }
            cur.push(c);
            used += cols(c);
        }
        out.push(cur);
    }
    out
}

/// A portal page around the draft: breadcrumbs, a metadata block in one of
/// several layouts with a publication date after the 成文日期, share and
/// print widgets, related articles, a footer with its ICP number and
/// visit counter.
fn portal(doc: &Doc, body: &[String], rng: &mut Rng) -> Vec<String> {
    let published =
        Date::from_days_since_epoch(doc.date.days_since_epoch() + rng.range(1, 9) as i64)
            .expect("a day of the calendar");
    let p = published.iso();
    let mut out = vec![
        "首页 > 政务公开 > 通知公告".to_string(),
        format!("{}门户网站", doc.issuer),
    ];
    match rng.below(3) {
        0 => {
            out.push(format!(
                "索引号：11330100002{:05}/2027-00{}",
                rng.below(99999),
                rng.below(99)
            ));
            out.push(format!("发布机构：{}", doc.issuer));
            out.push(format!("发布日期：{p}"));
        }
        1 => {
            out.push("发布日期：".to_string());
            out.push(p.clone());
            out.push("来源：".to_string());
            out.push(doc.issuer.clone());
        }
        _ => out.push(format!(
            "来源：{}　　发布时间：{p} 10:{:02}　　浏览次数：{}",
            doc.issuer,
            rng.below(60),
            rng.range(10, 9999)
        )),
    }
    out.push("【字体：大 中 小】【打印】".to_string());
    out.extend(body.iter().cloned());
    out.push("【打印本页】【关闭窗口】".to_string());
    out.push("分享到：".to_string());
    out.push("相关文章".to_string());
    out.push(format!("关于做好2026年防汛工作的通知 {}", published.iso()));
    out.push("版权所有：清河市人民政府办公室 主办".to_string());
    out.push(format!(
        "网站标识码：33010000{:02}　浙ICP备{:08}号",
        rng.below(99),
        rng.below(99_999_999)
    ));
    out.push(format!("您是本站第{}位访客", rng.range(1000, 999_999)));
    out
}

fn flatten(blocks: &[Block], depth: usize, out: &mut Vec<Item>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(Item {
                depth,
                heading: false,
                text: p.clone(),
            }),
            Block::Section(s) => {
                out.push(Item {
                    depth,
                    heading: true,
                    text: s.heading.as_str().to_string(),
                });
                if let Some(t) = &s.text {
                    out.push(Item {
                        depth: depth + 1,
                        heading: false,
                        text: t.as_str().to_string(),
                    });
                }
                flatten(&s.body, depth + 1, out);
            }
            Block::Table(_) => out.push(Item {
                depth,
                heading: false,
                text: "<table>".into(),
            }),
        }
    }
}

/// What differs between the import and the document, if anything.
fn differences(doc: &Doc, got: &Imported) -> Vec<String> {
    let mut d = Vec::new();
    if got.title.as_deref() != Some(doc.title.as_str()) {
        d.push(format!("title {:?}", got.title));
    }
    if got.addressees != doc.addressees {
        d.push(format!("addressees {:?}", got.addressees));
    }
    if got.issuer != [doc.issuer.clone()] {
        d.push(format!("issuer {:?}", got.issuer));
    }
    if got.date != Some(doc.date) {
        d.push(format!("date {:?}", got.date));
    }
    if got.note != doc.note {
        d.push(format!("note {:?}", got.note));
    }
    if got.attachments != doc.attachments {
        d.push(format!("attachments {:?}", got.attachments));
    }
    let mut body = Vec::new();
    flatten(&got.body, 0, &mut body);
    if body != doc.body {
        let at = body
            .iter()
            .zip(&doc.body)
            .position(|(a, b)| a != b)
            .unwrap_or(body.len().min(doc.body.len()));
        d.push(format!(
            "body at item {at}: got {:?}, want {:?}",
            body.get(at),
            doc.body.get(at)
        ));
    }
    d
}

fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend(u.to_le_bytes());
    }
    out
}

#[derive(Default)]
struct Tally {
    sources: usize,
    exact: usize,
    reviewed: usize,
    examples: Vec<String>,
}

#[test]
fn generated_sources_import_as_their_documents() {
    let config = common::proptest_config(400);
    let seed = match config.rng_seed {
        proptest::test_runner::RngSeed::Fixed(s) => s,
        _ => common::PROPTEST_SEED,
    };
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let styles = ["draft", "wrapped", "portal", "gb18030", "utf16"];
    let mut tallies: Vec<Tally> = styles.iter().map(|_| Tally::default()).collect();
    // How many failing sources each style prints (`GONGWEN_IMPORT_EXAMPLES`
    // to see more while exploring).
    let examples: usize = std::env::var("GONGWEN_IMPORT_EXAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for _ in 0..config.cases {
        let doc = document(&mut rng);
        let look = look(&mut rng);
        let lines = draft(&doc, &look);
        let width = rng.range(20, 40);
        let sources: Vec<Vec<u8>> = vec![
            lines.join("\n").into_bytes(),
            wrapped(&lines, width, rng.chance(50))
                .join("\n")
                .into_bytes(),
            portal(&doc, &lines, &mut rng).join("\n").into_bytes(),
            encoding_rs::GB18030
                .encode(&lines.join("\r\n"))
                .0
                .into_owned(),
            utf16(&lines.join("\r\n")),
        ];
        for (k, bytes) in sources.iter().enumerate() {
            let t = &mut tallies[k];
            t.sources += 1;
            let import = gongwen::import::import(bytes).expect("a text");
            if styles[k] == "portal" {
                // The text's 成文日期 wins over the page's later publication
                // date, which stays a review line (issue 21, item 4).
                assert!(
                    import
                        .report
                        .notes
                        .iter()
                        .any(|n| n.action == Action::Review
                            && n.rule == "metadata"
                            && n.message.contains("published")),
                    "no review line for the page's publication date:\n{}",
                    String::from_utf8_lossy(bytes)
                );
            }
            let diff = differences(&doc, &import.document);
            if diff.is_empty() {
                t.exact += 1;
            } else {
                if import.report.count(Action::Review) > 0 {
                    t.reviewed += 1;
                }
                if t.examples.len() < examples {
                    t.examples.push(format!(
                        "{}\n  -> {}",
                        String::from_utf8_lossy(bytes)
                            .chars()
                            .take(2000)
                            .collect::<String>(),
                        diff.join("; ")
                    ));
                }
            }
        }
    }
    let mut report = String::new();
    for (style, t) in styles.iter().zip(&tallies) {
        report.push_str(&format!(
            "{style:8} {:5} sources, {:6.2} % exact, {} of the others with a review line\n",
            t.sources,
            100.0 * t.exact as f64 / t.sources as f64,
            t.reviewed
        ));
    }
    eprintln!("{report}");
    for (style, t) in styles.iter().zip(&tallies) {
        for e in &t.examples {
            eprintln!("--- {style}: {e}");
        }
    }
    let rate = |k: usize| tallies[k].exact as f64 / tallies[k].sources as f64;
    // Issue 21's goals: 98 % (drafts, portals) and 95 % (hard-wrapped).
    for (k, floor) in [
        (0, FLOORS[0]),
        (1, FLOORS[1]),
        (2, FLOORS[2]),
        (3, FLOORS[0]),
        (4, FLOORS[0]),
    ] {
        assert!(
            rate(k) >= floor,
            "{}: {:.3} < {floor}\n{report}",
            styles[k],
            rate(k)
        );
    }
    // Never a silent structural error: every source not recovered exactly
    // has a review line.
    for (style, t) in styles.iter().zip(&tallies) {
        assert_eq!(
            t.exact + t.reviewed,
            t.sources,
            "{style}: sources neither exact nor reviewed\n{report}"
        );
    }
}

/// The exact-recovery floors held: issue 21's goals — drafts (and their
/// GB18030, UTF-16 encodings) and portal pages 98 %, hard-wrapped drafts
/// 95 %. Measured: 99.0 % hard-wrapped on the fixed seed, 96.7 to 98.1 % on
/// five other seeds of 1,000 documents; every miss is a wrap falling on a
/// sentence's end in a text with neither indents nor blank lines (truly
/// ambiguous), each with a review line.
const FLOORS: [f64; 3] = [0.98, 0.95, 0.98];

/// The 正文 of an imported text as (depth, heading?, text).
fn body_of(text: &str) -> Vec<(usize, bool, String)> {
    let import = gongwen::import::import(text.as_bytes()).expect("a text");
    let mut body = Vec::new();
    flatten(&import.document.body, 0, &mut body);
    body.into_iter()
        .map(|i| (i.depth, i.heading, i.text))
        .collect()
}

fn item(depth: usize, heading: bool, text: &str) -> (usize, bool, String) {
    (depth, heading, text.to_string())
}

/// Found by the generator: in a text whose paragraphs are set apart by
/// blank lines, a wrap that falls right after a `。` leaves a full line
/// ending a sentence; the line under it, with no blank line between, goes
/// on with the paragraph — also when it starts `一、二期…`.
#[test]
fn a_wrap_on_a_sentence_end_where_blank_lines_part_paragraphs() {
    let text = "清河市应急管理局关于开展安全生产大检查的通知\n\n各有关企业：\n\n\
        为做好安全生产工作，现将有关事项通知如下。\n\n\
        一、总体要求\n\n\
        全年安排专项资金1200万元，建立周调度、月通报、季\n\
        考核制度，确保10月底前全部开工。各地要高度重视，\n\
        对进度滞后的单位实行约谈提醒，2026年共排查隐患\n\
        3100余处。完成率达到98.6%以上，切实维护人民群众。\n\
        一、二期建设任务已全部完成，截至2027年6月30日已\n\
        完成2.47万亩。\n\n\
        二、保障措施\n\n\
        各地要高度重视，并于每月5日前报送市政府办公室，对\n\
        进度滞后的单位实行约谈提醒，确保10月底前全部开工。\n\
        全年安排专项资金1200万元。\n\n\
        清河市应急管理局\n2027年3月6日\n";
    assert_eq!(
        body_of(text),
        [
            item(0, false, "为做好安全生产工作，现将有关事项通知如下。"),
            item(0, true, "总体要求"),
            item(
                1,
                false,
                "全年安排专项资金1200万元，建立周调度、月通报、季考核制度，确保10月底前全部开工。各地要高度重视，对进度滞后的单位实行约谈提醒，2026年共排查隐患3100余处。完成率达到98.6%以上，切实维护人民群众。一、二期建设任务已全部完成，截至2027年6月30日已完成2.47万亩。"
            ),
            item(0, true, "保障措施"),
            item(
                1,
                false,
                "各地要高度重视，并于每月5日前报送市政府办公室，对进度滞后的单位实行约谈提醒，确保10月底前全部开工。全年安排专项资金1200万元。"
            ),
        ]
    );
}

/// Found by the generator: where paragraphs start indented and headings
/// are indented like them, a line at the continuation indent under a full
/// line ending a sentence goes on with the paragraph, even when it starts
/// with what reads as a number (`一、二期…` in the opening paragraph).
#[test]
fn a_wrap_on_a_sentence_end_where_paragraphs_are_indented() {
    let text = "清河市应急管理局关于开展安全生产大检查的通知\n各有关企业：\n\
        \u{3000}\u{3000}全年安排专项资金1200万元，建立周调度、月\n\
        通报、季考核制度，确保10月底前全部开工。各地要高度\n\
        重视，对进度滞后的单位实行约谈提醒，确保开工建设。\n\
        一、二期建设任务已全部完成，截至2027年6月30日已\n\
        完成2.47万亩。\n\
        \u{3000}\u{3000}一、总体要求\n\
        \u{3000}\u{3000}各地要高度重视，并于每月5日前报送市政府办公\n\
        室，对进度滞后的单位实行约谈提醒，确保全部开工。\n\
        全年安排专项资金1200万元。\n\
        \u{3000}\u{3000}清河市应急管理局\n\u{3000}\u{3000}2027年3月6日\n";
    assert_eq!(
        body_of(text),
        [
            item(
                0,
                false,
                "全年安排专项资金1200万元，建立周调度、月通报、季考核制度，确保10月底前全部开工。各地要高度重视，对进度滞后的单位实行约谈提醒，确保开工建设。一、二期建设任务已全部完成，截至2027年6月30日已完成2.47万亩。"
            ),
            item(0, true, "总体要求"),
            item(
                1,
                false,
                "各地要高度重视，并于每月5日前报送市政府办公室，对进度滞后的单位实行约谈提醒，确保全部开工。全年安排专项资金1200万元。"
            ),
        ]
    );
}

/// Issue 21, item 4: a line that starts with a number but follows a full
/// line ending no sentence is the sentence going on when the number breaks
/// the sequence (`一、` under `二、`); the number that comes next, on a
/// short line ending no sentence, is a heading even after a line that
/// lost its closing punctuation.
#[test]
fn a_number_that_breaks_the_sequence_after_an_open_sentence_is_a_wrap() {
    let text = "清河市应急管理局关于开展安全生产大检查的通知\n各有关企业：\n\
        一、总体要求\n\
        各地要高度重视，建立周调度、月通报、季考核制度，确保\n\
        10月底前全部开工，对进度滞后的单位实行约谈提醒。\n\
        二、主要任务\n\
        全年安排专项资金1200万元，建立周调度、月通报、季考核\n\
        一、二期建设任务已全部完成，切实维护人民群众生命财产\n\
        安全，截至2027年6月30日已完成2.47万亩，确保全部开工\n\
        三、保障措施\n\
        各地要高度重视，并于每月5日前报送市政府办公室，对进\n\
        度滞后的单位实行约谈提醒。\n\
        清河市应急管理局\n2027年3月6日\n";
    assert_eq!(
        body_of(text),
        [
            item(0, true, "总体要求"),
            item(
                1,
                false,
                "各地要高度重视，建立周调度、月通报、季考核制度，确保10月底前全部开工，对进度滞后的单位实行约谈提醒。"
            ),
            item(0, true, "主要任务"),
            item(
                1,
                false,
                "全年安排专项资金1200万元，建立周调度、月通报、季考核一、二期建设任务已全部完成，切实维护人民群众生命财产安全，截至2027年6月30日已完成2.47万亩，确保全部开工"
            ),
            item(0, true, "保障措施"),
            item(
                1,
                false,
                "各地要高度重视，并于每月5日前报送市政府办公室，对进度滞后的单位实行约谈提醒。"
            ),
        ]
    );
}

/// Word files as people make them (python-docx, one run for the batch),
/// from generated documents, in three independent styles: typed numbers
/// in Normal paragraphs (with a table after the opening paragraph in every
/// third, the 署名 and date in a text box in another third), Word's `Title` and `Heading 1`… styles with no number typed,
/// and numbers drawn by a Word list (`w:numPr`). Each has a page header
/// and footer, which the report must name and the 正文 must not hold.
#[test]
fn word_files_import_as_their_documents() {
    use common::tools::{Tool, need};
    if !need(&[Tool::PythonLibs]) {
        return;
    }
    let config = common::proptest_config(60);
    let seed = match config.rng_seed {
        proptest::test_runner::RngSeed::Fixed(s) => s,
        _ => common::PROPTEST_SEED,
    };
    let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
    let styles = ["typed", "styled", "numbered"];
    let dir = common::tempdir();
    let mut specs = Vec::new();
    let mut docs = Vec::new();
    for i in 0..config.cases as usize {
        for style in styles {
            let mut doc = document(&mut rng);
            let mut body: Vec<serde_json::Value> = doc
                .body
                .iter()
                .map(|it| serde_json::json!({"depth": it.depth, "heading": it.heading, "text": it.text}))
                .collect();
            if style == "typed" && i % 3 == 0 {
                // A table after the opening paragraph.
                body.insert(
                    1,
                    serde_json::json!({"table": [["项目", "数量（个）", "备注"], ["新开工", "12", "已完成"], ["续建", "8", "按计划推进"]]}),
                );
                doc.body.insert(
                    1,
                    Item {
                        depth: 0,
                        heading: false,
                        text: "<table>".into(),
                    },
                );
            }
            let name = format!("{style}-{i}");
            specs.push(serde_json::json!({
                "name": name,
                "style": style,
                "title": doc.title,
                "addressees": doc.addressees,
                "body": body,
                "attachments": doc.attachments,
                "issuer": doc.issuer,
                "date": doc.date.to_string(),
                "note": doc.note,
                "header": format!("{}　内部资料", doc.issuer),
                "footer": format!("第{}页", rng.range(1, 9)),
                "closing_box": style == "typed" && i % 3 == 1,
            }));
            docs.push((style, name, doc));
        }
    }
    let spec = dir.path().join("spec.json");
    std::fs::write(&spec, serde_json::to_vec(&specs).unwrap()).unwrap();
    let o = std::process::Command::new(common::python())
        .arg(common::root().join("tests/support/make_word.py"))
        .arg(&spec)
        .arg(dir.path())
        .output()
        .expect("python runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut tallies: Vec<Tally> = styles.iter().map(|_| Tally::default()).collect();
    for (style, name, doc) in &docs {
        let k = styles.iter().position(|s| s == style).unwrap();
        let bytes = std::fs::read(dir.path().join(format!("{name}.docx"))).unwrap();
        let import = gongwen::import::read(&bytes).expect("a Word file");
        for (rule, text) in [
            ("header", format!("{}　内部资料", doc.issuer)),
            ("footer", "页".to_string()),
        ] {
            assert!(
                import.report.notes.iter().any(|n| n.rule == rule
                    && n.action == Action::Dropped
                    && n.text.contains(&text)),
                "{name}: the page {rule} is not reported"
            );
        }
        let t = &mut tallies[k];
        t.sources += 1;
        let diff = differences(doc, &import.document);
        if diff.is_empty() {
            t.exact += 1;
        } else {
            if import.report.count(Action::Review) > 0 {
                t.reviewed += 1;
            }
            if t.examples.len() < 3 {
                t.examples.push(format!("{name} -> {}", diff.join("; ")));
            }
        }
    }
    let mut report = String::new();
    for (style, t) in styles.iter().zip(&tallies) {
        report.push_str(&format!(
            "word {style:8} {:5} sources, {:6.2} % exact, {} of the others with a review line\n",
            t.sources,
            100.0 * t.exact as f64 / t.sources as f64,
            t.reviewed
        ));
        for e in &t.examples {
            report.push_str(&format!("  {e}\n"));
        }
    }
    eprintln!("{report}");
    for (style, t) in styles.iter().zip(&tallies) {
        assert!(
            t.exact as f64 >= 0.98 * t.sources as f64,
            "word {style}: below 98 % exact\n{report}"
        );
    }
}
