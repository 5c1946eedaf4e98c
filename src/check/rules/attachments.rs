//! 附件说明 against the attachments (GB/T 9704-2012 §7.3.4, §7.3.7): the
//! names take no punctuation at their end and no number (gongwen numbers
//! them: `附件：1.…`), and every 附件N the 正文 refers to must be listed.

use super::{Context, Place, texts};
use crate::check::{Finding, Severity};
use crate::model::title_as_name;
use crate::spans::Node;
use crate::text::marker;

const CLAUSE: &str = "GB/T 9704-2012 §7.3.4";
const END_MARKS: &str = "。，、；：？！,.;:?!";

/// Numbers the 正文 refers to as 附件N (`见附件2`, `附件1`); 0 for a bare `见附件`.
fn references(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        if chars[i] == '附' && chars[i + 1] == '件' {
            let digits: String = chars[i + 2..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let cn: String = chars[i + 2..]
                .iter()
                .take_while(|c| "一二三四五六七八九十".contains(**c))
                .collect();
            let n = digits.parse().ok().or_else(|| marker::chinese_value(&cn));
            let bare_ref = i > 0 && "见详如按".contains(chars[i - 1]);
            match n {
                Some(n) => out.push((i, n)),
                None if bare_ref => out.push((i, 0)),
                None => {}
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

/// The attachments' names as the 附件说明 lists them, with their nodes: a
/// plain entry's text, or an entry's `name` (if written) else its `title`.
fn names<'a>(cx: &'a Context) -> Vec<(&'a Node, String)> {
    let mut out = Vec::new();
    for i in 0.. {
        let entry = format!("attachments[{i}]");
        let Some(node) = cx.index.get(&entry) else {
            break;
        };
        let field = |f: &str| cx.index.get(&format!("{entry}.{f}"));
        let named = match node.text() {
            Some(text) => Some((node, text.to_string())),
            None => field("name")
                .or_else(|| field("title"))
                .and_then(|n| Some((n, title_as_name(n.text()?)))),
        };
        out.extend(named);
    }
    out
}

/// An attachment's `name` that is not its title (§7.3.7: the attachment's
/// title and the 附件说明 must say the same).
fn check_titles(cx: &Context, out: &mut Vec<Finding>) {
    for i in 0.. {
        let entry = format!("attachments[{i}]");
        if cx.index.get(&entry).is_none() {
            break;
        }
        let text = |f: &str| {
            let node = cx.index.get(&format!("{entry}.{f}"))?;
            Some((node, node.text()?.trim()))
        };
        let (Some((node, name)), Some((_, title))) = (text("name"), text("title")) else {
            continue;
        };
        let title = title_as_name(title);
        if name != title {
            out.push(
                Finding::new(
                    "attachment-title",
                    "GB/T 9704-2012 §7.3.7",
                    Severity::Error,
                    &node.path,
                    cx.index.start(node),
                    format!(
                        "the 附件说明 names this attachment `{name}` but its title is `{title}`; they must be the same"
                    ),
                )
                .suggest(title),
            );
        }
    }
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_titles(cx, out);
    let names = names(cx);
    let names: Vec<(&Node, &str)> = names.iter().map(|(n, s)| (*n, s.as_str())).collect();
    for (i, (node, name)) in names.iter().enumerate() {
        let trimmed = name.trim();
        // The name as the 附件说明 wants it: no number, no end punctuation.
        let bare = match marker::parse(trimmed).filter(|m| m.level >= 3) {
            Some(m) => trimmed.chars().skip(m.len).collect::<String>(),
            None => trimmed
                .strip_prefix("附件")
                .map(|r| {
                    r.trim_start_matches(|c: char| c.is_ascii_digit() || "：:.．、 ".contains(c))
                })
                .unwrap_or(trimmed)
                .to_string(),
        };
        let bare = bare
            .trim()
            .trim_end_matches(|c| END_MARKS.contains(c))
            .to_string();
        if let Some(m) = marker::parse(trimmed).filter(|m| m.level >= 3) {
            out.push(
                Finding::new(
                    "attachment-number",
                    CLAUSE,
                    Severity::Error,
                    &node.path,
                    cx.index.pos_in(node, 0),
                    format!("attachment name starts with the number `{}`; the 附件说明 numbers attachments itself", m.written(trimmed)),
                )
                .suggest(bare.clone()),
            );
        } else if trimmed.starts_with("附件") {
            out.push(
                Finding::new(
                    "attachment-number",
                    CLAUSE,
                    Severity::Error,
                    &node.path,
                    cx.index.pos_in(node, 0),
                    "attachment name starts with `附件`; the 附件说明 writes `附件：` itself"
                        .into(),
                )
                .suggest(bare.clone()),
            );
        }
        if let Some(last) = trimmed.chars().last().filter(|c| END_MARKS.contains(*c)) {
            out.push(
                Finding::new(
                    "attachment-punctuation",
                    CLAUSE,
                    Severity::Warning,
                    &node.path,
                    cx.index.pos_in(node, trimmed.chars().count() - 1),
                    format!("attachment name ends in `{last}`; no punctuation follows an attachment's name"),
                )
                .suggest(bare.clone()),
            );
        }
        if names[..i].iter().any(|(_, other)| other.trim() == trimmed) {
            out.push(Finding::new(
                "attachment-duplicate",
                CLAUSE,
                Severity::Warning,
                &node.path,
                cx.index.start(node),
                format!("attachment `{trimmed}` is listed twice"),
            ));
        }
    }
    let count = names.len();
    for (node, text, place) in texts(cx.index) {
        if !matches!(place, Place::Body | Place::Heading(_)) {
            continue;
        }
        for (at, n) in references(text) {
            let message = if count == 0 {
                if n == 0 {
                    "the 正文 refers to an attachment (附件) but the document lists none (`attachments:`)".to_string()
                } else {
                    format!(
                        "the 正文 refers to 附件{n} but the document lists no attachments (`attachments:`)"
                    )
                }
            } else if n > count {
                format!("the 正文 refers to 附件{n} but the 附件说明 lists {count}")
            } else {
                continue;
            };
            out.push(Finding::new(
                "attachment-reference",
                "GB/T 9704-2012 §7.3.4, §7.3.7",
                Severity::Error,
                &node.path,
                cx.index.pos_in(node, at),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references() {
        assert_eq!(references("详见附件2和附件三。"), [(2, 2), (6, 3)]);
        assert_eq!(references("见附件。"), [(1, 0)]);
        assert!(references("附件说明略").is_empty());
    }
}
