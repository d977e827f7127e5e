//! Reading throughput of the captioning-transcript reader: generated transcripts (at least
//! 4 MB, see `transcript_corpus.rs`) read on one thread, reported in bytes per second.
//! Figures and how to reproduce them: `docs/benchmarks.md`, "Reading captioning transcripts".

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ingest::PeopleHints;

mod allocator;

mod transcript_corpus;

fn read_transcripts(c: &mut Criterion) {
    let texts = transcript_corpus::transcripts(transcript_corpus::MIN_BYTES);
    let bytes: usize = texts.iter().map(String::len).sum();
    let decoded: Vec<ingest::Text> = texts
        .iter()
        .map(|t| ingest::input::decode(t.as_bytes()).expect("generated transcripts are text"))
        .collect();
    let hints = PeopleHints::default();
    let mut group = c.benchmark_group("transcript");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("decode_and_read", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(
                    ingest::read_transcript("t.txt", text.as_bytes(), &hints)
                        .expect("generated transcripts are text"),
                );
            }
        });
    });
    group.bench_function("read", |b| {
        b.iter(|| {
            for text in &decoded {
                black_box(ingest::transcript::read(text, "t.txt", &hints));
            }
        });
    });
    group.bench_function("confidence", |b| {
        b.iter(|| {
            for text in &decoded {
                black_box(ingest::transcript::confidence(text));
            }
        });
    });
    group.finish();
    eprintln!(
        "transcript corpus: {} transcripts, {bytes} bytes",
        texts.len()
    );
}

criterion_group!(benches, read_transcripts);
criterion_main!(benches);
