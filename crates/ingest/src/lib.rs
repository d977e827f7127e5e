//! Readers: the text working groups already write, turned into a [`model::Record`].
//!
//! Reading is pure: no files, no clock, no environment. [`input::decode`] turns bytes into
//! trusted text or a one-line reason why not; a reader then always returns a record together
//! with every diagnostic it found, each pointing at a line and column, rather than stopping at
//! the first problem. A text that is no report at all yields a record whose diagnostics
//! contain a `not-a-report` error.

mod actions;
pub mod attendance;
mod attribution;
mod cues;
mod dates;
pub mod detect;
mod hints;
pub mod input;
pub mod irc_log;
pub mod markdown_minutes;
mod participants;
mod references;
mod roster;
mod scribe;
pub mod scribe_minutes;
pub mod summary_report;
mod text;
pub mod transcript;

pub use detect::{Choice, Guess, ReadError, Reader};
pub use hints::{HintsError, PeopleHints, PersonHint};
pub use input::{InputError, Text};

/// Reads a file's bytes as a summary report: decode, then read.
pub fn read_summary_report(
    path: &str,
    bytes: &[u8],
    hints: &PeopleHints,
) -> Result<model::Record, InputError> {
    let text = input::decode(bytes)?;
    Ok(summary_report::read(&text, path, hints))
}

/// Reads a file's bytes as the raw IRC log of a scribed meeting: decode, then read.
pub fn read_irc_log(
    path: &str,
    bytes: &[u8],
    hints: &PeopleHints,
) -> Result<model::Record, InputError> {
    let text = input::decode(bytes)?;
    Ok(irc_log::read(&text, path, hints))
}

/// Reads a file's bytes as scribed minutes mailed to a list: decode, then read.
pub fn read_scribe_minutes(
    path: &str,
    bytes: &[u8],
    hints: &PeopleHints,
) -> Result<model::Record, InputError> {
    let text = input::decode(bytes)?;
    Ok(scribe_minutes::read(&text, path, hints))
}

/// Reads a file's bytes as Markdown minutes: decode, then read.
pub fn read_markdown_minutes(
    path: &str,
    bytes: &[u8],
    hints: &PeopleHints,
) -> Result<model::Record, InputError> {
    let text = input::decode(bytes)?;
    Ok(markdown_minutes::read(&text, path, hints))
}

/// Reads a file's bytes as a captioning transcript: decode, then read.
pub fn read_transcript(
    path: &str,
    bytes: &[u8],
    hints: &PeopleHints,
) -> Result<model::Record, InputError> {
    let text = input::decode(bytes)?;
    Ok(transcript::read(&text, path, hints))
}
