//! Writes the benchmark corpus to a folder, one file per report, so the binary can be timed
//! on exactly the text `benches/read.rs` measures:
//!
//! ```sh
//! cargo run --release -p ingest --example gen_corpus -- OUT_DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: gen_corpus OUT_DIR");
        return ExitCode::from(2);
    };
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "gen_corpus: {}: cannot create the folder: {error}",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let reports = corpus::corpus(corpus::MIN_BYTES);
    let mut bytes = 0;
    for report in &reports {
        let path = dir.join(&report.name);
        if let Err(error) = std::fs::write(&path, &report.text) {
            eprintln!(
                "gen_corpus: {}: cannot write the file: {error}",
                path.display()
            );
            return ExitCode::from(2);
        }
        bytes += report.text.len();
    }
    println!(
        "{} reports, {bytes} bytes, in {}",
        reports.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}
