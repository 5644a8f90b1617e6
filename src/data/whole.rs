//! Problems a whole data set shows: an input the rules read that no area has a value for (a
//! forgotten or misnamed column).

use super::validate::DataCode;
use super::{Dataset, RawArea, RawValue};
use crate::ast::Span;
use crate::check::{CExpr, Rules};
use crate::diag::Diagnostic;

/// For each slot, true when some expression of the rules reads it.
pub fn read_slots(rules: &Rules) -> Vec<bool> {
    let mut read = vec![false; rules.slots.len()];
    rules.walk_exprs(false, &mut |n: &CExpr| {
        if let crate::check::CKind::Input(s) = n.kind {
            if let Some(r) = read.get_mut(s as usize) {
                *r = true;
            }
        }
    });
    read
}

/// Slots for which some raw area holds a value (valid or not).
pub fn slots_given(rules: &Rules, raw: &[RawArea]) -> Vec<bool> {
    let keys: std::collections::HashMap<String, u32> = (0..rules.slots.len() as u32)
        .map(|s| (rules.slot_name(s), s))
        .collect();
    let mut given = vec![false; rules.slots.len()];
    for (key, _, value, _) in raw.iter().flat_map(|a| &a.values) {
        if *value != RawValue::Missing {
            if let Some(&s) = keys.get(&crate::source::nfc(key)) {
                given[s as usize] = true;
            }
        }
    }
    given
}

/// A warning for each input (and period) the rules read that no area has a value for; none for
/// a data set without areas.
pub fn forgotten_columns(
    rules: &Rules,
    data: &Dataset,
    given: &[bool],
    at: Span,
) -> Vec<Diagnostic> {
    if data.areas.is_empty() {
        return vec![];
    }
    let read = read_slots(rules);
    (0..rules.slots.len())
        .filter(|&s| read[s] && !given.get(s).copied().unwrap_or(true))
        .map(|s| {
            let name = rules.slot_name(s as u32);
            let label = &rules.inputs[rules.slots[s].input as usize].label;
            Diagnostic::warning(
                DataCode::NoValues.code(),
                crate::msg!(
                    "data-no-values",
                    name = name.as_str(),
                    label = label.as_str()
                ),
                at,
            )
            .with_help(crate::msg!("data-no-values-help", name = name.as_str()))
        })
        .collect()
}
