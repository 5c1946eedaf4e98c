//! The rulebook: what the standard and the 条例 let a document's fields
//! hold, each rule written once, with its clause and how serious it is.
//!
//! Everything that reads a document asks here: [`crate::load`] refuses a
//! document on its first [`Severity::Refused`] violation (no writer takes
//! it), the composition on its first [`Severity::Unprintable`] one (`gen
//! pdf` and `gen docx` stop; `gen html`, which places no seals and sets no
//! pages, still writes its page), and `gen check` reports every violation
//! as a finding at the field the YAML writes. So whatever a writer refuses
//! for what the YAML says, `gen check` reports first, at the same field,
//! in the same words.

pub mod formats;
pub mod glyphs;
pub mod seals;

use crate::model::Document;

/// How serious a violation is, and who stops on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// No writer takes the document: it is refused when it is read.
    Refused,
    /// The composition refuses it: `gen pdf` and `gen docx` stop.
    Unprintable,
    /// Breaks a rule of the standard or the 条例; the writers still set it.
    Error,
    /// Likely wrong; a person should look.
    Warning,
}

/// One rule a document breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// The rule's name in `gen check`'s report, e.g. `order-format`.
    pub rule: &'static str,
    /// Where the requirement is written, e.g. `GB/T 9704-2012 §10.2`.
    pub clause: &'static str,
    pub severity: Severity,
    /// The field the violation is about, as the YAML writes it, e.g.
    /// `classification.period` or `body[2].heading`.
    pub field: String,
    /// Where to point when `field` is not written: the field that asks for
    /// it (`format`, for a field the format needs).
    pub or_at: Option<&'static str>,
    /// The character the violation is about, pointed at inside the field.
    pub ch: Option<char>,
    pub message: String,
    pub suggestion: Option<String>,
}

impl Violation {
    pub(crate) fn new(
        rule: &'static str,
        clause: &'static str,
        severity: Severity,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Violation {
            rule,
            clause,
            severity,
            field: field.into(),
            or_at: None,
            ch: None,
            message: message.into(),
            suggestion: None,
        }
    }

    pub(crate) fn or_at(mut self, field: &'static str) -> Self {
        self.or_at = Some(field);
        self
    }

    pub(crate) fn suggest(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }
}

/// Every rule `doc` breaks that needs no fonts (those are
/// [`glyphs::violations`]), in the order the writers meet them.
pub fn violations(doc: &Document) -> Vec<Violation> {
    let mut out = formats::violations(doc);
    out.extend(seals::violations(doc));
    out
}

/// The first violation of `severity` among `violations`.
pub fn first(violations: Vec<Violation>, severity: Severity) -> Option<Violation> {
    violations.into_iter().find(|v| v.severity == severity)
}
