//! Sections of `word/document.xml`: the page setup (`w:sectPr`), the
//! footers each section names, and the small paragraph that ends one.

use super::xml::Xml;
use super::{Setup, parts};
use crate::compose::Composition;

/// How a section's first page is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FirstPage {
    /// Like the section's other pages.
    AsOthers,
    /// Without a number (page 1 of a 信函, §10.1): a first page of its own
    /// (`w:titlePg`) with no footer.
    Unnumbered,
}

/// The document's first section's first page, as the composition says.
pub(super) fn first_page(c: &Composition) -> FirstPage {
    if c.page_numbers.first_page {
        FirstPage::AsOthers
    } else {
        FirstPage::Unnumbered
    }
}

/// A paragraph that ends a section of `page`'s setup (with the numbered
/// footers): as small as Word allows and off the grid, so that it never
/// takes a line of its own.
pub(super) fn section_end(x: &mut Xml, page: parts::PageSetup, setup: Setup, first: FirstPage) {
    section_end_with(x, page, setup, first, FOOTERS_NUMBERED);
}

/// [`section_end`] with the given footers.
pub(super) fn section_end_with(
    x: &mut Xml,
    page: parts::PageSetup,
    setup: Setup,
    first: FirstPage,
    footers: (&str, &str),
) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    super::record::tiny_props(x);
    section_properties(x, page, setup, Some(footers), first, None);
    x.close().close();
}

/// The footers of a section: odd pages, even pages (relationship ids).
pub(super) const FOOTERS_NUMBERED: (&str, &str) = ("rIdFooterOdd", "rIdFooterEven");
/// The footers of a landscape table's section (§8): the portrait number,
/// turned with the sheet.
pub(super) const FOOTERS_LANDSCAPE: (&str, &str) = ("rIdFooterLandOdd", "rIdFooterLandEven");
/// Empty footers: pages without numbers.
pub(super) const FOOTERS_NONE: (&str, &str) = ("rIdFooterNone", "rIdFooterNone");

/// `<w:sectPr>`: A4, the margins of the chosen geometry, the footers
/// (`None`: those of the section before), and how the section starts.
pub(super) fn section_properties(
    x: &mut Xml,
    page: parts::PageSetup,
    setup: Setup,
    footers: Option<(&str, &str)>,
    first: FirstPage,
    start: Option<&str>,
) {
    x.open("w:sectPr", &[]);
    if let Some((odd, even)) = footers {
        x.empty("w:footerReference", &[("w:type", "default"), ("r:id", odd)]);
        x.empty("w:footerReference", &[("w:type", "even"), ("r:id", even)]);
    }
    // A first page of its own names its footer, the empty one: left
    // unnamed, LibreOffice 25.2 gives it a default footer of the body's
    // size, which lowered a 信函's page 1 by 4.1 mm and lost a line.
    if first == FirstPage::Unnumbered {
        x.empty(
            "w:footerReference",
            &[("w:type", "first"), ("r:id", FOOTERS_NONE.0)],
        );
    }
    if let Some(kind) = start {
        x.empty("w:type", &[("w:val", kind)]);
    }
    let (w, h) = (page.width.to_string(), page.height.to_string());
    if page.landscape {
        x.empty(
            "w:pgSz",
            &[("w:w", &w), ("w:h", &h), ("w:orient", "landscape")],
        );
    } else {
        x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]);
    }
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &page.top.to_string()),
            ("w:right", &page.right.to_string()),
            ("w:bottom", &page.bottom.to_string()),
            ("w:left", &page.left.to_string()),
            ("w:header", &page.header.to_string()),
            ("w:footer", &page.footer.to_string()),
            ("w:gutter", "0"),
        ],
    );
    x.empty("w:cols", &[("w:space", "0")]);
    // A first page of its own (its footer, the empty one, named above:
    // with the page number's size it no longer lowers page 1, as an empty
    // footer at the body's size did in LibreOffice 7.4).
    if first == FirstPage::Unnumbered {
        x.empty("w:titlePg", &[]);
    }
    // A lines-only grid of 22 lines a page, for Word's page setup (每页22行);
    // lines are exact and paragraphs do not snap, so it moves nothing. Not
    // on a landscape table's pages, which hold no lines of text: there
    // LibreOffice started a table continued from the page before 14.4 pt
    // below the text area's top, and a page held a row less than the PDF's.
    let pitch = setup.grid.line_twips.to_string();
    let grid: &[(&str, &str)] = if page.landscape {
        &[("w:linePitch", &pitch)]
    } else {
        &[("w:type", "lines"), ("w:linePitch", &pitch)]
    };
    x.empty("w:docGrid", grid);
    x.close();
}
