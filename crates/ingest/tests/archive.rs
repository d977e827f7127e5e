//! The example archive (`examples/archive`, eight meetings of a fictional working group) reads
//! as one series: same group, consecutive numbers, dated in order, and the member whose
//! affiliation changes is seen to change.

use std::path::Path;

fn meetings() -> Vec<model::Record> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/archive");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("the example archive")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("readable");
            let name = p
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            ingest::read_summary_report(&name, &bytes, &ingest::PeopleHints::default())
                .expect("the archive is text")
        })
        .collect()
}

#[test]
fn the_archive_is_one_series_in_order() {
    let records = meetings();
    assert_eq!(records.len(), 8);
    let numbers: Vec<Option<u32>> = records.iter().map(|r| r.meeting.number).collect();
    assert_eq!(numbers, (21..=28).map(Some).collect::<Vec<_>>());
    for record in &records {
        assert!(
            !record.has_errors(),
            "{}: {:?}",
            record.source.path,
            record.diagnostics
        );
        assert_eq!(
            record.group.short_name.as_deref(),
            Some("WG-Data"),
            "{}",
            record.source.path
        );
        assert!(record.participants.len() >= 15, "{}", record.source.path);
        assert!(record.meeting.start.is_some(), "{}", record.source.path);
        assert_eq!(record.meeting.chairs.len(), 2, "{}", record.source.path);
    }
    let dates: Vec<_> = records.iter().filter_map(|r| r.meeting.date).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
}

#[test]
fn an_affiliation_changes_between_meetings() {
    let records = meetings();
    let affiliation = |index: usize| {
        records[index]
            .participant("Wanjiru Kamau")
            .and_then(|p| p.affiliation.clone())
            .unwrap_or_default()
    };
    assert!(affiliation(3).contains("Kenya"), "{}", affiliation(3));
    assert_eq!(affiliation(4), "Independent Expert");
}
