//! The redline in every format, on one pair of revisions that has most kinds of change: an
//! edit, brackets, a status tag, a move, a split, a deletion (para 3), renumbering, and text
//! that needs escaping.

mod common;

use common::fixture;
use texts::{DiffFormat, diff, render_diff};

fn rendered(format: DiffFormat) -> String {
    let a = fixture("render/a.md");
    let b = fixture("render/b.md");
    render_diff(&diff(&a, &b), &a, &b, format)
}

#[test]
fn terminal_plain() {
    insta::assert_snapshot!(rendered(DiffFormat::Terminal { color: false }));
}

#[test]
fn terminal_colour_marks_deletions_and_insertions() {
    let out = rendered(DiffFormat::Terminal { color: true });
    assert!(
        out.contains("\x1b[31;9m"),
        "deletions in red, struck through"
    );
    assert!(
        out.contains("\x1b[32;4m"),
        "insertions in green, underlined"
    );
    assert!(!out.contains("[-"), "no plain markers when colour is on");
}

#[test]
fn markdown() {
    insta::assert_snapshot!(rendered(DiffFormat::Markdown));
}

#[test]
fn html_inline() {
    insta::assert_snapshot!(rendered(DiffFormat::Html));
}

#[test]
fn html_side_by_side() {
    insta::assert_snapshot!(rendered(DiffFormat::HtmlSideBySide));
}

#[test]
fn json() {
    let out = rendered(DiffFormat::Json);
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["interface"], "rapporteur.redline/1");
    insta::assert_snapshot!(out);
}
