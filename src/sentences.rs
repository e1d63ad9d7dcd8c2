//! Sentences: a block's text cut right after each of 。！？；!? and at the block's end,
//! exactly as taxonomy §3 and the gold labels cut them (so `”` after `。` starts the next piece).

use crate::text::ends_sentence;

/// Char spans `[start, end)` of the sentences of `chars[start..end]`.
pub fn split(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        if ends_sentence(c) {
            out.push((s, i + 1));
            s = i + 1;
        }
    }
    if s < end {
        out.push((s, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        split(&c, 0, c.len()).into_iter().map(|(a, b)| c[a..b].iter().collect()).collect()
    }

    #[test]
    fn cuts_after_each_mark_and_at_the_end() {
        assert_eq!(cut("一要重视。二要落实；三要检查"), vec!["一要重视。", "二要落实；", "三要检查"]);
        assert_eq!(cut("好！？对"), vec!["好！", "？", "对"]);
        assert_eq!(cut("a,b;c"), vec!["a,b;c"]);
    }
}
