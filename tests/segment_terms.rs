#![cfg(not(target_arch = "wasm32"))]
//! The official-report vocabulary (data/lexicon.txt) and the keyword filters
//! (data/stopwords.txt, data/boilerplate.txt):
//! - a held-out list of report terms (tests/data/official-terms.txt, written independently of
//!   the lexicon) mostly comes out of segmentation as single tokens;
//! - lexicon terms are not glued to their neighbours in running text;
//! - the data files are well-formed.

use std::collections::HashSet;

const TERMS: &str = include_str!("data/official-terms.txt");
const LEXICON: &str = include_str!("../data/lexicon.txt");
const STOP_WORDS: &str = include_str!("../data/stopwords.txt");
const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");

fn words(text: &str) -> Vec<String> {
    report_analyzer::segment_tokens(text, &[]).into_iter().map(|t| t.word).collect()
}

fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

#[test]
fn official_terms_are_single_tokens() {
    let terms: Vec<&str> = entries(TERMS).map(|(_, l)| l.trim()).collect();
    assert!(terms.len() >= 400, "the held-out list has only {} terms", terms.len());
    let mut misses = Vec::new();
    for term in &terms {
        let w = words(term);
        if w.len() != 1 {
            misses.push(w.join(" "));
        }
    }
    let whole = terms.len() - misses.len();
    let rate = whole as f64 / terms.len() as f64;
    println!("single tokens: {whole}/{} ({:.1}%)", terms.len(), 100.0 * rate);
    println!("misses: {}", misses.join(" | "));
    assert!(rate >= 0.90, "only {:.1}% of the terms are single tokens; misses: {misses:?}", 100.0 * rate);
}

/// Sentences checked by hand: lexicon terms come out whole, and neither an abbreviation nor a
/// term swallows the characters of the word next to it.
#[test]
fn lexicon_terms_do_not_glue_to_neighbours() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        // 禁毒办 must not take the 办 of 办公室.
        ("县禁毒办公室组织禁毒志愿者开展宣传。", &["禁毒", "办公室", "禁毒志愿者"], &["禁毒办"]),
        // 创卫 must not take the 卫 of 卫生.
        ("我县争创卫生先进单位。", &["争创"], &["创卫"]),
        ("两区齐创卫生先进。", &["卫生"], &["创卫"]),
        // A topic term followed by a generic head: 食品安全 + 监管, not 食品 + 安全监管.
        ("加强食品安全监管。", &["食品安全", "监管"], &["安全监管"]),
        ("组织居民小组长参加。", &["居民小组长"], &["居民小组"]),
        // 工作台账 is a ledger, not a 工作台 (workbench) plus 账.
        ("在工作台账中记录检查情况。", &["工作台账", "中"], &["工作台"]),
        ("门前三包责任制落实到位。", &["门前三包", "责任制"], &[]),
        ("加大对占道经营的整治力度。", &["占道经营", "的"], &[]),
        ("各网格员每天巡查一次。", &["网格员", "每天"], &[]),
        ("严格落实一岗双责，压实主体责任。", &["一岗双责", "主体责任"], &[]),
    ];
    for (text, present, absent) in cases {
        let w = words(text);
        assert_eq!(w.concat(), *text);
        for p in *present {
            assert!(w.iter().any(|x| x == p), "{text}: expected token {p} in {w:?}");
        }
        for a in *absent {
            assert!(!w.iter().any(|x| x == a), "{text}: unexpected token {a} in {w:?}");
        }
    }
}

#[test]
fn lexicon_lines_parse() {
    let mut seen = HashSet::new();
    let mut count = 0;
    for (n, line) in entries(LEXICON) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        assert!((1..=3).contains(&parts.len()), "lexicon.txt:{n}: expected `word [freq] [tag]`: {line:?}");
        let word = parts[0];
        assert!(word.chars().count() >= 2, "lexicon.txt:{n}: one-character entry {word:?}");
        assert!(seen.insert(word), "lexicon.txt:{n}: duplicate entry {word:?}");
        let rest = &parts[1..];
        let tag = match rest {
            [] => None,
            [x] if x.chars().all(|c| c.is_ascii_digit()) => {
                assert!(x.parse::<u32>().is_ok_and(|f| f > 0), "lexicon.txt:{n}: bad frequency {x:?}");
                None
            }
            [x] => Some(*x),
            [f, t] => {
                assert!(f.parse::<u32>().is_ok_and(|f| f > 0), "lexicon.txt:{n}: bad frequency {f:?}");
                Some(*t)
            }
            _ => unreachable!(),
        };
        if let Some(tag) = tag {
            assert!(
                !tag.is_empty() && tag.chars().all(|c| c.is_ascii_lowercase()),
                "lexicon.txt:{n}: bad tag {tag:?}"
            );
        }
        count += 1;
    }
    assert!(count >= 3000, "lexicon.txt has only {count} entries");
}

#[test]
fn word_lists_have_no_duplicates_or_blank_entries() {
    for (name, text, min) in [("stopwords.txt", STOP_WORDS, 300), ("boilerplate.txt", BOILERPLATE, 300)] {
        let mut seen = HashSet::new();
        for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
            assert!(!line.trim().is_empty(), "{name}:{n}: blank line");
            if line.starts_with('#') {
                continue;
            }
            assert_eq!(line, line.trim(), "{name}:{n}: surrounding whitespace");
            assert!(!line.contains(char::is_whitespace), "{name}:{n}: more than one word: {line:?}");
            assert!(seen.insert(line), "{name}:{n}: duplicate entry {line:?}");
        }
        assert!(seen.len() >= min, "{name} has only {} entries", seen.len());
    }
}

/// Words that name a report's subject must stay available as keywords.
#[test]
fn subject_words_are_not_filtered() {
    let filtered: HashSet<&str> = STOP_WORDS
        .lines()
        .chain(BOILERPLATE.lines())
        .filter(|l| !l.starts_with('#'))
        .collect();
    for w in ["社区", "卫生", "安全", "教育", "禁毒", "党建", "环境", "食品安全", "河道", "养老", "项目", "企业"] {
        assert!(!filtered.contains(w), "{w} is a subject word but is filtered out");
    }
}
