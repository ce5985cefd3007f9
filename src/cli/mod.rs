//! The commands of the `credit-health` binary (see PRODUCT.md, "Command line").
//!
//! [`run`] parses the arguments and runs a command, writing to the given streams so that tests can
//! run every command in-process. It never panics on any input: bad input gives exit code
//! [`EXIT_BAD_INPUT`] and a message naming the file, the place and the problem, and changes nothing.
//! With no command it returns [`Action::OpenApp`] and `main` opens the window.

mod check;
mod explain;
mod export;
mod import;
mod import_bill;
mod present;
mod report;
mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

pub use self::explain::{ExplainArgs, Format, LangArg};
pub use self::present::PresentArgs;
pub use self::report::ReportArgs;
use crate::domain::Problem;
use crate::store::resolve_data_dir;

/// Exit code of a command that succeeded.
pub const EXIT_OK: u8 = 0;
/// Exit code for bad input or a store that cannot be used; nothing was changed.
pub const EXIT_BAD_INPUT: u8 = 2;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "credit-health",
    version,
    about = "Explains, offline and from your own records, why a revolving credit limit is zero, stuck or falling."
)]
pub struct Cli {
    /// The data folder to use instead of CREDIT_HEALTH_DATA_DIR or the platform's data folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// What to do; without a command the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a data file: exit 0 if valid, 2 and every problem (file:line:col, record, field) if not.
    Validate {
        /// The data file.
        file: PathBuf,
    },
    /// Explain the limit: score, status and ranked reasons.
    Explain(ExplainArgs),
    /// Write the printable HTML report: the answer, reasons with their records, plan and charts.
    Report(ReportArgs),
    /// Import a data file (it replaces the store's data; the previous version is kept as a backup)
    /// or an Alipay / WeChat Pay bill export (its credit rows are merged; rows already there are skipped).
    Import {
        /// The file to import.
        file: PathBuf,
    },
    /// Write the store's data as a schema-1 data file.
    Export {
        /// Where to write it (atomically); standard output if not given.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Load the store: exit 0 if sound, 2 with the reason if not.
    Check,
    /// Presenter mode for a room: the built-in personas month by month (never the data folder).
    Present(PresentArgs),
}

/// What `main` should do after [`run`].
#[derive(Debug, PartialEq, Eq)]
pub enum Action {
    /// Exit with this code.
    Exit(u8),
    /// Open the app on this data folder.
    OpenApp(PathBuf),
    /// Open presenter mode (at this persona), in this language.
    OpenPresenter {
        /// The persona to start with; the gallery if none.
        persona: Option<String>,
        /// The language.
        lang: crate::domain::Lang,
    },
}

/// The two output streams of a command.
pub struct Io<'a> {
    /// Results (standard output).
    pub out: &'a mut dyn Write,
    /// Messages about problems (standard error).
    pub err: &'a mut dyn Write,
}

impl Io<'_> {
    /// Writes a line of results. A closed output (a pipe to `head`) is not worth failing for.
    pub fn say(&mut self, line: &str) {
        let _ = writeln!(self.out, "{line}");
    }

    /// Writes a line about a problem.
    pub fn warn(&mut self, line: &str) {
        let _ = writeln!(self.err, "{line}");
    }

    /// Writes a message about a problem and gives the bad-input exit code.
    pub fn fail(&mut self, message: &str) -> u8 {
        self.warn(message);
        EXIT_BAD_INPUT
    }

    /// Writes one line per problem in `file` and gives the bad-input exit code.
    pub fn fail_problems(&mut self, file: &Path, problems: &[Problem]) -> u8 {
        for problem in problems {
            let line = problem_line(file, problem);
            self.warn(&line);
        }
        EXIT_BAD_INPUT
    }
}

/// `FILE:line:col: list "id" field: message [Ecode]` (without a place: `FILE: list ...`).
pub fn problem_line(file: &Path, problem: &Problem) -> String {
    let separator = if problem.place.is_some() { ":" } else { ": " };
    format!("{}{separator}{problem}", file.display())
}

/// Parses `args` (the program name first) and runs the command.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Action
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut io = Io { out, err };
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return Action::Exit(usage(&mut io, &error)),
    };
    let data_dir = || resolve_data_dir(cli.data_dir.clone());
    let code = match cli.command {
        None => {
            return match data_dir() {
                Ok(dir) => Action::OpenApp(dir),
                Err(error) => Action::Exit(io.fail(&error.to_string())),
            };
        }
        Some(Command::Validate { file }) => validate::run(&mut io, &file),
        Some(Command::Import { file }) => import::run(&mut io, &file, data_dir),
        Some(Command::Export { out }) => export::run(&mut io, out.as_deref(), data_dir),
        Some(Command::Check) => check::run(&mut io, data_dir),
        Some(Command::Explain(args)) => explain::run(&mut io, &args, data_dir),
        Some(Command::Report(args)) => report::run(&mut io, &args, data_dir),
        Some(Command::Present(args)) => return present::run(&mut io, args),
    };
    Action::Exit(code)
}

/// Help and version go to standard output with exit 0; usage errors to standard error with 2.
fn usage(io: &mut Io, error: &clap::Error) -> u8 {
    let text = error.render().to_string();
    if error.use_stderr() {
        let _ = write!(io.err, "{text}");
        EXIT_BAD_INPUT
    } else {
        let _ = write!(io.out, "{text}");
        EXIT_OK
    }
}
