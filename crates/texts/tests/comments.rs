//! Comments that follow the text: quotes relocated in edited text, comments carried to the
//! next revision through renumbering, a split, an edit and a deletion, and the compilation
//! for the co-chairs in Markdown and HTML.

mod common;

use common::fixture;
use texts::{
    Comment, CompileFormat, History, Placed, Relocation, anchor, carry, compile, relocate,
};

/// Anchors `quote` in `old` and relocates it in `new`, showing the result with its text.
fn moved(old: &str, quote: &str, new: &str) -> String {
    let start = old.find(quote).expect("the quote is in the old text");
    match relocate(&anchor(old, start, start + quote.len()), new) {
        Relocation::Survived { start, end } => format!("survived {:?}", &new[start..end]),
        Relocation::Changed { start, end } => format!("changed {:?}", &new[start..end]),
        Relocation::Gone => "gone".to_owned(),
    }
}

#[test]
fn quotes_survive_change_or_disappear() {
    let old = "We welcome the language on e-waste and on the repair of devices.";
    assert_eq!(
        moved(
            old,
            "e-waste",
            "We strongly welcome the language on e-waste."
        ),
        r#"survived "e-waste""#
    );
    assert_eq!(
        moved(
            old,
            "the repair of devices",
            "We welcome the language on the repair of digital devices."
        ),
        r#"changed "the repair of digital devices""#
    );
    assert_eq!(
        moved(
            old,
            "on the repair of devices",
            "We welcome the language on e-waste."
        ),
        "gone"
    );
    // The prefix and suffix still frame the stretch that replaced the quote.
    assert_eq!(
        moved(
            "We request the Secretariat to prepare a progress report every two years, drawing on contributions.",
            "every two years",
            "We request the Secretariat to prepare a progress report annually, drawing on contributions."
        ),
        r#"changed "annually""#
    );
}

#[test]
fn the_right_occurrence_is_found_by_its_context() {
    let old = "States shall act, and stakeholders shall act, in cooperation.";
    let second = old.rfind("shall act").expect("twice");
    let a = anchor(old, second, second + "shall act".len());
    let new = "States shall act promptly, and stakeholders shall act, in cooperation.";
    assert_eq!(
        relocate(&a, new),
        Relocation::Survived {
            start: new.rfind("shall act").expect("twice"),
            end: new.rfind("shall act").expect("twice") + 9
        }
    );
}

fn comment(
    history: &History,
    rev: &texts::Revision,
    number: &str,
    quote: Option<&str>,
    author: &str,
    body: &str,
) -> Comment {
    let para = rev.find(number).expect("the paragraph exists");
    let text = &rev.paragraphs[para].text;
    Comment {
        author: author.to_owned(),
        body: body.to_owned(),
        rev: 0,
        para: history.id(0, para),
        anchor: quote.map(|q| {
            let start = text.find(q).expect("the quote is in the paragraph");
            anchor(text, start, start + q.len())
        }),
        date: Some("2026-11-20".to_owned()),
    }
}

#[test]
fn comments_follow_their_paragraph_into_the_next_revision() {
    let a = fixture("render/a.md");
    let b = fixture("render/b.md");
    let revisions = [&a, &b];
    let history = History::build(&revisions);
    let comments = [
        comment(
            &history,
            &a,
            "4",
            Some("concessional finance"),
            "Amara Okafor",
            "Name the banks.",
        ),
        comment(
            &history,
            &a,
            "2",
            Some("women and girls"),
            "Tomasz Wilk",
            "Keep the wording of Rev0.",
        ),
        comment(
            &history,
            &a,
            "2",
            None,
            "Lena Fischer",
            "Support as drafted.",
        ),
        comment(
            &history,
            &a,
            "3",
            Some("annual reports"),
            "Tomasz Wilk",
            "Regulators already report.",
        ),
        comment(
            &history,
            &a,
            "7",
            Some("every two years"),
            "Amara Okafor",
            "Two years is too long <really>.",
        ),
        comment(
            &history,
            &a,
            "6",
            Some("repairability"),
            "Lena Fischer",
            "Add spare parts.",
        ),
    ];
    let placed: Vec<Placed<'_>> = comments
        .iter()
        .map(|c| Placed {
            comment: c,
            placement: carry(&history, &revisions, c, 1),
        })
        .collect();
    let shown: Vec<String> = placed
        .iter()
        .map(|p| {
            let para = p
                .placement
                .para
                .map_or("-".to_owned(), |j| common::name(&b, j));
            let quote = match p.placement.quote {
                Some(Relocation::Survived { .. }) => "survived",
                Some(Relocation::Changed { .. }) => "changed",
                Some(Relocation::Gone) => "gone",
                None => "no quote",
            };
            format!("{} -> {para} {quote}", p.comment.author)
        })
        .collect();
    assert_eq!(
        shown,
        [
            "Amara Okafor -> 5 survived",
            "Tomasz Wilk -> 3 changed",
            "Lena Fischer -> 3 no quote",
            "Tomasz Wilk -> - gone",
            "Amara Okafor -> 7 changed",
            "Lena Fischer -> 2 survived",
        ]
    );
    insta::assert_snapshot!(
        "compile_markdown",
        compile(
            &b,
            "Riverbend Compact, Rev1",
            &placed,
            CompileFormat::Markdown
        )
    );
    insta::assert_snapshot!(
        "compile_html",
        compile(&b, "Riverbend Compact, Rev1", &placed, CompileFormat::Html)
    );
}

proptest::proptest! {
    #[test]
    fn anchoring_and_relocating_never_panic(
        old in "[a-zé \\[\\]]{0,60}",
        new in "[a-zé \\[\\]]{0,60}",
        start in 0usize..80,
        end in 0usize..80,
    ) {
        let a = anchor(&old, start, end);
        proptest::prop_assert!(old.contains(&a.exact));
        match relocate(&a, &new) {
            Relocation::Survived { start, end } | Relocation::Changed { start, end } => {
                proptest::prop_assert!(start <= end && end <= new.len());
                proptest::prop_assert!(new.is_char_boundary(start) && new.is_char_boundary(end));
            }
            Relocation::Gone => {}
        }
        // A quote relocated in its own text survives where it was.
        if !a.exact.is_empty() {
            let survived = matches!(relocate(&a, &old), Relocation::Survived { .. });
            proptest::prop_assert!(survived);
        }
    }
}
