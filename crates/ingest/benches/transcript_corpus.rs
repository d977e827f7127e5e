//! Generated captioning transcripts, for the transcript benchmark (`benches/transcript.rs`)
//! and the fixed workload of `examples/read_transcripts.rs`.
//!
//! The transcripts have the shape of real captioning files: a banner and a disclaimer, a
//! title and a date, a participant list in half of them, an agenda, then 150 to 400 turns of
//! two to six sentences, some wrapped over indented continuation lines. Every variant the
//! reader handles occurs: `>>NAME:` without a space, turns without `>>`, bare `>>` voices,
//! `>> CHAIR:`, organisations, near spellings of a name, stage notes, dates and action
//! sentences. Generation is deterministic (a seeded xorshift generator).

use std::fmt::Write;

pub const MIN_BYTES: usize = 4 * 1024 * 1024;
const SEED: u64 = 0x7a5c_0006;

const PEOPLE: &[(&str, &str)] = &[
    ("Marisol Etxeberria", "Government of Uruguay"),
    ("Kwabena Ofori-Atta", "civil society"),
    ("Liesel Vandermeer", "Secretariat"),
    ("Tomasz Wierzbicki", "Polish Digital Institute, academia"),
    ("Aiko Haruna", "private sector"),
    ("Nyasha Mutendi", "Youth Caucus, civil society"),
    ("Bertrand de Vasconcelos", "technical community"),
    ("Jorge Almeida", "Government of Portugal"),
    ("Jorge Baptista", "University of Coimbra, academia"),
    ("Ingrid Solheim", "Nordic Rural Connectivity Association"),
    ("Rafael Montoya", "Government of Colombia"),
    ("Adaeze Okonkwo", "University of Enugu, academia"),
    ("Oskar Lindahl", "private sector"),
    ("Pilar Quintanilla", "civil society"),
];

const SENTENCES: &[&str] = &[
    "Thank you very much for the floor.",
    "The second draft reflects the comments received from eleven members.",
    "Principle 4 on open licensing was rewritten to follow the wording proposed by the academic members.",
    "We are worried that a retention schedule for every dataset is a heavy burden for small firms.",
    "Would a threshold of 10,000 records be acceptable to the group?",
    "I support the new principle 7, and I would like to add a reference to the archival standards.",
    "In our region the ministry subsidises backhaul for the first three years.",
    "I will circulate the clean version to the list by 20 March.",
    "Members are invited to send written comments by 27 March.",
    "Could we hear from the technical community on this point?",
    "I see no objections, so it is adopted.",
    "The survey found that over eighty percent of respondents had reported a harmful post at least once.",
    "We should not duplicate the work that other forums are already doing on this question.",
    "The secretariat will share the updated timeline before the next meeting.",
    "Let me be brief, because I know we are running out of time.",
];

const NOTES: &[&str] = &[
    "(Pause)",
    "(inaudible)",
    "[inaudible]",
    "(Laughter)",
    "(Speaking Spanish)",
];

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
}

fn transcript(rng: &mut Rng, number: u32) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "RAW FILE\n");
    let _ = writeln!(
        out,
        "WG-Commons Working Group on Digital Commons – Meeting {number}\n{} March 2026, 14:00 UTC\n",
        1 + rng.below(28)
    );
    let _ = writeln!(
        out,
        "This text is being provided in a rough draft format. Communication Access Realtime Translation (CART) or captioning is provided in order to facilitate communication accessibility and may not be a totally verbatim record of the proceedings.\n"
    );
    let listed = rng.below(2) == 0;
    let chair = rng.below(PEOPLE.len());
    if listed {
        let _ = writeln!(out, "Participants:");
        for (index, (name, affiliation)) in PEOPLE.iter().enumerate() {
            let role = if index == chair { "Chair, " } else { "" };
            let _ = writeln!(out, "{}. {name}, {role}{affiliation}", index + 1);
        }
        out.push('\n');
    } else {
        let _ = writeln!(out, "Chair: {}\n", PEOPLE[chair].0);
    }
    let items = 3 + rng.below(4);
    let _ = writeln!(out, "Agenda:");
    for item in 1..=items {
        let _ = writeln!(out, "{item}. Item number {item} of the meeting");
    }
    out.push('\n');
    let turns = 150 + rng.below(250);
    let mut item = 0;
    for turn in 0..turns {
        if turn % (turns / items).max(1) == 0 && item < items {
            item += 1;
            let _ = writeln!(out, ">> CHAIR: We now move to agenda item {item}.");
        }
        let (name, _) = PEOPLE[rng.below(PEOPLE.len())];
        let mut label = name.to_uppercase();
        let marker = match rng.below(40) {
            0 => "",
            1 => ">>",
            2 => {
                label = String::new();
                ">> "
            }
            3 => {
                label = "UNESCO".into();
                ">> "
            }
            4 => {
                // A near spelling: one letter changed.
                label = label.replacen('A', "E", 1);
                ">> "
            }
            _ => ">> ",
        };
        out.push_str(marker);
        if !label.is_empty() {
            out.push_str(&label);
            out.push_str(": ");
        }
        for s in 0..2 + rng.below(5) {
            if s > 0 && rng.below(5) == 0 {
                out.push_str("\n    ");
            } else if s > 0 {
                out.push(' ');
            }
            out.push_str(SENTENCES[rng.below(SENTENCES.len())]);
            if rng.below(12) == 0 {
                out.push(' ');
                out.push_str(NOTES[rng.below(NOTES.len())]);
            }
        }
        out.push_str("\n\n");
    }
    out
}

/// Transcripts until their texts add up to at least `min_bytes`.
pub fn transcripts(min_bytes: usize) -> Vec<String> {
    let mut rng = Rng(SEED);
    let mut texts = Vec::new();
    let mut bytes = 0;
    let mut number = 10;
    while bytes < min_bytes {
        let text = transcript(&mut rng, number);
        bytes += text.len();
        number += 1;
        texts.push(text);
    }
    texts
}
