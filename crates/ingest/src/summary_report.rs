//! The summary-report reader: prose reports in the layout secretariats use (header, opening
//! paragraph, agenda, discussion by agenda item, participant list), and its common variants
//! (numbered paragraphs, Markdown headings, honorifics, passive attribution, "the Chair").
//!
//! Reading goes in passes over blocks of lines: find the sections, read the participant
//! list (names resolve against it), read the header and opening paragraph, read the agenda,
//! then walk the discussion sentence by sentence, attributing each sentence to a speaker and
//! collecting dates, actions, decisions, references and mentions from it. Nothing is
//! guessed: what the text does not say stays empty, and every doubt becomes a diagnostic.

use std::sync::LazyLock;

use model::{
    ActionItem, AgendaItem, Agreement, AgreementBasis, Code, DateFact, DateKind, Decision,
    Diagnostic, Intervention, Mention, Mode, Participant, Record, Reference, Repair, RepairKind,
    Severity, Source, Span, Speaker, Start,
};
use regex::Regex;

use crate::attribution::{self, Subject};
use crate::cues::{Cues, Set};
use crate::participants::{self, strip_marker};
use crate::roster::{Roster, fold};
use crate::text::{self, Block, Paragraph};
use crate::{PeopleHints, Text, actions, dates, references};

/// The name of this reader in a record's `source.reader`.
pub const READER: &str = "summary-report";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Agenda,
    Discussion,
    Participants,
    Actions,
    Decisions,
    NextMeeting,
}

/// Recognises a section heading ("Agenda", "## Discussion", "List of participants:").
fn section_of(heading: &str) -> Option<Section> {
    let mut buffer = [0; 64];
    let folded = crate::roster::fold_key(heading_text(heading), &mut buffer);
    let folded = folded.as_str().trim_end_matches(':').trim();
    Some(match folded {
        "agenda" | "proposed agenda" | "adopted agenda" | "agenda items" | "meeting agenda"
        | "draft agenda" | "provisional agenda" => Section::Agenda,
        "discussion"
        | "discussions"
        | "summary of discussion"
        | "summary of discussions"
        | "summary of the discussion"
        | "proceedings"
        | "meeting notes"
        | "notes"
        | "summary"
        | "discussion summary"
        | "main points of discussion" => Section::Discussion,
        "list of participants"
        | "participants"
        | "attendees"
        | "attendance"
        | "present"
        | "in attendance"
        | "participants list"
        | "members present"
        | "list of attendees"
        | "participant list"
        | "attendance list"
        | "those present" => Section::Participants,
        "action items" | "actions" | "action points" | "summary of actions" | "next steps"
        | "follow-up" | "follow-up actions" | "action item" => Section::Actions,
        "decisions"
        | "decisions taken"
        | "conclusions"
        | "summary of decisions"
        | "decisions and conclusions"
        | "outcomes" => Section::Decisions,
        "next meeting" | "date of next meeting" | "next meetings" => Section::NextMeeting,
        _ => return None,
    })
}

/// The words of a heading line without Markdown marks.
fn heading_text(line: &str) -> &str {
    line.trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
}

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<n>[0-9]{1,4}(?:st|nd|rd|th)|(?:twenty-|thirty-|forty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth))\s+(?:(?P<mode>virtual|online|in-person|in person|hybrid|regular|ordinary|extraordinary|plenary|monthly|weekly|formal|informal)\s+)*(?:meeting|session|call)\s+of\s+(?:the\s+)?(?P<group>[^(.;]+?)\s*(?:\((?P<short>[^)]{1,40})\)(?:\s+of\s+the\s+[^.;]+?)?)?\s+(?:was|took|met|is|convened|were|held|had)(?-u:\b)",
    )
    .expect("the ordinal pattern is valid")
});

/// The part of `ORDINAL` up to "of" and the space after it, anchored; only ever asked where
/// it ends, so it captures nothing.
static ORDINAL_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?-u:\b)(?:[0-9]{1,4}(?:st|nd|rd|th)|(?:twenty-|thirty-|forty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth))\s+(?:(?:virtual|online|in-person|in person|hybrid|regular|ordinary|extraordinary|plenary|monthly|weekly|formal|informal)\s+)*(?:meeting|session|call)\s+of\s+",
    )
    .expect("the ordinal head pattern is valid")
});

/// The part of `ORDINAL` after the group's name, anchored.
static ORDINAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\((?P<short>[^)]{1,40})\)(?:\s+of\s+the\s+[^.;]+?)?)?\s+(?:was|took|met|is|convened|were|held|had)(?-u:\b)",
    )
    .expect("the ordinal tail pattern is valid")
});

/// What `ORDINAL` captures: the ordinal, the last word of the meeting's mode, the group's
/// name and its short name.
#[derive(Debug, PartialEq, Eq)]
struct Ordinal<'t> {
    n: &'t str,
    mode: Option<&'t str>,
    group: &'t str,
    short: Option<&'t str>,
}

/// `ORDINAL.captures(text)`, at a fraction of the cost. The capture engine walks the whole
/// pattern over the sentence, trying every end of the group's name (about 40,000
/// instructions); here the patterns only find where things are, in the order of the whole
/// pattern's preferences: `ORDINAL` where the sentence is, `ORDINAL_HEAD` where its name
/// starts ("the" taken before it if it can be), and `ORDINAL_TAIL` the shortest name it
/// allows. A test compares the two on generated openings.
fn ordinal(text: &str) -> Option<Ordinal<'_>> {
    let found = ORDINAL.find(text)?;
    let head =
        &text[found.start()..found.start() + ORDINAL_HEAD.find(&text[found.start()..])?.end()];
    // The ordinal is one token; the modes and the meeting's word follow it.
    let n = head.split(char::is_whitespace).next()?;
    let mode = last_mode(head);
    let after_of = found.start() + head.len();
    // Where the group's name may start, in the order the pattern tries them: after all the
    // white space that follows "of" and then "the" and all of its white space, one
    // character of that less at a time; then after all of the first; then one of it less at
    // a time (a name may start with white space when nothing else fits).
    let mut starts = Vec::new();
    let rest = &text[after_of..];
    if rest.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        starts.extend(space_ends(text, after_of + 3).into_iter().rev());
    }
    let of_end = after_of - (head.len() - head.trim_end().len());
    starts.extend(space_ends(text, of_end).into_iter().rev());
    for start in starts {
        // The group's name is one character or more, none of `(`, `.`, `;`.
        for (at, c) in text[start..].char_indices() {
            if matches!(c, '(' | '.' | ';') {
                break;
            }
            let end = start + at + c.len_utf8();
            let after = &text[end..];
            // The tail starts with white space or a bracket.
            if !after.starts_with(|n: char| n == '(' || n.is_whitespace())
                || !ORDINAL_TAIL.is_match(after)
            {
                continue;
            }
            // A bracket after the name is the short name: the tail takes it when it is there.
            let short = after
                .trim_start()
                .strip_prefix('(')
                .and_then(|inner| inner.split_once(')'))
                .map(|(short, _)| short);
            return Some(Ordinal {
                n,
                mode,
                group: &text[start..end],
                short,
            });
        }
    }
    None
}

/// The end of each white-space character of the run that starts at byte `from` of `text`.
fn space_ends(text: &str, from: usize) -> Vec<usize> {
    text[from..]
        .char_indices()
        .take_while(|(_, c)| c.is_whitespace())
        .map(|(at, c)| from + at + c.len_utf8())
        .collect()
}

/// The last mode `ORDINAL_HEAD` took ("online" of "100th regular online meeting of"): the
/// word before the meeting's word, if it is not the ordinal, or "in person".
fn last_mode(head: &str) -> Option<&str> {
    let mut words = head.split_whitespace().rev();
    // "of", then "meeting", "session" or "call".
    words.next()?;
    words.next()?;
    let last = words.next()?;
    let before = words.next()?;
    if last.eq_ignore_ascii_case("person") && before.eq_ignore_ascii_case("in") {
        // "in person" is one mode of two words; a mode before it is not the last.
        let start = before.as_ptr() as usize - head.as_ptr() as usize;
        let end = last.as_ptr() as usize - head.as_ptr() as usize + last.len();
        return Some(&head[start..end]);
    }
    Some(last)
}

static MEETING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:meeting|session)\s+(?:(?:no\.?\s*|number\s+|#)(?P<n>[0-9]{1,4})(?-u:\b)|(?P<m>[0-9]{1,4})\s*(?:$|[-–—:,)]))|(?-u:\b)(?P<o>[0-9]{1,4}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\s+(?:meeting|session|call)(?-u:\b)")
        .expect("the meeting number pattern is valid")
});

static MODERATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:moderated|chaired|facilitated|presided over|led) by (?P<who>(?:the [A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}-]+)|(?:(?:Mr\.|Ms\.|Mrs\.|Dr\.|Ambassador|H\.E\.) )*[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]*(?: (?:[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]*|de|la|van|der|von|del|da|di))*)|(?:^|[.;,] |(?-u:\b)(?:and|The|the) )(?P<who2>(?:[Tt]he (?:Chair|Co-Chair|Co-chair|Moderator))|(?:(?:Mr\.|Ms\.|Mrs\.|Dr\.|Ambassador|H\.E\.) )*[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]*(?: (?:[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]*|de|la|van|der|von|del|da|di))*) (?:moderated|chaired|facilitated) the (?:meeting|session|call|discussion)")
        .expect("the moderator pattern is valid")
});

static RECORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)recording(?: of the (?:meeting|session|call))? (?:is|was|will be|has been) (?P<what>[^.;]+)")
        .expect("the recording pattern is valid")
});

static EMPTY_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?P<words>[^\]\[]+)\]\(\s*#?\s*\)").expect("the link pattern is valid")
});

static AGREED_WITH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:agreed|agrees|concurred|sided) with (?P<who>(?:the (?:Chair|Co-Chair|Co-chair|Secretariat|Moderator|Rapporteur))|(?:(?:Mr\.|Ms\.|Mrs\.|Dr\.|Ambassador|H\.E\.|Prof\.) )*[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]*(?: (?:[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’-]*|de|la|van|der|von|del))*)|(?-u:\b)(?:supported|echoed|endorsed|seconded|welcomed) (?P<who2>(?:(?:Mr\.|Ms\.|Mrs\.|Dr\.|Ambassador|H\.E\.|Prof\.) )*[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}-]*(?: [A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}-]*)*)(?:'s|’s)")
        .expect("the agreement pattern is valid")
});

/// Words without one of which a sentence records no decision.
const DECISION_WORDS: &[&str] = &[
    "agreed",
    "decided",
    "resolved",
    "concluded",
    "adopted",
    "approved",
    "endorsed",
    "accepted",
    "decision",
    "resolution",
    "conclusion",
    "consensus",
];

/// "agreed with" and its kin, without one of which the agreement pattern's first half
/// cannot match.
pub const AGREED_WITH_WORDS: &[&str] =
    &["agreed with", "agrees with", "concurred with", "sided with"];

/// Verbs of support, without one of which the pattern's second half cannot match.
pub const SUPPORT_WORDS: &[&str] = &[
    "supported ",
    "echoed ",
    "endorsed ",
    "seconded ",
    "welcomed ",
];

/// Words without one of which a sentence names no one it agrees with.
const AGREEMENT_WORDS: &[&str] = &[
    "agreed",
    "agrees",
    "concurred",
    "sided",
    "supported",
    "echoed",
    "endorsed",
    "seconded",
    "welcomed",
];

/// Reads a decoded summary report.
pub fn read(text: &Text, path: &str, hints: &PeopleHints) -> Record {
    let blocks = split_headings(text::blocks(&text.content));
    let mut reader = Reader::new(path, text, hints, &blocks);
    reader.run(&blocks);
    reader.record
}

/// Puts every Markdown heading line in a block of its own, so "## Agenda" directly followed
/// by its list reads like a heading and a list.
fn split_headings(blocks: Vec<Block<'_>>) -> Vec<Block<'_>> {
    let mut out = Vec::with_capacity(blocks.len());
    for mut block in blocks {
        // "Agenda" directly followed by its list, with no blank line between.
        if block.lines.len() > 1 && section_of(block.lines[0].1).is_some() {
            let first = block.lines.remove(0);
            out.push(Block { lines: vec![first] });
        }
        let has_heading = block
            .lines
            .iter()
            .skip(1)
            .any(|(_, l)| l.trim_start().starts_with('#'))
            || (block.lines.len() > 1 && block.lines[0].1.trim_start().starts_with('#'));
        if !has_heading {
            out.push(block);
            continue;
        }
        let mut current = Vec::new();
        for line in block.lines {
            if line.1.trim_start().starts_with('#') {
                if !current.is_empty() {
                    out.push(Block {
                        lines: std::mem::take(&mut current),
                    });
                }
                out.push(Block { lines: vec![line] });
            } else {
                current.push(line);
            }
        }
        if !current.is_empty() {
            out.push(Block { lines: current });
        }
    }
    out
}

/// Whether a block is a short heading line: one line, few words, no closing full stop.
fn heading_line<'a>(block: &Block<'a>) -> Option<&'a str> {
    let line = block.single()?;
    if line.starts_with('#') {
        return Some(line);
    }
    // A heading is short: a one-line paragraph of a thousand characters stops counting early.
    if line.len() > 200 {
        return None;
    }
    let words = if line.is_ascii() {
        // The white space of `char::is_whitespace`, in ASCII; no characters to decode.
        let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        line.as_bytes()
            .split(space)
            .filter(|w| !w.is_empty())
            .take(15)
            .count()
    } else {
        line.split_whitespace().take(15).count()
    };
    let stripped = line.trim_end_matches(['*', '_']);
    if words == 0 || words > 14 || stripped.ends_with(['.', ',', ';']) && words > 3 {
        return None;
    }
    Some(line)
}

/// The state of the discussion walk.
#[derive(Default)]
struct Walk {
    item: Option<String>,
    in_discussion: bool,
    /// Index into `record.interventions` of the intervention being written.
    current: Option<usize>,
    paragraph: usize,
    /// The paragraph the current intervention was last extended in.
    current_paragraph: usize,
    document: Option<String>,
    /// The agreement target of the last agreement, for "also agreed".
    last_agreement: Option<(Option<String>, Speaker)>,
}

struct Reader<'a> {
    record: Record,
    roster: Roster,
    /// The whole text, whose lines a diagnostic may need for its width.
    content: &'a str,
    /// Heading line of each agenda item's discussion, by item number.
    discussed_at: Vec<(String, u32)>,
    /// The folded title of each agenda item, in `agenda_items` order.
    agenda_keys: Vec<String>,
    /// Who the opening says chaired the meeting ("chaired by Nomvula Dlamini").
    chaired_by: Vec<String>,
    /// Actions due "at the next meeting", by index; dated once the whole report is read.
    due_at_next_meeting: Vec<usize>,
    /// Lists kept from one sentence to the next, so that reading a sentence allocates only
    /// for what it adds to the record.
    scratch: Scratch,
}

/// The working lists of the sentence pass. Each is emptied before use; none carries anything
/// from one sentence to the next but its buffer.
#[derive(Default)]
struct Scratch {
    words: Vec<attribution::Word<'static>>,
    cues: Cues,
    mentions: MentionLists,
    /// The paragraphs of the block being read.
    paragraphs: Vec<Paragraph>,
    /// Emptied paragraphs of earlier blocks, whose buffers the next block's paragraphs take.
    spare: Vec<Paragraph>,
}

/// The working lists of `Reader::mentions`.
#[derive(Default)]
struct MentionLists {
    /// Name runs of the sentence.
    runs: Vec<(usize, usize)>,
    /// Whether the roster knows each run's name.
    knows: Vec<bool>,
    /// The runs taken as mentions of participants.
    known: Vec<(usize, usize)>,
    /// Every mention found, with the person it names.
    found: Vec<(usize, usize, Speaker)>,
}

impl<'a> Reader<'a> {
    fn new(path: &str, text: &'a Text, hints: &PeopleHints, blocks: &[Block<'a>]) -> Reader<'a> {
        let mut record = Record {
            source: Source {
                path: path.to_owned(),
                reader: READER.to_owned(),
                sha256: text.sha256.clone(),
            },
            ..Record::default()
        };
        record.participants = read_participants(blocks, &mut record.diagnostics);
        for hint in &hints.people {
            let key = fold(&hint.name);
            if let Some(p) = record
                .participants
                .iter()
                .position(|p| fold(&p.name) == key)
            {
                record.participants[p].aliases = hint.aliases.clone();
                if record.participants[p].affiliation.is_none() {
                    record.participants[p].affiliation = hint.affiliation.clone();
                }
            }
        }
        let roster = Roster::new(&record.participants, hints);
        Reader {
            record,
            roster,
            content: &text.content,
            discussed_at: Vec::new(),
            due_at_next_meeting: Vec::new(),
            agenda_keys: Vec::new(),
            chaired_by: Vec::new(),
            scratch: Scratch::default(),
        }
    }

    fn run(&mut self, blocks: &[Block<'a>]) {
        let mut section = Section::Header;
        let mut walk = Walk::default();
        let mut seen_prose = false;
        let mut index = 0;
        while index < blocks.len() {
            let block = &blocks[index];
            index += 1;
            if let Some(heading) = heading_line(block)
                && let Some(next) = section_of(heading)
            {
                // "Summary of discussions" or "Minutes" above the opening paragraph is the
                // report's title, not the start of the discussion.
                let folded = fold(heading_text(heading));
                let bare_discussion =
                    matches!(folded.trim_end_matches(':'), "discussion" | "discussions");
                if next == Section::Discussion
                    && section == Section::Header
                    && self.record.agenda.is_empty()
                    && !bare_discussion
                {
                    self.record
                        .meeting
                        .title
                        .get_or_insert_with(|| heading_text(heading).to_owned());
                    continue;
                }
                section = next;
                walk.item = None;
                walk.current = None;
                walk.in_discussion = matches!(next, Section::Discussion);
                continue;
            }
            // "Present: …" and "Apologies: …" lines were read with the participants.
            if block.lines.iter().all(|(_, l)| inline_list(l).is_some()) {
                continue;
            }
            match section {
                Section::Participants => continue,
                Section::Agenda => {
                    let repeats_item = !self.record.agenda.is_empty()
                        && block
                            .single()
                            .and_then(agenda_line)
                            .is_some_and(|(label, title, _)| {
                                let title = fold(&title);
                                self.record.agenda_items().iter().any(|i| {
                                    i.number == label || titles_match(&fold(&i.title), &title)
                                })
                            });
                    if !repeats_item && self.read_agenda_block(block) {
                        continue;
                    }
                    // Prose after the agenda list: the discussion has begun without a heading.
                    section = Section::Discussion;
                    walk.in_discussion = true;
                }
                Section::Header => {
                    if !seen_prose && self.read_header_block(block) {
                        continue;
                    }
                    seen_prose = true;
                    self.read_opening(block);
                }
                Section::Discussion
                | Section::Actions
                | Section::Decisions
                | Section::NextMeeting => {}
            }
            if matches!(section, Section::Discussion) && self.item_heading(block, &mut walk) {
                continue;
            }
            if is_no_discussion(block) {
                continue;
            }
            let mut paragraphs = std::mem::take(&mut self.scratch.paragraphs);
            self.paragraphs(block, &mut paragraphs);
            // A sentence split across two blocks by a page break: join it.
            while index < blocks.len() && ends_mid_sentence(paragraphs.last()) {
                let next = &blocks[index];
                let starts_lower = next.lines[0]
                    .1
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                if !starts_lower || heading_line(next).is_some_and(|h| section_of(h).is_some()) {
                    break;
                }
                let last = paragraphs
                    .last_mut()
                    .expect("ends_mid_sentence saw a paragraph");
                for &(n, line) in &next.lines {
                    last.push_line(n, line);
                }
                self.record.repairs.push(Repair {
                    kind: RepairKind::JoinedSplitSentence,
                    description: format!(
                        "the paragraph ending on line {} continues on line {}; a page break split one sentence, so the two were joined",
                        blocks[index - 1].last_line(),
                        next.first_line()
                    ),
                    span: Span::lines(blocks[index - 1].last_line(), next.first_line()),
                });
                index += 1;
            }
            let section_kind = section;
            for paragraph in &paragraphs {
                walk.paragraph += 1;
                self.read_paragraph(paragraph, &mut walk, section_kind);
            }
            self.scratch.paragraphs = paragraphs;
        }
        self.finish();
    }

    /// Header lines before the opening paragraph: group name, mode, date and time, title.
    /// Returns false when the block is prose, which ends the header.
    fn read_header_block(&mut self, block: &Block<'a>) -> bool {
        let is_prose = block.lines.iter().any(|(_, l)| {
            l.split_whitespace().count() > 16
                || l.trim_end().ends_with('.') && l.split_whitespace().count() > 6
        });
        if is_prose {
            return false;
        }
        let parts = block.lines.iter().flat_map(|&(number, raw)| {
            heading_text(raw)
                .split(" · ")
                .flat_map(|l| l.split(" | "))
                .map(move |l| (number, l.trim().trim_matches('*').trim()))
        });
        // A date and a time may stand in different parts of one line ("15 January 2026 | 09:30").
        for &(number, raw) in &block.lines {
            if self.record.meeting.start.is_none()
                && let Some(found) = dates::meeting_time(heading_text(raw))
                && found.time.is_some()
            {
                self.set_time(found, number);
            }
        }
        for (number, line) in parts.collect::<Vec<_>>() {
            if line.is_empty() {
                continue;
            }
            let folded = fold(line);
            // A line that gives the date is the date line, even when the date is known already.
            if let Some(found) = dates::meeting_time(line) {
                if self.record.meeting.date.is_none() {
                    self.set_time(found, number);
                }
                if let Some(mode) = mode_of(&folded) {
                    self.record.meeting.mode.get_or_insert(mode);
                }
                continue;
            }
            let starts_with_mode = ["online", "hybrid", "in person", "in-person", "virtual"]
                .iter()
                .any(|m| folded.starts_with(m));
            if let Some(mode) = mode_of(&folded)
                .filter(|_| line.split_whitespace().count() <= 5 || starts_with_mode)
            {
                self.record.meeting.mode.get_or_insert(mode);
                continue;
            }
            let title_word = [
                "summary report",
                "minutes",
                "meeting report",
                "report of",
                "summary record",
                "meeting notes",
                "summary of",
            ]
            .iter()
            .any(|w| folded.contains(w));
            if title_word {
                self.read_opening_text(line);
                if self.record.meeting.title.is_none() {
                    self.record.meeting.title = Some(line.to_owned());
                }
                continue;
            }
            if inline_list(line).is_some() {
                continue;
            }
            if let Some((label, value)) = line.split_once(':') {
                let label = fold(label);
                let value = value.trim();
                match label.as_str() {
                    "date" | "date and time" | "when" => {
                        if let Some(found) = dates::meeting_time(value) {
                            self.set_time(found, number);
                        }
                        continue;
                    }
                    "recording" => {
                        self.record.meeting.recording = Some(value.to_owned());
                        continue;
                    }
                    "mode" | "format" | "location" | "venue" | "where" => {
                        if let Some(mode) = mode_of(&fold(value)) {
                            self.record.meeting.mode.get_or_insert(mode);
                        } else if !value.is_empty() {
                            self.record.meeting.mode.get_or_insert(Mode::InPerson);
                        }
                        continue;
                    }
                    "moderator" | "chair" | "chaired by" | "moderated by" => {
                        self.record.meeting.moderator = Some(value.to_owned());
                        continue;
                    }
                    "group" | "working group" | "committee" => {
                        self.record.group.name = Some(value.to_owned());
                        continue;
                    }
                    _ => {}
                }
            }
            if let Some(n) = header_number(line) {
                self.record.meeting.number.get_or_insert(n);
                if let Some(mode) = mode_of(&folded) {
                    self.record.meeting.mode.get_or_insert(mode);
                }
                continue;
            }
            let (mut name, short) = split_short_name(line);
            // "Open Source Geospatial Toolkit — Technical Steering Committee".
            for dash in [" — ", " – ", " - "] {
                if let Some((left, right)) = name.split_once(dash)
                    && is_group_name(right)
                    && !is_group_name(left)
                {
                    self.record
                        .group
                        .parent
                        .get_or_insert_with(|| left.trim().to_owned());
                    name = right.trim();
                }
            }
            let is_group = is_group_name(name);
            let had_group = self.record.group.name.as_deref().is_some_and(is_group_name);
            if self.record.group.name.is_none() || (is_group && !had_group) {
                // A line before the group's own name is the body it belongs to.
                if let Some(previous) = self.record.group.name.take() {
                    self.record.group.parent.get_or_insert(previous);
                }
                self.record.group.name = Some(name.to_owned());
                if let Some(short) = short {
                    self.record.group.short_name.get_or_insert(short.to_owned());
                }
                self.record.meeting.span = Span::at(number, 1);
            } else if self.record.meeting.title.is_none() {
                self.record.meeting.title = Some(line.to_owned());
            }
        }
        true
    }

    fn set_time(&mut self, found: dates::MeetingTime, _line: u32) {
        self.record.meeting.date = Some(found.date);
        if let Some((local, zone, offset_seconds)) = found.time {
            self.record.meeting.start = Some(Start {
                local,
                zone,
                offset_seconds,
            });
        }
    }

    /// Facts of the opening paragraph: number, group, date, moderator, recording, mode.
    fn read_opening(&mut self, block: &Block<'a>) {
        let text: Vec<&str> = block.lines.iter().map(|(_, l)| l.trim()).collect();
        self.read_opening_text(&text.join(" "));
    }

    fn read_opening_text(&mut self, text: &str) {
        // Emphasis marks ("moderated by **Maria Kowalczyk**") are not part of any fact. Most
        // openings have none, and need no copy.
        let plain = if text.contains("**") || text.contains("__") {
            std::borrow::Cow::Owned(text.replace("**", "").replace("__", ""))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let text: &str = &plain;
        let meeting = &mut self.record.meeting;
        // Each pattern below has a word it cannot match without; look for the word first.
        let meets = ["eeting", "ession", " call", "Call"]
            .iter()
            .any(|w| text.contains(w));
        if meets && let Some(caps) = ordinal(text) {
            if meeting.number.is_none() {
                meeting.number = ordinal_number(caps.n);
            }
            if let Some(mode) = caps.mode.and_then(|m| mode_of(&fold(m))) {
                meeting.mode.get_or_insert(mode);
            }
            let full = caps.group.trim().to_owned();
            // A header in capitals gives way to the same name as the text writes it.
            if let Some(name) = self.record.group.name.as_mut()
                && !name.chars().any(char::is_lowercase)
                && fold(name) == fold(&full)
            {
                *name = full.clone();
            }
            if let Some(short) = caps.short {
                self.record
                    .group
                    .short_name
                    .get_or_insert_with(|| short.trim().to_owned());
            }
            if self.record.group.parent.is_none() {
                self.record.group.parent = parent_body(&full);
            }
            if self.record.group.name.is_none() {
                self.record.group.name = Some(full);
            }
        } else if meeting.number.is_none()
            && meets
            && let Some(caps) = MEETING_NUMBER.captures(text)
        {
            meeting.number = caps
                .name("n")
                .or(caps.name("m"))
                .and_then(|m| m.as_str().parse().ok())
                .or_else(|| caps.name("o").and_then(|m| ordinal_number(m.as_str())));
        }
        // A meeting whose day and start are known takes nothing from the text: no need to look.
        if (meeting.date.is_none() || meeting.start.is_none())
            && let Some(found) = dates::meeting_time(text)
        {
            // The header may give the day and the opening the time ("The meeting opened at 10:05 CET").
            let same_day = meeting.date.is_none_or(|d| d == found.date);
            if same_day
                && (meeting.date.is_none() || (meeting.start.is_none() && found.time.is_some()))
            {
                self.set_time(found, 0);
            }
        }
        let meeting = &mut self.record.meeting;
        if meeting.moderator.is_none()
            && ["moderated", "chaired", "facilitated", "presided", "led by"]
                .iter()
                .any(|w| text.contains(w))
            && let Some(caps) = MODERATOR.captures(text)
        {
            let who = caps
                .name("who")
                .or(caps.name("who2"))
                .map_or("", |m| m.as_str());
            meeting.moderator = Some(who.to_owned());
            let chaired = caps.get(0).is_some_and(|m| m.as_str().contains("chaired"));
            if chaired && !self.chaired_by.contains(&who.to_owned()) {
                self.chaired_by.push(who.to_owned());
            }
        }
        if meeting.recording.is_none()
            && text.contains("ecording")
            && let Some(caps) = RECORDING.captures(text)
        {
            meeting.recording = Some(caps["what"].trim().to_owned());
        }
        if meeting.mode.is_none() {
            meeting.mode = mode_of(&fold(text));
        }
    }

    /// Reads the agenda list; false when the block is not a list.
    fn read_agenda_block(&mut self, block: &Block<'a>) -> bool {
        let mut any = false;
        for &(number, raw) in &block.lines {
            let Some((label, title, indent)) = agenda_line(raw) else {
                if any {
                    continue;
                }
                return false;
            };
            any = true;
            let column = u32::try_from(indent + 1).unwrap_or(1);
            let item = AgendaItem {
                number: label.clone(),
                title,
                items: Vec::new(),
                span: Span::at(number, column),
            };
            let parent = match label.rsplit_once('.') {
                Some((parent, _)) => self
                    .record
                    .agenda
                    .iter_mut()
                    .rev()
                    .find(|p| p.number == parent),
                None if indent >= 2 && !label.chars().all(|c| c.is_ascii_digit()) => {
                    self.record.agenda.last_mut()
                }
                None => None,
            };
            match parent {
                Some(parent) => {
                    let mut item = item;
                    if !item.number.contains('.') {
                        item.number = format!("{}.{}", parent.number, item.number);
                    }
                    parent.items.push(item);
                }
                None => {
                    let mut item = item;
                    if !label.chars().all(|c| c.is_ascii_digit()) && label.starts_with('#') {
                        item.number = (self.record.agenda.len() + 1).to_string();
                    }
                    self.record.agenda.push(item);
                }
            }
        }
        any
    }

    /// A discussion heading that names an agenda item; sets the walk's item.
    fn item_heading(&mut self, block: &Block<'a>, walk: &mut Walk) -> bool {
        let Some(line) = heading_line(block) else {
            return false;
        };
        let line_number = block.first_line();
        let text = heading_text(line);
        let (label, title) = match agenda_line(text) {
            Some((label, title, _)) if !label.starts_with('#') => (Some(label), title),
            _ => (None, text.trim_end_matches(':').to_owned()),
        };
        let title_key = fold(&title);
        let items = self.record.agenda_items();
        if self.agenda_keys.len() != items.len() {
            self.agenda_keys = items.iter().map(|i| fold(&i.title)).collect();
        }
        let by_number = label
            .as_ref()
            .and_then(|l| items.iter().find(|i| &i.number == l));
        // The title is compared only when the number found nothing.
        let by_title = || {
            items
                .iter()
                .zip(&self.agenda_keys)
                .find(|(_, key)| titles_match(key, &title_key))
                .map(|(i, _)| i)
        };
        let matched = by_number.or_else(by_title).map(|i| i.number.clone());
        let looks_like_item = label.is_some() || line.starts_with('#') || line.ends_with(':');
        match matched {
            Some(number) => {
                if let Some(document) = items
                    .iter()
                    .find(|i| i.number == number)
                    .and_then(|i| references::title_document(&i.title))
                {
                    walk.document = Some(document);
                }
                walk.item = Some(number.clone());
                walk.current = None;
                walk.in_discussion = true;
                self.discussed_at.push((number, line_number));
                true
            }
            None if self.record.agenda.is_empty() && looks_like_item && !title.is_empty() => {
                // No agenda list: the discussion headings are the agenda.
                let number = label.unwrap_or_else(|| (self.record.agenda.len() + 1).to_string());
                self.record.agenda.push(AgendaItem {
                    number: number.clone(),
                    title,
                    items: Vec::new(),
                    span: Span::at(line_number, 1),
                });
                walk.item = Some(number.clone());
                walk.current = None;
                walk.in_discussion = true;
                self.discussed_at.push((number, line_number));
                true
            }
            None if looks_like_item && label.is_some() => {
                let width = u32::try_from(text.chars().count()).unwrap_or(1);
                self.record.diagnostics.push(
                    Diagnostic::new(
                        Code::UnmatchedDiscussion,
                        Span::at(line_number, 1),
                        width,
                        format!("discussion heading '{text}' matches no agenda item"),
                    )
                    .with_hint(
                        "number the heading as in the agenda, or add the item to the agenda",
                    ),
                );
                walk.item = None;
                walk.current = None;
                walk.in_discussion = true;
                true
            }
            None => false,
        }
    }

    /// The paragraphs of a prose block, with text repairs applied. A block of bullets gives
    /// one paragraph per bullet.
    ///
    /// The paragraphs go into `out`, emptied first; each takes the buffers of a paragraph of
    /// an earlier block, so that a report's paragraphs are allocated about once.
    fn paragraphs(&mut self, block: &Block<'a>, out: &mut Vec<Paragraph>) {
        let spare = &mut self.scratch.spare;
        spare.extend(out.drain(..).map(|mut p| {
            p.clear();
            p
        }));
        let bulleted = block.lines.iter().any(|(_, l)| is_bullet(l));
        for (i, &(number, raw)) in block.lines.iter().enumerate() {
            let line = self.repair_links(number, raw);
            let line = line.as_ref();
            let new_bullet = bulleted && is_bullet(line);
            if out.is_empty() || new_bullet {
                out.push(self.scratch.spare.pop().unwrap_or_default());
                // Numbered paragraphs ("3. The Chair noted…") lose their number.
                if i == 0
                    && !bulleted
                    && let Some((_, skipped)) = strip_marker(line)
                {
                    out.last_mut()
                        .expect("just pushed")
                        .push_after(number, line, skipped);
                    continue;
                }
            }
            let paragraph = out.last_mut().expect("a paragraph exists");
            let skipped = line.len() - line.trim_start().len();
            paragraph.push_after(number, line, skipped);
        }
    }

    /// Markdown links whose target was lost keep their words; each repair is recorded.
    fn repair_links<'l>(&mut self, number: u32, raw: &'l str) -> std::borrow::Cow<'l, str> {
        if memchr::memmem::find(raw.as_bytes(), b"](").is_none() {
            return std::borrow::Cow::Borrowed(raw);
        }
        let mut repaired = String::new();
        let mut last = 0;
        for caps in EMPTY_LINK.captures_iter(raw) {
            let whole = caps.get(0).expect("group 0 always matches");
            let words = &caps["words"];
            repaired.push_str(&raw[last..whole.start()]);
            repaired.push_str(words);
            last = whole.end();
            let column = u32::try_from(raw[..whole.start()].chars().count() + 1).unwrap_or(1);
            self.record.repairs.push(Repair {
                kind: RepairKind::EmptyLinkTarget,
                description: format!(
                    "the link '{}' has no target; its words '{words}' are kept",
                    whole.as_str()
                ),
                span: Span::at(number, column),
            });
        }
        repaired.push_str(&raw[last..]);
        std::borrow::Cow::Owned(repaired)
    }

    fn read_paragraph(&mut self, paragraph: &Paragraph, walk: &mut Walk, section: Section) {
        for (start, end) in text::sentences(&paragraph.text) {
            // "…; Inès noted that…": a new speaker after a semicolon starts a sentence of their own.
            let mut from = start;
            let sentence = &paragraph.text.as_bytes()[start..end];
            let semicolons = memchr::memchr_iter(b';', sentence)
                .filter(|&at| sentence.get(at + 1) == Some(&b' '));
            for at in semicolons {
                let clause_start = start + at + 2;
                let clause = &paragraph.text[clause_start..end];
                let mut words = std::mem::take(&mut self.scratch.words);
                attribution::words_into(clause, &mut words);
                let person = matches!(
                    attribution::analyse_words(clause, &words).subject,
                    Subject::Person { .. }
                );
                self.scratch.words = attribution::recycle(words);
                if person {
                    self.read_sentence(
                        paragraph,
                        from,
                        &paragraph.text[from..start + at + 1],
                        walk,
                        section,
                    );
                    from = clause_start;
                }
            }
            self.read_sentence(paragraph, from, &paragraph.text[from..end], walk, section);
        }
    }

    fn read_sentence(
        &mut self,
        paragraph: &Paragraph,
        offset: usize,
        sentence: &str,
        walk: &mut Walk,
        section: Section,
    ) {
        let span = paragraph.span(offset, offset + sentence.len());
        if matches!(
            section,
            Section::Actions | Section::Decisions | Section::NextMeeting
        ) {
            self.read_listed(paragraph, offset, sentence, section, span, walk);
            return;
        }
        let mut words = std::mem::take(&mut self.scratch.words);
        attribution::words_into(sentence, &mut words);
        self.read_spoken(paragraph, offset, sentence, &words, span, walk, section);
        self.scratch.words = attribution::recycle(words);
    }

    /// A sentence of the discussion, already split into `words`: who speaks, and the facts it
    /// states.
    #[allow(clippy::too_many_arguments)]
    fn read_spoken(
        &mut self,
        paragraph: &Paragraph,
        offset: usize,
        sentence: &str,
        words: &[attribution::Word<'_>],
        span: Span,
        walk: &mut Walk,
        section: Section,
    ) {
        let mut attribution = attribution::analyse_words(sentence, words);
        // "Kwame walked the group through the draft": a participant's name before a verb that
        // is not among the reporting verbs is still their turn, not the previous speaker's.
        if attribution.subject == Subject::Plain
            && (walk.in_discussion || section != Section::Header)
            && let Some(((written, start, end), act, act_end)) =
                attribution::name_and_past_tense(sentence, words)
            && matches!(
                self.roster.resolve(written),
                Speaker::Resolved { .. } | Speaker::Ambiguous { .. }
            )
        {
            attribution = attribution::Attribution {
                subject: Subject::Person {
                    written,
                    start,
                    end,
                },
                act: Some(act),
                act_end,
                also: false,
            };
        }
        let current = walk.current.map(|i| &self.record.interventions[i]);
        let same_paragraph = walk.current_paragraph == walk.paragraph;
        let mut subject_range = None;
        let (speaker, starts_new) = match &attribution.subject {
            Subject::Person {
                written,
                start,
                end,
            } => {
                subject_range = Some((*start, *end));
                let speaker = self.roster.resolve(written);
                let continues =
                    current.is_some_and(|c| same_paragraph && c.speaker.same_person(&speaker));
                (speaker, !continues)
            }
            Subject::People(names) => {
                // They all said it: one intervention each, with the same words; the last one
                // is the current speaker afterwards.
                let (Some(first), Some((last, last_start, last_end))) =
                    (names.first(), names.last())
                else {
                    return;
                };
                subject_range = Some((first.1, *last_end));
                for &(name, start, end) in &names[..names.len() - 1] {
                    let one = self.roster.resolve(name);
                    self.start_intervention(
                        one,
                        &attribution,
                        paragraph,
                        offset,
                        Some((start, end)),
                        span,
                        walk,
                    );
                    walk.current_paragraph = walk.paragraph;
                }
                let other = self.roster.resolve(last);
                let at = paragraph.span(offset + last_start, offset + last_end);
                let width = u32::try_from(last.chars().count()).unwrap_or(1);
                self.speaker_diagnostic(&other, Span::at(at.start_line, at.column), width);
                (other, true)
            }
            // A sentence that continues the current intervention needs no speaker of its own.
            Subject::Pronoun => match current {
                Some(_) => (Speaker::Nobody, false),
                None => (Speaker::Nobody, true),
            },
            // "The meeting opened at 10:05": narrative of the opening, nobody's intervention.
            Subject::Collective if section == Section::Header && !walk.in_discussion => return,
            Subject::Collective => {
                let continues =
                    current.is_some_and(|c| same_paragraph && c.speaker == Speaker::Nobody);
                (Speaker::Nobody, !continues)
            }
            Subject::Plain => match current {
                Some(_) => (Speaker::Nobody, false),
                None if walk.in_discussion || section != Section::Header => (Speaker::Nobody, true),
                // Narrative of the opening paragraph ("The meeting was held…") is no intervention.
                None => return,
            },
        };
        if starts_new {
            // The last of several speakers had its diagnostic above; its name is not the subject.
            let own_subject = match &attribution.subject {
                Subject::People(_) => None,
                _ => subject_range,
            };
            self.start_intervention(
                speaker,
                &attribution,
                paragraph,
                offset,
                own_subject,
                span,
                walk,
            );
        } else if let Some(i) = walk.current {
            let intervention = &mut self.record.interventions[i];
            intervention.text.reserve(sentence.len() + 2);
            intervention
                .text
                .push_str(if same_paragraph { " " } else { "\n\n" });
            intervention.text.push_str(sentence);
            intervention.span.end_line = span.end_line;
        }
        walk.current_paragraph = walk.paragraph;
        let order = walk.current.map(|i| self.record.interventions[i].order);

        let mut cues = std::mem::take(&mut self.scratch.cues);
        cues.rescan(sentence);
        self.agreements(sentence, words, &cues, &attribution, starts_new, walk);
        // Mentions, dates and actions need the current speaker while they add to other parts
        // of the record and never look at the interventions: the speaker is lent to them
        // rather than cloned, and put back after.
        let speaker_now = walk.current.map_or(Speaker::Nobody, |i| {
            std::mem::replace(&mut self.record.interventions[i].speaker, Speaker::Nobody)
        });
        self.mentions(
            paragraph,
            offset,
            sentence,
            words,
            subject_range,
            &speaker_now,
            order,
        );
        let date_facts = self.dates(paragraph, offset, sentence, &cues, section);
        self.actions(sentence, &cues, &speaker_now, &date_facts, span);
        if let Some(i) = walk.current {
            self.record.interventions[i].speaker = speaker_now;
        }
        if cues.any(Set::Decision)
            && attribution::has_word(words, DECISION_WORDS)
            && actions::is_decision(sentence, &cues)
        {
            self.record.decisions.push(Decision {
                text: sentence.to_owned(),
                span,
            });
        }
        self.references(paragraph, offset, sentence, &cues, walk);
        self.scratch.cues = cues;
    }

    /// A line of a closing "Action items", "Decisions" or "Next meeting" section: facts, not speech.
    fn read_listed(
        &mut self,
        paragraph: &Paragraph,
        offset: usize,
        sentence: &str,
        section: Section,
        span: Span,
        walk: &mut Walk,
    ) {
        let mut cues = std::mem::take(&mut self.scratch.cues);
        cues.rescan(sentence);
        let date_facts = self.dates(paragraph, offset, sentence, &cues, section);
        match section {
            Section::Actions => {
                let before = self.record.action_items.len();
                self.actions(sentence, &cues, &Speaker::Nobody, &date_facts, span);
                if self.record.action_items.len() == before {
                    let found = actions::listed(sentence);
                    let due = date_facts
                        .iter()
                        .find(|(start, _)| *start >= found.due_from)
                        .and_then(|(_, v)| *v);
                    if !found.what.is_empty() {
                        self.record.action_items.push(ActionItem {
                            what: found.what,
                            owner: found.owner,
                            due,
                            span,
                        });
                    }
                }
            }
            Section::Decisions => {
                let text = sentence.trim_start_matches(['-', '*', '•', ' ']).trim();
                if !text.is_empty() {
                    self.record.decisions.push(Decision {
                        text: text.to_owned(),
                        span,
                    });
                }
            }
            _ => self.actions(sentence, &cues, &Speaker::Nobody, &date_facts, span),
        }
        self.references(paragraph, offset, sentence, &cues, walk);
        self.scratch.cues = cues;
    }

    #[allow(clippy::too_many_arguments)]
    fn start_intervention(
        &mut self,
        speaker: Speaker,
        attribution: &attribution::Attribution<'_>,
        paragraph: &Paragraph,
        offset: usize,
        subject: Option<(usize, usize)>,
        span: Span,
        walk: &mut Walk,
    ) {
        if let Some((start, end)) = subject {
            let at = paragraph.span(offset + start, offset + end);
            let width = u32::try_from(paragraph.text[offset + start..offset + end].chars().count())
                .unwrap_or(1);
            self.speaker_diagnostic(&speaker, Span::at(at.start_line, at.column), width);
        }
        let order = u32::try_from(self.record.interventions.len() + 1).unwrap_or(u32::MAX);
        self.record.interventions.push(Intervention {
            agenda_item: walk.item.clone(),
            order,
            speaker,
            act: attribution.act.map(str::to_owned),
            agreements: Vec::new(),
            text: paragraph.text[offset..offset + span_len(paragraph, offset)].to_owned(),
            span,
        });
        walk.current = Some(self.record.interventions.len() - 1);
    }

    fn speaker_diagnostic(&mut self, speaker: &Speaker, span: Span, width: u32) {
        let diagnostic = match speaker {
            Speaker::Ambiguous { mention, candidates } => Diagnostic::new(
                Code::AmbiguousSpeaker,
                span,
                width,
                format!("ambiguous speaker '{mention}': {} people match", candidates.len()),
            )
            .with_hint(format!(
                "candidates: {}; write the full name, or give the alias in a people file (--people)",
                candidates.join(", ")
            )),
            Speaker::Unknown { mention } if self.roster.has_participants() => Diagnostic::new(
                Code::UnknownSpeaker,
                span,
                width,
                format!("unknown speaker '{mention}': not on the participant list"),
            )
            .with_hint("add them to the list of participants, or map the name with a people file (--people)"),
            Speaker::Unknown { mention } => {
                let mut d = Diagnostic::new(
                    Code::UnknownSpeaker,
                    span,
                    width,
                    format!("unknown speaker '{mention}': the report has no participant list"),
                )
                .with_hint("add a list of participants to resolve names");
                d.severity = Severity::Note;
                d
            }
            _ => return,
        };
        self.record.diagnostics.push(diagnostic);
    }

    /// Explicit agreement: a named target, or the previous speaker for a bare "agreed".
    fn agreements(
        &mut self,
        sentence: &str,
        words: &[attribution::Word<'_>],
        cues: &Cues,
        attribution: &attribution::Attribution<'_>,
        starts_new: bool,
        walk: &mut Walk,
    ) {
        let Some(i) = walk.current else {
            return;
        };
        let mut found = Vec::new();
        // The pattern needs "agreed with" (or "concurred with", …) or a verb of support before
        // a possessive ("supported Timea's proposal"); most sentences have neither.
        let agreeing = cues.any(Set::AgreedWith) && attribution::has_word(words, AGREEMENT_WORDS)
            || (cues.any(Set::Support)
                && (text::contains_str(sentence, "'s") || text::contains_str(sentence, "’s")));
        // Tested before the search: `take_while` would run the pattern once before asking.
        let matches = agreeing
            .then(|| AGREED_WITH.captures_iter(sentence))
            .into_iter()
            .flatten();
        for caps in matches {
            let who = caps
                .name("who")
                .or(caps.name("who2"))
                .map_or("", |m| m.as_str());
            let who = who.trim_end_matches("'s").trim_end_matches("’s");
            if participants::looks_like_name(who) || crate::roster::role_word(who).is_some() {
                found.push(Agreement {
                    with: self.roster.resolve(who),
                    basis: AgreementBasis::Named,
                });
            }
        }
        let bare_agreement = attribution.act.is_some_and(|a| {
            matches!(
                a,
                "agreed"
                    | "agrees"
                    | "concurred"
                    | "supported"
                    | "echoed"
                    | "endorsed"
                    | "seconded"
            )
        });
        if found.is_empty()
            && starts_new
            && bare_agreement
            && matches!(attribution.subject, Subject::Person { .. })
        {
            let me = self.record.interventions[i].speaker.clone();
            let item = self.record.interventions[i].agenda_item.clone();
            let chained = walk
                .last_agreement
                .as_ref()
                .filter(|(it, _)| attribution.also && *it == item)
                .map(|(_, who)| who.clone());
            let previous = self.record.interventions[..i]
                .iter()
                .rev()
                .take_while(|p| p.agenda_item == item)
                .find(|p| p.speaker != Speaker::Nobody && !p.speaker.same_person(&me))
                .map(|p| p.speaker.clone());
            if let Some(with) = chained.or(previous).filter(|w| !w.same_person(&me)) {
                found.push(Agreement {
                    with,
                    basis: AgreementBasis::PreviousSpeaker,
                });
            }
        }
        for agreement in found {
            let intervention = &mut self.record.interventions[i];
            walk.last_agreement = Some((intervention.agenda_item.clone(), agreement.with.clone()));
            if !intervention
                .agreements
                .iter()
                .any(|a| a.with.same_person(&agreement.with))
            {
                intervention.agreements.push(agreement);
            }
        }
    }

    /// People named in a sentence who are not its speaker.
    #[allow(clippy::too_many_arguments)]
    fn mentions(
        &mut self,
        paragraph: &Paragraph,
        offset: usize,
        sentence: &str,
        words: &[attribution::Word<'_>],
        subject: Option<(usize, usize)>,
        speaker: &Speaker,
        order: Option<u32>,
    ) {
        let mut lists = std::mem::take(&mut self.scratch.mentions);
        self.mentions_with(
            &mut lists, paragraph, offset, sentence, words, subject, speaker, order,
        );
        self.scratch.mentions = lists;
    }

    /// `mentions`, with working lists lent by the reader.
    #[allow(clippy::too_many_arguments)]
    fn mentions_with(
        &mut self,
        lists: &mut MentionLists,
        paragraph: &Paragraph,
        offset: usize,
        sentence: &str,
        words: &[attribution::Word<'_>],
        subject: Option<(usize, usize)>,
        speaker: &Speaker,
        order: Option<u32>,
    ) {
        let MentionLists {
            runs,
            knows,
            known,
            found,
        } = lists;
        attribution::name_runs_into(words, runs);
        if runs.is_empty() {
            return;
        }
        // Whether the roster knows each run's name, asked once per run; never for a run
        // inside the subject, which both loops below pass over before asking.
        let in_subject =
            |start: usize, end: usize| subject.is_some_and(|(s, e)| start >= s && end <= e);
        knows.clear();
        knows.extend(runs.iter().map(|&(start, end)| {
            !in_subject(start, end) && self.roster.knows(&sentence[start..end])
        }));
        known.clear();
        found.clear();
        for (&(start, end), &knows) in runs.iter().zip(knows.iter()) {
            if in_subject(start, end) {
                continue;
            }
            let written = &sentence[start..end];
            if !knows || is_place_context(sentence, start) {
                continue;
            }
            known.push((start, end));
            found.push((start, end, self.roster.resolve(written)));
        }
        // A capitalised word joined to a known name by "and" is a person too ("Lito and Peace").
        for (&(start, end), &knows) in runs.iter().zip(knows.iter()) {
            // A participant's name is never an unknown person, even where it was not counted
            // as a mention ("the work of Priya and Samuel").
            if known.contains(&(start, end)) || in_subject(start, end) || knows {
                continue;
            }
            let joined = known.iter().any(|&(ks, ke)| {
                let between_after = sentence.get(ke..start).map(str::trim);
                let between_before = sentence.get(end..ks).map(str::trim);
                matches!(between_after, Some("and" | "," | "&"))
                    || matches!(between_before, Some("and" | "," | "&"))
            });
            if (joined || acts_as_person(sentence, start, end))
                && participants::looks_like_name(&sentence[start..end])
                && !is_institution(&sentence[start..end])
            {
                found.push((
                    start,
                    end,
                    Speaker::Unknown {
                        mention: sentence[start..end].to_owned(),
                    },
                ));
            }
        }
        found.sort_by_key(|(s, _, _)| *s);
        for (start, end, person) in found.drain(..) {
            if person.same_person(speaker) {
                continue;
            }
            let span = paragraph.span(offset + start, offset + end);
            if let Speaker::Unknown { mention } = &person {
                let width = u32::try_from(mention.chars().count()).unwrap_or(1);
                self.record.diagnostics.push(
                    Diagnostic::new(
                        Code::UnknownMention,
                        span,
                        width,
                        format!("'{mention}' is mentioned but is not on the participant list"),
                    )
                    .with_hint("a person who did not attend, or a name missing from the list"),
                );
            }
            self.record.mentions.push(Mention {
                person,
                intervention: order,
                span,
            });
        }
    }

    fn dates(
        &mut self,
        paragraph: &Paragraph,
        offset: usize,
        sentence: &str,
        cues: &Cues,
        section: Section,
    ) -> Vec<(usize, Option<model::DateValue>)> {
        let mut out = Vec::new();
        for found in dates::find_cued(sentence, cues) {
            let span = paragraph.span(offset + found.start, offset + found.end);
            let written = &sentence[found.start..found.end];
            // "the Zero draft was circulated in September": a past event, so the last September.
            let before = &sentence
                [text::floor_char_boundary(sentence, found.start.saturating_sub(40))..found.start];
            let past = found.year.is_none() && is_past(before);
            let anchor = self.record.meeting.date;
            let resolved = if past {
                dates::resolve_past(&found, anchor)
            } else {
                dates::resolve(&found, anchor)
            };
            let value = match resolved {
                Ok(value) => Some(value),
                Err(why) => {
                    let reason = match why {
                        dates::Unresolved::NoAnchor => {
                            "it has no year and the report states no meeting date"
                        }
                        dates::Unresolved::NoSuchDay => "there is no such day",
                    };
                    self.record.diagnostics.push(
                        Diagnostic::new(
                            Code::UnresolvedDate,
                            span,
                            u32::try_from(written.chars().count()).unwrap_or(1),
                            format!("cannot resolve the date '{written}': {reason}"),
                        )
                        .with_hint("write the date with its year, e.g. '5 December 2025'"),
                    );
                    None
                }
            };
            let kind = date_kind(sentence, found.start, section, self.record.meeting.number);
            self.record.dates.push(DateFact {
                text: written.to_owned(),
                value,
                kind,
                context: sentence.to_owned(),
                span,
            });
            out.push((found.start, value));
        }
        out
    }

    fn actions(
        &mut self,
        sentence: &str,
        cues: &Cues,
        speaker: &Speaker,
        dates: &[(usize, Option<model::DateValue>)],
        span: Span,
    ) {
        let roster = &self.roster;
        let is_person = |name: &str| participants::looks_like_name(name) && roster.knows(name);
        let found = actions::find_all(sentence, cues, speaker.name(), &is_person);
        if found.is_empty() {
            return;
        }
        let lower = sentence.to_lowercase();
        let at_next_meeting = ["next meeting", "next session", "next call"]
            .iter()
            .any(|w| lower.contains(w));
        for found in found {
            if found.what.is_empty() {
                continue;
            }
            let due = dates
                .iter()
                .find(|(start, _)| *start >= found.due_from)
                .and_then(|(_, v)| *v);
            if due.is_none() && at_next_meeting {
                self.due_at_next_meeting
                    .push(self.record.action_items.len());
            }
            self.record.action_items.push(ActionItem {
                what: found.what,
                owner: found.owner,
                due,
                span,
            });
        }
    }

    fn references(
        &mut self,
        paragraph: &Paragraph,
        offset: usize,
        sentence: &str,
        cues: &Cues,
        walk: &mut Walk,
    ) {
        let (found, last_document) = references::find(sentence, walk.document.as_deref(), cues);
        for found in found {
            let span = paragraph.span(offset + found.start, offset + found.end);
            self.record.references.push(Reference {
                document: found.document,
                version: found.version,
                paragraph: found.paragraph,
                text: sentence[found.start..found.end].trim().to_owned(),
                span,
            });
        }
        if let Some(name) = last_document {
            // A short form of the document in context ("the Draft Declaration") keeps the full name.
            let shorter = walk
                .document
                .as_deref()
                .is_some_and(|d| fold(d).contains(&fold(&name)));
            if !shorter {
                walk.document = Some(name);
            }
        }
    }

    /// Facts that need the whole report: chairs, moderator, undiscussed items, missing parts.
    fn finish(&mut self) {
        let record = &mut self.record;
        record.meeting.chairs = record
            .participants
            .iter()
            .filter(|p| p.roles.iter().any(|r| r.is_chair()))
            .map(|p| p.name.clone())
            .collect();
        // "Report back at the next meeting": due on the next meeting's date, when the report
        // gives exactly one.
        let mut next: Vec<model::DateValue> = record
            .dates
            .iter()
            .filter(|d| d.kind == DateKind::NextMeeting)
            .filter_map(|d| d.value)
            .collect();
        next.sort();
        next.dedup();
        if let [day @ model::DateValue::Day(_)] = next.as_slice() {
            for &index in &self.due_at_next_meeting {
                record.action_items[index].due = Some(*day);
            }
        }
        if record.meeting.chairs.is_empty() {
            // Without a participant list that names them, the chairs are those the text says
            // chaired the meeting.
            for written in &self.chaired_by {
                let name = self
                    .roster
                    .resolve(written)
                    .name()
                    .map_or_else(|| written.clone(), str::to_owned);
                if crate::participants::looks_like_name(&name)
                    && !record.meeting.chairs.contains(&name)
                {
                    record.meeting.chairs.push(name);
                }
            }
        }
        if let Some(written) = record.meeting.moderator.clone()
            && let Speaker::Resolved { name, .. } = self.roster.resolve(&written)
        {
            record.meeting.moderator = Some(name);
        }
        for item in record.agenda.iter().flat_map(AgendaItem::flatten) {
            // The item itself or one of its sub-items ("3" owns "3.1").
            let own = |n: &str| {
                n.strip_prefix(item.number.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            };
            let discussed = record
                .interventions
                .iter()
                .any(|i| i.agenda_item.as_deref().is_some_and(own));
            if discussed {
                continue;
            }
            let heading = self
                .discussed_at
                .iter()
                .find(|(n, _)| *n == item.number)
                .map(|(_, l)| *l);
            let line = heading.unwrap_or(item.span.start_line);
            let width = u32::try_from(
                self.content
                    .split('\n')
                    .nth(line as usize - 1)
                    .map_or(1, |l| l.trim_end().chars().count()),
            )
            .unwrap_or(1);
            record.diagnostics.push(
                Diagnostic::new(Code::ItemNotDiscussed, Span::at(line, 1), width, format!("agenda item {} '{}' has no recorded discussion", item.number, item.title))
                    .with_hint(format!("the agenda lists it on line {}; record what was said, or write that the item was deferred", item.span.start_line)),
            );
        }
        if record.meeting.date.is_none() {
            record.diagnostics.push(
                Diagnostic::new(Code::NoDate, Span::at(1, 1), 1, "the report states no meeting date")
                    .with_hint("add the date of the meeting to the header, e.g. '4 December 2025 at 13:00 UTC'"),
            );
        }
        if record.participants.is_empty() {
            record.diagnostics.push(
                Diagnostic::new(Code::NoParticipants, Span::at(1, 1), 1, "the report has no list of participants")
                    .with_hint("speakers cannot be resolved to people without one; add a 'List of participants' section"),
            );
        }
        if record.agenda.is_empty() {
            record.diagnostics.push(Diagnostic::new(
                Code::NoAgenda,
                Span::at(1, 1),
                1,
                "the report has no agenda",
            ));
        }
        let named_speech = record
            .interventions
            .iter()
            .any(|i| i.speaker != Speaker::Nobody);
        if record.agenda.is_empty()
            && record.participants.is_empty()
            && !named_speech
            && record.meeting.date.is_none()
        {
            record.diagnostics.push(
                Diagnostic::new(Code::NotAReport, Span::at(1, 1), 1, "this is not a meeting report: it has no agenda, no participant list, no meeting date and no attributed speech")
                    .with_hint("rapporteur reads summary reports of meetings"),
            );
        }
        // Every repair is said where it was made, so nothing is altered silently.
        for repair in &record.repairs {
            record.diagnostics.push(Diagnostic::new(
                Code::TextRepaired,
                repair.span,
                1,
                repair.description.clone(),
            ));
        }
        record
            .diagnostics
            .sort_by_key(|d| (d.span.start_line, d.span.column));
    }
}

fn span_len(paragraph: &Paragraph, offset: usize) -> usize {
    text::first_sentence(&paragraph.text[offset..]).map_or(0, |(_, e)| e)
}

fn ends_mid_sentence(paragraph: Option<&Paragraph>) -> bool {
    paragraph.is_some_and(|p| {
        let t = p.text.trim_end();
        !t.is_empty()
            && !t.ends_with(['.', '!', '?', ':', ';', ')', '"', '”', '’', '\''])
            && t.split_whitespace().count() > 6
    })
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    ["- ", "* ", "• ", "– "].iter().any(|b| t.starts_with(b))
}

/// "n/a", "None.", "No discussion." under an item: the item had no discussion.
fn is_no_discussion(block: &Block<'_>) -> bool {
    block
        .single()
        .filter(|line| line.len() < 80)
        .is_some_and(|line| {
            let folded = fold(line.trim_end_matches('.'));
            let exact = [
                "n/a",
                "na",
                "none",
                "-",
                "–",
                "nil",
                "no discussion",
                "nothing to report",
                "no updates",
                "no update",
                "not discussed",
                "deferred",
                "postponed",
            ];
            let leading = [
                "deferred ",
                "postponed ",
                "no discussion",
                "not discussed",
                "no other business",
                "this item was deferred",
                "this item was postponed",
                "the item was deferred",
                "item deferred",
                "nothing to report",
                "no updates ",
            ];
            exact.contains(&folded.as_str()) || leading.iter().any(|l| folded.starts_with(l))
        })
}

/// Reads "1. Title", "Item 1: Title", "1.1 Title", "a) Title", "- Title" (numbered by position).
fn agenda_line(raw: &str) -> Option<(String, String, usize)> {
    let indent = raw.len() - raw.trim_start().len();
    let mut line = heading_text(raw);
    for prefix in ["Agenda item ", "Agenda Item ", "Item ", "ITEM "] {
        if let Some(rest) = line.strip_prefix(prefix) {
            line = rest;
        }
    }
    let label_len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(line.len());
    let (label, rest) = line.split_at(label_len);
    let rest_trim = rest.trim_start_matches([')', ':', '.', '–', '-', ' ', '\t']);
    let has_sep = rest.len() != rest_trim.len() || label.ends_with('.');
    let label = label.trim_end_matches('.');
    let numeric = !label.is_empty()
        && label
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) && p.len() <= 3);
    let lettered =
        label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase()) && rest.starts_with(')');
    let lettered = lettered
        || (label.len() <= 4
            && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            && rest.starts_with(')'));
    if (numeric || lettered) && has_sep && !rest_trim.is_empty() {
        return Some((label.to_owned(), rest_trim.trim().to_owned(), indent));
    }
    if let Some(rest) = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("• "))
    {
        return Some(("#".to_owned(), rest.trim().to_owned(), indent));
    }
    None
}

/// Whether two folded agenda titles name the same item.
fn titles_match(agenda: &str, heading: &str) -> bool {
    if agenda.is_empty() || heading.is_empty() {
        return false;
    }
    if agenda == heading
        || agenda.starts_with(heading) && heading.len() > 8
        || heading.starts_with(agenda) && agenda.len() > 8
    {
        return true;
    }
    fn words(s: &str) -> Vec<&str> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .collect()
    }
    let a = words(agenda);
    let h = words(heading);
    if a.is_empty() || h.is_empty() {
        return false;
    }
    let shared = a.iter().filter(|w| h.contains(w)).count();
    shared * 3 >= a.len().max(h.len()) * 2
}

const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// "106th" → 106, "twelfth" → 12, "twenty-first" → 21.
fn ordinal_number(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let (tens, unit) = match lower.split_once('-') {
        Some((tens, unit)) => (tens, unit),
        None => ("", lower.as_str()),
    };
    let tens = match tens {
        "" => 0,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        _ => return None,
    };
    let unit = match unit {
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        word => u32::try_from(ORDINAL_WORDS.iter().position(|w| *w == word)? + 1).ok()?,
    };
    Some(tens + unit)
}

/// "Fourth meeting", "12th call – online", "Meeting 41", "Twelfth session": a header line
/// that gives only the meeting's number.
fn header_number(line: &str) -> Option<u32> {
    static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:(?P<o>[0-9]{1,4}(?:st|nd|rd|th)|[a-z-]+)\s+(?:meeting|session|call)|(?:meeting|session|call)\s+(?:no\.?\s*|#)?(?P<n>[0-9]{1,4}))(?-u:\b)\W*(?:[-–—·,:]|$)")
            .expect("the number line pattern is valid")
    });
    let caps = NUMBER_LINE.captures(line)?;
    match (caps.name("o"), caps.name("n")) {
        (Some(o), _) => ordinal_number(o.as_str()),
        (_, Some(n)) => n.as_str().parse().ok(),
        _ => None,
    }
}

/// "Working Group on X (WG-X)" → ("Working Group on X", Some("WG-X")).
fn split_short_name(line: &str) -> (&str, Option<&str>) {
    if let Some(open) = line.rfind(" (")
        && line.ends_with(')')
    {
        let short = &line[open + 2..line.len() - 1];
        if !short.contains(' ') && short.len() <= 24 {
            return (line[..open].trim(), Some(short));
        }
    }
    (line, None)
}

/// Whether a name is a group's own ("… Working Group …", "… Committee", "… Task Force").
fn is_group_name(name: &str) -> bool {
    let folded = fold(name);
    [
        "working group",
        "committee",
        "task force",
        "group on",
        "group of",
        "expert group",
        "council",
        "forum",
        "board",
        "coalition",
        "network",
        "wg",
    ]
    .iter()
    .take(6)
    .any(|w| folded.contains(w))
}

fn mode_of(folded: &str) -> Option<Mode> {
    if folded.contains("hybrid") {
        Some(Mode::Hybrid)
    } else if folded.contains("in-person")
        || folded.contains("in person")
        || folded.contains("face-to-face")
    {
        Some(Mode::InPerson)
    } else if folded.contains("online")
        || folded.contains("virtual")
        || folded.contains("videoconference")
        || folded.contains("zoom")
    {
        Some(Mode::Online)
    } else {
        None
    }
}

/// "IGF MAG Working Group on …" → "IGF MAG": the body a group's name says it belongs to.
const BODY_WORDS: &[&str] = &[
    "Forum",
    "Council",
    "Board",
    "Coalition",
    "Alliance",
    "Network",
    "Commission",
    "Assembly",
    "Union",
    "Organization",
    "Organisation",
    "Foundation",
    "Society",
    "Conference",
];

fn parent_body(name: &str) -> Option<String> {
    for kind in [
        " Working Group",
        " Task Force",
        " Sub-Committee",
        " Subcommittee",
        " Expert Group",
        " Drafting Group",
        " Advisory Group",
        " Steering Committee",
        " Committee",
        " WG",
    ] {
        if let Some(at) = name.find(kind) {
            let parent = name[..at].trim();
            let words = parent.split_whitespace().count();
            // A body has an acronym ("IGF MAG") or says what it is ("… Forum"); "Joint" or
            // "Intergovernmental" only qualify the group.
            let body = parent.split_whitespace().any(|w| {
                w.len() >= 2
                    && w.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            }) || parent.split_whitespace().any(|w| BODY_WORDS.contains(&w));
            if (1..=5).contains(&words)
                && body
                && parent.chars().next().is_some_and(char::is_uppercase)
                && !parent.eq_ignore_ascii_case("the")
            {
                return Some(parent.to_owned());
            }
        }
    }
    None
}

/// "the survey that Salote coordinated": a capitalised name inside a sentence, followed by
/// a verb in the past, is someone doing something.
fn acts_as_person(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence[..start].trim_end();
    // "the method developed by Jonas": the agent of a past participle.
    let after = sentence[end..].trim_start();
    // "Amina Yusuf, who could not attend, …": "who" speaks of a person.
    if sentence[end..].starts_with(", who ") {
        return true;
    }
    // The name ends its noun phrase: "developed by Jonas for…", not "by Nigerian stakeholders".
    // Asked only after "by", which most names do not follow.
    let ends_phrase = || {
        let next_word = after.split_whitespace().next().unwrap_or("");
        after.is_empty()
            || after.starts_with(|c: char| c.is_ascii_punctuation())
            || [
                "for", "and", "in", "with", "to", "at", "on", "as", "of", "who", "which", "that",
                "during", "before", "after", "since", "last", "was", "is", "has", "had",
            ]
            .contains(&next_word)
    };
    if let Some(rest) = before.strip_suffix(" by")
        && ends_phrase()
        && rest.rsplit(' ').next().is_some_and(|w| {
            w.len() > 3 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
        })
    {
        return true;
    }
    let after_lower = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    let next = sentence[end..].split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphabetic());
    after_lower
        && next.len() > 3
        && next.ends_with("ed")
        && next.chars().all(|c| c.is_ascii_lowercase())
}

/// Words that make a capitalised run an organisation or a thing, not a person.
fn is_institution(run: &str) -> bool {
    const WORDS: &[&str] = &[
        "Forum",
        "Panel",
        "Group",
        "Committee",
        "Secretariat",
        "Council",
        "Office",
        "Agency",
        "Ministry",
        "Government",
        "University",
        "Institute",
        "Centre",
        "Center",
        "Foundation",
        "Society",
        "Union",
        "Commission",
        "Assembly",
        "Summit",
        "Network",
        "Initiative",
        "Track",
        "Document",
        "Declaration",
        "Charter",
        "Report",
        "Agenda",
        "Programme",
        "Program",
        "Fund",
        "Bank",
        "Alliance",
        "Association",
        "Board",
        "Authority",
        "Department",
        "Team",
        "Project",
        "Working",
        "Lab",
        "Coalition",
        "Parliament",
        "Court",
        "Nations",
        "Organization",
        "Organisation",
        "Summary",
        "Draft",
        "Revision",
        "Platform",
        "Partnership",
        "Service",
        "Services",
        "Policy",
        "Strategy",
        "Framework",
        "Event",
        "Week",
        "Day",
        "Session",
    ];
    run.split_whitespace().any(|w| WORDS.contains(&w))
}

/// Whether the words before a date put it in the past: "was circulated in", "took place on",
/// "last". Words that look ahead ("expected in", "scheduled for", "to be adopted on", "will")
/// keep it in the future.
fn is_past(before: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with(" last") || before == "last" {
        return true;
    }
    if ["will ", "to be ", "would ", "shall "]
        .iter()
        .any(|w| text::contains_str(before, w))
    {
        return false;
    }
    let Some(rest) = before
        .strip_suffix(" in")
        .or_else(|| before.strip_suffix(" on"))
    else {
        return false;
    };
    let verb = rest.rsplit(' ').next().unwrap_or("");
    let ahead = [
        "expected",
        "scheduled",
        "planned",
        "foreseen",
        "intended",
        "proposed",
        "postponed",
        "moved",
        "deferred",
        "set",
        "based",
        "focused",
        "agreed",
        "decided",
        "invited",
        "called",
    ];
    rest.ends_with(" took place") || (verb.ends_with("ed") && !ahead.contains(&verb))
}

/// "in Washington": a place, not the participant named Washington.
fn is_place_context(sentence: &str, start: usize) -> bool {
    let before = sentence[..start].trim_end();
    ["in", "at", "from", "In", "At", "From"].iter().any(|p| {
        before
            .strip_suffix(p)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

fn date_kind(sentence: &str, start: usize, section: Section, number: Option<u32>) -> DateKind {
    let lower = sentence.to_lowercase();
    let prefix = &lower[..text::floor_char_boundary(&lower, start)];
    // "The 108th meeting is scheduled for 13 October", written at the 107th. Each form says
    // "meeting" or "session": without either, none is written.
    if let Some(next) = number.map(|n| n + 1)
        && (text::contains_str(prefix, "meeting") || text::contains_str(prefix, "session"))
    {
        let suffix = match (next % 10, next % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        if [
            format!("{next}{suffix} meeting"),
            format!("{next}{suffix} session"),
            format!("meeting {next}"),
        ]
        .iter()
        .any(|w| prefix.contains(w.as_str()))
        {
            return DateKind::NextMeeting;
        }
    }
    let before = prefix.trim_end();
    // The next meeting is named before its date ("the next meeting … on 18 December"), not
    // after it ("by 9 October, so that Rev2 is out before the next meeting").
    if section == Section::NextMeeting
        || ["next meeting", "next call", "next session"]
            .iter()
            .any(|w| before.contains(w))
    {
        return DateKind::NextMeeting;
    }
    // The last forty characters.
    let tail = &before[before.char_indices().rev().nth(39).map_or(0, |(at, _)| at)..];
    if tail.contains("deadline")
        || tail.ends_with(" due")
        || tail.ends_with("no later than")
        || tail.contains("due by")
    {
        return DateKind::Deadline;
    }
    if before.ends_with(" by") || before.ends_with(" before") || before.ends_with(" until") {
        let obligation = [
            "invited", "call", "request", "asked to", "should", "must", "please", "feedback",
            "comments", "submit", "send", "provide", "will ",
        ]
        .iter()
        .any(|w| lower.contains(w));
        return if obligation {
            DateKind::Deadline
        } else {
            DateKind::Expected
        };
    }
    DateKind::Mentioned
}

/// A one-line list of those present ("Present: A, B, C"), as its label and its names.
/// Apologies and absences ("Apologies: D") are lists too, of people who did not attend; they
/// count as a list line, with no names returned.
fn inline_list(raw: &str) -> Option<(&str, &str)> {
    // Every line is asked, and most have no colon: that is one `memchr`, not five trims.
    memchr::memchr(b':', raw.as_bytes())?;
    let text = heading_text(raw);
    let (label, list) = text.split_once(':')?;
    // A label is a word or two ("Present", "In attendance"), not a sentence with a colon.
    if label.len() > 24 {
        return None;
    }
    if list.trim().is_empty() {
        return None;
    }
    if matches!(
        fold(label).trim(),
        "apologies" | "absent" | "regrets" | "excused"
    ) {
        return Some((label, ""));
    }
    matches!(section_of(label), Some(Section::Participants)).then_some((label, list))
}

fn read_participants(blocks: &[Block<'_>], diagnostics: &mut Vec<Diagnostic>) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    let mut inside = false;
    let mut absent = false;
    let mut seen = foldhash::HashSet::default();
    for block in blocks {
        // "Present: Ana Neves, Chris Buckridge" on one line, wherever it stands.
        let mut inline = false;
        for &(number, raw) in &block.lines {
            if let Some((label, list)) = inline_list(raw) {
                inline = true;
                let column = u32::try_from(label.chars().count() + 2).unwrap_or(1);
                out.extend(participants::parse_inline(number, column, list));
            }
        }
        if inline {
            inside = false;
            continue;
        }
        if let Some(heading) = heading_line(block)
            && let Some(section) = section_of(heading)
        {
            inside = section == Section::Participants;
            continue;
        }
        if !inside {
            continue;
        }
        for &(number, raw) in &block.lines {
            let mut buffer = [0; 64];
            let folded = crate::roster::fold_key(heading_text(raw), &mut buffer);
            let folded = folded.as_str();
            let label = folded.trim_end_matches(':').trim();
            // People who sent apologies did not attend.
            if matches!(
                label,
                "apologies"
                    | "absent"
                    | "regrets"
                    | "excused"
                    | "apologies received"
                    | "unable to attend"
            ) {
                absent = true;
                continue;
            }
            if matches!(
                label,
                "online"
                    | "remote"
                    | "in person"
                    | "in the room"
                    | "on site"
                    | "onsite"
                    | "virtual"
                    | "members"
                    | "observers"
                    | "guests"
                    | "secretariat"
                    | "present"
                    | "in attendance"
                    | "participants"
            ) || folded.ends_with(':')
            {
                absent = false;
                continue;
            }
            if absent {
                continue;
            }
            let Some(p) = participants::parse_line(number, raw) else {
                // Never dropped in silence: a line of the list that names nobody is reported.
                let shown: String = raw.trim().chars().take(60).collect();
                diagnostics.push(
                    Diagnostic::new(
                        Code::UnreadParticipant,
                        Span::at(number, 1),
                        u32::try_from(raw.trim_end().chars().count()).unwrap_or(1),
                        format!("this line of the participant list names no one: '{shown}'"),
                    )
                    .with_hint("write it as 'Name, affiliation', or move it out of the list"),
                );
                continue;
            };
            if !seen.insert(fold(&p.name)) {
                diagnostics.push(Diagnostic::new(
                    Code::DuplicateParticipant,
                    p.span,
                    u32::try_from(p.name.chars().count()).unwrap_or(1),
                    format!("'{}' is listed twice", p.name),
                ));
                continue;
            }
            out.push(p);
        }
    }
    out
}

/// How sure this reader is that `text` is a summary report (0–100), from its first lines:
/// a "Summary Report" title, the sections a report has (agenda, discussion, participants),
/// an opening sentence naming the meeting, and prose paragraphs that report speech.
/// Verbatim turns (`>> NAME:`, `<nick>`, `Name: text` lines) count against it: those belong
/// to the transcript and minutes readers.
pub fn confidence(text: &Text) -> u8 {
    let mut title = false;
    let mut sections = [false; 3];
    let mut opening = false;
    let mut prose = 0u32;
    let mut turns = 0u32;
    let mut lines = 0u32;
    for line in crate::detect::head(text, 400) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        lines += 1;
        if trimmed.len() < 60 {
            let words = heading_text(trimmed).trim_end_matches(':');
            // The titles are ASCII, so only a line that is not needs the full lowercasing.
            title = title
                || TITLES.iter().any(|t| t.eq_ignore_ascii_case(words))
                || (!words.is_ascii() && TITLES.contains(&words.to_lowercase().as_str()));
            if !sections.iter().all(|&found| found) {
                match section_of(trimmed) {
                    Some(Section::Agenda) => sections[0] = true,
                    Some(Section::Discussion) => sections[1] = true,
                    Some(Section::Participants) => sections[2] = true,
                    _ => {}
                }
            }
        }
        if trimmed.starts_with(">>") || trimmed.starts_with('<') || is_turn_line(trimmed) {
            turns += 1;
        }
        // Five prose lines and the opening are all the score counts of them.
        if trimmed.len() > 100 && !(opening && prose >= 5) && REPORTING.is_match(trimmed) {
            prose += 1;
            if !opening
                && (ORDINAL.is_match(trimmed)
                    || (trimmed.contains(" meeting")
                        && [
                            " was held",
                            " held its",
                            " took place",
                            " convened",
                            " met ",
                        ]
                        .iter()
                        .any(|words| trimmed.contains(words))))
            {
                opening = true;
            }
        }
    }
    let mut score: i32 = 0;
    score += if title { 40 } else { 0 };
    score += 12 * sections.iter().filter(|&&found| found).count() as i32;
    score += if opening { 25 } else { 0 };
    score += (prose.min(5) * 6) as i32;
    // Short turn lines make up most of a transcript or of minutes, and little of a report.
    if lines > 0 && turns * 3 > lines {
        score -= 40;
    }
    score.clamp(0, 100) as u8
}

/// The titles of summary reports, folded, for [`confidence`].
const TITLES: [&str; 8] = [
    "summary report",
    "meeting report",
    "summary record",
    "report of the meeting",
    "minutes",
    "meeting minutes",
    "meeting summary",
    "summary",
];

/// Reporting verbs as prose reports write them, for [`confidence`]: one pass over a line
/// finds any of them.
static REPORTING: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([
        " noted ",
        " said ",
        " suggested ",
        " agreed",
        " proposed ",
        " stressed ",
        " explained ",
        " asked ",
        " presented ",
        " welcomed ",
        " reiterated ",
        " opened the ",
    ])
    .expect("fixed patterns")
});

/// "Name: text" or "NAME: text": a line that opens with a short name and a colon.
fn is_turn_line(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    !rest.trim().is_empty()
        && (1..=4).contains(&label.split_whitespace().count())
        && label.len() <= 40
        && label
            .split_whitespace()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::strategy::Strategy;

    /// What the capture engine makes of `ORDINAL`, for `ordinal` to be compared with.
    fn ordinal_by_captures(text: &str) -> Option<Ordinal<'_>> {
        let caps = ORDINAL.captures(text)?;
        Some(Ordinal {
            n: caps.name("n")?.as_str(),
            mode: caps.name("mode").map(|m| m.as_str()),
            group: caps.name("group")?.as_str(),
            short: caps.name("short").map(|m| m.as_str()),
        })
    }

    #[test]
    fn ordinal_reads_openings_as_the_capture_engine_does() {
        for text in [
            "The 100th online meeting of the IGF Best Practice Forum on Cybersecurity (BPF-Cyber) was held on 5 October 2027.",
            "The 3rd in person meeting of the Working Group on Data (WG-Data) of the IGF MAG took place in Geneva.",
            "The twenty-first regular hybrid session of THE Plenary was convened.",
            "The 7th meeting of the (X) group was held.",
            "The 12th call of the  Internet Society   chapter met online; the 13th meeting of it was held.",
            "The first meeting of the Group (G) of the Whole (W) was held in March.",
            "A 5th meeting of théâtre numérique (TN) is planned.",
            "No ordinal here, the meeting of the group was held.",
        ] {
            assert_eq!(ordinal(text), ordinal_by_captures(text), "{text}");
        }
    }

    proptest::proptest! {
        /// `ordinal` and the capture engine agree on openings put together from the parts
        /// the pattern knows, and from parts that break it.
        #[test]
        fn ordinal_agrees_with_the_capture_engine(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "The", "the", "100th", "2nd", "twenty-first", "Fortieth", "online",
                        "in person", "in-person", "regular", "meeting", "Session", "call", "of",
                        "THE", "Working", "Group", "(WG)", "(", ")", "(a.b)", ".", ";", ",",
                        "was", "held", "took", "place", "is", "convened", "Forum", "Démocratie",
                        "of the", "of the IGF", "(BPF-Cyber)",
                    ]).prop_map(str::to_owned),
                    "[a-zA-Z()]{1,6}",
                ],
                3..16,
            ),
            spaces in proptest::collection::vec(proptest::sample::select(vec![" ", " ", " ", "  ", "\t", "\u{a0}"]), 16),
        ) {
            let text: String = parts
                .iter()
                .zip(&spaces)
                .map(|(part, space)| format!("{part}{space}"))
                .collect();
            proptest::prop_assert_eq!(ordinal(&text), ordinal_by_captures(&text), "{}", text);
        }

        /// The same on openings shaped as the pattern expects, with the group's name, its
        /// short name and what follows varied.
        #[test]
        fn ordinal_agrees_on_openings_of_the_expected_shape(
            ordinal_word in proptest::sample::select(vec!["100th", "3rd", "twenty-first", "Second", "12TH"]),
            modes in proptest::collection::vec(
                proptest::sample::select(vec!["online", "in person", "in-person", "Regular", "hybrid"]),
                0..3,
            ),
            keyword in proptest::sample::select(vec!["meeting", "Session", "call"]),
            the in proptest::sample::select(vec!["", "the ", "The  ", "the\t", "thea "]),
            name in proptest::collection::vec(
                proptest::sample::select(vec![
                    "IGF", "Best", "Practice", "Forum", "on", "the", "of", "Group", "was", "(G)",
                    "(", "a.b", "x;y", "Démocratie", "is", "held", "(BPF-Cyber)", ")",
                ]),
                0..6,
            ),
            short in proptest::sample::select(vec!["", " (WG)", "(WG)", " ( )", " (W.G.)", " (a (b)"]),
            of_the in proptest::sample::select(vec!["", " of the IGF", " of the MAG; x", " of  the Forum"]),
            verb in proptest::sample::select(vec![" was held", " took place", " Met", " is", "was", " held", ". It was"]),
        ) {
            let mut text = format!("The {ordinal_word} ");
            for mode in &modes {
                text.push_str(mode);
                text.push(' ');
            }
            text.push_str(&format!("{keyword} of {the}{}{short}{of_the}{verb} on Monday.", name.join(" ")));
            proptest::prop_assert_eq!(ordinal(&text), ordinal_by_captures(&text), "{}", text);
        }
    }

    #[test]
    fn a_participant_line_that_names_no_one_is_reported() {
        let text = crate::input::decode(
            b"WG-Test\nOnline Meeting\n2 March 2026 at 10:00 UTC\n\nAgenda\n\n1. One\n\n\
              Discussion\n\n1. One\n\nMallory noted that things happen.\n\n\
              List of participants\n\n1. Mallory Example, Chair\n2. Trent <img src=x>, Secretariat\n",
        )
        .expect("text");
        let record = read(&text, "t.txt", &PeopleHints::default());
        assert_eq!(record.participants.len(), 1);
        let unread: Vec<&Diagnostic> = record
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::UnreadParticipant)
            .collect();
        assert_eq!(unread.len(), 1, "{:?}", record.diagnostics);
        assert_eq!(unread[0].span.start_line, 18);
        assert!(unread[0].message.contains("Trent <img src=x>"));
    }

    #[test]
    fn several_named_speakers_of_one_sentence_each_get_the_intervention() {
        let text = crate::input::decode(
            "WG-Test\nOnline Meeting\n2 March 2026 at 10:00 UTC\n\nAgenda\n\n1. One\n\n\
              Discussion\n\n1. One\n\nMallory noted that the text is long. \
              Grace, Sione, and Fatou all agreed that it could be shorter. \
              Sione also noted a typo.\n\n\
              List of participants\n\n1. Mallory Example, Chair\n2. Grace Obi\n\
              3. Sione Tupou\n4. Fatou Diallo\n"
                .as_bytes(),
        )
        .expect("text");
        let record = read(&text, "t.txt", &PeopleHints::default());
        let said: Vec<(String, &str)> = record
            .interventions
            .iter()
            .map(|i| (format!("{:?}", i.speaker), i.text.as_str()))
            .collect();
        assert_eq!(said.len(), 5, "{said:#?}");
        for (i, name) in ["Grace Obi", "Sione Tupou", "Fatou Diallo"]
            .iter()
            .enumerate()
        {
            assert!(said[i + 1].0.contains(name), "{said:#?}");
            assert!(
                said[i + 1]
                    .1
                    .starts_with("Grace, Sione, and Fatou all agreed"),
                "{said:#?}"
            );
        }
        // Sione speaks again on their own: the sentence is theirs, not Fatou's.
        assert!(said[4].0.contains("Sione Tupou"), "{said:#?}");
        assert_eq!(said[4].1, "Sione also noted a typo.");
        assert!(!said[0].1.contains("agreed"), "{said:#?}");
    }

    #[test]
    fn a_participant_before_a_verb_the_reader_does_not_know_takes_the_turn() {
        let text = crate::input::decode(
            "WG-Test\nOnline Meeting\n2 March 2026 at 10:00 UTC\n\n\
              Kwame Mensah chaired the meeting.\n\nAgenda\n\n1. One\n\n\
              Discussion\n\n1. One\n\nMallory noted that the text is long. \
              Kwame walked the group through the draft. Geneva hosted the last session.\n\n\
              List of participants\n\n1. Mallory Example\n2. Kwame Mensah, Chair\n"
                .as_bytes(),
        )
        .expect("text");
        let record = read(&text, "t.txt", &PeopleHints::default());
        let said: Vec<(String, Option<&str>, &str)> = record
            .interventions
            .iter()
            .map(|i| {
                (
                    format!("{:?}", i.speaker),
                    i.act.as_deref(),
                    i.text.as_str(),
                )
            })
            .collect();
        // The opening's narrative is nobody's turn; in the discussion Kwame's sentence is his,
        // and Geneva, on no list, is no speaker: its sentence goes on with Kwame's.
        assert_eq!(said.len(), 2, "{said:#?}");
        assert_eq!(said[0].2, "Mallory noted that the text is long.");
        assert!(said[1].0.contains("Kwame Mensah"), "{said:#?}");
        assert_eq!(said[1].1, Some("walked"));
        assert_eq!(
            said[1].2,
            "Kwame walked the group through the draft. Geneva hosted the last session."
        );
    }

    #[test]
    fn reads_agenda_lines() {
        assert_eq!(
            agenda_line("1. WSIS+20 – Rev2"),
            Some(("1".into(), "WSIS+20 – Rev2".into(), 0))
        );
        assert_eq!(
            agenda_line("Item 3: Any other business"),
            Some(("3".into(), "Any other business".into(), 0))
        );
        assert_eq!(
            agenda_line("  a) Budget"),
            Some(("a".into(), "Budget".into(), 2))
        );
        assert_eq!(
            agenda_line("2.1 Workshops"),
            Some(("2.1".into(), "Workshops".into(), 0))
        );
        assert_eq!(agenda_line("The meeting opened."), None);
    }

    #[test]
    fn tells_past_dates_from_coming_ones() {
        assert!(is_past("since the Zero draft was circulated in"));
        assert!(is_past("the launch event that took place on"));
        assert!(is_past("at the meeting last"));
        assert!(!is_past("a funding decision expected in"));
        assert!(!is_past("the draft is to be adopted on"));
        assert!(!is_past("based on the text Tobias will circulate by"));
        assert!(!is_past("with a deadline of"));
    }

    #[test]
    fn finds_parent_bodies() {
        assert_eq!(
            parent_body("IGF MAG Working Group on IGF Strengthening and Strategy").as_deref(),
            Some("IGF MAG")
        );
        assert_eq!(parent_body("Working Group on Data"), None);
        assert_eq!(parent_body("Joint Working Group on E-Invoicing"), None);
        assert_eq!(
            header_number("19th meeting – hybrid (Copenhagen and online)"),
            Some(19)
        );
        assert_eq!(
            header_number("Seventh meeting – hybrid (Geneva and online)"),
            Some(7)
        );
        assert_eq!(header_number("Meeting 41"), Some(41));
        assert_eq!(parent_body("Joint Working Group on E-Invoicing"), None);
    }
}
