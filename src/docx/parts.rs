//! The fixed parts of the DOCX package: content types, relationships,
//! properties, styles, settings, font table, page setup.

use super::xml::Xml;
use super::{FontNames, PAGE_NUMBER, Style, TITLE, paragraph_styles, role_font};
use crate::fonts::FontSet;
use crate::geometry::{self as g, mm, twips};
use crate::model::{Document, Role};

pub const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_BASE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// `w:overflowPunct` ("allow punctuation to extend past text extents").
///
/// "1", Word's own default, on purpose: LibreOffice 7.4 reads this flag
/// inverted (writerfilter sets IsHangingPunctuation = (val == 0)), and when
/// it hangs a mark it draws none: with "0" the seed lost 20 commas and full
/// stops from LibreOffice's page. With "1" LibreOffice never hangs and moves
/// the character before down instead, as gongwen's PDF does; Word keeps its
/// usual behaviour, which may hang a mark on a full line.
const OVERFLOW_PUNCT: &str = "1";

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
}

impl PageSetup {
    /// `dash`: the 一字线's ink top and its font's descent, in em (see
    /// [`g::docx::footer_twips`]).
    pub fn new(dash: (f64, f64)) -> Self {
        let width = twips(mm(g::PAPER_WIDTH_MM));
        let height = twips(mm(g::PAPER_HEIGHT_MM));
        let left = twips(mm(g::LEFT_MARGIN_MM));
        let right = width - left - g::docx::text_width_twips();
        let top = g::docx::top_margin_twips();
        let bottom = height
            - top
            - g::LINES_PER_PAGE as i64 * g::docx::line_twips()
            - g::docx::LAST_LINE_SLACK_TWIPS;
        Self {
            width,
            height,
            top,
            right,
            bottom,
            left,
            header: twips(mm(g::docx::HEADER_MM)),
            footer: g::docx::footer_twips(dash.0, dash.1),
        }
    }
}

pub fn content_types() -> String {
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
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    for (part, kind) in [
        ("/word/document.xml", format!("{wml}.document.main+xml")),
        ("/word/styles.xml", format!("{wml}.styles+xml")),
        ("/word/settings.xml", format!("{wml}.settings+xml")),
        ("/word/fontTable.xml", format!("{wml}.fontTable+xml")),
        ("/word/footer1.xml", format!("{wml}.footer+xml")),
        ("/word/footer2.xml", format!("{wml}.footer+xml")),
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

pub fn document_rels() -> String {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", NS_PKG_REL)]);
    for (id, kind, target) in [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFontTable", "fontTable", "fontTable.xml"),
        ("rIdFooterOdd", "footer", "footer1.xml"),
        ("rIdFooterEven", "footer", "footer2.xml"),
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
    x.close();
    x.finish()
}

/// Core properties: title = the 标题, creator = the issuer, dates = the
/// 成文日期 (deterministic).
pub fn core(doc: &Document) -> String {
    let date = format!("{}T00:00:00Z", doc.date.iso());
    let creator = doc.issuer.join("、");
    let title: String = doc.title.as_str().lines().map(str::trim).collect();
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

pub fn settings() -> String {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", NS_W)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    x.empty("w:defaultTabStop", &[("w:val", "420")]);
    // 奇偶页不同: odd pages' numbers right, even pages' left (§7.5).
    x.empty("w:evenAndOddHeaders", &[]);
    // Every punctuation mark a full character: no compression.
    x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    x.open("w:compat", &[]);
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

/// `<w:rFonts>` (+ bold) for a role.
fn fonts_xml(x: &mut Xml, role: Role, names: FontNames) {
    let f = role_font(role, names);
    // The title's and the page number's digits come from their own face.
    let latin = if FontSet::uses_latin_font(role) {
        f.latin
    } else {
        f.east_asia
    };
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", latin),
            ("w:hAnsi", latin),
            ("w:eastAsia", f.east_asia),
            ("w:cs", latin),
        ],
    );
    if f.bold {
        x.empty("w:b", &[]);
        x.empty("w:bCs", &[]);
    }
}

fn style_xml(x: &mut Xml, s: Style, names: FontNames) {
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:customStyle", "1"),
            ("w:styleId", s.id),
        ],
    );
    x.empty("w:name", &[("w:val", s.name)]);
    x.empty("w:basedOn", &[("w:val", "Normal")]);
    x.empty("w:qFormat", &[]);
    x.open("w:pPr", &[]);
    let cell = g::docx::cell();
    match s.id {
        id if id == TITLE.id || id == super::header::MARK.id || id == super::header::NUMBER.id => {
            x.empty("w:jc", &[("w:val", "center")]);
        }
        id if id == super::BODY.id || id.starts_with("GwHeading") || id == super::NOTE.id => {
            // 左空二字 (§7.3.3).
            let indent = twips(cell * g::PARAGRAPH_INDENT_CHARS as f64).to_string();
            x.empty("w:ind", &[("w:firstLine", &indent)]);
            x.empty("w:jc", &[("w:val", "both")]);
        }
        id if id == super::ADDRESSEES.id || id == super::ATTACHMENT.id => {
            x.empty("w:jc", &[("w:val", "both")]);
        }
        id if id == PAGE_NUMBER.id => {
            x.empty("w:spacing", &[("w:line", "240"), ("w:lineRule", "auto")]);
        }
        _ => {
            x.empty("w:jc", &[("w:val", "left")]);
        }
    }
    if let Some(level) = s.outline {
        x.empty("w:outlineLvl", &[("w:val", &level.to_string())]);
    }
    x.close();
    x.open("w:rPr", &[]);
    fonts_xml(x, s.role, names);
    if super::header::is_mark(s) {
        x.empty("w:color", &[("w:val", &super::header::red_rgb())]);
    }
    let size = match s.role {
        Role::Title => g::TITLE_SIZE,
        Role::Song => g::PAGE_NUMBER_SIZE,
        _ => g::BODY_SIZE,
    };
    if matches!(s.role, Role::Title | Role::Song) {
        x.empty("w:spacing", &[("w:val", "0")]);
    }
    let half_points = ((size * 2.0).round() as i64).to_string();
    x.empty("w:sz", &[("w:val", &half_points)]);
    x.empty("w:szCs", &[("w:val", &half_points)]);
    x.close();
    x.close();
}

pub fn styles(names: FontNames) -> String {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", NS_W)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]).open("w:rPr", &[]);
    fonts_xml(&mut x, Role::Body, names);
    x.empty(
        "w:spacing",
        &[("w:val", &g::docx::CHAR_SPACING_TWIPS.to_string())],
    );
    x.empty("w:kern", &[("w:val", "0")]);
    let body = ((g::BODY_SIZE * 2.0).round() as i64).to_string();
    x.empty("w:sz", &[("w:val", &body)]);
    x.empty("w:szCs", &[("w:val", &body)]);
    x.empty(
        "w:lang",
        &[
            ("w:val", "en-US"),
            ("w:eastAsia", "zh-CN"),
            ("w:bidi", "ar-SA"),
        ],
    );
    x.close().close();
    x.open("w:pPrDefault", &[]).open("w:pPr", &[]);
    // No widow/orphan control (it would leave pages with 21 lines), no
    // automatic CJK–Latin spacing, no grid snapping: the line is exactly the
    // pitch. See `OVERFLOW_PUNCT` for hanging punctuation.
    x.empty("w:widowControl", &[("w:val", "0")]);
    x.empty("w:overflowPunct", &[("w:val", OVERFLOW_PUNCT)]);
    x.empty("w:autoSpaceDE", &[("w:val", "0")]);
    x.empty("w:autoSpaceDN", &[("w:val", "0")]);
    x.empty("w:snapToGrid", &[("w:val", "0")]);
    x.empty(
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", &g::docx::line_twips().to_string()),
            ("w:lineRule", "exact"),
        ],
    );
    x.close().close();
    x.close();
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    );
    x.empty("w:name", &[("w:val", "Normal")]);
    x.empty("w:qFormat", &[]);
    // Repeated here: LibreOffice does not take these from the defaults.
    x.open("w:pPr", &[]);
    x.empty("w:widowControl", &[("w:val", "0")]);
    x.empty("w:overflowPunct", &[("w:val", OVERFLOW_PUNCT)]);
    x.empty("w:autoSpaceDE", &[("w:val", "0")]);
    x.empty("w:autoSpaceDN", &[("w:val", "0")]);
    x.empty("w:snapToGrid", &[("w:val", "0")]);
    x.close();
    x.close();
    x.open(
        "w:style",
        &[
            ("w:type", "character"),
            ("w:default", "1"),
            ("w:styleId", "DefaultParagraphFont"),
        ],
    );
    x.empty("w:name", &[("w:val", "Default Paragraph Font")]);
    x.empty("w:uiPriority", &[("w:val", "1")]);
    x.empty("w:semiHidden", &[]);
    x.close();
    for s in paragraph_styles() {
        style_xml(&mut x, s, names);
    }
    x.close();
    x.finish()
}

/// Alternative names Word and WPS may substitute.
fn alt_name(font: &str) -> Option<&'static str> {
    Some(match font {
        "仿宋_GB2312" => "仿宋",
        "楷体_GB2312" => "楷体",
        "方正小标宋简体" => "方正小标宋_GBK",
        "黑体" => "SimHei",
        "宋体" => "SimSun",
        "FandolFang R" => "仿宋",
        "Gongwen Kai" => "楷体",
        "Noto Sans CJK SC Medium" => "黑体",
        "Noto Serif CJK SC" => "宋体",
        _ => return None,
    })
}

pub fn font_table(names: FontNames) -> String {
    let mut fonts: Vec<&'static str> = Vec::new();
    for role in [Role::Body, Role::Hei, Role::Kai, Role::Title, Role::Song] {
        let f = role_font(role, names);
        for name in [f.east_asia, f.latin] {
            if !fonts.contains(&name) {
                fonts.push(name);
            }
        }
    }
    let mut x = Xml::new();
    x.open("w:fonts", &[("xmlns:w", NS_W)]);
    for name in fonts {
        let cjk = !name.is_ascii() || alt_name(name).is_some();
        x.open("w:font", &[("w:name", name)]);
        if let Some(alt) = alt_name(name) {
            x.empty("w:altName", &[("w:val", alt)]);
        }
        // charset 86 = GB2312; 0 = ANSI.
        x.empty("w:charset", &[("w:val", if cjk { "86" } else { "00" })]);
        x.empty(
            "w:family",
            &[("w:val", if cjk { "modern" } else { "roman" })],
        );
        x.empty(
            "w:pitch",
            &[("w:val", if cjk { "fixed" } else { "variable" })],
        );
        x.close();
    }
    x.close();
    x.finish()
}
