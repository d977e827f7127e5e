//! The archive commands: `import`, `groups`, `meetings`, `show`, `export`, `search`,
//! `person`, `people`, `resolve`, `reindex` and `backup`, over one `store::Store`.
//!
//! Reading files and printing are here; everything about the database is in `store`.
//! `import` reads files on every core and writes on one thread, in the order the files were
//! given, many meetings a transaction, so a bad file never stops the others and never
//! leaves a part of itself behind (a file that cannot be read or made a meeting never
//! reaches the writer).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context, Result, bail};
use ingest::{PeopleHints, PersonHint};
use model::{Record, Speaker};
use render::{Format, RenderOptions};
use serde_json::{Value, json};
use store::{Outcome, Scope, SearchQuery, Store};

use crate::{print, read_report_best, write_atomically};

/// The archive to use: `--db`, else `RAPPORTEUR_DB` (both handled by clap), else the file
/// under the user's data folder.
pub fn default_db() -> Result<PathBuf> {
    let dir = dirs::data_dir()
        .context("no data folder for this user; give the archive with --db or RAPPORTEUR_DB")?
        .join("rapporteur");
    Ok(dir.join("archive.db"))
}

/// Opens the archive for a command that changes it, creating it if there is none.
pub fn open(path: &Path) -> Result<Store> {
    let name = path.display();
    // SQLite lets the superuser write a file marked read-only; rapporteur does not.
    if std::fs::metadata(path).is_ok_and(|meta| meta.permissions().readonly()) {
        bail!("{name}: {}", store::OpenError::ReadOnly);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.exists()
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{name}: cannot create the folder {}", parent.display()))?;
    }
    Store::open(path).map_err(|e| anyhow::anyhow!("{name}: {e}"))
}

/// Opens the archive for a command that only reads it; there must be one.
pub fn open_read_only(path: &Path) -> Result<Store> {
    let name = path.display();
    if !path.exists() {
        bail!("{name}: no archive here yet; add reports with `rapporteur import PATH`");
    }
    Store::open_read_only(path).map_err(|e| anyhow::anyhow!("{name}: {e}"))
}

pub fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

/// What one file of an import came to: a report is prepared for the archive on the
/// reading thread, so the writing thread only writes.
enum Read {
    Report(Box<store::PreparedMeeting>),
    Archive(Value),
    Failed(String),
}

/// `rapporteur import PATH…`
pub fn import(
    store: &mut Store,
    paths: &[PathBuf],
    hints: &PeopleHints,
    from: Option<ingest::Reader>,
    group: Option<&str>,
) -> Result<ExitCode> {
    let files = collect(paths)?;
    if files.is_empty() {
        bail!("no report files (.txt, .md, .json) under the paths given");
    }
    let aliases = store.alias_table()?;
    let reading = Reading {
        hints,
        aliases: &aliases,
        from,
        group,
    };
    let progress = if files.len() > 1 && std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(files.len() as u64).with_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    let now = now();
    let mut tally = Tally::default();

    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, usize::from)
        .min(files.len());
    // A bounded channel keeps memory flat: readers wait when the writer is far behind.
    let (send, receive) = mpsc::sync_channel::<(usize, Read)>(READ_AHEAD);
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..workers {
            let send = send.clone();
            let (files, next, reading) = (&files, &next, &reading);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(index) else { break };
                    let read = read_one(file, reading);
                    if send.send((index, read)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        // Files are written in the order given, so a meeting given twice ends as the later.
        // Each batch is one transaction (BATCH, BATCH_TIME) that takes its reports as they
        // are read: the readers go on while the writer writes.
        let mut reads = InOrder {
            receive: receive.into_iter(),
            waiting: BTreeMap::new(),
            expected: 0,
        };
        let stop = |tally: &Tally, error: store::StoreError| -> anyhow::Error {
            progress.finish_and_clear();
            let _ = print(
                &tally
                    .lines
                    .iter()
                    .map(|l| format!("{l}\n"))
                    .collect::<String>(),
            );
            // `main` names the archive in front of the message.
            anyhow::Error::new(error)
        };
        let mut finished = false;
        while !finished {
            let mut names: Vec<String> = Vec::new();
            let mut archive = None;
            let started = std::time::Instant::now();
            let failures = &mut tally.failures;
            let batch = std::iter::from_fn(|| {
                if names.len() >= BATCH || started.elapsed() >= BATCH_TIME {
                    return None;
                }
                loop {
                    let Some((index, read)) = reads.next() else {
                        finished = true;
                        return None;
                    };
                    let name = files[index].display().to_string();
                    progress.set_message(name.clone());
                    progress.inc(1);
                    match read {
                        Read::Failed(reason) => failures.push((name, reason)),
                        Read::Report(meeting) => {
                            names.push(name);
                            return Some(Ok(*meeting));
                        }
                        // An archive document is imported on its own, after the batch.
                        Read::Archive(document) => {
                            archive = Some((name, document));
                            return None;
                        }
                    }
                }
            });
            let results = store
                .import_prepared(batch, &now)
                .map_err(|e| stop(&tally, e))?;
            for (name, result) in names.into_iter().zip(results) {
                match result {
                    Ok(done) => tally.done(&name, done.meeting.to_string(), done.outcome),
                    Err(error) => tally.failures.push((name, error.to_string())),
                }
            }
            if let Some((name, document)) = archive {
                match store.import_archive(document, &now) {
                    Ok(done) => {
                        for m in done.meetings {
                            tally.done(&name, m.meeting.to_string(), m.outcome);
                        }
                    }
                    Err(
                        e @ (store::StoreError::Locked
                        | store::StoreError::ReadOnly
                        | store::StoreError::Database(_)),
                    ) => return Err(stop(&tally, e)),
                    Err(e) => tally.failures.push((name, e.to_string())),
                }
            }
        }
        // The search index has every batch; it commits them once, here.
        store.sync_search().map_err(|e| stop(&tally, e))?;
        Ok(())
    })?;
    progress.finish_and_clear();
    let Tally {
        counts,
        lines,
        failures,
    } = tally;

    let mut out = lines.join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    let count = |key: &str| counts.get(key).copied().unwrap_or(0);
    out.push_str(&format!(
        "{} imported, {} updated, {} unchanged, {} failed\n",
        count("imported"),
        count("updated"),
        count("unchanged"),
        failures.len()
    ));
    print(&out)?;
    for (name, reason) in &failures {
        eprintln!("rapporteur: {name}: {reason}");
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// The files under the paths: a file as given, a folder's `.txt`, `.md` and `.json` files
/// at any depth, sorted by path. Left out: hidden files, documentation (`README*`, and names
/// in capitals such as `CITATIONS.md`), and folders holding a negotiated text (a
/// `document.toml` beside its revisions), whose Markdown files are revisions, not reports.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("{}: cannot read", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the folder", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot read the folder", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if name.starts_with('.') || name.starts_with("readme") || is_documentation(&path) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if path.join("document.toml").is_file() {
                continue;
            }
            walk(&path, found)?;
        } else if [".txt", ".md", ".json"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            found.push(path);
        }
    }
    Ok(())
}

/// A file named in capitals (`CITATIONS.md`, `CHANGELOG.md`), the convention for notes that
/// sit beside the reports; a report's name has digits or lower case (`wg-data-021.txt`).
fn is_documentation(path: &Path) -> bool {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .is_some_and(|stem| {
            stem.chars().any(|c| c.is_ascii_uppercase())
                && stem
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_' || c == '-')
        })
}

/// How an import reads each file.
struct Reading<'a> {
    /// `--people`.
    hints: &'a PeopleHints,
    /// The names the archive has settled, applied to the reports of their group.
    aliases: &'a [store::AliasEntry],
    /// `--from`: the reader to use instead of detecting one.
    from: Option<ingest::Reader>,
    /// `--group`: the group of the records that name none.
    group: Option<&'a str>,
}

fn read_one(file: &Path, reading: &Reading<'_>) -> Read {
    match read_record(file, reading) {
        Ok((record, text)) => {
            match store::PreparedMeeting::new(&record, (!text.is_empty()).then_some(text)) {
                Ok(meeting) => Read::Report(Box::new(meeting)),
                Err(e @ store::StoreError::NoGroup) => {
                    Read::Failed(format!("{e}; name it with --group"))
                }
                Err(e) => Read::Failed(e.to_string()),
            }
        }
        Err(read) => read,
    }
}

/// A file read as a record and its text (empty for a JSON record), or what else it is.
fn read_record(file: &Path, reading: &Reading<'_>) -> Result<(Record, String), Read> {
    let (mut record, text) = read_record_as_written(file, reading)?;
    // A record that names no group is filed under the one the command gives; a record that
    // names its own keeps it.
    if let Some(group) = reading.group
        && record.group.short_name.is_none()
        && record.group.name.is_none()
    {
        record.group.short_name = Some(group.to_owned());
    }
    Ok((record, text))
}

/// [`read_record`] before `--group`; the archive's aliases apply by the group the file names.
fn read_record_as_written(file: &Path, reading: &Reading<'_>) -> Result<(Record, String), Read> {
    let Reading {
        hints,
        aliases,
        from,
        group: given_group,
    } = *reading;
    let is_json = file
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
    if is_json {
        return match std::fs::read_to_string(file) {
            Err(e) => Err(Read::Failed(format!("cannot read the file: {e}"))),
            Ok(text) => match serde_json::from_str::<Value>(&text) {
                Err(e) => Err(Read::Failed(format!("not JSON: {e}"))),
                Ok(value)
                    if value.get("format").and_then(Value::as_str)
                        == Some(store::ARCHIVE_FORMAT) =>
                {
                    Err(Read::Archive(value))
                }
                Ok(value) => match render::json::from_json_value(value) {
                    Ok(record) => Ok((record, String::new())),
                    Err(e) => Err(Read::Failed(e.to_string())),
                },
            },
        };
    }
    let (record, text, reader) = match read_report_best(file, hints, from) {
        Ok(read) => read,
        // The reason without the file name: the summary names the file.
        Err(e) => {
            let message = format!("{e:#}");
            let prefix = format!("{}: ", file.display());
            return Err(Read::Failed(
                message.strip_prefix(&prefix).unwrap_or(&message).to_owned(),
            ));
        }
    };
    // Names settled earlier in the archive (`rapporteur resolve`, `people alias`) apply to
    // the report's group; the report is read again with them only when they can matter.
    let group = record
        .group
        .short_name
        .as_deref()
        .or(record.group.name.as_deref())
        .or(given_group);
    let unsettled = |s: &Speaker| matches!(s, Speaker::Ambiguous { .. } | Speaker::Unknown { .. });
    let has_doubt = record
        .interventions
        .iter()
        .any(|i| unsettled(&i.speaker) || i.agreements.iter().any(|a| unsettled(&a.with)))
        || record.mentions.iter().any(|m| unsettled(&m.person));
    let applicable: Vec<&store::AliasEntry> = aliases
        .iter()
        .filter(|a| {
            a.group.is_none()
                || a.group
                    .as_deref()
                    .zip(group)
                    .is_some_and(|(a, g)| a.eq_ignore_ascii_case(g))
        })
        .collect();
    if has_doubt && !applicable.is_empty() {
        let mut more = hints.clone();
        for alias in applicable {
            match more.people.iter_mut().find(|p| p.name == alias.person) {
                Some(person) => person.aliases.push(alias.alias.clone()),
                None => more.people.push(PersonHint {
                    name: alias.person.clone(),
                    affiliation: None,
                    aliases: vec![alias.alias.clone()],
                }),
            }
        }
        // The same text finds the same reader: it need not be looked for again.
        if let Ok(read) = read_report_best(file, &more, Some(reader)) {
            return Ok((read.0, read.1));
        }
    }
    Ok((record, text))
}

/// Meetings written in one transaction: at most this many, and
/// at most two seconds' worth, so an interrupted import loses little work. Larger batches
/// share more of the commit (see docs/benchmarks.md); a batch takes its meetings as they
/// are read, so its size costs no memory.
const BATCH: usize = 512;
const BATCH_TIME: std::time::Duration = std::time::Duration::from_secs(2);
/// Reports read ahead of the writer, so that reading goes on while the writer is busy; with
/// the search index's writer this bounds an import's memory. 64 is as fast as 256 and keeps
/// the peak of an import of 10,000 reports 15 to 20 MB lower (docs/benchmarks.md).
const READ_AHEAD: usize = 64;

/// The readers' results in the order of the files, whatever order they come in.
struct InOrder {
    receive: mpsc::IntoIter<(usize, Read)>,
    waiting: BTreeMap<usize, Read>,
    expected: usize,
}

impl Iterator for InOrder {
    type Item = (usize, Read);

    fn next(&mut self) -> Option<(usize, Read)> {
        loop {
            if let Some(read) = self.waiting.remove(&self.expected) {
                self.expected += 1;
                return Some((self.expected - 1, read));
            }
            let (index, read) = self.receive.next()?;
            self.waiting.insert(index, read);
        }
    }
}

/// What an import did, file by file.
#[derive(Default)]
struct Tally {
    counts: BTreeMap<&'static str, usize>,
    lines: Vec<String>,
    failures: Vec<(String, String)>,
}

impl Tally {
    fn done(&mut self, name: &str, meeting: String, outcome: Outcome) {
        *self.counts.entry(outcome.as_str()).or_default() += 1;
        self.lines
            .push(format!("{:<9} {meeting}  ({name})", outcome.as_str()));
    }
}

/// `rapporteur groups`
pub fn groups(store: &Store) -> Result<String> {
    let mut out = String::new();
    for group in store.groups()? {
        let span = match (&group.first, &group.last) {
            (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
            (Some(first), _) => first.clone(),
            _ => "no dates".to_owned(),
        };
        out.push_str(&format!(
            "{:<16} {:>4} meeting{}  {span}  {}{}\n",
            group.short_name,
            group.meetings,
            if group.meetings == 1 { " " } else { "s" },
            group.name.as_deref().unwrap_or(""),
            group
                .parent
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default(),
        ));
    }
    if out.is_empty() {
        out.push_str("The archive is empty; add reports with `rapporteur import PATH`.\n");
    }
    Ok(out)
}

/// `rapporteur meetings [--group G]`
pub fn meetings(store: &Store, group: Option<&str>) -> Result<String> {
    let mut out = String::new();
    for summary in store.meetings(group)? {
        let m = &summary.meeting;
        let unsettled = match summary.unsettled {
            0 => String::new(),
            n => format!(", {n} unsettled speaker{}", if n == 1 { "" } else { "s" }),
        };
        out.push_str(&format!(
            "{:<22} {:<10}  {} intervention{}{unsettled}  {}\n",
            m.to_string(),
            m.date.as_deref().unwrap_or("no date"),
            summary.interventions,
            if summary.interventions == 1 { "" } else { "s" },
            m.title.as_deref().unwrap_or(""),
        ));
    }
    Ok(out)
}

/// `rapporteur show MEETING` and `rapporteur export MEETING --to FORMAT`
pub fn export_one(
    store: &Store,
    meeting: &str,
    format: Format,
    full_names: bool,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let found = store.find_meeting(meeting)?;
    let stored = store.meeting(&found)?;
    let rendered = render::render(&stored.record, format, &RenderOptions { full_names });
    match output {
        Some(path) => write_atomically(path, rendered.as_bytes())?,
        None => print(&rendered)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// What `rapporteur attendance` is asked to attach.
pub struct Attach<'a> {
    pub meeting: &'a str,
    pub file: &'a Path,
    pub bytes: &'a [u8],
    pub order: Option<ingest::attendance::DateOrder>,
    pub dry_run: bool,
}

/// `rapporteur attendance MEETING FILE`: reads the export, matches its names to the
/// meeting's participants (never guessing), prints what it found, and stores it.
pub fn attendance(store: &mut Store, attach: &Attach<'_>, hints: &PeopleHints) -> Result<String> {
    let found = store.find_meeting(attach.meeting)?;
    let record = store.meeting(&found)?.record;
    let name = attach.file.display().to_string();
    let context = ingest::attendance::Context {
        meeting_day: record.meeting.date,
        order: attach.order,
    };
    let report = ingest::attendance::read(attach.bytes, context)
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let matches = ingest::attendance::match_names(&report, &record.participants, hints);
    let participants: Vec<Option<String>> = matches
        .iter()
        .map(|m| match &m.speaker {
            Speaker::Resolved { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    let meeting = meeting_label(&found);
    let mut out = format!(
        "{meeting}: {} from {name}{}\n",
        report.tool.describe(),
        report
            .title
            .as_deref()
            .map(|t| format!(" (\"{t}\")"))
            .unwrap_or_default()
    );
    let matched = participants.iter().flatten().count();
    out.push_str(&format!(
        "{} connected, {} of them on the participant list\n\n",
        plural(report.attendees.len(), "name"),
        matched
    ));
    let width = report
        .attendees
        .iter()
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for (attendee, matched) in report.attendees.iter().zip(&matches) {
        let who = match &matched.speaker {
            Speaker::Resolved { name, .. } if *name == attendee.name => String::new(),
            Speaker::Resolved { name, .. } => format!("= {name}"),
            Speaker::Ambiguous { candidates, .. } => {
                format!("? ambiguous: {}", candidates.join(", "))
            }
            _ => "? not on the participant list".to_owned(),
        };
        let line = format!(
            "  {:<width$}  {:>7}  {}  {}",
            attendee.name,
            duration(attendee.seconds),
            plural(attendee.sessions.len(), "session"),
            who
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let absent: Vec<&str> = record
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .filter(|p| !participants.iter().flatten().any(|m| m == p))
        .collect();
    if !absent.is_empty() {
        out.push_str(&format!(
            "\nOn the participant list but not in the export (in the room, or under another name): {}\n",
            absent.join(", ")
        ));
    }
    // An export of another day is most likely the wrong file; it is said, not refused,
    // since a meeting may run past midnight in the tool's time zone.
    if let Some(day) = record.meeting.date {
        let day = day.to_string();
        let on_the_day = report
            .attendees
            .iter()
            .flat_map(|a| &a.sessions)
            .filter_map(|s| s.join.as_deref())
            .any(|join| join.starts_with(&day));
        if !on_the_day {
            out.push_str(&format!(
                "\nwarning: no one in the export joined on the meeting's day, {day}; is it the right file?\n"
            ));
        }
    }
    if attach.dry_run {
        out.push_str("\nNothing stored (--dry-run).\n");
    } else {
        let sha = ingest::input::hex_sha256(attach.bytes);
        store.set_attendance(&found, &report, &participants, &name, &sha)?;
        out.push_str(&format!("\nAttached to {meeting}.\n"));
    }
    Ok(out)
}

/// "1h 05m", "45m", "30s".
fn duration(seconds: u64) -> String {
    match (seconds / 3600, seconds % 3600 / 60) {
        (0, 0) => format!("{seconds}s"),
        (0, m) => format!("{m}m"),
        (h, m) => format!("{h}h {m:02}m"),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "WG-Data/26", or the group and day when the meeting has no number.
fn meeting_label(meeting: &store::MeetingRef) -> String {
    match (meeting.number, &meeting.date) {
        (Some(n), _) => format!("{}/{n}", meeting.group),
        (None, Some(day)) => format!("{}/{day}", meeting.group),
        (None, None) => format!("meeting {}", meeting.id),
    }
}

/// `rapporteur export --all --to json`
pub fn export_all(store: &Store, output: Option<&Path>) -> Result<ExitCode> {
    let document = store.export_all()?;
    match output {
        Some(path) => write_atomically(path, document.as_bytes())?,
        None => print(&document)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `rapporteur search QUERY …`
pub fn search(store: &Store, query: &SearchQuery, as_json: bool) -> Result<String> {
    let results = store.search(query)?;
    if as_json {
        let hits: Vec<Value> = results
            .hits
            .iter()
            .map(|hit| {
                let mut snippet = String::new();
                let mut highlights = Vec::new();
                for segment in &hit.snippet {
                    let start = snippet.chars().count();
                    snippet.push_str(&segment.text);
                    if segment.hit {
                        highlights.push(json!([start, snippet.chars().count()]));
                    }
                }
                json!({
                    "meeting": hit.meeting.to_string(),
                    "group": hit.meeting.group,
                    "number": hit.meeting.number,
                    "date": hit.meeting.date,
                    "kind": hit.kind,
                    "order": hit.order,
                    "speaker": hit.speaker,
                    "speaker_status": hit.speaker_status,
                    "agenda_item": hit.agenda_item,
                    "agenda_title": hit.agenda_title,
                    "line": hit.line,
                    "score": (hit.score * 1000.0).round() / 1000.0,
                    "snippet": snippet,
                    "highlights": highlights,
                })
            })
            .collect();
        let document = json!({"total": results.total, "hits": hits});
        return Ok(format!("{}\n", serde_json::to_string_pretty(&document)?));
    }
    let bold = std::io::stdout().is_terminal();
    let mut out = String::new();
    for hit in &results.hits {
        let who = match (hit.kind.as_str(), &hit.speaker) {
            ("intervention", Some(speaker)) => match hit.speaker_status.as_deref() {
                Some("ambiguous") => format!("{speaker} (ambiguous)"),
                Some("unknown") => format!("{speaker} (unknown)"),
                _ => speaker.clone(),
            },
            ("intervention", None) => "the meeting".to_owned(),
            (kind, Some(owner)) => format!("{kind}, {owner}"),
            (kind, None) => kind.to_owned(),
        };
        let item = match (&hit.agenda_item, &hit.agenda_title) {
            (Some(n), Some(t)) => format!(", item {n} ({t})"),
            (Some(n), None) => format!(", item {n}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "{} {}  {who}{item}, line {}\n    ",
            hit.meeting,
            hit.meeting.date.as_deref().unwrap_or(""),
            hit.line
        ));
        for segment in &hit.snippet {
            match (segment.hit, bold) {
                (true, true) => out.push_str(&format!("\x1b[1m{}\x1b[0m", segment.text)),
                (true, false) => out.push_str(&format!("[{}]", segment.text)),
                (false, _) => out.push_str(&segment.text.replace('\n', " ")),
            }
        }
        out.push_str("\n\n");
    }
    let shown = results.hits.len() as u64;
    out.push_str(&match results.total {
        0 => "No results.\n".to_owned(),
        total if shown < total => format!(
            "{} to {} of {total} results\n",
            u64::from(query.offset) + 1,
            u64::from(query.offset) + shown
        ),
        total => format!("{total} result{}\n", if total == 1 { "" } else { "s" }),
    });
    Ok(out)
}

/// `rapporteur person NAME`
pub fn person(store: &Store, name: &str, as_json: bool) -> Result<String> {
    let view = store.person(name)?;
    if as_json {
        let document = json!({
            "name": view.person.name,
            "slug": view.person.slug,
            "stakeholder_group": view.person.stakeholder_group,
            "aliases": view.aliases.iter().map(|(alias, group)| json!({"alias": alias, "group": group})).collect::<Vec<_>>(),
            "affiliations": view.affiliations.iter().map(|a| json!({
                "group": a.group, "affiliation": a.affiliation, "roles": a.roles,
                "stakeholder_group": a.stakeholder_group,
                "from": a.from, "to": a.to, "meetings": a.meetings,
            })).collect::<Vec<_>>(),
            "interventions": view.said.iter().map(|s| json!({
                "meeting": s.meeting.to_string(), "date": s.meeting.date, "order": s.order,
                "agenda_item": s.agenda_item, "agenda_title": s.agenda_title, "act": s.act,
                "agrees_with": s.agreed_with, "text": s.text, "line": s.line,
            })).collect::<Vec<_>>(),
            "agreed_with_by": view.agreed_by.iter().map(|a| json!({
                "by": a.by, "meeting": a.meeting.to_string(), "date": a.meeting.date,
                "order": a.order, "agenda_item": a.agenda_item,
            })).collect::<Vec<_>>(),
        });
        return Ok(format!("{}\n", serde_json::to_string_pretty(&document)?));
    }
    let p = &view.person;
    let mut out = format!("{}\n{}\n", p.name, "=".repeat(p.name.chars().count()));
    if let Some(group) = &p.stakeholder_group {
        out.push_str(&format!("Stakeholder group (latest stated): {group}\n"));
    }
    if !view.aliases.is_empty() {
        let aliases: Vec<String> = view
            .aliases
            .iter()
            .map(|(alias, group)| match group {
                Some(group) => format!("\"{alias}\" in {group}"),
                None => format!("\"{alias}\""),
            })
            .collect();
        out.push_str(&format!("Also written: {}\n", aliases.join(", ")));
    }
    out.push_str(&format!(
        "{} meeting{}, {} intervention{}\n",
        p.meetings,
        if p.meetings == 1 { "" } else { "s" },
        p.interventions,
        if p.interventions == 1 { "" } else { "s" }
    ));
    if !view.affiliations.is_empty() {
        out.push_str("\nAffiliations\n");
        for a in &view.affiliations {
            let when = match (&a.from, &a.to) {
                (Some(from), Some(to)) if from != to => format!("{from} to {to}"),
                (Some(from), _) => from.clone(),
                _ => "undated".to_owned(),
            };
            let mut roles = if a.roles.is_empty() {
                String::new()
            } else {
                format!(" [{}]", a.roles.join(", "))
            };
            if let Some(group) = &a.stakeholder_group {
                roles.push_str(&format!(" ({group})"));
            }
            out.push_str(&format!(
                "  {}: {}{roles}, {when} ({} meeting{})\n",
                a.group,
                a.affiliation.as_deref().unwrap_or("no affiliation given"),
                a.meetings,
                if a.meetings == 1 { "" } else { "s" }
            ));
        }
    }
    if !view.said.is_empty() {
        out.push_str("\nInterventions\n");
        for s in &view.said {
            let item = match (&s.agenda_item, &s.agenda_title) {
                (Some(n), Some(t)) => format!("item {n}, {t}"),
                (Some(n), None) => format!("item {n}"),
                _ => "before the agenda".to_owned(),
            };
            out.push_str(&format!(
                "  {} {} ({item}), line {}\n",
                s.meeting.date.as_deref().unwrap_or(""),
                s.meeting,
                s.line
            ));
            if !s.agreed_with.is_empty() {
                out.push_str(&format!("    agreed with {}\n", s.agreed_with.join(", ")));
            }
            out.push_str(&format!("    {}\n", s.text.replace('\n', " ")));
        }
    }
    if !view.agreed_by.is_empty() {
        out.push_str("\nAgreed with by\n");
        for a in &view.agreed_by {
            out.push_str(&format!(
                "  {} in {} {}{}\n",
                a.by,
                a.meeting,
                a.meeting.date.as_deref().unwrap_or(""),
                a.agenda_item
                    .as_deref()
                    .map(|n| format!(", item {n}"))
                    .unwrap_or_default()
            ));
        }
    }
    Ok(out)
}

/// `rapporteur people list`
pub fn people_list(store: &Store) -> Result<String> {
    let mut out = String::new();
    for p in store.people()? {
        out.push_str(&format!(
            "{:<32} {:>3} meeting{} {:>4} intervention{}  {}\n",
            p.name,
            p.meetings,
            if p.meetings == 1 { " " } else { "s" },
            p.interventions,
            if p.interventions == 1 { " " } else { "s" },
            p.stakeholder_group.as_deref().unwrap_or("")
        ));
    }
    Ok(out)
}

/// `rapporteur resolve` with no name: the names still to settle.
pub fn unresolved(store: &Store) -> Result<String> {
    let mut out = String::new();
    for u in store.unresolved()? {
        let meetings: Vec<String> = u.meetings.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "{} '{}': {} intervention{} in {}\n",
            u.status,
            u.mention,
            u.interventions,
            if u.interventions == 1 { "" } else { "s" },
            meetings.join(", ")
        ));
        if !u.candidates.is_empty() {
            out.push_str(&format!("    candidates: {}\n", u.candidates.join(", ")));
        }
    }
    if out.is_empty() {
        out.push_str("Every speaker in the archive is settled.\n");
    } else {
        out.push_str(
            "\nSettle one with: rapporteur resolve NAME --as PERSON [--group G | --meeting M]\n",
        );
    }
    Ok(out)
}

/// `rapporteur resolve NAME --as PERSON`
pub fn resolve(store: &mut Store, mention: &str, person: &str, scope: &Scope) -> Result<String> {
    let done = store.resolve(mention, person, scope, &now())?;
    let mut out = String::new();
    for (meeting, speakers, others) in &done.meetings {
        out.push_str(&format!(
            "{meeting}: {speakers} intervention{} and {others} other mention{} now {}\n",
            if *speakers == 1 { "" } else { "s" },
            if *others == 1 { "" } else { "s" },
            done.person
        ));
    }
    if done.meetings.is_empty() {
        out.push_str(&format!(
            "No stored meeting leaves '{mention}' unsettled.\n"
        ));
    }
    if done.alias_recorded {
        let place = match scope {
            Scope::Group(group) => format!("in {group}"),
            _ => "everywhere".to_owned(),
        };
        out.push_str(&format!(
            "'{mention}' is recorded as {} {place}, for later imports.\n",
            done.person
        ));
    }
    Ok(out)
}
