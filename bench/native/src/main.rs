//! Native side of `make bench`.
//!
//!   speed FILE...        jieba-rs `cut` (full default dictionary, HMM on), our `analyze`, and
//!                        our segmentation alone (analyze's floor) on each file (the dictionary:
//!                        jieba-rs's src/data/dict.txt, path in BENCH_JIEBA_DICT); median of
//!                        several runs; prints JSON on stdout.
//!   agree SAMPLE DICT T.. segmentation agreement of jieba's full dictionary with the same
//!                        dictionary trimmed to entries with freq >= T, on SAMPLE.
//!   stages FILE          median time of each stage of our pipeline run alone over FILE
//!                        (structure, segmentation, sentence split, figures, keyword scopes
//!                        and ranking, sentence cues), beside the whole analyze and jieba's
//!                        cut: where analyze's time goes.
use jieba_rs::Jieba;
use report_analyzer::{analyze, Options};
use serde_json::json;
use std::collections::HashSet;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting live and peak heap bytes (for `memory`).
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// jieba with its full default dictionary, read from the file that `Jieba::new` embeds.
fn full_jieba() -> Jieba {
    let path = std::env::var("BENCH_JIEBA_DICT").unwrap_or_else(|_| {
        eprintln!("set BENCH_JIEBA_DICT to jieba-rs's src/data/dict.txt (bench/run.mjs finds it with cargo metadata)");
        std::process::exit(2)
    });
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    Jieba::with_dict(&mut std::io::BufReader::new(file)).expect("jieba's dict.txt")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// Runs `f` at least `min_runs` times and for at least `min_secs`; median seconds per run.
fn time_it(min_runs: usize, min_secs: f64, mut f: impl FnMut()) -> (f64, usize) {
    let mut runs = Vec::new();
    let start = Instant::now();
    while runs.len() < min_runs || (start.elapsed().as_secs_f64() < min_secs && runs.len() < 50) {
        let t = Instant::now();
        f();
        runs.push(t.elapsed().as_secs_f64());
    }
    let n = runs.len();
    (median(runs), n)
}

fn clock() -> impl Fn() -> f64 {
    let t0 = Instant::now();
    move || t0.elapsed().as_secs_f64() * 1000.0
}

fn speed(files: &[String]) {
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|x| x.parse().ok()).unwrap_or(3);
    let t = Instant::now();
    let jieba = full_jieba();
    let jieba_init_ms = t.elapsed().as_secs_f64() * 1000.0;
    let _ = jieba.cut("预热一下", true);
    let clk = clock();
    let opts = Options::default();
    let t = Instant::now();
    let _ = analyze("一、总体情况\n今年以来，我们召开会议3次。", &opts, &clk);
    let analyze_init_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).expect("read input");
        let mb = text.len() as f64 / 1e6;
        let min_secs = if text.len() > 4_000_000 { 0.0 } else { 1.0 };
        let mut words = 0;
        let (cut_s, cut_n) = time_it(runs, min_secs, || {
            words = jieba.cut(&text, true).len();
        });
        let mut tokens = 0;
        let (an_s, an_n) = time_it(runs, min_secs, || {
            tokens = analyze(&text, &opts, &clk).expect("analyze").stats.tokens;
        });
        // The floor under analyze: our segmentation alone, line by line as analyze segments
        // its blocks (POS tags included: the keywords need them).
        let seg = report_analyzer::segment::segmenter(&[]);
        let mut seg_words = 0;
        let (seg_s, seg_n) = time_it(runs, min_secs, || {
            seg_words = text.lines().map(|l| seg.words(l).len()).sum();
        });
        out.push(json!({
            "file": f, "bytes": text.len(),
            "jieba_cut": {"median_s": cut_s, "runs": cut_n, "mb_per_s": mb / cut_s, "words": words},
            "analyze": {"median_s": an_s, "runs": an_n, "mb_per_s": mb / an_s, "tokens": tokens},
            "segmentation": {"median_s": seg_s, "runs": seg_n, "mb_per_s": mb / seg_s, "words": seg_words},
        }));
    }
    println!("{}", json!({"jieba_init_ms": jieba_init_ms, "analyze_first_call_ms": analyze_init_ms, "inputs": out}));
}

fn stages(file: &str) {
    use report_analyzer::{classify, figures, keywords, segment, sentences, structure};
    let text = std::fs::read_to_string(file).expect("read input");
    let chars: Vec<char> = text.chars().collect();
    let seg = segment::segmenter(&[]);
    let clk = clock();
    let opts = Options::default();
    let _ = analyze(&text, &opts, &clk);
    let time = |f: &mut dyn FnMut()| time_it(5, 0.5, f).0 * 1000.0;
    let spans = structure::structure(&chars);
    let blocks: Vec<(usize, usize)> = spans
        .iter()
        .flat_map(|d| d.blocks.iter())
        .filter(|b| b.kind != structure::Kind::Noise)
        .map(|b| (b.start, b.end))
        .collect();
    let block_texts: Vec<String> = blocks.iter().map(|&(s, e)| chars[s..e].iter().collect()).collect();
    let sentence_texts: Vec<String> = blocks
        .iter()
        .flat_map(|&(s, e)| sentences::split(&chars, s, e))
        .map(|(s, e)| chars[s..e].iter().collect())
        .collect();
    // Keyword scopes as analyze fills them: each document's, and the whole paste's (one
    // sentence a block here), every word interned once.
    let block_words: Vec<Vec<(String, &'static str)>> = block_texts
        .iter()
        .map(|b| seg.words(b).into_iter().map(|w| (w.text.to_string(), w.tag)).collect())
        .collect();
    let doc_of_block: Vec<usize> = spans
        .iter()
        .enumerate()
        .flat_map(|(d, s)| s.blocks.iter().filter(|b| b.kind != structure::Kind::Noise).map(move |_| d))
        .collect();
    let fill = || {
        let mut vocab = keywords::Vocabulary::new(Default::default());
        let mut docs: Vec<keywords::Candidates> = spans.iter().map(|_| keywords::Candidates::new()).collect();
        let mut all = keywords::Candidates::new();
        for (words, &d) in block_words.iter().zip(&doc_of_block) {
            for (w, tag) in words {
                let id = vocab.intern(w, tag);
                docs[d].push(&vocab, id);
                all.push(&vocab, id);
            }
            docs[d].break_here();
            all.break_here();
        }
        (vocab, docs, all)
    };
    let (vocab, docs, all) = fill();
    let jieba = full_jieba();
    let rows = [
        ("jieba cut (whole text)", time(&mut || drop(jieba.cut(&text, true)))),
        ("analyze (whole)", time(&mut || drop(analyze(&text, &opts, &clk)))),
        ("chars + structure", time(&mut || drop(structure::structure(&text.chars().collect::<Vec<_>>())))),
        ("segmentation (per block)", time(&mut || block_texts.iter().for_each(|b| drop(seg.words(b))))),
        ("sentence split", time(&mut || blocks.iter().for_each(|&(s, e)| drop(sentences::split(&chars, s, e))))),
        ("figures", time(&mut || blocks.iter().for_each(|&(s, e)| drop(figures::scan(&chars, s, e))))),
        ("keyword scopes filled", time(&mut || drop(fill()))),
        ("keywords ranked (docs + paste)", time(&mut || {
            docs.iter().for_each(|c| drop(keywords::rank(c, &vocab, &seg, 50)));
            drop(keywords::rank(&all, &vocab, &seg, 50));
        })),
        ("cue matching (per sentence)", time(&mut || sentence_texts.iter().for_each(|t| { std::hint::black_box(classify::cue_categories(t)); }))),
    ];
    for (name, ms) in rows {
        println!("{name:<30} {ms:>8.1} ms");
    }
}

fn spans(tokens: &[jieba_rs::Token]) -> HashSet<(usize, usize)> {
    tokens.iter().map(|t| (t.start, t.end)).collect()
}

fn agree(sample: &str, dict: &str, thresholds: &[usize]) {
    let text = std::fs::read_to_string(sample).expect("read sample");
    let dict = std::fs::read_to_string(dict).expect("read dict");
    let full = full_jieba();
    let lines: Vec<&str> = text.lines().collect();
    let reference: Vec<HashSet<(usize, usize)>> = lines.iter().map(|l| spans(&full.cut(l, true))).collect();
    let n_ref: usize = reference.iter().map(|s| s.len()).sum();
    let mut rows = Vec::new();
    for &t in thresholds {
        let kept: String = dict
            .lines()
            .filter(|l| l.split_whitespace().nth(1).and_then(|f| f.parse::<usize>().ok()).unwrap_or(0) >= t)
            .flat_map(|l| [l, "\n"])
            .collect();
        let mut j = Jieba::empty();
        j.load_dict(&mut kept.as_bytes()).unwrap();
        let mut same = 0usize;
        let mut total = 0usize;
        let mut same_lines = 0usize;
        for (l, r) in lines.iter().zip(&reference) {
            let s = spans(&j.cut(l, true));
            same += s.intersection(r).count();
            total += s.len();
            same_lines += (s == *r) as usize;
        }
        rows.push(json!({
            "min_freq": t,
            "entries": kept.lines().count(),
            "dict_bytes": kept.len(),
            "tokens_identical_share_of_full": same as f64 / n_ref as f64,
            "tokens": total, "tokens_full": n_ref,
            "lines_identical_share": same_lines as f64 / lines.len() as f64,
        }));
    }
    println!("{}", serde_json::to_string_pretty(&rows).unwrap());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("speed") => speed(&args[1..]),
        Some("analyze") => {
            // For profilers: our analyze only, BENCH_RUNS times on one file.
            let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|x| x.parse().ok()).unwrap_or(3);
            let text = std::fs::read_to_string(&args[1]).expect("read input");
            let clk = clock();
            for _ in 0..runs {
                let a = analyze(&text, &Options::default(), &clk).expect("analyze");
                eprintln!("{} ms", a.stats.elapsed_ms);
            }
        }
        Some("memory") => {
            // Peak heap bytes of one analyze (plus its JSON), per byte of input.
            let text = std::fs::read_to_string(&args[1]).expect("read input");
            let base = LIVE.load(Relaxed);
            PEAK.store(base, Relaxed);
            let a = analyze(&text, &Options::default(), &clock()).expect("analyze");
            let analysis_peak = PEAK.load(Relaxed) - base;
            let held = LIVE.load(Relaxed) - base;
            let json = serde_json::to_string(&a).expect("json");
            let with_json = PEAK.load(Relaxed) - base;
            println!(
                "{}",
                json!({"bytes": text.len(), "peak_during_analyze": analysis_peak, "result_held": held,
                       "json_bytes": json.len(), "peak_with_json": with_json,
                       "peak_per_input_byte": analysis_peak as f64 / text.len() as f64})
            );
        }
        Some("stages") => stages(&args[1]),
        Some("agree") => {
            let th: Vec<usize> = args[3..].iter().map(|x| x.parse().unwrap()).collect();
            agree(&args[1], &args[2], &th)
        }
        _ => {
            eprintln!("usage: bench-native speed FILE... | stages FILE | analyze FILE | memory FILE | agree SAMPLE DICT T...");
            std::process::exit(2)
        }
    }
}
