//! CSV data: header `id,name,district,` then one column per `input` or `input@period`; one row
//! per area; an empty cell is missing. The separator (`,`, `;` or tab) is the one the header
//! uses most. Spreadsheet exports (byte-order mark, CRLF, quoted cells, rows left empty) load as
//! they are. Lines starting with `#` are comments. A header cell that ends with
//! parentheses names its key there, as entry templates write them: `Số vụ — Năm 2024
//! (15/12/2023–14/12/2024) (vu@ca_nam)` is the column `vu@ca_nam`.

use super::csv_lex::{self, Row};
use super::numbers::{DecimalMark, NumberStyle};
use super::{DataCode, RawArea, RawValue};
use crate::ast::{FileId, Span};
use crate::diag::Diagnostic;
use crate::msg;

const FIXED: [&str; 3] = ["id", "name", "district"];

fn bom(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    }
}

/// Where the rows start and the separator: a `sep=;` first line (which Excel writes and reads)
/// names it, else the header's most used one.
fn layout(text: &str) -> (usize, char) {
    let from = bom(text);
    let first = text[from..].split(['\r', '\n']).next().unwrap_or("");
    let named = first.strip_prefix("sep=").and_then(|s| {
        let mut chars = s.chars();
        chars.next().filter(|_| chars.next().is_none())
    });
    match named {
        Some(sep) => {
            let rest = &text[from + first.len()..];
            let skip = if rest.starts_with("\r\n") {
                2
            } else {
                usize::from(rest.starts_with(['\r', '\n']))
            };
            (from + first.len() + skip, sep)
        }
        None => (from, csv_lex::separator(csv_lex::header_line(text, from))),
    }
}

/// How the numbers of a CSV are read: as forced, else with a decimal comma when cells are
/// separated by `;` (as spreadsheet programs set to Vietnamese write them).
pub fn number_style(text: &str, forced: Option<DecimalMark>) -> NumberStyle {
    match forced {
        Some(_) => NumberStyle::forced(forced),
        None if layout(text).1 == ';' => NumberStyle::Comma,
        None => NumberStyle::Usual,
    }
}

/// Reads the areas of a CSV data set.
pub fn read(text: &str, file: FileId) -> Result<(Vec<RawArea>, Vec<Diagnostic>), Diagnostic> {
    let mut rows = Rows::open(text, file)?;
    let mut areas = Vec::new();
    let mut diags = Vec::new();
    while let Some(area) = rows.next_area(&mut diags) {
        areas.push(area);
    }
    rows.finish(&mut diags);
    Ok((areas, diags))
}

/// The areas of a CSV text read one row at a time, after its header.
pub struct Rows<'a> {
    headers: Vec<String>,
    cells: Vec<Span>,
    rows: csv_lex::RowIter<'a>,
    file: FileId,
}

impl<'a> Rows<'a> {
    /// Reads the header; the problem that keeps the text from being read as a data set at all
    /// when it has none that fits.
    pub fn open(text: &'a str, file: FileId) -> Result<Rows<'a>, Diagnostic> {
        let (from, sep) = layout(text);
        let mut rows = csv_lex::RowIter::new(text, from, sep);
        let span = |start: usize, end: usize| Span { file, start, end };
        let Some(header) = rows.next() else {
            return Err(Diagnostic::error(
                DataCode::Read.code(),
                msg!("data-csv-no-header"),
                span(from, from),
            )
            .with_help(msg!("data-csv-no-header-help")));
        };
        let headers: Vec<String> = header
            .cells
            .iter()
            .map(|c| crate::template::header_key(c.text.trim()).to_string())
            .collect();
        let cells: Vec<Span> = header.cells.iter().map(|c| span(c.start, c.end)).collect();
        let header_span = span(header.start, header.end);
        if headers.first().map(String::as_str) != Some("id") {
            return Err(no_id(text, &headers, header_span));
        }
        if let Some(d) = repeated_column(&headers, &cells, header_span) {
            return Err(d);
        }
        Ok(Rows {
            headers,
            cells,
            rows,
            file,
        })
    }

    /// The next area, with the problems its row has as a row; `None` after the last.
    pub fn next_area(&mut self, diags: &mut Vec<Diagnostic>) -> Option<RawArea> {
        for row in self.rows.by_ref() {
            // Spreadsheet programs write rows whose cells were cleared: nothing to assess.
            if row.cells.iter().all(|c| c.text.trim().is_empty()) {
                continue;
            }
            return Some(row_area(
                (&self.headers, &self.cells),
                &row,
                self.file,
                diags,
            ));
        }
        None
    }

    /// The problem of the text's end, after the last area: a quote never closed.
    pub fn finish(&self, diags: &mut Vec<Diagnostic>) {
        if let Some(csv_lex::Unclosed(at)) = self.rows.unclosed {
            let at = Span {
                file: self.file,
                start: at,
                end: at + 1,
            };
            diags.push(
                Diagnostic::error(DataCode::Read.code(), msg!("data-csv-open-quote"), at)
                    .with_label(msg!("data-csv-open-quote-label"))
                    .with_help(msg!("data-csv-open-quote-help")),
            );
        }
    }
}

/// The problem with a header whose first cell is not `id`, naming the likely cause.
fn no_id(text: &str, headers: &[String], at: Span) -> Diagnostic {
    let first = headers.first().map(String::as_str).unwrap_or("");
    let body = text.trim_start_matches('\u{FEFF}').trim_start();
    let (message, help) = if text.starts_with("PK") {
        (
            msg!("data-csv-is-workbook"),
            msg!("data-csv-is-workbook-help"),
        )
    } else if body.starts_with(['{', '[']) {
        (msg!("data-csv-is-json"), msg!("data-csv-is-json-help"))
    } else if let Some(sep) = [';', ',', '\t', '|']
        .into_iter()
        .find(|s| first.contains(*s))
    {
        let shown = if sep == '\t' {
            msg!("data-csv-tab")
        } else {
            msg!("diag-code", text = sep)
        };
        (
            msg!("data-csv-separator", separator = shown),
            msg!("data-csv-separator-help"),
        )
    } else if first.eq_ignore_ascii_case("id") {
        (
            msg!("data-csv-id-case", first = first),
            msg!("data-csv-id-case-help"),
        )
    } else if let Some(i) = headers.iter().position(|h| h == "id") {
        (
            msg!("data-csv-id-not-first", column = (i + 1).to_string()),
            msg!("data-csv-id-not-first-help"),
        )
    } else {
        (msg!("data-csv-no-id"), msg!("data-csv-no-id-help"))
    };
    Diagnostic::error(DataCode::Read.code(), message, at).with_help(help)
}

fn row_area(
    (headers, cells): (&[String], &[Span]),
    row: &Row,
    file: FileId,
    diags: &mut Vec<Diagnostic>,
) -> RawArea {
    let cell = |i: usize| row.cells.get(i).map_or("", |c| c.text.trim()).to_string();
    let row_span = Span {
        file,
        start: row.start,
        end: row.end,
    };
    let at = |i: usize| {
        row.cells.get(i).map_or(row_span, |c| Span {
            file,
            start: c.start,
            end: c.end,
        })
    };
    let line = row.line;
    let mut area = RawArea {
        id: Some(cell(0)).filter(|s| !s.is_empty()),
        name: String::new(),
        district: String::new(),
        values: vec![],
        span: row_span,
        from_csv: true,
        broken: false,
    };
    if let Some(bad) = row.cells.iter().position(|c| c.text.contains('\u{FFFD}')) {
        let message = msg!("data-csv-row-not-utf8", row = line.to_string());
        let help = msg!("data-csv-row-not-utf8-help");
        diags.push(Diagnostic::error(DataCode::Read.code(), message, at(bad)).with_help(help));
        area.broken = true;
    }
    if row.cells.len() != headers.len() {
        let message = msg!(
            "data-csv-row-cells",
            row = line.to_string(),
            cells = row.cells.len().to_string(),
            header = headers.len().to_string()
        );
        diags.push(
            Diagnostic::error(DataCode::Read.code(), message, row_span)
                .with_help(msg!("data-csv-row-cells-help")),
        );
        area.broken = true;
    }
    for (i, h) in headers.iter().enumerate().skip(1) {
        let value = cell(i);
        match h.as_str() {
            "name" => area.name = value,
            "district" => area.district = value,
            _ if FIXED.contains(&h.as_str()) => {}
            // A spreadsheet's trailing columns without a name, left empty.
            "" if value.is_empty() => {}
            _ => {
                let raw = if value.is_empty() {
                    RawValue::Missing
                } else {
                    RawValue::Text(value)
                };
                let key_span = cells.get(i).copied().unwrap_or(row_span);
                area.values.push((h.clone(), key_span, raw, at(i)));
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
                msg!("data-csv-column-twice", column = h.as_str()),
                at(i),
            )
            .with_secondary(at(first), msg!("data-first-here"))
            .with_help(msg!("data-column-twice-help"));
            return Some(d);
        }
    }
    None
}
