//! Spreadsheet exports (WeChat Pay's newer `.xlsx`): the first sheet, as rows of text cells.
//!
//! Cells become the text a CSV export would hold, so one reader serves both. Spreadsheet
//! programs store times as serial day numbers and long order numbers as floats; times are
//! turned back into text, and long floats are written in exponent form, which the reader then
//! treats as a mangled order number rather than trusting digits a float cannot hold.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::error::ImportError;
use super::when::from_serial;

/// The first sheet's rows: (row number from 1, cells).
pub(crate) fn first_sheet(file: &str, bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let failed = |reason: String| ImportError::Spreadsheet { file: file.to_string(), reason };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| failed(e.to_string()))?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(error)) => return Err(failed(error.to_string())),
        None => return Err(failed("it has no sheets".into())),
    };
    let Some((first_row, first_column)) = range.start() else { return Ok(Vec::new()) };
    let lead = first_column as usize;
    let rows = range
        .rows()
        .enumerate()
        .map(|(index, row)| {
            let mut cells = vec![String::new(); lead];
            cells.extend(row.iter().map(cell_text));
            (first_row as usize + index + 1, cells)
        })
        .collect();
    Ok(rows)
}

/// A cell as the text a CSV export would have.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => float_text(*value),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(serial) => match from_serial(serial.as_f64()) {
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => float_text(serial.as_f64()),
        },
        Data::Error(error) => format!("#{error:?}"),
        Data::Empty => String::new(),
    }
}

/// Whole numbers as integers; amounts to the fen (a float's noise such as `0.30000000000000004`
/// dropped); other fractions (a time stored as a plain serial number) in full; and numbers too
/// long for a float's 15 significant digits in exponent form, so they never pass as an exact
/// order number.
fn float_text(value: f64) -> String {
    let fen = format!("{value:.2}");
    if value.abs() >= 1e15 {
        format!("{value:E}")
    } else if value.fract() == 0.0 {
        format!("{value:.0}")
    } else if fen.parse::<f64>().is_ok_and(|rounded| (rounded - value).abs() < 1e-9) {
        fen
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_an_export_writes_them() {
        let cases =
            [(28.16, "28.16"), (5000.0, "5000"), (4.2e27, "4.2E27"), (0.1 + 0.2, "0.30"), (44_967.378_5, "44967.3785")];
        for (value, text) in cases {
            assert_eq!(float_text(value), text);
        }
    }

    #[test]
    fn not_a_spreadsheet_is_said_plainly() {
        let error = first_sheet("bill.xlsx", b"PK\x03\x04 not really a zip").err();
        assert!(matches!(error, Some(ImportError::Spreadsheet { ref file, .. }) if file == "bill.xlsx"), "{error:?}");
    }
}
