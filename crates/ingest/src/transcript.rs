//! Captioning transcripts as published for UN and IGF meetings: a header (title, date, a
//! disclaimer that the text is not an authoritative record, sometimes a participant list and
//! an agenda), then verbatim turns written `>> NAME: text` with the name in capitals.
//!
//! Real files vary, and the reader takes each variant as it comes: `>>NAME:` without a
//! space, a turn without `>>` (`NAME: text` at the start of a line), a bare `>>` for a voice
//! the captioner could not identify, a role (`>> CHAIR:`), an organisation (`>> UNESCO:`),
//! one person spelt two ways ("CHENGETAI" / "CHENGATAI"), stage notes (`(Pause)`,
//! `(inaudible)`) and indented continuation paragraphs.
//!
//! What it guarantees: one intervention per turn, whose `text` is the turn's words without
//! stage notes and whose span covers the turn's lines; nothing that is not speech (the
//! disclaimer, the header, a stage note) is ever a speaker; a name is normalised to a
//! participant's own spelling only when exactly one person fits, and every normalisation,
//! every unidentified voice, organisation and stage note is a diagnostic with its place.

use std::sync::LazyLock;

use model::{
    ActionItem, AgendaItem, Code, DateFact, DateKind, Decision, Diagnostic, Intervention, Mode,
    Participant, Record, Role, Source, Span, Speaker,
};
use regex::Regex;

use crate::cues::{Cues, Set};
use crate::input::Text;
use crate::roster::{Roster, fold, is_particle, role_word, strip_honorifics};
use crate::{PeopleHints, actions, dates, participants, text};

/// The reader's stable name, written to `source.reader`.
pub const READER: &str = "transcript";

/// How sure the content is a captioning transcript, from its first lines: 0 when clearly
/// not, up to 95 when several `>> NAME:` turns open it.
pub fn confidence(text: &Text) -> u8 {
    let mut marked = 0u32;
    let mut labelled = 0u32;
    let mut disclaimer = false;
    for line in text.content.split('\n').take(80) {
        match turn_of(line) {
            Some(turn) if turn.marker => marked += 1,
            Some(turn) if turn.label.is_some() => labelled += 1,
            _ => {}
        }
        // Only short lines are worth the folding: a disclaimer's cue words come early.
        let head = &line[..text::floor_char_boundary(line, 200)];
        disclaimer |= is_disclaimer(head);
    }
    match (marked, labelled, disclaimer) {
        (m, _, _) if m >= 3 => 95,
        (2, _, _) => 85,
        (1, _, true) => 80,
        (1, _, false) => 60,
        (0, l, true) if l >= 2 => 60,
        (0, l, false) if l >= 3 => 30,
        (0, _, true) => 15,
        _ => 0,
    }
}

/// Reads a captioning transcript. Always returns a record; every doubt is a diagnostic.
pub fn read(text: &Text, path: &str, hints: &PeopleHints) -> Record {
    let lines: Vec<&str> = text.content.split('\n').collect();
    let mut record = Record {
        source: Source {
            path: path.to_owned(),
            reader: READER.to_owned(),
            sha256: text.sha256.clone(),
        },
        ..Record::default()
    };
    let first_turn = lines.iter().position(|l| turn_of(l).is_some());
    let header_end = first_turn.unwrap_or(lines.len());
    let header = read_header(&lines[..header_end], &mut record);
    let turns = read_turns(&lines, header_end, &mut record.diagnostics);
    let mut people = header.people;
    stated_people(&turns, &mut people);
    let speakers = Speakers::resolve(&turns, people, header.listed, hints, &mut record);
    build_interventions(&turns, &speakers, &header.agenda, &mut record);
    record.agenda = header.agenda;
    facts(&turns, &mut record);
    finish(&mut record, first_turn.is_some(), header.listed);
    record
}

// ---------------------------------------------------------------------------------------
// Lines: what a turn looks like.

/// A line that starts a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TurnLine<'a> {
    /// Whether the line starts with `>>`.
    marker: bool,
    /// The speaker's label as written, and its byte offset in the line; `None` for a bare `>>`.
    label: Option<(&'a str, usize)>,
    /// The byte offset in the line where the turn's words begin.
    text_at: usize,
}

/// Whether `line` starts a turn, and how.
fn turn_of(line: &str) -> Option<TurnLine<'_>> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    if let Some(after) = trimmed.strip_prefix(">>") {
        let body = after.trim_start_matches('>').trim_start();
        let body_at = line.len() - body.len();
        return Some(match label_of(body, true) {
            Some((label, text_at)) => TurnLine {
                marker: true,
                label: Some((label, body_at)),
                text_at: body_at + text_at,
            },
            None => TurnLine {
                marker: true,
                label: None,
                text_at: body_at,
            },
        });
    }
    // Without `>>` only a line at the margin starts a turn: an indented line continues one.
    if lead > 0 {
        return None;
    }
    let (label, text_at) = label_of(trimmed, false)?;
    // `DATE:` or `AGENDA:` in capitals is a header field; a role (`CHAIR:`) speaks.
    if field_of(label).is_some_and(|f| !matches!(f, Field::Role(_))) {
        return None;
    }
    Some(TurnLine {
        marker: false,
        label: Some((label, 0)),
        text_at,
    })
}

/// A speaker label at the start of `body` ("CHENGETAI MASANGO:"), and where the words after
/// it begin. After `>>` a label in ordinary capitalisation ("Ana Neves:") counts as well;
/// without it only capitals do, so that prose ("Note: …") never becomes a speaker.
fn label_of(body: &str, marked: bool) -> Option<(&str, usize)> {
    let colon = memchr::memchr(b':', &body.as_bytes()[..body.len().min(64)])?;
    let after = &body[colon + 1..];
    // "10:30" and "https://" are not labels: a label's colon ends a word.
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = body[..colon].trim_end();
    if label.is_empty() || label.split_whitespace().count() > 6 {
        return None;
    }
    let first_letter = label.chars().next().is_some_and(char::is_alphabetic);
    let allowed = label.chars().all(|c| {
        c.is_alphabetic() || c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | '#')
    });
    if !(first_letter && allowed) {
        return None;
    }
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = !label.chars().any(char::is_lowercase) && letters >= 2;
    // Capitals are the common case; only then is the name test spared.
    if !(capitals || (marked && participants::looks_like_name(label))) {
        return None;
    }
    let rest = after.trim_start();
    Some((label, body.len() - rest.len()))
}

// ---------------------------------------------------------------------------------------
// Header: title, date, fields, participant list, agenda; the disclaimer is skipped.

/// Words that mark the disclaimer captioning services put at the top of a transcript, and
/// the banner lines ("RAW FILE") around it. None of it is speech or a fact of the meeting.
const DISCLAIMER_CUES: &[&str] = &[
    "captioning",
    "captioned",
    "authoritative record",
    "authoritative",
    "transcription",
    "transcript is provided",
    "verbatim record",
    "rough draft",
    "rough edited",
    "raw file",
    "finished file",
    "unedited",
    "communication access realtime",
    "realtime translation",
    "inaudible passages",
];

/// [`DISCLAIMER_CUES`] in any case, for ASCII lines (where folding the case of the line
/// and of the cue is the same thing): one pass instead of one search per cue.
static DISCLAIMER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(DISCLAIMER_CUES)
        .expect("the disclaimer cues are valid")
});

fn is_disclaimer(line: &str) -> bool {
    if !line.bytes().any(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    if line.is_ascii() {
        return DISCLAIMER.is_match(line);
    }
    let lower = line.to_lowercase();
    DISCLAIMER_CUES.iter().any(|cue| lower.contains(cue))
}

/// What the header says.
struct Header {
    /// People the header names: the participant list, chairs, the moderator.
    people: Vec<Participant>,
    /// Whether the header has a participant list of its own.
    listed: bool,
    agenda: Vec<AgendaItem>,
}

/// The labels of header fields, lower case, and what each holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Date,
    Group,
    Title,
    Mode,
    Recording,
    Role(Role),
    People,
    Agenda,
}

fn field_of(label: &str) -> Option<Field> {
    Some(match label.trim().to_lowercase().as_str() {
        "date" | "date and time" | "when" => Field::Date,
        "group" | "working group" | "body" | "committee" => Field::Group,
        "meeting" | "session" | "title" | "event" => Field::Title,
        "mode" | "format" => Field::Mode,
        "recording" => Field::Recording,
        "chair" | "chairs" | "chaired by" | "chairperson" => Field::Role(Role::Chair),
        "co-chair" | "co-chairs" | "cochairs" => Field::Role(Role::CoChair),
        "moderator" | "moderated by" => Field::Role(Role::Moderator),
        "rapporteur" => Field::Role(Role::Rapporteur),
        "participants" | "speakers" | "present" | "panelists" | "panellists" | "attendees" => {
            Field::People
        }
        "agenda" => Field::Agenda,
        _ => return None,
    })
}

static MEETING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:meeting|session)\s+(?:no\.?\s*|number\s+|#\s*)?(?P<a>[0-9]{1,4})\b|\b(?P<b>[0-9]{1,4})(?:st|nd|rd|th)\s+(?:[A-Za-z-]+\s+){0,2}(?:meeting|session)\b",
    )
    .expect("the meeting-number pattern is valid")
});

fn read_header(lines: &[&str], record: &mut Record) -> Header {
    let mut header = Header {
        people: Vec::new(),
        listed: false,
        agenda: Vec::new(),
    };
    // The disclaimer is a run of lines: once one line of a block is disclaimer, all are.
    let mut skip = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| lines[i].trim().is_empty())
            .unwrap_or(lines.len());
        if lines[start..end].iter().any(|l| is_disclaimer(l)) {
            skip[start..end].iter_mut().for_each(|s| *s = true);
        }
        start = end + 1;
    }
    let mut list: Option<Field> = None;
    for (index, raw) in lines.iter().enumerate() {
        let number = line_number(index);
        let line = raw.trim();
        if line.is_empty() {
            // A list's label alone on its line may be followed by a blank line, then the list.
            if list.is_some()
                && lines
                    .get(index.saturating_sub(1))
                    .is_some_and(|l| field_label(l).is_some())
            {
                continue;
            }
            list = None;
            continue;
        }
        if skip[index] || is_banner(line) {
            continue;
        }
        if let Some((field, value, column)) = field_label(raw) {
            list = None;
            header_field(field, value, number, column, record, &mut header);
            if value.is_empty() && matches!(field, Field::People | Field::Agenda) {
                list = Some(field);
            }
            continue;
        }
        match list {
            Some(Field::People) => {
                match participants::parse_line(number, raw) {
                    Some(p) => add_person(&mut header.people, p),
                    None => record.diagnostics.push(
                        Diagnostic::new(
                            Code::UnreadParticipant,
                            Span::at(number, 1),
                            width(line),
                            format!("the participant list has a line that names no one: '{line}'"),
                        )
                        .with_hint("write the line as 'Name, affiliation'"),
                    ),
                }
                header.listed = true;
                continue;
            }
            Some(Field::Agenda) => {
                if let Some(item) = agenda_line(raw, number) {
                    header.agenda.push(item);
                    continue;
                }
                list = None;
            }
            _ => {}
        }
        if record.meeting.date.is_none()
            && let Some(found) = dates::meeting_time(line)
        {
            set_time(record, found);
            if date_only(line) {
                continue;
            }
        }
        if record.meeting.title.is_none() {
            title_line(line, number, record);
        }
    }
    header
}

/// A header field line: "Chair: Chengetai Masango", "Participants:" — its field, value and
/// the column of the value.
fn field_label(raw: &str) -> Option<(Field, &str, u32)> {
    let (label, value) = raw.split_once(':')?;
    // A field's label is not written in capitals: `CHAIR: Good morning` is a turn.
    if label
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return None;
    }
    let field = field_of(label)?;
    let value_trimmed = value.trim();
    let column = raw.len() - value.trim_start().len();
    Some((field, value_trimmed, column_of(raw, column)))
}

fn header_field(
    field: Field,
    value: &str,
    line: u32,
    column: u32,
    record: &mut Record,
    header: &mut Header,
) {
    if value.is_empty() {
        return;
    }
    match field {
        Field::Date => {
            if let Some(found) = dates::meeting_time(value) {
                set_time(record, found);
            }
        }
        Field::Group => record.group.name = Some(value.to_owned()),
        Field::Title => {
            record.meeting.title = Some(value.to_owned());
            record.meeting.span = Span::at(line, column);
            meeting_number(value, record);
        }
        Field::Mode => record.meeting.mode = mode_of(value),
        Field::Recording => record.meeting.recording = Some(value.to_owned()),
        Field::Role(role) => {
            for name in value.split([',', ';']).flat_map(|n| n.split(" and ")) {
                let name = strip_honorifics(name.trim());
                if !participants::looks_like_name(name) {
                    continue;
                }
                let person = Participant {
                    name: name.to_owned(),
                    affiliation: None,
                    roles: vec![role],
                    stakeholder_group: None,
                    aliases: Vec::new(),
                    honorific: None,
                    span: Span::at(line, column),
                };
                add_person(&mut header.people, person);
            }
        }
        Field::People => {
            for person in participants::parse_inline(line, column, value) {
                add_person(&mut header.people, person);
            }
            header.listed = true;
        }
        Field::Agenda => {
            // "Agenda: 1. Opening; 2. Rev2; 3. AOB" on one line.
            for (index, part) in value.split(';').enumerate() {
                let part = part.trim();
                let (number, title) = match agenda_line(part, line) {
                    Some(item) => (item.number, item.title),
                    None => ((index + 1).to_string(), part.to_owned()),
                };
                if !title.is_empty() {
                    header.agenda.push(AgendaItem {
                        number,
                        title,
                        items: Vec::new(),
                        span: Span::at(line, column),
                    });
                }
            }
        }
    }
}

/// Adds a person, or merges what is new about them into the entry already there.
fn add_person(people: &mut Vec<Participant>, person: Participant) {
    let key = fold(&person.name);
    if let Some(known) = people.iter_mut().find(|p| fold(&p.name) == key) {
        for role in person.roles {
            if !known.roles.contains(&role) {
                known.roles.push(role);
            }
        }
        if known.affiliation.is_none() {
            known.affiliation = person.affiliation;
            known.stakeholder_group = person.stakeholder_group;
        }
        return;
    }
    people.push(person);
}

/// "1. Opening remarks", "2) WSIS+20", "Item 3: AOB".
fn agenda_line(raw: &str, line: u32) -> Option<AgendaItem> {
    let trimmed = raw.trim();
    let rest = trimmed
        .strip_prefix("Item ")
        .or_else(|| trimmed.strip_prefix("item "))
        .unwrap_or(trimmed);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let title = rest[digits..].trim_start_matches(['.', ')', ':']).trim();
    if title.is_empty() || title.len() == rest[digits..].trim().len() {
        return None;
    }
    let column = column_of(raw, raw.len() - raw.trim_start().len());
    Some(AgendaItem {
        number: rest[..digits].to_owned(),
        title: title.to_owned(),
        items: Vec::new(),
        span: Span::at(line, column),
    })
}

fn set_time(record: &mut Record, found: dates::MeetingTime) {
    record.meeting.date = Some(found.date);
    if let Some((local, zone, offset_seconds)) = found.time {
        record.meeting.start = Some(model::Start {
            local,
            zone,
            offset_seconds,
        });
    }
}

/// Whether a line holds nothing but a date and time: it is not a title.
fn date_only(line: &str) -> bool {
    let found = dates::find(line);
    let rest: String = line
        .char_indices()
        .filter(|(i, _)| !found.iter().any(|f| (f.start..f.end).contains(i)))
        .map(|(_, c)| c)
        .collect();
    let words = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 3)
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "geneva"
                    | "time"
            )
        })
        .count();
    words == 0
}

/// Separator and banner lines: `***`, `---`, `RAW`.
fn is_banner(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric) || matches!(line, "RAW" | "DRAFT" | "UNEDITED")
}

fn title_line(line: &str, number: u32, record: &mut Record) {
    record.meeting.title = Some(line.to_owned());
    record.meeting.span = Span::at(number, 1);
    meeting_number(line, record);
    if record.meeting.mode.is_none() {
        record.meeting.mode = mode_of(line);
    }
    if record.group.name.is_none() {
        // "IGF MAG Working Group on Strategy – Meeting 107": the part that names a body.
        record.group.name = line
            .split(" – ")
            .flat_map(|p| p.split(" - "))
            .flat_map(|p| p.split(" | "))
            .flat_map(|p| p.split(": "))
            .map(str::trim)
            .find(|part| {
                [
                    "Working Group",
                    "Committee",
                    "Council",
                    "Task Force",
                    "Advisory Group",
                ]
                .iter()
                .any(|w| part.contains(w))
            })
            .map(str::to_owned);
    }
}

fn meeting_number(text: &str, record: &mut Record) {
    if record.meeting.number.is_some() {
        return;
    }
    if let Some(caps) = MEETING_NUMBER.captures(text) {
        record.meeting.number = caps
            .name("a")
            .or(caps.name("b"))
            .and_then(|m| m.as_str().parse().ok());
    }
}

fn mode_of(text: &str) -> Option<Mode> {
    let lower = text.to_lowercase();
    if lower.contains("hybrid") {
        Some(Mode::Hybrid)
    } else if lower.contains("online") || lower.contains("virtual") {
        Some(Mode::Online)
    } else if lower.contains("in person") || lower.contains("in-person") {
        Some(Mode::InPerson)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------
// Turns: the speech, with stage notes taken out.

/// Turn text with a map from its byte offsets back to source lines and columns.
#[derive(Debug, Clone, Default)]
struct TurnText {
    text: String,
    /// `(offset in text, line, column)` of each piece, in order.
    marks: Vec<(usize, u32, u32)>,
}

impl TurnText {
    /// Appends a piece of a source line; a space separates it from what came before, unless
    /// it starts with punctuation that closes a sentence or clause.
    fn push(&mut self, piece: &str, line: u32, column: u32) {
        let piece = piece.trim();
        if piece.is_empty() {
            return;
        }
        if !self.text.is_empty() && !piece.starts_with(['.', ',', ';', ':', '?', '!']) {
            self.text.push(' ');
        }
        self.marks.push((self.text.len(), line, column));
        self.text.push_str(piece);
    }

    /// The line and column of a byte offset of `text`.
    fn position(&self, offset: usize) -> (u32, u32) {
        let index = self
            .marks
            .partition_point(|m| m.0 <= offset)
            .saturating_sub(1);
        let Some(&(start, line, column)) = self.marks.get(index) else {
            return (0, 0);
        };
        let offset = text::floor_char_boundary(&self.text, offset.max(start));
        let chars = self.text[start..offset].chars().count();
        (line, column + u32::try_from(chars).unwrap_or(0))
    }
}

/// One turn as read.
#[derive(Debug, Clone)]
struct Turn<'a> {
    /// The label as written; `None` for a bare `>>`.
    label: Option<&'a str>,
    /// Where the label (or the `>>`) stands.
    line: u32,
    column: u32,
    last_line: u32,
    words: TurnText,
}

fn read_turns<'a>(
    lines: &[&'a str],
    from: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Turn<'a>> {
    let mut turns: Vec<Turn<'a>> = Vec::new();
    for (index, raw) in lines.iter().enumerate().skip(from) {
        let number = line_number(index);
        if raw.trim().is_empty() {
            continue;
        }
        let rest_at = match turn_of(raw) {
            Some(turn) => {
                let label_at = turn
                    .label
                    .map_or(raw.len() - raw.trim_start().len(), |l| l.1);
                turns.push(Turn {
                    label: turn.label.map(|l| l.0),
                    line: number,
                    column: column_of(raw, label_at),
                    last_line: number,
                    words: TurnText::default(),
                });
                turn.text_at
            }
            None => raw.len() - raw.trim_start().len(),
        };
        let Some(turn) = turns.last_mut() else {
            continue;
        };
        let mut at = rest_at;
        for (start, end) in stage_notes(raw, rest_at) {
            turn.words.push(
                &raw[at..start],
                number,
                column_of(raw, at + leading(&raw[at..start])),
            );
            let note = &raw[start..end];
            diagnostics.push(Diagnostic::new(
                Code::StageNote,
                Span::at(number, column_of(raw, start)),
                width(note),
                format!("stage note {note} is not speech; it is left out of the turn's text"),
            ));
            at = end;
        }
        turn.words
            .push(&raw[at..], number, column_of(raw, at + leading(&raw[at..])));
        turn.last_line = number;
    }
    turns
}

/// What captioners put in brackets that is not speech: the start of the bracket's words.
const STAGE_WORDS: &[&str] = &[
    "pause",
    "paused",
    "inaudible",
    "indiscernible",
    "unintelligible",
    "applause",
    "laughter",
    "laughs",
    "silence",
    "crosstalk",
    "cross talk",
    "cross-talk",
    "overlapping",
    "off mic",
    "off-mic",
    "no audio",
    "audio",
    "speaking",
    "music",
    "video",
    "background noise",
    "technical difficulties",
    "technical difficulty",
    "no interpretation",
    "interpretation",
    "interpreter",
    "muted",
    "microphone",
    "mic",
    "connection",
    "silent",
    "break",
    "recess",
    "end of session",
    "session ends",
    "session concluded",
    "end of transcript",
    "phonetic",
    "sic",
    "foreign language",
];

fn is_stage_note(inner: &str) -> bool {
    let inner = inner.trim().trim_end_matches('.').to_lowercase();
    if inner.is_empty() || inner.split_whitespace().count() > 6 {
        return false;
    }
    STAGE_WORDS.iter().any(|word| {
        inner
            .strip_prefix(word)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',', ';', ':']))
    })
}

/// Byte ranges of the stage notes in `raw` from `from` on: `(Pause)`, `[inaudible]`.
fn stage_notes(raw: &str, from: usize) -> Vec<(usize, usize)> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut at = from;
    while let Some(open) =
        memchr::memchr2(b'(', b'[', &bytes[at.min(bytes.len())..]).map(|i| at + i)
    {
        let close_byte = if bytes[open] == b'(' { b')' } else { b']' };
        let window = &bytes[open + 1..bytes.len().min(open + 60)];
        match memchr::memchr(close_byte, window) {
            Some(i) => {
                let close = open + 1 + i;
                if is_stage_note(&raw[open + 1..close]) {
                    out.push((open, close + 1));
                    at = close + 1;
                } else {
                    at = open + 1;
                }
            }
            None => at = open + 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// People: who the turns' labels are.

/// Phrases after which a chair or moderator names the next speaker in full.
const FLOOR_CUES: &[&str] = &[
    "give the floor to ",
    "floor to ",
    "over to you, ",
    "over to ",
    "i now invite ",
    "i would like to invite ",
    "let me invite ",
    "i call on ",
    "i would like to welcome ",
    "please welcome ",
    "we welcome ",
    "i'd like to welcome ",
    "my name is ",
    "i am ",
    "i'm ",
    "chaired by ",
    "moderated by ",
];

/// Full names the speakers state: the floor given ("I give the floor to Ana Neves"), a
/// self-introduction ("My name is Ana Neves, and I am the chair"). Each gives the person's own
/// spelling, and a role when the sentence states one.
fn stated_people(turns: &[Turn<'_>], people: &mut Vec<Participant>) {
    for turn in turns {
        let text = &turn.words.text;
        for found in FLOOR.find_iter(text.as_str()) {
            let at = found.start();
            if at > 0 && text.as_bytes()[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let cue = FLOOR_CUES[found.pattern().as_usize()];
            let start = found.end();
            let Some((name, end)) = name_at(text, start) else {
                continue;
            };
            // What follows the name, lower case: "…, and I am the chair".
            let after: String = text[end..]
                .chars()
                .take(40)
                .collect::<String>()
                .to_lowercase();
            let after = after.trim_start_matches([',', ' ']);
            let after = after
                .strip_prefix("and ")
                .unwrap_or(after)
                .trim_start_matches("i am ")
                .trim_start_matches("i'm ")
                .trim_start_matches("i will be ")
                .trim_start_matches("the ")
                .trim_start_matches("your ");
            let mut roles = Vec::new();
            if cue.starts_with("chaired") {
                roles.push(Role::Chair);
            } else if cue.starts_with("moderated") {
                roles.push(Role::Moderator);
            } else if matches!(cue, "my name is " | "i am " | "i'm ") {
                if after.starts_with("co-chair") {
                    roles.push(Role::CoChair);
                } else if after.starts_with("chair") {
                    roles.push(Role::Chair);
                } else if after.starts_with("moderator") {
                    roles.push(Role::Moderator);
                }
            }
            let (line, column) = turn.words.position(start);
            add_person(
                people,
                Participant {
                    name,
                    affiliation: None,
                    roles,
                    stakeholder_group: None,
                    aliases: Vec::new(),
                    honorific: None,
                    span: Span::at(line, column),
                },
            );
        }
    }
}

/// The floor cues, found in one pass over a turn, whatever their case; at one place the
/// longest cue wins ("give the floor to " over "floor to ").
static FLOOR: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(FLOOR_CUES)
        .expect("a list of plain words always builds an automaton")
});

/// A full name (two to four capitalised words, particles allowed inside) starting at `start`.
fn name_at(text: &str, start: usize) -> Option<(String, usize)> {
    let mut words: Vec<&str> = Vec::new();
    let mut end = start;
    let mut at = start;
    for word in text[start..].split(' ') {
        let clean = word.trim_end_matches([',', '.', ';', ':', '!', '?']);
        let capital = clean.chars().next().is_some_and(char::is_uppercase)
            && clean.chars().skip(1).any(char::is_lowercase)
            && clean
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        if !(capital || (!words.is_empty() && is_particle(clean))) || words.len() == 4 {
            break;
        }
        words.push(clean);
        end = at + clean.len();
        at += word.len() + 1;
        if clean.len() != word.len() {
            break;
        }
    }
    while words.last().is_some_and(|w| is_particle(w)) {
        words.pop();
    }
    let name = words.join(" ");
    if words.len() < 2 || role_word(&name).is_some() || is_organisation(&name, &[]) {
        return None;
    }
    let first = words[0].to_lowercase();
    if matches!(
        first.as_str(),
        "thank" | "good" | "dear" | "hello" | "mister" | "madam"
    ) {
        return None;
    }
    Some((name, end))
}

/// Labels that stand for a voice the captioner did not identify.
fn is_unidentified(label: &str) -> bool {
    let folded = fold(label.trim_end_matches(|c: char| c.is_ascii_digit() || c == '#' || c == ' '));
    matches!(
        folded.as_str(),
        "speaker"
            | "unidentified speaker"
            | "unknown speaker"
            | "unidentified"
            | "audience"
            | "audience member"
            | "participant"
            | "floor"
            | "from the floor"
            | "male speaker"
            | "female speaker"
            | "voice"
            | "interpreter"
            | "captioner"
            | "moderator's voice"
    )
}

/// Organisations that speak in UN and IGF meetings, by the names captioners write.
const ORGANISATIONS: &[&str] = &[
    "unesco",
    "itu",
    "icann",
    "isoc",
    "oecd",
    "undp",
    "undesa",
    "un desa",
    "desa",
    "wipo",
    "unicef",
    "unhcr",
    "ohchr",
    "unctad",
    "unep",
    "unido",
    "upu",
    "ilo",
    "who",
    "wto",
    "osce",
    "asean",
    "gsma",
    "icc",
    "icc basis",
    "ietf",
    "w3c",
    "ieee",
    "ripe ncc",
    "arin",
    "apnic",
    "lacnic",
    "afrinic",
    "apc",
    "eff",
    "giz",
    "un women",
    "european union",
    "european commission",
    "african union",
    "council of europe",
    "access now",
    "internet society",
    "world bank",
];

/// Words that make a label an organisation's name.
const ORGANISATION_WORDS: &[&str] = &[
    "association",
    "foundation",
    "institute",
    "council",
    "commission",
    "union",
    "organization",
    "organisation",
    "society",
    "ministry",
    "government",
    "delegation",
    "agency",
    "network",
    "coalition",
    "university",
    "corporation",
    "inc",
    "ltd",
    "mission",
    "office of",
];

/// Whether a label names an organisation: a known one, one whose name says it is one, or
/// the affiliation (or its acronym) of someone on the list.
fn is_organisation(label: &str, people: &[Participant]) -> bool {
    let folded = fold(label);
    if ORGANISATIONS.contains(&folded.as_str()) {
        return true;
    }
    if folded
        .split([' ', '-'])
        .any(|w| ORGANISATION_WORDS.contains(&w))
        || folded.contains("office of")
    {
        return true;
    }
    people
        .iter()
        .filter_map(|p| p.affiliation.as_deref())
        .any(|affiliation| {
            let affiliation = fold(affiliation);
            affiliation == folded
                || affiliation
                    .split([',', '(', ')', ';'])
                    .map(str::trim)
                    .any(|part| part == folded)
        })
}

/// "CHENGETAI MASANGO" → "Chengetai Masango"; "BERTRAND DE LA CHAPELLE" → "Bertrand de la
/// Chapelle". Only used when nobody states the person's own spelling.
fn title_case(label: &str) -> String {
    label
        .split_whitespace()
        .enumerate()
        .map(|(index, word)| {
            let lower = word.to_lowercase();
            if index > 0 && is_particle(&lower) {
                return lower;
            }
            // Each part of "JEAN-PIERRE" and "O'NEILL" starts with a capital.
            let mut out = String::with_capacity(lower.len());
            let mut capital = true;
            for c in lower.chars() {
                if capital {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                capital = matches!(c, '-' | '\'' | '’');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number of single-character edits between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether `written` may be a misspelling of `known`: both at least four letters, of the
/// same length give or take the edits allowed, one edit apart (two for ten letters or more).
fn near(written: &str, known: &str) -> bool {
    let (a, b) = (written.chars().count(), known.chars().count());
    if a < 4 || b < 4 || written == known {
        return false;
    }
    let allowed = if a.min(b) >= 10 { 2 } else { 1 };
    a.abs_diff(b) <= allowed && edit_distance(written, known) <= allowed
}

/// What a label resolves to, and the diagnostic each of its turns gets.
#[derive(Debug, Clone)]
struct Resolution {
    speaker: Speaker,
    diagnostic: Option<(Code, String, Option<String>)>,
}

/// The speakers of a transcript: each distinct label resolved once.
struct Speakers {
    /// Each distinct label's resolution, and whether the label is a role ("CHAIR").
    labels: Vec<(Resolution, bool)>,
    /// For each turn, its label's index in `labels`; `None` for a bare `>>`.
    of_turn: Vec<Option<usize>>,
    /// The resolution of a bare `>>`.
    bare: Resolution,
}

impl Speakers {
    fn resolve(
        turns: &[Turn<'_>],
        mut people: Vec<Participant>,
        listed: bool,
        hints: &PeopleHints,
        record: &mut Record,
    ) -> Speakers {
        // (label as first written, folded key, turns, first turn), in order of appearance.
        let mut labels: Vec<(&str, String, usize, usize)> = Vec::new();
        let mut of_turn = Vec::with_capacity(turns.len());
        for (order, turn) in turns.iter().enumerate() {
            let Some(label) = turn.label else {
                of_turn.push(None);
                continue;
            };
            let key = fold(label);
            match labels.iter().position(|l| l.1 == key) {
                Some(index) => {
                    labels[index].2 += 1;
                    of_turn.push(Some(index));
                }
                None => {
                    of_turn.push(Some(labels.len()));
                    labels.push((label, key, 1, order));
                }
            }
        }
        // Labels by how often they speak, so that the spelling most turns use is the one a
        // rarer variant is unified with; multi-word names first, so that a first name alone
        // then resolves to the full name.
        let mut queue: Vec<usize> = (0..labels.len()).collect();
        queue.sort_by(|&a, &b| {
            labels[b]
                .2
                .cmp(&labels[a].2)
                .then(labels[a].3.cmp(&labels[b].3))
        });
        queue.sort_by_key(|&i| usize::from(labels[i].1.split(' ').count() < 2));

        let mut resolved: Vec<Option<(Resolution, bool)>> = vec![None; labels.len()];
        let mut roster = None;
        for index in queue {
            let (label, _, _, first) = labels[index];
            // A participant known only from the turns is where their first turn is.
            let at = turns
                .get(first)
                .map_or(Span::nowhere(), |t| Span::at(t.line, t.column));
            let resolution = Self::one(label, at, &mut people, listed, hints, &mut roster);
            let role = role_word(&title_case(label)).is_some();
            resolved[index] = Some((resolution, role));
        }
        record.participants = people;
        Speakers {
            labels: resolved
                .into_iter()
                .map(|r| r.expect("every label is resolved once"))
                .collect(),
            of_turn,
            bare: Resolution {
                speaker: Speaker::Unknown {
                    mention: String::new(),
                },
                diagnostic: Some((
                    Code::UnidentifiedSpeaker,
                    "a bare '>>' marks a voice the captioner did not identify; no name is given"
                        .to_owned(),
                    Some("if the recording tells who spoke, write the name after '>>'".to_owned()),
                )),
            },
        }
    }

    fn one(
        label: &str,
        at: Span,
        people: &mut Vec<Participant>,
        listed: bool,
        hints: &PeopleHints,
        roster: &mut Option<(usize, Roster)>,
    ) -> Resolution {
        let written = label.trim().to_owned();
        let unknown = |code: Code, message: String, hint: Option<&str>| Resolution {
            speaker: Speaker::Unknown {
                mention: written.clone(),
            },
            diagnostic: Some((code, message, hint.map(str::to_owned))),
        };
        if is_unidentified(label) {
            return unknown(
                Code::UnidentifiedSpeaker,
                format!("'{written}' names no one: the captioner did not identify the voice"),
                Some("if the recording tells who spoke, write the name"),
            );
        }
        // The roster is built again only when a participant was added since.
        if roster
            .as_ref()
            .is_none_or(|(count, _)| *count != people.len())
        {
            *roster = Some((people.len(), Roster::new(people, hints)));
        }
        let roster = &roster.as_ref().expect("the roster was just built").1;
        let spelled = title_case(label);
        if let Some(roles) = role_word(&spelled) {
            let speaker = roster.resolve(&spelled);
            return match speaker {
                Speaker::Resolved { name, .. } => Resolution {
                    speaker: Speaker::Resolved {
                        name,
                        mention: written,
                    },
                    diagnostic: None,
                },
                Speaker::Ambiguous { candidates, .. } => Resolution {
                    diagnostic: Some((
                        Code::AmbiguousSpeaker,
                        format!(
                            "ambiguous speaker '{written}': {} people hold the role",
                            candidates.len()
                        ),
                        Some(format!(
                            "candidates: {}; write the name in the turn, or give the role as an alias in a people file (--people)",
                            candidates.join(", ")
                        )),
                    )),
                    speaker: Speaker::Ambiguous {
                        mention: written,
                        candidates,
                    },
                },
                _ => unknown(
                    Code::UnknownSpeaker,
                    format!(
                        "'{written}' is a role, and the transcript names no one as {}",
                        roles.first().map_or("it", |r| r.as_str())
                    ),
                    Some(
                        "name the holder in the header (e.g. 'Chair: Ana Neves') or in the participant list",
                    ),
                ),
            };
        }
        if is_organisation(label, people) {
            return Resolution {
                speaker: Speaker::Unknown {
                    mention: written.clone(),
                },
                diagnostic: Some((
                    Code::OrganisationSpeaker,
                    format!(
                        "'{written}' is an organisation, not a person: the turn is recorded as the organisation speaking"
                    ),
                    Some(
                        "if the recording tells who spoke for it, write the person's name"
                            .to_owned(),
                    ),
                )),
            };
        }
        match roster.resolve(&spelled) {
            Speaker::Resolved { name, .. } => {
                return Resolution {
                    speaker: Speaker::Resolved {
                        name,
                        mention: written,
                    },
                    diagnostic: None,
                };
            }
            Speaker::Ambiguous { candidates, .. } => {
                return Resolution {
                    diagnostic: Some((
                        Code::AmbiguousSpeaker,
                        format!(
                            "ambiguous speaker '{written}': {} people match",
                            candidates.len()
                        ),
                        Some(format!(
                            "candidates: {}; write the full name, or give the alias in a people file (--people)",
                            candidates.join(", ")
                        )),
                    )),
                    speaker: Speaker::Ambiguous {
                        mention: written,
                        candidates,
                    },
                };
            }
            _ => {}
        }
        // A near spelling of one known person's name, or of a part of it.
        let folded = fold(strip_honorifics(&spelled));
        let words = folded.split(' ').count();
        let mut candidates: Vec<String> = Vec::new();
        for person in people.iter() {
            let name = fold(&person.name);
            let parts: Vec<&str> = name.split(' ').collect();
            let keys: Vec<String> = if words == 1 {
                parts.iter().map(|p| (*p).to_owned()).collect()
            } else {
                vec![name.clone()]
            };
            if keys.iter().any(|k| near(&folded, k)) && !candidates.contains(&person.name) {
                candidates.push(person.name.clone());
            }
        }
        match candidates.as_slice() {
            [one] => {
                return Resolution {
                    speaker: Speaker::Resolved {
                        name: one.clone(),
                        mention: written.clone(),
                    },
                    diagnostic: Some((
                        Code::SpeakerSpellingUnified,
                        format!(
                            "speaker '{written}' is read as {one}, a near spelling of the same name"
                        ),
                        Some(format!(
                            "check the recording; if '{written}' is someone else, add them to the participant list"
                        )),
                    )),
                };
            }
            [_, _, ..] => {
                return Resolution {
                    diagnostic: Some((
                        Code::AmbiguousSpeaker,
                        format!(
                            "ambiguous speaker '{written}': its spelling is near the names of {} people",
                            candidates.len()
                        ),
                        Some(format!(
                            "candidates: {}; write the name as the participant list does",
                            candidates.join(", ")
                        )),
                    )),
                    speaker: Speaker::Ambiguous {
                        mention: written,
                        candidates,
                    },
                };
            }
            [] => {}
        }
        if listed {
            return unknown(
                Code::UnknownSpeaker,
                format!("unknown speaker '{written}': not on the participant list"),
                Some(
                    "add them to the list of participants, or map the name with a people file (--people)",
                ),
            );
        }
        // No list: the turns themselves name the participants.
        let name = strip_honorifics(&spelled).to_owned();
        people.push(Participant {
            name: name.clone(),
            affiliation: None,
            roles: Vec::new(),
            stakeholder_group: None,
            aliases: Vec::new(),
            honorific: None,
            span: at,
        });
        Resolution {
            speaker: Speaker::Resolved {
                name,
                mention: written,
            },
            diagnostic: None,
        }
    }

    /// The resolution of the `index`-th turn, and whether its label is a role.
    fn of(&self, index: usize) -> (&Resolution, bool) {
        match self.of_turn.get(index).copied().flatten() {
            Some(label) => {
                let (resolution, role) = &self.labels[label];
                (resolution, *role)
            }
            None => (&self.bare, false),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Interventions, agenda filing, facts.

static AGENDA_MOVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:agenda\s+item|item\s+(?:number\s+)?|point\s+(?:number\s+)?)\s*(?P<n>[0-9]{1,2})\b|\b(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|next)\s+(?:agenda\s+)?item\b",
    )
    .expect("the agenda pattern is valid")
});

/// The agenda item a turn moves the meeting to, when it says so and the agenda has it.
fn moves_to(text: &str, agenda: &[AgendaItem], current: Option<&str>) -> Option<String> {
    let caps = AGENDA_MOVE.captures(text)?;
    if let Some(n) = caps.name("n") {
        let number = n.as_str().trim_start_matches('0');
        return agenda
            .iter()
            .find(|item| item.number == number)
            .map(|item| item.number.clone());
    }
    let word = caps.name("o")?.as_str().to_lowercase();
    let index = match word.as_str() {
        "next" => current
            .and_then(|c| agenda.iter().position(|i| i.number == c))
            .map_or(0, |i| i + 1),
        "last" | "final" => agenda.len().checked_sub(1)?,
        ordinal => [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth",
        ]
        .iter()
        .position(|o| *o == ordinal)?,
    };
    agenda.get(index).map(|item| item.number.clone())
}

fn build_interventions(
    turns: &[Turn<'_>],
    speakers: &Speakers,
    agenda: &[AgendaItem],
    record: &mut Record,
) {
    let mut current: Option<String> = None;
    let mut order = 0;
    // Only whoever chairs moves the meeting on, when the transcript says who does; anyone
    // else naming "item 1" is looking back, not moving on.
    let chairing: Vec<String> = record
        .participants
        .iter()
        .filter(|p| {
            p.roles
                .iter()
                .any(|r| r.is_chair() || *r == Role::Moderator)
        })
        .map(|p| p.name.clone())
        .collect();
    for (index, turn) in turns.iter().enumerate() {
        let (resolution, is_role) = speakers.of(index);
        if let Some((code, message, hint)) = &resolution.diagnostic {
            let mut diagnostic = Diagnostic::new(
                *code,
                Span::at(turn.line, turn.column),
                turn.label.map_or(2, width),
                message.clone(),
            );
            if let Some(hint) = hint {
                diagnostic = diagnostic.with_hint(hint.clone());
            }
            record.diagnostics.push(diagnostic);
        }
        if turn.words.text.is_empty() {
            continue;
        }
        let may_move = chairing.is_empty()
            || is_role
            || resolution
                .speaker
                .name()
                .is_some_and(|n| chairing.iter().any(|c| c == n));
        if may_move
            && !agenda.is_empty()
            && let Some(number) = moves_to(&turn.words.text, agenda, current.as_deref())
        {
            current = Some(number);
        }
        order += 1;
        record.interventions.push(Intervention {
            agenda_item: current.clone(),
            order,
            speaker: resolution.speaker.clone(),
            act: None,
            agreements: Vec::new(),
            text: turn.words.text.clone(),
            span: Span {
                start_line: turn.line,
                end_line: turn.last_line,
                column: turn.column,
            },
        });
    }
}

static DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:it\s+is\s+so\s+decided|it\s+is\s+decided|it\s+was\s+decided|so\s+decided|we\s+have\s+(?:agreed|decided)|we\s+(?:agreed|decided)|the\s+group\s+(?:agrees|agreed|decides|decided)|(?:is|are)\s+(?:hereby\s+)?(?:adopted|approved)|we\s+have\s+consensus|there\s+is\s+consensus)\b",
    )
    .expect("the decision pattern is valid")
});

/// Whether `text` has one of the words of `DECIDED` that the decision cue words lack.
fn decision_word(text: &str) -> bool {
    ["agrees", "decides", "consensus"]
        .iter()
        .any(|w| text::contains_str(text, w))
}

static I_WILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?i:so|and|ok|okay|yes|well|then|now),?\s+)*(?:I\s+will|I'll|I’ll)\s+(?P<what>(?:circulate|send|share|prepare|draft|write|update|follow|check|post|upload|compile|coordinate|reach|contact|ask|draft|review|organi[sz]e|schedule|revise|summari[sz]e|report|look|provide|submit|set)\b.*)$",
    )
    .expect("the first-person action pattern is valid")
});

/// Decisions, action items and dates, sentence by sentence, from each turn.
fn facts(turns: &[Turn<'_>], record: &mut Record) {
    let anchor = record.meeting.date;
    let known: Vec<String> = record.participants.iter().map(|p| fold(&p.name)).collect();
    let mut turn_index = 0;
    for turn in turns {
        if turn.words.text.is_empty() {
            continue;
        }
        let speaker = record
            .interventions
            .get(turn_index)
            .map(|i| i.speaker.clone())
            .unwrap_or(Speaker::Nobody);
        turn_index += 1;
        let words = &turn.words;
        // Most turns hold no date, no action cue and no decision: one look at the whole turn
        // spares their sentences every pattern.
        let turn_cues = Cues::scan(&words.text);
        let may_date =
            turn_cues.any(Set::Month) || memchr::memchr(b'-', words.text.as_bytes()).is_some();
        let may_act = turn_cues.any(Set::Action);
        let may_decide = turn_cues.any(Set::Decision) || decision_word(&words.text);
        let first_person = ["I will", "I'll", "I’ll"]
            .iter()
            .any(|w| text::contains_str(&words.text, w));
        if !(may_date || may_act || may_decide || first_person) {
            continue;
        }
        for (start, end) in text::sentences(&words.text) {
            let sentence = &words.text[start..end];
            let (line, column) = words.position(start);
            let span = Span::at(line, column);
            let cues = turn_cues.within(start, end);
            let mut due_dates = Vec::new();
            for found in dates::find_cued(sentence, &cues) {
                let written = &sentence[found.start..found.end];
                let (line, column) = words.position(start + found.start);
                let at = Span::at(line, column);
                let value = match dates::resolve(&found, anchor) {
                    Ok(value) => Some(value),
                    Err(why) => {
                        let reason = match why {
                            dates::Unresolved::NoAnchor => {
                                "it has no year and the transcript states no meeting date"
                            }
                            dates::Unresolved::NoSuchDay => "there is no such day",
                        };
                        record.diagnostics.push(
                            Diagnostic::new(
                                Code::UnresolvedDate,
                                at,
                                width(written),
                                format!("cannot resolve the date '{written}': {reason}"),
                            )
                            .with_hint("state the meeting date in the transcript's header"),
                        );
                        None
                    }
                };
                let before = sentence[..found.start].to_lowercase();
                let kind = if sentence.to_lowercase().contains("next meeting") {
                    DateKind::NextMeeting
                } else if ["by ", "deadline", "before ", "until ", "no later than "]
                    .iter()
                    .any(|w| before.ends_with(w) || before.contains("deadline"))
                {
                    DateKind::Deadline
                } else {
                    DateKind::Mentioned
                };
                record.dates.push(DateFact {
                    text: written.to_owned(),
                    value,
                    kind,
                    context: sentence.to_owned(),
                    span: at,
                });
                due_dates.push((found.start, value));
            }
            if may_decide
                && (((cues.any(Set::Decision) || decision_word(sentence))
                    && DECIDED.is_match(sentence))
                    || actions::is_decision(sentence, &cues))
            {
                record.decisions.push(Decision {
                    text: sentence.to_owned(),
                    span,
                });
            }
            let due_after = |from: usize| {
                due_dates
                    .iter()
                    .find(|(at, _)| *at >= from)
                    .and_then(|(_, v)| *v)
            };
            if first_person
                && ["I will", "I'll", "I’ll"]
                    .iter()
                    .any(|w| text::contains_str(sentence, w))
                && let Some(caps) = I_WILL.captures(sentence)
                && let Some(what) = caps.name("what")
            {
                record.action_items.push(ActionItem {
                    what: without_due(what.as_str()),
                    owner: speaker.label().map(str::to_owned),
                    due: due_after(what.start()),
                    span,
                });
                continue;
            }
            let is_person = |name: &str| {
                participants::looks_like_name(name) && {
                    let name = fold(name);
                    known.iter().any(|k| k.contains(&name))
                }
            };
            for found in actions::find_all(sentence, &cues, speaker.name(), &is_person) {
                if found.what.is_empty() {
                    continue;
                }
                let due = due_after(found.due_from);
                record.action_items.push(ActionItem {
                    what: found.what,
                    owner: found.owner,
                    due,
                    span,
                });
            }
        }
    }
}

/// What is to be done, without the due date it ends with ("… by 20 March"): the date is the
/// action's `due`.
fn without_due(what: &str) -> String {
    let what = what.trim_end_matches(['.', '!']);
    let Some(last) = dates::find(what).pop() else {
        return what.to_owned();
    };
    if what[last.end..].trim().is_empty() {
        let before = what[..last.start].trim_end();
        for word in [" no later than", " by", " before", " until"] {
            if let Some(rest) = before.strip_suffix(word) {
                return rest.trim_end_matches(',').to_owned();
            }
        }
    }
    what.to_owned()
}

fn finish(record: &mut Record, has_turns: bool, listed: bool) {
    record.meeting.chairs = record
        .participants
        .iter()
        .filter(|p| p.roles.iter().any(|r| r.is_chair()))
        .map(|p| p.name.clone())
        .collect();
    if record.meeting.moderator.is_none() {
        record.meeting.moderator = record
            .participants
            .iter()
            .find(|p| p.roles.contains(&Role::Moderator))
            .map(|p| p.name.clone());
    }
    if !has_turns {
        record.diagnostics.push(
            Diagnostic::new(
                Code::NotAReport,
                Span::at(1, 1),
                1,
                "this is not a captioning transcript: it has no turns ('>> NAME: text')",
            )
            .with_hint("a transcript's turns start with '>>' and the speaker's name in capitals"),
        );
    }
    if has_turns && !listed {
        record.diagnostics.push(
            Diagnostic::new(
                Code::NoParticipants,
                Span::at(1, 1),
                1,
                "the transcript has no participant list: participants are the names the speakers state and the turns' labels, whose capitals are title-cased",
            )
            .with_hint("add a 'Participants:' list to the header, or give people's own spellings in a people file (--people)"),
        );
    }
    if has_turns && record.meeting.date.is_none() {
        record.diagnostics.push(
            Diagnostic::new(
                Code::NoDate,
                Span::at(1, 1),
                1,
                "the transcript states no meeting date",
            )
            .with_hint("add the date to the header, e.g. 'Date: 4 December 2025, 13:00 UTC'"),
        );
    }
    for item in &record.agenda {
        if !record
            .interventions
            .iter()
            .any(|i| i.agenda_item.as_deref() == Some(item.number.as_str()))
        {
            record.diagnostics.push(
                Diagnostic::new(
                    Code::ItemNotDiscussed,
                    item.span,
                    width(&format!("{}. {}", item.number, item.title)),
                    format!("agenda item {} '{}' has no turn filed under it", item.number, item.title),
                )
                .with_hint("turns are filed under an item from the turn that names it ('agenda item 2', 'the next item') on"),
            );
        }
    }
    record
        .diagnostics
        .sort_by_key(|d| (d.span.start_line, d.span.column));
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The 1-based character column of byte offset `at` of `raw`.
fn column_of(raw: &str, at: usize) -> u32 {
    let at = text::floor_char_boundary(raw, at);
    u32::try_from(raw[..at].chars().count() + 1).unwrap_or(u32::MAX)
}

fn leading(piece: &str) -> usize {
    piece.len() - piece.trim_start().len()
}

fn width(text: &str) -> u32 {
    u32::try_from(text.chars().count())
        .unwrap_or(u32::MAX)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turn_lines() {
        let t = turn_of(">> CHENGETAI MASANGO: Thank you.").expect("a turn");
        assert_eq!(t.label.map(|l| l.0), Some("CHENGETAI MASANGO"));
        assert!(t.marker);
        let t = turn_of(">>ANA NEVES: Yes.").expect("a turn");
        assert_eq!(t.label.map(|l| l.0), Some("ANA NEVES"));
        let t = turn_of(">> Thank you, Chair.").expect("a turn");
        assert_eq!(t.label, None);
        let t = turn_of("TIMEA SUTO: I agree.").expect("a turn");
        assert!(!t.marker);
        assert_eq!(turn_of("   TIMEA SUTO: indented continues"), None);
        assert_eq!(turn_of("Note: this is prose"), None);
        assert_eq!(turn_of("AT 10:30 WE START"), None);
    }

    #[test]
    fn stage_notes_are_found() {
        let line = "We agree (Pause) with the text [inaudible] (a timeline).";
        let notes: Vec<&str> = stage_notes(line, 0)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect();
        assert_eq!(notes, ["(Pause)", "[inaudible]"]);
    }

    #[test]
    fn near_spellings() {
        assert!(near("chengatai", "chengetai"));
        assert!(!near("ana", "ann"));
        assert!(!near("timea", "tomas"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(
            title_case("BERTRAND DE LA CHAPELLE"),
            "Bertrand de la Chapelle"
        );
        assert_eq!(title_case("JEAN-PIERRE O'NEILL"), "Jean-Pierre O'Neill");
    }
}
