//! The front of a document: 发文字号 (§7.2.5), 标题 (§7.3.1) with its 文种
//! (条例 第八条), and 主送机关 (§7.3.2).

use crate::model::Kind;

use super::report::{Action, Note};
use super::{Line, clean::clean};

/// The 文种 a title ends with (the longest of `Kind::NAMES` that matches).
pub fn kind_of(title: &str) -> Option<Kind> {
    let t = title.trim_end_matches(|c: char| "。.，,；;：:！!？?）)》”\"".contains(c));
    Kind::NAMES
        .iter()
        .filter(|(name, _)| t.ends_with(name))
        .max_by_key(|(name, _)| name.len())
        .map(|&(_, k)| k)
}

/// A 发文字号 on a line of its own: the number with its year brackets
/// made 〔〕, any 第 and leading zeros removed (all certain repairs).
pub fn doc_number(line: &Line, notes: &mut Vec<Note>) -> Option<String> {
    let t = line.content.as_str();
    let chars: Vec<char> = t.chars().collect();
    if chars.len() > 40 || !t.ends_with('号') {
        return None;
    }
    let open = chars.iter().position(|c| "〔[【(（［﹝".contains(*c))?;
    let year: String = chars.get(open + 1..open + 5)?.iter().collect();
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let close = *chars.get(open + 5)?;
    if !"〕]】)）］﹞".contains(close) {
        return None;
    }
    let agency: String = chars[..open].iter().collect();
    let seq: String = chars[open + 6..chars.len() - 1].iter().collect();
    let digits = seq.trim_start_matches('第');
    if agency.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = digits.trim_start_matches('0');
    let number = if number.is_empty() { "0" } else { number };
    let fixed = format!("{agency}〔{year}〕{number}号");
    if fixed != t {
        notes.push(Note {
            line: line.number,
            column: line.column(0),
            end_column: line.column(chars.len()),
            action: Action::Repaired,
            rule: "doc-number",
            text: t.to_string(),
            message: "发文字号 written as GB/T 9704-2012 §7.2.5 writes it: year in 〔〕, no 第, no leading zero".into(),
            replacement: Some(fixed.clone()),
            alternatives: Vec::new(),
        });
    }
    Some(fixed)
}

/// A 主送机关 line: ends in a colon, no sentence inside it.
pub fn addressees(line: &Line, notes: &mut Vec<Note>) -> Option<Vec<String>> {
    let t = line.content.as_str();
    let body = t.strip_suffix(['：', ':'])?;
    if body.is_empty() || body.chars().count() > 120 || body.contains(['。', '；', ';', '：', ':'])
    {
        return None;
    }
    if super::marker::parse(t).is_some() {
        return None;
    }
    let cleaned = clean(line, 0, body, notes);
    (!cleaned.is_empty()).then(|| vec![cleaned])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        Line {
            number: 1,
            lead: 0,
            content: s.to_string(),
        }
    }

    #[test]
    fn kinds_from_titles() {
        assert_eq!(
            kind_of("中共大连市沙河口区委关于省委巡视整改情况的通报"),
            Some(Kind::Circular)
        );
        assert_eq!(kind_of("关于印发《办法》的通知"), Some(Kind::Notice));
        assert_eq!(kind_of("关于商请支持的函"), Some(Kind::Letter));
        assert_eq!(kind_of("国务院令"), Some(Kind::Order));
        assert_eq!(kind_of("关于某事的请示。"), Some(Kind::Request));
        assert_eq!(kind_of("年度工作总结"), None);
    }

    #[test]
    fn doc_numbers() {
        let mut notes = Vec::new();
        assert_eq!(
            doc_number(&line("国办发〔2012〕1号"), &mut notes).as_deref(),
            Some("国办发〔2012〕1号")
        );
        assert!(notes.is_empty());
        assert_eq!(
            doc_number(&line("大政发[2019]第03号"), &mut notes).as_deref(),
            Some("大政发〔2019〕3号")
        );
        assert_eq!(notes.len(), 1);
        assert_eq!(doc_number(&line("关于2019年工作的通知"), &mut notes), None);
    }

    #[test]
    fn addressee_lines() {
        let mut notes = Vec::new();
        assert_eq!(
            addressees(&line("各区委、区政府,各部门:"), &mut notes),
            Some(vec!["各区委、区政府，各部门".to_string()])
        );
        assert_eq!(
            addressees(&line("联系方式：电话84368824；邮箱："), &mut notes),
            None
        );
        assert_eq!(addressees(&line("一、总体要求："), &mut notes), None);
    }
}
