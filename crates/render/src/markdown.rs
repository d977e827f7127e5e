//! The report as CommonMark, in its conventional layout.
//!
//! Text from the record is escaped so that it always reads as text: a `*`, `[` or `<script>` in
//! an intervention never becomes emphasis, a link or raw HTML once the Markdown is converted.
//! Line breaks inside an intervention are kept, so a list the report wrote stays a list.

use std::fmt::Write as _;

use model::AgendaItem;

use crate::layout::{self, Layout, Paragraph};

pub(crate) fn render(layout: &Layout<'_>) -> String {
    let mut out = String::new();
    let header: Vec<String> = layout
        .group
        .into_iter()
        .chain(layout.occasion.iter().map(String::as_str))
        .map(escape)
        .collect();
    if !header.is_empty() {
        // A backslash before the newline is CommonMark's visible hard line break; trailing
        // spaces would do the same but vanish in editors.
        out.push_str(&header.join("\\\n"));
        out.push_str("\n\n");
    }
    heading(&mut out, 1, layout.title);
    if let Some(opening) = &layout.opening {
        block(&mut out, &escape(opening));
    }

    if !layout.agenda.is_empty() {
        heading(&mut out, 2, layout::AGENDA);
        for item in layout.agenda {
            agenda_item(&mut out, item, 0);
        }
        out.push('\n');
    }

    let discussion = &layout.discussion;
    if !discussion.is_empty() {
        heading(&mut out, 2, layout::DISCUSSION);
        paragraphs(&mut out, &discussion.unfiled);
        for item in &discussion.items {
            heading(&mut out, 3 + item.depth, &item.heading);
            if item.paragraphs.is_empty() {
                block(&mut out, layout::NO_DISCUSSION);
            }
            paragraphs(&mut out, &item.paragraphs);
        }
    }

    if !layout.participants.is_empty() {
        heading(&mut out, 2, layout::PARTICIPANTS);
        for (index, participant) in layout.participants.iter().enumerate() {
            // Writing to a `String` cannot fail, so the `fmt::Result`s here are dropped.
            let _ = writeln!(out, "{}. {}", index + 1, escape(participant));
        }
        out.push('\n');
    }

    let closing = &layout.closing;
    if !closing.is_empty() {
        heading(&mut out, 2, layout::CLOSING);
        for (title, lines) in closing.sections() {
            heading(&mut out, 3, title);
            for line in lines {
                let _ = writeln!(out, "- {}", escape(line));
            }
            out.push('\n');
        }
    }

    // Every block ends with a blank line; the file ends with exactly one newline.
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

fn heading(out: &mut String, level: usize, text: &str) {
    let _ = writeln!(out, "{} {}\n", "#".repeat(level.min(6)), escape(text));
}

fn block(out: &mut String, text: &str) {
    out.push_str(text);
    out.push_str("\n\n");
}

fn paragraphs(out: &mut String, paragraphs: &[Paragraph<'_>]) {
    for paragraph in paragraphs {
        block(out, &escape(&paragraph.text));
    }
}

/// An agenda item and its sub-items; only plain numbers can be Markdown list numbers, so a
/// dotted number ("2.b") is written out as a bullet's text instead of being renumbered.
fn agenda_item(out: &mut String, item: &AgendaItem, indent: usize) {
    let marker = if !item.number.is_empty() && item.number.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}.", item.number)
    } else {
        format!("- {}", escape(&item.number))
    };
    let _ = writeln!(
        out,
        "{}{marker} {}",
        " ".repeat(indent),
        escape(&item.title)
    );
    // Sub-items line up under the parent's text, which is where CommonMark nests them.
    let nested = if marker.starts_with('-') {
        indent + 2
    } else {
        indent + marker.len() + 1
    };
    for sub in &item.items {
        agenda_item(out, sub, nested);
    }
}

/// Escapes the characters that would turn text into markup.
///
/// Inline markup characters are always escaped; `#` and `>` only at the start of a line, where
/// they would start a heading or a quote. List markers are left alone on purpose (see the
/// module documentation).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' if line_start => out.push_str("\\#"),
            _ => out.push(c),
        }
        if c == '\n' {
            line_start = true;
        } else if !c.is_whitespace() {
            line_start = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("a *b* [c](d) <script>"),
            r"a \*b\* \[c\](d) \<script\>"
        );
        assert_eq!(
            escape("# not a heading\n  #2 and #3"),
            "\\# not a heading\n  \\#2 and #3"
        );
        assert_eq!(escape("- a list\n- stays"), "- a list\n- stays");
    }
}
