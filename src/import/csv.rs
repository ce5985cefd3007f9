//! A small delimited-text reader that keeps line numbers, for messages that point at a line.
//!
//! It accepts what exports and spreadsheet programs write: cells quoted or not, `""` inside
//! quotes, line breaks inside quotes, CRLF, LF or CR line ends, and a last line with or
//! without an end. Cells are borrowed from the text unless unquoting changed them.

use std::borrow::Cow;

/// One record (row) of the text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Record<'a> {
    /// The line it starts on, from 1.
    pub line: usize,
    /// Its cells, untrimmed.
    pub cells: Vec<Cow<'a, str>>,
    /// False when the text ended before the record's line end (the last line of a file
    /// without a final newline, or a cut-off file).
    pub terminated: bool,
}

/// A quoted cell that never closes: the line it started on.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct UnclosedQuote {
    /// Where the quote opened, from 1.
    pub line: usize,
}

/// Splits `text` into records. `first_line` is the line number of the text's first line in the
/// file. The delimiter must be ASCII, so slicing at it never splits a character.
pub(crate) fn records(text: &str, first_line: usize, delimiter: u8) -> Result<Vec<Record<'_>>, UnclosedQuote> {
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0, line: first_line, delimiter };
    let mut out = Vec::new();
    while reader.at < reader.bytes.len() {
        out.push(reader.record()?);
    }
    Ok(out)
}

/// Splits a single line (no line end) into cells; used to look at header candidates.
pub(crate) fn split_line(line: &str, delimiter: u8) -> Vec<Cow<'_, str>> {
    match records(line, 1, delimiter) {
        Ok(mut records) if !records.is_empty() => records.swap_remove(0).cells,
        _ => line.split(char::from(delimiter)).map(Cow::Borrowed).collect(),
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    line: usize,
    delimiter: u8,
}

impl<'a> Reader<'a> {
    fn record(&mut self) -> Result<Record<'a>, UnclosedQuote> {
        let line = self.line;
        let mut cells = Vec::new();
        loop {
            cells.push(self.cell()?);
            match self.bytes.get(self.at) {
                Some(&b) if b == self.delimiter => self.at += 1,
                Some(b'\r') => {
                    self.at += if self.bytes.get(self.at + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.line += 1;
                    return Ok(Record { line, cells, terminated: true });
                }
                Some(b'\n') => {
                    self.at += 1;
                    self.line += 1;
                    return Ok(Record { line, cells, terminated: true });
                }
                _ => return Ok(Record { line, cells, terminated: false }),
            }
        }
    }

    /// Reads one cell and stops at the delimiter or line end after it.
    fn cell(&mut self) -> Result<Cow<'a, str>, UnclosedQuote> {
        let start = self.at;
        let leading = self.bytes[start..].iter().take_while(|b| **b == b' ').count();
        if self.bytes.get(start + leading) == Some(&b'"') {
            self.at = start + leading + 1;
            let quoted = self.quoted()?;
            // Anything between the closing quote and the delimiter (spaces, a tab) is kept, as written.
            let tail_start = self.at;
            self.skip_to_cell_end();
            let tail = &self.text[tail_start..self.at];
            return Ok(if tail.is_empty() { quoted } else { Cow::Owned(format!("{quoted}{tail}")) });
        }
        self.skip_to_cell_end();
        Ok(Cow::Borrowed(&self.text[start..self.at]))
    }

    fn skip_to_cell_end(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            if b == self.delimiter || b == b'\n' || b == b'\r' {
                break;
            }
            self.at += 1;
        }
    }

    /// Reads a quoted cell's content; `self.at` is just after the opening quote.
    fn quoted(&mut self) -> Result<Cow<'a, str>, UnclosedQuote> {
        let opened_on = self.line;
        let mut owned: Option<String> = None;
        let mut segment = self.at;
        loop {
            match self.bytes.get(self.at) {
                None => return Err(UnclosedQuote { line: opened_on }),
                Some(b'"') if self.bytes.get(self.at + 1) == Some(&b'"') => {
                    // An escaped quote: keep one, drop the other.
                    owned.get_or_insert_with(String::new).push_str(&self.text[segment..=self.at]);
                    self.at += 2;
                    segment = self.at;
                }
                Some(b'"') => {
                    let last = &self.text[segment..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut text) => {
                            text.push_str(last);
                            Cow::Owned(text)
                        }
                        None => Cow::Borrowed(last),
                    });
                }
                Some(b'\n') => {
                    self.line += 1;
                    self.at += 1;
                }
                Some(b'\r') => {
                    if self.bytes.get(self.at + 1) != Some(&b'\n') {
                        self.line += 1;
                    }
                    self.at += 1;
                }
                Some(_) => self.at += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, cells, terminated).
    type Row = (usize, Vec<String>, bool);

    fn cells(text: &str) -> Vec<Row> {
        records(text, 1, b',')
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.line, r.cells.into_iter().map(Cow::into_owned).collect(), r.terminated))
            .collect()
    }

    fn row(line: usize, cells: &[&str], terminated: bool) -> Row {
        (line, cells.iter().map(|c| c.to_string()).collect(), terminated)
    }

    #[test]
    fn records_read_as_written() {
        let cases: Vec<(&str, Vec<Row>)> = vec![
            ("a,b,\r\nc,d,\r\n", vec![row(1, &["a", "b", ""], true), row(2, &["c", "d", ""], true)]),
            ("a,\"b,c\"\nd", vec![row(1, &["a", "b,c"], true), row(2, &["d"], false)]),
            ("\"say \"\"hi\"\"\",x\n", vec![row(1, &["say \"hi\"", "x"], true)]),
            ("\"two\nlines\",x\ny\n", vec![row(1, &["two\nlines", "x"], true), row(3, &["y"], true)]),
            (" \"q\"\t,x\r", vec![row(1, &["q\t", "x"], true)]),
            ("a\r\rb", vec![row(1, &["a"], true), row(2, &[""], true), row(3, &["b"], false)]),
        ];
        for (text, expected) in cases {
            assert_eq!(cells(text), expected, "{text:?}");
        }
    }

    #[test]
    fn an_open_quote_names_its_line() {
        assert_eq!(records("a,b\nc,\"d\ne", 1, b',').err(), Some(UnclosedQuote { line: 2 }));
    }
}
