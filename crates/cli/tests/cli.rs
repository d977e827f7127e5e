//! End-to-end tests of the `rapporteur` binary: the real executable, real files in a fresh
//! temporary folder, and the contract of its exit codes and messages.
//!
//! The contract: 0 success; 1 `check` found warnings or errors; 2 a file is unreadable, is
//! not a report, or the command line is wrong. A file that cannot be read yields exactly one
//! line on standard error naming the file and the problem, nothing on standard output, and
//! never a panic. `convert -o` writes all of its output or none of it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const SEED: &str =
    include_str!("../../ingest/test_data/summary-report/seed-igf-wg-strategy-106.txt");
const JORGE_CANCIO: &str = "[[person]]\nname = \"Jorge Cancio\"\naliases = [\"Jorge\"]\n";

/// A fresh, empty folder for one test, removed when the test ends.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(test: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("rapporteur-cli-{}-{n}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the scratch folder");
        Scratch { dir }
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, bytes).expect("write a scratch file");
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The names of the files in the folder, sorted.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .expect("list the scratch folder")
            .map(|e| {
                e.expect("a folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What one run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// The one caller of the binary.
fn rapporteur(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(args)
        .output()
        .expect("run the rapporteur binary");
    let run = Run {
        code: output
            .status
            .code()
            .expect("the binary exits, it is not killed by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked on {args:?}:\n{}",
        run.stderr
    );
    run
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("scratch paths are UTF-8")
}

/// A file that is no report: exit 2, one line on stderr naming it and why, nothing on stdout,
/// for both `check` and `convert`, and `convert -o` leaves no file behind.
fn assert_rejected(name: &str, bytes: impl AsRef<[u8]>, problem: &str) {
    let scratch = Scratch::new(name);
    let file = scratch.write(name, bytes);
    let out = scratch.path("out.json");
    let runs = [
        rapporteur(&["check", arg(&file)]),
        rapporteur(&["convert", arg(&file), "--to", "json"]),
        rapporteur(&["convert", arg(&file), "--to", "markdown", "-o", arg(&out)]),
    ];
    for run in runs {
        assert_eq!(run.code, 2, "{name}: stderr: {}", run.stderr);
        assert_eq!(run.stdout, "", "{name}: nothing on stdout");
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "{name}: one line on stderr, got:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(arg(&file)),
            "{name}: stderr names the file: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains(problem),
            "{name}: stderr says '{problem}': {}",
            run.stderr
        );
    }
    assert_eq!(
        scratch.files(),
        vec![name.to_owned()],
        "{name}: no output or temporary file left"
    );
}

#[test]
fn empty_file_is_rejected() {
    assert_rejected("empty.txt", b"", "the file is empty");
}

#[test]
fn blank_file_is_rejected() {
    assert_rejected("blank.txt", b" \n\t\r\n", "only white space");
}

#[test]
fn binary_file_is_rejected() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    assert_rejected("report.pdf", bytes, "the file is binary");
}

#[test]
fn invalid_utf8_is_rejected() {
    assert_rejected(
        "latin1.txt",
        b"Agenda\n\n1. R\xe9sum\xe9 of the d\xe9bat\n",
        "not valid UTF-8 (invalid byte at line 3, column 5)",
    );
}

#[test]
fn huge_file_is_rejected() {
    let line = "a".repeat(1023) + "\n";
    let megabyte = line.repeat(1024);
    let bytes: Vec<u8> = megabyte.as_bytes().repeat(50);
    assert_rejected("huge.txt", bytes, "the file is too large (52428800 bytes");
}

#[test]
fn recipe_is_not_a_report() {
    let recipe = "Pancakes\n\nIngredients: 200 g flour, 2 eggs, 300 ml milk, a pinch of salt.\n\n\
                  Whisk the flour and the eggs, then add the milk slowly until the batter is smooth.\n\
                  Fry in a hot buttered pan until golden on both sides.\n";
    assert_rejected("pancakes.txt", recipe, "fits none of the formats known");
}

#[test]
fn poem_is_not_a_report() {
    let poem = "The Tyger\n\nTyger Tyger, burning bright,\nIn the forests of the night;\n\
                What immortal hand or eye,\nCould frame thy fearful symmetry?\n";
    assert_rejected("tyger.txt", poem, "fits none of the formats known");
}

#[test]
fn missing_file_is_rejected() {
    let scratch = Scratch::new("missing");
    let file = scratch.path("nowhere.txt");
    let run = rapporteur(&["check", arg(&file)]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(arg(&file)) && run.stderr.contains("cannot read the file"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_names_the_bad_file_and_still_checks_the_good_one() {
    let scratch = Scratch::new("mixed");
    let bad = scratch.write("empty.txt", b"");
    let good = scratch.write("seed.txt", SEED);
    let run = rapporteur(&["check", arg(&bad), arg(&good)]);
    assert_eq!(run.code, 2, "an unreadable file outranks warnings");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains(arg(&bad)), "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("{}:27:1", arg(&good))),
        "{}",
        run.stdout
    );
}

#[test]
fn convert_writes_the_whole_output_file() {
    let scratch = Scratch::new("convert-out");
    let seed = scratch.write("seed.txt", SEED);
    let out = scratch.path("seed.md");
    let run = rapporteur(&["convert", arg(&seed), "--to", "markdown", "-o", arg(&out)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "the output goes to the file, not stdout");
    let written = std::fs::read_to_string(&out).expect("the output file exists");
    let printed = rapporteur(&["convert", arg(&seed), "--to", "markdown"]).stdout;
    assert_eq!(written, printed, "the file holds exactly what stdout would");
    assert_eq!(
        scratch.files(),
        vec!["seed.md".to_owned(), "seed.txt".to_owned()],
        "no temporary file left"
    );
}

#[test]
fn convert_into_a_missing_folder_fails_cleanly() {
    let scratch = Scratch::new("convert-nodir");
    let seed = scratch.write("seed.txt", SEED);
    let out = scratch.path("no/such/folder/seed.json");
    let run = rapporteur(&["convert", arg(&seed), "-o", arg(&out)]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains(arg(&out)), "{}", run.stderr);
    assert_eq!(scratch.files(), vec!["seed.txt".to_owned()]);
}

#[test]
fn check_reports_the_seed_problems_as_text() {
    let scratch = Scratch::new("check-text");
    let seed = scratch.write("seed.txt", SEED);
    let run = rapporteur(&["check", arg(&seed)]);
    assert_eq!(run.code, 1, "warnings give exit code 1: {}", run.stderr);
    assert_eq!(run.stderr, "");
    let at = |place: &str| format!("{}:{place}", arg(&seed));
    let out = &run.stdout;
    let diagnostics: Vec<&str> = out.split("\n\n").collect();
    let has = |code: &str, place: &str, words: &str| {
        diagnostics.iter().any(|d| {
            d.contains(&format!("[{code}]")) && d.contains(&at(place)) && d.contains(words)
        })
    };
    assert!(has("unknown-speaker", "27:1", "'Flavio'"), "{out}");
    assert!(has("ambiguous-speaker", "27:", "'Jorge'"), "{out}");
    assert!(has("ambiguous-speaker", "29:1", "'Jorge'"), "{out}");
    assert!(has("item-not-discussed", "74:1", "agenda item 4"), "{out}");
}

#[test]
fn check_reports_the_seed_problems_as_json() {
    let scratch = Scratch::new("check-json");
    let seed = scratch.write("seed.txt", SEED);
    let run = rapporteur(&["check", "--format", "json", arg(&seed)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("check --format json prints JSON");
    let reports = json.as_array().expect("one entry per file");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["path"], arg(&seed));
    let found: Vec<(String, u64, u64)> = reports[0]["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            let code = d["code"].as_str().expect("a code").to_owned();
            (
                code,
                d["line"].as_u64().expect("a line"),
                d["column"].as_u64().expect("a column"),
            )
        })
        .collect();
    let has = |code: &str, line: u64, column: Option<u64>| {
        found
            .iter()
            .any(|(c, l, k)| c == code && *l == line && column.is_none_or(|column| *k == column))
    };
    assert!(has("unknown-speaker", 27, Some(1)), "{found:?}");
    assert!(has("ambiguous-speaker", 27, None), "{found:?}");
    assert!(has("ambiguous-speaker", 29, Some(1)), "{found:?}");
    assert!(has("item-not-discussed", 74, Some(1)), "{found:?}");
}

#[test]
fn people_hints_settle_the_two_jorges() {
    let scratch = Scratch::new("people");
    let seed = scratch.write("seed.txt", SEED);
    let people = scratch.write("people.toml", JORGE_CANCIO);
    let run = rapporteur(&["check", "--people", arg(&people), arg(&seed)]);
    assert_eq!(run.code, 1, "Flavio and item 4 remain: {}", run.stderr);
    assert!(!run.stdout.contains("ambiguous-speaker"), "{}", run.stdout);
    assert!(run.stdout.contains("unknown-speaker"), "{}", run.stdout);
    let json = rapporteur(&[
        "convert",
        arg(&seed),
        "--to",
        "json",
        "--people",
        arg(&people),
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    assert!(json.stdout.contains("Jorge Cancio"), "{}", json.stdout);
}

#[test]
fn malformed_people_file_is_rejected() {
    let scratch = Scratch::new("bad-people");
    let seed = scratch.write("seed.txt", SEED);
    let people = scratch.write("people.toml", "[[person]]\nname = Jorge Cancio\n");
    for run in [
        rapporteur(&["check", "--people", arg(&people), arg(&seed)]),
        rapporteur(&["convert", arg(&seed), "--people", arg(&people)]),
    ] {
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(run.stdout, "");
        let first = run.stderr.lines().next().unwrap_or_default();
        assert!(
            first.contains(arg(&people))
                && first.contains("invalid people hints: line 2, column 8"),
            "{}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
}

#[test]
fn convert_to_json_is_the_record_interface() {
    let scratch = Scratch::new("convert-json");
    let seed = scratch.write("seed.txt", SEED);
    let run = rapporteur(&["convert", arg(&seed), "--to", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("convert --to json prints JSON");
    assert_eq!(json["format"], "rapporteur.record/1");
    assert_eq!(json["meeting"]["number"], 106);
}

#[test]
fn convert_to_every_text_format() {
    let scratch = Scratch::new("convert-formats");
    let seed = scratch.write("seed.txt", SEED);
    for format in ["markdown", "text", "html"] {
        let run = rapporteur(&["convert", arg(&seed), "--to", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert!(run.stdout.contains("WSIS+20"), "{format}: {}", run.stdout);
        assert_eq!(run.stderr, "", "{format}");
    }
}

#[test]
fn unknown_format_is_a_usage_error() {
    let scratch = Scratch::new("pdf");
    let seed = scratch.write("seed.txt", SEED);
    let out = scratch.path("seed.pdf");
    let run = rapporteur(&["convert", arg(&seed), "--to", "pdf", "-o", arg(&out)]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("pdf"), "{}", run.stderr);
    assert_eq!(scratch.files(), vec!["seed.txt".to_owned()]);
}

#[test]
fn demo_checks_the_sample_and_tours_the_example_archive() {
    let run = rapporteur(&["demo", "--no-serve"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    // The sample report, checked.
    assert!(out.contains("warning[ambiguous-speaker]"), "{out}");
    assert!(out.contains("warning[item-not-discussed]"), "{out}");
    // The example archive and the sample, in an archive in memory.
    assert!(out.contains("WG-Data             8 meetings"), "{out}");
    assert!(out.contains("WG-Data/28 "), "{out}");
    assert!(out.contains("WG-Strategy/106 "), "{out}");
    assert!(out.contains("[financing] [mechanisms]"), "{out}");
    assert!(
        out.contains("Independent Expert, 2026-11-17 to 2027-01-26"),
        "{out}"
    );
    assert!(out.contains("ambiguous 'Daniel'"), "{out}");
    assert!(out.contains("unknown 'Joaquín'"), "{out}");
}

#[test]
fn no_command_is_a_usage_error() {
    let run = rapporteur(&[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
}

#[cfg(target_os = "linux")]
#[test]
fn endless_device_is_rejected_without_reading_it_all() {
    // /dev/zero says it has 0 bytes and never ends: the read must stop at the size limit.
    let run = rapporteur(&["check", "/dev/zero"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("/dev/zero: the file is too large"),
        "{}",
        run.stderr
    );
}

/// `demo` loads the example archive into a temporary archive and serves it: the address it
/// prints answers with the home page, which lists both groups.
#[test]
fn demo_serves_the_example_archive() {
    use std::io::{BufRead, Read, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(["demo", "--bind", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start the demo");
    let mut lines = std::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    assert!(
        first.starts_with("rapporteur demo: 9 meetings of 2 groups"),
        "{first}"
    );
    let serving = lines.next().and_then(Result::ok).unwrap_or_default();
    let address = serving
        .strip_prefix("Serving the archive on http://")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {serving:?}"))
        .to_owned();
    let mut stream = std::net::TcpStream::connect(&address).expect("the demo listens");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: demo\r\nConnection: close\r\n\r\n")
        .expect("send a request");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .expect("read the response");
    let _ = child.kill();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("WG-Data") && response.contains("WG-Strategy"));
}

#[test]
fn detect_shows_every_readers_confidence() {
    let scratch = Scratch::new("detect");
    let seed = scratch.write("seed.txt", SEED);
    let list = scratch.write("list.txt", "eggs\nmilk\nbread\n");
    let run = rapporteur(&["detect", arg(&seed)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with(&format!("{}: summary-report\n", arg(&seed))),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("100%  summary-report"),
        "{}",
        run.stdout
    );
    let run = rapporteur(&["detect", arg(&seed), arg(&list)]);
    assert_eq!(run.code, 2, "a file that fits no format fails the command");
    assert!(
        run.stdout
            .contains(&format!("{}: no known format\n", arg(&list))),
        "{}",
        run.stdout
    );
}

#[test]
fn from_names_the_reader_and_check_says_which_read() {
    let scratch = Scratch::new("from");
    let seed = scratch.write("seed.txt", SEED);
    let recipe = scratch.write("pancakes.txt", "Pancakes\n\nWhisk the eggs.\n");
    // Named, the reader reads what it is given, and says when it is no report at all.
    let run = rapporteur(&["check", "--from", "summary-report", arg(&recipe)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("this is not a meeting report"),
        "{}",
        run.stderr
    );
    let run = rapporteur(&["convert", "--from", "poetry", arg(&seed)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown format 'poetry' (known: summary-report"),
        "{}",
        run.stderr
    );
    let run = rapporteur(&["check", "--format", "json", arg(&seed)]);
    let checked: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(checked[0]["reader"]["name"], "summary-report");
    assert_eq!(checked[0]["reader"]["chosen"], "detected");
    assert_eq!(checked[0]["reader"]["confidence"]["summary-report"], 100);
    let run = rapporteur(&["check", "--from", "summary-report", arg(&seed)]);
    assert!(
        run.stdout.starts_with(&format!(
            "{}: read as summary-report (as asked)\n",
            arg(&seed)
        )),
        "{}",
        run.stdout
    );
}
