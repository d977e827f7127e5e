//! Acceptance of the captioning-transcript reader: every transcript in
//! `test_data/transcript` is read and held against a snapshot of its JSON record and its
//! diagnostics, and against hand-written assertions on the facts that matter: who speaks each
//! turn, what is not speech, attendees, decisions and action owners.
//!
//! Each test reads one document through `read`, the only caller of the reader here.

use std::path::{Path, PathBuf};

use model::{Code, Record, Speaker};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/transcript")
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(test_data())
        .expect("the transcript test data folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let case = p
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (case, p)
        })
        .collect();
    cases.sort();
    cases
}

fn read(case: &str) -> Record {
    let bytes = std::fs::read(test_data().join(format!("{case}.txt"))).expect("readable");
    ingest::read_transcript(
        &format!("{case}.txt"),
        &bytes,
        &ingest::PeopleHints::default(),
    )
    .expect("test data decodes")
}

/// Each turn as "status name-or-mention: its first four words".
fn turns(record: &Record) -> Vec<String> {
    record
        .interventions
        .iter()
        .map(|i| {
            let who = match &i.speaker {
                Speaker::Resolved { name, .. } => format!("resolved {name}"),
                Speaker::Ambiguous { candidates, .. } => {
                    format!("ambiguous {}", candidates.join(" | "))
                }
                Speaker::Unknown { mention } => format!("unknown {mention}"),
                Speaker::Nobody => "none".to_owned(),
            };
            let start = i
                .text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            format!("{who}: {start}")
        })
        .collect()
}

fn codes(record: &Record, code: Code) -> Vec<u32> {
    record
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.span.start_line)
        .collect()
}

fn names(record: &Record) -> Vec<&str> {
    record
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

#[test]
fn every_transcript_matches_its_snapshots() {
    let cases = cases();
    assert!(cases.len() >= 6, "only {} transcripts", cases.len());
    for (case, path) in cases {
        let bytes = std::fs::read(&path).expect("readable");
        let name = format!("{case}.txt");
        let record = ingest::read_transcript(&name, &bytes, &ingest::PeopleHints::default())
            .expect("decodes");
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

#[test]
fn every_record_survives_the_json_round_trip() {
    for (case, _) in cases() {
        let record = read(&case);
        let printed = render::json::to_json_string(&record);
        let back = render::json::from_json_str(&printed)
            .unwrap_or_else(|e| panic!("{case}: the printed record does not parse: {e}"));
        assert_eq!(render::json::to_json_string(&back), printed, "{case}");
    }
}

#[test]
fn a_full_session_reads_header_list_agenda_and_turns() {
    let record = read("full-session");
    assert_eq!(record.source.reader, "transcript");
    assert_eq!(
        record.meeting.title.as_deref(),
        Some("WG-Commons Working Group on Digital Commons – Meeting 14")
    );
    assert_eq!(record.meeting.number, Some(14));
    assert_eq!(
        record
            .meeting
            .start
            .as_ref()
            .map(model::Start::rfc3339)
            .as_deref(),
        Some("2026-03-05T14:00:00Z")
    );
    assert_eq!(
        names(&record),
        [
            "Marisol Etxeberria",
            "Kwabena Ofori-Atta",
            "Liesel Vandermeer",
            "Tomasz Wierzbicki",
            "Aiko Haruna"
        ]
    );
    assert_eq!(
        record.meeting.chairs,
        ["Marisol Etxeberria", "Kwabena Ofori-Atta"]
    );
    // The disclaimer, the captioning company and the banners are not speech.
    assert_eq!(record.interventions.len(), 7);
    assert_eq!(
        turns(&record),
        [
            "resolved Marisol Etxeberria: Good afternoon, everyone, and",
            "resolved Kwabena Ofori-Atta: Thank you, Marisol. Let",
            "resolved Liesel Vandermeer: Thank you, Kwabena. The",
            "resolved Tomasz Wierzbicki: I support the new",
            "resolved Aiko Haruna: From the private sector",
            "resolved Kwabena Ofori-Atta: Those are two useful",
            "resolved Marisol Etxeberria: We now turn to",
        ]
    );
    let filed: Vec<Option<&str>> = record
        .interventions
        .iter()
        .map(|i| i.agenda_item.as_deref())
        .collect();
    assert_eq!(
        filed,
        [
            None,
            Some("2"),
            Some("2"),
            Some("2"),
            Some("2"),
            Some("2"),
            Some("3")
        ]
    );
    // The indented paragraph and the line after it continue Liesel's turn.
    let liesel = &record.interventions[2];
    assert_eq!((liesel.span.start_line, liesel.span.end_line), (31, 34));
    assert!(liesel.text.contains("retention schedule. I will circulate"));
    // "I will circulate…" is Liesel's action, due by the date she names.
    let owners: Vec<(Option<&str>, Option<String>)> = record
        .action_items
        .iter()
        .map(|a| (a.owner.as_deref(), a.due.map(|d| d.iso())))
        .collect();
    assert!(
        owners.contains(&(Some("Liesel Vandermeer"), Some("2026-03-20".into()))),
        "{owners:?}"
    );
    assert!(
        owners.contains(&(Some("all"), Some("2026-03-27".into()))),
        "{owners:?}"
    );
    assert!(
        record
            .decisions
            .iter()
            .any(|d| d.text.contains("so it is adopted")),
        "{:?}",
        record.decisions
    );
    assert!(codes(&record, Code::ItemNotDiscussed) == [22]);
}

#[test]
fn turns_without_space_or_marker_are_turns() {
    let record = read("spacing-and-markers");
    assert_eq!(
        turns(&record),
        [
            "resolved Oskar Lindahl: Let's start. The first",
            "resolved Pilar Quintanilla: The release candidate is",
            "resolved Femi Adeyemo: I can confirm the",
            "resolved Oskar Lindahl: Good. Femi, when do",
            "resolved Femi Adeyemo: By next week, I",
            "resolved Pilar Quintanilla: Then we ship on",
        ]
    );
    assert_eq!(
        record.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-02-12")
    );
    assert!(
        record
            .diagnostics
            .iter()
            .all(|d| d.code != Code::UnknownSpeaker)
    );
}

#[test]
fn bare_voices_are_unidentified_and_stage_notes_are_not_speech() {
    let record = read("bare-voices-and-stage-notes");
    assert_eq!(
        turns(&record),
        [
            "resolved Ingrid Solheim: Welcome back, everyone. We",
            "unknown : Thank you. My question",
            "resolved Rafael Montoya: That is the hard",
            "unknown : Can I follow up",
            "resolved Ingrid Solheim: Please, go ahead.",
            "unknown : What happens after the",
            "resolved Rafael Montoya: The networks that survive",
            "resolved Adaeze Okonkwo: Our research found the",
            "unknown AUDIENCE: One more question, please!",
            "resolved Ingrid Solheim: I'm afraid we are",
        ]
    );
    assert_eq!(codes(&record, Code::UnidentifiedSpeaker), [11, 13, 15, 19]);
    assert_eq!(codes(&record, Code::StageNote), [9, 10, 12, 17, 18, 18, 20]);
    for intervention in &record.interventions {
        for note in [
            "(Pause)",
            "(inaudible)",
            "[inaudible]",
            "(Applause)",
            "(Laughter)",
            "(Speaking",
        ] {
            assert!(!intervention.text.contains(note), "{}", intervention.text);
        }
    }
    assert_eq!(
        record.interventions[0].text,
        "Welcome back, everyone. We have about twenty minutes for questions from the room."
    );
    assert_eq!(record.meeting.moderator.as_deref(), Some("Ingrid Solheim"));
}

#[test]
fn a_role_resolves_to_the_person_named_for_it() {
    let record = read("chair-by-role");
    assert_eq!(
        turns(&record),
        [
            "resolved Marisol Etxeberria: Good afternoon. Let us",
            "resolved Kwabena Ofori-Atta: Thank you, Chair. I",
            "resolved Marisol Etxeberria: Thank you. Rapporteur, could",
            "resolved Liesel Vandermeer: Noted. I will update",
            "unknown CO-CHAIR: If I may add,",
        ]
    );
    // The header names the chair and the rapporteur but has no list, so Kwabena is a
    // participant by his turn; the co-chair is named nowhere.
    let unknown = codes(&record, Code::UnknownSpeaker);
    assert_eq!(unknown, [12], "the co-chair is named nowhere");
}

#[test]
fn organisations_speak_as_organisations() {
    let record = read("organisations");
    assert_eq!(
        turns(&record),
        [
            "resolved Beatriz Alvarenga: We have two organisations",
            "unknown UNESCO: Thank you. We welcome",
            "resolved Beatriz Alvarenga: Thank you. The Open",
            "unknown OLC: Our members support the",
            "resolved Beatriz Alvarenga: And the ministry of",
            "unknown MINISTRY OF EDUCATION OF NORLAND: We support the text",
            "resolved Henrik Castell: Speaking for myself, I",
        ]
    );
    assert_eq!(codes(&record, Code::OrganisationSpeaker), [12, 14, 16]);
    assert!(codes(&record, Code::UnknownSpeaker).is_empty());
}

#[test]
fn near_spellings_are_unified_and_reported() {
    let record = read("spelling-variants");
    let who = turns(&record);
    assert_eq!(who[0], "resolved Nyasha Mutendi: Good morning. My name");
    assert_eq!(who[2], "resolved Nyasha Mutendi: Thank you. Do we");
    assert_eq!(who[4], "resolved Nyasha Mutendi: That is worrying. Let");
    assert_eq!(
        who[1],
        "resolved Bertrand de Vasconcelos: Thank you, Nyasha. I"
    );
    assert_eq!(
        who[7],
        "ambiguous Jorge Almeida | Jorge Baptista: Could we draft the"
    );
    assert_eq!(codes(&record, Code::SpeakerSpellingUnified), [10]);
    assert_eq!(codes(&record, Code::AmbiguousSpeaker), [13]);
    assert_eq!(record.meeting.moderator.as_deref(), Some("Nyasha Mutendi"));
}

#[test]
fn a_text_without_turns_is_not_a_transcript() {
    let record = read("not-a-transcript");
    assert!(record.interventions.is_empty());
    assert_eq!(codes(&record, Code::NotAReport), [1]);
    let text = ingest::input::decode(b"Shopping list\n\nEggs.\n").expect("text");
    assert_eq!(ingest::transcript::confidence(&text), 0);
}

#[test]
fn confidence_is_high_for_transcripts_only() {
    for (case, path) in cases() {
        let text = ingest::input::decode(&std::fs::read(&path).expect("readable")).expect("text");
        let confidence = ingest::transcript::confidence(&text);
        if case == "not-a-transcript" {
            assert_eq!(confidence, 0, "{case}");
        } else {
            assert!(confidence >= 60, "{case}: {confidence}");
        }
    }
    let seed = include_str!("../test_data/summary-report/seed-igf-wg-strategy-106.txt");
    let text = ingest::input::decode(seed.as_bytes()).expect("text");
    assert!(ingest::transcript::confidence(&text) < 30);
}

#[test]
fn bad_input_is_one_clear_error() {
    let hints = ingest::PeopleHints::default();
    for (bytes, message) in [
        (&b""[..], "the file is empty"),
        (b"\n \n", "the file has no text, only white space"),
        (
            b">> ANA: a\0b",
            "the file is binary, not text (a NUL byte at offset 9)",
        ),
        (
            b">> ANA: \xff",
            "the file is not valid UTF-8 (invalid byte at line 1, column 9)",
        ),
    ] {
        let error = ingest::read_transcript("t.txt", bytes, &hints).expect_err("rejected");
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn hints_settle_an_ambiguous_first_name() {
    let bytes = std::fs::read(test_data().join("spelling-variants.txt")).expect("readable");
    let hints = ingest::PeopleHints::parse(
        "[[person]]\nname = \"Jorge Baptista\"\naliases = [\"Jorge\"]\n",
    )
    .expect("valid hints");
    let record = ingest::read_transcript("s.txt", &bytes, &hints).expect("decodes");
    assert_eq!(
        turns(&record)[7],
        "resolved Jorge Baptista: Could we draft the"
    );
}

#[test]
fn roles_near_spellings_and_strangers_with_a_list() {
    let record = read("roles-and-unknowns");
    assert_eq!(
        turns(&record),
        [
            "resolved Hamid Rostami: Good morning. My name",
            "resolved Hamid Rostami: We have one item",
            "ambiguous Hamid Rostami | Celeste Amankwah: May I add that",
            "ambiguous Mira Castell | Myra Osei: The private sector supports",
            "unknown FELIX: I would like to",
            "resolved Celeste Amankwah: Thank you. Felix, could",
            "resolved Hamid Rostami: It is so decided:",
        ]
    );
    // The chair introduced himself; both co-chairs stay co-chairs.
    assert_eq!(
        record.participant("Hamid Rostami").map(|p| p.roles.clone()),
        Some(vec![model::Role::CoChair, model::Role::Chair])
    );
    // The indented paragraphs after `>> CHAIR:` are the same turn.
    let chair = &record.interventions[1];
    assert_eq!((chair.span.start_line, chair.span.end_line), (13, 17));
    assert!(chair.text.ends_with("room document. The floor is open."));
    assert_eq!(codes(&record, Code::AmbiguousSpeaker), [18, 19]);
    assert_eq!(codes(&record, Code::UnknownSpeaker), [20]);
    assert_eq!(record.decisions.len(), 1);
    assert_eq!(
        record
            .meeting
            .start
            .as_ref()
            .map(model::Start::rfc3339)
            .as_deref(),
        Some("2026-05-14T10:00:00+02:00")
    );
}
