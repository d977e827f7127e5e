//! The group, the meeting and its agenda.

use crate::Span;

/// A working group, committee or body that meets in a numbered series.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Group {
    /// The group's full name as written ("MAG Working Group on IGF Strengthening and Strategy").
    pub name: Option<String>,
    /// The short name the report gives in parentheses ("WG-Strategy").
    pub short_name: Option<String>,
    /// The body the group belongs to, when its name states it ("IGF MAG").
    pub parent: Option<String>,
}

/// How the meeting was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Online,
    InPerson,
    Hybrid,
}

impl Mode {
    /// Every value, in declaration order.
    pub const ALL: [Mode; 3] = [Mode::Online, Mode::InPerson, Mode::Hybrid];

    /// The value whose [`as_str`](Mode::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Online => "online",
            Mode::InPerson => "in-person",
            Mode::Hybrid => "hybrid",
        }
    }
}

/// The start of a meeting: a wall-clock time in a stated zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    /// The local date and time as written.
    pub local: jiff::civil::DateTime,
    /// The zone as written ("UTC", "CET", "UTC+2", "Europe/Geneva").
    pub zone: String,
    /// The zone's offset from UTC on that day, in seconds.
    pub offset_seconds: i32,
}

impl Start {
    /// The start as an RFC 3339 instant: `2025-12-04T13:00:00Z` or `2025-12-04T14:00:00+01:00`.
    pub fn rfc3339(&self) -> String {
        let d = self.local;
        let stamp = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minute(),
            d.second()
        );
        if self.offset_seconds == 0 {
            return format!("{stamp}Z");
        }
        let sign = if self.offset_seconds < 0 { '-' } else { '+' };
        let minutes = self.offset_seconds.unsigned_abs() / 60;
        format!("{stamp}{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// One numbered session of a group.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meeting {
    /// The number in the group's series (the "106th meeting").
    pub number: Option<u32>,
    /// The report's title as written ("Summary Report").
    pub title: Option<String>,
    /// The day of the meeting, when the report states it.
    pub date: Option<jiff::civil::Date>,
    /// The start time with its zone, when the report states a time.
    pub start: Option<Start>,
    pub mode: Option<Mode>,
    /// The moderator's full name when resolved, otherwise the name as written.
    pub moderator: Option<String>,
    /// Full names of the participants listed as chair or co-chair, in list order.
    pub chairs: Vec<String>,
    /// What the report says of the recording ("available upon request").
    pub recording: Option<String>,
    pub span: Span,
}

/// A numbered point of a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// The number as a dotted string ("1", "2.b").
    pub number: String,
    pub title: String,
    pub items: Vec<AgendaItem>,
    pub span: Span,
}

impl AgendaItem {
    /// This item and all its sub-items, depth first.
    pub fn flatten(&self) -> Vec<&AgendaItem> {
        let mut all = Vec::new();
        self.gather(&mut all);
        all
    }

    /// Adds this item and its sub-items, depth first, to one list (no list per item).
    pub(crate) fn gather<'a>(&'a self, all: &mut Vec<&'a AgendaItem>) {
        all.push(self);
        for item in &self.items {
            item.gather(all);
        }
    }
}
