//! From a sheet's cells to raw areas: the header row (the first row with a value) names the
//! columns as in CSV (`id`, `name`, `district`, `input`, `input@period`); a header may also be
//! a label ending with the key in parentheses, `Số vụ — Cả năm (vu@ca_nam)`. Rows without any
//! value are skipped.

use super::workbook::ReadSheet;
use super::{DataCode, RawArea, RawValue};
use crate::ast::{FileId, Span};
use crate::diag::Diagnostic;
use crate::msg;
use std::collections::HashMap;

/// A cell's value as the workbook types it.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// A number not formatted as a percent, as its shortest decimal.
    Number(String),
    /// A percent-formatted number, in percent points (`87.5` for a cell holding 0.875).
    Percent(String),
    /// Text.
    Text(String),
    /// A boolean cell.
    Bool(bool),
    /// A date cell, `YYYY-MM-DD` (with the time of day when it has one).
    Date(String),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// Nothing.
    Empty,
}

impl CellValue {
    /// Text, or `Empty` when it is blank.
    pub fn text(s: &str) -> CellValue {
        if s.trim().is_empty() {
            CellValue::Empty
        } else {
            CellValue::Text(s.to_string())
        }
    }

    fn shown(&self) -> String {
        let s = match self {
            CellValue::Number(t) | CellValue::Text(t) | CellValue::Date(t) => t.clone(),
            CellValue::Error(t) => t.clone(),
            CellValue::Percent(t) => format!("{t}%"),
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            CellValue::Empty => String::new(),
        };
        // One line per row: line ends and tabs inside a cell are shown as spaces.
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    }

    fn raw(&self) -> RawValue {
        match self {
            CellValue::Number(t) => RawValue::CellNumber(t.clone()),
            CellValue::Percent(t) => RawValue::Text(format!("{t}%")),
            CellValue::Text(t) | CellValue::Date(t) => RawValue::Text(t.trim().to_string()),
            CellValue::Bool(b) => RawValue::Bool(*b),
            CellValue::Error(_) | CellValue::Empty => RawValue::Missing,
        }
    }
}

/// One non-empty cell (0-based row and column).
#[derive(Debug, Clone)]
pub struct Cell {
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
    /// Its value.
    pub value: CellValue,
}

impl Cell {
    /// A cell at (row, col).
    pub fn new(row: u32, col: u32, value: CellValue) -> Cell {
        Cell { row, col, value }
    }
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
pub fn column_name(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + r));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The sheet rendered as text (line n = row n) and the span of each cell in it.
fn render(cells: &[Cell], file: FileId) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(cells.len());
    let mut line = 0u32; // rows written so far
    let mut last_col: Option<u32> = None;
    for c in cells {
        while line <= c.row {
            if line > 0 {
                text.push('\n');
            }
            line += 1;
            last_col = None;
        }
        // One ` | ` before every column after A: the empty cells between stay visible.
        let seps = c.col - last_col.map_or(0, |l| l.min(c.col));
        for _ in 0..seps {
            text.push_str(" | ");
        }
        let start = text.len();
        text.push_str(&c.value.shown());
        spans.push(Span {
            file,
            start,
            end: text.len(),
        });
        last_col = Some(c.col);
    }
    (text, spans)
}

/// The areas of a sheet.
pub fn rows(sheet: String, cells: Vec<Cell>, file: FileId) -> ReadSheet {
    let (text, spans) = render(&cells, file);
    let places = cells
        .iter()
        .zip(&spans)
        .map(|(c, s)| (s.start, s.end, c.row, c.col))
        .collect();
    let read = areas(&cells, &spans, &text, file);
    ReadSheet {
        sheet,
        text,
        read,
        places,
    }
}

type Read = Result<(Vec<RawArea>, Vec<Diagnostic>), Diagnostic>;

/// The span of the line of sheet row `row` (0-based), from the line starts.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    file: FileId,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, file: FileId) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts, file }
    }

    fn span(&self, row: u32) -> Span {
        let len = self.text.len();
        let start = self.starts.get(row as usize).copied().unwrap_or(len);
        let end = self.starts.get(row as usize + 1).map_or(len, |n| n - 1);
        Span {
            file: self.file,
            start,
            end: end.max(start),
        }
    }
}

fn areas(cells: &[Cell], spans: &[Span], text: &str, file: FileId) -> Read {
    let lines = Lines::new(text, file);
    let Some(first) = cells.first() else {
        let d = Diagnostic::error(
            DataCode::Read.code(),
            msg!("data-sheet-empty"),
            lines.span(0),
        )
        .with_help(msg!("data-sheet-empty-help"));
        return Err(d);
    };
    let header_end = cells.partition_point(|c| c.row == first.row);
    let columns = header_columns(&cells[..header_end], &spans[..header_end], &lines)?;
    let mut sheet = Rows {
        index: column_index(&columns),
        columns,
        unnamed: Vec::new(),
        diags: Vec::new(),
    };
    let mut areas = Vec::new();
    let mut start = header_end;
    while start < cells.len() {
        let row = cells[start].row;
        let end = start + cells[start..].partition_point(|c| c.row == row);
        areas.push(sheet.area(&cells[start..end], &spans[start..end], lines.span(row)));
        start = end;
    }
    Ok((areas, sheet.diags))
}

/// For each sheet column up to the last named one, its index in the named columns.
fn column_index(columns: &[(u32, String, Span)]) -> Vec<Option<usize>> {
    let width = columns.iter().map(|c| c.0 as usize + 1).max().unwrap_or(0);
    let mut index = vec![None; width];
    for (i, (col, _, _)) in columns.iter().enumerate() {
        index[*col as usize] = Some(i);
    }
    index
}

/// The named columns, and what reading the rows found.
struct Rows {
    columns: Vec<(u32, String, Span)>,
    index: Vec<Option<usize>>,
    /// Columns with values but no header, already reported.
    unnamed: Vec<u32>,
    diags: Vec<Diagnostic>,
}

impl Rows {
    /// One row's area: its cells (sorted by column), their spans, and the row's span.
    fn area(&mut self, cells: &[Cell], spans: &[Span], row: Span) -> RawArea {
        let mut area = RawArea {
            id: None,
            name: String::new(),
            district: String::new(),
            values: vec![],
            span: row,
            from_csv: true,
            broken: false,
        };
        let mut at: Vec<Option<(&Cell, Span)>> = vec![None; self.columns.len()];
        for (c, span) in cells.iter().zip(spans) {
            match self.index.get(c.col as usize).copied().flatten() {
                Some(i) => at[i] = Some((c, *span)),
                None => self.unnamed(c.col, *span),
            }
        }
        for ((_, key, key_span), cell) in self.columns.iter().zip(at) {
            let Some((c, span)) = cell else {
                if !matches!(key.as_str(), "id" | "name" | "district") {
                    area.values
                        .push((key.clone(), *key_span, RawValue::Missing, row));
                }
                continue;
            };
            if let CellValue::Error(e) = &c.value {
                let d = Diagnostic::error(
                    DataCode::WrongType.code(),
                    msg!("data-cell-error", key = key.as_str(), error = e.as_str()),
                    span,
                );
                let help = msg!("data-cell-error-help");
                self.diags.push(d.with_help(help));
                area.broken = true;
                continue;
            }
            match key.as_str() {
                "id" => {
                    area.id = Some(c.value.shown().trim().to_string()).filter(|s| !s.is_empty())
                }
                "name" => area.name = c.value.shown().trim().to_string(),
                "district" => area.district = c.value.shown().trim().to_string(),
                _ => area
                    .values
                    .push((key.clone(), *key_span, c.value.raw(), span)),
            }
        }
        area
    }

    /// A value in a column without a header: a warning, once per column.
    fn unnamed(&mut self, col: u32, span: Span) {
        if self.unnamed.contains(&col) {
            return;
        }
        self.unnamed.push(col);
        let message = msg!("data-column-no-header", column = column_name(col));
        let help = msg!("data-column-no-header-help");
        self.diags
            .push(Diagnostic::warning(DataCode::UnknownKey.code(), message, span).with_help(help));
    }
}

/// The named columns of the header row: (column, key, span of the header cell).
fn header_columns(
    header: &[Cell],
    spans: &[Span],
    lines: &Lines,
) -> Result<Vec<(u32, String, Span)>, Diagnostic> {
    let mut columns: Vec<(u32, String, Span)> = Vec::new();
    let mut seen: HashMap<String, Span> = HashMap::new();
    for (c, span) in header.iter().zip(spans) {
        let key = crate::template::header_key(&c.value.shown()).to_string();
        if let Some(first) = seen.insert(crate::source::nfc(&key), *span) {
            return Err(Diagnostic::error(
                DataCode::DuplicateKey.code(),
                msg!("data-column-twice", column = key.as_str()),
                *span,
            )
            .with_secondary(first, msg!("data-first-here"))
            .with_help(msg!("data-column-twice-help")));
        }
        columns.push((c.col, key, *span));
    }
    if !columns.iter().any(|(_, k, _)| k == "id") {
        let row = header.first().map_or(0, |c| c.row);
        return Err(Diagnostic::error(
            DataCode::Read.code(),
            msg!("data-sheet-no-id"),
            lines.span(row),
        )
        .with_help(msg!("data-sheet-no-id-help")));
    }
    Ok(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16383), "XFD");
    }

    #[test]
    fn header_keys() {
        use crate::template::header_key;
        assert_eq!(header_key("vu@ca_nam"), "vu@ca_nam");
        assert_eq!(header_key("Số vụ — Cả năm (vu@ca_nam)"), "vu@ca_nam");
        assert_eq!(header_key(" Tỷ lệ (%) "), "Tỷ lệ (%)");
        assert_eq!(header_key("Ghi chú (nếu có)"), "Ghi chú (nếu có)");
    }

    #[test]
    fn rendering_keeps_rows_on_their_lines() {
        let cells = vec![
            Cell::new(0, 0, CellValue::text("id")),
            Cell::new(0, 2, CellValue::text("x")),
            Cell::new(2, 1, CellValue::Number("5".into())),
        ];
        let (text, spans) = render(&cells, 0);
        assert_eq!(text, "id |  | x\n\n | 5");
        assert_eq!(&text[spans[2].start..spans[2].end], "5");
        assert_eq!(&text[spans[1].start..spans[1].end], "x");
    }
}
