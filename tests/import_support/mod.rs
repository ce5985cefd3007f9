//! Shared by the import tests: the fixtures under `tests/fixtures/import/`, how the binary ones
//! are made from their UTF-8 sources, and small builders.
//!
//! The Alipay exports are written as UTF-8 text (`*.txt`, LF) and encoded to GBK with CRLF the
//! way Alipay writes them; the re-saved copy, the `.xlsx`, the cut-off file and the garbage are
//! derived from those sources. `committed_fixtures_are_up_to_date` checks the committed bytes
//! against this generator; `UPDATE_FIXTURES=1` rewrites them.

#![allow(dead_code)]

use std::io::{Cursor, Write};
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use credit_health::domain::{Account, AccountKind, DataFile};

/// The fixtures folder.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// A committed fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A committed UTF-8 source.
pub fn source(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every generated fixture: (file name, bytes).
pub fn generated() -> Vec<(&'static str, Vec<u8>)> {
    let q1 = source("alipay-2023-01-04.txt");
    let gbk_q1 = alipay_bytes(&q1);
    vec![
        ("alipay-2023-01-04.csv", gbk_q1.clone()),
        ("alipay-2023-03-06.csv", alipay_bytes(&source("alipay-2023-03-06.txt"))),
        ("alipay-old-web.csv", alipay_bytes(&source("alipay-old-web.txt"))),
        ("alipay-resaved-utf8.csv", resaved(&q1)),
        ("alipay-truncated.csv", cut_mid_row(&gbk_q1)),
        ("wechat-2023-01-04.xlsx", wechat_xlsx(&source("wechat-2023-01-04.csv"))),
        ("garbage.bin", garbage(4096, 99)),
    ]
}

/// UTF-8 text with LF as Alipay writes it: GBK with CRLF.
pub fn alipay_bytes(text: &str) -> Vec<u8> {
    let crlf = text.replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&crlf);
    assert!(!unmappable, "the text has a character GBK cannot hold");
    bytes.into_owned()
}

/// The export as a spreadsheet program saves it again: UTF-8 with a BOM, LF, every text cell
/// quoted, padding and trailing commas gone, times as `2023/1/3 12:20`.
pub fn resaved(text: &str) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let mut in_table = false;
    for line in text.lines() {
        in_table |= line.starts_with("交易时间");
        let mut cells: Vec<String> = line.split(',').map(|c| c.trim_matches(' ').to_string()).collect();
        while cells.len() > 1 && cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if in_table && !line.starts_with("交易时间") {
            cells[0] = spreadsheet_time(&cells[0]);
        }
        let quoted: Vec<String> =
            cells
                .iter()
                .map(|c| {
                    if c.is_ascii() && !c.contains('\t') {
                        c.clone()
                    } else {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    }
                })
                .collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

fn spreadsheet_time(text: &str) -> String {
    let at = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S")
        .unwrap_or_else(|e| panic!("fixture time {text:?}: {e}"));
    at.format("%Y/%-m/%-d %-H:%M").to_string()
}

/// The file cut off in the middle of its last data row (as an interrupted download would be).
pub fn cut_mid_row(bytes: &[u8]) -> Vec<u8> {
    let body = bytes.strip_suffix(b"\r\n").unwrap_or(bytes);
    let last_line = body.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    // About a third into the last row: after its time, inside its category or counterparty.
    let cut = last_line + (body.len() - last_line) / 3;
    bytes[..cut].to_vec()
}

/// Deterministic bytes that are no file format at all.
pub fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as u8
        })
        .collect()
}

/// The WeChat Pay CSV as the `.xlsx` the app also exports: the preamble in column A, then the
/// table; times are spreadsheet serial numbers, everything else is text.
pub fn wechat_xlsx(csv_text: &str) -> Vec<u8> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut in_table = false;
    for line in csv_text.trim_start_matches('\u{FEFF}').lines() {
        if !in_table {
            in_table = line.starts_with("交易时间");
            let cells = if in_table {
                line.split(',').map(|c| Cell::Text(c.to_string())).collect()
            } else {
                vec![Cell::Text(line.to_string())]
            };
            rows.push(cells);
            continue;
        }
        let cells = line
            .split(',')
            .enumerate()
            .map(|(i, c)| {
                let c = c.trim().trim_matches('"');
                if i == 0 { Cell::Number(serial(c)) } else { Cell::Text(c.to_string()) }
            })
            .collect();
        rows.push(cells);
    }
    xlsx(&rows)
}

/// A spreadsheet cell for [`xlsx`].
pub enum Cell {
    /// Inline text.
    Text(String),
    /// A number.
    Number(f64),
}

fn serial(text: &str) -> f64 {
    let at = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default();
    (at - epoch).num_seconds() as f64 / 86_400.0
}

/// A minimal one-sheet `.xlsx` (stored, fixed timestamps, so the bytes are reproducible).
pub fn xlsx(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_name(c), r + 1);
            match cell {
                Cell::Text(text) => sheet.push_str(&format!(
                    r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(text)
                )),
                Cell::Number(value) => sheet.push_str(&format!(r#"<c r="{at}"><v>{value}</v></c>"#)),
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="微信支付账单明细" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    for (name, body) in parts {
        zip.start_file(name, options).unwrap_or_else(|e| panic!("{name}: {e}"));
        zip.write_all(body.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
}

fn column_name(index: usize) -> String {
    let mut n = index + 1;
    let mut name = Vec::new();
    while n > 0 {
        name.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A day.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

/// A time.
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, s).unwrap_or_else(|| panic!("{h}:{min}:{s}"))
}

/// A person's data with the given accounts, explaining `jiebei`.
pub fn data_with(accounts: Vec<Account>) -> DataFile {
    let mut data = DataFile::empty(day(2020, 1, 1), "jiebei");
    data.accounts = accounts;
    data
}

/// An account.
pub fn account(id: &str, lender: &str, kind: AccountKind, opened: NaiveDate) -> Account {
    Account { id: id.into(), lender: lender.into(), kind, opened, limit: None, closed: None, imported_until: None }
}

/// A heavy user's Alipay export of `rows` rows (UTF-8, LF), three in ten of them credit rows
/// (借呗 and 花呗 repayments, 网商贷 draws), one every 53 minutes from 2014 on.
pub fn big_alipay(rows: usize) -> Vec<u8> {
    let mut text = String::from(
        "导出信息：\n起始时间：[2014-01-01 00:00:00]    终止时间：[2023-12-31 23:59:59]\n----------电子客户回单----------\n\
         交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n",
    );
    let start = day(2014, 1, 1).and_hms_opt(8, 0, 0).unwrap_or_default();
    let kinds: [(&str, &str, &str, &str, &str); 10] = [
        ("餐饮美食", "某餐厅", "午餐", "支出", "交易成功"),
        ("信用借还", "蚂蚁借呗", "借呗还款", "不计收支", "交易成功"),
        ("日用百货", "某超市", "超市购物", "支出", "交易成功"),
        ("投资理财", "余额宝", "余额宝-自动转入", "不计收支", "交易成功"),
        ("信用借还", "花呗", "主动还款-花呗账单", "不计收支", "还款成功"),
        ("交通出行", "滴滴出行", "快车", "支出", "交易成功"),
        ("转账红包", "朋友", "转账", "支出", "交易成功"),
        ("退款", "某超市", "退款-超市购物", "收入", "退款成功"),
        ("信用借还", "网商银行", "网商贷-借款放款", "不计收支", "交易成功"),
        ("餐饮美食", "某咖啡", "拿铁", "支出", "交易关闭"),
    ];
    for i in 0..rows {
        let at = start + chrono::Duration::minutes(i as i64 * 53);
        let (category, party, description, direction, status) = kinds[i % kinds.len()];
        let amount = 100 + (i * 7_919) % 500_000;
        text.push_str(&format!(
            "{} ,{category} ,{party} , ,{description} ,{direction} ,{}.{:02} ,余额宝 ,{status} ,{}{:012}\t,,,\n",
            at.format("%Y-%m-%d %H:%M:%S"),
            amount / 100,
            amount % 100,
            at.format("%Y%m%d"),
            i
        ));
    }
    text.into_bytes()
}
