//! Typst's laid-out frames read back, the one walker of the tests: every
//! glyph, straight rule and image of a page with every transform applied
//! (a landscape table's rotation too), in points from the page's top-left
//! corner.

use typst::layout::{Frame, FrameItem, Transform};
use typst_layout::PagedDocument;

/// One glyph as laid out, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// The text the glyph stands for.
    pub text: String,
    /// Its origin on the baseline: the left edge of its advance box on an
    /// upright page.
    pub x: f64,
    /// The y of that origin (the baseline on an upright page).
    pub baseline: f64,
    /// Its advance as laid out (tracking and justification included).
    pub advance: f64,
    /// Its advance in the font (its em box's width for a CJK glyph).
    pub natural: f64,
    pub size: f64,
    pub family: String,
    pub weight: u16,
    /// The fill, as Typst's debug form (e.g. `Cmyk(…)`, `Luma(…)`).
    pub fill: String,
    /// The direction its text runs in, a unit vector: (1, 0) upright,
    /// (0, −1) turned 90° counter-clockwise.
    pub dir: (f64, f64),
}

impl Glyph {
    /// Whether it stands upright (its text runs left to right).
    pub fn upright(&self) -> bool {
        self.dir.0 > 0.99
    }
}

/// A straight line drawn on a page (a rule), in points from the top-left.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Where it starts…
    pub a: (f64, f64),
    /// …and ends.
    pub b: (f64, f64),
    /// `a`'s x and y, and the horizontal distance to `b` (its length when
    /// the rule is horizontal).
    pub x: f64,
    pub y: f64,
    pub length: f64,
    pub thickness: f64,
    pub paint: String,
}

/// An image drawn on a page (a seal): its bounding box, in points from the
/// top-left corner.
#[derive(Debug, Clone, Copy)]
pub struct PlacedImage {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl PlacedImage {
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// Everything drawn on one page.
#[derive(Debug, Clone, Default)]
pub struct Drawn {
    /// The page's width and height, pt.
    pub size: (f64, f64),
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    pub images: Vec<PlacedImage>,
}

fn apply(t: Transform, x: f64, y: f64) -> (f64, f64) {
    (
        t.sx.get() * x + t.kx.get() * y + t.tx.to_pt(),
        t.ky.get() * x + t.sy.get() * y + t.ty.to_pt(),
    )
}

fn walk(frame: &Frame, t: Transform, out: &mut Drawn) {
    for (pos, item) in frame.items() {
        let here = t.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => walk(&group.frame, here.pre_concat(group.transform), out),
            FrameItem::Text(text) => {
                let size = text.size.to_pt();
                let (ox, oy) = apply(here, 0.0, 0.0);
                let (ux, uy) = apply(here, 1.0, 0.0);
                let info = text.font.font().info();
                let mut along = 0.0;
                for g in &text.glyphs {
                    let advance = g.x_advance.at(text.size).to_pt();
                    let natural = text
                        .font
                        .x_advance(g.id)
                        .map_or(advance, |em| em.at(text.size).to_pt());
                    let (x, baseline) = apply(here, along + g.x_offset.at(text.size).to_pt(), 0.0);
                    out.glyphs.push(Glyph {
                        text: text.text[g.range()].to_string(),
                        x,
                        baseline,
                        advance,
                        natural,
                        size,
                        family: info.family.clone(),
                        weight: info.variant.weight.to_number(),
                        fill: format!("{:?}", text.fill),
                        dir: (ux - ox, uy - oy),
                    });
                    along += advance;
                }
            }
            FrameItem::Shape(shape, _) => {
                if let (typst::visualize::Geometry::Line(to), Some(stroke)) =
                    (&shape.geometry, &shape.stroke)
                {
                    let a = apply(here, 0.0, 0.0);
                    let b = apply(here, to.x.to_pt(), to.y.to_pt());
                    out.rules.push(Rule {
                        a,
                        b,
                        x: a.0,
                        y: a.1,
                        length: b.0 - a.0,
                        thickness: stroke.thickness.to_pt(),
                        paint: format!("{:?}", stroke.paint),
                    });
                }
            }
            FrameItem::Image(_, size, _) => {
                let (w, h) = (size.x.to_pt(), size.y.to_pt());
                let corners =
                    [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)].map(|(x, y)| apply(here, x, y));
                let min =
                    |f: fn(&(f64, f64)) -> f64| corners.iter().map(f).fold(f64::MAX, f64::min);
                let max =
                    |f: fn(&(f64, f64)) -> f64| corners.iter().map(f).fold(f64::MIN, f64::max);
                let (x0, y0) = (min(|c| c.0), min(|c| c.1));
                out.images.push(PlacedImage {
                    x: x0,
                    y: y0,
                    width: max(|c| c.0) - x0,
                    height: max(|c| c.1) - y0,
                });
            }
            _ => {}
        }
    }
}

/// What each page of `doc` draws.
pub fn drawn(doc: &PagedDocument) -> Vec<Drawn> {
    doc.pages()
        .iter()
        .map(|page| {
            let s = page.frame.size();
            let mut out = Drawn {
                size: (s.x.to_pt(), s.y.to_pt()),
                ..Drawn::default()
            };
            walk(&page.frame, Transform::identity(), &mut out);
            out
        })
        .collect()
}

/// Glyphs sharing a baseline and a size.
#[derive(Debug, Clone)]
pub struct Line {
    pub baseline: f64,
    pub size: f64,
    pub glyphs: Vec<Glyph>,
}

impl Line {
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
    pub fn left(&self) -> f64 {
        self.glyphs.first().map_or(0.0, |g| g.x)
    }
    /// The right edge of the last glyph's box in the font, so that space
    /// justification added after it does not count.
    pub fn right(&self) -> f64 {
        self.glyphs.last().map_or(0.0, |g| g.x + g.natural)
    }
    pub fn chars(&self) -> usize {
        self.text().chars().count()
    }
}

/// `glyphs` grouped into lines (the same baseline and size), each left to
/// right, top to bottom.
pub fn lines(glyphs: Vec<Glyph>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for g in glyphs {
        match lines
            .iter_mut()
            .find(|l| (l.baseline - g.baseline).abs() < 0.01 && (l.size - g.size).abs() < 0.01)
        {
            Some(l) => l.glyphs.push(g),
            None => lines.push(Line {
                baseline: g.baseline,
                size: g.size,
                glyphs: vec![g],
            }),
        }
    }
    for l in &mut lines {
        l.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    lines
}

/// The lines of every page, top to bottom.
pub fn pages(doc: &PagedDocument) -> Vec<Vec<Line>> {
    drawn(doc).into_iter().map(|d| lines(d.glyphs)).collect()
}

/// The straight rules drawn on each page.
pub fn rules(doc: &PagedDocument) -> Vec<Vec<Rule>> {
    drawn(doc).into_iter().map(|d| d.rules).collect()
}

/// The images drawn on each page.
pub fn images(doc: &PagedDocument) -> Vec<Vec<PlacedImage>> {
    drawn(doc).into_iter().map(|d| d.images).collect()
}
