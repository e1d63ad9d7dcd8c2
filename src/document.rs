//! Document-level labels: genre (taxonomy §1) from cue phrases in the title and body, and
//! ranked topics from topic vocabulary. Both report the cues that decided them.

use crate::contract::{Cue, Label, GENRES, TOPICS};
use aho_corasick::AhoCorasick;
use crate::structure::normalize;
use std::sync::OnceLock;

const GENRE_CUES: &str = include_str!("../data/genre-cues.tsv");
const TOPIC_TERMS: &str = include_str!("../data/topics.tsv");

/// One row of a weighted table: a label, its phrase and weight, and whether the phrase
/// counts only in a title (a 问题清单 is one; a body that asks for one is not).
struct Row {
    label: usize,
    phrase: String,
    weight: f64,
    title_only: bool,
}

/// `label<TAB>phrase<TAB>weight[<TAB>title]` rows, labels checked against `ids`.
fn weighted_table(text: &str, ids: &[&str]) -> Vec<Row> {
    crate::text::table_lines(text)
        .filter_map(|l| {
            let mut p = l.split('\t');
            let id = p.next()?.trim();
            let label = ids.iter().position(|x| *x == id)?;
            let phrase = normalize(p.next()?.trim());
            let weight = p.next().and_then(|w| w.trim().parse().ok()).unwrap_or(1.0);
            let title_only = p.next().is_some_and(|f| f.trim() == "title");
            Some(Row { label, phrase, weight, title_only })
        })
        .collect()
}

/// A weighted table with an automaton over its phrases: a text is searched once for all of them.
struct Table {
    rows: Vec<Row>,
    /// Pattern `k` of the automaton is `phrases[k]`; `row_phrase[r]` is row `r`'s pattern.
    automaton: Option<AhoCorasick>,
    row_phrase: Vec<Option<usize>>,
    n_phrases: usize,
}

impl Table {
    fn new(rows: Vec<Row>) -> Table {
        let mut phrases: Vec<&str> = Vec::new();
        let mut row_phrase = Vec::with_capacity(rows.len());
        for Row { phrase, .. } in &rows {
            if phrase.is_empty() {
                row_phrase.push(None);
                continue;
            }
            let k = phrases.iter().position(|p| p == phrase).unwrap_or_else(|| {
                phrases.push(phrase);
                phrases.len() - 1
            });
            row_phrase.push(Some(k));
        }
        let n_phrases = phrases.len();
        // The default (NFA) automaton: a DFA counts phrases in half the instructions a byte,
        // but building it costs more than it saves on a short paste, whose cold start matters.
        let automaton = (!phrases.is_empty()).then(|| AhoCorasick::new(&phrases).expect("phrase table builds"));
        Table { rows, automaton, row_phrase, n_phrases }
    }

    /// Non-overlapping occurrences of each phrase in `hay`, as `str::matches(..).count()`
    /// counts them: per phrase, the earliest occurrence, then the next that starts after it;
    /// none where the phrase closes a date (31日前).
    fn counts(&self, hay: &str) -> Vec<usize> {
        let mut n = vec![0usize; self.n_phrases];
        let Some(ac) = &self.automaton else { return n };
        let mut next_free = vec![0usize; self.n_phrases];
        for m in ac.find_overlapping_iter(hay) {
            let k = m.pattern().as_usize();
            if m.start() >= next_free[k] && !crate::text::closes_a_date(hay, m.start()) {
                n[k] += 1;
                next_free[k] = m.end();
            }
        }
        n
    }

    /// Rows with how often each one's phrase occurs in `body` and in `title` (title-only
    /// rows count no body occurrence).
    fn rows_counted(&self, title: &str, body: &str) -> impl Iterator<Item = (&Row, usize, usize)> {
        let in_body = self.counts(body);
        let in_title = self.counts(title);
        self.rows.iter().zip(&self.row_phrase).map(move |(row, k)| match k {
            Some(k) => (row, if row.title_only { 0 } else { in_body[*k] }, in_title[*k]),
            None => (row, 0, 0),
        })
    }
}

fn genre_cues() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(weighted_table(GENRE_CUES, &GENRES)))
}

fn topic_terms() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(weighted_table(TOPIC_TERMS, &TOPICS)))
}

/// Genre of a document from its (width-folded) title and body, with the cues that decided it.
pub fn genre(title: &str, body: &str) -> (&'static str, Vec<Cue>) {
    let mut score = vec![0f64; GENRES.len()];
    let mut hits: Vec<Vec<Cue>> = vec![Vec::new(); GENRES.len()];
    // A headline (no genre word in the title) over a dated lead (6月5日上午，…) is news.
    let genre_word = ["总结", "小结", "计划", "方案", "要点", "纪要", "报告", "讲话", "通报", "通知", "意见", "述职"];
    // With no title found, a short first line without a sentence end is the headline.
    let (headline, lead) = match title.is_empty() {
        false => (title, body),
        true => untitled_headline(body).unwrap_or(("", body)),
    };
    let bulletin = GENRES.iter().position(|g| *g == "bulletin").unwrap_or(3);
    let news_headline = !headline.is_empty() && !genre_word.iter().any(|w| headline.contains(w));
    if news_headline && news_lead(lead) {
        score[bulletin] += 3.0;
        hits[bulletin].push(Cue { feature: "headline+dated lead".into(), weight: 3.0 });
    }
    // 红星小学开展…活动: a third-person headline reports what someone did (a meeting's own
    // words, 召开…会议, count for `meeting` through the cue table).
    if news_headline && crate::structure::is_news_headline(headline) && !headline.contains("召开") {
        score[bulletin] += 2.0;
        hits[bulletin].push(Cue { feature: "news headline".into(), weight: 2.0 });
    }
    for (Row { label: g, phrase, weight: w, .. }, in_body, in_title) in genre_cues().rows_counted(title, body) {
        let n = in_body as f64 + 3.0 * in_title as f64;
        if n > 0.0 {
            // Diminishing returns: a cue repeated ten times is not ten cues.
            let s = w * (1.0 + n).ln();
            score[*g] += s;
            hits[*g].push(Cue { feature: phrase.clone(), weight: crate::classify::round3(s) });
        }
    }
    // `other` has cues of its own (调研报告, 情况分析: research is none of the five genres)
    // and wins like any genre; with too little evidence for any, the document is `other`.
    let best = (0..GENRES.len()).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap_or(GENRES.len() - 1);
    if score[best] < 1.0 {
        return ("other", Vec::new());
    }
    let mut cues = std::mem::take(&mut hits[best]);
    cues.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    cues.truncate(5);
    (GENRES[best], cues)
}

/// A body's first line as a headline (short, no sentence end) and the rest of the body.
fn untitled_headline(body: &str) -> Option<(&str, &str)> {
    const MAX_CHARS: usize = 40;
    let (first, rest) = body.split_once('\n')?;
    let first = first.trim();
    let short = !first.is_empty() && first.chars().count() <= MAX_CHARS;
    // The body is width-folded: ，；：！？ arrive as , ; : ! ?.
    let sentence = first.contains(['。', '!', '?', ';', ',', ':']);
    (short && !sentence).then_some((first, rest.trim_start()))
}

/// The body opens with a date (6月5日上午，…; 日前，…; 近日，…), as news items do, or its
/// first clauses name the day (为增强…意识，5月28日，红星小学开展…).
fn news_lead(body: &str) -> bool {
    let body = without_dateline(body);
    let first: String = body.chars().take(14).collect();
    if first.starts_with("日前") || first.starts_with("近日") {
        return true;
    }
    let is_day = |head: &str| head.contains('月') && head.chars().all(|c| c.is_ascii_digit() || "月年一二三四五六七八九十〇xX".contains(c));
    if first.find('日').is_some_and(|pos| is_day(&first[..pos])) {
        return true;
    }
    // A clause of its own that is a day, within the first sentence: ，5月28日，
    let sentence = body.split('。').next().unwrap_or("");
    sentence.split(',').skip(1).take(3).any(|clause| {
        let clause = clause.trim();
        clause.ends_with('日') && clause.chars().count() <= 11 && is_day(&clause[..clause.len() - '日'.len_utf8()])
    })
}

/// The lead past a news dateline and byline: 本网讯　, 本报讯(记者 林涛), (通讯员 张三).
fn without_dateline(body: &str) -> &str {
    let blank = |c: char| c.is_whitespace() || c == '\u{3000}';
    let mut rest = body.trim_start_matches(blank);
    let head: String = rest.chars().take(16).collect();
    if let Some(at) = head.find('讯').filter(|&at| !head[..at].ends_with('通')) {
        rest = rest[at + '讯'.len_utf8()..].trim_start_matches(blank);
    }
    for (open, close) in [('(', ')'), ('（', '）'), ('【', '】')] {
        if rest.starts_with(open) {
            if let Some(end) = rest.find(close).filter(|&end| end <= 60) {
                rest = rest[end + close.len_utf8()..].trim_start_matches(blank);
            }
        }
    }
    rest
}

/// Ranked topics (best first, at most three), scores in [0, 1] as shares of the evidence.
pub fn topics(title: &str, body: &str) -> Vec<Label> {
    let mut score = vec![0f64; TOPICS.len()];
    let mut hits: Vec<Vec<Cue>> = vec![Vec::new(); TOPICS.len()];
    for (Row { label: t, phrase: term, weight: w, .. }, in_body, in_title) in topic_terms().rows_counted(title, body) {
        let n = in_body as f64 + 2.0 * in_title as f64;
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
    fn a_people_s_government_is_no_civil_affairs_and_forest_fires_are_safety() {
        let title = "白石乡2025年森林防火工作方案";
        let body = "为切实做好森林防火工作，有效预防和扑救森林火灾，白石乡人民政府制定本方案。各村要加强野外用火管理，发现火情立即报告。";
        let got = topics(title, body);
        assert_eq!(got[0].label, "work_safety", "{got:?}");
        assert!(!got.iter().any(|t| t.label == "civil_affairs"), "{got:?}");
    }

    #[test]
    fn meeting_and_plan_are_told_apart() {
        let (g, cues) = genre("", "3月5日，县政府召开安全生产工作会议，副县长主持会议。会议强调，要压实责任。");
        assert_eq!(g, "meeting");
        assert!(!cues.is_empty());
        let (g, _) = genre("2024年安全生产工作计划", "一、指导思想。二、工作目标。三、时间安排。");
        assert_eq!(g, "plan");
    }

    #[test]
    fn self_review_reports_are_summaries() {
        // An organisation reporting on its own rectification or inspection work.
        let (g, _) = genre(
            "关于环保督察反馈问题整改情况的报告",
            "局党组召开专题会议部署整改。现将整改情况报告如下：整改措施：……整改成效：已整改到位。下一步，我们将巩固成果。",
        );
        assert_eq!(g, "summary");
        let (g, _) = genre("关于校园周边安全隐患排查情况的汇报", "现将有关情况汇报如下：共排查隐患42处。下一步工作打算：计划年底前完成。");
        assert_eq!(g, "summary");
    }

    #[test]
    fn short_reviews_notices_and_rectification_plans() {
        // A month's 小结 of an office's own work is a summary, even with plans in it.
        let (g, _) = genre("城关镇综治办2024年5月份工作小结", "5月份，综治办排查矛盾纠纷12起，化解11起。6月份，将力争实现零上访，计划开展培训。");
        assert_eq!(g, "summary");
        // A list of problems sent to an institution for it to rectify is a bulletin, even
        // where it asks for a 整改报告 and quotes the institution's year.
        let (g, _) = genre(
            "全区幼儿园食堂专项检查问题清单",
            "4月，区教育局对辖区幼儿园食堂开展了专项检查，发现问题如下：1.今年以来未开展留样检查；2.人员不足。请对照清单逐项整改，请于5月底前将整改报告报区教育局。",
        );
        assert_eq!(g, "bulletin");
        // A rectification plan (targets, measures, deadlines) is a plan.
        let (g, _) = genre(
            "城西小学食堂检查问题整改方案",
            "针对检查反馈的问题，制定本方案。一、整改目标：5月底前整改到位。二、整改措施：……三、完成时限：5月31日前。四、保障措施：……",
        );
        assert_eq!(g, "plan");
        // A body that mentions a rectification plan or a report does not make one.
        let (g, _) = genre("关于食品安全检查情况的通报", "检查发现问题21个，已责令制定整改方案。现将检查结果通报如下。");
        assert_eq!(g, "bulletin");
    }

    #[test]
    fn untitled_news_items_are_bulletins() {
        // No title found: a short first line is the headline, the lead opens with 日前.
        let (g, _) = genre("", "柳林镇举办农民丰收节\n日前,柳林镇在文化广场举办农民丰收节。今年以来,该镇累计培训农户300人次。\n下一步,该镇将继续办好活动。");
        assert_eq!(g, "bulletin");
    }

    #[test]
    fn elder_care_homes_are_civil_affairs() {
        let t = topics(
            "阳光敬老院消防检查问题整改方案",
            "更换灭火器，开展消防演练，排查消防隐患；护理员持证上岗，为失能老人建立照护档案，补充护理员3名。",
        );
        assert_eq!(t[0].label, "civil_affairs");
    }

    #[test]
    fn research_reports_are_other() {
        let (g, cues) = genre(
            "关于全市社区养老服务情况的调研报告",
            "调研组召开座谈会3场，实地走访12个社区。调研发现，……三、对策建议：建议加大投入。",
        );
        assert_eq!(g, "other");
        assert!(cues.iter().any(|c| c.feature == "调研报告"));
        let (g, _) = genre("上半年全县工业经济运行情况分析", "一、基本情况。二、主要问题及原因分析。三、下步工作建议。");
        assert_eq!(g, "other");
        // A meeting that discusses a research report is still a meeting.
        let (g, _) = genre("县政府常务会议纪要", "会议由县长主持。会议听取了交通调研报告，会议强调，要抓好落实。参加会议的有……");
        assert_eq!(g, "meeting");
    }

    #[test]
    fn environment_and_civil_affairs_vocabulary() {
        let t = topics("", "推进农村生活污水治理和人居环境整治，完成改厕300户。");
        assert_eq!(t[0].label, "environment");
        let t = topics("", "聚焦一老一小，为独居老人助餐，为特困人员、困难家庭发放社会救助金。");
        assert_eq!(t[0].label, "civil_affairs");
    }

    #[test]
    fn a_third_person_headline_reports_news() {
        let (g, cues) = genre("某村开展人居环境整治春季攻坚行动", "今年以来，某村组织党员群众清理村内垃圾320吨。下一步，该村将建立长效机制。");
        assert_eq!(g, "bulletin", "{cues:?}");
        assert!(news_lead("为增强学生防溺水意识,5月28日,某小学开展安全教育主题活动。"));
        assert!(!news_lead("今年以来,我局开展安全检查12次。"));
        // A dateline and byline come before the lead's day.
        assert!(news_lead("本网讯\u{3000}11月5日,市生态环境局督查组到我县开展专项检查。"));
        assert!(news_lead("本报讯(记者 林涛 通讯员 王琳)11月5日,县里召开推进会。"));
        assert!(!news_lead("本网讯 今年以来,我局开展安全检查12次。"));
    }

    #[test]
    fn topics_are_ranked() {
        let t = topics("", "开展禁毒宣传，组织戒毒人员社区康复，打击毒品犯罪。党员志愿者参与。");
        assert_eq!(t[0].label, "drug_control");
        assert!(t[0].score > 0.0 && t[0].score <= 1.0);
    }
}
