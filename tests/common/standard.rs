//! GB/T 9704-2012's numbers, once, for every test: written out here from
//! the standard (clause beside each), never taken from `src/geometry.rs`,
//! so that a wrong number in the code cannot make its own test pass.
//! Lengths are millimetres from the paper's top-left corner unless said
//! otherwise; sizes of type are points.

/// Millimetres in a point (1 pt = 1/72 in).
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// Points to millimetres.
pub const fn mm(pt: f64) -> f64 {
    pt * MM_PER_PT
}

// ---- 幅面与版面 (§5) ----

/// §5.1: A4 (GB/T 148), 210 mm wide…
pub const PAPER_W: f64 = 210.0;
/// …and 297 mm high.
pub const PAPER_H: f64 = 297.0;
/// §5.2.1: 天头 (the top margin) 37 mm: the 版心's top edge.
pub const TOP: f64 = 37.0;
/// §5.2.1: 订口 (the binding margin) 28 mm: the 版心's left edge.
pub const LEFT: f64 = 28.0;
/// §5.2.1: the 版心 is 156 mm wide…
pub const BLOCK_W: f64 = 156.0;
/// …and 225 mm high.
pub const BLOCK_H: f64 = 225.0;
/// The 版心's right edge (§5.2.1: 28 + 156 mm).
pub const RIGHT: f64 = LEFT + BLOCK_W;
/// The 版心's bottom edge (§5.2.1: 37 + 225 mm).
pub const BOTTOM: f64 = TOP + BLOCK_H;
/// The 版心's vertical axis, on which centred elements stand.
pub const CENTRE: f64 = LEFT + BLOCK_W / 2.0;

/// §5.2.3: 28 characters a line…
pub const CHARS_PER_LINE: usize = 28;
/// …and 22 lines a page, filling the 版心 (撑满版心).
pub const LINES_PER_PAGE: usize = 22;
/// One character (字, §3.1) of the 28-character line.
pub const CELL: f64 = BLOCK_W / CHARS_PER_LINE as f64;

// ---- 字号 (§5.2.2 and the elements' clauses), in points ----

/// 3号: the size of every element unless said otherwise (§5.2.2).
pub const SIZE_3: f64 = 16.0;
/// 2号: the title (§7.3.1).
pub const SIZE_2: f64 = 22.0;
/// 4号: the 版记 (§7.4.2, §7.4.3) and the page number (§7.5).
pub const SIZE_4: f64 = 14.0;
/// A 3号 character's em box, mm.
pub const EM: f64 = mm(SIZE_3);

/// The line pitch: 22 em boxes of 3号 and 21 equal gaps fill the 225 mm
/// 版心 (§5.2.3 with the 行 of §3.2, read as the 应用指南 does).
pub const PITCH: f64 = (BLOCK_H - EM) / (LINES_PER_PAGE - 1) as f64;
/// A blank line below an element's em box: the gap to the next line's em
/// box, then a whole line.
pub const GAP: f64 = PITCH - EM;
/// The same pitch as a word processor sets it: WordprocessingML counts
/// exact line spacing in twips (1/20 pt), and 592 twips (29.6 pt) is the
/// whole number of twips nearest to [`PITCH`].
pub const DOCX_PITCH: f64 = mm(592.0 / 20.0);
const _: () =
    assert!((PITCH / MM_PER_PT * 20.0 - 592.0) < 0.5 && (592.0 - PITCH / MM_PER_PT * 20.0) < 0.5);

// ---- 版头 (§7.2) ----

/// §7.2.4: the 发文机关标志's upper edge 35 mm below the 版心's top.
pub const MARK_TOP: f64 = TOP + 35.0;
/// §7.2.7: the red separator 4 mm below the 发文字号.
pub const SEPARATOR_BELOW_NUMBER: f64 = 4.0;

// ---- 版记 (§7.4) and 页码 (§7.5) ----

/// §7.4.1: the 版记's first and last rules, 0.35 mm (recommended)…
pub const RECORD_RULE_THICK: f64 = 0.35;
/// …and the rules between, 0.25 mm.
pub const RECORD_RULE_THIN: f64 = 0.25;
/// §7.5: the 一字线's upper edge 7 mm below the 版心's bottom edge.
pub const PAGE_NUMBER_DASH_TOP: f64 = BOTTOM + 7.0;

// ---- 信函格式 (§10.1) ----

/// The 信函's mark: its upper edge 30 mm from the paper's top.
pub const LETTER_MARK_TOP: f64 = 30.0;
/// The first red double line 4 mm below the mark.
pub const LETTER_RULE_BELOW_MARK: f64 = 4.0;
/// The second red double line 20 mm above the paper's bottom.
pub const LETTER_RULE_ABOVE_BOTTOM: f64 = 20.0;
/// Both double lines 170 mm long, centred.
pub const LETTER_RULE_LENGTH: f64 = 170.0;
/// The fields under the first double line: 7/8 of a 3号 character's
/// height below it.
pub const SEVEN_EIGHTHS: f64 = mm(SIZE_3 * 7.0 / 8.0);

// ---- 命令（令）格式 (§10.2) and 纪要格式 (§10.3) ----

/// §10.2: the 命令's mark, its upper edge 20 mm below the 版心's top.
pub const ORDER_MARK_TOP: f64 = TOP + 20.0;
/// §10.3: the 纪要's mark, its upper edge 35 mm below the 版心's top.
pub const MINUTES_MARK_TOP: f64 = TOP + 35.0;

// ---- How closely the tests measure (the tests' choice, not the standard's) ----

/// Typst places to the hundredth of a point; the tests allow 0.1 mm.
pub const TYPST_TOL: f64 = 0.1;
/// Where lines start and end on the 28-character grid of gongwen's PDF:
/// 0.5 mm, half the standard's ±1 mm for the margins (§5.2.1), because a
/// line with Latin digits, or a 签发人 line, ends up to 0.2 mm off a whole
/// character cell (measured 0.16 mm).
pub const LAYOUT_TOL: f64 = 0.5;
/// A word processor's rendering (LibreOffice's PDF of the DOCX): the
/// issue's tolerance, 1 mm (the standard's own for the margins, §5.2.1).
pub const OFFICE_TOL: f64 = 1.0;
