//! The plain-text and Markdown reader: lines to [`Item`]s.
//!
//! A numbered line (`12. …`, `54 bis. …`, `PP3. …`, `(a) …`, indented or not) starts a
//! paragraph; following non-blank lines continue it; a blank line ends it. A Markdown heading
//! (`#`, `##`) is a heading; a Markdown bullet starts an unnumbered paragraph; a horizontal rule
//! or a code fence ends a paragraph and is not part of the text. Every item keeps the line and
//! column where it starts in the file.

use crate::number;
use crate::read::Item;

pub(crate) fn items(text: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut current: Option<Item> = None;
    for (index, raw) in text.split('\n').enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let rest = raw.trim_start();
        let column =
            u32::try_from(raw[..raw.len() - rest.len()].chars().count() + 1).unwrap_or(u32::MAX);
        let rest = rest.trim_end();
        if rest.is_empty() || is_rule(rest) {
            out.extend(current.take());
            continue;
        }
        if let Some((level, heading)) = markdown_heading(rest) {
            out.extend(current.take());
            out.push(Item {
                line,
                column,
                heading: Some(level),
                text: heading.to_owned(),
                lines: 1,
                ..Item::default()
            });
            continue;
        }
        if let Some(label) = number::label(rest) {
            out.extend(current.take());
            current = Some(Item {
                line,
                column,
                text: rest[label.text_start..].trim().to_owned(),
                label: Some(label),
                lines: 1,
                ..Item::default()
            });
            continue;
        }
        if let Some(bullet) = rest
            .strip_prefix("- ")
            .or_else(|| rest.strip_prefix("* "))
            .or_else(|| rest.strip_prefix("• "))
        {
            out.extend(current.take());
            current = Some(Item {
                line,
                column,
                text: bullet.trim().to_owned(),
                lines: 1,
                ..Item::default()
            });
            continue;
        }
        match &mut current {
            Some(item) => {
                if !item.text.is_empty() {
                    item.text.push(' ');
                }
                item.text.push_str(rest);
                item.lines += 1;
            }
            None => {
                current = Some(Item {
                    line,
                    column,
                    text: rest.to_owned(),
                    lines: 1,
                    ..Item::default()
                });
            }
        }
    }
    out.extend(current);
    out
}

/// `## Title` → level 2 and `Title` (closing hashes dropped).
fn markdown_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    u8::try_from(hashes).ok().map(|level| (level, text))
}

/// A Markdown horizontal rule or code fence: `---`, `***`, `___`, ```` ``` ````.
fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_')
            || compact.starts_with("```"))
}
