//! Reading throughput of the two scribed-minutes readers: the generated corpus of
//! `scribe_corpus.rs`, raw IRC logs (`irc_log`) and the same meetings as mailed minutes
//! (`scribe_minutes`), each at least 8 MB, read on one thread and reported in bytes per second.
//! Figures and how to reproduce them: `docs/benchmarks.md`, "Reading scribed minutes".

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ingest::PeopleHints;

mod allocator;

mod scribe_corpus;

type Reader = fn(&ingest::Text, &str, &PeopleHints) -> model::Record;

fn bench_reader(c: &mut Criterion, name: &str, documents: &[String], read: Reader) {
    let texts: Vec<ingest::Text> = documents
        .iter()
        .map(|d| ingest::input::decode(d.as_bytes()).expect("generated text is valid"))
        .collect();
    let bytes: u64 = documents.iter().map(|d| d.len() as u64).sum();
    let hints = PeopleHints::default();
    // What is timed must be read as minutes, not rejected: every meeting has its turns,
    // attendees, actions, and no error.
    for text in &texts {
        let record = read(text, "meeting.txt", &hints);
        assert!(
            !record.has_errors(),
            "{name}: {:?}",
            record.diagnostics.first()
        );
        assert!(record.interventions.len() >= 10 && record.participants.len() >= 6);
        assert!(!record.action_items.is_empty() && record.meeting.date.is_some());
    }
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.bench_function("read", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(read(text, "meeting.txt", &hints));
            }
        });
    });
    group.finish();
}

fn scribe_readers(c: &mut Criterion) {
    let (logs, minutes) = scribe_corpus::corpora();
    eprintln!(
        "irc-log corpus: {} logs, {} bytes; scribe-minutes corpus: {} minutes, {} bytes",
        logs.len(),
        logs.iter().map(String::len).sum::<usize>(),
        minutes.len(),
        minutes.iter().map(String::len).sum::<usize>()
    );
    bench_reader(c, "irc-log", &logs, ingest::irc_log::read);
    bench_reader(c, "scribe-minutes", &minutes, ingest::scribe_minutes::read);
}

criterion_group!(benches, scribe_readers);
criterion_main!(benches);
