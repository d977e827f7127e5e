//! Speaking statistics of a meeting: per speaker and per stakeholder group, the turns taken,
//! the words spoken and the share of all words, and the questions asked.
//!
//! Computed from the record alone, so the numbers are only as good as the attribution: an
//! ambiguous speaker counts under the name as written with its candidates, an unidentified
//! voice under "unidentified voice", and a speaker whose stakeholder group the participant
//! list does not state under "not stated". Nothing is guessed to make the numbers tidier.
//! A question is a sentence ending in `?`, kept with the turn it was asked in.

use std::fmt::Write as _;

use model::{Record, Speaker};
use serde_json::{Value, json};

use crate::sentences::{sentences, words};

/// The label of a speaker the captioner did not identify (a bare `>>`).
pub const UNIDENTIFIED: &str = "unidentified voice";
/// The label of speech by the group as a whole.
pub const GROUP: &str = "the group";
/// The stakeholder group of a speaker whose group the record does not state.
pub const NOT_STATED: &str = "not stated";

/// The statistics of one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub turns: u32,
    pub words: u32,
    /// By words spoken, most first; ties in order of first turn.
    pub speakers: Vec<Tally>,
    /// By words spoken, most first; ties by name.
    pub groups: Vec<Tally>,
    /// In the order they were asked.
    pub questions: Vec<Question>,
}

/// Turns and words of one speaker or one stakeholder group.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The speaker's label, or the stakeholder group's name.
    pub name: String,
    /// The speaker's status (`resolved`, `ambiguous`, `unknown`, `none`); `None` for a group.
    pub status: Option<&'static str>,
    /// For a speaker, their stakeholder group; for a group, `None`.
    pub group: Option<String>,
    /// How many distinct speakers a group's tally adds up; 1 for a speaker.
    pub speakers: u32,
    pub turns: u32,
    pub words: u32,
    /// `words` over all words of the meeting, from 0 to 1; 0 when nobody said anything.
    pub share: f64,
}

/// A question asked in a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The speaker's label.
    pub speaker: String,
    /// The turn's `order` in the record.
    pub turn: u32,
    /// The turn's first line in the source.
    pub line: u32,
    pub text: String,
}

/// How a speaker is counted: the full name, the name as written, or a label that says why
/// there is no name.
pub fn speaker_label(speaker: &Speaker) -> String {
    match speaker {
        Speaker::Resolved { name, .. } => name.clone(),
        Speaker::Ambiguous {
            mention,
            candidates,
        } => format!("{mention} (ambiguous: {})", candidates.join(" or ")),
        Speaker::Unknown { mention } if mention.trim().is_empty() => UNIDENTIFIED.to_owned(),
        Speaker::Unknown { mention } => mention.clone(),
        Speaker::Nobody => GROUP.to_owned(),
    }
}

/// The statistics of `record`.
pub fn compute(record: &Record) -> Stats {
    let mut speakers: Vec<Tally> = Vec::new();
    let mut questions = Vec::new();
    let mut total = 0u32;
    for intervention in &record.interventions {
        let label = speaker_label(&intervention.speaker);
        let count = u32::try_from(words(&intervention.text).count()).unwrap_or(u32::MAX);
        total = total.saturating_add(count);
        let group = match &intervention.speaker {
            Speaker::Resolved { name, .. } => record
                .participant(name)
                .and_then(|p| p.stakeholder_group)
                .map(|g| g.as_str().to_owned()),
            _ => None,
        };
        let at = match speakers.iter().position(|s| s.name == label) {
            Some(at) => at,
            None => {
                speakers.push(Tally {
                    name: label.clone(),
                    status: Some(intervention.speaker.status()),
                    group: Some(group.unwrap_or_else(|| NOT_STATED.to_owned())),
                    speakers: 1,
                    turns: 0,
                    words: 0,
                    share: 0.0,
                });
                speakers.len() - 1
            }
        };
        speakers[at].turns += 1;
        speakers[at].words = speakers[at].words.saturating_add(count);
        for (start, end) in sentences(&intervention.text) {
            let sentence = &intervention.text[start..end];
            if sentence
                .trim_end_matches(['"', '\'', ')', '”', '’'])
                .ends_with('?')
            {
                questions.push(Question {
                    speaker: label.clone(),
                    turn: intervention.order,
                    line: intervention.span.start_line,
                    text: sentence.to_owned(),
                });
            }
        }
    }
    let mut groups: Vec<Tally> = Vec::new();
    for speaker in &speakers {
        let name = speaker
            .group
            .clone()
            .unwrap_or_else(|| NOT_STATED.to_owned());
        match groups.iter_mut().find(|g| g.name == name) {
            Some(group) => {
                group.speakers += 1;
                group.turns += speaker.turns;
                group.words = group.words.saturating_add(speaker.words);
            }
            None => groups.push(Tally {
                name,
                status: None,
                group: None,
                speakers: 1,
                turns: speaker.turns,
                words: speaker.words,
                share: 0.0,
            }),
        }
    }
    for tally in speakers.iter_mut().chain(groups.iter_mut()) {
        tally.share = if total == 0 {
            0.0
        } else {
            f64::from(tally.words) / f64::from(total)
        };
    }
    // Stable sorts: equal counts keep the order of first turn.
    speakers.sort_by_key(|s| std::cmp::Reverse(s.words));
    groups.sort_by(|a, b| b.words.cmp(&a.words).then_with(|| a.name.cmp(&b.name)));
    Stats {
        turns: u32::try_from(record.interventions.len()).unwrap_or(u32::MAX),
        words: total,
        speakers,
        groups,
        questions,
    }
}

/// A share as a percentage with one decimal: "37.5%".
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The statistics as aligned plain-text tables, then the questions.
pub fn to_text(stats: &Stats, title: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{} turns, {} words, {} speakers, {} questions\n",
        stats.turns,
        stats.words,
        stats.speakers.len(),
        stats.questions.len()
    );
    table(
        &mut out,
        "Speakers",
        &["speaker", "group", "turns", "words", "share"],
        stats.speakers.iter().map(|s| {
            vec![
                s.name.clone(),
                s.group.clone().unwrap_or_default(),
                s.turns.to_string(),
                s.words.to_string(),
                percent(s.share),
            ]
        }),
    );
    table(
        &mut out,
        "Stakeholder groups",
        &["group", "speakers", "turns", "words", "share"],
        stats.groups.iter().map(|g| {
            vec![
                g.name.clone(),
                g.speakers.to_string(),
                g.turns.to_string(),
                g.words.to_string(),
                percent(g.share),
            ]
        }),
    );
    let _ = writeln!(out, "Questions");
    if stats.questions.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for q in &stats.questions {
        let _ = writeln!(
            out,
            "  turn {} (line {}), {}: {}",
            q.turn, q.line, q.speaker, q.text
        );
    }
    out
}

/// A table with a heading; the first two columns left-aligned, numbers right-aligned.
fn table(out: &mut String, title: &str, head: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    let rows: Vec<Vec<String>> = rows.collect();
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let _ = writeln!(out, "{title}");
    let line = |out: &mut String, cells: Vec<String>| {
        let mut text = String::from(" ");
        for (index, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let pad = width - cell.chars().count();
            text.push(' ');
            if index < 2 {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            }
            text.push(' ');
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(out, head.iter().map(|h| (*h).to_owned()).collect());
    for row in rows {
        line(out, row);
    }
    out.push('\n');
}

/// The statistics as JSON: `{"turns", "words", "speakers": [...], "groups": [...],
/// "questions": [...]}`; shares are fractions rounded to four decimals.
pub fn to_json(stats: &Stats) -> Value {
    let round = |share: f64| (share * 10_000.0).round() / 10_000.0;
    json!({
        "turns": stats.turns,
        "words": stats.words,
        "speakers": stats.speakers.iter().map(|s| json!({
            "speaker": s.name,
            "status": s.status,
            "stakeholder_group": s.group,
            "turns": s.turns,
            "words": s.words,
            "share": round(s.share),
        })).collect::<Vec<_>>(),
        "groups": stats.groups.iter().map(|g| json!({
            "stakeholder_group": g.name,
            "speakers": g.speakers,
            "turns": g.turns,
            "words": g.words,
            "share": round(g.share),
        })).collect::<Vec<_>>(),
        "questions": stats.questions.iter().map(|q| json!({
            "speaker": q.speaker,
            "turn": q.turn,
            "line": q.line,
            "text": q.text,
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Intervention, Participant, Span, StakeholderGroup};

    fn turn(order: u32, speaker: Speaker, text: &str) -> Intervention {
        Intervention {
            agenda_item: None,
            order,
            speaker,
            act: None,
            agreements: Vec::new(),
            text: text.to_owned(),
            span: Span::at(order * 2, 1),
        }
    }

    fn person(name: &str, group: Option<StakeholderGroup>) -> Participant {
        Participant {
            name: name.to_owned(),
            affiliation: None,
            roles: Vec::new(),
            stakeholder_group: group,
            aliases: Vec::new(),
            honorific: None,
            span: Span::nowhere(),
        }
    }

    fn resolved(name: &str) -> Speaker {
        Speaker::Resolved {
            name: name.to_owned(),
            mention: name.to_uppercase(),
        }
    }

    #[test]
    fn counts_turns_words_shares_and_questions() {
        let record = Record {
            participants: vec![
                person("Ana Neves", Some(StakeholderGroup::Government)),
                person("Tomas Berg", Some(StakeholderGroup::Academia)),
                person("Lea Roy", None),
            ],
            interventions: vec![
                turn(
                    1,
                    resolved("Ana Neves"),
                    "Welcome, everyone. Shall we start?",
                ),
                turn(
                    2,
                    resolved("Tomas Berg"),
                    "Yes. I have one question: is the draft final?",
                ),
                turn(
                    3,
                    Speaker::Unknown {
                        mention: String::new(),
                    },
                    "Can you hear me?",
                ),
                turn(4, resolved("Ana Neves"), "We can. Thank you."),
                turn(5, resolved("Lea Roy"), "Fine."),
            ],
            ..Record::default()
        };
        let stats = compute(&record);
        assert_eq!((stats.turns, stats.words), (5, 23));
        let rows: Vec<(String, String, u32, u32)> = stats
            .speakers
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    s.group.clone().unwrap_or_default(),
                    s.turns,
                    s.words,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Ana Neves".into(), "government".into(), 2, 9),
                ("Tomas Berg".into(), "academia".into(), 1, 9),
                (UNIDENTIFIED.into(), NOT_STATED.into(), 1, 4),
                ("Lea Roy".into(), NOT_STATED.into(), 1, 1),
            ]
        );
        let groups: Vec<(&str, u32, u32)> = stats
            .groups
            .iter()
            .map(|g| (g.name.as_str(), g.speakers, g.words))
            .collect();
        assert_eq!(
            groups,
            [("academia", 1, 9), ("government", 1, 9), (NOT_STATED, 2, 5)]
        );
        assert!((stats.speakers[0].share - 9.0 / 23.0).abs() < 1e-9);
        let asked: Vec<(u32, &str)> = stats
            .questions
            .iter()
            .map(|q| (q.turn, q.text.as_str()))
            .collect();
        assert_eq!(
            asked,
            [
                (1, "Shall we start?"),
                (2, "I have one question: is the draft final?"),
                (3, "Can you hear me?")
            ]
        );
        let text = to_text(&stats, "t");
        assert!(
            text.contains("  Ana Neves           government      2      9  39.1%"),
            "{text}"
        );
        assert_eq!(to_json(&stats)["speakers"][0]["share"], json!(0.3913));
    }

    #[test]
    fn an_empty_record_has_no_shares() {
        let stats = compute(&Record::default());
        assert_eq!((stats.turns, stats.words), (0, 0));
        assert!(stats.speakers.is_empty() && stats.groups.is_empty());
        assert!(to_text(&stats, "t").contains("(none)"));
    }
}
