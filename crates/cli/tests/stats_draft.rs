//! End-to-end tests of `rapporteur stats` and `rapporteur draft` on the test transcripts:
//! the real binary, real files, and the promises of each command.
//!
//! The draft's promise is that nothing in its discussion is unsourced: every quotation
//! appears verbatim in the transcript at the lines it cites.

use std::path::{Path, PathBuf};
use std::process::Command;

fn transcript(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ingest/test_data/transcript")
        .join(format!("{case}.txt"))
}

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
        code: output.status.code().expect("the binary exits"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Undoes the Markdown escapes the draft writes (`\*`, `\[`, `\_`…).
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every quotation of a draft: its text and the lines it cites.
fn quotes(draft: &str) -> Vec<(String, usize, usize)> {
    draft
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("- “")?;
            let (quote, cite) = rest.rsplit_once("” [")?;
            let lines = cite.split(']').next()?.rsplit(':').next()?;
            let (first, last) = lines.split_once('-').unwrap_or((lines, lines));
            Some((unescape(quote), first.parse().ok()?, last.parse().ok()?))
        })
        .collect()
}

#[test]
fn every_quotation_of_a_draft_is_in_the_transcript_at_its_line() {
    let mut checked = 0;
    for case in [
        "full-session",
        "bare-voices-and-stage-notes",
        "spelling-variants",
        "organisations",
        "spacing-and-markers",
        "chair-by-role",
    ] {
        let path = transcript(case);
        let run = rapporteur(&["draft", arg(&path)]);
        assert_eq!(run.code, 0, "{case}: {}", run.stderr);
        let source = std::fs::read_to_string(&path).expect("readable");
        let lines: Vec<&str> = source.lines().collect();
        let found = quotes(&run.stdout);
        assert!(!found.is_empty(), "{case}: no quotation in\n{}", run.stdout);
        for (quote, first, last) in found {
            let cited = lines[first - 1..last]
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                cited.contains(&quote),
                "{case}: '{quote}' is not on lines {first}-{last}: '{cited}'"
            );
            // It starts on the first line it cites, and ends on the last.
            assert!(lines[first - 1].contains(quote.split(' ').next().unwrap_or("")));
            checked += 1;
        }
        // Every line of the discussion is a heading, a speaker's line marked for rewriting,
        // or a quotation.
        let discussion = run
            .stdout
            .split("## Discussion")
            .nth(1)
            .expect("a discussion")
            .split("\n## ")
            .next()
            .unwrap_or("");
        for line in discussion.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                line.starts_with("### ")
                    || line.starts_with("- “")
                    || line.ends_with("*(draft: for the rapporteur to rewrite)*")
                    || line == "No discussion recorded."
                    || line == "- No sentence long enough to quote.",
                "{case}: an unsourced line in the discussion: {line}"
            );
        }
    }
    assert!(checked >= 20, "only {checked} quotations checked");
}

#[test]
fn a_draft_follows_the_house_layout() {
    let run = rapporteur(&["draft", arg(&transcript("full-session"))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = &run.stdout;
    let order: Vec<usize> = [
        "WG-Commons Working Group on Digital Commons",
        "# Summary Report",
        "## Agenda",
        "## Discussion",
        "### 2. Draft principles for shared datasets",
        "**Liesel Vandermeer** (1 turn)",
        "## Participants",
    ]
    .iter()
    .map(|part| {
        draft
            .find(part)
            .unwrap_or_else(|| panic!("no '{part}' in\n{draft}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{draft}");
    assert!(draft.contains(
        "- “The most substantial change is in principle 7, which now asks every data holder to publish a retention schedule.” [full-session.txt:33](full-session.txt#L33)"
    ), "{draft}");
    assert!(draft.contains("### 1. Opening and adoption of the agenda\n\nNo discussion recorded."));
}

#[test]
fn draft_writes_a_file_with_output() {
    let dir = std::env::temp_dir().join(format!("rapporteur-draft-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let out = dir.join("draft.md");
    let run = rapporteur(&[
        "draft",
        arg(&transcript("organisations")),
        "--output",
        arg(&out),
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let written = std::fs::read_to_string(&out).expect("the draft was written");
    assert!(written.contains("**UNESCO** (1 turn)"), "{written}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stats_count_speakers_groups_and_questions() {
    let path = transcript("full-session");
    let run = rapporteur(&["stats", arg(&path), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(stats["turns"], 7);
    let speakers: Vec<(String, u64)> = stats["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .map(|s| {
            (
                s["speaker"].as_str().unwrap_or_default().to_owned(),
                s["turns"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(speakers.len(), 5);
    assert!(speakers.contains(&("Kwabena Ofori-Atta".to_owned(), 2)));
    let words: u64 = stats["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .filter_map(|s| s["words"].as_u64())
        .sum();
    assert_eq!(Some(words), stats["words"].as_u64());
    let groups: Vec<&str> = stats["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["stakeholder_group"].as_str())
        .collect();
    for group in [
        "government",
        "civil-society",
        "academia",
        "private-sector",
        "not stated",
    ] {
        assert!(groups.contains(&group), "{groups:?}");
    }
    let questions: Vec<(u64, &str)> = stats["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| {
            (
                q["turn"].as_u64().unwrap_or_default(),
                q["text"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        questions,
        [
            (1, "Is the agenda adopted?"),
            (2, "Liesel, would you walk us through the changes?"),
            (
                4,
                "Could we add a reference to the archival standards that national libraries already apply?"
            ),
            (
                5,
                "Would a threshold of 10,000 records be acceptable to the group?"
            ),
        ]
    );
}

#[test]
fn stats_as_text_show_tables_and_unidentified_voices() {
    let run = rapporteur(&["stats", arg(&transcript("bare-voices-and-stage-notes"))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("10 turns"), "{}", run.stdout);
    assert!(run.stdout.contains("Speakers\n  speaker"), "{}", run.stdout);
    assert!(run.stdout.contains("unidentified voice"), "{}", run.stdout);
    assert!(run.stdout.contains("Stakeholder groups"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("turn 2 (line 11), unidentified voice: My question is for the panel: how do community networks pay for backhaul?"),
        "{}",
        run.stdout
    );
}

#[test]
fn bad_files_are_one_clear_line() {
    let dir = std::env::temp_dir().join(format!("rapporteur-stats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b">> ANA: \0").expect("write");
    let prose = dir.join("prose.txt");
    std::fs::write(&prose, b"Shopping list\n\nEggs and milk.\n").expect("write");
    for (command, file, problem) in [
        ("stats", &empty, "the file is empty"),
        ("draft", &empty, "the file is empty"),
        ("draft", &binary, "the file is binary"),
        ("draft", &prose, "not a captioning transcript"),
        ("stats", &dir.join("missing.txt"), "cannot read the file"),
    ] {
        let run = rapporteur(&[command, arg(file)]);
        assert_eq!(run.code, 2, "{command} {file:?}: {}", run.stderr);
        assert_eq!(run.stdout, "");
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains(problem), "{}", run.stderr);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
