//! The W3C scribing conventions that the raw IRC log (`irc_log`) and the minutes mailed to a
//! list (`scribe_minutes`) share: which lines are commands and not speech, how a speaker
//! label (`Name: text`) is told from a label that names no one (`Agenda: …`), how an
//! `ACTION:` line names its owner and due date, how `s/old/new/` corrections are applied,
//! which nicks fit which names, what a `+1` agrees with, and the indexed attendance list.
//!
//! Nothing here guesses: a label is a speaker only when it is shaped like a name and is not a
//! known non-speech label; an action has an owner only when the line writes one before "to";
//! a nick stands for a name only by the rules of `name_keys`, and a nick that fits several
//! names is ambiguous.

use model::{
    ActionItem, Code, DateFact, DateKind, Decision, Diagnostic, Participant, Repair, RepairKind,
    Role, Span, Speaker,
};

use crate::dates;
use crate::roster::{Roster, fold};

/// Nicks of the bots of a W3C channel: what they say is never speech.
const BOTS: &[&str] = &[
    "zakim",
    "rrsagent",
    "trackbot",
    "github-bot",
    "ghurlbot",
    "agendabot",
    "w3c-bot",
    "chanserv",
    "nickserv",
];

/// Whether `nick` is one of the channel's bots.
pub fn is_bot(nick: &str) -> bool {
    let nick = nick.trim_end_matches(['_', '`']);
    BOTS.iter().any(|bot| bot.eq_ignore_ascii_case(nick))
}

/// Labels written like `Name: text` that name no speaker: meeting metadata, bot commands and
/// scribe conventions. Compared without case.
const NON_SPEECH_LABELS: &[&str] = &[
    "agenda",
    "meeting",
    "date",
    "chair",
    "chairs",
    "scribe",
    "scribes",
    "scribenick",
    "scribe nick",
    "topic",
    "subtopic",
    "sub-topic",
    "present",
    "regrets",
    "resolved",
    "resolution",
    "action",
    "action item",
    "action items",
    "proposed",
    "proposal",
    "proposed resolution",
    "note",
    "notes",
    "summary",
    "minutes",
    "link",
    "links",
    "url",
    "see",
    "issue",
    "pr",
    "agendum",
    "info",
    "fyi",
    "ps",
    "re",
    "q",
    "question",
    "answer",
    "zakim",
    "rrsagent",
    "trackbot",
    "github",
    "github-bot",
    "http",
    "https",
    "mailto",
    "ftp",
    "irc",
    "attendees",
    "contents",
    "topics",
    "resolutions",
    "recording",
    "slides",
    "time",
    "where",
    "when",
    "status",
    "next meeting",
    "e.g",
    "i.e",
    "todo",
];

/// Whether `label` is written like a label that names no speaker.
pub fn is_non_speech_label(label: &str) -> bool {
    let label = label.trim();
    NON_SPEECH_LABELS
        .iter()
        .any(|known| known.eq_ignore_ascii_case(label))
        || is_bot(label)
}

/// A speaker label at the start of `text`: `Amara Okafor: text`, `amara: text`.
/// Returns the label and the byte offset where the said text starts.
pub fn speaker_label(text: &str) -> Option<(&str, usize)> {
    let colon = text.find(':')?;
    let label = text[..colon].trim_end();
    let after = &text[colon + 1..];
    // "https://…" and "14:02" are no labels: a label's colon is followed by white space.
    if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
        return None;
    }
    if label.is_empty() || label.len() > 48 || is_non_speech_label(label) {
        return None;
    }
    // One word may be a nick in lower case ("amara"); several must be a name, capitalised
    // but for particles ("Bertrand de La Chapelle"), so "So the question is: …" is no speaker.
    let several = label.split_whitespace().nth(1).is_some();
    let mut words = 0;
    for word in label.split_whitespace() {
        words += 1;
        let first = word.chars().next();
        let first_ok = first.is_some_and(char::is_alphabetic)
            && (!several
                || first.is_some_and(char::is_uppercase)
                || (words > 1 && crate::roster::is_particle(word)));
        let rest_ok = word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | '_'));
        if words > 4 || !first_ok || !rest_ok {
            return None;
        }
    }
    let start = colon + 1 + (after.len() - after.trim_start().len());
    Some((label, start))
}

/// Whether `text` opens with a label, a speaker's or not: one to three words and a colon
/// followed by white space ("Note: …", "PROPOSED: …", "Amara: …").
pub fn has_label(text: &str) -> bool {
    let head = &text[..crate::text::floor_char_boundary(text, text.len().min(40))];
    let Some(colon) = head.find(':') else {
        return false;
    };
    let label = &text[..colon];
    text[colon + 1..].starts_with([' ', '\t'])
        && (1..=3).contains(&label.split_whitespace().count())
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '\''))
}

/// A continuation line: `… text` or `... text`. Returns the offset of the text after the dots.
pub fn continuation(text: &str) -> Option<usize> {
    let rest = text
        .strip_prefix('…')
        .or_else(|| text.strip_prefix("..."))?;
    let rest = rest.trim_start_matches('.');
    Some(text.len() - rest.trim_start().len())
}

/// Whether a line is queue or bot traffic, not speech: `q+`, `q- later`, `q?`, `ack amara`,
/// `zakim, next item`, `agenda+ budget`, `rrsagent, make minutes`.
pub fn is_queue_traffic(text: &str) -> bool {
    let text = text.trim();
    let first = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    let is = |word: &str| first.eq_ignore_ascii_case(word);
    if [
        "q+", "q-", "q?", "+q", "-q", "queue+", "queue-", "queue?", "queue=", "qq+",
    ]
    .iter()
    .any(|w| is(w))
    {
        return true;
    }
    if is("q") {
        // "q" alone, or "q later"; not "q: is it?" or "q, then".
        return text.len() == 1 || text.as_bytes()[1] == b' ';
    }
    if is("ack") {
        // "ack amara" and "ack" alone; "ack, that is fine" is speech.
        return text.split_whitespace().count() <= 3 && !text.contains(',');
    }
    if ["agenda+", "agenda-", "agenda?", "agendum+"]
        .iter()
        .any(|w| is(w))
    {
        return true;
    }
    // Addressing a bot: "zakim, who is here?", "RRSAgent: draft minutes".
    let addressee = text.split([',', ':']).next().unwrap_or("");
    addressee.len() < text.len() && is_bot(addressee.trim_end_matches(['_']))
}

/// A command that names a meeting fact: `Chair: …`, `Topic: …`, `present+ …`, `s/a/b/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command<'a> {
    /// `present+` (the typer) or `present+ A, B`; `plus` false for `present-`.
    Present {
        plus: bool,
        names: &'a str,
    },
    Chair(&'a str),
    Scribe(&'a str),
    ScribeNick(&'a str),
    /// `scribe+` (the typer) or `scribe+ nick`: one more scribe from this line on.
    ScribePlus(&'a str),
    /// `scribe-` (the typer) or `scribe- nick`: no longer a scribe.
    ScribeMinus(&'a str),
    Meeting(&'a str),
    Date(&'a str),
    Agenda(&'a str),
    Regrets(&'a str),
    Topic(&'a str),
    SubTopic(&'a str),
    Resolved(&'a str),
    Action(&'a str),
    Correction(Correction),
}

/// The title of an agenda item Zakim takes up: `agendum 2 -- Speech rate -- taken up [from kim]`.
pub fn taken_up(text: &str) -> Option<&str> {
    let rest = text.trim().strip_prefix("agendum ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let rest = rest[digits..].strip_prefix(" -- ")?;
    let end = crate::text::find_str(rest, " -- taken up")?;
    Some(rest[..end].trim()).filter(|title| digits > 0 && !title.is_empty())
}

/// `s/old/new/` (first match) or `s/old/new/g` (every match), on the latest line holding `old`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub old: String,
    pub new: String,
    pub global: bool,
}

/// The command a line is, and the byte offset of its argument; `None` for anything else.
pub fn command(text: &str) -> Option<(Command<'_>, usize)> {
    let trimmed = text.trim_end();
    if let Some(correction) = correction(trimmed) {
        return Some((Command::Correction(correction), 0));
    }
    let head = trimmed.as_bytes();
    for (word, plus) in [("scribe+", true), ("scribe-", false)] {
        if head.len() >= word.len()
            && head[..word.len()].eq_ignore_ascii_case(word.as_bytes())
            && (head.len() == word.len() || matches!(head[word.len()], b' ' | b'\t'))
        {
            let value = trimmed[word.len()..].trim();
            let at = trimmed.len() - trimmed[word.len()..].trim_start().len();
            let command = if plus {
                Command::ScribePlus(value)
            } else {
                Command::ScribeMinus(value)
            };
            return Some((command, at));
        }
    }
    for (word, plus) in [("present+", true), ("present-", false), ("+present", true)] {
        if head.len() >= word.len()
            && head[..word.len()].eq_ignore_ascii_case(word.as_bytes())
            && (head.len() == word.len() || matches!(head[word.len()], b' ' | b'\t'))
        {
            let names = trimmed[word.len()..].trim();
            let at = trimmed.len() - trimmed[word.len()..].trim_start().len();
            return Some((Command::Present { plus, names }, at));
        }
    }
    // Every command label is short: look for its colon near the start only.
    let colon = memchr::memchr(b':', &head[..head.len().min(16)])?;
    let label = trimmed[..colon].trim();
    let after = &trimmed[colon + 1..];
    let value = after.trim();
    let at = colon + 1 + (after.len() - after.trim_start().len());
    let is = |word: &str| label.eq_ignore_ascii_case(word);
    let command = if is("chair") || is("chairs") {
        Command::Chair(value)
    } else if is("scribe") || is("scribes") {
        Command::Scribe(value)
    } else if is("scribenick") || is("scribe nick") {
        Command::ScribeNick(value)
    } else if is("meeting") {
        Command::Meeting(value)
    } else if is("date") {
        Command::Date(value)
    } else if is("agenda") {
        Command::Agenda(value)
    } else if is("regrets") || is("regret") {
        Command::Regrets(value)
    } else if is("topic") {
        Command::Topic(value)
    } else if is("subtopic") || is("sub-topic") {
        Command::SubTopic(value)
    } else if is("resolved") || is("resolution") {
        Command::Resolved(value)
    } else if is("action") {
        Command::Action(value)
    } else if is("present") {
        Command::Present {
            plus: true,
            names: value,
        }
    } else {
        return None;
    };
    Some((command, at))
}

fn correction(text: &str) -> Option<Correction> {
    let rest = text.strip_prefix("s/")?;
    let (old, rest) = rest.split_once('/')?;
    let (new, flags) = rest.split_once('/').unwrap_or((rest, ""));
    if old.is_empty() || !(flags.is_empty() || flags == "g" || flags == "G") {
        return None;
    }
    Some(Correction {
        old: old.to_owned(),
        new: new.to_owned(),
        global: !flags.is_empty(),
    })
}

/// Whether `text` is a scribe's insertion, `i/anchor/new line/`, which this reader does not
/// apply: the caller reports it, and the line is not speech.
pub fn is_insertion(text: &str) -> bool {
    text.strip_prefix("i/")
        .is_some_and(|rest| rest.matches('/').count() >= 2)
}

/// The note for an insertion left unapplied.
pub fn insertion_note(at: Span, text: &str) -> Diagnostic {
    Diagnostic::new(
        Code::UnreadLine,
        at,
        u32::try_from(text.chars().count().min(60)).unwrap_or(1),
        "insertion left out: `i/anchor/line/` is not applied",
    )
    .with_hint("write the line where it belongs instead")
}

/// One line a correction may change: its place and its current words.
#[derive(Debug, Clone)]
pub struct Correctable {
    pub line: u32,
    pub text: String,
}

/// How many lines back a correction looks for its text. scribe.perl looks back to the start;
/// a bound keeps a log of many unmatched corrections from taking time in the square of its
/// length, and a correction is typed right after its mistake.
pub const CORRECTION_REACH: usize = 2000;

/// Applies `correction`, written on line `at`, to the latest of `earlier` that contains its
/// old text (or to every one of them for `s/…/…/g`), recording what it changed.
pub fn apply_correction<'c>(
    correction: &Correction,
    at: Span,
    earlier: impl DoubleEndedIterator<Item = &'c mut Correctable>,
    repairs: &mut Vec<Repair>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut changed = Vec::new();
    for target in earlier.rev() {
        if target.text.contains(&correction.old) {
            target.text = if correction.global {
                target.text.replace(&correction.old, &correction.new)
            } else {
                target.text.replacen(&correction.old, &correction.new, 1)
            };
            changed.push(target.line);
            if !correction.global {
                break;
            }
        }
    }
    let written = format!("s/{}/{}/", correction.old, correction.new);
    if changed.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Code::UnappliedCorrection,
                at,
                u32::try_from(written.chars().count()).unwrap_or(u32::MAX),
                format!(
                    "correction '{written}' changes nothing: no earlier line contains '{}'",
                    correction.old
                ),
            )
            .with_hint("check the spelling of the text to replace; the line is left as it was"),
        );
        return;
    }
    changed.sort_unstable();
    let lines: Vec<String> = changed.iter().map(u32::to_string).collect();
    let description = format!(
        "'{}' replaced by '{}' on {} {} (correction on line {})",
        correction.old,
        correction.new,
        if lines.len() == 1 { "line" } else { "lines" },
        lines.join(", "),
        at.start_line
    );
    for &line in &changed {
        repairs.push(Repair {
            kind: RepairKind::ScribeCorrection,
            description: description.clone(),
            span: Span::at(line, 1),
        });
    }
    diagnostics.push(
        Diagnostic::new(
            Code::TextRepaired,
            at,
            u32::try_from(written.chars().count()).unwrap_or(u32::MAX),
            format!("scribe correction applied: {description}"),
        )
        .with_hint("nothing to fix; the record holds the corrected text"),
    );
}

/// Names in a list as written: `Amara Okafor, Bo_Lindqvist; Chen Wei and Dana Ruiz`, each
/// with its byte offset. Underscores, which IRC nicks use for spaces, become spaces.
pub fn names(list: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = list.as_bytes();
    let push = |from: usize, to: usize, out: &mut Vec<(String, usize)>| {
        let piece = &list[from..to];
        let name = piece.trim().trim_end_matches('.').replace('_', " ");
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() && name.chars().any(char::is_alphabetic) {
            out.push((name, from + (piece.len() - piece.trim_start().len())));
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b',' || bytes[i] == b';' {
            push(start, i, &mut out);
            start = i + 1;
        } else if bytes[i..].starts_with(b" and ") {
            push(start, i, &mut out);
            start = i + 5;
            i += 4;
        }
        i += 1;
    }
    push(start, list.len(), &mut out);
    out
}

/// A participant known from an attendance line.
pub fn participant(name: &str, roles: Vec<Role>, span: Span) -> Participant {
    Participant {
        name: name.to_owned(),
        affiliation: None,
        roles,
        stakeholder_group: None,
        aliases: Vec::new(),
        honorific: None,
        span,
    }
}

/// The attendees as they are collected, indexed by folded name so that a long list is read
/// in time proportional to its length.
#[derive(Debug, Default)]
pub struct Attendance {
    /// In order of arrival; `None` where someone was taken off the list again.
    people: Vec<Option<Participant>>,
    index: foldhash::HashMap<String, usize>,
}

impl Attendance {
    /// Adds `name` unless someone of that name (without case and accents) is there; gives
    /// them `role` either way. Returns whether the name was new.
    pub fn attend(&mut self, name: &str, role: Option<Role>, span: Span) -> bool {
        let key = fold(name);
        let (at, new) = match self.index.get(&key) {
            Some(&at) => (at, false),
            None => {
                self.people.push(Some(participant(name, Vec::new(), span)));
                self.index.insert(key, self.people.len() - 1);
                (self.people.len() - 1, true)
            }
        };
        if let Some(role) = role
            && let Some(person) = &mut self.people[at]
            && !person.roles.contains(&role)
        {
            person.roles.push(role);
        }
        new
    }

    /// Takes `name` off the list.
    pub fn remove(&mut self, name: &str) {
        if let Some(at) = self.index.remove(&fold(name)) {
            self.people[at] = None;
        }
    }

    /// The attendees so far, in order.
    pub fn people(&self) -> Vec<Participant> {
        self.people.iter().flatten().cloned().collect()
    }

    pub fn into_people(self) -> Vec<Participant> {
        self.people.into_iter().flatten().collect()
    }
}

/// A nick as compared with names: folded, letters and digits only, without the digits,
/// underscores and backquotes IRC clients append to a taken nick.
pub fn nick_key(nick: &str) -> String {
    fold(nick)
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '_' || c == '`')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Every nick that fits `name`: each word of it ("amara", "okafor"), the start of the first
/// name from three letters on ("hiro" for Hiroshi), the name run together ("amaraokafor"),
/// first name and initial ("amarao"), initial and surname ("aokafor").
pub fn name_keys(name: &str) -> Vec<String> {
    let words: Vec<String> = fold(name)
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let Some((first, last)) = words.first().zip(words.last()) else {
        return Vec::new();
    };
    let mut keys = words.clone();
    let starts: Vec<usize> = first.char_indices().map(|(at, _)| at).skip(3).collect();
    keys.extend(starts.into_iter().map(|at| first[..at].to_owned()));
    keys.push(words.concat());
    if words.len() > 1 {
        let initial = |w: &str| w.chars().next().map(String::from).unwrap_or_default();
        keys.push(format!("{first}{}", initial(last)));
        keys.push(format!("{}{last}", initial(first)));
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Whether `nick` is a plausible IRC handle for `name` (see `name_keys`).
pub fn nick_fits(nick: &str, name: &str) -> bool {
    let key = nick_key(nick);
    !key.is_empty() && name_keys(name).contains(&key)
}

/// Names indexed by the nicks that fit them, so that finding the names a nick fits does not
/// compare it with every name.
#[derive(Debug, Default)]
pub struct Fits {
    index: foldhash::HashMap<String, Vec<usize>>,
}

impl Fits {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Fits {
        let mut index: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
        for (at, name) in names.into_iter().enumerate() {
            for key in name_keys(name) {
                let ids = index.entry(key).or_default();
                if ids.last() != Some(&at) {
                    ids.push(at);
                }
            }
        }
        Fits { index }
    }

    /// The positions of the names `nick` fits.
    pub fn of(&self, nick: &str) -> &[usize] {
        let key = nick_key(nick);
        self.index.get(&key).map_or(&[], Vec::as_slice)
    }
}

/// The parts of an `ACTION:` line: `amara to draft the note [by 20 March]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionLine<'a> {
    /// The owner as written; `None` when the line names none.
    pub owner: Option<&'a str>,
    /// What is to be done.
    pub what: &'a str,
}

/// Reads an action line: `owner to what`, `owner: what`, or `what` alone.
pub fn action_line(text: &str) -> ActionLine<'_> {
    let text = text.trim();
    let owner_ok = |owner: &str| {
        let owner = owner.trim();
        !owner.is_empty()
            && owner.len() <= 60
            && owner.split_whitespace().count() <= 6
            && owner.chars().next().is_some_and(char::is_alphabetic)
            && owner
                .chars()
                .all(|c| c.is_alphanumeric() || " -_'’.,&".contains(c))
            && names_or_nick(owner)
    };
    if let Some(at) = text.find(" to ") {
        let owner = &text[..at];
        if owner_ok(owner) {
            return ActionLine {
                owner: Some(owner.trim()),
                what: text[at + 4..].trim(),
            };
        }
    }
    if let Some((label, start)) = speaker_label(text) {
        return ActionLine {
            owner: Some(label),
            what: text[start..].trim(),
        };
    }
    ActionLine {
        owner: None,
        what: text,
    }
}

/// Whether an owner as written is one nick ("dana") or capitalised names ("Dana Ruiz and
/// Chen Wei"), not the start of a sentence ("collect data to …").
fn names_or_nick(owner: &str) -> bool {
    let words: Vec<&str> = owner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "&"))
        .collect();
    match words.as_slice() {
        [_] => true,
        [] => false,
        many => many.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || (i > 0 && crate::roster::is_particle(w))
                || (i == 0 && matches!(*w, "the" | "all"))
        }),
    }
}

/// The due date an action states after "by", "due", "before" or "until": the found date and
/// the words that introduce it.
pub fn due_date(what: &str) -> Option<dates::Found> {
    dates::find(what).into_iter().find(|found| {
        let before = what[..found.start]
            .trim_end()
            .trim_end_matches(['[', '(', ':']);
        let lower = before.to_ascii_lowercase();
        ["by", "due", "before", "until", "deadline", "no later than"]
            .iter()
            .any(|cue| lower.ends_with(cue))
    })
}

/// What resolving names needs: the roster, the nicks (folded) that `present+` lines map to
/// full names, and the meeting date that due dates without a year are read against.
pub struct Facts<'r> {
    pub roster: &'r Roster,
    /// Names already resolved, as written: a meeting names the same few people hundreds of
    /// times, and resolving costs folds and look-ups.
    pub resolved: std::cell::RefCell<foldhash::HashMap<String, Speaker>>,
    /// The attendees' full names, for nicks that fit one of them.
    pub names: &'r [String],
    fits: Fits,
    /// Nicks (folded) mapped to full names by `present+` lines.
    nick_names: foldhash::HashMap<String, String>,
    pub date: Option<jiff::civil::Date>,
}

impl<'r> Facts<'r> {
    pub fn new(
        roster: &'r Roster,
        nicks: &[(String, String)],
        names: &'r [String],
        date: Option<jiff::civil::Date>,
    ) -> Facts<'r> {
        Facts {
            roster,
            resolved: std::cell::RefCell::default(),
            names,
            fits: Fits::new(names.iter().map(String::as_str)),
            nick_names: nicks.iter().cloned().collect(),
            date,
        }
    }

    /// A name as written (a nick or a name) to a speaker: a nick mapped to a full name by a
    /// `present+` line resolves as that name; anything else goes to the roster.
    pub fn speaker(&self, written: &str) -> Speaker {
        let written = written.trim();
        if let Some(known) = self.resolved.borrow().get(written) {
            return known.clone();
        }
        let speaker = self.resolve(written);
        self.resolved
            .borrow_mut()
            .insert(written.to_owned(), speaker.clone());
        speaker
    }

    fn resolve(&self, written: &str) -> Speaker {
        let key = fold(written.trim_end_matches(['_', '`']));
        if let Some(name) = self.nick_names.get(&key) {
            return match self.roster.resolve(name) {
                Speaker::Resolved { name, .. } => Speaker::Resolved {
                    name,
                    mention: written.to_owned(),
                },
                Speaker::Ambiguous { candidates, .. } => Speaker::Ambiguous {
                    mention: written.to_owned(),
                    candidates,
                },
                _ => Speaker::Unknown {
                    mention: written.to_owned(),
                },
            };
        }
        let spaced = written.replace('_', " ");
        let resolved = self.roster.resolve(&spaced);
        // A nick the roster does not know ("bol") may still fit one attendee's name
        // (Bo Lindqvist): first name and initial, initial and surname, a prefix of the first name.
        if matches!(resolved, Speaker::Unknown { .. }) && !spaced.contains(' ') {
            let fitting: Vec<&String> = self
                .fits
                .of(written)
                .iter()
                .filter_map(|&at| self.names.get(at))
                .collect();
            match fitting.as_slice() {
                [] => {}
                [one] => {
                    return Speaker::Resolved {
                        name: (*one).clone(),
                        mention: written.to_owned(),
                    };
                }
                many => {
                    return Speaker::Ambiguous {
                        mention: written.to_owned(),
                        candidates: many.iter().map(|n| (*n).clone()).collect(),
                    };
                }
            }
        }
        match resolved {
            Speaker::Resolved { name, .. } => Speaker::Resolved {
                name,
                mention: written.to_owned(),
            },
            Speaker::Ambiguous { candidates, .. } => Speaker::Ambiguous {
                mention: written.to_owned(),
                candidates,
            },
            _ => Speaker::Unknown {
                mention: written.to_owned(),
            },
        }
    }

    /// An action item from the text after `ACTION:`, which starts at `line`, `column`. An
    /// owner that fits several people stays as written, with a warning naming the candidates.
    pub fn action(
        &self,
        text: &str,
        line: u32,
        column: u32,
        dates_out: &mut Vec<DateFact>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> ActionItem {
        let parts = action_line(text);
        let owner = parts.owner.map(|written| {
            if is_collective(written) {
                return written.to_owned();
            }
            match self.speaker(written) {
                Speaker::Resolved { name, .. } => name,
                Speaker::Ambiguous { candidates, .. } => {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::AmbiguousOwner,
                            Span::at(line, column),
                            u32::try_from(written.chars().count()).unwrap_or(1),
                            format!(
                                "ambiguous action owner '{written}': {} people match",
                                candidates.len()
                            ),
                        )
                        .with_hint(format!(
                            "candidates: {}; write the full name, or give the alias in a people file (--people)",
                            candidates.join(", ")
                        )),
                    );
                    written.to_owned()
                }
                _ => written.to_owned(),
            }
        });
        let due = due_date(parts.what).and_then(|found| {
            let written = parts.what[found.start..found.end].to_owned();
            // `what` is a slice of `text`: the date's column is counted from the line's.
            let what_at = (parts.what.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            let before = text.get(..what_at + found.start).unwrap_or("");
            let at = Span::at(
                line,
                column.saturating_add(u32::try_from(before.chars().count()).unwrap_or(0)),
            );
            match dates::resolve(&found, self.date) {
                Ok(value) => {
                    dates_out.push(DateFact {
                        text: written,
                        value: Some(value),
                        kind: DateKind::Deadline,
                        context: text.trim().to_owned(),
                        span: at,
                    });
                    Some(value)
                }
                Err(_) => {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::UnresolvedDate,
                            at,
                            u32::try_from(written.chars().count()).unwrap_or(1),
                            format!("the due date '{written}' of an action cannot be resolved"),
                        )
                        .with_hint(
                            "write the year, or state the meeting date (`Date: 2026-03-12`)",
                        ),
                    );
                    dates_out.push(DateFact {
                        text: written,
                        value: None,
                        kind: DateKind::Deadline,
                        context: text.trim().to_owned(),
                        span: at,
                    });
                    None
                }
            }
        });
        ActionItem {
            what: parts.what.to_owned(),
            owner,
            due,
            span: Span::at(line, column),
        }
    }
}

/// Owners that are a group, not a person: "all", "everyone", "the chairs".
fn is_collective(owner: &str) -> bool {
    let lower = owner.trim().to_ascii_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    matches!(
        lower,
        "all"
            | "everyone"
            | "everybody"
            | "chairs"
            | "co-chairs"
            | "editors"
            | "group"
            | "wg"
            | "team"
            | "staff"
            | "secretariat"
            | "members"
    )
}

/// A decision from the text after `RESOLVED:`.
pub fn decision(text: &str, line: u32, column: u32) -> Decision {
    Decision {
        text: text.trim().to_owned(),
        span: Span::at(line, column),
    }
}

/// The diagnostic for a speaker that is not resolved, if any, pointing at the name as written.
pub fn speaker_diagnostic(speaker: &Speaker, at: Span, has_list: bool) -> Option<Diagnostic> {
    match speaker {
        Speaker::Unknown { mention } => {
            let mut diagnostic = Diagnostic::new(
                Code::UnknownSpeaker,
                at,
                u32::try_from(mention.chars().count()).unwrap_or(1),
                format!("unknown speaker '{mention}': not on the attendance list"),
            )
            .with_hint(
                "add them to the attendance (`present+ Full Name` in a log, `Present:` in minutes), or map the name with a people file (--people)",
            );
            if !has_list {
                diagnostic.severity = model::Severity::Note;
            }
            Some(diagnostic)
        }
        Speaker::Ambiguous {
            mention,
            candidates,
        } => Some(
            Diagnostic::new(
                Code::AmbiguousSpeaker,
                at,
                u32::try_from(mention.chars().count()).unwrap_or(1),
                format!(
                    "ambiguous speaker '{mention}': {} people match",
                    candidates.len()
                ),
            )
            .with_hint(format!(
                "candidates: {}; write the full name, or give the alias in a people file (--people)",
                candidates.join(", ")
            )),
        ),
        _ => None,
    }
}

/// A `+1` turn ("+1", "+1 to testing with the panel") agrees with the turn before it under
/// the same agenda item, when a person other than the `+1`'s speaker said it: the IRC way of
/// seconding what was just said. Nothing else is read as agreement.
pub fn plus_ones(interventions: &mut [model::Intervention]) {
    for at in 1..interventions.len() {
        let text = interventions[at].text.trim_start();
        let Some(rest) = text.strip_prefix("+1") else {
            continue;
        };
        if rest.starts_with(|c: char| c.is_ascii_digit())
            || interventions[at].speaker == Speaker::Nobody
        {
            continue;
        }
        let (before, after) = interventions.split_at_mut(at);
        let turn = &mut after[0];
        let Some(previous) = before.last() else {
            continue;
        };
        if previous.agenda_item != turn.agenda_item
            || previous.speaker == Speaker::Nobody
            || previous.speaker.same_person(&turn.speaker)
        {
            continue;
        }
        turn.agreements.push(model::Agreement {
            with: previous.speaker.clone(),
            basis: model::AgreementBasis::PreviousSpeaker,
        });
    }
}

/// An `item-not-discussed` warning for every agenda item under which nothing was filed: no
/// turn, decision or action item under it or under one of its sub-items. `touched` holds the
/// numbers of the items something was filed under.
pub fn undiscussed(agenda: &[model::AgendaItem], touched: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for item in agenda.iter().flat_map(model::AgendaItem::flatten) {
        let prefix = format!("{}.", item.number);
        if touched
            .iter()
            .any(|n| *n == item.number || n.starts_with(&prefix))
        {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::ItemNotDiscussed,
                item.span,
                u32::try_from(item.title.chars().count()).unwrap_or(1),
                format!(
                    "agenda item {} '{}' has no recorded discussion",
                    item.number, item.title
                ),
            )
            .with_hint("record what was said under the topic, or write that the item was deferred"),
        );
    }
    out
}

/// The columns of byte offsets in one line, asked in increasing order (the names of a long
/// `Present:` line): the characters are counted once, not again from the start for each.
pub struct Columns<'a> {
    line: &'a str,
    at: usize,
    column: u32,
}

impl<'a> Columns<'a> {
    pub fn new(line: &'a str) -> Columns<'a> {
        Columns {
            line,
            at: 0,
            column: 1,
        }
    }

    /// The 1-based character column of byte offset `offset`.
    pub fn of(&mut self, offset: usize) -> u32 {
        let offset = crate::text::floor_char_boundary(self.line, offset);
        if offset < self.at {
            self.at = 0;
            self.column = 1;
        }
        let chars = self.line[self.at..offset].chars().count();
        self.column = self
            .column
            .saturating_add(u32::try_from(chars).unwrap_or(u32::MAX));
        self.at = offset;
        self.column
    }
}

/// The 1-based character column of byte offset `at` in `line`.
pub fn column(line: &str, at: usize) -> u32 {
    let at = crate::text::floor_char_boundary(line, at.min(line.len()));
    u32::try_from(line[..at].chars().count() + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_name_no_one_are_not_speakers() {
        assert_eq!(
            speaker_label("Amara Okafor: hello"),
            Some(("Amara Okafor", 14))
        );
        assert_eq!(speaker_label("bo_l: sure").map(|l| l.0), Some("bo_l"));
        assert_eq!(
            speaker_label("Bertrand de La Chapelle: yes").map(|l| l.0),
            Some("Bertrand de La Chapelle")
        );
        for text in [
            "Agenda: https://example.org/agenda",
            "https://example.org/x",
            "Meeting: Widgets WG",
            "Date: 12 March 2026",
            "Zakim: next item",
            "RRSAgent: make minutes",
            "at 14:02 we start",
            "This is a long sentence that happens to have a colon: here",
            "So the question is: do we ship?",
        ] {
            assert_eq!(speaker_label(text), None, "{text}");
        }
    }

    #[test]
    fn queue_traffic_is_not_speech() {
        for text in [
            "q+",
            "q+ to ask about tests",
            "q-",
            "q?",
            "ack amara",
            "ack",
            "zakim, next item",
            "agenda+ budget",
            "RRSAgent, draft minutes",
        ] {
            assert!(
                command(text).is_none() || text.starts_with("agenda"),
                "{text}"
            );
            assert!(is_queue_traffic(text), "{text}");
        }
        for text in [
            "quite right",
            "ack, that is fine with me",
            "queue theory matters",
        ] {
            assert!(!is_queue_traffic(text), "{text}");
        }
    }

    #[test]
    fn actions_name_their_owner_only_when_written() {
        let line = action_line("bo to draft the contrast note by 20 March");
        assert_eq!(line.owner, Some("bo"));
        assert_eq!(line.what, "draft the contrast note by 20 March");
        let line = action_line("Circulate the survey");
        assert_eq!(line.owner, None);
        let found = due_date("draft the note [by 2026-03-20]").expect("a due date");
        assert_eq!(
            (found.year, found.month, found.day),
            (Some(2026), 3, Some(20))
        );
        assert!(due_date("review the 20 March draft").is_none());
    }

    #[test]
    fn corrections_and_commands() {
        assert_eq!(
            command("s/contrats/contrast/").map(|c| c.0),
            Some(Command::Correction(Correction {
                old: "contrats".into(),
                new: "contrast".into(),
                global: false
            }))
        );
        assert_eq!(
            command("present+ Amara_Okafor").map(|c| c.0),
            Some(Command::Present {
                plus: true,
                names: "Amara_Okafor"
            })
        );
        assert_eq!(command("presentation: later"), None);
        assert_eq!(
            command("scribe+").map(|c| c.0),
            Some(Command::ScribePlus(""))
        );
        assert_eq!(
            command("scribe- mei").map(|c| c.0),
            Some(Command::ScribeMinus("mei"))
        );
        assert_eq!(
            taken_up("agendum 2 -- Speech rate -- taken up [from kim]"),
            Some("Speech rate")
        );
        assert_eq!(taken_up("agendum 2 added"), None);
        assert_eq!(
            command("RESOLUTION: adopt it").map(|c| c.0),
            Some(Command::Resolved("adopt it"))
        );
    }

    #[test]
    fn nicks_fit_names() {
        assert!(nick_fits("amara", "Amara Okafor"));
        assert!(nick_fits("bol", "Bo Lindqvist"));
        assert!(nick_fits("aokafor", "Amara Okafor"));
        assert!(nick_fits("Chen_", "Chen Wei"));
        assert!(!nick_fits("scribe", "Amara Okafor"));
        let list = names("Amara_Okafor, Bo Lindqvist; Chen Wei and Dana Ruiz");
        let got: Vec<&str> = list.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            got,
            ["Amara Okafor", "Bo Lindqvist", "Chen Wei", "Dana Ruiz"]
        );
    }
}
