//! A generated corpus of Markdown minutes, for the `markdown_minutes` benchmark and the
//! `read_markdown_corpus` example.
//!
//! The corpus mixes IETF-style minutes (header lines, an attendee list with affiliations,
//! an agenda, item headings, bullet turns with nested continuations, `Consensus:` and
//! `Action:` lines), TC39-style notes (an attendee table with abbreviations, item headings,
//! `ABBR: text` paragraph turns with continuation paragraphs, `### Conclusion` sections)
//! and steering-committee notes (`Full Name @handle (role)` attendees, numbered items with
//! `@handle:` turns, task lists). About 3% of turns name someone not on the list, some first
//! names are shared, and label lines that are not speech (`Links:`, `Slides:`, `Note:`,
//! times, URLs) are sprinkled in. Generation is deterministic (seeded xorshift), so every run
//! on every machine reads the same bytes.

use std::fmt::Write;

/// The corpus is at least this large, so one pass takes long enough to measure.
pub const MIN_BYTES: usize = 10 * 1024 * 1024;

/// The seed of the corpus; change it and the figures in `docs/benchmarks.md` change.
const SEED: u64 = 0x6d64_6d69_6e73;

/// xorshift64*: small, fast, and good enough to vary minutes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Ines",
    "Tomasz",
    "Priya",
    "Olumide",
    "Sam",
    "Karolina",
    "Hannelore",
    "Dmitri",
    "Maëlle",
    "Rafael",
    "Yuki",
    "Bongani",
    "Chiara",
    "Marit",
    "Lucía",
    "Jonas",
    "Wanjiku",
    "Teodor",
    "Nadia",
    "Isabela",
    "Oskar",
    "Fatima",
    "Mei-Ling",
    "Ravi",
    "Elif",
    "Hamid",
    "Ákos",
    "Ruth",
];

const LAST: &[&str] = &[
    "Valdivia",
    "Brzeski",
    "Raghunathan",
    "Adeyemi",
    "Whitfield",
    "Nyström",
    "Voss",
    "Alanis",
    "Kerbrat",
    "Quintero",
    "Tanabe",
    "Khumalo",
    "Lombardi",
    "van Leer",
    "Ferreyra",
    "Albrecht",
    "Mbugua",
    "Ilić",
    "Haddad",
    "Moura",
    "Lindgren",
    "Idrissi",
    "Chou",
    "Chandran",
    "Aydın",
    "Rezaei",
    "Garai",
    "Abernethy",
    "Okafor",
    "Petrenko",
];

const ORGS: &[&str] = &[
    "Northwind Labs",
    "Cobalt Networks",
    "Harbour Systems",
    "Tern Software",
    "Meridian Telecom",
    "Brightwater",
    "Foxglove Browser",
    "Lanternfish Inc.",
    "Ostrander Systems",
    "Independent",
    "University of Gdańsk",
    "Kestrel Forum",
];

const GROUPS: &[&str] = &[
    "QUILL WG",
    "Lumen Project Steering Committee",
    "Fennel Interop Group",
    "Ashgrove TSC",
    "Birchwood Standards Committee",
    "Kestrel Protocol WG",
];

const TOPICS: &[&str] = &[
    "Release planning",
    "draft-quill-transport-04",
    "Maintainer nominations",
    "Security audit",
    "Contributor survey",
    "Liaison statement",
    "Roadmap for the next quarter",
    "CI costs",
    "Documentation overhaul",
    "Default calendar question",
    "Error cause chains",
    "Interop test results",
];

const SAID: &[&str] = &[
    "The retry timer should stay a SHOULD, with a default of three seconds",
    "We measured the change and it costs one extra field per object",
    "I support moving forward, provided the open issue is settled first",
    "The release branch is cut and two blockers remain in the storage backend",
    "Can we take this to the list before the interim meeting?",
    "The test suite passes on both implementations except for timezone handling",
    "I would rather keep the current naming until we hear from the editors",
    "There is a proposal on the tracker that covers most of this",
    "The survey has forty responses so far and the form closes next week",
    "We should write down the rationale so that newcomers can follow it",
];

const MORE: &[&str] = &[
    "The numbers are in the linked spreadsheet.",
    "Two implementations already ship it behind a flag.",
    "The cost is within noise on our benchmarks.",
    "This needs a note in the changelog.",
    "See the issue tracker for the full trace.",
];

const NOT_SPEECH: &[&str] = &[
    "Links: https://example.org/quill/drafts",
    "Slides: https://example.org/slides/deck.pdf",
    "Note: the queue was closed after this item.",
    "10:30: break for ten minutes",
    "https://example.org/ci/run/1234: green",
    "Recording: available to members",
];

struct Person {
    first: &'static str,
    last: &'static str,
    org: &'static str,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }

    fn handle(&self) -> String {
        let last: String = self.last.split_whitespace().collect::<Vec<_>>().concat();
        format!("@{}{}", self.first.chars().next().unwrap_or('x'), last)
            .to_lowercase()
            .replace(['á', 'ä', 'ë', 'í', 'ö', 'ć', 'ı', 'ń', 'é'], "")
    }

    fn abbreviation(&self) -> String {
        let mut abbr: String = self
            .first
            .chars()
            .take(1)
            .chain(self.last.chars().filter(|c| c.is_uppercase()))
            .collect();
        abbr.push(self.last.chars().last().unwrap_or('X'));
        abbr.to_uppercase()
    }
}

fn people(rng: &mut Rng) -> Vec<Person> {
    let count = rng.between(6, 18);
    let mut out: Vec<Person> = Vec::new();
    while out.len() < count {
        let p = Person {
            first: rng.pick(FIRST),
            last: rng.pick(LAST),
            org: rng.pick(ORGS),
        };
        if out
            .iter()
            .all(|q| q.full() != p.full() && q.abbreviation() != p.abbreviation())
        {
            out.push(p);
        }
    }
    out
}

fn date(rng: &mut Rng) -> (usize, usize) {
    (rng.between(1, 12), rng.between(1, 28))
}

/// A turn's words: one to three sentences.
fn words(rng: &mut Rng) -> String {
    let mut text = format!("{}.", rng.pick(SAID));
    for _ in 0..rng.below(3) {
        text.push(' ');
        text.push_str(rng.pick(MORE));
    }
    text
}

fn speaker_name(rng: &mut Rng, people: &[Person], style: usize) -> String {
    if rng.chance(3) {
        return "Flavio Montes".to_owned();
    }
    let p = &people[rng.below(people.len())];
    match style {
        0 if rng.chance(20) => p.first.to_owned(),
        0 => p.full(),
        1 => p.abbreviation(),
        _ if rng.chance(50) => p.handle(),
        _ => p.full(),
    }
}

fn minutes(rng: &mut Rng, index: usize) -> String {
    let style = index % 3;
    let group = rng.pick(GROUPS);
    let people = people(rng);
    let (month, day) = date(rng);
    let mut out = String::with_capacity(8 * 1024);
    let items: Vec<&str> = (0..rng.between(3, 6)).map(|_| rng.pick(TOPICS)).collect();
    match style {
        0 => {
            let _ = writeln!(out, "# {group} — 2026-{month:02}-{day:02}\n");
            let _ = writeln!(out, "**Time:** 14:00–15:30 UTC");
            let _ = writeln!(out, "**Location:** Online");
            let _ = writeln!(out, "**Chairs:** {}\n", people[0].full());
            out.push_str("## Attendees\n\n");
            for p in &people {
                let _ = writeln!(out, "- {}, {}", p.full(), p.org);
            }
            out.push_str("\n## Agenda\n\n");
            for (n, item) in items.iter().enumerate() {
                let _ = writeln!(out, "{}. {item} (10 min)", n + 1);
            }
            out.push_str("\n## Minutes\n");
        }
        1 => {
            let _ = writeln!(
                out,
                "# Meeting notes {day} {} 2026\n",
                model::MONTH_NAMES[month - 1]
            );
            out.push_str("| Name | Abbreviation | Organization |\n|---|---|---|\n");
            for p in &people {
                let _ = writeln!(out, "| {} | {} | {} |", p.full(), p.abbreviation(), p.org);
            }
        }
        _ => {
            let _ = writeln!(
                out,
                "# {group} — {day} {} 2026\n",
                model::MONTH_NAMES[month - 1]
            );
            out.push_str("Time: 17:00 UTC\n\n## Attendees\n\n");
            for (n, p) in people.iter().enumerate() {
                let role = if n == 0 { " (chair)" } else { "" };
                let _ = writeln!(out, "- {} {}{role}", p.full(), p.handle());
            }
            out.push_str("\n## Agenda and notes\n\n");
        }
    }
    for (n, item) in items.iter().enumerate() {
        let turns = rng.between(6, 14);
        match style {
            0 => {
                let _ = writeln!(out, "\n### {}. {item}\n", n + 1);
                for _ in 0..turns {
                    if rng.chance(10) {
                        let _ = writeln!(out, "- {}", rng.pick(NOT_SPEECH));
                    }
                    let who = speaker_name(rng, &people, 0);
                    let _ = writeln!(out, "- {who}: {}", words(rng));
                    for _ in 0..rng.below(3) {
                        let _ = writeln!(out, "  - {}", rng.pick(MORE));
                    }
                }
                let _ = writeln!(out, "- Consensus: {item} goes ahead as discussed.");
                let p = &people[rng.below(people.len())];
                let (m, d) = date(rng);
                let _ = writeln!(
                    out,
                    "- Action: {} to post the text by 2026-{m:02}-{d:02}.",
                    p.full()
                );
            }
            1 => {
                let _ = writeln!(
                    out,
                    "\n## {item}\n\nPresenter: {}\n",
                    people[n % people.len()].full()
                );
                for _ in 0..turns {
                    if rng.chance(10) {
                        let _ = writeln!(out, "{}\n", rng.pick(NOT_SPEECH));
                    }
                    let who = speaker_name(rng, &people, 1);
                    let _ = writeln!(out, "{who}: {}\n", words(rng));
                    if rng.chance(30) {
                        let _ = writeln!(out, "{}\n", rng.pick(MORE));
                    }
                }
                let _ = writeln!(
                    out,
                    "### Conclusion\n\n- Consensus on {item}.\n- Status update only for the rest."
                );
            }
            _ => {
                let _ = writeln!(out, "{}. {item}", n + 1);
                for _ in 0..turns {
                    let who = speaker_name(rng, &people, 2);
                    let _ = writeln!(out, "   - {who}: {}", words(rng));
                    if rng.chance(20) {
                        let _ = writeln!(out, "     - {}", rng.pick(MORE));
                    }
                }
                let p = &people[rng.below(people.len())];
                let _ = writeln!(out, "   - Decision: {item} is approved.");
                let _ = writeln!(
                    out,
                    "   - [ ] {} to follow up by {} {}",
                    p.handle(),
                    rng.between(1, 28),
                    model::MONTH_NAMES[rng.below(12)]
                );
            }
        }
    }
    out
}

/// Generated minutes until their texts add up to at least `min_bytes`.
pub fn corpus(min_bytes: usize) -> Vec<String> {
    let mut rng = Rng(SEED);
    let mut out = Vec::new();
    let mut total = 0;
    while total < min_bytes {
        let text = minutes(&mut rng, out.len());
        total += text.len();
        out.push(text);
    }
    out
}
