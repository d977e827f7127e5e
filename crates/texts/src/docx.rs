//! The DOCX reader: `word/document.xml` (and `word/numbering.xml`, when there is one) to
//! [`Item`]s.
//!
//! Each `<w:p>` is one paragraph. Its text is the concatenation of its `<w:t>` runs, with
//! tracked insertions kept and tracked deletions (`<w:delText>`) left out, so a revision is read
//! as its drafters would print it. Numbers come from two places: automatic numbering
//! (`<w:numPr>`, counted per list and level and formatted with the level's `numFmt` and
//! `lvlText` from `numbering.xml`, or with UN-style defaults `1.`, `(a)`, `(i)` when the file
//! has none) and numbers typed into the text (`12.`, `54 bis.`), which are read like plain text.
//! `Heading1`…`Heading9` styles are headings and `Title` is the title. An item's line is the
//! paragraph's ordinal in `document.xml`.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::TextError;
use crate::number::{self, Label, SubStyle};
use crate::read::Item;
use crate::revision::ParagraphKind;

/// The most a part of the archive may inflate to; guards against zip bombs.
const MAX_PART: u64 = 64 * 1024 * 1024;

pub(crate) fn items(bytes: &[u8]) -> Result<Vec<Item>, TextError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| TextError::BadZip {
        reason: e.to_string(),
    })?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(TextError::NoDocumentXml)?;
    let numbering = match part(&mut archive, "word/numbering.xml")? {
        Some(xml) => parse_numbering(&xml)?,
        None => Numbering::default(),
    };
    parse_document(&document, &numbering)
}

/// One part of the archive as text, `None` when the archive lacks it.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, TextError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(TextError::BadZip {
                reason: format!("{name}: {e}"),
            });
        }
    };
    let mut raw = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut raw)
        .map_err(|e| TextError::BadZip {
            reason: format!("{name}: {e}"),
        })?;
    if raw.len() as u64 > MAX_PART {
        return Err(TextError::TooLarge {
            size: raw.len(),
            max: MAX_PART as usize,
        });
    }
    String::from_utf8(raw)
        .map(Some)
        .map_err(|e| TextError::InvalidXml {
            part: name.to_owned(),
            offset: e.utf8_error().valid_up_to() as u64,
            reason: "not UTF-8".to_owned(),
        })
}

/// One level of an automatic list: its format (`decimal`, `lowerLetter`, …), its text with
/// `%1`…`%9` placeholders, and where it starts.
#[derive(Debug, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

#[derive(Debug, Default)]
struct Numbering {
    /// `numId` → `abstractNumId`.
    nums: HashMap<String, String>,
    /// `abstractNumId` → levels by `ilvl`.
    abstracts: HashMap<String, HashMap<u8, Level>>,
}

impl Numbering {
    fn level(&self, num_id: &str, ilvl: u8) -> Level {
        self.nums
            .get(num_id)
            .and_then(|a| self.abstracts.get(a))
            .and_then(|levels| levels.get(&ilvl))
            .cloned()
            .unwrap_or_else(|| default_level(ilvl))
    }
}

/// The numbering of a UN draft when the file does not say: `1.`, then `(a)`, then `(i)`.
fn default_level(ilvl: u8) -> Level {
    let (format, text) = match ilvl {
        0 => ("decimal", "%1."),
        1 => ("lowerLetter", "(%2)"),
        _ => ("lowerRoman", "(%3)"),
    };
    let text = text.replace("%3", &format!("%{}", ilvl + 1));
    Level {
        format: format.to_owned(),
        text,
        start: 1,
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

fn xml_error(part: &str, reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> TextError {
    TextError::InvalidXml {
        part: part.to_owned(),
        offset: reader.error_position(),
        reason: e.to_string(),
    }
}

/// Walks a part, calling `visit` with each start (or empty) element, each end element's local
/// name, and each piece of text; fails on malformed XML, including a document that ends with
/// elements still open.
fn walk(
    part: &str,
    xml: &str,
    mut visit: impl FnMut(XmlEvent<'_>) -> Result<(), TextError>,
) -> Result<(), TextError> {
    let mut reader = Reader::from_reader(xml.as_bytes());
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(part, &reader, e))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                visit(XmlEvent::Open(&e))?;
            }
            Event::Empty(e) => {
                visit(XmlEvent::Open(&e))?;
                visit(XmlEvent::Close(e.local_name().as_ref()))?;
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                visit(XmlEvent::Close(e.local_name().as_ref()))?;
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| xml_error(part, &reader, e))?;
                visit(XmlEvent::Text(&text))?;
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| xml_error(part, &reader, e))?;
                visit(XmlEvent::Text(&text))?;
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|e| xml_error(part, &reader, e))?
                        .map(String::from)
                } else {
                    let name = r.decode().map_err(|e| xml_error(part, &reader, e))?;
                    match name.as_ref() {
                        "amp" => Some("&".to_owned()),
                        "lt" => Some("<".to_owned()),
                        "gt" => Some(">".to_owned()),
                        "quot" => Some("\"".to_owned()),
                        "apos" => Some("'".to_owned()),
                        _ => None,
                    }
                };
                let Some(text) = resolved else {
                    return Err(xml_error(part, &reader, "unknown entity reference"));
                };
                visit(XmlEvent::Text(&text))?;
            }
            Event::Eof => {
                if depth > 0 {
                    return Err(TextError::InvalidXml {
                        part: part.to_owned(),
                        offset: reader.buffer_position(),
                        reason: "the document ends inside an element".to_owned(),
                    });
                }
                return Ok(());
            }
            _ => {}
        }
    }
}

enum XmlEvent<'a> {
    Open(&'a BytesStart<'a>),
    Close(&'a [u8]),
    Text(&'a str),
}

fn parse_numbering(xml: &str) -> Result<Numbering, TextError> {
    let mut numbering = Numbering::default();
    let mut num: Option<String> = None;
    let mut abstract_id: Option<String> = None;
    let mut level: Option<(u8, Level)> = None;
    walk("word/numbering.xml", xml, |event| {
        match event {
            XmlEvent::Open(e) => match e.local_name().as_ref() {
                b"num" => num = attr(e, b"numId"),
                b"abstractNumId" => {
                    if let (Some(n), Some(v)) = (&num, attr(e, b"val")) {
                        numbering.nums.insert(n.clone(), v);
                    }
                }
                b"abstractNum" => abstract_id = attr(e, b"abstractNumId"),
                b"lvl" if abstract_id.is_some() => {
                    let ilvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((ilvl, default_level(ilvl)));
                }
                b"start" => {
                    if let (Some((_, l)), Some(v)) = (&mut level, attr(e, b"val")) {
                        l.start = v.parse().unwrap_or(1);
                    }
                }
                b"numFmt" => {
                    if let (Some((_, l)), Some(v)) = (&mut level, attr(e, b"val")) {
                        l.format = v;
                    }
                }
                b"lvlText" => {
                    if let (Some((_, l)), Some(v)) = (&mut level, attr(e, b"val")) {
                        l.text = v;
                    }
                }
                _ => {}
            },
            XmlEvent::Close(name) => match name {
                b"lvl" => {
                    if let (Some(a), Some((ilvl, l))) = (&abstract_id, level.take()) {
                        numbering
                            .abstracts
                            .entry(a.clone())
                            .or_default()
                            .insert(ilvl, l);
                    }
                }
                b"abstractNum" => abstract_id = None,
                b"num" => num = None,
                _ => {}
            },
            XmlEvent::Text(_) => {}
        }
        Ok(())
    })?;
    Ok(numbering)
}

/// What is gathered about one `<w:p>` while walking it.
#[derive(Default)]
struct Para {
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    text: String,
}

fn parse_document(xml: &str, numbering: &Numbering) -> Result<Vec<Item>, TextError> {
    let mut items = Vec::new();
    let mut para: Option<Para> = None;
    let mut in_text = false;
    let mut ordinal = 0u32;
    // Counters per list (numId), one per level.
    let mut counters: HashMap<String, [u32; 9]> = HashMap::new();
    walk("word/document.xml", xml, |event| {
        match event {
            XmlEvent::Open(e) => match e.local_name().as_ref() {
                b"p" => {
                    ordinal += 1;
                    para = Some(Para::default());
                }
                b"pStyle" => {
                    if let Some(p) = &mut para {
                        p.style = attr(e, b"val");
                    }
                }
                b"numId" => {
                    if let Some(p) = &mut para {
                        p.num_id = attr(e, b"val");
                    }
                }
                b"ilvl" => {
                    if let Some(p) = &mut para {
                        p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok());
                    }
                }
                b"t" => in_text = true,
                b"tab" if para.is_some() => {
                    if let Some(p) = &mut para {
                        p.text.push(' ');
                    }
                }
                b"br" | b"cr" => {
                    if let Some(p) = &mut para {
                        p.text.push(' ');
                    }
                }
                _ => {}
            },
            XmlEvent::Close(name) => match name {
                b"t" => in_text = false,
                b"p" => {
                    if let Some(p) = para.take()
                        && let Some(item) = item(p, ordinal, numbering, &mut counters)
                    {
                        items.push(item);
                    }
                }
                _ => {}
            },
            XmlEvent::Text(text) => {
                if in_text && let Some(p) = &mut para {
                    p.text.push_str(text);
                }
            }
        }
        Ok(())
    })?;
    Ok(items)
}

/// One `<w:p>` as an item; `None` for an empty paragraph.
fn item(
    p: Para,
    ordinal: u32,
    numbering: &Numbering,
    counters: &mut HashMap<String, [u32; 9]>,
) -> Option<Item> {
    let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let style = p.style.unwrap_or_default();
    let mut item = Item {
        line: ordinal,
        column: 1,
        lines: 1,
        ..Item::default()
    };
    if style.eq_ignore_ascii_case("Title") {
        item.title = true;
    } else if let Some(level) = style
        .strip_prefix("Heading")
        .or_else(|| style.strip_prefix("heading"))
        .and_then(|l| l.trim().parse::<u8>().ok())
    {
        item.heading = Some(level);
    }
    let auto = p.num_id.filter(|id| id != "0");
    if let (Some(num_id), None, false) = (auto, item.heading, item.title) {
        let ilvl = p.ilvl.unwrap_or(0).min(8);
        let display = auto_number(numbering, &num_id, ilvl, counters);
        if let Some(display) = display {
            let kind = if ilvl == 0 {
                if display.starts_with("PP") {
                    ParagraphKind::Preambular
                } else {
                    ParagraphKind::Operative
                }
            } else {
                ParagraphKind::Sub
            };
            item.label = Some(Label {
                display,
                kind,
                sub: (ilvl > 0).then_some(SubStyle::Letter),
                text_start: 0,
            });
            if ilvl > 0 {
                item.depth = Some(ilvl);
            }
            item.text = text;
            return Some(item);
        }
    }
    if text.is_empty() {
        return None;
    }
    if item.heading.is_none()
        && !item.title
        && let Some(label) = number::label(&text)
    {
        item.text = text[label.text_start..].trim().to_owned();
        item.label = Some(label);
        return Some(item);
    }
    item.text = text;
    Some(item)
}

/// Advances the list's counter at `ilvl` and formats the label; `None` for bullets, which
/// number nothing.
fn auto_number(
    numbering: &Numbering,
    num_id: &str,
    ilvl: u8,
    counters: &mut HashMap<String, [u32; 9]>,
) -> Option<String> {
    let levels: Vec<Level> = (0..9).map(|l| numbering.level(num_id, l)).collect();
    let level = &levels[usize::from(ilvl)];
    if level.format == "bullet" || level.format == "none" {
        return None;
    }
    let counter = counters.entry(num_id.to_owned()).or_insert([0; 9]);
    let at = usize::from(ilvl);
    counter[at] = if counter[at] == 0 {
        level.start
    } else {
        counter[at] + 1
    };
    for deeper in counter.iter_mut().skip(at + 1) {
        *deeper = 0;
    }
    let mut out = level.text.clone();
    for (l, value) in counter.iter().enumerate().take(at + 1) {
        let value = if *value == 0 { levels[l].start } else { *value };
        out = out.replace(
            &format!("%{}", l + 1),
            &format_value(&levels[l].format, value),
        );
    }
    let out = out.trim().trim_end_matches('.').to_owned();
    (!out.is_empty()).then_some(out)
}

fn format_value(format: &str, value: u32) -> String {
    match format {
        "lowerLetter" => number::to_letters(value),
        "upperLetter" => number::to_letters(value).to_uppercase(),
        "lowerRoman" => number::to_roman(value),
        "upperRoman" => number::to_roman(value).to_uppercase(),
        _ => value.to_string(),
    }
}
