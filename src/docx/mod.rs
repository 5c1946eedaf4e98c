//! The DOCX writer: the composition as WordprocessingML, for Word and WPS
//! users who keep editing. Body text is real paragraphs in named styles (no
//! text boxes, no pictures of text); the word processor breaks the lines.

mod body;
mod catalogue;
mod drawing;
mod font_table;
mod footer;
mod header;
mod letter;
mod paragraph;
mod parts;
mod place;
mod record;
mod runs;
mod section;
mod styles;
mod table;
mod xml;

use std::io::{Cursor, Write};

use crate::error::Error;
use crate::fonts::Role;
use crate::geometry as g;
use crate::layout::Laid;

pub(crate) use catalogue::{
    BODY, Layout, PAGE_NUMBER, RoleFont, Style, TITLE, paragraph_styles, role_font,
};
use paragraph::run_xml;
use xml::Xml;

/// Which East Asian font names the DOCX asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FontNames {
    /// 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, Times New Roman:
    /// what offices have installed, and what colleagues expect to see in the
    /// font box.
    #[default]
    Official,
    /// The open fonts gongwen bundles (install them from `fonts/` first).
    Bundled,
}

/// Which page setup the DOCX writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageGeometry {
    /// The 版心 filled with the text's em boxes, as in the PDF: line 1's em
    /// box at 37 mm, 22 lines of 29.6 pt, 28 characters of 15.8 pt (margins
    /// 3.36 / 3.36 / 2.8 / 2.58 cm in Word's page setup).
    #[default]
    Fill,
    /// The common Word template: margins 3.7 / 3.5 / 2.8 / 2.6 cm (the
    /// 版心's own), 22 lines of 28.95 pt, 28 characters of 15.75 pt.
    Template,
}

/// How the DOCX is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub fonts: FontNames,
    pub geometry: PageGeometry,
}

/// What the writer's parts share: the font names, the grid, the text width.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Setup {
    pub fonts: FontNames,
    pub grid: g::docx::Grid,
    /// Twips between the margins.
    pub text_width: i64,
}

/// Points as the half-points of `w:sz`.
pub(crate) fn half_points(pt: f64) -> String {
    ((pt * 2.0).round() as i64).to_string()
}

/// Writes a laid-out document as DOCX bytes: its composition, with the
/// page breaks the layout decided where the word processor's own
/// pagination would not take them.
pub fn render(laid: &Laid, options: Options) -> Result<Vec<u8>, Error> {
    let (doc, source, fonts) = (laid.doc, laid.source, laid.fonts);
    let composition = &laid.composition;
    let grid = match options.geometry {
        PageGeometry::Fill => g::docx::Grid::fill(),
        PageGeometry::Template => g::docx::Grid::template(),
    };
    // The footer is placed for the font the page number is set in: the
    // 宋体 the font set resolves (an office's own SimSun with --font-dir,
    // else the bundled stand-in). Every role's chain holds Noto Serif CJK
    // SC, which has the dash, so the fallback is never used.
    let dash_top = fonts
        .ink_top_and_descent(Role::Song, g::PAGE_NUMBER_DASH)
        .map_or(g::docx::DASH_TOP_FALLBACK_EM, |(top, _)| top);
    let page = parts::PageSetup::new(options.geometry, grid, dash_top);
    let setup = Setup {
        fonts: options.fonts,
        grid,
        text_width: page.text_width(),
    };
    // Where the 版记 stands is a question of pagination, which the word
    // processor does: gongwen's own layout (the same composition) says
    // whether the 版记 must leave the last page of text.
    let document = body::document_xml(composition, setup, page, &laid.breaks);
    // The images (seals): a media part each, related from the document; an
    // SVG also gets a PNG that Word shows where it cannot draw SVG.
    let mut media: Vec<(String, String, Vec<u8>)> = Vec::new();
    let mut image_types: Vec<(&str, &str)> = Vec::new();
    for (k, image) in composition.images.iter().enumerate() {
        let (part, rel) = drawing::media_part(k, image);
        media.push((part, rel, image.bytes.to_vec()));
        image_types.push((image.format.extension(), image.format.mime()));
        if image.format == crate::assets::ImageFormat::Svg {
            let width = composition
                .overlays
                .iter()
                .filter(|o| o.image == k)
                .map(|o| o.width)
                .fold(0.0, f64::max);
            let png =
                drawing::png_fallback(image, width, fonts).map_err(|message| Error::Output {
                    path: source.path.clone(),
                    message: format!("{} ({}): {message}", image.field, image.written),
                })?;
            let (part, rel) = drawing::fallback_part(k);
            media.push((part, rel, png));
            image_types.push(("png", "image/png"));
        }
    }
    let image_rels: Vec<(&str, &str)> = media
        .iter()
        .map(|(part, rel, _)| (rel.as_str(), part.as_str()))
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml", parts::content_types(&image_types)),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/core.xml", parts::core(doc)),
        ("docProps/app.xml", parts::app()),
        (
            "word/_rels/document.xml.rels",
            parts::document_rels(&image_rels),
        ),
        ("word/document.xml", document),
        ("word/styles.xml", styles::styles(options.fonts, grid)),
        ("word/settings.xml", parts::settings(grid)),
        ("word/fontTable.xml", font_table::font_table(options.fonts)),
        (
            "word/footer1.xml",
            footer::footer_xml(true, &composition.page_numbers),
        ),
        (
            "word/footer2.xml",
            footer::footer_xml(false, &composition.page_numbers),
        ),
        ("word/footer3.xml", footer::empty_footer_xml()),
        (
            "word/footer4.xml",
            footer::landscape_footer_xml(true, &composition.page_numbers, dash_top),
        ),
        (
            "word/footer5.xml",
            footer::landscape_footer_xml(false, &composition.page_numbers, dash_top),
        ),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_string(), text.into_bytes()))
    .collect();
    for (part, _, bytes) in media {
        files.push((format!("word/{part}"), bytes));
    }
    zip(&files).map_err(|e| Error::Output {
        path: source.path.clone(),
        message: format!("building the DOCX package: {e}"),
    })
}

/// Packs the parts with fixed timestamps (1980-01-01), so that the same
/// input gives the same bytes.
fn zip(files: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, content) in files {
        w.start_file(name.as_str(), options)?;
        w.write_all(content)?;
    }
    Ok(w.finish()?.into_inner())
}

/// A table's fixed layout and zero cell margins (the end of `w:tblPr`, in
/// schema order), so that its cells are exactly the widths given and text
/// starts at their edges.
pub(crate) fn fixed_layout_no_margins(x: &mut Xml) {
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    x.open("w:tblCellMar", &[]);
    for side in ["w:top", "w:left", "w:bottom", "w:right"] {
        x.empty(side, &[("w:w", "0"), ("w:type", "dxa")]);
    }
    x.close();
}
