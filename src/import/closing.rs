//! The end of a document: 附件说明 (§7.3.4), 发文机关署名 (§7.3.5), 成文日期
//! (§7.3.5.4) and 附注 (§7.3.6). Found from the bottom up; a right-aligned
//! 署名 or date (leading spaces) reads the same as a flush one.

use crate::date::Date;

use super::damage::month_day_splits;
use super::marker::chinese_value;
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
}

/// How a date line reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateLine {
    /// `2019年8月14日`.
    Exact(Date),
    /// Another certain form (`2019-08-14`, `二〇一九年八月十四日`).
    Variant(Date),
    /// Digits that lost 年/月/日; the dates they can be (maybe none).
    Damaged(Vec<Date>),
}

fn cn_year_digit(c: char) -> Option<u16> {
    match c {
        '〇' | '○' | '零' | 'O' | '０' => Some(0),
        _ => "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u16),
    }
}

/// Reads a line that holds only a date.
pub fn date_line(text: &str) -> Option<DateLine> {
    let t: String = text
        .chars()
        .filter(|c| !super::chrome::is_space(*c))
        .collect();
    if t.is_empty() || t.chars().count() > 16 {
        return None;
    }
    // 二〇一九年八月十四日
    if let Some((y, rest)) = t.split_once('年')
        && y.chars().count() == 4
        && let Some(year) = y
            .chars()
            .map(cn_year_digit)
            .try_fold(0u16, |acc, d| d.map(|d| acc * 10 + d))
        && let Some((m, rest)) = rest.split_once('月')
        && let Some(d) = rest.strip_suffix('日')
        && let (Some(m), Some(d)) = (chinese_value(m), chinese_value(d))
    {
        return Date::new(year, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
            .ok()
            .map(DateLine::Variant);
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || "年月日-./".contains(c))
        || !t.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let parts: Vec<&str> = t
        .split(['年', '月', '日', '-', '.', '/'])
        .filter(|s| !s.is_empty())
        .collect();
    let seps = t.chars().filter(|c| !c.is_ascii_digit()).count();
    let num = |s: &str| s.parse::<u16>().ok();
    if parts.len() == 3 && parts[0].len() == 4 {
        let (y, m, d) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
        let date = Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok();
        let exact = t == format!("{y}年{m}月{d}日");
        return Some(match date {
            Some(date) if exact => DateLine::Exact(date),
            Some(date) if seps >= 2 && !t.contains('年') => DateLine::Variant(date),
            Some(date) => DateLine::Damaged(vec![date]),
            None => DateLine::Damaged(Vec::new()),
        });
    }
    // Digits run together: a year, then a month and day to be told apart.
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if !(6..=8).contains(&digits.len()) {
        return None;
    }
    let year = num(&digits[..4]).filter(|y| (1900..=2099).contains(y))?;
    let month_written = t.split_once('月').map(|(before, _)| {
        before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    });
    let dates = month_day_splits(&digits[4..], Some(year))
        .into_iter()
        .filter(|(m, _)| {
            month_written
                .as_ref()
                .is_none_or(|w| w.chars().rev().collect::<String>() == m.to_string())
        })
        .filter_map(|(m, d)| Date::new(year, m, d).ok())
        .collect();
    Some(DateLine::Damaged(dates))
}

/// A line that can be a 署名: short, Chinese, no sentence punctuation.
fn is_signature(text: &str) -> bool {
    let n = text.chars().count();
    (2..=30).contains(&n)
        && text.chars().any(super::punct::is_han)
        && !text.contains(['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?'])
        && super::marker::parse(text).is_none()
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
    let rest = rest.trim_start_matches(super::chrome::is_space);
    (!rest.is_empty()).then_some(rest)
}

/// A 署名 line: reads as one, or is a short right-aligned Word paragraph.
fn signs(line: &Line) -> bool {
    let t = line.content.as_str();
    is_signature(t)
        || (line.hints.align == super::Align::Right
            && t.chars().count() <= 40
            && !t.contains(['。', '；', '：', ':'])
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
    if k > 0 {
        let head = &lines[k - 1].content;
        if let Some(rest) = head.strip_prefix("附件").and_then(|r| {
            r.trim_start_matches(super::chrome::is_space)
                .strip_prefix(['：', ':'])
        }) {
            let rest = rest.trim_start_matches(super::chrome::is_space);
            let offset = head.chars().count() - rest.chars().count();
            let first = attachment_item(rest).unwrap_or(rest);
            let first_offset = offset + rest.chars().count() - first.chars().count();
            if !first.is_empty() {
                items.push((k - 1, first_offset, first.to_string()));
            }
            for (i, line) in lines.iter().enumerate().take(*end).skip(k) {
                let text = attachment_item(&line.content).unwrap_or_default();
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
pub fn take(lines: &mut Vec<Line>, notes: &mut Vec<Note>) -> Closing {
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
    }
    if end > 0
        && let Some(c) = super::frame::cc(&lines[end - 1], notes)
    {
        notes.push(super::frame::read_as(&lines[end - 1], "抄送机关", "§7.4.2"));
        closing.cc = c;
        end -= 1;
    }
    // 附注 after the date: `（此件公开发布）`.
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
    closing.attachments = attachments(lines, &mut end, notes);
    for i in signers {
        let l = &lines[i];
        let name = clean(l, 0, &l.content.clone(), notes);
        closing.issuer.push(name);
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

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line("2019年8月14日"),
            Some(DateLine::Exact(d(2019, 8, 14)))
        );
        assert_eq!(
            date_line("   2019年8月14日"),
            Some(DateLine::Exact(d(2019, 8, 14)))
        );
        assert_eq!(
            date_line("2019-08-14"),
            Some(DateLine::Variant(d(2019, 8, 14)))
        );
        assert_eq!(
            date_line("二〇一九年八月十四日"),
            Some(DateLine::Variant(d(2019, 8, 14)))
        );
        assert_eq!(
            date_line("2019814"),
            Some(DateLine::Damaged(vec![d(2019, 8, 14)]))
        );
        assert_eq!(
            date_line("2019115"),
            Some(DateLine::Damaged(vec![d(2019, 1, 15), d(2019, 11, 5)]))
        );
        assert_eq!(
            date_line("2019年11月5"),
            Some(DateLine::Damaged(vec![d(2019, 11, 5)]))
        );
        assert_eq!(date_line("2019年2月30日"), Some(DateLine::Damaged(vec![])));
        assert_eq!(date_line("中共大连市沙河口区委"), None);
        assert_eq!(date_line("84368824"), None);
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
