//! The file-system seam: every write the store makes goes through [`FileSystem`], so a test can
//! make any step fail and check that nothing was lost. [`RealFs`] is the real thing.
//!
//! An atomic, durable write is: a temporary file in the same folder, written and fsynced, renamed
//! over the target, then the folder fsynced so the rename itself survives a power cut.

use std::ffi::OsString;
use std::fmt::Debug;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::StoreError;
use crate::domain::source_map::place_of;

/// The file-system operations the store uses to write. Reads that cannot lose data go straight
/// to `std::fs`.
pub trait FileSystem: Debug + Send + Sync {
    /// Creates a folder and its parents; new folders are private (0700 on Unix).
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
    /// Creates a new file (failing if it exists), private (0600 on Unix), writes `bytes`, fsyncs it.
    fn write_new_synced(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Renames `from` to `to`, replacing `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes `to` a second name of the file `from`.
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Fsyncs a folder, so that renames and new names in it are durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove_file(&self, path: &Path) -> io::Result<()>;
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFs;

impl FileSystem for RealFs {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)
    }

    fn write_new_synced(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::hard_link(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        // Folders can be opened and fsynced on Unix; Windows has no such call and makes
        // renames durable by itself (MoveFileEx with write-through), so there is nothing to do.
        #[cfg(unix)]
        {
            File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

/// The folder a file lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The prefix of temporary files written beside `name`, so stale ones can be recognised.
pub fn temp_prefix(name: &std::ffi::OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".tmp-");
    prefix
}

/// A fresh temporary name beside `path`: unique within this process by a counter and across
/// processes by the process id.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().unwrap_or(path.as_os_str());
    let mut temp = temp_prefix(name);
    temp.push(format!("{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    parent_dir(path).join(temp)
}

/// Writes `bytes` to `path` atomically and durably through `fs`: either the old file or the new
/// one is there afterwards, whatever happens, and a failure leaves no temporary file behind.
pub fn write_atomic_with(fs: &dyn FileSystem, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let temp = temp_path(path);
    if let Err(error) = fs.write_new_synced(&temp, bytes) {
        // Best effort: the temporary file may not exist at all.
        let _ = fs.remove_file(&temp);
        return Err(StoreError::io(path, "write the new version (the previous file is unchanged)", error));
    }
    if let Err(error) = fs.rename(&temp, path) {
        let _ = fs.remove_file(&temp);
        return Err(StoreError::io(
            path,
            "replace the file with the new version (the previous file is unchanged)",
            error,
        ));
    }
    fs.sync_dir(&parent_dir(path)).map_err(|error| {
        StoreError::io(path, "make the new version durable (the folder could not be synced to disk)", error)
    })
}

/// Writes `bytes` to `path` atomically and durably (for settings and exports).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_with(&RealFs, path, bytes)
}

/// Reads a file's bytes (bill exports), with a message naming the file when it cannot.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    fs::read(path).map_err(|error| StoreError::io(path, "read the file", error))
}

/// Reads a UTF-8 text file (rules files, data files to import). A byte-order mark is dropped;
/// anything else that is not UTF-8 is refused with the line and column of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, StoreError> {
    text_from_bytes(path, read_bytes(path)?)
}

/// Turns a file's bytes into text, or says where the first byte that is not UTF-8 is.
pub fn text_from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<String, StoreError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&error.as_bytes()[..offset]).unwrap_or_default();
        let place = place_of(valid, valid.len());
        StoreError::NotUtf8 { path: path.to_path_buf(), line: place.line, column: place.column, offset }
    })
}
