# tieuchi test

test-ok = đạt
test-fail = KHÔNG ĐẠT
test-expectations = { $count } kết quả mong đợi
test-summary = { $passed } ca kiểm thử đạt, { $failed } ca kiểm thử không đạt
test-expected-for-area = mong đợi `{ $expected }` với địa bàn `{ $area }`  [{ $location }]
test-expected = mong đợi `{ $expected }`  [{ $location }]
test-but = nhưng { $actual }
test-possible = có thể: { $possible }
test-other-criteria = các tiêu chí khác: { $list }
word-is = là
