//! Who was in the (virtual) room, and for how long: a videoconference tool's attendance
//! export, attached to a meeting.

/// The tool that wrote an attendance export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendanceTool {
    /// Zoom's participant report ("Name (Original Name)", "Join Time", "Leave Time", …).
    Zoom,
    /// Microsoft Teams' attendance report ("1. Summary", "2. Participants", …, or the older
    /// "Full Name", "User Action", "Timestamp" list).
    Teams,
}

impl AttendanceTool {
    pub const ALL: [AttendanceTool; 2] = [AttendanceTool::Zoom, AttendanceTool::Teams];

    pub fn parse(text: &str) -> Option<AttendanceTool> {
        AttendanceTool::ALL
            .into_iter()
            .find(|value| value.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AttendanceTool::Zoom => "zoom",
            AttendanceTool::Teams => "teams",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            AttendanceTool::Zoom => "Zoom participant report",
            AttendanceTool::Teams => "Microsoft Teams attendance report",
        }
    }
}

/// One stretch of time a person was connected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// When they joined, `YYYY-MM-DDTHH:MM:SS` in the export's own (unstated) time zone.
    pub join: Option<String>,
    /// When they left, in the same form.
    pub leave: Option<String>,
    /// How long, in seconds: leave minus join, or the duration the export states.
    pub seconds: u64,
    /// The export's line.
    pub line: u32,
}

/// One person in the export: every row under the same name (and e-mail) is one attendee,
/// since a person who rejoins appears once per connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// The name as the tool wrote it ("Amara Nwosu (ODCF)", "iPhone").
    pub name: String,
    pub email: Option<String>,
    /// The role the tool gives ("Organizer", "Presenter", "Attendee").
    pub role: Option<String>,
    pub sessions: Vec<Session>,
    /// Time present, in seconds: overlapping sessions (two devices) are counted once.
    pub seconds: u64,
    /// The line of the attendee's first row.
    pub line: u32,
}

/// An attendance export, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceReport {
    pub tool: AttendanceTool,
    /// The meeting's title or topic as the export states it.
    pub title: Option<String>,
    pub attendees: Vec<Attendee>,
}
