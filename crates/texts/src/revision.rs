//! A revision as the reader leaves it: its title and its paragraphs, each with the number the
//! negotiators wrote, its kind, its place in the source and its contested (square-bracketed)
//! text. This is plain data; reading is in `read`, comparing in `align` and `diff`.

use serde::Serialize;

/// One version of a negotiated document (a zero draft, Rev1, Rev2, the final text).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Revision {
    /// The document's title as the revision states it (a Markdown `#` heading at the top, a
    /// DOCX `Title` paragraph, or a plain first line); `None` when it states none.
    pub title: Option<String>,
    /// The paragraphs in document order, headings included.
    pub paragraphs: Vec<Paragraph>,
    /// What the reader doubted but read anyway (an unclosed bracket, say).
    pub warnings: Vec<Warning>,
}

/// One paragraph, heading or sub-paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// The display number exactly as written, without its trailing full stop: `54`,
    /// `54 bis`, `54tre`, `PP3`, `OP12`, `(a)`, `(iii)`. `None` for headings and unnumbered
    /// paragraphs.
    pub number: Option<String>,
    pub kind: ParagraphKind,
    /// Heading level (1 for `#`) for headings; nesting depth (1 for `(a)`, 2 for `(i)` under
    /// it) for sub-paragraphs; 0 otherwise.
    pub level: u8,
    /// Index in [`Revision::paragraphs`] of the enclosing paragraph of a sub-paragraph.
    pub parent: Option<usize>,
    /// The paragraph's words without its number or status tag; square brackets kept as written.
    /// Lines wrapped in the source are joined with one space.
    pub text: String,
    /// A status tag as written, brackets included: `[Suggested for Closure]`, `[agreed ad ref]`.
    pub status: Option<String>,
    /// Byte ranges in `text` of square-bracketed contested text, brackets included; nested
    /// brackets lie inside their outer range and are not listed separately.
    pub brackets: Vec<(usize, usize)>,
    /// 1-based line in the source where the paragraph starts (for DOCX: the ordinal of the
    /// paragraph, `<w:p>`, in `word/document.xml`).
    pub line: u32,
    /// 1-based column, in characters, where the paragraph starts on that line.
    pub column: u32,
}

/// What a paragraph is in the structure of a UN-style text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphKind {
    /// A section or sub-section heading.
    Heading,
    /// A preambular paragraph: numbered `PP3`, or unnumbered and opening with a participle
    /// ("Recalling …,", "Reaffirming …,").
    Preambular,
    /// An operative paragraph: numbered `12`, `54 bis` or `OP12`.
    Operative,
    /// A sub-paragraph: `(a)`, `(iii)`, under its parent.
    Sub,
    /// Any other paragraph of text.
    Unnumbered,
}

/// A doubt the reader recorded while reading a revision it could read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl Revision {
    /// The index of the paragraph with this display number, if exactly one has it. Spaces and
    /// case are ignored, so `54 bis`, `54bis` and `54 Bis` name the same paragraph; sub-paragraph
    /// numbers such as `(a)` repeat under different parents and are found with `find_sub`.
    pub fn find(&self, number: &str) -> Option<usize> {
        let wanted = crate::number::normalise(number);
        let mut found = self.paragraphs.iter().enumerate().filter(|(_, p)| {
            p.kind != ParagraphKind::Sub
                && p.number
                    .as_deref()
                    .is_some_and(|n| crate::number::normalise(n) == wanted)
        });
        let first = found.next().map(|(i, _)| i);
        if found.next().is_some() { None } else { first }
    }

    /// The index of sub-paragraph `number` (`(a)`) directly under paragraph `parent`.
    pub fn find_sub(&self, parent: usize, number: &str) -> Option<usize> {
        let wanted = crate::number::normalise(number);
        self.paragraphs.iter().position(|p| {
            p.parent == Some(parent)
                && p.number
                    .as_deref()
                    .is_some_and(|n| crate::number::normalise(n) == wanted)
        })
    }

    /// The number of words in all paragraphs, as a reader would count them.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    }
}
