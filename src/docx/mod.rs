//! The DOCX writer: the composition as WordprocessingML, for Word and WPS
//! users who keep editing. Body text is real paragraphs in named styles (no
//! text boxes, no pictures of text); the word processor breaks the lines.

mod header;
mod parts;
mod record;
mod xml;

use std::io::{Cursor, Write};

use crate::compose::{self, Composition, Item, ItemKind};
use crate::error::Error;
use crate::fonts::FontSet;
use crate::geometry::{self as g, twips};
use crate::load::Source;
use crate::model::{Document, Role};

use xml::Xml;

/// This writer, for the composition.
pub const WRITER: compose::Writer = compose::Writer {
    name: "gen docx",
    header: true,
    record: true,
};

/// Which East Asian font names the DOCX asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FontNames {
    /// 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, Times New Roman:
    /// what offices have installed, and what colleagues expect to see in the
    /// font box.
    #[default]
    Official,
    /// The open fonts gongwen bundles (install them from `fonts/` first).
    Bundled,
}

/// A paragraph style of ours: id, name shown in Word's style pane, role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub id: &'static str,
    pub name: &'static str,
    pub role: Role,
    /// Outline level (shown in Word's navigation pane), for headings.
    pub outline: Option<u8>,
}

pub(crate) const TITLE: Style = Style {
    id: "GwTitle",
    name: "公文标题",
    role: Role::Title,
    outline: None,
};
pub(crate) const BODY: Style = Style {
    id: "GwBody",
    name: "公文正文",
    role: Role::Body,
    outline: None,
};
pub(crate) const HEADINGS: [Style; 4] = [
    Style {
        id: "GwHeading1",
        name: "一级标题",
        role: Role::Hei,
        outline: Some(0),
    },
    Style {
        id: "GwHeading2",
        name: "二级标题",
        role: Role::Kai,
        outline: Some(1),
    },
    Style {
        id: "GwHeading3",
        name: "三级标题",
        role: Role::Body,
        outline: Some(2),
    },
    Style {
        id: "GwHeading4",
        name: "四级标题",
        role: Role::Body,
        outline: Some(3),
    },
];
pub(crate) const ADDRESSEES: Style = Style {
    id: "GwAddressees",
    name: "主送机关",
    role: Role::Body,
    outline: None,
};
pub(crate) const ATTACHMENT: Style = Style {
    id: "GwAttachment",
    name: "附件说明",
    role: Role::Body,
    outline: None,
};
pub(crate) const SIGNATURE: Style = Style {
    id: "GwSignature",
    name: "发文机关署名",
    role: Role::Body,
    outline: None,
};
pub(crate) const DATE: Style = Style {
    id: "GwDate",
    name: "成文日期",
    role: Role::Body,
    outline: None,
};
pub(crate) const NOTE: Style = Style {
    id: "GwNote",
    name: "附注",
    role: Role::Body,
    outline: None,
};
pub(crate) const PAGE_NUMBER: Style = Style {
    id: "GwPageNumber",
    name: "页码",
    role: Role::Song,
    outline: None,
};

/// Every paragraph style, in the order styles.xml lists them.
pub(crate) fn paragraph_styles() -> Vec<Style> {
    let mut v = vec![TITLE, BODY];
    v.extend(header::styles());
    v.extend(HEADINGS);
    v.extend([ADDRESSEES, ATTACHMENT, SIGNATURE, DATE, NOTE, PAGE_NUMBER]);
    v
}

fn style_of(kind: ItemKind) -> Style {
    match kind {
        ItemKind::Addressees => ADDRESSEES,
        ItemKind::Paragraph(None) => BODY,
        ItemKind::Paragraph(Some(level)) => HEADINGS[level.clamp(1, 4) - 1],
        ItemKind::Attachment => ATTACHMENT,
        ItemKind::Signature => SIGNATURE,
        ItemKind::Date => DATE,
        ItemKind::Note => NOTE,
    }
}

/// The fonts a role asks for in the DOCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RoleFont {
    pub east_asia: &'static str,
    pub latin: &'static str,
    pub bold: bool,
}

pub(crate) fn role_font(role: Role, names: FontNames) -> RoleFont {
    match names {
        FontNames::Official => RoleFont {
            east_asia: FontSet::official_name(role),
            latin: FontSet::official_latin(),
            bold: false,
        },
        FontNames::Bundled => RoleFont {
            east_asia: FontSet::bundled_legacy_name(role),
            latin: FontSet::bundled_latin(),
            bold: FontSet::weight(role) >= 700,
        },
    }
}

/// Typesets `doc` as DOCX bytes.
pub fn render(
    doc: &Document,
    source: &Source,
    fonts: &FontSet,
    names: FontNames,
) -> Result<Vec<u8>, Error> {
    let composition = compose::compose(doc, source, fonts, WRITER)?;
    // The footer is placed for the font the page number is set in. Every
    // role's chain ends in Noto Serif CJK SC, which has the dash, so the
    // fallback (its own values) is never used.
    let dash = fonts
        .ink_top_and_descent(Role::Song, g::PAGE_NUMBER_DASH)
        .unwrap_or((0.296, 0.286));
    let document = document_xml(&composition, names, parts::PageSetup::new(dash));
    let files: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/core.xml", parts::core(doc)),
        ("docProps/app.xml", parts::app()),
        ("word/_rels/document.xml.rels", parts::document_rels()),
        ("word/document.xml", document),
        ("word/styles.xml", parts::styles(names)),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table(names)),
        ("word/footer1.xml", footer_xml(true)),
        ("word/footer2.xml", footer_xml(false)),
    ];
    zip(&files).map_err(|e| Error::Output {
        path: source.path.clone(),
        message: format!("building the DOCX package: {e}"),
    })
}

/// Packs the parts with fixed timestamps (1980-01-01), so that the same
/// input gives the same bytes.
fn zip(files: &[(&str, String)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, content) in files {
        w.start_file(*name, options)?;
        w.write_all(content.as_bytes())?;
    }
    Ok(w.finish()?.into_inner())
}

/// `<w:p>` with style, runs and, for placed items, direct indents.
fn paragraph(x: &mut Xml, style: Style, item: &Item, direct_indent: bool, names: FontNames) {
    x.open("w:p", &[]);
    x.open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", style.id)]);
    if item.keep_with_next {
        x.empty("w:keepNext", &[]);
    }
    if direct_indent {
        // Indents from the composition, in twips from the 版心's left edge.
        let left = twips(item.rest_indent);
        let first = twips(item.first_indent) - left;
        let first_attr = if first >= 0 {
            ("w:firstLine", first.to_string())
        } else {
            ("w:hanging", (-first).to_string())
        };
        x.empty(
            "w:ind",
            &[("w:left", &left.to_string()), (first_attr.0, &first_attr.1)],
        );
    }
    x.close();
    for run in &item.runs {
        run_xml(x, &run.text, run.role, style.role, names);
    }
    x.close();
}

/// `<w:r>`; a run whose role differs from its paragraph style's gets its
/// fonts directly.
fn run_xml(x: &mut Xml, text: &str, role: Role, style_role: Role, names: FontNames) {
    x.open("w:r", &[]);
    if role != style_role {
        let f = role_font(role, names);
        x.open("w:rPr", &[]);
        x.empty(
            "w:rFonts",
            &[
                ("w:ascii", f.latin),
                ("w:hAnsi", f.latin),
                ("w:eastAsia", f.east_asia),
                ("w:cs", f.latin),
            ],
        );
        x.close();
    }
    x.text_element("w:t", &[("xml:space", "preserve")], text);
    x.close();
}

/// An empty paragraph: a blank line `height` twips tall (exact), kept with
/// what follows it.
fn blank(x: &mut Xml, height: i64) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", BODY.id)]);
    x.empty("w:keepNext", &[]);
    if height != g::docx::line_twips() {
        x.empty(
            "w:spacing",
            &[("w:line", &height.to_string()), ("w:lineRule", "exact")],
        );
    }
    x.close().close();
}

fn document_xml(c: &Composition, names: FontNames, page: parts::PageSetup) -> String {
    let mut x = Xml::new();
    x.open(
        "w:document",
        &[("xmlns:w", parts::NS_W), ("xmlns:r", parts::NS_R)],
    );
    x.open("w:body", &[]);

    // 版头, and the spacing that puts the 标题 on its grid line.
    let title_before = c
        .header
        .as_ref()
        .map(|h| header::header_xml(&mut x, h, c.title_line, page.top as f64 / 20.0, names));

    // 标题: one paragraph; the composed line breaks as <w:br/>. It starts
    // `drop` below its grid line, so that its em box starts at the grid
    // line's; the blank line after it is that much shorter.
    let line = g::docx::line_twips();
    let drop = twips(g::docx::title_drop(line as f64 / 20.0));
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", TITLE.id)]);
    let before = title_before.map_or(0, |b| twips(b.max(0.0))) + drop;
    x.empty(
        "w:spacing",
        &[
            ("w:before", &before.to_string()),
            ("w:line", &line.to_string()),
            ("w:lineRule", "exact"),
        ],
    );
    x.close();
    for (i, line) in c.title.iter().enumerate() {
        x.open("w:r", &[]);
        if i > 0 {
            x.empty("w:br", &[]);
        }
        x.text_element("w:t", &[("xml:space", "preserve")], line);
        x.close();
    }
    x.close();

    for (i, item) in c.items.iter().enumerate() {
        let blanks = if i == 0 {
            c.title_gap_lines
        } else {
            item.blank_lines_before
        };
        for k in 0..blanks {
            let height = if i == 0 && k == 0 { line - drop } else { line };
            blank(&mut x, height);
        }
        let style = style_of(item.kind);
        // Body paragraphs take their indent from the style; only placed
        // items (署名, 日期, 附件说明's continuation) carry direct indents.
        let direct = !matches!(
            item.kind,
            ItemKind::Paragraph(_) | ItemKind::Addressees | ItemKind::Note
        );
        paragraph(&mut x, style, item, direct, names);
    }

    // 版记: a table floating at the foot of the last page.
    if let Some(r) = &c.record {
        let area_bottom = (page.height - page.bottom) as f64 / 20.0;
        record::record_xml(&mut x, r, area_bottom, names);
    }

    // Section: A4, the margins that put the grid where the standard wants
    // it, odd/even footers.
    x.open("w:sectPr", &[]);
    x.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rIdFooterOdd")],
    );
    x.empty(
        "w:footerReference",
        &[("w:type", "even"), ("r:id", "rIdFooterEven")],
    );
    x.empty(
        "w:pgSz",
        &[
            ("w:w", &page.width.to_string()),
            ("w:h", &page.height.to_string()),
        ],
    );
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
    // A lines-only grid of 22 lines a page, for Word's page setup (每页22行);
    // lines are exact and paragraphs do not snap, so it moves nothing.
    x.empty(
        "w:docGrid",
        &[
            ("w:type", "lines"),
            ("w:linePitch", &g::docx::line_twips().to_string()),
        ],
    );
    x.close();
    x.close().close();
    x.finish()
}

/// A footer: `— N —` with a PAGE field; odd pages right, even pages left,
/// one character in (§7.5).
fn footer_xml(odd: bool) -> String {
    let mut x = Xml::new();
    x.open(
        "w:ftr",
        &[("xmlns:w", parts::NS_W), ("xmlns:r", parts::NS_R)],
    );
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", PAGE_NUMBER.id)]);
    let inset = twips(g::docx::cell() * g::PAGE_NUMBER_INSET_CHARS as f64).to_string();
    if odd {
        x.empty("w:ind", &[("w:right", &inset)]);
        x.empty("w:jc", &[("w:val", "right")]);
    } else {
        x.empty("w:ind", &[("w:left", &inset)]);
        x.empty("w:jc", &[("w:val", "left")]);
    }
    x.close();
    let text = |x: &mut Xml, t: &str| {
        x.open("w:r", &[])
            .text_element("w:t", &[("xml:space", "preserve")], t)
            .close();
    };
    let dash = g::PAGE_NUMBER_DASH.to_string();
    text(&mut x, &format!("{dash} "));
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "begin")])
        .close();
    x.open("w:r", &[])
        .text_element("w:instrText", &[("xml:space", "preserve")], " PAGE ")
        .close();
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "separate")])
        .close();
    text(&mut x, if odd { "1" } else { "2" });
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "end")])
        .close();
    text(&mut x, &format!(" {dash}"));
    x.close().close();
    x.finish()
}
