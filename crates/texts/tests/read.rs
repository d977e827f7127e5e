//! Reading revisions: plain text, Markdown and DOCX fixtures, snapshotted paragraph by
//! paragraph, and every kind of bad input, each with its one-line error.

mod common;

use common::{docx, fixture, p, show, zip_of};
use texts::{TextError, read_revision};

fn error(path: &str, bytes: &[u8]) -> String {
    match read_revision(path, bytes) {
        Ok(revision) => format!("read, unexpectedly:\n{}", show(&revision)),
        Err(e) => e.to_string(),
    }
}

#[test]
fn markdown_with_un_numbering() {
    insta::assert_snapshot!(show(&fixture("read/outcome-rev1.md")));
}

#[test]
fn plain_text_with_implicit_headings() {
    insta::assert_snapshot!(show(&fixture("read/plain-headings.txt")));
}

#[test]
fn docx_with_automatic_and_manual_numbers() {
    let numbering = r#"
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>"#;
    let body = [
        p(Some("Title"), None, "Harbour Town Declaration — Rev2"),
        p(Some("Heading1"), None, "Digital Public Goods"),
        p(
            None,
            Some((3, 0)),
            "We affirm that open standards & open data matter.",
        ),
        p(None, Some((3, 1)), "including open-source software;"),
        p(None, Some((3, 2)), "maintained by communities;"),
        p(None, Some((3, 2)), "funded sustainably;"),
        p(None, Some((3, 1)), "and open content. [agreed ad ref]"),
        p(
            None,
            Some((3, 0)),
            "We invite [all] stakeholders to contribute.",
        ),
        p(None, None, ""),
        p(None, Some((4, 0)), "a bullet is no number"),
        p(None, None, "54 bis. We reintroduce language on [e-waste]."),
        p(None, None, "(a) typed by hand under 54 bis;"),
    ]
    .concat();
    let tracked = r#"<w:p><w:r><w:t xml:space="preserve">55. We </w:t></w:r><w:del><w:r><w:delText>strongly </w:delText></w:r></w:del><w:ins><w:r><w:t>firmly </w:t></w:r></w:ins><w:r><w:t>support the Forum&#8217;s mandate.</w:t></w:r></w:p>"#;
    let bytes = docx(&format!("{body}{tracked}"), Some(numbering));
    let revision = read_revision("rev2.docx", &bytes).expect("a readable DOCX");
    insta::assert_snapshot!(show(&revision));
}

#[test]
fn a_docx_revision_and_its_markdown_twin_are_the_same_text() {
    let markdown = fixture("pairs/unchanged/a.md");
    let mut body = p(
        Some("Title"),
        None,
        markdown.title.as_deref().unwrap_or_default(),
    );
    for paragraph in &markdown.paragraphs {
        let text = match (&paragraph.number, paragraph.kind) {
            (_, texts::ParagraphKind::Heading) => {
                body.push_str(&p(Some("Heading2"), None, &paragraph.text));
                continue;
            }
            (Some(number), texts::ParagraphKind::Preambular) => {
                format!("{number}. {}", paragraph.text)
            }
            _ => paragraph.text.clone(),
        };
        let numbered = paragraph.kind == texts::ParagraphKind::Operative;
        body.push_str(&p(None, numbered.then_some((1, 0)), &text));
    }
    let docx = read_revision("a.docx", &docx(&body, None)).expect("a readable DOCX");
    let d = texts::diff(&markdown, &docx);
    assert_eq!(
        d.summary.unchanged,
        markdown.paragraphs.len(),
        "{}",
        show(&docx)
    );
}

#[test]
fn docx_without_numbering_part_uses_un_defaults() {
    let body = [
        p(None, Some((1, 0)), "First."),
        p(None, Some((1, 1)), "sub one;"),
        p(None, Some((1, 1)), "sub two;"),
        p(None, Some((1, 0)), "Second."),
        p(None, Some((1, 1)), "sub again."),
    ]
    .concat();
    let revision = read_revision("x.docx", &docx(&body, None)).expect("a readable DOCX");
    let numbers: Vec<_> = revision
        .paragraphs
        .iter()
        .map(|p| format!("{}^{:?}", p.number.as_deref().unwrap_or("-"), p.parent))
        .collect();
    assert_eq!(
        numbers,
        [
            "1^None",
            "(a)^Some(0)",
            "(b)^Some(0)",
            "2^None",
            "(a)^Some(3)"
        ]
    );
}

#[test]
fn line_numbers_are_the_files_own() {
    let text =
        "\r\n\r\nTitle of the Text\r\n\r\n\r\n7. Seven\r\n   wrapped.\r\n\r\n  8. Eight.\r\n";
    let revision = read_revision("a.txt", text.as_bytes()).expect("readable");
    let places: Vec<_> = revision
        .paragraphs
        .iter()
        .map(|p| (p.line, p.column, p.text.as_str()))
        .collect();
    assert_eq!(places, [(6, 1, "Seven wrapped."), (9, 3, "Eight.")]);
    assert_eq!(revision.title.as_deref(), Some("Title of the Text"));
}

#[test]
fn bad_input_gets_one_clear_line() {
    insta::assert_snapshot!(
        [
            ("empty", error("a.txt", b"")),
            ("blank", error("a.txt", b"  \n\n ")),
            ("binary", error("a.txt", b"12. a\0b")),
            ("latin-1", error("a.txt", b"1. ok\n2. caf\xe9\n")),
            (
                "docx that is no zip",
                error("rev2.docx", b"12. This is text.")
            ),
            (
                "broken zip",
                error("rev2.docx", b"PK\x03\x04 not really a zip")
            ),
            (
                "zip without document.xml",
                error(
                    "rev2.docx",
                    &zip_of(&[("word/styles.xml", "<x/>".to_owned())])
                ),
            ),
            (
                "invalid XML",
                error(
                    "rev2.docx",
                    &zip_of(&[(
                        "word/document.xml",
                        "<w:document><w:body><w:p></w:body>".to_owned()
                    )]),
                ),
            ),
            (
                "unclosed XML",
                error(
                    "rev2.docx",
                    &zip_of(&[("word/document.xml", "<w:document><w:body>".to_owned())]),
                ),
            ),
            (
                "no numbered paragraph",
                error("a.md", b"# Notes\n\nSome prose, no numbers.\n")
            ),
            (
                "duplicate number",
                error("a.txt", b"1. One.\n\n2. Two.\n\n2. Two again.\n")
            ),
            (
                "duplicate bis",
                error("a.txt", b"54 bis. One.\n\n54bis. Again.\n")
            ),
        ]
        .iter()
        .map(|(case, message)| format!("{case}: {message}"))
        .collect::<Vec<_>>()
        .join("\n")
    );
}

#[test]
fn sub_numbers_repeat_under_different_parents() {
    let text = "1. One:\n(a) x;\n(b) y.\n\n2. Two:\n(a) z.\n";
    let revision = read_revision("a.txt", text.as_bytes()).expect("readable");
    assert_eq!(revision.paragraphs.len(), 5);
    assert_eq!(revision.find("2"), Some(3));
    assert_eq!(revision.find_sub(3, "(a)"), Some(4));
}

#[test]
fn too_large_is_refused_before_reading() {
    let big = vec![b'a'; texts::MAX_BYTES + 1];
    assert_eq!(
        read_revision("a.txt", &big),
        Err(TextError::TooLarge {
            size: texts::MAX_BYTES + 1,
            max: texts::MAX_BYTES
        })
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = read_revision("x.txt", &bytes);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        let _ = read_revision("x.docx", &zipped);
    }

    #[test]
    fn never_panics_on_any_text(text in "[0-9a-z()\\[\\] .#\n(bis)(PP)]{0,300}") {
        let _ = read_revision("x.md", text.as_bytes());
    }
}
