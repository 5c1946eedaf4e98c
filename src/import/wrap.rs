//! Hard-wrapped paragraphs: a draft saved with line breaks, or copied from
//! a fixed-width view, breaks paragraphs in mid-sentence. A line joins the
//! line above it when the line above ends no sentence, is as long as the
//! text's wrapped lines are, and this line starts no new element. Never
//! across a heading number, a blank line, or a line indented as a new
//! paragraph; each join is reported.

use super::Line;
use super::report::{Action, Note};
use crate::text::marker::{self, Marker};

/// Columns a char takes in a fixed-width view (CJK and full-width: 2).
fn width(c: char) -> usize {
    if c.is_ascii() || ('\u{FF61}'..='\u{FFDC}').contains(&c) {
        1
    } else if crate::text::punct::is_cjk(c) || ('\u{1100}'..='\u{FFFF}').contains(&c) {
        2
    } else {
        1
    }
}

fn text_width(s: &str) -> usize {
    s.chars().map(width).sum()
}

/// Whether `text` ends a sentence (or a clause a line may end on: `：`,
/// `；`), closing quotes and brackets aside.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '’', '」', '』', '）', ')', '》', '"', '\'']);
    t.ends_with(['。', '！', '？', '：', '；', '…', '!', '?', ':', ';'])
        || (t.ends_with('.') && {
            let before = t.chars().rev().nth(1);
            before.is_some_and(crate::text::punct::is_cjk)
        })
        // The whole text was a closing bracket: nothing to join.
        || t.is_empty()
}

/// The width a wrapped text's full lines have: the upper quartile of the
/// widths of the plain-text lines (most lines of a wrapped paragraph are
/// full).
fn wrap_width(lines: &[Line], measure: impl Fn(&Line) -> usize) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.hints.paragraph)
        .map(measure)
        .collect();
    if widths.is_empty() {
        return usize::MAX;
    }
    widths.sort_unstable();
    widths[(widths.len() * 3 / 4).min(widths.len() - 1)]
}

/// The full width of a wrapped text's lines, measured two ways: in
/// columns (a CJK character two, an ASCII one: an editor's or a PDF's
/// wrap) and in characters (a wrap that counts characters).
#[derive(Debug, Clone, Copy)]
struct Full {
    columns: usize,
    chars: usize,
}

impl Full {
    fn of(lines: &[Line]) -> Full {
        Full {
            columns: wrap_width(lines, |l| text_width(&l.content) + l.lead),
            chars: wrap_width(lines, |l| l.content.chars().count() + l.lead),
        }
    }

    /// Whether `line` runs to the wrap width by either measure.
    fn reached(self, line: &Line, text: &str) -> bool {
        text_width(text) + line.lead + 4 >= self.columns
            || text.chars().count() + line.lead + 1 >= self.chars
    }
}

/// The heading numbers met so far, per level: whether a number at a
/// line's start goes on with them (`二、` after `一、`) or breaks them
/// (`一、二期…` under `三、`: no heading, the sentence going on).
#[derive(Debug, Clone, Copy, Default)]
struct Sequence {
    last: [usize; 5],
}

impl Sequence {
    /// Whether `m` is the number that comes next at its level.
    fn expects(&self, m: &Marker) -> bool {
        m.number == self.last[m.level.min(4)] + 1
    }

    /// A heading numbered `m` starts: deeper levels count afresh.
    fn see(&mut self, m: &Marker) {
        let level = m.level.min(4);
        self.last[level] = m.number;
        for l in &mut self.last[level + 1..] {
            *l = 0;
        }
    }
}

/// How the text shows where its paragraphs start, measured over the whole
/// text before any line is joined.
#[derive(Debug, Clone, Copy)]
struct Shape {
    full: Full,
    /// The indent of continuation lines: the least any line has.
    base: usize,
    /// Paragraphs start deeper than `base` (a first-line indent).
    indented: bool,
    /// Paragraphs are set apart by blank lines.
    spaced: bool,
    /// Some heading certainly starting a paragraph stands at `base`:
    /// headings are not indented like the paragraphs.
    headings_at_base: bool,
    /// Several full lines end in mid-sentence: the text is hard-wrapped.
    hard_wrapped: bool,
}

impl Shape {
    fn of(lines: &[Line]) -> Shape {
        let full = Full::of(lines);
        let base = lines.iter().map(|l| l.lead).min().unwrap_or(0);
        // The lines that certainly start a paragraph: after a line that
        // ends a sentence without being full (a paragraph's last line).
        // Whether they stand deeper than `base` (a first-line indent) and
        // after a blank line.
        let (mut starts, mut deeper, mut blank) = (0, 0, 0);
        let (mut after_end, mut deeper_after_end) = (0, 0);
        let mut headings_at_base = false;
        for w in lines.windows(2) {
            if w[1].hints.paragraph {
                continue;
            }
            if ends_sentence(&w[0].content) {
                after_end += 1;
                deeper_after_end += usize::from(w[1].lead > base);
                if !full.reached(&w[0], &w[0].content) {
                    starts += 1;
                    deeper += usize::from(w[1].lead > base);
                    blank += usize::from(w[1].blank_before);
                }
            }
            let certain = w[1].blank_before || !full.reached(&w[0], &w[0].content);
            if certain && w[1].lead <= base && marker::parse(&w[1].content).is_some() {
                headings_at_base = true;
            }
        }
        // Measured on the certain starts, or where there are none (every
        // line full), on every line after a sentence's end.
        let indented = if starts > 0 {
            deeper * 4 >= starts * 3
        } else {
            after_end > 0 && deeper_after_end * 4 >= after_end * 3
        };
        let spaced = starts >= 2 && blank * 4 >= starts * 3;
        let hard_wrapped = lines
            .iter()
            .filter(|l| {
                !l.hints.paragraph && !ends_sentence(&l.content) && full.reached(l, &l.content)
            })
            .count()
            >= 3;
        Shape {
            full,
            base,
            indented,
            spaced,
            headings_at_base,
            hard_wrapped,
        }
    }
}

/// Whether `next` continues the paragraph whose last input line is `last`;
/// `seq` holds the heading numbers of the paragraphs before.
fn continues(last: &Line, last_text: &str, next: &Line, shape: &Shape, seq: &Sequence) -> bool {
    if next.hints.table || last.hints.table {
        return false;
    }
    if next.hints.paragraph {
        return next.hints.continues && !ends_sentence(last_text);
    }
    let full = shape.full;
    if next.blank_before || !full.reached(last, last_text) {
        return false;
    }
    let base = shape.base;
    let number = marker::parse(&next.content);
    // A number that comes next in the sequence may start a heading; one
    // that breaks it (`一、二期…` under `三、`) cannot.
    let in_sequence = number.as_ref().is_some_and(|m| seq.expects(m));
    if !ends_sentence(last_text) {
        // A marker-looking start (`一、二期…`, `1`) after a line that ends
        // no sentence is the sentence going on, not a heading — unless it
        // is the number that comes next on a short line that ends no
        // sentence either: a heading after a line that lost its `：`.
        if in_sequence && !full.reached(next, &next.content) && !ends_sentence(&next.content) {
            return false;
        }
        return next.lead <= base + 1;
    }
    if next.lead > base {
        return false;
    }
    // A full line that ends a sentence, then a line at the continuation
    // indent: where paragraphs start indented, or (in a hard-wrapped text)
    // after a blank line, the paragraph goes on. A line that starts with a
    // number does so only in a hard-wrapped text whose headings are not set
    // at the continuation indent, or are set apart by blank lines.
    if !(shape.indented || (shape.spaced && shape.hard_wrapped)) {
        return false;
    }
    match number {
        None => true,
        Some(_) => shape.hard_wrapped && (shape.spaced || !shape.headings_at_base),
    }
}

/// Joins hard-wrapped lines into paragraphs, one note per join.
pub fn join(lines: Vec<Line>, notes: &mut Vec<Note>) -> Vec<Line> {
    let shape = Shape::of(&lines);
    let (full, base) = (shape.full, shape.base);
    let mut seq = Sequence::default();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The last input line of the paragraph being built, as it was read.
    let mut last: Option<Line> = None;
    // Chars in the paragraph being built (counted as it grows: counting
    // its text at each join was quadratic in the paragraph's length).
    let mut chars = 0;
    for next in lines {
        let Some(prev) = last.as_ref() else {
            if let Some(m) = marker::parse(&next.content) {
                seq.see(&m);
            }
            chars = next.content.chars().count();
            last = Some(next.clone());
            out.push(next);
            continue;
        };
        if !continues(prev, &prev.content, &next, &shape, &seq) {
            // In a hard-wrapped text without indents or blank lines, a
            // full line that ends a sentence may be the wrap falling on
            // the sentence's end or the paragraph's: say so.
            if shape.hard_wrapped
                && !shape.indented
                && !shape.spaced
                && !next.blank_before
                && !next.hints.paragraph
                && !prev.hints.paragraph
                && next.lead == base
                && prev.lead == base
                && ends_sentence(&prev.content)
                && full.reached(prev, &prev.content)
                && marker::parse(&next.content).is_none()
            {
                notes.push(Note {
                    line: next.number,
                    column: next.lead + 1,
                    end_column: next.lead + 1,
                    action: Action::Review,
                    rule: "join",
                    text: String::new(),
                    message: format!(
                        "line {} starts a new paragraph: line {} is full and ends a sentence, so the wrap may have fallen on a sentence's end inside one paragraph; join them if so",
                        next.number, prev.number
                    ),
                    replacement: None,
                    alternatives: Vec::new(),
                });
            }
            if let Some(m) = marker::parse(&next.content) {
                seq.see(&m);
            }
            chars = next.content.chars().count();
            last = Some(next.clone());
            out.push(next);
            continue;
        }
        let cur = out.last_mut().expect("a line was pushed");
        let at_end = cur.content.chars().last();
        let at_start = next.content.chars().next();
        // Words of Latin letters broken by the wrap were apart by a space;
        // a number broken by it (`202` / `3年`, `2.4` / `7万`) is one.
        let space = at_end.is_some_and(|c| c.is_ascii_alphabetic())
            && at_start.is_some_and(|c| c.is_ascii_alphanumeric())
            || at_end.is_some_and(|c| c.is_ascii_digit())
                && at_start.is_some_and(|c| c.is_ascii_alphabetic());
        if space {
            cur.content.push(' ');
            chars += 1;
        }
        notes.push(Note {
            line: next.number,
            column: next.lead + 1,
            end_column: next.lead + 1,
            action: Action::Repaired,
            rule: "join",
            text: String::new(),
            message: format!(
                "line {} joined to line {}: a paragraph broken in mid-sentence (the line above ends in no 。！？：；)",
                next.number, prev.number
            ),
            replacement: None,
            alternatives: Vec::new(),
        });
        cur.joins.push(super::Join {
            at: chars,
            number: next.number,
            lead: next.lead,
        });
        cur.content.push_str(&next.content);
        chars += next.content.chars().count();
        last = Some(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[(usize, &str)]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, &(lead, t))| Line {
                number: i + 1,
                lead,
                content: t.to_string(),
                blank_before: i > 0 && texts[i - 1].1.is_empty(),
                ..Line::default()
            })
            .filter(|l| !l.content.is_empty())
            .collect()
    }

    /// Found by tests/import_generated.rs: a wrap by characters (digits
    /// count one each, so a full line is narrower in columns) splitting a
    /// number, and a line starting `一、` inside a sentence.
    #[test]
    fn wraps_inside_numbers_and_before_markers() {
        let mut notes = Vec::new();
        let out = join(
            lines(&[
                (2, "全年安排专项资金1200万元，202"),
                (0, "6年共排查隐患3100余处，切实维护人民"),
                (0, "群众生命财产安全，确保10月底前全部开工"),
                (0, "。"),
            ]),
            &mut notes,
        );
        let texts: Vec<&str> = out.iter().map(|l| l.content.as_str()).collect();
        assert_eq!(
            texts,
            [
                "全年安排专项资金1200万元，2026年共排查隐患3100余处，切实维护人民群众生命财产安全，确保10月底前全部开工。"
            ]
        );
        let out = join(
            lines(&[
                (
                    2,
                    "截至2027年6月30日已完成2.47万亩，对进度滞后的单位实行约谈提醒，",
                ),
                (
                    0,
                    "一、二期建设任务已全部完成，切实维护人民群众生命财产安全。",
                ),
            ]),
            &mut notes,
        );
        let texts: Vec<&str> = out.iter().map(|l| l.content.as_str()).collect();
        assert_eq!(
            texts,
            [
                "截至2027年6月30日已完成2.47万亩，对进度滞后的单位实行约谈提醒，一、二期建设任务已全部完成，切实维护人民群众生命财产安全。"
            ]
        );
    }

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let mut notes = Vec::new();
        let out = join(
            lines(&[
                (2, "为切实做好今年的安全生产工作，确保"),
                (0, "全市安全形势持续稳定，现将有关事项"),
                (0, "通知如下。"),
                (0, "一、总体要求"),
                (2, "坚持人民至上、生命至上，统筹发展和"),
                (0, "安全。"),
                (2, "各区要把安全生产摆在突出位置，加强"),
                (0, ""),
                (0, "领导。"),
            ]),
            &mut notes,
        );
        let texts: Vec<&str> = out.iter().map(|l| l.content.as_str()).collect();
        assert_eq!(
            texts,
            [
                "为切实做好今年的安全生产工作，确保全市安全形势持续稳定，现将有关事项通知如下。",
                "一、总体要求",
                "坚持人民至上、生命至上，统筹发展和安全。",
                "各区要把安全生产摆在突出位置，加强",
                "领导。",
            ]
        );
        assert_eq!(notes.len(), 3);
        // A char of a joined part names its own input line and column.
        assert_eq!(out[0].place(19), (2, 3));
        assert_eq!(out[0].place(0), (1, 3));
    }

    #[test]
    fn short_lines_that_end_no_sentence_stay_apart() {
        let mut notes = Vec::new();
        let out = join(
            lines(&[
                (0, "联系人：张三"),
                (0, "联系电话：0755-12345678"),
                (0, "各单位要高度重视，认真组织实施，确保各项任务落到实处。"),
            ]),
            &mut notes,
        );
        assert_eq!(out.len(), 3);
        assert!(notes.is_empty());
    }
}
