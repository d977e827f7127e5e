//! What the property tests of every reader share: texts made of generated lines joined by a
//! random mix of line endings, bytes with a few flipped, and the check that every fact of a
//! record points into the text it was read from.

#![allow(dead_code)]

use model::{Record, Span};
use proptest::prelude::*;

/// Up to `max` lines from `line`, each ended by `\n`, a blank line, `\r\n` or a lone `\r`.
pub fn joined_lines<S>(line: S, max: usize) -> impl Strategy<Value = String>
where
    S: Strategy<Value = String>,
{
    let ending = prop::sample::select(vec!["\n", "\n", "\n\n", "\r\n", "\r"]);
    prop::collection::vec((line, ending), 0..max).prop_map(|lines| {
        lines
            .into_iter()
            .fold(String::new(), |mut out, (line, end)| {
                out.push_str(&line);
                out.push_str(end);
                out
            })
    })
}

/// A few (place, byte) pairs to overwrite in a text: invalid UTF-8 deep inside it.
pub fn flips() -> impl Strategy<Value = Vec<(prop::sample::Index, u8)>> {
    prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)
}

/// `text`'s bytes with `flips` applied.
pub fn flipped(text: String, flips: Vec<(prop::sample::Index, u8)>) -> Vec<u8> {
    let mut bytes = text.into_bytes();
    if !bytes.is_empty() {
        for (at, byte) in flips {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
    }
    bytes
}

/// Every span is "nowhere" (line 0) or lies within lines 1..=`lines`, starting before it
/// ends; interventions are numbered 1, 2, 3… in order.
pub fn check_spans(record: &Record, lines: usize) -> Result<(), TestCaseError> {
    let lines = u32::try_from(lines).unwrap_or(u32::MAX);
    let valid = |span: &Span| {
        if span.start_line == 0 {
            return span.end_line == 0;
        }
        (1..=lines).contains(&span.start_line)
            && (span.start_line..=lines).contains(&span.end_line)
            && span.column >= 1
    };
    for diagnostic in &record.diagnostics {
        prop_assert!(
            valid(&diagnostic.span),
            "diagnostic {} at {:?} outside 1..={lines}",
            diagnostic.code.as_str(),
            diagnostic.span
        );
    }
    for intervention in &record.interventions {
        prop_assert!(
            valid(&intervention.span),
            "intervention {} at {:?} outside 1..={lines}",
            intervention.order,
            intervention.span
        );
    }
    let others = record
        .mentions
        .iter()
        .map(|m| m.span)
        .chain(record.dates.iter().map(|d| d.span))
        .chain(record.action_items.iter().map(|a| a.span))
        .chain(record.decisions.iter().map(|d| d.span))
        .chain(record.references.iter().map(|r| r.span))
        .chain(record.repairs.iter().map(|r| r.span))
        .chain(record.participants.iter().map(|p| p.span))
        .chain(record.agenda_items().into_iter().map(|a| a.span))
        .chain([record.meeting.span]);
    for span in others {
        prop_assert!(valid(&span), "a fact at {span:?} outside 1..={lines}");
    }
    for (index, intervention) in record.interventions.iter().enumerate() {
        prop_assert_eq!(intervention.order as usize, index + 1);
    }
    Ok(())
}
