//! The people who attended a meeting.

use crate::Span;

/// A role a participant holds in the group, as the participant list states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Chair,
    CoChair,
    ViceChair,
    Moderator,
    Rapporteur,
    Secretariat,
    Facilitator,
    Observer,
}

impl Role {
    /// Every value, in declaration order.
    pub const ALL: [Role; 8] = [
        Role::Chair,
        Role::CoChair,
        Role::ViceChair,
        Role::Moderator,
        Role::Rapporteur,
        Role::Secretariat,
        Role::Facilitator,
        Role::Observer,
    ];

    /// The value whose [`as_str`](Role::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::CoChair => "co-chair",
            Role::ViceChair => "vice-chair",
            Role::Moderator => "moderator",
            Role::Rapporteur => "rapporteur",
            Role::Secretariat => "secretariat",
            Role::Facilitator => "facilitator",
            Role::Observer => "observer",
        }
    }

    /// Whether the role makes its holder one of the meeting's chairs.
    pub fn is_chair(self) -> bool {
        matches!(self, Role::Chair | Role::CoChair)
    }
}

/// The stakeholder group of a participant, only when the text states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StakeholderGroup {
    Government,
    CivilSociety,
    PrivateSector,
    TechnicalCommunity,
    Academia,
    IntergovernmentalOrganization,
}

impl StakeholderGroup {
    /// Every value, in declaration order.
    pub const ALL: [StakeholderGroup; 6] = [
        StakeholderGroup::Government,
        StakeholderGroup::CivilSociety,
        StakeholderGroup::PrivateSector,
        StakeholderGroup::TechnicalCommunity,
        StakeholderGroup::Academia,
        StakeholderGroup::IntergovernmentalOrganization,
    ];

    /// The value whose [`as_str`](StakeholderGroup::as_str) is `text`, if any.
    pub fn parse(text: &str) -> Option<StakeholderGroup> {
        StakeholderGroup::ALL
            .into_iter()
            .find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StakeholderGroup::Government => "government",
            StakeholderGroup::CivilSociety => "civil-society",
            StakeholderGroup::PrivateSector => "private-sector",
            StakeholderGroup::TechnicalCommunity => "technical-community",
            StakeholderGroup::Academia => "academia",
            StakeholderGroup::IntergovernmentalOrganization => "intergovernmental-organization",
        }
    }
}

/// One person on the meeting's participant list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The name in "First Last" order, as written otherwise.
    pub name: String,
    /// Everything the list says after the name, as written.
    pub affiliation: Option<String>,
    pub roles: Vec<Role>,
    pub stakeholder_group: Option<StakeholderGroup>,
    /// Other names this person is known by (from people hints).
    pub aliases: Vec<String>,
    /// The title the list gives ("Mr.", "Ms.", "Ambassador"), which can tell two
    /// participants of one surname apart.
    pub honorific: Option<String>,
    pub span: Span,
}
