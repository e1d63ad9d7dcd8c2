//! Hostile inputs: each gets a result that keeps the contract, or a clear refusal, in bounded
//! time — never a panic, never a silently shortened text. And the CLI fails on bad files with
//! one line on stderr and a non-zero exit, not a panic trace.
#![cfg(not(target_arch = "wasm32"))]

use report_analyzer::{analyze, AnalyzeError, Options};
use std::time::{Duration, Instant};

#[path = "../fuzz/invariants.rs"]
mod invariants;

/// Time allowed per input. Generous: the machine may be busy; what matters is that the work
/// is bounded (no quadratic blow-up), which turns minutes into hours.
fn budget() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 300 } else { 60 })
}

/// Analyses `text` within the budget; a result must keep the contract.
fn analyse_within_budget(name: &str, text: &str) -> Result<report_analyzer::Analysis, AnalyzeError> {
    let started = Instant::now();
    let result = analyze(text, &Options::default(), &|| 0.0);
    let took = started.elapsed();
    eprintln!("{name}: {} UTF-16 units in {took:.2?}", text.encode_utf16().count());
    assert!(took < budget(), "{name}: took {took:?}");
    if let Ok(a) = &result {
        if let Err(broken) = invariants::check(text, a) {
            panic!("{name}: {broken}");
        }
    }
    result
}

/// Deterministic pseudo-random bytes (xorshift64*), so a failure replays.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

#[test]
fn empty_and_blank_inputs_are_refused_with_a_message() {
    for text in ["", " ", "\n", "\r\n\r\n", "\t \u{3000}\u{A0}\n\u{2028}", &"\n".repeat(100_000)] {
        let err = analyse_within_budget("blank", text).unwrap_err();
        assert_eq!(err, AnalyzeError::Empty, "{text:?}");
        assert!(err.to_string().contains("empty"), "{err}");
    }
}

#[test]
fn over_the_limit_is_refused_whole_and_says_so() {
    // The limit counts UTF-16 units: five emoji are ten.
    let emoji = "😀".repeat(5);
    let small = Options { max_chars: 9, ..Options::default() };
    let err = analyze(&emoji, &small, &|| 0.0).unwrap_err();
    assert_eq!(err, AnalyzeError::TooLarge { chars: 10, limit: 9 });
    let message = err.to_string();
    assert!(message.contains("10") && message.contains('9') && message.contains("nothing was cut"), "{message}");
    // At the limit: analysed whole, nothing cut.
    let at_limit = Options { max_chars: 10, ..Options::default() };
    let a = analyze(&emoji, &at_limit, &|| 0.0).unwrap();
    assert_eq!(a.stats.chars, 10);
    invariants::check(&emoji, &a).unwrap();

    // The default limit, with a text one unit over it: refused quickly.
    let limit = Options::default().max_chars;
    let huge = "a".repeat(limit + 1);
    let started = Instant::now();
    let err = analyze(&huge, &Options::default(), &|| 0.0).unwrap_err();
    assert_eq!(err, AnalyzeError::TooLarge { chars: limit + 1, limit });
    assert!(started.elapsed() < Duration::from_secs(10), "refusing took {:?}", started.elapsed());
}

#[test]
fn binary_garbage_decoded_lossily() {
    for seed in 1..=3 {
        let bytes = noise(1 << 20, seed);
        let text = String::from_utf8_lossy(&bytes);
        let a = analyse_within_budget("1 MB of random bytes", &text).expect("non-blank garbage still analyses");
        assert!(a.warnings.iter().any(|w| w.contains('�') || w.contains("control")), "{:?}", a.warnings);
    }
}

#[test]
fn nul_bytes() {
    analyse_within_budget("NUL only", &"\0".repeat(100_000)).unwrap();
    let mixed = "一、总体情况\0\n今年\0以来，共清运垃圾340\0吨。\0\0\n\0";
    let a = analyse_within_budget("NUL inside words", mixed).unwrap();
    assert!(a.warnings.iter().any(|w| w.contains("control")), "{:?}", a.warnings);
}

#[test]
fn five_megabyte_line_without_punctuation() {
    let words = ["社区", "环境", "卫生", "整治", "工作", "推进", "落实", "检查", "街道", "居民"];
    let mut line = String::new();
    let mut i = 0u64;
    while line.len() < 5 << 20 {
        line.push_str(words[(i.wrapping_mul(2_654_435_761) >> 7) as usize % words.len()]);
        i += 1;
    }
    let a = analyse_within_budget("5 MB single line", &line).unwrap();
    assert_eq!(a.stats.blocks, 1);
    let block = &a.documents[0].blocks[0];
    assert_eq!(block.text.len(), line.len(), "the block holds the whole line");
}

#[test]
fn hundred_thousand_one_char_lines() {
    let text = "字\n".repeat(100_000);
    let a = analyse_within_budget("100k one-char lines", &text).unwrap();
    assert_eq!(a.stats.blocks, 100_000);
}

#[test]
fn text_after_a_hundred_thousand_blank_lines() {
    let text = format!("{}今年以来，共清运垃圾340吨。{}", "\n".repeat(100_000), "\r\n".repeat(100_000));
    let a = analyse_within_budget("blank lines around one line", &text).unwrap();
    assert_eq!(a.stats.blocks, 1);
    assert_eq!(a.documents[0].blocks[0].start, 100_000);
}

#[test]
fn deeply_repeated_headings() {
    let heading_levels = ["一、总体情况", "（一）清理卫生死角", "1.集中整治", "（1）背街小巷", "第一章 总则"];
    let text: String = (0..40_000).map(|i| format!("{}\n", heading_levels[i % heading_levels.len()])).collect();
    analyse_within_budget("40k headings", &text).unwrap();
    let same: String = "一、总体情况\n".repeat(40_000);
    analyse_within_budget("40k identical headings", &same).unwrap();
}

#[test]
fn a_huge_number_of_numbers() {
    let figures: String = (0..50_000).map(|i| format!("{}.{}万元，{}人次、{}%；\n", i, i % 10, i * 7, i % 100)).collect();
    let a = analyse_within_budget("50k lines of figures", &figures).unwrap();
    assert!(a.documents.iter().map(|d| d.figures.len()).sum::<usize>() >= 150_000);
    let commas: String = "共3.5万元，".repeat(50_000);
    analyse_within_budget("50k figures in one sentence", &commas).unwrap();
    let digits = "1234567890".repeat(200_000);
    analyse_within_budget("2M digits in one number", &digits).unwrap();
}

/// A whole report pasted as one line (a PDF copy that lost its line breaks): one block of
/// many sentences. Ignored until analyze.rs stops scanning all of a block's words for each
/// of its sentences (quadratic: 160k chars take 13 s, 350k over a minute).
#[test]
fn one_megabyte_line_of_many_sentences() {
    let line = "今年以来共清运垃圾340吨，出动人员1,260人次；".repeat(15_000);
    let a = analyse_within_budget("1 MB line of sentences", &line).unwrap();
    assert_eq!(a.stats.blocks, 1);
}

#[test]
fn many_documents_and_titles() {
    let one = "关于开展环境卫生整治的通知\n各社区：\n现将有关事项通知如下。\n街道办事处\n2023年4月13日\n";
    analyse_within_budget("5k short documents", &one.repeat(5_000)).unwrap();
}

mod cli {
    use std::path::PathBuf;
    use std::process::{Command, Output};

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("report-analyzer-hostile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join(name)
    }

    fn run(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_report-analyzer")).args(args).output().expect("the CLI runs")
    }

    /// Non-zero exit, one line on stderr that says `expected`, no panic trace, nothing on stdout.
    fn fails_cleanly(out: &Output, expected: &str) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "exit status {:?}", out.status);
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
        assert!(stderr.contains(expected), "{stderr:?} should say {expected:?}");
        assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
        assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    }

    #[test]
    fn invalid_utf8_reports_the_byte_offset() {
        let path = scratch("latin1.txt");
        std::fs::write(&path, b"\xE4\xB8\x80\xE3\x80\x81abc\xFF\xFEtail").unwrap();
        fails_cleanly(&run(&["analyze", path.to_str().unwrap()]), "byte offset 9");
        // A UTF-8 sequence cut at the end of the file.
        std::fs::write(&path, "一、总体情况".as_bytes().split_last().unwrap().1).unwrap();
        fails_cleanly(&run(&["analyze", path.to_str().unwrap()]), "byte offset 15");
    }

    #[test]
    fn missing_file() {
        let path = scratch("does-not-exist.txt");
        fails_cleanly(&run(&["analyze", path.to_str().unwrap()]), "no such file");
    }

    #[test]
    fn directory() {
        let dir = scratch("a-directory");
        std::fs::create_dir_all(&dir).unwrap();
        fails_cleanly(&run(&["analyze", dir.to_str().unwrap()]), "directory");
    }

    #[test]
    fn empty_file_and_over_the_limit() {
        let path = scratch("blank.txt");
        std::fs::write(&path, "\n \n").unwrap();
        fails_cleanly(&run(&["analyze", path.to_str().unwrap()]), "empty");
        std::fs::write(&path, "一、总体情况\n正文。").unwrap();
        fails_cleanly(&run(&["analyze", "--max-chars", "5", path.to_str().unwrap()]), "nothing was cut");
    }

    #[test]
    fn binary_file_analyses_or_fails_cleanly() {
        let path = scratch("noise.bin");
        std::fs::write(&path, super::noise(4096, 7)).unwrap();
        // Random bytes are not UTF-8: refused with the offset of the first bad byte.
        fails_cleanly(&run(&["analyze", path.to_str().unwrap()]), "byte offset");
    }

    #[test]
    fn a_good_file_still_works() {
        let path = scratch("good.txt");
        std::fs::write(&path, "\u{FEFF}一、总体情况\r\n今年以来，共清运垃圾340吨。\r\n").unwrap();
        let out = run(&["analyze", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["stats"]["blocks"], 2);
    }
}
