//! The document must fit the model (条例 第九条 names its elements): what
//! `gen pdf` would reject on loading is a finding too, unless another rule
//! already reported the same place.

use super::Context;
use crate::check::{Finding, Severity};
use crate::error::Error;
use crate::load;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Err(Error::Invalid { pos, message, .. }) = load::parse(cx.source) else {
        return;
    };
    let pos = pos.unwrap_or(crate::error::Pos { line: 1, column: 1 });
    if out
        .iter()
        .any(|f| f.severity == Severity::Error && f.line == pos.line)
    {
        return;
    }
    let (path, message) = match message.split_once(": ") {
        Some((p, m)) if !p.contains(' ') => (p.to_string(), m.to_string()),
        _ => (String::new(), message),
    };
    out.push(Finding::new(
        "schema",
        "条例 第九条",
        Severity::Error,
        &path,
        pos,
        format!("the document does not load: {message}"),
    ));
}
