//! Trains the sentence model: `cargo run --release --bin train-model -- --shared ../shared
//! --out data/sentence-model.tsv`. Reads the shared gold sample in place and the project's own
//! labelled corpus (tests/corpus/*.gold.jsonl). With `--lodo DIR` it also writes, for each gold
//! file, an analysis whose every document was labelled by a model that never saw it
//! (leave-one-document-out), for scoring with the shared scorer.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use report_analyzer::train::{self, Example, TrainConfig};
    use std::path::PathBuf;

    let mut shared = PathBuf::from("../shared");
    let mut out = PathBuf::from("data/sentence-model.tsv");
    let mut lodo: Option<PathBuf> = None;
    let mut cfg = TrainConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--shared" => shared = args.next().map(PathBuf::from).unwrap_or(shared),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--lodo" => lodo = args.next().map(PathBuf::from),
            "--epochs" => cfg.epochs = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.epochs),
            "--learning-rate" => cfg.learning_rate = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.learning_rate),
            "--l2" => cfg.l2 = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.l2),
            "--min-count" => cfg.min_count = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.min_count),
            "--seed" => cfg.seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.seed),
            "--bag" => cfg.bag = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.bag),
            "--decimals" => cfg.decimals = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.decimals),
            "--min-weight" => cfg.min_weight = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.min_weight),
            _ => {
                eprintln!("usage: train-model [--shared DIR] [--out FILE] [--lodo DIR] [--epochs N] [--learning-rate X] [--l2 X] [--min-count N] [--seed N] [--bag N] [--decimals N] [--min-weight X]");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let mut golds = Vec::new();
    let mut sources: Vec<(PathBuf, PathBuf)> = Vec::new();
    for dir in [shared.join("samples")] {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if e.path().to_string_lossy().ends_with(".gold.jsonl") {
                sources.push((e.path(), shared.clone()));
            }
        }
    }
    for e in std::fs::read_dir("tests/corpus").into_iter().flatten().flatten() {
        if e.path().to_string_lossy().ends_with(".gold.jsonl") {
            sources.push((e.path(), PathBuf::from(".")));
        }
    }
    sources.sort();
    for (path, root) in &sources {
        match train::load_gold(path, root) {
            Ok(g) => golds.push(g),
            Err(e) => {
                eprintln!("train-model: {}: {e}", path.display());
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let per_file: Vec<Vec<Example>> = golds.iter().map(train::examples).collect();
    let total: usize = per_file.iter().map(Vec::len).sum();
    eprintln!("train-model: {} gold files, {total} sentences", golds.len());
    let all: Vec<&Example> = per_file.iter().flatten().collect();
    let weights = train::fit(&all, &cfg);
    let names: Vec<&str> = golds.iter().map(|g| g.name.as_str()).collect();
    let tsv = train::model_tsv(&weights, &format!("trained on {total} sentences (weights averaged over {} shuffles) of: {}", cfg.bag.max(1), names.join(", ")));
    if let Err(e) = std::fs::write(&out, &tsv) {
        eprintln!("train-model: {}: {e}", out.display());
        return std::process::ExitCode::FAILURE;
    }
    eprintln!("train-model: wrote {} ({} features, {} bytes)", out.display(), weights.len(), tsv.len());

    if let Some(dir) = lodo {
        let _ = std::fs::create_dir_all(&dir);
        for (gi, gold) in golds.iter().enumerate() {
            let analysis = train::analyze_with_models(gold, &|doc| train::model_without(&per_file, gi, doc, &cfg));
            let path = dir.join(format!("{}.json", gold.name));
            let json = serde_json::to_string(&analysis).expect("serialisable");
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("train-model: {}: {e}", path.display());
                return std::process::ExitCode::FAILURE;
            }
            eprintln!("train-model: leave-one-document-out analysis of {} → {}", gold.name, path.display());
        }
    }
    std::process::ExitCode::SUCCESS
}
