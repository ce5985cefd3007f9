//! Fonts: egui's defaults, with a subset of Noto Sans CJK SC as the fallback for Chinese, and
//! then a CJK font of the system when there is one, for rarer characters a person types
//! (a lender's or a shop's name) that the subset leaves out.

use std::path::Path;
use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Noto Sans CJK SC, cut down by `scripts/make-font-subset.py` (SIL OFL 1.1, see `assets/fonts/OFL.txt`).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

const CJK_NAME: &str = "noto-sans-sc-subset";
const SYSTEM_NAME: &str = "system-cjk";

/// Where common systems keep a full Chinese font: (path, face index in a collection).
/// Only read, never written; the first that exists is used.
const SYSTEM_CJK_FONTS: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
];

/// egui's default fonts with the CJK face added as a fallback to both families.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(CJK_NAME.to_owned(), Arc::new(FontData::from_static(CJK_FONT)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(CJK_NAME.to_owned());
    }
    fonts
}

/// [`font_definitions`], plus the system's CJK font (if found) after the shipped subset.
pub fn font_definitions_with_system() -> FontDefinitions {
    let mut fonts = font_definitions();
    if let Some(system) = system_cjk_font(SYSTEM_CJK_FONTS.iter().map(|(p, i)| (Path::new(*p), *i))) {
        fonts.font_data.insert(SYSTEM_NAME.to_owned(), Arc::new(system));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(SYSTEM_NAME.to_owned());
        }
    }
    fonts
}

/// The first readable font among `candidates`; a missing or unreadable file is skipped.
pub fn system_cjk_font<'p>(candidates: impl IntoIterator<Item = (&'p Path, u32)>) -> Option<FontData> {
    candidates.into_iter().find_map(|(path, index)| {
        let bytes = std::fs::read(path).ok()?;
        // A font file starts with a known tag; anything else is not used.
        let tag: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
        let known = [*b"ttcf", *b"OTTO", *b"true", [0, 1, 0, 0]].contains(&tag);
        known.then(|| {
            let mut data = FontData::from_owned(bytes);
            data.index = if &tag == b"ttcf" { index } else { 0 };
            data
        })
    })
}

/// Installs the fonts in `ctx`: egui's and the shipped CJK subset.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// When any of `chars` has no glyph in the installed fonts, installs the system's CJK font as
/// well (once). Returns true when it did.
pub fn add_system_font_if_missing(ctx: &egui::Context, chars: impl Iterator<Item = char>) -> bool {
    let installed = egui::Id::unique("credit-health-system-cjk-font");
    if ctx.data(|d| d.get_temp::<bool>(installed)).unwrap_or(false) {
        return false;
    }
    let font = egui::FontId::proportional(14.0);
    let mut chars = chars.filter(|c| !c.is_ascii() && !c.is_whitespace() && !c.is_control());
    if !ctx.fonts_mut(|f| chars.any(|c| !f.has_glyph(&font, c))) {
        return false;
    }
    ctx.data_mut(|d| d.insert_temp(installed, true));
    ctx.set_fonts(font_definitions_with_system());
    true
}
