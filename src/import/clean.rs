//! Cleaning one run of text from a line: half-width punctuation repaired
//! (and listed), damaged dates reported with their readings.

use crate::text::damage::{self, DamageKind};
use crate::text::punct;
use crate::text::punct::is_space;

use super::Line;
use super::report::{Action, Note};

/// Cleans `text`, which starts at char `offset` of `line`'s content, and
/// returns it trimmed. `skip`: char ranges (relative to `text`) already
/// reported.
pub fn clean(line: &Line, offset: usize, text: &str, notes: &mut Vec<Note>) -> String {
    for d in damage::scan(text) {
        let (rule, mut replacement, mut alternatives) = match d.kind {
            DamageKind::Date => (
                "date",
                d.readings.first().cloned(),
                d.readings.iter().skip(1).cloned().collect(),
            ),
            DamageKind::YearRange => ("year-range", d.readings.first().cloned(), Vec::new()),
            DamageKind::Impossible => ("impossible-date", None, Vec::new()),
        };
        let (number, column) = line.place(offset + d.start);
        // A damage that runs over a join is noted on its first line, to
        // that line's end.
        let last = offset + d.end.max(d.start + 1) - 1;
        let last = line
            .segments()
            .iter()
            .find(|(s, e)| (*s..*e).contains(&(offset + d.start)))
            .map_or(last, |&(_, e)| last.min(e.saturating_sub(1)));
        let end_column = line.place(last).1 + 1;
        let (mut text, mut message) = (d.text, d.message);
        let whole = d.end - d.start;
        let here = last + 1 - (offset + d.start);
        if here < whole {
            // Its fix spans two input lines: no fix by columns.
            text = text.chars().take(here).collect();
            message.push_str(" (it runs on to the next line: fix it by hand)");
            replacement = None;
            alternatives.clear();
        }
        notes.push(Note {
            line: number,
            column,
            end_column,
            action: Action::Review,
            rule,
            text,
            message,
            replacement,
            alternatives,
        });
    }
    let (fixed, changes) = punct::normalise(text);
    // One note per input line the changes fall on.
    let mut k = 0;
    while k < changes.len() {
        let (number, _) = line.place(offset + changes[k].index);
        let run = changes[k..]
            .iter()
            .take_while(|c| line.place(offset + c.index).0 == number)
            .count();
        let group = &changes[k..k + run];
        k += run;
        let mut kinds: Vec<String> = Vec::new();
        for c in group {
            let kind = format!("{} → {}", c.from, c.to);
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        let marks: String = group.iter().map(|c| c.from).collect();
        let first = group[0].index;
        let last = group[run - 1].index;
        notes.push(Note {
            line: number,
            column: line.place(offset + first).1,
            end_column: line.place(offset + last).1 + 1,
            action: Action::Repaired,
            rule: "punctuation",
            text: marks,
            message: format!(
                "{} half-width mark{} in Chinese text made full-width ({})",
                run,
                if run == 1 { "" } else { "s" },
                kinds.join(", ")
            ),
            replacement: None,
            alternatives: Vec::new(),
        });
    }
    fixed.trim_matches(is_space).to_string()
}
