//! Lookups and sorts for indexing a record quickly: a map from ids with a cheap hash (the keys
//! are the person's own ids, so there is no one to attack it), and a stable sort by day.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-and-rotate hash over eight bytes at a time (the shape of rustc's FxHash), with
/// a final mix so that ids differing only in their last characters spread over the table.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHash(u64);

const MULTIPLIER: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHash {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for WordHash {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 29)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Byte by byte: a copy of a few bytes of unknown length would be a call to memmove.
            let mut word = 0u64;
            for (i, byte) in rest.iter().enumerate() {
                word |= u64::from(*byte) << (8 * i);
            }
            self.add(word ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
}

/// From how many draws and repayments indexing is split over two threads: below it, starting
/// a thread costs more than it saves.
const ON_TWO_THREADS_FROM: usize = 4_000;

/// True when a record is big enough to index on two threads.
pub fn worth_two_threads(data: &crate::domain::DataFile) -> bool {
    data.draws.len() + data.repayments.len() >= ON_TWO_THREADS_FROM
}

/// Runs `a` and `b`, on two threads when `two` is set (a panic in either goes on as one here).
pub fn both<A: Send, B: Send>(two: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    if !two {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(b);
        let first = a();
        match other.join() {
            Ok(second) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// A map from ids to positions.
pub type IdMap<'a> = HashMap<&'a str, usize, BuildHasherDefault<WordHash>>;

/// A map from ids to positions that owns its ids.
pub type OwnedIdMap = HashMap<Box<str>, usize, BuildHasherDefault<WordHash>>;

/// Maps each id to its position in `items`.
pub fn id_map<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> IdMap<'a> {
    let mut map = IdMap::with_capacity_and_hasher(items.len(), BuildHasherDefault::default());
    for (i, item) in items.iter().enumerate() {
        map.insert(id(item), i);
    }
    map
}

/// Sorts `(day, item)` pairs by day, keeping the order of items with the same day. Counts
/// when the days span a modest range, which is every real record; compares otherwise.
pub fn sort_by_day<T: Copy + Default>(items: &mut Vec<(i32, T)>) {
    let (Some(first), Some(last)) = (items.iter().map(|e| e.0).min(), items.iter().map(|e| e.0).max()) else {
        return;
    };
    let span = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(usize::MAX);
    if span > items.len().saturating_mul(4).max(1 << 16) {
        items.sort_by_key(|e| e.0);
        return;
    }
    let mut starts = vec![0u32; span + 1];
    for (day, _) in items.iter() {
        starts[(day - first) as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut sorted = vec![(0, T::default()); items.len()];
    for item in items.iter() {
        let slot = &mut starts[(item.0 - first) as usize];
        sorted[*slot as usize] = *item;
        *slot += 1;
    }
    *items = sorted;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_day_orders_days_and_keeps_ties_in_their_order() {
        let mut items: Vec<(i32, u32)> = vec![(10, 1), (3, 2), (10, 3), (-5, 4), (3, 5)];
        sort_by_day(&mut items);
        assert_eq!(items, [(-5, 4), (3, 2), (3, 5), (10, 1), (10, 3)]);
        // Days too far apart to count: the same result by comparison.
        let mut far: Vec<(i32, u32)> = vec![(700_000, 1), (1, 2), (300_000, 3), (1, 4)];
        sort_by_day(&mut far);
        assert_eq!(far, [(1, 2), (1, 4), (300_000, 3), (700_000, 1)]);
        let mut empty: Vec<(i32, u32)> = Vec::new();
        sort_by_day(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn ids_map_to_their_positions() {
        let ids = ["d1", "d2", "一笔借款", ""];
        let map = id_map(&ids, |s| s);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(map.get(id), Some(&i));
        }
        assert_eq!(map.get("d3"), None);
    }

    #[test]
    fn ids_that_differ_only_at_the_end_hash_apart() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<WordHash>::default();
        let ids: Vec<String> = (0..2_000).map(|n| format!("repayment-{n:06}")).collect();
        let mut low_bits: Vec<u64> = ids.iter().map(|id| build.hash_one(id.as_str()) & 0x7ff).collect();
        low_bits.sort_unstable();
        low_bits.dedup();
        // 2,000 ids over 2,048 buckets: a fair hash fills well over half of them.
        assert!(low_bits.len() > 1_000, "only {} buckets used", low_bits.len());
        let map = id_map(&ids, |s| s.as_str());
        assert!(ids.iter().enumerate().all(|(i, id)| map.get(id.as_str()) == Some(&i)));
    }
}
