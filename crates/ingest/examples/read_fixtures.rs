//! Reads every report of `test_data/summary-report` a number of times and prints how many
//! bytes it read: a fixed workload for instruction counts, which unlike wall-clock times
//! are repeatable on a shared machine.
//!
//! `cargo build --release -p ingest --example read_fixtures` then
//! `valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out target/release/examples/read_fixtures 10`
//! and `callgrind_annotate /tmp/cg.out | head -30`.

#[path = "../benches/allocator.rs"]
mod allocator;

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(1), |n| n.parse())?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/summary-report");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(ingest::input::decode(&std::fs::read(&path)?)?);
        }
    }
    let hints = ingest::PeopleHints::default();
    let mut bytes = 0;
    let mut facts = 0;
    for _ in 0..rounds {
        for text in &texts {
            let record = ingest::summary_report::read(text, "report.txt", &hints);
            bytes += text.content.len();
            facts += record.interventions.len() + record.dates.len() + record.references.len();
        }
    }
    println!("{bytes} bytes read, {facts} facts");
    Ok(())
}
