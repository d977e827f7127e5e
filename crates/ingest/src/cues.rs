//! The cue words of every extractor, found in one pass over a sentence.
//!
//! Each extractor (actions, decisions, agreements, dates, references) has words without
//! which its patterns cannot match. Rather than each scanning the sentence with an automaton
//! of its own, one Aho-Corasick automaton over all their words reports every occurrence
//! once; each extractor then asks only about its own set. The answers are exactly those of
//! a separate automaton per set: "is there a match", "every match" (overlapping) and "the
//! matches a standard non-overlapping search reports".

use std::sync::LazyLock;

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;

/// A set of cue words, one per extractor that tests for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    /// Words without which no action pattern matches.
    Action,
    /// Every literal the action patterns test for, by its index in `actions::LITERALS`.
    ActionLiteral,
    /// Words without which a sentence records no decision.
    Decision,
    /// "agreed with" and its kin.
    AgreedWith,
    /// Verbs of support before a possessive ("supported Timea's").
    Support,
    /// Month names and abbreviations.
    Month,
    /// Words of a revision ("Rev", "draft", "version").
    Version,
    /// The last words of a document's name ("Document", "Declaration").
    DocumentHead,
    /// Words that start a paragraph reference ("para", "OP", "§").
    Paragraph,
}

impl Set {
    /// The set's bit in `Cues::present`.
    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

// Each set is listed once in `SETS`, and has one of the sixteen bits of `Cues::present`.
const _: () = assert!(SETS.len() <= 16);

const SETS: &[(Set, &[&str])] = &[
    (Set::Action, crate::actions::CUES),
    (Set::ActionLiteral, crate::actions::LITERALS),
    (Set::Decision, crate::actions::DECISION_CUES),
    (Set::AgreedWith, crate::summary_report::AGREED_WITH_WORDS),
    (Set::Support, crate::summary_report::SUPPORT_WORDS),
    (Set::Month, crate::dates::MONTH_CUES),
    (Set::Version, crate::references::VERSION_CUES),
    (Set::DocumentHead, crate::references::DOCUMENT_HEADS),
    (Set::Paragraph, crate::references::PARAGRAPH_CUES),
];

/// The automaton over every set's words, and for each of its patterns the set and the index
/// of the word in that set.
static ALL: LazyLock<(DFA, Vec<(Set, usize)>)> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut owners = Vec::new();
    for &(set, list) in SETS {
        for (index, word) in list.iter().enumerate() {
            words.push(*word);
            owners.push((set, index));
        }
    }
    // The automaton itself, rather than `AhoCorasick` around it: `rescan` walks it in a loop
    // of its own, which reports every word ending at a byte without leaving the loop.
    let automaton = DFA::builder()
        .prefilter(false)
        .build(words)
        .expect("a list of plain words always builds an automaton");
    (automaton, owners)
});

/// One occurrence of a cue word.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub set: Set,
    /// The index of the word in its set's list.
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

/// Every occurrence of every cue word in a text, ordered as an overlapping search reports
/// them: by end, and at one end the longest word first.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    hits: Vec<Hit>,
    /// The sets with a word among `hits`, one bit each: most questions are "any word of this
    /// set?", asked several times a sentence, and most answers are no.
    present: u16,
}

impl Cues {
    /// Finds every cue word in `text`.
    pub fn scan(text: &str) -> Cues {
        // Most sentences hold a handful of cue words: one allocation, no regrowth.
        let mut cues = Cues {
            hits: Vec::with_capacity(16),
            present: 0,
        };
        cues.rescan(text);
        cues
    }

    /// Finds every cue word in `text`, in place of those found before: a reader that keeps
    /// one `Cues` for all its sentences allocates its list once.
    pub fn rescan(&mut self, text: &str) {
        let (automaton, owners) = &*ALL;
        self.hits.clear();
        self.present = 0;
        let Ok(mut state) = automaton.start_state(Anchored::No) else {
            return;
        };
        for (at, &byte) in text.as_bytes().iter().enumerate() {
            state = automaton.next_state(Anchored::No, state, byte);
            // Special states are the dead state (an unanchored search has none) and the
            // states where words end, in the order an overlapping search reports them.
            if automaton.is_special(state) && automaton.is_match(state) {
                let end = at + 1;
                for index in 0..automaton.match_len(state) {
                    let pattern = automaton.match_pattern(state, index);
                    let (set, index) = owners[pattern.as_usize()];
                    self.present |= set.bit();
                    self.hits.push(Hit {
                        set,
                        index,
                        start: end - automaton.pattern_len(pattern),
                        end,
                    });
                }
            }
        }
    }

    /// The cue words of `text[start..end]`, from those of `text`: what `scan` of the slice
    /// finds, since a cue word that crosses the slice's ends is in neither. A reader that
    /// scans a whole turn once gets each sentence's cues without scanning it again.
    pub fn within(&self, start: usize, end: usize) -> Cues {
        let hits: Vec<Hit> = self
            .hits
            .iter()
            .filter(|h| h.start >= start && h.end <= end)
            .map(|h| Hit {
                start: h.start - start,
                end: h.end - start,
                ..*h
            })
            .collect();
        let present = hits.iter().fold(0, |bits, h| bits | h.set.bit());
        Cues { hits, present }
    }

    /// Every occurrence of the words of `set`, overlapping ones included.
    pub fn all(&self, set: Set) -> impl Iterator<Item = &Hit> {
        let hits: &[Hit] = if self.any(set) { &self.hits } else { &[] };
        hits.iter().filter(move |h| h.set == set)
    }

    /// Whether any word of `set` occurs.
    pub fn any(&self, set: Set) -> bool {
        self.present & set.bit() != 0
    }

    /// Whether any word of `set` occurs at or after byte `from`.
    pub fn any_from(&self, set: Set, from: usize) -> bool {
        self.any(set) && self.hits.iter().any(|h| h.set == set && h.start >= from)
    }

    /// The byte ranges a standard, non-overlapping search for the words of `set` reports:
    /// the match that ends first (the longest of those ending there), then the same again
    /// from its end on.
    pub fn leftmost(&self, set: Set) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        for hit in self.all(set) {
            if hit.start >= from {
                out.push((hit.start, hit.end));
                from = hit.end;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    /// The ranges a separate automaton for one set reports, to compare with.
    fn separate(words: &[&str], text: &str) -> Vec<(usize, usize)> {
        crate::text::cue_words(words)
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    #[test]
    fn one_pass_answers_as_a_pass_per_set() {
        for text in [
            "Rev 2 of the draft Revision and the Draft Final version; para 5, Paragraph 7, OP 3.",
            "the revised draft Declaration on the Outcome Document, art. 5 and Article 6 §2",
            "REVrevRev draftdraft ersionersion Finalinal paraPara",
        ] {
            let cues = Cues::scan(text);
            for &(set, words) in SETS {
                assert_eq!(
                    cues.leftmost(set),
                    separate(words, text),
                    "{set:?} in {text}"
                );
                assert_eq!(cues.any(set), crate::text::cue_words(words).is_match(text));
                // A slice's cues, taken from the whole text's, are those a scan of it finds.
                let half = crate::text::floor_char_boundary(text, text.len() / 2);
                assert_eq!(
                    cues.within(3, half).leftmost(set),
                    Cues::scan(&text[3..half]).leftmost(set),
                    "{set:?} in {text}"
                );
            }
        }
    }

    proptest::proptest! {
        /// The hand-written walk of the automaton reports what the library's overlapping
        /// search over the same words reports, in the same order.
        #[test]
        fn the_walk_reports_what_an_overlapping_search_does(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(
                        SETS.iter().flat_map(|(_, words)| words.iter().copied()).collect::<Vec<_>>()
                    ).prop_map(str::to_owned),
                    "[a-zA-Z .:,§¶é]{0,6}",
                ],
                0..24,
            ),
        ) {
            let text: String = parts.concat();
            let words: Vec<&str> = SETS.iter().flat_map(|(_, words)| words.iter().copied()).collect();
            let library = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&words)
                .expect("the cue words build an automaton");
            let expected: Vec<(usize, usize, usize)> = library
                .find_overlapping_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            let (_, owners) = &*ALL;
            let walked: Vec<(usize, usize, usize)> = Cues::scan(&text)
                .hits
                .iter()
                .map(|h| {
                    let pattern = owners
                        .iter()
                        .position(|&(set, index)| set == h.set && index == h.index)
                        .expect("every hit is of a word in the list");
                    (pattern, h.start, h.end)
                })
                .collect();
            proptest::prop_assert_eq!(walked, expected);
        }
    }
}
