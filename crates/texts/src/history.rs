//! One identity per paragraph through all the revisions of a document.
//!
//! [`History::build`] aligns each revision with the one before it and carries identities along
//! the links: a paragraph that is the same (edited, renumbered or moved or not) keeps its
//! [`ParaId`]; of the pieces of a split, the piece holding most of the old words keeps it and
//! the others get new identities that remember where they came from; of the paragraphs merged
//! into one, the one giving most words lends its identity and the others end there, pointing
//! at it. A paragraph deleted in one revision is remembered; when a paragraph that is not
//! otherwise explained appears later with text like it (Jaccard at least
//! [`EDITED`](crate::align::EDITED)), it is the same paragraph **reinserted**, under its old
//! identity.

use serde::Serialize;

use crate::align::{Alignment, Link, LinkKind, align, mark_moves};
use crate::diff::{Change, Diff, changes, from_alignment};
use crate::revision::Revision;
use crate::similarity::WordSet;

/// The identity of one paragraph across revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ParaId(pub u32);

/// Where a paragraph stands in one revision and what happened to it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The revision (index in the list given to [`History::build`]).
    pub rev: usize,
    /// Its index in that revision; `None` when it was deleted there. For a paragraph merged
    /// into another, the paragraph it was merged into.
    pub para: Option<usize>,
    /// Sorted; never empty. The first revision a paragraph appears in says `Inserted`.
    pub changes: Vec<Change>,
}

/// What is known of one identity.
#[derive(Debug, Clone, Default)]
struct Life {
    steps: Vec<Step>,
    /// The paragraph a split piece was cut from.
    origin: Option<ParaId>,
    /// The paragraph this one was merged into.
    merged_into: Option<ParaId>,
}

/// Paragraph identities through an ordered list of revisions.
#[derive(Debug, Clone)]
pub struct History {
    /// Per revision, the identity of each paragraph.
    ids: Vec<Vec<ParaId>>,
    /// Per revision, the paragraph of each identity: `ids` inverted.
    places: Vec<std::collections::HashMap<ParaId, usize>>,
    lives: Vec<Life>,
    /// Per revision after the first, its alignment with the one before.
    alignments: Vec<Alignment>,
}

impl History {
    /// Aligns each revision with the one before it and gives every paragraph its identity.
    pub fn build(revisions: &[&Revision]) -> History {
        let mut history = History {
            ids: Vec::new(),
            places: Vec::new(),
            lives: Vec::new(),
            alignments: Vec::new(),
        };
        let Some(first) = revisions.first() else {
            return history;
        };
        let ids = (0..first.paragraphs.len())
            .map(|i| history.born(0, i, vec![Change::Inserted], None))
            .collect();
        history.ids.push(ids);
        // Identities deleted so far, with the words of their last text.
        let mut deleted: Vec<(ParaId, WordSet, usize)> = Vec::new();
        for rev in 1..revisions.len() {
            let (a, b) = (revisions[rev - 1], revisions[rev]);
            let mut alignment = align(a, b);
            let mut ids: Vec<Option<ParaId>> = vec![None; b.paragraphs.len()];
            let previous = history.ids[rev - 1].clone();
            for link in &alignment.links {
                match link.kind {
                    LinkKind::Same => {
                        let id = previous[link.a[0]];
                        ids[link.b[0]] = Some(id);
                        history.step(id, rev, Some(link.b[0]), changes(a, b, link, link.b[0]));
                    }
                    LinkKind::Split => {
                        let id = previous[link.a[0]];
                        let keeper = largest(&link.b, |j| &b.paragraphs[j].text);
                        for &j in &link.b {
                            let change = changes(a, b, link, j);
                            if j == keeper {
                                ids[j] = Some(id);
                                history.step(id, rev, Some(j), change);
                            } else {
                                ids[j] = Some(history.born(rev, j, change, Some(id)));
                            }
                        }
                    }
                    LinkKind::Merge => {
                        let j = link.b[0];
                        let giver = largest(&link.a, |i| &a.paragraphs[i].text);
                        let id = previous[giver];
                        ids[j] = Some(id);
                        let change = changes(a, b, link, j);
                        for &i in &link.a {
                            history.step(previous[i], rev, Some(j), change.clone());
                            if i != giver {
                                history.lives[previous[i].0 as usize].merged_into = Some(id);
                            }
                        }
                    }
                    LinkKind::Deleted => {
                        let i = link.a[0];
                        history.step(previous[i], rev, None, vec![Change::Deleted]);
                        deleted.push((previous[i], WordSet::of(&a.paragraphs[i].text), rev - 1));
                    }
                    LinkKind::Inserted | LinkKind::Reinserted => {}
                }
            }
            // New paragraphs: reinserted when like a deleted one, else born here.
            for link in alignment.links.iter_mut() {
                if link.kind != LinkKind::Inserted {
                    continue;
                }
                let j = link.b[0];
                let words = WordSet::of(&b.paragraphs[j].text);
                // The most recent deletions only, so that a text rewritten from end to end
                // does not compare every new paragraph with every deleted one.
                let recent = deleted.len().saturating_sub(1000);
                let best = deleted
                    .iter()
                    .enumerate()
                    .skip(recent)
                    .map(|(k, (_, set, _))| (k, set.jaccard(&words)))
                    .filter(|&(_, s)| s >= crate::align::EDITED)
                    .max_by(|x, y| x.1.total_cmp(&y.1));
                if let Some((k, _)) = best {
                    let (id, _, last_rev) = deleted.swap_remove(k);
                    link.kind = LinkKind::Reinserted;
                    let mut change = vec![Change::Reinserted];
                    let last = history.last_paragraph(id, last_rev, revisions);
                    if let Some(old) = last {
                        if old.text != b.paragraphs[j].text {
                            change.push(Change::Edited);
                        }
                        if old.number != b.paragraphs[j].number {
                            change.push(Change::Renumbered);
                        }
                    }
                    change.sort();
                    ids[j] = Some(id);
                    history.step(id, rev, Some(j), change);
                } else {
                    ids[j] = Some(history.born(rev, j, vec![Change::Inserted], None));
                }
            }
            history.ids.push(
                ids.into_iter()
                    .map(|id| id.unwrap_or(ParaId(u32::MAX)))
                    .collect(),
            );
            history.alignments.push(alignment);
        }
        history.places = history
            .ids
            .iter()
            .map(|ids| ids.iter().enumerate().map(|(i, &id)| (id, i)).collect())
            .collect();
        history
    }

    /// The number of revisions.
    pub fn revisions(&self) -> usize {
        self.ids.len()
    }

    /// The identity of paragraph `para` of revision `rev`.
    ///
    /// # Panics
    ///
    /// When `rev` or `para` is out of range, like indexing a slice.
    pub fn id(&self, rev: usize, para: usize) -> ParaId {
        self.ids[rev][para]
    }

    /// The paragraph with identity `id` in revision `rev`, if it stands there under that
    /// identity.
    pub fn find(&self, id: ParaId, rev: usize) -> Option<usize> {
        self.places.get(rev)?.get(&id).copied()
    }

    /// The paragraph of revision `rev` that carries on paragraph `id`: itself, or the paragraph
    /// it was merged into. A deleted paragraph is carried on by nothing.
    pub fn follow(&self, id: ParaId, rev: usize) -> Option<usize> {
        let mut at = id;
        for _ in 0..self.lives.len() {
            if let Some(found) = self.find(at, rev) {
                return Some(found);
            }
            at = self.lives.get(at.0 as usize)?.merged_into?;
        }
        None
    }

    /// The identities split off from `id`, in the order they appeared.
    pub fn pieces(&self, id: ParaId) -> Vec<ParaId> {
        (0..self.lives.len())
            .filter(|&k| self.lives[k].origin == Some(id))
            .map(|k| ParaId(k as u32))
            .collect()
    }

    /// Where paragraph `id` stood in each revision it took part in, and what happened to it.
    pub fn trail(&self, id: ParaId) -> Vec<Step> {
        self.lives
            .get(id.0 as usize)
            .map(|l| l.steps.clone())
            .unwrap_or_default()
    }

    /// The alignment of revision `rev` with revision `rev - 1` (for `rev` ≥ 1).
    pub fn alignment(&self, rev: usize) -> Option<&Alignment> {
        self.alignments.get(rev.checked_sub(1)?)
    }

    /// The redline from revision `from` to revision `to`, any two, aligned by identity: a
    /// paragraph that was in a revision before `from`, missing in `from` and back in `to` is
    /// reinserted. `revisions` must be the list the history was built from.
    pub fn diff(&self, revisions: &[&Revision], from: usize, to: usize) -> Diff {
        let (a, b) = (revisions[from], revisions[to]);
        let mut links: Vec<Link> = Vec::new();
        let mut used_a = vec![false; a.paragraphs.len()];
        let mut merged: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (i, &id) in self.ids[from].iter().enumerate() {
            if self.find(id, to).is_none()
                && let Some(j) = self.follow(id, to)
            {
                merged.entry(j).or_default().push(i);
                used_a[i] = true;
            }
        }
        let mut split: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (j, &id) in self.ids[to].iter().enumerate() {
            if let Some(i) = self.find(id, from) {
                used_a[i] = true;
                match merged.get_mut(&j) {
                    Some(sources) => sources.push(i),
                    None => split.entry(i).or_default().push(j),
                }
                continue;
            }
            // Paragraphs of `from` went into this one, which is otherwise new: a merge of them.
            if merged.contains_key(&j) {
                continue;
            }
            let origin = self.origin_in(id, from);
            if let Some(i) = origin {
                used_a[i] = true;
                split.entry(i).or_default().push(j);
                continue;
            }
            let born = self.trail(id).first().map_or(to, |s| s.rev);
            let kind = if born < from {
                LinkKind::Reinserted
            } else {
                LinkKind::Inserted
            };
            links.push(Link {
                a: Vec::new(),
                b: vec![j],
                kind,
                moved: false,
                similarity: 0.0,
            });
        }
        for (i, mut js) in split {
            js.sort_unstable();
            let kind = if js.len() > 1 {
                LinkKind::Split
            } else {
                LinkKind::Same
            };
            links.push(Link {
                a: vec![i],
                b: js,
                kind,
                moved: false,
                similarity: 0.0,
            });
        }
        for (j, mut is) in merged {
            is.sort_unstable();
            links.push(Link {
                a: is,
                b: vec![j],
                kind: LinkKind::Merge,
                moved: false,
                similarity: 0.0,
            });
        }
        for (i, used) in used_a.iter().enumerate() {
            if !used {
                links.push(Link {
                    a: vec![i],
                    b: Vec::new(),
                    kind: LinkKind::Deleted,
                    moved: false,
                    similarity: 0.0,
                });
            }
        }
        mark_moves(&mut links);
        from_alignment(a, b, &Alignment { links })
    }

    /// The paragraph of revision `rev` that the split piece `id` (or a piece of a piece) was
    /// cut from.
    fn origin_in(&self, id: ParaId, rev: usize) -> Option<usize> {
        let mut at = self.lives.get(id.0 as usize)?.origin;
        for _ in 0..self.lives.len() {
            let origin = at?;
            if let Some(i) = self.find(origin, rev) {
                return Some(i);
            }
            at = self.lives.get(origin.0 as usize)?.origin;
        }
        None
    }

    fn born(
        &mut self,
        rev: usize,
        para: usize,
        changes: Vec<Change>,
        origin: Option<ParaId>,
    ) -> ParaId {
        let id = ParaId(self.lives.len() as u32);
        self.lives.push(Life {
            steps: vec![Step {
                rev,
                para: Some(para),
                changes,
            }],
            origin,
            merged_into: None,
        });
        id
    }

    fn step(&mut self, id: ParaId, rev: usize, para: Option<usize>, changes: Vec<Change>) {
        if let Some(life) = self.lives.get_mut(id.0 as usize) {
            life.steps.push(Step { rev, para, changes });
        }
    }

    /// The paragraph `id` was in revision `rev`.
    fn last_paragraph<'r>(
        &self,
        id: ParaId,
        rev: usize,
        revisions: &[&'r Revision],
    ) -> Option<&'r crate::revision::Paragraph> {
        // Called while the history is built, before `places` exists.
        let i = self.ids.get(rev)?.iter().position(|&x| x == id)?;
        revisions.get(rev)?.paragraphs.get(i)
    }
}

/// The index among `indices` whose text is longest: the piece of a split that keeps the
/// identity, the source of a merge that lends it.
fn largest<'t>(indices: &[usize], text: impl Fn(usize) -> &'t str) -> usize {
    indices
        .iter()
        .copied()
        .max_by_key(|&i| (text(i).len(), std::cmp::Reverse(i)))
        .unwrap_or_default()
}
