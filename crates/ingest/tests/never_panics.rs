//! Property tests: the summary-report reader never panics, whatever it is given, and every
//! place it reports points at a line that exists.
//!
//! Three kinds of input: arbitrary text (any Unicode, with `\r`, `\n` and the punctuation the
//! reader splits on), report-like text spliced from the lines of the seed report and junk, and
//! arbitrary bytes through the whole decode-then-read path. Cases are bounded so the file
//! runs in a few seconds in a debug build.

use ingest::PeopleHints;
use proptest::prelude::*;

mod props;
use props::check_spans;

const SEED: &str = include_str!("../test_data/summary-report/seed-igf-wg-strategy-106.txt");

/// The one caller of the reader: decode, read, and check every span against the text.
fn check_text(input: &str) -> Result<(), TestCaseError> {
    let Ok(text) = ingest::input::decode(input.as_bytes()) else {
        return Ok(());
    };
    let hints = jorge_hints();
    for hints in [&PeopleHints::default(), &hints] {
        let record = ingest::summary_report::read(&text, "prop.txt", hints);
        check_spans(&record, text.content.lines().count())?;
    }
    Ok(())
}

fn jorge_hints() -> PeopleHints {
    PeopleHints::parse("[[person]]\nname = \"Jorge Cancio\"\naliases = [\"Jorge\"]\n")
        .expect("the hints are valid TOML")
}

/// Any characters, weighted towards those the reader treats specially.
fn tricky_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => any::<char>(),
        2 => prop::sample::select(vec![
            '\n', '\r', '.', ',', ';', ':', '(', ')', '[', ']', '#', '*', '_', '-', '–', '—',
            '’', '\'', '"', '“', '”', '…', '\u{feff}', '\u{200b}', '\u{301}', ' ', '\t',
        ]),
        1 => prop::sample::select(vec!['J', 'o', 'r', 'g', 'e', 'A', 'n', 'a', '1', '0', '6']),
    ];
    prop::collection::vec(ch, 0..2000).prop_map(|chars| chars.into_iter().collect())
}

/// One line of a report-like text: a seed line, a mangled seed line, or junk.
fn report_line() -> impl Strategy<Value = String> {
    let seed: Vec<&'static str> = SEED.lines().collect();
    let pick = prop::sample::select(seed);
    prop_oneof![
        6 => pick.clone().prop_map(str::to_owned),
        2 => (pick.clone(), any::<prop::sample::Index>(), "\\PC{0,12}").prop_map(|(line, at, junk)| {
            // Cut at a char boundary and splice junk in: half a name, a stray bracket.
            let cut = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect::<Vec<_>>();
            let at = cut[at.index(cut.len())];
            format!("{}{junk}{}", &line[..at], &line[at..])
        }),
        1 => (pick, any::<prop::sample::Index>()).prop_map(|(line, at)| {
            let words: Vec<&str> = line.split(' ').collect();
            words[..at.index(words.len() + 1)].join(" ")
        }),
        1 => header_time(),
        2 => "\\PC{0,80}",
        1 => prop::sample::select(vec![
            "", "Agenda", "Discussion", "List of participants", "## Agenda", "n/a",
            "1. Jorge", "Jorge also agreed.", "He also noted that para 101 is due by 5 December.",
            "Present: Ana Neves, Jorge Cancio, Jorge Perez", "- ", "1.", "Item 4:", "(", "#",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A header's date and time, with numbers out of range as often as in range.
fn header_time() -> impl Strategy<Value = String> {
    // The twelve months and one that does not exist.
    let months: Vec<&str> = model::MONTH_NAMES
        .iter()
        .copied()
        .chain(["Smarch"])
        .collect();
    let zone = prop::sample::select(vec![
        "UTC",
        "CET",
        "pm UTC",
        "am GMT",
        "UTC+2",
        "Geneva time (CET)",
    ]);
    (
        0u8..40,
        prop::sample::select(months),
        1990u16..2100,
        0u8..40,
        0u8..100,
        zone,
    )
        .prop_map(|(day, month, year, hour, minute, zone)| {
            format!("{day} {month} {year} at {hour}:{minute:02} {zone}")
        })
}

/// A report-like text: lines joined by a random mix of line endings.
fn report_like_text() -> impl Strategy<Value = String> {
    props::joined_lines(report_line(), 80)
}

// proptest's default of 256 cases per property keeps a debug run to a few seconds; set
// `PROPTEST_CASES=5000` for a longer hunt.
proptest! {
    #[test]
    fn printable_text_never_panics(input in "\\PC{0,2000}") {
        check_text(&input)?;
    }

    #[test]
    fn tricky_text_never_panics(input in tricky_text()) {
        check_text(&input)?;
    }

    #[test]
    fn report_like_text_never_panics(input in report_like_text()) {
        check_text(&input)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        let _ = ingest::read_summary_report("prop.bin", &bytes, &PeopleHints::default());
    }

    #[test]
    fn mostly_text_bytes_never_panic(
        input in report_like_text(),
        flips in props::flips(),
    ) {
        // Report-like bytes with a few bytes overwritten: invalid UTF-8 deep inside a report.
        let bytes = props::flipped(input, flips);
        if let Ok(record) = ingest::read_summary_report("prop.bin", &bytes, &PeopleHints::default()) {
            let text = ingest::input::decode(&bytes).expect("read_summary_report decoded it");
            check_spans(&record, text.content.lines().count())?;
        }
    }
}

#[test]
fn the_seed_itself_has_valid_spans() {
    check_text(SEED).expect("the seed report reads with valid spans");
}

/// Inputs the properties above once shrank to, kept so they are checked on every run.
#[test]
fn reduced_cases_read_with_valid_spans() {
    for input in [
        // A participant line of a symbol, a space and a full stop: the honorific was sliced
        // inside the two-byte '®'.
        "List of participants\n® .\n",
        // The same with an honorific and old Mac line endings.
        "List of participants\r1. Dr. Jane Doe .\r2. Mr. Ω .\r",
        // An hour past 23 in the header: `Date::at` panicked before the range check.
        "Working Group\n4 December 2025 at 25:00 UTC\n",
    ] {
        check_text(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}
