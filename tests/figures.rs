//! Key figures and entities: each pattern class and each exclusion on sentences written for
//! these tests, then figure recall and precision on the shared labelled sample.
#![cfg(not(target_arch = "wasm32"))]

use report_analyzer::figures::{dates, figures, organizations, people, FigureSpan};
use serde_json::Value;

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn figure_spans(s: &str) -> Vec<(String, FigureSpan)> {
    let c = chars(s);
    figures(&c, 0, c.len()).into_iter().map(|f| (c[f.start..f.end].iter().collect(), f)).collect()
}

fn figure_texts(s: &str) -> Vec<String> {
    figure_spans(s).into_iter().map(|(t, _)| t).collect()
}

fn one_figure(s: &str) -> FigureSpan {
    let found = figure_spans(s);
    assert_eq!(found.len(), 1, "{s}: {found:?}");
    found.into_iter().next().unwrap().1
}

#[test]
fn tenths_in_chinese_numerals_count_beside_an_approximator_or_a_share_word() {
    assert_eq!(figure_texts("三类案件合计占比超过七成，近三成群众，占比达六成以上"), ["超过七成", "近三成", "六成以上"]);
    assert!(figure_texts("工作方法一成不变，八成是忘了").is_empty());
}

#[test]
fn a_counted_thing_named_like_a_slogan_still_counts() {
    assert_eq!(figure_texts("各村建设1座一体化污水处理设施，采购3台一体机"), ["1座", "3台"]);
    assert!(figure_texts("统筹推进五位一体总体布局").is_empty());
}

#[test]
fn lifts_count_in_arabic_digits() {
    assert_eq!(figure_texts("全年加装电梯签约27部、建成投用9部"), ["27部", "9部"]);
    assert!(figure_texts("这是其中一部分工作").is_empty());
}

#[test]
fn couples_count_but_a_year_before_the_preposition_does_not() {
    assert_eq!(figure_texts("全年办理结婚登记1874对，离婚登记312对"), ["1874对", "312对"]);
    assert!(figure_texts("2024对我们来说是关键之年").is_empty());
}

#[test]
fn arabic_numbers_with_counters_and_units() {
    assert_eq!(
        figure_texts("全年走访困难群众128户，发放慰问金3.6万元，整改隐患1,024处，覆盖1，200名学生。"),
        ["128户", "3.6万元", "1,024处", "1，200名"]
    );
    let f = one_figure("发放宣传册1，200份");
    assert_eq!((f.value, f.unit.as_str(), f.approx), (1200.0, "份", false));
    assert_eq!(figure_texts("治理面积12.5公顷、复垦46亩、绿化3200平方米，清运淤泥85吨、药品6.5公斤"), [
        "12.5公顷", "46亩", "3200平方米", "85吨", "6.5公斤"
    ]);
    assert_eq!(figure_texts("开展夜查行动17场次，抽检食品230批次，处置警情3起"), ["17场次", "230批次", "3起"]);
}

#[test]
fn chinese_numerals_and_mixed_magnitudes() {
    let f = one_figure("选派一百二十人驻村");
    assert_eq!((f.value, f.unit.as_str()), (120.0, "人"));
    let f = one_figure("印发资料三千余份");
    assert_eq!((f.value, f.approx), (3000.0, true));
    let f = one_figure("筹集资金两万元");
    assert_eq!((f.value, f.unit.as_str()), (20000.0, "元"));
    let f = one_figure("惠及群众1.2万人");
    assert_eq!((f.value, f.unit.as_str()), (12000.0, "人"));
    let f = one_figure("总投资3亿元");
    assert_eq!((f.value, f.unit.as_str()), (3e8, "元"));
    assert_eq!(figure_texts("组织二十多名志愿者和十几个单位，化解积案十余件"), ["二十多名", "十几个", "十余件"]);
    let f = one_figure("罚没款一千二百万元");
    assert_eq!((f.value, f.unit.as_str()), (1.2e7, "元"));
}

#[test]
fn approximators_are_part_of_the_figure() {
    for (text, figure) in [
        ("约50人参加", "约50人"),
        ("近千人观看", "近千人"),
        ("吸引上百人次", "上百人次"),
        ("惠及数千户", "数千户"),
        ("组织几十个社团", "几十个"),
        ("到会100人左右。", "100人左右"),
        ("参训300人以上。", "300人以上"),
        ("清运垃圾100余车", "100余车"),
        // A bound is no exact figure either; 不超过 is not read as 超过.
        ("建设面积不少于2000平方米", "不少于2000平方米"),
        ("值守人员不足2人", "不足2人"),
        ("单次时长不超过60分钟", "不超过60分钟"),
    ] {
        let f = one_figure(text);
        assert!(f.approx, "{text}");
        assert_eq!(figure_texts(text), [figure]);
    }
}

#[test]
fn ranges_give_both_bounds() {
    for (text, figure, low, high) in [
        ("每周巡查3—4次", "3—4次", 3.0, 4.0),
        ("每周巡查3-4次", "3-4次", 3.0, 4.0),
        ("得分75至89分的单位", "75至89分", 75.0, 89.0),
        ("用时3到5天", "3到5天", 3.0, 5.0),
        ("每户补助2至3万元", "2至3万元", 20000.0, 30000.0),
        ("降低10%—15%", "10%—15%", 10.0, 15.0),
    ] {
        let f = one_figure(text);
        assert_eq!(figure_texts(text), [figure]);
        assert_eq!((f.value, f.value_max), (low, Some(high)), "{text}");
    }
}

#[test]
fn percentages_and_percentage_points() {
    assert_eq!(figure_texts("合格率98.5%，知晓率达百分之九十，同比提高2.5个百分点，较上年增长12％"), [
        "98.5%", "百分之九十", "2.5个百分点", "12％"
    ]);
    let f = one_figure("知晓率达百分之九十");
    assert_eq!((f.value, f.unit.as_str()), (90.0, "%"));
    let f = one_figure("合格率为百分之九十五点五。");
    assert_eq!((f.value, f.unit.as_str()), (95.5, "%"));
    assert_eq!(figure_texts("PM2.5平均浓度为35微克/立方米"), ["35微克/立方米"]);
}

#[test]
fn dates_times_codes_and_ordinals_are_not_figures() {
    assert!(figure_texts("2014年7月20日上午9时30分，在3楼会议室").is_empty());
    assert!(figure_texts("1—6月，2021—2023年，14:30，“十四五”时期").is_empty());
    assert!(figure_texts("11月25日召开，20xx年计划，2023-12-14印发").is_empty());
    assert!(figure_texts("联系电话：0371-62345678，文号：襄政〔2023〕17号、第3号").is_empty());
    assert!(figure_texts("荣获第2名，第十届运动会，全县排名前三位").is_empty());
    assert!(figure_texts("按3:3:4的比例分配，权重30%：70%").is_empty());
}

#[test]
fn rhetoric_and_prose_counts_are_not_figures() {
    assert!(figure_texts("会议提出三点要求，要从12个关键词入手，做到三个到位、两个维护").is_empty());
    assert!(figure_texts("做好以下四项工作：一是……二是……").is_empty());
    assert!(figure_texts("从四个方面部署，抓住预防、戒治三个重要环节，落实“四支力量”").is_empty());
    assert!(figure_texts("这是一项重要工作，每月检查一次，举办了几场活动，上半年工作").is_empty());
    assert!(figure_texts("新签约亿元以上项目，最近几天").is_empty());
    assert_eq!(figure_texts("开展为期一个月的整治"), ["一个月"]);
    assert!(figure_texts("走进千家万户，三番五次上门，推行“六个一”标准，严守八项规定").is_empty());
    assert!(figure_texts("划定二类单位，落实门前三包，加强三轮车管理，十分重要").is_empty());
    // The same counters with a statistic are kept.
    assert_eq!(figure_texts("分成五个检查小组，出台3项规定"), ["五个", "3项"]);
}

#[test]
fn compound_and_bracketed_units_are_whole() {
    // 个 before a unit or a time noun, a bracketed alternative unit, less common units.
    assert_eq!(figure_texts("抽检蔬菜12个批次，连续值守6个夜晚，培训3个小时"), ["12个批次", "6个夜晚", "3个小时"]);
    assert_eq!(figure_texts("采购办公设备56台（套），维修桌椅20张(把)"), ["56台（套）", "20张(把)"]);
    let f = one_figure("出栏肉鸭2.6万羽");
    assert_eq!((f.value, f.unit.as_str()), (26000.0, "羽"));
    assert_eq!(figure_texts("整理访谈记录1.5万字，开设不少于6类选修课程"), ["1.5万字", "不少于6类"]);
    // After Chinese numerals 字 and 类 stay slogans and classes.
    assert!(figure_texts("落实八字方针，整治三类场所").is_empty());
}

#[test]
fn list_counts_and_session_numbers_are_not_figures() {
    // A plenary session's number is an ordinal, not a count.
    assert!(figure_texts("学习市委八届五次全会精神").is_empty());
    // A small Chinese count that restates a list just named, or announces one.
    assert!(figure_texts("围绕控辍保学、营养改善和校园安全三项任务").is_empty());
    assert!(figure_texts("东坪、南庄两个自然村尚未通气").is_empty());
    assert!(figure_texts("活动分为三个阶段：第一阶段为动员").is_empty());
    // Arabic counts of concrete things after 以下 are statistics; abstract ones announce a list.
    assert_eq!(figure_texts("对以下7家企业责令整改"), ["7家"]);
    assert!(figure_texts("重点做好以下3项工作").is_empty());
    // 方面 after Arabic digits counts problems; after Chinese numerals it announces a list.
    assert_eq!(figure_texts("审计指出4个方面9个问题"), ["4个方面", "9个"]);
    assert!(figure_texts("重点抓好三个方面：").is_empty());
    // Web-page chrome: the size of a compilation of model texts.
    assert!(figure_texts("年度述职报告（通用6篇）").is_empty());
    // Years in full-width digits are dates.
    assert!(figure_texts("２０２３年工作，２０２３年８月１日").is_empty());
    // A count after a list with more than ten, or with a statistic of its own, stays.
    assert_eq!(figure_texts("组织党员、志愿者三十余人"), ["三十余人"]);
}

#[test]
fn dose_and_body_counters_are_units() {
    let f = one_figure("全街道累计接种流感疫苗3.2万剂次");
    assert_eq!((f.value, f.unit.as_str()), (32000.0, "剂次"));
    assert_eq!(figure_texts("清理过期灭火器5具，补发药品12剂"), ["5具", "12剂"]);
}

#[test]
fn durations_after_continuity_words() {
    // 年 follows Chinese numerals only after 连续/为期/长达/历时.
    let f = one_figure("该村连续五年保持零发案");
    assert_eq!((f.value, f.unit.as_str()), (5.0, "年"));
    assert_eq!(figure_texts("开展为期两年的专项整治"), ["两年"]);
    assert!(figure_texts("落实五年规划，回顾一年来的工作").is_empty());
}

#[test]
fn phases_stages_and_size_classes_are_not_figures() {
    // A phase of a site or project is a name; sessions held are a count.
    assert!(figure_texts("物流园三期主体结构封顶，启动四期工程").is_empty());
    assert_eq!(figure_texts("街道共举办了二期业务骨干培训班"), ["二期"]);
    // How a task is staged is no statistic; groups formed and Arabic batches are.
    assert_eq!(figure_texts("对照清单，分两批组织验收，整改点位23处"), ["23处"]);
    assert!(figure_texts("工作分三步推进").is_empty());
    assert_eq!(figure_texts("抽调人员分成四个督导小组"), ["四个"]);
    assert_eq!(figure_texts("分3批次抽检样品"), ["3批次"]);
    // A bare magnitude of money naming a size class; the count of such firms is the figure.
    assert_eq!(figure_texts("新引进投资超亿元的企业2家"), ["2家"]);
    assert_eq!(figure_texts("培育千万元级企业3家"), ["3家"]);
}

fn entity_texts(found: Vec<report_analyzer::figures::EntitySpan>, s: &str) -> Vec<(String, String)> {
    let c = chars(s);
    found.into_iter().map(|e| (c[e.start..e.end].iter().collect(), e.detail)).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn dates_are_found_and_normalised() {
    let s = "2014年7月20日，11月25日上午，二〇二三年十月，2023-12-14，20xx年，3月份";
    let c = chars(s);
    assert_eq!(
        entity_texts(dates(&c, 0, c.len()), s),
        pairs(&[
            ("2014年7月20日", "2014-07-20"),
            ("11月25日上午", "--11-25"),
            ("二〇二三年十月", "2023-10"),
            ("2023-12-14", "2023-12-14"),
            ("20xx年", "20xx"),
            ("3月份", "--03"),
        ])
    );
    let s = "近3个月，一月一次，5个工作日";
    let c = chars(s);
    assert!(dates(&c, 0, c.len()).is_empty());
}

/// The people of `s`, each as (text, detail).
fn people_of(s: &str) -> Vec<(String, String)> {
    let c = chars(s);
    entity_texts(people(&c, 0, c.len()), s)
}

#[test]
fn people_are_named_with_their_titles() {
    let s = "县委常委、常务副县长周毅主持会议，社区党委书记金萍同志讲话，孙书记强调，县长黎作凤出席。";
    assert_eq!(
        people_of(s),
        pairs(&[
            ("县委常委、常务副县长周毅", "县委常委、常务副县长"),
            ("社区党委书记金萍同志", "社区党委书记"),
            ("孙书记", "书记"),
            ("县长黎作凤", "县长"),
        ])
    );
    // A byline's title and name apart by spaces; a name right after its organisation.
    assert_eq!(
        people_of("述职人：李建华\n副镇长　李建华\n县委赵书记讲话"),
        pairs(&[("李建华", "述职人"), ("副镇长　李建华", "副镇长"), ("赵书记", "书记")])
    );
    assert_eq!(people_of("会议由钟雪莲主任主持。"), pairs(&[("钟雪莲主任", "主任")]));
    // A title followed by a verb or an ordinary word names nobody.
    assert_eq!(people_of("书记高度重视，主任强调，党委书记要求，纪委书记指出"), pairs(&[]));
}

#[test]
fn people_under_a_field_label_are_named_without_a_title() {
    let s = "主持：县委副书记李明\n记录：县政府办公室张倩\n联系人：王芳，联系电话：0731-1234567\n会议记录：见附件\n出席：刘振华　张建军、王丽娟";
    let expected = [("县委副书记李明", "县委副书记"), ("县政府办公室张倩", "记录"), ("王芳", "联系人"), ("刘振华", "出席"), ("张建军", "出席"), ("王丽娟", "出席")];
    assert_eq!(people_of(s), pairs(&expected));
    // The label must be followed by a lone name: 负责人：各乡镇…, 参加：全体干部 name nobody.
    assert_eq!(people_of("负责人：各乡镇主要领导\n参加：全体干部"), pairs(&[]));
}

#[test]
fn organisations_start_at_their_place() {
    let s = "市创卫办牵头，县委组织部、襄城县中医院、县城管大队和市食品药品监督管理局参加，城中社区居委会承办。";
    let c = chars(s);
    let found: Vec<String> = organizations(&c, 0, c.len()).into_iter().map(|o| c[o.start..o.end].iter().collect()).collect();
    assert_eq!(found, ["市创卫办", "县委组织部", "襄城县中医院", "县城管大队", "市食品药品监督管理局", "城中社区居委会"]);
    let s = "按照区委部署，广大社区干部形成新格局，局面复杂，要办理";
    let c = chars(s);
    let found: Vec<String> = organizations(&c, 0, c.len()).into_iter().map(|o| c[o.start..o.end].iter().collect()).collect();
    assert_eq!(found, ["区委"]);
    // A province or big city opens a company's name; a verb before it is not part of it.
    let s = "下一步县生态环境分局将会同县委督查室，镇党委、镇政府引进浙江绿源农业科技有限公司，县政府同杭州海康威视数字技术股份有限公司签订协议，县生态环境分局、县委督查室、县安委会、县民政局参加，县委第三巡察组进驻，社区成立健康教育工作领导小组。";
    let c = chars(s);
    let found: Vec<String> = organizations(&c, 0, c.len()).into_iter().map(|o| c[o.start..o.end].iter().collect()).collect();
    assert_eq!(found, ["县生态环境分局", "县委督查室", "镇党委", "镇政府", "浙江绿源农业科技有限公司", "县政府", "杭州海康威视数字技术股份有限公司", "县生态环境分局", "县委督查室", "县安委会", "县民政局", "县委第三巡察组"]);
}

// ----------------------------------------------------------------------------- shared sample

const SAMPLE: &str = "../shared/samples/community-sanitation-reports.txt";
const SAMPLE_GOLD: &str = "../shared/samples/community-sanitation-reports.gold.jsonl";

fn normalise(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// score.py's test: the gold figure occurs in the predicted text, not right after a digit, '.' or ','.
fn found_in(gold: &str, predicted: &str) -> bool {
    let (g, p): (Vec<char>, Vec<char>) = (normalise(gold).chars().collect(), normalise(predicted).chars().collect());
    !g.is_empty()
        && g.len() <= p.len()
        && (0..=p.len() - g.len())
            .any(|i| p[i..i + g.len()] == g[..] && (i == 0 || !(p[i - 1].is_numeric() || matches!(p[i - 1], '.' | ','))))
}

#[test]
fn shared_sample_figure_recall_and_precision() {
    let text = std::fs::read_to_string(SAMPLE).expect("the shared sample, read in place");
    let gold = std::fs::read_to_string(SAMPLE_GOLD).expect("the shared sample's gold labels");
    let analysis = report_analyzer::analyze(&text, &Default::default(), &|| 0.0).expect("analysis");

    // Char index of each UTF-16 offset, and the raw span of each line, as score.py has them.
    let mut char_of_utf16 = Vec::new();
    for (i, c) in text.chars().enumerate() {
        char_of_utf16.extend(std::iter::repeat_n(i, c.len_utf16()));
    }
    char_of_utf16.push(text.chars().count());
    let mut line_spans = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let body = raw.strip_suffix('\r').unwrap_or(raw);
        line_spans.push((pos, pos + body.chars().count()));
        pos += raw.chars().count() + 1;
    }

    let records: Vec<Value> = gold.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut used = vec![false; analysis.documents.len()];
    let (mut recalls, mut predicted, mut correct) = (Vec::new(), 0usize, 0usize);
    for doc in records.iter().filter(|r| r["type"] == "doc") {
        let title = line_spans[doc["title_line"].as_u64().unwrap() as usize - 1];
        let matched = analysis.documents.iter().enumerate().find(|(k, d)| {
            let first = d.blocks.iter().find(|b| b.kind != "noise").map_or(d.start, |b| b.start);
            let at = char_of_utf16[first as usize];
            !used[*k] && title.0 <= at && at < title.1
        });
        let Some((k, pred)) = matched else { continue };
        used[k] = true;
        let gold_figures: Vec<&str> = doc["figures"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
        let texts: Vec<&str> = pred.figures.iter().map(|f| f.text.as_str()).collect();
        if !gold_figures.is_empty() {
            let found = gold_figures.iter().filter(|g| texts.iter().any(|p| found_in(g, p))).count();
            recalls.push(found as f64 / gold_figures.len() as f64);
        }
        predicted += texts.len();
        correct += texts.iter().filter(|p| gold_figures.iter().any(|g| found_in(g, p))).count();
    }
    assert!(!recalls.is_empty(), "no gold document with figures was matched");
    let recall = recalls.iter().sum::<f64>() / recalls.len() as f64;
    let precision = correct as f64 / predicted.max(1) as f64;
    assert!(recall >= 0.95, "figure recall {recall:.3} < 0.95");
    assert!(precision >= 0.90, "figure precision {precision:.3} < 0.90");
}

// ----------------------------------------------------------------------------- any input

mod any_input {
    use super::*;
    use proptest::prelude::*;

    /// Chars the readers react to, so random strings hit their edges.
    const POOL: &[char] = &[
        '0', '1', '2', '9', '０', '.', '．', ',', '，', '%', '％', '—', '-', '至', '到', '~', ':', '：', '“', '”', '一', '二',
        '两', '十', '百', '千', '万', '亿', '几', '数', '点', '零', '〇', '余', '多', '近', '约', '上', '左', '右', '以',
        '年', '月', '日', '号', '时', '分', '个', '人', '次', '元', '第', '县', '市', '社', '区', '委', '局', '办', '所',
        '书', '记', '主', '任', '长', '王', '金', '萍', '同', '志', '、', '。', 'x', 'A', ' ', '\n',
    ];

    proptest! {
        #[test]
        fn spans_stay_inside_the_range(picks in proptest::collection::vec(0..POOL.len(), 0..40), cut in 0usize..40, len in 0usize..40) {
            let c: Vec<char> = picks.iter().map(|&k| POOL[k]).collect();
            let start = cut.min(c.len());
            let end = (start + len).min(c.len());
            for f in figures(&c, start, end) {
                prop_assert!(start <= f.start && f.start < f.end && f.end <= end);
                prop_assert!(f.value.is_finite() && f.value_max.is_none_or(|m| m >= f.value));
            }
            for e in dates(&c, start, end).into_iter().chain(people(&c, start, end)).chain(organizations(&c, start, end)) {
                prop_assert!(start <= e.start && e.start < e.end && e.end <= end);
            }
        }
    }
}
