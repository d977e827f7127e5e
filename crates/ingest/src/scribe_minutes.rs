//! Scribed minutes as mailed to a list: the plain text a scribe (or the W3C's minute
//! generator) sends after a meeting, read into a record.
//!
//! Two layouts are read alike. In the first, header fields carry their values on the line
//! (`Present: A, B`, `Chair: …`, `Scribe: …`, `Topics:`, `Resolutions:`, `Action Items:`);
//! in the second, the generated one, a field's name stands alone and its values follow,
//! indented (`Present` then the names), the topics are listed under `Contents`, and the
//! summaries (`Summary of Action Items`, `Summary of Resolutions`) close the minutes. The
//! discussion is a run of `Topic: Title` sections (or a topic title standing alone) holding
//! `Full Name: text` turns; a turn continues on the lines right below it and on `… text`
//! lines; IRC lines kept in the minutes (`<nick> text`) are turns of that nick; queue and bot
//! traffic is not speech.
//!
//! Guarantees: a record always comes back; every turn keeps its lines; a decision or action
//! item listed both in the discussion and in a summary is recorded once, at its place in the
//! discussion; a speaker not on the attendance list is unknown, with a diagnostic.

use model::{
    AgendaItem, Code, Decision, Diagnostic, Intervention, Participant, Record, Role, Source, Span,
    Speaker,
};

use foldhash::HashSet;

use crate::roster::{Roster, fold};
use crate::scribe::{self, Command, Correctable, Facts};
use crate::{PeopleHints, Text, dates};

/// The reader's stable name, in `source.reader`.
pub const READER: &str = "scribe-minutes";

/// Where a line stands in the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Header,
    /// The values of a field whose name stands alone (`Present` then names).
    Field(Field),
    Topics,
    Resolutions,
    Actions,
    Body,
    /// After `[End of minutes]`: the generator's colophon.
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Present,
    Regrets,
    Chair,
    Scribe,
}

/// A heading that opens a part of the minutes, written alone on its line.
fn heading(line: &str) -> Option<Part> {
    // The longest heading is "summary of action items": most lines are ruled out unread.
    let line = line.trim();
    if line.len() > 26 {
        return None;
    }
    let lower = line.trim_end_matches(':').to_ascii_lowercase();
    Some(match lower.as_str() {
        "present" | "attendees present" => Part::Field(Field::Present),
        "regrets" => Part::Field(Field::Regrets),
        "chair" | "chairs" => Part::Field(Field::Chair),
        "scribe" | "scribes" => Part::Field(Field::Scribe),
        "topics" | "contents" | "agenda items" => Part::Topics,
        "resolutions" | "summary of resolutions" | "resolutions made" => Part::Resolutions,
        "action items" | "actions" | "summary of action items" | "new action items" => {
            Part::Actions
        }
        "[end of minutes]" | "end of minutes" => Part::End,
        _ => return None,
    })
}

/// Removes the generator's link markers: `[4]Legend placement` → `Legend placement`.
fn without_links(text: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'[', text.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(text.trim());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(']') {
            out.push_str(&rest[..open]);
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..=open]);
            rest = after;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out.trim().to_owned())
}

/// A list item's text without its marker: `1. x`, `- x`, `* x`, `• x`.
fn list_item(line: &str) -> Option<(Option<String>, &str)> {
    let trimmed = line.trim_start();
    for bullet in ["- ", "* ", "• ", "– "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return Some((None, rest.trim()));
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        for sep in [". ", ") "] {
            if let Some(rest) = trimmed[digits..].strip_prefix(sep) {
                return Some((Some(trimmed[..digits].to_owned()), rest.trim()));
            }
        }
    }
    None
}

/// A separator line: `_____`, `-----`, `=====`.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 5 && t.bytes().all(|b| matches!(b, b'_' | b'-' | b'=' | b'*'))
}

/// A `<nick> text` line kept in the minutes: the nick and the text's offset.
fn irc_line(line: &str) -> Option<(&str, usize)> {
    let rest = line.strip_prefix('<')?;
    let close = rest.find('>')?;
    let nick = &rest[..close];
    if nick.is_empty() || nick.len() > 40 || nick.contains(char::is_whitespace) {
        return None;
    }
    let after = &rest[close + 1..];
    Some((
        nick,
        1 + close + 1 + (after.len() - after.trim_start().len()),
    ))
}

/// How sure it is that `text` is mailed minutes, from the labels of its first lines.
pub fn confidence(text: &Text) -> u8 {
    let mut score: u32 = 0;
    let mut seen = [false; 6];
    let mut lines = 0;
    let mut irc = 0;
    let mut lower = String::new();
    for raw in text.content.lines().take(300) {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        if irc_line(line).is_some() || line.starts_with('[') && line.contains("] <") {
            irc += 1;
        }
        if !seen.iter().all(|&hit| hit) {
            lower.clear();
            lower.push_str(line);
            lower.make_ascii_lowercase();
            let lower = lower.as_str();
            // Each check once it has held is not asked again.
            for at in 0..seen.len() {
                if seen[at] {
                    continue;
                }
                let hit = match at {
                    0 => lower.starts_with("present:") || lower == "present",
                    1 => lower.starts_with("topic:") || lower == "topics:" || lower == "contents",
                    2 => {
                        lower.starts_with("scribe:")
                            || lower.starts_with("scribenick:")
                            || lower.starts_with("chair:")
                            || lower == "scribe"
                            || lower == "chair"
                    }
                    3 => {
                        lower.contains("summary of action items")
                            || lower == "action items:"
                            || lower.contains("summary of resolutions")
                            || lower == "resolutions:"
                    }
                    4 => lower.starts_with("regrets:") || lower == "regrets",
                    _ => {
                        lower.starts_with("resolved:")
                            || lower.starts_with("resolution:")
                            || lower.contains("action:")
                    }
                };
                if hit {
                    seen[at] = true;
                    score += [30, 25, 15, 15, 10, 10][at];
                }
            }
        }
        if lines == 120 {
            break;
        }
    }
    // A log of `<nick>` lines is the IRC log's, even with the same commands in it; unless
    // the header and topics are written out as minutes are, with the scribe's IRC lines kept
    // under them.
    if seen[0] && seen[1] {
        score += 10;
    } else if irc * 2 > lines {
        score = score.min(20);
    }
    u8::try_from(score.min(95)).unwrap_or(95)
}

/// One line of the discussion, after corrections.
struct BodyLine<'a> {
    raw: &'a str,
    /// Byte offset of the first non-blank character in `raw`.
    indent: usize,
    body: Correctable,
    correction: bool,
    item: Option<String>,
}

/// Everything the header and the summaries state.
#[derive(Default)]
struct Header {
    present: Vec<(String, Span)>,
    chairs: Vec<(String, Span)>,
    scribes: Vec<(String, Span)>,
    /// Folded nicks of `ScribeNick:` lines.
    scribe_nicks: Vec<String>,
    resolutions: Vec<Decision>,
    /// Action lines of the summary: the text after `ACTION:`, its line and column.
    actions: Vec<(String, u32, u32)>,
}

/// Reads mailed minutes into a record.
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
    let mut header = Header::default();
    let mut body: Vec<BodyLine<'_>> = Vec::new();
    let mut part = Part::Header;
    let mut item: Option<String> = None;
    let mut listed_topics = false;
    // Only a line no longer than the longest listed title can be a topic heading.
    let mut longest_title = 0;
    // The summary entry a wrapped line continues: (is_action, index).
    let mut open_summary: Option<(bool, usize)> = None;
    for (index, raw) in text.content.lines().enumerate() {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let trimmed = raw.trim();
        let indent = raw.len() - raw.trim_start().len();
        let column = scribe::column(raw, indent);
        if part == Part::End {
            continue;
        }
        if trimmed.is_empty() {
            if let Part::Field(_) = part {
                part = Part::Header;
            }
            open_summary = None;
            if part == Part::Body {
                body.push(BodyLine {
                    raw,
                    indent,
                    body: Correctable {
                        line: line_no,
                        text: String::new(),
                    },
                    correction: false,
                    item: item.clone(),
                });
            }
            continue;
        }
        if is_rule(trimmed) {
            if part == Part::Topics {
                part = Part::Body;
            }
            continue;
        }
        if let Some(next) = heading(trimmed) {
            part = next;
            open_summary = None;
            continue;
        }
        let plain = without_links(trimmed);
        let mut columns = scribe::Columns::new(raw);
        // Header fields with their value on the line, wherever they stand.
        if let Some((command, at)) = scribe::command(trimmed) {
            let value_span = Span::at(line_no, scribe::column(raw, indent + at));
            let handled = match command {
                Command::Present { names, .. } => {
                    for (name, offset) in scribe::names(names) {
                        let span = Span::at(line_no, columns.of(indent + at + offset));
                        header.present.push((name, span));
                    }
                    true
                }
                Command::Chair(value) => {
                    for (name, offset) in scribe::names(value) {
                        let span = Span::at(line_no, columns.of(indent + at + offset));
                        header.chairs.push((name, span));
                    }
                    true
                }
                Command::Scribe(value) => {
                    for (name, offset) in scribe::names(value) {
                        let span = Span::at(line_no, columns.of(indent + at + offset));
                        header.scribes.push((name, span));
                    }
                    true
                }
                Command::ScribeNick(value) => {
                    header.scribe_nicks.extend(
                        scribe::names(value)
                            .into_iter()
                            .map(|(nick, _)| fold(&nick)),
                    );
                    true
                }
                Command::Agenda(_) | Command::Regrets(_) => true,
                Command::Meeting(value) => {
                    if record.meeting.title.is_none() && !value.is_empty() {
                        set_title(&mut record, value, value_span);
                    }
                    true
                }
                Command::Date(value) => {
                    meeting_date(&mut record, value, value_span, &mut diagnostics);
                    true
                }
                Command::Topic(title) => {
                    let title = without_links(title);
                    if !title.is_empty() {
                        item = Some(agenda_item(&mut record.agenda, &title, value_span));
                    }
                    part = Part::Body;
                    true
                }
                _ => false,
            };
            if handled {
                continue;
            }
        }
        match part {
            Part::Field(field) => {
                let list = match field {
                    Field::Present => Some(&mut header.present),
                    Field::Chair => Some(&mut header.chairs),
                    Field::Scribe => Some(&mut header.scribes),
                    Field::Regrets => None,
                };
                if let Some(list) = list {
                    for (name, offset) in scribe::names(trimmed) {
                        let span = Span::at(line_no, columns.of(indent + offset));
                        list.push((name, span));
                    }
                }
                continue;
            }
            Part::Topics => {
                if let Some((number, title)) = list_item(trimmed) {
                    // `title` is a slice of `raw`: its column is where the title is written.
                    let at = (title.as_ptr() as usize).saturating_sub(raw.as_ptr() as usize);
                    let title_column = scribe::column(raw, at);
                    let title = without_links(title);
                    let lower = title.to_ascii_lowercase();
                    // The generator's contents also list its own sections.
                    if lower == "topics" || lower.starts_with("summary of") || title.is_empty() {
                        continue;
                    }
                    listed_topics = true;
                    longest_title = longest_title.max(title.len());
                    let number = number.unwrap_or_else(|| (record.agenda.len() + 1).to_string());
                    if !record.agenda.iter().any(|i| i.number == number) {
                        record.agenda.push(AgendaItem {
                            number,
                            title: title.into_owned(),
                            items: Vec::new(),
                            span: Span::at(line_no, title_column),
                        });
                    }
                    continue;
                }
                // A line that is no list item ends the list: the discussion begins.
                part = Part::Body;
            }
            Part::Resolutions => {
                let (entry, is_item) = match list_item(trimmed) {
                    Some((_, rest)) => (rest, true),
                    None => (
                        trimmed,
                        trimmed.to_ascii_uppercase().starts_with("RESOLVED"),
                    ),
                };
                let entry = without_links(entry);
                let entry = strip_label(&entry, &["RESOLVED:", "RESOLUTION:"]);
                match open_summary {
                    Some((false, at)) if !is_item => {
                        let decision: &mut Decision = &mut header.resolutions[at];
                        decision.text.push(' ');
                        decision.text.push_str(entry);
                    }
                    _ => {
                        header
                            .resolutions
                            .push(scribe::decision(entry, line_no, column));
                        open_summary = Some((false, header.resolutions.len() - 1));
                    }
                }
                continue;
            }
            Part::Actions => {
                let entry = list_item(trimmed).map_or(trimmed, |(_, rest)| rest);
                let entry = without_links(entry);
                let (status, entry) = action_status(&entry);
                let is_item = status.is_some() || entry.to_ascii_uppercase().starts_with("ACTION");
                let what = strip_label(entry, &["ACTION:", "ACTION ITEM:"]);
                match open_summary {
                    Some((true, at)) if !is_item => {
                        if at < header.actions.len() {
                            header.actions[at].0.push(' ');
                            header.actions[at].0.push_str(what);
                        }
                    }
                    _ if status == Some("done") => open_summary = None,
                    _ => {
                        header.actions.push((what.to_owned(), line_no, column));
                        open_summary = Some((true, header.actions.len() - 1));
                    }
                }
                continue;
            }
            Part::Header => {
                let is_turn =
                    scribe::speaker_label(trimmed).is_some() || irc_line(trimmed).is_some();
                if is_turn {
                    part = Part::Body;
                } else {
                    header_line(&mut record, raw, line_no, &plain, &mut diagnostics);
                    continue;
                }
            }
            Part::Body | Part::End => {}
        }
        // Zakim taking up an agendum starts a topic, as a `Topic:` line does.
        if let Some((nick, at)) = irc_line(trimmed)
            && scribe::is_bot(nick)
        {
            if let Some(title) = scribe::taken_up(&trimmed[at..]) {
                let span = Span::at(line_no, scribe::column(raw, indent + at));
                item = Some(agenda_item(&mut record.agenda, title, span));
            }
            continue;
        }
        // A topic title standing alone, as the generated layout writes it.
        if listed_topics
            && plain.len() <= longest_title
            && !plain.contains(": ")
            && let Some(found) = {
                let key = fold(&plain);
                record.agenda.iter().find(|i| fold(&i.title) == key)
            }
        {
            item = Some(found.number.clone());
            continue;
        }
        let correction = matches!(scribe::command(trimmed), Some((Command::Correction(_), _)));
        body.push(BodyLine {
            raw,
            indent,
            body: Correctable {
                line: line_no,
                text: trimmed.to_owned(),
            },
            correction,
            item: item.clone(),
        });
    }
    correct(&mut body, &mut record, &mut diagnostics);
    let people = attendance(&header, hints, &mut record, &mut diagnostics);
    record.participants = people;
    let roster = Roster::new(&record.participants, hints);
    let names: Vec<String> = record.participants.iter().map(|p| p.name.clone()).collect();
    let facts = Facts::new(&roster, &[], &names, record.meeting.date);
    let scribes = Scribes::new(&header);
    discussion(&body, &facts, &scribes, &mut record, &mut diagnostics);
    summaries(&header, &facts, &mut record, &mut diagnostics);
    finish(&mut record, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start_line, d.span.column));
    record.diagnostics = diagnostics;
    record
}

/// `[NEW] ACTION: …` → ("new", "ACTION: …").
fn action_status(entry: &str) -> (Option<&'static str>, &str) {
    for (written, status) in [
        ("[NEW]", "new"),
        ("[PENDING]", "pending"),
        ("[CONTINUES]", "pending"),
        ("[DONE]", "done"),
        ("[DROPPED]", "done"),
    ] {
        if let Some(rest) = entry.strip_prefix(written) {
            return (Some(status), rest.trim_start());
        }
    }
    (None, entry)
}

/// `text` without one of `labels` at its start (compared without case).
fn strip_label<'a>(text: &'a str, labels: &[&str]) -> &'a str {
    for label in labels {
        if text.len() >= label.len()
            && text.is_char_boundary(label.len())
            && text[..label.len()].eq_ignore_ascii_case(label)
        {
            return text[label.len()..].trim_start();
        }
    }
    text
}

/// The title, and the group's name: the title's part before a dash.
fn set_title(record: &mut Record, title: &str, span: Span) {
    record.meeting.title = Some(title.to_owned());
    let group = [" — ", " – ", " - "]
        .iter()
        .find_map(|dash| title.split_once(dash).map(|(group, _)| group))
        .unwrap_or(title);
    record.group.name = Some(group.trim().to_owned());
    record.meeting.span = span;
}

/// The meeting date from a `Date:` value or a header line; only a day with a year counts.
fn meeting_date(record: &mut Record, value: &str, span: Span, diagnostics: &mut Vec<Diagnostic>) {
    if record.meeting.date.is_some() {
        return;
    }
    match dates::find(value).first().map(|f| dates::resolve(f, None)) {
        Some(Ok(model::DateValue::Day(day))) => record.meeting.date = Some(day),
        _ => diagnostics.push(
            Diagnostic::new(
                Code::UnresolvedDate,
                span,
                u32::try_from(value.chars().count()).unwrap_or(1),
                format!("the meeting date '{value}' is not a day with a year"),
            )
            .with_hint("write it as `Date: 2026-03-12` or `12 March 2026`"),
        ),
    }
}

/// A header line that is no field: the generator's boilerplate, the title, or the date.
fn header_line(
    record: &mut Record,
    raw: &str,
    line: u32,
    plain: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let indent = raw.len() - raw.trim_start().len();
    let span = Span::at(line, scribe::column(raw, indent));
    let lower = plain.to_ascii_lowercase();
    if plain.is_empty()
        || lower == "w3c"
        || lower == "- draft -"
        || lower == "draft"
        || lower == "attendees"
        || lower == "agenda"
        || lower.starts_with("http")
    {
        return;
    }
    let found = dates::find(plain);
    // A line that is only a date ("02 Apr 2026") is the meeting's date.
    if let Some(date) = found.first()
        && date.start <= 1
        && plain.len() - date.end <= 1
    {
        meeting_date(record, plain, span, diagnostics);
        return;
    }
    if record.meeting.title.is_none() {
        set_title(record, plain, span);
        if let Some(date) = found.first()
            && date.year.is_some()
        {
            let written = &plain[date.start..date.end];
            meeting_date(record, written, span, diagnostics);
            // The title's group ends before its date: "Task Force — 18 June 2026".
        }
        return;
    }
    diagnostics.push(
        Diagnostic::new(
            Code::UnreadLine,
            span,
            u32::try_from(plain.chars().count().min(60)).unwrap_or(1),
            "header line left out: it is no field the reader knows",
        )
        .with_hint(
            "header fields read `Present: A, B`, `Regrets:`, `Chair:`, `Scribe:`, `Date:`, `Topics:`",
        ),
    );
}

/// Applies every `s/old/new/` to the discussion lines before it.
fn correct(body: &mut [BodyLine<'_>], record: &mut Record, diagnostics: &mut Vec<Diagnostic>) {
    for i in 0..body.len() {
        if !body[i].correction {
            continue;
        }
        let Some((Command::Correction(correction), _)) = scribe::command(&body[i].body.text) else {
            continue;
        };
        let at = Span::at(
            body[i].body.line,
            scribe::column(body[i].raw, body[i].indent),
        );
        let (earlier, _) = body.split_at_mut(i);
        let earlier = &mut earlier[i.saturating_sub(scribe::CORRECTION_REACH)..];
        scribe::apply_correction(
            &correction,
            at,
            earlier
                .iter_mut()
                .filter(|l| !l.correction)
                .map(|l| &mut l.body),
            &mut record.repairs,
            diagnostics,
        );
    }
}

/// The attendees: the `Present` list, then chairs and scribes, who attended too and are
/// resolved against the list.
fn attendance(
    header: &Header,
    hints: &PeopleHints,
    record: &mut Record,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Participant> {
    let mut people = scribe::Attendance::default();
    for (name, span) in &header.present {
        if !people.attend(name, None, *span) {
            diagnostics.push(
                Diagnostic::new(
                    Code::DuplicateParticipant,
                    *span,
                    u32::try_from(name.chars().count()).unwrap_or(1),
                    format!("'{name}' is listed as present twice"),
                )
                .with_hint("remove the second entry"),
            );
        }
    }
    let present = people.people();
    let roster = Roster::new(&present, hints);
    let names: Vec<String> = present.iter().map(|p| p.name.clone()).collect();
    let facts = Facts::new(&roster, &[], &names, None);
    let mut chair_names: HashSet<String> = HashSet::default();
    for (list, role) in [
        (&header.chairs, Role::Chair),
        (&header.scribes, Role::Rapporteur),
    ] {
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
                _ => written.clone(),
            };
            people.attend(&name, Some(role), *span);
            if role == Role::Chair && chair_names.insert(name.clone()) {
                record.meeting.chairs.push(name);
            }
        }
    }
    people.into_people()
}

/// The turns, decisions and action items of the discussion, in order.
fn discussion(
    body: &[BodyLine<'_>],
    facts: &Facts<'_>,
    scribes: &Scribes,
    record: &mut Record,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let has_list = !record.participants.is_empty();
    // The turn the next line may continue: right below it, with no blank line between.
    let mut open: Option<usize> = None;
    // The agenda items a decision or an action item was recorded under.
    let mut touched: Vec<String> = Vec::new();
    let mut last: Option<usize> = None;
    let lines: Vec<&BodyLine<'_>> = body.iter().filter(|l| !l.correction).collect();
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        i += 1;
        let mut said = line.body.text.as_str();
        let line_no = line.body.line;
        if said.is_empty() {
            open = None;
            continue;
        }
        // A scribe's IRC line kept in the minutes (`<bol> Amara: …`) is read as the scribe's
        // line: `Amara` speaks.
        let mut shift = 0;
        if let Some((nick, at)) = irc_line(said)
            && scribes.is_scribe(nick)
        {
            said = &said[at..];
            shift = at;
        }
        let column_of = |offset: usize| scribe::column(line.raw, line.indent + shift + offset);
        if let Some((command, at)) = scribe::command(said) {
            match command {
                Command::Resolved(text) if !text.is_empty() => {
                    record
                        .decisions
                        .push(scribe::decision(text, line_no, column_of(at)));
                    touched.extend(line.item.clone());
                }
                Command::Action(text) if !text.is_empty() => {
                    // An action line wrapped by the mailer continues on the next line.
                    let mut text = text.trim().to_owned();
                    let mut end = line_no;
                    if let Some(next) = lines.get(i)
                        && next.body.line == line_no + 1
                        && continues_action(&next.body.text)
                    {
                        text.push(' ');
                        text.push_str(next.body.text.trim());
                        end = next.body.line;
                        i += 1;
                    }
                    let mut action = facts.action(
                        &text,
                        line_no,
                        column_of(at),
                        &mut record.dates,
                        diagnostics,
                    );
                    action.span.end_line = end;
                    record.action_items.push(action);
                    touched.extend(line.item.clone());
                    open = None;
                }
                _ => {}
            }
            continue;
        }
        if scribe::is_queue_traffic(said) {
            continue;
        }
        if scribe::is_insertion(said) {
            diagnostics.push(scribe::insertion_note(
                Span::at(line_no, column_of(0)),
                said,
            ));
            continue;
        }
        if let Some((nick, at)) = irc_line(said) {
            if scribe::is_bot(nick) {
                continue;
            }
            let text = said[at..].trim();
            if text.is_empty() || scribe::is_queue_traffic(text) {
                continue;
            }
            let speaker = facts.speaker(nick);
            let turn = push_turn(
                record,
                diagnostics,
                line,
                speaker,
                text,
                column_of(1),
                has_list,
            );
            // Not a scribe's: a comment typed on IRC during the meeting.
            open = Some(turn);
            last = Some(turn);
            continue;
        }
        if let Some(offset) = scribe::continuation(said)
            && let Some(turn) = last.and_then(|t| record.interventions.get_mut(t))
        {
            append(turn, said[offset..].trim(), line_no);
            open = last;
            continue;
        }
        if let Some((label, start)) = scribe::speaker_label(said) {
            let speaker = facts.speaker(label);
            let turn = push_turn(
                record,
                diagnostics,
                line,
                speaker,
                &said[start..],
                column_of(0),
                has_list,
            );
            open = Some(turn);
            last = Some(turn);
            continue;
        }
        // A line that opens with a label of its own ("Note: …", "PROPOSED: …") is not the
        // turn above it, continued.
        if !scribe::has_label(said)
            && let Some(turn) = open.and_then(|t| record.interventions.get_mut(t))
        {
            append(turn, said, line_no);
            continue;
        }
        // The scribe's own words: what happened, said by no one.
        let text = scribe::continuation(said).map_or(said, |o| &said[o..]);
        let turn = push_turn(
            record,
            diagnostics,
            line,
            Speaker::Nobody,
            text,
            column_of(0),
            has_list,
        );
        open = Some(turn);
        last = Some(turn);
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

/// Who scribed, to read a scribe's IRC lines kept in the minutes as scribed lines.
struct Scribes {
    /// Folded nicks of `ScribeNick:` lines and folded names of `Scribe:` lines.
    keys: HashSet<String>,
    /// The nicks that fit a `Scribe:` name.
    fits: scribe::Fits,
}

impl Scribes {
    fn new(header: &Header) -> Scribes {
        let mut keys: HashSet<String> = header.scribe_nicks.iter().cloned().collect();
        keys.extend(header.scribes.iter().map(|(name, _)| fold(name)));
        Scribes {
            keys,
            fits: scribe::Fits::new(header.scribes.iter().map(|(name, _)| name.as_str())),
        }
    }

    fn is_scribe(&self, nick: &str) -> bool {
        self.keys.contains(&fold(nick)) || !self.fits.of(nick).is_empty()
    }
}

/// Whether the line after an action line is its wrapped second half, not a turn.
fn continues_action(next: &str) -> bool {
    let next = next.trim();
    !next.is_empty()
        && scribe::command(next).is_none()
        && !scribe::is_insertion(next)
        && scribe::speaker_label(next).is_none()
        && irc_line(next).is_none()
        && scribe::continuation(next).is_none()
        && next.chars().next().is_some_and(char::is_lowercase)
}

fn append(turn: &mut Intervention, more: &str, line: u32) {
    if !more.is_empty() {
        if !turn.text.is_empty() {
            turn.text.push(' ');
        }
        turn.text.push_str(more);
    }
    turn.span.end_line = turn.span.end_line.max(line);
}

fn push_turn(
    record: &mut Record,
    diagnostics: &mut Vec<Diagnostic>,
    line: &BodyLine<'_>,
    speaker: Speaker,
    text: &str,
    column: u32,
    has_list: bool,
) -> usize {
    if let Some(diagnostic) =
        scribe::speaker_diagnostic(&speaker, Span::at(line.body.line, column), has_list)
    {
        diagnostics.push(diagnostic);
    }
    let order = u32::try_from(record.interventions.len() + 1).unwrap_or(u32::MAX);
    record.interventions.push(Intervention {
        agenda_item: line.item.clone(),
        order,
        speaker,
        act: None,
        agreements: Vec::new(),
        text: text.trim().to_owned(),
        span: Span::at(line.body.line, column),
    });
    record.interventions.len() - 1
}

/// The summaries' decisions and action items that the discussion does not already hold.
fn summaries(
    header: &Header,
    facts: &Facts<'_>,
    record: &mut Record,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The discussion's texts, squashed and sorted, so that each summary entry is compared
    // with its neighbours only: the same text, or one that starts the other.
    let mut decisions: std::collections::BTreeSet<String> =
        record.decisions.iter().map(|d| squash(&d.text)).collect();
    for decision in &header.resolutions {
        let key = squash(&decision.text);
        if key.is_empty() || known(&decisions, &key) {
            continue;
        }
        decisions.insert(key);
        record.decisions.push(decision.clone());
    }
    let mut actions: std::collections::BTreeSet<String> = record
        .action_items
        .iter()
        .map(|a| squash(&a.what))
        .collect();
    for (text, line, column) in &header.actions {
        let key = squash(scribe::action_line(text).what);
        if key.is_empty() || known(&actions, &key) {
            continue;
        }
        actions.insert(key);
        let action = facts.action(text, *line, *column, &mut record.dates, diagnostics);
        record.action_items.push(action);
    }
}

/// Whether `key` is in `seen`, starts one of its texts (a summary that cut the text short), or
/// is started by one (a discussion line that lost its wrapped end). The texts starting `key`
/// sort just before it; a few neighbours are enough.
fn known(seen: &std::collections::BTreeSet<String>, key: &str) -> bool {
    seen.range(key.to_owned()..)
        .next()
        .is_some_and(|after| after.starts_with(key))
        || seen
            .range(..key.to_owned())
            .rev()
            .take(8)
            .any(|before| !before.is_empty() && key.starts_with(before.as_str()))
}

/// Letters and digits only, folded: texts that differ in wrapping and punctuation compare equal.
fn squash(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The diagnostics of the whole minutes: nothing read, no attendance, no date, no topics.
fn finish(record: &mut Record, diagnostics: &mut Vec<Diagnostic>) {
    if record.participants.is_empty()
        && record.agenda.is_empty()
        && record.interventions.is_empty()
        && record.decisions.is_empty()
        && record.action_items.is_empty()
    {
        diagnostics.retain(|d| d.code != Code::UnreadLine);
        diagnostics.push(
            Diagnostic::new(
                Code::NotAReport,
                Span::at(1, 1),
                1,
                "not scribed minutes: no attendance, no topic, no turn, no resolution and no action",
            )
            .with_hint("minutes have `Present:`, `Topic:` sections and `Name: text` turns; check that the right file was given"),
        );
        return;
    }
    if record.participants.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Code::NoParticipants,
                Span::at(1, 1),
                1,
                "the minutes have no `Present:` list, so no speaker can be resolved to a person",
            )
            .with_hint("add a line `Present: Full Name, Full Name` to the header"),
        );
    }
    if record.meeting.date.is_none() {
        diagnostics.push(
            Diagnostic::new(
                Code::NoDate,
                Span::at(1, 1),
                1,
                "the minutes state no meeting date",
            )
            .with_hint("add a line `Date: 2026-03-12` to the header"),
        );
    }
    if record.agenda.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Code::NoAgenda,
                Span::at(1, 1),
                1,
                "the minutes have no topics",
            )
            .with_hint("start each part of the discussion with `Topic: Title`"),
        );
    }
}

/// The agenda item titled `title`, or a new one numbered after the last. Returns its number.
fn agenda_item(agenda: &mut Vec<AgendaItem>, title: &str, span: Span) -> String {
    let key = fold(title);
    if let Some(existing) = agenda.iter().find(|i| fold(&i.title) == key) {
        return existing.number.clone();
    }
    let number = agenda
        .iter()
        .filter_map(|i| i.number.parse::<u32>().ok())
        .max()
        .map_or(1, |n| n + 1)
        .to_string();
    agenda.push(AgendaItem {
        number: number.clone(),
        title: title.to_owned(),
        items: Vec::new(),
        span,
    });
    number
}
