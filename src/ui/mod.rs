//! The views: one file per view, widgets in `widgets/`, charts in `charts/`, tokens in `theme`.
//!
//! Every view reads the app state and pushes [`Command`]s; none changes the records. View-local
//! state (sorting, drafts, selections) lives in [`ViewState`].

pub mod charts;
pub mod dashboard;
pub mod file_prompt;
pub mod fonts;
pub mod i18n;
pub mod import_preview;
pub mod present;
pub mod profile_form;
pub mod record_columns;
pub mod record_form;
pub mod records;
pub mod recovery;
pub mod settings_view;
pub mod shell;
pub mod theme;
pub mod welcome;
pub mod whatif;
pub mod why;
pub mod widgets;

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{Command, View};
use crate::domain::{Lang, Text};
use theme::{Palette, Sizes, Theme};

/// What every view needs to draw: language, colours, sizes and the date explained.
pub struct Env<'a> {
    /// The language.
    pub lang: Lang,
    /// The whole theme.
    pub theme: &'a Theme,
    /// The colours of the current mode.
    pub palette: &'a Palette,
    /// The date explained.
    pub today: NaiveDate,
}

impl Env<'_> {
    /// The version of a string in the current language.
    pub fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        i18n::tr(self.lang, zh, en)
    }

    /// The current language's version of a text.
    pub fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang)
    }

    /// The sizes.
    pub fn sizes(&self) -> &Sizes {
        &self.theme.sizes
    }
}

/// The views' own state, kept between frames.
#[derive(Default)]
pub struct ViewState {
    /// The records view: list shown, sorting, selection, the form.
    pub records: records::RecordsState,
    /// The charts view: which chart, which months.
    pub charts: charts::ChartsState,
    /// The typed path of the file prompt.
    pub file_prompt: file_prompt::PromptState,
    /// The what-if controls.
    pub whatif: whatif::WhatIfState,
}

impl ViewState {
    /// Lets view state follow commands that replace the records under it.
    pub fn before_commands(&mut self, commands: &[Command]) {
        let replaces = commands.iter().any(|c| {
            matches!(
                c,
                Command::OpenSample(_)
                    | Command::CloseSample
                    | Command::ResetSample
                    | Command::StartOwnRecord
                    | Command::Undo
                    | Command::Redo
                    | Command::RestoreBackup(_)
                    | Command::UseFile(..)
            )
        });
        if replaces {
            self.records.forget_record();
        }
    }
}

/// Keyboard shortcuts that work anywhere outside a text field: undo, redo, views by number,
/// F5 for presenter mode.
pub fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let mut out = Vec::new();
    if ctx.egui_wants_keyboard_input() {
        return out;
    }
    ctx.input_mut(|input| {
        let redo = [
            KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        ];
        if redo.iter().any(|s| input.consume_shortcut(s)) {
            out.push(Command::Redo);
        } else if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
            out.push(Command::Undo);
        }
        let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6];
        for (key, view) in keys.into_iter().zip(View::BY_NUMBER) {
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                out.push(Command::Navigate(view));
            }
        }
        if input.consume_key(Modifiers::NONE, Key::F5) {
            out.push(Command::Present(crate::app::present::PresentCommand::Open));
        }
    });
    out
}
