//! The record of a meeting, rendered for people and for programs.
//!
//! [`render`] turns a [`model::Record`] into one of four formats: the JSON interface
//! (`rapporteur.record/1`, see [`json`]), or the report back in its conventional layout as
//! Markdown, plain text or a standalone HTML page.
//! Rendering is pure and total: it reads nothing but the record, never fails, and states only
//! facts the record holds, leaving out what the record does not know instead of inventing it.

pub mod diagnostics;
pub mod draft;
pub mod json;
pub mod stats;

mod html;
mod layout;
mod markdown;
mod naming;
mod sentences;
mod text;

use std::fmt;
use std::str::FromStr;

use model::Record;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The JSON interface, `rapporteur.record/1`.
    Json,
    Markdown,
    /// Plain text with underlined headings, wrapped at 78 columns.
    Text,
    /// A complete standalone HTML5 page.
    Html,
}

impl Format {
    /// Every name [`Format::from_str`] accepts, canonical names first within each format.
    pub const NAMES: &'static [&'static str] = &["json", "markdown", "md", "text", "txt", "html"];

    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Html => "html",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that [`Format::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown format `{}` (expected one of: {})",
            self.0,
            Format::NAMES.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Names are matched case-insensitively, so `MD` and `Html` work as people type them.
    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "markdown" | "md" => Ok(Format::Markdown),
            "text" | "txt" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            _ => Err(UnknownFormat(name.to_owned())),
        }
    }
}

/// How the report formats render; JSON ignores these, because it is the record itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Write each resolved speaker's full name in place of the name as written, once, in that
    /// person's first intervention ("Titti noted" becomes "Titti Cassa noted").
    pub full_names: bool,
}

/// The record in `format`; the result always ends with a newline.
pub fn render(record: &Record, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Json => json::to_json_string(record),
        Format::Markdown => markdown::render(&layout::Layout::new(record, options)),
        Format::Text => text::render(&layout::Layout::new(record, options)),
        Format::Html => html::render(&layout::Layout::new(record, options)),
    }
}
