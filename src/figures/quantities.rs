//! Figures: a number with its unit or counter word (970人次, 80多万元, 近千人, 75—89分,
//! 百分之九十), without dates, times, ordinals, codes and rhetoric (三个到位, 12个关键词).

use super::numbers::{arabic_digit, is_chinese_numeral, magnitude, number_at, Number, Script};
use super::table::Words;
use super::{dates, FigureSpan};
use std::sync::OnceLock;

const UNITS: &str = include_str!("../../data/units.txt");
const APPROXIMATORS: &str = include_str!("../../data/approximators.txt");
const EXCLUSIONS: &str = include_str!("../../data/figure-exclusions.txt");

struct Tables {
    units_any: Words,
    units_arabic: Words,
    counted_nouns: Words,
    units_counting_one: Words,
    approx_before: Words,
    approx_before_magnitude: Words,
    approx_after_number: Words,
    approx_after_unit: Words,
    rhetoric: Words,
    rhetoric_chinese: Words,
    /// Things counted whose names begin like rhetoric (1座一体化设施 is no 五位一体).
    counted_compounds: Words,
    rhetoric_before: Words,
    abstract_counters: Words,
    chrome_before: Words,
    modifiers: Words,
    idioms: Words,
    ordinal_before: Words,
    durations: Words,
    duration_before: Words,
    phase_before: Words,
    phase_after: Words,
    manner_before: Words,
    manner_counters: Words,
    size_class_after: Words,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        units_any: Words::section(UNITS, "any"),
        units_arabic: Words::new(super::table::section(UNITS, "any").chain(super::table::section(UNITS, "arabic"))),
        counted_nouns: Words::section(UNITS, "nouns"),
        units_counting_one: Words::section(UNITS, "one"),
        approx_before: Words::section(APPROXIMATORS, "before"),
        approx_before_magnitude: Words::section(APPROXIMATORS, "before-magnitude"),
        approx_after_number: Words::section(APPROXIMATORS, "after-number"),
        approx_after_unit: Words::section(APPROXIMATORS, "after-unit"),
        rhetoric: Words::section(EXCLUSIONS, "rhetoric"),
        rhetoric_chinese: Words::section(EXCLUSIONS, "rhetoric-chinese"),
        counted_compounds: Words::section(EXCLUSIONS, "counted-compounds"),
        rhetoric_before: Words::section(EXCLUSIONS, "rhetoric-before"),
        abstract_counters: Words::section(EXCLUSIONS, "abstract-counters"),
        chrome_before: Words::section(EXCLUSIONS, "chrome-before"),
        modifiers: Words::section(EXCLUSIONS, "modifiers"),
        idioms: Words::section(EXCLUSIONS, "idioms"),
        ordinal_before: Words::section(EXCLUSIONS, "ordinal-before"),
        durations: Words::section(UNITS, "duration"),
        duration_before: Words::section(UNITS, "duration-before"),
        phase_before: Words::section(EXCLUSIONS, "phase-before"),
        phase_after: Words::section(EXCLUSIONS, "phase-after"),
        manner_before: Words::section(EXCLUSIONS, "manner-before"),
        manner_counters: Words::section(EXCLUSIONS, "manner-counters"),
        size_class_after: Words::section(EXCLUSIONS, "size-class-after"),
    })
}

const RANGE_MARKS: [char; 8] = ['—', '–', '-', '－', '~', '～', '至', '到'];
const PERCENT_WORD: [char; 3] = ['百', '分', '之'];

/// Figures in `chars[start..end]`.
pub fn figures(chars: &[char], start: usize, end: usize) -> Vec<FigureSpan> {
    figures_beside_dates(chars, start, end, &dates::date_spans(chars, start, end))
}

/// `figures`, given the block's `date_spans` (found once for both dates and figures).
pub fn figures_beside_dates(chars: &[char], start: usize, end: usize, dates: &[(usize, usize)]) -> Vec<FigureSpan> {
    let blocked = blocked_spans(chars, start, end, dates);
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if let Some(block_end) = blocked.iter().find(|b| b.0 == i).map(|b| b.1) {
            i = block_end;
            continue;
        }
        if !starts_number(chars, i, start, end) {
            i += 1;
            continue;
        }
        match figure_at(chars, i, start, end) {
            Some(f) if !blocked.iter().any(|b| b.0 < f.end && f.start < b.1) && !excluded(chars, &f, start, end) => {
                i = f.end;
                out.push(f);
            }
            _ => i = skip_number(chars, i, end),
        }
    }
    out
}

/// Dates, clock times and set phrases: no figure may overlap them.
fn blocked_spans(chars: &[char], start: usize, end: usize, dates: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut spans = dates::date_and_time_spans(dates, chars, start, end);
    let idioms = &tables().idioms;
    let mut i = start;
    while i < end {
        match idioms.at(chars, i, end) {
            Some(len) => {
                spans.push((i, i + len));
                i += len;
            }
            None => i += 1,
        }
    }
    spans.sort();
    spans
}

fn is_digit_like(c: char) -> bool {
    arabic_digit(c).is_some() || matches!(c, '.' | '．' | ',' | '，')
}

/// A number starts here: not inside another number, a code (PM2.5, G20) or a numeral word.
fn starts_number(chars: &[char], i: usize, start: usize, end: usize) -> bool {
    let prev = (i > start).then(|| chars[i - 1]);
    if arabic_digit(chars[i]).is_some() {
        return !prev.is_some_and(|p| arabic_digit(p).is_some() || matches!(p, '.' | '．') || p.is_ascii_alphabetic());
    }
    if chars[..end].get(i..i + 3) == Some(&PERCENT_WORD[..]) {
        return true;
    }
    let numeral = is_chinese_numeral(chars[i]) || (chars[i] == '数' && i + 1 < end && magnitude(chars[i + 1]).is_some());
    numeral && !prev.is_some_and(is_chinese_numeral)
}

fn skip_number(chars: &[char], i: usize, end: usize) -> usize {
    let mut j = i + 1;
    let arabic = arabic_digit(chars[i]).is_some();
    while j < end && (if arabic { is_digit_like(chars[j]) } else { is_chinese_numeral(chars[j]) }) {
        j += 1;
    }
    j
}

/// A quantity read from `i`: [approx] number [余/多] [万/亿] [range] unit [左右/以上].
struct Reading {
    number: Number,
    value: f64,
    value_max: Option<f64>,
    /// The magnitude words after the digits (80多万 → 1e4), 1 if none.
    scale: f64,
    approx: bool,
    end: usize,
}

/// The number at `j` with what may follow it before the unit: 余/多, then 万/亿/千/百.
fn read_number(chars: &[char], j: usize, end: usize) -> Option<Reading> {
    let number = number_at(chars, j, end)?;
    let t = tables();
    let mut k = number.end;
    let mut approx = number.vague;
    let mut value = number.value;
    if let Some(len) = t.approx_after_number.at(chars, k, end) {
        approx = true;
        k += len;
    }
    let mut scale = 1.0;
    while k < end {
        match magnitude(chars[k]) {
            Some(m) if m >= 100.0 && (number.script == Script::Arabic || k > number.end) => {
                scale *= m;
                k += 1;
            }
            _ => break,
        }
    }
    value *= scale;
    if scale > 1.0 {
        if let Some(len) = t.approx_after_number.at(chars, k, end) {
            approx = true;
            k += len;
        }
    }
    let value_max = number.value_max.map(|m| m * scale);
    Some(Reading { value, value_max, scale, approx, end: k, number })
}

fn unit_at(chars: &[char], k: usize, end: usize, script: Script) -> Option<usize> {
    let t = tables();
    match script {
        Script::Chinese => t.units_any.at(chars, k, end),
        Script::Arabic => t.units_arabic.at(chars, k, end).max(t.counted_nouns.at(chars, k, end)),
    }
}

fn figure_at(chars: &[char], i: usize, start: usize, end: usize) -> Option<FigureSpan> {
    let t = tables();
    let percent_word = chars[..end].get(i..i + 3) == Some(&PERCENT_WORD[..]);
    let number_start = if percent_word { i + 3 } else { i };
    if number_start >= end {
        return None;
    }
    let first = read_number(chars, number_start, end)?;
    let script = first.number.script;
    let prefix = approximator_before(chars, i, start, first.number.bare_magnitude);
    // 千人 alone is a name (千人计划); 近千人, 上万人 are figures; 百分之百 is 100%.
    if first.number.bare_magnitude && !percent_word && prefix.is_none() {
        return None;
    }
    let mut value = first.value;
    let mut value_max = first.value_max;
    let mut approx = first.approx;
    let mut k = first.end;
    let mut unit_len = if percent_word { 0 } else { unit_at(chars, k, end, script).unwrap_or(0) };
    // 连续三年, 为期两年: after a duration word, Chinese numerals take 年 as well.
    if unit_len == 0 && !percent_word && script == Script::Chinese && prefix.is_none() && t.duration_before.ending_at(chars, i, start).is_some() {
        unit_len = t.durations.at(chars, k, end).unwrap_or(0);
    }
    // 超过七成, 近三成, 六成以上, 占两成: tenths in Chinese numerals count beside an
    // approximator or a share word (一成不变 and 八成是 do not).
    if unit_len == 0 && script == Script::Chinese && k < end && chars[k] == '成' {
        let share = i > start && matches!(chars[i - 1], '占' | '达');
        if prefix.is_some() || share || t.approx_after_unit.at(chars, k + 1, end).is_some() {
            unit_len = 1;
        }
    }
    let mut unit: String = if percent_word { "%".into() } else { chars[k..k + unit_len].iter().collect() };
    // A range: 3—4次, 75至89分, 10%—20%, 3至5万元 (the magnitude of the second applies to both).
    let after_first = k + unit_len;
    if after_first < end && RANGE_MARKS.contains(&chars[after_first]) {
        let mut m = after_first + 1;
        if m < end && chars[m] == '—' {
            m += 1;
        }
        let second = (m < end && number_at(chars, m, end).is_some_and(|n| n.script == script))
            .then(|| read_number(chars, m, end))
            .flatten();
        if let Some(second) = second {
            let second_unit = unit_at(chars, second.end, end, script).unwrap_or(0);
            let second_unit_text: String = chars[second.end..second.end + second_unit].iter().collect();
            if second.value > value && (unit_len == 0 || second_unit_text == unit) {
                if first.scale == 1.0 && second.scale > 1.0 {
                    value *= second.scale;
                }
                value_max = Some(second.value_max.unwrap_or(second.value));
                approx |= second.approx;
                k = second.end;
                unit_len = second_unit;
                unit = second_unit_text;
            }
        }
    }
    // 1.5万 with no unit is still a figure; a bare number is not.
    let counted_in_wan = script == Script::Arabic && first.scale >= 1e4;
    if unit_len == 0 && !percent_word && !counted_in_wan {
        return None;
    }
    if percent_word || unit == "％" {
        unit = "%".into();
    }
    let mut fig_end = k + unit_len;
    // A bracketed alternative unit belongs to the figure: 140台（套）, 12个（次）.
    if unit_len > 0 {
        fig_end += bracketed_unit(chars, fig_end, end, script);
    }
    if let Some(len) = t.approx_after_unit.at(chars, fig_end, end) {
        approx = true;
        fig_end += len;
    }
    let mut fig_start = i;
    if let Some(len) = prefix {
        approx = true;
        fig_start -= len;
    }
    Some(FigureSpan { start: fig_start, end: fig_end, value, value_max, unit, approx })
}

/// Length of `（套）` / `(套)` at `k`: a unit in brackets, right after a figure's unit.
fn bracketed_unit(chars: &[char], k: usize, end: usize, script: Script) -> usize {
    if k >= end || !matches!(chars[k], '（' | '(') {
        return 0;
    }
    match unit_at(chars, k + 1, end, script) {
        Some(len) if len > 0 && k + 1 + len < end && matches!(chars[k + 1 + len], '）' | ')') => len + 2,
        _ => 0,
    }
}

/// Length of the approximator before the number at `i` (约, 近, and before a bare magnitude 上,
/// 成, 数…), unless it ends a word: 签约亿元以上项目, 最近3天.
fn approximator_before(chars: &[char], i: usize, start: usize, bare_magnitude: bool) -> Option<usize> {
    let t = tables();
    let len = t.approx_before.ending_at(chars, i, start).or_else(|| {
        bare_magnitude.then(|| t.approx_before_magnitude.ending_at(chars, i, start)).flatten()
    })?;
    let glued = len == 1
        && i >= start + 2
        && crate::text::is_cjk(chars[i - 2])
        && crate::segment::base().knows_chars(&chars[i - 2..i]);
    (!glued).then_some(len)
}

/// Readings that are not statistics: ordinals, lone 一, rhetoric, slogans, ratios.
fn excluded(chars: &[char], f: &FigureSpan, start: usize, end: usize) -> bool {
    let t = tables();
    let number_start = (f.start..f.end).find(|&k| starts_number(chars, k, start, end)).unwrap_or(f.start);
    let number = number_at(chars, number_start, end);
    let chinese = number.as_ref().is_some_and(|n| n.script == Script::Chinese);
    if t.ordinal_before.ending_at(chars, f.start, start).is_some() {
        return true;
    }
    let counts_one = t.units_counting_one.at(chars, number.as_ref().map_or(f.end, |n| n.end), end).is_some();
    if number.as_ref().is_some_and(|n| (n.lone_one && !counts_one) || (n.vague && n.end - n.start == 1)) && f.value_max.is_none() {
        return true;
    }
    // A list announced: 做好以下四项工作, 聚焦三个重点; but 对以下5家企业 counts firms.
    if t.rhetoric_before.ending_at(chars, f.start, start).is_some() {
        let unit_start = number.as_ref().map_or(f.end, |n| n.end);
        let concrete = !chinese && t.abstract_counters.at(chars, unit_start, end).is_none_or(|len| unit_start + len < f.end);
        if !concrete {
            return true;
        }
    }
    // How a task is staged: 分三批完成, 分两步走 (not 部分三批, where 分 ends a word).
    let counter_start = number.as_ref().map_or(f.end, |n| n.end);
    let staged = t.manner_counters.at(chars, counter_start, end).is_some_and(|len| counter_start + len >= f.end);
    if chinese && staged && f.value <= 10.0 && f.value_max.is_none() {
        if let Some(len) = t.manner_before.ending_at(chars, f.start, start) {
            if !ends_word(chars, f.start - len, start) {
                return true;
            }
        }
    }
    // A phase of a site or project: 产业园二期, 二期工程.
    if f.unit == "期" && (t.phase_before.ending_at(chars, f.start, start).is_some() || t.phase_after.at(chars, f.end, end).is_some()) {
        return true;
    }
    // A size class of money with no digit: 超亿元的项目, 千万元级企业.
    if number.as_ref().is_some_and(|n| n.bare_magnitude) && f.unit.ends_with('元') && t.size_class_after.at(chars, f.end, end).is_some() {
        return true;
    }
    // Web-page chrome: 工作总结（通用8篇）.
    if t.chrome_before.ending_at(chars, f.start, start).is_some() {
        return true;
    }
    // 2024对我们来说: a year before the preposition 对, not 2024 couples.
    if f.unit == "对" && f.value.fract() == 0.0 && (1900.0..=2100.0).contains(&f.value) {
        return true;
    }
    // A small count in Chinese numerals that sums up a list just named (粮食安全、产业发展和
    // 人居环境三项重点; 西岭、后湾两个村民小组) or announces one (分为两个时段：) is structure;
    // a share of it (三类案件合计占比超过七成) is not.
    if chinese && f.unit != "成" && f.value <= 10.0 && f.value_max.is_none() && (after_enumeration(chars, f.start, start) || before_colon(chars, f.end, end)) {
        return true;
    }
    // Rhetoric after the counter, possibly behind a modifier: 三个重要环节, 12个关键词.
    let mut after = f.end;
    if let Some(len) = t.modifiers.at(chars, after, end) {
        after += len;
    }
    for k in [f.end, after] {
        let rhetoric = t.rhetoric.at(chars, k, end).is_some() || (chinese && t.rhetoric_chinese.at(chars, k, end).is_some());
        if rhetoric && t.counted_compounds.at(chars, k, end).is_none() {
            return true;
        }
    }
    if in_short_quote(chars, f, start, end) {
        return true;
    }
    // Part of a ratio: 3:3:4, 30%:70%.
    let colon = |c: char| matches!(c, ':' | '：' | '∶');
    let ratio_after = f.end + 1 < end && colon(chars[f.end]) && arabic_digit(chars[f.end + 1]).is_some();
    let ratio_before =
        f.start >= start + 2 && colon(chars[f.start - 1]) && (is_digit_like(chars[f.start - 2]) || chars[f.start - 2] == '%');
    ratio_after || ratio_before
}

/// The char at `k` closes a word with the char before it (部分, 得分): it is no prefix of its own.
fn ends_word(chars: &[char], k: usize, start: usize) -> bool {
    k > start && crate::text::is_cjk(chars[k - 1]) && crate::segment::base().knows_chars(&chars[k - 1..k + 1])
}

/// The clause before `i` names a list: it holds an enumeration comma 、.
fn after_enumeration(chars: &[char], i: usize, start: usize) -> bool {
    chars[start..i]
        .iter()
        .rev()
        .take_while(|&&c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '\n'))
        .any(|&c| c == '、')
}

/// A colon follows within a few chars of `i` (两个时段：第一时段…): the count announces a list.
fn before_colon(chars: &[char], i: usize, end: usize) -> bool {
    const REACH: usize = 6;
    chars[i..end.min(i + REACH + 1)]
        .iter()
        .take_while(|&&c| crate::text::is_cjk(c) || matches!(c, '：' | ':'))
        .any(|&c| matches!(c, '：' | ':'))
}

/// A slogan in quotes: “四支力量”, “六个百分之百”. Quotes around a long passage do not count.
fn in_short_quote(chars: &[char], f: &FigureSpan, start: usize, end: usize) -> bool {
    const REACH: usize = 6;
    let opening = |c: char| matches!(c, '“' | '「' | '‘');
    let closing = |c: char| matches!(c, '”' | '」' | '’');
    let before = &chars[f.start.saturating_sub(REACH).max(start)..f.start];
    let opened = before.iter().rev().take_while(|&&c| !closing(c)).any(|&c| opening(c));
    opened && chars[f.end..end.min(f.end + REACH + 2)].iter().take_while(|&&c| !opening(c)).any(|&c| closing(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(String, f64, Option<f64>, String, bool)> {
        let c: Vec<char> = s.chars().collect();
        figures(&c, 0, c.len())
            .into_iter()
            .map(|f| (c[f.start..f.end].iter().collect(), f.value, f.value_max, f.unit, f.approx))
            .collect()
    }

    fn texts(s: &str) -> Vec<String> {
        found(s).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn magnitudes_fold_into_the_value() {
        assert_eq!(found("投入80多万元"), vec![("80多万元".into(), 800000.0, None, "元".into(), true)]);
        assert_eq!(found("服务1.2万人"), vec![("1.2万人".into(), 12000.0, None, "人".into(), false)]);
        assert_eq!(found("总投资3亿元"), vec![("3亿元".into(), 3e8, None, "元".into(), false)]);
        assert_eq!(found("人口达1.5万。"), vec![("1.5万".into(), 15000.0, None, "".into(), false)]);
    }

    #[test]
    fn ranges_keep_both_bounds() {
        assert_eq!(found("（75—89分）"), vec![("75—89分".into(), 75.0, Some(89.0), "分".into(), false)]);
        assert_eq!(found("每周3-4次"), vec![("3-4次".into(), 3.0, Some(4.0), "次".into(), false)]);
        assert_eq!(found("需3至5万元"), vec![("3至5万元".into(), 30000.0, Some(50000.0), "元".into(), false)]);
        assert_eq!(found("增长10%—20%"), vec![("10%—20%".into(), 10.0, Some(20.0), "%".into(), false)]);
    }

    #[test]
    fn bracketed_units_and_list_counts() {
        assert_eq!(found("配发器材30台（套）"), vec![("30台（套）".into(), 30.0, None, "台".into(), false)]);
        // A bracket that holds no unit is not part of the figure.
        assert_eq!(texts("检查企业30家（含商户）"), vec!["30家"]);
        assert!(texts("围绕甲、乙和丙三项工作").is_empty());
        assert!(texts("共分两个组：一组").is_empty());
        assert_eq!(texts("组织甲、乙两村村民三十多人"), vec!["三十多人"]);
    }

    #[test]
    fn durations_phases_and_stages() {
        assert_eq!(found("连续三年无事故"), vec![("三年".into(), 3.0, None, "年".into(), false)]);
        assert!(texts("三年行动计划").is_empty());
        assert!(texts("开发区二期用地").is_empty());
        assert!(texts("分两次完成").is_empty());
        assert_eq!(texts("对大部分两批次样品复检"), vec!["两批次"]);
        assert_eq!(texts("项目总投资近亿元。"), vec!["近亿元"]);
        assert!(texts("超亿元的项目").is_empty());
    }

    #[test]
    fn bare_magnitude_needs_an_approximator() {
        assert_eq!(texts("近千人参加"), vec!["近千人"]);
        assert!(texts("走进千家万户，万人空巷").is_empty());
    }
}
