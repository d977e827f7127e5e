//! Prints every record the summary-report reader makes of a fixed set of texts (the whole
//! benchmark corpus, the hand-written reports of `test_data/summary-report`, and any files
//! named on the command line), with its diagnostics, in Rust's debug form: a speed change
//! that must not change any output is checked by comparing two dumps byte for byte.
//!
//! `cargo run --release -p ingest --example dump_records -- FILE... > before.txt`, then the
//! same after the change and `cmp before.txt after.txt`.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::io::Write;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut texts: Vec<(String, Vec<u8>)> = Vec::new();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/summary-report");
    let mut fixtures: Vec<_> = std::fs::read_dir(folder)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    fixtures.sort();
    for path in fixtures {
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push((path.display().to_string(), std::fs::read(&path)?));
        }
    }
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        texts.push((path, bytes));
    }
    for report in corpus::corpus(corpus::MIN_BYTES) {
        texts.push((report.name, report.text.into_bytes()));
    }
    let hints = ingest::PeopleHints::default();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for (name, bytes) in &texts {
        writeln!(out, "=== {name}")?;
        match ingest::read_summary_report(name, bytes, &hints) {
            Ok(record) => writeln!(out, "{record:#?}")?,
            Err(error) => writeln!(out, "error: {error}")?,
        }
    }
    out.flush()?;
    Ok(())
}
