//! The whole record of one meeting, and the smaller facts that hang off it.

use crate::{
    AgendaItem, DateFact, DateValue, Diagnostic, Group, Intervention, Meeting, Mention,
    Participant, Severity, Span,
};

/// Where a record was read from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    pub path: String,
    /// The reader that produced the record ("summary-report").
    pub reader: String,
    /// Hex SHA-256 of the source bytes.
    pub sha256: String,
}

/// Something someone must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    pub what: String,
    /// Who must do it, as written ("the chairs"), or "all" for a call to everyone.
    pub owner: Option<String>,
    pub due: Option<DateValue>,
    pub span: Span,
}

/// Something the group decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub text: String,
    pub span: Span,
}

/// A reference to a negotiated document, a revision of it, or one of its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The document's name as written, or taken from the nearest preceding named document.
    pub document: Option<String>,
    /// A normalised revision label ("Rev2", "Rev1", "Zero draft").
    pub version: Option<String>,
    /// The paragraph's display number as written ("101", "54tre").
    pub paragraph: Option<String>,
    /// The words of the reference as written.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepairKind {
    /// A sentence split across two paragraphs (a page break) was joined.
    JoinedSplitSentence,
    /// A Markdown link whose target was lost was reduced to its words.
    EmptyLinkTarget,
    /// A scribe's `s/old/new/` correction was applied to an earlier line of the minutes.
    ScribeCorrection,
}

impl RepairKind {
    /// Every value, in declaration order.
    pub const ALL: [RepairKind; 3] = [
        RepairKind::JoinedSplitSentence,
        RepairKind::EmptyLinkTarget,
        RepairKind::ScribeCorrection,
    ];

    /// The value whose [`as_str`](RepairKind::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<RepairKind> {
        RepairKind::ALL
            .into_iter()
            .find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RepairKind::JoinedSplitSentence => "joined-split-sentence",
            RepairKind::EmptyLinkTarget => "empty-link-target",
            RepairKind::ScribeCorrection => "scribe-correction",
        }
    }
}

/// A change the reader made to the text before reading it, so nothing is silently altered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub kind: RepairKind,
    pub description: String,
    pub span: Span,
}

/// The record of one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub source: Source,
    pub group: Group,
    pub meeting: Meeting,
    pub agenda: Vec<AgendaItem>,
    pub participants: Vec<Participant>,
    pub interventions: Vec<Intervention>,
    pub mentions: Vec<Mention>,
    pub dates: Vec<DateFact>,
    pub action_items: Vec<ActionItem>,
    pub decisions: Vec<Decision>,
    pub references: Vec<Reference>,
    pub repairs: Vec<Repair>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Record {
    /// Every agenda item and sub-item, depth first.
    pub fn agenda_items(&self) -> Vec<&AgendaItem> {
        let mut all = Vec::with_capacity(self.agenda.len());
        for item in &self.agenda {
            item.gather(&mut all);
        }
        all
    }

    /// The agenda item with this number.
    pub fn agenda_item(&self, number: &str) -> Option<&AgendaItem> {
        self.agenda_items()
            .into_iter()
            .find(|item| item.number == number)
    }

    /// The participant with this full name.
    pub fn participant(&self, name: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.name == name)
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}
