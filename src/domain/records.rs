//! The records of schema 1: one person's profile, accounts and everything that happened on them.
//!
//! Optional fields carry `#[serde(default)]` so that files written without them, and files from
//! before a field was added, still load.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::money::{Money, Percent};

/// The data file schema this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One person's whole record: what the data file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// The format version; see [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Who the record is about, and which line is explained.
    pub profile: Profile,
    /// Credit lines, cards and loans.
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// Money borrowed.
    #[serde(default)]
    pub draws: Vec<Draw>,
    /// Monthly bills of card-like accounts.
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// Money paid back.
    #[serde(default)]
    pub repayments: Vec<Repayment>,
    /// Limits the lender's app showed on a given day.
    #[serde(default)]
    pub observed_limits: Vec<ObservedLimit>,
    /// Credit-report inquiries.
    #[serde(default)]
    pub inquiries: Vec<Inquiry>,
    /// Account events: logins, device changes, flags, notices.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// The person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// A name or nickname, for the screen only.
    #[serde(default)]
    pub name: Option<String>,
    /// When the platform account was opened.
    pub joined: NaiveDate,
    /// Whether real-name identity verification is complete.
    pub identity_verified: bool,
    /// Self-reported monthly income after tax.
    #[serde(default)]
    pub monthly_income: Option<Money>,
    /// Savings that could repay debt.
    #[serde(default)]
    pub liquid_assets: Option<Money>,
    /// The id of the account whose limit is explained.
    pub target: String,
}

/// What kind of credit an account is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AccountKind {
    /// A revolving cash line such as 借呗.
    CashLine,
    /// A credit card.
    CreditCard,
    /// Buy now, pay later such as 花呗.
    BuyNowPayLater,
    /// A fixed instalment loan.
    InstallmentLoan,
    /// A mortgage.
    Mortgage,
    /// Anything else.
    Other,
}

impl AccountKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [AccountKind; 6] = [
        AccountKind::CashLine,
        AccountKind::CreditCard,
        AccountKind::BuyNowPayLater,
        AccountKind::InstallmentLoan,
        AccountKind::Mortgage,
        AccountKind::Other,
    ];

    /// True for accounts billed by monthly statements with a revolving balance.
    pub fn is_card_like(self) -> bool {
        matches!(self, AccountKind::CreditCard | AccountKind::BuyNowPayLater)
    }
}

/// A credit line, card or loan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Unique among accounts.
    pub id: String,
    /// Who lends (shown to the person, and counted for multi-lender borrowing).
    pub lender: String,
    /// What kind of credit.
    pub kind: AccountKind,
    /// When it was opened.
    pub opened: NaiveDate,
    /// Its credit limit, where it has one (cards).
    #[serde(default)]
    pub limit: Option<Money>,
    /// When it was closed, if it was.
    #[serde(default)]
    pub closed: Option<NaiveDate>,
    /// The last day covered by the bill exports imported into this account. Draws imported
    /// from an export get guessed terms, and the export cannot show repayments after its last
    /// day, so amounts falling due after this day are not judged on time or overdue.
    /// Written only when set (older files and typed accounts have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_until: Option<NaiveDate>,
}

impl Account {
    /// True when the account is open on `day`.
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.opened <= day && self.closed.is_none_or(|closed| day < closed)
    }
}

/// How a draw is paid back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RepayMethod {
    /// 等额本息: equal monthly payments of principal and interest.
    EqualInstallments,
    /// 等额本金: equal principal each month, interest on what remains.
    EqualPrincipal,
    /// 先息后本: interest monthly, principal at the end.
    InterestFirst,
    /// 到期还本付息: everything at the end.
    Bullet,
}

impl RepayMethod {
    /// Every method, in the order forms list them.
    pub const ALL: [RepayMethod; 4] =
        [RepayMethod::EqualInstallments, RepayMethod::EqualPrincipal, RepayMethod::InterestFirst, RepayMethod::Bullet];

    /// True when the draw is repaid in monthly instalments of principal.
    pub fn is_instalment(self) -> bool {
        matches!(self, RepayMethod::EqualInstallments | RepayMethod::EqualPrincipal)
    }
}

/// Money borrowed from an account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draw {
    /// Unique among draws.
    pub id: String,
    /// The account drawn on.
    pub account: String,
    /// When the money was drawn (local time).
    pub at: NaiveDateTime,
    /// How much was borrowed.
    pub amount: Money,
    /// How many months to repay (at least one).
    pub term_months: u32,
    /// How it is repaid.
    pub repay: RepayMethod,
    /// Daily interest rate in percent, where known (`"0.03"` = 0.03 % a day).
    #[serde(default)]
    pub daily_rate_pct: Option<Percent>,
}

/// A monthly bill of a card-like account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Unique among statements.
    pub id: String,
    /// The account billed.
    pub account: String,
    /// The day the bill closed.
    pub closing: NaiveDate,
    /// The day it must be paid by.
    pub due: NaiveDate,
    /// The balance billed.
    pub balance: Money,
    /// The least that must be paid by the due date.
    pub minimum: Money,
}

/// Money paid back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repayment {
    /// Unique among repayments.
    pub id: String,
    /// The account paid.
    pub account: String,
    /// The draw it repays, where known.
    #[serde(default)]
    pub draw: Option<String>,
    /// When it was paid (local time).
    pub at: NaiveDateTime,
    /// How much.
    pub amount: Money,
}

/// A limit the lender's app showed on a given day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservedLimit {
    /// Unique among observed limits.
    pub id: String,
    /// The account.
    pub account: String,
    /// The day it was seen.
    pub on: NaiveDate,
    /// The limit shown.
    pub limit: Money,
}

/// Why a credit report was looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InquiryPurpose {
    /// 贷款审批: a lender deciding on a loan.
    LoanApproval,
    /// 信用卡审批: a bank deciding on a card.
    CardApproval,
    /// 贷后管理: an existing lender reviewing.
    PostLoanReview,
    /// 本人查询: the person looking at their own report.
    SelfQuery,
}

impl InquiryPurpose {
    /// Every purpose, in the order forms list them.
    pub const ALL: [InquiryPurpose; 4] = [
        InquiryPurpose::LoanApproval,
        InquiryPurpose::CardApproval,
        InquiryPurpose::PostLoanReview,
        InquiryPurpose::SelfQuery,
    ];

    /// True when the inquiry came from an application for new credit.
    pub fn is_application(self) -> bool {
        matches!(self, InquiryPurpose::LoanApproval | InquiryPurpose::CardApproval)
    }
}

/// A credit-report inquiry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inquiry {
    /// Unique among inquiries.
    pub id: String,
    /// The day of the inquiry.
    pub on: NaiveDate,
    /// Who looked.
    pub by: String,
    /// Why.
    pub purpose: InquiryPurpose,
}

/// What kind of account event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    /// A login the platform found unusual.
    AbnormalLogin,
    /// The account moved to a new device.
    DeviceChange,
    /// Flagged for cash-out (套现).
    CashOutFlag,
    /// Flagged for fraud.
    FraudFlag,
    /// Profile details changed.
    ProfileChange,
    /// The lender sent a notice about the limit.
    LimitNotice,
    /// Anything else.
    Other,
}

impl EventKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [EventKind; 7] = [
        EventKind::AbnormalLogin,
        EventKind::DeviceChange,
        EventKind::CashOutFlag,
        EventKind::FraudFlag,
        EventKind::ProfileChange,
        EventKind::LimitNotice,
        EventKind::Other,
    ];
}

/// Something that happened on the account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique among events.
    pub id: String,
    /// When (local time).
    pub at: NaiveDateTime,
    /// What.
    pub kind: EventKind,
    /// A note in the person's words.
    #[serde(default)]
    pub note: Option<String>,
}

impl DataFile {
    /// An empty record for a person who joined on `joined`, explaining the account `target`.
    pub fn empty(joined: NaiveDate, target: &str) -> Self {
        DataFile {
            schema: SCHEMA_VERSION,
            profile: Profile {
                name: None,
                joined,
                identity_verified: false,
                monthly_income: None,
                liquid_assets: None,
                target: target.to_string(),
            },
            accounts: Vec::new(),
            draws: Vec::new(),
            statements: Vec::new(),
            repayments: Vec::new(),
            observed_limits: Vec::new(),
            inquiries: Vec::new(),
            events: Vec::new(),
        }
    }

    /// How many records the file holds (accounts and everything below them).
    pub fn record_count(&self) -> usize {
        self.accounts.len()
            + self.draws.len()
            + self.statements.len()
            + self.repayments.len()
            + self.observed_limits.len()
            + self.inquiries.len()
            + self.events.len()
    }

    /// The account with this id.
    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// The line whose limit is explained.
    pub fn target_account(&self) -> Option<&Account> {
        self.account(&self.profile.target)
    }
}
