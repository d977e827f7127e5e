//! Feeds: Atom (RFC 4287) of new and changed records, for the whole site and per group; and
//! an iCalendar (RFC 5545) calendar per group of its meetings, deadlines and action items.
//!
//! Atom is written by `atom_syndication`. iCalendar is written here: its rules are few
//! (CRLF line ends, text escaping, lines folded at 75 octets), and every time is given in
//! UTC, converted from the offset the report states, so no calendar has to know a zone
//! abbreviation such as "CET".

use std::sync::Arc;

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::Site;
use crate::pool::WebError;
use crate::views::{group_url, long_date, meeting_label, meeting_url};

pub fn router() -> Router<Arc<Site>> {
    Router::new()
        .route("/feed.atom", get(site_feed))
        .route("/groups/{group}/feed.atom", get(group_feed))
        .route("/groups/{group}/calendar.ics", get(calendar))
}

/// The site's address as the client reached it, for the absolute links feeds need.
fn base(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

async fn site_feed(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    atom(site, headers, None).await
}

async fn group_feed(
    State(site): State<Arc<Site>>,
    Path(group): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    atom(site, headers, Some(group)).await
}

fn stamp(text: &str) -> FixedDateTime {
    text.parse::<FixedDateTime>()
        .unwrap_or_else(|_| FixedDateTime::default())
}

async fn atom(
    site: Arc<Site>,
    headers: HeaderMap,
    group: Option<String>,
) -> Result<Response, WebError> {
    let base = base(&headers);
    let (title, path, entries) = site
        .pool
        .run(move |store| {
            let (title, path) = match &group {
                Some(g) => {
                    let view = store.group(g)?;
                    (
                        format!(
                            "{}: new meeting records",
                            view.summary
                                .name
                                .as_deref()
                                .unwrap_or(&view.summary.short_name)
                        ),
                        group_url(&view.summary.slug),
                    )
                }
                None => ("rapporteur: new meeting records".to_owned(), String::new()),
            };
            let mut entries = Vec::new();
            for (meeting, updated) in store.changes(group.as_deref(), 50)? {
                let record = store.meeting(&meeting)?.record;
                entries.push((meeting, updated, record));
            }
            Ok((title, path, entries))
        })
        .await?;
    let self_url = format!("{base}{path}/feed.atom");
    let updated = entries
        .first()
        .map_or_else(FixedDateTime::default, |(_, u, _)| stamp(u));
    let feed = Feed {
        title: Text::plain(title),
        id: self_url.clone(),
        updated,
        authors: vec![Person {
            name: "rapporteur".into(),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: self_url,
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: format!("{base}{}", if path.is_empty() { "/" } else { &path }),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        entries: entries
            .iter()
            .map(|(meeting, updated, record)| {
                let url = format!("{base}{}", meeting_url(meeting));
                let mut summary = Vec::new();
                if let Some(date) = &meeting.date {
                    summary.push(format!("Held on {}.", long_date(date)));
                }
                let agenda: Vec<String> = record
                    .agenda
                    .iter()
                    .map(|i| format!("{}. {}", i.number, i.title))
                    .collect();
                if !agenda.is_empty() {
                    summary.push(format!("Agenda: {}.", agenda.join("; ")));
                }
                summary.push(format!(
                    "{} interventions, {} participants, {} action items.",
                    record.interventions.len(),
                    record.participants.len(),
                    record.action_items.len()
                ));
                Entry {
                    title: Text::plain(match &meeting.title {
                        Some(t) => format!("{}: {t}", meeting_label(meeting)),
                        None => meeting_label(meeting),
                    }),
                    // Stable across re-imports and archives: the group and the meeting's key.
                    id: format!("{base}{}", meeting_url(meeting)),
                    updated: stamp(updated),
                    links: vec![Link {
                        href: url,
                        rel: "alternate".into(),
                        mime_type: Some("text/html".into()),
                        ..Link::default()
                    }],
                    summary: Some(Text::plain(summary.join(" "))),
                    content: None::<Content>,
                    ..Entry::default()
                }
            })
            .collect(),
        ..Feed::default()
    };
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response())
}

async fn calendar(
    State(site): State<Arc<Site>>,
    Path(group): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let base = base(&headers);
    let (view, meetings, dated) = site
        .pool
        .run(move |store| {
            let view = store.group(&group)?;
            let mut meetings = Vec::new();
            for summary in store.meetings(Some(&view.summary.slug))? {
                let record = store.meeting(&summary.meeting)?.record;
                meetings.push((summary.meeting, record.meeting));
            }
            let dated = store.calendar(Some(&view.summary.slug))?;
            Ok((view, meetings, dated))
        })
        .await?;
    let now = jiff::Timestamp::now();
    let mut cal = Calendar::new(&format!(
        "{} ({})",
        view.summary
            .name
            .as_deref()
            .unwrap_or(&view.summary.short_name),
        view.summary.short_name
    ));
    let stamp = ical_utc(now);
    let held: Vec<&str> = meetings
        .iter()
        .filter_map(|(m, _)| m.date.as_deref())
        .collect();
    for (meeting, facts) in &meetings {
        let url = format!("{base}{}", meeting_url(meeting));
        let start = match (&facts.start, &meeting.date) {
            (Some(start), _) => {
                let local = start.local;
                let utc = jiff::civil::DateTime::new(
                    local.year(),
                    local.month(),
                    local.day(),
                    local.hour(),
                    local.minute(),
                    local.second(),
                    0,
                )
                .ok()
                .and_then(|d| {
                    d.checked_sub(jiff::SignedDuration::from_secs(i64::from(
                        start.offset_seconds,
                    )))
                    .ok()
                });
                match utc {
                    Some(utc) => Start::Time(format!(
                        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                        utc.year(),
                        utc.month(),
                        utc.day(),
                        utc.hour(),
                        utc.minute(),
                        utc.second()
                    )),
                    None => continue,
                }
            }
            (None, Some(date)) => Start::Day(date.replace('-', "")),
            (None, None) => continue,
        };
        let mut description = format!("{}. {url}", meeting_label(meeting));
        if let Some(start) = &facts.start {
            description = format!(
                "{:02}:{:02} {} as the report states. {description}",
                start.local.hour(),
                start.local.minute(),
                start.zone
            );
        }
        cal.event(&Event {
            uid: format!(
                "meeting-{}@{}",
                meeting_url(meeting)
                    .replace('/', "-")
                    .trim_start_matches('-'),
                host(&base)
            ),
            stamp: &stamp,
            start,
            summary: match &meeting.title {
                Some(t) if !t.is_empty() => format!("{} ({t})", meeting_label(meeting)),
                _ => meeting_label(meeting),
            },
            description,
            url: Some(url),
        });
    }
    for (index, d) in dated.iter().enumerate() {
        // Only days go in a calendar; a month alone ("July 2026") has no day to show.
        if d.value.len() != 10 {
            continue;
        }
        // A next meeting the archive already holds is listed once, as that meeting.
        if d.kind == "next-meeting" && held.contains(&d.value.as_str()) {
            continue;
        }
        let from = meeting_label(&d.meeting);
        let url = format!("{base}{}", meeting_url(&d.meeting));
        let summary = match d.kind.as_str() {
            "next-meeting" => format!("Next meeting of {} (announced at {from})", d.meeting.group),
            "deadline" => format!(
                "{}: deadline ({})",
                d.meeting.group,
                d.context.as_deref().unwrap_or(&d.text)
            ),
            _ => match &d.owner {
                Some(owner) => format!("{}: due: {} ({owner})", d.meeting.group, d.text),
                None => format!("{}: due: {}", d.meeting.group, d.text),
            },
        };
        cal.event(&Event {
            uid: format!(
                "{}-{}-{}-{index}@{}",
                d.kind,
                meeting_url(&d.meeting)
                    .replace('/', "-")
                    .trim_start_matches('-'),
                d.line,
                host(&base)
            ),
            stamp: &stamp,
            start: Start::Day(d.value.replace('-', "")),
            summary,
            description: format!(
                "From {from}, line {}: {}. {url}",
                d.line,
                d.context.as_deref().unwrap_or(&d.text)
            ),
            url: Some(url),
        });
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"calendar.ics\"",
            ),
        ],
        cal.finish(),
    )
        .into_response())
}

fn host(base: &str) -> &str {
    base.trim_start_matches("http://")
}

fn ical_utc(t: jiff::Timestamp) -> String {
    let text = t.round(jiff::Unit::Second).unwrap_or(t).to_string();
    // "2026-11-26T09:00:00Z" → "20261126T090000Z"
    text.replace(['-', ':'], "")
}

enum Start {
    Time(String),
    Day(String),
}

struct Event<'a> {
    uid: String,
    stamp: &'a str,
    start: Start,
    summary: String,
    description: String,
    url: Option<String>,
}

/// An iCalendar document being written: content lines ended with CRLF and folded.
struct Calendar {
    out: String,
}

impl Calendar {
    fn new(name: &str) -> Calendar {
        let mut cal = Calendar { out: String::new() };
        cal.line("BEGIN:VCALENDAR");
        cal.line("VERSION:2.0");
        cal.line("PRODID:-//rapporteur//rapporteur//EN");
        cal.line("CALSCALE:GREGORIAN");
        cal.line("METHOD:PUBLISH");
        cal.line(&format!("X-WR-CALNAME:{}", escape(name)));
        cal
    }

    fn event(&mut self, event: &Event<'_>) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}", escape(&event.uid)));
        self.line(&format!("DTSTAMP:{}", event.stamp));
        match &event.start {
            Start::Time(t) => self.line(&format!("DTSTART:{t}")),
            Start::Day(d) => self.line(&format!("DTSTART;VALUE=DATE:{d}")),
        }
        self.line(&format!("SUMMARY:{}", escape(&event.summary)));
        self.line(&format!("DESCRIPTION:{}", escape(&event.description)));
        if let Some(url) = &event.url {
            self.line(&format!("URL:{url}"));
        }
        self.line("END:VEVENT");
    }

    fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }

    /// One content line, folded so that no line is longer than 75 octets (RFC 5545, 3.1).
    fn line(&mut self, text: &str) {
        let mut width = 0;
        for c in text.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.out.push_str("\r\n ");
                width = 1;
            }
            self.out.push(c);
            width += len;
        }
        self.out.push_str("\r\n");
    }
}

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut cal = Calendar { out: String::new() };
        let text = format!("SUMMARY:{}", "é".repeat(60));
        cal.line(&text);
        for line in cal.out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = cal.out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{text}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
