//! CSV data: header `id,name,district,` then one column per `input` or `input@period`; one row
//! per area; an empty cell is missing. Spreadsheet exports (byte-order mark, CRLF, quoted
//! cells) load as they are. Lines starting with `#` are comments. A header cell that ends with
//! parentheses names its key there, as entry templates write them: `Số vụ — Năm 2024
//! (15/12/2023–14/12/2024) (vu@ca_nam)` is the column `vu@ca_nam`.

use super::{DataCode, RawArea, RawValue};
use crate::ast::{FileId, Span};
use crate::diag::Diagnostic;

const FIXED: [&str; 3] = ["id", "name", "district"];

/// Reads the areas of a CSV data set.
pub fn read(text: &str, file: FileId) -> Result<(Vec<RawArea>, Vec<Diagnostic>), Diagnostic> {
    let bom = if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let body = &text[bom..];
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(body.as_bytes());
    let header_err = |e: csv::Error| {
        Diagnostic::error(
            DataCode::Read.code(),
            format!("the CSV header cannot be read: {e}"),
            Span {
                file,
                start: bom,
                end: bom,
            },
        )
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(header_err)?
        .iter()
        .map(|h| crate::template::header_key(h).to_string())
        .collect();
    let (header_span, cells) = header_cells(text, bom, file);
    if headers.first().map(String::as_str) != Some("id") {
        return Err(Diagnostic::error(DataCode::Read.code(), "the first column of the CSV must be `id`", header_span)
            .with_help("the header is `id,name,district,` then one column per input (`input@period` for inputs per period)"));
    }
    if let Some(d) = repeated_column(&headers, &cells, header_span) {
        return Err(d);
    }
    let mut areas = Vec::new();
    let mut diags = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map_or(bom, |p| bom + p.byte() as usize);
                diags.push(Diagnostic::error(
                    DataCode::Read.code(),
                    format!("a CSV row cannot be read: {e}"),
                    Span {
                        file,
                        start: at,
                        end: at,
                    },
                ));
                continue;
            }
        };
        let start = bom + record.position().map_or(0, |p| p.byte() as usize);
        let end = start + text[start..].find('\n').unwrap_or(text.len() - start);
        let row = Span {
            file,
            start,
            end: end.max(start),
        };
        let line = record.position().map_or(0, |p| p.line());
        areas.push(row_area((&headers, &cells), &record, row, line, &mut diags));
    }
    Ok((areas, diags))
}

fn row_area(
    (headers, cells): (&[String], &[Span]),
    record: &csv::StringRecord,
    row: Span,
    line: u64,
    diags: &mut Vec<Diagnostic>,
) -> RawArea {
    let cell = |i: usize| record.get(i).unwrap_or("").trim().to_string();
    let id = Some(cell(0)).filter(|s| !s.is_empty());
    let mut area = RawArea {
        id,
        name: String::new(),
        district: String::new(),
        values: vec![],
        span: row,
        from_csv: true,
        broken: false,
    };
    if record.iter().any(|c| c.contains('\u{FFFD}')) {
        let msg = format!("row {line} is not UTF-8 text");
        let help = "save the file as UTF-8 (in Excel: \"CSV UTF-8\"); this row is not assessed";
        diags.push(Diagnostic::error(DataCode::Read.code(), msg, row).with_help(help));
        area.broken = true;
    }
    if record.len() != headers.len() {
        let msg = format!(
            "row {line} has {} cells but the header has {}",
            record.len(),
            headers.len()
        );
        diags.push(
            Diagnostic::error(DataCode::Read.code(), msg, row)
                .with_help("every row needs one cell per column (empty for missing)"),
        );
        area.broken = true;
    }
    for (i, h) in headers.iter().enumerate().skip(1) {
        let value = cell(i);
        match h.as_str() {
            "name" => area.name = value,
            "district" => area.district = value,
            _ if FIXED.contains(&h.as_str()) => {}
            _ => {
                let raw = if value.is_empty() {
                    RawValue::Missing
                } else {
                    RawValue::Text(value)
                };
                area.values
                    .push((h.clone(), cells.get(i).copied().unwrap_or(row), raw, row));
            }
        }
    }
    area
}

/// The first column whose name (in Unicode normal form C, as keys are matched) an earlier column
/// already has: which of the two holds the value would be a guess, so the file is not read.
fn repeated_column(headers: &[String], cells: &[Span], header: Span) -> Option<Diagnostic> {
    let mut seen = std::collections::HashMap::new();
    // Columns without a name (a spreadsheet's trailing empty columns) are reported elsewhere.
    for (i, h) in headers.iter().enumerate().filter(|(_, h)| !h.is_empty()) {
        let at = |i: usize| cells.get(i).copied().unwrap_or(header);
        if let Some(first) = seen.insert(crate::source::nfc(h), i) {
            let d = Diagnostic::error(
                DataCode::DuplicateKey.code(),
                format!("column `{h}` appears twice in the CSV header"),
                at(i),
            )
            .with_secondary(at(first), "first here")
            .with_help("keep one column per input; no row is assessed until then");
            return Some(d);
        }
    }
    None
}

/// The header line (the first that is not a `#` comment) and the span of each of its cells.
fn header_cells(text: &str, from: usize, file: FileId) -> (Span, Vec<Span>) {
    let mut start = from;
    while text[start..].starts_with('#') {
        start = text[start..]
            .find('\n')
            .map_or(text.len(), |n| start + n + 1);
    }
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |n| start + n);
    let (mut cells, mut cell_start, mut quoted) = (Vec::new(), start, false);
    for (i, c) in text[start..end].char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                cells.push(Span {
                    file,
                    start: cell_start,
                    end: start + i,
                });
                cell_start = start + i + 1;
            }
            _ => {}
        }
    }
    cells.push(Span {
        file,
        start: cell_start,
        end,
    });
    (Span { file, start, end }, cells)
}
