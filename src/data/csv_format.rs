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
    let (from, sep) = layout(text);
    let (rows, unclosed) = csv_lex::rows(text, from, sep);
    let span = |start: usize, end: usize| Span { file, start, end };
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return Err(Diagnostic::error(
            DataCode::Read.code(),
            "the CSV has no header row",
            span(from, from),
        )
        .with_help("the first line is the header: `id,name,district,` then one column per input"));
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
    let mut areas = Vec::new();
    let mut diags = Vec::new();
    for row in rows {
        // Spreadsheet programs write rows whose cells were cleared: nothing to assess.
        if row.cells.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        areas.push(row_area((&headers, &cells), &row, file, &mut diags));
    }
    if let Some(csv_lex::Unclosed(at)) = unclosed {
        diags.push(
            Diagnostic::error(
                DataCode::Read.code(),
                "a quote `\"` opened here is never closed",
                span(at, at + 1),
            )
            .with_label("the rest of the file would be one cell")
            .with_help("close the quote; rows from here on are not read"),
        );
    }
    Ok((areas, diags))
}

/// The problem with a header whose first cell is not `id`, naming the likely cause.
fn no_id(text: &str, headers: &[String], at: Span) -> Diagnostic {
    let first = headers.first().map(String::as_str).unwrap_or("");
    let body = text.trim_start_matches('\u{FEFF}').trim_start();
    let (message, help) = if text.starts_with("PK") {
        (
            "this file seems to be a workbook (`.xlsx`), not CSV text".to_string(),
            "save it from the spreadsheet program as \"CSV UTF-8\"".to_string(),
        )
    } else if body.starts_with(['{', '[']) {
        (
            "this file seems to be JSON, not CSV".to_string(),
            "name it `.json`, or pass `--data-format json`".to_string(),
        )
    } else if let Some(sep) = [';', ',', '\t', '|']
        .into_iter()
        .find(|s| first.contains(*s))
    {
        let shown = if sep == '\t' {
            "tab".to_string()
        } else {
            format!("`{sep}`")
        };
        (
            format!("this file seems to use {shown} between cells, but its header does not read as cells"),
            "write the header as `id,name,district,…` (or with `;` between every cell)".to_string(),
        )
    } else if first.eq_ignore_ascii_case("id") {
        (
            format!("the first column is `{first}`: it must be `id`, in lowercase"),
            "rename the column `id`".to_string(),
        )
    } else if let Some(i) = headers.iter().position(|h| h == "id") {
        (
            format!("`id` must be the first column (it is column {})", i + 1),
            "move the `id` column to the front".to_string(),
        )
    } else {
        (
            "the CSV has no `id` column: it cannot be read as a data set".to_string(),
            "the header is `id,name,district,` then one column per input (`input@period` for inputs per period)".to_string(),
        )
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
        let msg = format!("row {line} is not UTF-8 text");
        let help = "save the file as UTF-8 (in Excel: \"CSV UTF-8\"); this row is not assessed";
        diags.push(Diagnostic::error(DataCode::Read.code(), msg, at(bad)).with_help(help));
        area.broken = true;
    }
    if row.cells.len() != headers.len() {
        let msg = format!(
            "row {line} has {} cells but the header has {}",
            row.cells.len(),
            headers.len()
        );
        diags.push(
            Diagnostic::error(DataCode::Read.code(), msg, row_span)
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
