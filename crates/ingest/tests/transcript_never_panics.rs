//! Property tests: the transcript reader never panics, whatever it is given, every place it
//! reports points at a line that exists, and its confidence stays within 0–100.
//!
//! Inputs: arbitrary text, transcript-like text spliced from the lines of the test
//! transcripts and junk, and arbitrary or mutated bytes through decode-then-read.

use ingest::PeopleHints;
use model::{Record, Span};
use proptest::prelude::*;

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

fn check_spans(record: &Record, lines: usize) -> Result<(), TestCaseError> {
    let lines = u32::try_from(lines).unwrap_or(u32::MAX);
    let valid = |span: &Span| {
        if span.start_line == 0 {
            return span.end_line == 0;
        }
        (1..=lines).contains(&span.start_line)
            && (span.start_line..=lines).contains(&span.end_line)
            && span.column >= 1
    };
    let spans = record
        .diagnostics
        .iter()
        .map(|d| d.span)
        .chain(record.interventions.iter().map(|i| i.span))
        .chain(record.dates.iter().map(|d| d.span))
        .chain(record.action_items.iter().map(|a| a.span))
        .chain(record.decisions.iter().map(|d| d.span))
        .chain(record.participants.iter().map(|p| p.span))
        .chain(record.agenda_items().into_iter().map(|a| a.span))
        .chain([record.meeting.span]);
    for span in spans {
        prop_assert!(valid(&span), "a fact at {span:?} outside 1..={lines}");
    }
    for (index, intervention) in record.interventions.iter().enumerate() {
        prop_assert_eq!(intervention.order as usize, index + 1);
    }
    Ok(())
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
    let ending = prop::sample::select(vec!["\n", "\n", "\n\n", "\r\n", "\r"]);
    prop::collection::vec((transcript_line(), ending), 0..60).prop_map(|lines| {
        lines
            .into_iter()
            .fold(String::new(), |mut out, (line, end)| {
                out.push_str(&line);
                out.push_str(end);
                out
            })
    })
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
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = input.into_bytes();
        if !bytes.is_empty() {
            for (at, byte) in flips {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
        }
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
