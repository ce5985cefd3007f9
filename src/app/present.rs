//! Presenter mode: a built-in persona told month by month for a room, with "predict, then
//! reveal". Everything comes from the personas embedded in the binary; nothing here opens or
//! writes any file. The engine's answer for every month is computed once, off the UI thread.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate, Timelike};

use super::worker::Latest;
use crate::domain::{DataFile, EventKind, InquiryPurpose, Lang, Money, Text};
use crate::engine::{Effect, Rules, Status, explain};
use crate::personas;

/// How many months a story covers at most (ending at the persona's story date).
pub const STORY_MONTHS: u32 = 24;

/// What the presenter's controls ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PresentCommand {
    /// Open presenter mode at the gallery.
    Open,
    /// Tell this persona's story from its first month.
    Choose(String),
    /// Back to the gallery.
    Gallery,
    /// One month on (positive) or back (negative).
    Step(i32),
    /// To the first or the last month.
    Jump(bool),
    /// Show the hidden answer of the month shown (or hide it again).
    Reveal(bool),
    /// Speak another language.
    SetLang(Lang),
    /// Leave presenter mode (back to the app).
    Leave,
}

/// Something that happened in a month, for the room to predict from (fields as in the records).
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Happening {
    /// An account was opened.
    Opened { lender: String },
    /// Money was borrowed (at night when `hour` is late).
    Draw { lender: String, amount: Money, hour: u32 },
    /// Repayments made.
    Repaid { count: usize, total: Money },
    /// A card bill.
    Bill { lender: String, balance: Money, minimum: Money },
    /// An amount fell due and was not paid.
    Missed { lender: String },
    /// A credit-report inquiry.
    Inquiry { by: String, purpose: InquiryPurpose },
    /// An account event.
    Event { kind: EventKind },
}

impl Happening {
    /// True for a draw between 23:00 and 06:00.
    pub fn is_night(&self) -> bool {
        matches!(self, Happening::Draw { hour, .. } if *hour >= 23 || *hour < 6)
    }
}

/// A reason as the room sees it.
#[derive(Clone, Debug)]
pub struct ShownReason {
    /// What it does.
    pub effect: Effect,
    /// The message.
    pub message: Text,
}

/// The engine's answer as of one month, and what happened in it.
#[derive(Clone, Debug)]
pub struct StoryMonth {
    /// The day evaluated: the month's last day, or the story date in the last month.
    pub on: NaiveDate,
    /// The score.
    pub score: i64,
    /// The estimated limit.
    pub limit: Money,
    /// The limit the person saw in the month, if recorded.
    pub observed: Option<Money>,
    /// The status.
    pub status: Status,
    /// The answer in one sentence.
    pub headline: Text,
    /// The principal reasons (and what goes well), ranked.
    pub reasons: Vec<ShownReason>,
    /// What happened in the month.
    pub happened: Vec<Happening>,
}

/// A persona's story, month by month.
#[derive(Debug)]
pub struct Story {
    /// The persona.
    pub persona_id: String,
    /// The name shown.
    pub name: String,
    /// The one-line story.
    pub line: Text,
    /// The bottom and top of the score scale.
    pub score_range: (i64, i64),
    /// Month by month, oldest first.
    pub months: Vec<StoryMonth>,
}

/// Presenter mode's state.
pub struct Presenter {
    /// The language of the session.
    pub lang: Lang,
    /// True when opened from the app (Esc goes back to it).
    pub from_app: bool,
    /// The persona being presented (`None`: the gallery).
    pub persona: Option<String>,
    /// The month shown (index into the story's months).
    pub month: usize,
    /// True once the presenter revealed the month's answer.
    pub revealed: bool,
    /// The gallery: each persona's id, name and one-line story.
    pub people: Vec<(String, String, Text)>,
    rules: Arc<Rules>,
    stories: Latest<(String, Arc<Rules>), Result<Story, String>>,
}

impl Presenter {
    /// Presenter mode at the gallery.
    pub fn new(lang: Lang, from_app: bool, rules: Arc<Rules>, background: bool) -> Presenter {
        Presenter {
            lang,
            from_app,
            persona: None,
            month: 0,
            revealed: false,
            people: gallery(),
            rules,
            stories: Latest::new(background, |(id, rules)| build_story(&id, &rules)),
        }
    }

    /// The story shown, once computed (and when it is the persona chosen).
    pub fn story(&self) -> Option<Result<&Story, &str>> {
        let story = self.stories.latest()?;
        match story.as_ref() {
            Ok(story) if Some(&story.persona_id) == self.persona.as_ref() => Some(Ok(story)),
            Ok(_) => None,
            Err(error) => Some(Err(error.as_str())),
        }
    }

    /// The month shown, once computed.
    pub fn current(&self) -> Option<&StoryMonth> {
        self.story()?.ok()?.months.get(self.month)
    }

    /// True while a story is being computed.
    pub fn is_busy(&self) -> bool {
        self.stories.is_busy()
    }

    /// Takes in finished work; call once per frame.
    pub fn poll(&mut self) {
        self.stories.poll();
    }

    /// Carries out a command; `Open` and `Leave` are the app's to handle.
    pub fn apply(&mut self, ctx: &egui::Context, command: PresentCommand) {
        match command {
            PresentCommand::Open | PresentCommand::Leave => {}
            PresentCommand::Choose(id) => {
                self.persona = Some(id.clone());
                self.month = 0;
                self.revealed = false;
                self.stories.clear();
                self.stories.request(ctx, (id, self.rules.clone()));
            }
            PresentCommand::Gallery => {
                self.persona = None;
                self.revealed = false;
            }
            PresentCommand::Step(by) => {
                let last = self.last_month();
                let next = (self.month as i64 + i64::from(by)).clamp(0, last as i64) as usize;
                if next != self.month {
                    self.month = next;
                    self.revealed = false;
                }
            }
            PresentCommand::Jump(to_end) => {
                let next = if to_end { self.last_month() } else { 0 };
                if next != self.month {
                    self.month = next;
                    self.revealed = false;
                }
            }
            PresentCommand::Reveal(shown) => self.revealed = shown && self.current().is_some(),
            PresentCommand::SetLang(lang) => self.lang = lang,
        }
    }

    fn last_month(&self) -> usize {
        self.story().and_then(Result::ok).map_or(0, |s| s.months.len().saturating_sub(1))
    }
}

/// Computes a persona's story (pure; the persona is embedded).
pub fn build_story(persona_id: &str, rules: &Rules) -> Result<Story, String> {
    let persona = personas::find(persona_id).ok_or_else(|| format!("no persona \"{persona_id}\""))?;
    let data = persona.data().map_err(|problems| format!("persona \"{persona_id}\" does not load: {problems:?}"))?;
    let story_day = persona.as_of;
    let first = first_record_day(&data).unwrap_or(story_day).max(
        story_day.with_day(1).and_then(|d| d.checked_sub_months(Months::new(STORY_MONTHS - 1))).unwrap_or(story_day),
    );
    let mut months = Vec::new();
    let mut start = first.with_day(1).unwrap_or(first);
    while start <= story_day {
        let end = start.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(start);
        let on = end.min(story_day);
        months.push(story_month(&data, rules, start, on));
        let Some(next) = start.checked_add_months(Months::new(1)) else { break };
        start = next;
    }
    let (low, high) = months.first().map_or((0, 0), |_| {
        let e = explain(&data, rules, story_day);
        (e.score_min, e.score_max)
    });
    let name = data.profile.name.clone().unwrap_or_else(|| persona_id.to_string());
    Ok(Story {
        persona_id: persona_id.to_string(),
        name,
        line: persona.story.clone(),
        score_range: (low, high),
        months,
    })
}

fn first_record_day(data: &DataFile) -> Option<NaiveDate> {
    let days = data.accounts.iter().map(|a| a.opened).chain(data.draws.iter().map(|d| d.at.date()));
    days.chain(std::iter::once(data.profile.joined)).min()
}

fn story_month(data: &DataFile, rules: &Rules, start: NaiveDate, on: NaiveDate) -> StoryMonth {
    let e = explain(data, rules, on);
    let shown = e.principal_reasons().take(4).chain(e.positive_reasons().take(1));
    let reasons = shown.map(|r| ShownReason { effect: r.effect, message: r.message.clone() }).collect();
    let in_month = |day: NaiveDate| day >= start && day <= on;
    let target = &data.profile.target;
    let observed = data
        .observed_limits
        .iter()
        .filter(|o| o.account == *target && in_month(o.on))
        .max_by_key(|o| o.on)
        .map(|o| o.limit);
    let missed = e.timeline.last().map_or(&[][..], |m| m.overdue_started.as_slice());
    StoryMonth {
        on,
        score: e.score,
        limit: e.limit,
        observed,
        status: e.status,
        headline: e.headline.clone(),
        reasons,
        happened: happenings(data, missed, &in_month),
    }
}

fn happenings(data: &DataFile, missed: &[String], in_month: &dyn Fn(NaiveDate) -> bool) -> Vec<Happening> {
    let lender = |account: &str| data.account(account).map_or_else(|| account.to_string(), |a| a.lender.clone());
    let mut out: Vec<Happening> = Vec::new();
    out.extend(
        data.accounts.iter().filter(|a| in_month(a.opened)).map(|a| Happening::Opened { lender: a.lender.clone() }),
    );
    for draw in data.draws.iter().filter(|d| in_month(d.at.date())) {
        out.push(Happening::Draw { lender: lender(&draw.account), amount: draw.amount, hour: draw.at.hour() });
    }
    for id in missed {
        let account = data.draws.iter().find(|d| d.id == *id).map(|d| d.account.as_str());
        let account = account.or_else(|| data.statements.iter().find(|s| s.id == *id).map(|s| s.account.as_str()));
        out.push(Happening::Missed { lender: account.map_or_else(|| id.clone(), lender) });
    }
    for bill in data.statements.iter().filter(|s| in_month(s.closing)) {
        out.push(Happening::Bill { lender: lender(&bill.account), balance: bill.balance, minimum: bill.minimum });
    }
    let repaid: Vec<Money> = data.repayments.iter().filter(|r| in_month(r.at.date())).map(|r| r.amount).collect();
    if !repaid.is_empty() {
        let total = repaid.iter().fold(Money::ZERO, |sum, m| sum + *m);
        out.push(Happening::Repaid { count: repaid.len(), total });
    }
    for q in data.inquiries.iter().filter(|q| in_month(q.on)) {
        out.push(Happening::Inquiry { by: q.by.clone(), purpose: q.purpose });
    }
    for event in data.events.iter().filter(|e| in_month(e.at.date()) && e.kind != EventKind::LimitNotice) {
        out.push(Happening::Event { kind: event.kind });
    }
    out
}

/// Asks the window to fill the screen (or not); a no-op where there is no window (tests).
pub fn set_fullscreen(ctx: &egui::Context, on: bool) {
    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
}

/// Every built-in persona's id, name and story, in gallery order.
pub fn gallery() -> Vec<(String, String, Text)> {
    personas::all()
        .into_iter()
        .map(|p| {
            let name = p.data().ok().and_then(|d| d.profile.name).unwrap_or_else(|| p.id.to_string());
            (p.id.to_string(), name, p.story.clone())
        })
        .collect()
}

/// Presenter mode on its own (`credit-health present`): no data folder, no store, no settings;
/// only the personas embedded in the binary.
pub struct PresenterApp {
    /// The state.
    pub presenter: Presenter,
    theme: crate::ui::theme::Theme,
}

impl PresenterApp {
    /// Presenter mode at the gallery, or at `persona`'s first month.
    pub fn new(
        ctx: &egui::Context,
        persona: Option<String>,
        lang: Lang,
        background: bool,
    ) -> anyhow::Result<PresenterApp> {
        crate::ui::fonts::install(ctx);
        let theme = crate::ui::theme::Theme::built_in()?;
        let mut presenter = Presenter::new(lang, false, Arc::new(Rules::default_rules()), background);
        if let Some(id) = persona {
            presenter.apply(ctx, PresentCommand::Choose(id));
        }
        Ok(PresenterApp { presenter, theme })
    }

    /// Draws one frame and carries out what the presenter asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        self.presenter.poll();
        let mut asked = Vec::new();
        crate::ui::present::present_ui(ui, &self.theme, &self.presenter, &mut asked);
        for command in asked {
            self.presenter.apply(ui.ctx(), command);
        }
    }
}

impl eframe::App for PresenterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

/// Opens presenter mode full screen; returns when the window closes.
pub fn run(persona: Option<String>, lang: Lang) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Credit Health · 额度体检 — presenter")
            .with_inner_size([1280.0, 840.0])
            .with_fullscreen(true),
        ..Default::default()
    };
    eframe::run_native(
        "credit-health-present",
        native,
        Box::new(move |cc| Ok(Box::new(PresenterApp::new(&cc.egui_ctx, persona, lang, true)?))),
    )
    .map_err(|error| anyhow::anyhow!("could not open the window: {error}"))
}
