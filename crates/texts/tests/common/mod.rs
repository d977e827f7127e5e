//! Helpers shared by the integration tests: reading fixtures, showing a revision compactly,
//! and building DOCX files in memory.

#![allow(dead_code)]

use std::io::Write;

use texts::{Revision, read_revision};

/// Reads `test_data/<path>`, failing the test with the reader's error.
pub fn fixture(path: &str) -> Revision {
    let full = format!("{}/test_data/{path}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    read_revision(&full, &bytes).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// One line per paragraph: `line:column kind level number ^parent {status} text`, and the
/// title and warnings.
pub fn show(revision: &Revision) -> String {
    let mut out = format!("title: {:?}\n", revision.title);
    for (i, p) in revision.paragraphs.iter().enumerate() {
        out.push_str(&format!(
            "[{i}] {}:{} {:?}/{} {}{}{} | {}",
            p.line,
            p.column,
            p.kind,
            p.level,
            p.number.as_deref().unwrap_or("-"),
            p.parent.map(|x| format!(" ^{x}")).unwrap_or_default(),
            p.status
                .as_deref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default(),
            p.text
        ));
        for &(start, end) in &p.brackets {
            out.push_str(&format!(" <<{}>>", &p.text[start..end]));
        }
        out.push('\n');
    }
    for w in &revision.warnings {
        out.push_str(&format!("warning {}:{}: {}\n", w.line, w.column, w.message));
    }
    out
}

/// A DOCX archive holding `document` as `word/document.xml` (wrapped in the usual body) and,
/// if given, `numbering` as `word/numbering.xml`.
pub fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut parts = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
                .to_owned(),
        ),
        ("word/document.xml", document),
    ];
    if let Some(numbering) = numbering {
        parts.push((
            "word/numbering.xml",
            format!(
                r#"<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{numbering}</w:numbering>"#
            ),
        ));
    }
    zip_of(&parts)
}

/// A zip archive of the given parts, deflated.
pub fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        writer.start_file(*name, options).expect("a zip entry");
        writer.write_all(text.as_bytes()).expect("zip data");
    }
    writer.finish().expect("a finished zip").into_inner()
}

/// A `<w:p>` with optional style and automatic numbering, text in two runs.
pub fn p(style: Option<&str>, num: Option<(u32, u32)>, text: &str) -> String {
    let mut ppr = String::new();
    if let Some(style) = style {
        ppr.push_str(&format!(r#"<w:pStyle w:val="{style}"/>"#));
    }
    if let Some((num_id, ilvl)) = num {
        ppr.push_str(&format!(
            r#"<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>"#
        ));
    }
    let mut middle = text.len() / 2;
    while !text.is_char_boundary(middle) {
        middle -= 1;
    }
    let (first, second) = text.split_at(middle);
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let (first, second) = (escape(first), escape(second));
    format!(
        r#"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{first}</w:t></w:r><w:r><w:t xml:space="preserve">{second}</w:t></w:r></w:p>"#
    )
}

/// How a paragraph is named in expected alignments: its number, or `#` and a heading's text.
pub fn name(revision: &Revision, index: usize) -> String {
    let p = &revision.paragraphs[index];
    match &p.number {
        Some(n) => n.clone(),
        None => format!("#{}", p.text),
    }
}

/// One line per diff entry: `A -> B: changes`, `-` where a side has no paragraph, `+` between
/// merged sources.
pub fn show_diff(diff: &texts::Diff, a: &Revision, b: &Revision) -> String {
    let mut out = String::new();
    for e in &diff.entries {
        let left = if e.a.is_empty() {
            "-".to_owned()
        } else {
            e.a.iter()
                .map(|&i| name(a, i))
                .collect::<Vec<_>>()
                .join("+")
        };
        let right = e.b.map_or("-".to_owned(), |j| name(b, j));
        let changes: Vec<String> = e
            .changes
            .iter()
            .map(|c| {
                serde_json::to_value(c)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            })
            .collect();
        out.push_str(&format!("{left} -> {right}: {}\n", changes.join(" ")));
    }
    out
}
