//! `rapporteur doc …`: negotiated documents in the archive. The store keeps each revision's
//! bytes; the `texts` crate reads them here, so what is shown is always what was received.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::Subcommand;
use store::{RevisionSummary, Store};
use texts::{ParagraphKind, Revision};

use crate::{print, read_bytes};

#[derive(Subcommand)]
pub enum DocCommand {
    /// Create a document (a negotiated text), to which revisions are then added.
    Add {
        /// Its title ("Data Stewardship Principles").
        title: String,
        /// A short name for commands and addresses ("dsp"); default: from the title.
        #[arg(long)]
        short: Option<String>,
        /// The body that owns the text.
        #[arg(long)]
        owner: Option<String>,
    },
    /// Add a revision (plain text, Markdown or DOCX) after the document's last one.
    Revise {
        /// The document (short name or title).
        document: String,
        file: PathBuf,
        /// Its label: "Zero draft", "Rev1", "Rev 2"…; a label the document has is refused.
        #[arg(long)]
        label: String,
        /// The day it was circulated (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
    },
    /// Create a document and add its revisions from a folder with a `document.toml`.
    Import { folder: PathBuf },
    /// The documents in the archive, with their revisions.
    List,
    /// A revision of a document (the last one by default), or one of its paragraphs.
    Show {
        document: String,
        /// The revision's label; default: the last.
        #[arg(long)]
        rev: Option<String>,
        /// Only this paragraph ("101", "54 bis", "PP3").
        #[arg(long)]
        para: Option<String>,
    },
    /// The redline between two revisions: paragraphs aligned by their text, words inserted
    /// and deleted, moves as moves, and a summary.
    Diff {
        document: String,
        /// The earlier revision's label.
        from: String,
        /// The later revision's label.
        to: String,
        /// terminal (colours on a terminal), markdown, html (inline), side-by-side (HTML), json.
        #[arg(long, default_value = "terminal")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// One paragraph through every revision: its number, its text and what changed.
    History {
        document: String,
        /// The paragraph's number in --rev.
        #[arg(long)]
        para: String,
        /// The revision the number is of; default: the last.
        #[arg(long)]
        rev: Option<String>,
    },
    /// Comment on a paragraph of a revision, or on a quoted span of it.
    Comment {
        document: String,
        #[arg(long)]
        rev: String,
        #[arg(long)]
        para: String,
        /// Who comments.
        #[arg(long)]
        author: String,
        /// The comment.
        #[arg(long)]
        text: String,
        /// The exact words of the paragraph the comment is about (once in the paragraph).
        #[arg(long)]
        quote: Option<String>,
    },
    /// Every comment, where it stands in a revision (the last by default), and whether the
    /// words it quoted survived, changed or disappeared.
    Comments {
        document: String,
        #[arg(long)]
        rev: Option<String>,
    },
    /// All comments on a revision by paragraph, as one document for the co-chairs.
    Compile {
        document: String,
        #[arg(long)]
        rev: String,
        /// markdown or html.
        #[arg(long, default_value = "markdown")]
        format: String,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Open a consultation on a revision: comments until the deadline.
    Consult {
        document: String,
        #[arg(long)]
        rev: String,
        /// The last day for comments (YYYY-MM-DD).
        #[arg(long)]
        deadline: String,
        /// The first day (YYYY-MM-DD).
        #[arg(long)]
        opens: Option<String>,
    },
}

/// A `document.toml`: the document and its revisions, each a file next to it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    title: String,
    short_name: Option<String>,
    owner: Option<String>,
    #[serde(rename = "revision", default)]
    revisions: Vec<ManifestRevision>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestRevision {
    label: String,
    file: PathBuf,
    date: Option<String>,
}

pub fn run(store: impl FnOnce(bool) -> Result<Store>, command: DocCommand) -> Result<ExitCode> {
    let out = match command {
        DocCommand::Add {
            title,
            short,
            owner,
        } => {
            let document = store(true)?.add_document(&title, short.as_deref(), owner.as_deref())?;
            format!(
                "Added {} ({}); add revisions with `rapporteur doc revise {} FILE --label LABEL`.\n",
                document.title, document.slug, document.slug
            )
        }
        DocCommand::Revise {
            document,
            file,
            label,
            date,
        } => {
            check_day(date.as_deref())?;
            let mut store = store(true)?;
            let (revision, bytes) = read_revision(&file)?;
            let summary = RevisionSummary {
                label: label.clone(),
                date,
                source_path: file.display().to_string(),
                sha256: ingest::input::hex_sha256(&bytes),
            };
            store.add_revision(&document, &summary, &bytes)?;
            let title = store.document(&document)?.title;
            format!("{title}, {label}: {}\n", describe(&revision))
        }
        DocCommand::Import { folder } => import(&mut store(true)?, &folder)?,
        DocCommand::List => {
            let store = store(false)?;
            let mut out = String::new();
            for document in store.documents()? {
                out.push_str(&format!(
                    "{} ({}){}\n",
                    document.title,
                    document.slug,
                    document
                        .owner
                        .as_deref()
                        .map(|o| format!(", {o}"))
                        .unwrap_or_default()
                ));
                for revision in &document.revisions {
                    out.push_str(&format!(
                        "  {:<12} {}\n",
                        revision.label,
                        revision.date.as_deref().unwrap_or("(no date)")
                    ));
                }
            }
            if out.is_empty() {
                out.push_str("No documents. Add one with `rapporteur doc add TITLE`.\n");
            }
            out
        }
        DocCommand::Show {
            document,
            rev,
            para,
        } => {
            let store = store(false)?;
            let (label, revision) = load(&store, &document, rev.as_deref())?;
            match para {
                None => show(&revision),
                Some(number) => {
                    let index = revision.find(&number).ok_or_else(|| {
                        anyhow!("{label} of {document} has no paragraph {number}")
                    })?;
                    show_paragraph(&revision, index)
                }
            }
        }
        DocCommand::Diff {
            document,
            from,
            to,
            format,
            output,
        } => {
            let format = match format.as_str() {
                "terminal" => texts::DiffFormat::Terminal {
                    color: output.is_none() && std::io::stdout().is_terminal(),
                },
                "markdown" | "md" => texts::DiffFormat::Markdown,
                "html" => texts::DiffFormat::Html,
                "side-by-side" => texts::DiffFormat::HtmlSideBySide,
                "json" => texts::DiffFormat::Json,
                other => bail!(
                    "unknown diff format '{other}' (known: terminal, markdown, html, side-by-side, json)"
                ),
            };
            let set = Set::load(&store(false)?, &document)?;
            let (a, b) = (set.index(&from)?, set.index(&to)?);
            let revisions = set.0.revision_refs();
            let diff = set.0.history.diff(&revisions, a, b);
            let rendered = texts::render_diff(&diff, revisions[a], revisions[b], format);
            if let Some(path) = output {
                crate::write_atomically(&path, rendered.as_bytes())?;
                return Ok(ExitCode::SUCCESS);
            }
            rendered
        }
        DocCommand::History {
            document,
            para,
            rev,
        } => {
            let store = store(false)?;
            let set = Set::load(&store, &document)?;
            let at = match &rev {
                Some(label) => set.index(label)?,
                None => set.last(),
            };
            let index = set.0.revisions[at].find(&para).ok_or_else(|| {
                anyhow!("{} of {document} has no paragraph {para}", set.label(at))
            })?;
            let mut out = set.history_of(at, index);
            let id = set.0.history.id(at, index);
            let citations: Vec<store::Citation> = store
                .citations(&set.0)?
                .into_iter()
                .filter(|c| set.0.history.id(c.rev, c.para) == id)
                .collect();
            if !citations.is_empty() {
                out.push_str("\nCited in meetings:\n");
            }
            for c in citations {
                let speaker = c
                    .intervention
                    .as_ref()
                    .and_then(|(_, speaker, _)| speaker.label().map(str::to_owned))
                    .unwrap_or_else(|| "(no speaker)".into());
                out.push_str(&format!(
                    "  {}/{} ({}), line {}: {speaker}, \"{}\" ({} para {})\n",
                    c.meeting.group,
                    c.meeting
                        .number
                        .map_or_else(|| "?".into(), |n| n.to_string()),
                    c.meeting.date.as_deref().unwrap_or("no date"),
                    c.line,
                    c.text,
                    set.label(c.rev),
                    set.0.revisions[c.rev].paragraphs[c.para]
                        .number
                        .as_deref()
                        .unwrap_or("?")
                ));
            }
            out
        }
        DocCommand::Comment {
            document,
            rev,
            para,
            author,
            text,
            quote,
        } => {
            let mut store = store(true)?;
            let (label, revision) = load(&store, &document, Some(&rev))?;
            let index = revision
                .find(&para)
                .ok_or_else(|| anyhow!("{label} of {document} has no paragraph {para}"))?;
            let paragraph = &revision.paragraphs[index];
            let quote = match quote {
                None => None,
                Some(words) => {
                    let found: Vec<usize> = paragraph
                        .text
                        .match_indices(&words)
                        .map(|(i, _)| i)
                        .collect();
                    match found.as_slice() {
                        [] => bail!("paragraph {para} of {label} does not contain \"{words}\""),
                        [start] => {
                            let anchor =
                                texts::anchor(&paragraph.text, *start, start + words.len());
                            Some(store::Quote {
                                exact: anchor.exact,
                                prefix: anchor.prefix,
                                suffix: anchor.suffix,
                            })
                        }
                        _ => bail!(
                            "\"{words}\" occurs {} times in paragraph {para} of {label}; quote more words so that it occurs once",
                            found.len()
                        ),
                    }
                }
            };
            store.add_comment(
                &document,
                &store::Comment {
                    id: 0,
                    revision: label.clone(),
                    paragraph: index,
                    number: paragraph.number.clone(),
                    author,
                    text,
                    quote,
                    created_at: crate::archive::now(),
                },
            )?;
            format!("Comment stored on paragraph {para} of {label}.\n")
        }
        DocCommand::Comments { document, rev } => {
            let store = store(false)?;
            let set = Set::load(&store, &document)?;
            let to = match &rev {
                Some(label) => set.index(label)?,
                None => set.last(),
            };
            let comments = set.0.comments(&store.comments(&document)?)?;
            let revisions = set.0.revision_refs();
            let mut out = String::new();
            for (stored, comment) in store.comments(&document)?.iter().zip(&comments) {
                let placement = texts::carry(&set.0.history, &revisions, comment, to);
                out.push_str(&format!(
                    "{} on {} para {}{}: {}\n  {}\n",
                    stored.author,
                    stored.revision,
                    stored.number.as_deref().unwrap_or("(unnumbered)"),
                    stored
                        .quote
                        .as_ref()
                        .map(|q| format!(" (\"{}\")", q.exact))
                        .unwrap_or_default(),
                    set.placement(to, &placement),
                    stored.text
                ));
            }
            if out.is_empty() {
                out.push_str("No comments yet.\n");
            }
            out
        }
        DocCommand::Compile {
            document,
            rev,
            format,
            output,
        } => {
            let format = match format.as_str() {
                "markdown" | "md" => texts::CompileFormat::Markdown,
                "html" => texts::CompileFormat::Html,
                other => bail!("unknown format '{other}' (known: markdown, html)"),
            };
            let store = store(false)?;
            let set = Set::load(&store, &document)?;
            let to = set.index(&rev)?;
            let comments = set.0.comments(&store.comments(&document)?)?;
            let revisions = set.0.revision_refs();
            let placed: Vec<texts::Placed<'_>> = comments
                .iter()
                .filter(|c| c.rev <= to)
                .map(|comment| texts::Placed {
                    comment,
                    placement: texts::carry(&set.0.history, &revisions, comment, to),
                })
                .collect();
            let title = store.document(&document)?.title;
            let heading = format!("{title}, {}", set.label(to));
            let rendered = texts::compile(revisions[to], &heading, &placed, format);
            if let Some(path) = output {
                crate::write_atomically(&path, rendered.as_bytes())?;
                return Ok(ExitCode::SUCCESS);
            }
            rendered
        }
        DocCommand::Consult {
            document,
            rev,
            deadline,
            opens,
        } => {
            check_day(Some(&deadline))?;
            check_day(opens.as_deref())?;
            store(true)?.add_consultation(&document, &rev, opens.as_deref(), &deadline)?;
            format!("Comments on {rev} of {document} are open until {deadline}.\n")
        }
    };
    print(&out)?;
    if !out.ends_with('\n') {
        print("\n")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn check_day(day: Option<&str>) -> Result<()> {
    if let Some(day) = day {
        day.parse::<jiff::civil::Date>()
            .map_err(|_| anyhow!("'{day}' is not a day (YYYY-MM-DD)"))?;
    }
    Ok(())
}

/// Reads a revision file, or says in one line naming the file why not.
fn read_revision(file: &Path) -> Result<(Revision, Vec<u8>)> {
    let name = file.display().to_string();
    let bytes = read_bytes(file)?;
    let revision = texts::read_revision(&name, &bytes).map_err(|e| anyhow!("{name}: {e}"))?;
    Ok((revision, bytes))
}

/// A stored revision, read: the one labelled `rev`, or the last.
pub fn load(store: &Store, document: &str, rev: Option<&str>) -> Result<(String, Revision)> {
    let revisions = store.revisions(document)?;
    let chosen = match rev {
        Some(label) => revisions
            .iter()
            .find(|r| store::label_key(&r.summary.label) == store::label_key(label))
            .ok_or_else(|| anyhow!("{document} has no revision '{label}'"))?,
        None => revisions
            .last()
            .ok_or_else(|| anyhow!("{document} has no revision yet"))?,
    };
    let revision = texts::read_revision(&chosen.summary.source_path, &chosen.bytes)
        .map_err(|e| anyhow!("the stored {}: {e}", chosen.summary.label))?;
    Ok((chosen.summary.label.clone(), revision))
}

/// A document's revisions, read, with the identity of their paragraphs.
pub struct Set(store::DocumentSet);

impl Set {
    pub fn load(store: &Store, document: &str) -> Result<Set> {
        let set = store.document_set(document)?;
        if set.revisions.is_empty() {
            bail!("{document} has no revision yet");
        }
        Ok(Set(set))
    }

    fn label(&self, rev: usize) -> &str {
        &self.0.summary.revisions[rev].label
    }

    fn last(&self) -> usize {
        self.0.revisions.len() - 1
    }

    /// The position of the revision labelled `label`.
    pub fn index(&self, label: &str) -> Result<usize> {
        self.0.index(label).ok_or_else(|| {
            let known: Vec<&str> = self
                .0
                .summary
                .revisions
                .iter()
                .map(|r| r.label.as_str())
                .collect();
            anyhow!(
                "no revision '{label}' (the revisions are {})",
                known.join(", ")
            )
        })
    }

    /// "in Rev2 para 13; the quote survived".
    pub fn placement(&self, to: usize, placement: &texts::Placement) -> String {
        let label = self.label(to);
        let mut out = match placement.para {
            None => format!("its paragraph is gone from {label}"),
            Some(p) => format!(
                "in {label} para {}",
                self.0.revisions[to].paragraphs[p]
                    .number
                    .as_deref()
                    .unwrap_or("(unnumbered)")
            ),
        };
        match placement.quote {
            Some(texts::Relocation::Survived { .. }) => out.push_str("; the quoted words survived"),
            Some(texts::Relocation::Changed { .. }) => out.push_str("; the quoted words changed"),
            Some(texts::Relocation::Gone) => out.push_str("; the quoted words are gone"),
            None => {}
        }
        out
    }

    /// One paragraph's trail through the revisions, for people.
    pub fn history_of(&self, rev: usize, para: usize) -> String {
        let id = self.0.history.id(rev, para);
        let mut out = String::new();
        for step in self.0.history.trail(id) {
            let (summary, revision) = (
                &self.0.summary.revisions[step.rev],
                &self.0.revisions[step.rev],
            );
            let changes: Vec<String> = step
                .changes
                .iter()
                .map(|c| format!("{c:?}").to_lowercase())
                .collect();
            out.push_str(&format!(
                "{} ({}): {}\n",
                summary.label,
                summary.date.as_deref().unwrap_or("no date"),
                changes.join(", ")
            ));
            match step.para {
                Some(p) => out.push_str(&format!("  {}\n", show_paragraph(revision, p).trim_end())),
                None => out.push_str("  (not in this revision)\n"),
            }
        }
        out
    }
}

/// "123 paragraphs (9 headings, 5 preambular, 97 operative, 12 sub-paragraphs), 4 bracketed passages".
fn describe(revision: &Revision) -> String {
    let count = |kind: ParagraphKind| {
        revision
            .paragraphs
            .iter()
            .filter(|p| p.kind == kind)
            .count()
    };
    let brackets: usize = revision.paragraphs.iter().map(|p| p.brackets.len()).sum();
    format!(
        "{} paragraphs ({} headings, {} preambular, {} operative, {} sub-paragraphs), {} bracketed passages, {} words",
        revision.paragraphs.len(),
        count(ParagraphKind::Heading),
        count(ParagraphKind::Preambular),
        count(ParagraphKind::Operative),
        count(ParagraphKind::Sub),
        brackets,
        revision.word_count()
    )
}

fn show(revision: &Revision) -> String {
    let mut out = String::new();
    if let Some(title) = &revision.title {
        out.push_str(&format!("{title}\n\n"));
    }
    for index in 0..revision.paragraphs.len() {
        out.push_str(&show_paragraph(revision, index));
        out.push('\n');
    }
    out
}

fn show_paragraph(revision: &Revision, index: usize) -> String {
    let p = &revision.paragraphs[index];
    let indent = if p.kind == ParagraphKind::Sub {
        "    ".repeat(usize::from(p.level.max(1)))
    } else {
        String::new()
    };
    let mut out = match (&p.kind, &p.number) {
        (ParagraphKind::Heading, _) => format!("{}\n", p.text),
        (_, Some(number)) => format!("{indent}{number}. {}", p.text),
        (_, None) => format!("{indent}{}", p.text),
    };
    if let Some(status) = &p.status {
        out.push(' ');
        out.push_str(status);
    }
    out.push('\n');
    out
}

fn import(store: &mut Store, folder: &Path) -> Result<String> {
    let manifest_path = folder.join("document.toml");
    let name = manifest_path.display().to_string();
    let text = std::fs::read_to_string(&manifest_path)
        .with_context(|| format!("{name}: cannot read the file"))?;
    import_manifest(store, &name, &text, folder, &|path| read_bytes(path))
}

/// The example archive's negotiated document, compiled into the binary for `demo`.
const BUNDLED: [(&str, &[u8]); 5] = [
    (
        "document.toml",
        include_bytes!(
            "../../../examples/archive/documents/data-stewardship-principles/document.toml"
        ),
    ),
    (
        "zero-draft.md",
        include_bytes!(
            "../../../examples/archive/documents/data-stewardship-principles/zero-draft.md"
        ),
    ),
    (
        "rev1.md",
        include_bytes!("../../../examples/archive/documents/data-stewardship-principles/rev1.md"),
    ),
    (
        "rev2.md",
        include_bytes!("../../../examples/archive/documents/data-stewardship-principles/rev2.md"),
    ),
    (
        "rev3.md",
        include_bytes!("../../../examples/archive/documents/data-stewardship-principles/rev3.md"),
    ),
];

/// Stores the bundled Data Stewardship Principles, as `doc import` would from the folder.
pub fn load_bundled(store: &mut Store) -> Result<()> {
    let folder = Path::new("examples/archive/documents/data-stewardship-principles");
    let manifest = std::str::from_utf8(BUNDLED[0].1).context("the bundled document.toml")?;
    let file = |path: &Path| -> Result<Vec<u8>> {
        BUNDLED
            .iter()
            .find(|(name, _)| path.file_name().is_some_and(|f| f == *name))
            .map(|(_, bytes)| bytes.to_vec())
            .ok_or_else(|| anyhow!("{}: not bundled", path.display()))
    };
    import_manifest(store, "the bundled document.toml", manifest, folder, &file).map(|_| ())
}

/// A document and its revisions from a `document.toml` and the files it names.
fn import_manifest(
    store: &mut Store,
    name: &str,
    text: &str,
    folder: &Path,
    file: &dyn Fn(&Path) -> Result<Vec<u8>>,
) -> Result<String> {
    let manifest: Manifest = toml::from_str(text).map_err(|e| {
        anyhow!(
            "{name}: {}",
            e.to_string().lines().next().unwrap_or("not valid")
        )
    })?;
    // Every revision is read before anything is stored, so a bad one stores nothing.
    let mut revisions = Vec::new();
    for revision in &manifest.revisions {
        check_day(revision.date.as_deref()).with_context(|| name.to_owned())?;
        let path = folder.join(&revision.file);
        let bytes = file(&path)?;
        let shown = path.display().to_string();
        let read = texts::read_revision(&shown, &bytes).map_err(|e| anyhow!("{shown}: {e}"))?;
        revisions.push((revision, read, bytes));
    }
    if revisions.is_empty() {
        bail!("{name}: no [[revision]] listed");
    }
    store.import_document(
        &manifest.title,
        manifest.short_name.as_deref(),
        manifest.owner.as_deref(),
        &revisions
            .iter()
            .map(|(r, _, bytes)| {
                (
                    RevisionSummary {
                        label: r.label.clone(),
                        date: r.date.clone(),
                        source_path: folder.join(&r.file).display().to_string(),
                        sha256: ingest::input::hex_sha256(bytes),
                    },
                    bytes.as_slice(),
                )
            })
            .collect::<Vec<_>>(),
    )?;
    let mut out = format!("Added {}:\n", manifest.title);
    for (revision, read, _) in &revisions {
        out.push_str(&format!("  {}: {}\n", revision.label, describe(read)));
    }
    Ok(out)
}
