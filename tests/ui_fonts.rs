//! The shipped CJK subset covers every character the app can show: its own strings, the rules'
//! texts, the personas and what the engine says about each of them in Chinese.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use credit_health::engine::{Rules, explain};
use credit_health::personas;
use credit_health::ui::fonts;
use egui::FontId;

fn shown_characters() -> BTreeSet<char> {
    let mut texts: Vec<String> = Vec::new();
    // Views live in sub-folders too (ui/whatif, ui/present), so walk every folder.
    let mut folders: Vec<std::path::PathBuf> =
        ["src/ui", "src/app", "src/import", "assets/rules", "assets/personas", "assets/import"]
            .iter()
            .map(Into::into)
            .collect();
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if entry.path().is_file() {
                texts.push(std::fs::read_to_string(entry.path()).unwrap());
            } else if entry.path().is_dir() {
                folders.push(entry.path());
            }
        }
    }
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let rules = Rules::default_rules();
    for persona in personas::all() {
        texts.push(persona.story.zh.clone());
        let explanation = explain(&persona.data().unwrap(), &rules, as_of);
        texts.push(explanation.headline.zh.clone());
        for reason in &explanation.reasons {
            for text in [&reason.message, &reason.next_step, &reason.rule, &reason.short] {
                texts.push(text.zh.clone());
            }
        }
        texts.extend(explanation.factors.iter().map(|f| f.name.zh.clone()));
    }
    texts.iter().flat_map(|t| t.chars()).filter(|c| !c.is_ascii() && !c.is_whitespace() && !c.is_control()).collect()
}

#[test]
fn every_character_the_app_shows_has_a_glyph() {
    let ctx = egui::Context::default();
    // The shipped subset alone: a CJK font of this machine must not hide a missing glyph.
    ctx.set_fonts(fonts::font_definitions());
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let font = FontId::proportional(14.0);
    let missing: String =
        ctx.fonts_mut(|f| shown_characters().into_iter().filter(|c| !f.has_glyph(&font, *c)).collect());
    assert!(missing.is_empty(), "no glyph for {missing:?}; run scripts/make-font-subset.py");
}

#[test]
fn the_subset_stays_small() {
    let size = fonts::CJK_FONT.len();
    assert!(size < 1_200_000, "the CJK subset is {size} bytes");
}

#[test]
fn a_system_cjk_font_is_found_and_anything_else_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ttc");
    let not_a_font = dir.path().join("notes.ttf");
    std::fs::write(&not_a_font, "these are not glyphs").unwrap();
    let font = dir.path().join("cjk.otf");
    std::fs::write(&font, fonts::CJK_FONT).unwrap();

    assert!(fonts::system_cjk_font([(missing.as_path(), 0), (not_a_font.as_path(), 0)]).is_none());
    let found =
        fonts::system_cjk_font([(missing.as_path(), 2), (not_a_font.as_path(), 0), (font.as_path(), 3)]).unwrap();
    assert_eq!((*found.font).as_ref().len(), fonts::CJK_FONT.len());
    assert_eq!(found.index, 0, "a single font file has only face 0");
}

#[test]
fn the_system_font_is_added_only_for_a_character_the_subset_lacks_and_only_once() {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let rare = '龘'; // outside GB2312, in no string of the app
    assert!(!fonts::add_system_font_if_missing(&ctx, "蚂蚁借呗 ¥899 逾期".chars()), "the subset has these");
    assert!(fonts::add_system_font_if_missing(&ctx, [rare].into_iter()), "a missing glyph adds the fallback");
    assert!(!fonts::add_system_font_if_missing(&ctx, [rare].into_iter()), "added once, not again");
}
