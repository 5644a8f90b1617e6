# tieuchi test

test-ok = ok
test-fail = FAIL
test-expectations = { $count ->
    [one] { $count } expectation
   *[other] { $count } expectations
}
test-summary = { $passed } passed, { $failed } failed
test-expected-for-area = expected `{ $expected }` for area `{ $area }`  [{ $location }]
test-expected = expected `{ $expected }`  [{ $location }]
test-but = but { $actual }
test-possible = possible: { $possible }
test-other-criteria = other criteria: { $list }
word-is = is
