# diagnostics

## Shared

diag-did-you-mean = did you mean `{ $name }`?
diag-at = at { $place }

## Syntax

diag-raw = { $text }
diag-code = `{ $text }`
diag-expected-value = expected a value
diag-not-single-value = `{ $value }` is not a single value
diag-not-single-value-help = write a number, a percent like `75%`, a date, `true`/`false`, a quoted text or an option name
diag-not-a-date = `{ $value }` is not a date
diag-date-help = write dates as YYYY-MM-DD, e.g. `2024-06-14`
diag-number-exact-help = tieuchi holds every number exactly, with at most { $digits } significant digits and { $digits } decimal places
diag-num-not-a-number = `{ $value }` is not a number
diag-num-too-many-digits = `{ $value }` has more than { $digits } significant digits (numbers are held exactly up to ±1.7e38)
diag-num-too-many-places = `{ $value }` has more than { $digits } decimal places
diag-num-too-large = `{ $value }` is beyond ±1.7e38, the largest number tieuchi holds exactly
diag-out-of-range = `{ $value }` is out of range
diag-incomplete-declaration = incomplete declaration
diag-unexpected-declaration = unexpected declaration
diag-missing-type = missing type
diag-negative-date = a date cannot be negative
diag-chained-comparison = comparisons cannot be chained
diag-chained-help-and = join the comparisons with `and`: `a < b and b < c`
diag-chained-help-parens = put the comparison in parentheses, or join the two with `and`
diag-expression-too-deep = this expression is nested more than { $depth } levels deep
diag-expression-too-deep-help = split it into several `let` declarations
diag-brackets-too-deep = brackets are nested more than { $depth } levels deep
diag-too-deep-here = too deep here
diag-brackets-too-deep-help = split the expression into several `let` declarations
diag-unexpected-end = unexpected end of file; expected { $expected }
diag-unexpected = unexpected `{ $found }`; expected { $expected }
diag-expected = expected { $expected }
diag-comparisons-use-eq = comparisons use `==`
diag-unclosed-label-help = a quoted label just before this may not be closed: check its `"`
diag-expect-something-else = something else
diag-list-comma = { $head }, { $next }
diag-list-or = { $head } or { $last }
diag-expect-name = a name
diag-expect-label = a quoted label
diag-expect-date = a date (YYYY-MM-DD)
diag-expect-value = a value
diag-expect-comparison = a comparison
diag-expect-operator = an operator
diag-expect-declaration = a declaration
diag-expect-type = a type
diag-expect-expression = an expression
diag-expect-option-or-outcome = an option or outcome id
diag-expect-binding = a value `NAME = VALUE`

## Checks of the rules

diag-file-too-large = it is larger than { $mib } MiB, the most tieuchi reads
diag-file-not-utf8 = the file is not UTF-8 text (bad byte at offset { $offset })
diag-file-not-regular = it is not a regular file
diag-cannot-read = cannot read `{ $path }`: { $reason }
diag-cannot-read-rules-help = check the path; rules files are UTF-8 text
diag-use-relative-help = paths in `use` are relative to the file that uses them
diag-use-not-a-file-help = `use` names a rules file (`.tc`), not a folder or a device
diag-use-cycle = `use` cycle: { $chain }
diag-use-cycle-help = move the shared declarations into a file that both use
diag-use-outside-folder = `use "{ $path }"`: the service reads only the files of its rules folder
diag-use-outside-folder-help = name a file of the rules folder, relative to it (`use "chung.tc"`)
diag-not-a-function = `{ $name }` is not a function
diag-the-functions = the functions are { $list }
diag-among-outside-count = `among` belongs in `count(…)` or `share(…)`
diag-arity-exactly = { $count }
diag-arity-at-least = at least { $count }
diag-wrong-arity = `{ $name }` takes { $want } argument(s), not { $given }
diag-aggregate-outside-target = `{ $name }(…)` counts areas, so it belongs in a target
diag-aggregate-outside-target-help = use it in `target ID "…" {"{"} … {"}"}`
diag-aggregate-arity = `{ $name }` takes one condition and an optional `among FILTER`
diag-result-word-alone = `{ $word }` is a result word; compare a result with it
diag-verdict-words = a verdict is an outcome id, `unknown`, `na` or `invalid`
diag-criterion-words = a criterion's result is `pass`, `fail`, `unknown` or `na`
diag-target-words = a target's result is `met`, `not_met` or `unknown`
diag-not-compared-with-words = `{ $text }` is { $kind }, which is not compared with result words
diag-cannot-order = cannot order { $left } with { $right }
diag-cannot-compare = cannot compare { $left } with { $right }
diag-this-is = this is { $kind }
diag-order-help = `<`, `<=`, `>` and `>=` compare two numbers or two dates
diag-compare-help = both sides of `==` must have the same type
diag-word-does-not-fit = `{ $word }` does not fit here
diag-the-outcomes = the outcomes of `{ $assessment }` are { $list }
diag-suggest-then = { $suggestion } { $rest }
diag-not-an-outcome = `{ $name }` is not an outcome of `{ $assessment }`
diag-no-ruleset = the rules file has no `ruleset` header
diag-no-ruleset-help = start the file with `ruleset ID "title"`
diag-declared-twice = `{ $name }` is declared twice
diag-declared-again-here = declared again here
diag-first-declared-here = first declared here
diag-declared-twice-help = every name is declared once; rename one of them
diag-the-period = period `{ $name }`
diag-the-validity = validity
diag-option-twice = option `{ $name }` is listed twice
diag-option-twice-help = list each option once
diag-not-a-value = `{ $name }` is not a value
diag-not-a-value-help = write a number, a percent like `80%`, a date, `true`/`false` or a quoted text
diag-the-options = the options of `{ $input }` are { $list }
diag-not-an-option = `{ $name }` is not an option of `{ $input }`
diag-not-an-option-label = not an option
diag-starts-after-end = the { $what } starts after it ends
diag-date-after = { $from } is after { $to }
diag-swap-dates = swap the dates: `from` comes before `to`
diag-in-needs-choice = `in` needs a choice or a verdict, found { $kind }
diag-in-needs-choice-help = `X in (a, b)` tests a choice input against its options, or an assessment's verdict against its outcomes
diag-listed-twice = `{ $name }` is listed twice
diag-listed-again-here = listed again here
diag-first-listed-here = first listed here
diag-listed-twice-help = list each id once
diag-type-number = a number
diag-type-bool = a yes/no value
diag-type-date = a date
diag-type-text = a text
diag-type-choice = an option of a choice
diag-type-verdict = a verdict
diag-type-criterion-result = a criterion result
diag-type-target-result = a target result
diag-type-word = a result word
diag-type-mismatch = expected { $expected }, found { $found } `{ $text }`
diag-verdict-not-bool = a verdict is not a yes/no value
diag-verdict-not-bool-help = compare it with an outcome: `{ $text } == …`
diag-result-word-not-value = `{ $word }` is a result word, not a value
diag-result-word-not-value-help = compare a result with it, e.g. `chuyen_hoa.C1 == { $word }`
diag-outcome-only = `{ $name }` can only be used in an outcome condition
diag-outcome-only-help = `all_required`, `points` and `max_points` describe an area's criteria; use them in `outcome … when …`
diag-period-not-value = `{ $name }` is a period, not a value
diag-period-not-value-help = read an input in it: `INPUT@{ $name }`
diag-not-declared = `{ $name }` is not declared
diag-unknown-name = unknown name
diag-not-declared-help = declare it with `input`, `param` or `let`
diag-no-periods = `{ $name }` has no periods
diag-no-periods-label = `@` needs an input declared `per period`
diag-no-periods-help = write `{ $name }` without `@…`, or declare the input `per period`
diag-area-value-in-target = `{ $name }` is a value of each area, not of the plan
diag-area-value-in-target-help = use it inside `count(…)` or `share(…)`
diag-missing-period = `{ $name }` has a value per period; say which
diag-missing-period-label = needs `@PERIOD`
diag-missing-period-help = write `{ $name }@PERIOD`; the periods are { $list }
diag-unknown-period = `{ $name }` is not a declared period
diag-unknown-period-label = unknown period
diag-let-reads-result = a `let` cannot read the results of assessment `{ $name }`: lets are worked out before any assessment
diag-let-reads-result-help = write the condition where it is needed, in a criterion or an outcome (e.g. `{ $name } == …` there)
diag-own-verdict = `{ $name }` cannot use its own verdict
diag-target-outside-test = `{ $name }` is a target; only tests can refer to targets
diag-not-an-assessment = `{ $name }` is not an assessment, so it has no criteria
diag-no-such-criterion = `{ $name }` has no criterion `{ $member }`

## Units, traps, order, params and tests

diag-unit-plain = a plain number
diag-unit-proportion = a proportion
diag-unit-clash-compare = cannot compare { $a } and { $b }
diag-unit-clash-add = cannot add { $a } and { $b }
diag-unit-clash-subtract = cannot subtract { $a } and { $b }
diag-unit-clash-coalesce = cannot use `??` between { $a } and { $b }
diag-unit-clash-ratio = cannot take the ratio of { $a } and { $b }
diag-unit-clash-change = cannot take the change between { $a } and { $b }
diag-unit-clash-min = cannot take the smallest of { $a } and { $b }
diag-unit-clash-max = cannot take the largest of { $a } and { $b }
diag-unit-literal-compared-help = a proportion compared with the plain number { $text }: write { $fix }
diag-unit-literal-combined-help = a proportion combined with the plain number { $text }: write { $fix }
diag-percent-fix = `{ $percent }` ({ $value } is { $percent })
diag-declared-here = declared here
diag-unit-same-help = both sides must have the same unit: a proportion such as `80%` is 0.8; write the plain side with `%`, or multiply a proportion by 100 for percent points
diag-unit-points-help = points are plain numbers: write `{ $bare }` for { $bare } points, or `{ $text } * max_points` for a share of the maximum
diag-unit-count-help = `count(…)` is a number of areas: write `{ $bare }`, or use `share(…)` for a proportion
diag-unit-plain-side-help = a plain number compared with the proportion { $text } (= { $text } of 1): write `{ $bare }` without `%`
diag-at-least-plain = `at_least` counts conditions, so its first argument is a plain number
diag-at-least-plain-help = write how many conditions must hold, e.g. `at_least(2, C1, C2, C3)`
diag-unit-param-plain-help = `{ $name }` is written `{ $written }`, a plain number; for a proportion declare it `= { $written }%`
diag-unit-param-proportion-help = `{ $name }` is written `{ $written }`, a proportion; for a plain number declare it without `%`
diag-na-as-false = `{ $name }` has its own `when`; where it does not apply it counts as false here
diag-na-as-false-label = false when this criterion is `na`
diag-na-as-false-when = applies only `when …`
diag-na-as-false-help = every area where `{ $name }` does not apply fails this condition; use `all_required` (which skips `na`) or write `{ $name } != fail`
diag-always-true = `{ $text }` is always true, whatever an area's data
diag-never-true = `{ $text }` is never true, whatever an area's data
diag-always-true-help = it holds for every area with the data, so it decides nothing; check the threshold and the operator
diag-never-true-help = no area can satisfy it; check the threshold, the operator and the unit (`100%` is the largest percent)
diag-bounds-declared = `{ $text }` { $bounds } as declared
diag-bounds = `{ $text }` { $bounds }
diag-bounds-is = is { $value }
diag-bounds-always = is always { $value }
diag-bounds-between = lies between { $low } and { $high }
diag-bounds-at-least = is always ≥ { $value }
diag-bounds-at-most = is always ≤ { $value }
diag-bounds-any = can be any number
diag-condition-always-true = this condition is always true
diag-condition-covers-later = this condition holds whenever the later one does
diag-unreachable-outcome = outcome `{ $later }` can never be chosen: `{ $earlier }` comes first
diag-never-chosen = never chosen
diag-unreachable-outcome-help = outcomes are tried in order; put the more demanding one first, or change the conditions
diag-unused-input = input `{ $name }` is never used
diag-unused-input-help = use it in a criterion, or remove it so data-entry forms do not ask for it
diag-unused-required = it is `required`, but no outcome uses `all_required`
diag-unused-points = it has `points`, but no outcome uses `points` or `max_points`
diag-unused-plain = it is neither `required` nor has `points`, and no outcome names it
diag-unused-criterion = no outcome of `{ $assessment }` depends on criterion `{ $criterion }`
diag-unused-criterion-help = it is still shown in explanations; name it in an outcome if it should count
diag-let-cycle = `{ $name }` depends on itself
diag-let-cycle-uses = uses { $list }
diag-let-cycle-help = a `let` may not refer to itself, directly or through other `let`s
diag-assessment-cycle = the verdict of `{ $name }` depends on itself
diag-assessment-cycle-help = an assessment may use the verdicts of others, but not in a circle
diag-criterion-twice = criterion `{ $name }` is declared twice
diag-points-beyond = points `{ $value }` are beyond what a weight may be
diag-points-help = a criterion's points are at most 10^15, with at most 6 decimal places, and not negative
diag-outcome-twice = outcome `{ $name }` is declared twice
diag-after-otherwise = outcome `{ $name }` comes after `otherwise`
diag-otherwise-here = `otherwise` is here
diag-after-otherwise-help = `otherwise` must be the last outcome: move this outcome above it
diag-too-many-outcomes = `{ $name }` has { $count } outcomes; at most { $max } are allowed
diag-too-many-outcomes-help = group the outcomes into fewer, or split the assessment
diag-missing-otherwise = the outcomes of `{ $name }` do not end with `otherwise`
diag-the-last-outcome = the last outcome
diag-missing-otherwise-help = add a last outcome for every other case, e.g. `outcome chua_dat "Chưa đạt" otherwise`
diag-override-form = `{ $text }` is not of the form `PARAM=VALUE`
diag-override-form-help = e.g. `--set nguong_kham_pha=75%`
diag-the-params = the params are { $list }
diag-not-a-param-of = `{ $name }` is not a param of `{ $ruleset }`
diag-override-not-value = `{ $value }` is not a value: { $why }
diag-override-written-like = `{ $name }` is { $kind }, written like `{ $written }`
diag-override-wrong-type = `{ $name }` is { $kind }, but `{ $value }` is { $given }
diag-override-wrong-type-help = write it like the declared value `{ $written }`
diag-override-plain = `{ $name }` is a plain number (declared `{ $written }`), but `{ $text }` is a proportion
diag-override-proportion = `{ $name }` is a proportion (declared `{ $written }`), but `{ $text }` is a plain number
diag-write-without-percent = write `{ $bare }` without `%`
diag-write = write { $fix }
diag-points-param-problem = `{ $name }` gives a criterion its points: { $help }
diag-declare-param-help = declare it: `param { $name } "…" = 40`
diag-unknown-param = unknown param
diag-not-a-param = `{ $name }` is not a param
diag-points-not-plain = `{ $name }` is not a plain number (it is written `{ $written }`)
diag-points-not-weight = `{ $name }` = { $written } is not a weight: { $help }
diag-points-plain = points must be a plain number ≥ 0: { $problem }
diag-points-plain-help = write `points 40`, or name a param declared like `param diem_c7 "Điểm C7" = 40`
diag-count-negative = a count cannot be negative ({ $value })
diag-count-whole = a count is a whole number, not { $value }
diag-percent-range = a percent lies in 0–100%, not { $value }
diag-expected-type = expected a value of type { $kind }
diag-test-no-area = this test has no area `{ $name }`
diag-not-an-input = `{ $name }` is not an input
diag-test-value = `{ $name }`: { $why }
diag-given-unit = `{ $name }` is a { $kind } input, so its value is { $want }
diag-given-unit-label = not in the input's unit
diag-param-type = `{ $name }` is { $kind }, not { $given }
diag-param-unit-label = not in the param's unit

## Command line: sweeps and rules folders

diag-sweep-help = write `--param P=FROM..TO/STEP`, e.g. `nguong_kham_pha=60%..95%/5%`
diag-sweep-form = `{ $text }` is not of the form `P=FROM..TO/STEP`
diag-sweep-no-step = `{ $text }` has no `/STEP`
diag-sweep-no-range = `{ $text }` is not `FROM..TO`
diag-see-params = see the `param` declarations
diag-sweep-not-number = `{ $name }` is not a number; only number and percent params can be swept
diag-sweep-bad-value = `{ $value }` is not a number or percent
diag-sweep-range-up = the range must go up: FROM ≤ TO and STEP > 0
diag-sweep-too-many = more than { $max } values; take a larger step
diag-cannot-read-folder = cannot read the folder `{ $path }`: { $reason }
diag-candidate-valid = - { $path }: valid { $from } to { $to }
diag-candidate-no-valid = - { $path }: no `valid` range, or it does not check
diag-candidates = the candidates are
diag-list-lines = { $head }
    { $next }
diag-no-rules-valid = no rules file in `{ $path }` are valid on { $date }
diag-several-rules-valid = several rules files in `{ $path }` are valid on { $date }
diag-rules-not-valid-on = `{ $path }` is valid from { $from } to { $to }, not on { $date }
diag-rules-folder = `{ $path }` is a folder
diag-rules-folder-help = pass `--on DATE` to use the rules file of the folder in force on that date

## Command line: lists of diagnostics

diag-more = … and { $count } more diagnostics (`--format json` lists them all)
diag-rule-warnings = { $count ->
    [one] { $count } warning in rules: run `tieuchi check { $path }`
   *[other] { $count } warnings in rules: run `tieuchi check { $path }`
}
diag-help = help: { $help }
diag-no-area = no area `{ $id }` in the data
diag-no-assessment = no assessment `{ $id }` in the rules
diag-no-criterion = no criterion `{ $id }` in this assessment
diag-no-target = no target `{ $id }` in the rules
