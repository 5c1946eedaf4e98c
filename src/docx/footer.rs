//! The footers: `— N —` with a PAGE field in 4号宋体; odd pages right, even
//! pages left, one character in (§7.5). The line is exact (see
//! [`g::docx::footer_twips`]), so the footer distance places the 一字线.

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
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", PAGE_NUMBER.id)]);
    let inset = twips(numbers.inset).to_string();
    if odd {
        x.empty("w:ind", &[("w:right", &inset)]);
        x.empty("w:jc", &[("w:val", "right")]);
    } else {
        x.empty("w:ind", &[("w:left", &inset)]);
        x.empty("w:jc", &[("w:val", "left")]);
    }
    x.close();
    let dash = numbers.dash;
    runs::text(&mut x, &format!("{dash} "), RunProps::default());
    let field = |x: &mut Xml, kind: &str| {
        x.open("w:r", &[])
            .empty("w:fldChar", &[("w:fldCharType", kind)])
            .close();
    };
    field(&mut x, "begin");
    x.open("w:r", &[])
        .text_element("w:instrText", &[("xml:space", "preserve")], " PAGE ")
        .close();
    field(&mut x, "separate");
    // The cached result Word shows until it updates the field.
    runs::text(&mut x, if odd { "1" } else { "2" }, RunProps::default());
    field(&mut x, "end");
    runs::text(&mut x, &format!(" {dash}"), RunProps::default());
    x.close().close();
    x.finish()
}

/// A footer with an empty paragraph: pages without a number (the blank side
/// before the 版记 and the 版记's side, §7.5).
pub fn empty_footer_xml() -> String {
    let mut x = Xml::new();
    x.open(
        "w:ftr",
        &[("xmlns:w", parts::NS_W), ("xmlns:r", parts::NS_R)],
    );
    x.open("w:p", &[]).close();
    x.close();
    x.finish()
}
