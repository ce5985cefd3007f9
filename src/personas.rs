//! Built-in sample people ("personas") for exploring the app and for literacy sessions, one per
//! scenario of the seed articles. Their files are schema-1 data files under `assets/personas/`,
//! embedded in the binary; each is told as of its story date.

use chrono::NaiveDate;

use crate::domain::{DataFile, Problem, Text, check_text};

/// A built-in sample person.
#[derive(Clone, Debug)]
pub struct Persona {
    /// Stable id, also the file name without `.ron`.
    pub id: &'static str,
    /// A one-line story for the gallery.
    pub story: Text,
    /// The day the story is told (explanations of the persona use it as "today").
    pub as_of: NaiveDate,
    /// The data file's text.
    pub source: &'static str,
}

impl Persona {
    /// The persona's records (every built-in file is valid; a test checks it).
    pub fn data(&self) -> Result<DataFile, Vec<Problem>> {
        check_text(self.source)
    }
}

/// The story date of the built-in personas.
const STORY_DATE: (i32, u32, u32) = (2026, 11, 15);

macro_rules! persona {
    ($id:literal, $zh:literal, $en:literal) => {
        Persona {
            id: $id,
            story: Text::new($zh, $en),
            as_of: NaiveDate::from_ymd_opt(STORY_DATE.0, STORY_DATE.1, STORY_DATE.2).unwrap_or_default(),
            source: include_str!(concat!("../assets/personas/", $id, ".ron")),
        }
    };
}

/// Every built-in persona, in gallery order.
pub fn all() -> Vec<Persona> {
    vec![
        persona!(
            "new-user",
            "小李刚开通借呗七周，还没有借过钱：额度为零。",
            "Xiao Li opened the account seven weeks ago and has never borrowed: the limit is zero."
        ),
        persona!(
            "current-overdue",
            "小张有一笔 ¥899 的分期忘了还，已经逾期 47 天。",
            "Xiao Zhang forgot an instalment of ¥899; it is 47 days overdue."
        ),
        persona!(
            "cash-out-freeze",
            "小赵用信用卡套现被识别，借呗被冻结。",
            "Xiao Zhao was flagged for cash-out and the line was frozen."
        ),
        persona!(
            "unverified-identity",
            "小孙还款记录很好，但一直没有完成实名认证。",
            "Xiao Sun pays on time but never verified their identity."
        ),
        persona!(
            "many-lenders",
            "小周半年内在三个新平台借了钱：多头借贷。",
            "Xiao Zhou borrowed from three new platforms in six months."
        ),
        persona!(
            "recent-overdue",
            "小吴春天逾期了 45 天，已经还清，但还在观察期。",
            "Xiao Wu was 45 days late in spring; it is repaid but still cooling down."
        ),
        persona!(
            "high-utilisation",
            "小郑的两张信用卡都快刷满了，只还最低还款。",
            "Xiao Zheng's two cards are nearly maxed out and only the minimum is paid."
        ),
        persona!(
            "unused-line",
            "老陈有 ¥30,000 额度，两年多没用过。",
            "Lao Chen has a ¥30,000 limit he has not used in over two years."
        ),
        persona!(
            "frequent-small-draws",
            "小林三个月里借了十一笔几百块的小钱。",
            "Xiao Lin made eleven draws of a few hundred yuan in three months."
        ),
        persona!("night-draws", "小何在凌晨借了两笔大额。", "Xiao He made two large draws in the small hours."),
        persona!(
            "unexplained-drop",
            "小刘记录很干净，额度却从 ¥50,000 降到 ¥20,000。",
            "Xiao Liu's record is clean, yet the limit fell from ¥50,000 to ¥20,000."
        ),
        persona!(
            "healthy-rising",
            "小陈多年按时还款、负债低：额度在上升。",
            "Xiao Chen has years of on-time payments and low debt: the limit is rising."
        ),
    ]
}

/// The persona with this id.
pub fn find(id: &str) -> Option<Persona> {
    all().into_iter().find(|p| p.id == id)
}
