//! The record of one meeting of a working group, as rapporteur understands it.
//!
//! This crate is the vocabulary every other crate speaks: readers produce a [`Record`],
//! renderers and the store consume one.
//! It holds plain data and a few pure helpers; it performs no IO, has no async and knows no
//! wire format (JSON and the other formats are defined at the edges, in `render`).
//! Every extracted fact carries a [`Span`] that points back into the source text.

mod attendance;
mod date;
mod diagnostic;
mod meeting;
mod person;
mod record;
mod span;
mod speech;

pub use attendance::{AttendanceReport, AttendanceTool, Attendee, Session};
pub use date::{DateFact, DateKind, DateValue, MONTH_NAMES, ordinal};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use meeting::{AgendaItem, Group, Meeting, Mode, Start};
pub use person::{Participant, Role, StakeholderGroup};
pub use record::{ActionItem, Decision, Record, Reference, Repair, RepairKind, Source};
pub use span::Span;
pub use speech::{Agreement, AgreementBasis, Intervention, Mention, Speaker};

#[cfg(test)]
mod tests {
    use super::*;

    /// Each vocabulary's `parse` reads back exactly what its `as_str` writes, and nothing else.
    #[test]
    fn every_name_parses_back_to_its_value() {
        macro_rules! round_trip {
            ($($kind:ty),*) => {$(
                for value in <$kind>::ALL {
                    assert_eq!(<$kind>::parse(value.as_str()), Some(value));
                }
                assert_eq!(<$kind>::parse("no-such-value"), None);
            )*};
        }
        round_trip!(
            Mode,
            Role,
            StakeholderGroup,
            Severity,
            Code,
            DateKind,
            RepairKind,
            AgreementBasis
        );
    }

    #[test]
    fn ordinals() {
        let all: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 106, 111, 112, 113, 123]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            all.join(" "),
            "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st 106th 111th 112th 113th 123rd"
        );
    }
}
