//! A redline between two revisions: the alignment of their paragraphs, word-level changes
//! inside each changed paragraph, and a summary. [`apply`] turns revision A and a diff back
//! into revision B exactly (text, numbers, kinds, status tags, places), which is what the
//! property test holds it to.
//!
//! Word changes are computed with the `similar` crate (Myers' algorithm) on tokens that keep
//! white space and punctuation, so equal stretches refer to byte ranges of A's text and
//! inserted stretches carry their words; nothing of B is copied that A already has.

use serde::Serialize;

use crate::align::{Alignment, Link, LinkKind, align};
use crate::number;
use crate::revision::{Paragraph, ParagraphKind, Revision, Warning};

/// What happened to one paragraph between two revisions. An entry has one or more: an edited
/// paragraph that was also renumbered has both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// The same number, text and status tag.
    Unchanged,
    /// Words changed.
    Edited,
    /// Its number changed (a cascade after an insertion renumbers every later paragraph).
    Renumbered,
    /// It stands elsewhere relative to the paragraphs around it.
    Moved,
    /// One of several paragraphs made from one.
    Split,
    /// One paragraph made from several.
    Merged,
    /// Gone from the later revision.
    Deleted,
    /// New in the later revision.
    Inserted,
    /// New in the later revision but present in an earlier one (known only from a
    /// [`History`](crate::History)): "the reintroduction of para. 54tre".
    Reinserted,
    /// Its status tag changed (`[agreed ad ref]` added, say).
    StatusChanged,
    /// Its square-bracketed (contested) text changed: brackets added, removed or edited.
    BracketsChanged,
}

/// One word-level operation on the base text of an entry (the texts of its paragraphs in A,
/// joined with one space). Ranges are byte ranges of the base text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum WordOp {
    Equal { start: usize, end: usize },
    Delete { start: usize, end: usize },
    Insert { text: String },
}

/// B's paragraph without its text: what [`apply`] needs besides the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Head {
    pub number: Option<String>,
    pub kind: ParagraphKind,
    pub level: u8,
    pub parent: Option<usize>,
    pub status: Option<String>,
    pub line: u32,
    pub column: u32,
}

/// One paragraph of B (or one deleted paragraph of A) and how it came from A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The paragraphs of A it came from (empty for an insertion; two or more for a merge).
    pub a: Vec<usize>,
    /// The paragraph of B (`None` for a deletion).
    pub b: Option<usize>,
    /// Sorted; never empty.
    pub changes: Vec<Change>,
    /// From the base text (A's paragraphs joined with a space) to B's text.
    pub words: Vec<WordOp>,
    /// B's paragraph without its text; `None` for a deletion.
    pub head: Option<Head>,
}

/// How many paragraphs changed, and how.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub unchanged: usize,
    pub edited: usize,
    pub renumbered: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub inserted: usize,
    pub deleted: usize,
    pub reinserted: usize,
    pub status_changed: usize,
    pub brackets_changed: usize,
}

/// A redline from revision A to revision B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub title_a: Option<String>,
    pub title_b: Option<String>,
    /// B's paragraphs in order, each deleted paragraph of A placed after the entry of the
    /// paragraph that preceded it in A.
    pub entries: Vec<Entry>,
    pub summary: Summary,
    /// B's reader warnings, so that [`apply`] gives B back whole.
    pub warnings: Vec<Warning>,
}

/// The redline from `a` to `b`, aligning their paragraphs first.
pub fn diff(a: &Revision, b: &Revision) -> Diff {
    from_alignment(a, b, &align(a, b))
}

/// The redline from `a` to `b` along a given alignment (from [`align`] or from a
/// [`History`](crate::History)).
pub fn from_alignment(a: &Revision, b: &Revision, alignment: &Alignment) -> Diff {
    let mut entries: Vec<Entry> = Vec::new();
    for link in &alignment.links {
        if link.b.is_empty() {
            entries.push(Entry {
                a: link.a.clone(),
                b: None,
                changes: vec![Change::Deleted],
                words: words(&base(a, &link.a), ""),
                head: None,
            });
            continue;
        }
        for &j in &link.b {
            let target = &b.paragraphs[j];
            entries.push(Entry {
                a: link.a.clone(),
                b: Some(j),
                changes: changes(a, b, link, j),
                words: words(&base(a, &link.a), &target.text),
                head: Some(head(target)),
            });
        }
    }
    let entries = place_deletions(entries);
    let mut summary = Summary::default();
    for entry in &entries {
        for change in &entry.changes {
            let counter = match change {
                Change::Unchanged => &mut summary.unchanged,
                Change::Edited => &mut summary.edited,
                Change::Renumbered => &mut summary.renumbered,
                Change::Moved => &mut summary.moved,
                Change::Split => &mut summary.split,
                Change::Merged => &mut summary.merged,
                Change::Deleted => &mut summary.deleted,
                Change::Inserted => &mut summary.inserted,
                Change::Reinserted => &mut summary.reinserted,
                Change::StatusChanged => &mut summary.status_changed,
                Change::BracketsChanged => &mut summary.brackets_changed,
            };
            *counter += 1;
        }
    }
    Diff {
        title_a: a.title.clone(),
        title_b: b.title.clone(),
        entries,
        summary,
        warnings: b.warnings.clone(),
    }
}

/// What happened to paragraph `j` of B, which `link` made from paragraphs of A.
pub(crate) fn changes(a: &Revision, b: &Revision, link: &Link, j: usize) -> Vec<Change> {
    let target = &b.paragraphs[j];
    let mut out = Vec::new();
    match link.kind {
        LinkKind::Inserted => out.push(Change::Inserted),
        LinkKind::Reinserted => out.push(Change::Reinserted),
        LinkKind::Deleted => out.push(Change::Deleted),
        LinkKind::Split => out.push(Change::Split),
        LinkKind::Merge => out.push(Change::Merged),
        LinkKind::Same => {
            let source = &a.paragraphs[link.a[0]];
            if source.text != target.text {
                out.push(Change::Edited);
            }
            if source.number != target.number {
                out.push(Change::Renumbered);
            }
            if source.status != target.status {
                out.push(Change::StatusChanged);
            }
            if bracketed(source) != bracketed(target) {
                out.push(Change::BracketsChanged);
            }
        }
    }
    if matches!(link.kind, LinkKind::Split | LinkKind::Merge)
        && let Some(&first) = link.a.first()
        && a.paragraphs[first].number != target.number
    {
        out.push(Change::Renumbered);
    }
    if link.moved {
        out.push(Change::Moved);
    }
    if out.is_empty() {
        out.push(Change::Unchanged);
    }
    out.sort();
    out
}

fn bracketed(p: &Paragraph) -> Vec<&str> {
    p.brackets.iter().map(|&(s, e)| &p.text[s..e]).collect()
}

fn head(p: &Paragraph) -> Head {
    Head {
        number: p.number.clone(),
        kind: p.kind,
        level: p.level,
        parent: p.parent,
        status: p.status.clone(),
        line: p.line,
        column: p.column,
    }
}

/// The base text of an entry: its paragraphs of A joined with one space.
pub(crate) fn base(a: &Revision, sources: &[usize]) -> String {
    // A diff applied to a revision it was not made from gives wrong text, not a panic.
    sources
        .iter()
        .map(|&i| a.paragraphs.get(i).map_or("", |p| p.text.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The word operations that turn `from` into `to`.
pub(crate) fn words(from: &str, to: &str) -> Vec<WordOp> {
    if from == to {
        return if from.is_empty() {
            Vec::new()
        } else {
            vec![WordOp::Equal {
                start: 0,
                end: from.len(),
            }]
        };
    }
    let old = crate::words::tokens(from);
    let new = crate::words::tokens(to);
    let mut old_at = Vec::with_capacity(old.len() + 1);
    let mut at = 0;
    for t in &old {
        old_at.push(at);
        at += t.len();
    }
    old_at.push(at);
    let mut out: Vec<WordOp> = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => push(
                &mut out,
                WordOp::Equal {
                    start: old_at[old_index],
                    end: old_at[old_index + len],
                },
            ),
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push(
                &mut out,
                WordOp::Delete {
                    start: old_at[old_index],
                    end: old_at[old_index + old_len],
                },
            ),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push(
                &mut out,
                WordOp::Insert {
                    text: new[new_index..new_index + new_len].concat(),
                },
            ),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(
                    &mut out,
                    WordOp::Delete {
                        start: old_at[old_index],
                        end: old_at[old_index + old_len],
                    },
                );
                push(
                    &mut out,
                    WordOp::Insert {
                        text: new[new_index..new_index + new_len].concat(),
                    },
                );
            }
        }
    }
    absorb_spaces(from, out)
}

/// Turns white space left equal between two changes into part of the change, so that a
/// rewritten stretch reads `[-1 December 2026-]{+19 January 2027+}` rather than word against
/// word, `[-1-]{+19+} [-December-]{+January+} …`. Words that stayed equal are kept.
fn absorb_spaces(from: &str, ops: Vec<WordOp>) -> Vec<WordOp> {
    let is_space = |op: &WordOp| match op {
        WordOp::Equal { start, end } => from[*start..*end].trim().is_empty(),
        _ => false,
    };
    let changed = |op: Option<&WordOp>| op.is_some_and(|op| !matches!(op, WordOp::Equal { .. }));
    let mut out: Vec<WordOp> = Vec::with_capacity(ops.len());
    // The run of changes being gathered: the base range it deletes, the text it inserts.
    let mut run: Option<(usize, usize, String)> = None;
    let mut at = 0;
    for (k, op) in ops.iter().enumerate() {
        let absorbed =
            is_space(op) && changed(ops.get(k.wrapping_sub(1))) && changed(ops.get(k + 1));
        match op {
            WordOp::Equal { start, end } if !absorbed => {
                flush(&mut out, run.take());
                out.push(WordOp::Equal {
                    start: *start,
                    end: *end,
                });
                at = *end;
            }
            WordOp::Equal { start, end } | WordOp::Delete { start, end } => {
                let (_, run_end, text) = run.get_or_insert((*start, *start, String::new()));
                *run_end = *end;
                if matches!(op, WordOp::Equal { .. }) {
                    text.push_str(&from[*start..*end]);
                }
                at = *end;
            }
            WordOp::Insert { text: more } => {
                let (_, _, text) = run.get_or_insert((at, at, String::new()));
                text.push_str(more);
            }
        }
    }
    flush(&mut out, run);
    out
}

fn flush(out: &mut Vec<WordOp>, run: Option<(usize, usize, String)>) {
    let Some((start, end, text)) = run else {
        return;
    };
    if start < end {
        out.push(WordOp::Delete { start, end });
    }
    if !text.is_empty() {
        out.push(WordOp::Insert { text });
    }
}

/// Appends `op`, joining it to the last operation when they are of one kind and adjacent.
fn push(out: &mut Vec<WordOp>, op: WordOp) {
    match (out.last_mut(), op) {
        (Some(WordOp::Equal { end, .. }), WordOp::Equal { start, end: e }) if *end == start => {
            *end = e;
        }
        (Some(WordOp::Delete { end, .. }), WordOp::Delete { start, end: e }) if *end == start => {
            *end = e;
        }
        (Some(WordOp::Insert { text }), WordOp::Insert { text: more }) => text.push_str(&more),
        (_, op) => out.push(op),
    }
}

/// Orders entries by B, each deletion right after the entry that holds the paragraph of A
/// preceding it (or first, if nothing preceded it).
fn place_deletions(entries: Vec<Entry>) -> Vec<Entry> {
    let (mut deleted, mut kept): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| e.b.is_none());
    kept.sort_by_key(|e| e.b);
    deleted.sort_by_key(|e| e.a.first().copied());
    // Where each paragraph of A ended up among the kept entries.
    let mut position_of_a: std::collections::HashMap<usize, usize> =
        std::collections::HashMap::new();
    for (k, e) in kept.iter().enumerate() {
        for &i in &e.a {
            position_of_a.insert(i, k);
        }
    }
    let mut after: Vec<Vec<Entry>> = (0..=kept.len()).map(|_| Vec::new()).collect();
    for e in deleted {
        let i = e.a.first().copied().unwrap_or(0);
        let slot = (0..i)
            .rev()
            .find_map(|p| position_of_a.get(&p).map(|&k| k + 1))
            .unwrap_or(0);
        after[slot].push(e);
    }
    let mut out = Vec::new();
    let mut slots = after.into_iter();
    out.extend(slots.next().unwrap_or_default());
    for (e, slot) in kept.into_iter().zip(slots) {
        out.push(e);
        out.extend(slot);
    }
    out
}

/// Revision B, rebuilt from revision A and the diff from A to B.
pub fn apply(a: &Revision, diff: &Diff) -> Revision {
    let mut paragraphs: Vec<(usize, Paragraph)> = Vec::new();
    for entry in &diff.entries {
        let (Some(j), Some(head)) = (entry.b, &entry.head) else {
            continue;
        };
        let base = base(a, &entry.a);
        let mut text = String::new();
        for op in &entry.words {
            match op {
                WordOp::Equal { start, end } => {
                    text.push_str(base.get(*start..*end).unwrap_or_default());
                }
                WordOp::Insert { text: words } => text.push_str(words),
                WordOp::Delete { .. } => {}
            }
        }
        let (brackets, _) = number::brackets(&text);
        paragraphs.push((
            j,
            Paragraph {
                number: head.number.clone(),
                kind: head.kind,
                level: head.level,
                parent: head.parent,
                text,
                status: head.status.clone(),
                brackets,
                line: head.line,
                column: head.column,
            },
        ));
    }
    paragraphs.sort_by_key(|(j, _)| *j);
    Revision {
        title: diff.title_b.clone(),
        paragraphs: paragraphs.into_iter().map(|(_, p)| p).collect(),
        warnings: diff.warnings.clone(),
    }
}
