# Messages of the command line itself.

cli-stdin-format = error: reading data from standard input needs `--data-format json|ron|csv|xlsx`
cli-stdin-unreadable = error: cannot read standard input: { $reason }
cli-no-area = error: there is no area `{ $id }` in the data.
cli-output-table = error: `-o { $path }` writes a table: use `--format csv` or `--format xlsx`, or name the file `.csv` or `.xlsx`
cli-write-failed = error: could not write the output
cli-validate-summary = { $count ->
    [one] { $count } area
   *[other] { $count } areas
}: { $valid } valid, { $invalid } invalid
cli-check-ok = { $file }: ok{ $warnings ->
    [0] {""}
    [one] {" "}(1 warning)
   *[other] {" "}({ $warnings } warnings)
}
cli-empty-folder = error: the folder `{ $folder }` holds no `.tc` file: nothing to { $doing }
cli-template-left-empty = warning: values with problems are left empty in the template
cli-template-format = error: cannot tell the template's format from `{ $path }`: name it `.xlsx` or `.csv`
cli-template-wrote = wrote { $path } ({ $columns } columns, { $rows } rows)
cli-cannot-read = error: cannot read `{ $path }`: { $reason }
cli-cannot-write = error: cannot write `{ $path }`: { $reason }
cli-fmt-would = would reformat { $path }
cli-fmt-done = formatted { $path }
cli-xlsx-needs-file = error: `--format xlsx` writes a file: add `-o results.xlsx`
cli-cannot-write-csv = error: cannot write the CSV: { $reason }
cli-cannot-write-workbook = error: cannot write the workbook: { $reason }
cli-no-workbooks = error: this build of tieuchi writes no workbooks (built without the `spreadsheets` feature)
cli-report-no-stdin = error: the report records the data file's SHA-256: give a file, not `-`
cli-serve-listening = tieuchi serve: listening on { $url }
cli-serve-rulesets = { $count ->
    [one] serving 1 ruleset
   *[other] serving { $count } rulesets
}{ $broken ->
    [0] {""}
    [one] {"; "}1 file not served (GET /v1/rulesets says why)
   *[other] {"; "}{ $broken } files not served (GET /v1/rulesets says why)
}
cli-serve-no-folder = error: `{ $folder }` is not a folder of rules files
cli-serve-failed = error: cannot serve on { $addr }: { $reason }
cli-serve-bad-time = error: `--time-limit { $value }`: give a number of seconds above 0
lsp-hover-read-by = read by the outcomes { $list }
lsp-hover-periods = one value per period: { $list }
lsp-hover-value = value: `{ $value }`
lsp-hover-provisional = *provisional*: the council has not confirmed this value yet
lsp-hover-type = type: { $type }
