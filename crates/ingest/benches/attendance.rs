//! Reading attendance exports: a generated Zoom participant report and a Teams attendance
//! report (UTF-16, tabs) of many meetings' worth of rows, read on one thread and reported in
//! bytes per second. Figures and how to reproduce them: `docs/benchmarks.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ingest::attendance::{Context, read};

mod allocator;

/// A pseudo-random sequence from a fixed seed, so every run reads the same bytes.
struct Seed(u64);

impl Seed {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

const FIRST: [&str; 12] = [
    "Amara", "Henrik", "Inès", "Kenji", "Lucía", "Daniel", "Wanjiru", "Priya", "Samuel", "Olga",
    "Fatou", "Grace",
];
const LAST: [&str; 12] = [
    "Nwosu",
    "Lindqvist",
    "Marchetti",
    "Watanabe",
    "Ferreyra",
    "Mwangi",
    "Kamau",
    "Raghunathan",
    "Adeyemi",
    "Petrenko",
    "Diallo",
    "Liu",
];

/// About `bytes` of a Zoom participant report: connections of a long day of sessions, a third
/// of the people rejoining.
fn zoom(bytes: usize) -> String {
    let mut seed = Seed(0x5eed_2026);
    let mut out = String::from(
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n\
         812 3456 7890,WG-Data plenary,11/17/2026 08:00:00 AM,11/17/2026 06:00:00 PM,secretariat@odcf.example,600,900\n\n\
         Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n",
    );
    while out.len() < bytes {
        let (f, l) = (seed.next(12) as usize, seed.next(12) as usize);
        let person = seed.next(400);
        let start = 8 * 60 + seed.next(500);
        let length = 1 + seed.next(90);
        let clock = |m: u64| {
            let (h, m) = (m / 60, m % 60);
            let (h12, half) = match h {
                0 => (12, "AM"),
                1..=11 => (h, "AM"),
                12 => (12, "PM"),
                _ => (h - 12, "PM"),
            };
            format!("11/17/2026 {h12:02}:{m:02}:{:02} {half}", (m * 7) % 60)
        };
        out.push_str(&format!(
            "{} {} ({}),{}.{}{person}@example.org,{},{},{length},No\n",
            FIRST[f],
            LAST[l],
            LAST[(l + 1) % 12],
            FIRST[f].to_lowercase(),
            LAST[l].to_lowercase(),
            clock(start),
            clock(start + length),
        ));
    }
    out
}

/// The same connections as a Teams report: UTF-16 with tabs, a summary, then the activities.
fn teams(zoom: &str) -> Vec<u8> {
    let mut text = String::from(
        "1. Summary\nMeeting title\tWG-Data plenary\nAttended participants\t900\n\n3. In-Meeting Activities\nName\tJoin Time\tLeave Time\tDuration\tEmail\tRole\n",
    );
    for line in zoom.lines().skip(4) {
        let cells: Vec<&str> = line.split(',').collect();
        if let [name, email, join, leave, minutes, _] = cells[..] {
            text.push_str(&format!(
                "{name}\t{}\t{}\t{minutes}m\t{email}\tAttendee\n",
                join.replacen(' ', ", ", 1),
                leave.replacen(' ', ", ", 1)
            ));
        }
    }
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

fn attendance(c: &mut Criterion) {
    let zoom = zoom(3 << 20);
    let teams = teams(&zoom);
    let check = read(zoom.as_bytes(), Context::default()).expect("the Zoom export reads");
    let rows = zoom.lines().count() - 4;
    let sessions: usize = check.attendees.iter().map(|a| a.sessions.len()).sum();
    assert_eq!(sessions, rows, "every row is a session");
    let teams_check = read(&teams, Context::default()).expect("the Teams export reads");
    assert_eq!(teams_check.attendees.len(), check.attendees.len());
    eprintln!(
        "zoom: {} bytes, {rows} rows, {} attendees; teams: {} bytes",
        zoom.len(),
        check.attendees.len(),
        teams.len()
    );

    let mut group = c.benchmark_group("attendance");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(zoom.len() as u64));
    group.bench_function("zoom", |b| {
        b.iter(|| black_box(read(zoom.as_bytes(), Context::default()).expect("reads")));
    });
    group.throughput(Throughput::Bytes(teams.len() as u64));
    group.bench_function("teams-utf16", |b| {
        b.iter(|| black_box(read(&teams, Context::default()).expect("reads")));
    });
    group.finish();
}

criterion_group!(benches, attendance);
criterion_main!(benches);
