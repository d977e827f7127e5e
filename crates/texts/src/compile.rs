//! All comments on a revision gathered by paragraph, as one document for the co-chairs, in
//! Markdown or HTML. Paragraphs come in document order, each with its text and the quoted
//! span marked; comments under a paragraph come in the order given. A comment whose quote
//! changed or disappeared since it was made says so; comments whose paragraph was deleted are
//! gathered at the end rather than dropped.

use crate::anchor::Relocation;
use crate::comment::{Comment, Placement};
use crate::render::{escape_html, escape_markdown as md};
use crate::revision::{ParagraphKind, Revision};

/// The formats of a compilation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileFormat {
    Markdown,
    Html,
}

/// A comment and where it stands in the revision being compiled (from
/// [`carry`](crate::comment::carry)).
#[derive(Debug, Clone, Copy)]
pub struct Placed<'c> {
    pub comment: &'c Comment,
    pub placement: Placement,
}

/// The comments on `revision`, by paragraph. `heading` names the document and revision
/// ("WSIS+20 Outcome Document, Rev2").
pub fn compile(
    revision: &Revision,
    heading: &str,
    comments: &[Placed<'_>],
    format: CompileFormat,
) -> String {
    let html = format == CompileFormat::Html;
    let mut out = String::new();
    let paragraphs: std::collections::BTreeSet<usize> =
        comments.iter().filter_map(|c| c.placement.para).collect();
    let authors: std::collections::BTreeSet<&str> =
        comments.iter().map(|c| c.comment.author.as_str()).collect();
    let intro = format!(
        "{} comment{} on {} paragraph{}, from {} commenter{}.",
        comments.len(),
        plural(comments.len()),
        paragraphs.len(),
        plural(paragraphs.len()),
        authors.len(),
        plural(authors.len())
    );
    if html {
        out.push_str(&format!(
            "<article class=\"compilation\">\n<h1>Comments on {}</h1>\n<p>{}</p>\n",
            escape_html(heading),
            escape_html(&intro)
        ));
    } else {
        out.push_str(&format!("# Comments on {}\n\n{intro}\n", md(heading)));
    }
    for &para in &paragraphs {
        let Some(p) = revision.paragraphs.get(para) else {
            continue;
        };
        let here: Vec<&Placed<'_>> = comments
            .iter()
            .filter(|c| c.placement.para == Some(para))
            .collect();
        let title = match (&p.number, p.kind) {
            (Some(n), ParagraphKind::Sub) => format!("Sub-paragraph {n} (line {})", p.line),
            (Some(n), _) => format!("Paragraph {n}"),
            (None, ParagraphKind::Heading) => format!("Heading “{}”", p.text),
            (None, _) => format!("Unnumbered paragraph at line {}", p.line),
        };
        // The spans the comments quote, marked in the paragraph's text.
        let mut marks: Vec<(usize, usize)> = here
            .iter()
            .filter_map(|c| match c.placement.quote {
                Some(Relocation::Survived { start, end } | Relocation::Changed { start, end }) => {
                    Some((start, end))
                }
                _ => None,
            })
            .collect();
        marks.sort_unstable();
        if html {
            out.push_str(&format!(
                "<section class=\"paragraph\">\n<h2>{}</h2>\n<blockquote>{}</blockquote>\n<ul>\n",
                escape_html(&title),
                marked(&p.text, &marks, true)
            ));
        } else {
            out.push_str(&format!(
                "\n## {}\n\n> {}\n\n",
                md(&title),
                marked(&p.text, &marks, false)
            ));
        }
        for c in here {
            out.push_str(&comment(c, Some(&p.text), html));
        }
        if html {
            out.push_str("</ul>\n</section>\n");
        }
    }
    let orphans: Vec<&Placed<'_>> = comments
        .iter()
        .filter(|c| c.placement.para.is_none())
        .collect();
    if !orphans.is_empty() {
        if html {
            out.push_str(
                "<section class=\"paragraph deleted\">\n<h2>Comments on deleted paragraphs</h2>\n<ul>\n",
            );
        } else {
            out.push_str("\n## Comments on deleted paragraphs\n\n");
        }
        for c in orphans {
            out.push_str(&comment(c, None, html));
        }
        if html {
            out.push_str("</ul>\n</section>\n");
        }
    }
    if html {
        out.push_str("</article>\n");
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One comment as a list item; `text` is its paragraph's, `None` when that was deleted.
fn comment(c: &Placed<'_>, text: Option<&str>, html: bool) -> String {
    let esc = |s: &str| if html { escape_html(s) } else { md(s) };
    let mut head = if html {
        format!("<strong>{}</strong>", escape_html(&c.comment.author))
    } else {
        format!("**{}**", md(&c.comment.author))
    };
    if let Some(date) = &c.comment.date {
        head.push_str(&format!(" ({})", esc(date)));
    }
    if let Some(anchor) = &c.comment.anchor {
        head.push_str(&format!(", on “{}”", esc(&anchor.exact)));
        let Some(text) = text else {
            head.push_str(" (its paragraph was deleted)");
            return item(&head, &c.comment.body, html);
        };
        match c.placement.quote {
            Some(Relocation::Changed { start, end }) => head.push_str(&format!(
                " (the quoted text has changed; it now reads “{}”)",
                esc(text.get(start..end).unwrap_or_default())
            )),
            Some(Relocation::Gone) => {
                head.push_str(" (the quoted text is no longer in this paragraph)");
            }
            _ => {}
        }
    }
    item(&head, &c.comment.body, html)
}

fn item(head: &str, body: &str, html: bool) -> String {
    if html {
        format!("<li>{head}: {}</li>\n", escape_html(body))
    } else {
        format!("- {head}: {}\n", md(body))
    }
}

/// The text with the given byte ranges marked (`<mark>` in HTML, bold in Markdown); ranges
/// that overlap an earlier one are merged into it.
fn marked(text: &str, marks: &[(usize, usize)], html: bool) -> String {
    let esc = |s: &str| if html { escape_html(s) } else { md(s) };
    let mut out = String::new();
    let mut at = 0;
    for &(start, end) in marks {
        let start = start.max(at);
        if start >= end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&esc(&text[at..start]));
        let inner = esc(&text[start..end]);
        out.push_str(&if html {
            format!("<mark>{inner}</mark>")
        } else {
            format!("**{inner}**")
        });
        at = end;
    }
    out.push_str(&esc(&text[at..]));
    out
}
