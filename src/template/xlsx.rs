//! The XLSX form of a template: sheet "Số liệu" with the header row frozen and each input
//! column validated by its type, and sheet "Hướng dẫn" describing each column.
//!
//! Choices and yes/no are drop-down lists of the option ids (`true`/`false` for yes/no): the
//! ids are what the data readers take, and the guide sheet gives each id's label. Percents are
//! percent points (0–100, a plain number: `87.5` means 87.5%). Numbers are written as
//! spreadsheet numbers when binary floating point holds them exactly, else as text (so no digit
//! is lost).

use super::{Cell, Column, Template, FIXED_HEADERS};
use crate::check::InputType;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, ExcelDateTime, Format, FormatAlign, Workbook,
    Worksheet, XlsxError,
};

/// The name of the data sheet.
pub const DATA_SHEET: &str = "Số liệu";
/// The name of the guide sheet.
pub const GUIDE_SHEET: &str = "Hướng dẫn";

/// Columns a sheet holds (Excel's limit).
pub const MAX_COLUMNS: usize = 16_384;
/// Rows a sheet holds (Excel's limit), the header row included.
pub const MAX_ROWS: usize = 1_048_576;

/// The workbook's bytes; an error when the template does not fit a sheet.
pub fn to_xlsx(t: &Template) -> Result<Vec<u8>, XlsxError> {
    // Past a sheet's limits a column or row number would wrap around, not fail.
    if t.columns.len() + FIXED_HEADERS.len() > MAX_COLUMNS || t.rows.len() >= MAX_ROWS {
        return Err(XlsxError::RowColumnLimitError);
    }
    let mut book = Workbook::new();
    data_sheet(book.add_worksheet(), t)?;
    guide_sheet(book.add_worksheet(), t)?;
    book.save_to_buffer()
}

fn data_sheet(ws: &mut Worksheet, t: &Template) -> Result<(), XlsxError> {
    ws.set_name(DATA_SHEET)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDEBF7));
    for (c, h) in t.headers().iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
        ws.set_column_width(c as u16, if c < 3 { 22 } else { 28 })?;
    }
    ws.set_row_height(0, 90)?;
    ws.set_freeze_panes(1, 0)?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, text) in [&row.id, &row.name, &row.district].into_iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r, c as u16, text)?;
            }
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let c = (c + FIXED_HEADERS.len()) as u16;
            match cell {
                None => {}
                Some(Cell::Number(n)) => match exact_f64(n) {
                    Some(x) => ws.write_number(r, c, x).map(|_| ())?,
                    None => ws.write_string(r, c, n).map(|_| ())?,
                },
                Some(Cell::Text(s)) => ws.write_string(r, c, s).map(|_| ())?,
                Some(Cell::Bool(b)) => ws.write_boolean(r, c, *b).map(|_| ())?,
                Some(Cell::Date(d)) => ws
                    .write_datetime_with_format(r, c, excel_date(*d)?, &date)
                    .map(|_| ())?,
            }
        }
    }
    let last = t.rows.len().max(1) as u32;
    for (i, col) in t.columns.iter().enumerate() {
        let c = (i + FIXED_HEADERS.len()) as u16;
        if let Some(v) = validation(col)? {
            ws.add_data_validation(1, c, last, c, &v)?;
        }
        if matches!(col.ty, InputType::Date) {
            ws.set_column_format(c, &date)?;
        }
    }
    Ok(())
}

/// The decimal text as an `f64` when the float reads back as the same decimal.
fn exact_f64(text: &str) -> Option<f64> {
    let x: f64 = text.parse().ok()?;
    let back = crate::num::Num::parse(&format!("{x}")).ok()?;
    (crate::num::Num::parse(text).ok()? == back).then_some(x)
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// The validation of a column by its input's type (`None` for text).
fn validation(col: &Column) -> Result<Option<DataValidation>, XlsxError> {
    let (v, message) = match &col.ty {
        InputType::Count => (
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            "Số nguyên ≥ 0".to_string(),
        ),
        InputType::Percent => (
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(0.0, 100.0)),
            "Phần trăm, ghi số từ 0 đến 100 (87,5 nghĩa là 87,5%)".to_string(),
        ),
        InputType::Number => (
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(-1e28, 1e28)),
            "Số".to_string(),
        ),
        InputType::YesNo => (
            DataValidation::new().allow_list_strings(&["true", "false"])?,
            "true (có) hoặc false (không)".to_string(),
        ),
        InputType::Date => (
            DataValidation::new().allow_date(DataValidationRule::Between(
                ExcelDateTime::from_ymd(1900, 1, 1)?,
                ExcelDateTime::from_ymd(9999, 12, 31)?,
            )),
            "Ngày, dd/mm/yyyy".to_string(),
        ),
        InputType::Choice(opts) => {
            let ids: Vec<&str> = opts.iter().map(|(id, _)| id.as_str()).collect();
            match DataValidation::new().allow_list_strings(&ids) {
                Ok(v) => (v, options_text(opts)),
                // Past Excel's 255 characters the list is not validated; the guide lists it.
                Err(_) => return Ok(None),
            }
        }
        InputType::Text => return Ok(None),
    };
    let v = v
        .set_input_title(truncate(&col.label, 32))?
        .set_input_message(truncate(&message, 255))?
        .set_error_title("Giá trị không hợp lệ")?
        .set_error_message(truncate(&message, 255))?;
    Ok(Some(v))
}

/// `id: label; id: label`.
fn options_text(opts: &[(String, Option<String>)]) -> String {
    opts.iter()
        .map(|(id, label)| match label {
            Some(l) => format!("{id}: {l}"),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// At most `n` characters (Excel's limits on validation titles and messages).
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n - 1).collect();
    out.push('…');
    out
}

fn guide_sheet(ws: &mut Worksheet, t: &Template) -> Result<(), XlsxError> {
    ws.set_name(super::xlsx::GUIDE_SHEET)?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, &t.title, &bold)?;
    let intro = format!(
        "Điền số liệu vào sheet \"{DATA_SHEET}\", mỗi dòng một địa bàn; ô để trống là thiếu số liệu. \
         Phần trăm ghi số điểm phần trăm (87,5 = 87,5%). Lựa chọn ghi mã (cột \"Lựa chọn\"). \
         Không sửa dòng tiêu đề: mã trong ngoặc cuối cùng là khóa dữ liệu."
    );
    ws.write_string(1, 0, &intro)?;
    let heads = [
        "Cột",
        "Khóa dữ liệu",
        "Nhãn",
        "Kiểu",
        "Kỳ",
        "Lựa chọn",
        "Tiêu chí sử dụng",
    ];
    let wrap = Format::new().set_bold().set_text_wrap();
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &wrap)?;
        ws.set_column_width(c as u16, [8, 30, 50, 10, 45, 50, 40][c])?;
    }
    ws.set_freeze_panes(4, 0)?;
    for (i, col) in t.columns.iter().enumerate() {
        let r = 4 + i as u32;
        let options = match &col.ty {
            InputType::Choice(opts) => options_text(opts),
            InputType::YesNo => "true; false".to_string(),
            _ => String::new(),
        };
        let letter = rust_xlsxwriter::utility::column_number_to_name((i + 3) as u16);
        let cells = [
            letter,
            col.key.clone(),
            col.label.clone(),
            col.ty.name().to_string(),
            col.period.clone().unwrap_or_default(),
            options,
            col.read_by.join(", "),
        ];
        for (c, text) in cells.iter().enumerate() {
            ws.write_string(r, c as u16, text)?;
        }
    }
    Ok(())
}
