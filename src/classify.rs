//! Sentence function (taxonomy §3): a linear model (multinomial logistic regression) over
//! transparent features — the sentence's words, cue phrases, the heading it sits under, who
//! speaks, its place, and the label of the sentence before. Weights are trained by
//! `cargo run --release --bin train-model` and embedded from data/sentence-model.tsv; every
//! prediction reports the features that weighed most.

use crate::contract::{Cue, CATEGORIES};
use crate::structure::Kind;
use std::collections::HashMap;
use std::sync::OnceLock;

pub const N_CAT: usize = CATEGORIES.len();
pub const OTHER: usize = 6;

const CUES: &str = include_str!("../data/cues.tsv");
const MODEL: &str = include_str!("../data/sentence-model.tsv");

/// Cue phrases with the category they suggest.
pub fn cue_table() -> &'static [(String, usize)] {
    static T: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    T.get_or_init(|| {
        crate::text::table_lines(CUES)
            .filter_map(|l| {
                let (cat, phrase) = l.split_once('\t')?;
                let c = CATEGORIES.iter().position(|x| *x == cat.trim())?;
                Some((crate::structure::normalize(phrase.trim()), c))
            })
            .collect()
    })
}

/// The cue categories a sentence contains.
pub fn cue_categories(text: &str) -> [bool; N_CAT] {
    let mut hit = [false; N_CAT];
    for (phrase, cat) in cue_table() {
        if !hit[*cat] && text.contains(phrase.as_str()) {
            hit[*cat] = true;
        }
    }
    hit
}

/// What the classifier is told about one sentence.
pub struct SentenceContext<'a> {
    /// Width-folded sentence text.
    pub text: &'a str,
    /// Content words of the sentence.
    pub words: &'a [&'a str],
    pub block_kind: Kind,
    /// Category of the heading the sentence sits under, if any.
    pub section: Option<usize>,
    /// Position of the sentence inside its block (0 = first).
    pub index_in_block: usize,
    /// Whether an earlier sentence of the block reports someone's demand (强调/要求/指出).
    pub block_has_speaker: bool,
    /// Cue categories found in the block's first sentence (a paragraph keeps its function).
    pub block_lead_cues: [bool; N_CAT],
    /// Share of the document's body before this sentence, 0..1.
    pub position: f64,
    pub genre: &'a str,
    /// Label of the previous sentence in the document (predicted at run time, gold in training).
    pub previous: Option<usize>,
}

pub fn features(cx: &SentenceContext) -> Vec<String> {
    let mut f = Vec::with_capacity(cx.words.len() + 16);
    f.push("bias".to_string());
    for w in cx.words {
        f.push(format!("w:{w}"));
    }
    for (i, pair) in cx.words.windows(2).enumerate() {
        if i < 12 {
            f.push(format!("b:{}{}", pair[0], pair[1]));
        }
    }
    for (phrase, cat) in cue_table() {
        if cx.text.contains(phrase.as_str()) {
            f.push(format!("cue:{}", CATEGORIES[*cat]));
        }
    }
    let lead: String = cx.text.chars().take(2).collect();
    f.push(format!("lead:{lead}"));

    f.push(format!("kind:{}", cx.block_kind.id()));
    if let Some(s) = cx.section {
        f.push(format!("sec:{}", CATEGORIES[s]));
    }
    if cx.index_in_block == 0 {
        f.push("first-in-block".to_string());
    }
    if cx.index_in_block > 0 {
        for (c, hit) in cx.block_lead_cues.iter().enumerate() {
            if *hit {
                f.push(format!("bcue:{}", CATEGORIES[c]));
            }
        }
    }
    if cx.block_has_speaker {
        f.push("after-speaker".to_string());
    }
    f.push(format!("pos:{}", (cx.position * 4.0).floor().min(3.0) as u8));
    f.push(format!("genre:{}", cx.genre));
    match cx.previous {
        Some(p) => f.push(format!("prev:{}", CATEGORIES[p])),
        None => f.push("prev:none".to_string()),
    }
    if cx.text.chars().any(|c| c.is_ascii_digit()) {
        f.push("has-digit".to_string());
    }
    f
}

pub struct Model {
    weights: HashMap<String, [f32; N_CAT]>,
}

impl Model {
    pub fn parse(text: &str) -> Model {
        let mut weights = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut parts = line.split('\t');
            let Some(name) = parts.next() else { continue };
            let mut w = [0f32; N_CAT];
            for (slot, v) in w.iter_mut().zip(parts) {
                *slot = v.trim().parse().unwrap_or(0.0);
            }
            weights.insert(name.to_string(), w);
        }
        if weights.is_empty() {
            // No trained weights yet: each cue phrase votes for its category.
            for (c, cat) in CATEGORIES.iter().enumerate() {
                let mut w = [0f32; N_CAT];
                w[c] = 1.0;
                weights.insert(format!("cue:{cat}"), w);
                let mut s = [0f32; N_CAT];
                s[c] = 0.5;
                weights.insert(format!("sec:{cat}"), s);
            }
            let mut bias = [0f32; N_CAT];
            bias[OTHER] = 0.3;
            weights.insert("bias".to_string(), bias);
        }
        Model { weights }
    }

    pub fn from_weights(weights: HashMap<String, [f32; N_CAT]>) -> Model {
        Model { weights }
    }

    pub fn embedded() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| Model::parse(MODEL))
    }

    /// Class probabilities and, for the best class, the features that weighed most for it.
    pub fn predict(&self, feats: &[String]) -> ([f64; N_CAT], Vec<Cue>) {
        let mut score = [0f64; N_CAT];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for c in 0..N_CAT {
                    score[c] += w[c] as f64;
                }
            }
        }
        let probs = softmax(&score);
        let best = argmax(&probs);
        let mut cues: Vec<Cue> = feats
            .iter()
            .filter(|f| f.as_str() != "bias")
            .filter_map(|f| {
                let w = self.weights.get(f)?;
                // Weight for the chosen class relative to the average class.
                let mean = w.iter().map(|&x| x as f64).sum::<f64>() / N_CAT as f64;
                let margin = w[best] as f64 - mean;
                (margin > 0.0).then(|| Cue { feature: f.clone(), weight: round3(margin) })
            })
            .collect();
        cues.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        cues.dedup_by(|a, b| a.feature == b.feature);
        cues.truncate(5);
        (probs, cues)
    }
}

pub fn softmax(score: &[f64; N_CAT]) -> [f64; N_CAT] {
    let max = score.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let mut p = [0f64; N_CAT];
    let mut sum = 0.0;
    for c in 0..N_CAT {
        p[c] = (score[c] - max).exp();
        sum += p[c];
    }
    for v in p.iter_mut() {
        *v /= sum;
    }
    p
}

pub fn argmax(p: &[f64; N_CAT]) -> usize {
    let mut best = 0;
    for c in 1..N_CAT {
        if p[c] > p[best] {
            best = c;
        }
    }
    best
}

pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
