//! The report as a standalone HTML5 page, readable on a phone and in print.
//!
//! The page needs nothing else: the stylesheet is embedded, there is no script and no external
//! resource. Every piece of text from the record passes through [`escape`], so a report that
//! contains markup shows it as text. Headings go `h1` (the title), `h2` (sections), `h3` (agenda
//! items), deeper only for sub-items, never skipping a level.
//! Speakers are marked: an ambiguous or unknown speaker's name is highlighted with a `<mark>`
//! whose title says why, and a resolved name carries the full name as its title.

use std::fmt::Write as _;

use model::{AgendaItem, Speaker};

use crate::layout::{self, Layout, Paragraph, item_label};

const STYLE: &str = "\
:root { color-scheme: light dark; }
body { font: 1rem/1.5 system-ui, -apple-system, \"Segoe UI\", sans-serif; max-width: 42rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
header p { margin: 0; }
header .group { font-weight: bold; }
h1 { font-size: 1.6rem; margin: 1rem 0; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid currentColor; }
h3, h4, h5, h6 { font-size: 1.05rem; margin-top: 1.5rem; }
ol.agenda, ol.agenda ol { list-style: none; padding-left: 0; }
ol.agenda ol { padding-left: 2rem; }
.number { display: inline-block; min-width: 2rem; }
.empty { font-style: italic; }
mark.speaker-ambiguous { background: #ffe08a; color: #000; }
mark.speaker-unknown { background: #ffc7c2; color: #000; }
@media print {
  body { max-width: none; font: 11pt/1.4 Georgia, serif; padding: 0; }
  h2, h3, h4 { break-after: avoid; }
  mark.speaker { background: none; text-decoration: underline dotted; }
  mark.speaker[title]::after { content: \" [\" attr(title) \"]\"; font-size: 0.85em; }
}
";

pub(crate) fn render(layout: &Layout<'_>) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Writing to a `String` cannot fail, so the `fmt::Result`s here are dropped.
    let _ = writeln!(out, "<title>{}</title>", escape(&layout.page_title));
    let _ = write!(out, "<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n");
    if let Some(group) = layout.group {
        let _ = writeln!(out, "<p class=\"group\">{}</p>", escape(group));
    }
    for line in &layout.occasion {
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    let _ = writeln!(out, "<h1>{}</h1>\n</header>\n<main>", escape(layout.title));
    if let Some(opening) = &layout.opening {
        let _ = writeln!(out, "<p class=\"opening\">{}</p>", escape(opening));
    }

    if !layout.agenda.is_empty() {
        let _ = writeln!(out, "<section id=\"agenda\">\n<h2>{}</h2>", layout::AGENDA);
        out.push_str("<ol class=\"agenda\">\n");
        for item in layout.agenda {
            agenda_item(&mut out, item);
        }
        out.push_str("</ol>\n</section>\n");
    }

    let discussion = &layout.discussion;
    if !discussion.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"discussion\">\n<h2>{}</h2>",
            layout::DISCUSSION
        );
        paragraphs(&mut out, &discussion.unfiled);
        for item in &discussion.items {
            let level = (3 + item.depth).min(6);
            let _ = writeln!(
                out,
                "<section id=\"item-{}\">\n<h{level}>{}</h{level}>",
                escape(&id_fragment(item.number)),
                escape(&item.heading)
            );
            if item.paragraphs.is_empty() {
                let _ = writeln!(out, "<p class=\"empty\">{}</p>", layout::NO_DISCUSSION);
            }
            paragraphs(&mut out, &item.paragraphs);
            out.push_str("</section>\n");
        }
        out.push_str("</section>\n");
    }

    if !layout.participants.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"participants\">\n<h2>{}</h2>\n<ol>",
            layout::PARTICIPANTS
        );
        for participant in &layout.participants {
            let _ = writeln!(out, "<li>{}</li>", escape(participant));
        }
        out.push_str("</ol>\n</section>\n");
    }

    let closing = &layout.closing;
    if !closing.is_empty() {
        let _ = writeln!(out, "<section id=\"dates\">\n<h2>{}</h2>", layout::CLOSING);
        for (title, lines) in closing.sections() {
            let _ = writeln!(out, "<h3>{title}</h3>\n<ul>");
            for line in lines {
                let _ = writeln!(out, "<li>{}</li>", escape(line));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn agenda_item(out: &mut String, item: &AgendaItem) {
    let _ = write!(
        out,
        "<li><span class=\"number\">{}</span> {}",
        escape(&item_label(&item.number)),
        escape(&item.title)
    );
    if !item.items.is_empty() {
        out.push_str("\n<ol>\n");
        for sub in &item.items {
            agenda_item(out, sub);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</li>\n");
}

fn paragraphs(out: &mut String, paragraphs: &[Paragraph<'_>]) {
    for paragraph in paragraphs {
        out.push_str("<p>");
        let text = paragraph.text.as_ref();
        match (&paragraph.speaker_at, speaker_mark(paragraph.speaker)) {
            (Some(at), Some((open, close))) => {
                // The range comes from a search in this very text, so it lies on char
                // boundaries; `get` keeps a broken invariant from becoming a panic.
                match (
                    text.get(..at.start),
                    text.get(at.clone()),
                    text.get(at.end..),
                ) {
                    (Some(before), Some(name), Some(after)) => {
                        let _ = write!(
                            out,
                            "{}{open}{}{close}{}",
                            text_with_breaks(before),
                            escape(name),
                            text_with_breaks(after)
                        );
                    }
                    _ => out.push_str(&text_with_breaks(text)),
                }
            }
            (None, Some((open, close)))
                if !matches!(paragraph.speaker, Speaker::Resolved { .. }) =>
            {
                // The text never writes the uncertain name, yet the reader must still see that
                // the speaker is uncertain, so the marker stands before the text.
                let label = paragraph.speaker.mention().unwrap_or_default();
                let _ = write!(
                    out,
                    "{open}{}{close} {}",
                    escape(label),
                    text_with_breaks(text)
                );
            }
            _ => out.push_str(&text_with_breaks(text)),
        }
        out.push_str("</p>\n");
    }
}

/// The opening and closing tags that mark a speaker's name, or `None` for no person.
fn speaker_mark(speaker: &Speaker) -> Option<(String, &'static str)> {
    match speaker {
        Speaker::Resolved { name, .. } => Some((
            format!("<span class=\"speaker\" title=\"{}\">", escape(name)),
            "</span>",
        )),
        Speaker::Ambiguous { candidates, .. } => Some((
            format!(
                "<mark class=\"speaker speaker-ambiguous\" title=\"{}\">",
                escape(&format!("ambiguous speaker: {}", candidates.join(" or ")))
            ),
            "</mark>",
        )),
        Speaker::Unknown { .. } => Some((
            format!(
                "<mark class=\"speaker speaker-unknown\" title=\"{}\">",
                escape("unknown speaker: not on the participant list")
            ),
            "</mark>",
        )),
        Speaker::Nobody => None,
    }
}

/// Text, escaped, with its own line breaks kept visible.
fn text_with_breaks(text: &str) -> String {
    escape(text).replace('\n', "<br>\n")
}

/// An agenda number as part of an `id`, which may not contain whitespace.
fn id_fragment(number: &str) -> String {
    number
        .chars()
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect()
}

/// Text made safe for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
