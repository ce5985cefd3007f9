//! The records behind a reason, looked up by id in the data file and shown as a small table
//! (date, record, lender, amount), so a person can check each reason against their own records.

use crate::domain::{DataFile, EventKind, InquiryPurpose, Lang, Money};

use super::{escape, tr};

/// At most this many records are listed under one reason; the rest are counted. A reason about
/// card use can cite every statement of a year, which would bury the next reason on paper.
const MAX_ROWS: usize = 8;

/// One record behind a reason, ready to show.
struct Row {
    /// When it happened (`YYYY-MM-DD`, with the time where the time is what matters).
    when: String,
    /// What kind of record it is, and its id.
    what: String,
    /// Who lends (or looked, for an inquiry).
    lender: String,
    /// Its amount, where it has one.
    amount: Option<Money>,
}

/// The evidence table of one reason (empty when the reason cites no records).
pub fn table(data: &DataFile, ids: &[String], lang: Lang) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<table class=\"evidence\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        tr(lang, "日期", "Date"),
        tr(lang, "记录", "Record"),
        tr(lang, "机构", "Lender"),
        tr(lang, "金额", "Amount"),
    );
    for id in ids.iter().take(MAX_ROWS) {
        let row = lookup(data, id, lang);
        out.push_str(&format!(
            "<tr><td class=\"date\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            escape(&row.when),
            escape(&row.what),
            escape(&row.lender),
            row.amount.map(Money::display_yuan).unwrap_or_default(),
        ));
    }
    out.push_str("</tbody></table>");
    if ids.len() > MAX_ROWS {
        let more = ids.len() - MAX_ROWS;
        out.push_str(&match lang {
            Lang::Zh => format!("<p class=\"more\">另有 {more} 条记录</p>"),
            Lang::En => format!("<p class=\"more\">and {more} more records</p>"),
        });
    }
    out
}

/// Finds the record with this id. Ids are unique within a list, not across lists, so the lists are
/// searched in the order reasons most often cite them.
fn lookup(data: &DataFile, id: &str, lang: Lang) -> Row {
    let lender = |account: &str| data.account(account).map(|a| a.lender.clone()).unwrap_or_else(|| account.to_string());
    let kind = |zh: &'static str, en: &'static str| format!("{} {id}", tr(lang, zh, en));
    if let Some(d) = data.draws.iter().find(|d| d.id == id) {
        let when = d.at.format("%Y-%m-%d %H:%M").to_string();
        return Row { when, what: kind("借款", "draw"), lender: lender(&d.account), amount: Some(d.amount) };
    }
    if let Some(s) = data.statements.iter().find(|s| s.id == id) {
        let what = format!("{} ({} {})", kind("账单", "statement"), tr(lang, "到期", "due"), s.due);
        return Row { when: s.closing.to_string(), what, lender: lender(&s.account), amount: Some(s.balance) };
    }
    if let Some(r) = data.repayments.iter().find(|r| r.id == id) {
        let when = r.at.format("%Y-%m-%d").to_string();
        return Row { when, what: kind("还款", "repayment"), lender: lender(&r.account), amount: Some(r.amount) };
    }
    if let Some(o) = data.observed_limits.iter().find(|o| o.id == id) {
        let what = kind("看到的额度", "limit seen");
        return Row { when: o.on.to_string(), what, lender: lender(&o.account), amount: Some(o.limit) };
    }
    if let Some(q) = data.inquiries.iter().find(|q| q.id == id) {
        let what = format!("{}: {}", kind("征信查询", "inquiry"), purpose(q.purpose, lang));
        return Row { when: q.on.to_string(), what, lender: q.by.clone(), amount: None };
    }
    if let Some(e) = data.events.iter().find(|e| e.id == id) {
        let mut what = format!("{}: {}", kind("账户事件", "event"), event_kind(e.kind, lang));
        if let Some(note) = e.note.as_deref().filter(|n| !n.is_empty()) {
            what.push_str(&format!(" — {note}"));
        }
        let when = e.at.format("%Y-%m-%d %H:%M").to_string();
        return Row { when, what, lender: String::new(), amount: None };
    }
    if let Some(a) = data.account(id) {
        return Row {
            when: a.opened.to_string(),
            what: kind("账户", "account"),
            lender: a.lender.clone(),
            amount: a.limit,
        };
    }
    Row {
        when: String::new(),
        what: kind("不在文件中的记录", "record not in the file"),
        lender: String::new(),
        amount: None,
    }
}

/// Why a credit report was looked at, in words.
fn purpose(purpose: InquiryPurpose, lang: Lang) -> &'static str {
    match purpose {
        InquiryPurpose::LoanApproval => tr(lang, "贷款审批", "loan approval"),
        InquiryPurpose::CardApproval => tr(lang, "信用卡审批", "card approval"),
        InquiryPurpose::PostLoanReview => tr(lang, "贷后管理", "post-loan review"),
        InquiryPurpose::SelfQuery => tr(lang, "本人查询", "own query"),
    }
}

/// What kind of account event, in words.
fn event_kind(kind: EventKind, lang: Lang) -> &'static str {
    match kind {
        EventKind::AbnormalLogin => tr(lang, "异常登录", "unusual login"),
        EventKind::DeviceChange => tr(lang, "更换设备", "new device"),
        EventKind::CashOutFlag => tr(lang, "套现标记", "cash-out flag"),
        EventKind::FraudFlag => tr(lang, "欺诈标记", "fraud flag"),
        EventKind::ProfileChange => tr(lang, "资料变更", "profile change"),
        EventKind::LimitNotice => tr(lang, "额度通知", "limit notice"),
        EventKind::Other => tr(lang, "其他", "other"),
    }
}
