//! Rolling backups: `<dir>/backups/data-YYYYMMDD-HHMMSS-mmm.ron`, one per save, newest kept.
//!
//! Names carry the UTC time of the save so that they sort in save order even across a change of
//! time zone or daylight saving; [`BackupInfo::saved_at`] turns it into local time for people.
//! A new name is always later than every existing one, so a clock set back cannot reorder them.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime, TimeDelta, TimeZone, Utc};

use super::error::StoreError;

/// The folder inside the store that holds backups.
pub const BACKUP_DIR: &str = "backups";
/// How many backups are kept (the issue asks for at least ten).
pub const KEEP_BACKUPS: usize = 20;

const PREFIX: &str = "data-";
const SUFFIX: &str = ".ron";
const STAMP: &str = "%Y%m%d-%H%M%S-%3f";

/// One saved earlier version of the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// When it was replaced by a newer save, in local time.
    pub saved_at: NaiveDateTime,
    /// How many records it holds, counted from its text without a full load; `None` when it
    /// cannot be read as text.
    pub record_count: Option<usize>,
}

/// The UTC time in a backup's file name, when the name is one of ours.
pub fn stamp_of(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// The file name for a backup made at `utc`.
pub fn name_for(utc: NaiveDateTime) -> String {
    format!("{PREFIX}{}{SUFFIX}", utc.format(STAMP))
}

/// Our backups in `backup_dir` with their UTC times, newest first. A missing folder has none.
pub fn list_stamped(backup_dir: &Path) -> Result<Vec<(NaiveDateTime, PathBuf)>, StoreError> {
    let entries = match fs::read_dir(backup_dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(StoreError::io(backup_dir, "list the backups", error)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| StoreError::io(backup_dir, "list the backups", error))?;
        if let Some(stamp) = entry.file_name().to_str().and_then(stamp_of) {
            found.push((stamp, entry.path()));
        }
    }
    found.sort_by_key(|(stamp, _)| std::cmp::Reverse(*stamp));
    Ok(found)
}

/// The name for a new backup: now, or just after the newest existing one if the clock says
/// otherwise (two saves in one millisecond, or a clock set back).
pub fn next_name(existing_newest_first: &[(NaiveDateTime, PathBuf)]) -> String {
    let now = truncate_to_millis(Utc::now().naive_utc());
    let stamp = match existing_newest_first.first() {
        Some((newest, _)) if *newest >= now => *newest + TimeDelta::milliseconds(1),
        _ => now,
    };
    name_for(stamp)
}

fn truncate_to_millis(time: NaiveDateTime) -> NaiveDateTime {
    let extra_nanos = time.and_utc().timestamp_subsec_nanos() % 1_000_000;
    time - TimeDelta::nanoseconds(i64::from(extra_nanos))
}

/// Describes a backup for people: its local time and record count.
pub fn info(utc: NaiveDateTime, path: PathBuf) -> BackupInfo {
    let saved_at = Local.from_utc_datetime(&utc).naive_local();
    let record_count = fs::read_to_string(&path).ok().and_then(|text| count_records(&text));
    BackupInfo { path, saved_at, record_count }
}

/// Counts records in a data file's text by its `id:` keys (every record has exactly one, the
/// profile none), outside strings and comments. `None` when the text has no `schema` key, so
/// that an unrelated file is not given a count. Jumps from one `"`, `/` or `:` to the next and
/// reads each key backwards from its colon, so a 10 MB backup takes milliseconds.
pub fn count_records(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut ids = 0;
    let mut has_schema = false;
    let mut i = 0;
    while let Some(found) = bytes[i..].iter().position(|b| matches!(b, b'"' | b'/' | b':')) {
        i += found;
        match bytes[i] {
            b'"' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |p| i + p)
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(bytes.len(), |p| i + 2 + p + 2)
            }
            b':' => {
                match key_before(bytes, i) {
                    b"id" => ids += 1,
                    b"schema" => has_schema = true,
                    _ => {}
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    has_schema.then_some(ids)
}

/// The identifier just before the colon at `colon` (spaces allowed between), or nothing.
fn key_before(bytes: &[u8], colon: usize) -> &[u8] {
    let mut end = colon;
    while end > 0 && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
        start -= 1;
    }
    &bytes[start..end]
}

/// From an opening quote, the offset just past the closing one.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_their_time() {
        let cases = ["2025-01-31T23:59:59.999", "2000-02-29T00:00:00.000", "2031-07-04T12:05:09.010"];
        for case in cases {
            let time: NaiveDateTime = case.parse().unwrap_or_default();
            assert_eq!(stamp_of(&name_for(time)), Some(time), "{case}");
        }
        for not_ours in ["data.ron", "data-2025.ron", "data-20250101-000000-000.ron.tmp", "x-20250101-000000-000.ron"] {
            assert_eq!(stamp_of(not_ours), None, "{not_ours}");
        }
    }

    #[test]
    fn a_new_name_is_after_the_newest_even_if_the_clock_is_behind() {
        let future: NaiveDateTime = "2999-01-01T00:00:00.000".parse().unwrap_or_default();
        let name = next_name(&[(future, PathBuf::from("x"))]);
        assert_eq!(stamp_of(&name), Some(future + TimeDelta::milliseconds(1)));
        let past: NaiveDateTime = "2001-01-01T00:00:00".parse().unwrap_or_default();
        assert!(stamp_of(&next_name(&[(past, PathBuf::from("x"))])) > Some(past + TimeDelta::days(365)));
    }

    #[test]
    fn records_are_counted_by_their_ids_outside_strings_and_comments() {
        let cases: Vec<(&str, Option<usize>)> = vec![
            ("(schema: 1, accounts: [(id: \"a\"), (id: \"b\")])", Some(2)),
            ("(schema: 1, events: [(id: \"e\", note: \"id: x\")]) // id: y", Some(1)),
            ("(schema: 1, /* id: z */ draws: [(id :\"d\")])", Some(1)),
            ("(profile: (id: \"p\"))", None),
            ("(schema: 1, a: [(id:\"x\"), (bid: \"y\"), (id\n : \"z\")])", Some(2)),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(count_records(text), expected, "{text}");
        }
    }
}
