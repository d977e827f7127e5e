//! A diff for people and programs: a terminal redline (ANSI colours, or git-style
//! `[-deleted-]{+inserted+}` markers when colour is off), Markdown, an inline HTML redline
//! (`<ins>`/`<del>`, every character of the text escaped), a side-by-side HTML table, and JSON
//! (interface `rapporteur.redline/1`: fields may be added, never renamed or dropped).
//!
//! Every format starts with the summary ("2 added, 1 deleted, 3 edited, 1 moved, 0
//! reinserted") and names each paragraph by its number as written, with its old number when
//! it changed. A moved paragraph is shown once, where it now stands, marked as moved from its
//! old place, never as a deletion plus an insertion. The text formats fold runs of unchanged
//! paragraphs into one line; the HTML formats show the whole text.

use serde::Serialize;

use crate::diff::{Change, Diff, Entry, Summary, WordOp, base};
use crate::revision::{ParagraphKind, Revision};

/// How to render a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// For a terminal; `color: false` writes `[-deleted-]{+inserted+}` instead of colours.
    Terminal {
        color: bool,
    },
    Markdown,
    /// An inline redline, one `<div>` per paragraph.
    Html,
    /// A two-column table: revision A with its deletions, revision B with its insertions.
    HtmlSideBySide,
    Json,
}

/// Renders `diff`, the diff from `a` to `b`.
pub fn render_diff(diff: &Diff, a: &Revision, b: &Revision, format: DiffFormat) -> String {
    match format {
        DiffFormat::Terminal { color } => text(diff, a, b, TextStyle::Terminal { color }),
        DiffFormat::Markdown => text(diff, a, b, TextStyle::Markdown),
        DiffFormat::Html => html_inline(diff, a, b),
        DiffFormat::HtmlSideBySide => html_side_by_side(diff, a, b),
        DiffFormat::Json => json(diff, a, b),
    }
}

/// The summary as one sentence: the five counts always, the others when not zero.
pub fn summary_line(s: &Summary) -> String {
    let mut parts = vec![
        format!("{} added", s.inserted),
        format!("{} deleted", s.deleted),
        format!("{} edited", s.edited),
        format!("{} moved", s.moved),
        format!("{} reinserted", s.reinserted),
    ];
    for (n, what) in [
        (s.renumbered, "renumbered"),
        (s.split, "split"),
        (s.merged, "merged"),
        (s.status_changed, "with a new status"),
        (s.brackets_changed, "with changed brackets"),
        (s.unchanged, "unchanged"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    format!("{} paragraphs", parts.join(", "))
}

/// A stretch of an entry's text and what happened to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part<'t> {
    Same(&'t str),
    Gone(&'t str),
    New(&'t str),
}

fn parts<'t>(entry: &'t Entry, base: &'t str) -> Vec<Part<'t>> {
    entry
        .words
        .iter()
        .map(|op| match op {
            WordOp::Equal { start, end } => Part::Same(base.get(*start..*end).unwrap_or_default()),
            WordOp::Delete { start, end } => Part::Gone(base.get(*start..*end).unwrap_or_default()),
            WordOp::Insert { text } => Part::New(text),
        })
        .collect()
}

/// How the entry's paragraph is named: `54 bis`, `4 → 5`, `6 (was 4)`, or a heading's text.
fn name(entry: &Entry, a: &Revision, b: &Revision) -> String {
    let label = |r: &Revision, i: usize| {
        let p = &r.paragraphs[i];
        match (&p.number, p.kind) {
            (Some(n), _) => n.clone(),
            (None, ParagraphKind::Heading) => format!("heading “{}”", p.text),
            (None, _) => format!("unnumbered paragraph at line {}", p.line),
        }
    };
    let old: Vec<String> = entry.a.iter().map(|&i| label(a, i)).collect();
    match entry.b {
        None => old.join(" + "),
        Some(j) => {
            let new = label(b, j);
            if old.is_empty() || (old.len() == 1 && old[0] == new) {
                new
            } else {
                format!("{} → {new}", old.join(" + "))
            }
        }
    }
}

fn change_words(entry: &Entry) -> String {
    entry
        .changes
        .iter()
        .map(|c| match c {
            Change::Unchanged => "unchanged",
            Change::Edited => "edited",
            Change::Renumbered => "renumbered",
            Change::Moved => "moved",
            Change::Split => "split",
            Change::Merged => "merged",
            Change::Deleted => "deleted",
            Change::Inserted => "added",
            Change::Reinserted => "reinserted",
            Change::StatusChanged => "new status",
            Change::BracketsChanged => "brackets changed",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the entry's words are worth showing: not when only the number changed.
fn shows_text(entry: &Entry) -> bool {
    !entry
        .changes
        .iter()
        .all(|c| matches!(c, Change::Unchanged | Change::Renumbered))
}

/// Where a moved paragraph stood in revision A: after which paragraph.
fn moved_note(entry: &Entry, a: &Revision) -> Option<String> {
    if !entry.changes.contains(&Change::Moved) {
        return None;
    }
    let i = *entry.a.first()?;
    Some(match i.checked_sub(1).and_then(|p| a.paragraphs.get(p)) {
        None => "moved from the start of the text".to_owned(),
        Some(before) => match &before.number {
            Some(n) => format!("moved from after {n}"),
            None => format!("moved from after “{}”", before.text),
        },
    })
}

fn status_note(entry: &Entry, a: &Revision, b: &Revision) -> Option<String> {
    if !entry.changes.contains(&Change::StatusChanged) {
        return None;
    }
    let old = entry
        .a
        .first()
        .and_then(|&i| a.paragraphs[i].status.clone())
        .unwrap_or_else(|| "no status".to_owned());
    let new = entry
        .b
        .and_then(|j| b.paragraphs[j].status.clone())
        .unwrap_or_else(|| "no status".to_owned());
    Some(format!("status: {old} → {new}"))
}

#[derive(Clone, Copy)]
enum TextStyle {
    Terminal { color: bool },
    Markdown,
}

fn text(diff: &Diff, a: &Revision, b: &Revision, style: TextStyle) -> String {
    let markdown = matches!(style, TextStyle::Markdown);
    let color = matches!(style, TextStyle::Terminal { color: true });
    let mut out = String::new();
    let titles = match (&diff.title_a, &diff.title_b) {
        (Some(x), Some(y)) if x != y => format!("{x} → {y}"),
        (_, Some(y)) => y.clone(),
        (Some(x), None) => x.clone(),
        (None, None) => "Redline".to_owned(),
    };
    if markdown {
        out.push_str(&format!("# Redline: {}\n\n", escape_markdown(&titles)));
        out.push_str(&format!("{}.\n", summary_line(&diff.summary)));
    } else {
        let bold = |s: &str| {
            if color {
                format!("\x1b[1m{s}\x1b[0m")
            } else {
                s.to_owned()
            }
        };
        out.push_str(&format!(
            "{}\n{}\n",
            bold(&titles),
            summary_line(&diff.summary)
        ));
    }
    let mut unchanged = 0usize;
    let flush = |out: &mut String, unchanged: &mut usize| {
        if *unchanged > 0 {
            let s = if *unchanged == 1 { "" } else { "s" };
            if markdown {
                out.push_str(&format!("\n*… {unchanged} unchanged paragraph{s}*\n"));
            } else {
                out.push_str(&format!("\n  … {unchanged} unchanged paragraph{s}\n"));
            }
            *unchanged = 0;
        }
    };
    for entry in &diff.entries {
        if entry.changes == [Change::Unchanged] {
            unchanged += 1;
            continue;
        }
        flush(&mut out, &mut unchanged);
        let name = name(entry, a, b);
        let what = change_words(entry);
        if markdown {
            out.push_str(&format!("\n### {} ({what})\n", escape_markdown(&name)));
        } else if color {
            out.push_str(&format!("\n\x1b[1m{name}\x1b[0m  \x1b[36m{what}\x1b[0m\n"));
        } else {
            out.push_str(&format!("\n{name}  ({what})\n"));
        }
        for note in [moved_note(entry, a), status_note(entry, a, b)]
            .into_iter()
            .flatten()
        {
            out.push_str(&if markdown {
                format!("\n{}\n", escape_markdown(&note))
            } else {
                format!("  {note}\n")
            });
        }
        if !shows_text(entry) {
            continue;
        }
        let base = base(a, &entry.a);
        let mut line = String::new();
        for part in parts(entry, &base) {
            match (part, style) {
                (Part::Same(t), TextStyle::Markdown) => line.push_str(&escape_markdown(t)),
                (Part::Gone(t), TextStyle::Markdown) => {
                    line.push_str(&wrap_markdown("~~", &escape_markdown(t)));
                }
                (Part::New(t), TextStyle::Markdown) => {
                    line.push_str(&wrap_markdown("**", &escape_markdown(t)));
                }
                (Part::Same(t), _) => line.push_str(t),
                (Part::Gone(t), _) if color => line.push_str(&format!("\x1b[31;9m{t}\x1b[0m")),
                (Part::New(t), _) if color => line.push_str(&format!("\x1b[32;4m{t}\x1b[0m")),
                (Part::Gone(t), _) => line.push_str(&format!("[-{t}-]")),
                (Part::New(t), _) => line.push_str(&format!("{{+{t}+}}")),
            }
        }
        if markdown {
            out.push_str(&format!("\n{line}\n"));
        } else {
            out.push_str(&format!("  {line}\n"));
        }
    }
    flush(&mut out, &mut unchanged);
    out
}

/// Wraps text in a Markdown marker, keeping white space at its ends outside, since `** x**`
/// is no emphasis.
fn wrap_markdown(marker: &str, text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_owned();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let tail = &text[text.trim_end().len()..];
    format!("{lead}{marker}{trimmed}{marker}{tail}")
}

pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn classes(entry: &Entry) -> String {
    entry
        .changes
        .iter()
        .filter_map(|c| serde_json::to_value(c).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect::<Vec<_>>()
        .join(" ")
}

fn html_inline(diff: &Diff, a: &Revision, b: &Revision) -> String {
    let mut out = String::from("<section class=\"redline\">\n");
    out.push_str(&format!(
        "<p class=\"summary\">{}.</p>\n",
        escape_html(&summary_line(&diff.summary))
    ));
    for entry in &diff.entries {
        let base = base(a, &entry.a);
        out.push_str(&format!(
            "<div class=\"para {}\"><span class=\"num\">{}</span>",
            classes(entry),
            escape_html(&name(entry, a, b))
        ));
        if entry.changes != [Change::Unchanged] {
            out.push_str(&format!(
                " <span class=\"changes\">{}</span>",
                escape_html(&change_words(entry))
            ));
        }
        if let Some(note) = moved_note(entry, a) {
            out.push_str(&format!(
                " <span class=\"moved\">{}</span>",
                escape_html(&note)
            ));
        }
        if let Some(note) = status_note(entry, a, b) {
            out.push_str(&format!(
                " <span class=\"status\">{}</span>",
                escape_html(&note)
            ));
        }
        out.push_str("<p>");
        for part in parts(entry, &base) {
            match part {
                Part::Same(t) => out.push_str(&escape_html(t)),
                Part::Gone(t) => out.push_str(&format!("<del>{}</del>", escape_html(t))),
                Part::New(t) => out.push_str(&format!("<ins>{}</ins>", escape_html(t))),
            }
        }
        out.push_str("</p></div>\n");
    }
    out.push_str("</section>\n");
    out
}

fn html_side_by_side(diff: &Diff, a: &Revision, b: &Revision) -> String {
    let mut out = String::from("<table class=\"redline-side\">\n");
    out.push_str(&format!(
        "<caption>{}.</caption>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape_html(&summary_line(&diff.summary)),
        escape_html(diff.title_a.as_deref().unwrap_or("Before")),
        escape_html(diff.title_b.as_deref().unwrap_or("After")),
    ));
    for entry in &diff.entries {
        let base = base(a, &entry.a);
        let mut left = String::new();
        let mut right = String::new();
        for part in parts(entry, &base) {
            match part {
                Part::Same(t) => {
                    left.push_str(&escape_html(t));
                    right.push_str(&escape_html(t));
                }
                Part::Gone(t) => left.push_str(&format!("<del>{}</del>", escape_html(t))),
                Part::New(t) => right.push_str(&format!("<ins>{}</ins>", escape_html(t))),
            }
        }
        let number = |r: &Revision, i: usize| {
            r.paragraphs[i]
                .number
                .as_deref()
                .map(escape_html)
                .unwrap_or_default()
        };
        let left_num: Vec<String> = entry.a.iter().map(|&i| number(a, i)).collect();
        let right_num = entry.b.map(|j| number(b, j)).unwrap_or_default();
        let cell = |num: &str, text: &str, present: bool| {
            if present {
                format!("<td><span class=\"num\">{num}</span> {text}</td>")
            } else {
                "<td class=\"absent\"></td>".to_owned()
            }
        };
        out.push_str(&format!(
            "<tr class=\"{}\">{}{}</tr>\n",
            classes(entry),
            cell(&left_num.join(" + "), &left, !entry.a.is_empty()),
            cell(&right_num, &right, entry.b.is_some()),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The JSON wire form of a diff, interface `rapporteur.redline/1`.
#[derive(Serialize)]
struct Wire<'d> {
    interface: &'static str,
    title_a: Option<&'d str>,
    title_b: Option<&'d str>,
    summary: &'d Summary,
    entries: Vec<WireEntry>,
}

#[derive(Serialize)]
struct WireEntry {
    a: Vec<WirePara>,
    b: Option<WirePara>,
    changes: Vec<Change>,
    words: Vec<WireWord>,
}

#[derive(Serialize)]
struct WirePara {
    index: usize,
    number: Option<String>,
    line: u32,
}

#[derive(Serialize)]
struct WireWord {
    op: &'static str,
    text: String,
}

fn json(diff: &Diff, a: &Revision, b: &Revision) -> String {
    let para = |r: &Revision, i: usize| WirePara {
        index: i,
        number: r.paragraphs[i].number.clone(),
        line: r.paragraphs[i].line,
    };
    let entries = diff
        .entries
        .iter()
        .map(|entry| {
            let base = base(a, &entry.a);
            WireEntry {
                a: entry.a.iter().map(|&i| para(a, i)).collect(),
                b: entry.b.map(|j| para(b, j)),
                changes: entry.changes.clone(),
                words: parts(entry, &base)
                    .into_iter()
                    .map(|p| match p {
                        Part::Same(t) => WireWord {
                            op: "equal",
                            text: t.to_owned(),
                        },
                        Part::Gone(t) => WireWord {
                            op: "delete",
                            text: t.to_owned(),
                        },
                        Part::New(t) => WireWord {
                            op: "insert",
                            text: t.to_owned(),
                        },
                    })
                    .collect(),
            }
        })
        .collect();
    let wire = Wire {
        interface: "rapporteur.redline/1",
        title_a: diff.title_a.as_deref(),
        title_b: diff.title_b.as_deref(),
        summary: &diff.summary,
        entries,
    };
    let mut out = serde_json::to_string_pretty(&wire).unwrap_or_default();
    out.push('\n');
    out
}
