# diff, sweep and test --coverage. Terms as in locales/glossary.md.

## tieuchi diff: areas

diff-none-changed = No area's results changed ({ $compared } compared).
diff-areas-changed = Areas whose results changed: { $changed } of { $compared }
diff-possible = { $verdict } (possible: { $possible })
diff-caused-by = caused by: { $causes }
diff-caused-together = caused by: no single edit alone; the edits together

## values a changed criterion read

diff-value-unknown = unknown
diff-value-true = true
diff-value-false = false
diff-value-text = text

## targets

diff-targets-changed = Targets that changed:
diff-before = before:
diff-after = after:
diff-tally-share = { $members ->
    [one] { $count } of { $members } area, { $share }
   *[other] { $count } of { $members } areas, { $share }
}
diff-tally-count = { $count ->
    [one] { $count } area
   *[other] { $count } areas
}
diff-tally-missing = { $tally }; needs { $op } { $value }: missing data decides
diff-tally-no-areas = { $tally }; needs { $op } { $value }: no area is in its `among` (0 of 0 decides nothing)
diff-tally-approximate = { $count ->
    [one] (for { $count } area with more than { $max } ways to fill in its missing data, the condition and the filter were taken as independent: the range may be wider than the data allows)
   *[other] (for { $count } areas with more than { $max } ways to fill in their missing data, the condition and the filter were taken as independent: the range may be wider than the data allows)
}

## edits

diff-edits = Edits ({ $count }):
diff-not-alone = (cannot be applied alone)
diff-label-only = { $count ->
    [one] and { $count } label-only edit, not listed (see `--format json`)
   *[other] and { $count } label-only edits, not listed (see `--format json`)
}
diff-added = added: { $text }
diff-removed = removed: { $text }
diff-kind-param = param
diff-kind-let = let
diff-kind-input = input
diff-kind-period = period
diff-kind-target = target
diff-kind-assessment = assessment
diff-kind-criterion = criterion
diff-kind-outcome = outcome
diff-kind-outcome-order = outcome_order
diff-change-definition = definition
diff-change-label = label
diff-change-order = order
diff-part-condition = condition
diff-part-required = required
diff-part-points = points
diff-part-when = when

## data problems

diff-problems-both = Data problems (with both rules files):
diff-problems-old = Data problems with the old rules only:
diff-problems-new = Data problems with the new rules only:
diff-problem-warning = warning: { $message }

## the command line

diff-error-format = error: cannot tell the format of `{ $path }`; name it .json, .ron, .csv or .xlsx
diff-error-read = error: cannot read `{ $path }`: { $reason }
diff-error-set-two-files = error: `--set` compares one rules file with itself: `tieuchi diff RULES DATA --set P=V`
diff-error-need-set = error: with one rules file, give the what-if overrides: `--set P=V`
diff-error-usage = error: `tieuchi diff OLD.tc NEW.tc DATA` or `tieuchi diff RULES DATA --set P=V`

## tieuchi sweep

sweep-col-unknown = { $assessment }.unknown
sweep-col-invalid = { $assessment }.invalid
sweep-target-met = met
sweep-target-not-met = not_met
sweep-target-unknown = unknown

## tieuchi test --coverage

coverage-summary = coverage: { $gaps } not fully covered, { $covered } covered
coverage-criterion = criterion { $name }: seen { $seen }
coverage-criterion-nothing = criterion { $name }: seen nothing
coverage-never = { $line }; never { $missing }
coverage-outcome-reached = outcome { $name }: reached
coverage-outcome-unreached = outcome { $name }: no test area reaches it
coverage-target-unexpected = target { $name }: no test expects it
coverage-target-expected = { $count ->
    [one] target { $name }: expected by { $count } test, seen { $results }
   *[other] target { $name }: expected by { $count } tests, seen { $results }
}
diff-cannot-read = cannot read `{ $path }`: { $reason }
diff-provisional-mark = provisional
