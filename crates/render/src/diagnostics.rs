//! Diagnostics as a compiler prints them: a headline with severity and code, the place as
//! `file:line:column`, the source line with a caret under the problem, and a hint.
//!
//! Long lines (a report paragraph is often one line of a thousand characters) are shown as a
//! window around the column, so the caret stays on screen.

use model::Diagnostic;

/// How many characters of the source line to show on each side of the caret.
const WINDOW: usize = 50;

/// Renders one diagnostic. `source` is the text the record was read from.
pub fn render_one(path: &str, source: &str, diagnostic: &Diagnostic) -> String {
    let span = diagnostic.span;
    let mut out = format!(
        "{}[{}]: {}\n  --> {}:{}:{}\n",
        diagnostic.severity.as_str(),
        diagnostic.code.as_str(),
        diagnostic.message,
        path,
        span.start_line,
        span.column
    );
    let line = (span.start_line as usize)
        .checked_sub(1)
        .and_then(|i| source.split('\n').nth(i))
        .map(|l| l.trim_end_matches('\r'));
    if let Some(line) = line {
        let number = span.start_line.to_string();
        let pad = " ".repeat(number.len());
        let chars: Vec<char> = line.chars().collect();
        let column = (span.column as usize).saturating_sub(1).min(chars.len());
        let from = column.saturating_sub(WINDOW);
        let to = (column + diagnostic.width as usize + WINDOW).min(chars.len());
        let mut shown: String = chars[from..to].iter().collect();
        let mut caret_at = column - from;
        if from > 0 {
            shown.insert(0, '…');
            caret_at += 1;
        }
        if to < chars.len() {
            shown.push('…');
        }
        let width = (diagnostic.width as usize)
            .min(to.saturating_sub(column))
            .max(1);
        out.push_str(&format!(
            "{pad} |\n{number} | {shown}\n{pad} | {}{}\n",
            " ".repeat(caret_at),
            "^".repeat(width)
        ));
    }
    if let Some(hint) = &diagnostic.hint {
        out.push_str(&format!("  = hint: {hint}\n"));
    }
    out
}

/// Renders all diagnostics of a record followed by a one-line summary.
pub fn render_all(path: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&render_one(path, source, diagnostic));
        out.push('\n');
    }
    let count = |s: model::Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    out.push_str(&format!(
        "{path}: {} errors, {} warnings, {} notes\n",
        count(model::Severity::Error),
        count(model::Severity::Warning),
        count(model::Severity::Note)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Code, Span};

    #[test]
    fn points_a_caret_at_the_problem() {
        let source = "Agenda\nChris agreed. Jorge also agreed that it works.\n";
        let d = Diagnostic::new(
            Code::AmbiguousSpeaker,
            Span::at(2, 15),
            5,
            "ambiguous speaker 'Jorge': 2 people match",
        )
        .with_hint("candidates: Jorge Cancio, Jorge Perez");
        insta::assert_snapshot!(render_one("r.txt", source, &d), @r"
        warning[ambiguous-speaker]: ambiguous speaker 'Jorge': 2 people match
          --> r.txt:2:15
          |
        2 | Chris agreed. Jorge also agreed that it works.
          |               ^^^^^
          = hint: candidates: Jorge Cancio, Jorge Perez
        ");
    }

    #[test]
    fn windows_long_lines() {
        let line = format!("{}Jorge{}", "a".repeat(200), "b".repeat(200));
        let d = Diagnostic::new(Code::AmbiguousSpeaker, Span::at(1, 201), 5, "m");
        let out = render_one("r.txt", &line, &d);
        let shown = out.lines().nth(3).expect("the source line");
        assert!(shown.contains("…") && shown.contains("Jorge") && shown.chars().count() < 130);
        let caret = out.lines().nth(4).expect("the caret line");
        assert_eq!(
            caret.find('^').map(|i| shown.chars().take(i).count()),
            shown.find("Jorge").map(|i| shown[..i].chars().count())
        );
    }
}
