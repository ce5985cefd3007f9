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
    }
}

// TODO(ui): replace with `credit_health::app::run(data_dir)` once the app module is on main.
fn open_app(data_dir: PathBuf) -> anyhow::Result<()> {
    placeholder::run(data_dir)
}

/// A minimal window so that `cargo run` works before the real app lands.
mod placeholder {
    use std::path::PathBuf;

    use eframe::egui;

    struct Placeholder {
        data_dir: PathBuf,
    }

    impl eframe::App for Placeholder {
        fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.heading("Credit Health");
                ui.label(format!("Your data lives in {}", self.data_dir.display()));
                ui.label("No data yet.");
            });
        }
    }

    pub fn run(data_dir: PathBuf) -> anyhow::Result<()> {
        let options = eframe::NativeOptions::default();
        eframe::run_native("Credit Health", options, Box::new(|_cc| Ok(Box::new(Placeholder { data_dir }))))
            .map_err(|error| anyhow::anyhow!("{error}"))
    }
}
