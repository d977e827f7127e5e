//! End-to-end tests of the archive commands: the real binary, a real SQLite file in a fresh
//! temporary folder, the bundled example archive and the seed report.
//!
//! They cover each command (`import`, `groups`, `meetings`, `show`, `export`, `search`,
//! `person`, `people`, `resolve`, `reindex`, `backup`), re-import without duplicates, a bad
//! file among good ones, `resolve` reaching back into earlier meetings and forward into later
//! imports, the JSON round trip of a whole archive, a `SIGKILL` in the middle of an import,
//! and the one-line errors for read-only, locked, newer, foreign and damaged archives.
//! Locks and schema versions are set with Python's own `sqlite3` module, an independent
//! SQLite client.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const SEED: &str =
    include_str!("../../ingest/test_data/summary-report/seed-igf-wg-strategy-106.txt");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(n: u32) -> PathBuf {
    root().join(format!("examples/archive/wg-data-0{n}.txt"))
}

fn seed_path() -> PathBuf {
    root().join("crates/ingest/test_data/summary-report/seed-igf-wg-strategy-106.txt")
}

/// One temporary folder with one archive in it.
struct Archive {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Archive {
    fn new() -> Archive {
        Archive {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("archive.db")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a folder");
        }
        std::fs::write(&path, bytes).expect("write a file");
        path
    }

    /// Runs the binary on this archive (through `--db`).
    fn run(&self, args: &[&str]) -> Run {
        self.run_on(&self.db(), args)
    }

    fn run_on(&self, db: &Path, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .arg("--db")
            .arg(db)
            .args(args)
            .env_remove("RAPPORTEUR_DB")
            .output()
            .expect("run the rapporteur binary");
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
            stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "the binary panicked: {}",
            run.stderr
        );
        run
    }

    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(
            run.code, 0,
            "rapporteur {args:?} failed:\n{}\n{}",
            run.stdout, run.stderr
        );
        run.stdout
    }

    fn import(&self, paths: &[PathBuf]) -> String {
        let mut args = vec!["import".to_owned()];
        args.extend(paths.iter().map(|p| p.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.ok(&args)
    }

    /// The example archive and the seed.
    fn with_examples() -> Archive {
        let archive = Archive::new();
        archive.import(&[root().join("examples/archive"), seed_path()]);
        archive
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("the command prints JSON")
    }

    fn meeting_lines(&self) -> Vec<String> {
        self.ok(&["meetings"]).lines().map(str::to_owned).collect()
    }
}

/// The one error line of a failed run.
fn one_error_line(run: &Run) -> &str {
    assert_ne!(run.code, 0, "expected a failure, got:\n{}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected one error line, got:\n{}",
        run.stderr
    );
    lines[0]
}

/// Runs Python's sqlite3 on the archive file (an independent SQLite client).
fn python_sqlite(db: &Path, statements: &str) {
    let status = Command::new("python3")
        .arg("-c")
        .arg(format!(
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n{statements}\nc.close()"
        ))
        .arg(db)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "python3 sqlite3 failed");
}

#[test]
fn import_lists_groups_and_meetings_and_shows_them() {
    let archive = Archive::new();
    let out = archive.import(&[root().join("examples/archive"), seed_path()]);
    assert!(
        out.ends_with("9 imported, 0 updated, 0 unchanged, 0 failed\n"),
        "{out}"
    );
    assert!(out.contains("imported  WG-Data/21  ("), "{out}");

    let groups = archive.ok(&["groups"]);
    assert!(
        groups.contains("WG-Data") && groups.contains("8 meetings"),
        "{groups}"
    );
    assert!(
        groups.contains("WG-Strategy") && groups.contains("2025-12-04"),
        "{groups}"
    );

    let meetings = archive.meeting_lines();
    assert_eq!(meetings.len(), 9, "{meetings:?}");
    assert!(meetings[0].starts_with("WG-Data/21 "), "{meetings:?}");
    assert!(
        meetings.iter().any(|m| m.starts_with("WG-Strategy/106 ")
            && m.contains("28 interventions, 3 unsettled speakers")),
        "{meetings:?}"
    );
    let only = archive.ok(&["meetings", "--group", "wg-strategy"]);
    assert_eq!(only.lines().count(), 1, "{only}");

    // `show` prints the stored record in the report layout; by number, date or id.
    let shown = archive.ok(&["show", "WG-Strategy/106"]);
    assert!(shown.contains("Titti noted that Revision 2"), "{shown}");
    assert_eq!(archive.ok(&["show", "wg-strategy/2025-12-04"]), shown);
    let record = archive.json(&["export", "WG-Strategy/106", "--to", "json"]);
    assert_eq!(record["format"], "rapporteur.record/1");
    assert_eq!(record["meeting"]["number"], 106);
    assert_eq!(record["participants"].as_array().map(Vec::len), Some(28));
    // The stored record is the record `convert` makes of the same file.
    let converted = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(["convert", "--to", "json"])
        .arg(seed_path())
        .output()
        .expect("convert runs");
    let converted: Value = serde_json::from_slice(&converted.stdout).expect("JSON");
    assert_eq!(record, converted);

    let html = archive.path("106.html");
    archive.ok(&[
        "export",
        "WG-Strategy/106",
        "--to",
        "html",
        "-o",
        &html.display().to_string(),
    ]);
    assert!(
        std::fs::read_to_string(&html)
            .expect("the export was written")
            .starts_with("<!DOCTYPE html>")
    );

    let missing = archive.run(&["show", "WG-Strategy/999"]);
    assert!(one_error_line(&missing).contains("no meeting 'WG-Strategy/999'"));
}

#[test]
fn importing_again_updates_instead_of_duplicating() {
    let archive = Archive::new();
    let folder = archive.path("reports");
    for n in [21, 22, 23] {
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::copy(example(n), folder.join(format!("wg-data-0{n}.txt"))).expect("copy");
    }
    archive.import(std::slice::from_ref(&folder));
    let again = archive.import(std::slice::from_ref(&folder));
    assert!(
        again.ends_with("0 imported, 0 updated, 3 unchanged, 0 failed\n"),
        "{again}"
    );

    // A corrected report of the same meeting replaces the stored one.
    let path = folder.join("wg-data-022.txt");
    let text = std::fs::read_to_string(&path).expect("read");
    let corrected = text.replacen("Summary Report", "Summary Report (corrected)", 1);
    assert_ne!(text, corrected);
    std::fs::write(&path, corrected).expect("write");
    let updated = archive.import(std::slice::from_ref(&folder));
    assert!(updated.contains("updated   WG-Data/22"), "{updated}");
    assert!(
        updated.ends_with("0 imported, 1 updated, 2 unchanged, 0 failed\n"),
        "{updated}"
    );
    let meetings = archive.meeting_lines();
    assert_eq!(meetings.len(), 3, "{meetings:?}");
    assert!(
        meetings
            .iter()
            .any(|m| m.starts_with("WG-Data/22") && m.ends_with("Summary Report (corrected)"))
    );
}

#[test]
fn import_leaves_out_negotiated_texts_and_notes() {
    let archive = Archive::new();
    std::fs::create_dir_all(archive.path("in/documents/principles")).expect("folder");
    std::fs::copy(example(21), archive.path("in/wg-data-021.txt")).expect("copy");
    archive.write("in/documents/CITATIONS.md", "| meeting | line |\n");
    archive.write(
        "in/documents/principles/document.toml",
        "title = \"Principles\"\n",
    );
    archive.write(
        "in/documents/principles/rev1.md",
        "# Principles\n\n1. Text.\n",
    );
    archive.write("in/NOTES-2026.md", "Milk\n");

    let run = archive.run(&["import", &archive.path("in").display().to_string()]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .ends_with("1 imported, 0 updated, 0 unchanged, 1 failed\n"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("NOTES-2026.md"), "{}", run.stderr);
}

#[test]
fn a_bad_file_among_good_ones_leaves_nothing_of_itself() {
    let archive = Archive::new();
    std::fs::create_dir_all(archive.path("in")).expect("folder");
    std::fs::copy(example(21), archive.path("in/a-good.txt")).expect("copy");
    std::fs::copy(example(22), archive.path("in/z-good.txt")).expect("copy");
    archive.write("in/empty.txt", "");
    archive.write("in/binary.txt", [0u8, 159, 146, 150, 0, 1, 2]);
    archive.write("in/latin1.txt", b"Caf\xe9 au lait\n");
    archive.write("in/shopping.txt", "Milk\nEggs\nBread\n");
    archive.write("in/broken.json", "{\"format\": \"rapporteur.record/1\", ");
    archive.write("in/README.md", "This folder holds reports.\n");
    archive.write("in/.hidden.txt", "");

    let run = archive.run(&["import", &archive.path("in").display().to_string()]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .ends_with("2 imported, 0 updated, 0 unchanged, 5 failed\n"),
        "{}",
        run.stdout
    );
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 5, "{}", run.stderr);
    for (file, reason) in [
        ("binary.txt", "binary"),
        ("broken.json", "not JSON"),
        ("empty.txt", "empty"),
        ("latin1.txt", "UTF-8"),
        ("shopping.txt", "fits none of the formats known"),
    ] {
        assert!(
            errors
                .iter()
                .any(|line| line.contains(file) && line.contains(reason)),
            "no line says {file}: {reason}\n{}",
            run.stderr
        );
    }
    assert_eq!(archive.meeting_lines().len(), 2);
    // Nothing of the failed files is searchable.
    let milk = archive.ok(&["search", "milk"]);
    assert_eq!(milk, "No results.\n");
}

#[test]
fn a_report_that_names_no_group_is_filed_under_the_group_given() {
    let archive = Archive::new();
    let data = root().join("crates/ingest/test_data");
    // A captioning transcript that starts with the session's title only, and one that names
    // its group.
    let untitled = data.join("transcript/bare-voices-and-stage-notes.txt");
    let titled = data.join("transcript/full-session.txt");
    let (untitled, titled) = (untitled.display().to_string(), titled.display().to_string());

    let run = archive.run(&["import", &untitled]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    let error = one_error_line(&run);
    assert!(
        error.contains("bare-voices-and-stage-notes.txt")
            && error.contains("names no group")
            && error.contains("--group"),
        "{error}"
    );
    assert!(archive.meeting_lines().is_empty());

    let out = archive.ok(&["import", "--group", "WG-Commons", &untitled, &titled]);
    assert!(out.contains("imported  WG-Commons/3 "), "{out}");
    // The report that names its group keeps it.
    assert!(
        out.contains("imported  WG-Commons Working Group on Digital Commons/14 "),
        "{out}"
    );
    let shown = archive.json(&["show", "WG-Commons/3", "--to", "json"]);
    assert_eq!(shown["group"]["short_name"], "WG-Commons", "{shown}");
    assert_eq!(shown["group"]["name"], Value::Null, "{shown}");

    // Again with the group: the same meeting, unchanged, not a second one.
    let again = archive.ok(&["import", "--group", "WG-Commons", &untitled]);
    assert!(again.contains("unchanged WG-Commons/3 "), "{again}");
    assert_eq!(archive.meeting_lines().len(), 2);

    let blank = archive.run(&["import", "--group", " ", &untitled]);
    assert_eq!(blank.code, 2, "{}", blank.stderr);
    assert!(
        blank.stderr.contains("a group needs a name"),
        "{}",
        blank.stderr
    );
}

#[test]
fn search_ranks_filters_and_highlights() {
    let archive = Archive::with_examples();
    let all = archive.json(&["search", "financing mechanisms", "--json"]);
    let hits = all["hits"].as_array().expect("hits");
    assert_eq!(all["total"], 3, "{all:#}");
    assert!(hits.iter().all(|h| h["meeting"] == "WG-Strategy/106"));
    // The highlights point at the matched words in the snippet.
    for hit in hits {
        let snippet: Vec<char> = hit["snippet"].as_str().expect("snippet").chars().collect();
        for range in hit["highlights"].as_array().expect("highlights") {
            let (a, b) = (
                range[0].as_u64().unwrap_or(0),
                range[1].as_u64().unwrap_or(0),
            );
            let word: String = snippet[a as usize..b as usize].iter().collect();
            assert!(
                ["financing", "mechanisms"].contains(&word.to_lowercase().as_str()),
                "highlighted {word:?}"
            );
        }
    }

    let by_anriette = archive.json(&[
        "search",
        "financing mechanisms",
        "--speaker",
        "Anriette Esterhuysen",
        "--json",
    ]);
    assert_eq!(by_anriette["total"], 1);
    assert_eq!(by_anriette["hits"][0]["line"], 31);
    assert_eq!(by_anriette["hits"][0]["speaker"], "Anriette Esterhuysen");
    assert_eq!(by_anriette["hits"][0]["agenda_item"], "1");

    // Filters: group, date range, agenda-item title.
    let consent = archive.json(&["search", "meaningful consent", "--json", "--limit", "50"]);
    let total = consent["total"].as_u64().expect("a count");
    assert!(total >= 2, "{consent:#}");
    let since = archive.json(&[
        "search",
        "meaningful consent",
        "--since",
        "2027-01-01",
        "--json",
    ]);
    assert!(since["total"].as_u64() < Some(total));
    assert!(
        since["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .all(|h| h["date"].as_str() >= Some("2027-01-01"))
    );
    let other_group = archive.json(&[
        "search",
        "meaningful consent",
        "--group",
        "WG-Strategy",
        "--json",
    ]);
    assert_eq!(other_group["total"], 0);
    let by_item = archive.json(&[
        "search",
        "financing",
        "--item",
        "Rev2",
        "--until",
        "2025-12-31",
        "--json",
    ]);
    assert!(by_item["total"].as_u64() >= Some(1));
    assert!(by_item["hits"].as_array().expect("hits").iter().all(|h| {
        h["agenda_title"]
            .as_str()
            .is_some_and(|t| t.contains("Rev2"))
    }));

    // Text output marks the matched words; paging says where it is.
    let text = archive.ok(&["search", "consent", "--limit", "1"]);
    assert!(
        text.contains("[consent]") || text.contains("[Consent]"),
        "{text}"
    );
    assert!(text.contains("1 to 1 of "), "{text}");

    // Hostile queries are words, never FTS5 syntax errors.
    for query in ["\"", "NEAR(", "a* OR", "'; DROP TABLE meetings; --", "()"] {
        let run = archive.run(&["search", query]);
        assert!(
            run.code == 0 || one_error_line(&run).contains("no words"),
            "{query}: {}",
            run.stderr
        );
    }
    let unknown = archive.run(&["search", "x", "--speaker", "Nobody Known"]);
    assert!(one_error_line(&unknown).contains("no person 'Nobody Known'"));
    let bad_day = archive.run(&["search", "x", "--since", "last year"]);
    assert!(one_error_line(&bad_day).contains("not a day"));
}

#[test]
fn a_person_is_one_record_across_meetings() {
    let archive = Archive::with_examples();
    let wanjiru = archive.json(&["person", "Wanjiru Kamau", "--json"]);
    let affiliations = wanjiru["affiliations"].as_array().expect("affiliations");
    assert_eq!(affiliations.len(), 2, "{wanjiru:#}");
    assert_eq!(affiliations[0]["from"], "2026-09-15");
    assert_eq!(affiliations[0]["to"], "2026-11-03");
    assert!(
        affiliations[0]["affiliation"]
            .as_str()
            .is_some_and(|a| a.starts_with("Ministry of Information"))
    );
    assert_eq!(affiliations[1]["affiliation"], "Independent Expert");
    assert_eq!(affiliations[1]["from"], "2026-11-17");
    let said = wanjiru["interventions"].as_array().expect("interventions");
    assert!(said.len() >= 5);
    let dates: Vec<&str> = said.iter().filter_map(|s| s["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "interventions in date order");
    assert!(
        said.iter()
            .any(|s| s["agrees_with"].as_array().is_some_and(|a| !a.is_empty()))
    );
    assert!(
        !wanjiru["agreed_with_by"]
            .as_array()
            .expect("agreed_with_by")
            .is_empty()
    );

    // The seed's co-chair agreed with the unknown Flavio; Timea was agreed with by Ana.
    let timea = archive.json(&["person", "Timea Suto", "--json"]);
    assert!(
        timea["agreed_with_by"]
            .as_array()
            .expect("list")
            .iter()
            .any(|a| a["by"].as_str().is_some_and(|b| b.starts_with("Ana")))
    );
    let text = archive.ok(&["person", "timea-suto"]);
    assert!(text.starts_with("Timea Suto\n"), "{text}");

    let list = archive.ok(&["people", "list"]);
    assert!(list.lines().any(|l| l.starts_with("Amara Nwosu")), "{list}");
    assert!(
        list.lines()
            .filter(|l| l.starts_with("Wanjiru Kamau"))
            .count()
            == 1,
        "{list}"
    );
}

#[test]
fn resolve_settles_a_name_in_earlier_meetings_and_later_imports() {
    let archive = Archive::new();
    archive.import(&[example(21), example(22), example(24), example(26)]);
    let open = archive.ok(&["resolve"]);
    assert!(
        open.contains("ambiguous 'Daniel': 3 interventions in WG-Data/21, WG-Data/24, WG-Data/26"),
        "{open}"
    );
    assert!(
        open.contains("candidates: Daniel Mwangi, Daniel Hoffmann"),
        "{open}"
    );
    let before = archive.json(&["person", "Daniel Mwangi", "--json"]);
    let before = before["interventions"].as_array().map_or(0, Vec::len);

    // One meeting only: no alias.
    let one = archive.ok(&[
        "resolve",
        "Daniel",
        "--as",
        "Daniel Mwangi",
        "--meeting",
        "WG-Data/21",
    ]);
    assert!(one.starts_with("WG-Data/21: 1 intervention"), "{one}");
    assert!(!one.contains("recorded"), "{one}");

    // The rest of the group, and later imports of it.
    let group = archive.ok(&[
        "resolve",
        "Daniel",
        "--as",
        "Daniel Mwangi",
        "--group",
        "WG-Data",
    ]);
    assert!(group.contains("WG-Data/24: 1 intervention"), "{group}");
    assert!(group.contains("WG-Data/26: 1 intervention"), "{group}");
    assert!(
        group.contains("'Daniel' is recorded as Daniel Mwangi in WG-Data"),
        "{group}"
    );
    let after = archive.json(&["person", "Daniel Mwangi", "--json"]);
    assert_eq!(
        after["interventions"].as_array().map_or(0, Vec::len),
        before + 3
    );
    let open = archive.ok(&["resolve"]);
    assert!(!open.contains("'Daniel'"), "{open}");

    // The stored record says so, and its diagnostics no longer report the doubt.
    let record = archive.json(&["export", "WG-Data/24"]);
    let daniel = record["interventions"]
        .as_array()
        .expect("interventions")
        .iter()
        .find(|i| i["speaker"]["mention"] == "Daniel")
        .expect("Daniel speaks in meeting 24");
    assert_eq!(daniel["speaker"]["status"], "resolved");
    assert_eq!(daniel["speaker"]["name"], "Daniel Mwangi");
    assert!(
        !record["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["message"]
                .as_str()
                .is_some_and(|m| m.contains("'Daniel'")))
    );

    // A later import of the group uses the alias.
    let later = archive.import(&[example(28)]);
    assert!(later.contains("WG-Data/28"), "{later}");
    let record = archive.json(&["export", "WG-Data/28"]);
    let statuses: Vec<&Value> = record["interventions"]
        .as_array()
        .expect("interventions")
        .iter()
        .filter(|i| i["speaker"]["mention"] == "Daniel")
        .map(|i| &i["speaker"]["status"])
        .collect();
    assert!(!statuses.is_empty());
    assert!(statuses.iter().all(|s| *s == "resolved"), "{statuses:?}");

    // A person the archive does not know is refused, and nothing changes.
    let nobody = archive.run(&["resolve", "Joaquín", "--as", "Joaquín Herrera"]);
    assert!(one_error_line(&nobody).contains("no person 'Joaquín Herrera'"));
    assert!(archive.ok(&["resolve"]).contains("unknown 'Joaquín'"));
}

#[test]
fn aliases_and_merges_make_one_person() {
    let archive = Archive::with_examples();
    let amara_before = archive.json(&["person", "Amara Nwosu", "--json"]);
    let henrik = archive.json(&["person", "Henrik Lindqvist", "--json"]);
    let count = |v: &Value| v["interventions"].as_array().map_or(0, Vec::len);

    let merged = archive.ok(&["people", "merge", "Amara Nwosu", "Henrik Lindqvist"]);
    assert!(
        merged.contains("Henrik Lindqvist is now Amara Nwosu"),
        "{merged}"
    );
    let amara = archive.json(&["person", "Amara Nwosu", "--json"]);
    assert_eq!(count(&amara), count(&amara_before) + count(&henrik));
    // The old name now finds the kept person.
    let by_old_name = archive.json(&["person", "Henrik Lindqvist", "--json"]);
    assert_eq!(by_old_name["name"], "Amara Nwosu");
    assert!(
        !archive
            .ok(&["people", "list"])
            .lines()
            .any(|l| l.starts_with("Henrik"))
    );

    let alias = archive.ok(&[
        "people",
        "alias",
        "Amara Nwosu",
        "the co-chairs",
        "--group",
        "WG-Data",
    ]);
    assert!(alias.contains("now names"), "{alias}");
    let again = archive.ok(&[
        "people",
        "alias",
        "Amara Nwosu",
        "the co-chairs",
        "--group",
        "WG-Data",
    ]);
    assert!(again.contains("already named"), "{again}");
    let taken = archive.run(&[
        "people",
        "alias",
        "Wanjiru Kamau",
        "the co-chairs",
        "--group",
        "WG-Data",
    ]);
    assert!(one_error_line(&taken).contains("already names Amara Nwosu"));
    let shown = archive.ok(&["people", "show", "Amara Nwosu"]);
    assert!(shown.contains("\"the co-chairs\" in WG-Data"), "{shown}");
    assert!(shown.contains("\"Henrik Lindqvist\""), "{shown}");
}

#[test]
fn an_exported_archive_imports_back_to_the_same_archive() {
    let archive = Archive::with_examples();
    archive.ok(&[
        "resolve",
        "Jorge",
        "--as",
        "Jorge Cancio",
        "--group",
        "WG-Strategy",
    ]);
    archive.ok(&["people", "merge", "Daniel Hoffmann", "Daniel Mwangi"]);
    archive.ok(&["people", "alias", "Inès Marchetti", "the Secretariat"]);
    archive.ok(&[
        "attendance",
        "WG-Data/26",
        &attendance_export("zoom-with-summary.csv"),
    ]);
    let exported = archive.path("all.json");
    archive.ok(&["export", "--all", "-o", &exported.display().to_string()]);
    let first = std::fs::read_to_string(&exported).expect("the export was written");
    let document: Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(document["format"], "rapporteur.archive/1");
    assert_eq!(document["meetings"].as_array().map(Vec::len), Some(9));
    let with_attendance: Vec<&Value> = document["meetings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m.get("attendance").is_some())
        .collect();
    assert_eq!(with_attendance.len(), 1);
    assert_eq!(
        with_attendance[0]["attendance"]["attendees"][3]["sessions"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    let copy = archive.path("copy.db");
    let run = archive.run_on(&copy, &["import", &exported.display().to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with("9 imported, 0 updated, 0 unchanged, 0 failed\n")
    );
    let again = archive.run_on(&copy, &["export", "--all"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    // Byte for byte: the document holds no ids or time stamps to normalise.
    assert!(again.stdout == first, "the re-exported archive differs");
    // And the copy answers like the original.
    let search = |db: &Path| {
        archive
            .run_on(db, &["search", "financing", "--json"])
            .stdout
    };
    assert_eq!(search(&copy), search(&archive.db()));
    let person = |db: &Path| {
        archive
            .run_on(db, &["person", "Jorge Cancio", "--json"])
            .stdout
    };
    assert_eq!(person(&copy), person(&archive.db()));
}

fn attendance_export(name: &str) -> String {
    root()
        .join("crates/ingest/test_data/attendance")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn attendance_exports_attach_to_meetings_without_guessing() {
    let archive = Archive::with_examples();
    let zoom = attendance_export("zoom-with-summary.csv");
    // A dry run shows what would be stored, and stores nothing.
    let shown = archive.ok(&["attendance", "WG-Data/26", &zoom, "--dry-run"]);
    assert!(
        shown.contains("9 names connected, 7 of them on the participant list"),
        "{shown}"
    );
    assert!(
        shown.contains("Daniel                                1h 28m  1 session  ? ambiguous: Daniel Mwangi, Daniel Hoffmann"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "iPhone                                    4m  1 session  ? not on the participant list"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("Marchetti, Inès                       1h 35m  1 session  = Inès Marchetti"),
        "{shown}"
    );
    assert!(shown.ends_with("Nothing stored (--dry-run).\n"), "{shown}");
    let exported = archive.ok(&["export", "--all"]);
    assert!(!exported.contains("\"attendance\""));

    // Day and month cannot be told apart in the Teams file, and the 21st meeting's day
    // does not tell: one line, nothing stored; --dates says.
    let teams = attendance_export("teams-utf16.csv");
    let run = archive.run(&["attendance", "WG-Data/21", &teams]);
    assert!(
        one_error_line(&run).contains("--dates dmy or --dates mdy"),
        "{}",
        run.stderr
    );
    // The 24th meeting's day (3 November) tells: 03/11/2026 is day first.
    let attached = archive.ok(&["attendance", "WG-Data/24", &teams]);
    assert!(
        attached.ends_with("Attached to WG-Data/24.\n"),
        "{attached}"
    );
    assert!(
        attached.contains("Lucía Ferreyra     1h 25m  2 sessions"),
        "{attached}"
    );
    assert!(!attached.contains("warning"), "{attached}");
    // Told month first, the same file is of 11 March: the wrong day is said.
    let said = archive.ok(&[
        "attendance",
        "WG-Data/24",
        &teams,
        "--dates",
        "mdy",
        "--dry-run",
    ]);
    assert!(
        said.contains("warning: no one in the export joined on the meeting's day, 2026-11-03"),
        "{said}"
    );

    // Not an export, or no such meeting: one line naming the problem.
    let report = example(25).display().to_string();
    let run = archive.run(&["attendance", "WG-Data/25", &report]);
    assert!(
        one_error_line(&run).contains("not an attendance export"),
        "{}",
        run.stderr
    );
    let run = archive.run(&["attendance", "WG-Data/99", &zoom]);
    assert!(
        one_error_line(&run).contains("WG-Data/99"),
        "{}",
        run.stderr
    );

    // Attached again, the export replaces the earlier one.
    archive.ok(&["attendance", "WG-Data/24", &teams]);
    let document: Value = archive.json(&["export", "--all"]);
    let attendance: Vec<&Value> = document["meetings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m.get("attendance"))
        .collect();
    assert_eq!(attendance.len(), 1);
    assert_eq!(attendance[0]["tool"], "teams");
    assert_eq!(attendance[0]["attendees"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        attendance[0]["attendees"][2]["participant"],
        "Lucía Ferreyra"
    );
}

#[test]
fn reindex_and_backup_keep_the_archive() {
    let archive = Archive::with_examples();
    let search = archive.ok(&["search", "silence procedure", "--json"]);
    let reindexed = archive.ok(&["reindex"]);
    assert_eq!(reindexed, "Reindexed 9 meetings.\n");
    assert_eq!(
        archive.ok(&["search", "silence procedure", "--json"]),
        search
    );

    let backup = archive.path("backup.db");
    let out = archive.ok(&["backup", &backup.display().to_string()]);
    assert!(out.starts_with("Backed up to"), "{out}");
    let from_backup = archive.run_on(&backup, &["meetings"]);
    assert_eq!(from_backup.stdout, archive.ok(&["meetings"]));
    let over = archive.run(&["backup", &backup.display().to_string()]);
    assert!(one_error_line(&over).contains("the file exists"));
}

#[test]
fn broken_archives_give_one_clear_line() {
    let archive = Archive::new();
    archive.import(&[example(21)]);

    // Damaged: not a SQLite file at all.
    let damaged = archive.write("damaged.db", vec![0x5a_u8; 8192]);
    for args in [&["groups"][..], &["import", "x.txt"][..]] {
        let run = archive.run_on(&damaged, args);
        let line = one_error_line(&run);
        assert!(line.contains("damaged.db: not an archive"), "{line}");
    }

    // Another program's SQLite database.
    let foreign = archive.path("foreign.db");
    python_sqlite(&foreign, "c.execute('CREATE TABLE notes (text)')");
    let line =
        one_error_line(&archive.run_on(&foreign, &["import", &example(22).display().to_string()]))
            .to_owned();
    assert!(line.contains("not a rapporteur archive"), "{line}");

    // Written by a newer version.
    let newer = archive.path("newer.db");
    std::fs::copy(archive.db(), &newer).expect("copy");
    python_sqlite(&newer, "c.execute('PRAGMA user_version = 99')");
    let line = one_error_line(&archive.run_on(&newer, &["search", "data"])).to_owned();
    assert!(
        line.contains("newer rapporteur (schema version 99"),
        "{line}"
    );

    // Read-only: reading works, writing is refused.
    let read_only = archive.path("read-only.db");
    std::fs::copy(archive.db(), &read_only).expect("copy");
    let mut permissions = std::fs::metadata(&read_only)
        .expect("metadata")
        .permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&read_only, permissions).expect("chmod");
    let listed = archive.run_on(&read_only, &["meetings"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(listed.stdout.starts_with("WG-Data/21"));
    let line = one_error_line(
        &archive.run_on(&read_only, &["import", &example(22).display().to_string()]),
    )
    .to_owned();
    assert!(
        line.contains("read-only.db: the archive is read-only"),
        "{line}"
    );

    // No archive yet, for a command that only reads.
    let line = one_error_line(&archive.run_on(&archive.path("none.db"), &["groups"])).to_owned();
    assert!(line.contains("no archive here yet"), "{line}");

    // Locked by another process's write transaction.
    let mut holder = Command::new("python3")
        .arg("-c")
        .arg("import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep(30)")
        .arg(archive.db())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let mut ready = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.as_mut().expect("stdout")),
        &mut ready,
    )
    .expect("python3 reports the lock");
    assert_eq!(ready, "locked\n");
    let run = archive.run(&["import", &example(22).display().to_string()]);
    let _ = holder.kill();
    let _ = holder.wait();
    let line = one_error_line(&run);
    assert!(
        line.contains("archive.db: the archive is locked by another process"),
        "{line}"
    );
    assert_eq!(archive.meeting_lines().len(), 1, "nothing was written");
}

/// The seed report renumbered as meeting `n` of its group.
fn numbered_seed(n: u32) -> String {
    assert_eq!(SEED.matches("106th").count(), 1);
    SEED.replace("106th", &model::ordinal(n))
}

#[test]
fn an_import_killed_midway_leaves_only_whole_meetings() {
    let archive = Archive::new();
    let total = 800;
    for n in 1000..1000 + total {
        archive.write(&format!("many/r{n}.txt"), numbered_seed(n));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .arg("--db")
        .arg(archive.db())
        .arg("import")
        .arg(archive.path("many"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the import");
    // Wait until some meetings are stored, then kill the import without warning.
    let started = Instant::now();
    let stored = loop {
        std::thread::sleep(Duration::from_millis(50));
        let run = archive.run(&["meetings"]);
        let n = run.stdout.lines().count();
        if n >= 5 || started.elapsed() > Duration::from_secs(120) {
            break n;
        }
    };
    child.kill().expect("SIGKILL the import");
    let status = child.wait().expect("the import ends");
    assert!(!status.success(), "the import was killed, not finished");
    assert!(stored >= 5, "the import stored nothing in two minutes");

    // The archive opens cleanly and every stored meeting is whole: its record is the one
    // `convert` makes of its file, and its derived rows match the record.
    let lines = archive.meeting_lines();
    assert!(
        !lines.is_empty() && lines.len() < total as usize,
        "killed mid-way: {} of {total}",
        lines.len()
    );
    let expected: Value = {
        let out = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .args(["convert", "--to", "json"])
            .arg(archive.path("many/r1000.txt"))
            .output()
            .expect("convert");
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let interventions = expected["interventions"].as_array().map_or(0, Vec::len);
    for line in &lines {
        assert!(
            line.contains(&format!(
                "{interventions} interventions, 3 unsettled speakers"
            )),
            "a partial meeting: {line}"
        );
    }
    let document = archive.json(&["export", "--all"]);
    for meeting in document["meetings"].as_array().expect("meetings") {
        let number = meeting["record"]["meeting"]["number"]
            .as_u64()
            .expect("a number");
        let mut want = expected.clone();
        want["meeting"]["number"] = number.into();
        want["source"] = meeting["record"]["source"].clone();
        assert_eq!(meeting["record"]["interventions"], want["interventions"]);
        assert_eq!(meeting["record"]["participants"], want["participants"]);
        assert!(
            meeting["source_text"]
                .as_str()
                .is_some_and(|t| t.len() == numbered_seed(number as u32).len())
        );
    }
    // And the import can simply be run again to finish the job.
    let finish = archive.import(&[archive.path("many")]);
    assert!(
        finish.ends_with(&format!(
            "{} imported, 0 updated, {} unchanged, 0 failed\n",
            total as usize - lines.len(),
            lines.len()
        )),
        "{finish}"
    );
    // The search index caught up too, whatever moment the kill hit: every meeting is
    // found as often as one meeting alone is.
    let one = Archive::new();
    one.write("one/r1000.txt", numbered_seed(1000));
    one.import(&[one.path("one")]);
    let per_meeting = one.json(&["search", "governance", "--json"])["total"]
        .as_u64()
        .expect("a count");
    assert!(per_meeting > 0);
    let all = archive.json(&["search", "governance", "--json"])["total"].as_u64();
    assert_eq!(all, Some(per_meeting * u64::from(total)));
}

#[test]
fn the_archive_can_come_from_the_environment() {
    let archive = Archive::new();
    let output = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(["import"])
        .arg(example(23))
        .env("RAPPORTEUR_DB", archive.db())
        .output()
        .expect("run");
    assert!(output.status.success());
    assert!(archive.db().exists());
    assert_eq!(archive.meeting_lines().len(), 1);
}

fn pair_file(case: &str, name: &str) -> String {
    root()
        .join("crates/texts/test_data/pairs")
        .join(case)
        .join(name)
        .display()
        .to_string()
}

#[test]
fn documents_follow_paragraphs_through_revisions_and_keep_comments() {
    let archive = Archive::new();
    archive.ok(&[
        "doc",
        "add",
        "Riverbend Compact on Digital Cooperation",
        "--short",
        "riverbend",
    ]);
    let (a, b, c) = (
        pair_file("reinserted", "a.md"),
        pair_file("reinserted", "b.md"),
        pair_file("reinserted", "c.md"),
    );
    let added = archive.ok(&[
        "doc",
        "revise",
        "riverbend",
        &a,
        "--label",
        "Zero draft",
        "--date",
        "2026-03-01",
    ]);
    assert!(added.contains("Zero draft: "), "{added}");
    archive.ok(&[
        "doc",
        "revise",
        "riverbend",
        &b,
        "--label",
        "Rev1",
        "--date",
        "2026-04-01",
    ]);
    archive.ok(&[
        "doc",
        "comment",
        "riverbend",
        "--rev",
        "Zero draft",
        "--para",
        "5",
        "--author",
        "Ana Silva",
        "--text",
        "Keep e-waste.",
        "--quote",
        "electronic waste",
    ]);
    archive.ok(&[
        "doc",
        "revise",
        "riverbend",
        &c,
        "--label",
        "Rev2",
        "--date",
        "2026-05-01",
    ]);

    // Deleted in Rev1, back in Rev2 as 4 bis: reinserted, with its identity.
    let diff = archive.ok(&[
        "doc",
        "diff",
        "riverbend",
        "Rev1",
        "Rev2",
        "--format",
        "markdown",
    ]);
    assert!(diff.contains("1 reinserted"), "{diff}");
    let history = archive.ok(&["doc", "history", "riverbend", "--para", "4 bis"]);
    assert!(
        history.starts_with("Zero draft (2026-03-01): inserted\n  5. We express concern"),
        "{history}"
    );
    assert!(
        history.contains("Rev1 (2026-04-01): deleted\n  (not in this revision)"),
        "{history}"
    );
    assert!(history.contains("Rev2 (2026-05-01): "), "{history}");
    assert!(history.contains("reinserted"), "{history}");
    // The comment made on the Zero draft followed the paragraph back.
    let comments = archive.ok(&["doc", "comments", "riverbend"]);
    assert!(comments.contains("Ana Silva on Zero draft para 5 (\"electronic waste\"): in Rev2 para 4 bis; the quoted words survived"), "{comments}");
    let at_rev1 = archive.ok(&["doc", "comments", "riverbend", "--rev", "Rev1"]);
    assert!(
        at_rev1.contains("its paragraph is gone from Rev1"),
        "{at_rev1}"
    );
    let compiled = archive.ok(&["doc", "compile", "riverbend", "--rev", "Rev2"]);
    assert!(
        compiled.contains("# Comments on Riverbend Compact on Digital Cooperation, Rev2"),
        "{compiled}"
    );
    assert!(compiled.contains("Ana Silva"), "{compiled}");
    let json = archive.ok(&[
        "doc",
        "diff",
        "riverbend",
        "Zero draft",
        "Rev2",
        "--format",
        "json",
    ]);
    let _: Value = serde_json::from_str(&json).expect("the JSON redline parses");

    // Bad revisions: one line, nothing stored.
    let listed = archive.ok(&["doc", "list"]);
    let not_a_zip = archive.write("broken.docx", "PK but no zip");
    let empty = archive.write("empty.md", "");
    let no_paragraphs = archive.write("none.md", "# Just a title\n");
    let duplicate = archive.write("dup.md", "# T\n\n1. One.\n\n1. Again.\n");
    for (file, label, problem) in [
        (not_a_zip.display().to_string(), "Rev3", "not a zip archive"),
        (empty.display().to_string(), "Rev3", "empty"),
        (no_paragraphs.display().to_string(), "Rev3", "paragraph"),
        (
            duplicate.display().to_string(),
            "Rev3",
            "duplicate paragraph number",
        ),
        (a.clone(), "Rev 2", "already has a revision 'Rev2'"),
    ] {
        let run = archive.run(&["doc", "revise", "riverbend", &file, "--label", label]);
        assert!(
            one_error_line(&run).contains(problem),
            "{file}: {}",
            run.stderr
        );
    }
    assert_eq!(archive.ok(&["doc", "list"]), listed);
    // A quote must say which words: one that occurs twice is refused.
    let run = archive.run(&[
        "doc",
        "comment",
        "riverbend",
        "--rev",
        "Rev2",
        "--para",
        "1",
        "--author",
        "A",
        "--text",
        "T",
        "--quote",
        "e",
    ]);
    assert!(
        one_error_line(&run).contains("quote more words"),
        "{}",
        run.stderr
    );
}
