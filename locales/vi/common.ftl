# Từ dùng chung cho mọi kết quả. Thuật ngữ thống nhất theo locales/glossary.md.

verdict-pass = đạt
verdict-fail = không đạt
verdict-unknown = chưa kết luận được
verdict-na = không áp dụng
verdict-invalid = số liệu không hợp lệ
target-met = đạt
target-not-met = không đạt
target-unknown = chưa kết luận được
areas-count = { $count } địa bàn
verdict-unknown-possible = chưa kết luận được: có thể { $possible }
word-or = hoặc
word-and = và
value-true = đúng
value-false = sai
value-unknown = chưa xác định
value-text = văn bản
