//! References to negotiated texts: a document by name ("WSIS+20 Outcome Document"), a
//! revision ("Rev 2", "Revision 2", "Rev1", "zero draft") and paragraphs ("para 101",
//! "para. 54tre", "paragraph 7 bis", "paras 10 and 12", "OP 5", "PP3").

use std::sync::LazyLock;

use regex::Regex;

use crate::cues::{Cues, Set};

static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)((?:[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}+\-]*\s+){0,6}?(?:[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}+\-]*\s+)?(?:Outcome|Output|Draft|Final|Zero|Ministerial|Political)?\s?(?:Document|Declaration|Compact|Charter|Resolution|Programme of Action|Elements Paper|Roadmap)(?:\s+(?:on|of|for)\s+(?:the\s+)?(?:[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}+\-]*\s?){1,6})?)(?-u:\b)",
    )
    .expect("the document pattern is valid")
});

static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:rev(?:ision)?\.?\s?([0-9]{1,2})(?-u:\b)|(zero)[ -]draft(?-u:\b)|(final) (?:draft|text|version)(?-u:\b)|(?-u:\b)(first|second|third|fourth|fifth|sixth|revised) draft(?-u:\b)|(?-u:\b)draft\s([0-9]{1,2})(?-u:\b)|(?-u:\b)version\s([0-9]+(?:\.[0-9]+)+)(?-u:\b))")
        .expect("the version pattern is valid")
});

static PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?-u:\b)(?i:paras?|paragraphs?|articles?|arts?)\.?|¶|§)\s*
        (?P<list>[0-9]{1,4}\s?(?:bis|ter|tre|quater|quinquies|sexies|[a-z])?(?-u:\b)(?:\s*(?:,|and|&|to|–|-)\s*[0-9]{1,4}\s?(?:bis|ter|tre|quater|quinquies|sexies)?(?-u:\b))*)
        | (?-u:\b)(?P<op>OP|PP)\s?(?P<opn>[0-9]{1,4})(?-u:\b)",
    )
    .expect("the paragraph pattern is valid")
});

static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]{1,4}\s?(?:bis|ter|tre|quater|quinquies|sexies|[a-z])?(?-u:\b)")
        .expect("the list pattern is valid")
});

/// One reference found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub document: Option<String>,
    pub version: Option<String>,
    pub paragraph: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// Normalises a revision label: "Rev 2", "Revision 2", "rev.2" → "Rev2".
fn version_label(written: &str) -> String {
    let lower = written.to_lowercase();
    let number: String = written
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let number = number.trim_matches('.');
    if lower.starts_with("rev") {
        format!("Rev{number}")
    } else if lower.starts_with("zero") {
        "Zero draft".to_owned()
    } else if lower.starts_with("final") {
        "Final".to_owned()
    } else if lower.starts_with("version") {
        number.to_owned()
    } else if lower.starts_with("draft") {
        format!("Draft {number}")
    } else {
        // "second draft", "revised draft"
        lower
    }
}

/// UN document symbols: "IWG-MDS/12/1", "A/RES/70/1", "E/CN.16/2025/L.2".
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Z][A-Z0-9.-]*(?:/[A-Za-z0-9.]*[A-Z0-9][A-Za-z0-9.]*)+")
        .expect("the symbol pattern is valid")
});

/// A document name whose title goes on in capitals ("Draft Guidelines on Ocean Data
/// Stewardship") keeps those words.
fn with_title_tail(sentence: &str, start: usize, end: usize) -> (usize, usize, String) {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+(?:on|of|for)\s+(?:the\s+)?(?:[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}+\-]*(?:\s+|$)){1,6}")
            .expect("the tail pattern is valid")
    });
    let end = TAIL
        .find(&sentence[end..])
        .map_or(end, |m| end + m.as_str().trim_end().len());
    (start, end, sentence[start..end].trim().to_owned())
}

static VERSION_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:revision [0-9]+|rev\.? ?[0-9]+|(?:zero|first|second|third|fourth|fifth|revised|final) draft|draft [0-9]+|version [0-9.]+) of the (?P<doc>[A-Za-z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]*(?: [A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]+){0,5}?)(?:\s*[,.;:(]|\s+(?:was|is|were|which|by|and|with|in|to|on|for|that|has|had|as|from|still|does|did|should|would|could|will|can|may|must|needs|remains|now|also)(?-u:\b)|$)")
        .expect("the version-of pattern is valid")
});

/// The document an agenda item's title is about, when the title names a revision of it
/// ("WSIS+20 – Rev2", "Zero draft of the Chair's Summary", "Model law – comments on draft 3").
pub fn title_document(title: &str) -> Option<String> {
    if !VERSION.is_match(title) && !title.to_lowercase().contains("draft") {
        return None;
    }
    if let Some(caps) = VERSION_OF.captures(title) {
        return caps
            .name("doc")
            .map(|m| with_title_tail(title, m.start(), m.end()).2);
    }
    for separator in [" – ", " — ", " - ", ": ", ", "] {
        if let Some((left, right)) = title.split_once(separator)
            && (VERSION.is_match(right) || right.to_lowercase().contains("draft"))
        {
            return Some(left.trim().to_owned());
        }
    }
    None
}

pub const VERSION_CUES: &[&str] = &[
    "Rev", "rev", "REV", "draft", "Draft", "DRAFT", "ersion", "inal",
];

/// The last words of a document's name ("… Outcome Document", "… Global Digital Compact").
pub const DOCUMENT_HEADS: &[&str] = &[
    "Document",
    "Declaration",
    "Compact",
    "Charter",
    "Resolution",
    "Programme of Action",
    "Elements Paper",
    "Roadmap",
];

/// Words that start a paragraph reference ("para", "OP", "§").
pub const PARAGRAPH_CUES: &[&str] = &[
    "para", "Para", "PARA", "OP", "PP", "¶", "§", "rticle", "rt.",
];

/// Runs `regex` only on the stretches of `sentence` around its `anchors` (from `before` bytes
/// before an anchor to `after` bytes after it, widened to whole words), and returns each
/// match with the offset of its stretch. Every pattern here has a literal word at its heart,
/// so this finds what a run over the whole sentence would, at a fraction of the cost.
fn in_windows<'s>(
    sentence: &'s str,
    regex: &Regex,
    anchors: &[(usize, usize)],
    before: usize,
    after: usize,
) -> Vec<(usize, regex::Captures<'s>)> {
    windows(sentence, anchors, before, after)
        .into_iter()
        .flat_map(|(start, end)| {
            regex
                .captures_iter(&sentence[start..end])
                .map(move |caps| (start, caps))
        })
        .collect()
}

/// Like `in_windows`, for patterns whose whole match is all that is needed: no capture
/// groups, so the regex engine can stay on its fastest path.
fn matches_in_windows(
    sentence: &str,
    regex: &Regex,
    anchors: &[(usize, usize)],
    before: usize,
    after: usize,
) -> Vec<(usize, usize)> {
    windows(sentence, anchors, before, after)
        .into_iter()
        .flat_map(|(start, end)| {
            regex
                .find_iter(&sentence[start..end])
                .map(move |m| (start + m.start(), start + m.end()))
        })
        .collect()
}

/// The stretches of `sentence` around its anchors, merged where they overlap.
fn windows(
    sentence: &str,
    anchors: &[(usize, usize)],
    before: usize,
    after: usize,
) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(anchors.len());
    {
        for &(at, anchor_end) in anchors {
            let mut start = crate::text::floor_char_boundary(sentence, at.saturating_sub(before));
            // Widen to the start of the word, so word boundaries are as in the whole sentence.
            while start > 0 && !space_before(sentence, start) {
                start = crate::text::floor_char_boundary(sentence, start - 1);
            }
            let mut end = crate::text::floor_char_boundary(
                sentence,
                (anchor_end + after).min(sentence.len()),
            );
            while end < sentence.len() && !space_after(sentence, end) {
                end += sentence[end..].chars().next().map_or(1, char::len_utf8);
            }
            spans.push((start, end));
        }
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Whether the character before byte `at` (a character boundary, not 0) is white space; an
/// ASCII byte is its own character and needs no decoding.
fn space_before(text: &str, at: usize) -> bool {
    match text.as_bytes()[at - 1] {
        byte if byte.is_ascii() => char::from(byte).is_whitespace(),
        _ => text[..at].ends_with(char::is_whitespace),
    }
}

/// Whether the character at byte `at` (a character boundary before the end) is white space.
fn space_after(text: &str, at: usize) -> bool {
    match text.as_bytes()[at] {
        byte if byte.is_ascii() => char::from(byte).is_whitespace(),
        _ => text[at..].starts_with(char::is_whitespace),
    }
}

/// Document names in a sentence, with their byte ranges; `versions` are the places of its
/// version words, `cues` all its cue words.
fn documents(
    sentence: &str,
    versions: &[(usize, usize)],
    cues: &Cues,
) -> Vec<(usize, usize, String)> {
    // The windows are empty where no version word is, and the pattern cannot match where
    // " of the " is not.
    static OF_THE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" of the "));
    let versions: Vec<(usize, usize)> = if OF_THE.find(sentence.as_bytes()).is_some() {
        versions
            .iter()
            .copied()
            .filter(|&(start, end)| may_be_version_of(sentence, start, end))
            .collect()
    } else {
        Vec::new()
    };
    let mut out: Vec<(usize, usize, String)> =
        in_windows(sentence, &VERSION_OF, &versions, 16, 130)
            .into_iter()
            .filter_map(|(at, caps)| {
                caps.name("doc")
                    .map(|m| with_title_tail(sentence, at + m.start(), at + m.end()))
            })
            .collect();
    let heads = cues.leftmost(Set::DocumentHead);
    let named = matches_in_windows(sentence, &DOCUMENT, &heads, 100, 90)
        .into_iter()
        .filter_map(|(start, end)| {
            let name = sentence[start..end].trim();
            let name = name.strip_prefix("The ").unwrap_or(name);
            // A bare "Document" or "Resolution" names nothing in particular.
            if !name.contains(' ') {
                return None;
            }
            Some((start, end, name.to_owned()))
        });
    for found in named {
        if !out.iter().any(|(s, e, _)| found.0 < *e && *s < found.1) {
            out.push(found);
        }
    }
    out.sort_by_key(|(s, _, _)| *s);
    out
}

/// All references in a sentence, and the last document it names (the context for the
/// sentences after it). `context` is the document last named before it, `cues` the
/// sentence's cue words.
pub fn find(sentence: &str, context: Option<&str>, cues: &Cues) -> (Vec<Found>, Option<String>) {
    // Every reference has a slash or one of these cue words; most sentences have neither.
    if memchr::memchr(b'/', sentence.as_bytes()).is_none()
        && !cues.any(Set::Version)
        && !cues.any(Set::DocumentHead)
        && !cues.any(Set::Paragraph)
    {
        return (Vec::new(), None);
    }
    // A document symbol is a reference of its own; it does not rename the document in context.
    // Every symbol has a slash: without one, the pattern need not run.
    let mut out: Vec<Found> = if memchr::memchr(b'/', sentence.as_bytes()).is_some() {
        SYMBOL
            .find_iter(sentence)
            .map(|m| Found {
                document: Some(m.as_str().trim_end_matches('.').to_owned()),
                version: None,
                paragraph: None,
                start: m.start(),
                end: m.end(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let version_words = cues.leftmost(Set::Version);
    let docs = documents(sentence, &version_words, cues);
    let last = docs.last().map(|(_, _, name)| name.clone());
    out.extend(find_named(sentence, context, &docs, &version_words, cues));
    (out, last)
}

/// The bytes of a sentence around one of its cue words, read as the patterns read them where
/// the text is ASCII: boundaries of ASCII words, white space of `\s`, words compared blind
/// to case. The tests `may_be_version`, `may_be_version_of` and `may_be_paragraph` are
/// written with it.
struct Near<'s>(&'s [u8]);

impl Near<'_> {
    /// Whether `before` bytes before `start` to `after` bytes after `end` are all ASCII: only
    /// there do the tests below read the text as the patterns do (case-blind matching and
    /// white space are Unicode's elsewhere), so a word near other text passes.
    fn is_ascii_around(&self, (start, end): (usize, usize), before: usize, after: usize) -> bool {
        self.0[start.saturating_sub(before)..(end + after).min(self.0.len())].is_ascii()
    }

    /// Whether the byte before `at` does not continue an ASCII word (`(?-u:\b)`).
    fn boundary_before(&self, at: usize) -> bool {
        at == 0 || !(self.0[at - 1].is_ascii_alphanumeric() || self.0[at - 1] == b'_')
    }

    /// Whether `word` is written at `at`, in any case.
    fn has_at(&self, at: usize, word: &str) -> bool {
        self.0
            .get(at..at + word.len())
            .is_some_and(|here| here.eq_ignore_ascii_case(word.as_bytes()))
    }

    /// Whether `word` is written just before `at`, in any case.
    fn ends_at(&self, at: usize, word: &str) -> bool {
        at >= word.len() && self.has_at(at - word.len(), word)
    }

    /// Whether the byte at `at` is `\s` in ASCII (`is_ascii_whitespace` leaves out the
    /// vertical tab).
    fn is_space(&self, at: usize) -> bool {
        self.0
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == 0x0b)
    }

    /// Whether the byte at `at` is an ASCII digit.
    fn is_digit(&self, at: usize) -> bool {
        self.0.get(at).is_some_and(u8::is_ascii_digit)
    }
}

/// Whether the version word at `start..end` of `sentence` ("rev", "draft", "ersion" or
/// "inal", as `VERSION_CUES` spell them) may be part of a match of `VERSION`: a test of the
/// few bytes around it that every match holding the word passes. Every match of `VERSION`
/// holds a version word, and lies within the window of each word it holds, so leaving out
/// the windows of words that fail changes nothing that `VERSION` finds. Text around the word
/// that is not ASCII passes.
fn may_be_version(sentence: &str, start: usize, end: usize) -> bool {
    let near = Near(sentence.as_bytes());
    if !near.is_ascii_around((start, end), 9, 12) {
        return true;
    }
    // One optional white-space byte, then a digit: "Rev 2", "draft 3", "version 1.2".
    let number_at = |at: usize| near.is_digit(at + usize::from(near.is_space(at)));
    let bytes = near.0;
    match &bytes[start..end] {
        // "Rev 2", "Revision 2", "rev.2"; or the first word of "revised draft".
        b"Rev" | b"rev" | b"REV" => {
            if !near.boundary_before(start) {
                return false;
            }
            let rest = if near.has_at(end, "ision") {
                end + 5
            } else {
                end
            };
            let rest = rest + usize::from(bytes.get(rest) == Some(&b'.'));
            number_at(rest) || near.has_at(end, "ised draft")
        }
        // "draft 2" after a boundary, or the last word of "zero draft", "final draft",
        // "second draft", "revised draft".
        b"draft" | b"Draft" | b"DRAFT" => {
            (near.boundary_before(start) && near.is_space(end) && near.is_digit(end + 1))
                || [
                    "zero ", "zero-", "final ", "first ", "second ", "third ", "fourth ", "fifth ",
                    "sixth ", "revised ",
                ]
                .iter()
                .any(|w| near.ends_at(start, w))
        }
        // The rest of "version", in "version 1.2" or "final version".
        b"ersion" => {
            near.ends_at(start, "v")
                && ((near.boundary_before(start - 1) && number_at(end))
                    || near.ends_at(start - 1, "final "))
        }
        // The rest of "final", in "final draft", "final text", "final version".
        b"inal" => {
            near.ends_at(start, "f")
                && near.boundary_before(start - 1)
                && [" draft", " text", " version"]
                    .iter()
                    .any(|w| near.has_at(end, w))
        }
        _ => true,
    }
}

/// Whether the version word at `start..end` of `sentence` may be part of a match of
/// `VERSION_OF`: a revision label ("Rev 2", "zero draft", "version 1.2") directly followed by
/// " of the ". As for `may_be_version`, a word that fails holds no match, and text around the
/// word that is not ASCII passes.
fn may_be_version_of(sentence: &str, start: usize, end: usize) -> bool {
    let near = Near(sentence.as_bytes());
    if !near.is_ascii_around((start, end), 9, 16) {
        return true;
    }
    let bytes = near.0;
    let of_the = |at: usize| {
        bytes
            .get(at..)
            .is_some_and(|rest| rest.starts_with(b" of the "))
    };
    // One or more digits (and full stops, for "version 1.2") at `at`, then " of the ".
    let number_of_the = |at: usize, dots: bool| {
        let digits = bytes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit() || (dots && **b == b'.'))
            .count();
        digits > 0 && of_the(at + digits)
    };
    match &bytes[start..end] {
        // "revision 2", "rev 2", "rev.2", "rev. 2"; "revised draft".
        b"Rev" | b"rev" | b"REV" => {
            (near.has_at(end, "ision ") && number_of_the(end + 6, false))
                || {
                    let at = end + usize::from(bytes.get(end) == Some(&b'.'));
                    let at = at + usize::from(bytes.get(at) == Some(&b' '));
                    number_of_the(at, false)
                }
                || (near.has_at(end, "ised draft") && of_the(end + 10))
        }
        // "zero draft", "second draft", "final draft", "draft 3".
        b"draft" | b"Draft" | b"DRAFT" => {
            ([
                "zero ", "first ", "second ", "third ", "fourth ", "fifth ", "revised ", "final ",
            ]
            .iter()
            .any(|w| near.ends_at(start, w))
                && of_the(end))
                || (bytes.get(end) == Some(&b' ') && number_of_the(end + 1, false))
        }
        // "version 1.2".
        b"ersion" => {
            near.ends_at(start, "v")
                && bytes.get(end) == Some(&b' ')
                && number_of_the(end + 1, true)
        }
        // "final draft".
        b"inal" => near.ends_at(start, "f") && near.has_at(end, " draft") && of_the(end + 6),
        _ => true,
    }
}

/// Whether the paragraph word at `start..end` of `sentence` (as `PARAGRAPH_CUES` spell it)
/// may be part of a match of `PARAGRAPH`: the word its keyword starts or ends with, at a
/// boundary, followed by a number. As for `may_be_version`, a word that fails holds no
/// match, and text around the word that is not ASCII passes.
fn may_be_paragraph(sentence: &str, start: usize, end: usize) -> bool {
    let near = Near(sentence.as_bytes());
    if !near.is_ascii_around((start, end), 2, 16) {
        return true;
    }
    let bytes = near.0;
    // `\s*` then a digit; white space that is not ASCII passes.
    let number_at = |at: usize| {
        let rest = bytes.get(at..).unwrap_or_default();
        match rest
            .iter()
            .position(|b| !(b.is_ascii_whitespace() || *b == 0x0b))
        {
            Some(first) => rest[first].is_ascii_digit() || !rest[first].is_ascii(),
            None => false,
        }
    };
    // The keyword's end, an optional full stop, then the number.
    let number_after =
        |at: usize| number_at(at) || (bytes.get(at) == Some(&b'.') && number_at(at + 1));
    // An "a" at a boundary before `start`: "article", "art.".
    let a_before = near.ends_at(start, "a") && near.boundary_before(start - 1);
    match &bytes[start..end] {
        // "para", "paras", "paragraph", "paragraphs", any case.
        b"para" | b"Para" | b"PARA" => {
            near.boundary_before(start)
                && ["", "s", "graph", "graphs"]
                    .iter()
                    .any(|rest| near.has_at(end, rest) && number_after(end + rest.len()))
        }
        // "article", "articles".
        b"rticle" => {
            a_before && (number_after(end) || (near.has_at(end, "s") && number_after(end + 1)))
        }
        // "art." with its full stop.
        b"rt." => a_before && number_at(end),
        // "OP 5", "PP3": at most one white-space byte before the number.
        b"OP" | b"PP" => {
            near.boundary_before(start) && near.is_digit(end + usize::from(near.is_space(end)))
        }
        _ => true,
    }
}

fn find_named(
    sentence: &str,
    context: Option<&str>,
    docs: &[(usize, usize, String)],
    version_words: &[(usize, usize)],
    cues: &Cues,
) -> Vec<Found> {
    // Most version words ("offered to draft", "the previous revision", "finalising") are
    // part of no revision label: the pattern runs only around those that may be.
    let labels: Vec<(usize, usize)> = version_words
        .iter()
        .copied()
        .filter(|&(start, end)| may_be_version(sentence, start, end))
        .collect();
    let versions: Vec<(usize, usize, String)> =
        matches_in_windows(sentence, &VERSION, &labels, 16, 24)
            .into_iter()
            .map(|(start, end)| (start, end, version_label(&sentence[start..end])))
            .collect();
    // "rt." ends every "report." and "support.", "para" starts "parallel": only the words
    // that may start a paragraph reference have the pattern run around them.
    let mut paragraph_words = cues.leftmost(Set::Paragraph);
    paragraph_words.retain(|&(start, end)| may_be_paragraph(sentence, start, end));
    // Without a revision or a paragraph the sentence refers to its first document by name, if
    // it names one: the document in context need not be worked out (and copied).
    if versions.is_empty() && paragraph_words.is_empty() {
        return docs
            .first()
            .map(|(start, end, name)| Found {
                document: Some(name.clone()),
                version: None,
                paragraph: None,
                start: *start,
                end: *end,
            })
            .into_iter()
            .collect();
    }
    let mut out = Vec::new();
    let own_doc = docs.first().map(|(_, _, name)| name.clone());
    // "the Draft Declaration" where the item is about the "Draft Declaration on Trusted Data
    // Flows": a short form of the document in context names that document.
    let document = match (own_doc, context) {
        (Some(own), Some(context))
            if crate::roster::fold(context).contains(&crate::roster::fold(&own)) =>
        {
            Some(context.to_owned())
        }
        (Some(own), _) => Some(own),
        (None, context) => context.map(str::to_owned),
    };
    for (at, caps) in in_windows(sentence, &PARAGRAPH, &paragraph_words, 4, 100) {
        let whole = caps.get(0).expect("group 0 always matches");
        let (whole_start, whole_end) = (at + whole.start(), at + whole.end());
        let labels: Vec<String> = if let Some(list) = caps.name("list") {
            LIST_ITEM
                .find_iter(list.as_str())
                .map(|m| m.as_str().trim().to_owned())
                .collect()
        } else {
            // Display numbers stay exactly as written: "OP 5", "PP3".
            vec![whole.as_str().to_owned()]
        };
        for label in labels {
            out.push(Found {
                document: document.clone(),
                // The revision named nearest the paragraph ("para 12 of the Zero draft").
                version: versions
                    .iter()
                    .min_by_key(|v| v.0.abs_diff(whole_end).min(v.1.abs_diff(whole_start)))
                    .map(|v| v.2.clone()),
                paragraph: Some(label),
                start: whole_start,
                end: whole_end,
            });
        }
    }
    // A revision is a reference of its own, even where paragraphs of it are named too.
    for (start, end, version) in &versions {
        if !out
            .iter()
            .any(|f| f.paragraph.is_none() && f.version.as_ref() == Some(version))
        {
            out.push(Found {
                document: document.clone(),
                version: Some(version.clone()),
                paragraph: None,
                start: *start,
                end: *end,
            });
        }
    }
    if out.is_empty()
        && let Some((start, end, name)) = docs.first()
    {
        out.push(Found {
            document: Some(name.clone()),
            version: None,
            paragraph: None,
            start: *start,
            end: *end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    /// A sentence made of `parts`, each followed by the white space (or none) of `spaces`.
    fn assemble(parts: &[String], spaces: &[&str]) -> String {
        parts
            .iter()
            .zip(spaces)
            .map(|(part, space)| format!("{part}{space}"))
            .collect()
    }

    /// Whether `regex` finds the same over the windows of the words of `set` that pass `keep`
    /// as over the windows of all of them, for a sentence in which every match holds a word
    /// of `set` as the cue list spells it (`None` for any other sentence).
    fn windows_agree(
        sentence: &str,
        regex: &Regex,
        set: Set,
        (before, after): (usize, usize),
        keep: fn(&str, usize, usize) -> bool,
    ) -> Option<bool> {
        let cues = Cues::scan(sentence);
        // The patterns are blind to case where the cue words are not: a match such as
        // "rEv 2" holds no cue word and is found only when the window of a word near it
        // happens to cover it. Such sentences are outside the claim.
        let held = regex.find_iter(sentence).all(|m| {
            cues.all(set)
                .any(|h| h.start >= m.start() && h.end <= m.end())
        });
        if !held {
            return None;
        }
        let words = cues.leftmost(set);
        let kept: Vec<(usize, usize)> = words
            .iter()
            .copied()
            .filter(|&(start, end)| keep(sentence, start, end))
            .collect();
        let found = |anchors: &[(usize, usize)]| -> Vec<(usize, usize, usize)> {
            in_windows(sentence, regex, anchors, before, after)
                .into_iter()
                .map(|(at, caps)| {
                    let whole = caps.get(0).expect("group 0 always matches");
                    (at + whole.start(), at + whole.end(), caps.len())
                })
                .collect()
        };
        Some(found(&kept) == found(&words))
    }

    proptest::proptest! {
        /// Leaving out the windows of version words that fail `may_be_version_of` leaves what
        /// `VERSION_OF` finds as it was.
        #[test]
        fn version_words_left_out_hold_no_version_of(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "Rev", "rev", "REV", "rev.", "Revision", "revision", "revised", "draft",
                        "Draft", "DRAFT", "redraft", "zero", "first", "fifth", "final", "Final",
                        "finalising", "version", "Version", "1.2", "2", "12", ".", "of the",
                        "of the Outcome Document", "of", "the", "Zero", "x", "é", "_",
                        "fifth draft of the Roadmap.", "revision 12 of the text is",
                        "rev. 2 of the Outcome Document,", "Version 1.2 of the Charter was",
                        "draft 3 of the plan;", "zero draft of the Compact", "final draft of the",
                        "revised draft of the Declaration (", "REV3 of the Paper", "third draft",
                    ]).prop_map(str::to_owned),
                    "[a-z0-9.]{1,3}",
                ],
                1..14,
            ),
            spaces in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", " ", " ", " ", "  ", "\t", "\u{a0}", "."]),
                14,
            ),
        ) {
            let sentence = assemble(&parts, &spaces);
            let window = (16, 130);
            let agree = windows_agree(&sentence, &VERSION_OF, Set::Version, window, may_be_version_of);
            proptest::prop_assume!(agree.is_some());
            proptest::prop_assert!(agree == Some(true), "{:?}", sentence);
        }

        /// Leaving out the windows of paragraph words that fail `may_be_paragraph` leaves what
        /// `PARAGRAPH` finds as it was.
        #[test]
        fn paragraph_words_left_out_hold_no_paragraph(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "para", "Para", "PARA", "paras", "paragraph", "Paragraphs", "PARAGRAPH",
                        "parallel", "separate", "article", "Articles", "art.", "Art.", "report.",
                        "start.", "OP", "PP", "OPEN", "¶", "§", "1", "12", "54tre", "7 bis", "and",
                        ",", "&", "to", "-", "–", ".", "x", "é", "_", "a",
                    ]).prop_map(str::to_owned),
                    "[a-z0-9.]{1,3}",
                ],
                1..14,
            ),
            spaces in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", " ", " ", "  ", "\t", "\u{b}", "\u{a0}", "."]),
                14,
            ),
        ) {
            let sentence = assemble(&parts, &spaces);
            let window = (4, 100);
            let agree = windows_agree(&sentence, &PARAGRAPH, Set::Paragraph, window, may_be_paragraph);
            proptest::prop_assume!(agree.is_some());
            proptest::prop_assert!(agree == Some(true), "{:?}", sentence);
        }

        /// Leaving out the windows of version words that fail `may_be_version` leaves what
        /// `VERSION` finds as it was.
        #[test]
        fn version_words_left_out_hold_no_version(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "Rev", "rev", "REV", "rev.", "Revision", "revision", "revised", "REVISED",
                        "draft", "Draft", "DRAFT", "drafts", "redraft", "zero", "Zero", "final",
                        "Final", "finalising", "version", "Version", "versions", "text", "first",
                        "second", "sixth", "seventh", "1.2", "2", "12", "123", "3.4.5", ".", "-",
                        "_", "x", "é", "ſ", "the", "of the", "2nd",
                    ]).prop_map(str::to_owned),
                    "[a-zA-Z0-9. -]{1,4}",
                ],
                1..14,
            ),
            spaces in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", " ", " ", "  ", "-", "\t", "\u{b}", "\u{a0}", "."]),
                14,
            ),
        ) {
            let sentence = assemble(&parts, &spaces);
            let window = (16, 24);
            let agree = windows_agree(&sentence, &VERSION, Set::Version, window, may_be_version);
            proptest::prop_assume!(agree.is_some());
            proptest::prop_assert!(agree == Some(true), "{:?}", sentence);
        }
    }

    fn refs(sentence: &str, context: Option<&str>) -> Vec<String> {
        find(sentence, context, &Cues::scan(sentence))
            .0
            .into_iter()
            .map(|f| {
                format!(
                    "{}|{}|{}",
                    f.document.unwrap_or_default(),
                    f.version.unwrap_or_default(),
                    f.paragraph.unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn finds_documents_versions_and_paragraphs() {
        assert_eq!(
            refs(
                "Titti noted that Revision 2 of the WSIS+20 Outcome Document was published.",
                None
            ),
            ["WSIS+20 Outcome Document|Rev2|"]
        );
        let ctx = Some("WSIS+20 Outcome Document");
        assert_eq!(
            refs("the Rev 2 language feels weak", ctx),
            ["WSIS+20 Outcome Document|Rev2|"]
        );
        assert_eq!(
            refs("the reintroduction of para. 54tre", ctx),
            ["WSIS+20 Outcome Document||54tre"]
        );
        assert_eq!(
            refs("paras 10 and 12bis of Rev1", ctx),
            [
                "WSIS+20 Outcome Document|Rev1|10",
                "WSIS+20 Outcome Document|Rev1|12bis",
                "WSIS+20 Outcome Document|Rev1|"
            ]
        );
        assert_eq!(
            refs("see OP 5 and paragraph 7 bis", None),
            ["||OP 5", "||7 bis"]
        );
        assert_eq!(
            refs(
                "the second draft of the outage methodology, and para 8",
                None
            ),
            [
                "outage methodology|second draft|8",
                "outage methodology|second draft|"
            ]
        );
        assert_eq!(
            title_document("Zero draft of the Chair's Summary").as_deref(),
            Some("Chair's Summary")
        );
        assert_eq!(title_document("WSIS+20 – Rev2").as_deref(), Some("WSIS+20"));
        assert_eq!(
            title_document("Model law – comments on draft 3").as_deref(),
            Some("Model law")
        );
        assert_eq!(title_document("IGF Improvements"), None);
        assert_eq!(
            refs("the Draft Declaration on Trusted Data Flows was long", None),
            ["Draft Declaration on Trusted Data Flows||"]
        );
        assert_eq!(
            refs("the Draft Declaration was long", None),
            ["Draft Declaration||"]
        );
        assert!(refs("she noted the revision was long", None).is_empty());
    }
}
