//! Attendance exports of videoconference tools: Zoom's participant report and Microsoft
//! Teams' attendance report, read into an [`AttendanceReport`], and their names matched to
//! a meeting's participants.
//!
//! Exports are CSV (Teams writes tab-separated UTF-16), with a summary block before the
//! table in newer versions. A person who rejoined appears once per connection; their rows
//! become one attendee with several sessions, and their time present counts overlapping
//! sessions once. Times are kept in the export's own time zone, which it does not state.
//! Day and month order (`03/04/2026`) is taken from the dates themselves when one of them
//! tells, from the meeting's day otherwise, and is never guessed.

use jiff::civil::{Date, DateTime, Time};
use model::{AttendanceReport, AttendanceTool, Attendee, Participant, Session, Speaker};

use crate::input::MAX_BYTES;
use crate::roster::{Roster, fold};

/// Why an export cannot be read. Each message is one line; the caller puts the file's name
/// in front.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AttendanceError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is too large ({size} bytes; an attendance export may have at most {max} bytes)"
    )]
    TooLarge { size: usize, max: usize },
    #[error("the file is binary, not text (a NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("the file is not valid UTF-8 or UTF-16 text")]
    NotText,
    #[error(
        "not an attendance export: no table with a name column and join and leave times or durations (rapporteur reads Zoom participant reports and Microsoft Teams attendance reports)"
    )]
    NotAnExport,
    #[error("line {line}: the CSV is malformed: {message}")]
    Csv { line: u64, message: String },
    #[error("line {line}: '{text}' is not a date and time")]
    BadTime { line: u32, text: String },
    #[error("line {line}: '{text}' is not a duration")]
    BadDuration { line: u32, text: String },
    #[error("line {line}: the person leaves ({leave}) before joining ({join})")]
    LeaveBeforeJoin {
        line: u32,
        join: String,
        leave: String,
    },
    #[error(
        "the dates ({example}) could be day/month or month/day, and the meeting's day does not tell which; say which with --dates dmy or --dates mdy"
    )]
    DateOrder { example: String },
    #[error(
        "the dates are written both day first and month first ({first} and {second}); the export is inconsistent"
    )]
    MixedDateOrder { first: String, second: String },
    #[error("line {line}: '{name}' leaves without having joined")]
    LeftWithoutJoining { line: u32, name: String },
}

/// The order of day and month in dates written with slashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    pub fn parse(text: &str) -> Option<DateOrder> {
        match text.to_ascii_lowercase().as_str() {
            "dmy" | "day-first" => Some(DateOrder::DayFirst),
            "mdy" | "month-first" => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }
}

/// What the caller knows that helps to read the dates.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The day of the meeting the export belongs to.
    pub meeting_day: Option<Date>,
    /// The order of day and month, when the user says it.
    pub order: Option<DateOrder>,
}

/// Reads an attendance export.
pub fn read(bytes: &[u8], context: Context) -> Result<AttendanceReport, AttendanceError> {
    let text = decode(bytes)?;
    let delimiter = if text.lines().take(40).any(|line| line.contains('\t')) {
        b'\t'
    } else {
        b','
    };
    let rows = rows(&text, delimiter)?;
    let tables = tables(&rows);
    if tables.is_empty() {
        return Err(AttendanceError::NotAnExport);
    }
    let tool = tool_of(&rows, &tables);
    let title = title_of(&rows[..tables[0].header]);
    let order = date_order(&rows, &tables, context)?;
    // Teams gives a summary per person ("2. Participants") and the connections
    // ("3. In-Meeting Activities"); the connections are the finer record when present.
    let chosen: Vec<&Table> = if tables.iter().any(|t| t.kind == TableKind::Activities) {
        tables
            .iter()
            .filter(|t| t.kind == TableKind::Activities)
            .collect()
    } else {
        tables.iter().collect()
    };
    let mut attendees: Vec<Attendee> = Vec::new();
    // An attendee is a name and an e-mail address, compared without case or accents.
    let mut index: std::collections::HashMap<(String, Option<String>), usize> =
        std::collections::HashMap::new();
    for table in chosen {
        for (line, session, person) in sessions(&rows, table, order)? {
            let key = (
                fold(&person.name),
                person.email.as_deref().map(str::to_lowercase),
            );
            match index.get(&key).map(|&i| &mut attendees[i]) {
                Some(attendee) => {
                    attendee.sessions.push(session);
                    if attendee.role.is_none() {
                        attendee.role = person.role;
                    }
                }
                None => {
                    index.insert(key, attendees.len());
                    attendees.push(Attendee {
                        name: person.name,
                        email: person.email,
                        role: person.role,
                        sessions: vec![session],
                        seconds: 0,
                        line,
                    });
                }
            }
        }
    }
    for attendee in &mut attendees {
        attendee.seconds = time_present(&attendee.sessions);
    }
    Ok(AttendanceReport {
        tool,
        title,
        attendees,
    })
}

/// How an attendee's name as the tool wrote it relates to the meeting's participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// The name as written, cleaned of what tools add ("(Guest)", "(she/her)", "Surname,
    /// First" turned round).
    pub cleaned: String,
    /// A participant's full name when the name fits exactly one; `Ambiguous` and `Unknown`
    /// otherwise, as for speakers.
    pub speaker: Speaker,
}

/// Matches each attendee's name to the participants, as speakers are matched: never a guess.
pub fn match_names(
    report: &AttendanceReport,
    participants: &[Participant],
    hints: &crate::PeopleHints,
) -> Vec<NameMatch> {
    let roster = Roster::new(participants, hints);
    report
        .attendees
        .iter()
        .map(|attendee| {
            let cleaned = clean_name(&attendee.name);
            let speaker = if cleaned.is_empty() {
                Speaker::Unknown {
                    mention: attendee.name.clone(),
                }
            } else {
                roster.resolve(&cleaned)
            };
            NameMatch { cleaned, speaker }
        })
        .collect()
}

/// A display name without what tools and people add to it: "(Guest)", "(External)",
/// "(she/her)", "| Org", " - Guest", and "Surname, First" turned round.
pub fn clean_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0u32;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let mut cleaned = out.as_str();
    if let Some((before, _)) = cleaned.split_once('|') {
        cleaned = before;
    }
    for suffix in [
        " - guest",
        " – guest",
        " guest",
        " - external",
        " (unverified)",
    ] {
        let lower = cleaned.to_lowercase();
        if lower.trim_end().ends_with(suffix) && lower.len() > suffix.len() {
            cleaned = &cleaned[..lower.trim_end().len() - suffix.len()];
        }
    }
    let cleaned = cleaned.trim().trim_end_matches(['-', '–']).trim();
    match cleaned.split_once(',') {
        Some((surname, first))
            if !first.trim().is_empty()
                && !surname.trim().is_empty()
                && !first.contains(',')
                && first.split_whitespace().count() <= 3 =>
        {
            format!("{} {}", first.trim(), surname.trim())
        }
        _ => cleaned.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Bytes to text: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark, as
/// Teams writes.
fn decode(bytes: &[u8]) -> Result<String, AttendanceError> {
    if bytes.is_empty() {
        return Err(AttendanceError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(AttendanceError::TooLarge {
            size: bytes.len(),
            max: MAX_BYTES,
        });
    }
    let utf16 = |bytes: &[u8], little: bool| -> Result<String, AttendanceError> {
        if !bytes.len().is_multiple_of(2) {
            return Err(AttendanceError::NotText);
        }
        let units = bytes.chunks_exact(2).map(|pair| {
            if little {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| AttendanceError::NotText)
    };
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false)?,
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(AttendanceError::Binary { offset });
            }
            String::from_utf8(bytes.to_vec()).map_err(|_| AttendanceError::NotText)?
        }
    };
    if text.contains('\0') {
        return Err(AttendanceError::NotText);
    }
    if text.trim().is_empty() {
        return Err(AttendanceError::Empty);
    }
    Ok(text)
}

/// One CSV row: its line and its cells, trimmed.
struct Row {
    line: u32,
    cells: Vec<String>,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

fn rows(text: &str, delimiter: u8) -> Result<Vec<Row>, AttendanceError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| AttendanceError::Csv {
            line: error.position().map_or(0, |p| p.line()),
            message: error.to_string(),
        })?;
        let line = record
            .position()
            .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
        rows.push(Row {
            line,
            cells: record.iter().map(|cell| cell.trim().to_owned()).collect(),
        });
    }
    Ok(rows)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableKind {
    /// One row per connection: join and leave times.
    Activities,
    /// One row per person: first join, last leave, time in the meeting (Teams).
    Participants,
    /// One row per joining or leaving (older Teams): name, action, time.
    Actions,
}

/// A table in the export: where its header is and which column holds what.
#[derive(Debug)]
struct Table {
    kind: TableKind,
    /// Index of the header row.
    header: usize,
    /// Index one past the last data row.
    end: usize,
    name: usize,
    email: Option<usize>,
    role: Option<usize>,
    join: Option<usize>,
    leave: Option<usize>,
    duration: Option<usize>,
    /// Minutes (Zoom) rather than "1h 2m 3s" (Teams).
    minutes: bool,
    action: Option<usize>,
    timestamp: Option<usize>,
}

fn tables(rows: &[Row]) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let Some(mut table) = header(row, index) else {
            continue;
        };
        if let Some(last) = tables.last_mut()
            && last.end > index
        {
            last.end = index;
        }
        table.end = rows[index + 1..]
            .iter()
            .position(|r| r.is_blank() || is_section_title(r))
            .map_or(rows.len(), |n| index + 1 + n);
        tables.push(table);
    }
    tables.retain(|t| t.end > t.header + 1);
    tables
}

/// "3. In-Meeting Activities", "2. Participants": the numbered section titles of Teams.
fn is_section_title(row: &Row) -> bool {
    let filled: Vec<&String> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    filled.len() == 1
        && filled[0]
            .split_once(". ")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
}

/// The headers of the column that names people.
const NAME_COLUMNS: [&str; 8] = [
    "name (original name)",
    "user name (original name)",
    "user name",
    "name",
    "full name",
    "participant",
    "participant name",
    "display name",
];

fn header(row: &Row, index: usize) -> Option<Table> {
    // Most rows are data: they are told apart without lowering every cell.
    if !row
        .cells
        .iter()
        .any(|c| NAME_COLUMNS.iter().any(|n| c.eq_ignore_ascii_case(n)))
    {
        return None;
    }
    let names: Vec<String> = row.cells.iter().map(|c| c.to_lowercase()).collect();
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    let name = find(&NAME_COLUMNS)?;
    let mut table = Table {
        kind: TableKind::Activities,
        header: index,
        end: index,
        name,
        email: find(&["user email", "email", "e-mail", "email address"]),
        role: find(&["role"]),
        join: find(&["join time", "joined", "join"]),
        leave: find(&["leave time", "left", "leave"]),
        duration: find(&[
            "duration (minutes)",
            "duration (mins)",
            "time in session (minutes)",
            "duration",
        ]),
        minutes: false,
        action: find(&["user action", "action"]),
        timestamp: find(&["timestamp", "time"]),
    };
    table.minutes = table
        .duration
        .is_some_and(|d| names[d].contains("minutes") || names[d].contains("mins"));
    if let (Some(first), Some(last)) = (find(&["first join"]), find(&["last leave"])) {
        table.kind = TableKind::Participants;
        table.join = Some(first);
        table.leave = Some(last);
        table.duration = find(&["in-meeting duration", "duration"]);
        return Some(table);
    }
    if table.action.is_some() && table.timestamp.is_some() {
        table.kind = TableKind::Actions;
        return Some(table);
    }
    (table.join.is_some() && table.leave.is_some() || table.duration.is_some()).then_some(table)
}

fn tool_of(rows: &[Row], tables: &[Table]) -> AttendanceTool {
    let teams_words = [
        "1. summary",
        "meeting title",
        "attended participants",
        "in-meeting duration",
        "participant id (upn)",
        "user action",
    ];
    let teams = rows.iter().take(tables[0].header + 1).any(|row| {
        row.cells
            .iter()
            .any(|c| teams_words.contains(&c.to_lowercase().as_str()))
    }) || tables.iter().any(|t| t.kind != TableKind::Activities);
    if teams {
        AttendanceTool::Teams
    } else {
        AttendanceTool::Zoom
    }
}

/// The meeting's title: Zoom's "Topic" column over its value row, or Teams' "Meeting title"
/// row, in the summary block before the first table.
fn title_of(rows: &[Row]) -> Option<String> {
    for (index, row) in rows.iter().enumerate() {
        for (column, cell) in row.cells.iter().enumerate() {
            let label = cell.to_lowercase();
            if (label == "meeting title" || label == "title")
                && let Some(value) = row.cells.get(column + 1).filter(|v| !v.is_empty())
            {
                return Some(value.clone());
            }
            if label == "topic"
                && let Some(value) = rows
                    .get(index + 1)
                    .and_then(|next| next.cells.get(column))
                    .filter(|v| !v.is_empty())
            {
                return Some(value.clone());
            }
        }
    }
    None
}

/// Who a row names.
struct Person {
    name: String,
    email: Option<String>,
    role: Option<String>,
}

fn cell(row: &Row, column: Option<usize>) -> Option<&str> {
    column
        .and_then(|c| row.cells.get(c))
        .map(String::as_str)
        .filter(|s| !s.is_empty())
}

fn sessions(
    rows: &[Row],
    table: &Table,
    order: Option<DateOrder>,
) -> Result<Vec<(u32, Session, Person)>, AttendanceError> {
    let mut out = Vec::new();
    // Older Teams lists actions: a "Joined" opens a session, the next "Left" closes it.
    let mut open: Vec<(String, u32, DateTime)> = Vec::new();
    for row in &rows[table.header + 1..table.end] {
        let Some(name) = cell(row, Some(table.name)) else {
            continue;
        };
        let person = Person {
            name: name.to_owned(),
            email: cell(row, table.email).map(str::to_owned),
            role: cell(row, table.role).map(str::to_owned),
        };
        if table.kind == TableKind::Actions {
            let action = cell(row, table.action).unwrap_or("").to_lowercase();
            let text = cell(row, table.timestamp).unwrap_or("");
            let at = parse_time(text, order).ok_or_else(|| AttendanceError::BadTime {
                line: row.line,
                text: text.to_owned(),
            })?;
            if action.starts_with("join") {
                open.push((person.name, row.line, at));
            } else if action.starts_with("left") || action.starts_with("leave") {
                let key = fold(&person.name);
                let Some(position) = open.iter().position(|(n, _, _)| fold(n) == key) else {
                    return Err(AttendanceError::LeftWithoutJoining {
                        line: row.line,
                        name: person.name,
                    });
                };
                let (name, line, join) = open.remove(position);
                out.push((
                    line,
                    session(line, join, Some(at))?,
                    Person { name, ..person },
                ));
            }
            continue;
        }
        let time = |column: Option<usize>| -> Result<Option<DateTime>, AttendanceError> {
            match cell(row, column) {
                None => Ok(None),
                Some(text) => {
                    parse_time(text, order)
                        .map(Some)
                        .ok_or_else(|| AttendanceError::BadTime {
                            line: row.line,
                            text: text.to_owned(),
                        })
                }
            }
        };
        let (join, leave) = (time(table.join)?, time(table.leave)?);
        let stated = match cell(row, table.duration) {
            None => None,
            Some(text) => Some(parse_duration(text, table.minutes).ok_or_else(|| {
                AttendanceError::BadDuration {
                    line: row.line,
                    text: text.to_owned(),
                }
            })?),
        };
        let mut session = match join {
            Some(join) => session(row.line, join, leave)?,
            None => Session {
                join: None,
                leave: leave.map(iso),
                seconds: 0,
                line: row.line,
            },
        };
        // A per-person summary states the time in the meeting, which is less than last
        // leave minus first join when the person left in between.
        if let Some(stated) = stated
            && (table.kind == TableKind::Participants || session.join.is_none())
        {
            session.seconds = stated;
        }
        out.push((row.line, session, person));
    }
    // Someone still connected when the export was made has joined without leaving.
    for (name, line, join) in open {
        out.push((
            line,
            session(line, join, None)?,
            Person {
                name,
                email: None,
                role: None,
            },
        ));
    }
    out.sort_by_key(|(line, _, _)| *line);
    Ok(out)
}

fn session(line: u32, join: DateTime, leave: Option<DateTime>) -> Result<Session, AttendanceError> {
    let seconds = match leave {
        None => 0,
        Some(leave) if leave < join => {
            return Err(AttendanceError::LeaveBeforeJoin {
                line,
                join: iso(join),
                leave: iso(leave),
            });
        }
        Some(leave) => leave.duration_since(join).as_secs().try_into().unwrap_or(0),
    };
    Ok(Session {
        join: Some(iso(join)),
        leave: leave.map(iso),
        seconds,
        line,
    })
}

fn iso(at: DateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Time present: the union of the sessions' intervals, so two devices at once count once;
/// sessions without both times add their stated duration.
fn time_present(sessions: &[Session]) -> u64 {
    let mut spans: Vec<(DateTime, DateTime)> = Vec::new();
    let mut loose = 0;
    for session in sessions {
        let parsed = session
            .join
            .as_deref()
            .zip(session.leave.as_deref())
            .and_then(|(j, l)| Some((j.parse::<DateTime>().ok()?, l.parse::<DateTime>().ok()?)));
        match parsed {
            // A summary row whose stated time is less than its span left in between.
            Some((join, leave))
                if leave.duration_since(join).as_secs() as u64 == session.seconds =>
            {
                spans.push((join, leave));
            }
            _ => loose += session.seconds,
        }
    }
    spans.sort();
    let mut total = 0u64;
    let mut current: Option<(DateTime, DateTime)> = None;
    for (start, end) in spans {
        current = match current {
            Some((s, e)) if start <= e => Some((s, e.max(end))),
            Some((s, e)) => {
                total += e.duration_since(s).as_secs().max(0) as u64;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((s, e)) = current {
        total += e.duration_since(s).as_secs().max(0) as u64;
    }
    total + loose
}

/// "45", "1h 2m 3s", "45m 12s", "12s", "1:02:03", "01:02:03".
fn parse_duration(text: &str, minutes: bool) -> Option<u64> {
    let text = text.trim();
    if let Ok(n) = text.parse::<u64>() {
        return Some(if minutes { n * 60 } else { n });
    }
    if text.contains(':') {
        let parts: Vec<u64> = text
            .split(':')
            .map(|p| p.trim().parse().ok())
            .collect::<Option<_>>()?;
        return match parts[..] {
            [h, m, s] => Some(h * 3600 + m * 60 + s),
            [m, s] => Some(m * 60 + s),
            _ => None,
        };
    }
    let mut total = 0;
    let mut any = false;
    for part in text.split_whitespace() {
        let digits = part.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let unit = &part[digits.len()..];
        let n: u64 = digits.parse().ok()?;
        total += n * match unit {
            "h" | "hr" | "hrs" => 3600,
            "m" | "min" | "mins" => 60,
            "s" | "sec" | "secs" => 1,
            _ => return None,
        };
        any = true;
    }
    any.then_some(total)
}

/// The slash dates of the time columns, to learn their order.
fn date_order(
    rows: &[Row],
    tables: &[Table],
    context: Context,
) -> Result<Option<DateOrder>, AttendanceError> {
    let mut day_first: Option<String> = None;
    let mut month_first: Option<String> = None;
    let mut undecided: Option<(String, u32, u32, i16)> = None;
    for table in tables {
        for row in &rows[table.header + 1..table.end] {
            for column in [table.join, table.leave, table.timestamp] {
                let Some(text) = cell(row, column) else {
                    continue;
                };
                let Some((a, b, year)) = slash_date(text) else {
                    continue;
                };
                if a > 12 && b <= 12 {
                    day_first.get_or_insert_with(|| text.to_owned());
                } else if b > 12 && a <= 12 {
                    month_first.get_or_insert_with(|| text.to_owned());
                } else if a != b {
                    undecided.get_or_insert((text.to_owned(), a, b, year));
                }
            }
        }
    }
    match (day_first, month_first) {
        (Some(first), Some(second)) => Err(AttendanceError::MixedDateOrder { first, second }),
        (Some(_), None) => Ok(Some(DateOrder::DayFirst)),
        (None, Some(_)) => Ok(Some(DateOrder::MonthFirst)),
        (None, None) => {
            if context.order.is_some() {
                return Ok(context.order);
            }
            let Some((example, a, b, year)) = undecided else {
                // No slash dates, or only ones that read the same both ways.
                return Ok(Some(DateOrder::MonthFirst));
            };
            let day = |d: u32, m: u32| Date::new(year, m as i8, d as i8).ok();
            match context.meeting_day {
                Some(meeting) if day(a, b) == Some(meeting) => Ok(Some(DateOrder::DayFirst)),
                Some(meeting) if day(b, a) == Some(meeting) => Ok(Some(DateOrder::MonthFirst)),
                _ => Err(AttendanceError::DateOrder { example }),
            }
        }
    }
}

/// "03/14/2026 …" or "3/14/26, …": the two numbers before the year, and the year.
fn slash_date(text: &str) -> Option<(u32, u32, i16)> {
    let date = text.split([' ', ',', 'T']).next()?;
    let mut parts = date.split('/');
    let a = parts.next()?.parse().ok()?;
    let b = parts.next()?.parse().ok()?;
    let year: i16 = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Some((a, b, if year < 100 { 2000 + year } else { year }))
}

/// A date and time as the tools write them: `2026-03-14 14:01:33`, `2026-03-14T14:01:33`,
/// `03/14/2026 02:01:33 PM`, `3/14/26, 2:01 PM`, `14/03/2026, 14:01:33`.
fn parse_time(text: &str, order: Option<DateOrder>) -> Option<DateTime> {
    let text = text.trim();
    let (date_part, time_part) = match text.find([' ', 'T', ',']) {
        Some(at) => (&text[..at], text[at + 1..].trim_start_matches([',', ' '])),
        None => (text, ""),
    };
    let date = if date_part.contains('/') {
        let (a, b, year) = slash_date(date_part)?;
        let (day, month) = match order.unwrap_or(DateOrder::MonthFirst) {
            DateOrder::DayFirst => (a, b),
            DateOrder::MonthFirst => (b, a),
        };
        Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?
    } else {
        date_part.parse::<Date>().ok()?
    };
    let time = parse_clock(time_part.trim_end_matches('Z'))?;
    Some(date.to_datetime(time))
}

/// "14:01:33", "2:01:33 PM", "2:01 pm", "14:01".
fn parse_clock(text: &str) -> Option<Time> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (clock, meridiem) = if let Some(clock) = lower.strip_suffix("pm") {
        (clock.trim(), Some(true))
    } else if let Some(clock) = lower.strip_suffix("am") {
        (clock.trim(), Some(false))
    } else {
        (lower.as_str(), None)
    };
    let parts: Vec<u32> = clock
        .split(':')
        .map(|p| p.split('.').next().and_then(|p| p.parse().ok()))
        .collect::<Option<_>>()?;
    let (mut hour, minute, second) = match parts[..] {
        [h, m] => (h, m, 0),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    match meridiem {
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_and_durations() {
        assert_eq!(parse_clock("2:01:33 PM"), Time::new(14, 1, 33, 0).ok());
        assert_eq!(parse_clock("12:05 am"), Time::new(0, 5, 0, 0).ok());
        assert_eq!(parse_clock("14:01"), Time::new(14, 1, 0, 0).ok());
        assert_eq!(parse_clock("13:01 PM"), None);
        assert_eq!(parse_duration("1h 2m 3s", false), Some(3723));
        assert_eq!(parse_duration("45m 12s", false), Some(2712));
        assert_eq!(parse_duration("58", true), Some(3480));
        assert_eq!(parse_duration("01:02:03", false), Some(3723));
        assert_eq!(parse_duration("soon", false), None);
    }

    #[test]
    fn names_lose_what_tools_add() {
        assert_eq!(clean_name("Amara Nwosu (she/her)"), "Amara Nwosu");
        assert_eq!(clean_name("Nwosu, Amara"), "Amara Nwosu");
        assert_eq!(clean_name("Kenji Watanabe - Guest"), "Kenji Watanabe");
        assert_eq!(clean_name("Lucía Ferrer | Access Now"), "Lucía Ferrer");
        assert_eq!(clean_name("Grace Otieno (External)"), "Grace Otieno");
        assert_eq!(clean_name("(iPhone)"), "");
    }
}
