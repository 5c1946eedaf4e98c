//! Calendar dates as the standard writes them (§7.3.5.4).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer};

/// A real calendar date (proleptic Gregorian).
///
/// In YAML it is written `2019-08-14`; in a document it is rendered
/// `2019年8月14日`: Arabic numerals, the full four-digit year, no zero
/// padding (GB/T 9704-2012 §7.3.5.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("expected a date written YYYY-MM-DD (e.g. 2019-08-14), found {0:?}")]
    Form(String),
    #[error("{0} is not a real date: {1}")]
    Impossible(String, String),
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

impl Date {
    /// Builds a date, checking that it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, String> {
        if !(1..=9999).contains(&year) {
            return Err(format!("year {year} is outside 1..=9999"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        let last = days_in_month(year, month);
        if !(1..=last).contains(&day) {
            return Err(format!("{year}-{month:02} has {last} days, not {day}"));
        }
        Ok(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let form = || DateError::Form(s.to_string());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(form());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(form());
            }
            part.parse().map_err(|_| form())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).map_err(|why| DateError::Impossible(s.to_string(), why))
    }

    /// Days since 1970-01-01 (for timestamps derived from the document date).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (negative: before), or `None`
    /// outside years 1..=9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month, day).ok()
    }

    /// ISO 8601 form, `2019-08-14`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Renders `2019年8月14日` (§7.3.5.4).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD, e.g. 2019-08-14")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_without_padding() {
        assert_eq!(
            Date::parse("2019-08-14").unwrap().to_string(),
            "2019年8月14日"
        );
        assert_eq!(
            Date::parse("2012-07-01").unwrap().to_string(),
            "2012年7月1日"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(matches!(
            Date::parse("2019-02-29"),
            Err(DateError::Impossible(..))
        ));
        assert!(matches!(
            Date::parse("2019-13-01"),
            Err(DateError::Impossible(..))
        ));
        assert!(matches!(
            Date::parse("2019-04-31"),
            Err(DateError::Impossible(..))
        ));
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(matches!(
            Date::parse("1900-02-29"),
            Err(DateError::Impossible(..))
        ));
    }

    #[test]
    fn rejects_other_forms() {
        for s in ["2019-8-14", "2019年8月14日", "20190814", "2019-08-1x", ""] {
            assert!(matches!(Date::parse(s), Err(DateError::Form(_))), "{s}");
        }
    }

    #[test]
    fn days_round_trip() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2019-08-14",
            "2023-11-14",
            "1900-03-01",
            "9999-12-31",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(
                Date::from_days_since_epoch(d.days_since_epoch()),
                Some(d),
                "{s}"
            );
        }
        assert_eq!(
            Date::from_days_since_epoch(19_675).unwrap().iso(),
            "2023-11-14"
        );
    }

    #[test]
    fn epoch_days() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(Date::parse("2019-08-14").unwrap().days_since_epoch(), 18122);
    }
}
