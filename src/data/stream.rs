//! Reading a data set a batch of areas at a time, for `assess` on large files: the areas of a
//! CSV are read one row at a time and validated as they come (JSON and RON are parsed whole,
//! then validated a batch at a time; workbooks are read whole, see [`super::load_workbook`]).
//! What the batches leave behind is only what the next ones need: the ids seen (a repeated id
//! is left out) and the CSV columns already reported. The text itself is kept whole, so that
//! every diagnostic can show its place.

use super::validate::{Reading, Validator};
use super::{csv_format, AreaPlaces, DataFormat, LoadOptions, RawArea};
use super::{Area, DataCode};
use crate::ast::{FileId, Span};
use crate::check::Rules;
use crate::diag::Diagnostic;
use crate::source::SourceMap;

/// The largest record (one CSV row, one area of JSON or RON) read: the 64 MiB limit of a
/// file applies to each record of a streamed data set.
pub const MAX_RECORD_BYTES: usize = crate::source::MAX_FILE_BYTES as usize;

/// A batch of areas, in data order, with the problems found in them.
#[derive(Debug)]
pub struct Batch {
    /// The valid and invalid areas (left-out duplicates are not here).
    pub areas: Vec<Area>,
    /// The problems within the batch's records, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the batch's records are written, to tell which area a diagnostic is inside.
    pub places: AreaPlaces,
}

enum Records<'a> {
    Csv(csv_format::Rows<'a>),
    /// JSON and RON: parsed whole; the reader's problems in file order, handed to the batch
    /// whose records they are in.
    Parsed(
        std::vec::IntoIter<RawArea>,
        std::collections::VecDeque<Diagnostic>,
    ),
}

/// The areas of one data text, a batch at a time.
pub struct AreaReader<'a> {
    records: Records<'a>,
    validator: Validator<'a>,
    file: FileId,
    read: usize,
    ended: bool,
}

impl<'a> AreaReader<'a> {
    /// Starts reading file `file` of `sources` (JSON, RON or CSV) for `rules`; the problem that
    /// keeps it from being read as a data set at all when it has one.
    pub fn open(
        rules: &'a Rules,
        sources: &'a SourceMap,
        file: FileId,
        format: DataFormat,
        reading: &'a StreamReading,
    ) -> Result<AreaReader<'a>, Diagnostic> {
        let text = sources.get(file).map(|f| f.text.as_str()).unwrap_or("");
        let records = match format {
            DataFormat::Csv => Records::Csv(csv_format::Rows::open(text, file)?),
            _ => {
                let (raw, mut diags) = super::read_raw(text, file, format)?;
                diags.sort_by_key(|d| d.span().start);
                Records::Parsed(raw.into_iter(), diags.into())
            }
        };
        Ok(AreaReader {
            records,
            validator: Validator::new(rules, &reading.0),
            file,
            read: 0,
            ended: false,
        })
    }

    /// The next batch of at most `size` records; `None` after the last.
    pub fn next_batch(&mut self, size: usize) -> Option<Batch> {
        if self.ended {
            return None;
        }
        let mut diagnostics = Vec::new();
        let mut raw = Vec::with_capacity(size);
        while raw.len() < size.max(1) {
            let next = match &mut self.records {
                Records::Csv(rows) => rows.next_area(&mut diagnostics),
                Records::Parsed(areas, _) => areas.next(),
            };
            match next {
                Some(r) => raw.push(too_large(r, &mut diagnostics)),
                None => {
                    self.ended = true;
                    break;
                }
            }
        }
        match &mut self.records {
            Records::Csv(rows) if self.ended => rows.finish(&mut diagnostics),
            Records::Csv(_) => {}
            Records::Parsed(areas, pending) => {
                // The reader's problems before the next batch's first record are this batch's.
                let until = areas.as_slice().first().map(|r| r.span.start);
                while pending
                    .front()
                    .is_some_and(|d| until.is_none_or(|u| d.span().start < u))
                {
                    diagnostics.extend(pending.pop_front());
                }
            }
        }
        if raw.is_empty() && diagnostics.is_empty() {
            return None;
        }
        let places = AreaPlaces::of_from(&raw, self.read);
        self.read += raw.len();
        let reader_found = diagnostics.len();
        let mut areas = Vec::with_capacity(raw.len());
        for r in raw {
            if let Some(area) = self.validator.area(r, &mut diagnostics) {
                areas.push(area);
            }
        }
        super::attach_problems(&mut areas, &diagnostics[..reader_found]);
        diagnostics.sort_by_key(|d| d.span().start);
        let _ = self.file;
        Some(Batch {
            areas,
            diagnostics,
            places,
        })
    }
}

/// A record over [`MAX_RECORD_BYTES`] is read no further than its id: it is invalid.
fn too_large(mut r: RawArea, diags: &mut Vec<Diagnostic>) -> RawArea {
    if r.span.end.saturating_sub(r.span.start) <= MAX_RECORD_BYTES {
        return r;
    }
    let at = Span {
        end: r.span.start,
        ..r.span
    };
    diags.push(
        Diagnostic::error(
            DataCode::Read.code(),
            crate::msg!(
                "data-record-too-large",
                mib = (MAX_RECORD_BYTES / (1024 * 1024)).to_string()
            ),
            at,
        )
        .with_help(crate::msg!("data-record-too-large-help")),
    );
    r.values.clear();
    r.broken = true;
    r
}

/// How a data text is read (its number style and the keys known elsewhere), kept while it is
/// read in batches.
pub struct StreamReading(Reading);

impl StreamReading {
    /// The reading of `text` in `format` as `opts` says.
    pub fn new(text: &str, format: DataFormat, opts: &LoadOptions) -> StreamReading {
        StreamReading(Reading {
            style: (format == DataFormat::Csv)
                .then(|| csv_format::number_style(text, opts.decimal)),
            also_known: opts.also_known.clone(),
        })
    }
}

/// The largest data file read for streaming (`assess --format json`): each record is limited to
/// [`MAX_RECORD_BYTES`], the file as a whole to this.
pub const MAX_STREAM_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Reads a data file's text for streaming, within [`MAX_STREAM_BYTES`]; a CSV that is not
/// UTF-8 is read as far as it goes (its other rows become invalid, as when loaded whole).
pub fn read_stream_text(path: &std::path::Path, format: DataFormat) -> Result<String, Diagnostic> {
    use std::io::Read;
    let failed = |reason: crate::i18n::Msg| {
        Diagnostic::unplaced(
            DataCode::Read.code(),
            crate::msg!(
                "diag-cannot-read",
                path = path.display().to_string(),
                reason = reason
            ),
        )
    };
    let io = |e: std::io::Error| {
        failed(crate::diag::read_error(&crate::source::ReadError::Io(
            e.to_string(),
        )))
    };
    let file = std::fs::File::open(path).map_err(io)?;
    // A device or a pipe may never end: only a regular file gets more than one record's room.
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    let limit = if regular {
        MAX_STREAM_BYTES
    } else {
        crate::source::MAX_FILE_BYTES
    };
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        let mib = (limit / (1024 * 1024)).to_string();
        return Err(failed(crate::msg!("diag-file-too-large", mib = mib)));
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) if format == DataFormat::Csv => {
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
        Err(e) => Err(failed(crate::diag::read_error(
            &crate::source::ReadError::NotUtf8(e.utf8_error().valid_up_to()),
        ))),
    }
}
