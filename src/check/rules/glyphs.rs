//! Characters no font has (GB/T 9704-2012 §5.2.2 sets each element in a
//! named typeface): a character missing from every font of its role would
//! stop `gen pdf`, or print as a blank box elsewhere.

use super::{Context, role, texts};
use crate::check::{Finding, Severity};

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (node, text, place) in texts(cx.index) {
        let role = role(&node.path, place);
        let mut seen: Vec<char> = Vec::new();
        for (k, ch) in text.chars().enumerate() {
            if seen.contains(&ch) || cx.fonts.covers(role, ch) {
                continue;
            }
            seen.push(ch);
            out.push(
                Finding::new(
                    "missing-glyph",
                    "GB/T 9704-2012 §5.2.2",
                    Severity::Error,
                    &node.path,
                    cx.index.pos_in(node, k),
                    format!(
                        "no font has `{ch}` (U+{:04X}) for {} text; `gen pdf` cannot set it",
                        ch as u32,
                        role.typeface()
                    ),
                )
                .suggest("replace the character, or add a font that has it with --font-dir"),
            );
        }
    }
}
