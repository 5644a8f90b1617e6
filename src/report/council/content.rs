//! The report's sections, worded in the reader's language as [`Block`]s.

use super::doc::{Block, Cell};
use super::model::{Report, TargetView};
use super::words::{self, count_range, date, percent, range};
use super::{charts, Meta};
use crate::i18n::Lang;
use crate::tr;

/// Every block of the report, in order.
pub fn blocks(r: &Report, meta: &Meta, lang: Lang) -> Vec<Block> {
    let mut out = header(r, meta, lang);
    out.push(Block::Heading(2, tr!(lang, "report-section-targets")));
    if r.targets.is_empty() {
        out.push(Block::Para(tr!(lang, "report-targets-none")));
    }
    for t in &r.targets {
        out.extend(target(r, t, lang));
    }
    out.push(Block::Heading(2, tr!(lang, "report-section-assessments")));
    for a in &r.assessments {
        out.extend(assessment(r, a, lang));
    }
    out.push(Block::PageBreak);
    out.push(Block::Heading(2, tr!(lang, "report-section-areas")));
    for (i, x) in r.explanations.iter().enumerate() {
        out.push(Block::Area(super::area::blocks(r, i, x, lang)));
    }
    out.extend(problems(r, lang));
    out.extend(footer(meta, lang));
    out.push(Block::Signatures {
        place_date: tr!(lang, "report-place-date"),
        signers: vec![
            (
                tr!(lang, "report-sign-preparer"),
                tr!(lang, "report-sign-hint"),
            ),
            (
                tr!(lang, "report-sign-chair"),
                tr!(lang, "report-sign-hint-stamp"),
            ),
        ],
    });
    out
}

fn header(r: &Report, meta: &Meta, lang: Lang) -> Vec<Block> {
    let rules = r.rules();
    let mut out = vec![
        Block::Masthead {
            left: vec![tr!(lang, "report-issuer"), tr!(lang, "report-issuer-sub")],
            right: vec![tr!(lang, "report-nation"), tr!(lang, "report-motto")],
        },
        Block::Title(tr!(lang, "report-title"), rules.title.clone()),
    ];
    if meta.data.synthetic {
        out.push(Block::Banner(tr!(lang, "report-synthetic")));
    }
    let mut fields = vec![(
        tr!(lang, "report-field-ruleset"),
        format!("{} ({})", rules.title, rules.id),
    )];
    if let Some(s) = &rules.source {
        fields.push((tr!(lang, "report-field-source"), s.clone()));
    }
    if let Some((from, to)) = rules.valid {
        let (from, to) = (date(lang, from), date(lang, to));
        fields.push((
            tr!(lang, "report-field-valid"),
            tr!(lang, "report-date-range", from = from, to = to),
        ));
    }
    let periods: Vec<String> = rules
        .periods
        .iter()
        .map(|p| {
            let (from, to) = (date(lang, p.from), date(lang, p.to));
            format!(
                "{}: {}",
                p.label,
                tr!(lang, "report-date-range", from = from, to = to)
            )
        })
        .collect();
    if !periods.is_empty() {
        fields.push((tr!(lang, "report-field-periods"), periods.join("\n")));
    }
    fields.push((tr!(lang, "report-field-data"), meta.data_file.name.clone()));
    let as_of = match &meta.data.as_of {
        Some(d) => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(parsed) => date(lang, parsed),
            Err(_) => d.clone(),
        },
        None => tr!(lang, "report-data-date-none"),
    };
    fields.push((tr!(lang, "report-field-data-date"), as_of));
    let n = r.outcome.data.areas.len();
    fields.push((
        tr!(lang, "report-field-areas"),
        tr!(lang, "report-areas-count", count = n as u64),
    ));
    if let Some(note) = &meta.data.note {
        fields.push((tr!(lang, "report-field-note"), note.clone()));
    }
    out.push(Block::Fields(fields));
    out
}

fn target(r: &Report, t: &TargetView, lang: Lang) -> Vec<Block> {
    let rules = r.rules();
    let Some(decl) = rules.targets.get(t.index) else {
        return vec![];
    };
    let mut out = vec![Block::Heading(3, format!("{} — {}", decl.id, decl.label))];
    let mut fields = vec![(
        tr!(lang, "report-field-result"),
        words::target_result(lang, t.result),
    )];
    for tally in &t.tallies {
        let counted = count_range(tally.count);
        let text = match tally.range {
            Some(share) if tally.share => tr!(
                lang,
                "report-tally-share",
                count = counted,
                of = count_range(tally.members),
                share = range(lang, share, percent)
            ),
            _ => tr!(lang, "report-tally-count", count = counted),
        };
        fields.push((tr!(lang, "report-field-tally"), text));
    }
    if let Some(th) = &t.threshold {
        let shown = if t.tallies.first().is_some_and(|x| x.share) {
            percent(lang, th.value)
        } else {
            words::number(lang, th.value)
        };
        fields.push((
            tr!(lang, "report-field-required"),
            format!("{} {shown}", words::symbol(th.op)),
        ));
    }
    out.push(Block::Fields(fields));
    if let Some(svg) = charts::target_bar(t, lang) {
        out.push(Block::Chart {
            svg,
            caption: tr!(lang, "report-chart-target", target = decl.id.clone()),
        });
    }
    if t.no_areas {
        out.push(Block::Para(tr!(lang, "report-target-no-areas")));
    }
    if t.result == crate::eval::TargetResult::Unknown && !t.deciding.is_empty() {
        out.push(Block::Para(tr!(lang, "report-target-deciding")));
        out.push(Block::List(
            t.deciding
                .iter()
                .filter_map(|&i| r.outcome.data.areas.get(i))
                .map(|a| format!("{} ({}) — {}", a.name, a.id, a.district))
                .collect(),
        ));
    }
    if t.approximate > 0 {
        out.push(Block::Remark(tr!(
            lang,
            "report-target-approximate",
            count = t.approximate as u64
        )));
    }
    out.extend(provisional(r, &t.provisional, lang));
    out
}

fn provisional(r: &Report, params: &[u32], lang: Lang) -> Vec<Block> {
    if params.is_empty() {
        return vec![Block::Remark(tr!(lang, "report-provisional-none"))];
    }
    vec![
        Block::Para(tr!(lang, "report-provisional-title")),
        Block::Table {
            head: vec![
                tr!(lang, "report-col-param"),
                tr!(lang, "report-col-content"),
                tr!(lang, "report-col-value"),
            ],
            rows: words::provisional_rows(lang, r.rules(), params),
        },
    ]
}

fn assessment(r: &Report, a: &super::model::AssessmentView, lang: Lang) -> Vec<Block> {
    let rules = r.rules();
    let Some(decl) = rules.assessments.get(a.index) else {
        return vec![];
    };
    let mut out = vec![Block::Heading(3, format!("{} ({})", decl.label, decl.id))];
    if a.rows.is_empty() {
        out.push(Block::Para(tr!(lang, "report-assessment-empty")));
    } else {
        out.push(areas_table(r, a, lang));
        let counts: Vec<String> = a
            .keys
            .iter()
            .enumerate()
            .map(|(k, key)| {
                let n: usize = a.districts.iter().map(|(_, c)| c[k]).sum();
                format!("{}: {n}", words::key_label(lang, rules, a.index, *key))
            })
            .collect();
        out.push(Block::Para(tr!(
            lang,
            "report-assessment-counts",
            counts = counts.join("; ")
        )));
    }
    if a.not_in_scope > 0 {
        out.push(Block::Remark(tr!(
            lang,
            "report-not-in-scope",
            count = a.not_in_scope as u64
        )));
    }
    if let Some(svg) = charts::districts(r, a, lang) {
        out.push(Block::Chart {
            svg,
            caption: tr!(
                lang,
                "report-chart-districts",
                assessment = decl.label.clone()
            ),
        });
    }
    out.extend(provisional(r, &a.provisional, lang));
    out
}

fn areas_table(r: &Report, a: &super::model::AssessmentView, lang: Lang) -> Block {
    let rules = r.rules();
    let decl = &rules.assessments[a.index];
    let ids = |list: &[usize]| -> String {
        list.iter()
            .filter_map(|&c| decl.criteria.get(c))
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut head = vec![
        tr!(lang, "report-col-no"),
        tr!(lang, "report-col-area"),
        tr!(lang, "report-col-district"),
        tr!(lang, "report-col-verdict"),
    ];
    if a.has_points {
        head.push(tr!(lang, "report-col-points"));
    }
    head.push(tr!(lang, "report-col-failed"));
    head.push(tr!(lang, "report-col-unknown"));
    let rows = a
        .rows
        .iter()
        .enumerate()
        .map(|(n, row)| {
            let area = &r.outcome.data.areas[row.area];
            let key = super::model::VerdictKey::of(row.verdict);
            let mut cells = vec![
                Cell::with((n + 1).to_string(), "num"),
                Cell::new(format!("{}\n{}", area.name, area.id)),
                Cell::new(area.district.clone()),
                Cell::with(
                    words::verdict(lang, rules, a.index, row.verdict),
                    words::verdict_class(key),
                ),
            ];
            if a.has_points {
                let points = row.points.map_or(String::new(), |(p, max)| {
                    format!(
                        "{}/{}",
                        range(lang, p, words::number),
                        range(lang, max, words::number)
                    )
                });
                cells.push(Cell::with(points, "num"));
            }
            cells.push(Cell::new(ids(&row.failed)));
            cells.push(Cell::new(ids(&row.unknown)));
            cells
        })
        .collect();
    Block::Table { head, rows }
}

fn problems(r: &Report, lang: Lang) -> Vec<Block> {
    let data = &r.outcome.data;
    let mut out = vec![Block::Heading(2, tr!(lang, "report-section-problems"))];
    let mut items: Vec<String> = data
        .diagnostics
        .iter()
        .map(|d| {
            let at = crate::diag::location(d, &data.sources).unwrap_or_default();
            format!("{at} [{}] {}", d.code, d.message.render(lang))
                .trim()
                .to_string()
        })
        .collect();
    for a in data.areas.iter().filter(|a| a.invalid) {
        items.push(tr!(
            lang,
            "report-area-invalid-line",
            area = format!("{} ({})", a.name, a.id)
        ));
    }
    if items.is_empty() {
        out.push(Block::Para(tr!(lang, "report-problems-none")));
    } else {
        out.push(Block::List(items));
    }
    out
}

fn footer(meta: &Meta, lang: Lang) -> Vec<Block> {
    let mut rows = vec![vec![
        Cell::new(tr!(lang, "report-repro-engine")),
        Cell::new(format!("tieuchi {}", meta.version)),
    ]];
    for f in &meta.rules_files {
        rows.push(vec![
            Cell::new(tr!(lang, "report-repro-rules", file = f.name.clone())),
            Cell::with(f.sha256.clone(), "hash"),
        ]);
    }
    rows.push(vec![
        Cell::new(tr!(
            lang,
            "report-repro-data",
            file = meta.data_file.name.clone()
        )),
        Cell::with(meta.data_file.sha256.clone(), "hash"),
    ]);
    rows.push(vec![
        Cell::new(tr!(lang, "report-repro-generated")),
        Cell::new(meta.generated.clone()),
    ]);
    vec![
        Block::Heading(2, tr!(lang, "report-section-repro")),
        Block::Table {
            head: vec![tr!(lang, "report-col-item"), tr!(lang, "report-col-value")],
            rows,
        },
        Block::Para(tr!(lang, "report-repro-command")),
        Block::Code(meta.command.clone()),
    ]
}
