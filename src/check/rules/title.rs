//! The 标题 (GB/T 9704-2012 §7.3.1): no punctuation at its end, and a
//! forced line break (a line feed in `title`) only between words, "回行时，
//! 要做到词意完整".

use super::Context;
use crate::check::{Finding, Severity};
use crate::compose::title::word_boundaries;

const CLAUSE: &str = "GB/T 9704-2012 §7.3.1";

/// Marks a title must not end with (书名号 and quotes may close it).
const END_MARKS: &str = "。，、；：？！,.;:?!…—";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(node) = cx.index.get("title") else {
        return;
    };
    let Some(title) = node.text() else { return };
    let trimmed = title.trim_end();
    if let Some(last) = trimmed.chars().last().filter(|c| END_MARKS.contains(*c)) {
        let k = trimmed.chars().count() - 1;
        out.push(
            Finding::new(
                "title-punctuation",
                CLAUSE,
                Severity::Warning,
                "title",
                cx.index.pos_in(node, k),
                format!("the title ends in `{last}`; a title takes no punctuation at its end"),
            )
            .suggest(
                trimmed
                    .trim_end_matches(|c| END_MARKS.contains(c))
                    .to_string(),
            ),
        );
    }
    if !title.trim().contains('\n') {
        return;
    }
    let lines: Vec<&str> = title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined: String = lines.concat();
    let chars: Vec<char> = joined.chars().collect();
    let bounds = word_boundaries(&joined);
    let mut at = 0;
    for (i, line) in lines.iter().enumerate().take(lines.len().saturating_sub(1)) {
        at += line.chars().count();
        if bounds.contains(&at) {
            continue;
        }
        let before = bounds.iter().rev().find(|&&b| b < at).copied().unwrap_or(0);
        let after = bounds
            .iter()
            .find(|&&b| b > at)
            .copied()
            .unwrap_or(chars.len());
        let word: String = chars[before..after].iter().collect();
        // The best break: the word boundary nearest this one.
        let nearest = bounds.iter().min_by_key(|&&b| b.abs_diff(at)).copied();
        // Position of the line's last character in the file.
        let k = title.find(line).map_or(0, |b| title[..b].chars().count())
            + line.chars().count().saturating_sub(1);
        let mut f = Finding::new(
            "title-break",
            CLAUSE,
            Severity::Warning,
            "title",
            cx.index.pos_in(node, k),
            format!(
                "line break {} of the title splits the word `{word}`; break between words",
                i + 1
            ),
        );
        if let Some(b) = nearest {
            f = f.suggest(format!(
                "break at `{}` / `{}`",
                chars[..b].iter().collect::<String>(),
                chars[b..].iter().collect::<String>()
            ));
        }
        out.push(f);
    }
}
