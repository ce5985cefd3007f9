//! Credit Health: explains, offline and from a person's own records, why a revolving credit
//! limit is zero, stuck or falling, and what would change it, by when.
//!
//! Dependencies run one way: `ui -> app -> {engine, store, import} -> domain`.
//! - [`domain`]: pure data types and validation of the schema-1 data file.
//! - [`engine`]: pure evaluation: score, limit, status, reasons, timeline.
//! - [`import`]: Alipay and WeChat Pay bill exports to domain records, merged without duplicates.
//! - [`store`]: the only module that touches the file system: paths, atomic saves, backups, lock.
//! - [`cli`]: the commands of the `credit-health` binary.
//! - [`report`]: the printable HTML report, a pure renderer of an explanation and its plan.
//! - [`app`]: the eframe app: state, commands, undo, background work.
//! - [`ui`]: the views, one per file, and the theme.

pub mod app;
pub mod cli;
pub mod domain;
pub mod engine;
pub mod import;
pub mod personas;
pub mod report;
pub mod store;
pub mod ui;
