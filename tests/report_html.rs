//! The printable report: every section for personas whose limit is zero, falling, stuck and
//! rising, in both languages; the engine's own words (headline, principal reasons, plan date);
//! charts with axes, month labels, observed dots and markers; escaping of the person's text; no
//! external resources; and the `report` command writing the same page to a file.

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use credit_health::domain::{DataFile, Lang};
use credit_health::engine::{Explanation, Plan, Rules, Status, explain, plan};
use credit_health::personas;
use credit_health::report::{escape, html};

/// Every element id a report has, whatever the data.
const SECTION_IDS: [&str; 16] = [
    "header",
    "disclaimer",
    "summary",
    "headline",
    "status",
    "score",
    "limits",
    "reasons",
    "plan",
    "timeline",
    "chart-timeline",
    "factors",
    "chart-factors",
    "going-well",
    "negative-records",
    "footer",
];

const DISCLAIMER_ZH: &str = "这是依据公开知识的教学估算，不是贷款机构的模型。";
const DISCLAIMER_EN: &str = "An educational estimate from public knowledge, not the lender's model.";

fn persona(id: &str) -> (DataFile, NaiveDate) {
    let persona = personas::find(id).unwrap_or_else(|| panic!("no persona {id}"));
    let data = persona.data().unwrap_or_else(|problems| panic!("{id}: {problems:?}"));
    (data, persona.as_of)
}

fn render(data: &DataFile, as_of: NaiveDate, lang: Lang) -> (String, Explanation, Option<Plan>) {
    let rules = Rules::default_rules();
    let e = explain(data, &rules, as_of);
    let p = plan(data, &rules, as_of);
    (html(data, &e, p.as_ref(), lang), e, p)
}

/// The text from the element with this id to the end of that element's kind (`</li>`, `</svg>`).
fn element<'a>(page: &'a str, id: &str, close: &str) -> &'a str {
    let start = page.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no element {id}"));
    let rest = &page[start..];
    let end = rest.find(close).unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn every_section_and_the_engines_words_for_each_status() {
    let cases = [
        ("new-user", Status::Zero),
        ("current-overdue", Status::Zero),
        ("unverified-identity", Status::Zero),
        ("many-lenders", Status::Falling),
        ("unexplained-drop", Status::Falling),
        ("recent-overdue", Status::Stuck),
        ("high-utilisation", Status::Stuck),
        ("healthy-rising", Status::Rising),
    ];
    for (id, status) in cases {
        let (data, as_of) = persona(id);
        for lang in Lang::ALL {
            let (page, e, p) = render(&data, as_of, lang);
            let at = format!("{id} ({lang:?})");
            assert_eq!(e.status, status, "{at}: the case is not the status it claims");
            for section in SECTION_IDS {
                assert!(page.contains(&format!("id=\"{section}\"")), "{at}: no id=\"{section}\"");
            }
            assert!(page.contains(&escape(e.headline.get(lang))), "{at}: headline missing");
            assert!(page.contains(&format!("<time datetime=\"{as_of}\">{as_of}</time>")), "{at}: as-of date");
            assert!(page.contains(&escape(e.status.label().get(lang))), "{at}: status label");
            assert!(page.contains(&e.limit.display_yuan()), "{at}: estimated limit");
            if let Some(observed) = e.observed_limit {
                assert!(element(&page, "limit-observed", "</tr>").contains(&observed.display_yuan()), "{at}: observed");
            }
            assert_principal_reasons(&page, &data, &e, lang, &at);
            assert_plan(&page, p.as_ref(), e.status, lang, &at);
            assert_negative_records(&page, &e, &at);
            for good in e.positive_reasons() {
                assert!(page.contains(&escape(good.message.get(lang))), "{at}: going well {:?}", good.code);
            }
        }
    }
}

fn assert_principal_reasons(page: &str, data: &DataFile, e: &Explanation, lang: Lang, at: &str) {
    let principal: Vec<_> = e.principal_reasons().collect();
    assert!(principal.len() <= 4, "{at}: more than four principal reasons");
    assert_eq!(page.matches("<li class=\"reason ").count(), principal.len(), "{at}: reason count");
    for reason in principal {
        let item = element(page, &format!("reason-{}", reason.code.as_str()), "</li>");
        assert!(item.contains(&escape(reason.message.get(lang))), "{at}: message of {:?}", reason.code);
        assert!(item.contains(&escape(reason.next_step.get(lang))), "{at}: next step of {:?}", reason.code);
        if let Some(on) = reason.next_step_on {
            assert!(item.contains(&on.to_string()), "{at}: next-step date of {:?}", reason.code);
        }
        if let Some(until) = reason.until {
            assert!(item.contains(&format!("<time datetime=\"{until}\">")), "{at}: until of {:?}", reason.code);
        }
        let rows = item.matches("<tr><td").count();
        assert_eq!(rows, reason.evidence.len().min(8), "{at}: evidence rows of {:?}", reason.code);
        for id in reason.evidence.iter().take(8) {
            if let Some(draw) = data.draws.iter().find(|d| d.id == *id) {
                let lender = data.account(&draw.account).map(|a| a.lender.clone()).unwrap_or_default();
                assert!(item.contains(&draw.amount.display_yuan()), "{at}: amount of draw {id}");
                assert!(item.contains(&escape(&lender)), "{at}: lender of draw {id}");
                assert!(item.contains(&draw.at.format("%Y-%m-%d %H:%M").to_string()), "{at}: time of draw {id}");
            }
        }
    }
}

fn assert_plan(page: &str, p: Option<&Plan>, status: Status, lang: Lang, at: &str) {
    let section = element(page, "plan", "</section>");
    match p {
        Some(p) => {
            assert!(section.contains(&escape(p.summary.get(lang))), "{at}: plan summary");
            for step in &p.steps {
                assert!(section.contains(&escape(step.label.get(lang))), "{at}: plan step");
            }
            if let Some(day) = p.reached_on {
                let date = element(page, "plan-date", "</div>");
                assert!(date.contains(&format!("<time datetime=\"{day}\">{day}</time>")), "{at}: plan date");
            }
        }
        None => assert_eq!(status, Status::Rising, "{at}: only a rising limit has no plan"),
    }
}

fn assert_negative_records(page: &str, e: &Explanation, at: &str) {
    let section = element(page, "negative-records", "</section>");
    for record in &e.negative_records {
        assert!(section.contains(&escape(&record.source_id)), "{at}: record {}", record.source_id);
        assert!(section.contains(&record.first_due.to_string()), "{at}: first due of {}", record.source_id);
        if let Some(day) = record.ages_out {
            assert!(section.contains(&day.to_string()), "{at}: ages out of {}", record.source_id);
        }
    }
}

#[test]
fn charts_have_axes_months_dots_markers_and_bars() {
    for id in ["current-overdue", "many-lenders", "unused-line", "healthy-rising", "new-user"] {
        let (data, as_of) = persona(id);
        for lang in Lang::ALL {
            let (page, e, _) = render(&data, as_of, lang);
            let at = format!("{id} ({lang:?})");
            let chart = element(&page, "chart-timeline", "</svg>");
            let (limit_axis, score_axis) = match lang {
                Lang::Zh => ("额度（¥）", "评分（分）"),
                Lang::En => ("Limit (¥)", "Score (points)"),
            };
            assert!(chart.contains(limit_axis) && chart.contains(score_axis), "{at}: axis titles");
            assert!(chart.contains(">¥0</text>"), "{at}: the limit axis starts at ¥0");
            assert!(chart.contains("class=\"legend\""), "{at}: legend");
            let months = chart.matches("class=\"tick month\"").count();
            assert!((1..=12).contains(&months) || e.timeline.len() < 2, "{at}: {months} month labels");
            let observed = e.timeline.iter().filter(|m| m.observed.is_some()).count();
            assert_eq!(
                chart.matches("<circle class=\"obs-dot\"").count(),
                observed + 1,
                "{at}: observed dots + legend"
            );
            let overdue = e.timeline.iter().filter(|m| !m.overdue_started.is_empty()).count();
            assert_eq!(chart.matches("class=\"mk-overdue\"").count(), overdue, "{at}: overdue markers");
            let inquiries = e.timeline.iter().filter(|m| !m.inquiries.is_empty()).count();
            assert_eq!(chart.matches("class=\"mk-inquiry\"").count(), inquiries, "{at}: inquiry markers");
            let bars = element(&page, "chart-factors", "</svg>");
            assert_eq!(bars.matches("class=\"bar-track\"").count(), e.factors.len(), "{at}: one bar per factor");
            for factor in &e.factors {
                let value = format!(">{} / {}</text>", factor.points, factor.max_points);
                assert!(bars.contains(&escape(factor.name.get(lang))) && bars.contains(&value), "{at}: {}", factor.id);
            }
            assert!(element(&page, "gauge", "</svg>").contains(&format!(">{}</text>", e.score)), "{at}: gauge score");
        }
    }
}

#[test]
fn a_persona_with_history_charts_its_markers() {
    // The test above compares counts; this makes sure the counts are not all zero.
    let (data, as_of) = persona("current-overdue");
    let (page, _, _) = render(&data, as_of, Lang::En);
    assert!(page.contains("class=\"mk-overdue\""), "the 47-day overdue is marked");
    assert!(page.contains("class=\"mk-cut\""), "a cut or freeze is marked");
    let (data, as_of) = persona("many-lenders");
    let (page, _, _) = render(&data, as_of, Lang::En);
    assert!(page.contains("<circle class=\"obs-dot\" cx"), "observed limits are dots");
}

#[test]
fn the_page_declares_its_language_charset_fonts_and_loads_nothing() {
    let (data, as_of) = persona("current-overdue");
    for (lang, attribute, first) in
        [(Lang::Zh, "<html lang=\"zh-CN\">", DISCLAIMER_ZH), (Lang::En, "<html lang=\"en\">", DISCLAIMER_EN)]
    {
        let (page, _, _) = render(&data, as_of, lang);
        assert!(page.starts_with("<!DOCTYPE html>"), "{lang:?}");
        assert!(page.contains(attribute), "{lang:?}: lang attribute");
        assert!(page.contains("<meta charset=\"utf-8\">"), "{lang:?}: charset");
        for font in ["\"Noto Sans CJK SC\"", "\"Noto Sans SC\"", "\"PingFang SC\"", "\"Microsoft YaHei\"", "sans-serif"]
        {
            assert!(page.contains(font), "{lang:?}: font {font}");
        }
        assert!(page.contains("@media print") && page.contains("size: A4") && page.contains("break-before: page"));
        let disclaimer = element(&page, "disclaimer", "</div>");
        assert!(
            disclaimer.contains(&format!("<p class=\"disclaimer\" lang=\"zh-CN\">{DISCLAIMER_ZH}</p>"))
                || lang == Lang::En
        );
        assert!(disclaimer.contains(&escape(DISCLAIMER_EN)) && disclaimer.contains(DISCLAIMER_ZH), "{lang:?}: both");
        assert!(
            disclaimer.find(&escape(first))
                < disclaimer.find(&escape(if lang == Lang::Zh { DISCLAIMER_EN } else { DISCLAIMER_ZH })),
            "{lang:?}: own language first"
        );
        for external in ["http://", "https://", "<script", "src=", "url(", "@import", "<link"] {
            assert!(!page.contains(external), "{lang:?}: the page refers to something outside: {external}");
        }
    }
}

#[test]
fn the_persons_own_text_is_escaped() {
    let (mut data, as_of) = persona("current-overdue");
    let hostile = "<script>alert(1)</script>";
    for account in &mut data.accounts {
        account.lender = hostile.to_string();
    }
    data.profile.name = Some("Tom & \"Jerry\" <b>".to_string());
    for lang in Lang::ALL {
        let (page, e, _) = render(&data, as_of, lang);
        assert!(e.line_name.contains(hostile), "the engine quotes the lender");
        assert!(!page.contains("<script"), "{lang:?}: unescaped script");
        assert!(!page.contains("<b>"), "{lang:?}: unescaped name");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{lang:?}: escaped lender");
        assert!(page.contains("Tom &amp; &quot;Jerry&quot; &lt;b&gt;"), "{lang:?}: escaped name");
        assert!(element(&page, "negative-records", "</section>").contains("&lt;script&gt;"), "{lang:?}: in the table");
    }
}

#[test]
fn escape_covers_the_five_characters() {
    let cases = [
        ("plain 文字 ¥5,000", "plain 文字 ¥5,000"),
        ("a < b > c", "a &lt; b &gt; c"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
        ("&amp;", "&amp;amp;"),
    ];
    for (input, expected) in cases {
        assert_eq!(escape(input), expected, "{input}");
    }
}

#[test]
fn the_report_is_pure_and_survives_sparse_explanations() {
    let (data, as_of) = persona("new-user");
    let rules = Rules::default_rules();
    let e = explain(&data, &rules, as_of);
    assert_eq!(html(&data, &e, None, Lang::Zh), html(&data, &e, None, Lang::Zh), "same input, same page");
    let mut bare = e.clone();
    bare.timeline.clear();
    bare.factors.clear();
    bare.reasons.clear();
    bare.negative_records.clear();
    for lang in Lang::ALL {
        let page = html(&data, &bare, None, lang);
        for section in SECTION_IDS {
            assert!(page.contains(&format!("id=\"{section}\"")), "{lang:?}: no id=\"{section}\" when empty");
        }
        assert!(page.ends_with("</html>\n"));
    }
}

// The command line.

fn run(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_credit-health"))
        .args(args)
        .env_remove("CREDIT_HEALTH_DATA_DIR")
        .output()
        .unwrap_or_else(|error| panic!("could not run the binary: {error}"));
    assert_ne!(output.status.code(), Some(101), "panicked: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn persona_file(dir: &Path, id: &str) -> String {
    let path = dir.join(format!("{id}.ron"));
    let source = personas::find(id).map(|p| p.source).unwrap_or_default();
    std::fs::write(&path, source).unwrap_or_else(|error| panic!("{error}"));
    path.to_string_lossy().into_owned()
}

#[test]
fn the_command_writes_the_same_page_to_a_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let file = persona_file(dir.path(), "many-lenders");
    let out = dir.path().join("report.html");
    let data_dir = dir.path().join("data");
    let output = run(&[
        "report",
        &file,
        "--as-of",
        "2026-11-15",
        "--lang",
        "en",
        "--out",
        &out.to_string_lossy(),
        "--data-dir",
        &data_dir.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let written = std::fs::read_to_string(&out).unwrap_or_else(|error| panic!("{error}"));
    let (data, as_of) = persona("many-lenders");
    let (expected, _, _) = render(&data, as_of, Lang::En);
    assert_eq!(written, expected, "the command writes exactly the pure renderer's page");
    assert!(String::from_utf8_lossy(&output.stdout).contains("report.html"), "says where it wrote");
}

#[test]
fn the_command_reports_the_stores_data_to_standard_output() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let file = persona_file(dir.path(), "current-overdue");
    let data_dir = dir.path().join("data").to_string_lossy().into_owned();
    let imported = run(&["import", &file, "--data-dir", &data_dir]);
    assert_eq!(imported.status.code(), Some(0), "{}", String::from_utf8_lossy(&imported.stderr));
    let output = run(&["report", "--as-of", "2026-11-15", "--lang", "zh", "--data-dir", &data_dir]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let page = String::from_utf8_lossy(&output.stdout);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<html lang=\"zh-CN\">"));
    assert!(page.contains("小张"), "the stored person's name");
}

#[test]
fn bad_input_exits_2_naming_the_file_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let good = persona_file(dir.path(), "new-user");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(schema: 1, profile: (").unwrap_or_else(|error| panic!("{error}"));
    let broken = broken.to_string_lossy().into_owned();
    let missing = dir.path().join("missing.ron").to_string_lossy().into_owned();
    let no_folder = dir.path().join("no-such-folder").join("report.html").to_string_lossy().into_owned();
    let empty_store = dir.path().join("empty").to_string_lossy().into_owned();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["report", &missing, "--as-of", "2026-11-15"], "missing.ron"),
        (vec!["report", &broken, "--as-of", "2026-11-15"], "broken.ron"),
        (vec!["report", &good, "--as-of", "2026-02-30"], "2026-02-30"),
        (vec!["report", &good, "--as-of", "2026-11-15", "--lang", "fr"], "fr"),
        (vec!["report", &good, "--as-of", "2026-11-15", "--out", &no_folder], "no-such-folder"),
        (vec!["report", &good, "--as-of", "2026-11-15", "--rules", &missing], "missing.ron"),
        (vec!["report", &good, "--as-of", "2026-11-15", "--rules", &broken], "broken.ron"),
        (vec!["report", "--as-of", "2026-11-15", "--data-dir", &empty_store], "empty"),
    ];
    for (args, named) in cases {
        let output = run(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: the message should name {named}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}: nothing on standard output");
    }
    assert!(!Path::new(&no_folder).exists());
}
