# Bảng kết quả của assess và các chỉ tiêu.

table-area = mã địa bàn
table-name = tên địa bàn
table-district = huyện
table-verdict = kết luận
table-points = điểm
table-not-passed = tiêu chí bắt buộc chưa đạt
table-count-na = { $count } không áp dụng (ngoài phạm vi, không liệt kê)
table-count-outcome = { $count } { $outcome }
table-count-unknown = { $count } chưa kết luận được
table-count-invalid = { $count } số liệu không hợp lệ
table-targets = Chỉ tiêu
target-share = { $counted } trên { $of } địa bàn, { $value }
target-count = { $counted } địa bàn
target-no-areas = { $counts }; cần { $needs }: không có địa bàn nào thuộc phạm vi `among` (0 trên 0 không kết luận được)
target-missing-decides = { $counts }; cần { $needs }: còn phụ thuộc số liệu còn thiếu
target-approximate = với { $count } địa bàn có hơn { $fillings } cách điền số liệu còn thiếu, điều kiện và phạm vi được xét độc lập: khoảng kết quả có thể rộng hơn thực tế
