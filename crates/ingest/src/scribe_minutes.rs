//! Scribed minutes as mailed to a list (placeholder until the reader lands).

use model::Record;

use crate::{PeopleHints, Text};

/// The reader's stable name, in `source.reader`.
pub const READER: &str = "scribe-minutes";

pub fn confidence(_text: &Text) -> u8 {
    0
}

pub fn read(_text: &Text, _path: &str, _hints: &PeopleHints) -> Record {
    Record::default()
}
