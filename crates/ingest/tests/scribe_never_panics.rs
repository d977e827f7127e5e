//! Property tests for the two readers of scribed minutes (`irc_log`, `scribe_minutes`): they
//! never panic, whatever they are given, and every place they report points at a line that
//! exists. Inputs are arbitrary text, text spliced from the lines of the test logs and
//! minutes with junk and cuts, and arbitrary bytes through the decode-then-read path.

use ingest::PeopleHints;
use proptest::prelude::*;

mod props;
use props::check_spans;

const LOGS: &[&str] = &[
    include_str!("../test_data/irc-log/bracket-timestamps.txt"),
    include_str!("../test_data/irc-log/seconds-timestamps.txt"),
    include_str!("../test_data/irc-log/no-timestamps.txt"),
    include_str!("../test_data/irc-log/ambiguous-and-unknown.txt"),
    include_str!("../test_data/irc-log/subtopics-and-events.txt"),
    include_str!("../test_data/irc-log/scribe-plus-and-agenda.txt"),
];

const MINUTES: &[&str] = &[
    include_str!("../test_data/scribe-minutes/inline-headers.txt"),
    include_str!("../test_data/scribe-minutes/generated-layout.txt"),
    include_str!("../test_data/scribe-minutes/nick-labels-and-queue.txt"),
    include_str!("../test_data/scribe-minutes/doubtful-names.txt"),
    include_str!("../test_data/scribe-minutes/irc-lines-kept.txt"),
];

type Reader = fn(&ingest::Text, &str, &PeopleHints) -> model::Record;

const READERS: [Reader; 2] = [ingest::irc_log::read, ingest::scribe_minutes::read];

/// The one caller of the readers: decode, read with both, check every span and confidence.
fn check_text(input: &str) -> Result<(), TestCaseError> {
    let Ok(text) = ingest::input::decode(input.as_bytes()) else {
        return Ok(());
    };
    let lines = text.content.lines().count();
    for read in READERS {
        let record = read(&text, "prop.txt", &PeopleHints::default());
        check_spans(&record, lines)?;
    }
    prop_assert!(ingest::irc_log::confidence(&text) <= 100);
    prop_assert!(ingest::scribe_minutes::confidence(&text) <= 100);
    Ok(())
}

/// One line: a line of a test document, cut or spliced with junk, or a tricky command.
fn scribe_line() -> impl Strategy<Value = String> {
    let sample: Vec<&'static str> = LOGS
        .iter()
        .chain(MINUTES)
        .flat_map(|text| text.lines())
        .collect();
    let pick = prop::sample::select(sample);
    prop_oneof![
        6 => pick.clone().prop_map(str::to_owned),
        2 => (pick.clone(), any::<prop::sample::Index>(), "\\PC{0,12}").prop_map(|(line, at, junk)| {
            let cut: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
            let at = cut[at.index(cut.len())];
            format!("{}{junk}{}", &line[..at], &line[at..])
        }),
        1 => (pick, any::<prop::sample::Index>()).prop_map(|(line, at)| {
            let cut: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
            line[..cut[at.index(cut.len())]].to_owned()
        }),
        1 => "\\PC{0,60}",
        1 => prop::sample::select(vec![
            "", "<", "<>", "< > x", "[", "[14:02", "[14:02] <", "14:02 <a>", "<a> s/", "<a> s//x/",
            "<a> s/a/", "<a> s/a/b/g", "<a> s/é/ü/", "<a> present+", "<a> present-", "<a> present+ ,,,",
            "<a> Chair:", "<a> Topic:", "<a> Subtopic: x", "<a> ACTION:", "<a> ACTION: é to ", "<a> RESOLVED:",
            "<a> …", "<a> ...", "<a> ScribeNick:", "<a> scribe+", "<a> scribe-", "<Zakim> agendum 1 --  -- taken up", "<a> Date: 31 February 2026", "Present", "Present:",
            "Topics:", "Topic:", "Summary of Action Items", "[NEW] ACTION:", "Resolutions:", "  1. ", "Ü: é",
        ])
        .prop_map(str::to_owned),
    ]
}

fn scribe_like_text() -> impl Strategy<Value = String> {
    props::joined_lines(scribe_line(), 60)
}

proptest! {
    #[test]
    fn printable_text_never_panics(input in "\\PC{0,1500}") {
        check_text(&input)?;
    }

    #[test]
    fn scribe_like_text_never_panics(input in scribe_like_text()) {
        check_text(&input)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let _ = ingest::read_irc_log("prop.bin", &bytes, &PeopleHints::default());
        let _ = ingest::read_scribe_minutes("prop.bin", &bytes, &PeopleHints::default());
    }

    #[test]
    fn mutated_documents_never_panic(
        input in scribe_like_text(),
        flips in props::flips(),
    ) {
        let bytes = props::flipped(input, flips);
        if let Ok(text) = ingest::input::decode(&bytes) {
            check_text(&text.content)?;
        }
    }
}

#[test]
fn every_test_document_has_valid_spans() {
    for text in LOGS.iter().chain(MINUTES) {
        check_text(text).expect("a test document reads with valid spans");
    }
}

/// Inputs the properties above once shrank to, kept so they are checked on every run.
#[test]
fn reduced_cases_read_with_valid_spans() {
    for input in [
        // A bracket opening a line, with a two-byte character across byte 32: the timestamp
        // was looked for in a slice cut inside the character.
        "[0000000000000000000000000000000é] <a> x\n",
        // A list of names with a multi-byte character before " and ".
        "<a> present+ Tomás and Inès\n",
    ] {
        check_text(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}
