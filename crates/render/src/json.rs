//! The record as JSON: interface `rapporteur.record/1`, a promise to other programs.
//!
//! The wire types here are separate from the model on purpose: the model may change shape,
//! these may not (see `record-json.md`).
//! Every documented field is always present, with `null` or `[]` where the record does not know
//! a fact; keys come out in declaration order, which is the documented order, with this
//! crate's additions placed next to the fields they relate to.
//! Fields may be added here; renaming or dropping one needs a new [`FORMAT`] version.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record<'a> {
    pub format: Cow<'a, str>,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source<'a> {
    pub path: Cow<'a, str>,
    pub reader: Cow<'a, str>,
    pub sha256: Cow<'a, str>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group<'a> {
    pub name: Option<Cow<'a, str>>,
    pub short_name: Option<Cow<'a, str>>,
    pub parent: Option<Cow<'a, str>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meeting<'a> {
    pub number: Option<u32>,
    pub title: Option<Cow<'a, str>>,
    /// RFC 3339 with the stated zone's offset.
    pub start: Option<String>,
    /// `YYYY-MM-DD`: the stated day, else the day of the stated start.
    pub date: Option<String>,
    /// The zone as written ("UTC", "CET").
    pub time_zone: Option<Cow<'a, str>>,
    pub mode: Option<Cow<'a, str>>,
    pub moderator: Option<Cow<'a, str>>,
    pub chairs: Cow<'a, [String]>,
    pub recording: Option<Cow<'a, str>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AgendaItem<'a> {
    pub number: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub items: Vec<AgendaItem<'a>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Participant<'a> {
    pub name: Cow<'a, str>,
    pub affiliation: Option<Cow<'a, str>>,
    pub roles: Vec<Cow<'a, str>>,
    pub stakeholder_group: Option<Cow<'a, str>>,
    pub aliases: Cow<'a, [String]>,
    /// The title the list gives ("Ms.", "Ambassador"), or null.
    pub honorific: Option<Cow<'a, str>>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Intervention<'a> {
    /// Position in the meeting, from 1.
    pub order: u32,
    pub agenda_item: Option<Cow<'a, str>>,
    pub speaker: Speaker<'a>,
    pub act: Option<Cow<'a, str>>,
    /// Labels of the people agreed with, kept as the simple list the interface promises.
    pub agrees_with: Vec<Cow<'a, str>>,
    /// The same agreements with how each was resolved and why it was recorded.
    pub agreements: Vec<Agreement<'a>>,
    pub text: Cow<'a, str>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Speaker<'a> {
    pub status: Cow<'a, str>,
    pub name: Option<Cow<'a, str>>,
    pub mention: Option<Cow<'a, str>>,
    pub candidates: Cow<'a, [String]>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Agreement<'a> {
    pub with: Option<Cow<'a, str>>,
    pub status: Cow<'a, str>,
    pub basis: Cow<'a, str>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Span {
    pub start_line: u32,
    pub end_line: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention<'a> {
    pub name: Option<Cow<'a, str>>,
    pub status: Cow<'a, str>,
    pub candidates: Cow<'a, [String]>,
    pub line: u32,
    /// The `order` of the intervention the mention occurs in.
    pub intervention: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DateFact<'a> {
    pub text: Cow<'a, str>,
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub value: Option<String>,
    pub kind: Cow<'a, str>,
    pub context: Cow<'a, str>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActionItem<'a> {
    pub what: Cow<'a, str>,
    pub owner: Option<Cow<'a, str>>,
    pub due: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Decision<'a> {
    pub text: Cow<'a, str>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reference<'a> {
    pub document: Option<Cow<'a, str>>,
    pub version: Option<Cow<'a, str>>,
    pub paragraph: Option<Cow<'a, str>>,
    pub text: Cow<'a, str>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Repair<'a> {
    pub kind: Cow<'a, str>,
    pub description: Cow<'a, str>,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Diagnostic<'a> {
    pub severity: Cow<'a, str>,
    pub code: Cow<'a, str>,
    pub message: Cow<'a, str>,
    pub hint: Option<Cow<'a, str>>,
    pub line: u32,
    pub column: u32,
}

/// Why a text is not a record of interface `rapporteur.record/1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line and column of the problem in the JSON text; 0 when it has no place.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "not a {FORMAT} record: {}", self.message)
        } else {
            write!(
                f,
                "not a {FORMAT} record: line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ParseError {}

impl From<serde_json::Error> for ParseError {
    fn from(error: serde_json::Error) -> ParseError {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the fields carry that already.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        ParseError {
            line: error.line(),
            column: error.column(),
            message,
        }
    }
}

fn invalid(message: impl Into<String>) -> ParseError {
    ParseError {
        line: 0,
        column: 0,
        message: message.into(),
    }
}

/// Reads a record printed by [`to_json_string`] (or any JSON object of the same interface)
/// back into the model.
///
/// Printing the result again gives the same JSON: every field of the interface is carried
/// over. What the interface leaves out (columns of most facts, the spans of the meeting and
/// its agenda, the mention behind an agreement) comes back as "nowhere" or as the label.
pub fn from_json_str(text: &str) -> Result<model::Record, ParseError> {
    let wire: Record<'_> = serde_json::from_str(text)?;
    model::Record::try_from(wire)
}

/// The same as [`from_json_str`], for a record already parsed into a JSON value.
pub fn from_json_value(value: serde_json::Value) -> Result<model::Record, ParseError> {
    let wire: Record<'static> = serde_json::from_value(value)?;
    model::Record::try_from(wire)
}

fn known<T>(parse: fn(&str) -> Option<T>, what: &str, text: &str) -> Result<T, ParseError> {
    parse(text).ok_or_else(|| invalid(format!("unknown {what} '{text}'")))
}

fn date_value(text: &str) -> Result<model::DateValue, ParseError> {
    let bad = || invalid(format!("'{text}' is neither YYYY-MM-DD nor YYYY-MM"));
    match text.len() {
        10 => text
            .parse::<jiff::civil::Date>()
            .map(model::DateValue::Day)
            .map_err(|_| bad()),
        7 => {
            let (year, month) = text.split_once('-').ok_or_else(bad)?;
            let year: i16 = year.parse().map_err(|_| bad())?;
            let month: i8 = month.parse().map_err(|_| bad())?;
            if !(1..=12).contains(&month) {
                return Err(bad());
            }
            Ok(model::DateValue::Month { year, month })
        }
        _ => Err(bad()),
    }
}

fn line(line: u32) -> model::Span {
    model::Span::lines(line, line)
}

fn owned(text: Option<Cow<'_, str>>) -> Option<String> {
    text.map(Cow::into_owned)
}

/// A speaker, or a person agreed with or mentioned, from its status and its label.
fn person(
    status: &str,
    name: Option<Cow<'_, str>>,
    mention: Option<Cow<'_, str>>,
    candidates: Vec<String>,
) -> Result<model::Speaker, ParseError> {
    let label = || {
        name.clone()
            .or_else(|| mention.clone())
            .map(Cow::into_owned)
            .ok_or_else(|| invalid(format!("a '{status}' person without a name")))
    };
    Ok(match status {
        "resolved" => model::Speaker::Resolved {
            name: owned(name.clone()).ok_or_else(|| invalid("a resolved person without a name"))?,
            mention: owned(mention.clone()).map_or_else(label, Ok)?,
        },
        "ambiguous" => model::Speaker::Ambiguous {
            mention: owned(mention.clone()).map_or_else(label, Ok)?,
            candidates,
        },
        "unknown" => model::Speaker::Unknown { mention: label()? },
        "none" => model::Speaker::Nobody,
        other => return Err(invalid(format!("unknown speaker status '{other}'"))),
    })
}

impl TryFrom<Record<'_>> for model::Record {
    type Error = ParseError;

    fn try_from(wire: Record<'_>) -> Result<model::Record, ParseError> {
        if wire.format != FORMAT {
            return Err(invalid(format!(
                "the format is '{}', this program reads '{FORMAT}'",
                wire.format
            )));
        }
        let meeting = wire.meeting;
        let start = match meeting.start.as_deref() {
            None => None,
            Some(stamp) => {
                let bad = || {
                    invalid(format!(
                        "the start '{stamp}' is not RFC 3339 with an offset"
                    ))
                };
                let offset = stamp_offset(stamp).ok_or_else(bad)?;
                let local: jiff::civil::DateTime = stamp
                    .get(..19)
                    .ok_or_else(bad)?
                    .parse()
                    .map_err(|_| bad())?;
                Some(model::Start {
                    local,
                    zone: owned(meeting.time_zone).unwrap_or_default(),
                    offset_seconds: offset,
                })
            }
        };
        let date = match meeting.date.as_deref() {
            None => None,
            Some(text) => match date_value(text)? {
                model::DateValue::Day(day) => Some(day),
                model::DateValue::Month { .. } => {
                    return Err(invalid(format!("the meeting date '{text}' is not a day")));
                }
            },
        };
        Ok(model::Record {
            source: model::Source {
                path: wire.source.path.into_owned(),
                reader: wire.source.reader.into_owned(),
                sha256: wire.source.sha256.into_owned(),
            },
            group: model::Group {
                name: owned(wire.group.name),
                short_name: owned(wire.group.short_name),
                parent: owned(wire.group.parent),
            },
            meeting: model::Meeting {
                number: meeting.number,
                title: owned(meeting.title),
                date,
                start,
                mode: meeting
                    .mode
                    .map(|mode| known(model::Mode::parse, "mode", &mode))
                    .transpose()?,
                moderator: owned(meeting.moderator),
                chairs: meeting.chairs.into_owned(),
                recording: owned(meeting.recording),
                span: model::Span::nowhere(),
            },
            agenda: wire.agenda.into_iter().map(agenda_item_back).collect(),
            participants: wire
                .participants
                .into_iter()
                .map(|p| {
                    Ok(model::Participant {
                        name: p.name.into_owned(),
                        affiliation: owned(p.affiliation),
                        roles: p
                            .roles
                            .iter()
                            .map(|role| known(model::Role::parse, "role", role))
                            .collect::<Result<_, _>>()?,
                        stakeholder_group: p
                            .stakeholder_group
                            .map(|g| known(model::StakeholderGroup::parse, "stakeholder group", &g))
                            .transpose()?,
                        aliases: p.aliases.into_owned(),
                        honorific: owned(p.honorific),
                        span: line(p.line),
                    })
                })
                .collect::<Result<_, ParseError>>()?,
            interventions: wire
                .interventions
                .into_iter()
                .map(|i| {
                    Ok(model::Intervention {
                        agenda_item: owned(i.agenda_item),
                        order: i.order,
                        speaker: person(
                            &i.speaker.status,
                            i.speaker.name,
                            i.speaker.mention,
                            i.speaker.candidates.into_owned(),
                        )?,
                        act: owned(i.act),
                        agreements: i
                            .agreements
                            .into_iter()
                            .map(|a| {
                                Ok(model::Agreement {
                                    with: person(&a.status, a.with, None, Vec::new())?,
                                    basis: known(
                                        model::AgreementBasis::parse,
                                        "agreement basis",
                                        &a.basis,
                                    )?,
                                })
                            })
                            .collect::<Result<_, ParseError>>()?,
                        text: i.text.into_owned(),
                        span: model::Span::lines(i.span.start_line, i.span.end_line),
                    })
                })
                .collect::<Result<_, ParseError>>()?,
            mentions: wire
                .mentions
                .into_iter()
                .map(|m| {
                    Ok(model::Mention {
                        person: person(&m.status, m.name, None, m.candidates.into_owned())?,
                        intervention: m.intervention,
                        span: line(m.line),
                    })
                })
                .collect::<Result<_, ParseError>>()?,
            dates: wire
                .dates
                .into_iter()
                .map(|d| {
                    Ok(model::DateFact {
                        text: d.text.into_owned(),
                        value: d.value.as_deref().map(date_value).transpose()?,
                        kind: known(model::DateKind::parse, "date kind", &d.kind)?,
                        context: d.context.into_owned(),
                        span: line(d.line),
                    })
                })
                .collect::<Result<_, ParseError>>()?,
            action_items: wire
                .action_items
                .into_iter()
                .map(|a| {
                    Ok(model::ActionItem {
                        what: a.what.into_owned(),
                        owner: owned(a.owner),
                        due: a.due.as_deref().map(date_value).transpose()?,
                        span: line(a.line),
                    })
                })
                .collect::<Result<_, ParseError>>()?,
            decisions: wire
                .decisions
                .into_iter()
                .map(|d| model::Decision {
                    text: d.text.into_owned(),
                    span: line(d.line),
                })
                .collect(),
            references: wire
                .references
                .into_iter()
                .map(|r| model::Reference {
                    document: owned(r.document),
                    version: owned(r.version),
                    paragraph: owned(r.paragraph),
                    text: r.text.into_owned(),
                    span: line(r.line),
                })
                .collect(),
            repairs: wire
                .repairs
                .into_iter()
                .map(|r| {
                    Ok(model::Repair {
                        kind: known(model::RepairKind::parse, "repair kind", &r.kind)?,
                        description: r.description.into_owned(),
                        span: line(r.line),
                    })
                })
                .collect::<Result<_, ParseError>>()?,
            diagnostics: wire
                .diagnostics
                .into_iter()
                .map(|d| {
                    let code = known(model::Code::parse, "diagnostic code", &d.code)?;
                    Ok(model::Diagnostic {
                        code,
                        severity: known(model::Severity::parse, "severity", &d.severity)?,
                        message: d.message.into_owned(),
                        hint: owned(d.hint),
                        span: model::Span::at(d.line, d.column),
                        width: 1,
                    })
                })
                .collect::<Result<_, ParseError>>()?,
        })
    }
}

/// The offset of an RFC 3339 stamp in seconds: `Z` is zero, `+01:00` is 3600.
fn stamp_offset(stamp: &str) -> Option<i32> {
    if stamp.ends_with('Z') || stamp.ends_with('z') {
        return Some(0);
    }
    let tail = stamp.get(stamp.len().checked_sub(6)?..)?;
    let sign = match tail.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = tail.get(1..3)?.parse().ok()?;
    let minutes: i32 = tail.get(4..6)?.parse().ok()?;
    Some(sign * (hours * 3600 + minutes * 60))
}

fn agenda_item_back(item: AgendaItem<'_>) -> model::AgendaItem {
    model::AgendaItem {
        number: item.number.into_owned(),
        title: item.title.into_owned(),
        items: item.items.into_iter().map(agenda_item_back).collect(),
        span: model::Span::nowhere(),
    }
}

impl<'a> From<&'a model::Record> for Record<'a> {
    fn from(record: &'a model::Record) -> Record<'a> {
        Record {
            format: Cow::from(FORMAT),
            source: Source {
                path: Cow::from(&record.source.path),
                reader: Cow::from(&record.source.reader),
                sha256: Cow::from(&record.source.sha256),
            },
            group: Group {
                name: record.group.name.as_deref().map(Cow::Borrowed),
                short_name: record.group.short_name.as_deref().map(Cow::Borrowed),
                parent: record.group.parent.as_deref().map(Cow::Borrowed),
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
                    text: Cow::from(&date.text),
                    value: date.value.map(|value| value.iso()),
                    kind: Cow::from(date.kind.as_str()),
                    context: Cow::from(&date.context),
                    line: date.span.start_line,
                })
                .collect(),
            action_items: record
                .action_items
                .iter()
                .map(|action| ActionItem {
                    what: Cow::from(&action.what),
                    owner: action.owner.as_deref().map(Cow::Borrowed),
                    due: action.due.map(|due| due.iso()),
                    line: action.span.start_line,
                })
                .collect(),
            decisions: record
                .decisions
                .iter()
                .map(|decision| Decision {
                    text: Cow::from(&decision.text),
                    line: decision.span.start_line,
                })
                .collect(),
            references: record
                .references
                .iter()
                .map(|reference| Reference {
                    document: reference.document.as_deref().map(Cow::Borrowed),
                    version: reference.version.as_deref().map(Cow::Borrowed),
                    paragraph: reference.paragraph.as_deref().map(Cow::Borrowed),
                    text: Cow::from(&reference.text),
                    line: reference.span.start_line,
                })
                .collect(),
            repairs: record
                .repairs
                .iter()
                .map(|repair| Repair {
                    kind: Cow::from(repair.kind.as_str()),
                    description: Cow::from(&repair.description),
                    line: repair.span.start_line,
                })
                .collect(),
            diagnostics: record
                .diagnostics
                .iter()
                .map(|diagnostic| Diagnostic {
                    severity: Cow::from(diagnostic.severity.as_str()),
                    code: Cow::from(diagnostic.code.as_str()),
                    message: Cow::from(&diagnostic.message),
                    hint: diagnostic.hint.as_deref().map(Cow::Borrowed),
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
        title: meeting.title.as_deref().map(Cow::Borrowed),
        start: meeting.start.as_ref().map(model::Start::rfc3339),
        date: crate::layout::meeting_day(meeting).map(crate::layout::Day::iso),
        time_zone: meeting
            .start
            .as_ref()
            .map(|start| Cow::from(start.zone.as_str())),
        mode: meeting.mode.map(|mode| Cow::from(mode.as_str())),
        moderator: meeting.moderator.as_deref().map(Cow::Borrowed),
        chairs: Cow::from(&meeting.chairs),
        recording: meeting.recording.as_deref().map(Cow::Borrowed),
    }
}

fn agenda_item(item: &model::AgendaItem) -> AgendaItem<'_> {
    AgendaItem {
        number: Cow::from(&item.number),
        title: Cow::from(&item.title),
        items: item.items.iter().map(agenda_item).collect(),
    }
}

fn participant(participant: &model::Participant) -> Participant<'_> {
    Participant {
        name: Cow::from(&participant.name),
        affiliation: participant.affiliation.as_deref().map(Cow::Borrowed),
        roles: participant
            .roles
            .iter()
            .map(|role| Cow::from(role.as_str()))
            .collect(),
        stakeholder_group: participant
            .stakeholder_group
            .map(|group| Cow::from(group.as_str())),
        aliases: Cow::from(&participant.aliases),
        honorific: participant.honorific.as_deref().map(Cow::Borrowed),
        line: participant.span.start_line,
    }
}

fn intervention(intervention: &model::Intervention) -> Intervention<'_> {
    Intervention {
        order: intervention.order,
        agenda_item: intervention.agenda_item.as_deref().map(Cow::Borrowed),
        speaker: speaker(&intervention.speaker),
        act: intervention.act.as_deref().map(Cow::Borrowed),
        // An agreement with nobody has no label; it cannot be listed by name, and the
        // `agreements` list below still carries it.
        agrees_with: intervention
            .agreements
            .iter()
            .filter_map(|a| a.with.label().map(Cow::Borrowed))
            .collect(),
        agreements: intervention
            .agreements
            .iter()
            .map(|agreement| Agreement {
                with: agreement.with.label().map(Cow::Borrowed),
                status: Cow::from(agreement.with.status()),
                basis: Cow::from(agreement.basis.as_str()),
            })
            .collect(),
        text: Cow::from(&intervention.text),
        span: Span {
            start_line: intervention.span.start_line,
            end_line: intervention.span.end_line,
        },
    }
}

fn speaker(speaker: &model::Speaker) -> Speaker<'_> {
    Speaker {
        status: Cow::from(speaker.status()),
        name: speaker.name().map(Cow::Borrowed),
        mention: speaker.mention().map(Cow::Borrowed),
        candidates: Cow::from(speaker.candidates()),
    }
}

fn mention(mention: &model::Mention) -> Mention<'_> {
    Mention {
        name: mention.person.label().map(Cow::Borrowed),
        status: Cow::from(mention.person.status()),
        candidates: Cow::from(mention.person.candidates()),
        line: mention.span.start_line,
        intervention: mention.intervention,
    }
}
