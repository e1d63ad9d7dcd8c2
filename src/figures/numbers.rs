//! Numbers as written in reports: Arabic digits (half- or full-width, with decimals and
//! thousands separators) and Chinese numerals (一百二十, 两万, 二十几, 三四百, 壹万).

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Script {
    Arabic,
    Chinese,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Upper bound of a numeral range written as adjacent digits (三四百 → 300..400).
    pub value_max: Option<f64>,
    pub script: Script,
    /// 几十, 十几, 数千: the value is the smallest reading.
    pub vague: bool,
    /// Only a magnitude (百, 千, 万, 亿) with no digit: 千人 needs 近/上 to be a figure.
    pub bare_magnitude: bool,
    /// Only 一 (一个, 一次): an article in prose, not a statistic.
    pub lone_one: bool,
}

pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 十百千 multiply the digit before them; 万 and 亿 the whole section.
pub fn magnitude(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// A char that can be part of a Chinese numeral (几 and 数 only as vague digits).
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || magnitude(c).is_some() || c == '几'
}

fn is_vague_digit(chars: &[char], i: usize, end: usize) -> bool {
    // 数 is a numeral only before a magnitude (数千), else it is 数据, 人数…
    match chars[i] {
        '几' => true,
        '数' => i + 1 < end && magnitude(chars[i + 1]).is_some(),
        _ => false,
    }
}

/// The number that starts at `i`, if any (the caller checks what comes before).
pub fn number_at(chars: &[char], i: usize, end: usize) -> Option<Number> {
    if arabic_digit(chars[i]).is_some() {
        arabic_at(chars, i, end)
    } else {
        chinese_at(chars, i, end)
    }
}

fn arabic_at(chars: &[char], start: usize, end: usize) -> Option<Number> {
    let digits_from = |mut j: usize| {
        while j < end && arabic_digit(chars[j]).is_some() {
            j += 1;
        }
        j
    };
    let mut j = digits_from(start);
    let mut text: String = chars[start..j].iter().map(|&c| to_ascii_digit(c)).collect();
    // Thousands groups: 1,000 and 1，000 (a leading group of 1-3 digits, then exactly 3).
    if j - start <= 3 {
        while j + 3 < end && matches!(chars[j], ',' | '，') {
            let group_end = digits_from(j + 1);
            if group_end - (j + 1) != 3 {
                break;
            }
            text.extend(chars[j + 1..group_end].iter().map(|&c| to_ascii_digit(c)));
            j = group_end;
        }
    }
    if j + 1 < end && matches!(chars[j], '.' | '．') && arabic_digit(chars[j + 1]).is_some() {
        let frac_end = digits_from(j + 1);
        text.push('.');
        text.extend(chars[j + 1..frac_end].iter().map(|&c| to_ascii_digit(c)));
        j = frac_end;
    }
    let value: f64 = text.parse().ok()?;
    Some(Number {
        start,
        end: j,
        value,
        value_max: None,
        script: Script::Arabic,
        vague: false,
        bare_magnitude: false,
        lone_one: false,
    })
}

fn to_ascii_digit(c: char) -> char {
    arabic_digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c)
}

fn chinese_at(chars: &[char], start: usize, end: usize) -> Option<Number> {
    let mut j = start;
    while j < end && (chinese_digit(chars[j]).is_some() || magnitude(chars[j]).is_some() || is_vague_digit(chars, j, end)) {
        j += 1;
    }
    if j == start {
        return None;
    }
    let run = &chars[start..j];
    let (mut value, value_max, vague) = parse_chinese(run)?;
    // 九十五点五: decimals after 点 (but 三点要求, 九点半 are no decimals).
    let after_point = (j + 1).min(end);
    let digits_after_point = chars[after_point..end].iter().take_while(|&&c| chinese_digit(c).is_some()).count();
    let end_of_number = if j < end && chars[j] == '点' && digits_after_point > 0 && value_max.is_none() {
        let fraction: String = chars[j + 1..j + 1 + digits_after_point]
            .iter()
            .filter_map(|&c| chinese_digit(c).and_then(|d| char::from_digit(d, 10)))
            .collect();
        value += format!("0.{fraction}").parse::<f64>().unwrap_or(0.0);
        j + 1 + digits_after_point
    } else {
        j
    };
    Some(Number {
        start,
        end: end_of_number,
        value,
        value_max,
        script: Script::Chinese,
        vague,
        // 十 alone is ten (十余件); 百, 千, 万 alone are magnitudes.
        bare_magnitude: run.iter().all(|&c| magnitude(c).is_some()) && run != ['十'],
        lone_one: run.len() == 1 && chinese_digit(run[0]) == Some(1),
    })
}

/// Value of a Chinese numeral run; `None` for digit-by-digit runs (二〇二三) that are codes or years.
fn parse_chinese(run: &[char]) -> Option<(f64, Option<f64>, bool)> {
    let is_digit = |c: char| chinese_digit(c).is_some();
    // Two adjacent digits then magnitudes: a colloquial range (三四个, 二三十人, 三四百).
    if run.len() >= 2 && is_digit(run[0]) && is_digit(run[1]) {
        let (low, high) = (chinese_digit(run[0])?, chinese_digit(run[1])?);
        let rest = &run[2..];
        if high != low + 1 || low == 0 || !rest.iter().all(|&c| magnitude(c).is_some()) {
            return None;
        }
        let scale: f64 = rest.iter().filter_map(|&c| magnitude(c)).product();
        return Some((low as f64 * scale, Some(high as f64 * scale), true));
    }
    let mut total = 0.0;
    let mut section = 0.0;
    let mut digit: Option<f64> = None;
    let mut vague = false;
    for (k, &c) in run.iter().enumerate() {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() && d != 0 {
                return None; // 二三: handled above only at the start
            }
            digit = Some(d as f64);
        } else if c == '几' || c == '数' {
            vague = true;
            // 几十 → 10 (its smallest reading), 十几 → 10 + 0.
            let before_magnitude = run.get(k + 1).is_some_and(|&n| magnitude(n).is_some());
            digit = Some(if before_magnitude { 1.0 } else { 0.0 });
        } else if let Some(m) = magnitude(c) {
            if m >= 1e4 {
                // A bare 万/亿 (上万) counts as one of it.
                let bare = section == 0.0 && total == 0.0 && digit.is_none();
                section += digit.take().unwrap_or(if bare { 1.0 } else { 0.0 });
                if m >= 1e8 {
                    total = (total + section) * m;
                } else {
                    total += section * m;
                }
                section = 0.0;
            } else {
                section += digit.take().unwrap_or(1.0) * m;
            }
        }
    }
    let value = total + section + digit.unwrap_or(0.0);
    Some((value, None, vague))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(f64, Option<f64>, bool)> {
        let c: Vec<char> = s.chars().collect();
        number_at(&c, 0, c.len()).map(|n| (n.value, n.value_max, n.vague))
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(parse("1,000人"), Some((1000.0, None, false)));
        assert_eq!(parse("1，250，000元"), Some((1250000.0, None, false)));
        assert_eq!(parse("98.5%"), Some((98.5, None, false)));
        assert_eq!(parse("１２人"), Some((12.0, None, false)));
        // 3，4次 is a list of two numbers, not 3,4…
        assert_eq!(parse("3，4次"), Some((3.0, None, false)));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse("一百二十人"), Some((120.0, None, false)));
        assert_eq!(parse("二十多名"), Some((20.0, None, false)));
        assert_eq!(parse("三千余份"), Some((3000.0, None, false)));
        assert_eq!(parse("两万元"), Some((20000.0, None, false)));
        assert_eq!(parse("十五个"), Some((15.0, None, false)));
        assert_eq!(parse("一亿二千万"), Some((120000000.0, None, false)));
        assert_eq!(parse("几十个"), Some((10.0, None, true)));
        assert_eq!(parse("二十几名"), Some((20.0, None, true)));
        assert_eq!(parse("数千人"), Some((1000.0, None, true)));
        assert_eq!(parse("三四百人"), Some((300.0, Some(400.0), true)));
        assert_eq!(parse("九十五点五"), Some((95.5, None, false)));
        assert_eq!(parse("三点要求").map(|n| n.0), Some(3.0));
        assert_eq!(parse("二〇二三年"), None);
        assert_eq!(parse("人数"), None);
    }
}
