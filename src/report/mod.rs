//! The printable report: one self-contained HTML file a person can keep or a presenter can hand
//! out, the third renderer of an explanation beside the text and JSON of `engine::render`.
//!
//! [`html`] is pure (no file system, no clock): the explanation and plan come in already computed,
//! so a report says exactly what `explain` says for the same day. The page carries its own CSS
//! (`style`) and inline SVG charts (`timeline`, `factors`, `gauge`, drawn with `svg`), needs no
//! JavaScript and loads nothing from anywhere, so it prints and archives as it is. The words are in
//! `sections` (header, answer, footer), `reasons` (with `evidence`), `plan` and `records`. Every piece of text that comes
//! from the data or the engine goes through [`escape`]: names, notes and lender names are the
//! person's own typing, and engine sentences quote them.

mod evidence;
mod factors;
mod gauge;
mod plan;
mod reasons;
mod records;
mod sections;
mod style;
mod svg;
mod timeline;

use crate::domain::{DataFile, Lang};
use crate::engine::{Explanation, Plan};

/// The report as one HTML document in `lang`, for `data` as explained in `explanation`, with the
/// what-if `plan` when there is one (none when the limit is already rising).
pub fn html(data: &DataFile, explanation: &Explanation, plan: Option<&Plan>, lang: Lang) -> String {
    let mut body = String::new();
    body.push_str(&sections::header(data, explanation, lang));
    body.push_str(&sections::summary(explanation, lang));
    body.push_str(&reasons::principal(data, explanation, lang));
    body.push_str(&plan::section(plan, lang));
    body.push_str(&timeline::section(explanation, lang));
    body.push_str(&factors::section(explanation, lang));
    body.push_str(&reasons::going_well(explanation, lang));
    body.push_str(&records::section(explanation, lang));
    body.push_str(&sections::footer(lang));
    page(&title(data, explanation, lang), &body, lang)
}

/// Escapes text for HTML element content and quoted attribute values (and so for inline SVG).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The report's title: what it is, about whom, as of when.
fn title(data: &DataFile, explanation: &Explanation, lang: Lang) -> String {
    let name = data.profile.name.as_deref().unwrap_or_default();
    let what = tr(lang, "额度健康报告", "Credit Health report");
    if name.is_empty() {
        format!("{what} · {}", explanation.as_of)
    } else {
        format!("{what} · {name} · {}", explanation.as_of)
    }
}

/// The document around the body: charset, language, print setup and the style sheet.
fn page(title: &str, body: &str, lang: Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main class=\"report\">\n{body}</main>\n</body>\n</html>\n",
        html_lang(lang),
        escape(title),
        style::CSS,
    )
}

/// The `lang` attribute for a language (browsers pick CJK glyphs by it).
fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// The report's own words in the language asked.
fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
