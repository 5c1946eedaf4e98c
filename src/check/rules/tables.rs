//! Tables (GB/T 9704-2012 §8): every row must fill the table's columns,
//! counting the cells that span columns and the ones spanning rows from
//! above; a row that does not cannot be typeset. A column too narrow for a
//! token of its cells (a number, a date, a code) is a warning: the writers
//! widen it rather than split the token.

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
            narrow_columns(cx, &path, &table, doc.table_size.points(), out);
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

/// A column narrower than the widest token of its cells, as given by the
/// author's `width`s or computed.
fn narrow_columns(
    cx: &Context,
    path: &str,
    table: &crate::model::table::Table,
    size: f64,
    out: &mut Vec<Finding>,
) {
    let composed = crate::compose::table::compose(table, path, size, cx.fonts);
    for n in &composed.narrow {
        let field = if table.columns.len() > n.col {
            format!("{path}.columns[{}]", n.col)
        } else {
            path.to_string()
        };
        let pos = cx
            .index
            .get(&field)
            .or_else(|| cx.index.get(path))
            .map_or(crate::error::Pos { line: 1, column: 1 }, |node| {
                cx.index.start(node)
            });
        let mm = |pt: f64| pt / crate::geometry::mm(1.0);
        out.push(Finding::new(
            "table-column-width",
            "GB/T 9704-2012 §8",
            Severity::Warning,
            &field,
            pos,
            format!(
                "column {} is {:.1} mm wide, too narrow for \"{}\" ({:.1} mm with its insets): \
                 it is widened (from the widest columns) rather than split; give it a larger width",
                n.col + 1,
                mm(n.width),
                n.token,
                mm(n.least)
            ),
        ));
    }
}
