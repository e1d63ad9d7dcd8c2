//! Dates (2014年7月20日, 11月25日上午, 二〇二三年十月, 2023-12-14, 20xx年) and clock times
//! (9时30分, 14:30), which figures must not read as quantities.

use super::numbers::arabic_digit;
use super::EntitySpan;
use crate::text::OffsetMap;
use regex_lite::Regex;
use std::sync::OnceLock;

const YEAR: &str = r"(?:[0-9]{4}|[0-9]{2}[xX×]{2}|[〇零一二三四五六七八九]{4})";
const MONTH: &str = r"(?:1[0-2]|0?[1-9]|[xX×]{1,2}|十[一二]?|[一二三四五六七八九])";
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9]|[xX×]{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
const DAY_PART: &str = r"(?:上午|下午|晚上|早上|中午|凌晨|傍晚)?";
const CLOCK: &str = r"(?:[0-9]{1,2}(?::|：)[0-9]{2}|[0-9]{1,2}[时点](?:[0-9]{1,2}分|半)?)";

fn date_pattern() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let tail = format!("{DAY_PART}{CLOCK}?");
        // A range's second half: 至20日, —5月2日, 至9月 (first in the alternation, which
        // prefers the earlier of two matches at one place).
        let to = "(?:至|—|–|－|~|～|-)";
        let pattern = [
            // 4月18日至20日, 2024年4月28日—5月2日
            format!("(?:{YEAR}年)?{MONTH}月{DAY}[日号]{to}(?:{MONTH}月)?{DAY}[日号]"),
            // 2024年7月至9月
            format!("{YEAR}年{MONTH}月{to}{MONTH}月"),
            // 2014年7月20日, 二〇二三年十月, 20xx年
            format!("{YEAR}年(?:{MONTH}月(?:{DAY}[日号])?)?{tail}"),
            // 2023-12-14, 2023/12/14, 2023.12.14
            r"[0-9]{4}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12][0-9]|0?[1-9])".to_string(),
            // 11月25日上午
            format!("{MONTH}月{DAY}[日号]{tail}"),
            // 1—6月, 1-6月: months of a period
            r"(?:1[0-2]|0?[1-9])(?:—|–|-|－|~|～|至)(?:1[0-2]|0?[1-9])月(?:份|底|末)?".to_string(),
            // 3月份, 12月底; a Chinese month only with 份 (一月一次 is a frequency)
            r"(?:1[0-2]|0?[1-9])月(?:份|初|底|末|中旬|上旬|下旬)?|(?:十[一二]?|[一二三四五六七八九])月份".to_string(),
        ]
        .join("|");
        Regex::new(&pattern).expect("valid date pattern")
    })
}

fn time_pattern() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"[0-9]{1,2}(?::|：)[0-9]{2}|[0-9]{1,2}[时点](?:[0-9]{1,2}分|半)").expect("valid time pattern")
    })
}

/// A char that can be part of a date or time match (the patterns use no other): the
/// patterns are searched only in runs of these chars, so most of a block is never scanned.
fn date_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            'x' | 'X' | '×' | '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                | '年' | '月' | '日' | '号' | '上' | '下' | '午' | '晚' | '早' | '中' | '凌' | '晨' | '傍'
                | '时' | '点' | '分' | '半' | ':' | '：' | '-' | '/' | '.' | '—' | '–' | '－' | '~' | '～'
                | '至' | '份' | '初' | '底' | '末' | '旬'
        )
}

/// Which pattern a run is searched with: every date match holds 年 or 月, or is
/// 2023-12-14 (digits and a separator); every time match holds : ： 时 or 点.
#[derive(Clone, Copy)]
enum Which {
    Date,
    Time,
}

fn run_may_match(which: Which, run: &[char]) -> bool {
    match which {
        Which::Date => run.iter().any(|&c| matches!(c, '年' | '月' | '-' | '/' | '.')),
        Which::Time => run.iter().any(|&c| matches!(c, ':' | '：' | '时' | '点')),
    }
}

/// Matches of `re` in `chars[start..end]` that do not begin inside a number or end before one.
/// A match lies inside one run of `date_char`s (the patterns have no anchors or look-around),
/// so each run that may hold one is searched on its own: the same matches as a search of the
/// whole block, found in a fraction of the time.
fn matches(re: &Regex, which: Which, chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = start;
    while i < end {
        if !date_char(chars[i]) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < end && date_char(chars[i]) {
            i += 1;
        }
        let run = &chars[run_start..i];
        if run_may_match(which, run) {
            text.clear();
            // Full-width digits (２０２４年７月５日) read as ASCII: one char for one.
            text.extend(run.iter().map(|&c| fold_digit(c)));
            matches_in_run(re, chars, start, end, run_start, &text, &mut out);
        }
    }
    out
}

fn matches_in_run(re: &Regex, chars: &[char], start: usize, end: usize, base: usize, text: &str, out: &mut Vec<(usize, usize)>) {
    let map = OffsetMap::new(text);
    let numeral = |c: char| arabic_digit(c).is_some() || "〇零一二三四五六七八九十".contains(c);
    let mut from = 0;
    while let Some(m) = re.find_at(text, from) {
        let (s, e) = (base + map.char_of_byte(m.start()), base + map.char_of_byte(m.end()));
        let glued_before = s > start && numeral(chars[s - 1]) && numeral(chars[s]);
        let glued_after = e < end && arabic_digit(chars[e]).is_some() && arabic_digit(chars[e - 1]).is_some();
        // 近3个月 is a duration: 个 before the month.
        let duration = s > start && chars[s - 1] == '个';
        if glued_before || glued_after || duration {
            // Retry one char later: 12014年 holds no date, 近3个月 none either.
            from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        out.push((s, e));
        from = m.end();
    }
}

/// Date spans in `chars[start..end]` (what `dates` reports, before normalising).
pub fn date_spans(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    matches(date_pattern(), Which::Date, chars, start, end)
}

/// Date and time spans in `chars[start..end]`, for figures to avoid; `dates` from `date_spans`.
pub fn date_and_time_spans(dates: &[(usize, usize)], chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut spans = dates.to_vec();
    for t in matches(time_pattern(), Which::Time, chars, start, end) {
        if !spans.iter().any(|d| d.0 < t.1 && t.0 < d.1) {
            spans.push(t);
        }
    }
    spans
}

/// Dates such as 2014年7月20日, 11月25日上午, 20xx年; `detail` is 2014-07-20, --11-25, 20xx.
pub fn dates(chars: &[char], start: usize, end: usize) -> Vec<EntitySpan> {
    dates_at(chars, &date_spans(chars, start, end))
}

/// `dates` from spans found by `date_spans`.
pub fn dates_at(chars: &[char], spans: &[(usize, usize)]) -> Vec<EntitySpan> {
    spans.iter().map(|&(s, e)| EntitySpan { start: s, end: e, detail: normalise(&chars[s..e]) }).collect()
}

/// ISO-like form: year, month and day as far as written; `--MM-DD` without a year; x kept;
/// a period of months as `--01/--06`.
fn fold_digit(c: char) -> char {
    arabic_digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c)
}

fn normalise(date: &[char]) -> String {
    let folded: Vec<char> = date.iter().map(|&c| fold_digit(c)).collect();
    let date = &folded[..];
    let range_mark = |c: &char| matches!(c, '—' | '–' | '－' | '~' | '～' | '至');
    let month_range = !date.contains(&'年') && date.contains(&'月') && !date.contains(&'日') && !date.contains(&'号');
    if let Some(mark) = date.iter().position(|c| range_mark(c) || (month_range && *c == '-')).filter(|_| month_range) {
        return format!("{}/{}", normalise(&date[..mark]), normalise(&date[mark + 1..]));
    }
    // 4月18日至20日, 2024年7月至9月: the second half takes the year and month it leaves out
    // from the first (--04-18/--04-20, 2024-07/2024-09).
    let closes_field = |k: usize| k > 0 && matches!(date[k - 1], '日' | '号' | '月');
    if let Some(mark) = (0..date.len()).find(|&k| closes_field(k) && (range_mark(&date[k]) || date[k] == '-')) {
        let first = normalise(&date[..mark]);
        let second = &date[mark + 1..];
        let second = if second.contains(&'月') {
            // Its own month (and day): the first's year, or none (--).
            let year = if first.starts_with("--") { "-" } else { first.split_once('-').map_or("", |(y, _)| y) };
            format!("{year}-{}", normalise(second).trim_start_matches('-'))
        } else {
            // A day alone: the first's year and month.
            let day: String = second.iter().take_while(|c| !matches!(c, '日' | '号')).collect();
            format!("{}-{}", first.rsplit_once('-').map_or("", |(head, _)| head), two_digits(&day))
        };
        return format!("{first}/{second}");
    }
    let mut parts: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut has_year = false;
    for &c in date {
        match c {
            '年' | '-' | '/' | '.' if parts.is_empty() && !has_year => {
                has_year = true;
                parts.push(std::mem::take(&mut field));
            }
            '月' | '-' | '/' | '.' => parts.push(std::mem::take(&mut field)),
            '日' | '号' => {
                parts.push(std::mem::take(&mut field));
                break;
            }
            _ if c.is_ascii_digit() || matches!(c, 'x' | 'X' | '×') || "〇零一二三四五六七八九十".contains(c) => field.push(c),
            _ => break,
        }
    }
    if !field.is_empty() {
        parts.push(field);
    }
    let mut out = String::new();
    for (k, p) in parts.iter().enumerate() {
        let is_year = k == 0 && has_year;
        let v = if is_year { year_digits(p) } else { two_digits(p) };
        if k > 0 || !has_year {
            out.push_str(if k == 0 { "--" } else { "-" });
        }
        out.push_str(&v);
    }
    out
}

fn year_digits(y: &str) -> String {
    y.chars()
        .map(|c| match c {
            'X' | '×' => 'x',
            '〇' | '零' => '0',
            _ => chinese_digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c),
        })
        .collect()
}

fn two_digits(field: &str) -> String {
    if field.chars().any(|c| matches!(c, 'x' | 'X' | '×')) {
        return "xx".into();
    }
    let value: u32 = if field.chars().all(|c| c.is_ascii_digit()) {
        field.parse().unwrap_or(0)
    } else {
        // 十 = 10, 十五 = 15, 二十 = 20, 二十五 = 25, 五 = 5
        let (tens, ones) = match field.split_once('十') {
            Some((t, o)) => (t.chars().next().and_then(chinese_digit).unwrap_or(1), o.chars().next().and_then(chinese_digit).unwrap_or(0)),
            None => (0, field.chars().next().and_then(chinese_digit).unwrap_or(0)),
        };
        tens * 10 + ones
    };
    format!("{value:02}")
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(String, String)> {
        let c: Vec<char> = s.chars().collect();
        dates(&c, 0, c.len()).into_iter().map(|d| (c[d.start..d.end].iter().collect(), d.detail)).collect()
    }

    #[test]
    fn dates_are_normalised() {
        assert_eq!(found("2014年7月20日召开"), vec![("2014年7月20日".into(), "2014-07-20".into())]);
        assert_eq!(found("11月25日上午，"), vec![("11月25日上午".into(), "--11-25".into())]);
        assert_eq!(found("二〇二三年十月"), vec![("二〇二三年十月".into(), "2023-10".into())]);
        assert_eq!(found("于2023-12-14发布"), vec![("2023-12-14".into(), "2023-12-14".into())]);
        assert_eq!(found("20xx年工作"), vec![("20xx年".into(), "20xx".into())]);
        assert_eq!(found("三月二十五日"), vec![("三月二十五日".into(), "--03-25".into())]);
        assert_eq!(found("２０２４年７月５日"), vec![("２０２４年７月５日".into(), "2024-07-05".into())]);
        assert_eq!(found("杉湾镇２０２４年上半年"), vec![("２０２４年".into(), "2024".into())]);
        // Ranges: the second half takes what it leaves out from the first.
        assert_eq!(found("4月18日至20日举办"), vec![("4月18日至20日".into(), "--04-18/--04-20".into())]);
        assert_eq!(found("2024年4月28日—5月2日"), vec![("2024年4月28日—5月2日".into(), "2024-04-28/2024-05-02".into())]);
        assert_eq!(found("4月28日至5月2日"), vec![("4月28日至5月2日".into(), "--04-28/--05-02".into())]);
        assert_eq!(found("2024年7月至9月开展"), vec![("2024年7月至9月".into(), "2024-07/2024-09".into())]);
    }

    #[test]
    fn durations_and_frequencies_are_not_dates() {
        assert!(found("近3个月，一月一次").is_empty());
        assert_eq!(found("1—6月，"), vec![("1—6月".into(), "--01/--06".into())]);
    }
}
