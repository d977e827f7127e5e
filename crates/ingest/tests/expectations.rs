//! Acceptance: every report in `test_data/summary-report` is read, and its record is held
//! against the hand-written expectations beside it (`.gold.json` for the seed, `.expect.json`
//! for the others) and against a snapshot of its JSON record and its diagnostics.
//!
//! All checks run through the JSON interface, which is what other programs rely on, and all
//! mismatches of one report are reported together.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/summary-report")
}

fn read(path: &Path) -> Value {
    let bytes = std::fs::read(path).expect("test data is readable");
    let name = path
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned();
    let record = ingest::read_summary_report(&name, &bytes, &ingest::PeopleHints::default())
        .expect("test data decodes");
    render::json::to_json(&record)
}

/// A JSON scalar as a string: numbers and strings compare alike ("1" and 1).
fn s(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(s).collect())
        .unwrap_or_default()
}

/// Compares a record with expectations; returns every mismatch.
fn check(record: &Value, expect: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let meeting = &expect["meeting"];
    if meeting.is_object() {
        same(
            &mut errors,
            "group",
            s(&record["group"]["name"]),
            s(&meeting["group"]),
        );
        if meeting.get("group_short").is_some() {
            same(
                &mut errors,
                "group short name",
                s(&record["group"]["short_name"]),
                s(&meeting["group_short"]),
            );
        }
        if meeting.get("parent_body").is_some() {
            same(
                &mut errors,
                "parent body",
                s(&record["group"]["parent"]),
                s(&meeting["parent_body"]),
            );
        }
        for key in ["number", "start", "mode", "moderator", "recording", "date"] {
            if meeting.get(key).is_some() {
                same(
                    &mut errors,
                    key,
                    s(&record["meeting"][key]),
                    s(&meeting[key]),
                );
            }
        }
        let chairs = meeting.get("co_chairs").or(meeting.get("chairs"));
        if let Some(chairs) = chairs {
            same(
                &mut errors,
                "chairs",
                Some(strings(&record["meeting"]["chairs"]).join("; ")),
                Some(strings(chairs).join("; ")),
            );
        }
    }
    if let Some(agenda) = expect["agenda"].as_array() {
        let got: Vec<String> = flat_agenda(&record["agenda"]);
        let want: Vec<String> = agenda
            .iter()
            .map(|i| {
                format!(
                    "{} {}",
                    s(&i["n"]).unwrap_or_default(),
                    s(&i["title"]).unwrap_or_default()
                )
            })
            .collect();
        same(
            &mut errors,
            "agenda",
            Some(got.join(" | ")),
            Some(want.join(" | ")),
        );
    }
    if let Some(items) = expect.get("items_without_discussion") {
        let discussed: BTreeSet<String> = record["interventions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| s(&i["agenda_item"]))
            .collect();
        let mut got: Vec<String> = flat_numbers(&record["agenda"])
            .into_iter()
            .filter(|n| {
                !discussed
                    .iter()
                    .any(|d| d == n || d.starts_with(&format!("{n}.")))
            })
            .collect();
        got.sort();
        let mut want = strings(items);
        want.sort();
        same(
            &mut errors,
            "items without discussion",
            Some(got.join(",")),
            Some(want.join(",")),
        );
    }
    if let Some(people) = expect["participants"].as_array() {
        let got = pairs(&record["participants"], "name", "affiliation", " / ");
        let want = pairs(&Value::Array(people.clone()), "name", "affiliation", " / ");
        if got != want {
            errors.push(format!("participants:\n  got  {got:?}\n  want {want:?}"));
        }
    }
    let interventions = record["interventions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for checkup in expect["speaker_checks"].as_array().into_iter().flatten() {
        let phrase = s(&checkup["phrase"]).unwrap_or_default();
        let found: Vec<&Value> = interventions
            .iter()
            .filter(|i| s(&i["text"]).is_some_and(|t| squash(&t).contains(&squash(&phrase))))
            .collect();
        let [intervention] = found.as_slice() else {
            errors.push(format!(
                "phrase {phrase:?}: in {} interventions, expected 1",
                found.len()
            ));
            continue;
        };
        let item = s(&checkup["item"]);
        if checkup.get("item").is_some() && s(&intervention["agenda_item"]) != item {
            errors.push(format!(
                "phrase {phrase:?}: agenda item {:?}, expected {item:?}",
                s(&intervention["agenda_item"])
            ));
        }
        let speaker = &intervention["speaker"];
        let got = describe(speaker);
        let want = if let Some(name) = checkup.get("unknown") {
            format!("unknown {}", s(name).unwrap_or_default())
        } else if let Some(candidates) = checkup.get("ambiguous") {
            let mut c = strings(candidates);
            c.sort();
            format!("ambiguous {}", c.join(", "))
        } else {
            match s(&checkup["speaker"]) {
                Some(name) => format!("resolved {name}"),
                None => "none".to_owned(),
            }
        };
        if got != want {
            errors.push(format!("phrase {phrase:?}: speaker {got}, expected {want}"));
        }
    }
    for agreement in expect["explicit_agreements"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let speaker = s(&agreement["speaker"]);
        let with = s(&agreement["with"]).unwrap_or_default();
        let ok = interventions.iter().any(|i| {
            s(&i["speaker"]["name"]) == speaker && strings(&i["agrees_with"]).contains(&with)
        });
        if !ok {
            errors.push(format!("agreement: {speaker:?} with {with:?} not found"));
        }
    }
    if let Some(names) = expect.get("mentioned_not_present") {
        let mut got: BTreeSet<String> = interventions
            .iter()
            .filter(|i| i["speaker"]["status"] == "unknown")
            .filter_map(|i| s(&i["speaker"]["name"]))
            .collect();
        got.extend(
            record["mentions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|m| m["status"] == "unknown")
                .filter_map(|m| s(&m["name"])),
        );
        let want: BTreeSet<String> = strings(names).into_iter().collect();
        same(
            &mut errors,
            "mentioned but not present",
            Some(format!("{got:?}")),
            Some(format!("{want:?}")),
        );
    }
    if let Some(dates) = expect["dates"].as_array() {
        let got: BTreeSet<String> = pairs(&record["dates"], "text", "value", " = ")
            .into_iter()
            .collect();
        let want: BTreeSet<String> = pairs(&Value::Array(dates.clone()), "text", "date", " = ")
            .into_iter()
            .collect();
        same(
            &mut errors,
            "dates",
            Some(format!("{got:?}")),
            Some(format!("{want:?}")),
        );
    }
    if let Some(actions) = expect["action_items"].as_array() {
        let got = record["action_items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if got.len() != actions.len() {
            errors.push(format!(
                "action items: {} found, {} expected: {got:?}",
                got.len(),
                actions.len()
            ));
        }
        for want in actions {
            let matches = got.iter().any(|a| {
                owner_matches(s(&a["owner"]), s(&want["owner"]))
                    && s(&a["due"]) == s(&want["due"])
                    && what_matches(&s(&a["what"]).unwrap_or_default(), want)
            });
            if !matches {
                errors.push(format!("action item {want} not found among {got:?}"));
            }
        }
    }
    if let Some(decisions) = expect["decisions_contain"].as_array() {
        let got: Vec<String> = record["decisions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| s(&d["text"]))
            .collect();
        if got.len() != decisions.len() {
            errors.push(format!(
                "decisions: {} found, {} expected: {got:?}",
                got.len(),
                decisions.len()
            ));
        }
        for phrase in strings(&Value::Array(decisions.clone())) {
            if !got.iter().any(|d| squash(d).contains(&squash(&phrase))) {
                errors.push(format!("decision containing {phrase:?} not found"));
            }
        }
    }
    if let Some(references) = expect["document_references"].as_array() {
        let got: BTreeSet<String> = record["references"]
            .as_array()
            .into_iter()
            .flatten()
            .map(reference_key)
            .collect();
        for want in references {
            let key = reference_key(want);
            if !got.contains(&key) {
                errors.push(format!("reference {key} not found among {got:?}"));
            }
        }
    }
    errors
}

/// "a / b" for each object of a JSON array: two fields side by side, for one comparison.
fn pairs(list: &Value, a: &str, b: &str, separator: &str) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|item| {
            format!(
                "{}{separator}{}",
                s(&item[a]).unwrap_or_default(),
                s(&item[b]).unwrap_or_default()
            )
        })
        .collect()
}

fn same(errors: &mut Vec<String>, what: &str, got: Option<String>, want: Option<String>) {
    if got != want {
        errors.push(format!("{what}: got {got:?}, expected {want:?}"));
    }
}

/// The same owner: every content word of the expected owner is in the found one, so a gold
/// file's paraphrase ("co-chairs of the MAG Working Groups on Strategy") matches the words as
/// written ("the co-chairs of the MAG Working Groups (Strategy …)").
fn owner_matches(got: Option<String>, want: Option<String>) -> bool {
    let (got, want) = match (got, want) {
        (Some(got), Some(want)) => (got, want),
        (got, want) => return got.is_none() && want.is_none(),
    };
    let words = |t: &str| -> Vec<String> {
        fold(t)
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| {
                !w.is_empty() && !matches!(*w, "the" | "and" | "on" | "of" | "mr" | "ms" | "dr")
            })
            .map(str::to_owned)
            .collect()
    };
    let got = words(&got);
    let want = words(&want);
    !want.is_empty() && want.iter().all(|w| got.contains(w))
}

/// Lower case without accents, so "Zoe" is "Zoë" and a title-case name is the same name.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn reference_key(r: &Value) -> String {
    format!(
        "{} | {} | {}",
        fold(&s(&r["document"]).unwrap_or_default()),
        s(&r["version"]).unwrap_or_default(),
        s(&r["paragraph"]).unwrap_or_default()
    )
}

/// An action's text matches an expectation's `what_contains`, or shares a content word with
/// its `what`.
fn what_matches(got: &str, want: &Value) -> bool {
    let got = got.to_lowercase();
    if let Some(part) = s(&want["what_contains"]) {
        return got.contains(&part.to_lowercase());
    }
    let Some(what) = s(&want["what"]) else {
        return true;
    };
    what.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 5)
        .any(|w| got.contains(w))
}

fn describe(speaker: &Value) -> String {
    match speaker["status"].as_str() {
        Some("resolved") => format!("resolved {}", s(&speaker["name"]).unwrap_or_default()),
        Some("unknown") => format!("unknown {}", s(&speaker["name"]).unwrap_or_default()),
        Some("ambiguous") => {
            let mut c = strings(&speaker["candidates"]);
            c.sort();
            format!("ambiguous {}", c.join(", "))
        }
        _ => "none".to_owned(),
    }
}

/// White space folded, so a phrase matches across a repaired line break.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flat_agenda(items: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for item in items.as_array().into_iter().flatten() {
        out.push(format!(
            "{} {}",
            s(&item["number"]).unwrap_or_default(),
            s(&item["title"]).unwrap_or_default()
        ));
        out.extend(flat_agenda(&item["items"]));
    }
    out
}

fn flat_numbers(items: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for item in items.as_array().into_iter().flatten() {
        out.push(s(&item["number"]).unwrap_or_default());
        out.extend(flat_numbers(&item["items"]));
    }
    out
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(test_data())
        .expect("test data folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_stem()
                    .expect("a stem")
                    .to_string_lossy()
                    .into_owned(),
                p,
            )
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn the_seed_meets_every_check_of_the_gold_file() {
    let path = test_data().join("seed-igf-wg-strategy-106.txt");
    let record = read(&path);
    let gold: Value = serde_json::from_slice(
        &std::fs::read(test_data().join("seed-igf-wg-strategy-106.gold.json")).expect("gold file"),
    )
    .expect("gold JSON");
    let mut errors = check(&record, &gold);
    // The two text repairs: the sentence split by a page break is whole, the empty link keeps its words.
    let texts: Vec<String> = record["interventions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| s(&i["text"]))
        .collect();
    if !texts
        .iter()
        .any(|t| t.contains("to have a true multistakeholder discussion. She suggested"))
    {
        errors.push("the page-break split sentence was not joined".into());
    }
    if !texts.iter().any(|t| t.contains("via a Google Doc."))
        || texts.iter().any(|t| t.contains("](#)"))
    {
        errors.push("the empty link was not reduced to its words".into());
    }
    let repairs: Vec<String> = record["repairs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            format!(
                "{} {}",
                s(&r["kind"]).unwrap_or_default(),
                s(&r["line"]).unwrap_or_default()
            )
        })
        .collect();
    if repairs != ["joined-split-sentence 33", "empty-link-target 47"] {
        errors.push(format!("repairs: {repairs:?}"));
    }
    // The gold counts: 28 participants, 41 key phrases, 3 dates, 3 actions.
    assert_eq!(gold["speaker_checks"].as_array().map(Vec::len), Some(41));
    assert_eq!(record["participants"].as_array().map(Vec::len), Some(28));
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn every_fixture_meets_its_expectations() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (case, path) in cases() {
        let expect_path = path.with_extension("expect.json");
        if !expect_path.exists() {
            continue;
        }
        checked += 1;
        let expect: Value =
            serde_json::from_slice(&std::fs::read(&expect_path).expect("expectations"))
                .expect("expectations JSON");
        let errors = check(&read(&path), &expect);
        if !errors.is_empty() {
            failures.push(format!(
                "== {case}: {} mismatches\n{}",
                errors.len(),
                errors.join("\n")
            ));
        }
    }
    assert!(checked >= 10, "only {checked} fixtures with expectations");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_report_matches_its_snapshots() {
    for (case, path) in cases() {
        let bytes = std::fs::read(&path).expect("readable");
        let name = format!("{case}.txt");
        let record = ingest::read_summary_report(&name, &bytes, &ingest::PeopleHints::default())
            .expect("decodes");
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

/// The JSON interface reads back what it prints: every report's record, printed, parsed and
/// printed again, is the same text. The archive's export and import rely on this.
#[test]
fn every_record_survives_the_json_round_trip() {
    for (case, path) in cases() {
        let bytes = std::fs::read(&path).expect("readable");
        let record = ingest::read_summary_report(&case, &bytes, &ingest::PeopleHints::default())
            .expect("decodes");
        let printed = render::json::to_json_string(&record);
        let back = render::json::from_json_str(&printed)
            .unwrap_or_else(|e| panic!("{case}: the printed record does not parse: {e}"));
        let again = render::json::to_json_string(&back);
        if let Some((at, (a, b))) = again
            .lines()
            .zip(printed.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            panic!("{case}: line {} changed from {b:?} to {a:?}", at + 1);
        }
        assert_eq!(
            again, printed,
            "{case}: printing the parsed record changed it"
        );
    }
}
