//! Reads the generated benchmark transcripts (`benches/transcript_corpus.rs`) a number of
//! times and prints how many bytes it read: a fixed workload for repeatable instruction
//! counts, which a busy machine does not disturb as it does timings.
//!
//! `cargo build --release -p ingest --example read_transcripts` then
//! `perf stat -e instructions:u target/release/examples/read_transcripts 3` and the same with
//! `1`: the difference over two rounds of bytes is the reader's instructions per byte.

#[path = "../benches/allocator.rs"]
mod allocator;

#[path = "../benches/transcript_corpus.rs"]
mod transcript_corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(1), |n| n.parse())?;
    let texts: Vec<ingest::Text> = transcript_corpus::transcripts(transcript_corpus::MIN_BYTES)
        .iter()
        .map(|t| ingest::input::decode(t.as_bytes()))
        .collect::<Result<_, ingest::InputError>>()?;
    let hints = ingest::PeopleHints::default();
    let mut bytes = 0;
    let mut turns = 0;
    for _ in 0..rounds {
        for text in &texts {
            let record = ingest::transcript::read(text, "t.txt", &hints);
            bytes += text.content.len();
            turns += record.interventions.len();
        }
    }
    println!("{bytes} bytes read, {turns} turns");
    Ok(())
}
