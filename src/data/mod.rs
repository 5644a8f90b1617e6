//! Data sets of areas: loading JSON, RON and CSV, and validating values against the rules'
//! inputs. A missing value is not a problem; a wrong one makes its area `invalid` while every
//! other area is still assessed.

mod csv_format;
mod csv_lex;
mod json_format;
mod numbers;
#[cfg(feature = "spreadsheets")]
mod ods_percent;
mod ron_format;
mod ron_repeats;
mod stream;
mod validate;
mod whole;
#[cfg(feature = "spreadsheets")]
mod workbook;
#[cfg(feature = "spreadsheets")]
mod workbook_rows;

use crate::ast::Span;
use crate::check::Rules;
use crate::diag::Diagnostic;
use crate::source::{read_bytes, read_text, SourceFile, SourceMap};
use crate::value::Value;
use std::path::Path;

pub use numbers::{DecimalMark, NumberStyle};
pub use stream::{
    read_stream_text, AreaReader, Batch, StreamReading, MAX_RECORD_BYTES, MAX_STREAM_BYTES,
};
pub use validate::{parse_value, parse_value_styled, DataCode};
pub use whole::read_slots;

/// How a data file is read, beyond its format.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The decimal mark of a CSV's numbers, when forced (`--decimal-comma`, `--decimal-point`);
    /// else a `;`-separated CSV has decimal commas and any other decimal points.
    pub decimal: Option<DecimalMark>,
    /// Keys that are no input of these rules but are not problems either (`diff OLD NEW DATA`:
    /// the other rules file's inputs).
    pub also_known: std::collections::HashSet<String>,
    /// Also warn about inputs the rules read that no area has a value for.
    pub whole_set: bool,
    /// A workbook's sheet to read (the first when `None`).
    pub sheet: Option<String>,
}

/// The formats a data set can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// `.json`
    Json,
    /// `.ron`
    Ron,
    /// `.csv`
    Csv,
    /// A workbook: `.xlsx`, `.xlsm`, `.xls`, `.ods` (read from the first sheet, or the one
    /// named), with the same columns as CSV.
    Workbook,
}

impl DataFormat {
    /// The format of a file, by its extension.
    pub fn from_path(path: &Path) -> Option<DataFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(DataFormat::Json),
            "ron" => Some(DataFormat::Ron),
            "csv" => Some(DataFormat::Csv),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(DataFormat::Workbook),
            _ => None,
        }
    }
}

/// One area's data, ready to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// The area's id (unique in the data set).
    pub id: String,
    /// Its name, e.g. "Xã Vĩnh Ninh".
    pub name: String,
    /// Its district, e.g. "Huyện Quảng Ninh".
    pub district: String,
    /// One value per slot of the rules (`Value::Unknown` where missing).
    pub values: Vec<Value>,
    /// Texts of `text` inputs (`Value::Text(i)` indexes here).
    pub texts: Vec<String>,
    /// True when the area's data has errors: it is not assessed.
    pub invalid: bool,
    /// Where the area is written in the data file.
    pub span: Span,
    /// What is wrong with its data, one sentence each (empty for a valid area), put into words
    /// in the reader's language by whoever shows them.
    pub problems: Vec<crate::diag::Text>,
}

impl Area {
    /// An area with every value missing.
    pub fn empty(slots: usize) -> Area {
        Area {
            id: String::new(),
            name: String::new(),
            district: String::new(),
            values: vec![Value::Unknown; slots],
            texts: vec![],
            invalid: false,
            span: Span::default(),
            problems: vec![],
        }
    }
}

/// A loaded and validated data set.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Areas in data order (invalid ones included, marked).
    pub areas: Vec<Area>,
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The data file's text, for rendering diagnostics.
    pub sources: SourceMap,
    /// True when the file could not be read as a data set at all (it does not parse, or is not
    /// shaped as a list of areas, or repeats a CSV column): no area was read, and a command
    /// stops with its diagnostic instead of reporting on zero areas.
    pub unreadable: bool,
    /// Where each area is written (left-out duplicates too), to tell which area a diagnostic
    /// is inside.
    pub places: AreaPlaces,
}

/// Where the areas of a data file are written: the span and id of each (as read, before
/// validation: an area left out because its id repeats an earlier one is here too; one without
/// an id is `#N`, as in the data set), in file order.
#[derive(Debug, Clone, Default)]
pub struct AreaPlaces(Vec<(Span, String)>);

impl AreaPlaces {
    /// The places of `raw` areas, in file order.
    fn of(raw: &[RawArea]) -> AreaPlaces {
        AreaPlaces::of_from(raw, 0)
    }

    /// The places of `raw` areas, the first of which is the data set's raw area `first`.
    fn of_from(raw: &[RawArea], first: usize) -> AreaPlaces {
        let mut places: Vec<(Span, String)> = raw
            .iter()
            .enumerate()
            .filter(|(_, r)| r.span.start < r.span.end)
            .map(|(i, r)| {
                let id =
                    r.id.clone()
                        .unwrap_or_else(|| format!("#{}", first + i + 1));
                (r.span, id)
            })
            .collect();
        places.sort_by_key(|(s, _)| (s.file, s.start));
        AreaPlaces(places)
    }

    /// The id of the area whose text holds the primary span of `d`; `None` when the problem is
    /// not inside one area (a header, the whole file, a diagnostic without a place).
    pub fn area_of(&self, d: &Diagnostic) -> Option<&str> {
        // Areas do not overlap: the one that may hold `s` is the last starting at or before it.
        let s = d.span();
        let after = self
            .0
            .partition_point(|(p, _)| (p.file, p.start) <= (s.file, s.start));
        let (p, id) = self.0.get(after.checked_sub(1)?)?;
        (p.file == s.file && s.end <= p.end).then_some(id.as_str())
    }
}

impl Dataset {
    /// True when some area is invalid or the file could not be read whole.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// A value as read from the file, before it is checked against the rules.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// A number as written (never through binary floating point).
    Number(String),
    /// A string.
    Text(String),
    /// A boolean.
    Bool(bool),
    /// A number from a spreadsheet cell not formatted as a percent (its shortest decimal). In
    /// a `percent` column a value above 0 and at most 1 is ambiguous (a fraction, or percent
    /// points?) and is a problem; any other value reads as a number.
    CellNumber(String),
    /// `null` or an empty CSV cell: missing.
    Missing,
}

/// One area as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArea {
    /// The declared name.
    pub id: Option<String>,
    /// The name.
    pub name: String,
    /// Its district.
    pub district: String,
    /// (key, span of the key, value, span of the value)
    pub values: Vec<(String, Span, RawValue, Span)>,
    /// Where it is written.
    pub span: Span,
    /// True for CSV: cells are text, and the CSV spellings of yes/no and dates are allowed.
    pub from_csv: bool,
    /// True when the reader already reported a problem in this area.
    pub broken: bool,
}

/// Loads and validates a data file; the format comes from its extension unless given.
pub fn load_path(
    rules: &Rules,
    path: &Path,
    format: Option<DataFormat>,
) -> Result<Dataset, Diagnostic> {
    load_path_with(rules, path, format, &LoadOptions::default())
}

/// [`load_path`], reading a workbook's sheet `sheet` (the first when `None`).
pub fn load_path_sheet(
    rules: &Rules,
    path: &Path,
    format: Option<DataFormat>,
    sheet: Option<&str>,
) -> Result<Dataset, Diagnostic> {
    let opts = LoadOptions {
        sheet: sheet.map(String::from),
        ..LoadOptions::default()
    };
    load_path_with(rules, path, format, &opts)
}

/// [`load_path`], reading the file as `opts` says (decimal mark, sheet, …).
pub fn load_path_with(
    rules: &Rules,
    path: &Path,
    format: Option<DataFormat>,
    opts: &LoadOptions,
) -> Result<Dataset, Diagnostic> {
    let format = format
        .or_else(|| DataFormat::from_path(path))
        .ok_or_else(|| {
            Diagnostic::unplaced(
                DataCode::Read.code(),
                crate::msg!("data-unknown-format", path = path.display().to_string()),
            )
            .with_help(crate::msg!("data-unknown-format-help"))
        })?;
    if format == DataFormat::Workbook {
        let bytes = read_bytes(path).map_err(|e| {
            Diagnostic::unplaced(
                DataCode::Read.code(),
                crate::msg!(
                    "diag-cannot-read",
                    path = path.display().to_string(),
                    reason = crate::diag::read_error(&e)
                ),
            )
        })?;
        return Ok(load_workbook_with(
            rules,
            &path.display().to_string(),
            bytes,
            opts,
        ));
    }
    let text = match (read_text(path), format) {
        (Ok(t), _) => t,
        // Spreadsheets save CSV in other encodings; the rows that are not UTF-8 become invalid.
        (Err(crate::source::ReadError::NotUtf8(_)), DataFormat::Csv) => read_bytes(path)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| {
                Diagnostic::unplaced(
                    DataCode::Read.code(),
                    crate::msg!(
                        "diag-cannot-read",
                        path = path.display().to_string(),
                        reason = crate::diag::read_error(&e)
                    ),
                )
            })?,
        (Err(e), _) => {
            return Err(Diagnostic::unplaced(
                DataCode::Read.code(),
                crate::msg!(
                    "diag-cannot-read",
                    path = path.display().to_string(),
                    reason = crate::diag::read_error(&e)
                ),
            ))
        }
    };
    Ok(load_text_with(
        rules,
        &path.display().to_string(),
        text,
        format,
        opts,
    ))
}

/// Loads and validates a data set given as text.
pub fn load_text(rules: &Rules, name: &str, text: String, format: DataFormat) -> Dataset {
    load_text_with(rules, name, text, format, &LoadOptions::default())
}

/// [`load_text`], reading the text as `opts` says.
pub fn load_text_with(
    rules: &Rules,
    name: &str,
    text: String,
    format: DataFormat,
    opts: &LoadOptions,
) -> Dataset {
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new(name, None, text));
    let text = sources.get(file).map(|f| f.text.as_str()).unwrap_or("");
    let parsed = read_raw(text, file, format);
    let reading = validate::Reading {
        style: (format == DataFormat::Csv).then(|| csv_format::number_style(text, opts.decimal)),
        also_known: opts.also_known.clone(),
    };
    Dataset::validated(rules, parsed, sources, &reading, opts.whole_set)
}

impl Dataset {
    /// Validates what a reader read, as `reading` says; with `whole_set`, also warns about
    /// inputs no area has a value for.
    fn validated(
        rules: &Rules,
        parsed: Read,
        sources: SourceMap,
        reading: &validate::Reading,
        whole_set: bool,
    ) -> Dataset {
        let unreadable = parsed.is_err();
        let (raw, mut diagnostics) = match parsed {
            Ok(r) => r,
            Err(d) => (vec![], vec![d]),
        };
        let given = whole::slots_given(rules, &raw);
        let places = AreaPlaces::of(&raw);
        let (mut areas, mut more) = validate::validate_with(rules, raw, reading);
        attach_problems(&mut areas, &diagnostics);
        diagnostics.append(&mut more);
        diagnostics.sort_by_key(|d| d.span().start);
        let mut data = Dataset {
            areas,
            diagnostics,
            sources,
            unreadable,
            places,
        };
        if whole_set && !unreadable {
            let at = Span {
                file: 0,
                start: 0,
                end: 0,
            };
            let mut warnings = whole::forgotten_columns(rules, &data, &given, at);
            data.diagnostics.append(&mut warnings);
        }
        data
    }
}

/// Gives each area the reader's problems that lie within it (a row with too many cells, a key
/// written twice), before the problems of its values.
fn attach_problems(areas: &mut [Area], reader: &[Diagnostic]) {
    let mut found: Vec<(Span, &crate::diag::Text)> = reader
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.span(), &d.message))
        .collect();
    found.sort_by_key(|(s, _)| s.start);
    for area in areas.iter_mut() {
        let s = area.span;
        let from = found.partition_point(|(d, _)| d.start < s.start);
        let mut inside: Vec<crate::diag::Text> = found[from..]
            .iter()
            .take_while(|(d, _)| d.start <= s.end)
            .filter(|(d, _)| d.file == s.file && d.end <= s.end.max(s.start))
            .map(|(_, m)| (*m).clone())
            .collect();
        if !inside.is_empty() {
            inside.append(&mut area.problems);
            area.problems = inside;
        }
    }
}

/// A data set not yet read: text in a format, or a workbook's bytes. Tools that read one data
/// set with several rules (`diff`) keep this and load it once per rules.
#[derive(Debug, Clone)]
pub enum DataSource {
    /// Text in JSON, RON or CSV.
    Text {
        /// The name shown in diagnostics.
        name: String,
        /// The text.
        text: String,
        /// Its format.
        format: DataFormat,
    },
    /// A workbook's bytes, and the sheet to read (the first when `None`).
    Workbook {
        /// The name shown in diagnostics.
        name: String,
        /// The file's bytes.
        bytes: Vec<u8>,
        /// The sheet.
        sheet: Option<String>,
    },
}

impl DataSource {
    /// Loads and validates the data set for `rules`.
    pub fn load(&self, rules: &Rules) -> Dataset {
        self.load_with(rules, &LoadOptions::default())
    }

    /// [`DataSource::load`], reading as `opts` says (a workbook source's own sheet wins).
    pub fn load_with(&self, rules: &Rules, opts: &LoadOptions) -> Dataset {
        match self {
            DataSource::Text { name, text, format } => {
                load_text_with(rules, name, text.clone(), *format, opts)
            }
            DataSource::Workbook { name, bytes, sheet } => {
                let opts = LoadOptions {
                    sheet: sheet.clone().or_else(|| opts.sheet.clone()),
                    ..opts.clone()
                };
                load_workbook_with(rules, name, bytes.clone(), &opts)
            }
        }
    }
}

/// Loads and validates the sheet `sheet` (the first when `None`) of a workbook given as bytes
/// (`.xlsx`, `.xls` or `.ods`). Each diagnostic names the sheet and the cell (`B7`).
pub fn load_workbook(rules: &Rules, name: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Dataset {
    let opts = LoadOptions {
        sheet: sheet.map(String::from),
        ..LoadOptions::default()
    };
    load_workbook_with(rules, name, bytes, &opts)
}

/// [`load_workbook`], reading as `opts` says (its sheet; the whole-set warnings).
pub fn load_workbook_with(
    rules: &Rules,
    name: &str,
    bytes: Vec<u8>,
    opts: &LoadOptions,
) -> Dataset {
    let sheet = opts.sheet.as_deref();
    let reading = validate::Reading {
        style: None,
        also_known: opts.also_known.clone(),
    };
    #[cfg(feature = "spreadsheets")]
    {
        let mut sources = SourceMap::new();
        let file: crate::ast::FileId = 0; // the first file of a new map
        match workbook::read(bytes, sheet, file) {
            Ok(read) => {
                let shown = format!("{name}, sheet {}", read.sheet);
                sources.add(SourceFile::new(shown, None, read.text));
                let mut data =
                    Dataset::validated(rules, read.read, sources, &reading, opts.whole_set);
                workbook::name_places(&mut data, &read.sheet, &read.places);
                data
            }
            Err(d) => Dataset::validated(rules, Err(d), sources, &reading, false),
        }
    }
    #[cfg(not(feature = "spreadsheets"))]
    {
        let _ = (bytes, sheet, name);
        Dataset::validated(
            rules,
            Err(no_spreadsheets()),
            SourceMap::new(),
            &reading,
            false,
        )
    }
}

#[cfg(not(feature = "spreadsheets"))]
fn no_spreadsheets() -> Diagnostic {
    Diagnostic::unplaced(DataCode::Read.code(), crate::msg!("data-no-workbooks"))
        .with_help(crate::msg!("data-no-workbooks-help"))
}

/// The problem that keeps `text` from being read as a data set at all (see
/// [`Dataset::unreadable`]), with the text to render it over; `None` when it reads. Needs no
/// rules: a tool can check a file before it has rules to load it with.
pub fn unreadable(name: &str, text: &str, format: DataFormat) -> Option<(Diagnostic, SourceMap)> {
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new(name, None, text.to_string()));
    read_raw(text, file, format).err().map(|d| (d, sources))
}

/// For a workbook source: the problem that keeps its sheet from being read as a data set at
/// all, with the text to render it over; `None` when it reads (or for a text source). Needs no
/// rules.
pub fn workbook_unreadable(source: &DataSource) -> Option<(Diagnostic, SourceMap)> {
    let DataSource::Workbook { name, bytes, sheet } = source else {
        return None;
    };
    #[cfg(feature = "spreadsheets")]
    {
        let mut sources = SourceMap::new();
        match workbook::read(bytes.clone(), sheet.as_deref(), 0) {
            Ok(read) => {
                sources.add(SourceFile::new(
                    format!("{name}, sheet {}", read.sheet),
                    None,
                    read.text,
                ));
                read.read.err().map(|d| (d, sources))
            }
            Err(d) => Some((d, sources)),
        }
    }
    #[cfg(not(feature = "spreadsheets"))]
    {
        let _ = (name, bytes, sheet);
        Some((no_spreadsheets(), SourceMap::new()))
    }
}

type Read = Result<(Vec<RawArea>, Vec<Diagnostic>), Diagnostic>;

fn read_raw(text: &str, file: crate::ast::FileId, format: DataFormat) -> Read {
    match format {
        DataFormat::Json => json_format::read(text, file),
        DataFormat::Ron => ron_format::read(text, file),
        DataFormat::Csv => csv_format::read(text, file),
        DataFormat::Workbook => Err(Diagnostic::unplaced(
            DataCode::Read.code(),
            crate::msg!("data-workbook-as-text"),
        )
        .with_help(crate::msg!("data-workbook-as-text-help"))),
    }
}

/// Validates areas that another tool already holds as raw values.
pub fn from_raw(rules: &Rules, raw: Vec<RawArea>) -> Dataset {
    from_raw_with(rules, raw, &LoadOptions::default())
}

/// [`from_raw`], reading text numbers as `opts` says (a spreadsheet reader's text cells).
pub fn from_raw_with(rules: &Rules, raw: Vec<RawArea>, opts: &LoadOptions) -> Dataset {
    let reading = validate::Reading {
        style: Some(NumberStyle::forced(opts.decimal)),
        also_known: opts.also_known.clone(),
    };
    let places = AreaPlaces::of(&raw);
    let (areas, diagnostics) = validate::validate_with(rules, raw, &reading);
    Dataset {
        areas,
        diagnostics,
        sources: SourceMap::new(),
        unreadable: false,
        places,
    }
}
