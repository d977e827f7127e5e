//! Text as readers see it: lines, blocks of lines, paragraphs and sentences, each of which
//! can say where in the source file any of its characters came from.
//!
//! A paragraph joins the lines of one block with single spaces (reports wrap lines
//! freely), and keeps a map from its own byte offsets back to source lines and columns,
//! so a fact found anywhere in a paragraph points back to its place in the file.

use model::Span;

/// A run of non-blank lines.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    /// `(line number, line text)` pairs, line numbers 1-based.
    pub lines: Vec<(u32, &'a str)>,
}

impl<'a> Block<'a> {
    pub fn first_line(&self) -> u32 {
        self.lines.first().map_or(0, |(n, _)| *n)
    }

    pub fn last_line(&self) -> u32 {
        self.lines.last().map_or(0, |(n, _)| *n)
    }
    /// The text of a one-line block, trimmed.
    pub fn single(&self) -> Option<&'a str> {
        match self.lines.as_slice() {
            [(_, text)] => Some(text.trim()),
            _ => None,
        }
    }
}

/// Splits text into blocks separated by blank lines.
pub fn blocks(content: &str) -> Vec<Block<'_>> {
    // A block needs a line and a blank line after it: enough room from the start.
    let lines = memchr::memchr_iter(b'\n', content.as_bytes()).count() + 1;
    let mut blocks = Vec::with_capacity(lines / 2 + 1);
    let mut current: Vec<(u32, &str)> = Vec::new();
    for (index, line) in content.split('\n').enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if line.trim().is_empty() {
            if !current.is_empty() {
                // One allocation of the block's exact size; `current` keeps its buffer.
                blocks.push(Block {
                    lines: current.clone(),
                });
                current.clear();
            }
        } else {
            current.push((number, line));
        }
    }
    if !current.is_empty() {
        blocks.push(Block { lines: current });
    }
    blocks
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    offset: usize,
    line: u32,
    column: u32,
}

/// Logical text assembled from source lines, with a map back to the source.
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    pub text: String,
    segments: Vec<Segment>,
    /// Whether some piece is not ASCII: until then a column is a byte count.
    non_ascii: bool,
}

impl Paragraph {
    /// Appends `piece`, which starts at `line`, `column` (1-based, in characters) of the source.
    /// A space separates it from what came before.
    pub fn push(&mut self, piece: &str, line: u32, column: u32) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.segments.push(Segment {
            offset: self.text.len(),
            line,
            column,
        });
        self.non_ascii |= !piece.is_ascii();
        self.text.push_str(piece);
    }

    /// Empties the paragraph, keeping its buffers for the next one.
    pub fn clear(&mut self) {
        self.text.clear();
        self.segments.clear();
        self.non_ascii = false;
    }

    /// Appends one source line, trimmed, keeping the column of its first character.
    pub fn push_line(&mut self, line: u32, raw: &str) {
        let trimmed = raw.trim_start();
        let skipped = raw[..raw.len() - trimmed.len()].chars().count();
        self.push(trimmed.trim_end(), line, column_u32(skipped + 1));
    }

    /// Appends a line from which a prefix of `skipped` bytes was removed.
    pub fn push_after(&mut self, line: u32, raw: &str, skipped: usize) {
        let rest = &raw[skipped..];
        let leading = rest.len() - rest.trim_start().len();
        let column = raw[..skipped + leading].chars().count() + 1;
        self.push(rest.trim(), line, column_u32(column));
    }

    /// The line and column of a byte offset into `text`.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let index = self
            .segments
            .partition_point(|s| s.offset <= offset)
            .saturating_sub(1);
        let Some(segment) = self.segments.get(index) else {
            return (0, 0);
        };
        let offset = floor_char_boundary(&self.text, offset.max(segment.offset));
        let slice = &self.text[segment.offset..offset];
        let chars = if !self.non_ascii || slice.is_ascii() {
            slice.len()
        } else {
            slice.chars().count()
        };
        (segment.line, segment.column + column_u32(chars))
    }

    /// The span of a byte range of `text`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (start_line, column) = self.position(start);
        let (end_line, _) = self.position(end.saturating_sub(1).max(start));
        Span {
            start_line,
            end_line,
            column,
        }
    }
}

fn column_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An automaton that finds any of `words` in one pass over a text: the cheap test that runs
/// before a pattern, since most sentences hold none of a pattern's words.
pub fn cue_words<I, P>(words: I) -> aho_corasick::AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(words)
        .expect("a list of plain words always builds an automaton")
}

/// The byte offset of the first occurrence of `needle` in `text`, as `str::find` gives it.
/// The readers search short texts for short fixed words, many times over: finding one byte
/// of the word with memchr and comparing the rest costs less than preparing a general
/// substring searcher for every search.
pub fn find_str(text: &str, needle: &str) -> Option<usize> {
    let (hay, word) = (text.as_bytes(), needle.as_bytes());
    // Anchor on the first byte that is not a space: spaces are everywhere in prose.
    let Some(anchor) = word.iter().position(|&b| b != b' ') else {
        return text.find(needle);
    };
    memchr::memchr_iter(word[anchor], hay.get(anchor..)?).find(|&at| hay[at..].starts_with(word))
}

/// The byte offset of the last occurrence of `needle` in `text`, as `str::rfind` gives it.
pub fn rfind_str(text: &str, needle: &str) -> Option<usize> {
    let (hay, word) = (text.as_bytes(), needle.as_bytes());
    let Some(anchor) = word.iter().position(|&b| b != b' ') else {
        return text.rfind(needle);
    };
    memchr::memrchr_iter(word[anchor], hay.get(anchor..)?).find(|&at| hay[at..].starts_with(word))
}

/// `str::split_once` with a word as separator, by way of `find_str`.
pub fn split_once_str<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = find_str(text, separator)?;
    Some((&text[..at], &text[at + separator.len()..]))
}

/// Whether `needle` occurs in `text`: `str::contains` by way of `find_str`.
pub fn contains_str(text: &str, needle: &str) -> bool {
    find_str(text, needle).is_some()
}

/// The largest char boundary at or below `index`.
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "amb", "h.e", "he", "st", "no", "nos", "para", "paras", "e.g",
    "i.e", "etc", "vs", "cf", "approx", "rev", "jr", "sr", "gen", "sec", "art", "fig", "vol", "p",
    "pp", "op", "pp", "u.s", "u.n", "u.k", "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "hon", "rt", "excl", "incl", "ref",
];

/// Byte ranges of the sentences of a paragraph.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    // About one sentence in a hundred bytes: sized once for most paragraphs.
    let mut out = Vec::with_capacity(text.len() / 100 + 4);
    split_sentences(text, |range| {
        out.push(range);
        true
    });
    out
}

/// The byte range of the first sentence of `text`, as `sentences` would give it, without
/// splitting the rest.
pub fn first_sentence(text: &str) -> Option<(usize, usize)> {
    let mut first = None;
    split_sentences(text, |range| {
        first = Some(range);
        false
    });
    first
}

/// Hands each sentence's byte range to `each`, in order, until `each` returns false.
fn split_sentences(text: &str, mut each: impl FnMut((usize, usize)) -> bool) {
    let mut start = 0;
    let bytes = text.as_bytes();
    // Only these bytes can end a sentence; memchr finds them without looking at the rest.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        if i < start || !ends_sentence(text, i) {
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
            end += 1;
        }
        if let Some(range) = trimmed_sentence(text, start, end)
            && !each(range)
        {
            return;
        }
        start = end;
    }
    if let Some(range) = trimmed_sentence(text, start, text.len()) {
        each(range);
    }
}

fn trimmed_sentence(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return None;
    }
    Some((start + lead, end - trail))
}

fn ends_sentence(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    // What follows: optional closing quotes, then white space, then a sentence opener.
    let mut next = at + 1;
    while next < bytes.len() && matches!(bytes[next], b'"' | b'\'' | b')' | b']') {
        next += 1;
    }
    if next >= bytes.len() {
        return true;
    }
    if !bytes[next].is_ascii_whitespace() {
        // Quotes such as ” and ’ are multi-byte; treat them like ASCII quotes.
        let rest = &text[next..];
        if !(rest.starts_with('”') || rest.starts_with('’')) {
            return false;
        }
        return true;
    }
    let rest = text[next..].trim_start();
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || "\"'“‘(-*•".contains(first)) {
        return false;
    }
    if bytes[at] != b'.' {
        return true;
    }
    // The word before the full stop, letters and inner dots only.
    let before = &text[..at];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        // An initial ("J. Smith").
        return false;
    }
    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            split("Jennifer noted para. 54tre. She also noted e.g. waste. Mr. Smith agreed."),
            [
                "Jennifer noted para. 54tre.",
                "She also noted e.g. waste.",
                "Mr. Smith agreed."
            ]
        );
        assert_eq!(
            split("It is short (a timeline). Desiree agreed (etc.). Done"),
            [
                "It is short (a timeline).",
                "Desiree agreed (etc.).",
                "Done"
            ]
        );
        assert_eq!(
            split("Version 2.5 was out. J. Smith came."),
            ["Version 2.5 was out.", "J. Smith came."]
        );
    }

    #[test]
    fn finds_words_as_str_find_does() {
        for (text, needle) in [
            ("a deadline of 5 December", " of "),
            ("  of", " of"),
            ("of the of the", " of the"),
            ("next meeting", "next meeting"),
            ("", "a"),
            ("abc", "abcd"),
            ("x   ", "  "),
            ("Lucía’s", "’s"),
        ] {
            assert_eq!(
                find_str(text, needle),
                text.find(needle),
                "{needle:?} in {text:?}"
            );
            assert_eq!(
                rfind_str(text, needle),
                text.rfind(needle),
                "{needle:?} in {text:?}"
            );
        }
    }

    #[test]
    fn positions_map_back_to_lines_and_columns() {
        let mut p = Paragraph::default();
        p.push_line(3, "  Alpha beta");
        p.push_line(4, "gamma");
        let at = p.text.find("gamma").expect("present");
        assert_eq!(p.position(at), (4, 1));
        assert_eq!(p.position(p.text.find("beta").expect("present")), (3, 9));
    }
}
