//! The renderers, tested on the hand-built record of meeting 106 in `common`.
//!
//! Each format has a snapshot; the assertions pin the promises a snapshot review could miss:
//! the JSON keys and status words of the interface, escaping in HTML, and full names written
//! once per person.

mod common;

use model::Record;
use render::{Format, RenderOptions, render};
use serde_json::json;

/// The one caller of the renderer in these tests.
fn check(format: Format, full_names: bool) -> String {
    render(&common::record(), format, &RenderOptions { full_names })
}

fn json() -> serde_json::Value {
    serde_json::from_str(&check(Format::Json, false)).expect("the JSON output parses")
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(check(Format::Json, false));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(check(Format::Markdown, false));
}

#[test]
fn text_snapshot() {
    insta::assert_snapshot!(check(Format::Text, false));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(check(Format::Html, false));
}

#[test]
fn markdown_full_names_snapshot() {
    insta::assert_snapshot!(check(Format::Markdown, true));
}

#[test]
fn json_has_the_documented_top_level_keys_in_order() {
    let text = check(Format::Json, false);
    // Top-level keys are the lines indented by exactly two spaces in the pretty output.
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("  \""))
        .filter_map(|line| line.split('"').next())
        .collect();
    assert_eq!(
        keys,
        [
            "format",
            "source",
            "group",
            "meeting",
            "agenda",
            "participants",
            "interventions",
            "mentions",
            "dates",
            "action_items",
            "decisions",
            "references",
            "repairs",
            "diagnostics",
        ]
    );
    assert_eq!(json()["format"], "rapporteur.record/1");
}

#[test]
fn json_speaker_statuses() {
    let json = json();
    let speakers: Vec<&serde_json::Value> = json["interventions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| &i["speaker"])
        .collect();
    let statuses: Vec<&str> = speakers
        .iter()
        .filter_map(|s| s["status"].as_str())
        .collect();
    assert_eq!(
        statuses,
        [
            "resolved",
            "resolved",
            "ambiguous",
            "unknown",
            "resolved",
            "resolved",
            "none"
        ]
    );
    assert_eq!(
        *speakers[2],
        json!({"status": "ambiguous", "name": null, "mention": "Jorge", "candidates": ["Jorge Cancio", "Jorge Perez"]})
    );
    assert_eq!(
        *speakers[3],
        json!({"status": "unknown", "name": "Peace", "mention": "Peace", "candidates": []})
    );
    assert_eq!(
        *speakers[6],
        json!({"status": "none", "name": null, "mention": null, "candidates": []})
    );
}

#[test]
fn json_agreements() {
    let json = json();
    let chris = &json["interventions"][5];
    assert_eq!(chris["agrees_with"], json!(["Jorge"]));
    assert_eq!(
        chris["agreements"],
        json!([{"with": "Jorge", "status": "ambiguous", "basis": "named"}])
    );
    assert_eq!(
        json["interventions"][2]["agrees_with"],
        json!(["Titti Cassa"])
    );
}

#[test]
fn json_meeting_times() {
    let meeting = &json()["meeting"];
    assert_eq!(meeting["start"], "2025-12-04T13:00:00Z");
    assert_eq!(meeting["date"], "2025-12-04");
    assert_eq!(meeting["time_zone"], "UTC");
    assert_eq!(meeting["mode"], "online");
}

#[test]
fn json_of_an_empty_record_keeps_every_field() {
    let json = render::json::to_json(&Record::default());
    assert_eq!(
        json["meeting"],
        json!({
            "number": null, "title": null, "start": null, "date": null, "time_zone": null,
            "mode": null, "moderator": null, "chairs": [], "recording": null
        })
    );
    assert_eq!(json["interventions"], json!([]));
}

#[test]
fn html_escapes_markup_in_interventions() {
    let html = check(Format::Html, false);
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains(
            "quoted &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;other&#39; markup"
        ),
        "{html}"
    );
}

#[test]
fn html_marks_uncertain_speakers() {
    let html = check(Format::Html, false);
    assert!(html.contains(
        r#"<mark class="speaker speaker-ambiguous" title="ambiguous speaker: Jorge Cancio or Jorge Perez">Jorge</mark> also agreed"#
    ));
    assert!(html.contains(r#"<mark class="speaker speaker-unknown""#));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

#[test]
fn full_names_replace_only_the_first_mention_of_each_person() {
    let markdown = check(Format::Markdown, true);
    assert!(markdown.contains("Titti Cassa opened the meeting"));
    assert!(markdown.contains("\nTitti noted that Revision 2"));
    assert!(markdown.contains("\nTitti introduced the work"));
    assert!(markdown.contains("Chris Buckridge agreed with Jorge's concern"));
    // Ambiguous and unknown speakers have no full name to write.
    assert!(markdown.contains("\nJorge also agreed"));
    assert!(markdown.contains("\nPeace noted"));
    assert!(!check(Format::Markdown, false).contains("Titti Cassa opened"));
}

#[test]
fn full_names_apply_to_text_and_html() {
    assert!(check(Format::Text, true).contains("Titti Cassa opened the meeting"));
    assert!(check(Format::Html, true).contains(
        r#"<span class="speaker" title="Titti Cassa">Titti Cassa</span> opened the meeting"#
    ));
}

#[test]
fn an_item_never_discussed_says_so() {
    assert!(
        check(Format::Markdown, false)
            .contains("### 3. Any other business (AOB)\n\nNo discussion recorded.\n")
    );
    assert!(
        check(Format::Text, false)
            .contains("\n3. Any other business (AOB)\n\nNo discussion recorded.\n")
    );
    assert!(check(Format::Html, false).contains(
        "<h3>3. Any other business (AOB)</h3>\n<p class=\"empty\">No discussion recorded.</p>\n"
    ));
}

#[test]
fn discussion_under_an_item_missing_from_the_agenda_is_kept() {
    let mut record = common::record();
    record.interventions[6].agenda_item = Some("9".to_owned());
    let markdown = render(&record, Format::Markdown, &RenderOptions::default());
    assert!(markdown.contains(
        "### 9. (not on the agenda)\n\nThere was discussion of holding the next meeting"
    ));
}

#[test]
fn text_lines_fit_in_78_columns() {
    let text = check(Format::Text, false);
    for line in text.lines() {
        assert!(line.chars().count() <= 78, "{line}");
    }
}

#[test]
fn every_format_renders_an_empty_record() {
    for format in [Format::Json, Format::Markdown, Format::Text, Format::Html] {
        let out = render(&Record::default(), format, &RenderOptions::default());
        assert!(
            out.ends_with('\n') && !out.ends_with("\n\n"),
            "{format}: {out:?}"
        );
    }
}

#[test]
fn format_names() {
    let parsed: Vec<Format> = Format::NAMES
        .iter()
        .filter_map(|name| name.parse().ok())
        .collect();
    assert_eq!(
        parsed,
        [
            Format::Json,
            Format::Markdown,
            Format::Markdown,
            Format::Text,
            Format::Text,
            Format::Html
        ]
    );
    assert_eq!("HTML".parse::<Format>(), Ok(Format::Html));
    let error = "pdf".parse::<Format>().expect_err("pdf is not a format");
    assert_eq!(
        error.to_string(),
        "unknown format `pdf` (expected one of: json, markdown, md, text, txt, html)"
    );
}

#[test]
fn an_agenda_number_listed_twice_shows_its_discussion_once() {
    let mut record = common::record();
    let again = record.agenda[0].clone();
    record.agenda.push(again);
    let text = render(&record, Format::Text, &RenderOptions::default());
    assert_eq!(text.matches("Jorge also agreed").count(), 1, "{text}");
}
