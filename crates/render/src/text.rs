//! The report as plain text, in its conventional layout, for e-mail and terminals.
//!
//! Headings are underlined (`=` for the title, `-` for sections); item headings are plain
//! lines, as in the reports themselves.
//! Every line is at most 78 columns, except a single word longer than that, which is never
//! broken; line breaks inside an intervention are kept, and a `- ` list line wraps under its
//! own text.

use model::AgendaItem;

use crate::layout::{self, Layout, item_label};

const WIDTH: usize = 78;

pub(crate) fn render(layout: &Layout<'_>) -> String {
    let mut out = String::new();
    if layout.group.is_some() || !layout.occasion.is_empty() {
        for line in layout
            .group
            .into_iter()
            .chain(layout.occasion.iter().map(String::as_str))
        {
            out.push_str(&wrap(line, "", ""));
        }
        out.push('\n');
    }
    underlined(&mut out, layout.title, '=');
    if let Some(opening) = &layout.opening {
        block(&mut out, opening);
    }

    if !layout.agenda.is_empty() {
        underlined(&mut out, layout::AGENDA, '-');
        for item in layout.agenda {
            agenda_item(&mut out, item, 0);
        }
        out.push('\n');
    }

    let discussion = &layout.discussion;
    if !discussion.is_empty() {
        underlined(&mut out, layout::DISCUSSION, '-');
        for paragraph in &discussion.unfiled {
            block(&mut out, &paragraph.text);
        }
        for item in &discussion.items {
            block(&mut out, &item.heading);
            if item.paragraphs.is_empty() {
                block(&mut out, layout::NO_DISCUSSION);
            }
            for paragraph in &item.paragraphs {
                block(&mut out, &paragraph.text);
            }
        }
    }

    if !layout.participants.is_empty() {
        underlined(&mut out, layout::PARTICIPANTS, '-');
        for (index, participant) in layout.participants.iter().enumerate() {
            let marker = format!("{}. ", index + 1);
            out.push_str(&wrap(participant, &marker, &" ".repeat(marker.len())));
        }
        out.push('\n');
    }

    let closing = &layout.closing;
    if !closing.is_empty() {
        underlined(&mut out, layout::CLOSING, '-');
        for (title, lines) in closing.sections() {
            block(&mut out, title);
            for line in lines {
                out.push_str(&wrap(line, "- ", "  "));
            }
            out.push('\n');
        }
    }

    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

fn underlined(out: &mut String, heading: &str, underline: char) {
    let wrapped = wrap(heading, "", "");
    let widest = wrapped
        .lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    out.push_str(&wrapped);
    out.extend(std::iter::repeat_n(underline, widest));
    out.push_str("\n\n");
}

/// A paragraph, wrapped, then a blank line; its own line breaks are kept.
fn block(out: &mut String, text: &str) {
    for line in text.lines() {
        let line = line.trim_end();
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        if body.is_empty() {
            out.push('\n');
        } else if let Some(item) = body.strip_prefix("- ").or_else(|| body.strip_prefix("* ")) {
            let first = format!("{indent}{} ", &body[..1]);
            out.push_str(&wrap(item, &first, &" ".repeat(first.len())));
        } else {
            out.push_str(&wrap(body, indent, indent));
        }
    }
    out.push('\n');
}

fn agenda_item(out: &mut String, item: &AgendaItem, depth: usize) {
    let marker = format!("{}{} ", "   ".repeat(depth), item_label(&item.number));
    out.push_str(&wrap(
        &item.title,
        &marker,
        &" ".repeat(marker.chars().count()),
    ));
    for sub in &item.items {
        agenda_item(out, sub, depth + 1);
    }
}

/// `text` filled into lines of at most [`WIDTH`] columns, each ending in a newline; the first
/// line starts with `first`, the others with `rest`.
fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(first);
    let mut width = first.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let word_width = word.chars().count();
        if !empty && width + 1 + word_width > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            width = rest.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            width += 1;
        }
        line.push_str(word);
        width += word_width;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_78_columns() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text, "", "");
        assert!(
            wrapped.lines().all(|line| line.chars().count() <= WIDTH),
            "{wrapped}"
        );
        assert_eq!(wrapped.split_whitespace().count(), 40);
    }

    #[test]
    fn hanging_indent_and_long_words() {
        let long = "x".repeat(90);
        assert_eq!(
            wrap(&format!("a {long} b"), "- ", "  "),
            format!("- a\n  {long}\n  b\n")
        );
    }

    #[test]
    fn list_lines_inside_a_paragraph() {
        let mut out = String::new();
        block(
            &mut out,
            "This should include:\n\n- the first\n- the second",
        );
        assert_eq!(out, "This should include:\n\n- the first\n- the second\n\n");
    }
}
