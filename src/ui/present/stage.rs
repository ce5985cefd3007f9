//! One persona's story on the stage: the month, what happened in it, the score and limit path
//! so far, and the answer (score, limit, status, reasons) hidden until revealed.

use egui::RichText;
use egui_plot::{Line, Plot, PlotPoints, Points};

use super::gallery::card;
use super::{Stage, lang_switch_ui, leave_ui};
use crate::app::chart_data::day_x;
use crate::app::present::{Happening, PresentCommand, Story, StoryMonth};
use crate::domain::Lang;
use crate::engine::{Effect, Status};
use crate::ui::charts::{month_axis, yuan_axis, yuan_grid_spacer};
use crate::ui::i18n;

/// Days of room after the last month on the time axis.
const AXIS_ROOM_DAYS: f64 = 45.0;

/// At most this many happenings are listed for a month.
const HAPPENINGS_SHOWN: usize = 6;

/// The stage.
pub fn stage_ui(ui: &mut egui::Ui, stage: &Stage, out: &mut Vec<PresentCommand>) {
    let story = match stage.presenter.story() {
        Some(Ok(story)) => story,
        Some(Err(error)) => {
            ui.label(error);
            return;
        }
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(stage.t("正在准备……", "Preparing…"));
            });
            return;
        }
    };
    let Some(month) = story.months.get(stage.presenter.month) else { return };
    top_ui(ui, stage, story, month, out);
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.horizontal_top(|ui| {
            let chart_width = (ui.available_width() - stage.tokens.side_width - stage.tokens.spacing).max(200.0);
            ui.vertical(|ui| {
                ui.set_width(chart_width);
                chart_ui(ui, stage, story);
            });
            ui.vertical(|ui| {
                ui.set_width(stage.tokens.side_width);
                happened_ui(ui, stage, month);
                answer_ui(ui, stage, month);
                reasons_ui(ui, stage, month);
            });
        });
    });
}

fn top_ui(ui: &mut egui::Ui, stage: &Stage, story: &Story, month: &StoryMonth, out: &mut Vec<PresentCommand>) {
    let t = stage.tokens;
    ui.horizontal(|ui| {
        if ui.button(stage.t("← 人物列表", "← People")).clicked() {
            out.push(PresentCommand::Gallery);
        }
        ui.label(RichText::new(&story.name).size(t.title).strong());
        let month_name = month.on.format("%Y-%m").to_string();
        ui.label(RichText::new(month_name).size(t.title).strong().color(t.accent.color()));
        let count = format!("{} {} / {}", stage.t("第", "Month"), stage.presenter.month + 1, story.months.len());
        ui.label(RichText::new(count).color(t.weak_text.color()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            leave_ui(ui, stage, out);
            lang_switch_ui(ui, stage, out);
        });
    });
    ui.label(RichText::new(story.line.get(stage.lang)).color(t.weak_text.color()));
    ui.horizontal(|ui| {
        let at_start = stage.presenter.month == 0;
        let at_end = stage.presenter.month + 1 >= story.months.len();
        if ui.add_enabled(!at_start, egui::Button::new(stage.t("← 上个月", "← Previous month"))).clicked() {
            out.push(PresentCommand::Step(-1));
        }
        let revealed = stage.presenter.revealed;
        let reveal = if revealed {
            stage.t("隐藏答案（空格）", "Hide (Space)")
        } else {
            stage.t("揭晓（空格）", "Reveal (Space)")
        };
        if ui.button(RichText::new(reveal).strong()).clicked() {
            out.push(PresentCommand::Reveal(!revealed));
        }
        if ui.add_enabled(!at_end, egui::Button::new(stage.t("下个月 →", "Next month →"))).clicked() {
            out.push(PresentCommand::Step(1));
        }
    });
    ui.add_space(t.spacing);
}

/// The path so far: up to the month before, and the month itself once revealed.
fn chart_ui(ui: &mut egui::Ui, stage: &Stage, story: &Story) {
    let t = stage.tokens;
    // egui_plot writes tick labels in the body style; at stage size they would not fit.
    ui.style_mut().text_styles.insert(egui::TextStyle::Body, egui::FontId::proportional(t.small));
    let shown = stage.presenter.month + usize::from(stage.presenter.revealed);
    let months = &story.months[..shown.min(story.months.len())];
    let first = story.months.first().map_or(0.0, |m| day_x(m.on));
    // A little room after the last month, so its axis label is not cut at the edge.
    let last = story.months.last().map_or(first, |m| day_x(m.on)) + AXIS_ROOM_DAYS;
    let plot = |id: &str| {
        Plot::new(id.to_string())
            .height(t.chart_height)
            .include_x(first)
            .include_x(last)
            .x_axis_formatter(month_axis)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
    };
    let score: Vec<[f64; 2]> = months.iter().map(|m| [day_x(m.on), m.score as f64]).collect();
    ui.label(RichText::new(stage.t("估算信用分", "Estimated score")).strong());
    let (low, high) = story.score_range;
    plot("present_score").include_y(low as f64).include_y(high as f64).y_axis_label(stage.t("分", "points")).show(
        ui,
        |p| {
            p.line(
                Line::new("score", PlotPoints::from(score.clone())).color(t.chart_score.color()).width(t.line_width),
            );
            p.points(
                Points::new("score points", PlotPoints::from(score))
                    .color(t.chart_score.color())
                    .radius(t.line_width * 1.5),
            );
        },
    );
    let limit: Vec<[f64; 2]> = months.iter().map(|m| [day_x(m.on), m.limit.yuan_f64()]).collect();
    ui.label(RichText::new(stage.t("估算额度", "Estimated limit")).strong());
    plot("present_limit")
        .include_y(0.0)
        .y_axis_formatter(yuan_axis)
        .y_grid_spacer(egui_plot::uniform_grid_spacer(yuan_grid_spacer))
        .y_axis_label(stage.t("元", "yuan"))
        .show(ui, |p| {
            p.line(
                Line::new("limit", PlotPoints::from(limit.clone())).color(t.chart_limit.color()).width(t.line_width),
            );
            p.points(
                Points::new("limit points", PlotPoints::from(limit))
                    .color(t.chart_limit.color())
                    .radius(t.line_width * 1.5),
            );
        });
}

fn happened_ui(ui: &mut egui::Ui, stage: &Stage, month: &StoryMonth) {
    let t = stage.tokens;
    card(t).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(stage.t("这个月发生了什么", "What happened this month")).size(t.heading).strong());
        if month.happened.is_empty() {
            ui.label(RichText::new(stage.t("没有新记录", "Nothing new")).color(t.weak_text.color()));
        }
        for happening in month.happened.iter().take(HAPPENINGS_SHOWN) {
            let colour = if matches!(happening, Happening::Missed { .. }) || happening.is_night() {
                t.zero.color()
            } else {
                t.text.color()
            };
            ui.add(
                egui::Label::new(RichText::new(format!("• {}", happening_text(stage.lang, happening))).color(colour))
                    .wrap(),
            );
        }
        let more = month.happened.len().saturating_sub(HAPPENINGS_SHOWN);
        if more > 0 {
            let text = match stage.lang {
                Lang::Zh => format!("还有 {more} 条"),
                Lang::En => format!("and {more} more"),
            };
            ui.label(RichText::new(text).color(t.weak_text.color()));
        }
    });
}

/// Score, limit and status: a question mark each until revealed.
fn answer_ui(ui: &mut egui::Ui, stage: &Stage, month: &StoryMonth) {
    let t = stage.tokens;
    let revealed = stage.presenter.revealed;
    ui.add_space(t.spacing);
    ui.columns(3, |columns| {
        let status_colour = status_colour(t, month.status);
        let cells = [
            (stage.t("分数", "Score"), month.score.to_string(), t.accent.color()),
            (stage.t("额度", "Limit"), month.limit.display_short(), t.chart_limit.color()),
            (stage.t("状态", "Status"), i18n::status_name(stage.lang, month.status).to_string(), status_colour),
        ];
        for (ui, (name, value, colour)) in columns.iter_mut().zip(cells) {
            let fill = if revealed { t.card.color() } else { t.hidden.color() };
            card(t).fill(fill).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.vertical_centered(|ui| {
                    ui.label(RichText::new(name).strong());
                    let (text, size) = if revealed { (value, t.heading) } else { ("?".to_string(), t.big_number) };
                    let colour = if revealed { colour } else { t.weak_text.color() };
                    ui.label(RichText::new(text).size(size).strong().color(colour));
                });
            });
        }
    });
    if revealed && let Some(seen) = month.observed {
        let text = format!("{} {}", stage.t("借呗里看到的额度：", "The app showed:"), seen.display_short());
        ui.label(RichText::new(text).strong());
    }
}

fn reasons_ui(ui: &mut egui::Ui, stage: &Stage, month: &StoryMonth) {
    let t = stage.tokens;
    ui.add_space(t.spacing);
    card(t).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if !stage.presenter.revealed {
            ui.label(
                RichText::new(stage.t(
                    "先猜一猜：额度会上升、停滞、下降还是为零？为什么？",
                    "Predict first: will the limit rise, stay, fall or be zero? Why?",
                ))
                .size(t.heading)
                .strong(),
            );
            ui.label(
                RichText::new(stage.t("按空格键或“揭晓”查看答案。", "Press Space or “Reveal” to see the answer."))
                    .color(t.weak_text.color()),
            );
            return;
        }
        ui.add(egui::Label::new(RichText::new(month.headline.get(stage.lang)).size(t.heading).strong()).wrap());
        for reason in &month.reasons {
            ui.horizontal_wrapped(|ui| {
                let effect = i18n::effect_name(stage.lang, reason.effect);
                ui.label(RichText::new(effect).strong().color(effect_colour(t, reason.effect)));
                ui.label(reason.message.get(stage.lang));
            });
        }
    });
    ui.label(RichText::new(i18n::estimate_note(stage.lang)).size(t.small).color(t.weak_text.color()));
}

fn happening_text(lang: Lang, happening: &Happening) -> String {
    let zh = matches!(lang, Lang::Zh);
    match happening {
        Happening::Opened { lender } => {
            if zh {
                format!("开通了{lender}")
            } else {
                format!("Opened {lender}")
            }
        }
        Happening::Draw { lender, amount, hour } => {
            let amount = amount.display_short();
            let night = happening.is_night();
            match (zh, night) {
                (true, true) => format!("深夜 {hour:02}:00 从{lender}借了 {amount}"),
                (true, false) => format!("从{lender}借了 {amount}"),
                (false, true) => format!("Borrowed {amount} from {lender} at {hour:02}:00 at night"),
                (false, false) => format!("Borrowed {amount} from {lender}"),
            }
        }
        Happening::Repaid { count, total } => {
            if zh {
                format!("还款 {count} 笔，共 {}", total.display_short())
            } else {
                match count {
                    1 => format!("1 repayment of {}", total.display_short()),
                    _ => format!("{count} repayments, {} in all", total.display_short()),
                }
            }
        }
        Happening::Bill { lender, balance, minimum } => {
            let (balance, minimum) = (balance.display_short(), minimum.display_short());
            if zh {
                format!("{lender}账单 {balance}，最低还款 {minimum}")
            } else {
                format!("{lender} bill {balance}, minimum {minimum}")
            }
        }
        Happening::Missed { lender } => {
            if zh {
                format!("{lender}有一笔到期没有还")
            } else {
                format!("A payment to {lender} fell due and was not paid")
            }
        }
        Happening::Inquiry { by, purpose } => {
            let purpose = i18n::purpose_name(lang, *purpose);
            if zh { format!("征信查询：{by}（{purpose}）") } else { format!("Credit check by {by} ({purpose})") }
        }
        Happening::Event { kind } => {
            let kind = i18n::event_kind_name(lang, *kind);
            if zh { format!("账户事件：{kind}") } else { format!("Account event: {kind}") }
        }
    }
}

fn status_colour(t: &crate::ui::theme::PresentTokens, status: Status) -> egui::Color32 {
    match status {
        Status::Zero => t.zero,
        Status::Falling => t.falling,
        Status::Stuck => t.stuck,
        Status::Rising => t.rising,
    }
    .color()
}

fn effect_colour(t: &crate::ui::theme::PresentTokens, effect: Effect) -> egui::Color32 {
    match effect {
        Effect::Blocks => t.blocks,
        Effect::Lowers => t.lowers,
        Effect::Holds => t.holds,
        Effect::Raises => t.raises,
    }
    .color()
}
