//! The IRC-log reader on the logs in `test_data/irc-log`: a snapshot of each record (JSON)
//! and of its diagnostics, and hand-written checks of the facts that matter: who speaks each
//! turn, what is not speech, who attended, what was resolved and who owns each action.

mod scribed;

use std::path::Path;

use model::Record;
use scribed::{actions, attendees, codes, turns, who};

fn read(case: &str) -> Record {
    scribed::read("irc-log", ingest::read_irc_log, case)
}

#[test]
fn every_log_matches_its_snapshots() {
    scribed::snapshots("irc-log", ingest::read_irc_log);
}

#[test]
fn bracket_timestamps_scribed_turns_and_queue_traffic() {
    let record = read("bracket-timestamps");
    assert_eq!(record.source.reader, "irc-log");
    assert_eq!(
        record.group.name.as_deref(),
        Some("Accessible Charts Community Group")
    );
    assert_eq!(
        record.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-12")
    );
    assert_eq!(record.meeting.chairs, ["Amara Okafor"]);
    assert_eq!(
        attendees(&record),
        [
            "Amara Okafor (chair)",
            "Bo Lindqvist (rapporteur)",
            "Chen Wei",
            "Dana Ruiz"
        ]
    );
    // The scribe's `Name:` lines are that person's turns; `…` continues them; queue
    // traffic, Zakim and RRSAgent are not speech; Dana's own `+1` is her turn.
    assert_eq!(
        turns(&record),
        [
            "Amara Okafor | we have three proposals for the contrast of adjacent series the first one keeps the palette and adds patterns",
            "Chen Wei | patterns help print, but screen readers ignore them we should test both with the user panel",
            "Dana Ruiz | +1 to testing with the panel",
            "Dana Ruiz | I can run the panel next week",
            "Chen Wei | sparklines need a one-line summary, not a data table",
        ]
    );
    let first = &record.interventions[0];
    assert_eq!((first.span.start_line, first.span.end_line), (14, 15));
    // Dana's `+1` seconds Chen, the turn before it.
    let agreed: Vec<Option<&str>> = record.interventions[2]
        .agreements
        .iter()
        .map(|a| a.with.name())
        .collect();
    assert_eq!(agreed, [Some("Chen Wei")]);
    assert!(record.interventions[3].agreements.is_empty());
    assert_eq!(first.agenda_item.as_deref(), Some("1"));
    assert_eq!(record.interventions[4].agenda_item.as_deref(), Some("2"));
    let agenda: Vec<&str> = record.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        agenda,
        ["Colour contrast in line charts", "Alt text for sparklines"]
    );
    assert_eq!(
        record.decisions[0].text,
        "keep the palette and add patterns to adjacent series"
    );
    assert_eq!(record.decisions[0].span.start_line, 24);
    assert_eq!(
        actions(&record),
        [
            "Dana Ruiz | run the user panel on patterns by 20 March | 2026-03-20",
            "Chen Wei | draft the sparkline summary pattern | -",
        ]
    );
    assert_eq!(record.diagnostics, []);
}

#[test]
fn corrections_are_applied_and_reported() {
    let record = read("seconds-timestamps");
    assert_eq!(
        record.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-04-02")
    );
    assert_eq!(
        turns(&record),
        [
            "Kofi Mensah | the legend should sit above the map on small screens and below it when printed",
            "Emeka Obi | printed legends below the map are easier to find by touch",
            "Farah Haddad | agreed, below for print, above for screens",
            "Farah Haddad | braille labels need six millimetres spacing on the map",
            "Emeka Obi | six millimetres is too much for dense city maps",
        ]
    );
    let repaired: Vec<u32> = record.repairs.iter().map(|r| r.span.start_line).collect();
    assert_eq!(repaired, [8, 15, 16]);
    assert!(
        record
            .repairs
            .iter()
            .all(|r| r.kind == model::RepairKind::ScribeCorrection)
    );
    assert_eq!(
        codes(&record),
        [
            "text-repaired:11:17",
            "text-repaired:17:17",
            "unapplied-correction:18:17",
            "unread-line:22:17"
        ]
    );
    assert_eq!(
        actions(&record),
        [
            "Farah Haddad | collect spacing guidance from the braille authority by 30 April 2026 | 2026-04-30"
        ]
    );
    assert_eq!(record.meeting.chairs, ["Kofi Mensah"]);
    assert_eq!(
        record.decisions[0].text,
        "legend above the map on screens, below it in print"
    );
}

#[test]
fn nicks_map_to_full_names_and_scribes_change() {
    let record = read("no-timestamps");
    assert_eq!(
        attendees(&record),
        [
            "Gwen Tallis (chair)",
            "Hiroshi Sato (rapporteur)",
            "Inès Moreau (rapporteur)"
        ]
    );
    assert_eq!(record.meeting.chairs, ["Gwen Tallis"]);
    assert_eq!(
        turns(&record),
        [
            "Gwen Tallis | the default pitch range is too narrow for people with hearing loss",
            "Inès Moreau | we could let users pick the range in settings",
            "Inès Moreau | I can share the prototype link after the call",
            "Gwen Tallis | good, let us look at it next week",
            "Hiroshi Sato | an audio legend should play before the data, once and again on request",
            "Hiroshi Sato | with a shortcut, ideally",
        ]
    );
    let speaker = &record.interventions[2].speaker;
    assert_eq!(speaker.mention(), Some("ines"));
    assert_eq!(
        actions(&record),
        ["Hiroshi Sato | write up the shortcut proposal | -"]
    );
    assert_eq!(record.diagnostics, []);
}

#[test]
fn doubtful_names_are_reported_never_guessed() {
    let record = read("ambiguous-and-unknown");
    assert_eq!(
        attendees(&record),
        [
            "Mara Quist (chair)",
            "Jun Park",
            "Jun Takeda",
            "Oskar Nilsen (rapporteur)",
            "Priya Raman"
        ]
    );
    assert_eq!(
        turns(&record),
        [
            "?Jun[Jun Park/Jun Takeda] | long descriptions should be collapsible",
            "Priya Raman | and the summary should come first",
            "?Ravi | I disagree, the table should come first",
            "Jun Takeda | collapsible is fine if the summary stays visible",
            "?tess | I joined late, sorry",
        ]
    );
    assert_eq!(
        actions(&record),
        [
            "Jun | draft the collapsible description pattern by 2 July | 2026-07-02",
            "- | collect three example charts from members | -",
            "Priya Raman | review the glossary before the next call | -",
        ]
    );
    assert_eq!(
        codes(&record),
        [
            "ambiguous-speaker:9:17",
            "unknown-speaker:11:17",
            "unknown-speaker:13:10",
            "ambiguous-owner:14:25",
        ]
    );
}

#[test]
fn without_a_scribe_every_line_is_its_typist() {
    let record = read("no-scribe");
    assert_eq!(
        turns(&record),
        [
            "Sam Carter | should alt text name colours at all?",
            "Tomás Ferreira | only when the colour carries meaning",
            "Tomás Ferreira | Sam: the legend colours, for example",
        ]
    );
    assert_eq!(
        actions(&record),
        ["Tomás Ferreira | update the alt text guide by 15 May | -"]
    );
    assert_eq!(
        codes(&record),
        ["no-date:1:1", "no-scribe:1:1", "unresolved-date:8:61"]
    );
    assert_eq!(record.dates.len(), 1);
    assert_eq!(record.dates[0].value, None);
}

#[test]
fn subtopics_events_and_labels_that_are_no_speakers() {
    let record = read("subtopics-and-events");
    assert_eq!(record.meeting.chairs, ["Uma Lindgren", "Viktor Hale"]);
    assert_eq!(
        attendees(&record),
        [
            "Uma Lindgren (chair)",
            "Viktor Hale (chair)",
            "Wen Li (rapporteur)",
            "Yara Costa"
        ]
    );
    let agenda: Vec<String> = record
        .agenda_items()
        .iter()
        .map(|i| format!("{} {}", i.number, i.title))
        .collect();
    assert_eq!(
        agenda,
        [
            "1 Keyboard panning",
            "1.1 Arrow keys",
            "1.2 Page keys",
            "2 Zoom announcements"
        ]
    );
    let filed: Vec<String> = record
        .interventions
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i.agenda_item.as_deref().unwrap_or("-"),
                who(&i.speaker)
            )
        })
        .collect();
    assert_eq!(
        filed,
        [
            "1.1 Viktor Hale",
            "1.1 Yara Costa",
            "1.2 Uma Lindgren",
            "1.2 -",
            "2 Wen Li",
            "2 -",
            "1 Viktor Hale",
        ]
    );
    // `PROPOSED:` and `Note:` are the scribe's, not a person's named "Proposed" or "Note".
    assert_eq!(
        record.interventions[3].text,
        "PROPOSED: page keys pan by a full view"
    );
    assert_eq!(
        actions(&record),
        ["Viktor Hale | add the Home key to the panning spec before 1 October | 2026-10-01"]
    );
    assert_eq!(codes(&record), ["unread-line:28:1"]);
    // Nobody who is not a person speaks: no bot, no label, no regrets.
    for turn in &record.interventions {
        let name = turn.speaker.label().unwrap_or("");
        assert!(!["Zakim", "RRSAgent", "Agenda", "Note", "Zeno Abbas"].contains(&name));
    }
}

#[test]
fn text_without_messages_is_not_a_log() {
    let record = read("not-a-log");
    assert_eq!(codes(&record), ["not-a-report:1:1"]);
    assert!(record.has_errors());
    assert!(record.interventions.is_empty());
}

#[test]
fn confidence_tells_logs_from_other_text() {
    let text = |case: &str| {
        let bytes = std::fs::read(scribed::folder("irc-log").join(format!("{case}.txt")))
            .expect("readable");
        ingest::input::decode(&bytes).expect("decodes")
    };
    for case in ["bracket-timestamps", "seconds-timestamps", "no-timestamps"] {
        assert!(ingest::irc_log::confidence(&text(case)) >= 80, "{case}");
    }
    assert_eq!(ingest::irc_log::confidence(&text("not-a-log")), 0);
    let report = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("test_data/summary-report/seed-igf-wg-strategy-106.txt"),
    )
    .expect("the seed");
    let report = ingest::input::decode(&report).expect("decodes");
    assert_eq!(ingest::irc_log::confidence(&report), 0);
}

#[test]
fn people_hints_settle_an_ambiguous_nick() {
    let bytes = std::fs::read(scribed::folder("irc-log").join("ambiguous-and-unknown.txt"))
        .expect("readable");
    let hints =
        ingest::PeopleHints::parse("[[person]]\nname = \"Jun Park\"\naliases = [\"Jun\"]\n")
            .expect("valid hints");
    let record = ingest::read_irc_log("a.txt", &bytes, &hints).expect("decodes");
    assert_eq!(
        turns(&record)[0],
        "Jun Park | long descriptions should be collapsible"
    );
    assert_eq!(
        actions(&record)[0],
        "Jun Park | draft the collapsible description pattern by 2 July | 2026-07-02"
    );
    assert!(!codes(&record).iter().any(|c| c.starts_with("ambiguous")));
}

#[test]
fn scribe_plus_minus_and_zakim_agenda() {
    let record = read("scribe-plus-and-agenda");
    assert_eq!(
        attendees(&record),
        [
            "Kim Larsen (chair)",
            "Lukas Brandt (rapporteur)",
            "Mei Chen (rapporteur)"
        ]
    );
    let agenda: Vec<&str> = record.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(agenda, ["Earcons", "Speech rate"]);
    // Lukas scribes until `scribe-`; then his own line is his turn, and Mei scribes.
    let filed: Vec<String> = record
        .interventions
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i.agenda_item.as_deref().unwrap_or("-"),
                who(&i.speaker)
            )
        })
        .collect();
    assert_eq!(
        filed,
        [
            "1 Kim Larsen",
            "1 Mei Chen",
            "1 Lukas Brandt",
            "1 Lukas Brandt",
            "2 Kim Larsen"
        ]
    );
    assert_eq!(
        record.interventions[3].text,
        "that would need a new setting"
    );
    assert_eq!(
        actions(&record),
        ["Lukas Brandt | prototype speech ducking by 22 October | 2026-10-22"]
    );
    assert_eq!(codes(&record), Vec::<String>::new());
}

#[test]
fn a_scribe_adding_someone_else_does_not_become_them() {
    let record = read("scribe-adds-people");
    // The scribe attended, known only by her nick.
    assert_eq!(
        attendees(&record),
        ["Chen Wei", "Rui Alves", "pat (rapporteur)"]
    );
    assert_eq!(
        turns(&record),
        [
            "Chen Wei | short pulses read as clicks on most phones",
            "Rui Alves | long pulses drain the battery",
            "- | I will collect battery figures from the vendors",
            "Rui Alves | thanks, that helps",
        ]
    );
    // The scribe typed `present+ Chen Wei` for Chen: the nick `pat` does not fit Chen's
    // name, so `pat` is not mapped to Chen, and Chen does not get the scribe's role.
    assert!(record.participants[0].roles.is_empty());
    assert_eq!(codes(&record), Vec::<String>::new());
}
