//! The mailed-minutes reader on the minutes in `test_data/scribe-minutes`: a snapshot of each
//! record (JSON) and of its diagnostics, and hand-written checks of the facts that matter:
//! who speaks each turn, what is not speech, who attended, what was resolved and who owns
//! each action.

mod scribed;

use model::Record;
use scribed::{actions, attendees, codes, turns};

fn read(case: &str) -> Record {
    scribed::read("scribe-minutes", ingest::read_scribe_minutes, case)
}

#[test]
fn every_minutes_matches_its_snapshots() {
    scribed::snapshots("scribe-minutes", ingest::read_scribe_minutes);
}

#[test]
fn inline_headers_and_topic_sections() {
    let record = read("inline-headers");
    assert_eq!(record.source.reader, "scribe-minutes");
    assert_eq!(
        record.group.name.as_deref(),
        Some("Accessible Charts Community Group")
    );
    assert_eq!(
        record.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-12")
    );
    assert_eq!(record.meeting.chairs, ["Amara Okafor"]);
    // Regrets are not attendees; the chair and the scribe carry their roles.
    assert_eq!(
        attendees(&record),
        [
            "Amara Okafor (chair)",
            "Bo Lindqvist (rapporteur)",
            "Chen Wei",
            "Dana Ruiz"
        ]
    );
    assert_eq!(
        turns(&record),
        [
            "Amara Okafor | We have three proposals for the contrast of adjacent series. The first one keeps the palette and adds patterns.",
            "Chen Wei | Patterns help print, but screen readers ignore them. We should test both with the user panel.",
            "Dana Ruiz | I can run the panel next week.",
            "Chen Wei | Sparklines need a one-line summary, not a data table.",
        ]
    );
    let spans: Vec<(Option<&str>, u32, u32)> = record
        .interventions
        .iter()
        .map(|i| (i.agenda_item.as_deref(), i.span.start_line, i.span.end_line))
        .collect();
    assert_eq!(
        spans,
        [
            (Some("1"), 23, 24),
            (Some("1"), 25, 26),
            (Some("1"), 27, 27),
            (Some("2"), 33, 33)
        ]
    );
    // Listed in the summaries and in the discussion: recorded once, where it was said.
    assert_eq!(record.decisions.len(), 1);
    assert_eq!(record.decisions[0].span.start_line, 28);
    assert_eq!(
        actions(&record),
        [
            "Dana Ruiz | run the user panel on patterns by 20 March | 2026-03-20",
            "Chen Wei | draft the sparkline summary pattern | -",
        ]
    );
    assert_eq!(record.action_items[0].span.start_line, 29);
    assert_eq!(codes(&record), Vec::<String>::new());
}

#[test]
fn generated_layout_with_indented_fields_and_summaries() {
    let record = read("generated-layout");
    assert_eq!(
        record.meeting.title.as_deref(),
        Some("Tactile Maps Task Force")
    );
    assert_eq!(
        record.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-04-02")
    );
    assert_eq!(
        attendees(&record),
        [
            "Kofi Mensah (chair)",
            "Lena Vogel (rapporteur)",
            "Emeka Obi",
            "Farah Haddad"
        ]
    );
    let agenda: Vec<String> = record
        .agenda
        .iter()
        .map(|i| format!("{} {}", i.number, i.title))
        .collect();
    assert_eq!(agenda, ["1 Legend placement", "2 Braille labels"]);
    assert_eq!(
        turns(&record),
        [
            "Kofi Mensah | The legend should sit above the map on small screens and below it when printed.",
            "Emeka Obi | Printed legends below the map are easier to find by touch.",
            "Farah Haddad | Agreed, below for print, above for screens.",
            "Farah Haddad | Braille labels need six millimetres spacing on the map.",
            "Emeka Obi | Six millimetres is too much for dense city maps.",
            "Kofi Mensah | can we get guidance from the braille authority?",
        ]
    );
    let items: Vec<&str> = record
        .interventions
        .iter()
        .filter_map(|i| i.agenda_item.as_deref())
        .collect();
    assert_eq!(items, ["1", "1", "1", "2", "2", "2"]);
    // The action wraps onto a second line, in the discussion and in the summary alike.
    assert_eq!(
        actions(&record),
        [
            "Farah Haddad | collect spacing guidance from the braille authority by 30 April | 2026-04-30"
        ]
    );
    assert_eq!(
        (
            record.action_items[0].span.start_line,
            record.action_items[0].span.end_line
        ),
        (57, 58)
    );
    assert_eq!(
        record
            .decisions
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>(),
        ["legend above the map on screens, below it in print"]
    );
    // The colophon after "[End of minutes]" ("$Date: …") is not read.
    assert_eq!(codes(&record), Vec::<String>::new());
}

#[test]
fn nick_labels_queue_lines_and_corrections() {
    let record = read("nick-labels-and-queue");
    assert_eq!(
        turns(&record),
        [
            "Gwen Tallis | the default pitch range is too narrow for people with hearing loss",
            "Inès Moreau | we could let users pick the range in settings",
            "Jonas Berg | +1 to a setting",
            "Hiroshi Sato | I will note that settings need a reset button and a preview",
            "Inès Moreau | an audio legend should play before the data, once and again on request",
        ]
    );
    let mentions: Vec<&str> = record
        .interventions
        .iter()
        .filter_map(|i| i.speaker.mention())
        .collect();
    assert_eq!(mentions, ["gwen", "ines", "jberg", "hiro", "Inès"]);
    assert_eq!(
        record.interventions[2].agreements[0].with.name(),
        Some("Inès Moreau")
    );
    assert_eq!(record.repairs.len(), 1);
    assert_eq!(record.repairs[0].span.start_line, 18);
    // The insertion at the end is reported, not applied, and is no one's turn.
    assert_eq!(codes(&record), ["text-repaired:19:1", "unread-line:27:1"]);
    assert_eq!(
        actions(&record),
        ["Hiroshi Sato | write up the shortcut proposal | -"]
    );
}

#[test]
fn doubtful_names_and_labels_that_name_no_one() {
    let record = read("doubtful-names");
    assert_eq!(
        record.group.name.as_deref(),
        Some("Chart Descriptions Task Force")
    );
    assert_eq!(
        record.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-06-18")
    );
    assert_eq!(
        turns(&record),
        [
            "?Jun[Jun Park/Jun Takeda] | Long descriptions should be collapsible.",
            "Priya Raman | And the summary should come first.",
            "?Ravi Ghosh | I disagree, the table should come first.",
            "Jun Takeda | Collapsible is fine if the summary stays visible.",
            "- | Note: Ravi sent his view by e-mail before the call.",
        ]
    );
    // From the summaries only: the resolution and the open actions, not the one done.
    assert_eq!(
        record
            .decisions
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>(),
        ["descriptions are collapsible and start with a summary"]
    );
    assert_eq!(
        actions(&record),
        [
            "Jun | draft the collapsible description pattern by 2 July | 2026-07-02",
            "Priya Raman | review the glossary before the next call | -",
        ]
    );
    assert_eq!(
        codes(&record),
        [
            "item-not-discussed:10:6",
            "ambiguous-speaker:15:1",
            "unknown-speaker:17:1",
            "ambiguous-owner:26:3"
        ]
    );
    // Item 2 was listed and never discussed: no turn is filed under it.
    assert!(
        record
            .interventions
            .iter()
            .all(|i| i.agenda_item.as_deref() == Some("1"))
    );
}

#[test]
fn minutes_without_attendance_say_so() {
    let record = read("no-attendance");
    assert!(record.participants.is_empty());
    assert_eq!(
        turns(&record),
        [
            "?Sam Carter | Should alt text name colours at all?",
            "?Tomás Ferreira | Only when the colour carries meaning, for example the legend colours.",
            "- | The scribe missed the next exchange.",
        ]
    );
    assert_eq!(
        actions(&record),
        ["- | update the alt text guide by 15 May | -"]
    );
    assert_eq!(
        codes(&record),
        [
            "no-participants:1:1",
            "no-date:1:1",
            "unknown-speaker:5:1",
            "unknown-speaker:6:1",
            "unresolved-date:12:38"
        ]
    );
    // Without a list, an unknown speaker is worth a note, not a warning.
    assert!(
        record
            .diagnostics
            .iter()
            .filter(|d| d.code == model::Code::UnknownSpeaker)
            .all(|d| d.severity == model::Severity::Note)
    );
}

#[test]
fn several_chairs_and_scribes_and_action_status() {
    let record = read("chairs-scribes-and-status");
    assert_eq!(record.meeting.chairs, ["Uma Lindgren", "Viktor Hale"]);
    assert_eq!(
        attendees(&record),
        [
            "Uma Lindgren (chair)",
            "Viktor Hale (chair)",
            "Wen Li (rapporteur)",
            "Yara Costa (rapporteur)",
            "Zeno Abbas"
        ]
    );
    assert_eq!(
        turns(&record),
        [
            "Viktor Hale | Arrow keys pan by a tenth of the view.",
            "Yara Costa | A tenth is too slow on large maps.",
            "Uma Lindgren | Page keys could pan by a full view.",
            "- | PROPOSED: page keys pan by a full view",
            "Wen Li | Announce the scale, not the zoom level. The scale bar work is tracked in issue 41.",
            "Zeno Abbas | Agreed.",
        ]
    );
    assert_eq!(
        actions(&record),
        [
            "Viktor Hale | add the Home key to the panning spec [by 1 October] | 2026-10-01",
            "Zeno Abbas | publish the keyboard test page | -",
        ]
    );
    assert_eq!(record.action_items[0].span.start_line, 24);
    assert_eq!(record.decisions.len(), 1);
    assert_eq!(codes(&record), Vec::<String>::new());
}

#[test]
fn text_without_minutes_is_not_minutes() {
    let record = read("not-minutes");
    assert_eq!(codes(&record), ["not-a-report:1:1"]);
    assert!(record.has_errors());
}

#[test]
fn confidence_tells_minutes_from_logs_and_reports() {
    let text = |format: &str, case: &str| {
        let bytes =
            std::fs::read(scribed::folder(format).join(format!("{case}.txt"))).expect("readable");
        ingest::input::decode(&bytes).expect("decodes")
    };
    for case in [
        "inline-headers",
        "generated-layout",
        "doubtful-names",
        "chairs-scribes-and-status",
    ] {
        let minutes = text("scribe-minutes", case);
        assert!(ingest::scribe_minutes::confidence(&minutes) >= 60, "{case}");
        assert!(
            ingest::irc_log::confidence(&minutes) < ingest::scribe_minutes::confidence(&minutes),
            "{case}"
        );
    }
    assert!(ingest::scribe_minutes::confidence(&text("scribe-minutes", "not-minutes")) < 20);
    let log = text("irc-log", "bracket-timestamps");
    assert!(ingest::scribe_minutes::confidence(&log) <= 20);
    assert!(ingest::irc_log::confidence(&log) > ingest::scribe_minutes::confidence(&log));
    let report = text("summary-report", "seed-igf-wg-strategy-106");
    assert!(ingest::scribe_minutes::confidence(&report) < 30);
}

#[test]
fn a_scribes_irc_lines_kept_in_the_minutes_are_scribed_turns() {
    let record = read("irc-lines-kept");
    assert_eq!(
        record.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-04-09")
    );
    assert_eq!(
        turns(&record),
        [
            "Amara Okafor | the contrast checker is ready for review it covers adjacent series and the legend",
            "Chen Wei | I tried it on three charts, all passed",
            "Chen Wei | one false positive on dashed lines",
            "Amara Okafor | the legend should follow the order of the lines",
        ]
    );
    let items: Vec<&str> = record
        .interventions
        .iter()
        .filter_map(|i| i.agenda_item.as_deref())
        .collect();
    assert_eq!(items, ["1", "1", "1", "2"]);
    let agenda: Vec<&str> = record.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(agenda, ["Colour contrast in line charts", "Legend order"]);
    assert_eq!(record.decisions.len(), 1);
    assert_eq!(codes(&record), Vec::<String>::new());
}
