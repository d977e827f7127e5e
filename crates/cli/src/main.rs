//! `rapporteur`: the one binary. It parses the command line, reads files, calls the pure
//! crates and maps outcomes to exit codes. It is the only crate that touches the file
//! system, the environment or the process exit status.
//!
//! Exit codes: 0 success; 1 `check` found warnings or errors in a report; 2 a file could
//! not be read, is not a report, or the command line is wrong.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use ingest::PeopleHints;
use model::{Record, Severity};
use render::{Format, RenderOptions};

/// The sample report bundled with the binary: the 106th meeting of the IGF MAG Working Group
/// on IGF Strengthening and Strategy.
const SAMPLE: &str =
    include_str!("../../ingest/test_data/summary-report/seed-igf-wg-strategy-106.txt");
const SAMPLE_NAME: &str = "sample/wg-strategy-106.txt";

#[derive(Parser)]
#[command(
    name = "rapporteur",
    version,
    about = "The record-keeper for working groups"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read the bundled sample report, check it and print it back as Markdown.
    Demo,
    /// Read a report and print its record in another format.
    Convert {
        /// The report to read.
        file: PathBuf,
        /// The output format.
        #[arg(long, default_value = "json")]
        to: String,
        /// Write to this file instead of standard output (all or nothing).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write each speaker's full name at their first mention.
        #[arg(long)]
        full_names: bool,
        /// Known people and aliases (TOML), to settle ambiguous names.
        #[arg(long)]
        people: Option<PathBuf>,
    },
    /// Check reports like a compiler checks code: ambiguous and unknown speakers, agenda items
    /// never discussed, discussion under no agenda item, dates that cannot be resolved.
    Check {
        /// The reports to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Known people and aliases (TOML), to settle ambiguous names.
        #[arg(long)]
        people: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("rapporteur: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Demo => demo(),
        Command::Convert {
            file,
            to,
            output,
            full_names,
            people,
        } => {
            let format: Format = to.parse()?;
            let hints = load_hints(people.as_deref())?;
            let (record, _) = read_report(&file, &hints)?;
            let rendered = render::render(&record, format, &RenderOptions { full_names });
            match output {
                Some(path) => write_atomically(&path, rendered.as_bytes())?,
                None => print(&rendered)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            files,
            format,
            people,
        } => {
            let hints = load_hints(people.as_deref())?;
            check(&files, format, &hints)
        }
    }
}

fn demo() -> Result<ExitCode> {
    let record =
        ingest::read_summary_report(SAMPLE_NAME, SAMPLE.as_bytes(), &PeopleHints::default())
            .context("the bundled sample")?;
    let mut out = String::new();
    out.push_str(&render::diagnostics::render_all(
        SAMPLE_NAME,
        SAMPLE,
        &record.diagnostics,
    ));
    out.push('\n');
    out.push_str(&render::render(
        &record,
        Format::Markdown,
        &RenderOptions { full_names: true },
    ));
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf], format: CheckFormat, hints: &PeopleHints) -> Result<ExitCode> {
    let mut found_problems = false;
    let mut failed = false;
    let mut json = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let (record, source) = match read_report(file, hints) {
            Ok(read) => read,
            Err(error) => {
                eprintln!("rapporteur: {error:#}");
                failed = true;
                continue;
            }
        };
        found_problems |= record
            .diagnostics
            .iter()
            .any(|d| d.severity >= Severity::Warning);
        match format {
            CheckFormat::Text => print(&render::diagnostics::render_all(
                &name,
                &source,
                &record.diagnostics,
            ))?,
            CheckFormat::Json => json.push(serde_json::json!({
                "path": name,
                "diagnostics": render::json::to_json(&record)["diagnostics"].clone(),
            })),
        }
    }
    if let CheckFormat::Json = format {
        print(&format!("{}\n", serde_json::to_string_pretty(&json)?))?;
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if found_problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads and parses one report; a file that is not a report is an error naming the file.
fn read_report(path: &Path, hints: &PeopleHints) -> Result<(Record, String)> {
    let name = path.display().to_string();
    let size = std::fs::metadata(path)
        .with_context(|| format!("{name}: cannot read the file"))?
        .len();
    if size > ingest::input::MAX_BYTES as u64 {
        bail!(
            "{name}: the file is too large ({size} bytes; a report may have at most {} bytes)",
            ingest::input::MAX_BYTES
        );
    }
    // The size from the metadata is not a bound: a device such as /dev/zero reports 0 bytes
    // and never ends, so the read itself stops one byte past the limit.
    let max = ingest::input::MAX_BYTES;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(max as u64 + 1).read_to_end(&mut bytes))
        .with_context(|| format!("{name}: cannot read the file"))?;
    if bytes.len() > max {
        bail!(
            "{name}: the file is too large (more than {max} bytes; a report may have at most {max} bytes)"
        );
    }
    let text = ingest::input::decode(&bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let record = ingest::summary_report::read(&text, &name, hints);
    if let Some(error) = record
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        bail!("{name}: {}", error.message);
    }
    Ok((record, text.content))
}

fn load_hints(path: Option<&Path>) -> Result<PeopleHints> {
    let Some(path) = path else {
        return Ok(PeopleHints::default());
    };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{name}: cannot read the people file"))?;
    PeopleHints::parse(&text).map_err(|e| anyhow::anyhow!("{name}: {e}"))
}

/// Writes next to the target and renames, so a failed write never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.display().to_string();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .with_context(|| format!("{name}: not a file path"))?;
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.with_context(|| format!("{name}: cannot write the file"))
}

/// Prints to standard output; a closed pipe (`| head`) ends quietly.
fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
