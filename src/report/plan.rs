//! The plan: the fewest actions that lift a zero limit or get a stuck one rising, and the
//! earliest day they work, as the what-if found them.

use crate::domain::Lang;
use crate::engine::Plan;
use crate::engine::whatif::Goal;

use super::{escape, tr};

/// The plan: the fewest actions and the earliest day they work; or why there is none.
pub fn section(plan: Option<&Plan>, lang: Lang) -> String {
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
