//! What can go wrong in the store, said in plain words that name the file.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::Problem;

/// Everything the store can fail at. Every message names the file or folder and what happened.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No platform data folder could be found (no home folder).
    #[error(
        "could not find a folder for your data: the system reports no home folder; \
         pass --data-dir DIR or set CREDIT_HEALTH_DATA_DIR"
    )]
    NoDataDir,
    /// Another running Credit Health holds the store.
    #[error("{}: another Credit Health{} is using this data folder; close it and try again", .dir.display(), holder_text(*.holder))]
    Locked {
        /// The data folder.
        dir: PathBuf,
        /// The process id written by the holder, when it could be read.
        holder: Option<u32>,
    },
    /// A file-system operation failed.
    #[error("{}: could not {action}: {}", .path.display(), describe_io(.source))]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What was being done, as a verb phrase ("read the file").
        action: &'static str,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
    /// A text file that is not UTF-8.
    #[error(
        "{}:{line}:{column}: the file is not UTF-8 text (an invalid byte at byte {offset}); save it as UTF-8 and try again",
        .path.display()
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first invalid byte, from 1.
        line: usize,
        /// Column of the first invalid byte, from 1.
        column: usize,
        /// Byte offset of the first invalid byte, from 0.
        offset: usize,
    },
    /// Data that does not validate was not written, so that no file the app would later call
    /// corrupt is ever made.
    #[error("{}: not saved, because the data has {} problem(s); the first: {}", .path.display(), .problems.len(), first_problem(.problems))]
    Invalid {
        /// The file that was not written.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<Problem>,
    },
    /// A backup (or other data file) that does not load.
    #[error("{}: this is not a valid data file ({} problem(s)); the first: {}", .path.display(), .problems.len(), first_problem(.problems))]
    BadDataFile {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

impl StoreError {
    /// An I/O error while doing `action` on `path`.
    pub fn io(path: &Path, action: &'static str, source: io::Error) -> Self {
        StoreError::Io { path: path.to_path_buf(), action, source }
    }
}

fn holder_text(holder: Option<u32>) -> String {
    holder.map(|pid| format!(" (process {pid})")).unwrap_or_default()
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map(ToString::to_string).unwrap_or_else(|| "none listed".to_string())
}

/// The operating system's error in words a person can act on.
pub fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "it does not exist".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied (check who owns it and its permissions)".to_string(),
        io::ErrorKind::StorageFull => "the disk is full".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_string(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".to_string(),
        io::ErrorKind::AlreadyExists => "something with that name already exists".to_string(),
        _ => error.to_string(),
    }
}
