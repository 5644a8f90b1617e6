# report — the council report (tieuchi report). Terms as in locales/glossary.md.

report-title = COUNCIL REPORT
report-issuer = APPRAISAL COUNCIL
report-issuer-sub = No. ……/BC-HĐTĐ
report-nation = SOCIALIST REPUBLIC OF VIET NAM
report-motto = Independence - Freedom - Happiness
report-page = Page
report-synthetic = ILLUSTRATIVE DATA — the data set says it is synthetic, not real figures. The results below only illustrate how the ruleset applies; they decide nothing.

report-field-ruleset = Ruleset
report-field-source = Source
report-field-valid = In force
report-date-range = from { $from } to { $to }
report-field-periods = Reporting periods
report-field-data = Data set
report-field-data-date = Date of the data
report-data-date-none = not stated in the data set
report-field-areas = Areas
report-areas-count = { $count ->
    [one] { $count } area
   *[other] { $count } areas
}
report-field-note = Note of the data set

report-section-targets = I. Targets
report-targets-none = The ruleset sets no target.
report-section-assessments = II. Assessment of the areas
report-section-areas = III. The verdict of each area explained
report-section-problems = IV. Data problems
report-section-repro = V. How to reproduce these results

report-field-result = Result
report-target-met = Met
report-target-not-met = Not met
report-target-unknown = Undecided
report-field-tally = Tally
report-tally-share = { $count } of { $of } areas, a share of { $share }
report-tally-count = { $count } areas
report-field-required = Required
report-chart-target = Share reached for target { $target } against what is required (the light part still depends on missing data)
report-target-no-areas = No area is in the scope of the share (0 of 0 areas decides nothing).
report-target-deciding = The areas that still decide this target (missing or invalid data):
report-target-approximate = For { $count ->
    [one] { $count } area
   *[other] { $count } areas
} with too many ways to fill in the missing data, the condition and the scope were taken as independent: the range may be wider than the data allows.
report-provisional-none = The results rest on no provisional param.
report-provisional-title = The results rest on these provisional params (not yet confirmed by the council):
report-col-param = Param
report-col-content = Content
report-col-value = Value
report-param-set = set for this report; the ruleset says { $declared }

report-assessment-empty = No area is in the scope of this assessment.
report-assessment-counts = In total: { $counts }.
report-not-in-scope = { $count ->
    [one] { $count } area is
   *[other] { $count } areas are
} not in the scope of this assessment (not applicable) and not listed.
report-chart-districts = Verdicts by district — { $assessment }
report-chart-axis-areas = Areas
report-col-no = No.
report-col-area = Area
report-col-district = District
report-col-verdict = Verdict
report-col-points = Points
report-col-failed = Required criteria failed
report-col-unknown = Required criteria unknown
report-verdict-unknown = Unknown
report-verdict-possible = Unknown (possible: { $possible })
report-verdict-invalid = Invalid data
report-verdict-na = Not applicable

report-area-invalid = The area's data is invalid, so it was not assessed. The problems:
report-area-invalid-line = { $area }: invalid data, not assessed.
report-area-not-applied = Not applicable to this area: { $assessments }.
report-area-outcomes = Outcomes: { $outcomes }.
report-area-points = Points: { $points }/{ $max }.
report-area-unknown-because = Unknown because:
report-col-criterion = Criterion
report-col-result = Result
report-col-values = Values used
report-col-remarks = Remarks
report-criterion-pass = Pass
report-criterion-fail = Fail
report-criterion-unknown = Unknown
report-criterion-na = Not applicable
report-required = required
report-worth = { $points } points
report-when-false = Not applicable: the condition «{ $condition }» is false.
report-value-missing = missing
report-yes = yes
report-no = no
report-reason-missing = Missing: { $label } ({ $input }).
report-reason-division = «{ $expression }» divides by zero.
report-reason-overflow = «{ $expression }» is beyond what can be computed exactly.
report-reason-invalid = The area's data is invalid.
report-gap-points = { $gap } percentage points
report-gap-far = very far
report-gap-short = { $gap } short
report-gap-over = { $gap } over
report-gap-off = off by { $gap }
report-would-pass = Would pass if { $input } were { $value } (now { $now }: { $change })
report-change-more = { $by } more
report-change-fewer = { $by } fewer
report-outcome-chosen = chosen
report-outcome-ruled-out = ruled out
report-outcome-possible = possible
report-outcome-not-reached = not reached

report-problems-none = The data set has no problem.
report-col-item = Item
report-repro-engine = Engine
report-repro-rules = Rules file { $file } (SHA-256)
report-repro-data = Data file { $file } (SHA-256)
report-repro-generated = Generated
report-repro-command = The command that made this report:

report-place-date = ……, date …… month …… year ……
report-sign-preparer = Prepared by
report-sign-chair = Chair of the council
report-sign-hint = (Signature, full name)
report-sign-hint-stamp = (Signature, full name, seal)
