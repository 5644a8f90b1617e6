//! Loaded source texts (rules files and data files), each kept once, with line lookup.

use crate::ast::{FileId, Span};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
    /// miette's line breaks (see [`SourceFile::span_contents`]), found on first use.
    breaks: OnceLock<Vec<usize>>,
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
            breaks: OnceLock::new(),
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

/// Where each line break of a text ends, as miette counts them (`\n`, `\r\n` and a lone `\r`
/// each end a line): the byte offset of the break's last byte, in order.
fn break_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => ends.push(i),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 1;
                ends.push(i);
            }
            b'\r' => ends.push(i),
            _ => {}
        }
        i += 1;
    }
    ends
}

impl SourceFile {
    /// The line breaks as miette counts them, found once per file on first use.
    fn breaks(&self) -> &[usize] {
        self.breaks.get_or_init(|| break_ends(&self.text))
    }

    /// The column, in characters from 0, of a byte offset on its line, where lines end as
    /// miette ends them (`\n`, `\r\n` or `\r`; an offset just after a `\r` is a line start).
    pub fn char_column(&self, offset: usize) -> usize {
        let at = offset.min(self.text.len());
        let breaks = self.breaks();
        let line = breaks.partition_point(|&b| b < at);
        let mut line_start = if line == 0 { 0 } else { breaks[line - 1] + 1 };
        // Inside a `\r\n` (at its `\n`), the line starts after the `\r`.
        if at > 0 && self.text.as_bytes().get(at - 1) == Some(&b'\r') {
            line_start = at;
        }
        self.text
            .get(line_start..at)
            .map_or(at - line_start, |s| s.chars().count())
    }

    /// The same [`MietteSpanContents`] as miette's own `SourceCode` for `str` gives (same
    /// text, same line and byte column, same line count), found in time proportional to the
    /// span and its context rather than to the file: the scan starts at a line found by
    /// binary search in the line index, with the state miette's scan from the start would
    /// have there.
    pub fn span_contents(
        &self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<MietteSpanContents<'_>, MietteError> {
        let breaks = self.breaks();
        // Every break ending before `safe` is a break before the span, and nothing but
        // lines and columns happens there in miette's scan.
        let safe = span.offset().saturating_sub(1);
        let passed = breaks.partition_point(|&b| b < safe);
        let first = passed.saturating_sub(before);
        let start = if first == 0 { 0 } else { breaks[first - 1] + 1 };
        let scan = Scan {
            offset: start,
            line_count: first,
            start_line: first,
            current_line_start: start,
        };
        scan.run(self.text.as_bytes(), span, before, after)
    }
}

/// The state of miette's scan at the start of a line (see [`SourceFile::span_contents`]).
struct Scan {
    offset: usize,
    line_count: usize,
    start_line: usize,
    current_line_start: usize,
}

impl Scan {
    /// miette 7's `context_info`, line for line, from this state on.
    fn run<'a>(
        self,
        input: &'a [u8],
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<MietteSpanContents<'a>, MietteError> {
        let Scan {
            mut offset,
            mut line_count,
            mut start_line,
            mut current_line_start,
        } = self;
        let mut start_column = 0usize;
        let mut before_lines_starts = VecDeque::new();
        let mut end_lines = 0usize;
        let mut post_span = false;
        let mut post_span_got_newline = false;
        let mut iter = input
            .get(offset..)
            .unwrap_or(&[])
            .iter()
            .copied()
            .peekable();
        while let Some(char) = iter.next() {
            if matches!(char, b'\r' | b'\n') {
                line_count += 1;
                if char == b'\r' && iter.next_if_eq(&b'\n').is_some() {
                    offset += 1;
                }
                if offset < span.offset() {
                    start_column = 0;
                    before_lines_starts.push_back(current_line_start);
                    if before_lines_starts.len() > context_lines_before {
                        start_line += 1;
                        before_lines_starts.pop_front();
                    }
                } else if offset >= span.offset() + span.len().saturating_sub(1) && post_span {
                    start_column = 0;
                    if post_span_got_newline {
                        end_lines += 1;
                    } else {
                        post_span_got_newline = true;
                    }
                    if end_lines >= context_lines_after {
                        offset += 1;
                        break;
                    }
                }
                current_line_start = offset + 1;
            } else if offset < span.offset() {
                start_column += 1;
            }
            if offset >= (span.offset() + span.len()).saturating_sub(1) {
                post_span = true;
                if end_lines >= context_lines_after {
                    offset += 1;
                    break;
                }
            }
            offset += 1;
        }
        if offset < (span.offset() + span.len()).saturating_sub(1) {
            return Err(MietteError::OutOfBounds);
        }
        let starting_offset = before_lines_starts.front().copied().unwrap_or({
            if context_lines_before == 0 {
                span.offset()
            } else {
                0
            }
        });
        let data = input
            .get(starting_offset..offset)
            .ok_or(MietteError::OutOfBounds)?;
        Ok(MietteSpanContents::new(
            data,
            (starting_offset, offset - starting_offset).into(),
            start_line,
            if context_lines_before == 0 {
                start_column
            } else {
                0
            },
            line_count,
        ))
    }
}

/// miette reads a file's lines through its line index (see [`SourceFile::span_contents`]).
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        Ok(Box::new(self.span_contents(span, before, after)?))
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
    // ASCII is its own NFC, and checked far faster than by the quick check's table.
    if text.is_ascii() {
        return text.to_string();
    }
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
    #[test]
    fn nfc_keeps_ascii_and_composes_combining_marks() {
        assert_eq!(super::nfc("x1@ca_nam"), "x1@ca_nam");
        assert_eq!(super::nfc("vu\u{0323}_a\u{0301}n"), "vụ_án");
        assert_eq!(super::nfc("vụ_án"), "vụ_án");
    }

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

    /// A small deterministic generator (xorshift), so the test needs no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }
    }

    /// A text of random lines: ASCII, Vietnamese letters, `\n`, `\r\n`, lone `\r`, blank
    /// lines, ending with or without a line break.
    fn random_text(rng: &mut Rng) -> String {
        let pieces = [
            "a", "xy ", "vụ", "đạt", " ", "\n", "\r\n", "\r", "\n\n", "= 1",
        ];
        let n = rng.next(60);
        (0..n).map(|_| pieces[rng.next(pieces.len())]).collect()
    }

    fn same(a: &dyn SpanContents<'_>, b: &dyn SpanContents<'_>) -> bool {
        a.data() == b.data()
            && a.span() == b.span()
            && a.line() == b.line()
            && a.column() == b.column()
            && a.line_count() == b.line_count()
    }

    #[test]
    fn span_contents_match_miette_on_random_spans() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut compared = 0;
        for _ in 0..3000 {
            let text = random_text(&mut rng);
            let file = SourceFile::new("x", None, text.clone());
            let len = text.len();
            for _ in 0..20 {
                // Offsets up to just past the end; lengths from empty to many lines.
                let start = rng.next(len + 2);
                let span_len = match rng.next(4) {
                    0 => 0,
                    1 => rng.next(3),
                    _ => rng.next(len + 2 - start.min(len + 1)),
                };
                let span = SourceSpan::new(start.into(), span_len);
                let (before, after) = (rng.next(4), rng.next(4));
                // miette's own scan panics on a few spans past the end; those are not compared.
                let theirs = std::panic::catch_unwind(|| {
                    text.as_str().read_span(&span, before, after).map(|c| {
                        (
                            c.data().to_vec(),
                            *c.span(),
                            c.line(),
                            c.column(),
                            c.line_count(),
                        )
                    })
                });
                let Ok(theirs) = theirs else { continue };
                let ours = file.read_span(&span, before, after);
                match (&theirs, &ours) {
                    (Ok(t), Ok(o)) => {
                        let o = (
                            o.data().to_vec(),
                            *o.span(),
                            o.line(),
                            o.column(),
                            o.line_count(),
                        );
                        assert_eq!(
                            t, &o,
                            "{text:?} {start}+{span_len} before {before} after {after}"
                        );
                        compared += 1;
                    }
                    (Err(_), Err(_)) => {}
                    _ => panic!(
                        "{text:?} {start}+{span_len}: {theirs:?} vs {:?}",
                        ours.is_ok()
                    ),
                }
            }
        }
        assert!(compared > 30_000, "only {compared} spans compared");
    }

    #[test]
    fn span_contents_of_a_distant_line_scan_only_near_it() {
        // Lines far apart in a long file: the same answer as miette, and the line numbers of
        // the end of the file.
        let text: String = (0..5000).map(|i| format!("dòng {i}\r\n")).collect();
        let file = SourceFile::new("x", None, text.clone());
        let at = text.find("dòng 4999").unwrap_or(0);
        let span = SourceSpan::new(at.into(), 4);
        let ours = file.read_span(&span, 2, 2).ok();
        let theirs = text.as_str().read_span(&span, 2, 2).ok();
        assert!(ours.is_some() && theirs.is_some());
        if let (Some(o), Some(t)) = (ours, theirs) {
            assert!(same(&*o, &*t));
            assert_eq!(o.line(), 4997);
        }
        assert_eq!(file.char_column(at + "dòng ".len()), 5);
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
