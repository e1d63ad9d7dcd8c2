//! Sentence function (taxonomy §3): a linear model (multinomial logistic regression) over
//! transparent features — the sentence's words, cue phrases, the heading it sits under, who
//! speaks, its place, and the label of the sentence before. Weights are trained by
//! `cargo run --release --bin train-model` and embedded from data/sentence-model.tsv; every
//! prediction reports the features that weighed most.

use crate::contract::{FeatureCue, CATEGORIES};
use crate::structure::Kind;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::OnceLock;

mod rules;
use rules::{
    deadline_ahead, demand_in_first_clause, demand_of_others, document_field, introduces_the_document, is_general_statement, is_name_list, outcome_named, own_intention,
    shortcoming_named, voiced_demand,
};

pub const N_CAT: usize = CATEGORIES.len();
pub const OVERVIEW: usize = 0;
pub const MEASURE: usize = 1;
pub const RESULT: usize = 2;
pub const PROBLEM: usize = 3;
pub const PLAN: usize = 4;
pub const DIRECTIVE: usize = 5;
pub const OTHER: usize = 6;

const CUES: &str = include_str!("../data/cues.tsv");
const MODEL: &str = include_str!("../data/sentence-model.tsv");

/// Cue phrases with the category they suggest, and one automaton that finds them all in a
/// single pass over a sentence (instead of one substring search per phrase).
struct CueMatcher {
    phrases: Vec<(String, usize)>,
    automaton: AhoCorasick,
}

fn cue_matcher() -> &'static CueMatcher {
    static M: OnceLock<CueMatcher> = OnceLock::new();
    M.get_or_init(|| {
        let phrases: Vec<(String, usize)> = crate::text::table_lines(CUES)
            .filter_map(|l| {
                let (cat, phrase) = l.split_once('\t')?;
                let c = CATEGORIES.iter().position(|x| *x == cat.trim())?;
                Some((crate::structure::normalize(phrase.trim()), c))
            })
            .collect();
        let automaton = AhoCorasick::new(phrases.iter().map(|p| &p.0)).expect("cue phrases build an automaton");
        CueMatcher { phrases, automaton }
    })
}

/// Cue phrases with the category they suggest.
pub fn cue_table() -> &'static [(String, usize)] {
    &cue_matcher().phrases
}

/// Table positions of the cue phrases `text` contains, each once, in table order (not where
/// a phrase closes a date: 31日前 is a deadline, not 日前).
fn cue_hits(text: &str, out: &mut Vec<u32>) {
    out.clear();
    out.extend(
        cue_matcher()
            .automaton
            .find_overlapping_iter(text)
            .filter(|m| !crate::text::closes_a_date(text, m.start()))
            .map(|m| m.pattern().as_u32()),
    );
    out.sort_unstable();
    out.dedup();
}

/// The cue categories a sentence contains.
pub fn cue_categories(text: &str) -> [bool; N_CAT] {
    let mut hits = Vec::new();
    cue_hits(text, &mut hits);
    let mut hit = [false; N_CAT];
    for &h in &hits {
        hit[cue_table()[h as usize].1] = true;
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
    /// Predicted category of the nearest heading the sentence sits under (for a heading: of the
    /// heading one level up), if any.
    pub section: Option<usize>,
    /// Words of the nearest heading above the sentence (its section's own words).
    pub heading_words: &'a [Box<str>],
    /// Words of the outermost open heading, when it is not the nearest.
    pub outer_words: &'a [Box<str>],
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

/// The features of a sentence, as owned strings (training keeps them).
pub fn features(cx: &SentenceContext) -> Vec<String> {
    let mut f = Vec::with_capacity(cx.words.len() + 16);
    each_feature(cx, &mut |name| f.push(name.to_string()));
    f
}

/// Hands each feature of a sentence to `emit`, built in one reused buffer: prediction looks
/// them up without allocating a string per feature.
pub fn each_feature(cx: &SentenceContext, emit: &mut dyn FnMut(&str)) {
    use std::fmt::Write;
    let mut buf = String::with_capacity(64);
    let mut put = |emit: &mut dyn FnMut(&str), args: std::fmt::Arguments| {
        buf.clear();
        let _ = buf.write_fmt(args);
        emit(&buf);
    };
    emit("bias");
    for w in cx.words {
        match *w {
            // 是 in a short sentence tends to a general statement (other); in a long one it is
            // mostly 尤其是, 一是 or a clause of a longer thought.
            "是" if cx.text.chars().count() > 40 => emit("w:是+long"),
            w => put(emit, format_args!("w:{}", number_shape(w))),
        }
    }
    for pair in cx.words.windows(2).take(12) {
        put(emit, format_args!("b:{}{}", number_shape(pair[0]), number_shape(pair[1])));
    }
    CUE_HITS.with(|hits| {
        let mut hits = hits.borrow_mut();
        cue_hits(cx.text, &mut hits);
        for &h in hits.iter() {
            put(emit, format_args!("cue:{}", CATEGORIES[cue_table()[h as usize].1]));
        }
    });
    let lead = &cx.text[..cx.text.char_indices().nth(2).map_or(cx.text.len(), |(i, _)| i)];
    put(emit, format_args!("lead:{lead}"));

    put(emit, format_args!("kind:{}", cx.block_kind.id()));
    if let Some(s) = cx.section {
        put(emit, format_args!("sec:{}", CATEGORIES[s]));
    }
    // The section's own words (工作计划, 存在的问题, 主要成效…), and those of the outermost
    // section around it: context that does not depend on a prediction.
    for w in cx.heading_words {
        put(emit, format_args!("hw:{w}"));
    }
    for w in cx.outer_words {
        put(emit, format_args!("ow:{w}"));
    }
    if cx.index_in_block == 0 {
        emit("first-in-block");
    }
    if cx.index_in_block > 0 {
        for (c, hit) in cx.block_lead_cues.iter().enumerate() {
            if *hit {
                put(emit, format_args!("bcue:{}", CATEGORIES[c]));
            }
        }
    }
    if cx.block_has_speaker {
        emit("after-speaker");
    }
    put(emit, format_args!("pos:{}", (cx.position * 4.0).floor().min(3.0) as u8));
    put(emit, format_args!("genre:{}", cx.genre));
    match cx.previous {
        Some(p) => put(emit, format_args!("prev:{}", CATEGORIES[p])),
        None => emit("prev:none"),
    }
    if cx.text.bytes().any(|c| c.is_ascii_digit()) {
        emit("has-digit");
    }
}

/// A number (2024, 20xx, 3.5, 98%) as one word, `#`: which number a sentence quotes says
/// nothing of its function, and a model that learns 1126 or 20xx learns its training texts.
fn number_shape(word: &str) -> &str {
    let numeric = word.bytes().any(|b| b.is_ascii_digit()) && word.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'%' | b'x' | b'X'));
    if numeric {
        "#"
    } else {
        word
    }
}

thread_local! {
    /// Scratch list of cue hits, reused across sentences.
    static CUE_HITS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Something that hands each of a sentence's features to the callback it is given.
type FeatureSource<'a> = dyn FnMut(&mut dyn FnMut(&str)) + 'a;

pub struct Model {
    /// Feature name → row of `weights` (the key shares the name's allocation).
    index: FxHashMap<std::sync::Arc<str>, u32>,
    names: Vec<std::sync::Arc<str>>,
    weights: Vec<[f32; N_CAT]>,
}

impl Model {
    pub fn parse(text: &str) -> Model {
        // Built in place (no intermediate map of owned names), weights read by a decimal
        // parser: the model is read at every cold start, and float parsing is slow in wasm.
        let mut model = Model { index: FxHashMap::default(), names: Vec::new(), weights: Vec::new() };
        model.index.reserve(text.len() / 32);
        // One pass over the bytes: `name\tw1\t…\tw7` lines, `#` comments.
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let end = line_end(bytes, at);
            let line = text[at..end].strip_suffix('\r').unwrap_or(&text[at..end]);
            at = end + 1;
            if line.starts_with('#') || line.bytes().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let (name, mut rest) = line.split_once('\t').unwrap_or((line, ""));
            let mut w = [0f32; N_CAT];
            for slot in w.iter_mut() {
                if rest.is_empty() {
                    break;
                }
                let (v, tail) = rest.split_once('\t').unwrap_or((rest, ""));
                *slot = parse_weight(v.trim_ascii());
                rest = tail;
            }
            model.set(name, w);
        }
        if model.weights.is_empty() {
            // No trained weights yet: each cue phrase votes for its category.
            for (c, cat) in CATEGORIES.iter().enumerate() {
                let mut w = [0f32; N_CAT];
                w[c] = 1.0;
                model.set(&format!("cue:{cat}"), w);
                let mut s = [0f32; N_CAT];
                s[c] = 0.5;
                model.set(&format!("sec:{cat}"), s);
            }
            let mut bias = [0f32; N_CAT];
            bias[OTHER] = 0.3;
            model.set("bias", bias);
        }
        model
    }

    /// Adds a feature's weights, or replaces them if the feature is known.
    fn set(&mut self, name: &str, w: [f32; N_CAT]) {
        match self.index.get(name) {
            Some(&row) => self.weights[row as usize] = w,
            None => {
                let name: std::sync::Arc<str> = name.into();
                self.index.insert(name.clone(), self.names.len() as u32);
                self.names.push(name);
                self.weights.push(w);
            }
        }
    }

    pub fn from_weights(weights: HashMap<String, [f32; N_CAT]>) -> Model {
        let mut model = Model { index: FxHashMap::default(), names: Vec::new(), weights: Vec::new() };
        for (name, w) in weights {
            let name: std::sync::Arc<str> = name.into();
            model.index.insert(name.clone(), model.names.len() as u32);
            model.names.push(name);
            model.weights.push(w);
        }
        model
    }

    pub fn embedded() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| Model::parse(MODEL))
    }

    /// Class probabilities and, for the best class, the features that weighed most for it.
    pub fn predict(&self, feats: &[String]) -> ([f64; N_CAT], Vec<FeatureCue>) {
        self.predict_from(&mut |emit| feats.iter().for_each(|f| emit(f)))
    }

    /// `predict` on a sentence's features, looked up as they are built.
    pub fn predict_context(&self, cx: &SentenceContext) -> ([f64; N_CAT], Vec<FeatureCue>) {
        self.predict_from(&mut |emit| each_feature(cx, emit))
    }

    fn predict_from(&self, features: &mut FeatureSource) -> ([f64; N_CAT], Vec<FeatureCue>) {
        // Rows of the known features, in feature order (a repeated feature counts again).
        let mut rows: Vec<u32> = Vec::with_capacity(48);
        features(&mut |f| {
            if let Some(&row) = self.index.get(f) {
                rows.push(row);
            }
        });
        let mut score = [0f64; N_CAT];
        for &r in &rows {
            let w = &self.weights[r as usize];
            for c in 0..N_CAT {
                score[c] += w[c] as f64;
            }
        }
        let probs = softmax(&score);
        let best = argmax(&probs);
        let mut cues: Vec<(u32, f64)> = rows
            .iter()
            .filter(|&&r| &*self.names[r as usize] != "bias")
            .filter_map(|&r| {
                let w = &self.weights[r as usize];
                // Weight for the chosen class relative to the average class.
                let mean = w.iter().map(|&x| x as f64).sum::<f64>() / N_CAT as f64;
                let margin = w[best] as f64 - mean;
                (margin > 0.0).then_some((r, round3(margin)))
            })
            .collect();
        cues.sort_by(|a, b| b.1.total_cmp(&a.1));
        cues.dedup_by(|a, b| a.0 == b.0);
        cues.truncate(5);
        let cues = cues.into_iter().map(|(r, weight)| FeatureCue { feature: self.names[r as usize].clone(), weight }).collect();
        (probs, cues)
    }
}

/// Where the line that starts at `from` ends (its `\n`, or the end of the text).
fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| from + p)
}

/// A weight as the model file writes it (`-0.12`, `3`, `0.5`): a short decimal is read exactly
/// as `str::parse` would (a unit test checks every weight of the embedded model); anything else
/// goes to `str::parse`.
fn parse_weight(v: &str) -> f32 {
    let (negative, digits) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let decimal = !int.is_empty() && int.len() <= 6 && frac.len() <= 6 && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
    if !decimal {
        return v.parse().unwrap_or(0.0);
    }
    const SCALE: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    let mantissa = int.bytes().chain(frac.bytes()).fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
    let x = (mantissa as f64 / SCALE[frac.len()]) as f32;
    if negative {
        -x
    } else {
        x
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

/// A sentence's category from the model's probabilities and cues: the most probable one,
/// unless a rule of the taxonomy decides (`rules`). A bare list of names carries on the
/// sentence before it. A sentence naming a shortcoming is
/// `problem`; one opening with a demand made of others (各单位要…) or voicing a leader's
/// demand (…指出，…要…) is `directive`; an organisation's own intention (县政府将把…) is
/// `plan`; an outcome reported (确保了, 好评) is `result` where the model says `measure`,
/// `overview` or `other`; a general statement is `other`. Returns the category, its
/// confidence and the cues.
pub fn decide(cx: &SentenceContext, probs: [f64; N_CAT], cues: Vec<FeatureCue>) -> (usize, f64, Vec<FeatureCue>) {
    let by_rule = |category: usize, feature: String| (category, 1.0, vec![FeatureCue { feature: feature.into(), weight: 1.0 }]);
    if let Some(previous) = cx.previous.filter(|_| is_name_list(cx.text)) {
        return by_rule(previous, "rule:list-continues".into());
    }
    if introduces_the_document(cx) {
        return by_rule(OVERVIEW, "rule:introduces-document".into());
    }
    if document_field(cx) {
        return by_rule(OVERVIEW, "rule:document-field".into());
    }
    if let Some(word) = shortcoming_named(cx) {
        return by_rule(PROBLEM, format!("rule:shortcoming:{word}"));
    }
    let cat = argmax(&probs);
    if cat != DIRECTIVE && demand_of_others(cx) {
        return by_rule(DIRECTIVE, "rule:demand-of-others".into());
    }
    if matches!(cat, DIRECTIVE | MEASURE | OVERVIEW | RESULT) && own_intention(cx) {
        return by_rule(PLAN, "rule:own-intention".into());
    }
    if cat == PLAN && demand_in_first_clause(cx) {
        return by_rule(DIRECTIVE, "rule:demand".into());
    }
    if voiced_demand(cx, cat) {
        return by_rule(DIRECTIVE, "rule:voiced-demand".into());
    }
    // 5月10日前完成…: a task with its deadline, not an outcome (it says 完成).
    if cat == RESULT && deadline_ahead(cx) {
        return by_rule(PLAN, "rule:deadline-ahead".into());
    }
    if matches!(cat, MEASURE | OVERVIEW | OTHER) {
        if let Some(word) = outcome_named(cx).filter(|_| !deadline_ahead(cx)) {
            return by_rule(RESULT, format!("rule:outcome:{word}"));
        }
    }
    if is_general_statement(cx) {
        return by_rule(OTHER, "rule:general-statement".into());
    }
    (cat, probs[cat], cues)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_one_word_whatever_its_value() {
        for w in ["2024", "20xx", "3.5", "98%", "1126"] {
            assert_eq!(number_shape(w), "#", "{w}");
        }
        for w in ["x", "日", "5G", "COVID", "."] {
            assert_eq!(number_shape(w), w, "{w}");
        }
    }

    #[test]
    fn the_decimal_reader_agrees_with_str_parse_on_every_weight_of_the_model() {
        let mut n = 0;
        for line in MODEL.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            for v in line.split('\t').skip(1) {
                let v = v.trim();
                assert_eq!(parse_weight(v).to_bits(), v.parse::<f32>().unwrap().to_bits(), "{v}");
                n += 1;
            }
        }
        assert!(n > 1000);
        for v in ["0", "-0.5", "12.25", "1e-3", "-3", "0.125"] {
            assert_eq!(parse_weight(v), v.parse::<f32>().unwrap(), "{v}");
        }
    }

    pub(super) fn paragraph_sentence(text: &str) -> SentenceContext<'_> {
        SentenceContext {
            text,
            words: &[],
            block_kind: Kind::Paragraph,
            section: None,
            heading_words: &[],
            outer_words: &[],
            index_in_block: 0,
            block_has_speaker: false,
            block_lead_cues: [false; N_CAT],
            position: 0.5,
            genre: "summary",
            previous: None,
        }
    }

    #[test]
    fn general_statements_are_other_whatever_the_model_says() {
        for text in [
            "安全生产是企业发展的生命线。",
            "垃圾分类是改善人居环境的重要举措，关系千家万户。",
            "做好防汛工作，是保障群众生命财产安全的前提。",
            "家校共育是学生健康成长的重要保障之一。",
        ] {
            assert!(is_general_statement(&paragraph_sentence(text)), "{text}");
            let (cat, _, cues) = decide(&paragraph_sentence(text), [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], Vec::new());
            assert_eq!((cat, &*cues[0].feature), (OTHER, "rule:general-statement"), "{text}");
        }
        for text in [
            // An enumeration, a demand, a speaker, a plan, a figure, a problem, an adverb.
            "一是基础设施逐步完善。",
            "明年是三年行动的关键之年，各街道要抓紧推进。",
            "会议指出，食品安全是民生的基础。",
            "下一步将把信用建设作为营商环境的基础。",
            "全年完成投资2.3亿元，是历年最多的基础。",
            "老旧小区仍是消防隐患的重点和关键。",
            "群众的观念还是没有根本转变。",
        ] {
            assert!(!is_general_statement(&paragraph_sentence(text)), "{text}");
        }
        let mut heading = paragraph_sentence("安全生产是企业发展的生命线");
        heading.block_kind = Kind::Heading;
        assert!(!is_general_statement(&heading), "headings take what they announce");
        let (cat, p, _) = decide(&paragraph_sentence("今年共开展检查12次。"), [0.1, 0.1, 0.5, 0.1, 0.1, 0.05, 0.05], Vec::new());
        assert_eq!((cat, p), (2, 0.5));
    }

    #[test]
    fn the_embedded_model_stays_within_its_budget_of_300_kb() {
        assert!(MODEL.len() <= 300_000, "data/sentence-model.tsv is {} bytes; raise --min-weight or --min-count", MODEL.len());
    }

    #[test]
    fn a_repeated_feature_keeps_its_last_weights() {
        let m = Model::parse("a\t1\t0\t0\t0\t0\t0\t0\na\t0\t2\t0\t0\t0\t0\t0\n");
        assert_eq!(m.weights.len(), 1);
        assert_eq!(m.weights[0][1], 2.0);
    }
}
