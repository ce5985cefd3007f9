//! The store: the only module that touches the file system.
//!
//! One person's data is `<dir>/data.ron`, a schema-1 data file. Every save is atomic and durable
//! (see [`fs`]), keeps the previous version as a backup (see [`backups`]), and is made only while
//! holding the folder's lock (see [`lock`]). A file that does not load is never overwritten: it is
//! moved aside as `data.corrupt-<time>.ron` and the newest backup that loads is offered.
//!
//! Backups are hard links to the replaced file (no copying, so saving a 12 MB file costs what
//! writing it once costs); where the file system has no hard links, the file is copied.

pub mod backups;
pub mod error;
pub mod fs;
pub mod lock;
pub mod paths;
pub mod text;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Local;

pub use self::backups::{BackupInfo, KEEP_BACKUPS};
pub use self::error::StoreError;
pub use self::fs::{FileSystem, RealFs, read_bytes, read_text, write_atomic};
pub use self::paths::{DATA_DIR_ENV, resolve_data_dir, sample_dir};
pub use self::text::data_file_text;
use crate::domain::{DataFile, Problem, ProblemCode, check_text, validate};

/// The person's data file's name inside the store folder.
pub const DATA_FILE: &str = "data.ron";

/// What [`Store::load`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// No data yet.
    Empty,
    /// The data, sound.
    Loaded(DataFile),
    /// The data file did not load: it was moved aside (never overwritten), and the newest backup
    /// that loads is offered for [`Store::restore`].
    Recovered {
        /// Where the file that did not load now is.
        moved_aside: PathBuf,
        /// Why it did not load, with places in the file.
        problems: Vec<Problem>,
        /// The newest backup that loads, if any does.
        newest_good_backup: Option<BackupInfo>,
    },
}

/// The state of a store folder, read without changing anything (for `check` and `export`).
#[derive(Clone, Debug, PartialEq)]
pub enum Health {
    /// No data yet.
    Empty,
    /// The data, sound.
    Sound(DataFile),
    /// The data file does not load.
    Corrupt {
        /// The data file.
        path: PathBuf,
        /// Why it does not load.
        problems: Vec<Problem>,
        /// The newest backup that loads, if any does.
        newest_good_backup: Option<BackupInfo>,
    },
}

/// An open store: a data folder whose lock this process holds.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    fs: Arc<dyn FileSystem>,
    /// Held, never read: the OS lock lasts as long as this file is open.
    _lock: File,
}

impl Store {
    /// Opens the store in `dir`, creating the folder if needed, and takes its lock.
    /// Fails with [`StoreError::Locked`] while another process holds it.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(dir, Arc::new(RealFs))
    }

    /// Opens the store writing through `fs` (tests inject failures this way).
    pub fn open_with(dir: &Path, fs: Arc<dyn FileSystem>) -> Result<Store, StoreError> {
        fs.create_dir_all(dir).map_err(|error| StoreError::io(dir, "create the data folder", error))?;
        let lock = lock::take(dir)?;
        let store = Store { dir: dir.to_path_buf(), fs, _lock: lock };
        store.remove_stale_temporaries();
        Ok(store)
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The person's data file, `<dir>/data.ron`.
    pub fn data_path(&self) -> PathBuf {
        self.dir.join(DATA_FILE)
    }

    /// The backups folder, `<dir>/backups`.
    pub fn backup_dir(&self) -> PathBuf {
        self.dir.join(backups::BACKUP_DIR)
    }

    /// Loads the data. A file that does not load is moved aside, never overwritten.
    pub fn load(&mut self) -> Result<LoadOutcome, StoreError> {
        let path = self.data_path();
        match check_file(&path)? {
            FileState::Missing => Ok(LoadOutcome::Empty),
            FileState::Good(data) => Ok(LoadOutcome::Loaded(*data)),
            FileState::Bad(problems) => {
                let moved_aside = self.move_aside(&path)?;
                let newest_good_backup = newest_good_backup(&self.backup_dir())?;
                Ok(LoadOutcome::Recovered { moved_aside, problems, newest_good_backup })
            }
        }
    }

    /// Saves the data, keeping the previous version as a backup first. Data that does not
    /// validate is refused ([`StoreError::Invalid`]), so the store never holds a file it would
    /// later have to call corrupt. On any failure the previous file is left as it was.
    pub fn save(&mut self, data: &DataFile) -> Result<(), StoreError> {
        let path = self.data_path();
        let problems = validate(data);
        if !problems.is_empty() {
            return Err(StoreError::Invalid { path, problems });
        }
        let text = text::data_file_text(data);
        self.back_up_current()?;
        fs::write_atomic_with(&*self.fs, &path, text.as_bytes())?;
        // The save succeeded; an old backup that could not be removed is retried next time.
        let _ = self.prune_backups();
        Ok(())
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        let listed = backups::list_stamped(&self.backup_dir())?;
        Ok(listed.into_iter().map(|(utc, path)| backups::info(utc, path)).collect())
    }

    /// Makes a backup the current data. This is itself a save, so the version it replaces
    /// becomes a backup too. A backup that does not load is refused and nothing changes.
    pub fn restore(&mut self, backup: &BackupInfo) -> Result<DataFile, StoreError> {
        let text = read_text(&backup.path)?;
        let data =
            check_text(&text).map_err(|problems| StoreError::BadDataFile { path: backup.path.clone(), problems })?;
        self.save(&data)?;
        Ok(data)
    }

    /// Links (or, failing that, copies) the current data file into the backups folder.
    fn back_up_current(&self) -> Result<(), StoreError> {
        let current = self.data_path();
        if !current.exists() {
            return Ok(());
        }
        let backup_dir = self.backup_dir();
        let failed =
            |error| StoreError::io(&backup_dir, "keep a backup of the previous version (nothing was saved)", error);
        self.fs.create_dir_all(&backup_dir).map_err(failed)?;
        let target = backup_dir.join(backups::next_name(&backups::list_stamped(&backup_dir)?));
        if self.fs.hard_link(&current, &target).is_err() {
            let bytes = read_bytes(&current)?;
            fs::write_atomic_with(&*self.fs, &target, &bytes)?;
        }
        self.fs.sync_dir(&backup_dir).map_err(failed)
    }

    /// Removes the oldest backups beyond [`KEEP_BACKUPS`].
    fn prune_backups(&self) -> Result<(), StoreError> {
        for (_, path) in backups::list_stamped(&self.backup_dir())?.into_iter().skip(KEEP_BACKUPS) {
            self.fs.remove_file(&path).map_err(|error| StoreError::io(&path, "remove an old backup", error))?;
        }
        Ok(())
    }

    /// Renames a file that does not load to `data.corrupt-<local time>.ron` beside it.
    fn move_aside(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let stamp = Local::now().naive_local().format("%Y%m%d-%H%M%S-%3f").to_string();
        let mut aside = self.dir.join(format!("data.corrupt-{stamp}.ron"));
        let mut n = 1;
        while aside.exists() {
            aside = self.dir.join(format!("data.corrupt-{stamp}-{n}.ron"));
            n += 1;
        }
        self.fs
            .rename(path, &aside)
            .map_err(|error| StoreError::io(path, "move the damaged file aside (it was left as it was)", error))?;
        self.fs.sync_dir(&self.dir).map_err(|error| StoreError::io(&self.dir, "sync the data folder", error))?;
        Ok(aside)
    }

    /// Removes temporary files a killed save left behind. Safe because we hold the lock, so no
    /// other save can be under way.
    fn remove_stale_temporaries(&self) {
        let prefix = fs::temp_prefix(std::ffi::OsStr::new(DATA_FILE));
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        for entry in entries.flatten() {
            if entry.file_name().as_encoded_bytes().starts_with(prefix.as_encoded_bytes()) {
                let _ = self.fs.remove_file(&entry.path());
            }
        }
    }
}

/// Reads the store in `dir` without changing anything and without taking the lock (saves are
/// atomic, so a concurrent save shows either version, never a mix).
pub fn inspect(dir: &Path) -> Result<Health, StoreError> {
    let path = dir.join(DATA_FILE);
    Ok(match check_file(&path)? {
        FileState::Missing => Health::Empty,
        FileState::Good(data) => Health::Sound(*data),
        FileState::Bad(problems) => {
            let newest_good_backup = newest_good_backup(&dir.join(backups::BACKUP_DIR))?;
            Health::Corrupt { path, problems, newest_good_backup }
        }
    })
}

/// What a data file on disk holds.
enum FileState {
    Missing,
    Good(Box<DataFile>),
    Bad(Vec<Problem>),
}

/// Reads and checks a data file. Content problems (not UTF-8, not RON, not valid) are `Bad`;
/// failures to read at all are errors, because moving aside a file we could not read would
/// hide a permission problem as a corruption.
fn check_file(path: &Path) -> Result<FileState, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(error) => return Err(StoreError::io(path, "read the data file", error)),
    };
    let text = match fs::text_from_bytes(path, bytes) {
        Ok(text) => text,
        Err(StoreError::NotUtf8 { line, column, offset, .. }) => {
            let message = format!("the file is not UTF-8 text (an invalid byte at byte {offset})");
            let problem =
                Problem::new(ProblemCode::Syntax, "file", None, message).at(crate::domain::Place { line, column });
            return Ok(FileState::Bad(vec![problem]));
        }
        Err(other) => return Err(other),
    };
    Ok(match check_text(&text) {
        Ok(data) => FileState::Good(Box::new(data)),
        Err(problems) => FileState::Bad(problems),
    })
}

/// The newest backup in `backup_dir` that loads and validates.
pub fn newest_good_backup(backup_dir: &Path) -> Result<Option<BackupInfo>, StoreError> {
    for (utc, path) in backups::list_stamped(backup_dir)? {
        if let Ok(FileState::Good(_)) = check_file(&path) {
            return Ok(Some(backups::info(utc, path)));
        }
    }
    Ok(None)
}

/// Tells a person, in plain words, that their data file did not load and what was done: which
/// file, where in it, what is wrong, where it went, and which backup can be restored.
pub fn recovery_report(
    data_path: &Path,
    moved_aside: Option<&Path>,
    problems: &[Problem],
    newest_good_backup: Option<&BackupInfo>,
) -> String {
    let mut lines = vec![format!("{}: your data file could not be loaded:", data_path.display())];
    lines.extend(problems.iter().map(|problem| format!("{}:{problem}", data_path.display())));
    if let Some(aside) = moved_aside {
        lines.push(format!("It was not changed: it was moved aside to {} so nothing is lost.", aside.display()));
    }
    lines.push(match newest_good_backup {
        Some(backup) => format!(
            "The newest backup that loads is {} (saved {}{}); it can be restored.",
            backup.path.display(),
            backup.saved_at.format("%Y-%m-%d %H:%M:%S"),
            backup.record_count.map(|n| format!(", {n} records")).unwrap_or_default()
        ),
        None => "There is no backup that loads.".to_string(),
    });
    lines.join("\n")
}
