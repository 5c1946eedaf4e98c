//! Heading numbers (结构层次序数, GB/T 9704-2012 §7.3.3) at the start of a
//! paragraph: 一、 / （一） / 1. / （1）, tolerant of half-width marks and of
//! a lost parenthesis.

use crate::numbering;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Exactly as the standard writes it.
    Standard,
    /// A variant whose meaning is certain (`(1)`, `1)`, `一.`): repaired.
    Variant,
    /// A parenthesis is missing on the inside (`(1加强`): not certain.
    Damaged,
    /// No number is written: a Word paragraph whose outline level or
    /// heading style makes it a heading.
    Outline,
}

/// A heading number found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// 1 一、, 2 （一）, 3 1., 4 （1）.
    pub level: usize,
    pub number: usize,
    /// Chars the number takes at the start of the text.
    pub len: usize,
    pub form: Form,
}

impl Marker {
    /// The number as written.
    pub fn written(&self, text: &str) -> String {
        text.chars().take(self.len).collect()
    }

    /// The number as the standard writes it.
    pub fn canonical(&self) -> String {
        numbering::marker(self.level, self.number)
    }
}

/// The value of a Chinese numeral (一 … 九百九十九) written as
/// [`numbering::chinese_numeral`] writes it, if `s` is one.
pub fn chinese_value(s: &str) -> Option<usize> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static VALUES: OnceLock<HashMap<String, usize>> = OnceLock::new();
    VALUES
        .get_or_init(|| {
            (1..=999)
                .map(|n| (numbering::chinese_numeral(n), n))
                .collect()
        })
        .get(s)
        .copied()
}

fn take_while(chars: &[char], f: impl Fn(char) -> bool) -> usize {
    chars.iter().take_while(|&&c| f(c)).count()
}

fn is_cn_numeral_char(c: char) -> bool {
    "零一二三四五六七八九十百〇".contains(c)
}

/// The heading number at the start of `text`, if any.
pub fn parse(text: &str) -> Option<Marker> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let open = |c: Option<char>| matches!(c, Some('（' | '('));
    let close = |c: Option<char>| matches!(c, Some('）' | ')'));
    let marker = |level, number, len, form| {
        Some(Marker {
            level,
            number,
            len,
            form,
        })
    };

    // One-character numbers: ㈠ (2), ⒈ (3), ⑴ and ① (4).
    if let Some((level, number)) = at(0).and_then(enclosed) {
        if at(1).is_some_and(is_unit) {
            return None;
        }
        return marker(level, number, 1, Form::Variant);
    }
    // 一、 (1), tolerant: 一. 一． 一，
    let n = take_while(&chars, is_cn_numeral_char);
    if n > 0 {
        let value = chinese_value(&chars[..n].iter().collect::<String>());
        if let Some(v) = value {
            match at(n) {
                Some('、') => return marker(1, v, n + 1, Form::Standard),
                Some('.' | '．' | '，' | ',') => return marker(1, v, n + 1, Form::Variant),
                Some('）' | ')') => return marker(2, v, n + 1, Form::Variant),
                _ => {}
            }
        }
        return None;
    }
    // 1. (3) and 1) (4), tolerant: 1． 1、 1）
    let n = take_while(&chars, |c| c.is_ascii_digit());
    if (1..=3).contains(&n) {
        let v: usize = chars[..n].iter().collect::<String>().parse().ok()?;
        if v == 0 || chars[0] == '0' {
            return None;
        }
        let next_is_digit = at(n + 1).is_some_and(|c| c.is_ascii_digit());
        return match at(n) {
            Some('.') if !next_is_digit => marker(3, v, n + 1, Form::Standard),
            Some('．' | '、') if !next_is_digit => marker(3, v, n + 1, Form::Variant),
            Some(')' | '）') => marker(4, v, n + 1, Form::Variant),
            _ => None,
        };
    }
    if n > 0 {
        return None;
    }
    // （一） (2) and （1） (4).
    if open(at(0)) {
        let rest = &chars[1..];
        let cn = take_while(rest, is_cn_numeral_char);
        let digits = take_while(rest, |c| c.is_ascii_digit());
        let (level, len, value) = if cn > 0 {
            (
                2,
                cn,
                chinese_value(&rest[..cn].iter().collect::<String>())?,
            )
        } else if (1..=3).contains(&digits) && rest[0] != '0' {
            (
                4,
                digits,
                rest[..digits].iter().collect::<String>().parse().ok()?,
            )
        } else {
            return None;
        };
        if close(at(1 + len)) {
            let standard = at(0) == Some('（') && at(1 + len) == Some('）');
            return marker(
                level,
                value,
                len + 2,
                if standard {
                    Form::Standard
                } else {
                    Form::Variant
                },
            );
        }
        // `(1加强…`: the closing parenthesis is lost. Not when the
        // parenthesis goes on with a unit (`(1号楼)`) or a number.
        let next = at(1 + len)?;
        let unit = level == 4 && is_unit(next);
        if !unit && !next.is_ascii_digit() && !matches!(next, '.' | '．' | '%' | '、' | '，' | ',')
        {
            return marker(level, value, len + 1, Form::Damaged);
        }
    }
    None
}

/// The level and value of a one-character number: ㈠–㈩ are （一）–（十）,
/// ⒈–⒛ are 1.–20., ⑴–⒇ and ①–⑳ are （1）–（20）.
pub fn enclosed(c: char) -> Option<(usize, usize)> {
    let n = c as u32;
    let (level, first) = match n {
        0x3220..=0x3229 => (2, 0x3220),
        0x2488..=0x249B => (3, 0x2488),
        0x2474..=0x2487 => (4, 0x2474),
        0x2460..=0x2473 => (4, 0x2460),
        _ => return None,
    };
    Some((level, (n - first) as usize + 1))
}

/// Characters that follow a number as its unit or measure word, so that
/// `3月`, `5人`, `20%` are not heading numbers that lost their marks.
pub fn is_unit(c: char) -> bool {
    "年月日号时分秒个人次名家项条件户栋座所台辆批期届岁万亿千百元角吨米度倍位份篇部处场轮天周季级类种套张本册页章节条款线路号%‰℃"
        .contains(c)
}

/// A bare number at the start of `text` (`7未按要求`): its digits, if a
/// Chinese character that is not a unit follows them.
pub fn bare_number(text: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let n = take_while(&chars, |c| c.is_ascii_digit());
    if !(1..=3).contains(&n) || chars[0] == '0' {
        return None;
    }
    let next = *chars.get(n)?;
    if super::punct::is_han(next) && !is_unit(next) {
        let v = chars[..n].iter().collect::<String>().parse().ok()?;
        return Some((v, n));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lv(s: &str) -> Option<(usize, usize, usize, Form)> {
        parse(s).map(|m| (m.level, m.number, m.len, m.form))
    }

    #[test]
    fn standard_markers() {
        assert_eq!(lv("一、坚持"), Some((1, 1, 2, Form::Standard)));
        assert_eq!(lv("十二、坚持"), Some((1, 12, 3, Form::Standard)));
        assert_eq!(lv("（七）开展"), Some((2, 7, 3, Form::Standard)));
        assert_eq!(lv("1.学习"), Some((3, 1, 2, Form::Standard)));
        assert_eq!(lv("（12）全面"), Some((4, 12, 4, Form::Standard)));
    }

    #[test]
    fn variants_and_damage() {
        assert_eq!(lv("(一)提高"), Some((2, 1, 3, Form::Variant)));
        assert_eq!(lv("(1)切实"), Some((4, 1, 3, Form::Variant)));
        assert_eq!(lv("5)“免二减三”"), Some((4, 5, 2, Form::Variant)));
        assert_eq!(lv("10)优化"), Some((4, 10, 3, Form::Variant)));
        assert_eq!(lv("一)提高"), Some((2, 1, 2, Form::Variant)));
        assert_eq!(lv("1、学习"), Some((3, 1, 2, Form::Variant)));
        assert_eq!(lv("(1加强"), Some((4, 1, 2, Form::Damaged)));
        assert_eq!(lv("（1)切实"), Some((4, 1, 3, Form::Variant)));
        assert_eq!(lv("3）落实"), Some((4, 3, 2, Form::Variant)));
    }

    #[test]
    fn one_character_numbers() {
        assert_eq!(lv("⑴加强领导"), Some((4, 1, 1, Form::Variant)));
        assert_eq!(lv("⒇其他"), Some((4, 20, 1, Form::Variant)));
        assert_eq!(lv("③落实"), Some((4, 3, 1, Form::Variant)));
        assert_eq!(lv("⒉强化"), Some((3, 2, 1, Form::Variant)));
        assert_eq!(lv("㈢保障"), Some((2, 3, 1, Form::Variant)));
        assert_eq!(lv("①号楼"), None);
    }

    #[test]
    fn not_markers() {
        for s in [
            "2019年一季度",
            "3.5倍",
            "十九大精神",
            "一体推进",
            "一是加强",
            "(1号楼)",
            "今年",
            "30.1%",
            "(此件公开发布)",
            "0.5",
            "(2019版)",
            "7未按要求",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn bare_numbers() {
        assert_eq!(bare_number("7未按要求"), Some((7, 1)));
        assert_eq!(bare_number("2强化"), Some((2, 1)));
        assert_eq!(bare_number("3月29日"), None);
        assert_eq!(bare_number("1329日"), None);
        assert_eq!(bare_number("5人"), None);
    }

    #[test]
    fn chinese_values() {
        for n in [1, 9, 10, 11, 20, 21, 99, 100, 101, 110, 115] {
            assert_eq!(
                chinese_value(&numbering::chinese_numeral(n)),
                Some(n),
                "{n}"
            );
        }
        assert_eq!(chinese_value("十九大"), None);
        assert_eq!(chinese_value("一一"), None);
    }
}
