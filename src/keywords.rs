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
/// know — in reports usually a local name or abbreviation, so it stays in.
fn content_tag(tag: &str) -> bool {
    matches!(tag.chars().next(), Some('n') | Some('v') | Some('x') | Some('l') | Some('i') | Some('j') | Some('e'))
        && !matches!(tag, "vd" | "vg" | "nrt" | "e")
        || tag == "eng"
}

/// One candidate occurrence: the term and its index in the candidate sequence.
pub struct Candidates {
    /// Terms in text order (sentence breaks as `None`, so TextRank windows stop there).
    pub sequence: Vec<Option<String>>,
}

impl Candidates {
    pub fn new() -> Self {
        Candidates { sequence: Vec::new() }
    }

    pub fn push(&mut self, term: &str, tag: &str, extra_stop: &HashSet<String>) {
        if is_candidate(term, tag, extra_stop) {
            self.sequence.push(Some(term.to_string()));
        }
    }

    pub fn break_here(&mut self) {
        if self.sequence.last().is_some_and(|t| t.is_some()) {
            self.sequence.push(None);
        }
    }
}

pub fn is_candidate(term: &str, tag: &str, extra_stop: &HashSet<String>) -> bool {
    let n = term.chars().count();
    n >= 2
        && n <= 16
        && content_tag(tag)
        && !term.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '%')
        && !term.chars().any(|c| c.is_ascii_digit())
        && !stop_words().contains(term)
        && !extra_stop.contains(term)
}

/// Ranks the candidates of one scope and keeps the best `limit`.
pub fn rank(cands: &Candidates, seg: &Segmenter, limit: usize) -> Vec<Keyword> {
    let mut tf: HashMap<&str, u64> = HashMap::new();
    for t in cands.sequence.iter().flatten() {
        *tf.entry(t.as_str()).or_default() += 1;
    }
    if tf.is_empty() {
        return Vec::new();
    }
    let total: u64 = tf.values().sum();
    let tfidf: HashMap<&str, f64> = tf
        .iter()
        .map(|(&t, &c)| {
            // Longer terms are more specific than the IDF table alone knows.
            let len_bonus = 1.0 + 0.1 * (t.chars().count().min(6) as f64 - 2.0);
            (t, (c as f64 / total as f64) * seg.idf(t) * len_bonus)
        })
        .collect();
    let tr = textrank(cands, &tf);
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

/// TextRank: PageRank over an undirected graph joining terms that occur within 5 candidates
/// of each other in the same sentence.
fn textrank(cands: &Candidates, tf: &HashMap<&str, u64>) -> HashMap<String, f64> {
    const WINDOW: usize = 5;
    const DAMPING: f64 = 0.85;
    let index: HashMap<&str, usize> = tf.keys().enumerate().map(|(i, &t)| (t, i)).collect();
    let n = index.len();
    let mut edges: HashMap<(usize, usize), f64> = HashMap::new();
    let seq = &cands.sequence;
    for i in 0..seq.len() {
        let Some(a) = &seq[i] else { continue };
        for j in i + 1..(i + WINDOW).min(seq.len()) {
            let Some(b) = &seq[j] else { break };
            let (x, y) = (index[a.as_str()], index[b.as_str()]);
            if x != y {
                *edges.entry((x.min(y), x.max(y))).or_default() += 1.0;
            }
        }
    }
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (&(x, y), &w) in &edges {
        adj[x].push((y, w));
        adj[y].push((x, w));
    }
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
    let names: Vec<&str> = {
        let mut v = vec![""; n];
        for (&t, &i) in &index {
            v[i] = t;
        }
        v
    };
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
    fn boilerplate_is_not_a_candidate() {
        let none = HashSet::new();
        assert!(!is_candidate("工作", "vn", &none));
        assert!(!is_candidate("20xx", "m", &none));
        assert!(is_candidate("禁毒", "vn", &none));
    }
}
