//! Quality floors measured by the shared scorer (../shared/eval/score.py) on the shared gold
//! sample and on the project's own labelled corpus (tests/corpus). Each floor is an issue's
//! target; a change that drops below one fails here.
#![cfg(not(target_arch = "wasm32"))]

use report_analyzer::{analyze, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

const SHARED: &str = "../shared";

struct GoldFile {
    gold: PathBuf,
    source: PathBuf,
    /// What the gold's `source` is relative to.
    root: PathBuf,
}

fn gold_files() -> Vec<GoldFile> {
    let mut out = vec![GoldFile {
        gold: Path::new(SHARED).join("samples/community-sanitation-reports.gold.jsonl"),
        source: Path::new(SHARED).join("samples/community-sanitation-reports.txt"),
        root: PathBuf::from(SHARED),
    }];
    let mut corpus: Vec<PathBuf> = std::fs::read_dir("tests/corpus")
        .expect("tests/corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.jsonl"))
        .collect();
    corpus.sort();
    for gold in corpus {
        let source = PathBuf::from(gold.to_string_lossy().replace(".gold.jsonl", ".txt"));
        out.push(GoldFile { gold, source, root: PathBuf::from(".") });
    }
    out
}

/// Scores a prediction with the shared scorer; returns its metrics object.
fn score(gold: &GoldFile, pred: &Path) -> serde_json::Value {
    let metrics = pred.with_extension("metrics.json");
    let status = Command::new("python3")
        .arg(Path::new(SHARED).join("eval/score.py"))
        .args(["--gold", &gold.gold.to_string_lossy(), "--pred", &pred.to_string_lossy()])
        .args(["--root", &gold.root.to_string_lossy(), "--json-out", &metrics.to_string_lossy()])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs the shared scorer");
    assert!(status.success(), "score.py failed on {}", gold.gold.display());
    serde_json::from_str(&std::fs::read_to_string(metrics).unwrap()).unwrap()
}

/// `test` names the calling test: tests run in parallel and the same gold file may be scored by
/// two of them, so each writes its prediction and metrics under its own directory.
fn analyse_and_score(gold: &GoldFile, test: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(&gold.source).unwrap();
    let result = analyze(&text, &Options::default(), &|| 0.0).unwrap();
    let dir = Path::new("target/quality").join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let name = gold.gold.file_name().unwrap().to_string_lossy().replace(".gold.jsonl", ".json");
    let pred = dir.join(name);
    std::fs::write(&pred, serde_json::to_string(&result).unwrap()).unwrap();
    score(gold, &pred)
}

fn metric(m: &serde_json::Value, key: &str) -> f64 {
    // The scorer gives null where a measure does not apply (e.g. noise on a clean paste).
    m[key].as_f64().unwrap_or(1.0)
}

#[test]
fn structure_and_figures_reach_their_targets_on_every_gold_file() {
    let mut failures = Vec::new();
    for g in gold_files() {
        let m = analyse_and_score(&g, "structure");
        let floors = [
            ("doc_f1", 0.95),
            ("noise_precision", 0.95),
            ("noise_recall", 0.95),
            ("kind_accuracy", 0.95),
            ("heading_level_accuracy", 0.90),
            ("figure_recall", 0.95),
            ("genre_accuracy", 0.90),
        ];
        for (key, floor) in floors {
            let v = metric(&m, key);
            if v < floor {
                failures.push(format!("{}: {key} {v:.3} < {floor}", g.gold.display()));
            }
        }
    }
    assert!(failures.is_empty(), "below target:\n{}", failures.join("\n"));
}

#[test]
fn topics_and_keywords_on_the_shared_sample() {
    let m = analyse_and_score(&gold_files()[0], "topics");
    assert!(metric(&m, "topic_top1_accuracy") >= 0.90, "{}", m["topic_top1_accuracy"]);
    // Issue 5's targets: keyword P@10 ≥ 0.80 lenient and ≥ 0.45 strict (score.py rounds to
    // three places, so 0.80 is reached exactly at eight hits in ten on average).
    assert!(metric(&m, "keyword_p_at_10") >= 0.80 - 1e-9, "{}", m["keyword_p_at_10"]);
    assert!(metric(&m, "keyword_p_at_10_strict") >= 0.45, "{}", m["keyword_p_at_10_strict"]);
}

/// Issue 4's targets, measured as the issue asks: every document of the shared sample labelled
/// by a model trained on all the gold files but that document (leave-one-document-out).
#[test]
fn sentence_categories_on_the_shared_sample_leave_one_document_out() {
    use report_analyzer::train::{self, TrainConfig};
    let files = gold_files();
    let golds: Vec<_> = files.iter().map(|g| train::load_gold(&g.gold, &g.root).expect("gold loads")).collect();
    let per_file: Vec<_> = golds.iter().map(train::examples).collect();
    let cfg = TrainConfig::default();
    // gold_files() puts the shared sample first.
    let analysis = train::analyze_with_models(&golds[0], &|doc| train::model_without(&per_file, 0, doc, &cfg));
    let dir = Path::new("target/quality/lodo");
    std::fs::create_dir_all(dir).unwrap();
    let pred = dir.join("community-sanitation-reports.json");
    std::fs::write(&pred, serde_json::to_string(&analysis).unwrap()).unwrap();
    let m = score(&files[0], &pred);
    assert!(metric(&m, "category_accuracy") >= 0.85, "category accuracy {}", m["category_accuracy"]);
    assert!(metric(&m, "category_macro_f1") >= 0.75, "category macro-F1 {}", m["category_macro_f1"]);
    assert!(metric(&m, "genre_accuracy") >= 0.90, "{}", m["genre_accuracy"]);
    assert!(metric(&m, "topic_top1_accuracy") >= 0.90, "{}", m["topic_top1_accuracy"]);
}
