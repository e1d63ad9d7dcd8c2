//! The pipeline: structure → sentences → segmentation → sentence functions → document
//! labels → keywords → figures, assembled into the contract's `Analysis`.

use crate::classify::{self, Model, SentenceContext, N_CAT};
use crate::contract::*;
use crate::figures;
use crate::keywords::{self, Candidates, Vocabulary};
use crate::segment::{self, is_punctuation, Segmenter};
use crate::sentences;
use crate::structure::{self, fold_width, normalize, DocSpan, Kind};
use crate::text::OffsetMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Default limit on input size, in UTF-16 code units (about 20 MB of Chinese text as UTF-8
/// is ~6.7 M chars; the limit is deliberately generous and can be raised per call).
pub const DEFAULT_MAX_CHARS: usize = 20_000_000;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Options {
    /// Words to keep whole (the user's dictionary).
    pub user_words: Vec<String>,
    /// Words to leave out of keyword rankings.
    pub stop_words: Vec<String>,
    /// Keywords per scope.
    pub keyword_limit: usize,
    /// Inputs longer than this (UTF-16 code units) are refused with a message.
    pub max_chars: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { user_words: Vec::new(), stop_words: Vec::new(), keyword_limit: 50, max_chars: DEFAULT_MAX_CHARS }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnalyzeError {
    Empty,
    TooLarge { chars: usize, limit: usize },
}

impl std::fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnalyzeError::Empty => write!(f, "the text is empty: paste or open a report to analyse"),
            AnalyzeError::TooLarge { chars, limit } => write!(
                f,
                "the text has {chars} characters, more than the limit of {limit}; \
                 split it or raise the limit (max_chars) — nothing was cut"
            ),
        }
    }
}

impl std::error::Error for AnalyzeError {}

/// Analyses `text`. `clock` returns milliseconds (any origin) and times the call; the core
/// has no clock of its own, since `std::time::Instant` panics on wasm32-unknown-unknown.
pub fn analyze(text: &str, options: &Options, clock: &dyn Fn() -> f64) -> Result<Analysis, AnalyzeError> {
    let model = Model::embedded();
    let mut label = |cx: &SentenceContext, _span: (usize, usize)| {
        let (probs, cues) = model.predict_context(cx);
        classify::decide(cx, probs, cues)
    };
    analyze_with_labeler(text, options, clock, &mut label)
}

/// Decides a sentence's category from its context and char span: the embedded model at run
/// time; in training, the gold label (with the features recorded).
pub type Labeler<'a> = dyn FnMut(&SentenceContext, (usize, usize)) -> (usize, f64, Vec<FeatureCue>) + 'a;

/// `analyze` with the sentence labels supplied by `label` (training and evaluation use this).
pub fn analyze_with_labeler(
    text: &str,
    options: &Options,
    clock: &dyn Fn() -> f64,
    label: &mut Labeler,
) -> Result<Analysis, AnalyzeError> {
    let t0 = clock();
    // Blank as the scorer's lines see it (Python's whitespace includes U+001C–U+001F).
    if text.chars().all(crate::text::is_space) {
        return Err(AnalyzeError::Empty);
    }
    // Measured before any per-character table is built, so a refusal costs no memory.
    let length = text.encode_utf16().count();
    if length > options.max_chars {
        return Err(AnalyzeError::TooLarge { chars: length, limit: options.max_chars });
    }
    let map = OffsetMap::new(text);
    let chars: Vec<char> = text.chars().collect();
    let seg = segment::segmenter(&options.user_words);
    let extra_stop: HashSet<String> = options.stop_words.iter().map(|s| s.trim().to_string()).collect();
    let mut vocab = Vocabulary::new(extra_stop);
    let spans = structure::structure(&chars);
    let mut documents = Vec::with_capacity(spans.len());
    let mut all_cands = Candidates::new();
    let mut cat_cands: Vec<Candidates> = (0..N_CAT).map(|_| Candidates::new()).collect();
    let mut category_totals: BTreeMap<String, u64> = CATEGORIES.iter().map(|c| (c.to_string(), 0)).collect();
    let mut tokens = 0u64;
    let mut n_blocks = 0u64;

    for span in &spans {
        let doc = analyze_document(
            &chars,
            &map,
            span,
            &seg,
            label,
            &mut vocab,
            options.keyword_limit,
            &mut DocSinks { all: &mut all_cands, by_category: &mut cat_cands, tokens: &mut tokens },
        );
        for b in &doc.blocks {
            for s in &b.sentences {
                *category_totals.entry(s.category.to_string()).or_default() += s.end - s.start;
            }
        }
        n_blocks += doc.blocks.len() as u64;
        documents.push(doc);
    }

    let keywords = keywords::rank(&all_cands, &vocab, &seg, options.keyword_limit);
    let category_keywords = CATEGORIES
        .iter()
        .zip(&cat_cands)
        .map(|(c, cands)| (c.to_string(), keywords::rank(cands, &vocab, &seg, options.keyword_limit.min(30))))
        .collect();
    let warnings = input_warnings(&chars);
    Ok(Analysis {
        schema_version: SCHEMA_VERSION,
        stats: Stats {
            chars: map.utf16_len() as u64,
            tokens,
            documents: documents.len() as u64,
            blocks: n_blocks,
            elapsed_ms: ((clock() - t0) * 1000.0).round() / 1000.0,
        },
        documents,
        keywords,
        category_totals,
        category_keywords,
        warnings,
    })
}

/// Where a document's words go besides its own keywords.
struct DocSinks<'a> {
    all: &'a mut Candidates,
    by_category: &'a mut [Candidates],
    tokens: &'a mut u64,
}

#[allow(clippy::too_many_arguments)]
fn analyze_document(
    chars: &[char],
    map: &OffsetMap,
    span: &DocSpan,
    seg: &Segmenter,
    label: &mut Labeler,
    vocab: &mut Vocabulary,
    keyword_limit: usize,
    sinks: &mut DocSinks,
) -> Document {
    let slice = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
    let title = span.title.map(|t| slice(span.blocks[t].start, span.blocks[t].end));
    let body_blocks: Vec<_> = span.blocks.iter().filter(|b| !matches!(b.kind, Kind::Noise | Kind::Title)).collect();
    let body_norm: String = body_blocks.iter().map(|b| normalize(&slice(b.start, b.end)) + "\n").collect();
    let title_norm = title.as_deref().map(normalize).unwrap_or_default();
    let (genre, genre_cues) = crate::document::genre(&title_norm, &body_norm);
    let topics = crate::document::topics(&title_norm, &body_norm);
    let body_chars: usize = body_blocks.iter().map(|b| b.end - b.start).sum::<usize>().max(1);

    let mut doc_cands = Candidates::new();
    let mut blocks = Vec::with_capacity(span.blocks.len());
    let mut figures_out = Vec::new();
    let mut dates = Vec::new();
    let mut people = Vec::new();
    let mut organizations = Vec::new();
    let mut previous: Option<usize> = None;
    // The headings the current block sits under, outermost first (one entry per open level).
    let mut headings: Vec<HeadingContext> = Vec::new();
    let mut body_seen = 0usize;

    for b in &span.blocks {
        let text = slice(b.start, b.end);
        let u16 = |c: usize| map.utf16(c) as u64;
        if b.kind == Kind::Noise {
            blocks.push(Block {
                kind: "noise".into(),
                level: 0,
                start: u16(b.start),
                end: u16(b.end),
                text,
                category: None,
                confidence: 1.0,
                sentences: Vec::new(),
                rule: b.rule.clone(),
            });
            continue;
        }
        let words = seg.words(&text);
        if b.kind == Kind::Heading {
            // A heading closes the sections at its level and below.
            while headings.last().is_some_and(|h| h.level >= b.level) {
                headings.pop();
            }
        }
        let nearest = headings.last();
        let outer = headings.first().filter(|_| headings.len() > 1);
        let mut sentences_out = Vec::new();
        let mut speaker = false;
        let mut lead_cues = [false; N_CAT];
        let mut sent_words: Vec<&str> = Vec::new();
        let mut sent_norm = String::new();
        // A paragraph opening with a short numbered sentence (3、多样开展健康教育活动。…).
        let mut run_in: Option<HeadingContext> = None;
        for (k, (s, e)) in sentences::split(chars, b.start, b.end).into_iter().enumerate() {
            let (ls, le) = (s - b.start, e - b.start);
            // Words are in order and do not overlap: the sentence's words are the run from the
            // first that starts at or after its start, up to the first that starts at its end
            // (a word across the boundary belongs to neither).
            let first = words.partition_point(|w| w.start < ls);
            let in_sentence = &words[first..first + words[first..].partition_point(|w| w.start < le)];
            sent_words.clear();
            sent_words.extend(in_sentence.iter().filter(|w| w.end <= le && !is_punctuation(w.text)).map(|w| w.text));
            *sinks.tokens += sent_words.len() as u64;
            sent_norm.clear();
            // Markdown emphasis and heading marks (**一是…, ## 二、…) are not words of the sentence.
            sent_norm.extend(chars[s..e].iter().map(|&c| fold_width(c)).filter(|c| !matches!(c, '*' | '#')));
            if k == 0 {
                lead_cues = classify::cue_categories(&sent_norm);
            }
            let cx = SentenceContext {
                text: &sent_norm,
                words: &sent_words,
                block_kind: b.kind,
                section: nearest.and_then(|h| h.category),
                heading_words: nearest.map_or(&[][..], |h| &h.words[..]),
                outer_words: outer.map_or(&[][..], |h| &h.words[..]),
                index_in_block: k,
                block_has_speaker: speaker,
                block_lead_cues: lead_cues,
                position: body_seen as f64 / body_chars as f64,
                genre,
                previous,
            };
            let (mut cat, mut confidence, cues) = label(&cx, (s, e));
            if matches!(b.kind, Kind::Title | Kind::Signoff) {
                // Taxonomy §3: titles and signoffs are overview.
                cat = 0;
                confidence = 1.0;
            }
            // 强调, 要求, 指出, 提出 (width folding leaves CJK alone: the raw chars will do).
            if chars[s..e].windows(2).any(|p| matches!(p, ['强', '调'] | ['要', '求'] | ['指' | '提', '出'])) {
                speaker = true;
            }
            previous = Some(cat);
            if k == 0 && b.kind == Kind::Paragraph {
                run_in = structure::run_in_heading_level(&sent_norm)
                    .map(|level| HeadingContext { level, category: Some(cat), words: sent_words.iter().take(12).map(|&w| w.into()).collect() });
            }
            sentences_out.push(Sentence {
                start: u16(s),
                end: u16(e),
                category: CATEGORIES[cat].into(),
                confidence: classify::round3(confidence),
                cues,
            });
            // Keyword candidates, in order, for every scope this sentence belongs to.
            let whole: &[segment::Word] = &in_sentence[..in_sentence.partition_point(|w| w.end <= le)];
            for (j, w) in whole.iter().enumerate() {
                if j > 0 && keywords::is_given_name(whole[j - 1].text, whole[j - 1].tag, w.text, whole.get(j + 1).map(|n| n.text)) {
                    continue; // a person's given name is no subject of the report
                }
                let id = vocab.intern(w.text, w.tag);
                doc_cands.push(vocab, id);
                sinks.all.push(vocab, id);
                sinks.by_category[cat].push(vocab, id);
            }
            // Where the words stand (title, heading) and what the sentence does weigh in the
            // document's keyword ranking.
            if matches!(b.kind, Kind::Title | Kind::Heading) {
                doc_cands.mark_heading();
            }
            doc_cands.set_category(cat);
            doc_cands.break_here();
            sinks.all.break_here();
            sinks.by_category[cat].break_here();
        }
        body_seen += b.end - b.start;
        let (category, confidence) = block_category(&sentences_out);
        if let Some(run_in) = run_in {
            // Later paragraphs sit under it until the next heading at its level or above.
            while headings.last().is_some_and(|h| h.level >= run_in.level) {
                headings.pop();
            }
            headings.push(run_in);
        }
        if b.kind == Kind::Heading {
            let words: Vec<Box<str>> =
                words.iter().filter(|w| !is_punctuation(w.text)).map(|w| w.text.into()).take(12).collect();
            headings.push(HeadingContext {
                level: b.level,
                category: CATEGORIES.iter().position(|c| *c == category),
                words,
            });
        }
        let found = figures::scan(chars, b.start, b.end);
        for f in found.figures {
            figures_out.push(Figure {
                text: slice(f.start, f.end),
                value: f.value,
                unit: f.unit,
                start: u16(f.start),
                end: u16(f.end),
                value_max: f.value_max,
                approx: if f.approx { "about".into() } else { "exact".into() },
            });
        }
        let entity = |d: figures::EntitySpan| Entity {
            text: slice(d.start, d.end),
            start: u16(d.start),
            end: u16(d.end),
            detail: d.detail,
        };
        dates.extend(found.dates.into_iter().map(entity));
        people.extend(found.people.into_iter().map(entity));
        organizations.extend(found.organizations.into_iter().map(entity));
        blocks.push(Block {
            kind: b.kind.id().into(),
            level: b.level,
            start: u16(b.start),
            end: u16(b.end),
            text,
            category: Some(category),
            confidence,
            sentences: sentences_out,
            rule: b.rule.clone(),
        });
    }
    let start = span.blocks.first().map(|b| map.utf16(b.start) as u64).unwrap_or(0);
    let end = span.blocks.last().map(|b| map.utf16(b.end) as u64).unwrap_or(start);
    Document {
        title,
        start,
        end,
        genre: genre.to_string(),
        topics,
        blocks,
        keywords: keywords::rank(&doc_cands, vocab, seg, keyword_limit),
        figures: figures_out,
        genre_cues,
        dates,
        people,
        organizations,
    }
}

/// What a sentence is told about a heading it sits under.
struct HeadingContext {
    level: u8,
    /// The heading's own predicted category.
    category: Option<usize>,
    /// Its words (计划, 问题, 成效…).
    words: Vec<Box<str>>,
}

/// The category covering most of a block's characters, and the mean confidence of its sentences
/// weighted by length.
fn block_category(sentences: &[Sentence]) -> (String, f64) {
    let mut chars_by: BTreeMap<&str, u64> = BTreeMap::new();
    let mut conf = 0.0;
    let mut total = 0u64;
    for s in sentences {
        let n = s.end - s.start;
        *chars_by.entry(&s.category).or_default() += n;
        conf += s.confidence * n as f64;
        total += n;
    }
    let best = chars_by
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| rank_of(b.0).cmp(&rank_of(a.0))))
        .map(|(c, _)| c.to_string())
        .unwrap_or_else(|| "other".to_string());
    (best, classify::round3(if total > 0 { conf / total as f64 } else { 0.0 }))
}

/// Taxonomy order of preference when two categories tie.
fn rank_of(cat: &str) -> usize {
    ["problem", "directive", "plan", "result", "measure", "overview", "other"]
        .iter()
        .position(|c| *c == cat)
        .unwrap_or(7)
}

/// Notes about the input that the reader should know.
fn input_warnings(chars: &[char]) -> Vec<String> {
    let mut w = Vec::new();
    let replaced = chars.iter().filter(|&&c| c == '\u{FFFD}').count();
    if replaced > 0 {
        w.push(format!("{replaced} characters could not be decoded and show as �"));
    }
    let control = chars.iter().filter(|&&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if control > 0 {
        w.push(format!("{control} control characters in the text (binary data?)"));
    }
    w
}

/// Tokens of `text` with UTF-16 offsets, for the `segment` API.
pub fn segment_tokens(text: &str, user_words: &[String]) -> Vec<Token> {
    let seg = segment::segmenter(user_words);
    let map = OffsetMap::new(text);
    let mut out = Vec::new();
    let mut base = 0usize;
    for line in text.split_inclusive('\n') {
        for w in seg.words(line) {
            out.push(Token {
                word: w.text.to_string(),
                start: map.utf16(base + w.start) as u64,
                end: map.utf16(base + w.end) as u64,
                tag: w.tag.to_string(),
            });
        }
        base += line.chars().count();
    }
    out
}
