//! Save-then-load gives equal data, for any valid data file (proptest) and for the shared
//! examples; `write_atomic` gives back exactly the bytes, with private permissions.

mod common;

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use credit_health::domain::*;
use credit_health::store::{LoadOutcome, Store, data_file_text, read_bytes, write_atomic};
use proptest::prelude::*;

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default() + Days::new(u64::from(offset % 18_000))
}

fn time(date: NaiveDate, seconds: u32) -> NaiveDateTime {
    date.and_hms_opt(0, 0, 0).unwrap_or_default() + TimeDelta::seconds(i64::from(seconds % 86_400))
}

/// Anything a person might type, including quotes, backslashes, newlines and other scripts.
fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z0-9]{1,8}", "[\"\\\\\n\t\r a-z借呗¥😀]{0,12}", any::<String>()]
}

fn money(min_fen: i64) -> impl Strategy<Value = Money> {
    (min_fen..1_000_000_000_000i64).prop_map(Money::from_fen)
}

fn kind() -> impl Strategy<Value = AccountKind> {
    prop::sample::select(AccountKind::ALL.to_vec())
}

prop_compose! {
    fn accounts()(raw in prop::collection::vec(
        (text(), text(), kind(), any::<u32>(), prop::option::of(money(0)), prop::option::of(0u32..5_000)), 1..5)
    ) -> Vec<Account> {
        raw.into_iter().enumerate().map(|(i, (suffix, lender, kind, opened, limit, closed))| {
            let opened = day(opened);
            // Every other account carries an import's last day, so the optional field round-trips too.
            let imported_until = closed.filter(|d| d % 2 == 0).map(|d| opened + Days::new(u64::from(d / 2)));
            Account { id: format!("a{i}-{suffix}"), lender, kind, opened, limit, closed: closed.map(|d| opened + Days::new(u64::from(d))), imported_until }
        }).collect()
    }
}

prop_compose! {
    fn data_file()(
        accounts in accounts(),
        profile in (prop::option::of(text()), any::<u32>(), any::<bool>(), prop::option::of(money(0)), prop::option::of(money(0)), any::<usize>()),
        draws in prop::collection::vec((text(), any::<usize>(), any::<u32>(), any::<u32>(), money(1), 1u32..480,
            prop::sample::select(RepayMethod::ALL.to_vec()), prop::option::of(0i64..1_000_000_000)), 0..6),
        statements in prop::collection::vec((any::<usize>(), any::<u32>(), 0u32..60, money(0), 0i64..=100), 0..6),
        repayments in prop::collection::vec((any::<usize>(), prop::option::of(any::<usize>()), any::<u32>(), money(1)), 0..6),
        observed in prop::collection::vec((any::<usize>(), any::<u32>(), money(0)), 0..4),
        inquiries in prop::collection::vec((any::<u32>(), text(), prop::sample::select(InquiryPurpose::ALL.to_vec())), 0..4),
        events in prop::collection::vec((any::<u32>(), any::<u32>(), prop::sample::select(EventKind::ALL.to_vec()), prop::option::of(text())), 0..4),
    ) -> DataFile {
        let (name, joined, identity_verified, monthly_income, liquid_assets, target) = profile;
        let pick = |n: usize| &accounts[n % accounts.len()];
        let mut data = DataFile::empty(day(joined), &pick(target).id);
        data.profile = Profile { name, identity_verified, monthly_income, liquid_assets, ..data.profile };
        data.draws = draws.into_iter().enumerate().map(|(i, (suffix, account, offset, seconds, amount, term_months, repay, rate))| {
            let account = pick(account);
            let span = account.closed.map_or(5_000, |c| (c - account.opened).num_days() as u32);
            let at = time(account.opened + Days::new(u64::from(offset % (span + 1))), seconds);
            let at = at.max(time(account.opened, 0));
            let at = account.closed.map_or(at, |c| at.min(time(c, 0)));
            Draw { id: format!("d{i}-{suffix}"), account: account.id.clone(), at, amount, term_months, repay, daily_rate_pct: rate.map(Percent::from_units) }
        }).collect();
        data.statements = statements.into_iter().enumerate().map(|(i, (account, closing, days, balance, share))| {
            let closing = day(closing);
            Statement { id: format!("s{i}"), account: pick(account).id.clone(), closing, due: closing + Days::new(u64::from(days)), balance, minimum: balance.mul_ratio(share, 100) }
        }).collect();
        data.repayments = repayments.into_iter().enumerate().map(|(i, (account, draw, seconds, amount))| {
            let draw = draw.filter(|_| !data.draws.is_empty()).map(|n| &data.draws[n % data.draws.len()]);
            let (account, at) = match draw {
                Some(d) => (d.account.clone(), d.at + TimeDelta::seconds(i64::from(seconds % 10_000_000))),
                None => (pick(account).id.clone(), time(day(seconds), seconds)),
            };
            Repayment { id: format!("r{i}"), account, draw: draw.map(|d| d.id.clone()), at, amount }
        }).collect();
        data.observed_limits = observed.into_iter().enumerate().map(|(i, (account, on, limit))|
            ObservedLimit { id: format!("o{i}"), account: pick(account).id.clone(), on: day(on), limit }).collect();
        data.inquiries = inquiries.into_iter().enumerate().map(|(i, (on, by, purpose))|
            Inquiry { id: format!("q{i}"), on: day(on), by, purpose }).collect();
        data.events = events.into_iter().enumerate().map(|(i, (on, seconds, kind, note))|
            Event { id: format!("e{i}"), at: time(day(on), seconds), kind, note }).collect();
        data.accounts = accounts;
        data
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn saved_data_loads_back_equal(data in data_file()) {
        let problems = validate(&data);
        prop_assert!(problems.is_empty(), "the strategy made an invalid file: {problems:?}");
        // The store's fast writer writes exactly what the domain's reference writer does.
        prop_assert_eq!(data_file_text(&data), write_data_file(&data).map_err(|e| TestCaseError::fail(e.to_string()))?);
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut store = Store::open(dir.path()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        store.save(&data).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = store.load().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded, LoadOutcome::Loaded(data));
    }

    #[test]
    fn write_atomic_gives_back_exactly_the_bytes(first in prop::collection::vec(any::<u8>(), 0..4096),
                                                 second in prop::collection::vec(any::<u8>(), 0..4096)) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("settings.ron");
        for bytes in [&first, &second] {
            write_atomic(&path, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&read_bytes(&path).map_err(|e| TestCaseError::fail(e.to_string()))?, bytes);
        }
        prop_assert!(common::temporaries(dir.path()).is_empty());
    }
}

#[test]
fn the_shared_examples_and_a_generated_history_round_trip_through_the_store() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let examples = [common::FULL, common::NEW_USER].map(|text| check_text(text).unwrap_or_else(|p| panic!("{p:?}")));
    let large = credit_health::domain::generate::generate(&credit_health::domain::generate::GenerateOptions {
        target_records: 5_000,
        ..Default::default()
    });
    for data in examples.into_iter().chain([common::small(7), large]) {
        assert_eq!(Ok(data_file_text(&data)), write_data_file(&data));
        store.save(&data).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.load().ok(), Some(LoadOutcome::Loaded(data)));
    }
}

#[cfg(unix)]
#[test]
fn files_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store_dir = dir.path().join("new").join("store");
    let mut store = Store::open(&store_dir).unwrap_or_else(|e| panic!("{e}"));
    store.save(&common::small(1)).unwrap_or_else(|e| panic!("{e}"));
    store.save(&common::small(2)).unwrap_or_else(|e| panic!("{e}"));
    let settings = dir.path().join("settings.ron");
    write_atomic(&settings, b"()").unwrap_or_else(|e| panic!("{e}"));
    let backup = store.backups().unwrap_or_default().remove(0).path;
    let mode = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777).unwrap_or(0);
    let cases = [
        (store_dir.clone(), 0o700),
        (store.backup_dir(), 0o700),
        (store.data_path(), 0o600),
        (backup, 0o600),
        (store_dir.join(".lock"), 0o600),
        (settings, 0o600),
    ];
    for (path, expected) in cases {
        assert_eq!(mode(&path), expected, "{}", path.display());
    }
}
