//! 发文字号 (GB/T 9704-2012 §7.2.5): 机关代字 + the year in 六角括号 〔〕
//! (U+3014/U+3015) + the number + 号; no 第, no leading zero:
//! `国办发〔2012〕1号`.

use super::Context;
use crate::check::{Finding, Severity};

const CLAUSE: &str = "GB/T 9704-2012 §7.2.5";

/// The problems of a 发文字号, and its corrected form when one is clear.
pub fn problems(s: &str) -> (Vec<String>, Option<String>) {
    let chars: Vec<char> = s.chars().collect();
    let mut problems = Vec::new();
    let open = chars
        .iter()
        .position(|&c| c == '〔' || "[【(（［﹝{〈<".contains(c));
    let Some(open) = open else {
        return (
            vec!["has no year in 〔〕 (e.g. 国办发〔2012〕1号)".into()],
            None,
        );
    };
    let close = chars[open..]
        .iter()
        .position(|&c| c == '〕' || "]】)）］﹞}〉>".contains(c))
        .map(|p| p + open);
    let Some(close) = close else {
        return (
            vec!["opens a bracket for the year and never closes it".into()],
            None,
        );
    };
    let (o, c) = (chars[open], chars[close]);
    if o != '〔' || c != '〕' {
        problems.push(format!(
            "writes the year in {o}{c}; the standard uses 六角括号 〔〕 (U+3014/U+3015)"
        ));
    }
    let agency: String = chars[..open].iter().collect();
    let year: String = chars[open + 1..close].iter().collect();
    if year.chars().count() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        problems.push(format!("year `{year}` is not four Arabic digits"));
    }
    if agency.trim().is_empty() {
        problems.push("has no 机关代字 before the year".into());
    }
    let tail: String = chars[close + 1..].iter().collect();
    let mut number = tail.as_str();
    if let Some(n) = number.strip_prefix('第') {
        problems.push("writes 第 before the number".into());
        number = n;
    }
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    let after = &number[digits.len()..];
    if digits.is_empty() {
        problems.push("has no Arabic number after the year".into());
    } else if digits.starts_with('0') {
        problems.push(format!("pads the number `{digits}` with zeros"));
    }
    if after != "号" {
        problems.push(if after.is_empty() {
            "does not end in 号".into()
        } else {
            format!("has `{after}` where only 号 belongs")
        });
    }
    let fixable = year.chars().count() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && !digits.is_empty()
        && !agency.trim().is_empty();
    let n = digits.trim_start_matches('0');
    let fixed = fixable.then(|| {
        format!(
            "{}〔{year}〕{}号",
            agency.trim(),
            if n.is_empty() { "0" } else { n }
        )
    });
    (problems, fixed)
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(node) = cx.index.get("doc_number") else {
        return;
    };
    // A 命令 or 纪要 has no 发文字号: the format rule says so, and a 令号
    // (`第3号`) written here is not a malformed 发文字号.
    if matches!(
        cx.index.text("format").map(str::trim),
        Some("order" | "minutes")
    ) {
        return;
    }
    let Some(value) = node.text() else { return };
    let (problems, fixed) = problems(value);
    if problems.is_empty() {
        return;
    }
    let mut f = Finding::new(
        "doc-number",
        CLAUSE,
        Severity::Error,
        "doc_number",
        cx.index.start(node),
        format!("发文字号 `{value}` {}", problems.join("; ")),
    );
    if let Some(fixed) = fixed {
        f = f.suggest(fixed);
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_numbers_pass() {
        for s in [
            "国办发〔2012〕1号",
            "大政发〔2019〕120号",
            "中办发〔2012〕14号",
        ] {
            assert!(problems(s).0.is_empty(), "{s}: {:?}", problems(s));
        }
    }

    #[test]
    fn bad_numbers_are_named_and_fixed() {
        let cases = [
            ("国办发[2012]1号", "〔〕", "国办发〔2012〕1号"),
            ("国办发【2012】1号", "〔〕", "国办发〔2012〕1号"),
            ("国办发（2012）1号", "〔〕", "国办发〔2012〕1号"),
            ("国办发﹝2012﹞1号", "U+3014", "国办发〔2012〕1号"),
            ("国办发〔2012〕第1号", "第", "国办发〔2012〕1号"),
            ("国办发〔2012〕01号", "zeros", "国办发〔2012〕1号"),
            ("国办发〔2012〕1", "号", "国办发〔2012〕1号"),
        ];
        for (s, needle, fixed) in cases {
            let (p, f) = problems(s);
            assert!(p.iter().any(|m| m.contains(needle)), "{s}: {p:?}");
            assert_eq!(f.as_deref(), Some(fixed), "{s}");
        }
        assert!(!problems("国办发〔12〕1号").0.is_empty());
        assert!(!problems("国办发2012年1号").0.is_empty());
    }
}
