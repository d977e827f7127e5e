//! Identity across revisions: trails through three revisions, reinsertion of a deleted
//! paragraph under its old identity, splits and merges, and diffs between any two revisions
//! aligned by identity.

mod common;

use common::{fixture, show_diff};
use texts::{Change, History, Revision, apply};

fn trail(history: &History, revisions: &[&Revision], rev: usize, number: &str) -> String {
    let para = revisions[rev].find(number).expect("the paragraph exists");
    history
        .trail(history.id(rev, para))
        .iter()
        .map(|step| {
            let at = step
                .para
                .map_or("-".to_owned(), |p| common::name(revisions[step.rev], p));
            let changes: Vec<String> = step.changes.iter().map(|c| format!("{c:?}")).collect();
            format!("rev{} {at} {}", step.rev, changes.join("+"))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn a_deleted_paragraph_comes_back_under_its_old_identity() {
    let r0 = fixture("pairs/reinserted/a.md");
    let r1 = fixture("pairs/reinserted/b.md");
    let r2 = fixture("pairs/reinserted/c.md");
    let revisions = [&r0, &r1, &r2];
    let history = History::build(&revisions);
    assert_eq!(
        trail(&history, &revisions, 2, "4 bis"),
        "rev0 5 Inserted | rev1 - Deleted | rev2 4 bis Edited+Renumbered+Reinserted"
    );
    assert_eq!(
        trail(&history, &revisions, 0, "6"),
        "rev0 6 Inserted | rev1 5 Renumbered | rev2 5 Unchanged"
    );
    assert_eq!(
        history.id(0, r0.find("5").expect("5")),
        history.id(2, r2.find("4 bis").expect("4 bis"))
    );

    let one_to_two = history.diff(&revisions, 1, 2);
    assert_eq!(one_to_two.summary.reinserted, 1);
    assert_eq!(one_to_two.summary.inserted, 0);
    assert!(show_diff(&one_to_two, &r1, &r2).contains("- -> 4 bis: reinserted\n"));
    assert_eq!(apply(&r1, &one_to_two), r2);

    // Over both revisions, the paragraph was never away.
    let zero_to_two = history.diff(&revisions, 0, 2);
    assert!(show_diff(&zero_to_two, &r0, &r2).contains("5 -> 4 bis: edited renumbered\n"));
    assert_eq!(apply(&r0, &zero_to_two), r2);

    // Aligned alone, the pair cannot know the paragraph was there before.
    let alone = texts::diff(&r1, &r2);
    assert_eq!((alone.summary.inserted, alone.summary.reinserted), (1, 0));
}

#[test]
fn split_pieces_and_merged_paragraphs_keep_track_of_each_other() {
    let a = fixture("pairs/split/a.md");
    let b = fixture("pairs/split/b.md");
    let revisions = [&a, &b];
    let history = History::build(&revisions);
    let whole = history.id(0, a.find("4").expect("4"));
    assert_eq!(history.find(whole, 1), b.find("4"));
    let pieces = history.pieces(whole);
    assert_eq!(pieces.len(), 1);
    assert_eq!(history.find(pieces[0], 1), b.find("5"));
    assert_eq!(
        history.trail(pieces[0])[0].changes,
        [Change::Renumbered, Change::Split]
    );
    let d = history.diff(&revisions, 0, 1);
    assert_eq!(d.summary.split, 2);
    assert_eq!(apply(&a, &d), b);

    let a = fixture("pairs/merged/a.md");
    let b = fixture("pairs/merged/b.md");
    let revisions = [&a, &b];
    let history = History::build(&revisions);
    let five = history.id(0, a.find("5").expect("5"));
    let six = history.id(0, a.find("6").expect("6"));
    assert_eq!(history.follow(five, 1), b.find("5"));
    assert_eq!(history.follow(six, 1), b.find("5"));
    assert_eq!(history.find(six, 1), None);
    let d = history.diff(&revisions, 0, 1);
    assert!(show_diff(&d, &a, &b).contains("5+6 -> 5: merged\n"));
    assert_eq!(apply(&a, &d), b);
}

#[test]
fn identity_survives_a_move_and_a_cascade() {
    let a = fixture("pairs/moved/a.md");
    let b = fixture("pairs/moved/b.md");
    let c = fixture("pairs/renumbering-cascade/b.md");
    let revisions = [&a, &b, &c];
    let history = History::build(&revisions);
    assert_eq!(
        trail(&history, &revisions, 0, "6"),
        "rev0 6 Inserted | rev1 4 Renumbered+Moved | rev2 7 Renumbered+Moved"
    );
    let d = history.diff(&revisions, 0, 2);
    assert_eq!(apply(&a, &d), c);
}
