//! Participant lists as reports write them: "Ana Neves, IGF MAG Member",
//! "Lindqvist, Karin (Government of Sweden)", "Mr. Okafor (Nigeria)", "Jane Doe – ISOC".
//!
//! The name always comes out in "First Last" order; the affiliation is kept as written;
//! roles and the stakeholder group are read only from what the affiliation states.

use std::borrow::Cow;
use std::sync::LazyLock;

use model::{Participant, Role, Span, StakeholderGroup};

use crate::roster::{HONORIFICS, is_particle, strip_honorifics};
use crate::text::{find_str, split_once_str};

/// Removes a list marker ("1.", "12)", "-", "*", "•", "(3)") from the start of a line.
/// Returns the rest and how many bytes were removed.
pub fn strip_marker(line: &str) -> Option<(&str, usize)> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    for bullet in ["- ", "* ", "• ", "– ", "+ "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return Some((rest.trim_start(), line.len() - rest.trim_start().len()));
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let rest = &trimmed[digits..];
        for sep in [". ", ") ", ".\t", ": "] {
            if let Some(rest) = rest.strip_prefix(sep) {
                let rest = rest.trim_start();
                return Some((rest, line.len() - rest.len()));
            }
        }
    }
    if let Some(inner) = trimmed.strip_prefix('(') {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && inner[digits..].starts_with(") ") {
            let rest = inner[digits + 2..].trim_start();
            return Some((rest, lead + (trimmed.len() - rest.len())));
        }
    }
    let _ = lead;
    None
}

fn is_name_part(word: &str) -> bool {
    // For ASCII the character classes below are their ASCII forms: no decoding needed.
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return (bytes.first().is_some_and(u8::is_ascii_uppercase)
            && bytes
                .iter()
                .all(|&b| b.is_ascii_alphabetic() || matches!(b, b'-' | b'\'' | b'.')))
            || is_particle(word);
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    (first_upper
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')))
        || is_particle(word)
}

/// Whether `text` looks like a person's name: 1 to 7 capitalised words or particles.
pub fn looks_like_name(text: &str) -> bool {
    is_bare_name(strip_honorifics(text))
}

/// `looks_like_name` of a text without honorifics: `strip_honorifics` leaves its result as
/// it is, so a caller that has stripped them need not strip them again.
fn is_bare_name(text: &str) -> bool {
    let mut count = 0;
    let mut lower = false;
    for word in text.split_whitespace() {
        count += 1;
        if count > 7 || !is_name_part(word) || (count == 1 && is_particle(word)) {
            return false;
        }
        lower |= if word.is_ascii() {
            word.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            word.chars().any(char::is_lowercase)
        };
    }
    count > 0 && lower
}

/// Reads one line of a participant list. `None` when the line does not hold a name.
pub fn parse_line(line: u32, raw: &str) -> Option<Participant> {
    let (body, skipped) =
        strip_marker(raw).unwrap_or((raw.trim(), raw.len() - raw.trim_start().len()));
    let body = body.trim().trim_end_matches([';', '.']);
    let column = u32::try_from(raw[..skipped].chars().count() + 1).unwrap_or(1);
    let (name, affiliation) = split_line(body)?;
    let stripped = strip_honorifics(&name);
    if !is_bare_name(stripped) {
        return None;
    }
    // `stripped` is a slice of `name`; what stands before it is the honorific.
    let start = (stripped.as_ptr() as usize)
        .saturating_sub(name.as_ptr() as usize)
        .min(name.len());
    let honorific = Some(name.get(..start).unwrap_or("").trim())
        .filter(|h| !h.is_empty())
        .map(str::to_owned);
    let name = stripped.to_owned();
    let affiliation = affiliation
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned);
    let (roles, stakeholder_group) = affiliation.as_deref().map_or((Vec::new(), None), classify);
    Some(Participant {
        name,
        affiliation,
        roles,
        stakeholder_group,
        aliases: Vec::new(),
        honorific,
        span: Span::at(line, column),
    })
}

/// Splits a list entry into a name in "First Last" order and the rest, borrowed from the
/// entry where they are written in it as they are.
fn split_line(body: &str) -> Option<(Cow<'_, str>, Option<Cow<'_, str>>)> {
    // "Surname, First name (Affiliation)" or "SURNAME, First name".
    if let Some((left, right)) = split_once_str(body, ", ") {
        let (given, paren) = match find_str(right, " (") {
            Some(at) if right.ends_with(')') => {
                (&right[..at], Some(&right[at + 2..right.len() - 1]))
            }
            _ => (right, None),
        };
        let upper_surname = left
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && left.chars().any(char::is_alphabetic);
        let short = |s: &str| (1..=3).contains(&s.split_whitespace().count()) && looks_like_name(s);
        // Asked only of a line in one of the two surname-first forms.
        let surname_like = || {
            if upper_surname {
                short(&title_case(left))
            } else {
                short(left)
            }
        };
        if (paren.is_some() || upper_surname) && surname_like() && short(given) {
            let surname = if upper_surname {
                title_case(left)
            } else {
                left.to_owned()
            };
            return Some((
                Cow::Owned(format!("{} {}", given.trim(), surname.trim())),
                paren.map(Cow::Borrowed),
            ));
        }
    }
    // "Name (Affiliation)", optionally followed by more.
    if let Some(open) = find_str(body, " (") {
        let name = &body[..open];
        if looks_like_name(name) {
            let rest = body[open + 2..].trim_end();
            let affiliation = rest
                .strip_suffix(')')
                .unwrap_or(rest)
                .replacen(") ", ", ", 1);
            return Some((Cow::Borrowed(name), Some(Cow::Owned(affiliation))));
        }
    }
    for separator in [" – ", " — ", " - ", ": ", ", "] {
        if let Some((name, rest)) = split_once_str(body, separator) {
            return Some((Cow::Borrowed(name.trim()), Some(Cow::Borrowed(rest))));
        }
    }
    Some((Cow::Borrowed(body), None))
}

fn title_case(word: &str) -> String {
    word.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Roles and stakeholder group stated by an affiliation. A role in a part that says
/// "former" is not held any more.
pub fn classify(affiliation: &str) -> (Vec<Role>, Option<StakeholderGroup>) {
    let mut roles = Vec::new();
    let mut group = None;
    // Lowering makes no commas, semicolons or slashes: the lowered parts are the parts lowered.
    let lowered = affiliation.to_lowercase();
    let mut words: Vec<&str> = Vec::new();
    for lower in lowered.split([',', ';', '/']) {
        words_of(lower, &mut words);
        if !words.contains(&"former") && !words.contains(&"past") {
            for (index, word) in words.iter().enumerate() {
                // "Senior Adviser to the Chair": the role is someone else's.
                if index > 0 && words[index - 1] == "the" {
                    continue;
                }
                let role = match *word {
                    "co-chair" | "cochair" | "co-chairs" => Some(Role::CoChair),
                    "vice-chair" => Some(Role::ViceChair),
                    "chair" | "chairperson" | "chairman" | "chairwoman" => Some(Role::Chair),
                    "secretariat" => Some(Role::Secretariat),
                    "moderator" => Some(Role::Moderator),
                    "rapporteur" => Some(Role::Rapporteur),
                    "facilitator" => Some(Role::Facilitator),
                    "observer" => Some(Role::Observer),
                    _ => None,
                };
                if let Some(role) = role.filter(|r| !roles.contains(r)) {
                    roles.push(role);
                }
            }
            if crate::text::contains_str(lower, "vice chair") && !roles.contains(&Role::ViceChair) {
                roles.retain(|r| *r != Role::Chair);
                roles.push(Role::ViceChair);
            }
        }
        if group.is_none() {
            group = stakeholder(lower, &words);
        }
    }
    (roles, group)
}

/// The words of a lowered part of an affiliation, in place of those in `words`: its runs of
/// letters, digits and hyphens.
fn words_of<'a>(lower: &'a str, words: &mut Vec<&'a str>) {
    words.clear();
    if !lower.is_ascii() {
        words_by_chars(lower, words);
        return;
    }
    // The same words, byte by byte: in ASCII a letter or digit is an ASCII one.
    let bytes = lower.as_bytes();
    let mut start = 0;
    for (at, b) in bytes.iter().enumerate() {
        if !(b.is_ascii_alphanumeric() || *b == b'-') {
            if at > start {
                words.push(&lower[start..at]);
            }
            start = at + 1;
        }
    }
    if bytes.len() > start {
        words.push(&lower[start..]);
    }
}

/// `words_of` for any text, character by character.
fn words_by_chars<'a>(lower: &'a str, words: &mut Vec<&'a str>) {
    words.extend(
        lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty()),
    );
}

/// The phrases `stakeholder` looks for, by their index in this list.
const PHRASES: [&str; 7] = [
    "intergovernmental",
    "permanent mission",
    "civil society",
    "private sector",
    "business community",
    "technical community",
    "academia",
];

fn stakeholder(lower: &str, words: &[&str]) -> Option<StakeholderGroup> {
    // Searchers made once: they look for the rarer bytes of each phrase first, where a search
    // by the first letter stops at every "i", "t" or "a".
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 7]> =
        LazyLock::new(|| PHRASES.map(memchr::memmem::Finder::new));
    let contains = |phrase: &str| {
        let index = PHRASES
            .iter()
            .position(|p| *p == phrase)
            .expect("every phrase is in the list");
        FINDERS[index].find(lower.as_bytes()).is_some()
    };
    if contains("intergovernmental") {
        Some(StakeholderGroup::IntergovernmentalOrganization)
    } else if words
        .iter()
        .any(|w| matches!(*w, "government" | "ministry" | "embassy"))
        || contains("permanent mission")
    {
        Some(StakeholderGroup::Government)
    } else if contains("civil society") {
        Some(StakeholderGroup::CivilSociety)
    } else if contains("private sector") || contains("business community") {
        Some(StakeholderGroup::PrivateSector)
    } else if contains("technical community") {
        Some(StakeholderGroup::TechnicalCommunity)
    } else if contains("academia") || words.contains(&"university") || words.contains(&"academic") {
        Some(StakeholderGroup::Academia)
    } else {
        None
    }
}

/// Names of a one-line list ("Present: Ana Neves, Chris Buckridge, Titti Cassa").
pub fn parse_inline(line: u32, column: u32, list: &str) -> Vec<Participant> {
    list.split([',', ';'])
        .map(str::trim)
        .filter(|name| looks_like_name(name) && !HONORIFICS.contains(name))
        .map(|name| Participant {
            name: strip_honorifics(name).to_owned(),
            affiliation: None,
            roles: Vec::new(),
            stakeholder_group: None,
            aliases: Vec::new(),
            honorific: None,
            span: Span::at(line, column),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(raw: &str) -> String {
        match parse_line(1, raw) {
            Some(p) => format!(
                "{} | {} | {:?} | {:?}",
                p.name,
                p.affiliation.unwrap_or_default(),
                p.roles,
                p.stakeholder_group
            ),
            None => "-".into(),
        }
    }

    #[test]
    fn reads_the_common_list_styles() {
        assert_eq!(
            entry("7. Titti Cassa, Group's Co-Chair, IGF MAG member, Government of Italy"),
            "Titti Cassa | Group's Co-Chair, IGF MAG member, Government of Italy | [CoChair] | Some(Government)"
        );
        assert_eq!(
            entry("4. Anriette Esterhuysen, former IGF MAG Chair"),
            "Anriette Esterhuysen | former IGF MAG Chair | [] | None"
        );
        assert_eq!(
            entry("- Lindqvist, Karin (Government of Sweden)"),
            "Karin Lindqvist | Government of Sweden | [] | Some(Government)"
        );
        assert_eq!(entry("OKAFOR, Chidi"), "Chidi Okafor |  | [] | None");
        assert_eq!(
            entry("* Mr. Pieter van der Berg (Netherlands) – rapporteur"),
            "Pieter van der Berg | Netherlands, – rapporteur | [Rapporteur] | None"
        );
        assert_eq!(
            entry("Jane Doe – Internet Society, technical community"),
            "Jane Doe | Internet Society, technical community | [] | Some(TechnicalCommunity)"
        );
        assert_eq!(
            entry("12) Anja Gengo, IGF Secretariat"),
            "Anja Gengo | IGF Secretariat | [Secretariat] | None"
        );
        assert_eq!(entry("1. the meeting opened at ten"), "-");
    }

    proptest::proptest! {
        /// The byte-wise split of ASCII text gives the words the character-wise one does.
        #[test]
        fn ascii_words_are_the_words(lower in "[ -~\\t]{0,40}") {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            words_of(&lower, &mut fast);
            words_by_chars(&lower, &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }
}
