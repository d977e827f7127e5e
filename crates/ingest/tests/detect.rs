//! Format detection over every test document the project keeps: each is read by its own
//! reader, a text that fits no format is refused with the list, and a named reader reads
//! whatever it is given.

use ingest::detect::{Choice, ReadError, Reader, THRESHOLD, best, detect, read, read_best};
use ingest::{PeopleHints, Text, input};

fn text(content: &str) -> Text {
    input::decode(content.as_bytes()).expect("test text decodes")
}

#[test]
fn the_seed_is_a_summary_report() {
    let seed = include_str!("../test_data/summary-report/seed-igf-wg-strategy-106.txt");
    let guesses = detect(&text(seed));
    assert_eq!(guesses[0].reader, Reader::SummaryReport);
    assert!(guesses[0].confidence >= 80, "{guesses:?}");
}

#[test]
fn a_shopping_list_fits_no_reader() {
    let error = read(
        "list.txt",
        b"eggs\nmilk\nbread\n",
        &PeopleHints::default(),
        None,
    )
    .expect_err("no reader fits");
    let message = error.to_string();
    assert!(message.contains("summary-report"), "{message}");
    assert!(message.contains("--from"), "{message}");
}

/// Reading with the surest reader alone refuses what `read` refuses, with every reader's
/// confidence, and reads what it reads with the same reader.
#[test]
fn reading_with_the_best_reader_alone_agrees_with_reading_after_every_guess() {
    let hints = PeopleHints::default();
    match read_best("list.txt", b"eggs\nmilk\nbread\n", &hints, None) {
        Err(ReadError::Unrecognised(guesses)) => assert_eq!(guesses.len(), Reader::ALL.len()),
        other => panic!("a shopping list is read: {other:?}"),
    }
    let seed = include_bytes!("../test_data/summary-report/seed-igf-wg-strategy-106.txt");
    let (record, choice, _) = read("seed.txt", seed, &hints, None).expect("read");
    let (quick, reader, _) = read_best("seed.txt", seed, &hints, None).expect("read");
    assert_eq!(choice.reader(), reader);
    assert_eq!(record, quick);
}

#[test]
fn a_named_reader_reads_whatever_it_is_given() {
    let (record, choice, _) = read(
        "list.txt",
        b"eggs\nmilk\n",
        &PeopleHints::default(),
        Some(Reader::SummaryReport),
    )
    .expect("decodes");
    assert_eq!(choice, Choice::Named(Reader::SummaryReport));
    assert!(record.has_errors(), "a shopping list is not a report");
}

#[test]
fn every_reader_name_parses_back() {
    for reader in Reader::ALL {
        assert_eq!(Reader::parse(reader.name()), Some(reader));
    }
}

/// Every test document of every reader is recognised as its own format, and with a
/// margin over the next: the folder a document sits in names its reader.
#[test]
fn every_fixture_is_read_by_its_own_reader() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    for reader in Reader::ALL {
        let mut seen = 0;
        let folder = root.join(reader.name());
        for entry in std::fs::read_dir(&folder).expect("every reader has test documents") {
            let path = entry.expect("entry").path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden || path.extension().is_some_and(|e| e == "json" || e == "toml") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            let Ok(text) = input::decode(&bytes) else {
                continue;
            };
            let guesses = detect(&text);
            assert_eq!(best(&text), guesses[0], "{path:?}: {guesses:?}");
            // A test of bad input is recognised by nobody, or by its own reader.
            let bad = path.to_string_lossy().contains("not-");
            if bad && guesses[0].confidence < THRESHOLD {
                continue;
            }
            assert_eq!(guesses[0].reader, reader, "{path:?}: {guesses:?}");
            assert!(guesses[0].confidence >= THRESHOLD, "{path:?}: {guesses:?}");
            assert!(
                guesses[1].confidence < guesses[0].confidence,
                "{path:?}: a tie {guesses:?}"
            );
            seen += 1;
        }
        assert!(seen >= 6, "{reader}: only {seen} documents");
    }
}

/// Every summary report the project keeps, real or written for tests, is recognised.
#[test]
fn every_summary_report_fixture_is_recognised() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders = [
        root.join("test_data/summary-report"),
        root.join("../../examples/archive"),
    ];
    let mut seen = 0;
    // Reports the other readers need not be asked about (`best` stops at 100 %).
    let mut sure = 0;
    for folder in folders {
        for entry in std::fs::read_dir(&folder).expect("the folder exists") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            let text = input::decode(&bytes).expect("decodes");
            let guesses = detect(&text);
            assert_eq!(guesses[0].reader, Reader::SummaryReport, "{path:?}");
            assert_eq!(best(&text), guesses[0], "{path:?}: {guesses:?}");
            sure += usize::from(guesses[0].confidence == 100);
            assert!(
                guesses[0].confidence >= 50,
                "{path:?}: {}",
                guesses[0].confidence
            );
            eprintln!("{}: {}", path.display(), guesses[0].confidence);
            seen += 1;
        }
    }
    assert!(seen >= 20, "only {seen} reports found");
    assert!(sure >= 10, "only {sure} reports at 100 %");
}
