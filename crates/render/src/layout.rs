//! The conventional layout of a summary report, worked out once for every report format.
//!
//! A [`Layout`] holds what the Markdown, text and HTML renderers show, in the order they show
//! it, as plain unescaped text: each renderer only adds its own markup and escaping.
//! Everything here is composed from facts in the record; a fact the record does not hold is
//! left out, never guessed, and no intervention is ever dropped.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use model::{AgendaItem, DateFact, Meeting, Record, Speaker};

use crate::RenderOptions;
use crate::naming::{find_word, with_full_name};

pub(crate) const AGENDA: &str = "Agenda";
pub(crate) const DISCUSSION: &str = "Discussion";
pub(crate) const PARTICIPANTS: &str = "Participants";
pub(crate) const CLOSING: &str = "Dates, deadlines and action items";
pub(crate) const DATES: &str = "Dates";
pub(crate) const ACTION_ITEMS: &str = "Action items";
pub(crate) const DECISIONS: &str = "Decisions";
pub(crate) const NO_DISCUSSION: &str = "No discussion recorded.";
/// The heading used when the report states no title: a label for the page, not a fact.
pub(crate) const UNTITLED: &str = "Meeting report";

/// A report, laid out.
pub(crate) struct Layout<'a> {
    /// The group's name, first line above the title.
    pub group: Option<&'a str>,
    /// The lines under the group's name: how and when it met.
    pub occasion: Vec<String>,
    pub title: &'a str,
    /// A short title for the page as a whole (an HTML `<title>`).
    pub page_title: String,
    /// The opening paragraph, when the record holds any fact it could state.
    pub opening: Option<String>,
    pub agenda: &'a [AgendaItem],
    pub discussion: Discussion<'a>,
    /// "Name, affiliation", in list order.
    pub participants: Vec<String>,
    pub closing: Closing,
}

/// The discussion, in the order the report reads.
pub(crate) struct Discussion<'a> {
    /// Interventions filed under no agenda item, shown before the first item.
    pub unfiled: Vec<Paragraph<'a>>,
    /// Every agenda item in agenda order, then any item number the agenda does not list.
    pub items: Vec<ItemDiscussion<'a>>,
}

impl Discussion<'_> {
    pub fn is_empty(&self) -> bool {
        self.unfiled.is_empty() && self.items.is_empty()
    }
}

/// The discussion under one agenda item.
pub(crate) struct ItemDiscussion<'a> {
    pub number: &'a str,
    /// "1. WSIS+20 – Rev2".
    pub heading: String,
    /// 0 for an item, 1 for a sub-item, and so on.
    pub depth: usize,
    pub paragraphs: Vec<Paragraph<'a>>,
}

/// One intervention as shown.
pub(crate) struct Paragraph<'a> {
    pub speaker: &'a Speaker,
    pub text: Cow<'a, str>,
    /// Where `text` names the speaker, so a renderer can mark the name.
    pub speaker_at: Option<Range<usize>>,
}

/// The closing section; each list is empty when the record holds no such fact.
pub(crate) struct Closing {
    pub dates: Vec<String>,
    pub action_items: Vec<String>,
    pub decisions: Vec<String>,
}

impl Closing {
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty() && self.action_items.is_empty() && self.decisions.is_empty()
    }

    /// The closing's subsections that hold anything, with their headings, in report order.
    pub fn sections(&self) -> impl Iterator<Item = (&'static str, &[String])> {
        [
            (DATES, &self.dates),
            (ACTION_ITEMS, &self.action_items),
            (DECISIONS, &self.decisions),
        ]
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(title, lines)| (title, lines.as_slice()))
    }
}

impl<'a> Layout<'a> {
    pub fn new(record: &'a Record, options: &RenderOptions) -> Layout<'a> {
        let meeting = &record.meeting;
        let title = meeting.title.as_deref().unwrap_or(UNTITLED);
        Layout {
            group: group_label(record),
            occasion: occasion(&record.meeting),
            title,
            page_title: page_title(record, title),
            opening: opening(record),
            agenda: &record.agenda,
            discussion: discussion(record, options),
            participants: record
                .participants
                .iter()
                .map(|p| match &p.affiliation {
                    Some(affiliation) => format!("{}, {affiliation}", p.name),
                    None => p.name.clone(),
                })
                .collect(),
            closing: Closing {
                dates: record.dates.iter().map(date_line).collect(),
                action_items: record
                    .action_items
                    .iter()
                    .map(|action| {
                        let mut details = Vec::new();
                        if let Some(owner) = &action.owner {
                            details.push(format!("owner: {owner}"));
                        }
                        if let Some(due) = action.due {
                            details.push(format!("due: {}", due.iso()));
                        }
                        if details.is_empty() {
                            action.what.clone()
                        } else {
                            format!("{} ({})", action.what, details.join("; "))
                        }
                    })
                    .collect(),
                decisions: record.decisions.iter().map(|d| d.text.clone()).collect(),
            },
        }
    }
}

/// "1." for a top-level number, "2.b" as is: a dotted number already reads as a label.
pub(crate) fn item_label(number: &str) -> String {
    if number.contains('.') {
        number.to_owned()
    } else {
        format!("{number}.")
    }
}

/// A calendar day, kept apart from `jiff` so this crate needs no date library of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Day {
    pub year: i16,
    pub month: i8,
    pub day: i8,
}

impl Day {
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "4 December 2025", the way the reports write dates.
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] = model::MONTH_NAMES;
        let month = usize::try_from(self.month - 1)
            .ok()
            .and_then(|index| MONTHS.get(index))
            .map_or_else(
                || format!("month {}", self.month),
                |name| (*name).to_owned(),
            );
        format!("{} {month} {}", self.day, self.year)
    }
}

/// The day of the meeting: the stated day, else the day of the stated start.
pub(crate) fn meeting_day(meeting: &Meeting) -> Option<Day> {
    let (year, month, day) = match (&meeting.date, &meeting.start) {
        (Some(date), _) => (date.year(), date.month(), date.day()),
        (None, Some(start)) => (start.local.year(), start.local.month(), start.local.day()),
        (None, None) => return None,
    };
    Some(Day { year, month, day })
}

/// "4 December 2025 at 13:00 UTC", or as much of it as the record states.
fn when(meeting: &Meeting) -> Option<String> {
    let day = meeting_day(meeting).map(Day::long);
    let time = meeting.start.as_ref().map(|start| {
        format!(
            "{:02}:{:02} {}",
            start.local.hour(),
            start.local.minute(),
            start.zone
        )
    });
    match (day, time) {
        (Some(day), Some(time)) => Some(format!("{day} at {time}")),
        (Some(day), None) => Some(day),
        (None, Some(time)) => Some(format!("at {time}")),
        (None, None) => None,
    }
}

fn group_label(record: &Record) -> Option<&str> {
    record
        .group
        .name
        .as_deref()
        .or(record.group.short_name.as_deref())
}

fn occasion(meeting: &Meeting) -> Vec<String> {
    let mut lines = Vec::new();
    lines.extend(
        meeting
            .mode
            .map(|mode| capitalise(&format!("{} meeting", mode.as_str()))),
    );
    lines.extend(when(meeting));
    lines
}

fn page_title(record: &Record, title: &str) -> String {
    let mut parts = vec![title.to_owned()];
    let group = record
        .group
        .short_name
        .as_deref()
        .or(record.group.name.as_deref());
    match (group, record.meeting.number) {
        (Some(group), Some(number)) => {
            parts.push(format!("{group}, {} meeting", model::ordinal(number)))
        }
        (Some(group), None) => parts.push(group.to_owned()),
        (None, Some(number)) => parts.push(format!("{} meeting", model::ordinal(number))),
        (None, None) => {}
    }
    parts.extend(meeting_day(&record.meeting).map(Day::long));
    parts.join(" – ")
}

/// The opening paragraph of a report, in the report's own words where the record has them.
fn opening(record: &Record) -> Option<String> {
    let meeting = &record.meeting;
    let mut sentences = Vec::new();

    let group = match (&record.group.name, &record.group.short_name) {
        (Some(name), Some(short)) => Some(format!("the {name} ({short})")),
        (Some(name), None) => Some(format!("the {name}")),
        (None, Some(short)) => Some(short.clone()),
        (None, None) => None,
    };
    let when = when(meeting);
    if meeting.number.is_some() || group.is_some() || when.is_some() {
        let mut subject = String::from("The");
        if let Some(number) = meeting.number {
            subject.push(' ');
            subject.push_str(&model::ordinal(number));
        }
        if let Some(mode) = meeting.mode {
            subject.push(' ');
            subject.push_str(mode.as_str());
        }
        subject.push_str(" meeting");
        if let Some(group) = &group {
            subject.push_str(" of ");
            subject.push_str(group);
        }
        sentences.push(match &when {
            Some(when) if when.starts_with("at ") => format!("{subject} was held {when}."),
            Some(when) => format!("{subject} was held on {when}."),
            None => format!("{subject} was held."),
        });
    }

    let recording = meeting
        .recording
        .as_deref()
        .map(|recording| format!("a recording of the meeting is {recording}"));
    match (&meeting.moderator, recording) {
        (Some(moderator), Some(recording)) => {
            sentences.push(format!(
                "The meeting was moderated by {moderator} and {recording}."
            ));
        }
        (Some(moderator), None) => {
            sentences.push(format!("The meeting was moderated by {moderator}."));
        }
        (None, Some(recording)) => sentences.push(format!("{}.", capitalise(&recording))),
        (None, None) => {}
    }

    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn discussion<'a>(record: &'a Record, options: &RenderOptions) -> Discussion<'a> {
    let numbered: Vec<(&AgendaItem, usize)> = record
        .agenda
        .iter()
        .flat_map(|item| with_depth(item, 0))
        .collect();
    let mut unlisted: Vec<&str> = Vec::new();
    for intervention in &record.interventions {
        if let Some(number) = intervention.agenda_item.as_deref()
            && !numbered.iter().any(|(item, _)| item.number == number)
            && !unlisted.contains(&number)
        {
            unlisted.push(number);
        }
    }

    // Full names are written in the reading order of the page, so the first intervention a
    // reader meets from each person is the one that carries the full name.
    let mut named: HashSet<&str> = HashSet::new();
    // In a summary report the sentence names its speaker ("Titti noted…"); in transcripts
    // and minutes a turn is only what was said, so the speaker's name is written before it.
    let labelled = record.source.reader != "summary-report" && !record.source.reader.is_empty();
    // An agenda that lists a number twice shows the discussion once, under the first.
    let mut shown: HashSet<Option<&str>> = HashSet::new();
    let mut paragraphs = |filed_under: Option<&'a str>| -> Vec<Paragraph<'a>> {
        if !shown.insert(filed_under) {
            return Vec::new();
        }
        record
            .interventions
            .iter()
            .filter(|intervention| intervention.agenda_item.as_deref() == filed_under)
            .map(|intervention| {
                let shown = paragraph(intervention, options, &mut named);
                if labelled { label_turn(shown) } else { shown }
            })
            .collect()
    };

    let unfiled = paragraphs(None);
    let mut items: Vec<ItemDiscussion<'a>> = numbered
        .iter()
        .map(|(item, depth)| ItemDiscussion {
            number: &item.number,
            heading: format!("{} {}", item_label(&item.number), item.title),
            depth: *depth,
            paragraphs: paragraphs(Some(&item.number)),
        })
        .collect();
    items.extend(unlisted.into_iter().map(|number| ItemDiscussion {
        number,
        heading: format!("{} (not on the agenda)", item_label(number)),
        depth: 0,
        paragraphs: paragraphs(Some(number)),
    }));
    Discussion { unfiled, items }
}

fn with_depth(item: &AgendaItem, depth: usize) -> Vec<(&AgendaItem, usize)> {
    let mut all = vec![(item, depth)];
    for sub in &item.items {
        all.extend(with_depth(sub, depth + 1));
    }
    all
}

/// A turn of a transcript or minutes, with its speaker's name written before it, unless the
/// text opens with the name already.
fn label_turn(paragraph: Paragraph<'_>) -> Paragraph<'_> {
    let label = match paragraph.speaker {
        Speaker::Resolved { name, .. } => name.as_str(),
        Speaker::Ambiguous { mention, .. } | Speaker::Unknown { mention } => mention.as_str(),
        Speaker::Nobody => return paragraph,
    };
    if label.is_empty()
        || paragraph
            .speaker_at
            .as_ref()
            .is_some_and(|at| at.start == 0)
    {
        return paragraph;
    }
    Paragraph {
        speaker: paragraph.speaker,
        text: Cow::Owned(format!("{label}: {}", paragraph.text)),
        speaker_at: Some(0..label.len()),
    }
}

fn paragraph<'a>(
    intervention: &'a model::Intervention,
    options: &RenderOptions,
    named: &mut HashSet<&'a str>,
) -> Paragraph<'a> {
    let speaker = &intervention.speaker;
    let text = intervention.text.as_str();
    if let Speaker::Resolved { name, mention } = speaker
        && options.full_names
        // Only the person's first intervention may change, whether or not it names them.
        && named.insert(name.as_str())
        && mention != name
        && let Some((text, at)) = with_full_name(text, mention, name)
    {
        return Paragraph {
            speaker,
            text: Cow::Owned(text),
            speaker_at: Some(at),
        };
    }
    let speaker_at = match speaker {
        // A resolved name may be written in full or as the mention: mark whichever comes first.
        Speaker::Resolved { name, mention } => [find_word(text, name), find_word(text, mention)]
            .into_iter()
            .flatten()
            .min_by_key(|range| range.start),
        Speaker::Ambiguous { mention, .. } | Speaker::Unknown { mention } => {
            find_word(text, mention)
        }
        Speaker::Nobody => None,
    };
    Paragraph {
        speaker,
        text: Cow::Borrowed(text),
        speaker_at,
    }
}

fn date_line(date: &DateFact) -> String {
    let kind = date.kind.as_str().replace('-', " ");
    match date.value {
        Some(value) => format!("{} ({kind}): {}", value.iso(), date.text),
        None => format!("{} ({kind}; not resolved to a date)", date.text),
    }
}

/// "1st", "2nd", "3rd", "11th", "106th".
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_record_states_nothing() {
        let record = Record::default();
        let layout = Layout::new(&record, &RenderOptions::default());
        assert_eq!(layout.group, None);
        assert!(layout.occasion.is_empty());
        assert_eq!(layout.opening, None);
        assert_eq!(layout.title, UNTITLED);
        assert_eq!(layout.page_title, UNTITLED);
        assert!(layout.discussion.is_empty());
        assert!(layout.closing.is_empty());
    }

    #[test]
    fn opening_from_the_moderator_alone() {
        let mut record = Record::default();
        record.meeting.moderator = Some("Titti Cassa".to_owned());
        let layout = Layout::new(&record, &RenderOptions::default());
        assert_eq!(
            layout.opening.as_deref(),
            Some("The meeting was moderated by Titti Cassa.")
        );
    }

    #[test]
    fn opening_from_the_number_and_recording() {
        let mut record = Record::default();
        record.meeting.number = Some(12);
        record.meeting.recording = Some("available upon request".to_owned());
        let layout = Layout::new(&record, &RenderOptions::default());
        assert_eq!(
            layout.opening.as_deref(),
            Some(
                "The 12th meeting was held. A recording of the meeting is available upon request."
            )
        );
    }

    #[test]
    fn day_names_months() {
        assert_eq!(
            Day {
                year: 2025,
                month: 12,
                day: 4
            }
            .long(),
            "4 December 2025"
        );
        assert_eq!(
            Day {
                year: 2025,
                month: 13,
                day: 4
            }
            .long(),
            "4 month 13 2025"
        );
    }
}
