//! The add/edit form of one record: typed fields, date pickers, lenient amounts, and every
//! problem shown beside the field it is about. Nothing is emitted until the whole would-be file
//! validates.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use egui::RichText;

use super::Env;
use super::i18n;
use super::widgets::date_field::date_field_ui;
use crate::app::Command;
use crate::app::edit::{Record, RecordEdit, RecordKind, check_edit};
use crate::domain::{
    Account, AccountKind, DataFile, Draw, Event, EventKind, Inquiry, InquiryPurpose, Lang, Money, ObservedLimit,
    Percent, Problem, ProblemCode, RepayMethod, Repayment, Statement,
};

/// How a field is typed and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FieldType {
    Id,
    Text,
    OptText,
    Date,
    OptDate,
    DateTime,
    Money,
    OptMoney,
    Months,
    OptPercent,
    Account,
    OptDraw,
    AccountKind,
    Repay,
    Purpose,
    EventKind,
}

struct Field {
    name: &'static str,
    zh: &'static str,
    en: &'static str,
    ty: FieldType,
}

const fn field(name: &'static str, zh: &'static str, en: &'static str, ty: FieldType) -> Field {
    Field { name, zh, en, ty }
}

const ID: Field = field("id", "编号", "Id", FieldType::Id);
const ACCOUNT: Field = field("account", "账户", "Account", FieldType::Account);
const AMOUNT: Field = field("amount", "金额（元）", "Amount (¥)", FieldType::Money);

fn fields(kind: RecordKind) -> &'static [Field] {
    use FieldType as T;
    match kind {
        RecordKind::Accounts => {
            const {
                &[
                    ID,
                    field("lender", "机构", "Lender", T::Text),
                    field("kind", "类型", "Kind", T::AccountKind),
                    field("opened", "开户日", "Opened on", T::Date),
                    field("limit", "额度（元，可空）", "Limit (¥, optional)", T::OptMoney),
                    field("closed", "销户日（可空）", "Closed on (optional)", T::OptDate),
                ]
            }
        }
        RecordKind::Draws => {
            const {
                &[
                    ID,
                    ACCOUNT,
                    field("at", "借款日期", "Drawn on", T::DateTime),
                    AMOUNT,
                    field("term_months", "期数（月）", "Term (months)", T::Months),
                    field("repay", "还款方式", "Repayment method", T::Repay),
                    field("daily_rate_pct", "日利率 %（可空）", "Daily rate % (optional)", T::OptPercent),
                ]
            }
        }
        RecordKind::Statements => {
            const {
                &[
                    ID,
                    ACCOUNT,
                    field("closing", "账单日", "Closing day", T::Date),
                    field("due", "到期还款日", "Due date", T::Date),
                    field("balance", "账单金额（元）", "Balance (¥)", T::Money),
                    field("minimum", "最低还款（元）", "Minimum (¥)", T::Money),
                ]
            }
        }
        RecordKind::Repayments => {
            const {
                &[
                    ID,
                    ACCOUNT,
                    field("draw", "所还借款编号（可空）", "Draw repaid (optional id)", T::OptDraw),
                    field("at", "还款日期", "Paid on", T::DateTime),
                    AMOUNT,
                ]
            }
        }
        RecordKind::ObservedLimits => {
            const {
                &[
                    ID,
                    ACCOUNT,
                    field("on", "看到的日期", "Seen on", T::Date),
                    field("limit", "额度（元）", "Limit (¥)", T::Money),
                ]
            }
        }
        RecordKind::Inquiries => {
            const {
                &[
                    ID,
                    field("on", "查询日期", "Date", T::Date),
                    field("by", "查询机构", "By", T::Text),
                    field("purpose", "查询原因", "Purpose", T::Purpose),
                ]
            }
        }
        RecordKind::Events => {
            const {
                &[
                    ID,
                    field("at", "日期", "On", T::DateTime),
                    field("kind", "类型", "Kind", T::EventKind),
                    field("note", "备注（可空）", "Note (optional)", T::OptText),
                ]
            }
        }
    }
}

/// The time part of date-time fields is kept under `{name}_time`.
fn time_key(name: &'static str) -> String {
    format!("{name}_time")
}

/// A form being filled in.
#[derive(Clone, Debug)]
pub struct FormState {
    /// The kind of record.
    pub kind: RecordKind,
    /// The record being edited, when not adding.
    pub original: Option<Record>,
    /// The text of each field.
    pub text: HashMap<String, String>,
    /// A message beside each wrong field.
    pub errors: HashMap<String, String>,
    /// Problems that belong to no field of this form.
    pub general: Vec<String>,
}

impl FormState {
    /// A blank form for a new record, with a fresh id and today's date.
    pub fn new_record(kind: RecordKind, data: &DataFile, today: NaiveDate) -> FormState {
        let mut text = HashMap::new();
        for f in fields(kind) {
            let value = match f.ty {
                FieldType::Id => kind.next_id(data),
                FieldType::Date | FieldType::DateTime => today.format("%Y-%m-%d").to_string(),
                FieldType::Account => data.profile.target.clone(),
                FieldType::Months => "12".into(),
                FieldType::AccountKind | FieldType::Repay | FieldType::Purpose | FieldType::EventKind => "0".into(),
                _ => String::new(),
            };
            if f.ty == FieldType::DateTime {
                text.insert(time_key(f.name), "12:00".into());
            }
            text.insert(f.name.to_string(), value);
        }
        FormState { kind, original: None, text, errors: HashMap::new(), general: Vec::new() }
    }

    /// A form showing an existing record.
    pub fn edit_record(record: Record) -> FormState {
        let mut text = HashMap::new();
        let mut put = |k: &str, v: String| {
            text.insert(k.to_string(), v);
        };
        let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let put_time = |put: &mut dyn FnMut(&str, String), k: &'static str, t: NaiveDateTime| {
            put(k, date(t.date()));
            put(&time_key(k), t.format("%H:%M").to_string());
        };
        match &record {
            Record::Account(r) => {
                put("id", r.id.clone());
                put("lender", r.lender.clone());
                put("kind", AccountKind::ALL.iter().position(|k| *k == r.kind).unwrap_or(0).to_string());
                put("opened", date(r.opened));
                put("limit", r.limit.map(|m| m.to_file_string()).unwrap_or_default());
                put("closed", r.closed.map(date).unwrap_or_default());
            }
            Record::Draw(r) => {
                put("id", r.id.clone());
                put("account", r.account.clone());
                put_time(&mut put, "at", r.at);
                put("amount", r.amount.to_file_string());
                put("term_months", r.term_months.to_string());
                put("repay", RepayMethod::ALL.iter().position(|k| *k == r.repay).unwrap_or(0).to_string());
                put("daily_rate_pct", r.daily_rate_pct.map(|p| p.to_string()).unwrap_or_default());
            }
            Record::Statement(r) => {
                put("id", r.id.clone());
                put("account", r.account.clone());
                put("closing", date(r.closing));
                put("due", date(r.due));
                put("balance", r.balance.to_file_string());
                put("minimum", r.minimum.to_file_string());
            }
            Record::Repayment(r) => {
                put("id", r.id.clone());
                put("account", r.account.clone());
                put("draw", r.draw.clone().unwrap_or_default());
                put_time(&mut put, "at", r.at);
                put("amount", r.amount.to_file_string());
            }
            Record::ObservedLimit(r) => {
                put("id", r.id.clone());
                put("account", r.account.clone());
                put("on", date(r.on));
                put("limit", r.limit.to_file_string());
            }
            Record::Inquiry(r) => {
                put("id", r.id.clone());
                put("on", date(r.on));
                put("by", r.by.clone());
                put("purpose", InquiryPurpose::ALL.iter().position(|k| *k == r.purpose).unwrap_or(0).to_string());
            }
            Record::Event(r) => {
                put("id", r.id.clone());
                put_time(&mut put, "at", r.at);
                put("kind", EventKind::ALL.iter().position(|k| *k == r.kind).unwrap_or(0).to_string());
                put("note", r.note.clone().unwrap_or_default());
            }
        }
        FormState { kind: record.kind(), original: Some(record), text, errors: HashMap::new(), general: Vec::new() }
    }

    fn get(&self, name: &str) -> &str {
        self.text.get(name).map_or("", |s| s.trim())
    }
}

/// Reads typed text into values, collecting one message per wrong field.
struct Reader<'a> {
    form: &'a FormState,
    lang: Lang,
    errors: HashMap<String, String>,
}

impl Reader<'_> {
    fn fail(&mut self, name: &str, zh: &str, en: &str) {
        self.errors.insert(name.to_string(), i18n::tr_dyn(self.lang, zh, en));
    }

    fn text(&mut self, name: &str) -> String {
        self.form.get(name).to_string()
    }

    fn opt_text(&mut self, name: &str) -> Option<String> {
        Some(self.text(name)).filter(|t| !t.is_empty())
    }

    fn date(&mut self, name: &str) -> NaiveDate {
        let text = self.form.get(name).to_string();
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").unwrap_or_else(|_| {
            self.fail(
                name,
                &format!("“{text}”不是有效日期；请写成 2025-03-08 这样的年-月-日"),
                &format!("\"{text}\" is not a real date; write year-month-day like 2025-03-08"),
            );
            NaiveDate::MIN
        })
    }

    fn opt_date(&mut self, name: &str) -> Option<NaiveDate> {
        if self.form.get(name).is_empty() { None } else { Some(self.date(name)) }
    }

    fn date_time(&mut self, name: &'static str) -> NaiveDateTime {
        let day = self.date(name);
        let key = time_key(name);
        let text = self.form.get(&key).to_string();
        let time = if text.is_empty() { Ok(NaiveTime::MIN) } else { NaiveTime::parse_from_str(&text, "%H:%M") };
        let time = time.unwrap_or_else(|_| {
            self.fail(
                &key,
                &format!("“{text}”不是有效时间；请写成 14:30"),
                &format!("\"{text}\" is not a time; write it like 14:30"),
            );
            NaiveTime::MIN
        });
        day.and_time(time)
    }

    fn money(&mut self, name: &str) -> Money {
        let text = self.form.get(name).to_string();
        Money::parse_lenient(&text).unwrap_or_else(|error| {
            self.fail(name, &format!("“{text}”不是金额；请写成 5000 或 5,000.00"), &error.to_string());
            Money::ZERO
        })
    }

    fn opt_money(&mut self, name: &str) -> Option<Money> {
        if self.form.get(name).is_empty() { None } else { Some(self.money(name)) }
    }

    fn months(&mut self, name: &str) -> u32 {
        let text = self.form.get(name).to_string();
        text.parse().unwrap_or_else(|_| {
            self.fail(name, "请写月数，例如 12", "Write a whole number of months, like 12");
            1
        })
    }

    fn opt_percent(&mut self, name: &str) -> Option<Percent> {
        let text = self.form.get(name).to_string();
        if text.is_empty() {
            return None;
        }
        text.parse().map_or_else(
            |error: String| {
                self.fail(name, "请写百分比，例如 0.03（最多四位小数）", &error);
                None
            },
            Some,
        )
    }

    fn choice<T: Copy>(&mut self, name: &str, all: &[T]) -> T {
        let index: usize = self.form.get(name).parse().unwrap_or(0);
        all[index.min(all.len() - 1)]
    }
}

/// Reads the form into a record, or the messages of the fields that are wrong.
fn read(form: &FormState, lang: Lang) -> Result<Record, HashMap<String, String>> {
    let mut r = Reader { form, lang, errors: HashMap::new() };
    let record = match form.kind {
        RecordKind::Accounts => Record::Account(Account {
            id: r.text("id"),
            lender: r.text("lender"),
            kind: r.choice("kind", &AccountKind::ALL),
            opened: r.date("opened"),
            limit: r.opt_money("limit"),
            closed: r.opt_date("closed"),
            // Not on the form: editing an imported account keeps what its exports covered.
            imported_until: match &form.original {
                Some(Record::Account(account)) => account.imported_until,
                _ => None,
            },
        }),
        RecordKind::Draws => Record::Draw(Draw {
            id: r.text("id"),
            account: r.text("account"),
            at: r.date_time("at"),
            amount: r.money("amount"),
            term_months: r.months("term_months"),
            repay: r.choice("repay", &RepayMethod::ALL),
            daily_rate_pct: r.opt_percent("daily_rate_pct"),
        }),
        RecordKind::Statements => Record::Statement(Statement {
            id: r.text("id"),
            account: r.text("account"),
            closing: r.date("closing"),
            due: r.date("due"),
            balance: r.money("balance"),
            minimum: r.money("minimum"),
        }),
        RecordKind::Repayments => Record::Repayment(Repayment {
            id: r.text("id"),
            account: r.text("account"),
            draw: r.opt_text("draw"),
            at: r.date_time("at"),
            amount: r.money("amount"),
        }),
        RecordKind::ObservedLimits => Record::ObservedLimit(ObservedLimit {
            id: r.text("id"),
            account: r.text("account"),
            on: r.date("on"),
            limit: r.money("limit"),
        }),
        RecordKind::Inquiries => Record::Inquiry(Inquiry {
            id: r.text("id"),
            on: r.date("on"),
            by: r.text("by"),
            purpose: r.choice("purpose", &InquiryPurpose::ALL),
        }),
        RecordKind::Events => Record::Event(Event {
            id: r.text("id"),
            at: r.date_time("at"),
            kind: r.choice("kind", &EventKind::ALL),
            note: r.opt_text("note"),
        }),
    };
    if r.errors.is_empty() { Ok(record) } else { Err(r.errors) }
}

/// A validation problem in the current language (the domain writes English; Chinese by code).
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    let zh = match problem.code {
        ProblemCode::EmptyId => "编号不能为空",
        ProblemCode::DuplicateId => "这个编号已被同类记录使用",
        ProblemCode::MissingReference => "引用的记录不存在",
        ProblemCode::WrongAccount => "还款的账户与所还借款的账户不一致",
        ProblemCode::NotPositive => "金额必须大于零",
        ProblemCode::Negative => "不能为负数",
        ProblemCode::TermTooShort => "期数至少为 1 个月",
        ProblemCode::TimeContradiction => "日期前后矛盾",
        ProblemCode::MinimumAboveBalance => "最低还款不能高于账单金额",
        ProblemCode::Syntax | ProblemCode::NewerSchema | ProblemCode::BadSchema => "文件格式有误",
    };
    match lang {
        Lang::Zh => format!("{zh}（{}）", problem.message),
        Lang::En => problem.message.clone(),
    }
}

/// Draws the form; returns `true` when it should close (saved or cancelled).
pub fn record_form_ui(
    ui: &mut egui::Ui,
    env: &Env,
    form: &mut FormState,
    data: &DataFile,
    out: &mut Vec<Command>,
) -> bool {
    let title = match (&form.original, env.lang) {
        (None, Lang::Zh) => format!("添加{}", i18n::kind_singular(env.lang, form.kind)),
        (None, Lang::En) => format!("Add {}", i18n::kind_singular(env.lang, form.kind)),
        (Some(_), Lang::Zh) => format!("编辑{}", i18n::kind_singular(env.lang, form.kind)),
        (Some(_), Lang::En) => format!("Edit {}", i18n::kind_singular(env.lang, form.kind)),
    };
    ui.heading(title);
    let error_colour = env.palette.error.color();
    egui::Grid::new("record_form").num_columns(2).spacing([env.sizes().spacing, env.sizes().spacing]).show(ui, |ui| {
        for f in fields(form.kind) {
            let label = ui.label(i18n::tr(env.lang, f.zh, f.en));
            ui.vertical(|ui| {
                field_ui(ui, env, form, f, label.id, data);
                for key in [f.name.to_string(), time_key(f.name)] {
                    if let Some(message) = form.errors.get(&key) {
                        ui.label(RichText::new(message).color(error_colour));
                    }
                }
            });
            ui.end_row();
        }
    });
    for message in &form.general {
        ui.label(RichText::new(message).color(error_colour));
    }
    let mut close = false;
    ui.horizontal(|ui| {
        if ui.button(env.t("保存", "Save")).clicked() {
            close = save(env, form, data, out);
        }
        if ui.button(env.t("取消", "Cancel")).clicked() {
            close = true;
        }
    });
    close
}

fn field_ui(ui: &mut egui::Ui, env: &Env, form: &mut FormState, f: &Field, label: egui::Id, data: &DataFile) {
    let width = env.sizes().field_width;
    let text = form.text.entry(f.name.to_string()).or_default();
    match f.ty {
        FieldType::Date | FieldType::OptDate => {
            date_field_ui(ui, env.lang, env.today, text, label, width);
        }
        FieldType::DateTime => {
            date_field_ui(ui, env.lang, env.today, text, label, width);
            let time = form.text.entry(time_key(f.name)).or_default();
            ui.horizontal(|ui| {
                let time_label = ui.label(env.t("时间", "Time"));
                ui.add(egui::TextEdit::singleline(time).desired_width(width / 2.0).hint_text("HH:MM"))
                    .labelled_by(time_label.id);
            });
        }
        FieldType::Account => {
            egui::ComboBox::from_id_salt(("account", f.name))
                .selected_text(text.clone())
                .width(width)
                .show_ui(ui, |ui| {
                    for account in &data.accounts {
                        ui.selectable_value(text, account.id.clone(), format!("{} · {}", account.id, account.lender));
                    }
                })
                .response
                .labelled_by(label);
        }
        FieldType::AccountKind => {
            choice_ui(ui, text, (f.name, label), width, &AccountKind::ALL.map(|k| i18n::account_kind_name(env.lang, k)))
        }
        FieldType::Repay => {
            choice_ui(ui, text, (f.name, label), width, &RepayMethod::ALL.map(|k| i18n::repay_name(env.lang, k)))
        }
        FieldType::Purpose => {
            choice_ui(ui, text, (f.name, label), width, &InquiryPurpose::ALL.map(|k| i18n::purpose_name(env.lang, k)))
        }
        FieldType::EventKind => {
            choice_ui(ui, text, (f.name, label), width, &EventKind::ALL.map(|k| i18n::event_kind_name(env.lang, k)))
        }
        FieldType::Money | FieldType::OptMoney => {
            ui.add(egui::TextEdit::singleline(text).desired_width(width).hint_text("5,000.00")).labelled_by(label);
        }
        FieldType::Id
        | FieldType::Text
        | FieldType::OptText
        | FieldType::Months
        | FieldType::OptPercent
        | FieldType::OptDraw => {
            ui.add(egui::TextEdit::singleline(text).desired_width(width)).labelled_by(label);
        }
    }
}

fn choice_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    (name, label): (&'static str, egui::Id),
    width: f32,
    names: &[&str],
) {
    let mut index: usize = text.parse().unwrap_or(0).min(names.len().saturating_sub(1));
    egui::ComboBox::from_id_salt(("choice", name))
        .width(width)
        .selected_text(names.get(index).copied().unwrap_or_default())
        .show_index(ui, &mut index, names.len(), |i| names.get(i).copied().unwrap_or_default())
        .labelled_by(label);
    *text = index.to_string();
}

/// Reads, checks the would-be file, and emits the edit; false (errors shown) when not valid.
fn save(env: &Env, form: &mut FormState, data: &DataFile, out: &mut Vec<Command>) -> bool {
    form.errors.clear();
    form.general.clear();
    let record = match read(form, env.lang) {
        Ok(record) => record,
        Err(errors) => {
            form.errors = errors;
            return false;
        }
    };
    let edit = match form.original.clone() {
        Some(old) => RecordEdit::Replace { old, new: record.clone() },
        None => RecordEdit::Add { record: record.clone(), index: form.kind.count(data) },
    };
    let problems = check_edit(data, &edit);
    for problem in &problems {
        let ours = problem.list == form.kind.list() && problem.record_id.as_deref().is_none_or(|id| id == record.id());
        match problem.field.filter(|_| ours) {
            Some(name) if fields(form.kind).iter().any(|f| f.name == name) => {
                form.errors.entry(name.to_string()).or_insert_with(|| problem_text(env.lang, problem));
            }
            _ => form.general.push(problem_text(env.lang, problem)),
        }
    }
    if !problems.is_empty() {
        return false;
    }
    out.push(Command::Edit(edit));
    true
}

/// The text of a form's error for `field`, if any (for tests and screen readers).
pub fn error_of<'a>(form: &'a FormState, field: &str) -> Option<&'a str> {
    form.errors.get(field).map(String::as_str)
}
