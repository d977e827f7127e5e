//! Dates and times as reports write them ("4 December 2025 at 13:00 UTC", "March 3, 2026",
//! "5 December", "July 2026"), and their resolution against the meeting date.
//!
//! A date without a year is the first such day from three months before the meeting on
//! (a report written on 4 December that says "by 10 January" means the coming January, and
//! "the launch event on 20 November" the one just past). Without a meeting date such a date
//! stays unresolved, and the reader says so.

use std::sync::LazyLock;

use jiff::civil::{Date, DateTime};
use model::DateValue;
use regex::Regex;

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?-u:\b)(?:
            (?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTHS})\.?(?:,?\s+(?P<y1>[0-9]{{4}}))?
          | (?P<m2>{MONTHS})\.?\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y2>[0-9]{{4}}))?
          | (?P<m3>{MONTHS})\.?\s+(?P<y3>[0-9]{{4}})
          | (?P<iy>[0-9]{{4}})-(?P<im>[0-9]{{2}})-(?P<id>[0-9]{{2}})
          | (?i:in|by|until|from|since|before|after|during|early|mid|late|end\s+of|beginning\s+of|start\s+of|the\s+end\s+of)\s+(?P<m4>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b))?(?:,?\s+(?P<y4>[0-9]{{4}}))?
        )(?-u:\b)"
    );
    Regex::new(&pattern).expect("the date pattern is valid")
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)(?P<h>[0-9]{1,2})(?:[:.h](?P<min>[0-9]{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?
        (?:\s*[-–]\s*[0-9]{1,2}(?:[:.h][0-9]{2})?\s*(?:a\.?m\.?|p\.?m\.?)?)?
        (?:\s+|\s*\(?)
        (?P<zone>(?:UTC|GMT)\s?[+\-−]\s?[0-9]{1,2}(?::?[0-9]{2})?|UTC|GMT|CET|CEST|EET|EEST|WET|WEST|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST|IST|
            Geneva\s+time|New\s+York\s+time)",
    )
    .expect("the time pattern is valid")
});

/// A date as found in text, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub year: Option<i16>,
    pub month: i8,
    pub day: Option<i8>,
}

fn month_number(name: &str) -> i8 {
    let lower = name.to_ascii_lowercase();
    let index = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| lower.starts_with(m))
    .unwrap_or(0);
    i8::try_from(index + 1).unwrap_or(1)
}

/// Month names and abbreviations: every date pattern but the ISO one contains one.
pub const MONTH_CUES: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

static MONTH_WORDS: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| crate::text::cue_words(MONTH_CUES));

/// Whether `text` may hold a `YYYY-MM-DD` date: four digits and a hyphen.
fn has_iso_date(text: &str) -> bool {
    // Hyphens are rare: find them first, then look at the four bytes before each.
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'-', bytes)
        .any(|at| at >= 4 && bytes[at - 4..at].iter().all(u8::is_ascii_digit))
}

/// All dates written in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    find_if(text, MONTH_WORDS.is_match(text))
}

/// All dates written in a sentence whose cue words are `cues`, in order.
pub fn find_cued(text: &str, cues: &crate::cues::Cues) -> Vec<Found> {
    find_if(text, cues.any(crate::cues::Set::Month))
}

/// All dates written in `text`; `month` says whether it names a month.
fn find_if(text: &str, month: bool) -> Vec<Found> {
    // Most sentences name no month and no ISO date; skip them without running the pattern.
    if !month && !has_iso_date(text) {
        return Vec::new();
    }
    each_date(text).collect()
}

/// The dates of `text` one by one, as the pattern finds them: a caller that needs only the
/// first of some kind stops the search there.
///
/// The pattern only finds each date; its fields are read from the match by `read_match`,
/// which is cheaper than having the capture engine run over every match.
fn each_date(text: &str) -> impl Iterator<Item = Found> + '_ {
    DATE.find_iter(text)
        .map(|m| read_match(m.as_str(), m.start()))
}

/// The fields of one match of `DATE`, at byte `at` of its text: what the pattern's capture
/// groups hold, read from the shape of each of its five forms. A match that starts with four
/// digits is an ISO date, with one or two digits a day before its month ("5 December"), with
/// a month name a month before its day or year ("December 5", "December 2025"), and with any
/// other word a preposition before a full month name ("by December 5").
fn read_match(written: &str, at: usize) -> Found {
    let bytes = written.as_bytes();
    let lead = digit_run(written);
    // Every form but the ISO one may end with a year of four digits; no other part of a match
    // ends with a digit run that long.
    let year = || {
        (bytes.len() > 4 && bytes[bytes.len() - 4..].iter().all(u8::is_ascii_digit))
            .then(|| number(&written[written.len() - 4..]))
    };
    let end = at + written.len();
    if lead == 4 {
        return Found {
            start: at,
            end,
            year: Some(number(&written[..4])),
            month: i8::try_from(number(&written[5..7])).unwrap_or(0),
            day: i8::try_from(number(&written[8..10])).ok(),
        };
    }
    if lead > 0 {
        // The month is the first capitalised word: the ordinal suffix and "of" are lower case.
        let month = written
            .find(|c: char| c.is_ascii_uppercase())
            .map_or(0, |i| month_number(letters(&written[i..])));
        return Found {
            start: at,
            end,
            year: year(),
            month,
            day: i8::try_from(number(&written[..lead])).ok(),
        };
    }
    let first = letters(written);
    if month_at(written) {
        // "December 5" or "December 2025": a day has one or two digits, a year four.
        let rest = written[first.len()..]
            .trim_start_matches('.')
            .trim_start_matches(char::is_whitespace);
        let run = digit_run(rest);
        let (day, year) = if run <= 2 {
            (i8::try_from(number(&rest[..run])).ok(), year())
        } else {
            (None, Some(number(&rest[..run])))
        };
        return Found {
            start: at,
            end,
            year,
            month: month_number(first),
            day,
        };
    }
    // A preposition, then the month: its first word that is a full month name, since no
    // word of the prepositions is one.
    let mut month_start = 0;
    let mut name = "";
    for word in written.split(char::is_whitespace) {
        let candidate = letters(word);
        // The full names only: a date after a preposition ("by March") never abbreviates.
        if model::MONTH_NAMES.contains(&candidate) {
            month_start = word.as_ptr() as usize - written.as_ptr() as usize;
            name = candidate;
            break;
        }
    }
    let rest = &written[month_start + name.len()..];
    let after = rest.trim_start_matches(char::is_whitespace);
    let run = digit_run(after);
    // A day only after white space: "by May, 2026" has a year and no day.
    let day = (after.len() < rest.len() && (1..=2).contains(&run))
        .then(|| i8::try_from(number(&after[..run])).ok())
        .flatten();
    Found {
        start: at + month_start,
        end,
        year: year(),
        month: month_number(name),
        day,
    }
}

/// Whether `text` starts with a month name as the date pattern writes it (case matters).
fn month_at(text: &str) -> bool {
    MONTH_CUES.iter().any(|m| text.starts_with(m))
}

/// The ASCII letters `text` starts with.
fn letters(text: &str) -> &str {
    let n = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    &text[..n]
}

/// How many ASCII digits `text` starts with.
fn digit_run(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_digit).count()
}

/// The value of one to four ASCII digits.
fn number(digits: &str) -> i16 {
    digits.bytes().fold(0, |n, d| n * 10 + i16::from(d - b'0'))
}

/// Whether `text` has four ASCII digits in a row: every date with a year does.
fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// Why a date could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// No year is written and there is no meeting date to take it from.
    NoAnchor,
    /// The day does not exist ("31 February").
    NoSuchDay,
}

/// Resolves a found date against the meeting date.
pub fn resolve(found: &Found, anchor: Option<Date>) -> Result<DateValue, Unresolved> {
    if !(1..=12).contains(&found.month) {
        return Err(Unresolved::NoSuchDay);
    }
    let Some(day) = found.day else {
        let year = match (found.year, anchor) {
            (Some(year), _) => year,
            (None, Some(anchor)) => {
                let earliest = anchor
                    .checked_sub(jiff::Span::new().days(LOOK_BACK_DAYS))
                    .unwrap_or(anchor);
                // The first month of that name that has not ended before the look-back starts.
                [anchor.year() - 1, anchor.year(), anchor.year() + 1]
                    .into_iter()
                    .find(|&y| {
                        Date::new(y, found.month, 1).is_ok_and(|d| d.last_of_month() >= earliest)
                    })
                    .unwrap_or(anchor.year())
            }
            (None, None) => return Err(Unresolved::NoAnchor),
        };
        return Ok(DateValue::Month {
            year,
            month: found.month,
        });
    };
    if let Some(year) = found.year {
        return Date::new(year, found.month, day)
            .map(DateValue::Day)
            .map_err(|_| Unresolved::NoSuchDay);
    }
    let anchor = anchor.ok_or(Unresolved::NoAnchor)?;
    let earliest = anchor
        .checked_sub(jiff::Span::new().days(LOOK_BACK_DAYS))
        .unwrap_or(anchor);
    let mut valid = false;
    for year in [anchor.year() - 1, anchor.year(), anchor.year() + 1] {
        let Ok(candidate) = Date::new(year, found.month, day) else {
            continue;
        };
        valid = true;
        if candidate >= earliest {
            return Ok(DateValue::Day(candidate));
        }
    }
    let _ = valid;
    Err(Unresolved::NoSuchDay)
}

/// Resolves a date the text puts in the past ("was circulated in September"): the latest such
/// day or month on or before the meeting date.
pub fn resolve_past(found: &Found, anchor: Option<Date>) -> Result<DateValue, Unresolved> {
    let (Some(anchor), None) = (anchor, found.year) else {
        return resolve(found, anchor);
    };
    if !(1..=12).contains(&found.month) {
        return Err(Unresolved::NoSuchDay);
    }
    for year in [anchor.year(), anchor.year() - 1] {
        match found.day {
            None => {
                if Date::new(year, found.month, 1).is_ok_and(|d| d <= anchor) {
                    return Ok(DateValue::Month {
                        year,
                        month: found.month,
                    });
                }
            }
            Some(day) => {
                if let Ok(d) = Date::new(year, found.month, day)
                    && d <= anchor
                {
                    return Ok(DateValue::Day(d));
                }
            }
        }
    }
    Err(Unresolved::NoSuchDay)
}

/// How far before the meeting a date without a year may lie. Reports name mostly what is
/// coming (deadlines, next meetings); what is past is usually recent ("the launch event
/// on 20 November"). So a date without a year is the first such day from three months
/// before the meeting on.
pub const LOOK_BACK_DAYS: i64 = 92;

/// A meeting start found in text: a day, and a time with a zone when the text gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingTime {
    pub date: Date,
    pub time: Option<(DateTime, String, i32)>,
}

/// The first full date in `text` (with a year), and the time with zone that follows it.
pub fn meeting_time(text: &str) -> Option<MeetingTime> {
    // A full date has a year of four digits; most lines given here have none.
    if !has_four_digits(text) || !(MONTH_WORDS.is_match(text) || has_iso_date(text)) {
        return None;
    }
    let found = each_date(text).find(|f| f.year.is_some() && f.day.is_some())?;
    let Ok(DateValue::Day(date)) = resolve(&found, None) else {
        return None;
    };
    // A time has digits and a zone; most lines with a date have no time at all.
    let may_have_time =
        text.bytes().any(|b| b == b':' || b == b'.') || text.contains("am") || text.contains("pm");
    let time = may_have_time
        .then(|| TIME.captures(text))
        .flatten()
        .and_then(|caps| {
            let mut hour: i8 = caps.name("h")?.as_str().parse().ok()?;
            let minute: i8 = caps
                .name("min")
                .map_or(Some(0), |m| m.as_str().parse().ok())?;
            if let Some(ampm) = caps.name("ampm") {
                let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
                hour = match (pm, hour) {
                    (true, 1..=11) => hour + 12,
                    (false, 12) => 0,
                    _ => hour,
                };
            }
            let zone_text = caps.name("zone")?.as_str();
            let (zone, offset) = zone_offset(zone_text, text, date)?;
            // "25:00" is no time; check before building one.
            let local =
                DateTime::new(date.year(), date.month(), date.day(), hour, minute, 0, 0).ok()?;
            Some((local, zone, offset))
        });
    Some(MeetingTime { date, time })
}

/// The offset of a written zone on a given date, in seconds east of UTC.
fn zone_offset(zone: &str, context: &str, date: Date) -> Option<(String, i32)> {
    let compact: String = zone.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.replace('−', "-");
    let hours = |h: i32| Some((zone.to_owned(), h * 3600));
    match compact.as_str() {
        "UTC" | "GMT" => hours(0),
        "CET" => hours(1),
        "CEST" => hours(2),
        "EET" => hours(2),
        "EEST" => hours(3),
        "WET" => hours(0),
        "WEST" | "BST" => hours(1),
        "EST" => hours(-5),
        "EDT" => hours(-4),
        "CST" => hours(-6),
        "CDT" => hours(-5),
        "MST" => hours(-7),
        "MDT" => hours(-6),
        "PST" => hours(-8),
        "PDT" => hours(-7),
        "JST" => hours(9),
        "IST" => Some((zone.to_owned(), 5 * 3600 + 1800)),
        "Genevatime" => {
            // Geneva keeps Central European time; the summer half of the year is CEST.
            // A report that writes "(CET)" after it says which one it means.
            let summer =
                context.contains("CEST") || (!context.contains("CET") && in_eu_summer(date));
            Some(("Europe/Zurich".to_owned(), if summer { 7200 } else { 3600 }))
        }
        "NewYorktime" => Some((
            "America/New_York".to_owned(),
            if in_eu_summer(date) {
                -4 * 3600
            } else {
                -5 * 3600
            },
        )),
        other => {
            let rest = other
                .strip_prefix("UTC")
                .or_else(|| other.strip_prefix("GMT"))?;
            let (sign, digits) = match rest.as_bytes().first()? {
                b'+' => (1, &rest[1..]),
                b'-' => (-1, &rest[1..]),
                _ => return None,
            };
            let digits = digits.replace(':', "");
            let (h, m) = if digits.len() > 2 {
                (
                    digits[..digits.len() - 2].parse::<i32>().ok()?,
                    digits[digits.len() - 2..].parse::<i32>().ok()?,
                )
            } else {
                (digits.parse::<i32>().ok()?, 0)
            };
            if h > 14 || m > 59 {
                return None;
            }
            Some((
                zone.split_whitespace().collect::<String>(),
                sign * (h * 3600 + m * 60),
            ))
        }
    }
}

/// Whether European summer time is in force on a date (last Sunday of March to last Sunday
/// of October, to the day; the hour of the switch does not matter for meeting dates).
fn in_eu_summer(date: Date) -> bool {
    let last_sunday = |month: i8| {
        let end = Date::new(date.year(), month, 31).unwrap_or(date);
        let back = end.weekday().to_sunday_zero_offset();
        Date::new(date.year(), month, 31 - back).unwrap_or(end)
    };
    date >= last_sunday(3) && date < last_sunday(10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn value(text: &str, anchor: Option<Date>) -> Vec<String> {
        find(text)
            .iter()
            .map(|f| match resolve(f, anchor) {
                Ok(v) => v.iso(),
                Err(e) => format!("{e:?}"),
            })
            .collect()
    }

    #[test]
    fn resolves_against_the_meeting_date() {
        let anchor = Some(date(2025, 12, 4));
        assert_eq!(value("a deadline of 5 December", anchor), ["2025-12-05"]);
        assert_eq!(value("by 10 January", anchor), ["2026-01-10"]);
        assert_eq!(
            value("by July 2026 and March 3, 2026", anchor),
            ["2026-07", "2026-03-03"]
        );
        assert_eq!(
            value("the event on 20 November, ends on 31 October", anchor),
            ["2025-11-20", "2025-10-31"]
        );
        assert_eq!(
            value("in May, but we may meet. By February", anchor),
            ["2026-05", "2026-02"]
        );
        assert_eq!(
            value("on 2026-02-01 or 31 February", anchor),
            ["2026-02-01", "NoSuchDay"]
        );
        assert_eq!(value("5 December", None), ["NoAnchor"]);
        let past = |text: &str| {
            find(text)
                .iter()
                .map(|f| resolve_past(f, Some(date(2027, 1, 12))).map(|v| v.iso()))
                .collect::<Vec<_>>()
        };
        assert_eq!(past("in September"), [Ok("2026-09".to_owned())]);
        assert_eq!(past("on 20 December"), [Ok("2026-12-20".to_owned())]);
        assert!(value("we may meet", anchor).is_empty());
    }

    /// The dates as the capture groups of `DATE` give them: what `read_match` replaces.
    fn by_captures(text: &str) -> Vec<Found> {
        DATE.captures_iter(text)
            .map(|caps| {
                let whole = caps.get(0).expect("group 0 always matches");
                let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
                let day = |name: &str| num(name).and_then(|d| i8::try_from(d).ok());
                let (start, year, month, day) = if let Some(m) = caps.name("m1") {
                    (
                        whole.start(),
                        num("y1"),
                        month_number(m.as_str()),
                        day("d1"),
                    )
                } else if let Some(m) = caps.name("m2") {
                    (
                        whole.start(),
                        num("y2"),
                        month_number(m.as_str()),
                        day("d2"),
                    )
                } else if let Some(m) = caps.name("m3") {
                    (whole.start(), num("y3"), month_number(m.as_str()), None)
                } else if let Some(m) = caps.name("m4") {
                    (m.start(), num("y4"), month_number(m.as_str()), day("d4"))
                } else {
                    let month = num("im").and_then(|m| i8::try_from(m).ok()).unwrap_or(0);
                    (whole.start(), num("iy"), month, day("id"))
                };
                Found {
                    start,
                    end: whole.end(),
                    year,
                    month,
                    day,
                }
            })
            .collect()
    }

    #[test]
    fn reads_each_form_as_its_capture_groups() {
        for text in [
            "on 5 December 2025, 5th of Dec., 12 Sept, 2026 and 1 May",
            "March 3, 2026; Sept. 12th 2026; Jun 2027; May 5 and May 2026",
            "by March, early June 5th, 2026, the end of\u{2003}July 12 2026, BY May 2026",
            "2026-02-01 and 2026-13-45, 31 February, in May, mid-October 9",
            "from January 5x, until December 12345, since May, 2026, during  April  3",
        ] {
            assert_eq!(
                each_date(text).collect::<Vec<_>>(),
                by_captures(text),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn reads_any_text_as_the_capture_groups_do(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "5", "12", "31", "2026", "1999", "123", "5th", "2nd", "of", "Of", "in", "By",
                    "until", "end", "the", "END", "beginning", "mid", "May", "March", "Sept",
                    "Sep", "December", "Dec", "Jan", "June", "Junex", "2026-02-01", "2026-1-01",
                    ",", ".", "x", "é", "ſ", "may",
                ]),
                0..12,
            ),
            gaps in proptest::collection::vec(
                proptest::sample::select(vec![" ", "  ", ", ", ". ", "", "\u{2003}", "\n", "-"]),
                12,
            ),
        ) {
            let mut text = String::new();
            for (word, gap) in words.iter().zip(&gaps) {
                text.push_str(word);
                text.push_str(gap);
            }
            proptest::prop_assert_eq!(each_date(&text).collect::<Vec<_>>(), by_captures(&text));
        }
    }

    #[test]
    fn reads_meeting_times_with_zones() {
        let t = meeting_time("4 December 2025 at 13:00 UTC").expect("a time");
        assert_eq!(t.date, date(2025, 12, 4));
        assert_eq!(
            t.time.map(|(dt, z, o)| (dt.hour(), z, o)),
            Some((13, "UTC".to_owned(), 0))
        );
        assert_eq!(
            meeting_time("3 March 2026, 25:00 UTC").map(|t| t.time.is_none()),
            Some(true)
        );
        let t = meeting_time("Tuesday, 3 March 2026, 14:00 Geneva time (CET)").expect("a time");
        assert_eq!(t.time.map(|(_, _, o)| o), Some(3600));
        let t = meeting_time("March 3, 2026, 2:30 pm UTC+2").expect("a time");
        assert_eq!(
            t.time.map(|(dt, _, o)| (dt.hour(), dt.minute(), o)),
            Some((14, 30, 7200))
        );
        assert_eq!(
            meeting_time("3 March 2026").map(|t| t.time.is_none()),
            Some(true)
        );
    }
}
