//! Structure: a paste → documents → blocks (title, heading 1–4, paragraph, signoff, noise).
//! One block per non-blank line. Each decision records the rule that made it, so the page
//! can say why a line was read as it was.

use crate::text::{ends_sentence, lines, Line};
use aho_corasick::AhoCorasick;
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
    crate::text::table_lines(text).map(normalize)
        .collect()
}

/// The noise cues as one automaton: a line is searched once, not once per cue.
fn noise_cues() -> &'static AhoCorasick {
    static T: OnceLock<AhoCorasick> = OnceLock::new();
    T.get_or_init(|| AhoCorasick::new(table(NOISE_CUES).iter().filter(|c| !c.is_empty())).expect("noise cues build"))
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
    news_title: Regex,
    label_heading: Regex,
    signer: Regex,
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
            breadcrumb: r(r"^(首页|主页|网站首页|当前位置|您的位置|位置)\s*[>»›/:]|(\S\s*[>»›]\s*){2,}|^[^,。]{2,20}(\s+[-|_]\s+[^,。\s]{2,20}){2,}$"),
            title_piece: r(&format!(
                "篇{cn}$|[(][0-9]+[)]$|[(]{cn}[)]$|^关于.{{2,40}}的|[(]第?[0-9{c}]+期[)]$|第[0-9{c}]+期$",
                c = "一二三四五六七八九十"
            )),
            news_title: r("(会议|大会|座谈会|推进会|动员会|部署会|培训班|活动|仪式)(召开|举行|举办|启动|开幕|闭幕)$|^(在|于).{4,40}(上|时)的(讲话|发言|致辞)$"),
            label_heading: r(r"^[^,;:。!?()]{2,12}[:]\s*([(][^()]*[)])?\s*[。.]?$"),
            signer: r(r"^(述职人|报告人|汇报人|发言人|起草人|撰稿人|填报人|签发人|联系人)[:]"),
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
    /// A blank line (or the start of the input) comes right before this line.
    after_gap: bool,
}

fn look(chars: &[char], line: Line, after_gap: bool) -> LineLook {
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
        after_gap,
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
    // Each pattern runs only on lines holding the literals every one of its matches holds
    // (regex-lite has no prefilter of its own and would scan every line).
    let markup_chars = s.contains(['<', '&', '{', '}']) || s.contains("-->") || s.contains("data:");
    if markup_chars && p.markup.is_match(s) {
        return Some("noise:markup");
    }
    // Body text can mention a web address; a line that is mostly an address is chrome.
    let url_chars = s.contains('.') || s.contains("://");
    if url_chars && p.url.is_match(s) && (l.len < 120 || s.starts_with('【') || s.starts_with('[')) {
        return Some("noise:url");
    }
    let breadcrumb_chars = s.contains(['>', '»', '›', '-', '|', '_']) || s.starts_with(BREADCRUMB_STARTS);
    if breadcrumb_chars && p.breadcrumb.is_match(s) {
        return Some("noise:breadcrumb");
    }
    if s.ends_with("......") || s.ends_with("……") || s.ends_with("...") || s.ends_with('…') {
        return Some("noise:teaser");
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(m) = p.timestamp.find(s) {
            if m.start() == 0 && s.chars().count() < 60 {
                return Some("noise:timestamp");
            }
        }
    }
    if noise_cues().is_match(s.as_str()) {
        return Some("noise:cue");
    }
    let page_title_chars = s.contains("范文") || s.contains('篇') || s.contains("大全");
    if page_title_chars && p.page_title.is_match(s) && l.len <= 40 && l.inner_ends == 0 {
        return Some("noise:page-title");
    }
    // Debris: a line of symbols only (a stray `。`, a rule of dashes).
    if s.chars().all(|c| !c.is_alphanumeric()) {
        return Some("noise:symbols");
    }
    None
}

/// First chars of the breadcrumb pattern's first alternative (首页, 主页, 网站首页, 当前位置, 您的位置, 位置).
const BREADCRUMB_STARTS: [char; 6] = ['首', '主', '网', '当', '您', '位'];

/// A char that can open a heading marker (every heading pattern is anchored at the start).
fn may_open_heading(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '第' | '(' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '零' | '〇')
        || ('①'..='⑳').contains(&c)
}

fn heading_marker(norm: &str) -> Option<(u8, &'static str)> {
    if !norm.starts_with(may_open_heading) {
        return None;
    }
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
    let p = patterns();
    if p.title_piece.is_match(s) {
        return Some("title:pattern");
    }
    // Titles carry no sentence punctuation.
    if l.norm.ends_with('。') || s.contains([',', ':', ';']) {
        return None;
    }
    if title_suffixes().iter().any(|t| s.ends_with(t.as_str())) {
        return Some("title:suffix");
    }
    if p.news_title.is_match(s) {
        return Some("title:headline");
    }
    None
}

/// Whether a title-like line opens a document here: strong patterns (关于…的, 篇三, 第6期)
/// always do; a bare suffix (…工作计划) or a headline (…会议召开) in the middle of body text
/// is a section heading unless a gap, page chrome or a signoff sets it apart.
fn opens_document(l: &LineLook, previous: Option<Kind>) -> bool {
    l.title_like == Some("title:pattern")
        || l.after_gap
        || matches!(previous, None | Some(Kind::Noise) | Some(Kind::Signoff) | Some(Kind::Title))
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
    if p.signer.is_match(s) && l.len <= 20 {
        return Some("signoff:signer");
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
    (l.len <= 30
        && l.inner_ends == 0
        && !l.norm.contains(',')
        && ENDINGS.iter().any(|e| l.norm.trim_end_matches(['。', '.']).ends_with(e)))
        || (patterns().signer.is_match(&l.norm) && l.len <= 20)
}

/// Splits the input (as chars) into documents and blocks.
pub fn structure(chars: &[char]) -> Vec<DocSpan> {
    let mut after_gap = true;
    let mut looks: Vec<LineLook> = Vec::new();
    for l in lines(chars) {
        if l.end > l.start {
            looks.push(look(chars, l, after_gap));
            after_gap = false;
        } else {
            after_gap = true;
        }
    }
    let n = looks.len();
    let mut kinds: Vec<(Kind, u8, String)> = Vec::with_capacity(n);

    // Pass 1: each line on its own and with its neighbours.
    for i in 0..n {
        let l = &looks[i];
        let previous = kinds.iter().rev().map(|k: &(Kind, u8, String)| k.0).next();
        let decided = if let Some(rule) = l.noise {
            (Kind::Noise, 0, rule.to_string())
        } else if l.title_like.is_some() && !opens_document(l, previous) {
            (Kind::Heading, 1, "heading:title-like-in-body".to_string())
        } else if let Some(rule) = l.title_like {
            if followed_by_body(&looks, i) {
                (Kind::Title, 0, rule.to_string())
            } else {
                // A run of titles with no body: a list of related articles.
                (Kind::Noise, 0, "noise:title-list".to_string())
            }
        } else if starts_after_signoff(&looks, &kinds, i) && followed_by_body(&looks, i) {
            // A headline after a gap that follows the previous document's 落款.
            (Kind::Title, 0, "title:after-signoff".to_string())
        } else if let Some((level, marker)) = l.heading {
            if heading_is_short(l) && !patterns().enumerated_lead.is_match(&l.norm) && !is_list_item(&looks, i) {
                (Kind::Heading, level, format!("heading:{marker}"))
            } else {
                (Kind::Paragraph, 0, format!("paragraph:numbered-with-body({marker})"))
            }
        } else {
            (Kind::Paragraph, 0, "paragraph".to_string())
        };
        kinds.push(decided);
    }

    // Pass 2: signoffs close a document: the last body lines before the next title or the end.
    let mut end = n;
    for i in (0..n).rev() {
        if kinds[i].0 == Kind::Title {
            mark_signoff(&looks, &mut kinds, i + 1, end);
            end = i;
        }
    }
    mark_signoff(&looks, &mut kinds, 0, end);

    // Pass 3: unnumbered headings — a lone short phrase between paragraphs that the following
    // text explains (news-style subheads, 存在的不足, 下步打算), and label lines that announce
    // a list (一类单位：(90分以上)) one level below the heading above them.
    let mut last_level = 0u8;
    for i in 0..n {
        match kinds[i].0 {
            Kind::Heading => last_level = kinds[i].1,
            Kind::Title => last_level = 0,
            _ => {}
        }
        if i == 0 || i + 1 >= n || kinds[i].0 != Kind::Paragraph || kinds[i].2 != "paragraph" {
            continue;
        }
        let l = &looks[i];
        let prev_ok = matches!(kinds[i - 1].0, Kind::Paragraph | Kind::Heading | Kind::Title)
            && ends_thought(&looks[i - 1].norm);
        let next_long = [i + 1, i + 2]
            .iter()
            .filter(|&&j| j < n && kinds[j].0 == Kind::Paragraph)
            .any(|&j| looks[j].len >= (2 * l.len).max(20));
        if !prev_ok || !next_long || l.signoff_like.is_some() || patterns().enumerated_lead.is_match(&l.norm) {
            continue;
        }
        if l.norm.trim().contains(char::is_whitespace) {
            // 县长　赵明远: a name line, not a subhead.
            continue;
        }
        if patterns().label_heading.is_match(&l.norm) && !is_salutation(&l.norm) {
            let level = (last_level + 1).clamp(1, 4);
            kinds[i] = (Kind::Heading, level, "heading:label".to_string());
        } else if kinds[i - 1].0 == Kind::Paragraph && is_short_phrase(l) {
            kinds[i] = (Kind::Heading, 1, "heading:short-unnumbered".to_string());
            last_level = 1;
        }
    }

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

fn starts_after_signoff(looks: &[LineLook], kinds: &[(Kind, u8, String)], i: usize) -> bool {
    let l = &looks[i];
    let previous = (0..i).rev().find(|&j| kinds[j].0 != Kind::Noise);
    l.after_gap
        && l.heading.is_none()
        && (6..=40).contains(&l.len)
        && !l.norm.contains([',', '。', ';', ':', '!', '?'])
        && previous.is_some_and(|j| looks[j].signoff_like.is_some())
}

/// Among the next few body lines (past a date, speaker or addressee line), real body text comes
/// before any other title.
fn followed_by_body(looks: &[LineLook], i: usize) -> bool {
    for x in looks[i + 1..].iter().filter(|x| x.noise.is_none()).take(4) {
        if x.title_like.is_some() && x.len >= 4 && x.heading.is_none() && x.signoff_like.is_none() {
            return false;
        }
        if x.len >= 15 || x.heading.is_some() {
            return true;
        }
    }
    false
}

/// A numbered line that is one item of a list of sentences: it ends like a clause (；) or a
/// sentence with a comma inside, and the next line is its sibling with the same numbering.
fn is_list_item(looks: &[LineLook], i: usize) -> bool {
    let l = &looks[i];
    let Some((level, marker)) = l.heading else { return false };
    if l.norm.ends_with([';', '；']) {
        return true;
    }
    let sentence_like = l.norm.ends_with('。') && l.norm.contains([',', '，']);
    let sibling = |j: usize| looks.get(j).is_some_and(|x| x.heading == Some((level, marker)));
    sentence_like && (sibling(i + 1) || (i > 0 && sibling(i - 1) && looks[i - 1].norm.ends_with([';', '；', '。'])))
}

/// The line before ends a thought (a heading or subhead cannot start mid-sentence).
fn ends_thought(prev_norm: &str) -> bool {
    let last = prev_norm.chars().last().unwrap_or('。');
    ends_sentence(last) || matches!(last, ':' | '：' | '”' | '"' | '）' | ')') || !last.is_alphanumeric() && last != ',' && last != '、'
        || prev_norm.chars().count() <= 30
}

/// 同志们：, 各位领导：, 尊敬的…： open a speech; they announce no section.
fn is_salutation(norm: &str) -> bool {
    let label = norm.trim_end_matches(['。', ':', '：', ' ']);
    label.ends_with('们') || label.starts_with('各') || label.starts_with("尊敬的") || label.starts_with("亲爱的")
        || label.ends_with("大家")
}

/// A short phrase that can stand as a subhead: no sentence inside, few commas.
fn is_short_phrase(l: &LineLook) -> bool {
    let terminal = l.norm.ends_with(['。', '.', '!', '?', ';']);
    let commas = l.norm.matches([',', '、']).count();
    l.inner_ends == 0
        && !l.norm.contains([';', ':'])
        && if terminal { (8..=24).contains(&l.len) && commas == 0 } else { (2..=24).contains(&l.len) && commas <= 1 }
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
    fn numbered_list_items_stay_paragraphs() {
        let got = kinds_of("会议纪要\n会议由主任主持，研究了安全生产工作。\n会议议定以下事项：\n1.由应急办牵头，10月15日前完成复查。\n2.各社区每周开展一次夜间巡查，结果报街道。\n3.新增分类垃圾桶800组；");
        let kinds: Vec<&str> = got.iter().map(|g| g.1).collect();
        assert_eq!(&kinds[3..], ["paragraph", "paragraph", "paragraph"]);
    }

    #[test]
    fn subheads_labels_and_salutations() {
        let text = "在全县经济工作会议上的讲话\n（2024年1月5日）\n县长　王某\n同志们：\n今天召开会议，主要任务是总结去年工作，部署今年任务，我讲三点意见。\n加强理论武装，筑牢思想根基\n支部严格落实三会一课制度，上半年组织集中学习12次，党员参学率达到百分之百。\n一类单位：（90分以上）\n县财政局、县教育局、县民政局、县水利局、县卫健局、县交通局。";
        let got = kinds_of(text);
        let kinds: Vec<(&str, u8)> = got.iter().map(|g| (g.1, g.2)).collect();
        assert_eq!(
            kinds,
            vec![("title", 0), ("paragraph", 0), ("paragraph", 0), ("paragraph", 0), ("paragraph", 0),
                 ("heading", 1), ("paragraph", 0), ("heading", 2), ("paragraph", 0)]
        );
    }

    #[test]
    fn a_title_suffix_inside_a_body_is_a_heading_but_a_headline_after_a_signoff_opens_a_document() {
        let text = "三月份工作总结\n本月共检查餐饮单位46家，发现问题12个，已全部整改到位。\n下月工作计划\n一是开展学校食堂检查；二是开展小作坊专项整治。\n桃源市场监督管理所\n2024年3月29日\n\n石门镇开展环境日系列宣传活动\n6月5日上午，石门镇在镇文化广场开展环境日主题宣传活动，发放资料2000余份。";
        let chars: Vec<char> = text.chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 2);
        let first: Vec<&str> = docs[0].blocks.iter().map(|b| b.kind.id()).collect();
        assert_eq!(first, ["title", "paragraph", "heading", "paragraph", "signoff", "signoff"]);
        assert_eq!(docs[1].blocks[0].kind, Kind::Title);
    }

    #[test]
    fn untitled_paste_is_one_document() {
        let chars: Vec<char> = "今天召开了会议。\n会议要求各单位抓好落实。".chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 1);
        assert!(docs[0].title.is_none());
    }
}
