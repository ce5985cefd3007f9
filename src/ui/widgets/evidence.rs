//! The records behind a reason, one line each.

use egui::RichText;

use crate::app::analysis::Analysis;
use crate::domain::{DataFile, Lang};
use crate::ui::i18n::tr;
use crate::ui::record_columns;

/// Lists the records with these ids (an id may name records in several lists).
pub fn evidence_ui(ui: &mut egui::Ui, lang: Lang, ids: &[String], analysis: &Analysis, data: &DataFile) {
    if ids.is_empty() {
        ui.label(
            RichText::new(tr(lang, "（这条原因不基于具体记录）", "(this reason rests on no single record)")).italics(),
        );
        return;
    }
    egui::Grid::new(ui.next_auto_id()).striped(true).show(ui, |ui| {
        for id in ids.iter().take(SHOWN) {
            let places = analysis.by_id.get(id).map(Vec::as_slice).unwrap_or_default();
            if places.is_empty() {
                ui.label("");
                ui.label(format!("{id} {}", tr(lang, "（记录已不存在）", "(no longer in the records)")));
                ui.end_row();
            }
            for (kind, index) in places {
                let (date, what) = record_columns::summary(lang, data, *kind, *index);
                ui.label(RichText::new(date).monospace());
                ui.label(what);
                ui.end_row();
            }
        }
    });
    if ids.len() > SHOWN {
        let more = ids.len() - SHOWN;
        ui.label(
            RichText::new(format!("{} {more} {}", tr(lang, "另有", "and"), tr(lang, "条记录", "more records")))
                .italics(),
        );
    }
}

/// At most this many records are listed (a streak can rest on thousands).
const SHOWN: usize = 50;
