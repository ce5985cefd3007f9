//! The data file as text, fast: byte for byte what [`crate::domain::write_data_file`] writes,
//! in a fraction of the time.
//!
//! Why: saving the 100,000-record budget file must take ≤ 300 ms, and ron's serializer spends
//! most of that escaping every string (dates and amounts are strings too) one character at a
//! time through `fmt::Write`. Here plain strings are copied whole and numbers, dates and amounts
//! are written digit by digit into one buffer. A property test holds the two writers equal on
//! arbitrary data, so the format stays defined by the domain; if the domain's format changes,
//! that test fails until this follows.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::domain::{DataFile, Money, Percent, SCHEMA_VERSION};

/// The data file's text, identical to [`crate::domain::write_data_file`]'s.
pub fn data_file_text(data: &DataFile) -> String {
    let mut w = Writer(String::with_capacity(128 + data.record_count() * 130));
    w.raw(&format!("// Credit Health data file (schema {SCHEMA_VERSION}).\n#![enable(implicit_some)]\n(\n"));
    w.raw(&format!("    schema: {},\n    profile: (\n", data.schema));
    let p = &data.profile;
    w.line_field("name", |w| w.opt(p.name.as_deref(), Writer::string));
    w.line_field("joined", |w| w.date(p.joined));
    w.line_field("identity_verified", |w| w.raw(if p.identity_verified { "true" } else { "false" }));
    w.line_field("monthly_income", |w| w.opt(p.monthly_income, Writer::money));
    w.line_field("liquid_assets", |w| w.opt(p.liquid_assets, Writer::money));
    w.line_field("target", |w| w.string(&p.target));
    w.raw("    ),\n");
    w.list("accounts", &data.accounts, |w, a| {
        w.first("id", |w| w.string(&a.id));
        w.field("lender", |w| w.string(&a.lender));
        w.field("kind", |w| w.debug(a.kind));
        w.field("opened", |w| w.date(a.opened));
        w.field("limit", |w| w.opt(a.limit, Writer::money));
        w.field("closed", |w| w.opt(a.closed, Writer::date));
        if let Some(day) = a.imported_until {
            w.field("imported_until", |w| w.date(day));
        }
    });
    w.list("draws", &data.draws, |w, d| {
        w.first("id", |w| w.string(&d.id));
        w.field("account", |w| w.string(&d.account));
        w.field("at", |w| w.time(d.at));
        w.field("amount", |w| w.money(d.amount));
        w.field("term_months", |w| w.number(u64::from(d.term_months)));
        w.field("repay", |w| w.debug(d.repay));
        w.field("daily_rate_pct", |w| w.opt(d.daily_rate_pct, Writer::percent));
    });
    w.list("statements", &data.statements, |w, s| {
        w.first("id", |w| w.string(&s.id));
        w.field("account", |w| w.string(&s.account));
        w.field("closing", |w| w.date(s.closing));
        w.field("due", |w| w.date(s.due));
        w.field("balance", |w| w.money(s.balance));
        w.field("minimum", |w| w.money(s.minimum));
    });
    w.list("repayments", &data.repayments, |w, r| {
        w.first("id", |w| w.string(&r.id));
        w.field("account", |w| w.string(&r.account));
        w.field("draw", |w| w.opt(r.draw.as_deref(), Writer::string));
        w.field("at", |w| w.time(r.at));
        w.field("amount", |w| w.money(r.amount));
    });
    w.list("observed_limits", &data.observed_limits, |w, o| {
        w.first("id", |w| w.string(&o.id));
        w.field("account", |w| w.string(&o.account));
        w.field("on", |w| w.date(o.on));
        w.field("limit", |w| w.money(o.limit));
    });
    w.list("inquiries", &data.inquiries, |w, q| {
        w.first("id", |w| w.string(&q.id));
        w.field("on", |w| w.date(q.on));
        w.field("by", |w| w.string(&q.by));
        w.field("purpose", |w| w.debug(q.purpose));
    });
    w.list("events", &data.events, |w, e| {
        w.first("id", |w| w.string(&e.id));
        w.field("at", |w| w.time(e.at));
        w.field("kind", |w| w.debug(e.kind));
        w.field("note", |w| w.opt(e.note.as_deref(), Writer::string));
    });
    w.raw(")\n");
    w.0
}

/// An output buffer with the few shapes the data file has.
struct Writer(String);

impl Writer {
    fn raw(&mut self, text: &str) {
        self.0.push_str(text);
    }

    /// `        name: value,` on its own line (the profile's fields).
    fn line_field(&mut self, name: &str, value: impl FnOnce(&mut Self)) {
        self.raw("        ");
        self.raw(name);
        self.raw(": ");
        value(self);
        self.raw(",\n");
    }

    /// A list: `    name: [],` when empty, else one record per line.
    fn list<T>(&mut self, name: &str, items: &[T], mut record: impl FnMut(&mut Self, &T)) {
        self.raw("    ");
        self.raw(name);
        if items.is_empty() {
            self.raw(": [],\n");
            return;
        }
        self.raw(": [\n");
        for item in items {
            self.raw("        (");
            record(self, item);
            self.raw("),\n");
        }
        self.raw("    ],\n");
    }

    /// The first field of a record.
    fn first(&mut self, name: &str, value: impl FnOnce(&mut Self)) {
        self.raw(name);
        self.raw(": ");
        value(self);
    }

    /// Any later field of a record.
    fn field(&mut self, name: &str, value: impl FnOnce(&mut Self)) {
        self.raw(", ");
        self.first(name, value);
    }

    /// An optional value: the value itself (implicit `Some`) or `None`.
    fn opt<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            Some(value) => write(self, value),
            None => self.raw("None"),
        }
    }

    /// A quoted string, escaped exactly as ron does (`char::escape_debug` on every character),
    /// copied whole when nothing in it needs escaping.
    fn string(&mut self, text: &str) {
        self.0.push('"');
        let plain = text.bytes().all(|b| (0x20..0x7F).contains(&b) && !matches!(b, b'"' | b'\\' | b'\''));
        if plain {
            self.0.push_str(text);
        } else {
            self.0.extend(text.chars().flat_map(char::escape_debug));
        }
        self.0.push('"');
    }

    /// A unit enum variant by its name (serde's name is the Rust name for these enums).
    fn debug(&mut self, value: impl std::fmt::Debug) {
        let _ = write!(self.0, "{value:?}");
    }

    fn number(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.0.extend(digits[at..].iter().map(|d| char::from(*d)));
    }

    /// `n` with at least `width` digits.
    fn padded(&mut self, n: u32, width: usize) {
        let text_len = if n == 0 { 1 } else { n.ilog10() as usize + 1 };
        for _ in text_len..width {
            self.0.push('0');
        }
        self.number(u64::from(n));
    }

    /// `"5000.00"`, as [`Money::to_file_string`] writes it.
    fn money(&mut self, money: Money) {
        self.0.push('"');
        if money.is_negative() {
            self.0.push('-');
        }
        let fen = money.fen().unsigned_abs();
        self.number(fen / 100);
        self.0.push('.');
        self.padded((fen % 100) as u32, 2);
        self.0.push('"');
    }

    fn percent(&mut self, percent: Percent) {
        let _ = write!(self.0, "\"{percent}\"");
    }

    /// `"2025-01-05"`, as chrono's serde writes it (its `Debug` form).
    fn date(&mut self, date: NaiveDate) {
        self.0.push('"');
        self.date_digits(date);
        self.0.push('"');
    }

    fn date_digits(&mut self, date: NaiveDate) {
        if (0..=9999).contains(&date.year()) {
            self.padded(date.year() as u32, 4);
            self.0.push('-');
            self.padded(date.month(), 2);
            self.0.push('-');
            self.padded(date.day(), 2);
        } else {
            let _ = write!(self.0, "{date:?}");
        }
    }

    /// `"2025-01-05T14:30:00"`, as chrono's serde writes it (its `Debug` form).
    fn time(&mut self, time: NaiveDateTime) {
        self.0.push('"');
        if (0..=9999).contains(&time.year()) && time.nanosecond() == 0 {
            self.date_digits(time.date());
            self.0.push('T');
            self.padded(time.hour(), 2);
            self.0.push(':');
            self.padded(time.minute(), 2);
            self.0.push(':');
            self.padded(time.second(), 2);
        } else {
            let _ = write!(self.0, "{time:?}");
        }
        self.0.push('"');
    }
}
