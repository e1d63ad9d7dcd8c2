//! Key figures: a number (Arabic or Chinese numerals) with its unit or counter word,
//! approximators and ranges; plus dates, people with titles and organisations.
//! Spans are char indices of the input, half-open.
//!
//! Values: `value` is the number as written times any magnitude word that is part of the
//! number (1.2万人 → 12000, unit 人; 80多万元 → 800000, unit 元); ranges give the lower bound
//! in `value` and the upper in `value_max`; vague numerals give their smallest reading
//! (几十 → 10, 上百 → 100) with `approx`.

mod dates;
mod entities;
mod numbers;
mod quantities;
mod table;

pub use dates::dates;
pub use entities::{is_bare_name, organizations, people, people_with_organizations};
pub use quantities::figures;

/// Everything this module finds in one block.
pub struct Found {
    pub figures: Vec<FigureSpan>,
    pub dates: Vec<EntitySpan>,
    pub people: Vec<EntitySpan>,
    pub organizations: Vec<EntitySpan>,
}

/// Figures, dates, people and organisations of `chars[start..end]`, the date patterns run
/// once for both the dates and the figures they block.
pub fn scan(chars: &[char], start: usize, end: usize) -> Found {
    let date_spans = dates::date_spans(chars, start, end);
    let organizations = organizations(chars, start, end);
    Found {
        figures: quantities::figures_beside_dates(chars, start, end, &date_spans),
        dates: dates::dates_at(chars, &date_spans),
        people: people_with_organizations(chars, start, end, &organizations),
        organizations,
    }
}

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
