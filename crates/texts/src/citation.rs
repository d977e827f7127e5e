//! What a meeting means by "para 101", "para. 54tre", "paragraph 15", "paras 18 to 21" or
//! "paras 13 and 15", and which paragraphs of which revision that is: the revision current on
//! the meeting's date (the latest one dated on or before it), then the paragraphs with those
//! numbers in it. A citation that names no paragraph of that revision resolves to nothing; it
//! is never matched to a neighbour.

use std::sync::LazyLock;

use regex::Regex;

use crate::revision::{ParagraphKind, Revision};

/// The paragraphs a citation names, by number as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Citation {
    /// "para 101", "para. 54tre", "paragraph 7 bis", "PP3", "OP12".
    One(String),
    /// "paras 18 to 21", "paragraphs 18-21": both ends included.
    Range(String, String),
    /// "paras 13 and 15", "paras 4, 6 and 9".
    Several(Vec<String>),
}

const NUMBER: &str = r"(?:PP|OP)?\s?\d{1,4}(?:\s?(?:bis|ter|tre|quater|quinquies|sexies))?";

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:(?:paras?|paragraphs?|paragraph)\.?\s*)?({NUMBER}(?:\s*(?:,|and|to|-|–)\s*{NUMBER})*)\s*$"
    ))
    .expect("a valid pattern")
});

static ONE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){NUMBER}")).expect("a valid pattern"));

/// Reads a citation as a meeting record writes it; `None` for anything else.
pub fn parse_citation(text: &str) -> Option<Citation> {
    let list = CITATION.captures(text)?.get(1)?.as_str();
    let numbers: Vec<String> = ONE_NUMBER
        .find_iter(list)
        .map(|m| m.as_str().trim().to_owned())
        .collect();
    let is_range = list.contains(" to ") || list.contains('-') || list.contains('–');
    match numbers.as_slice() {
        [one] => Some(Citation::One(one.clone())),
        [from, to] if is_range => Some(Citation::Range(from.clone(), to.clone())),
        [_, _, ..] if !is_range => Some(Citation::Several(numbers)),
        _ => None,
    }
}

/// The revision current on `date`: the latest whose date is on or before it. Dates are ISO
/// 8601 days (`2026-12-08`); a revision without a valid date is never current.
pub fn current_revision(dates: &[Option<&str>], date: &str) -> Option<usize> {
    if !is_iso_day(date) {
        return None;
    }
    dates
        .iter()
        .enumerate()
        .filter_map(|(k, d)| d.filter(|d| is_iso_day(d) && *d <= date).map(|d| (d, k)))
        .max()
        .map(|(_, k)| k)
}

fn is_iso_day(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The indices of the paragraphs `citation` names in `revision`, in document order; empty
/// when it names none there. A range runs from its first to its last paragraph and includes
/// the numbered paragraphs between them, not their headings or sub-paragraphs.
pub fn resolve(revision: &Revision, citation: &Citation) -> Vec<usize> {
    match citation {
        Citation::One(n) => revision.find(n).into_iter().collect(),
        Citation::Several(ns) => {
            let mut found: Vec<usize> = ns.iter().filter_map(|n| revision.find(n)).collect();
            found.sort_unstable();
            found.dedup();
            found
        }
        Citation::Range(from, to) => match (revision.find(from), revision.find(to)) {
            (Some(a), Some(b)) if a <= b => (a..=b)
                .filter(|&i| {
                    let p = &revision.paragraphs[i];
                    p.number.is_some() && p.kind != ParagraphKind::Sub
                })
                .collect(),
            _ => Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_as_meetings_write_them() {
        let one = |s: &str| Some(Citation::One(s.to_owned()));
        assert_eq!(parse_citation("para 101"), one("101"));
        assert_eq!(parse_citation("para. 54tre"), one("54tre"));
        assert_eq!(parse_citation("paragraph 7 bis"), one("7 bis"));
        assert_eq!(parse_citation("para 7bis"), one("7bis"));
        assert_eq!(parse_citation("OP12"), one("OP12"));
        assert_eq!(
            parse_citation("paras 18 to 21"),
            Some(Citation::Range("18".to_owned(), "21".to_owned()))
        );
        assert_eq!(
            parse_citation("paras 13 and 15"),
            Some(Citation::Several(vec!["13".to_owned(), "15".to_owned()]))
        );
        assert_eq!(parse_citation("Rev2"), None);
        assert_eq!(parse_citation("paras 1 to 2 to 3 to"), None);
    }

    #[test]
    fn the_revision_current_on_a_day() {
        let dates = [
            Some("2026-09-08"),
            Some("2026-10-16"),
            None,
            Some("2026-12-01"),
        ];
        assert_eq!(current_revision(&dates, "2026-09-15"), Some(0));
        assert_eq!(current_revision(&dates, "2026-10-16"), Some(1));
        assert_eq!(current_revision(&dates, "2026-12-08"), Some(3));
        assert_eq!(current_revision(&dates, "2026-09-01"), None);
        assert_eq!(current_revision(&dates, "8 December"), None);
    }
}
