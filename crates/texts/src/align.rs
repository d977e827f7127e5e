//! Which paragraph of revision A is which paragraph of revision B.
//!
//! Alignment uses the text, not the number, because numbers are what renumbering changes:
//!
//! 1. Paragraphs with exactly the same text are the same paragraph (duplicates pair in order).
//! 2. Of the rest, pairs whose word sets are alike (Jaccard at least [`EDITED`]) are the same
//!    paragraph edited, best pairs first; an equal number breaks ties, nothing more.
//! 3. A paragraph of A whose words are spread over two or more consecutive paragraphs of B,
//!    each mostly made of A's words, was split; the mirror image is a merge.
//! 4. Between two paragraphs that kept their order, a paragraph of A and one of B that are
//!    still somewhat alike (Jaccard at least [`REWRITTEN`]) are one paragraph rewritten.
//!    Failing that, in the same gap, a paragraph of A and one of B with the same number (and
//!    kind) are one paragraph rewritten whatever their words.
//! 5. What is left of A was deleted, what is left of B inserted.
//!
//! Each pass compares a paragraph with at most a band of `BAND` (500) paragraphs on either side of
//! its relative position on the other side, so that two unrelated texts of any size are aligned
//! in time proportional to their length; revisions with fewer unpaired paragraphs than that,
//! which is every real one, are compared in full.
//!
//! A paired paragraph is *moved* when it is not on the longest run of pairs that kept their
//! order (a longest increasing subsequence), so a paragraph that stays put while another jumps
//! over it is not called moved, and a deletion does not make everything after it "moved".

use crate::revision::{ParagraphKind, Revision};
use crate::similarity::{Sets, WordSet};

/// The least Jaccard similarity for two paragraphs anywhere in the texts to be one paragraph
/// edited.
pub const EDITED: f32 = 0.5;
/// The least Jaccard similarity for two paragraphs in the same gap between unmoved
/// paragraphs to be one paragraph rewritten.
pub const REWRITTEN: f32 = 0.25;
/// The least share of a piece's words that must come from the paragraph it was split from (or
/// merged into).
const PIECE: f32 = 0.75;
/// The least share of the whole's words the pieces must cover together.
const COVER: f32 = 0.7;
/// How much more of the whole the pieces must cover together than the best piece alone.
const CONTRIBUTION: f32 = 0.1;

/// The correspondence between the paragraphs of two revisions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Alignment {
    /// Every paragraph of A and of B is in exactly one link. Sorted by the first paragraph of
    /// B, deletions last in the order of A.
    pub links: Vec<Link>,
}

/// A group of paragraphs of A that became a group of paragraphs of B.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Link {
    /// Indices in A, ascending; empty for an insertion.
    pub a: Vec<usize>,
    /// Indices in B, ascending; empty for a deletion.
    pub b: Vec<usize>,
    pub kind: LinkKind,
    /// Out of the order of the other paragraphs.
    pub moved: bool,
    /// Jaccard similarity of the linked paragraphs' words (1 for identical text, 0 for
    /// insertions and deletions).
    pub similarity: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// One paragraph, one paragraph: the same, maybe edited or renumbered.
    Same,
    /// One paragraph of A became several of B.
    Split,
    /// Several paragraphs of A became one of B.
    Merge,
    /// In A only.
    Deleted,
    /// In B only.
    Inserted,
    /// In B only, but in a revision before A: set by [`History`](crate::History), never by
    /// [`align`] alone.
    Reinserted,
}

/// Aligns the paragraphs of two revisions.
pub fn align(a: &Revision, b: &Revision) -> Alignment {
    let sets_a = Sets::new(a);
    let sets_b = Sets::new(b);
    let mut pair_a: Vec<Option<usize>> = vec![None; a.paragraphs.len()];
    let mut pair_b: Vec<Option<usize>> = vec![None; b.paragraphs.len()];
    let heading = |r: &Revision, i: usize| r.paragraphs[i].kind == ParagraphKind::Heading;

    // 1. Identical text.
    let mut by_text: std::collections::HashMap<(&str, bool), std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for (i, p) in a.paragraphs.iter().enumerate() {
        by_text
            .entry((p.text.as_str(), heading(a, i)))
            .or_default()
            .push_back(i);
    }
    for (j, p) in b.paragraphs.iter().enumerate() {
        if let Some(i) = by_text
            .get_mut(&(p.text.as_str(), heading(b, j)))
            .and_then(|q| q.pop_front())
        {
            pair_a[i] = Some(j);
            pair_b[j] = Some(i);
        }
    }

    // 2. Alike text, best pairs first.
    let free_a: Vec<usize> = (0..pair_a.len()).filter(|&i| pair_a[i].is_none()).collect();
    let free_b: Vec<usize> = (0..pair_b.len()).filter(|&j| pair_b[j].is_none()).collect();
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (k, &i) in free_a.iter().enumerate() {
        for &j in &free_b[near(k, free_a.len(), free_b.len())] {
            if heading(a, i) != heading(b, j) {
                continue;
            }
            let similarity = sets_a.get(i).jaccard(sets_b.get(j));
            if similarity >= EDITED {
                candidates.push((score(a, b, i, j, similarity), i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in candidates {
        if pair_a[i].is_none() && pair_b[j].is_none() {
            pair_a[i] = Some(j);
            pair_b[j] = Some(i);
        }
    }

    // 3. Splits and merges.
    let splits = pieces(&sets_a, &sets_b, &mut pair_a, &mut pair_b);
    let merges = pieces(&sets_b, &sets_a, &mut pair_b, &mut pair_a);

    // 4. Rewritten paragraphs in the gaps between paragraphs that kept their order.
    let kept = in_order(&pair_b);
    let mut gap_candidates: Vec<(f32, usize, usize)> = Vec::new();
    let anchors: Vec<(usize, usize)> = kept
        .iter()
        .filter_map(|&j| pair_b[j].map(|i| (i, j)))
        .collect();
    for &j in &free_b {
        if pair_b[j].is_some() {
            continue;
        }
        let before = anchors.iter().rev().find(|&&(_, bj)| bj < j);
        let after = anchors.iter().find(|&&(_, bj)| bj > j);
        let lo = before.map_or(0, |&(ai, _)| ai + 1);
        let hi = after.map_or(a.paragraphs.len(), |&(ai, _)| ai);
        let hi = hi.min(lo + BAND);
        for (i, paired) in pair_a.iter().enumerate().take(hi).skip(lo) {
            if paired.is_some() || heading(a, i) != heading(b, j) {
                continue;
            }
            let similarity = sets_a.get(i).jaccard(sets_b.get(j));
            if similarity >= REWRITTEN {
                gap_candidates.push((score(a, b, i, j, similarity), i, j));
            }
        }
    }
    gap_candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in gap_candidates {
        if pair_a[i].is_none() && pair_b[j].is_none() {
            pair_a[i] = Some(j);
            pair_b[j] = Some(i);
        }
    }

    // 4b. In the same gap, a paragraph of A and one of B that keep the same number are one
    // paragraph rewritten, however few words survived: negotiators rewrite a contested
    // paragraph under its number ("para 12 now has two bracketed alternatives").
    for &j in &free_b {
        if pair_b[j].is_some() {
            continue;
        }
        let Some(number) = b.paragraphs[j].number.as_deref() else {
            continue;
        };
        let before = anchors.iter().rev().find(|&&(_, bj)| bj < j);
        let after = anchors.iter().find(|&&(_, bj)| bj > j);
        let lo = before.map_or(0, |&(ai, _)| ai + 1);
        let hi = after
            .map_or(a.paragraphs.len(), |&(ai, _)| ai)
            .min(lo + BAND);
        let wanted = crate::number::normalise(number);
        let same: Vec<usize> = (lo..hi)
            .filter(|&i| {
                pair_a[i].is_none()
                    && a.paragraphs[i].kind == b.paragraphs[j].kind
                    && a.paragraphs[i]
                        .number
                        .as_deref()
                        .is_some_and(|n| crate::number::normalise(n) == wanted)
            })
            .collect();
        if let [i] = same[..] {
            pair_a[i] = Some(j);
            pair_b[j] = Some(i);
        }
    }

    // 5. Links, moves, deletions and insertions.
    let mut links: Vec<Link> = Vec::new();
    for (i, js) in splits {
        let similarity = sets_a
            .get(i)
            .jaccard(&WordSet::union(js.iter().map(|&j| sets_b.get(j))));
        links.push(Link {
            a: vec![i],
            b: js,
            kind: LinkKind::Split,
            moved: false,
            similarity,
        });
    }
    for (j, is) in merges {
        let similarity = sets_b
            .get(j)
            .jaccard(&WordSet::union(is.iter().map(|&i| sets_a.get(i))));
        links.push(Link {
            a: is,
            b: vec![j],
            kind: LinkKind::Merge,
            moved: false,
            similarity,
        });
    }
    for (j, paired) in pair_b.iter().enumerate() {
        match paired {
            Some(i) if *i != usize::MAX => links.push(Link {
                a: vec![*i],
                b: vec![j],
                kind: LinkKind::Same,
                moved: false,
                similarity: if a.paragraphs[*i].text == b.paragraphs[j].text {
                    1.0
                } else {
                    sets_a.get(*i).jaccard(sets_b.get(j))
                },
            }),
            Some(_) => {}
            None => links.push(Link {
                a: Vec::new(),
                b: vec![j],
                kind: LinkKind::Inserted,
                moved: false,
                similarity: 0.0,
            }),
        }
    }
    for (i, paired) in pair_a.iter().enumerate() {
        if paired.is_none() {
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
    Alignment { links }
}

/// How many paragraphs on the other side one paragraph is compared with at most, in each pass.
/// Real revisions leave a few dozen paragraphs unpaired after the identical ones; two unrelated
/// texts of a hundred thousand paragraphs each would otherwise take ten billion comparisons.
const BAND: usize = 500;

/// The positions in a list of `of` candidates that the `k`-th of `len` paragraphs is compared
/// with: all of them when there are few, else a band around the same relative position.
fn near(k: usize, len: usize, of: usize) -> std::ops::Range<usize> {
    if of <= 2 * BAND {
        return 0..of;
    }
    let centre = k * of / len.max(1);
    centre.saturating_sub(BAND)..(centre + BAND).min(of)
}

/// A pair's rank among candidates: its similarity, a little more for an equal number, and a
/// very little less the further apart the two stand.
fn score(a: &Revision, b: &Revision, i: usize, j: usize, similarity: f32) -> f32 {
    let same_number = match (&a.paragraphs[i].number, &b.paragraphs[j].number) {
        (Some(x), Some(y)) => crate::number::normalise(x) == crate::number::normalise(y),
        _ => false,
    };
    let distance = (i as f32 / a.paragraphs.len().max(1) as f32
        - j as f32 / b.paragraphs.len().max(1) as f32)
        .abs();
    similarity + if same_number { 0.02 } else { 0.0 } - 0.01 * distance
}

/// Finds wholes of side X spread over consecutive pieces of side Y (splits when X is A, merges
/// when X is B), marks their paragraphs as taken (`usize::MAX` on the pieces' side, so they are
/// not linked again), and returns them.
fn pieces(
    sets_x: &Sets<'_>,
    sets_y: &Sets<'_>,
    pair_x: &mut [Option<usize>],
    pair_y: &mut [Option<usize>],
) -> Vec<(usize, Vec<usize>)> {
    let mut found = Vec::new();
    // Only free paragraphs can be pieces (besides the whole's own partner), and after the
    // first passes there are few: looking only at them keeps this linear in practice.
    let free_y: Vec<usize> = (0..sets_y.len()).filter(|&y| pair_y[y].is_none()).collect();
    if free_y.is_empty() {
        return found;
    }
    // The loop takes wholes and pieces as it goes, writing `pair_x[x]` and `pair_y` inside,
    // so it walks indices rather than borrowing `pair_x` for an iterator.
    #[allow(clippy::needless_range_loop)]
    for x in 0..sets_x.len() {
        if pair_x[x] == Some(usize::MAX) {
            continue;
        }
        let partner = pair_x[x];
        // Pieces are consecutive, so a whole with a partner needs a free paragraph beside it;
        // and a whole kept word for word by its partner was not split.
        if let Some(p) = partner {
            let beside = |y: usize| y < pair_y.len() && pair_y[y].is_none();
            if !(beside(p + 1) || p.checked_sub(1).is_some_and(beside))
                || sets_x.get(x).within(sets_y.get(p)) >= 0.999
            {
                continue;
            }
        }
        if sets_x.get(x).len() < 6 {
            continue;
        }
        // A piece is free, or is this whole's own partner, and is mostly made of its words.
        let is_piece = |y: usize, pair_y: &[Option<usize>]| {
            (pair_y[y].is_none() || partner == Some(y))
                && sets_y.get(y).len() >= 3
                && sets_y.get(y).within(sets_x.get(x)) >= PIECE
        };
        let mut candidates: Vec<usize> = free_y[near(x, sets_x.len(), free_y.len())]
            .iter()
            .copied()
            .chain(partner)
            .filter(|&y| is_piece(y, pair_y))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        // The longest run of consecutive pieces that includes the partner, if there is one.
        let mut best: Vec<usize> = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        for &y in &candidates {
            if run.last().is_some_and(|&last| last + 1 != y) {
                if partner.is_none_or(|p| run.contains(&p)) && run.len() > best.len() {
                    best = std::mem::take(&mut run);
                }
                run.clear();
            }
            run.push(y);
        }
        if partner.is_none_or(|p| run.contains(&p)) && run.len() > best.len() {
            best = run;
        }
        if best.len() < 2 {
            continue;
        }
        let covered = sets_x
            .get(x)
            .within(&WordSet::union(best.iter().map(|&y| sets_y.get(y))));
        // Every piece must matter: the pieces together cover clearly more than the best one
        // alone, or the "split" is an edited paragraph next to a new one that reuses its words.
        let alone = best
            .iter()
            .map(|&y| sets_x.get(x).within(sets_y.get(y)))
            .fold(0.0f32, f32::max);
        if covered < COVER || covered - alone < CONTRIBUTION {
            continue;
        }
        if let Some(p) = partner {
            pair_y[p] = None;
        }
        pair_x[x] = Some(usize::MAX);
        for &y in &best {
            pair_y[y] = Some(usize::MAX);
        }
        found.push((x, best));
    }
    found
}

/// The indices of B whose partners in A are on a longest increasing run: the paragraphs that
/// kept their order.
fn in_order(pair_b: &[Option<usize>]) -> Vec<usize> {
    let paired: Vec<(usize, usize)> = pair_b
        .iter()
        .enumerate()
        .filter_map(|(j, p)| p.filter(|&i| i != usize::MAX).map(|i| (j, i)))
        .collect();
    let keys: Vec<usize> = paired.iter().map(|&(_, i)| i).collect();
    longest_increasing(&keys)
        .into_iter()
        .map(|k| paired[k].0)
        .collect()
}

/// Marks as moved every link that is not on a longest run of links whose first paragraphs
/// increase in both A and B.
pub(crate) fn mark_moves(links: &mut [Link]) {
    links.sort_by_key(|l| {
        (
            l.b.first().copied().unwrap_or(usize::MAX),
            l.a.first().copied(),
        )
    });
    let paired: Vec<usize> = (0..links.len())
        .filter(|&k| !links[k].a.is_empty() && !links[k].b.is_empty())
        .collect();
    let keys: Vec<usize> = paired.iter().map(|&k| links[k].a[0]).collect();
    let keep: std::collections::HashSet<usize> = longest_increasing(&keys)
        .into_iter()
        .map(|k| paired[k])
        .collect();
    for &k in &paired {
        links[k].moved = !keep.contains(&k);
    }
}

/// The positions of one longest strictly increasing subsequence of `keys` (patience sorting,
/// O(n log n)); among equally long ones, the earliest.
fn longest_increasing(keys: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; keys.len()];
    for (k, &key) in keys.iter().enumerate() {
        let at = tails.partition_point(|&t| keys[t] < key);
        if at > 0 {
            previous[k] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        out.push(k);
        at = previous[k];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn longest_run_in_order() {
        assert_eq!(longest_increasing(&[0, 1, 5, 2, 3, 4]), [0, 1, 3, 4, 5]);
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
        assert_eq!(longest_increasing(&[3, 0, 1, 2]), [1, 2, 3]);
    }
}
