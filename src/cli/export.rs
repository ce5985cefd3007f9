//! `credit-health export [--out FILE]`: the store's data as a schema-1 data file.

use std::path::{Path, PathBuf};

use super::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::domain::DataFile;
use crate::store::{DATA_FILE, Health, StoreError, data_file_text, inspect, recovery_report, write_atomic};

/// Writes the store's data to `out` (atomically) or to standard output.
pub fn run(io: &mut Io, out: Option<&Path>, data_dir: impl FnOnce() -> Result<PathBuf, StoreError>) -> u8 {
    let data = match store_data(io, data_dir) {
        Ok(data) => data,
        Err(code) => return code,
    };
    let text = data_file_text(&data);
    match out {
        Some(path) => match write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                io.say(&format!("{}: exported {} records", path.display(), data.record_count()));
                EXIT_OK
            }
            Err(error) => io.fail(&error.to_string()),
        },
        None => match io.out.write_all(text.as_bytes()).and_then(|()| io.out.flush()) {
            Ok(()) => EXIT_OK,
            Err(error) => io.fail(&format!("standard output: could not write the data: {error}")),
        },
    }
}

/// The store's data, read without changing anything; the error is the exit code, already reported.
pub fn store_data(io: &mut Io, data_dir: impl FnOnce() -> Result<PathBuf, StoreError>) -> Result<DataFile, u8> {
    let dir = data_dir().map_err(|error| io.fail(&error.to_string()))?;
    match inspect(&dir) {
        Ok(Health::Sound(data)) => Ok(data),
        Ok(Health::Empty) => {
            Err(io.fail(&format!("{}: there is no data yet (no {DATA_FILE}); import a data file first", dir.display())))
        }
        Ok(Health::Corrupt { path, problems, newest_good_backup }) => {
            io.warn(&recovery_report(&path, None, &problems, newest_good_backup.as_ref()));
            Err(EXIT_BAD_INPUT)
        }
        Err(error) => Err(io.fail(&error.to_string())),
    }
}
