//! Negotiated texts: the revisions of a document, the identity of each paragraph across them,
//! redlines between any two, and comments that follow the text into the next revision.
//!
//! Everything here is a pure function of what the caller hands in: bytes of a revision, parsed
//! revisions, comments. Nothing reads a file, a clock or the environment, and nothing panics on
//! bad input: reading returns a [`TextError`] with one clear line, everything after reading
//! always returns a value.
//!
//! The pieces, in the order a caller uses them:
//!
//! - [`read_revision`]: bytes of a plain-text, Markdown or DOCX revision into a [`Revision`],
//!   paragraphs numbered exactly as the negotiators numbered them.
//! - [`align()`](align::align) and [`History`]: which paragraph of one revision is which
//!   paragraph of the next (unchanged, edited, renumbered, moved, split, merged, deleted,
//!   inserted, reinserted), and one [`ParaId`] per paragraph through all revisions.
//! - [`diff()`](diff::diff), [`apply`] and [`render_diff`]: a redline between two revisions,
//!   with word-level changes inside edited paragraphs, that reproduces the later revision
//!   exactly, rendered for a terminal, Markdown, HTML or JSON.
//! - [`anchor()`](anchor::anchor), [`relocate`] and [`compile()`](compile::compile): comments
//!   anchored to a quote, moved to the next revision, and gathered for the co-chairs.
//! - [`parse_citation`], [`current_revision`] and [`resolve`]: "para 12" in a meeting record,
//!   resolved to the paragraph of the revision current on the meeting's day.

pub mod align;
pub mod anchor;
pub mod citation;
pub mod comment;
pub mod compile;
pub mod diff;
mod docx;
mod error;
pub mod history;
mod number;
mod plain;
mod read;
pub mod render;
mod revision;
mod similarity;
mod words;

pub use align::{Alignment, Link, LinkKind, align};
pub use anchor::{Anchor, Relocation, anchor, relocate};
pub use citation::{Citation, current_revision, parse_citation, resolve};
pub use comment::{Comment, Placement, carry};
pub use compile::{CompileFormat, Placed, compile};
pub use diff::{Change, Diff, Entry, Head, Summary, WordOp, apply, diff};
pub use error::TextError;
pub use history::{History, ParaId, Step};

pub use read::{MAX_BYTES, read_revision};

pub use render::{DiffFormat, render_diff};
pub use revision::{Paragraph, ParagraphKind, Revision, Warning};
