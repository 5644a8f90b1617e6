//! Argument parsing and the commands. Each command calls the library, renders, and returns the
//! exit code of the contract: 0 success, 1 fell short, 2 unusable input or command line.

mod assess;
mod check;
mod diff;
mod fmt;
#[cfg(feature = "lsp")]
mod lsp;
mod output;
mod report;
mod results;
#[cfg(feature = "server")]
mod serve;
mod stream;
mod sweep;
mod template;
mod test;

use crate::i18n::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// tieuchi — criteria for appraising key, complex areas for social order.
#[derive(Parser)]
#[command(name = "tieuchi", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the output: `vi` (Tiếng Việt) or `en`. Default: `TIEUCHI_LANG`, else the
    /// locale (`LC_ALL`/`LANG` starting with `vi` or `en`), else Vietnamese.
    #[arg(long, global = true, value_enum, value_name = "vi|en")]
    lang: Option<LangArg>,
}

/// The output languages.
#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of this run's output (set once from `--lang` or the environment).
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_else(Lang::from_env)
}

/// Output formats.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
}

/// Output formats of `assess`: those of every command, and tables for spreadsheets.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum AssessFormat {
    Text,
    Json,
    /// One row per area and assessment, as CSV.
    Csv,
    /// A workbook (areas and targets sheets); needs `-o FILE`.
    Xlsx,
}

/// Data formats for `--data-format`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum DataFormatArg {
    Json,
    Ron,
    Csv,
    /// A workbook: `.xlsx`, `.xls` or `.ods`.
    #[value(alias = "xls", alias = "ods", alias = "workbook")]
    Xlsx,
}

impl From<DataFormatArg> for crate::DataFormat {
    fn from(f: DataFormatArg) -> Self {
        match f {
            DataFormatArg::Json => crate::DataFormat::Json,
            DataFormatArg::Ron => crate::DataFormat::Ron,
            DataFormatArg::Csv => crate::DataFormat::Csv,
            DataFormatArg::Xlsx => crate::DataFormat::Workbook,
        }
    }
}

/// How to read the data file: CSV numbers' decimal mark (when the separator should not decide
/// it) and a workbook's sheet.
#[derive(clap::Args, Clone, Default)]
pub(crate) struct DecimalArgs {
    /// Read CSV numbers with a decimal comma and `.` digit grouping (`1.234,5`).
    #[arg(long, conflicts_with = "decimal_point")]
    decimal_comma: bool,
    /// Read CSV numbers with a decimal point (`1234.5`; `10.000` is then ten).
    #[arg(long)]
    decimal_point: bool,
    /// The workbook's sheet to read (the first when not given).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

impl DecimalArgs {
    /// The load options these flags ask for.
    pub(crate) fn options(self) -> crate::data::LoadOptions {
        use crate::data::DecimalMark;
        let decimal = match (self.decimal_comma, self.decimal_point) {
            (true, _) => Some(DecimalMark::Comma),
            (_, true) => Some(DecimalMark::Point),
            _ => None,
        };
        crate::data::LoadOptions {
            decimal,
            sheet: self.sheet,
            ..Default::default()
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Assess every area of a data set and decide the targets.
    Assess {
        /// The rules file.
        rules: PathBuf,
        /// The data file (`.json`, `.ron`, `.csv`, `.xlsx`/`.xls`/`.ods`; `-` for standard input).
        data: PathBuf,
        /// Explain each verdict over the rules file's lines.
        #[arg(long)]
        explain: bool,
        /// `csv`: one row per area and assessment; `xlsx` (with `-o`): that and a targets sheet.
        #[arg(long, value_enum, default_value = "text")]
        format: AssessFormat,
        /// Write the results to FILE (`.xlsx` a workbook, `.csv` the table) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Override a param: `--set nguong_kham_pha=75%` (repeatable).
        #[arg(long = "set", value_name = "P=V")]
        sets: Vec<String>,
        /// Show only this area (repeatable).
        #[arg(long = "area", value_name = "ID")]
        areas: Vec<String>,
        /// Exit 1 when a target is not met (or undecided) or the data has errors.
        #[arg(long)]
        strict: bool,
        /// The data's format, when the extension does not tell (or for `-`).
        #[arg(long, value_enum)]
        data_format: Option<DataFormatArg>,
        /// With a folder of rules files: use the one whose `valid` range holds this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
        #[command(flatten)]
        decimal: DecimalArgs,
    },
    /// Run the `test` blocks of rules files.
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// List, for each criterion, outcome and target, what the tests reached.
        #[arg(long)]
        coverage: bool,
        /// With a folder of rules files: use the one whose `valid` range holds this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
    },
    /// Assess the data for a range of values of one param: verdict counts and targets per value.
    Sweep {
        rules: PathBuf,
        data: PathBuf,
        /// `P=FROM..TO/STEP`, e.g. `nguong_kham_pha=60%..95%/5%`.
        #[arg(long)]
        param: String,
        /// Other overrides held fixed (repeatable).
        #[arg(long = "set", value_name = "P=V")]
        sets: Vec<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[command(flatten)]
        decimal: DecimalArgs,
    },
    /// Compare two rules files (or one with what-if overrides) over the same data.
    Diff {
        /// `OLD.tc NEW.tc DATA`, or `RULES DATA` with `--set`.
        #[arg(required = true, num_args = 2..=3)]
        paths: Vec<PathBuf>,
        /// What-if override (repeatable), for `diff RULES DATA --set P=V`.
        #[arg(long = "set", value_name = "P=V")]
        sets: Vec<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Exit 1 when any result changed.
        #[arg(long)]
        exit_code: bool,
        #[command(flatten)]
        decimal: DecimalArgs,
    },
    /// Rewrite rules files in the canonical layout (comments kept).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; list the files that are not formatted and exit 1 if any.
        #[arg(long)]
        check: bool,
    },
    /// Check a data set against the rules' inputs.
    Validate {
        rules: PathBuf,
        data: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long, value_enum)]
        data_format: Option<DataFormatArg>,
        /// With a folder of rules files: use the one whose `valid` range holds this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
        #[command(flatten)]
        decimal: DecimalArgs,
    },
    /// Write the entry form a commune fills in (`.xlsx` with validation, or `.csv`).
    Template {
        rules: PathBuf,
        /// The file to write: `FILE.xlsx` or `FILE.csv`.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        out: PathBuf,
        /// A data set whose areas (ids, names, districts) fill the rows.
        #[arg(long, value_name = "DATA")]
        areas: Option<PathBuf>,
        /// With `--areas`: fill in the areas' values too (to correct or complete a data set).
        #[arg(long, requires = "areas")]
        with_values: bool,
        /// With a folder of rules files: use the one whose `valid` range holds this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
    },
    /// Print the JSON Schema (2020-12) of the JSON data the rules accept.
    Schema {
        rules: PathBuf,
        /// With a folder of rules files: use the one whose `valid` range holds this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
    },
    /// Write the council report: one self-contained HTML file for A4 printing (or Markdown).
    Report {
        /// The rules file.
        rules: PathBuf,
        /// The data file.
        data: PathBuf,
        /// The file to write (`bao-cao.html`, `bao-cao.md`); standard output when not given.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// `html` or `md` (default: from the extension of `-o`, else `html`).
        #[arg(long, value_enum)]
        format: Option<report::ReportFormatArg>,
        /// Override a param: `--set diem_dat=70` (repeatable; the report says so).
        #[arg(long = "set", value_name = "P=V")]
        sets: Vec<String>,
        #[arg(long, value_enum)]
        data_format: Option<DataFormatArg>,
        /// With a folder of rules files: use the one whose `valid` range holds this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
        #[command(flatten)]
        decimal: DecimalArgs,
    },
    /// Serve the HTTP API (`/v1`) and the web workbench (`/`) over a folder of rules files.
    #[cfg(feature = "server")]
    Serve {
        /// The folder of rules files (`.tc`) to serve; reloaded when it changes.
        #[arg(long, value_name = "DIR")]
        rules: PathBuf,
        /// Where to listen; only this machine by default. Port 0 picks a free port.
        #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// The largest request body accepted, in MiB (larger: 413).
        #[arg(long, value_name = "MIB", default_value_t = 16)]
        max_body: usize,
        /// The longest a request may take, in seconds (longer: 503).
        #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
        time_limit: f64,
    },
    /// Run the Language Server for `.tc` files over standard input and output (for editors).
    #[cfg(feature = "lsp")]
    Lsp {
        /// Accepted for editors that pass it; standard input and output are the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Parse and check rules files.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

/// Files as given, with each folder replaced by the `.tc` files in it (sorted). A folder with
/// no `.tc` file is an error (exit 2): `doing` (e.g. "check") would silently do nothing.
pub(crate) fn expand_folders(paths: &[PathBuf], doing: &str) -> Result<Vec<PathBuf>, i32> {
    let mut out = Vec::new();
    let mut empty = false;
    for p in paths {
        match std::fs::read_dir(p) {
            Ok(entries) if p.is_dir() => {
                let mut tc: Vec<PathBuf> = entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|f| f.extension().is_some_and(|x| x == "tc"))
                    .collect();
                if tc.is_empty() {
                    let folder = p.display().to_string();
                    eprintln!(
                        "{}",
                        crate::tr!(lang(), "cli-empty-folder", folder = folder, doing = doing)
                    );
                    empty = true;
                }
                tc.sort();
                out.extend(tc);
            }
            _ => out.push(p.clone()),
        }
    }
    if empty {
        Err(2)
    } else {
        Ok(out)
    }
}

/// Parses the command line and runs the command; returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let chosen = match cli.lang {
        Some(LangArg::Vi) => Lang::Vi,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    };
    let _ = LANG.set(chosen);
    match cli.command {
        Command::Check { files, format } => match expand_folders(&files, "check") {
            Ok(files) => check::run(&files, format),
            Err(code) => code,
        },
        Command::Assess {
            rules,
            data,
            explain,
            format,
            sets,
            areas,
            strict,
            data_format,
            on,
            decimal,
            output,
        } => assess::run(&assess::AssessArgs {
            rules: &rules,
            data: &data,
            data_format: data_format.map(Into::into),
            format,
            output: output.as_deref(),
            explain,
            sets: &sets,
            areas: &areas,
            strict,
            on,
            load: decimal.options(),
        }),
        Command::Test {
            files,
            format,
            coverage,
            on,
        } => test::run(&files, on, format, coverage),
        Command::Diff {
            paths,
            sets,
            format,
            exit_code,
            decimal,
        } => diff::run(&paths, &sets, format, exit_code, &decimal.options()),
        Command::Fmt { files, check } => match expand_folders(&files, "format") {
            Ok(files) => fmt::run(&files, check),
            Err(code) => code,
        },
        Command::Sweep {
            rules,
            data,
            param,
            sets,
            format,
            decimal,
        } => sweep::run(&rules, &data, &param, &sets, format, &decimal.options()),
        Command::Template {
            rules,
            out,
            areas,
            with_values,
            on,
        } => template::run(&template::TemplateArgs {
            rules: &rules,
            out: &out,
            areas: areas.as_deref(),
            with_values,
            on,
        }),
        Command::Report {
            rules,
            data,
            output,
            format,
            sets,
            data_format,
            on,
            decimal,
        } => report::run(&report::ReportArgs {
            rules: &rules,
            data: &data,
            data_format: data_format.map(Into::into),
            format,
            output: output.as_deref(),
            sets: &sets,
            on,
            load: decimal.options(),
        }),
        #[cfg(feature = "server")]
        Command::Serve {
            rules,
            addr,
            max_body,
            time_limit,
        } => serve::run(&rules, addr, max_body, time_limit),
        #[cfg(feature = "lsp")]
        Command::Lsp { .. } => lsp::run(),
        Command::Schema { rules, on } => template::schema(&rules, on),
        Command::Validate {
            rules,
            data,
            format,
            data_format,
            on,
            decimal,
        } => assess::validate(
            &rules,
            on,
            &data,
            data_format.map(Into::into),
            format,
            &decimal.options(),
        ),
    }
}
