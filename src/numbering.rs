//! 结构层次序数 (GB/T 9704-2012 §7.3.3): 一、 / （一） / 1. / （1）.

/// Chinese numeral for `n` (1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五).
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => DIGITS[0].to_string(),
        1..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", DIGITS[rest]),
                10..=19 => format!("一{}", chinese_numeral(rest)),
                _ => chinese_numeral(rest),
            };
            format!("{}百{tail}", DIGITS[n / 100])
        }
        _ => n.to_string(),
    }
}

/// The marker of the `number`-th heading (1-based) at `depth` (1..=4).
/// Level 1 ends in 、; levels 2 and 4 sit in full-width parentheses
/// (U+FF08/U+FF09); level 3 is an Arabic number with a half-width full stop.
pub fn marker(depth: usize, number: usize) -> String {
    match depth {
        1 => format!("{}、", chinese_numeral(number)),
        2 => format!("（{}）", chinese_numeral(number)),
        3 => format!("{number}."),
        _ => format!("（{number}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (115, "一百一十五"),
            (230, "二百三十"),
        ];
        for (n, s) in cases {
            assert_eq!(chinese_numeral(n), s, "{n}");
        }
    }

    #[test]
    fn markers_use_the_right_code_points() {
        assert_eq!(marker(1, 3), "三、");
        assert_eq!(marker(2, 12), "\u{FF08}十二\u{FF09}");
        assert_eq!(marker(3, 7), "7.");
        assert_eq!(marker(4, 10), "\u{FF08}10\u{FF09}");
    }
}
