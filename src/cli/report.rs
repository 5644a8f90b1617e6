//! `tieuchi report RULES DATA -o bao-cao.html`: the council report.

use super::assess::{load_data, load_rules, overrides};
use super::output;
use crate::data::{DataFormat, LoadOptions};
use crate::eval::compile;
use crate::report::council::{self, DataMeta, FileHash, Meta, ReportFormat};
use crate::Results;
use std::path::Path;

/// The report's formats on the command line.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum ReportFormatArg {
    /// One self-contained HTML file (print it to PDF from a browser).
    Html,
    /// Markdown.
    Md,
}

/// What `report` was asked for.
pub struct ReportArgs<'a> {
    pub rules: &'a Path,
    pub data: &'a Path,
    pub data_format: Option<DataFormat>,
    pub format: Option<ReportFormatArg>,
    pub output: Option<&'a Path>,
    pub sets: &'a [String],
    pub on: Option<chrono::NaiveDate>,
    pub load: LoadOptions,
}

/// Runs `report`: 0 when the report was written, 2 on unusable input.
pub fn run(args: &ReportArgs) -> i32 {
    match run_inner(args) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

fn run_inner(args: &ReportArgs) -> Result<(), i32> {
    if args.data.as_os_str() == "-" {
        eprintln!("{}", crate::tr!(super::lang(), "cli-report-no-stdin"));
        return Err(2);
    }
    let rules = load_rules(args.rules, args.on)?;
    let sets = overrides(&rules, args.sets)?;
    let data = load_data(&rules, args.data, args.data_format, &args.load)?;
    output::print_diagnostics(&data.diagnostics, &data.sources);
    let bytes = std::fs::read(args.data).map_err(|e| {
        eprintln!(
            "{}",
            crate::tr!(
                super::lang(),
                "cli-cannot-read",
                path = args.data.display().to_string(),
                reason = e.to_string()
            )
        );
        2
    })?;
    let meta = Meta {
        rules_files: council::rules_hashes(&rules),
        data_file: FileHash {
            name: args.data.display().to_string(),
            sha256: council::sha256_hex(&bytes),
        },
        data: DataMeta::read(&String::from_utf8_lossy(&bytes)),
        generated: generated_at(),
        command: command_line(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let outcome = Results::of(compile(&rules, &sets), data);
    let format = match (args.format, args.output) {
        (Some(ReportFormatArg::Md), _) => ReportFormat::Markdown,
        (Some(ReportFormatArg::Html), _) => ReportFormat::Html,
        (None, Some(p)) if p.extension().is_some_and(|e| e == "md") => ReportFormat::Markdown,
        (None, _) => ReportFormat::Html,
    };
    let text = council::render(&outcome, &meta, super::lang(), format);
    match args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| {
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
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|_| {
                    eprintln!("{}", crate::tr!(super::lang(), "cli-write-failed"));
                    2
                })
        }
    }
}

/// The time of generation in UTC: `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible
/// builds of the report, else now.
fn generated_at() -> String {
    let from_env = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    let secs = from_env.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    });
    chrono::DateTime::from_timestamp(secs, 0).map_or_else(
        || secs.to_string(),
        |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
    )
}

/// The command as typed, quoted for a POSIX shell where needed.
fn command_line() -> String {
    let quoted = std::env::args().skip(1).map(|a| {
        let plain = !a.is_empty()
            && a.chars()
                .all(|c| c.is_alphanumeric() || "-_./=:@%+,".contains(c));
        if plain {
            a
        } else {
            format!("'{}'", a.replace('\'', "'\\''"))
        }
    });
    std::iter::once("tieuchi".to_string())
        .chain(quoted)
        .collect::<Vec<_>>()
        .join(" ")
}
