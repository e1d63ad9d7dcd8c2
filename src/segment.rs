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
    /// The lexicon's and the user's words (`word → (frequency, own tag)`): each replaces the
    /// base entry of the same word (keeping its tag) and is loaded as the base entries are.
    overrides: FxHashMap<Cow<'static, str>, (u32, &'static str)>,
    /// The override words by first character, for loading them with their character or pair.
    overrides_by_first: FxHashMap<char, Vec<Cow<'static, str>>>,
    log_total: f64,
    /// IDF given to words the table does not know (new terms are usually specific).
    unknown_idf: f64,
}

/// The part of the segmenter that grows. Building jieba's trie from all 150 k entries was most
/// of a cold start, yet a word can only match where the text holds its first two characters
/// side by side (a one-character word, where it holds that character). A short report has a
/// few hundred characters and a thousand such pairs: they begin 2 k of the table's entries,
/// where its characters begin 40 k. So a character's one-character entry is added the first
/// time a text holds it, and the entries that begin with a pair the first time the text holds
/// the pair; a character with only a few entries has them all added at once, so that its pairs
/// need no bookkeeping. The result is the same as with the whole table loaded: jieba weighs
/// every segmentation by the table's total frequency, so a placeholder word carries the
/// frequency not loaded yet and the total never changes.
struct Loaded {
    jieba: Jieba,
    /// Characters met: one bit per BMP character, a set for the rest.
    seen: CharSet,
    /// Characters whose entries are all in (so their pairs need no lookup).
    whole: CharSet,
    /// Pairs whose entries are in, the first character not `whole`.
    pairs: FxHashSet<(char, char)>,
    /// Override words added (found in the base table, with its tag, or on their own).
    overrides_added: FxHashSet<Cow<'static, str>>,
    /// Total frequency of the entries (base and override) not loaded yet: the placeholder's.
    pending: u64,
    /// Every tag loaded, as `'static` strs (jieba hands back its own copies).
    tags: FxHashSet<&'static str>,
}

/// A set of characters: a bit per BMP character, a hash set for the rest.
struct CharSet {
    bmp: Vec<u64>,
    astral: FxHashSet<char>,
}

impl CharSet {
    fn new() -> CharSet {
        CharSet { bmp: vec![0; 0x10000 / 64], astral: FxHashSet::default() }
    }

    fn has(&self, c: char) -> bool {
        let i = u32::from(c) as usize;
        if i < 0x10000 {
            self.bmp[i / 64] & (1 << (i % 64)) != 0
        } else {
            self.astral.contains(&c)
        }
    }

    fn insert(&mut self, c: char) {
        let i = u32::from(c) as usize;
        if i < 0x10000 {
            self.bmp[i / 64] |= 1 << (i % 64);
        } else {
            self.astral.insert(c);
        }
    }
}

/// A character whose entries take fewer bytes of the table than this (about 30 entries) has
/// them all added the first time it is met.
const WHOLE_BELOW_BYTES: usize = 640;

impl Loaded {
    /// True when every entry `text` could match is in.
    fn covers(&self, text: &str) -> bool {
        let mut previous: Option<char> = None;
        for c in text.chars() {
            if !self.seen.has(c) {
                return false;
            }
            if let Some(p) = previous {
                if !self.whole.has(p) && !self.pairs.contains(&(p, c)) {
                    return false;
                }
            }
            previous = Some(c);
        }
        true
    }
}

/// Never in a real text (two Unicode noncharacters): carries the frequency not loaded yet.
const PLACEHOLDER: &str = "\u{10FFFF}\u{10FFFE}";

/// Frequencies of the word table. The embedded base table is sorted by word (a unit test keeps
/// it so), so a binary search over its bytes finds a word without indexing or hashing ~150 k
/// lines at start-up; an entry is known by the byte offset of its line. Lexicon and user words
/// that the base table lacks sit in a small map.
struct Frequencies {
    extra: HashMap<Cow<'static, str>, u32, BuildHasherDefault<FxHasher>>,
}

/// The sum of the base table's frequencies (a unit test checks it against data/jieba-dict.txt):
/// jieba weighs every segmentation by the whole table's total from the first text on, before
/// most entries are read.
const BASE_TOTAL: u64 = 59_543_009;

/// The sum of the base-table frequencies of the lexicon's words that the base table holds (a
/// unit test checks it): the lexicon replaces those entries, and the whole table's total is
/// known before any of them is read.
const LEXICON_REPLACED_BASE_TOTAL: u64 = 198_579;

/// The start of the base-table line that holds byte `at`.
fn line_start(at: usize) -> usize {
    BASE_DICT.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)
}

/// The start of the line after the one that starts at `at`.
fn next_line(at: usize) -> usize {
    BASE_DICT.as_bytes()[at..].iter().position(|&b| b == b'\n').map_or(BASE_DICT.len(), |p| at + p + 1)
}

/// The word, frequency and tag of the base-table line at `at` (`word freq tag`: single spaces,
/// no blank or comment lines, a unit test checks), and where the next line starts: one pass
/// over its bytes (the table is read a line at a time as characters come in).
fn read_base_line(at: usize) -> (&'static str, u32, &'static str, usize) {
    let bytes = BASE_DICT.as_bytes();
    let mut i = at;
    while i < bytes.len() && !matches!(bytes[i], b' ' | b'\n') {
        i += 1;
    }
    let word = &BASE_DICT[at..i];
    let mut f = 0u32;
    if i < bytes.len() && bytes[i] == b' ' {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            f = f * 10 + u32::from(bytes[i] - b'0');
            i += 1;
        }
    }
    let tag_start = if i < bytes.len() && bytes[i] == b' ' { i + 1 } else { i };
    while i < bytes.len() && bytes[i] != b'\n' {
        i += 1;
    }
    let tag = BASE_DICT[tag_start.min(i)..i].trim_end_matches('\r');
    (word, f, tag, (i + 1).min(bytes.len()))
}

fn base_word(at: usize) -> &'static str {
    let line = &BASE_DICT[at..];
    &line[..line.bytes().position(|b| b == b' ' || b == b'\n').unwrap_or(line.len())]
}

fn base_count(at: usize) -> u32 {
    let digits = BASE_DICT.as_bytes()[at + base_word(at).len() + 1..].iter().take_while(|b| b.is_ascii_digit());
    digits.fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'))
}

/// The first line start of `lo..hi` (line starts) where `pred` of its word turns false (it is
/// true, then false, over the range).
fn partition_lines(mut lo: usize, mut hi: usize, pred: impl Fn(&str) -> bool) -> usize {
    while lo < hi {
        let mid = line_start(lo + (hi - lo) / 2);
        if pred(base_word(mid)) {
            lo = next_line(mid);
        } else {
            hi = mid;
        }
    }
    lo
}

impl Frequencies {
    fn get(&self, word: &str) -> Option<u32> {
        base_entry(word).map(base_count).or_else(|| self.extra.get(word).copied())
    }
}

/// The lines (`start..end`) of the base-table words that begin with `c`, remembered per thread
/// (the table is sorted, so they are together): lookups then search a few dozen lines.
fn first_char_lines(c: char) -> (usize, usize) {
    thread_local! {
        static RANGES: RefCell<FxHashMap<char, (u32, u32)>> = RefCell::new(FxHashMap::default());
    }
    if let Some((lo, hi)) = RANGES.with(|r| r.borrow().get(&c).copied()) {
        return (lo as usize, hi as usize);
    }
    let mut buf = [0u8; 4];
    let first = c.encode_utf8(&mut buf).as_bytes();
    let lo = partition_lines(0, BASE_DICT.len(), |w| w.as_bytes() < first);
    let hi = partition_lines(lo, BASE_DICT.len(), |w| w.as_bytes().starts_with(first));
    RANGES.with(|r| r.borrow_mut().insert(c, (lo as u32, hi as u32)));
    (lo, hi)
}

/// The lines (`start..end`) of the base-table words of two or more characters that begin with
/// `first` then `second`: a binary search inside `first`'s lines.
fn pair_lines(first: char, second: char) -> (usize, usize) {
    let (lo, hi) = first_char_lines(first);
    let mut buf = [0u8; 8];
    let n = first.encode_utf8(&mut buf).len();
    let n = n + second.encode_utf8(&mut buf[n..]).len();
    let prefix = &buf[..n];
    let start = partition_lines(lo, hi, |w| w.as_bytes() < prefix);
    let end = partition_lines(start, hi, |w| w.as_bytes().starts_with(prefix));
    (start, end)
}

/// Where `word`'s line starts in the base table. The words of a text repeat, so the answers sit
/// in a small cache in front of the binary search (one per thread: the table is embedded).
fn base_entry(word: &str) -> Option<usize> {
    const SLOTS: usize = 1 << 14;
    const ABSENT: u32 = u32::MAX;
    thread_local! {
        /// (hash | 1, line start or ABSENT); hash 0 marks an empty slot.
        static CACHE: RefCell<Vec<(u64, u32)>> = RefCell::new(vec![(0, ABSENT); SLOTS]);
    }
    let hash = BuildHasherDefault::<FxHasher>::default().hash_one(word) | 1;
    let slot = (hash >> 40) as usize % SLOTS;
    let cached = CACHE.with(|c| c.borrow()[slot]);
    if cached.0 == hash && (cached.1 == ABSENT || base_word(cached.1 as usize) == word) {
        return (cached.1 != ABSENT).then_some(cached.1 as usize);
    }
    let (lo, hi) = first_char_lines(word.chars().next()?);
    let at = partition_lines(lo, hi, |w| w < word);
    let found = (at < hi && base_word(at) == word).then_some(at);
    CACHE.with(|c| c.borrow_mut()[slot] = (hash, found.map_or(ABSENT, |i| i as u32)));
    found
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
        let mut freq = Frequencies { extra: HashMap::default() };
        // The lexicon after the base table, then the user's words: a word met before keeps its
        // tag and takes the later frequency (as jieba's add_word does); a word of the base
        // table keeps the base table's tag and is not loaded from it.
        let mut overrides: FxHashMap<Cow<'static, str>, (u32, &'static str)> = FxHashMap::default();
        let give = |overrides: &mut FxHashMap<Cow<'static, str>, (u32, &'static str)>, word: Cow<'static, str>, f: u32, tag: &'static str, freq: &mut Frequencies| {
            // IDF: the first frequency given to a word (the base table's count comes first).
            freq.extra.entry(word.clone()).or_insert(f);
            overrides.entry(word).and_modify(|o| o.0 = f).or_insert((f, tag));
        };
        for (word, f, tag) in entries(LEXICON) {
            give(&mut overrides, Cow::Borrowed(word), f.unwrap_or(LEXICON_DEFAULT_FREQ), tag.unwrap_or("n"), &mut freq);
        }
        // The base frequency the lexicon replaces (a constant of the embedded tables), and that
        // of the user's words the base table holds and the lexicon does not.
        let mut replaced = LEXICON_REPLACED_BASE_TOTAL;
        for word in extra_words {
            let word = word.trim();
            if !word.is_empty() && !word.contains(char::is_whitespace) {
                if !overrides.contains_key(word) {
                    replaced += base_entry(word).map_or(0, |at| u64::from(base_count(at)));
                }
                give(&mut overrides, Cow::Owned(word.to_string()), LEXICON_DEFAULT_FREQ, "n", &mut freq);
            }
        }
        let mut overrides_by_first: FxHashMap<char, Vec<Cow<'static, str>>> = FxHashMap::default();
        for word in overrides.keys() {
            if let Some(c) = word.chars().next() {
                overrides_by_first.entry(c).or_default().push(word.clone());
            }
        }
        // jieba weighs every segmentation by the whole table's total from the first text on:
        // the placeholder carries all of it until entries come in.
        let total = BASE_TOTAL - replaced + overrides.values().map(|o| u64::from(o.0)).sum::<u64>();
        let mut jieba = Jieba::empty();
        jieba.add_word(PLACEHOLDER, Some(total as usize), Some("x"));
        let loaded = Loaded {
            jieba,
            seen: CharSet::new(),
            whole: CharSet::new(),
            pairs: FxHashSet::default(),
            overrides_added: FxHashSet::default(),
            pending: total,
            tags: ["", "x", "m", "eng"].into_iter().collect(),
        };
        // IDF counts the base table only: the lexicon's frequencies are set, not observed.
        let log_total = (BASE_TOTAL.max(1) as f64).ln();
        // A word seen a handful of times in the reference corpus.
        let unknown_idf = log_total - (5f64).ln();
        Segmenter { loaded: RwLock::new(loaded), freq, overrides, overrides_by_first, log_total, unknown_idf }
    }

    /// Adds the base entries `text` could match that are not in yet: see `Loaded`.
    fn load_for(&self, text: &str) {
        if self.loaded.read().unwrap_or_else(PoisonError::into_inner).covers(text) {
            return;
        }
        let mut l = self.loaded.write().unwrap_or_else(PoisonError::into_inner);
        let before = l.pending;
        let mut previous: Option<char> = None;
        for c in text.chars() {
            if !l.seen.has(c) {
                l.seen.insert(c);
                let (lo, hi) = first_char_lines(c);
                if hi - lo < WHOLE_BELOW_BYTES {
                    l.whole.insert(c);
                    self.add_lines(&mut l, lo, hi);
                    self.add_overrides(&mut l, c, |_| true);
                } else {
                    // The one-character entry (it sorts first among the character's entries).
                    let one = next_line(lo);
                    if lo < hi && base_word(lo).chars().nth(1).is_none() {
                        self.add_lines(&mut l, lo, one);
                    }
                    self.add_overrides(&mut l, c, |rest| rest.is_empty());
                }
            }
            if let Some(p) = previous {
                if !l.whole.has(p) && l.pairs.insert((p, c)) {
                    let (lo, hi) = pair_lines(p, c);
                    self.add_lines(&mut l, lo, hi);
                    self.add_overrides(&mut l, p, |rest| rest.starts_with(c));
                }
            }
            previous = Some(c);
        }
        if l.pending != before {
            let pending = l.pending as usize;
            l.jieba.add_word(PLACEHOLDER, Some(pending), Some("x"));
        }
    }

    /// Adds the base-table lines `lo..hi` (line starts) to jieba; an entry the lexicon or the
    /// user's words replace goes in with their frequency and its own tag.
    fn add_lines(&self, l: &mut Loaded, lo: usize, hi: usize) {
        let mut at = lo;
        while at < hi {
            let (word, f, tag, next) = read_base_line(at);
            at = next;
            match self.overrides.get_key_value(word) {
                // Replaced: the override's frequency under the base table's tag.
                Some((word, &(f, _))) => {
                    l.overrides_added.insert(word.clone());
                    Self::add(l, word, f, tag);
                }
                None => Self::add(l, word, f, tag),
            }
        }
    }

    /// Adds the override words that begin with `first`, the rest of the word passing
    /// `rest_ok`, and are not in yet. Run after the base lines of the same words, so that an
    /// override the base table holds is in already (under the base table's tag).
    fn add_overrides(&self, l: &mut Loaded, first: char, rest_ok: impl Fn(&str) -> bool) {
        let Some(words) = self.overrides_by_first.get(&first) else { return };
        for word in words {
            if rest_ok(&word[first.len_utf8()..]) && !l.overrides_added.contains(word) {
                let (f, tag) = self.overrides[word];
                l.overrides_added.insert(word.clone());
                Self::add(l, word, f, tag);
            }
        }
    }

    fn add(l: &mut Loaded, word: &str, f: u32, tag: &'static str) {
        l.tags.insert(tag);
        l.jieba.add_word(word, Some(f as usize), Some(tag));
        l.pending -= u64::from(f);
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
        let words: Vec<&str> = BASE_DICT.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert!(words.len() > 100_000);
        for pair in words.windows(2) {
            assert!(pair[0].as_bytes() < pair[1].as_bytes(), "data/jieba-dict.txt unsorted at {}", pair[1]);
        }
        // Every entry is found, first and last included; lexicon words outside it too.
        let seg = segmenter(&[]);
        for line in BASE_DICT.lines().step_by(997).chain(BASE_DICT.lines().last()) {
            let mut parts = line.split(' ');
            let (word, count) = (parts.next().unwrap(), parts.next().unwrap().parse::<u32>().unwrap());
            assert_eq!(seg.freq.get(word), Some(count), "{word}");
        }
        assert!(seg.knows("病媒生物") && !seg.knows("不是一个词吧") && !seg.knows("") && !seg.knows("𠀀"));
    }

    #[test]
    fn lexicon_replaced_base_total_is_the_sum_of_the_lexicon_words_base_counts() {
        let words: FxHashSet<&str> = entries(LEXICON).map(|e| e.0).collect();
        let sum: u64 = words.iter().filter_map(|w| base_entry(w)).map(|at| u64::from(base_count(at))).sum();
        assert_eq!(LEXICON_REPLACED_BASE_TOTAL, sum, "set LEXICON_REPLACED_BASE_TOTAL in src/segment.rs to {sum}");
    }

    #[test]
    fn base_total_is_the_tables_sum() {
        let sum: u64 = BASE_DICT.lines().map(|l| l.split(' ').nth(1).unwrap().parse::<u64>().unwrap()).sum();
        assert_eq!(BASE_TOTAL, sum, "set BASE_TOTAL in src/segment.rs to {sum}");
    }

    /// The whole table loaded, as an eager build would.
    fn fully_loaded(extra: &[String]) -> Segmenter {
        let seg = Segmenter::build(extra);
        {
            let mut l = seg.loaded.write().unwrap();
            seg.add_lines(&mut l, 0, BASE_DICT.len());
            for &c in seg.overrides_by_first.keys().collect::<Vec<_>>() {
                seg.add_overrides(&mut l, c, |_| true);
            }
            let pending = l.pending as usize;
            l.jieba.add_word(PLACEHOLDER, Some(pending), Some("x"));
            // Every character and pair is in: nothing loads twice.
            let firsts: Vec<char> = BASE_DICT.lines().filter_map(|l| l.chars().next()).chain(seg.overrides_by_first.keys().copied()).collect();
            for c in firsts {
                l.seen.insert(c);
                l.whole.insert(c);
            }
        }
        assert_eq!(seg.loaded.read().unwrap().pending, 0);
        seg
    }

    #[test]
    fn loading_by_characters_and_pairs_cuts_as_the_whole_table_does() {
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

    // proptest's RNG does not build for wasm32 (a native-only dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 200, ..Default::default() })]
        /// Texts shuffled from the pieces of report sentences (so that their pairs begin many
        /// entries, long and short): each cut as the whole table cuts it, by a segmenter that
        /// has loaded only what the texts before it needed.
        #[test]
        fn lazily_loaded_pieces_cut_as_the_whole_table_does(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 1..24)
        ) {
            thread_local! {
                static PAIR: (Segmenter, Segmenter) = (Segmenter::build(&[]), fully_loaded(&[]));
                // User words: one the base table holds, one new, one a single character.
                static WITH_USER: (Segmenter, Segmenter) = {
                    let user = ["工作".to_string(), "蓝天保卫行动".to_string(), "卫".to_string()];
                    (Segmenter::build(&user), fully_loaded(&user))
                };
            }
            let text: String = pieces.concat();
            for pair in [&PAIR, &WITH_USER] {
                pair.with(|(lazy, full)| -> Result<(), proptest::test_runner::TestCaseError> {
                    proptest::prop_assert_eq!(lazy.words(&text), full.words(&text));
                    Ok(())
                })?;
            }
        }
    }

    /// Pieces of report sentences: words, parts of words, numbers, punctuation.
    #[cfg(not(target_arch = "wasm32"))]
    const PIECES: [&str; 44] = [
        "中华人民共和国", "中国", "国家", "家庭", "庭院", "院落", "社区", "区县", "县委", "委员会",
        "工作", "作风", "风险", "险情", "情况", "总结", "结合", "合作社", "开展", "展开", "创卫",
        "卫生", "生产", "产业", "业务", "务实", "实施", "施工", "安全", "全面", "面积", "积极",
        "，", "。", "3", "98.5%", "一是", "的", "了", "和", "蓝天", "保卫", "行动", "病媒生物",
    ];

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
