//! Which reader a text is for: every reader looks at the text and says how sure it is, and
//! the surest one reads it, unless the caller names the reader.
//!
//! Looking is cheap (the first few hundred lines, no full read) and never fails; a text no
//! reader is sure enough of is refused with the list of formats known, rather than read by
//! the least unlikely reader into a record full of nonsense.

use model::Record;

use crate::{
    InputError, PeopleHints, Text, input, irc_log, markdown_minutes, scribe_minutes,
    summary_report, transcript,
};

/// A reader of one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reader {
    /// Prose summary reports: "Summary Report", agenda, discussion, participants.
    SummaryReport,
    /// Raw IRC logs scribed in the W3C way: `<nick> text`, `present+`, `Topic:`, `RESOLVED:`.
    IrcLog,
    /// Scribe minutes mailed to a list: `Present:`, `Topic:` sections, `Full Name: text`.
    ScribeMinutes,
    /// Markdown minutes (IETF, TC39, steering committees): attendees, items, `Name:` turns.
    MarkdownMinutes,
    /// Captioning transcripts as published for UN and IGF meetings: `>> NAME: text` turns.
    Transcript,
}

impl Reader {
    /// Every reader, in the order detection reports ties.
    pub const ALL: [Reader; 5] = [
        Reader::SummaryReport,
        Reader::IrcLog,
        Reader::ScribeMinutes,
        Reader::MarkdownMinutes,
        Reader::Transcript,
    ];

    /// The reader's stable name, as `source.reader` and `--from` write it.
    pub fn name(self) -> &'static str {
        match self {
            Reader::SummaryReport => summary_report::READER,
            Reader::IrcLog => irc_log::READER,
            Reader::ScribeMinutes => scribe_minutes::READER,
            Reader::MarkdownMinutes => markdown_minutes::READER,
            Reader::Transcript => transcript::READER,
        }
    }

    /// What the format is, in a few words, for help texts and error messages.
    pub fn describe(self) -> &'static str {
        match self {
            Reader::SummaryReport => "prose summary report",
            Reader::IrcLog => "IRC log scribed in the W3C way",
            Reader::ScribeMinutes => "scribe minutes mailed to a list",
            Reader::MarkdownMinutes => "Markdown minutes",
            Reader::Transcript => "captioning transcript",
        }
    }

    /// The reader called `name`, if any.
    pub fn parse(name: &str) -> Option<Reader> {
        Reader::ALL.into_iter().find(|reader| reader.name() == name)
    }

    /// How sure this reader is that `text` is in its format, from 0 (not at all) to 100.
    pub fn confidence(self, text: &Text) -> u8 {
        match self {
            Reader::SummaryReport => summary_report::confidence(text),
            Reader::IrcLog => irc_log::confidence(text),
            Reader::ScribeMinutes => scribe_minutes::confidence(text),
            Reader::MarkdownMinutes => markdown_minutes::confidence(text),
            Reader::Transcript => transcript::confidence(text),
        }
    }

    /// Reads `text` with this reader.
    pub fn read(self, text: &Text, path: &str, hints: &PeopleHints) -> Record {
        match self {
            Reader::SummaryReport => summary_report::read(text, path, hints),
            Reader::IrcLog => irc_log::read(text, path, hints),
            Reader::ScribeMinutes => scribe_minutes::read(text, path, hints),
            Reader::MarkdownMinutes => markdown_minutes::read(text, path, hints),
            Reader::Transcript => transcript::read(text, path, hints),
        }
    }
}

impl std::fmt::Display for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The confidence a reader needs before it is chosen without being asked for.
pub const THRESHOLD: u8 = 30;

/// One reader's opinion of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    pub reader: Reader,
    /// From 0 to 100.
    pub confidence: u8,
}

/// Every reader's confidence, surest first (ties in the order of [`Reader::ALL`]).
pub fn detect(text: &Text) -> Vec<Guess> {
    let mut guesses: Vec<Guess> = Reader::ALL
        .into_iter()
        .map(|reader| Guess {
            reader,
            confidence: reader.confidence(text).min(100),
        })
        .collect();
    guesses.sort_by_key(|guess| std::cmp::Reverse(guess.confidence));
    guesses
}

/// The surest reader of `text`: the first of [`detect`], without asking the readers that
/// come after one sure beyond doubt (100 %), since they could at best tie with it and a tie
/// goes to the reader listed first. A summary report, the commonest text and the first
/// reader's, is then looked at by one reader instead of five.
pub fn best(text: &Text) -> Guess {
    let mut best: Option<Guess> = None;
    for reader in Reader::ALL {
        let confidence = reader.confidence(text).min(100);
        if best.is_none_or(|b| confidence > b.confidence) {
            best = Some(Guess { reader, confidence });
        }
        if confidence == 100 {
            break;
        }
    }
    best.expect("there is at least one reader")
}

/// How a text came to be read by the reader that read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The caller named the reader.
    Named(Reader),
    /// The surest reader, with every reader's confidence (surest first).
    Detected(Vec<Guess>),
}

impl Choice {
    pub fn reader(&self) -> Reader {
        match self {
            Choice::Named(reader) => *reader,
            Choice::Detected(guesses) => guesses[0].reader,
        }
    }

    /// One line for people: "summary-report (detected, confidence 85%; next: transcript 10%)".
    pub fn describe(&self) -> String {
        match self {
            Choice::Named(reader) => format!("{reader} (as asked)"),
            Choice::Detected(guesses) => {
                let mut line = format!(
                    "{} (detected, confidence {}%",
                    guesses[0].reader, guesses[0].confidence
                );
                if let Some(next) = guesses.get(1).filter(|g| g.confidence > 0) {
                    line.push_str(&format!("; next: {} {}%", next.reader, next.confidence));
                }
                line.push(')');
                line
            }
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{}", unrecognised(.0))]
    Unrecognised(Vec<Guess>),
}

fn unrecognised(guesses: &[Guess]) -> String {
    let known: Vec<String> = Reader::ALL
        .iter()
        .map(|reader| format!("{} ({})", reader.name(), reader.describe()))
        .collect();
    let best = guesses
        .first()
        .filter(|g| g.confidence > 0)
        .map(|g| format!("; the closest is {} at {}%", g.reader, g.confidence))
        .unwrap_or_default();
    format!(
        "the text fits none of the formats known: {}{best}; name one with --from",
        known.join(", ")
    )
}

/// Decodes `bytes` and reads them with `reader`, or with the surest reader when `None`.
pub fn read(
    path: &str,
    bytes: &[u8],
    hints: &PeopleHints,
    reader: Option<Reader>,
) -> Result<(Record, Choice, Text), ReadError> {
    let text = input::decode(bytes)?;
    let choice = match reader {
        Some(reader) => Choice::Named(reader),
        None => {
            let guesses = detect(&text);
            if guesses[0].confidence < THRESHOLD {
                return Err(ReadError::Unrecognised(guesses));
            }
            Choice::Detected(guesses)
        }
    };
    let record = choice.reader().read(&text, path, hints);
    Ok((record, choice, text))
}

/// [`read`] for a caller that needs the record and not every reader's opinion (an import):
/// the reader is chosen by [`best`], and returned instead of the [`Choice`]. A text no
/// reader is sure enough of is refused with every reader's confidence, as by `read`.
pub fn read_best(
    path: &str,
    bytes: &[u8],
    hints: &PeopleHints,
    reader: Option<Reader>,
) -> Result<(Record, Reader, Text), ReadError> {
    let text = input::decode(bytes)?;
    let reader = match reader {
        Some(reader) => reader,
        None => {
            let guess = best(&text);
            if guess.confidence < THRESHOLD {
                return Err(ReadError::Unrecognised(detect(&text)));
            }
            guess.reader
        }
    };
    let record = reader.read(&text, path, hints);
    Ok((record, reader, text))
}

/// The first lines of a text, at most `max`, as a cheap sample for [`Reader::confidence`].
pub(crate) fn head(text: &Text, max: usize) -> impl Iterator<Item = &str> {
    text.content.lines().take(max)
}
