//! The profile: name, when the account was opened, identity, income, savings, and which line
//! is explained.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::RichText;

use super::Env;
use super::record_form::problem_text;
use super::widgets::date_field::date_field_ui;
use crate::app::edit::{RecordEdit, check_edit};
use crate::app::{Command, Document};
use crate::domain::{Money, Profile};

/// The profile as typed.
#[derive(Clone, Debug, Default)]
pub struct ProfileDraft {
    name: String,
    joined: String,
    identity_verified: bool,
    monthly_income: String,
    liquid_assets: String,
    target: String,
    errors: HashMap<&'static str, String>,
    saved_generation: u64,
}

impl ProfileDraft {
    fn of(doc: &Document) -> ProfileDraft {
        let p = &doc.data.profile;
        let money = |m: Option<Money>| m.map(|m| m.to_file_string()).unwrap_or_default();
        ProfileDraft {
            name: p.name.clone().unwrap_or_default(),
            joined: p.joined.format("%Y-%m-%d").to_string(),
            identity_verified: p.identity_verified,
            monthly_income: money(p.monthly_income),
            liquid_assets: money(p.liquid_assets),
            target: p.target.clone(),
            errors: HashMap::new(),
            saved_generation: doc.generation,
        }
    }
}

/// The profile form.
pub fn profile_form_ui(
    ui: &mut egui::Ui,
    env: &Env,
    doc: &Document,
    draft: &mut Option<ProfileDraft>,
    out: &mut Vec<Command>,
) {
    if draft.as_ref().is_none_or(|d| d.saved_generation != doc.generation && d.errors.is_empty()) {
        *draft = Some(ProfileDraft::of(doc));
    }
    let Some(d) = draft.as_mut() else { return };
    ui.heading(env.t("个人资料", "Profile"));
    let width = env.sizes().field_width;
    let error_colour = env.palette.error.color();
    egui::Grid::new("profile").num_columns(2).show(ui, |ui| {
        let label = ui.label(env.t("称呼（可空）", "Name (optional)"));
        ui.add(egui::TextEdit::singleline(&mut d.name).desired_width(width)).labelled_by(label.id);
        ui.end_row();
        let label = ui.label(env.t("开通日期", "Joined on"));
        ui.vertical(|ui| {
            date_field_ui(ui, env.lang, env.today, &mut d.joined, label.id, width);
            if let Some(e) = d.errors.get("joined") {
                ui.label(RichText::new(e).color(error_colour));
            }
        });
        ui.end_row();
        ui.label(env.t("实名认证", "Identity"));
        ui.checkbox(&mut d.identity_verified, env.t("已完成实名认证", "Identity verified"));
        ui.end_row();
        for (key, zh, en) in [
            ("monthly_income", "月收入（税后，可空）", "Monthly income after tax (optional)"),
            ("liquid_assets", "存款等可用资产（可空）", "Savings (optional)"),
        ] {
            let label = ui.label(env.t(zh, en));
            let text = if key == "monthly_income" { &mut d.monthly_income } else { &mut d.liquid_assets };
            ui.vertical(|ui| {
                ui.add(egui::TextEdit::singleline(text).desired_width(width).hint_text("8,500.00"))
                    .labelled_by(label.id);
                if let Some(e) = d.errors.get(key) {
                    ui.label(RichText::new(e).color(error_colour));
                }
            });
            ui.end_row();
        }
        let label = ui.label(env.t("要解释的额度账户", "Line explained"));
        ui.vertical(|ui| {
            egui::ComboBox::from_id_salt("profile_target")
                .selected_text(d.target.clone())
                .width(width)
                .show_ui(ui, |ui| {
                    for account in &doc.data.accounts {
                        ui.selectable_value(
                            &mut d.target,
                            account.id.clone(),
                            format!("{} · {}", account.id, account.lender),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(e) = d.errors.get("target") {
                ui.label(RichText::new(e).color(error_colour));
            }
        });
        ui.end_row();
    });
    if ui.button(env.t("保存资料", "Save profile")).clicked() {
        save(env, d, doc, out);
    }
}

fn save(env: &Env, d: &mut ProfileDraft, doc: &Document, out: &mut Vec<Command>) {
    d.errors.clear();
    let joined = NaiveDate::parse_from_str(d.joined.trim(), "%Y-%m-%d");
    if joined.is_err() {
        d.errors.insert(
            "joined",
            env.t("不是有效日期；请写成 2025-03-08", "Not a real date; write it like 2025-03-08").into(),
        );
    }
    let mut money = |key: &'static str, text: &str| -> Option<Money> {
        if text.trim().is_empty() {
            return None;
        }
        Money::parse_lenient(text)
            .map_err(|_| {
                d.errors.insert(key, env.t("请写成 5000 或 5,000.00", "Write it like 5000 or 5,000.00").into())
            })
            .ok()
    };
    let monthly_income = money("monthly_income", &d.monthly_income.clone());
    let liquid_assets = money("liquid_assets", &d.liquid_assets.clone());
    let Ok(joined) = joined else { return };
    if !d.errors.is_empty() {
        return;
    }
    let new = Profile {
        name: Some(d.name.trim().to_string()).filter(|n| !n.is_empty()),
        joined,
        identity_verified: d.identity_verified,
        monthly_income,
        liquid_assets,
        target: d.target.clone(),
    };
    let edit = RecordEdit::Profile { old: Box::new(doc.data.profile.clone()), new: Box::new(new) };
    for problem in check_edit(&doc.data, &edit) {
        let key = match problem.field {
            Some("monthly_income") => "monthly_income",
            Some("liquid_assets") => "liquid_assets",
            _ => "target",
        };
        d.errors.insert(key, problem_text(env.lang, &problem));
    }
    if d.errors.is_empty() {
        out.push(Command::Edit(edit));
    }
}
