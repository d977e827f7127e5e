//! Acceptance for the Markdown-minutes reader: every document in
//! `test_data/markdown-minutes` is read and held against a snapshot of its JSON record and of
//! its diagnostics, and the facts that matter (who speaks each turn, what is not speech,
//! attendees, decisions, action owners) are asserted by hand below.

use std::path::{Path, PathBuf};

use ingest::PeopleHints;
use model::{Code, Record, Severity, Speaker};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/markdown-minutes")
}

/// The one caller of the reader in these tests.
fn read(case: &str) -> Record {
    let bytes = std::fs::read(test_data().join(format!("{case}.md"))).expect("readable");
    ingest::read_markdown_minutes(&format!("{case}.md"), &bytes, &PeopleHints::default())
        .expect("test data decodes")
}

fn cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(test_data())
        .expect("test data folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            p.file_stem()
                .expect("a stem")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_document_matches_its_snapshots() {
    let cases = cases();
    assert!(cases.len() >= 6, "only {} documents", cases.len());
    for case in cases {
        let bytes = std::fs::read(test_data().join(format!("{case}.md"))).expect("readable");
        let name = format!("{case}.md");
        let record =
            ingest::read_markdown_minutes(&name, &bytes, &PeopleHints::default()).expect("decodes");
        let source = ingest::input::decode(&bytes).expect("decodes").content;
        insta::assert_snapshot!(
            format!("{case}.record"),
            render::json::to_json_string(&record)
        );
        insta::assert_snapshot!(
            format!("{case}.diagnostics"),
            render::diagnostics::render_all(&name, &source, &record.diagnostics)
        );
    }
}

/// Each turn as "line: who", who being the full name, `unknown NAME`, `ambiguous A | B` or
/// `none`: the one view of speakers the assertions below compare.
fn speakers(record: &Record) -> Vec<String> {
    record
        .interventions
        .iter()
        .map(|i| {
            let who = match &i.speaker {
                Speaker::Resolved { name, .. } => name.clone(),
                Speaker::Unknown { mention } => format!("unknown {mention}"),
                Speaker::Ambiguous { candidates, .. } => {
                    format!("ambiguous {}", candidates.join(" | "))
                }
                Speaker::Nobody => "none".to_owned(),
            };
            format!("{}: {who}", i.span.start_line)
        })
        .collect()
}

fn participants(record: &Record) -> Vec<String> {
    record
        .participants
        .iter()
        .map(|p| {
            let mut entry = p.name.clone();
            for alias in &p.aliases {
                entry.push_str(&format!(" [{alias}]"));
            }
            if let Some(affiliation) = &p.affiliation {
                entry.push_str(&format!(" / {affiliation}"));
            }
            entry
        })
        .collect()
}

fn decisions(record: &Record) -> Vec<String> {
    record
        .decisions
        .iter()
        .map(|d| format!("{}: {}", d.span.start_line, d.text))
        .collect()
}

/// Each action as "line: owner: due".
fn actions(record: &Record) -> Vec<String> {
    record
        .action_items
        .iter()
        .map(|a| {
            format!(
                "{}: {}: {}",
                a.span.start_line,
                a.owner.as_deref().unwrap_or("-"),
                a.due.map_or("-".to_owned(), |d| d.iso())
            )
        })
        .collect()
}

fn codes(record: &Record) -> Vec<String> {
    record
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.span.start_line, d.code.as_str()))
        .collect()
}

fn agenda(record: &Record) -> Vec<String> {
    record
        .agenda_items()
        .iter()
        .map(|i| format!("{} {}", i.number, i.title))
        .collect()
}

#[test]
fn ietf_minutes_with_item_headings() {
    let r = read("ietf-wg-headings");
    assert_eq!(r.source.reader, "markdown-minutes");
    assert_eq!(r.group.name.as_deref(), Some("QUILL WG"));
    assert_eq!(
        r.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-14")
    );
    assert_eq!(
        r.meeting
            .start
            .as_ref()
            .map(model::Start::rfc3339)
            .as_deref(),
        Some("2026-03-14T14:00:00Z")
    );
    assert_eq!(r.meeting.mode, Some(model::Mode::Online));
    assert_eq!(r.meeting.chairs, ["Ines Valdivia", "Tomasz Brzeski"]);
    assert_eq!(participants(&r).len(), 7);
    assert_eq!(
        agenda(&r),
        [
            "1 Chairs' update",
            "2 draft-quill-transport-03",
            "3 Liaison statement from the Kestrel forum",
            "4 Any other business"
        ]
    );
    // `Slides:`, `Links:`, a time (`10:30:`) and `Liaison:` are notes, never speakers; "Sam"
    // names two attendees; Flavio Montes is not on the list.
    assert_eq!(
        speakers(&r),
        [
            "30: none",
            "32: Ines Valdivia",
            "34: Tomasz Brzeski",
            "35: none",
            "39: Priya Raghunathan",
            "42: Olumide Adeyemi",
            "44: Priya Raghunathan",
            "45: ambiguous Sam Whitfield | Sam Oduya",
            "46: unknown Flavio Montes",
            "47: none",
            "53: none",
            "55: Karolina Nyström",
            "56: Tomasz Brzeski",
        ]
    );
    // Continuation bullets belong to the turn above them.
    let priya = &r.interventions[4];
    assert_eq!(priya.span.end_line, 41);
    assert!(
        priya
            .text
            .ends_with("Open issue #41 is about the retry timer.")
    );
    assert!(r.interventions[1].text.contains("Note well applies"));
    assert_eq!(
        decisions(&r),
        [
            "48: the draft is ready for working group last call after the retry-timer fix.",
            "57: the chairs draft a reply and circulate it to the list.",
        ]
    );
    assert_eq!(
        actions(&r),
        [
            "49: Priya Raghunathan: 2026-03-28",
            "58: Tomasz Brzeski: -",
            "64: Ines Valdivia: 2026-04-10",
            "65: Olumide Adeyemi: -",
        ]
    );
    assert_eq!(
        codes(&r),
        [
            "45: ambiguous-speaker",
            "46: unknown-speaker",
            "60: item-not-discussed"
        ]
    );
}

#[test]
fn tc39_notes_with_an_abbreviation_table() {
    let r = read("tc39-table");
    // "Meeting notes" names no group.
    assert_eq!(r.group.name, None);
    assert_eq!(
        r.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-14")
    );
    assert_eq!(
        participants(&r),
        [
            "Hannelore Voss [HVS] / Brightwater",
            "Dmitri Alanis [DAS] / Foxglove Browser",
            "Maëlle Kerbrat [MKT] / Independent",
            "Rafael Quintero [RQO] / Lanternfish Inc.",
            "Yuki Tanabe [YTE] / Ostrander Systems",
        ]
    );
    // Abbreviations resolve; `Presenter:` and `Note:` are not speech; XYZ is nobody listed.
    assert_eq!(
        speakers(&r),
        [
            "15: none",
            "17: Hannelore Voss",
            "21: none",
            "26: Dmitri Alanis",
            "30: Maëlle Kerbrat",
            "32: Rafael Quintero",
            "34: Dmitri Alanis",
            "39: unknown XYZ",
            "41: none",
            "43: Yuki Tanabe",
            "47: none",
            "56: none",
            "58: Rafael Quintero",
            "60: Hannelore Voss",
        ]
    );
    // A turn runs on over its continuation paragraphs and the list under it.
    let first = &r.interventions[3];
    assert_eq!((first.span.start_line, first.span.end_line), (26, 28));
    assert!(
        first
            .text
            .ends_with("The open question is only about the default calendar.")
    );
    assert_eq!(r.interventions[6].span.end_line, 37);
    assert_eq!(
        decisions(&r),
        [
            "51: Consensus for stage 2.",
            "64: Status update; no decision.",
        ]
    );
    // Owners by abbreviation; a due date without a year takes the meeting's.
    assert_eq!(
        actions(&r),
        ["52: Maëlle Kerbrat, Rafael Quintero: 2026-04-30"]
    );
    assert_eq!(codes(&r), ["39: unknown-speaker"]);
}

#[test]
fn steering_committee_notes_with_handles_and_task_lists() {
    let r = read("steering-handles");
    assert_eq!(
        r.group.name.as_deref(),
        Some("Lumen Project Steering Committee")
    );
    assert_eq!(r.meeting.moderator.as_deref(), Some("Ákos Garai"));
    assert_eq!(r.meeting.chairs, ["Ákos Garai"]);
    // Regrets are not attendees.
    assert_eq!(
        participants(&r),
        [
            "Ákos Garai [@akosgarai] / chair",
            "Marit van Leer [@mvanleer]",
            "Bongani Khumalo [@bkhumalo] / release manager",
            "Chiara Lombardi [@clombardi]",
            "@quietfox",
        ]
    );
    // Numbered bullets with notes under them are the items, even one shaped like a label.
    assert_eq!(
        agenda(&r),
        [
            "1 Release 4.2 status",
            "2 Governance: maintainer nominations",
            "3 Contributor survey"
        ]
    );
    assert_eq!(
        speakers(&r),
        [
            "22: Bongani Khumalo",
            "24: Marit van Leer",
            "25: Bongani Khumalo",
            "29: Chiara Lombardi",
            "30: @quietfox",
            "34: none",
            "35: none",
            "36: unknown @dbrandt",
            "42: none",
        ]
    );
    assert_eq!(r.interventions[0].span.end_line, 23);
    assert_eq!(
        decisions(&r),
        [
            "26: 4.2 ships on 2026-03-21 if the first blocker is fixed.",
            "31: @quietfox joins the docs maintainers.",
        ]
    );
    assert_eq!(
        actions(&r),
        [
            "27: Bongani Khumalo: 2026-03-19",
            "32: Ákos Garai: -",
            "37: Marit van Leer: -",
            "38: Chiara Lombardi: -",
        ]
    );
    let next: Vec<_> = r
        .dates
        .iter()
        .filter(|d| d.kind == model::DateKind::NextMeeting)
        .map(|d| d.value.map(|v| v.iso()))
        .collect();
    assert_eq!(next, [Some("2026-03-28".to_owned())]);
}

#[test]
fn inline_attendees_and_numbered_items_without_an_agenda() {
    let r = read("inline-present");
    assert_eq!(r.group.name.as_deref(), Some("Fennel Interop Group"));
    assert_eq!(r.meeting.number, Some(12));
    assert_eq!(
        r.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-02-05")
    );
    assert_eq!(
        participants(&r),
        [
            "Lucía Ferreyra",
            "Jonas Albrecht",
            "Wanjiku Mbugua",
            "Teodor Ilić"
        ]
    );
    assert_eq!(agenda(&r), ["1 Test suite results", "2 Interop report"]);
    assert_eq!(
        speakers(&r),
        [
            "7: Lucía Ferreyra",
            "10: Jonas Albrecht",
            "11: Wanjiku Mbugua",
            "15: Teodor Ilić",
            "16: none",
        ]
    );
    // The turn before the first item belongs to no item.
    assert_eq!(r.interventions[0].agenda_item, None);
    assert_eq!(r.interventions[2].agenda_item.as_deref(), Some("1"));
    // The nested URL line is the speaker's, not a new turn.
    assert!(
        r.interventions[2]
            .text
            .contains("https://example.org/fennel/issues/88")
    );
    assert_eq!(
        decisions(&r),
        ["13: the two failures block the interop report."]
    );
    assert_eq!(
        actions(&r),
        ["17: Wanjiku Mbugua: 2026-02-20", "18: Teodor Ilić: -"]
    );
    assert!(r.diagnostics.is_empty(), "{:?}", codes(&r));
}

#[test]
fn labels_that_are_not_people_never_speak() {
    let r = read("no-attendees");
    // Summary, Thursday, Next steps, a URL, a lower-case handle, Background, Date, Location and
    // Time are text; the two capitalised names are unknown, and only a note since there is no
    // attendee list.
    assert_eq!(
        speakers(&r),
        [
            "5: none",
            "6: none",
            "7: none",
            "8: none",
            "9: unknown Ravi Chandran",
            "11: none",
            "12: none",
            "13: none",
            "14: none",
            "15: none",
            "19: unknown Elif Aydın",
        ]
    );
    assert!(
        r.diagnostics
            .iter()
            .filter(|d| d.code == Code::UnknownSpeaker)
            .all(|d| d.severity == Severity::Note)
    );
    assert_eq!(decisions(&r), ["21: the wiki stays the source of truth."]);
    assert_eq!(actions(&r), ["23: -: -"]);
    assert_eq!(
        codes(&r),
        [
            "1: no-date",
            "1: no-participants",
            "9: unknown-speaker",
            "19: unknown-speaker"
        ]
    );
}

#[test]
fn front_matter_agenda_matching_and_ambiguous_owners() {
    let r = read("front-matter-agenda");
    assert_eq!(
        r.group.name.as_deref(),
        Some("Ashgrove Accessibility Task Force")
    );
    assert_eq!(
        r.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-04-02")
    );
    assert_eq!(r.meeting.chairs, ["Nadia Haddad"]);
    assert_eq!(
        agenda(&r),
        [
            "1 Review of previous minutes",
            "2 Colour contrast audit",
            "2.1 Findings",
            "2.2 Remediation plan",
            "3 Screen reader testing",
            "4 Training budget",
            "5 Keyboard traps",
        ]
    );
    // "Chair:" is the attendee listed as chair.
    assert_eq!(
        speakers(&r),
        [
            "24: Nadia Haddad",
            "30: Isabela Moura",
            "31: ambiguous Sam Kowalczyk | Sam Petrenko",
            "35: Nadia Haddad",
            "40: Sam Petrenko",
            "41: unknown Dr. Amara Okonkwo",
            "45: none",
        ]
    );
    let items: Vec<Option<&str>> = r
        .interventions
        .iter()
        .map(|i| i.agenda_item.as_deref())
        .collect();
    assert_eq!(
        items,
        [
            Some("1"),
            Some("2.1"),
            Some("2.1"),
            Some("2.2"),
            Some("5"),
            Some("5"),
            None
        ]
    );
    // The owner "Sam" is reported with both candidates, never guessed.
    assert_eq!(actions(&r), ["36: Sam: -"]);
    let owner = r
        .diagnostics
        .iter()
        .find(|d| d.code == Code::AmbiguousOwner)
        .expect("an ambiguous-owner diagnostic");
    assert!(
        owner
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("Sam Kowalczyk, Sam Petrenko"))
    );
    assert_eq!(
        codes(&r),
        [
            "19: item-not-discussed",
            "20: item-not-discussed",
            "31: ambiguous-speaker",
            "36: ambiguous-owner",
            "38: unmatched-discussion",
            "41: unknown-speaker",
        ]
    );
}

#[test]
fn bold_labels_and_crlf_line_endings() {
    let r = read("crlf-bold-labels");
    assert_eq!(r.group.name.as_deref(), Some("Birchwood Community Council"));
    assert_eq!(
        speakers(&r),
        [
            "7: Oskar Lindgren",
            "9: Fatima Zahra Idrissi",
            "15: Mei-Ling Chou",
            "17: Oskar Lindgren",
        ]
    );
    assert_eq!(
        decisions(&r),
        ["11: a second survey of the west path in February."]
    );
    assert_eq!(actions(&r), ["16: Mei-Ling Chou: 2026-01-23"]);
    assert!(r.diagnostics.is_empty(), "{:?}", codes(&r));
}

#[test]
fn bad_input_is_refused_in_one_line() {
    for (bytes, message) in [
        (&b""[..], "the file is empty"),
        (&b"  \n\t\n"[..], "the file has no text, only white space"),
        (
            &b"# Notes\0"[..],
            "the file is binary, not text (a NUL byte at offset 7)",
        ),
        (
            &b"# Notes\n\xff"[..],
            "the file is not valid UTF-8 (invalid byte at line 2, column 1)",
        ),
    ] {
        let error = ingest::read_markdown_minutes("bad.md", bytes, &PeopleHints::default())
            .expect_err("bad input is refused");
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn text_that_is_no_minutes_says_so() {
    let text = ingest::input::decode(b"just a line of prose, nothing more\n").expect("text");
    let r = ingest::markdown_minutes::read(&text, "prose.md", &PeopleHints::default());
    assert!(r.has_errors());
    assert!(r.diagnostics.iter().any(|d| d.code == Code::NotAReport));
    assert_eq!(ingest::markdown_minutes::confidence(&text), 0);
}

#[test]
fn confidence_is_high_for_minutes_and_low_for_other_formats() {
    for case in cases() {
        let bytes = std::fs::read(test_data().join(format!("{case}.md"))).expect("readable");
        let text = ingest::input::decode(&bytes).expect("decodes");
        let score = ingest::markdown_minutes::confidence(&text);
        assert!(score >= 50, "{case}: confidence {score}");
    }
    // Summary reports, the one written with Markdown headings among them, score low.
    let reports = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/summary-report");
    for entry in std::fs::read_dir(reports).expect("the summary-report test data") {
        let path = entry.expect("a folder entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text =
                ingest::input::decode(&std::fs::read(&path).expect("readable")).expect("decodes");
            let score = ingest::markdown_minutes::confidence(&text);
            assert!(score < 50, "{}: confidence {score}", path.display());
        }
    }
    let transcript =
        ">> CHAIR: Good morning.\n>> ANA PEREIRA: Thank you.\n>> CHAIR: Next.\n>> BO: Yes.\n";
    let text = ingest::input::decode(transcript.as_bytes()).expect("decodes");
    let score = ingest::markdown_minutes::confidence(&text);
    assert!(score < 30, "a captioning transcript scores {score}");
}

/// The JSON interface reads back what it prints for every document, as the archive's export
/// and import rely on.
#[test]
fn every_record_survives_the_json_round_trip() {
    for case in cases() {
        let printed = render::json::to_json_string(&read(&case));
        let back = render::json::from_json_str(&printed)
            .unwrap_or_else(|e| panic!("{case}: the printed record does not parse: {e}"));
        assert_eq!(
            render::json::to_json_string(&back),
            printed,
            "{case}: printing the parsed record changed it"
        );
    }
}

#[test]
fn handles_in_an_attendee_table_guests_and_owners_in_parentheses() {
    let r = read("tsc-github-table");
    assert_eq!(r.group.name.as_deref(), Some("Copperleaf TSC"));
    // The table's GitHub column gives the handles; a guest list under a sub-heading counts.
    assert_eq!(
        participants(&r),
        [
            "Ana Pereira [@apereira] / Acme",
            "Bo Chen [@bochen]",
            "Ana Souza [@asouza] / Example Corp",
            "Lee Park [@lpark] / Observer Org",
        ]
    );
    assert_eq!(
        speakers(&r),
        [
            "32: Ana Pereira",
            "33: ambiguous Ana Pereira | Ana Souza",
            "34: Lee Park",
            "35: Lee Park",
            "36: none",
            "41: Bo Chen",
            "49: none",
        ]
    );
    // The heading matches the agenda line that links the RFC and names its presenter.
    assert_eq!(r.interventions[0].agenda_item.as_deref(), Some("1"));
    assert_eq!(decisions(&r), ["37: RFC 12 accepted."]);
    // A task led by a handle, handles before "to", and `AI(@handle):`.
    assert_eq!(
        actions(&r),
        [
            "43: Bo Chen: -",
            "44: Ana Pereira, Ana Souza: 2026-06",
            "45: Bo Chen: -",
        ]
    );
    assert_eq!(codes(&r), ["33: ambiguous-speaker"]);
}

#[test]
fn ietf_interim_with_paragraph_turns() {
    let r = read("ietf-interim-paragraphs");
    assert_eq!(r.group.name.as_deref(), Some("PLUM WG"));
    assert_eq!(
        r.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-03")
    );
    // Chairs named in the header and attendees inline, with affiliations in parentheses.
    assert_eq!(r.meeting.chairs, ["Rhea Osei", "Martin Dubois"]);
    assert_eq!(
        participants(&r),
        [
            "Rhea Osei / Globex",
            "Martin Dubois / Initech",
            "Yara Haddad",
            "Kofi Mensah / Umbrella",
        ]
    );
    // Turns on consecutive lines, a bold name with the affiliation outside the emphasis, an
    // indented continuation, a timestamped turn, and "Chair:" with two chairs present.
    assert_eq!(
        speakers(&r),
        [
            "10: Rhea Osei",
            "11: Martin Dubois",
            "15: none",
            "17: Kofi Mensah",
            "18: Yara Haddad",
            "19: Kofi Mensah",
            "21: Yara Haddad",
            "23: ambiguous Rhea Osei | Martin Dubois",
            "31: Martin Dubois",
        ]
    );
    assert_eq!(r.interventions[5].span.end_line, 20);
    // A timestamp before the speaker is not part of the label.
    assert_eq!(
        r.interventions[6].text,
        "I will add a sentence on the limit."
    );
    assert_eq!(decisions(&r).len(), 1);
    assert_eq!(actions(&r), ["27: Chairs: 2026-03-17"]);
    assert_eq!(codes(&r), ["23: ambiguous-speaker"]);
}

/// A people file settles an ambiguous first name for turns and action owners alike.
#[test]
fn people_hints_settle_an_ambiguous_name() {
    let bytes = std::fs::read(test_data().join("front-matter-agenda.md")).expect("readable");
    let hints = PeopleHints::parse("[[person]]\nname = \"Sam Petrenko\"\naliases = [\"Sam\"]\n")
        .expect("valid hints");
    let r =
        ingest::read_markdown_minutes("front-matter-agenda.md", &bytes, &hints).expect("decodes");
    assert_eq!(speakers(&r)[2], "31: Sam Petrenko");
    assert_eq!(actions(&r), ["36: Sam Petrenko: -"]);
    assert!(
        !r.diagnostics
            .iter()
            .any(|d| matches!(d.code, Code::AmbiguousSpeaker | Code::AmbiguousOwner))
    );
}

#[test]
fn a_maintainers_call_with_bold_numbered_items() {
    let r = read("maintainers-call");
    // A `##` title; "Weekly" and "Call" are not the group's name.
    assert_eq!(r.group.name.as_deref(), Some("Maintainers"));
    assert_eq!(
        r.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-05-12")
    );
    assert_eq!(
        agenda(&r),
        [
            "1 Triage backlog (Tariq)",
            "2 Docs site migration",
            "3 Open floor"
        ]
    );
    assert_eq!(
        speakers(&r),
        [
            "11: none",
            "12: Olga Petrova",
            "13: Tariq Aziz",
            "15: Nomvula Dlamini",
            "20: none",
        ]
    );
    assert_eq!(decisions(&r), ["17: switch DNS after review on 19 May."]);
    // `TODO @handle:`, a task led by a handle and a dash, and a first name before "to".
    assert_eq!(
        actions(&r),
        [
            "18: Nomvula Dlamini: -",
            "23: Olga Petrova: -",
            "24: Tariq Aziz: -",
        ]
    );
    assert!(r.diagnostics.is_empty(), "{:?}", codes(&r));
}
