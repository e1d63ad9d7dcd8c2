//! The result shape of `analyze()` — `shared/docs/analysis-contract.md` v1, plus added fields
//! (allowed by the contract). Offsets are UTF-16 code units, half-open.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::borrow::Cow;
use std::sync::Arc;

pub const SCHEMA_VERSION: u32 = 1;

pub const CATEGORIES: [&str; 7] =
    ["overview", "measure", "result", "problem", "plan", "directive", "other"];
pub const GENRES: [&str; 6] = ["meeting", "summary", "plan", "bulletin", "speech", "other"];
pub const TOPICS: [&str; 13] = [
    "public_health",
    "party_building",
    "drug_control",
    "work_safety",
    "food_drug",
    "urban_management",
    "water",
    "environment",
    "public_security",
    "civil_affairs",
    "education",
    "economy",
    "other",
];

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Analysis {
    pub schema_version: u32,
    pub stats: Stats,
    pub documents: Vec<Document>,
    /// Keywords of the whole input.
    pub keywords: Vec<Keyword>,
    /// Characters (UTF-16 code units of sentence text) per category, all seven present.
    pub category_totals: BTreeMap<String, u64>,
    /// Added: keywords of the sentences of each category (scope = category id).
    #[serde(default)]
    pub category_keywords: BTreeMap<String, Vec<Keyword>>,
    /// Added: what was noticed about the input (replaced characters, control characters…).
    #[serde(default)]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    /// UTF-16 code units of the input.
    pub chars: u64,
    /// Words from segmentation, punctuation and whitespace excluded.
    pub tokens: u64,
    pub documents: u64,
    pub blocks: u64,
    /// Time spent in `analyze()`, as measured by the caller's clock.
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    pub title: Option<String>,
    pub start: u64,
    pub end: u64,
    pub genre: String,
    /// Best first; scores in [0, 1].
    pub topics: Vec<Label>,
    pub blocks: Vec<Block>,
    pub keywords: Vec<Keyword>,
    pub figures: Vec<Figure>,
    /// Added: cues that decided the genre.
    #[serde(default)]
    pub genre_cues: Vec<Cue>,
    /// Added: dates, people with titles and organisations named in the document.
    #[serde(default)]
    pub dates: Vec<Entity>,
    #[serde(default)]
    pub people: Vec<Entity>,
    #[serde(default)]
    pub organizations: Vec<Entity>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Label {
    pub label: String,
    pub score: f64,
    /// Added: the terms that gave this label its score.
    #[serde(default)]
    pub cues: Vec<Cue>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Block {
    /// title | heading | paragraph | signoff | noise
    pub kind: String,
    /// 1..4 for headings, else 0.
    pub level: u8,
    pub start: u64,
    pub end: u64,
    pub text: String,
    /// Taxonomy §3 id; null for noise.
    pub category: Option<String>,
    pub confidence: f64,
    pub sentences: Vec<Sentence>,
    /// Added: the rule that decided the block's kind (e.g. `heading:一、`, `noise:url`).
    #[serde(default)]
    pub rule: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Sentence {
    pub start: u64,
    pub end: u64,
    /// One of `CATEGORIES` (borrowed: no allocation per sentence).
    pub category: Cow<'static, str>,
    pub confidence: f64,
    /// Added: the features that weighed most for the chosen category.
    #[serde(default)]
    pub cues: Vec<FeatureCue>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cue {
    pub feature: String,
    pub weight: f64,
}

/// A sentence's cue: the same JSON as `Cue`, with the name shared with the model's own
/// feature name (no allocation per sentence).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FeatureCue {
    pub feature: Arc<str>,
    pub weight: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Keyword {
    pub term: String,
    pub count: u64,
    /// The ranking weight (TF-IDF blended with TextRank), normalised to [0, 1] in its scope.
    pub weight: f64,
    /// Added: the two rankings apart, for the page's metric switch.
    #[serde(default)]
    pub tfidf: f64,
    #[serde(default)]
    pub textrank: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Figure {
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub start: u64,
    pub end: u64,
    /// Added: upper bound of a range (75—89分 → value 75, value_max 89).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// Added: `about` for 余/多/近/约…, `exact` otherwise.
    #[serde(default)]
    pub approx: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    pub text: String,
    pub start: u64,
    pub end: u64,
    /// Dates: ISO-like normalised form where known (`2014-07-20`, `20xx`); people: the title.
    #[serde(default)]
    pub detail: String,
}

/// Keyword in context: one occurrence of a term.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Occurrence {
    pub start: u64,
    pub end: u64,
    pub before: String,
    pub matched: String,
    pub after: String,
    /// Index of the document that holds it.
    pub document: u64,
}

/// A token for the `segment` API.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Token {
    pub word: String,
    pub start: u64,
    pub end: u64,
    pub tag: String,
}
