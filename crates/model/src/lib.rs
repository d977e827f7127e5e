//! The record of one meeting of a working group, as rapporteur understands it.
//!
//! This crate is the vocabulary every other crate speaks: readers produce a [`Record`],
//! renderers and the store consume one.
//! It holds plain data and a few pure helpers; it performs no IO, has no async and knows no
//! wire format (JSON and the other formats are defined at the edges, in `render`).
//! Every extracted fact carries a [`Span`] that points back into the source text.

mod date;
mod diagnostic;
mod meeting;
mod person;
mod record;
mod span;
mod speech;

pub use date::{DateFact, DateKind, DateValue, MONTH_NAMES};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use meeting::{AgendaItem, Group, Meeting, Mode, Start};
pub use person::{Participant, Role, StakeholderGroup};
pub use record::{ActionItem, Decision, Record, Reference, Repair, RepairKind, Source};
pub use span::Span;
pub use speech::{Agreement, AgreementBasis, Intervention, Mention, Speaker};
