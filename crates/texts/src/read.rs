//! Reading a revision: bytes in, a [`Revision`] or one [`TextError`] out.
//!
//! The format is decided by the bytes, not the name: a zip archive (`PK\x03\x04`) is read as
//! DOCX, anything else as plain text or Markdown, which share one reader. A file named `.docx`
//! that is no zip is refused rather than read as text. Both readers turn their input into
//! [`Item`]s (a paragraph's number, words and place), and [`assemble`] makes the revision from
//! them the same way for every format: title, headings, nesting of sub-paragraphs, status tags,
//! brackets, and the checks that refuse a revision (no numbered paragraph, a number used twice).

use std::collections::HashMap;

use crate::error::TextError;
use crate::number::{self, Label, SubStyle};
use crate::revision::{Paragraph, ParagraphKind, Revision, Warning};

/// The largest revision accepted, in bytes of the file as given. A 300-paragraph outcome
/// document is about 200 KB as text and under 100 KB as DOCX; thirty-two megabytes leave room
/// for DOCX files with images while refusing what is no negotiated text.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// One paragraph as a format reader found it, before the shared rules are applied.
#[derive(Debug, Clone, Default)]
pub(crate) struct Item {
    pub line: u32,
    pub column: u32,
    /// The number at its start, if any.
    pub label: Option<Label>,
    /// A heading level the format states (Markdown `#`, a DOCX heading style).
    pub heading: Option<u8>,
    /// The format marks it as the document's title (DOCX `Title` style).
    pub title: bool,
    /// A nesting depth the format states (DOCX automatic numbering level).
    pub depth: Option<u8>,
    /// The words after the number.
    pub text: String,
    /// Source lines the paragraph spans (1 for DOCX).
    pub lines: u32,
}

/// Reads one revision of a negotiated text. `path` is used only to refuse a `.docx` that is
/// not a zip archive; the format is decided by the bytes.
pub fn read_revision(path: &str, bytes: &[u8]) -> Result<Revision, TextError> {
    if bytes.is_empty() {
        return Err(TextError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(TextError::TooLarge {
            size: bytes.len(),
            max: MAX_BYTES,
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return assemble(crate::docx::items(bytes)?);
    }
    if path.to_ascii_lowercase().ends_with(".docx") {
        return Err(TextError::NotAZip);
    }
    let text = decode(bytes)?;
    assemble(crate::plain::items(&text))
}

/// Bytes to text: no NUL byte, valid UTF-8, no byte-order mark, `\n` line endings.
fn decode(bytes: &[u8]) -> Result<String, TextError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(TextError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let before = &bytes[..error.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        TextError::NotUtf8 { line, column }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TextError::Blank);
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    })
}

/// What [`assemble`] remembers about the sub-paragraph list it is in.
#[derive(Clone)]
struct OpenSub {
    index: usize,
    depth: u8,
    display: String,
    style: SubStyle,
}

/// Makes a revision from the items of any format.
pub(crate) fn assemble(items: Vec<Item>) -> Result<Revision, TextError> {
    let mut revision = Revision::default();
    let mut start = 0;
    if let Some(first) = items.first() {
        let implicit = first.label.is_none()
            && first.heading.is_none()
            && first.lines == 1
            && looks_like_title(&first.text);
        if first.title || first.heading == Some(1) || implicit {
            revision.title = Some(first.text.trim().to_owned());
            start = 1;
        }
    }
    // The paragraph sub-paragraphs hang from, and the open sub-paragraph at each depth.
    let mut top: Option<usize> = None;
    let mut open: Vec<OpenSub> = Vec::new();
    for (at, item) in items.iter().enumerate().skip(start) {
        let index = revision.paragraphs.len();
        let (text, status) = number::split_status(&item.text);
        let mut paragraph = Paragraph {
            number: None,
            kind: ParagraphKind::Unnumbered,
            level: 0,
            parent: None,
            text,
            status,
            brackets: Vec::new(),
            line: item.line,
            column: item.column,
        };
        let next_numbered = items.get(at + 1).is_some_and(|i| i.label.is_some());
        if let Some(level) = item.heading.or_else(|| item.title.then_some(1)) {
            paragraph.kind = ParagraphKind::Heading;
            paragraph.level = level;
            top = None;
            open.clear();
        } else if let Some(label) = &item.label {
            paragraph.number = Some(label.display.clone());
            paragraph.kind = label.kind;
            if label.kind == ParagraphKind::Sub {
                let style = label.sub.unwrap_or(SubStyle::Letter);
                let depth = item
                    .depth
                    .unwrap_or_else(|| sub_depth(style, &label.display, &open));
                open.retain(|o| o.depth < depth);
                paragraph.level = depth;
                paragraph.parent = open.last().map(|o| o.index).or(top);
                if paragraph.parent.is_none() {
                    revision.warnings.push(Warning {
                        line: item.line,
                        column: item.column,
                        message: format!(
                            "sub-paragraph {} stands under no numbered paragraph",
                            label.display
                        ),
                    });
                }
                open.push(OpenSub {
                    index,
                    depth,
                    display: label.display.clone(),
                    style,
                });
            } else {
                top = Some(index);
                open.clear();
            }
        } else if item.lines == 1 && next_numbered && looks_like_heading(&item.text) {
            paragraph.kind = ParagraphKind::Heading;
            paragraph.level = if is_upper_case(&item.text) { 1 } else { 2 };
            top = None;
            open.clear();
        } else {
            if is_preambular(&paragraph.text) {
                paragraph.kind = ParagraphKind::Preambular;
            }
            top = Some(index);
            open.clear();
        }
        let (ranges, stray) = number::brackets(&paragraph.text);
        paragraph.brackets = ranges;
        if let Some(offset) = stray {
            revision.warnings.push(Warning {
                line: item.line,
                column: item.column,
                message: format!(
                    "unbalanced square bracket at byte {offset} of the paragraph's text"
                ),
            });
        }
        revision.paragraphs.push(paragraph);
    }
    check(&revision)?;
    Ok(revision)
}

/// Refuses a revision with no numbered paragraph, or with a number used twice.
fn check(revision: &Revision) -> Result<(), TextError> {
    if !revision.paragraphs.iter().any(|p| p.number.is_some()) {
        return Err(TextError::NoParagraphs);
    }
    let mut seen: HashMap<(Option<usize>, String), u32> = HashMap::new();
    for p in &revision.paragraphs {
        let Some(number) = &p.number else { continue };
        let scope = if p.kind == ParagraphKind::Sub {
            p.parent
        } else {
            None
        };
        if let Some(&first_line) = seen.get(&(scope, number::normalise(number))) {
            return Err(TextError::DuplicateNumber {
                number: number.clone(),
                first_line,
                line: p.line,
            });
        }
        seen.insert((scope, number::normalise(number)), p.line);
    }
    Ok(())
}

/// The depth of a sub-paragraph label, from the list it continues. `(i)` after `(h)` is a
/// letter; `(i)` inside a lettered list starts roman sub-sub-paragraphs; `(ii)` is always
/// roman.
fn sub_depth(style: SubStyle, display: &str, open: &[OpenSub]) -> u8 {
    let letter_list = open
        .iter()
        .find(|o| o.depth == 1 && o.style != SubStyle::Roman);
    let continues_letters = letter_list.is_some_and(|o| follows(&o.display, display));
    match style {
        SubStyle::Letter | SubStyle::Digit => 1,
        SubStyle::LetterOrRoman if continues_letters => 1,
        SubStyle::LetterOrRoman | SubStyle::Roman => {
            let in_roman = open.iter().any(|o| o.depth == 2);
            if letter_list.is_some() || in_roman {
                2
            } else {
                1
            }
        }
    }
}

/// Whether label `next` is the letter after `previous`: `(h)` then `(i)`.
fn follows(previous: &str, next: &str) -> bool {
    let inner = |s: &str| {
        s.trim_matches(|c| c == '(' || c == ')')
            .to_ascii_lowercase()
    };
    let (p, n) = (inner(previous), inner(next));
    let mut pc = p.chars();
    let mut nc = n.chars();
    match (pc.next(), nc.next()) {
        (Some(a), Some(b)) if p.len() == 1 && n.len() == 1 => (a as u32) + 1 == b as u32,
        _ => false,
    }
}

fn looks_like_heading(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || text.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    if is_upper_case(text) {
        return true;
    }
    let significant: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    significant
        .iter()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

fn looks_like_title(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    (1..=25).contains(&words) && !text.ends_with([',', ';', ':'])
}

fn is_upper_case(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// An unnumbered paragraph that opens with a capitalised participle and ends with a comma, the
/// way preambular paragraphs of UN resolutions do ("Recalling its resolution 70/125,").
fn is_preambular(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    first.len() > 4
        && first.ends_with("ing")
        && first.chars().next().is_some_and(char::is_uppercase)
        && text.trim_end().ends_with(',')
}
