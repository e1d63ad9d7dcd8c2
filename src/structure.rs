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

/// Cues that mark a line as chrome only when it reads like fields, not sentences
/// (data/noise-cues-short.txt).
const SHORT_NOISE_CUES: &str = include_str!("../data/noise-cues-short.txt");

/// Chrome lines are labels and values (索引号：…　主题分类：…　邮编：418100), with no comma or
/// full stop; body text has them.
fn is_field_line(l: &LineLook) -> bool {
    l.len <= 80 && !l.norm.contains([',', '。', ';'])
}

fn short_noise_cues() -> &'static AhoCorasick {
    static T: OnceLock<AhoCorasick> = OnceLock::new();
    T.get_or_init(|| AhoCorasick::new(table(SHORT_NOISE_CUES).iter().filter(|c| !c.is_empty())).expect("short noise cues build"))
}

/// The noise cues as one automaton: a line is searched once, not once per cue. A contiguous
/// NFA, not a DFA: building the DFA was a tenth of a cold start (10 M instructions), and it
/// searched only a few percent faster.
fn noise_cues() -> &'static AhoCorasick {
    static T: OnceLock<AhoCorasick> = OnceLock::new();
    T.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(table(NOISE_CUES).iter().filter(|c| !c.is_empty()))
            .expect("noise cues build")
    })
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
    heading: [(Regex, u8, &'static str); 10],
    url: Regex,
    email: Regex,
    markup: Regex,
    timestamp: Regex,
    /// A date with a time of day, anywhere in a line: 2024-08-16 18:30.
    datetime: Regex,
    chat_sender: Regex,
    chat_group: Regex,
    day_label: Regex,
    date_only: Regex,
    org_date: Regex,
    breadcrumb: Regex,
    title_piece: Regex,
    news_title: Regex,
    news_headline: Regex,
    label_heading: Regex,
    signer: Regex,
    page_title: Regex,
    enumerated_lead: Regex,
    issue_number: Regex,
    page_number: Regex,
    bare_date: Regex,
    credit: Regex,
    caption: Regex,
    byline: Regex,
    ends_with_date: Regex,
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
                // 一）提升作业设计质量: the half-bracket form of （一）.
                (r(&format!("^{cn}[)]")), 2, "一）"),
                (r(&format!("^第{cn}条")), 2, "第X条"),
                (r("^[0-9]{1,2}[、.．](?:[^0-9]|$)"), 3, "1."),
                (r("^[0-9]{1,2}[)]"), 4, "1)"),
                (r("^[(][0-9]{1,2}[)]"), 4, "（1）"),
                (r("^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"), 4, "①"),
                (r(&format!("^(?:{cn}是|第{cn}[,、:])")), 1, "一是"),
            ],
            url: r(r"(?i)(https?://|www\.|\.(com|cn|net|org|html?|php|aspx?)\b)"),
            email: r(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"),
            markup: r(r"(<\s*/?\s*[a-zA-Z][^>]*>|-->|<!--|data:[a-z]+/|&nbsp;|&gt;|&lt;|\{\{|\}\})"),
            timestamp: r(r"^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(\s+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?"),
            datetime: r(r"[0-9]{4}(?:[-/.]|年)[0-9]{1,2}(?:[-/.]|月)[0-9]{1,2}日?\s+[0-9]{1,2}:[0-9]{2}"),
            // A chat's sender and time (张科长 10:32) and its group name (某某工作群(86)).
            chat_sender: r(r"^(?:[^\s,。:;]{1,12}\s+){1,3}[0-9]{1,2}:[0-9]{2}$"),
            chat_group: r(r"群\s*[(][0-9]+[)]$"),
            day_label: r(r"^[0-9]{1,2}月[0-9]{1,2}日\s*[(]?(?:周|星期)[一二三四五六日天][)]?$"),
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
            // A news headline: who did what (红星小学开展防溺水安全教育主题活动, 柳河镇多措并举抓好
            // 秸秆禁烧工作) — a body's subhead rarely opens with the name of an organisation.
            news_headline: r(&format!(
                "^[^,;:。!?\\s]{{1,16}}?(?:{orgs})(?:{verbs})[^,;:。!?]{{2,30}}$",
                orgs = "社区|街道|镇|乡|村|县|市|区|局|厅|委|办|院|所|站|队|中心|学校|小学|中学|幼儿园|医院|公司|集团|协会|支部|党委|党总支",
                verbs = "开展|召开|举办|举行|组织|启动|部署|推进|抓好|做好|打好|掀起|全力|扎实|多措并举|持续|积极|深入|强化|加强|聚焦|筑牢|织密"
            )),
            label_heading: r(r"^[^,;:。!?()]{2,12}[:]\s*([(][^()]*[)])?\s*[。.]?$"),
            signer: r(r"^(述职人|报告人|汇报人|发言人|起草人|撰稿人|填报人|签发人|联系人)[:]"),
            page_title: r(r"(?:^|[^示])范文|[(][^()]{0,6}?[0-9]+\s*篇\s*[)]|精选\s*[0-9]+\s*篇|[0-9]+篇$|大全"),
            enumerated_lead: r(&format!("^{cn}(要|是)")),
            // 期号 / 发文字号 on a line of their own: 〔2024〕第15期 · 河政办发〔2024〕12号 · 2024年第9期（总第61期）.
            issue_number: r(&format!(
                "^(?:(?:[^\\s,。:;〔\\[]{{0,10}}[〔\\[][0-9]{{4}}[〕\\]]|[0-9]{{4}}年?)\\s*第?\\s*[0-9{c}]+\\s*(?:期|号)|第\\s*[0-9{c}百]+\\s*期)(?:\\s*[(][^()]*[)])?$",
                c = "一二三四五六七八九十"
            )),
            // A printed page's footer: 第 1 页 共 2 页 · 第3页/共5页 · - 2 - · Page 1 of 2.
            page_number: r(r"(?i)^(?:第\s*[0-9]+\s*页(?:\s*[,/]?\s*共\s*[0-9]+\s*页)?|共\s*[0-9]+\s*页|[-—]\s*[0-9]+\s*[-—]|page\s*[0-9]+(?:\s*of\s*[0-9]+)?|[0-9]+\s*/\s*[0-9]+\s*页)$"),
            // A date alone in figures: 2024.7.6 · 2024-07-06 · 2024/7/6.
            bare_date: r(r"^[0-9]{4}([-/.])[0-9]{1,2}([-/.])[0-9]{1,2}[。.]?$"),
            // A news item's credit line, alone in brackets: （摄影：沈立） · （通讯员　蒋欣怡） · (记者 王某).
            credit: r(r"^[(\[【]\s*(?:摄影|摄|记者|通讯员|见习记者|特约记者|供稿|撰稿|作者|文/图|图/文|文图|图文|图|文)(?:\s*[:/]\s*|\s+)[^()]{1,30}[)\]】]$"),
            // A photo caption: ▲民警在…检查 · 图为推进会现场。 · 上图：…
            caption: r(r"^(?:[▲△▼◆]|图为|上图|下图|左图|右图|图片为|图[:])"),
            // A news page's publication line under its headline: 来源：… 发布时间：… 浏览次数：…
            byline: r(r"(?:来源|发布|更新|作者|浏览|点击|日期|时间|编辑)[^:]{0,4}[:]"),
            // A line that closes on a date: 桐溪区爱卫办编印　2024年7月15日 (a masthead, not a broken sentence).
            ends_with_date: r(r"(?:[0-9]{4}|[〇零○一二三四五六七八九十]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$"),
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
    let norm = without_markdown(chars[line.start..line.end].iter().map(|&c| fold_width(c)).collect());
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
    l.title_like = title_rule(&l).or_else(|| bracketed_title(&l));
    l.signoff_like = signoff_rule(&l);
    l
}

/// The line as a reader sees it through Markdown (pasted from a writing assistant or a notes
/// app): `## 一、…` is the heading 一、…, `**一是…**` the words, `- ` a bullet.
fn without_markdown(folded: String) -> String {
    // Most lines carry no Markdown: hand them back as they are, without a copy.
    if !folded.contains(['#', '>', '-', '*', '+', '标']) {
        return folded;
    }
    let mut s = folded.trim_start();
    let hashes = s.len() - s.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with([' ', '\u{3000}']) {
        s = s[hashes..].trim_start();
    }
    // An office system's form field: 标题：关于…的报告 is the title.
    if let Some(rest) = s.strip_prefix("标题:") {
        s = rest.trim_start();
    }
    for bullet in ["> ", "- ", "* ", "+ "] {
        // - 3 - is a page number, not a bullet.
        if bullet == "- " && s.trim_end().ends_with('-') {
            continue;
        }
        if let Some(rest) = s.strip_prefix(bullet) {
            s = rest.trim_start();
        }
    }
    // Only prefixes were cut: what is left is the tail of the line.
    let start = folded.len() - s.len();
    if folded[start..].contains("**") {
        folded[start..].replace("**", "")
    } else if start == 0 {
        folded
    } else {
        folded[start..].to_string()
    }
}

fn noise_rule(l: &LineLook) -> Option<&'static str> {
    let p = patterns();
    let s = &l.norm;
    // Each pattern runs only on lines holding the literals every one of its matches holds
    // (regex-lite has no prefilter of its own and would scan every line).
    // Byte scans: `contains([chars])` decodes every char, and this runs on every line.
    let markup_chars = s.bytes().any(|b| matches!(b, b'<' | b'&' | b'{' | b'}')) || s.contains("-->") || s.contains("data:");
    if (markup_chars && p.markup.is_match(s)) || s.starts_with("```") {
        return Some("noise:markup");
    }
    // A file's name over its text on a document-sharing site: 某某工作总结.docx
    if l.len <= 60 && s.contains('.') && [".doc", ".docx", ".pdf", ".wps", ".txt"].iter().any(|x| s.trim_end().to_ascii_lowercase().ends_with(x)) {
        return Some("noise:file-name");
    }
    // (来源：某某日报) · (某某日报记者 方志远 摄): a whole line that only credits the source.
    if l.len <= 40 && s.starts_with('(') && s.trim_end().ends_with(')') && ["来源", "记者", "通讯员", "摄"].iter().any(|w| s.contains(w)) && !s.contains('。') {
        return Some("noise:credit");
    }
    if FORM_LABELS.contains(&s.trim()) {
        return Some("noise:form-field");
    }
    if l.len <= 24
        && ((s.contains(':') && p.chat_sender.is_match(s.trim()))
            || p.chat_group.is_match(s.trim())
            || CHAT_REPLIES.contains(&reply_text(s).as_str()))
    {
        return Some("noise:chat");
    }
    // Body text can mention a web address; a line that is mostly an address is chrome.
    let url_chars = s.contains('.') || s.contains("://");
    // A notice's contact line (联系人：…，电子邮箱：…@163.com) is the notice's own text.
    // So is an e-mail address (邮箱：yjjbgs@163.com): the address is no web page.
    let web_address = url_chars && if s.contains('@') { p.url.is_match(&p.email.replace_all(s, "")) } else { p.url.is_match(s) };
    if web_address && (l.len < 120 || s.starts_with('【') || s.starts_with('[')) && !s.contains("联系人") {
        return Some("noise:url");
    }
    let breadcrumb_chars = s.bytes().any(|b| matches!(b, b'>' | b'-' | b'|' | b'_'))
        || s.contains('»')
        || s.contains('›')
        || s.starts_with(BREADCRUMB_STARTS);
    if breadcrumb_chars && p.breadcrumb.is_match(s) {
        return Some("noise:breadcrumb");
    }
    if s.ends_with("......") || s.ends_with("……") || s.ends_with("...") || s.ends_with('…') {
        return Some("noise:teaser");
    }
    // A link that invites a click: 新用户限时免费>> · 查看详情»
    if s.ends_with(">>") || s.ends_with('»') {
        return Some("noise:link");
    }
    // A bare date (2024.7.6) may close a report; it is judged in context (see `bare_date_lines`).
    if s.starts_with(|c: char| c.is_ascii_digit()) && !p.bare_date.is_match(s.trim()) {
        if let Some(m) = p.timestamp.find(s) {
            if m.start() == 0 && s.chars().count() < 60 {
                return Some("noise:timestamp");
            }
        }
    }
    // A post's byline with its time of publication: 原创 岚山发布 2024-08-16 18:30 发表于湖南.
    if l.len < 60 && s.contains(':') && p.datetime.is_match(s) {
        return Some("noise:timestamp");
    }
    // A post's reader counts: 阅读 3562 赞 48 在看 12.
    if l.len < 40 && s.starts_with("阅读") && s["阅读".len()..].trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return Some("noise:reader-counts");
    }
    if (s.starts_with(['(', '[', '【'])) && p.credit.is_match(s.trim()) {
        return Some("noise:credit");
    }
    if noise_cues().is_match(s.as_str()) || (is_field_line(l) && short_noise_cues().is_match(s.as_str())) {
        return Some("noise:cue");
    }
    if l.len <= 20 && p.page_number.is_match(s.trim()) {
        return Some("noise:page-number");
    }
    if l.len <= 30 && is_red_header(s) {
        return Some("noise:red-header");
    }
    let page_title_chars = s.contains("范文") || s.contains('篇') || s.contains("大全");
    // A page title names the page; a numbered item or a clause ending in ；/。 is body text
    // (9.入住协议未按民政部示范文本签订…；).
    let body_like = s.ends_with([';', '。']) || heading_marker(s).is_some();
    if page_title_chars && p.page_title.is_match(s) && l.len <= 40 && l.inner_ends == 0 && !body_like {
        return Some("noise:page-title");
    }
    // Debris: a line of symbols only (a stray `。`, a rule of dashes).
    if s.chars().all(|c| !c.is_alphanumeric()) {
        return Some("noise:symbols");
    }
    None
}

/// Replies in a chat thread around a forwarded document (after emoji and punctuation go).
const CHAT_REPLIES: [&str; 8] = ["收到", "好的", "已阅", "明白", "收到谢谢", "谢谢", "好", "收到了"];

/// An office system's empty field label on a line of its own (正文：).
const FORM_LABELS: [&str; 3] = ["正文:", "附件:", "备注:"];

fn reply_text(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric() && !c.is_ascii()).collect()
}

/// The masthead of an official document, often letter-spaced: 某县教育局文件 · 中 共 某 县 委 文 件.
fn is_red_header(norm: &str) -> bool {
    if !norm.trim_end().ends_with('件') {
        return false;
    }
    let solid: String = norm.chars().filter(|c| !c.is_whitespace()).collect();
    solid.strip_suffix("文件").is_some_and(|issuer| issuer.chars().count() >= 3 && ends_like_org(issuer))
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

/// The level of a numbered sentence that heads a paragraph as a run-in heading
/// (3、多样开展健康教育活动。上半年开展…): a heading marker (not 一是, whose items are body
/// text), at most 20 characters, no clause break.
pub fn run_in_heading_level(sentence_norm: &str) -> Option<u8> {
    let body = sentence_norm.trim().trim_end_matches(['。', '.', ':']);
    if body.chars().count() > 20 || body.contains([',', ';', ':', '，', '；', '：']) {
        return None;
    }
    heading_marker(body).filter(|(_, rule)| *rule != "一是").map(|(level, _)| level)
}

/// 【“五一”假期值班值守及安全检查情况通报】: a title in brackets, as a chat message heads one.
fn bracketed_title(l: &LineLook) -> Option<&'static str> {
    let inner = l.norm.trim().strip_prefix('【')?.strip_suffix('】')?;
    if inner.contains(['【', '】']) || l.noise.is_some() {
        return None;
    }
    let inner_look = LineLook { norm: inner.to_string(), len: inner.chars().count(), ..l.clone() };
    title_rule(&inner_look)
}

fn title_rule(l: &LineLook) -> Option<&'static str> {
    if l.len < 4 || l.len > 50 || l.inner_ends > 0 || l.heading.is_some() || is_caption(&l.norm) {
        return None;
    }
    // 指标名称 年度目标 完成情况: three or more cells of a table row, not a title.
    if l.norm.split_whitespace().count() >= 3 {
        return None;
    }
    let s = l.norm.trim_end_matches(['。', '.']);
    let p = patterns();
    // 〔2024〕第15期 numbers an issue; it names no report (the title is the line above it).
    // Literal checks first: each pattern needs these characters.
    if s.contains(['期', '号']) && p.issue_number.is_match(s.trim()) {
        return None;
    }
    if (s.contains(['篇', ')', '期']) || s.starts_with("关于")) && p.title_piece.is_match(s) {
        return Some("title:pattern");
    }
    // Titles carry no sentence punctuation.
    if l.norm.ends_with('。') || s.contains([',', ':', ';']) {
        return None;
    }
    // …工作总结（2024年3月4日—3月8日）, …工作报告（摘要）: a qualifier after the report's name.
    let core = match s.strip_suffix(')').and_then(|rest| rest.rfind('(').map(|at| &rest[..at])) {
        Some(core) if s.len() - core.len() <= 60 => core,
        _ => s,
    };
    if title_suffixes().iter().any(|t| s.ends_with(t.as_str()) || core.ends_with(t.as_str())) {
        return Some("title:suffix");
    }
    if s.ends_with(['开', '行', '办', '动', '幕', '话', '言', '辞']) && p.news_title.is_match(s) {
        return Some("title:headline");
    }
    if is_news_headline(s) {
        return Some("title:news-headline");
    }
    None
}

/// A bulleted line with no sentence in it (·某县召开…会议): an item of a list of links.
fn is_link_item(l: &LineLook) -> bool {
    l.norm.starts_with(['·', '•', '●', '◆', '▪', '■', '□', '▶', '►', '▸']) && l.inner_ends == 0 && l.len <= 50 && !l.norm.ends_with('。')
}

/// ——在2024年全县经济工作会议上的讲话: the subtitle under a speech's or article's headline.
fn is_subtitle(l: &LineLook) -> bool {
    l.norm.starts_with('—') && l.len <= 50 && l.inner_ends == 0 && !l.norm.ends_with('。')
}

/// A short phrase with no sentence punctuation (凝心聚力抓发展　真抓实干开新局).
fn is_headline_phrase(l: &LineLook) -> bool {
    (4..=30).contains(&l.len) && l.heading.is_none() && !l.norm.contains(['。', ',', ';', ':', '!', '?'])
}

/// Headers of a page's lists of related articles.
const LIST_HEADERS: [&str; 14] = ["猜你喜欢", "相关推荐", "推荐阅读", "相关阅读", "延伸阅读", "相关文章", "热门文章", "相关链接", "热门推荐", "往期推荐", "往期回顾", "往期精选", "相关新闻", "相关文档"];

/// A line that can be one title of such a list: short, no sentence in it.
fn is_link_title(l: &LineLook) -> bool {
    l.len <= 40 && l.inner_ends == 0 && !l.norm.ends_with('。') && !l.norm.contains([',', ';'])
}

/// Title words of a briefing, whose items are headed by news headlines.
const BRIEFING_WORDS: [&str; 6] = ["简报", "动态", "快报", "专刊", "周报", "月报"];

/// A news headline naming who did what (城南街道开展消防安全大检查); `s` is width-folded.
pub fn is_news_headline(s: &str) -> bool {
    let n = s.chars().count();
    (8..=46).contains(&n) && patterns().news_headline.is_match(s)
}

/// A photo caption (▲民警在网点检查包裹 · 图为推进会现场。): body text of a news item, never a
/// title or a subhead, however short.
fn is_caption(norm: &str) -> bool {
    patterns().caption.is_match(norm.trim_start())
}

/// A line wholly in brackets — （2024年3月22日）, （共印40份） — is an aside, never a subhead.
fn is_bracketed(norm: &str) -> bool {
    let t = norm.trim();
    t.starts_with('(') && t.ends_with(')') && t.chars().count() >= 2
}

/// A news headline with no genre word (青塘镇多措并举推进“无毒村居”创建): a short unpunctuated line
/// that opens the paste or follows a gap or page chrome, with the page's publication line
/// (来源：… 发布时间：…) right below it.
fn headline_over_byline(looks: &[LineLook], kinds: &[(Kind, u8, String)], i: usize) -> bool {
    let l = &looks[i];
    let opens = l.after_gap || kinds.last().is_none_or(|k| matches!(k.0, Kind::Noise | Kind::Signoff));
    opens
        && l.heading.is_none()
        && l.noise.is_none()
        && (6..=40).contains(&l.len)
        && !l.norm.contains([',', '。', ';', ':', '!', '?'])
        && !is_caption(&l.norm)
        && looks.get(i + 1).is_some_and(|x| {
            (x.noise.is_some() && x.norm.contains(':') && patterns().byline.is_match(&x.norm)) || x.noise == Some("noise:timestamp")
        })
}

/// Whether a title-like line opens a document here: strong patterns (关于…的, 篇三, 第6期)
/// always do; a bare suffix (…工作计划) or a headline (…会议召开) in the middle of body text
/// is a section heading unless a gap, page chrome or a signoff (a date line: 2024.7.6) sets it apart.
fn opens_document(l: &LineLook, previous: Option<Kind>, previous_look: Option<&LineLook>) -> bool {
    l.title_like == Some("title:pattern")
        || l.after_gap
        || matches!(previous, None | Some(Kind::Noise) | Some(Kind::Signoff) | Some(Kind::Title))
        || previous_look.is_some_and(|p| p.signoff_like.is_some())
}

fn signoff_rule(l: &LineLook) -> Option<&'static str> {
    if l.len > 40 {
        return None;
    }
    let p = patterns();
    let s = l.norm.trim();
    // Literal checks first: each pattern needs these characters (regexes are the slow part of
    // reading every line).
    let year_month = s.contains('年') && s.contains('月');
    if (year_month && p.date_only.is_match(s)) || (s.starts_with(|c: char| c.is_ascii_digit()) && p.bare_date.is_match(s)) {
        return Some("signoff:date");
    }
    if year_month && p.org_date.is_match(s) && !s.contains(',') {
        return Some("signoff:body+date");
    }
    if l.len <= 20 && s.contains(':') && p.signer.is_match(s) {
        return Some("signoff:signer");
    }
    None
}

/// Last words of the name of an organisation or one of its units (县教育局, 食品生产监管科,
/// 调研组, 领导小组办公室).
const ORG_ENDINGS: [&str; 36] = [
    "局", "委", "办", "院", "所", "会", "部", "处", "站", "队", "中心", "社区", "街道",
    "政府", "公司", "学校", "小组", "委员会", "办公室", "办事处", "居委会", "村委会", "支部",
    "（盖章）", "(盖章)", "科", "股", "组", "室", "厅", "小学", "中学", "大学", "幼儿园", "总支",
    "集团",
];

fn ends_like_org(text: &str) -> bool {
    let t = text.trim_end_matches(['。', '.', ':', '：', ' ']);
    ORG_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// A short line that names an issuing body (it precedes a signoff date).
fn looks_like_issuer(l: &LineLook) -> bool {
    (l.len <= 30
        && l.inner_ends == 0
        && !l.norm.contains([',', ':'])
        && ends_like_org(&l.norm))
        || (patterns().signer.is_match(&l.norm) && l.len <= 20)
        || crate::figures::is_bare_name(&l.norm)
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
    let mut last_body: Option<usize> = None;
    // Inside a briefing (…工作简报, 第9期), a news headline heads one of its items.
    let mut in_briefing = false;
    // Inside a list of related articles (after 猜你喜欢, 相关推荐…).
    let mut in_link_list = false;
    // The current document's title (a copied PDF repeats it on every page).
    let mut current_title: Option<String> = None;
    let mut body_since_title = false;
    for i in 0..n {
        if looks[i].title_like == Some("title:news-headline") && in_briefing {
            looks[i].title_like = None;
        }
        let l = &looks[i];
        let previous = kinds.iter().rev().map(|k: &(Kind, u8, String)| k.0).next();
        let previous_look = last_body.map(|j| &looks[j]);
        let decided = if let Some(rule) = l.noise {
            (Kind::Noise, 0, rule.to_string())
        } else if current_title.as_deref() == Some(l.norm.as_str()) && body_since_title {
            // The title printed again at the top of each page of a copied PDF.
            (Kind::Noise, 0, "noise:running-header".to_string())
        } else if previous == Some(Kind::Noise) && l.signoff_like.is_none() && is_headline_phrase(l) && l.len <= 20 && looks.get(i + 1).is_some_and(|x| x.noise == Some("noise:breadcrumb")) {
            // A site's name over its breadcrumb, where a second page starts in the paste.
            (Kind::Noise, 0, "noise:page-header".to_string())
        } else if kinds.last().is_some_and(|k| k.2 == "noise:chat") && l.len <= 40 && l.title_like.is_none() && l.heading.is_none() {
            // What the sender said (收到，马上安排 · 纪要正文也发一下): the chat, not the document.
            (Kind::Noise, 0, "noise:chat".to_string())
        } else if in_link_list && !l.after_gap && is_link_title(l) {
            // The titles listed under 猜你喜欢 / 相关推荐, up to the next gap.
            (Kind::Noise, 0, "noise:link-list".to_string())
        } else if previous == Some(Kind::Noise) && i > 0 && is_link_item(l) {
            // ·县人民医院获评… under 相关阅读: a page's list of links, not a new document.
            (Kind::Noise, 0, "noise:link-list".to_string())
        } else if l.title_like.is_some() && !opens_document(l, previous, previous_look) {
            (Kind::Heading, 1, "heading:title-like-in-body".to_string())
        } else if let Some(rule) = l.title_like {
            if followed_by_body(&looks, i) {
                (Kind::Title, 0, rule.to_string())
            } else {
                // A run of titles with no body: a list of related articles.
                (Kind::Noise, 0, "noise:title-list".to_string())
            }
        } else if headline_over_byline(&looks, &kinds, i) && followed_by_body(&looks, i) {
            (Kind::Title, 0, "title:headline-over-byline".to_string())
        } else if starts_after_signoff(&looks, &kinds, i) && followed_by_body(&looks, i) {
            // A headline after a gap that follows the previous document's 落款.
            (Kind::Title, 0, "title:after-signoff".to_string())
        } else if let Some((level, marker)) = l.heading {
            if in_attachment_list(&looks, i) {
                // 附件：1.…清单 / 2.…统计表: the names of the attachments, not headings.
                (Kind::Paragraph, 0, "paragraph:attachment-item".to_string())
            } else if marker == "一是" && is_lead_heading(&looks, i) {
                // 一是粮食生产稳中有进 on its own line, with the body below: a subhead one
                // level below the section it sits in.
                (Kind::Heading, lead_heading_level(&kinds), "heading:一是-subhead".to_string())
            } else if heading_is_short(l) && !patterns().enumerated_lead.is_match(&l.norm) && !is_list_item(&looks, i) {
                (Kind::Heading, level, format!("heading:{marker}"))
            } else {
                (Kind::Paragraph, 0, format!("paragraph:numbered-with-body({marker})"))
            }
        } else {
            (Kind::Paragraph, 0, "paragraph".to_string())
        };
        // 凝心聚力抓发展 over ——在全县经济工作会议上的讲话: the headline is the title and the
        // dash line under it its subtitle (a paragraph), not a title or heading of its own.
        let decided = if is_subtitle(l) && decided.0 != Kind::Noise {
            let above: Vec<usize> = (0..i).rev().filter(|&j| kinds[j].0 != Kind::Noise).take(2).collect();
            match above.first() {
                Some(&j) if kinds[j].0 == Kind::Title => (Kind::Paragraph, 0, "paragraph:subtitle".to_string()),
                // Above the headline: nothing, the end of a document, or page chrome between
                // (the previous article's date is not yet known as its signoff here).
                Some(&j) if kinds[j].0 == Kind::Paragraph
                    && is_headline_phrase(&looks[j])
                    && above.get(1).is_none_or(|&k| kinds[k].0 == Kind::Signoff || (k + 1..j).any(|m| kinds[m].0 == Kind::Noise)) =>
                {
                    kinds[j] = (Kind::Title, 0, "title:headline-over-subtitle".to_string());
                    (Kind::Paragraph, 0, "paragraph:subtitle".to_string())
                }
                _ => decided,
            }
        } else {
            decided
        };
        // The list runs on through its titles (some already known as page titles: …（精选8篇）).
        let list_title = matches!(decided.2.as_str(), "noise:link-list" | "noise:page-title");
        in_link_list = (in_link_list && list_title) || (decided.0 == Kind::Noise && LIST_HEADERS.iter().any(|h| l.norm.contains(h)));
        if decided.0 != Kind::Noise {
            last_body = Some(i);
        }
        if decided.0 == Kind::Title {
            in_briefing = BRIEFING_WORDS.iter().any(|w| l.norm.contains(w));
            current_title = Some(l.norm.clone());
        }
        body_since_title = decided.0 != Kind::Title && (body_since_title || matches!(decided.0, Kind::Paragraph | Kind::Heading));
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
    bare_date_lines(&looks, &mut kinds);

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
        // 3月4日（周一）: a work log's day, a section of its own wherever it stands.
        if patterns().day_label.is_match(looks[i].norm.trim()) {
            kinds[i] = (Kind::Heading, (last_level + 1).clamp(1, 4), "heading:day".to_string());
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
        if is_caption(&l.norm) || is_bracketed(&l.norm) {
            // ▲民警在网点检查 · 图为会议现场。 · （2024年3月22日）: captions and asides.
            continue;
        }
        if l.norm.contains(':') && patterns().label_heading.is_match(&l.norm) {
            if is_salutation(&l.norm) || is_addressee(l, &kinds[..i]) || is_lead_in(&l.norm) {
                continue;
            }
            let level = (last_level + 1).clamp(1, 4);
            kinds[i] = (Kind::Heading, level, "heading:label".to_string());
        } else if kinds[i - 1].0 == Kind::Paragraph
            && (is_short_phrase(l) || is_long_headline(l) || is_unit_headline(l))
            && !inside_numbered_list(&looks, &kinds, i)
            && !is_lead_in(&l.norm)
        {
            kinds[i] = (Kind::Heading, 1, "heading:short-unnumbered".to_string());
            last_level = 1;
        }
    }

    // A site's name and menu above the first title (澄峪县人民政府 · 无障碍 | 登录): short
    // lines with no sentence in them are the page's header, not a document of their own.
    if let Some(first_title) = kinds.iter().position(|k| k.0 == Kind::Title) {
        let before: Vec<usize> = (0..first_title).filter(|&i| kinds[i].0 != Kind::Noise).collect();
        let header_like = |l: &LineLook| l.len <= 20 && l.heading.is_none() && !l.norm.contains(['。', ',', ';', '!', '?']);
        if !before.is_empty() && before.iter().all(|&i| header_like(&looks[i])) {
            for i in before {
                kinds[i] = (Kind::Noise, 0, "noise:page-header".to_string());
            }
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
    if has_inline_body(&l.norm) {
        return true;
    }
    let sentence_like = l.norm.ends_with('。') && l.norm.contains([',', '，']);
    let sibling = |j: usize| looks.get(j).is_some_and(|x| x.heading == Some((level, marker)));
    if sentence_like && (sibling(i + 1) || (i > 0 && sibling(i - 1) && looks[i - 1].norm.ends_with([';', '；', '。']))) {
        return true;
    }
    // A sentence right after a sibling that is itself an item of a list of sentences is the
    // next item of that list, comma or not (2.六年级…力争进入全区前列。 · 4.未组织开展演练。),
    // unless a paragraph of its own follows it: （二）强化社会治安防控。 over its body text.
    if l.norm.ends_with('。') && i > 0 && sibling(i - 1) && previous_item_is_body(looks, i - 1) && !heads_a_paragraph(looks, i) {
        return true;
    }
    // So is a sentence right before a sibling that is a long sentence (1.某局未将…纳入预算。
    // over 2.某局虚列支出，将…。), or one with a clause break (一、5月10日前完成…排查。 over
    // 二、5月20日前完成…储备，储备…。).
    let clauses = |x: &LineLook| x.norm.ends_with([';', '；']) || (x.norm.ends_with('。') && x.norm.contains([',', '，']));
    l.norm.ends_with('。') && sibling(i + 1) && (!heading_is_short(&looks[i + 1]) || clauses(&looks[i + 1]))
}

/// A numbered line in the run of numbered lines right under `附件：`.
fn in_attachment_list(looks: &[LineLook], i: usize) -> bool {
    let mut j = i;
    while j > 0 && i - j < 9 {
        j -= 1;
        let x = &looks[j];
        if x.norm.starts_with("附件") {
            return x.norm.contains(':');
        }
        if x.heading.is_none() || x.noise.is_some() {
            return false;
        }
    }
    false
}

/// A short numbered phrase (no comma) whose next line is a long unnumbered paragraph.
fn heads_a_paragraph(looks: &[LineLook], i: usize) -> bool {
    let l = &looks[i];
    let next = looks[i + 1..].iter().find(|x| x.noise.is_none());
    l.len <= 20 && !l.norm.contains([',', '，', ';', '；']) && next.is_some_and(|x| x.heading.is_none() && x.len >= 30)
}

/// The numbered line at `j` reads as body text: a sentence of its own or an item of a list.
fn previous_item_is_body(looks: &[LineLook], j: usize) -> bool {
    !heading_is_short(&looks[j]) || is_list_item(looks, j)
}

/// 2.某某公司：3名驾驶员从业资格证过期仍从事营运。 — a label, then a sentence of its own
/// after the colon: body text, not a heading (一类单位：（90分以上）。 only qualifies the label).
fn has_inline_body(norm: &str) -> bool {
    let Some((_, after)) = norm.split_once(':') else { return false };
    let after = after.trim();
    after.ends_with('。') && !after.starts_with('(') && after.chars().count() >= 6
}

/// `一是粮食生产稳中有进` standing alone: short, no punctuation at all, and the line below is
/// its body (not the next item of a bare list).
fn is_lead_heading(looks: &[LineLook], i: usize) -> bool {
    let l = &looks[i];
    if l.len > 20 || l.norm.contains([',', '、', ';', ':', '。', '.', '!', '?', '(', ')']) {
        return false;
    }
    let next = looks[i + 1..].iter().find(|x| x.noise.is_none());
    next.is_some_and(|x| x.heading.map(|h| h.1) != Some("一是") && (x.len >= 15 || x.heading.is_some()))
}

/// The level of a `一是` subhead: that of an earlier sibling in the same section, else one below
/// the nearest heading above it (or 1 right under the title).
fn lead_heading_level(kinds: &[(Kind, u8, String)]) -> u8 {
    let mut nearest: Option<u8> = None;
    let mut shallowest = u8::MAX;
    for k in kinds.iter().rev() {
        match k.0 {
            Kind::Title => break,
            Kind::Heading if k.2 == "heading:一是-subhead" => {
                if shallowest >= k.1 {
                    return k.1;
                }
                break;
            }
            Kind::Heading => {
                nearest.get_or_insert(k.1);
                shallowest = shallowest.min(k.1);
            }
            _ => {}
        }
    }
    nearest.map_or(1, |l| (l + 1).min(4))
}

/// A date standing alone after body text closes a part of the paste even where no title follows
/// (a binder of unheaded sections, each dated). A bare figure date (2024.7.6) that closes
/// nothing is page chrome, like a publication timestamp.
fn bare_date_lines(looks: &[LineLook], kinds: &mut [(Kind, u8, String)]) {
    let p = patterns();
    for i in 0..looks.len() {
        if kinds[i].0 != Kind::Paragraph || looks[i].signoff_like != Some("signoff:date") {
            continue;
        }
        let prev = (0..i).rev().find(|&j| kinds[j].0 != Kind::Noise);
        let after_body = prev.is_some_and(|j| matches!(kinds[j].0, Kind::Paragraph | Kind::Signoff));
        if after_body {
            kinds[i] = (Kind::Signoff, 0, "signoff:date-after-body".to_string());
            if let Some(j) = prev {
                if kinds[j].0 == Kind::Paragraph && looks_like_issuer(&looks[j]) {
                    kinds[j] = (Kind::Signoff, 0, "signoff:issuer".to_string());
                }
            }
        } else if p.bare_date.is_match(looks[i].norm.trim()) {
            kinds[i] = (Kind::Noise, 0, "noise:timestamp".to_string());
        }
    }
}

/// The line right under a title that ends in a colon names the addressee (主送机关), as does any
/// such label that names an organisation (县委巡察工作领导小组：).
fn is_addressee(l: &LineLook, before: &[(Kind, u8, String)]) -> bool {
    let previous = before.iter().rev().find(|k| k.0 != Kind::Noise).map(|k| k.0);
    previous == Some(Kind::Title) || ends_like_org(&l.norm)
}

/// A colon that closes a clause leading into what follows, not a label: 现将有关情况汇报如下：,
/// 会议要求：, 县长强调：.
fn is_lead_in(norm: &str) -> bool {
    const SPEAKERS: [&str; 16] = [
        "会议", "会上", "领导", "书记", "县长", "市长", "区长", "镇长", "乡长", "局长", "主任",
        "组长", "主席", "同志", "讲话", "大家",
    ];
    const VERBS: [&str; 12] =
        ["要求", "强调", "指出", "认为", "明确", "议定", "决定", "提出", "表示", "建议", "部署", "同意"];
    let label = norm.trim_end_matches(['。', '.', ':', '：', ' ']);
    label.contains("如下")
        || ["现将", "现就", "特此", "经研究", "下面", "以下"].iter().any(|w| label.starts_with(w))
        // A clause that says what follows (检查中发现的典型问题有：, 主要开展了这么几次活动：,
        // 简单总结一下。), not a label naming it.
        || ["有", "包括", "分别为", "主要为", "具体为", "一下"].iter().any(|w| label.ends_with(w))
        || label.contains('了')
        || (VERBS.iter().any(|v| label.ends_with(v)) && SPEAKERS.iter().any(|s| label.contains(s)))
}

/// A short unnumbered line between two numbered body paragraphs of one list (1、…  保检查万无一失。
/// 3、…) is a broken-off piece of the list, not a subhead.
fn inside_numbered_list(looks: &[LineLook], kinds: &[(Kind, u8, String)], i: usize) -> bool {
    let prev = (0..i).rev().find(|&j| kinds[j].0 != Kind::Noise);
    let next = (i + 1..looks.len()).find(|&j| kinds[j].0 != Kind::Noise);
    match (prev, next) {
        (Some(p), Some(n)) => {
            let (a, b) = (looks[p].heading, looks[n].heading);
            a.is_some() && a == b && kinds[p].0 == Kind::Paragraph && kinds[n].0 == Kind::Paragraph
        }
        _ => false,
    }
}

/// The line before ends a thought (a heading or subhead cannot start mid-sentence).
fn ends_thought(prev_norm: &str) -> bool {
    let last = prev_norm.chars().last().unwrap_or('。');
    ends_sentence(last) || matches!(last, ':' | '：' | '”' | '"' | '）' | ')') || !last.is_alphanumeric() && last != ',' && last != '、'
        || prev_norm.chars().count() <= 30
        || (prev_norm.trim_end().ends_with('日') && patterns().ends_with_date.is_match(prev_norm.trim_end()))
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

/// A briefing item's headline led by the unit it reports on: 柳湾镇：“合作社+农户”模式助力群众增收,
/// 县交通运输局：开展春运安全大检查 — a place or body, a colon, a phrase with no sentence in it.
fn is_unit_headline(l: &LineLook) -> bool {
    const UNIT_ENDS: [&str; 14] = ["镇", "乡", "街道", "社区", "村", "县", "区", "市", "局", "委", "办", "中心", "学校", "公司"];
    let Some((unit, headline)) = l.norm.trim().split_once(':') else { return false };
    let (unit_len, headline_len) = (unit.chars().count(), headline.trim().chars().count());
    l.inner_ends == 0
        && (2..=12).contains(&unit_len)
        && UNIT_ENDS.iter().any(|e| unit.ends_with(e))
        && (6..=30).contains(&headline_len)
        && !headline.contains([',', ';', ':', '。', '!', '?', '、'])
}

/// A news headline too long for a short phrase (县未成年人救助保护中心开展困境儿童“暖心走访”活动).
fn is_long_headline(l: &LineLook) -> bool {
    l.len <= 40 && l.inner_ends == 0 && !l.norm.ends_with(['。', ';']) && !l.norm.contains([',', ':', ';']) && is_news_headline(&l.norm)
}

fn heading_is_short(l: &LineLook) -> bool {
    l.inner_ends == 0 && l.len <= 40
}

fn mark_signoff(looks: &[LineLook], kinds: &mut [(Kind, u8, String)], from: usize, to: usize) {
    // Look at the last three non-noise lines of the span, past the distribution lines a
    // document prints under its date (抄送：…, …2024年10月12日印发).
    let distribution = |s: &str| s.starts_with("抄送") || s.starts_with("抄报") || s.ends_with("印发");
    let body: Vec<usize> = (from..to).filter(|&i| kinds[i].0 != Kind::Noise && !distribution(&looks[i].norm)).collect();
    let tail = &body[body.len().saturating_sub(3)..];
    for (k, &i) in tail.iter().enumerate() {
        if kinds[i].0 != Kind::Paragraph {
            continue;
        }
        // A signoff closes body text: a date above the first title is page chrome.
        let after_body = body.iter().any(|&j| j < i && matches!(kinds[j].0, Kind::Paragraph | Kind::Heading));
        if let Some(rule) = looks[i].signoff_like.filter(|_| after_body) {
            kinds[i] = (Kind::Signoff, 0, rule.to_string());
            // The issuing bodies on the lines above a date (中共某县委 / 某县人民政府 / date).
            for &j in tail[..k].iter().rev() {
                if kinds[j].0 != Kind::Paragraph || !looks_like_issuer(&looks[j]) {
                    break;
                }
                kinds[j] = (Kind::Signoff, 0, "signoff:issuer".to_string());
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
    fn a_short_numbered_first_sentence_is_a_run_in_heading() {
        assert_eq!(run_in_heading_level("3、多样开展健康教育活动。"), Some(3));
        assert_eq!(run_in_heading_level("(二)强化源头管控。"), Some(2));
        for s in ["一是强化组织领导。", "3、上半年共开展活动9次,近千人参加。", "20xx年5月28日社区开展邻居节。", "1、定期更换宣传栏,每月张贴健康教育宣传画两期以上。"] {
            assert_eq!(run_in_heading_level(s), None, "{s}");
        }
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
    fn ads_link_lines_page_lists_and_page_footers_are_noise() {
        let text = "社区工作总结\n今年社区开展了大量工作，居民满意度明显提高，环境卫生持续改善。\n【广告】公文写作神器，新用户专享\n精品课程一键领取>>\n第 1 页 共 2 页\n社区网格化管理工作总结（通用8篇）";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["title", "paragraph", "noise", "noise", "noise", "noise"]);
        // A page number in ASCII dashes is no Markdown bullet; a source, upload or download
        // line of fields is chrome, while 来源 in a sentence is a word.
        let text = "社区工作总结\n今年社区开展了大量工作，环境卫生持续改善。\n- 3 -\n下半年将继续巩固成效。\n来源：某某市市场监督管理局\n上传时间：2025-02-11　浏览：328　下载：17";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["title", "paragraph", "noise", "paragraph", "noise", "noise"]);
        let kinds: Vec<&str> = kinds_of("资金来源报告\n资金来源为地方政府专项债券和企业自筹。").iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["title", "paragraph"]);
    }

    #[test]
    fn an_issue_number_under_the_title_is_not_a_title() {
        let text = "中共某某镇委员会会议纪要\n〔2024〕第15期\n8月6日上午，镇党委书记在镇机关会议室主持召开镇党委会议，研究近期重点工作。";
        let chars: Vec<char> = text.chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 1);
        let kinds: Vec<&str> = docs[0].blocks.iter().map(|b| b.kind.id()).collect();
        assert_eq!(kinds, ["title", "paragraph", "paragraph"]);
        let got = kinds_of("某某县文件\n县政办发〔2024〕12号\n2024年第9期（总第61期）\n本期刊发全县安全生产检查情况，请各单位对照整改。");
        assert_eq!((got[1].1, got[2].1), ("paragraph", "paragraph"));
    }

    #[test]
    fn addressee_and_lead_in_colon_lines_are_not_label_headings() {
        let text = "关于某某问题整改情况的报告\n县委巡察工作领导小组：\n根据县委统一部署，县委巡察组对我镇开展了常规巡察，现将整改进展情况报告如下。\n现将有关情况汇报如下：\n本次共检查企业146家，发现各类隐患312处，已整改到位298处，整改率95.5%。\n会议要求：\n（1）疾控股要牵头对照复审标准逐条梳理短板，建立问题清单；";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["title", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]);
    }

    #[test]
    fn a_clause_that_leads_into_a_list_is_not_a_heading() {
        let text = "社区上半年工作总结\n上半年以来，我们社区在街道的领导下，一件一件抓落实，居民反映也不错。\n下面把半年来的工作简单总结一下。\n社区现有居民2316户、6870人，其中独居、空巢老人213人，辖区划分为6个网格，每个网格配备专职网格员1名。\n1. 志愿服务\n社区现有注册志愿者326人，今年2月成立了志愿服务队，下设助老、环境、文明劝导3个小分队。\n主要开展了这么几次活动：\n1月18日，志愿者开展“迎新春 送温暖”活动，给困难家庭和孤寡老人送去米、油等慰问品，参加志愿者45人。\n检查中发现的典型问题有：\n车间内违规存放油漆、稀释剂等易燃物品约2吨，配电箱未上锁，电线私拉乱接，存在较大火灾风险。";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["title", "paragraph", "paragraph", "paragraph", "heading", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]);
    }

    #[test]
    fn an_email_address_is_a_notice_s_own_text_and_a_web_address_is_chrome() {
        let text = "关于召开全县安全生产工作会议的通知\n各乡镇人民政府，县直有关单位：\n经研究，定于3月5日召开全县安全生产工作会议。\n联系人：周小燕\n邮箱：yjjbgs@163.com\n本文地址：http://www.example.gov.cn/a/123.html";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|g| g.1).collect();
        assert_eq!(kinds[4], "paragraph");
        assert_eq!(kinds[5], "noise");
    }

    #[test]
    fn a_briefing_item_headline_led_by_its_unit_is_a_heading() {
        let text = "乡村振兴工作简报\n【编者按】当前正值春耕生产关键时期，各地积极探索，涌现出一批好做法。\n柳湾镇：“合作社+农户”模式助力群众增收\n今年以来，柳湾镇依托500亩蔬菜种植基地，组建蔬菜专业合作社3家，带动农户260户。\n石桥乡：开展人居环境整治春季攻坚行动\n3月以来，石桥乡组织干部群众1200余人次，清理村内沟渠18公里，拆除危旧房屋36间。";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["title", "paragraph", "heading", "paragraph", "heading", "paragraph"]);
        // A unit's line that states a result is body text: 城关镇：检查企业12家，…。
        let text = "关于安全生产检查情况的通报\n3月以来，各乡镇按照县安委会部署开展了安全生产大检查。\n城关镇：检查企业12家，发现隐患5处。\n各乡镇要对照问题清单逐项整改，确保检查取得实效，整改结果将在全县通报。";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|g| g.1).collect();
        assert_eq!(kinds[2], "paragraph");
    }

    #[test]
    fn a_work_arrangement_is_titled_and_its_deadlines_are_items_not_headings() {
        let text = "2025年防汛工作安排\n为做好今年防汛工作，结合我镇实际，作如下安排。\n一、5月10日前完成全镇水库、山塘隐患排查。\n二、5月20日前完成防汛物资储备，储备编织袋2万条。\n三、5月31日前组织开展防汛应急演练1次。";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec!["title", "paragraph", "paragraph", "paragraph", "paragraph"]);
    }

    #[test]
    fn unit_and_team_names_above_a_date_are_issuers() {
        for issuer in ["食品生产监管科", "澄川县人大常委会调研组"] {
            let text = format!("三季度工作总结\n本季度共检查食品生产企业46家，发现问题12个，已全部整改到位。\n{issuer}\n2024年10月9日");
            let got = kinds_of(&text);
            assert_eq!((got[2].1, got[3].1), ("signoff", "signoff"), "{issuer}");
        }
    }

    #[test]
    fn a_numbered_label_with_a_sentence_after_its_colon_is_a_paragraph() {
        let text = "关于道路运输安全督查情况的通报\n经研究，决定对以下企业予以通报批评：\n1.某某客运有限公司：3名驾驶员从业资格证过期仍从事营运。\n2.强化联合执法检查\n联合应急管理、消防救援、市场监管等部门开展联合执法12次。";
        let got = kinds_of(text);
        assert_eq!(got[2].1, "paragraph");
        assert_eq!((got[3].1, got[3].2), ("heading", 3));
    }

    #[test]
    fn a_bare_yi_shi_line_with_its_body_below_is_a_subhead_one_level_down() {
        let text = "某镇上半年工作总结\n今年以来，我镇坚持把三农工作作为重中之重，各项工作稳步推进。\n第一部分　主要工作完成情况\n一是粮食生产稳中有进\n全镇落实粮食播种面积3.2万亩，完成县下达任务的102.4%。\n二是特色产业加快发展\n(1)茶叶产业\n新建标准化茶园1200亩，实现产值3400万元，同比增长12%。\n三是人居环境整治扎实推进\n上半年共清理村内沟渠42公里，清运垃圾1300余吨。\n一是加强领导。二是强化督查。";
        let got = kinds_of(text);
        let kinds: Vec<(&str, u8)> = got.iter().map(|g| (g.1, g.2)).collect();
        assert_eq!(
            kinds,
            vec![("title", 0), ("paragraph", 0), ("heading", 1), ("heading", 2), ("paragraph", 0), ("heading", 2),
                 ("heading", 4), ("paragraph", 0), ("heading", 2), ("paragraph", 0), ("paragraph", 0)]
        );
    }

    #[test]
    fn a_date_alone_after_body_is_a_signoff_and_closes_the_document() {
        let text = "某镇上半年农业工作总结\n今年以来，我镇围绕粮食安全、产业发展和人居环境整治，扎实推进各项工作。\n２０２４年７月５日\n上半年，镇农业综合服务中心围绕农技推广和动物防疫开展工作，成效明显。\n2024.7.6\n岚溪镇防汛工作调度会议纪要\n6月18日下午，镇长在镇政府会议室主持召开防汛工作调度会议，研究部署防汛工作。";
        let chars: Vec<char> = text.chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 2);
        let first: Vec<&str> = docs[0].blocks.iter().map(|b| b.kind.id()).collect();
        assert_eq!(first, ["title", "paragraph", "signoff", "paragraph", "signoff"]);
        assert_eq!(docs[1].blocks[0].kind, Kind::Title);
        // A figure date that closes nothing (a publication date above the title) is chrome.
        let got = kinds_of("2024-07-08\n某镇上半年农业工作总结\n今年以来，我镇围绕粮食安全、产业发展和人居环境整治，扎实推进各项工作。");
        assert_eq!(got[0].1, "noise");
    }

    #[test]
    fn a_fragment_inside_a_numbered_list_is_not_a_subhead() {
        let text = "工作计划\n1、深入发动，广泛宣传。辖区各单位要利用各种宣传形式，大力宣传创卫工作。\n保检查万无一失。\n3、进一步抓好健康教育工作，组建和完善健康教育网络，要求各单位落实。";
        let got = kinds_of(text);
        assert_eq!(got[2].1, "paragraph");
    }

    #[test]
    fn a_news_headline_over_its_publication_line_is_a_title() {
        let text = "石桥村多措并举推进人居环境整治\n来源：石桥镇人民政府　　发布时间：2024-05-10 09:30\n近日，石桥村组织党员志愿者开展环境卫生大扫除，清理垃圾死角30余处。";
        let chars: Vec<char> = text.chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 1);
        let kinds: Vec<&str> = docs[0].blocks.iter().map(|b| b.kind.id()).collect();
        assert_eq!(kinds, ["title", "noise", "paragraph"]);
        // Without the publication line the headline (who did what) is still the title.
        let got = kinds_of("石桥村多措并举推进人居环境整治\n近日，石桥村组织党员志愿者开展环境卫生大扫除，清理垃圾死角30余处。");
        assert_eq!(got[0].1, "title");
        // A bare opening phrase that names no actor is not promoted.
        let got = kinds_of("多措并举推进人居环境整治\n近日，石桥村组织党员志愿者开展环境卫生大扫除，清理垃圾死角30余处。");
        assert_eq!(got[0].1, "paragraph");
    }

    #[test]
    fn photo_captions_are_paragraphs_and_credit_lines_are_noise() {
        let text = "全县夜市秩序整治推进会召开\n6月3日晚，县城管局联合交警部门对城区夜市开展集中整治，规范摊位120余个。\n▲执法队员在夜市劝导摊主规范经营情况\n（摄影：王某）\n整治期间共清理占道经营摊点86处，暂扣违规物品35件，群众反映良好。\n图为整治现场。\n执法队员还向摊主发放了门前三包责任书和文明经营倡议书，共计300余份。\n（通讯员　李某某）\n(记者 张某)";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|g| g.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "paragraph", "noise", "paragraph", "paragraph", "paragraph", "noise", "noise"]);
    }

    #[test]
    fn a_short_phrase_under_a_dated_masthead_is_a_subhead() {
        let text = "爱国卫生工作简报\n第3期\n某某市某某区爱国卫生运动委员会办公室编印　　　　　2024年5月6日\n我区开展春季灭鼠统一行动\n4月下旬，区爱卫办组织各街道开展春季灭鼠统一行动，共投放毒饵站500个。\n行动期间共清理卫生死角240处，鼠密度较去年同期明显下降。\n东湖街道开展控烟宣传活动\n东湖街道在辖区公共场所张贴禁烟标识600余张，劝阻室内吸烟行为30人次。";
        let got = kinds_of(text);
        assert_eq!((got[3].1, got[3].2), ("heading", 1));
    }

    #[test]
    fn a_bracketed_date_under_a_speaker_is_not_a_subhead() {
        let text = "在全县防汛工作会议上的讲话\n（2024年5月8日）\n同志们：\n今天召开会议，主要任务是部署今年防汛工作，我讲三点意见。\n\n在全县秋冬季造林工作会议上的讲话\n县委副书记　张某\n（2024年10月9日）\n同志们：\n今天召开会议，主要任务是总结春季造林工作，部署秋冬季造林任务。";
        let got = kinds_of(text);
        assert_eq!(got[7].1, "paragraph");
        assert_eq!(got[1].1, "paragraph");
    }

    #[test]
    fn a_sentence_after_a_sentence_list_item_is_the_next_item() {
        let text = "某校工作计划\n二、工作目标\n1.学生体质健康测试合格率达到95%以上，近视率有所下降。\n2.各学科期末质量检测平均分力争进入全区前列。\n3.力争2项课题通过市级立项，教师发表论文不少于10篇。\n（一）安全方面\n1.二楼疏散通道堆放杂物，影响人员疏散；\n2.本年度未组织开展应急疏散演练。\n（二）加强管理\n1.规范教学常规\n严格执行课程计划，开齐开足国家课程，不得随意增减课时。";
        let got = kinds_of(text);
        let kinds: Vec<(&str, u8)> = got.iter().map(|g| (g.1, g.2)).collect();
        assert_eq!(
            kinds,
            vec![("title", 0), ("heading", 1), ("paragraph", 0), ("paragraph", 0), ("paragraph", 0), ("heading", 2),
                 ("paragraph", 0), ("paragraph", 0), ("heading", 2), ("heading", 3), ("paragraph", 0)]
        );
    }

    #[test]
    fn schools_and_party_branches_above_a_date_are_issuers() {
        for issuer in ["城关第一小学", "某某社区党总支", "实验中学", "阳光幼儿园"] {
            let text = format!("本学期工作总结\n本学期共开展主题教育活动12次，学生参与率达到百分之百。\n{issuer}\n2024年7月2日");
            let got = kinds_of(&text);
            assert_eq!((got[2].1, got[3].1), ("signoff", "signoff"), "{issuer}");
        }
    }

    #[test]
    fn publication_metadata_before_the_first_title_is_chrome_of_document_zero() {
        let text = "当前位置：首页 > 工作总结 > 正文\n社区工作总结（通用2篇）\n更新时间：2025-01-08 09:42　来源：网友投稿　点击：321次　　手机版\n\n【篇一】社区工作总结\n今年以来，社区围绕平安建设开展了大量工作，居民满意度明显提高。";
        let chars: Vec<char> = text.chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 1);
        let kinds: Vec<&str> = docs[0].blocks.iter().map(|b| b.kind.id()).collect();
        assert_eq!(kinds, ["noise", "noise", "noise", "title", "paragraph"]);
    }

    #[test]
    fn a_numbered_clause_naming_a_model_text_is_not_a_page_title() {
        let text = "检查问题清单\n现将检查中发现的问题列出如下，请对照清单逐项整改到位。\n1.劳动合同未按人社部示范文本签订，缺少必备条款；\n2.安全培训记录缺失，有2名员工未参加岗前培训。";
        let got = kinds_of(text);
        assert_eq!(got[2].1, "paragraph");
        // A real page title still is chrome.
        let got = kinds_of("社区工作总结\n今年社区开展了大量工作，居民满意度明显提高，环境卫生持续改善。\n社区工作总结范文");
        assert_eq!(got[2].1, "noise");
    }

    #[test]
    fn untitled_paste_is_one_document() {
        let chars: Vec<char> = "今天召开了会议。\n会议要求各单位抓好落实。".chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 1);
        assert!(docs[0].title.is_none());
    }

    #[test]
    fn a_post_byline_reader_counts_and_a_link_list_are_chrome() {
        let text = "某县召开第二次总河长会议\n原创　某县发布　2024-08-16 18:30　发表于湖南\n点击上方蓝字关注我们\n8月15日下午，某县召开总河长会议，安排部署下阶段重点工作。\n相关阅读：\n·某县启动河道清四乱专项行动\n·全县春季灭鼠工作全面启动\n阅读 3562　　赞 48　　在看 12";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "noise", "noise", "paragraph", "noise", "noise", "noise", "noise"]);
        // A bulleted line inside a report's body is not a link.
        let kinds: Vec<&str> = kinds_of("某县工作总结\n今年以来重点抓了三件事：\n·完善制度\n·加强督查").iter().map(|k| k.1).collect();
        assert!(kinds[2..].iter().all(|k| *k != "noise"), "{kinds:?}");
    }

    #[test]
    fn every_issuer_above_the_date_signs_off() {
        let text = "某县关于督察反馈问题整改进展情况的报告\n今年以来，我县对反馈的26个问题逐一制定整改方案，已完成整改19个。\n中共某县委\n某县人民政府\n2024年11月5日";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "signoff", "signoff", "signoff"]);
    }

    #[test]
    fn a_news_headline_opens_an_item_of_a_web_page_but_heads_a_section_of_a_briefing() {
        let page = "某社区召开服务工作推进会\n5月16日上午，某社区召开推进会，社区党委书记主持会议。\n\n某社区开展重阳节志愿服务活动\n10月11日，某社区组织志愿者走访慰问辖区高龄老人36户。";
        let chars: Vec<char> = page.chars().collect();
        assert_eq!(structure(&chars).len(), 2);
        let briefing = "某县民政工作简报\n2024年第18期（总第61期）\n县民政局办公室编　　2024年12月3日\n全县扎实开展冬季困难群众走访慰问工作\n近日，县民政局联合各乡镇启动冬季走访慰问，共走访困难群众1200户。\n某镇开展敬老院消防安全检查\n12月1日，某镇对辖区3家敬老院开展消防安全检查，整改隐患5处。";
        let chars: Vec<char> = briefing.chars().collect();
        let docs = structure(&chars);
        assert_eq!(docs.len(), 1);
        assert!(docs[0].blocks.iter().any(|b| b.kind == Kind::Heading));
    }

    #[test]
    fn a_sites_name_and_menu_above_the_first_title_are_its_header() {
        let text = "无障碍　长者模式　|　登录　注册\n某县人民政府\n首页 > 新闻中心 > 部门动态\n某县教育局2024年秋季学期工作总结\n本学期，县教育局围绕立德树人根本任务，扎实推进各项工作。";
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(structure(&chars).len(), 1);
        let kinds: Vec<&str> = kinds_of(text).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["noise", "noise", "noise", "title", "paragraph"]);
    }

    #[test]
    fn a_copied_pdf_keeps_its_masthead_and_running_headers_out_of_the_documents() {
        let text = "某县教育局文件\n某教呈〔2024〕46号　　　　签发人：许文博\n某县教育局关于2024年工作情况的报告\n今年以来，县教育局围绕立德树人根本任务，扎实推进各项工作。\n指标名称 年度目标 完成情况\n第 1 页 共 3 页\n某县教育局关于2024年工作情况的报告\n全县新建改扩建学校6所，新增学位3200个。\n某 县 公 安 局 文 件\n某公呈〔2024〕21号　　签发人：韩振东\n某县公安局关于2024年上半年工作情况的报告\n今年上半年，全县公安机关坚持以人民为中心，全力维护社会大局稳定。";
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(structure(&chars).len(), 2);
        let kinds: Vec<&str> = kinds_of(text).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["noise", "noise", "title", "paragraph", "paragraph", "noise", "noise", "paragraph", "noise", "noise", "title", "paragraph"]);
    }

    #[test]
    fn a_headline_over_a_dash_subtitle_is_the_title_and_a_bare_issue_number_is_not() {
        let speech = "凝心聚力抓发展　真抓实干开新局\n——在2024年全县经济工作会议上的讲话\n同志们：\n这次会议的主要任务是总结今年经济工作，安排部署明年工作。";
        let kinds: Vec<&str> = kinds_of(speech).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "paragraph", "paragraph"]);
        // The second article of a paste, the first one's date and the page chrome above it.
        let second = format!("关于预算执行审计查出问题整改情况的公告\n县审计局对县财政局等单位开展了预算执行审计。\n梓岭县审计局\n2025年11月10日\n【打印本页】【关闭窗口】\n首页 > 领导之窗 > 领导讲话\n{speech}");
        let kinds: Vec<&str> = kinds_of(&second).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "signoff", "signoff", "noise", "noise", "title", "paragraph", "paragraph", "paragraph"]);
        assert_eq!(structure(&second.chars().collect::<Vec<char>>()).len(), 2);
        let briefing = "民政工作简报\n第12期\n县民政局办公室编印　　2024年10月28日\n全县开展低保对象动态核查专项行动\n为进一步规范社会救助管理，8月至10月，县民政局在全县开展低保对象动态核查。\n县未成年人救助保护中心开展困境儿童“暖心走访”关爱活动\n9月下旬以来，县未成年人救助保护中心联合各乡镇儿童督导员、村儿童主任，对全县困境儿童和留守儿童开展入户走访，逐一建立档案。";
        let got = kinds_of(briefing);
        let kinds: Vec<&str> = got.iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "paragraph", "heading", "paragraph", "heading", "paragraph"], "{got:?}");
    }

    #[test]
    fn a_second_pages_site_name_over_its_breadcrumb_is_chrome() {
        let text = "某县召开经济工作会议\n12月20日，某县召开经济工作会议，总结今年经济工作，部署明年重点任务。\n【打印】【关闭】\n某市人民政府网\n首页 > 政务要闻 > 领导讲话\n在全市生态环境保护大会上的讲话\n同志们，今天召开全市生态环境保护大会，主要任务是总结工作、部署任务。";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "noise", "noise", "noise", "title", "paragraph"]);
    }

    #[test]
    fn markdown_from_a_writing_assistant_reads_as_its_structure() {
        let text = "```markdown\n# 某县教育局2024年工作总结\n## 一、主要工作开展情况\n### （一）推进优质均衡发展\n**一是加快学校建设。**全年新建改扩建学校6所，新增学位3200个，有效缓解城区大班额问题。\n---\n## 二、存在的问题\n部分乡村学校师资力量仍然薄弱，优质教育资源总量不足。";
        let got = kinds_of(text);
        let kinds: Vec<(&str, u8)> = got.iter().map(|k| (k.1, k.2)).collect();
        assert_eq!(kinds, [("noise", 0), ("title", 0), ("heading", 1), ("heading", 2), ("paragraph", 0), ("noise", 0), ("heading", 1), ("paragraph", 0)], "{got:?}");
    }

    #[test]
    fn a_chat_thread_around_a_forwarded_document_is_chrome() {
        let text = "镇安全生产工作群(53)\n镇安监办 刘晓东 17:05\n【“五一”假期值班值守及安全检查情况通报】\n“五一”假期期间，镇安监办对全镇32家企业开展安全检查，发现隐患14处，已整改11处。\n石桥村 周红 17:20\n收到，石桥村立即整改\n[图片]\n映月村 赵伟 17:26\n收到👍";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["noise", "noise", "title", "paragraph", "noise", "noise", "noise", "noise", "noise"], "{got:?}");
    }

    #[test]
    fn an_office_systems_form_fields_are_chrome_and_its_title_field_is_the_title() {
        let text = "【OA协同办公】公文详情\n标题：关于督察反馈问题整改进展情况的报告\n发文单位：某县生态环境分局　　密级：公开　　紧急程度：一般\n正文：\n县委、县政府：\n今年以来，我局对照督察反馈的12个问题逐项整改，已完成整改9个。\n下一步，我局将按照紧急程度分类推进剩余问题整改，确保年底前全部完成。";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["noise", "title", "noise", "noise", "paragraph", "paragraph", "paragraph"], "{got:?}");
    }

    #[test]
    fn a_wechat_headline_over_its_byline_opens_a_document_and_a_reply_is_a_title() {
        let text = "某派出所开展反诈宣传进校园活动\n4月10日，某派出所民警走进县第一中学，为600余名师生上了一堂反诈宣传课。\n\n城关派出所上门劝阻及时止损　守住群众钱袋子\n原创　某县公安　某县公安　2025年04月15日 18:30　湖南\n4月14日，城关派出所接到预警，民警第一时间上门劝阻，成功为群众止损6.8万元。\n分享　收藏　点赞　在看\n某县人民政府关于同意某工业园标准化厂房项目立项的批复\n某政函〔2025〕12号\n县发展和改革局：\n你局报来的请示收悉。经研究，同意该项目立项。";
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(structure(&chars).len(), 3);
    }

    #[test]
    fn logs_records_and_dated_titles_open_documents_and_their_days_are_headings() {
        let text = "某县“两会”期间信访维稳工作专题会议记录\n会议时间：2024年3月2日上午\n会议由县委政法委副书记王刚主持，县信访局、公安局等单位负责同志参加。\n\n某县应急管理局执法大队周工作日志（2024年3月4日—3月8日）\n3月4日（周一）\n上午召开周例会，传达全县安全生产工作会议精神，安排本周执法检查任务，明确各组检查对象。\n3月5日（周二）\n执法一组对青石镇3家建筑工地开展检查，发现隐患7处，当场责令整改5处。";
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(structure(&chars).len(), 2);
        let got = kinds_of(text);
        assert_eq!((got[3].1, got[4].1, got[6].1), ("title", "heading", "heading"), "{got:?}");
    }

    #[test]
    fn half_bracket_numerals_file_names_and_bracketed_credits() {
        let text = "某区教育局2025年课后服务工作计划.docx\n某区教育局2025年课后服务工作计划\n为深入落实双减政策，进一步提升课后服务质量，结合我区实际，制定本计划。\n一）提升作业设计质量\n各校要建立作业统筹管理机制，严格控制书面作业总量，提高作业设计水平。\n（来源：某市日报）";
        let got = kinds_of(text);
        let kinds: Vec<(&str, u8)> = got.iter().map(|k| (k.1, k.2)).collect();
        assert_eq!(kinds, [("noise", 0), ("title", 0), ("paragraph", 0), ("heading", 2), ("paragraph", 0), ("noise", 0)], "{got:?}");
    }

    #[test]
    fn titles_listed_under_a_related_articles_header_are_noise_up_to_the_next_gap() {
        let text = "某镇安全生产工作总结 篇一\n今年以来，某镇扎实开展安全生产隐患排查整治，共排查企业52家。\n猜你喜欢\n企业安全生产月活动总结（精选8篇）\n乡镇消防安全工作汇报材料\n\n某镇安全生产工作总结 篇二\n今年以来，某镇以创建平安乡镇为抓手，全面压实安全生产责任。";
        let got = kinds_of(text);
        let kinds: Vec<&str> = got.iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "noise", "noise", "noise", "title", "paragraph"]);
    }

    #[test]
    fn a_short_numbered_phrase_over_its_own_paragraph_is_a_heading_after_a_bodied_sibling() {
        let text = "个人述职报告\n二、聚焦主责主业，推动平安建设\n（一）扎实开展矛盾纠纷排查化解。坚持和发展新时代枫桥经验，全年排查化解矛盾纠纷126起。\n（二）强化社会治安防控。\n牵头推进雪亮工程向村组延伸，在主要路口、学校周边新增高清探头46个。";
        let got = kinds_of(text);
        assert_eq!((got[3].1, got[3].2), ("heading", 2), "{got:?}");
    }

    #[test]
    fn attachment_names_a_contact_line_and_a_name_over_the_date_are_no_headings_or_chrome() {
        let text = "关于开展燃气安全专项整治的通知\n各乡镇人民政府，县直各单位：\n请各单位按照要求认真组织开展燃气安全隐患排查整治工作。\n联系人：县应急管理局　陈志华，联系电话：0745-6228157，电子邮箱：ajb@163.com\n附件：1.燃气安全隐患排查清单\n2.燃气安全专项整治进展统计表\n某县安全生产委员会办公室\n2024年9月30日\n抄送：县委办公室，县政府办公室。\n某县安全生产委员会办公室　　2024年9月30日印发";
        let kinds: Vec<&str> = kinds_of(text).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph", "signoff", "signoff", "paragraph", "paragraph"]);
        let report = "个人述职报告\n新的一年，我将进一步加强学习，提高履职能力。\n以上述职，请予评议。\n周志刚\n2025年1月10日";
        let kinds: Vec<&str> = kinds_of(report).iter().map(|k| k.1).collect();
        assert_eq!(kinds, ["title", "paragraph", "paragraph", "signoff", "signoff"]);
    }
}
