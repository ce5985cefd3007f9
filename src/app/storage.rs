//! The app's door to the file system, shaped like the `store` module (branch `store`) so that
//! switching over is a matter of re-exporting it.
//!
//! Interim: until `store` is on main this is a small stand-in with the same names — atomic
//! saves (temporary file, fsync, rename), a backup of the previous file on every save, an OS
//! lock on the folder, and recovery of a corrupt file by moving it aside.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::domain::{DataFile, check_text, write_data_file};

const DATA_FILE: &str = "data.ron";
const BACKUP_DIR: &str = "backups";
const KEEP_BACKUPS: usize = 20;

/// What went wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another Credit Health has the folder open.
    #[error("the data folder {0} is in use by another Credit Health window")]
    Locked(PathBuf),
    /// Reading or writing failed.
    #[error("could not {action} {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not a valid data file.
    #[error("{path} is not a valid data file: {problems}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problems: String,
    },
}

fn io(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io { path, action, source }
}

/// A saved copy of the data file.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// When it was saved (UTC).
    pub saved_at: NaiveDateTime,
    /// How many records it holds, when it could be read.
    pub record_count: Option<usize>,
}

/// What loading found.
#[derive(Debug)]
pub enum LoadOutcome {
    /// No data file yet.
    Empty,
    /// The data file, valid.
    Loaded(DataFile),
    /// The data file was corrupt and has been moved aside; nothing was lost.
    Recovered {
        /// Where the corrupt file now is.
        moved_aside: PathBuf,
        /// What was wrong with it.
        problems: Vec<String>,
        /// The newest backup that reads cleanly, if any.
        newest_good_backup: Option<BackupInfo>,
    },
}

/// One person's data folder, locked while open.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    _lock: File,
}

/// The folder where sample person `persona_id` keeps their own copy, apart from the person's file.
pub fn sample_dir(data_dir: &Path, persona_id: &str) -> PathBuf {
    data_dir.join("samples").join(persona_id)
}

impl Store {
    /// Opens (creating it when needed) and locks the data folder.
    pub fn open(dir: PathBuf) -> Result<Store, StoreError> {
        fs::create_dir_all(dir.join(BACKUP_DIR)).map_err(io(&dir, "create"))?;
        let lock_path = dir.join(".lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path, "open"))?;
        lock.try_lock().map_err(|_| StoreError::Locked(dir.clone()))?;
        Ok(Store { dir, _lock: lock })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads the data file.
    pub fn load(&self) -> Result<LoadOutcome, StoreError> {
        let path = self.dir.join(DATA_FILE);
        if !path.exists() {
            return Ok(LoadOutcome::Empty);
        }
        let text = read_text(&path)?;
        match check_text(&text) {
            Ok(data) => Ok(LoadOutcome::Loaded(data)),
            Err(problems) => {
                let moved_aside = self.dir.join(format!("{DATA_FILE}.corrupt-{}", stamp_now()));
                fs::rename(&path, &moved_aside).map_err(io(&path, "move aside"))?;
                let newest_good_backup = self.backups().into_iter().find(|b| b.record_count.is_some());
                let problems = problems.iter().map(ToString::to_string).collect();
                Ok(LoadOutcome::Recovered { moved_aside, problems, newest_good_backup })
            }
        }
    }

    /// Saves atomically, keeping the previous file as a backup.
    pub fn save(&self, data: &DataFile) -> Result<(), StoreError> {
        let path = self.dir.join(DATA_FILE);
        let text =
            write_data_file(data).map_err(|e| StoreError::Invalid { path: path.clone(), problems: e.to_string() })?;
        if path.exists() {
            let backup = self.dir.join(BACKUP_DIR).join(format!("{}.ron", stamp_now()));
            fs::copy(&path, &backup).map_err(io(&backup, "back up to"))?;
            self.prune_backups();
        }
        write_atomic(&path, text.as_bytes())
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Vec<BackupInfo> {
        let Ok(entries) = fs::read_dir(self.dir.join(BACKUP_DIR)) else { return Vec::new() };
        let mut found: Vec<BackupInfo> = entries
            .flatten()
            .filter_map(|entry| {
                let path = entry.path();
                let stem = path.file_stem()?.to_str()?;
                let saved_at = NaiveDateTime::parse_from_str(&stem[..stem.len().min(22)], "%Y%m%dT%H%M%S%.f").ok()?;
                let record_count = read_text(&path).ok().and_then(|t| check_text(&t).ok()).map(|d| d.record_count());
                Some(BackupInfo { path, saved_at, record_count })
            })
            .collect();
        found.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| b.path.cmp(&a.path)));
        found
    }

    /// Reads a backup and makes it the current file (the current one becomes a backup).
    pub fn restore(&self, backup: &BackupInfo) -> Result<DataFile, StoreError> {
        let text = read_text(&backup.path)?;
        let data = check_text(&text).map_err(|problems| StoreError::Invalid {
            path: backup.path.clone(),
            problems: problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
        })?;
        self.save(&data)?;
        Ok(data)
    }

    fn prune_backups(&self) {
        for old in self.backups().into_iter().skip(KEEP_BACKUPS) {
            // A backup that cannot be removed is only a little wasted space.
            let _ = fs::remove_file(old.path);
        }
    }
}

/// Reads a whole text file.
pub fn read_text(path: &Path) -> Result<String, StoreError> {
    fs::read_to_string(path).map_err(io(path, "read"))
}

/// Writes a file atomically: a temporary file beside it, synced, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temp = dir.join(format!(".{name}.tmp"));
    let mut file = File::create(&temp).map_err(io(&temp, "create"))?;
    file.write_all(bytes).map_err(io(&temp, "write"))?;
    file.sync_all().map_err(io(&temp, "sync"))?;
    fs::rename(&temp, path).map_err(io(path, "replace"))?;
    if let Ok(folder) = File::open(dir) {
        // Makes the rename durable; a folder that cannot be synced still has the new file.
        let _ = folder.sync_all();
    }
    Ok(())
}

fn stamp_now() -> String {
    let now: chrono::DateTime<chrono::Utc> = std::time::SystemTime::now().into();
    now.format("%Y%m%dT%H%M%S%.6f").to_string()
}
