//! The 版头 (§7.2) as WordprocessingML: 份号, 密级, 紧急程度 on the first
//! lines; the red 发文机关标志 and the 发文字号 (with 签发人) at the positions
//! the composition gives, reached with paragraph spacing; the red separator
//! as the 发文字号 paragraph's bottom border; and the spacing that puts the
//! 标题 back on the line grid.

use super::runs::{self, RunProps};
use super::xml::Xml;
use super::{Layout, Setup, Style, TITLE};
use crate::compose::{Header, HeaderLine, Mark, MarkPart, MarkPiece};
use crate::content::Run;
use crate::fonts::Role;
use crate::geometry::{self as g, mm, twips};

pub(crate) const CORNER: Style = Style {
    id: "GwCorner",
    name: "版头要素",
    role: Role::Body,
    layout: Layout::Left,
    outline: None,
    next: None,
};
pub(crate) const MARK: Style = Style {
    id: "GwMark",
    name: "发文机关标志",
    role: Role::Title,
    layout: Layout::Centred,
    outline: None,
    next: Some(NUMBER.id),
};
pub(crate) const NUMBER: Style = Style {
    id: "GwNumber",
    name: "发文字号",
    role: Role::Body,
    layout: Layout::Centred,
    outline: None,
    next: Some(TITLE.id),
};

/// Red as RGB: Y80% M80% (§6.2), converted naively.
pub(crate) fn red_rgb() -> String {
    let [c, m, y, k] = g::RED_CMYK;
    let channel = |v: f64| ((1.0 - v) * (1.0 - k) * 255.0).round() as u8;
    format!("{:02X}{:02X}{:02X}", channel(c), channel(m), channel(y))
}

fn twips_str(pt: f64) -> String {
    twips(pt.max(0.0)).to_string()
}

fn runs_xml(x: &mut Xml, runs: &[Run], style_role: Role, o: Setup) {
    for r in runs {
        super::run_xml(x, &r.text, r.role, style_role, o.fonts);
    }
}

fn spacing(x: &mut Xml, before: f64, line: f64) {
    x.empty(
        "w:spacing",
        &[
            ("w:before", &twips_str(before)),
            ("w:after", "0"),
            ("w:line", &twips(line).to_string()),
            ("w:lineRule", "exact"),
        ],
    );
}

/// Writes the 版头 and returns the spacing (pt) the 标题 needs before it to
/// start on grid line `title_line`.
pub(crate) fn header_xml(
    x: &mut Xml,
    h: &Header,
    title_line: usize,
    top_margin: f64,
    o: Setup,
) -> f64 {
    let line = o.grid.line();
    // Where the next paragraph starts, in points from the paper's top.
    let mut y = top_margin;
    let block_top = mm(g::TOP_MARGIN_MM);

    // 份号, 密级和保密期限, 紧急程度: one grid line each.
    for l in &h.corner {
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", CORNER.id)]);
        x.empty("w:keepNext", &[]);
        x.close();
        for p in &l.placed {
            runs_xml(x, &p.runs, CORNER.role, o);
        }
        x.close();
        y += line;
    }

    // 发文机关标志: its em box's top where the composition puts it.
    if let Some(m) = h.mark.as_ref().filter(|m| is_joint(m)) {
        y = joint_mark_xml(x, m, y, o);
    } else if let Some(m) = &h.mark {
        let mark_line = twips(m.size * g::docx::SOLO_LINE_EM) as f64 / 20.0;
        let before = block_top + m.top - g::docx::em_top_in_exact_line(m.size, mark_line) - y;
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", MARK.id)]);
        x.empty("w:keepNext", &[]);
        spacing(x, before, mark_line);
        x.close();
        runs::text(
            x,
            &m.text,
            RunProps {
                size: Some(m.size),
                ..RunProps::default()
            },
        );
        x.close();
        y += before.max(0.0) + mark_line;
    }

    // 发文字号 and 签发人; the last line carries the red separator.
    let last = h.number.len().saturating_sub(1);
    for (k, l) in h.number.iter().enumerate() {
        let before = if k == 0 {
            block_top + l.top - g::docx::em_top_in_exact_line(g::BODY_SIZE, line) - y
        } else {
            0.0
        };
        number_line(x, l, k, before, k == last && h.separator.is_some(), o);
        y += before.max(0.0) + line;
    }
    if h.separator.is_some() {
        // The border hangs below the last line: its gap, then its width.
        y += separator_space(line) as f64 + g::SEPARATOR_THICKNESS;
    }

    // The 标题 starts on grid line `title_line`.
    top_margin + title_line as f64 * line - y
}

/// Whether the mark is a joint one (names stacked, the suffix beside).
fn is_joint(m: &Mark) -> bool {
    m.pieces.iter().any(|p| p.part != MarkPart::Whole)
}

/// A joint 发文机关标志 (§7.2.4): a borderless table of one row, placed by
/// its left indent where the composition puts the mark; the names, one
/// exact line each, spread across the first cell (分散对齐, so that an
/// edited name still spans the stack's width); the suffix in the second
/// cell, lowered by paragraph spacing to where the composition centres it
/// on the stack. An empty exact line above the table brings the first
/// name's em box to the mark's top. Returns where the next paragraph
/// starts, pt from the paper's top.
fn joint_mark_xml(x: &mut Xml, m: &Mark, mut y: f64, o: Setup) -> f64 {
    let block_top = mm(g::TOP_MARGIN_MM);
    let exact = |pt: f64| twips(pt) as f64 / 20.0;
    let pitch = exact(g::MARK_LINE_PITCH_EM * m.size);
    let organs: Vec<&MarkPiece> = m
        .pieces
        .iter()
        .filter(|p| p.part == MarkPart::Organ)
        .collect();
    let suffix = m.pieces.iter().find(|p| p.part == MarkPart::Suffix);

    // The spacer: an empty exact line down to the table's top.
    let row_top = block_top + m.top - g::docx::em_top_in_exact_line(m.size, pitch);
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", MARK.id)]);
    x.empty("w:keepNext", &[]);
    spacing(x, 0.0, (row_top - y).max(0.05));
    x.close().close();
    y += (row_top - y).max(0.05);

    // Columns: the names' width; the suffix with the gap before it, and a
    // little room so that rounding never wraps it.
    let left = organs.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
    let names_w = organs.iter().map(|p| p.x + p.width).fold(0.0, f64::max) - left;
    // The names' column: their width, and the room the body's lines get
    // for the word processor's rounding (LibreOffice wrapped the longest
    // name without it); spreading takes up the few twips.
    let names_col = twips(names_w) + g::docx::TEXT_WIDTH_SLACK_TWIPS;
    let suffix_col = suffix.map(|p| {
        let room = o.text_width - twips(left) - names_col;
        (twips(p.x + p.width - left) - names_col + g::docx::TEXT_WIDTH_SLACK_TWIPS).min(room)
    });
    x.open("w:tbl", &[]).open("w:tblPr", &[]);
    let total = names_col + suffix_col.unwrap_or(0);
    x.empty("w:tblW", &[("w:w", &total.to_string()), ("w:type", "dxa")]);
    x.empty(
        "w:tblInd",
        &[("w:w", &twips(left).to_string()), ("w:type", "dxa")],
    );
    x.open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(side, &[("w:val", "nil")]);
    }
    x.close();
    super::fixed_layout_no_margins(x);
    x.close();
    x.open("w:tblGrid", &[]);
    x.empty("w:gridCol", &[("w:w", &names_col.to_string())]);
    if let Some(w) = suffix_col {
        x.empty("w:gridCol", &[("w:w", &w.to_string())]);
    }
    x.close();
    x.open("w:tr", &[]).open("w:trPr", &[]);
    x.empty("w:cantSplit", &[]);
    x.close();

    let cell = |x: &mut Xml, width: i64| {
        x.open("w:tc", &[]).open("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        x.close();
    };
    let mark_run = |x: &mut Xml, text: &str| {
        runs::text(
            x,
            text,
            RunProps {
                size: Some(m.size),
                ..RunProps::default()
            },
        );
    };
    cell(x, names_col);
    for p in &organs {
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", MARK.id)]);
        x.empty("w:keepNext", &[]);
        spacing(x, 0.0, pitch);
        // A name narrower than the column (one character) is centred.
        let jc = if (p.width - names_w).abs() < 0.01 {
            "distribute"
        } else {
            "center"
        };
        x.empty("w:jc", &[("w:val", jc)]);
        x.close();
        mark_run(x, &p.text);
        x.close();
    }
    x.close();
    if let (Some(p), Some(w)) = (suffix, suffix_col) {
        cell(x, w);
        let line = exact(m.size * g::docx::SOLO_LINE_EM);
        let before = block_top + p.top - g::docx::em_top_in_exact_line(m.size, line) - row_top;
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", MARK.id)]);
        x.empty("w:keepNext", &[]);
        spacing(x, before, line);
        x.empty(
            "w:ind",
            &[
                (
                    "w:left",
                    &(twips(p.x - left) - names_col).max(0).to_string(),
                ),
                ("w:firstLine", "0"),
            ],
        );
        x.empty("w:jc", &[("w:val", "left")]);
        x.close();
        mark_run(x, &p.text);
        x.close();
        x.close();
    }
    x.close().close();
    y + organs.len() as f64 * pitch
}

/// The border's distance below the 发文字号's line box, in whole points, so
/// that the separator lies 4 mm below the 发文字号's em box (§7.2.7).
fn separator_space(line: f64) -> i64 {
    let em_bottom_in_line =
        g::docx::BASELINE_IN_EXACT_LINE * line + g::EM_BOX_DESCENT * g::BODY_SIZE;
    (mm(g::SEPARATOR_BELOW_NUMBER_MM) - (line - em_bottom_in_line))
        .round()
        .max(0.0) as i64
}

/// A 发文字号 line. With 签发人 (上行文): the 发文字号 on a left tab one
/// character in; on the first line the 签发人 on a right tab one character
/// from the right edge (居右空一字, §7.2.6), so that it stays there when the
/// names are edited; on later lines the names on a left tab under the first
/// line's first name.
fn number_line(x: &mut Xml, l: &HeaderLine, k: usize, before: f64, separator: bool, o: Setup) {
    let line = o.grid.line();
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", NUMBER.id)]);
    x.empty("w:keepNext", &[]);
    if separator {
        x.open("w:pBdr", &[]);
        x.empty(
            "w:bottom",
            &[
                ("w:val", "single"),
                // Eighths of a point.
                (
                    "w:sz",
                    &((g::SEPARATOR_THICKNESS * 8.0).round() as i64).to_string(),
                ),
                ("w:space", &separator_space(line).to_string()),
                ("w:color", &red_rgb()),
            ],
        );
        x.close();
    }
    if !l.placed.is_empty() {
        let signers = l.placed.len() - 1;
        x.open("w:tabs", &[]);
        for (i, p) in l.placed.iter().enumerate() {
            let pos = if i == signers && k == 0 {
                o.text_width - o.grid.cells_twips(g::NUMBER_INSET_CHARS)
            } else {
                o.grid.scale_twips(p.x)
            };
            let kind = if i == signers && k == 0 {
                "right"
            } else {
                "left"
            };
            x.empty("w:tab", &[("w:val", kind), ("w:pos", &pos.to_string())]);
        }
        x.close();
    }
    spacing(x, before, line);
    x.empty(
        "w:jc",
        &[(
            "w:val",
            if l.placed.is_empty() {
                "center"
            } else {
                "left"
            },
        )],
    );
    x.close();
    runs_xml(x, &l.centre, NUMBER.role, o);
    for p in &l.placed {
        x.open("w:r", &[]).empty("w:tab", &[]).close();
        runs_xml(x, &p.runs, NUMBER.role, o);
    }
    x.close();
}

/// The styles the 版头 adds (for styles.xml).
pub(crate) fn styles() -> [Style; 3] {
    [CORNER, MARK, NUMBER]
}

/// The 发文机关标志 style's extra properties: red, title face, no spacing.
pub(crate) fn is_mark(style: Style) -> bool {
    style.id == MARK.id
}
