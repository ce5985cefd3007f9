//! `credit-health check`: is the store sound? Reads only; changes nothing.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::store::{DATA_FILE, Health, StoreError, inspect, recovery_report};

/// Loads the store without changing it: exit 0 if sound (or empty), 2 with the reason if not.
pub fn run(io: &mut Io, data_dir: impl FnOnce() -> Result<PathBuf, StoreError>) -> u8 {
    let dir = match data_dir() {
        Ok(dir) => dir,
        Err(error) => return io.fail(&error.to_string()),
    };
    match inspect(&dir) {
        Ok(Health::Empty) => {
            io.say(&format!("{}: no data yet (there is no {DATA_FILE})", dir.display()));
            EXIT_OK
        }
        Ok(Health::Sound(data)) => {
            let path = dir.join(DATA_FILE);
            io.say(&format!("{}: sound, {} records", path.display(), data.record_count()));
            EXIT_OK
        }
        Ok(Health::Corrupt { path, problems, newest_good_backup }) => {
            io.warn(&recovery_report(&path, None, &problems, newest_good_backup.as_ref()));
            EXIT_BAD_INPUT
        }
        Err(error) => io.fail(&error.to_string()),
    }
}
