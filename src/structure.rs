//! Structure: a paste → documents → blocks (title, heading 1–4, paragraph, signoff, noise).
//! One block per non-blank line. Each decision records the rule that made it, so the page
//! can say why a line was read as it was.

use crate::text::{ends_sentence, lines, Line};
use regex_lite::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Heading,
    Paragraph,
    Signoff,
    Noise,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Signoff => "signoff",
            Kind::Noise => "noise",
        }
    }
}

/// A block in char indices of the input.
#[derive(Debug, Clone)]
pub struct BlockSpan {
    pub kind: Kind,
    pub level: u8,
    pub start: usize,
    pub end: usize,
    pub rule: String,
}

#[derive(Debug, Clone, Default)]
pub struct DocSpan {
    pub blocks: Vec<BlockSpan>,
    /// Index in `blocks` of the title, if the document has one.
    pub title: Option<usize>,
}

const NOISE_CUES: &str = include_str!("../data/noise-cues.txt");
const TITLE_SUFFIXES: &str = include_str!("../data/title-suffixes.txt");

fn table(text: &'static str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize)
        .collect()
}

fn noise_cues() -> &'static [String] {
    static T: OnceLock<Vec<String>> = OnceLock::new();
    T.get_or_init(|| table(NOISE_CUES))
}

fn title_suffixes() -> &'static [String] {
    static T: OnceLock<Vec<String>> = OnceLock::new();
    T.get_or_init(|| table(TITLE_SUFFIXES))
}

/// Full-width ASCII forms folded to ASCII (web pages mix `，` and `,` freely).
pub fn normalize(s: &str) -> String {
    s.chars().map(fold_width).collect()
}

pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

struct Patterns {
    heading: [(Regex, u8, &'static str); 9],
    url: Regex,
    markup: Regex,
    timestamp: Regex,
    date_only: Regex,
    org_date: Regex,
    breadcrumb: Regex,
    title_piece: Regex,
    page_title: Regex,
    enumerated_lead: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let cn = "[一二三四五六七八九十百零〇]+";
        let r = |s: &str| Regex::new(s).expect("valid pattern");
        Patterns {
            // Matched against width-folded text; the order matters (第一部分 before 一、).
            heading: [
                (r(&format!("^第{cn}(部分|篇|章|节)")), 1, "第X部分"),
                (r(&format!("^{cn}[、.]")), 1, "一、"),
                (r(&format!("^[(]{cn}[)]")), 2, "（一）"),
                (r(&format!("^第{cn}条")), 2, "第X条"),
                (r("^[0-9]{1,2}[、.．](?:[^0-9]|$)"), 3, "1."),
                (r("^[0-9]{1,2}[)]"), 4, "1)"),
                (r("^[(][0-9]{1,2}[)]"), 4, "（1）"),
                (r("^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"), 4, "①"),
                (r(&format!("^(?:{cn}是|第{cn}[,、:])")), 1, "一是"),
            ],
            url: r(r"(?i)(https?://|www\.|\.(com|cn|net|org|html?|php|aspx?)\b)"),
            markup: r(r"(<\s*/?\s*[a-zA-Z][^>]*>|-->|<!--|data:[a-z]+/|&nbsp;|&gt;|&lt;|\{\{|\}\})"),
            timestamp: r(r"^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(\s+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?"),
            date_only: r(&format!(
                "^(?:[0-9x]{{2,4}}|{d}{{2,4}}|20xx|20__+)年(?:[0-9]{{1,2}}|{d}{{1,3}})月(?:(?:[0-9]{{1,2}}|{d}{{1,3}})日)?[。.]?$",
                d = "[一二三四五六七八九十〇零○]"
            )),
            org_date: r(&format!(
                "^[^,;:。!?]{{2,30}}?\\s*(?:[0-9x]{{2,4}}|{d}{{2,4}}|20xx)年(?:[0-9]{{1,2}}|{d}{{1,3}})月(?:(?:[0-9]{{1,2}}|{d}{{1,3}})日)?[。.]?$",
                d = "[一二三四五六七八九十〇零○]"
            )),
            breadcrumb: r(r"^(首页|主页|网站首页|当前位置|您的位置|位置)\s*[>»›/:]|(\S\s*[>»›]\s*){2,}"),
            title_piece: r(&format!("篇{cn}$|[(][0-9]+[)]$|[(]{cn}[)]$|^关于.{{2,40}}的")),
            page_title: r(r"范文|[(]\s*[0-9]+\s*篇\s*[)]|精选\s*[0-9]+\s*篇|[0-9]+篇$|大全"),
            enumerated_lead: r(&format!("^{cn}(要|是)")),
        }
    })
}

/// What a line looks like, before context is taken into account.
#[derive(Debug, Clone)]
struct LineLook {
    line: Line,
    /// Width-folded text.
    norm: String,
    len: usize,
    /// Sentence-ending marks inside the line, not counting the last character.
    inner_ends: usize,
    noise: Option<&'static str>,
    heading: Option<(u8, &'static str)>,
    title_like: Option<&'static str>,
    signoff_like: Option<&'static str>,
}

fn look(chars: &[char], line: Line) -> LineLook {
    let norm: String = chars[line.start..line.end].iter().map(|&c| fold_width(c)).collect();
    let len = line.end - line.start;
    let body: Vec<char> = norm.chars().collect();
    let inner_ends = body
        .iter()
        .take(body.len().saturating_sub(1))
        .filter(|&&c| ends_sentence(c))
        .count();
    let mut l = LineLook {
        line,
        norm,
        len,
        inner_ends,
        noise: None,
        heading: None,
        title_like: None,
        signoff_like: None,
    };
    l.noise = noise_rule(&l);
    l.heading = heading_marker(&l.norm);
    l.title_like = title_rule(&l);
    l.signoff_like = signoff_rule(&l);
    l
}

fn noise_rule(l: &LineLook) -> Option<&'static str> {
    let p = patterns();
    let s = &l.norm;
    if p.markup.is_match(s) {
        return Some("noise:markup");
    }
    // Body text can mention a web address; a line that is mostly an address is chrome.
    if p.url.is_match(s) && (l.len < 120 || s.starts_with('【') || s.starts_with('[')) {
        return Some("noise:url");
    }
    if p.breadcrumb.is_match(s) {
        return Some("noise:breadcrumb");
    }
    if s.ends_with("......") || s.ends_with("……") || s.ends_with("...") || s.ends_with('…') {
        return Some("noise:teaser");
    }
    if let Some(m) = p.timestamp.find(s) {
        if m.start() == 0 && s.chars().count() < 60 {
            return Some("noise:timestamp");
        }
    }
    if noise_cues().iter().any(|c| s.contains(c.as_str())) {
        return Some("noise:cue");
    }
    if p.page_title.is_match(s) && l.len <= 40 && l.inner_ends == 0 {
        return Some("noise:page-title");
    }
    // Debris: a line of symbols only (a stray `。`, a rule of dashes).
    if s.chars().all(|c| !c.is_alphanumeric()) {
        return Some("noise:symbols");
    }
    None
}

fn heading_marker(norm: &str) -> Option<(u8, &'static str)> {
    patterns()
        .heading
        .iter()
        .find(|(re, _, _)| re.is_match(norm))
        .map(|(_, level, rule)| (*level, *rule))
}

fn title_rule(l: &LineLook) -> Option<&'static str> {
    if l.len < 4 || l.len > 50 || l.inner_ends > 0 || l.heading.is_some() {
        return None;
    }
    let s = l.norm.trim_end_matches(['。', '.']);
    if l.norm.ends_with('。') || s.contains(',') || s.contains(':') {
        // Titles carry no sentence punctuation; 关于…的通知 never ends with 。
        if !patterns().title_piece.is_match(s) {
            return None;
        }
    }
    if patterns().title_piece.is_match(s) {
        return Some("title:pattern");
    }
    if title_suffixes().iter().any(|t| s.ends_with(t.as_str())) {
        return Some("title:suffix");
    }
    None
}

fn signoff_rule(l: &LineLook) -> Option<&'static str> {
    if l.len > 40 {
        return None;
    }
    let p = patterns();
    let s = l.norm.trim();
    if p.date_only.is_match(s) {
        return Some("signoff:date");
    }
    if p.org_date.is_match(s) && !s.contains(',') {
        return Some("signoff:body+date");
    }
    None
}

/// A short line that names an issuing body (it precedes a signoff date).
fn looks_like_issuer(l: &LineLook) -> bool {
    const ENDINGS: [&str; 24] = [
        "局", "委", "办", "院", "所", "会", "部", "处", "站", "队", "中心", "社区", "街道",
        "政府", "公司", "学校", "小组", "委员会", "办公室", "办事处", "居委会", "村委会", "支部",
        "（盖章）",
    ];
    l.len <= 30
        && l.inner_ends == 0
        && !l.norm.contains(',')
        && ENDINGS.iter().any(|e| l.norm.trim_end_matches(['。', '.']).ends_with(e))
}

/// Splits the input (as chars) into documents and blocks.
pub fn structure(chars: &[char]) -> Vec<DocSpan> {
    let looks: Vec<LineLook> = lines(chars)
        .into_iter()
        .filter(|l| l.end > l.start)
        .map(|l| look(chars, l))
        .collect();
    let n = looks.len();
    let mut kinds: Vec<(Kind, u8, String)> = Vec::with_capacity(n);

    // Pass 1: each line on its own and with its neighbours.
    for i in 0..n {
        let l = &looks[i];
        let next_body = looks[i + 1..].iter().find(|x| x.noise.is_none());
        let followed_by_body = next_body.is_some_and(|x| x.title_like.is_none());
        let decided = if let Some(rule) = l.noise {
            (Kind::Noise, 0, rule.to_string())
        } else if let Some(rule) = l.title_like {
            if followed_by_body && next_body.is_some_and(|x| x.len >= 15 || x.heading.is_some()) {
                (Kind::Title, 0, rule.to_string())
            } else {
                // A run of titles with no body: a list of related articles.
                (Kind::Noise, 0, "noise:title-list".to_string())
            }
        } else if let Some((level, marker)) = l.heading {
            if heading_is_short(l) && !patterns().enumerated_lead.is_match(&l.norm) {
                (Kind::Heading, level, format!("heading:{marker}"))
            } else {
                (Kind::Paragraph, 0, format!("paragraph:numbered-with-body({marker})"))
            }
        } else {
            (Kind::Paragraph, 0, "paragraph".to_string())
        };
        kinds.push(decided);
    }

    // Pass 2: unnumbered short headings — a lone short sentence between paragraphs that the
    // next, longer paragraph explains (news-style subheads in bulletins).
    for i in 1..n.saturating_sub(1) {
        if kinds[i].0 != Kind::Paragraph || kinds[i - 1].0 != Kind::Paragraph {
            continue;
        }
        let l = &looks[i];
        let next = &looks[i + 1];
        if kinds[i + 1].0 == Kind::Paragraph
            && (8..=24).contains(&l.len)
            && l.inner_ends == 0
            && !l.norm.contains([',', ';', ':', '、'])
            && next.len >= 2 * l.len
            && !looks[i - 1].norm.ends_with(':')
        {
            kinds[i] = (Kind::Heading, 1, "heading:short-unnumbered".to_string());
        }
    }

    // Pass 3: signoffs close a document: the last body lines before the next title or the end.
    let mut end = n;
    for i in (0..n).rev() {
        if kinds[i].0 == Kind::Title {
            mark_signoff(&looks, &mut kinds, i + 1, end);
            end = i;
        }
    }
    mark_signoff(&looks, &mut kinds, 0, end);

    // Documents: each title opens one; lines before the first title belong to the first.
    let mut docs: Vec<DocSpan> = Vec::new();
    let mut current = DocSpan::default();
    for (l, (kind, level, rule)) in looks.iter().zip(kinds) {
        if kind == Kind::Title && current.blocks.iter().any(|b| b.kind != Kind::Noise) {
            docs.push(std::mem::take(&mut current));
        }
        if kind == Kind::Title && current.title.is_none() {
            current.title = Some(current.blocks.len());
        } else if kind == Kind::Title {
            // A second title with only noise between: the earlier one was a page title.
            if let Some(t) = current.title {
                current.blocks[t].kind = Kind::Noise;
                current.blocks[t].rule = "noise:superseded-title".to_string();
            }
            current.title = Some(current.blocks.len());
        }
        current.blocks.push(BlockSpan {
            kind,
            level,
            start: l.line.start,
            end: l.line.end,
            rule,
        });
    }
    if !current.blocks.is_empty() || docs.is_empty() {
        docs.push(current);
    }
    docs.retain(|d| !d.blocks.is_empty());
    // Trailing page chrome after the last document stays with it (as the contract says);
    // a document of noise only is folded into its predecessor.
    let mut merged: Vec<DocSpan> = Vec::with_capacity(docs.len());
    for d in docs {
        let all_noise = d.blocks.iter().all(|b| b.kind == Kind::Noise);
        match merged.last_mut() {
            Some(prev) if all_noise => prev.blocks.extend(d.blocks),
            _ => merged.push(d),
        }
    }
    merged
}

fn heading_is_short(l: &LineLook) -> bool {
    l.inner_ends == 0 && l.len <= 40
}

fn mark_signoff(looks: &[LineLook], kinds: &mut [(Kind, u8, String)], from: usize, to: usize) {
    // Look at the last three non-noise lines of the span.
    let body: Vec<usize> = (from..to).filter(|&i| kinds[i].0 != Kind::Noise).collect();
    let tail = &body[body.len().saturating_sub(3)..];
    for (k, &i) in tail.iter().enumerate() {
        if kinds[i].0 != Kind::Paragraph {
            continue;
        }
        if let Some(rule) = looks[i].signoff_like {
            kinds[i] = (Kind::Signoff, 0, rule.to_string());
            // The issuing body on the line above a date.
            if k > 0 {
                let j = tail[k - 1];
                if kinds[j].0 == Kind::Paragraph && looks_like_issuer(&looks[j]) {
                    kinds[j] = (Kind::Signoff, 0, "signoff:issuer".to_string());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(text: &str) -> Vec<(String, &'static str, u8)> {
        let chars: Vec<char> = text.chars().collect();
        structure(&chars)
            .into_iter()
            .flat_map(|d| d.blocks)
            .map(|b| (chars[b.start..b.end].iter().collect(), b.kind.id(), b.level))
            .collect()
    }

    #[test]
    fn heading_ladder_and_signoff() {
        let text = "关于2023年安全生产工作的总结\n今年以来，我局认真贯彻落实上级部署，安全生产形势总体平稳。\n一、主要做法\n（一）健全责任体系\n1.签订责任书\n（1）层层签订\n全年共签订责任书120份，覆盖全部企业。\n二、存在问题\n部分企业主体责任落实不到位。\n某某县应急管理局\n2023年12月20日";
        let got = kinds_of(text);
        let kinds: Vec<(&str, u8)> = got.iter().map(|(_, k, l)| (*k, *l)).collect();
        assert_eq!(
            kinds,
            vec![
                ("title", 0),
                ("paragraph", 0),
                ("heading", 1),
                ("heading", 2),
                ("heading", 3),
                ("heading", 4),
                ("paragraph", 0),
                ("heading", 1),
                ("paragraph", 0),
                ("signoff", 0),
                ("signoff", 0)
            ]
        );
    }

    #[test]
    fn numbered_body_sentences_stay_paragraphs() {
        let got = kinds_of("工作计划\n1、深入发动，广泛宣传。辖区各单位要利用各种宣传形式，大力宣传。\n一要提高认识。");
        assert_eq!(got[1].1, "paragraph");
        assert_eq!(got[2].1, "paragraph");
    }

    #[test]
    fn web_chrome_is_noise() {
        let text = "首页 > 范文 > 工作总结\n社区工作总结\n今年社区开展了大量工作，居民满意度明显提高，环境卫生持续改善。\n【本文地址：http://example.com/a.html】\n下载本文\n-->。";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["noise", "title", "paragraph", "noise", "noise", "noise"]);
    }

    #[test]
    fn untitled_paste_is_one_document() {
        let chars: Vec<char> = "今天召开了会议。\n会议要求各单位抓好落实。".chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 1);
        assert!(docs[0].title.is_none());
    }
}
