//! Built-in sample people ("personas") for exploring the app and for literacy sessions.
//! Their files are schema-1 data files under `assets/personas/`, embedded in the binary.

use crate::domain::{DataFile, Problem, Text, check_text};

/// A built-in sample person.
#[derive(Clone, Debug)]
pub struct Persona {
    /// Stable id, also the file name without `.ron`.
    pub id: &'static str,
    /// A one-line story for the gallery.
    pub story: Text,
    /// The data file's text.
    pub source: &'static str,
}

impl Persona {
    /// The persona's records (every built-in file is valid; a test checks it).
    pub fn data(&self) -> Result<DataFile, Vec<Problem>> {
        check_text(self.source)
    }
}

macro_rules! persona {
    ($id:literal, $zh:literal, $en:literal) => {
        Persona {
            id: $id,
            story: Text { zh: String::new(), en: String::new() },
            source: include_str!(concat!("../assets/personas/", $id, ".ron")),
        }
        .with_story($zh, $en)
    };
}

impl Persona {
    fn with_story(mut self, zh: &str, en: &str) -> Self {
        self.story = Text::new(zh, en);
        self
    }
}

/// Every built-in persona, in gallery order.
pub fn all() -> Vec<Persona> {
    vec![persona!(
        "new-user",
        "小李刚开通七周，还没有借过钱：额度为零。",
        "Xiao Li opened the account seven weeks ago and has never borrowed: the limit is zero."
    )]
}

/// The persona with this id.
pub fn find(id: &str) -> Option<Persona> {
    all().into_iter().find(|p| p.id == id)
}
