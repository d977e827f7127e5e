//! Why the bytes of a revision could not be read: one variant per cause, each displayed as one
//! lowercase line that names the problem and, where there is one, its place.

/// Why a revision could not be read. Nothing is returned alongside: a caller stores nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large ({size} bytes; a revision may have at most {max} bytes)")]
    TooLarge { size: usize, max: usize },
    #[error("the file is binary, not text (a NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("the file is not valid UTF-8 (invalid byte at line {line}, column {column})")]
    NotUtf8 { line: usize, column: usize },
    #[error("the file is named .docx but is not a zip archive, so it is no DOCX document")]
    NotAZip,
    #[error("the DOCX archive cannot be read: {reason}")]
    BadZip { reason: String },
    #[error("the DOCX archive has no word/document.xml, so it is no Word document")]
    NoDocumentXml,
    #[error("{part} is not well-formed XML at byte {offset}: {reason}")]
    InvalidXml {
        part: String,
        offset: u64,
        reason: String,
    },
    #[error("the file has no text, only white space")]
    Blank,
    #[error(
        "no recognisable paragraphs: not one is numbered as a negotiated text numbers them (1., 54 bis., PP3., OP12, (a))"
    )]
    NoParagraphs,
    #[error(
        "duplicate paragraph number {number:?} at line {line} (first at line {first_line}); each number may appear once"
    )]
    DuplicateNumber {
        number: String,
        first_line: u32,
        line: u32,
    },
}
