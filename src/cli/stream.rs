//! `assess --format json` on a data file read a batch at a time: each batch validated,
//! assessed (on every core when large) and written before the next is read, so memory holds
//! the data file's text, one batch, the ids seen and what the targets need — not every area
//! and its results. The bytes written are those of the whole-load path.

use super::assess::AssessArgs;
use super::output;
use crate::check::Rules;
use crate::data::{self, AreaReader, DataFormat, StreamReading};
use crate::eval::{compile, Assessor, TargetResult};
use crate::report::contract::DataDiagnostic;
use crate::report::json_stream::JsonStream;
use crate::source::{SourceFile, SourceMap};
use crate::tr;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};

/// Areas read, assessed and written at a time.
pub const BATCH: usize = 4096;

/// True when `assess` can stream: JSON without indentation (stdout is no terminal), every
/// area shown, no explanation, a JSON, RON or CSV file (not standard input, not a workbook).
pub fn applies(args: &AssessArgs, format: Option<DataFormat>) -> bool {
    args.format == super::AssessFormat::Json
        && !args.explain
        && args.areas.is_empty()
        && args.output.is_none()
        && args.data.as_os_str() != "-"
        && matches!(
            format,
            Some(DataFormat::Csv | DataFormat::Json | DataFormat::Ron)
        )
        && !output::stdout_is_terminal()
}

/// Diagnostics shown on stderr as they come, at most [`output::MAX_SHOWN`].
struct Shown {
    count: usize,
    errors: bool,
}

impl Shown {
    fn show(&mut self, diags: &[crate::diag::Diagnostic], sources: &SourceMap) {
        let room = output::MAX_SHOWN.saturating_sub(self.count);
        output::print_diagnostics(&diags[..diags.len().min(room)], sources);
        self.count += diags.len();
        self.errors |= diags.iter().any(crate::diag::Diagnostic::is_error);
    }

    fn end(&self) {
        if self.count > output::MAX_SHOWN {
            let more = self.count - output::MAX_SHOWN;
            eprintln!("{}", tr!(super::lang(), "diag-more", count = more));
        }
    }
}

/// Runs the streamed `assess`: the exit code.
pub fn run(
    args: &AssessArgs,
    rules: &Rules,
    sets: &[(u32, crate::value::Value)],
    format: DataFormat,
) -> Result<i32, i32> {
    let text = data::read_stream_text(args.data, format).map_err(|d| {
        output::print_diagnostics(&[d], &SourceMap::new());
        2
    })?;
    let reading = StreamReading::new(&text, format, &args.load);
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new(args.data.display().to_string(), None, text));
    let mut reader = AreaReader::open(rules, &sources, file, format, &reading).map_err(|d| {
        output::print_diagnostics(&[d], &sources);
        2
    })?;
    let total = sources.get(file).map_or(0, |f| f.text.len());
    let prog = compile(rules, sets);
    let lang = super::lang();
    let mut assessor = Assessor::new(&prog);
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let failed = |_| {
        eprintln!("{}", tr!(lang, "cli-write-failed"));
        2
    };
    let mut json = JsonStream::start(&prog, lang, out).map_err(failed)?;
    let mut shown = Shown {
        count: 0,
        errors: false,
    };
    let mut problems: Vec<DataDiagnostic> = Vec::new();
    let mut named: HashMap<usize, String> = HashMap::new();
    let progress = Progress::new(total as u64);
    while let Some(batch) = reader.next_batch(BATCH) {
        shown.show(&batch.diagnostics, &sources);
        problems.extend(
            batch
                .diagnostics
                .iter()
                .map(|d| DataDiagnostic::new(d, &sources, &batch.places, lang)),
        );
        let first = assessor.seen();
        let results = assessor.batch(&batch.areas);
        name_marked(&assessor, &batch.areas, first, &mut named);
        for (area, result) in batch.areas.iter().zip(&results) {
            json.area(area, result).map_err(failed)?;
        }
        if let Some(last) = batch.areas.last() {
            progress.at(last.span.end as u64);
        }
    }
    progress.done();
    shown.end();
    let targets = assessor.finish();
    let id_of = |i: usize| named.get(&i).cloned();
    let mut out = json.finish(&targets, &id_of, &problems).map_err(failed)?;
    writeln!(out).and_then(|_| out.flush()).map_err(failed)?;
    let unmet = targets.iter().any(|t| t.result != TargetResult::Met);
    Ok(if args.strict && (unmet || shown.errors) {
        1
    } else {
        0
    })
}

/// Keeps the ids of the batch's areas that a target names as undecided or approximate.
fn name_marked(
    assessor: &Assessor,
    areas: &[crate::data::Area],
    first: usize,
    named: &mut HashMap<usize, String>,
) {
    for ti in 0.. {
        let Some((open, approx)) = assessor.marked(ti) else {
            break;
        };
        for list in [open, approx] {
            for &i in list.iter().rev().take_while(|&&i| i >= first) {
                if let Some(a) = areas.get(i - first) {
                    named.entry(i).or_insert_with(|| a.id.clone());
                }
            }
        }
    }
}

/// A progress bar on stderr for long runs, only when stderr is a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// Files smaller than this (about 10,000 areas) finish before a bar would help.
    const FROM_BYTES: u64 = 1024 * 1024;

    fn new(total: u64) -> Progress {
        if total < Self::FROM_BYTES || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {percent:>3}% {binary_bytes}/{binary_total_bytes} {eta}",
        ) {
            bar.set_style(style);
        }
        Progress(Some(bar))
    }

    fn at(&self, bytes: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(bytes);
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
