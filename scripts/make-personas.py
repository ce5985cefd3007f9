#!/usr/bin/env python3
"""Writes the built-in personas (assets/personas/*.ron) — one per scenario in the seed articles.

Each persona is a plain schema-1 data file; this script only saves typing the months of on-time
repayments that make a record realistic. Story date for all: 2026-11-15 (see src/personas.rs).
Run: python3 scripts/make-personas.py
"""
import datetime as dt
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "personas")
D = dt.date
STORY = dt.date(2026, 11, 15)  # nothing after the story date


def add_months(day, n):
    y, m = divmod(day.month - 1 + n, 12)
    y += day.year
    m += 1
    for d in range(day.day, 27, -1):
        try:
            return D(y, m, d)
        except ValueError:
            continue
    return D(y, m, min(day.day, 28))


def money(fen):
    return f'"{fen // 100}.{fen % 100:02d}"'


class P:
    def __init__(self, name, joined, verified=True, income=None, assets=None, comment=""):
        self.comment = comment
        self.profile = dict(name=name, joined=joined, verified=verified, income=income, assets=assets)
        self.accounts, self.draws, self.statements, self.repayments = [], [], [], []
        self.observed, self.inquiries, self.events = [], [], []
        self.n = {}

    def id(self, prefix):
        self.n[prefix] = self.n.get(prefix, 0) + 1
        return f"{prefix}{self.n[prefix]}"

    def account(self, id, lender, kind, opened, limit=None, closed=None):
        self.accounts.append((id, lender, kind, opened, limit, closed))

    def loan(self, account, at, amount_yuan, term, pay=True, miss_from=None, late=None, repay="EqualPrincipal"):
        """A draw repaid in equal principal; miss_from: first instalment (1-based) left unpaid;
        late: {instalment: days late}."""
        did = self.id("d")
        fen = amount_yuan * 100
        self.draws.append((did, account, at, fen, term, repay))
        for k in range(1, term + 1):
            due = add_months(at.date(), k)
            if miss_from is not None and k >= miss_from:
                break
            if not pay:
                break
            days = (late or {}).get(k, -2)
            when = dt.datetime.combine(due + dt.timedelta(days=days), dt.time(20, 15))
            if when.date() > STORY:
                break
            part = fen * k // term - fen * (k - 1) // term
            self.repayments.append((self.id("r"), account, did, when, part))
        return did

    def card(self, account, first_close, months, balance_yuan, paid="full", late=None):
        """Monthly bills closing on first_close's day; paid in full (or the minimum) two days before due."""
        for i in range(months):
            closing = add_months(first_close, i)
            due = closing + dt.timedelta(days=19)
            bal = balance_yuan[i % len(balance_yuan)] * 100
            minimum = bal // 10
            sid = self.id("s")
            self.statements.append((sid, account, closing, due, bal, minimum))
            days = (late or {}).get(i, -2)
            amount = bal if paid == "full" else minimum
            if amount > 0:
                when = dt.datetime.combine(due + dt.timedelta(days=days), dt.time(21, 0))
                self.repayments.append((self.id("r"), account, None, when, amount))

    def seen(self, account, on, limit_yuan):
        self.observed.append((self.id("o"), account, on, limit_yuan * 100))

    def inquiry(self, on, by, purpose="LoanApproval"):
        self.inquiries.append((self.id("q"), on, by, purpose))

    def event(self, at, kind, note=None):
        self.events.append((self.id("e"), at, kind, note))

    def write(self, file):
        pr = self.profile
        lines = [f"// {self.comment}", "#![enable(implicit_some)]", "(", "    schema: 1,", "    profile: ("]
        lines.append(f'        name: "{pr["name"]}",')
        lines.append(f'        joined: "{pr["joined"]}",')
        lines.append(f'        identity_verified: {"true" if pr["verified"] else "false"},')
        if pr["income"] is not None:
            lines.append(f'        monthly_income: {money(pr["income"] * 100)},')
        if pr["assets"] is not None:
            lines.append(f'        liquid_assets: {money(pr["assets"] * 100)},')
        lines.append('        target: "jiebei",')
        lines.append("    ),")
        lines.append("    accounts: [")
        for id, lender, kind, opened, limit, closed in self.accounts:
            extra = (f", limit: {money(limit * 100)}" if limit else "") + (f', closed: "{closed}"' if closed else "")
            lines.append(f'        (id: "{id}", lender: "{lender}", kind: {kind}, opened: "{opened}"{extra}),')
        lines.append("    ],")
        lines.append("    draws: [")
        for did, account, at, fen, term, repay in sorted(self.draws, key=lambda d: d[2]):
            lines.append(f'        (id: "{did}", account: "{account}", at: "{at.isoformat()}", amount: {money(fen)}, term_months: {term}, repay: {repay}),')
        lines.append("    ],")
        lines.append("    statements: [")
        for sid, account, closing, due, bal, minimum in self.statements:
            lines.append(f'        (id: "{sid}", account: "{account}", closing: "{closing}", due: "{due}", balance: {money(bal)}, minimum: {money(minimum)}),')
        lines.append("    ],")
        lines.append("    repayments: [")
        for rid, account, did, when, fen in sorted(self.repayments, key=lambda r: r[3]):
            draw = f', draw: "{did}"' if did else ""
            lines.append(f'        (id: "{rid}", account: "{account}"{draw}, at: "{when.isoformat()}", amount: {money(fen)}),')
        lines.append("    ],")
        lines.append("    observed_limits: [")
        for oid, account, on, fen in self.observed:
            lines.append(f'        (id: "{oid}", account: "{account}", on: "{on}", limit: {money(fen)}),')
        lines.append("    ],")
        lines.append("    inquiries: [")
        for qid, on, by, purpose in self.inquiries:
            lines.append(f'        (id: "{qid}", on: "{on}", by: "{by}", purpose: {purpose}),')
        lines.append("    ],")
        lines.append("    events: [")
        for eid, at, kind, note in self.events:
            n = f', note: "{note}"' if note else ""
            lines.append(f'        (id: "{eid}", at: "{at.isoformat()}", kind: {kind}{n}),')
        lines.append("    ],")
        lines.append(")")
        with open(os.path.join(OUT, file), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def T(y, m, d, h=14, mi=0):
    return dt.datetime(y, m, d, h, mi)


def healthy(p, since_year=2021, card_limit=20000, balances=(2600, 3100, 1800, 2900), months=30, jiebei_opened=None):
    """A well-kept background: a card paid in full, the line used and repaid on time."""
    p.account("jiebei", "蚂蚁借呗", "CashLine", jiebei_opened or D(since_year, 6, 1))
    p.account("card", "招商银行信用卡", "CreditCard", D(since_year - 1, 9, 10), limit=card_limit)
    p.card("card", add_months(D(2026, 10, 20), -(months - 1)), months, list(balances))
    p.loan("jiebei", T(2024, 2, 12), 3000, 6)
    p.loan("jiebei", T(2025, 3, 8), 6000, 12)
    p.loan("jiebei", T(2026, 6, 10), 2000, 3)


# 1. new-user.ron is the shared example (a person who opened the account seven weeks ago).

p = P("小张", D(2021, 3, 1), income=6000, assets=3000, comment="Current overdue: an instalment of ¥899 unpaid since 2026-09-29 (47 days on 2026-11-15).")
healthy(p)
p.seen("jiebei", D(2026, 3, 1), 8000)
p.loan("jiebei", T(2026, 3, 29, 19, 30), 5394, 6, miss_from=6)
p.write("current-overdue.ron")

p = P("小赵", D(2020, 5, 1), income=9000, assets=5000, comment="Cash-out flag on 2026-07-10: the line is frozen for twelve months.")
healthy(p, since_year=2020)
p.seen("jiebei", D(2026, 6, 1), 15000)
p.event(T(2026, 7, 10, 11), "CashOutFlag", "信用卡套现被识别")
p.event(T(2026, 7, 11, 9), "LimitNotice", "借呗暂停使用")
p.seen("jiebei", D(2026, 7, 12), 0)
p.write("cash-out-freeze.ron")

p = P("小孙", D(2024, 2, 1), verified=False, income=7000, comment="Identity never verified: a good card record, but no limit can be granted.")
p.account("jiebei", "蚂蚁借呗", "CashLine", D(2024, 2, 1))
p.account("card", "工商银行信用卡", "CreditCard", D(2023, 6, 1), limit=15000)
p.card("card", D(2024, 11, 20), 24, [1800, 2400, 1500])
p.seen("jiebei", D(2026, 10, 1), 0)
p.write("unverified-identity.ron")

p = P("小周", D(2021, 1, 10), income=8000, assets=2000, comment="Many lenders (多头借贷): three new platforms since May 2026.")
healthy(p)
p.seen("jiebei", D(2026, 4, 1), 12000)
p.loan("xf", T(2026, 5, 12), 6000, 12)
p.loan("wdA", T(2026, 6, 3), 3000, 6)
p.loan("wdB", T(2026, 8, 21), 2400, 6)
p.account("xf", "某消费金融", "InstallmentLoan", D(2026, 5, 12))
p.account("wdA", "某网贷A", "InstallmentLoan", D(2026, 6, 3))
p.account("wdB", "某网贷B", "InstallmentLoan", D(2026, 8, 21))
p.inquiry(D(2026, 5, 10), "某消费金融")
p.inquiry(D(2026, 6, 2), "某网贷A")
p.inquiry(D(2026, 8, 20), "某网贷B")
p.seen("jiebei", D(2026, 10, 25), 8400)
p.write("many-lenders.ron")

p = P("小吴", D(2020, 8, 1), income=7500, assets=4000, comment="Recent overdue: 45 days late in spring 2026, repaid in May; cooling down until May 2027.")
healthy(p, since_year=2020)
p.seen("jiebei", D(2026, 1, 5), 10000)
p.loan("jiebei", T(2026, 1, 15), 3600, 6, late={2: 45, 3: 15})
p.write("recent-overdue.ron")

p = P("小郑", D(2020, 4, 1), income=9000, assets=1000, comment="High card utilisation: two cards about 85% used, paying only the minimum.")
p.account("jiebei", "蚂蚁借呗", "CashLine", D(2020, 6, 1))
p.account("card", "建设银行信用卡", "CreditCard", D(2019, 3, 1), limit=20000)
p.account("card2", "平安银行信用卡", "CreditCard", D(2021, 5, 1), limit=10000)
p.card("card", D(2025, 11, 20), 12, [12000, 14500, 16800, 17200])
p.card("card2", D(2025, 11, 25), 12, [7200, 8100, 8600, 8900], paid="min")
p.loan("jiebei", T(2025, 2, 10), 6000, 12)
p.loan("jiebei", T(2026, 5, 6), 3000, 6)
p.seen("jiebei", D(2026, 2, 1), 15000)
p.seen("jiebei", D(2026, 10, 28), 12000)
p.write("high-utilisation.ron")

p = P("老陈", D(2019, 3, 1), income=12000, assets=80000, comment="Unused line: ¥30,000 granted, never drawn since spring 2024.")
p.account("jiebei", "蚂蚁借呗", "CashLine", D(2019, 5, 1))
p.account("card", "中信银行信用卡", "CreditCard", D(2018, 1, 1), limit=30000)
p.card("card", D(2024, 11, 20), 24, [1500, 2000, 1200])
p.loan("jiebei", T(2024, 3, 2), 2000, 3)
p.seen("jiebei", D(2024, 6, 1), 30000)
p.write("unused-line.ron")

p = P("小林", D(2022, 7, 1), income=5000, assets=500, comment="Frequent small draws: eleven draws under ¥500 in three months.")
healthy(p, since_year=2022)
p.seen("jiebei", D(2026, 6, 1), 6000)
for i, (m, d, amount) in enumerate([(8, 20, 300), (8, 29, 200), (9, 5, 450), (9, 12, 260), (9, 21, 380), (9, 30, 200), (10, 6, 480), (10, 15, 300), (10, 24, 250), (11, 2, 400), (11, 9, 350)]):
    p.loan("jiebei", T(2026, m, d, 12 + i % 8), amount, 1, repay="Bullet", pay=add_months(D(2026, m, d), 1) <= D(2026, 11, 15))
p.seen("jiebei", D(2026, 11, 12), 4800)
p.write("frequent-small-draws.ron")

p = P("小何", D(2021, 9, 1), income=10000, assets=6000, comment="Large draws at night: ¥8,000 at 02:40 and ¥12,000 at 01:15.")
healthy(p)
p.seen("jiebei", D(2026, 7, 1), 20000)
p.loan("jiebei", T(2026, 9, 14, 2, 40), 8000, 12)
p.loan("jiebei", T(2026, 10, 27, 1, 15), 12000, 12)
p.seen("jiebei", D(2026, 11, 5), 16000)
p.write("night-draws.ron")

p = P("小刘", D(2019, 6, 1), income=15000, assets=50000, comment="A drop the record does not explain: ¥50,000 → ¥20,000 with a clean record.")
healthy(p, since_year=2019, card_limit=40000)
p.seen("jiebei", D(2026, 5, 1), 50000)
p.event(T(2026, 10, 20, 10), "LimitNotice", "额度调整通知")
p.seen("jiebei", D(2026, 10, 20), 20000)
p.write("unexplained-drop.ron")

p = P("小陈", D(2018, 4, 1), income=16000, assets=60000, comment="Healthy and rising: years of on-time payments, low card use, steady income.")
healthy(p, since_year=2018, card_limit=50000, balances=(3200, 4100, 2800))
p.loan("jiebei", T(2026, 4, 18), 9000, 6)
p.seen("jiebei", D(2026, 2, 1), 20000)
p.seen("jiebei", D(2026, 9, 1), 26000)
p.write("healthy-rising.ron")
print("written to", os.path.normpath(OUT))
