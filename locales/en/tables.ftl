# The result tables of assess and the targets.

table-area = area
table-name = name
table-district = district
table-verdict = verdict
table-points = points
table-not-passed = required criteria not passed
table-count-na = { $count } na (not in scope, not listed)
table-count-outcome = { $count } { $outcome }
table-count-unknown = { $count } unknown
table-count-invalid = { $count } invalid
table-targets = Targets
target-share = { $counted } of { $of } areas, { $value }
target-count = { $counted ->
    [1] 1 area
   *[other] { $counted } areas
}
target-no-areas = { $counts }; needs { $needs }: no area is in its `among` (0 of 0 decides nothing)
target-missing-decides = { $counts }; needs { $needs }: missing data decides
target-approximate = for { $count ->
    [one] { $count } area
   *[other] { $count } areas
} with more than { $fillings } ways to fill in their missing data, the condition and the filter were taken as independent: the range may be wider than the data allows
