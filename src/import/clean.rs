//! Cleaning one run of text from a line: half-width punctuation repaired
//! (and listed), damaged dates reported with their readings.

use super::Line;
use super::damage::{self, DamageKind};
use super::punct;
use super::report::{Action, Note};

/// Cleans `text`, which starts at char `offset` of `line`'s content, and
/// returns it trimmed. `skip`: char ranges (relative to `text`) already
/// reported.
pub fn clean(line: &Line, offset: usize, text: &str, notes: &mut Vec<Note>) -> String {
    for d in damage::scan(text) {
        let (rule, replacement, alternatives) = match d.kind {
            DamageKind::Date => (
                "date",
                d.readings.first().cloned(),
                d.readings.iter().skip(1).cloned().collect(),
            ),
            DamageKind::YearRange => ("year-range", d.readings.first().cloned(), Vec::new()),
            DamageKind::Impossible => ("impossible-date", None, Vec::new()),
        };
        notes.push(Note {
            line: line.number,
            column: line.column(offset + d.start),
            end_column: line.column(offset + d.end),
            action: Action::Review,
            rule,
            text: d.text,
            message: d.message,
            replacement,
            alternatives,
        });
    }
    let (fixed, changes) = punct::normalise(text);
    if let (Some(first), Some(last)) = (changes.first(), changes.last()) {
        let mut kinds: Vec<String> = Vec::new();
        for c in &changes {
            let k = format!("{} → {}", c.from, c.to);
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        let marks: String = changes.iter().map(|c| c.from).collect();
        notes.push(Note {
            line: line.number,
            column: line.column(offset + first.index),
            end_column: line.column(offset + last.index + 1),
            action: Action::Repaired,
            rule: "punctuation",
            text: marks,
            message: format!(
                "{} half-width mark{} in Chinese text made full-width ({})",
                changes.len(),
                if changes.len() == 1 { "" } else { "s" },
                kinds.join(", ")
            ),
            replacement: None,
            alternatives: Vec::new(),
        });
    }
    fixed.trim_matches(super::chrome::is_space).to_string()
}
