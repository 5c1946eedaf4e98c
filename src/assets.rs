//! The files a document names besides itself (seal images): found relative
//! to the YAML file, kept inside an allowed folder tree, read once,
//! decoded to prove they are images, and measured. The writers get the
//! bytes from here and read nothing else.
//!
//! Documents arrive from other people (a release job builds whatever was
//! committed), so a path may not leave the document's folder (or the
//! `--asset-root` the caller names): no absolute paths, no `..` out of it,
//! no symbolic link that leads out of it. An SVG must be self-contained:
//! references to other files or URLs are refused, never followed.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::visualize::{ExchangeFormat, RasterImage, SvgImage};

use crate::error::{Error, Pos};
use crate::limits::{
    MAX_ASPECT, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_NATURAL_MM, MAX_SVG_ELEMENTS,
    MAX_SVG_FILTER_PRIMITIVES,
};
use crate::load::Source;
use crate::model::{Document, ImagePath, Seal};

/// CSS pixels an inch, as SVG (and usvg) count them.
const SVG_PX_PER_INCH: f64 = 96.0;

/// Image formats a seal may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG (with an alpha channel for a transparent background).
    Png,
    /// SVG, self-contained.
    Svg,
}

impl ImageFormat {
    /// The file extension the writers give the image.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }

    /// Its MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Svg => "image/svg+xml",
        }
    }
}

/// A checked, decoded image.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The model field that names it, e.g. `seal[1]`.
    pub field: String,
    /// The path as written.
    pub written: String,
    pub format: ImageFormat,
    pub bytes: Bytes,
    /// Its physical size in millimetres (PNG pHYs, SVG width and height in
    /// a physical unit), if it has one.
    pub natural_mm: Option<(f64, f64)>,
    /// Height over width.
    pub aspect: f64,
}

impl Image {
    /// Width and height in millimetres: `width` if given, else the image's
    /// physical size, else `default` wide; the height keeps the aspect.
    pub fn size_mm(&self, width: Option<f64>, default: f64) -> (f64, f64) {
        match (width, self.natural_mm) {
            (Some(w), _) => (w, w * self.aspect),
            (None, Some(size)) => size,
            (None, None) => (default, default * self.aspect),
        }
    }
}

/// The images a document names, in the order of its fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assets {
    /// `seal[k]`, in issuer order.
    pub seals: Vec<Image>,
    /// `signature_seal.image`.
    pub signature: Option<Image>,
}

impl Assets {
    /// Reads every image `doc` names. Paths are relative to the document's
    /// folder and must stay inside `root` (default: that folder).
    pub fn load(doc: &Document, source: &Source, root: Option<&Path>) -> Result<Self, Error> {
        let base = match source.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let policy = Policy::new(&base, root, source)?;
        let mut assets = Assets::default();
        if let Seal::Images(seals) = &doc.seal {
            let many = seals.len() > 1;
            for (k, s) in seals.iter().enumerate() {
                let field = if many {
                    format!("seal[{k}]")
                } else {
                    "seal".to_string()
                };
                assets.seals.push(policy.read(&field, &s.image)?);
            }
        }
        if let Some(s) = &doc.signature_seal {
            assets.signature = Some(policy.read("signature_seal.image", &s.image)?);
        }
        Ok(assets)
    }
}

/// Where images may come from.
struct Policy<'a> {
    base: PathBuf,
    /// The canonical folder every image must be inside.
    root: PathBuf,
    /// Whether the root was widened with `--asset-root`.
    widened: bool,
    source: &'a Source,
}

impl<'a> Policy<'a> {
    fn new(base: &Path, root: Option<&Path>, source: &'a Source) -> Result<Self, Error> {
        let dir = root.unwrap_or(base);
        let canonical = dir.canonicalize().map_err(|e| Error::Read {
            path: dir.to_path_buf(),
            source: e,
        })?;
        Ok(Policy {
            base: base.to_path_buf(),
            root: canonical,
            widened: root.is_some(),
            source,
        })
    }

    fn error(&self, field: &str, written: &str, message: String) -> Error {
        Error::Image {
            path: self.source.path.clone(),
            pos: self.find(written),
            field: field.to_string(),
            image: written.to_string(),
            message,
        }
    }

    /// Where the path is written in the YAML.
    fn find(&self, written: &str) -> Option<Pos> {
        self.source.text.find(written).map(|i| self.source.pos(i))
    }

    fn read(&self, field: &str, path: &ImagePath) -> Result<Image, Error> {
        let written = path.0.as_str();
        let err = |m: String| self.error(field, written, m);
        let rel = Path::new(written);
        let outside = if self.widened {
            format!("the asset root {}", self.root.display())
        } else {
            "the document's folder".to_string()
        };
        if rel.is_absolute() && !self.widened {
            return Err(err(format!(
                "an absolute path; write the path relative to the YAML file, inside {outside} \
                 (or allow another folder with --asset-root)"
            )));
        }
        let joined = self.base.join(rel);
        let real = joined
            .canonicalize()
            .map_err(|e| err(format!("cannot read: {e}")))?;
        if !real.starts_with(&self.root) {
            return Err(err(format!(
                "leads out of {outside} (to {}); images must be inside it \
                 (or allow another folder with --asset-root)",
                real.display()
            )));
        }
        let meta = std::fs::metadata(&real).map_err(|e| err(format!("cannot read: {e}")))?;
        if !meta.is_file() {
            return Err(err("is not a file".into()));
        }
        if meta.len() > MAX_IMAGE_BYTES {
            return Err(err(format!(
                "is {} bytes; a seal image is at most {MAX_IMAGE_BYTES}",
                meta.len()
            )));
        }
        let data = std::fs::read(&real).map_err(|e| err(format!("cannot read: {e}")))?;
        decode(data)
            .map_err(err)
            .map(|(format, bytes, natural_mm, aspect)| Image {
                field: field.to_string(),
                written: written.to_string(),
                format,
                bytes,
                natural_mm,
                aspect,
            })
    }
}

pub type Decoded = (ImageFormat, Bytes, Option<(f64, f64)>, f64);

/// Recognises, decodes and measures an image from its bytes (not its name).
pub fn decode(data: Vec<u8>) -> Result<Decoded, String> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if data.starts_with(PNG_SIGNATURE) {
        check_png_header(&data)?;
        let bytes = Bytes::new(data);
        let image = RasterImage::plain(bytes.clone(), ExchangeFormat::Png)
            .map_err(|e| format!("not a PNG image that can be decoded: {e}"))?;
        let (w, h) = (f64::from(image.width()), f64::from(image.height()));
        if w == 0.0 || h == 0.0 {
            return Err("the PNG image is empty".into());
        }
        let natural = image.dpi().map(|dpi| (w / dpi * 25.4, h / dpi * 25.4));
        check_size(natural, h / w, "the PNG's resolution (pHYs)")?;
        return Ok((ImageFormat::Png, bytes, natural, h / w));
    }
    let text = std::str::from_utf8(&data)
        .ok()
        .filter(|t| t.contains("<svg"))
        .ok_or("neither a PNG nor an SVG image (a seal is a PNG with transparency, or an SVG)")?;
    if let Some(reference) = external_reference(text) {
        return Err(format!(
            "the SVG refers to {reference:?}; a seal's SVG must be self-contained (embed \
             images as data: URLs), and gongwen never follows such references"
        ));
    }
    check_svg_cost(text)?;
    let physical = svg_root_has_physical_size(text);
    let bytes = Bytes::new(data);
    let image = SvgImage::new(bytes.clone())
        .map_err(|e| format!("not an SVG image that can be read: {e:?}"))?;
    let (w, h) = (image.width(), image.height());
    if w <= 0.0 || h <= 0.0 {
        return Err("the SVG image has no size".into());
    }
    let px_mm = 25.4 / SVG_PX_PER_INCH;
    let natural = physical.then_some((w * px_mm, h * px_mm));
    check_size(natural, h / w, "the SVG's width and height")?;
    Ok((ImageFormat::Svg, bytes, natural, h / w))
}

/// Refuses a PNG whose header declares more than [`MAX_IMAGE_PIXELS`],
/// before anything is decoded.
fn check_png_header(data: &[u8]) -> Result<(), String> {
    // Signature (8), IHDR length (4) and type (4), then width and height.
    let (Some(w), Some(h)) = (data.get(16..20), data.get(20..24)) else {
        return Err("not a PNG image that can be decoded: the header is cut short".into());
    };
    let w = u64::from(u32::from_be_bytes([w[0], w[1], w[2], w[3]]));
    let h = u64::from(u32::from_be_bytes([h[0], h[1], h[2], h[3]]));
    if w * h > MAX_IMAGE_PIXELS {
        return Err(format!(
            "the PNG is {w} × {h} pixels; a seal image has at most {MAX_IMAGE_PIXELS} pixels \
             (4096 × 4096; a seal scanned at 600 dpi is about 1,400 square): scale it down"
        ));
    }
    Ok(())
}

/// Refuses an image whose declared physical size or shape no seal has.
fn check_size(natural: Option<(f64, f64)>, aspect: f64, from: &str) -> Result<(), String> {
    if let Some((w, h)) = natural
        && (w > MAX_NATURAL_MM || h > MAX_NATURAL_MM)
    {
        return Err(format!(
            "{from} make{} it {w:.0} × {h:.0} mm; a seal is at most {MAX_NATURAL_MM} mm \
             (the 版心's width): fix the image's resolution, or give the seal a `diameter`",
            if from.ends_with('s') { "" } else { "s" }
        ));
    }
    if !(1.0 / MAX_ASPECT..=MAX_ASPECT).contains(&aspect) {
        return Err(format!(
            "the image is {aspect:.2} times as high as it is wide; a seal image is at most \
             {MAX_ASPECT} times higher than wide or wider than high"
        ));
    }
    Ok(())
}

/// Refuses an SVG whose drawing would cost more than a seal's: more than
/// [`MAX_SVG_ELEMENTS`] elements or [`MAX_SVG_FILTER_PRIMITIVES`] filter
/// primitives (counted on the text, before it is parsed).
fn check_svg_cost(svg: &str) -> Result<(), String> {
    let elements = svg.matches('<').count();
    if elements > MAX_SVG_ELEMENTS {
        return Err(format!(
            "the SVG has about {elements} elements; a seal's SVG has at most {MAX_SVG_ELEMENTS}: simplify it"
        ));
    }
    let filters = svg
        .match_indices("<fe")
        .filter(|(i, _)| {
            svg[i + 3..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase())
        })
        .count();
    if filters > MAX_SVG_FILTER_PRIMITIVES {
        return Err(format!(
            "the SVG uses {filters} filter primitives (<feGaussianBlur>, <feTurbulence> …); a seal's SVG \
             uses at most {MAX_SVG_FILTER_PRIMITIVES}, each being drawn pixel by pixel: flatten the effects into the image"
        ));
    }
    Ok(())
}

/// The first reference in an SVG to something outside it: an `href` (or
/// `xlink:href`, `src`) or a CSS `url(…)` or `@import` that is not a
/// fragment (`#id`) or a `data:` URL.
pub fn external_reference(svg: &str) -> Option<String> {
    let lower = svg.to_ascii_lowercase();
    if let Some(i) = lower.find("@import") {
        return Some(snippet(svg, i));
    }
    let internal = |v: &str| {
        let v = v.trim_start();
        v.starts_with('#') || v.to_ascii_lowercase().starts_with("data:") || v.is_empty()
    };
    // Attribute values: name="…" or name='…'.
    for name in ["href", "src"] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(name) {
            let at = from + i;
            from = at + name.len();
            let rest = svg[from..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else {
                continue;
            };
            let rest = rest.trim_start();
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            let value: String = rest[1..].chars().take_while(|c| *c != quote).collect();
            if !internal(&value) {
                return Some(value);
            }
        }
    }
    // CSS url(…), in style attributes and <style> elements.
    let mut from = 0;
    while let Some(i) = lower[from..].find("url(") {
        let at = from + i + 4;
        from = at;
        let value: String = svg[at..].chars().take_while(|c| *c != ')').collect();
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        if !internal(value) {
            return Some(value.to_string());
        }
    }
    None
}

fn snippet(s: &str, at: usize) -> String {
    s[at..].chars().take(40).collect()
}

/// Whether the root `<svg>` element's width is in a physical unit (mm, cm,
/// in, pt, pc): only then is its size a physical size.
fn svg_root_has_physical_size(svg: &str) -> bool {
    let Some(start) = svg.find("<svg") else {
        return false;
    };
    let tag: String = svg[start..].chars().take_while(|c| *c != '>').collect();
    let value = |name: &str| {
        let mut from = 0;
        while let Some(i) = tag[from..].find(name) {
            let at = from + i;
            from = at + name.len();
            // A whole attribute name: preceded by white space.
            if !tag[..at].ends_with(char::is_whitespace) {
                continue;
            }
            let rest = tag[from..].trim_start();
            if let Some(rest) = rest.strip_prefix('=') {
                let rest = rest.trim_start();
                let quote = rest.chars().next()?;
                return Some(
                    rest[1..]
                        .chars()
                        .take_while(|c| *c != quote)
                        .collect::<String>(),
                );
            }
        }
        None
    };
    let physical = |v: Option<String>| {
        v.is_some_and(|v| {
            let v = v.trim().to_ascii_lowercase();
            ["mm", "cm", "in", "pt", "pc"]
                .iter()
                .any(|u| v.ends_with(u))
        })
    };
    physical(value("width"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_outside_the_svg_are_found() {
        for (svg, want) in [
            (
                r#"<svg><image href="file:///etc/passwd"/></svg>"#,
                "file:///etc/passwd",
            ),
            (r#"<svg><image xlink:href='other.png'/></svg>"#, "other.png"),
            (
                r#"<svg><image href = "http://example.org/x.png"/></svg>"#,
                "http://example.org/x.png",
            ),
            (
                r#"<svg><rect style="fill:url(pattern.svg#p)"/></svg>"#,
                "pattern.svg#p",
            ),
        ] {
            assert_eq!(external_reference(svg).as_deref(), Some(want), "{svg}");
        }
        assert!(external_reference(r#"<svg><style>@import "x.css";</style></svg>"#).is_some());
        for ok in [
            r##"<svg><use href="#ring"/><rect fill="url(#g)"/></svg>"##,
            r#"<svg><image href="data:image/png;base64,AAAA"/></svg>"#,
        ] {
            assert_eq!(external_reference(ok), None, "{ok}");
        }
    }

    fn png_header(w: u32, h: u32) -> Vec<u8> {
        let mut d = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
        d.extend_from_slice(&w.to_be_bytes());
        d.extend_from_slice(&h.to_be_bytes());
        d.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        d
    }

    #[test]
    fn a_png_bomb_is_refused_from_its_header() {
        let e = decode(png_header(20_000, 20_000)).unwrap_err();
        assert!(e.contains("20000 × 20000 pixels"), "{e}");
        assert!(check_png_header(&png_header(4096, 4096)).is_ok());
        assert!(check_png_header(&png_header(4097, 4096)).is_err());
        assert!(check_png_header(&png_header(u32::MAX, u32::MAX)).is_err());
        assert!(check_png_header(b"\x89PNG\r\n\x1a\n").is_err());
    }

    #[test]
    fn a_seal_declaring_metres_is_refused() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000mm" height="100000mm" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="red"/></svg>"#;
        let e = decode(svg.as_bytes().to_vec()).unwrap_err();
        assert!(e.contains("at most 156 mm"), "{e}");
        let ok = svg.replace("100000mm", "42mm");
        assert!(decode(ok.into_bytes()).is_ok());
        let sliver = r#"<svg xmlns="http://www.w3.org/2000/svg" width="1mm" height="100mm"><rect width="1" height="1"/></svg>"#;
        assert!(
            decode(sliver.as_bytes().to_vec())
                .unwrap_err()
                .contains("times as high")
        );
    }

    #[test]
    fn costly_svgs_are_refused() {
        let blur = r#"<filter id="f"><feGaussianBlur stdDeviation="5"/></filter>"#.repeat(30);
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="42mm" height="42mm">{blur}</svg>"#
        );
        assert!(
            check_svg_cost(&svg)
                .unwrap_err()
                .contains("30 filter primitives")
        );
        let many = "<g/>".repeat(MAX_SVG_ELEMENTS + 1);
        assert!(check_svg_cost(&format!("<svg>{many}</svg>")).is_err());
        // <font-face> and the like are not filter primitives.
        assert!(check_svg_cost("<svg><feature/><fe/></svg>").is_ok());
    }

    #[test]
    fn physical_svg_units() {
        assert!(svg_root_has_physical_size(
            r#"<svg xmlns="…" width="42mm" height="42mm">"#
        ));
        assert!(svg_root_has_physical_size(
            r#"<svg width='1.5in' height='1.5in'>"#
        ));
        assert!(!svg_root_has_physical_size(
            r#"<svg width="420" height="420">"#
        ));
        assert!(!svg_root_has_physical_size(r#"<svg width="420px">"#));
        assert!(!svg_root_has_physical_size(
            r#"<svg stroke-width="2mm" viewBox="0 0 1 1">"#
        ));
    }
}
