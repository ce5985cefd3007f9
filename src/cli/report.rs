//! `credit-health report [FILE] [--as-of DATE] [--rules RULES.ron] [--lang zh|en] [--out FILE]`:
//! the printable HTML report.
//!
//! Loads the data like `explain` (a file, or the person's own data in the store), asks the engine
//! for the explanation and the plan, and hands both to the pure [`crate::report::html`]. The clock
//! is read here, never in the engine or the renderer. The file is written atomically, so a report
//! that fails halfway never replaces a good one.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use clap::Args;

use super::explain::{LangArg, lang_from_environment};
use super::{EXIT_OK, Io};
use crate::domain::Lang;
use crate::engine::{Rules, explain, plan};
use crate::store::{StoreError, read_text, write_atomic};

/// The arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The data file; the person's own data in the store if not given.
    pub file: Option<PathBuf>,
    /// The date to report as of (YYYY-MM-DD); today if not given.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// A rules file to use instead of the built-in rules (as for `explain`).
    #[arg(long, value_name = "RULES.ron")]
    pub rules: Option<PathBuf>,
    /// The language of the report; from LC_ALL / LC_MESSAGES / LANG if not given, else zh.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Where to write the HTML (atomically); standard output if not given.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs `report`.
pub fn run(io: &mut Io, args: &ReportArgs, data_dir: impl FnOnce() -> Result<PathBuf, StoreError>) -> u8 {
    let data = match &args.file {
        Some(file) => super::validate::read_data_file(io, file),
        None => super::export::store_data(io, data_dir),
    };
    let Ok(data) = data else { return super::EXIT_BAD_INPUT };
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(message) => return io.fail(&message),
    };
    let as_of = args.as_of.unwrap_or_else(|| Local::now().date_naive());
    let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_environment);
    let explanation = explain(&data, &rules, as_of);
    let plan = plan(&data, &rules, as_of);
    let html = crate::report::html(&data, &explanation, plan.as_ref(), lang);
    match &args.out {
        Some(path) => match write_atomic(path, html.as_bytes()) {
            Ok(()) => {
                io.say(&format!("{}: report as of {as_of} written", path.display()));
                EXIT_OK
            }
            Err(error) => io.fail(&error.to_string()),
        },
        None => match io.out.write_all(html.as_bytes()).and_then(|()| io.out.flush()) {
            Ok(()) => EXIT_OK,
            Err(error) => io.fail(&format!("standard output: could not write the report: {error}")),
        },
    }
}

/// The rules given with `--rules`, or the built-in ones; the error names the file.
fn load_rules(args: &ReportArgs) -> Result<Rules, String> {
    let Some(path) = &args.rules else { return Ok(Rules::default_rules()) };
    let text = read_text(path).map_err(|error| error.to_string())?;
    Rules::from_ron(&text).map_err(|error| format!("{}: the rules file is not usable: {error}", path.display()))
}
