//! Who said what: interventions, the speakers behind them, and people merely mentioned.

use crate::Span;

/// The person behind an intervention, or the honest admission that the text does not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// The name matches exactly one participant.
    Resolved { name: String, mention: String },
    /// The name matches several participants; the candidates are their full names.
    Ambiguous {
        mention: String,
        candidates: Vec<String>,
    },
    /// A person is named who is not on the participant list.
    Unknown { mention: String },
    /// No person speaks: the group as a whole ("There was discussion of…").
    Nobody,
}

impl Speaker {
    /// The status word used by the record's interfaces.
    pub fn status(&self) -> &'static str {
        match self {
            Speaker::Resolved { .. } => "resolved",
            Speaker::Ambiguous { .. } => "ambiguous",
            Speaker::Unknown { .. } => "unknown",
            Speaker::Nobody => "none",
        }
    }

    /// The resolved full name, or the name as written when unknown.
    pub fn name(&self) -> Option<&str> {
        match self {
            Speaker::Resolved { name, .. } => Some(name),
            Speaker::Unknown { mention } => Some(mention),
            Speaker::Ambiguous { .. } | Speaker::Nobody => None,
        }
    }

    /// The name as the text writes it.
    pub fn mention(&self) -> Option<&str> {
        match self {
            Speaker::Resolved { mention, .. }
            | Speaker::Ambiguous { mention, .. }
            | Speaker::Unknown { mention } => Some(mention),
            Speaker::Nobody => None,
        }
    }

    /// The best label for people: full name, the written name, or nothing.
    pub fn label(&self) -> Option<&str> {
        self.name().or_else(|| self.mention())
    }

    pub fn candidates(&self) -> &[String] {
        match self {
            Speaker::Ambiguous { candidates, .. } => candidates,
            _ => &[],
        }
    }

    /// Whether two speakers are the same person as far as the text lets us tell.
    pub fn same_person(&self, other: &Speaker) -> bool {
        match (self, other) {
            (Speaker::Resolved { name: a, .. }, Speaker::Resolved { name: b, .. }) => a == b,
            (Speaker::Ambiguous { mention: a, .. }, Speaker::Ambiguous { mention: b, .. })
            | (Speaker::Unknown { mention: a }, Speaker::Unknown { mention: b }) => a == b,
            (Speaker::Nobody, Speaker::Nobody) => true,
            _ => false,
        }
    }
}

/// Why the record says an intervention agrees with someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementBasis {
    /// The text names whom ("agreed with Timea's concern").
    Named,
    /// The speaker "agreed" right after the other's point, without naming them.
    PreviousSpeaker,
}

impl AgreementBasis {
    /// Every value, in declaration order.
    pub const ALL: [AgreementBasis; 2] = [AgreementBasis::Named, AgreementBasis::PreviousSpeaker];

    /// The value whose [`as_str`](AgreementBasis::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<AgreementBasis> {
        AgreementBasis::ALL
            .into_iter()
            .find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AgreementBasis::Named => "named",
            AgreementBasis::PreviousSpeaker => "previous-speaker",
        }
    }
}

/// An explicit agreement with another person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    pub with: Speaker,
    pub basis: AgreementBasis,
}

/// One attributed contribution to the discussion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intervention {
    /// The number of the agenda item it was filed under; `None` outside any item.
    pub agenda_item: Option<String>,
    /// Position in the meeting, from 1.
    pub order: u32,
    pub speaker: Speaker,
    /// The reporting verb as written ("noted", "agreed", "provided a quick update").
    pub act: Option<String>,
    pub agreements: Vec<Agreement>,
    /// What was said, as reported, after text repairs.
    pub text: String,
    pub span: Span,
}

/// A person named in the text who is not the speaker of that sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// How the person is resolved; never `Speaker::Nobody`.
    pub person: Speaker,
    /// The intervention the mention occurs in, by its `order`.
    pub intervention: Option<u32>,
    pub span: Span,
}
