//! Sentence rules the taxonomy states outright and the labelled texts hold too few examples of
//! for the model to learn: a general statement is `other`; a sentence naming a shortcoming is
//! `problem`, and one reporting an outcome is `result` rather than `measure` or `overview`,
//! since the taxonomy prefers the more specific category when two fit.

use super::SentenceContext;
use crate::structure::Kind;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

const GENERAL_STATEMENT_HEADS: &str = include_str!("../../data/general-statements.txt");
const SHORTCOMING_WORDS: &str = include_str!("../../data/shortcoming-words.txt");
const REMEDY_WORDS: &str = include_str!("../../data/remedy-words.txt");
const OUTCOME_WORDS: &str = include_str!("../../data/outcome-words.txt");
const IMPROVEMENT_WORDS: &str = include_str!("../../data/improvement-words.txt");

/// What ends a clause, in width-folded text (，→ , but 。 stays) and as typed.
const CLAUSE_ENDS: [char; 11] = [',', ';', ':', '。', '，', '；', '：', '!', '?', '！', '？'];

/// A word list and one automaton that finds its words in a single pass.
struct WordTable {
    words: Vec<&'static str>,
    automaton: AhoCorasick,
}

impl WordTable {
    fn new(table: &'static str) -> WordTable {
        let words: Vec<&str> = crate::text::table_lines(table).collect();
        WordTable { automaton: AhoCorasick::new(&words).expect("a word list builds an automaton"), words }
    }
}

/// "X是Y的基础/保障/重要内容…" in a short paragraph sentence: what a thing is or means
/// (data/general-statements.txt). Not an enumeration (一是…), not "still is" (仍是, a problem's
/// wording), not someone's words or demand (指出, 要, 必须), not a plan (将), not a figure.
pub fn is_general_statement(cx: &SentenceContext) -> bool {
    static HEADS: OnceLock<Vec<&'static str>> = OnceLock::new();
    // Most sentences have no 是: they cost one scan.
    if cx.block_kind != Kind::Paragraph || !cx.text.contains('是') {
        return false;
    }
    if defines_a_term(cx.text) {
        return true;
    }
    let heads = HEADS.get_or_init(|| crate::text::table_lines(GENERAL_STATEMENT_HEADS).collect());
    let chars: Vec<char> = cx.text.trim().chars().collect();
    if chars.len() > 60 || chars.iter().any(char::is_ascii_digit) {
        return false;
    }
    const VOICED: [&str; 9] = ["指出", "强调", "表示", "认为", "提出", "必须", "务必", "应当", "应该"];
    if VOICED.iter().any(|v| cx.text.contains(v)) || chars.contains(&'将') {
        return false;
    }
    if (0..chars.len()).any(|i| demand_at(&chars, i)) {
        return false;
    }
    chars.iter().enumerate().any(|(i, &c)| {
        let subject = i >= 2 && !matches!(chars[i - 1], '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '不' | '就' | '也' | '还' | '仍' | '都' | '正' | '只' | '总' | '而' | '但' | '或' | '即' | '若' | '于' | '凡');
        // The head closes the clause (…的基础。 …的重要任务，), as a noun does; 根本 in
        // 根本扭转 is an adverb.
        c == '是' && subject && {
            let rest: String = chars[i + 1..chars.len().min(i + 31)].iter().collect();
            heads.iter().any(|h| {
                rest.match_indices(h).any(|(at, _)| {
                    let after = rest[at + h.len()..].trim_start_matches("之一");
                    after.chars().next().is_none_or(|n| matches!(n, '。' | '，' | '；' | '！' | ',' | ';' | '!' | '、'))
                })
            })
        }
    })
}

/// "X是指…", "X，指的是…": a definition (taxonomy §3 counts definitions as `other`), the term
/// named within the first 20 characters.
fn defines_a_term(text: &str) -> bool {
    ["是指", "指的是"].iter().any(|head| {
        text.find(head).is_some_and(|at| {
            let term = &text[..at];
            term.chars().count() <= 20 && !term.contains(['要', '将']) && !quoted(term)
        })
    })
}

/// Whether the sentence is only a list of names (县财政局、县人民医院、…、县公安局。): at least
/// four items set apart by 、, none longer than 15 characters, and no clause break. Such a
/// list has no function of its own; it carries on what introduced it (一类单位：…).
pub fn is_name_list(text: &str) -> bool {
    let body = text.trim().trim_end_matches(['。', '；', ';', '.', '等']);
    if body.contains(CLAUSE_ENDS) {
        return false;
    }
    let mut items = 0;
    for item in body.split('、') {
        let len = item.chars().count();
        if len == 0 || len > 15 {
            return false;
        }
        items += 1;
    }
    items >= 4
}

/// The first word of data/shortcoming-words.txt that the sentence (a paragraph's or a
/// heading's) uses to name a shortcoming as it stands: not quoted, not a threshold (不高于,
/// 不足5%), and not the object of a remedy, search or denial earlier in its clause
/// (data/remedy-words.txt: 查找薄弱环节, 补齐短板, 对整改不到位的单位), nor said to be
/// shrinking later in it (data/improvement-words.txt: 收入差距继续缩小).
pub fn shortcoming_named(cx: &SentenceContext) -> Option<&'static str> {
    static SHORTCOMINGS: OnceLock<WordTable> = OnceLock::new();
    static REMEDIES: OnceLock<WordTable> = OnceLock::new();
    static IMPROVEMENTS: OnceLock<WordTable> = OnceLock::new();
    if !matches!(cx.block_kind, Kind::Paragraph | Kind::Heading) {
        return None;
    }
    let shortcomings = SHORTCOMINGS.get_or_init(|| WordTable::new(SHORTCOMING_WORDS));
    let remedies = REMEDIES.get_or_init(|| WordTable::new(REMEDY_WORDS));
    let improvements = IMPROVEMENTS.get_or_init(|| WordTable::new(IMPROVEMENT_WORDS));
    let text = cx.text;
    shortcomings.automaton.find_iter(text).find_map(|m| {
        let before = &text[..m.start()];
        let clause_start = before.rfind(CLAUSE_ENDS).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        // 相对滞后, 绝对不足: 对 there is no remedy.
        let clause = before[clause_start..].replace("相对", "").replace("绝对", "");
        // 不足5%, 不高于: a limit set, not a shortcoming (增速回落1.4个百分点 is one).
        let word = shortcomings.words[m.pattern().as_usize()];
        let rest = &text[m.end()..];
        let threshold = word.starts_with(['不', '偏'])
            && rest.chars().next().is_some_and(|c| c.is_ascii_digit() || "于一二两三四五六七八九十半百千万".contains(c));
        let improving = improvements.automaton.is_match(rest.split(CLAUSE_ENDS).next().unwrap_or(""));
        // 任务艰巨、使命光荣 · 任务艰巨，责任重大: a speech's call to action, not a shortcoming.
        let exhortation = matches!(word, "艰巨" | "繁重") && ["光荣", "责任重大", "使命"].iter().any(|w| text.contains(w));
        (!quoted(before) && !threshold && !improving && !exhortation && !remedies.automaton.is_match(&clause)).then_some(word)
    })
}

/// The first word of data/outcome-words.txt that the sentence (a paragraph's or a heading's)
/// uses, outside quotes, to report an outcome as achieved.
pub fn outcome_named(cx: &SentenceContext) -> Option<&'static str> {
    static OUTCOMES: OnceLock<WordTable> = OnceLock::new();
    if !matches!(cx.block_kind, Kind::Paragraph | Kind::Heading) {
        return None;
    }
    let outcomes = OUTCOMES.get_or_init(|| WordTable::new(OUTCOME_WORDS));
    let text = cx.text;
    outcomes.automaton.find_iter(text).find(|m| !quoted(&text[..m.start()])).map(|m| outcomes.words[m.pattern().as_usize()])
}

/// Whether the sentence opens with a demand made of others: 各单位要…, 全区各街道要…,
/// 各校务必… (taxonomy §3: a demand made of others is `directive`, the writer's own intention
/// `plan`). The addressee 各… opens the first clause and 要 (not 要求, 主要, 重要, 需要), 务必 or
/// 必须 follows it within a few characters.
pub fn demand_of_others(cx: &SentenceContext) -> bool {
    if cx.block_kind != Kind::Paragraph {
        return false;
    }
    let first_clause = cx.text.split(CLAUSE_ENDS).next().unwrap_or("");
    let chars: Vec<char> = first_clause.chars().take(24).collect();
    // At most a place or a markup mark before 各 (辖区各单位, **各村): not 我们将要求各单位.
    let Some(each) = chars.iter().take(4).position(|&c| c == '各') else {
        return false;
    };
    (each + 2..chars.len().min(each + 14)).any(|i| match chars[i] {
        '要' => demand_at(&chars, i),
        '务' => chars.get(i + 1) == Some(&'必'),
        '必' => chars.get(i + 1) == Some(&'须'),
        _ => false,
    })
}

/// Whether `chars[i]` is 要 as a demand (各部门要…), not inside 重要, 需要, 主要, 首要, 要求, 要务,
/// 要点.
fn demand_at(chars: &[char], i: usize) -> bool {
    chars[i] == '要' && !matches!(i.checked_sub(1).map(|j| chars[j]), Some('重' | '需' | '主' | '首')) && !matches!(chars.get(i + 1), Some('求' | '务' | '点'))
}

/// Whether the first clause of a paragraph sentence makes a demand (…要把项目建设作为…,
/// 县交通运输局要对…) outside a summary, with no 将 and not the writer's 我们: in the labelled
/// texts such a sentence is a directive 97 times in 100 (a task voiced in a speech, a plan or a
/// notice is a demand of others), and the model, misled by 明年 and 年内, calls some `plan`.
pub fn demand_in_first_clause(cx: &SentenceContext) -> bool {
    if cx.block_kind != Kind::Paragraph || cx.genre == "summary" {
        return false;
    }
    let first_clause = cx.text.split(CLAUSE_ENDS).next().unwrap_or("");
    if first_clause.contains('将') || first_clause.starts_with('我') {
        return false;
    }
    let chars: Vec<char> = first_clause.chars().collect();
    // 要素 is a noun; 要看到 opens a problem; 只要 a condition.
    (0..chars.len()).any(|i| {
        demand_at(&chars, i) && chars.get(i + 1) != Some(&'素') && chars.get(i + 1) != Some(&'看') && (i == 0 || chars[i - 1] != '只')
    })
}

/// Whether a paragraph sentence reports a leader's or a meeting's emphasis or demand that the
/// model put elsewhere (taxonomy §3: 强调, 指出…要 are `directive`): 指出, 强调 or 要求 ends a
/// clause (黎县长指出，…), and the model says `other` (a leader's general statement is an
/// emphasis) or a demand follows (要, 必须, 务必, 应当).
pub fn voiced_demand(cx: &SentenceContext, model_category: usize) -> bool {
    if cx.block_kind != Kind::Paragraph || model_category == super::DIRECTIVE || model_category == super::PROBLEM {
        return false;
    }
    // What follows the first 指出/强调/要求 that ends a clause.
    let words_said = ["指出", "强调", "要求"].iter().find_map(|verb| {
        let after = &cx.text[cx.text.find(verb)? + verb.len()..];
        after.starts_with([',', ':', '，', '：']).then_some(after)
    });
    let Some(said) = words_said else {
        return demand_after_speech(cx.text);
    };
    if model_category == super::OTHER {
        return true;
    }
    let chars: Vec<char> = said.chars().collect();
    (0..chars.len()).any(|i| demand_at(&chars, i)) || ["必须", "务必", "应当"].iter().any(|w| said.contains(w))
}

/// …出席开班仪式并讲话，要求参训人员学以致用: after a speech, a clause that opens with 要求 and
/// names whom it asks is the speaker's demand.
fn demand_after_speech(text: &str) -> bool {
    const SPOKE: [&str; 4] = ["讲话", "发言", "致辞", "讲评"];
    text.match_indices("要求").any(|(at, _)| {
        let (before, after) = (&text[..at], &text[at + "要求".len()..]);
        (before.ends_with([',', '，']) || before.ends_with('并'))
            && SPOKE.iter().any(|w| before.contains(w))
            && after.chars().next().is_some_and(|c| crate::text::is_cjk(c) && c != '的')
    })
}

/// Whether one of the sentence's first clauses states an organisation's own intention:
/// 县政府将把…, 区教育局将于3月上旬…, 我们将会同… (taxonomy §3: the writer's own intention is
/// `plan`, even in a leader's speech). 将 follows the subject's last word and comes before a word that
/// makes it future (将把, 将于, 将对…), not the 将 that means 把 (各地将社区戒毒工作纳入…).
pub fn own_intention(cx: &SentenceContext) -> bool {
    // 局里, 所里: how a speaker names their own office.
    const SUBJECT_ENDS: [&str; 27] = [
        "政府", "局", "委", "办", "中心", "我们", "镇", "街道", "村", "县", "市", "区", "所", "队", "部", "站", "院", "组", "处", "科",
        "室", "校", "局里", "所里", "镇里", "队里", "院里",
    ];
    const FUTURE_AFTER: [&str; 24] = [
        "要", "把", "于", "会同", "以", "牵头", "设立", "安排", "组织", "开展", "继续", "进一步", "对", "建立", "加大", "全力", "在", "逐步",
        "力争", "适时", "成立", "实行", "启动", "实施",
    ];
    if cx.block_kind != Kind::Paragraph {
        return false;
    }
    // The subject opens one of the first clauses (下一步，镇指挥部将…; 对…的学校，县教育局将…),
    // and nobody else's words come before it (会议要求，县政府将… is the meeting's demand).
    let clauses = cx.text.split(CLAUSE_ENDS).take(3);
    clauses.take_while(|clause| !["要求", "强调", "指出"].iter().any(|v| clause.contains(v))).any(|clause| {
        clause.match_indices('将').take_while(|(at, _)| clause[..*at].chars().count() <= 20).any(|(at, _)| {
            let subject = ["还", "也", "随后", "近期", "今年"].iter().fold(&clause[..at], |s, w| s.strip_suffix(w).unwrap_or(s));
            let after = &clause[at + '将'.len_utf8()..];
            SUBJECT_ENDS.iter().any(|e| subject.ends_with(e)) && FUTURE_AFTER.iter().any(|w| after.starts_with(w))
        })
    })
}

/// Whether the sentence says what the document is: 现将2025年工作计划安排如下：,
/// 现就有关事项通知如下 (taxonomy §3: what the document is, as 现总结如下, is `overview` — whatever the
/// genre around it would suggest).
pub fn introduces_the_document(cx: &SentenceContext) -> bool {
    let text = cx.text.trim().trim_end_matches([':', '。', '.', '：']);
    cx.block_kind == Kind::Paragraph
        && ["现将", "现就", "现把", "特将"].iter().any(|w| text.starts_with(w))
        && text.ends_with("如下")
        && text.chars().count() <= 40
        && !text.contains(CLAUSE_ENDS)
}

/// Whether the sentence is one of a document's own fields — its attachments or whom to
/// contact (附件：…, 联系人：…, 联系电话：…, 邮箱：…), or a notice's heading that names when and
/// where a meeting is (一、会议时间): what the document is, `overview` (as the gold labels have
/// it), not the demand or plan of the section it closes.
pub fn document_field(cx: &SentenceContext) -> bool {
    const FIELDS: [&str; 10] = ["附件", "联系人", "联系电话", "联系方式", "电话", "电子邮箱", "邮箱", "传真", "地址", "邮编"];
    // A meeting notice's headings that only name its time, place and who comes (一、会议时间).
    const LOGISTICS: [&str; 7] = ["会议时间", "会议地点", "参会人员", "参加人员", "参会范围", "报到时间", "报到地点"];
    match cx.block_kind {
        Kind::Paragraph => FIELDS.iter().any(|f| cx.text.strip_prefix(f).is_some_and(|rest| rest.trim_start().starts_with([':', '：']))),
        Kind::Heading => cx.text.chars().count() <= 12 && LOGISTICS.iter().any(|w| cx.text.contains(w)),
        _ => false,
    }
}

/// Whether the sentence sets a deadline still ahead: 5月10日前完成…, 年底前建成…,
/// 于6月底之前报送 (a task, not an outcome, though it says 完成), and reports nothing done
/// (已, 了). 与之前相比 sets none.
pub fn deadline_ahead(cx: &SentenceContext) -> bool {
    let text = cx.text;
    let deadline = text.match_indices('前').any(|(at, _)| {
        let before = &text[..at];
        ["底", "末", "底之", "日之", "号之", "月之"].iter().any(|w| before.ends_with(w))
            || before.char_indices().next_back().is_some_and(|(i, c)| matches!(c, '日' | '号' | '月') && crate::text::closes_a_date(text, i))
    });
    deadline && !text.contains('已') && !text.contains('了')
}

/// Whether a quotation is open at the end of `before`.
fn quoted(before: &str) -> bool {
    before.matches('“').count() > before.matches('”').count()
}

#[cfg(test)]
mod tests {
    use super::super::tests::paragraph_sentence;
    use super::*;

    #[test]
    fn a_named_shortcoming_or_outcome_is_found_and_a_remedied_or_quoted_one_is_not() {
        for (text, word) in [
            ("会议强调:随着新型毒品的不断变化,社区禁毒形势严峻,社区禁毒工作要积极创新。", "严峻"),
            ("但工作整体力度不大,进展很不平衡,创卫还没有形成长效机制。", "不平衡"),
            ("由于硬件设施基础薄弱,对于配套设施要进一步加大投入。", "薄弱"),
            ("个别县城卫生面貌有所滑坡。", "滑坡"),
            ("部分乡镇发展相对滞后。", "滞后"),
            ("3月份规上工业增加值增速回落1.4个百分点。", "增速回落"),
            ("收入差距较大,短期内难以缩小。", "差距"),
            ("后段任务将更艰巨、更具体。", "艰巨"),
        ] {
            assert_eq!(shortcoming_named(&paragraph_sentence(text)), Some(word), "{text}");
        }
        for text in [
            "对整改不到位、屡审屡犯的单位,严肃追责问责。",
            "各教研组要逐班逐科查找薄弱环节。",
            "加快补齐农村人居环境短板。",
            "未发生因调处不及时引发的案件。",
            "按照“整改不到位不放过”的要求逐项整改。",
            "单位能耗不高于0.5吨标准煤。",
            "更换压力不足灭火器2具。",
            "今年共开展检查12次。",
            "农村居民人均可支配收入增长6.4%,城乡收入差距继续缩小。",
            "同志们,新的一年,任务艰巨,使命光荣。",
            "做好明年经济工作,任务艰巨,责任重大。",
        ] {
            assert_eq!(shortcoming_named(&paragraph_sentence(text)), None, "{text}");
        }
        for (text, word) in [("配备垃圾箱220个,确保了环境卫生长效保洁。", Some("确保了")), ("规范夜市摊位210个,受到周边居民一致好评。", Some("好评")), ("开展“营造了什么”讨论。", None)] {
            assert_eq!(outcome_named(&paragraph_sentence(text)), word, "{text}");
        }
        for text in ["辖区各单位、各居民大组要利用各种宣传形式,大力宣传。", "全区各街道要在5月底前完成自查。", "**各村(社区)、各站所务必按时序推进。"] {
            assert!(demand_of_others(&paragraph_sentence(text)), "{text}");
        }
        for text in ["各乡镇党政主要负责人共90余人参加会议。", "各校开学以来共开展演练96场次。", "我们将要求各单位要落实。", "各单位按照要求开展自查。"] {
            assert!(!demand_of_others(&paragraph_sentence(text)), "{text}");
        }
        let leader = "黎县长指出,创建卫生县城是一项惠民工程,一定要常抓不懈。";
        for model in [super::super::OTHER, 1, 2] {
            assert!(voiced_demand(&paragraph_sentence(leader), model), "{leader}");
        }
        assert!(voiced_demand(&paragraph_sentence("刘杰指出,这是一项基础性工程。"), super::super::OTHER));
        assert!(!voiced_demand(&paragraph_sentence("刘杰指出,过去一年成绩来之不易。"), 2), "an achievement reviewed");
        assert!(!voiced_demand(&paragraph_sentence("会议指出的问题要整改。"), 1), "指出 not followed by its words");
        for text in ["县政府将把安全生产工作纳入年度综合考核。", "下一步,镇防汛抗旱指挥部将进一步落实汛期值班制度。", "(四)县审计局将会同县纪委监委开展整改“回头看”。", "区教育局将于3月上旬组织专项督导。", "对长期得不到解决的乱点,局里将实行挂牌督办。", "学校将成立家长学校。"] {
            assert!(own_intention(&paragraph_sentence(text)), "{text}");
        }
        for text in ["各地党委政府将社区戒毒工作纳入平安建设。", "会议要求,县政府将把此事办好。", "将把学校安全纳入考核。"] {
            assert!(!own_intention(&paragraph_sentence(text)), "{text}");
        }
        for text in ["学生欺凌,指的是发生在学生之间,一方故意借助肢体、言语或网络等手段反复欺压另一方,使其身体、财物或心理受到伤害的行为。", "“四不两直”是指不发通知、不打招呼、不听汇报、不用陪同接待,直奔基层、直插现场。"] {
            assert!(is_general_statement(&paragraph_sentence(text)), "{text}");
        }
        assert!(!is_general_statement(&paragraph_sentence("会议要求各单位按照上级指示,于月底前完成整改,是指导今后工作的依据。")));
        let mut task = paragraph_sentence("要把项目建设作为稳增长的第一抓手,确保明年新开工项目60个以上。");
        task.genre = "speech";
        assert!(demand_in_first_clause(&task));
        for text in ["县教育局将要求各校于月底前完成。", "我们要继续做好明年的工作。", "三是强化要素保障。", "同时也要看到,部分企业经营困难。"] {
            let mut s = paragraph_sentence(text);
            s.genre = "speech";
            assert!(!demand_in_first_clause(&s), "{text}");
        }
        task.genre = "summary";
        assert!(!demand_in_first_clause(&task), "a summary's 要 is its own plan");
        for text in ["县财政局、县人民医院、县教育局、县民政局、文星镇江东社区。", "长元人造板有限公司、海事处、石油公司、图书馆等"] {
            assert!(is_name_list(text), "{text}");
        }
        for text in ["县财政局、县人民医院、县教育局。", "检查了县财政局、县人民医院、县教育局、县民政局,均合格。", "清理卫生死角、清洗乱张贴乱涂画的墙壁和电线杆上的小广告、整治占道经营、拆除违章搭建的雨棚。"] {
            assert!(!is_name_list(text), "{text}");
        }
        for text in ["附件:参会回执", "联系人:周小燕", "联系电话:0371-62345678", "邮箱: a@163.com"] {
            assert!(document_field(&paragraph_sentence(text)), "{text}");
        }
        assert!(!document_field(&paragraph_sentence("附件中的表格要认真填写。")));
        let mut heading = paragraph_sentence("二、会议地点");
        heading.block_kind = Kind::Heading;
        assert!(document_field(&heading));
        for text in ["镇党委书记陈立军出席开班仪式并讲话,要求参训人员学以致用,争当致富带头人。", "副县长王明出席会议并讲话,要求各乡镇切实扛起属地责任。"] {
            assert!(voiced_demand(&paragraph_sentence(text), super::super::OVERVIEW), "{text}");
        }
        for text in ["按照上级要求,我们开展了排查。", "他在讲话中提出了要求的三个方面。"] {
            assert!(!voiced_demand(&paragraph_sentence(text), super::super::MEASURE), "{text}");
        }
        for text in ["现将2025年工作计划安排如下:", "现就有关事项通知如下。", "现将有关情况通报如下"] {
            assert!(introduces_the_document(&paragraph_sentence(text)), "{text}");
        }
        for text in ["现将检查中发现的问题通报如下,请各单位对照整改,于月底前报送整改情况。", "具体安排如下:", "现将上半年工作开展情况总结。"] {
            assert!(!introduces_the_document(&paragraph_sentence(text)), "{text}");
        }
        for text in ["一、5月10日前完成全镇水库、山塘隐患排查。", "年底前建成农村公路30公里。", "各校于月底前完成自查。", "五月十日前报送材料。", "于6月底之前完成验收。"] {
            assert!(deadline_ahead(&paragraph_sentence(text)), "{text}");
        }
        for text in ["6月30日前已完成12个行政村的治理任务。", "日前,县政府完成了全部整改。", "提前完成全年任务。", "目前已建成农村公路30公里。", "与之前相比,群众满意度明显提升。"] {
            assert!(!deadline_ahead(&paragraph_sentence(text)), "{text}");
        }
        let mut title = paragraph_sentence("关于补齐短板的报告");
        title.block_kind = Kind::Title;
        assert_eq!(shortcoming_named(&title), None, "a title is overview");
    }
}
