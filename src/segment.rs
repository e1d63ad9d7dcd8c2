//! Segmentation: jieba-rs over one word table (jieba's dictionary, trimmed, plus the
//! official-report lexicon and any user words). The same table's frequencies give the IDF
//! used by keyword ranking, so the module ships one word list, not two.

use jieba_rs::Jieba;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};
use rustc_hash::FxHasher;
use std::sync::{Arc, OnceLock};

/// jieba's dictionary with entries of frequency < 4 dropped (see data/README.md).
const BASE_DICT: &str = include_str!("../data/jieba-dict.txt");
/// Official-report vocabulary: `word freq tag` lines.
const LEXICON: &str = include_str!("../data/lexicon.txt");

/// A word as segmented, in char indices of the text that was segmented.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// jieba part-of-speech tag (`n`, `v`, `nr`, `ns`, `nt`, `m`, `x` for unknown…).
    pub tag: &'a str,
}

pub struct Segmenter {
    jieba: Jieba,
    /// Word → frequency, for IDF.
    freq: Frequencies,
    log_total: f64,
    /// IDF given to words the table does not know (new terms are usually specific).
    unknown_idf: f64,
}

/// Frequencies of the word table. The embedded base table is sorted by word (a unit test keeps
/// it so), so a binary search over its line starts finds a word without hashing ~150 k words
/// at start-up (that cost 150 ms of a cold start in the browser); lexicon and user words that
/// the base table lacks sit in a small map.
struct Frequencies {
    /// Byte offset of each entry line of `BASE_DICT`, in word order, and its frequency.
    starts: Vec<u32>,
    counts: Vec<u32>,
    extra: HashMap<Cow<'static, str>, u32, BuildHasherDefault<FxHasher>>,
}

impl Frequencies {
    fn base_word(&self, i: usize) -> &'static str {
        let line = &BASE_DICT[self.starts[i] as usize..];
        &line[..line.find(|c: char| c.is_ascii_whitespace()).unwrap_or(line.len())]
    }

    fn get(&self, word: &str) -> Option<u32> {
        self.base_index(word).map(|i| self.counts[i]).or_else(|| self.extra.get(word).copied())
    }

    /// Position of `word` in the base table. The words of a text repeat, so the answers sit in
    /// a small cache in front of the binary search (the base table is the same for every
    /// segmenter, so one cache per thread serves them all).
    fn base_index(&self, word: &str) -> Option<usize> {
        const SLOTS: usize = 1 << 14;
        const ABSENT: u32 = u32::MAX;
        thread_local! {
            /// (hash | 1, index or ABSENT); hash 0 marks an empty slot.
            static CACHE: RefCell<Vec<(u64, u32)>> = RefCell::new(vec![(0, ABSENT); SLOTS]);
        }
        let hash = BuildHasherDefault::<FxHasher>::default().hash_one(word) | 1;
        let slot = (hash >> 40) as usize % SLOTS;
        let cached = CACHE.with(|c| c.borrow()[slot]);
        if cached.0 == hash && (cached.1 == ABSENT || self.base_word(cached.1 as usize) == word) {
            return (cached.1 != ABSENT).then_some(cached.1 as usize);
        }
        let found = self
            .starts
            .binary_search_by(|&at| {
                let line = &BASE_DICT.as_bytes()[at as usize..];
                let end = line.iter().position(|b| b.is_ascii_whitespace()).unwrap_or(line.len());
                line[..end].cmp(word.as_bytes())
            })
            .ok();
        CACHE.with(|c| c.borrow_mut()[slot] = (hash, found.map_or(ABSENT, |i| i as u32)));
        found
    }
}

/// `word freq [tag]` lines of an embedded table (blank lines and `#` comments skipped).
fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, Option<u32>, Option<&'static str>)> {
    text.lines().filter_map(entry)
}

/// One `word freq [tag]` line; `None` for a blank line or a `#` comment.
fn entry(line: &'static str) -> Option<(&'static str, Option<u32>, Option<&'static str>)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let mut parts = line.split_ascii_whitespace();
    let word = parts.next()?;
    let freq = parts.next().and_then(|x| x.parse().ok());
    Some((word, freq, parts.next()))
}

impl Segmenter {
    fn build(extra_words: &[String]) -> Segmenter {
        let mut jieba = Jieba::empty();
        let mut freq = Frequencies {
            starts: Vec::with_capacity(BASE_DICT.len() / 14),
            counts: Vec::with_capacity(BASE_DICT.len() / 14),
            extra: HashMap::default(),
        };
        let mut total: u64 = 0;
        // One pass over the table feeds both jieba and the frequency index: handing jieba each
        // parsed entry (add_word) skips its own line reader, a third of the start-up cost.
        let mut at = 0usize;
        for line in BASE_DICT.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let Some((word, f, tag)) = entry(line) else { continue };
            let f = f.unwrap_or(0);
            jieba.add_word(word, Some(f as usize), Some(tag.unwrap_or("")));
            total += f as u64;
            freq.starts.push(start as u32);
            freq.counts.push(f);
        }
        // Lexicon entries after the base table: a word in both takes the lexicon's frequency.
        for (word, f, tag) in entries(LEXICON) {
            let f = f.unwrap_or(LEXICON_DEFAULT_FREQ);
            if freq.get(word).is_none() {
                freq.extra.insert(Cow::Borrowed(word), f);
            }
            jieba.add_word(word, Some(f as usize), Some(tag.unwrap_or("n")));
        }
        for word in extra_words {
            let word = word.trim();
            if !word.is_empty() && !word.contains(char::is_whitespace) {
                jieba.add_word(word, Some(LEXICON_DEFAULT_FREQ as usize), Some("n"));
                if freq.get(word).is_none() {
                    freq.extra.insert(Cow::Owned(word.to_string()), LEXICON_DEFAULT_FREQ);
                }
            }
        }
        let log_total = (total.max(1) as f64).ln();
        // A word seen a handful of times in the reference corpus.
        let unknown_idf = log_total - (5f64).ln();
        Segmenter { jieba, freq, log_total, unknown_idf }
    }

    /// Segments `text` with part-of-speech tags; offsets are char indices into `text`.
    pub fn words<'a>(&'a self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Word { text: t.word, start: t.start, end: t.end, tag: t.tag })
            .collect()
    }

    /// Inverse frequency of a word in the reference table: ln(total / freq).
    pub fn idf(&self, word: &str) -> f64 {
        match self.freq.get(word) {
            Some(f) => self.log_total - (f.max(1) as f64).ln(),
            None => self.unknown_idf,
        }
    }

    pub fn knows(&self, word: &str) -> bool {
        self.freq.get(word).is_some()
    }

    /// `knows` for a word given as chars, without allocating for short words.
    pub fn knows_chars(&self, word: &[char]) -> bool {
        let mut buf = [0u8; 64];
        let mut n = 0;
        for &c in word {
            if n + 4 > buf.len() {
                return self.knows(&String::from_iter(word));
            }
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        // Whole chars were written, so the bytes are valid UTF-8.
        std::str::from_utf8(&buf[..n]).is_ok_and(|w| self.knows(w))
    }
}

/// Frequency given to lexicon and user words without one: high enough that jieba keeps them
/// whole against the pieces' frequencies, as jieba's own `suggest_freq` would.
const LEXICON_DEFAULT_FREQ: u32 = 3000;

static BASE: OnceLock<Arc<Segmenter>> = OnceLock::new();

thread_local! {
    /// The last segmenter built with user words, keyed by those words.
    static WITH_USER_WORDS: RefCell<Option<(Vec<String>, Arc<Segmenter>)>> = const { RefCell::new(None) };
}

/// The shared segmenter without user words, built on first use (no reference count to bump).
pub fn base() -> &'static Segmenter {
    BASE.get_or_init(|| Arc::new(Segmenter::build(&[])))
}

/// The shared segmenter, built on first use; with user words, a copy that knows them
/// (cached for the same word list, so repeated analyses with one dictionary cost nothing).
pub fn segmenter(user_words: &[String]) -> Arc<Segmenter> {
    let base = BASE.get_or_init(|| Arc::new(Segmenter::build(&[]))).clone();
    if user_words.is_empty() {
        return base;
    }
    let mut key: Vec<String> = user_words.to_vec();
    key.sort();
    key.dedup();
    // Borrow only to look up or store: a panic later must not leave the cell borrowed.
    if let Some(hit) = WITH_USER_WORDS.with(|c| {
        c.borrow().as_ref().filter(|(k, _)| *k == key).map(|(_, s)| s.clone())
    }) {
        return hit;
    }
    let built = Arc::new(Segmenter::build(&key));
    WITH_USER_WORDS.with(|c| *c.borrow_mut() = Some((key, built.clone())));
    built
}

/// True for a word that carries no content (punctuation, whitespace, symbols).
pub fn is_punctuation(word: &str) -> bool {
    word.chars().all(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_table_is_sorted_by_word_for_binary_search() {
        let seg = segmenter(&[]);
        let f = &seg.freq;
        assert!(f.starts.len() > 100_000);
        for i in 1..f.starts.len() {
            assert!(f.base_word(i - 1).as_bytes() < f.base_word(i).as_bytes(), "data/jieba-dict.txt unsorted at {}", f.base_word(i));
        }
        // Every entry is found, first and last included; lexicon words outside it too.
        for i in [0, 1, f.starts.len() / 2, f.starts.len() - 1] {
            assert_eq!(f.get(f.base_word(i)), Some(f.counts[i]));
        }
        assert!(seg.knows("病媒生物") && !seg.knows("不是一个词吧"));
    }

    #[test]
    fn segments_with_char_offsets() {
        let seg = segmenter(&[]);
        let text = "我们召开会议。";
        let words = seg.words(text);
        let joined: String = words.iter().map(|w| w.text).collect();
        assert_eq!(joined, text);
        let last = words.last().unwrap();
        assert_eq!(last.end, text.chars().count());
    }

    #[test]
    fn user_words_are_kept_whole() {
        let text = "推进蓝天保卫行动计划";
        let seg = segmenter(&["蓝天保卫行动".to_string()]);
        assert!(seg.words(text).iter().any(|w| w.text == "蓝天保卫行动"));
    }

    #[test]
    fn idf_is_lower_for_common_words() {
        let seg = segmenter(&[]);
        assert!(seg.idf("工作") < seg.idf("病媒"));
    }
}
