//! `rapporteur doc …`: negotiated documents in the archive. The store keeps each revision's
//! bytes; the `texts` crate reads them here, so what is shown is always what was received.

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

/// Every stored revision of a document, read, oldest first, with its label and date.
pub fn load_all(store: &Store, document: &str) -> Result<Vec<(RevisionSummary, Revision)>> {
    store
        .revisions(document)?
        .into_iter()
        .map(|r| {
            let revision = texts::read_revision(&r.summary.source_path, &r.bytes)
                .map_err(|e| anyhow!("the stored {}: {e}", r.summary.label))?;
            Ok((r.summary, revision))
        })
        .collect()
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
    let manifest: Manifest = toml::from_str(&text).map_err(|e| {
        anyhow!(
            "{name}: {}",
            e.to_string().lines().next().unwrap_or("not valid")
        )
    })?;
    // Every revision is read before anything is stored, so a bad one stores nothing.
    let mut revisions = Vec::new();
    for revision in &manifest.revisions {
        check_day(revision.date.as_deref()).with_context(|| name.clone())?;
        let (read, bytes) = read_revision(&folder.join(&revision.file))?;
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
