//! The alignment corpus: pairs of revisions with known edits in `test_data/pairs/<case>/`
//! (`a.md`, `b.md`, and `expect.txt`, the exact expected alignment, one line per entry), one
//! test per kind of change; and the property that applying a diff gives revision B back.

mod common;

use common::{fixture, show_diff};
use texts::{apply, diff};

/// Diffs `a.md` against `b.md` of a case, checks the alignment against `expect.txt`, and
/// checks that applying the diff gives `b.md` back.
fn check(case: &str) {
    let a = fixture(&format!("pairs/{case}/a.md"));
    let b = fixture(&format!("pairs/{case}/b.md"));
    let computed = diff(&a, &b);
    let expected = std::fs::read_to_string(format!(
        "{}/test_data/pairs/{case}/expect.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("an expect.txt");
    assert_eq!(
        show_diff(&computed, &a, &b),
        expected,
        "alignment of {case}"
    );
    assert_eq!(apply(&a, &computed), b, "apply reproduces b in {case}");
}

#[test]
fn unchanged() {
    check("unchanged");
}

#[test]
fn edited() {
    check("edited");
}

#[test]
fn renumbering_cascade() {
    check("renumbering-cascade");
}

#[test]
fn moved() {
    check("moved");
}

#[test]
fn split() {
    check("split");
}

#[test]
fn merged() {
    check("merged");
}

#[test]
fn deleted() {
    check("deleted");
}

#[test]
fn brackets() {
    check("brackets");
}

#[test]
fn status() {
    check("status");
}

#[test]
fn deleted_before_reinsertion() {
    check("reinserted");
}

#[test]
fn sub_paragraphs_relettered() {
    check("sub-paragraphs");
}

#[test]
fn summary_counts_each_kind() {
    let a = fixture("pairs/renumbering-cascade/a.md");
    let b = fixture("pairs/renumbering-cascade/b.md");
    let s = diff(&a, &b).summary;
    assert_eq!(
        (s.unchanged, s.inserted, s.renumbered, s.edited, s.moved),
        (8, 1, 6, 0, 0)
    );
}
