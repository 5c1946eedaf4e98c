//! Seals (印章, 签名章) as floating pictures: a `wp:anchor` in a run of the
//! paragraph the composition places the seal against, positioned from
//! the left margin (the 版心's left edge) and from that paragraph's top,
//! no text wrapping, behind the text. Measured in LibreOffice 7.4 to
//! 0.1 mm (research note §2); the PNG's alpha channel is kept.

use super::xml::Xml;
use crate::assets::{Image, ImageFormat};
use crate::compose::Overlay;
use crate::fonts::FontSet;
use crate::geometry::{self as g, docx::Grid};

pub const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
pub const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
pub const NS_PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// English Metric Units a point (ISO/IEC 29500-1 §20.1.2.1: 914 400 an
/// inch).
const EMU_PER_PT: f64 = 12_700.0;

/// `pt` in English Metric Units, as an attribute value.
pub(crate) fn emu(pt: f64) -> String {
    ((pt * EMU_PER_PT).round() as i64).to_string()
}

/// A floating drawing (`wp:anchor`, ISO/IEC 29500-1 §20.4.2.3) without
/// text wrapping: its position (points from what `h_from` and `v_from`
/// name), size, stacking and names. Seals, the 信函's lines and mark, and
/// the page numbers of landscape pages are written through it.
pub(crate) struct Anchor<'a> {
    pub h_from: &'a str,
    pub left: f64,
    pub v_from: &'a str,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    /// Behind the text (seals) or in front of it.
    pub behind: bool,
    pub relative_height: &'a str,
    pub id: &'a str,
    pub name: &'a str,
    /// Alternative text.
    pub descr: Option<&'a str>,
}

impl Anchor<'_> {
    /// Opens `<w:r><w:drawing><wp:anchor>` and writes its children up to
    /// `wp:docPr`; the caller writes the graphic and closes the three.
    pub(crate) fn open(&self, x: &mut Xml) {
        x.open("w:r", &[]).open("w:drawing", &[]);
        x.open(
            "wp:anchor",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
                ("simplePos", "0"),
                ("relativeHeight", self.relative_height),
                ("behindDoc", if self.behind { "1" } else { "0" }),
                ("locked", "1"),
                ("layoutInCell", "1"),
                ("allowOverlap", "1"),
            ],
        );
        x.empty("wp:simplePos", &[("x", "0"), ("y", "0")]);
        x.open("wp:positionH", &[("relativeFrom", self.h_from)]);
        x.text_element("wp:posOffset", &[], &emu(self.left));
        x.close();
        x.open("wp:positionV", &[("relativeFrom", self.v_from)]);
        x.text_element("wp:posOffset", &[], &emu(self.top));
        x.close();
        x.empty(
            "wp:extent",
            &[("cx", &emu(self.width)), ("cy", &emu(self.height))],
        );
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        x.empty("wp:wrapNone", &[]);
        let mut doc_pr = vec![("id", self.id), ("name", self.name)];
        if let Some(d) = self.descr {
            doc_pr.push(("descr", d));
        }
        x.empty("wp:docPr", &doc_pr);
    }
}

/// The package part and relationship id of image `k`.
pub fn media_part(k: usize, image: &Image) -> (String, String) {
    (
        format!("media/image{}.{}", k + 1, image.format.extension()),
        format!("rIdImage{}", k + 1),
    )
}

/// The package part and relationship id of the PNG that stands in for
/// image `k` where it is an SVG (see [`png_fallback`]).
pub fn fallback_part(k: usize) -> (String, String) {
    (
        format!("media/image{}-fallback.png", k + 1),
        format!("rIdImage{}Png", k + 1),
    )
}

/// Resolution of an SVG seal's PNG stand-in: 300 dpi, print quality for a
/// picture Word shows only when it cannot draw the SVG (a 42 mm seal is
/// 496 pixels across).
const FALLBACK_DPI: f64 = 300.0;

/// The Office 2016 extension that carries an SVG picture in a blip
/// ([MS-ODRAWXML] §2.3.1.33, `asvg:svgBlip`).
const SVG_BLIP_EXT: &str = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
const NS_ASVG: &str = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";

/// A PNG of an SVG image drawn `width` points wide at [`FALLBACK_DPI`],
/// with a transparent background; text in the SVG is set in `fonts`.
pub fn png_fallback(image: &Image, width: f64, fonts: &FontSet) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    if image.bytes.as_slice().windows(5).any(|w| w == b"<text") {
        let db = options.fontdb_mut();
        for font in fonts.fonts() {
            let data: std::sync::Arc<dyn AsRef<[u8]> + Send + Sync> =
                std::sync::Arc::new(font.data().clone());
            db.load_font_source(usvg::fontdb::Source::Binary(data));
        }
    }
    let tree = usvg::Tree::from_data(image.bytes.as_slice(), &options)
        .map_err(|e| format!("the SVG cannot be drawn as a PNG: {e}"))?;
    let size = tree.size();
    let px = (width / 72.0 * FALLBACK_DPI).round().max(1.0);
    let scale = px as f32 / size.width();
    let h = (size.height() * scale).round().max(1.0);
    let mut pixmap =
        tiny_skia::Pixmap::new(px as u32, h as u32).ok_or("the SVG's PNG would be empty")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("the SVG's PNG cannot be written: {e}"))
}

/// `<w:r><w:drawing><wp:anchor …>` for `o`, whose anchor paragraph is an
/// exact line of `grid`; `id` is unique among the document's drawings.
pub fn anchor_run(x: &mut Xml, o: &Overlay, image: &Image, grid: Grid, id: usize) {
    let (part, rel) = media_part(o.image, image);
    let name = part.trim_start_matches("media/").to_string();
    // The composition measures across on the PDF's character pitch.
    let left = o.x * grid.cell() / g::CHAR_PITCH;
    // The anchor paragraph's em box starts this far below its top.
    let top = g::docx::em_top_in_exact_line(g::BODY_SIZE, grid.line()) + o.dy(grid.line());
    let (cx, cy) = (emu(o.width), emu(o.height));
    let id = id.to_string();
    let seal_name = format!("印章 {id}");
    Anchor {
        h_from: "margin",
        left,
        v_from: "paragraph",
        top,
        width: o.width,
        height: o.height,
        behind: true,
        relative_height: "251659264",
        id: &id,
        name: &seal_name,
        descr: Some(&o.alt),
    }
    .open(x);
    x.open("wp:cNvGraphicFramePr", &[]);
    x.empty("a:graphicFrameLocks", &[("noChangeAspect", "1")]);
    x.close();
    x.open("a:graphic", &[]);
    x.open("a:graphicData", &[("uri", NS_PIC)]);
    x.open("pic:pic", &[]);
    x.open("pic:nvPicPr", &[]);
    x.empty(
        "pic:cNvPr",
        &[("id", &id), ("name", &name), ("descr", &o.alt)],
    );
    x.empty("pic:cNvPicPr", &[]);
    x.close();
    x.open("pic:blipFill", &[]);
    if image.format == ImageFormat::Svg {
        // The PNG, and the SVG in the extension Word 2016 and later draw.
        let (_, png) = fallback_part(o.image);
        x.open("a:blip", &[("r:embed", &png)]);
        x.open("a:extLst", &[]);
        x.open("a:ext", &[("uri", SVG_BLIP_EXT)]);
        x.empty(
            "asvg:svgBlip",
            &[("xmlns:asvg", NS_ASVG), ("r:embed", &rel)],
        );
        x.close().close().close();
    } else {
        x.empty("a:blip", &[("r:embed", &rel)]);
    }
    x.open("a:stretch", &[]).empty("a:fillRect", &[]).close();
    x.close();
    x.open("pic:spPr", &[]);
    x.open("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    x.close();
    x.open("a:prstGeom", &[("prst", "rect")])
        .empty("a:avLst", &[])
        .close();
    x.close();
    x.close().close().close(); // pic:pic, a:graphicData, a:graphic
    x.close().close().close(); // wp:anchor, w:drawing, w:r
}
