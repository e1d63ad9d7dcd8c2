//! Keywords: candidates from segmentation (content parts of speech, no stop words or
//! boilerplate), ranked by TF-IDF (IDF from the word table's frequencies) blended with
//! TextRank over a co-occurrence window; plus keyword-in-context.

use crate::contract::{Keyword, Occurrence};
use crate::segment::Segmenter;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const STOP_WORDS: &str = include_str!("../data/stopwords.txt");
const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");

fn word_set(text: &'static str) -> HashSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

pub fn stop_words() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
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

fn generic_nouns() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| word_set(GENERIC_NOUNS))
}

/// A three-character word the table does not know that starts with a surname is, in a report,
/// almost always a person's name (陈俊祥, 钟雪莲).
fn looks_like_name(term: &str, tag: &str) -> bool {
    static FIRST: OnceLock<HashSet<char>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        SURNAMES
            .lines()
            .map(str::trim)
            .filter(|l| l.chars().count() == 1)
            .filter_map(|l| l.chars().next())
            .collect()
    });
    tag == "x" && term.chars().count() == 3 && term.chars().next().is_some_and(|c| first.contains(&c))
}

/// One token of a scope's text as seen by keyword extraction.
#[derive(Clone)]
struct Tok {
    text: String,
    /// Can stand as a keyword on its own.
    candidate: bool,
    /// Can sit inside a discovered term (a CJK word that is not a function word).
    joinable: bool,
    /// Can end a discovered term (a noun, a verbal noun or an unknown word).
    nounish: bool,
}

/// The words of one scope (the whole paste, a document, a category), in text order, with
/// sentence breaks, so that both ranking and new-term discovery can see adjacency.
pub struct Candidates {
    sentences: Vec<Vec<Tok>>,
}

impl Default for Candidates {
    fn default() -> Self {
        Self::new()
    }
}

impl Candidates {
    pub fn new() -> Self {
        Candidates { sentences: vec![Vec::new()] }
    }

    pub fn push(&mut self, term: &str, tag: &str, extra_stop: &HashSet<String>) {
        let candidate = is_candidate(term, tag, extra_stop) && !looks_like_name(term, tag);
        let joinable = term.chars().all(crate::text::is_cjk) && !stop_words_general().contains(term);
        if let Some(s) = self.sentences.last_mut() {
            let nounish = candidate && (tag.starts_with('n') || matches!(tag, "vn" | "x" | "j" | "l"));
            s.push(Tok { text: term.to_string(), candidate, joinable, nounish });
        }
    }

    pub fn break_here(&mut self) {
        if self.sentences.last().is_some_and(|s| !s.is_empty()) {
            self.sentences.push(Vec::new());
        }
    }

    /// Terms that only ever occur as plain verbs (开展-like actions rank below things).
    fn verbs(&self) -> HashSet<&str> {
        let mut nounish: HashSet<&str> = HashSet::new();
        let mut all: HashSet<&str> = HashSet::new();
        for t in self.sentences.iter().flatten().filter(|t| t.candidate) {
            all.insert(&t.text);
            if t.nounish {
                nounish.insert(&t.text);
            }
        }
        all.difference(&nounish).copied().collect()
    }

    /// Candidate terms per sentence, with the discovered multi-word terms merged.
    fn terms(&self, phrases: &HashSet<String>) -> Vec<Vec<String>> {
        let mut out = Vec::with_capacity(self.sentences.len());
        for sent in &self.sentences {
            let mut terms = Vec::new();
            let mut i = 0;
            while i < sent.len() {
                let merged = (2..=MAX_PHRASE_WORDS).rev().find_map(|n| {
                    let w = sent.get(i..i + n)?;
                    let joined: String = w.iter().map(|t| t.text.as_str()).collect();
                    phrases.contains(&joined).then_some((n, joined))
                });
                match merged {
                    Some((n, joined)) => {
                        terms.push(joined);
                        i += n;
                    }
                    None => {
                        if sent[i].candidate {
                            terms.push(sent[i].text.clone());
                        }
                        i += 1;
                    }
                }
            }
            out.push(terms);
        }
        out
    }
}

const MAX_PHRASE_WORDS: usize = 4;

/// New-term discovery: runs of 2–4 adjacent words that recur in this text and hold together —
/// most occurrences of a part fall inside the run (cohesion, a PMI-like ratio) and the run is
/// not always the fragment of a longer one (boundary freedom) — become one term (创卫 + 领导小组,
/// 健康教育 + 宣传栏). Starts and ends on a content word, 3–10 characters.
fn discover_phrases(c: &Candidates) -> HashSet<String> {
    let mut word_count: HashMap<&str, u32> = HashMap::new();
    let mut runs: HashMap<String, (u32, usize)> = HashMap::new();
    for sent in &c.sentences {
        for t in sent {
            *word_count.entry(t.text.as_str()).or_default() += 1;
        }
        for i in 0..sent.len() {
            for n in 2..=MAX_PHRASE_WORDS {
                let Some(w) = sent.get(i..i + n) else { break };
                if !w.iter().all(|t| t.joinable) || !w[0].nounish || !w[n - 1].nounish {
                    if !w.iter().all(|t| t.joinable) {
                        break;
                    }
                    continue;
                }
                let joined: String = w.iter().map(|t| t.text.as_str()).collect();
                let len = joined.chars().count();
                if (3..=10).contains(&len) {
                    runs.entry(joined).or_insert((0, i)).0 += 1;
                }
            }
        }
    }
    let mut found: HashSet<String> = HashSet::new();
    for sent in &c.sentences {
        for i in 0..sent.len() {
            for n in 2..=MAX_PHRASE_WORDS {
                let Some(w) = sent.get(i..i + n) else { break };
                let joined: String = w.iter().map(|t| t.text.as_str()).collect();
                let Some(&(count, _)) = runs.get(&joined) else { continue };
                if count < 2 || found.contains(&joined) {
                    continue;
                }
                let cohesion = w
                    .iter()
                    .filter(|t| t.candidate)
                    .map(|t| count as f64 / word_count[t.text.as_str()] as f64)
                    .fold(0.0, f64::max);
                // A run always embedded in the same longer run is only its fragment.
                let fragment = [sent.get(i..i + n + 1), i.checked_sub(1).and_then(|s| sent.get(s..i + n))]
                    .into_iter()
                    .flatten()
                    .any(|longer| {
                        let l: String = longer.iter().map(|t| t.text.as_str()).collect();
                        runs.get(&l).is_some_and(|&(lc, _)| lc == count)
                    });
                if cohesion >= 0.5 && !fragment {
                    found.insert(joined);
                }
            }
        }
    }
    found
}

pub fn is_candidate(term: &str, tag: &str, extra_stop: &HashSet<String>) -> bool {
    let n = term.chars().count();
    n >= 2
        && n <= 16
        && content_tag(tag)
        && !term.chars().any(|c| c.is_ascii_digit())
        && !stop_words().contains(term)
        && !extra_stop.contains(term)
}

fn stop_words_general() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| word_set(STOP_WORDS))
}

/// How widely each term is spread over the documents of the paste: terms found in every
/// document (社区 in a binder of community reports) say less about any one of them.
pub struct Spread {
    documents: usize,
    df: HashMap<String, u32>,
}

impl Spread {
    pub fn new(per_document: &[&Candidates]) -> Spread {
        let mut df: HashMap<String, u32> = HashMap::new();
        for c in per_document {
            let mut seen: HashSet<&str> = HashSet::new();
            for t in c.sentences.iter().flatten().filter(|t| t.candidate) {
                if seen.insert(t.text.as_str()) {
                    *df.entry(t.text.clone()).or_default() += 1;
                }
            }
        }
        Spread { documents: per_document.len(), df }
    }

    /// 1 for a term in one document, down to 0.4 for a term in all of them (3+ documents).
    fn factor(&self, term: &str) -> f64 {
        if self.documents < 3 {
            return 1.0;
        }
        let df = self.df.get(term).copied().unwrap_or(1).max(1) as f64;
        let n = self.documents as f64;
        1.0 - 0.6 * ((df - 1.0) / (n - 1.0)).clamp(0.0, 1.0)
    }
}

/// Ranks the candidates of one scope and keeps the best `limit`.
pub fn rank(cands: &Candidates, seg: &Segmenter, limit: usize) -> Vec<Keyword> {
    rank_in(cands, seg, limit, None)
}

/// `rank`, discounting terms spread over all documents of the paste.
pub fn rank_in(cands: &Candidates, seg: &Segmenter, limit: usize, spread: Option<&Spread>) -> Vec<Keyword> {
    let phrases = discover_phrases(cands);
    let sentences = cands.terms(&phrases);
    let mut tf: HashMap<&str, u64> = HashMap::new();
    for t in sentences.iter().flatten() {
        *tf.entry(t.as_str()).or_default() += 1;
    }
    if tf.is_empty() {
        return Vec::new();
    }
    let total: u64 = tf.values().sum();
    let verbs = cands.verbs();
    let tfidf: HashMap<&str, f64> = tf
        .iter()
        .map(|(&t, &c)| {
            // Longer terms are more specific than the IDF table alone knows.
            let len_bonus = 1.0 + 0.35 * (t.chars().count().min(8) as f64 - 2.0);
            let spread = spread.map_or(1.0, |s| s.factor(t));
            let pos = if verbs.contains(t) || generic_nouns().contains(t) { 0.5 } else { 1.0 };
            (t, (c as f64 / total as f64) * seg.idf(t) * len_bonus * spread * pos)
        })
        .collect();
    let tr = textrank(&sentences, &tf);
    let max_tfidf = tfidf.values().cloned().fold(0.0, f64::max).max(1e-12);
    let max_tr = tr.values().cloned().fold(0.0, f64::max).max(1e-12);
    let mut out: Vec<Keyword> = tf
        .iter()
        .map(|(&t, &c)| {
            let a = tfidf[t] / max_tfidf;
            let b = tr.get(t).copied().unwrap_or(0.0) / max_tr;
            Keyword {
                term: t.to_string(),
                count: c,
                weight: 0.75 * a + 0.25 * b,
                tfidf: round4(a),
                textrank: round4(b),
            }
        })
        .collect();
    out.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.term.cmp(&b.term)));
    out.truncate(limit);
    let top = out.first().map(|k| k.weight).unwrap_or(1.0).max(1e-12);
    for k in &mut out {
        k.weight = round4(k.weight / top);
    }
    out
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// TextRank: PageRank over an undirected graph joining terms that occur within 5 terms of
/// each other in the same sentence (index-based adjacency: no hashing in the inner loop).
fn textrank(sentences: &[Vec<String>], tf: &HashMap<&str, u64>) -> HashMap<String, f64> {
    const WINDOW: usize = 5;
    const DAMPING: f64 = 0.85;
    // Terms numbered by first appearance and neighbours kept in order, so that the sums run in
    // the same order every time and the same input always gives the same ranking.
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(tf.len());
    let mut names: Vec<&str> = Vec::with_capacity(tf.len());
    for t in sentences.iter().flatten() {
        index.entry(t.as_str()).or_insert_with(|| {
            names.push(t.as_str());
            names.len() - 1
        });
    }
    let n = names.len();
    let mut adj: Vec<std::collections::BTreeMap<usize, f64>> = vec![Default::default(); n];
    for sent in sentences {
        let ids: Vec<usize> = sent.iter().map(|t| index[t.as_str()]).collect();
        for i in 0..ids.len() {
            for j in i + 1..(i + WINDOW).min(ids.len()) {
                let (x, y) = (ids[i], ids[j]);
                if x != y {
                    *adj[x].entry(y).or_default() += 1.0;
                    *adj[y].entry(x).or_default() += 1.0;
                }
            }
        }
    }
    let adj: Vec<Vec<(usize, f64)>> = adj.into_iter().map(|m| m.into_iter().collect()).collect();
    let out_weight: Vec<f64> = adj.iter().map(|v| v.iter().map(|e| e.1).sum()).collect();
    let mut rank = vec![1.0f64; n];
    for _ in 0..20 {
        let mut next = vec![1.0 - DAMPING; n];
        for (x, nbrs) in adj.iter().enumerate() {
            for &(y, w) in nbrs {
                if out_weight[y] > 0.0 {
                    next[x] += DAMPING * w / out_weight[y] * rank[y];
                }
            }
        }
        rank = next;
    }
    names.into_iter().zip(rank).map(|(t, r)| (t.to_string(), r)).collect()
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

    #[test]
    fn recurring_word_runs_become_one_term() {
        let seg = crate::segment::segmenter(&[]);
        let mut c = Candidates::new();
        let none = HashSet::new();
        for _ in 0..3 {
            for w in seg.words("社区设置健康教育宣传栏，定期更换宣传栏内容") {
                c.push(w.text, w.tag, &none);
            }
            c.break_here();
        }
        let top = rank(&c, &seg, 5);
        assert!(top.iter().any(|k| k.term == "健康教育宣传栏"), "{top:?}");
    }

    #[test]
    fn boilerplate_is_not_a_candidate() {
        let none = HashSet::new();
        assert!(!is_candidate("工作", "vn", &none));
        assert!(!is_candidate("20xx", "m", &none));
        assert!(is_candidate("禁毒", "vn", &none));
    }
}
