//! The data the Typst template reads as `/data.json` (the contract
//! between the layout stage and `templates/gongwen.typ`), typed: every field
//! the template uses is named here once, with its type, so that the layout
//! and the template cannot drift apart silently. All lengths in points.
//!
//! Values are owned: the data is serialised once per compile and is
//! small beside the fonts.
//!
//! Nothing here decides layout: each value is the composition's (or the
//! geometry module's), converted to what Typst reads.

use serde::Serialize;

use crate::fonts::Role;

/// The whole of `/data.json`.
#[derive(Debug, Serialize)]
pub struct TemplateData {
    pub meta: Meta,
    pub geometry: Geometry,
    pub fonts: Fonts,
    /// 版头 (§7.2).
    pub header: Option<Header>,
    /// 版记 (§7.4).
    pub record: Option<Record>,
    /// Where the 版记 goes.
    pub record_side: RecordSide,
    /// The first page without a number (a blank side before the 版记,
    /// §7.5), if any.
    pub unnumbered_from: Option<usize>,
    /// The page-1 grid line the 标题 starts on.
    pub title_line: usize,
    /// The names of the labels the template sets and the pagination loop
    /// reads back.
    pub labels: Labels,
    /// The red of the 版头 (§6.2).
    pub red: Red,
    /// The 版心's width.
    pub block_width: f64,
    /// The red separator's thickness (§7.2.7).
    pub separator_thickness: f64,
    pub line_pitch: f64,
    /// 标题 lines (§7.3.1), already broken.
    pub title: Vec<String>,
    /// The composed items in page order; the closing as one group.
    pub items: Vec<Entry>,
}

/// The labels' names (one source: the pagination loop's constants).
#[derive(Debug, Serialize)]
pub struct Labels {
    /// On the closing's first item.
    pub closing: &'static str,
    /// At the end of the 正文's last lines before the closing.
    pub body_end: &'static str,
    /// At the end of the last item (the last text before the 版记).
    pub text_end: &'static str,
    /// At the end of the closing's last item (the 成文日期 or a 附注).
    pub closing_end: &'static str,
    /// On the 版记.
    pub record: &'static str,
}

/// The PDF's document information.
#[derive(Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
}

/// The page and the grid (from `geometry`).
#[derive(Debug, Serialize)]
pub struct Geometry {
    pub paper_width: f64,
    pub paper_height: f64,
    pub margin_top: f64,
    pub margin_left: f64,
    pub margin_right: f64,
    pub margin_bottom: f64,
    pub body_size: f64,
    pub title_size: f64,
    /// How far the 标题's glyphs move down in their line box.
    pub title_drop: f64,
    pub tracking: f64,
    pub line_gap: f64,
    pub em_ascent: f64,
    pub em_descent: f64,
    pub page_number: PageNumber,
}

/// 页码 (§7.5), from the composition.
#[derive(Debug, Serialize)]
pub struct PageNumber {
    /// The 一字线 on each side of the number.
    pub dash: char,
    pub size: f64,
    /// The 一字线's upper edge below the paper's top.
    pub dash_top: f64,
    /// Odd pages: from the paper's right edge to the number's end.
    pub right_inset: f64,
    /// Even pages: from the paper's left edge to the number's start.
    pub left_inset: f64,
    /// Whether page 1 shows its number.
    pub first_page: bool,
}

/// The fonts of each typeface role.
#[derive(Debug, Serialize)]
pub struct Fonts {
    /// The Latin font, for Latin letters and digits where a role uses it.
    pub latin: String,
    pub roles: Roles,
}

/// One entry per [`Role`], named as the template names them.
#[derive(Debug, Serialize)]
pub struct Roles {
    pub body: RoleFonts,
    pub hei: RoleFonts,
    pub kai: RoleFonts,
    pub title: RoleFonts,
    pub song: RoleFonts,
}

/// A role's font families in fallback order, weight, and whether Latin
/// text takes the Latin font.
#[derive(Debug, Serialize)]
pub struct RoleFonts {
    pub families: Vec<String>,
    pub weight: u16,
    pub latin: bool,
}

/// A run of text in one role.
#[derive(Debug, Serialize)]
pub struct Run {
    pub role: RoleKey,
    pub text: String,
}

/// A [`Role`] as the template's key.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleKey {
    Body,
    Hei,
    Kai,
    Title,
    Song,
}

impl From<Role> for RoleKey {
    fn from(role: Role) -> Self {
        match role {
            Role::Body => RoleKey::Body,
            Role::Hei => RoleKey::Hei,
            Role::Kai => RoleKey::Kai,
            Role::Title => RoleKey::Title,
            Role::Song => RoleKey::Song,
        }
    }
}

/// Runs converted for the template.
pub fn runs(runs: &[crate::content::Run]) -> Vec<Run> {
    runs.iter()
        .map(|r| Run {
            role: r.role.into(),
            text: r.text.clone(),
        })
        .collect()
}

/// Runs starting `x` from the 版心's left edge.
#[derive(Debug, Serialize)]
pub struct Placed {
    pub x: f64,
    pub runs: Vec<Run>,
}

/// One line of the 版头: placed pieces and centred runs, its em-box top
/// below the 版心's top edge.
#[derive(Debug, Serialize)]
pub struct HeaderLine {
    pub top: f64,
    pub placed: Vec<Placed>,
    pub centre: Vec<Run>,
}

/// 版头 (§7.2).
#[derive(Debug, Serialize)]
pub struct Header {
    pub corner: Vec<HeaderLine>,
    pub number: Vec<HeaderLine>,
    pub mark: Option<Mark>,
    /// The red separator's centre line.
    pub separator: Option<f64>,
    /// A 信函's red double lines (§10.1).
    pub double_rules: Vec<DoubleRule>,
    /// The order the pieces are drawn in: the composition's reading order.
    pub order: Vec<crate::compose::HeaderPiece>,
}

/// A red double line (§10.1): its left end and length, and its two lines.
#[derive(Debug, Serialize)]
pub struct DoubleRule {
    pub x: f64,
    pub length: f64,
    pub lines: Vec<RuleLine>,
}

/// One line of a double line: its upper edge below the 版心's top, and
/// its thickness.
#[derive(Debug, Serialize)]
pub struct RuleLine {
    pub top: f64,
    pub thickness: f64,
}

/// 发文机关标志 (§7.2.4).
#[derive(Debug, Serialize)]
pub struct Mark {
    pub size: f64,
    pub pieces: Vec<MarkPiece>,
}

/// A piece of the mark, its em box's top-left corner at (`x`, `top`),
/// characters spread by `spacing`.
#[derive(Debug, Serialize)]
pub struct MarkPiece {
    pub text: String,
    pub x: f64,
    pub top: f64,
    pub spacing: f64,
}

/// 版记 (§7.4).
#[derive(Debug, Serialize)]
pub struct Record {
    pub rows: Vec<RecordRow>,
    /// Rows after which a thin rule runs.
    pub thin_after: Vec<usize>,
    /// Whether the rules are drawn (a 信函's 版记 has none, §10.1).
    pub rules: bool,
    pub size: f64,
    pub thick: f64,
    pub thin: f64,
    /// How far the block reaches below the text area to the 版心's edge.
    pub slack: f64,
}

/// A 版记 row's placed pieces.
#[derive(Debug, Serialize)]
pub struct RecordRow {
    pub placed: Vec<Placed>,
}

/// Where the 版记 goes.
#[derive(Debug, Clone, Copy, Serialize)]
pub enum RecordSide {
    /// At the foot of the last page (or the next, if it has no room).
    #[serde(rename = "float")]
    Float,
    /// On the next page.
    #[serde(rename = "next")]
    Next,
    /// On the next even page, after a blank side.
    #[serde(rename = "after-blank")]
    AfterBlank,
}

/// The red: CMYK, or its sRGB equivalent under PDF/A.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Red {
    Cmyk([f64; 4]),
    Rgb([u8; 3]),
}

/// An entry of the items: an item, or the closing's group.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Entry {
    Group(Group),
    Item(Item),
}

/// The closing (署名, 成文日期, what is kept with them): one unbreakable
/// block.
#[derive(Debug, Serialize)]
pub struct Group {
    pub group: Vec<Item>,
    /// Whether seals are placed in it.
    pub sealed: bool,
}

/// How the template sets an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// On the body grid.
    Text,
    /// Like the 标题's lines.
    Title,
    /// A new page.
    PageBreak,
    /// A table (§8), in `table`.
    Table,
}

/// A composed item, broken into lines.
#[derive(Debug, Serialize)]
pub struct Item {
    pub style: Style,
    /// Space above its first line's em box: the line gap and blank lines.
    pub above: f64,
    pub justify: bool,
    /// Whether it stays on the page of the next item (a sticky block).
    pub keep: bool,
    /// Labels that mark where the 正文 ends and the closing starts.
    pub labels: Vec<&'static str>,
    /// A label at its start when it leads what follows (a keep rule the
    /// pagination loop measures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// A forced page break before this line (§7.3.5.5).
    pub break_before: Option<usize>,
    /// Part of what a lead holds ([`super::keep::holds`]): the lead, what
    /// is kept whole with it, and the short items between it and the last
    /// line it needs. Set as a sticky, unbreakable block, so that Typst
    /// moves it to the next page with the first lines it leads, in the same
    /// run.
    pub hold: bool,
    /// Its first two lines stay on one page (Typst's orphan control): a
    /// lead needs both.
    pub orphans: bool,
    /// A label after its last line: where the text before a lead ends, read
    /// back to tell whether the lead moved to the next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre: Option<String>,
    /// On the item right before a portrait table: a label at its end, from
    /// which the layout measures the room the table had where Typst moved
    /// it whole to the next page (its first row taller than the room).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_pre: Option<String>,
    pub lines: Vec<Line>,
    /// Pieces at fixed places on its one line (joint 署名).
    pub columns: Vec<Placed>,
    /// Room kept below it on its page.
    pub reserve: f64,
    /// Seals placed against it.
    pub overlays: Vec<Overlay>,
    /// The table, for a table item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<Box<Table>>,
}

/// A composed table (§8): the cells' lines broken by gongwen, rows in whole
/// line pitches of the body grid.
#[derive(Debug, Serialize)]
pub struct Table {
    /// 表题 lines (黑体, 3号).
    pub caption: Vec<String>,
    /// The cells' text size.
    pub size: f64,
    /// Baseline to baseline inside a cell.
    pub line_pitch: f64,
    /// The unit of a row's `lines`: the body grid's line pitch, or (a
    /// landscape table) the cells' own.
    pub row_pitch: f64,
    /// Turned on pages of its own.
    pub landscape: bool,
    pub columns: Vec<f64>,
    /// The first rows of `rows` that are header rows.
    pub header_rows: usize,
    pub rows: Vec<TableRow>,
    /// The body rows on each page, cut where the pages break (the header
    /// rows repeated on each): always for a landscape table; for a portrait
    /// one when the layout split it (empty: the whole table, as it comes).
    pub pages: Vec<Vec<TableRow>>,
    /// A portrait table's label, set at its top, where the pagination loop
    /// reads the room left on its first page.
    pub mark: Option<String>,
    /// A landscape page's table area (the 版心 turned).
    pub width: f64,
    pub height: f64,
    /// Text from a cell's left and right rules.
    pub inset: f64,
    /// The rules' thickness.
    pub rule: f64,
}

/// A table row: its height in line pitches, the cells starting in it.
#[derive(Debug, Serialize)]
pub struct TableRow {
    pub lines: usize,
    pub cells: Vec<TableCell>,
}

/// A table cell.
#[derive(Debug, Serialize)]
pub struct TableCell {
    pub col: usize,
    pub colspan: usize,
    pub rowspan: usize,
    pub align: crate::model::table::Align,
    pub role: RoleKey,
    pub lines: Vec<String>,
}

/// One line of an item.
#[derive(Debug, Serialize)]
pub struct Line {
    pub indent: f64,
    pub runs: Vec<Run>,
    /// Whether the line starts (ends) with a mark Typst would compress.
    pub guard_start: bool,
    pub guard_end: bool,
    /// A label at its end: the last line a lead must stand with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// An image drawn over the page at a place the composition gave.
#[derive(Debug, Serialize)]
pub struct Overlay {
    /// Its virtual path in the Typst world.
    pub path: String,
    pub x: f64,
    /// Below the anchor's em-box top.
    pub dy: f64,
    pub width: f64,
    pub height: f64,
    pub alt: String,
}
