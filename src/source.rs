//! Loaded source texts (rules files and data files), each kept once, with line lookup.

use crate::ast::{FileId, Span};
use std::path::{Path, PathBuf};

/// The largest file tieuchi reads (rules or data): 64 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One loaded text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in diagnostics (the path as the user gave it).
    pub name: String,
    /// The path it was read from (for resolving `use`), if any.
    pub path: Option<PathBuf>,
    /// The whole text.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps a text under a display name.
    pub fn new(name: impl Into<String>, path: Option<PathBuf>, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            name: name.into(),
            path,
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The text of the (1-based) line holding `offset`, without its line end.
    pub fn line_text(&self, offset: usize) -> &str {
        let (line, _) = self.line_col(offset);
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

/// Every text loaded for one run, addressed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        (self.files.len() - 1) as FileId
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id as usize)
    }

    /// Every file, in load order.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// The id of a file already loaded from `path`.
    pub fn find_path(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path.as_deref() == Some(path))
            .map(|i| i as FileId)
    }

    /// The text a span covers.
    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.file)
            .and_then(|f| f.text.get(span.start..span.end))
            .unwrap_or("")
    }
}

/// `text` in Unicode normal form C (composed), so that names and keys typed with combining
/// marks (common in Vietnamese text from some systems) match their composed spelling.
pub fn nfc(text: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The operating system's error.
    Io(String),
    /// More than [`MAX_FILE_BYTES`] bytes (a device such as `/dev/zero` included).
    TooLarge,
    /// Not UTF-8: the byte offset of the first bad byte.
    NotUtf8(usize),
    /// A `use`d path that is not a regular file (a folder, a device, a pipe).
    NotAFile,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::TooLarge => write!(
                f,
                "it is larger than {} MiB, the most tieuchi reads",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::NotUtf8(at) => {
                write!(f, "the file is not UTF-8 text (bad byte at offset {at})")
            }
            ReadError::NotAFile => write!(f, "it is not a regular file"),
        }
    }
}

/// Reads at most [`MAX_FILE_BYTES`] bytes from `reader`; more is [`ReadError::TooLarge`].
/// Every input tieuchi reads (files, devices, pipes, standard input) goes through here, so a
/// source that never ends (`/dev/zero`) stops at the limit instead of filling memory.
pub fn read_bounded(reader: impl std::io::Read) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// Reads a file's bytes within the size limit (the size is counted, not taken from metadata).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    read_bounded(file)
}

/// Reads a file as UTF-8 text within the size limit.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    bytes_to_text(read_bytes(path)?)
}

/// Reads a regular file as UTF-8 text within the size limit; anything else (a folder, a device
/// such as `/dev/zero`, a pipe) is [`ReadError::NotAFile`]. For paths named inside a file
/// (`use`), where only a rules file makes sense.
pub fn read_regular_text(path: &Path) -> Result<String, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    read_text(path)
}

/// Reads standard input as text within the same limit as files.
pub fn read_stdin_text() -> Result<String, ReadError> {
    bytes_to_text(read_bounded(std::io::stdin().lock())?)
}

/// Turns bytes into text, or says where they stop being UTF-8.
pub fn bytes_to_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("x", None, "ab\nvụ x\n".to_string());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        let x = f.text.find('x').unwrap_or(0);
        assert_eq!(f.line_col(x), (2, 4));
        assert_eq!(f.line_text(x), "vụ x");
    }

    #[test]
    fn bounded_read_stops_past_the_limit() {
        let endless = std::io::repeat(b'a');
        assert_eq!(read_bounded(endless), Err(ReadError::TooLarge));
        let exact = std::io::repeat(b'a').take(MAX_FILE_BYTES);
        assert_eq!(
            read_bounded(exact).map(|b| b.len() as u64),
            Ok(MAX_FILE_BYTES)
        );
    }
}
