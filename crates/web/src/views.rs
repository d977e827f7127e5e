//! What a page shows, worked out from the store's answers before any template runs: URLs,
//! dates written out, speakers as links or as visibly unsettled names, the discussion grouped
//! by agenda item. Plain data; the templates only lay it out.

use std::collections::HashMap;

use model::{AgendaItem, Record, Speaker};
use store::MeetingRef;

pub fn group_url(slug: &str) -> String {
    format!("/groups/{slug}")
}

pub fn person_url(slug: &str) -> String {
    format!("/people/{slug}")
}

/// `/groups/wg-strategy/meetings/106`, or the date for a meeting without a number.
pub fn meeting_url(meeting: &MeetingRef) -> String {
    let which = match (&meeting.number, &meeting.date) {
        (Some(number), _) => number.to_string(),
        (None, Some(date)) => date.clone(),
        (None, None) => meeting.id.to_string(),
    };
    format!("/groups/{}/meetings/{which}", meeting.group_slug)
}

/// "4 December 2025" from `2025-12-04`; "December 2025" from `2025-12`; as given otherwise.
pub fn long_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| model::MONTH_NAMES.get(m.wrapping_sub(1)))
    };
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(name), Ok(day)) => format!("{day} {name} {y}"),
            _ => iso.to_owned(),
        },
        [y, m] => month(m).map_or_else(|| iso.to_owned(), |name| format!("{name} {y}")),
        _ => iso.to_owned(),
    }
}

/// A link to a meeting, as lists show it.
#[derive(Debug, Clone)]
pub struct MeetingLink {
    pub label: String,
    pub url: String,
    pub date: String,
    pub group: String,
    pub group_url: String,
    pub title: String,
}

impl MeetingLink {
    pub fn new(meeting: &MeetingRef) -> MeetingLink {
        MeetingLink {
            label: meeting_label(meeting),
            url: meeting_url(meeting),
            date: meeting.date.as_deref().map(long_date).unwrap_or_default(),
            group: meeting.group.clone(),
            group_url: group_url(&meeting.group_slug),
            title: meeting.title.clone().unwrap_or_default(),
        }
    }
}

/// "WG-Strategy meeting 106", or "WG-Strategy, 4 December 2025".
pub fn meeting_label(meeting: &MeetingRef) -> String {
    match (&meeting.number, &meeting.date) {
        (Some(number), _) => format!("{} meeting {number}", meeting.group),
        (None, Some(date)) => format!("{}, {}", meeting.group, long_date(date)),
        (None, None) => meeting.group.clone(),
    }
}

/// A person's name, linked when the archive knows the person.
#[derive(Debug, Clone)]
pub struct PersonLink {
    pub name: String,
    pub url: Option<String>,
}

/// Who spoke, as a page shows it.
#[derive(Debug, Clone)]
pub enum SpeakerView {
    Person(PersonLink),
    Ambiguous {
        mention: String,
        candidates: Vec<PersonLink>,
    },
    Unknown {
        mention: String,
    },
    Nobody,
}

#[derive(Debug, Clone)]
pub struct InterventionView {
    pub speaker: SpeakerView,
    pub text: String,
    pub line: u32,
    pub agrees_with: Vec<PersonLink>,
}

#[derive(Debug, Clone)]
pub struct SectionView {
    pub number: String,
    pub title: String,
    pub anchor: String,
    pub interventions: Vec<InterventionView>,
}

#[derive(Debug, Clone)]
pub struct AgendaLine {
    pub number: String,
    pub title: String,
    pub anchor: String,
    pub sub: Vec<AgendaLine>,
}

#[derive(Debug, Clone)]
pub struct ParticipantView {
    pub person: PersonLink,
    pub affiliation: String,
}

#[derive(Debug, Clone)]
pub struct DateView {
    pub kind: String,
    pub value: String,
    pub text: String,
    pub context: String,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub struct ActionView {
    pub what: String,
    pub owner: String,
    pub due: String,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub struct DecisionView {
    pub text: String,
    pub line: u32,
}

/// Everything the meeting page shows.
#[derive(Debug, Clone)]
pub struct MeetingView {
    pub heading: String,
    pub group_name: String,
    pub group_url: String,
    pub title: String,
    pub when: String,
    pub mode: String,
    pub moderator: Option<PersonLink>,
    pub chairs: Vec<PersonLink>,
    pub recording: String,
    pub agenda: Vec<AgendaLine>,
    pub sections: Vec<SectionView>,
    pub participants: Vec<ParticipantView>,
    pub dates: Vec<DateView>,
    pub actions: Vec<ActionView>,
    pub decisions: Vec<DecisionView>,
    pub unsettled: usize,
    pub previous: Option<MeetingLink>,
    pub next: Option<MeetingLink>,
    pub source_url: String,
    pub json_url: String,
}

/// A meeting's attendance export, as the meeting page shows it.
#[derive(Debug, Clone)]
pub struct PresenceView {
    /// "Zoom participant report".
    pub tool: String,
    pub rows: Vec<PresenceLine>,
}

#[derive(Debug, Clone)]
pub struct PresenceLine {
    /// The name as the tool wrote it.
    pub name: String,
    /// The participant it was matched to; none when it fits nobody, or several people.
    pub person: Option<PersonLink>,
    /// "1 h 05 min".
    pub time: String,
    pub sessions: usize,
}

pub fn presence_view(presence: &store::Presence) -> PresenceView {
    PresenceView {
        tool: presence.tool.describe().to_owned(),
        rows: presence
            .rows
            .iter()
            .map(|row| PresenceLine {
                name: row.attendee.name.clone(),
                person: row.participant.as_ref().map(|name| PersonLink {
                    name: name.clone(),
                    url: row.person.as_ref().map(|(_, slug)| person_url(slug)),
                }),
                time: match (
                    row.attendee.seconds / 3600,
                    row.attendee.seconds % 3600 / 60,
                ) {
                    (0, m) => format!("{m} min"),
                    (h, m) => format!("{h} h {m:02} min"),
                },
                sessions: row.attendee.sessions.len(),
            })
            .collect(),
    }
}

fn link(name: &str, slugs: &HashMap<String, String>) -> PersonLink {
    PersonLink {
        name: name.to_owned(),
        url: slugs.get(name).map(|slug| person_url(slug)),
    }
}

fn speaker_view(speaker: &Speaker, slugs: &HashMap<String, String>) -> SpeakerView {
    match speaker {
        Speaker::Resolved { name, .. } => SpeakerView::Person(link(name, slugs)),
        Speaker::Ambiguous {
            mention,
            candidates,
        } => SpeakerView::Ambiguous {
            mention: mention.clone(),
            candidates: candidates.iter().map(|c| link(c, slugs)).collect(),
        },
        Speaker::Unknown { mention } => SpeakerView::Unknown {
            mention: mention.clone(),
        },
        Speaker::Nobody => SpeakerView::Nobody,
    }
}

fn intervention_view(
    intervention: &model::Intervention,
    slugs: &HashMap<String, String>,
) -> InterventionView {
    InterventionView {
        speaker: speaker_view(&intervention.speaker, slugs),
        text: intervention.text.clone(),
        line: intervention.span.start_line,
        agrees_with: intervention
            .agreements
            .iter()
            .filter_map(|a| a.with.label())
            .map(|name| link(name, slugs))
            .collect(),
    }
}

fn anchor(number: &str) -> String {
    let clean: String = number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("item-{clean}")
}

fn agenda_line(item: &AgendaItem) -> AgendaLine {
    AgendaLine {
        number: item.number.clone(),
        title: item.title.clone(),
        anchor: anchor(&item.number),
        sub: item.items.iter().map(agenda_line).collect(),
    }
}

/// The meeting page, from the stored record and the archive's links.
pub fn meeting_view(
    meeting: &MeetingRef,
    record: &Record,
    slugs: &HashMap<String, String>,
    previous: Option<&MeetingRef>,
    next: Option<&MeetingRef>,
) -> MeetingView {
    let m = &record.meeting;
    let date = m
        .date
        .map(|d| long_date(&d.to_string()))
        .or_else(|| meeting.date.as_deref().map(long_date));
    let time = m
        .start
        .as_ref()
        .map(|s| format!("{:02}:{:02} {}", s.local.hour(), s.local.minute(), s.zone));
    let when = match (date, time) {
        (Some(d), Some(t)) => format!("{d} at {t}"),
        (Some(d), None) => d,
        (None, Some(t)) => t,
        (None, None) => String::new(),
    };

    // Discussion by agenda item, in agenda order; what precedes the first item, or names no
    // item of the agenda, comes first as "Opening".
    let views = |number: Option<&str>| -> Vec<InterventionView> {
        record
            .interventions
            .iter()
            .filter(|i| i.agenda_item.as_deref() == number)
            .map(|i| intervention_view(i, slugs))
            .collect()
    };
    let mut sections = Vec::new();
    let known: Vec<&str> = record
        .agenda_items()
        .iter()
        .map(|i| i.number.as_str())
        .collect();
    let opening: Vec<InterventionView> = record
        .interventions
        .iter()
        .filter(|i| i.agenda_item.as_deref().is_none_or(|n| !known.contains(&n)))
        .map(|i| intervention_view(i, slugs))
        .collect();
    if !opening.is_empty() {
        sections.push(SectionView {
            number: String::new(),
            title: "Opening".into(),
            anchor: "opening".into(),
            interventions: opening,
        });
    }
    for item in record.agenda_items() {
        sections.push(SectionView {
            number: item.number.clone(),
            title: item.title.clone(),
            anchor: anchor(&item.number),
            interventions: views(Some(&item.number)),
        });
    }

    let unsettled = record
        .interventions
        .iter()
        .filter(|i| {
            matches!(
                i.speaker,
                Speaker::Ambiguous { .. } | Speaker::Unknown { .. }
            )
        })
        .count();
    let base = meeting_url(meeting);
    MeetingView {
        heading: meeting_label(meeting),
        group_name: record
            .group
            .name
            .clone()
            .unwrap_or_else(|| meeting.group.clone()),
        group_url: group_url(&meeting.group_slug),
        title: m.title.clone().unwrap_or_default(),
        when,
        mode: m
            .mode
            .map(|mode| mode.as_str().to_owned())
            .unwrap_or_default(),
        moderator: m.moderator.as_deref().map(|name| link(name, slugs)),
        chairs: m.chairs.iter().map(|name| link(name, slugs)).collect(),
        recording: m.recording.clone().unwrap_or_default(),
        agenda: record.agenda.iter().map(agenda_line).collect(),
        sections,
        participants: record
            .participants
            .iter()
            .map(|p| ParticipantView {
                person: link(&p.name, slugs),
                affiliation: p.affiliation.clone().unwrap_or_default(),
            })
            .collect(),
        dates: record
            .dates
            .iter()
            .map(|d| DateView {
                kind: d.kind.as_str().to_owned(),
                value: d.value.map(|v| long_date(&v.iso())).unwrap_or_default(),
                text: d.text.clone(),
                context: d.context.clone(),
                line: d.span.start_line,
            })
            .collect(),
        actions: record
            .action_items
            .iter()
            .map(|a| ActionView {
                what: a.what.clone(),
                owner: a.owner.clone().unwrap_or_default(),
                due: a.due.map(|v| long_date(&v.iso())).unwrap_or_default(),
                line: a.span.start_line,
            })
            .collect(),
        decisions: record
            .decisions
            .iter()
            .map(|d| DecisionView {
                text: d.text.clone(),
                line: d.span.start_line,
            })
            .collect(),
        unsettled,
        previous: previous.map(MeetingLink::new),
        next: next.map(MeetingLink::new),
        source_url: format!("{base}/source"),
        json_url: format!(
            "/api/v1/groups/{}/meetings/{}",
            meeting.group_slug,
            base.rsplit('/').next().unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out() {
        assert_eq!(long_date("2025-12-04"), "4 December 2025");
        assert_eq!(long_date("2026-07"), "July 2026");
        assert_eq!(long_date("2026-13-01"), "2026-13-01");
        assert_eq!(long_date("soon"), "soon");
    }
}
