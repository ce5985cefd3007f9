//! Where the data lives: the platform data folder, unless the person says otherwise.

use std::path::{Path, PathBuf};

use super::error::StoreError;

/// The environment variable that overrides the platform data folder.
pub const DATA_DIR_ENV: &str = "CREDIT_HEALTH_DATA_DIR";

/// The data folder: `--data-dir` if given, else `CREDIT_HEALTH_DATA_DIR` if set and not empty,
/// else the platform's data folder (`~/.local/share/credit-health` on Linux).
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|value| !value.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    platform_data_dir().ok_or(StoreError::NoDataDir)
}

/// The platform's data folder for the app, when the system has a home folder.
pub fn platform_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Credit Health", "credit-health").map(|dirs| dirs.data_dir().to_path_buf())
}

/// The separate store folder of a sample person, `<dir>/samples/<id>`, so that exploring a
/// persona never touches the person's own data. Characters other than letters, digits, `-` and
/// `_` in the id become `_`, so an id can never point outside the folder.
pub fn sample_dir(data_dir: &Path, persona_id: &str) -> PathBuf {
    let safe: String =
        persona_id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let safe = if safe.is_empty() { "_".to_string() } else { safe };
    data_dir.join("samples").join(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_and_sample_ids_stay_inside() {
        let flag = resolve_data_dir(Some(PathBuf::from("/x/y"))).ok();
        assert_eq!(flag, Some(PathBuf::from("/x/y")));
        let cases = [("new-user", "new-user"), ("../../etc", "______etc"), ("", "_"), ("a/b", "a_b")];
        for (id, expected) in cases {
            assert_eq!(sample_dir(Path::new("/d"), id), Path::new("/d/samples").join(expected), "{id}");
        }
    }
}
