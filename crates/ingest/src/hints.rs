//! People hints: what a secretariat knows about names that a report alone does not settle.
//!
//! A TOML file lists known people with their affiliation and aliases:
//!
//! ```toml
//! [[person]]
//! name = "Jorge Cancio"
//! affiliation = "Government of Switzerland"
//! aliases = ["Jorge"]
//! ```
//!
//! An alias resolves before the participant list is consulted, so "Jorge" means Jorge Cancio
//! even though two Jorges attended.

use serde::Deserialize;

/// One known person.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PersonHint {
    pub name: String,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// All people hints for one import.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PeopleHints {
    #[serde(default, rename = "person")]
    pub people: Vec<PersonHint>,
}

/// Why a hints file was rejected.
#[derive(Debug, thiserror::Error)]
pub enum HintsError {
    #[error("invalid people hints: line {line}, column {column}: {message}")]
    Toml {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("invalid people hints: person {index} has an empty name")]
    EmptyName { index: usize },
    #[error("invalid people hints: alias '{alias}' is given to both {first} and {second}")]
    DuplicateAlias {
        alias: String,
        first: String,
        second: String,
    },
}

impl PeopleHints {
    pub fn parse(text: &str) -> Result<PeopleHints, HintsError> {
        let hints: PeopleHints = toml::from_str(text).map_err(|error| {
            // One line, like every other error: the place and the reason, not a source excerpt.
            let at = error.span().map_or(0, |span| span.start).min(text.len());
            let before = &text[..crate::text::floor_char_boundary(text, at)];
            HintsError::Toml {
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                message: error.message().trim().replace('\n', " "),
            }
        })?;
        let mut seen: Vec<(String, &str)> = Vec::new();
        for (index, person) in hints.people.iter().enumerate() {
            if person.name.trim().is_empty() {
                return Err(HintsError::EmptyName { index: index + 1 });
            }
            for alias in &person.aliases {
                let key = crate::roster::fold(alias);
                if let Some((_, first)) = seen.iter().find(|(k, n)| *k == key && *n != person.name)
                {
                    return Err(HintsError::DuplicateAlias {
                        alias: alias.clone(),
                        first: (*first).to_owned(),
                        second: person.name.clone(),
                    });
                }
                seen.push((key, &person.name));
            }
        }
        Ok(hints)
    }
}
