//! Attendance exports of Zoom and Teams, read from files written in each tool's layout.

use ingest::attendance::{self, AttendanceError, Context, DateOrder};
use jiff::civil::date;
use model::{AttendanceReport, AttendanceTool, Speaker};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/test_data/attendance/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str, context: Context) -> AttendanceReport {
    attendance::read(&fixture(name), context).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (name as written, minutes present, sessions)
fn summary(report: &AttendanceReport) -> Vec<(String, u64, usize)> {
    report
        .attendees
        .iter()
        .map(|a| (a.name.clone(), a.seconds / 60, a.sessions.len()))
        .collect()
}

/// 12/08/2026 is 8 December or 12 August: the meeting's day tells.
fn on_the_8th() -> Context {
    Context {
        meeting_day: Some(date(2026, 12, 8)),
        order: None,
    }
}

fn row(name: &str, minutes: u64, sessions: usize) -> (String, u64, usize) {
    (name.to_owned(), minutes, sessions)
}

#[test]
fn zoom_report_with_its_meeting_summary() {
    let report = read("zoom-with-summary.csv", on_the_8th());
    assert_eq!(report.tool, AttendanceTool::Zoom);
    assert_eq!(report.title.as_deref(), Some("WG-Data 26th meeting"));
    let kenji = &report.attendees[3];
    assert_eq!(kenji.name, "Kenji Watanabe");
    assert_eq!(kenji.sessions.len(), 2, "a rejoin is a second session");
    assert_eq!(
        kenji.sessions[0].join.as_deref(),
        Some("2026-12-08T14:01:33")
    );
    assert_eq!(kenji.sessions[1].line, 9);
    // 45m39s + 38m19s
    assert_eq!(kenji.seconds, 45 * 60 + 39 + 38 * 60 + 19);
    assert_eq!(kenji.email.as_deref(), Some("kenji@jdea.example"));
    assert_eq!(report.attendees.len(), 9, "ten rows, nine people");
    assert_eq!(report.attendees[0].line, 5);
}

#[test]
fn zoom_day_first_dates_are_told_by_the_dates() {
    let report = read("zoom-participants-only.csv", Context::default());
    assert_eq!(
        report.attendees[0].sessions[0].join.as_deref(),
        Some("2026-11-17T08:52:00")
    );
    assert_eq!(
        summary(&report),
        vec![
            row("Amara Nwosu", 99, 1),
            row("Henrik Lindqvist", 91, 1),
            row("Wanjiru Kamau", 82, 2),
            row("Grace Liu", 89, 1),
            row("Sione Tupou", 45, 1),
        ]
    );
}

#[test]
fn two_devices_at_once_count_once() {
    let report = read("zoom-two-devices.csv", Context::default());
    assert_eq!(
        summary(&report),
        vec![row("Olga Petrenko", 90, 2), row("Fatou Diallo", 78, 2)]
    );
}

#[test]
fn teams_utf16_with_activities_uses_the_connections() {
    let context = Context {
        meeting_day: Some(date(2026, 11, 3)),
        order: None,
    };
    let report = read("teams-utf16.csv", context);
    assert_eq!(report.tool, AttendanceTool::Teams);
    assert_eq!(
        report.title.as_deref(),
        Some("WG-Data 24th meeting (hybrid, Geneva)")
    );
    assert_eq!(
        summary(&report),
        vec![
            row("Henrik Lindqvist", 122, 1),
            row("Inès Marchetti", 121, 1),
            row("Lucía Ferreyra", 85, 2),
            row("Daniel Mwangi", 97, 1),
            row("Claire Dubois", 60, 1),
        ]
    );
    assert_eq!(report.attendees[0].role.as_deref(), Some("Organizer"));
    assert_eq!(
        report.attendees[2].sessions[1].join.as_deref(),
        Some("2026-11-03T16:10:00")
    );
}

#[test]
fn ambiguous_day_and_month_are_never_guessed() {
    let error = attendance::read(&fixture("teams-utf16.csv"), Context::default())
        .expect_err("03/11/2026 reads both ways");
    assert!(
        matches!(error, AttendanceError::DateOrder { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("--dates dmy"), "{error}");
    // A meeting on a day that neither reading gives does not settle it either.
    let wrong_day = Context {
        meeting_day: Some(date(2026, 11, 4)),
        order: None,
    };
    assert!(attendance::read(&fixture("teams-utf16.csv"), wrong_day).is_err());
    // The user can say.
    let said = Context {
        meeting_day: None,
        order: Some(DateOrder::MonthFirst),
    };
    let report = attendance::read(&fixture("teams-utf16.csv"), said).expect("reads");
    assert_eq!(
        report.attendees[0].sessions[0].join.as_deref(),
        Some("2026-03-11T15:00:05")
    );
}

#[test]
fn teams_participant_summary_keeps_the_stated_time_in_the_meeting() {
    let report = read("teams-participants-only.csv", Context::default());
    assert_eq!(report.tool, AttendanceTool::Teams);
    assert_eq!(report.title.as_deref(), Some("WG-Data 25th meeting"));
    assert_eq!(
        summary(&report),
        vec![
            row("Amara Nwosu", 95, 1),
            row("Kenji Watanabe", 79, 1),
            row("Yusuf Demir (External)", 55, 1),
            row("Tupou Sione", 79, 1),
        ]
    );
}

#[test]
fn teams_legacy_joined_and_left_lines_pair_up() {
    let report = read("teams-legacy-actions.tsv", Context::default());
    assert_eq!(report.tool, AttendanceTool::Teams);
    assert_eq!(
        summary(&report),
        vec![
            row("Amara Nwosu", 0, 1),
            row("Henrik Lindqvist", 90, 1),
            row("Nadia Haddad", 85, 2),
            row("Beatriz Santos", 88, 1),
        ]
    );
    // Still connected when the export was made: joined, no leave, no time counted.
    assert_eq!(report.attendees[0].sessions[0].leave, None);
}

#[test]
fn names_match_the_participants_without_guessing() {
    let meeting = include_str!("../../../examples/archive/wg-data-026.txt");
    let record = ingest::read_summary_report(
        "wg-data-026.txt",
        meeting.as_bytes(),
        &ingest::PeopleHints::default(),
    )
    .expect("reads");
    let report = read("zoom-with-summary.csv", on_the_8th());
    let matches = attendance::match_names(
        &report,
        &record.participants,
        &ingest::PeopleHints::default(),
    );
    let resolved: Vec<Option<&str>> = matches
        .iter()
        .map(|m| match &m.speaker {
            Speaker::Resolved { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        resolved[1],
        Some("Henrik Lindqvist"),
        "(Nordic Institute) dropped"
    );
    assert_eq!(
        resolved[2],
        Some("Inès Marchetti"),
        "'Marchetti, Inès' turned round"
    );
    assert_eq!(resolved[6], Some("Priya Raghunathan"), "(she/her) dropped");
    // Two Daniels attend: a bare "Daniel" is ambiguous, with both candidates.
    assert_eq!(
        matches[4].speaker.candidates(),
        ["Daniel Mwangi", "Daniel Hoffmann"]
    );
    // A device name is nobody on the list.
    assert!(matches!(&matches[7].speaker, Speaker::Unknown { mention } if mention == "iPhone"));
}

#[test]
fn zoom_original_names_webinars_and_phones() {
    let report = read("zoom-original-names.csv", Context::default());
    assert_eq!(
        summary(&report),
        vec![
            row("Amara (Amara Nwosu)", 92, 1),
            row("Kenji W (Kenji Watanabe)", 84, 2),
            row("Beatriz Santos", 50, 1),
        ]
    );
    // The webinar report names its columns otherwise, and counts minutes "in session".
    let webinar = read("zoom-webinar-attendees.csv", Context::default());
    assert_eq!(webinar.tool, AttendanceTool::Zoom);
    assert_eq!(
        summary(&webinar),
        vec![row("Grace Liu", 91, 1), row("Sione Tupou", 83, 2)]
    );
    assert_eq!(webinar.attendees[0].line, 3);
    // Dial-in numbers and call-in users are attendees the tool named, matched to nobody.
    let phones = read("zoom-phones-and-guests.csv", Context::default());
    let meeting = include_str!("../../../examples/archive/wg-data-025.txt");
    let record =
        ingest::read_summary_report("025", meeting.as_bytes(), &Default::default()).expect("reads");
    let matched: Vec<Option<String>> =
        attendance::match_names(&phones, &record.participants, &Default::default())
            .into_iter()
            .map(|m| match m.speaker {
                Speaker::Resolved { name, .. } => Some(name),
                _ => None,
            })
            .collect();
    assert_eq!(
        matched,
        [
            Some("Henrik Lindqvist".to_owned()),
            None,
            None,
            Some("Nadia Haddad".to_owned())
        ]
    );
}

#[test]
fn teams_utf8_with_a_byte_order_mark_and_legacy_utf16() {
    let report = read("teams-utf8-bom.csv", Context::default());
    assert_eq!(report.tool, AttendanceTool::Teams);
    assert_eq!(report.title.as_deref(), Some("WG-Data 25th meeting"));
    assert_eq!(
        summary(&report),
        vec![
            row("Olga Petrenko", 80, 2),
            row("Fatou Diallo", 80, 1),
            row("Grace Liu", 90, 1),
        ]
    );
    let legacy = read("teams-legacy-utf16.tsv", Context::default());
    assert_eq!(legacy.tool, AttendanceTool::Teams);
    assert_eq!(
        summary(&legacy),
        vec![row("Amara Nwosu", 95, 1), row("Kenji Watanabe", 80, 2)]
    );
    assert_eq!(
        legacy.attendees[1].sessions[1].join.as_deref(),
        Some("2026-11-17T09:40:00"),
        "17/11/2026 is day first"
    );
}

#[test]
fn bad_exports_get_one_clear_line() {
    let cases: [(&[u8], &str); 7] = [
        (b"", "the file is empty"),
        (b"\x00\x01\x02PK", "binary"),
        (b"\xff\xfe\x00", "not valid UTF-8 or UTF-16"),
        (b"Name,Favourite colour\nAmara,green\n", "not an attendance export"),
        (
            b"Name,Join Time,Leave Time\nAmara,yesterday,2026-11-17 10:00:00\n",
            "line 2: 'yesterday' is not a date and time",
        ),
        (
            b"Name,Join Time,Leave Time\nAmara,2026-11-17 10:00:00,2026-11-17 09:00:00\n",
            "line 2: the person leaves",
        ),
        (
            b"Name,Join Time,Leave Time\nA,13/11/2026 10:00,13/11/2026 11:00\nB,11/13/2026 10:00,11/13/2026 11:00\n",
            "both day first and month first",
        ),
    ];
    for (bytes, message) in cases {
        let error = attendance::read(bytes, Context::default()).expect_err(message);
        let text = error.to_string();
        assert!(text.contains(message), "{text}");
        assert_eq!(text.lines().count(), 1, "{text}");
    }
}

#[test]
fn reports_snapshot() {
    insta::assert_debug_snapshot!(
        "zoom-with-summary.csv",
        read("zoom-with-summary.csv", on_the_8th())
    );
    for name in [
        "zoom-original-names.csv",
        "zoom-webinar-attendees.csv",
        "zoom-phones-and-guests.csv",
        "teams-utf8-bom.csv",
        "teams-legacy-utf16.tsv",
        "zoom-participants-only.csv",
        "zoom-two-devices.csv",
        "teams-participants-only.csv",
        "teams-legacy-actions.tsv",
    ] {
        insta::assert_debug_snapshot!(name, read(name, Context::default()));
    }
}

proptest! {
    #[test]
    fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = attendance::read(&bytes, Context::default());
    }

    #[test]
    fn mutated_exports_never_panic(cut in 0usize..1200, insert in "[,\t\"\n0-9:/ APM]{0,8}") {
        let mut text = String::from_utf8(fixture("zoom-with-summary.csv")).expect("UTF-8");
        let at = cut.min(text.len());
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        text.insert_str(at, &insert);
        let _ = attendance::read(text.as_bytes(), on_the_8th());
    }
}
