//! The what-if controls: one row per engine action, each switched on by its checkbox. Amounts
//! and dates are typed; what does not read is shown beside its field and left out of the
//! projection until it is fixed.

use chrono::{Months, NaiveDate};
use egui::RichText;

use crate::domain::{DataFile, Money};
use crate::engine::Action;
use crate::engine::whatif::HORIZON_MONTHS;
use crate::ui::Env;

/// What the person typed and chose: per action, whether it is on and its fields as typed.
#[derive(Clone, Debug, Default)]
#[allow(missing_docs)]
pub struct Drafts {
    /// The day the defaults were set for (they follow the record shown).
    pub for_as_of: Option<NaiveDate>,
    pub repay: bool,
    pub repay_account: String,
    pub repay_amount: String,
    pub repay_on: String,
    pub overdue: bool,
    pub overdue_on: String,
    pub quiet: bool,
    pub quiet_months: u32,
    pub close: bool,
    pub close_account: String,
    pub close_on: String,
    pub cards: bool,
    pub cards_pct: u32,
    pub cards_on: String,
    pub verify: bool,
    pub verify_on: String,
    pub use_line: bool,
    pub use_amount: String,
    pub use_on: String,
}

impl Drafts {
    /// Everything off, dates on `as_of`, accounts the first that fit.
    pub fn fresh(data: &DataFile, as_of: NaiveDate) -> Drafts {
        let day = as_of.format("%Y-%m-%d").to_string();
        let target = data.profile.target.clone();
        let other = data.accounts.iter().find(|a| a.id != target && a.closed.is_none()).map(|a| a.id.clone());
        Drafts {
            for_as_of: Some(as_of),
            repay_account: target.clone(),
            repay_amount: "1000".into(),
            repay_on: day.clone(),
            overdue_on: day.clone(),
            quiet_months: 6,
            close_account: other.unwrap_or(target),
            close_on: day.clone(),
            cards_pct: 30,
            cards_on: day.clone(),
            verify_on: day.clone(),
            use_amount: "500".into(),
            use_on: day,
            ..Drafts::default()
        }
    }

    /// The drafts with the plan's actions switched on (and nothing else).
    pub fn with_actions(data: &DataFile, as_of: NaiveDate, actions: &[Action]) -> Drafts {
        let mut d = Drafts::fresh(data, as_of);
        let day = |on: &NaiveDate| on.format("%Y-%m-%d").to_string();
        for action in actions {
            match action {
                Action::Repay { account, amount, on } => {
                    (d.repay, d.repay_account, d.repay_amount, d.repay_on) =
                        (true, account.clone(), amount.to_file_string(), day(on));
                }
                Action::PayOverdue { on } => (d.overdue, d.overdue_on) = (true, day(on)),
                Action::NoNewBorrowing { months } => (d.quiet, d.quiet_months) = (true, *months),
                Action::CloseLine { account, on } => {
                    (d.close, d.close_account, d.close_on) = (true, account.clone(), day(on))
                }
                Action::CardBalancesTo { pct, on } => (d.cards, d.cards_pct, d.cards_on) = (true, *pct, day(on)),
                Action::VerifyIdentity { on } => (d.verify, d.verify_on) = (true, day(on)),
                Action::UseLine { amount, on } => {
                    (d.use_line, d.use_amount, d.use_on) = (true, amount.to_file_string(), day(on))
                }
            }
        }
        d
    }

    /// The actions switched on whose fields read.
    pub fn actions(&self, as_of: NaiveDate) -> Vec<Action> {
        let on = |text: &str| read_day(text, as_of).ok();
        let amount = |text: &str| read_amount(text).ok();
        let mut out = Vec::new();
        if self.repay
            && let (Some(amount), Some(on)) = (amount(&self.repay_amount), on(&self.repay_on))
        {
            out.push(Action::Repay { account: self.repay_account.clone(), amount, on });
        }
        if self.overdue
            && let Some(on) = on(&self.overdue_on)
        {
            out.push(Action::PayOverdue { on });
        }
        if self.quiet {
            out.push(Action::NoNewBorrowing { months: self.quiet_months });
        }
        if self.close
            && let Some(on) = on(&self.close_on)
        {
            out.push(Action::CloseLine { account: self.close_account.clone(), on });
        }
        if self.cards
            && let Some(on) = on(&self.cards_on)
        {
            out.push(Action::CardBalancesTo { pct: self.cards_pct, on });
        }
        if self.verify
            && let Some(on) = on(&self.verify_on)
        {
            out.push(Action::VerifyIdentity { on });
        }
        if self.use_line
            && let (Some(amount), Some(on)) = (amount(&self.use_amount), on(&self.use_on))
        {
            out.push(Action::UseLine { amount, on });
        }
        out
    }
}

/// Why a typed amount cannot be used, in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Not an amount.
    NotAnAmount,
    /// Zero or less.
    NotPositive,
    /// Not a date.
    NotADate,
    /// Before the day projected from, or past the horizon.
    OutOfRange,
}

/// Reads `5000`, `5,000.00`, `¥5000`: above zero.
pub fn read_amount(text: &str) -> Result<Money, FieldError> {
    let money = Money::parse_lenient(text).map_err(|_| FieldError::NotAnAmount)?;
    if money.is_positive() { Ok(money) } else { Err(FieldError::NotPositive) }
}

/// Reads `YYYY-MM-DD` within the projection: from `as_of` to the horizon.
pub fn read_day(text: &str, as_of: NaiveDate) -> Result<NaiveDate, FieldError> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| FieldError::NotADate)?;
    let horizon = as_of.checked_add_months(Months::new(HORIZON_MONTHS)).unwrap_or(as_of);
    if day < as_of || day > horizon { Err(FieldError::OutOfRange) } else { Ok(day) }
}

fn error_text(env: &Env, error: FieldError) -> String {
    let horizon = env.today.checked_add_months(Months::new(HORIZON_MONTHS)).unwrap_or(env.today);
    match error {
        FieldError::NotAnAmount => {
            env.t("不是金额：请输入如 5000 或 5,000.00", "Not an amount: type e.g. 5000 or 5,000.00").into()
        }
        FieldError::NotPositive => env.t("金额必须大于零", "The amount must be above zero").into(),
        FieldError::NotADate => env.t("不是日期：请用 YYYY-MM-DD", "Not a date: use YYYY-MM-DD").into(),
        FieldError::OutOfRange => match env.lang {
            crate::domain::Lang::Zh => format!("日期须在 {} 到 {horizon} 之间", env.today),
            crate::domain::Lang::En => format!("The date must be between {} and {horizon}", env.today),
        },
    }
}

/// Draws every control.
pub fn controls_ui(ui: &mut egui::Ui, env: &Env, data: &DataFile, d: &mut Drafts) {
    ui.heading(env.t("如果我这样做……", "If I do this…"));
    action_ui(ui, env, &mut d.repay, env.t("还一笔钱", "Repay an amount"), |ui| {
        account_ui(ui, env, data, "repay_account", env.t("还款账户", "Account to repay"), &mut d.repay_account, false);
        amount_ui(ui, env, env.t("还款金额（元）", "Repayment amount (¥)"), &mut d.repay_amount);
        day_ui(ui, env, env.t("还款日期", "Repay on"), &mut d.repay_on);
    });
    action_ui(
        ui,
        env,
        &mut d.overdue,
        env.t("还清逾期，之后按时还款", "Pay what is overdue, then keep paying on time"),
        |ui| {
            day_ui(ui, env, env.t("还清日期", "Pay overdue on"), &mut d.overdue_on);
        },
    );
    action_ui(
        ui,
        env,
        &mut d.quiet,
        env.t("暂停借新款、不申请新贷款", "Stop borrowing and applying"),
        |ui| {
            let label = env.t("不借新款的月数", "Months without new borrowing");
            ui.add(egui::Slider::new(&mut d.quiet_months, 1..=HORIZON_MONTHS).text(label));
        },
    );
    action_ui(ui, env, &mut d.close, env.t("还清并注销一个账户", "Pay off and close a line"), |ui| {
        account_ui(ui, env, data, "close_account", env.t("要注销的账户", "Line to close"), &mut d.close_account, true);
        day_ui(ui, env, env.t("注销日期", "Close on"), &mut d.close_on);
    });
    action_ui(ui, env, &mut d.cards, env.t("降低信用卡欠款", "Lower card balances"), |ui| {
        let label = env.t("欠款不超过额度的 %", "Balances at most (% of limit)");
        ui.add(egui::Slider::new(&mut d.cards_pct, 0..=100).step_by(5.0).text(label));
        day_ui(ui, env, env.t("从这天起", "From"), &mut d.cards_on);
    });
    action_ui(ui, env, &mut d.verify, env.t("完成实名认证", "Verify my identity"), |ui| {
        day_ui(ui, env, env.t("认证日期", "Verified on"), &mut d.verify_on);
    });
    action_ui(
        ui,
        env,
        &mut d.use_line,
        env.t("小额借用一次并按时还清", "Use the line once and repay on time"),
        |ui| {
            amount_ui(ui, env, env.t("借用金额（元）", "Draw amount (¥)"), &mut d.use_amount);
            day_ui(ui, env, env.t("借用日期", "Draw on"), &mut d.use_on);
        },
    );
}

fn action_ui(ui: &mut egui::Ui, env: &Env, on: &mut bool, label: &str, fields: impl FnOnce(&mut egui::Ui)) {
    ui.checkbox(on, RichText::new(label).strong());
    if *on {
        ui.indent(label, |ui| {
            fields(ui);
        });
    }
    ui.add_space(env.sizes().spacing * 0.5);
}

fn field_label(ui: &mut egui::Ui, env: &Env, label: &str) -> egui::Id {
    ui.add_sized([env.sizes().field_width * 0.6, env.sizes().row_height], egui::Label::new(label)).id
}

fn amount_ui(ui: &mut egui::Ui, env: &Env, label: &str, text: &mut String) {
    ui.horizontal(|ui| {
        let id = field_label(ui, env, label);
        ui.add(egui::TextEdit::singleline(text).desired_width(env.sizes().field_width * 0.6)).labelled_by(id);
    });
    if let Err(error) = read_amount(text) {
        ui.label(RichText::new(error_text(env, error)).color(env.palette.error.color()));
    }
}

fn day_ui(ui: &mut egui::Ui, env: &Env, label: &str, text: &mut String) {
    ui.horizontal(|ui| {
        let id = field_label(ui, env, label);
        crate::ui::widgets::date_field::date_field_ui(ui, env.lang, env.today, text, id, env.sizes().field_width * 0.6);
    });
    if let Err(error) = read_day(text, env.today) {
        ui.label(RichText::new(error_text(env, error)).color(env.palette.error.color()));
    }
}

fn account_ui(
    ui: &mut egui::Ui,
    env: &Env,
    data: &DataFile,
    salt: &str,
    label: &str,
    chosen: &mut String,
    others_only: bool,
) {
    let name = |id: &str| {
        data.account(id)
            .map_or_else(|| env.t("（请选择）", "(choose)").to_string(), |a| format!("{} · {}", a.lender, a.id))
    };
    egui::ComboBox::new(salt, label).selected_text(name(chosen)).show_ui(ui, |ui| {
        for account in data.accounts.iter().filter(|a| a.closed.is_none()) {
            if others_only && account.id == data.profile.target {
                continue;
            }
            ui.selectable_value(chosen, account.id.clone(), name(&account.id));
        }
    });
}
