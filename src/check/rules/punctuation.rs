//! Half-width punctuation in Chinese text (GB/T 9704-2012 §9 and 条例
//! 第十一条: punctuation as GB/T 15834 writes it, full-width in Chinese).

use super::{Context, Place, texts};
use crate::check::{Finding, Severity};
use crate::text::punct;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (node, text, place) in texts(cx.index) {
        if place == Place::DocNumber {
            continue;
        }
        for c in punct::changes(text) {
            out.push(
                Finding::new(
                    "punctuation",
                    "GB/T 9704-2012 §9 (GB/T 15834)",
                    Severity::Warning,
                    &node.path,
                    cx.index.pos_in(node, c.index),
                    format!(
                        "half-width `{}` (U+{:04X}) in Chinese text",
                        c.from, c.from as u32
                    ),
                )
                .suggest(format!("{} (U+{:04X})", c.to, c.to as u32)),
            );
        }
    }
}
