//! What the web's test files share: an archive of the example archive, the seed report and
//! one hostile report of the test's own, read with the real reader into a real SQLite file.

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A new archive in `dir`: the eight example meetings, the seed, and `hostile` (a report whose
/// text attacks the pages). Returns the archive's path.
pub fn build_archive(dir: &Path, hostile: &str) -> PathBuf {
    let path = dir.join("archive.db");
    let mut store = store::Store::open(&path).expect("a new archive");
    let mut reports: Vec<(String, Vec<u8>)> = std::fs::read_dir(root().join("examples/archive"))
        .expect("the example archive")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("a readable report");
            (p.display().to_string(), bytes)
        })
        .collect();
    let seed = root().join("crates/ingest/test_data/summary-report/seed-igf-wg-strategy-106.txt");
    reports.push((
        seed.display().to_string(),
        std::fs::read(&seed).expect("the seed report"),
    ));
    reports.push(("hostile.txt".into(), hostile.as_bytes().to_vec()));
    reports.sort();
    let hints = ingest::PeopleHints::default();
    for (name, bytes) in reports {
        let record = ingest::read_summary_report(&name, &bytes, &hints).expect("a report");
        let text = String::from_utf8(bytes).expect("UTF-8");
        store
            .import(&record, Some(&text), "2026-11-26T00:00:00Z")
            .expect("imported");
    }
    // Meeting 26 has its Zoom participant report attached, names matched as the CLI does.
    let meeting = store.find_meeting("WG-Data/26").expect("meeting 26");
    let record = store.meeting(&meeting).expect("its record").record;
    let export = root().join("crates/ingest/test_data/attendance/zoom-with-summary.csv");
    let bytes = std::fs::read(&export).expect("the export");
    let context = ingest::attendance::Context {
        meeting_day: record.meeting.date,
        order: None,
    };
    let report = ingest::attendance::read(&bytes, context).expect("an export");
    let participants: Vec<Option<String>> =
        ingest::attendance::match_names(&report, &record.participants, &hints)
            .into_iter()
            .map(|m| match m.speaker {
                model::Speaker::Resolved { name, .. } => Some(name),
                _ => None,
            })
            .collect();
    store
        .set_attendance(&meeting, &report, &participants, "zoom.csv", "0")
        .expect("attached");
    // The Data Stewardship Principles, with a consultation and a comment on Rev1 para 9.
    let folder = root().join("examples/archive/documents/data-stewardship-principles");
    let revisions: Vec<(store::RevisionSummary, Vec<u8>)> = [
        ("Zero draft", "zero-draft.md", "2026-09-08"),
        ("Rev1", "rev1.md", "2026-10-16"),
        ("Rev2", "rev2.md", "2026-12-01"),
        ("Rev3", "rev3.md", "2027-01-19"),
    ]
    .into_iter()
    .map(|(label, file, date)| {
        let bytes = std::fs::read(folder.join(file)).expect("a revision");
        let summary = store::RevisionSummary {
            label: label.into(),
            date: Some(date.into()),
            source_path: file.into(),
            sha256: "0".repeat(64),
        };
        (summary, bytes)
    })
    .collect();
    let revisions: Vec<(store::RevisionSummary, &[u8])> = revisions
        .iter()
        .map(|(s, b)| (s.clone(), b.as_slice()))
        .collect();
    store
        .import_document(
            "Data Stewardship Principles",
            Some("dsp"),
            Some("ODCF Working Group on Cross-Border Data Governance"),
            &revisions,
        )
        .expect("the document");
    store
        .add_consultation("dsp", "Rev1", Some("2026-10-16"), "2026-11-06")
        .expect("a consultation");
    let rev1 = texts::read_revision("rev1.md", revisions[1].1).expect("Rev1 reads");
    let nine = rev1.find("9").expect("Rev1 has a paragraph 9");
    let text = &rev1.paragraphs[nine].text;
    let start = text.find("meaningful consent").expect("the quoted words");
    let anchor = texts::anchor(text, start, start + "meaningful consent".len());
    store
        .add_comment(
            "dsp",
            &store::Comment {
                id: 0,
                revision: "Rev1".into(),
                paragraph: nine,
                number: Some("9".into()),
                author: "Lucía Ferreyra".into(),
                text: "Keep <b>meaningful</b> consent.".into(),
                quote: Some(store::Quote {
                    exact: anchor.exact,
                    prefix: anchor.prefix,
                    suffix: anchor.suffix,
                }),
                created_at: "2026-10-20T10:00:00Z".into(),
            },
        )
        .expect("a comment");
    path
}
