//! `tieuchi template RULES -o FILE.xlsx|.csv [--areas DATA]` and `tieuchi schema RULES`.

use super::assess::{load_data, load_rules};
use super::output;
use crate::template::Template;
use std::path::Path;

/// What `template` was asked for.
pub struct TemplateArgs<'a> {
    pub rules: &'a Path,
    pub out: &'a Path,
    pub areas: Option<&'a Path>,
    pub with_values: bool,
    pub on: Option<chrono::NaiveDate>,
}

/// Writes the entry template; 0 when written, 2 when the rules, the data or the file fail.
pub fn run(args: &TemplateArgs) -> i32 {
    let rules = match load_rules(args.rules, args.on) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let opts = crate::data::LoadOptions::default();
    let data = match args
        .areas
        .map(|p| load_data(&rules, p, None, &opts))
        .transpose()
    {
        Ok(d) => d,
        Err(code) => return code,
    };
    if let Some(d) = data.as_ref().filter(|d| args.with_values && d.has_errors()) {
        eprintln!("{}", crate::tr!(super::lang(), "cli-template-left-empty"));
        output::print_diagnostics(&d.diagnostics, &d.sources);
    }
    let template = Template::new(&rules, data.as_ref(), args.with_values);
    let bytes = match extension(args.out).as_str() {
        "csv" => template
            .to_csv()
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        "xlsx" => xlsx(&template),
        _ => {
            let path = args.out.display().to_string();
            eprintln!(
                "{}",
                crate::tr!(super::lang(), "cli-template-format", path = path)
            );
            return 2;
        }
    };
    match bytes.and_then(|b| std::fs::write(args.out, b).map_err(|e| e.to_string())) {
        Ok(()) => {
            let path = args.out.display().to_string();
            let (columns, rows) = (template.columns.len() + 3, template.rows.len());
            eprintln!(
                "{}",
                crate::tr!(
                    super::lang(),
                    "cli-template-wrote",
                    path = path,
                    columns = columns,
                    rows = rows
                )
            );
            0
        }
        Err(e) => {
            let path = args.out.display().to_string();
            eprintln!(
                "{}",
                crate::tr!(super::lang(), "cli-cannot-write", path = path, reason = e)
            );
            2
        }
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(feature = "spreadsheets")]
fn xlsx(t: &Template) -> Result<Vec<u8>, String> {
    crate::template::xlsx::to_xlsx(t).map_err(|e| e.to_string())
}

#[cfg(not(feature = "spreadsheets"))]
fn xlsx(_: &Template) -> Result<Vec<u8>, String> {
    Err("this tieuchi was built without the `spreadsheets` feature: write `.csv`".into())
}

/// Prints the JSON Schema of the data the rules accept.
pub fn schema(rules: &Path, on: Option<chrono::NaiveDate>) -> i32 {
    let rules = match load_rules(rules, on) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let text = serde_json::to_string_pretty(&crate::schema::schema(&rules));
    match text {
        Ok(t) => {
            println!("{t}");
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}
