//! Problems found while reading a report, reported like a compiler reports them.

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing, nothing to fix.
    Note,
    /// The record is usable but a fact is uncertain or missing.
    Warning,
    /// The text could not be read as a report.
    Error,
}

impl Severity {
    /// Every value, in declaration order.
    pub const ALL: [Severity; 3] = [Severity::Note, Severity::Warning, Severity::Error];

    /// The value whose [`as_str`](Severity::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What kind of problem a diagnostic reports; the code is stable and documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    AmbiguousSpeaker,
    UnknownSpeaker,
    UnknownMention,
    ItemNotDiscussed,
    UnmatchedDiscussion,
    UnresolvedDate,
    NoDate,
    NoParticipants,
    NoAgenda,
    NotAReport,
    TextRepaired,
    DuplicateParticipant,
    UnreadParticipant,
    UnappliedCorrection,
    NoScribe,
    UnreadLine,
    AmbiguousOwner,
    UnidentifiedSpeaker,
    OrganisationSpeaker,
    SpeakerSpellingUnified,
    StageNote,
}

impl Code {
    /// Every value, in declaration order.
    pub const ALL: [Code; 21] = [
        Code::AmbiguousSpeaker,
        Code::UnknownSpeaker,
        Code::UnknownMention,
        Code::ItemNotDiscussed,
        Code::UnmatchedDiscussion,
        Code::UnresolvedDate,
        Code::NoDate,
        Code::NoParticipants,
        Code::NoAgenda,
        Code::NotAReport,
        Code::TextRepaired,
        Code::DuplicateParticipant,
        Code::UnreadParticipant,
        Code::UnappliedCorrection,
        Code::NoScribe,
        Code::UnreadLine,
        Code::AmbiguousOwner,
        Code::UnidentifiedSpeaker,
        Code::OrganisationSpeaker,
        Code::SpeakerSpellingUnified,
        Code::StageNote,
    ];

    /// The value whose [`as_str`](Code::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Code::AmbiguousSpeaker => "ambiguous-speaker",
            Code::UnknownSpeaker => "unknown-speaker",
            Code::UnknownMention => "unknown-mention",
            Code::ItemNotDiscussed => "item-not-discussed",
            Code::UnmatchedDiscussion => "unmatched-discussion",
            Code::UnresolvedDate => "unresolved-date",
            Code::NoDate => "no-date",
            Code::NoParticipants => "no-participants",
            Code::NoAgenda => "no-agenda",
            Code::NotAReport => "not-a-report",
            Code::TextRepaired => "text-repaired",
            Code::DuplicateParticipant => "duplicate-participant",
            Code::UnreadParticipant => "unread-participant",
            Code::UnappliedCorrection => "unapplied-correction",
            Code::NoScribe => "no-scribe",
            Code::UnreadLine => "unread-line",
            Code::AmbiguousOwner => "ambiguous-owner",
            Code::UnidentifiedSpeaker => "unidentified-speaker",
            Code::OrganisationSpeaker => "organisation-speaker",
            Code::SpeakerSpellingUnified => "speaker-spelling-unified",
            Code::StageNote => "stage-note",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::NotAReport => Severity::Error,
            Code::UnknownMention
            | Code::TextRepaired
            | Code::NoParticipants
            | Code::NoAgenda
            | Code::NoScribe
            | Code::UnreadLine
            | Code::OrganisationSpeaker
            | Code::StageNote => Severity::Note,
            _ => Severity::Warning,
        }
    }
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
    pub span: Span,
    /// How many characters the caret underlines, at least 1.
    pub width: u32,
}

impl Diagnostic {
    pub fn new(code: Code, span: Span, width: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            hint: None,
            span,
            width: width.max(1),
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }
}
