//! Where a fact came from: lines and a column in the source text.

/// A place in the source text.
///
/// Lines are 1-based; `column` is the 1-based character column of the first character on
/// `start_line`. A span of `start_line == 0` means the fact has no single place in the source
/// (for example the chairs, which are collected from several participant lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start_line: u32,
    pub end_line: u32,
    pub column: u32,
}

impl Span {
    /// A span that covers part of one line.
    pub fn at(line: u32, column: u32) -> Span {
        Span {
            start_line: line,
            end_line: line,
            column,
        }
    }

    /// A span from the start of `start_line` through `end_line`.
    pub fn lines(start_line: u32, end_line: u32) -> Span {
        Span {
            start_line,
            end_line,
            column: 1,
        }
    }

    /// The span of a fact with no single place in the source.
    pub fn nowhere() -> Span {
        Span::default()
    }
}
