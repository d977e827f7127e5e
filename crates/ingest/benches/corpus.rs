//! A synthetic corpus of summary reports, for benchmarks and for timing the binary.
//!
//! The reports follow the layout of the seed report (header, opening paragraph, agenda,
//! discussion by agenda item, participant list) with the variety real groups show: 15 to 40
//! participants, some sharing a first name, 4 to 8 agenda items, 10 to 40 interventions with
//! pronoun continuations, agreements, dates with and without a year, paragraph references
//! and actions, and now and then a speaker missing from the list or an item not discussed.
//! Generation is deterministic: a seeded xorshift generator, no clock and no randomness from
//! the system, so every run and every machine reads the same bytes.
//!
//! Used by `benches/read.rs` and `examples/gen_corpus.rs` through `mod corpus;`; the archive's
//! benchmarks (`docs/benchmarks.md`, "The archive") write longer prefixes of the same corpus
//! with `gen_corpus OUT_DIR COUNT`.

use std::fmt::Write;

/// The corpus is at least this large, so one pass takes long enough to measure.
pub const MIN_BYTES: usize = 10 * 1024 * 1024;

/// The seed of the corpus; change it and every figure in `docs/benchmarks.md` changes.
pub const SEED: u64 = 0x5eed_0106;

/// One generated report.
pub struct Report {
    /// A file name for it, unique in the corpus ("wg-strategy-106.txt").
    pub name: String,
    pub text: String,
}

/// Reports until their texts add up to at least `min_bytes`.
pub fn corpus(min_bytes: usize) -> Vec<Report> {
    let mut total = 0;
    reports()
        .take_while(|report| {
            let more = total < min_bytes;
            total += report.text.len();
            more
        })
        .collect()
}

/// The corpus without end: every prefix of it is a corpus, and [`corpus`] is the prefix of
/// at least `min_bytes`. Meeting numbers only grow within a group, so any number of reports
/// have distinct file names and distinct (group, number) keys.
pub fn reports() -> impl Iterator<Item = Report> {
    let mut rng = Rng::new(SEED);
    let mut numbers = vec![0u32; GROUPS.len()];
    std::iter::from_fn(move || {
        let group = rng.below(GROUPS.len());
        numbers[group] += 1 + rng.below(3) as u32;
        let number = 10 + numbers[group];
        let text = report(&mut rng, &GROUPS[group], number);
        Some(Report {
            name: format!("{}-{number}.txt", GROUPS[group].1.to_lowercase()),
            text,
        })
    })
}

/// xorshift64*: small, fast, and good enough to vary prose.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Group names and their short names.
const GROUPS: &[(&str, &str)] = &[
    (
        "MAG Working Group on IGF Strengthening and Strategy",
        "WG-Strategy",
    ),
    ("MAG Working Group on Workshop Processes", "WG-WP"),
    ("IGF Dynamic Coalition on Data and Trust", "DC-DT"),
    ("IGF Policy Network on Meaningful Access", "PNMA"),
    ("IGF Best Practice Forum on Cybersecurity", "BPF-Cyber"),
    ("ITU Expert Group on Digital Inclusion", "EG-DI"),
    ("UNESCO Task Force on Financing Mechanisms", "TF-FM"),
    ("ICANN Working Group on Registration Data", "WG-RD"),
];

#[derive(Clone, Copy, PartialEq)]
enum Gender {
    Female,
    Male,
}

const FIRST_NAMES: &[(&str, Gender)] = &[
    ("Ana", Gender::Female),
    ("Anja", Gender::Female),
    ("Anriette", Gender::Female),
    ("Bertrand", Gender::Male),
    ("Chris", Gender::Male),
    ("Desiree", Gender::Female),
    ("Jennifer", Gender::Female),
    ("Jorge", Gender::Male),
    ("Jutta", Gender::Female),
    ("Lito", Gender::Male),
    ("Timea", Gender::Female),
    ("Jimson", Gender::Male),
    ("Amara", Gender::Female),
    ("Kwame", Gender::Male),
    ("Mei", Gender::Female),
    ("Hiroshi", Gender::Male),
    ("Fatima", Gender::Female),
    ("Omar", Gender::Male),
    ("Ingrid", Gender::Female),
    ("Lars", Gender::Male),
    ("Priya", Gender::Female),
    ("Rajesh", Gender::Male),
    ("Lucia", Gender::Female),
    ("Mateo", Gender::Male),
    ("Olga", Gender::Female),
    ("Dmitri", Gender::Male),
    ("Zanele", Gender::Female),
    ("Thabo", Gender::Male),
    ("Camille", Gender::Female),
    ("Julien", Gender::Male),
    ("Aisha", Gender::Female),
    ("Yusuf", Gender::Male),
    ("Sofia", Gender::Female),
    ("Paul", Gender::Male),
    ("Ellen", Gender::Female),
    ("Wout", Gender::Male),
    ("Nadia", Gender::Female),
    ("Tomas", Gender::Male),
    ("Grace", Gender::Female),
    ("Samuel", Gender::Male),
    ("Leila", Gender::Female),
    ("Karim", Gender::Male),
    ("Hanna", Gender::Female),
    ("Mikael", Gender::Male),
    ("Rosa", Gender::Female),
    ("Andres", Gender::Male),
    ("Nkechi", Gender::Female),
    ("Emeka", Gender::Male),
];

const SURNAMES: &[&str] = &[
    "Neves",
    "Gengo",
    "Esterhuysen",
    "Buckridge",
    "Chung",
    "de La Chapelle",
    "Cancio",
    "Perez",
    "Croll",
    "Ibarra",
    "Suto",
    "Olufuye",
    "Mensah",
    "Okafor",
    "Tanaka",
    "Wang",
    "Haddad",
    "Lindqvist",
    "Andersen",
    "Sharma",
    "Iyer",
    "Fernandez",
    "Gomez",
    "Petrova",
    "Ivanov",
    "Dlamini",
    "Nkosi",
    "Dubois",
    "Lefevre",
    "Rahman",
    "Yilmaz",
    "Longwe",
    "Blaker",
    "Taylor",
    "De Natris",
    "Kowalski",
    "Novak",
    "Achieng",
    "Mwangi",
    "Farouk",
    "Schmidt",
    "Virtanen",
    "Moreno",
    "van der Berg",
    "Nguyen",
    "Perez Coello",
    "O'Brien",
    "Al-Sayed",
    "Costa",
    "Ferrari",
];

const AFFILIATIONS: &[&str] = &[
    "IGF MAG Member",
    "IGF MAG member",
    "IGF Secretariat",
    "Independent Expert",
    "former IGF MAG member",
    "Government of Switzerland",
    "Government of Italy",
    "Government of Kenya",
    "Government of Brazil",
    "Government of Japan",
    "UK Government",
    "ISED Canada",
    "Internet Society",
    "University of Cape Town",
    "Internet & Jurisdiction Policy Network",
    "Association for Progressive Communications",
    "Digital Rights Foundation",
    "European Commission",
];

const TOPICS: &[&str] = &[
    "IGF Improvements",
    "Update from the IGF Secretariat",
    "General Updates: GDC and AI Governance",
    "Intersessional work planning",
    "Programme of the annual meeting",
    "Budget and fundraising",
    "Call for workshop proposals",
    "Stakeholder outreach and communications",
    "Review of the draft output document",
    "Coordination with the NRIs",
    "Youth engagement",
    "Evaluation of the pilot",
    "Terms of reference",
    "Work plan for next year",
    "Capacity development",
];

const DOCUMENTS: &[&str] = &[
    "WSIS+20 Outcome Document",
    "Global Digital Compact",
    "Zero Draft",
    "Elements Paper",
    "Draft Charter",
    "Ministerial Declaration",
];

const VERBS: &[&str] = &[
    "noted",
    "suggested",
    "stressed",
    "explained",
    "highlighted",
    "emphasised",
    "observed",
    "pointed out",
    "recalled",
    "cautioned",
    "felt",
    "proposed",
    "underlined",
    "remarked",
];

const SUBJECTS: &[&str] = &[
    "the definition of Internet governance",
    "the language on financing mechanisms",
    "the section on AI and data governance",
    "the reporting line for the task force",
    "the role of the Secretariat",
    "the multistakeholder model",
    "the timeline for the Secretary-General's input",
    "the proposal for a help desk",
    "the intersessional work",
    "the outreach to national and regional initiatives",
    "the workshop evaluation process",
    "the human rights section",
    "the funding of the forum",
    "the mandate renewal",
    "the participation of the Global South",
    "the draft work plan",
];

const PREDICATES: &[&str] = &[
    "still seems quite narrow",
    "has improved since the previous revision",
    "needs further discussion before the next session",
    "should be linked more clearly to the WSIS framework",
    "is moving in the right direction",
    "would benefit from clearer wording",
    "remains a concern for many stakeholders",
    "could stymie efforts to have a truly inclusive discussion",
    "is very important for stakeholders in the region",
    "might be more effectively worded",
    "must not duplicate existing processes",
    "deserves stronger recognition in the text",
    "was welcomed by most delegations",
    "could be clarified with a short footnote",
    "has no reference to the IGF",
];

const MONTHS: [&str; 12] = model::MONTH_NAMES;

struct Person {
    first: &'static str,
    surname: &'static str,
    gender: Gender,
    affiliation: &'static str,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.surname)
    }

    fn pronoun(&self) -> (&'static str, &'static str) {
        match self.gender {
            Gender::Female => ("She", "Her"),
            Gender::Male => ("He", "His"),
        }
    }
}

/// A day of the meeting's year, `days` after the meeting, as (day, month index, year).
fn later(day: usize, month: usize, year: usize, days: usize) -> (usize, usize, usize) {
    let mut day = day + days;
    let mut month = month;
    let mut year = year;
    while day > 28 {
        day -= 28;
        month += 1;
        if month == 12 {
            month = 0;
            year += 1;
        }
    }
    (day, month, year)
}

fn clause(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(SUBJECTS), rng.pick(PREDICATES))
}

/// How a speaker is written: usually the first name, sometimes the full name.
fn written(rng: &mut Rng, person: &Person) -> String {
    if rng.chance(15) {
        person.full()
    } else {
        person.first.to_owned()
    }
}

/// One report of meeting `number` of `group`.
fn report(rng: &mut Rng, group: &(&str, &str), number: u32) -> String {
    let (group, short) = *group;
    let markdown = rng.chance(25);
    let heading = |level: &str, text: &str| {
        if markdown {
            format!("{level} {text}")
        } else {
            text.to_owned()
        }
    };
    let people = participants(rng);
    let chair = &people[0];
    let year = rng.between(2024, 2027);
    let month = rng.below(12);
    let day = rng.between(1, 28);
    let date = format!("{day} {} {year}", MONTHS[month]);
    let hour = rng.between(7, 18);
    let mode = *rng.pick(&["Online", "Virtual", "Hybrid"]);

    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "{group}\n{mode} Meeting\n{date} at {hour}:00 UTC\n");
    let _ = writeln!(out, "{}\n", heading("#", "Summary Report"));
    let _ = writeln!(
        out,
        "The {} {} meeting of the {group} ({short}) was held on {date} at {hour}:00 UTC. The meeting was moderated by {} and a recording of the meeting is available upon request.\n",
        model::ordinal(number),
        mode.to_lowercase(),
        chair.first
    );
    let _ = writeln!(
        out,
        "{} opened the meeting by introducing the agenda.\n",
        chair.first
    );

    let mut items: Vec<String> = Vec::new();
    let count = rng.between(4, 8);
    if rng.chance(60) {
        items.push(format!(
            "{} – Rev{}",
            rng.pick(DOCUMENTS),
            rng.between(1, 4)
        ));
    }
    while items.len() < count - 1 {
        let topic = rng.pick(TOPICS).to_string();
        if !items.contains(&topic) {
            items.push(topic);
        }
    }
    items.push("Any other business (AOB)".to_owned());
    let _ = writeln!(out, "{}\n", heading("##", "Agenda"));
    for (n, item) in items.iter().enumerate() {
        let _ = writeln!(out, "{}. {item}", n + 1);
    }
    let _ = writeln!(out, "\n{}\n", heading("##", "Discussion"));

    // 10 to 40 interventions over the items before AOB; now and then an item has none.
    let topical = items.len() - 1;
    let mut counts: Vec<usize> = (0..topical).map(|_| usize::from(!rng.chance(8))).collect();
    counts[0] = 1;
    let total = rng.between(10, 40);
    for _ in counts.iter().sum::<usize>()..total {
        let discussed: Vec<usize> = (0..topical).filter(|&i| counts[i] > 0).collect();
        counts[*rng.pick(&discussed)] += 1;
    }
    for (n, item) in items.iter().enumerate() {
        let _ = writeln!(out, "{}\n", heading("###", &format!("{}. {item}", n + 1)));
        let last = n + 1 == items.len();
        if last {
            let (d, m, y) = later(day, month, year, rng.between(7, 21));
            let _ = writeln!(
                out,
                "There was discussion of holding the next meeting of the {short} on {d} {}{}. The precise date and time will be shared to the list by the chairs.\n",
                MONTHS[m],
                if y == year {
                    String::new()
                } else {
                    format!(" {y}")
                }
            );
            continue;
        }
        let here = counts[n];
        if here == 0 {
            let _ = writeln!(out, "n/a\n");
            continue;
        }
        let mut previous: Option<&Person> = None;
        let mut paragraph = String::new();
        for _ in 0..here {
            let speaker = &people[rng.below(people.len())];
            intervention(
                rng,
                &mut paragraph,
                speaker,
                previous,
                &people,
                (day, month, year),
            );
            previous = Some(speaker);
            // Most interventions are a paragraph of their own; some run on in one paragraph.
            if rng.chance(75) {
                let _ = writeln!(out, "{}\n", paragraph.trim_end());
                paragraph.clear();
            }
        }
        if !paragraph.is_empty() {
            let _ = writeln!(out, "{}\n", paragraph.trim_end());
        }
    }

    let _ = writeln!(out, "{}\n", heading("##", "List of participants"));
    for (n, person) in people.iter().enumerate() {
        let role = if n == 0 { "Group's Co-Chair, " } else { "" };
        let _ = writeln!(
            out,
            "{}. {}, {role}{}",
            n + 1,
            person.full(),
            person.affiliation
        );
    }
    out
}

/// 15 to 40 people, the chair first; first names repeat now and then, as in real groups.
fn participants(rng: &mut Rng) -> Vec<Person> {
    let count = rng.between(15, 40);
    let mut people: Vec<Person> = Vec::with_capacity(count);
    while people.len() < count {
        let (first, gender) = *rng.pick(FIRST_NAMES);
        let surname = *rng.pick(SURNAMES);
        if people
            .iter()
            .any(|p| p.first == first && (p.surname == surname || !rng.chance(10)))
        {
            continue;
        }
        people.push(Person {
            first,
            surname,
            gender,
            affiliation: AFFILIATIONS[rng.below(AFFILIATIONS.len())],
        });
    }
    people
}

/// One intervention: an attributed sentence, then continuations in the speaker's voice.
fn intervention(
    rng: &mut Rng,
    out: &mut String,
    speaker: &Person,
    previous: Option<&Person>,
    people: &[Person],
    (day, month, year): (usize, usize, usize),
) {
    let name = if rng.chance(3) {
        (*rng.pick(&["Flavio", "Peace", "Marguerite", "Obinna"])).to_owned()
    } else {
        written(rng, speaker)
    };
    let (she, her) = speaker.pronoun();
    match (previous, rng.below(10)) {
        (Some(before), 0..=1) if before.first != speaker.first => {
            let _ = write!(
                out,
                "{name} agreed with {}'s concern on {}. ",
                before.first,
                rng.pick(SUBJECTS)
            );
        }
        (Some(_), 2) => {
            let _ = write!(out, "{name} also agreed that {}. ", clause(rng));
        }
        (_, 3) => {
            let _ = write!(
                out,
                "{name} asked whether {} {}. ",
                rng.pick(SUBJECTS),
                rng.pick(PREDICATES)
            );
        }
        _ => {
            let _ = write!(out, "{name} {} that {}. ", rng.pick(VERBS), clause(rng));
        }
    }
    for _ in 0..rng.between(0, 3) {
        match rng.below(9) {
            0 => {
                let _ = write!(out, "{she} also noted that {}. ", clause(rng));
            }
            1 => {
                let _ = write!(out, "{her} general impression is that {}. ", clause(rng));
            }
            2 => {
                let (d, m, y) = later(day, month, year, rng.between(3, 40));
                let year = if rng.chance(50) {
                    format!(" {y}")
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    "{she} invited members to send comments on the {} by {d} {}{year}. ",
                    rng.pick(DOCUMENTS),
                    MONTHS[m]
                );
            }
            3 => {
                let _ = write!(
                    out,
                    "{she} pointed to para {}{} of the {} (Rev {}), which {}. ",
                    rng.between(1, 140),
                    rng.pick(&["", "", " bis", "tre"]),
                    rng.pick(DOCUMENTS),
                    rng.between(1, 4),
                    rng.pick(PREDICATES)
                );
            }
            4 => {
                let (d, m, y) = later(day, month, year, rng.between(7, 60));
                let _ = write!(
                    out,
                    "The Secretariat will circulate a revised draft by {d} {} {y}. ",
                    MONTHS[m]
                );
            }
            5 => {
                let other = &people[rng.below(people.len())];
                let other = if other.first == speaker.first {
                    "the Secretariat"
                } else {
                    other.first
                };
                let _ = write!(
                    out,
                    "{she} also thanked {other} for the work on {}. ",
                    rng.pick(SUBJECTS)
                );
            }
            6 => {
                let _ = write!(
                    out,
                    "{she} suggested that the group should consider {} before finalising its output. ",
                    rng.pick(SUBJECTS)
                );
            }
            7 => {
                let _ = write!(
                    out,
                    "{she} offered to draft a short note on {}. ",
                    rng.pick(SUBJECTS)
                );
            }
            _ => {
                let _ = write!(
                    out,
                    "{she} feels it is important to retain this, and {}. ",
                    clause(rng)
                );
            }
        }
    }
}
