//! Tables (§8) as real Word tables: `w:tbl` with a fixed layout and a grid
//! of the composed column widths (adding up to the 版心's width), header
//! rows marked to repeat on every page (`w:tblHeader`), spans as
//! `w:gridSpan` and `w:vMerge`, 0.5 pt single borders. A row is at least
//! its composed number of grid lines tall, so that the text after the
//! table stays on the grid; Word wraps the cells' text itself.
//!
//! A landscape table is a section of its own (research §3): the section
//! before ends in an empty paragraph carrying its properties, the table's
//! section is A4 turned (`w:orient="landscape"`) with the portrait margins
//! turned with it, so that the 版心 stays where it is on the sheet, and the
//! section keeps the document's odd and even footers, so that the page
//! numbers run on.

use super::runs::{self, RunProps};
use super::xml::Xml;
use super::{Setup, Style, role_font};
use crate::compose::table::Composed;
use crate::fonts::Role;
use crate::geometry::{self as g, mm, twips};
use crate::model::table::Align;

/// 表题: 黑体, centred above the table, kept with it.
pub(crate) const CAPTION: Style = Style {
    id: "GwTableCaption",
    name: "表格标题",
    role: Role::Hei,
    layout: super::Layout::Centred,
    outline: None,
    next: None,
};
/// Header cells: 黑体, centred.
pub(crate) const HEADER: Style = Style {
    id: "GwTableHeader",
    name: "表头",
    role: Role::Hei,
    layout: super::Layout::Centred,
    outline: None,
    next: None,
};
/// Body cells: 仿宋, centred unless the column says otherwise.
pub(crate) const CELL: Style = Style {
    id: "GwTableText",
    name: "表格文字",
    role: Role::Body,
    layout: super::Layout::Centred,
    outline: None,
    next: None,
};

/// What the cells' left and right margins give up so that a line gongwen
/// broke to fit a cell also fits the word processor's, twips. LibreOffice
/// sets a cell's text inside its margins *and* its borders and converts the
/// grid to its own units: a token exactly as wide as its column (the
/// column's least, `2027—2028年` in a 建设年限 column) still wrapped there,
/// and rows of two lines became three. Measured on the 150-row register:
/// margins 15 twips short (of 85) wrapped it as before, 20 short did not
/// (LibreOffice's pages then within a page of the PDF's, 19 against 18).
/// Word, which does not take the borders from the text, gets a cell a
/// point wider on each side than the PDF's: its lines are never longer.
const WRAP_ALLOWANCE_TWIPS: i64 = 20;

/// Column widths in whole twips adding up to `total` exactly (the last
/// takes the rounding).
fn grid_twips(columns: &[f64], total: i64) -> Vec<i64> {
    let sum: f64 = columns.iter().sum();
    let mut out: Vec<i64> = columns
        .iter()
        .map(|w| (w / sum * total as f64).round() as i64)
        .collect();
    let drift = total - out.iter().sum::<i64>();
    if let Some(last) = out.last_mut() {
        *last += drift;
    }
    out
}

/// What stands at one column of a row: a cell starting there, or the
/// continuation of a cell spanning rows from above.
enum Slot<'a> {
    Start(&'a crate::compose::table::ComposedCell),
    Continue { colspan: usize },
}

/// The caption's paragraph: 黑体 3号, centred, kept with the table.
pub(crate) fn caption_xml(x: &mut Xml, t: &Composed) {
    if t.caption.is_empty() {
        return;
    }
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", CAPTION.id)]);
    x.empty("w:keepNext", &[]);
    x.close();
    let text: String = t.caption.concat();
    runs::text(
        x,
        &text,
        RunProps {
            spacing: Some(0),
            ..RunProps::default()
        },
    );
    x.close();
}

/// `<w:tbl>` for `t`, `width_twips` wide.
pub(crate) fn table_xml(x: &mut Xml, t: &Composed, setup: Setup, width_twips: i64) {
    let widths = grid_twips(&t.columns, width_twips);
    let inset = (twips(mm(g::TABLE_CELL_INSET_MM)) - WRAP_ALLOWANCE_TWIPS).to_string();
    let rule = ((g::TABLE_RULE * 8.0).round() as i64).to_string();
    x.open("w:tbl", &[]);
    x.open("w:tblPr", &[]);
    x.empty(
        "w:tblW",
        &[("w:w", &width_twips.to_string()), ("w:type", "dxa")],
    );
    x.empty("w:jc", &[("w:val", "center")]);
    x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
    x.open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        // Eighths of a point.
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", &rule),
                ("w:space", "0"),
                ("w:color", "000000"),
            ],
        );
    }
    x.close();
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    x.open("w:tblCellMar", &[]);
    for (side, w) in [
        ("w:top", "0"),
        ("w:left", inset.as_str()),
        ("w:bottom", "0"),
        ("w:right", inset.as_str()),
    ] {
        x.empty(side, &[("w:w", w), ("w:type", "dxa")]);
    }
    x.close();
    x.empty("w:tblLook", &[("w:val", "0000")]);
    x.close();
    x.open("w:tblGrid", &[]);
    for w in &widths {
        x.empty("w:gridCol", &[("w:w", &w.to_string())]);
    }
    x.close();

    // Which slots each row has: cells starting in it, and continuations
    // of cells spanning rows from above.
    let n = t.columns.len();
    let mut slots: Vec<Vec<Option<Slot>>> = (0..t.rows.len())
        .map(|_| (0..n).map(|_| None).collect())
        .collect();
    for (r, row) in t.rows.iter().enumerate() {
        for c in &row.cells {
            slots[r][c.col] = Some(Slot::Start(c));
            for below in slots.iter_mut().skip(r + 1).take(c.rowspan - 1) {
                below[c.col] = Some(Slot::Continue { colspan: c.colspan });
            }
        }
    }
    let line = cell_line_twips(t, setup);
    // A row that does not fit a page under the repeated header rows may
    // split: kept whole, LibreOffice and Word cut it off at the page's foot
    // and its text was lost (found by the page parity of generated
    // documents). The PDF breaks such a row inside its cells too.
    let area = mm(if t.landscape {
        g::BLOCK_WIDTH_MM
    } else {
        g::BLOCK_HEIGHT_MM
    });
    let fits = |lines: usize| (t.header_lines() + lines) as f64 * t.row_pitch <= area + 1e-6;
    for (r, row) in t.rows.iter().enumerate() {
        let header = r < t.header_rows;
        x.open("w:tr", &[]).open("w:trPr", &[]);
        if header || fits(row.lines) {
            x.empty("w:cantSplit", &[]);
        }
        // Whole row pitches: LibreOffice counts the rule above a row in its
        // height (a row is the larger of this and its lines, a rule's width
        // shorter each, plus the rule), so the rows add up to the PDF's.
        // (This less the rule made rows of two lines or more half a point
        // short of the PDF's, and a page of the 150-row register held a
        // row more.)
        let height = row.lines as i64 * row_twips(t, setup);
        x.empty(
            "w:trHeight",
            &[("w:val", &height.to_string()), ("w:hRule", "atLeast")],
        );
        if header {
            x.empty("w:tblHeader", &[]);
        }
        x.close();
        let mut col = 0;
        while col < n {
            let (colspan, cell) = match &slots[r][col] {
                Some(Slot::Start(c)) => (c.colspan, Some(*c)),
                Some(Slot::Continue { colspan }) => (*colspan, None),
                None => (1, None),
            };
            let w: i64 = widths[col..col + colspan].iter().sum();
            x.open("w:tc", &[]).open("w:tcPr", &[]);
            x.empty("w:tcW", &[("w:w", &w.to_string()), ("w:type", "dxa")]);
            if colspan > 1 {
                x.empty("w:gridSpan", &[("w:val", &colspan.to_string())]);
            }
            match cell {
                Some(c) if c.rowspan > 1 => {
                    x.empty("w:vMerge", &[("w:val", "restart")]);
                }
                None => {
                    x.empty("w:vMerge", &[]);
                }
                _ => {}
            }
            x.empty("w:vAlign", &[("w:val", "center")]);
            x.close();
            cell_paragraph(x, t, cell, header, line, setup);
            x.close();
            col += colspan;
        }
        x.close();
    }
    x.close();
}

/// The exact line height of a cell's lines, twips: the body grid's line
/// for 3号, the same proportion of a smaller size.
/// A cell's lines are a rule's width shorter than the grid's, so that the
/// text of a row of `n` lines fits the row's `n` lines less the rule.
fn cell_line_twips(t: &Composed, setup: Setup) -> i64 {
    let line = if t.size == g::BODY_SIZE {
        setup.grid.line_twips
    } else {
        twips(t.size * setup.grid.line() / g::BODY_SIZE)
    };
    line - rule_twips()
}

/// The unit of a row's height, twips: a line of the body grid, or (a
/// landscape table's rows, at the cells' own pitch) the same proportion of
/// the grid's line as the PDF's.
fn row_twips(t: &Composed, setup: Setup) -> i64 {
    if t.row_pitch == g::LINE_PITCH {
        setup.grid.line_twips
    } else {
        twips(t.row_pitch * setup.grid.line() / g::LINE_PITCH)
    }
}

/// The rule's width in twips.
fn rule_twips() -> i64 {
    twips(g::TABLE_RULE)
}

/// A cell's one paragraph (Word wraps it to the cell); empty for a
/// continuation of a cell spanning rows.
fn cell_paragraph(
    x: &mut Xml,
    t: &Composed,
    cell: Option<&crate::compose::table::ComposedCell>,
    header: bool,
    line: i64,
    setup: Setup,
) {
    let style = if header { HEADER } else { CELL };
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", style.id)]);
    x.empty(
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", &line.to_string()),
            ("w:lineRule", "exact"),
        ],
    );
    let jc = match cell.map_or(Align::Center, |c| c.align) {
        Align::Left => Some("left"),
        Align::Right => Some("right"),
        Align::Center => None,
    };
    if let Some(jc) = jc {
        x.empty("w:jc", &[("w:val", jc)]);
    }
    x.close();
    if let Some(c) = cell {
        let text = c.text();
        if !text.is_empty() {
            runs::text(
                x,
                &text,
                RunProps {
                    fonts: (c.role != style.role).then(|| role_font(c.role, setup.fonts)),
                    size: (t.size != g::BODY_SIZE).then_some(t.size),
                    // Without the body's character spacing: cells are not on
                    // the 28-character grid.
                    spacing: Some(0),
                },
            );
        }
    }
    x.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_columns_add_up_to_the_width() {
        let w = grid_twips(&[1.0, 1.0, 1.0], 8844);
        assert_eq!(w.iter().sum::<i64>(), 8844);
        assert_eq!(w, [2948, 2948, 2948]);
        let w = grid_twips(&[3.0, 2.0, 2.0], 8845);
        assert_eq!(w.iter().sum::<i64>(), 8845);
    }
}
