//! Paragraph numbers as negotiators write them: `12.`, `12 bis.`, `54tre.`, `PP3.`, `OP12`,
//! `(a)`, `(iii)`; status tags such as `[agreed ad ref]`; and the square brackets of contested
//! text. Recognising a number never changes how it is written: the display number is a slice
//! of the source.

use std::sync::LazyLock;

use regex::Regex;

use crate::revision::ParagraphKind;

/// A number found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// As written, without the trailing full stop.
    pub display: String,
    pub kind: ParagraphKind,
    /// For sub-paragraphs, what the label is made of; decides nesting.
    pub sub: Option<SubStyle>,
    /// Byte offset in the line where the paragraph's words start.
    pub text_start: usize,
}

/// The characters of a sub-paragraph label, which decide its depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubStyle {
    /// Could only be a letter: `(a)`, `(b)`, `(aa)`.
    Letter,
    /// Could be a letter or a roman numeral: `(i)`, `(v)`, `(x)`, `(c)`.
    LetterOrRoman,
    /// Could only be a roman numeral: `(ii)`, `(iv)`.
    Roman,
    /// A number in parentheses: `(1)`.
    Digit,
}

const SUFFIXES: &str = "bis|ter|tre|quater|quinquies|sexies|septies|octies|nonies|novies|decies";

static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:PP|OP)\s?\d{{1,4}}(?:\s?(?i:{SUFFIXES}))?\b\.?(?:[ \t]+|$)"
    ))
    .expect("a valid pattern")
});

static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\d{{1,4}}(?:\s?(?i:{SUFFIXES}))?\.(?:[ \t]+|$)"))
        .expect("a valid pattern")
});

static SUB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(([A-Za-z]{1,5}|\d{1,3})\)(?:[ \t]+|$)").expect("a valid pattern")
});

/// The number at the start of `line` (already stripped of indentation), if it has one.
pub(crate) fn label(line: &str) -> Option<Label> {
    if let Some(m) = PREFIXED.find(line) {
        let display = trim_label(m.as_str());
        let kind = if display.starts_with("PP") {
            ParagraphKind::Preambular
        } else {
            ParagraphKind::Operative
        };
        return Some(Label {
            display,
            kind,
            sub: None,
            text_start: m.end(),
        });
    }
    if let Some(m) = PLAIN.find(line) {
        return Some(Label {
            display: trim_label(m.as_str()),
            kind: ParagraphKind::Operative,
            sub: None,
            text_start: m.end(),
        });
    }
    let captures = SUB.captures(line)?;
    let whole = captures.get(0)?;
    let inner = captures.get(1)?.as_str();
    let style = if inner.bytes().all(|b| b.is_ascii_digit()) {
        SubStyle::Digit
    } else if !is_roman(inner) {
        SubStyle::Letter
    } else if inner.len() == 1 {
        SubStyle::LetterOrRoman
    } else {
        SubStyle::Roman
    };
    // A word in parentheses, "(Rev2)" or "(Note)", is not a label: labels are one or two
    // letters, or a roman numeral.
    if style == SubStyle::Letter && inner.len() > 2 {
        return None;
    }
    Some(Label {
        display: trim_label(whole.as_str()),
        kind: ParagraphKind::Sub,
        sub: Some(style),
        text_start: whole.end(),
    })
}

fn trim_label(raw: &str) -> String {
    raw.trim_end().trim_end_matches('.').to_owned()
}

fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x' | 'l' | 'c'))
        && {
            let lower = s.to_ascii_lowercase();
            // Only the numerals a sub-paragraph list reaches (i to xxxix); "cl" or "vl" are
            // letters that happen to be roman digits.
            roman_value(&lower).is_some_and(|v| v < 40)
        }
}

/// The value of a well-formed lowercase roman numeral below 40.
fn roman_value(s: &str) -> Option<u32> {
    (1..40).find(|&n| to_roman(n) == s)
}

/// `n` as a lowercase roman numeral (for automatic DOCX numbering and nesting checks).
pub(crate) fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// `n` as a letter label: 1 → `a`, 26 → `z`, 27 → `aa` (as UN drafts continue).
pub(crate) fn to_letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    letter.to_string().repeat(((n - 1) / 26 + 1) as usize)
}

/// A number reduced for comparison: no spaces or full stops, lowercase. `54 bis` and `54bis`
/// compare equal; `54ter` and `54tre` do not, because drafts use both for different things.
pub(crate) fn normalise(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Status tags UN drafts put in square brackets at the end (or start) of a paragraph,
/// compared in lowercase without a trailing full stop.
const STATUSES: &[&str] = &[
    "agreed ad ref",
    "agreed ad ref.",
    "ad ref",
    "agreed ad referendum",
    "agreed",
    "suggested for closure",
    "sfc",
    "closed",
    "pending",
    "under negotiation",
    "under discussion",
    "new",
    "deleted",
    "placeholder",
    "facilitator's proposal",
    "facilitators' proposal",
    "co-facilitators' proposal",
    "co-facilitator's proposal",
];

/// Splits a status tag off the start or end of `text`: the text without it, and the tag as
/// written.
pub(crate) fn split_status(text: &str) -> (String, Option<String>) {
    let trimmed = text.trim();
    if let Some(body) = trimmed.strip_suffix(']')
        && let Some(open) = body.rfind('[')
        && is_status(&body[open + 1..])
    {
        let tag = trimmed[open..].to_owned();
        return (trimmed[..open].trim_end().to_owned(), Some(tag));
    }
    if let Some(rest) = trimmed.strip_prefix('[')
        && let Some(close) = rest.find(']')
        && is_status(&rest[..close])
    {
        let tag = trimmed[..close + 2].to_owned();
        return (rest[close + 1..].trim_start().to_owned(), Some(tag));
    }
    (trimmed.to_owned(), None)
}

fn is_status(inner: &str) -> bool {
    let lower = inner.trim().trim_end_matches('.').to_lowercase();
    STATUSES.contains(&lower.as_str())
}

/// The byte ranges of the outermost square-bracketed spans in `text`, brackets included, and
/// the byte offset of the first bracket left unbalanced, if any.
pub(crate) fn brackets(text: &str) -> (Vec<(usize, usize)>, Option<usize>) {
    let mut ranges = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut stray = None;
    for (at, c) in text.char_indices() {
        match c {
            '[' => open.push(at),
            ']' => match open.pop() {
                Some(start) if open.is_empty() => ranges.push((start, at + 1)),
                Some(_) => {}
                None => {
                    stray.get_or_insert(at);
                }
            },
            _ => {}
        }
    }
    if let Some(&first) = open.first() {
        stray = Some(stray.map_or(first, |s: usize| s.min(first)));
    }
    (ranges, stray)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &str) -> String {
        match label(line) {
            Some(l) => format!(
                "{:?} {:?} {:?} {}",
                l.display,
                l.kind,
                l.sub,
                &line[l.text_start..]
            ),
            None => "none".to_owned(),
        }
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(shown("54. Text"), r#""54" Operative None Text"#);
        assert_eq!(shown("54 bis. Text"), r#""54 bis" Operative None Text"#);
        assert_eq!(shown("54bis. Text"), r#""54bis" Operative None Text"#);
        assert_eq!(shown("54tre. Text"), r#""54tre" Operative None Text"#);
        assert_eq!(shown("54quater. Text"), r#""54quater" Operative None Text"#);
        assert_eq!(shown("PP3. Text"), r#""PP3" Preambular None Text"#);
        assert_eq!(shown("OP12 Text"), r#""OP12" Operative None Text"#);
        assert_eq!(shown("(a) Text"), r#""(a)" Sub Some(Letter) Text"#);
        assert_eq!(shown("(iii) Text"), r#""(iii)" Sub Some(Roman) Text"#);
        assert_eq!(shown("(i) Text"), r#""(i)" Sub Some(LetterOrRoman) Text"#);
        assert_eq!(shown("2025 was a year"), "none");
        assert_eq!(shown("(Rev2) was circulated"), "none");
        assert_eq!(shown("54 Text"), "none");
    }

    #[test]
    fn status_tags() {
        assert_eq!(
            split_status("Text here. [Suggested for Closure]"),
            (
                "Text here.".to_owned(),
                Some("[Suggested for Closure]".to_owned())
            )
        );
        assert_eq!(
            split_status("[agreed ad ref] Text"),
            ("Text".to_owned(), Some("[agreed ad ref]".to_owned()))
        );
        assert_eq!(
            split_status("Text [and more]"),
            ("Text [and more]".to_owned(), None)
        );
    }

    #[test]
    fn bracket_ranges() {
        assert_eq!(
            brackets("a [b [c] d] e [f]"),
            (vec![(2, 11), (14, 17)], None)
        );
        assert_eq!(brackets("a [b"), (vec![], Some(2)));
        assert_eq!(brackets("a] b"), (vec![], Some(1)));
    }

    #[test]
    fn labels_count() {
        assert_eq!(to_roman(14), "xiv");
        assert_eq!(to_letters(1), "a");
        assert_eq!(to_letters(28), "bb");
        assert_eq!(normalise("54 Bis."), "54bis");
    }
}
