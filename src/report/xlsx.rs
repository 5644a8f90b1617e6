//! Results as an XLSX workbook: the sheet "Kết quả" (one row per area and assessment) and the
//! sheet "Chỉ tiêu" (one row per target), each with a bold, frozen header row. Numbers that a
//! spreadsheet holds exactly are number cells (shares formatted as percents); others are text.

use super::table::{area_rows, target_rows, TableCell, AREA_COLUMNS, TARGET_COLUMNS};
use super::Run;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// The workbook's bytes.
pub fn results_workbook(run: &Run) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Kết quả")?;
    write_table(sheet, &AREA_COLUMNS, &area_rows(run))?;
    let sheet = book.add_worksheet();
    sheet.set_name("Chỉ tiêu")?;
    write_table(sheet, &TARGET_COLUMNS, &target_rows(run))?;
    book.save_to_buffer()
}

fn write_table(
    sheet: &mut Worksheet,
    header: &[&str],
    rows: &[Vec<TableCell>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.##%");
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                TableCell::Text(t) => {
                    sheet.write_string(r, c, t)?;
                }
                // `TableCell::number` made these only for values a float holds exactly.
                TableCell::Number(n) => {
                    sheet.write_number(r, c, n.to_string().parse::<f64>().unwrap_or(f64::NAN))?;
                }
                TableCell::Percent(n) => {
                    let f = n.to_string().parse::<f64>().unwrap_or(f64::NAN);
                    sheet.write_number_with_format(r, c, f, &percent)?;
                }
                TableCell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    Ok(())
}
