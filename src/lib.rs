//! Credit Health: explains, offline and from a person's own records, why a revolving credit
//! limit is zero, stuck or falling, and what would change it, by when.
//!
//! Dependencies run one way: `ui -> app -> {engine, store, import} -> domain`.
//! - [`domain`]: pure data types and validation of the schema-1 data file.
//! - [`import`]: Alipay and WeChat Pay bill exports to domain records, merged without duplicates.

pub mod domain;
pub mod import;
pub mod personas;
