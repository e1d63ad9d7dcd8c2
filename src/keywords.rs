//! Keywords: candidates from segmentation (content parts of speech, no stop words or
//! boilerplate), ranked by TF-IDF (IDF from the word table's frequencies) blended with
//! TextRank over a co-occurrence window; plus keyword-in-context.

use crate::contract::{Keyword, Occurrence};
use crate::segment::Segmenter;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;
use std::cell::RefCell;
use std::sync::OnceLock;

const STOP_WORDS: &str = include_str!("../data/stopwords.txt");
const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");

fn word_set(text: &'static str) -> FxHashSet<&'static str> {
    crate::text::table_lines(text).collect()
}

pub fn stop_words() -> &'static FxHashSet<&'static str> {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        let mut s = word_set(STOP_WORDS);
        s.extend(word_set(BOILERPLATE));
        s
    })
}

/// Parts of speech that can name a subject (jieba tags). `x` is a word the table does not
/// know — in reports usually a local name or abbreviation, so it stays in. Idioms (`i`), person
/// and place names (`nr`, `ns`) and time words name no subject of the report.
fn content_tag(tag: &str) -> bool {
    let noun_or_verb = matches!(tag.chars().next(), Some('n') | Some('v') | Some('x') | Some('l') | Some('j'));
    (noun_or_verb && !matches!(tag, "vd" | "vg" | "nr" | "nrt" | "nrfg" | "ns" | "nt_name")) || tag == "eng"
}

const SURNAMES: &str = include_str!("../data/surnames.txt");
const GENERIC_NOUNS: &str = include_str!("../data/generic-nouns.txt");
const TITLES: &str = include_str!("../data/titles.txt");

const LEXICON: &str = include_str!("../data/lexicon.txt");

/// What a lexicon entry names, by its tag in data/lexicon.txt.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LexKind {
    /// A subject: a topic's vocabulary (禁毒, 长效保洁, 门前三包) or the general 公文 vocabulary
    /// (领导小组, 专项整治, 挂牌督办).
    Subject,
    /// An organisation or office (tag `nt`: 水利站, 交通运输局, 村干部, 居民代表): who acted.
    Body,
}

/// The official-report lexicon's words (the first field of each line) and what each names.
fn lexicon() -> &'static FxHashMap<&'static str, LexKind> {
    static S: OnceLock<FxHashMap<&'static str, LexKind>> = OnceLock::new();
    S.get_or_init(|| {
        crate::text::table_lines(LEXICON)
            .filter_map(|l| {
                let mut fields = l.split_ascii_whitespace();
                let word = fields.next()?;
                let kind = if fields.nth(1) == Some("nt") { LexKind::Body } else { LexKind::Subject };
                Some((word, kind))
            })
            .collect()
    })
}

fn generic_nouns() -> &'static FxHashSet<&'static str> {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| word_set(GENERIC_NOUNS))
}

/// A noun of the setting (data/generic-nouns.txt), or a compound of two (社区 + 居民, 小区 +
/// 住户, 居民 + 小区).
fn is_setting(term: &str) -> bool {
    // Setting nouns are short: only a short word can be two of them (and a pasted run of two
    // million digits is not split two million ways, each hashed).
    const MAX_PAIR_CHARS: usize = 8;
    let nouns = generic_nouns();
    nouns.contains(term)
        || (term.chars().count() <= MAX_PAIR_CHARS
            && term.char_indices().skip(1).any(|(i, _)| nouns.contains(&term[..i]) && nouns.contains(&term[i..])))
}

/// One-character surnames (data/surnames.txt).
fn surnames() -> &'static FxHashSet<char> {
    static FIRST: OnceLock<FxHashSet<char>> = OnceLock::new();
    FIRST.get_or_init(|| {
        SURNAMES
            .lines()
            .map(str::trim)
            .filter(|l| l.chars().count() == 1)
            .filter_map(|l| l.chars().next())
            .collect()
    })
}

/// A three-character word the table does not know that starts with a surname is, in a report,
/// almost always a person's name (陈俊祥, 钟雪莲).
fn looks_like_name(term: &str, tag: &str) -> bool {
    tag == "x" && term.chars().count() == 3 && term.chars().next().is_some_and(|c| surnames().contains(&c))
}

/// A word the table does not know that ends on a place unit (青塘镇, 两镇) names where the
/// work was done.
fn looks_like_place(term: &str, tag: &str) -> bool {
    tag == "x" && term.ends_with(['省', '市', '县', '区', '镇', '乡', '村'])
}

/// A two-character word the table does not know made of two one-character stop words (思想
/// + 上要 + 高度重视), or a short one that ends on a char that leans on the next word (督查 +
/// 室要 + 加强, 现将本 + 学期: 要, 将, 本…): the segmenter's leftover grammar, not a term.
fn looks_like_grammar(term: &str, tag: &str) -> bool {
    const LEANS_ON_NEXT: [char; 14] = ['要', '将', '把', '被', '对', '在', '已', '均', '需', '应', '须', '本', '各', '该'];
    if tag != "x" {
        return false;
    }
    let n = term.chars().count();
    let mut chars = term.chars();
    let one = |c: Option<char>| c.is_some_and(|c| stop_words_general().contains(c.encode_utf8(&mut [0; 4]) as &str));
    (n == 2 && one(chars.next()) && one(chars.next())) || ((2..=3).contains(&n) && term.ends_with(LEANS_ON_NEXT))
}

/// Titles and forms of address that follow a name (同志, 主任, 书记…: data/titles.txt).
fn titles() -> &'static FxHashSet<&'static str> {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        let mut s: FxHashSet<&'static str> = crate::text::table_lines(TITLES).filter(|l| !l.starts_with('[')).collect();
        s.insert("同志");
        s
    })
}

/// `word` is the given name of a person whose surname the segmenter cut off (刘 + 建军 + 同志,
/// 李 + 文星 + 、): a one-character surname before it (`previous`, tagged `previous_tag`; not
/// a function word such as 于 or 和), a title, a list mark or the end after.
pub fn is_given_name(previous: &str, previous_tag: &str, word: &str, next: Option<&str>) -> bool {
    // Cheapest tests first: this runs for every word of the text.
    let mut surname = previous.chars();
    let Some(first) = surname.next() else { return false };
    if surname.next().is_some() || matches!(previous_tag.chars().next(), Some('p' | 'c' | 'u' | 'd' | 'r' | 'f' | 'm')) {
        return false;
    }
    (1..=2).contains(&word.chars().count())
        && word.chars().all(crate::text::is_cjk)
        && surnames().contains(&first)
        && next.is_none_or(|n| crate::segment::is_punctuation(n) || titles().contains(n))
        && !lexicon().contains_key(word)
}

/// What keyword extraction needs to know of a word, decided once per distinct word.
#[derive(Clone, Copy)]
struct Flags {
    /// Can stand as a keyword on its own.
    candidate: bool,
    /// Can sit inside a discovered term (a CJK word that is not a function word).
    joinable: bool,
    /// Can start or end a discovered term (a noun, a verbal noun, an unknown word).
    nounish: bool,
    chars: u8,
    /// A noun of every report's setting (社区, 居民, 人员…).
    generic: bool,
}

/// Every distinct word of an analysis, interned once with what keyword extraction needs to
/// know of it; the scopes below refer to words by these ids.
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<(Box<str>, Flags)>,
    extra_stop: HashSet<String>,
    /// Per word, once known: the parts of its TF-IDF score that depend on the word alone.
    /// A word is ranked in every scope it occurs in (its document, the paste, a category):
    /// these lookups (IDF, lexicon, title suffixes) were most of the ranking's cost.
    factors: RefCell<Vec<Option<TermFactors>>>,
}

/// What `rank` multiplies a term's frequency by, apart from where the term was met.
#[derive(Clone, Copy)]
struct TermFactors {
    idf: f64,
    len_bonus: f64,
    prior: f64,
}

impl TermFactors {
    /// `word`: the flags of a segmented word, `None` for a discovered phrase.
    fn of(text: &str, word: Option<Flags>, seg: &Segmenter) -> TermFactors {
        // Longer terms are more specific than the IDF table alone knows.
        let len_bonus = 1.0 + LENGTH_BONUS * (text.chars().count().min(8) as f64 - 2.0);
        let known = seg.knows(text);
        let mut prior = term_prior(word, text);
        if !known && is_named_body(text) {
            prior *= ACTOR_PRIOR;
        }
        let mut idf = seg.idf(text);
        if word.is_some() && !known {
            // A word the table does not know is as likely a local name or the segmenter's
            // guess as a rare term.
            idf *= UNKNOWN_IDF_SHARE;
        }
        TermFactors { idf, len_bonus, prior }
    }
}

impl Vocabulary {
    /// `extra_stop`: the user's own stop words.
    pub fn new(extra_stop: HashSet<String>) -> Self {
        Vocabulary { ids: FxHashMap::default(), words: Vec::new(), extra_stop, factors: RefCell::new(Vec::new()) }
    }

    fn factors(&self, id: u32, seg: &Segmenter) -> TermFactors {
        let mut cache = self.factors.borrow_mut();
        if cache.len() <= id as usize {
            cache.resize(self.words.len().max(id as usize + 1), None);
        }
        *cache[id as usize].get_or_insert_with(|| {
            let (text, flags) = &self.words[id as usize];
            TermFactors::of(text, Some(*flags), seg)
        })
    }

    pub fn intern(&mut self, term: &str, tag: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let candidate = is_candidate(term, tag, &self.extra_stop) && !looks_like_name(term, tag) && !looks_like_place(term, tag) && !looks_like_grammar(term, tag);
        let flags = Flags {
            candidate,
            // A count (两个, 三项) is no part of a term's name.
            joinable: term.chars().all(crate::text::is_cjk) && !stop_words_general().contains(term) && !tag.starts_with('m'),
            nounish: candidate && (tag.starts_with('n') || matches!(tag, "vn" | "x" | "j" | "l")),
            chars: term.chars().count().min(255) as u8,
            generic: is_setting(term),
        };
        let id = self.words.len() as u32;
        self.words.push((term.into(), flags));
        self.ids.insert(term.into(), id);
        id
    }

    fn text(&self, id: u32) -> &str {
        &self.words[id as usize].0
    }
}

/// The words of one scope (the whole paste, a document, a category), in text order, with
/// sentence breaks, so that both ranking and new-term discovery can see adjacency. Words get
/// dense ids local to the scope, in order of first appearance.
pub struct Candidates {
    /// Local id of each vocabulary id met so far (`u32::MAX`: not in this scope), indexed by
    /// vocabulary id: a scope takes every word of its text, so a map's hashing was a cost.
    local: Vec<u32>,
    /// Vocabulary id and flags of each local id.
    words: Vec<(u32, Flags)>,
    sentences: Runs,
    /// The runs that are the title or a heading, by run index.
    headings: FxHashSet<u32>,
    /// The sentence function (index into `contract::CATEGORIES`) of each run, by run index.
    categories: FxHashMap<u32, u8>,
}

/// Runs of ids (a scope's sentences) stored end to end in one vector: no allocation per
/// sentence.
#[derive(Default)]
struct Runs {
    ids: Vec<u32>,
    /// Where each closed run ends in `ids`.
    ends: Vec<u32>,
}

impl Runs {
    fn push(&mut self, id: u32) {
        self.ids.push(id);
    }

    /// Ends the current run; an empty run is not kept.
    fn close(&mut self) {
        if self.ids.len() > self.ends.last().map_or(0, |&e| e as usize) {
            self.ends.push(self.ids.len() as u32);
        }
    }

    /// The runs in order, the open one last.
    fn iter(&self) -> impl Iterator<Item = &[u32]> {
        let closed = self.ends.last().map_or(0, |&e| e as usize);
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&e| e as usize));
        let ends = self.ends.iter().map(|&e| e as usize).chain(std::iter::once(self.ids.len()));
        starts.zip(ends).map(|(s, e)| &self.ids[s..e]).filter(move |r| !r.is_empty() || closed == 0)
    }
}

impl Default for Candidates {
    fn default() -> Self {
        Self::new()
    }
}

impl Candidates {
    pub fn new() -> Self {
        Candidates {
            local: Vec::new(),
            words: Vec::new(),
            sentences: Runs::default(),
            headings: FxHashSet::default(),
            categories: FxHashMap::default(),
        }
    }

    /// Appends the word `id` of `vocab`.
    pub fn push(&mut self, vocab: &Vocabulary, id: u32) {
        let slot = id as usize;
        if slot >= self.local.len() {
            self.local.resize(vocab.words.len().max(slot + 1), u32::MAX);
        }
        let mut local = self.local[slot];
        if local == u32::MAX {
            local = self.words.len() as u32;
            self.local[slot] = local;
            self.words.push((id, vocab.words[slot].1));
        }
        self.sentences.push(local);
    }

    /// Marks the current sentence as the document's title or a heading.
    pub fn mark_heading(&mut self) {
        self.headings.insert(self.sentences.ends.len() as u32);
    }

    /// Records the sentence function of the current sentence.
    pub fn set_category(&mut self, cat: usize) {
        self.categories.insert(self.sentences.ends.len() as u32, cat as u8);
    }

    pub fn break_here(&mut self) {
        self.sentences.close();
    }

    fn flags(&self, id: u32) -> Flags {
        self.words[id as usize].1
    }
}

const MAX_PHRASE_WORDS: usize = 4;

/// A run of 2–4 word ids, as a fixed-size key (no allocation per window).
type Run = ([u32; MAX_PHRASE_WORDS], u8);

fn run_key(w: &[u32]) -> Run {
    let mut key = [u32::MAX; MAX_PHRASE_WORDS];
    key[..w.len()].copy_from_slice(w);
    (key, w.len() as u8)
}

/// New-term discovery: runs of 2–4 adjacent words that recur in this text and hold together —
/// most occurrences of a part fall inside the run (cohesion, a PMI-like ratio) and the run is
/// not always the fragment of a longer one (boundary freedom) — become one term (创卫 + 领导小组,
/// 健康教育 + 宣传栏). Starts and ends on a content noun, 3–10 characters.
fn discover_phrases(c: &Candidates) -> FxHashSet<Run> {
    let mut word_count = vec![0u32; c.words.len()];
    let mut runs: FxHashMap<Run, u32> = FxHashMap::default();
    // A run that ends on a setting noun (…社区, …居民, …人员) names where or who, not a new
    // term: 充分发挥社区, 禁毒宣传社区 are not terms, while 禁毒 + 志愿者 still is.
    let eligible = |w: &[u32]| {
        let chars: usize = w.iter().map(|&t| c.flags(t).chars as usize).sum();
        let (first, last) = (c.flags(w[0]), c.flags(w[w.len() - 1]));
        first.nounish && last.nounish && !last.generic && (3..=10).contains(&chars)
    };
    for sent in c.sentences.iter() {
        for &t in sent {
            word_count[t as usize] += 1;
        }
        for i in 0..sent.len() {
            for n in 2..=MAX_PHRASE_WORDS {
                let Some(w) = sent.get(i..i + n) else { break };
                if !c.flags(w[n - 1]).joinable || !c.flags(w[0]).joinable {
                    break;
                }
                if eligible(w) {
                    *runs.entry(run_key(w)).or_default() += 1;
                }
            }
        }
    }
    let mut found: FxHashSet<Run> = FxHashSet::default();
    for sent in c.sentences.iter() {
        for i in 0..sent.len() {
            if !c.flags(sent[i]).nounish || !c.flags(sent[i]).joinable {
                continue; // no counted run starts here
            }
            for n in 2..=MAX_PHRASE_WORDS {
                let Some(w) = sent.get(i..i + n) else { break };
                let key = run_key(w);
                let Some(&count) = runs.get(&key) else { continue };
                if count < 2 || found.contains(&key) {
                    continue;
                }
                let cohesion = w
                    .iter()
                    .filter(|&&t| c.flags(t).candidate)
                    .map(|&t| count as f64 / word_count[t as usize] as f64)
                    .fold(0.0, f64::max);
                // A run always embedded in the same longer run is only its fragment.
                let longer = [sent.get(i..i + n + 1), i.checked_sub(1).and_then(|s| sent.get(s..i + n))];
                let fragment = longer
                    .into_iter()
                    .flatten()
                    .filter(|l| l.len() <= MAX_PHRASE_WORDS)
                    .any(|l| runs.get(&run_key(l)) == Some(&count));
                if cohesion >= 0.5 && !fragment {
                    found.insert(key);
                }
            }
        }
    }
    found
}

pub fn is_candidate(term: &str, tag: &str, extra_stop: &HashSet<String>) -> bool {
    let n = term.chars().count();
    (2..=16).contains(&n)
        && content_tag(tag)
        && !term.chars().any(|c| c.is_ascii_digit())
        // Markup left in the text (##, **, ——) names nothing.
        && term.chars().any(char::is_alphanumeric)
        && !stop_words().contains(term)
        && !extra_stop.contains(term)
}

fn stop_words_general() -> &'static FxHashSet<&'static str> {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| word_set(STOP_WORDS))
}

/// Ranks the candidates of one scope and keeps the best `limit`.
pub fn rank(cands: &Candidates, vocab: &Vocabulary, seg: &Segmenter, limit: usize) -> Vec<Keyword> {
    let phrases = discover_phrases(cands);
    // Term ids: word ids, then one id per discovered phrase.
    let mut phrase_ids: FxHashMap<Run, u32> = FxHashMap::default();
    let mut names: Vec<String> = Vec::new();
    let base = cands.words.len() as u32;
    let mut sentences = Runs::default();
    // How often each word occurs inside a discovered phrase (setting nouns aside: 社区 in
    // 社区党建 is where, not what).
    let mut inside = vec![0u64; base as usize];
    // The terms met in the title or a heading, and the sentence functions each is met in.
    let mut in_heading: FxHashSet<u32> = FxHashSet::default();
    let mut cat_mask: FxHashMap<u32, u8> = FxHashMap::default();
    for (run, sent) in cands.sentences.iter().enumerate() {
        let heading = cands.headings.contains(&(run as u32));
        let cat_bit: u8 = cands.categories.get(&(run as u32)).map_or(0, |&c| 1 << c);
        let terms = &mut sentences;
        let mut i = 0;
        while i < sent.len() {
            // A phrase starts on a noun-like word: skip the lookups elsewhere.
            let may_start = !phrases.is_empty() && cands.flags(sent[i]).nounish;
            let merged = (2..=MAX_PHRASE_WORDS).rev().filter(|_| may_start).find_map(|n| {
                let w = sent.get(i..i + n)?;
                let key = run_key(w);
                phrases.contains(&key).then_some((n, key))
            });
            match merged {
                Some((n, key)) => {
                    let id = *phrase_ids.entry(key).or_insert_with(|| {
                        names.push(sent[i..i + n].iter().map(|&t| vocab.text(cands.words[t as usize].0)).collect());
                        base + names.len() as u32 - 1
                    });
                    terms.push(id);
                    *cat_mask.entry(id).or_insert(0) |= cat_bit;
                    if heading {
                        in_heading.insert(id);
                    }
                    for &t in &sent[i..i + n] {
                        if cands.flags(t).candidate && !cands.flags(t).generic {
                            inside[t as usize] += 1;
                        }
                    }
                    i += n;
                }
                None => {
                    if cands.flags(sent[i]).candidate {
                        terms.push(sent[i]);
                        *cat_mask.entry(sent[i]).or_insert(0) |= cat_bit;
                        if heading {
                            in_heading.insert(sent[i]);
                        }
                    }
                    i += 1;
                }
            }
        }
        sentences.close();
    }
    let text_of = |id: u32| -> &str {
        if id < base {
            vocab.text(cands.words[id as usize].0)
        } else {
            &names[(id - base) as usize]
        }
    };
    let mut tf = vec![0u64; base as usize + names.len()];
    for &t in &sentences.ids {
        tf[t as usize] += 1;
    }
    let total: u64 = tf.iter().sum();
    if total == 0 {
        return Vec::new();
    }
    // A word that begins or ends a longer word of the text is mentioned each time the longer
    // one is (创卫 in 创卫办, 安全生产 in 安全生产责任制, 养老服务 in 居家养老服务): a reader
    // counts the subject in every compound that names a part or a kind of it.
    let by_text: FxHashMap<&str, u32> =
        (0..base).filter(|&t| tf[t as usize] > 0).map(|t| (vocab.text(cands.words[t as usize].0), t)).collect();
    for u in 0..base {
        let n = tf[u as usize];
        let text = vocab.text(cands.words[u as usize].0);
        if n == 0 || text.chars().count() < 3 {
            continue;
        }
        // Char boundaries: the parts are the proper prefixes and suffixes of two or more chars.
        let at: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
        let chars = at.len() - 1;
        let prefixes = (2..chars).map(|b| &text[..at[b]]);
        let suffixes = (1..chars - 1).map(|a| &text[at[a]..]);
        for part in prefixes.chain(suffixes) {
            if let Some(&t) = by_text.get(part) {
                if !cands.flags(t).generic {
                    inside[t as usize] += n;
                }
            }
        }
    }
    // A word inside a discovered term is mentioned each time the term is (社区戒毒 in
    // 社区戒毒社区康复, 签约项目 in 签约项目开工率): both the term and its parts count it.
    let count = |t: u32| tf[t as usize] + inside.get(t as usize).copied().unwrap_or(0);
    // A word that never stands alone is only a fragment of its term.
    let present: Vec<u32> = (0..tf.len() as u32).filter(|&t| tf[t as usize] > 0).collect();
    let tfidf: Vec<(u32, f64)> = present
        .iter()
        .map(|&t| {
            let TermFactors { idf, len_bonus, mut prior } = if t < base {
                vocab.factors(cands.words[t as usize].0, seg)
            } else {
                TermFactors::of(text_of(t), None, seg)
            };
            // The title and the headings name what the document is about.
            if in_heading.contains(&t) {
                prior *= HEADING_PRIOR;
            }
            // A term met only in sentences that report results (达到, 完成, 同比增长) restates
            // outcomes; measures, problems and plans name the work.
            if cat_mask.get(&t).is_some_and(|&m| m == 1 << RESULT) {
                prior *= RESULT_ONLY_PRIOR;
            }
            (t, (count(t) as f64 / total as f64) * idf * len_bonus * prior)
        })
        .collect();
    let tr = textrank(&sentences, tf.len());
    let max_tfidf = tfidf.iter().map(|x| x.1).fold(0.0, f64::max).max(1e-12);
    let max_tr = tr.iter().cloned().fold(0.0, f64::max).max(1e-12);
    // (term, weight, tf-idf share, textrank share), ranked before any string is made.
    let mut ranked: Vec<(u32, f64, f64, f64)> = tfidf
        .into_iter()
        .map(|(t, score)| {
            let a = score / max_tfidf;
            let b = tr[t as usize] / max_tr;
            (t, TFIDF_SHARE * a + (1.0 - TFIDF_SHARE) * b, a, b)
        })
        .collect();
    // Weights equal but for rounding (two terms in the same places) tie, and the text decides.
    let level = |w: f64| (w * 1e9).round();
    let order = |x: &(u32, f64, f64, f64), y: &(u32, f64, f64, f64)| {
        level(y.1).total_cmp(&level(x.1)).then_with(|| text_of(x.0).cmp(text_of(y.0)))
    };
    if ranked.len() > limit && limit > 0 {
        ranked.select_nth_unstable_by(limit - 1, order);
    }
    ranked.truncate(limit);
    ranked.sort_by(order);
    let mut out: Vec<Keyword> = ranked
        .into_iter()
        .map(|(t, weight, a, b)| Keyword {
            term: text_of(t).to_string(),
            count: count(t),
            weight,
            tfidf: round4(a),
            textrank: round4(b),
        })
        .collect();
    let top = out.first().map(|k| k.weight).unwrap_or(1.0).max(1e-12);
    for k in &mut out {
        k.weight = round4(k.weight / top);
    }
    out
}

/// Longer terms are more specific than the IDF table alone knows: each character past two adds
/// this share of the score (up to eight characters).
const LENGTH_BONUS: f64 = 0.35;
/// The share of TF-IDF in a keyword's weight; TextRank has the rest. TextRank favours words
/// with many neighbours — the generic hubs of a report (工作, 社区, 检查) — so it only breaks
/// near-ties.
const TFIDF_SHARE: f64 = 0.9;
/// Priors (see `term_prior`). The lexicon's subjects are what readers name a report's subjects
/// with; verbs rank below things; the setting's nouns (社区, 居民, 企业) and the actors (bodies,
/// office-holders) are context, not content.
const LEXICON_PRIOR: f64 = 2.0;
const VERB_PRIOR: f64 = 0.7;
const GENERIC_PRIOR: f64 = 0.15;
const ACTOR_PRIOR: f64 = 0.15;
const MANNER_PRIOR: f64 = 0.4;
/// Terms of the title or a heading.
const HEADING_PRIOR: f64 = 1.3;
/// Terms met only in sentences that report results.
const RESULT_ONLY_PRIOR: f64 = 0.8;
/// The index of "result" in `contract::CATEGORIES`.
const RESULT: usize = 2;
/// The share of the unknown-word IDF (that of a frequency-5 word) that a word the table does
/// not know gets.
const UNKNOWN_IDF_SHARE: f64 = 0.8;

/// How much a term's TF-IDF counts, by what kind of term it is (`word`: the flags of a
/// segmented word, `None` for a discovered phrase). Bodies and office-holders (…局, …居委会,
/// …主任, …干部, the lexicon's `nt` entries) get the actor prior and no lexicon bonus.
fn term_prior(word: Option<Flags>, text: &str) -> f64 {
    let mut prior = 1.0;
    if let Some(f) = word {
        if !f.nounish {
            // Plain verbs rank below things.
            prior *= VERB_PRIOR;
        } else if f.generic {
            // The nouns of every report's setting.
            prior *= GENERIC_PRIOR;
        }
        if text.chars().count() == 3 && text.ends_with('化') {
            // A two-character stem + 化 (制度化, 规范化, 常态化) says how the work is done, not
            // what it is about.
            prior *= MANNER_PRIOR;
        }
        if lexicon().get(text) == Some(&LexKind::Subject) {
            prior *= LEXICON_PRIOR;
        }
    }
    if is_org(text) || is_role(text) || lexicon().get(text) == Some(&LexKind::Body) {
        // Who acted, not what the work was about.
        prior *= ACTOR_PRIOR;
    }
    prior
}

/// The name of an acting or issuing body (…局, …委员会, …政府): who did the work, not what
/// the work was about.
fn is_org(term: &str) -> bool {
    const HEADS: [&str; 12] = ["局", "委员会", "政府", "党委", "党工委", "办公室", "常委会", "县委", "区委", "居委会", "村委会", "办事处"];
    HEADS.iter().any(|h| term.ends_with(h))
}

/// A term the word table does not know that ends on the head of an institution's name
/// (城管局机关党支部, 青桐路小学, 鑫源精密机械有限公司): the proper name of a body. Kinds of
/// body that the table knows (综治中心, 敬老院, 创卫办) can be a report's subject.
fn is_named_body(term: &str) -> bool {
    const HEADS: [&str; 13] = ["公司", "小学", "中学", "学校", "医院", "支部", "总支", "大队", "中队", "支队", "委会", "调研组", "派出所"];
    HEADS.iter().any(|h| term.ends_with(h))
}

/// A person named by role or office (居民小组长, 社区主任, 县委常委, 社区干部, 领导班子): who
/// did the work, not what it was about. Ends with a title (data/titles.txt) or a word for
/// office-holders.
fn is_role(term: &str) -> bool {
    const HOLDERS: [&str; 4] = ["干部", "班子", "成员", "代表"];
    HOLDERS.iter().chain(office_titles().iter()).any(|h| term.ends_with(h))
}

/// The `[titles]` section of data/titles.txt: 书记, 主任, 组长, 常委…
fn office_titles() -> &'static Vec<&'static str> {
    static S: OnceLock<Vec<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        crate::text::table_lines(TITLES)
            .scan(false, |in_titles, l| {
                if l.starts_with('[') {
                    *in_titles = l == "[titles]";
                    return Some(None);
                }
                Some(in_titles.then_some(l))
            })
            .flatten()
            .collect()
    })
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// TextRank: PageRank over an undirected graph joining terms that occur within 5 terms of
/// each other in the same sentence. Neighbours are kept in id order, so the sums run in the
/// same order every time and the same input always gives the same ranking.
fn textrank(sentences: &Runs, n: usize) -> Vec<f64> {
    const WINDOW: usize = 5;
    const DAMPING: f64 = 0.85;
    let each_pair = |f: &mut dyn FnMut(u32, u32)| {
        for ids in sentences.iter() {
            for i in 0..ids.len() {
                for j in i + 1..(i + WINDOW).min(ids.len()) {
                    let (x, y) = (ids[i], ids[j]);
                    if x != y {
                        f(x, y);
                        f(y, x);
                    }
                }
            }
        }
    };
    // Neighbour lists in one flat array (counted, then filled), each sorted and its repeats
    // merged into a weight: cheaper than sorting every pair of the scope at once.
    let mut start = vec![0usize; n + 1];
    each_pair(&mut |x, _| start[x as usize + 1] += 1);
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut flat = vec![0u32; start[n]];
    each_pair(&mut |x, y| {
        flat[fill[x as usize]] = y;
        fill[x as usize] += 1;
    });
    // Each list sorted, then its repeats merged in place: distinct neighbours stay in `flat`
    // (compacted to the front), their counts go to `weight` (no second pair-sized array).
    let mut weight: Vec<u32> = Vec::new();
    let mut adj_start = vec![0usize; n + 1];
    for x in 0..n {
        flat[start[x]..start[x + 1]].sort_unstable();
        for i in start[x]..start[x + 1] {
            let y = flat[i];
            if weight.len() > adj_start[x] && flat[weight.len() - 1] == y {
                *weight.last_mut().expect("a neighbour was kept") += 1;
            } else {
                flat[weight.len()] = y;
                weight.push(1);
            }
        }
        adj_start[x + 1] = weight.len();
    }
    flat.truncate(weight.len());
    flat.shrink_to_fit();
    let neighbours = |x: usize| {
        let r = adj_start[x]..adj_start[x + 1];
        flat[r.clone()].iter().zip(&weight[r]).map(|(&y, &w)| (y, w as f64))
    };
    let out_weight: Vec<f64> = (0..n).map(|x| neighbours(x).map(|e| e.1).sum()).collect();
    let mut rank = vec![1.0f64; n];
    let mut next = vec![0.0f64; n];
    // What each term hands each unit of its edge weight this round: one division per term,
    // not one per edge (the sums over edges were most of the ranking's time).
    let mut share = vec![0.0f64; n];
    for _ in 0..20 {
        for ((s, &r), &o) in share.iter_mut().zip(&rank).zip(&out_weight) {
            *s = if o > 0.0 { DAMPING * r / o } else { 0.0 };
        }
        for (x, slot) in next.iter_mut().enumerate() {
            let r = adj_start[x]..adj_start[x + 1];
            let mut sum = 0.0;
            for (&y, &w) in flat[r.clone()].iter().zip(&weight[r]) {
                sum += f64::from(w) * share[y as usize];
            }
            *slot = (1.0 - DAMPING) + sum;
        }
        std::mem::swap(&mut rank, &mut next);
    }
    rank
}

/// Every occurrence of `term` in `text` (UTF-16 offsets) with `context` chars either side.
pub fn kwic(text: &str, term: &str, context: usize) -> Vec<(usize, usize, String, String, String)> {
    let term = term.trim();
    if term.is_empty() {
        return Vec::new();
    }
    let map = crate::text::OffsetMap::new(text);
    let chars: Vec<char> = text.chars().collect();
    let term_len = term.chars().count();
    text.match_indices(term)
        .map(|(byte, _)| {
            let s = map.char_of_byte(byte);
            let e = s + term_len;
            let before: String = chars[s.saturating_sub(context)..s].iter().collect();
            let after: String = chars[e..(e + context).min(chars.len())].iter().collect();
            (map.utf16(s), map.utf16(e), flat(&before), term.to_string(), flat(&after))
        })
        .collect()
}

fn flat(s: &str) -> String {
    s.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

/// KWIC rows tagged with the document that holds each occurrence.
pub fn occurrences(text: &str, term: &str, doc_starts: &[u64], context: usize) -> Vec<Occurrence> {
    kwic(text, term, context)
        .into_iter()
        .map(|(start, end, before, matched, after)| Occurrence {
            document: doc_starts.partition_point(|&d| d <= start as u64).saturating_sub(1) as u64,
            start: start as u64,
            end: end as u64,
            before,
            matched,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwic_gives_utf16_offsets_and_context() {
        let text = "😀创卫工作。开展创卫宣传";
        let rows = kwic(text, "创卫", 2);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].2, "😀");
        assert_eq!(rows[1].3, "创卫");
        assert_eq!(&rows[1].4, "宣传");
    }

    /// The candidates of `text` repeated `times` times, one sentence each.
    fn candidates_of(seg: &Segmenter, text: &str, times: usize) -> (Candidates, Vocabulary) {
        let mut c = Candidates::new();
        let mut vocab = Vocabulary::new(HashSet::new());
        for _ in 0..times {
            for w in seg.words(text) {
                let id = vocab.intern(w.text, w.tag);
                c.push(&vocab, id);
            }
            c.break_here();
        }
        (c, vocab)
    }

    #[test]
    fn recurring_word_runs_become_one_term() {
        let seg = crate::segment::segmenter(&[]);
        let (c, vocab) = candidates_of(&seg, "社区设置健康教育宣传栏，定期更换宣传栏内容", 3);
        let top = rank(&c, &vocab, &seg, 5);
        assert!(top.iter().any(|k| k.term == "健康教育宣传栏"), "{top:?}");
    }

    fn noun(generic: bool) -> Flags {
        Flags { candidate: true, joinable: true, nounish: true, chars: 2, generic }
    }

    #[test]
    fn lexicon_terms_rank_above_plain_words_and_bodies_below() {
        // 禁毒 is official-report vocabulary; 桌子 is not; 应急管理局 names who acted.
        assert!(lexicon().contains_key("禁毒") && !lexicon().contains_key("桌子"));
        assert!(term_prior(Some(noun(false)), "禁毒") > term_prior(Some(noun(false)), "桌子"));
        assert!(term_prior(Some(noun(false)), "桌子") > term_prior(Some(noun(is_setting("居民"))), "居民"));
        assert!(is_setting("社区居民") && is_setting("小区住户") && !is_setting("社区戒毒"));
        assert!(term_prior(None, "应急管理局") < term_prior(None, "应急物资"));
        assert!(is_org("县人民政府") && is_org("教育局") && !is_org("创卫办") && !is_org("综治中心"));
    }

    #[test]
    fn bodies_and_office_holders_rank_as_actors() {
        // Office-holders and the lexicon's organisations get no lexicon bonus.
        for actor in ["居民小组长", "社区主任", "县委常委", "社区干部", "领导班子", "水利站", "社区居委会"] {
            assert!(term_prior(Some(noun(false)), actor) < term_prior(Some(noun(false)), "桌子"), "{actor}");
        }
        // Topic-bearing bodies, programmes named after an office, and doers are not actors.
        for subject in ["禁毒委", "创卫办", "城管大队", "河长", "志愿者", "吸毒人员"] {
            assert!(term_prior(Some(noun(false)), subject) >= term_prior(Some(noun(false)), "桌子"), "{subject}");
        }
        assert!(is_named_body("青桐路小学") && is_named_body("城管局机关党支部") && !is_named_body("综治中心"));
    }

    #[test]
    fn places_counts_and_leftover_grammar_are_not_terms() {
        let none = HashSet::new();
        let mut vocab = Vocabulary::new(none);
        for (word, tag) in [("青塘镇", "x"), ("上要", "x"), ("室要", "x"), ("现将本", "x")] {
            let id = vocab.intern(word, tag);
            assert!(!vocab.words[id as usize].1.candidate, "{word}");
        }
        let id = vocab.intern("两个", "m");
        assert!(!vocab.words[id as usize].1.joinable);
        for word in ["一企一策", "创卫"] {
            let id = vocab.intern(word, "x");
            assert!(vocab.words[id as usize].1.candidate, "{word}");
        }
        // As the segmenter hands them over: 督查 + 室要 + 加强.
        let seg = crate::segment::base();
        let words = seg.words("县委督查室要加强督查，现将本学期工作总结如下");
        let fragments: Vec<_> = words.iter().filter(|w| looks_like_grammar(w.text, w.tag)).map(|w| w.text).collect();
        assert!(words.iter().all(|w| !matches!(w.text, "室要" | "现将本") || fragments.contains(&w.text)), "{words:?}");
    }

    /// The ten best keywords of `text` repeated `times` times.
    fn top_ten(text: &str, times: usize) -> Vec<Keyword> {
        let seg = crate::segment::segmenter(&[]);
        let (c, vocab) = candidates_of(&seg, text, times);
        rank(&c, &vocab, &seg, 10)
    }

    #[test]
    fn parts_of_a_discovered_term_are_counted_with_it() {
        let top = top_ten("开展社区戒毒社区康复工作，社区康复", 3);
        let part = top.iter().find(|k| k.term == "社区康复").expect("the part is ranked");
        assert!(part.count > 3, "{top:?}");
    }

    #[test]
    fn given_names_cut_from_their_surname_are_not_candidates() {
        assert!(is_given_name("刘", "zg", "建军", Some("同志")));
        assert!(is_given_name("李", "nr", "文星", Some("、")));
        assert!(is_given_name("李", "nr", "文星", None));
        // Not after a function word, not before ordinary words, never a lexicon term.
        assert!(!is_given_name("于", "p", "社区", Some("。")));
        assert!(!is_given_name("刘", "zg", "建军", Some("节日")));
        assert!(!is_given_name("王", "nr", "禁毒", Some("、")));
    }

    #[test]
    fn runs_ending_on_a_setting_noun_are_not_new_terms() {
        let top = top_ten("组织禁毒宣传社区，开展禁毒宣传活动", 3);
        assert!(!top.iter().any(|k| k.term.ends_with("社区") && k.term != "社区"), "{top:?}");
    }

    #[test]
    fn result_is_the_result_category() {
        assert_eq!(crate::contract::CATEGORIES[RESULT], "result");
    }

    #[test]
    fn a_word_is_counted_in_the_longer_words_it_begins_or_ends() {
        let top = top_ten("落实安全生产责任制，开展安全生产月活动，抓好安全生产", 2);
        let head = top.iter().find(|k| k.term == "安全生产").expect("ranked");
        assert!(head.count > 2, "{top:?}");
    }

    #[test]
    fn boilerplate_is_not_a_candidate() {
        let none = HashSet::new();
        assert!(!is_candidate("工作", "vn", &none));
        assert!(!is_candidate("20xx", "m", &none));
        assert!(is_candidate("禁毒", "vn", &none));
        assert!(!is_candidate("##", "x", &none), "Markdown marks name nothing");
    }
}

