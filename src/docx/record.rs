//! The 版记 (§7.4) as WordprocessingML: a floating table anchored to the
//! bottom of the page's text area, one row per composed row, the rules as
//! cell borders.
//!
//! The positioning is the one LibreOffice 7.4 honours (measured, see
//! `shared/research/next-features.md` §1): `tblpPr` with
//! `horzAnchor="page"` at the left margin, `vertAnchor="margin"` and
//! `tblpYSpec="bottom"`. LibreOffice converts a floating table into a fly
//! frame only when it passes its width heuristics; a table positioned
//! against the page horizontally does, and then sits on the text area's
//! bottom. When the body reaches into its space, the whole table moves to
//! the next page: it is never split (`cantSplit`) and never overlaps the
//! text (`tblOverlap never`). Word reads the same markup (ECMA-376
//! §17.4.58: "Vertical: Bottom, relative to Margin").
//!
//! The text area of the DOCX may end a little below the 版心's bottom edge
//! (its margins place the em boxes of exact lines on the 版心), so a
//! borderless spacer row below the last rule lifts it onto 262 mm.

use super::Setup;
use super::runs::{self, RunProps};
use super::xml::Xml;
use crate::compose::Record;
use crate::geometry::{self as g, mm, twips};

/// Writes the 版记 table and the tiny paragraph it is anchored to.
/// `area_bottom` is the text area's bottom edge in points from the paper's
/// top.
/// With `new_page`, the 版记 starts a page of its own (its anchor paragraph
/// breaks the page; the table floats with it).
pub(crate) fn record_xml(x: &mut Xml, r: &Record, area_bottom: f64, setup: Setup, new_page: bool) {
    let width = twips(mm(g::BLOCK_WIDTH_MM));
    let width_s = width.to_string();
    let row_height = setup.grid.line_twips.to_string();

    x.open("w:tbl", &[]);
    x.open("w:tblPr", &[]);
    x.empty(
        "w:tblpPr",
        &[
            ("w:leftFromText", "0"),
            ("w:rightFromText", "0"),
            ("w:topFromText", "0"),
            ("w:bottomFromText", "0"),
            ("w:vertAnchor", "margin"),
            ("w:horzAnchor", "page"),
            ("w:tblpX", &twips(mm(g::LEFT_MARGIN_MM)).to_string()),
            ("w:tblpYSpec", "bottom"),
        ],
    );
    x.empty("w:tblOverlap", &[("w:val", "never")]);
    x.empty("w:tblW", &[("w:w", &width_s), ("w:type", "dxa")]);
    super::fixed_layout_no_margins(x);
    x.close();
    x.open("w:tblGrid", &[])
        .empty("w:gridCol", &[("w:w", &width_s)]);
    x.close();

    let last = r.rows.len().saturating_sub(1);
    for (k, row) in r.rows.iter().enumerate() {
        // A 信函's 版记 has no rules (§10.1).
        let top = (k == 0 && r.rules).then_some(g::RECORD_THICK_MM);
        let bottom = if !r.rules {
            None
        } else if k == last {
            Some(g::RECORD_THICK_MM)
        } else if r.thin_after.contains(&k) {
            Some(g::RECORD_THIN_MM)
        } else {
            None
        };
        open_row(x, &row_height, &width_s, top, bottom);
        row_paragraph(x, row, setup);
        x.close().close();
    }

    // The spacer that lifts the last rule from the text area's bottom onto
    // the 版心's bottom edge.
    let spacer = twips(area_bottom - mm(g::BLOCK_BOTTOM_MM));
    if spacer > 0 {
        open_row(x, &spacer.to_string(), &width_s, None, None);
        tiny_paragraph(x, false);
        x.close().close();
    }
    x.close();
    // The paragraph the table is anchored to: as small as Word allows, not
    // on the grid (a grid-snapped one made LibreOffice move the 版记 to the
    // next page a line too early).
    tiny_paragraph(x, new_page);
}

/// Opens `<w:tr>` and its `<w:tc>`: an exact-height row that never splits,
/// with the given top and bottom rules (mm).
fn open_row(x: &mut Xml, height: &str, width: &str, top: Option<f64>, bottom: Option<f64>) {
    x.open("w:tr", &[]).open("w:trPr", &[]);
    x.empty("w:cantSplit", &[]);
    x.empty("w:trHeight", &[("w:val", height), ("w:hRule", "exact")]);
    x.close();
    x.open("w:tc", &[]).open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", width), ("w:type", "dxa")]);
    x.open("w:tcBorders", &[]);
    // The schema's order (CT_TcBorders): top, left, bottom, right.
    let border = |x: &mut Xml, side: &str, rule: Option<f64>| {
        match rule {
            // Eighths of a point.
            Some(t) => x.empty(
                side,
                &[
                    ("w:val", "single"),
                    ("w:sz", &((mm(t) * 8.0).round() as i64).to_string()),
                    ("w:space", "0"),
                    ("w:color", "000000"),
                ],
            ),
            None => x.empty(side, &[("w:val", "nil")]),
        };
    };
    border(x, "w:top", top);
    border(x, "w:left", None);
    border(x, "w:bottom", bottom);
    border(x, "w:right", None);
    x.close();
    x.empty("w:vAlign", &[("w:val", "center")]);
    x.close();
}

/// One row's text: its first piece at its indent, a second piece (the
/// 印发日期) on a right tab one character in from the right edge, so that it
/// stays 右空一字 when edited.
fn row_paragraph(x: &mut Xml, row: &crate::compose::HeaderLine, setup: Setup) {
    let size = g::RECORD_SIZE;
    let line = g::docx::centred_exact_line(size);
    let right = mm(g::BLOCK_WIDTH_MM) - g::RECORD_INSET_CHARS as f64 * g::CHAR_PITCH;
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", super::BODY.id)]);
    // The schema's order (CT_PPrBase): w:tabs before w:snapToGrid.
    if row.placed.len() > 1 {
        x.open("w:tabs", &[]);
        x.empty(
            "w:tab",
            &[("w:val", "right"), ("w:pos", &twips(right).to_string())],
        );
        x.close();
    }
    x.empty("w:snapToGrid", &[("w:val", "0")]);
    x.empty(
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", &twips(line).to_string()),
            ("w:lineRule", "exact"),
        ],
    );
    let indent = row.placed.first().map_or(0.0, |p| p.x);
    x.empty(
        "w:ind",
        &[
            ("w:left", &twips(indent).to_string()),
            ("w:right", "0"),
            ("w:firstLine", "0"),
        ],
    );
    x.empty("w:jc", &[("w:val", "left")]);
    x.close();
    for (k, piece) in row.placed.iter().enumerate() {
        if k > 0 {
            x.open("w:r", &[]).empty("w:tab", &[]).close();
        }
        for run in &piece.runs {
            runs::text(
                x,
                &run.text,
                RunProps {
                    fonts: Some(super::role_font(run.role, setup.fonts)),
                    size: Some(size),
                    // Without the body's character spacing.
                    spacing: Some(0),
                },
            );
        }
    }
    x.close();
}

/// A tiny paragraph's properties: one twip-line high in 1 pt text, off
/// the grid (the 版记's anchor, a section break's paragraph).
pub(super) fn tiny_props(x: &mut Xml) {
    x.empty("w:snapToGrid", &[("w:val", "0")]);
    x.empty(
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", "20"),
            ("w:lineRule", "exact"),
        ],
    );
    x.open("w:rPr", &[]);
    x.empty("w:sz", &[("w:val", "2")]);
    x.empty("w:szCs", &[("w:val", "2")]);
    x.close();
}

/// A paragraph one twip-line high in 1 pt text, off the grid.
fn tiny_paragraph(x: &mut Xml, page_break_before: bool) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    if page_break_before {
        x.empty("w:pageBreakBefore", &[]);
    }
    tiny_props(x);
    x.close().close();
}
