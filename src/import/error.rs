//! Why a bill export could not be read. Every message names the file, the place where that
//! helps, and what is wrong, in words a person can act on.

use std::fmt;

/// A place in a bill export: a line of a text file or a row of a spreadsheet, from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    /// The line or row number, from 1.
    pub number: usize,
    /// True for a spreadsheet row, false for a text line.
    pub is_sheet_row: bool,
}

impl Loc {
    /// A line of a text file.
    pub fn line(number: usize) -> Self {
        Loc { number, is_sheet_row: false }
    }

    /// A row of a spreadsheet.
    pub fn row(number: usize) -> Self {
        Loc { number, is_sheet_row: true }
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = if self.is_sheet_row { "row" } else { "line" };
        write!(f, "{word} {}", self.number)
    }
}

/// Why a bill export was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// No bytes at all.
    #[error("{file}: the file is empty")]
    Empty {
        /// The file's name.
        file: String,
    },
    /// Bytes that are neither text in a known encoding nor a spreadsheet.
    #[error(
        "{file}: {at}: this is not text in UTF-8 or GBK, nor a spreadsheet; \
         is it a bill export from Alipay (支付宝) or WeChat Pay (微信支付)?"
    )]
    NotText {
        /// The file's name.
        file: String,
        /// The first line that does not decode.
        at: Loc,
    },
    /// A spreadsheet that could not be opened.
    #[error("{file}: the spreadsheet cannot be read ({reason}); save it again as .xlsx or export the bill again")]
    Spreadsheet {
        /// The file's name.
        file: String,
        /// What the spreadsheet reader said.
        reason: String,
    },
    /// No header row was found.
    #[error(
        "{file}: no bill table found: none of the first {searched} lines is a header with 交易时间, 收/支 and 金额; \
         is this a bill export from Alipay (支付宝) or WeChat Pay (微信支付)?"
    )]
    NoHeader {
        /// The file's name.
        file: String,
        /// How many lines were looked at.
        searched: usize,
    },
    /// The old Alipay web export, which is not read.
    #[error(
        "{file}: {at}: this is the old Alipay web export (columns 交易号, 交易创建时间, 商品名称, 金额（元）, 资金状态), \
         which this version does not read; export the bill again from the Alipay app \
         (我的 → 账单 → ··· → 开具交易流水证明 → 用于个人对账) to get the current format"
    )]
    OldAlipayFormat {
        /// The file's name.
        file: String,
        /// Where its header is.
        at: Loc,
    },
    /// The header lacks a column the import needs.
    #[error("{file}: {at}: the header has no {column} column, which a {app} bill export has; was a column deleted?")]
    MissingColumn {
        /// The file's name.
        file: String,
        /// Where the header is.
        at: Loc,
        /// The app the header looks like.
        app: &'static str,
        /// The column's name as the export writes it.
        column: &'static str,
    },
    /// A quoted cell that never ends.
    #[error("{file}: {at}: a quoted cell starts on this line and is never closed; the file looks cut off or damaged")]
    UnclosedQuote {
        /// The file's name.
        file: String,
        /// Where the cell starts.
        at: Loc,
    },
    /// The file stops in the middle of a row.
    #[error(
        "{file}: {at}: the file ends in the middle of this row ({found} of {expected} columns); \
         it looks cut off: export or copy it again"
    )]
    CutOff {
        /// The file's name.
        file: String,
        /// The last row.
        at: Loc,
        /// Columns present.
        found: usize,
        /// Columns the rows before it have.
        expected: usize,
    },
    /// A row with too few columns.
    #[error(
        "{file}: {at}: this row has {found} columns, but the header's {column} column is number {needed}; is the row damaged?"
    )]
    ShortRow {
        /// The file's name.
        file: String,
        /// Where the row is.
        at: Loc,
        /// Columns present.
        found: usize,
        /// The column that is missing.
        column: &'static str,
        /// Its position, from 1.
        needed: usize,
    },
    /// A cell that cannot be read as what its column holds.
    #[error("{file}: {at}: {column} \"{value}\" is not {expected}")]
    BadCell {
        /// The file's name.
        file: String,
        /// Where the row is.
        at: Loc,
        /// The column's name.
        column: &'static str,
        /// The cell as written (shortened when long).
        value: String,
        /// What the column should hold.
        expected: &'static str,
    },
    /// Matching rules that do not load.
    #[error("import rules: {0}")]
    Rules(String),
}
