//! The report's frame in words: the header with the disclaimer, the answer (headline, status,
//! score gauge, limits) and the footer.

use crate::domain::{DataFile, Lang, Money};
use crate::engine::{Explanation, Status};

use super::{escape, gauge, tr};

/// The disclaimer in Chinese; each report shows its own language first and the other after it.
const DISCLAIMER_ZH: &str = "这是依据公开知识的教学估算，不是贷款机构的模型。";
/// The disclaimer in English.
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
