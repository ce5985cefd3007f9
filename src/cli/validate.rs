//! `credit-health validate FILE`: every problem in a data file, one line each.

use std::path::Path;

use super::{EXIT_OK, Io};
use crate::domain::{DataFile, check_text};
use crate::store::read_text;

/// Validates `file`; exit 0 if valid, 2 with one line per problem if not.
pub fn run(io: &mut Io, file: &Path) -> u8 {
    match read_data_file(io, file) {
        Ok(data) => {
            io.say(&format!("{}: valid, {} records", file.display(), data.record_count()));
            EXIT_OK
        }
        Err(code) => code,
    }
}

/// Reads and checks a data file, reporting every problem; the error is the exit code.
pub fn read_data_file(io: &mut Io, file: &Path) -> Result<DataFile, u8> {
    let text = read_text(file).map_err(|error| io.fail(&error.to_string()))?;
    check_text(&text).map_err(|problems| io.fail_problems(file, &problems))
}
