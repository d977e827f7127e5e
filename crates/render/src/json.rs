//! The record as JSON: interface `rapporteur.record/1`, a promise to other programs.
//!
//! The wire types here are separate from the model on purpose: the model may change shape,
//! these may not (see `record-json.md`).
//! Every documented field is always present, with `null` or `[]` where the record does not know
//! a fact; keys come out in declaration order, which is the documented order, with this
//! crate's additions placed next to the fields they relate to.
//! Fields may be added here; renaming or dropping one needs a new [`FORMAT`] version.

use serde::Serialize;

/// The format identifier written into every record.
pub const FORMAT: &str = "rapporteur.record/1";

/// The record as JSON, in the documented key order, pretty-printed, with a trailing newline.
pub fn to_json_string(record: &model::Record) -> String {
    let wire = Record::from(record);
    let mut out = serde_json::to_string_pretty(&wire)
        .expect("the wire types hold only strings, numbers, options and vectors");
    out.push('\n');
    out
}

/// The record as a JSON value, for programs that inspect it rather than print it.
///
/// `serde_json::Value` sorts object keys unless serde_json's `preserve_order` feature is on;
/// use [`to_json_string`] where the documented key order matters.
pub fn to_json(record: &model::Record) -> serde_json::Value {
    serde_json::to_value(Record::from(record))
        .expect("the wire types hold only strings, numbers, options and vectors")
}

/// The whole record.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    pub format: &'static str,
    pub source: Source<'a>,
    pub group: Group<'a>,
    pub meeting: Meeting<'a>,
    pub agenda: Vec<AgendaItem<'a>>,
    pub participants: Vec<Participant<'a>>,
    pub interventions: Vec<Intervention<'a>>,
    pub mentions: Vec<Mention<'a>>,
    pub dates: Vec<DateFact<'a>>,
    pub action_items: Vec<ActionItem<'a>>,
    pub decisions: Vec<Decision<'a>>,
    pub references: Vec<Reference<'a>>,
    pub repairs: Vec<Repair<'a>>,
    pub diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source<'a> {
    pub path: &'a str,
    pub reader: &'a str,
    pub sha256: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group<'a> {
    pub name: Option<&'a str>,
    pub short_name: Option<&'a str>,
    pub parent: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meeting<'a> {
    pub number: Option<u32>,
    pub title: Option<&'a str>,
    /// RFC 3339 with the stated zone's offset.
    pub start: Option<String>,
    /// `YYYY-MM-DD`: the stated day, else the day of the stated start.
    pub date: Option<String>,
    /// The zone as written ("UTC", "CET").
    pub time_zone: Option<&'a str>,
    pub mode: Option<&'static str>,
    pub moderator: Option<&'a str>,
    pub chairs: &'a [String],
    pub recording: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem<'a> {
    pub number: &'a str,
    pub title: &'a str,
    pub items: Vec<AgendaItem<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Participant<'a> {
    pub name: &'a str,
    pub affiliation: Option<&'a str>,
    pub roles: Vec<&'static str>,
    pub stakeholder_group: Option<&'static str>,
    pub aliases: &'a [String],
    /// The title the list gives ("Ms.", "Ambassador"), or null.
    pub honorific: Option<&'a str>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Intervention<'a> {
    /// Position in the meeting, from 1.
    pub order: u32,
    pub agenda_item: Option<&'a str>,
    pub speaker: Speaker<'a>,
    pub act: Option<&'a str>,
    /// Labels of the people agreed with, kept as the simple list the interface promises.
    pub agrees_with: Vec<&'a str>,
    /// The same agreements with how each was resolved and why it was recorded.
    pub agreements: Vec<Agreement<'a>>,
    pub text: &'a str,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Speaker<'a> {
    pub status: &'static str,
    pub name: Option<&'a str>,
    pub mention: Option<&'a str>,
    pub candidates: &'a [String],
}

#[derive(Debug, Clone, Serialize)]
pub struct Agreement<'a> {
    pub with: Option<&'a str>,
    pub status: &'static str,
    pub basis: &'static str,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Span {
    pub start_line: u32,
    pub end_line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention<'a> {
    pub name: Option<&'a str>,
    pub status: &'static str,
    pub candidates: &'a [String],
    pub line: u32,
    /// The `order` of the intervention the mention occurs in.
    pub intervention: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateFact<'a> {
    pub text: &'a str,
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub value: Option<String>,
    pub kind: &'static str,
    pub context: &'a str,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionItem<'a> {
    pub what: &'a str,
    pub owner: Option<&'a str>,
    pub due: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decision<'a> {
    pub text: &'a str,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reference<'a> {
    pub document: Option<&'a str>,
    pub version: Option<&'a str>,
    pub paragraph: Option<&'a str>,
    pub text: &'a str,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Repair<'a> {
    pub kind: &'static str,
    pub description: &'a str,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic<'a> {
    pub severity: &'static str,
    pub code: &'static str,
    pub message: &'a str,
    pub hint: Option<&'a str>,
    pub line: u32,
    pub column: u32,
}

impl<'a> From<&'a model::Record> for Record<'a> {
    fn from(record: &'a model::Record) -> Record<'a> {
        Record {
            format: FORMAT,
            source: Source {
                path: &record.source.path,
                reader: &record.source.reader,
                sha256: &record.source.sha256,
            },
            group: Group {
                name: record.group.name.as_deref(),
                short_name: record.group.short_name.as_deref(),
                parent: record.group.parent.as_deref(),
            },
            meeting: meeting(&record.meeting),
            agenda: record.agenda.iter().map(agenda_item).collect(),
            participants: record.participants.iter().map(participant).collect(),
            interventions: record.interventions.iter().map(intervention).collect(),
            mentions: record.mentions.iter().map(mention).collect(),
            dates: record
                .dates
                .iter()
                .map(|date| DateFact {
                    text: &date.text,
                    value: date.value.map(|value| value.iso()),
                    kind: date.kind.as_str(),
                    context: &date.context,
                    line: date.span.start_line,
                })
                .collect(),
            action_items: record
                .action_items
                .iter()
                .map(|action| ActionItem {
                    what: &action.what,
                    owner: action.owner.as_deref(),
                    due: action.due.map(|due| due.iso()),
                    line: action.span.start_line,
                })
                .collect(),
            decisions: record
                .decisions
                .iter()
                .map(|decision| Decision {
                    text: &decision.text,
                    line: decision.span.start_line,
                })
                .collect(),
            references: record
                .references
                .iter()
                .map(|reference| Reference {
                    document: reference.document.as_deref(),
                    version: reference.version.as_deref(),
                    paragraph: reference.paragraph.as_deref(),
                    text: &reference.text,
                    line: reference.span.start_line,
                })
                .collect(),
            repairs: record
                .repairs
                .iter()
                .map(|repair| Repair {
                    kind: repair.kind.as_str(),
                    description: &repair.description,
                    line: repair.span.start_line,
                })
                .collect(),
            diagnostics: record
                .diagnostics
                .iter()
                .map(|diagnostic| Diagnostic {
                    severity: diagnostic.severity.as_str(),
                    code: diagnostic.code.as_str(),
                    message: &diagnostic.message,
                    hint: diagnostic.hint.as_deref(),
                    line: diagnostic.span.start_line,
                    column: diagnostic.span.column,
                })
                .collect(),
        }
    }
}

fn meeting(meeting: &model::Meeting) -> Meeting<'_> {
    Meeting {
        number: meeting.number,
        title: meeting.title.as_deref(),
        start: meeting.start.as_ref().map(model::Start::rfc3339),
        date: crate::layout::meeting_day(meeting).map(crate::layout::Day::iso),
        time_zone: meeting.start.as_ref().map(|start| start.zone.as_str()),
        mode: meeting.mode.map(model::Mode::as_str),
        moderator: meeting.moderator.as_deref(),
        chairs: &meeting.chairs,
        recording: meeting.recording.as_deref(),
    }
}

fn agenda_item(item: &model::AgendaItem) -> AgendaItem<'_> {
    AgendaItem {
        number: &item.number,
        title: &item.title,
        items: item.items.iter().map(agenda_item).collect(),
    }
}

fn participant(participant: &model::Participant) -> Participant<'_> {
    Participant {
        name: &participant.name,
        affiliation: participant.affiliation.as_deref(),
        roles: participant.roles.iter().map(|role| role.as_str()).collect(),
        stakeholder_group: participant
            .stakeholder_group
            .map(model::StakeholderGroup::as_str),
        aliases: &participant.aliases,
        honorific: participant.honorific.as_deref(),
        line: participant.span.start_line,
    }
}

fn intervention(intervention: &model::Intervention) -> Intervention<'_> {
    Intervention {
        order: intervention.order,
        agenda_item: intervention.agenda_item.as_deref(),
        speaker: speaker(&intervention.speaker),
        act: intervention.act.as_deref(),
        // An agreement with nobody has no label; it cannot be listed by name, and the
        // `agreements` list below still carries it.
        agrees_with: intervention
            .agreements
            .iter()
            .filter_map(|a| a.with.label())
            .collect(),
        agreements: intervention
            .agreements
            .iter()
            .map(|agreement| Agreement {
                with: agreement.with.label(),
                status: agreement.with.status(),
                basis: agreement.basis.as_str(),
            })
            .collect(),
        text: &intervention.text,
        span: Span {
            start_line: intervention.span.start_line,
            end_line: intervention.span.end_line,
        },
    }
}

fn speaker(speaker: &model::Speaker) -> Speaker<'_> {
    Speaker {
        status: speaker.status(),
        name: speaker.name(),
        mention: speaker.mention(),
        candidates: speaker.candidates(),
    }
}

fn mention(mention: &model::Mention) -> Mention<'_> {
    Mention {
        name: mention.person.label(),
        status: mention.person.status(),
        candidates: mention.person.candidates(),
        line: mention.span.start_line,
        intervention: mention.intervention,
    }
}
