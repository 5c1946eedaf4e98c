//! Heading numbers written by hand (GB/T 9704-2012 §7.3.3). gongwen
//! numbers sections from their structure, so a number typed into a
//! `heading` prints twice; and numbers typed at the start of plain
//! paragraphs must run without gaps or repeats.

use std::collections::HashMap;

use super::{Context, Place, texts};
use crate::check::{Finding, Severity};
use crate::numbering;
use crate::text::marker;

const CLAUSE: &str = "GB/T 9704-2012 §7.3.3";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    // (parent list, level) → last number written.
    let mut last: HashMap<(String, usize), usize> = HashMap::new();
    for (node, text, place) in texts(cx.index) {
        let Some(m) = marker::parse(text) else {
            continue;
        };
        let written = m.written(text);
        let pos = cx.index.pos_in(node, 0);
        match place {
            Place::Heading(depth) => {
                let rest: String = text.chars().skip(m.len).collect();
                out.push(
                    Finding::new(
                        "hand-numbered-heading",
                        CLAUSE,
                        Severity::Error,
                        &node.path,
                        pos,
                        format!(
                            "heading starts with the number `{written}`, but gongwen numbers headings from their \
                             structure (a heading at this depth prints as {}, {} …): it would be numbered twice",
                            numbering::marker(depth, 1),
                            numbering::marker(depth, 2)
                        ),
                    )
                    .suggest(rest.trim().to_string()),
                );
            }
            Place::Body if node.path.ends_with(']') => {
                let parent = node
                    .path
                    .rsplit_once('[')
                    .map_or("", |(p, _)| p)
                    .to_string();
                let key = (parent, m.level);
                let prev = last.get(&key).copied().unwrap_or(0);
                let expected = prev + 1;
                if m.number != expected {
                    let want = numbering::marker(m.level, expected);
                    let what = if m.number == prev {
                        "repeats the number before it"
                    } else {
                        "breaks the sequence"
                    };
                    out.push(
                        Finding::new(
                            "numbering",
                            CLAUSE,
                            Severity::Warning,
                            &node.path,
                            pos,
                            format!(
                                "paragraph numbered `{written}` by hand {what}: {want} comes next"
                            ),
                        )
                        .suggest(want),
                    );
                }
                last.insert(key, m.number);
            }
            _ => {}
        }
    }
}
