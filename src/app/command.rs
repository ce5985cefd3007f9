//! What views ask the app to do. Views never change the records themselves: they emit a
//! [`Command`], and `CreditHealthApp::apply` is the one place that carries it out, saves, and
//! records undo.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::edit::RecordEdit;
use super::present::PresentCommand;
use crate::domain::Lang;
use crate::engine::Action;

/// The main views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    /// First launch: start a record or explore a sample person.
    Welcome,
    /// The answer, at a glance.
    #[default]
    Dashboard,
    /// Every reason, with its records.
    Why,
    /// History in charts.
    Charts,
    /// The records, to read and edit.
    Records,
    /// Language, theme, folder, rules, backups.
    Settings,
    /// What if the person acts: projections and a plan.
    WhatIf,
}

impl View {
    /// The views in the navigation, in order.
    pub const NAV: [View; 6] = [View::Dashboard, View::Why, View::Charts, View::WhatIf, View::Records, View::Settings];

    /// The views by their Ctrl+number shortcut (Ctrl+1 first); what-if came later, so it is 6.
    pub const BY_NUMBER: [View; 6] =
        [View::Dashboard, View::Why, View::Charts, View::Records, View::Settings, View::WhatIf];
}

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Dark text on light.
    #[default]
    Light,
    /// Light text on dark.
    Dark,
}

impl ThemeChoice {
    /// egui's name for it.
    pub fn egui_theme(self) -> egui::Theme {
        match self {
            ThemeChoice::Light => egui::Theme::Light,
            ThemeChoice::Dark => egui::Theme::Dark,
        }
    }
}

/// What a file chosen in a dialog (or typed) is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// Replace the open record with a data file (the current one is kept as a backup).
    ImportData,
    /// Write the open record to a file.
    ExportData,
    /// Write the explanation shown, with its charts and plan, as a printable HTML report.
    ExportReport,
    /// Use a custom rules file.
    OpenRules,
    /// Read an Alipay / WeChat Pay bill export and preview what it would add.
    ImportBill,
}

/// One thing a view asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show a view.
    Navigate(View),
    /// Start the person's own record (from the welcome page).
    StartOwnRecord,
    /// Open a built-in sample person, in its own folder.
    OpenSample(String),
    /// Put the open sample person back as built in (their folder is rewritten).
    ResetSample,
    /// Leave the sample and go back to the person's own record (or the welcome page).
    CloseSample,
    /// Change the records; saved at once, undoable.
    Edit(RecordEdit),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Speak another language.
    SetLang(Lang),
    /// Light or dark.
    SetTheme(ThemeChoice),
    /// Restore a backup of the open record.
    RestoreBackup(PathBuf),
    /// Close the recovery notice and continue with an empty record.
    DismissRecovery,
    /// Show the data folder in the file manager.
    OpenDataFolder,
    /// Go back to the built-in rules.
    UseBuiltInRules,
    /// Ask for a file in the native dialog (the typed path stays available).
    BrowseFile(FilePurpose),
    /// Show the "choose a file" prompt for this purpose.
    PromptFile(FilePurpose),
    /// Act on a chosen file.
    UseFile(FilePurpose, PathBuf),
    /// Close the file prompt.
    CancelFilePrompt,
    /// In the bill import preview: add (true) or leave out (false) the row at this index.
    SelectImportRow(usize, bool),
    /// Add the bill import preview's selected rows: one edit, saved at once, undoable.
    ConfirmImport,
    /// Close the bill import preview (or its error) without changing anything.
    CancelImport,
    /// Project the record shown under these what-if actions (none: as things stand).
    WhatIf(Vec<Action>),
    /// Presenter mode: open, step, reveal, leave.
    Present(PresentCommand),
}
