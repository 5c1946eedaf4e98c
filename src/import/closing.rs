//! The end of a document: 附件说明 (§7.3.4), 发文机关署名 (§7.3.5), 成文日期
//! (§7.3.5.4) and 附注 (§7.3.6). Found from the bottom up; a right-aligned
//! 署名 or date (leading spaces) reads the same as a flush one.

use crate::date::Date;
use crate::text::punct::is_space;

use super::date_line::{DateLine, date_line};
use super::report::{Action, Note};
use super::{Line, clean::clean};

/// What the end of a document holds.
#[derive(Debug, Default)]
pub struct Closing {
    pub attachments: Vec<String>,
    pub issuer: Vec<String>,
    pub date: Option<Date>,
    pub note: Option<String>,
    /// Whether a line was read as the 成文日期 (even a damaged one).
    pub date_line: bool,
    /// 抄送机关 (§7.4.2).
    pub cc: Vec<String>,
    /// 印发机关和印发日期 (§7.4.3).
    pub printing: Option<(String, Date)>,
    /// 出席、请假、列席 (§10.3): each label with its entries.
    pub attendance: Vec<(&'static str, Vec<String>)>,
}

/// `出席：甲、乙　丙` — an attendance list of a 纪要 (§10.3): its label and
/// entries (an ideographic space between a unit and a name read as one
/// space, as the YAML writes it).
pub fn attendance_line(text: &str) -> Option<(&'static str, Vec<String>)> {
    let label = ["出席", "请假", "列席"]
        .into_iter()
        .find(|l| text.starts_with(l))?;
    let rest = text[label.len()..]
        .trim_start_matches(is_space)
        .strip_prefix(['：', ':'])?;
    let entries: Vec<String> = rest
        .trim_end_matches('。')
        .split(['、', '，'])
        .map(|e| {
            e.trim_matches(is_space)
                .split(is_space)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|e| !e.is_empty())
        .collect();
    (!entries.is_empty()).then_some((label, entries))
}

/// A line that can be a 署名: short, Chinese, no sentence punctuation.
fn is_signature(text: &str) -> bool {
    let n = text.chars().count();
    (2..=30).contains(&n)
        && text.chars().any(crate::text::punct::is_han)
        && !text.contains([
            '，', '、', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?',
        ])
        && crate::text::marker::parse(text).is_none()
        && !text.starts_with("附件")
        && !text.starts_with("特此")
        && !text.contains("此页无正文")
        && date_line(text).is_none()
}

fn wrapped_in_parens(text: &str) -> Option<&str> {
    let inner = text.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    (!inner.is_empty() && !inner.contains(['（', '(', '）', ')'])).then_some(inner)
}

fn attachment_item(text: &str) -> Option<&str> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &text[digits..];
    let rest = rest.strip_prefix(['.', '．', '、'])?;
    let rest = rest.trim_start_matches(is_space);
    (!rest.is_empty()).then_some(rest)
}

/// A 署名 line: reads as one, or is a short right-aligned Word paragraph.
fn signs(line: &Line) -> bool {
    let t = line.content.as_str();
    is_signature(t)
        || (line.hints.align == super::Align::Right
            && t.chars().count() <= 40
            && !t.contains(['。', '、', '；', '：', ':'])
            && date_line(t).is_none())
}

/// The 附件说明 that ends `lines[..end]`: `附件：1.名称` and the numbered
/// names under it (an item may start with a year: `1.2021年…`). Moves `end`
/// above it.
fn attachments(lines: &[Line], end: &mut usize, notes: &mut Vec<Note>) -> Vec<String> {
    let mut items = Vec::new();
    let mut k = *end;
    while k > 0
        && attachment_item(&lines[k - 1].content).is_some()
        && !lines[k - 1].content.starts_with("附件")
    {
        k -= 1;
    }
    // `附件：` alone, its one attachment's title unnumbered on the line
    // under it (as a web page's text gives the 附件说明).
    if k == *end
        && k >= 2
        && lines[k - 2]
            .content
            .strip_prefix("附件")
            .map(|r| r.trim_matches(is_space))
            .is_some_and(|r| r == "：" || r == ":")
        && !lines[k - 1].content.ends_with(['。', '；', '：', ':'])
        && lines[k - 1].content.chars().count() <= 80
    {
        k -= 1;
    }
    if k > 0 {
        let head = &lines[k - 1].content;
        if let Some(rest) = head
            .strip_prefix("附件")
            .and_then(|r| r.trim_start_matches(is_space).strip_prefix(['：', ':']))
        {
            let rest = rest.trim_start_matches(is_space);
            let offset = head.chars().count() - rest.chars().count();
            let first = attachment_item(rest).unwrap_or(rest);
            let first_offset = offset + rest.chars().count() - first.chars().count();
            if !first.is_empty() {
                items.push((k - 1, first_offset, first.to_string()));
            }
            for (i, line) in lines.iter().enumerate().take(*end).skip(k) {
                let text = attachment_item(&line.content).unwrap_or(&line.content);
                let off = line.content.chars().count() - text.chars().count();
                items.push((i, off, text.to_string()));
            }
            *end = k - 1;
        }
    }
    items
        .into_iter()
        .map(|(i, offset, text)| {
            let name = clean(&lines[i], offset, &text, notes);
            without_extension(&lines[i], name, notes)
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// An attachment's name without the file extension a page's download link
/// gives it (`方案.doc`), reported.
fn without_extension(line: &Line, name: String, notes: &mut Vec<Note>) -> String {
    let lower = name.to_lowercase();
    let Some(ext) = super::chrome::FILE_EXTENSIONS
        .iter()
        .find(|e| lower.ends_with(*e) && lower.len() > e.len())
    else {
        return name;
    };
    let stem = name[..name.len() - ext.len()].to_string();
    let at = line.content.chars().count() - ext.chars().count();
    notes.push(Note {
        line: line.number,
        column: line.column(at),
        end_column: line.column(at + ext.chars().count()),
        action: Action::Repaired,
        rule: "attachment",
        text: name[stem.len()..].to_string(),
        message: format!(
            "the file extension `{}` of a download link left out of the attachment's name",
            &name[stem.len()..]
        ),
        replacement: Some(String::new()),
        alternatives: Vec::new(),
    });
    stem
}

/// Takes the closing elements off the end of `lines` (the document's lines
/// after the title), leaving the 正文.
/// The 版记 (§7.4) off the end of `lines`: 抄送机关 and 印发机关和印发日期,
/// as a [`Closing`] with only those set. It ends the document, after any
/// attachment printed after the 正文.
pub fn take_record(lines: &mut Vec<Line>, notes: &mut Vec<Note>) -> Closing {
    let mut closing = Closing::default();
    let mut end = lines.len();
    // The 版记 ends the document: 抄送, then 印发机关和印发日期.
    if end > 0
        && let Some(p) = super::frame::printing(&lines[end - 1])
    {
        notes.push(super::frame::read_as(
            &lines[end - 1],
            "印发机关和印发日期",
            "§7.4.3",
        ));
        closing.printing = Some(p);
        end -= 1;
    } else if end > 1
        && let Some(p) = printing_over_two_lines(&lines[end - 2], &lines[end - 1])
    {
        // The organ on a line of its own, the date with `印发` under it
        // (the 版记's row as a web page's text gives it).
        notes.push(super::frame::read_as(
            &lines[end - 2],
            "印发机关和印发日期",
            "§7.4.3",
        ));
        closing.printing = Some(p);
        end -= 2;
    }
    // The 抄送 line, and the lines its list runs on to (a list wrapped
    // over the 版记's rows ends only at its `。`).
    let cc_at = (end.saturating_sub(4)..end).rev().find(|&j| {
        lines[j].content.starts_with("抄送")
            && lines[j + 1..end]
                .iter()
                .all(|l| !l.content.contains(['：', ':']) && l.content.chars().count() <= 60)
            && (j + 1 == end || !lines[j].content.ends_with(['。', '.']))
    });
    if let Some(j) = cc_at {
        let mut joined = lines[j].clone();
        for l in &lines[j + 1..end] {
            let at = joined.content.chars().count();
            joined.joins.push(super::Join {
                at,
                number: l.number,
                lead: l.lead,
            });
            joined.content.push_str(&l.content);
        }
        if let Some(c) = super::frame::cc(&joined, notes) {
            notes.push(super::frame::read_as(&joined, "抄送机关", "§7.4.2"));
            closing.cc = c;
            end = j;
        }
    }
    // 附注 after the date: `（此件公开发布）`.
    lines.truncate(end);
    closing
}

/// 印发机关和印发日期 over two lines: an organ's name alone, then
/// `2021年3月5日印发`.
fn printing_over_two_lines(organ: &Line, date: &Line) -> Option<(String, Date)> {
    let d = date.content.strip_suffix("印发")?;
    if !matches!(
        date_line(d.trim_matches(crate::text::punct::is_space)),
        Some(DateLine::Exact(_) | DateLine::Variant(_))
    ) || organ.content.chars().count() > 30
        || organ.content.contains(['：', ':', '。', '，', '、'])
        || date_line(&organ.content).is_some()
    {
        return None;
    }
    let mut both = date.clone();
    both.content = format!("{}\u{3000}{}", organ.content, date.content);
    super::frame::printing(&both)
}

/// Takes the closing off the end of `lines`: the 版记 (see
/// [`take_record`]), the 附注, 成文日期, 署名, attendance lists and 附件说明.
pub fn take(lines: &mut Vec<Line>, notes: &mut Vec<Note>) -> Closing {
    let mut closing = take_record(lines, notes);
    let mut end = lines.len();
    let mut note_line = None;
    if end >= 2
        && wrapped_in_parens(&lines[end - 1].content).is_some()
        && date_line(&lines[end - 2].content).is_some()
    {
        note_line = Some(end - 1);
        end -= 1;
    }
    let Some(reading) = end
        .checked_sub(1)
        .and_then(|i| date_line(&lines[i].content))
    else {
        // No date: a 附件说明 can still end the text.
        closing.attachments = attachments(lines, &mut end, notes);
        lines.truncate(end);
        return closing;
    };
    let dl = &lines[end - 1];
    closing.date_line = true;
    let whole = |action, rule, message: String, replacement: Option<String>, alternatives| Note {
        line: dl.number,
        column: dl.column(0),
        end_column: dl.column(dl.content.chars().count()),
        action,
        rule,
        text: dl.content.clone(),
        message,
        replacement,
        alternatives,
    };
    match reading {
        DateLine::Exact(d) => closing.date = Some(d),
        DateLine::Variant(d) => {
            closing.date = Some(d);
            notes.push(whole(
                Action::Repaired,
                "date",
                format!("成文日期 read as {d} (GB/T 9704-2012 §7.3.5.4 writes it in Arabic numerals with 年月日)"),
                Some(d.to_string()),
                Vec::new(),
            ));
        }
        DateLine::Damaged(dates) => match dates.as_slice() {
            [d] => {
                closing.date = Some(*d);
                notes.push(whole(
                    Action::Review,
                    "date",
                    format!("成文日期 `{}` lost its 年/月/日; it reads only as {d}, which the document now has", dl.content),
                    Some(d.to_string()),
                    Vec::new(),
                ));
            }
            [] => notes.push(whole(
                Action::Review,
                "date",
                format!("`{}` stands where the 成文日期 goes but is no date in the calendar", dl.content),
                None,
                Vec::new(),
            )),
            many => notes.push(whole(
                Action::Review,
                "date",
                format!("成文日期 `{}` lost its 年/月/日 and reads {} ways; the document has no date until one is chosen", dl.content, many.len()),
                Some(many[0].to_string()),
                many[1..].iter().map(ToString::to_string).collect(),
            )),
        },
    }
    end -= 1;
    // 署名: the short lines right above the date.
    let mut signers = Vec::new();
    while end > 0 && signers.len() < 4 && signs(&lines[end - 1]) {
        signers.push(end - 1);
        end -= 1;
    }
    signers.reverse();
    // 出席、请假、列席 (§10.3) closing a 纪要's 正文, above its 署名.
    // Each list may run over several lines, each but its last ending in
    // the `、` between entries.
    let mut attendance = Vec::new();
    while let Some(j) = (end.saturating_sub(12)..end)
        .rev()
        .find(|&j| attendance_line(&lines[j].content).is_some())
    {
        if !lines[j..end - 1].iter().all(|l| l.content.ends_with('、')) {
            break;
        }
        let text: String = lines[j..end].iter().map(|l| l.content.as_str()).collect();
        let Some(a) = attendance_line(&text) else {
            break;
        };
        notes.push(super::frame::read_as(&lines[j], a.0, "§10.3"));
        attendance.push(a);
        end = j;
    }
    attendance.reverse();
    closing.attendance = attendance;
    closing.attachments = attachments(lines, &mut end, notes);
    for i in signers {
        let l = &lines[i];
        let name = clean(l, 0, &l.content.clone(), notes);
        // Joint 署名 side by side on one line (over their seals): names
        // apart by spaces, each an organ's.
        let parts: Vec<&str> = name.split(is_space).filter(|p| !p.is_empty()).collect();
        if parts.len() > 1
            && parts
                .iter()
                .all(|p| p.chars().count() >= 4 && p.chars().all(crate::text::punct::is_han))
        {
            closing.issuer.extend(parts.iter().map(|p| p.to_string()));
        } else {
            closing.issuer.push(name);
        }
    }
    if let Some(i) = note_line {
        let l = &lines[i];
        let inner = wrapped_in_parens(&l.content)
            .unwrap_or_default()
            .to_string();
        let note = clean(l, 1, &inner, notes);
        closing.note = Some(note);
    }
    lines.truncate(end);
    closing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn lines(texts: &[&str]) -> Vec<Line> {
        Line::numbered(texts)
    }

    #[test]
    fn takes_signature_date_note_and_attachments() {
        let mut ls = lines(&[
            "正文。",
            "附件:1.实施方案",
            "2.任务分解表",
            "某某市人民政府",
            "2020年1月2日",
            "(此件公开发布)",
        ]);
        let mut notes = Vec::new();
        let c = take(&mut ls, &mut notes);
        assert_eq!(c.date, Some(d(2020, 1, 2)));
        assert_eq!(c.issuer, ["某某市人民政府"]);
        assert_eq!(c.attachments, ["实施方案", "任务分解表"]);
        assert_eq!(c.note.as_deref(), Some("此件公开发布"));
        assert_eq!(ls.len(), 1);
        // A download link's file extension is no part of the name.
        let mut ls = lines(&[
            "正文。",
            "附件：1.检查方案.docx",
            "2.汇总表.XLS",
            "某局",
            "2022年4月1日",
        ]);
        let c = take(&mut ls, &mut notes);
        assert_eq!(c.attachments, ["检查方案", "汇总表"]);
    }

    #[test]
    fn no_date_no_closing() {
        let mut ls = lines(&["正文。", "某某市人民政府"]);
        let c = take(&mut ls, &mut Vec::new());
        assert!(c.issuer.is_empty() && c.date.is_none());
        assert_eq!(ls.len(), 2);
    }
}
