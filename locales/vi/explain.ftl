# Giải trình kết luận (assess --explain, ca kiểm thử không đạt, báo cáo thẩm định).

note-of = { $part } trên { $whole }
note-against = { $new } so với { $old }
note-fallback = dùng giá trị thay thế
note-verdict = { $assessment } là { $verdict }
note-verdict-possible = { $assessment } là { $verdict }, có thể: { $possible }
reason-missing = thiếu số liệu `{ $input }`
reason-division-by-zero = `{ $expression }` chia cho 0
reason-overflow = `{ $expression }` vượt quá phạm vi tính chính xác (khoảng ±1,7e38, hoặc một phân số nhỏ đến mức đó)
reason-invalid-data = số liệu của địa bàn có lỗi
gap-percentage-points = { $gap } điểm phần trăm
gap-very-far = rất xa
shortfall-below = { $value } < { $threshold }: thiếu { $gap }
shortfall-not-above = { $value } ≤ { $threshold }: phải lớn hơn { $threshold }, thiếu { $gap }
shortfall-above = { $value } > { $threshold }: vượt { $gap }
shortfall-not-below = { $value } ≥ { $threshold }: phải nhỏ hơn { $threshold }, vượt { $gap }
shortfall-not-equal = { $value } ≠ { $threshold }: chênh lệch { $gap }
whatif-more-of = cần thêm { $by } { $what } ({ $input } = { $to }, hiện nay là { $now })
whatif-fewer-of = cần giảm { $by } { $what } ({ $input } = { $to }, hiện nay là { $now })
whatif-raise = cần tăng { $input } thêm { $by } (lên { $to }, hiện nay là { $now })
whatif-lower = cần giảm { $input } bớt { $by } (xuống { $to }, hiện nay là { $now })
explain-area-invalid = số liệu không hợp lệ, không đánh giá
explain-data-problem = lỗi số liệu: { $problem }
explain-assessment-na = không áp dụng
explain-is-false = `{ $text }` không thỏa mãn
explain-points = { $points } điểm
explain-points-of = { $points }/{ $max } điểm
explain-unknown-because = chưa kết luận được vì { $reason }
explain-would-pass = để đạt, { $change }
explain-required = bắt buộc
explain-informational = tham khảo
explain-not-evaluated = không xét đến
explain-where = trong đó { $value }
explain-values = số liệu:
outcome-line = kết quả { $id } ({ $label }): { $state } — { $condition }
outcome-chosen = được chọn
outcome-ruled-out = bị loại
outcome-possible = còn có thể
outcome-not-reached = không xét đến
outcome-otherwise = trường hợp còn lại
outcome-blocked-by = vì { $parts }
blocker-false = `{ $text }` không thỏa mãn
blocker-unknown = `{ $text }` chưa xác định
blocker-comparison = `{ $text }` không thỏa mãn: { $shortfall }
blocker-required = `{ $text }` không thỏa mãn: { $criteria }
blocker-criterion = { $id } { $result }
provisional-short = ⚠ tham số tạm tính: { $params }
provisional-line = ⚠ tham số tạm tính: { $id } ({ $label }) = { $value }
provisional-set = (đặt riêng cho lần chạy này; bộ tiêu chí quy định { $declared })
target-undecided-areas = sẽ kết luận được khi đủ số liệu của các địa bàn: { $areas }
target-and-more = { $list } và { $more } địa bàn khác
target-counted = { $counted } trên { $of } địa bàn → { $value }
