//! `credit-health explain [FILE] [--as-of DATE] [--rules RULES.ron] [--lang zh|en] [--format text|json]`.
//!
//! The arguments and the data are handled here; the explanation itself is the engine's.
//! The clock is read here (today's local date as the default `--as-of`), never in the engine.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use clap::{Args, ValueEnum};

use super::{EXIT_OK, Io};
use crate::domain::Lang;
use crate::store::{StoreError, read_text};

/// The arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The data file; the person's own data in the store if not given.
    pub file: Option<PathBuf>,
    /// The date to explain as of (YYYY-MM-DD); today if not given.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// A rules file to use instead of the built-in rules.
    #[arg(long, value_name = "RULES.ron")]
    pub rules: Option<PathBuf>,
    /// The language of the explanation; from LC_ALL / LC_MESSAGES / LANG if not given, else zh.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Plain text for people, or one JSON object for programs.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text.
    Text,
    /// One JSON object.
    Json,
}

/// Runs `explain`.
pub fn run(io: &mut Io, args: &ExplainArgs, data_dir: impl FnOnce() -> Result<PathBuf, StoreError>) -> u8 {
    let data = match &args.file {
        Some(file) => super::validate::read_data_file(io, file),
        None => super::export::store_data(io, data_dir),
    };
    let Ok(data) = data else { return super::EXIT_BAD_INPUT };
    let rules = match &args.rules {
        Some(path) => match read_text(path) {
            Ok(text) => match crate::engine::Rules::from_ron(&text) {
                Ok(rules) => rules,
                Err(error @ crate::engine::RulesError::Syntax { .. }) => {
                    return io.fail(&format!("{}:{error}", path.display()));
                }
                Err(error) => return io.fail(&format!("{}: {error}", path.display())),
            },
            Err(error) => return io.fail(&error.to_string()),
        },
        None => crate::engine::Rules::default_rules(),
    };
    let as_of = args.as_of.unwrap_or_else(|| Local::now().date_naive());
    let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_environment);
    match crate::engine::render::explain_output(&data, &rules, as_of, lang, args.format == Format::Json) {
        Ok(text) => {
            io.say(text.trim_end());
            EXIT_OK
        }
        Err(message) => io.fail(&message),
    }
}

/// The language of the person's locale, Chinese when it says neither.
pub(super) fn lang_from_environment() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_code(&value))
        .unwrap_or_default()
}
