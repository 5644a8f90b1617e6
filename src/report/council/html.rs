//! The report as one HTML file: styles inline, charts inline SVG, no script, no link, nothing
//! fetched; laid out for A4 (page margins, a running header with the ruleset and its source,
//! page numbers, page breaks before the areas' sections).

use super::doc::{Block, Cell};
use super::model::Report;
use super::Meta;
use crate::i18n::Lang;
use crate::tr;
use std::fmt::Write;

/// Renders the report.
pub fn render(r: &Report, meta: &Meta, lang: Lang) -> String {
    let rules = r.rules();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>\n{}{}</style>\n</head>\n<body>\n",
        lang.code(),
        escape(&tr!(lang, "report-title")),
        escape(&rules.title),
        CSS,
        page_css(&rules.title, rules.source.as_deref().unwrap_or(""), lang),
    );
    for b in super::content::blocks(r, meta, lang) {
        block(&mut out, &b);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Text for HTML: `&`, `<`, `>`, quotes escaped (safe in elements and quoted attributes).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with line breaks as `<br>`.
fn lines(text: &str) -> String {
    escape(text).replace('\n', "<br>")
}

/// A CSS string literal: every character that could end the string, the rule or the `<style>`
/// element is written as a hex escape.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' || c == ',' || c == '.' || c == '—' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// The running header (ruleset title and source) and the page numbers, as page margin boxes.
fn page_css(title: &str, source: &str, lang: Lang) -> String {
    format!(
        "@page {{\n  @top-left {{ content: {}; }}\n  @top-right {{ content: {}; }}\n  \
         @bottom-right {{ content: {} counter(page) \"/\" counter(pages); }}\n}}\n",
        css_string(title),
        css_string(source),
        css_string(&format!("{} ", tr!(lang, "report-page"))),
    )
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Masthead { left, right } => {
            let side = |l: &[String]| {
                l.iter()
                    .map(|x| format!("<div>{}</div>", escape(x)))
                    .collect::<String>()
            };
            let _ = writeln!(
                out,
                "<header class=\"masthead\"><div class=\"left\">{}</div><div class=\"right\">{}</div></header>",
                side(left),
                side(right)
            );
        }
        Block::Title(t, sub) => {
            let _ = writeln!(
                out,
                "<h1>{}</h1>\n<p class=\"subtitle\">{}</p>",
                escape(t),
                escape(sub)
            );
        }
        Block::Heading(level, t) => {
            let level = (*level).clamp(2, 4);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(t));
        }
        Block::Para(t) => {
            let _ = writeln!(out, "<p>{}</p>", lines(t));
        }
        Block::Remark(t) => {
            let _ = writeln!(out, "<p class=\"remark\">{}</p>", lines(t));
        }
        Block::Banner(t) => {
            let _ = writeln!(out, "<p class=\"banner\">{}</p>", lines(t));
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for i in items {
                let _ = writeln!(out, "<li>{}</li>", lines(i));
            }
            out.push_str("</ul>\n");
        }
        Block::Fields(fields) => {
            out.push_str("<table class=\"fields\">\n");
            for (k, v) in fields {
                let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", escape(k), lines(v));
            }
            out.push_str("</table>\n");
        }
        Block::Table { head, rows } => table(out, head, rows),
        Block::Chart { svg, caption } => {
            let _ = writeln!(
                out,
                "<figure>{svg}<figcaption>{}</figcaption></figure>",
                escape(caption)
            );
        }
        Block::Code(t) => {
            let _ = writeln!(out, "<pre>{}</pre>", escape(t));
        }
        Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        Block::Area(inner) => {
            out.push_str("<section class=\"area\">\n");
            for b in inner {
                block(out, b);
            }
            out.push_str("</section>\n");
        }
        Block::Signatures {
            place_date,
            signers,
        } => {
            let _ = writeln!(
                out,
                "<section class=\"signatures\"><p class=\"place-date\">{}</p><div class=\"signers\">",
                escape(place_date)
            );
            for (role, hint) in signers {
                let _ = writeln!(
                    out,
                    "<div class=\"signer\"><div class=\"role\">{}</div><div class=\"hint\">{}</div></div>",
                    escape(role),
                    escape(hint)
                );
            }
            out.push_str("</div></section>\n");
        }
    }
}

fn table(out: &mut String, head: &[String], rows: &[Vec<Cell>]) {
    out.push_str("<table class=\"grid\">\n<thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for c in row {
            match c.class {
                Some(class) => {
                    let _ = write!(out, "<td class=\"{class}\">{}</td>", lines(&c.text));
                }
                None => {
                    let _ = write!(out, "<td>{}</td>", lines(&c.text));
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The page's styles: a serif face as Vietnamese administrative documents use (Times New Roman
/// where installed, else Noto Serif or DejaVu Serif), A4 with margins, tables that repeat their
/// header row across pages.
const CSS: &str = r#"@page { size: A4; margin: 20mm 15mm 18mm 25mm;
  @top-left { font: 8.5pt "Times New Roman", "Noto Serif", "DejaVu Serif", serif; color: #555; }
  @top-right { font: italic 8.5pt "Times New Roman", "Noto Serif", "DejaVu Serif", serif; color: #555; }
  @bottom-right { font: 9pt "Times New Roman", "Noto Serif", "DejaVu Serif", serif; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }
html { background: #eee; }
body { font-family: "Times New Roman", "Noto Serif", "DejaVu Serif", "Liberation Serif", serif;
  font-size: 12.5pt; line-height: 1.4; color: #000; background: #fff; max-width: 180mm;
  margin: 0 auto; padding: 12mm 15mm; }
@media print { html { background: #fff; } body { max-width: none; margin: 0; padding: 0; } }
.masthead { display: flex; justify-content: space-between; text-align: center; font-weight: bold;
  font-size: 11.5pt; margin-bottom: 8mm; }
.masthead .left div:first-child, .masthead .right div:last-child {
  text-decoration: underline; text-underline-offset: 4px; }
.masthead .left div:last-child { font-weight: normal; margin-top: 2mm; }
h1 { text-align: center; font-size: 16pt; margin: 4mm 0 1mm; letter-spacing: 0.5pt; }
.subtitle { text-align: center; font-weight: bold; font-size: 13pt; margin: 0 0 5mm; }
h2 { font-size: 13.5pt; margin: 7mm 0 2mm; text-transform: uppercase; break-after: avoid; }
h3 { font-size: 12.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 12pt; font-style: italic; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 1.5mm 0; text-align: justify; }
.remark { font-size: 10.5pt; font-style: italic; color: #333; }
.banner { border: 2px solid #b71c1c; color: #b71c1c; font-weight: bold; text-align: center;
  padding: 2mm 3mm; margin: 3mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 10.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.grid th, .grid td { border: 0.6pt solid #444; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
.grid th { background: #f0f0f0; font-weight: bold; text-align: center; }
.fields th { text-align: left; font-weight: bold; width: 32%; padding: 0.6mm 2mm 0.6mm 0; vertical-align: top; }
.fields td { padding: 0.6mm 0; }
td.num { text-align: right; white-space: nowrap; }
td.pass { color: #1b5e20; font-weight: bold; }
td.fail { color: #b71c1c; font-weight: bold; }
td.unknown { color: #8a5300; font-weight: bold; }
td.invalid, td.na { color: #555; }
td.hash { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 10pt; font-style: italic; text-align: center; }
pre { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 9pt;
  white-space: pre-wrap; word-break: break-all; border: 0.6pt solid #999; padding: 2mm; }
ul { margin: 1mm 0 2mm; padding-left: 7mm; }
.page-break { break-after: page; }
section.area { border-top: 0.8pt solid #777; margin-top: 5mm; }
section.area table.grid { font-size: 10pt; }
section.area table.grid { table-layout: fixed; }
section.area .grid th:nth-child(1) { width: 27%; }
section.area .grid th:nth-child(2) { width: 11%; }
section.area .grid th:nth-child(3) { width: 42%; }
section.area .grid th:nth-child(4) { width: 20%; }
.signatures { break-inside: avoid; margin-top: 10mm; }
.place-date { text-align: right; font-style: italic; margin-right: 5mm; }
.signers { display: flex; justify-content: space-around; text-align: center; margin-top: 2mm; }
.signer { width: 45%; min-height: 40mm; }
.signer .role { font-weight: bold; text-transform: uppercase; }
.signer .hint { font-style: italic; font-size: 10.5pt; }
"#;
