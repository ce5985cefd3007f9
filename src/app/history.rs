//! Undo and redo: the edits accepted, newest last.

use super::edit::RecordEdit;

/// The undo and redo stacks of one open record.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<RecordEdit>,
    undone: Vec<RecordEdit>,
}

impl History {
    /// Remembers an edit that was just applied; a new edit forgets what was undone.
    pub fn record(&mut self, edit: RecordEdit) {
        self.done.push(edit);
        self.undone.clear();
    }

    /// The edit that undoes the newest one, moving it to the redo stack.
    pub fn undo(&mut self) -> Option<RecordEdit> {
        let edit = self.done.pop()?;
        let inverse = edit.inverse();
        self.undone.push(edit);
        Some(inverse)
    }

    /// The edit undone last, to apply again, moving it back to the undo stack.
    pub fn redo(&mut self) -> Option<RecordEdit> {
        let edit = self.undone.pop()?;
        self.done.push(edit.clone());
        Some(edit)
    }

    /// Puts back an undo (or redo) whose application failed, so the stacks stay true.
    pub fn revert_undo(&mut self) {
        if let Some(edit) = self.undone.pop() {
            self.done.push(edit);
        }
    }

    /// Puts back a redo whose application failed.
    pub fn revert_redo(&mut self) {
        if let Some(edit) = self.done.pop() {
            self.undone.push(edit);
        }
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Forgets everything (another record was opened).
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}
