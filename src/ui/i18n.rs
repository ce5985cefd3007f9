//! Every string the views show, in Chinese and English.
//!
//! Call sites write both versions side by side (`tr(lang, "保存", "Save")`) so that neither can be
//! forgotten; the names of the app's enums live here. `scripts/make-font-subset.py` reads these
//! sources to keep every Chinese character in the shipped font.

use crate::app::View;
use crate::app::chart_data::MarkerKind;
use crate::app::edit::RecordKind;
use crate::domain::{AccountKind, EventKind, InquiryPurpose, Lang, RepayMethod};
use crate::engine::{Effect, ReasonCode, Status};

/// The version of a string in `lang`.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The version of a computed string in `lang`.
pub fn tr_dyn(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The language's own name, for the switch.
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "中文",
        Lang::En => "English",
    }
}

/// The name of a view in the navigation.
pub fn view_name(lang: Lang, view: View) -> &'static str {
    match view {
        View::Welcome => tr(lang, "开始", "Start"),
        View::Dashboard => tr(lang, "概览", "Overview"),
        View::Why => tr(lang, "原因", "Why"),
        View::Charts => tr(lang, "图表", "Charts"),
        View::Records => tr(lang, "记录", "Records"),
        View::Settings => tr(lang, "设置", "Settings"),
        View::WhatIf => tr(lang, "假如", "What if"),
    }
}

/// The name of a list of records.
pub fn kind_name(lang: Lang, kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Accounts => tr(lang, "账户", "Accounts"),
        RecordKind::Draws => tr(lang, "借款", "Draws"),
        RecordKind::Statements => tr(lang, "账单", "Statements"),
        RecordKind::Repayments => tr(lang, "还款", "Repayments"),
        RecordKind::ObservedLimits => tr(lang, "看到的额度", "Observed limits"),
        RecordKind::Inquiries => tr(lang, "征信查询", "Inquiries"),
        RecordKind::Events => tr(lang, "账户事件", "Events"),
    }
}

/// One record of a kind, for form titles ("a repayment").
pub fn kind_singular(lang: Lang, kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Accounts => tr(lang, "账户", "account"),
        RecordKind::Draws => tr(lang, "借款", "draw"),
        RecordKind::Statements => tr(lang, "账单", "statement"),
        RecordKind::Repayments => tr(lang, "还款", "repayment"),
        RecordKind::ObservedLimits => tr(lang, "看到的额度", "observed limit"),
        RecordKind::Inquiries => tr(lang, "征信查询", "inquiry"),
        RecordKind::Events => tr(lang, "账户事件", "event"),
    }
}

/// The status in a word.
pub fn status_name(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Zero => tr(lang, "额度为零", "Zero"),
        Status::Falling => tr(lang, "额度下降", "Falling"),
        Status::Stuck => tr(lang, "额度停滞", "Stuck"),
        Status::Rising => tr(lang, "额度上升", "Rising"),
    }
}

/// What an effect does, in a word.
pub fn effect_name(lang: Lang, effect: Effect) -> &'static str {
    match effect {
        Effect::Blocks => tr(lang, "阻止", "Blocks"),
        Effect::Lowers => tr(lang, "拉低", "Lowers"),
        Effect::Holds => tr(lang, "压住", "Holds"),
        Effect::Raises => tr(lang, "加分", "Raises"),
    }
}

/// An account kind.
pub fn account_kind_name(lang: Lang, kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::CashLine => tr(lang, "现金借款额度", "Cash line"),
        AccountKind::CreditCard => tr(lang, "信用卡", "Credit card"),
        AccountKind::BuyNowPayLater => tr(lang, "先买后付", "Buy now, pay later"),
        AccountKind::InstallmentLoan => tr(lang, "分期贷款", "Instalment loan"),
        AccountKind::Mortgage => tr(lang, "房贷", "Mortgage"),
        AccountKind::Other => tr(lang, "其他", "Other"),
    }
}

/// A repayment method.
pub fn repay_name(lang: Lang, method: RepayMethod) -> &'static str {
    match method {
        RepayMethod::EqualInstallments => tr(lang, "等额本息", "Equal instalments"),
        RepayMethod::EqualPrincipal => tr(lang, "等额本金", "Equal principal"),
        RepayMethod::InterestFirst => tr(lang, "先息后本", "Interest first"),
        RepayMethod::Bullet => tr(lang, "到期还本付息", "All at the end"),
    }
}

/// An inquiry purpose.
pub fn purpose_name(lang: Lang, purpose: InquiryPurpose) -> &'static str {
    match purpose {
        InquiryPurpose::LoanApproval => tr(lang, "贷款审批", "Loan approval"),
        InquiryPurpose::CardApproval => tr(lang, "信用卡审批", "Card approval"),
        InquiryPurpose::PostLoanReview => tr(lang, "贷后管理", "Post-loan review"),
        InquiryPurpose::SelfQuery => tr(lang, "本人查询", "Own query"),
    }
}

/// An event kind.
pub fn event_kind_name(lang: Lang, kind: EventKind) -> &'static str {
    match kind {
        EventKind::AbnormalLogin => tr(lang, "异常登录", "Abnormal login"),
        EventKind::DeviceChange => tr(lang, "更换设备", "Device change"),
        EventKind::CashOutFlag => tr(lang, "套现标记", "Cash-out flag"),
        EventKind::FraudFlag => tr(lang, "欺诈标记", "Fraud flag"),
        EventKind::ProfileChange => tr(lang, "资料变更", "Profile change"),
        EventKind::LimitNotice => tr(lang, "额度通知", "Limit notice"),
        EventKind::Other => tr(lang, "其他", "Other"),
    }
}

/// The note every number carries.
pub fn estimate_note(lang: Lang) -> &'static str {
    tr(
        lang,
        "教育用途的估算，依据公开资料推断，并非放贷机构的真实模型。",
        "An educational estimate from public knowledge, not the lender's model.",
    )
}

/// A reason code in a few words (for chart labels; the engine writes the full messages).
pub fn reason_code_name(lang: Lang, code: ReasonCode) -> &'static str {
    use ReasonCode as C;
    match code {
        C::NoHistory => tr(lang, "记录太少", "Too little record"),
        C::ScoreBelowEntry => tr(lang, "分数低于门槛", "Score below the bar"),
        C::CurrentOverdue => tr(lang, "当前逾期", "Overdue now"),
        C::FrozenViolation => tr(lang, "违规冻结", "Frozen for a violation"),
        C::IdentityUnverified => tr(lang, "未实名认证", "Identity not verified"),
        C::DebtOverCapacity => tr(lang, "负债超出能力", "Debt above capacity"),
        C::RecentOverdue => tr(lang, "近期逾期", "Recent overdue"),
        C::HighUtilisation => tr(lang, "信用卡用得太满", "Cards nearly full"),
        C::ManyLenders => tr(lang, "多头借贷", "Many lenders"),
        C::ManyInquiries => tr(lang, "查询太多", "Many inquiries"),
        C::FrequentSmallDraws => tr(lang, "频繁小额借款", "Frequent small draws"),
        C::OffHoursLargeDraws => tr(lang, "深夜大额借款", "Large draws at night"),
        C::UnusedLine => tr(lang, "长期未使用", "Line unused"),
        C::ShortHistory => tr(lang, "记录时间短", "Short history"),
        C::IncomeCapacity => tr(lang, "已到收入上限", "At what income supports"),
        C::ProductCap => tr(lang, "已到产品上限", "At the product cap"),
        C::SecurityAnomaly => tr(lang, "账户安全异常", "Security anomaly"),
        C::ReviewPending => tr(lang, "等待定期评估", "Waiting for a review"),
        C::OutsideFactors => tr(lang, "记录以外的原因", "Outside your record"),
        C::OnTimeStreak => tr(lang, "连续按时还款", "On-time streak"),
        C::LongHistory => tr(lang, "信用历史长", "Long history"),
        C::LowUtilisation => tr(lang, "信用卡用得少", "Low card use"),
        C::SteadyIncome => tr(lang, "收入稳定", "Steady income"),
    }
}

/// What a chart marker stands for.
pub fn marker_name(lang: Lang, kind: MarkerKind) -> &'static str {
    match kind {
        MarkerKind::Overdue => tr(lang, "逾期", "Overdue"),
        MarkerKind::NewLender => tr(lang, "新的借款机构", "New lender"),
        MarkerKind::Inquiry => tr(lang, "征信查询", "Inquiry"),
        MarkerKind::Cut => tr(lang, "降额", "Cut"),
    }
}

/// A change of the limit in the timeline (`grant`, `raise`, `cut`, `freeze`, `restore`, `observed`).
pub fn change_name(lang: Lang, kind: &str) -> &'static str {
    match kind {
        "grant" => tr(lang, "首次授信", "Granted"),
        "raise" => tr(lang, "提额", "Raised"),
        "cut" => tr(lang, "降额", "Cut"),
        "freeze" => tr(lang, "冻结", "Frozen"),
        "restore" => tr(lang, "恢复", "Restored"),
        "observed" => tr(lang, "你看到的变化", "Seen in the app"),
        _ => tr(lang, "变化", "Change"),
    }
}
