//! Comments on a revision and how they travel to the next one.
//!
//! A comment is made on one paragraph (by identity, so renumbering cannot lose it), optionally
//! on a quoted span of it ([`Anchor`]). [`carry`] finds where it belongs in another revision:
//! the same paragraph, the paragraph it was merged into, or, for a split, the piece that still
//! holds the quote; and says whether the quote survived, changed or disappeared.

use serde::Serialize;

use crate::anchor::{Anchor, Relocation, relocate};
use crate::history::{History, ParaId};
use crate::revision::Revision;

/// A member's comment on one paragraph of one revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub author: String,
    pub body: String,
    /// The revision commented on (index in the history's list).
    pub rev: usize,
    /// The paragraph commented on.
    pub para: ParaId,
    /// The quoted span, if the comment is on part of the paragraph.
    pub anchor: Option<Anchor>,
    /// When it was made, as the caller writes dates; shown as given.
    pub date: Option<String>,
}

/// Where a comment stands in some revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Placement {
    /// The paragraph it belongs to there; `None` when its paragraph was deleted.
    pub para: Option<usize>,
    /// Where its quote stands in that paragraph; `None` for a comment without a quote.
    pub quote: Option<Relocation>,
}

/// Where `comment` belongs in revision `to`.
pub fn carry(
    history: &History,
    revisions: &[&Revision],
    comment: &Comment,
    to: usize,
) -> Placement {
    let text_of = |para: usize| {
        revisions
            .get(to)
            .and_then(|r| r.paragraphs.get(para))
            .map_or("", |p| p.text.as_str())
    };
    let locate = |para: usize| comment.anchor.as_ref().map(|a| relocate(a, text_of(para)));
    let Some(home) = history.follow(comment.para, to) else {
        return Placement {
            para: None,
            quote: comment.anchor.as_ref().map(|_| Relocation::Gone),
        };
    };
    let placement = Placement {
        para: Some(home),
        quote: locate(home),
    };
    if placement.quote != Some(Relocation::Gone) {
        return placement;
    }
    // The paragraph was split and the quote went with another piece.
    history
        .pieces(comment.para)
        .into_iter()
        .filter_map(|piece| history.follow(piece, to))
        .map(|para| Placement {
            para: Some(para),
            quote: locate(para),
        })
        .find(|p| p.quote != Some(Relocation::Gone))
        .unwrap_or(placement)
}
