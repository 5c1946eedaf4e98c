//! The 正文 (GB/T 9704-2012 §7.3.3): paragraphs and numbered sections,
//! each heading's level read from its number (一、 / （一） / 1. / （1）),
//! run-in headings (`（1）标题。正文……`) told apart from standalone ones.
//!
//! Numbers are not kept: the model numbers sections from their depth and
//! position. Gaps, duplicates and skipped levels in the numbers as written
//! are reported, since the printed numbers will differ from them.

use crate::model::{Block, Section, Text};
use crate::text::damage::month_day_splits;
use crate::text::marker::{self, Form, Marker};
use crate::text::punct::is_space;

use super::Line;
use super::clean::clean;
use super::report::{Action, Note};
use crate::model::table::Table;

struct Frame {
    /// The written level (0 for the 正文 itself).
    level: usize,
    heading: Option<(String, Option<String>)>,
    body: Vec<Block>,
    /// The last number written at each child level.
    last: [usize; 5],
    skip_reported: bool,
}

impl Frame {
    fn new(level: usize, heading: Option<(String, Option<String>)>) -> Self {
        Frame {
            level,
            heading,
            body: Vec::new(),
            last: [0; 5],
            skip_reported: false,
        }
    }
}

/// Splits a heading paragraph after its first sentence: the heading, and
/// the run-in text if any follows (`标题。正文……`).
pub fn split_run_in(text: &str) -> (String, Option<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut depth: i32 = 0;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' | '‘' | '《' | '（' | '「' | '『' | '【' | '〈' => depth += 1,
            '”' | '’' | '》' | '）' | '」' | '』' | '】' | '〉' => {
                depth = (depth - 1).max(0)
            }
            '。' | '！' | '？' if depth == 0 => {
                let head: String = chars[..=i].iter().collect();
                let rest: String = chars[i + 1..].iter().collect();
                let rest = rest.trim_matches(is_space);
                return (head, (!rest.is_empty()).then(|| rest.to_string()));
            }
            _ => {}
        }
    }
    (text.to_string(), None)
}

/// A number that lost all its marks (`7未按要求`, `136日`), recognised only
/// where the numbering around it expects that very number.
fn infer(stack: &[Frame], content: &str, next: Option<&Marker>) -> Option<Marker> {
    for level in [4, 3] {
        let parent = stack.iter().rev().find(|f| f.level < level)?;
        let expected = parent.last[level] + 1;
        let evidence = parent.last[level] > 0
            || next.is_some_and(|n| n.level == level && n.number == 2 && expected == 1);
        if !evidence {
            continue;
        }
        let digits = expected.to_string();
        let m = Marker {
            level,
            number: expected,
            len: digits.len(),
            form: Form::Damaged,
        };
        if marker::bare_number(content).is_some_and(|(v, _)| v == expected) {
            return Some(m);
        }
        // The number ran into a date that lost its 月: `1` + `36日`.
        let run: String = content.chars().take_while(char::is_ascii_digit).collect();
        if run.len() > digits.len()
            && run.len() <= 5
            && run.starts_with(&digits)
            && content[run.len()..].starts_with('日')
            && month_day_splits(&run, None).is_empty()
        {
            // The rest is reported as a damaged date when it is cleaned.
            if !month_day_splits(&run[digits.len()..], None).is_empty() {
                return Some(m);
            }
        }
    }
    None
}

fn close_top(stack: &mut Vec<Frame>) {
    let Some(frame) = stack.pop() else { return };
    let Some((heading, text)) = frame.heading else {
        return;
    };
    let section = Section {
        heading: Text(heading),
        text: text.map(Text),
        body: frame.body,
    };
    if let Some(parent) = stack.last_mut() {
        parent.body.push(Block::Section(section));
    }
}

/// A paragraph that closes the 正文 by its form: `特此报告。`, `特此函复。`,
/// `联系人：…`, `联系电话：…`.
fn is_formula(text: &str) -> bool {
    text.starts_with("特此")
        || ["联系人", "联系电话", "联系方式"].iter().any(|w| {
            text.strip_prefix(w)
                .is_some_and(|r| r.starts_with(['：', ':']))
        })
}

fn level_name(level: usize) -> &'static str {
    ["", "一、", "（一）", "1.", "（1）"][level.min(4)]
}

/// Builds the 正文 from its lines.
pub fn build(lines: &[Line], tables: &[Table], notes: &mut Vec<Note>) -> Vec<Block> {
    // A Word table's rows are text, never headings.
    let markers: Vec<Option<Marker>> = lines
        .iter()
        .map(|l| {
            (!l.hints.table)
                .then(|| marker::parse(&l.content))
                .flatten()
        })
        .collect();
    // Word headings without a written number: their outline levels, the
    // highest of them level 1.
    let outline = |i: usize| {
        let l = &lines[i];
        (markers[i].is_none() && !l.hints.table)
            .then_some(l.hints.outline)
            .flatten()
    };
    let base = (0..lines.len()).filter_map(outline).min();
    let mut stack = vec![Frame::new(0, None)];
    // The table last written, and whether the last paragraph can be a
    // table's caption (表题: one centred line without sentence
    // punctuation, right above the table).
    let last_heading = (0..lines.len())
        .rev()
        .find(|&i| markers[i].is_some() || outline(i).is_some());
    let mut last_table = None;
    let mut caption_above = false;
    for (i, line) in lines.iter().enumerate() {
        let content = line.content.as_str();
        if let Some(t) = line.hints.table_of
            && let Some(table) = tables.get(t)
        {
            if last_table != Some(t) {
                last_table = Some(t);
                let body = &mut stack.last_mut().expect("the root frame stays").body;
                let mut table = table.clone();
                if caption_above && let Some(Block::Paragraph(p)) = body.last() {
                    table.caption = Some(p.clone());
                    body.pop();
                }
                body.push(Block::Table(table));
            }
            caption_above = false;
            continue;
        }
        last_table = None;
        caption_above = false;
        let m = match (&markers[i], outline(i), base) {
            (Some(m), _, _) => Some(m.clone()),
            (None, Some(o), Some(b)) => Some(Marker {
                level: usize::from(o - b + 1).min(4),
                number: 0,
                len: 0,
                form: Form::Outline,
            }),
            _ if line.hints.table => None,
            _ => infer(&stack, content, markers.get(i + 1).and_then(Option::as_ref)),
        };
        let Some(m) = m else {
            // After the last heading: a closing formula (`特此报告。`,
            // `联系人：…`) belongs to the 正文, not to the last section;
            // so does a paragraph after a run-in section (`一、标题。正文`),
            // which takes no body of its own at the end of the 正文.
            if last_heading.is_some_and(|h| i > h) {
                if is_formula(content) {
                    while stack.len() > 1 {
                        close_top(&mut stack);
                    }
                }
                while stack.len() > 1
                    && stack.last().is_some_and(|f| {
                        f.body.is_empty() && f.heading.as_ref().is_some_and(|h| h.1.is_some())
                    })
                {
                    close_top(&mut stack);
                }
            }
            let text = clean(line, 0, content, notes);
            caption_above = line.hints.align == super::Align::Centre
                && text.chars().count() <= 60
                && !text.contains(['。', '；', '：', '，'])
                && !line.hints.continues;
            if !text.is_empty() {
                stack
                    .last_mut()
                    .expect("the root frame stays")
                    .body
                    .push(Block::Paragraph(text));
            }
            continue;
        };
        while stack.len() > 1 && stack.last().is_some_and(|f| f.level >= m.level) {
            close_top(&mut stack);
        }
        let mut m = m;
        if m.form == Form::Outline {
            m.number = stack.last().map_or(0, |f| f.last[m.level]) + 1;
        }
        let written = m.written(content);
        let canonical = m.canonical();
        let note = |action, rule, message: String, replacement: Option<String>| Note {
            line: line.number,
            column: line.column(0),
            end_column: line.column(m.len),
            action,
            rule,
            text: written.clone(),
            message,
            replacement,
            alternatives: Vec::new(),
        };
        let inferred = markers[i].is_none();
        match m.form {
            Form::Standard => {}
            Form::Outline => notes.push(note(
                Action::Repaired,
                "outline",
                format!(
                    "a Word heading{} with no number written; read as a heading at level {canonical}",
                    line.hints
                        .style
                        .as_ref()
                        .map_or(String::new(), |s| format!(" (style `{s}`)"))
                ),
                None,
            )),
            Form::Variant => notes.push(note(
                Action::Repaired,
                "marker",
                format!("heading number `{written}` is `{canonical}` (GB/T 9704-2012 §7.3.3)"),
                Some(canonical.clone()),
            )),
            Form::Damaged if inferred => notes.push(note(
                Action::Review,
                "marker",
                format!(
                    "`{written}` at the start of the paragraph looks like heading number {canonical} that lost its marks \
                     (the numbers around it run to it); imported as heading {canonical}"
                ),
                Some(canonical.clone()),
            )),
            Form::Damaged => notes.push(note(
                Action::Review,
                "marker",
                format!("heading number `{written}` lost a parenthesis; imported as heading {canonical}"),
                Some(canonical.clone()),
            )),
        }
        let parent = stack.last_mut().expect("the root frame stays");
        if parent.level + 1 < m.level && !parent.skip_reported {
            parent.skip_reported = true;
            let above = if parent.level == 0 {
                "the top of the 正文".to_string()
            } else {
                level_name(parent.level).to_string()
            };
            let depth = stack.len();
            notes.push(note(
                Action::Review,
                "numbering",
                format!(
                    "{} under {above} skips a level; gongwen numbers headings by depth, so this prints as {}",
                    level_name(m.level),
                    level_name(depth)
                ),
                None,
            ));
        }
        let parent = stack.last_mut().expect("the root frame stays");
        let last = parent.last[m.level];
        let expected = last + 1;
        if m.number != expected && !inferred && m.form != Form::Outline {
            let expected_marker = crate::numbering::marker(m.level, expected);
            let what = if m.number == last {
                format!("{canonical} again: a duplicate number")
            } else if m.number > expected {
                format!("{canonical} where {expected_marker} comes next: a gap in the numbering")
            } else {
                format!(
                    "{canonical} after {}: out of order",
                    crate::numbering::marker(m.level, last)
                )
            };
            notes.push(note(
                Action::Review,
                "numbering",
                format!(
                    "{what}; the document numbers from its structure and prints {expected_marker}"
                ),
                Some(expected_marker),
            ));
        }
        parent.last[m.level] = m.number;
        // A Word paragraph whose runs change formatting after the number:
        // the heading is what stands before the change (a run-in heading
        // in 黑体 or 楷体, its text in the body's font).
        let change = line
            .hints
            .run_change
            .and_then(|k| k.checked_sub(line.lead))
            .filter(|&k| k > m.len && k < content.chars().count());
        let rest: String = content.chars().skip(m.len).collect();
        let mut scratch = Vec::new();
        let cleaned = clean(
            line,
            m.len,
            &rest,
            if change.is_some() {
                &mut scratch
            } else {
                notes
            },
        );
        if cleaned.is_empty() {
            notes.push(note(
                Action::Review,
                "marker",
                format!("heading number `{written}` with no heading after it; left out"),
                None,
            ));
            continue;
        }
        let (heading, text) = match change {
            Some(k) => {
                let head: String = content.chars().take(k).skip(m.len).collect();
                let tail: String = content.chars().skip(k).collect();
                let head = clean(line, m.len, &head, notes);
                let tail = clean(line, k, &tail, notes);
                (head, (!tail.is_empty()).then_some(tail))
            }
            None => split_run_in(&cleaned),
        };
        stack.push(Frame::new(m.level, Some((heading, text))));
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().map(|f| f.body).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        Line::numbered(texts)
    }

    fn outline(blocks: &[Block], depth: usize, out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push(format!("{depth}P {p}")),
                Block::Section(s) => {
                    out.push(format!(
                        "{depth}H {}{}",
                        s.heading,
                        s.text.as_ref().map_or(String::new(), |t| format!(" | {t}"))
                    ));
                    outline(&s.body, depth + 1, out);
                }
                Block::Table(_) => out.push(format!("{depth}T")),
            }
        }
    }

    fn build_outline(texts: &[&str]) -> (Vec<String>, Vec<Note>) {
        let mut notes = Vec::new();
        let blocks = build(&lines(texts), &[], &mut notes);
        let mut out = Vec::new();
        outline(&blocks, 1, &mut out);
        (out, notes)
    }

    #[test]
    fn run_in_split() {
        assert_eq!(
            split_run_in("标题。正文。"),
            ("标题。".into(), Some("正文。".into()))
        );
        assert_eq!(split_run_in("只有一句。"), ("只有一句。".into(), None));
        assert_eq!(
            split_run_in("召开“增强‘四个意识’。”会。后文"),
            ("召开“增强‘四个意识’。”会。".into(), Some("后文".into()))
        );
        assert_eq!(split_run_in("无句号的标题"), ("无句号的标题".into(), None));
    }

    #[test]
    fn levels_and_bodies() {
        let (o, notes) = build_outline(&[
            "导语。",
            "一、甲",
            "(一)乙",
            "1.丙。",
            "1)丁。正文。",
            "补充段落。",
            "2)戊。",
            "二、己",
        ]);
        assert_eq!(
            o,
            [
                "1P 导语。",
                "1H 甲",
                "2H 乙",
                "3H 丙。",
                "4H 丁。 | 正文。",
                "5P 补充段落。",
                "4H 戊。",
                "1H 己",
            ]
        );
        let repaired: Vec<&str> = notes
            .iter()
            .filter(|n| n.action == Action::Repaired && n.rule == "marker")
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(repaired, ["(一)", "1)", "2)"]);
    }

    #[test]
    fn lost_marks_are_inferred_from_neighbours_and_reported() {
        let (o, notes) = build_outline(&[
            "1.甲。",
            "1)乙。",
            "2强化工作。",
            "3)丙。",
            "2.丁。",
            "136日，召开会议。",
            "2)戊。",
        ]);
        assert_eq!(
            o,
            [
                "1H 甲。",
                "2H 乙。",
                "2H 强化工作。",
                "2H 丙。",
                "1H 丁。",
                "2H 36日，召开会议。",
                "2H 戊。"
            ]
        );
        let review: Vec<(&str, Option<&str>)> = notes
            .iter()
            .filter(|n| n.action == Action::Review && n.rule != "numbering")
            .map(|n| (n.text.as_str(), n.replacement.as_deref()))
            .collect();
        assert_eq!(
            review,
            [
                ("2", Some("（2）")),
                ("1", Some("（1）")),
                ("36日", Some("3月6日"))
            ]
        );
    }

    #[test]
    fn a_number_is_not_inferred_without_a_run_around_it() {
        let (o, _) = build_outline(&["一、甲", "7项措施已落实。", "3月29日召开会议。"]);
        assert_eq!(o, ["1H 甲", "2P 7项措施已落实。", "2P 3月29日召开会议。"]);
    }

    #[test]
    fn gaps_duplicates_and_skips_are_reported() {
        let (o, notes) = build_outline(&["一、甲", "三、乙", "三、丙", "1.丁"]);
        assert_eq!(o, ["1H 甲", "1H 乙", "1H 丙", "2H 丁"]);
        let msgs: Vec<String> = notes
            .iter()
            .map(|n| format!("{}:{}", n.line, n.rule))
            .collect();
        assert_eq!(msgs, ["2:numbering", "3:numbering", "4:numbering"]);
        assert!(notes[0].message.contains("gap"), "{}", notes[0].message);
        assert!(
            notes[1].message.contains("duplicate"),
            "{}",
            notes[1].message
        );
        assert!(
            notes[2].message.contains("skips a level"),
            "{}",
            notes[2].message
        );
    }
}
