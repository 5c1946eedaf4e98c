//! A table's column widths from its content, the way people set tables
//! (and the way CSS 2.1 §17.5.2.2 lays out an automatic table): each
//! column's *least* width is its widest unbreakable token, its *natural*
//! width its widest cell on one line; every column gets its least, and the
//! rest of the table's width goes to the columns in proportion to what
//! their natural widths still need — the body cells' first, the header
//! cells' after (a header wraps before a body cell does). Computed once
//! here; the PDF template and the DOCX writer both draw its result.

use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry as g;
use crate::model::table::{Cell, Placed};

use super::CELL_SLACK;
use crate::compose::linebreak::{self, Setting};

/// What a column's cells ask of its width, pt, the cell's insets and the
/// line breaker's slack included.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Needs {
    /// Its widest unbreakable token (CSS's minimum content width): a
    /// number with its sign, decimals, unit and percent, a date, a code, a
    /// Latin word, a 发文字号; in a body cell also a unit in parentheses
    /// and a short name (see [`is_name`], [`kept`]); with the
    /// marks the 禁则 keep with it; one character at least.
    pub least: f64,
    /// That token.
    pub token: String,
    /// Its header cells' widest word or unit kept whole (`序号`,
    /// `（万元）`; see [`is_name`], [`kept`]): wanted after the body cells'
    /// natural widths, but a header may break there when the table is
    /// short of room (a body cell's token never does).
    pub words: f64,
    /// Its widest body cell on one line.
    pub body: f64,
    /// Its widest cell on one line, header cells included (CSS's maximum
    /// content width).
    pub natural: f64,
}

/// A cell short enough to be a name or a header's word (青岚县, 城关镇,
/// 序号, 建设地点): at most this many characters, all hanzi. Such a cell is
/// one token: a county's name broken over two lines (`青岚 / 县`) reads as
/// two words.
pub const NAME_CHARS: usize = 4;

/// Whether `text` is a short name: 2 to [`NAME_CHARS`] CJK ideographs.
pub fn is_name(text: &str) -> bool {
    let n = text.chars().count();
    (2..=NAME_CHARS).contains(&n) && text.chars().all(is_ideograph)
}

/// A 汉字 (CJK unified ideographs, extensions and compatibility).
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// The most characters inside a unit's parentheses kept whole
/// (`（万元）`, `（%）`, `（市、区）`).
const UNIT_CHARS: usize = 4;

/// What a line of a cell never breaks inside: the 发文字号 (see
/// [`doc_numbers`]) and a unit in parentheses (`（万元）`, `（%）`: a header's
/// `总投资（万元）` wraps as `总投资 / （万元）`, never `（万 / 元）`), as
/// ranges of char indices.
pub fn kept(text: &str) -> Vec<(usize, usize)> {
    let cs: Vec<char> = text.chars().collect();
    let mut out = doc_numbers(text);
    for (k, &c) in cs.iter().enumerate() {
        if c != '（' {
            continue;
        }
        let close = cs[k + 1..]
            .iter()
            .take(UNIT_CHARS + 1)
            .position(|&x| x == '）' || x == '（');
        if let Some(inner) = close
            && inner > 0
            && cs[k + 1 + inner] == '）'
        {
            out.push((k, k + inner + 2));
        }
    }
    out.sort_unstable();
    out
}

/// The most characters of an issuing organ's abbreviation before a
/// 发文字号's `〔`, kept with it (江发改环资〔2027〕118号).
const ORGAN_CHARS: usize = 6;

/// The 发文字号 in `text` (`×××〔2027〕12号`, GB/T 9704 §7.2.4: the organ's
/// abbreviation, the year in 〔〕, the number and 号), as ranges of char
/// indices: a line of a cell never breaks inside one.
pub fn doc_numbers(text: &str) -> Vec<(usize, usize)> {
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < cs.len() {
        if cs[k] != '〔' {
            k += 1;
            continue;
        }
        let year = k + 1;
        let mut j = year;
        while j < cs.len() && cs[j].is_ascii_digit() {
            j += 1;
        }
        if j - year != 4 || cs.get(j) != Some(&'〕') {
            k += 1;
            continue;
        }
        let number = j + 1;
        let mut e = number;
        while e < cs.len() && cs[e].is_ascii_digit() {
            e += 1;
        }
        if e == number || cs.get(e) != Some(&'号') {
            k += 1;
            continue;
        }
        let mut s = k;
        while s > 0 && k - s < ORGAN_CHARS && (is_ideograph(cs[s - 1]) || cs[s - 1] == '×') {
            s -= 1;
        }
        out.push((s, e + 1));
        k = e + 1;
    }
    out
}

/// The widest unbreakable token of `text` in `role` at `size`, and its
/// width, pt (without insets).
pub fn widest_token(text: &str, role: Role, size: f64, fonts: &FontSet) -> Option<(String, f64)> {
    widest(text, role, size, fonts, true)
}

/// The widest unit of `text`, the names and units in parentheses kept
/// whole when `words`.
fn widest(
    text: &str,
    role: Role,
    size: f64,
    fonts: &FontSet,
    words: bool,
) -> Option<(String, f64)> {
    let run = Run {
        role,
        text: text.to_string(),
    };
    let setting = Setting {
        size,
        tracking: 0.0,
    };
    if words && is_name(text) {
        return Some((text.to_string(), super::measure(fonts, role, text, size)));
    }
    let keep = if words { kept(text) } else { doc_numbers(text) };
    linebreak::widest_unit_keeping(&[run], fonts, setting, &keep)
}

/// What each of a table's `n` columns asks for, from its `cells` (in the
/// order of `placed`, with their roles; the first `header_rows` rows are
/// the header).
pub fn column_needs(
    n: usize,
    placed: &[Placed],
    cells: &[(&Cell, Role)],
    header_rows: usize,
    size: f64,
    fonts: &FontSet,
) -> Vec<Needs> {
    let pad = 2.0 * g::mm(g::TABLE_CELL_INSET_MM) + CELL_SLACK;
    // One character at least, so that an empty column is still a column.
    let floor = size + pad;
    let mut needs = vec![
        Needs {
            least: floor,
            token: String::new(),
            words: floor,
            body: floor,
            natural: floor,
        };
        n
    ];
    // Cells one column wide first, then wider ones, narrowest first: a
    // spanning cell asks its columns only for what they do not already
    // give it (CSS 2.1 §17.5.2.2).
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by_key(|&k| placed[k].colspan);
    for k in order {
        let (p, (cell, role)) = (&placed[k], &cells[k]);
        let body = p.row >= header_rows;
        let cols = p.col..p.col + p.colspan;
        // A body cell's words and units are tokens; a header's are wanted
        // whole but may break.
        if let Some((token, w)) = widest(&cell.text, *role, size, fonts, body) {
            let w = w + pad;
            if p.colspan == 1 {
                if w > needs[p.col].least {
                    needs[p.col].least = w;
                    needs[p.col].token = token;
                }
            } else {
                spread(&mut needs[cols.clone()], w, |n| &mut n.least);
            }
        }
        if !body && let Some((_, w)) = widest(&cell.text, *role, size, fonts, true) {
            spread(&mut needs[cols.clone()], w + pad, |n| &mut n.words);
        }
        let one_line = super::measure(fonts, *role, &cell.text, size) + pad;
        if body {
            spread(&mut needs[cols.clone()], one_line, |n| &mut n.body);
        }
        spread(&mut needs[cols], one_line, |n| &mut n.natural);
    }
    // Each level at least the one below it.
    for c in &mut needs {
        c.body = c.body.max(c.least);
        c.words = c.words.max(c.least);
        c.natural = c.natural.max(c.body).max(c.words);
    }
    needs
}

/// Makes the `level` of `cols` add up to `want` at least: what is missing
/// goes to them in proportion to what they have.
fn spread(cols: &mut [Needs], want: f64, level: impl Fn(&mut Needs) -> &mut f64) {
    let have: f64 = cols.iter_mut().map(|c| *level(c)).sum();
    if want <= have {
        return;
    }
    let n = cols.len() as f64;
    for c in cols.iter_mut() {
        let v = level(c);
        let share = if have > 0.0 { *v / have } else { 1.0 / n };
        *v += (want - have) * share;
    }
}

/// Whether a table without given widths is turned landscape: its columns
/// at their least, or at their body cells' natural widths up to
/// [`g::TABLE_WRAP_CHARS`] characters (longer text is expected to wrap),
/// do not fit the portrait 版心's `portrait` width. Header cells do not
/// count: they wrap.
pub fn wants_landscape(needs: &[Needs], size: f64, portrait: f64) -> bool {
    let pad = 2.0 * g::mm(g::TABLE_CELL_INSET_MM) + CELL_SLACK;
    let cap = g::TABLE_WRAP_CHARS * size + pad;
    let wanted: f64 = needs.iter().map(|n| n.least.max(n.body.min(cap))).sum();
    wanted > portrait + 0.01
}

/// Column widths adding up to `full` from what the columns ask: every
/// column its least; what is left goes to the columns in proportion to what
/// their body cells' natural widths still need, then to the headers' words
/// (each whole or not at all, the smallest first), then in proportion to
/// what the header cells on one line still need, and then in proportion to
/// the widths. When the least widths do not fit `full`, they are scaled to it
/// (the caller reports the columns that are then too narrow).
pub fn auto_widths(needs: &[Needs], full: f64) -> Vec<f64> {
    let least: Vec<f64> = needs.iter().map(|n| n.least).collect();
    let sum_least: f64 = least.iter().sum();
    if sum_least <= 0.0 {
        return vec![full / needs.len().max(1) as f64; needs.len()];
    }
    if sum_least >= full {
        return least.iter().map(|l| l / sum_least * full).collect();
    }
    let mut widths = least;
    let mut room = full - sum_least;
    // The body cells' natural widths, in proportion to what they need.
    grow(&mut widths, &mut room, needs.iter().map(|n| n.body));
    // The headers' words whole, the smallest want first (a column given
    // part of a word's width gains nothing).
    let mut wants: Vec<(f64, usize)> = needs
        .iter()
        .zip(&widths)
        .enumerate()
        .map(|(c, (n, w))| (n.words - w, c))
        .filter(|(d, _)| *d > 1e-9)
        .collect();
    wants.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (d, c) in wants {
        if d <= room {
            widths[c] += d;
            room -= d;
        }
    }
    // The headers on one line.
    grow(&mut widths, &mut room, needs.iter().map(|n| n.natural));
    if room <= 1e-9 {
        return widths;
    }
    let natural: f64 = widths.iter().sum();
    widths.iter().map(|w| w + room * w / natural).collect()
}

/// Grows `widths` toward `target` by at most `room` (which it uses up), in
/// proportion to what each still needs.
fn grow(widths: &mut [f64], room: &mut f64, target: impl Iterator<Item = f64>) {
    let gaps: Vec<f64> = target
        .zip(widths.iter())
        .map(|(t, w)| (t - w).max(0.0))
        .collect();
    let need: f64 = gaps.iter().sum();
    if need <= 0.0 || *room <= 0.0 {
        return;
    }
    let part = (*room / need).min(1.0);
    for (w, gap) in widths.iter_mut().zip(&gaps) {
        *w += gap * part;
    }
    *room = (*room - need * part).max(0.0);
}
