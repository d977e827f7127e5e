//! Markdown minutes as IETF working groups, TC39 and open-source steering committees keep
//! them: a `#` title with the group and the date, an attendee list (bullets of
//! `Full Name @handle (role)` or a table of name, abbreviation and organisation), agenda items
//! as headings or numbered bullets, `Name: text` and `ABBR: text` turns with continuation
//! bullets nested under them, and decision and action lines in their usual spellings.
//!
//! The reader works in two passes over classified lines. The first reads what names resolve
//! against: the title, the header's labelled lines, the attendee list and the agenda, wherever
//! they stand. The second walks the discussion: items, turns, notes, decisions and actions.
//! A `Label: text` line is a turn only when its label is a person: an attendee's name, handle
//! or abbreviation, a role held by an attendee, or, reported as unknown, something shaped like
//! a person's name. `Links:`, `Recording:`, `Slides:`, dates, times and URLs never speak.
//! Every fact keeps its line and column; every doubt is a diagnostic.

use std::borrow::Cow;
use std::sync::LazyLock;

use foldhash::{HashMap, HashSet};
use model::{
    ActionItem, AgendaItem, Code, DateFact, DateKind, DateValue, Decision, Diagnostic,
    Intervention, Mention, Mode, Participant, Record, Severity, Source, Span, Speaker, Start,
};
use regex::Regex;

use crate::participants::{classify, looks_like_name};
use crate::roster::{Roster, fold, role_word, strip_honorifics};
use crate::text::{Paragraph, find_str};
use crate::{PeopleHints, dates, input::Text};

/// The reader's stable name, written to `source.reader`.
pub const READER: &str = "markdown-minutes";

/// Reads Markdown minutes into a record. Always returns one; every doubt is a diagnostic.
pub fn read(text: &Text, path: &str, hints: &PeopleHints) -> Record {
    let lines = lex(&text.content);
    let mut reader = Reader::new(&lines);
    reader.record.source = Source {
        path: path.to_owned(),
        reader: READER.to_owned(),
        sha256: text.sha256.clone(),
    };
    reader.read_outline();
    reader.build_people(hints);
    reader.read_discussion();
    reader.finish()
}

/// How sure the content is Markdown minutes, 0 to 100, from a look at its first lines.
pub fn confidence(text: &Text) -> u8 {
    let mut title = false;
    let mut attendance = false;
    let mut headings = 0u32;
    let mut bullets = 0u32;
    let mut turns = 0u32;
    let mut facts = 0u32;
    let mut table_people = false;
    let mut foreign = 0u32;
    let mut prose = 0u32;
    let mut seen = 0u32;
    for raw in text.content.split('\n').take(200) {
        let raw = &raw[..crate::text::floor_char_boundary(raw, 240)];
        let line = lex_line(raw, 0);
        if line.kind == Kind::Blank {
            continue;
        }
        seen += 1;
        let t = line.text;
        // Captioning transcripts and IRC logs have their own readers.
        if t.starts_with(">>") || (t.starts_with('<') && find_str(t, "> ").is_some_and(|i| i < 24))
        {
            foreign += 1;
        }
        match line.kind {
            Kind::Heading(level) => {
                if seen == 1 && level <= 2 {
                    title = true;
                } else {
                    headings += 1;
                }
                if matches!(section_of(t), Some(Section::Attendance | Section::Absent)) {
                    attendance = true;
                }
            }
            Kind::Table => {
                let lower = t.to_ascii_lowercase();
                if lower.contains("abbr") || lower.contains("handle") || lower.contains("organi") {
                    table_people = true;
                }
            }
            Kind::Bullet | Kind::Plain => {
                if line.kind == Kind::Bullet {
                    bullets += 1;
                    if line.task.is_some() {
                        facts += 1;
                    }
                }
                let label = split_label(t);
                // Long unlabelled paragraphs are how summary reports are written.
                if line.kind == Kind::Plain && label.is_none() && t.len() > 160 {
                    prose += 1;
                }
                if let Some(label) = label {
                    match kind_of(label.name) {
                        LabelKind::Decision | LabelKind::Action => facts += 1,
                        LabelKind::Meta(Meta::Present) => attendance = true,
                        LabelKind::Meta(_) | LabelKind::Text => {}
                        LabelKind::Other => {
                            let name = label.name;
                            if name.starts_with('@')
                                || looks_like_name(name)
                                || is_abbreviation(name)
                            {
                                turns += 1;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if !title && headings == 0 && bullets == 0 {
        return 0;
    }
    let mut score = 0u32;
    score += if title { 20 } else { 0 };
    score += if attendance { 25 } else { 0 };
    score += headings.min(3) * 5;
    score += turns.min(5) * 5;
    score += if facts > 0 { 10 } else { 0 };
    score += if table_people { 10 } else { 0 };
    score += if bullets > 0 { 5 } else { 0 };
    // Markdown with neither turns nor decisions and actions is not minutes of this kind
    // (a summary report written with headings, say); prose outweighing turns says the same.
    if turns == 0 && facts == 0 {
        score = score.min(40);
    }
    if prose > turns + facts {
        score = score.saturating_sub(15);
    }
    if foreign > 2 {
        score /= 4;
    }
    u8::try_from(score.min(100)).unwrap_or(100)
}

// ---------------------------------------------------------------------------------------------
// Lines

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Heading(u8),
    Bullet,
    Table,
    /// A table's rule row (`|---|:---|`) or a thematic break (`---`).
    Rule,
    /// A fenced code block's fence or content: never speech.
    Code,
    /// An HTML comment.
    Comment,
    Plain,
}

/// One source line, classified.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: u32,
    raw: &'a str,
    kind: Kind,
    /// Leading white space in columns, a tab counting four.
    indent: usize,
    /// The content after any marker (heading hashes, bullet, task box), trimmed.
    text: &'a str,
    /// The number of an ordered bullet ("3" of "3. Item").
    ordinal: Option<&'a str>,
    /// `Some(done)` for a task-list bullet (`- [ ]`, `- [x]`).
    task: Option<bool>,
}

impl<'a> Line<'a> {
    /// The 1-based character column of a slice of this line.
    fn column_of(&self, part: &str) -> u32 {
        column(self.raw, offset_in(self.raw, part))
    }
}

/// The byte offset of `part`, a slice of `whole`, in `whole` (its end when it is not a slice).
fn offset_in(whole: &str, part: &str) -> usize {
    let start = whole.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    if at >= start && at + part.len() <= start + whole.len() {
        at - start
    } else {
        whole.len()
    }
}

/// The 1-based character column of byte offset `at` in `raw`.
fn column(raw: &str, at: usize) -> u32 {
    let at = crate::text::floor_char_boundary(raw, at);
    let head = &raw[..at];
    let chars = if head.is_ascii() {
        head.len()
    } else {
        head.chars().count()
    };
    u32::try_from(chars + 1).unwrap_or(u32::MAX)
}

fn lex(content: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(content.len() / 48 + 1);
    let mut fence: Option<&str> = None;
    let mut comment = false;
    for (index, raw) in content.split('\n').enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut line = lex_line(raw, number);
        if let Some(mark) = fence {
            if line.text.starts_with(mark) {
                fence = None;
            }
            line.kind = Kind::Code;
        } else if comment {
            comment = find_str(line.text, "-->").is_none();
            line.kind = Kind::Comment;
        } else if line.kind == Kind::Code {
            fence = Some(if line.text.starts_with('~') {
                "~~~"
            } else {
                "```"
            });
        } else if line.kind == Kind::Comment {
            comment = find_str(line.text, "-->").is_none();
        }
        out.push(line);
    }
    out
}

fn lex_line(raw: &str, number: u32) -> Line<'_> {
    let trimmed = raw.trim_start();
    let lead = &raw[..raw.len() - trimmed.len()];
    let indent = lead
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<usize>();
    let body = trimmed.trim_end();
    let mut line = Line {
        number,
        raw,
        kind: Kind::Plain,
        indent,
        text: body,
        ordinal: None,
        task: None,
    };
    if body.is_empty() {
        line.kind = Kind::Blank;
        return line;
    }
    let first = body.as_bytes()[0];
    if body.starts_with("```") || body.starts_with("~~~") {
        line.kind = Kind::Code;
        return line;
    }
    if body.starts_with("<!--") {
        line.kind = Kind::Comment;
        return line;
    }
    if first == b'#' && indent < 4 {
        let hashes = body.bytes().take_while(|&b| b == b'#').count();
        let rest = &body[hashes..];
        if (1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
            line.kind = Kind::Heading(u8::try_from(hashes).unwrap_or(6));
            line.text = rest.trim().trim_end_matches('#').trim_end();
            return line;
        }
    }
    if first == b'|' {
        let rule = body
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'));
        line.kind = if rule { Kind::Rule } else { Kind::Table };
        return line;
    }
    if matches!(first, b'-' | b'*' | b'_')
        && body.len() >= 3
        && body.bytes().all(|b| b == first || b == b' ')
    {
        line.kind = Kind::Rule;
        return line;
    }
    if let Some((rest, ordinal)) = bullet(body) {
        line.kind = Kind::Bullet;
        line.ordinal = ordinal;
        let rest = rest.trim_start();
        for (box_, done) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] {
            if let Some(after) = rest.strip_prefix(box_) {
                line.task = Some(done);
                line.text = after.trim_start();
                return line;
            }
        }
        line.text = rest;
    }
    line
}

/// The rest of a bullet line after its marker, and the ordinal of an ordered one.
fn bullet(body: &str) -> Option<(&str, Option<&str>)> {
    for marker in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = body.strip_prefix(marker) {
            return Some((rest, None));
        }
    }
    if matches!(body, "-" | "*" | "+") {
        return Some(("", None));
    }
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &body[digits..];
        if let Some(after) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((after, Some(&body[..digits])));
        }
        if rest == "." || rest == ")" {
            return Some(("", Some(&body[..digits])));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Labels: the `Label: text` shape, and what a label is

/// A `Label: text` line split at its colon.
#[derive(Debug, Clone, Copy)]
struct Label<'a> {
    /// The label as written, without emphasis and colon ("Ana Pereira", "JHD", "@bkiplagat").
    name: &'a str,
    /// What follows the colon, trimmed.
    rest: &'a str,
}

/// Splits `Label: rest`, `**Label:** rest` or `**Label**: rest`. `None` when the line has no
/// label: the colon of a URL (`https://`) or a time (`10:30`) is followed by no space.
fn split_label(text: &str) -> Option<Label<'_>> {
    for mark in ["**", "__", "*", "_"] {
        let Some(inner) = text.strip_prefix(mark) else {
            continue;
        };
        let close = find_str(inner, mark)?;
        let content = &inner[..close];
        let after = &inner[close + mark.len()..];
        let (name, rest) = if let Some(name) = content.strip_suffix(':') {
            (name, after)
        } else if let Some(rest) = after.strip_prefix(':') {
            (content, rest)
        } else if let Some(paren) = after.strip_prefix(" (")
            && let Some(close) = paren.find("):")
            && !paren[..close].contains(['(', ')'])
        {
            // "**Bo Chen** (Example Corp): text": the affiliation outside the emphasis.
            (content, &paren[close + 2..])
        } else {
            return None;
        };
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        let name = name.trim();
        return valid_label(name).then(|| Label {
            name,
            rest: rest.trim(),
        });
    }
    let window = &text.as_bytes()[..text.len().min(80)];
    let colon = memchr::memchr(b':', window)?;
    let after = &text[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let name = text[..colon].trim();
    valid_label(name).then(|| Label {
        name,
        rest: after.trim(),
    })
}

/// Whether a label is short and made of the characters names, handles, abbreviations and
/// label words are made of, with at most one trailing parenthesis ("Bo Chen (Example Corp)").
fn valid_label(name: &str) -> bool {
    if name.is_empty() || name.len() > 64 {
        return false;
    }
    let head = match name.find('(') {
        Some(open) => {
            let paren = &name[open..];
            if !paren.ends_with(')') || paren[1..paren.len() - 1].contains(['(', ')']) {
                return false;
            }
            name[..open].trim_end()
        }
        None => name,
    };
    let allowed = |c: char| {
        c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | '/' | '@' | '_' | '&')
    };
    !head.is_empty()
        && head.split_whitespace().count() <= 5
        && if head.is_ascii() {
            head.bytes().all(|b| allowed(char::from(b)))
        } else {
            head.chars().all(allowed)
        }
}

/// A label's name without a trailing parenthesis: "Bo Chen (Example Corp)" is "Bo Chen".
fn label_person(name: &str) -> &str {
    name.find('(').map_or(name, |open| name[..open].trim_end())
}

/// Labels of the header: what they state about the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meta {
    Date,
    Time,
    Location,
    Chairs,
    Moderator,
    Recording,
    Group,
    Title,
    Present,
    Absent,
    Agenda,
    /// Scribes, links and the like: stated, not speech, nothing the record keeps.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Decision,
    Action,
    Meta(Meta),
    /// A label that is never a speaker ("Links", "Slides", "Note", "Summary").
    Text,
    /// Possibly a person: decided against the attendees.
    Other,
}

/// What a label as written is, before any person is looked up.
fn kind_of(name: &str) -> LabelKind {
    // Every label word of the format is ASCII: "Maëlle Kerbrat" can only be a person.
    if !name.is_ascii() {
        return LabelKind::Other;
    }
    let mut buffer = [0; 64];
    let kind = label_kind(crate::roster::fold_key(name, &mut buffer).as_str());
    // "AI(BC):", "Action (@bkhumalo):", "TODO @ndlamini:": an action with its owner.
    if kind == LabelKind::Other && labelled_owner(name).is_some() {
        return LabelKind::Action;
    }
    if kind == LabelKind::Other && name.contains('(') {
        // "Conclusion (tentative):", "AI (draft):": the kind is the head's.
        let head = label_person(name);
        let head_kind = label_kind(crate::roster::fold_key(head, &mut buffer).as_str());
        if matches!(head_kind, LabelKind::Decision | LabelKind::Action) {
            return head_kind;
        }
    }
    kind
}

/// The owner an action label names: "AI(BC)" and "Action (@bo)" in parentheses, "TODO @bo"
/// and "ACTION Ana Pereira" after the action word.
fn labelled_owner(name: &str) -> Option<&str> {
    let is_action = |word: &str| {
        let mut buffer = [0; 64];
        word.is_ascii()
            && label_kind(crate::roster::fold_key(word, &mut buffer).as_str()) == LabelKind::Action
    };
    let person = |text: &str| is_handle(text) || is_abbreviation(text) || looks_like_name(text);
    if let Some(open) = name.find('(') {
        let inner = name[open + 1..].trim_end_matches(')').trim();
        let pieces = split_list(inner);
        let people = !pieces.is_empty() && pieces.iter().all(|p| person(p));
        return (is_action(name[..open].trim()) && people).then_some(inner);
    }
    let (head, rest) = name.split_once(' ')?;
    let rest = rest.trim();
    // "AI Safety:" is a topic, not an action for someone called Safety: after "AI" only a
    // handle names an owner.
    let named = if head.eq_ignore_ascii_case("ai") {
        is_handle(rest)
    } else {
        person(rest)
    };
    (is_action(head) && named).then_some(rest)
}

/// What a folded label is, before any person is looked up.
fn label_kind(key: &str) -> LabelKind {
    let key = key.trim_end_matches('.');
    match key {
        "conclusion"
        | "conclusions"
        | "resolution"
        | "resolutions"
        | "resolved"
        | "decision"
        | "decisions"
        | "decided"
        | "consensus"
        | "agreed"
        | "conclusion/resolution"
        | "conclusion/decision"
        | "conclusions/resolutions"
        | "decision/resolution" => LabelKind::Decision,
        "action" | "actions" | "action item" | "action items" | "action point"
        | "action points" | "ai" | "ais" | "todo" | "to do" | "to-do" | "new action" => {
            LabelKind::Action
        }
        "date" | "when" | "day" => LabelKind::Meta(Meta::Date),
        "time" | "times" | "start" => LabelKind::Meta(Meta::Time),
        "location" | "where" | "venue" | "place" | "room" => LabelKind::Meta(Meta::Location),
        "chair" | "chairs" | "co-chairs" | "cochairs" | "co-chair" | "chaired by" => {
            LabelKind::Meta(Meta::Chairs)
        }
        "facilitator" | "moderator" | "host" | "facilitated by" => LabelKind::Meta(Meta::Moderator),
        "recording" | "recordings" | "video" | "recording link" => LabelKind::Meta(Meta::Recording),
        "group" | "working group" | "wg" | "committee" => LabelKind::Meta(Meta::Group),
        "title" => LabelKind::Meta(Meta::Title),
        "present"
        | "attendees"
        | "attendance"
        | "participants"
        | "attending"
        | "in attendance"
        | "remote attendees"
        | "in-person attendees"
        | "in person attendees"
        | "members present"
        | "people present"
        | "remote"
        | "in person"
        | "in the room"
        | "guests"
        | "observers"
        | "also present" => LabelKind::Meta(Meta::Present),
        "regrets" | "apologies" | "absent" | "not present" | "excused" => {
            LabelKind::Meta(Meta::Absent)
        }
        "agenda" => LabelKind::Meta(Meta::Agenda),
        "scribe" | "scribes" | "scribe(s)" | "note taker" | "notetaker" | "note-taker"
        | "note takers" | "notetakers" | "minute takers" | "note-takers" | "notes" | "minutes"
        | "minute taker" | "minutes by" | "notes by" | "meeting link" | "dial-in" | "passcode"
        | "meeting id" | "calendar" | "timezone" | "time zone" => LabelKind::Meta(Meta::Other),
        _ if is_not_speech(key) => LabelKind::Text,
        _ => LabelKind::Other,
    }
}

/// Whether a folded label is one of `NOT_SPEECH`.
fn is_not_speech(key: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| NOT_SPEECH.iter().copied().collect());
    SET.contains(key)
}

/// Labels that look like names to a capitalisation test but never name a speaker.
const NOT_SPEECH: &[&str] = &[
    "links",
    "link",
    "liaison",
    "liaisons",
    "slides",
    "slide",
    "deck",
    "note",
    "nb",
    "n.b",
    "ps",
    "fyi",
    "eta",
    "tl;dr",
    "tldr",
    "summary",
    "background",
    "context",
    "proposal",
    "proposals",
    "question",
    "questions",
    "answer",
    "answers",
    "issue",
    "issues",
    "pr",
    "prs",
    "pull request",
    "repo",
    "repository",
    "spec",
    "specification",
    "draft",
    "drafts",
    "outcome",
    "outcomes",
    "result",
    "results",
    "update",
    "updates",
    "status",
    "goal",
    "goals",
    "owner",
    "owners",
    "duration",
    "timebox",
    "topic",
    "topics",
    "queue",
    "discussion",
    "reference",
    "references",
    "see",
    "source",
    "docs",
    "doc",
    "document",
    "documents",
    "materials",
    "material",
    "meeting",
    "call",
    "zoom",
    "chat",
    "irc",
    "etherpad",
    "presenter",
    "presenters",
    "presented by",
    "speaker",
    "speakers",
    "next steps",
    "next step",
    "next",
    "previous",
    "follow-up",
    "followup",
    "follow up",
    "reminder",
    "announcement",
    "announcements",
    "warning",
    "important",
    "aside",
    "example",
    "e.g",
    "i.e",
    "item",
    "items",
    "agenda item",
    "blocked",
    "blocker",
    "blockers",
    "risk",
    "risks",
    "pros",
    "cons",
    "pro",
    "con",
    "option",
    "options",
    "request",
    "ask",
    "asks",
    "plan",
    "feedback",
    "comment",
    "comments",
    "poll",
    "vote",
    "votes",
    "straw poll",
    "yes",
    "no",
    "abstain",
    "mailing list",
    "list",
    "thread",
    "email",
    "ticket",
    "bug",
    "milestone",
    "release",
    "version",
    "timeline",
    "deadline",
    "due",
    "blog",
    "post",
    "website",
    "github",
    "gitlab",
    "url",
    "next meeting",
    "next call",
    "edit",
    "edited",
    "correction",
    "errata",
    "caveat",
    "objection",
    "objections",
    "support",
    "concern",
    "concerns",
    "problem",
    "solution",
    "motivation",
    "rationale",
    "scope",
    "status quo",
    "tbd",
    "n/a",
    "q",
    "a",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tomorrow",
    "yesterday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "morning",
    "afternoon",
    "evening",
    "break",
    "lunch",
    "intro",
    "introduction",
    "welcome",
    "wrap-up",
    "wrap up",
    "closing",
    "opening",
    "aob",
    "other business",
    "any other business",
    "minutes approval",
    "approval",
    "recap",
    "overview",
    "purpose",
    "objective",
    "objectives",
    "requirements",
    "use case",
    "use cases",
    "pros/cons",
    "stage",
    "champion",
    "champions",
    "reviewers",
    "reviewer",
    "editors",
    "editor",
    "authors",
    "author",
    "contributors",
    "sponsor",
    "sponsors",
    "label",
    "labels",
    "tags",
    "tag",
    "priority",
    "severity",
    "type",
    "category",
    "area",
    "team",
    "project",
    "projects",
    "budget",
    "cost",
    "costs",
    "total",
    "count",
    "vote result",
];

/// All capitals and digits, two to five characters, at least two letters: "JHD", "DE", "MF2".
fn is_abbreviation(text: &str) -> bool {
    (2..=5).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && text.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

/// A `@handle` as GitHub and chat tools write it.
fn is_handle(text: &str) -> bool {
    text.len() > 1
        && text.starts_with('@')
        && text[1..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Capitalised words that are neither people nor names when they stand before a colon.
fn is_plural_role(key: &str) -> bool {
    matches!(
        key,
        "chairs"
            | "the chairs"
            | "co-chairs"
            | "secretariat"
            | "the secretariat"
            | "editors"
            | "the editors"
            | "authors"
            | "the authors"
            | "all"
            | "everyone"
            | "everybody"
            | "all members"
            | "maintainers"
            | "the maintainers"
            | "champions"
            | "the champions"
            | "staff"
            | "tsc"
            | "the tsc"
    )
}

// ---------------------------------------------------------------------------------------------
// Sections

/// What a heading names, when it names a known section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Attendance,
    Absent,
    Agenda,
    /// The discussion as a whole ("Minutes", "Notes"): items follow inside it.
    Notes,
    /// A part of an item ("Discussion", "Summary", "Presentation").
    Part,
    Decisions,
    Actions,
    NextMeeting,
    /// Links, logistics: text that is not an agenda item.
    Info,
}

fn section_of(heading: &str) -> Option<Section> {
    let cleaned = plain(heading);
    let key = fold(cleaned.trim().trim_end_matches(':'));
    let key = key.as_str();
    Some(match key {
        "attendees"
        | "attendance"
        | "present"
        | "participants"
        | "people present"
        | "members present"
        | "in attendance"
        | "roll call"
        | "who's here"
        | "who is here"
        | "delegates"
        | "attendees and regrets"
        | "attendance and regrets" => Section::Attendance,
        "regrets" | "apologies" | "absent" | "not present" | "excused" => Section::Absent,
        "agenda" | "proposed agenda" | "draft agenda" | "agenda items" => Section::Agenda,
        "notes" | "minutes" | "meeting notes" | "meeting minutes" | "agenda and notes"
        | "agenda and minutes" | "agenda & notes" | "agenda & minutes" | "discussion notes" => {
            Section::Notes
        }
        "discussion"
        | "summary"
        | "presentation"
        | "queue"
        | "q&a"
        | "questions"
        | "speaker's summary of key points"
        | "summary of key points"
        | "key points"
        | "details"
        | "background" => Section::Part,
        "decisions"
        | "decision"
        | "resolutions"
        | "resolution"
        | "conclusion"
        | "conclusions"
        | "conclusion/resolution"
        | "conclusion / resolution"
        | "conclusions/resolutions"
        | "consensus"
        | "summary of decisions"
        | "outcomes"
        | "outcome"
        | "decisions made" => Section::Decisions,
        "action items"
        | "actions"
        | "action points"
        | "new action items"
        | "tasks"
        | "todo"
        | "to do"
        | "ais"
        | "action items and owners" => Section::Actions,
        "next meeting" | "next call" | "next meetings" | "upcoming meetings" => {
            Section::NextMeeting
        }
        "links"
        | "resources"
        | "logistics"
        | "references"
        | "meeting information"
        | "meeting info"
        | "details of the call"
        | "announcements and links" => Section::Info,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Inline markup

/// Text without emphasis, code marks and link targets: what a title or a name says.
fn plain(text: &str) -> Cow<'_, str> {
    if !text.contains(['*', '`', '[', '_']) {
        return Cow::Borrowed(text.trim());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '*' || c == '`' {
            rest = &rest[1..];
        } else if rest.starts_with("__") {
            rest = &rest[2..];
        } else if c == '['
            && let Some(close) = find_str(rest, "](")
            && let Some(end) = rest[close..].find(')')
        {
            out.push_str(&rest[1..close]);
            rest = &rest[close + end + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Cow::Owned(out.trim().to_owned())
}

/// "2. Title", "2.1 Title", "Item 3: Title", "3) Title": the number as written and the title.
fn numbered(text: &str) -> (Option<String>, &str) {
    let mut rest = text.trim();
    for word in ["Agenda item ", "Agenda Item ", "Item ", "item ", "Topic "] {
        if let Some(after) = rest.strip_prefix(word)
            && after.starts_with(|c: char| c.is_ascii_digit())
        {
            rest = after;
            break;
        }
    }
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let number = rest[..len].trim_end_matches('.');
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) || number.len() > 9 {
        return (None, text.trim());
    }
    let after = &rest[len..];
    let title = after
        .strip_prefix(')')
        .unwrap_or(after)
        .trim_start_matches([' ', ':', '-', '–', '—', '\t'])
        .trim();
    if title.is_empty() || !(after.starts_with([' ', ')', ':', '\t']) || len > number.len()) {
        return (None, text.trim());
    }
    (Some(number.to_owned()), title)
}

/// An agenda title as it should read: no markup, no trailing timebox ("(10 min)").
fn item_title(text: &str) -> String {
    let cleaned = plain(text);
    let mut title = cleaned.trim();
    if title.ends_with(')')
        && let Some(open) = title.rfind('(')
    {
        let inner = title[open + 1..title.len() - 1].to_ascii_lowercase();
        let timebox = inner.starts_with(|c: char| c.is_ascii_digit())
            && (inner.ends_with("min")
                || inner.ends_with("mins")
                || inner.ends_with("minutes")
                || inner.ends_with('m')
                || inner.ends_with('h'));
        if timebox {
            title = title[..open].trim_end();
        }
    }
    title
        .trim_end_matches([' ', '-', '–', '—', ':'])
        .trim()
        .to_owned()
}

// ---------------------------------------------------------------------------------------------
// The title

static MEETING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bmeeting\s*(?:no\.?\s*|number\s*|#\s*)?([0-9]{1,4})\b|#([0-9]{1,4})\b|\b([0-9]{1,4})(?:st|nd|rd|th)\s+meeting\b)")
        .expect("the meeting-number pattern is valid")
});

/// Words around a group's name in a title that are not its name.
const TITLE_WORDS: &[&str] = &[
    "meeting",
    "meetings",
    "notes",
    "minutes",
    "call",
    "sync",
    "agenda",
    "and",
    "&",
    "of",
    "the",
    "for",
    "weekly",
    "biweekly",
    "monthly",
    "plenary",
    "session",
    "interim",
    "virtual",
    "online",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "draft",
];

/// The group's name a title states around its date and meeting number.
fn group_of_title(title: &str) -> Option<String> {
    for piece in title.split(['—', '–', '|', '·', ',', ':', '/', '(', ')', '[', ']']) {
        for part in piece.split(" - ") {
            let words: Vec<&str> = part.split_whitespace().collect();
            let mut start = 0;
            let mut end = words.len();
            let generic = |w: &str| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
                TITLE_WORDS.contains(&w.to_lowercase().as_str())
                    || w.is_empty()
                    || w.starts_with('#')
                    || w.bytes().all(|b| b.is_ascii_digit())
            };
            while start < end && generic(words[start]) {
                start += 1;
            }
            while end > start && generic(words[end - 1]) {
                end -= 1;
            }
            let name = words[start..end].join(" ");
            if name.chars().any(char::is_alphabetic) {
                return Some(name);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// The reader

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Intervention(usize),
    Decision(usize),
    Action(usize),
}

/// The fact later lines may continue.
#[derive(Debug, Clone, Copy)]
struct Open {
    target: Target,
    /// The bullet's indent, or `None` for a paragraph.
    indent: Option<usize>,
}

/// Where in the discussion a line stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Body,
    Decisions,
    Actions,
    NextMeeting,
    Info,
}

struct Walk {
    /// The agenda item lines are filed under.
    item: Option<String>,
    /// The top-level item (for sub-item headings).
    top: Option<String>,
    /// The heading level of agenda-item headings, once one is seen.
    item_level: Option<u8>,
    /// Whether the current item came from a heading (then numbered bullets are only text).
    heading_item: bool,
    region: Region,
    /// A region a `Decisions:` or `Action items:` label opened for the bullets below it.
    label_region: Option<Region>,
    open: Option<Open>,
    after_blank: bool,
}

/// A list a labelled line or a heading opened in the first pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Attendance,
    Absent,
    Agenda,
}

struct Reader<'l, 'a> {
    lines: &'l [Line<'a>],
    record: Record,
    /// Lines the first pass read (title, header, attendee list, agenda): not discussion.
    consumed: Vec<bool>,
    chairs_written: Vec<(String, Span)>,
    moderator_written: Option<(String, Span)>,
    time_written: Option<String>,
    /// Whether the agenda came from an agenda section (then unmatched items are reported).
    agenda_listed: bool,
    /// The heading line where each item's discussion starts.
    item_lines: HashMap<String, u32>,
    discussed: HashSet<String>,
    roster: Roster,
    /// Folded handles and abbreviations of attendees, to participant indices.
    short: HashMap<String, Vec<usize>>,
    has_abbreviations: bool,
    cache: HashMap<String, Option<Speaker>>,
    texts: Vec<Paragraph>,
    decision_texts: Vec<Paragraph>,
    action_texts: Vec<Paragraph>,
    /// Interventions in a next-meeting section: their dates are of the next meeting.
    next_meeting: HashSet<usize>,
    /// The columns of the attendee table being read, from its header row.
    table_columns: Option<TableColumns>,
    /// Folded names of the attendees read so far, to find one listed twice.
    listed: HashSet<String>,
    /// Per action, the owner its label names in parentheses ("AI(BC):").
    owner_hints: Vec<Option<Paragraph>>,
    /// The agenda as the discussion looks items up.
    items: ItemIndex,
}

impl<'l, 'a> Reader<'l, 'a> {
    fn new(lines: &'l [Line<'a>]) -> Self {
        Reader {
            lines,
            record: Record::default(),
            consumed: vec![false; lines.len()],
            chairs_written: Vec::new(),
            moderator_written: None,
            time_written: None,
            agenda_listed: false,
            item_lines: HashMap::default(),
            discussed: HashSet::default(),
            roster: Roster::default(),
            short: HashMap::default(),
            has_abbreviations: false,
            cache: HashMap::default(),
            texts: Vec::new(),
            decision_texts: Vec::new(),
            action_texts: Vec::new(),
            next_meeting: HashSet::default(),
            table_columns: None,
            listed: HashSet::default(),
            owner_hints: Vec::new(),
            items: ItemIndex::default(),
        }
    }

    // -- First pass: title, header, attendees, agenda -----------------------------------------

    fn read_outline(&mut self) {
        let lines = self.lines;
        let mut index = 0;
        // YAML front matter: its `key: value` lines are header lines.
        let mut front_matter_end = 0;
        if lines
            .first()
            .is_some_and(|l| l.kind == Kind::Rule && l.text == "---")
            && let Some(end) = lines
                .iter()
                .skip(1)
                .position(|l| l.kind == Kind::Rule && l.text == "---")
        {
            front_matter_end = end + 2;
            self.consumed[0] = true;
            self.consumed[end + 1] = true;
        }
        let mut title_done = false;
        let mut in_header = true;
        let mut list: Option<(ListKind, Option<u8>)> = None;
        let mut list_indent: Option<usize> = None;
        let mut sub_counts: Vec<u32> = Vec::new();
        let mut absent_below: Option<u8> = None;
        let mut blank_before = false;
        // The shape of the first entry of a list under a heading: bullet, numbered, table, text.
        let mut entry_shape: Option<(Kind, bool)> = None;
        while index < lines.len() {
            let line = lines[index];
            let in_front = index > 0 && index + 1 < front_matter_end;
            index += 1;
            if line.kind == Kind::Blank || line.kind == Kind::Code || line.kind == Kind::Comment {
                if line.kind != Kind::Blank && list.is_some() {
                    self.consumed[index - 1] = true;
                }
                blank_before |= line.kind == Kind::Blank;
                continue;
            }
            let after_blank = std::mem::replace(&mut blank_before, false);
            if let Kind::Heading(level) = line.kind {
                if !title_done && !in_front {
                    title_done = true;
                    if level <= 2 {
                        self.consumed[index - 1] = true;
                        self.read_title(&line);
                        continue;
                    }
                }
                in_header = false;
                // A heading below an attendee or agenda heading stays in its list, except
                // regrets, which end the attendees until a heading as high as the list's.
                if let Some((kind, Some(list_level))) = list
                    && level > list_level
                {
                    self.consumed[index - 1] = true;
                    // A sub-list ("### Guests") may be written in another shape.
                    entry_shape = None;
                    absent_below = (kind == ListKind::Attendance
                        && section_of(line.text) == Some(Section::Absent))
                    .then_some(level);
                    if absent_below.is_none() && kind == ListKind::Agenda {
                        self.agenda_heading(&line, &mut sub_counts);
                    }
                    continue;
                }
                absent_below = None;
                list_indent = None;
                entry_shape = None;
                list = match section_of(line.text) {
                    Some(Section::Attendance) => Some((ListKind::Attendance, Some(level))),
                    Some(Section::Absent) => Some((ListKind::Absent, Some(level))),
                    // An agenda with the discussion written into it is the notes: its numbered
                    // bullets are the items, read with the discussion.
                    Some(Section::Agenda) if !self.holds_notes(index, level) => {
                        self.agenda_listed = true;
                        sub_counts.clear();
                        Some((ListKind::Agenda, Some(level)))
                    }
                    _ => None,
                };
                if list.is_some() {
                    self.consumed[index - 1] = true;
                }
                continue;
            }
            // Only a heading before any other line of the body is the title.
            title_done |= index > front_matter_end;
            // A list opened by a label ends at the first line that is not part of a list.
            if let Some((_, None)) = list
                && !matches!(line.kind, Kind::Bullet | Kind::Table | Kind::Rule)
                && line.indent == 0
            {
                list = None;
                list_indent = None;
            }
            // A list under a heading ends, after a blank line, at a line of another shape than
            // its entries: notes or numbered items that follow without a heading of their own.
            if let Some((_, Some(_))) = list
                && line.indent == 0
                && line.kind != Kind::Rule
            {
                let shape = (line.kind, line.ordinal.is_some());
                match entry_shape {
                    None => entry_shape = Some(shape),
                    Some(first) if after_blank && first != shape => {
                        list = None;
                        list_indent = None;
                    }
                    Some(_) => {}
                }
            }
            if let Some((kind, _)) = list {
                self.consumed[index - 1] = true;
                let kind = if absent_below.is_some() {
                    ListKind::Absent
                } else {
                    kind
                };
                match kind {
                    ListKind::Attendance => self.attendance_line(&line),
                    ListKind::Absent => {}
                    ListKind::Agenda => {
                        self.agenda_line(&line, &mut list_indent, &mut sub_counts);
                    }
                }
                continue;
            }
            // A table headed by a name column and an abbreviation or organisation column is an
            // attendee table wherever it stands, as TC39 notes open with one.
            if line.kind == Kind::Table
                && let Some(columns) = attendee_header(&table_cells(line.text))
                && (columns.abbreviation.is_some() || columns.organisation.is_some())
            {
                self.consumed[index - 1] = true;
                self.table_columns = Some(columns);
                list = Some((ListKind::Attendance, None));
                list_indent = None;
                continue;
            }
            let Some(label) = split_label(line.text) else {
                continue;
            };
            if line.kind == Kind::Bullet && line.indent > 0 {
                continue;
            }
            let LabelKind::Meta(meta) = kind_of(label.name) else {
                continue;
            };
            // In the discussion, "Remote: works fine" or "Guests: welcome" is no attendee list;
            // only the unmistakable labels open one there.
            let header = in_header || in_front;
            if !header && matches!(meta, Meta::Present | Meta::Absent) && !unmistakable(label.name)
            {
                continue;
            }
            match meta {
                Meta::Present => {
                    self.consumed[index - 1] = true;
                    if label.rest.is_empty() {
                        list = Some((ListKind::Attendance, None));
                        list_indent = None;
                    } else {
                        self.inline_attendees(&line, label.rest);
                    }
                }
                Meta::Absent => {
                    self.consumed[index - 1] = true;
                    if label.rest.is_empty() {
                        list = Some((ListKind::Absent, None));
                    }
                }
                Meta::Agenda if label.rest.is_empty() && self.record.agenda.is_empty() => {
                    self.consumed[index - 1] = true;
                    self.agenda_listed = true;
                    sub_counts.clear();
                    list = Some((ListKind::Agenda, None));
                    list_indent = None;
                }
                _ if (in_header || in_front) && self.header_label(&line, meta, label) => {
                    self.consumed[index - 1] = true;
                }
                _ => {}
            }
        }
    }

    /// Whether the section under the heading before line `index` holds turns, decisions or
    /// actions, rather than only a list of items.
    fn holds_notes(&self, index: usize, level: u8) -> bool {
        self.lines[index..]
            .iter()
            .take_while(|l| !matches!(l.kind, Kind::Heading(h) if h <= level))
            .filter(|l| matches!(l.kind, Kind::Bullet | Kind::Plain))
            .any(|l| {
                l.task.is_some()
                    || split_label(l.text).is_some_and(|label| {
                        !label.rest.is_empty()
                            && match kind_of(label.name) {
                                LabelKind::Decision | LabelKind::Action => true,
                                LabelKind::Other => {
                                    let name = label_person(label.name);
                                    is_handle(name)
                                        || is_abbreviation(name)
                                        || looks_like_name(strip_honorifics(name))
                                }
                                _ => false,
                            }
                    })
            })
    }

    fn read_title(&mut self, line: &Line<'a>) {
        let title = plain(line.text).into_owned();
        self.record.meeting.span = Span::at(line.number, line.column_of(line.text));
        let found = dates::find(&title)
            .into_iter()
            .find(|f| f.year.is_some() && f.day.is_some());
        let mut rest = title.clone();
        if let Some(found) = &found {
            if let Ok(DateValue::Day(date)) = dates::resolve(found, None) {
                self.record.meeting.date = Some(date);
            }
            rest.replace_range(found.start..found.end, " | ");
        }
        if let Some(time) = dates::meeting_time(&title)
            && let Some((local, zone, offset_seconds)) = time.time
        {
            self.record.meeting.start = Some(Start {
                local,
                zone,
                offset_seconds,
            });
        }
        if let Some(caps) = MEETING_NUMBER.captures(&rest) {
            let number = caps
                .get(1)
                .or_else(|| caps.get(2))
                .or_else(|| caps.get(3))
                .and_then(|m| m.as_str().parse().ok());
            self.record.meeting.number = number;
            if let Some(whole) = caps.get(0) {
                rest.replace_range(whole.range(), " | ");
            }
        }
        if let Some(name) = group_of_title(&rest) {
            self.set_group(&name);
        }
        self.record.meeting.title = Some(title);
    }

    fn set_group(&mut self, name: &str) {
        // "Quill Working Group (QWG)": the short name in parentheses.
        let (name, short) = match (name.find('('), name.strip_suffix(')')) {
            (Some(open), Some(inner)) => (name[..open].trim(), Some(inner[open + 1..].trim())),
            _ => (name.trim(), None),
        };
        if name.is_empty() {
            return;
        }
        self.record.group.name = Some(name.to_owned());
        if let Some(short) = short.filter(|s| !s.is_empty()) {
            self.record.group.short_name = Some(short.to_owned());
        }
    }

    /// A header line such as `Date: 2026-03-14`; false when the label is speech after all
    /// (`Chair: welcome, everyone`).
    fn header_label(&mut self, line: &Line<'a>, meta: Meta, label: Label<'a>) -> bool {
        let value = plain(label.rest).into_owned();
        let span = Span::at(line.number, line.column_of(label.rest));
        match meta {
            Meta::Date => {
                if self.record.meeting.date.is_none()
                    && let Some(found) = dates::find(&value)
                        .into_iter()
                        .find(|f| f.year.is_some() && f.day.is_some())
                    && let Ok(DateValue::Day(date)) = dates::resolve(&found, None)
                {
                    self.record.meeting.date = Some(date);
                    if self.record.meeting.span.start_line == 0 {
                        self.record.meeting.span = span;
                    }
                }
                if self.record.meeting.start.is_none() && self.time_written.is_none() {
                    self.time_written = Some(value);
                }
            }
            Meta::Time => self.time_written = Some(value),
            Meta::Location => {
                let lower = value.to_lowercase();
                let mode = if lower.contains("hybrid") {
                    Some(Mode::Hybrid)
                } else if [
                    "online", "virtual", "zoom", "teams", "video", "remote", "webex", "jitsi",
                    "meet",
                ]
                .iter()
                .any(|w| lower.contains(w))
                {
                    Some(Mode::Online)
                } else if lower.contains("in person") || lower.contains("in-person") {
                    Some(Mode::InPerson)
                } else {
                    None
                };
                if mode.is_some() {
                    self.record.meeting.mode = mode;
                }
            }
            Meta::Chairs => {
                let names = name_list(&value);
                if names.is_empty() {
                    return false;
                }
                self.chairs_written
                    .extend(names.into_iter().map(|n| (n.to_owned(), span)));
            }
            Meta::Moderator => {
                let names = name_list(&value);
                let [name] = names.as_slice() else {
                    return false;
                };
                self.moderator_written = Some(((*name).to_owned(), span));
            }
            Meta::Recording => {
                if !value.is_empty() {
                    self.record.meeting.recording = Some(value);
                }
            }
            Meta::Group => {
                if !value.is_empty() {
                    self.set_group(&value);
                }
            }
            Meta::Title => {
                if self.record.meeting.title.is_none() && !value.is_empty() {
                    self.record.meeting.title = Some(value);
                }
            }
            Meta::Present | Meta::Absent | Meta::Agenda | Meta::Other => {}
        }
        true
    }

    fn attendance_line(&mut self, line: &Line<'a>) {
        match line.kind {
            Kind::Bullet => {
                if let Some(label) = split_label(line.text)
                    && matches!(
                        kind_of(label.name),
                        LabelKind::Meta(Meta::Present | Meta::Absent)
                    )
                {
                    if !label.rest.is_empty()
                        && kind_of(label.name) == LabelKind::Meta(Meta::Present)
                    {
                        self.inline_attendees(line, label.rest);
                    }
                    return;
                }
                match attendee(line.text) {
                    Some(mut p) => {
                        p.span = Span::at(line.number, line.column_of(line.text));
                        self.add_participant(p);
                    }
                    None => self.unread_attendee(line),
                }
            }
            Kind::Table => self.attendance_row(line),
            Kind::Plain => {
                if let Some(label) = split_label(line.text) {
                    match kind_of(label.name) {
                        LabelKind::Meta(Meta::Absent) => return,
                        LabelKind::Meta(Meta::Present) => {
                            self.inline_attendees(line, label.rest);
                            return;
                        }
                        _ => {}
                    }
                }
                if line.text.contains([',', ';']) {
                    self.inline_attendees(line, line.text);
                } else {
                    match attendee(line.text) {
                        Some(mut p) => {
                            p.span = Span::at(line.number, line.column_of(line.text));
                            self.add_participant(p);
                        }
                        None => self.unread_attendee(line),
                    }
                }
            }
            _ => {}
        }
    }

    fn unread_attendee(&mut self, line: &Line<'a>) {
        if line.text.is_empty() {
            return;
        }
        let shown: String = line.text.chars().take(60).collect();
        self.record.diagnostics.push(
            Diagnostic::new(
                Code::UnreadParticipant,
                Span::at(line.number, line.column_of(line.text)),
                width(line.text),
                format!("this line of the attendee list names no one: '{shown}'"),
            )
            .with_hint("write it as 'Full Name @handle (role)' or 'Full Name, organisation'"),
        );
    }

    /// "Present: Ana Pereira, @bkiplagat, Chidi Okafor (Acme)".
    fn inline_attendees(&mut self, line: &Line<'a>, list: &'a str) {
        for piece in split_list(list) {
            if piece.is_empty() {
                continue;
            }
            match attendee(piece) {
                Some(mut p) => {
                    p.span = Span::at(line.number, line.column_of(piece));
                    self.add_participant(p);
                }
                None => {
                    let shown: String = piece.chars().take(60).collect();
                    self.record.diagnostics.push(
                        Diagnostic::new(
                            Code::UnreadParticipant,
                            Span::at(line.number, line.column_of(piece)),
                            width(piece),
                            format!("this entry of the attendee list names no one: '{shown}'"),
                        )
                        .with_hint("write each attendee as 'Full Name' or 'Full Name @handle'"),
                    );
                }
            }
        }
    }

    /// One row of an attendee table; the header row says which column is which.
    fn attendance_row(&mut self, line: &Line<'a>) {
        let cells: Vec<&str> = table_cells(line.text);
        if let Some(columns) = attendee_header(&cells) {
            self.table_columns = Some(columns);
            return;
        }
        let columns = self.table_columns.unwrap_or_default();
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map(|c| plain(c).into_owned());
        let Some(name_cell) = columns.name.and_then(|i| cells.get(i)).copied() else {
            return;
        };
        let name_text = plain(name_cell).into_owned();
        if name_text.is_empty() {
            return;
        }
        let Some(mut p) = attendee(&name_text) else {
            self.unread_attendee(line);
            return;
        };
        if let Some(short) = cell(columns.abbreviation).filter(|s| !s.is_empty()) {
            for alias in short
                .split([',', '/'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                if !p.aliases.iter().any(|a| a == alias) {
                    p.aliases.push(alias.to_owned());
                }
            }
        }
        let mut described: Vec<String> = p.affiliation.take().into_iter().collect();
        for part in [cell(columns.organisation), cell(columns.role)]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
        {
            described.push(part);
        }
        if !described.is_empty() {
            let affiliation = described.join(", ");
            let (roles, group) = classify(&affiliation);
            p.roles = roles;
            p.stakeholder_group = group;
            p.affiliation = Some(affiliation);
        }
        p.span = Span::at(line.number, line.column_of(name_cell));
        self.add_participant(p);
    }

    fn add_participant(&mut self, p: Participant) {
        if !self.listed.insert(fold(&p.name)) {
            self.record.diagnostics.push(Diagnostic::new(
                Code::DuplicateParticipant,
                p.span,
                width(&p.name),
                format!("'{}' is listed twice", p.name),
            ));
            return;
        }
        self.record.participants.push(p);
    }

    fn agenda_heading(&mut self, line: &Line<'a>, sub_counts: &mut Vec<u32>) {
        let (number, title) = numbered(line.text);
        let count = u32::try_from(self.record.agenda.len() + 1).unwrap_or(u32::MAX);
        sub_counts.push(0);
        self.record.agenda.push(AgendaItem {
            number: number.unwrap_or_else(|| count.to_string()),
            title: item_title(title),
            items: Vec::new(),
            span: Span::at(line.number, line.column_of(line.text)),
        });
    }

    fn agenda_line(
        &mut self,
        line: &Line<'a>,
        top_indent: &mut Option<usize>,
        sub_counts: &mut Vec<u32>,
    ) {
        if line.kind != Kind::Bullet || line.text.is_empty() {
            return;
        }
        let top = *top_indent.get_or_insert(line.indent);
        let (written, title) = numbered(line.text);
        let span = Span::at(line.number, line.column_of(line.text));
        let title = item_title(title);
        if title.is_empty() {
            return;
        }
        if line.indent <= top || self.record.agenda.is_empty() {
            let count = u32::try_from(self.record.agenda.len() + 1).unwrap_or(u32::MAX);
            let number = written
                .or_else(|| line.ordinal.map(str::to_owned))
                .unwrap_or_else(|| count.to_string());
            sub_counts.push(0);
            self.record.agenda.push(AgendaItem {
                number,
                title,
                items: Vec::new(),
                span,
            });
            return;
        }
        let parent = self
            .record
            .agenda
            .last_mut()
            .expect("a sub-item follows an item: the agenda is not empty");
        if sub_counts.is_empty() {
            sub_counts.push(0);
        }
        let count = sub_counts.last_mut().expect("one count per item");
        *count += 1;
        let number = match written {
            Some(n) if n.contains('.') => n,
            _ => format!("{}.{}", parent.number, count),
        };
        parent.items.push(AgendaItem {
            number,
            title,
            items: Vec::new(),
            span,
        });
    }

    /// The roster names resolve against: the attendees, chairs named in the header, hints.
    fn build_people(&mut self, hints: &PeopleHints) {
        let chairs = std::mem::take(&mut self.chairs_written);
        if !chairs.is_empty() {
            let roster = Roster::new(&self.record.participants, &PeopleHints::default());
            for (name, span) in chairs {
                let handle_match = self.find_short(&name);
                let found = match handle_match {
                    Some(i) => Some(i),
                    None => match roster.resolve(&name) {
                        Speaker::Resolved { name: full, .. } => {
                            self.record.participants.iter().position(|p| p.name == full)
                        }
                        Speaker::Ambiguous { candidates, .. } => {
                            self.record.diagnostics.push(
                                Diagnostic::new(
                                    Code::AmbiguousSpeaker,
                                    span,
                                    width(&name),
                                    format!(
                                        "ambiguous chair '{name}': {} attendees match",
                                        candidates.len()
                                    ),
                                )
                                .with_hint(format!(
                                    "candidates: {}; write the full name",
                                    candidates.join(", ")
                                )),
                            );
                            continue;
                        }
                        _ => None,
                    },
                };
                let index = match found {
                    Some(index) => index,
                    None => {
                        // A chair the attendee list leaves out was there all the same.
                        let Some(mut p) = attendee(&name) else {
                            continue;
                        };
                        p.span = span;
                        let key = fold(&p.name);
                        if self.listed.insert(key.clone()) {
                            self.record.participants.push(p);
                            self.record.participants.len() - 1
                        } else {
                            // Named twice in the header: the entry added the first time.
                            let Some(index) = self
                                .record
                                .participants
                                .iter()
                                .position(|q| fold(&q.name) == key)
                            else {
                                continue;
                            };
                            index
                        }
                    }
                };
                let p = &mut self.record.participants[index];
                if !p.roles.iter().any(|r| r.is_chair()) {
                    p.roles.push(model::Role::Chair);
                }
            }
        }
        self.record.meeting.chairs = self
            .record
            .participants
            .iter()
            .filter(|p| p.roles.iter().any(|r| r.is_chair()))
            .map(|p| p.name.clone())
            .collect();
        for (index, p) in self.record.participants.iter().enumerate() {
            for alias in &p.aliases {
                let key = short_key(alias);
                self.has_abbreviations |= is_abbreviation(alias);
                let ids = self.short.entry(key).or_default();
                if !ids.contains(&index) {
                    ids.push(index);
                }
            }
        }
        self.roster = Roster::new(&self.record.participants, hints);
        // The moderator is the full name when it resolves, otherwise as written.
        if let Some((name, _)) = self.moderator_written.take() {
            self.record.meeting.moderator = Some(match self.resolve_person(&name) {
                Some(Speaker::Resolved { name, .. }) => name,
                _ => name,
            });
        }
        if self.record.meeting.start.is_none()
            && let (Some(date), Some(time)) = (self.record.meeting.date, &self.time_written)
        {
            let written = format!(
                "{:04}-{:02}-{:02} {time}",
                date.year(),
                date.month(),
                date.day()
            );
            if let Some(found) = dates::meeting_time(&written)
                && let Some((local, zone, offset_seconds)) = found.time
            {
                self.record.meeting.start = Some(Start {
                    local,
                    zone,
                    offset_seconds,
                });
            }
        }
    }

    fn find_short(&self, written: &str) -> Option<usize> {
        match self.short.get(&short_key(written)).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => self
                .record
                .participants
                .iter()
                .position(|p| p.aliases.iter().any(|a| short_key(a) == short_key(written))),
        }
    }

    // -- Who a label names --------------------------------------------------------------------

    /// The person a label names; `None` when it names no one and is text.
    fn resolve_person(&mut self, written: &str) -> Option<Speaker> {
        if let Some(cached) = self.cache.get(written) {
            return cached.clone();
        }
        let found = self.resolve_uncached(written);
        self.cache.insert(written.to_owned(), found.clone());
        found
    }

    fn resolve_uncached(&self, written: &str) -> Option<Speaker> {
        let mention = written.trim().to_owned();
        let person = label_person(&mention);
        if let Some(ids) = self.short.get(&short_key(person)) {
            return Some(match ids.as_slice() {
                [one] => Speaker::Resolved {
                    name: self.record.participants[*one].name.clone(),
                    mention,
                },
                many => Speaker::Ambiguous {
                    candidates: many
                        .iter()
                        .map(|&i| self.record.participants[i].name.clone())
                        .collect(),
                    mention,
                },
            });
        }
        let bare = person.strip_prefix('@').unwrap_or(person);
        if is_handle(person) {
            // A handle nobody listed is still someone's account.
            return Some(match self.roster.resolve(person) {
                Speaker::Resolved { name, .. } => Speaker::Resolved { name, mention },
                _ => Speaker::Unknown { mention },
            });
        }
        match self.roster.resolve(bare) {
            Speaker::Resolved { name, .. } => Some(Speaker::Resolved { name, mention }),
            Speaker::Ambiguous { candidates, .. } => Some(Speaker::Ambiguous {
                mention,
                candidates,
            }),
            _ => {
                let key = fold(bare);
                let person_like = role_word(bare).is_some()
                    || (looks_like_name(bare) && bare.split_whitespace().count() <= 4)
                    || (self.has_abbreviations && is_abbreviation(bare));
                (person_like && !is_not_speech(&key) && !is_plural_role(&key))
                    .then_some(Speaker::Unknown { mention })
            }
        }
    }

    fn speaker_diagnostic(&mut self, speaker: &Speaker, span: Span, width: u32) {
        let diagnostic = match speaker {
            Speaker::Ambiguous {
                mention,
                candidates,
            } => Diagnostic::new(
                Code::AmbiguousSpeaker,
                span,
                width,
                format!(
                    "ambiguous speaker '{mention}': {} attendees match",
                    candidates.len()
                ),
            )
            .with_hint(format!(
                "candidates: {}; write the full name, or give the alias in a people file (--people)",
                candidates.join(", ")
            )),
            Speaker::Unknown { mention } if !self.record.participants.is_empty() => {
                Diagnostic::new(
                    Code::UnknownSpeaker,
                    span,
                    width,
                    format!("unknown speaker '{mention}': not on the attendee list"),
                )
                .with_hint(
                    "add them to the attendees, or map the name with a people file (--people)",
                )
            }
            Speaker::Unknown { mention } => {
                let mut d = Diagnostic::new(
                    Code::UnknownSpeaker,
                    span,
                    width,
                    format!("unknown speaker '{mention}': the minutes have no attendee list"),
                )
                .with_hint("add an 'Attendees' section to resolve names");
                d.severity = Severity::Note;
                d
            }
            _ => return,
        };
        self.record.diagnostics.push(diagnostic);
    }

    // -- Second pass: the discussion ----------------------------------------------------------

    fn read_discussion(&mut self) {
        let lines = self.lines;
        self.items = ItemIndex::new(&self.record.agenda);
        let mut walk = Walk::default();
        for (index, line) in lines.iter().enumerate() {
            if self.consumed[index] {
                if line.kind != Kind::Blank {
                    walk.open = None;
                    walk.label_region = None;
                }
                continue;
            }
            match line.kind {
                Kind::Blank => walk.after_blank = true,
                Kind::Code | Kind::Comment | Kind::Rule => {}
                Kind::Heading(level) => {
                    self.heading(&mut walk, line, level);
                    walk.after_blank = false;
                }
                Kind::Bullet | Kind::Plain | Kind::Table => {
                    self.body_line(&mut walk, index, line);
                    walk.after_blank = false;
                }
            }
        }
    }

    fn heading(&mut self, walk: &mut Walk, line: &Line<'a>, level: u8) {
        walk.open = None;
        walk.label_region = None;
        let inside = walk.item.is_some() && walk.item_level.is_some_and(|l| level > l);
        match section_of(line.text) {
            Some(Section::Notes | Section::Part | Section::Agenda) => {
                if !inside {
                    walk.item = None;
                    walk.top = None;
                    walk.heading_item = false;
                }
                walk.region = Region::Body;
            }
            Some(section) if section != Section::Attendance && section != Section::Agenda => {
                if !inside {
                    walk.item = None;
                    walk.top = None;
                    walk.heading_item = false;
                }
                walk.region = match section {
                    Section::Decisions => Region::Decisions,
                    Section::Actions => Region::Actions,
                    Section::NextMeeting => Region::NextMeeting,
                    _ => Region::Info,
                };
            }
            _ => {
                if line.text.is_empty() {
                    return;
                }
                walk.region = Region::Body;
                if inside && let Some(top) = walk.top.clone() {
                    let number = self.item_for(line, line.text, Some(&top));
                    walk.item = Some(number);
                } else {
                    let number = self.item_for(line, line.text, None);
                    walk.top = Some(number.clone());
                    walk.item = Some(number);
                    walk.item_level = Some(level);
                }
                walk.heading_item = true;
            }
        }
    }

    /// The agenda item a discussion heading or bullet is: matched by number, then by title,
    /// or added.
    fn item_for(&mut self, line: &Line<'a>, text: &str, parent: Option<&str>) -> String {
        let (written, title) = numbered(text);
        let title = item_title(title);
        let title_key = fold(&title);
        let span = Span::at(line.number, line.column_of(text));
        let scope = parent.map(|p| format!("{p}."));
        let in_scope = |number: &str| scope.as_deref().is_none_or(|s| number.starts_with(s));
        let index = &self.items;
        let found = written
            .as_deref()
            .filter(|n| index.numbers.contains(*n) && in_scope(n))
            .map(str::to_owned)
            .or_else(|| {
                index
                    .exact
                    .get(&title_key)
                    .and_then(|numbers| numbers.iter().find(|n| in_scope(n)).cloned())
            })
            .or_else(|| {
                // Titles that contain one another ("Security" and "Security audit") match too;
                // on a long agenda only exact titles do, to keep the work linear.
                (index.titles.len() <= 512)
                    .then(|| {
                        index
                            .titles
                            .iter()
                            .find(|(key, number)| {
                                in_scope(number)
                                    && ((key.len() >= 4 && contains_phrase(&title_key, key))
                                        || (title_key.len() >= 4
                                            && contains_phrase(key, &title_key)))
                            })
                            .map(|(_, number)| number.clone())
                    })
                    .flatten()
            });
        if let Some(number) = found {
            self.item_lines.entry(number.clone()).or_insert(line.number);
            return number;
        }
        let number = match parent {
            None => {
                let number = written
                    .filter(|n| !self.items.numbers.contains(n))
                    .unwrap_or_else(|| (self.items.last_top + 1).to_string());
                self.record.agenda.push(AgendaItem {
                    number: number.clone(),
                    title: title.clone(),
                    items: Vec::new(),
                    span,
                });
                self.items
                    .top
                    .insert(number.clone(), self.record.agenda.len() - 1);
                number
            }
            Some(parent) => {
                let Some(item) = self
                    .items
                    .top
                    .get(parent)
                    .and_then(|&i| self.record.agenda.get_mut(i))
                else {
                    return parent.to_owned();
                };
                let number = match written {
                    Some(n)
                        if n.starts_with(&format!("{parent}."))
                            && !self.items.numbers.contains(&n) =>
                    {
                        n
                    }
                    _ => format!("{parent}.{}", item.items.len() + 1),
                };
                item.items.push(AgendaItem {
                    number: number.clone(),
                    title: title.clone(),
                    items: Vec::new(),
                    span,
                });
                number
            }
        };
        self.items.add(&number, &title_key);
        if self.agenda_listed {
            self.record.diagnostics.push(
                Diagnostic::new(
                    Code::UnmatchedDiscussion,
                    span,
                    width(text),
                    format!("'{title}' matches no item of the agenda; read as item {number}"),
                )
                .with_hint("number the heading as the agenda does, or add the item to the agenda"),
            );
        }
        self.item_lines.insert(number.clone(), line.number);
        number
    }

    fn body_line(&mut self, walk: &mut Walk, index: usize, line: &Line<'a>) {
        let bullet = line.kind == Kind::Bullet;
        let text = line.text;
        if text.is_empty() {
            return;
        }
        let indent = bullet.then_some(line.indent);
        // A bullet nested under the open fact, or a line that continues a paragraph or a
        // bullet without a blank line between, belongs to that fact unless it starts its own.
        // Firmly nested: indented under the open bullet, or no blank line between. Loosely: a
        // paragraph or list after a paragraph turn (TC39 writes a turn as several paragraphs).
        let (firm, loose) = match (walk.open, indent) {
            (Some(open), Some(i)) => (open.indent.is_some_and(|o| i > o), open.indent.is_none()),
            (Some(open), None) => (
                !walk.after_blank || open.indent.is_some_and(|o| line.indent > o),
                open.indent.is_none() && matches!(open.target, Target::Intervention(_)),
            ),
            (None, _) => (false, false),
        };
        let mut nested = firm || loose;
        let region = walk.label_region.unwrap_or(walk.region);
        // A numbered bullet at the margin with notes nested under it is an agenda item, when
        // no heading has made the items.
        let item_bullet = region == Region::Body
            && bullet
            && line.ordinal.is_some()
            && line.indent == 0
            && !walk.heading_item
            && self.has_children(index);
        // A paragraph at the margin after a blank line ends a list a label opened.
        if !bullet && line.indent == 0 && walk.after_blank {
            walk.label_region = None;
        }
        if line.task.is_some() {
            self.start_action(walk, line, text, indent);
            return;
        }
        // "10:32 Ana: text" and "[10:32] Ana: text": a timestamp before the speaker.
        let label = split_label(after_timestamp(text));
        if let Some(label) = label {
            match kind_of(label.name) {
                LabelKind::Decision => {
                    if label.rest.is_empty() {
                        walk.label_region = Some(Region::Decisions);
                        walk.open = None;
                    } else {
                        self.start_decision(walk, line, label.rest, indent);
                    }
                    return;
                }
                LabelKind::Action => {
                    if label.rest.is_empty() {
                        walk.label_region = Some(Region::Actions);
                        walk.open = None;
                    } else {
                        self.start_action(walk, line, label.rest, indent);
                        if let Some(inner) = labelled_owner(label.name) {
                            let mut owner = Paragraph::default();
                            owner.push(inner, line.number, line.column_of(inner));
                            if let Some(last) = self.owner_hints.last_mut() {
                                *last = Some(owner);
                            }
                        }
                    }
                    return;
                }
                LabelKind::Meta(Meta::Chairs) | LabelKind::Other => {
                    let speaker = if matches!(region, Region::Body | Region::NextMeeting) {
                        self.resolve_person(label.name)
                    } else {
                        None
                    };
                    // "2. Governance: nominations" is an item's title, not a stranger speaking.
                    let speaks = match &speaker {
                        Some(Speaker::Unknown { .. }) => !item_bullet,
                        Some(_) => true,
                        None => false,
                    };
                    if speaks && let Some(speaker) = speaker {
                        let column = line.column_of(label.name);
                        self.speaker_diagnostic(
                            &speaker,
                            Span::at(line.number, column),
                            width(label.name),
                        );
                        self.start_intervention(walk, line, speaker, label.rest, indent, column);
                        return;
                    }
                }
                // A line labelled as no speech ("Note:", "Links:") at the margin starts a note
                // of its own rather than run on a paragraph turn.
                LabelKind::Meta(_) | LabelKind::Text => nested = firm,
            }
        }
        if item_bullet {
            let number = self.item_for(line, text, None);
            walk.top = Some(number.clone());
            walk.item = Some(number);
            walk.open = None;
            return;
        }
        if nested && let Some(open) = walk.open {
            self.append(open.target, line, text);
            return;
        }
        match region {
            Region::Decisions => self.start_decision(walk, line, text, indent),
            Region::Actions => self.start_action(walk, line, text, indent),
            Region::Body | Region::NextMeeting | Region::Info => {
                let column = line.column_of(text);
                self.start_intervention(walk, line, Speaker::Nobody, text, indent, column);
                if region == Region::NextMeeting {
                    self.next_meeting
                        .insert(self.record.interventions.len() - 1);
                }
            }
        }
    }

    /// Whether the next non-blank line is indented under this one.
    fn has_children(&self, index: usize) -> bool {
        let indent = self.lines[index].indent;
        self.lines[index + 1..]
            .iter()
            .find(|l| l.kind != Kind::Blank)
            .is_some_and(|l| matches!(l.kind, Kind::Bullet | Kind::Plain) && l.indent > indent)
    }

    fn start_intervention(
        &mut self,
        walk: &mut Walk,
        line: &Line<'a>,
        speaker: Speaker,
        words: &str,
        indent: Option<usize>,
        column: u32,
    ) {
        let order = u32::try_from(self.record.interventions.len() + 1).unwrap_or(u32::MAX);
        let mut paragraph = Paragraph::default();
        if !words.is_empty() {
            paragraph.push(words, line.number, line.column_of(words));
        }
        if let Some(item) = &walk.item
            && !self.discussed.contains(item)
        {
            self.discussed.insert(item.clone());
        }
        self.record.interventions.push(Intervention {
            agenda_item: walk.item.clone(),
            order,
            speaker,
            act: None,
            agreements: Vec::new(),
            text: String::new(),
            span: Span::at(line.number, column),
        });
        self.texts.push(paragraph);
        walk.open = Some(Open {
            target: Target::Intervention(self.record.interventions.len() - 1),
            indent,
        });
    }

    fn start_decision(
        &mut self,
        walk: &mut Walk,
        line: &Line<'a>,
        words: &str,
        indent: Option<usize>,
    ) {
        let mut paragraph = Paragraph::default();
        paragraph.push(words, line.number, line.column_of(words));
        self.record.decisions.push(Decision {
            text: String::new(),
            span: Span::at(line.number, line.column_of(line.text)),
        });
        self.decision_texts.push(paragraph);
        walk.open = Some(Open {
            target: Target::Decision(self.record.decisions.len() - 1),
            indent,
        });
    }

    fn start_action(
        &mut self,
        walk: &mut Walk,
        line: &Line<'a>,
        words: &str,
        indent: Option<usize>,
    ) {
        let mut paragraph = Paragraph::default();
        paragraph.push(words, line.number, line.column_of(words));
        self.record.action_items.push(ActionItem {
            what: String::new(),
            owner: None,
            due: None,
            span: Span::at(line.number, line.column_of(line.text)),
        });
        self.action_texts.push(paragraph);
        self.owner_hints.push(None);
        walk.open = Some(Open {
            target: Target::Action(self.record.action_items.len() - 1),
            indent,
        });
    }

    fn append(&mut self, target: Target, line: &Line<'a>, text: &str) {
        let column = line.column_of(text);
        let (paragraph, span) = match target {
            Target::Intervention(i) => (&mut self.texts[i], &mut self.record.interventions[i].span),
            Target::Decision(i) => (
                &mut self.decision_texts[i],
                &mut self.record.decisions[i].span,
            ),
            Target::Action(i) => (
                &mut self.action_texts[i],
                &mut self.record.action_items[i].span,
            ),
        };
        paragraph.push(text, line.number, column);
        span.end_line = span.end_line.max(line.number);
    }

    // -- Finish -------------------------------------------------------------------------------

    fn finish(mut self) -> Record {
        let texts = std::mem::take(&mut self.texts);
        for (index, mut paragraph) in texts.into_iter().enumerate() {
            let next = self.next_meeting.contains(&index);
            self.dates_in(&paragraph, next);
            self.record.interventions[index].text = std::mem::take(&mut paragraph.text);
        }
        let decisions = std::mem::take(&mut self.decision_texts);
        for (index, mut paragraph) in decisions.into_iter().enumerate() {
            self.dates_in(&paragraph, false);
            self.record.decisions[index].text = std::mem::take(&mut paragraph.text);
        }
        let actions = std::mem::take(&mut self.action_texts);
        let hints = std::mem::take(&mut self.owner_hints);
        for (index, (mut paragraph, hint)) in actions.into_iter().zip(hints).enumerate() {
            let owner = match &hint {
                Some(hint) => {
                    let ranges = split_list(&hint.text)
                        .into_iter()
                        .map(|piece| {
                            let at = offset_in(&hint.text, piece);
                            (at, at + piece.len())
                        })
                        .collect();
                    self.owners(hint, ranges)
                }
                None => self.owner_of(&paragraph),
            };
            let due = self.due_of(&paragraph);
            let action = &mut self.record.action_items[index];
            action.what = std::mem::take(&mut paragraph.text);
            action.owner = owner;
            action.due = due;
        }
        self.undiscussed_items();
        let record = &mut self.record;
        if record.meeting.date.is_none() {
            record.diagnostics.push(
                Diagnostic::new(
                    Code::NoDate,
                    Span::at(1, 1),
                    1,
                    "the minutes state no meeting date",
                )
                .with_hint(
                    "put the date in the title ('# Quill WG — 2026-03-14') or a 'Date:' line",
                ),
            );
        }
        if record.participants.is_empty() {
            record.diagnostics.push(
                Diagnostic::new(
                    Code::NoParticipants,
                    Span::at(1, 1),
                    1,
                    "the minutes have no attendee list",
                )
                .with_hint(
                    "speakers cannot be resolved to people without one; add an 'Attendees' section",
                ),
            );
        }
        if record.agenda.is_empty() {
            record.diagnostics.push(Diagnostic::new(
                Code::NoAgenda,
                Span::at(1, 1),
                1,
                "the minutes have no agenda and no item headings",
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
            && record.decisions.is_empty()
            && record.action_items.is_empty()
        {
            record.diagnostics.push(
                Diagnostic::new(Code::NotAReport, Span::at(1, 1), 1, "these are not meeting minutes: no attendees, no agenda, no meeting date and no attributed speech")
                    .with_hint("rapporteur reads Markdown minutes with a '# Group — date' title, an attendee list and 'Name: text' turns"),
            );
        }
        record
            .diagnostics
            .sort_by_key(|d| (d.span.start_line, d.span.column));
        self.record
    }

    fn undiscussed_items(&mut self) {
        let mut found = Vec::new();
        for item in &self.record.agenda {
            let discussed = item
                .flatten()
                .iter()
                .any(|i| self.discussed.contains(&i.number));
            if !discussed {
                found.push((
                    item.number.clone(),
                    item.title.clone(),
                    item.span.start_line,
                    self.item_lines.get(&item.number).copied(),
                ));
            }
        }
        for (number, title, listed, heading) in found {
            let line = heading.unwrap_or(listed);
            let text = self
                .lines
                .get((line as usize).saturating_sub(1))
                .map_or("", |l| l.raw.trim_end());
            let hint = match heading {
                Some(_) => format!("the heading has nothing under it (agenda line {listed}); record what was said, or write that the item was deferred"),
                None => "no heading or bullet of the notes matches it; record what was said, or write that the item was deferred".to_owned(),
            };
            self.record.diagnostics.push(
                Diagnostic::new(
                    Code::ItemNotDiscussed,
                    Span::at(line, 1),
                    width(text),
                    format!("agenda item {number} '{title}' has no recorded discussion"),
                )
                .with_hint(hint),
            );
        }
    }

    /// Dates named in an intervention.
    fn dates_in(&mut self, paragraph: &Paragraph, next_meeting: bool) {
        let text = &paragraph.text;
        for found in dates::find(text) {
            // Only the words just before the date say what it is for.
            let from = crate::text::floor_char_boundary(text, found.start.saturating_sub(40));
            let near = text[from..found.start].to_ascii_lowercase();
            let kind =
                if next_meeting || near.contains("next meeting") || near.contains("next call") {
                    DateKind::NextMeeting
                } else if near.ends_with("by ")
                    || near.ends_with("due ")
                    || near.ends_with("before ")
                    || near.contains("deadline")
                {
                    DateKind::Deadline
                } else {
                    DateKind::Mentioned
                };
            self.date_fact(paragraph, &found, kind);
        }
    }

    fn date_fact(
        &mut self,
        paragraph: &Paragraph,
        found: &dates::Found,
        kind: DateKind,
    ) -> Option<DateValue> {
        let text = &paragraph.text;
        let span = paragraph.span(found.start, found.end);
        let written = text[found.start..found.end].to_owned();
        let value = match dates::resolve(found, self.record.meeting.date) {
            Ok(value) => Some(value),
            Err(why) => {
                let reason = match why {
                    dates::Unresolved::NoAnchor => {
                        "it has no year and the minutes state no meeting date"
                    }
                    dates::Unresolved::NoSuchDay => "no such day exists",
                };
                self.record.diagnostics.push(
                    Diagnostic::new(
                        Code::UnresolvedDate,
                        span,
                        width(&written),
                        format!("the date '{written}' cannot be resolved: {reason}"),
                    )
                    .with_hint("write the full date, e.g. '2026-03-28'"),
                );
                None
            }
        };
        self.record.dates.push(DateFact {
            text: written,
            value,
            kind,
            context: sentence_around(text, found.start).to_owned(),
            span,
        });
        value
    }

    /// The due date of an action: the first date it names.
    fn due_of(&mut self, paragraph: &Paragraph) -> Option<DateValue> {
        let found = dates::find(&paragraph.text).into_iter().next()?;
        self.date_fact(paragraph, &found, DateKind::Deadline)
    }

    /// Who must do an action, from the handles, names or abbreviations it is written with.
    fn owner_of(&mut self, paragraph: &Paragraph) -> Option<String> {
        let ranges = owner_ranges(&paragraph.text);
        self.owners(paragraph, ranges)
    }

    /// The owners written at `ranges` of `paragraph`, resolved to full names where clear.
    fn owners(&mut self, paragraph: &Paragraph, ranges: Vec<(usize, usize)>) -> Option<String> {
        let text = paragraph.text.as_str();
        if ranges.is_empty() {
            return None;
        }
        let mut owners: Vec<String> = Vec::new();
        for (start, end) in ranges {
            let written = &text[start..end];
            let key = fold(written);
            if matches!(
                key.as_str(),
                "all" | "everyone" | "everybody" | "all members"
            ) {
                owners.push("all".to_owned());
                continue;
            }
            let span = paragraph.span(start, end);
            let person = if is_plural_role(&key) {
                None
            } else {
                self.resolve_person(written)
            };
            match person {
                Some(Speaker::Resolved { name, mention }) => {
                    owners.push(name.clone());
                    self.record.mentions.push(Mention {
                        person: Speaker::Resolved { name, mention },
                        intervention: None,
                        span,
                    });
                }
                Some(Speaker::Ambiguous {
                    mention,
                    candidates,
                }) => {
                    self.record.diagnostics.push(
                        Diagnostic::new(
                            Code::AmbiguousOwner,
                            span,
                            width(&mention),
                            format!(
                                "ambiguous action owner '{mention}': {} attendees match",
                                candidates.len()
                            ),
                        )
                        .with_hint(format!(
                            "candidates: {}; write the full name or the handle",
                            candidates.join(", ")
                        )),
                    );
                    owners.push(mention.clone());
                    self.record.mentions.push(Mention {
                        person: Speaker::Ambiguous {
                            mention,
                            candidates,
                        },
                        intervention: None,
                        span,
                    });
                }
                Some(Speaker::Unknown { mention }) => {
                    if !self.record.participants.is_empty() {
                        self.record.diagnostics.push(
                            Diagnostic::new(
                                Code::UnknownMention,
                                span,
                                width(&mention),
                                format!("action owner '{mention}' is not on the attendee list"),
                            )
                            .with_hint(
                                "someone who did not attend, or a name missing from the list",
                            ),
                        );
                    }
                    owners.push(mention.clone());
                    self.record.mentions.push(Mention {
                        person: Speaker::Unknown { mention },
                        intervention: None,
                        span,
                    });
                }
                _ => owners.push(written.to_owned()),
            }
        }
        owners.dedup();
        Some(owners.join(", "))
    }
}

/// The agenda as the discussion looks items up: by number, by folded title, in order.
#[derive(Debug, Default)]
struct ItemIndex {
    numbers: HashSet<String>,
    /// Folded titles to the numbers of the items that have them.
    exact: HashMap<String, Vec<String>>,
    /// Folded titles and numbers, in agenda order, for titles that contain one another.
    titles: Vec<(String, String)>,
    /// Top-level numbers to their position in the agenda.
    top: HashMap<String, usize>,
    /// The largest top-level number, for the next item the discussion adds.
    last_top: u32,
}

impl ItemIndex {
    fn new(agenda: &[AgendaItem]) -> ItemIndex {
        let mut index = ItemIndex::default();
        for (position, item) in agenda.iter().enumerate() {
            index.top.entry(item.number.clone()).or_insert(position);
            for item in item.flatten() {
                index.add(&item.number, &fold(&item.title));
            }
        }
        index
    }

    fn add(&mut self, number: &str, key: &str) {
        self.numbers.insert(number.to_owned());
        self.exact
            .entry(key.to_owned())
            .or_default()
            .push(number.to_owned());
        self.titles.push((key.to_owned(), number.to_owned()));
        if let Some(top) = number.split('.').next().and_then(|n| n.parse::<u32>().ok()) {
            self.last_top = self.last_top.max(top);
        }
    }
}

/// Whether `phrase` stands in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Column roles of an attendee table.
#[derive(Debug, Clone, Copy, Default)]
struct TableColumns {
    name: Option<usize>,
    abbreviation: Option<usize>,
    organisation: Option<usize>,
    role: Option<usize>,
}

impl TableColumns {
    fn from_header(cells: &[String]) -> TableColumns {
        let find = |words: &[&str]| {
            cells
                .iter()
                .position(|c| words.iter().any(|w| c == w || c.starts_with(w)))
        };
        TableColumns {
            name: find(&[
                "name",
                "attendee",
                "participant",
                "delegate",
                "person",
                "full name",
                "who",
                "member",
            ]),
            abbreviation: find(&[
                "abbr", "short", "initials", "handle", "github", "nick", "irc", "alias",
            ]),
            organisation: find(&[
                "organi",
                "org",
                "company",
                "affiliation",
                "employer",
                "representing",
            ]),
            role: find(&["role"]),
        }
    }
}

impl Default for Walk {
    fn default() -> Self {
        Walk {
            item: None,
            top: None,
            item_level: None,
            heading_item: false,
            region: Region::Body,
            label_region: None,
            open: None,
            after_blank: false,
        }
    }
}

/// The sentence of `text` that holds byte `at`, for a date's context: at most 240 bytes on
/// either side, so a turn of one endless sentence does not copy itself for every date in it.
fn sentence_around(text: &str, at: usize) -> &str {
    const REACH: usize = 240;
    let at = crate::text::floor_char_boundary(text, at);
    let low = crate::text::floor_char_boundary(text, at.saturating_sub(REACH));
    let high = crate::text::floor_char_boundary(text, at.saturating_add(REACH));
    let start = text[low..at].rfind(". ").map_or(low, |i| low + i + 2);
    let end = text[at..high].find(". ").map_or(high, |i| at + i + 1);
    text[start..end].trim()
}

/// The columns of an attendee table, when `cells` are its header row.
fn attendee_header(cells: &[&str]) -> Option<TableColumns> {
    let folded: Vec<String> = cells.iter().map(|c| fold(&plain(c))).collect();
    let columns = TableColumns::from_header(&folded);
    let named = folded.iter().any(|c| {
        matches!(
            c.as_str(),
            "name"
                | "names"
                | "attendee"
                | "attendees"
                | "participant"
                | "participants"
                | "delegate"
                | "person"
                | "full name"
                | "who"
                | "member"
        )
    });
    named.then_some(columns)
}

/// `text` after a leading timestamp ("10:32 ", "[10:32:05] "), or all of it. A time followed
/// by a colon ("10:30: break") is no timestamp of a turn, and stays.
fn after_timestamp(text: &str) -> &str {
    let inner = text.strip_prefix('[').unwrap_or(text);
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let hours = digits(inner);
    if !(1..=2).contains(&hours) || inner.as_bytes().get(hours) != Some(&b':') {
        return text;
    }
    let mut at = hours + 1;
    for _ in 0..2 {
        if digits(&inner[at..]) != 2 {
            return text;
        }
        at += 2;
        if inner.as_bytes().get(at) == Some(&b':') && digits(&inner[at + 1..]) == 2 {
            at += 1;
        } else {
            break;
        }
    }
    let rest = &inner[at..];
    let rest = if text.starts_with('[') {
        match rest.strip_prefix(']') {
            Some(rest) => rest,
            None => return text,
        }
    } else {
        rest
    };
    match rest.strip_prefix([' ', '\t']) {
        Some(rest) => rest.trim_start(),
        None => text,
    }
}

/// Whether an attendance label says so wherever it stands: "Present:", "Attendees:",
/// "Regrets:", unlike "Remote:" or "Guests:", which are attendance only in the header.
fn unmistakable(name: &str) -> bool {
    matches!(
        fold(name).as_str(),
        "present"
            | "attendees"
            | "attendance"
            | "participants"
            | "in attendance"
            | "members present"
            | "people present"
            | "also present"
            | "remote attendees"
            | "in-person attendees"
            | "in person attendees"
            | "regrets"
            | "apologies"
            | "absent"
            | "not present"
    )
}

/// The cells of a table row, trimmed, without the outer pipes.
fn table_cells(row: &str) -> Vec<&str> {
    let inner = row.strip_prefix('|').unwrap_or(row);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(str::trim).collect()
}

/// The key a handle or abbreviation is looked up by: folded, without the `@`.
fn short_key(written: &str) -> String {
    fold(written.trim().trim_start_matches('@'))
}

fn width(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}

/// Pieces of a list of names: split at commas, semicolons, " and " and " & " outside
/// parentheses. Every piece is a slice of `list`.
fn split_list(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = list.as_bytes();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b',' | b';' if depth <= 0 => {
                out.push(&list[start..i]);
                start = i + 1;
            }
            b' ' if depth <= 0 => {
                let rest = &list[i..];
                let cut = if rest.starts_with(" and ") {
                    5
                } else if rest.starts_with(" & ") {
                    3
                } else {
                    0
                };
                if cut > 0 {
                    out.push(&list[start..i]);
                    start = i + cut;
                    i += cut;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&list[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The names of a `Chairs:` value, when every piece is a name or a handle.
fn name_list(value: &str) -> Vec<&str> {
    let pieces = split_list(value);
    let all_names = !pieces.is_empty()
        && pieces.iter().all(|p| {
            let head = label_person(p);
            is_handle(head) || looks_like_name(strip_honorifics(head))
        });
    if all_names {
        pieces.into_iter().map(label_person).collect()
    } else {
        Vec::new()
    }
}

/// One attendee entry: "Full Name @handle (role)", "Full Name (ABBR), Org", "@handle",
/// "Full Name - Org". The span is the caller's to set.
fn attendee(entry: &str) -> Option<Participant> {
    let cleaned = plain(entry);
    let cleaned = cleaned.trim();
    // The name runs to the first separator, parenthesis or handle; the rest describes them.
    let cut = [" – ", " — ", " - ", ", ", ": ", "(", " @", ";"]
        .iter()
        .filter_map(|sep| find_str(cleaned, sep))
        .min()
        .unwrap_or(cleaned.len());
    let mut name = cleaned[..cut].trim().to_owned();
    let mut handle: Option<String> = None;
    let mut abbreviation: Option<String> = None;
    let mut described: Vec<String> = Vec::new();
    let rest = &cleaned[cut..];
    let pieces = rest
        .split(['(', ')', ',', ';'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "))
        .map(|p| p.trim().trim_start_matches(':').trim())
        .filter(|p| !p.is_empty());
    for piece in pieces {
        let mut words: Vec<&str> = Vec::new();
        for word in piece.split_whitespace() {
            if is_handle(word) && handle.is_none() {
                handle = Some(word.to_owned());
            } else {
                words.push(word);
            }
        }
        let text = words.join(" ");
        if text.is_empty() {
            continue;
        }
        if abbreviation.is_none() && is_abbreviation(&text) {
            abbreviation = Some(text);
        } else {
            described.push(text);
        }
    }
    // "@quietfox (Dana Brandt)": the handle first, the name in parentheses.
    if is_handle(&name) {
        if let Some(at) = described.iter().position(|d| looks_like_name(d)) {
            handle.get_or_insert(std::mem::take(&mut name));
            name = described.remove(at);
        } else if handle.is_none() {
            handle = Some(name.clone());
        }
    }
    let name = strip_honorifics(&name).to_owned();
    if name.is_empty() || !(looks_like_name(&name) || is_handle(&name)) {
        return None;
    }
    let affiliation = Some(described.join(", ")).filter(|a| !a.is_empty());
    let (roles, stakeholder_group) = affiliation.as_deref().map_or((Vec::new(), None), classify);
    let aliases = handle
        .into_iter()
        .filter(|h| *h != name)
        .chain(abbreviation)
        .collect();
    Some(Participant {
        name,
        affiliation,
        roles,
        stakeholder_group,
        aliases,
        honorific: None,
        span: Span::nowhere(),
    })
}

/// Byte ranges of the owners an action names: a leading label (`Ana Pereira: send…`),
/// leading handles or names before "to" or "will" (`@bo and @ana to…`, `JHD to…`), a trailing
/// parenthesis (`… (@bo)`), an `owner:` mention, or its one handle.
fn owner_ranges(text: &str) -> Vec<(usize, usize)> {
    let offset = |part: &str| offset_in(text, part);
    let person_like = |piece: &str| {
        let piece = piece.trim();
        is_handle(piece)
            || is_abbreviation(piece)
            || is_plural_role(&fold(piece))
            || role_word(piece).is_some()
            || (looks_like_name(strip_honorifics(piece))
                && piece.split_whitespace().count() <= 4
                && !is_not_speech(&fold(piece)))
    };
    let pieces_of = |list: &str| -> Option<Vec<(usize, usize)>> {
        let pieces = split_list(list);
        (!pieces.is_empty() && pieces.iter().all(|p| person_like(p))).then(|| {
            pieces
                .iter()
                .map(|p| {
                    let p = p.trim().trim_end_matches([',', ';']);
                    (offset(p), offset(p) + p.len())
                })
                .collect()
        })
    };
    if let Some(label) = split_label(text)
        && let Some(found) = pieces_of(label_person(label.name))
    {
        return found;
    }
    // A task written as GitHub writes it: "@bochen trim the nightly matrix".
    let mut leading = Vec::new();
    let mut rest = text;
    loop {
        let word_end = rest.find([' ', ',']).unwrap_or(rest.len());
        let word = &rest[..word_end];
        if !is_handle(word) {
            break;
        }
        leading.push((offset(word), offset(word) + word.len()));
        rest = rest[word_end..].trim_start_matches([',', ' ']);
        rest = rest
            .strip_prefix("and ")
            .or_else(|| rest.strip_prefix("& "))
            .unwrap_or(rest);
    }
    if !leading.is_empty() {
        return leading;
    }
    for verb in [" to ", " will ", " shall ", " should "] {
        if let Some(at) = find_str(text, verb)
            && at < 80
            && let Some(found) = pieces_of(&text[..at])
        {
            return found;
        }
    }
    let lower = text.to_ascii_lowercase();
    for cue in [
        "owner: ",
        "owners: ",
        "assignee: ",
        "assigned to ",
        "owner - ",
    ] {
        if let Some(at) = find_str(&lower, cue) {
            let start = at + cue.len();
            let end = text[start..]
                .find([')', ';', ']', '.'])
                .map_or(text.len(), |e| start + e);
            if let Some(found) = pieces_of(&text[start..end]) {
                return found;
            }
        }
    }
    let trimmed = text.trim_end().trim_end_matches('.');
    if trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind('(')
        && let Some(found) = pieces_of(&trimmed[open + 1..trimmed.len() - 1])
    {
        return found;
    }
    for dash in [" — ", " – ", " - "] {
        if let Some(at) = trimmed.rfind(dash)
            && let Some(found) = pieces_of(&trimmed[at + dash.len()..])
        {
            return found;
        }
    }
    let handles: Vec<(usize, usize)> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '[' | ']'))
        .map(|w| w.trim_end_matches(['.', ':', '!', '?']))
        .filter(|w| is_handle(w))
        .map(|w| (offset(w), offset(w) + w.len()))
        .collect();
    if handles.len() == 1 {
        return handles;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> String {
        split_label(text).map_or("-".to_owned(), |l| format!("{} | {}", l.name, l.rest))
    }

    #[test]
    fn labels_need_a_colon_and_a_space() {
        assert_eq!(label("Ana Pereira: yes"), "Ana Pereira | yes");
        assert_eq!(label("**Ana Pereira:** yes"), "Ana Pereira | yes");
        assert_eq!(label("**Ana Pereira**: yes"), "Ana Pereira | yes");
        assert_eq!(label("*Ana*: yes"), "Ana | yes");
        assert_eq!(
            label("**Bo Chen** (Example Corp): a question"),
            "Bo Chen | a question"
        );
        assert_eq!(
            label("Bo Chen (Example Corp): a question"),
            "Bo Chen (Example Corp) | a question"
        );
        assert_eq!(label("Present:"), "Present | ");
        assert_eq!(label("https://example.org/x: green"), "-");
        assert_eq!(label("10:30: break"), "-");
        assert_eq!(
            label("We agreed on this: ship it"),
            "We agreed on this | ship it"
        );
        assert_eq!(label("See [the doc](https://x.org): now"), "-");
        assert_eq!(label("a (b) (c): d"), "-");
        assert_eq!(label("one two three four five six: x"), "-");
    }

    #[test]
    fn timestamps_before_a_speaker() {
        assert_eq!(after_timestamp("10:32 Ana: yes"), "Ana: yes");
        assert_eq!(after_timestamp("[10:32:05] Ana: yes"), "Ana: yes");
        assert_eq!(after_timestamp("9:05 Bo: no"), "Bo: no");
        assert_eq!(after_timestamp("10:30: break"), "10:30: break");
        assert_eq!(after_timestamp("10:3 x"), "10:3 x");
        assert_eq!(after_timestamp("[10:32 Ana: yes"), "[10:32 Ana: yes");
        assert_eq!(after_timestamp("2026: a year"), "2026: a year");
        assert_eq!(after_timestamp("1:"), "1:");
    }

    #[test]
    fn label_kinds() {
        for (key, kind) in [
            ("conclusion", LabelKind::Decision),
            ("consensus", LabelKind::Decision),
            ("ai", LabelKind::Action),
            ("action item", LabelKind::Action),
            ("links", LabelKind::Text),
            ("liaison", LabelKind::Text),
            ("thursday", LabelKind::Text),
            ("recording", LabelKind::Meta(Meta::Recording)),
            ("chair", LabelKind::Meta(Meta::Chairs)),
            ("ana pereira", LabelKind::Other),
        ] {
            assert_eq!(label_kind(key), kind, "{key}");
        }
    }

    fn entry(text: &str) -> String {
        attendee(text).map_or("-".to_owned(), |p| {
            format!(
                "{} | {} | {} | {:?}",
                p.name,
                p.aliases.join(" "),
                p.affiliation.unwrap_or_default(),
                p.roles
            )
        })
    }

    #[test]
    fn attendee_entries_in_their_usual_shapes() {
        assert_eq!(
            entry("Ákos Garai @akosgarai (chair)"),
            "Ákos Garai | @akosgarai | chair | [Chair]"
        );
        assert_eq!(
            entry("Ines Valdivia (chair), Northwind Labs"),
            "Ines Valdivia |  | chair, Northwind Labs | [Chair]"
        );
        assert_eq!(
            entry("Bo Chen (BCN), Example Corp"),
            "Bo Chen | BCN | Example Corp | []"
        );
        assert_eq!(
            entry("Priya Raghunathan - Cobalt Networks"),
            "Priya Raghunathan |  | Cobalt Networks | []"
        );
        assert_eq!(entry("@quietfox"), "@quietfox |  |  | []");
        assert_eq!(
            entry("@dbrandt (Dana Brandt)"),
            "Dana Brandt | @dbrandt |  | []"
        );
        assert_eq!(
            entry("[Ana Pereira](https://example.org/ana)"),
            "Ana Pereira |  |  | []"
        );
        assert_eq!(entry("thanks to everyone"), "-");
        assert_eq!(entry("<img src=x>"), "-");
    }

    #[test]
    fn numbered_titles() {
        let n = |t: &str| {
            let (number, title) = numbered(t);
            format!("{} | {title}", number.unwrap_or_default())
        };
        assert_eq!(
            n("2. draft-quill-transport-03"),
            "2 | draft-quill-transport-03"
        );
        assert_eq!(n("2.1 Findings"), "2.1 | Findings");
        assert_eq!(n("Item 3: Budget"), "3 | Budget");
        assert_eq!(n("4) AOB"), "4 | AOB");
        assert_eq!(n("2026-03-14 call"), " | 2026-03-14 call");
        assert_eq!(n("3D printing"), " | 3D printing");
        assert_eq!(item_title("Chairs' update (5 min)"), "Chairs' update");
        assert_eq!(item_title("**Budget** (Ana)"), "Budget (Ana)");
    }

    #[test]
    fn group_names_in_titles() {
        let group = |t: &str| group_of_title(t).unwrap_or_default();
        assert_eq!(group("QUILL WG — | "), "QUILL WG");
        assert_eq!(group("Meeting notes | "), "");
        assert_eq!(
            group("Minutes of the Quill Project TSC, | "),
            "Quill Project TSC"
        );
        assert_eq!(
            group("Lumen Steering Committee weekly call"),
            "Lumen Steering Committee"
        );
    }

    fn owners(text: &str) -> Vec<&str> {
        owner_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn action_owners_as_written() {
        assert_eq!(labelled_owner("AI(BC)"), Some("BC"));
        assert_eq!(labelled_owner("TODO @ndlamini"), Some("@ndlamini"));
        assert_eq!(labelled_owner("ACTION Ana Pereira"), Some("Ana Pereira"));
        assert_eq!(labelled_owner("Action item"), None);
        assert_eq!(labelled_owner("Ana Pereira"), None);
        assert_eq!(labelled_owner("Summary (draft)"), None);
        assert_eq!(labelled_owner("AI Safety"), None);
        assert_eq!(labelled_owner("AI @bo"), Some("@bo"));
        assert_eq!(labelled_owner("AI (draft)"), None);
        assert_eq!(kind_of("AI (draft)"), LabelKind::Action);
        assert_eq!(kind_of("Conclusion (tentative)"), LabelKind::Decision);
        assert_eq!(labelled_owner("Action (MKT, RQO)"), Some("MKT, RQO"));
        assert_eq!(owners("@bkhumalo to write the note"), ["@bkhumalo"]);
        assert_eq!(owners("MKT and RQO to review"), ["MKT", "RQO"]);
        assert_eq!(owners("Ana Pereira: send the slides"), ["Ana Pereira"]);
        assert_eq!(owners("Chairs to book the room"), ["Chairs"]);
        assert_eq!(owners("Update the README (@mvanleer)"), ["@mvanleer"]);
        assert_eq!(owners("Update the README, owner: Bo Chen"), ["Bo Chen"]);
        assert_eq!(owners("Review the draft — Ana Pereira"), ["Ana Pereira"]);
        assert_eq!(owners("ping @a about it"), ["@a"]);
        assert!(owners("ping @a and @b about it").is_empty());
        assert!(owners("update the wiki page").is_empty());
        assert!(owners("The group to decide later").is_empty());
    }

    fn read_str(text: &str) -> Record {
        let text = crate::input::decode(text.as_bytes()).expect("test text decodes");
        read(&text, "test.md", &PeopleHints::default())
    }

    #[test]
    fn an_attendee_list_ends_where_numbered_items_begin() {
        let r = read_str(
            "# Oak WG — 2026-05-04\n\n## Attendees\n\n- Ana Pereira\n- Bo Chen\n\n1. Budget\n   - Ana Pereira: Approved.\n   - Bo: Agreed.\n",
        );
        let names: Vec<&str> = r.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ana Pereira", "Bo Chen"]);
        assert_eq!(r.agenda.len(), 1);
        assert_eq!(r.agenda[0].title, "Budget");
        let speakers: Vec<Option<&str>> =
            r.interventions.iter().map(|i| i.speaker.name()).collect();
        assert_eq!(speakers, [Some("Ana Pereira"), Some("Bo Chen")]);
    }

    #[test]
    fn an_agenda_with_the_discussion_in_it_is_the_notes() {
        let r = read_str(
            "# Oak WG — 2026-05-04\n\nPresent: Ana Pereira, Bo Chen\n\n## Agenda\n\n1. Budget\n   - Ana Pereira: Approved.\n2. Hiring\n   - Bo Chen: Two offers out.\n   - Decision: hire both.\n",
        );
        let agenda: Vec<&str> = r.agenda.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(agenda, ["Budget", "Hiring"]);
        let items: Vec<Option<&str>> = r
            .interventions
            .iter()
            .map(|i| i.agenda_item.as_deref())
            .collect();
        assert_eq!(items, [Some("1"), Some("2")]);
        assert_eq!(r.decisions.len(), 1);
        assert!(
            !r.diagnostics
                .iter()
                .any(|d| d.code == Code::ItemNotDiscussed)
        );
    }

    #[test]
    fn an_attendee_table_needs_no_heading() {
        let r = read_str(
            "# Meeting notes 3 June 2026\n\n| Name | Abbreviation | Organization |\n|---|---|---|\n| Ana Pereira | APA | Acme |\n\n## Item\n\nAPA: Yes.\n",
        );
        assert_eq!(r.participants.len(), 1);
        assert_eq!(r.participants[0].aliases, ["APA"]);
        assert_eq!(r.interventions[0].speaker.name(), Some("Ana Pereira"));
    }

    #[test]
    fn titles_match_as_whole_words() {
        let r = read_str(
            "# Oak WG — 2026-05-04\n\n## Agenda\n\n1. Item 1\n2. Security\n\n## Minutes\n\n### Item 12\n\nNotes.\n\n### Security audit\n\nMore notes.\n",
        );
        let items: Vec<Option<&str>> = r
            .interventions
            .iter()
            .map(|i| i.agenda_item.as_deref())
            .collect();
        assert_eq!(items, [Some("3"), Some("2")]);
    }

    #[test]
    fn a_date_keeps_its_sentence_not_the_whole_turn() {
        let long = "and then ".repeat(2000);
        let r = read_str(&format!(
            "# Oak WG — 2026-05-04\n\nAna Pereira: {long}on 12 May {long}.\n"
        ));
        assert_eq!(r.dates.len(), 1);
        assert!(
            r.dates[0].context.len() <= 481,
            "{}",
            r.dates[0].context.len()
        );
        assert!(r.dates[0].context.contains("12 May"));
    }

    #[test]
    fn remote_in_the_discussion_is_no_attendee_list() {
        let r = read_str(
            "# Oak WG — 2026-05-04\n\nPresent: Ana Pereira\n\n## Tooling\n\n- Remote: the new video bridge works fine\n",
        );
        assert_eq!(r.participants.len(), 1);
        assert_eq!(r.interventions.len(), 1);
        assert_eq!(r.interventions[0].speaker, Speaker::Nobody);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn a_chair_named_only_in_the_header_is_an_attendee() {
        let r = read_str(
            "# Oak WG — 2026-05-04\n\nChair: Ana Pereira\nPresent: Bo Chen\n\n## Budget\n\nChair: Approved.\n",
        );
        assert_eq!(r.meeting.chairs, ["Ana Pereira"]);
        assert_eq!(r.participants.len(), 2);
        assert_eq!(r.interventions[0].speaker.name(), Some("Ana Pereira"));
    }

    #[test]
    fn lines_are_classified() {
        let kinds: Vec<Kind> =
            lex("# T\n\n- a\n1. b\n| x |\n|---|\n---\n```\n- c\n```\n<!-- x\n- d -->\ntext")
                .iter()
                .map(|l| l.kind)
                .collect();
        assert_eq!(
            kinds,
            [
                Kind::Heading(1),
                Kind::Blank,
                Kind::Bullet,
                Kind::Bullet,
                Kind::Table,
                Kind::Rule,
                Kind::Rule,
                Kind::Code,
                Kind::Code,
                Kind::Code,
                Kind::Comment,
                Kind::Comment,
                Kind::Plain,
            ]
        );
        let task = lex_line("  - [x] @a to do it", 1);
        assert_eq!(
            (task.task, task.indent, task.text),
            (Some(true), 2, "@a to do it")
        );
    }
}
