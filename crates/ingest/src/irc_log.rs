//! The raw IRC log of a meeting scribed in the W3C way: `<nick> text` lines, with or without
//! a timestamp (`[14:02] <amara> …`, `14:02:11 <amara> …`), read into a record.
//!
//! The reader walks the log three times. First it parses every line and applies the
//! scribe's `s/old/new/` corrections, each reported. Then it collects the meeting's facts
//! from the commands (`present+`, `Chair:`, `Scribe:`, `Meeting:`, `Date:`), which may come
//! after the speech they concern. Last it reads the speech in order: a scribe's
//! `Name: text` line is a turn of Name, not of the scribe; `… text` continues it; anyone
//! else's line is a turn of its own, by that nick. Queue traffic (`q+`, `ack`), bot lines
//! (Zakim, RRSAgent) and commands are never speech; Zakim's "agendum … taken up" starts a
//! topic, as `Topic:` does.
//!
//! Guarantees: a record always comes back; every turn keeps its lines, every doubt is a
//! diagnostic with line and column; a nick becomes a full name only when its owner wrote
//! `present+ Full Name` (or a name that fits the nick); nothing is guessed.

use model::{AgendaItem, Code, Diagnostic, Intervention, Record, Role, Source, Span, Speaker};

use foldhash::{HashMap, HashSet};

use crate::roster::{Roster, fold};
use crate::scribe::{self, Command, Correctable, Facts};
use crate::{PeopleHints, Text, dates};

/// The reader's stable name, in `source.reader`.
pub const READER: &str = "irc-log";

/// One `<nick> text` line.
struct Message<'a> {
    line: u32,
    raw: &'a str,
    nick: &'a str,
    /// Byte offset of the nick in `raw`.
    nick_at: usize,
    /// Byte offset of the text in `raw`.
    text_at: usize,
    /// The text, after corrections.
    body: Correctable,
    correction: bool,
    bot: bool,
}

/// What one line of the log is.
enum Line<'a> {
    Message {
        nick: &'a str,
        nick_at: usize,
        text_at: usize,
    },
    /// Joins, parts, topic changes, `/me` actions: channel events, not speech.
    Event,
    Blank,
    Unread,
}

/// Skips a timestamp at the start of `line`: `[14:02]`, `[14:02:11]`, `[2026-03-12 14:02]`,
/// `14:02:11`. Returns the offset after it (0 when there is none).
fn after_timestamp(line: &str) -> usize {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b'[') {
        if let Some(close) = line[..crate::text::floor_char_boundary(line, 32)].find(']') {
            let inside = &line[1..close];
            if inside.contains(':')
                && inside
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'-' | b' ' | b'T' | b'.'))
            {
                return close
                    + 1
                    + (line[close + 1..].len() - line[close + 1..].trim_start().len());
            }
        }
        return 0;
    }
    let stamp = bytes
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b':')
        .count();
    if (4..=8).contains(&stamp)
        && line[..stamp].contains(':')
        && bytes.get(stamp).is_some_and(|b| *b == b' ' || *b == b'\t')
    {
        return stamp + (line[stamp..].len() - line[stamp..].trim_start().len());
    }
    0
}

fn parse_line(raw: &str) -> Line<'_> {
    let start = raw.len() - raw.trim_start().len();
    if raw[start..].trim_end().is_empty() {
        return Line::Blank;
    }
    let at = start + after_timestamp(&raw[start..]);
    let rest = &raw[at..];
    if let Some(inner) = rest.strip_prefix('<')
        && let Some(close) = inner.find('>')
    {
        let nick = &inner[..close];
        let trimmed = nick
            .trim_start_matches(['@', '+', '%', '~', '&', ' '])
            .trim_end();
        if !trimmed.is_empty()
            && trimmed.len() <= 40
            && !trimmed.contains(char::is_whitespace)
            && trimmed.chars().next().is_some_and(|c| !c.is_control())
        {
            let nick_at = at
                + 1
                + (nick.len()
                    - nick
                        .trim_start_matches(['@', '+', '%', '~', '&', ' '])
                        .len());
            let after = &inner[close + 1..];
            let text_at = at + 1 + close + 1 + (after.len() - after.trim_start().len());
            return Line::Message {
                nick: trimmed,
                nick_at,
                text_at,
            };
        }
    }
    if ["***", "-!-", "--", "<--", "-->", "* ", "=-="]
        .iter()
        .any(|p| rest.starts_with(p))
    {
        return Line::Event;
    }
    Line::Unread
}

/// How sure it is that `text` is an IRC log, from its first lines: most of them are
/// `<nick> text` messages.
pub fn confidence(text: &Text) -> u8 {
    let mut lines = 0u32;
    let mut messages = 0u32;
    let mut scribing = false;
    for raw in text.content.lines().take(400) {
        match parse_line(raw) {
            Line::Blank => continue,
            Line::Message { nick, text_at, .. } => {
                messages += 1;
                let said = &raw[text_at..];
                scribing |= scribe::is_bot(nick)
                    || scribe::is_queue_traffic(said)
                    || scribe::command(said).is_some();
            }
            Line::Event | Line::Unread => {}
        }
        lines += 1;
        if lines == 60 {
            break;
        }
    }
    if messages == 0 {
        return 0;
    }
    let share = messages * 100 / lines.max(1);
    let base: u8 = match (messages, share) {
        (3.., 60..) => 85,
        (2.., 30..) => 60,
        _ => 25,
    };
    if scribing { (base + 10).min(100) } else { base }
}

/// Reads an IRC log into a record.
pub fn read(text: &Text, path: &str, hints: &PeopleHints) -> Record {
    let mut record = Record {
        source: Source {
            path: path.to_owned(),
            reader: READER.to_owned(),
            sha256: text.sha256.clone(),
        },
        ..Record::default()
    };
    let mut diagnostics = Vec::new();
    let mut unread = Vec::new();
    let mut messages: Vec<Message<'_>> = Vec::new();
    for (index, raw) in text.content.lines().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        match parse_line(raw) {
            Line::Message {
                nick,
                nick_at,
                text_at,
            } => {
                let said = raw[text_at..].trim_end();
                let correction = matches!(scribe::command(said), Some((Command::Correction(_), _)));
                messages.push(Message {
                    line,
                    raw,
                    nick,
                    nick_at,
                    text_at,
                    body: Correctable {
                        line,
                        text: said.to_owned(),
                    },
                    correction,
                    bot: scribe::is_bot(nick),
                });
            }
            Line::Unread => unread.push((line, raw)),
            Line::Event | Line::Blank => {}
        }
    }
    if messages.is_empty() {
        record.diagnostics.push(
            Diagnostic::new(
                Code::NotAReport,
                Span::at(1, 1),
                1,
                "not an IRC log: no line is a `<nick> text` message",
            )
            .with_hint("an IRC log has lines like `[14:02] <amara> text`; check that the right file was given"),
        );
        return record;
    }
    for (line, raw) in unread {
        let width = u32::try_from(raw.trim().chars().count().min(60)).unwrap_or(1);
        let column = scribe::column(raw, raw.len() - raw.trim_start().len());
        diagnostics.push(
            Diagnostic::new(
                Code::UnreadLine,
                Span::at(line, column),
                width,
                "line left out: it is not a `<nick> text` message",
            )
            .with_hint("an IRC log line reads `[14:02] <nick> text`; fix or remove the line"),
        );
    }
    correct(&mut messages, &mut record, &mut diagnostics);
    let meeting = collect(&messages, hints, &mut record, &mut diagnostics);
    let roster = Roster::new(&record.participants, hints);
    let names: Vec<String> = record.participants.iter().map(|p| p.name.clone()).collect();
    let facts = Facts::new(&roster, &meeting.nicks, &names, record.meeting.date);
    speech(&messages, &facts, &meeting, &mut record, &mut diagnostics);
    if record.participants.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Code::NoParticipants,
                Span::at(1, 1),
                1,
                "the log has no `present+` line, so no speaker can be resolved to a person",
            )
            .with_hint("have each attendee type `present+`, or the scribe `present+ Full Name, …`"),
        );
    }
    if record.meeting.date.is_none() {
        diagnostics.push(
            Diagnostic::new(
                Code::NoDate,
                Span::at(1, 1),
                1,
                "the log states no meeting date",
            )
            .with_hint("add a line `Date: 2026-03-12` to the log"),
        );
    }
    if !meeting.scribed {
        diagnostics.push(
            Diagnostic::new(
                Code::NoScribe,
                Span::at(1, 1),
                1,
                "no `Scribe:` or `ScribeNick:` line: every message is the turn of the nick who typed it",
            )
            .with_hint("add `ScribeNick: nick` before the scribe's first line"),
        );
    }
    diagnostics.sort_by_key(|d| (d.span.start_line, d.span.column));
    record.diagnostics = diagnostics;
    record
}

/// Applies every `s/old/new/` to the messages before it, in the order they were typed.
fn correct(messages: &mut [Message<'_>], record: &mut Record, diagnostics: &mut Vec<Diagnostic>) {
    for i in 0..messages.len() {
        if !messages[i].correction || messages[i].bot {
            continue;
        }
        let Some((Command::Correction(correction), _)) = scribe::command(&messages[i].body.text)
        else {
            continue;
        };
        let message = &messages[i];
        let at = Span::at(message.line, scribe::column(message.raw, message.text_at));
        let (earlier, _) = messages.split_at_mut(i);
        let earlier = &mut earlier[i.saturating_sub(scribe::CORRECTION_REACH)..];
        scribe::apply_correction(
            &correction,
            at,
            earlier
                .iter_mut()
                .filter(|m| !m.correction && !m.bot)
                .map(|m| &mut m.body),
            &mut record.repairs,
            diagnostics,
        );
    }
}

/// What the commands of the whole log say, before the speech is read.
struct Meeting {
    /// Nicks (folded) mapped to full names by `present+ Full Name`.
    nicks: Vec<(String, String)>,
    /// Whether any `Scribe:` or `ScribeNick:` line names a scribe.
    scribed: bool,
    /// Every nick that typed a message, folded.
    typed: HashSet<String>,
    /// The typed nicks by the key names are compared with (`scribe::nick_key`).
    typed_by_key: HashMap<String, Vec<String>>,
    /// Folded full names to the nicks `present+` lines map to them.
    by_name: HashMap<String, Vec<String>>,
}

/// Attendance, chairs, scribes, title and date from the commands, wherever they stand.
/// Every list is indexed, so a log of any length is read in time proportional to it.
fn collect(
    messages: &[Message<'_>],
    hints: &PeopleHints,
    record: &mut Record,
    diagnostics: &mut Vec<Diagnostic>,
) -> Meeting {
    let mut typed: HashSet<String> = HashSet::default();
    let mut typed_by_key: HashMap<String, Vec<String>> = HashMap::default();
    let mut seen: HashSet<&str> = HashSet::default();
    for message in messages {
        if seen.insert(message.nick) {
            let key = fold(message.nick);
            if typed.insert(key.clone()) {
                typed_by_key
                    .entry(scribe::nick_key(message.nick))
                    .or_default()
                    .push(key);
            }
        }
    }
    // A nick that only ever names one person with `present+` names itself; a nick that adds
    // several people (a chair, a scribe) maps only to a name its nick fits.
    let mut adders: HashSet<String> = HashSet::default();
    let mut named_by: HashSet<(String, String)> = HashSet::default();
    let mut naming: HashSet<String> = HashSet::default();
    // Chairs and scribes as named (nicks or names), who often type `present+` for others.
    let mut officers: Vec<String> = Vec::new();
    for message in messages.iter().filter(|m| !m.bot && !m.correction) {
        match scribe::command(&message.body.text) {
            Some((
                Command::Chair(value)
                | Command::Scribe(value)
                | Command::ScribeNick(value)
                | Command::ScribePlus(value),
                _,
            )) => {
                if value.is_empty() {
                    officers.push(message.nick.to_owned());
                }
                officers.extend(scribe::names(value).into_iter().map(|(name, _)| name));
            }
            Some((Command::Present { plus: true, names }, _)) => {
                let nick = fold(message.nick);
                for (name, _) in scribe::names(names) {
                    if named_by.insert((nick.clone(), fold(&name))) && !naming.insert(nick.clone())
                    {
                        adders.insert(nick.clone());
                    }
                }
            }
            _ => {}
        }
    }
    let officer_keys: HashSet<String> = officers.iter().map(|o| fold(o)).collect();
    let officer_fits = scribe::Fits::new(officers.iter().map(String::as_str));
    let is_officer =
        |nick: &str| officer_keys.contains(&fold(nick)) || !officer_fits.of(nick).is_empty();
    let mut nicks: Vec<(String, String)> = Vec::new();
    let mut mapped: HashMap<String, String> = HashMap::default();
    let mut attendees: Vec<(String, Span, bool)> = Vec::new();
    let mut chairs: Vec<(String, Span)> = Vec::new();
    let mut scribes: Vec<(String, Span)> = Vec::new();
    let mut scribed = false;
    for message in messages.iter().filter(|m| !m.bot && !m.correction) {
        let said = &message.body.text;
        let Some((command, at)) = scribe::command(said) else {
            continue;
        };
        let mut columns = scribe::Columns::new(message.raw);
        let mut span_at =
            |offset: usize| Span::at(message.line, columns.of(message.text_at + offset));
        match command {
            Command::Present { plus, names } => {
                let listed = scribe::names(names);
                if listed.is_empty() {
                    let nick_span =
                        Span::at(message.line, scribe::column(message.raw, message.nick_at));
                    attendees.push((message.nick.to_owned(), nick_span, plus));
                }
                let nick = fold(message.nick);
                if plus
                    && let [(name, _)] = listed.as_slice()
                    && fold(name) != nick
                    && !mapped.contains_key(&nick)
                    && ((!adders.contains(&nick) && !is_officer(message.nick))
                        || scribe::nick_fits(message.nick, name))
                {
                    mapped.insert(nick.clone(), name.clone());
                    nicks.push((nick, name.clone()));
                }
                for (name, offset) in listed {
                    attendees.push((name, span_at(at + offset), plus));
                }
            }
            Command::Chair(value) => {
                for (name, offset) in scribe::names(value) {
                    chairs.push((name, span_at(at + offset)));
                }
            }
            Command::Scribe(value) | Command::ScribeNick(value) => {
                scribed |= !value.trim().is_empty();
                for (name, offset) in scribe::names(value) {
                    scribes.push((name, span_at(at + offset)));
                }
            }
            Command::ScribePlus(value) => {
                scribed = true;
                if value.is_empty() {
                    let nick_span =
                        Span::at(message.line, scribe::column(message.raw, message.nick_at));
                    scribes.push((message.nick.to_owned(), nick_span));
                }
                for (name, offset) in scribe::names(value) {
                    scribes.push((name, span_at(at + offset)));
                }
            }
            Command::Meeting(value) if !value.is_empty() && record.meeting.title.is_none() => {
                record.meeting.title = Some(value.to_owned());
                record.group.name = Some(value.to_owned());
                record.meeting.span = span_at(at);
            }
            Command::Date(value) if record.meeting.date.is_none() => {
                let found = dates::find(value);
                match found.first().map(|f| dates::resolve(f, None)) {
                    Some(Ok(model::DateValue::Day(day))) => record.meeting.date = Some(day),
                    _ => diagnostics.push(
                        Diagnostic::new(
                            Code::UnresolvedDate,
                            span_at(at),
                            u32::try_from(value.chars().count()).unwrap_or(1),
                            format!("the meeting date '{value}' is not a day with a year"),
                        )
                        .with_hint("write it as `Date: 2026-03-12` or `Date: 12 March 2026`"),
                    ),
                }
            }
            _ => {}
        }
    }
    // A bare nick that also wrote its full name is that name.
    let named = |written: &str| -> String {
        mapped
            .get(&fold(written))
            .map_or_else(|| written.to_owned(), Clone::clone)
    };
    let mut people = scribe::Attendance::default();
    for (written, span, plus) in &attendees {
        let name = named(written);
        if *plus {
            people.attend(&name, None, *span);
        } else {
            people.remove(&name);
        }
    }
    // Chairs and scribes attended, whether or not they typed `present+`; they are resolved
    // against those who did.
    let present = people.people();
    let roster = Roster::new(&present, hints);
    let names: Vec<String> = present.iter().map(|p| p.name.clone()).collect();
    let facts = Facts::new(&roster, &nicks, &names, None);
    let mut chair_names: HashSet<String> = HashSet::default();
    for (list, role) in [(&chairs, Role::Chair), (&scribes, Role::Rapporteur)] {
        for (written, span) in list.iter() {
            let speaker = facts.speaker(written);
            let name = match speaker {
                Speaker::Resolved { name, .. } => name,
                Speaker::Ambiguous { .. } => {
                    if let Some(diagnostic) = scribe::speaker_diagnostic(&speaker, *span, true) {
                        diagnostics.push(diagnostic);
                    }
                    if role == Role::Chair && chair_names.insert(written.clone()) {
                        record.meeting.chairs.push(written.clone());
                    }
                    continue;
                }
                _ => named(written),
            };
            people.attend(&name, Some(role), *span);
            if role == Role::Chair && chair_names.insert(name.clone()) {
                record.meeting.chairs.push(name);
            }
        }
    }
    record.participants = people.into_people();
    let mut by_name: HashMap<String, Vec<String>> = HashMap::default();
    for (nick, name) in &nicks {
        by_name.entry(fold(name)).or_default().push(nick.clone());
    }
    Meeting {
        nicks,
        scribed,
        typed,
        typed_by_key,
        by_name,
    }
}

/// The turns, decisions, action items and agenda, in the order of the log.
fn speech(
    messages: &[Message<'_>],
    facts: &Facts<'_>,
    meeting: &Meeting,
    record: &mut Record,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let has_list = !record.participants.is_empty();
    let mut scribes: Vec<String> = Vec::new();
    let mut item: Option<String> = None;
    // The turn a scribe's `… text` continues, and each nick's last turn.
    let mut scribed_turn: Option<usize> = None;
    let mut last_of: Vec<(String, usize)> = Vec::new();
    // The agenda items a decision or an action item was recorded under.
    let mut touched: Vec<String> = Vec::new();
    for message in messages.iter().filter(|m| !m.correction) {
        let said = message.body.text.as_str();
        let column_of = |offset: usize| scribe::column(message.raw, message.text_at + offset);
        if message.bot {
            // Zakim taking up an agendum starts a topic, as a `Topic:` line does.
            if let Some(title) = scribe::taken_up(said) {
                item = Some(agenda_item(
                    &mut record.agenda,
                    None,
                    title,
                    Span::at(message.line, column_of(0)),
                ));
                scribed_turn = None;
            }
            continue;
        }
        if said.is_empty() || scribe::is_queue_traffic(said) {
            continue;
        }
        if scribe::is_insertion(said) {
            diagnostics.push(scribe::insertion_note(
                Span::at(message.line, column_of(0)),
                said,
            ));
            continue;
        }
        if let Some((command, at)) = scribe::command(said) {
            match command {
                Command::Scribe(value) | Command::ScribeNick(value) => {
                    scribes = scribe_nicks(value, message.nick, meeting);
                }
                Command::ScribePlus(value) => {
                    let more = if value.is_empty() {
                        vec![fold(message.nick)]
                    } else {
                        scribe_nicks(value, message.nick, meeting)
                    };
                    for nick in more {
                        if !scribes.contains(&nick) {
                            scribes.push(nick);
                        }
                    }
                }
                Command::ScribeMinus(value) => {
                    let gone = if value.is_empty() {
                        vec![fold(message.nick)]
                    } else {
                        scribe_nicks(value, message.nick, meeting)
                    };
                    scribes.retain(|nick| !gone.contains(nick));
                    scribed_turn = None;
                }
                Command::Topic(title) if !title.is_empty() => {
                    item = Some(agenda_item(
                        &mut record.agenda,
                        None,
                        title,
                        Span::at(message.line, column_of(at)),
                    ));
                    scribed_turn = None;
                }
                Command::SubTopic(title) if !title.is_empty() => {
                    let parent = item
                        .as_deref()
                        .and_then(|n| n.split('.').next())
                        .map(str::to_owned);
                    item = Some(agenda_item(
                        &mut record.agenda,
                        parent.as_deref(),
                        title,
                        Span::at(message.line, column_of(at)),
                    ));
                    scribed_turn = None;
                }
                Command::Resolved(text) if !text.is_empty() => {
                    record
                        .decisions
                        .push(scribe::decision(text, message.line, column_of(at)));
                    touched.extend(item.clone());
                }
                Command::Action(text) if !text.is_empty() => {
                    let action = facts.action(
                        text,
                        message.line,
                        column_of(at),
                        &mut record.dates,
                        diagnostics,
                    );
                    record.action_items.push(action);
                    touched.extend(item.clone());
                }
                _ => {}
            }
            continue;
        }
        let from_scribe = scribes.iter().any(|s| same_nick(s, message.nick));
        let span = Span::at(message.line, column_of(0));
        if let Some(offset) = scribe::continuation(said) {
            let target = if from_scribe {
                scribed_turn
            } else {
                last_of
                    .iter()
                    .find(|(nick, _)| same_nick(nick, message.nick))
                    .map(|(_, turn)| *turn)
            };
            if let Some(turn) = target.and_then(|t| record.interventions.get_mut(t)) {
                let more = said[offset..].trim();
                if !more.is_empty() {
                    if !turn.text.is_empty() {
                        turn.text.push(' ');
                    }
                    turn.text.push_str(more);
                }
                turn.span.end_line = message.line;
                continue;
            }
        }
        let (speaker, text, at) = if from_scribe {
            match scribe::speaker_label(said) {
                Some((label, start)) => (
                    facts.speaker(label),
                    &said[start..],
                    Span::at(message.line, column_of(0)),
                ),
                None => (
                    Speaker::Nobody,
                    scribe::continuation(said).map_or(said, |o| &said[o..]),
                    span,
                ),
            }
        } else {
            (
                facts.speaker(message.nick),
                scribe::continuation(said).map_or(said, |o| &said[o..]),
                Span::at(message.line, scribe::column(message.raw, message.nick_at)),
            )
        };
        if let Some(diagnostic) = scribe::speaker_diagnostic(&speaker, at, has_list) {
            diagnostics.push(diagnostic);
        }
        let order = u32::try_from(record.interventions.len() + 1).unwrap_or(u32::MAX);
        record.interventions.push(Intervention {
            agenda_item: item.clone(),
            order,
            speaker,
            act: None,
            agreements: Vec::new(),
            text: text.trim().to_owned(),
            span: Span {
                start_line: message.line,
                end_line: message.line,
                column: span.column,
            },
        });
        let turn = record.interventions.len() - 1;
        if from_scribe {
            scribed_turn = Some(turn);
        } else {
            match last_of
                .iter_mut()
                .find(|(nick, _)| same_nick(nick, message.nick))
            {
                Some(entry) => entry.1 = turn,
                None => last_of.push((fold(message.nick), turn)),
            }
        }
    }
    touched.extend(
        record
            .interventions
            .iter()
            .filter_map(|i| i.agenda_item.clone()),
    );
    diagnostics.extend(scribe::undiscussed(&record.agenda, &touched));
    scribe::plus_ones(&mut record.interventions);
}

/// Whether `nick` as typed is the nick whose folded form is `key`; ASCII nicks, the common
/// case, are compared without folding.
fn same_nick(key: &str, nick: &str) -> bool {
    if nick.is_ascii() {
        key.eq_ignore_ascii_case(nick)
    } else {
        key == fold(nick)
    }
}

/// The nicks a `Scribe:` or `ScribeNick:` line makes the scribe: the value when a nick of that
/// name typed in the log, else the one nick that fits the name, else the nick who typed it.
fn scribe_nicks(value: &str, typer: &str, meeting: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    for (name, _) in scribe::names(value) {
        let key = fold(&name);
        let spaced_key = fold(&name.replace(' ', "_"));
        if meeting.typed.contains(&key) {
            out.push(key);
            continue;
        }
        if meeting.typed.contains(&spaced_key) {
            out.push(spaced_key);
            continue;
        }
        if let Some([nick]) = meeting.by_name.get(&key).map(Vec::as_slice) {
            out.push(nick.clone());
            continue;
        }
        let mut fitting: Vec<&String> = scribe::name_keys(&name)
            .iter()
            .filter_map(|k| meeting.typed_by_key.get(k))
            .flatten()
            .collect();
        fitting.sort_unstable();
        fitting.dedup();
        match fitting.as_slice() {
            [nick] => out.push((*nick).clone()),
            _ => out.push(fold(typer)),
        }
    }
    out
}

/// The agenda item titled `title` (taken up again), or a new one numbered after the last; a
/// sub-item when `parent` is given. Returns its number.
fn agenda_item(
    agenda: &mut Vec<AgendaItem>,
    parent: Option<&str>,
    title: &str,
    span: Span,
) -> String {
    let key = fold(title);
    let (list, parent) = match parent.and_then(|p| agenda.iter().position(|i| i.number == p)) {
        Some(at) => {
            let parent = agenda[at].number.clone();
            (&mut agenda[at].items, Some(parent))
        }
        None => (agenda, None),
    };
    if let Some(existing) = list.iter().find(|i| fold(&i.title) == key) {
        return existing.number.clone();
    }
    let number = match parent {
        Some(parent) => format!("{parent}.{}", list.len() + 1),
        None => (list.len() + 1).to_string(),
    };
    list.push(AgendaItem {
        number: number.clone(),
        title: title.to_owned(),
        items: Vec::new(),
        span,
    });
    number
}
