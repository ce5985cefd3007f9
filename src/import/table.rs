//! Finding the bill table in a file and knowing its columns.
//!
//! Exports put a preamble of varying length before the table, so the header is found by its
//! column names, never by counting lines; columns are then found by name, so a re-saved file
//! with columns moved or extra columns still reads.

/// A column the import knows, by what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Time,
    Category,
    Counterparty,
    Description,
    Direction,
    Amount,
    Status,
    Order,
}

impl Field {
    /// Every field; all are needed.
    pub const ALL: [Field; 8] = [
        Field::Time,
        Field::Category,
        Field::Counterparty,
        Field::Description,
        Field::Direction,
        Field::Amount,
        Field::Status,
        Field::Order,
    ];

    /// The header names that mean this field, in either app's export.
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Time => &["交易时间"],
            Field::Category => &["交易分类", "交易类型"],
            Field::Counterparty => &["交易对方"],
            Field::Description => &["商品说明", "商品"],
            Field::Direction => &["收/支"],
            Field::Amount => &["金额", "金额(元)"],
            Field::Status => &["交易状态", "当前状态"],
            Field::Order => &["交易订单号", "交易单号"],
        }
    }

    /// The name to use in messages about this field in `source`'s export.
    pub fn name_in(self, source: super::bill::BillSource) -> &'static str {
        let names = self.names();
        match source {
            super::bill::BillSource::Alipay => names[0],
            super::bill::BillSource::WeChatPay => names[names.len() - 1],
        }
    }
}

/// What a candidate header row turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Header {
    /// A current export's header, with the position of every field.
    Bill { source: super::bill::BillSource, columns: Columns },
    /// A current export's header that lacks a field.
    Missing { source: super::bill::BillSource, field: Field },
    /// The old Alipay web export.
    OldAlipay,
    /// Not a header.
    Other,
}

/// Where each field is in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Columns {
    positions: [usize; Field::ALL.len()],
    /// How many non-empty cells the header has (trailing empty ones left out).
    pub width: usize,
}

impl Columns {
    /// The position of `field`.
    pub fn of(&self, field: Field) -> usize {
        self.positions[field as usize]
    }

    /// The right-most field and its position: a row shorter than this is damaged.
    pub fn last(&self) -> (Field, usize) {
        Field::ALL.iter().map(|f| (*f, self.of(*f))).max_by_key(|(_, at)| *at).unwrap_or((Field::Time, 0))
    }
}

/// A header cell as compared: no padding, tabs or BOM, full-width parentheses made ASCII.
fn normalise(cell: &str) -> String {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '"')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

/// Decides what `cells` is.
pub(crate) fn read_header<S: AsRef<str>>(cells: &[S]) -> Header {
    use super::bill::BillSource;
    let names: Vec<String> = cells.iter().map(|c| normalise(c.as_ref())).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("交易创建时间") || (has("交易号") && has("资金状态")) {
        return Header::OldAlipay;
    }
    if !(has("交易时间") && has("收/支") && (has("金额") || has("金额(元)"))) {
        return Header::Other;
    }
    let wechat = has("交易单号") || has("交易类型") || has("当前状态") || has("金额(元)");
    let source = if wechat { BillSource::WeChatPay } else { BillSource::Alipay };
    let mut positions = [0; Field::ALL.len()];
    for field in Field::ALL {
        match names.iter().position(|n| field.names().contains(&n.as_str())) {
            Some(at) => positions[field as usize] = at,
            None => return Header::Missing { source, field },
        }
    }
    let width = names.iter().rposition(|n| !n.is_empty()).map_or(0, |i| i + 1);
    Header::Bill { source, columns: Columns { positions, width } }
}

#[cfg(test)]
mod tests {
    use super::super::bill::BillSource;
    use super::*;

    const ALIPAY: &str =
        "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,";
    const WECHAT: &str = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注";

    fn header(line: &str) -> Header {
        read_header(&line.split(',').collect::<Vec<_>>())
    }

    #[test]
    fn headers_are_recognised_by_their_names() {
        let Header::Bill { source, columns } = header(ALIPAY) else { panic!("{:?}", header(ALIPAY)) };
        assert_eq!(
            (source, columns.of(Field::Amount), columns.of(Field::Order), columns.width),
            (BillSource::Alipay, 6, 9, 12)
        );
        let Header::Bill { source, columns } = header(WECHAT) else { panic!("{:?}", header(WECHAT)) };
        assert_eq!((source, columns.of(Field::Amount), columns.last()), (BillSource::WeChatPay, 5, (Field::Order, 8)));
        let padded = " 交易时间 ,\"收/支\",金额（元）\t,交易单号,交易类型,交易对方,商品,当前状态";
        assert!(matches!(header(padded), Header::Bill { source: BillSource::WeChatPay, .. }));
    }

    #[test]
    fn other_rows_are_not_headers() {
        let old = "交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态";
        assert_eq!(header(old), Header::OldAlipay);
        assert_eq!(header("起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]"), Header::Other);
        let missing = "交易时间,交易分类,交易对方,商品说明,收/支,金额,交易状态";
        assert_eq!(header(missing), Header::Missing { source: BillSource::Alipay, field: Field::Order });
    }
}
