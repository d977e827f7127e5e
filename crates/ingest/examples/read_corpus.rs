//! Reads the first reports of the generated benchmark corpus (`benches/corpus.rs`) a number
//! of times and prints how many bytes it read: the same fixed workload as `read_fixtures`,
//! on the text `benches/read.rs` measures, for repeatable instruction counts.
//!
//! `cargo build --release -p ingest --example read_corpus` then
//! `valgrind --tool=callgrind --callgrind-out-file=/tmp/c.out target/release/examples/read_corpus 2 100`
//! (two rounds over the first 100 reports).

#[path = "../benches/allocator.rs"]
mod allocator;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(1), |n| n.parse())?;
    let count: usize = std::env::args().nth(2).map_or(Ok(100), |n| n.parse())?;
    let reports: Vec<(String, ingest::Text)> = corpus::corpus(corpus::MIN_BYTES)
        .into_iter()
        .take(count)
        .map(|r| Ok((r.name, ingest::input::decode(r.text.as_bytes())?)))
        .collect::<Result<_, ingest::InputError>>()?;
    let hints = ingest::PeopleHints::default();
    let mut bytes = 0;
    let mut facts = 0;
    for _ in 0..rounds {
        for (name, text) in &reports {
            let record = ingest::summary_report::read(text, name, &hints);
            bytes += text.content.len();
            facts += record.interventions.len() + record.dates.len() + record.references.len();
        }
    }
    println!("{bytes} bytes read, {facts} facts");
    Ok(())
}
