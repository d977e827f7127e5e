//! Action items and decisions, from the cues reports use: "with a deadline of",
//! "will coordinate", "will be shared to the list by the chairs", "Members are invited to",
//! "Action: Secretariat to circulate…", "It was agreed that…", "The group decided…".
//!
//! Only explicit cues count: a sentence that merely describes the future ("there will be
//! more work") is not an action, and nothing here invents an owner the text does not name.

use std::sync::LazyLock;

use regex::Regex;

use crate::cues::{Cues, Set};

/// An action found in a sentence; dates are resolved by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub what: String,
    pub owner: Option<String>,
    /// Byte range in the sentence of the text that may hold the due date.
    pub due_from: usize,
}

// The patterns CALL, INVITED, OFFERED and ASKED end where what is asked begins: they match
// its first character only, and `rest_of_line` takes the rest. A trailing `.+` would match
// the same, but make the engine carry its capture groups to the end of the sentence.

/// The text from `start` to the end of its line: what a trailing `.+` of a pattern matches.
fn rest_of_line(text: &str, start: usize) -> &str {
    let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
    &text[start..end]
}

static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)call(?:ed|s)? (?:for|on|upon) (?P<who>people|all|everyone|everybody|members|participants|colleagues|stakeholders|the group|the members|all members|all participants) to (?P<what>.)")
        .expect("the call pattern is valid")
});

static INVITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>(?:All |The )?(?:[Mm]embers|[Pp]articipants|[Dd]elegations|[Cc]olleagues|[Ee]veryone|[Aa]ll))(?: are| is)? (?:were |are )?(?:invited|requested|asked|encouraged|urged|reminded) to (?P<what>.)")
        .expect("the invitation pattern is valid")
});

static OFFERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:offered|volunteered|agreed|undertook|committed|promised|pledged) to (?P<what>[a-z].)")
        .expect("the offer pattern is valid")
});

static ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:asked|invited|requested|called on|called upon|tasked|mandated) (?P<who>(?:the |all |each )?[a-z][a-z -]{2,40}?|(?:the |all )?[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}.'’ -]{1,40}?) to (?P<what>[a-z].)")
        .expect("the request pattern is valid")
});

static DUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<what>(?:comments|feedback|input|inputs|contributions|proposals|submissions|nominations|applications|written comments|responses)(?-u:\b)[^.;]{0,80}?) (?:are|is|were|will be|should be|must be|are to be|is to be) (?:due|expected|requested|sent|submitted|provided)(?-u:\b)")
        .expect("the due pattern is valid")
});

/// "… will be shared to the list by the chairs", from " will be " on; what comes before is
/// the object, found by `passive`.
static PASSIVE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ will be (?P<participle>[a-z]+) (?P<rest>.*?)(?-u:\b)by (?P<who>the [a-z -]+|[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’ -]{1,60}?)(?P<tail>[,.;]|$| on | before | no later)")
        .expect("the passive pattern is valid")
});

/// The parts of a passive action: "the text will be shared … by the chairs".
struct Passive<'s> {
    object: &'s str,
    participle: &'s str,
    rest: &'s str,
    who: &'s str,
}

/// The passive action `sentence` starts with, as the pattern
/// `^(?P<object>.{3,120}?) will be (?P<participle>…)…` would read it. Its object is lazy: the
/// first " will be " after three to 120 characters (no line break among them) at which the
/// rest of the pattern matches is the one. Trying each in turn with the rest of the pattern
/// finds the same groups; the capture engine then works on a much smaller pattern than one
/// that counts up to 120 characters.
fn passive(sentence: &str) -> Option<Passive<'_>> {
    let mut from = 0;
    while let Some(found) = crate::text::find_str(&sentence[from..], " will be ") {
        let at = from + found;
        from = at + 1;
        let object = &sentence[..at];
        // A later " will be " has this object's characters before it, and more.
        if object.contains('\n') {
            return None;
        }
        let chars = object.chars().count();
        if chars > 120 {
            return None;
        }
        if chars < 3 {
            continue;
        }
        if let Some(caps) = PASSIVE_TAIL.captures(&sentence[at..]) {
            let group = |name: &str| caps.name(name).map_or("", |m| m.as_str());
            return Some(Passive {
                object,
                participle: group("participle"),
                rest: group("rest"),
                who: group("who"),
            });
        }
    }
    None
}

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:action(?: item)?s?|AI|to do|todo)\s*(?:[0-9]+)?\s*[:\-–]\s*(?P<body>.+)")
        .expect("the label pattern is valid")
});

static OWNER_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<who>[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}.'’ -]{0,60}?|(?:the|The) [a-z -]{2,40}?)(?::| to) (?P<what>[a-z].+)",
    )
    .expect("the owner pattern is valid")
});

static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:It was (?:agreed|decided|resolved|concluded)|The (?i:group|meeting|WG|working group|committee|members|participants|MAG|co-chairs|plenary) (?:agreed|decided|resolved|concluded|endorsed|adopted|approved)|(?:Decision|Decided|Resolved|RESOLVED|RESOLUTION|Resolution|Conclusion|Consensus|Agreed)\s*:)|(?-u:\b)the (?i:working group|group|meeting|committee|plenary) (?:adopted|approved|agreed to|decided|endorsed)(?-u:\b)|(?-u:\b)(?:The|the) (?:agenda|minutes|summary|report|draft|text|proposal|charter|terms of reference|work plan|workplan)(?-u:\b)[^.;]{0,80}? (?:was|were)(?: therefore| then| also| duly| formally| unanimously)? (?:adopted|approved|endorsed|accepted|agreed)")
        .expect("the decision pattern is valid")
});

/// Words that make a subject someone who can be given an action.
const AGENTS: &[&str] = &[
    "chair",
    "chairs",
    "co-chair",
    "co-chairs",
    "secretariat",
    "secretary",
    "group",
    "members",
    "member",
    "team",
    "rapporteur",
    "facilitator",
    "facilitators",
    "moderator",
    "convener",
    "coordinator",
    "coordinators",
    "committee",
    "bureau",
    "everyone",
    "all",
    "participants",
    "delegation",
    "office",
    "staff",
    "editors",
    "editor",
    "authors",
    "drafters",
    "leads",
    "maintainers",
    "reviewers",
    "contributors",
    "volunteers",
    "delegates",
    "colleagues",
    "speakers",
    "he",
    "she",
    "they",
];

/// Phrases that make a subject someone who can be given an action. A word of `AGENTS` has no
/// space; these are looked for in the whole subject.
const AGENT_PHRASES: &[&str] = &["task force", "focal point"];

/// Words that never start an action's owner ("there will be", "it will").
const NOT_OWNERS: &[&str] = &[
    "there",
    "it",
    "this",
    "that",
    "these",
    "those",
    "which",
    "such",
    "what",
    "who",
    "as",
    "if",
    "when",
    "where",
    "whether",
    "one",
    "something",
    "nothing",
    "any",
    "the meeting",
];

const BASE_FORMS: &[(&str, &str)] = &[
    ("shared", "share"),
    ("circulated", "circulate"),
    ("sent", "send"),
    ("provided", "provide"),
    ("prepared", "prepare"),
    ("made", "make"),
    ("finalised", "finalise"),
    ("finalized", "finalize"),
    ("distributed", "distribute"),
    ("posted", "post"),
    ("published", "publish"),
    ("updated", "update"),
    ("scheduled", "schedule"),
    ("confirmed", "confirm"),
    ("communicated", "communicate"),
    ("organised", "organise"),
    ("organized", "organize"),
    ("submitted", "submit"),
    ("reviewed", "review"),
    ("considered", "consider"),
    ("compiled", "compile"),
    ("drafted", "draft"),
    ("completed", "complete"),
    ("announced", "announce"),
    ("given", "give"),
    ("set", "set"),
    ("held", "hold"),
    ("convened", "convene"),
    ("invited", "invite"),
    ("informed", "inform"),
    ("presented", "present"),
    ("discussed", "discuss"),
    ("added", "add"),
    ("included", "include"),
    ("uploaded", "upload"),
    ("recorded", "record"),
    ("decided", "decide"),
    ("fixed", "fix"),
    ("agreed", "agree"),
    ("issued", "issue"),
    ("taken", "take"),
];

fn base_form(participle: &str) -> Option<&'static str> {
    BASE_FORMS
        .iter()
        .find(|(p, _)| *p == participle)
        .map(|(_, b)| *b)
}

fn is_agent(who: &str) -> bool {
    let lower = who.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    if NOT_OWNERS.contains(&first) || NOT_OWNERS.contains(&lower.as_str()) {
        return false;
    }
    if lower.split_whitespace().count() <= 4 && crate::participants::looks_like_name(who) {
        return true;
    }
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| AGENTS.contains(&w))
        || AGENT_PHRASES
            .iter()
            .any(|a| crate::text::contains_str(&lower, a))
}

fn owner_of(who: &str) -> String {
    let lower = who.to_lowercase();
    match lower.trim_start_matches("all ").trim_start_matches("the ") {
        "people" | "all" | "everyone" | "everybody" | "members" | "participants" | "colleagues"
        | "stakeholders" | "group" | "delegations" | "delegates" => "all".to_owned(),
        _ => who.trim().to_owned(),
    }
}

/// Cuts an action's text before its due-date clause and final punctuation.
fn clean_what(what: &str) -> String {
    // Searchers made once: they look for the rarer bytes of each cue first.
    static CUTS: LazyLock<[memchr::memmem::Finder<'static>; 7]> = LazyLock::new(|| {
        [
            ", with a deadline",
            " with a deadline",
            ", by ",
            " by the end of",
            " no later than",
            ", before ",
            " before the next",
        ]
        .map(memchr::memmem::Finder::new)
    });
    let mut end = what.len();
    for cue in CUTS.iter() {
        if let Some(at) = cue.find(what.as_bytes()) {
            end = end.min(at);
        }
    }
    if let Some(at) = crate::text::rfind_str(what, " by ") {
        let after = &what[at + 4..];
        if after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
        {
            end = end.min(at);
        }
    }
    what[..end]
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim()
        .to_owned()
}

/// Every action a sentence sets. A sentence may set several, one per clause ("Kwame will
/// prepare a draft, and members are invited to comment on it by 6 February"). `speaker`
/// stands for "he"/"she" owners; `is_person` says whether a name is a known person.
/// `cues` are the cue words of `sentence`.
pub fn find_all(
    sentence: &str,
    cues: &Cues,
    speaker: Option<&str>,
    is_person: &dyn Fn(&str) -> bool,
) -> Vec<Found> {
    let trimmed = sentence
        .trim_start()
        .trim_start_matches(['-', '*', '•'])
        .trim_start();
    let lead = sentence.len() - trimmed.len();
    // Most sentences set no action: one quick test for any cue word comes first.
    if !cues.any_from(Set::Action, lead) {
        return Vec::new();
    }
    // Each clause looks only at the cue words inside it.
    // The cue words inside a clause of `trimmed`, from the sentence's cue words.
    let cues_in = |from: usize, to: usize| {
        CueMask(
            cues.all(Set::ActionLiteral)
                .filter(|h| h.start >= lead + from && h.end <= lead + to)
                .fold(0, |mask, h| mask | 1 << h.index),
        )
    };
    let may_act = |cues: &CueMask| cues.0 & const { mask(CUES) } != 0;
    if !may_act(&cues_in(0, trimmed.len())) {
        return Vec::new();
    }
    // A clause's action is found when the break after it is taken; the text after the last
    // break taken is the last clause, whose action the test for that break has found already.
    let mut out = Vec::new();
    let mut from = 0;
    let mut after_break = None;
    let shifted = |mut found: Found, start: usize| {
        found.due_from += lead + start;
        found
    };
    for (at, after) in clause_breaks(trimmed) {
        let rest = cues_in(after, trimmed.len());
        if at > from
            && may_act(&rest)
            && let Some(found) = find_with(&trimmed[after..], speaker, is_person, rest)
        {
            let clause = find_with(&trimmed[from..at], speaker, is_person, cues_in(from, at));
            out.extend(clause.map(|f| shifted(f, from)));
            after_break = Some(found);
            from = after;
        }
    }
    let last = after_break.or_else(|| {
        find_with(
            &trimmed[from..],
            speaker,
            is_person,
            cues_in(from, trimmed.len()),
        )
    });
    out.extend(last.map(|f| shifted(f, from)));
    out
}

/// Where clauses may break: every "; ", ", and ", ", while " and ": ", in order, each as its
/// start and the end of the separator.
fn clause_breaks(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b';', b':', b',', bytes)
        .filter_map(|at| {
            let rest = &bytes[at..];
            let separator: &[u8] = match rest[0] {
                b',' if rest.starts_with(b", and ") => b", and ",
                b',' if rest.starts_with(b", while ") => b", while ",
                b',' => return None,
                _ if rest.get(1) == Some(&b' ') => &rest[..2],
                _ => return None,
            };
            Some((at, at + separator.len()))
        })
        .collect()
}

/// Words without which no pattern below can match; most sentences have none of them, and
/// testing for them is much cheaper than running the patterns.
pub const CUES: &[&str] = &[
    " will ",
    " would ",
    " is to ",
    " are to ",
    "ed to ",
    "ction",
    "call",
    "due",
    "Due",
    "invited",
    "requested",
    "asked",
    "tasked",
    "mandated",
    "TODO",
    "To do",
    "AI:",
    "comments",
    "feedback",
    "input",
    "contributions",
    "proposals",
    "submissions",
    "nominations",
    "applications",
    "responses",
];

/// Every literal the patterns of this module test for. One pass of an Aho-Corasick automaton
/// finds them all, instead of one substring search each.
pub const LITERALS: &[&str] = &[
    " will ",
    " would ",
    " is to ",
    " are to ",
    " agreed to ",
    "call",
    "ed to ",
    " will be ",
    "asked ",
    "invited ",
    "requested ",
    "called on",
    "called upon",
    "tasked ",
    "mandated ",
    "offered to",
    "volunteered to",
    "agreed to",
    "undertook to",
    "committed to",
    "promised to",
    "pledged to",
    " due",
    " be ",
    " expected",
    " requested",
    "comments",
    "feedback",
    "input",
    "contributions",
    "proposals",
    "submissions",
    "nominations",
    "applications",
    "responses",
    "ction",
    "Due",
    "due",
    "invited",
    "requested",
    "asked",
    "tasked",
    "mandated",
    "TODO",
    "To do",
    "AI:",
    "called ",
];

/// Which of `LITERALS` occur in a text.
struct CueMask(u64);

/// The bits of `literals` in a `CueMask`. Evaluated at compile time, so a cue missing
/// from `LITERALS` fails the build rather than a test.
const fn mask(literals: &[&str]) -> u64 {
    let mut out = 0;
    let mut i = 0;
    while i < literals.len() {
        let mut j = 0;
        let mut found = false;
        while j < LITERALS.len() {
            if same(LITERALS[j].as_bytes(), literals[i].as_bytes()) {
                out |= 1 << j;
                found = true;
            }
            j += 1;
        }
        assert!(found, "a cue missing from LITERALS");
        i += 1;
    }
    out
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The mask of cue literals, computed when the program is built.
macro_rules! cue {
    ($($literal:expr),+ $(,)?) => {
        const { mask(&[$($literal),+]) }
    };
}

/// The action one clause sets, given the cue words found in it.
fn find_with(
    clause: &str,
    speaker: Option<&str>,
    is_person: &dyn Fn(&str) -> bool,
    cues: CueMask,
) -> Option<Found> {
    let sentence = clause;
    let found = |what: &str, owner: Option<String>, due_from: usize| {
        Some(Found {
            what: clean_what(what),
            owner,
            due_from,
        })
    };
    const LABELS: [&str; 4] = ["action", "ai", "to do", "todo"];
    let head = &sentence.as_bytes()[..sentence.len().min(6)];
    let labelled = if head.is_ascii() {
        LABELS
            .iter()
            .any(|l| head.len() >= l.len() && head[..l.len()].eq_ignore_ascii_case(l.as_bytes()))
    } else {
        let lower_start: String = sentence
            .chars()
            .take(6)
            .flat_map(char::to_lowercase)
            .collect();
        LABELS.iter().any(|l| lower_start.starts_with(l))
    };
    if labelled && let Some(caps) = LABELLED.captures(sentence) {
        let body = caps.name("body").map_or("", |m| m.as_str());
        let at = caps.name("body").map_or(0, |m| m.start());
        if let Some(inner) = OWNER_TO.captures(body) {
            let who = inner.name("who").map_or("", |m| m.as_str());
            return found(
                inner.name("what").map_or("", |m| m.as_str()),
                Some(owner_of(who)),
                at,
            );
        }
        return found(body, None, at);
    }
    let has = |bits: u64| cues.0 & bits != 0;
    let future = has(cue!(" will "))
        || has(cue!(" would "))
        || has(cue!(" is to "))
        || has(cue!(" are to "))
        || has(cue!(" agreed to "));
    if has(cue!("call"))
        && let Some(caps) = CALL.captures(sentence)
    {
        let who = caps.name("who").map_or("", |m| m.as_str());
        let what = caps.name("what");
        return found(
            what.map_or("", |m| rest_of_line(sentence, m.start())),
            Some(owner_of(who)),
            what.map_or(0, |m| m.start()),
        );
    }
    if has(cue!("ed to "))
        && let Some(caps) = INVITED.captures(sentence)
    {
        let who = caps.name("who").map_or("", |m| m.as_str());
        return found(
            caps.name("what")
                .map_or("", |m| rest_of_line(sentence, m.start())),
            Some(owner_of(who)),
            0,
        );
    }
    if has(cue!(" will be "))
        && let Some(parts) = passive(sentence)
    {
        let who = parts.who.trim();
        let participle = parts.participle;
        if is_agent(who) || is_person(who) {
            let object = lower_first(parts.object);
            let rest = parts.rest.trim();
            let what = match base_form(participle) {
                Some(base) => format!("{base} {object} {rest}"),
                None => format!("see that {object} is {participle} {rest}"),
            };
            return found(what.trim(), Some(owner_of(who)), 0);
        }
    }
    const HEADS: &[&str] = &[
        "comments",
        "feedback",
        "input",
        "contributions",
        "proposals",
        "submissions",
        "nominations",
        "applications",
        "responses",
    ];
    let due_cue = has(const { mask(HEADS) });
    if !future && !has(cue!("ed to ")) && !has(cue!("asked ")) && !has(cue!("called ")) && !due_cue
    {
        return None;
    }
    if future && let Some(found) = will(sentence, speaker, is_person, false, &cues) {
        return Some(found);
    }
    // "She noted that the Secretariat will share…", "It was decided that the Secretariat
    // would prepare…": the action is in the reported clause.
    if future {
        let mut from = 0;
        while let Some(found) = crate::text::find_str(&sentence[from..], " that ") {
            // As `match_indices`: the next search starts after this match.
            let at = from + found;
            from = at + 6;
            let before = sentence[..at].trim_end();
            let decided = [
                "decided",
                "agreed",
                "concluded",
                "requested",
                "recommended",
                "resolved",
            ]
            .iter()
            .any(|w| before.ends_with(w));
            if let Some(mut inner) = will(&sentence[at + 6..], speaker, is_person, decided, &cues) {
                inner.due_from += at + 6;
                return Some(inner);
            }
        }
    }
    let asks = has(cue!(
        "asked ",
        "invited ",
        "requested ",
        "called on",
        "called upon",
        "tasked ",
        "mandated ",
    ));
    if asks && let Some(caps) = ASKED.captures(sentence) {
        let who = caps.name("who").map_or("", |m| m.as_str()).trim();
        // "asked for volunteers to facilitate": the task is set, its owner is not yet known.
        let open_call = who
            .strip_prefix("for ")
            .is_some_and(|w| is_agent(w) || w.contains("volunteer"));
        let owner = if open_call { None } else { Some(owner_of(who)) };
        let what = caps
            .name("what")
            .map(|m| (m.start(), rest_of_line(sentence, m.start())));
        let passive = what.is_some_and(|(_, w)| w.starts_with("be "));
        if (is_agent(who) || is_person(who) || open_call) && !passive {
            return found(
                what.map_or("", |(_, w)| w),
                owner,
                what.map_or(0, |(at, _)| at),
            );
        }
    }
    let offers = has(cue!(
        "offered to",
        "volunteered to",
        "agreed to",
        "undertook to",
        "committed to",
        "promised to",
        "pledged to",
    ));
    // Without a speaker an offer has no owner: the pattern need not run.
    if offers
        && let Some(speaker) = speaker
        && let Some(offer) = OFFERED.find(sentence)
        && !collective_before(&sentence[..offer.start()])
    {
        // What is offered starts after the match's one "to ", none of the verbs holding
        // one: the match is found without the capture engine.
        let what = offer.start()
            + crate::text::find_str(offer.as_str(), " to ")
                .expect("the offer pattern has \" to \"")
            + 4;
        return found(rest_of_line(sentence, what), Some(speaker.to_owned()), what);
    }
    if due_cue
        && (has(cue!(" due"))
            || has(cue!(" be "))
            || has(cue!(" expected"))
            || has(cue!(" requested")))
        && let Some(caps) = DUE.captures(sentence)
    {
        let what = caps.name("what").map_or("", |m| m.as_str());
        return Some(Found {
            what: format!("send {}", clean_what(what)),
            owner: Some("all".to_owned()),
            due_from: caps.get(0).map_or(0, |m| m.end()),
        });
    }
    // "…based on the text Tobias will circulate by 16 October."
    // Only a clause with " will " in it needs the search.
    if has(cue!(" will ")) {
        for (at, _) in sentence.match_indices(" will ") {
            // Up to four capitalised words before "will" ("the text Tobias will circulate").
            let before = &sentence[..at];
            let mut start = at;
            let mut count = 0;
            for word in before.rsplit(' ') {
                if count == 4 || !word.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                start -= word.len() + usize::from(start > word.len());
                count += 1;
            }
            let who = sentence[start.min(at)..at].trim();
            let what = &sentence[at + 6..];
            if count > 0 && is_person(who) {
                return found(what, Some(who.to_owned()), at + 6);
            }
        }
    }
    None
}

/// An item of an "Action items" list, which is an action by its place: "Secretariat to
/// circulate the draft by 15 January", "Chris: send the slides", or just what is to be done.
pub fn listed(item: &str) -> Found {
    let trimmed = item
        .trim_start()
        .trim_start_matches(['-', '*', '•'])
        .trim_start();
    let lead = item.len() - trimmed.len();
    if let Some(caps) = OWNER_TO.captures(trimmed) {
        let who = caps.name("who").map_or("", |m| m.as_str());
        let what = caps.name("what");
        return Found {
            what: clean_what(what.map_or("", |m| m.as_str())),
            owner: Some(owner_of(who)),
            due_from: lead + what.map_or(0, |m| m.start()),
        };
    }
    Found {
        what: clean_what(trimmed),
        owner: None,
        due_from: lead,
    }
}

/// Whether the words before an act are the group's ("The group agreed to…"): a decision,
/// not somebody's action.
fn collective_before(before: &str) -> bool {
    let lower = before.trim().to_lowercase();
    [
        "the group",
        "the meeting",
        "the committee",
        "the working group",
        "the wg",
        "members",
        "participants",
        "the members",
        "the participants",
        "the mag",
        "it was",
    ]
    .iter()
    .any(|c| {
        let ends = lower
            .strip_suffix(c)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '));
        let starts = lower
            .strip_prefix(c)
            .is_some_and(|rest| rest.starts_with(' '));
        ends || starts
    })
}

/// "X will do Y" (or "X is to", "X agreed to") at the start of `sentence`; with `would`, also
/// "X would do Y", as in a reported decision.
fn will(
    sentence: &str,
    speaker: Option<&str>,
    is_person: &dyn Fn(&str) -> bool,
    would: bool,
    cues: &CueMask,
) -> Option<Found> {
    let (condition, who, what, what_at) = split_future(sentence, would, cues)?;
    let mut who = who.trim();
    // "Mallory said the Secretariat will…": the reported clause's subject owns the action,
    // not the one who reported it; but in "Kwame noted the proposal and the Secretariat
    // will…" the verb has an object, and "the proposal" owns nothing.
    if let Some(rest) = after_reporting_verb(who) {
        let head = rest.split(" and ").next().unwrap_or(rest);
        if is_agent(head) || is_person(head) {
            who = rest;
        }
    }
    // "will be…", "will need…", and events rather than tasks ("the Committee will meet on…").
    let passive_or_state = [
        "be ",
        "have ",
        "need ",
        "meet ",
        "meet.",
        "take place",
        "convene ",
        "begin ",
        "start ",
        "end ",
        "close ",
        "continue ",
        "remain ",
    ]
    .iter()
    .any(|w| what.starts_with(w));
    // The group's own future ("The group agreed to…", "the working group would publish…") is
    // a decision, and a subject with a verb in it ("Rana agreed with the Chair and") is no owner.
    let has_verb = || {
        who.split_whitespace()
            .any(|w| w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()))
    };
    // "she has left the Ministry and will continue…": a clause, not an owner.
    let clause = || {
        [" has ", " have ", " had ", " is ", " was ", " were "]
            .iter()
            .any(|w| crate::text::contains_str(who, w))
            || who.starts_with("if ")
    };
    // The cheap tests first: whether the subject is an agent or a known person, which lowers
    // it and looks it up, is asked only of a subject none of them rules out.
    if passive_or_state
        || crate::text::contains_str(who, " that ")
        || who.contains(';')
        || collective_before(who)
        || has_verb()
        || clause()
        || !(is_agent(who) || is_person(who))
    {
        return None;
    }
    let owner = match who.to_lowercase().as_str() {
        "he" | "she" | "they" => speaker.map(str::to_owned),
        _ => Some(owner_of(who)),
    };
    // "If the text is ready, the Secretariat will circulate it": the task keeps its condition.
    let what = match condition {
        Some(condition) => format!("{} ({})", clean_what(what), lower_initial(condition)),
        None => clean_what(what),
    };
    Some(Found {
        what,
        owner,
        due_from: what_at,
    })
}

/// Splits "X will do Y" (or "is to", "are to", "agreed to"; with `would`, also "would") at
/// its first modal: the subject, what follows, and where that starts. Written by hand rather
/// than as a pattern because it runs on nearly every sentence.
fn split_future<'s>(
    sentence: &'s str,
    would: bool,
    cues: &CueMask,
) -> Option<(Option<&'s str>, &'s str, &'s str, usize)> {
    // Each modal with its bit among the cue words: one the clause does not hold is not
    // searched for (`sentence` is the clause or a part of it).
    const MODALS: &[(&str, u64)] = &[
        (" will ", cue!(" will ")),
        (" is to ", cue!(" is to ")),
        (" are to ", cue!(" are to ")),
        (" agreed to ", cue!(" agreed to ")),
    ];
    const WOULD: &[(&str, u64)] = &[(" would ", cue!(" would "))];
    let found = MODALS
        .iter()
        .chain(if would { WOULD } else { &[][..] })
        .filter(|(_, bit)| cues.0 & bit != 0)
        .filter_map(|(m, _)| crate::text::find_str(sentence, m).map(|at| (at, m.len())))
        .min()?;
    let (at, len) = found;
    let mut who = &sentence[..at];
    for lead in [
        "After that, ",
        "Following the meeting, ",
        "Following this meeting, ",
        "In the meantime, ",
        "Next, ",
        "Then, ",
        "Meanwhile, ",
        "Subsequently, ",
    ] {
        if let Some(rest) = who.strip_prefix(lead) {
            who = rest;
        }
    }
    // "Once agreed, the Secretariat will…": a condition before the subject.
    let mut condition = None;
    if CONDITIONS.iter().any(|c| {
        who.get(..c.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(c))
    }) && let Some(comma) = crate::text::find_str(who, ", ")
    {
        condition = Some(&who[..comma]);
        who = &who[comma + 2..];
    }
    let what = &sentence[at + len..];
    let starts_with_word = what
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));
    if !(2..=120).contains(&who.len()) || !starts_with_word {
        return None;
    }
    Some((condition, who, what, at + len))
}

/// Words that open a condition on a future: "If …, X will…".
const CONDITIONS: &[&str] = &[
    "if ",
    "unless ",
    "once ",
    "when ",
    "as soon as ",
    "provided ",
];

/// `text` with its first letter in lower case, when it is an ASCII capital.
fn lower_initial(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// Verbs that report a clause without "that" ("Mallory said the Secretariat will…").
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "noted",
    "stated",
    "explained",
    "confirmed",
    "announced",
    "indicated",
    "mentioned",
    "reported",
    "recalled",
    "stressed",
    "emphasised",
    "emphasized",
    "clarified",
    "reiterated",
    "observed",
    "agreed",
    "felt",
    "believed",
    "thought",
    "hoped",
    "assured",
];

/// What follows the last reporting verb of a future's subject, when something does:
/// "the co-chairs" of "She said the co-chairs".
fn after_reporting_verb(who: &str) -> Option<&str> {
    let mut rest = None;
    let mut at = 0;
    for word in who.split(' ') {
        at += word.len() + 1;
        if REPORTING_VERBS.contains(&word) {
            rest = who.get(at..).map(str::trim).filter(|r| !r.is_empty());
        }
    }
    rest
}

fn lower_first(text: &str) -> String {
    let trimmed = text.trim();
    let mut words = trimmed.splitn(2, ' ');
    match (words.next(), words.next()) {
        (Some(first), rest) if matches!(first, "The" | "A" | "An" | "This" | "These") => {
            let mut out = first.to_lowercase();
            if let Some(rest) = rest {
                out.push(' ');
                out.push_str(rest);
            }
            out
        }
        _ => trimmed.to_owned(),
    }
}

/// Words without one of which the decision pattern cannot match.
pub const DECISION_CUES: &[&str] = &[
    "agreed",
    "decided",
    "resolved",
    "concluded",
    "adopted",
    "approved",
    "endorsed",
    "accepted",
    ":",
];

/// Whether a sentence records a decision of the group; `cues` are its cue words.
pub fn is_decision(sentence: &str, cues: &Cues) -> bool {
    if !cues.any(Set::Decision) {
        return false;
    }
    // Every form the pattern knows starts the sentence with "It was", "The" or a label, or
    // says "was"/"were" or names the group; a sentence with none of these is no decision.
    let opening = sentence
        .trim_start()
        .trim_start_matches(['-', '*', '•'])
        .trim_start();
    // Searched last, and only when the cheaper tests found nothing. Their first letters are
    // common ones: a searcher made once looks for rarer bytes of each word first.
    static WORDS: LazyLock<[memchr::memmem::Finder<'static>; 6]> = LazyLock::new(|| {
        [
            " was ",
            " were ",
            "roup ",
            "eeting ",
            "ommittee ",
            "lenary ",
        ]
        .map(memchr::memmem::Finder::new)
    });
    if !(opening.starts_with("It was")
        || opening.starts_with("The ")
        || opening.contains(':')
        || WORDS.iter().any(|w| w.find(sentence.as_bytes()).is_some()))
    {
        return false;
    }
    DECISION.is_match(
        sentence
            .trim()
            .trim_start_matches(['-', '*', '•'])
            .trim_start(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(sentence: &str) -> String {
        let cues = Cues::scan(sentence);
        let found: Vec<String> = find_all(sentence, &cues, Some("Lito Ibarra"), &|n: &str| {
            n == "Tobias"
        })
        .into_iter()
        .map(|f| format!("{} <- {}", f.what, f.owner.unwrap_or_default()))
        .collect();
        if found.is_empty() {
            "-".into()
        } else {
            found.join(" & ")
        }
    }

    #[test]
    fn reads_several_actions_and_reported_ones() {
        assert_eq!(
            action(
                "Kwame will prepare a draft by 30 January, and members are invited to send comments on it by 6 February."
            ),
            "prepare a draft <- Kwame & send comments on it <- all"
        );
        assert_eq!(
            action("It was decided that the Secretariat would prepare a template."),
            "prepare a template <- the Secretariat"
        );
        assert_eq!(
            action(
                "The group agreed to include a paragraph, based on the text Tobias will circulate by 16 October."
            ),
            "circulate <- Tobias"
        );
        assert_eq!(
            action("Greta noted the budget is open; she will report back at the next meeting."),
            "report back at the next meeting <- Lito Ibarra"
        );
        assert_eq!(
            action("He encouraged all to consider this as a focus for the new year."),
            "-"
        );
        // A condition before the subject stays with the task.
        assert_eq!(
            action("If the text is ready, the Secretariat will circulate it by 5 May."),
            "circulate it (if the text is ready) <- the Secretariat"
        );
        assert_eq!(
            action("Once agreed, the Secretariat will publish the report."),
            "publish the report (once agreed) <- the Secretariat"
        );
        // The test for a condition reads the first bytes of any subject, accented or not.
        assert_eq!(action("Inès will send it."), "send it <- Inès");
        // A future reported without "that" belongs to the clause's subject.
        assert_eq!(
            action("Mallory said the Secretariat will update the page by 6 May."),
            "update the page <- the Secretariat"
        );
        assert_eq!(
            action("She added the co-chairs will prepare a note."),
            "prepare a note <- the co-chairs"
        );
        // A reporting verb with an object before "and" reports no clause.
        assert_eq!(
            action("Kwame noted the proposal and the Secretariat will circulate it by 5 May."),
            "-"
        );
        assert_eq!(
            action("The deadline was extended: members are invited to send comments by 9 October."),
            "send comments <- all"
        );
    }

    #[test]
    fn reads_action_cues() {
        assert_eq!(
            action(
                "He reiterated the call for people to look at the document and provide feedback, comments, and suggestions, with a deadline of 5 December."
            ),
            "look at the document and provide feedback, comments, and suggestions <- all"
        );
        assert_eq!(
            action(
                "After that, the co-chairs of the MAG Working Groups (Strategy and Workshop Processes) will coordinate on how to finalise an output of the work."
            ),
            "coordinate on how to finalise an output of the work <- the co-chairs of the MAG Working Groups (Strategy and Workshop Processes)"
        );
        assert_eq!(
            action("The precise date and time will be shared to the list by the chairs."),
            "share the precise date and time to the list <- the chairs"
        );
        assert_eq!(
            action("She also noted that there will be more work building on the Track."),
            "-"
        );
        assert_eq!(action("Such a document would help position the IGF."), "-");
        assert_eq!(
            action("Action: Secretariat to circulate the revised draft by 15 January."),
            "circulate the revised draft <- Secretariat"
        );
        assert_eq!(
            action("Members are invited to send comments by 20 March."),
            "send comments <- all"
        );
        assert_eq!(
            action("She will circulate a note."),
            "circulate a note <- Lito Ibarra"
        );
    }

    /// The pattern `passive` reads as, in one piece.
    static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<object>.{3,120}?) will be (?P<participle>[a-z]+) (?P<rest>.*?)(?-u:\b)by (?P<who>the [a-z -]+|[A-Z][A-Za-z0-9_\u{C0}-\u{24F}\u{1E00}-\u{1EFF}'’ -]{1,60}?)(?P<tail>[,.;]|$| on | before | no later)")
            .expect("the passive pattern is valid")
    });

    /// `passive`'s parts, and those of the pattern in one piece, side by side.
    fn passive_both(sentence: &str) -> (Option<[&str; 4]>, Option<[&str; 4]>) {
        let by_hand = passive(sentence).map(|p| [p.object, p.participle, p.rest, p.who]);
        let by_pattern = PASSIVE.captures(sentence).map(|caps| {
            ["object", "participle", "rest", "who"].map(|n| caps.name(n).map_or("", |m| m.as_str()))
        });
        (by_hand, by_pattern)
    }

    #[test]
    fn reads_passive_actions_as_the_whole_pattern() {
        for sentence in [
            "The precise date and time will be shared to the list by the chairs.",
            "It will be sent by Ana. The note will be posted by Maria López on Friday",
            "A will be sent by the chair; the text will be circulated by Tobias before noon",
            "Ab will be will be sent by Kofi, then",
            "The draft\nwill be sent by the chair.",
        ] {
            let (by_hand, by_pattern) = passive_both(sentence);
            assert_eq!(by_hand, by_pattern, "{sentence}");
        }
    }

    proptest::proptest! {
        #[test]
        fn reads_any_passive_as_the_whole_pattern(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "The text", "it", "ab", "é", "will be", "will", "be", "shared", "sent", "to",
                    "the list", "by", "the chairs", "Tobias", "Maria López", "on", "before",
                    "no later", ",", ".", ";", "\n", "x", "Sent", "by the", "a long clause of many words",
                ]),
                0..16,
            ),
        ) {
            let sentence = words.join(" ");
            let (by_hand, by_pattern) = passive_both(&sentence);
            proptest::prop_assert_eq!(by_hand, by_pattern);
        }
    }

    #[test]
    fn reads_listed_actions() {
        let found = listed("- Secretariat to circulate the revised draft by 15 January.");
        assert_eq!(
            (found.what.as_str(), found.owner.as_deref()),
            ("circulate the revised draft", Some("Secretariat"))
        );
        let found = listed("Review the budget table");
        assert_eq!(
            (found.what.as_str(), found.owner),
            ("Review the budget table", None)
        );
    }

    fn decision(sentence: &str) -> bool {
        is_decision(sentence, &Cues::scan(sentence))
    }

    #[test]
    fn reads_decision_cues() {
        assert!(decision("It was agreed that the paper goes to the MAG."));
        assert!(decision("The group decided to meet monthly."));
        assert!(decision("RESOLVED: adopt the charter"));
        assert!(decision("The agenda was adopted without changes."));
        assert!(decision(
            "Lars noted one correction, after which the minutes were approved."
        ));
        assert!(!decision("Chris agreed that this is a positive path."));
    }
}
