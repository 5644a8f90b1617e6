//! Param overrides given at run time (`--set P=V`), checked against the param's type.

use super::{codes, model::*};
use crate::ast::Literal;
use crate::diag::{did_you_mean, Diagnostic};
use crate::i18n::Msg;
use crate::msg;
use crate::value::Value;

/// Parses and type-checks `P=V` against the rules' params.
pub fn parse_override(rules: &Rules, text: &str) -> Result<(u32, Value), Diagnostic> {
    let Some((name, value)) = text.split_once('=') else {
        return Err(Diagnostic::unplaced(
            codes::BAD_OVERRIDE,
            msg!("diag-override-form", text = text),
        )
        .with_help(msg!("diag-override-form-help")));
    };
    let name = crate::source::nfc(name.trim());
    let name = name.as_str();
    let Some(p) = rules.param_index(name) else {
        let ids: Vec<&str> = rules.params.iter().map(|p| p.id.as_str()).collect();
        let help = did_you_mean(name, ids.iter().copied())
            .unwrap_or_else(|| msg!("diag-the-params", list = super::decls::backticked(&ids)));
        return Err(Diagnostic::unplaced(
            codes::BAD_OVERRIDE,
            msg!(
                "diag-not-a-param-of",
                name = name,
                ruleset = rules.id.as_str()
            ),
        )
        .with_help(help));
    };
    let param = &rules.params[p];
    let lit = crate::syntax::parse_literal(value, u32::MAX).map_err(|d| {
        Diagnostic::unplaced(
            codes::BAD_OVERRIDE,
            msg!(
                "diag-override-not-value",
                value = value.trim(),
                why = d.message
            ),
        )
        .with_help(msg!(
            "diag-override-written-like",
            name = name,
            kind = super::resolve::type_name(param.ty),
            written = param.written.as_str()
        ))
    })?;
    let (v, ty) = match lit.node {
        Literal::Number(n) | Literal::Percent(n) => (Value::Num(n), Type::Number),
        Literal::Date(d) => (Value::Date(d), Type::Date),
        Literal::Bool(b) => (Value::Bool(b), Type::Bool),
        Literal::Text(_) | Literal::Name(_) => (Value::Unknown, Type::Text),
    };
    if ty != param.ty || ty == Type::Text {
        return Err(Diagnostic::unplaced(
            codes::BAD_OVERRIDE,
            msg!(
                "diag-override-wrong-type",
                name = name,
                kind = super::resolve::type_name(param.ty),
                value = value.trim(),
                given = super::resolve::type_name(ty)
            ),
        )
        .with_help(msg!(
            "diag-override-wrong-type-help",
            written = param.written.as_str()
        )));
    }
    if let Err((message, help)) = unit_fits(param, value) {
        return Err(Diagnostic::unplaced(codes::UNIT_MISMATCH, message).with_help(help));
    }
    if let Some(problem) = rules.points_value_problem(p as u32, v) {
        return Err(
            Diagnostic::unplaced(codes::BAD_POINTS, problem).with_help(msg!("diag-points-help"))
        );
    }
    Ok((p as u32, v))
}

/// Whether a number written as `text` is in the unit of `param` (spec: "`--set P=V` writes V
/// as a rules file would"); a literal zero fits either. On a clash, the message and the help.
pub(crate) fn unit_fits(param: &Param, text: &str) -> Result<(), (Msg, Msg)> {
    let text = text.trim();
    let Some(unit) = param.unit() else {
        return Ok(());
    };
    let percent = text.ends_with('%');
    if is_zero_literal(text) || percent == (unit == Unit::Proportion) {
        return Ok(());
    }
    let (id, w) = (&param.id, param.written.trim());
    Err(if percent {
        let bare = text.trim_end_matches('%').trim_end();
        (
            msg!(
                "diag-override-plain",
                name = id.as_str(),
                written = w,
                text = text
            ),
            msg!("diag-write-without-percent", bare = bare),
        )
    } else {
        (
            msg!(
                "diag-override-proportion",
                name = id.as_str(),
                written = w,
                text = text
            ),
            msg!("diag-write", fix = percent_fix(text)),
        )
    })
}
