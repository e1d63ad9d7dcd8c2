//! Segmentation: jieba-rs over one word table (jieba's dictionary, trimmed, plus the
//! official-report lexicon and any user words). The same table's frequencies give the IDF
//! used by keyword ranking, so the module ships one word list, not two.

use jieba_rs::Jieba;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

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
    pub tag: &'static str,
}

pub struct Segmenter {
    /// jieba, fed the base table's words as the texts it segments need them.
    loaded: RwLock<Loaded>,
    /// Word → frequency, for IDF.
    freq: Frequencies,
    /// Base entries the lexicon or the user's words replace (never loaded from the base table).
    overridden: Vec<u64>,
    log_total: f64,
    /// IDF given to words the table does not know (new terms are usually specific).
    unknown_idf: f64,
}

/// The part of the segmenter that grows. Building jieba's trie from all 150 k entries was most
/// of a cold start (two thirds of the page's first analysis, in wasm), yet a text can only
/// match words that start with one of its own characters: a short report has a few hundred
/// distinct characters, which begin under a third of the entries. So the entries of a first
/// character are added the first time a text contains it. The result is the same as with the
/// whole table loaded: jieba weighs every segmentation by the table's total frequency, so a
/// placeholder word carries the frequency not loaded yet and the total never changes.
struct Loaded {
    jieba: Jieba,
    /// First characters whose entries are in: one bit per BMP character, a set for the rest.
    bmp: Vec<u64>,
    astral: FxHashSet<char>,
    /// Total frequency of the base entries not loaded yet (the placeholder's frequency).
    pending: u64,
    /// Every tag loaded, as `'static` strs (jieba hands back its own copies).
    tags: FxHashSet<&'static str>,
}

/// Never in a real text (two Unicode noncharacters): carries the frequency not loaded yet.
const PLACEHOLDER: &str = "\u{10FFFF}\u{10FFFE}";

impl Loaded {
    fn has(&self, c: char) -> bool {
        match usize::try_from(u32::from(c)).ok().filter(|&i| i < 0x10000) {
            Some(i) => self.bmp[i / 64] & (1 << (i % 64)) != 0,
            None => self.astral.contains(&c),
        }
    }

    fn mark(&mut self, c: char) {
        let i = u32::from(c) as usize;
        if i < 0x10000 {
            self.bmp[i / 64] |= 1 << (i % 64);
        } else {
            self.astral.insert(c);
        }
    }
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
    /// Entry `i`'s line, up to the next entry's start (the table has no blank or comment lines).
    fn base_line(&self, i: usize) -> &'static str {
        let end = self.starts.get(i + 1).map_or(BASE_DICT.len(), |&e| e as usize);
        BASE_DICT[self.starts[i] as usize..end].trim_end_matches(['\n', '\r'])
    }

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

/// The first index of `lo..hi` where `pred` turns false (it is true, then false, over the range).
fn partition(mut lo: usize, mut hi: usize, pred: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
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
        let mut freq = Frequencies {
            starts: Vec::with_capacity(BASE_DICT.len() / 14),
            counts: Vec::with_capacity(BASE_DICT.len() / 14),
            extra: HashMap::default(),
        };
        // One pass over the bytes (`word freq tag` lines, single spaces, no blank or comment
        // lines: a unit test checks): only where each entry starts and its frequency are read
        // now, the rest when the entry is loaded.
        let bytes = BASE_DICT.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            freq.starts.push(i as u32);
            while i < bytes.len() && bytes[i] != b' ' {
                i += 1;
            }
            i += 1;
            let mut f = 0u32;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                f = f * 10 + u32::from(bytes[i] - b'0');
                i += 1;
            }
            freq.counts.push(f);
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            i += 1;
        }
        // The lexicon after the base table, then the user's words: a word in the base table
        // keeps its tag and takes the later frequency (as jieba's add_word does).
        let mut overrides: Vec<(&str, u32, &'static str)> = Vec::new();
        let mut position: FxHashMap<&str, usize> = FxHashMap::default();
        let mut overridden = vec![0u64; freq.starts.len().div_ceil(64)];
        // A word met before keeps its tag and takes the new frequency; a word of the base table
        // is not loaded from it.
        let mut give = |word: &'static str, f: u32, tag: &'static str, freq: &mut Frequencies| {
            if let Some(&k) = position.get(word) {
                overrides[k].1 = f;
                return;
            }
            let tag = match freq.base_index(word) {
                Some(i) => {
                    overridden[i / 64] |= 1 << (i % 64);
                    entry(freq.base_line(i)).and_then(|(_, _, t)| t).unwrap_or("")
                }
                None => {
                    // IDF: the first frequency given to a word outside the base table.
                    freq.extra.entry(Cow::Borrowed(word)).or_insert(f);
                    tag
                }
            };
            position.insert(word, overrides.len());
            overrides.push((word, f, tag));
        };
        for (word, f, tag) in entries(LEXICON) {
            give(word, f.unwrap_or(LEXICON_DEFAULT_FREQ), tag.unwrap_or("n"), &mut freq);
        }
        // User words live as long as the segmenter: leaked once per distinct word list (the
        // last list is cached, see `segmenter`).
        for word in extra_words {
            let word = word.trim();
            if !word.is_empty() && !word.contains(char::is_whitespace) {
                let word: &'static str = Box::leak(word.to_string().into_boxed_str());
                give(word, LEXICON_DEFAULT_FREQ, "n", &mut freq);
            }
        }
        let mut tags: FxHashSet<&'static str> = ["", "x", "m", "eng"].into_iter().collect();
        tags.extend(overrides.iter().map(|o| o.2));
        let mut jieba = Jieba::empty();
        let mut pending: u64 = 0;
        for (i, &f) in freq.counts.iter().enumerate() {
            if overridden[i / 64] & (1 << (i % 64)) == 0 {
                pending += f as u64;
            }
        }
        for &(word, f, tag) in &overrides {
            jieba.add_word(word, Some(f as usize), Some(tag));
        }
        jieba.add_word(PLACEHOLDER, Some(pending as usize), Some("x"));
        let loaded = Loaded { jieba, bmp: vec![0; 0x10000 / 64], astral: FxHashSet::default(), pending, tags };
        // IDF counts the base table only: the lexicon's frequencies are set, not observed.
        let total: u64 = freq.counts.iter().map(|&f| f as u64).sum();
        let log_total = (total.max(1) as f64).ln();
        // A word seen a handful of times in the reference corpus.
        let unknown_idf = log_total - (5f64).ln();
        Segmenter { loaded: RwLock::new(loaded), freq, overridden, log_total, unknown_idf }
    }

    /// Adds the base entries that start with a character of `text` not met before.
    fn load_for(&self, text: &str) {
        let missing = |l: &Loaded| text.chars().any(|c| !l.has(c));
        if !missing(&self.loaded.read().unwrap_or_else(PoisonError::into_inner)) {
            return;
        }
        let mut l = self.loaded.write().unwrap_or_else(PoisonError::into_inner);
        let before = l.pending;
        for c in text.chars() {
            if l.has(c) {
                continue;
            }
            l.mark(c);
            let mut buf = [0u8; 4];
            let first = c.encode_utf8(&mut buf).as_bytes();
            let words = |i: usize| self.freq.base_word(i).as_bytes();
            let n = self.freq.starts.len();
            let lo = partition(0, n, |i| words(i) < first);
            let hi = partition(lo, n, |i| words(i).starts_with(first));
            for i in lo..hi {
                if self.overridden[i / 64] & (1 << (i % 64)) != 0 {
                    continue;
                }
                let (word, f, tag) = entry(self.freq.base_line(i)).expect("an entry line");
                let (f, tag) = (f.unwrap_or(0), tag.unwrap_or(""));
                l.tags.insert(tag);
                l.jieba.add_word(word, Some(f as usize), Some(tag));
                l.pending -= f as u64;
            }
        }
        if l.pending != before {
            let pending = l.pending as usize;
            l.jieba.add_word(PLACEHOLDER, Some(pending), Some("x"));
        }
    }

    /// Segments `text` with part-of-speech tags; offsets are char indices into `text`.
    pub fn words<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.load_for(text);
        let l = self.loaded.read().unwrap_or_else(PoisonError::into_inner);
        l.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Word {
                text: &text[t.byte_start..t.byte_end],
                start: t.start,
                end: t.end,
                tag: l.tags.get(t.tag).copied().unwrap_or("x"),
            })
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

    /// Every first character's entries loaded, as the eager build did.
    fn fully_loaded(extra: &[String]) -> Segmenter {
        let seg = Segmenter::build(extra);
        let firsts: String = (0..seg.freq.starts.len()).filter_map(|i| seg.freq.base_word(i).chars().next()).collect();
        seg.load_for(&firsts);
        assert_eq!(seg.loaded.read().unwrap().pending, 0);
        seg
    }

    #[test]
    fn loading_by_first_character_cuts_as_the_whole_table_does() {
        let user = vec!["蓝天保卫行动".to_string(), "网格化管理".to_string()];
        let full = fully_loaded(&user);
        let texts = [
            "今年以来，我社区召开创卫工作会议3次，推进蓝天保卫行动计划，网格化管理覆盖率达到98.5%。",
            "县委常委、副县长张明主持召开安全生产工作会议，县应急管理局等单位参加。",
            "存在的问题：一是思想认识不到位；二是基础设施薄弱，资金投入不足。",
            "下一步，我们将进一步完善长效管理机制，确保各项工作落到实处。",
        ];
        // One lazily loaded segmenter over all texts (loading as it goes), and a fresh one per text.
        let lazy = Segmenter::build(&user);
        for text in texts {
            let want = full.words(text);
            assert_eq!(lazy.words(text), want, "{text}");
            assert_eq!(Segmenter::build(&user).words(text), want, "{text}");
        }
        assert!(lazy.loaded.read().unwrap().pending > 0, "a few texts load only part of the table");
    }

    #[test]
    fn base_table_lines_are_word_space_freq_space_tag() {
        for line in BASE_DICT.lines() {
            let parts: Vec<&str> = line.split(' ').collect();
            assert!(
                parts.len() == 3 && !parts[0].is_empty() && parts[1].parse::<u32>().is_ok() && parts[2].bytes().all(|b| b.is_ascii_lowercase()),
                "data/jieba-dict.txt: {line:?}"
            );
        }
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
