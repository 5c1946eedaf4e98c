//! Tables (GB/T 9704-2012 §8): every row must fill the table's columns,
//! counting the cells that span columns and the ones spanning rows from
//! above; a row that does not cannot be typeset.

use super::Context;
use crate::check::{Finding, Severity};
use crate::load;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    // The model without the table check (which would stop at the first).
    let Ok(doc) = load::parse_model(cx.source) else {
        return;
    };
    for (path, table) in doc.tables() {
        let Err(p) = table.layout() else {
            continue;
        };
        let field = format!("{path}.{}", p.field);
        let pos = cx
            .index
            .get(&field)
            .or_else(|| cx.index.get(&path))
            .map_or(crate::error::Pos { line: 1, column: 1 }, |n| {
                cx.index.start(n)
            });
        out.push(Finding::new(
            "table-cells",
            "GB/T 9704-2012 §8",
            Severity::Error,
            &field,
            pos,
            p.message,
        ));
    }
}
