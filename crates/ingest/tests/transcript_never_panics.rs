//! Property tests: the transcript reader never panics, whatever it is given, every place it
//! reports points at a line that exists, and its confidence stays within 0–100.
//!
//! Inputs: arbitrary text, transcript-like text spliced from the lines of the test
//! transcripts and junk, and arbitrary or mutated bytes through decode-then-read.

use ingest::PeopleHints;
use proptest::prelude::*;

mod props;
use props::check_spans;

const SAMPLES: [&str; 3] = [
    include_str!("../test_data/transcript/full-session.txt"),
    include_str!("../test_data/transcript/bare-voices-and-stage-notes.txt"),
    include_str!("../test_data/transcript/spelling-variants.txt"),
];

/// The one caller of the reader: decode, read, check every span and the confidence.
fn check_text(input: &str) -> Result<(), TestCaseError> {
    let Ok(text) = ingest::input::decode(input.as_bytes()) else {
        return Ok(());
    };
    prop_assert!(ingest::transcript::confidence(&text) <= 100);
    let record = ingest::transcript::read(&text, "prop.txt", &PeopleHints::default());
    check_spans(&record, text.content.split('\n').count())
}

fn transcript_line() -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = SAMPLES.iter().flat_map(|s| s.lines()).collect();
    let pick = prop::sample::select(lines);
    prop_oneof![
        6 => pick.clone().prop_map(str::to_owned),
        2 => (pick, any::<prop::sample::Index>(), "\\PC{0,12}").prop_map(|(line, at, junk)| {
            let cut: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
            let at = cut[at.index(cut.len())];
            format!("{}{junk}{}", &line[..at], &line[at..])
        }),
        2 => "\\PC{0,80}",
        2 => prop::sample::select(vec![
            ">>", ">> ", ">>:", ">> :", ">> A:", ">>>> CHAIR:", "CHAIR:", "(Pause)", "[", "(",
            ">> JORGE: (inaudible", "Participants:", "Agenda:", "1.", ">> UNESCO: item 9",
            "    indented", ">> É: ü", "Chair: Ana Neves", "Date: 31 February 2026",
        ])
        .prop_map(str::to_owned),
    ]
}

fn transcript_like_text() -> impl Strategy<Value = String> {
    props::joined_lines(transcript_line(), 60)
}

proptest! {
    #[test]
    fn printable_text_never_panics(input in "\\PC{0,1500}") {
        check_text(&input)?;
    }

    #[test]
    fn transcript_like_text_never_panics(input in transcript_like_text()) {
        check_text(&input)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let _ = ingest::read_transcript("prop.bin", &bytes, &PeopleHints::default());
    }

    #[test]
    fn mutated_transcripts_never_panic(
        input in transcript_like_text(),
        flips in props::flips(),
    ) {
        let bytes = props::flipped(input, flips);
        if let Ok(record) = ingest::read_transcript("prop.bin", &bytes, &PeopleHints::default()) {
            let text = ingest::input::decode(&bytes).expect("read_transcript decoded it");
            check_spans(&record, text.content.split('\n').count())?;
        }
    }
}

#[test]
fn the_samples_have_valid_spans() {
    for sample in SAMPLES {
        check_text(sample).expect("a sample reads with valid spans");
    }
}
