# Explanations of verdicts (assess --explain, test failures, the council report).

note-of = { $part } of { $whole }
note-against = { $new } against { $old }
note-fallback = fallback used
note-verdict = { $assessment } is { $verdict }
note-verdict-possible = { $assessment } is { $verdict }, possible: { $possible }
reason-missing = `{ $input }` is missing
reason-division-by-zero = `{ $expression }` divides by zero
reason-overflow = `{ $expression }` is beyond what tieuchi computes exactly (about ±1.7e38, or a fraction that fine)
reason-invalid-data = the area's data has errors
gap-percentage-points = { $gap } percentage points
gap-very-far = very far
shortfall-below = { $value } < { $threshold }: { $gap } short
shortfall-not-above = { $value } ≤ { $threshold }: needs more than { $threshold }, { $gap } short
shortfall-above = { $value } > { $threshold }: { $gap } over
shortfall-not-below = { $value } ≥ { $threshold }: needs less than { $threshold }, { $gap } over
shortfall-not-equal = { $value } ≠ { $threshold }: off by { $gap }
whatif-more-of = { $input } = { $to } (now { $now }: { $by } more)
whatif-fewer-of = { $input } = { $to } (now { $now }: { $by } fewer)
whatif-raise = { $input } = { $to } (now { $now }: { $by } more)
whatif-lower = { $input } = { $to } (now { $now }: { $by } less)
explain-area-invalid = invalid data, not assessed
explain-data-problem = data problem: { $problem }
explain-assessment-na = does not apply
explain-is-false = `{ $text }` is false
explain-points = { $points } points
explain-points-of = { $points }/{ $max } points
explain-unknown-because = unknown because { $reason }
explain-would-pass = would pass with { $change }
explain-required = required
explain-informational = informational
explain-not-evaluated = not evaluated
explain-where = where { $value }
explain-values = values:
outcome-line = outcome { $id } ({ $label }): { $state } — { $condition }
outcome-chosen = chosen
outcome-ruled-out = ruled out
outcome-possible = possible
outcome-not-reached = not reached
outcome-otherwise = otherwise
outcome-blocked-by = because { $parts }
blocker-false = `{ $text }` is false
blocker-unknown = `{ $text }` is unknown
blocker-comparison = `{ $text }` does not hold: { $shortfall }
blocker-required = `{ $text }` is false: { $criteria }
blocker-criterion = { $id } { $result }
provisional-short = ⚠ provisional: { $params }
provisional-line = ⚠ provisional: { $id } ({ $label }) = { $value }
provisional-set = (set for this run; the rules say { $declared })
target-undecided-areas = decided once the data of these areas is complete: { $areas }
target-and-more = { $list } and { $more } more
target-counted = { $counted } of { $of } areas → { $value }
