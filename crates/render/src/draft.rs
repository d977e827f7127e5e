//! A draft summary report from a verbatim transcript, for the rapporteur to rewrite.
//!
//! The draft follows the house layout (the group and occasion lines, the title, an opening,
//! the agenda, the discussion by agenda item, the participants), but its discussion holds
//! nothing of ours: under each item, each speaker gets their two or three most
//! content-bearing sentences, quoted verbatim and each followed by a link to its line in the
//! transcript, `[transcript.txt:123](transcript.txt#L123)`. The lines we compose (the opening,
//! each speaker's line) are marked as for the rapporteur to rewrite.
//!
//! A sentence is quoted only when it is found, as written, in the transcript lines of its
//! turn; one that cannot be found there (a stage note was taken out of its middle) is left
//! out rather than quoted without a source.
//!
//! How a sentence is scored, so the choice can be explained: two points per content word (a
//! word of three letters or more that is not on the stop list), three per named thing (a
//! capitalised word that does not open the sentence), four per number; sentences under six
//! or over sixty words are not quoted. The best three of a speaker under an item, at six
//! points or more, are quoted in the order they were said.

use std::fmt::Write as _;

use model::{Record, Speaker};

use crate::layout::{self, Layout, item_label};
use crate::markdown::escape;
use crate::sentences::{sentences, words};
use crate::stats::speaker_label;

/// The mark on every line the draft composes rather than quotes.
pub const TO_REWRITE: &str = "*(draft: for the rapporteur to rewrite)*";

/// Sentences quoted per speaker under one agenda item.
const QUOTES: usize = 3;
/// The least score a sentence needs to be quoted.
const MIN_SCORE: u32 = 6;
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 60;

/// Words that carry no content of their own.
const STOP_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "are",
    "but",
    "not",
    "you",
    "all",
    "any",
    "can",
    "had",
    "her",
    "was",
    "one",
    "our",
    "out",
    "has",
    "have",
    "him",
    "his",
    "how",
    "its",
    "may",
    "new",
    "now",
    "old",
    "see",
    "two",
    "who",
    "did",
    "get",
    "let",
    "say",
    "she",
    "too",
    "use",
    "that",
    "this",
    "with",
    "from",
    "they",
    "will",
    "would",
    "there",
    "their",
    "what",
    "about",
    "which",
    "when",
    "make",
    "like",
    "time",
    "just",
    "know",
    "take",
    "into",
    "year",
    "your",
    "good",
    "some",
    "could",
    "them",
    "than",
    "then",
    "look",
    "only",
    "come",
    "over",
    "think",
    "also",
    "back",
    "after",
    "work",
    "well",
    "even",
    "want",
    "because",
    "these",
    "give",
    "most",
    "very",
    "thank",
    "thanks",
    "yes",
    "okay",
    "please",
    "everyone",
    "much",
    "here",
    "were",
    "been",
    "being",
    "should",
    "does",
    "done",
    "doing",
    "going",
    "really",
    "just",
    "very",
    "those",
    "such",
    "more",
    "each",
    "other",
    "where",
    "while",
    "why",
    "we're",
    "i'm",
    "it's",
    "that's",
    "don't",
    "can't",
    "let's",
    "i'd",
    "we'll",
    "you're",
    "floor",
    "colleagues",
    "chair",
    "agree",
    "agreed",
    "mean",
    "sure",
    "right",
    "yeah",
    "something",
    "things",
    "thing",
    "kind",
    "maybe",
    "perhaps",
    "already",
    "still",
    "again",
    "quite",
    "lot",
    "way",
    "said",
    "say",
    "says",
];

/// The score of a sentence, as the module documentation explains; 0 when it is too short or
/// too long to quote.
pub fn score(sentence: &str) -> u32 {
    let all: Vec<&str> = words(sentence).collect();
    if !(MIN_WORDS..=MAX_WORDS).contains(&all.len()) {
        return 0;
    }
    let mut score = 0;
    for (index, word) in all.iter().enumerate() {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric());
        if clean.chars().any(|c| c.is_ascii_digit()) {
            score += 4;
        } else if index > 0 && clean.chars().next().is_some_and(char::is_uppercase) && clean != "I"
        {
            score += 3;
        } else if clean.chars().count() >= 3 && !STOP_WORDS.contains(&clean.to_lowercase().as_str())
        {
            score += 2;
        }
    }
    score
}

/// A sentence found in the transcript: its text and the lines it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub first_line: u32,
    pub last_line: u32,
}

/// Where `sentence` stands in the transcript lines `first..=last`, compared as the reader
/// joins them (each line trimmed, one space between lines).
pub fn locate(source: &str, first: u32, last: u32, sentence: &str) -> Option<(u32, u32)> {
    if first == 0 || sentence.is_empty() {
        return None;
    }
    let mut joined = String::new();
    let mut starts: Vec<(usize, u32)> = Vec::new();
    for (index, line) in source.split('\n').enumerate().skip(first as usize - 1) {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if number > last {
            break;
        }
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        starts.push((joined.len(), number));
        joined.push_str(line);
    }
    let at = joined.find(sentence)?;
    let line_of = |offset: usize| {
        let index = starts.partition_point(|(start, _)| *start <= offset);
        starts
            .get(index.saturating_sub(1))
            .map_or(first, |(_, n)| *n)
    };
    Some((line_of(at), line_of(at + sentence.len() - 1)))
}

/// The draft, in Markdown. `source` is the transcript's text, as decoded (the lines the
/// record's spans count); the links name the file of `record.source.path`.
pub fn draft(record: &Record, source: &str) -> String {
    let file = record
        .source
        .path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("transcript.txt")
        .to_owned();
    let page = Layout::new(record, &crate::RenderOptions::default());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!-- A draft written by rapporteur from {}. Every quotation links to its line in the transcript; lines marked \"for the rapporteur to rewrite\" are ours, not the meeting's. -->\n",
        escape(&file)
    );
    let header: Vec<String> = page
        .group
        .into_iter()
        .chain(page.occasion.iter().map(String::as_str))
        .map(escape)
        .collect();
    if !header.is_empty() {
        out.push_str(&header.join("\\\n"));
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "# Summary Report\n");
    let opening = page
        .opening
        .as_deref()
        .map_or_else(|| "The meeting was held.".to_owned(), escape);
    let _ = writeln!(out, "{opening} {TO_REWRITE}\n");

    if !record.agenda.is_empty() {
        let _ = writeln!(out, "## {}\n", layout::AGENDA);
        for item in record.agenda_items() {
            let _ = writeln!(out, "{} {}", item_label(&item.number), escape(&item.title));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", layout::DISCUSSION);
    let mut sections: Vec<(Option<&str>, String)> = Vec::new();
    if record.interventions.iter().any(|i| i.agenda_item.is_none()) {
        sections.push((None, String::new()));
    }
    for item in record.agenda_items() {
        sections.push((
            Some(item.number.as_str()),
            format!("{} {}", item_label(&item.number), item.title),
        ));
    }
    for intervention in &record.interventions {
        if let Some(number) = intervention.agenda_item.as_deref()
            && !sections.iter().any(|(n, _)| *n == Some(number))
        {
            sections.push((
                Some(number),
                format!("{} (not on the agenda)", item_label(number)),
            ));
        }
    }
    for (number, heading) in &sections {
        if !heading.is_empty() {
            let _ = writeln!(out, "### {}\n", escape(heading));
        }
        let filed: Vec<&model::Intervention> = record
            .interventions
            .iter()
            .filter(|i| i.agenda_item.as_deref() == *number)
            .collect();
        if filed.is_empty() {
            let _ = writeln!(out, "{}\n", layout::NO_DISCUSSION);
            continue;
        }
        item_discussion(&mut out, &filed, source, &file);
    }

    if !record.participants.is_empty() {
        let _ = writeln!(out, "## {}\n", layout::PARTICIPANTS);
        for (index, participant) in page.participants.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", index + 1, escape(participant));
        }
        out.push('\n');
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// Under one agenda item: each speaker, in order of first turn, with their best quotes.
fn item_discussion(out: &mut String, filed: &[&model::Intervention], source: &str, file: &str) {
    let mut speakers: Vec<&Speaker> = Vec::new();
    for intervention in filed {
        if !speakers
            .iter()
            .any(|s| speaker_label(s) == speaker_label(&intervention.speaker))
        {
            speakers.push(&intervention.speaker);
        }
    }
    for speaker in speakers {
        let label = speaker_label(speaker);
        // (order, position in the turn, score, quote)
        let mut found: Vec<(u32, usize, u32, Quote)> = Vec::new();
        let mut turns = 0;
        for intervention in filed.iter().filter(|i| speaker_label(&i.speaker) == label) {
            turns += 1;
            for (index, (start, end)) in sentences(&intervention.text).into_iter().enumerate() {
                let sentence = &intervention.text[start..end];
                let points = score(sentence);
                if points < MIN_SCORE {
                    continue;
                }
                let span = intervention.span;
                if let Some((first_line, last_line)) =
                    locate(source, span.start_line, span.end_line, sentence)
                {
                    found.push((
                        intervention.order,
                        index,
                        points,
                        Quote {
                            text: sentence.to_owned(),
                            first_line,
                            last_line,
                        },
                    ));
                }
            }
        }
        found.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
        found.truncate(QUOTES);
        found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let turns_said = if turns == 1 {
            "1 turn".to_owned()
        } else {
            format!("{turns} turns")
        };
        let _ = writeln!(out, "**{}** ({turns_said}) {TO_REWRITE}\n", escape(&label));
        if found.is_empty() {
            let _ = writeln!(out, "- No sentence long enough to quote.\n");
            continue;
        }
        for (_, _, _, quote) in &found {
            let _ = writeln!(out, "- “{}” {}", escape(&quote.text), cite(file, quote));
        }
        out.push('\n');
    }
}

/// `[file:12](file#L12)`, or `[file:12-13](file#L12-L13)` for a sentence over two lines.
pub fn cite(file: &str, quote: &Quote) -> String {
    let file = escape(file);
    if quote.first_line == quote.last_line {
        format!("[{file}:{0}]({file}#L{0})", quote.first_line)
    } else {
        format!(
            "[{file}:{0}-{1}]({file}#L{0}-L{1})",
            quote.first_line, quote.last_line
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_content_not_courtesy() {
        assert_eq!(score("Thank you very much, Chair."), 0);
        assert!(score("Thank you, and thank you all for being here today.") < MIN_SCORE);
        let content = "Principle 7 now asks every data holder to publish a retention schedule.";
        assert!(score(content) >= 20, "{}", score(content));
    }

    #[test]
    fn finds_sentences_on_their_lines() {
        let source =
            ">> ANA NEVES: First line here.\n    Second part of a sentence\nthat wraps. End.\n";
        assert_eq!(locate(source, 1, 3, "First line here."), Some((1, 1)));
        assert_eq!(
            locate(source, 1, 3, "Second part of a sentence that wraps."),
            Some((2, 3))
        );
        assert_eq!(locate(source, 2, 3, "First line here."), None);
        assert_eq!(locate(source, 0, 3, "End."), None);
        let quote = Quote {
            text: String::new(),
            first_line: 2,
            last_line: 3,
        };
        assert_eq!(cite("t_1.txt", &quote), r"[t\_1.txt:2-3](t\_1.txt#L2-L3)");
    }
}
