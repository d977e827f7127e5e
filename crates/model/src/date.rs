//! Dates named in a report, resolved against the meeting date.

use crate::Span;

/// The English month names, January first, as reports write them.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A resolved date: a day, or a month when the text names only the month.
/// An English ordinal as reports write meeting numbers: "1st", "22nd", "113th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    Day(jiff::civil::Date),
    Month { year: i16, month: i8 },
}

impl DateValue {
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
        }
    }
}

/// What a date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// Something is due by then ("with a deadline of 5 December").
    Deadline,
    /// The next meeting, proposed or fixed.
    NextMeeting,
    /// Something is expected by then, without a stated obligation ("by July 2026").
    Expected,
    /// A date named in passing.
    Mentioned,
}

impl DateKind {
    /// Every value, in declaration order.
    pub const ALL: [DateKind; 4] = [
        DateKind::Deadline,
        DateKind::NextMeeting,
        DateKind::Expected,
        DateKind::Mentioned,
    ];

    /// The value whose [`as_str`](DateKind::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<DateKind> {
        DateKind::ALL
            .into_iter()
            .find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Deadline => "deadline",
            DateKind::NextMeeting => "next-meeting",
            DateKind::Expected => "expected",
            DateKind::Mentioned => "mentioned",
        }
    }
}

/// A date named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFact {
    /// The date as written ("5 December").
    pub text: String,
    /// The resolved value; `None` when it cannot be resolved (no meeting date to anchor it).
    pub value: Option<DateValue>,
    pub kind: DateKind,
    /// The sentence the date occurs in, for context.
    pub context: String,
    pub span: Span,
}
