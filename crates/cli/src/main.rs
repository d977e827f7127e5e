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

mod archive;
mod documents;

/// jemalloc in place of the C library's allocator. The readers allocate a string or a list
/// for most facts they find, and an import runs several threads that allocate at once: with
/// jemalloc an import of 10,000 generated reports takes about a quarter less CPU time at the
/// same peak memory, and the reader runs 7% fewer instructions (`docs/benchmarks.md`).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
    /// The archive (an SQLite file); default: archive.db in the user's data folder.
    #[arg(long, global = true, env = "RAPPORTEUR_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the bundled example archive and sample report into a temporary archive and
    /// serve it on the web (or, with --no-serve, print a tour of it).
    Demo {
        /// The address to serve on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
        /// Print a tour of the archive instead of serving it.
        #[arg(long)]
        no_serve: bool,
    },
    /// Serve the archive on the web: pages, the JSON API, feeds.
    Serve {
        /// The address to serve on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
    },
    /// Read a report and print its record in another format.
    Convert {
        /// The report to read.
        file: PathBuf,
        /// The format to read (summary-report, …); default: detected from the content.
        #[arg(long, value_parser = parse_reader, value_name = "FORMAT")]
        from: Option<ingest::Reader>,
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
        /// The format to read (summary-report, …); default: detected from the content.
        #[arg(long, value_parser = parse_reader, value_name = "FORMAT")]
        from: Option<ingest::Reader>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Known people and aliases (TOML), to settle ambiguous names.
        #[arg(long)]
        people: Option<PathBuf>,
    },
    /// Speaking statistics of a meeting: turns, words and share of words per speaker and
    /// per stakeholder group, and the questions asked.
    Stats {
        /// The transcript, minutes or report to read.
        file: PathBuf,
        /// The format to read; default: detected from the content.
        #[arg(long, value_parser = parse_reader, value_name = "FORMAT")]
        from: Option<ingest::Reader>,
        /// How to print the statistics.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Known people and aliases (TOML), to settle ambiguous names.
        #[arg(long)]
        people: Option<PathBuf>,
    },
    /// Draft a summary report from a captioning transcript: per agenda item, each speaker's
    /// most content-bearing sentences, quoted with a link to their line, for the rapporteur
    /// to rewrite.
    Draft {
        /// The transcript to read.
        transcript: PathBuf,
        /// Write to this file instead of standard output (all or nothing).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Known people and aliases (TOML), to settle ambiguous names.
        #[arg(long)]
        people: Option<PathBuf>,
    },
    /// Say which format each file is in: every reader's confidence, surest first.
    Detect {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import reports (files or folders) into the archive; a meeting imported again is
    /// updated, not duplicated.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The format to read (summary-report, …); default: detected from the content.
        #[arg(long, value_parser = parse_reader, value_name = "FORMAT")]
        from: Option<ingest::Reader>,
        /// Known people and aliases (TOML), to settle ambiguous names.
        #[arg(long)]
        people: Option<PathBuf>,
        /// The group of the reports that name none (a transcript that starts with the
        /// session's title only): its short name, or the name `rapporteur groups` lists.
        /// A report that names its group keeps it.
        #[arg(long, value_parser = parse_group, value_name = "GROUP")]
        group: Option<String>,
    },
    /// Attach a videoconference tool's attendance export (Zoom participant report, Teams
    /// attendance report) to a stored meeting: who was connected, and for how long.
    Attendance {
        /// The meeting (GROUP/NUMBER, GROUP/YYYY-MM-DD, or an id).
        meeting: String,
        /// The export (CSV; Teams' UTF-16 files too).
        file: PathBuf,
        /// How the export writes dates like 03/04/2026, when neither the dates nor the
        /// meeting's day tell: dmy (day first) or mdy (month first).
        #[arg(long, value_parser = parse_date_order, value_name = "ORDER")]
        dates: Option<ingest::attendance::DateOrder>,
        /// Show what would be attached without storing it.
        #[arg(long)]
        dry_run: bool,
        /// Known people and aliases (TOML), to settle names.
        #[arg(long)]
        people: Option<PathBuf>,
    },
    /// The groups in the archive.
    Groups,
    /// The meetings in the archive, by group and date.
    Meetings {
        /// Only this group (short name).
        #[arg(long)]
        group: Option<String>,
    },
    /// Print a stored meeting (GROUP/NUMBER, GROUP/YYYY-MM-DD, or an id) as a report.
    Show {
        meeting: String,
        /// The output format.
        #[arg(long, default_value = "text")]
        to: String,
        /// Write each speaker's full name at their first mention.
        #[arg(long)]
        full_names: bool,
    },
    /// Write a stored meeting, or the whole archive (--all, JSON), in a format.
    Export {
        /// The meeting (GROUP/NUMBER, GROUP/YYYY-MM-DD, or an id).
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        meeting: Option<String>,
        /// The whole archive as one `rapporteur.archive/1` JSON document.
        #[arg(long)]
        all: bool,
        #[arg(long, default_value = "json")]
        to: String,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        full_names: bool,
    },
    /// Search what was said, best match first.
    Search {
        /// Words that must all occur; "quoted phrases" must occur as written.
        query: String,
        /// Only interventions of this person.
        #[arg(long)]
        speaker: Option<String>,
        /// Only this group (short name).
        #[arg(long)]
        group: Option<String>,
        /// Only under agenda items whose title contains this.
        #[arg(long)]
        item: Option<String>,
        /// Only meetings on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Only meetings on or before this day (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// Results per page.
        #[arg(long, default_value_t = 10)]
        limit: u32,
        /// The page to show, from 1.
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long)]
        json: bool,
    },
    /// One person's positions over time: every intervention, whom they agreed with and who
    /// agreed with them.
    Person {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// People across meetings.
    #[command(subcommand)]
    People(PeopleCommand),
    /// Negotiated documents: revisions, paragraphs, redlines, consultations and comments.
    #[command(subcommand)]
    Doc(documents::DocCommand),
    /// Settle an ambiguous or unknown speaker everywhere it occurs ("Jorge" is Jorge
    /// Cancio); with no name, list the names still unsettled.
    Resolve {
        /// The name as the reports write it.
        #[arg(requires = "person")]
        name: Option<String>,
        /// The person it means.
        #[arg(long = "as", value_name = "PERSON")]
        person: Option<String>,
        /// Only in this group (and record the alias for this group).
        #[arg(long, conflicts_with = "meeting")]
        group: Option<String>,
        /// Only in this meeting (no alias recorded).
        #[arg(long)]
        meeting: Option<String>,
    },
    /// Rebuild the search index and every derived table from the stored records.
    Reindex,
    /// Write a consistent copy of the archive, even while it is in use.
    Backup { file: PathBuf },
}

#[derive(Subcommand)]
enum PeopleCommand {
    /// Every person in the archive, with their meetings and interventions.
    List,
    /// One person: affiliations over time, interventions, agreements (as `person`).
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Record another way a person's name is written ("Jorge" for Jorge Cancio).
    Alias {
        /// The person, by full name.
        person: String,
        /// The name as reports write it.
        alias: String,
        /// Only in this group (short name); default: every group.
        #[arg(long)]
        group: Option<String>,
    },
    /// Make two person records one: KEEP takes everything of OTHER, and OTHER's name
    /// becomes an alias of KEEP.
    Merge { keep: String, other: String },
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
    let db_path = || -> Result<PathBuf> {
        match &cli.db {
            Some(path) => Ok(path.clone()),
            None => archive::default_db(),
        }
    };
    // Commands that change the archive open it for writing (creating it if need be); the
    // others open it read-only, so a published archive on a read-only disk still works.
    let db = || archive::open(&db_path()?);
    let db_ro = || archive::open_read_only(&db_path()?);
    let result = run_command(cli.command, &db_path, &db, &db_ro);
    // A database-level failure names the archive, like every other file error.
    result.map_err(|error| match error.downcast_ref::<store::StoreError>() {
        Some(
            store::StoreError::Locked
            | store::StoreError::ReadOnly
            | store::StoreError::Database(_),
        ) => match db_path() {
            Ok(path) => error.context(path.display().to_string()),
            Err(_) => error,
        },
        _ => error,
    })
}

fn run_command(
    command: Command,
    db_path: &dyn Fn() -> Result<PathBuf>,
    db: &dyn Fn() -> Result<store::Store>,
    db_ro: &dyn Fn() -> Result<store::Store>,
) -> Result<ExitCode> {
    match command {
        Command::Demo { bind, no_serve } => demo(&bind, no_serve),
        Command::Serve { bind } => {
            let path = db_path()?;
            // Check the archive first, so a bad --db is one clear line.
            drop(archive::open_read_only(&path)?);
            serve(&bind, path)
        }
        Command::Convert {
            file,
            from,
            to,
            output,
            full_names,
            people,
        } => {
            let format: Format = to.parse()?;
            let hints = load_hints(people.as_deref())?;
            let (record, _, _) = read_report(&file, &hints, from)?;
            let rendered = render::render(&record, format, &RenderOptions { full_names });
            match output {
                Some(path) => write_atomically(&path, rendered.as_bytes())?,
                None => print(&rendered)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            files,
            from,
            format,
            people,
        } => {
            let hints = load_hints(people.as_deref())?;
            check(&files, format, &hints, from)
        }
        Command::Stats {
            file,
            from,
            format,
            people,
        } => {
            let hints = load_hints(people.as_deref())?;
            let (record, _, _) = read_report(&file, &hints, from)?;
            let stats = render::stats::compute(&record);
            print(&match format {
                CheckFormat::Text => render::stats::to_text(&stats, &file.display().to_string()),
                CheckFormat::Json => {
                    format!(
                        "{}\n",
                        serde_json::to_string_pretty(&render::stats::to_json(&stats))?
                    )
                }
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Draft {
            transcript,
            output,
            people,
        } => {
            let hints = load_hints(people.as_deref())?;
            let (record, source, _) =
                read_report(&transcript, &hints, Some(ingest::Reader::Transcript))?;
            let draft = render::draft::draft(&record, &source);
            match output {
                Some(path) => write_atomically(&path, draft.as_bytes())?,
                None => print(&draft)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Detect { files } => detect(&files),
        Command::Import {
            paths,
            from,
            people,
            group,
        } => {
            let hints = load_hints(people.as_deref())?;
            archive::import(&mut db()?, &paths, &hints, from, group.as_deref())
        }
        Command::Attendance {
            meeting,
            file,
            dates,
            dry_run,
            people,
        } => {
            let hints = load_hints(people.as_deref())?;
            let bytes = read_bytes(&file)?;
            let mut store = if dry_run { db_ro()? } else { db()? };
            let attach = archive::Attach {
                meeting: &meeting,
                file: &file,
                bytes: &bytes,
                order: dates,
                dry_run,
            };
            printed(archive::attendance(&mut store, &attach, &hints))
        }
        Command::Groups => printed(archive::groups(&db_ro()?)),
        Command::Meetings { group } => printed(archive::meetings(&db_ro()?, group.as_deref())),
        Command::Show {
            meeting,
            to,
            full_names,
        } => archive::export_one(&db_ro()?, &meeting, to.parse()?, full_names, None),
        Command::Export {
            meeting,
            all,
            to,
            output,
            full_names,
        } => {
            let format: Format = to.parse()?;
            match meeting {
                Some(meeting) => {
                    archive::export_one(&db_ro()?, &meeting, format, full_names, output.as_deref())
                }
                None if all && format == Format::Json => {
                    archive::export_all(&db_ro()?, output.as_deref())
                }
                None => bail!("--all exports JSON only (--to json)"),
            }
        }
        Command::Search {
            query,
            speaker,
            group,
            item,
            since,
            until,
            limit,
            page,
            json,
        } => {
            for day in [&since, &until].into_iter().flatten() {
                day.parse::<jiff::civil::Date>()
                    .map_err(|_| anyhow::anyhow!("'{day}' is not a day (YYYY-MM-DD)"))?;
            }
            let query = store::SearchQuery {
                text: query,
                speaker,
                group,
                item,
                since,
                until,
                limit: limit.clamp(1, 1000),
                offset: page.max(1).saturating_sub(1).saturating_mul(limit),
            };
            printed(archive::search(&db_ro()?, &query, json))
        }
        Command::Person { name, json } | Command::People(PeopleCommand::Show { name, json }) => {
            printed(archive::person(&db_ro()?, &name, json))
        }
        Command::Doc(command) => {
            documents::run(|write| if write { db() } else { db_ro() }, command)
        }
        Command::People(PeopleCommand::List) => printed(archive::people_list(&db_ro()?)),
        Command::People(PeopleCommand::Alias {
            person,
            alias,
            group,
        }) => {
            let added = db()?.add_alias(&person, &alias, group.as_deref())?;
            print(&if added {
                format!("'{alias}' now names {person}.\n")
            } else {
                format!("'{alias}' already named {person}.\n")
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::People(PeopleCommand::Merge { keep, other }) => {
            let (kept, gone) = db()?.merge(&keep, &other)?;
            print(&format!(
                "{gone} is now {kept}; '{gone}' is kept as an alias.\n"
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Resolve {
            name,
            person,
            group,
            meeting,
        } => match (name, person) {
            (Some(name), Some(person)) => {
                let scope = match (group, meeting) {
                    (Some(group), _) => store::Scope::Group(group),
                    (None, Some(meeting)) => store::Scope::Meeting(meeting),
                    (None, None) => store::Scope::Everywhere,
                };
                printed(archive::resolve(&mut db()?, &name, &person, &scope))
            }
            _ => printed(archive::unresolved(&db_ro()?)),
        },
        Command::Reindex => {
            let n = db()?.reindex()?;
            print(&format!(
                "Reindexed {n} meeting{}.\n",
                if n == 1 { "" } else { "s" }
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { file } => {
            if file.exists() {
                bail!(
                    "{}: the file exists; a backup never overwrites",
                    file.display()
                );
            }
            db_ro()?
                .backup(&file)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            print(&format!("Backed up to {}.\n", file.display()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The example archive compiled into the binary: eight meetings of the fictional WG-Data.
const EXAMPLES: [(&str, &str); 8] = [
    (
        "examples/archive/wg-data-021.txt",
        include_str!("../../../examples/archive/wg-data-021.txt"),
    ),
    (
        "examples/archive/wg-data-022.txt",
        include_str!("../../../examples/archive/wg-data-022.txt"),
    ),
    (
        "examples/archive/wg-data-023.txt",
        include_str!("../../../examples/archive/wg-data-023.txt"),
    ),
    (
        "examples/archive/wg-data-024.txt",
        include_str!("../../../examples/archive/wg-data-024.txt"),
    ),
    (
        "examples/archive/wg-data-025.txt",
        include_str!("../../../examples/archive/wg-data-025.txt"),
    ),
    (
        "examples/archive/wg-data-026.txt",
        include_str!("../../../examples/archive/wg-data-026.txt"),
    ),
    (
        "examples/archive/wg-data-027.txt",
        include_str!("../../../examples/archive/wg-data-027.txt"),
    ),
    (
        "examples/archive/wg-data-028.txt",
        include_str!("../../../examples/archive/wg-data-028.txt"),
    ),
];

/// A tour: the sample report checked, then the example archive and the sample read into an
/// archive in memory, and what the archive answers.
/// Serves an archive, printing where, until Ctrl-C.
fn serve(bind: &str, path: PathBuf) -> Result<ExitCode> {
    web::run(bind, path, |address| {
        let _ = print(&format!(
            "Serving the archive on http://{address}/ (Ctrl-C to stop)\n"
        ));
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The example archive and the sample, read into the archive `store`.
fn load_examples(store: &mut store::Store) -> Result<()> {
    let hints = PeopleHints::default();
    let now = archive::now();
    for (name, text) in EXAMPLES.iter().chain([&(SAMPLE_NAME, SAMPLE)]) {
        let record = ingest::read_summary_report(name, text.as_bytes(), &hints)
            .with_context(|| format!("the bundled {name}"))?;
        store.import(&record, Some(text), &now)?;
    }
    documents::load_bundled(store)?;
    Ok(())
}

fn demo(bind: &str, no_serve: bool) -> Result<ExitCode> {
    if no_serve {
        return tour();
    }
    let dir = tempfile::tempdir().context("cannot make a temporary folder for the demo")?;
    let path = dir.path().join("archive.db");
    let mut store = archive::open(&path)?;
    load_examples(&mut store)?;
    let groups = store.groups()?;
    let documents = store.documents()?.len();
    drop(store);
    print(&format!(
        "rapporteur demo: {} meetings of {} groups and {} negotiated document (the example archive and the sample report) in a temporary archive, {}\n",
        groups.iter().map(|g| g.meetings).sum::<u32>(),
        groups.len(),
        documents,
        path.display()
    ))?;
    serve(bind, path)
}

/// The demo without a server: the sample checked, then what the archive answers.
fn tour() -> Result<ExitCode> {
    let mut out = String::new();
    let heading = |out: &mut String, title: &str| {
        out.push_str(&format!(
            "\n{title}\n{}\n\n",
            "=".repeat(title.chars().count())
        ));
    };
    let hints = PeopleHints::default();
    let sample = ingest::read_summary_report(SAMPLE_NAME, SAMPLE.as_bytes(), &hints)
        .context("the bundled sample")?;
    out.push_str(&format!("rapporteur check {SAMPLE_NAME}\n\n"));
    out.push_str(&render::diagnostics::render_all(
        SAMPLE_NAME,
        SAMPLE,
        &sample.diagnostics,
    ));

    let mut store = store::Store::in_memory()?;
    load_examples(&mut store)?;
    heading(&mut out, "rapporteur groups");
    out.push_str(&archive::groups(&store)?);
    heading(&mut out, "rapporteur meetings");
    out.push_str(&archive::meetings(&store, None)?);
    heading(&mut out, "rapporteur search \"financing mechanisms\"");
    let query = store::SearchQuery {
        text: "financing mechanisms".into(),
        limit: 3,
        ..store::SearchQuery::default()
    };
    out.push_str(&archive::search(&store, &query, false)?);
    heading(&mut out, "rapporteur person \"Wanjiru Kamau\"");
    out.push_str(&archive::person(&store, "Wanjiru Kamau", false)?);
    heading(&mut out, "rapporteur resolve");
    out.push_str(&archive::unresolved(&store)?);
    out.push_str(
        "\nThis archive lived in memory. To keep one, import reports into a file:\n    \
         rapporteur import examples/archive\n(the archive is archive.db in your data folder, \
         or --db PATH), then try the commands above; `rapporteur --help` lists them all.\n",
    );
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn check(
    files: &[PathBuf],
    format: CheckFormat,
    hints: &PeopleHints,
    from: Option<ingest::Reader>,
) -> Result<ExitCode> {
    let mut found_problems = false;
    let mut failed = false;
    let mut json = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let (record, source, choice) = match read_report(file, hints, from) {
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
            CheckFormat::Text => print(&format!(
                "{name}: read as {}\n\n{}",
                choice.describe(),
                render::diagnostics::render_all(&name, &source, &record.diagnostics)
            ))?,
            CheckFormat::Json => json.push(serde_json::json!({
                "path": name,
                "reader": choice_json(&choice),
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

/// `rapporteur detect FILE…`: every reader's confidence for each file.
fn detect(files: &[PathBuf]) -> Result<ExitCode> {
    let mut failed = false;
    let mut out = String::new();
    for file in files {
        let name = file.display().to_string();
        let text = read_bytes(file).and_then(|bytes| {
            ingest::input::decode(&bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))
        });
        let text = match text {
            Ok(text) => text,
            Err(error) => {
                eprintln!("rapporteur: {error:#}");
                failed = true;
                continue;
            }
        };
        let guesses = ingest::detect::detect(&text);
        let verdict = if guesses[0].confidence >= ingest::detect::THRESHOLD {
            format!("{}", guesses[0].reader)
        } else {
            failed = true;
            "no known format".to_owned()
        };
        out.push_str(&format!("{name}: {verdict}\n"));
        for guess in guesses {
            out.push_str(&format!(
                "  {:>3}%  {} ({})\n",
                guess.confidence,
                guess.reader,
                guess.reader.describe()
            ));
        }
    }
    print(&out)?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--dates dmy|mdy`.
fn parse_date_order(text: &str) -> Result<ingest::attendance::DateOrder, String> {
    ingest::attendance::DateOrder::parse(text)
        .ok_or_else(|| format!("'{text}' is neither dmy (day first) nor mdy (month first)"))
}

/// `--group GROUP`: a group's name, trimmed; a blank one is refused.
fn parse_group(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a group needs a name".to_owned());
    }
    Ok(name.to_owned())
}

/// `--from NAME`: a reader by its name, or the list of names.
fn parse_reader(name: &str) -> Result<ingest::Reader, String> {
    ingest::Reader::parse(name).ok_or_else(|| {
        let known: Vec<&str> = ingest::Reader::ALL.iter().map(|r| r.name()).collect();
        format!("unknown format '{name}' (known: {})", known.join(", "))
    })
}

/// How a file's reader was chosen, for `check --format json`.
fn choice_json(choice: &ingest::Choice) -> serde_json::Value {
    match choice {
        ingest::Choice::Named(reader) => serde_json::json!({
            "name": reader.name(),
            "chosen": "named",
        }),
        ingest::Choice::Detected(guesses) => serde_json::json!({
            "name": guesses[0].reader.name(),
            "chosen": "detected",
            "confidence": guesses
                .iter()
                .map(|g| (g.reader.name().to_owned(), serde_json::json!(g.confidence)))
                .collect::<serde_json::Map<_, _>>(),
        }),
    }
}

/// Reads and parses one file with the reader named, or the one its content fits; a file
/// that fits no reader, or that the reader finds is no record at all, is an error naming
/// the file.
fn read_report(
    path: &Path,
    hints: &PeopleHints,
    from: Option<ingest::Reader>,
) -> Result<(Record, String, ingest::Choice)> {
    read_report_by(path, |name, bytes| {
        ingest::detect::read(name, bytes, hints, from)
    })
}

/// [`read_report`] for an import, which needs the record and the reader that read it, not
/// every reader's opinion ([`ingest::detect::read_best`]).
fn read_report_best(
    path: &Path,
    hints: &PeopleHints,
    from: Option<ingest::Reader>,
) -> Result<(Record, String, ingest::Reader)> {
    read_report_by(path, |name, bytes| {
        ingest::detect::read_best(name, bytes, hints, from)
    })
}

/// Reads a file's bytes with `read`, and refuses a record whose reader found it is none.
fn read_report_by<C>(
    path: &Path,
    read: impl FnOnce(&str, &[u8]) -> Result<(Record, C, ingest::Text), ingest::detect::ReadError>,
) -> Result<(Record, String, C)> {
    let name = path.display().to_string();
    let bytes = read_bytes(path)?;
    let (record, choice, text) = read(&name, &bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    if let Some(error) = record
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        bail!("{name}: {}", error.message);
    }
    Ok((record, text.content, choice))
}

/// A file's bytes, refusing files over the size any reader accepts.
fn read_bytes(path: &Path) -> Result<Vec<u8>> {
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
    Ok(bytes)
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

/// Prints a command's output and succeeds.
fn printed(out: Result<String>) -> Result<ExitCode> {
    print(&out?)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints to standard output; a closed pipe (`| head`) ends quietly.
fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
