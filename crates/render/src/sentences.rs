//! Sentences of verbatim speech, for the speaking statistics and the draft summary.
//!
//! A sentence ends at `.`, `?` or `!` followed by white space and a capital, a digit or a
//! quote, or at the end of the text; a full stop after a common abbreviation ("Mr.", "para.")
//! or an initial ("J.") does not end one. Ranges are byte ranges of the text, trimmed, so a
//! sentence is always a verbatim slice of what was said.

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "amb", "st", "no", "para", "paras", "e.g", "i.e", "etc", "vs",
    "cf", "rev", "art", "p", "pp", "op", "u.s", "u.n", "u.k",
];

/// Byte ranges of the sentences of `text`, in order.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        if !matches!(byte, b'.' | b'?' | b'!') || at < start || !ends_here(text, at) {
            continue;
        }
        let mut end = at + 1;
        while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
            end += 1;
        }
        push_trimmed(text, start, end, &mut out);
        start = end;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if !piece.trim().is_empty() {
        out.push((start + lead, end - trail));
    }
}

fn ends_here(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let mut next = at + 1;
    while next < bytes.len() && matches!(bytes[next], b'"' | b'\'' | b')') {
        next += 1;
    }
    if next >= bytes.len() {
        return true;
    }
    if !bytes[next].is_ascii_whitespace() {
        return false;
    }
    let Some(first) = text[next..].trim_start().chars().next() else {
        return true;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || "\"'“‘(".contains(first)) {
        return false;
    }
    if bytes[at] != b'.' {
        return true;
    }
    let before = &text[..at];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The words of a text: runs of non-space characters with at least one letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
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
    fn splits_speech() {
        assert_eq!(
            split("Thank you, Mr. Chair. Is it adopted? I see no objections!  Good"),
            [
                "Thank you, Mr. Chair.",
                "Is it adopted?",
                "I see no objections!",
                "Good"
            ]
        );
        assert_eq!(
            split("Version 2.5 is out. J. Smith agreed."),
            ["Version 2.5 is out.", "J. Smith agreed."]
        );
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(words("So - 10,000 records, please.").count(), 4);
    }
}
