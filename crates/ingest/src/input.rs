//! Turning the bytes of a file into text a reader can trust.
//!
//! Every reader starts here, so every reader rejects the same bad input the same way:
//! empty, binary, not UTF-8 or too large. The text that comes out has no byte-order mark
//! and `\n` line endings, and keeps the line numbering of the original file.

use sha2::{Digest, Sha256};

/// The largest report a reader accepts. Real reports are tens of kilobytes; a file
/// hundreds of times larger is not a report and would only make every later step slow.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Why a file cannot be read as text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has no text, only white space")]
    Blank,
    #[error("the file is binary, not text (a NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("the file is not valid UTF-8 (invalid byte at line {line}, column {column})")]
    InvalidUtf8 { line: usize, column: usize },
    #[error("the file is too large ({size} bytes; a report may have at most {max} bytes)")]
    TooLarge { size: usize, max: usize },
}

/// Decoded source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text with `\n` line endings and no byte-order mark.
    pub content: String,
    /// Hex SHA-256 of the original bytes.
    pub sha256: String,
    /// Whether the original used `\r\n` line endings.
    pub crlf: bool,
}

/// Decodes a file's bytes, or says in one sentence why they are not a text report.
pub fn decode(bytes: &[u8]) -> Result<Text, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            max: MAX_BYTES,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let before = &bytes[..error.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            return Err(InputError::InvalidUtf8 { line, column });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::Blank);
    }
    let crlf = text.contains("\r\n");
    // A lone `\r` (old Mac endings) is a line break too, so line numbers agree with editors.
    let content = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    };
    Ok(Text {
        content,
        sha256: hex_sha256(bytes),
        crlf,
    })
}

/// Hex SHA-256 of some bytes, as a record's `source.sha256` gives it.
pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest.iter() {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_input_with_a_reason() {
        assert_eq!(decode(b""), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(InputError::Blank));
        assert_eq!(decode(b"ab\0cd"), Err(InputError::Binary { offset: 2 }));
        assert_eq!(
            decode(b"line one\nab\xffcd"),
            Err(InputError::InvalidUtf8 { line: 2, column: 3 })
        );
        let huge = vec![b'a'; MAX_BYTES + 1];
        assert!(matches!(decode(&huge), Err(InputError::TooLarge { .. })));
    }

    #[test]
    fn normalises_line_endings_and_bom() {
        let text = decode("\u{feff}a\r\nb\rc\n".as_bytes()).expect("valid text");
        assert_eq!(text.content, "a\nb\nc\n");
        assert!(text.crlf);
        assert_eq!(text.sha256.len(), 64);
    }
}
