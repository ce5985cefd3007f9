//! What-if, off the UI thread: the path as things stand, the path with the person's chosen
//! actions, and the engine's plan. Each runs on its own [`Latest`] worker, so a slow plan never
//! holds up a projection and rapid control changes are coalesced to the newest.

use std::sync::Arc;

use chrono::NaiveDate;

use super::worker::Latest;
use crate::domain::DataFile;
use crate::engine::Rules;
use crate::engine::features::{Prepared, RecordIndex};
use crate::engine::whatif::{Action, Goal, Plan, Projection, plan_from, project_from};

/// What a projection is of: a version of the records, the rules and the day.
#[derive(Clone, Debug, PartialEq)]
pub struct Basis {
    /// The records' version.
    pub generation: u64,
    /// The day projected from.
    pub as_of: NaiveDate,
    rules: usize,
}

/// The inputs of one job.
pub struct Job {
    basis: Basis,
    data: Arc<DataFile>,
    rules: Arc<Rules>,
    actions: Vec<Action>,
    /// The records' index, when one is kept.
    index: Option<Arc<RecordIndex>>,
}

/// A finished projection and what it was of.
#[derive(Debug)]
pub struct Projected {
    /// What it is of.
    pub basis: Basis,
    /// The actions taken.
    pub actions: Vec<Action>,
    /// The path.
    pub projection: Projection,
}

/// The plan, with when each step would reach the goal on its own.
#[derive(Debug)]
pub struct PlanView {
    /// What it is of.
    pub basis: Basis,
    /// The engine's plan (`None` when the limit is already rising).
    pub plan: Option<Plan>,
    /// For each step: the day it reaches the goal taken alone, if it does.
    pub alone: Vec<Option<NaiveDate>>,
}

/// One version of the records, with its index when one is kept.
pub struct Version {
    /// The version's number.
    pub generation: u64,
    /// The records.
    pub data: Arc<DataFile>,
    /// Their index.
    pub index: Option<Arc<RecordIndex>>,
}

/// The what-if work of the open record.
pub struct WhatIf {
    baseline: Latest<Job, Projected>,
    projected: Latest<Job, Projected>,
    plan: Latest<Job, PlanView>,
    asked: Option<(Basis, Vec<Action>)>,
}

impl WhatIf {
    /// Idle workers; `background: false` computes on the calling thread.
    pub fn new(background: bool) -> WhatIf {
        WhatIf {
            baseline: Latest::new(background, run_projection),
            projected: Latest::new(background, run_projection),
            plan: Latest::new(background, run_plan),
            asked: None,
        }
    }

    /// Asks for the projection of `actions` on this version of the records; the path as things
    /// stand and the plan are asked for again only when the records, rules or day changed.
    pub fn request(
        &mut self,
        ctx: &egui::Context,
        of: Version,
        rules: Arc<Rules>,
        as_of: NaiveDate,
        actions: Vec<Action>,
    ) {
        let Version { generation, data, index } = of;
        let basis = Basis { generation, as_of, rules: Arc::as_ptr(&rules) as usize };
        let job = |actions: Vec<Action>| Job {
            basis: basis.clone(),
            data: data.clone(),
            rules: rules.clone(),
            actions,
            index: index.clone(),
        };
        if self.asked.as_ref().is_none_or(|(asked, _)| *asked != basis) {
            self.baseline.clear();
            self.projected.clear();
            self.plan.clear();
            self.baseline.request(ctx, job(Vec::new()));
            self.plan.request(ctx, job(Vec::new()));
        }
        self.projected.request(ctx, job(actions.clone()));
        self.asked = Some((basis, actions));
    }

    /// What was asked for last: the records' version and the actions.
    pub fn asked(&self) -> Option<(u64, NaiveDate, &[Action])> {
        self.asked.as_ref().map(|(basis, actions)| (basis.generation, basis.as_of, actions.as_slice()))
    }

    /// Takes in finished work; call once per frame.
    pub fn poll(&mut self) {
        self.baseline.poll();
        self.projected.poll();
        self.plan.poll();
    }

    /// The path as things stand.
    pub fn baseline(&self) -> Option<&Projected> {
        self.baseline.latest().map(Arc::as_ref)
    }

    /// The path with the actions (possibly of actions asked for before the latest).
    pub fn projected(&self) -> Option<&Projected> {
        self.projected.latest().map(Arc::as_ref)
    }

    /// The plan.
    pub fn plan(&self) -> Option<&PlanView> {
        self.plan.latest().map(Arc::as_ref)
    }

    /// The plan when it is already computed for exactly this version, day and rules.
    pub fn plan_of(&self, generation: u64, as_of: NaiveDate, rules: &Arc<Rules>) -> Option<&PlanView> {
        let basis = Basis { generation, as_of, rules: Arc::as_ptr(rules) as usize };
        self.plan().filter(|view| view.basis == basis)
    }

    /// True while a projection is being computed.
    pub fn is_projecting(&self) -> bool {
        self.baseline.is_busy() || self.projected.is_busy()
    }

    /// True while the plan is being computed.
    pub fn is_planning(&self) -> bool {
        self.plan.is_busy()
    }
}

/// The records indexed: with the kept index when there is one.
fn prepared(job: &Job) -> Prepared<'_> {
    match &job.index {
        Some(index) => Prepared::with(&job.data, &job.rules, index),
        None => Prepared::new(&job.data, &job.rules),
    }
}

fn run_projection(job: Job) -> Projected {
    let projection = project_from(&prepared(&job), job.basis.as_of, &job.actions);
    Projected { basis: job.basis, actions: job.actions, projection }
}

fn run_plan(job: Job) -> PlanView {
    let base = prepared(&job);
    let plan = plan_from(&base, job.basis.as_of);
    let alone = plan.as_ref().map_or_else(Vec::new, |plan| {
        plan.steps
            .iter()
            .map(|step| {
                let p = project_from(&base, job.basis.as_of, std::slice::from_ref(&step.action));
                match plan.goal {
                    Goal::AboveZero => p.first_above_zero,
                    Goal::Raise => p.first_raise,
                }
            })
            .collect()
    });
    PlanView { basis: job.basis, plan, alone }
}
