//! The layout checks itself: after the pages are laid out, two invariants
//! that no document may break, checked on every run of `gen pdf` and
//! `gen docx` (both cheap: one walk over the laid-out frames).
//!
//! - Text is never lost: every character of the composition stands on a
//!   page (counted per character, page numbers aside).
//! - Nothing is drawn off the paper, and outside the 版心 only what the
//!   standard places there: the page numbers below it (§7.5) and, on a
//!   信函's first page, its 版头 and red lines (§10.1).
//!
//! A violation is an error naming the document, the page and the element,
//! never a silent PDF.

use std::collections::HashMap;

use typst::layout::{Frame, FrameItem, Transform};
use typst_layout::PagedDocument;

use crate::compose::Composition;
use crate::error::Error;
use crate::geometry::{self as g, mm};
use crate::model::Format;

/// How far a box may reach past an edge before it is a fault, pt: a rule's
/// half thickness on the 版心's edge, rounding in Typst's layout.
const TOLERANCE: f64 = 1.0;

/// What kind of thing was drawn, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Rule,
    Image,
}

/// One drawn thing's bounding box on its page, pt from the top-left corner.
#[derive(Debug, Clone)]
struct Ink {
    kind: Kind,
    /// The text of the run a glyph is set in (empty for rules and images).
    run: typst::foundations::Str,
    /// The glyph's part of `run`.
    range: std::ops::Range<usize>,
    /// Which text item of its page it is set in (0 for rules and images):
    /// glyphs of one item are placed by shaping (kerning, a run of marks),
    /// not by the layout, so they are not compared with each other.
    item: usize,
    size: f64,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    /// A glyph's cell: its em box as wide as its advance as laid out (what
    /// it takes on its line; compressed punctuation takes less than its em
    /// box). The bounding box for rules and images.
    cell: (f64, f64, f64, f64),
}

fn apply(t: Transform, x: f64, y: f64) -> (f64, f64) {
    (
        t.sx.get() * x + t.kx.get() * y + t.tx.to_pt(),
        t.ky.get() * x + t.sy.get() * y + t.ty.to_pt(),
    )
}

/// The bounding box of the rectangle (x0, y0)–(x1, y1) under `t`.
fn bbox(t: Transform, x0: f64, y0: f64, x1: f64, y1: f64) -> (f64, f64, f64, f64) {
    let c = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)].map(|(x, y)| apply(t, x, y));
    let xs = c.map(|p| p.0);
    let ys = c.map(|p| p.1);
    let min = |v: [f64; 4]| v.into_iter().fold(f64::MAX, f64::min);
    let max = |v: [f64; 4]| v.into_iter().fold(f64::MIN, f64::max);
    (min(xs), min(ys), max(xs), max(ys))
}

fn walk(frame: &Frame, t: Transform, out: &mut Vec<Ink>) {
    for (pos, item) in frame.items() {
        let here = t.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => walk(&group.frame, here.pre_concat(group.transform), out),
            FrameItem::Text(text) => {
                let size = text.size.to_pt();
                let mut along = 0.0;
                // Unique on the page: the index its first glyph will have.
                let item = out.len() + 1;
                for glyph in &text.glyphs {
                    let advance = glyph.x_advance.at(text.size).to_pt();
                    let natural = text
                        .font
                        .x_advance(glyph.id)
                        .map_or(advance, |em| em.at(text.size).to_pt());
                    let x = along + glyph.x_offset.at(text.size).to_pt();
                    // The glyph's em box.
                    let (top, bottom) = (-g::EM_BOX_ASCENT * size, g::EM_BOX_DESCENT * size);
                    let (x0, y0, x1, y1) = bbox(here, x, top, x + natural, bottom);
                    out.push(Ink {
                        kind: Kind::Text,
                        run: text.text.clone().into(),
                        range: glyph.range(),
                        item,
                        size,
                        x0,
                        y0,
                        x1,
                        y1,
                        cell: bbox(here, x, top, x + advance, bottom),
                    });
                    along += advance;
                }
            }
            FrameItem::Shape(shape, _) => {
                // Its box with the stroke, which reaches half its
                // thickness past the geometry.
                let r = shape.bbox(true);
                let (x0, y0, x1, y1) = bbox(
                    here,
                    r.min.x.to_pt(),
                    r.min.y.to_pt(),
                    r.max.x.to_pt(),
                    r.max.y.to_pt(),
                );
                out.push(Ink {
                    kind: Kind::Rule,
                    run: Default::default(),
                    range: 0..0,
                    item: 0,
                    size: 0.0,
                    x0,
                    y0,
                    x1,
                    y1,
                    cell: (x0, y0, x1, y1),
                });
            }
            FrameItem::Image(_, size, _) => {
                let (x0, y0, x1, y1) = bbox(here, 0.0, 0.0, size.x.to_pt(), size.y.to_pt());
                out.push(Ink {
                    kind: Kind::Image,
                    run: Default::default(),
                    range: 0..0,
                    item: 0,
                    size: 0.0,
                    x0,
                    y0,
                    x1,
                    y1,
                    cell: (x0, y0, x1, y1),
                });
            }
            _ => {}
        }
    }
}

/// The 版心, pt from the paper's top-left corner.
struct Block {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

const BLOCK: Block = Block {
    x0: mm(g::LEFT_MARGIN_MM),
    y0: mm(g::TOP_MARGIN_MM),
    x1: mm(g::BLOCK_RIGHT_MM),
    y1: mm(g::BLOCK_BOTTOM_MM),
};

impl Ink {
    /// The text of a glyph (empty for rules and images).
    fn text(&self) -> &str {
        &self.run[self.range.clone()]
    }

    fn inside(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> bool {
        self.x0 >= x0 - TOLERANCE
            && self.y0 >= y0 - TOLERANCE
            && self.x1 <= x1 + TOLERANCE
            && self.y1 <= y1 + TOLERANCE
    }

    /// A glyph of a page number (§7.5): the number's size, below the 版心.
    fn page_number(&self, c: &Composition) -> bool {
        self.kind == Kind::Text
            && (self.size - c.page_numbers.size).abs() < 0.01
            && self.y0 >= BLOCK.y1 - TOLERANCE
            && self
                .text()
                .chars()
                .all(|ch| ch == c.page_numbers.dash || ch.is_ascii_digit() || ch == ' ')
    }

    fn describe(&self, c: &Composition) -> String {
        match self.kind {
            Kind::Text => {
                let line: String = self.run.chars().take(24).collect();
                let line = line.as_str();
                let field = field_of(c, line).map_or(String::new(), |f| format!("{f}: "));
                format!("{field}the text “{line}”")
            }
            Kind::Rule => "a rule".to_string(),
            Kind::Image => {
                // The seal of the same size, and the item it stands against.
                let seal = c.overlays.iter().find(|o| {
                    (o.width - (self.x1 - self.x0)).abs() < 0.5
                        || (o.width - (self.y1 - self.y0)).abs() < 0.5
                });
                match seal {
                    Some(o) => format!(
                        "seal: the seal “{}” (placed against {})",
                        o.alt, c.items[o.anchor].path
                    ),
                    None => "an image".to_string(),
                }
            }
        }
    }
}

/// Two glyphs' cells overlap by more than the tolerance both ways.
fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0.max(b.0) + TOLERANCE < a.2.min(b.2) && a.1.max(b.1) + TOLERANCE < a.3.min(b.3)
}

/// The first pair of glyphs on a page whose cells overlap (text set over
/// text: a field too long for its place runs into its neighbour).
fn overlapping(inks: &[Ink]) -> Option<(&Ink, &Ink)> {
    let mut text: Vec<&Ink> = inks.iter().filter(|i| i.kind == Kind::Text).collect();
    text.sort_by(|a, b| a.cell.1.total_cmp(&b.cell.1));
    for (k, a) in text.iter().enumerate() {
        for b in &text[k + 1..] {
            if b.cell.1 + TOLERANCE >= a.cell.3 {
                break;
            }
            if a.item != b.item && overlap(a.cell, b.cell) {
                return Some((a, b));
            }
        }
    }
    None
}

/// The characters counted: whitespace is not ink.
fn counted(ch: char) -> bool {
    !ch.is_whitespace()
}

/// The field of the composition whose text holds `excerpt`, if one does.
fn field_of<'c>(c: &'c Composition, excerpt: &str) -> Option<&'c str> {
    let probe: String = excerpt.chars().filter(|&ch| counted(ch)).take(8).collect();
    if probe.is_empty() {
        return None;
    }
    c.texts()
        .find(|(_, text, _)| {
            let t: String = text.chars().filter(|&ch| counted(ch)).collect();
            t.contains(&probe)
        })
        .map(|(_, _, field)| field)
}

/// Checks the laid-out pages of `c` (see the module's doc).
pub(super) fn check(
    path: &std::path::Path,
    format: Format,
    c: &Composition,
    paged: &PagedDocument,
) -> Result<(), Error> {
    let (paper_w, paper_h) = (mm(g::PAPER_WIDTH_MM), mm(g::PAPER_HEIGHT_MM));
    let mut drawn: HashMap<char, usize> = HashMap::new();
    for (k, page) in paged.pages().iter().enumerate() {
        let number = k + 1;
        let mut inks = Vec::new();
        walk(&page.frame, Transform::identity(), &mut inks);
        for ink in &inks {
            let fault = |what: &str| Error::Layout {
                path: path.to_path_buf(),
                page: Some(number),
                message: format!(
                    "{} (its box {:.1}–{:.1} mm across, {:.1}–{:.1} mm down) {what}",
                    ink.describe(c),
                    g::to_mm(ink.x0),
                    g::to_mm(ink.x1),
                    g::to_mm(ink.y0),
                    g::to_mm(ink.y1),
                ),
            };
            if !ink.inside(0.0, 0.0, paper_w, paper_h) {
                return Err(fault(
                    "runs off the paper; shorten it (or, for seals, use fewer on one document)",
                ));
            }
            if ink.page_number(c) {
                continue;
            }
            // A 信函's first page has its 版头 and red lines above and below
            // the 版心 (§10.1).
            let letter_head = format == Format::Letter && number == 1;
            if !letter_head && !ink.inside(BLOCK.x0, BLOCK.y0, BLOCK.x1, BLOCK.y1) {
                return Err(fault(
                    "stands outside the 版心 (only page numbers may, §7.5); shorten it",
                ));
            }
            if ink.kind == Kind::Text {
                for ch in ink.text().chars().filter(|&ch| counted(ch)) {
                    *drawn.entry(ch).or_default() += 1;
                }
            }
        }
        if let Some((a, b)) = overlapping(&inks) {
            return Err(Error::Layout {
                path: path.to_path_buf(),
                page: Some(number),
                message: format!(
                    "{} is set over {}: a field too long for its place; shorten it",
                    a.describe(c),
                    b.describe(c),
                ),
            });
        }
    }
    // Every character of the composition on a page: the counts per
    // character, field by field in reading order, so that the message names
    // the first field whose text is short.
    let mut composed: HashMap<char, usize> = HashMap::new();
    for (_, text, _) in c.texts() {
        for ch in text.chars().filter(|&ch| counted(ch)) {
            *composed.entry(ch).or_default() += 1;
        }
    }
    let short: Vec<char> = composed
        .iter()
        .filter(|(ch, n)| drawn.get(ch).copied().unwrap_or(0) < **n)
        .map(|(ch, _)| *ch)
        .collect();
    if short.is_empty() {
        return Ok(());
    }
    // The last field holding a missing character: what could not be
    // placed is at the end of what overflowed.
    let (field, text) = c
        .texts()
        .filter(|(_, text, _)| text.chars().any(|ch| short.contains(&ch)))
        .map(|(_, text, field)| (field, text))
        .last()
        .unwrap_or(("?", ""));
    let excerpt: String = text.chars().take(24).collect();
    Err(Error::Layout {
        path: path.to_path_buf(),
        page: None,
        message: format!(
            "{field}: text “{excerpt}” is on no page (could not be placed); \
             shorten it or split it into more fields"
        ),
    })
}
