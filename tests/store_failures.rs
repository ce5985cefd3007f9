//! Writes that fail part-way (through the file-system seam) leave the previous file intact and
//! say what happened; backups roll, list newest first and restore.

mod common;

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use credit_health::domain::DataFile;
use credit_health::store::{FileSystem, KEEP_BACKUPS, LoadOutcome, RealFs, Store, StoreError};

/// The operation that fails.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    WriteNew,
    /// Half the bytes reach the disk, then it is full.
    WritePartly,
    Rename,
    HardLink,
    SyncDir,
}

/// The real file system, except that the `nth` call of `op` fails as a full disk would.
#[derive(Debug)]
struct FailingFs {
    op: Op,
    nth: usize,
    calls: AtomicUsize,
}

impl FailingFs {
    fn new(op: Op, nth: usize) -> Arc<Self> {
        Arc::new(FailingFs { op, nth, calls: AtomicUsize::new(0) })
    }

    fn fails(&self, op: Op) -> bool {
        let same = op == self.op || (op == Op::WriteNew && self.op == Op::WritePartly);
        same && self.calls.fetch_add(1, Ordering::SeqCst) + 1 == self.nth
    }
}

fn disk_full() -> io::Error {
    io::Error::from(io::ErrorKind::StorageFull)
}

impl FileSystem for FailingFs {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        RealFs.create_dir_all(dir)
    }

    fn write_new_synced(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        if self.fails(Op::WriteNew) {
            if self.op == Op::WritePartly {
                RealFs.write_new_synced(path, &bytes[..bytes.len() / 2])?;
            }
            return Err(disk_full());
        }
        RealFs.write_new_synced(path, bytes)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        if self.fails(Op::Rename) { Err(disk_full()) } else { RealFs.rename(from, to) }
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        if self.fails(Op::HardLink) {
            Err(io::Error::from(io::ErrorKind::Unsupported))
        } else {
            RealFs.hard_link(from, to)
        }
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        if self.fails(Op::SyncDir) { Err(disk_full()) } else { RealFs.sync_dir(dir) }
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        RealFs.remove_file(path)
    }
}

/// What the data file should hold after the failed save.
#[derive(Debug, PartialEq)]
enum After {
    Previous,
    New,
}

#[test]
fn a_failed_save_leaves_the_previous_file_and_says_what_happened() {
    let cases: Vec<(Op, usize, After, Option<&str>)> = vec![
        (
            Op::WriteNew,
            1,
            After::Previous,
            Some("could not write the new version (the previous file is unchanged): the disk is full"),
        ),
        (Op::WritePartly, 1, After::Previous, Some("could not write the new version")),
        (Op::Rename, 1, After::Previous, Some("could not replace the file with the new version")),
        (Op::SyncDir, 1, After::Previous, Some("could not keep a backup of the previous version (nothing was saved)")),
        // The backup's own copy fails after its link failed: nothing is saved.
        (Op::HardLink, 1, After::New, None),
        // The rename happened; only its durability could not be confirmed, and that is said.
        (Op::SyncDir, 2, After::New, Some("could not make the new version durable")),
    ];
    for (op, nth, after, message) in cases {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (previous, new) = (common::small(1), common::small(2));
        Store::open(dir.path()).and_then(|mut s| s.save(&previous)).unwrap_or_else(|e| panic!("{e}"));
        let before = std::fs::read(dir.path().join("data.ron")).unwrap_or_default();

        let mut store = Store::open_with(dir.path(), FailingFs::new(op, nth)).unwrap_or_else(|e| panic!("{e}"));
        let result = store.save(&new);
        match message {
            Some(expected) => {
                let error = result.err().map(|e| e.to_string()).unwrap_or_default();
                assert!(error.contains(expected), "{op:?} {nth}: {error}");
                assert!(
                    error.starts_with(&store.data_path().display().to_string()) || error.contains("backups"),
                    "{op:?}: {error}"
                );
            }
            None => assert!(result.is_ok(), "{op:?}: {result:?}"),
        }
        let expected = if after == After::Previous { previous.clone() } else { new.clone() };
        assert_eq!(store.load().ok(), Some(LoadOutcome::Loaded(expected)), "{op:?} {nth}");
        if after == After::Previous {
            assert_eq!(std::fs::read(store.data_path()).unwrap_or_default(), before, "{op:?}: the file changed");
        } else {
            let backups = store.backups().unwrap_or_default();
            assert_eq!(backups.len(), 1, "{op:?}: {backups:?}");
            assert_eq!(std::fs::read(&backups[0].path).unwrap_or_default(), before, "{op:?}: the backup differs");
        }
        assert!(common::temporaries(dir.path()).is_empty(), "{op:?}: {:?}", common::temporaries(dir.path()));
        assert!(common::temporaries(&store.backup_dir()).is_empty(), "{op:?}");
    }
}

#[test]
fn a_failed_link_and_copy_saves_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    Store::open(dir.path()).and_then(|mut s| s.save(&common::small(1))).unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read(dir.path().join("data.ron")).unwrap_or_default();
    // The link fails, so the backup is copied; that copy's write (the first write) fails too.
    #[derive(Debug)]
    struct NoLinkNoSpace;
    impl FileSystem for NoLinkNoSpace {
        fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
            RealFs.create_dir_all(dir)
        }
        fn write_new_synced(&self, _: &Path, _: &[u8]) -> io::Result<()> {
            Err(disk_full())
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            RealFs.rename(from, to)
        }
        fn hard_link(&self, _: &Path, _: &Path) -> io::Result<()> {
            Err(io::Error::from(io::ErrorKind::Unsupported))
        }
        fn sync_dir(&self, dir: &Path) -> io::Result<()> {
            RealFs.sync_dir(dir)
        }
        fn remove_file(&self, path: &Path) -> io::Result<()> {
            RealFs.remove_file(path)
        }
    }
    let mut store = Store::open_with(dir.path(), Arc::new(NoLinkNoSpace)).unwrap_or_else(|e| panic!("{e}"));
    let error = store.save(&common::small(2)).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(error.contains("backups") && error.contains("the disk is full"), "{error}");
    assert_eq!(std::fs::read(store.data_path()).unwrap_or_default(), before);
}

#[test]
fn invalid_data_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    store.save(&common::small(1)).unwrap_or_else(|e| panic!("{e}"));
    let mut bad = common::small(2);
    bad.profile.target = "nowhere".to_string();
    let error = store.save(&bad).err();
    assert!(matches!(&error, Some(StoreError::Invalid { problems, .. }) if !problems.is_empty()), "{error:?}");
    assert_eq!(store.load().ok(), Some(LoadOutcome::Loaded(common::small(1))));
    assert!(store.backups().unwrap_or_default().is_empty());
}

fn versions(n: u64) -> Vec<DataFile> {
    (1..=n).map(common::small).collect()
}

#[test]
fn backups_roll_list_newest_first_and_restore() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let saved = versions(KEEP_BACKUPS as u64 + 5);
    for data in &saved {
        store.save(data).unwrap_or_else(|e| panic!("{e}"));
    }
    let backups = store.backups().unwrap_or_default();
    assert_eq!(backups.len(), KEEP_BACKUPS);
    const { assert!(KEEP_BACKUPS >= 10) };
    // Newest first: the newest backup is the version before the current one, and so on back.
    for (backup, data) in backups.iter().zip(saved.iter().rev().skip(1)) {
        assert_eq!(backup.record_count, Some(data.record_count()), "{}", backup.path.display());
        assert!(backups[0].saved_at >= backup.saved_at);
        let text = std::fs::read_to_string(&backup.path).unwrap_or_default();
        assert_eq!(credit_health::domain::check_text(&text).ok().as_ref(), Some(data));
    }
    // Restoring the oldest kept backup makes it current, and the current version a backup.
    let oldest = backups.last().cloned().unwrap_or_else(|| panic!("no backups"));
    let restored = store.restore(&oldest).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(restored, saved[saved.len() - 1 - KEEP_BACKUPS]);
    assert_eq!(store.load().ok(), Some(LoadOutcome::Loaded(restored)));
    let after = store.backups().unwrap_or_default();
    let newest = std::fs::read_to_string(&after[0].path).unwrap_or_default();
    assert_eq!(credit_health::domain::check_text(&newest).ok().as_ref(), saved.last());
}

#[test]
fn a_backup_that_does_not_load_is_not_restored() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    store.save(&common::small(1)).unwrap_or_else(|e| panic!("{e}"));
    store.save(&common::small(2)).unwrap_or_else(|e| panic!("{e}"));
    let backup = store.backups().unwrap_or_default().remove(0);
    std::fs::write(&backup.path, "(schema: 1, profile: (").unwrap_or_else(|e| panic!("{e}"));
    let error = store.restore(&backup).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        error.starts_with(&backup.path.display().to_string()) && error.contains("not a valid data file"),
        "{error}"
    );
    assert_eq!(store.load().ok(), Some(LoadOutcome::Loaded(common::small(2))));
}
