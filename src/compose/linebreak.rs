//! Breaking paragraphs into lines on the standard's grid of 28 characters.
//!
//! Typst compresses CJK punctuation (half-width at a line end, 1.5 em for
//! an adjacent pair) and so fits a 29th character into many lines, while
//! GB/T 9704-2012 counts a punctuation mark as a full character (§5.2.3,
//! "每行排28个字"). So the PDF writer decides the line breaks itself, with
//! every mark a full cell, and hands Typst one line at a time (each
//! justified to the full measure).
//!
//! The rules (GB/T 15834 标点符号用法, and the 1999 standard's "数字、年份不能
//! 回行", which offices still follow):
//! * a line never starts with closing punctuation (，。、；：？！）》” …) and
//!   never ends with opening punctuation (（《“ …); when the 29th cell
//!   would be such a mark, the last character of the line moves down with
//!   it (推出, "push out"), and that line is justified over 27 cells;
//! * a run of ASCII letters, digits and symbols (`32.4%`, `84368824`,
//!   `dlshkqw@sina.com`) is never broken, nor a number from the 年, 月 or 日
//!   that follows it (`2019年`);
//! * the 连接号 of a range stays with the numbers on both sides of it
//!   (`2027—2029年`, `5日—3月`): a line neither ends nor starts with it;
//! * `——` and `……` stay whole.
//!
//! Punctuation never hangs into the margin.

use crate::content::Run;
use crate::fonts::{FontSet, Role};

/// Characters that must not begin a line (GB/T 15834 4.x, clreq 行首禁则).
/// The 省略号 and 破折号 are not among them: they may begin a line, but are
/// never split (see the atoms below).
pub fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '·'
            | '％'
            | '‰'
            | '℃'
            | '〗'
            | '〙'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Characters that must not end a line (行尾禁则).
pub fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '〖'
            | '〘'
            | '('
            | '['
            | '{'
    )
}

/// CJK units a number stays with (`2019年`, `8月`, `14日`).
fn binds_to_number(c: char) -> bool {
    matches!(c, '年' | '月' | '日')
}

/// A 连接号 between the two numbers of a range (GB/T 15834 4.13): the
/// 一字线, the en dash, the full-width hyphen and the wave dash.
fn is_range_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '－' | '～')
}

/// How text is set: the font size and the tracking after each character.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    pub size: f64,
    pub tracking: f64,
}

/// One unbreakable piece of a paragraph.
#[derive(Debug, Clone, Copy)]
struct Atom {
    /// Char range in the paragraph.
    start: usize,
    end: usize,
}

/// A paragraph's characters with their roles and advances.
struct Chars {
    chars: Vec<(char, Role)>,
    /// `cum[k]`: the summed advance-plus-tracking of chars `0..k`.
    cum: Vec<f64>,
    /// `bounds[k]`: how many run changes (role or font) lie between chars `0..k`
    /// (a change between char m and m+1 counts at index m+1).
    bounds: Vec<usize>,
    tracking: f64,
}

impl Chars {
    fn new(runs: &[Run], fonts: &FontSet, setting: Setting) -> Self {
        let chars: Vec<(char, Role)> = runs
            .iter()
            .flat_map(|r| r.text.chars().map(move |c| (c, r.role)))
            .collect();
        let mut cum = Vec::with_capacity(chars.len() + 1);
        let mut bounds = Vec::with_capacity(chars.len() + 1);
        cum.push(0.0);
        bounds.push(0);
        let mut previous_font = None;
        for (k, &(c, role)) in chars.iter().enumerate() {
            let (font, adv) = match fonts.glyph(role, c) {
                Some((font, adv)) => (Some(font), adv),
                None => (None, 1.0),
            };
            cum.push(cum[k] + adv * setting.size + setting.tracking);
            // Typst shapes each font's stretch of a style's text as a run of
            // its own: a change of role or of font starts a run.
            let change = k > 0 && (chars[k - 1].1 != role || previous_font != font);
            bounds.push(bounds[k] + usize::from(change));
            previous_font = font;
        }
        Self {
            chars,
            cum,
            bounds,
            tracking: setting.tracking,
        }
    }

    fn atoms(&self) -> Vec<Atom> {
        let cs = &self.chars;
        let mut atoms = Vec::new();
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i].0;
            let mut j = i + 1;
            if c.is_ascii_graphic() {
                while j < cs.len() && cs[j].0.is_ascii_graphic() {
                    j += 1;
                }
                if cs[j - 1].0.is_ascii_digit() && j < cs.len() && binds_to_number(cs[j].0) {
                    j += 1;
                }
            } else if matches!(c, '—' | '…') {
                while j < cs.len() && cs[j].0 == c {
                    j += 1;
                }
            }
            atoms.push(Atom { start: i, end: j });
            i = j;
        }
        self.join_ranges(atoms)
    }

    /// Whether an atom is a number, with or without its 年/月/日.
    fn ends_number(&self, a: &Atom) -> bool {
        let last = self.chars[a.end - 1].0;
        last.is_ascii_digit()
            || (binds_to_number(last)
                && a.end - a.start >= 2
                && self.chars[a.end - 2].0.is_ascii_digit())
    }

    /// A range's 连接号 joins the number before it and the number after it
    /// into one atom (`2027—2029年`, `5日—3月`).
    fn join_ranges(&self, atoms: Vec<Atom>) -> Vec<Atom> {
        let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
        let mut k = 0;
        while k < atoms.len() {
            let a = atoms[k];
            let is_dash = a.end - a.start == 1 && is_range_dash(self.chars[a.start].0);
            let joins = is_dash
                && k + 1 < atoms.len()
                && out
                    .last()
                    .is_some_and(|p| p.end == a.start && self.ends_number(p))
                && self.chars[atoms[k + 1].start].0.is_ascii_digit();
            if joins {
                let prev = out.pop().expect("checked above");
                out.push(Atom {
                    start: prev.start,
                    end: atoms[k + 1].end,
                });
                k += 2;
            } else {
                out.push(a);
                k += 1;
            }
        }
        out
    }

    /// Natural width of chars `start..end` set as one line. Typst adds
    /// tracking after every glyph but the last of each shaped run, and a
    /// line is one run per role.
    fn width(&self, start: usize, end: usize) -> f64 {
        let runs = 1 + self.bounds[end] - self.bounds[start + 1];
        self.cum[end] - self.cum[start] - self.tracking * runs as f64
    }
}

/// The widest piece of `runs` that a line must not break, as text and its
/// width at `setting`: an atom (a number with its sign, decimals and
/// percent, a number with its 年/月/日, a range, a code such as
/// `QY2027-31`, a Latin word) with the marks the 禁则 keep with it (a
/// closing mark after, an opening mark before: `（12.5%）`). `None` for no
/// text.
pub fn widest_unit(runs: &[Run], fonts: &FontSet, setting: Setting) -> Option<(String, f64)> {
    widest_unit_keeping(runs, fonts, setting, &[])
}

/// [`widest_unit`], with the characters in each of `keep` (ranges of char
/// indices into the runs' text) held in one unit as well (a table cell's
/// 发文字号, `×××〔2027〕12号`).
pub fn widest_unit_keeping(
    runs: &[Run],
    fonts: &FontSet,
    setting: Setting,
    keep: &[(usize, usize)],
) -> Option<(String, f64)> {
    let chars = Chars::new(runs, fonts, setting);
    let atoms = join_kept(chars.atoms(), keep);
    let mut units: Vec<(usize, usize)> = Vec::new();
    for a in atoms {
        match units.last_mut() {
            Some(u)
                if no_line_start(chars.chars[a.start].0) || no_line_end(chars.chars[u.1 - 1].0) =>
            {
                u.1 = a.end
            }
            _ => units.push((a.start, a.end)),
        }
    }
    units
        .into_iter()
        .filter(|&(a, b)| !chars.chars[a..b].iter().all(|c| c.0 == ' '))
        .map(|(a, b)| {
            let text: String = chars.chars[a..b].iter().map(|c| c.0).collect();
            (text, chars.width(a, b))
        })
        .max_by(|x, y| x.1.total_cmp(&y.1))
}

/// Breaks `runs` into lines: the first line `first` points wide, the
/// others `rest` points wide. Each line is returned as runs.
pub fn break_lines(
    runs: &[Run],
    fonts: &FontSet,
    setting: Setting,
    first: f64,
    rest: f64,
) -> Vec<Vec<Run>> {
    break_lines_keeping(runs, fonts, setting, first, rest, &[])
}

/// Joins the atoms that overlap one of `keep` (char ranges) into one.
fn join_kept(atoms: Vec<Atom>, keep: &[(usize, usize)]) -> Vec<Atom> {
    if keep.is_empty() {
        return atoms;
    }
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    for a in atoms {
        // The boundary before `a` lies inside a kept range.
        let joins = out
            .last()
            .is_some_and(|p: &Atom| keep.iter().any(|&(s, e)| s < p.end && p.end < e));
        match out.last_mut() {
            Some(p) if joins => p.end = a.end,
            _ => out.push(a),
        }
    }
    out
}

/// [`break_lines`], never breaking inside one of `keep` (char ranges into
/// the runs' text) unless it is wider than a whole line.
pub fn break_lines_keeping(
    runs: &[Run],
    fonts: &FontSet,
    setting: Setting,
    first: f64,
    rest: f64,
    keep: &[(usize, usize)],
) -> Vec<Vec<Run>> {
    const EPS: f64 = 0.01;
    let chars = Chars::new(runs, fonts, setting);
    // An atom wider than a whole line (a very long URL) cannot stay whole:
    // it is split after its `/`, `-`, `.`, `?`, `&`, `=`, `_`, and where a
    // piece is still too wide, into characters.
    let too_wide = |a: &Atom| a.end - a.start > 1 && chars.width(a.start, a.end) > rest + EPS;
    let mut atoms: Vec<Atom> = join_kept(chars.atoms(), keep)
        .into_iter()
        .flat_map(|a| {
            if !too_wide(&a) {
                return vec![a];
            }
            let mut pieces = Vec::new();
            let mut start = a.start;
            for k in a.start..a.end {
                if matches!(chars.chars[k].0, '/' | '-' | '.' | '?' | '&' | '=' | '_')
                    || k + 1 == a.end
                {
                    pieces.push(Atom { start, end: k + 1 });
                    start = k + 1;
                }
            }
            pieces
                .into_iter()
                .flat_map(|p| {
                    if too_wide(&p) {
                        (p.start..p.end)
                            .map(|k| Atom {
                                start: k,
                                end: k + 1,
                            })
                            .collect()
                    } else {
                        vec![p]
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let avail = if lines.is_empty() { first } else { rest };
        let start = atoms[i].start;
        // Greedy: as many atoms as fit (at least one).
        let mut j = i;
        while j < atoms.len() && chars.width(start, atoms[j].end) <= avail + EPS {
            j += 1;
        }
        if j == atoms.len() {
            lines.push((i, j));
            break;
        }
        let j = j.max(i + 1);
        // 禁则: push characters out until neither rule is broken.
        let breaks_rule = |atoms: &[Atom], b: usize| {
            no_line_start(chars.chars[atoms[b].start].0)
                || no_line_end(chars.chars[atoms[b - 1].end - 1].0)
        };
        let mut b = j;
        while b > i + 1 && breaks_rule(&atoms, b) {
            b -= 1;
        }
        if b == i + 1 && breaks_rule(&atoms, b) && atoms[i].end - atoms[i].start >= 2 {
            // The line is one unbreakable unit (a long address, say) and the
            // mark after it does not fit: the unit's tail goes down with the
            // mark rather than the mark starting a line. The tail starts at
            // the last character that may start a line after one that may
            // end it (`…10000.` / `0%，`: a `%` cannot start a line either);
            // failing that, at the unit's last character.
            let a = atoms[i];
            let cut = (a.start + 1..a.end)
                .rev()
                .find(|&k| !no_line_start(chars.chars[k].0) && !no_line_end(chars.chars[k - 1].0))
                .unwrap_or(a.end - 1);
            atoms[i] = Atom {
                start: a.start,
                end: cut,
            };
            atoms.insert(
                i + 1,
                Atom {
                    start: cut,
                    end: a.end,
                },
            );
        }
        lines.push((i, b));
        i = b;
        // A line does not begin with a space.
        while i < atoms.len() && chars.chars[atoms[i].start].0 == ' ' {
            i += 1;
        }
    }
    let ranges: Vec<(usize, usize)> = lines
        .iter()
        .map(|&(a, b)| (atoms[a].start, atoms[b - 1].end))
        .collect();
    finish(&chars, &ranges)
}

fn finish(chars: &Chars, ranges: &[(usize, usize)]) -> Vec<Vec<Run>> {
    ranges
        .iter()
        .map(|&(s, e)| {
            let mut runs: Vec<Run> = Vec::new();
            for &(c, role) in &chars.chars[s..e] {
                match runs.last_mut() {
                    Some(r) if r.role == role => r.text.push(c),
                    _ => runs.push(Run {
                        role,
                        text: c.to_string(),
                    }),
                }
            }
            runs
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry;

    fn body(text: &str) -> Vec<Run> {
        vec![Run {
            role: Role::Body,
            text: text.to_string(),
        }]
    }

    fn lines(text: &str) -> Vec<String> {
        let fonts = FontSet::bundled();
        let setting = Setting {
            size: geometry::BODY_SIZE,
            tracking: geometry::BODY_TRACKING,
        };
        break_lines(
            &body(text),
            &fonts,
            setting,
            geometry::LINE_WIDTH - 2.0 * geometry::CHAR_PITCH,
            geometry::LINE_WIDTH,
        )
        .into_iter()
        .map(|l| l.iter().map(|r| r.text.as_str()).collect())
        .collect()
    }

    #[test]
    fn full_lines_hold_28_cells_and_the_first_26() {
        let text = "国".repeat(26 + 28 + 5);
        let ls = lines(&text);
        let counts: Vec<usize> = ls.iter().map(|l| l.chars().count()).collect();
        assert_eq!(counts, [26, 28, 5]);
    }

    #[test]
    fn punctuation_is_a_full_cell() {
        // 28 cells with commas: still 28 per line, never 29.
        let text = "国，".repeat(13) + &"国，".repeat(14) + "国";
        let ls = lines(&text);
        assert_eq!(ls[0].chars().count(), 26);
        assert_eq!(ls[1].chars().count(), 28);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // 26 hanzi fill the first line; the 27th character is a comma, so
        // the 26th hanzi moves down with it.
        let text = "国".repeat(26) + "，后文";
        let ls = lines(&text);
        assert_eq!(ls[0].chars().count(), 25);
        assert!(ls[1].starts_with("国，"));
        for l in &ls {
            assert!(!no_line_start(l.chars().next().unwrap()), "{l}");
        }
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let text = "国".repeat(25) + "《文件》";
        let ls = lines(&text);
        assert_eq!(ls[0].chars().count(), 25);
        assert!(ls[1].starts_with('《'));
    }

    #[test]
    fn an_ellipsis_may_start_a_line_but_stays_whole() {
        // 27 hanzi, then …… : the ellipsis starts the next line, whole.
        let text = "国".repeat(26) + "……后文";
        let ls = lines(&text);
        assert_eq!(ls[0].chars().count(), 26, "{ls:?}");
        assert!(ls[1].starts_with("……"), "{ls:?}");
    }

    #[test]
    fn long_urls_break_after_their_separators() {
        let url = "https://www.example.org/reports/2019/a-very-long-path-name-for-testing-line-breaking.html";
        let ls = lines(&("国".repeat(10) + url));
        assert_eq!(ls.concat(), "国".repeat(10) + url);
        for l in &ls[..ls.len() - 1] {
            let last = l.chars().last().unwrap();
            assert!(matches!(last, '/' | '-' | '.' | '国'), "{ls:?}");
        }
    }

    #[test]
    fn a_unit_filling_the_line_gives_up_its_last_character_to_a_mark() {
        // Found by the property test in tests/layout.rs: the ASCII run fills
        // the first line, and "”。。" cannot start the next.
        let text = "0.0%0.0%1000.0%dlshkqw@sina.comdlshkqw@sina.com”。。";
        let ls = lines(text);
        assert!(ls.len() >= 2, "{ls:?}");
        for l in &ls[1..] {
            assert!(!no_line_start(l.chars().next().unwrap()), "{ls:?}");
        }
        assert_eq!(ls.concat(), text);
    }

    #[test]
    fn a_unit_giving_up_its_tail_never_starts_a_line_with_a_mark() {
        // Found by the property test in tests/layout.rs on CI: the unit's
        // last character is itself a `%`, which cannot start a line either.
        for text in [
            "dlshkqw@sina.com10.0%dlshkqw@sina.com10000.0%，”。。。",
            "dlshkqw@sina.com10.0%dlshkqw@sina.com10000.0%)，”。。。",
            "dlshkqw@sina.com10.0%dlshkqw@sina.com10000.0%%%，”。。。",
        ] {
            let ls = lines(text);
            assert!(ls.len() >= 2, "{ls:?}");
            for l in &ls[1..] {
                assert!(!no_line_start(l.chars().next().unwrap()), "{ls:?}");
            }
            for l in &ls {
                assert!(!no_line_end(l.chars().last().unwrap()), "{ls:?}");
            }
            assert_eq!(ls.concat(), text);
        }
    }

    #[test]
    fn a_range_keeps_its_dash_with_both_numbers() {
        // (the range, the part that must stay whole: the dash with the
        // number on each side)
        for (range, whole) in [
            ("2027—2029年", "2027—2029年"),
            ("3月5日—3月31日", "5日—3月"),
            ("2027～2029年", "2027～2029年"),
            ("1–3日", "1–3日"),
        ] {
            for pad in 16..28 {
                let text = "国".repeat(pad) + "（" + range + "）" + &"国".repeat(30);
                let ls = lines(&text);
                assert_eq!(ls.concat(), text);
                assert!(
                    ls.iter().any(|l| l.contains(whole)),
                    "{whole} split at pad {pad}: {ls:?}"
                );
                for l in &ls {
                    let first = l.chars().next().unwrap();
                    let last = l.chars().last().unwrap();
                    assert!(!is_range_dash(first) && !is_range_dash(last), "{ls:?}");
                }
            }
        }
        // A 破折号 (two 一字线) is no range.
        let ls = lines(&("国".repeat(24) + "2027——2029年" + &"国".repeat(30)));
        assert!(ls[0].ends_with("2027") || ls[0].ends_with("——"), "{ls:?}");
    }

    #[test]
    fn numbers_and_addresses_stay_whole() {
        for unit in ["2019年", "32.4%", "84368824", "dlshkqw@sina.com"] {
            for pad in 20..27 {
                let text = "国".repeat(pad) + unit + &"国".repeat(30);
                let ls = lines(&text);
                assert!(
                    ls.iter().any(|l| l.contains(unit)),
                    "{unit} split at pad {pad}: {ls:?}"
                );
            }
        }
    }
}
