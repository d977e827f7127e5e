//! Writes the benchmark corpus to a folder, one file per report, so the binary can be timed
//! on exactly the text `benches/read.rs` measures:
//!
//! ```sh
//! cargo run --release -p ingest --example gen_corpus -- OUT_DIR
//! ```
//!
//! With a COUNT it writes the first COUNT reports of the same endless corpus instead (the
//! default corpus is its first 1,332), for the archive's import and search benchmarks:
//!
//! ```sh
//! cargo run --release -p ingest --example gen_corpus -- OUT_DIR 10000
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/corpus.rs"]
mod corpus;

const USAGE: &str = "usage: gen_corpus OUT_DIR [COUNT]";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let count = match args.next().map(|arg| arg.to_str().map(str::parse::<usize>)) {
        None => None,
        Some(Some(Ok(count))) if count > 0 => Some(count),
        Some(_) => {
            eprintln!("gen_corpus: COUNT must be a number of reports above 0\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.next().is_some() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "gen_corpus: {}: cannot create the folder: {error}",
            dir.display()
        );
        return ExitCode::from(2);
    }
    // Reports are written as they are generated, so a large COUNT needs no more memory than
    // one report.
    let reports: Box<dyn Iterator<Item = corpus::Report>> = match count {
        Some(count) => Box::new(corpus::reports().take(count)),
        None => Box::new(corpus::corpus(corpus::MIN_BYTES).into_iter()),
    };
    let (mut written, mut bytes) = (0, 0);
    for report in reports {
        let path = dir.join(&report.name);
        if let Err(error) = std::fs::write(&path, &report.text) {
            eprintln!(
                "gen_corpus: {}: cannot write the file: {error}",
                path.display()
            );
            return ExitCode::from(2);
        }
        written += 1;
        bytes += report.text.len();
    }
    println!("{written} reports, {bytes} bytes, in {}", dir.display());
    ExitCode::SUCCESS
}
