//! What a request gives: its query (`explain`, `lang`, `set=P=V`…) and its body read as a
//! data set by its `Content-Type`.

use super::problem::{Kind, Problem};
use crate::check::Rules;
use crate::data::{self, DataFormat, DataSource, DecimalMark, LoadOptions};
use crate::diag::{to_json, Diagnostic};
use crate::i18n::Lang;
use crate::source::SourceMap;
use crate::value::Value;

/// The query of a request, every key known.
#[derive(Debug, Default, Clone)]
pub struct Query {
    /// `explain=true`.
    pub explain: bool,
    /// `lang=vi|en` (Vietnamese by default): the language of diagnostics and explanations.
    pub lang: Lang,
    /// `set=P=V`, repeatable.
    pub sets: Vec<String>,
    /// `decimal=comma|point` for CSV numbers.
    pub decimal: Option<DecimalMark>,
    /// `sheet=NAME` of a workbook.
    pub sheet: Option<String>,
    /// `against=ID` (diff).
    pub against: Option<String>,
    /// `param=P=FROM..TO/STEP` (sweep).
    pub param: Option<String>,
    /// `format=xlsx|csv` (template).
    pub format: Option<String>,
}

fn bad(detail: impl Into<String>) -> Problem {
    Problem::new(Kind::BadRequest, detail)
}

fn flag(key: &str, v: &str) -> Result<bool, Problem> {
    match v {
        "true" | "1" | "yes" | "" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(bad(format!("`{key}` is `true` or `false`, not `{v}`"))),
    }
}

impl Query {
    /// Parses a raw query string; an unknown key or a bad value is a 400 problem.
    pub fn parse(raw: Option<&str>) -> Result<Query, Problem> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| bad(format!("the query cannot be read: {e}")))?;
        let mut q = Query::default();
        for (k, v) in pairs {
            match k.as_str() {
                "explain" => q.explain = flag(&k, &v)?,
                "lang" => {
                    q.lang = match v.as_str() {
                        "vi" => Lang::Vi,
                        "en" => Lang::En,
                        _ => return Err(bad(format!("`lang` is `vi` or `en`, not `{v}`"))),
                    }
                }
                "set" => q.sets.push(v),
                "decimal" => {
                    q.decimal = Some(match v.as_str() {
                        "comma" => DecimalMark::Comma,
                        "point" => DecimalMark::Point,
                        _ => {
                            return Err(bad(format!("`decimal` is `comma` or `point`, not `{v}`")))
                        }
                    })
                }
                "sheet" => q.sheet = Some(v),
                "against" => q.against = Some(v),
                "param" => q.param = Some(v),
                "format" => q.format = Some(v),
                _ => return Err(bad(format!("unknown query parameter `{k}`"))),
            }
        }
        Ok(q)
    }

    /// How to read the data.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            decimal: self.decimal,
            sheet: self.sheet.clone(),
            ..LoadOptions::default()
        }
    }

    /// The `set=` overrides for `rules`; a bad one is a 400 problem with its diagnostics.
    pub fn overrides(&self, rules: &Rules) -> Result<Vec<(u32, Value)>, Problem> {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for s in &self.sets {
            match crate::check::parse_override(rules, s) {
                Ok(o) => out.push(o),
                Err(d) => errors.push(to_json(&d, &rules.sources, self.lang)),
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(bad("a `set=` override cannot be used").with_diagnostics(errors))
        }
    }
}

/// The data format named by a `Content-Type` (parameters such as `charset` ignored).
pub fn format_of(content_type: Option<&str>) -> Result<DataFormat, Problem> {
    let ct = content_type.unwrap_or("");
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/json" | "text/json" => Ok(DataFormat::Json),
        "text/csv" | "application/csv" => Ok(DataFormat::Csv),
        "application/ron" => Ok(DataFormat::Ron),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.ms-excel"
        | "application/vnd.oasis.opendocument.spreadsheet" => Ok(DataFormat::Workbook),
        _ => Err(Problem::new(
            Kind::UnsupportedMediaType,
            format!(
                "the data's Content-Type `{ct}` is not one of application/json, text/csv, \
                 application/ron, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )),
    }
}

/// The body as a data source: text must be UTF-8; a body that cannot be read as a data set at
/// all is a 422 problem with its diagnostic.
pub fn source(body: Vec<u8>, format: DataFormat, q: &Query) -> Result<DataSource, Problem> {
    let name = "body".to_string();
    let source = if format == DataFormat::Workbook {
        DataSource::Workbook {
            name,
            bytes: body,
            sheet: q.sheet.clone(),
        }
    } else {
        let text = crate::source::bytes_to_text(body)
            .map_err(|e| bad(format!("the body is not UTF-8 text: {e}")))?;
        DataSource::Text { name, text, format }
    };
    // Nothing is parsed here, on the server's async threads: the engine's closures read the data
    // (on the blocking pool, within the time limit), and answer 422 when it cannot be read.
    Ok(source)
}

/// A 422 problem when the posted data cannot be read at all (for the workflows that read it
/// through their own functions, such as `diff`); call it inside the engine's closure.
pub fn readable(source: &DataSource, lang: Lang) -> Result<(), Problem> {
    let unreadable = match source {
        DataSource::Text { name, text, format } => data::unreadable(name, text, *format),
        DataSource::Workbook { .. } => data::workbook_unreadable(source),
    };
    match unreadable {
        Some((d, sources)) => Err(unusable(&[d], &sources, lang)),
        None => Ok(()),
    }
}

/// Diagnostics that make an input unusable, as a 422 problem.
pub fn unusable(diags: &[Diagnostic], sources: &SourceMap, lang: Lang) -> Problem {
    let first = diags
        .first()
        .map(|d| d.message.render(lang))
        .unwrap_or_default();
    Problem::new(Kind::Unprocessable, first)
        .with_diagnostics(diags.iter().map(|d| to_json(d, sources, lang)).collect())
}
