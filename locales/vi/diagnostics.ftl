# diagnostics

## Dùng chung

diag-did-you-mean = có phải là `{ $name }`?
diag-at = tại { $place }

## Cú pháp

diag-raw = { $text }
diag-code = `{ $text }`
diag-expected-value = cần một giá trị
diag-not-single-value = `{ $value }` không phải là một giá trị đơn
diag-not-single-value-help = ghi một số, một tỷ lệ phần trăm như `75%`, một ngày, `true`/`false`, một đoạn chữ trong dấu nháy kép hoặc tên một lựa chọn
diag-not-a-date = `{ $value }` không phải là ngày hợp lệ
diag-date-help = ghi ngày theo dạng YYYY-MM-DD (năm-tháng-ngày), ví dụ `2024-06-14`
diag-number-exact-help = tieuchi lưu mọi số một cách chính xác, tối đa { $digits } chữ số có nghĩa và { $digits } chữ số thập phân
diag-num-not-a-number = `{ $value }` không phải là số
diag-num-too-many-digits = `{ $value }` có quá { $digits } chữ số có nghĩa (số chỉ được lưu chính xác trong phạm vi ±1,7e38)
diag-num-too-many-places = `{ $value }` có quá { $digits } chữ số thập phân
diag-num-too-large = `{ $value }` vượt quá ±1,7e38, giới hạn lớn nhất mà tieuchi lưu được chính xác
diag-out-of-range = `{ $value }` nằm ngoài phạm vi cho phép
diag-incomplete-declaration = khai báo chưa đầy đủ
diag-unexpected-declaration = khai báo không đúng vị trí
diag-missing-type = thiếu kiểu dữ liệu
diag-negative-date = ngày không thể mang dấu âm
diag-chained-comparison = không được viết liền nhiều phép so sánh
diag-chained-help-and = nối các phép so sánh bằng `and`: `a < b and b < c`
diag-chained-help-parens = đặt phép so sánh trong ngoặc đơn, hoặc nối hai vế bằng `and`
diag-expression-too-deep = biểu thức này lồng nhau quá { $depth } cấp
diag-expression-too-deep-help = tách biểu thức thành nhiều khai báo `let`
diag-brackets-too-deep = dấu ngoặc lồng nhau quá { $depth } cấp
diag-too-deep-here = lồng quá sâu tại đây
diag-brackets-too-deep-help = tách biểu thức thành nhiều khai báo `let`
diag-unexpected-end = tệp kết thúc đột ngột; cần { $expected }
diag-unexpected = gặp `{ $found }` không đúng chỗ; cần { $expected }
diag-expected = cần { $expected }
diag-comparisons-use-eq = phép so sánh bằng viết là `==`
diag-unclosed-label-help = có thể một nhãn trong dấu nháy kép ngay trước chỗ này chưa được đóng: kiểm tra dấu `"`
diag-expect-something-else = một nội dung khác
diag-list-comma = { $head }, { $next }
diag-list-or = { $head } hoặc { $last }
diag-expect-name = một tên
diag-expect-label = một nhãn trong dấu nháy kép
diag-expect-date = một ngày (YYYY-MM-DD)
diag-expect-value = một giá trị
diag-expect-comparison = một phép so sánh
diag-expect-operator = một toán tử
diag-expect-declaration = một khai báo
diag-expect-type = một kiểu dữ liệu
diag-expect-expression = một biểu thức
diag-expect-option-or-outcome = mã một lựa chọn hoặc một kết quả
diag-expect-binding = một giá trị `TÊN = GIÁ_TRỊ`

## Kiểm tra bộ tiêu chí

diag-file-too-large = tệp lớn hơn { $mib } MiB, mức tối đa tieuchi đọc được
diag-file-not-utf8 = tệp không phải văn bản mã UTF-8 (byte lỗi tại vị trí { $offset })
diag-file-not-regular = đây không phải là tệp thông thường
diag-cannot-read = không đọc được `{ $path }`: { $reason }
diag-cannot-read-rules-help = kiểm tra lại đường dẫn; tệp tiêu chí là văn bản mã UTF-8
diag-use-relative-help = đường dẫn trong `use` tính từ thư mục của tệp khai báo `use` đó
diag-use-not-a-file-help = `use` phải chỉ đến một tệp tiêu chí (`.tc`), không phải thư mục hay thiết bị
diag-use-cycle = các tệp `use` lẫn nhau thành vòng: { $chain }
diag-use-cycle-help = chuyển các khai báo dùng chung sang một tệp riêng để cả hai tệp cùng `use`
diag-use-outside-folder = `use "{ $path }"`: dịch vụ chỉ đọc các tệp trong thư mục bộ tiêu chí của nó
diag-use-outside-folder-help = hãy ghi tên một tệp trong thư mục bộ tiêu chí, tính từ thư mục đó (`use "chung.tc"`)
diag-not-a-function = `{ $name }` không phải là hàm
diag-the-functions = các hàm hiện có: { $list }
diag-among-outside-count = `among` chỉ dùng trong `count(…)` hoặc `share(…)`
diag-arity-exactly = { $count }
diag-arity-at-least = ít nhất { $count }
diag-wrong-arity = `{ $name }` nhận { $want } đối số, không phải { $given }
diag-aggregate-outside-target = `{ $name }(…)` đếm các địa bàn nên chỉ dùng trong chỉ tiêu
diag-aggregate-outside-target-help = đặt trong `target ID "…" {"{"} … {"}"}`
diag-aggregate-arity = `{ $name }` nhận một điều kiện và, nếu cần, một điều kiện lọc `among FILTER`
diag-result-word-alone = `{ $word }` là từ chỉ kết quả; hãy so sánh một kết quả với từ này
diag-verdict-words = kết luận là mã một kết quả, `unknown`, `na` hoặc `invalid`
diag-criterion-words = kết quả của tiêu chí là `pass`, `fail`, `unknown` hoặc `na`
diag-target-words = kết quả của chỉ tiêu là `met`, `not_met` hoặc `unknown`
diag-not-compared-with-words = `{ $text }` là { $kind }, không so sánh được với từ chỉ kết quả
diag-cannot-order = không so sánh hơn kém được { $left } với { $right }
diag-cannot-compare = không so sánh được { $left } với { $right }
diag-this-is = đây là { $kind }
diag-order-help = `<`, `<=`, `>` và `>=` chỉ so sánh hai số hoặc hai ngày
diag-compare-help = hai vế của `==` phải cùng kiểu dữ liệu
diag-word-does-not-fit = `{ $word }` không dùng được ở đây
diag-the-outcomes = các kết quả của `{ $assessment }` gồm: { $list }
diag-suggest-then = { $suggestion } { $rest }
diag-not-an-outcome = `{ $name }` không phải là kết quả của `{ $assessment }`
diag-no-ruleset = tệp tiêu chí thiếu dòng đầu `ruleset`
diag-no-ruleset-help = mở đầu tệp bằng `ruleset ID "tên bộ tiêu chí"`
diag-declared-twice = `{ $name }` được khai báo hai lần
diag-declared-again-here = khai báo lại tại đây
diag-first-declared-here = khai báo lần đầu tại đây
diag-declared-twice-help = mỗi tên chỉ được khai báo một lần; đổi tên một trong hai
diag-the-period = kỳ `{ $name }`
diag-the-validity = thời hạn áp dụng
diag-option-twice = lựa chọn `{ $name }` được liệt kê hai lần
diag-option-twice-help = mỗi lựa chọn chỉ liệt kê một lần
diag-not-a-value = `{ $name }` không phải là giá trị
diag-not-a-value-help = ghi một số, một tỷ lệ phần trăm như `80%`, một ngày, `true`/`false` hoặc một đoạn chữ trong dấu nháy kép
diag-the-options = các lựa chọn của `{ $input }` gồm: { $list }
diag-not-an-option = `{ $name }` không phải là lựa chọn của `{ $input }`
diag-not-an-option-label = không có trong các lựa chọn
diag-starts-after-end = { $what } có ngày bắt đầu sau ngày kết thúc
diag-date-after = { $from } sau { $to }
diag-swap-dates = đổi chỗ hai ngày: ngày `from` phải trước ngày `to`
diag-in-needs-choice = `in` cần một chỉ số dạng lựa chọn hoặc một kết luận, nhưng đây là { $kind }
diag-in-needs-choice-help = `X in (a, b)` đối chiếu một chỉ số dạng lựa chọn với các lựa chọn của nó, hoặc kết luận của một nội dung đánh giá với các kết quả của nội dung đó
diag-listed-twice = `{ $name }` được liệt kê hai lần
diag-listed-again-here = liệt kê lại tại đây
diag-first-listed-here = liệt kê lần đầu tại đây
diag-listed-twice-help = mỗi mã chỉ liệt kê một lần
diag-type-number = một số
diag-type-bool = một giá trị có/không
diag-type-date = một ngày
diag-type-text = một đoạn chữ
diag-type-choice = một lựa chọn
diag-type-verdict = một kết luận
diag-type-criterion-result = kết quả của một tiêu chí
diag-type-target-result = kết quả của một chỉ tiêu
diag-type-word = một từ chỉ kết quả
diag-type-mismatch = cần { $expected }, nhưng `{ $text }` là { $found }
diag-verdict-not-bool = kết luận không phải là giá trị có/không
diag-verdict-not-bool-help = so sánh kết luận với một kết quả: `{ $text } == …`
diag-result-word-not-value = `{ $word }` là từ chỉ kết quả, không phải giá trị
diag-result-word-not-value-help = so sánh một kết quả với từ này, ví dụ `chuyen_hoa.C1 == { $word }`
diag-outcome-only = `{ $name }` chỉ dùng được trong điều kiện của một kết quả
diag-outcome-only-help = `all_required`, `points` và `max_points` mô tả các tiêu chí của một địa bàn; chỉ dùng trong `outcome … when …`
diag-period-not-value = `{ $name }` là một kỳ, không phải giá trị
diag-period-not-value-help = lấy số liệu của một chỉ số trong kỳ này: `INPUT@{ $name }`
diag-not-declared = `{ $name }` chưa được khai báo
diag-unknown-name = tên chưa khai báo
diag-not-declared-help = khai báo tên này bằng `input`, `param` hoặc `let`
diag-no-periods = `{ $name }` không theo kỳ
diag-no-periods-label = `@` chỉ dùng với chỉ số khai báo `per period`
diag-no-periods-help = ghi `{ $name }` không kèm `@…`, hoặc khai báo chỉ số này `per period`
diag-area-value-in-target = `{ $name }` là số liệu của từng địa bàn, không phải của kế hoạch
diag-area-value-in-target-help = đặt trong `count(…)` hoặc `share(…)`
diag-missing-period = `{ $name }` có số liệu theo từng kỳ; cần ghi rõ kỳ nào
diag-missing-period-label = cần `@KỲ`
diag-missing-period-help = ghi `{ $name }@KỲ`; các kỳ gồm: { $list }
diag-unknown-period = `{ $name }` không phải là kỳ đã khai báo
diag-unknown-period-label = kỳ chưa khai báo
diag-let-reads-result = `let` không được dùng kết quả của nội dung đánh giá `{ $name }`: các đại lượng tính được tính trước mọi nội dung đánh giá
diag-let-reads-result-help = đặt điều kiện ngay tại nơi cần dùng, trong một tiêu chí hoặc một kết quả (ví dụ `{ $name } == …` tại đó)
diag-own-verdict = `{ $name }` không được dùng kết luận của chính nó
diag-target-outside-test = `{ $name }` là chỉ tiêu; chỉ ca kiểm thử mới được dẫn chiếu chỉ tiêu
diag-not-an-assessment = `{ $name }` không phải là nội dung đánh giá nên không có tiêu chí
diag-no-such-criterion = `{ $name }` không có tiêu chí `{ $member }`

## Đơn vị, cảnh báo, thứ tự, tham số và ca kiểm thử

diag-unit-plain = một số thường
diag-unit-proportion = một tỷ lệ
diag-unit-clash-compare = không thể so sánh { $a } với { $b }
diag-unit-clash-add = không thể cộng { $a } với { $b }
diag-unit-clash-subtract = không thể trừ { $a } với { $b }
diag-unit-clash-coalesce = không thể dùng `??` giữa { $a } và { $b }
diag-unit-clash-ratio = không thể lấy tỷ số giữa { $a } và { $b }
diag-unit-clash-change = không thể tính mức thay đổi giữa { $a } và { $b }
diag-unit-clash-min = không thể lấy giá trị nhỏ nhất giữa { $a } và { $b }
diag-unit-clash-max = không thể lấy giá trị lớn nhất giữa { $a } và { $b }
diag-unit-literal-compared-help = một tỷ lệ đang được so sánh với số thường { $text }: hãy ghi { $fix }
diag-unit-literal-combined-help = một tỷ lệ đang được tính cùng số thường { $text }: hãy ghi { $fix }
diag-percent-fix = `{ $percent }` ({ $value } tức là { $percent })
diag-declared-here = khai báo tại đây
diag-unit-same-help = hai vế phải cùng đơn vị: một tỷ lệ như `80%` có giá trị 0,8; hãy ghi vế số thường kèm `%`, hoặc nhân tỷ lệ với 100 để tính theo điểm phần trăm
diag-unit-points-help = điểm là số thường: ghi `{ $bare }` cho { $bare } điểm, hoặc `{ $text } * max_points` để lấy theo tỷ lệ của điểm tối đa
diag-unit-count-help = `count(…)` là số địa bàn: ghi `{ $bare }`, hoặc dùng `share(…)` để lấy tỷ lệ
diag-unit-plain-side-help = một số thường đang được so sánh với tỷ lệ { $text } (= { $text } của 1): ghi `{ $bare }` không kèm `%`
diag-at-least-plain = `at_least` đếm số điều kiện được thỏa mãn nên đối số đầu tiên phải là số thường
diag-at-least-plain-help = ghi số điều kiện tối thiểu phải thỏa mãn, ví dụ `at_least(2, C1, C2, C3)`
diag-unit-param-plain-help = `{ $name }` được ghi là `{ $written }`, tức là số thường; nếu là tỷ lệ thì khai báo `= { $written }%`
diag-unit-param-proportion-help = `{ $name }` được ghi là `{ $written }`, tức là tỷ lệ; nếu là số thường thì khai báo không kèm `%`
diag-na-as-false = `{ $name }` có điều kiện `when` riêng; tại địa bàn không áp dụng, tiêu chí này được tính là sai ở đây
diag-na-as-false-label = tính là sai khi tiêu chí này là `na`
diag-na-as-false-when = chỉ áp dụng khi thỏa `when …`
diag-na-as-false-help = mọi địa bàn mà `{ $name }` không áp dụng đều không thỏa điều kiện này; hãy dùng `all_required` (bỏ qua `na`) hoặc ghi `{ $name } != fail`
diag-always-true = `{ $text }` luôn đúng với mọi số liệu của địa bàn
diag-never-true = `{ $text }` không bao giờ đúng với bất kỳ số liệu nào của địa bàn
diag-always-true-help = điều kiện đúng với mọi địa bàn có số liệu nên không phân định được gì; kiểm tra lại ngưỡng và toán tử
diag-never-true-help = không địa bàn nào thỏa mãn được; kiểm tra lại ngưỡng, toán tử và đơn vị (`100%` là tỷ lệ phần trăm lớn nhất)
diag-bounds-declared = `{ $text }` { $bounds } theo khai báo
diag-bounds = `{ $text }` { $bounds }
diag-bounds-is = bằng { $value }
diag-bounds-always = luôn bằng { $value }
diag-bounds-between = nằm trong khoảng từ { $low } đến { $high }
diag-bounds-at-least = luôn ≥ { $value }
diag-bounds-at-most = luôn ≤ { $value }
diag-bounds-any = có thể nhận bất kỳ giá trị số nào
diag-condition-always-true = điều kiện này luôn đúng
diag-condition-covers-later = điều kiện này đúng ở mọi trường hợp điều kiện sau đúng
diag-unreachable-outcome = kết quả `{ $later }` không bao giờ được chọn: `{ $earlier }` được xét trước
diag-never-chosen = không bao giờ được chọn
diag-unreachable-outcome-help = các kết quả được xét theo thứ tự; đặt kết quả có yêu cầu cao hơn lên trước, hoặc sửa lại điều kiện
diag-unused-input = chỉ số `{ $name }` không được sử dụng
diag-unused-input-help = dùng chỉ số này trong một tiêu chí, hoặc bỏ đi để biểu mẫu nhập số liệu không yêu cầu nữa
diag-unused-required = tiêu chí là `required` nhưng không kết quả nào dùng `all_required`
diag-unused-points = tiêu chí có `points` nhưng không kết quả nào dùng `points` hoặc `max_points`
diag-unused-plain = tiêu chí không phải `required`, không có `points` và không kết quả nào nêu tên
diag-unused-criterion = không kết quả nào của `{ $assessment }` phụ thuộc vào tiêu chí `{ $criterion }`
diag-unused-criterion-help = tiêu chí vẫn được nêu trong phần giải trình; nếu cần tính đến thì nêu tên tiêu chí trong một kết quả
diag-let-cycle = `{ $name }` phụ thuộc vào chính nó
diag-let-cycle-uses = dùng { $list }
diag-let-cycle-help = một `let` không được dẫn chiếu đến chính nó, trực tiếp hay qua các `let` khác
diag-assessment-cycle = kết luận của `{ $name }` phụ thuộc vào chính nó
diag-assessment-cycle-help = một nội dung đánh giá được dùng kết luận của nội dung khác, nhưng không được tạo thành vòng
diag-criterion-twice = tiêu chí `{ $name }` được khai báo hai lần
diag-points-beyond = số điểm `{ $value }` vượt quá mức cho phép của trọng số
diag-points-help = điểm của một tiêu chí không vượt quá 10^15, có tối đa 6 chữ số thập phân và không âm
diag-outcome-twice = kết quả `{ $name }` được khai báo hai lần
diag-after-otherwise = kết quả `{ $name }` đứng sau `otherwise`
diag-otherwise-here = `otherwise` ở đây
diag-after-otherwise-help = `otherwise` phải là kết quả cuối cùng: chuyển kết quả này lên trên
diag-too-many-outcomes = `{ $name }` có { $count } kết quả; tối đa chỉ được { $max }
diag-too-many-outcomes-help = gộp bớt các kết quả, hoặc tách nội dung đánh giá
diag-missing-otherwise = các kết quả của `{ $name }` không kết thúc bằng `otherwise`
diag-the-last-outcome = kết quả cuối cùng
diag-missing-otherwise-help = thêm một kết quả cuối cho mọi trường hợp còn lại, ví dụ `outcome chua_dat "Chưa đạt" otherwise`
diag-override-form = `{ $text }` không đúng dạng `THAM_SỐ=GIÁ_TRỊ`
diag-override-form-help = ví dụ `--set nguong_kham_pha=75%`
diag-the-params = các tham số gồm: { $list }
diag-not-a-param-of = `{ $name }` không phải là tham số của `{ $ruleset }`
diag-override-not-value = `{ $value }` không phải là giá trị: { $why }
diag-override-written-like = `{ $name }` là { $kind }, ghi theo dạng `{ $written }`
diag-override-wrong-type = `{ $name }` là { $kind }, nhưng `{ $value }` là { $given }
diag-override-wrong-type-help = ghi theo dạng giá trị đã khai báo `{ $written }`
diag-override-plain = `{ $name }` là số thường (khai báo `{ $written }`), nhưng `{ $text }` là tỷ lệ
diag-override-proportion = `{ $name }` là tỷ lệ (khai báo `{ $written }`), nhưng `{ $text }` là số thường
diag-write-without-percent = ghi `{ $bare }` không kèm `%`
diag-write = hãy ghi { $fix }
diag-points-param-problem = `{ $name }` là điểm của một tiêu chí: { $help }
diag-declare-param-help = khai báo tham số: `param { $name } "…" = 40`
diag-unknown-param = tham số chưa khai báo
diag-not-a-param = `{ $name }` không phải là tham số
diag-points-not-plain = `{ $name }` không phải là số thường (được ghi là `{ $written }`)
diag-points-not-weight = `{ $name }` = { $written } không dùng làm trọng số được: { $help }
diag-points-plain = điểm phải là số thường ≥ 0: { $problem }
diag-points-plain-help = ghi `points 40`, hoặc dùng một tham số khai báo như `param diem_c7 "Điểm C7" = 40`
diag-count-negative = số đếm không được âm ({ $value })
diag-count-whole = số đếm phải là số nguyên, không phải { $value }
diag-percent-range = tỷ lệ phần trăm phải nằm trong khoảng 0–100%, không phải { $value }
diag-expected-type = cần một giá trị kiểu `{ $kind }`
diag-test-no-area = ca kiểm thử này không có địa bàn `{ $name }`
diag-not-an-input = `{ $name }` không phải là chỉ số
diag-test-value = `{ $name }`: { $why }
diag-given-unit = `{ $name }` là chỉ số kiểu `{ $kind }` nên giá trị phải là { $want }
diag-given-unit-label = không đúng đơn vị của chỉ số
diag-param-type = `{ $name }` là { $kind }, không phải { $given }
diag-param-unit-label = không đúng đơn vị của tham số

## Dòng lệnh: quét tham số và thư mục tiêu chí

diag-sweep-help = ghi `--param THAM_SỐ=TỪ..ĐẾN/BƯỚC`, ví dụ `nguong_kham_pha=60%..95%/5%`
diag-sweep-form = `{ $text }` không đúng dạng `THAM_SỐ=TỪ..ĐẾN/BƯỚC`
diag-sweep-no-step = `{ $text }` thiếu phần `/BƯỚC`
diag-sweep-no-range = `{ $text }` không đúng dạng `TỪ..ĐẾN`
diag-see-params = xem các khai báo `param`
diag-sweep-not-number = `{ $name }` không phải là số; chỉ quét được tham số dạng số hoặc tỷ lệ phần trăm
diag-sweep-bad-value = `{ $value }` không phải là số hoặc tỷ lệ phần trăm
diag-sweep-range-up = khoảng quét phải tăng dần: TỪ ≤ ĐẾN và BƯỚC > 0
diag-sweep-too-many = nhiều hơn { $max } giá trị; hãy chọn bước lớn hơn
diag-cannot-read-folder = không đọc được thư mục `{ $path }`: { $reason }
diag-candidate-valid = - { $path }: áp dụng từ { $from } đến { $to }
diag-candidate-no-valid = - { $path }: không có khoảng `valid`, hoặc tệp có lỗi
diag-candidates = các tệp tiêu chí trong thư mục:
diag-list-lines = { $head }
    { $next }
diag-no-rules-valid = không có tệp tiêu chí nào trong `{ $path }` áp dụng vào ngày { $date }
diag-several-rules-valid = có nhiều tệp tiêu chí trong `{ $path }` cùng áp dụng vào ngày { $date }
diag-rules-not-valid-on = `{ $path }` áp dụng từ { $from } đến { $to }, không áp dụng vào ngày { $date }
diag-rules-folder = `{ $path }` là một thư mục
diag-rules-folder-help = thêm `--on NGÀY` để dùng tệp tiêu chí trong thư mục có hiệu lực vào ngày đó

## Dòng lệnh: danh sách lỗi và cảnh báo

diag-more = … và { $count } lỗi, cảnh báo khác (`--format json` liệt kê đầy đủ)
diag-rule-warnings = Tệp tiêu chí có { $count } cảnh báo: chạy `tieuchi check { $path }` để xem chi tiết
diag-help = gợi ý: { $help }
diag-no-area = không có địa bàn `{ $id }` trong dữ liệu
diag-no-assessment = không có nội dung đánh giá `{ $id }` trong bộ tiêu chí
diag-no-criterion = không có tiêu chí `{ $id }` trong nội dung đánh giá này
diag-no-target = không có chỉ tiêu `{ $id }` trong bộ tiêu chí
