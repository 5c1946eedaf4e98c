//! The rulebook's violations ([`crate::rules`]) as findings, at the field
//! the YAML writes: each format's rules (§10), the seal fields (§7.3.5),
//! and characters no font has (§5.2.2). What stops a writer is an error
//! here, in the words the writer uses.

use super::Context;
use crate::check::{Finding, Severity};
use crate::error::Pos;
use crate::load;
use crate::rules;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    // A document the model rejects is the schema rule's finding.
    let Ok(doc) = load::deserialize(cx.source) else {
        return;
    };
    let mut violations = rules::violations(&doc);
    violations.extend(rules::glyphs::violations(&doc, cx.fonts));
    for v in violations {
        let pos = cx
            .index
            .locate(&v.field, v.ch)
            .or_else(|| cx.index.locate(v.or_at?, None))
            .unwrap_or(Pos { line: 1, column: 1 });
        let severity = match v.severity {
            rules::Severity::Refused | rules::Severity::Unprintable | rules::Severity::Error => {
                Severity::Error
            }
            rules::Severity::Warning => Severity::Warning,
        };
        let mut finding = Finding::new(v.rule, v.clause, severity, &v.field, pos, v.message);
        if let Some(s) = v.suggestion {
            finding = finding.suggest(s);
        }
        out.push(finding);
    }
}
