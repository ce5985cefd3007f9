//! `credit-health import FILE`: a data file replaces the store's data (the previous version is
//! kept as a backup); bill exports are merged (see `import_bill`).

use std::path::{Path, PathBuf};

use super::{EXIT_OK, Io};
use crate::domain::check_text;
use crate::import::FileKind;
use crate::store::{LoadOutcome, Store, StoreError, read_bytes, recovery_report};

/// Imports `file` into the store.
pub fn run(io: &mut Io, file: &Path, data_dir: impl FnOnce() -> Result<PathBuf, StoreError>) -> u8 {
    let bytes = match read_bytes(file) {
        Ok(bytes) => bytes,
        Err(error) => return io.fail(&error.to_string()),
    };
    let name = file.display().to_string();
    if !looks_like_data_file(file, &bytes) && crate::import::sniff(&name, &bytes) == FileKind::BillExport {
        return super::import_bill::run(io, file, &bytes, data_dir);
    }
    let text = match crate::store::fs::text_from_bytes(file, bytes) {
        Ok(text) => text,
        Err(error) => return io.fail(&error.to_string()),
    };
    let data = match check_text(&text) {
        Ok(data) => data,
        Err(problems) => {
            let code = io.fail_problems(file, &problems);
            io.warn(&format!("{}: nothing was imported; the store is unchanged", file.display()));
            return code;
        }
    };
    let result = data_dir().and_then(|dir| {
        let mut store = Store::open(&dir)?;
        // Loading first moves a damaged current file aside with a clear name, rather than
        // letting it become an unexplained backup.
        if let LoadOutcome::Recovered { moved_aside, problems, newest_good_backup } = store.load()? {
            io.warn(&recovery_report(&store.data_path(), Some(&moved_aside), &problems, newest_good_backup.as_ref()));
        }
        store.save(&data)?;
        Ok(store.data_path())
    });
    match result {
        Ok(path) => {
            io.say(&format!(
                "{}: imported {} records from {}; the previous version, if any, is kept in the backups folder",
                path.display(),
                data.record_count(),
                file.display()
            ));
            EXIT_OK
        }
        Err(error) => io.fail(&error.to_string()),
    }
}

/// A data file ends in `.ron`, or its text starts (after comments and `#![...]` attributes) with `(`.
fn looks_like_data_file(file: &Path, bytes: &[u8]) -> bool {
    if file.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("ron")) {
        return true;
    }
    let mut rest = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"//") || rest.starts_with(b"#!") {
            let end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
            rest = &rest[end..];
        } else if rest.starts_with(b"/*") {
            let end = rest.windows(2).position(|w| w == b"*/").map_or(rest.len(), |p| p + 2);
            rest = &rest[end..];
        } else {
            return rest.starts_with(b"(");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_told_from_other_files() {
        let cases: Vec<(&str, &[u8], bool)> = vec![
            ("a.ron", b"anything", true),
            ("a.RON", b"", true),
            ("a.txt", b"// comment\n#![enable(implicit_some)]\n(schema: 1)", true),
            ("a.txt", b"\xEF\xBB\xBF /* x */ (", true),
            ("bill.csv", "交易时间,金额\n".as_bytes(), false),
            ("bill.xlsx", b"PK\x03\x04", false),
            ("empty", b"", false),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(looks_like_data_file(Path::new(name), bytes), expected, "{name}");
        }
    }
}
