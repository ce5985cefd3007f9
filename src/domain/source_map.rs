//! Finds where a record or field stands in a data file's text, so that problems found after
//! parsing can still name a line and column. A light scan of the RON text, not a second parser:
//! when it cannot find a place it says nothing rather than something wrong.

use super::validate::Place;

/// Where `list`'s record with id `record_id` (and, when given, its `field`) starts in `text`.
pub fn locate(text: &str, list: &str, record_id: Option<&str>, field: Option<&str>) -> Option<Place> {
    let section_start = find_key(text, 0, text.len(), list)?;
    let Some(id) = record_id else {
        return Some(place_of(text, section_start));
    };
    let id_pos = find_record_id(text, section_start, id)?;
    let Some(field) = field else {
        return Some(place_of(text, id_pos));
    };
    let open = text[..id_pos].rfind('(')?;
    let close = matching_close(text, open).unwrap_or(text.len());
    let field_pos = find_key(text, open, close, field).unwrap_or(id_pos);
    Some(place_of(text, field_pos))
}

/// The 1-based line and column of a byte offset.
pub fn place_of(text: &str, offset: usize) -> Place {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Place { line, column }
}

/// The offset of `key:` between `from` and `to`, outside strings and comments, as a whole word.
fn find_key(text: &str, from: usize, to: usize, key: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = skip_line(bytes, i),
            _ if text[i..].starts_with(key) && is_word_start(bytes, i) => {
                let after = skip_spaces(bytes, i + key.len());
                if bytes.get(after) == Some(&b':') {
                    return Some(i);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// The offset of `id: "<id>"` after `from`.
fn find_record_id(text: &str, from: usize, id: &str) -> Option<usize> {
    let mut start = from;
    while let Some(pos) = find_key(text, start, text.len(), "id") {
        let colon = skip_spaces(text.as_bytes(), pos + 2);
        let value = skip_spaces(text.as_bytes(), colon + 1);
        if text.as_bytes().get(value) == Some(&b'"') {
            let end = skip_string(text.as_bytes(), value);
            if text.get(value + 1..end.saturating_sub(1)) == Some(id) {
                return Some(pos);
            }
        }
        start = pos + 2;
    }
    None
}

fn matching_close(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_word_start(bytes: &[u8], i: usize) -> bool {
    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// From an opening quote, the offset just past the closing one.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_line(bytes: &[u8], start: usize) -> usize {
    bytes[start..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |p| start + p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "(\n  accounts: [\n    (id: \"a\", lender: \"x\"),\n  ],\n  draws: [\n    // id: \"d1\" in a comment\n    (id: \"d1\", account: \"a\",\n     amount: \"0\"),\n  ],\n)";

    #[test]
    fn finds_records_and_fields() {
        assert_eq!(locate(TEXT, "draws", Some("d1"), None), Some(Place { line: 7, column: 6 }));
        assert_eq!(locate(TEXT, "draws", Some("d1"), Some("amount")), Some(Place { line: 8, column: 6 }));
        assert_eq!(locate(TEXT, "accounts", Some("a"), Some("lender")), Some(Place { line: 3, column: 15 }));
    }

    #[test]
    fn says_nothing_when_it_cannot_find() {
        assert_eq!(locate(TEXT, "draws", Some("zz"), None), None);
        assert_eq!(locate(TEXT, "events", None, None), None);
    }
}
