//! The report as Markdown (CommonMark with pipe tables): the same content as the HTML, without
//! the charts (their tables and counts say the same).

use super::doc::{Block, Cell};
use super::model::Report;
use super::Meta;
use crate::i18n::Lang;
use std::fmt::Write;

/// Renders the report.
pub fn render(r: &Report, meta: &Meta, lang: Lang) -> String {
    let mut out = String::new();
    for b in super::content::blocks(r, meta, lang) {
        block(&mut out, &b);
    }
    out
}

/// Text for Markdown: characters that would start markup are escaped with `\`, and `<`, `>`,
/// `&` written as entities (so no renderer that passes raw HTML through can see a tag).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text on one line (a table cell): line breaks become `<br>`.
fn cell(c: &Cell) -> String {
    escape(&c.text).replace('\n', "<br>")
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Masthead { left, right } => {
            let _ = writeln!(
                out,
                "**{}** — **{}**\n",
                escape(&left.join(" — ")),
                escape(&right.join(" — "))
            );
        }
        Block::Title(t, sub) => {
            let _ = writeln!(out, "# {}\n\n**{}**\n", escape(t), escape(sub));
        }
        Block::Heading(level, t) => {
            let _ = writeln!(out, "{} {}\n", "#".repeat(*level as usize), escape(t));
        }
        Block::Para(t) => {
            let _ = writeln!(out, "{}\n", escape(t).replace('\n', "  \n"));
        }
        Block::Remark(t) => {
            let _ = writeln!(out, "*{}*\n", escape(t).replace('\n', "  \n"));
        }
        Block::Banner(t) => {
            let _ = writeln!(out, "> **{}**\n", escape(t));
        }
        Block::List(items) => {
            for i in items {
                let _ = writeln!(out, "- {}", escape(i).replace('\n', "  \n  "));
            }
            out.push('\n');
        }
        Block::Fields(fields) => {
            for (k, v) in fields {
                let _ = writeln!(
                    out,
                    "- **{}:** {}",
                    escape(k),
                    escape(v).replace('\n', "; ")
                );
            }
            out.push('\n');
        }
        Block::Table { head, rows } => {
            let _ = writeln!(
                out,
                "| {} |",
                head.iter()
                    .map(|h| escape(h))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
            let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
            for row in rows {
                let _ = writeln!(
                    out,
                    "| {} |",
                    row.iter().map(cell).collect::<Vec<_>>().join(" | ")
                );
            }
            out.push('\n');
        }
        Block::Chart { .. } | Block::PageBreak => {}
        Block::Code(t) => {
            // A fence longer than any run of backticks in the text.
            let longest = t.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            let _ = writeln!(out, "{fence}\n{t}\n{fence}\n");
        }
        Block::Area(inner) => inner.iter().for_each(|b| block(out, b)),
        Block::Signatures {
            place_date,
            signers,
        } => {
            let _ = writeln!(out, "*{}*\n", escape(place_date));
            let _ = writeln!(
                out,
                "| {} |\n|{}",
                signers
                    .iter()
                    .map(|(r, _)| format!("**{}**", escape(r)))
                    .collect::<Vec<_>>()
                    .join(" | "),
                "---|".repeat(signers.len())
            );
            let _ = writeln!(
                out,
                "| {} |\n",
                signers
                    .iter()
                    .map(|(_, h)| format!("*{}*", escape(h)))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
    }
}
