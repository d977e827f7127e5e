//! Negotiated documents in the archive: revisions kept as received, labels never reused,
//! consultations and comments, and all of it through the archive document and back.

use store::{Comment, Quote, RevisionSummary, Store, label_key};

fn revision(label: &str, date: &str) -> RevisionSummary {
    RevisionSummary {
        label: label.into(),
        date: Some(date.into()),
        source_path: format!("{}.md", label_key(label)),
        sha256: "0".repeat(64),
    }
}

fn with_document() -> Store {
    let mut store = Store::in_memory().expect("an archive");
    store
        .add_document("Data Stewardship Principles", Some("dsp"), Some("WG-Data"))
        .expect("added");
    store
        .add_revision("dsp", &revision("Zero draft", "2026-09-08"), b"1. First.\n")
        .expect("zero draft");
    store
        .add_revision(
            "Data Stewardship Principles",
            &revision("Rev1", "2026-10-16"),
            b"1. First, edited.\n",
        )
        .expect("rev1");
    store
}

#[test]
fn revisions_keep_their_order_and_bytes() {
    let store = with_document();
    let document = store.document("DSP").expect("by slug, any case");
    assert_eq!(document.title, "Data Stewardship Principles");
    assert_eq!(document.owner.as_deref(), Some("WG-Data"));
    let labels: Vec<&str> = document
        .revisions
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(labels, ["Zero draft", "Rev1"]);
    let revisions = store
        .revisions("data stewardship principles")
        .expect("by title");
    assert_eq!(revisions[1].bytes, b"1. First, edited.\n");
    assert_eq!(store.documents().expect("list").len(), 1);
}

#[test]
fn a_label_is_never_reused_and_nothing_is_stored() {
    let mut store = with_document();
    for label in ["Rev1", "Rev 1", "Revision 1", "rev1"] {
        let error = store
            .add_revision("dsp", &revision(label, "2026-12-01"), b"1. Other.\n")
            .expect_err(label);
        assert!(
            error.to_string().contains("already has a revision 'Rev1'"),
            "{error}"
        );
    }
    assert_eq!(store.document("dsp").expect("dsp").revisions.len(), 2);
    let error = store
        .add_revision("nope", &revision("Rev2", "2026-12-01"), b"1. X.\n")
        .expect_err("no such document");
    assert_eq!(error.to_string(), "no document 'nope'");
    let error = store
        .add_document("data  stewardship principles", None, None)
        .expect_err("same title");
    assert!(error.to_string().contains("already exists"), "{error}");
}

#[test]
fn consultations_and_comments_round_trip_through_the_archive_document() {
    let mut store = with_document();
    store
        .add_consultation("dsp", "Rev 1", Some("2026-10-16"), "2026-11-06")
        .expect("consultation");
    let comment = Comment {
        id: 0,
        revision: "Rev1".into(),
        paragraph: 0,
        number: Some("1".into()),
        author: "Lucía Ferreyra".into(),
        text: "Keep 'edited'.".into(),
        quote: Some(Quote {
            exact: "edited".into(),
            prefix: "First, ".into(),
            suffix: ".".into(),
        }),
        created_at: "2026-10-20T10:00:00Z".into(),
    };
    store.add_comment("dsp", &comment).expect("comment");
    let error = store
        .add_comment(
            "dsp",
            &Comment {
                revision: "Rev9".into(),
                ..comment.clone()
            },
        )
        .expect_err("no Rev9");
    assert_eq!(
        error.to_string(),
        "Data Stewardship Principles has no revision 'Rev9'"
    );
    let comments = store.comments("dsp").expect("comments");
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].quote, comment.quote);

    let exported = store.export_all().expect("exported");
    let mut copy = Store::in_memory().expect("another archive");
    let value = serde_json::from_str(&exported).expect("JSON");
    let done = copy
        .import_archive(value, "2026-11-26T00:00:00Z")
        .expect("imported");
    assert_eq!(done.documents, 1);
    assert_eq!(copy.export_all().expect("again"), exported);
    assert_eq!(
        copy.consultations("dsp").expect("c")[0].deadline,
        "2026-11-06"
    );
}
