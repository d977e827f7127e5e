//! Comments that follow the text: a quote anchored the way the W3C Web Annotation model's
//! `TextQuoteSelector` anchors it (the exact words, with a little text before and after), and
//! its relocation in the paragraph's text in a later revision.
//!
//! The paragraph itself is found by identity ([`History::follow`](crate::History::follow));
//! [`relocate`] then looks for the quote inside it. An exact match is *survived*; several
//! exact matches are told apart by how much of the prefix and suffix still stand beside each.
//! Without an exact match, the stretch of the new text that holds most of the quote's words
//! (at least half of them), or the stretch still framed by the old prefix and suffix, is the
//! quote *changed*; otherwise it is *gone*.

use serde::Serialize;

/// How many characters of context an anchor keeps on each side.
pub const CONTEXT: usize = 32;

/// A quoted span of a paragraph, as in a W3C `TextQuoteSelector`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Anchor {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where an anchor's quote stands in a later text. Offsets are byte offsets in that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Relocation {
    /// The quoted words are still there, exactly.
    Survived { start: usize, end: usize },
    /// The quoted words were edited; this is the stretch that replaced them.
    Changed { start: usize, end: usize },
    /// Nothing of the quote is left.
    Gone,
}

/// The anchor for bytes `start..end` of `paragraph_text`. Offsets are clamped to the text and
/// moved back to character boundaries, so any pair of numbers gives an anchor.
pub fn anchor(paragraph_text: &str, start: usize, end: usize) -> Anchor {
    let floor = |mut at: usize| {
        at = at.min(paragraph_text.len());
        while !paragraph_text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (floor(start.min(end)), floor(start.max(end)));
    let before = &paragraph_text[..start];
    let after = &paragraph_text[end..];
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let suffix_end = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    Anchor {
        exact: paragraph_text[start..end].to_owned(),
        prefix: before[prefix_start..].to_owned(),
        suffix: after[..suffix_end].to_owned(),
    }
}

/// Finds `anchor`'s quote in `new_text`.
pub fn relocate(anchor: &Anchor, new_text: &str) -> Relocation {
    if !anchor.exact.is_empty() {
        let best = new_text
            .match_indices(anchor.exact.as_str())
            .map(|(at, _)| {
                (
                    at,
                    context_score(anchor, new_text, at, at + anchor.exact.len()),
                )
            })
            .max_by_key(|&(at, score)| (score, std::cmp::Reverse(at)));
        if let Some((start, _)) = best {
            return Relocation::Survived {
                start,
                end: start + anchor.exact.len(),
            };
        }
    }
    if let Some((start, end)) = by_words(&anchor.exact, new_text) {
        return Relocation::Changed { start, end };
    }
    if let Some((start, end)) = by_context(anchor, new_text) {
        return Relocation::Changed { start, end };
    }
    Relocation::Gone
}

/// How many characters of prefix and suffix still stand beside `start..end`.
fn context_score(anchor: &Anchor, text: &str, start: usize, end: usize) -> usize {
    let before = text[..start].chars().rev();
    let prefix = anchor.prefix.chars().rev();
    let after = text[end..].chars();
    let suffix = anchor.suffix.chars();
    before.zip(prefix).take_while(|(x, y)| x == y).count()
        + after.zip(suffix).take_while(|(x, y)| x == y).count()
}

/// Words of a text with their byte ranges, lowercase.
fn spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push((s, at, text[s..at].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The window of `text`'s words, about as long as the quote, that holds most of its words;
/// trimmed to the first and last word it shares; `None` unless it holds at least half.
fn by_words(exact: &str, text: &str) -> Option<(usize, usize)> {
    let quote: Vec<String> = spans(exact).into_iter().map(|(_, _, w)| w).collect();
    let words = spans(text);
    if quote.is_empty() || words.is_empty() {
        return None;
    }
    // Windows from the quote's length to half as long again, since edits often add words;
    // the most shared words win, then the shortest window, then the first.
    let mut best: Option<(usize, usize, usize)> = None;
    let longest = (quote.len() + quote.len() / 2 + 1).min(words.len());
    for window in quote.len().min(words.len())..=longest {
        for start in 0..=(words.len() - window) {
            let mut left: Vec<&String> = quote.iter().collect();
            let mut shared = 0;
            for (_, _, w) in &words[start..start + window] {
                if let Some(k) = left.iter().position(|q| *q == w) {
                    left.swap_remove(k);
                    shared += 1;
                }
            }
            if best.is_none_or(|(s, _, _)| shared > s) {
                best = Some((shared, start, window));
            }
        }
    }
    let (shared, start, window) = best?;
    if shared * 2 < quote.len() {
        return None;
    }
    let inside: Vec<&(usize, usize, String)> = words[start..start + window]
        .iter()
        .filter(|(_, _, w)| quote.contains(w))
        .collect();
    Some((inside.first()?.0, inside.last()?.1))
}

/// The stretch between the old prefix and suffix, when both still stand in order with
/// something between them.
fn by_context(anchor: &Anchor, text: &str) -> Option<(usize, usize)> {
    let prefix = anchor.prefix.trim();
    let suffix = anchor.suffix.trim();
    if prefix.len() < 8 || suffix.len() < 8 {
        return None;
    }
    let start = text.find(prefix)? + prefix.len();
    let end = start + text[start..].find(suffix)?;
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    (!trimmed.is_empty()).then_some((start + lead, start + lead + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_clamp_and_respect_characters() {
        let a = anchor("café au lait", 4, 100);
        assert_eq!(a.exact, "é au lait");
        assert_eq!(a.prefix, "caf");
        assert_eq!(a.suffix, "");
        assert_eq!(anchor("abc", 2, 1).exact, "b");
    }
}
