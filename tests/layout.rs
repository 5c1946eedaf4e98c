//! Layout of the seed notice, read from Typst's laid-out frames and compared
//! with GB/T 9704-2012's numbers. The expected numbers are the standard's,
//! written here in millimetres; none is taken from the code under test.

mod common;

use common::standard::{
    BLOCK_W, BOTTOM, CELL, CENTRE, LAYOUT_TOL as TOL, LEFT, MARK_TOP, PAPER_H, PAPER_W, PITCH,
    RIGHT, TOP,
};
use common::{Line, mm, pages, seed};
use gongwen::compose::linebreak::{no_line_end, no_line_start};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// Body-size (3号) lines.
fn body_lines(lines: &[Line]) -> Vec<&Line> {
    lines
        .iter()
        .filter(|l| (l.size - 16.0).abs() < 0.01)
        .collect()
}

/// The em box of a 3号 line: 0.88 em above the baseline, 0.12 em below.
fn em_top(l: &Line) -> f64 {
    mm(l.baseline - 0.88 * 16.0)
}
fn em_bottom(l: &Line) -> f64 {
    mm(l.baseline + 0.12 * 16.0)
}

/// Every character of the line is full-width (CJK, full-width punctuation).
fn full_width_only(l: &Line) -> bool {
    l.text()
        .chars()
        .all(|c| !c.is_ascii() && !matches!(c, '\u{00C0}'..='\u{024F}'))
}

#[test]
fn paper_is_a4() {
    for page in seed().pages() {
        let size = page.frame.size();
        assert!(close(mm(size.x.to_pt()), PAPER_W, 0.01));
        assert!(close(mm(size.y.to_pt()), PAPER_H, 0.01));
    }
}

#[test]
fn first_line_em_box_top_is_37mm() {
    let pages = pages(seed());
    // Page 1 starts with the title (2号, no 版头): its em box starts at the
    // 版心's top edge, not above it (§5.2.1: nothing above 37 mm).
    let title = &pages[0][0];
    assert!(
        (title.size - 22.0).abs() < 0.01,
        "page 1 starts with the title"
    );
    let top = mm(title.baseline - 0.88 * 22.0);
    assert!(top >= TOP - 0.01, "title em top {top:.3} mm above the 版心");
    assert!(close(top, TOP, 0.05), "title em top at {top:.3} mm");
    for (i, page) in pages.iter().enumerate().skip(1) {
        let first = body_lines(page)[0];
        assert!(
            close(em_top(first), TOP, TOL),
            "page {}: first em-box top {:.3} mm",
            i + 1,
            em_top(first)
        );
    }
}

#[test]
fn full_pages_have_22_lines_ending_at_262mm() {
    let pages = pages(seed());
    assert!(pages.len() > 10);
    let mut full = 0;
    for (i, page) in pages[..pages.len() - 1].iter().enumerate() {
        // A page the keep rules ended early: the next one starts with a
        // heading taken there with its text (一、, （一）, 1.).
        let next = body_lines(&pages[i + 1])[0].text();
        let mut chars = next.chars();
        let digits = next.trim_start_matches(|c: char| c.is_ascii_digit());
        let heading = match chars.next() {
            Some('（') => chars
                .next()
                .is_some_and(|c| "一二三四五六七八九十".contains(c)),
            Some(c) if c.is_ascii_digit() => digits.starts_with('.'),
            Some(c) => "一二三四五六七八九十".contains(c) && next.contains('、'),
            None => false,
        };
        if heading {
            continue;
        }
        full += 1;
        let body = body_lines(page);
        let last = body.last().unwrap();
        assert!(
            close(em_bottom(last), BOTTOM, TOL),
            "page {}: last em-box bottom {:.3} mm",
            i + 1,
            em_bottom(last)
        );
        // Every line sits on the grid: slot k at 37 mm + k × pitch.
        let mut slots = std::collections::BTreeSet::new();
        for l in &body {
            let k = (em_top(l) - TOP) / PITCH;
            assert!(
                (k - k.round()).abs() < 0.02,
                "page {}: line off the grid (slot {k:.3})",
                i + 1
            );
            slots.insert(k.round() as i64);
        }
        assert_eq!(*slots.iter().next().unwrap(), if i == 0 { 3 } else { 0 });
        assert_eq!(
            *slots.iter().last().unwrap(),
            21,
            "page {}: 22 grid lines",
            i + 1
        );
    }
    assert!(full > 20, "{full} full pages");
}

#[test]
fn lines_start_at_28mm_and_end_at_184mm() {
    let pages = pages(seed());
    let mut justified = 0;
    let full: Vec<String> = full_lines(&pages).iter().map(|l| l.text()).collect();
    for (i, page) in pages.iter().enumerate() {
        for l in body_lines(page) {
            // Nothing hangs outside the 版心, punctuation included.
            assert!(
                mm(l.left()) >= LEFT - TOL,
                "page {}: {:?} starts at {:.3}",
                i + 1,
                l.text(),
                mm(l.left())
            );
            assert!(
                mm(l.right()) <= RIGHT + TOL,
                "page {}: {:?} ends at {:.3}",
                i + 1,
                l.text(),
                mm(l.right())
            );
            // A line starts flush left, or two characters in (左空二字).
            let indent = (mm(l.left()) - LEFT) / CELL;
            if indent < 2.5 {
                assert!(
                    close(indent, 0.0, TOL / CELL) || close(indent, 2.0, TOL / CELL),
                    "page {}: {:?} indented {indent:.3} characters",
                    i + 1,
                    l.text()
                );
            }
            if full.contains(&l.text()) {
                assert!(
                    close(mm(l.right()), RIGHT, TOL),
                    "{:?} ends at {:.3} mm",
                    l.text(),
                    mm(l.right())
                );
                justified += 1;
            }
        }
        let min_left = body_lines(page)
            .iter()
            .map(|l| mm(l.left()))
            .fold(f64::MAX, f64::min);
        assert!(
            close(min_left, LEFT, TOL),
            "page {}: leftmost text at {min_left:.3} mm",
            i + 1
        );
    }
    assert!(justified > 500, "only {justified} full lines found");
}

/// The lines of the 正文 that are not the last of their paragraph: those
/// followed by a continuation line, which starts flush left at 28 mm (a
/// paragraph's first line is indented two characters).
fn full_lines(pages: &[Vec<Line>]) -> Vec<&Line> {
    let lines: Vec<&Line> = pages.iter().flat_map(|p| body_lines(p)).collect();
    lines
        .windows(2)
        .filter(|w| close(mm(w[1].left()), LEFT, TOL) && mm(w[0].left()) < LEFT + 2.0 * CELL + TOL)
        .map(|w| w[0])
        .collect()
}

/// The width in cells of the unit a line cannot be broken inside of, at
/// the start of `line` (half a cell for an ASCII character).
fn leading_unit_cells(line: &[char]) -> f64 {
    let cell = |c: char| if c.is_ascii() { 0.5 } else { 1.0 };
    let (mut i, mut w) = (0, 0.0);
    while i < line.len() && no_line_end(line[i]) {
        w += cell(line[i]);
        i += 1;
    }
    // A number with its 年/月/日: (end, width) of the one starting at `i`.
    let number = |mut i: usize| {
        let mut w = 0.0;
        while i < line.len() && line[i].is_ascii_graphic() {
            w += 0.5;
            i += 1;
        }
        if i < line.len() && matches!(line[i], '年' | '月' | '日') {
            w += 1.0;
            i += 1;
        }
        (i, w)
    };
    if i < line.len() && line[i].is_ascii_graphic() {
        let (end, width) = number(i);
        (i, w) = (end, w + width);
        // A range: its 连接号 and the number after it go with it.
        if i + 1 < line.len() && RANGE_DASHES.contains(&line[i]) && line[i + 1].is_ascii_digit() {
            let (end, width) = number(i + 1);
            (i, w) = (end, w + 1.0 + width);
        }
    } else if i < line.len() {
        w += cell(line[i]);
        i += 1;
    }
    while i < line.len() && no_line_start(line[i]) {
        w += cell(line[i]);
        i += 1;
    }
    w
}

#[test]
fn full_lines_of_full_width_text_hold_28_characters() {
    let pages = pages(seed());
    let lines: Vec<&Line> = pages.iter().flat_map(|p| body_lines(p)).collect();
    let mut checked = 0;
    let mut pushed_out = 0;
    let full: Vec<*const Line> = full_lines(&pages)
        .into_iter()
        .map(|l| l as *const Line)
        .collect();
    for (k, l) in lines.iter().enumerate() {
        if !full.contains(&(*l as *const Line)) || !full_width_only(l) {
            continue;
        }
        let indent = ((mm(l.left()) - LEFT) / CELL).round() as usize;
        let cells = indent + l.chars();
        checked += 1;
        if cells == 28 {
            continue;
        }
        // The one exception: 推出. The next line's leading unbreakable unit
        // (opening marks with what follows, a number with its 年/月/日, a
        // character with the closing marks after it) did not fit.
        let next: Vec<char> = lines[k + 1].text().chars().collect();
        let why = cells < 28 && cells as f64 + leading_unit_cells(&next) > 28.0;
        assert!(
            why,
            "{:?}: {cells} cells; next line {:?}",
            l.text(),
            lines[k + 1].text()
        );
        pushed_out += 1;
    }
    assert!(
        checked > 300,
        "only {checked} full lines of full-width text"
    );
    // Push-outs are the exception, not the rule.
    assert!(
        pushed_out * 5 < checked,
        "{pushed_out} of {checked} lines pushed out"
    );
    for l in &lines {
        let cs: Vec<char> = l.text().chars().collect();
        assert!(
            !no_line_start(cs[0]),
            "line starts with closing punctuation: {:?}",
            l.text()
        );
        assert!(
            !no_line_end(*cs.last().unwrap()),
            "line ends with opening punctuation: {:?}",
            l.text()
        );
    }
}

/// 连接号 between the numbers of a range (GB/T 15834 4.13).
const RANGE_DASHES: [char; 4] = ['—', '–', '－', '～'];

#[test]
fn a_range_keeps_its_dash_with_the_numbers() {
    // The range at every position of a line: its 连接号 never ends a line
    // and never starts one; `2027—2029年` is on one line.
    let mut yaml = String::from(
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n",
    );
    for pad in 0..28 {
        yaml.push_str(&format!(
            "  - {}（2027—2029年）和3月5日—3月31日期间{}。\n",
            "国".repeat(pad),
            "国".repeat(28 - pad)
        ));
    }
    let doc = common::typeset_yaml(&yaml);
    let pages = pages(&doc);
    let lines: Vec<String> = pages
        .iter()
        .flat_map(|p| body_lines(p))
        .map(Line::text)
        .collect();
    let mut found = 0;
    for l in &lines {
        let cs: Vec<char> = l.chars().collect();
        assert!(
            !RANGE_DASHES.contains(cs.last().unwrap()),
            "line ends with a dash: {l:?}"
        );
        assert!(
            !RANGE_DASHES.contains(&cs[0]),
            "line starts with a dash: {l:?}"
        );
        found += l.matches("2027—2029年").count();
    }
    assert_eq!(found, 28, "2027—2029年 split somewhere");
    // The dash of 3月5日—3月31日 is with 5日 and 3月 every time.
    let joined = lines.concat();
    assert_eq!(joined.matches("5日—3月").count(), 28);
    assert_eq!(
        lines.iter().filter(|l| l.contains("5日—3月")).count(),
        28,
        "5日—3月 split somewhere"
    );
}

#[test]
fn numbers_and_addresses_stay_whole() {
    let text: Vec<String> = pages(seed()).iter().flatten().map(Line::text).collect();
    for unit in ["2019年", "32.4%", "84368824", "dlshkqw@sina.com", "89%"] {
        let whole = text.iter().any(|l| l.contains(unit));
        let somewhere = text.concat().contains(unit);
        assert!(!somewhere || whole, "{unit} is split across lines");
    }
    assert!(text.iter().any(|l| l.contains("dlshkqw@sina.com")));
    assert!(text.iter().any(|l| l.contains("84368824")));
}

#[test]
fn title_is_2hao_centred_in_two_lines() {
    let pages = pages(seed());
    let title: Vec<&Line> = pages[0]
        .iter()
        .filter(|l| (l.size - 22.0).abs() < 0.01)
        .collect();
    assert_eq!(title.len(), 2);
    assert_eq!(
        title.iter().map(|l| l.text()).collect::<String>(),
        "中共大连市沙河口区委关于省委巡视整改情况的通报"
    );
    for l in &title {
        // Centred in the 版心 (28 + 156/2 = 106 mm from the paper's left).
        let centre = mm(l.left() + l.right()) / 2.0;
        assert!(
            close(centre, CENTRE, TOL),
            "{:?} centred at {centre:.3} mm",
            l.text()
        );
        assert!(
            l.glyphs
                .iter()
                .all(|g| g.family == "Noto Serif CJK SC" && g.weight == 700)
        );
    }
    // The title's lines one pitch apart, each em box starting at the top of
    // a grid line; one blank line between title and body (§7.3.1/§7.3.3):
    // the body's first line two pitches below the last title line.
    let title_top = |l: &Line| mm(l.baseline - 0.88 * 22.0);
    assert!(close(
        title_top(title[1]) - title_top(title[0]),
        PITCH,
        0.02
    ));
    let first_body = body_lines(&pages[0])[0];
    let gap = em_top(first_body) - title_top(title[1]);
    assert!(close(gap, 2.0 * PITCH, 0.02), "title to body: {gap:.3} mm");
}

#[test]
fn a_long_title_stays_inside_the_block_and_the_body_on_the_grid() {
    let body = "国".repeat(26 + 28 * 45);
    let title =
        "青山县人民政府办公室关于印发《青山县2027—2029年农村公路建设和养护三年行动方案》的通知";
    let doc = common::typeset_yaml(&format!(
        "kind: 通知\ntitle: {title}\nissuer: 青山县人民政府办公室\ndate: 2027-03-05\nbody:\n  - {body}\n  - 特此通知。\n"
    ));
    let pages = pages(&doc);
    let lines: Vec<&Line> = pages[0]
        .iter()
        .filter(|l| (l.size - 22.0).abs() < 0.01)
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines.iter().map(|l| l.text()).collect::<String>(), title);
    for (k, l) in lines.iter().enumerate() {
        let top = mm(l.baseline - 0.88 * 22.0);
        assert!(top >= TOP - 0.01, "title line {k} em top {top:.3} mm");
        assert!(
            close(top, TOP + k as f64 * PITCH, 0.02),
            "title line {k} at {top:.3} mm"
        );
        // Within the 版心's width and centred in it. (An opening mark that
        // starts a title line is set half-width, its ink in the right half
        // of its em box: the line's box starts after its first half.)
        let first = &l.glyphs[0];
        let last = l.glyphs.last().unwrap();
        let left = mm(first.x + first.natural - first.advance);
        let right = mm(last.x + last.advance);
        assert!(
            left >= LEFT - 0.01 && right <= RIGHT + 0.01,
            "{:?}",
            l.text()
        );
        let centre = (left + right) / 2.0;
        assert!(
            close(centre, CENTRE, 0.1),
            "{:?} centred at {centre:.2}",
            l.text()
        );
    }
    // The body: grid lines 5 to 22 of page 1, then 22 lines a page.
    let body = body_lines(&pages[0]);
    assert_eq!(body.len(), 22 - 4);
    for (k, l) in body.iter().enumerate() {
        assert!(
            close(em_top(l), TOP + (k + 4) as f64 * PITCH, 0.02),
            "body line {k}"
        );
    }
    let p2 = body_lines(&pages[1]);
    assert_eq!(p2.len(), 22);
    assert!(close(em_top(p2[0]), TOP, 0.02) && close(em_bottom(p2[21]), BOTTOM, 0.05));
}

fn line_starting<'a>(pages: &'a [Vec<Line>], prefix: &str) -> &'a Line {
    pages
        .iter()
        .flatten()
        .find(|l| l.text().starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix}"))
}

#[test]
fn each_role_has_its_typeface() {
    let pages = pages(seed());
    let family_of = |prefix: &str, ch: &str| {
        let l = line_starting(&pages, prefix);
        l.glyphs
            .iter()
            .find(|g| g.text == ch)
            .unwrap()
            .family
            .clone()
    };
    // 一、 黑体; （一） 楷体; 1. and （1） 仿宋; body 仿宋 (§7.3.3).
    assert_eq!(family_of("一、坚持政治引领", "坚"), "Noto Sans CJK SC");
    assert_eq!(family_of("（一）提高政治站位", "提"), "Gongwen Kai");
    assert_eq!(family_of("1.学习浮于面上", "学"), "FandolFang R");
    assert_eq!(family_of("（1）对中心组学习", "对"), "FandolFang R");
    assert_eq!(family_of("根据省委", "根"), "FandolFang R");
    // Latin digits in body text: Liberation Serif (Times New Roman's metrics).
    assert_eq!(family_of("根据省委", "2"), "Liberation Serif");
    // Headings are not bold (§7.3.3 gives only the typeface).
    let h1 = line_starting(&pages, "一、坚持政治引领");
    assert!(h1.glyphs.iter().all(|g| g.weight <= 500));
}

#[test]
fn signature_and_date_without_seal() {
    let pages = pages(seed());
    let last = pages.last().unwrap();
    let body = body_lines(last);
    let sig = body
        .iter()
        .find(|l| l.text() == "中共大连市沙河口区委")
        .expect("署名");
    let date = body
        .iter()
        .find(|l| l.text() == "2019年8月14日")
        .expect("成文日期");
    // 署名 右空二字 (§7.3.5.2).
    assert!(
        close(mm(sig.right()), RIGHT - 2.0 * CELL, TOL),
        "署名 ends at {:.3}",
        mm(sig.right())
    );
    // The date on the next line, its first character two characters right of
    // the 署名's first.
    assert!(close(mm(date.baseline - sig.baseline), PITCH, 0.05));
    assert!(
        close(mm(date.left() - sig.left()), 2.0 * CELL, TOL),
        "date shift {:.3}",
        mm(date.left() - sig.left())
    );
    // One blank line between the body and the 署名.
    let i = body.iter().position(|l| std::ptr::eq(*l, *sig)).unwrap();
    assert!(i > 0, "the 署名 is not alone at the top of the page");
    assert!(close(
        mm(sig.baseline - body[i - 1].baseline),
        2.0 * PITCH,
        0.05
    ));
    assert!(body[i - 1].text().ends_with("dlshkqw@sina.com"));
}

#[test]
fn page_numbers_are_4hao_song_outside_the_block() {
    let pages = pages(seed());
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let numbers: Vec<&Line> = page
            .iter()
            .filter(|l| (l.size - 14.0).abs() < 0.01)
            .collect();
        assert_eq!(numbers.len(), 1, "page {n}");
        let l = numbers[0];
        assert_eq!(l.text(), format!("\u{2014} {n} \u{2014}"), "page {n}");
        assert!(
            l.glyphs
                .iter()
                .all(|g| g.family == "Noto Serif CJK SC" && g.weight == 400)
        );
        // Half-width digits (§7.5 "半角").
        for g in l
            .glyphs
            .iter()
            .filter(|g| g.text.chars().all(|c| c.is_ascii_digit()))
        {
            assert!(close(g.advance, 7.0, 0.01), "digit advance {}", g.advance);
        }
        // The dashes are full 一字线 (one em).
        for g in l.glyphs.iter().filter(|g| g.text == "\u{2014}") {
            assert!(close(g.advance, 14.0, 0.01), "dash advance {}", g.advance);
        }
        if n % 2 == 1 {
            // 单页码居右空一字.
            assert!(
                close(mm(l.right()), RIGHT - CELL, TOL),
                "page {n}: right {:.3}",
                mm(l.right())
            );
        } else {
            // 双页码居左空一字.
            assert!(
                close(mm(l.left()), LEFT + CELL, TOL),
                "page {n}: left {:.3}",
                mm(l.left())
            );
        }
        // Below the 版心.
        assert!(mm(l.baseline) > BOTTOM + 7.0);
    }
}

#[test]
fn the_date_never_starts_a_page_alone() {
    let doc = common::typeset_yaml(&common::signature_at_page_end_yaml());
    let pages = pages(&doc);
    let page_of = |text: &str| {
        pages
            .iter()
            .position(|p| p.iter().any(|l| l.text() == text))
            .unwrap()
    };
    let (sig, date) = (page_of("测试机关"), page_of("2020年1月2日"));
    assert_eq!(sig, date, "署名 and 成文日期 on different pages");
    // The 署名 did not go alone either: body lines came with it (§7.3.5.5).
    let body_lines_there = body_lines(&pages[sig])
        .iter()
        .filter(|l| l.text().starts_with('国'))
        .count();
    assert!(body_lines_there >= 1, "the 署名's page has no body text");
    // Without the rule the signature would have been line 22 of page 1.
    assert_eq!(sig, 1);
}

#[test]
fn addressees_attachments_note_and_joint_issuers() {
    let yaml = "kind: 通知\ntitle: 关于测试的通知\naddressees: [各区人民政府, 市政府各部门]\n\
                body:\n  - 正文。\nattachments: [值班表, 联系人名单]\n\
                issuer: [甲市人民政府, 乙市人民政府办公厅]\ndate: 2020-01-02\nnote: 此件公开发布\n";
    let doc = common::typeset_yaml(yaml);
    let pages = pages(&doc);
    let lines = body_lines(&pages[0]);
    let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
    assert_eq!(
        texts,
        [
            "各区人民政府，市政府各部门：",
            "正文。",
            "附件：1.值班表",
            "2.联系人名单",
            "甲市人民政府",
            "乙市人民政府办公厅",
            "2020年1月2日",
            "（此件公开发布）"
        ]
    );
    let slot = |l: &Line| ((em_top(l) - TOP) / PITCH).round() as i64;
    let slots: Vec<i64> = lines.iter().map(|l| slot(l)).collect();
    // Title on line 1; 主送机关 one blank line below it (§7.3.2), the body
    // right after; 附件说明 one blank line below the body (§7.3.4); the 署名
    // one blank line below that (§7.3.5.2); date, then 附注 on the next
    // lines (§7.3.6).
    assert_eq!(slots, [2, 3, 5, 6, 8, 9, 10, 11]);
    // 主送机关 flush left, with a full-width colon (U+FF1A).
    assert!(close(mm(lines[0].left()), LEFT, TOL));
    assert!(texts[0].ends_with('\u{FF1A}'));
    // 附件说明 左空二字; the second name aligned under the first name.
    assert!(close(mm(lines[2].left()), LEFT + 2.0 * CELL, TOL));
    let first_name = lines[2].glyphs.iter().find(|g| g.text == "1").unwrap();
    assert!(
        close(mm(lines[3].left()), mm(first_name.x), TOL),
        "{:.2} vs {:.2}",
        mm(lines[3].left()),
        mm(first_name.x)
    );
    // Joint issuers: each 署名 ends 右空二字... at the same right edge.
    assert!(close(mm(lines[4].right()), RIGHT - 2.0 * CELL, TOL));
    assert!(close(mm(lines[5].right()), RIGHT - 2.0 * CELL, TOL));
    // The date starts two characters right of the (longest) 署名's start.
    assert!(close(
        mm(lines[6].left() - lines[5].left()),
        2.0 * CELL,
        TOL
    ));
    // 附注 左空二字, in full-width parentheses.
    assert!(close(mm(lines[7].left()), LEFT + 2.0 * CELL, TOL));
    assert!(texts[7].starts_with('\u{FF08}') && texts[7].ends_with('\u{FF09}'));
}

mod generated {
    //! Invariants of the PDF writer on generated documents: any mix of
    //! hanzi, punctuation (adjacent marks included), numbers, dates, Latin
    //! words and e-mail addresses.
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => proptest::sample::select(vec!["国", "务", "院", "办", "公", "厅", "关", "于", "进", "一", "步", "加", "强"])
                .prop_map(str::to_string),
            3 => proptest::sample::select(vec!["，", "。", "、", "；", "：", "？", "！", "”。", "》，", "）、"])
                .prop_map(str::to_string),
            1 => proptest::sample::select(vec!["“", "《", "（"]).prop_map(str::to_string),
            1 => (1900u32..2100).prop_map(|y| format!("{y}年")),
            1 => (0u32..100_000).prop_map(|n| format!("{n}.{}%", n % 10)),
            1 => proptest::sample::select(vec!["GB/T 9704", "dlshkqw@sina.com", "OECD", "——", "……"])
                .prop_map(str::to_string),
        ]
    }

    fn paragraph() -> impl Strategy<Value = String> {
        proptest::collection::vec(piece(), 1..120).prop_map(|v| {
            // Opening marks need something after them.
            let mut s = v.concat();
            s.push('。');
            s
        })
    }

    proptest! {
        #![proptest_config(crate::common::proptest_config(48))]

        #[test]
        fn lines_stay_on_the_grid_and_text_survives(paras in proptest::collection::vec(paragraph(), 1..12)) {
            let mut yaml = String::from("kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n");
            for p in &paras {
                yaml.push_str(&format!("  - {}\n", serde_json::to_string(p).unwrap()));
            }
            let doc = common::typeset_yaml(&yaml);
            let pages = pages(&doc);
            let mut text = String::new();
            for (i, page) in pages.iter().enumerate() {
                for l in body_lines(page) {
                    let t = l.text();
                    let cs: Vec<char> = t.chars().collect();
                    prop_assert!(mm(l.left()) >= LEFT - TOL, "page {}: {t:?} starts at {:.2}", i + 1, mm(l.left()));
                    prop_assert!(mm(l.right()) <= RIGHT + TOL, "page {}: {t:?} ends at {:.2}", i + 1, mm(l.right()));
                    // A continuation line (flush left) never starts with a
                    // closing mark; a paragraph's first line starts with
                    // whatever the author wrote.
                    let continuation = (mm(l.left()) - LEFT).abs() < TOL;
                    prop_assert!(!continuation || !no_line_start(cs[0]), "line starts with {:?}: {t:?}", cs[0]);
                    prop_assert!(!no_line_end(*cs.last().unwrap()), "line ends with {:?}: {t:?}", cs.last());
                    let k = (em_top(l) - TOP) / PITCH;
                    prop_assert!((k - k.round()).abs() < 0.02 && k.round() <= 21.0, "page {}: off the grid at {k:.3}", i + 1);
                    text.push_str(&t);
                }
            }
            let want: String = paras.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let got: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert!(got.starts_with(&want), "text lost:\n got {got}\nwant {want}");
        }
    }
}

pub mod header {
    //! 版头 (§7.2) on page 1, measured against the standard's numbers.
    use super::*;

    pub const DOC: &str = "kind: 通知\ncopy_number: \"000017\"\nclassification: {level: 秘密, period: 1年}\n\
        urgency: 特急\nissuer_mark: ××市人民政府文件\ndoc_number: ×政发〔2020〕1号\n\
        title: 关于做好安全工作的通知\nbody:\n  - 正文。\nissuer: ××市人民政府\ndate: 2019-12-20\n";

    fn line_with<'a>(page: &'a [Line], text: &str) -> &'a Line {
        page.iter()
            .find(|l| l.text() == text)
            .unwrap_or_else(|| panic!("no line {text:?}"))
    }

    #[test]
    fn corner_mark_number_separator_and_title() {
        let doc = common::typeset_yaml(DOC);
        let pages = pages(&doc);
        let p = &pages[0];
        // 份号, 密级和保密期限, 紧急程度: flush left on lines 1, 2, 3 (§7.2.1–3).
        for (k, text) in ["000017", "秘密★1年", "特急"].iter().enumerate() {
            let l = line_with(p, text);
            assert!(
                close(mm(l.left()), LEFT, TOL),
                "{text} at {:.2}",
                mm(l.left())
            );
            assert!(
                close(em_top(l), TOP + k as f64 * PITCH, 0.05),
                "{text}: {:.2}",
                em_top(l)
            );
        }
        assert_eq!(
            line_with(p, "秘密★1年").glyphs[0].family,
            "Noto Sans CJK SC"
        );
        // 发文机关标志: top 35 mm below the 版心 (72 mm), centred, red (§7.2.4).
        let mark = line_with(p, "××市人民政府文件");
        let top = mm(mark.baseline - 0.88 * mark.size);
        assert!(close(top, MARK_TOP, TOL), "mark top {top:.2}");
        assert!(close(mm(mark.left() + mark.right()) / 2.0, CENTRE, TOL));
        assert!(
            mark.size <= 42.0 && mark.size > 22.0,
            "mark size {}",
            mark.size
        );
        assert!(
            mark.glyphs.iter().all(|g| g.fill.contains("Cmyk")),
            "{}",
            mark.glyphs[0].fill
        );
        // 发文字号: two blank lines below the mark, centred (§7.2.5).
        let number = line_with(p, "×政发〔2020〕1号");
        let mark_bottom = mm(mark.baseline + 0.12 * mark.size);
        let gap = em_top(number) - mark_bottom;
        let expected = 2.0 * PITCH + (PITCH - mm(16.0));
        assert!(
            close(gap, expected, 0.1),
            "mark to number {gap:.2} mm, want {expected:.2}"
        );
        assert!(close(mm(number.left() + number.right()) / 2.0, CENTRE, TOL));
        // The red separator: 4 mm below the 发文字号, as wide as the 版心 (§7.2.7).
        let rules = common::rules(&doc);
        let rule = &rules[0][0];
        let number_bottom = mm(number.baseline + 0.12 * 16.0);
        let rule_top = mm(rule.y - rule.thickness / 2.0);
        assert!(
            close(rule_top - number_bottom, 4.0, 0.1),
            "separator {:.2} mm below",
            rule_top - number_bottom
        );
        assert!(close(mm(rule.x), LEFT, 0.01) && close(mm(rule.length), BLOCK_W, 0.01));
        assert!(rule.paint.contains("Cmyk"), "{}", rule.paint);
        // 标题: at least two lines below the separator, on the body grid.
        let title = p.iter().find(|l| (l.size - 22.0).abs() < 0.01).unwrap();
        let title_top = mm(title.baseline - 0.88 * 22.0);
        let slot = (title_top - TOP) / PITCH;
        assert!(
            (slot - slot.round()).abs() < 0.02,
            "title off the grid: {slot:.3}"
        );
        // Two full lines below the separator's lower edge, and no more
        // than one further line (the next grid line).
        let rule_bottom = mm(rule.y + rule.thickness / 2.0);
        assert!(
            title_top - rule_bottom >= 2.0 * PITCH - 0.01
                && title_top - rule_bottom < 3.0 * PITCH + 0.01,
            "title {:.2} mm below the separator",
            title_top - rule_bottom
        );
        // The body continues on the grid.
        for l in body_lines(p).iter().filter(|l| l.text() == "正文。") {
            let k = (em_top(l) - TOP) / PITCH;
            assert!((k - k.round()).abs() < 0.02);
        }
    }

    #[test]
    fn upward_documents_put_number_and_signers_on_one_line() {
        let doc = common::typeset_yaml(
            "kind: 请示\nissuer_mark: ××市人民政府\ndoc_number: ×政〔2020〕3号\nsigners: [张三, 李四, 王五]\n\
             title: 关于申请经费的请示\nbody:\n  - 正文。\nissuer: ××市人民政府\ndate: 2019-12-20\n",
        );
        let pages = pages(&doc);
        let p = &pages[0];
        // 签发人 居右空一字, two names a line; 楷体 names (§7.2.6).
        let first = p
            .iter()
            .find(|l| l.text().starts_with("签发人："))
            .expect("签发人 line");
        assert!(
            close(mm(first.right()), RIGHT - CELL, TOL),
            "签发人 ends at {:.2}",
            mm(first.right())
        );
        let name = first.glyphs.iter().find(|g| g.text == "张").unwrap();
        assert_eq!(name.family, "Gongwen Kai");
        // 发文字号 居左空一字 on the last 签发人 line (§7.2.5).
        let last = p
            .iter()
            .find(|l| l.text().contains("王五"))
            .expect("second 签发人 line");
        let number = last.glyphs.first().unwrap();
        assert!(
            close(mm(number.x), LEFT + CELL, TOL),
            "发文字号 starts at {:.2}",
            mm(number.x)
        );
        assert!(
            last.text().starts_with("×政〔2020〕3号"),
            "{:?}",
            last.text()
        );
        assert!(close(mm(last.baseline - first.baseline), PITCH, 0.05));
        // A wrapped 签发人 line aligns with the first line's first name.
        let wang = last.glyphs.iter().find(|g| g.text == "王").unwrap();
        assert!(
            close(mm(wang.x), mm(name.x), 0.1),
            "王五 at {:.2}, 张三 at {:.2}",
            mm(wang.x),
            mm(name.x)
        );
    }
}

mod record {
    //! 版记 (§7.4) at the foot of the last page.
    use super::*;

    const DOC: &str = "kind: 通知\ntitle: 关于做好安全工作的通知\nbody:\n  - 正文。\nissuer: ××市人民政府\n\
        date: 2019-12-20\ncc: [市委各部门, 市人大常委会办公厅, 市政协办公厅, 市法院, 市检察院, 各人民团体, 驻市部队, 各大型企业]\n\
        printing: {organ: ××市人民政府办公厅, date: 2019-12-21}\n";

    #[test]
    fn rules_rows_and_insets() {
        let doc = common::typeset_yaml(DOC);
        let pages = pages(&doc);
        let last = pages.last().unwrap();
        let rules = &common::rules(&doc)[pages.len() - 1];
        assert_eq!(rules.len(), 3, "thick, thin, thick: {rules:?}");
        let ys: Vec<f64> = rules.iter().map(|r| mm(r.y)).collect();
        // The last rule lies on the 版心's bottom edge (§7.4.1).
        assert!(close(ys[2], BOTTOM, 0.05), "last rule at {:.2}", ys[2]);
        for r in rules {
            assert!(close(mm(r.x), LEFT, 0.01) && close(mm(r.length), BLOCK_W, 0.01));
        }
        let thickness: Vec<f64> = rules.iter().map(|r| mm(r.thickness)).collect();
        assert!(
            close(thickness[0], 0.35, 0.01)
                && close(thickness[1], 0.25, 0.01)
                && close(thickness[2], 0.35, 0.01)
        );
        // 4号 rows: 抄送 (wrapped, aligned after the colon), then 印发.
        let rows: Vec<&Line> = last
            .iter()
            .filter(|l| (l.size - 14.0).abs() < 0.01 && !l.text().starts_with('\u{2014}'))
            .collect();
        assert!(
            rows.len() >= 3,
            "{:?}",
            rows.iter().map(|l| l.text()).collect::<Vec<_>>()
        );
        let cc = rows[0];
        assert!(cc.text().starts_with("抄送："));
        assert!(close(mm(cc.left()), LEFT + CELL, TOL));
        let colon = cc.glyphs.iter().position(|g| g.text == "：").unwrap();
        let after = &cc.glyphs[colon + 1];
        assert!(
            close(mm(rows[1].left()), mm(after.x), 0.1),
            "wrapped 抄送 at {:.2}, names at {:.2}",
            mm(rows[1].left()),
            mm(after.x)
        );
        let all: String = rows.iter().map(|l| l.text()).collect();
        assert!(
            all.contains("各大型企业。"),
            "a full stop after the last name: {all}"
        );
        // 印发机关 左空一字, 印发日期 右空一字 with 印发 (§7.4.3).
        let printing = rows.last().unwrap();
        assert!(
            printing.text().starts_with("××市人民政府办公厅")
                && printing.text().ends_with("2019年12月21日印发")
        );
        assert!(close(mm(printing.left()), LEFT + CELL, TOL));
        assert!(
            close(mm(printing.right()), RIGHT - CELL, TOL),
            "印发日期 ends at {:.2}",
            mm(printing.right())
        );
        // Each row sits between its rules; the body stays above the first.
        assert!(mm(printing.baseline) < ys[2] && mm(printing.baseline) > ys[1]);
        for l in body_lines(last) {
            assert!(
                mm(l.baseline + 0.12 * 16.0) < ys[0],
                "{:?} runs into the 版记",
                l.text()
            );
        }
    }

    #[test]
    fn without_room_it_goes_to_the_foot_of_the_next_page() {
        let yaml = common::signature_at_page_end_yaml()
            + "cc: [各部门]\nprinting: {organ: 测试机关办公室, date: 2020-01-03}\n";
        let doc = common::typeset_yaml(&yaml);
        let rules = common::rules(&doc);
        let pages = pages(&doc);
        let last = rules.len() - 1;
        assert_eq!(rules[last].len(), 3);
        assert!(
            close(mm(rules[last][2].y), BOTTOM, 0.05),
            "last rule at {:.2}",
            mm(rules[last][2].y)
        );
        // Nothing of the 版记 is left on the page before.
        assert!(rules[last - 1].is_empty());
        assert!(
            pages[last - 1]
                .iter()
                .all(|l| !l.text().starts_with("抄送"))
        );
    }
}

mod record_wrapping {
    //! The 抄送 of a short 转发 notice wraps between names (§7.4.2).
    use super::*;

    #[test]
    fn cc_wraps_between_names() {
        let doc = common::typeset_yaml(&common::forwarding_notice_yaml(true));
        let pages = pages(&doc);
        let rows: Vec<String> = pages
            .last()
            .unwrap()
            .iter()
            .filter(|l| (l.size - 14.0).abs() < 0.01 && !l.text().contains("印发"))
            .map(Line::text)
            .filter(|t| !t.starts_with('\u{2014}'))
            .collect();
        assert!(rows.len() >= 2, "{rows:?}");
        assert!(rows[0].starts_with("抄送："));
        for r in &rows {
            assert!(
                r.ends_with('，') || r.ends_with('。'),
                "{r:?} breaks inside a name"
            );
        }
        assert_eq!(
            rows.concat(),
            "抄送：市委各部门，市人大常委会办公室，市政协办公室，市监委，市法院，市检察院，滨江军分区，市商务局，市发展和改革委员会。"
        );
    }
}

mod closing_keep {
    //! §7.3.5.5 keeps the closing with the 正文's last lines, never with
    //! the whole 正文: page 1 of a short notice keeps its text.
    use super::*;

    fn body_lines_of(p: &[Line]) -> Vec<&Line> {
        p.iter()
            .filter(|l| (l.size - 16.0).abs() < 0.01 && !l.text().starts_with('\u{2014}'))
            .collect()
    }

    #[test]
    fn page_one_keeps_its_body_and_two_lines_go_with_the_closing() {
        let doc = common::typeset_yaml(&common::forwarding_notice_yaml(true));
        let pages = pages(&doc);
        let body = "现将《江淮省人民政府办公厅关于进一步加强城乡建设用地增减挂钩节余指标跨省域调剂管理工作的通知》转发给你们，请结合实际认真贯彻落实。各地各部门要高度重视，明确责任分工，细化工作措施，确保各项任务落到实处。执行中遇到的问题，请及时向市自然资源和规划局反映。市自然资源和规划局要加强统筹协调和督促指导，定期通报工作进展情况。";
        let sig = pages
            .iter()
            .position(|p| p.iter().any(|l| l.text() == "滨江市人民政府办公室"))
            .unwrap();
        assert_eq!(sig, 1, "the closing does not fit on page 1");
        // Page 1 keeps the body's first lines, the 署名's page starts with
        // its last two.
        let on1: String = body_lines_of(&pages[0])
            .iter()
            .filter(|l| body.contains(&l.text()))
            .map(|l| l.text())
            .collect();
        assert!(
            body.starts_with(&on1) && on1.chars().count() > 28,
            "page 1: {on1}"
        );
        let on2: Vec<String> = body_lines_of(&pages[1])
            .iter()
            .map(|l| l.text())
            .filter(|t| body.contains(t.as_str()))
            .collect();
        assert_eq!(on2.len(), 2, "{on2:?}");
        assert_eq!(format!("{on1}{}", on2.concat()), body);
        // The line before the break is justified to the full measure, and
        // the page after it starts on line 1 of the grid.
        let last1 = *body_lines_of(&pages[0]).last().unwrap();
        assert!(
            close(mm(last1.right()), RIGHT, 0.3),
            "{:.2}",
            mm(last1.right())
        );
        assert!(
            close(em_top(&pages[1][0]), TOP, 0.05),
            "{:.2}",
            em_top(&pages[1][0])
        );
    }

    #[test]
    fn a_closing_at_the_page_end_takes_two_lines_along() {
        // The 署名 falls on line 22 of page 1, so the date would start page
        // 2 alone: the body's last two lines go with both.
        let doc = common::typeset_yaml(&common::signature_at_page_end_yaml());
        let pages = pages(&doc);
        assert_eq!(pages.len(), 2);
        let on2 = body_lines_of(&pages[1]);
        let texts: Vec<String> = on2.iter().map(|l| l.text()).collect();
        assert!(texts.iter().any(|t| t == "测试机关") && texts.iter().any(|t| t == "2020年1月2日"));
        assert_eq!(
            texts
                .iter()
                .filter(|t| t.chars().all(|c| c == '国'))
                .count(),
            2,
            "{texts:?}"
        );
        // Page 1 still ends on its 20th line of text (title, blank, 18
        // lines less the two that moved: lines 1 and 3–18 hold text).
        let first = body_lines_of(&pages[0]);
        assert!(first.iter().all(|l| mm(l.right()) <= RIGHT + 0.1));
    }
}

mod record_side {
    //! Printed on both sides, the 版记 stands on the document's last side,
    //! an even page (§7.4); a blank side before it and its own side are not
    //! numbered (§7.5).
    use super::*;

    const ONE_PAGE: &str = "kind: 通知\ntitle: 关于做好春节期间值班工作的通知\naddressees: [各科室]\nbody:\n  - 春节将至，请各科室安排好值班人员，确保通讯畅通。\n\
        issuer: 滨江市应急管理局\ndate: 2027-01-20\ncc: [市委办公室, 市政府办公室]\n\
        printing: {organ: 滨江市应急管理局办公室, date: 2027-01-20}\n";

    /// The page numbers drawn on each page ("— N —" lines), by page.
    fn numbers(pages: &[Vec<Line>]) -> Vec<Option<String>> {
        pages
            .iter()
            .map(|p| {
                p.iter()
                    .map(Line::text)
                    .find(|t| t.starts_with('\u{2014}') && t.ends_with('\u{2014}'))
            })
            .collect()
    }

    fn record_page(pages: &[Vec<Line>]) -> usize {
        pages
            .iter()
            .position(|p| p.iter().any(|l| l.text().starts_with("抄送：")))
            .expect("a 版记")
    }

    #[test]
    fn after_an_odd_last_page_the_record_takes_the_back_of_the_sheet() {
        let doc = common::typeset_yaml(ONE_PAGE);
        let pages = pages(&doc);
        assert_eq!(pages.len(), 2);
        assert_eq!(record_page(&pages), 1);
        // Only the 版记 on page 2, still numbered: no blank side before it.
        assert!(
            pages[1].iter().all(|l| l.size < 15.0),
            "text on the 版记's page"
        );
        let n = numbers(&pages);
        assert!(n[0].is_some() && n[1].as_deref().is_some_and(|t| t.contains('2')));
        let rules = &common::rules(&doc)[1];
        assert!(close(mm(rules.last().unwrap().y), BOTTOM, 0.05));
    }

    #[test]
    fn single_sided_keeps_it_on_the_last_page() {
        let doc = common::typeset_yaml(&ONE_PAGE.replace("cc:", "single_sided: true\ncc:"));
        let pages = pages(&doc);
        assert_eq!(pages.len(), 1);
        assert_eq!(record_page(&pages), 0);
    }

    #[test]
    fn a_full_even_page_gets_a_blank_side_and_neither_is_numbered() {
        // 39 body lines: page 1 holds 20, page 2 the other 19, the 署名 and
        // the date on its last line; the 版记 has no room on page 2.
        let yaml = format!(
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - {}\n\
             cc: [市委各部门, 市人大常委会办公室]\nprinting: {{organ: 测试机关办公室, date: 2020-01-03}}\n",
            "国".repeat(26 + 38 * 28)
        );
        let doc = common::typeset_yaml(&yaml);
        let pages = pages(&doc);
        assert_eq!(pages.len(), 4);
        assert!(pages[1].iter().any(|l| l.text() == "2020年1月2日"));
        assert!(
            pages[2].is_empty(),
            "page 3 is blank: {:?}",
            pages[2].iter().map(Line::text).collect::<Vec<_>>()
        );
        assert_eq!(record_page(&pages), 3);
        let n = numbers(&pages);
        assert!(n[0].is_some() && n[1].is_some());
        assert_eq!((&n[2], &n[3]), (&None, &None), "{n:?}");
        let rules = &common::rules(&doc)[3];
        assert!(close(mm(rules.last().unwrap().y), BOTTOM, 0.05));
    }
}

pub mod joint_mark {
    //! The joint 发文机关标志 (§7.2.4): the organs' names stacked, the lead
    //! organ first, the suffix to their right and centred on the stack; the
    //! whole mark centred in the 版心, red, its top 35 mm below the 版心's
    //! top.
    use super::*;
    use common::Glyph;

    /// Page 1's red lines: the mark's (the page's other text is black).
    fn mark_lines(page: &[Line]) -> Vec<&Line> {
        page.iter()
            .filter(|l| l.glyphs.iter().any(|g| g.fill.contains("Cmyk")))
            .collect()
    }

    fn em_top_of(l: &Line) -> f64 {
        mm(l.baseline - 0.88 * l.size)
    }

    fn right_of(glyphs: &[Glyph]) -> f64 {
        glyphs.last().map_or(0.0, |g| mm(g.x + g.natural))
    }

    /// The mark as drawn.
    struct Drawn {
        /// Each organ's em-box top (mm) and glyphs (a line less the suffix,
        /// on the line that carries it).
        organs: Vec<(f64, Vec<Glyph>)>,
        suffix: Vec<Glyph>,
        size: f64,
    }

    fn pieces(page: &[Line], suffix: &str) -> Drawn {
        let mut drawn = Drawn {
            organs: Vec::new(),
            suffix: Vec::new(),
            size: 0.0,
        };
        let n = suffix.chars().count();
        for l in mark_lines(page) {
            drawn.size = l.size;
            let mut glyphs = l.glyphs.clone();
            if !suffix.is_empty() && l.text().ends_with(suffix) {
                drawn.suffix = glyphs.split_off(glyphs.len() - n);
            }
            if !glyphs.is_empty() {
                drawn.organs.push((em_top_of(l), glyphs));
            }
        }
        drawn
    }

    fn text(glyphs: &[Glyph]) -> String {
        glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    /// Checks the mark of `yaml` against §7.2.4; returns the mark's size
    /// (pt) and its em-box bottom (mm).
    fn check(yaml: &str, organs: &[&str], suffix: &str) -> (f64, f64) {
        let doc = common::typeset_yaml(yaml);
        let pages = pages(&doc);
        let page = &pages[0];
        let Drawn {
            organs: lines,
            suffix: suffix_glyphs,
            size,
        } = pieces(page, suffix);
        let em = mm(size);
        // The names in order, lead organ first, one a line.
        let names: Vec<String> = lines.iter().map(|(_, g)| text(g)).collect();
        assert_eq!(names, organs);
        // The first name's em box starts 35 mm below the 版心's top.
        assert!(
            close(lines[0].0, MARK_TOP, 0.05),
            "mark top {:.2}",
            lines[0].0
        );
        // Stacked at one pitch, a little more than the size (no overlap,
        // no gap that splits the mark).
        for w in lines.windows(2) {
            let pitch = w[1].0 - w[0].0;
            assert!(
                pitch >= 1.1 * em - 0.01 && pitch <= 1.2 * em + 0.01,
                "pitch {pitch:.2} mm at {em:.2} mm"
            );
            assert!(close(pitch, lines[1].0 - lines[0].0, 0.02));
        }
        // Flush with each other on both sides (each spread to the longest).
        let lefts: Vec<f64> = lines.iter().map(|(_, g)| mm(g[0].x)).collect();
        let rights: Vec<f64> = lines.iter().map(|(_, g)| right_of(g)).collect();
        for k in 1..lines.len() {
            assert!(close(lefts[k], lefts[0], 0.05), "lefts {lefts:?}");
            assert!(close(rights[k], rights[0], 0.05), "rights {rights:?}");
        }
        let stack_top = lines[0].0;
        let stack_bottom = lines.last().unwrap().0 + em;
        let left = lefts[0];
        let mut right = rights[0];
        let mut all: Vec<&Glyph> = lines.iter().flat_map(|(_, g)| g).collect();
        if !suffix.is_empty() {
            // The suffix: to the right of the names, at the mark's size,
            // its em box centred on the stack.
            assert_eq!(text(&suffix_glyphs), suffix);
            let s = &suffix_glyphs[0];
            assert!(close(s.size, size, 0.01));
            assert!(mm(s.x) > rights[0] + 0.1 * em, "suffix at {:.2}", mm(s.x));
            let s_top = mm(s.baseline - 0.88 * s.size);
            assert!(
                close(s_top + em / 2.0, (stack_top + stack_bottom) / 2.0, 0.05),
                "suffix centre {:.2}, stack centre {:.2}",
                s_top + em / 2.0,
                (stack_top + stack_bottom) / 2.0
            );
            right = right_of(&suffix_glyphs);
            all.extend(&suffix_glyphs);
        }
        // Centred in the 版心, inside it.
        assert!(
            close((left + right) / 2.0, CENTRE, 0.1),
            "{left:.2}–{right:.2}"
        );
        assert!(
            left >= LEFT - 0.01 && right <= RIGHT + 0.01,
            "{left:.2}–{right:.2}"
        );
        // Red (Y80% M80%, §6.2), in the title's face.
        for g in &all {
            assert!(g.fill.contains("Cmyk"), "{}", g.fill);
            assert_eq!(g.family, "Noto Serif CJK SC");
        }
        // 发文字号 two blank lines below the mark's bottom (§7.2.5).
        let number = page
            .iter()
            .find(|l| l.text().ends_with('号') && (l.size - 16.0).abs() < 0.01)
            .expect("a 发文字号");
        let gap = em_top(number) - stack_bottom;
        let expected = 2.0 * PITCH + (PITCH - mm(16.0));
        assert!(close(gap, expected, 0.1), "mark to number {gap:.2} mm");
        // Page 1 still carries 正文 (facts §4.3).
        assert!(
            body_lines(page)
                .iter()
                .any(|l| mm(l.left()) > LEFT + 1.5 * CELL && em_top(l) > em_top(number)),
            "no 正文 on page 1"
        );
        (size, stack_bottom)
    }

    fn yaml(mark: &str) -> String {
        format!(
            "kind: 通知\nissuer_mark:\n{mark}doc_number: 测发〔2027〕2号\ntitle: 关于联合开展检查的通知\n\
             addressees: [各有关单位]\nbody:\n  - 为做好检查工作，现将有关事项通知如下。\n  - 请认真组织实施。\n\
             issuer: 测试机关\ndate: 2027-01-05\n"
        )
    }

    #[test]
    fn three_organs_with_a_suffix_as_in_the_data_document() {
        let text = std::fs::read_to_string(common::root().join("data/joint-notice.yaml")).unwrap();
        let (size, _) = check(
            &text,
            &[
                "江淮省发展和改革委员会",
                "江淮省生态环境厅",
                "江淮省工业和信息化厅",
            ],
            "文件",
        );
        // Eleven characters, half a character and 文件 do not fit the 版心
        // at 初号: set smaller, filling it.
        assert!(size < 42.0 && size > 30.0, "size {size}");
    }

    #[test]
    fn two_short_organs_keep_chuhao_and_centre_the_suffix_between_them() {
        let (size, _) = check(
            &yaml("  organs: [滨江市商务局, 滨江市财政局]\n  suffix: 文件\n"),
            &["滨江市商务局", "滨江市财政局"],
            "文件",
        );
        assert!(close(size, 42.0, 0.01), "size {size}");
    }

    #[test]
    fn names_of_unequal_length_are_spread_and_a_mark_may_have_no_suffix() {
        check(
            &yaml(
                "  organs: [中共滨江市委组织部, 滨江市人力资源和社会保障局, 滨江市财政局, 滨江市教育局]\n",
            ),
            &[
                "中共滨江市委组织部",
                "滨江市人力资源和社会保障局",
                "滨江市财政局",
                "滨江市教育局",
            ],
            "",
        );
    }

    #[test]
    fn many_organs_are_set_smaller_so_that_page_1_keeps_its_body() {
        let organs = [
            "滨江市发展和改革委员会",
            "滨江市教育局",
            "滨江市科学技术局",
            "滨江市财政局",
            "滨江市人力资源和社会保障局",
            "滨江市市场监督管理局",
        ];
        let mark = format!("  organs: [{}]\n  suffix: 文件\n", organs.join(", "));
        let (_, bottom) = check(&yaml(&mark), &organs, "文件");
        assert!(
            bottom - MARK_TOP <= 50.0 + 0.01,
            "stack {:.2} mm tall",
            bottom - TOP - 35.0
        );
    }

    #[test]
    fn a_plain_string_is_one_line_as_before() {
        let doc =
            common::typeset_yaml(&yaml("  organs: [滨江市商务局]\n  suffix: 文件\n").replace(
                "issuer_mark:\n  organs: [滨江市商务局]\n  suffix: 文件\n",
                "issuer_mark: 滨江市商务局文件\n",
            ));
        let single = pages(&doc);
        let joint = pages(&common::typeset_yaml(&yaml(
            "  organs: [滨江市商务局]\n  suffix: 文件\n",
        )));
        // One organ with its suffix is the same one-line mark.
        for p in [&single, &joint] {
            let lines = mark_lines(&p[0]);
            assert_eq!(lines.len(), 1);
            assert_eq!(lines[0].text(), "滨江市商务局文件");
            assert!(close(em_top_of(lines[0]), MARK_TOP, 0.05));
            assert!(close(lines[0].size, 42.0, 0.01));
        }
    }
}

pub mod attachments {
    //! 附件 with content (§7.3.7): each from a new page after the closing,
    //! 附件N in 3号黑体 at the top left on line 1, the title on line 3 in the
    //! 标题's face, centred; the body after one blank line, on the grid;
    //! page numbers continue.
    use super::*;

    pub const PLAN: &str = "data/attachment-plan.yaml";

    fn doc_of(path: &str) -> typst_layout::PagedDocument {
        let text = std::fs::read_to_string(common::root().join(path)).unwrap();
        common::typeset_yaml(&text)
    }

    fn slot(l: &Line) -> f64 {
        (em_top(l) - TOP) / PITCH
    }

    /// The page whose first line is `label`, checked as an attachment's
    /// first page with a title of `title` lines; returns its index.
    fn check_first_page(pages: &[Vec<Line>], label: &str, title: &[&str]) -> usize {
        let i = pages
            .iter()
            .position(|p| p.first().is_some_and(|l| l.text() == label))
            .unwrap_or_else(|| panic!("no page starts with {label}"));
        let p = &pages[i];
        // 附件N: line 1, flush left, 3号黑体.
        let l = &p[0];
        assert!(close(em_top(l), TOP, 0.05), "{label} at {:.2}", em_top(l));
        assert!(close(mm(l.left()), LEFT, 0.05));
        assert!(close(l.size, 16.0, 0.01));
        assert!(
            l.glyphs
                .iter()
                .filter(|g| !g.text.is_ascii())
                .all(|g| g.family == "Noto Sans CJK SC")
        );
        // The title: 2号 小标宋 from line 3, one grid line a title line,
        // each centred in the 版心.
        let titles: Vec<&Line> = p.iter().filter(|l| (l.size - 22.0).abs() < 0.01).collect();
        let texts: Vec<String> = titles.iter().map(|l| l.text()).collect();
        assert_eq!(texts, title);
        for (k, t) in titles.iter().enumerate() {
            let top = mm(t.baseline - 0.88 * 22.0);
            assert!(
                close(top, TOP + (2 + k) as f64 * PITCH, 0.05),
                "title line {k} at {top:.2}"
            );
            assert!(close(mm(t.left() + t.right()) / 2.0, CENTRE, 0.5));
            assert!(t.glyphs.iter().all(|g| g.family == "Noto Serif CJK SC"));
        }
        // The body: one blank line below the title, then on the grid.
        let body = body_lines(p);
        let first = body
            .iter()
            .find(|l| slot(l) > 0.5)
            .expect("body after the title");
        assert!(
            close(slot(first), (2 + title.len() + 1) as f64, 0.02),
            "body starts at slot {:.2}",
            slot(first)
        );
        for l in &body {
            assert!(
                (slot(l) - slot(l).round()).abs() < 0.02,
                "{:?} off the grid",
                l.text()
            );
        }
        i
    }

    /// The page number printed on each page, read from its 4号 line.
    fn page_numbers(pages: &[Vec<Line>]) -> Vec<String> {
        pages
            .iter()
            .map(|p| {
                p.iter()
                    .find(|l| (l.size - 14.0).abs() < 0.01 && l.text().contains('\u{2014}'))
                    .map(|l| strip_ws(&l.text()))
                    .unwrap_or_default()
            })
            .collect()
    }

    fn strip_ws(s: &str) -> String {
        common::strip_ws(s)
    }

    #[test]
    fn the_attachment_starts_a_page_after_the_closing() {
        let doc = doc_of(PLAN);
        let pages = pages(&doc);
        let i = check_first_page(
            &pages,
            "附件",
            &["青溪县农村生活污水治理三年", "行动实施方案（2027—2029年）"],
        );
        // The closing is on the page before; nothing of the attachment is.
        let before: Vec<String> = pages[i - 1].iter().map(|l| l.text()).collect();
        assert!(before.iter().any(|t| t == "2027年2月26日"), "{before:?}");
        assert!(before.iter().any(|t| t == "（此件公开发布）"));
        // Headings numbered like the body's, in their faces.
        let heading = pages[i]
            .iter()
            .find(|l| l.text() == "一、总体目标")
            .unwrap();
        assert_eq!(heading.glyphs[0].family, "Noto Sans CJK SC");
        let second = pages[i]
            .iter()
            .find(|l| l.text() == "（一）分类推进治理")
            .unwrap();
        assert_eq!(second.glyphs[1].family, "Gongwen Kai");
        // Page numbers continue: — 1 — … on every page.
        let want: Vec<String> = (1..=pages.len())
            .map(|n| format!("\u{2014}{n}\u{2014}"))
            .collect();
        assert_eq!(page_numbers(&pages), want);
        // The 附件说明 names it by its title (§7.3.4, §7.3.7), 附件 without a
        // number when there is one attachment.
        let list: String = pages[i - 1]
            .iter()
            .skip_while(|l| !l.text().starts_with("附件："))
            .take(2)
            .map(|l| l.text())
            .collect();
        assert_eq!(
            list,
            "附件：青溪县农村生活污水治理三年行动实施方案（2027—2029年）"
        );
    }

    #[test]
    fn attachments_are_numbered_as_in_the_list_and_named_ones_get_no_page() {
        let yaml = "kind: 通知\ntitle: 关于报送统计资料的通知\nbody:\n  - 请按附件要求报送。\n\
            attachments:\n  - 统计报表样式\n  - title: 统计资料报送要求\n    body:\n      - heading: 报送时间\n        body:\n          - 每季度首月10日前。\n\
            \x20     - heading: 报送方式\n  - title: \"滨江市2027年度\\n统计调查项目目录\"\n    body:\n      - 见下表。\n\
            issuer: 滨江市统计局\ndate: 2027-01-05\n";
        let doc = common::typeset_yaml(yaml);
        let pages = pages(&doc);
        assert!(
            !pages.iter().any(|p| p[0].text() == "附件1"),
            "a named attachment has no page"
        );
        let second = check_first_page(&pages, "附件2", &["统计资料报送要求"]);
        let third = check_first_page(&pages, "附件3", &["滨江市2027年度", "统计调查项目目录"]);
        assert_eq!(third, second + 1, "each attachment on its own page");
        // Numbering restarts in each attachment.
        assert!(pages[second].iter().any(|l| l.text() == "一、报送时间"));
        assert!(pages[second].iter().any(|l| l.text() == "二、报送方式"));
        // The 附件说明 lists all three, the forced break of the title gone.
        let all: Vec<String> = pages[0].iter().map(|l| l.text()).collect();
        for want in [
            "附件：1.统计报表样式",
            "2.统计资料报送要求",
            "3.滨江市2027年度统计调查项目目录",
        ] {
            assert!(all.iter().any(|t| t == want), "{want} not in {all:?}");
        }
    }
}
