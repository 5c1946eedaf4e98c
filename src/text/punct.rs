//! Punctuation in Chinese text (GB/T 15834, which GB/T 9704-2012 §9 and
//! 条例 第十一条 point to): marks inside Chinese text are full-width.
//!
//! An ASCII `, : ; ( ) ? !` next to a Chinese character becomes its
//! full-width form. Digits, `%`, decimal points, e-mail addresses, URLs and
//! the `.` of a `1.` heading number stay half-width: `.` is never touched,
//! and neither is anything inside an address.

/// Whitespace as web pages write it, including no-break and zero-width.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{3000}' | '\u{200B}' | '\u{FEFF}')
}

/// Chinese text for the purpose of punctuation: Han ideographs, CJK and
/// full-width punctuation, and the quotation marks Chinese text uses.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{2018}'..='\u{201D}' | '\u{2026}' | '\u{2014}' | '\u{00B7}')
}

/// Han ideographs only.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// The full-width form of a half-width mark this module converts.
pub fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// One converted mark, at a char index of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub index: usize,
    pub from: char,
    pub to: char,
}

/// Char ranges of URLs and e-mail addresses, left untouched.
fn protected(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let addr = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len() && addr(chars[end]) {
            end += 1;
        }
        let run: String = chars[start..end].iter().collect();
        let lower = run.to_ascii_lowercase();
        let is_url = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.");
        let is_mail = run.find('@').is_some_and(|at| {
            at > 0
                && run[at + 1..].contains('.')
                && run[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
        });
        if is_url || is_mail {
            // Trailing sentence punctuation is not part of the address.
            while end > start && matches!(chars[end - 1], ',' | ';' | ':' | '!' | '?' | ')' | '.') {
                end -= 1;
            }
            out.push(start..end);
        }
        i = end.max(start + 1);
    }
    out
}

/// The marks of `text` that should be full-width, in order.
pub fn changes(text: &str) -> Vec<Change> {
    let chars: Vec<char> = text.chars().collect();
    let guarded = protected(&chars);
    let in_guard = |i: usize| guarded.iter().any(|r| r.contains(&i));
    let space = |c: char| c == ' ' || c == '\u{00A0}';
    // The nearest character before/after `i` that is not a space.
    let before = |i: usize| chars[..i].iter().rev().copied().find(|&c| !space(c));
    let after = |i: usize| chars[i + 1..].iter().copied().find(|&c| !space(c));
    let touches_cjk = |i: usize| before(i).is_some_and(is_cjk) || after(i).is_some_and(is_cjk);

    let mut convert = vec![false; chars.len()];
    // Parentheses go in pairs: a pair converts if either mark touches
    // Chinese text or the text inside it is Chinese.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..chars.len() {
        if in_guard(i) {
            continue;
        }
        match chars[i] {
            '(' => open.push(i),
            ')' => match open.pop() {
                Some(o) => {
                    let inside_cjk = chars[o + 1..i].iter().any(|&c| is_cjk(c));
                    if inside_cjk || touches_cjk(o) || touches_cjk(i) {
                        convert[o] = true;
                        convert[i] = true;
                    }
                }
                None => convert[i] = touches_cjk(i),
            },
            ',' | ':' | ';' | '?' | '!' => convert[i] = touches_cjk(i),
            _ => {}
        }
    }
    for o in open {
        convert[o] = touches_cjk(o);
    }
    chars
        .iter()
        .enumerate()
        .filter(|&(i, _)| convert[i])
        .filter_map(|(i, &c)| {
            full_width(c).map(|to| Change {
                index: i,
                from: c,
                to,
            })
        })
        .collect()
}

/// Half-width `.` that ends a Chinese sentence (`工作.下一步`, `落实.`):
/// after Chinese text, before the end, a space or Chinese text; never in a
/// number (`21.5`), an address, an ellipsis (`...`) or after a digit (the
/// `1.` of a heading number).
pub fn full_stops(text: &str) -> Vec<Change> {
    let chars: Vec<char> = text.chars().collect();
    let guarded = protected(&chars);
    // The last mark of a Chinese line, after a number (`电话：12345678.`).
    let last = chars.iter().rposition(|c| !c.is_whitespace());
    let after_number = last.filter(|&i| {
        chars[i] == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.iter().any(|&c| is_han(c))
            && !chars[..i]
                .iter()
                .rev()
                .skip_while(|c| c.is_ascii_digit())
                .take(1)
                .any(|&c| c == '.' || c.is_ascii_alphabetic())
            && chars[..i].iter().any(|&c| is_cjk(c))
            && !chars[..i].iter().all(|c| c.is_ascii_digit())
    });
    (0..chars.len())
        .filter(|&i| chars[i] == '.')
        .filter(|&i| !guarded.iter().any(|r| r.contains(&i)))
        .filter(|&i| (i > 0 && is_cjk(chars[i - 1])) || Some(i) == after_number)
        .filter(|&i| {
            chars
                .get(i + 1)
                .is_none_or(|&c| c != '.' && (c.is_whitespace() || is_cjk(c)))
        })
        .map(|i| Change {
            index: i,
            from: '.',
            to: '。',
        })
        .collect()
}

/// `text` with [`changes`] and [`full_stops`] applied.
pub fn normalise(text: &str) -> (String, Vec<Change>) {
    let mut changes = changes(text);
    changes.extend(full_stops(text));
    changes.sort_by_key(|c| c.index);
    let mut chars: Vec<char> = text.chars().collect();
    for ch in &changes {
        chars[ch.index] = ch.to;
    }
    (chars.into_iter().collect(), changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalise(s).0
    }

    #[test]
    fn marks_next_to_chinese_become_full_width() {
        assert_eq!(n("统一部署,2018年"), "统一部署，2018年");
        assert_eq!(
            n("内容空洞;学习中:进行?好!"),
            "内容空洞；学习中：进行？好！"
        );
        assert_eq!(n("区委常委(扩大)会议"), "区委常委（扩大）会议");
        assert_eq!(
            n("《口袋书》(2019版)《汇编》"),
            "《口袋书》（2019版）《汇编》"
        );
        assert_eq!(n("行动计划(20192021)》"), "行动计划（20192021）》");
        assert_eq!(n("巡察人员5,人员"), "巡察人员5，人员");
        assert_eq!(n("的40.8%,比去年"), "的40.8%，比去年");
    }

    #[test]
    fn numbers_addresses_and_ascii_text_stay() {
        for s in [
            "1,000",
            "12:30",
            "f(x)",
            "30.1%",
            "dlshkqw@sina.com",
            "https://www.gov.cn/a?b=1,2",
            "1.学习",
            "Hello, world!",
        ] {
            assert_eq!(n(s), s, "{s}");
        }
        assert_eq!(n("电子邮箱:dlshkqw@sina.com"), "电子邮箱：dlshkqw@sina.com");
        assert_eq!(
            n("网址:https://www.gov.cn/x,见"),
            "网址：https://www.gov.cn/x，见"
        );
    }

    #[test]
    fn full_stops_after_chinese_text() {
        assert_eq!(n("工作已完成.下一步"), "工作已完成。下一步");
        assert_eq!(n("抓好落实."), "抓好落实。");
        assert_eq!(n("（试行）. 各单位"), "（试行）。 各单位");
        for s in [
            "增长21.5%",
            "1.学习",
            "附件2.方案",
            "见www.gov.cn.",
            "邮箱abc@gov.cn.",
            "等等...",
            "v1.2版",
        ] {
            assert_eq!(n(s), s, "{s}");
        }
        assert_eq!(n("值班电话：0755－88886666."), "值班电话：0755－88886666。");
        assert_eq!(n("共计126人."), "共计126人。");
        for s in ["版本v1.2.", "1.", "附件1.2."] {
            assert_eq!(n(s), s, "{s}");
        }
        assert!(
            changes("抓好落实.").is_empty(),
            "gen check's rule is unchanged"
        );
    }

    #[test]
    fn changes_name_their_place() {
        let c = changes("甲,乙");
        assert_eq!(
            c,
            [Change {
                index: 1,
                from: ',',
                to: '，'
            }]
        );
    }
}
