//! What the tests of the two scribed-minutes readers share: reading a test document, and
//! the facts of a record written as short lines that a test compares whole.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use model::{Record, Speaker};

pub type Reader = fn(&str, &[u8], &ingest::PeopleHints) -> Result<Record, ingest::InputError>;

pub fn folder(format: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(format)
}

/// The one caller of a reader: the record of `test_data/{format}/{case}.txt`.
pub fn read(format: &str, reader: Reader, case: &str) -> Record {
    let bytes =
        std::fs::read(folder(format).join(format!("{case}.txt"))).expect("readable test data");
    reader(
        &format!("{case}.txt"),
        &bytes,
        &ingest::PeopleHints::default(),
    )
    .expect("test data decodes")
}

/// Every document of a format: a snapshot of its record and of its diagnostics, and a record
/// that survives the JSON round trip.
pub fn snapshots(format: &str, reader: Reader) {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(folder(format)).expect("the test data folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            cases.push(path);
        }
    }
    cases.sort();
    assert!(
        cases.len() >= 6,
        "only {} documents in {format}",
        cases.len()
    );
    // Beside the summary reports' snapshots, named by format and case alone.
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let _bound = settings.bind_to_scope();
    for path in cases {
        let case = path
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(&path).expect("readable");
        let name = format!("{case}.txt");
        let record = reader(&name, &bytes, &ingest::PeopleHints::default()).expect("decodes");
        let source = ingest::input::decode(&bytes).expect("decodes").content;
        insta::assert_snapshot!(
            format!("{format}-{case}.record"),
            render::json::to_json_string(&record)
        );
        insta::assert_snapshot!(
            format!("{format}-{case}.diagnostics"),
            render::diagnostics::render_all(&name, &source, &record.diagnostics)
        );
        let printed = render::json::to_json_string(&record);
        let back = render::json::from_json_str(&printed).expect("the record parses back");
        assert_eq!(render::json::to_json_string(&back), printed, "{case}");
        no_label_speaks(&record, &case);
        // The record lays out as a report in every format, with every turn's words in it.
        for format in [render::Format::Markdown, render::Format::Text] {
            let options = render::RenderOptions { full_names: true };
            let out = render::render(&record, format, &options);
            let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
            for turn in &record.interventions {
                let words: Vec<&str> = turn.text.split_whitespace().take(3).collect();
                let plain = words.iter().all(|w| w.chars().all(char::is_alphanumeric));
                assert!(
                    !plain || flat.contains(&words.join(" ")),
                    "{case}: {format:?} lacks turn {}",
                    turn.order
                );
            }
        }
    }
}

/// Words that name no speaker: metadata labels, bots, commands, URL schemes.
const NOT_SPEAKERS: &[&str] = &[
    "agenda",
    "meeting",
    "date",
    "chair",
    "chairs",
    "scribe",
    "scribenick",
    "topic",
    "subtopic",
    "present",
    "regrets",
    "resolved",
    "resolution",
    "action",
    "proposed",
    "note",
    "zakim",
    "rrsagent",
    "trackbot",
    "http",
    "https",
    "$date",
];

/// Nothing that is not speech has become a speaker.
pub fn no_label_speaks(record: &Record, case: &str) {
    for turn in &record.interventions {
        if let Some(mention) = turn.speaker.mention() {
            let lower = mention.to_lowercase();
            assert!(
                !NOT_SPEAKERS.contains(&lower.as_str()) && !lower.contains("://"),
                "{case}: turn {} is spoken by '{mention}'",
                turn.order
            );
        }
    }
}

/// Each turn as `speaker | text`, the speaker a full name, `?mention` when unknown,
/// `?mention[a/b]` when ambiguous, `-` for nobody.
pub fn turns(record: &Record) -> Vec<String> {
    record
        .interventions
        .iter()
        .map(|i| format!("{} | {}", who(&i.speaker), i.text))
        .collect()
}

pub fn who(speaker: &Speaker) -> String {
    match speaker {
        Speaker::Resolved { name, .. } => name.clone(),
        Speaker::Unknown { mention } => format!("?{mention}"),
        Speaker::Ambiguous {
            mention,
            candidates,
        } => format!("?{mention}[{}]", candidates.join("/")),
        Speaker::Nobody => "-".to_owned(),
    }
}

pub fn attendees(record: &Record) -> Vec<String> {
    record
        .participants
        .iter()
        .map(|p| {
            let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
            if roles.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, roles.join(", "))
            }
        })
        .collect()
}

pub fn actions(record: &Record) -> Vec<String> {
    record
        .action_items
        .iter()
        .map(|a| {
            format!(
                "{} | {} | {}",
                a.owner.as_deref().unwrap_or("-"),
                a.what,
                a.due.map_or("-".to_owned(), |d| d.iso())
            )
        })
        .collect()
}

pub fn codes(record: &Record) -> Vec<String> {
    record
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}",
                d.code.as_str(),
                d.span.start_line,
                d.span.column
            )
        })
        .collect()
}
