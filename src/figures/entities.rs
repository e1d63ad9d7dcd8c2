//! People named with a title (县委常委、常务副县长周毅; 孙书记; 钟雪莲主任) and organisations
//! (市创卫办, 县委组织部, 襄城县中医院). The segmenter has no name recogniser, so both rely on
//! word tables: titles and surnames, organisation suffixes and place markers.

use super::table::{section, Words};
use super::EntitySpan;
use crate::segment;
use crate::text::is_cjk;
use std::sync::OnceLock;

const TITLES: &str = include_str!("../../data/titles.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const ORGANISATIONS: &str = include_str!("../../data/org-suffixes.txt");

/// Longest organisation name considered, in chars before the suffix.
const MAX_ORG_WINDOW: usize = 16;
/// Longest place name before its marker (乌鲁木齐市).
const MAX_PLACE_NAME: usize = 4;

struct Tables {
    titles: Words,
    title_prefixes: Words,
    field_labels: Words,
    after_name: Words,
    compound_surnames: Words,
    single_surnames: Words,
    suffixes: Words,
    places: Words,
    place_words: Words,
    dictionary_organisations: Words,
    particle_suffixes: Words,
    window_stops: Words,
    inner_stops: Words,
    lead_stops: Words,
    /// Single chars that end organisation or place names: never inside a given name.
    org_chars: Words,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let one_char = |table: &'static str, name: &str| section(table, name).filter(|w| w.chars().count() == 1);
        Tables {
            titles: Words::section(TITLES, "titles"),
            title_prefixes: Words::section(TITLES, "prefixes"),
            field_labels: Words::section(TITLES, "field-labels"),
            after_name: Words::section(TITLES, "after-name"),
            compound_surnames: Words::section(SURNAMES, "compound"),
            single_surnames: Words::section(SURNAMES, "single"),
            suffixes: Words::section(ORGANISATIONS, "suffixes"),
            places: Words::new(section(ORGANISATIONS, "places").chain(section(ORGANISATIONS, "place-names"))),
            place_words: Words::section(ORGANISATIONS, "place-words"),
            dictionary_organisations: Words::section(ORGANISATIONS, "dictionary-organisations"),
            particle_suffixes: Words::section(ORGANISATIONS, "particle-suffixes"),
            window_stops: Words::section(ORGANISATIONS, "window-stops"),
            inner_stops: Words::section(ORGANISATIONS, "inner-stops"),
            lead_stops: Words::section(ORGANISATIONS, "lead-stops"),
            org_chars: Words::new(one_char(ORGANISATIONS, "suffixes").chain(one_char(ORGANISATIONS, "places"))),
        }
    })
}

/// Organisations in `chars[start..end]`: a place, then words, then a suffix.
pub fn organizations(chars: &[char], start: usize, end: usize) -> Vec<EntitySpan> {
    let t = tables();
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for s in start..end {
        let Some(len) = t.suffixes.at(chars, s, end) else { continue };
        let e = s + len;
        if glued_to_next_word(chars, e, end)
            || glued_to_previous_word(chars, start, s, e)
            || particle_not_suffix(chars, s, e, end)
            || t.titles.ending_at(chars, e, start).is_some()
        {
            continue;
        }
        if let Some(org_start) = organisation_start(chars, start, s) {
            // 社区成立…领导小组: a verb inside names what was done, not a body.
            if !(org_start..s).any(|p| t.inner_stops.at(chars, p, s).is_some()) {
                candidates.push((org_start, e));
            }
        }
    }
    longest_first(candidates).into_iter().map(|(s, e)| EntitySpan { start: s, end: e, detail: String::new() }).collect()
}

/// 局面, 办理, 部署, 所有: the suffix char starts another word, so it is no suffix.
fn glued_to_next_word(chars: &[char], e: usize, end: usize) -> bool {
    e < end && is_cjk(chars[e]) && segment::base().knows_chars(&chars[e - 1..=e])
}

/// 干部, 格局, 有所: a one-char suffix that ends an ordinary word is no suffix (县委 is: 县 is
/// a place; 纪委 is listed).
fn glued_to_previous_word(chars: &[char], start: usize, s: usize, e: usize) -> bool {
    let t = tables();
    // 县委, 综治委办: after a place or another suffix char the word is the organisation's own.
    if e - s != 1 || s == start || t.org_chars.at(chars, s - 1, s).is_some() {
        return false;
    }
    let word = [chars[s - 1], chars[s]];
    t.dictionary_organisations.at(&word, 0, 2).is_none() && segment::base().knows_chars(&word)
}

/// Where the organisation whose suffix starts at `suffix` begins, if it names a place: the
/// place nearest the suffix (县委 in 当作县委), then the places chained before it
/// (许昌市襄城县中医院), each with its name (襄城县).
fn organisation_start(chars: &[char], start: usize, suffix: usize) -> Option<usize> {
    let t = tables();
    let mut window = suffix;
    while window > start
        && suffix - window < MAX_ORG_WINDOW
        && is_cjk(chars[window - 1])
        && t.window_stops.at(chars, window - 1, window).is_none()
    {
        window -= 1;
    }
    // Cut by the length limit inside a word (成|立榆岚县…领导小组): its first char is a fragment.
    if suffix - window == MAX_ORG_WINDOW && window > start && is_cjk(chars[window - 1]) && t.window_stops.at(chars, window - 1, window).is_none() {
        window += 1;
    }
    // 社区: the marker is the whole word, not its 区.
    let inside_marker = |p: usize, limit: usize| p > window && t.places.at(chars, p - 1, limit).is_some_and(|len| len > 1);
    let is_marker = |p: usize, limit: usize| {
        t.places.at(chars, p, limit).is_some() && !inside_place_word(chars, window, p, limit) && !inside_marker(p, limit)
    };
    let mut org_start = place_name_start(chars, window, (window..suffix).rev().find(|&p| is_marker(p, suffix))?);
    // A place just before: 清城区|横荷镇中心学校.
    while let Some(len) = (1..=2).find(|&len| org_start >= window + len && is_marker(org_start - len, org_start)) {
        org_start = place_name_start(chars, window, org_start - len);
    }
    Some(org_start)
}

/// Start of the place name that ends at `marker` (襄城县, 城中社区): the nouns just before it,
/// not a verb or preposition (成立社区居委会, 按照区委) nor 全/本/各 (全市 is not a place).
fn place_name_start(chars: &[char], window: usize, marker: usize) -> usize {
    let t = tables();
    let text: String = chars[window..marker].iter().collect();
    let seg = segment::base();
    let words = seg.words(&text);
    let mut name_start = marker;
    for w in words.iter().rev() {
        let at = window + w.start;
        let known = seg.knows(w.text);
        // One known char (报, 照) is more often a verb than a place name.
        let noun_like = !known || (w.end - w.start >= 2 && ["n", "j", "s", "x"].iter().any(|tag| w.tag.starts_with(tag)));
        if !noun_like || marker - at > MAX_PLACE_NAME || t.lead_stops.at(chars, at, marker).is_some() {
            break;
        }
        name_start = at;
    }
    name_start
}

/// 工作所需: a suffix that is also a particle names an organisation only before punctuation,
/// a function word or a title.
fn particle_not_suffix(chars: &[char], s: usize, e: usize, end: usize) -> bool {
    let t = tables();
    t.particle_suffixes.at(chars, s, e).is_some()
        && e < end
        && is_cjk(chars[e])
        && t.window_stops.at(chars, e, e + 1).is_none()
        && t.titles.at(chars, e, end).is_none()
        && t.after_name.at(chars, e, end).is_none()
}

fn inside_place_word(chars: &[char], window: usize, p: usize, end: usize) -> bool {
    let t = tables();
    (window.max(p.saturating_sub(3))..=p).any(|q| t.place_words.at(chars, q, end).is_some_and(|len| q + len > p))
}

/// Non-overlapping spans, preferring the earliest then the longest.
fn longest_first(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s < last.1 => {
                if e - s > last.1 - last.0 && s == last.0 {
                    *last = (s, e);
                }
            }
            _ => out.push((s, e)),
        }
    }
    out
}

/// People named with a title in `chars[start..end]`; `detail` is the title as written.
pub fn people(chars: &[char], start: usize, end: usize) -> Vec<EntitySpan> {
    people_with_organizations(chars, start, end, &organizations(chars, start, end))
}

/// `people`, given `organizations(chars, start, end)` (so a caller that wants both finds the
/// organisations once).
pub fn people_with_organizations(chars: &[char], start: usize, end: usize, orgs: &[EntitySpan]) -> Vec<EntitySpan> {
    let mut out: Vec<EntitySpan> = Vec::new();
    let mut k = start;
    while k < end {
        // A field label opens a line or follows a break (most positions follow a CJK char).
        if k == start || !is_cjk(chars[k - 1]) {
            let listed = labelled_people(chars, end, k, orgs);
            if let Some(last) = listed.last() {
                k = last.end;
                out.extend(listed);
                continue;
            }
        }
        let Some(title_end) = title_at(chars, k, end) else {
            k += 1;
            continue;
        };
        if let Some(name_end) = name_after(chars, title_end, end) {
            let title_start = title_phrase_start(chars, start, k, orgs);
            let mut person_end = name_end;
            if chars[..end].get(name_end..name_end + 2) == Some(&['同', '志'][..]) {
                person_end += 2;
            }
            out.push(EntitySpan {
                start: title_start,
                end: person_end,
                detail: chars[title_start..title_end].iter().collect(),
            });
            k = person_end;
        } else if let Some(name_end) = spaced_name_after(chars, title_end, end) {
            // A byline: 副镇长　李建华, 县长 张国栋 (the name alone after the spaces).
            let title_start = title_phrase_start(chars, start, k, orgs);
            out.push(EntitySpan { start: title_start, end: name_end, detail: chars[title_start..title_end].iter().collect() });
            k = name_end;
        } else if let Some(name_start) = name_before(chars, start, k).filter(|&s| out.last().is_none_or(|p| p.end <= s)) {
            out.push(EntitySpan { start: name_start, end: title_end, detail: chars[k..title_end].iter().collect() });
            k = title_end;
        } else {
            k = title_end;
        }
    }
    out
}

/// People given under a field label at `k`, with no title: 联系人：王芳, 记录：县政府办公室张倩,
/// 出席：刘振华　张建军 (minutes and notices list them so; the caller sees that the label opens a
/// line or follows a break). Each name, after its organisation if one is given, stands alone
/// (`lone_name`), names apart by 、，or spaces; `detail` is the label. A title after the label
/// (主持：县委副书记李明) is left to the title rule.
fn labelled_people(chars: &[char], end: usize, k: usize, orgs: &[EntitySpan]) -> Vec<EntitySpan> {
    let t = tables();
    let mut out = Vec::new();
    let Some(label) = t.field_labels.at(chars, k, end) else { return out };
    let mut p = k + label;
    if !matches!(chars.get(p), Some(':' | '：')) {
        return out;
    }
    p += 1;
    let detail: String = chars[k..k + label].iter().collect();
    loop {
        let gap = p;
        while p < end && (chars[p].is_whitespace() || matches!(chars[p], '、' | '，' | ',')) {
            p += 1;
        }
        if !out.is_empty() && p == gap {
            return out;
        }
        let person_start = p;
        if let Some(org) = orgs.iter().find(|o| o.start == p) {
            p = org.end;
        }
        if title_at(chars, p, end).is_some() {
            return out;
        }
        match lone_name(chars, p, end) {
            Some(name_end) => {
                out.push(EntitySpan { start: person_start, end: name_end, detail: detail.clone() });
                p = name_end;
            }
            None => return out,
        }
    }
}

/// End of a name that stands alone at `p` (a field's value, a list item): 2–4 CJK chars up
/// to a break, a surname and a one- or two-char given name, no title among them.
fn lone_name(chars: &[char], p: usize, end: usize) -> Option<usize> {
    let t = tables();
    let e = (p..end).find(|&i| !is_cjk(chars[i])).unwrap_or(end);
    let surname = surname_at(chars, p, e)?;
    let given = e - p - surname;
    ((1..=2).contains(&given) && (p + surname..e).all(|i| name_char(chars, i) && t.titles.at(chars, i, e).is_none())).then_some(e)
}

/// End of a name that stands alone after spaces at `i` (a byline's 副镇长　李建华).
fn spaced_name_after(chars: &[char], i: usize, end: usize) -> Option<usize> {
    let p = (i..end).find(|&p| !chars[p].is_whitespace())?;
    (p > i).then(|| lone_name(chars, p, end)).flatten()
}

/// End of a title (with its qualifiers: 常务副县长) that starts at `k`.
fn title_at(chars: &[char], k: usize, end: usize) -> Option<usize> {
    let t = tables();
    let mut j = k;
    while let Some(len) = t.title_prefixes.at(chars, j, end) {
        j += len;
    }
    t.titles.at(chars, j, end).map(|len| j + len)
}

/// Start of the title phrase ending a title at `k`: the organisation just before it
/// (社区党委书记) and titles joined by 、 (县委常委、常务副县长).
fn title_phrase_start(chars: &[char], start: usize, k: usize, orgs: &[EntitySpan]) -> usize {
    let t = tables();
    let mut phrase = k;
    loop {
        if let Some(org) = orgs.iter().find(|o| o.end == phrase) {
            phrase = org.start;
        }
        // Another title before a 、: its own start, organisation included.
        if phrase > start + 1 && chars[phrase - 1] == '、' {
            let before = phrase - 1;
            if let Some(len) = t.titles.ending_at(chars, before, start) {
                phrase = before - len;
                while let Some(p) = t.title_prefixes.ending_at(chars, phrase, start) {
                    phrase -= p;
                }
                continue;
            }
        }
        return phrase;
    }
}

fn surname_at(chars: &[char], i: usize, end: usize) -> Option<usize> {
    let t = tables();
    t.compound_surnames.at(chars, i, end).or_else(|| t.single_surnames.at(chars, i, end))
}

/// A line that is nothing but a person's name (周志刚), as under a 述职报告 above its date.
pub fn is_bare_name(text: &str) -> bool {
    let chars: Vec<char> = text.trim().chars().collect();
    if !(2..=4).contains(&chars.len()) {
        return false;
    }
    surname_at(&chars, 0, chars.len()).is_some_and(|s| {
        let given = chars.len() - s;
        (1..=2).contains(&given) && (s..chars.len()).all(|i| name_char(&chars, i))
    })
}

/// A char that can be part of a given name.
fn name_char(chars: &[char], i: usize) -> bool {
    let t = tables();
    let c = chars[i];
    is_cjk(c)
        && !super::numbers::is_chinese_numeral(c)
        && t.window_stops.at(chars, i, i + 1).is_none()
        && t.org_chars.at(chars, i, i + 1).is_none()
        && t.after_name.at(chars, i, i + 1).is_none()
}

/// A dictionary word inside the candidate that is no name (书记高度重视 → 高度).
fn holds_common_word(name: &[char]) -> bool {
    let seg = segment::base();
    let text: String = name.iter().collect();
    seg.words(&text)
        .iter()
        .any(|w| w.text.chars().count() >= 2 && seg.knows(w.text) && !w.tag.starts_with("nr"))
}

/// End of a 2–3 char name (surname + given name) right after a title.
fn name_after(chars: &[char], i: usize, end: usize) -> Option<usize> {
    let t = tables();
    let surname = surname_at(chars, i, end)?;
    let given_start = i + surname;
    if given_start >= end || !name_char(chars, given_start) || t.after_name.at(chars, given_start, end).is_some() {
        return None;
    }
    // A second given char unless a word that follows names starts there (金萍同志, 周毅主持).
    let third = given_start + 1;
    let long = surname == 1
        && third < end
        && name_char(chars, third)
        && t.after_name.at(chars, third, end).is_none()
        && t.titles.at(chars, third, end).is_none();
    let name_end = if long { third + 1 } else { third };
    (!holds_common_word(&chars[i..name_end])).then_some(name_end)
}

/// Start of a 1–3 char name right before a title at `k` (孙书记, 钟雪莲主任).
fn name_before(chars: &[char], start: usize, k: usize) -> Option<usize> {
    let t = tables();
    // After an organisation's last char too: 县委赵书记.
    let boundary = |s: usize| {
        s == start
            || !is_cjk(chars[s - 1])
            || t.window_stops.at(chars, s - 1, s).is_some()
            || t.after_name.at(chars, s - 1, s).is_some()
            || t.org_chars.at(chars, s - 1, s).is_some()
    };
    (1..=3).rev().filter(|&len| k >= start + len).map(|len| k - len).find(|&s| {
        surname_at(chars, s, k).is_some_and(|sl| (s + sl..k).all(|g| name_char(chars, g)))
            && boundary(s)
            && !holds_common_word(&chars[s..k])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(s: &str) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        organizations(&c, 0, c.len()).into_iter().map(|o| c[o.start..o.end].iter().collect()).collect()
    }

    #[test]
    fn organisation_starts_at_its_place() {
        assert_eq!(orgs("组织召开襄城县中医院座谈会"), vec!["襄城县中医院"]);
        assert_eq!(orgs("全市创卫办牵头"), vec!["市创卫办"]);
        assert_eq!(orgs("局面复杂，县里要办理"), Vec::<String>::new());
        assert_eq!(orgs("成立社区居委会，按照区委部署"), vec!["社区居委会", "区委"]);
        assert_eq!(orgs("广大社区干部形成新格局"), Vec::<String>::new());
        assert_eq!(orgs("当作县委的大事，许昌市襄城县中医院"), vec!["县委", "许昌市襄城县中医院"]);
        assert_eq!(orgs("新建青溪县第二实验小学，小区物业公司，工作所需经费"), vec!["青溪县第二实验小学"]);
    }
}
