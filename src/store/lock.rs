//! One writer per store: an OS lock on `<dir>/.lock`, held for the life of the [`super::Store`].
//!
//! The operating system releases the lock when the process ends, however it ends, so a crash
//! never leaves the store locked. The holder writes its process id into the file, only so that
//! the message to a second instance can say which process has it.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::Path;

use super::error::StoreError;

/// The lock file's name inside the data folder.
pub const LOCK_FILE: &str = ".lock";

/// Takes the store's lock, or says who holds it.
pub fn take(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).map_err(|error| StoreError::io(&path, "open the lock file", error))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let holder = fs::read_to_string(&path).ok().and_then(|text| text.trim().parse().ok());
            return Err(StoreError::Locked { dir: dir.to_path_buf(), holder });
        }
        Err(TryLockError::Error(error)) => return Err(StoreError::io(&path, "lock the data folder", error)),
    }
    // Only informational (see the module comment), so a failure here is not worth refusing for.
    let _ = file.set_len(0).and_then(|()| write!(file, "{}", std::process::id()));
    Ok(file)
}
