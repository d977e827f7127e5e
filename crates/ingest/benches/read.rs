//! Reading throughput: the whole synthetic corpus (at least 10 MB of summary reports, see
//! `corpus.rs`) decoded and read on one thread, reported in bytes per second.
//!
//! Two measurements: `decode_and_read` is what the binary does per file (bytes to record),
//! `read` leaves out decoding, so the difference is the cost of `input::decode` (UTF-8
//! check, line endings, SHA-256). Figures and how to reproduce them: `docs/benchmarks.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ingest::PeopleHints;

mod allocator;

mod corpus;

fn read_corpus(c: &mut Criterion) {
    let reports = corpus::corpus(corpus::MIN_BYTES);
    let bytes: u64 = reports.iter().map(|r| r.text.len() as u64).sum();
    let hints = PeopleHints::default();
    let texts: Vec<ingest::Text> = reports
        .iter()
        .map(|r| {
            ingest::input::decode(r.text.as_bytes()).expect("generated reports are valid text")
        })
        .collect();

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes));
    // One pass over the corpus takes a good part of a second: ten samples are plenty.
    group.sample_size(10);
    group.bench_function("decode_and_read", |b| {
        b.iter(|| {
            for report in &reports {
                let record =
                    ingest::read_summary_report(&report.name, report.text.as_bytes(), &hints);
                black_box(record.expect("generated reports are valid text"));
            }
        });
    });
    group.bench_function("read", |b| {
        b.iter(|| {
            for (report, text) in reports.iter().zip(&texts) {
                black_box(ingest::summary_report::read(text, &report.name, &hints));
            }
        });
    });
    group.finish();
}

/// The hand-written reports of the test data (the real seed among them): fewer bytes, but the
/// density of names, dates and references of reports people actually write.
fn read_fixtures(c: &mut Criterion) {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/summary-report");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(folder).expect("the test data folder") {
        let path = entry.expect("a folder entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(&path).expect("a readable report");
            texts.push(ingest::input::decode(&bytes).expect("test reports are valid text"));
        }
    }
    let bytes: u64 = texts.iter().map(|t| t.content.len() as u64).sum();
    let hints = PeopleHints::default();
    let mut group = c.benchmark_group("fixtures");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("read", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(ingest::summary_report::read(text, "report.txt", &hints));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, read_corpus, read_fixtures);
criterion_main!(benches);
