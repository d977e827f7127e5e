//! Reads the first meetings of the generated scribe corpus (`benches/scribe_corpus.rs`) a
//! number of times, as IRC logs or as mailed minutes, and prints how many bytes it read: a
//! fixed workload for repeatable instruction counts, which a machine shared with other work
//! does not disturb as it disturbs timings.
//!
//! `cargo build --release -p ingest --example read_scribe` then
//! `valgrind --tool=callgrind --callgrind-out-file=/tmp/c.out target/release/examples/read_scribe irc-log 3 100`
//! (three rounds over the first 100 logs; `scribe-minutes` for the minutes).

#[path = "../benches/allocator.rs"]
mod allocator;

#[path = "../benches/scribe_corpus.rs"]
mod scribe_corpus;

type Reader = fn(&ingest::Text, &str, &ingest::PeopleHints) -> model::Record;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let format = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "irc-log".to_owned());
    let rounds: usize = std::env::args().nth(2).map_or(Ok(1), |n| n.parse())?;
    let count: usize = std::env::args().nth(3).map_or(Ok(100), |n| n.parse())?;
    let (logs, minutes) = scribe_corpus::corpora();
    let (documents, read): (Vec<String>, Reader) = match format.as_str() {
        "irc-log" => (logs, ingest::irc_log::read),
        "scribe-minutes" => (minutes, ingest::scribe_minutes::read),
        other => return Err(format!("unknown format '{other}': irc-log or scribe-minutes").into()),
    };
    let texts: Vec<ingest::Text> = documents
        .iter()
        .take(count)
        .map(|d| ingest::input::decode(d.as_bytes()))
        .collect::<Result<_, ingest::InputError>>()?;
    let hints = ingest::PeopleHints::default();
    let mut bytes = 0;
    let mut turns = 0;
    for _ in 0..rounds {
        for text in &texts {
            let record = read(text, "meeting.txt", &hints);
            bytes += text.content.len();
            turns += record.interventions.len();
        }
    }
    println!("{bytes} bytes read, {turns} turns");
    Ok(())
}
