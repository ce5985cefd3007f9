//! Negative records on the credit report and the day each ages out: five years after the overdue
//! ends (Regulations on the Administration of the Credit Reporting Industry, art. 16).

use crate::domain::Lang;
use crate::engine::Explanation;

use super::{escape, tr};

/// Overdue records on the credit report and when each ages out (five years after it ended).
pub fn section(e: &Explanation, lang: Lang) -> String {
    let mut out = format!(
        "<section id=\"negative-records\">\n<h2>{}</h2>\n<p class=\"lead\">{}</p>\n",
        tr(lang, "征信上的逾期记录", "Overdue records on the credit report"),
        tr(
            lang,
            "不良记录在逾期结束（还清）后保留五年（《征信业管理条例》第十六条）。",
            "Negative records stay for five years after the overdue ends (Regulations on the Administration of the Credit Reporting Industry, art. 16)."
        ),
    );
    if e.negative_records.is_empty() {
        out.push_str(&format!(
            "<p class=\"empty\">{}</p>\n</section>\n",
            tr(lang, "没有逾期记录。", "No overdue records.")
        ));
        return out;
    }
    out.push_str(&format!(
        "<table class=\"records\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>\n",
        tr(lang, "机构", "Lender"),
        tr(lang, "记录", "Record"),
        tr(lang, "首次逾期", "First missed"),
        tr(lang, "最长逾期天数", "Worst days late"),
        tr(lang, "还清日", "Repaid"),
        tr(lang, "移出征信", "Ages out"),
    ));
    for n in &e.negative_records {
        let unpaid = tr(lang, "未还清", "unpaid");
        let ages = tr(lang, "还清后五年", "5 years after repaid");
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num strong\">{}</td></tr>\n",
            escape(&n.lender),
            escape(&n.source_id),
            n.first_due,
            n.days_past_due,
            n.ended.map_or_else(|| unpaid.to_string(), |d| d.to_string()),
            n.ages_out.map_or_else(|| ages.to_string(), |d| d.to_string()),
        ));
    }
    out.push_str("</tbody></table>\n</section>\n");
    out
}
