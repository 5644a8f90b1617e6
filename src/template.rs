//! Entry templates: the form a commune fills in (`tieuchi template RULES -o FILE`). One row per
//! area, one column per data key the rules read, headers that carry the Vietnamese label, the
//! period and its dates, and the data key in the last parentheses — which is how the data
//! readers map a column back to its key. CSV templates are written here; XLSX templates (with
//! cell validation and a guide sheet) by [`xlsx`] behind the `spreadsheets` feature.

#[cfg(feature = "spreadsheets")]
pub mod xlsx;

use crate::check::model::{CExpr, CKind, Rules};
use crate::check::InputType;
use crate::data::Dataset;
use crate::num::Num;
use crate::value::Value;
use std::collections::BTreeSet;

/// The headers of the three fixed columns, in order.
pub const FIXED_HEADERS: [&str; 3] = ["Mã địa bàn (id)", "Tên (name)", "Huyện (district)"];

/// Empty rows of a template written without `--areas`.
pub const EMPTY_ROWS: usize = 20;

/// One input column of a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The data key: `input` or `input@period`.
    pub key: String,
    /// The header cell: `LABEL — PERIOD (DD/MM/YYYY–DD/MM/YYYY) (input@period)`.
    pub header: String,
    /// The input's type.
    pub ty: InputType,
    /// The input's label.
    pub label: String,
    /// The period's label and dates, for an input per period.
    pub period: Option<String>,
    /// What reads this key: `assessment.criterion` ids, `assessment (when)`, target ids.
    pub read_by: Vec<String>,
}

/// A value prefilled in a cell, typed as a spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A number as exact decimal text (a percent in percent points: `87.5`).
    Number(String),
    /// A text (also a choice's option id).
    Text(String),
    /// A yes/no.
    Bool(bool),
    /// A date.
    Date(chrono::NaiveDate),
}

/// One row of a template: an area.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The area's id (empty in a blank row).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its district.
    pub district: String,
    /// One cell per [`Template::columns`] entry (`None`: left empty).
    pub cells: Vec<Option<Cell>>,
}

/// An entry template: columns from the rules, rows from a data set (or blank).
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The ruleset's id.
    pub ruleset: String,
    /// The ruleset's title.
    pub title: String,
    /// The input columns, after the three fixed ones.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
}

impl Template {
    /// The template of `rules`: with a row per area of `areas` (ids, names and districts
    /// prefilled; values too when `with_values`), else [`EMPTY_ROWS`] blank rows.
    pub fn new(rules: &Rules, areas: Option<&Dataset>, with_values: bool) -> Template {
        let slots = template_slots(rules);
        let columns: Vec<Column> = slots.iter().map(|&s| column(rules, s)).collect();
        let rows = match areas {
            Some(data) => data
                .areas
                .iter()
                .map(|a| Row {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    district: a.district.clone(),
                    cells: slots
                        .iter()
                        .map(|&s| with_values.then(|| cell(rules, a, s)).flatten())
                        .collect(),
                })
                .collect(),
            None => (0..EMPTY_ROWS)
                .map(|_| Row {
                    cells: vec![None; columns.len()],
                    ..Row::default()
                })
                .collect(),
        };
        Template {
            ruleset: rules.id.clone(),
            title: rules.title.clone(),
            columns,
            rows,
        }
    }

    /// Every header cell, the fixed ones first.
    pub fn headers(&self) -> Vec<String> {
        FIXED_HEADERS
            .iter()
            .map(|h| h.to_string())
            .chain(self.columns.iter().map(|c| c.header.clone()))
            .collect()
    }

    /// The CSV form: the header row, then one row per area that has an id (blank rows are
    /// left out: a CSV file has no empty form to fill).
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(self.headers())?;
        for row in self.rows.iter().filter(|r| !r.id.is_empty()) {
            let cells = row.cells.iter().map(|c| match c {
                None => String::new(),
                Some(Cell::Number(n) | Cell::Text(n)) => n.clone(),
                Some(Cell::Bool(b)) => b.to_string(),
                Some(Cell::Date(d)) => d.format("%Y-%m-%d").to_string(),
            });
            let fixed = [row.id.clone(), row.name.clone(), row.district.clone()];
            w.write_record(fixed.into_iter().chain(cells))?;
        }
        let bytes = w.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The header of a column: `LABEL — PERIOD (DD/MM/YYYY–DD/MM/YYYY) (input@period)`, or
/// `LABEL (input)` for an input without periods.
pub fn header(rules: &Rules, slot: u32) -> String {
    let key = rules.slot_name(slot);
    let Some(s) = rules.slots.get(slot as usize) else {
        return key;
    };
    let label = rules
        .inputs
        .get(s.input as usize)
        .map_or("", |i| i.label.as_str());
    match period_text(rules, s.period) {
        Some(p) => format!("{label} — {p} ({key})"),
        None => format!("{label} ({key})"),
    }
}

/// `PERIOD LABEL (DD/MM/YYYY–DD/MM/YYYY)`.
fn period_text(rules: &Rules, period: Option<u32>) -> Option<String> {
    let p = rules.periods.get(period? as usize)?;
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    Some(format!("{} ({}–{})", p.label, day(p.from), day(p.to)))
}

fn column(rules: &Rules, slot: u32) -> Column {
    let s = rules.slots[slot as usize];
    let input = &rules.inputs[s.input as usize];
    Column {
        key: rules.slot_name(slot),
        header: header(rules, slot),
        ty: input.ty.clone(),
        label: input.label.clone(),
        period: period_text(rules, s.period),
        read_by: readers(rules, slot),
    }
}

/// The slots a template has a column for, in declaration order: every slot some expression of
/// the rules reads, and every slot of an input that nothing reads (a note the council keeps).
pub fn template_slots(rules: &Rules) -> Vec<u32> {
    let mut read = BTreeSet::new();
    for e in expressions(rules) {
        slots_read(rules, e.1, &mut read, &mut vec![false; rules.lets.len()]);
    }
    let input_read = |i: u32| {
        read.iter()
            .any(|&s| rules.slots.get(s as usize).is_some_and(|x| x.input == i))
    };
    (0..rules.slots.len() as u32)
        .filter(|&s| read.contains(&s) || !input_read(rules.slots[s as usize].input))
        .collect()
}

/// Every expression that decides a result, named by what it decides.
fn expressions(rules: &Rules) -> Vec<(String, &CExpr)> {
    let mut out = Vec::new();
    for a in &rules.assessments {
        if let Some(w) = &a.when {
            out.push((format!("{} (when)", a.id), w));
        }
        for c in &a.criteria {
            let name = format!("{}.{}", a.id, c.id);
            out.extend(c.when.iter().map(|w| (name.clone(), w)));
            out.push((name, &c.condition));
        }
        for o in &a.outcomes {
            out.extend(o.when.iter().map(|w| (format!("{}.{}", a.id, o.id), w)));
        }
    }
    out.extend(rules.targets.iter().map(|t| (t.id.clone(), &t.expr)));
    out
}

/// What reads `slot`, directly or through lets, each named once in file order.
fn readers(rules: &Rules, slot: u32) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (name, e) in expressions(rules) {
        let mut read = BTreeSet::new();
        slots_read(rules, e, &mut read, &mut vec![false; rules.lets.len()]);
        if read.contains(&slot) && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Adds the slots `e` reads, following each let once.
fn slots_read(rules: &Rules, e: &CExpr, out: &mut BTreeSet<u32>, seen: &mut [bool]) {
    let mut lets = Vec::new();
    e.walk(&mut |n| match n.kind {
        CKind::Input(s) => {
            out.insert(s);
        }
        CKind::Let(l) => lets.push(l),
        _ => {}
    });
    for l in lets {
        if seen.get(l as usize) == Some(&false) {
            seen[l as usize] = true;
            if let Some(def) = rules.lets.get(l as usize) {
                crate::stack::grow(|| slots_read(rules, &def.expr, out, seen));
            }
        }
    }
}

/// An area's value of `slot` as a cell (percents in percent points).
fn cell(rules: &Rules, area: &crate::data::Area, slot: u32) -> Option<Cell> {
    let s = rules.slots.get(slot as usize)?;
    let ty = &rules.inputs.get(s.input as usize)?.ty;
    Some(match (area.values.get(slot as usize)?, ty) {
        (Value::Num(n), InputType::Percent) => {
            Cell::Number(n.checked_mul(Num::ONE_HUNDRED)?.to_exact_decimal()?)
        }
        (Value::Num(n), _) => Cell::Number(n.to_exact_decimal()?),
        (Value::Bool(b), _) => Cell::Bool(*b),
        (Value::Date(d), _) => Cell::Date(*d),
        (Value::Choice(o), InputType::Choice(opts)) => Cell::Text(opts.get(*o as usize)?.0.clone()),
        (Value::Text(i), _) => Cell::Text(area.texts.get(*i as usize)?.clone()),
        _ => return None,
    })
}

/// The key a header cell names: the text in its last parentheses when the cell ends with one
/// and that text is a data key (`Số vụ — Năm 2024 (…) (vu@ca_nam)` → `vu@ca_nam`), else the
/// whole cell (`Tỷ lệ (%)` stays as it is). CSV and workbook headers are read the same way.
pub fn header_key(header: &str) -> &str {
    let h = header.trim();
    let key = h
        .strip_suffix(')')
        .and_then(|inner| inner.rfind('(').map(|open| inner[open + 1..].trim()));
    match key {
        Some(k) if is_key(k) => k,
        _ => h,
    }
}

/// A name (`vu`) or a name with a period (`vu@ca_nam`).
fn is_key(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '@')
}

#[cfg(test)]
mod tests {
    use super::header_key;

    #[test]
    fn header_keys_come_from_the_last_parentheses() {
        assert_eq!(
            header_key("Số vụ — Năm (15/12/2023–14/12/2024) (vu@ca_nam)"),
            "vu@ca_nam"
        );
        assert_eq!(header_key("Mã địa bàn (id)"), "id");
        assert_eq!(header_key(" vu "), "vu");
        assert_eq!(header_key("odd)"), "odd)");
    }
}
