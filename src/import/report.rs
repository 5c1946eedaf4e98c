//! What `gen import` tells its user: every line it dropped, every repair it
//! made, and every place it could not repair with certainty, each with its
//! line and column in the input and, where one is known, the fix.

use serde::Serialize;

use super::encoding::Encoding;

/// What happened at a place in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Left out of the document (web-page chrome).
    Dropped,
    /// Repaired with certainty; the document has the repair.
    Repaired,
    /// Needs a person: damage that cannot be repaired with certainty.
    Review,
}

/// One place in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Line in the input (1-based).
    pub line: usize,
    /// First column of the affected text (1-based, in characters).
    pub column: usize,
    /// Column just after the affected text.
    pub end_column: usize,
    pub action: Action,
    /// What kind of thing: `chrome`, `punctuation`, `marker`, `date`, …
    pub rule: &'static str,
    /// The affected text, as the input has it (for a `punctuation` note,
    /// which covers a line's marks from `column` to `end_column`, the
    /// half-width marks it made full-width, in order).
    pub text: String,
    pub message: String,
    /// The fix: what replaces `text` (for `repaired`, what the document
    /// has; for `review`, the suggested fix).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
    /// Other possible fixes, when the text reads more than one way.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
}

impl Note {
    /// A whole input line left out of the document: `raw` as the input has
    /// it.
    pub fn dropped(line: usize, raw: &str, rule: &'static str, message: String) -> Note {
        Note {
            line,
            column: 1,
            end_column: raw.chars().count() + 1,
            action: Action::Dropped,
            rule,
            text: raw.to_string(),
            message,
            replacement: None,
            alternatives: Vec::new(),
        }
    }
}

/// Everything `gen import` reports about one input.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub encoding: Encoding,
    pub notes: Vec<Note>,
}

impl Report {
    pub fn count(&self, action: Action) -> usize {
        self.notes.iter().filter(|n| n.action == action).count()
    }

    /// The report for people: one line per note, `input:line:column:`.
    pub fn render(&self, input: &str) -> String {
        let mut out = String::new();
        let mut notes: Vec<&Note> = self.notes.iter().collect();
        notes.sort_by_key(|n| (n.line, n.column));
        for n in notes {
            let what = match n.action {
                Action::Dropped => "dropped",
                Action::Repaired => "repaired",
                Action::Review => "review",
            };
            out.push_str(&format!(
                "{input}:{}:{}: {what} [{}]: {}",
                n.line, n.column, n.rule, n.message
            ));
            match (n.action, &n.replacement) {
                (Action::Review, Some(r)) => {
                    out.push_str(&format!("\n    suggested fix: `{}` → `{r}`", n.text));
                    for a in &n.alternatives {
                        out.push_str(&format!(" (or `{a}`)"));
                    }
                }
                (Action::Review, None) => out.push_str("\n    no fix is known: edit by hand"),
                _ => {}
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "{input}: read as {}; {} dropped, {} repaired, {} to review\n",
            self.encoding.name(),
            self.count(Action::Dropped),
            self.count(Action::Repaired),
            self.count(Action::Review),
        ));
        out
    }
}
