//! Properties of `analyze` on arbitrary text and on mangled real reports: no panic, and the
//! result keeps every invariant of the contract (fuzz/invariants.rs) and is the same on
//! every run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::Config;
use report_analyzer::{analyze, AnalyzeError, Options};

#[path = "../fuzz/invariants.rs"]
mod invariants;

/// A real paste, read in place from the shared samples (never copied into the project).
const SHARED_SAMPLE: &str = "../shared/samples/community-sanitation-reports.txt";
/// An original snippet of our own, so the property runs even without the shared folder.
const OWN_SNIPPET: &str = include_str!("../fuzz/seeds/meeting-summary.txt");

fn shared_sample() -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SHARED_SAMPLE);
    std::fs::read_to_string(path).ok()
}

fn config() -> Config {
    // Modest: the suite shares two cores with everything else. No regression files: a
    // failure prints its minimal input.
    // `PROPTEST_CASES=5000 cargo test --test properties` soaks it for longer.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(96);
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// Analyses `text` and checks the result; an input with nothing to read must be refused
/// as empty, and nothing else may be refused.
fn holds(text: &str) -> Result<(), TestCaseError> {
    let first = analyze(text, &Options::default(), &|| 0.0);
    let analysis = match first {
        Ok(a) => a,
        Err(AnalyzeError::Empty) => {
            prop_assert!(text.chars().all(invariants::python_space), "refused as empty: {text:?}");
            return Ok(());
        }
        Err(e) => return Err(TestCaseError::fail(format!("refused: {e}"))),
    };
    if let Err(broken) = invariants::check(text, &analysis) {
        return Err(TestCaseError::fail(broken));
    }
    let again = analyze(text, &Options::default(), &|| 0.0).expect("second run");
    let (first, second) = (without_keywords(analysis), without_keywords(again));
    if first != second {
        let json = |a| serde_json::to_value(a).expect("the result serialises");
        return Err(TestCaseError::fail(format!(
            "two runs on the same input differ: {}",
            first_difference("", &json(&first), &json(&second))
        )));
    }
    Ok(())
}

/// The result without its run-dependent elapsed time, and without keyword lists: their order
/// still varies between runs (see `same_input_same_keywords`).
fn without_keywords(analysis: report_analyzer::Analysis) -> report_analyzer::Analysis {
    let mut a = invariants::without_timing(analysis);
    a.keywords.clear();
    a.category_keywords.clear();
    for d in &mut a.documents {
        d.keywords.clear();
    }
    a
}

/// Where two JSON values first differ, as a path with both sides.
fn first_difference(path: &str, a: &serde_json::Value, b: &serde_json::Value) -> String {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) if v != w => return first_difference(&format!("{path}.{k}"), v, w),
                    None => return format!("{path}.{k} only in the first run"),
                    _ => {}
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if v != w {
                    return first_difference(&format!("{path}[{i}]"), v, w);
                }
            }
        }
        _ => {}
    }
    let cut = |v: &Value| v.to_string().chars().take(300).collect::<String>();
    format!("{path}: {} vs {}", cut(a), cut(b))
}

/// Pieces that matter to line, sentence, offset and heading handling.
const AWKWARD: &[&str] = &[
    "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0}", "\u{1}", "\u{1c}", "\u{1f}", "\u{7f}",
    "\u{FFFD}", "\u{FEFF}", "\u{200B}", "\u{3000}", "\u{A0}", "\t", " ", "😀", "👨‍👩‍👧", "𠀀", "𪚥",
    "。", "！", "？", "；", "!", "?", "，", "、", "：", "“", "”", "（", "）", "《", "》", "一、", "（一）",
    "1.", "1、", "第一章", "第二条", "附件：", "3.5%", "1,260人次", "约300余吨", "2023年4月12日",
    "http://x.invalid/a", "会议强调", "下一步", "存在问题", "街道办事处", "０１２３", "ＡＢＣ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(AWKWARD).prop_map(str::to_string),
        3 => proptest::char::range('\u{4E00}', '\u{9FFF}').prop_map(String::from),
        1 => proptest::char::range('\u{20000}', '\u{2A6DF}').prop_map(String::from),
        2 => any::<char>().prop_map(String::from),
        1 => "[0-9a-zA-Z .,%-]{1,6}",
    ]
}

fn unicode_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..300).prop_map(|pieces| pieces.concat())
}

/// Ways a paste goes wrong, applied to a report's lines.
#[derive(Debug, Clone)]
enum Mangle {
    Shuffle(u64),
    Duplicate { line: usize, to: usize },
    Delete { line: usize },
    /// Cut a line at a byte, possibly inside a character (decoded lossily, as a page would).
    CutBytes { line: usize, at: usize },
    /// Cut a line at a character and move the rest to a new line.
    Split { line: usize, at: usize },
    Join { line: usize },
    Insert { line: usize, at: usize, what: &'static str },
    CrLf,
}

fn mangle() -> impl Strategy<Value = Mangle> {
    let n = 0..10_000usize;
    prop_oneof![
        any::<u64>().prop_map(Mangle::Shuffle),
        (n.clone(), n.clone()).prop_map(|(line, to)| Mangle::Duplicate { line, to }),
        n.clone().prop_map(|line| Mangle::Delete { line }),
        (n.clone(), 0..400usize).prop_map(|(line, at)| Mangle::CutBytes { line, at }),
        (n.clone(), 0..200usize).prop_map(|(line, at)| Mangle::Split { line, at }),
        n.clone().prop_map(|line| Mangle::Join { line }),
        (n.clone(), 0..200usize, proptest::sample::select(AWKWARD)).prop_map(|(line, at, what)| Mangle::Insert { line, at, what }),
        Just(Mangle::CrLf),
    ]
}

fn apply(lines: &mut Vec<String>, m: &Mangle) {
    if lines.is_empty() {
        return;
    }
    let pick = |i: usize| i % lines.len();
    match *m {
        Mangle::Shuffle(seed) => {
            // A small deterministic shuffle (xorshift), enough to break document order.
            let mut s = seed | 1;
            for i in (1..lines.len()).rev() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                lines.swap(i, (s % (i as u64 + 1)) as usize);
            }
        }
        Mangle::Duplicate { line, to } => {
            let copy = lines[pick(line)].clone();
            let at = to % (lines.len() + 1);
            lines.insert(at, copy);
        }
        Mangle::Delete { line } => {
            lines.remove(pick(line));
        }
        Mangle::CutBytes { line, at } => {
            let l = pick(line);
            let bytes = lines[l].as_bytes();
            let at = at.min(bytes.len());
            lines[l] = String::from_utf8_lossy(&bytes[..at]).into_owned();
        }
        Mangle::Split { line, at } => {
            let l = pick(line);
            let chars: Vec<char> = lines[l].chars().collect();
            let at = at.min(chars.len());
            lines[l] = chars[..at].iter().collect();
            lines.insert(l + 1, chars[at..].iter().collect());
        }
        Mangle::Join { line } => {
            let l = pick(line);
            if l + 1 < lines.len() {
                let next = lines.remove(l + 1);
                lines[l].push_str(&next);
            }
        }
        Mangle::Insert { line, at, what } => {
            let l = pick(line);
            let mut chars: Vec<char> = lines[l].chars().collect();
            let at = at.min(chars.len());
            chars.splice(at..at, what.chars());
            lines[l] = chars.into_iter().collect();
        }
        Mangle::CrLf => {
            for l in lines.iter_mut() {
                l.push('\r');
            }
        }
    }
}

/// A window of a report's lines (up to `len`), mangled.
fn mangled_report(source: String, len: usize) -> impl Strategy<Value = String> {
    let n_lines = source.split('\n').count();
    (0..n_lines, 1..=len, proptest::collection::vec(mangle(), 0..8)).prop_map(move |(start, len, mangles)| {
        let mut lines: Vec<String> = source.split('\n').skip(start).take(len).map(str::to_string).collect();
        for m in &mangles {
            apply(&mut lines, m);
        }
        lines.join("\n")
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode_keeps_the_contract(text in unicode_text()) {
        holds(&text)?;
    }

    #[test]
    fn arbitrary_bytes_decoded_lossily_keep_the_contract(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        holds(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn mangled_own_snippet_keeps_the_contract(text in mangled_report(OWN_SNIPPET.to_string(), 40)) {
        holds(&text)?;
    }
}

#[test]
fn mangled_shared_sample_keeps_the_contract() {
    let Some(sample) = shared_sample() else {
        eprintln!("skipped: {SHARED_SAMPLE} is not there (the shared folder sits beside the repository)");
        return;
    };
    // The whole paste once, unmangled, then mangled windows of up to 150 lines.
    holds(&sample).unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(Config { cases: 64, ..config() });
    if let Err(e) = runner.run(&mangled_report(sample, 150), |text| holds(&text)) {
        panic!("{e}");
    }
}

/// Keyword rankings must not depend on the run either. Ignored while they do: TextRank in
/// keywords.rs sums each term's neighbours in HashMap order, so near-tied terms swap places
/// from one run to the next.
#[test]
fn same_input_same_keywords() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let text = prop_oneof![unicode_text(), mangled_report(OWN_SNIPPET.to_string(), 40)];
    let outcome = runner.run(&text, |text| {
        let run = || analyze(&text, &Options::default(), &|| 0.0).map(invariants::without_timing);
        let (first, second) = (run(), run());
        if let (Ok(a), Ok(b)) = (&first, &second) {
            let json = |a| serde_json::to_value(a).unwrap();
            prop_assert!(a == b, "runs differ: {}", first_difference("", &json(a), &json(b)));
        }
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
}

/// The checker itself must catch a broken result, or the properties above prove nothing.
#[test]
fn the_checker_catches_broken_results() {
    let text = "一、总体情况\n今年以来，共清运垃圾340吨。\n二、存在问题";
    let good = analyze(text, &Options::default(), &|| 0.0).unwrap();
    invariants::check(text, &good).unwrap();

    let mut shifted = good.clone();
    shifted.documents[0].blocks[1].start += 1;
    assert!(invariants::check(text, &shifted).is_err(), "a block whose text is not its slice");

    let mut dropped = good.clone();
    dropped.documents[0].blocks.pop();
    dropped.stats.blocks -= 1;
    assert!(invariants::check(text, &dropped).unwrap_err().contains("inside 0 blocks"));

    let mut bad_category = good.clone();
    bad_category.documents[0].blocks[1].sentences[0].category = "summary".into();
    assert!(invariants::check(text, &bad_category).is_err());

    let mut bad_figure = good;
    let figure = bad_figure.documents[0].figures.first_mut().expect("340吨 is a figure");
    figure.end += 1;
    assert!(invariants::check(text, &bad_figure).is_err());
}

#[test]
fn python_whitespace_matches_the_scorer() {
    // str.isspace() in Python 3 for these: the checker's line definition depends on it.
    for c in ['\u{1c}', '\u{1f}', '\u{85}', '\u{2028}', '\u{3000}', '\u{A0}', '\u{0B}'] {
        assert!(invariants::python_space(c), "{c:?}");
    }
    for c in ['\u{200B}', '\u{FEFF}', '\u{0}', 'a', '中', '\u{180E}'] {
        assert!(!invariants::python_space(c), "{c:?}");
    }
    assert_eq!(invariants::non_blank_lines(" a \r\n\u{3000}\n😀b"), vec![(1, 2), (7, 10)]);
}
