//! Stable diagnostic codes of the checker. Each names an input that triggers it.

/// A name that is not declared: `vu_kham_pa@nam` when the input is `vu_kham_pha`.
pub const UNKNOWN_NAME: &str = "tieuchi::check::unknown_name";
/// A name declared twice: two `input n`.
pub const DUPLICATE_NAME: &str = "tieuchi::check::duplicate_name";
/// Operands of the wrong type: `date > 3`, `n >= "mot"`.
pub const TYPE_MISMATCH: &str = "tieuchi::check::type_mismatch";
/// A choice compared with something not among its options: `nhom == ma_tui`.
pub const NOT_AN_OPTION: &str = "tieuchi::check::not_an_option";
/// `x@nam` where `x` is not `per period`.
pub const PERIOD_ON_PLAIN_INPUT: &str = "tieuchi::check::period_on_plain_input";
/// `x@nam` where `nam` is not a declared period.
pub const UNKNOWN_PERIOD: &str = "tieuchi::check::unknown_period";
/// `x` where `x` is `per period`: `x@ca_nam` is needed.
pub const MISSING_PERIOD: &str = "tieuchi::check::missing_period";
/// `let x = y + 1  let y = x * 2`.
pub const LET_CYCLE: &str = "tieuchi::check::let_cycle";
/// Two assessments whose verdicts depend on each other.
pub const ASSESSMENT_CYCLE: &str = "tieuchi::check::assessment_cycle";
/// The outcomes of an assessment do not end in exactly one `otherwise`.
pub const MISSING_OTHERWISE: &str = "tieuchi::check::missing_otherwise";
/// An outcome written after `otherwise`.
pub const OUTCOME_AFTER_OTHERWISE: &str = "tieuchi::check::outcome_after_otherwise";
/// `all_required`, `points` or `max_points` outside an outcome condition.
pub const OUTCOME_ONLY: &str = "tieuchi::check::outcome_only";
/// `count(…)` / `share(…)` outside a target.
pub const TARGET_ONLY: &str = "tieuchi::check::target_only";
/// An area's value used in a target outside `count(…)` / `share(…)`.
pub const AREA_VALUE_IN_TARGET: &str = "tieuchi::check::area_value_in_target";
/// `period p "…" from 2024-12-31 to 2024-01-01`.
pub const PERIOD_REVERSED: &str = "tieuchi::check::period_reversed";
/// A param override (`--set`, `set`) of the wrong type or an unknown param.
pub const BAD_OVERRIDE: &str = "tieuchi::check::bad_override";
/// A call of an unknown function or with the wrong number of arguments.
pub const BAD_CALL: &str = "tieuchi::check::bad_call";
/// A `use` whose file cannot be read, or a cycle of `use`s.
pub const BAD_USE: &str = "tieuchi::check::bad_use";
/// A file that cannot be read (missing, not UTF-8, too large).
pub const READ: &str = "tieuchi::io::read";
/// No `ruleset` header.
pub const MISSING_RULESET: &str = "tieuchi::check::missing_ruleset";
/// A test that refers to an area it does not declare, or a test value of the wrong type.
pub const BAD_TEST: &str = "tieuchi::check::bad_test";
/// Warning: an input nothing reads.
pub const UNUSED_INPUT: &str = "tieuchi::check::unused_input";
/// Warning: a criterion that no outcome can depend on.
pub const UNUSED_CRITERION: &str = "tieuchi::check::unused_criterion";
/// An assessment with more outcomes than a verdict can track (63).
pub const TOO_MANY_OUTCOMES: &str = "tieuchi::check::too_many_outcomes";
/// `x in (a, a)` (an id listed twice) or `in` on a value that is not a choice or a verdict.
pub const BAD_IN_LIST: &str = "tieuchi::check::bad_in_list";
/// `points P` where `P` is not a param of plain number type, or its value is negative.
pub const BAD_POINTS: &str = "tieuchi::check::bad_points";
/// A proportion and a plain number in one `+`, `-`, `min`, `max`, `??` or comparison:
/// `ratio(a, b) >= 80`, `points >= 60%`; also a `--set`/`set`/`sweep` value in the wrong unit.
pub const UNIT_MISMATCH: &str = "tieuchi::check::unit_mismatch";
/// Warning: a criterion with its own `when` used as a yes/no value in an outcome condition
/// (`when C1 and C6` where `C6 … when nhom == ma_tuy`): `na` counts as false there.
pub const NA_AS_FALSE: &str = "tieuchi::check::na_counts_as_false";
/// Warning: a comparison the inputs' domains decide alone: `ty_le > 100%`, `tu_diem >= 0`.
pub const DECIDED_COMPARISON: &str = "tieuchi::check::decided_comparison";
/// Warning: an outcome an earlier one always takes first: `when all_required` before
/// `when all_required and points >= 60`.
pub const UNREACHABLE_OUTCOME: &str = "tieuchi::check::unreachable_outcome";
/// `let ok = chuyen_hoa == dat`: a let reads an assessment's result (lets come first).
pub const LET_READS_RESULT: &str = "tieuchi::check::let_reads_result";
