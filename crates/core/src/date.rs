//! Calendar dates (`YYYY-MM-DD`). The core never reads a clock: "today" is always passed in,
//! so tests pin it and the app decides where it comes from.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (negative: before), e.g. from a system clock or
    /// a spreadsheet's serial day number.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month, day)
    }

    /// Reads the German spreadsheet form `dd.mm.yyyy` as well as ISO `yyyy-mm-dd`.
    pub fn parse_lenient(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Ok(date) = text.parse() {
            return Some(date);
        }
        let mut parts = text.split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        let invalid = || format!("\"{text}\" is not a date of the form YYYY-MM-DD");
        if !shaped {
            return Err(invalid());
        }
        let number = |range: std::ops::Range<usize>| text[range].parse().map_err(|_| invalid());
        Date::new(number(0..4)?, number(5..7)? as u8, number(8..10)? as u8)
            .ok_or_else(|| format!("\"{text}\" is not a valid calendar date"))
    }
}

impl Date {
    /// The date as people in `lang` write it: `24.11.2026` in German, ISO `2026-11-24`
    /// (unambiguous across English-speaking countries) otherwise.
    pub fn localized(self, lang: &str) -> String {
        match lang {
            "de" => format!("{:02}.{:02}.{:04}", self.day, self.month, self.year),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let d = super::Date::new(2026, 3, 7).unwrap();
        assert_eq!(d.localized("de"), "07.03.2026");
        assert_eq!(d.localized("en"), "2026-03-07");
    }

    use super::*;

    #[test]
    fn iso_and_german_dates_are_read_and_impossible_ones_refused() {
        assert_eq!(
            "2026-02-28".parse::<Date>(),
            Ok(Date {
                year: 2026,
                month: 2,
                day: 28
            })
        );
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("26-1-1".parse::<Date>().is_err());
        assert_eq!(Date::parse_lenient("03.04.2027"), Date::new(2027, 4, 3));
        assert_eq!(Date::parse_lenient("3.4.27"), None);
    }

    #[test]
    fn days_since_epoch() {
        assert_eq!(Date::from_days_since_epoch(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_days_since_epoch(20_781), Date::new(2026, 11, 24));
        assert_eq!(Date::from_days_since_epoch(-1), Date::new(1969, 12, 31));
    }
}
