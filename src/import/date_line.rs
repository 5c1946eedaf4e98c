//! A line that holds only a date, as drafts and pages write the 成文日期
//! (§7.3.5.4) or the 印发日期 (§7.4.3): exact, in another certain form, or
//! damaged by a scrape.

use crate::date::Date;
use crate::text::damage::month_day_splits;
use crate::text::marker::chinese_value;
use crate::text::punct::is_space;

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
    let t: String = text.chars().filter(|c| !is_space(*c)).collect();
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
}
