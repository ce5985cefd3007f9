//! Writes a generated 10-year, 100,000-record history into a data folder, to try the app (and
//! measure first frame, memory and idle CPU) with a big file:
//! `cargo run --release --example big_file -- DIR` then `CREDIT_HEALTH_DATA_DIR=DIR credit-health`.

use chrono::NaiveDate;
use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: big_file DIR")?;
    let end = NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("date")?;
    let opts = GenerateOptions { years: 10, target_records: 100_000, seed: 2025, end, ..GenerateOptions::default() };
    let data = generate(&opts);
    Store::open(std::path::Path::new(&dir))?.save(&data)?;
    println!("{dir}: {} records", data.record_count());
    Ok(())
}
