//! Redline speed: two generated revisions of 300 paragraphs (about 30,000 words) with the
//! edits negotiators make between revisions, aligned and word-diffed; and, in the same run,
//! `git diff --no-index --word-diff` on the same two texts, for comparison.
//!
//! The revisions are generated from a fixed seed (see `revisions`), so every run on every
//! machine compares the same bytes. Both texts are also written to `target/texts-bench/` so
//! the two outputs can be compared by eye. Figures and how to reproduce them:
//! `docs/benchmarks.md`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

const VOCABULARY: &[&str] = &[
    "we",
    "recognise",
    "reaffirm",
    "the",
    "importance",
    "of",
    "digital",
    "cooperation",
    "in",
    "achieving",
    "sustainable",
    "development",
    "and",
    "call",
    "upon",
    "all",
    "stakeholders",
    "to",
    "strengthen",
    "efforts",
    "towards",
    "an",
    "inclusive",
    "people-centred",
    "information",
    "society",
    "Member",
    "States",
    "private",
    "sector",
    "civil",
    "technical",
    "academic",
    "communities",
    "international",
    "organizations",
    "affordable",
    "meaningful",
    "connectivity",
    "for",
    "women",
    "girls",
    "persons",
    "with",
    "disabilities",
    "rural",
    "areas",
    "least",
    "developed",
    "countries",
    "small",
    "island",
    "developing",
    "capacity",
    "building",
    "data",
    "governance",
    "human",
    "rights",
    "online",
    "offline",
    "artificial",
    "intelligence",
    "safety",
    "trust",
    "security",
    "infrastructure",
    "financing",
    "mechanisms",
    "innovative",
    "public",
    "goods",
    "open",
    "source",
    "software",
    "standards",
    "electronic",
    "waste",
    "environmental",
    "impact",
    "energy",
    "climate",
    "Forum",
    "mandate",
    "review",
    "process",
    "implementation",
    "follow-up",
    "Secretary-General",
    "report",
    "progress",
    "every",
    "two",
    "years",
    "including",
    "through",
    "multistakeholder",
    "model",
    "Internet",
    "governance",
    "national",
    "regional",
    "youth",
    "skills",
    "literacy",
    "education",
    "health",
    "gender",
    "divide",
    "bridging",
];

/// A small xorshift generator: the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Made-up content words from syllables: a few thousand, so that, as in real texts, two
/// paragraphs share their small words but few of their content words.
fn lexicon() -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "de", "ga", "pe", "zu", "ri", "an", "el",
        "on", "ur", "is",
    ];
    let mut out = Vec::new();
    for a in SYLLABLES {
        for b in SYLLABLES {
            for c in ["", "tion", "ment", "al"] {
                out.push(format!("{a}{b}{c}"));
            }
        }
    }
    out
}

fn sentence(rng: &mut Rng, lexicon: &[String], words: usize) -> String {
    let mut out: Vec<&str> = (0..words)
        .map(|_| {
            if rng.below(5) < 3 {
                VOCABULARY[rng.below(VOCABULARY.len())]
            } else {
                lexicon[rng.below(lexicon.len())].as_str()
            }
        })
        .collect();
    out[0] = "We";
    format!("{}.", out.join(" "))
}

/// A paragraph of about a hundred words, in four or five sentences.
fn paragraph(rng: &mut Rng, lexicon: &[String]) -> String {
    let sentences = 4 + rng.below(2);
    (0..sentences)
        .map(|_| {
            let words = 18 + rng.below(8);
            sentence(rng, lexicon, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The texts of revision A and revision B. B has 30 paragraphs edited (words replaced, a
/// phrase added, a phrase bracketed), 4 status tags, a new paragraph 12 (so every later number
/// shifts), 2 deletions, 2 moves, a split and a merge; both are numbered 1, 2, 3… as typed.
fn revisions() -> (String, String) {
    let mut rng = Rng(0x5eed_2026_7e57);
    let lexicon = lexicon();
    let mut a: Vec<String> = (0..300).map(|_| paragraph(&mut rng, &lexicon)).collect();
    // Section headings stand before every 25th paragraph and move with their paragraphs.
    for k in (0..12).rev() {
        a.insert(k * 25, format!("## Section {}", k + 1));
    }
    let mut b: Vec<String> = a.clone();
    for k in 0..30 {
        let at = 3 + k * 9 + rng.below(5);
        if b[at].starts_with('#') {
            continue;
        }
        let mut words: Vec<String> = b[at].split(' ').map(str::to_owned).collect();
        for _ in 0..3 {
            let w = 1 + rng.below(words.len() - 2);
            words[w] = VOCABULARY[rng.below(VOCABULARY.len())].to_owned();
        }
        let w = 1 + rng.below(words.len() - 6);
        if k % 3 == 0 {
            words[w] = format!("[{}", words[w]);
            words[w + 3] = format!("{}]", words[w + 3]);
        } else {
            words.insert(w, "in particular for developing countries".to_owned());
        }
        b[at] = words.join(" ");
    }
    for at in [20, 75, 160, 240] {
        b[at].push_str(" [agreed ad ref]");
    }
    let split = b[150].clone();
    let cut = split.find(". ").map_or(split.len() / 2, |i| i + 1);
    b[150] = split[..cut].to_owned();
    b.insert(151, split[cut..].trim().to_owned());
    let merged = b.remove(182);
    b[181] = format!("{} {}", b[181], merged);
    let moved = b.remove(200);
    b.insert(50, moved);
    let moved = b.remove(120);
    b.insert(250, moved);
    b.remove(90);
    b.remove(40);
    b.insert(11, paragraph(&mut rng, &lexicon));
    (typeset("Zero draft", &a), typeset("Rev1", &b))
}

fn typeset(label: &str, paragraphs: &[String]) -> String {
    let mut out = format!("# Generated Outcome Document — {label}\n\n");
    let mut number = 0;
    for text in paragraphs {
        if text.starts_with('#') {
            out.push_str(&format!("{text}\n\n"));
        } else {
            number += 1;
            out.push_str(&format!("{number}. {text}\n\n"));
        }
    }
    out
}

fn out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/texts-bench")
}

/// Times `git diff --no-index --word-diff` on the two files: the median of `runs` runs.
fn time_git(a: &PathBuf, b: &PathBuf, runs: usize) -> Option<(Duration, String)> {
    let mut times = Vec::new();
    let mut output = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let out = std::process::Command::new("git")
            .args(["diff", "--no-index", "--word-diff", "--no-color"])
            .arg(a)
            .arg(b)
            .output()
            .ok()?;
        times.push(start.elapsed());
        output = String::from_utf8_lossy(&out.stdout).into_owned();
    }
    times.sort();
    Some((times[times.len() / 2], output))
}

fn redline(c: &mut Criterion) {
    let (a_text, b_text) = revisions();
    let a = texts::read_revision("a.md", a_text.as_bytes()).expect("a readable revision");
    let b = texts::read_revision("b.md", b_text.as_bytes()).expect("a readable revision");
    let d = texts::diff(&a, &b);
    println!(
        "revisions: {} and {} paragraphs, {} and {} words; {}",
        a.paragraphs.len(),
        b.paragraphs.len(),
        a.word_count(),
        b.word_count(),
        texts::render::summary_line(&d.summary)
    );

    let dir = out_dir();
    std::fs::create_dir_all(&dir).expect("a folder for the texts");
    let (path_a, path_b) = (dir.join("a.md"), dir.join("b.md"));
    std::fs::write(&path_a, &a_text).expect("written");
    std::fs::write(&path_b, &b_text).expect("written");
    std::fs::write(
        dir.join("redline.txt"),
        texts::render_diff(&d, &a, &b, texts::DiffFormat::Terminal { color: false }),
    )
    .expect("written");
    match time_git(&path_a, &path_b, 21) {
        Some((median, output)) => {
            std::fs::write(dir.join("git-word-diff.txt"), &output).expect("written");
            println!(
                "git diff --no-index --word-diff: median {:.2} ms over 21 runs (process start included), {} lines of output",
                median.as_secs_f64() * 1000.0,
                output.lines().count()
            );
        }
        None => println!("git diff --no-index --word-diff: git could not be run"),
    }

    let mut group = c.benchmark_group("redline-300");
    group.bench_function("align", |bench| {
        bench.iter(|| black_box(texts::align(&a, &b)))
    });
    group.bench_function("align_and_word_diff", |bench| {
        bench.iter(|| black_box(texts::diff(&a, &b)));
    });
    group.bench_function("read_both_and_diff", |bench| {
        bench.iter(|| {
            let a = texts::read_revision("a.md", a_text.as_bytes()).expect("readable");
            let b = texts::read_revision("b.md", b_text.as_bytes()).expect("readable");
            black_box(texts::diff(&a, &b))
        });
    });
    group.bench_function("history_of_two", |bench| {
        bench.iter(|| black_box(texts::History::build(&[&a, &b])));
    });
    group.finish();
}

criterion_group!(benches, redline);
criterion_main!(benches);
