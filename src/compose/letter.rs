//! 信函格式 (GB/T 9704-2012 §10.1): the first page of a letter.
//!
//! * The 发文机关标志 (the organ's name, without 文件) centred, its em box's
//!   top 30 mm below the paper's top edge, red.
//! * 4 mm below it a red double line, thick over thin (武文线); 20 mm above
//!   the paper's bottom edge a red double line, thin over thick (文武线);
//!   both 170 mm long, centred on the axis the mark and the 标题 are
//!   centred on (the 版心's: 21 mm to 191 mm from the paper's left edge;
//!   the 版心 itself is 2 mm right of the paper's centre, §5.2.1).
//! * 份号, 密级和保密期限, 紧急程度 flush left (in that order, a grid line
//!   each) and the 发文字号 flush right, the first line 7/8 of a 3号
//!   character's height below the first double line.
//! * The 标题 two lines below the last of these (or the double line).
//! * No page number on page 1; the 版记 without 印发机关和印发日期 and
//!   without rules.
//!
//! Pages 2+ are the general format's pages (§5.2, §7.5): §10.1 describes the
//! first page only — it places the double lines against the 发文机关标志 and
//! hides the page number of the 首页, and says nothing of the pages after
//! it — so they keep the 天头 of 37 mm, 22 lines and the page number, and
//! carry no double lines (repeated lines would make every page look like a
//! first page).
//!
//! Page 1's 正文 stands on the same 22-line grid as every page (a word
//! processor cannot give one page of a flowing section other margins): its
//! last line ends on the 版心's bottom edge at 262 mm, and the band down to
//! the second double line (277 mm) stays empty. The clause "第二条红色双线
//! 上一行如有文字，与该线的距离为3号汉字高度的7/8" speaks of a line that
//! has text; on this grid the line above the double line has none.

use super::header::compose_mark;
use super::{Header, HeaderForm, HeaderLine, Placed, measure};
use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, mm};
use crate::model::Document;

/// Which line of a double line is the heavy one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOrder {
    /// 武文线: thick over thin (the first double line).
    ThickOverThin,
    /// 文武线: thin over thick (the second double line).
    ThinOverThick,
}

/// A red double line across the page (§10.1). Positions in points: `top`
/// is the upper line's upper edge below the 版心's top edge (negative
/// above it), `x` the left end right of the 版心's left edge (negative
/// left of it).
#[derive(Debug, Clone, PartialEq)]
pub struct DoubleRule {
    pub order: RuleOrder,
    pub top: f64,
    pub x: f64,
    pub length: f64,
}

impl DoubleRule {
    fn new(order: RuleOrder, top: f64) -> Self {
        let length = mm(g::LETTER_RULE_LENGTH_MM);
        DoubleRule {
            order,
            top,
            x: (mm(g::BLOCK_WIDTH_MM) - length) / 2.0,
            length,
        }
    }

    /// The two lines, top to bottom: (upper edge, thickness), points below
    /// the 版心's top edge.
    pub fn lines(&self) -> [(f64, f64); 2] {
        let (upper, lower) = match self.order {
            RuleOrder::ThickOverThin => (g::LETTER_RULE_THICK, g::LETTER_RULE_THIN),
            RuleOrder::ThinOverThick => (g::LETTER_RULE_THIN, g::LETTER_RULE_THICK),
        };
        [
            (self.top, upper),
            (self.top + upper + g::LETTER_RULE_GAP, lower),
        ]
    }

    /// The whole double line's height.
    pub fn height() -> f64 {
        g::LETTER_RULE_THICK + g::LETTER_RULE_GAP + g::LETTER_RULE_THIN
    }

    /// The lower line's lower edge below the 版心's top edge.
    pub fn bottom(&self) -> f64 {
        self.top + Self::height()
    }
}

/// The 信函's first-page furniture (see the module docs) and the grid line
/// the 标题 starts on.
pub(super) fn header(doc: &Document, fonts: &FontSet) -> (Option<Header>, usize) {
    let Some(issuer_mark) = &doc.issuer_mark else {
        // Refused by `reject`.
        return (None, 0);
    };
    let run = |role, text: &str| Run {
        role,
        text: text.to_string(),
    };
    // The mark, sized and centred as in the general format, moved up so
    // that its top is 30 mm from the paper's top.
    let mut mark = compose_mark(issuer_mark, fonts);
    let shift = mm(g::LETTER_MARK_TOP_MM - g::TOP_MARGIN_MM) - mark.top;
    mark.top += shift;
    mark.bottom += shift;
    for p in &mut mark.pieces {
        p.top += shift;
    }
    let first = DoubleRule::new(
        RuleOrder::ThickOverThin,
        mark.bottom + mm(g::LETTER_TOP_RULE_BELOW_MARK_MM),
    );
    let second = DoubleRule::new(
        RuleOrder::ThinOverThick,
        mm(g::PAPER_HEIGHT_MM - g::LETTER_BOTTOM_RULE_ABOVE_PAPER_BOTTOM_MM - g::TOP_MARGIN_MM)
            - DoubleRule::height(),
    );
    let fields_top = first.bottom() + g::LETTER_FIELDS_BELOW_RULE;

    // 份号 (3号), 密级和保密期限 and 紧急程度 (3号黑体), flush left, one grid
    // line each (§7.2.1–§7.2.3, §10.1).
    let corner: Vec<HeaderLine> = super::header::corner_runs(doc)
        .into_iter()
        .enumerate()
        .map(|(k, r)| HeaderLine {
            top: fields_top + k as f64 * g::LINE_PITCH,
            placed: vec![Placed {
                x: 0.0,
                runs: vec![r],
            }],
            centre: Vec::new(),
        })
        .collect();
    // 发文字号 flush right, on the first line (§10.1): its last character's
    // em box ends on the 版心's right edge (the tracking after it is not
    // ink).
    let number: Vec<HeaderLine> = doc
        .doc_number
        .iter()
        .map(|n| {
            let width = measure(fonts, Role::Body, n) - g::BODY_TRACKING;
            HeaderLine {
                top: fields_top,
                placed: vec![Placed {
                    x: mm(g::BLOCK_WIDTH_MM) - width,
                    runs: vec![run(Role::Body, n)],
                }],
                centre: Vec::new(),
            }
        })
        .collect();

    // The 标题 two lines below the last element above it: the lowest line
    // of fields, or the double line when there are none.
    let fields_bottom = corner
        .iter()
        .chain(&number)
        .map(|l| l.top + g::BODY_SIZE)
        .fold(first.bottom(), f64::max);
    let needed = fields_bottom + g::LETTER_TITLE_GAP_LINES as f64 * g::LINE_PITCH;
    let title_line = (needed / g::LINE_PITCH - 1e-9).ceil().max(0.0) as usize;

    let header = Header {
        corner,
        mark: Some(mark),
        number,
        separator: None,
        double_rules: vec![first, second],
        form: HeaderForm::Letter,
    };
    (Some(header), title_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_thick_over_thin_above_and_thin_over_thick_below() {
        let top = DoubleRule::new(RuleOrder::ThickOverThin, 0.0).lines();
        assert!(top[0].1 > top[1].1);
        let bottom = DoubleRule::new(RuleOrder::ThinOverThick, 0.0).lines();
        assert!(bottom[0].1 < bottom[1].1);
        // The lower line's lower edge is the rule's bottom.
        let r = DoubleRule::new(RuleOrder::ThinOverThick, 10.0);
        let [_, (y, t)] = r.lines();
        assert!((y + t - r.bottom()).abs() < 1e-9);
        // 170 mm, centred on the 版心's axis (106 mm from the paper's left
        // edge), the axis of the mark above it: from 21 mm to 191 mm.
        assert!((g::to_mm(r.x) + g::LEFT_MARGIN_MM - 21.0).abs() < 1e-9);
        assert!((g::to_mm(r.x + r.length) + g::LEFT_MARGIN_MM - 191.0).abs() < 1e-9);
    }
}
