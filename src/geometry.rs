//! Every number of GB/T 9704-2012 that decides where ink goes, with its
//! clause. Both writers take their geometry from here and from nowhere
//! else.
//!
//! Lengths are in PostScript points (1 pt = 25.4/72 mm) unless the name
//! says `_MM`.
//!
//! # The 版心 convention
//!
//! The standard gives a 156 × 225 mm 版心 at 37 mm from the top and 28 mm
//! from the left (§5.2.1), 22 lines of 28 characters "撑满版心" (§5.2.3), and
//! defines 一行 as one character's height plus 7/8 of it (§3.2). It does not
//! say which box of a line touches the 版心's edges. We take the reading of
//! GB/T 33476.2's display geometry and of the 应用指南 (facts §11.2): **the
//! 版心 is bounded by the em boxes of the text**.
//!
//! * Line 1's em-box top is 37 mm from the paper top; line 22's em-box
//!   bottom is at 37 + 225 = 262 mm. Hence 22 em boxes and 21 gaps fill
//!   225 mm: the line pitch is (225 mm − 16 pt) / 21 ≈ 29.61 pt.
//! * The first character's left edge is at 28 mm, the 28th character's right
//!   edge at 184 mm: the character pitch is 156 mm / 28 ≈ 15.79 pt, so each
//!   16 pt character is tracked by ≈ −0.21 pt.
//!
//! The em box of a CJK font is the ideographic em box: 0.88 em above and
//! 0.12 em below the baseline (the Adobe-Japan1/Noto CJK convention; the
//! bundled FandolFang draws its hanzi inside it as well).

/// Millimetres to points.
pub const fn mm(v: f64) -> f64 {
    v * 72.0 / 25.4
}

/// Points to millimetres.
pub const fn to_mm(pt: f64) -> f64 {
    pt * 25.4 / 72.0
}

/// 字号 → pt (Word/PostScript points; facts §2 font-size table).
pub mod size {
    /// 二号.
    pub const ERHAO: f64 = 22.0;
    /// 三号.
    pub const SANHAO: f64 = 16.0;
    /// 四号.
    pub const SIHAO: f64 = 14.0;
    /// 小四.
    pub const XIAOSI: f64 = 12.0;
}

/// A4 width (§5.1, GB/T 148).
pub const PAPER_WIDTH_MM: f64 = 210.0;
/// A4 height (§5.1, GB/T 148).
pub const PAPER_HEIGHT_MM: f64 = 297.0;
/// 天头: paper top to 版心 top (§5.2.1).
pub const TOP_MARGIN_MM: f64 = 37.0;
/// 订口: paper left to 版心 left (§5.2.1).
pub const LEFT_MARGIN_MM: f64 = 28.0;
/// 版心 width (§5.2.1).
pub const BLOCK_WIDTH_MM: f64 = 156.0;
/// 版心 height (§5.2.1).
pub const BLOCK_HEIGHT_MM: f64 = 225.0;
/// Lines on a full page (§5.2.3).
pub const LINES_PER_PAGE: usize = 22;
/// Characters on a full line (§5.2.3).
pub const CHARS_PER_LINE: usize = 28;

/// Body text size: 3号 (§5.2.2 "如无特殊说明，公文格式各要素一般用3号仿宋体字").
pub const BODY_SIZE: f64 = size::SANHAO;
/// 标题 size: 2号 (§7.3.1).
pub const TITLE_SIZE: f64 = size::ERHAO;
/// 页码 size: 4号 (§7.5).
pub const PAGE_NUMBER_SIZE: f64 = size::SIHAO;

/// Em-box top above the baseline, in em (ideographic em box).
pub const EM_BOX_ASCENT: f64 = 0.88;
/// Em-box bottom below the baseline, in em.
pub const EM_BOX_DESCENT: f64 = 0.12;

/// Right margin implied by §5.2.1: 210 − 28 − 156 = 26 mm.
pub const RIGHT_MARGIN_MM: f64 = PAPER_WIDTH_MM - LEFT_MARGIN_MM - BLOCK_WIDTH_MM;
/// Bottom margin implied by §5.2.1: 297 − 37 − 225 = 35 mm.
pub const BOTTOM_MARGIN_MM: f64 = PAPER_HEIGHT_MM - TOP_MARGIN_MM - BLOCK_HEIGHT_MM;
/// 版心 bottom edge from the paper top: 262 mm.
pub const BLOCK_BOTTOM_MM: f64 = TOP_MARGIN_MM + BLOCK_HEIGHT_MM;
/// 版心 right edge from the paper left: 184 mm.
pub const BLOCK_RIGHT_MM: f64 = LEFT_MARGIN_MM + BLOCK_WIDTH_MM;

/// Character pitch (一字, §3.1 on the 28-character grid): 156 mm / 28.
pub const CHAR_PITCH: f64 = mm(BLOCK_WIDTH_MM) / CHARS_PER_LINE as f64;

/// Line pitch: 22 em boxes and 21 equal gaps fill the 225 mm 版心.
pub const LINE_PITCH: f64 = (mm(BLOCK_HEIGHT_MM) - BODY_SIZE) / (LINES_PER_PAGE as f64 - 1.0);

/// The gap between one line's em box and the next (7/8 of a character in
/// the standard's idealisation, §3.2; ≈ 13.61 pt here).
pub const LINE_GAP: f64 = LINE_PITCH - BODY_SIZE;

/// Tracking added after every body character so that 28 of them fill 156 mm.
///
/// 1 mpt less than the exact value: the writers fill a line with exactly 28
/// cells, and Typst must not find it a hair too wide through rounding.
/// Justification absorbs the 28 mpt.
pub const BODY_TRACKING: f64 = CHAR_PITCH - BODY_SIZE - 0.001;

/// The measure Typst sets body lines to: 28 characters at the character
/// pitch, except that the last glyph of a line carries no tracking. A 16 pt
/// glyph is 0.21 pt wider than its 15.79 pt cell, so the 28th glyph's em box
/// ends 0.07 mm right of 184 mm; the first glyph starts exactly at 28 mm.
pub const LINE_WIDTH: f64 = (CHARS_PER_LINE as f64 - 1.0) * CHAR_PITCH + BODY_SIZE;

/// The PDF's bottom margin is this much (pt) less than 35 mm: 22 lines fill
/// exactly 225 mm, and rounding must not push the 22nd to the next page. A
/// 23rd line needs a whole pitch more, so it still cannot fit.
pub const PDF_BOTTOM_SLACK: f64 = 1.0;

/// 正文 paragraphs: 左空二字 (§7.3.3).
pub const PARAGRAPH_INDENT_CHARS: usize = 2;

/// Blank lines between 标题 and 主送机关 (or the 正文 when there is no
/// 主送机关): one (§7.3.2, and §7.3.3 for a document without 主送机关).
pub const TITLE_GAP_LINES: usize = 1;
const _: () = assert!(
    TITLE_GAP_LINES >= 1,
    "the DOCX title drop needs a blank line after the title"
);

/// 署名 without seal: one blank line below the 正文 (§7.3.5.2).
pub const SIGNATURE_GAP_LINES: usize = 1;
/// Lines of the 正文's last paragraph that go to the 署名's page when the
/// closing does not fit under the text (§7.3.5.5: no 署名 or 成文日期 on a
/// page without 正文). The standard names no number; two is the least that
/// is more than a widow. Only these move, never the whole paragraph, so
/// the closing never empties a page of its text (page 1 keeps the 正文
/// under its 版头).
pub const CLOSING_KEEPS_BODY_LINES: usize = 2;

/// 署名 without seal: 右空二字 (§7.3.5.2).
pub const SIGNATURE_RIGHT_CHARS: usize = 2;
/// 成文日期 without seal: its first character two characters right of the
/// 署名's first character (§7.3.5.2).
pub const DATE_SHIFT_CHARS: usize = 2;
/// 成文日期 without seal, when longer than the 署名: 右空二字 (§7.3.5.2).
pub const DATE_RIGHT_CHARS: usize = 2;

/// 成文日期 with a seal: 右空四字 (§7.3.5.1); the 署名 is centred over it.
pub const SEAL_DATE_RIGHT_CHARS: usize = 4;
/// A seal's diameter when neither the document nor the image gives one:
/// 42 mm, the smallest of the sizes 国发〔1999〕25号 sets (乡镇), so that a
/// seal of unknown size is never drawn larger than any real one.
pub const SEAL_DEFAULT_DIAMETER_MM: f64 = 42.0;
/// "居印章中心偏下" (§7.3.5.1): the 署名 and 成文日期 sit this far below the
/// seal's centre (the centre of their two lines, the gap between them, is
/// this far below it). 3 mm: visibly below the centre (the seal's star),
/// while both lines stay well inside the ring — for a 42 mm seal the
/// date's em box ends 3 + 8 = 11 mm below the centre, half the radius.
pub const SEAL_BELOW_CENTRE_MM: f64 = 3.0;
/// …and at most this far, when a seal of a size between the line steps
/// (e.g. 40 mm) would otherwise start more than one line below the text
/// (§7.3.5.1 "一行之内"): the seal rises, the 署名 and date stay on the grid.
pub const SEAL_BELOW_CENTRE_MAX_MM: f64 = 6.0;
/// The least clearance between the 正文's (or 附件说明's) last line and the
/// seal's top: the seal must not touch the text (§7.3.5.1 "不相交或相切" is
/// said of joint seals; the body is kept clear the same way). The 署名
/// moves down whole lines until the seal clears; then its top is within
/// one line of the body ("印章顶端应当上距正文（或附件说明）一行之内").
pub const SEAL_BODY_CLEARANCE_MM: f64 = 0.5;
/// Joint seals in a row: the gap between neighbouring seals (they "不相交或
/// 相切", §7.3.5.1). 3 mm, the distance the 1999 format prescribed, which
/// 2012 dropped without replacing.
pub const JOINT_SEAL_GAP_MM: f64 = 3.0;
/// Joint 署名 in a row: at least one character between neighbouring names.
pub const JOINT_NAME_GAP_CHARS: usize = 1;
/// 签名章 (§7.3.5.3): two blank lines below the 正文, 右空四字.
pub const SIGNATURE_SEAL_GAP_LINES: usize = 2;
/// 签名章 右空四字 (§7.3.5.3).
pub const SIGNATURE_SEAL_RIGHT_CHARS: usize = 4;
/// The 签发人's title two characters left of the 签名章 (§7.3.5.3).
pub const SIGNATURE_TITLE_GAP_CHARS: usize = 2;
/// 成文日期 one blank line below the 签名章 (§7.3.5.3), 右空四字.
pub const SIGNATURE_SEAL_DATE_GAP_LINES: usize = 1;

/// 页码: the 一字线's upper edge is 7 mm below the 版心 (§7.5).
pub const PAGE_NUMBER_GAP_MM: f64 = 7.0;
/// 页码: 单页码居右空一字，双页码居左空一字 (§7.5). One character is taken as
/// one cell of the body grid (156 mm / 28), the unit the 版心 is measured in.
pub const PAGE_NUMBER_INSET_CHARS: usize = 1;
/// The 一字线 (U+2014) on each side of the page number (§7.5).
pub const PAGE_NUMBER_DASH: char = '\u{2014}';

/// The upper edge of the 一字线 from the paper top: 262 + 7 = 269 mm.
pub const PAGE_NUMBER_DASH_TOP_MM: f64 = BLOCK_BOTTOM_MM + PAGE_NUMBER_GAP_MM;

/// 版头 (§7.2): the 发文机关标志's upper edge (its em box's top) is 35 mm
/// below the 版心's top edge (§7.2.4), i.e. 72 mm from the paper's top.
pub const MARK_TOP_BELOW_BLOCK_MM: f64 = 35.0;
/// 发文机关标志 size: the standard leaves it to the issuer (§7.2.4). 初号
/// (42 pt, 14.8 mm): the largest size within the 1999 guidance of at most
/// 15 mm a character (facts §14.12); a longer name is set smaller to fit the
/// 版心's width.
pub const MARK_MAX_SIZE: f64 = 42.0;
/// A 发文机关标志 set smaller than 初号 is set in whole half points, rounded
/// down: the steps a word processor sets sizes in (WordprocessingML's
/// `w:sz`), so that the DOCX sets the size the PDF does and the mark still
/// fits.
pub const MARK_SIZE_STEP: f64 = 0.5;
/// A joint 发文机关标志 (§7.2.4) stacks the organs' names; the standard gives
/// no size or spacing for the stack. Line pitch 1.15 em: the names read as
/// one block (practice sets them 1.1–1.2 em apart, close enough that the
/// suffix beside them is centred on one mark, not on three lines), and the
/// 0.15 em (≈ 1.7 mm at 32 pt) between their em boxes keeps the heavy red
/// strokes of adjacent lines apart. Each name is spread to the longest
/// name's width (分散对齐, as Word templates set joint marks), so the stack
/// has straight edges on both sides.
pub const MARK_LINE_PITCH_EM: f64 = 1.15;
/// The gap between a joint mark's names and its suffix (`文件`), in em of
/// the mark: half a character, so that the suffix reads as part of one mark
/// and not as a second column (the standard gives no number).
pub const MARK_SUFFIX_GAP_EM: f64 = 0.5;
/// The tallest a joint mark's stack may be; more organs set it smaller.
/// Page 1 must show 正文 (facts §4.3): with the stack's bottom at
/// 72 + 50 = 122 mm, the 发文字号 (two blank lines lower) starts at about
/// 148 mm, the separator lies at about 157 mm and the 标题 starts on line 15
/// of 22, so that a two-line title and a one-line 主送 still leave four
/// lines of 正文 on page 1. Three organs of up to eight characters keep 初号.
pub const MARK_MAX_HEIGHT_MM: f64 = 50.0;
/// 发文字号: 发文机关标志下空二行 (§7.2.5).
pub const NUMBER_GAP_LINES: usize = 2;
/// 发文字号 (上行文) 居左空一字; 签发人 居右空一字 (§7.2.5, §7.2.6).
pub const NUMBER_INSET_CHARS: usize = 1;
/// 签发人: normally two names to a line (§7.2.6).
pub const SIGNERS_PER_LINE: usize = 2;
/// The red separator: 4 mm below the 发文字号 (§7.2.7).
pub const SEPARATOR_BELOW_NUMBER_MM: f64 = 4.0;
/// The separator's thickness: not given by the standard (facts §14.11);
/// 1.5 pt (0.53 mm), the common Word-template value, is in the range
/// practice uses (0.35–0.53 mm).
pub const SEPARATOR_THICKNESS: f64 = 1.5;
/// 标题: 红色分隔线下空二行 (§7.3.1). The title then takes the first line of
/// the body grid at least that far down, so that the body stays on the grid.
pub const TITLE_GAP_BELOW_SEPARATOR_LINES: usize = 2;

/// 命令（令）格式 (§10.2): the mark's upper edge (its em box's top) 20 mm
/// below the 版心's top edge, i.e. 57 mm from the paper's top. It moves
/// lower only when a 份号, 密级 and 紧急程度 (lines 1–3, flush left) would
/// otherwise touch it: the standard places those elements in the general
/// format only and is silent here, and the mark must not overprint them.
pub const ORDER_MARK_TOP_BELOW_BLOCK_MM: f64 = 20.0;
/// 命令: the 令号 two blank lines below the mark (§10.2). The 令号 stands on
/// the body grid: on the first grid line at least this far below the mark
/// (a mark's height is free, §7.2.4, so its bottom is rarely on the grid),
/// so that the 正文 can start exactly two blank lines below the 令号.
pub const ORDER_NUMBER_GAP_LINES: usize = 2;
/// 命令: the 正文 (or a title, when the 令 has one) two blank lines below
/// the 令号 (§10.2).
pub const ORDER_BODY_GAP_LINES: usize = 2;
/// 纪要格式 (§10.3): the mark's upper edge 35 mm below the 版心's top edge,
/// as the general format's 发文机关标志 (§7.2.4).
pub const MINUTES_MARK_TOP_BELOW_BLOCK_MM: f64 = 35.0;
/// 纪要: the 期号 (`第23期`; practice, the standard names none) two blank
/// lines below the mark, centred, on the grid, as the 发文字号 stands below
/// the 发文机关标志 (§7.2.5) and the 令号 below a 命令's mark (§10.2); the
/// 标题 two blank lines below it (or below the mark without a 期号), as below
/// the general format's separator (§7.3.1). §10.3 allows the format to be
/// adapted ("可以根据实际制定"); it draws no separator, so none is drawn.
pub const MINUTES_ISSUE_GAP_LINES: usize = 2;
/// 纪要: the 标题 two blank lines below the 期号 or mark.
pub const MINUTES_TITLE_GAP_LINES: usize = 2;
/// 纪要: 出席 one blank line below the 正文 (or 附件说明) (§10.3); 请假 and
/// 列席 follow on the next lines, without a blank line.
pub const ATTENDANCE_GAP_LINES: usize = 1;
/// 纪要: the attendance labels (出席：, 请假：, 列席：) 左空二字 (§10.3);
/// wrapped lines align with the first character after the colon.
pub const ATTENDANCE_INDENT_CHARS: usize = 2;

/// 标题 lines stand on the body grid, one grid line each, and each line's
/// 2号 em box starts this far (pt) below the top of its grid line's 3号 em
/// box: not at all — the tops are aligned.
///
/// Why. A 2号 em box (22 pt) is 6 pt taller than the grid's 3号 box.
/// Centred on its grid line, the title's box starts 3 pt (1.06 mm) above the
/// line's top; on grid line 1 (a document without 版头) that is above the
/// 版心 — 35.8 mm in the PDF, 35.2 mm in LibreOffice's DOCX — and nothing
/// may stand above the 版心's top edge at 37 mm (§5.2.1). Moving the title
/// to grid line 2 would leave line 1 empty and cost page 1 a line of body.
/// With the tops aligned the title starts exactly at 37 mm, its lines stay
/// one line pitch apart and every body line stays on the grid (22 a page);
/// the extra 6 pt hang into the gap below each title line (title lines stay
/// 7.6 pt apart, as centred; the blank line below the title leaves
/// 2 × pitch − 22 pt = 37.2 pt between the title's last em box and the
/// body's first). Below a 版头 the same rule puts the title at least two
/// full lines below the red separator (§7.3.1), where centring left it
/// 3 pt short.
///
/// The DOCX sets the title paragraph lower by the difference (spacing
/// before) and gives the blank line after it that much less height, so
/// that the body resumes on the grid: hence at least one blank line must
/// follow the title (`TITLE_GAP_LINES`).
pub const TITLE_EM_TOP_BELOW_GRID_LINE: f64 = 0.0;
/// 附件 (§7.3.7): `附件N` on line 1 of the attachment's first page, its
/// title on line 3: one blank line between them.
pub const ATTACHMENT_TITLE_GAP_LINES: usize = 1;
/// 附件: the standard places only the label and the title and sets the rest
/// "like the 正文" (facts §4.7). Read as the document's own page: one blank
/// line below the title (§7.3.2; §7.3.3 without 主送), so that the body of an
/// attachment with a one-line title starts on line 5, with a two-line title
/// on line 6.
pub const ATTACHMENT_BODY_GAP_LINES: usize = TITLE_GAP_LINES;
/// 红色: Y80% M80% (§6.2), as CMYK fractions.
pub const RED_CMYK: [f64; 4] = [0.0, 0.8, 0.8, 0.0];
/// 红色 Y80% M80% (§6.2) as sRGB, for PDF/A, which refuses device CMYK
/// without a print profile. Converted with the device formula (no colour
/// profile): R = 255 (1 − C)(1 − K), G = 255 (1 − M)(1 − K),
/// B = 255 (1 − Y)(1 − K), so C0 M80 Y80 K0 is (255, 51, 51), #FF3333 —
/// the red the DOCX names as well.
pub const RED_SRGB: [u8; 3] = [255, 51, 51];

/// 版记 (§7.4): 抄送机关 and 印发机关和印发日期 in 4号 (§7.4.2, §7.4.3).
pub const RECORD_SIZE: f64 = size::SIHAO;
/// 版记 rows: 左右各空一字 (抄送), 印发机关左空一字, 印发日期右空一字
/// (§7.4.2, §7.4.3); one character is a cell of the body grid.
pub const RECORD_INSET_CHARS: usize = 1;
/// 版记 separators: the first and last thick, 0.35 mm; the middle thin,
/// 0.25 mm (§7.4.1, the recommended heights).
pub const RECORD_THICK_MM: f64 = 0.35;
pub const RECORD_THIN_MM: f64 = 0.25;

/// 信函格式 (§10.1): the 发文机关标志's upper edge (its em box's top) is
/// 30 mm below the paper's top edge (not the 版心's): 7 mm into the 天头.
pub const LETTER_MARK_TOP_MM: f64 = 30.0;
/// 信函格式: the first red double line (thick over thin, 武文线) 4 mm below
/// the 发文机关标志 (§10.1), measured from the mark's em box to the double
/// line's upper edge, as the 版头's separator is measured (§7.2.7).
pub const LETTER_TOP_RULE_BELOW_MARK_MM: f64 = 4.0;
/// 信函格式: the second red double line (thin over thick, 文武线) 20 mm above
/// the paper's bottom edge (§10.1), measured to the double line's lower
/// edge. Its lower edge is then 297 − 20 = 277 mm from the top, in the
/// bottom margin, 15 mm below the 版心 (262 mm) — where pages 2+ carry
/// their page number (269 mm), which page 1 of a 信函 does not show.
pub const LETTER_BOTTOM_RULE_ABOVE_PAPER_BOTTOM_MM: f64 = 20.0;
/// 信函格式: both double lines are 170 mm long, centred (§10.1): 7 mm
/// beyond the 版心 on each side.
pub const LETTER_RULE_LENGTH_MM: f64 = 170.0;
/// The double lines' weights, which the standard does not give. The thick
/// line 1.5 pt (0.53 mm), the weight practice gives the thick line of a
/// double rule (facts §3, [H19]) and this writer the 版头's separator, so
/// that the red rules of both formats weigh the same; the thin line a
/// third of it, 0.5 pt (0.18 mm), and 1 pt between them, so that the
/// whole rule is 3 pt (1.06 mm), the weight of the word processors' own
/// thick-thin double border, and the two lines stay apart when printed
/// (a 1 pt gap is 2–3 dots at 150–200 dpi).
pub const LETTER_RULE_THICK: f64 = 1.5;
pub const LETTER_RULE_THIN: f64 = 0.5;
pub const LETTER_RULE_GAP: f64 = 1.0;
/// 信函格式: 份号, 密级和保密期限, 紧急程度 (flush left) and the 发文字号
/// (flush right) start 7/8 of a 3号 character's height below the first
/// double line's lower edge (§10.1): 14 pt (4.94 mm), the character's
/// height being its em box (the 版心 convention above).
pub const LETTER_FIELDS_BELOW_RULE: f64 = BODY_SIZE * 7.0 / 8.0;
/// 信函格式: the 标题 "与其上最后一个要素相距二行" (§10.1): two lines between
/// the last element above it (or the double line) and the title, read as
/// the general format's "下空二行" (§7.3.1); the title takes the first line
/// of the body grid at least that far down, so that the body stays on the
/// grid of pages 2+.
pub const LETTER_TITLE_GAP_LINES: usize = 2;

/// Tables (§8). The standard fixes only the landscape page's page number
/// and the head's side; these are the choices where it is silent.
///
/// Cell borders: 0.5 pt, the weight practice uses (facts §7; research §3)
/// and the thinnest rule that still prints solid at 600 dpi.
pub const TABLE_RULE: f64 = 0.5;
/// Text in a cell starts this far from the cell's left and right borders:
/// 1.5 mm, so that the text never touches a rule (Word's default cell margin
/// is 1.9 mm; a little less keeps a 5-character column at 3号 within 30 mm).
pub const TABLE_CELL_INSET_MM: f64 = 1.5;
/// A table's rows take whole lines of the body grid: a row of `n` lines of
/// 3号 is `n` line pitches tall, its text centred in it, so that a table
/// that runs over a page breaks on the grid and the text after the table
/// is back on the grid. The top border lies on the em-box top of the grid
/// line the table starts on; the text after it resumes on the grid line
/// below its bottom border (so the border is one line pitch above that
/// text's em box, and a line gap below the text before the table).
///
/// Lines inside a cell of a smaller size (四号, 小四) are this many of their
/// em apart: the body's ratio of line pitch to 3号 (29.61 / 16 ≈ 1.85), so
/// that a cell reads like a body paragraph, only smaller.
pub const TABLE_LINE_PITCH_EM: f64 = LINE_PITCH / BODY_SIZE;
/// Natural width of a column, for `orientation: auto`: its widest cell on
/// one line, but at most this many characters of table text (plus the
/// insets): longer text is expected to wrap in its column. A table whose
/// columns' natural widths add up to more than the 版心's width is turned
/// landscape. Six characters: a township's name, a six-digit number or a
/// short phrase stays on one line, and a portrait table of 3号 holds four
/// such columns (4 × (6 × 16 pt + 8.5 pt) = 418 pt < 442 pt); five full
/// ones go landscape.
pub const TABLE_WRAP_CHARS: f64 = 6.0;
/// A landscape table's page (§8): the table turned 90° counter-clockwise,
/// so that its head faces the sheet's left edge — the 订口 on odd pages, the
/// 切口 on even pages, as §8 asks — on the portrait 版心 with the portrait
/// page number where it always is. Its width is the 版心's height.
pub const LANDSCAPE_TABLE_WIDTH_MM: f64 = BLOCK_HEIGHT_MM;
/// …and its height the 版心's width.
pub const LANDSCAPE_TABLE_HEIGHT_MM: f64 = BLOCK_WIDTH_MM;

/// The widest line a title may have, in points: the 版心 width.
pub const TITLE_MAX_WIDTH: f64 = mm(BLOCK_WIDTH_MM);

/// Points to twips (1/20 pt), WordprocessingML's unit.
pub fn twips(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

/// Word processors lay out DOCX lines themselves; these are the settings
/// that make them fall on the same grid (measured on LibreOffice's
/// rendering by `tests/docx.rs`).
pub mod docx {
    use super::*;

    /// Points to whole twips, rounded down: for lengths that must fit.
    fn twips_floor(pt: f64) -> i64 {
        (pt * 20.0 + 1e-9).floor() as i64
    }

    /// The line and character grid a DOCX is set on: exact line spacing
    /// and a character spacing after every character, both in whole twips
    /// (WordprocessingML's unit). A negative `docGrid charSpace` would do
    /// the character pitch in Word, but LibreOffice 7.4 sets 14–18
    /// characters a line with it, so the pitch is explicit spacing.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Grid {
        /// Exact line spacing, twips.
        pub line_twips: i64,
        /// `w:spacing` on every character, twips.
        pub char_spacing_twips: i64,
    }

    impl Grid {
        /// The grid whose em boxes fill the 版心 (see the module docs):
        /// the line and character pitch in the nearest whole twips, 592
        /// (29.6 pt) and 316 (15.8 pt, a spacing of −4 twips).
        pub fn fill() -> Self {
            Self {
                line_twips: twips(LINE_PITCH),
                char_spacing_twips: twips(CHAR_PITCH) - twips(BODY_SIZE),
            }
        }

        /// The grid of the common Word template (facts §11.1): 22 lines
        /// that fit the 225 mm 版心 between its margins, the largest whole
        /// twips that do (579 = 28.95 pt, facts §11.2), and 28 characters
        /// that fit its 156 mm (315 twips = 15.75 pt a character).
        pub fn template() -> Self {
            Self {
                line_twips: twips_floor(mm(BLOCK_HEIGHT_MM)) / LINES_PER_PAGE as i64,
                char_spacing_twips: twips_floor(CHAR_PITCH) - twips(BODY_SIZE),
            }
        }

        /// The line pitch in points.
        pub fn line(&self) -> f64 {
            self.line_twips as f64 / 20.0
        }

        /// The width of a character cell as the word processor sets it, pt.
        pub fn cell(&self) -> f64 {
            BODY_SIZE + self.char_spacing_twips as f64 / 20.0
        }

        /// `n` character cells, in twips.
        pub fn cells_twips(&self, n: usize) -> i64 {
            twips(n as f64 * self.cell())
        }

        /// A horizontal distance the composition measured on the PDF's
        /// character pitch ([`CHAR_PITCH`]), on this grid, in twips.
        pub fn scale_twips(&self, pt: f64) -> i64 {
            twips(pt * self.cell() / CHAR_PITCH)
        }

        /// Where line 1's em box starts below the top margin, pt.
        pub fn em_top_in_line(&self) -> f64 {
            em_top_in_exact_line(BODY_SIZE, self.line())
        }
    }

    /// The longest 正文 last paragraph a DOCX keeps with the 署名 whole
    /// (`w:keepNext`, which LibreOffice honours by moving the paragraph
    /// whole, §7.3.5.5): one that fits a page together with the blank line,
    /// the 署名 and the 成文日期 (22 − 3 lines).
    pub const KEEP_WHOLE_MAX_LINES: usize = LINES_PER_PAGE - SIGNATURE_GAP_LINES - 2;

    /// Slack so that 28 characters always fit the line despite the word
    /// processor's rounding (LibreOffice 7.4 set 27 with 1 twip).
    pub const TEXT_WIDTH_SLACK_TWIPS: i64 = 10;

    /// Twips the body area exceeds 22 exact lines by, so that rounding in
    /// the word processor never sends the 22nd line to the next page.
    pub const LAST_LINE_SLACK_TWIPS: i64 = 5;

    /// Header distance (the header is empty; any value inside the top
    /// margin does).
    pub const HEADER_MM: f64 = 15.0;

    /// Where an exact-height line puts its baseline, as a fraction of the
    /// line height from its top: LibreOffice 7.4 sets every exact line,
    /// whatever its font and size, with the baseline 80 % down (measured:
    /// 23.68 pt of 29.6 pt). GB/T 33476.2's 34.58 mm assumes the em box
    /// centred instead; that lands 1 mm low in LibreOffice. One third-party
    /// measurement of Word (openooxml/betteroffice PR #180, "0.80 × H",
    /// font-independent) agrees; unverified here.
    pub const BASELINE_IN_EXACT_LINE: f64 = 0.8;

    /// An exact line for text set alone on it (the 发文机关标志, the page
    /// number): 1.25 em, so that the em box's top, 0.88 em above a baseline
    /// 80 % down (1.0 em), is inside the line and nothing is clipped.
    pub const SOLO_LINE_EM: f64 = 1.25;

    /// How far below the top of an exact line of height `line` the em box of
    /// `size`-point text starts (the baseline is 80 % down, see above).
    pub fn em_top_in_exact_line(size: f64, line: f64) -> f64 {
        BASELINE_IN_EXACT_LINE * line - EM_BOX_ASCENT * size
    }

    /// The exact line height in which `size`-point text has its em box
    /// centred (the baseline 80 % down, see above): a paragraph of one such
    /// line, centred in a table row, centres its text in the row. From
    /// `em_top_in_exact_line(size, line) + size / 2 = line / 2`.
    pub fn centred_exact_line(size: f64) -> f64 {
        (EM_BOX_ASCENT - 0.5) * size / (BASELINE_IN_EXACT_LINE - 0.5)
    }

    /// How much lower than the top of its grid line a 标题 paragraph (exact
    /// line height `line`) starts, so that its 2号 em box starts
    /// `TITLE_EM_TOP_BELOW_GRID_LINE` below the grid line's 3号 em box.
    pub fn title_drop(line: f64) -> f64 {
        TITLE_EM_TOP_BELOW_GRID_LINE + em_top_in_exact_line(BODY_SIZE, line)
            - em_top_in_exact_line(TITLE_SIZE, line)
    }

    /// Top margin that puts line 1's em box at 37 mm, for [`Grid::fill`].
    pub fn fill_top_margin_twips(grid: Grid) -> i64 {
        twips(mm(TOP_MARGIN_MM) - grid.em_top_in_line())
    }

    /// The page number's exact line height, pt.
    pub fn page_number_line() -> f64 {
        twips(SOLO_LINE_EM * PAGE_NUMBER_SIZE) as f64 / 20.0
    }

    /// Footer distance from the paper's bottom edge to the bottom of the
    /// page number's exact line, for a 一字线 whose ink top is `dash_top` em
    /// above the baseline: the dash's top lands 7 mm below the 版心 (§7.5).
    /// The line is exact, so only the dash's own height depends on the
    /// font; the baseline sits [`BASELINE_IN_EXACT_LINE`] down the line.
    pub fn footer_twips(dash_top: f64) -> i64 {
        let from_bottom = mm(PAPER_HEIGHT_MM - PAGE_NUMBER_DASH_TOP_MM);
        let line = page_number_line();
        let baseline_above_bottom = (1.0 - BASELINE_IN_EXACT_LINE) * line;
        twips(from_bottom - baseline_above_bottom - dash_top * PAGE_NUMBER_SIZE)
    }

    /// The 一字线's ink top in em, should no font of the 宋体 role have the
    /// dash: the bundled Noto Serif CJK SC's own value. Never used in
    /// practice (every role's chain holds that font).
    pub const DASH_TOP_FALLBACK_EM: f64 = 0.296;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn srgb_red_is_the_device_conversion_of_y80_m80() {
        // C0 M80 Y80 K0: R = 255, G = B = 255 × 0.2 = 51.
        assert_eq!(RED_CMYK, [0.0, 0.8, 0.8, 0.0]);
        let [c, m, y, k] = RED_CMYK;
        let channel = |v: f64| ((1.0 - v) * (1.0 - k) * 255.0).round() as u8;
        assert_eq!(RED_SRGB, [channel(c), channel(m), channel(y)]);
    }

    #[test]
    fn derived_numbers_match_the_fact_sheet() {
        // facts §11.2: 15.79 pt character pitch, 29.61 pt line pitch.
        assert!((CHAR_PITCH - 15.79).abs() < 0.01, "{CHAR_PITCH}");
        assert!((LINE_PITCH - 29.61).abs() < 0.01, "{LINE_PITCH}");
        assert!(close(RIGHT_MARGIN_MM, 26.0));
        assert!(close(BOTTOM_MARGIN_MM, 35.0));
        assert!(close(PAGE_NUMBER_DASH_TOP_MM, 269.0));
        // 22 em boxes and 21 gaps are exactly the 版心 height.
        let h = 22.0 * BODY_SIZE + 21.0 * LINE_GAP;
        assert!((to_mm(h) - 225.0).abs() < 1e-9);
        // 28 cells are exactly the 版心 width.
        assert!((to_mm(28.0 * CHAR_PITCH) - 156.0).abs() < 1e-9);
    }

    #[test]
    fn docx_grids_match_the_practice_numbers() {
        // Fill: 29.6 pt lines, 15.8 pt cells (−0.2 pt), whole twips.
        let fill = docx::Grid::fill();
        assert_eq!((fill.line_twips, fill.char_spacing_twips), (592, -4));
        // Template: 28.95 pt, the largest 0.05 pt step at which 22 lines fit
        // 225 mm (facts §11.2); 28 cells of at most 156 mm / 28.
        let t = docx::Grid::template();
        assert!(close(t.line(), 28.95), "{}", t.line());
        assert!(22.0 * t.line() <= mm(225.0));
        assert!(28.0 * t.cell() <= mm(156.0) && 28.0 * (t.cell() + 0.05) > mm(156.0));
        // Two characters: the default tab stop and 左空二字.
        assert_eq!(fill.cells_twips(2), 632);
        assert_eq!(t.cells_twips(2), 630);
    }
}
