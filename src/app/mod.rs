//! The application: state, commands, undo, background work, and the eframe entry point.
//!
//! Views (in `ui`) read [`AppState`] and emit [`Command`]s; [`AppState::apply`] is the one place
//! that changes the records, saves them through the store and records undo. Loading and
//! analysing run on background threads; a frame only reads their cached results.

pub mod analysis;
pub mod bill_import;
pub mod chart_data;
pub mod command;
pub mod edit;
pub mod history;
pub mod present;
pub mod settings;
mod state;
pub mod whatif;
pub mod worker;

use std::path::PathBuf;

pub use command::{Command, FilePurpose, ThemeChoice, View};
pub use state::{AppOptions, AppState, Document, Notice, Phase, Recovery, Sample};

use crate::ui;

/// The app as eframe runs it: the state, and the views' own state (sorting, drafts, …).
pub struct CreditHealthApp {
    /// What the app knows.
    pub state: AppState,
    /// The views' own state (which list, which chart, drafts).
    pub views: ui::ViewState,
    theme: ui::theme::Theme,
    applied_theme: Option<ThemeChoice>,
    /// The record generation whose text was last checked for glyphs the shipped font lacks.
    glyphs_checked: Option<u64>,
}

impl CreditHealthApp {
    /// The app for the data folder `data_dir`; `ctx` gets the fonts and theme.
    pub fn new(ctx: &egui::Context, data_dir: PathBuf, options: AppOptions) -> anyhow::Result<CreditHealthApp> {
        ui::fonts::install(ctx);
        let theme = ui::theme::Theme::built_in()?;
        let state = AppState::new(ctx, data_dir, options);
        Ok(CreditHealthApp { state, views: ui::ViewState::default(), theme, applied_theme: None, glyphs_checked: None })
    }

    /// When the open record's own words (a lender's name, a note) hold a character the shipped
    /// font subset lacks, adds the system's CJK font so it does not show as a box. Checked once
    /// per change of the record; the system font is read only when needed (it costs ~20 MB).
    fn check_glyphs(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.state.document() else { return };
        if self.glyphs_checked == Some(doc.generation) {
            return;
        }
        self.glyphs_checked = Some(doc.generation);
        let data = &doc.data;
        let words = data
            .profile
            .name
            .iter()
            .chain(data.accounts.iter().map(|a| &a.lender))
            .chain(data.events.iter().filter_map(|e| e.note.as_ref()));
        ui::fonts::add_system_font_if_missing(ctx, words.flat_map(|w| w.chars()));
    }

    /// Draws one frame and carries out what the views asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        self.state.poll();
        self.check_glyphs(ui.ctx());
        let choice = self.state.settings.theme;
        if self.applied_theme != Some(choice) {
            self.theme.apply(ui.ctx(), choice);
            self.applied_theme = Some(choice);
        }
        // Presenter mode has its own keys; undo and redo there would write the person's file.
        let mut commands = if self.state.presenter.is_some() { Vec::new() } else { ui::shortcuts(ui.ctx()) };
        ui::shell::shell_ui(ui, &self.theme, &self.state, &mut self.views, &mut commands);
        let size = ui.ctx().content_rect().size();
        if self.state.settings.window_size.is_none_or(|[w, h]| (w - size.x).abs() > 1.0 || (h - size.y).abs() > 1.0) {
            self.state.remember_window_size(size);
        }
        if !commands.is_empty() {
            self.views.before_commands(&commands);
            self.state.apply_all(commands);
            ui.ctx().request_repaint();
        }
    }
}

impl eframe::App for CreditHealthApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.save_settings();
    }
}

/// Opens the app window on the records in `data_dir`; returns when the window closes.
pub fn run(data_dir: PathBuf) -> anyhow::Result<()> {
    let today = today();
    let size = settings::Settings::load(&data_dir).window_size.unwrap_or([1280.0, 840.0]);
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Credit Health · 额度体检")
            .with_inner_size(size)
            .with_min_inner_size([900.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "credit-health",
        native,
        Box::new(move |cc| {
            let app = CreditHealthApp::new(&cc.egui_ctx, data_dir, AppOptions::new(today))?;
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("could not open the window: {error}"))
}

/// Today's date in local time: the only place the app reads the clock.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
