//! The result contract's invariants (shared/docs/analysis-contract.md), checked on one
//! input and its analysis. One copy, used by the fuzz targets and by tests/properties.rs and
//! tests/hostile.rs (through `#[path]`), so they all hold the result to the same rules.

use report_analyzer::contract::{Analysis, Entity, Keyword, CATEGORIES, GENRES, TOPICS};

/// Whitespace as Python's `str.strip()` sees it (the scorer's line definition): Unicode
/// White_Space plus the information separators U+001C..U+001F.
pub fn python_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{1C}'..='\u{1F}' | ' ' | '\u{85}' | '\u{A0}'
            | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}'
            | '\u{3000}'
    )
}

/// The non-blank lines of `text` as UTF-16 spans of their stripped content: split at `\n`,
/// then Python's `strip()`.
pub fn non_blank_lines(text: &str) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    let mut offset = 0u64;
    for line in text.split('\n') {
        let lead: u64 = line.chars().take_while(|&c| python_space(c)).map(|c| c.len_utf16() as u64).sum();
        let stripped = line.trim_matches(python_space);
        if !stripped.is_empty() {
            let start = offset + lead;
            out.push((start, start + stripped.encode_utf16().count() as u64));
        }
        offset += line.encode_utf16().count() as u64 + 1;
    }
    out
}

/// The input between two UTF-16 offsets, or why there is none.
fn slice(units: &[u16], start: u64, end: u64) -> Result<String, String> {
    if start > end || end > units.len() as u64 {
        return Err(format!("span {start}..{end} outside the input of {} units", units.len()));
    }
    String::from_utf16(&units[start as usize..end as usize])
        .map_err(|_| format!("span {start}..{end} cuts a surrogate pair"))
}

fn unit_interval(what: &str, x: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&x) {
        Ok(())
    } else {
        Err(format!("{what} = {x}, not in [0, 1]"))
    }
}

fn check_keywords(scope: &str, keywords: &[Keyword]) -> Result<(), String> {
    for k in keywords {
        if k.term.trim().is_empty() || k.count == 0 {
            return Err(format!("{scope}: empty or uncounted keyword {k:?}"));
        }
        unit_interval(&format!("{scope}: weight of {:?}", k.term), k.weight)?;
    }
    Ok(())
}

fn check_entities(units: &[u16], what: &str, doc: (u64, u64), entities: &[Entity]) -> Result<(), String> {
    for e in entities {
        let text = slice(units, e.start, e.end)?;
        if text != e.text || e.start >= e.end {
            return Err(format!("{what} {:?} at {}..{} but the input there is {text:?}", e.text, e.start, e.end));
        }
        if e.start < doc.0 || e.end > doc.1 {
            return Err(format!("{what} {:?} at {}..{} outside its document {doc:?}", e.text, e.start, e.end));
        }
    }
    Ok(())
}

/// Every invariant of `analysis` as the result for `text`; the first one broken, described.
pub fn check(text: &str, analysis: &Analysis) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    if analysis.stats.chars != units.len() as u64 {
        return Err(format!("stats.chars {} but the input has {} units", analysis.stats.chars, units.len()));
    }
    if analysis.stats.documents != analysis.documents.len() as u64 {
        return Err("stats.documents differs from the documents".into());
    }
    let blocks: Vec<_> = analysis.documents.iter().flat_map(|d| &d.blocks).collect();
    if analysis.stats.blocks != blocks.len() as u64 {
        return Err("stats.blocks differs from the blocks".into());
    }

    let mut previous_doc_end = 0;
    for d in &analysis.documents {
        if d.start < previous_doc_end || d.start > d.end || d.end > units.len() as u64 {
            return Err(format!("document {}..{} out of order or outside the input", d.start, d.end));
        }
        previous_doc_end = d.end;
        if !GENRES.contains(&d.genre.as_str()) {
            return Err(format!("genre {:?} is not a taxonomy id", d.genre));
        }
        for t in &d.topics {
            if !TOPICS.contains(&t.label.as_str()) {
                return Err(format!("topic {:?} is not a taxonomy id", t.label));
            }
            unit_interval(&format!("score of topic {}", t.label), t.score)?;
        }
        if d.topics.windows(2).any(|w| w[0].score < w[1].score) {
            return Err("topics are not best first".into());
        }
        check_keywords("document keywords", &d.keywords)?;
        for f in &d.figures {
            let at = slice(&units, f.start, f.end)?;
            if at != f.text || f.start >= f.end {
                return Err(format!("figure {:?} at {}..{} but the input there is {at:?}", f.text, f.start, f.end));
            }
            if !f.value.is_finite() || f.value_max.is_some_and(|m| !m.is_finite()) {
                return Err(format!("figure {:?} has a value that is not finite", f.text));
            }
            if f.start < d.start || f.end > d.end {
                return Err(format!("figure {:?} outside its document", f.text));
            }
        }
        check_entities(&units, "date", (d.start, d.end), &d.dates)?;
        check_entities(&units, "person", (d.start, d.end), &d.people)?;
        check_entities(&units, "organisation", (d.start, d.end), &d.organizations)?;
        for b in &d.blocks {
            if b.start < d.start || b.end > d.end {
                return Err(format!("block {}..{} outside its document {}..{}", b.start, b.end, d.start, d.end));
            }
        }
    }

    let mut sentence_chars = std::collections::BTreeMap::<&str, u64>::new();
    let mut previous_end = 0;
    for b in &blocks {
        let at = slice(&units, b.start, b.end)?;
        if at != b.text {
            return Err(format!("block text {:?} but the input at {}..{} is {at:?}", b.text, b.start, b.end));
        }
        if b.start < previous_end || b.start >= b.end {
            return Err(format!("block {}..{} empty, overlapping or out of order", b.start, b.end));
        }
        if b.text.chars().all(python_space) {
            return Err(format!("block {}..{} is blank", b.start, b.end));
        }
        previous_end = b.end;
        if !["title", "heading", "paragraph", "signoff", "noise"].contains(&b.kind.as_str()) {
            return Err(format!("block kind {:?}", b.kind));
        }
        let level_ok = if b.kind == "heading" { (1..=4).contains(&b.level) } else { b.level == 0 };
        if !level_ok {
            return Err(format!("{} block with level {}", b.kind, b.level));
        }
        match (&b.category, b.kind.as_str()) {
            (None, "noise") => {}
            (Some(c), kind) if kind != "noise" && CATEGORIES.contains(&c.as_str()) => {}
            (c, kind) => return Err(format!("{kind} block with category {c:?}")),
        }
        unit_interval("block confidence", b.confidence)?;
        let mut sentence_end = b.start;
        for s in &b.sentences {
            if s.start < sentence_end || s.start >= s.end || s.end > b.end {
                return Err(format!("sentence {}..{} outside block {}..{} or out of order", s.start, s.end, b.start, b.end));
            }
            sentence_end = s.end;
            if !CATEGORIES.contains(&&*s.category) {
                return Err(format!("sentence category {:?}", s.category));
            }
            unit_interval("sentence confidence", s.confidence)?;
            *sentence_chars.entry(CATEGORIES.iter().find(|c| **c == s.category).unwrap()).or_default() +=
                s.end - s.start;
        }
    }

    // Every non-blank line lies inside exactly one block (blocks are ordered and disjoint,
    // so walk both lists together).
    let lines = non_blank_lines(text);
    let mut k = 0;
    for &(ls, le) in &lines {
        while k < blocks.len() && blocks[k].end <= ls {
            k += 1;
        }
        let holding = blocks[k.min(blocks.len())..]
            .iter()
            .take_while(|b| b.start < le)
            .filter(|b| b.start <= ls && le <= b.end)
            .count();
        let touching = blocks[k.min(blocks.len())..].iter().take_while(|b| b.start < le).count();
        if holding != 1 || touching != 1 {
            let line = slice(&units, ls, le)?;
            return Err(format!(
                "line {ls}..{le} {line:?} is inside {holding} blocks and touches {touching}"
            ));
        }
    }
    for b in &blocks {
        let first_inside = lines.partition_point(|&(ls, _)| ls < b.start);
        if lines.get(first_inside).is_none_or(|&(_, le)| le > b.end) {
            return Err(format!("block {}..{} {:?} holds no whole line", b.start, b.end, b.text));
        }
    }

    for c in CATEGORIES {
        let total = analysis.category_totals.get(c).copied();
        if total != Some(sentence_chars.get(c).copied().unwrap_or(0)) {
            return Err(format!("category_totals[{c}] = {total:?}, sentences add up to {:?}", sentence_chars.get(c)));
        }
    }
    check_keywords("keywords", &analysis.keywords)?;
    for (scope, keywords) in &analysis.category_keywords {
        if !CATEGORIES.contains(&scope.as_str()) {
            return Err(format!("category_keywords scope {scope:?}"));
        }
        check_keywords(scope, keywords)?;
    }
    Ok(())
}

/// The analysis with its one run-dependent field (the elapsed time) cleared, for comparing runs.
#[allow(dead_code)] // the fuzz targets do not compare runs
pub fn without_timing(mut analysis: Analysis) -> Analysis {
    analysis.stats.elapsed_ms = 0.0;
    analysis
}
