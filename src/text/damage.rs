//! Damage a scrape does to dates: digit runs that lost their 年 or 月
//! (`201934日`, `2018115日`, `20188月`), and year ranges that lost their
//! dash and 年 (`20192021`). None of these can be repaired with certainty,
//! so each is reported with its possible readings (GB/T 9704-2012 §9 and
//! GB/T 15835 write dates in Arabic numerals with 年, 月 and 日).
//!
//! Also: dates written in full that do not exist (`2019年2月30日`).

use crate::date::Date;

/// A damaged or impossible piece of text, by char range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub start: usize,
    pub end: usize,
    pub kind: DamageKind,
    /// The damaged text.
    pub text: String,
    /// Possible repairs, the preferred first (empty: none is known).
    pub readings: Vec<String>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DamageKind {
    /// A date that lost 年 and/or 月.
    Date,
    /// A year range that lost its dash (`20192021`).
    YearRange,
    /// A date written in full that is not in the calendar.
    Impossible,
}

/// Years a document of today plausibly names.
fn plausible_year(y: u32) -> bool {
    (1900..=2099).contains(&y)
}

/// The (month, day) readings of a digit string (no zero-padded parts).
/// `year`: the year, for the length of February; `None` allows 29 days.
pub fn month_day_splits(digits: &str, year: Option<u16>) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    if !(2..=4).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return out;
    }
    for m_len in 1..=2.min(digits.len() - 1) {
        let (m, d) = digits.split_at(m_len);
        if d.len() > 2 || m.starts_with('0') || d.starts_with('0') {
            continue;
        }
        let (Ok(m), Ok(d)) = (m.parse::<u8>(), d.parse::<u8>()) else {
            continue;
        };
        let ok = Date::new(year.unwrap_or(2000), m, d).is_ok();
        if ok {
            out.push((m, d));
        }
    }
    out
}

/// Scans one paragraph's text for damaged and impossible dates.
pub fn scan(text: &str) -> Vec<Damage> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let end = i;
        let prev = start.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(end).copied();
        // Part of a decimal number, an address or a code: not a date.
        if prev
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | '@' | '_'))
            || next.is_some_and(|c| {
                c.is_ascii_alphabetic() || matches!(c, '.' | '-' | '/' | '@' | '_')
            })
        {
            continue;
        }
        let digits: String = chars[start..end].iter().collect();
        let after = chars.get(end + 1).copied();
        if let Some(d) = damaged_date(&digits, prev, next, after) {
            let (readings, message) = d;
            let end = if next == Some('日') || next == Some('月') {
                end + 1
            } else {
                end
            };
            let text: String = chars[start..end].iter().collect();
            out.push(Damage {
                start,
                end,
                kind: DamageKind::Date,
                text,
                readings,
                message,
            });
        } else if let Some((a, b)) = year_range(&digits) {
            let reading = if next == Some('年') {
                format!("{a}—{b}")
            } else {
                format!("{a}—{b}年")
            };
            out.push(Damage {
                start,
                end,
                kind: DamageKind::YearRange,
                text: digits.clone(),
                readings: vec![reading.clone()],
                message: format!("`{digits}` looks like the years {a} and {b} run together (a range that lost its dash)"),
            });
        }
    }
    prefer_by_range(&chars, &mut out);
    out.extend(impossible(&chars));
    out.sort_by_key(|d| d.start);
    out
}

/// Readings of a digit run that stands before 日 or 月 without the units
/// before it: `(readings, message)`, or `None` if it is not a damaged date.
/// `after`: the character after the unit. Two digits before 日 are a
/// damaged date only when they cannot be a day (`41日`) nor a count of days
/// (`45日内`, `第45日`).
fn damaged_date(
    digits: &str,
    prev: Option<char>,
    next: Option<char>,
    after: Option<char>,
) -> Option<(Vec<String>, String)> {
    let n = digits.len();
    let year_of = |s: &str| s.parse::<u32>().ok().filter(|&y| plausible_year(y));
    let two_digit_date = n == 2
        && digits.parse::<u32>().is_ok_and(|v| v > 31)
        && prev != Some('第')
        && !after.is_some_and(|c| "内以后起之前左止".contains(c));
    match next {
        Some('日') if prev != Some('月') && (n >= 3 || two_digit_date) => {
            let (year, rest) = if n >= 5 {
                (Some(year_of(&digits[..4])?), &digits[4..])
            } else {
                (None, digits)
            };
            let splits = month_day_splits(rest, year.map(|y| y as u16));
            if splits.is_empty() {
                return None;
            }
            let readings: Vec<String> = splits
                .iter()
                .map(|(m, d)| match year {
                    Some(y) => format!("{y}年{m}月{d}日"),
                    None => format!("{m}月{d}日"),
                })
                .collect();
            let lost = if year.is_some() { "年 and 月" } else { "月" };
            let message = if readings.len() == 1 {
                format!("`{digits}日` looks like a date that lost its {lost}")
            } else {
                format!(
                    "`{digits}日` looks like a date that lost its {lost}; it reads {} ways",
                    readings.len()
                )
            };
            Some((readings, message))
        }
        Some('月') if prev != Some('年') && (5..=6).contains(&n) => {
            let y = year_of(&digits[..4])?;
            let m = &digits[4..];
            let month: u8 = m
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m) && !digits[4..].starts_with('0'))?;
            Some((
                vec![format!("{y}年{month}月")],
                format!("`{digits}月` looks like a year and month that lost its 年"),
            ))
        }
        _ => None,
    }
}

/// `20192021` → (2019, 2021): two plausible years, the second after the first.
fn year_range(digits: &str) -> Option<(u32, u32)> {
    if digits.len() != 8 {
        return None;
    }
    let (a, b) = (
        digits[..4].parse::<u32>().ok()?,
        digits[4..].parse::<u32>().ok()?,
    );
    (plausible_year(a) && plausible_year(b) && a < b && b - a <= 30).then_some((a, b))
}

/// A date range `A至B`: when A reads several ways and B one, the reading
/// of A nearest before B comes first.
fn prefer_by_range(chars: &[char], found: &mut [Damage]) {
    for k in 0..found.len() {
        if found[k].readings.len() < 2 {
            continue;
        }
        let after: String = chars[found[k].end..].iter().take(2).collect();
        if !after.starts_with(['至', '—', '-', '～', '~']) {
            continue;
        }
        let end_date = found
            .get(k + 1)
            .filter(|d| d.start == found[k].end + 1 && d.readings.len() == 1)
            .and_then(|d| parse_full(&d.readings[0]));
        let Some(end) = end_date else { continue };
        let d = &mut found[k];
        let mut scored: Vec<(i64, String)> = d
            .readings
            .iter()
            .map(|r| {
                let gap = parse_full(r).map_or(i64::MAX, |s| {
                    let g = end.days_since_epoch() - s.days_since_epoch();
                    if g < 0 { i64::MAX } else { g }
                });
                (gap, r.clone())
            })
            .collect();
        scored.sort_by_key(|(g, _)| *g);
        d.readings = scored.into_iter().map(|(_, r)| r).collect();
        d.message.push_str(&format!(
            "; {} is the reading nearest before the range's end",
            d.readings[0]
        ));
    }
}

/// `2019年1月10日` → the date.
pub fn parse_full(s: &str) -> Option<Date> {
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Dates written in full with 年月日 (or 月日) that do not exist.
fn impossible(chars: &[char]) -> Vec<Damage> {
    let mut out = Vec::new();
    let num = |i: usize| -> (usize, Option<u32>) {
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() && j - i < 5 {
            j += 1;
        }
        let s: String = chars[i..j].iter().collect();
        (j, s.parse().ok())
    };
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let (j, a) = num(i);
        let mut ymd = None;
        if chars.get(j) == Some(&'年') && j - i == 4 {
            let (k, m) = num(j + 1);
            if k > j + 1 && chars.get(k) == Some(&'月') {
                let (l, d) = num(k + 1);
                if l > k + 1 && chars.get(l) == Some(&'日') {
                    ymd = Some((a, m, d, l + 1));
                }
            }
        } else if chars.get(j) == Some(&'月') && j - i <= 2 && (i == 0 || chars[i - 1] != '年') {
            let (l, d) = num(j + 1);
            if l > j + 1 && chars.get(l) == Some(&'日') {
                ymd = Some((None, a, d, l + 1));
            }
        }
        if let Some((y, Some(m), Some(d), end)) = ymd {
            let valid = match y {
                Some(y) => u16::try_from(y)
                    .ok()
                    .and_then(|y| Date::new(y, m as u8, d as u8).ok())
                    .is_some(),
                None => m <= 12 && Date::new(2000, m as u8, d.min(255) as u8).is_ok(),
            };
            let valid = valid && m <= 255 && d <= 255;
            if !valid {
                let text: String = chars[i..end].iter().collect();
                out.push(Damage {
                    start: i,
                    end,
                    kind: DamageKind::Impossible,
                    message: format!("`{text}` is not a date in the calendar"),
                    text,
                    readings: Vec::new(),
                });
            }
            i = end;
            continue;
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(s: &str) -> Vec<Vec<String>> {
        scan(s).into_iter().map(|d| d.readings).collect()
    }

    #[test]
    fn seed_dates() {
        assert_eq!(readings("201934日，省委"), [["2019年3月4日"]]);
        assert_eq!(readings("截至430日，"), [["4月30日"]]);
        assert_eq!(readings("，329日，区委"), [["3月29日"]]);
        assert_eq!(readings("41日召开"), [["4月1日"]]);
        assert_eq!(readings("20188月以来"), [["2018年8月"]]);
        assert_eq!(readings("计划(20192021)》"), [["2019—2021年"]]);
    }

    #[test]
    fn ambiguous_dates_list_every_reading_nearest_range_end_first() {
        let r = readings("部署，2018115日至2019110日，省委");
        assert_eq!(
            r,
            [
                vec!["2018年11月5日", "2018年1月15日"],
                vec!["2019年1月10日"]
            ]
        );
        // Without a range, the natural order.
        assert_eq!(
            readings("于2018115日召开"),
            [["2018年1月15日", "2018年11月5日"]]
        );
    }

    #[test]
    fn ranges_and_positions() {
        let d = &scan("统一部署，2018115日至")[0];
        assert_eq!((d.start, d.end, d.text.as_str()), (5, 13, "2018115日"));
    }

    #[test]
    fn sound_text_is_not_damage() {
        for s in [
            "2019年3月4日",
            "3月29日",
            "每月15日",
            "30日内办结",
            "1000日",
            "电话84368824",
            "增长30.1%",
            "2019年一季度",
            "至5日",
            "2018年度",
            "365日",
            "45日内",
            "第45日",
            "15日",
        ] {
            assert!(scan(s).is_empty(), "{s}: {:?}", scan(s));
        }
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(scan("2019年2月29日")[0].kind, DamageKind::Impossible);
        assert_eq!(scan("于13月5日")[0].kind, DamageKind::Impossible);
        assert_eq!(scan("4月31日")[0].kind, DamageKind::Impossible);
        assert!(scan("2020年2月29日").is_empty());
        assert!(scan("2月29日").is_empty());
    }

    #[test]
    fn splits() {
        assert_eq!(month_day_splits("115", Some(2018)), [(1, 15), (11, 5)]);
        assert_eq!(month_day_splits("36", None), [(3, 6)]);
        assert!(month_day_splits("1329", None).is_empty());
        assert!(month_day_splits("229", Some(2019)).is_empty());
    }
}
