//! `assess --format csv|xlsx` and `assess -o FILE.csv|FILE.xlsx`: the results as tables.

use super::AssessFormat;
use crate::report::Run;
use std::path::Path;

/// Writes the results table: CSV to stdout or a file, XLSX to a file. Exit 2 when it cannot.
pub fn write(run: &Run, format: AssessFormat, output: Option<&Path>) -> Result<(), i32> {
    let xlsx = match (format, output) {
        (AssessFormat::Xlsx, _) => true,
        (AssessFormat::Csv, _) => false,
        (_, Some(p)) => p
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx")),
        (_, None) => false,
    };
    let bytes = if xlsx { workbook(run)? } else { csv(run)? };
    match output {
        Some(path) => std::fs::write(path, bytes).map_err(|e| {
            eprintln!(
                "{}",
                crate::tr!(
                    super::lang(),
                    "cli-cannot-write",
                    path = path.display().to_string(),
                    reason = e.to_string()
                )
            );
            2
        }),
        None if xlsx => {
            eprintln!("{}", crate::tr!(super::lang(), "cli-xlsx-needs-file"));
            Err(2)
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|_| out.flush())
                .map_err(|_| {
                    eprintln!("{}", crate::tr!(super::lang(), "cli-write-failed"));
                    2
                })
        }
    }
}

fn csv(run: &Run) -> Result<Vec<u8>, i32> {
    let mut bytes = Vec::new();
    crate::report::table::write_csv(run, &mut bytes).map_err(|e| {
        eprintln!(
            "{}",
            crate::tr!(
                super::lang(),
                "cli-cannot-write-csv",
                reason = e.to_string()
            )
        );
        2
    })?;
    Ok(bytes)
}

#[cfg(feature = "spreadsheets")]
fn workbook(run: &Run) -> Result<Vec<u8>, i32> {
    crate::report::xlsx::results_workbook(run).map_err(|e| {
        eprintln!(
            "{}",
            crate::tr!(
                super::lang(),
                "cli-cannot-write-workbook",
                reason = e.to_string()
            )
        );
        2
    })
}

#[cfg(not(feature = "spreadsheets"))]
fn workbook(_run: &Run) -> Result<Vec<u8>, i32> {
    eprintln!("{}", crate::tr!(super::lang(), "cli-no-workbooks"));
    Err(2)
}
