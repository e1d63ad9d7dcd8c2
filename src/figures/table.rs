//! The word tables under data/: `[section]` headers, one entry a line, `#` comments.

/// A set of entries that matches the longest one at a position.
pub struct Words {
    /// Longest first, so the first match is the longest.
    entries: Vec<Vec<char>>,
}

impl Words {
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> Words {
        let mut entries: Vec<Vec<char>> = entries.into_iter().map(|e| e.chars().collect()).collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.len()));
        entries.dedup();
        Words { entries }
    }

    /// The entries of one `[section]` of a table file.
    pub fn section(table: &str, name: &str) -> Words {
        Words::new(section(table, name))
    }

    /// Length of the longest entry that starts at `i` and ends by `end`.
    pub fn at(&self, chars: &[char], i: usize, end: usize) -> Option<usize> {
        self.entries
            .iter()
            .find(|e| i + e.len() <= end && chars[i..i + e.len()] == e[..])
            .map(Vec::len)
    }

    /// Length of the longest entry that ends at `i` and starts at or after `start`.
    pub fn ending_at(&self, chars: &[char], i: usize, start: usize) -> Option<usize> {
        self.entries
            .iter()
            .find(|e| e.len() <= i.saturating_sub(start) && chars[i - e.len()..i] == e[..])
            .map(Vec::len)
    }
}

/// The entries of `[name]` in a table file.
pub fn section<'a>(table: &'a str, name: &str) -> impl Iterator<Item = &'a str> {
    let header = format!("[{name}]");
    table
        .lines()
        .map(str::trim)
        .skip_while(move |l| *l != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_longest_match() {
        let table = "# c\n[a]\n人\n人次\n# note\n[b]\n元\n";
        let a = Words::section(table, "a");
        let text: Vec<char> = "5人次".chars().collect();
        assert_eq!(a.at(&text, 1, text.len()), Some(2));
        assert_eq!(a.ending_at(&text, 3, 0), Some(2));
        let yuan: Vec<char> = "元".chars().collect();
        assert_eq!(a.at(&yuan, 0, 1), None);
        assert_eq!(Words::section(table, "b").at(&yuan, 0, 1), Some(1));
    }
}
