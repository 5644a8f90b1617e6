//! The JSON document of `assess` written as the areas come ([`JsonStream`]): the same bytes as
//! [`super::json::write_assessment`] without indentation, for a data set read a batch at a
//! time. The contract puts the areas before the targets and the data's problems, so nothing
//! but the targets' tallies, the ids of the areas they name and the problems waits for the end.

use super::contract::{DataDiagnostic, FormatVersion};
use super::json::{params, targets_of, AreaJson, Engine, One, Ruleset};
use crate::data::Area;
use crate::eval::{AreaResult, Program, TargetOutcome};
use crate::i18n::Lang;
use std::io::Write;

/// An `assess` document being written to `out`.
pub struct JsonStream<'p, W: Write> {
    out: W,
    program: &'p Program,
    lang: Lang,
    first: bool,
}

fn field(out: &mut impl Write, name: &str, value: &impl serde::Serialize) -> std::io::Result<()> {
    write!(out, "\"{name}\":")?;
    serde_json::to_writer(&mut *out, value).map_err(std::io::Error::other)
}

impl<'p, W: Write> JsonStream<'p, W> {
    /// Writes the document's head (its version, engine, ruleset and params) and opens its
    /// list of areas.
    pub fn start(program: &'p Program, lang: Lang, mut out: W) -> std::io::Result<Self> {
        let rules = &program.rules;
        out.write_all(b"{")?;
        field(&mut out, "format_version", &FormatVersion)?;
        out.write_all(b",")?;
        field(&mut out, "engine", &Engine::this())?;
        out.write_all(b",")?;
        field(&mut out, "ruleset", &Ruleset::of(rules))?;
        out.write_all(b",")?;
        field(&mut out, "params", &params(rules))?;
        out.write_all(b",\"areas\":[")?;
        Ok(JsonStream {
            out,
            program,
            lang,
            first: true,
        })
    }

    /// Writes one area, the next in data order.
    pub fn area(&mut self, area: &Area, result: &AreaResult) -> std::io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        let one = One {
            program: self.program,
            area,
            result,
            lang: self.lang,
        };
        serde_json::to_writer(&mut self.out, &AreaJson::new(&one, false))
            .map_err(std::io::Error::other)
    }

    /// Closes the areas and writes the targets (`id_of` names an area by its index in the data
    /// set) and the data's problems; gives the output back.
    pub fn finish(
        mut self,
        targets: &[TargetOutcome],
        id_of: &dyn Fn(usize) -> Option<String>,
        diagnostics: &[DataDiagnostic],
    ) -> std::io::Result<W> {
        self.out.write_all(b"],")?;
        let targets = targets_of(self.program, targets, id_of);
        field(&mut self.out, "targets", &targets)?;
        self.out.write_all(b",")?;
        field(&mut self.out, "data_diagnostics", &diagnostics)?;
        self.out.write_all(b"}")?;
        Ok(self.out)
    }
}
