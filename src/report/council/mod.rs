//! The council report (`tieuchi report`): one self-contained document a provincial appraisal
//! council can read, print on A4 and sign — as HTML (styles and charts inline, nothing fetched)
//! or as Markdown.
//!
//! [`model`] gathers what the report shows as typed data (targets with their tallies, one table
//! per assessment, verdict counts per district, the provisional params, each area's
//! explanation); [`html`] and [`md`] make every sentence from it in the reader's language;
//! [`charts`] draws the charts as SVG with `plotters` (feature `report`).

pub mod area;
pub mod charts;
mod content;
pub mod doc;
pub mod html;
pub mod md;
pub mod model;
mod words;

use crate::check::Rules;
use crate::i18n::Lang;
use crate::Results;
use sha2::{Digest, Sha256};

/// The report's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// One HTML file for the browser and the printer.
    Html,
    /// Markdown, for a wiki or a diff.
    Markdown,
}

/// A file the results rest on, with its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileHash {
    /// The file's name as given.
    pub name: String,
    /// Its SHA-256, in lowercase hex.
    pub sha256: String,
}

/// What the data file says about itself, beside its areas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataMeta {
    /// Its note (JSON `"note"`, or the `#` lines before a CSV's header).
    pub note: Option<String>,
    /// True when the data says it is synthetic (`"synthetic": true`, or a note saying
    /// "synthetic", "giả lập", "minh họa" or "illustrative").
    pub synthetic: bool,
    /// The date of the data (JSON `"as_of"`), as written.
    pub as_of: Option<String>,
}

/// Everything about a run that is not a result: for the header and the reproducibility footer.
#[derive(Debug, Clone)]
pub struct Meta {
    /// The rules file and every file it `use`s.
    pub rules_files: Vec<FileHash>,
    /// The data file.
    pub data_file: FileHash,
    /// What the data says about itself.
    pub data: DataMeta,
    /// When the report was made (as the caller writes it, e.g. `2026-11-28 11:40:00 UTC`).
    pub generated: String,
    /// The command that made it, as typed.
    pub command: String,
    /// The engine's version.
    pub version: String,
}

/// Renders the report of `outcome` in `lang`.
pub fn render(outcome: &Results, meta: &Meta, lang: Lang, format: ReportFormat) -> String {
    let report = model::Report::build(outcome);
    match format {
        ReportFormat::Html => html::render(&report, meta, lang),
        ReportFormat::Markdown => md::render(&report, meta, lang),
    }
}

/// SHA-256 in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The rules file and every `use`d file with their SHA-256: of the bytes on disk when the file
/// can be read again, else of the text that was checked.
pub fn rules_hashes(rules: &Rules) -> Vec<FileHash> {
    rules
        .sources
        .files()
        .iter()
        .map(|f| {
            let bytes = f.path.as_ref().and_then(|p| std::fs::read(p).ok());
            FileHash {
                name: f.name.clone(),
                sha256: sha256_hex(bytes.as_deref().unwrap_or(f.text.as_bytes())),
            }
        })
        .collect()
}

impl DataMeta {
    /// Reads what a data file says about itself: a JSON object's `note`, `synthetic` and
    /// `as_of`, or the `#` lines that open a CSV file. Anything else says nothing.
    pub fn read(text: &str) -> DataMeta {
        let text = text.trim_start_matches('\u{feff}');
        let mut meta = if text.trim_start().starts_with('{') {
            Self::from_json(text)
        } else {
            let note: Vec<&str> = text
                .lines()
                .map_while(|l| l.trim_start().strip_prefix('#'))
                .map(str::trim)
                .collect();
            DataMeta {
                note: (!note.is_empty()).then(|| note.join(" ")),
                ..DataMeta::default()
            }
        };
        let says_synthetic = meta.note.as_deref().is_some_and(|n| {
            let n = crate::source::nfc(&n.to_lowercase());
            [
                "synthetic",
                "giả lập",
                "minh họa",
                "minh hoạ",
                "illustrative",
            ]
            .iter()
            .any(|w| n.contains(&crate::source::nfc(w)))
        });
        meta.synthetic |= says_synthetic;
        meta
    }

    fn from_json(text: &str) -> DataMeta {
        let Ok(serde_json::Value::Object(root)) = serde_json::from_str(text) else {
            return DataMeta::default();
        };
        let string = |k: &str| root.get(k).and_then(|v| v.as_str()).map(str::to_string);
        DataMeta {
            note: string("note"),
            synthetic: root.get("synthetic").and_then(|v| v.as_bool()) == Some(true),
            as_of: string("as_of"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_meta_from_json_and_csv() {
        let j =
            DataMeta::read(r#"{ "note": "DỮ LIỆU GIẢ LẬP", "as_of": "2024-12-14", "areas": [] }"#);
        assert!(j.synthetic);
        assert_eq!(j.as_of.as_deref(), Some("2024-12-14"));
        let explicit = DataMeta::read(r#"{ "synthetic": true, "areas": [] }"#);
        assert!(explicit.synthetic && explicit.note.is_none());
        let real = DataMeta::read(r#"{ "note": "Số liệu Công an tỉnh", "areas": [] }"#);
        assert!(!real.synthetic);
        let csv = DataMeta::read("# SYNTHETIC DATA\nid,name\n");
        assert!(csv.synthetic);
        assert_eq!(csv.note.as_deref(), Some("SYNTHETIC DATA"));
        assert_eq!(
            DataMeta::read("id,name\n# not a note\n"),
            DataMeta::default()
        );
        assert_eq!(DataMeta::read("{ not json"), DataMeta::default());
    }

    #[test]
    fn sha256_of_nothing() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
