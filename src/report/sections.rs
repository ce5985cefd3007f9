//! The report's sections in words: header, the answer, the principal reasons with their records,
//! the plan, what is going well, the negative records, and the footer. Charts live in their own
//! modules; this one only places them.

use chrono::NaiveDate;

use crate::domain::{DataFile, Lang, Money};
use crate::engine::whatif::Goal;
use crate::engine::{Effect, Explanation, Plan, Reason, Status};

use super::{escape, evidence, gauge, tr};

/// The disclaimer in both languages; each report shows its own language first.
const DISCLAIMER_ZH: &str = "这是依据公开知识的教学估算，不是贷款机构的模型。";
const DISCLAIMER_EN: &str = "An educational estimate from public knowledge, not the lender's model.";

/// Title, who, which line, as of when, and the disclaimer.
pub fn header(data: &DataFile, e: &Explanation, lang: Lang) -> String {
    let name = data.profile.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("—");
    format!(
        "<header id=\"header\" class=\"masthead\">\n<h1>{}</h1>\n<dl class=\"meta\">\
         <div><dt>{}</dt><dd id=\"person\">{}</dd></div>\
         <div><dt>{}</dt><dd>{}</dd></div>\
         <div><dt>{}</dt><dd><time datetime=\"{as_of}\">{as_of}</time></dd></div></dl>\n{}</header>\n",
        tr(lang, "额度健康报告", "Credit Health report"),
        tr(lang, "姓名", "Name"),
        escape(name),
        tr(lang, "额度", "Credit line"),
        escape(&e.line_name),
        tr(lang, "截至", "As of"),
        disclaimer(lang),
        as_of = e.as_of,
    )
}

/// The disclaimer: the report's language first, the other after it, each marked with its language.
fn disclaimer(lang: Lang) -> String {
    let zh = format!("<p class=\"disclaimer\" lang=\"zh-CN\">{DISCLAIMER_ZH}</p>");
    let en = format!("<p class=\"disclaimer\" lang=\"en\">{}</p>", escape(DISCLAIMER_EN));
    let (first, second) = match lang {
        Lang::Zh => (zh, en.replace("class=\"disclaimer\"", "class=\"disclaimer other\"")),
        Lang::En => (en, zh.replace("class=\"disclaimer\"", "class=\"disclaimer other\"")),
    };
    format!("<div id=\"disclaimer\">{first}{second}</div>\n")
}

/// The answer: headline, status, score gauge and the limits.
pub fn summary(e: &Explanation, lang: Lang) -> String {
    let status = e.status.as_str();
    format!(
        "<section id=\"summary\" class=\"summary\">\n<p id=\"headline\" class=\"headline status-{status}\">{}</p>\n\
         <div class=\"cards\">\n\
         <div class=\"card\" id=\"status\"><h3>{}</h3><p class=\"badge status-{status}\">{}</p><p class=\"hint\">{}</p></div>\n\
         <div class=\"card\" id=\"score\"><h3>{}</h3>{}</div>\n\
         <div class=\"card\" id=\"limits\"><h3>{}</h3>{}</div>\n</div>\n</section>\n",
        escape(e.headline.get(lang)),
        tr(lang, "状态", "Status"),
        escape(e.status.label().get(lang)),
        status_hint(e.status, lang),
        tr(lang, "评分", "Score"),
        gauge::svg(e.score, e.score_min, e.score_max, lang),
        tr(lang, "额度", "Limit"),
        limits_table(e, lang),
    )
}

/// What the status means, by PRODUCT.md's definitions.
fn status_hint(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Zero => tr(lang, "今天的额度是 0", "the limit today is 0"),
        Status::Falling => tr(lang, "比 90 天前低", "lower than 90 days before"),
        Status::Stuck => tr(lang, "180 天内没有提额", "not raised in the last 180 days"),
        Status::Rising => tr(lang, "180 天内提过额", "raised within the last 180 days"),
    }
}

/// Estimated and observed limit and the next review, numbers right-aligned.
fn limits_table(e: &Explanation, lang: Lang) -> String {
    let observed = e
        .observed_limit
        .map_or_else(|| tr(lang, "近 90 天未记录", "none recorded in 90 days").to_string(), Money::display_yuan);
    let review = e.next_review.map(|d| d.to_string()).unwrap_or_else(|| "—".to_string());
    format!(
        "<table class=\"figures\"><tbody>\
         <tr id=\"limit-estimated\"><th>{}</th><td class=\"num big\">{}</td></tr>\
         <tr id=\"limit-observed\"><th>{}</th><td class=\"num\">{}</td></tr>\
         <tr id=\"next-review\"><th>{}</th><td class=\"num\">{}</td></tr>\
         </tbody></table>",
        tr(lang, "模型估算", "Estimated"),
        e.limit.display_yuan(),
        tr(lang, "你看到的", "You saw"),
        escape(&observed),
        tr(lang, "下次评估", "Next review"),
        review,
    )
}

/// The principal reasons (at most four), each with its records, next step and end date.
pub fn reasons(data: &DataFile, e: &Explanation, lang: Lang) -> String {
    let mut out = format!(
        "<section id=\"reasons\">\n<h2>{}</h2>\n<p class=\"lead\">{}</p>\n",
        tr(lang, "主要原因", "Principal reasons"),
        tr(
            lang,
            "按对额度的影响排序，最多四条；每条都列出了背后的记录。",
            "Ranked by what they cost the limit, at most four; each lists the records behind it."
        ),
    );
    let principal: Vec<&Reason> = e.principal_reasons().collect();
    if principal.is_empty() {
        out.push_str(&format!(
            "<p class=\"empty\">{}</p>\n",
            tr(lang, "没有拖累额度的原因。", "Nothing in your record is holding the limit back.")
        ));
    } else {
        out.push_str("<ol class=\"reasons\">\n");
        for reason in principal {
            out.push_str(&reason_item(data, reason, lang));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
    out
}

/// One principal reason.
fn reason_item(data: &DataFile, r: &Reason, lang: Lang) -> String {
    let code = r.code.as_str();
    format!(
        "<li class=\"reason effect-{}\" id=\"reason-{code}\">\n<div class=\"reason-head\"><span class=\"badge effect-{}\">{}</span>{}</div>\n\
         <p class=\"message\">{}</p>\n<p class=\"rule\">{}{}</p>\n{}\n{}</li>\n",
        r.effect.as_str(),
        r.effect.as_str(),
        effect_label(r.effect, lang),
        impact(r, lang),
        escape(r.message.get(lang)),
        tr(lang, "规则：", "Rule: "),
        escape(r.rule.get(lang)),
        evidence::table(data, &r.evidence, lang),
        next_step(r, lang),
    )
}

/// What a reason costs, in points and in limit.
fn impact(r: &Reason, lang: Lang) -> String {
    let mut parts = Vec::new();
    if r.points != 0 {
        parts.push(format!("{} {}", signed(r.points), tr(lang, "分", "points")));
    }
    if let Some(money) = r.money.filter(|m| m.is_positive()) {
        parts.push(match lang {
            Lang::Zh => format!("影响额度约 {}", money.display_short()),
            Lang::En => format!("about {} of limit", money.display_short()),
        });
    }
    if parts.is_empty() { String::new() } else { format!("<span class=\"impact\">{}</span>", parts.join(" · ")) }
}

/// Points with their sign, a true minus for losses.
fn signed(points: i64) -> String {
    if points < 0 { format!("−{}", points.unsigned_abs()) } else { format!("+{points}") }
}

/// The next step with its date, and when the reason stops counting.
fn next_step(r: &Reason, lang: Lang) -> String {
    let mut out = format!(
        "<dl class=\"next\"><div><dt>{}</dt><dd>{}{}</dd></div>",
        tr(lang, "下一步", "Next step"),
        escape(r.next_step.get(lang)),
        r.next_step_on
            .map(|d| format!(" <span class=\"when\">{}</span>", dated(lang, "最早", "from", d)))
            .unwrap_or_default(),
    );
    if let Some(until) = r.until {
        out.push_str(&format!(
            "<div><dt>{}</dt><dd><time datetime=\"{until}\">{until}</time></dd></div>",
            tr(lang, "不再计入", "Stops counting")
        ));
    }
    out.push_str("</dl>");
    out
}

/// `<time>` with a word before it.
fn dated(lang: Lang, zh: &'static str, en: &'static str, day: NaiveDate) -> String {
    format!("{} <time datetime=\"{day}\">{day}</time>", tr(lang, zh, en))
}

/// What an effect does, in words.
fn effect_label(effect: Effect, lang: Lang) -> &'static str {
    match effect {
        Effect::Blocks => tr(lang, "导致额度为零", "Blocks the limit"),
        Effect::Lowers => tr(lang, "拉低额度", "Lowers the limit"),
        Effect::Holds => tr(lang, "阻碍提额", "Holds the limit"),
        Effect::Raises => tr(lang, "有助提额", "Helps the limit"),
    }
}

/// The plan: the fewest actions and the earliest day they work; or why there is none.
pub fn plan(plan: Option<&Plan>, lang: Lang) -> String {
    let mut out = format!("<section id=\"plan\" class=\"new-page\">\n<h2>{}</h2>\n", tr(lang, "行动计划", "Plan"));
    let Some(plan) = plan else {
        out.push_str(&format!(
            "<p class=\"empty\">{}</p>\n</section>\n",
            tr(
                lang,
                "额度正在上升，不需要计划：保持按时还款即可。",
                "The limit is rising; no plan is needed: keep paying on time."
            )
        ));
        return out;
    };
    let goal = match plan.goal {
        Goal::AboveZero => tr(lang, "目标：额度恢复到 0 以上", "Goal: a limit above zero"),
        Goal::Raise => tr(lang, "目标：额度上升", "Goal: a rising limit"),
    };
    let date = plan.reached_on.map_or_else(
        || tr(lang, "24 个月内未达到", "not within 24 months").to_string(),
        |d| format!("<time datetime=\"{d}\">{d}</time>"),
    );
    out.push_str(&format!(
        "<div class=\"plan-head\"><div class=\"plan-date\" id=\"plan-date\"><span>{}</span><strong>{date}</strong></div>\
         <div><p class=\"goal\">{goal}</p><p class=\"plan-summary\">{}</p></div></div>\n",
        tr(lang, "最早日期", "Earliest date"),
        escape(plan.summary.get(lang)),
    ));
    if !plan.steps.is_empty() {
        out.push_str("<ol class=\"steps\">\n");
        for step in &plan.steps {
            out.push_str(&format!(
                "<li>{} <span class=\"code\">{}</span></li>\n",
                escape(step.label.get(lang)),
                step.answers.as_str()
            ));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
    out
}

/// What is going well: the reasons that help the limit.
pub fn going_well(e: &Explanation, lang: Lang) -> String {
    let mut out = format!("<section id=\"going-well\">\n<h2>{}</h2>\n", tr(lang, "做得好的", "What is going well"));
    let items: Vec<String> = e
        .positive_reasons()
        .map(|r| {
            let points = if r.points > 0 {
                format!("<span class=\"impact\">{} {}</span>", signed(r.points), tr(lang, "分", "points"))
            } else {
                String::new()
            };
            format!("<li id=\"good-{}\">{}{points}</li>\n", r.code.as_str(), escape(r.message.get(lang)))
        })
        .collect();
    if items.is_empty() {
        out.push_str(&format!("<p class=\"empty\">{}</p>\n", tr(lang, "暂时还没有。", "Nothing yet.")));
    } else {
        out.push_str(&format!("<ul class=\"good\">\n{}</ul>\n", items.concat()));
    }
    out.push_str("</section>\n");
    out
}

/// Overdue records on the credit report and when each ages out (five years after it ended).
pub fn negative_records(e: &Explanation, lang: Lang) -> String {
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

/// The closing note: the disclaimer again, for the page a handout is read from.
pub fn footer(lang: Lang) -> String {
    format!(
        "<footer id=\"footer\"><p>{}</p><p>{}</p></footer>\n",
        escape(tr(lang, DISCLAIMER_ZH, DISCLAIMER_EN)),
        tr(
            lang,
            "由 Credit Health 在本机根据你自己的记录生成，未联网。",
            "Made by Credit Health on this computer from your own records, offline."
        ),
    )
}
