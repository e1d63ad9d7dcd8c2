//! Training the sentence model from gold labels (shared/docs/gold-format.md): the gold's
//! sentence categories are mapped onto the characters of its source text, the pipeline runs
//! with a labeler that records each sentence's features and answers with the gold label
//! (so context features such as `prev:` and `sec:` see gold labels, as in teacher forcing),
//! and a multinomial logistic regression is fitted with AdaGrad and L2, its weights averaged
//! over several fits on differently shuffled examples (`fit`).

use crate::analyze::{analyze_with_labeler, Options};
use crate::classify::{self, Model, SentenceContext, N_CAT, OTHER};
use crate::contract::{Analysis, CATEGORIES};
use crate::structure::Kind;
use crate::text::lines;
use std::collections::HashMap;
use std::path::Path;

/// One gold file with its labels spread over the characters of the source.
pub struct Gold {
    pub name: String,
    pub text: String,
    /// Gold category of each char (None outside labelled sentences).
    pub char_category: Vec<Option<usize>>,
    /// Gold document of each char on a labelled line.
    pub char_doc: Vec<Option<usize>>,
    pub documents: usize,
}

/// Reads a gold JSONL file; its `source` is resolved against `root`.
pub fn load_gold(path: &Path, root: &Path) -> Result<Gold, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut records = raw.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str::<serde_json::Value>);
    let head = records.next().ok_or("empty gold file")?.map_err(|e| e.to_string())?;
    let source = head["source"].as_str().ok_or("first record has no source")?;
    let text = std::fs::read_to_string(root.join(source)).map_err(|e| format!("{source}: {e}"))?;
    let chars: Vec<char> = text.chars().collect();
    let src_lines = lines(&chars);
    let mut char_category = vec![None; chars.len()];
    let mut char_doc = vec![None; chars.len()];
    let mut documents = 0;
    for rec in records {
        let rec = rec.map_err(|e| e.to_string())?;
        if rec["type"] != "line" {
            continue;
        }
        let n = rec["line"].as_u64().ok_or("line record without line")? as usize;
        let doc = rec["doc"].as_u64().unwrap_or(0) as usize;
        documents = documents.max(doc + 1);
        let line = src_lines.get(n - 1).ok_or("line number past the end of the source")?;
        for c in &mut char_doc[line.start..line.end] {
            *c = Some(doc);
        }
        let mut pos = line.start;
        for sent in rec["sentences"].as_array().into_iter().flatten() {
            let len = sent["text"].as_str().unwrap_or("").chars().count();
            let cat = CATEGORIES.iter().position(|c| sent["category"] == *c);
            for c in &mut char_category[pos..(pos + len).min(line.end)] {
                *c = cat;
            }
            pos += len;
        }
    }
    let name = path.file_name().map(|n| n.to_string_lossy().replace(".gold.jsonl", "")).unwrap_or_default();
    Ok(Gold { name, text, char_category, char_doc, documents })
}

/// The most common gold label and document over a char span.
fn gold_of(gold: &Gold, (s, e): (usize, usize)) -> (Option<usize>, Option<usize>) {
    let mut votes = [0usize; N_CAT];
    for c in gold.char_category[s..e].iter().flatten() {
        votes[*c] += 1;
    }
    let best = (0..N_CAT).max_by_key(|&c| votes[c]).filter(|&c| votes[c] > 0);
    (best, gold.char_doc[s..e].iter().flatten().next().copied())
}

/// A training example: features, gold label, and the gold document it came from.
pub struct Example {
    pub features: Vec<String>,
    pub label: usize,
    pub doc: usize,
}

/// Features of every body sentence of a gold file, labelled with gold categories.
pub fn examples(gold: &Gold) -> Vec<Example> {
    let mut out = Vec::new();
    let mut record = |cx: &SentenceContext, span: (usize, usize)| {
        let (label, doc) = gold_of(gold, span);
        let label_or_other = label.unwrap_or(OTHER);
        if let (Some(label), Some(doc), false) = (label, doc, matches!(cx.block_kind, Kind::Title | Kind::Signoff)) {
            out.push(Example { features: classify::features(cx), label, doc });
        }
        (label_or_other, 1.0, Vec::new())
    };
    let _ = analyze_with_labeler(&gold.text, &Options::default(), &|| 0.0, &mut record);
    out
}

#[derive(Clone, Copy)]
pub struct TrainConfig {
    pub epochs: usize,
    pub learning_rate: f64,
    pub l2: f64,
    /// Features seen fewer times than this are dropped (structural ones are always kept).
    pub min_count: usize,
    /// Seed of the example shuffle.
    pub seed: u64,
    /// Number of fits, each on its own shuffle, whose weights are averaged.
    pub bag: usize,
    /// Decimals the stored weights keep.
    pub decimals: i32,
    /// Centred weights smaller than this are stored as 0.
    pub min_weight: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 10, learning_rate: 0.1, l2: 3e-3, min_count: 3, seed: 0x5eed, bag: 8, decimals: 2, min_weight: 0.19 }
    }
}

/// Fits the model `cfg.bag` times, each on its own shuffle of the examples, and averages the
/// weights. One fit's accuracy swings by a few points with the shuffle order alone (the
/// data are small); the average is steadier (judge changes over several `--seed`s too: the
/// figures of one seed mislead). Each feature's row is then centred
/// (a constant shift of a row changes no probability and no cue margin), rounded, and its
/// small weights stored as 0, which keeps the embedded model small.
pub fn fit(examples: &[&Example], cfg: &TrainConfig) -> HashMap<String, [f32; N_CAT]> {
    let bag = cfg.bag.max(1);
    let mut sum: HashMap<String, [f32; N_CAT]> = HashMap::new();
    for k in 0..bag {
        let one = TrainConfig { seed: cfg.seed.wrapping_add(k as u64 * 7919), ..*cfg };
        for (f, v) in train(examples, &one) {
            let s = sum.entry(f).or_insert([0.0; N_CAT]);
            for c in 0..N_CAT {
                s[c] += v[c] / bag as f32;
            }
        }
    }
    let scale = 10f32.powi(cfg.decimals);
    sum.into_iter()
        .map(|(f, mut v)| {
            let mean = if f == "bias" { 0.0 } else { v.iter().sum::<f32>() / N_CAT as f32 };
            for x in v.iter_mut() {
                let centred = *x - mean;
                // `+ 0.0` turns -0 into 0.
                *x = if centred.abs() < cfg.min_weight { 0.0 } else { (centred * scale).round() / scale + 0.0 };
            }
            (f, v)
        })
        .filter(|(f, v)| f.starts_with("prev:") || f == "bias" || v.iter().any(|x| *x != 0.0))
        .collect()
}

/// Fits the model once; deterministic (fixed example order shuffled by an LCG from `cfg.seed`).
pub fn train(examples: &[&Example], cfg: &TrainConfig) -> HashMap<String, [f32; N_CAT]> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for ex in examples {
        for f in &ex.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let keep = |f: &str| counts.get(f).copied().unwrap_or(0) >= cfg.min_count || !f.starts_with(['w', 'b']) && !f.contains('|');
    let mut index: HashMap<&str, usize> = HashMap::new();
    for f in counts.keys() {
        if keep(f) {
            let n = index.len();
            index.insert(f, n);
        }
    }
    let rows: Vec<(Vec<usize>, usize)> = examples
        .iter()
        .map(|ex| (ex.features.iter().filter_map(|f| index.get(f.as_str()).copied()).collect(), ex.label))
        .collect();
    let dim = index.len();
    let mut w = vec![[0f64; N_CAT]; dim];
    let mut g2 = vec![[1e-8f64; N_CAT]; dim];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut seed: u64 = cfg.seed;
    for _ in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &r in &order {
            let (feats, label) = &rows[r];
            let mut score = [0f64; N_CAT];
            for &f in feats {
                for c in 0..N_CAT {
                    score[c] += w[f][c];
                }
            }
            let p = classify::softmax(&score);
            for &f in feats {
                for c in 0..N_CAT {
                    let grad = p[c] - if c == *label { 1.0 } else { 0.0 } + cfg.l2 * w[f][c];
                    g2[f][c] += grad * grad;
                    w[f][c] -= cfg.learning_rate * grad / g2[f][c].sqrt();
                }
            }
        }
    }
    index
        .into_iter()
        .map(|(f, i)| {
            let mut out = [0f32; N_CAT];
            for c in 0..N_CAT {
                out[c] = ((w[i][c] * 1000.0).round() / 1000.0) as f32;
            }
            (f.to_string(), out)
        })
        .filter(|(_, v)| v.iter().any(|x| x.abs() >= 0.02))
        .collect()
}

/// The model as the TSV that `classify` embeds, features sorted for stable diffs.
pub fn model_tsv(weights: &HashMap<String, [f32; N_CAT]>, provenance: &str) -> String {
    let mut names: Vec<&String> = weights.keys().collect();
    names.sort();
    let mut out = format!("# sentence model: multinomial logistic regression, columns {}\n# {provenance}\n", CATEGORIES.join(" "));
    for n in names {
        let w = &weights[n];
        let cols: Vec<String> = w.iter().map(|x| format!("{}", x)).collect();
        out.push_str(&format!("{n}\t{}\n", cols.join("\t")));
    }
    out
}

/// A model fitted on every example of `per_file` (examples grouped by gold file) except those of
/// document `doc` of file `file`: the model that labels that document in leave-one-document-out.
pub fn model_without(per_file: &[Vec<Example>], file: usize, doc: usize, cfg: &TrainConfig) -> Model {
    let train_set: Vec<&Example> =
        per_file.iter().enumerate().flat_map(|(fi, exs)| exs.iter().filter(move |ex| fi != file || ex.doc != doc)).collect();
    Model::from_weights(fit(&train_set, cfg))
}

/// Analyses a gold file's text with the model given for each of its gold documents
/// (leave-one-document-out evaluation: `model_for(doc)` never saw `doc`).
pub fn analyze_with_models(gold: &Gold, model_for: &dyn Fn(usize) -> Model) -> Analysis {
    let models: Vec<Model> = (0..gold.documents).map(model_for).collect();
    let fallback = Model::embedded();
    let mut label = |cx: &SentenceContext, span: (usize, usize)| {
        let (_, doc) = gold_of(gold, span);
        let model = doc.and_then(|d| models.get(d)).unwrap_or(fallback);
        let (probs, cues) = model.predict(&classify::features(cx));
        classify::decide(cx, probs, cues)
    };
    analyze_with_labeler(&gold.text, &Options::default(), &|| 0.0, &mut label).expect("gold source is not empty")
}
