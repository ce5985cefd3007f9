//! The explanation as text for a person, or as JSON for scripts (PRODUCT.md, `explain`).

use std::fmt::Write;

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::domain::{DataFile, Lang};

use super::explain::{Explanation, explain};
use super::rules::Rules;

/// Plain sentences: the answer, the score, the limits, the reasons with their next steps.
pub fn to_text(e: &Explanation, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let _ = writeln!(out, "{}", e.headline.get(lang));
    let _ = writeln!(out);
    let status = e.status.label();
    if zh {
        let _ = writeln!(out, "日期：{}　状态：{}", e.as_of, status.zh);
        let _ = writeln!(out, "评分：{}（{}–{}）", e.score, e.score_min, e.score_max);
        let _ = writeln!(out, "估算额度：{}", e.limit.display_yuan());
        if let Some(o) = e.observed_limit {
            let _ = writeln!(out, "你看到的额度：{}", o.display_yuan());
        }
    } else {
        let _ = writeln!(out, "As of {}. Status: {}", e.as_of, status.en);
        let _ = writeln!(out, "Score: {} (scale {}–{})", e.score, e.score_min, e.score_max);
        let _ = writeln!(out, "Estimated limit: {}", e.limit.display_yuan());
        if let Some(o) = e.observed_limit {
            let _ = writeln!(out, "Limit you saw: {}", o.display_yuan());
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", if zh { "主要原因：" } else { "Principal reasons:" });
    for (i, r) in e.principal_reasons().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, r.message.get(lang));
        let when = r.next_step_on.map(|d| format!(" ({d})")).unwrap_or_default();
        let _ = writeln!(out, "   {}{}{}", if zh { "→ 下一步：" } else { "→ Next: " }, r.next_step.get(lang), when);
        if let Some(until) = r.until {
            let _ = writeln!(out, "   {} {until}", if zh { "不再计入：" } else { "Stops counting:" });
        }
    }
    if e.principal_reasons().next().is_none() {
        let _ = writeln!(out, "{}", if zh { "（没有拖累额度的原因）" } else { "(nothing is holding the limit back)" });
    }
    let positives: Vec<_> = e.positive_reasons().collect();
    if !positives.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", if zh { "做得好的：" } else { "Going well:" });
        for r in positives {
            let _ = writeln!(out, "+ {}", r.message.get(lang));
        }
    }
    if !e.negative_records.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", if zh { "征信上的逾期记录：" } else { "Overdue records on the credit report:" });
        for n in &e.negative_records {
            let ages = n.ages_out.map_or_else(
                || if zh { "仍未还清".to_string() } else { "still unpaid".to_string() },
                |d| if zh { format!("{d} 后不再显示") } else { format!("ages out {d}") },
            );
            let _ = writeln!(
                out,
                "- {} {} ({} {}): {}",
                n.lender,
                n.source_id,
                n.days_past_due,
                if zh { "天" } else { "days" },
                ages
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        if zh {
            "这是依据公开知识的教学估算，不是贷款机构的模型。"
        } else {
            "An educational estimate from public knowledge, not the lender's model."
        }
    );
    out
}

/// The JSON object of PRODUCT.md.
pub fn to_json(e: &Explanation, lang: Lang) -> Value {
    json!({
        "as_of": e.as_of.to_string(),
        "score": e.score,
        "score_min": e.score_min,
        "score_max": e.score_max,
        "limit": e.limit.to_file_string(),
        "observed_limit": e.observed_limit.map(|m| m.to_file_string()),
        "status": e.status.as_str(),
        "headline": e.headline.get(lang),
        "reasons": e.reasons.iter().map(|r| json!({
            "code": r.code.as_str(),
            "effect": r.effect.as_str(),
            "points": r.points,
            "money": r.money.map(|m| m.to_file_string()),
            "message": r.message.get(lang),
            "evidence": r.evidence,
            "next_step": r.next_step.get(lang),
            "next_step_on": r.next_step_on.map(|d| d.to_string()),
            "until": r.until.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "factors": e.factors.iter().map(|f| json!({"id": f.id, "points": f.points, "max_points": f.max_points})).collect::<Vec<_>>(),
        "timeline": e.timeline.iter().map(|m| json!({
            "month": super::explain::month_label(m.month),
            "score": m.score,
            "limit": m.limit.to_file_string(),
            "status": m.status.as_str(),
        })).collect::<Vec<_>>(),
    })
}

/// What `credit-health explain` prints: text or JSON.
pub fn explain_output(data: &DataFile, rules: &Rules, as_of: NaiveDate, lang: Lang, json: bool) -> Result<String, String> {
    let explanation = explain(data, rules, as_of);
    if json {
        serde_json::to_string_pretty(&to_json(&explanation, lang)).map_err(|e| e.to_string())
    } else {
        Ok(to_text(&explanation, lang))
    }
}

/// `explain_output` with the rules given as text (the built-in ones when `None`).
pub fn explain_command(data: &DataFile, rules_text: Option<&str>, as_of: NaiveDate, lang: Lang, json: bool) -> Result<String, String> {
    let rules = match rules_text {
        Some(text) => Rules::from_ron(text).map_err(|e| format!("the rules file is not usable: {e}"))?,
        None => Rules::default_rules(),
    };
    explain_output(data, &rules, as_of, lang, json)
}
