//! The `credit-health` binary: runs a command, or opens the app when there is none.

use std::path::PathBuf;
use std::process::ExitCode;

use credit_health::cli::{self, Action};

fn main() -> ExitCode {
    let action = cli::run(std::env::args_os(), &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    match action {
        Action::Exit(code) => ExitCode::from(code),
        Action::OpenApp(data_dir) => match open_app(data_dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("credit-health: could not open the app: {error:#}");
                ExitCode::FAILURE
            }
        },
        Action::OpenPresenter { persona, lang } => match credit_health::app::present::run(persona, lang) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("credit-health: could not open presenter mode: {error:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn open_app(data_dir: PathBuf) -> anyhow::Result<()> {
    credit_health::app::run(data_dir)
}
