//! The footers: `— N —` with a PAGE field in 4号宋体; odd pages right, even
//! pages left, one character in (§7.5). The line is exact (see
//! [`g::docx::footer_twips`]), so the footer distance places the 一字线.

use super::drawing::{Anchor, emu};
use super::runs::{self, RunProps};
use super::xml::Xml;
use super::{PAGE_NUMBER, parts};
use crate::compose::PageNumbers;
use crate::geometry::twips;

/// `word/footer1.xml` (odd pages) or `footer2.xml` (even pages): the
/// composition's page number around a PAGE field.
pub fn footer_xml(odd: bool, numbers: &PageNumbers) -> String {
    let mut x = Xml::new();
    x.open(
        "w:ftr",
        &[("xmlns:w", parts::NS_W), ("xmlns:r", parts::NS_R)],
    );
    number_paragraph(&mut x, odd, numbers, twips(numbers.inset));
    x.close();
    x.finish()
}

/// The page number's paragraph: `inset` twips from the side it is aligned
/// to (right on odd pages, left on even pages).
fn number_paragraph(x: &mut Xml, odd: bool, numbers: &PageNumbers, inset: i64) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", PAGE_NUMBER.id)]);
    let inset = inset.to_string();
    if odd {
        x.empty("w:ind", &[("w:right", &inset)]);
        x.empty("w:jc", &[("w:val", "right")]);
    } else {
        x.empty("w:ind", &[("w:left", &inset)]);
        x.empty("w:jc", &[("w:val", "left")]);
    }
    x.close();
    let dash = numbers.dash;
    runs::text(x, &format!("{dash} "), RunProps::default());
    let field = |x: &mut Xml, kind: &str| {
        x.open("w:r", &[])
            .empty("w:fldChar", &[("w:fldCharType", kind)])
            .close();
    };
    field(x, "begin");
    x.open("w:r", &[])
        .text_element("w:instrText", &[("xml:space", "preserve")], " PAGE ")
        .close();
    field(x, "separate");
    // The cached result Word shows until it updates the field.
    runs::text(x, if odd { "1" } else { "2" }, RunProps::default());
    field(x, "end");
    runs::text(x, &format!(" {dash}"), RunProps::default());
    x.close();
}

/// The footers of a landscape table's pages (§8: the page number stays
/// where it is on portrait pages): the sheet is turned a quarter
/// clockwise for reading, so the portrait number stands along the
/// landscape page's left edge, read top to bottom. A text box anchored to
/// the page holds it, its text turned a quarter clockwise
/// (`bodyPr vert="vert"`), placed so that the 一字线's upper edge (the
/// number's top, now facing right) is as far from the landscape page's left
/// edge as it is from the portrait bottom edge, and the number ends (odd
/// pages) or starts (even pages) one character inside the 版心, as on
/// portrait pages.
///
/// `dash_top` is the 一字线's ink top in em, as for the portrait footer.
pub fn landscape_footer_xml(odd: bool, numbers: &PageNumbers, dash_top: f64) -> String {
    use crate::geometry::{self as g, mm};
    let mut x = Xml::new();
    x.open(
        "w:ftr",
        &[
            ("xmlns:w", parts::NS_W),
            ("xmlns:r", parts::NS_R),
            ("xmlns:wp", super::drawing::NS_WP),
            ("xmlns:a", super::drawing::NS_A),
            ("xmlns:wps", NS_WPS),
        ],
    );
    // The number's line: exact, its baseline 80 % down; the dash's ink top
    // that far below the line's top.
    let line = g::docx::page_number_line();
    let ink_below_top = g::docx::BASELINE_IN_EXACT_LINE * line - dash_top * numbers.size;
    // Portrait (x, y) becomes landscape (paper height − y, x).
    let dash_x = mm(g::PAPER_HEIGHT_MM) - numbers.dash_top;
    let left = dash_x + ink_below_top - line;
    // Along the text: the 版心's span, the number aligned to its end.
    let start = mm(g::LEFT_MARGIN_MM);
    let length = mm(g::BLOCK_WIDTH_MM);
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", PAGE_NUMBER.id)]);
    x.close();
    let id = if odd { "4001" } else { "4002" };
    Anchor {
        h_from: "page",
        left,
        v_from: "page",
        top: start,
        width: line,
        height: length,
        behind: false,
        relative_height: "1",
        id,
        name: "页码",
        descr: None,
    }
    .open(&mut x);
    let (cx, cy) = (emu(line), emu(length));
    x.empty("wp:cNvGraphicFramePr", &[]);
    x.open("a:graphic", &[]).open(
        "a:graphicData",
        &[(
            "uri",
            "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        )],
    );
    x.open("wps:wsp", &[]);
    x.empty("wps:cNvSpPr", &[("txBox", "1")]);
    x.open("wps:spPr", &[]);
    x.open("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    x.close();
    x.open("a:prstGeom", &[("prst", "rect")])
        .empty("a:avLst", &[])
        .close();
    x.empty("a:noFill", &[]);
    x.open("a:ln", &[]).empty("a:noFill", &[]).close();
    x.close();
    x.open("wps:txbx", &[]).open("w:txbxContent", &[]);
    let inset = twips(numbers.inset);
    number_paragraph(&mut x, odd, numbers, inset);
    x.close().close();
    x.empty(
        "wps:bodyPr",
        &[
            ("rot", "0"),
            ("vert", "vert"),
            ("wrap", "square"),
            ("lIns", "0"),
            ("tIns", "0"),
            ("rIns", "0"),
            ("bIns", "0"),
            ("anchor", "t"),
            ("anchorCtr", "0"),
        ],
    );
    x.close(); // wps:wsp
    x.close().close(); // graphicData, graphic
    x.close(); // anchor
    x.close().close(); // drawing, run
    x.close(); // p
    x.close();
    x.finish()
}

/// The WordprocessingML shapes namespace (Office 2010).
const NS_WPS: &str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";

/// A footer with an empty paragraph: pages without a number (the blank side
/// before the 版记 and the 版记's side, §7.5; a 信函's first page, §10.1).
/// The paragraph has the page number's style, so that it is as tall as a
/// numbered footer's line: an empty paragraph at the body's size is
/// 10.4 mm, more than the 8.3 mm below the 版心, and pushed the 版心's
/// bottom up (a 版记 alone on a page 2 mm high in LibreOffice).
pub fn empty_footer_xml() -> String {
    let mut x = Xml::new();
    x.open(
        "w:ftr",
        &[("xmlns:w", parts::NS_W), ("xmlns:r", parts::NS_R)],
    );
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", PAGE_NUMBER.id)]);
    x.close().close();
    x.close();
    x.finish()
}
