//! The frame around every view: navigation, the sample banner, messages, the footer note.

use egui::{Align, Layout, RichText};

use super::theme::Theme;
use super::{Env, ViewState, i18n};
use crate::app::{AppState, Command, Phase, View};
use crate::domain::Lang;
use crate::personas;

/// Draws the whole window.
pub fn shell_ui(ui: &mut egui::Ui, theme: &Theme, state: &AppState, views: &mut ViewState, out: &mut Vec<Command>) {
    if let Some(presenter) = &state.presenter {
        let mut asked = Vec::new();
        super::present::present_ui(ui, theme, presenter, &mut asked);
        out.extend(asked.into_iter().map(Command::Present));
        return;
    }
    let env = Env { lang: state.lang, theme, palette: theme.palette(state.settings.theme), today: state.as_of() };
    egui::Panel::top("top_bar").show(ui, |ui| top_bar_ui(ui, &env, state, out));
    if let Some(doc) = &state.sample
        && let Some(sample) = &doc.sample
    {
        egui::Panel::top("sample_banner")
            .frame(egui::Frame::new().fill(env.palette.sample_banner.color()).inner_margin(env.sizes().spacing))
            .show(ui, |ui| sample_banner_ui(ui, &env, &sample.persona_id, doc.data.profile.name.as_deref(), out));
    }
    if let Some(notice) = &state.notice {
        egui::Panel::top("notice").show(ui, |ui| {
            let colour = if notice.is_error { env.palette.error } else { env.palette.accent };
            ui.label(RichText::new(env.text(&notice.text)).color(colour.color()));
        });
    }
    egui::Panel::bottom("footer").show(ui, |ui| {
        ui.label(RichText::new(i18n::estimate_note(env.lang)).small().color(env.palette.weak_text.color()));
    });
    egui::CentralPanel::default().show(ui, |ui| central_ui(ui, &env, state, views, out));
    if let Some(purpose) = state.file_prompt {
        super::file_prompt::file_prompt_ui(ui.ctx(), &env, purpose, state, &mut views.file_prompt, out);
    }
    if let Some(import) = &state.bill_import {
        super::import_preview::import_preview_ui(ui.ctx(), &env, import, out);
    }
}

fn central_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, views: &mut ViewState, out: &mut Vec<Command>) {
    match &state.phase {
        Phase::Loading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(env.t("正在读取你的记录……", "Reading your records…"));
            });
            return;
        }
        Phase::Failed(message) => {
            ui.heading(env.t("无法打开数据文件夹", "The data folder cannot be opened"));
            ui.label(message);
            ui.label(state.data_dir.display().to_string());
            return;
        }
        Phase::Ready => {}
    }
    if let Some(recovery) = &state.recovery {
        super::recovery::recovery_ui(ui, env, recovery, out);
        return;
    }
    let view = if state.document().is_none() && state.view != View::Settings { View::Welcome } else { state.view };
    match view {
        View::Welcome => super::welcome::welcome_ui(ui, env, state, out),
        View::Dashboard => super::dashboard::dashboard_ui(ui, env, state, out),
        View::Why => super::why::why_ui(ui, env, state),
        View::Charts => super::charts::charts_ui(ui, env, state, &mut views.charts),
        View::Records => super::records::records_ui(ui, env, state, &mut views.records, out),
        View::Settings => super::settings_view::settings_ui(ui, env, state, out),
        View::WhatIf => super::whatif::whatif_ui(ui, env, state, &mut views.whatif, out),
    }
}

fn top_bar_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(env.t("额度体检", "Credit Health")).strong().size(env.sizes().heading));
        ui.separator();
        let has_record = state.document().is_some();
        for view in View::NAV {
            let enabled = has_record || view == View::Settings;
            let selected = state.view == view && (has_record || view == View::Settings);
            let button = ui.add_enabled(enabled, egui::Button::selectable(selected, i18n::view_name(env.lang, view)));
            let number = View::BY_NUMBER.iter().position(|v| *v == view).map_or(0, |i| i + 1);
            let button = button.on_hover_text(format!("Ctrl+{number}"));
            if button.clicked() {
                out.push(Command::Navigate(view));
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let other = match env.lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            };
            if ui.button(i18n::lang_name(other)).on_hover_text(env.t("切换语言", "Switch language")).clicked() {
                out.push(Command::SetLang(other));
            }
            if ui.button(env.t("演示模式", "Presenter mode")).on_hover_text("F5").clicked() {
                out.push(Command::Present(crate::app::present::PresentCommand::Open));
            }
            let history = state.document().map(|d| &d.history);
            let can_redo = history.is_some_and(|h| h.can_redo());
            let can_undo = history.is_some_and(|h| h.can_undo());
            if ui
                .add_enabled(can_redo, egui::Button::new(env.t("重做", "Redo")))
                .on_hover_text("Ctrl+Shift+Z")
                .clicked()
            {
                out.push(Command::Redo);
            }
            if ui.add_enabled(can_undo, egui::Button::new(env.t("撤销", "Undo"))).on_hover_text("Ctrl+Z").clicked() {
                out.push(Command::Undo);
            }
            if state.is_analysing() {
                ui.spinner();
            }
        });
    });
}

fn sample_banner_ui(ui: &mut egui::Ui, env: &Env, persona_id: &str, name: Option<&str>, out: &mut Vec<Command>) {
    let text_colour = env.palette.sample_banner_text.color();
    let name = name.unwrap_or(persona_id);
    ui.horizontal(|ui| {
        let title = format!("{}{name}", env.t("样例：", "Sample: "));
        ui.label(RichText::new(title).strong().color(text_colour));
        let when = format!("{} {}", env.t("故事日期", "story date"), env.today.format("%Y-%m-%d"));
        ui.label(RichText::new(when).color(text_colour));
        let story = personas::find(persona_id).map(|p| env.text(&p.story).to_string()).unwrap_or_default();
        ui.label(RichText::new(story).color(text_colour));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.button(env.t("回到我的记录", "Back to my record")).clicked() {
                out.push(Command::CloseSample);
            }
            if ui.button(env.t("重置样例", "Reset sample")).clicked() {
                out.push(Command::ResetSample);
            }
        });
    });
    ui.label(
        RichText::new(env.t(
            "这是样例数据，单独保存，不会混入你自己的记录。",
            "This is sample data, kept apart from your own record.",
        ))
        .small()
        .color(text_colour),
    );
}
