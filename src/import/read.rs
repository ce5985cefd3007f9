//! From bytes to a [`Bill`]: detect spreadsheet or text and its encoding, find the header,
//! then read and classify every data row. Any row that cannot be read refuses the whole file
//! with its line: a half-read bill would silently miss repayments.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::Money;

use super::bill::{Bill, BillFormat, BillLender, BillRow, BillSource, IgnoredRow};
use super::classify::{Outcome, RawRow, classify};
use super::csv;
use super::decode::decode;
use super::error::{ImportError, Loc};
use super::rules::ImportRules;
use super::sheet;
use super::table::{Columns, Field, Header, read_header};
use super::when::{from_serial, parse_time};

/// How many lines the header is looked for in; real preambles are 15–25 lines.
const HEADER_SEARCH_LINES: usize = 200;

/// How often (in rows) progress is reported.
const PROGRESS_EVERY: usize = 2048;

/// One row of the file, whichever kind of file it is.
struct Line<'a> {
    loc: Loc,
    cells: Vec<Cow<'a, str>>,
    terminated: bool,
}

/// Where the table starts and what its columns are.
struct Table<'a> {
    source: BillSource,
    format: BillFormat,
    header: Loc,
    columns: Columns,
    lines: Vec<Line<'a>>,
    /// The end of the date range the preamble states (终止时间), if it states one.
    preamble_end: Option<NaiveDate>,
}

/// Reads a bill export; see [`super::read_bill`].
pub(crate) fn read(
    file: &str,
    bytes: &[u8],
    rules: &ImportRules,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Bill, ImportError> {
    let sheet_rows;
    let decoded;
    let table = if is_spreadsheet(bytes) {
        sheet_rows = sheet::first_sheet(file, bytes)?;
        sheet_table(file, &sheet_rows)?
    } else {
        decoded = decode(file, bytes)?;
        text_table(file, &decoded.text, decoded.encoding)?
    };
    rows(file, table, rules, progress)
}

/// Zip (xlsx, ods) or OLE (xls) containers.
fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

fn sheet_table<'a>(file: &str, sheet_rows: &'a [(usize, Vec<String>)]) -> Result<Table<'a>, ImportError> {
    for (index, (row, cells)) in sheet_rows.iter().enumerate().take(HEADER_SEARCH_LINES) {
        let at = Loc::row(*row);
        if let Some((source, columns)) = header_of(file, at, cells)? {
            let preamble: Vec<&str> =
                sheet_rows[..index].iter().flat_map(|(_, cells)| cells).map(String::as_str).collect();
            let preamble_end = stated_end(&preamble.join(" "));
            let lines = sheet_rows[index + 1..]
                .iter()
                .map(|(row, cells)| Line {
                    loc: Loc::row(*row),
                    cells: cells.iter().map(|c| Cow::Borrowed(c.as_str())).collect(),
                    terminated: true,
                })
                .collect();
            return Ok(Table { source, format: BillFormat::Spreadsheet, header: at, columns, lines, preamble_end });
        }
    }
    Err(ImportError::NoHeader { file: file.to_string(), searched: sheet_rows.len().min(HEADER_SEARCH_LINES) })
}

fn text_table<'a>(file: &str, text: &'a str, encoding: &'static str) -> Result<Table<'a>, ImportError> {
    let mut searched = 0;
    for (line_number, start, end) in line_spans(text).take(HEADER_SEARCH_LINES) {
        searched = line_number;
        let line = &text[start..end];
        if !line.contains("交易") {
            continue;
        }
        let delimiter = delimiter_of(line);
        let at = Loc::line(line_number);
        if let Some((source, columns)) = header_of(file, at, &csv::split_line(line, delimiter))? {
            let records = csv::records(&text[start..], line_number, delimiter)
                .map_err(|open| ImportError::UnclosedQuote { file: file.to_string(), at: Loc::line(open.line) })?;
            let lines = records
                .into_iter()
                .skip(1)
                .map(|r| Line { loc: Loc::line(r.line), cells: r.cells, terminated: r.terminated })
                .collect();
            let preamble_end = stated_end(&text[..start]);
            return Ok(Table {
                source,
                format: BillFormat::Csv { encoding },
                header: at,
                columns,
                lines,
                preamble_end,
            });
        }
    }
    Err(ImportError::NoHeader { file: file.to_string(), searched })
}

/// The header's source and columns, `None` when `cells` is not a header, or why it cannot be read.
fn header_of<S: AsRef<str>>(file: &str, at: Loc, cells: &[S]) -> Result<Option<(BillSource, Columns)>, ImportError> {
    match read_header(cells) {
        Header::Bill { source, columns } => Ok(Some((source, columns))),
        Header::Other => Ok(None),
        Header::OldAlipay => Err(ImportError::OldAlipayFormat { file: file.to_string(), at }),
        Header::Missing { source, field } => Err(ImportError::MissingColumn {
            file: file.to_string(),
            at,
            app: source.name(crate::domain::Lang::En),
            column: field.name_in(source),
        }),
    }
}

/// (line number from 1, start, end without the line end) for every line; CRLF, LF and CR all end a line.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = bytes[start..].iter().position(|b| *b == b'\n' || *b == b'\r').map_or(bytes.len(), |i| start + i);
        let next = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        number += 1;
        let span = (number, start, end);
        start = next;
        Some(span)
    })
}

/// Exports use commas; "Unicode text" from spreadsheets uses tabs; some locales use semicolons.
fn delimiter_of(line: &str) -> u8 {
    let count = |d: char| line.matches(d).count();
    [b',', b'\t', b';'].into_iter().max_by_key(|d| count(char::from(*d))).unwrap_or(b',')
}

/// Reads every data row of the table.
fn rows(
    file: &str,
    table: Table<'_>,
    rules: &ImportRules,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Bill, ImportError> {
    let total = table.lines.len();
    let mut bill = Bill {
        file_name: file.to_string(),
        source: table.source,
        format: table.format,
        header_line: table.header.number,
        rows_read: 0,
        rows: Vec::new(),
        ignored: Vec::new(),
        lenders: Vec::new(),
        covered_until: table.preamble_end,
    };
    let mut reader = RowReader {
        file,
        source: table.source,
        columns: &table.columns,
        rules,
        made_up_ids: HashMap::new(),
        width: 0,
        text: String::new(),
    };
    let mut lender_index: HashMap<String, usize> = HashMap::new();
    progress(0, total);
    for (done, line) in table.lines.iter().enumerate() {
        if done % PROGRESS_EVERY == 0 && done > 0 {
            progress(done, total);
        }
        let Some(row) = reader.row(line)? else { continue };
        bill.rows_read += 1;
        match row {
            Read::Ignored(ignored) => bill.ignored.push(ignored),
            Read::Credit(credit) => {
                let (row, lender) = *credit;
                if !lender_index.contains_key(&lender.account_hint) {
                    lender_index.insert(lender.account_hint.clone(), bill.lenders.len());
                    bill.lenders.push(lender);
                }
                bill.rows.push(row);
            }
        }
    }
    progress(total, total);
    if bill.covered_until.is_none() {
        let days = bill.rows.iter().map(|r| r.at).chain(bill.ignored.iter().map(|r| r.at));
        bill.covered_until = days.max().map(|at| at.date());
    }
    Ok(bill)
}

enum Read {
    // Boxed: credit rows are the minority, and this keeps the common case small.
    Credit(Box<(BillRow, BillLender)>),
    Ignored(IgnoredRow),
}

struct RowReader<'a> {
    file: &'a str,
    source: BillSource,
    columns: &'a Columns,
    rules: &'a ImportRules,
    /// Ids made from time and amount so far, to keep them unique within the bill.
    made_up_ids: HashMap<String, usize>,
    /// Reused for each row's matching text, to spare an allocation per row.
    text: String,
    /// How many cells the previous data row had.
    width: usize,
}

impl RowReader<'_> {
    /// One data row; `None` for blank lines and footers.
    fn row(&mut self, line: &Line<'_>) -> Result<Option<Read>, ImportError> {
        let mut filled = line.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
        let (first, second) = (filled.next(), filled.next());
        // A last line without a line end is cut off when it is shorter than the table's rows: a
        // re-saved file may drop empty trailing cells from every row, so the header alone can't say.
        let expected = self.width.max(self.columns.last().1 + 1);
        if !line.terminated && line.cells.len() < expected && first.is_some() {
            return Err(ImportError::CutOff {
                file: self.file.to_string(),
                at: line.loc,
                found: line.cells.len(),
                expected,
            });
        }
        // Blank lines, and footers such as a dashed line or "共66笔记录", carry no row.
        if second.is_none() && !first.is_some_and(|c| c.starts_with(|ch: char| ch.is_ascii_digit())) {
            return Ok(None);
        }
        let (last, position) = self.columns.last();
        if line.cells.len() <= position {
            return Err(ImportError::ShortRow {
                file: self.file.to_string(),
                at: line.loc,
                found: line.cells.len(),
                column: last.name_in(self.source),
                needed: position + 1,
            });
        }
        self.width = line.cells.len();
        self.read_cells(line).map(Some)
    }

    fn cell<'c>(&self, line: &'c Line<'_>, field: Field) -> &'c str {
        line.cells.get(self.columns.of(field)).map_or("", |c| clean(c))
    }

    fn read_cells(&mut self, line: &Line<'_>) -> Result<Read, ImportError> {
        let time_text = self.cell(line, Field::Time);
        // A spreadsheet may hold the time as a serial day number (45044.42 is 2023-04-28 10:04:48).
        let serial = || time_text.parse::<f64>().ok().filter(|days| *days >= 20_000.0).and_then(from_serial);
        let at = parse_time(time_text)
            .or_else(serial)
            .ok_or_else(|| self.bad_cell(line, Field::Time, time_text, "a date and time like 2023-02-10 09:05:00"))?;
        let amount_text = self.cell(line, Field::Amount);
        let amount = Money::parse_lenient(amount_text)
            .map_err(|_| self.bad_cell(line, Field::Amount, amount_text, "an amount in yuan like 49.74 or ¥28.16"))?;
        let raw = RawRow {
            at,
            category: self.cell(line, Field::Category),
            counterparty: self.cell(line, Field::Counterparty),
            description: self.cell(line, Field::Description),
            direction: self.cell(line, Field::Direction),
            // Some spreadsheets write money out as negative; 收/支 says the direction.
            amount: if amount.is_negative() { -amount } else { amount },
            status: self.cell(line, Field::Status),
        };
        let description = describe(raw.counterparty, raw.description);
        Ok(match classify(&raw, self.rules, &mut self.text) {
            Outcome::Ignored(reason) => {
                Read::Ignored(IgnoredRow { line: line.loc.number, at, amount: raw.amount, reason, description })
            }
            Outcome::Credit { kind, lender } => {
                let order_id = clean_order(self.cell(line, Field::Order)).to_string();
                let record_id = self.record_id(&order_id, &raw);
                let row = BillRow {
                    line: line.loc.number,
                    at,
                    kind,
                    lender: lender.lender.clone(),
                    account_kind: lender.kind,
                    account_hint: lender.account_hint.clone(),
                    amount: raw.amount,
                    order_id,
                    record_id,
                    description,
                };
                Read::Credit(Box::new((row, lender)))
            }
        })
    }

    /// `alipay-<order>`; or, when the order number is missing or mangled (a spreadsheet turned
    /// it into `2.02302E+27`), one made from the minute and the amount, numbered when the bill
    /// has several alike. A real order number is never numbered: the same order twice in a
    /// file is one record, and the plan treats the second as a duplicate.
    fn record_id(&mut self, order: &str, row: &RawRow<'_>) -> String {
        let prefix = self.source.id_prefix();
        if is_order_number(order) {
            return format!("{prefix}-{order}");
        }
        let base = format!("{prefix}-t{}-{}", row.at.format("%Y%m%d%H%M"), row.amount.fen());
        let seen = self.made_up_ids.entry(base.clone()).or_insert(0);
        *seen += 1;
        if *seen == 1 { base } else { format!("{base}-{seen}") }
    }

    fn bad_cell(&self, line: &Line<'_>, field: Field, value: &str, expected: &'static str) -> ImportError {
        let value: String = if value.chars().count() > 40 {
            value.chars().take(40).chain("…".chars()).collect()
        } else {
            value.into()
        };
        ImportError::BadCell {
            file: self.file.to_string(),
            at: line.loc,
            column: field.name_in(self.source),
            value,
            expected,
        }
    }
}

/// The last day of the range a preamble states: `终止时间：[2023-04-30 23:59:59]` (Alipay and
/// WeChat Pay write it alike), with or without brackets and full-width colons.
fn stated_end(preamble: &str) -> Option<NaiveDate> {
    let (_, rest) = preamble.split_once("终止时间")?;
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    let text = rest[start..].get(..10)?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A cell without padding, tabs, or the `/` WeChat writes for "nothing".
fn clean(cell: &str) -> &str {
    let trimmed = cell.trim();
    if trimmed == "/" { "" } else { trimmed }
}

/// Order numbers sometimes carry a quote or apostrophe a spreadsheet user added to keep them as text.
fn clean_order(order: &str) -> &str {
    order.trim().trim_matches(['\'', '`', '"']).trim()
}

fn is_order_number(order: &str) -> bool {
    let plain = order.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    // `2E27`: a float in exponent form, whose digits are lost.
    let exponent = order
        .split_once(['E', 'e'])
        .is_some_and(|(a, b)| !a.is_empty() && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()));
    !order.is_empty() && order.len() <= 64 && plain && !exponent
}

fn describe(counterparty: &str, description: &str) -> String {
    match (counterparty.is_empty(), description.is_empty()) {
        (false, false) => format!("{counterparty} · {description}"),
        (false, true) => counterparty.to_string(),
        _ => description.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangled_order_numbers_are_not_trusted() {
        let cases = [
            ("2023021022001412341234567890", true),
            ("4200001234202302105678901234", true),
            ("ABC-123_x", true),
            ("2.02302E+27", false),
            ("2.02302102200141E27", false),
            ("2E27", false),
            ("", false),
            ("订单 1", false),
        ];
        for (order, expected) in cases {
            assert_eq!(is_order_number(order), expected, "{order}");
        }
    }

    #[test]
    fn the_stated_range_end_is_found() {
        let cases = [
            (
                "起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]",
                NaiveDate::from_ymd_opt(2023, 2, 13),
            ),
            ("终止时间:2024-01-31 23:59:59", NaiveDate::from_ymd_opt(2024, 1, 31)),
            ("终止时间：[2023/13/99]", None),
            ("导出时间：[2023-05-03 20:41:17]", None),
            ("终止时间：[2023-0", None),
        ];
        for (text, expected) in cases {
            assert_eq!(stated_end(text), expected, "{text}");
        }
    }

    #[test]
    fn lines_end_in_any_style() {
        let spans: Vec<_> = line_spans("a\r\nbb\rc\n\nd").collect();
        assert_eq!(spans, vec![(1, 0, 1), (2, 3, 5), (3, 6, 7), (4, 8, 8), (5, 9, 10)]);
    }
}
