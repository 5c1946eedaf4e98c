//! The 版头 and 版记 as a draft types them: a 发文机关标志 (`××市人民政府文件`,
//! §7.2.4) and `签发人：…` (§7.2.6) above the title; `抄送：…` (§7.4.2) and
//! `××办公室  2021年3月5日印发` (§7.4.3) after the 成文日期 and 附注.

use crate::date::Date;
use crate::text::punct::is_space;

use super::date_line::{DateLine, date_line};
use super::report::{Action, Note};
use super::{Line, clean::clean};

/// The note that `line` was read as `element` (§`clause`).
pub fn read_as(line: &Line, element: &str, clause: &str) -> Note {
    Note {
        line: line.number,
        column: line.column(0),
        end_column: line.column(line.content.chars().count()),
        action: Action::Repaired,
        rule: "head-foot",
        text: line.content.clone(),
        message: format!(
            "`{}` read as the {element} (GB/T 9704-2012 {clause})",
            line.content
        ),
        replacement: None,
        alternatives: Vec::new(),
    }
}

/// A 发文机关标志: a short line ending in 文件 (or 通知 of a 纪要's 版头 is
/// not taken), no punctuation.
pub fn issuer_mark(line: &Line) -> Option<String> {
    let t = line.content.as_str();
    let n = t.chars().count();
    ((5..=30).contains(&n)
        && t.ends_with("文件")
        && !t.contains(['，', '。', '：', ':', '；', '、', ',']))
    .then(|| t.to_string())
}

/// `签发人：张三 李四` (names apart by spaces or 、), alone or after the
/// 发文字号 on its line: what is before it, and the names.
pub fn signers(line: &Line) -> Option<(String, Vec<String>)> {
    let (before, rest) = line.content.split_once("签发人")?;
    let rest = rest.trim_start().strip_prefix(['：', ':'])?;
    let names: Vec<String> = rest
        .split(|c: char| is_space(c) || "、，,".contains(c))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    (!names.is_empty() && names.iter().all(|n| n.chars().count() <= 8))
        .then(|| (before.trim_matches(is_space).to_string(), names))
}

/// `抄送：市委办公室，市人大常委会办公室。`: the 抄送机关.
pub fn cc(line: &Line, notes: &mut Vec<Note>) -> Option<Vec<String>> {
    let t = line.content.as_str();
    let rest = t.strip_prefix("抄送")?;
    let rest = rest
        .trim_start_matches(is_space)
        .strip_prefix(['：', ':'])?;
    let offset = t.chars().count() - rest.chars().count();
    let cleaned = clean(line, offset, rest, notes);
    let list: Vec<String> = cleaned
        .trim_end_matches(['。', '.'])
        .split(['，', '、', ','])
        .map(|s| s.trim_matches(is_space).to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (!list.is_empty()).then_some(list)
}

/// `某某市人民政府办公室  2021年3月5日印发`: the 印发机关 and 印发日期.
pub fn printing(line: &Line) -> Option<(String, Date)> {
    let t = line.content.strip_suffix("印发")?;
    // The date is the tail that reads as one; the organ is what is before.
    let chars: Vec<char> = t.chars().collect();
    for start in 0..chars.len() {
        if start > 0 && !is_space(chars[start - 1]) && !is_cjk_then_digit(&chars, start) {
            continue;
        }
        let tail: String = chars[start..].iter().collect();
        let Some(DateLine::Exact(d) | DateLine::Variant(d)) = date_line(&tail) else {
            continue;
        };
        let organ: String = chars[..start].iter().collect();
        let organ = organ.trim_matches(is_space);
        if !organ.is_empty() && organ.chars().count() <= 30 {
            return Some((organ.to_string(), d));
        }
    }
    None
}

/// Where an organ's name meets a date written without a space.
fn is_cjk_then_digit(chars: &[char], i: usize) -> bool {
    crate::text::punct::is_han(chars[i - 1])
        && (chars[i].is_ascii_digit() || "二〇○".contains(chars[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        Line::numbered(&[s]).remove(0)
    }

    #[test]
    fn head_and_foot_lines() {
        assert_eq!(
            issuer_mark(&line("某某市人民政府文件")).as_deref(),
            Some("某某市人民政府文件")
        );
        assert_eq!(issuer_mark(&line("某某市人民政府")), None);
        assert_eq!(issuer_mark(&line("某某市人民政府文件，")), None);
        assert_eq!(
            signers(&line("签发人：张三 李四")),
            Some((String::new(), vec!["张三".into(), "李四".into()]))
        );
        assert_eq!(
            signers(&line("某政发〔2021〕3号        签发人：王五")),
            Some(("某政发〔2021〕3号".into(), vec!["王五".into()]))
        );
        assert_eq!(
            cc(
                &line("抄送：市委办公室，市人大常委会办公室,市政协办公室。"),
                &mut Vec::new()
            ),
            Some(vec![
                "市委办公室".into(),
                "市人大常委会办公室".into(),
                "市政协办公室".into()
            ])
        );
        let d = Date::new(2021, 3, 5).unwrap();
        assert_eq!(
            printing(&line("某某市人民政府办公室      2021年3月5日印发")),
            Some(("某某市人民政府办公室".into(), d))
        );
        assert_eq!(
            printing(&line("某某市人民政府办公室2021年3月5日印发")),
            Some(("某某市人民政府办公室".into(), d))
        );
        assert_eq!(printing(&line("2021年3月5日印发")), None);
    }
}
