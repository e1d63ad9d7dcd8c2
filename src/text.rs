//! Offsets. The core works on `char` indices; the contract speaks UTF-16 code units
//! (what JavaScript's `String.prototype.slice` takes). This is the one place that converts.

/// Maps char indices of one text to UTF-16 offsets and byte offsets.
pub struct OffsetMap {
    /// `utf16[i]` is the UTF-16 offset of char `i`; one extra entry for the end.
    utf16: Vec<u32>,
    /// `bytes[i]` is the byte offset of char `i`; one extra entry for the end.
    bytes: Vec<u32>,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        let n = text.chars().count();
        let mut utf16 = Vec::with_capacity(n + 1);
        let mut bytes = Vec::with_capacity(n + 1);
        let mut u = 0u32;
        for (b, c) in text.char_indices() {
            utf16.push(u);
            bytes.push(b as u32);
            u += c.len_utf16() as u32;
        }
        utf16.push(u);
        bytes.push(text.len() as u32);
        OffsetMap { utf16, bytes }
    }

    /// Number of chars in the text.
    pub fn chars(&self) -> usize {
        self.utf16.len() - 1
    }

    pub fn utf16_len(&self) -> usize {
        *self.utf16.last().unwrap_or(&0) as usize
    }

    pub fn utf16(&self, char_index: usize) -> usize {
        self.utf16[char_index] as usize
    }

    pub fn byte(&self, char_index: usize) -> usize {
        self.bytes[char_index] as usize
    }

    /// Char index of a byte offset that lies on a char boundary.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| (b as usize) < byte)
    }

    /// Char index at or before a UTF-16 offset.
    pub fn char_of_utf16(&self, u: usize) -> usize {
        let i = self.utf16.partition_point(|&x| (x as usize) <= u);
        i.saturating_sub(1)
    }
}

/// The entries of an embedded data table: lines trimmed, blank lines and `#` comments skipped
/// (the one rule every file under data/ follows).
pub fn table_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// One line of the input, in char indices, with surrounding whitespace trimmed.
#[derive(Debug, Clone)]
pub struct Line {
    /// 0-based line number.
    pub number: usize,
    /// Char span of the trimmed content (start == end for a blank line).
    pub start: usize,
    pub end: usize,
}

/// Splits at `\n` (a trailing `\r` and other surrounding whitespace trimmed), as the scorer
/// and JavaScript's `split('\n')` do.
pub fn lines(chars: &[char]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut number = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Line>, number: &mut usize| {
        let mut a = s;
        let mut b = e;
        while a < b && is_space(chars[a]) {
            a += 1;
        }
        while b > a && is_space(chars[b - 1]) {
            b -= 1;
        }
        out.push(Line { number: *number, start: a, end: b });
        *number += 1;
    };
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            push(line_start, i, &mut out, &mut number);
            line_start = i + 1;
        }
    }
    push(line_start, chars.len(), &mut out, &mut number);
    out
}

/// Whitespace as Python's `str.strip` sees it, so our line spans match the scorer's.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// Characters that end a sentence (taxonomy §3). ASCII `;` and commas do not.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?')
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
}

/// Whether a cue phrase found at byte `at` of `hay` begins by closing a date: its first char
/// is 年, 月, 日 or 号 right after a number (10月31日前 is "before the 31st", not 日前
/// "recently"; 五月十日前 likewise), so the phrase is no cue there.
pub fn closes_a_date(hay: &str, at: usize) -> bool {
    const NUMERALS: &str = "〇零一二三四五六七八九十两";
    if !hay[at..].starts_with(['年', '月', '日', '号']) {
        return false;
    }
    let mut before = hay[..at].chars().rev();
    match before.next() {
        Some(c) if c.is_ascii_digit() => true,
        // Chinese numerals count when a date's own 年 or 月 comes before them.
        Some(c) if NUMERALS.contains(c) => {
            before.find(|c| !NUMERALS.contains(*c)).is_some_and(|c| matches!(c, '年' | '月'))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_that_closes_a_date_is_told_apart() {
        let at = |hay: &str, phrase: &str| closes_a_date(hay, hay.find(phrase).unwrap());
        assert!(at("确保10月31日前完成整改", "日前"));
        assert!(at("五月十日前报送", "日前"));
        assert!(!at("日前,县政府召开会议", "日前"));
        assert!(!at("县政府日前召开会议", "日前"));
        assert!(!at("一日前", "日前"), "no 年 or 月 before the numeral: 一日前 may be \"a day ago\"");
        assert!(!at("10月31日前完成", "完成"));
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "a😀𠀀中";
        let map = OffsetMap::new(text);
        assert_eq!(map.chars(), 4);
        assert_eq!(map.utf16(1), 1);
        assert_eq!(map.utf16(2), 3);
        assert_eq!(map.utf16(3), 5);
        assert_eq!(map.utf16_len(), 6);
        assert_eq!(map.char_of_utf16(5), 3);
        assert_eq!(map.char_of_byte(map.byte(3)), 3);
    }

    #[test]
    fn lines_are_trimmed_and_numbered() {
        let chars: Vec<char> = "  一、总体情况 \r\n\n正文。".chars().collect();
        let ls = lines(&chars);
        assert_eq!(ls.len(), 3);
        let first: String = chars[ls[0].start..ls[0].end].iter().collect();
        assert_eq!(first, "一、总体情况");
        assert_eq!(ls[1].start, ls[1].end);
    }
}
