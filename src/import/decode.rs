//! Bytes to text. Alipay writes GBK; WeChat Pay and spreadsheet programs write UTF-8 (often
//! with a byte-order mark) and sometimes UTF-16 ("Unicode text"). The encoding is never
//! declared in the file, so it is detected: a BOM wins, then strict UTF-8, then strict GB18030
//! (a superset of GBK). Text that decodes in neither is refused rather than read as mojibake.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::error::{ImportError, Loc};

/// Text decoded from a file, and the encoding it was in.
pub(crate) struct Decoded<'a> {
    /// The text, without any byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding's name, for the summary.
    pub encoding: &'static str,
}

/// Decodes `bytes`, refusing anything that is not text.
pub(crate) fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: file.to_string() });
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        strict(file, rest, encoding_rs::UTF_8)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        strict(file, rest, UTF_16LE)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        strict(file, rest, UTF_16BE)?
    } else if let Some(text) = utf8_cut_or_whole(bytes) {
        Decoded { text: Cow::Borrowed(text), encoding: "UTF-8" }
    } else {
        strict(file, bytes, GB18030)?
    };
    if let Some(offset) = decoded.text.find(is_binary_char) {
        return Err(not_text(file, &decoded.text[..offset]));
    }
    Ok(decoded)
}

/// UTF-8 text, also when the file was cut inside its last character (the cut row is then
/// reported as cut off, which says more than "not UTF-8").
fn utf8_cut_or_whole(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) if error.error_len().is_none() => std::str::from_utf8(&bytes[..error.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

/// Decodes without replacement characters: a byte that makes no sense is an error at its line.
/// A file cut inside its last character is decoded up to the cut, for the same reason as above.
fn strict<'a>(file: &str, bytes: &'a [u8], encoding: &'static Encoding) -> Result<Decoded<'a>, ImportError> {
    let whole_or_cut = (0..=3usize)
        .filter(|cut| *cut < bytes.len())
        .find_map(|cut| encoding.decode_without_bom_handling_and_without_replacement(&bytes[..bytes.len() - cut]));
    match whole_or_cut {
        Some(text) => Ok(Decoded { text, encoding: display_name(encoding) }),
        None => {
            // Find the line of the first bad byte by decoding with replacement; only on the error path.
            let (lossy, _) = encoding.decode_without_bom_handling(bytes);
            let before = lossy.split('\u{FFFD}').next().unwrap_or_default();
            Err(not_text(file, before))
        }
    }
}

/// The encoding's name as people know it: Alipay's "GBK" is read as its superset GB18030.
fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 { "GBK/GB18030" } else { encoding.name() }
}

fn not_text(file: &str, before: &str) -> ImportError {
    ImportError::NotText { file: file.to_string(), at: Loc::line(before.matches('\n').count() + 1) }
}

/// Control characters never found in a bill export; a NUL means a binary file read as text.
fn is_binary_char(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected() {
        let text = "交易时间,金额\n";
        let (gbk, _, _) = GB18030.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let mut utf16 = b"\xFF\xFE".to_vec();
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let cases: [(&[u8], &str); 4] =
            [(text.as_bytes(), "UTF-8"), (&gbk, "GBK/GB18030"), (&bom, "UTF-8"), (&utf16, "UTF-16LE")];
        for (bytes, encoding) in cases {
            let decoded = decode("f.csv", bytes).map(|d| (d.text.into_owned(), d.encoding));
            assert_eq!(decoded, Ok((text.to_string(), encoding)), "{encoding}");
        }
    }

    #[test]
    fn binary_is_refused_at_its_line() {
        let error = decode("f.csv", b"line one\nline two\n\x00\x01\x02").err();
        assert_eq!(error, Some(ImportError::NotText { file: "f.csv".into(), at: Loc::line(3) }));
        assert!(matches!(decode("f.csv", b""), Err(ImportError::Empty { .. })));
    }
}
