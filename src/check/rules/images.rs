//! The images a document names (印章 §7.3.5.1, 签名章 §7.3.5.3) must be
//! usable: found next to the document, inside its folder tree, a PNG or a
//! self-contained SVG. `gen pdf` and `gen docx` refuse the document
//! otherwise; the lint says so first, at the field.

use super::Context;
use crate::assets::Assets;
use crate::check::{Finding, Severity};
use crate::error::{Error, Pos};
use crate::load;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    // A document that does not load is the schema rule's finding.
    let Ok(doc) = load::parse(cx.source) else {
        return;
    };
    let Err(Error::Image {
        pos,
        field,
        image,
        message,
        ..
    }) = Assets::load(&doc, cx.source, cx.asset_root)
    else {
        return;
    };
    let clause = if field.starts_with("signature_seal") {
        "GB/T 9704-2012 §7.3.5.3"
    } else {
        "GB/T 9704-2012 §7.3.5.1"
    };
    out.push(Finding::new(
        "seal-image",
        clause,
        Severity::Error,
        &field,
        pos.unwrap_or(Pos { line: 1, column: 1 }),
        format!("{image}: {message}; gen pdf and gen docx refuse the document"),
    ));
}
