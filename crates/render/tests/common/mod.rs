//! A small record of meeting 106, built by hand, that every renderer test reads.
//!
//! It holds one of each kind of fact a renderer must show: a group with a short name, a start in
//! UTC, an agenda with a sub-item and an item never discussed, a co-chair, speakers that are
//! resolved, ambiguous, unknown and nobody, an agreement, a mention, resolved and unresolved
//! dates, an action item, a decision, a reference, a repair and a diagnostic.
//! The texts echo a real report, and one carries markup that must come out as text.

use model::{
    ActionItem, AgendaItem, Agreement, AgreementBasis, Code, DateFact, DateKind, DateValue,
    Decision, Diagnostic, Group, Intervention, Meeting, Mention, Mode, Participant, Record,
    Reference, Repair, RepairKind, Role, Source, Span, Speaker, StakeholderGroup, Start,
};

pub fn record() -> Record {
    Record {
        source: Source {
            path: "reports/106.txt".to_owned(),
            reader: "summary-report".to_owned(),
            sha256: "5d41402abc4b2a76b9719d911017c592".to_owned(),
        },
        group: Group {
            name: Some("MAG Working Group on IGF Strengthening and Strategy".to_owned()),
            short_name: Some("WG-Strategy".to_owned()),
            parent: Some("IGF MAG".to_owned()),
        },
        meeting: Meeting {
            number: Some(106),
            title: Some("Summary Report".to_owned()),
            date: Some("2025-12-04".parse().expect("a valid date")),
            start: Some(Start {
                local: "2025-12-04T13:00:00"
                    .parse()
                    .expect("a valid date and time"),
                zone: "UTC".to_owned(),
                offset_seconds: 0,
            }),
            mode: Some(Mode::Online),
            moderator: Some("Titti Cassa".to_owned()),
            chairs: vec!["Titti Cassa".to_owned()],
            recording: Some("available upon request".to_owned()),
            span: Span::lines(1, 9),
        },
        agenda: vec![
            item("1", "WSIS+20 – Rev2", vec![], 15),
            item(
                "2",
                "IGF Improvements",
                vec![item("2.a", "Workshop processes", vec![], 17)],
                16,
            ),
            item("3", "Any other business (AOB)", vec![], 18),
        ],
        participants: vec![
            participant(
                "Titti Cassa",
                "Group's Co-Chair, IGF MAG member, Government of Italy",
                &[Role::CoChair],
                Some(StakeholderGroup::Government),
                60,
            ),
            participant("Chris Buckridge", "IGF MAG member", &[], None, 61),
            participant(
                "Jorge Cancio",
                "Government of Switzerland",
                &[],
                Some(StakeholderGroup::Government),
                62,
            ),
            participant("Jorge Perez", "IGF MAG Member", &[], None, 63),
        ],
        interventions: vec![
            Intervention {
                agenda_item: None,
                order: 1,
                speaker: titti(),
                act: Some("opened".to_owned()),
                agreements: vec![],
                text: "Titti opened the meeting by introducing the agenda.".to_owned(),
                span: Span::lines(11, 11),
            },
            Intervention {
                agenda_item: Some("1".to_owned()),
                order: 2,
                speaker: titti(),
                act: Some("noted".to_owned()),
                agreements: vec![],
                text: "Titti noted that Revision 2 of the WSIS+20 Outcome Document was published \
                       earlier in the day of the meeting. She noted that some people had already \
                       shared views on the list and elsewhere."
                    .to_owned(),
                span: Span::lines(25, 25),
            },
            Intervention {
                agenda_item: Some("1".to_owned()),
                order: 3,
                speaker: jorge(),
                act: Some("agreed".to_owned()),
                agreements: vec![Agreement {
                    with: titti(),
                    basis: AgreementBasis::PreviousSpeaker,
                }],
                text: "Jorge also agreed that the efforts to link Internet governance to these \
                       issues have not been successful so far."
                    .to_owned(),
                span: Span::lines(27, 27),
            },
            Intervention {
                agenda_item: Some("1".to_owned()),
                order: 4,
                speaker: Speaker::Unknown {
                    mention: "Peace".to_owned(),
                },
                act: Some("noted".to_owned()),
                agreements: vec![],
                text: "Peace noted that the draft quoted <script>alert(\"x\")</script> & 'other' \
                       markup verbatim, and asked that it be removed."
                    .to_owned(),
                span: Span::lines(29, 30),
            },
            Intervention {
                agenda_item: Some("2".to_owned()),
                order: 5,
                speaker: titti(),
                act: Some("introduced".to_owned()),
                agreements: vec![],
                text: "Titti introduced the work that Lito has been leading on improvements to \
                       IGF modalities."
                    .to_owned(),
                span: Span::lines(34, 34),
            },
            Intervention {
                agenda_item: Some("2.a".to_owned()),
                order: 6,
                speaker: Speaker::Resolved {
                    name: "Chris Buckridge".to_owned(),
                    mention: "Chris".to_owned(),
                },
                act: Some("agreed".to_owned()),
                agreements: vec![Agreement {
                    with: jorge(),
                    basis: AgreementBasis::Named,
                }],
                text: "Chris agreed with Jorge's concern and reiterated the call for feedback on \
                       the document, with a deadline of 5 December."
                    .to_owned(),
                span: Span::lines(36, 36),
            },
            Intervention {
                agenda_item: Some("2".to_owned()),
                order: 7,
                speaker: Speaker::Nobody,
                act: None,
                agreements: vec![],
                text: "There was discussion of holding the next meeting of the WG on 18 December, \
                       and of a workshop early next year."
                    .to_owned(),
                span: Span::lines(38, 38),
            },
        ],
        mentions: vec![Mention {
            person: Speaker::Unknown {
                mention: "Lito".to_owned(),
            },
            intervention: Some(5),
            span: Span::at(34, 32),
        }],
        dates: vec![
            DateFact {
                text: "5 December".to_owned(),
                value: Some(DateValue::Day("2025-12-05".parse().expect("a valid date"))),
                kind: DateKind::Deadline,
                context: "Chris agreed with Jorge's concern and reiterated the call for feedback \
                          on the document, with a deadline of 5 December."
                    .to_owned(),
                span: Span::at(36, 110),
            },
            DateFact {
                text: "18 December".to_owned(),
                value: Some(DateValue::Day("2025-12-18".parse().expect("a valid date"))),
                kind: DateKind::NextMeeting,
                context: "There was discussion of holding the next meeting of the WG on 18 \
                          December, and of a workshop early next year."
                    .to_owned(),
                span: Span::at(38, 64),
            },
            DateFact {
                text: "early next year".to_owned(),
                value: None,
                kind: DateKind::Mentioned,
                context: "There was discussion of holding the next meeting of the WG on 18 \
                          December, and of a workshop early next year."
                    .to_owned(),
                span: Span::at(38, 94),
            },
        ],
        action_items: vec![ActionItem {
            what: "Provide feedback on the document".to_owned(),
            owner: Some("all".to_owned()),
            due: Some(DateValue::Day("2025-12-05".parse().expect("a valid date"))),
            span: Span::at(36, 43),
        }],
        decisions: vec![Decision {
            text: "The next meeting will be held on 18 December.".to_owned(),
            span: Span::lines(38, 38),
        }],
        references: vec![Reference {
            document: Some("WSIS+20 Outcome Document".to_owned()),
            version: Some("Rev2".to_owned()),
            paragraph: None,
            text: "Revision 2 of the WSIS+20 Outcome Document".to_owned(),
            span: Span::at(25, 18),
        }],
        repairs: vec![Repair {
            kind: RepairKind::JoinedSplitSentence,
            description: "joined a sentence split across lines 29 and 30".to_owned(),
            span: Span::lines(29, 30),
        }],
        diagnostics: vec![
            Diagnostic::new(
                Code::AmbiguousSpeaker,
                Span::at(27, 1),
                5,
                "`Jorge` could be Jorge Cancio or Jorge Perez",
            )
            .with_hint("add a people hint that says which Jorge spoke"),
        ],
    }
}

fn titti() -> Speaker {
    Speaker::Resolved {
        name: "Titti Cassa".to_owned(),
        mention: "Titti".to_owned(),
    }
}

fn jorge() -> Speaker {
    Speaker::Ambiguous {
        mention: "Jorge".to_owned(),
        candidates: vec!["Jorge Cancio".to_owned(), "Jorge Perez".to_owned()],
    }
}

fn item(number: &str, title: &str, items: Vec<AgendaItem>, line: u32) -> AgendaItem {
    AgendaItem {
        number: number.to_owned(),
        title: title.to_owned(),
        items,
        span: Span::lines(line, line),
    }
}

fn participant(
    name: &str,
    affiliation: &str,
    roles: &[Role],
    stakeholder_group: Option<StakeholderGroup>,
    line: u32,
) -> Participant {
    Participant {
        name: name.to_owned(),
        affiliation: Some(affiliation.to_owned()),
        roles: roles.to_vec(),
        stakeholder_group,
        aliases: vec![],
        honorific: None,
        span: Span::lines(line, line),
    }
}
