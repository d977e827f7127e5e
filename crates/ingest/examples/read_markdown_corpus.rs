//! Reads the generated Markdown-minutes corpus (`benches/markdown_corpus.rs`) a number of
//! times and prints how many bytes it read: a fixed workload whose CPU time, unlike the
//! wall-clock time criterion measures, does not grow when other programs share the machine.
//!
//! `cargo build --release -p ingest --example read_markdown_corpus`, then compare
//! `perf stat -e task-clock target/release/examples/read_markdown_corpus 1` with the same
//! for `6` rounds: the difference is the CPU time of five rounds of reading.

#[path = "../benches/allocator.rs"]
mod allocator;

#[path = "../benches/markdown_corpus.rs"]
mod markdown_corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(1), |n| n.parse())?;
    let texts: Vec<ingest::Text> = markdown_corpus::corpus(markdown_corpus::MIN_BYTES)
        .iter()
        .map(|d| ingest::input::decode(d.as_bytes()))
        .collect::<Result<_, ingest::InputError>>()?;
    let hints = ingest::PeopleHints::default();
    let mut bytes = 0;
    let mut turns = 0;
    for _ in 0..rounds {
        for text in &texts {
            let record = ingest::markdown_minutes::read(text, "minutes.md", &hints);
            bytes += text.content.len();
            turns += record.interventions.len();
        }
    }
    println!("{bytes} bytes read, {turns} turns");
    Ok(())
}
