//! 附件 printed after the document (GB/T 9704-2012 §7.3.7): each starts
//! with `附件` or `附件N` alone on a line, its title under it, then its
//! body. They follow the document's closing (its 成文日期, 附注, 版记), so
//! a `附件` line counts only when a date line stands above it.

use crate::text::punct::is_space;

use super::Line;
use super::date_line::date_line;
use super::report::Note;

/// How far above the first `附件` line the closing's date may stand (the
/// 附注, the 版记's lines and blank-free furniture between).
const CLOSING_REACH: usize = 8;

/// `附件`, `附件1`, `附件 2`: an attachment's first line (§7.3.7).
fn heading(text: &str) -> bool {
    if !text.trim_start_matches(is_space).starts_with('附') {
        return false;
    }
    let t: String = text.chars().filter(|c| !is_space(*c)).collect();
    t.strip_prefix("附件")
        .is_some_and(|n| n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A title's next line: a soft-broken part of it, or a centred line that
/// reads as a title's continuation.
fn continues_title(l: &Line) -> bool {
    l.hints.continues && !l.content.ends_with(['。', '：', ':'])
}

/// Takes the attachments printed after the closing off the end of
/// `lines`: (title, body lines) each.
pub fn split(lines: &mut Vec<Line>, notes: &mut Vec<Note>) -> Vec<(String, Vec<Line>)> {
    let Some(first) = (1..lines.len().saturating_sub(1)).find(|&i| {
        heading(&lines[i].content)
            && lines[i.saturating_sub(CLOSING_REACH)..i]
                .iter()
                .any(|l| date_line(&l.content).is_some())
    }) else {
        return Vec::new();
    };
    let tail = lines.split_off(first);
    let mut starts: Vec<usize> = (0..tail.len())
        .filter(|&i| heading(&tail[i].content) && i + 1 < tail.len())
        .collect();
    starts.push(tail.len());
    let mut out = Vec::new();
    for w in starts.windows(2) {
        let (at, end) = (w[0], w[1]);
        notes.push(super::frame::read_as(
            &tail[at],
            "附件's first line",
            "§7.3.7",
        ));
        let mut k = at + 1;
        let mut title = String::new();
        if k < end {
            let l = &tail[k];
            title.push_str(&super::clean::clean(l, 0, &l.content, notes));
            k += 1;
            while k < end && continues_title(&tail[k]) {
                let l = &tail[k];
                title.push_str(&super::clean::clean(l, 0, &l.content, notes));
                k += 1;
            }
        }
        out.push((title, tail[k..end].to_vec()));
    }
    out
}
