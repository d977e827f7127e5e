//! The example archive's negotiated text, the Data Stewardship Principles of the fictional
//! WG-Data (`examples/archive/documents/data-stewardship-principles/`), through its four revisions: what the meetings of
//! `examples/archive` say about it must be what the history finds ("para 7bis of Rev1 is now
//! para 8", "formerly para 12 … now para 13", "para 10 (formerly para 9)", paras 19 and 20
//! merged, para 13 deleted), and comments made on Rev2 must land where the co-chairs expect in
//! Rev3.

mod common;

use texts::{Change, Comment, History, Relocation, Revision, anchor, carry, read_revision};

/// The paragraphs edited from Rev2 to Rev3, as `examples/archive/documents/CITATIONS.md`
/// lists them: 10 ("meaningful consent" restored), 13 and 15 (brackets resolved), 20 (the
/// cross-reference), and the editorial comments on 45, 57 and 96.
const EDITED_IN_REV3: [&str; 7] = ["10", "13", "15", "20", "45", "57", "96"];
/// What the bracketed words of Rev2 para 15 became in Rev3 ("in particular in developing
/// countries, including small island developing states").
const CHANGED_TO: &str = "in developing countries, including small island developing states";

fn revision(label: &str) -> Revision {
    let path = format!(
        "{}/../../examples/archive/documents/data-stewardship-principles/{label}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_revision(&path, &bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn para(r: &Revision, number: &str) -> usize {
    r.find(number)
        .unwrap_or_else(|| panic!("no paragraph {number}"))
}

#[test]
fn the_history_matches_what_the_meetings_say() {
    let revisions = [
        revision("zero-draft"),
        revision("rev1"),
        revision("rev2"),
        revision("rev3"),
    ];
    let [zero, rev1, rev2, rev3] = &revisions;
    let all = [zero, rev1, rev2, rev3];
    let history = History::build(&all);
    let numbered = |r: &Revision| r.paragraphs.iter().filter(|p| p.number.is_some()).count();
    // "twenty-one paragraphs in five sections, followed by ninety-six paragraphs of guidance",
    // and four sub-paragraphs (a) to (d) under para 12.
    assert_eq!(numbered(zero), 121);
    assert_eq!(
        (numbered(rev1), numbered(rev2), numbered(rev3)),
        (121, 123, 123)
    );

    let same = |(r1, n1): (usize, &str), (r2, n2): (usize, &str)| {
        history.id(r1, para(all[r1], n1)) == history.id(r2, para(all[r2], n2))
    };
    assert!(
        same((1, "7bis"), (2, "8")),
        "para 7bis of Rev1 is now para 8"
    );
    assert!(same((1, "12"), (2, "13")), "formerly para 12, now para 13");
    assert!(same((1, "9"), (2, "10")), "para 10 (formerly para 9)");
    assert!(
        same((0, "12"), (3, "13")),
        "para 13 of Rev3 is para 12 of the Zero draft"
    );
    assert!(same((0, "15"), (3, "15")));

    // Para 13 of Rev1 was deleted in Rev2. "Paras 19 and 20" were merged into Rev2's 19,
    // but the merged text keeps only para 20's words: by the text, 19 went and 20 stayed.
    let thirteen = history.id(1, para(rev1, "13"));
    assert_eq!(history.follow(thirteen, 2), None);
    let twenty = history.id(1, para(rev1, "20"));
    assert_eq!(history.follow(twenty, 2), Some(para(rev2, "19")));
    // Para 12 of the Zero draft was rewritten as two bracketed alternatives under its number.
    assert!(same((0, "12"), (1, "12")), "para 12 rewritten in Rev1");

    let rev1_to_rev2 = history.diff(&all, 1, 2);
    assert_eq!(texts::apply(rev1, &rev1_to_rev2), *rev2);
    let changes_of = |d: &texts::Diff, j: usize| {
        d.entries
            .iter()
            .find(|e| e.b == Some(j))
            .map(|e| e.changes.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        changes_of(&rev1_to_rev2, para(rev2, "8")),
        [Change::Edited, Change::Renumbered]
    );

    // Rev2 to Rev3: the paragraphs the last meetings settled are edited; the rest gains its
    // status tag at most.
    let rev2_to_rev3 = history.diff(&all, 2, 3);
    assert_eq!(texts::apply(rev2, &rev2_to_rev3), *rev3);
    let edited: Vec<&str> = rev2_to_rev3
        .entries
        .iter()
        .filter(|e| e.changes.contains(&Change::Edited))
        .filter_map(|e| e.b.and_then(|j| rev3.paragraphs[j].number.as_deref()))
        .collect();
    assert_eq!(edited, EDITED_IN_REV3);
}

#[test]
fn comments_on_rev2_land_in_rev3() {
    let (rev2, rev3) = (revision("rev2"), revision("rev3"));
    let all = [&rev2, &rev3];
    let history = History::build(&all);
    let on = |number: &str, quote: &str| {
        let i = para(&rev2, number);
        let text = &rev2.paragraphs[i].text;
        let start = text.find(quote).expect("the quote is in the paragraph");
        Comment {
            author: "Grace Tuilagi".to_owned(),
            body: "See the 2024 declaration.".to_owned(),
            rev: 0,
            para: history.id(0, i),
            anchor: Some(anchor(text, start, start + quote.len())),
            date: Some("2026-12-15".to_owned()),
        }
    };
    let bracketed = on("15", "[, including in small island developing states,]");
    let authorities = on("13", "legitimate and proportionate");
    let placed = carry(&history, &all, &bracketed, 1);
    assert_eq!(placed.para, Some(para(&rev3, "15")));
    let Some(Relocation::Changed { start, end }) = placed.quote else {
        panic!("the bracketed words changed: {placed:?}");
    };
    assert_eq!(
        &rev3.paragraphs[para(&rev3, "15")].text[start..end],
        CHANGED_TO
    );
    let placed = carry(&history, &all, &authorities, 1);
    assert!(matches!(placed.quote, Some(Relocation::Survived { .. })));
}

#[test]
fn meeting_citations_resolve_in_the_revision_of_their_day() {
    let revisions = [
        revision("zero-draft"),
        revision("rev1"),
        revision("rev2"),
        revision("rev3"),
    ];
    let dates = [
        Some("2026-09-08"),
        Some("2026-10-16"),
        Some("2026-12-01"),
        Some("2027-01-19"),
    ];
    let cite = |text: &str, day: &str| {
        let rev = texts::current_revision(&dates, day).expect("a revision is current");
        let citation = texts::parse_citation(text).expect("a citation");
        let found: Vec<String> = texts::resolve(&revisions[rev], &citation)
            .into_iter()
            .map(|i| common::name(&revisions[rev], i))
            .collect();
        (rev, found.join(" "))
    };
    // Meeting 23 (20 October) reads Rev1; meeting 26 (8 December) reads Rev2.
    assert_eq!(cite("para 7bis", "2026-10-20"), (1, "7bis".to_owned()));
    assert_eq!(
        cite("paras 18 to 21", "2026-10-20"),
        (1, "18 19 20 21".to_owned())
    );
    assert_eq!(cite("para 13", "2026-12-08"), (2, "13".to_owned()));
    assert_eq!(
        cite("paras 13 and 15", "2026-12-22"),
        (2, "13 15".to_owned())
    );
    // Rev2 has no para 7bis: nothing, rather than a neighbour.
    assert_eq!(cite("para 7bis", "2026-12-08"), (2, String::new()));
}
