//! The records: one sortable table per kind, with add, edit and delete, and the profile.

use egui::{Align, Layout, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::profile_form::{ProfileDraft, profile_form_ui};
use super::record_columns::{cell, columns, sorted_rows};
use super::record_form::{FormState, record_form_ui};
use super::{Env, i18n};
use crate::app::edit::{RecordEdit, RecordKind, position};
use crate::app::{AppState, Command, Document, FilePurpose};
use crate::domain::Lang;

/// Which list is shown, how it is sorted, what is selected, and the open form.
#[derive(Default)]
pub struct RecordsState {
    /// The list shown; `None` shows the profile.
    pub kind: Option<RecordKind>,
    /// Sorted by this column, ascending when true.
    pub sort: Option<(usize, bool)>,
    /// The id of the selected row.
    pub selected: Option<String>,
    /// The add/edit form, when open.
    pub form: Option<FormState>,
    /// The profile form's draft.
    pub profile: Option<ProfileDraft>,
    order: Option<SortedRows>,
}

struct SortedRows {
    key: (u64, RecordKind, usize, bool, Lang),
    rows: Vec<usize>,
}

impl RecordsState {
    /// Drops everything that refers to the records shown (they were replaced).
    pub fn forget_record(&mut self) {
        self.selected = None;
        self.form = None;
        self.profile = None;
        self.order = None;
    }

    /// Sorts the rows of this version of the records once, and keeps the order.
    fn update_order(&mut self, env: &Env, doc: &Document, kind: RecordKind) {
        let Some((column, ascending)) = self.sort else {
            self.order = None;
            return;
        };
        let key = (doc.generation, kind, column, ascending, env.lang);
        if self.order.as_ref().is_none_or(|o| o.key != key) {
            let rows = sorted_rows(env.lang, &doc.data, kind, column, ascending);
            self.order = Some(SortedRows { key, rows });
        }
    }
}

/// The records view.
pub fn records_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, view: &mut RecordsState, out: &mut Vec<Command>) {
    let Some(doc) = state.document() else { return };
    egui::Panel::left("record_kinds").resizable(false).exact_size(env.sizes().nav_width).show(ui, |ui| {
        kinds_ui(ui, env, doc, view);
        ui.add_space(env.sizes().spacing);
        if ui.button(env.t("导入账单……", "Import bill export…")).clicked() {
            out.push(Command::PromptFile(FilePurpose::ImportBill));
        }
    });
    if let Some(form) = view.form.as_mut() {
        let mut close = false;
        egui::Panel::right("record_form").resizable(true).default_size(env.sizes().form_width).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| close = record_form_ui(ui, env, form, &doc.data, out));
        });
        if close {
            view.form = None;
        }
    }
    match view.kind {
        None => profile_form_ui(ui, env, doc, &mut view.profile, out),
        Some(kind) => {
            toolbar_ui(ui, env, doc, kind, view, out);
            table_ui(ui, env, doc, kind, view);
        }
    }
}

fn kinds_ui(ui: &mut egui::Ui, env: &Env, doc: &Document, view: &mut RecordsState) {
    ui.add_space(env.sizes().spacing);
    if ui.selectable_label(view.kind.is_none(), env.t("个人资料", "Profile")).clicked() {
        view.kind = None;
        view.form = None;
    }
    for kind in RecordKind::ALL {
        let label = format!("{} ({})", i18n::kind_name(env.lang, kind), kind.count(&doc.data));
        if ui.selectable_label(view.kind == Some(kind), label).clicked() && view.kind != Some(kind) {
            view.kind = Some(kind);
            view.sort = None;
            view.selected = None;
            view.form = None;
        }
    }
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    env: &Env,
    doc: &Document,
    kind: RecordKind,
    view: &mut RecordsState,
    out: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(i18n::kind_name(env.lang, kind));
        let add = match env.lang {
            Lang::Zh => format!("添加{}", i18n::kind_singular(env.lang, kind)),
            Lang::En => format!("Add {}", i18n::kind_singular(env.lang, kind)),
        };
        if ui.button(add).clicked() {
            view.form = Some(FormState::new_record(kind, &doc.data, env.today));
        }
        let selected = view.selected.as_deref().and_then(|id| position(&doc.data, kind, id));
        if ui.add_enabled(selected.is_some(), egui::Button::new(env.t("编辑所选", "Edit selected"))).clicked()
            && let Some(record) = selected.and_then(|i| kind.record_at(&doc.data, i))
        {
            view.form = Some(FormState::edit_record(record));
        }
        if ui.add_enabled(selected.is_some(), egui::Button::new(env.t("删除所选", "Delete selected"))).clicked()
            && let Some((index, record)) = selected.and_then(|i| kind.record_at(&doc.data, i).map(|r| (i, r)))
        {
            out.push(Command::Edit(RecordEdit::Delete { record, index }));
            view.selected = None;
        }
    });
    ui.label(
        RichText::new(env.t(
            "点击表头排序；点击一行选中，双击编辑。每次修改立即保存，可撤销（Ctrl+Z）。",
            "Click a heading to sort; click a row to select it, double-click to edit. Every change is saved at once and can be undone (Ctrl+Z).",
        ))
        .small()
        .color(env.palette.weak_text.color()),
    );
}

fn table_ui(ui: &mut egui::Ui, env: &Env, doc: &Document, kind: RecordKind, view: &mut RecordsState) {
    let cols = columns(kind);
    let count = kind.count(&doc.data);
    let row_height = env.sizes().row_height;
    let mut table = TableBuilder::new(ui)
        .id_salt(("records", kind.list()))
        .striped(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center));
    for (i, _) in cols.iter().enumerate() {
        let column =
            if i + 1 == cols.len() { Column::remainder() } else { Column::auto().at_least(60.0).resizable(true) };
        table = table.column(column);
    }
    let mut clicked_sort = None;
    let mut clicked_row = None;
    let mut open_row = None;
    view.update_order(env, doc, kind);
    let order = view.order.take();
    let rows: &[usize] = order.as_ref().map_or(&[], |o| o.rows.as_slice());
    let sort = view.sort;
    let selected = view.selected.clone();
    table
        .header(row_height, |mut header| {
            for (i, column) in cols.iter().enumerate() {
                header.col(|ui| {
                    let arrow = match sort {
                        Some((c, true)) if c == i => " ▲",
                        Some((c, false)) if c == i => " ▼",
                        _ => "",
                    };
                    let title = format!("{}{arrow}", i18n::tr(env.lang, column.zh, column.en));
                    if ui.add(egui::Button::new(RichText::new(title).strong()).frame(false)).clicked() {
                        clicked_sort = Some(i);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, count, |mut row| {
                let index = rows.get(row.index()).copied().unwrap_or(row.index());
                let id = cell(env.lang, &doc.data, kind, index, 0);
                row.set_selected(selected.as_deref() == Some(id.as_str()));
                for (c, column) in cols.iter().enumerate() {
                    row.col(|ui| {
                        let text = cell(env.lang, &doc.data, kind, index, c);
                        if column.numeric {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(RichText::new(text).monospace())
                            });
                        } else {
                            ui.label(text);
                        }
                    });
                }
                let response = row.response();
                if response.clicked() {
                    clicked_row = Some(id.clone());
                }
                if response.double_clicked() {
                    open_row = Some(index);
                }
            });
        });
    view.order = order;
    if let Some(column) = clicked_sort {
        view.sort = match view.sort {
            Some((c, ascending)) if c == column => Some((c, !ascending)),
            _ => Some((column, true)),
        };
    }
    if let Some(id) = clicked_row {
        view.selected = Some(id);
    }
    if let Some(record) = open_row.and_then(|i| kind.record_at(&doc.data, i)) {
        view.form = Some(FormState::edit_record(record));
    }
}
