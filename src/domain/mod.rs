//! Pure data types and validation: money, dates, records and the data file.
//!
//! Nothing here touches the file system, the clock or the UI.

pub mod file;
pub mod generate;
pub mod money;
pub mod records;
pub mod source_map;
pub mod text;
pub mod validate;

pub use file::{parse_data_file, write_data_file};
pub use money::{Money, MoneyError, Percent};
pub use records::*;
pub use text::{Lang, Text};
pub use validate::{Place, Problem, ProblemCode, check_text, validate};
