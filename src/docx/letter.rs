//! A 信函's first page (§10.1) as WordprocessingML.
//!
//! The 发文机关标志 stands in the 天头 (30 mm from the paper's top, above
//! the text area), and the second double line in the bottom margin (277
//! mm): neither can be reached by paragraphs of the flow, and neither may
//! push the text. So the mark is a text box and each line of the double
//! lines a red bar, all floating shapes (`wp:anchor`, no wrapping) placed
//! against the page, anchored to a tiny first paragraph: they are on page 1
//! only, and the text flows as in any document. 份号, 密级, 紧急程度 and the
//! 发文字号 follow as paragraphs reached with spacing, the 发文字号 on a
//! right tab at the 版心's right edge (flush right, where it stays when
//! edited); then the spacing that puts the 标题 on its grid line.
//!
//! Page 1 shows no page number: the section has a first page of its own
//! (`w:titlePg`) without a footer (see `section_properties`).

use super::Setup;
use super::drawing::{Anchor, emu};
use super::header::{CORNER, MARK, red_rgb};
use super::runs::{self, RunProps};
use super::xml::Xml;
use crate::compose::{Header, Mark};
use crate::geometry::{self as g, mm, twips};

/// The WordprocessingShape namespace (Office 2010, ISO/IEC 29500 extension).
pub const NS_WPS: &str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";

/// Drawing ids of the letter's shapes start here (the seals' are 1, 2 …).
const FIRST_ID: usize = 1000;

/// Writes page 1's furniture and fields; returns the spacing (pt) the 标题
/// needs before it to start on grid line `title_line`.
pub(crate) fn header_xml(
    x: &mut Xml,
    h: &Header,
    title_line: usize,
    top_margin: f64,
    o: Setup,
) -> f64 {
    let line = o.grid.line();
    let block_top = mm(g::TOP_MARGIN_MM);
    let block_left = mm(g::LEFT_MARGIN_MM);

    // The anchor paragraph: 1 pt, exact, kept with what follows.
    let anchor_line = 1.0;
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", CORNER.id)]);
    x.empty("w:keepNext", &[]);
    x.empty("w:snapToGrid", &[("w:val", "0")]);
    x.empty(
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", &twips(anchor_line).to_string()),
            ("w:lineRule", "exact"),
        ],
    );
    x.open("w:rPr", &[]);
    x.empty("w:sz", &[("w:val", "2")]);
    x.empty("w:szCs", &[("w:val", "2")]);
    x.close();
    x.close();
    let mut id = FIRST_ID;
    if let Some(m) = &h.mark {
        mark_box(x, m, id);
        id += 1;
    }
    let red = red_rgb();
    for rule in &h.double_rules {
        for (top, thickness) in rule.lines() {
            let shape = Shape {
                id,
                name: "信函红色双线",
                left: block_left + rule.x,
                top: block_top + top,
                width: rule.length,
                height: thickness,
            };
            shape.write(x, Some(&red), |_| {});
            id += 1;
        }
    }
    x.close();
    let mut y = top_margin + anchor_line;

    // 份号, 密级, 紧急程度 flush left, one grid line each; the 发文字号 on
    // the first line, flush right.
    let rows = h.corner.len().max(h.number.len());
    let right = o.text_width.to_string();
    for k in 0..rows {
        let corner = h.corner.get(k);
        let number = h.number.get(k);
        let top = corner.or(number).map_or(0.0, |l| l.top);
        let before = if k == 0 {
            (block_top + top - g::docx::em_top_in_exact_line(g::BODY_SIZE, line) - y).max(0.0)
        } else {
            0.0
        };
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", CORNER.id)]);
        x.empty("w:keepNext", &[]);
        if number.is_some() {
            x.open("w:tabs", &[]);
            x.empty("w:tab", &[("w:val", "right"), ("w:pos", &right)]);
            x.close();
        }
        x.empty(
            "w:spacing",
            &[
                ("w:before", &twips(before).to_string()),
                ("w:after", "0"),
                ("w:line", &twips(line).to_string()),
                ("w:lineRule", "exact"),
            ],
        );
        x.empty("w:jc", &[("w:val", "left")]);
        x.close();
        for r in corner.iter().flat_map(|l| &l.placed).flat_map(|p| &p.runs) {
            super::run_xml(x, &r.text, r.role, CORNER.role, o.fonts);
        }
        if let Some(l) = number {
            x.open("w:r", &[]).empty("w:tab", &[]).close();
            for r in l.placed.iter().flat_map(|p| &p.runs) {
                super::run_xml(x, &r.text, r.role, CORNER.role, o.fonts);
            }
        }
        x.close();
        y += before + line;
    }

    // The 标题 starts on grid line `title_line`.
    top_margin + title_line as f64 * line - y
}

/// The 发文机关标志 in a text box as wide as the 版心, without insets: one
/// centred exact line, placed so that its em box's top is where the
/// composition puts it.
fn mark_box(x: &mut Xml, m: &Mark, id: usize) {
    let mark_line = twips(m.size * g::docx::SOLO_LINE_EM) as f64 / 20.0;
    let shape = Shape {
        id,
        name: "发文机关标志",
        left: mm(g::LEFT_MARGIN_MM),
        top: mm(g::TOP_MARGIN_MM) + m.top - g::docx::em_top_in_exact_line(m.size, mark_line),
        width: mm(g::BLOCK_WIDTH_MM),
        height: mark_line,
    };
    shape.write(x, None, |x| {
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", MARK.id)]);
        x.empty(
            "w:spacing",
            &[
                ("w:before", "0"),
                ("w:after", "0"),
                ("w:line", &twips(mark_line).to_string()),
                ("w:lineRule", "exact"),
            ],
        );
        x.empty(
            "w:ind",
            &[("w:left", "0"), ("w:right", "0"), ("w:firstLine", "0")],
        );
        x.empty("w:jc", &[("w:val", "center")]);
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
    });
}

/// A floating rectangle placed against the page (points from its top-left
/// corner), in front of the text, no wrapping.
struct Shape {
    id: usize,
    name: &'static str,
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

impl Shape {
    /// Writes `<w:r><w:drawing><wp:anchor>` with a `wps:wsp`: filled with
    /// `fill` (RGB hex) and no outline, or, without a fill, a text box
    /// whose content `text` writes.
    fn write(&self, x: &mut Xml, fill: Option<&str>, text: impl FnOnce(&mut Xml)) {
        let (cx, cy) = (emu(self.width), emu(self.height));
        let id = self.id.to_string();
        Anchor {
            h_from: "page",
            left: self.left,
            v_from: "page",
            top: self.top,
            width: self.width,
            height: self.height,
            behind: false,
            relative_height: "251660288",
            id: &id,
            name: self.name,
            descr: None,
        }
        .open(x);
        x.empty("wp:cNvGraphicFramePr", &[]);
        x.open("a:graphic", &[]);
        x.open("a:graphicData", &[("uri", NS_WPS)]);
        x.open("wps:wsp", &[]);
        if fill.is_some() {
            x.empty("wps:cNvSpPr", &[]);
        } else {
            x.empty("wps:cNvSpPr", &[("txBox", "1")]);
        }
        x.open("wps:spPr", &[]);
        x.open("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
        x.close();
        x.open("a:prstGeom", &[("prst", "rect")])
            .empty("a:avLst", &[])
            .close();
        match fill {
            Some(rgb) => {
                x.open("a:solidFill", &[])
                    .empty("a:srgbClr", &[("val", rgb)])
                    .close();
            }
            None => {
                x.empty("a:noFill", &[]);
            }
        }
        x.open("a:ln", &[]).empty("a:noFill", &[]).close();
        x.close(); // wps:spPr
        if fill.is_none() {
            x.open("wps:txbx", &[]).open("w:txbxContent", &[]);
            text(x);
            x.close().close();
        }
        x.open(
            "wps:bodyPr",
            &[
                ("rot", "0"),
                ("vert", "horz"),
                ("wrap", "square"),
                ("lIns", "0"),
                ("tIns", "0"),
                ("rIns", "0"),
                ("bIns", "0"),
                ("anchor", "t"),
                ("anchorCtr", "0"),
            ],
        );
        x.empty("a:noAutofit", &[]);
        x.close();
        x.close(); // wps:wsp
        x.close().close(); // a:graphicData, a:graphic
        x.close().close().close(); // wp:anchor, w:drawing, w:r
    }
}
