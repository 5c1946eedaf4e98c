//! 命令（令）格式 (GB/T 9704-2012 §10.2): the mark (the issuing organ's
//! full name and 命令 or 令) centred and red, its top 20 mm below the 版心's
//! top; the 令号 centred two blank lines below it; the 正文 two blank lines
//! below the 令号; the 签发人's title, 签名章 and 成文日期 as §7.3.5.3 places
//! them ([`super::seal::compose_signature_seal`]).
//!
//! The mark itself is composed as the general format's 发文机关标志
//! ([`crate::compose`]: centred, red, 初号 or smaller to fit); this module
//! moves it and adds the 令号. The 纪要 format ([`super::minutes`]) shares
//! the helpers.

use crate::compose::{Header, HeaderLine, Mark};
use crate::content::Run;
use crate::fonts::Role;
use crate::geometry::{self as g, mm};
use crate::model::Document;

/// The 版头 of a 命令 (§10.2) from the general 版头's elements (份号, 密级,
/// 紧急程度 and the mark; the model refuses a 发文字号 and 签发人 here), and
/// the grid line the 标题 (or, without one, the 正文) starts on.
pub fn header(doc: &Document, header: Option<Header>) -> (Option<Header>, usize) {
    let Some(mut h) = header else {
        return (None, 0);
    };
    let Some(mark) = h.mark.as_mut() else {
        return (Some(h), 0);
    };
    // 20 mm below the 版心's top, or lower if 份号/密级/紧急程度 stand there.
    let below_corner = h
        .corner
        .last()
        .map_or(0.0, |l| l.top + g::BODY_SIZE + g::LINE_GAP);
    move_mark(mark, mm(g::ORDER_MARK_TOP_BELOW_BLOCK_MM).max(below_corner));
    let line = grid_line_below(mark, g::ORDER_NUMBER_GAP_LINES);
    h.number = doc
        .order_number
        .iter()
        .map(|n| centred_line(line, n.as_str()))
        .collect();
    h.separator = None;
    (Some(h), line + 1 + g::ORDER_BODY_GAP_LINES)
}

/// Moves a composed mark so that its em box's top is `top` below the
/// 版心's top edge.
pub(crate) fn move_mark(mark: &mut Mark, top: f64) {
    let by = top - mark.top;
    mark.top += by;
    mark.bottom += by;
    for p in &mut mark.pieces {
        p.top += by;
    }
}

/// The first line of the body grid whose em box starts at least `gap`
/// blank lines below the mark's em box (one line gap and `gap` pitches):
/// where a number under the mark stands, so that what follows it is on
/// the grid too.
pub(crate) fn grid_line_below(mark: &Mark, gap: usize) -> usize {
    let needed = mark.bottom + g::LINE_GAP + gap as f64 * g::LINE_PITCH;
    (needed / g::LINE_PITCH - 1e-9).ceil().max(0.0) as usize
}

/// A line of the 版头 centred on grid line `line`, in 3号仿宋.
pub(crate) fn centred_line(line: usize, text: &str) -> HeaderLine {
    HeaderLine {
        top: line as f64 * g::LINE_PITCH,
        placed: Vec::new(),
        centre: vec![Run {
            role: Role::Body,
            text: text.to_string(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::{MarkPart, MarkPiece};

    fn mark(top: f64, size: f64) -> Mark {
        Mark {
            text: "清河市人民政府令".into(),
            size,
            top,
            bottom: top + size,
            pieces: vec![MarkPiece {
                part: MarkPart::Whole,
                text: "清河市人民政府令".into(),
                x: 0.0,
                top,
                width: 8.0 * size,
                spacing: 0.0,
            }],
        }
    }

    #[test]
    fn the_number_stands_on_the_first_grid_line_two_blank_lines_down() {
        // Independent arithmetic: pitch (225 mm − 16 pt) / 21, in points.
        let pitch = (225.0 * 72.0 / 25.4 - 16.0) / 21.0;
        let gap = pitch - 16.0;
        for (top_mm, size) in [(20.0, 42.0), (20.0, 36.0), (35.0, 42.0), (31.0, 26.0)] {
            let mut m = mark(0.0, size);
            move_mark(&mut m, top_mm * 72.0 / 25.4);
            assert!((m.pieces[0].top - top_mm * 72.0 / 25.4).abs() < 1e-9);
            let k = grid_line_below(&m, 2);
            let number_top = k as f64 * pitch;
            // At least two blank lines (a gap and two pitches) below the
            // mark, and less than a pitch more.
            let least = m.bottom + gap + 2.0 * pitch;
            assert!(number_top >= least - 1e-6, "{top_mm} {size}");
            assert!(number_top < least + pitch, "{top_mm} {size}");
        }
    }
}
