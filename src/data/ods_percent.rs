//! Percent cells of an OpenDocument sheet. calamine reads an `.ods` cell's number but not its
//! value type, so a percent-formatted cell holding 0.875 would read as the ambiguous 0.875; this
//! finds the cells whose `office:value-type` is `percentage` in the sheet's `content.xml`, with
//! their values. The reader uses them only where the value matches the cell calamine read at
//! that place (see [`super::workbook`]), so a position counted differently can never turn a
//! plain number into a percent.

use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

/// (0-based row, column) → the cell's `office:value` text, for percent cells.
pub type PercentCells = HashMap<(u32, u32), String>;

/// At most this many repeated rows or columns are expanded for one element.
const MAX_REPEAT: u32 = 1 << 20;

/// The percent cells of sheet `sheet`; empty when the file is not an ODS or cannot be read.
pub fn percent_cells(bytes: &[u8], sheet: &str) -> PercentCells {
    let mut found = PercentCells::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return found;
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return found;
    };
    let limit = crate::source::MAX_FILE_BYTES * 8;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content.take(limit)));
    let mut buf = Vec::new();
    let (mut in_sheet, mut row, mut col, mut row_repeat) = (false, 0u32, 0u32, 1u32);
    loop {
        buf.clear();
        let (event, empty) = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                match e.name().as_ref() {
                    "table:table" if in_sheet => return found,
                    "table:table-row" if in_sheet => row = row.saturating_add(row_repeat),
                    _ => {}
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => return found,
            Ok(_) => continue,
        };
        match event.name().as_ref() {
            "table:table" => in_sheet = attr(&event, "table:name").as_deref() == Some(sheet),
            "table:table-row" if in_sheet => {
                row_repeat = repeat(&event, "table:number-rows-repeated");
                col = 0;
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if in_sheet => {
                let cols = repeat(&event, "table:number-columns-repeated");
                if attr(&event, "office:value-type").as_deref() == Some("percentage") {
                    if let Some(v) = attr(&event, "office:value") {
                        record(&mut found, (row, row_repeat), (col, cols), &v);
                    }
                }
                col = col.saturating_add(cols);
            }
            _ => {}
        }
    }
}

fn record(found: &mut PercentCells, (row, rows): (u32, u32), (col, cols): (u32, u32), v: &str) {
    // A percent cell repeated over a whole sheet would be millions: such a sheet keeps the
    // cells found so far, and the rest read as plain numbers (ambiguous, never a guess).
    if found.len() as u64 + u64::from(rows) * u64::from(cols) > super::workbook::MAX_CELLS as u64 {
        return;
    }
    for r in row..row.saturating_add(rows) {
        for c in col..col.saturating_add(cols) {
            found.insert((r, c), v.to_string());
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

fn repeat(e: &BytesStart<'_>, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse::<u32>().ok())
        .map_or(1, |n| n.clamp(1, MAX_REPEAT))
}
