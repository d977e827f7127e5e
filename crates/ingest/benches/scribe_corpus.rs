//! A generated corpus of scribed meetings, each written twice: as the raw IRC log and as the
//! minutes mailed to a list, for the benchmark `benches/scribe.rs` and the fixed workload
//! `examples/read_scribe.rs`.
//!
//! The meetings are generated from a fixed seed with a small xorshift generator, so every run
//! on every machine reads the same bytes. Each has 6 to 18 attendees (some typing `present+`
//! themselves, with nicks that fit their names, the others added by the scribe), a chair and
//! a scribe, 2 to 6 topics of 10 to 40 turns: scribed `Name: text` lines with `…`
//! continuations, IRC comments, queue traffic (`q+`, `ack`), Zakim lines, a resolution or
//! two, actions with and without a due date, now and then a `s/old/new/` correction or a
//! speaker not present.

use std::fmt::Write;

/// Each corpus is at least this large, so one pass takes long enough to measure.
pub const MIN_BYTES: usize = 8 * 1024 * 1024;

const SEED: u64 = 0x5c21_be00;

const FIRST: &[&str] = &[
    "Amara", "Bo", "Chen", "Dana", "Emeka", "Farah", "Gwen", "Hiroshi", "Inès", "Jonas", "Kofi",
    "Lena", "Mara", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sam", "Tomás", "Uma", "Viktor",
    "Wen", "Yara", "Zeno",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Wei",
    "Ruiz",
    "Obi",
    "Haddad",
    "Tallis",
    "Sato",
    "Moreau",
    "Berg",
    "Mensah",
    "Vogel",
    "Quist",
    "Karimi",
    "Nilsen",
    "Raman",
    "Dubois",
    "Marquez",
    "Carter",
    "Ferreira",
    "Lindgren",
    "Hale",
    "Li",
    "Costa",
    "Abbas",
];
const TOPICS: &[&str] = &[
    "Colour contrast in line charts",
    "Alt text for sparklines",
    "Legend placement",
    "Braille labels",
    "Keyboard panning",
    "Zoom announcements",
    "Audio legends",
    "Pitch ranges",
    "Data table fallbacks",
    "Focus order in dashboards",
    "Review of open issues",
    "Test plan for the user panel",
];
const SAYINGS: &[&str] = &[
    "we have three proposals for the contrast of adjacent series",
    "patterns help print, but screen readers ignore them",
    "I can run the panel next week if people send me their charts",
    "the legend should sit above the map on small screens",
    "printed legends below the map are easier to find by touch",
    "a tenth of the view is too slow on large maps",
    "page keys could pan by a full view, with Home to recentre",
    "announce the scale, not the zoom level, when the map changes",
    "the default pitch range is too narrow for people with hearing loss",
    "we could let users pick the range in settings and keep a reset",
    "an audio legend should play before the data, once, and again on request",
    "the data table should stay one keystroke away from the chart",
    "I am not sure we have consensus yet, let us take it to the list",
    "the issue tracker has twelve open items on this, most of them small",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// xorshift64*: small, fast, and good enough to vary minutes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

struct Person {
    name: String,
    nick: String,
}

/// One meeting, written both ways: (IRC log, mailed minutes).
fn meeting(rng: &mut Rng, number: usize) -> (String, String) {
    let count = 6 + rng.below(13);
    let mut people: Vec<Person> = Vec::new();
    while people.len() < count {
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let name = format!("{first} {last}");
        if people.iter().any(|p| p.name == name) {
            continue;
        }
        let nick = match rng.below(3) {
            0 => first.to_lowercase(),
            1 => format!("{}{}", first.to_lowercase(), &last[..1].to_lowercase()),
            _ => format!("{}{}", &first[..1].to_lowercase(), last.to_lowercase()),
        };
        people.push(Person { name, nick });
    }
    let chair = 0;
    let scribe = 1;
    let day = 1 + rng.below(28);
    let month = rng.pick(MONTHS);
    let mut log = String::new();
    let mut minutes = String::new();
    let mut hour = 14;
    let mut minute = 0;
    let mut stamp = |rng: &mut Rng| {
        minute += rng.below(2);
        if minute >= 60 {
            minute -= 60;
            hour += 1;
        }
        format!("[{hour:02}:{minute:02}]")
    };
    let chair_nick = people[chair].nick.clone();
    let scribe_nick = people[scribe].nick.clone();
    let _ = writeln!(
        log,
        "{} <RRSAgent> logging to https://example.org/{number}-irc",
        stamp(rng)
    );
    let _ = writeln!(
        log,
        "{} <{chair_nick}> Meeting: Accessible Charts Group {number}",
        stamp(rng)
    );
    let _ = writeln!(
        log,
        "{} <{chair_nick}> Date: {day} {month} 2026",
        stamp(rng)
    );
    let _ = writeln!(
        log,
        "{} <{chair_nick}> Chair: {}",
        stamp(rng),
        people[chair].name
    );
    let _ = writeln!(
        log,
        "{} <{chair_nick}> ScribeNick: {scribe_nick}",
        stamp(rng)
    );
    let _ = writeln!(minutes, "Accessible Charts Group {number} — Teleconference");
    let _ = writeln!(minutes, "{day} {month} 2026\n");
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    let _ = writeln!(minutes, "Present: {}", names.join(", "));
    let _ = writeln!(minutes, "Regrets: Rosa Marquez");
    let _ = writeln!(minutes, "Chair: {}", people[chair].name);
    let _ = writeln!(minutes, "Scribe: {}\n", people[scribe].name);
    let mut added = Vec::new();
    for person in &people {
        if rng.below(2) == 0 {
            let _ = writeln!(
                log,
                "{} <{}> present+ {}",
                stamp(rng),
                person.nick,
                person.name.replace(' ', "_")
            );
        } else {
            added.push(person.name.replace(' ', "_"));
        }
    }
    if !added.is_empty() {
        let _ = writeln!(
            log,
            "{} <{scribe_nick}> present+ {}",
            stamp(rng),
            added.join(", ")
        );
    }
    let topics = 2 + rng.below(5);
    let mut body = String::new();
    let mut resolutions = Vec::new();
    let mut actions = Vec::new();
    let _ = writeln!(minutes, "Topics:");
    let first_topic = rng.below(TOPICS.len());
    for t in 0..topics {
        let title = TOPICS[(first_topic + t) % TOPICS.len()];
        let _ = writeln!(minutes, "  {}. {title}", t + 1);
        let _ = writeln!(log, "{} <{scribe_nick}> Topic: {title}", stamp(rng));
        let _ = writeln!(body, "\nTopic: {title}\n");
        for _ in 0..10 + rng.below(31) {
            let who = rng.below(people.len());
            let person = &people[who];
            let first = person.name.split(' ').next().unwrap_or("");
            let saying = rng.pick(SAYINGS);
            match rng.below(12) {
                0 => {
                    let _ = writeln!(log, "{} <{}> q+", stamp(rng), person.nick);
                    let _ = writeln!(
                        log,
                        "{} <Zakim> sees {} on the speaker queue",
                        stamp(rng),
                        person.nick
                    );
                    let _ = writeln!(log, "{} <{chair_nick}> ack {}", stamp(rng), person.nick);
                    let _ = writeln!(body, "q+\nack {}", person.nick);
                }
                1 => {
                    let _ = writeln!(log, "{} <{}> +1, {saying}", stamp(rng), person.nick);
                    let _ = writeln!(body, "<{}> +1, {saying}", person.nick);
                }
                2 => {
                    let _ = writeln!(log, "{} <{scribe_nick}> Ravi: {saying}", stamp(rng));
                    let _ = writeln!(body, "Ravi: {saying}");
                }
                _ => {
                    let _ = writeln!(log, "{} <{scribe_nick}> {first}: {saying}", stamp(rng));
                    let _ = writeln!(body, "{}: {saying}", person.name);
                    if rng.below(3) == 0 {
                        let more = rng.pick(SAYINGS);
                        let _ = writeln!(log, "{} <{scribe_nick}> … and {more}", stamp(rng));
                        let _ = writeln!(body, "… and {more}");
                    }
                    if rng.below(15) == 0 {
                        let _ = writeln!(
                            log,
                            "{} <{scribe_nick}> s/{}/{}/",
                            stamp(rng),
                            &saying[..6],
                            &saying[..6].to_uppercase()
                        );
                    }
                }
            }
        }
        if rng.below(2) == 0 {
            let resolution = format!(
                "adopt the {} proposal for {}",
                ["first", "second", "third"][rng.below(3)],
                title.to_lowercase()
            );
            let _ = writeln!(log, "{} <{scribe_nick}> RESOLVED: {resolution}", stamp(rng));
            let _ = writeln!(body, "RESOLVED: {resolution}");
            resolutions.push(resolution);
        }
        let owner = &people[rng.below(people.len())];
        let due = if rng.below(2) == 0 {
            format!(" by {} {}", 1 + rng.below(28), rng.pick(MONTHS))
        } else {
            String::new()
        };
        let action = format!("to draft the text on {}{due}", title.to_lowercase());
        let _ = writeln!(
            log,
            "{} <{scribe_nick}> ACTION: {} {action}",
            stamp(rng),
            owner.nick
        );
        let _ = writeln!(body, "ACTION: {} {action}", owner.name);
        actions.push(format!("{} {action}", owner.name));
    }
    let _ = writeln!(minutes, "\nResolutions:");
    for resolution in &resolutions {
        let _ = writeln!(minutes, "  - RESOLVED: {resolution}");
    }
    let _ = writeln!(minutes, "\nAction Items:");
    for action in &actions {
        let _ = writeln!(minutes, "  - ACTION: {action}");
    }
    minutes.push_str(&body);
    let _ = writeln!(log, "{} <{chair_nick}> rrsagent, make minutes", stamp(rng));
    (log, minutes)
}

/// Meetings until each corpus holds at least `MIN_BYTES`: (IRC logs, mailed minutes).
pub fn corpora() -> (Vec<String>, Vec<String>) {
    let mut rng = Rng(SEED);
    let (mut logs, mut minutes) = (Vec::new(), Vec::new());
    let (mut log_bytes, mut minutes_bytes) = (0, 0);
    let mut number = 1;
    while log_bytes < MIN_BYTES || minutes_bytes < MIN_BYTES {
        let (log, text) = meeting(&mut rng, number);
        number += 1;
        log_bytes += log.len();
        minutes_bytes += text.len();
        logs.push(log);
        minutes.push(text);
    }
    (logs, minutes)
}
