//! The PDF writer: the composition, broken into lines on the 28-character
//! grid, handed to the Typst template as JSON data, typeset and exported.

mod data;
mod world;

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Label, Smart};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::assets::{Assets, Image};
use crate::compose::linebreak;
use crate::compose::{self, Composition, Item, ItemKind, Keep};
use crate::date::Date;
use crate::error::Error;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, mm};
use crate::load::Source;
use crate::model::Document;

pub use world::{GongwenWorld, Shared, TEMPLATE};

/// This writer, for the composition.
pub const WRITER: compose::Writer = compose::Writer {
    name: "gen pdf",
    header: true,
    record: true,
};

/// When the PDF says it was made.
#[derive(Debug, Clone, Copy, Default)]
pub enum Stamp {
    /// The document's 成文日期, at 00:00 UTC (the default: reproducible).
    #[default]
    DocumentDate,
    /// Seconds since 1970-01-01 UTC (e.g. from `SOURCE_DATE_EPOCH`).
    Unix(i64),
}

/// A PDF standard the output conforms to, checked by Typst's own
/// validation while it writes the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// PDF/A-2b (ISO 19005-2, basic): for archiving.
    A2b,
    /// PDF/A-2a (ISO 19005-2, accessible): archiving, tagged structure.
    A2a,
    /// PDF/UA-1 (ISO 14289-1): accessible to assistive technology.
    Ua1,
}

impl Standard {
    fn typst(self) -> typst_pdf::PdfStandard {
        match self {
            Standard::A2b => typst_pdf::PdfStandard::A_2b,
            Standard::A2a => typst_pdf::PdfStandard::A_2a,
            Standard::Ua1 => typst_pdf::PdfStandard::Ua_1,
        }
    }

    /// Whether the standard forbids device CMYK (PDF/A does without a CMYK
    /// output intent, which Typst does not write).
    fn forbids_cmyk(self) -> bool {
        matches!(self, Standard::A2b | Standard::A2a)
    }
}

/// How the PDF is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    pub stamp: Stamp,
    /// `None`: plain PDF 1.7, the red in CMYK.
    pub standard: Option<Standard>,
}

/// Typesets documents as PDF with one set of fonts and settings; the
/// Typst library, the font book and the parsed template are made once and
/// shared by every document (and every thread) that uses it.
pub struct Typesetter<'a> {
    shared: Shared<'a>,
    fonts: &'a FontSet,
    settings: Settings,
}

impl<'a> Typesetter<'a> {
    pub fn new(fonts: &'a FontSet, settings: Settings) -> Self {
        Self {
            shared: Shared::new(fonts),
            fonts,
            settings,
        }
    }

    /// Typesets `doc` and returns the laid-out pages (see [`typeset`]).
    pub fn typeset(
        &self,
        doc: &Document,
        source: &Source,
        assets: &Assets,
    ) -> Result<PagedDocument, Error> {
        let red = match self.settings.standard {
            Some(s) if s.forbids_cmyk() => data::Red::Rgb(g::RED_SRGB),
            _ => data::Red::Cmyk(g::RED_CMYK),
        };
        self.typeset_in(doc, source, assets, red)
    }

    /// [`Self::typeset`] with the red given.
    fn typeset_in(
        &self,
        doc: &Document,
        source: &Source,
        assets: &Assets,
        red: data::Red,
    ) -> Result<PagedDocument, Error> {
        let composition = compose::compose(doc, source, self.fonts, WRITER, assets)?;
        let (mut paged, mut pages) = self.lay_out(doc, &composition, red)?;
        if !doc.single_sided
            && let Some(side) = record_side_of(&paged)
        {
            pages.record = side;
            paged = self.compile(doc, &composition, pages, red)?;
        }
        Ok(paged)
    }

    /// The page breaks this writer's layout of `doc` takes (see
    /// [`page_breaks`]).
    pub fn page_breaks(
        &self,
        doc: &Document,
        source: &Source,
        assets: &Assets,
    ) -> Result<PageBreaks, Error> {
        let composition = compose::compose(doc, source, self.fonts, WRITER, assets)?;
        let red = data::Red::Cmyk(g::RED_CMYK);
        let (paged, pages) = self.lay_out(doc, &composition, red)?;
        let has_record = !(doc.cc.is_empty() && doc.printing.is_none());
        let record = if doc.single_sided || !has_record {
            RecordSide::Float
        } else {
            record_side_of(&paged).unwrap_or_default()
        };
        Ok(PageBreaks {
            closing: pages.closing.map(|b| (b.item, b.line)),
            record,
        })
    }

    /// The layout with the closing kept with the 正文 (§7.3.5.5), and the
    /// page breaks that took.
    fn lay_out(
        &self,
        doc: &Document,
        composition: &Composition,
        red: data::Red,
    ) -> Result<(PagedDocument, Pagination), Error> {
        let mut pages = Pagination::default();
        let mut paged = self.compile(doc, composition, pages, red)?;
        if let Some(at) = closing_break(composition, &paged, self.fonts) {
            pages.closing = Some(at);
            paged = self.compile(doc, composition, pages, red)?;
        }
        Ok((paged, pages))
    }

    fn compile(
        &self,
        doc: &Document,
        composition: &Composition,
        pages: Pagination,
        red: data::Red,
    ) -> Result<PagedDocument, Error> {
        let data = template_data(doc, composition, self.fonts, pages, red);
        let bytes = serde_json::to_vec(&data).expect("JSON of plain data serialises");
        let images: Vec<(String, typst::foundations::Bytes)> = composition
            .images
            .iter()
            .enumerate()
            .map(|(k, image)| (image_path(k, image), image.bytes.clone()))
            .collect();
        let world = GongwenWorld::new(&self.shared, bytes, &images, date_time(doc));
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        // Every warning is an error: a font fallback must never pass silently.
        if !warnings.is_empty() {
            return Err(Error::Typeset(describe(&warnings)));
        }
        output.map_err(|errors| Error::Typeset(describe(&errors)))
    }

    /// Writes typeset pages of `doc` as PDF bytes.
    pub fn export(&self, doc: &Document, paged: &PagedDocument) -> Result<Vec<u8>, Error> {
        let timestamp = match self.settings.stamp {
            Stamp::DocumentDate => Timestamp::new_utc(date_time(doc)),
            Stamp::Unix(secs) => Timestamp::new_utc(unix_to_datetime(secs)),
        };
        let standards = match self.settings.standard {
            None => typst_pdf::PdfStandards::default(),
            Some(s) => typst_pdf::PdfStandards::new(&[s.typst()])
                .map_err(|e| Error::Typeset(e.message().to_string()))?,
        };
        let options = PdfOptions {
            // The title as written (a 命令 without one: its mark and 令号).
            ident: Smart::Custom(format!(
                "gongwen:{}:{}",
                doc.date.iso(),
                doc.title
                    .as_ref()
                    .map_or_else(|| doc.display_title(), ToString::to_string)
            )),
            creator: Smart::Custom(Some(format!("gongwen {}", env!("CARGO_PKG_VERSION")))),
            timestamp: Some(timestamp),
            standards,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(paged, &options).map_err(|errors| Error::Typeset(describe(&errors)))
    }

    /// Typesets `doc` as PDF bytes.
    pub fn render(
        &self,
        doc: &Document,
        source: &Source,
        assets: &Assets,
    ) -> Result<Vec<u8>, Error> {
        self.export(doc, &self.typeset(doc, source, assets)?)
    }
}

/// Typesets `doc` and returns the laid-out pages (for inspection).
///
/// §7.3.5.5: when the closing (署名, 成文日期) does not fit under the 正文 and
/// would start a page of its own, the 正文's last paragraph is broken
/// before its last lines ([`Keep::LastLines`]) and typeset again, so that
/// those lines go with the closing and nothing else moves. Typst cannot
/// keep some lines of a paragraph with the next block, so the first run
/// finds out where the pages break (labels in the template) and the second
/// forces the break; most documents need only one run.
pub fn typeset(doc: &Document, source: &Source, fonts: &FontSet) -> Result<PagedDocument, Error> {
    let assets = Assets::load(doc, source, None)?;
    typeset_with(doc, source, fonts, &assets)
}

/// The virtual path under which the template finds image `k`.
fn image_path(k: usize, image: &Image) -> String {
    format!("/images/{k}.{}", image.format.extension())
}

/// [`typeset`] with the document's images already read (see
/// [`Assets::load`]).
pub fn typeset_with(
    doc: &Document,
    source: &Source,
    fonts: &FontSet,
    assets: &Assets,
) -> Result<PagedDocument, Error> {
    Typesetter::new(fonts, Settings::default()).typeset(doc, source, assets)
}

/// The page breaks gongwen's own layout of `doc` takes, for a writer
/// whose word processor paginates on its own (the DOCX writer asks).
pub fn page_breaks(
    doc: &Document,
    source: &Source,
    fonts: &FontSet,
    assets: &Assets,
) -> Result<PageBreaks, Error> {
    Typesetter::new(fonts, Settings::default()).page_breaks(doc, source, assets)
}

/// Page breaks a layout decided (see [`page_breaks`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageBreaks {
    /// §7.3.5.5: the closing does not fit under the 正文, so the page
    /// breaks before line `.1` (0-based) of item `.0`, the 正文's last
    /// paragraph, and its last lines go with the 署名.
    pub closing: Option<(usize, usize)>,
    /// Where the 版记 stands: `Float` when the document has none or is
    /// printed on one side.
    pub record: RecordSide,
}

/// What a first run of the layout decided about page breaks.
#[derive(Debug, Clone, Copy, Default)]
struct Pagination {
    /// §7.3.5.5: the break before the 正文's last lines.
    closing: Option<PageBreak>,
    /// §7.4/§7.5: where the 版记 goes when printed on both sides.
    record: RecordSide,
}

/// Where the 版记 stands (printed on both sides, it must be on the
/// document's last side, an even page; §7.4, §7.5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RecordSide {
    /// At the foot of the last page, or of the next one when the last page
    /// has no room (the float's own choice): that page is even.
    #[default]
    Float,
    /// The last page of text is odd: the 版记 goes to the next page, the
    /// back of the same sheet, alone (no blank side, so still numbered).
    NextPage,
    /// The last page of text is even and has no room: a blank side, then
    /// the 版记 on the next even page; neither is numbered (§7.5). `from`:
    /// the first unnumbered page.
    AfterBlank { from: usize },
}

/// Label of the 版记, and of the end of the last text before it.
const RECORD_LABEL: &str = "gw-record";
const TEXT_END_LABEL: &str = "gw-text-end";

fn label_page(paged: &PagedDocument, name: &str) -> Option<usize> {
    let intro = paged.introspector();
    let label = Label::new(PicoStr::intern(name))?;
    let location = intro.query_label(label).ok()?.location()?;
    intro.page(location).map(|p| p.get())
}

/// Where the 版记 must go instead of where it floated, if that page is odd.
fn record_side_of(paged: &PagedDocument) -> Option<RecordSide> {
    let record = label_page(paged, RECORD_LABEL)?;
    let text = label_page(paged, TEXT_END_LABEL)?;
    if record % 2 == 0 {
        None
    } else if record == text {
        Some(RecordSide::NextPage)
    } else {
        Some(RecordSide::AfterBlank { from: text + 1 })
    }
}

/// Label of the end of the 正文's last lines, and of the closing's start.
const BODY_END_LABEL: &str = "gw-body-end";
const CLOSING_LABEL: &str = "gw-closing";

/// A forced page break before line `line` of item `item`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PageBreak {
    item: usize,
    line: usize,
}

/// Where to break the page so that the closing keeps the 正文's last
/// lines, if it now starts a page without them.
fn closing_break(c: &Composition, paged: &PagedDocument, fonts: &FontSet) -> Option<PageBreak> {
    if label_page(paged, CLOSING_LABEL)? <= label_page(paged, BODY_END_LABEL)? {
        return None;
    }
    let (item, kept) = c
        .items
        .iter()
        .enumerate()
        .find_map(|(i, it)| match it.keep_with_next {
            Keep::LastLines(k) => Some((i, k)),
            _ => None,
        })?;
    let lines = compose::item_lines(&c.items[item], fonts).len();
    Some(PageBreak {
        item,
        line: lines.saturating_sub(kept),
    })
}

/// Typesets `doc` as PDF bytes.
pub fn render(
    doc: &Document,
    source: &Source,
    fonts: &FontSet,
    settings: Settings,
    assets: &Assets,
) -> Result<Vec<u8>, Error> {
    Typesetter::new(fonts, settings).render(doc, source, assets)
}

fn date_time(doc: &Document) -> Datetime {
    let d = doc.date;
    Datetime::from_ymd_hms(i32::from(d.year), d.month, d.day, 0, 0, 0)
        .expect("a validated date is a valid datetime")
}

fn unix_to_datetime(secs: i64) -> Datetime {
    let rem = secs.rem_euclid(86_400);
    let date = Date::from_days_since_epoch(secs.div_euclid(86_400)).unwrap_or(Date {
        year: 1980,
        month: 1,
        day: 1,
    });
    Datetime::from_ymd_hms(
        i32::from(date.year),
        date.month,
        date.day,
        (rem / 3600) as u8,
        (rem % 3600 / 60) as u8,
        (rem % 60) as u8,
    )
    .expect("a calendar date and a time of day")
}

fn describe(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let mut s = d.message.to_string();
            for hint in &d.hints {
                s.push_str(&format!(" (hint: {})", hint.v));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The data the template reads as `/data.json` (see [`data`]).
fn template_data(
    doc: &Document,
    c: &Composition,
    fonts: &FontSet,
    pages: Pagination,
    red: data::Red,
) -> data::TemplateData {
    // The item whose end is labelled, and the closing's first item.
    let anchor = c
        .items
        .iter()
        .position(|it| matches!(it.keep_with_next, Keep::LastLines(_)));
    let items: Vec<data::Item> = c
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let blank = if i == 0 {
                c.title_gap_lines
            } else {
                item.blank_lines_before
            };
            // Without a title (a 命令 may have none, §10.2) the first item
            // stands where the title would: on the title's grid line.
            let on_title_line = i == 0 && c.title.is_empty();
            let mut labels = Vec::new();
            match anchor {
                Some(a) if a == i => labels.push(BODY_END_LABEL),
                Some(a) if a + 1 == i => labels.push(CLOSING_LABEL),
                _ => {}
            }
            if i + 1 == c.items.len() {
                labels.push(TEXT_END_LABEL);
            }
            let break_before = pages.closing.filter(|b| b.item == i).map(|b| b.line);
            let overlays = c
                .overlays
                .iter()
                .filter(|o| o.anchor == i)
                .map(|o| data::Overlay {
                    path: image_path(o.image, &c.images[o.image]),
                    x: o.x,
                    dy: o.dy(g::LINE_PITCH),
                    width: o.width,
                    height: o.height,
                    alt: o.alt.clone(),
                })
                .collect();
            let mut d = item_data(item, blank, fonts, labels, break_before, overlays);
            if on_title_line {
                d.above = 0.0;
            }
            if let ItemKind::Table(k) = item.kind {
                d.table = Some(Box::new(table_data(&c.tables[k])));
            }
            // A portrait table ends on the em-box top of a grid line (its
            // rows are whole line pitches): the text after it starts one em
            // further down, on the grid.
            if i > 0
                && let ItemKind::Table(k) = c.items[i - 1].kind
                && !c.tables[k].landscape
            {
                d.above += g::BODY_SIZE;
            }
            d
        })
        .collect();
    let role = |r: Role| data::RoleFonts {
        families: fonts.chain(r).to_vec(),
        weight: FontSet::weight(r),
        latin: FontSet::uses_latin_font(r),
    };
    let pn = &c.page_numbers;
    data::TemplateData {
        meta: data::Meta {
            title: doc.display_title(),
            author: doc.issuer.join("、"),
        },
        geometry: data::Geometry {
            paper_width: mm(g::PAPER_WIDTH_MM),
            paper_height: mm(g::PAPER_HEIGHT_MM),
            margin_top: mm(g::TOP_MARGIN_MM),
            margin_left: mm(g::LEFT_MARGIN_MM),
            margin_right: mm(g::PAPER_WIDTH_MM - g::LEFT_MARGIN_MM) - g::LINE_WIDTH,
            margin_bottom: mm(g::BOTTOM_MARGIN_MM) - g::PDF_BOTTOM_SLACK,
            body_size: g::BODY_SIZE,
            title_size: g::TITLE_SIZE,
            // The title's line box is the 16 pt above its baseline, its top
            // on the grid line's top: the glyphs move down so that the 2号
            // em box starts where geometry puts it.
            title_drop: g::TITLE_EM_TOP_BELOW_GRID_LINE + g::EM_BOX_ASCENT * g::TITLE_SIZE
                - g::BODY_SIZE,
            tracking: g::BODY_TRACKING,
            line_gap: g::LINE_GAP,
            em_ascent: g::EM_BOX_ASCENT,
            em_descent: g::EM_BOX_DESCENT,
            page_number: data::PageNumber {
                dash: pn.dash,
                size: pn.size,
                dash_top: pn.dash_top,
                right_inset: mm(g::RIGHT_MARGIN_MM) + pn.inset,
                left_inset: mm(g::LEFT_MARGIN_MM) + pn.inset,
                first_page: pn.first_page,
            },
        },
        fonts: data::Fonts {
            latin: fonts.latin().to_string(),
            roles: data::Roles {
                body: role(Role::Body),
                hei: role(Role::Hei),
                kai: role(Role::Kai),
                title: role(Role::Title),
                song: role(Role::Song),
            },
        },
        header: c.header.as_ref().map(header_data),
        record: c.record.as_ref().map(record_data),
        record_side: match pages.record {
            RecordSide::Float => data::RecordSide::Float,
            RecordSide::NextPage => data::RecordSide::Next,
            RecordSide::AfterBlank { .. } => data::RecordSide::AfterBlank,
        },
        unnumbered_from: match pages.record {
            RecordSide::AfterBlank { from } => Some(from),
            _ => None,
        },
        title_line: c.title_line,
        red,
        block_width: mm(g::BLOCK_WIDTH_MM),
        separator_thickness: g::SEPARATOR_THICKNESS,
        line_pitch: g::LINE_PITCH,
        title: c.title.clone(),
        items: group_closing(&c.items, items),
    }
}

/// The closing (§7.3.5): from the first 署名 (or the 签发人's title) through
/// the items kept with it, as one group the template sets unbreakable, so
/// that the 署名, 成文日期 and their seals never part.
fn group_closing(items: &[Item], data: Vec<data::Item>) -> Vec<data::Entry> {
    use compose::ItemKind;
    let mut data = data;
    let Some(start) = items.iter().position(|i| {
        matches!(
            i.kind,
            ItemKind::Signature | ItemKind::SignatureTitle | ItemKind::Date
        )
    }) else {
        return data.into_iter().map(data::Entry::Item).collect();
    };
    let end = items[start..]
        .iter()
        .position(|i| i.keep_with_next != Keep::Whole)
        .map_or(items.len(), |k| start + k + 1);
    let rest = data.split_off(end);
    let group = data.split_off(start);
    let sealed = group.iter().any(|i| !i.overlays.is_empty());
    let mut entries: Vec<data::Entry> = data.into_iter().map(data::Entry::Item).collect();
    entries.push(data::Entry::Group(data::Group { group, sealed }));
    entries.extend(rest.into_iter().map(data::Entry::Item));
    entries
}

fn placed_data(p: &compose::Placed) -> data::Placed {
    data::Placed {
        x: p.x,
        runs: data::runs(&p.runs),
    }
}

/// A composed table (§8) for the template.
fn table_data(t: &crate::compose::table::Composed) -> data::Table {
    data::Table {
        caption: t.caption.clone(),
        size: t.size,
        line_pitch: t.line_pitch,
        landscape: t.landscape,
        columns: t.columns.clone(),
        header_rows: t.header_rows,
        rows: t
            .rows
            .iter()
            .map(|r| data::TableRow {
                lines: r.lines,
                cells: r
                    .cells
                    .iter()
                    .map(|c| data::TableCell {
                        col: c.col,
                        colspan: c.colspan,
                        rowspan: c.rowspan,
                        align: c.align,
                        role: c.role.into(),
                        lines: c.lines.clone(),
                    })
                    .collect(),
            })
            .collect(),
        pages: t.pages.iter().map(|p| [p.start, p.end]).collect(),
        width: mm(g::LANDSCAPE_TABLE_WIDTH_MM),
        height: mm(g::LANDSCAPE_TABLE_HEIGHT_MM),
        inset: mm(g::TABLE_CELL_INSET_MM),
        rule: g::TABLE_RULE,
    }
}

fn header_data(h: &compose::Header) -> data::Header {
    let line = |l: &compose::HeaderLine| data::HeaderLine {
        top: l.top,
        placed: l.placed.iter().map(placed_data).collect(),
        centre: data::runs(&l.centre),
    };
    data::Header {
        corner: h.corner.iter().map(line).collect(),
        number: h.number.iter().map(line).collect(),
        mark: h.mark.as_ref().map(|m| data::Mark {
            size: m.size,
            pieces: m
                .pieces
                .iter()
                .map(|p| data::MarkPiece {
                    text: p.text.clone(),
                    x: p.x,
                    top: p.top,
                    spacing: p.spacing,
                })
                .collect(),
        }),
        separator: h.separator,
        double_rules: h
            .double_rules
            .iter()
            .map(|r| data::DoubleRule {
                x: r.x,
                length: r.length,
                lines: r
                    .lines()
                    .iter()
                    .map(|&(top, thickness)| data::RuleLine { top, thickness })
                    .collect(),
            })
            .collect(),
    }
}

fn record_data(r: &compose::Record) -> data::Record {
    data::Record {
        rows: r
            .rows
            .iter()
            .map(|l| data::RecordRow {
                placed: l.placed.iter().map(placed_data).collect(),
            })
            .collect(),
        thin_after: r.thin_after.clone(),
        rules: r.rules,
        size: g::RECORD_SIZE,
        thick: mm(g::RECORD_THICK_MM),
        thin: mm(g::RECORD_THIN_MM),
        slack: g::PDF_BOTTOM_SLACK,
    }
}

/// How the template sets an item: on the body grid, like the 标题's lines,
/// or as a new page.
fn item_style(item: &Item) -> data::Style {
    match item.kind {
        ItemKind::PageBreak => data::Style::PageBreak,
        ItemKind::Table(_) => data::Style::Table,
        ItemKind::AttachmentTitle => data::Style::Title,
        _ => data::Style::Text,
    }
}

fn item_data(
    item: &Item,
    blank_lines: usize,
    fonts: &FontSet,
    labels: Vec<&'static str>,
    break_before: Option<usize>,
    overlays: Vec<data::Overlay>,
) -> data::Item {
    let lines = compose::item_lines(item, fonts)
        .into_iter()
        .enumerate()
        .map(|(i, runs)| {
            let text: String = runs.iter().map(|r| r.text.as_str()).collect();
            data::Line {
                indent: if i == 0 {
                    item.first_indent
                } else {
                    item.rest_indent
                },
                runs: data::runs(&runs),
                guard_start: text
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_ascii() && linebreak::no_line_end(c)),
                guard_end: text
                    .chars()
                    .last()
                    .is_some_and(|c| !c.is_ascii() && linebreak::no_line_start(c)),
            }
        })
        .collect();
    data::Item {
        style: item_style(item),
        above: g::LINE_GAP + blank_lines as f64 * g::LINE_PITCH,
        justify: item.justify,
        // Only a whole item is a sticky block; a paragraph whose last lines
        // go with the closing is broken by `break_before` instead.
        keep: item.keep_with_next == Keep::Whole,
        labels,
        break_before,
        lines,
        columns: item.columns.iter().map(placed_data).collect(),
        reserve: item.reserve_lines_after as f64 * g::LINE_PITCH,
        overlays,
        table: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with_red_mark() -> (Document, Source) {
        let source = Source {
            path: "t.yaml".into(),
            text: "issuer_mark: 测试局文件\ndoc_number: 测发〔2024〕1号\nkind: 通知\n\
                   title: 关于测试的通知\nissuer: 测试局\ndate: 2024-01-02\nbody: [正文。]\n"
                .into(),
        };
        (crate::load::parse(&source).unwrap(), source)
    }

    #[test]
    fn typst_refuses_cmyk_under_pdf_a_so_the_red_turns_srgb() {
        let fonts = FontSet::bundled();
        let (doc, source) = doc_with_red_mark();
        let settings = Settings {
            standard: Some(Standard::A2b),
            ..Settings::default()
        };
        let typesetter = Typesetter::new(&fonts, settings);
        // Typst's PDF/A validation is on: the CMYK red is an error …
        let cmyk = typesetter
            .typeset_in(
                &doc,
                &source,
                &Assets::default(),
                data::Red::Cmyk(g::RED_CMYK),
            )
            .unwrap();
        let e = typesetter.export(&doc, &cmyk).unwrap_err().to_string();
        assert!(e.contains("CMYK"), "{e}");
        // … and the same document in sRGB passes it.
        let pdf = typesetter
            .render(&doc, &source, &Assets::default())
            .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
