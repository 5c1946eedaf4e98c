//! Composition: the document's elements in page order, each with its
//! text, typeface role, indents and the blank lines before it, as the
//! standard prescribes. Independent of the output format: the PDF and DOCX
//! writers both set exactly this.

use crate::assets::{Assets, Image};
use crate::content;
use crate::content::Run;
use crate::error::Error;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, CHAR_PITCH, mm};
use crate::load::Source;
use crate::model::{Document, Format};
use crate::rules::{self, Severity};

mod body;
mod closing;
mod header;
mod letter;
pub mod linebreak;
mod minutes;
mod order;
mod record;
mod seal;
pub mod table;
pub mod title;
pub use letter::{DoubleRule, RuleOrder};

use body::{compose_attachments, flow_item};
use closing::compose_closing;
use header::{compose_header, title_line_below};
use record::compose_record;

/// What an item is (the writers style each kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// 主送机关 (§7.3.2).
    Addressees,
    /// A 正文 paragraph; `Some(level)` when it starts with a heading.
    Paragraph(Option<usize>),
    /// 附件说明 (§7.3.4), one item per attachment.
    Attachment,
    /// 发文机关署名 (§7.3.5).
    Signature,
    /// 成文日期 (§7.3.5).
    Date,
    /// The 签发人's title beside the 签名章 (§7.3.5.3).
    SignatureTitle,
    /// 附注 (§7.3.6).
    Note,
    /// A new page: what follows starts on the next page (an attachment,
    /// §7.3.7). Carries no text.
    PageBreak,
    /// 附件N, the label on line 1 of an attachment's first page (§7.3.7).
    AttachmentLabel,
    /// One line of an attachment's title, already broken (§7.3.7): set
    /// like the document's 标题, at the title's size, centred.
    AttachmentTitle,
    /// The first line of a 纪要's attendance list (§10.3): its label
    /// (`出席：`, 黑体) and the first entries (仿宋), already broken.
    Attendance,
    /// A wrapped line of an attendance list, aligned with the first
    /// character after the label's colon (§10.3).
    AttendanceContinued,
    /// A table (§8): index into [`Composition::tables`]. Carries no runs.
    Table(usize),
}

/// One paragraph of the composed page.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// Blank lines between the previous item and this one.
    pub blank_lines_before: usize,
    pub runs: Vec<Run>,
    /// `runs` broken into the lines of the body grid (3号, the body's
    /// tracking, the 版心's measure less the indents; an attachment's title
    /// line at the title's size): broken once, when the composition is
    /// done, and set as they are by every writer. Empty for a page break
    /// and a table.
    pub lines: Vec<Vec<Run>>,
    /// Indent of the first line from the 版心's left edge, in points.
    pub first_indent: f64,
    /// Indent of the other lines, in points.
    pub rest_indent: f64,
    /// Whether full lines are justified to the measure (the 署名 and date
    /// are placed, not justified).
    pub justify: bool,
    /// Whether the item must stay on the page of the item after it: the
    /// 署名 with the 成文日期, and the last lines of the 正文 with the 署名, so
    /// that no page holds a date alone or a signature without text
    /// (§7.3.5.5).
    pub keep_with_next: Keep,
    /// Pieces set at fixed places on the item's one line, instead of
    /// `runs` from the indent: a row of joint 署名, each under its seal
    /// (§7.3.5.1). `runs` then holds the same text, for text checks.
    pub columns: Vec<Placed>,
    /// Blank grid lines below the item that must be on its page: the room
    /// a seal placed against the 署名 takes below the last line of the
    /// closing, so that it stays inside the 版心 (§7.3.5.5).
    pub reserve_lines_after: usize,
    /// What places the item's line across the measure, as the standard
    /// says it: its indents, or its right edge, or its centre. The indents
    /// hold where that puts the text in the composition's widths; a word
    /// processor that sets the text in its own widths keeps this instead.
    pub align: Align,
    /// The model field it came from, for messages.
    pub path: String,
}

/// What places an item's line across the measure (see [`Item::align`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Align {
    /// Its indents: the first line `first_indent` from the 版心's left
    /// edge, the others `rest_indent` (the 正文, 附件说明, a 成文日期 placed
    /// under its 署名, §7.3.5.2).
    Indents,
    /// 右空N字: its right edge N characters of the grid in from the 版心's
    /// right edge, whatever the text's width (the 署名 and a 成文日期
    /// longer than it, §7.3.5.2; the 成文日期 beside a 签名章, §7.3.5.3).
    RightChars(usize),
    /// Its right edge this many points in from the 版心's right edge: a
    /// 署名 moved left by a longer 成文日期 (§7.3.5.2), the 签发人's title
    /// two characters left of its 签名章 (§7.3.5.3).
    RightInset(f64),
    /// Centred on this x, points from the 版心's left edge: the 署名 and
    /// 成文日期 under a seal (§7.3.5.1).
    CentreOn(f64),
    /// A row of pieces ([`Item::columns`]), each centred on its x, points
    /// from the 版心's left edge: joint 署名, each under its seal
    /// (§7.3.5.1).
    Columns(Vec<f64>),
}

/// How an item stays with the item after it (§7.3.5.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// A page may break after it.
    Free,
    /// The whole item stands on the next item's page (the 署名 with the
    /// 成文日期).
    Whole,
    /// Its last lines (all of them if it has no more) stand on the next
    /// item's page; the lines before them stay where they fall, so keeping
    /// the closing with the 正文 never empties a page of its text (the 正文
    /// under the 版头 stays on page 1).
    LastLines(usize),
    /// The whole item (and the items kept whole with it before it) stands
    /// on the page of the first lines of what follows: as many lines as
    /// the rule asks ([`Lead::lines`]), or a table's header rows and its
    /// first body row. The layout stage measures it and breaks the page
    /// before the item when it does not hold (`layout::keep`).
    Lead(Lead),
}

/// Why an item leads what follows it onto its page (see [`Keep::Lead`]):
/// each rule once, with its clause or, where the standard is silent, its
/// reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// A heading standing alone in its paragraph (§7.3.3 numbers the
    /// levels but says nothing of pages): a heading belongs to the text it
    /// heads, so it never ends a page; it takes at least the next two
    /// lines, the least that is more than a widow (as the closing does,
    /// [`g::CLOSING_KEEPS_BODY_LINES`]).
    Heading,
    /// An attachment's `附件N` and title (§7.3.7: they head the
    /// attachment's first page) with the first lines of its body.
    AttachmentHead,
}

impl Lead {
    /// The lines of what follows that stand on the item's page.
    pub fn lines(self) -> usize {
        match self {
            Lead::Heading | Lead::AttachmentHead => g::CLOSING_KEEPS_BODY_LINES,
        }
    }

    /// The rule's name, for messages and the README's table.
    pub fn rule(self) -> &'static str {
        match self {
            Lead::Heading => "a heading stays with the first two lines of its text",
            Lead::AttachmentHead => {
                "an attachment's 附件N and title stay with the first lines of its body (§7.3.7)"
            }
        }
    }
}

/// An image set over the page (印章, 签名章), placed against an item: it
/// is not flowing text, and the writers draw it where this says.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    /// Index into [`Composition::images`].
    pub image: usize,
    /// Index of the item it is placed against.
    pub anchor: usize,
    /// Left edge, points right of the 版心's left edge.
    pub x: f64,
    /// Top edge below the em-box top of the anchor's first line: `dy_lines`
    /// line pitches plus `dy_pt` points (a writer whose line pitch differs
    /// keeps the relation to the lines).
    pub dy_lines: f64,
    pub dy_pt: f64,
    /// Size, points.
    pub width: f64,
    pub height: f64,
    /// Alternative text (PDF/UA, DOCX `descr`).
    pub alt: String,
}

impl Overlay {
    /// The top edge below the anchor's em-box top on a grid of `pitch`.
    pub fn dy(&self, pitch: f64) -> f64 {
        self.dy_lines * pitch + self.dy_pt
    }
}

/// 版头 (§7.2): what stands above the 标题 on page 1. Vertical positions
/// are em-box tops, in points below the 版心's top edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// 份号, 密级和保密期限, 紧急程度, in that order, one to a line of the
    /// grid from line 1, flush left (§7.2.1–§7.2.3).
    pub corner: Vec<HeaderLine>,
    /// 发文机关标志 (§7.2.4), or the mark of a 命令 or 纪要 (§10.2, §10.3):
    /// centred, red.
    pub mark: Option<Mark>,
    /// 发文字号 and 签发人 (§7.2.5, §7.2.6), one entry a line; in a 命令 the
    /// 令号 (§10.2), in a 纪要 the 期号 (§10.3).
    pub number: Vec<HeaderLine>,
    /// The red separator's centre line (§7.2.7), when there is a 发文字号
    /// (never in a 命令 or 纪要, whose formats have none).
    pub separator: Option<f64>,
    /// The 信函's red double lines on page 1 (§10.1); none in other formats.
    pub double_rules: Vec<DoubleRule>,
    /// Where its pieces stand, and so the order they are read in.
    pub form: HeaderForm,
}

/// Where the 版头's pieces stand (§7.2, §10.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderForm {
    /// Inside the 版心, read top to bottom: 份号, 密级和保密期限, 紧急程度;
    /// the mark; the 发文字号 and 签发人 (§7.2; a 命令's and a 纪要's mark
    /// and number the same way, §10.2, §10.3).
    Block,
    /// A 信函's (§10.1): the mark in the 天头 above the 版心 and the double
    /// lines across page 1 (the second in the foot margin), out of reach of
    /// flowing text, so a writer whose text flows places them against the
    /// page; read as the mark, the first line (份号 with the 发文字号 at its
    /// right), then the other corner lines.
    Letter,
}

/// A piece of the 版头, as [`Header::reading_order`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "part", content = "index", rename_all = "snake_case")]
pub enum HeaderPiece {
    /// A line of [`Header::corner`].
    Corner(usize),
    /// The mark ([`Header::mark`]).
    Mark,
    /// A line of [`Header::number`].
    Number(usize),
}

impl Header {
    /// Its pieces in reading order, the order a writer draws them in (text
    /// extraction and screen readers follow it).
    pub fn reading_order(&self) -> Vec<HeaderPiece> {
        let corner = (0..self.corner.len()).map(HeaderPiece::Corner);
        let number = (0..self.number.len()).map(HeaderPiece::Number);
        let mark = self.mark.as_ref().map(|_| HeaderPiece::Mark);
        match self.form {
            HeaderForm::Letter if mark.is_some() && !self.corner.is_empty() => mark
                .into_iter()
                .chain([HeaderPiece::Corner(0)])
                .chain(number)
                .chain(corner.skip(1))
                .collect(),
            _ => corner.chain(mark).chain(number).collect(),
        }
    }
}

/// One line of the 版头: pieces placed at a distance from the 版心's left
/// edge, or centred.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderLine {
    pub top: f64,
    pub placed: Vec<Placed>,
    pub centre: Vec<Run>,
}

/// Runs whose first character starts `x` points right of the 版心's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub runs: Vec<Run>,
}

/// 发文机关标志 (§7.2.4): red, in the title's face, one size throughout.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The whole mark in reading order (the names, then the suffix).
    pub text: String,
    /// Its size, pt.
    pub size: f64,
    /// The em-box top of its first line, below the 版心's top edge.
    pub top: f64,
    /// The em-box bottom of its last line, below the 版心's top edge.
    pub bottom: f64,
    /// What is drawn: one piece for a one-line mark; for a joint mark one
    /// per organ (stacked) and the suffix.
    pub pieces: Vec<MarkPiece>,
}

/// Which part of the 发文机关标志 a piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkPart {
    /// A one-line mark, whole.
    Whole,
    /// An organ's name in a joint mark's stack.
    Organ,
    /// The suffix (`文件`) beside the stack.
    Suffix,
}

/// A piece of the 发文机关标志, spread to its width: its first character's
/// em box starts `x` from the 版心's left edge, its last ends at
/// `x + width`, with `spacing` added between adjacent characters.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkPiece {
    pub part: MarkPart,
    pub text: String,
    pub x: f64,
    /// Em-box top below the 版心's top edge.
    pub top: f64,
    pub width: f64,
    pub spacing: f64,
}

/// 版记 (§7.4): rows at the foot of the last page, one line pitch each, the
/// last ending on the 版心's bottom edge; 4号 text centred in its row.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Rows top to bottom (`top` is unused: rows stack from the bottom).
    pub rows: Vec<HeaderLine>,
    /// A thin separator below these rows (between 抄送 and 印发, §7.4.1).
    pub thin_after: Vec<usize>,
    /// The row of 印发机关和印发日期 (§7.4.3), if any.
    pub printing_row: Option<usize>,
    /// Whether the rules are drawn (§7.4.1); a 信函's 版记 has none (§10.1).
    pub rules: bool,
}

/// 页码 (§7.5): `— N —`, 4号宋体 with half-width digits, the 一字线's upper
/// edge 7 mm below the 版心; odd pages 居右空一字, even pages 居左空一字.
/// Both writers draw the number from this: the PDF writer per page, the
/// DOCX writer as footers around a PAGE field.
#[derive(Debug, Clone, PartialEq)]
pub struct PageNumbers {
    /// The 一字线 on each side of the number, a space apart from it.
    pub dash: char,
    /// Size, pt.
    pub size: f64,
    /// The 一字线's upper edge below the paper's top, pt.
    pub dash_top: f64,
    /// From the 版心's right edge (odd pages) or left edge (even pages) to
    /// the number's outer end, pt: one character of the body grid.
    pub inset: f64,
    /// Whether page 1 shows its number: not in a 信函 (§10.1).
    pub first_page: bool,
}

impl PageNumbers {
    /// The numbers of the general format (§7.5).
    pub fn general() -> Self {
        Self {
            dash: g::PAGE_NUMBER_DASH,
            size: g::PAGE_NUMBER_SIZE,
            dash_top: mm(g::PAGE_NUMBER_DASH_TOP_MM),
            inset: g::PAGE_NUMBER_INSET_CHARS as f64 * CHAR_PITCH,
            first_page: true,
        }
    }

    /// The text of page `n`'s number.
    pub fn text(&self, n: usize) -> String {
        format!("{d} {n} {d}", d = self.dash)
    }
}

/// The composed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Composition {
    /// 版记, if the document has 抄送机关 or 印发机关和印发日期.
    pub record: Option<Record>,
    /// 版头, if the document has any of its elements.
    pub header: Option<Header>,
    /// The line of the page-1 grid the 标题 starts on (0 without a 版头).
    pub title_line: usize,
    /// 标题 lines (§7.3.1), already broken.
    pub title: Vec<String>,
    /// Blank lines between the title and the first item (§7.3.2/§7.3.3).
    pub title_gap_lines: usize,
    pub items: Vec<Item>,
    /// The closing (§7.3.5), as a range of `items`: from the first 署名
    /// (or the 签发人's title, or the 成文日期 alone) through the items kept
    /// whole with it (the 成文日期, a 附注): one group that no page break
    /// parts, with the seals placed against it.
    pub closing: Option<std::ops::Range<usize>>,
    /// The images the overlays draw, read and checked (see `assets`).
    pub images: Vec<Image>,
    /// Seals and 签名章, placed against items.
    pub overlays: Vec<Overlay>,
    /// 页码 (§7.5).
    pub page_numbers: PageNumbers,
    /// Tables (§8), in the order their items stand.
    pub tables: Vec<table::Composed>,
}

impl Composition {
    /// Whether item `i`, whose last lines stay with the closing
    /// ([`Keep::LastLines`], §7.3.5.5), may stand whole on the closing's
    /// page, for a writer whose word processor keeps it there by moving it
    /// whole: not when that empties a page of text, that is when it is the
    /// 正文's first paragraph (a one-paragraph notice: page 1 would keep
    /// only the 版头, the 标题 and the 主送), or when it and the closing do
    /// not fit one page (measured in LibreOffice: a 39-line paragraph left
    /// pages 1–2 empty). There only gongwen's own page breaks keep its
    /// last lines with the closing.
    pub fn may_move_whole(&self, i: usize) -> bool {
        let first = !self.items[..i]
            .iter()
            .any(|it| matches!(it.kind, ItemKind::Paragraph(_)));
        !first && self.items[i].lines.len() <= g::docx::KEEP_WHOLE_MAX_LINES
    }

    /// Every piece of text with its role and field, title included.
    pub fn texts(&self) -> impl Iterator<Item = (Role, &str, &str)> {
        let header = self.header.iter().flat_map(|h| {
            let lines = h.corner.iter().chain(&h.number);
            lines
                .flat_map(|l| l.placed.iter().flat_map(|p| &p.runs).chain(&l.centre))
                .map(|r| (r.role, r.text.as_str(), "header"))
                .chain(
                    h.mark
                        .iter()
                        .flat_map(|m| &m.pieces)
                        .map(|p| (Role::Title, p.text.as_str(), "issuer_mark")),
                )
        });
        header
            .chain(
                self.title
                    .iter()
                    .map(|l| (Role::Title, l.as_str(), "title")),
            )
            .chain(self.items.iter().flat_map(|item| {
                item.runs
                    .iter()
                    .map(move |r| (r.role, r.text.as_str(), item.path.as_str()))
            }))
            .chain(self.tables.iter().flat_map(|t| {
                let caption = t
                    .caption
                    .iter()
                    .map(move |l| (Role::Hei, l.as_str(), t.path.as_str()));
                let cells = t.rows.iter().flat_map(move |r| {
                    r.cells.iter().flat_map(move |c| {
                        c.lines
                            .iter()
                            .map(move |l| (c.role, l.as_str(), c.field.as_str()))
                    })
                });
                caption.chain(cells)
            }))
            .chain(self.record.iter().flat_map(|r| {
                r.rows.iter().enumerate().flat_map(move |(k, row)| {
                    // The 印发 row is the last one when `printing` is given;
                    // every row before it holds 抄送 text.
                    let field = if r.printing_row == Some(k) {
                        "printing"
                    } else {
                        "cc"
                    };
                    row.placed
                        .iter()
                        .flat_map(|p| &p.runs)
                        .map(move |run| (run.role, run.text.as_str(), field))
                })
            }))
    }
}

/// Composes `doc`, rejecting what its format (§10) cannot hold and
/// characters no font has.
pub fn compose(
    doc: &Document,
    source: &Source,
    fonts: &FontSet,
    assets: &Assets,
) -> Result<Composition, Error> {
    // What the pages cannot set, as the rulebook says (what no writer
    // takes was refused on loading).
    let mut violations = rules::violations(doc);
    violations.extend(rules::glyphs::violations(doc, fonts));
    if let Some(v) = rules::first(violations, Severity::Unprintable) {
        return Err(crate::load::refusal(source, &v));
    }
    crate::load::check_tables(doc, source)?;
    let seals = seal::check(doc, source, assets)?;
    let cells = |n: usize| n as f64 * CHAR_PITCH;
    let body = |text: String| {
        vec![Run {
            role: Role::Body,
            text,
        }]
    };
    let mut items = Vec::new();

    if !doc.addressees.is_empty() {
        // 主送机关: flush left, full-width colon after the last name; a
        // wrapped line also starts flush left (§7.3.2).
        items.push(Item {
            kind: ItemKind::Addressees,
            blank_lines_before: 0,
            runs: body(content::addressees_line(&doc.addressees)),
            lines: Vec::new(),
            first_indent: 0.0,
            rest_indent: 0.0,
            justify: true,
            keep_with_next: Keep::Free,
            columns: Vec::new(),
            reserve_lines_after: 0,
            align: Align::Indents,
            path: "addressees".into(),
        });
    }

    let mut tables = Vec::new();
    let start = items.len();
    for f in content::flow(doc) {
        // 左空二字，回行顶格 (§7.3.3).
        items.push(flow_item(f, 0, doc, fonts, &mut tables));
    }
    body::lead_headings(&mut items[start..]);

    if !doc.attachments.is_empty() {
        // 附件说明: one blank line below the 正文, 左空二字, "附件：" then the
        // name; several are numbered 1. 2. …, each name aligned under the
        // first; a wrapped name aligns with its own first character (§7.3.4).
        // An attachment with content is named by its title (§7.3.7).
        let label = content::ATTACHMENTS_LABEL;
        let label_w = measure(fonts, Role::Body, label);
        for (i, attachment) in doc.attachments.iter().enumerate() {
            let name = attachment.name();
            let number = content::attachment_number(i, doc.attachments.len());
            let number_w = measure(fonts, Role::Body, &number);
            let start = cells(g::PARAGRAPH_INDENT_CHARS);
            let (text, first) = if i == 0 {
                (format!("{label}{number}{name}"), start)
            } else {
                (format!("{number}{name}"), start + label_w)
            };
            items.push(Item {
                kind: ItemKind::Attachment,
                blank_lines_before: usize::from(i == 0),
                runs: body(text),
                lines: Vec::new(),
                first_indent: first,
                rest_indent: start + label_w + number_w,
                justify: true,
                keep_with_next: Keep::Free,
                columns: Vec::new(),
                reserve_lines_after: 0,
                align: Align::Indents,
                path: format!("attachments[{i}]"),
            });
        }
    }

    if let Some(attendance) = &doc.attendance {
        minutes::compose_attendance(attendance, fonts, &mut items);
    }

    let mut images = Vec::new();
    let mut overlays = Vec::new();
    let closing_start = items.len();
    match seals {
        seal::Sealing::None => compose_closing(doc, fonts, &mut items),
        seal::Sealing::Seals(seals) => {
            seal::compose_sealed(doc, fonts, &seals, &mut items, &mut images, &mut overlays)
        }
        seal::Sealing::Signature(s) => {
            seal::compose_signature_seal(doc, fonts, &s, &mut items, &mut images, &mut overlays)
        }
    }

    if let Some(note) = &doc.note {
        // 附注: 居左空二字加圆括号, on the line below the 成文日期 (§7.3.6).
        // Room a seal needs below the date is then counted below the 附注.
        // The 附注 belongs to the closing (§7.3.6 sets it on the line below
        // the 成文日期): it stands on the date's page, whole, never a line
        // of it alone on a page of its own.
        let reserve = items.last_mut().map_or(0, |date| {
            let r = date.reserve_lines_after;
            date.reserve_lines_after = 0;
            date.keep_with_next = Keep::Whole;
            r
        });
        let text = content::note_line(note);
        let first_indent = cells(g::PARAGRAPH_INDENT_CHARS);
        // The right edge of its first line's last em box.
        let right = (first_indent + measure(fonts, Role::Body, &text) + g::BODY_SIZE - CHAR_PITCH)
            .min(g::LINE_WIDTH);
        // A seal presses the 署名 and the 成文日期 only (§7.3.5.1): a 附注
        // that would run under a seal reaching below the date starts on
        // the first line below the seal instead.
        let blank = if reserve > 0 {
            lines_below_seal(&items, &overlays, right)
        } else {
            0
        };
        items.push(Item {
            kind: ItemKind::Note,
            blank_lines_before: blank,
            runs: body(text),
            lines: Vec::new(),
            first_indent,
            rest_indent: 0.0,
            justify: true,
            keep_with_next: Keep::Free,
            columns: Vec::new(),
            reserve_lines_after: if blank > 0 {
                0
            } else {
                reserve.saturating_sub(1)
            },
            align: Align::Indents,
            path: "note".into(),
        });
    }

    compose_attachments(doc, fonts, &mut items, &mut tables);

    // The 信函, 命令 and 纪要 formats place their 版头 themselves (§10.1,
    // §10.2, §10.3).
    let (header, title_line) = match doc.format {
        Format::Letter => letter::header(doc, fonts),
        Format::Order => order::header(doc, compose_header(doc, fonts)),
        Format::Minutes => minutes::header(doc, compose_header(doc, fonts)),
        Format::General => {
            let header = compose_header(doc, fonts);
            let title_line = header.as_ref().map_or(0, title_line_below);
            (header, title_line)
        }
    };
    // A 命令 may have no title (§10.2): the 正文 then starts on the title's
    // line.
    let title = doc
        .title
        .as_ref()
        .map_or_else(Vec::new, |t| title::break_title(t.as_str(), fonts));
    let title_gap_lines = if title.is_empty() {
        0
    } else {
        g::TITLE_GAP_LINES
    };
    // The closing ends with the last item kept whole with the one before.
    let closing = (closing_start < items.len()).then(|| {
        let end = items[closing_start..]
            .iter()
            .position(|i| i.keep_with_next != Keep::Whole)
            .map_or(items.len(), |k| closing_start + k + 1);
        closing_start..end
    });
    let composition = Composition {
        record: compose_record(doc, fonts),
        header,
        title_line,
        title,
        title_gap_lines,
        items,
        closing,
        images,
        overlays,
        page_numbers: PageNumbers {
            // A 信函's page 1 shows no number (§10.1).
            first_page: doc.format != Format::Letter,
            ..PageNumbers::general()
        },
        tables,
    };
    check_coverage(&composition, source, fonts)?;
    let mut composition = composition;
    for item in &mut composition.items {
        item.lines = item_lines(item, fonts);
    }
    Ok(composition)
}

/// The blank lines between the 成文日期 (the last of `items`) and a line
/// below it that clears the seals of the 署名 row just above the date
/// (their lowest point, by [`g::SEAL_BODY_CLEARANCE_MM`]), when a line
/// reaching `right` points from the 版心's left edge would run under one of
/// them; 0 when it would not.
fn lines_below_seal(items: &[Item], overlays: &[Overlay], right: f64) -> usize {
    let Some(signature) = items.len().checked_sub(2) else {
        return 0;
    };
    overlays
        .iter()
        .filter(|o| o.anchor == signature && o.x < right + mm(g::SEAL_BODY_CLEARANCE_MM))
        .map(|o| {
            // The seal's bottom below the date's em top (the date is the
            // line after the 署名's), and the line whose em top clears it.
            let bottom = o.dy(g::LINE_PITCH) + o.height - g::LINE_PITCH;
            let need = bottom + mm(g::SEAL_BODY_CLEARANCE_MM);
            ((need / g::LINE_PITCH - 1.0 - 1e-9).ceil()).max(0.0) as usize
        })
        .max()
        .unwrap_or(0)
}

/// Natural width of `text` in `role` at 3号 on the body grid, in points.
pub fn measure(fonts: &FontSet, role: Role, text: &str) -> f64 {
    measure_at(fonts, role, text, g::BODY_SIZE, g::BODY_TRACKING)
}

/// Natural width of `text` in `role` at `size` with `tracking` after every
/// character, in points.
pub fn measure_at(fonts: &FontSet, role: Role, text: &str, size: f64, tracking: f64) -> f64 {
    text.chars()
        .map(|c| fonts.advance(role, c).unwrap_or(1.0) * size + tracking)
        .sum()
}

/// The lines of a composed item on the body grid (3号, the body's
/// tracking, the 版心's measure less the item's indents; an attachment's
/// title line at the title's size, untracked): [`Item::lines`].
fn item_lines(item: &Item, fonts: &FontSet) -> Vec<Vec<Run>> {
    let setting = if item.kind == ItemKind::AttachmentTitle {
        linebreak::Setting {
            size: g::TITLE_SIZE,
            tracking: 0.0,
        }
    } else {
        linebreak::Setting {
            size: g::BODY_SIZE,
            tracking: g::BODY_TRACKING,
        }
    };
    linebreak::break_lines(
        &item.runs,
        fonts,
        setting,
        g::LINE_WIDTH - item.first_indent,
        g::LINE_WIDTH - item.rest_indent,
    )
}

/// The 正文's last lines stay on the page of the closing that follows
/// (§7.3.5.5), whatever they are: a paragraph's last lines, a portrait
/// table's last body rows.
///
/// The 附件说明 (§7.3.4) moves whole: a list split by a page would leave
/// its last names with the 署名 and its first ones above (the list stays
/// with the closing, and the 正文's last lines above it go with them).
pub(crate) fn keep_with_closing(items: &mut [Item]) {
    let list = items
        .iter()
        .rev()
        .take_while(|it| it.kind == ItemKind::Attachment)
        .count();
    let at = items.len() - list;
    for it in &mut items[at..] {
        it.keep_with_next = Keep::Whole;
    }
    // A table's last lines are its last body rows (a landscape one stands
    // on pages of its own and cannot give rows; the layout leaves it).
    if let Some(last) = at.checked_sub(1).map(|a| &mut items[a]) {
        last.keep_with_next = Keep::LastLines(g::CLOSING_KEEPS_BODY_LINES);
    }
}

/// Every character must exist in a font of its role, never a blank box.
/// The rulebook has checked every text the YAML writes
/// ([`rules::glyphs`]); this is the last guard, over all the composed text.
fn check_coverage(c: &Composition, source: &Source, fonts: &FontSet) -> Result<(), Error> {
    for (role, text, field) in c.texts() {
        if let Some(ch) = text.chars().find(|&ch| !fonts.covers(role, ch)) {
            return Err(Error::Format {
                path: source.path.clone(),
                pos: source.find_char(ch),
                field: field.to_string(),
                message: format!(
                    "no bundled or chosen font has the character {ch:?} (U+{:04X}) that {} \
                     text uses; add a font that has it with --font-dir, or replace the \
                     character",
                    ch as u32,
                    role.typeface()
                ),
            });
        }
    }
    Ok(())
}
