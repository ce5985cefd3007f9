//! Small reusable widgets.

pub mod chip;
pub mod date_field;
pub mod evidence;
pub mod gauge;
