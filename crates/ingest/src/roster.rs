//! Who is who: resolving a name as written ("Jorge", "Mr. van der Berg", "the Chair") to
//! the participants of a meeting.
//!
//! Resolution never guesses. A name that fits one person resolves to them; a name that fits
//! several is ambiguous and keeps every candidate; a name that fits nobody is unknown.
//! Aliases from people hints are checked first, so a secretariat settles an ambiguity once.

use std::hash::BuildHasher;

use foldhash::HashMap;

use model::{Participant, Role, Speaker};
use unicode_normalization::UnicodeNormalization;

/// Lower case, without accents, with runs of white space folded: the key names are compared by.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// `fold`, appended to `out`.
fn fold_into(name: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    // Most names are plain ASCII: no decomposition needed, and whole words are copied.
    if name.is_ascii() {
        for word in name.split_ascii_whitespace() {
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(word);
        }
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = out.len() > start;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Typographic apostrophes and hyphens compare equal to ASCII ones.
        match c {
            '’' | '‘' => out.push('\''),
            '‐' | '‑' | '–' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// A folded name to look up: `fold` of it, written into `buffer` when the name is short
/// ASCII (folding only shortens it), so that a lookup allocates nothing.
pub enum Key<'b> {
    Borrowed(&'b str),
    Owned(String),
}

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }
}

pub fn fold_key<'b>(name: &str, buffer: &'b mut [u8; 64]) -> Key<'b> {
    match fold_ascii(name, buffer) {
        Some(key) => Key::Borrowed(std::str::from_utf8(key).expect("lowered ASCII is ASCII")),
        None => Key::Owned(fold(name)),
    }
}

/// `fold` of a short ASCII name, as bytes in `buffer`; `None` for any other name. The roster
/// looks keys up by their bytes, so a lookup need not check that they are UTF-8.
fn fold_ascii<'b>(name: &str, buffer: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    if !(name.is_ascii() && name.len() <= buffer.len()) {
        return None;
    }
    // `fold` of ASCII, byte by byte: words lowered, one space between them. The key is never
    // longer than the name, so it fits the buffer.
    let mut len = 0;
    let mut space = false;
    for &b in name.as_bytes() {
        if b.is_ascii_whitespace() {
            space = len > 0;
            continue;
        }
        if space {
            buffer[len] = b' ';
            len += 1;
            space = false;
        }
        buffer[len] = b.to_ascii_lowercase();
        len += 1;
    }
    Some(&buffer[..len])
}

/// Titles that may precede a name and are not part of it.
pub const HONORIFICS: &[&str] = &[
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Mx.",
    "Dr.",
    "Dr",
    "Prof.",
    "Professor",
    "Ambassador",
    "Amb.",
    "H.E.",
    "HE",
    "Sir",
    "Dame",
    "Minister",
    "Senator",
    "Judge",
    "Excellency",
    "His",
    "Her",
    "Hon.",
    "Madam",
    "Mme",
    "Mme.",
    "M.",
];

/// Lower-case words that may stand inside a name ("de La Chapelle", "van der Berg").
pub const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van",
    "von", "ter", "ten", "bin", "binti", "al", "el", "y", "e", "af", "zu",
];

/// Whether `word` is one of `HONORIFICS`. Every honorific starts with a capital letter and
/// has at most ten bytes: most words are ruled out before the list is compared.
pub fn is_honorific(word: &str) -> bool {
    word.len() <= 10
        && word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && HONORIFICS.contains(&word)
}

/// Whether `word` is one of `PARTICLES`. Every particle is one to five lower-case letters.
pub fn is_particle(word: &str) -> bool {
    (1..=5).contains(&word.len())
        && word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && PARTICLES.contains(&word)
}

/// Removes honorifics at the start of a name.
pub fn strip_honorifics(name: &str) -> &str {
    // Most names asked about are one word of printable ASCII: nothing to trim or strip.
    if name.bytes().all(|b| b.is_ascii_graphic()) {
        return name;
    }
    let mut rest = name.trim();
    loop {
        let Some((first, tail)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        if is_honorific(first) && !tail.trim().is_empty() {
            rest = tail.trim_start();
        } else {
            return rest;
        }
    }
}

#[derive(Debug, Clone)]
struct Person {
    name: String,
    roles: Vec<Role>,
    /// The folded affiliation, to find "the delegation of Brazil".
    affiliation: String,
    gender: Option<Gender>,
}

/// What a title says of its bearer, when it says anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

fn gender_of(written: &str) -> Option<Gender> {
    let first = written.split_whitespace().find(|w| {
        !matches!(
            *w,
            "H.E." | "HE" | "Ambassador" | "Amb." | "Dr." | "Dr" | "Prof." | "Professor"
        )
    })?;
    match first.trim_end_matches('.') {
        "Mr" | "Sir" | "M" => Some(Gender::Male),
        "Ms" | "Mrs" | "Madam" | "Mme" | "Dame" => Some(Gender::Female),
        _ => None,
    }
}

/// The people one key of the index names. Most keys name one person, who needs no list of
/// their own: a list is allocated only for a key that two people share.
#[derive(Debug, Clone)]
enum Ids {
    One(usize),
    Many(Vec<usize>),
}

impl Ids {
    fn as_slice(&self) -> &[usize] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }

    /// Adds `id`, the newest person, unless it is already the last one listed.
    fn push_newest(&mut self, id: usize) {
        match self {
            Ids::One(one) if *one != id => *self = Ids::Many(vec![*one, id]),
            Ids::One(_) => {}
            Ids::Many(ids) => {
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
    }
}

/// One key of the index: where its text stands in `Roster::keys`, and whom it names.
#[derive(Debug, Clone)]
struct Entry {
    start: usize,
    end: usize,
    ids: Ids,
}

/// The working lists of `Roster::add`, kept from one person to the next.
#[derive(Default)]
struct AddScratch {
    /// The folded name, then the key of its first name and last initial.
    text: String,
    /// Byte ranges of the folded name's words in `text`.
    words: Vec<(usize, usize)>,
    /// Byte ranges of the person's keys in `text`.
    keys: Vec<(usize, usize)>,
}

/// The people a meeting's names resolve against: its participants, then people from hints.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    people: Vec<Person>,
    /// Folded name keys (full name, first name, every trailing part) to people. A key's text
    /// is a slice of `keys`, one string for the whole roster: the roster is built for every
    /// report, and a string of its own for each of its hundreds of keys cost an allocation
    /// and a free each.
    index: hashbrown::HashTable<Entry>,
    keys: String,
    hasher: foldhash::fast::RandomState,
    /// Folded aliases from hints; these win over `index`.
    aliases: HashMap<String, usize>,
    participants: usize,
}

impl Roster {
    pub fn new(participants: &[Participant], hints: &crate::PeopleHints) -> Roster {
        // A participant gives about six keys (full name, first name, each trailing part).
        let mut roster = Roster {
            people: Vec::with_capacity(participants.len() + hints.people.len()),
            index: hashbrown::HashTable::with_capacity(participants.len() * 6),
            // A key is about ten bytes.
            keys: String::with_capacity(participants.len() * 60),
            ..Roster::default()
        };
        let mut scratch = AddScratch::default();
        for p in participants {
            let id = roster.add(&p.name, p.roles.clone(), &mut scratch);
            roster.people[id].gender = p.honorific.as_deref().and_then(gender_of);
            roster.people[id].affiliation = p.affiliation.as_deref().map(fold).unwrap_or_default();
        }
        roster.participants = roster.people.len();
        for hint in &hints.people {
            let id = match roster.find_exact(&hint.name) {
                Some(id) => id,
                None => roster.add(&hint.name, Vec::new(), &mut scratch),
            };
            for alias in &hint.aliases {
                roster.aliases.insert(fold(alias), id);
            }
        }
        roster
    }

    fn find_exact(&self, name: &str) -> Option<usize> {
        let key = fold(name);
        self.people.iter().position(|p| fold(&p.name) == key)
    }

    fn add(&mut self, name: &str, roles: Vec<Role>, scratch: &mut AddScratch) -> usize {
        let id = self.people.len();
        let AddScratch { text, words, keys } = scratch;
        text.clear();
        fold_into(name, text);
        let folded = text.len();
        // The folded name's words, single spaces apart: every key but one is a part of it.
        words.clear();
        let mut at = 0;
        for word in text.split(' ') {
            words.push((at, at + word.len()));
            at += word.len() + 1;
        }
        let word = |(start, end): (usize, usize)| start..end;
        // The full name, the first name, its initial form, two given names, and two keys for
        // each later word.
        keys.clear();
        keys.push((0, folded));
        if words.len() > 1 {
            keys.push(words[0]);
            // A first name and the initial of the last ("Daniel F.").
            if let Some(initial) = text[word(words[words.len() - 1])].chars().next() {
                text.extend_from_within(word(words[0]));
                text.push(' ');
                text.push(initial);
                keys.push((folded, text.len()));
            }
            // Two given names ("José Luis", "Luz Marina").
            if words.len() > 2 && !is_particle(&text[word(words[1])]) {
                keys.push((0, words[1].1));
            }
            for start in 1..words.len() {
                let (offset, end) = words[start];
                let part = &text[offset..end];
                // A trailing part that is only a particle ("la") names nobody.
                if words.len() - start == 1 && is_particle(part) {
                    continue;
                }
                keys.push((offset, folded));
                // A middle name or first surname alone ("Perez" of "Eunice Alejandra Perez Coello").
                if !is_particle(part) {
                    keys.push((offset, end));
                }
            }
        }
        // A key listed twice for one person is harmless: `push_newest` adds them once.
        for &(start, end) in keys.iter() {
            let key = &text[start..end];
            let hash = self.hasher.hash_one(key.as_bytes());
            let (index, stored) = (&mut self.index, &self.keys);
            match index.find_mut(hash, |e| &stored[e.start..e.end] == key) {
                // `id` is the newest person, so it can only be the last one listed: a list of
                // thousands sharing a first name is not searched for each of them.
                Some(entry) => entry.ids.push_newest(id),
                None => {
                    let start = self.keys.len();
                    self.keys.push_str(key);
                    let entry = Entry {
                        start,
                        end: self.keys.len(),
                        ids: Ids::One(id),
                    };
                    let (keys, hasher) = (&self.keys, &self.hasher);
                    self.index.insert_unique(hash, entry, |e| {
                        hasher.hash_one(&keys.as_bytes()[e.start..e.end])
                    });
                }
            }
        }
        self.people.push(Person {
            name: name.to_owned(),
            roles,
            affiliation: String::new(),
            gender: None,
        });
        id
    }

    /// Whether the meeting has a participant list to resolve against.
    pub fn has_participants(&self) -> bool {
        self.participants > 0
    }

    /// Whether the folded key names at least one person.
    pub fn knows(&self, written: &str) -> bool {
        // `trim_end_matches` with a word prepares a substring searcher; stripping is a compare.
        let mut name = written;
        while let Some(rest) = name.strip_suffix("'s") {
            name = rest;
        }
        while let Some(rest) = name.strip_suffix("’s") {
            name = rest;
        }
        let name = strip_honorifics(name);
        let mut buffer = [0; 64];
        // Without aliases the key is only looked up in the index, by its bytes.
        if self.aliases.is_empty()
            && let Some(key) = fold_ascii(name, &mut buffer)
        {
            return self.lookup(key).is_some();
        }
        let key = fold_key(name, &mut buffer);
        self.aliases.contains_key(key.as_str()) || self.lookup(key.as_str().as_bytes()).is_some()
    }

    /// The people a folded key names, if any.
    fn lookup(&self, key: &[u8]) -> Option<&Ids> {
        let hash = self.hasher.hash_one(key);
        self.index
            .find(hash, |e| &self.keys.as_bytes()[e.start..e.end] == key)
            .map(|e| &e.ids)
    }

    /// Resolves a name or role as written.
    pub fn resolve(&self, written: &str) -> Speaker {
        let mention = written.trim().to_owned();
        if let Some(role) = role_word(&mention) {
            return self.resolve_role(role, mention);
        }
        if let Some(country) = delegation_of(&mention) {
            let holders: Vec<&Person> = self
                .people
                .iter()
                .filter(|p| contains_words(&p.affiliation, &country))
                .collect();
            return match holders.as_slice() {
                [] => Speaker::Unknown { mention },
                [one] => Speaker::Resolved {
                    name: one.name.clone(),
                    mention,
                },
                many => Speaker::Ambiguous {
                    mention,
                    candidates: many.iter().map(|p| p.name.clone()).collect(),
                },
            };
        }
        let mut buffer = [0; 64];
        let folded = fold_key(strip_honorifics(&mention), &mut buffer);
        let key = folded.as_str().trim_end_matches('.');
        if let Some(&id) = self.aliases.get(key) {
            return Speaker::Resolved {
                name: self.people[id].name.clone(),
                mention,
            };
        }
        // Participants come first: a person known from hints who is not on this meeting's list
        // does not make a participant's first name ambiguous.
        let ids = self.lookup(key.as_bytes()).map(|ids| {
            let ids = ids.as_slice();
            // Without people from hints every id is a participant: the list as it is.
            if ids.iter().all(|&id| id < self.participants) {
                return std::borrow::Cow::Borrowed(ids);
            }
            let present: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&id| id < self.participants)
                .collect();
            std::borrow::Cow::Owned(if present.is_empty() {
                ids.to_vec()
            } else {
                present
            })
        });
        match ids.as_deref() {
            Some([id]) => Speaker::Resolved {
                name: self.people[*id].name.clone(),
                mention,
            },
            Some(ids) if !ids.is_empty() => {
                // "Ms. Menon" when the list gives Mr. Rajesh Menon and Ms. Lakshmi Menon.
                let said = gender_of(&mention);
                let fitting: Vec<usize> = ids
                    .iter()
                    .copied()
                    .filter(|&id| said.is_some() && self.people[id].gender == said)
                    .collect();
                if let [id] = fitting.as_slice() {
                    return Speaker::Resolved {
                        name: self.people[*id].name.clone(),
                        mention,
                    };
                }
                Speaker::Ambiguous {
                    mention,
                    candidates: ids.iter().map(|&id| self.people[id].name.clone()).collect(),
                }
            }
            _ => Speaker::Unknown { mention },
        }
    }

    fn resolve_role(&self, roles: &[Role], mention: String) -> Speaker {
        for role in roles {
            let holders: Vec<&Person> = self
                .people
                .iter()
                .filter(|p| p.roles.contains(role))
                .collect();
            match holders.as_slice() {
                [] => continue,
                [one] => {
                    return Speaker::Resolved {
                        name: one.name.clone(),
                        mention,
                    };
                }
                many => {
                    return Speaker::Ambiguous {
                        mention,
                        candidates: many.iter().map(|p| p.name.clone()).collect(),
                    };
                }
            }
        }
        Speaker::Unknown { mention }
    }
}

/// "the delegation of Brazil" → "brazil".
fn delegation_of(written: &str) -> Option<String> {
    let cue = |word: &[u8]| {
        written
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !(cue(b"delegat") || cue(b"representative")) {
        return None;
    }
    let folded = fold(written);
    let rest = folded.strip_prefix("the ").unwrap_or(&folded);
    ["delegation of ", "representative of ", "delegate of "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .map(|c| c.strip_prefix("the ").unwrap_or(c).to_owned())
}

/// Whether `words` stand in `text` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The roles a role phrase ("the Chair", "The Secretariat") may refer to, most specific first.
pub fn role_word(written: &str) -> Option<&'static [Role]> {
    // Role words are a dozen letters at most: anything longer is a name, not a role.
    if written.len() > 24 {
        return None;
    }
    let mut buffer = [0; 64];
    let folded = fold_key(written, &mut buffer);
    let folded = folded.as_str();
    let rest = folded.strip_prefix("the ").unwrap_or(folded);
    Some(match rest {
        "chair" | "chairperson" | "chairman" | "chairwoman" => &[Role::Chair, Role::CoChair],
        "co-chair" | "cochair" => &[Role::CoChair],
        "vice-chair" | "vice chair" => &[Role::ViceChair],
        "secretariat" | "secretary" => &[Role::Secretariat],
        "moderator" => &[Role::Moderator],
        "rapporteur" => &[Role::Rapporteur],
        "facilitator" => &[Role::Facilitator],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Span;

    fn participant(name: &str, roles: &[Role]) -> Participant {
        Participant {
            name: name.into(),
            affiliation: None,
            roles: roles.to_vec(),
            stakeholder_group: None,
            aliases: vec![],
            honorific: None,
            span: Span::nowhere(),
        }
    }

    #[test]
    fn resolves_without_guessing() {
        let people = [
            participant("Jorge Cancio", &[]),
            participant("Jorge Perez", &[]),
            participant("Eunice Alejandra Perez Coello", &[]),
            participant("Bertrand de La Chapelle", &[Role::CoChair]),
            participant("Zoë Müller", &[Role::Secretariat]),
        ];
        let roster = Roster::new(&people, &crate::PeopleHints::default());
        assert_eq!(roster.resolve("Jorge").status(), "ambiguous");
        assert_eq!(roster.resolve("Perez").candidates().len(), 2);
        assert_eq!(
            roster.resolve("Perez Coello").name(),
            Some("Eunice Alejandra Perez Coello")
        );
        assert_eq!(
            roster.resolve("Mr. de La Chapelle").name(),
            Some("Bertrand de La Chapelle")
        );
        assert_eq!(roster.resolve("Zoe").name(), Some("Zoë Müller"));
        assert_eq!(
            roster.resolve("the Chair").name(),
            Some("Bertrand de La Chapelle")
        );
        assert_eq!(roster.resolve("The Secretariat").name(), Some("Zoë Müller"));
        assert_eq!(roster.resolve("Flavio").status(), "unknown");
        assert_eq!(roster.resolve("La").status(), "unknown");
    }

    #[test]
    fn hint_aliases_settle_ambiguity() {
        let people = [
            participant("Jorge Cancio", &[]),
            participant("Jorge Perez", &[]),
        ];
        let hints = crate::PeopleHints::parse(
            "[[person]]\nname = \"Jorge Cancio\"\naliases = [\"Jorge\"]\n",
        )
        .expect("valid hints");
        let roster = Roster::new(&people, &hints);
        assert_eq!(roster.resolve("Jorge").name(), Some("Jorge Cancio"));
    }

    #[test]
    fn hint_people_do_not_crowd_participants() {
        let people = [participant("Ana Neves", &[])];
        let hints =
            crate::PeopleHints::parse("[[person]]\nname = \"Ana Smith\"\n").expect("valid hints");
        let roster = Roster::new(&people, &hints);
        assert_eq!(roster.resolve("Ana").name(), Some("Ana Neves"));
        assert_eq!(roster.resolve("Smith").name(), Some("Ana Smith"));
    }
}
