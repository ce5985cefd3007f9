//! Exact money and rates.
//!
//! Money is held as integer fen (1 yuan = 100 fen) so that sums never drift; it is written in
//! files as a decimal string in yuan with at most two decimals (`"5000.00"`, `"12.5"`).

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact amount of money in fen (hundredths of a yuan).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

/// Why a piece of text is not an amount of money.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing was typed.
    #[error("an amount is empty; write it in yuan, like \"5000\" or \"5000.00\"")]
    Empty,
    /// More than two decimals.
    #[error("\"{0}\" has more than two decimals; amounts are in yuan with at most two (fen)")]
    TooPrecise(String),
    /// Not a number.
    #[error("\"{0}\" is not an amount; write it in yuan, like \"5000\" or \"5000.00\"")]
    NotANumber(String),
    /// Beyond what the app can hold.
    #[error("\"{0}\" is too large to be an amount")]
    TooLarge(String),
}

impl Money {
    /// No money.
    pub const ZERO: Money = Money(0);

    /// An amount from fen.
    pub const fn from_fen(fen: i64) -> Self {
        Money(fen)
    }

    /// An amount from whole yuan.
    pub const fn from_yuan(yuan: i64) -> Self {
        Money(yuan.saturating_mul(100))
    }

    /// The amount in fen.
    pub const fn fen(self) -> i64 {
        self.0
    }

    /// The amount in yuan as a float, for charts and ratios only.
    pub fn yuan_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// True when the amount is above zero.
    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// True when the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The larger of the amount and zero.
    pub fn at_least_zero(self) -> Money {
        Money(self.0.max(0))
    }

    /// `self × numerator / denominator`, rounded half away from zero to the fen.
    /// A zero denominator gives zero.
    pub fn mul_ratio(self, numerator: i64, denominator: i64) -> Money {
        if denominator == 0 {
            return Money::ZERO;
        }
        // Most amounts fit in 64 bits all the way through, and 64-bit division is much cheaper.
        if let (Some(product), Some(den)) = (self.0.checked_mul(numerator), denominator.checked_abs())
            && let Some(magnitude) = product.checked_abs().and_then(|p| p.checked_add(den / 2))
        {
            let quotient = magnitude / den;
            return Money(if (product >= 0) == (denominator > 0) { quotient } else { -quotient });
        }
        let product = i128::from(self.0) * i128::from(numerator);
        let den = i128::from(denominator);
        let half = den.abs() / 2;
        let rounded = if (product >= 0) == (den > 0) {
            (product.abs() + half) / den.abs()
        } else {
            -((product.abs() + half) / den.abs())
        };
        Money(clamp_i128(rounded))
    }

    /// Rounds down to a multiple of `step` (a step of zero or less leaves the amount as it is).
    pub fn floor_to(self, step: Money) -> Money {
        if step.0 <= 0 {
            return self;
        }
        Money(self.0.div_euclid(step.0) * step.0)
    }

    /// Parses what a person types: `5000`, `5,000.00`, `¥5000`, `5000元`, ` 12.5 `.
    pub fn parse_lenient(text: &str) -> Result<Money, MoneyError> {
        let cleaned: String = text
            .trim()
            .trim_start_matches(['¥', '￥'])
            .trim_end_matches('元')
            .chars()
            .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
            .collect();
        parse_decimal(&cleaned, text)
    }

    /// The amount as the file writes it: yuan with two decimals (`"5000.00"`, `"-3.05"`).
    pub fn to_file_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// The amount for people: `¥5,000.00`.
    pub fn display_yuan(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}¥{}.{:02}", group_thousands(abs / 100), abs % 100)
    }

    /// The amount for people, whole yuan when there are no fen: `¥5,000`, `¥899.50`.
    pub fn display_short(self) -> String {
        if self.0 % 100 == 0 {
            let sign = if self.0 < 0 { "-" } else { "" };
            format!("{sign}¥{}", group_thousands(self.0.unsigned_abs() / 100))
        } else {
            self.display_yuan()
        }
    }
}

fn clamp_i128(value: i128) -> i64 {
    value.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

fn group_thousands(mut value: u64) -> String {
    let mut groups = Vec::new();
    loop {
        groups.push(value % 1000);
        value /= 1000;
        if value == 0 {
            break;
        }
    }
    let mut out = groups.pop().map(|g| g.to_string()).unwrap_or_default();
    while let Some(group) = groups.pop() {
        out.push_str(&format!(",{group:03}"));
    }
    out
}

/// Parses a plain decimal in yuan (`-12.5`, `5000.00`) into fen.
fn parse_decimal(text: &str, original: &str) -> Result<Money, MoneyError> {
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, f),
        None => (digits, ""),
    };
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
        return Err(MoneyError::NotANumber(original.trim().to_string()));
    }
    if frac.len() > 2 {
        return Err(MoneyError::TooPrecise(original.trim().to_string()));
    }
    let too_large = || MoneyError::TooLarge(original.trim().to_string());
    let whole_value: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large())? };
    let frac_value: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| too_large())? * 10,
        _ => frac.parse().map_err(|_| too_large())?,
    };
    let fen = whole_value
        .checked_mul(100)
        .and_then(|v| v.checked_add(frac_value))
        .filter(|v| *v <= MAX_FEN)
        .ok_or_else(too_large)?;
    Ok(Money(if negative { -fen } else { fen }))
}

/// The largest amount the app holds: a trillion yuan, far above any personal credit record,
/// and small enough that sums of a hundred thousand of them cannot overflow.
const MAX_FEN: i64 = 100_000_000_000_000;

impl FromStr for Money {
    type Err = MoneyError;

    /// Parses the file form: a plain decimal in yuan with at most two decimals.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_decimal(text.trim(), text)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_file_string())
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_file_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 = self.0.saturating_sub(rhs.0);
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// A percentage with up to four decimals, held exactly in ten-thousandths of a percent
/// (`"0.03"` per day is 300). Used for interest rates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(i64);

impl Percent {
    /// Scale: units per percent.
    pub const UNITS_PER_PERCENT: i64 = 10_000;

    /// From ten-thousandths of a percent.
    pub const fn from_units(units: i64) -> Self {
        Percent(units)
    }

    /// Ten-thousandths of a percent.
    pub const fn units(self) -> i64 {
        self.0
    }

    /// As a float percentage, for display and ratios.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / Self::UNITS_PER_PERCENT as f64
    }
}

impl FromStr for Percent {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim().trim_end_matches('%');
        let bad = || format!("\"{text}\" is not a percentage like \"0.05\" (at most four decimals)");
        let (whole, frac) = trimmed.split_once('.').unwrap_or((trimmed, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() && frac.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 4 || whole.len() > 6 {
            return Err(bad());
        }
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad())? };
        let padded = format!("{frac:0<4}");
        let frac: i64 = padded.parse().map_err(|_| bad())?;
        Ok(Percent(whole * Self::UNITS_PER_PERCENT + frac))
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / Self::UNITS_PER_PERCENT;
        let frac = self.0 % Self::UNITS_PER_PERCENT;
        let frac_text = format!("{frac:04}");
        let frac_text = frac_text.trim_end_matches('0');
        let frac_text = if frac_text.len() < 2 { format!("{frac_text:0<2}") } else { frac_text.to_string() };
        write!(f, "{whole}.{frac_text}")
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `mul_ratio` worked out in 128 bits only, as the reference.
    fn wide_ratio(fen: i64, numerator: i64, denominator: i64) -> i64 {
        if denominator == 0 {
            return 0;
        }
        let product = i128::from(fen) * i128::from(numerator);
        let den = i128::from(denominator);
        let magnitude = (product.abs() + den.abs() / 2) / den.abs();
        let rounded = if (product >= 0) == (den > 0) { magnitude } else { -magnitude };
        rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
    }

    #[test]
    fn ratios_round_half_away_from_zero_for_any_sizes() {
        let edges =
            [0, 1, -1, 2, -2, 3, 7, -7, 99, 100, 12_345, -12_345, i64::MAX, i64::MIN, i64::MAX / 3, i64::MIN / 3];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let shift = (seed >> 58) as u32;
            ((seed >> 1) as i64) >> shift
        };
        let mut values: Vec<i64> = edges.to_vec();
        values.extend((0..60).map(|_| next()));
        for &fen in &values {
            for &numerator in &values {
                for &denominator in &values {
                    assert_eq!(
                        Money::from_fen(fen).mul_ratio(numerator, denominator).fen(),
                        wide_ratio(fen, numerator, denominator),
                        "{fen} × {numerator} / {denominator}"
                    );
                }
            }
        }
        assert_eq!(Money::from_fen(5).mul_ratio(1, 2).fen(), 3);
        assert_eq!(Money::from_fen(-5).mul_ratio(1, 2).fen(), -3);
        assert_eq!(Money::from_fen(5).mul_ratio(-1, 2).fen(), -3);
    }

    #[test]
    fn file_strings_parse_exactly() {
        let cases = [
            ("5000.00", 500_000),
            ("12.5", 1_250),
            ("0", 0),
            ("0.01", 1),
            ("-3.05", -305),
            (".5", 50),
            ("458.33", 45_833),
        ];
        for (text, fen) in cases {
            assert_eq!(text.parse::<Money>(), Ok(Money::from_fen(fen)), "{text}");
        }
    }

    #[test]
    fn bad_file_strings_are_refused_with_a_reason() {
        for text in ["", "1.234", "abc", "1e3", "--1", "1.2.3", "99999999999999999999"] {
            assert!(text.parse::<Money>().is_err(), "{text} should be refused");
        }
        assert!(matches!("1.234".parse::<Money>(), Err(MoneyError::TooPrecise(_))));
    }

    #[test]
    fn typed_amounts_accept_what_people_write() {
        let cases = [("5000", 500_000), ("5,000.00", 500_000), ("¥5,000", 500_000), (" 899元 ", 89_900)];
        for (text, fen) in cases {
            assert_eq!(Money::parse_lenient(text), Ok(Money::from_fen(fen)), "{text}");
        }
    }

    #[test]
    fn display_groups_thousands() {
        assert_eq!(Money::from_fen(123_456_789).display_yuan(), "¥1,234,567.89");
        assert_eq!(Money::from_fen(89_900).display_short(), "¥899");
        assert_eq!(Money::from_fen(-5).to_file_string(), "-0.05");
    }

    #[test]
    fn ratios_round_half_away_from_zero() {
        assert_eq!(Money::from_fen(100).mul_ratio(1, 3), Money::from_fen(33));
        assert_eq!(Money::from_fen(5).mul_ratio(1, 2), Money::from_fen(3));
        assert_eq!(Money::from_fen(-5).mul_ratio(1, 2), Money::from_fen(-3));
        assert_eq!(Money::from_fen(5).mul_ratio(1, 0), Money::ZERO);
    }

    #[test]
    fn percent_round_trips() {
        for text in ["0.03", "0.0325", "12.00", "1.50"] {
            let pct: Percent = text.parse().unwrap_or_default();
            let again: Percent = pct.to_string().parse().unwrap_or_default();
            assert_eq!(pct, again, "{text}");
        }
        assert_eq!("0.03".parse::<Percent>().map(|p| p.units()), Ok(300));
        assert!("0.00001".parse::<Percent>().is_err());
    }
}
