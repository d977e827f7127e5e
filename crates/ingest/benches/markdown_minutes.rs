//! Reading throughput of the Markdown-minutes reader: a generated corpus of at least 10 MB
//! of minutes in the three conventions the reader knows, read on one thread, in bytes per
//! second; and the hand-written test documents, for the density of real minutes.
//!
//! The corpus is written by `markdown_corpus.rs`. Figures and how to reproduce them:
//! `docs/benchmarks.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ingest::PeopleHints;

mod markdown_corpus;

use markdown_corpus::{MIN_BYTES, corpus};

mod allocator;

fn read_corpus(c: &mut Criterion) {
    let documents = corpus(MIN_BYTES);
    let bytes: u64 = documents.iter().map(|d| d.len() as u64).sum();
    let hints = PeopleHints::default();
    let texts: Vec<ingest::Text> = documents
        .iter()
        .map(|d| ingest::input::decode(d.as_bytes()).expect("generated minutes are valid text"))
        .collect();
    describe(&texts, bytes);
    let mut group = c.benchmark_group("markdown_minutes");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.bench_function("decode_and_read", |b| {
        b.iter(|| {
            for document in &documents {
                let record =
                    ingest::read_markdown_minutes("minutes.md", document.as_bytes(), &hints);
                black_box(record.expect("generated minutes are valid text"));
            }
        });
    });
    group.bench_function("read", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(ingest::markdown_minutes::read(text, "minutes.md", &hints));
            }
        });
    });
    group.finish();
}

/// What the corpus holds, once, so the figures can be read against it.
fn describe(texts: &[ingest::Text], bytes: u64) {
    let hints = PeopleHints::default();
    let mut turns = std::collections::BTreeMap::<&str, usize>::new();
    let mut codes = std::collections::BTreeMap::<&str, usize>::new();
    let (mut decisions, mut actions, mut owned) = (0, 0, 0);
    for text in texts {
        let record = ingest::markdown_minutes::read(text, "minutes.md", &hints);
        for intervention in &record.interventions {
            *turns.entry(intervention.speaker.status()).or_default() += 1;
        }
        for diagnostic in &record.diagnostics {
            *codes.entry(diagnostic.code.as_str()).or_default() += 1;
        }
        decisions += record.decisions.len();
        actions += record.action_items.len();
        owned += record
            .action_items
            .iter()
            .filter(|a| a.owner.is_some())
            .count();
    }
    eprintln!(
        "corpus: {} documents, {bytes} bytes; turns {turns:?}; {decisions} decisions, \
         {actions} actions ({owned} with an owner); diagnostics {codes:?}",
        texts.len()
    );
}

/// The hand-written test documents: fewer bytes, the density of minutes people write.
fn read_fixtures(c: &mut Criterion) {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/markdown-minutes");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(folder).expect("the test data folder") {
        let path = entry.expect("a folder entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            let bytes = std::fs::read(&path).expect("readable minutes");
            texts.push(ingest::input::decode(&bytes).expect("test minutes are valid text"));
        }
    }
    let bytes: u64 = texts.iter().map(|t| t.content.len() as u64).sum();
    let hints = PeopleHints::default();
    let mut group = c.benchmark_group("markdown_minutes_fixtures");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("read", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(ingest::markdown_minutes::read(text, "minutes.md", &hints));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, read_corpus, read_fixtures);
criterion_main!(benches);
