//! Helpers shared by the store and command-line tests.
#![allow(dead_code)]

use std::path::Path;

use credit_health::cli::{self, Action};
use credit_health::domain::DataFile;
use credit_health::domain::generate::{GenerateOptions, generate};

/// The shared example with every field (a copy of shared/spec/examples/full.ron kept in the repo,
/// so that a fresh clone builds its tests).
pub const FULL: &str = include_str!("../fixtures/full.ron");
/// The shared example of a new user.
pub const NEW_USER: &str = include_str!("../fixtures/new-user.ron");

/// The real binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_credit-health");

/// What a command printed and returned.
#[derive(Debug)]
pub struct Ran {
    pub code: u8,
    pub out: String,
    pub err: String,
}

/// Runs the command line in-process (the program name is added).
pub fn run(args: &[&str]) -> Ran {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let action = cli::run(std::iter::once("credit-health").chain(args.iter().copied()), &mut out, &mut err);
    let code = match action {
        Action::Exit(code) => code,
        Action::OpenApp(dir) => panic!("a command opened the app on {}", dir.display()),
        Action::OpenPresenter { persona, .. } => panic!("a command opened presenter mode ({persona:?})"),
    };
    Ran { code, out: String::from_utf8_lossy(&out).into_owned(), err: String::from_utf8_lossy(&err).into_owned() }
}

/// A path as an argument (temporary folders are UTF-8 here).
pub fn arg(path: &Path) -> &str {
    path.to_str().unwrap_or_else(|| panic!("not UTF-8: {}", path.display()))
}

/// A small generated history.
pub fn small(seed: u64) -> DataFile {
    generate(&GenerateOptions { seed, years: 2, target_records: 80, ..GenerateOptions::default() })
}

/// splitmix64, so that the "random" moments and bytes of a test are the same every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A throw-away folder in memory where there is one (/dev/shm), for tests that run thousands of
/// saves and care about their content, not their durability: fsync there costs nothing.
pub fn memory_tempdir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() };
    dir.unwrap_or_else(|e| panic!("{e}"))
}

/// Temporary files a save left in a folder.
pub fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.contains(".tmp-"))
                .collect()
        })
        .unwrap_or_default()
}
