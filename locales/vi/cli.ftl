# Thông báo của chính dòng lệnh.

cli-stdin-format = lỗi: đọc số liệu từ đầu vào chuẩn cần có `--data-format json|ron|csv|xlsx`
cli-stdin-unreadable = lỗi: không đọc được đầu vào chuẩn: { $reason }
cli-no-area = lỗi: bộ số liệu không có địa bàn `{ $id }`.
cli-output-table = lỗi: `-o { $path }` ghi ra bảng: dùng `--format csv` hoặc `--format xlsx`, hoặc đặt tên tệp đuôi `.csv` hay `.xlsx`
cli-write-failed = lỗi: không ghi được kết quả
cli-validate-summary = { $count } địa bàn: { $valid } hợp lệ, { $invalid } không hợp lệ
cli-check-ok = { $file }: hợp lệ{ $warnings ->
    [0] {""}
   *[other] {" "}({ $warnings } cảnh báo)
}
cli-empty-folder = lỗi: thư mục `{ $folder }` không có tệp `.tc` nào
cli-template-left-empty = cảnh báo: các giá trị có lỗi được để trống trong mẫu nhập liệu
cli-template-format = lỗi: không xác định được định dạng mẫu từ tên `{ $path }`: đặt tên đuôi `.xlsx` hoặc `.csv`
cli-template-wrote = đã ghi { $path } ({ $columns } cột, { $rows } dòng)
cli-cannot-read = lỗi: không đọc được `{ $path }`: { $reason }
cli-cannot-write = lỗi: không ghi được `{ $path }`: { $reason }
cli-fmt-would = cần định dạng lại { $path }
cli-fmt-done = đã định dạng { $path }
cli-xlsx-needs-file = lỗi: `--format xlsx` ghi ra tệp: thêm `-o ket-qua.xlsx`
cli-cannot-write-csv = lỗi: không ghi được tệp CSV: { $reason }
cli-cannot-write-workbook = lỗi: không ghi được bảng tính: { $reason }
cli-no-workbooks = lỗi: bản tieuchi này không ghi được bảng tính (được biên dịch không có tính năng `spreadsheets`)
cli-report-no-stdin = lỗi: báo cáo ghi mã SHA-256 của tệp số liệu: hãy chỉ ra một tệp, không dùng `-`
cli-serve-listening = tieuchi serve: đang phục vụ tại { $url }
cli-serve-rulesets = phục vụ { $count } bộ tiêu chí{ $broken ->
    [0] {""}
   *[other] {"; "}{ $broken } tệp không được phục vụ (GET /v1/rulesets cho biết lý do)
}
cli-serve-no-folder = lỗi: `{ $folder }` không phải thư mục chứa tệp tiêu chí
cli-serve-failed = lỗi: không phục vụ được tại { $addr }: { $reason }
cli-serve-bad-time = lỗi: `--time-limit { $value }`: hãy cho một số giây lớn hơn 0
lsp-hover-read-by = được đọc bởi các kết quả { $list }
lsp-hover-periods = mỗi kỳ một giá trị: { $list }
lsp-hover-value = giá trị: `{ $value }`
lsp-hover-provisional = *tạm thời*: hội đồng chưa xác nhận giá trị này
lsp-hover-type = kiểu: { $type }
