//! `credit-health present [PERSONA] [--lang zh|en]`: presenter mode on its own, from the
//! personas embedded in the binary. It never opens the data folder.

use clap::Args;

use super::explain::LangArg;
use super::{Action, Io};
use crate::app::settings::system_lang;
use crate::personas;

/// The arguments of `present`.
#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The persona to start with (its id, e.g. current-overdue); the gallery if not given.
    pub persona: Option<String>,
    /// The language; from LC_ALL / LC_MESSAGES / LANG if not given.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Checks the persona and asks `main` to open presenter mode.
pub fn run(io: &mut Io, args: PresentArgs) -> Action {
    if let Some(id) = &args.persona
        && personas::find(id).is_none()
    {
        let ids: Vec<&str> = personas::all().iter().map(|p| p.id).collect();
        let message = format!("credit-health present: no persona \"{id}\"; valid ids: {}", ids.join(", "));
        return Action::Exit(io.fail(&message));
    }
    let lang = args.lang.map_or_else(system_lang, Into::into);
    Action::OpenPresenter { persona: args.persona, lang }
}
