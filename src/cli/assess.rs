//! `tieuchi assess RULES DATA` and `tieuchi validate RULES DATA`.

use super::{output, AssessFormat, Format};
use crate::check::{check_path, parse_override, Rules};
use crate::data::{self, DataFormat};
use crate::diag::{did_you_mean, Diagnostic};
use crate::eval::compile;
use crate::{tr, Results};
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `assess` was asked for.
pub struct AssessArgs<'a> {
    pub rules: &'a Path,
    pub data: &'a Path,
    pub data_format: Option<DataFormat>,
    pub format: AssessFormat,
    pub explain: bool,
    pub sets: &'a [String],
    pub areas: &'a [String],
    pub strict: bool,
    pub on: Option<NaiveDate>,
    /// How to read the data (decimal mark, workbook sheet).
    pub load: data::LoadOptions,
    /// Where to write the results as a workbook (`-o results.xlsx`).
    pub output: Option<&'a Path>,
}

/// Checks the rules; prints their diagnostics when they do not check.
pub fn load_rules(path: &Path, on: Option<NaiveDate>) -> Result<Rules, i32> {
    let path = resolve(path, on)?;
    let checked = check_path(&path);
    if checked.has_errors() {
        output::print_diagnostics(&checked.diagnostics, &checked.sources);
        return Err(2);
    }
    output::print_rule_warnings(&path, &checked.diagnostics, &checked.sources);
    let rules = checked.rules.ok_or(2)?;
    // A file named directly must also be in force on the date asked for.
    match (on, rules.valid) {
        (Some(date), Some((from, to))) if date < from || date > to => {
            Err(fail(Diagnostic::unplaced(
                crate::check::codes::READ,
                crate::msg!(
                    "diag-rules-not-valid-on",
                    path = path.display().to_string(),
                    from = from.to_string(),
                    to = to.to_string(),
                    date = date.to_string()
                ),
            )))
        }
        _ => Ok(rules),
    }
}

fn fail(d: Diagnostic) -> i32 {
    output::print_diagnostics(&[d], &crate::source::SourceMap::new());
    2
}

/// The rules file to use: `path` itself, or for a folder the file in force on `on`.
fn resolve(path: &Path, on: Option<NaiveDate>) -> Result<PathBuf, i32> {
    match (path.is_dir(), on) {
        (true, Some(date)) => crate::select::rules_on(path, date).map_err(fail),
        (true, None) => Err(fail(
            Diagnostic::unplaced(
                crate::check::codes::READ,
                crate::msg!("diag-rules-folder", path = path.display().to_string()),
            )
            .with_help(crate::msg!("diag-rules-folder-help")),
        )),
        (false, _) => Ok(path.to_path_buf()),
    }
}

/// Loads the data (`-` reads standard input) as `opts` says (a workbook's sheet: the first
/// when not given); prints a read error, or the diagnostic of a file that is not a data set at
/// all (exit 2 either way).
pub fn load_data(
    rules: &Rules,
    path: &Path,
    format: Option<DataFormat>,
    opts: &data::LoadOptions,
) -> Result<data::Dataset, i32> {
    let loaded = if path.as_os_str() == "-" {
        let Some(format) = format else {
            eprintln!("{}", tr!(super::lang(), "cli-stdin-format"));
            return Err(2);
        };
        if format == DataFormat::Workbook {
            return match crate::source::read_bounded(std::io::stdin().lock()) {
                Ok(bytes) => {
                    checked_data(Ok(data::load_workbook_with(rules, "<stdin>", bytes, opts)))
                }
                Err(e) => {
                    eprintln!(
                        "{}",
                        tr!(
                            super::lang(),
                            "cli-stdin-unreadable",
                            reason = e.to_string()
                        )
                    );
                    Err(2)
                }
            };
        }
        let text = match crate::source::read_stdin_text() {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "{}",
                    tr!(
                        super::lang(),
                        "cli-stdin-unreadable",
                        reason = e.to_string()
                    )
                );
                return Err(2);
            }
        };
        Ok(data::load_text_with(rules, "<stdin>", text, format, opts))
    } else {
        data::load_path_with(rules, path, format, opts)
    };
    checked_data(loaded)
}

fn checked_data(loaded: Result<data::Dataset, Diagnostic>) -> Result<data::Dataset, i32> {
    match loaded {
        Err(d) => {
            output::print_diagnostics(&[d], &crate::source::SourceMap::new());
            Err(2)
        }
        // Nothing was read: a report on zero areas would look like a result.
        Ok(data) if data.unreadable => {
            output::print_diagnostics(&data.diagnostics, &data.sources);
            Err(2)
        }
        Ok(data) => Ok(data),
    }
}

/// Parses `--set` overrides.
pub fn overrides(rules: &Rules, sets: &[String]) -> Result<Vec<(u32, crate::value::Value)>, i32> {
    let parsed: Vec<Result<_, Diagnostic>> =
        sets.iter().map(|s| parse_override(rules, s)).collect();
    let errors: Vec<Diagnostic> = parsed
        .iter()
        .filter_map(|r| r.as_ref().err().cloned())
        .collect();
    if !errors.is_empty() {
        output::print_diagnostics(&errors, &rules.sources);
        return Err(2);
    }
    Ok(parsed.into_iter().filter_map(Result::ok).collect())
}

fn select_areas(outcome: &Results, ids: &[String]) -> Result<Option<Vec<usize>>, i32> {
    if ids.is_empty() {
        return Ok(None);
    }
    let mut picked = Vec::new();
    for id in ids {
        match outcome.data.areas.iter().position(|a| a.id == *id) {
            Some(i) => picked.push(i),
            None => {
                let hint = did_you_mean(id, outcome.data.areas.iter().map(|a| a.id.as_str()))
                    .map(|m| m.render(super::lang()))
                    .unwrap_or_default();
                let no_area = tr!(super::lang(), "cli-no-area", id = id.as_str());
                eprintln!("{} {hint}", no_area);
                return Err(2);
            }
        }
    }
    Ok(Some(picked))
}

/// Runs `assess`.
pub fn run(args: &AssessArgs) -> i32 {
    match run_inner(args) {
        Ok(code) | Err(code) => code,
    }
}

fn run_inner(args: &AssessArgs) -> Result<i32, i32> {
    let rules = load_rules(args.rules, args.on)?;
    let sets = overrides(&rules, args.sets)?;
    let format = args
        .data_format
        .or_else(|| DataFormat::from_path(args.data));
    if super::stream::applies(args, format) {
        if let Some(format) = format {
            return super::stream::run(args, &rules, &sets, format);
        }
    }
    let data = load_data(&rules, args.data, args.data_format, &args.load)?;
    output::print_diagnostics(&data.diagnostics, &data.sources);
    let outcome = Results::of(compile(&rules, &sets), data);
    let only = select_areas(&outcome, args.areas)?;
    let run = outcome.view_of(only.as_deref(), super::lang());
    let table = match (args.format, args.output) {
        (AssessFormat::Xlsx, _) | (AssessFormat::Csv, _) => true,
        (_, Some(path)) => is_table_path(path),
        (_, None) => false,
    };
    if table {
        super::results::write(&run, args.format, args.output)?;
        return Ok(exit_code(args, &outcome));
    }
    if let Some(path) = args.output {
        let path = path.display().to_string();
        eprintln!("{}", tr!(super::lang(), "cli-output-table", path = path));
        return Err(2);
    }
    match args.format {
        AssessFormat::Csv | AssessFormat::Xlsx => {}
        AssessFormat::Json => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = crate::report::json::write_assessment(
                &run,
                args.explain,
                output::stdout_is_terminal(),
                &mut out,
            );
            if written.is_err() || writeln!(out).and_then(|_| out.flush()).is_err() {
                eprintln!("{}", tr!(super::lang(), "cli-write-failed"));
                return Err(2);
            }
        }
        AssessFormat::Text => {
            print!("{}", crate::report::text::assessment(&run));
            if args.explain {
                let color = output::color_stdout();
                print!("\n{}", crate::report::explain::targets(&run, color));
                for i in run.shown() {
                    let area = &outcome.data.areas[i];
                    let x = crate::eval::explain::explain_area(&outcome.program, area);
                    print!(
                        "\n{}",
                        crate::report::explain::area(
                            &outcome.program,
                            &area.name,
                            &x,
                            color,
                            super::lang()
                        )
                    );
                }
            }
        }
    }
    Ok(exit_code(args, &outcome))
}

/// True for `-o` paths that name a table (`.csv`, `.xlsx`).
fn is_table_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("xlsx"))
}

/// 1 with `--strict` when a target is not met or the data has errors, else 0.
fn exit_code(args: &AssessArgs, outcome: &Results) -> i32 {
    let unmet = outcome
        .assessed
        .targets
        .iter()
        .any(|t| t.result != crate::eval::TargetResult::Met);
    if args.strict && (unmet || outcome.data.has_errors()) {
        1
    } else {
        0
    }
}

/// Runs `validate`: 1 when the data has problems.
pub fn validate(
    rules: &Path,
    on: Option<NaiveDate>,
    data: &Path,
    data_format: Option<DataFormat>,
    format: Format,
    load: &data::LoadOptions,
) -> i32 {
    let inner = || -> Result<i32, i32> {
        let rules = load_rules(rules, on)?;
        let load = data::LoadOptions {
            whole_set: true,
            ..load.clone()
        };
        let data = load_data(&rules, data, data_format, &load)?;
        if format == Format::Json {
            let doc = crate::report::documents::ValidateDocument::new(&rules, &data, super::lang());
            output::print_json(&doc);
        } else {
            output::print_diagnostics(&data.diagnostics, &data.sources);
            let invalid = data.areas.iter().filter(|a| a.invalid).count();
            let lang = super::lang();
            let (all, valid) = (data.areas.len(), data.areas.len() - invalid);
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "cli-validate-summary",
                    count = all,
                    valid = valid,
                    invalid = invalid
                )
            );
        }
        Ok(if data.has_errors() { 1 } else { 0 })
    };
    match inner() {
        Ok(c) | Err(c) => c,
    }
}
