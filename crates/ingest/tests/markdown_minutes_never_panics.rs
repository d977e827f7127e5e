//! Property tests: the Markdown-minutes reader and its confidence never panic, whatever they
//! are given, and every place the reader reports points at a line that exists.
//!
//! Inputs: arbitrary text, text weighted towards the characters Markdown minutes are made of
//! (`#`, `-`, `|`, `@`, `:`, `[ ]`, backticks), minutes-like text spliced and mangled from the
//! lines of the test documents, and arbitrary or mutated bytes through decode-then-read.

use ingest::PeopleHints;
use proptest::prelude::*;

mod props;
use props::check_spans;

const DOCUMENTS: [&str; 10] = [
    include_str!("../test_data/markdown-minutes/ietf-wg-headings.md"),
    include_str!("../test_data/markdown-minutes/tc39-table.md"),
    include_str!("../test_data/markdown-minutes/steering-handles.md"),
    include_str!("../test_data/markdown-minutes/inline-present.md"),
    include_str!("../test_data/markdown-minutes/no-attendees.md"),
    include_str!("../test_data/markdown-minutes/front-matter-agenda.md"),
    include_str!("../test_data/markdown-minutes/crlf-bold-labels.md"),
    include_str!("../test_data/markdown-minutes/tsc-github-table.md"),
    include_str!("../test_data/markdown-minutes/ietf-interim-paragraphs.md"),
    include_str!("../test_data/markdown-minutes/maintainers-call.md"),
];

/// The one caller of the reader: decode, read with and without hints, check every span.
fn check_text(input: &str) -> Result<(), TestCaseError> {
    let Ok(text) = ingest::input::decode(input.as_bytes()) else {
        return Ok(());
    };
    let score = ingest::markdown_minutes::confidence(&text);
    prop_assert!(score <= 100);
    let lines = text.content.lines().count();
    for hints in [&PeopleHints::default(), &sam_hints()] {
        let record = ingest::markdown_minutes::read(&text, "prop.md", hints);
        prop_assert_eq!(record.source.reader.as_str(), "markdown-minutes");
        check_spans(&record, lines)?;
    }
    Ok(())
}

fn sam_hints() -> PeopleHints {
    PeopleHints::parse("[[person]]\nname = \"Sam Petrenko\"\naliases = [\"Sam\", \"@sam\"]\n")
        .expect("the hints are valid TOML")
}

/// Any characters, weighted towards those the reader treats specially.
fn tricky_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => any::<char>(),
        3 => prop::sample::select(vec![
            '\n', '\n', '\r', '#', '-', '*', '+', '|', '@', ':', '[', ']', '(', ')', '`', '~',
            '_', '>', '<', '!', ' ', ' ', '\t', '.', ',', '1', '2', '—', '–', '\u{feff}',
            '\u{301}', 'é', 'Ω',
        ]),
        2 => prop::sample::select(vec!['A', 'n', 'a', 'S', 'a', 'm', 'X', 'Y', 'Z', 'x']),
    ];
    prop::collection::vec(ch, 0..2000).prop_map(|chars| chars.into_iter().collect())
}

/// One line of minutes-like text: a document line, a mangled one, or a tricky fragment.
fn minutes_line() -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = DOCUMENTS.iter().flat_map(|d| d.lines()).collect();
    let pick = prop::sample::select(lines);
    prop_oneof![
        6 => pick.clone().prop_map(str::to_owned),
        2 => (pick.clone(), any::<prop::sample::Index>(), "\\PC{0,12}").prop_map(|(line, at, junk)| {
            let cut: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
            let at = cut[at.index(cut.len())];
            format!("{}{junk}{}", &line[..at], &line[at..])
        }),
        1 => (pick, 0usize..8).prop_map(|(line, spaces)| format!("{}{line}", " ".repeat(spaces))),
        2 => prop::sample::select(vec![
            "", "---", "```", "~~~", "<!--", "-->", "# ", "## Attendees", "## Regrets",
            "## Agenda", "### Conclusion", "## Action items", "## Next meeting", "Present:",
            "Agenda:", "Decisions:", "Action items:", "| Name | Abbreviation | Organization |",
            "|---|---|---|", "| | | |", "|", "- ", "1.", "1. Sam: x", "- [ ] @sam to", "- [x]",
            "Sam:", "@:", "@sam:", "XYZ:", "Chair:", "**:**", "**Sam**:", "*", "**", "- **Sam:",
            "10:30: x", "https://x: y", "Date: 31 February 2026", "Time: 25:00 UTC",
            "Action: Sam and @x and Bo to do it by 40 March", "(", ")", "()", "(@)",
        ])
        .prop_map(str::to_owned),
        1 => "\\PC{0,60}",
    ]
}

fn minutes_like_text() -> impl Strategy<Value = String> {
    props::joined_lines(minutes_line(), 80)
}

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
    fn minutes_like_text_never_panics(input in minutes_like_text()) {
        check_text(&input)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        let _ = ingest::read_markdown_minutes("prop.bin", &bytes, &PeopleHints::default());
    }

    #[test]
    fn mutated_minutes_never_panic(
        input in minutes_like_text(),
        flips in props::flips(),
    ) {
        let bytes = props::flipped(input, flips);
        if let Ok(record) = ingest::read_markdown_minutes("prop.bin", &bytes, &PeopleHints::default()) {
            let text = ingest::input::decode(&bytes).expect("read_markdown_minutes decoded it");
            check_spans(&record, text.content.lines().count())?;
        }
    }
}

#[test]
fn every_document_has_valid_spans() {
    for document in DOCUMENTS {
        check_text(document).expect("a test document reads with valid spans");
    }
}
