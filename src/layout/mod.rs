//! The layout stage: the one place that decides pages.
//!
//! The composition (items in page order, their lines broken on the
//! 28-character grid) goes to the Typst template as typed data
//! ([`data`], served by a sealed [`world`]); Typst places the lines and
//! breaks the pages, and gongwen reads back where labels landed to move a
//! page break when the standard asks for one (the pagination loop below).
//! The result, a [`Laid`] document, is computed once per document and read
//! by every writer that needs pages: the PDF exporter draws its pages, the
//! DOCX writer reproduces its page breaks. A writer without pages (HTML)
//! never comes here.

mod check;
mod data;
mod keep;
mod template;
mod world;

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Label};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::assets::{Assets, Image};
use crate::compose::{self, Composition, Keep};
use crate::date::Date;
use crate::error::Error;
use crate::fonts::FontSet;
use crate::geometry as g;
use crate::load::Source;
use crate::model::Document;

pub use data::Red;
pub use world::{GongwenWorld, Shared, TEMPLATE};

/// A document laid out on pages: what every paged writer reads.
pub struct Laid<'a> {
    pub doc: &'a Document,
    pub source: &'a Source,
    /// The fonts the pages were set in (for a writer that measures text).
    pub fonts: &'a FontSet,
    /// The composition the pages hold.
    pub composition: Composition,
    /// The pages, as Typst laid them out.
    pub paged: PagedDocument,
    /// The page breaks the layout decided.
    pub breaks: PageBreaks,
    /// How many times Typst laid the document out (the pagination loop's
    /// runs): 1 for most documents.
    pub runs: usize,
}

impl Laid<'_> {
    /// The number of pages.
    pub fn pages(&self) -> usize {
        self.paged.pages().len()
    }

    /// Whether page `page` (1-based) shows its number: not a 信函's first
    /// page (§10.1), not the blank side before a 版记 nor the 版记's page
    /// after it (§7.5).
    pub fn numbered(&self, page: usize) -> bool {
        if page == 1 && !self.composition.page_numbers.first_page {
            return false;
        }
        match self.breaks.record {
            RecordSide::AfterBlank { from } => page < from,
            _ => true,
        }
    }
}

/// Page breaks a layout decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageBreaks {
    /// Items before which the page breaks so that a lead
    /// ([`Keep::Lead`]: a heading, an attachment's head) stands with the
    /// first lines of what it leads.
    pub leads: Vec<usize>,
    /// §7.3.5.5: the closing does not fit under the 正文, so the page
    /// breaks before line `.1` (0-based) of item `.0`, the 正文's last
    /// paragraph, and its last lines go with the 署名.
    pub closing: Option<(usize, usize)>,
    /// Whether the 正文's last paragraph may be kept with the 署名 by a
    /// word processor's keep-with-next (§7.3.5.5): LibreOffice then moves
    /// it whole, which keeps the pages only where its lines on the page
    /// before the closing's fit under the closing (see [`moves_whole`]).
    /// Else the DOCX holds gongwen's page break inside it, if any.
    pub last_moves_whole: bool,
    /// Where the 版记 stands: `Float` when the document has none or is
    /// printed on one side.
    pub record: RecordSide,
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

/// Lays documents out with one set of fonts: the Typst library, the font
/// book and the parsed template are made once and shared by every
/// document (and every thread) that uses it.
pub struct Typesetter<'a> {
    /// The World's shared part without the extension fonts, which most
    /// documents never need.
    shared: Shared<'a>,
    /// The same with the extension fonts, made for the first document
    /// that needs one of their characters.
    extended: std::sync::OnceLock<Shared<'a>>,
    fonts: &'a FontSet,
    red: Red,
}

impl<'a> Typesetter<'a> {
    /// `red`: how the 版头's red is given (the PDF exporter says which its
    /// standard allows; see `pdf::Settings::red`).
    pub fn new(fonts: &'a FontSet, red: Red) -> Self {
        Self {
            shared: Shared::new(fonts, false),
            extended: std::sync::OnceLock::new(),
            fonts,
            red,
        }
    }

    /// Composes `doc` and lays it out (see [`lay_out`]).
    pub fn lay_out<'d>(
        &self,
        doc: &'d Document,
        source: &'d Source,
        assets: &Assets,
    ) -> Result<Laid<'d>, Error>
    where
        'a: 'd,
    {
        let composition = compose::compose(doc, source, self.fonts, assets)?;
        let (paged, breaks, runs) = self.paginate(doc, &composition)?;
        check::check(&source.path, doc.format, &composition, &paged)?;
        Ok(Laid {
            doc,
            source,
            fonts: self.fonts,
            composition,
            paged,
            breaks,
            runs,
        })
    }

    /// The pagination loop: a first run, then the runs that move the page
    /// breaks the standard asks for.
    ///
    /// §7.3.5.5: when the closing (署名, 成文日期) does not fit under the
    /// 正文 and would start a page of its own, the 正文's last paragraph is
    /// broken before its last lines ([`Keep::LastLines`]) and typeset
    /// again, so that those lines go with the closing and nothing else
    /// moves. Typst cannot keep some lines of a paragraph with the next
    /// block, so the first run finds out where the pages break (labels in
    /// the template) and the second forces the break.
    ///
    /// §7.4, §7.5: printed on both sides, the 版记 must stand on an even
    /// page; when it floated to an odd one, a last run moves it.
    ///
    /// The leads (a heading with its first lines, an attachment's head
    /// with its body) are held in the run itself ([`keep::Holds`]); a run
    /// more is paid only for what the flow cannot hold ([`settle_leads`]).
    /// Most documents need only one run.
    fn paginate(
        &self,
        doc: &Document,
        composition: &Composition,
    ) -> Result<(PagedDocument, PageBreaks, usize), Error> {
        let extension = self
            .fonts
            .needs_extension(composition.texts().map(|(r, t, _)| (r, t)));
        let shared = if extension {
            self.extended.get_or_init(|| Shared::new(self.fonts, true))
        } else {
            &self.shared
        };
        let scope = template::FontScope { extension };
        let runs = std::cell::Cell::new(0);
        let compile = |pages: &Pagination| {
            runs.set(runs.get() + 1);
            self.compile(shared, doc, composition, pages, scope)
        };
        let leads = keep::leads(composition);
        let mut pages = Pagination {
            tables: vec![None; composition.tables.len()],
            marks: leads.clone(),
            holds: keep::holds(composition, &leads),
            ..Pagination::default()
        };
        let mut paged = compile(&pages)?;
        paged = settle_tables(composition, &mut pages, paged, &compile)?;
        paged = settle_leads(composition, &leads, &mut pages, paged, &compile)?;
        if let Some((k, first)) = closing_rows(composition, &paged) {
            // §7.3.5.5 after a table: its last rows go with the closing.
            pages.tables[k] = Some(first);
            pages.tail = Some(k);
            paged = compile(&pages)?;
            // A table whose last page is no more than the lines the closing
            // keeps (a table of two short rows, say) cannot give it rows
            // and keep some: it starts the next page whole, and the closing
            // follows it there.
            if closing_rows(composition, &paged).is_some()
                && let Some(i) = composition
                    .items
                    .iter()
                    .position(|it| it.kind == compose::ItemKind::Table(k))
            {
                pages.tables[k] = None;
                pages.tail = None;
                pages.leads.push(i);
                paged = compile(&pages)?;
                paged = settle_tables(composition, &mut pages, paged, &compile)?;
                // The table that moved may have left its heading behind.
                paged = settle_leads(composition, &leads, &mut pages, paged, &compile)?;
            }
        } else if let Some(at) = closing_break(composition, &paged) {
            // A break inside the lines a held lead needs (a heading over a
            // short last paragraph) would leave the lead with fewer: the
            // page breaks before the lead's run instead, and the whole
            // paragraph goes with the closing.
            let from = match keep::parted(&leads, &pages.holds, at.item, at.line) {
                Some(first) => {
                    pages.leads.push(first);
                    first
                }
                None => {
                    pages.closing = Some(at);
                    at.item
                }
            };
            // The tables after the moved lines start elsewhere now.
            for (i, item) in composition.items.iter().enumerate() {
                if let compose::ItemKind::Table(k) = item.kind
                    && i >= from
                {
                    pages.tables[k] = None;
                }
            }
            paged = compile(&pages)?;
            paged = settle_tables(composition, &mut pages, paged, &compile)?;
            // The lines that moved may have left a heading behind.
            paged = settle_leads(composition, &leads, &mut pages, paged, &compile)?;
        }
        if !doc.single_sided
            && let Some(side) = record_side_of(&paged)
        {
            pages.record = side;
            paged = compile(&pages)?;
        }
        let mut moved = keep::moved(composition, &leads, &pages.holds, &paged);
        moved.extend(&pages.leads);
        moved.sort_unstable();
        moved.dedup();
        let breaks = PageBreaks {
            leads: moved,
            closing: pages.closing.map(|b| (b.item, b.line)),
            last_moves_whole: moves_whole(composition, &paged, pages.closing),
            record: pages.record,
        };
        Ok((paged, breaks, runs.get()))
    }

    fn compile(
        &self,
        shared: &Shared,
        doc: &Document,
        composition: &Composition,
        pages: &Pagination,
        scope: template::FontScope,
    ) -> Result<PagedDocument, Error> {
        let data = template::template_data(doc, composition, self.fonts, pages, self.red, scope);
        let bytes = serde_json::to_vec(&data).expect("JSON of plain data serialises");
        let images: Vec<(String, Bytes)> = composition
            .images
            .iter()
            .enumerate()
            .map(|(k, image)| (image_path(k, image), image.bytes.clone()))
            .collect();
        let world = GongwenWorld::new(shared, bytes, &images, date_time(doc.date));
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        // Every warning is an error: a font fallback must never pass silently.
        if !warnings.is_empty() {
            return Err(Error::Typeset(describe(&warnings)));
        }
        output.map_err(|errors| Error::Typeset(describe(&errors)))
    }
}

impl Laid<'_> {
    /// Checks the invariants that tests run on every document (see
    /// [`check::audit`]): no page holds only a closing, a heading or a
    /// caption; printed on both sides, the 版记 is on an even page.
    pub fn audit(&self) -> Result<(), Error> {
        check::audit(
            &self.source.path,
            &self.composition,
            &self.paged,
            self.composition
                .record
                .as_ref()
                .and_then(|_| label_page(&self.paged, Labels::RECORD)),
            !self.doc.single_sided,
        )
    }
}

/// Lays `doc` out like [`typeset`] and checks it as tests do
/// ([`Laid::audit`]).
pub fn typeset_audited(
    doc: &Document,
    source: &Source,
    fonts: &FontSet,
) -> Result<PagedDocument, Error> {
    let assets = Assets::load(doc, source, None)?;
    let laid = Typesetter::new(fonts, Red::default()).lay_out(doc, source, &assets)?;
    laid.audit()?;
    Ok(laid.paged)
}

/// Lays `doc` out with its own images (from its folder) and the bundled
/// red, and returns the pages (for inspection).
pub fn typeset(doc: &Document, source: &Source, fonts: &FontSet) -> Result<PagedDocument, Error> {
    let assets = Assets::load(doc, source, None)?;
    let laid = Typesetter::new(fonts, Red::default()).lay_out(doc, source, &assets)?;
    Ok(laid.paged)
}

/// The virtual path under which the template finds image `k`.
fn image_path(k: usize, image: &Image) -> String {
    format!("/images/{k}.{}", image.format.extension())
}

/// What one run of the layout was told about page breaks.
#[derive(Debug, Clone, Default)]
struct Pagination {
    /// §7.3.5.5: the break before the 正文's last lines.
    closing: Option<PageBreak>,
    /// The items a page breaks before so that a lead holds (see [`keep`]).
    leads: Vec<usize>,
    /// The leads whose start and need the run labels.
    marks: Vec<keep::Lead>,
    /// How the template holds the leads with what they lead.
    holds: keep::Holds,
    /// §7.3.5.5: the portrait table ending the 正文 whose last body rows
    /// start a page of their own, with the closing.
    tail: Option<usize>,
    /// §7.4/§7.5: where the 版记 goes when printed on both sides.
    record: RecordSide,
    /// §8: per table of the composition, the row pitches left for it on
    /// the page it starts on, when gongwen breaks it across pages (see
    /// [`compose::table::Composed::split`]); `None`: it fits, or Typst's
    /// own breaks between rows are the same.
    tables: Vec<Option<usize>>,
}

/// The label the template sets at the top of portrait table `k`.
fn table_label(k: usize) -> String {
    format!("gw-table-{k}")
}

/// The label at the end of the item before portrait table `k`.
fn table_pre_label(k: usize) -> String {
    format!("gw-table-{k}-pre")
}

/// Where portrait table `k` starts, pt from the paper's top: at its label,
/// or, where Typst moved it whole to the next page though its first row is
/// taller than a page (such a row is cut by gongwen where it stands, not
/// moved), on the grid line after the item before it, on that item's page.
fn table_top(c: &Composition, paged: &PagedDocument, k: usize) -> Option<f64> {
    let y = label_y(paged, &table_label(k))?;
    let page = label_page(paged, &table_label(k))?;
    let pre = table_pre_label(k);
    let (Some(p), Some(baseline)) = (label_page(paged, &pre), label_y(paged, &pre)) else {
        return Some(y);
    };
    // Only a first row taller than a page is cut where it stands; a
    // shorter one that did not fit goes whole to the next page, where the
    // label is.
    let t = &c.tables[k];
    let first_row = t.rows.get(t.header_rows).map_or(0, |r| r.lines);
    if p + 1 != page || t.header_lines() + first_row <= table_page_lines(t) {
        return Some(y);
    }
    let blank = c
        .items
        .iter()
        .find(|it| it.kind == compose::ItemKind::Table(k))
        .map_or(0, |it| it.blank_lines_before);
    let top = g::mm(g::TOP_MARGIN_MM);
    let line = ((baseline - top) / g::LINE_PITCH + 1e-6).ceil();
    Some(top + (line + blank as f64) * g::LINE_PITCH)
}

/// The row pitches ([`compose::table::Composed::row_pitch`]) a portrait
/// table `t` has on a page of its own: the 版心's height (and the PDF's
/// slack below it) in whole rows (21 of a body line: 22 would end a line
/// gap below the 版心; 24 at 四号, 28 at 小四).
fn table_page_lines(t: &compose::table::Composed) -> usize {
    table_lines_above_bottom(t, g::mm(g::TOP_MARGIN_MM))
}

/// The whole row pitches of table `t` between `y` (pt from the paper's
/// top) and the bottom of the template's page area.
fn table_lines_above_bottom(t: &compose::table::Composed, y: f64) -> usize {
    let bottom = g::mm(g::BLOCK_BOTTOM_MM) + g::PDF_BOTTOM_SLACK;
    ((bottom - y) / t.row_pitch + 1e-6).floor().max(0.0) as usize
}

/// Breaks the portrait tables Typst cannot break as a careful typist
/// would: one that does not fit the rest of its first page and whose
/// break cuts a cell spanning rows, or a row taller than a page (Typst
/// keeps such rows whole and draws them past the 版心, losing what falls
/// off the paper). Each is measured where the last run put its top, in
/// reading order, one per run (a split moves what follows it).
fn settle_tables(
    c: &Composition,
    pages: &mut Pagination,
    mut paged: PagedDocument,
    compile: &impl Fn(&Pagination) -> Result<PagedDocument, Error>,
) -> Result<PagedDocument, Error> {
    let mut order: Vec<usize> = c
        .items
        .iter()
        .filter_map(|it| match it.kind {
            compose::ItemKind::Table(k) => Some(k),
            _ => None,
        })
        .collect();
    order.retain(|&k| !c.tables[k].landscape);
    loop {
        let next = order.iter().find_map(|&k| {
            if pages.tables[k].is_some() {
                return None;
            }
            let y = table_top(c, &paged, k)?;
            let t = &c.tables[k];
            let first = table_lines_above_bottom(t, y);
            if t.lines() <= first {
                return None;
            }
            let parts = t.split(first, table_page_lines(t));
            let rows: usize = parts.iter().map(Vec::len).sum();
            let cells: usize = parts.iter().flatten().map(|r| r.cells.len()).sum();
            let body = &t.rows[t.header_rows..];
            let clean =
                rows == body.len() && cells == body.iter().map(|r| r.cells.len()).sum::<usize>();
            (!clean).then_some((k, first))
        });
        let Some((k, first)) = next else {
            return Ok(paged);
        };
        pages.tables[k] = Some(first);
        paged = compile(pages)?;
    }
}

/// Breaks the page before each lead ([`Keep::Lead`]) that still does not
/// stand with what it leads, one per run in reading order (a break moves
/// what follows it); the tables after the break are measured again. The
/// template holds the leads in the same run ([`keep::Holds`]), so this
/// finds only what the flow cannot hold (a table gongwen breaks whose first
/// page has none of its rows; the §7.3.5.5 break inside a lead's lines).
fn settle_leads(
    c: &Composition,
    leads: &[keep::Lead],
    pages: &mut Pagination,
    mut paged: PagedDocument,
    compile: &impl Fn(&Pagination) -> Result<PagedDocument, Error>,
) -> Result<PagedDocument, Error> {
    while let Some(first) = keep::broken(c, leads, &pages.holds, &paged, &pages.leads) {
        pages.leads.push(first);

        for item in &c.items[first..] {
            if let compose::ItemKind::Table(k) = item.kind {
                pages.tables[k] = None;
            }
        }
        paged = compile(pages)?;
        paged = settle_tables(c, pages, paged, compile)?;
    }
    Ok(paged)
}

/// Where label `name` landed: its y on its page, pt from the top.
fn label_y(paged: &PagedDocument, name: &str) -> Option<f64> {
    let intro = paged.introspector();
    let label = Label::new(PicoStr::intern(name))?;
    let location = intro.query_label(label).ok()?.location()?;
    Some(intro.position(location)?.point.y.to_pt())
}

/// The labels the template sets (their names travel to it in the data)
/// and the pagination loop reads back.
struct Labels;

impl Labels {
    /// The closing's first item.
    const CLOSING: &str = "gw-closing";
    /// The end of the 正文's last lines before the closing.
    const BODY_END: &str = "gw-body-end";
    /// The end of the last text before the 版记.
    const TEXT_END: &str = "gw-text-end";
    /// The end of the closing's last item.
    const CLOSING_END: &str = "gw-closing-end";
    /// The 版记.
    const RECORD: &str = "gw-record";
}

fn label_page(paged: &PagedDocument, name: &str) -> Option<usize> {
    let intro = paged.introspector();
    let label = Label::new(PicoStr::intern(name))?;
    let location = intro.query_label(label).ok()?.location()?;
    intro.page(location).map(|p| p.get())
}

/// Where the 版记 must go instead of where it floated, if that page is odd.
fn record_side_of(paged: &PagedDocument) -> Option<RecordSide> {
    let record = label_page(paged, Labels::RECORD)?;
    let text = label_page(paged, Labels::TEXT_END)?;
    if record % 2 == 0 {
        None
    } else if record == text {
        Some(RecordSide::NextPage)
    } else {
        Some(RecordSide::AfterBlank { from: text + 1 })
    }
}

/// A forced page break before line `line` of item `item`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PageBreak {
    item: usize,
    line: usize,
}

/// Whether the 正文's last paragraph ([`Keep::LastLines`]) may go whole
/// onto the closing's page and leave every page as it is (§7.3.5.5): the
/// composition allows it ([`Composition::may_move_whole`]), and its lines
/// on the page before the closing's (those before gongwen's break `at`,
/// or before the page's end where the flow broke it) fit under the
/// closing's last line, above the 版心's bottom edge (a line above the
/// 版记 when it shares the page), with the headings kept with it and the
/// blank lines the DOCX keeps under a sealed item. Measured in LibreOffice on generated documents: a
/// paragraph moved whole that did not fit pushed the 成文日期 or the 附注
/// onto a page of its own.
fn moves_whole(c: &Composition, paged: &PagedDocument, at: Option<PageBreak>) -> bool {
    let Some(i) = c
        .items
        .iter()
        .position(|it| matches!(it.keep_with_next, Keep::LastLines(_)))
    else {
        return false;
    };
    if !c.may_move_whole(i) {
        return false;
    }
    let label = |name| Some((label_page(paged, name)?, label_y(paged, name)?));
    let (Some((page, baseline)), Some((end_page, end_y))) =
        (label(Labels::CLOSING_END), label(Labels::BODY_END))
    else {
        return false;
    };
    let before = match at {
        Some(at) if at.item == i => at.line,
        _ if end_page < page => return false,
        _ => {
            // The lines on the closing's page end at its last line's
            // baseline (where the label stands); a paragraph the flow
            // broke starts that page on line 1.
            let first = g::mm(g::TOP_MARGIN_MM) + g::EM_BOX_ASCENT * g::BODY_SIZE;
            let on_page = ((end_y - first) / g::LINE_PITCH).round().max(0.0) as usize + 1;
            c.items[i].lines.len().saturating_sub(on_page)
        }
    };
    if before == 0 {
        return true;
    }
    // The label stands on the last line's baseline; its em box ends
    // 0.12 em below.
    let end = baseline + g::EM_BOX_DESCENT * g::BODY_SIZE;
    let limit = match label_page(paged, Labels::RECORD) {
        Some(p) if p == page => label_y(paged, Labels::RECORD).map_or(0.0, |y| y - g::LINE_PITCH),
        _ => g::mm(g::BLOCK_BOTTOM_MM),
    };
    let room = ((limit - end) / g::LINE_PITCH + 1e-6).floor().max(0.0) as usize;
    // The DOCX keeps blank lines under a sealed item for the seal's lower
    // part (a word processor floats the seal itself): they take room too.
    let reserved: usize = c.closing.clone().map_or(0, |r| {
        c.items[r].iter().map(|it| it.reserve_lines_after).sum()
    });
    // A heading right before it is kept with it (keepNext) and moves too.
    let mut lead = 0;
    let mut j = i;
    while j > 0 && matches!(c.items[j - 1].keep_with_next, Keep::Lead(_)) {
        lead += c.items[j - 1].lines.len() + c.items[j].blank_lines_before;
        j -= 1;
    }
    before + lead + reserved <= room
}

/// When the 正文 ends in a portrait table and the closing starts a page
/// without any of its rows: the table and the line pitches its first page
/// leaves it (where it was measured), for a split whose last rows go with
/// the closing ([`table_tail`]).
fn closing_rows(c: &Composition, paged: &PagedDocument) -> Option<(usize, usize)> {
    if label_page(paged, Labels::CLOSING)? <= label_page(paged, Labels::BODY_END)? {
        return None;
    }
    let k = c
        .items
        .iter()
        .find_map(|it| match (it.kind, it.keep_with_next) {
            (compose::ItemKind::Table(k), Keep::LastLines(_)) => Some(k),
            _ => None,
        })?;
    if c.tables[k].landscape {
        return None;
    }
    let first = table_lines_above_bottom(&c.tables[k], label_y(paged, &table_label(k))?);
    Some((k, first))
}

/// The pages of table `t` split as [`compose::table::Composed::split`]
/// splits it, with the last `lines` line pitches of its last page cut off
/// onto a page of their own (under the repeated header), the cut made as
/// the split makes its cuts (between rows, inside a row group, inside a
/// tall row); unchanged when its last page holds no more than that.
fn table_tail(
    t: &compose::table::Composed,
    mut parts: Vec<Vec<compose::table::Row>>,
    lines: usize,
) -> Vec<Vec<compose::table::Row>> {
    let Some(last) = parts.pop() else {
        return parts;
    };
    let height: usize = last.iter().map(|r| r.lines).sum();
    if height <= lines {
        parts.push(last);
        return parts;
    }
    let mut sub = t.clone();
    sub.rows = t.rows[..t.header_rows]
        .iter()
        .cloned()
        .chain(last.clone())
        .collect();
    // The most left on the page that still cuts (a tall row's cells cut
    // only between their lines).
    let cut = (1..=height - lines).rev().find_map(|room| {
        let cut = sub.split(t.header_lines() + room, table_page_lines(t));
        (cut.len() == 2 && cut.iter().all(|p| !p.is_empty())).then_some(cut)
    });
    // Else the last row alone, when no cell spans into it.
    let clean = |mut last: Vec<compose::table::Row>| {
        let n = last.len();
        let spans = last[..n.saturating_sub(1)]
            .iter()
            .enumerate()
            .any(|(r, row)| row.cells.iter().any(|cell| r + cell.rowspan >= n));
        if n < 2 || spans {
            return vec![last];
        }
        let tail = last.split_off(n - 1);
        vec![last, tail]
    };
    parts.extend(cut.unwrap_or_else(|| clean(last)));
    parts
}

/// Where to break the page so that the closing keeps the 正文's last
/// lines, if it now starts a page without them.
fn closing_break(c: &Composition, paged: &PagedDocument) -> Option<PageBreak> {
    if label_page(paged, Labels::CLOSING)? <= label_page(paged, Labels::BODY_END)? {
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
    if matches!(c.items[item].kind, compose::ItemKind::Table(_)) {
        return None;
    }
    // A 纪要's attendance lists are set one line an item: the kept lines
    // are their last lines, from the items before the last as far as the
    // lists go (a one-line 列席 takes the 请假's last line with it).
    let (mut item, mut kept) = (item, kept);
    let mut lines = c.items[item].lines.len();
    let list = |i: usize| {
        matches!(
            c.items[i].kind,
            compose::ItemKind::Attendance | compose::ItemKind::AttendanceContinued
        )
    };
    while lines < kept && item > 0 && list(item) && list(item - 1) {
        kept -= lines;
        item -= 1;
        lines = c.items[item].lines.len();
    }
    Some(PageBreak {
        item,
        line: lines.saturating_sub(kept),
    })
}

/// A date at 00:00 UTC, as Typst's `today` and the PDF's dates take it.
pub fn date_time(d: Date) -> Datetime {
    Datetime::from_ymd_hms(i32::from(d.year), d.month, d.day, 0, 0, 0)
        .expect("a validated date is a valid datetime")
}

/// Typst's diagnostics as one message.
pub fn describe(diags: &[SourceDiagnostic]) -> String {
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

impl Default for Red {
    /// The standard's CMYK (§6.2).
    fn default() -> Self {
        Red::Cmyk(g::RED_CMYK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lay_out_yaml(yaml: &str, check: impl FnOnce(&Laid)) {
        let fonts = FontSet::bundled();
        let source = Source {
            path: "t.yaml".into(),
            text: yaml.into(),
        };
        let doc = crate::load::parse(&source).unwrap();
        let typesetter = Typesetter::new(&fonts, Red::default());
        check(
            &typesetter
                .lay_out(&doc, &source, &Assets::default())
                .unwrap(),
        );
    }

    /// §7.4, §7.5: printed on both sides, a 版记 that has no room on an
    /// even last page of text goes to the next even page after a blank
    /// side, and neither of the two shows a number.
    #[test]
    fn a_full_even_page_puts_the_record_after_a_blank_unnumbered_side() {
        // 39 body lines (22 a page, less the 标题's): the 署名 and the date
        // end page 2 on its last line.
        let yaml = format!(
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - {}\n\
             cc: [市委各部门, 市人大常委会办公室]\nprinting: {{organ: 测试机关办公室, date: 2020-01-03}}\n",
            "国".repeat(26 + 38 * 28)
        );
        lay_out_yaml(&yaml, |laid| {
            assert_eq!(laid.pages(), 4);
            assert_eq!(laid.breaks.record, RecordSide::AfterBlank { from: 3 });
            let numbered: Vec<bool> = (1..=4).map(|p| laid.numbered(p)).collect();
            assert_eq!(numbered, [true, true, false, false]);
        });
        // Printed on one side, the 版记 floats to the next page, numbered.
        lay_out_yaml(&yaml.replace("cc:", "single_sided: true\ncc:"), |laid| {
            assert_eq!(laid.breaks.record, RecordSide::Float);
            assert!((1..=laid.pages()).all(|p| laid.numbered(p)));
        });
    }

    /// §10.1: a 信函's first page has no number.
    #[test]
    fn a_letters_first_page_is_unnumbered() {
        let yaml = "format: letter\nissuer_mark: 滨江市人民政府办公室\nkind: 函\ntitle: 关于商请支持的函\n\
                    issuer: 滨江市人民政府办公室\ndate: 2024-05-06\nbody: [正文。]\n";
        lay_out_yaml(yaml, |laid| {
            assert_eq!(laid.pages(), 1);
            assert!(!laid.numbered(1));
        });
    }
}
