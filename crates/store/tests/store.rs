//! The store through its public API, on the example archive read with the real reader: the
//! browsing queries the web pages use, and the migration of an archive of an older schema.

use std::path::{Path, PathBuf};

use store::{SearchQuery, Store};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples(store: &mut Store) {
    let hints = ingest::PeopleHints::default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples/archive"))
        .expect("the example archive")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.push(root().join("crates/ingest/test_data/summary-report/seed-igf-wg-strategy-106.txt"));
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable");
        let name = path.display().to_string();
        let record = ingest::read_summary_report(&name, &bytes, &hints).expect("a report");
        let text = String::from_utf8(bytes).expect("UTF-8");
        store
            .import(&record, Some(&text), "2026-11-26T00:00:00Z")
            .expect("imported");
    }
}

fn example_store() -> Store {
    let mut store = Store::in_memory().expect("an archive in memory");
    examples(&mut store);
    store
}

#[test]
fn what_is_due_comes_soonest_first_and_leaves_out_the_past() {
    let store = example_store();
    let due = store.due("2026-12-01", None, 100).expect("due");
    assert!(!due.is_empty());
    let values: Vec<&str> = due.iter().map(|d| d.value.as_str()).collect();
    let mut sorted = values.clone();
    sorted.sort_unstable();
    assert_eq!(values, sorted);
    // A month counts while it lasts: "2026-12" is still due on 1 December.
    assert!(
        due.iter()
            .all(|d| d.value.as_str() >= "2026-12-01" || d.value == "2026-12")
    );
    assert!(due.iter().any(|d| d.kind == "next-meeting"));
    assert!(due.iter().any(|d| d.kind == "deadline"));
    assert!(due.iter().all(|d| d.kind != "mentioned"));
    // The seed's deadline of 5 December 2025 is in the past by then.
    assert!(due.iter().all(|d| d.meeting.group != "WG-Strategy"));
    let seed = store
        .due("2025-12-01", Some("wg-strategy"), 10)
        .expect("due");
    assert!(
        seed.iter()
            .any(|d| d.value == "2025-12-05" && d.kind == "action-item"),
        "{seed:?}"
    );
    assert!(
        seed.iter()
            .any(|d| d.value == "2025-12-18" && d.kind == "next-meeting")
    );
}

#[test]
fn a_group_has_its_chairs_members_and_series() {
    let store = example_store();
    let group = store.group("WG-Data").expect("the group");
    assert_eq!(group.summary.meetings, 8);
    assert_eq!(group.chairs, vec!["Amara Nwosu", "Henrik Lindqvist"]);
    let wanjiru = group
        .members
        .iter()
        .find(|m| m.name == "Wanjiru Kamau")
        .expect("a member");
    assert_eq!(wanjiru.slug, "wanjiru-kamau");
    assert_eq!(wanjiru.meetings, 8);
    assert_eq!(wanjiru.affiliations.len(), 2);
    assert!(group.members[0].meetings >= group.members.last().map_or(0, |m| m.meetings));

    let m25 = store.find_meeting("WG-Data/25").expect("meeting 25");
    let (before, after) = store.neighbours(&m25).expect("neighbours");
    assert_eq!(before.map(|m| m.number), Some(Some(24)));
    assert_eq!(after.map(|m| m.number), Some(Some(26)));
    let m21 = store.find_meeting("WG-Data/21").expect("meeting 21");
    assert!(store.neighbours(&m21).expect("neighbours").0.is_none());

    let recent = store.recent(3).expect("recent");
    assert_eq!(recent[0].to_string(), "WG-Data/28");
    assert_eq!(recent.len(), 3);
}

#[test]
fn facets_divide_the_matches() {
    let store = example_store();
    let query = SearchQuery {
        text: "para".into(),
        limit: 10,
        ..SearchQuery::default()
    };
    let total = store.search(&query).expect("search").total;
    let facets = store.facets(&query).expect("facets");
    let by_group: u64 = facets.groups.iter().map(|(_, n)| n).sum();
    assert_eq!(by_group, total);
    let by_year: u64 = facets.years.iter().map(|(_, n)| n).sum();
    assert_eq!(by_year, total);
    assert!(facets.years.iter().any(|(y, _)| y == "2026"));
    assert!(!facets.speakers.is_empty());
    let (name, slug, n) = &facets.speakers[0];
    assert!(!name.is_empty() && !slug.is_empty() && *n > 0);
    // A facet, applied as a filter, gives the count it promised.
    let narrowed = SearchQuery {
        speaker: Some(name.clone()),
        ..query.clone()
    };
    assert_eq!(store.search(&narrowed).expect("search").total, *n);
}

#[test]
fn an_archive_of_schema_one_is_brought_up_to_date() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("old.db");
    {
        let mut store = Store::open(&path).expect("a new archive");
        examples(&mut store);
    }
    let due_now = Store::open(&path)
        .expect("open")
        .due("2026-01-01", None, 1000)
        .expect("due")
        .len();
    assert!(due_now > 0);
    // Make it an archive as version 1 left it: none of the objects of later migrations.
    downgrade_to_schema_one(&path);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(store::OpenError::Older { found: 1, .. })
    ));
    let store = Store::open(&path).expect("migrated");
    assert_eq!(
        store.due("2026-01-01", None, 1000).expect("due").len(),
        due_now
    );
    assert!(store.integrity_check().expect("check").is_empty());
}

/// Downgrades the archive with Python's sqlite3 (an independent client), so this test needs no
/// SQL library of its own.
fn downgrade_to_schema_one(path: &Path) {
    let status = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute('DROP TABLE dates')\nc.execute('DROP TABLE generation')\nc.execute('DROP INDEX meetings_in_series')\nfor t in ['presence', 'presence_sources', 'comments', 'consultations', 'revisions', 'documents']: c.execute('DROP TABLE ' + t)\nc.execute('DROP TRIGGER search_pending_on_delete')\nc.execute('DROP TABLE search_pending')\nc.execute(\"CREATE VIRTUAL TABLE search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')\")\nc.execute('PRAGMA user_version = 1')\nc.commit()\nc.close()",
        )
        .arg(path)
        .status()
        .expect("python3 runs");
    assert!(status.success());
}

#[test]
fn a_batch_keeps_each_meeting_whole_and_its_failures_apart() {
    let hints = ingest::PeopleHints::default();
    let read = |n: u32| {
        let path = root().join(format!("examples/archive/wg-data-0{n}.txt"));
        let bytes = std::fs::read(&path).expect("readable");
        ingest::read_summary_report("x.txt", &bytes, &hints).expect("a report")
    };
    let good = read(21);
    let mut nameless = read(22);
    nameless.group = model::Group::default();
    let also_good = read(23);
    let mut store = Store::in_memory().expect("an archive");
    let results = store
        .import_batch(
            &[(&good, None), (&nameless, Some("text")), (&also_good, None)],
            "2026-11-26T00:00:00Z",
        )
        .expect("the archive works");
    assert!(results[0].is_ok());
    assert!(matches!(results[1], Err(store::StoreError::NoGroup)));
    assert!(results[2].is_ok());
    let meetings = store.meetings(None).expect("meetings");
    let names: Vec<String> = meetings.iter().map(|m| m.meeting.to_string()).collect();
    assert_eq!(names, vec!["WG-Data/21", "WG-Data/23"]);
    // Nothing of the failed meeting is anywhere: no passages, no people only it named.
    let people = store.people().expect("people");
    assert!(
        people.iter().all(|p| p.meetings > 0),
        "a person from the failed meeting"
    );
}

#[test]
fn a_meeting_given_twice_in_one_batch_is_indexed_once_as_the_later() {
    let hints = ingest::PeopleHints::default();
    let path = root().join("examples/archive/wg-data-021.txt");
    let text = std::fs::read_to_string(&path).expect("readable");
    let first = ingest::read_summary_report("a.txt", text.as_bytes(), &hints).expect("a report");
    let changed_text = text.replace("Summary Report", "Summary Report, corrected");
    let second =
        ingest::read_summary_report("b.txt", changed_text.as_bytes(), &hints).expect("a report");
    let mut store = Store::in_memory().expect("an archive");
    let results = store
        .import_batch(&[(&first, None), (&second, None)], "2026-11-26T00:00:00Z")
        .expect("the archive works");
    assert!(matches!(results[1], Ok(ref done) if done.outcome == store::Outcome::Updated));
    let query = SearchQuery {
        text: "Wanjiru".into(),
        limit: 100,
        ..SearchQuery::default()
    };
    let results = store.search(&query).expect("search");
    let lines: Vec<u32> = results.hits.iter().map(|h| h.line).collect();
    let mut unique = lines.clone();
    unique.dedup();
    assert_eq!(results.total as usize, results.hits.len());
    assert_eq!(lines, unique, "a passage indexed twice");
    // The batch writes with foreign keys unchecked: the replaced meeting's derived rows
    // (its agreements among them) must still be gone, not left dangling.
    assert_eq!(
        store.integrity_check().expect("check"),
        Vec::<String>::new()
    );
    store.reindex().expect("reindex");
    assert_eq!(store.search(&query).expect("search").total, results.total);
}

/// The search index is derived state kept beside the database: lost, or out of step with
/// the database, it comes back from the database, and a read-only archive without one
/// still answers.
#[test]
fn the_search_index_comes_back_from_the_database() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("a.db");
    let folder = dir.path().join("a.db.search-v1");
    let query = SearchQuery {
        text: "consent".into(),
        limit: 50,
        ..SearchQuery::default()
    };
    let first = {
        let mut store = Store::open(&path).expect("a new archive");
        examples(&mut store);
        store.search(&query).expect("search")
    };
    assert!(first.total > 1);
    assert!(folder.is_dir());
    let lines = |results: &store::SearchResults| -> Vec<(String, u32)> {
        let mut lines: Vec<(String, u32)> = results
            .hits
            .iter()
            .map(|h| (h.meeting.to_string(), h.line))
            .collect();
        lines.sort();
        lines
    };

    // Lost: a read-only archive searches an index built in memory, and leaves no folder;
    // the next writable open rebuilds the folder.
    std::fs::remove_dir_all(&folder).expect("removed");
    let read_only = Store::open_read_only(&path).expect("read-only");
    assert_eq!(
        lines(&read_only.search(&query).expect("search")),
        lines(&first)
    );
    assert!(!folder.exists());
    let rebuilt = Store::open(&path)
        .expect("writable")
        .search(&query)
        .expect("search");
    assert_eq!(lines(&rebuilt), lines(&first));
    assert!(folder.is_dir());

    // Out of step: the index of a smaller archive put in its place is rebuilt on open.
    let other = dir.path().join("b.db");
    {
        let mut store = Store::open(&other).expect("another archive");
        let hints = ingest::PeopleHints::default();
        let file = root().join("examples/archive/wg-data-021.txt");
        let bytes = std::fs::read(&file).expect("readable");
        let record = ingest::read_summary_report("x.txt", &bytes, &hints).expect("a report");
        store
            .import(&record, None, "2026-11-26T00:00:00Z")
            .expect("imported");
    }
    std::fs::remove_dir_all(&folder).expect("removed");
    std::fs::rename(dir.path().join("b.db.search-v1"), &folder).expect("moved");
    let store = Store::open(&path).expect("writable");
    assert_eq!(lines(&store.search(&query).expect("search")), lines(&first));
}

/// A report of the example archive with its first intervention's speaker made an unknown
/// name, "Zawadi", which no one in WG-Data is called.
fn with_unknown_speaker(n: u32) -> model::Record {
    let hints = ingest::PeopleHints::default();
    let path = root().join(format!("examples/archive/wg-data-0{n}.txt"));
    let bytes = std::fs::read(&path).expect("readable");
    let mut record = ingest::read_summary_report("x.txt", &bytes, &hints).expect("a report");
    record.interventions[0].speaker = model::Speaker::Unknown {
        mention: "Zawadi".into(),
    };
    record
}

/// The meetings whose first intervention the person is said to have made.
fn first_interventions_of(store: &Store, person: &str) -> Vec<u32> {
    let view = store.person(person).expect("the person");
    let mut meetings: Vec<u32> = view
        .said
        .iter()
        .filter(|said| said.order == 1)
        .filter_map(|said| said.meeting.number)
        .collect();
    meetings.sort_unstable();
    meetings
}

#[test]
fn an_import_forgets_the_names_it_found_when_the_archive_changed_between_batches() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("archive.db");
    let mut import = Store::open(&path).expect("an archive");
    let now = "2026-11-26T00:00:00Z";
    let first = with_unknown_speaker(21);
    import
        .import_batch(&[(&first, None)], now)
        .expect("the first batch");
    assert!(!first_interventions_of(&import, "Daniel Mwangi").contains(&21));

    // Another process settles the name between two batches of the same import: the next
    // batch must not answer "no one" from what it remembered of the first.
    let mut other = Store::open(&path).expect("a second connection");
    assert!(
        other
            .add_alias("Daniel Mwangi", "Zawadi", Some("WG-Data"))
            .expect("an alias")
    );
    let second = with_unknown_speaker(22);
    import
        .import_batch(&[(&second, None)], now)
        .expect("the second batch");
    assert_eq!(
        first_interventions_of(&import, "Daniel Mwangi"),
        vec![21, 22]
    );

    // The same when this connection itself changes the archive between batches.
    assert!(
        import
            .add_alias("Daniel Hoffmann", "Zawadi", None)
            .expect("an alias everywhere")
    );
    import
        .merge("Daniel Hoffmann", "Daniel Mwangi")
        .expect("a merge");
    let third = with_unknown_speaker(23);
    import
        .import_batch(&[(&third, None)], now)
        .expect("the third batch");
    assert_eq!(
        first_interventions_of(&import, "Daniel Hoffmann"),
        vec![21, 22, 23]
    );
}

/// A meeting imported again within one open archive replaces its passages in the index,
/// with no search in between to refresh what the store knows of the index.
#[test]
fn a_meeting_imported_again_is_found_once() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut store = Store::open(&dir.path().join("a.db")).expect("a new archive");
    let hints = ingest::PeopleHints::default();
    let bytes = std::fs::read(root().join("examples/archive/wg-data-021.txt")).expect("readable");
    let record = ingest::read_summary_report("x.txt", &bytes, &hints).expect("a report");
    let now = "2026-11-26T00:00:00Z";
    store.import(&record, None, now).expect("imported");
    let again = store
        .import(&record, Some("the text, now given"), now)
        .expect("imported");
    assert_eq!(again.outcome, store::Outcome::Updated);
    store.reindex().expect("reindexed");
    let query = SearchQuery {
        text: "data".into(),
        limit: 10,
        ..SearchQuery::default()
    };
    let total = store.search(&query).expect("search").total;
    let mut fresh = Store::in_memory().expect("an archive in memory");
    fresh.import(&record, None, now).expect("imported");
    assert_eq!(total, fresh.search(&query).expect("search").total);
    assert!(total > 0);
}

/// A bulk import hands each batch to the index without committing it: a meeting imported
/// again in a later batch is found once after the one commit at the end, and a store
/// dropped before that commit leaves the meetings for the next open to index.
#[test]
fn batches_fed_to_the_index_are_committed_once_or_caught_up_later() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("a.db");
    let now = "2026-11-26T00:00:00Z";
    let prepared = prepared_example;
    let query = SearchQuery {
        text: "data".into(),
        limit: 500,
        ..SearchQuery::default()
    };
    let expected = {
        let mut fresh = Store::in_memory().expect("an archive in memory");
        for name in ["wg-data-021.txt", "wg-data-022.txt"] {
            fresh
                .import_prepared(vec![Ok(prepared(name))], now)
                .expect("imported");
        }
        fresh.sync_search().expect("committed");
        fresh.search(&query).expect("search").total
    };
    assert!(expected > 0);

    let mut store = Store::open(&path).expect("a new archive");
    for name in ["wg-data-021.txt", "wg-data-022.txt", "wg-data-021.txt"] {
        store
            .import_prepared(vec![Ok(prepared(name))], now)
            .expect("imported");
    }
    assert_eq!(
        store.search(&query).expect("search").total,
        0,
        "nothing is searchable before the commit"
    );
    store.sync_search().expect("committed");
    assert_eq!(store.search(&query).expect("search").total, expected);

    // Fed and never committed: the next open of the archive indexes the meetings.
    store
        .import_prepared(vec![Ok(prepared("wg-data-023.txt"))], now)
        .expect("imported");
    drop(store);
    let store = Store::open(&path).expect("reopened");
    let with_third = store.search(&query).expect("search").total;
    let mut fresh = Store::in_memory().expect("an archive in memory");
    for name in ["wg-data-021.txt", "wg-data-022.txt", "wg-data-023.txt"] {
        fresh
            .import_prepared(vec![Ok(prepared(name))], now)
            .expect("imported");
    }
    fresh.sync_search().expect("committed");
    assert_eq!(with_third, fresh.search(&query).expect("search").total);
    assert!(with_third > expected);
}

/// A batch whose index another store holds (another process importing) leaves its meetings
/// on the index's list; the next batch that gets the index hands it those too, read back from
/// the database, and nothing is lost or indexed twice.
#[test]
fn meetings_the_index_could_not_take_go_with_the_next_batch() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("a.db");
    let now = "2026-11-26T00:00:00Z";
    let query = SearchQuery {
        text: "data".into(),
        limit: 500,
        ..SearchQuery::default()
    };
    let names = ["wg-data-021.txt", "wg-data-022.txt", "wg-data-023.txt"];
    let mut fresh = Store::in_memory().expect("an archive in memory");
    for name in names {
        fresh
            .import_prepared(vec![Ok(prepared_example(name))], now)
            .expect("imported");
    }
    fresh.sync_search().expect("committed");
    let expected = fresh.search(&query).expect("search").total;

    // `holder` keeps the index's writer (fed, not committed) while `store` writes a batch.
    let mut holder = Store::open(&path).expect("a new archive");
    holder
        .import_prepared(vec![Ok(prepared_example(names[0]))], now)
        .expect("imported");
    let mut store = Store::open(&path).expect("opened beside it");
    store
        .import_prepared(vec![Ok(prepared_example(names[1]))], now)
        .expect("imported, the index busy");
    drop(holder);
    store
        .import_prepared(vec![Ok(prepared_example(names[2]))], now)
        .expect("imported");
    store.sync_search().expect("committed");
    assert_eq!(store.search(&query).expect("search").total, expected);
    assert!(expected > 0);
}

/// An example report of `examples/archive`, read and prepared for the archive.
fn prepared_example(name: &str) -> store::PreparedMeeting {
    let bytes = std::fs::read(root().join("examples/archive").join(name)).expect("readable");
    let record = ingest::read_summary_report(name, &bytes, &ingest::PeopleHints::default())
        .expect("a report");
    store::PreparedMeeting::new(&record, None).expect("prepared")
}
