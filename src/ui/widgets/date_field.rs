//! A date field: type `2025-03-08`, or pick the day from a month calendar.

use chrono::{Datelike, Months, NaiveDate, Weekday};
use egui::{Id, Popup, PopupCloseBehavior};

use crate::domain::Lang;
use crate::ui::i18n::tr;

/// Draws the text field (labelled by `label_id` for screen readers) and a calendar button.
/// The text stays the source of truth; the form reads it when saving.
pub fn date_field_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    today: NaiveDate,
    text: &mut String,
    label_id: Id,
    width: f32,
) -> egui::Response {
    ui.horizontal(|ui| {
        let field =
            ui.add(egui::TextEdit::singleline(text).desired_width(width).hint_text("YYYY-MM-DD")).labelled_by(label_id);
        let button =
            ui.button(tr(lang, "选日期", "Pick")).on_hover_text(tr(lang, "从日历中选择", "Pick from a calendar"));
        let shown_id = button.id.with("month");
        Popup::from_toggle_button_response(&button).close_behavior(PopupCloseBehavior::CloseOnClickOutside).show(
            |ui| {
                let typed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
                let mut month = ui.data(|d| d.get_temp::<NaiveDate>(shown_id)).or(typed).unwrap_or(today).with_day(1);
                if let Some(picked) = month.as_mut().and_then(|first| calendar_ui(ui, lang, first, typed)) {
                    *text = picked.format("%Y-%m-%d").to_string();
                    ui.close();
                }
                if let Some(month) = month {
                    ui.data_mut(|d| d.insert_temp(shown_id, month));
                }
            },
        );
        field
    })
    .inner
}

/// One month of days; returns the day clicked. `first` is the month shown (its first day).
fn calendar_ui(ui: &mut egui::Ui, lang: Lang, first: &mut NaiveDate, selected: Option<NaiveDate>) -> Option<NaiveDate> {
    ui.horizontal(|ui| {
        if ui.button("<").on_hover_text(tr(lang, "上个月", "Previous month")).clicked() {
            *first = first.checked_sub_months(Months::new(1)).unwrap_or(*first);
        }
        ui.label(match lang {
            Lang::Zh => first.format("%Y年%m月").to_string(),
            Lang::En => first.format("%B %Y").to_string(),
        });
        if ui.button(">").on_hover_text(tr(lang, "下个月", "Next month")).clicked() {
            *first = first.checked_add_months(Months::new(1)).unwrap_or(*first);
        }
    });
    let mut picked = None;
    egui::Grid::new("calendar").show(ui, |ui| {
        let names_zh = ["一", "二", "三", "四", "五", "六", "日"];
        let names_en = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
        for (zh, en) in names_zh.iter().zip(names_en) {
            ui.label(tr(lang, zh, en));
        }
        ui.end_row();
        let offset = first.weekday().num_days_from_monday();
        for _ in 0..offset {
            ui.label("");
        }
        let mut day = Some(*first);
        while let Some(current) = day.filter(|d| d.month() == first.month()) {
            if ui.selectable_label(selected == Some(current), current.day().to_string()).clicked() {
                picked = Some(current);
            }
            if current.weekday() == Weekday::Sun {
                ui.end_row();
            }
            day = current.succ_opt();
        }
    });
    picked
}
