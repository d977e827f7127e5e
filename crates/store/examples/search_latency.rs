//! Search latency of an archive, measured in process so that starting a program is not
//! counted: a fixed mix of queries, each run many times through `Store::search`, and the
//! 50th, 90th and 99th percentile of the times per kind of query.
//!
//! The queries are written for archives of the generated corpus (`crates/ingest/benches/
//! corpus.rs`, written out by `cargo run --release -p ingest --example gen_corpus -- DIR
//! COUNT` and imported with `rapporteur import`): its groups, its people and its words.
//! Every query asks for the first page of ten, as `rapporteur search` does by default.
//! Figures and how to reproduce them: `docs/benchmarks.md`, "The archive".
//!
//! ```sh
//! cargo run --release -p store --example search_latency -- ARCHIVE.db [ROUNDS]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use store::{SearchQuery, Store};

/// One kind of query and its examples.
struct Class {
    name: &'static str,
    queries: Vec<SearchQuery>,
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_owned(),
        limit: 10,
        ..SearchQuery::default()
    }
}

fn classes() -> Vec<Class> {
    let with = |text: &str, filter: fn(&mut SearchQuery)| {
        let mut q = query(text);
        filter(&mut q);
        q
    };
    vec![
        Class {
            name: "one common word",
            queries: [
                "noted",
                "secretariat",
                "draft",
                "stakeholders",
                "governance",
            ]
            .map(query)
            .into(),
        },
        Class {
            name: "one rare word",
            queries: ["101tre", "75tre", "137", "obinna", "marguerite"]
                .map(query)
                .into(),
        },
        Class {
            name: "two words",
            queries: [
                "financing mechanisms",
                "help desk",
                "mandate renewal",
                "global south",
                "footnote clarified",
            ]
            .map(query)
            .into(),
        },
        Class {
            name: "a phrase",
            queries: [
                "\"multistakeholder model\"",
                "\"clearer wording\"",
                "\"revised draft\"",
                "\"right direction\"",
                "\"truly inclusive discussion\"",
            ]
            .map(query)
            .into(),
        },
        Class {
            name: "word + --speaker",
            queries: vec![
                with("noted", |q| q.speaker = Some("Jorge Cancio".into())),
                with("draft", |q| q.speaker = Some("Timea Suto".into())),
                with("financing", |q| q.speaker = Some("Ana Neves".into())),
                with("footnote", |q| q.speaker = Some("Chris Buckridge".into())),
            ],
        },
        Class {
            name: "word + --group",
            queries: vec![
                with("noted", |q| q.group = Some("WG-Strategy".into())),
                with("financing mechanisms", |q| q.group = Some("TF-FM".into())),
                with("footnote", |q| q.group = Some("DC-DT".into())),
                with("\"revised draft\"", |q| q.group = Some("PNMA".into())),
            ],
        },
        Class {
            name: "word + --since",
            queries: vec![
                with("noted", |q| q.since = Some("2027-01-01".into())),
                with("help desk", |q| q.since = Some("2026-06-01".into())),
                with("stymie", |q| q.since = Some("2027-06-01".into())),
                with("\"clearer wording\"", |q| {
                    q.since = Some("2025-01-01".into())
                }),
            ],
        },
    ]
}

/// The value below which `p` percent of the sorted times lie (nearest rank).
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let usage = "usage: search_latency ARCHIVE.db [ROUNDS]";
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let rounds = match args
        .next()
        .map(|a| a.to_str().and_then(|a| a.parse::<usize>().ok()))
    {
        None => 20,
        Some(Some(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let store = match Store::open(&path) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("search_latency: {}: {error}", path.display());
            return ExitCode::from(2);
        }
    };
    let classes = classes();

    // One pass first, untimed: it fills SQLite's page cache and the statement cache, and
    // gives the number of matches of each query.
    println!("| query | matches |\n|---|---:|");
    for class in &classes {
        for q in &class.queries {
            match store.search(q) {
                Ok(results) => println!("| {} | {} |", describe(q), results.total),
                Err(error) => {
                    eprintln!("search_latency: {}: {error}", describe(q));
                    return ExitCode::from(2);
                }
            }
        }
    }

    // Rounds interleave the classes, so a burst of load from elsewhere on the machine is
    // spread over all of them instead of spoiling one.
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); classes.len()];
    let mut each: Vec<Vec<Duration>> =
        vec![Vec::new(); classes.iter().map(|c| c.queries.len()).sum()];
    for _ in 0..rounds {
        let mut n = 0;
        for (class, out) in classes.iter().zip(&mut times) {
            for q in &class.queries {
                let start = Instant::now();
                let results = store.search(q).expect("the query ran in the first pass");
                let took = start.elapsed();
                out.push(took);
                each[n].push(took);
                n += 1;
                std::hint::black_box(results);
            }
        }
    }

    println!("\n| query | p50 ms | max ms |\n|---|---:|---:|");
    let queries = classes.iter().flat_map(|c| &c.queries);
    for (q, mut t) in queries.zip(each) {
        t.sort();
        println!(
            "| {} | {} | {} |",
            describe(q),
            ms(percentile(&t, 50)),
            ms(*t.last().expect("at least one round"))
        );
    }

    println!("\n{rounds} rounds\n");
    println!("| kind of query | searches | p50 ms | p90 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut all = Vec::new();
    for (class, mut t) in classes.iter().zip(times) {
        t.sort();
        print_row(class.name, &t);
        all.extend(t);
    }
    all.sort();
    print_row("all", &all);
    ExitCode::SUCCESS
}

fn print_row(name: &str, sorted: &[Duration]) {
    println!(
        "| {name} | {} | {} | {} | {} | {} |",
        sorted.len(),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 90)),
        ms(percentile(sorted, 99)),
        ms(*sorted.last().expect("at least one round"))
    );
}

fn describe(q: &SearchQuery) -> String {
    let mut out = format!("`{}`", q.text);
    for (flag, value) in [
        ("--speaker", &q.speaker),
        ("--group", &q.group),
        ("--since", &q.since),
    ] {
        if let Some(value) = value {
            out.push_str(&format!(" {flag} {value}"));
        }
    }
    out
}
