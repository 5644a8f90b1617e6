//! Workbooks (`.xlsx`, `.xls`, `.ods`, read with calamine): one sheet holds the same table as a
//! CSV file. Cells keep their types: numbers (binary floats turned into the shortest decimal
//! that reads back as the same float), percent-formatted numbers (`0.875` shown as `87.5%` is
//! 87.5%), dates, booleans and text. The sheet is also rendered as text, one line per sheet
//! row, so that diagnostics can show the row; each message names the sheet and the cell.

use super::ods_percent;
use super::workbook_rows::{self, Cell, CellValue};
use super::{DataCode, RawArea};
use crate::diag::{Diagnostic, Text};
use crate::i18n::Msg;
use crate::msg;
use crate::num::Num;
use calamine::{Data, DataRef, Reader};
use std::io::Cursor;

/// A sheet read into rows of raw areas, with its text rendering.
pub struct ReadSheet {
    /// The sheet's name.
    pub sheet: String,
    /// The text shown in diagnostics: line `n` is the sheet's row `n`.
    pub text: String,
    /// The areas, and the problems found while reading the cells.
    pub read: Result<(Vec<RawArea>, Vec<Diagnostic>), Diagnostic>,
    /// Every non-empty cell's place in `text` (start, end) with its 0-based row and column,
    /// sorted.
    pub places: Vec<(usize, usize, u32, u32)>,
}

/// At most this many non-empty cells are read from a sheet (a 10,000-area data set with 100
/// columns has a million).
pub const MAX_CELLS: usize = 5_000_000;

/// Reads `sheet` (or the first sheet) of a workbook given as bytes.
pub fn read(
    bytes: Vec<u8>,
    sheet: Option<&str>,
    file: crate::ast::FileId,
) -> Result<ReadSheet, Diagnostic> {
    unpacked_size_fits(&bytes)?;
    // A malformed file may make the reader crate panic (an overflow on an absurd cell address):
    // that is a file that cannot be read, never a crash.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cells(bytes, sheet)));
    let (name, cells) = read.unwrap_or_else(|_| {
        Err(problem(
            msg!("data-workbook-malformed"),
            Some(msg!("data-workbook-cell-beyond-help")),
        ))
    })?;
    Ok(workbook_rows::rows(name, cells, file))
}

/// The most a workbook's parts may hold once unpacked (`.xlsx` and `.ods` are zip files).
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// The largest sheet a spreadsheet program makes: rows and columns.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// Refuses a zip whose parts unpack to more than [`MAX_UNPACKED_BYTES`] (a zip bomb).
fn unpacked_size_fits(bytes: &[u8]) -> Result<(), Diagnostic> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // the reader reports what is wrong with it
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(f) = archive.by_index_raw(i) {
            total = total.saturating_add(f.size());
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(problem(
            msg!(
                "data-workbook-unpacks",
                size = (total / (1024 * 1024)).to_string(),
                max = (MAX_UNPACKED_BYTES / (1024 * 1024)).to_string()
            ),
            Some(msg!("data-workbook-unpacks-help")),
        ));
    }
    Ok(())
}

/// A cell beyond the largest sheet (an absurd address in a malformed file) is refused before
/// anything is laid out for it.
fn within_sheet(row: u64, col: u64, name: &str) -> Result<(u32, u32), Diagnostic> {
    if row < MAX_ROWS && col < MAX_COLUMNS {
        return Ok((row as u32, col as u32));
    }
    Err(problem(
        msg!(
            "data-workbook-cell-beyond",
            sheet = name,
            row = (row + 1).to_string(),
            column = (col + 1).to_string(),
            rows = MAX_ROWS.to_string(),
            columns = MAX_COLUMNS.to_string()
        ),
        Some(msg!("data-workbook-cell-beyond-help")),
    ))
}

/// Puts the place of each problem in its message: `sheet \`S\`, cell B7: …` for a cell,
/// `sheet \`S\`, row 7: …` for a whole row.
pub fn name_places(data: &mut super::Dataset, sheet: &str, places: &[(usize, usize, u32, u32)]) {
    let Some(file) = data.sources.get(0) else {
        return;
    };
    for d in &mut data.diagnostics {
        let span = d.span();
        if span.file != 0 {
            continue;
        }
        let i = places.partition_point(|p| p.1 < span.start);
        let place = match places.get(i) {
            Some((s, e, row, col)) if *s <= span.start && span.end <= *e => {
                let cell = format!("{}{}", workbook_rows::column_name(*col), row + 1);
                msg!("data-place-cell", cell = cell)
            }
            _ => msg!(
                "data-place-row",
                row = file.line_col(span.start).0.to_string()
            ),
        };
        let message = std::mem::replace(&mut d.message, Text::plain(""));
        d.message = msg!(
            "data-in-sheet",
            sheet = sheet,
            place = place,
            message = message
        )
        .into();
    }
}

fn problem(message: Msg, help: Option<Msg>) -> Diagnostic {
    let d = Diagnostic::unplaced(DataCode::Read.code(), message);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// The sheet's name and its non-empty cells, sorted by row and column.
fn cells(bytes: Vec<u8>, sheet: Option<&str>) -> Result<(String, Vec<Cell>), Diagnostic> {
    let cursor = Cursor::new(bytes);
    // XLSX is read cell by cell, with number formats; the other formats as a whole range.
    match calamine::Xlsx::new(cursor.clone()) {
        Ok(mut book) => {
            let name = pick(book.sheet_names(), sheet)?;
            let cells = xlsx_cells(&mut book, &name)?;
            Ok((name, cells))
        }
        Err(_) => {
            let mut book = calamine::open_workbook_auto_from_rs(cursor.clone()).map_err(|e| {
                problem(
                    msg!("data-workbook-unreadable", reason = e.to_string()),
                    Some(msg!("data-workbook-unreadable-help")),
                )
            })?;
            let name = pick(book.sheet_names(), sheet)?;
            let range = book.worksheet_range(&name).map_err(|e| {
                problem(
                    msg!(
                        "data-sheet-unreadable",
                        sheet = name.as_str(),
                        reason = e.to_string()
                    ),
                    None,
                )
            })?;
            let percents = match book {
                calamine::Sheets::Ods(_) => ods_percent::percent_cells(cursor.get_ref(), &name),
                _ => Default::default(),
            };
            range_cells(&range, &percents, &name).map(|cells| (name, cells))
        }
    }
}

/// The non-empty cells of a whole range (`.xls`, `.ods`); `percents` holds the ODS cells whose
/// type is percentage, each used only where its value is the number calamine read there.
fn range_cells(
    range: &calamine::Range<Data>,
    percents: &ods_percent::PercentCells,
    name: &str,
) -> Result<Vec<Cell>, Diagnostic> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (row, col, data) in range.used_cells() {
        let (row, col) = within_sheet(r0 as u64 + row as u64, c0 as u64 + col as u64, name)?;
        let mut value = from_data(data);
        let percent = percents
            .get(&(row, col))
            .and_then(|v| v.parse::<f64>().ok());
        if let (Some(p), Data::Float(f)) = (percent, data) {
            if p == *f {
                value = as_percent(value);
            }
        }
        if !matches!(value, CellValue::Empty) {
            cells.push(Cell::new(row, col, value));
        }
        if cells.len() > MAX_CELLS {
            return Err(too_many(name));
        }
    }
    Ok(cells)
}

fn too_many(name: &str) -> Diagnostic {
    problem(
        msg!(
            "data-sheet-too-many-cells",
            sheet = name,
            max = MAX_CELLS.to_string()
        ),
        Some(msg!("data-sheet-too-many-cells-help")),
    )
}

/// The sheet asked for, or the first one.
fn pick(names: Vec<String>, sheet: Option<&str>) -> Result<String, Diagnostic> {
    match sheet {
        None => names
            .into_iter()
            .next()
            .ok_or_else(|| problem(msg!("data-workbook-no-sheet"), None)),
        Some(wanted) => {
            if let Some(n) = names.iter().find(|n| n.as_str() == wanted) {
                return Ok(n.clone());
            }
            let list = names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            Err(problem(
                msg!("data-workbook-no-such-sheet", sheet = wanted),
                Some(msg!("data-workbook-sheets", list = list)),
            ))
        }
    }
}

fn xlsx_cells(
    book: &mut calamine::Xlsx<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Vec<Cell>, Diagnostic> {
    let bad = |e: calamine::XlsxError| {
        problem(
            msg!(
                "data-sheet-unreadable",
                sheet = name,
                reason = e.to_string()
            ),
            None,
        )
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(bad)?;
    let percent_styles: Vec<bool> = reader
        .styles()
        .iter()
        .map(|s| {
            s.number_format
                .as_ref()
                .is_some_and(|f| is_percent_format(&f.format_code))
        })
        .collect();
    let mut cells = Vec::new();
    while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(bad)? {
        let (row, col) = cell.get_position();
        let (row, col) = within_sheet(row as u64, col as u64, name)?;
        let mut value = from_data_ref(cell.get_value());
        if percent_styles.get(style).copied().unwrap_or(false) {
            value = as_percent(value);
        }
        if !matches!(value, CellValue::Empty) {
            cells.push(Cell::new(row, col, value));
        }
        if cells.len() > MAX_CELLS {
            return Err(too_many(name));
        }
    }
    cells.sort_by_key(|c| (c.row, c.col));
    Ok(cells)
}

/// True for a number format that shows a percent (`0%`, `0.00%`), ignoring quoted text.
pub fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            ';' if !quoted => return false,
            _ => {}
        }
    }
    false
}

/// A percent-formatted number: the cell holds the fraction, the value is in percent points.
fn as_percent(value: CellValue) -> CellValue {
    match value {
        CellValue::Number(text) => {
            let points = Num::parse(&text)
                .ok()
                .and_then(|n| n.checked_mul(Num::ONE_HUNDRED))
                .and_then(Num::to_exact_decimal);
            match points {
                Some(p) => CellValue::Percent(p),
                None => CellValue::Number(text),
            }
        }
        other => other,
    }
}

/// The shortest decimal that reads back as the same binary float (never more digits).
pub fn float_text(f: f64) -> Option<String> {
    f.is_finite().then(|| format!("{f}"))
}

fn from_data_ref(d: &DataRef<'_>) -> CellValue {
    match d {
        DataRef::Int(i) => CellValue::Number(i.to_string()),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => CellValue::text(s),
        DataRef::SharedString(s) => CellValue::text(s),
        DataRef::Bool(b) => CellValue::Bool(*b),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => iso_date(s),
        DataRef::DurationIso(s) => CellValue::text(s),
        DataRef::Error(e) => CellValue::Error(e.to_string()),
        DataRef::Empty => CellValue::Empty,
    }
}

fn from_data(d: &Data) -> CellValue {
    match d {
        Data::Int(i) => CellValue::Number(i.to_string()),
        Data::Float(f) => number(*f),
        Data::String(s) => CellValue::text(s),
        Data::Bool(b) => CellValue::Bool(*b),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => CellValue::text(s),
        Data::Error(e) => CellValue::Error(e.to_string()),
        Data::Empty => CellValue::Empty,
    }
}

fn number(f: f64) -> CellValue {
    match float_text(f) {
        Some(t) => CellValue::Number(t),
        None => CellValue::Error(format!("{f}")),
    }
}

/// A date cell: `YYYY-MM-DD` when it has no time of day, else the date and time (which no
/// `date` input accepts, so the cell gets a diagnostic rather than a silently dropped time).
fn date_time(dt: &calamine::ExcelDateTime) -> CellValue {
    if dt.is_duration() {
        return CellValue::Text(format!("{} days (a duration)", dt.as_f64()));
    }
    let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
    if (hh, mm, ss, ms) == (0, 0, 0, 0) {
        CellValue::Date(format!("{y:04}-{m:02}-{d:02}"))
    } else {
        CellValue::Date(format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}"))
    }
}

fn iso_date(s: &str) -> CellValue {
    let date = s.strip_suffix("T00:00:00").unwrap_or(s);
    CellValue::Date(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("0.00%"));
        assert!(!is_percent_format("\"%\"0"));
        assert!(!is_percent_format("0\\%"));
        assert!(!is_percent_format("General"));
        assert!(!is_percent_format("0;\"-\"%"));
    }

    #[test]
    fn floats_as_shortest_decimals() {
        assert_eq!(float_text(0.1).as_deref(), Some("0.1"));
        assert_eq!(float_text(87.5).as_deref(), Some("87.5"));
        assert_eq!(float_text(1e21).as_deref(), Some("1000000000000000000000"));
        assert_eq!(float_text(f64::NAN), None);
        assert_eq!(
            as_percent(CellValue::Number("0.875".into())),
            CellValue::Percent("87.5".into())
        );
        // 0.1 + 0.2 is stored as 0.30000000000000004: that decimal, exactly, times 100.
        assert_eq!(
            as_percent(number(0.1 + 0.2)),
            CellValue::Percent("30.000000000000004".into())
        );
    }
}
