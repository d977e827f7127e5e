//! A meeting made ready for the archive without the archive: its record as JSON, the key
//! that places it in its group's series, and every derived row (dates, attendance, passages,
//! agreements) with the names whose person the archive must find.
//!
//! Nothing here touches the database, so an import prepares meetings on every core and its
//! one writing thread only looks people up, binds and inserts. [`PreparedMeeting::new`] and
//! the rebuilding of a stored meeting's rows ([`Derived::of`]) are the only ways a record
//! becomes rows, so an import and a `reindex` write the same rows for the same record.

use model::{Record, Speaker};

use crate::{StoreError, key, slug};

/// One meeting ready to be written with [`Store::import_prepared`](crate::Store::import_prepared).
#[derive(Debug, Clone)]
pub struct PreparedMeeting {
    pub(crate) group: GroupLabel,
    pub(crate) number: Option<u32>,
    pub(crate) date: Option<String>,
    pub(crate) start: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) source_path: String,
    pub(crate) sha256: String,
    pub(crate) source_text: Option<String>,
    /// The record as interface `rapporteur.record/1` JSON, as the archive keeps it.
    pub(crate) json: String,
    pub(crate) rows: Derived,
}

/// The group as a record names it, with the key and URL slug the archive files it under.
#[derive(Debug, Clone)]
pub(crate) struct GroupLabel {
    /// The short name, else the name, trimmed: the group's `short_name` when it is new.
    pub(crate) label: String,
    pub(crate) key: String,
    pub(crate) slug: String,
    pub(crate) name: Option<String>,
    pub(crate) parent: Option<String>,
}

/// A name as a record writes it, with the key it is compared by.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub(crate) name: String,
    pub(crate) key: String,
}

impl Name {
    fn new(name: &str) -> Name {
        Name {
            name: name.to_owned(),
            key: key(name),
        }
    }
}

/// The person a row links to.
#[derive(Debug, Clone)]
pub(crate) enum Who {
    /// A participant or a resolved speaker: found, or created if the archive has no one.
    FindOrCreate(Name),
    /// An unknown speaker: linked only to a person the archive already knows by that name.
    Lookup(Name),
    /// An ambiguous speaker, or no one: linked to nobody.
    Nobody,
}

impl Who {
    fn of(speaker: &Speaker) -> Who {
        match speaker {
            Speaker::Resolved { name, .. } => Who::FindOrCreate(Name::new(name)),
            Speaker::Unknown { mention } => Who::Lookup(Name::new(mention)),
            Speaker::Ambiguous { .. } | Speaker::Nobody => Who::Nobody,
        }
    }
}

/// A meeting's derived rows, in the order they are written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Derived {
    pub(crate) dates: Vec<DateRow>,
    pub(crate) attendance: Vec<AttendanceRow>,
    pub(crate) passages: Vec<PassageRow>,
}

/// A row of `dates`; its position is its place in the list, from 1.
#[derive(Debug, Clone)]
pub(crate) struct DateRow {
    pub(crate) kind: &'static str,
    pub(crate) value: Option<String>,
    pub(crate) text: String,
    pub(crate) owner: Option<String>,
    pub(crate) context: Option<String>,
    pub(crate) line: u32,
}

/// A row of `attendance`; its position is its place in the list, from 0.
#[derive(Debug, Clone)]
pub(crate) struct AttendanceRow {
    pub(crate) person: Name,
    pub(crate) affiliation: Option<String>,
    pub(crate) roles: String,
    pub(crate) stakeholder_group: Option<&'static str>,
    pub(crate) line: u32,
}

/// A row of `passages`, with the rows of `agreements` that hang off it.
#[derive(Debug, Clone)]
pub(crate) struct PassageRow {
    pub(crate) kind: &'static str,
    pub(crate) position: i64,
    pub(crate) agenda_item: Option<String>,
    pub(crate) agenda_title: Option<String>,
    pub(crate) speaker_status: Option<&'static str>,
    pub(crate) speaker_mention: Option<String>,
    pub(crate) speaker_candidates: Option<String>,
    pub(crate) person: Who,
    pub(crate) act: Option<String>,
    pub(crate) text: String,
    pub(crate) line: u32,
    pub(crate) agreements: Vec<AgreementRow>,
}

/// A row of `agreements`; its position is its place under its passage, from 0.
#[derive(Debug, Clone)]
pub(crate) struct AgreementRow {
    pub(crate) person: Who,
    pub(crate) label: Option<String>,
    pub(crate) status: &'static str,
    pub(crate) basis: &'static str,
}

impl PreparedMeeting {
    /// Prepares a record and its source text. Fails, as an import of the record would, when
    /// the record names no group or has neither a number nor a date.
    pub fn new(
        record: &Record,
        source_text: Option<String>,
    ) -> Result<PreparedMeeting, StoreError> {
        let label = record
            .group
            .short_name
            .as_deref()
            .or(record.group.name.as_deref())
            .filter(|g| !g.trim().is_empty())
            .ok_or(StoreError::NoGroup)?;
        let wire = render::json::Record::from(record);
        if record.meeting.number.is_none() && wire.meeting.date.is_none() {
            return Err(StoreError::NoKey);
        }
        let json = serde_json::to_string(&wire).map_err(|e| StoreError::Invalid(e.to_string()))?;
        Ok(PreparedMeeting {
            group: GroupLabel {
                label: label.trim().to_owned(),
                key: key(label),
                slug: slug(label),
                name: record.group.name.clone(),
                parent: record.group.parent.clone(),
            },
            number: record.meeting.number,
            date: wire.meeting.date.clone(),
            start: wire.meeting.start.clone(),
            title: record.meeting.title.clone(),
            source_path: record.source.path.clone(),
            sha256: record.source.sha256.clone(),
            source_text,
            json,
            rows: Derived::of(record),
        })
    }
}

impl Derived {
    /// The rows a record gives.
    pub(crate) fn of(record: &Record) -> Derived {
        // Dates as the record resolved them, and action items with their due dates.
        let dates = record
            .dates
            .iter()
            .map(|fact| DateRow {
                kind: fact.kind.as_str(),
                value: fact.value.map(|v| v.iso()),
                text: fact.text.clone(),
                owner: None,
                context: Some(fact.context.clone()),
                line: fact.span.start_line,
            })
            .chain(record.action_items.iter().map(|action| DateRow {
                kind: "action-item",
                value: action.due.map(|v| v.iso()),
                text: action.what.clone(),
                owner: action.owner.clone(),
                context: None,
                line: action.span.start_line,
            }))
            .collect();

        let attendance = record
            .participants
            .iter()
            .map(|participant| AttendanceRow {
                person: Name::new(&participant.name),
                affiliation: participant.affiliation.clone(),
                roles: participant
                    .roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                stakeholder_group: participant.stakeholder_group.map(|g| g.as_str()),
                line: participant.span.start_line,
            })
            .collect();

        // A record names a few agenda items many times over; each title is looked up once.
        let mut titles: Vec<(String, Option<String>)> = Vec::new();
        let mut title_of = |number: Option<&str>| -> Option<String> {
            let number = number?;
            if let Some((_, title)) = titles.iter().find(|(n, _)| *n == number) {
                return title.clone();
            }
            let title = record.agenda_item(number).map(|item| item.title.clone());
            titles.push((number.to_owned(), title.clone()));
            title
        };
        let mut passages = Vec::with_capacity(
            record.interventions.len() + record.decisions.len() + record.action_items.len(),
        );
        for intervention in &record.interventions {
            let speaker = &intervention.speaker;
            let candidates = match speaker {
                Speaker::Ambiguous { candidates, .. } => Some(candidates.join("\n")),
                _ => None,
            };
            passages.push(PassageRow {
                kind: "intervention",
                position: i64::from(intervention.order),
                agenda_item: intervention.agenda_item.clone(),
                agenda_title: title_of(intervention.agenda_item.as_deref()),
                speaker_status: Some(speaker.status()),
                speaker_mention: speaker.mention().map(str::to_owned),
                speaker_candidates: candidates,
                person: Who::of(speaker),
                act: intervention.act.clone(),
                text: intervention.text.clone(),
                line: intervention.span.start_line,
                agreements: intervention
                    .agreements
                    .iter()
                    .map(|agreement| AgreementRow {
                        person: Who::of(&agreement.with),
                        label: agreement.with.label().map(str::to_owned),
                        status: agreement.with.status(),
                        basis: agreement.basis.as_str(),
                    })
                    .collect(),
            });
        }
        // Decisions and action items are searchable too; they are filed under the agenda item
        // of the intervention they were written in, when there is one.
        let item_at = |line: u32| {
            record
                .interventions
                .iter()
                .rfind(|i| {
                    i.span.start_line <= line && line <= i.span.end_line.max(i.span.start_line)
                })
                .and_then(|i| i.agenda_item.clone())
        };
        let facts = record
            .decisions
            .iter()
            .map(|d| ("decision", d.text.as_str(), None, d.span.start_line))
            .chain(record.action_items.iter().map(|a| {
                (
                    "action-item",
                    a.what.as_str(),
                    a.owner.as_deref(),
                    a.span.start_line,
                )
            }));
        for (position, (kind, text, owner, line)) in facts.enumerate() {
            let item = item_at(line);
            passages.push(PassageRow {
                kind,
                position: position as i64 + 1,
                agenda_title: title_of(item.as_deref()),
                agenda_item: item,
                speaker_status: None,
                speaker_mention: owner.map(str::to_owned),
                speaker_candidates: None,
                person: Who::Nobody,
                act: None,
                text: text.to_owned(),
                line,
                agreements: Vec::new(),
            });
        }
        Derived {
            dates,
            attendance,
            passages,
        }
    }
}
