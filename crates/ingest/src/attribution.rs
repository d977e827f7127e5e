//! Who a sentence reports as speaking.
//!
//! Summary reports attribute speech with a person as subject and a reporting verb
//! ("Chris agreed that…", "Mr. Okafor (Nigeria) stressed…", "The Chair noted…"), with a
//! pronoun that continues the previous speaker ("She also noted…", "Her general impression
//! is…"), in the passive ("It was noted by the Secretariat that…"), or not at all
//! ("There was discussion of…"). This module reads one sentence and says which of these it
//! is; it does not resolve names (that is the roster's job) and never looks beyond the
//! sentence.

use std::sync::LazyLock;

/// What a sentence's subject is. Names are slices of the sentence: a reader copies only
/// what goes into its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject<'s> {
    /// A named person or a role ("the Chair"), with the byte range of the name in the sentence.
    Person {
        written: &'s str,
        start: usize,
        end: usize,
    },
    /// Two or more named people who said the same ("Kenji and Lucía both noted", "Grace,
    /// Sione and Fatou noted"): each name with its byte range, in the order written.
    People(Vec<Named<'s>>),
    /// She, he, they, her, his: the current speaker goes on.
    Pronoun,
    /// The group as a whole or nobody in particular ("There was discussion", "Participants noted").
    Collective,
    /// No attribution: the sentence continues whatever came before.
    Plain,
}

/// A name as written in a sentence, with its byte range there.
pub type Named<'s> = (&'s str, usize, usize);

/// The attribution of one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution<'s> {
    pub subject: Subject<'s>,
    /// The reporting verb as written ("noted", "provided a quick update").
    pub act: Option<&'s str>,
    /// Byte offset just after the act, where the reported content begins.
    pub act_end: usize,
    /// Whether "also" qualifies the act ("Jorge also agreed"): it continues an earlier point.
    pub also: bool,
}

impl Attribution<'_> {
    fn plain() -> Self {
        Attribution {
            subject: Subject::Plain,
            act: None,
            act_end: 0,
            also: false,
        }
    }
}

/// Verbs that report speech, in the forms reports use.
const VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "addressed",
    "agreed",
    "agrees",
    "announced",
    "apologised",
    "apologized",
    "appreciated",
    "argued",
    "asked",
    "believed",
    "believes",
    "briefed",
    "called",
    "cautioned",
    "clarified",
    "closed",
    "commented",
    "committed",
    "concluded",
    "concurred",
    "confirmed",
    "congratulated",
    "considered",
    "contended",
    "described",
    "disagreed",
    "circulated",
    "delivered",
    "doubted",
    "drew",
    "echoed",
    "elaborated",
    "emphasised",
    "emphasized",
    "encouraged",
    "endorsed",
    "enquired",
    "expressed",
    "explained",
    "explains",
    "feels",
    "felt",
    "flagged",
    "gave",
    "highlighted",
    "hoped",
    "hopes",
    "identified",
    "indicated",
    "informed",
    "inquired",
    "insisted",
    "introduced",
    "invited",
    "maintained",
    "mentioned",
    "noted",
    "notes",
    "objected",
    "observed",
    "offered",
    "opened",
    "opposed",
    "outlined",
    "pointed",
    "posed",
    "presented",
    "proposed",
    "proposes",
    "provided",
    "queried",
    "questioned",
    "raised",
    "recalled",
    "recommended",
    "referred",
    "reflected",
    "regretted",
    "reiterated",
    "returned",
    "remarked",
    "reminded",
    "replied",
    "reported",
    "requested",
    "responded",
    "said",
    "says",
    "seconded",
    "shared",
    "spoke",
    "stated",
    "states",
    "stressed",
    "tabled",
    "stresses",
    "suggested",
    "suggests",
    "summarised",
    "summarized",
    "supported",
    "thanked",
    "thinks",
    "thought",
    "underlined",
    "underscored",
    "undertook",
    "updated",
    "urged",
    "volunteered",
    "warned",
    "welcomed",
    "wished",
    "wondered",
];

/// Whether `word` is one of `VERBS`: a set lookup, where the list would be compared word by
/// word (it is consulted for most words of many sentences).
fn is_verb(word: &str) -> bool {
    static SET: LazyLock<foldhash::HashSet<&str>> =
        LazyLock::new(|| VERBS.iter().copied().collect());
    SET.contains(word)
}

/// Whether `word` is one of `ADVERBS`.
fn is_adverb(word: &str) -> bool {
    static SET: LazyLock<foldhash::HashSet<&str>> =
        LazyLock::new(|| ADVERBS.iter().copied().collect());
    SET.contains(word)
}

/// Words that may stand between a subject and its verb ("Jorge also agreed").
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "then",
    "again",
    "briefly",
    "additionally",
    "strongly",
    "clearly",
    "subsequently",
    "later",
    "similarly",
    "finally",
    "however",
    "likewise",
    "moreover",
    "too",
    "firmly",
    "fully",
    "kindly",
    "both",
    "all",
    "therefore",
    "thus",
    "generally",
    "broadly",
];

const PRONOUNS: &[&str] = &["She", "He", "They", "Her", "His", "Their", "Hers", "Theirs"];

/// First words of a subject that is the group, or several unnamed people.
const COLLECTIVE: &[&str] = &[
    "Participants",
    "Members",
    "Several",
    "Many",
    "Some",
    "Most",
    "All",
    "Others",
    "Everyone",
    "Delegates",
    "Delegations",
    "Attendees",
    "Colleagues",
    "Speakers",
    "Various",
    "Numerous",
    "A number",
    "Discussion",
    "Discussions",
];

/// Nouns that make "The …" a collective subject ("The group agreed").
const COLLECTIVE_NOUNS: &[&str] = &[
    "group",
    "meeting",
    "members",
    "participants",
    "committee",
    "wg",
    "working group",
    "mag",
    "co-chairs",
    "chairs",
    "delegations",
    "delegates",
    "attendees",
    "plenary",
    "room",
];

/// Role phrases that name one person ("the Chair").
pub const ROLE_WORDS: &[&str] = &[
    "Chair",
    "Co-Chair",
    "Co-chair",
    "Cochair",
    "Vice-Chair",
    "Vice-chair",
    "Chairperson",
    "Chairman",
    "Chairwoman",
    "Secretariat",
    "Secretary",
    "Moderator",
    "Rapporteur",
    "Facilitator",
];

/// One word of a sentence, with its place.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    text: &'a str,
    /// The word opens a parenthesis: "(Netherlands)" is no part of the name before it.
    opens: bool,
    /// Punctuation follows the word ("Chapelle,"): a name does not go on past it.
    closes: bool,
    start: usize,
    end: usize,
}

/// Words of a sentence with their byte ranges; punctuation around a word is not part of it,
/// except the full stop of an abbreviation ("Mr.") and inner hyphens and apostrophes.
#[cfg(test)]
pub fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    words_into(sentence, &mut out);
    out
}

/// `words` into a list the caller keeps from one sentence to the next: a reader that splits
/// thousands of sentences allocates its list of words once.
pub fn words_into<'s>(sentence: &'s str, out: &mut Vec<Word<'s>>) {
    out.clear();
    // About one word in five bytes: room for most sentences, so that the list never grows
    // one by one.
    out.reserve(sentence.len() / 5 + 1);
    if sentence.is_ascii() {
        ascii_words(sentence, out);
    } else {
        any_words(sentence, out);
    }
}

/// `words_into` for any text, character by character.
fn any_words<'s>(sentence: &'s str, out: &mut Vec<Word<'s>>) {
    let mut offset = 0;
    for raw in sentence.split_inclusive(char::is_whitespace) {
        let start_raw = offset;
        offset += raw.len();
        let trimmed = raw.trim_end();
        let lead = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let core = &trimmed[lead..];
        let mut core = core.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
        // Keep the stop of "Mr." and "H.E."; drop a sentence's final full stop.
        if core.ends_with('.') && !crate::roster::is_honorific(core) {
            core = core.trim_end_matches('.');
        }
        if core.is_empty() {
            continue;
        }
        let start = start_raw + lead;
        out.push(Word {
            text: core,
            opens: trimmed.starts_with('('),
            closes: trimmed.ends_with([',', ';', ':', ')']),
            start,
            end: start + core.len(),
        });
    }
}

/// An emptied list of words that keeps its buffer but no longer borrows the sentence it was
/// filled from, to be filled again from the next one. Collecting a list's iterator into a
/// list of the same size reuses its buffer (the standard library's in-place collection).
pub fn recycle(mut words: Vec<Word<'_>>) -> Vec<Word<'static>> {
    words.clear();
    words
        .into_iter()
        .map(|_| unreachable!("the list was emptied"))
        .collect()
}

/// What [`ascii_words`] needs to know of an ASCII byte.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const STOP: u8 = 4;

/// [`SPACE`] for the white space of `char::is_whitespace` in ASCII, [`ALNUM`] for letters
/// and digits, [`STOP`] for the full stop.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else if byte.is_ascii_alphanumeric() {
            ALNUM
        } else if byte == b'.' {
            STOP
        } else {
            0
        };
        b += 1;
    }
    table
};

/// `words` for ASCII text, byte by byte: the same words as `any_words`, without decoding
/// characters. One pass over each token finds its first letter or digit and its last
/// letter, digit or full stop.
fn ascii_words<'s>(sentence: &'s str, out: &mut Vec<Word<'s>>) {
    let bytes = sentence.as_bytes();
    let class = |i: usize| BYTE_CLASS[usize::from(bytes[i])];
    let mut i = 0;
    while i < bytes.len() {
        if class(i) == SPACE {
            i += 1;
            continue;
        }
        let token_start = i;
        // The first letter or digit, and the end of the last letter, digit or full stop.
        let mut lead = None;
        let mut keep = 0;
        while i < bytes.len() {
            let c = class(i);
            if c == SPACE {
                break;
            }
            if c == ALNUM && lead.is_none() {
                lead = Some(i);
            }
            if c & (ALNUM | STOP) != 0 {
                keep = i + 1;
            }
            i += 1;
        }
        // A token without a letter or digit is no word.
        let Some(start) = lead else {
            continue;
        };
        let mut core = &sentence[start..keep];
        // Keep the stop of "Mr." and "H.E."; drop a sentence's final full stop.
        if core.ends_with('.') && !crate::roster::is_honorific(core) {
            core = core.trim_end_matches('.');
        }
        out.push(Word {
            text: core,
            opens: bytes[token_start] == b'(',
            closes: matches!(bytes[i - 1], b',' | b';' | b':' | b')'),
            start,
            end: start + core.len(),
        });
    }
}

fn is_capitalised(word: &str) -> bool {
    let bytes = word.as_bytes();
    // Most words start with an ASCII letter, whose case is its ASCII case; a lower-case
    // letter is then found among the bytes before any character is decoded.
    if bytes.first().is_some_and(u8::is_ascii) {
        return bytes[0].is_ascii_uppercase()
            && (bytes.iter().any(u8::is_ascii_lowercase)
                || (!word.is_ascii() && word.chars().any(char::is_lowercase)));
    }
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Whether a word can be part of a person's name.
fn is_name_word(word: &str) -> bool {
    // An initial ("Daniel F.") is part of a name.
    if word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) && word != "I" && word != "A"
    {
        return true;
    }
    let letters = || {
        if word.is_ascii() {
            word.bytes()
                .all(|b| b.is_ascii_alphabetic() || matches!(b, b'-' | b'\'' | b'.'))
        } else {
            word.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        }
    };
    is_capitalised(word) && letters() && !word.ends_with("'s") && !word.ends_with("’s")
}

/// Whether the particles at word `j` ("van der") lead into a name word.
fn particles_then_name(words: &[Word<'_>], mut j: usize) -> bool {
    while words
        .get(j)
        .is_some_and(|w| crate::roster::is_particle(w.text))
    {
        j += 1;
    }
    words.get(j).is_some_and(|w| is_name_word(w.text))
}

/// The index after a name that starts at word `start`: up to six name words and particles.
fn name_end(words: &[Word<'_>], start: usize) -> usize {
    let mut j = start;
    while j < words.len() && j - start < 6 {
        let w = words[j].text;
        let particle = crate::roster::is_particle(w) && particles_then_name(words, j);
        if (is_name_word(w) || particle) && !(words[j].opens && j > start) {
            j += 1;
            if words[j - 1].closes {
                break;
            }
        } else {
            break;
        }
    }
    j
}

/// The names that follow a first name ending at word `j` in a list of speakers: ", Name"
/// any number of times, then "(,) and Name" to close it. The names with their byte ranges,
/// and the word after the last; `None` unless the list closes with "and" and a name.
fn more_names<'s>(
    sentence: &'s str,
    words: &[Word<'s>],
    mut j: usize,
) -> Option<(Vec<Named<'s>>, usize)> {
    let mut names = Vec::new();
    loop {
        // A comma right after the previous name ("Grace, Sione"): its word closes, and the
        // byte after it is the comma.
        let comma = sentence.as_bytes().get(words.get(j.checked_sub(1)?)?.end) == Some(&b',');
        let and = words.get(j).is_some_and(|w| w.text == "and");
        if !comma && !and {
            return None;
        }
        let from = j + usize::from(and);
        let to = name_end(words, from);
        if to == from {
            return None;
        }
        let (s, e) = (words[from].start, words[to - 1].end);
        names.push((&sentence[s..e], s, e));
        j = to;
        if and {
            return Some((names, j));
        }
    }
}

/// Words that are capitalised at the start of a sentence but never begin a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "There",
    "In",
    "On",
    "At",
    "For",
    "With",
    "As",
    "A",
    "An",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Such",
    "Both",
    "Each",
    "One",
    "We",
    "You",
    "I",
    "Our",
    "Its",
    "No",
    "Not",
    "Any",
    "Another",
    "Other",
    "Also",
    "However",
    "Finally",
    "Further",
    "Furthermore",
    "Moreover",
    "Then",
    "Next",
    "Lastly",
    "Additionally",
    "Overall",
    "Regarding",
    "Concerning",
    "During",
    "Following",
    "Since",
    "Given",
    "Today",
    "Revision",
    "Rev",
    "Outputs",
    "Output",
    "Action",
    "Decision",
    "Note",
    "Item",
    "Agenda",
];

/// Reads the subject and reporting verb of one sentence.
#[cfg(test)]
pub fn analyse(sentence: &str) -> Attribution<'_> {
    analyse_words(sentence, &words(sentence))
}

/// Whether any of `words` is one of `wanted` (ASCII letters, any case).
pub fn has_word(words: &[Word<'_>], wanted: &[&str]) -> bool {
    words.iter().any(|w| {
        wanted
            .iter()
            .any(|x| x.len() == w.text.len() && x.eq_ignore_ascii_case(w.text))
    })
}

/// Reads the subject and reporting verb of a sentence already split into `words`.
pub fn analyse_words<'s>(sentence: &'s str, words: &[Word<'s>]) -> Attribution<'s> {
    if words.is_empty() {
        return Attribution::plain();
    }
    if let Some(found) = subject_at(sentence, words, 0) {
        return found;
    }
    // A leading adverbial ("Finally, she noted", "In response, Anja noted"): try after it.
    if let Some(comma) = crate::text::find_str(sentence, ", ") {
        let before = words.iter().take_while(|w| w.end <= comma).count();
        if (1..=14).contains(&before)
            && !words[..before].iter().any(|w| is_verb(w.text))
            && let Some(found) = subject_at(sentence, words, before)
        {
            return found;
        }
    }
    if let Some(found) = passive(sentence, words) {
        return found;
    }
    // "Concerns were raised that…": something was said, and the text does not say by whom.
    if words.len() > 3
        && matches!(words[1].text, "was" | "were")
        && matches!(
            words[2].text,
            "raised"
                | "expressed"
                | "voiced"
                | "noted"
                | "asked"
                | "made"
                | "shared"
                | "mentioned"
                | "suggested"
        )
        && matches!(
            words[0].text,
            "Concerns"
                | "Concern"
                | "Questions"
                | "Doubts"
                | "Reservations"
                | "Views"
                | "Comments"
                | "Support"
                | "Objections"
                | "Suggestions"
        )
    {
        return Attribution {
            subject: Subject::Collective,
            act: Some(words[2].text),
            act_end: words[2].end,
            also: false,
        };
    }
    Attribution::plain()
}

/// Tries to read `subject (adverbs) verb` starting at word `i`.
fn subject_at<'s>(sentence: &'s str, words: &[Word<'s>], i: usize) -> Option<Attribution<'s>> {
    let first = words.get(i)?;
    if PRONOUNS.contains(&first.text) || (i > 0 && is_capitalised_pronoun(first.text)) {
        let (act, act_end, also) = verb_after(sentence, words, i + 1)
            .map_or((None, first.end, false), |(a, e, also)| (Some(a), e, also));
        return Some(Attribution {
            subject: Subject::Pronoun,
            act,
            act_end,
            also,
        });
    }
    if first.text == "There"
        || (first.text == "It" && words.get(i + 1).is_some_and(|w| w.text == "was"))
    {
        return collective_or_passive(sentence, words, i);
    }
    if COLLECTIVE.contains(&first.text) {
        return collective_verb(sentence, words, i + 1);
    }
    let mut j = i;
    // "The Chair", "the Secretariat", "The group".
    if first.text.eq_ignore_ascii_case("the") {
        let next = words.get(i + 1)?;
        if ROLE_WORDS.contains(&next.text) {
            let (act, act_end, also) =
                verb_after(sentence, words, skip_apposition(sentence, words, i + 2))?;
            return Some(Attribution {
                subject: Subject::Person {
                    written: &sentence[first.start..next.end],
                    start: first.start,
                    end: next.end,
                },
                act: Some(act),
                act_end,
                also,
            });
        }
        // "The delegation of Japan", "the representative of Kenya": a person by their country.
        if matches!(
            next.text,
            "delegation" | "representative" | "delegate" | "Delegation" | "Representative"
        ) && words.get(i + 2).is_some_and(|w| w.text == "of")
        {
            let end_word = name_end(words, i + 3);
            if end_word > i + 3 {
                let end = words[end_word - 1].end;
                let (act, act_end, also) =
                    verb_after(sentence, words, skip_apposition(sentence, words, end_word))?;
                return Some(Attribution {
                    subject: Subject::Person {
                        written: &sentence[first.start..end],
                        start: first.start,
                        end,
                    },
                    act: Some(act),
                    act_end,
                    also,
                });
            }
        }
        let two = words.get(i + 2).is_some_and(|w| {
            COLLECTIVE_NOUNS
                .iter()
                .filter_map(|noun| noun.split_once(' '))
                .any(|(a, b)| lowers_to(next.text, a) && lowers_to(w.text, b))
        });
        if two {
            return collective_verb(sentence, words, i + 3);
        }
        if COLLECTIVE_NOUNS
            .iter()
            .any(|noun| lowers_to(next.text, noun))
        {
            return collective_verb(sentence, words, i + 2);
        }
        return None;
    }
    // Honorifics, then the name's words.
    j = skip_honorifics(words, j);
    let name_start = j;
    if words.get(j).is_some_and(|w| NOT_NAMES.contains(&w.text)) && j == i {
        return None;
    }
    j = name_end(words, j);
    if j == name_start {
        return None;
    }
    let start = words[i].start;
    let end = words[j - 1].end;
    // "Kenji and Lucía (both) noted", "Grace, Sione(,) and Fatou noted": several speakers
    // of one sentence.
    if let Some((names, after)) = more_names(sentence, words, j)
        && let Some((act, act_end, also)) = verb_after(sentence, words, after)
    {
        let mut people = Vec::with_capacity(names.len() + 1);
        people.push((&sentence[start..end], start, end));
        people.extend(names);
        return Some(Attribution {
            subject: Subject::People(people),
            act: Some(act),
            act_end,
            also,
        });
    }
    let after = skip_apposition(sentence, words, j);
    let (act, act_end, also) = verb_after(sentence, words, after)?;
    Some(Attribution {
        subject: Subject::Person {
            written: &sentence[start..end],
            start,
            end,
        },
        act: Some(act),
        act_end,
        also,
    })
}

/// The first word from `j` on that is no honorific ("Ms.", "Ambassador"; "Her" of "Her
/// Excellency" is a pronoun too, and is not skipped).
fn skip_honorifics(words: &[Word<'_>], mut j: usize) -> usize {
    while words
        .get(j)
        .is_some_and(|w| crate::roster::is_honorific(w.text) && w.text != "Her" && w.text != "His")
    {
        j += 1;
    }
    j
}

/// A sentence that opens with a name and a verb in the past tense that is not among the
/// reporting verbs ("Kwame walked the group through the draft", "Ms. Obi circulated…"): the
/// name and the verb. `analyse_words` leaves such a sentence plain, since a capitalised word
/// before a past tense is as often a place or a body ("Geneva hosted…"); a reader that knows
/// the participants takes it as theirs when the name is one of them.
pub fn name_and_past_tense<'s>(
    sentence: &'s str,
    words: &[Word<'s>],
) -> Option<(Named<'s>, &'s str, usize)> {
    let j = skip_honorifics(words, 0);
    let first = words.get(j)?;
    if NOT_NAMES.contains(&first.text) || PRONOUNS.contains(&first.text) {
        return None;
    }
    let end_word = name_end(words, j);
    if end_word == j {
        return None;
    }
    let mut k = skip_apposition(sentence, words, end_word);
    while words.get(k).is_some_and(|w| is_adverb(w.text)) {
        k += 1;
    }
    let verb = words.get(k)?;
    let past = verb.text.len() >= 5
        && verb.text.ends_with("ed")
        && verb.text.bytes().all(|b| b.is_ascii_lowercase());
    if !past || (words[end_word - 1].closes && k == end_word) {
        return None;
    }
    let (start, end) = (words[0].start, words[end_word - 1].end);
    Some((
        (&sentence[start..end], start, end),
        &sentence[verb.start..verb.end],
        verb.end,
    ))
}

/// A reporting verb within three words of `from` ("Several members also noted"): the group
/// speaks, nobody in particular.
fn collective_verb<'s>(
    sentence: &'s str,
    words: &[Word<'s>],
    from: usize,
) -> Option<Attribution<'s>> {
    (from..from + 3).find_map(|at| {
        let (act, act_end, also) = verb_after(sentence, words, at)?;
        Some(Attribution {
            subject: Subject::Collective,
            act: Some(act),
            act_end,
            also,
        })
    })
}

/// Whether `word` with its first letter in upper case is one of `PRONOUNS` ("she" after
/// "Finally,"). A word that starts with an ASCII letter is compared in place.
fn is_capitalised_pronoun(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii) {
        return PRONOUNS.iter().any(|p| {
            p.len() == bytes.len()
                && p.as_bytes()[0] == bytes[0].to_ascii_uppercase()
                && p.as_bytes()[1..] == bytes[1..]
        });
    }
    PRONOUNS.contains(&capitalise(word).as_str())
}

/// Whether `word` in lower case is `lower`: compared in place when the word is ASCII, whose
/// lower case is its ASCII lower case.
fn lowers_to(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Skips "(Kenya)" or ", co-chair of the group," after a name; returns the next word index.
fn skip_apposition(sentence: &str, words: &[Word<'_>], j: usize) -> usize {
    let Some(prev) = j.checked_sub(1).and_then(|p| words.get(p)) else {
        return j;
    };
    let rest = &sentence[prev.end..];
    let trimmed = rest.trim_start_matches(['*', '_']).trim_start();
    let close = match trimmed.chars().next() {
        Some('(') => ')',
        Some(',') => ',',
        _ => return j,
    };
    let open_at = prev.end + (rest.len() - trimmed.len());
    debug_assert!(sentence[open_at..].starts_with(['(', ',']));
    let Some(len) = sentence[open_at + 1..].find(close) else {
        return j;
    };
    let close_at = open_at + 1 + len;
    let skipped = words[j..].iter().take_while(|w| w.end <= close_at).count();
    if skipped > 10 {
        return j;
    }
    j + skipped
}

/// Reads `(adverbs) verb` at word `j`: the act as written, where it ends, and whether "also".
fn verb_after<'s>(
    sentence: &'s str,
    words: &[Word<'s>],
    mut j: usize,
) -> Option<(&'s str, usize, bool)> {
    let mut also = false;
    while let Some(w) = words.get(j) {
        if is_adverb(w.text) {
            also |= matches!(w.text, "also" | "too" | "likewise" | "similarly");
            j += 1;
        } else {
            break;
        }
    }
    let verb = words.get(j)?;
    if !is_verb(verb.text) {
        return None;
    }
    // Acts of several words keep their words: "provided a quick update", "pointed out".
    // Up to three words after the verb, in place rather than in a list of their own.
    let mut tail = [""; 3];
    let mut count = 0;
    for (slot, w) in tail.iter_mut().zip(&words[j + 1..]) {
        *slot = w.text;
        count += 1;
    }
    let extra = match (verb.text, &tail[..count]) {
        ("provided" | "gave", ["a" | "an", "update", ..]) => 2,
        (
            "provided" | "gave",
            [
                "a" | "an",
                "quick" | "brief" | "short" | "general",
                "update",
                ..,
            ],
        ) => 3,
        ("pointed", ["out", ..]) => 1,
        ("drew", ["attention", ..]) => 1,
        ("took", ["the", "floor", ..]) => 2,
        _ => 0,
    };
    let end = words[j + extra].end;
    Some((&sentence[verb.start..end], end, also))
}

/// "There was discussion…", "It was agreed…", "It was noted by the Secretariat that…".
fn collective_or_passive<'s>(
    sentence: &'s str,
    words: &[Word<'s>],
    i: usize,
) -> Option<Attribution<'s>> {
    if let Some(found) = passive(sentence, words) {
        return Some(found);
    }
    let act = words.get(i + 2).map(|w| w.text);
    Some(Attribution {
        subject: Subject::Collective,
        act,
        act_end: words.get(i + 2).map_or(0, |w| w.end),
        also: false,
    })
}

/// "It was noted by X that", "Concerns were raised by X": the agent after "by" speaks.
fn passive<'s>(sentence: &'s str, words: &[Word<'s>]) -> Option<Attribution<'s>> {
    let by = words.iter().position(|w| w.text == "by")?;
    if !(2..=8).contains(&by) {
        return None;
    }
    let participle = words[by - 1].text;
    let aux = words[..by - 1]
        .iter()
        .any(|w| matches!(w.text, "was" | "were"));
    if !aux || !is_verb(participle) {
        return None;
    }
    let mut j = by + 1;
    let start = words.get(j)?.start;
    if words[j].text.eq_ignore_ascii_case("the") {
        let role = words.get(j + 1)?;
        if !ROLE_WORDS.contains(&role.text) {
            return None;
        }
        j += 2;
    } else {
        while words
            .get(j)
            .is_some_and(|w| crate::roster::is_honorific(w.text))
        {
            j += 1;
        }
        let name_start = j;
        j = name_end(words, j);
        if j == name_start {
            return None;
        }
    }
    let end = words[j - 1].end;
    Some(Attribution {
        subject: Subject::Person {
            written: &sentence[start..end],
            start,
            end,
        },
        act: Some(participle),
        act_end: end,
        also: false,
    })
}

/// Runs of capitalised words that may be names, with their byte ranges: candidates for
/// mentions. A run followed by "'s" is returned without it.
#[cfg(test)]
pub fn name_runs(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    name_runs_into(&words(sentence), &mut out);
    out
}

/// Name runs of a sentence already split into `words`, into a list the caller keeps from one
/// sentence to the next.
pub fn name_runs_into(words: &[Word<'_>], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut j = 0;
    while j < words.len() {
        let w = words[j].text;
        // Most words start with an ASCII byte that is no capital letter: neither a name word
        // nor a capitalised possessive can start a run there.
        if w.as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            j += 1;
            continue;
        }
        let possessive = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
        if let Some(base) = possessive.filter(|b| is_capitalised(b)) {
            out.push((words[j].start, words[j].start + base.len()));
            j += 1;
            continue;
        }
        if !is_name_word(w) || crate::roster::is_honorific(w) {
            j += 1;
            continue;
        }
        let start = j;
        j += 1;
        while j < words.len() && j - start < 5 {
            let next = words[j].text;
            let particle = crate::roster::is_particle(next) && particles_then_name(words, j);
            if let Some(base) = next.strip_suffix("'s").or_else(|| next.strip_suffix("’s"))
                && is_capitalised(base)
            {
                out.push((words[start].start, words[j].start + base.len()));
                j += 1;
                break;
            }
            if is_name_word(next) || particle {
                j += 1;
            } else {
                out.push((words[start].start, words[j - 1].end));
                break;
            }
        }
        if j >= words.len() && out.last().is_none_or(|&(s, _)| s != words[start].start) {
            out.push((words[start].start, words[j - 1].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// The byte-by-byte split of ASCII text finds the words the character-by-character
        /// split finds, with the same flags and places.
        #[test]
        fn ascii_words_are_the_words_of_any_text(
            text in "[ a-zA-Z0-9.,;:()'\\-\\t\\r\\n!?\"/&]{0,80}",
        ) {
            let (mut ascii, mut any) = (Vec::new(), Vec::new());
            ascii_words(&text, &mut ascii);
            any_words(&text, &mut any);
            proptest::prop_assert_eq!(format!("{ascii:?}"), format!("{any:?}"));
        }

        /// The same, over sentences of words that honorifics, abbreviations and brackets
        /// make hard to split.
        #[test]
        fn ascii_words_split_hard_words_alike(
            tokens in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "Mr.", "Ms.", "H.E.", "Dr.", "(Netherlands),", "etc.)", "..", "Chapelle,",
                        "Rev.2", "e.g.", "(3)", "U.S.", "--", "\"quoted\"", "end.", "Mr..", "a.",
                    ]).prop_map(str::to_owned),
                    "[a-zA-Z0-9.,;:()'-]{1,8}",
                ],
                0..12,
            ),
            separators in proptest::collection::vec("[ \\t\\n]{1,2}", 12),
        ) {
            let text: String = tokens
                .iter()
                .zip(&separators)
                .map(|(t, s)| format!("{t}{s}"))
                .collect();
            let (mut ascii, mut any) = (Vec::new(), Vec::new());
            ascii_words(&text, &mut ascii);
            any_words(&text, &mut any);
            proptest::prop_assert_eq!(format!("{ascii:?}"), format!("{any:?}"));
        }
    }

    fn who(sentence: &str) -> String {
        let a = analyse(sentence);
        let subject = match a.subject {
            Subject::Person { written, .. } => written.to_owned(),
            Subject::People(names) => names.iter().map(|n| n.0).collect::<Vec<_>>().join(" + "),
            Subject::Pronoun => "<pronoun>".into(),
            Subject::Collective => "<group>".into(),
            Subject::Plain => "<plain>".into(),
        };
        format!(
            "{subject} / {}{}",
            a.act.unwrap_or_default(),
            if a.also { " (also)" } else { "" }
        )
    }

    #[test]
    fn reads_subjects_and_acts() {
        assert_eq!(
            who("Titti noted that Revision 2 was published."),
            "Titti / noted"
        );
        assert_eq!(
            who("Jorge also agreed that the efforts failed."),
            "Jorge / agreed (also)"
        );
        assert_eq!(
            who("She also noted the reinsertion of language."),
            "<pronoun> / noted (also)"
        );
        assert_eq!(
            who("Her general impression of the document is good."),
            "<pronoun> / "
        );
        assert_eq!(
            who("Finally, she noted the ambiguity."),
            "<pronoun> / noted"
        );
        assert_eq!(
            who("Anja provided a quick update, noting that all reports are done."),
            "Anja / provided a quick update"
        );
        assert_eq!(
            who("There was discussion of holding the next meeting."),
            "<group> / discussion"
        );
        assert_eq!(
            who("It was noted by the Secretariat that funds are low."),
            "the Secretariat / noted"
        );
        assert_eq!(
            who("Concerns were raised by Ms. Priya Natarajan about costs."),
            "Ms. Priya Natarajan / raised"
        );
        assert_eq!(
            who("Mr. van der Berg (Netherlands) stressed the point."),
            "Mr. van der Berg / stressed"
        );
        assert_eq!(
            who("The Chair welcomed participants."),
            "The Chair / welcomed"
        );
        assert_eq!(who("The group agreed to meet again."), "<group> / agreed");
        assert_eq!(
            who("Outputs can be viewed on the IGF website."),
            "<plain> / "
        );
        assert_eq!(
            who("Such a document would help position the IGF."),
            "<plain> / "
        );
        assert_eq!(
            who("After that, the co-chairs will coordinate."),
            "<plain> / "
        );
        assert_eq!(who("**Maria** noted the link."), "Maria / noted");
        assert_eq!(
            who("Kenji and Lucía both noted the gap."),
            "Kenji + Lucía / noted"
        );
        assert_eq!(
            who("Grace, Sione and Fatou noted that this was acceptable."),
            "Grace + Sione + Fatou / noted"
        );
        assert_eq!(
            who("Grace, Sione, and Fatou Diallo all agreed."),
            "Grace + Sione + Fatou Diallo / agreed"
        );
        // A comma after a name that no "and" closes is an apposition, not a list.
        assert_eq!(who("Chris, the co-chair, noted the gap."), "Chris / noted");
        assert_eq!(
            who("Bertrand de La Chapelle, Director of the Network, questioned this."),
            "Bertrand de La Chapelle / questioned"
        );
    }

    #[test]
    fn finds_a_name_before_a_verb_it_does_not_know() {
        fn found(sentence: &str) -> Option<(&str, &str)> {
            let mut words = Vec::new();
            words_into(sentence, &mut words);
            name_and_past_tense(sentence, &words).map(|((name, _, _), verb, _)| (name, verb))
        }
        assert_eq!(
            found("Kwame walked the group through the draft."),
            Some(("Kwame", "walked"))
        );
        assert_eq!(
            found("Ms. Grace Obi, from the Ministry, briefly circulated a table."),
            Some(("Ms. Grace Obi", "circulated"))
        );
        assert_eq!(
            found("Geneva hosted the session."),
            Some(("Geneva", "hosted"))
        );
        assert_eq!(found("She walked the group through it."), None);
        assert_eq!(found("The Chair walked the group through it."), None);
        assert_eq!(found("Kwame has the floor."), None);
        assert_eq!(found("Kwame led it."), None);
    }

    #[test]
    fn finds_name_runs() {
        let s = "Titti introduced the work that Lito and Peace have led, and Timea's concern.";
        let runs: Vec<&str> = name_runs(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(runs, ["Titti", "Lito", "Peace", "Timea"]);
    }
}
