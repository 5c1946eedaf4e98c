//! `word/styles.xml`: the document defaults, Normal as the 正文, gongwen's
//! paragraph styles, and latent styles that keep Word's built-in quick
//! styles (标题 1, 标题 2, 标题 …) out of the gallery.

use super::xml::Xml;
use super::{BODY, FontNames, Layout, Style, paragraph_styles, role_font};
use crate::fonts::FontSet;
use crate::fonts::Role;
use crate::geometry::{self as g, docx::Grid};

/// `w:overflowPunct` ("allow punctuation to extend past text extents").
///
/// "1", Word's own default, on purpose: LibreOffice 7.4 reads this flag
/// inverted (writerfilter sets IsHangingPunctuation = (val == 0)), and when
/// it hangs a mark it draws none: with "0" the seed lost 20 commas and full
/// stops from LibreOffice's page. With "1" LibreOffice never hangs and moves
/// the character before down instead, as gongwen's PDF does; Word keeps its
/// usual behaviour, which may hang a mark on a full line.
const OVERFLOW_PUNCT: &str = "1";

/// Built-in styles Word's own Normal.dotm shows in the style gallery
/// (`w:qFormat` in its latent styles). Listed as exceptions that are not
/// quick styles and stay hidden until used, so that the gallery offers
/// gongwen's styles, whose fonts and exact lines keep the grid, and not
/// Word's headings with their spacing and Calibri Light.
const BUILT_IN_QUICK_STYLES: [&str; 24] = [
    "heading 1",
    "heading 2",
    "heading 3",
    "heading 4",
    "heading 5",
    "heading 6",
    "heading 7",
    "heading 8",
    "heading 9",
    "caption",
    "Title",
    "Subtitle",
    "Strong",
    "Emphasis",
    "No Spacing",
    "List Paragraph",
    "Quote",
    "Intense Quote",
    "Subtle Emphasis",
    "Intense Emphasis",
    "Subtle Reference",
    "Intense Reference",
    "Book Title",
    "TOC Heading",
];

/// The number of latent styles Word 2013 and later know (what their files
/// give as `w:count`); the file asks for compatibility mode 15.
const LATENT_STYLE_COUNT: &str = "376";

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

/// The East Asian typography flags: no widow/orphan control (it would leave
/// pages with 21 lines), no automatic CJK–Latin spacing, no grid snapping
/// (the line is exactly the pitch). See [`OVERFLOW_PUNCT`].
fn typography_flags(x: &mut Xml) {
    x.empty("w:widowControl", &[("w:val", "0")]);
    x.empty("w:overflowPunct", &[("w:val", OVERFLOW_PUNCT)]);
    x.empty("w:autoSpaceDE", &[("w:val", "0")]);
    x.empty("w:autoSpaceDN", &[("w:val", "0")]);
    x.empty("w:snapToGrid", &[("w:val", "0")]);
}

/// The layout's `w:spacing`, `w:ind` and `w:jc` (in that schema order).
/// Every style is based on Normal, which is the body; the others reset its
/// first-line indent.
fn layout_xml(x: &mut Xml, layout: Layout, grid: Grid) {
    let indent = grid.cells_twips(g::PARAGRAPH_INDENT_CHARS).to_string();
    let (ind, jc): (&[(&str, &str)], &str) = match layout {
        Layout::Body => (&[("w:firstLine", &indent)], "both"),
        Layout::Centred => (&[("w:firstLine", "0")], "center"),
        Layout::Flush => (&[("w:firstLine", "0")], "both"),
        Layout::Left => (&[("w:firstLine", "0")], "left"),
        Layout::RightTwoChars => (&[("w:right", &indent), ("w:firstLine", "0")], "right"),
        Layout::PageNumber => {
            let line = g::docx::page_number_line();
            x.empty(
                "w:spacing",
                &[
                    ("w:line", &g::twips(line).to_string()),
                    ("w:lineRule", "exact"),
                ],
            );
            (&[("w:firstLine", "0")], "left")
        }
    };
    x.empty("w:ind", ind);
    x.empty("w:jc", &[("w:val", jc)]);
}

fn style_xml(x: &mut Xml, s: Style, priority: usize, names: FontNames, grid: Grid) {
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:customStyle", "1"),
            ("w:styleId", s.id),
        ],
    );
    x.empty("w:name", &[("w:val", s.name)]);
    x.empty("w:basedOn", &[("w:val", BODY.id)]);
    if let Some(next) = s.next {
        x.empty("w:next", &[("w:val", next)]);
    }
    x.empty("w:uiPriority", &[("w:val", &priority.to_string())]);
    x.empty("w:qFormat", &[]);
    x.open("w:pPr", &[]);
    layout_xml(x, s.layout, grid);
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
    // The title and the page number are not on the body's character grid.
    if matches!(s.role, Role::Title | Role::Song) {
        x.empty("w:spacing", &[("w:val", "0")]);
    }
    let half_points = super::half_points(size);
    x.empty("w:sz", &[("w:val", &half_points)]);
    x.empty("w:szCs", &[("w:val", &half_points)]);
    x.close();
    x.close();
}

fn latent_styles(x: &mut Xml) {
    x.open(
        "w:latentStyles",
        &[
            ("w:defLockedState", "0"),
            ("w:defUIPriority", "99"),
            ("w:defSemiHidden", "1"),
            ("w:defUnhideWhenUsed", "1"),
            ("w:defQFormat", "0"),
            ("w:count", LATENT_STYLE_COUNT),
        ],
    );
    for name in BUILT_IN_QUICK_STYLES {
        x.empty(
            "w:lsdException",
            &[
                ("w:name", name),
                ("w:semiHidden", "1"),
                ("w:unhideWhenUsed", "1"),
                ("w:qFormat", "0"),
            ],
        );
    }
    x.close();
}

pub fn styles(names: FontNames, grid: Grid) -> String {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", super::parts::NS_W)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]).open("w:rPr", &[]);
    fonts_xml(&mut x, Role::Body, names);
    x.empty(
        "w:spacing",
        &[("w:val", &grid.char_spacing_twips.to_string())],
    );
    x.empty("w:kern", &[("w:val", "0")]);
    let body = super::half_points(g::BODY_SIZE);
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
    typography_flags(&mut x);
    x.empty(
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", &grid.line_twips.to_string()),
            ("w:lineRule", "exact"),
        ],
    );
    x.close().close();
    x.close();
    latent_styles(&mut x);
    // Normal: the 正文.
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", BODY.id),
        ],
    );
    x.empty("w:name", &[("w:val", BODY.name)]);
    x.empty("w:uiPriority", &[("w:val", "0")]);
    x.empty("w:qFormat", &[]);
    x.open("w:pPr", &[]);
    // Repeated here: LibreOffice does not take these from the defaults.
    typography_flags(&mut x);
    layout_xml(&mut x, BODY.layout, grid);
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
    for (i, s) in paragraph_styles().into_iter().enumerate() {
        style_xml(&mut x, s, i + 1, names, grid);
    }
    x.close();
    x.finish()
}
