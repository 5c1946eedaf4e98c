//! The fixed parts of the DOCX package: content types, relationships,
//! properties, styles, settings, font table, page setup.

use super::PageGeometry;
use super::xml::Xml;
use crate::geometry::{self as g, docx::Grid, mm, twips};
use crate::model::Document;

pub const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_BASE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Page size and margins in twips.
#[derive(Debug, Clone, Copy)]
pub struct PageSetup {
    pub width: i64,
    pub height: i64,
    pub top: i64,
    pub right: i64,
    pub bottom: i64,
    pub left: i64,
    pub header: i64,
    pub footer: i64,
    /// A landscape section (a turned table's pages, §8).
    pub landscape: bool,
}

impl PageSetup {
    /// The page for `geometry` on `grid`; `dash_top` is the 一字线's ink top
    /// in em in the page number's font (see [`g::docx::footer_twips`]).
    pub fn new(geometry: PageGeometry, grid: Grid, dash_top: f64) -> Self {
        let width = twips(mm(g::PAPER_WIDTH_MM));
        let height = twips(mm(g::PAPER_HEIGHT_MM));
        let left = twips(mm(g::LEFT_MARGIN_MM));
        let (top, right, bottom) = match geometry {
            // The 版心's own margins (§5.2.1): 3.7 / 2.6 / 3.5 cm.
            PageGeometry::Template => (
                twips(mm(g::TOP_MARGIN_MM)),
                twips(mm(g::RIGHT_MARGIN_MM)),
                twips(mm(g::BOTTOM_MARGIN_MM)),
            ),
            // Line 1's em box at 37 mm, 28 cells wide, 22 lines tall.
            PageGeometry::Fill => {
                let top = g::docx::fill_top_margin_twips(grid);
                let text_width =
                    grid.cells_twips(g::CHARS_PER_LINE) + g::docx::TEXT_WIDTH_SLACK_TWIPS;
                let bottom = height
                    - top
                    - g::LINES_PER_PAGE as i64 * grid.line_twips
                    - g::docx::LAST_LINE_SLACK_TWIPS;
                (top, width - left - text_width, bottom)
            }
        };
        Self {
            width,
            height,
            top,
            right,
            bottom,
            left,
            header: twips(mm(g::docx::HEADER_MM)),
            footer: g::docx::footer_twips(dash_top),
            landscape: false,
        }
    }

    /// The same sheet turned a quarter clockwise for a landscape table
    /// (§8; research §3): the portrait 订口 becomes the top margin, the 天头
    /// the right one, and so on, so that the 版心 stays where it is on the
    /// sheet and the table's head faces the portrait left edge. The footer
    /// keeps its distance below the text area.
    pub fn turned(&self) -> Self {
        let footer = (self.footer - (self.bottom - self.right)).max(0);
        Self {
            width: self.height,
            height: self.width,
            top: self.left,
            right: self.top,
            bottom: self.right,
            left: self.bottom,
            header: self.header.min(self.left),
            footer,
            landscape: true,
        }
    }

    /// The text width, twips.
    pub fn text_width(&self) -> i64 {
        self.width - self.left - self.right
    }
}

/// `images`: (extension, MIME type) of each image part.
pub fn content_types(images: &[(&str, &str)]) -> String {
    let mut x = Xml::new();
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    let mut seen = Vec::new();
    for (ext, mime) in images {
        if !seen.contains(ext) {
            seen.push(ext);
            x.empty("Default", &[("Extension", ext), ("ContentType", mime)]);
        }
    }
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    for (part, kind) in [
        ("/word/document.xml", format!("{wml}.document.main+xml")),
        ("/word/styles.xml", format!("{wml}.styles+xml")),
        ("/word/settings.xml", format!("{wml}.settings+xml")),
        ("/word/fontTable.xml", format!("{wml}.fontTable+xml")),
        ("/word/footer1.xml", format!("{wml}.footer+xml")),
        ("/word/footer2.xml", format!("{wml}.footer+xml")),
        ("/word/footer3.xml", format!("{wml}.footer+xml")),
        ("/word/footer4.xml", format!("{wml}.footer+xml")),
        ("/word/footer5.xml", format!("{wml}.footer+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_string(),
        ),
    ] {
        x.empty("Override", &[("PartName", part), ("ContentType", &kind)]);
    }
    x.close();
    x.finish()
}

pub fn package_rels() -> String {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", NS_PKG_REL)]);
    x.empty(
        "Relationship",
        &[
            ("Id", "rId1"),
            ("Type", &format!("{REL_BASE}/officeDocument")),
            ("Target", "word/document.xml"),
        ],
    );
    x.empty(
        "Relationship",
        &[
            ("Id", "rId2"),
            ("Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
            ("Target", "docProps/core.xml"),
        ],
    );
    x.empty(
        "Relationship",
        &[
            ("Id", "rId3"),
            ("Type", &format!("{REL_BASE}/extended-properties")),
            ("Target", "docProps/app.xml"),
        ],
    );
    x.close();
    x.finish()
}

/// `images`: (relationship id, target) of each image part.
pub fn document_rels(images: &[(&str, &str)]) -> String {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", NS_PKG_REL)]);
    for (id, kind, target) in [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFontTable", "fontTable", "fontTable.xml"),
        ("rIdFooterOdd", "footer", "footer1.xml"),
        ("rIdFooterEven", "footer", "footer2.xml"),
        ("rIdFooterNone", "footer", "footer3.xml"),
        ("rIdFooterLandOdd", "footer", "footer4.xml"),
        ("rIdFooterLandEven", "footer", "footer5.xml"),
    ] {
        x.empty(
            "Relationship",
            &[
                ("Id", id),
                ("Type", &format!("{REL_BASE}/{kind}")),
                ("Target", target),
            ],
        );
    }
    for (id, target) in images {
        x.empty(
            "Relationship",
            &[
                ("Id", id),
                ("Type", &format!("{REL_BASE}/image")),
                ("Target", target),
            ],
        );
    }
    x.close();
    x.finish()
}

/// Core properties: title = the 标题, creator = the issuer, dates = the
/// 成文日期 (deterministic).
pub fn core(doc: &Document) -> String {
    let date = format!("{}T00:00:00Z", doc.date.iso());
    let creator = doc.issuer.join("、");
    let title = doc.display_title();
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.text_element("dc:title", &[], &title);
    x.text_element("dc:subject", &[], doc.kind.name());
    x.text_element("dc:creator", &[], &creator);
    x.text_element("cp:lastModifiedBy", &[], &creator);
    x.text_element("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &date);
    x.text_element("dcterms:modified", &[("xsi:type", "dcterms:W3CDTF")], &date);
    x.close();
    x.finish()
}

pub fn app() -> String {
    let mut x = Xml::new();
    x.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.text_element(
        "Application",
        &[],
        &format!("gongwen {}", env!("CARGO_PKG_VERSION")),
    );
    x.close();
    x.finish()
}

pub fn settings(grid: Grid) -> String {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", NS_W)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    // Tab stops every two body characters, the 左空二字 unit (§7.3.3).
    let tab = grid.cells_twips(g::PARAGRAPH_INDENT_CHARS);
    x.empty("w:defaultTabStop", &[("w:val", &tab.to_string())]);
    // 奇偶页不同: odd pages' numbers right, even pages' left (§7.5).
    x.empty("w:evenAndOddHeaders", &[]);
    // Every punctuation mark a full character: no compression.
    x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    x.open("w:compat", &[]);
    // What Chinese Word writes into its own files (the audit's comparison,
    // in CT_Compat's schema order): underline and trailing spaces as
    // Chinese Word draws them; Shift+Enter (a manual line break) does not
    // stretch a justified line across the measure; table row heights
    // adjusted to the grid; the East Asian layout code not bypassed.
    for flag in [
        "spaceForUL",
        "ulTrailSpace",
        "doNotExpandShiftReturn",
        "adjustLineHeightInTable",
        "useFELayout",
    ] {
        x.empty(&format!("w:{flag}"), &[]);
    }
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close();
    x.empty(
        "w:themeFontLang",
        &[("w:val", "en-US"), ("w:eastAsia", "zh-CN")],
    );
    x.close();
    x.finish()
}
