//! The word tables under data/: `[section]` headers, one entry a line, `#` comments.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A set of entries that matches the longest one at a position.
pub struct Words {
    /// Longest first, so the first match is the longest.
    entries: Vec<Vec<char>>,
    /// Indices into `entries` (longest first) by first char, and by last char.
    by_first: HashMap<char, Vec<u32>, BuildHasherDefault<CharHasher>>,
    by_last: HashMap<char, Vec<u32>, BuildHasherDefault<CharHasher>>,
    /// An empty entry matches everywhere, with length 0, after every longer entry.
    has_empty: bool,
    /// Bit `c % FILTER_BITS` set for every first (`first_bits`) and last (`last_bits`) char:
    /// most chars of a text start and end no entry, and are turned away without hashing.
    first_bits: [u64; FILTER_WORDS],
    last_bits: [u64; FILTER_WORDS],
}

const FILTER_BITS: usize = 4096;
const FILTER_WORDS: usize = FILTER_BITS / 64;

#[inline]
fn bit(bits: &[u64; FILTER_WORDS], c: char) -> bool {
    let k = c as usize % FILTER_BITS;
    bits[k / 64] & (1 << (k % 64)) != 0
}

fn set_bit(bits: &mut [u64; FILTER_WORDS], c: char) {
    let k = c as usize % FILTER_BITS;
    bits[k / 64] |= 1 << (k % 64);
}

impl Words {
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> Words {
        let mut entries: Vec<Vec<char>> = entries.into_iter().map(|e| e.chars().collect()).collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.len()));
        entries.dedup();
        let mut by_first: HashMap<char, Vec<u32>, BuildHasherDefault<CharHasher>> = HashMap::default();
        let mut by_last: HashMap<char, Vec<u32>, BuildHasherDefault<CharHasher>> = HashMap::default();
        let mut has_empty = false;
        let mut first_bits = [0u64; FILTER_WORDS];
        let mut last_bits = [0u64; FILTER_WORDS];
        for (k, e) in entries.iter().enumerate() {
            match (e.first(), e.last()) {
                (Some(&f), Some(&l)) => {
                    by_first.entry(f).or_default().push(k as u32);
                    by_last.entry(l).or_default().push(k as u32);
                    set_bit(&mut first_bits, f);
                    set_bit(&mut last_bits, l);
                }
                _ => has_empty = true,
            }
        }
        Words { entries, by_first, by_last, has_empty, first_bits, last_bits }
    }

    /// The entries of one `[section]` of a table file.
    pub fn section(table: &str, name: &str) -> Words {
        Words::new(section(table, name))
    }

    /// Length of the longest entry that starts at `i` and ends by `end`.
    #[inline]
    pub fn at(&self, chars: &[char], i: usize, end: usize) -> Option<usize> {
        let found = if i < end && i < chars.len() && bit(&self.first_bits, chars[i]) {
            self.by_first.get(&chars[i]).and_then(|ks| {
                ks.iter()
                    .map(|&k| &self.entries[k as usize])
                    .find(|e| i + e.len() <= end && chars[i..i + e.len()] == e[..])
                    .map(Vec::len)
            })
        } else {
            None
        };
        found.or(if self.has_empty { Some(0) } else { None })
    }

    /// Length of the longest entry that ends at `i` and starts at or after `start`.
    #[inline]
    pub fn ending_at(&self, chars: &[char], i: usize, start: usize) -> Option<usize> {
        let found = if i > start && i > 0 && bit(&self.last_bits, chars[i - 1]) {
            self.by_last.get(&chars[i - 1]).and_then(|ks| {
                ks.iter()
                    .map(|&k| &self.entries[k as usize])
                    .find(|e| e.len() <= i - start && chars[i - e.len()..i] == e[..])
                    .map(Vec::len)
            })
        } else {
            None
        };
        found.or(if self.has_empty { Some(0) } else { None })
    }
}

/// A hasher for `char` keys: one multiply (the keys are table entries' first and last chars).
#[derive(Default, Clone, Copy)]
pub struct CharHasher(u64);

impl Hasher for CharHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0 ^ i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// The entries of `[name]` in a table file.
pub fn section<'a>(table: &'a str, name: &str) -> impl Iterator<Item = &'a str> {
    let header = format!("[{name}]");
    table
        .lines()
        .map(str::trim)
        .skip_while(move |l| *l != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_longest_match() {
        let table = "# c\n[a]\n人\n人次\n# note\n[b]\n元\n";
        let a = Words::section(table, "a");
        let text: Vec<char> = "5人次".chars().collect();
        assert_eq!(a.at(&text, 1, text.len()), Some(2));
        assert_eq!(a.ending_at(&text, 3, 0), Some(2));
        let yuan: Vec<char> = "元".chars().collect();
        assert_eq!(a.at(&yuan, 0, 1), None);
        assert_eq!(Words::section(table, "b").at(&yuan, 0, 1), Some(1));
    }
}
