//! Document-level labels: genre (taxonomy §1) from cue phrases in the title and body, and
//! ranked topics from topic vocabulary. Both report the cues that decided them.

use crate::contract::{Cue, Label, GENRES, TOPICS};
use crate::structure::normalize;
use std::sync::OnceLock;

const GENRE_CUES: &str = include_str!("../data/genre-cues.tsv");
const TOPIC_TERMS: &str = include_str!("../data/topics.tsv");

/// `label<TAB>phrase<TAB>weight` rows, labels checked against `ids`.
fn weighted_table(text: &str, ids: &[&str]) -> Vec<(usize, String, f64)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut p = l.split('\t');
            let id = p.next()?.trim();
            let label = ids.iter().position(|x| *x == id)?;
            let phrase = normalize(p.next()?.trim());
            let weight = p.next().and_then(|w| w.trim().parse().ok()).unwrap_or(1.0);
            Some((label, phrase, weight))
        })
        .collect()
}

fn genre_cues() -> &'static [(usize, String, f64)] {
    static T: OnceLock<Vec<(usize, String, f64)>> = OnceLock::new();
    T.get_or_init(|| weighted_table(GENRE_CUES, &GENRES))
}

fn topic_terms() -> &'static [(usize, String, f64)] {
    static T: OnceLock<Vec<(usize, String, f64)>> = OnceLock::new();
    T.get_or_init(|| weighted_table(TOPIC_TERMS, &TOPICS))
}

fn count(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        0
    } else {
        hay.matches(needle).count()
    }
}

/// Genre of a document from its (width-folded) title and body, with the cues that decided it.
pub fn genre(title: &str, body: &str) -> (&'static str, Vec<Cue>) {
    let mut score = vec![0f64; GENRES.len()];
    let mut hits: Vec<Vec<Cue>> = vec![Vec::new(); GENRES.len()];
    // A headline (no genre word in the title) over a dated lead (6月5日上午，…) is news.
    let genre_word = ["总结", "计划", "方案", "要点", "纪要", "报告", "讲话", "通报", "通知", "意见", "述职"];
    if !title.is_empty() && !genre_word.iter().any(|w| title.contains(w)) && news_lead(body) {
        let bulletin = GENRES.iter().position(|g| *g == "bulletin").unwrap_or(3);
        score[bulletin] += 2.0;
        hits[bulletin].push(Cue { feature: "headline+dated lead".into(), weight: 2.0 });
    }
    for (g, phrase, w) in genre_cues() {
        let n = count(body, phrase) as f64 + 3.0 * count(title, phrase) as f64;
        if n > 0.0 {
            // Diminishing returns: a cue repeated ten times is not ten cues.
            let s = w * (1.0 + n).ln();
            score[*g] += s;
            hits[*g].push(Cue { feature: phrase.clone(), weight: crate::classify::round3(s) });
        }
    }
    let best = (0..GENRES.len())
        .filter(|&g| GENRES[g] != "other")
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(GENRES.len() - 1);
    if score[best] < 1.0 {
        return ("other", Vec::new());
    }
    let mut cues = std::mem::take(&mut hits[best]);
    cues.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    cues.truncate(5);
    (GENRES[best], cues)
}

/// The body opens with a date (6月5日上午，…; 日前，…; 近日，…), as news items do.
fn news_lead(body: &str) -> bool {
    let first: String = body.chars().take(14).collect();
    if first.starts_with("日前") || first.starts_with("近日") {
        return true;
    }
    let Some(pos) = first.find('日') else { return false };
    let head = &first[..pos];
    head.contains('月') && head.chars().all(|c| c.is_ascii_digit() || "月年一二三四五六七八九十〇xX".contains(c))
}

/// Ranked topics (best first, at most three), scores in [0, 1] as shares of the evidence.
pub fn topics(title: &str, body: &str) -> Vec<Label> {
    let mut score = vec![0f64; TOPICS.len()];
    let mut hits: Vec<Vec<Cue>> = vec![Vec::new(); TOPICS.len()];
    for (t, term, w) in topic_terms() {
        let n = count(body, term) as f64 + 2.0 * count(title, term) as f64;
        if n > 0.0 {
            let s = w * (1.0 + n).ln();
            score[*t] += s;
            hits[*t].push(Cue { feature: term.clone(), weight: crate::classify::round3(s) });
        }
    }
    let total: f64 = score.iter().sum();
    if total < 2.0 {
        return vec![Label { label: "other".into(), score: 1.0, cues: Vec::new() }];
    }
    let mut order: Vec<usize> = (0..TOPICS.len()).filter(|&t| score[t] > 0.0).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let best = score[order[0]];
    order
        .into_iter()
        .take(3)
        .filter(|&t| score[t] >= 0.35 * best)
        .map(|t| {
            let mut cues = std::mem::take(&mut hits[t]);
            cues.sort_by(|a, b| b.weight.total_cmp(&a.weight));
            cues.truncate(5);
            Label { label: TOPICS[t].into(), score: crate::classify::round3(score[t] / total), cues }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_and_plan_are_told_apart() {
        let (g, cues) = genre("", "3月5日，县政府召开安全生产工作会议，副县长主持会议。会议强调，要压实责任。");
        assert_eq!(g, "meeting");
        assert!(!cues.is_empty());
        let (g, _) = genre("2024年安全生产工作计划", "一、指导思想。二、工作目标。三、时间安排。");
        assert_eq!(g, "plan");
    }

    #[test]
    fn topics_are_ranked() {
        let t = topics("", "开展禁毒宣传，组织戒毒人员社区康复，打击毒品犯罪。党员志愿者参与。");
        assert_eq!(t[0].label, "drug_control");
        assert!(t[0].score > 0.0 && t[0].score <= 1.0);
    }
}
