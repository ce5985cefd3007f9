//! The person's preferences, saved as `settings.ron` in the data folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::command::{ThemeChoice, View};
use crate::domain::Lang;
use crate::store;

/// What is remembered between runs. Every field has a default, so older files still load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The language chosen in settings; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// Light or dark.
    pub theme: ThemeChoice,
    /// The window's inner size in points.
    pub window_size: Option<[f32; 2]>,
    /// The view shown last.
    pub last_view: View,
    /// A custom rules file, if chosen.
    pub rules_file: Option<PathBuf>,
}

const FILE: &str = "settings.ron";

impl Settings {
    /// Reads the settings of `data_dir`; defaults when there are none or they do not read.
    pub fn load(data_dir: &Path) -> Settings {
        store::read_text(&data_dir.join(FILE)).ok().and_then(|text| ron::from_str(&text).ok()).unwrap_or_default()
    }

    /// Writes them atomically.
    pub fn save(&self, data_dir: &Path) -> Result<(), String> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(|e| e.to_string())?;
        store::write_atomic(&data_dir.join(FILE), text.as_bytes()).map_err(|e| e.to_string())
    }
}

/// The system's language from LC_ALL, LC_MESSAGES or LANG (English when none names Chinese).
pub fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_code(&value))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            lang: Some(Lang::En),
            theme: ThemeChoice::Dark,
            window_size: Some([1200.0, 800.0]),
            last_view: View::Charts,
            rules_file: Some(PathBuf::from("/tmp/rules.ron")),
        };
        settings.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), settings);
    }

    #[test]
    fn missing_or_broken_settings_fall_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        std::fs::write(dir.path().join(FILE), "(theme: Purple)").unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
    }
}
