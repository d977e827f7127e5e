//! Finding a person's name in the text of an intervention, and writing the full name in.
//!
//! Matches are whole words only, so "Ana" is never found inside "Anatole" or "Banana"; the
//! searches never panic on any text, because every slice is taken at a match's own boundaries.

use std::ops::Range;

/// The byte range of the first occurrence of `word` in `text` that stands as a word of its own.
pub(crate) fn find_word(text: &str, word: &str) -> Option<Range<usize>> {
    if word.is_empty() {
        return None;
    }
    text.match_indices(word)
        .map(|(start, _)| start..start + word.len())
        .find(|range| {
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

/// `text` with its first standalone `mention` replaced by the full `name`, and where the full
/// name now stands; `None` when the text does not contain the mention.
///
/// When that first occurrence is already part of the full name ("Titti Cassa noted", mention
/// "Cassa"), the text is returned unchanged, so a name is never doubled.
pub(crate) fn with_full_name(
    text: &str,
    mention: &str,
    name: &str,
) -> Option<(String, Range<usize>)> {
    let found = find_word(text, mention)?;
    for (offset, _) in name.match_indices(mention) {
        let Some(start) = found.start.checked_sub(offset) else {
            continue;
        };
        if text.get(start..).is_some_and(|rest| rest.starts_with(name)) {
            return Some((text.to_owned(), start..start + name.len()));
        }
    }
    let mut replaced = String::with_capacity(text.len() + name.len());
    replaced.push_str(&text[..found.start]);
    replaced.push_str(name);
    replaced.push_str(&text[found.end..]);
    Some((replaced, found.start..found.start + name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replace(text: &str, mention: &str, name: &str) -> String {
        with_full_name(text, mention, name).map_or_else(|| "(no match)".to_owned(), |(t, _)| t)
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(find_word("Banana and Ana agreed", "Ana"), Some(11..14));
        assert_eq!(find_word("Anatole agreed", "Ana"), None);
        assert_eq!(find_word("", "Ana"), None);
        assert_eq!(find_word("Ana", ""), None);
    }

    #[test]
    fn possessive_counts_as_a_word_end() {
        assert_eq!(
            replace("Titti's point", "Titti", "Titti Cassa"),
            "Titti Cassa's point"
        );
    }

    #[test]
    fn replaces_only_the_first_occurrence() {
        assert_eq!(
            replace("Titti noted that Titti", "Titti", "Titti Cassa"),
            "Titti Cassa noted that Titti"
        );
    }

    #[test]
    fn never_doubles_a_name_already_written_in_full() {
        assert_eq!(
            replace("Titti Cassa noted", "Cassa", "Titti Cassa"),
            "Titti Cassa noted"
        );
        assert_eq!(
            with_full_name("Titti Cassa noted", "Cassa", "Titti Cassa").map(|r| r.1),
            Some(0..11)
        );
    }

    #[test]
    fn multibyte_text_around_the_name() {
        assert_eq!(
            replace("— Zoë said", "Zoë", "Zoë Ångström"),
            "— Zoë Ångström said"
        );
        assert_eq!(replace("ÉZoë said", "Zoë", "Zoë Ångström"), "(no match)");
    }
}
