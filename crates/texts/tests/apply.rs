//! The round trip the redline promises: for any revision A and any revision B made from it by
//! random edits (words changed, paragraphs inserted, deleted, moved, split, merged, renumbered,
//! brackets and status tags added), applying the diff from A to B to A gives B exactly.

use proptest::prelude::*;
use texts::{History, apply, diff, read_revision};

const WORDS: &[&str] = &[
    "We",
    "recognise",
    "the",
    "role",
    "of",
    "digital",
    "cooperation",
    "in",
    "[bracketed]",
    "financing",
    "mechanisms",
    "e-waste",
    "Member",
    "States",
    "and",
    "stakeholders",
    "commit",
    "to",
    "para.",
    "54tre",
    "2030,",
    "invite",
    "[contested",
    "text]",
    "(a)",
    "Forum;",
];

/// One edit of the list of paragraph texts.
#[derive(Debug, Clone)]
enum Edit {
    Words { at: usize, word: usize, with: usize },
    Insert { at: usize, words: Vec<usize> },
    Delete { at: usize },
    Move { from: usize, to: usize },
    Split { at: usize },
    Merge { at: usize },
    Status { at: usize },
}

fn paragraph() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..WORDS.len(), 1..18)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), 0..WORDS.len()).prop_map(|(at, word, with)| Edit::Words {
            at,
            word,
            with
        }),
        (any::<usize>(), paragraph()).prop_map(|(at, words)| Edit::Insert { at, words }),
        any::<usize>().prop_map(|at| Edit::Delete { at }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Edit::Move { from, to }),
        any::<usize>().prop_map(|at| Edit::Split { at }),
        any::<usize>().prop_map(|at| Edit::Merge { at }),
        any::<usize>().prop_map(|at| Edit::Status { at }),
    ]
}

/// A paragraph: its words, and whether it carries a status tag.
type Para = (Vec<usize>, bool);

fn edited(mut paras: Vec<Para>, edits: &[Edit]) -> Vec<Para> {
    for edit in edits {
        let n = paras.len();
        match edit.clone() {
            Edit::Words { at, word, with } if n > 0 => {
                let p = &mut paras[at % n].0;
                let k = word % p.len();
                p[k] = with;
            }
            Edit::Insert { at, words } => paras.insert(at % (n + 1), (words, false)),
            Edit::Delete { at } if n > 1 => {
                paras.remove(at % n);
            }
            Edit::Move { from, to } if n > 1 => {
                let p = paras.remove(from % n);
                paras.insert(to % n, p);
            }
            Edit::Split { at } if n > 0 && paras[at % n].0.len() > 1 => {
                let (words, status) = paras.remove(at % n);
                let half = words.len() / 2;
                paras.insert(at % n, (words[half..].to_vec(), false));
                paras.insert(at % n, (words[..half].to_vec(), status));
            }
            Edit::Merge { at } if n > 1 => {
                let k = at % (n - 1);
                let (next, _) = paras.remove(k + 1);
                paras[k].0.extend(next);
            }
            Edit::Status { at } if n > 0 => paras[at % n].1 = !paras[at % n].1,
            _ => {}
        }
    }
    paras
}

/// The revision as a negotiator would type it: a title, numbered paragraphs, a heading.
fn text(paras: &[Para], suffix: bool) -> String {
    let mut out = String::from("# Generated Outcome Document\n\n## Operative part\n\n");
    for (k, (words, status)) in paras.iter().enumerate() {
        let number = if suffix && k % 5 == 4 {
            format!("{} bis", k)
        } else {
            (k + 1).to_string()
        };
        let body: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        let tag = if *status { " [agreed ad ref]" } else { "" };
        out.push_str(&format!("{number}. {}{tag}\n\n", body.join(" ")));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn applying_the_diff_gives_b_back(
        paras in prop::collection::vec((paragraph(), any::<bool>()), 1..25),
        edits in prop::collection::vec(edit(), 0..12),
        more in prop::collection::vec(edit(), 0..6),
        suffix in any::<bool>(),
    ) {
        let a_text = text(&paras, false);
        let b_paras = edited(paras, &edits);
        let c_text = text(&edited(b_paras.clone(), &more), !suffix);
        let b_text = text(&b_paras, suffix);
        let a = read_revision("a.md", a_text.as_bytes()).expect("a is readable");
        let b = read_revision("b.md", b_text.as_bytes()).expect("b is readable");
        let computed = diff(&a, &b);
        prop_assert_eq!(apply(&a, &computed), b.clone());
        // Every paragraph of B appears once, every paragraph of A at least once.
        let mut seen_b: Vec<usize> = computed.entries.iter().filter_map(|e| e.b).collect();
        seen_b.sort_unstable();
        prop_assert_eq!(seen_b, (0..b.paragraphs.len()).collect::<Vec<_>>());
        let mut seen_a: Vec<usize> = computed.entries.iter().flat_map(|e| e.a.clone()).collect();
        seen_a.sort_unstable();
        seen_a.dedup();
        prop_assert_eq!(seen_a, (0..a.paragraphs.len()).collect::<Vec<_>>());
        // Along a history of three revisions too, between any two of them.
        let c = read_revision("c.md", c_text.as_bytes()).expect("c is readable");
        let revisions = [&a, &b, &c];
        let history = History::build(&revisions);
        for (from, to) in [(0, 1), (1, 2), (0, 2), (2, 0)] {
            prop_assert_eq!(&apply(revisions[from], &history.diff(&revisions, from, to)), revisions[to]);
        }
    }
}

/// Two unrelated revisions of thousands of paragraphs each: every pass compares a paragraph
/// with a bounded band of the other side, so this finishes, and the diff still gives B back.
#[test]
fn unrelated_long_revisions_are_aligned_and_applied() {
    let revision = |seed: usize| {
        let mut text = String::from("# Long\n\n");
        for k in 0..1500 {
            let words: Vec<&str> = (0..6)
                .map(|w| WORDS[(k * 7 + w * 3 + seed) % WORDS.len()])
                .collect();
            text.push_str(&format!("{}. {} {k}{seed}\n\n", k + 1, words.join(" ")));
        }
        read_revision("long.md", text.as_bytes()).expect("readable")
    };
    let (a, b) = (revision(1), revision(2));
    let d = diff(&a, &b);
    assert_eq!(apply(&a, &d), b);
}
