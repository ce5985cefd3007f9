//! First launch: start one's own record, or explore a sample person.

use egui::RichText;

use super::Env;
use crate::app::{AppState, Command};
use crate::personas;

/// The welcome page.
pub fn welcome_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(env.sizes().max_content_width);
        welcome_contents_ui(ui, env, state, out);
    });
}

fn welcome_contents_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    let sizes = env.sizes();
    ui.add_space(sizes.section_gap);
    ui.label(
        RichText::new(
            env.t("你的借呗额度为什么是零、停滞或下降？", "Why is your credit limit zero, stuck or falling?"),
        )
        .size(sizes.headline)
        .strong(),
    );
    ui.label(env.t(
        "根据你自己的记录，离线给出解释：原因、依据，以及什么时候、做什么会让它改变。数据只保存在这台电脑上。",
        "Explained offline from your own records: the reasons, the records behind them, and what would change it, by when. Your data stays on this computer.",
    ));
    ui.add_space(sizes.section_gap);
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.heading(env.t("我自己的记录", "My own record"));
        if state.own.is_some() {
            ui.label(env.t("你已经有记录了。", "You already have a record."));
            if ui.button(env.t("打开我的记录", "Open my record")).clicked() {
                out.push(Command::CloseSample);
            }
        } else {
            ui.label(env.t(
                "从一个借呗账户开始，再添加借款、还款、账单和你看到的额度。每次修改都会立即保存。",
                "Start with one Jiebei account, then add draws, repayments, bills and the limits you saw. Every change is saved at once.",
            ));
            ui.horizontal(|ui| {
                if ui.button(env.t("开始记录", "Start my own record")).clicked() {
                    out.push(Command::StartOwnRecord);
                }
                // The record starts empty, then the bill's preview fills it (or is cancelled).
                if ui.button(env.t("从支付宝/微信账单开始……", "Start from an Alipay / WeChat bill…")).clicked() {
                    out.push(Command::StartOwnRecord);
                    out.push(Command::PromptFile(crate::app::FilePurpose::ImportBill));
                }
            });
        }
    });
    ui.add_space(sizes.section_gap);
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.heading(env.t("课堂演示", "For a session"));
        ui.label(env.t(
            "全屏、大字：逐月讲述样例人物的经历，先让大家猜，再揭晓。不会打开或修改你的数据。",
            "Full screen, large type: step through a sample person's history, let the room predict, then reveal. Never opens or changes your data.",
        ));
        if ui.button(env.t("演示模式", "Presenter mode")).on_hover_text("F5").clicked() {
            out.push(Command::Present(crate::app::present::PresentCommand::Open));
        }
    });
    ui.add_space(sizes.section_gap);
    ui.heading(env.t("看看样例", "Explore a sample person"));
    ui.label(env.t("样例人物单独保存，不会混入你的记录。", "Sample people are kept apart from your record."));
    let people = personas::all();
    for row in people.chunks(3) {
        ui.columns(3, |columns| {
            for (ui, persona) in columns.iter_mut().zip(row) {
                env.theme.card_frame(env.palette).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let name =
                        persona.data().ok().and_then(|d| d.profile.name).unwrap_or_else(|| persona.id.to_string());
                    ui.add(egui::Label::new(env.text(&persona.story)).wrap());
                    let label = format!("{}{name}", env.t("打开样例：", "Open sample: "));
                    if ui.add(egui::Button::new(label)).clicked() {
                        out.push(Command::OpenSample(persona.id.to_string()));
                    }
                });
            }
        });
        ui.add_space(sizes.spacing);
    }
}
