# So sánh (diff), quét tham số (sweep) và độ bao phủ (test --coverage).
# Thuật ngữ thống nhất theo locales/glossary.md.

## tieuchi diff: địa bàn

diff-none-changed = Không có địa bàn nào thay đổi kết quả (đã so sánh { $compared } địa bàn).
diff-areas-changed = Số địa bàn thay đổi kết quả: { $changed }/{ $compared }
diff-possible = { $verdict } (có thể là: { $possible })
diff-caused-by = nguyên nhân: { $causes }
diff-caused-together = nguyên nhân: không do riêng một sửa đổi nào, mà do các sửa đổi cùng tác động

## giá trị mà tiêu chí thay đổi kết quả đã dùng

diff-value-unknown = thiếu số liệu
diff-value-true = đúng
diff-value-false = sai
diff-value-text = văn bản

## chỉ tiêu

diff-targets-changed = Chỉ tiêu thay đổi kết quả:
diff-before = trước khi sửa:
diff-after = sau khi sửa:
diff-tally-share = { $count } trên { $members } địa bàn, { $share }
diff-tally-count = { $count } địa bàn
diff-tally-missing = { $tally }; yêu cầu { $op } { $value }: kết quả phụ thuộc vào số liệu còn thiếu
diff-tally-no-areas = { $tally }; yêu cầu { $op } { $value }: không có địa bàn nào thuộc phạm vi `among` (0 trên 0 thì chưa kết luận được)
diff-tally-approximate = (với { $count } địa bàn có hơn { $max } cách điền số liệu còn thiếu, điều kiện và phạm vi được xét độc lập với nhau: khoảng kết quả có thể rộng hơn mức số liệu thực tế cho phép)

## sửa đổi trong tệp tiêu chí

diff-edits = Các sửa đổi ({ $count }):
diff-not-alone = (không áp dụng riêng được)
diff-label-only = và { $count } sửa đổi chỉ về tên gọi, không liệt kê (xem `--format json`)
diff-added = bổ sung: { $text }
diff-removed = bãi bỏ: { $text }
diff-kind-param = tham số
diff-kind-let = đại lượng tính
diff-kind-input = chỉ số
diff-kind-period = kỳ
diff-kind-target = chỉ tiêu
diff-kind-assessment = nội dung đánh giá
diff-kind-criterion = tiêu chí
diff-kind-outcome = kết quả
diff-kind-outcome-order = thứ tự kết quả
diff-change-definition = định nghĩa
diff-change-label = tên gọi
diff-change-order = thứ tự
diff-part-condition = điều kiện
diff-part-required = tính bắt buộc
diff-part-points = điểm
diff-part-when = điều kiện áp dụng

## lỗi và cảnh báo về số liệu

diff-problems-both = Lỗi, cảnh báo về số liệu (với cả hai tệp tiêu chí):
diff-problems-old = Lỗi, cảnh báo về số liệu chỉ có với tệp tiêu chí cũ:
diff-problems-new = Lỗi, cảnh báo về số liệu chỉ có với tệp tiêu chí mới:
diff-problem-warning = cảnh báo: { $message }

## dòng lệnh

diff-error-format = lỗi: không xác định được định dạng của `{ $path }`; tên tệp cần có đuôi .json, .ron, .csv hoặc .xlsx
diff-error-read = lỗi: không đọc được `{ $path }`: { $reason }
diff-error-set-two-files = lỗi: `--set` dùng để so sánh một tệp tiêu chí với chính nó: `tieuchi diff RULES DATA --set P=V`
diff-error-need-set = lỗi: khi chỉ có một tệp tiêu chí, cần nêu giá trị giả định: `--set P=V`
diff-error-usage = lỗi: cú pháp là `tieuchi diff OLD.tc NEW.tc DATA` hoặc `tieuchi diff RULES DATA --set P=V`

## tieuchi sweep

sweep-col-unknown = { $assessment }: chưa kết luận được
sweep-col-invalid = { $assessment }: số liệu không hợp lệ
sweep-target-met = đạt
sweep-target-not-met = không đạt
sweep-target-unknown = chưa kết luận được

## tieuchi test --coverage

coverage-summary = độ bao phủ: { $gaps } mục chưa được kiểm thử đầy đủ, { $covered } mục đã được kiểm thử đầy đủ
coverage-criterion = tiêu chí { $name }: đã có trường hợp { $seen }
coverage-criterion-nothing = tiêu chí { $name }: chưa có trường hợp nào
coverage-never = { $line }; chưa có trường hợp { $missing }
coverage-outcome-reached = kết quả { $name }: đã có địa bàn kiểm thử nhận kết quả này
coverage-outcome-unreached = kết quả { $name }: chưa có địa bàn kiểm thử nào nhận kết quả này
coverage-target-unexpected = chỉ tiêu { $name }: chưa có ca kiểm thử nào kiểm tra
coverage-target-expected = chỉ tiêu { $name }: được kiểm tra trong { $count } ca kiểm thử, đã có trường hợp { $results }
diff-cannot-read = không đọc được `{ $path }`: { $reason }
diff-provisional-mark = (tạm tính)
