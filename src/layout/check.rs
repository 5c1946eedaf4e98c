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

impl Ink {
    /// A rule or an image: no text, its cell its bounding box.
    fn bounded(kind: Kind, (x0, y0, x1, y1): (f64, f64, f64, f64)) -> Self {
        Ink {
            kind,
            run: Default::default(),
            range: 0..0,
            item: 0,
            size: 0.0,
            x0,
            y0,
            x1,
            y1,
            cell: (x0, y0, x1, y1),
        }
    }
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
                out.push(Ink::bounded(
                    Kind::Rule,
                    bbox(
                        here,
                        r.min.x.to_pt(),
                        r.min.y.to_pt(),
                        r.max.x.to_pt(),
                        r.max.y.to_pt(),
                    ),
                ));
            }
            FrameItem::Image(_, size, _) => {
                let b = bbox(here, 0.0, 0.0, size.x.to_pt(), size.y.to_pt());
                out.push(Ink::bounded(Kind::Image, b));
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

/// What a page may not hold alone (invariant (c)): text that belongs with
/// other text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alone {
    /// 署名, 成文日期, the 签发人's title, 附注 (§7.3.5.5: never a page of
    /// the closing without 正文).
    Closing,
    /// A heading that heads text, or an attachment's 附件N and title.
    Heading,
    /// A table's caption (表题), which heads its table.
    Caption,
}

impl Alone {
    fn describe(self) -> &'static str {
        match self {
            Alone::Closing => {
                "only the closing (署名, 成文日期, 附注) with no 正文 above it (§7.3.5.5)"
            }
            Alone::Heading => "only a heading, with none of the text it heads",
            Alone::Caption => "only a table's caption, without its table",
        }
    }
}

/// The invariants checked in tests on every document (dearer than
/// [`check`], which runs always): (c) no page holds only a closing, a
/// heading or a caption, and none is blank but the side before a 版记; (e) printed on both sides, the 版记 stands on an
/// even page (§7.4, §7.5).
pub(super) fn audit(
    path: &std::path::Path,
    c: &Composition,
    paged: &PagedDocument,
    record_page: Option<usize>,
    double_sided: bool,
) -> Result<(), Error> {
    use crate::compose::{ItemKind, Keep, Lead};
    // The texts that may not stand alone, and those that do not count as a
    // page's content (the 版头, the 标题, the 版记, the page number).
    // A 正文 that ends in a landscape table: the closing cannot stand on
    // the table's turned pages and goes to a portrait page after them,
    // which holds it alone (the one exception; gongwen cannot do better
    // without moving the author's table).
    let after_landscape = c.items.iter().any(|it| {
        matches!(it.keep_with_next, Keep::LastLines(_))
            && matches!(it.kind, ItemKind::Table(k) if c.tables[k].landscape)
    });
    let mut alone: Vec<(String, Alone)> = Vec::new();
    // The texts of everything else: a line found in one of them (a 正文 of
    // one character, “测”, is also in a 附注) counts as content.
    let mut others: Vec<String> = Vec::new();
    for item in &c.items {
        let kind = match item.kind {
            ItemKind::Signature | ItemKind::Date | ItemKind::SignatureTitle | ItemKind::Note
                if !after_landscape =>
            {
                Alone::Closing
            }
            ItemKind::AttachmentLabel | ItemKind::AttachmentTitle => Alone::Heading,
            _ if item.keep_with_next == Keep::Lead(Lead::Heading) => Alone::Heading,
            _ => {
                others.push(item.runs.iter().map(|r| r.text.as_str()).collect());
                continue;
            }
        };
        let text: String = item.runs.iter().map(|r| r.text.as_str()).collect();
        alone.push((text, kind));
    }
    for t in &c.tables {
        alone.extend(t.caption.iter().map(|l| (l.clone(), Alone::Caption)));
    }
    let squeeze = |t: &str| -> String { t.chars().filter(|&ch| counted(ch)).collect() };
    let alone: Vec<(String, Alone)> = alone.into_iter().map(|(t, k)| (squeeze(&t), k)).collect();
    let others: Vec<String> = others.iter().map(|t| squeeze(t)).collect();
    let title: Vec<String> = c.title.iter().map(|t| squeeze(t)).collect();
    let record_rows = c.record.as_ref().map_or(0, |r| r.rows.len());
    for (k, page) in paged.pages().iter().enumerate() {
        let number = k + 1;
        let mut inks = Vec::new();
        walk(&page.frame, Transform::identity(), &mut inks);
        // No page left blank but the side before a 版记 that must stand on
        // an even page (§7.5).
        if inks
            .iter()
            .all(|i| i.kind == Kind::Text && i.page_number(c))
            && record_page != Some(number + 1)
        {
            return Err(Error::Layout {
                path: path.to_path_buf(),
                page: Some(number),
                message: "the page is blank".into(),
            });
        }
        // The page's lines of text, top to bottom, page numbers aside.
        let mut lines: Vec<(f64, Vec<&Ink>)> = Vec::new();
        for ink in inks
            .iter()
            .filter(|i| i.kind == Kind::Text && !i.page_number(c))
        {
            match lines.iter_mut().find(|(y, _)| (y - ink.y1).abs() < 0.5) {
                Some((_, l)) => l.push(ink),
                None => lines.push((ink.y1, vec![ink])),
            }
        }
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut texts: Vec<(f64, String)> = lines
            .into_iter()
            .map(|(y, mut l)| {
                l.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                (y, squeeze(&l.iter().map(|i| i.text()).collect::<String>()))
            })
            .filter(|(_, t)| !t.is_empty())
            .collect();
        // Page 1's 版头 and 标题 are not its content; nor is the 版记, the
        // last rows above the 版心's bottom edge of its page.
        if number == 1
            && let Some(last) = texts.iter().rposition(|(_, t)| title.contains(t))
        {
            texts.drain(..=last);
        }
        if record_page == Some(number) {
            let top = BLOCK.y1 - record_rows as f64 * g::LINE_PITCH - TOLERANCE;
            texts.retain(|(y, _)| *y < top);
        }
        let mut found: Option<Alone> = None;
        let mut content = false;
        for (_, t) in &texts {
            let other = others.iter().any(|o| o.contains(t.as_str()));
            match alone.iter().find(|(a, _)| !other && a.contains(t.as_str())) {
                Some((_, kind)) => {
                    found.get_or_insert(*kind);
                }
                None => {
                    content = true;
                    break;
                }
            }
        }
        if let (Some(kind), false) = (found, content) {
            return Err(Error::Layout {
                path: path.to_path_buf(),
                page: Some(number),
                message: format!("the page holds {}", kind.describe()),
            });
        }
    }
    if double_sided
        && let Some(p) = record_page
        && p % 2 == 1
    {
        return Err(Error::Layout {
            path: path.to_path_buf(),
            page: Some(p),
            message: "the 版记 stands on an odd page; printed on both sides it must be on the \
                      document's last side, an even page (§7.4, §7.5)"
                .into(),
        });
    }
    Ok(())
}
