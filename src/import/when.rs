//! Reading the time of a row. Exports write `2023-02-10 09:05:00`; spreadsheet programs
//! re-save it as `2023/2/10 9:05`, drop the seconds, or store a serial day number.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Parses `YYYY-MM-DD HH:MM:SS` and the forms spreadsheets make of it: `/` or `.` between the
/// date's parts, one-digit months, days and hours, no seconds, a `T` instead of the space, or
/// no time at all (midnight).
pub(crate) fn parse_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((date, time)) => (date, time.trim()),
        None => (text, ""),
    };
    let date = parse_date(date)?;
    let time = if time.is_empty() { NaiveTime::MIN } else { parse_clock(time)? };
    Some(date.and_time(time))
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split(['-', '/', '.']);
    let year = number(parts.next()?, 4, 4)?;
    let month = number(parts.next()?, 1, 2)?;
    let day = number(parts.next()?, 1, 2)?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn parse_clock(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let hour = number(parts.next()?, 1, 2)?;
    let minute = number(parts.next()?, 2, 2)?;
    let second = match parts.next() {
        // Fractions of a second (some spreadsheets write them) are dropped.
        Some(seconds) => number(seconds.split('.').next()?, 2, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// Digits only, between `min` and `max` of them.
fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    let sized = (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    if sized { text.parse().ok() } else { None }
}

/// A spreadsheet serial date-time (days since 1899-12-30, the fraction being the time of day)
/// to a time, rounded to the second. Only plausible bill dates are accepted.
pub(crate) fn from_serial(serial: f64) -> Option<NaiveDateTime> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let seconds = (serial * 86_400.0).round() as i64;
    epoch.checked_add_signed(Duration::seconds(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|date| date.and_hms_opt(h, min, s))
    }

    #[test]
    fn times_as_exports_and_spreadsheets_write_them() {
        let cases = [
            ("2023-02-10 09:05:00", at(2023, 2, 10, 9, 5, 0)),
            ("  2023-02-10 09:05:07\t", at(2023, 2, 10, 9, 5, 7)),
            ("2023/2/10 9:05", at(2023, 2, 10, 9, 5, 0)),
            ("2023.12.01 23:59:59", at(2023, 12, 1, 23, 59, 59)),
            ("2023-02-10T09:05:00", at(2023, 2, 10, 9, 5, 0)),
            ("2023-02-10", at(2023, 2, 10, 0, 0, 0)),
            ("2023-02-10 09:05:00.5", at(2023, 2, 10, 9, 5, 0)),
            ("2023-02-30 09:05", None),
            ("2023-02-10 25:00", None),
            ("10/02/2023 09:05", None),
            ("yesterday", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_time(text), expected, "{text:?}");
        }
    }

    #[test]
    fn serial_days_count_from_1899_12_30() {
        assert_eq!(from_serial(44_967.378_472_222_2), at(2023, 2, 10, 9, 5, 0));
        assert_eq!(from_serial(-3.0), None);
    }
}
