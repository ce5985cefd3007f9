//! The reasons: the principal ones (at most four, ranked by what they cost) with the records
//! behind each, the next step and its date and when each stops counting; then what is going well.

use chrono::NaiveDate;

use crate::domain::{DataFile, Lang};
use crate::engine::{Effect, Explanation, Reason};

use super::{escape, evidence, tr};

/// The principal reasons section (at most four), each with its records, next step and end date.
pub fn principal(data: &DataFile, e: &Explanation, lang: Lang) -> String {
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
